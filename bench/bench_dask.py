"""Throughput of the Dask engine against the local engine, on the same synthetic corpus, in one run.

    python bench/bench_dask.py [--articles 2000] [--workers 2] [--json bench/dask.json]

Builds N synthetic articles (bench.build_corpus: real headers and footers, recombined body
paragraphs), then extracts them into fresh output folders twice, each in its own child process:
the local engine with WORKERS worker processes, then `--engine dask` on a LocalCluster of WORKERS
processes (one thread each). Words are the whitespace-separated words of the bodies, the same count
for both; seconds are the whole run's (model loading, cluster start, writing the tables included).
It checks that both wrote the same tables, and prints words/s of each, the CPU seconds of its process
tree, its workers' peak RSS (sampled every half second) and the ratio dask/local.

    python bench/bench_dask.py --driver-memory [--sizes 10000 100000] [--json bench/driver-memory.json]

`--driver-memory` measures the driver alone, the process that reads the shards, plans the run,
keeps the state file, merges people and organisations and writes the tables, at each size of
synthetic articles given as a folder of JSONL shards (10,000 records each). The workers' side is
stubbed: each article's rows are the rows the real pipeline gave one of 64 synthetic articles of
the same kind (processed once, beforehand, with the model), with the article's own doc_id and
source_path, so the driver handles as many rows per article as a real run and the same recurring
people and organisations, but no model runs. Each size runs in its own process; the figure is that
process's peak RSS (getrusage ru_maxrss) and the ratio of the largest size's to the smallest's.
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
    """One engine's run, with the peak RSS of each worker process (sampled every half second) and the
    CPU seconds of the whole process tree (getrusage of this process and its waited-for children)."""
    import resource
    import threading

    from pipeline.run.runner import run

    peaks: dict[int, int] = {}
    done = threading.Event()

    def sample():
        import psutil
        me = psutil.Process()
        while not done.wait(0.5):
            for child in me.children(recursive=True):
                try:
                    if "resource_tracker" not in " ".join(child.cmdline()):
                        peaks[child.pid] = max(peaks.get(child.pid, 0), child.memory_info().rss)
                except psutil.Error:
                    pass
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    summary = run(corpus, out, workers=workers, progress=False, engine=engine)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return {"seconds": seconds, "documents": summary.documents, "workers": summary.workers, "rows": summary.rows,
            "cpu_seconds": round(sum(u.ru_utime + u.ru_stime for u in usage), 1),
            "worker_peak_rss_mb": sorted(round(v / 2**20) for v in peaks.values() if v > 100 * 2**20)}


def same_tables(a: Path, b: Path) -> bool:
    import pandas as pd
    from pipeline.schema import TABLES

    return all(pd.read_parquet(a / f"{t}.parquet").equals(pd.read_parquet(b / f"{t}.parquet")) for t in TABLES)


TEMPLATES = 64
SHARD_RECORDS = 10_000


def synthetic_records(n: int, seed: int = 13):
    """The articles of bench.build_corpus, as records ({"id", "text"}), generated as a stream."""
    from bench import synthetic_articles

    for i, text in enumerate(synthetic_articles(n, seed)):
        yield {"id": f"{i:07d}", "text": text}


def write_shards(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    handle = None
    for i, record in enumerate(synthetic_records(n)):
        if i % SHARD_RECORDS == 0:
            if handle:
                handle.close()
            handle = open(folder / f"shard-{i // SHARD_RECORDS:04d}.jsonl", "w", encoding="utf-8")
        handle.write(json.dumps(record) + "\n")
    if handle:
        handle.close()


def make_templates(target: Path) -> None:
    """Rows of TEMPLATES synthetic articles from the real pipeline (in this process), pickled."""
    import pickle
    from pipeline.nlp.build import resolve_model
    from pipeline.run.version import pipeline_version
    from pipeline.run.workers import safe_process_batch

    model = resolve_model(None)
    items = [(r["id"], r["text"].encode("utf-8"), None) for r in synthetic_records(TEMPLATES, seed=99)]
    rows = []
    for start in range(0, len(items), 16):
        rows += safe_process_batch(items[start:start + 16], model, pipeline_version(model))
    target.write_bytes(pickle.dumps(rows))


def measure_driver(corpus: Path, out: Path, templates: Path) -> dict:
    """A whole run of the driver with the per-article work replaced by template rows."""
    import pickle
    import resource
    from pipeline.ids import file_sha
    from pipeline.run import execute
    from pipeline.run.plan import content_key
    from pipeline.run.runner import run

    rows_of = pickle.loads(templates.read_bytes())

    def stub_batch(items, model=None, version=None):
        out = []
        for path, data, _ in items:
            doc_id = content_key(data)
            template = rows_of[int(file_sha(data)[:8], 16) % len(rows_of)]
            rows = {}
            for name, table_rows in template.items():
                rows[name] = [{**r, **({"doc_id": doc_id} if "doc_id" in r else {}),
                               **({"source_path": path} if "source_path" in r else {})} for r in table_rows]
            out.append(rows)
        return out

    execute.safe_process_batch = stub_batch
    execute.get_pipeline = lambda model: None  # no model in the driver
    started = time.perf_counter()
    summary = run(corpus, out, workers=1, progress=False)
    return {"seconds": round(time.perf_counter() - started, 1), "articles": summary.articles,
            "documents": summary.documents, "rows": summary.rows,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def driver_memory(sizes: list[int], scratch: Path) -> dict:
    templates = scratch / "templates.pickle"
    subprocess.run([sys.executable, __file__, "--make-templates", str(templates)], check=True)
    result = {"what": "driver alone, worker rows stubbed from templates", "runs": {},
              "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()}
    for n in sizes:
        corpus, out = scratch / f"in-{n}", scratch / f"out-{n}"
        write_shards(corpus, n)
        line = subprocess.run([sys.executable, __file__, "--measure-driver", str(corpus), str(out), str(templates)],
                              check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        measured = json.loads(line)
        result["runs"][str(n)] = measured
        print(f"{n:7d} articles: peak RSS {measured['peak_rss_mb']:7.1f} MB, {measured['seconds']:7.1f} s, "
              f"{measured['rows'].get('mentions', 0)} mentions", flush=True)
        import shutil
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    small, large = result["runs"][str(sizes[0])], result["runs"][str(sizes[-1])]
    result["rss_ratio"] = round(large["peak_rss_mb"] / small["peak_rss_mb"], 3)
    print(f"driver peak RSS {sizes[-1]} / {sizes[0]} articles = {result['rss_ratio']:.3f} (target <= 1.2)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--measure", nargs=3, metavar=("CORPUS", "OUT", "ENGINE"), help=argparse.SUPPRESS)
    parser.add_argument("--driver-memory", action="store_true", help="peak RSS of the driver alone at --sizes")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--make-templates", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--measure-driver", nargs=3, metavar=("CORPUS", "OUT", "TEMPLATES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_templates:
        make_templates(args.make_templates)
        return
    if args.measure_driver:
        print(json.dumps(measure_driver(*map(Path, args.measure_driver))))
        return
    if args.driver_memory:
        with tempfile.TemporaryDirectory(prefix="bench-driver-") as scratch:
            result = driver_memory(args.sizes, Path(scratch))
        if args.json:
            args.json.write_text(json.dumps(result, indent=2) + "\n")
        return
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
                  "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
                  "load_average_before": [round(x, 2) for x in os.getloadavg()]}
        for engine in ("local", "dask"):
            out = Path(scratch) / f"out-{engine}"
            line = subprocess.run([sys.executable, __file__, "--workers", str(args.workers), "--measure",
                                   str(corpus), str(out), engine], check=True, capture_output=True,
                                  text=True).stdout.strip().splitlines()[-1]
            measured = json.loads(line)
            measured["words_per_second"] = words / measured["seconds"]
            result[engine] = measured
            print(f"{engine:5}: {measured['seconds']:7.1f} s, {measured['words_per_second']:8.0f} words/s "
                  f"({measured['documents']} documents, {measured['workers']} workers; {measured['cpu_seconds']} "
                  f"CPU s; workers' peak RSS {measured['worker_peak_rss_mb']} MB)", flush=True)
        result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        result["same_tables"] = same_tables(Path(scratch) / "out-local", Path(scratch) / "out-dask")
        result["ratio"] = result["dask"]["words_per_second"] / result["local"]["words_per_second"]
    print(f"dask/local: {result['ratio']:.2f} on {result['cores']} cores "
          f"({args.articles} articles, {words} words; same tables: {result['same_tables']}); load average "
          f"before {result['load_average_before']}, after {result['load_average_after']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
