"""The per-article work against the bare model, in one process on one core, turn by turn.

`bench.py` times the bare model and the extraction in separate processes, one after the other
(sequential b/a) or at the same time on the two cores (paired b/a). On this machine class the two
disagree: sequentially the extraction runs at 0.97-0.99 of the bare model, paired at 0.75, and in
the paired run it is the bare model that speeds up (it goes ~30 % faster than alone), not the
extraction that slows down. This script takes the machine out of the comparison: one process,
pinned to one core, loads both pipelines and runs them in turns over the same articles — the
bare model over the bodies the extraction parses, then `process_articles` (structure, the whole
spaCy pipeline, every rule, relations, dates, quotes, schema checks; not the run's state file or
Parquet writing) — so a slow spell of the machine hits both alike.

    python bench/interleaved.py [--articles N] [--rounds R] [--core C]

N synthetic articles (bench.build_corpus) plus the 36 corpus articles; prints each round's
seconds and the ratio bare / extraction, and the ratio over all rounds.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

BATCH = 32


def articles(n_synthetic: int) -> list[tuple[str, bytes, None]]:
    from bench import build_corpus

    folder = Path(tempfile.mkdtemp(prefix="bench-interleaved-"))
    build_corpus(folder, n_synthetic)
    corpus = sorted((ROOT / "corpus" / "raw").glob("*.txt")) + sorted((ROOT / "corpus" / "written").glob("*.txt"))
    paths = corpus + sorted(folder.glob("*.txt"))
    return [(str(p), p.read_bytes(), None) for p in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120, help="synthetic articles besides the corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--core", type=int, default=0, help="the core both runs are pinned to")
    parser.add_argument("--model", default=None)
    parser.add_argument("--folder", type=Path, default=None, help="articles of this folder instead (*.txt, *.html)")
    args = parser.parse_args()
    os.sched_setaffinity(0, {args.core})

    import spacy

    from pipeline.extract.process import _prepare, process_articles
    from pipeline.nlp.build import get_pipeline, resolve_model

    if args.folder:
        paths = sorted(p for p in args.folder.rglob("*") if p.suffix in (".txt", ".html"))
        items = [(str(p), p.read_bytes(), None) for p in paths]
    else:
        items = articles(args.articles)
    bodies = [p["body"] for p in (_prepare(*item) for item in items) if "body" in p]
    bare, nlp = spacy.load(resolve_model(args.model)), get_pipeline(args.model)
    process_articles(items[:BATCH], nlp)  # first-use costs (dateparser's locales, word lists) are not timed
    for _ in bare.pipe(bodies[:BATCH]):
        pass
    total_bare = total_full = 0.0
    for round_ in range(1, args.rounds + 1):
        started = time.perf_counter()
        for i in range(0, len(bodies), BATCH):
            with bare.memory_zone():
                for _ in bare.pipe(bodies[i:i + BATCH], batch_size=64):
                    pass
        seconds_bare = time.perf_counter() - started
        started = time.perf_counter()
        for i in range(0, len(items), BATCH):
            process_articles(items[i:i + BATCH], nlp)
        seconds_full = time.perf_counter() - started
        total_bare, total_full = total_bare + seconds_bare, total_full + seconds_full
        print(f"round {round_}: bare {seconds_bare:.2f} s, extraction {seconds_full:.2f} s, "
              f"bare/extraction {seconds_bare / seconds_full:.3f}", flush=True)
    print(f"{len(items)} articles, {args.rounds} rounds, core {args.core}: "
          f"extraction at {total_bare / total_full:.3f} of the bare model's speed")


if __name__ == "__main__":
    main()
