"""Score ratings and their subjects on a challenge set of short passages (`evaluate-ratings`).

The set (default tests/data/rating_subjects.jsonl, described in tests/data/README-rating_subjects.md)
was written blind, by an annotator who had not seen the code, to the guidelines of
docs/annotation.md (D17-D19). One passage a line:

    {"id": ..., "text": ..., "ratings": [{"span", "start", "end", "value", "negated",
     "hypothetical", "subject", "rated_by", "note"}]}

Each passage is run through the per-article function as an article of its own. A predicted
rating matches a gold one when their spans overlap (greedy by overlap, as the corpus scorer);
then the subject is compared with the corpus scorer's own `same_subject` (the gold subject's
last word is a word of the predicted one; both null is right), so the figures compare with
`make evaluate`'s "RATING subject". Reported:

- rating recall: gold ratings matched by a predicted one (and precision: predicted ones matched);
- subject accuracy: right subjects among the matched pairs (the corpus figure's definition);
- subject recall: right subjects among all gold ratings (a missed rating counts as wrong);
- subject accuracy, lenient: the subject or the annotator's second reading (`subject_alt`, e.g.
  "school" for a school the sentence names only so) is right; for information, not the baseline;
- rated_by accuracy among the matched pairs, with the same comparison.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .score import Accuracy, Counts, match_overlapping, same_subject

ROOT = Path(__file__).resolve().parent.parent.parent
CHALLENGE_SET = ROOT / "tests" / "data" / "rating_subjects.jsonl"
#: The keys this evaluation adds to the regression baseline (tests/baseline.json).
BASELINE_KEYS = ("challenge RATING recall", "challenge RATING subject")
#: The second blind set (full articles, tests/data/README-rating_articles.md) and its baseline keys.
ARTICLES_SET = ROOT / "tests" / "data" / "rating_articles.jsonl"
ARTICLES_KEYS = ("articles RATING recall", "articles RATING subject")
#: The third blind set (full articles of other genres, tests/data/README-rating_articles3.md) and its keys.
ARTICLES3_SET = ROOT / "tests" / "data" / "rating_articles3.jsonl"
ARTICLES3_KEYS = ("articles3 RATING recall", "articles3 RATING subject")
RATING_KEYS = ("span", "start", "end", "value", "subject")


@dataclass
class Passage:
    id: str
    text: str
    ratings: list[dict]


@dataclass
class ChallengeScores:
    ratings: Counts = field(default_factory=Counts)
    subject: Accuracy = field(default_factory=Accuracy)
    subject_all: Accuracy = field(default_factory=Accuracy)
    subject_lenient: Accuracy = field(default_factory=Accuracy)
    rated_by: Accuracy = field(default_factory=Accuracy)
    passages: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"ratings": self.ratings.as_dict(), "subject": self.subject.as_dict(),
                "subject_all": self.subject_all.as_dict(), "subject_lenient": self.subject_lenient.as_dict(),
                "rated_by": self.rated_by.as_dict(),
                "passages": self.passages}

    def headline(self, prefix: str = "challenge") -> dict[str, float]:
        """The figures the regression baseline watches (BASELINE_KEYS; ARTICLES_KEYS with prefix
        "articles")."""
        return {f"{prefix} RATING recall": round(self.ratings.recall, 4),
                f"{prefix} RATING subject": round(self.subject.value, 4)}


def load_passages(path: Path = CHALLENGE_SET) -> list[Passage]:
    """The passages of a challenge file; a malformed line raises ValueError naming its line."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            ratings = item.get("ratings") or []
            text = item["text"]
            for r in ratings:
                missing = [k for k in RATING_KEYS if k not in r]
                if missing:
                    raise ValueError(f"a rating lacks {', '.join(missing)}")
                if text[r["start"]:r["end"]] != r["span"]:
                    raise ValueError(f"span {r['span']!r} is not the text at {r['start']}-{r['end']}")
            out.append(Passage(str(item.get("id", n)), text, ratings))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{n}: {exc}") from exc
    return out


def _gold_offsets(passage: Passage, text: str) -> list[tuple[dict, int, int]]:
    """Gold ratings with offsets in the text the pipeline read (the reader may normalise line
    ends): the annotated offsets when the text is unchanged, else the span's next occurrence."""
    if text == passage.text:
        return [(r, r["start"], r["end"]) for r in passage.ratings]
    out, at = [], 0
    for r in sorted(passage.ratings, key=lambda r: r["start"]):
        found = text.find(r["span"], at)
        if found < 0:
            found = text.find(r["span"])
        if found >= 0:
            out.append((r, found, found + len(r["span"])))
            at = found + len(r["span"])
    return out


def score_passage(passage: Passage, rows: dict[str, list[dict]], scores: ChallengeScores) -> dict:
    """Add one passage's counts to `scores`; return what went wrong in it."""
    docs = rows.get("documents") or [{}]
    text = docs[0].get("text", passage.text)
    gold = [{**r, "_start": s, "_end": e} for r, s, e in _gold_offsets(passage, text)]
    pred = [r for r in rows.get("ratings", []) if r.get("rating_start") is not None]
    pairs = match_overlapping(gold, pred, key=lambda x: (x["_start"], x["_end"]) if "_start" in x
                              else (x["rating_start"], x["rating_end"]))
    scores.ratings.add(Counts(len(pairs), len(pred) - len(pairs), len(passage.ratings) - len(pairs)))
    paired = {id(g): p for g, p in pairs}
    report = {"id": passage.id, "misses": []}
    for g in gold:
        p = paired.get(id(g))
        if p is None:
            scores.subject_all.add(False)
            report["misses"].append({"span": g["span"], "gold": g.get("subject"), "pred": None, "what": "rating missed"})
            continue
        ok = same_subject(g.get("subject"), p.get("subject"))
        scores.subject.add(ok)
        scores.subject_lenient.add(ok or bool(g.get("subject_alt")) and same_subject(g["subject_alt"], p.get("subject")))
        scores.subject_all.add(ok)
        scores.rated_by.add(same_subject(g.get("rated_by"), p.get("rated_by")))
        if not ok:
            report["misses"].append({"span": g["span"], "gold": g.get("subject"), "pred": p.get("subject"),
                                     "what": "subject", "rule": p.get("rule")})
    for _ in range(len(passage.ratings) - len(gold)):  # a span the reader's text no longer holds
        scores.subject_all.add(False)
    report["false_hits"] = [p["rating_text"] for p in pred if not any(p is q for _, q in pairs)]
    return report


def evaluate_challenge(path: Path = CHALLENGE_SET, model: str | None = None, batch_size: int = 16) -> ChallengeScores:
    """Run the pipeline on every passage of the challenge file and score it."""
    from ..extract.process import process_articles
    from ..nlp.build import get_pipeline
    passages = load_passages(path)
    nlp = get_pipeline(model)
    scores = ChallengeScores()
    for start in range(0, len(passages), batch_size):
        batch = passages[start:start + batch_size]
        results = process_articles([(f"{p.id}.txt", p.text.encode("utf-8"), None) for p in batch], nlp)
        for passage, rows in zip(batch, results):
            if rows.get("rejected"):
                raise RuntimeError(f"challenge passage {passage.id} was rejected: {rows['rejected'][0]['detail']}")
            scores.passages.append(score_passage(passage, rows, scores))
    return scores


def print_scores(scores: ChallengeScores, misses: bool = True) -> None:
    c, s, a, b, le = scores.ratings, scores.subject, scores.subject_all, scores.rated_by, scores.subject_lenient
    n = len(scores.passages)
    print(f"== rating challenge set ({n} passages, {c.tp + c.fn} gold ratings) ==")
    print(f"ratings            P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  (tp {c.tp} fp {c.fp} fn {c.fn})")
    print(f"subject accuracy   {s.value:.3f} ({s.right}/{s.total} matched ratings)")
    print(f"subject recall     {a.value:.3f} ({a.right}/{a.total} gold ratings)")
    print(f"subject, lenient   {le.value:.3f} ({le.right}/{le.total} matched ratings; subject or subject_alt)")
    print(f"rated_by accuracy  {b.value:.3f} ({b.right}/{b.total} matched ratings)")
    if not misses:
        return
    for p in scores.passages:
        for m in p["misses"]:
            rule = f"  [{m['rule']}]" if m.get("rule") else ""
            print(f"  {p['id']}: {m['what']} {m['span']!r}: gold {m['gold']!r} got {m['pred']!r}{rule}")
        for f in p["false_hits"]:
            print(f"  {p['id']}: false rating {f!r}")
