"""The regression baseline: the scores the test suite holds the pipeline to.

`make baseline` (python -m pipeline.baseline --write) accepts the current scores; the test
tests/test_regression.py fails when any corpus score drops more than TOLERANCE below it, and
tests/test_rating_subjects.py when a figure of the rating challenge set does (keys "challenge ...",
pipeline/eval/rating_subjects.py).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from .score import evaluate_corpus, headline_scores

ROOT = Path(__file__).resolve().parent.parent.parent
BASELINE = ROOT / "tests" / "baseline.json"
TOLERANCE = 0.01


def corpus_scores() -> dict[str, float]:
    return headline_scores(evaluate_corpus(ROOT / "corpus" / "gold", ROOT / "corpus"))


def challenge_scores() -> dict[str, float]:
    """The rating challenge sets' figures (BASELINE_KEYS, ARTICLES_KEYS, ARTICLES3_KEYS); none for a set that is absent."""
    from .rating_subjects import ARTICLES3_SET, ARTICLES_SET, CHALLENGE_SET, evaluate_challenge
    out = evaluate_challenge(CHALLENGE_SET).headline() if CHALLENGE_SET.is_file() else {}
    if ARTICLES_SET.is_file():
        out.update(evaluate_challenge(ARTICLES_SET).headline("articles"))
    if ARTICLES3_SET.is_file():
        out.update(evaluate_challenge(ARTICLES3_SET).headline("articles3"))
    return out


def is_challenge_key(key: str) -> bool:
    return key.startswith(("challenge ", "articles ", "articles3 "))


def current_scores() -> dict[str, float]:
    """Every watched score: the corpus's and the challenge set's."""
    return {**corpus_scores(), **challenge_scores()}


def regressions(current: dict[str, float], baseline: dict[str, float], tolerance: float = TOLERANCE) -> list[str]:
    """Every watched score that fell more than `tolerance` below its baseline (or disappeared)."""
    out = []
    for key, old in sorted(baseline.items()):
        new = current.get(key)
        if new is None:
            out.append(f"{key}: missing (baseline {old:.3f})")
        elif new < old - tolerance:
            out.append(f"{key}: {new:.3f} < baseline {old:.3f}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="accept the current scores as the baseline")
    args = parser.parse_args()
    scores = current_scores()
    if args.write:
        BASELINE.write_text(json.dumps(scores, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"baseline written: {BASELINE} ({len(scores)} scores)")
        return 0
    problems = regressions(scores, json.loads(BASELINE.read_text(encoding="utf-8")))
    print("\n".join(problems) or "no regressions")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
