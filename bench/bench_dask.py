"""Throughput of the Dask engine against the local engine, on the same synthetic corpus, in one run.

    python bench/bench_dask.py [--articles 2000] [--workers 2] [--json bench/dask.json]

Builds N synthetic articles (bench.build_corpus: real headers and footers, recombined body
paragraphs), then extracts them into fresh output folders twice, each in its own child process:
the local engine with WORKERS worker processes, then `--engine dask` on a LocalCluster of WORKERS
processes (one thread each). Words are the whitespace-separated words of the bodies, the same count
for both; seconds are the whole run's (model loading, cluster start, writing the tables included).
It checks that both wrote the same tables, and prints words/s of each and the ratio dask/local.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def measure(corpus: Path, out: Path, engine: str, workers: int) -> dict:
    from pipeline.run.runner import run

    started = time.perf_counter()
    summary = run(corpus, out, workers=workers, progress=False, engine=engine)
    return {"seconds": time.perf_counter() - started, "documents": summary.documents,
            "workers": summary.workers, "rows": summary.rows}


def same_tables(a: Path, b: Path) -> bool:
    import pandas as pd
    from pipeline.schema import TABLES

    return all(pd.read_parquet(a / f"{t}.parquet").equals(pd.read_parquet(b / f"{t}.parquet")) for t in TABLES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--measure", nargs=3, metavar=("CORPUS", "OUT", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        corpus, out, engine = args.measure
        print(json.dumps(measure(Path(corpus), Path(out), engine, args.workers)))
        return
    from bench import build_corpus

    with tempfile.TemporaryDirectory(prefix="bench-dask-") as scratch:
        corpus = Path(scratch) / "corpus"
        bodies = build_corpus(corpus, args.articles)
        words = sum(len(b.split()) for b in bodies)
        result = {"articles": args.articles, "words": words, "workers": args.workers,
                  "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()}
        for engine in ("local", "dask"):
            out = Path(scratch) / f"out-{engine}"
            line = subprocess.run([sys.executable, __file__, "--workers", str(args.workers), "--measure",
                                   str(corpus), str(out), engine], check=True, capture_output=True,
                                  text=True).stdout.strip().splitlines()[-1]
            measured = json.loads(line)
            measured["words_per_second"] = words / measured["seconds"]
            result[engine] = measured
            print(f"{engine:5}: {measured['seconds']:7.1f} s, {measured['words_per_second']:8.0f} words/s "
                  f"({measured['documents']} documents, {measured['workers']} workers)", flush=True)
        result["same_tables"] = same_tables(Path(scratch) / "out-local", Path(scratch) / "out-dask")
        result["ratio"] = result["dask"]["words_per_second"] / result["local"]["words_per_second"]
    print(f"dask/local: {result['ratio']:.2f} on {result['cores']} cores "
          f"({args.articles} articles, {words} words; same tables: {result['same_tables']})")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
