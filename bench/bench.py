"""Speed and memory benchmark: bare en_core_web_sm against the whole extraction.

    python bench/bench.py [--articles 2000] [--json bench/results.json]
    python bench/bench.py --memory [--sizes 1000 10000]

The speed run builds a synthetic corpus of N articles by recombining the paragraphs of
corpus/raw (each article gets a real page's header and footer and a random mix of body
paragraphs, so no two strings repeat), then measures, each in its own process:

  (a) bare: the statistical model alone, `nlp.pipe` over the same bodies the extraction parses;
  (b) extract, 1 worker: reading, structure, the whole spaCy pipeline, relations, dates, quotes
      and writing the tables (`pipeline.run.runner.run`, a fresh output folder);
  (c) the same with 2 workers.

Then, unless --no-paired, it runs (a) and (b) again at the same time, each pinned to its own core,
(a) going round the corpus until (b) is done, and takes b/a from rates over the same minutes: on a
machine whose speed drifts by ±20 % from minute to minute, runs one after the other can each meet
a different spell, and this pairing cancels it (bench/README.md, "Reading the figures"). It pairs
them twice, the cores swapped the second time, and reports the mean of the two ratios: the two
cores are not alike, so one pairing alone hands (b) one core's handicap.

Words are whitespace-separated words of the bodies, the same count for all three. Peak RSS is
the largest sum of resident memory over the measured process and its workers, sampled from
/proc every 0.1 s. The memory run extracts corpora of each size (2 workers) and compares peak
RSS: a run that keeps rows or strings per article grows with the corpus; ours should not.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


# -- the synthetic corpus ---------------------------------------------------------------------

def split_page(path: Path) -> tuple[str, str, str]:
    """(header, body, footer) of an article file, as the extraction's structure step sees it."""
    from pipeline.io.inputs import decode
    from pipeline.structure import analyse

    text = decode(path.read_bytes())
    s = analyse(text)
    return text[:s.body_start], text[s.body_start:s.body_end], text[s.body_end:]


def synthetic_articles(n_articles: int, seed: int = 13):
    """n_articles recombined articles, as a stream of texts: each keeps a real page's header and
    footer and gets its first two body paragraphs and 6-12 random paragraphs of all the pages."""
    pages = []
    for path in sorted((ROOT / "corpus" / "raw").glob("*.txt")):
        header, body, footer = split_page(path)
        pages.append((header, [p for p in body.split("\n\n") if p.strip()], footer))
    pool = [p for _, paragraphs, _ in pages for p in paragraphs]
    rng = random.Random(seed)
    for i in range(n_articles):
        header, paragraphs, footer = pages[i % len(pages)]
        body = paragraphs[:2] + rng.sample(pool, min(len(pool), rng.randint(6, 12)))
        yield header + "\n\n".join(body) + footer


def build_corpus(folder: Path, n_articles: int, seed: int = 13) -> list[str]:
    """Write n_articles recombined articles to `folder`; returns their bodies (for the bare run)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(synthetic_articles(n_articles, seed)):
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    return bodies_of(folder)


def bodies_of(folder: Path) -> list[str]:
    return [split_page(path)[1] for path in sorted(folder.glob("*.txt"))]


# -- measurements (each runs in a child process: `bench.py --measure ...`) -------------------

def measure_bare(corpus: Path, model: str | None) -> dict:
    import spacy
    from pipeline.nlp.build import resolve_model

    bodies = bodies_of(corpus)
    nlp = spacy.load(resolve_model(model))
    started = time.perf_counter()
    with nlp.memory_zone():
        for _ in nlp.pipe(bodies, batch_size=64):
            pass
    return {"seconds": time.perf_counter() - started, "pipes": nlp.pipe_names}


def measure_bare_until(corpus: Path, model: str | None, ready: Path, go: Path, stop: Path) -> dict:
    """The bare model over the bodies, round and round, from when `go` exists until `stop` does:
    its rate over the same minutes as the extraction it is paired with (whole chunks only)."""
    import spacy
    from pipeline.nlp.build import resolve_model

    bodies = bodies_of(corpus)
    batches = [bodies[i:i + 32] for i in range(0, len(bodies), 32)]
    batch_words = [sum(len(b.split()) for b in batch) for batch in batches]
    nlp = spacy.load(resolve_model(model))
    ready.touch()
    while not go.exists():
        time.sleep(0.01)
    words, started = 0, time.perf_counter()
    seconds = 0.0
    while not stop.exists():
        with nlp.memory_zone():
            for batch, n_words in zip(batches, batch_words):
                for _ in nlp.pipe(batch, batch_size=64):
                    pass
                words += n_words
                seconds = time.perf_counter() - started
                if stop.exists():
                    break
    return {"seconds": seconds, "words": words}


def measure_extract(corpus: Path, model: str | None, workers: int, go: Path | None = None) -> dict:
    from pipeline.run.runner import run

    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    try:
        if go is not None:
            go.touch()  # a paired bare run starts its clock now
        started = time.perf_counter()
        summary = run(corpus, out, workers=workers, model=model, progress=False)
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return {"seconds": seconds, "documents": summary.documents, "rows": summary.rows,
            "workers": summary.workers}


# -- process-tree memory ----------------------------------------------------------------------

def tree_rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack.extend(int(c) for c in handle.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_measured(args: list[str], core: int | None = None) -> tuple[dict, int]:
    """Run `bench.py --measure ...` in a child (on one core, if given); returns its JSON result
    and peak tree RSS."""
    pin = (lambda: os.sched_setaffinity(0, {core})) if core is not None else None
    child = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True,
                             preexec_fn=pin)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_bytes(child.pid))
            time.sleep(0.1)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate()
    done.set()
    sampler.join()
    if child.returncode:
        raise SystemExit(f"measurement {args} failed with exit code {child.returncode}")
    return json.loads(out.strip().splitlines()[-1]), peak


# -- the two benchmarks -----------------------------------------------------------------------

def machine() -> dict:
    import spacy
    from pipeline.run.workers import available_cores
    return {"cores": available_cores(), "python": platform.python_version(), "spacy": spacy.__version__,
            "platform": platform.platform()}


def speed(n_articles: int, model: str | None, work: Path, paired: bool = True) -> dict:
    corpus = work / f"corpus-{n_articles}"
    bodies = build_corpus(corpus, n_articles)
    words = sum(len(b.split()) for b in bodies)
    result = {"articles": n_articles, "words": words, "machine": machine(), "runs": {}}
    plan = [("a_bare_model", ["--measure", "bare"]),
            ("b_extract_1_worker", ["--measure", "extract", "--workers", "1"]),
            ("c_extract_2_workers", ["--measure", "extract", "--workers", "2"])]
    for name, args in plan:
        extra = ["--corpus", str(corpus)] + (["--model", model] if model else [])
        measured, peak = run_measured(args + extra)
        measured.update(words_per_second=round(words / measured["seconds"], 1),
                        peak_rss_mb=round(peak / 2**20, 1), seconds=round(measured["seconds"], 2))
        result["runs"][name] = measured
        print(f"{name:22} {measured['seconds']:8.1f} s  {measured['words_per_second']:9.1f} words/s  "
              f"peak RSS {measured['peak_rss_mb']:7.1f} MB", flush=True)
    runs = result["runs"]
    result["ratio_b_over_a"] = round(runs["b_extract_1_worker"]["words_per_second"]
                                     / runs["a_bare_model"]["words_per_second"], 3)
    result["ratio_c_over_b"] = round(runs["c_extract_2_workers"]["words_per_second"]
                                     / runs["b_extract_1_worker"]["words_per_second"], 3)
    print(f"b/a = {result['ratio_b_over_a']:.3f} (target >= 0.8)   "
          f"c/b = {result['ratio_c_over_b']:.3f} (target >= 1.6)   cores: {result['machine']['cores']}")
    if paired and len(os.sched_getaffinity(0)) >= 2:
        first, second = sorted(os.sched_getaffinity(0))[:2]
        # twice, the cores swapped: the two cores are not alike (bench/README.md, "Reading the
        # figures"), and a single pairing gives (b) one core's handicap or advantage
        rounds = [paired_run(corpus, words, model, work, cores) for cores in ((first, second), (second, first))]
        result["paired"] = {"rounds": rounds,
                            "ratio_b_over_a": round(sum(r["ratio_b_over_a"] for r in rounds) / len(rounds), 3)}
        each = " and ".join(f"{r['ratio_b_over_a']:.3f}" for r in rounds)
        print(f"paired b/a = {result['paired']['ratio_b_over_a']:.3f} (a and b at the same time, one core each; "
              f"the mean of {each}, cores swapped)")
    return result


def paired_run(corpus: Path, words: int, model: str | None, work: Path, cores: tuple[int, int]) -> dict:
    """(a) and (b) at the same time, (a) on cores[0] and (b) on cores[1], (a) going round the
    corpus until (b) is done: slow spells of a shared machine then hit both alike, where runs one
    after the other can each meet a different spell (here, ±20 %)."""
    ready, go, stop = work / "bare.ready", work / "bare.go", work / "bare.stop"
    for flag in (ready, go, stop):
        flag.unlink(missing_ok=True)  # the files of an earlier round
    extra = ["--corpus", str(corpus)] + (["--model", model] if model else [])
    core_a, core_b = cores
    bare_result: dict = {}

    def bare():
        bare_result.update(run_measured(["--measure", "bare-until", "--ready", str(ready), "--go", str(go),
                                         "--stop", str(stop), *extra], core=core_a)[0])
    thread = threading.Thread(target=bare)
    thread.start()
    while not ready.exists() and thread.is_alive():
        time.sleep(0.1)
    try:
        extract, _ = run_measured(["--measure", "extract", "--workers", "1", "--go", str(go), *extra], core=core_b)
    finally:
        stop.touch()
        thread.join()
    if not bare_result.get("seconds"):
        raise SystemExit("the paired bare run finished no chunk while the extraction ran: use more --articles")
    a_rate = bare_result["words"] / bare_result["seconds"]
    b_rate = words / extract["seconds"]
    print(f"{'a_bare (paired)':22} {bare_result['seconds']:8.1f} s  {a_rate:9.1f} words/s  "
          f"({bare_result['words']} words, core {core_a})", flush=True)
    print(f"{'b_extract (paired)':22} {extract['seconds']:8.1f} s  {b_rate:9.1f} words/s  (core {core_b})", flush=True)
    return {"core_a": core_a, "core_b": core_b,
            "a_words_per_second": round(a_rate, 1), "a_seconds": round(bare_result["seconds"], 2),
            "a_words": bare_result["words"], "b_words_per_second": round(b_rate, 1),
            "b_seconds": round(extract["seconds"], 2), "ratio_b_over_a": round(b_rate / a_rate, 3)}


def memory(sizes: list[int], model: str | None, work: Path, workers: int) -> dict:
    result = {"machine": machine(), "workers": workers, "runs": {}}
    for n in sizes:
        corpus = work / f"corpus-{n}"
        build_corpus(corpus, n)
        extra = ["--corpus", str(corpus), "--workers", str(workers)] + (["--model", model] if model else [])
        measured, peak = run_measured(["--measure", "extract", *extra])
        result["runs"][str(n)] = {"seconds": round(measured["seconds"], 1), "peak_rss_mb": round(peak / 2**20, 1)}
        print(f"{n:6d} articles  {measured['seconds']:8.1f} s  peak RSS {peak / 2**20:7.1f} MB", flush=True)
        shutil.rmtree(corpus, ignore_errors=True)
    small, large = result["runs"][str(sizes[0])], result["runs"][str(sizes[-1])]
    result["rss_ratio"] = round(large["peak_rss_mb"] / small["peak_rss_mb"], 3)
    print(f"peak RSS {sizes[-1]} / {sizes[0]} articles = {result['rss_ratio']:.3f} (target <= 1.2)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--memory", action="store_true", help="compare peak RSS across --sizes instead")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--model", default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None, help="where to write the result")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--no-paired", dest="paired", action="store_false",
                        help="skip the paired run of (a) and (b) at the same time")
    parser.add_argument("--measure", choices=["bare", "bare-until", "extract"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--ready", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stop", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--go", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:  # child process: one measurement, JSON on the last line
        if args.measure == "bare":
            result = measure_bare(args.corpus, args.model)
        elif args.measure == "bare-until":
            result = measure_bare_until(args.corpus, args.model, args.ready, args.go, args.stop)
        else:
            result = measure_extract(args.corpus, args.model, args.workers, args.go)
        print(json.dumps(result))
        return

    work = args.work or Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        result = (memory(args.sizes, args.model, work, args.workers) if args.memory
                  else speed(args.articles, args.model, work, args.paired))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    target = args.json or ROOT / "bench" / ("memory.json" if args.memory else "results.json")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, target)
    print(f"result: {target}")


if __name__ == "__main__":
    main()
