"""Profile the text body finder (`pipeline.structure.analyse`) under cProfile, without the model.

    .venv/bin/python bench/profile_structure.py [--repeat 3] [--synthetic 120] [--aeb PATH]

Pages: the corpus articles (corpus/**/*.txt), `--synthetic` recombined ones
(bench.bench.build_corpus, in a temporary folder) and, with `--aeb`, the dev pages (ids 0-7 only)
of an article-extraction-benchmark clone rendered to text as the AEB adapter renders them. Prints
the profiler's total seconds per group and the functions that cost most.
"""
from __future__ import annotations

import argparse
import cProfile
import gzip
import pstats
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]


def pages(synthetic: int, aeb: str | None) -> dict[str, list[str]]:
    from bench.bench import build_corpus

    groups = {"corpus": [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").rglob("*.txt"))]}
    if synthetic:
        with tempfile.TemporaryDirectory() as tmp:
            build_corpus(Path(tmp), synthetic)
            groups["corpus"] += [p.read_text(encoding="utf-8") for p in sorted(Path(tmp).glob("*.txt"))]
    if aeb:
        from pipeline.eval.external.aeb import page_ids, render_text

        clone = Path(aeb)
        groups["aeb-dev-text"] = [render_text(gzip.decompress((clone / "html" / f"{pid}.html.gz").read_bytes())
                                              .decode("utf-8", errors="replace")) for pid in page_ids(clone, "dev")]
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--synthetic", type=int, default=120)
    parser.add_argument("--aeb", default=None, help="a clone of article-extraction-benchmark (dev pages only)")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    from pipeline.structure import analyse

    groups = pages(args.synthetic, args.aeb)
    analyse(groups["corpus"][0])  # word lists, stopword lists and cue patterns are read once per process
    for name, texts in groups.items():
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.repeat):
            for text in texts:
                analyse(text)
        profile.disable()
        stats = pstats.Stats(profile)
        print(f"{name}: {len(texts)} pages x {args.repeat}: {stats.total_tt:.3f} s under the profiler")
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
