"""A whole run: find inputs, plan (what to process, reuse, prune), execute, write the tables.

Per-article work goes through `process_article` (pipeline/extract/process.py), which workers run
whole, returning rows rather than Docs. Rows stream into the writer in input order as articles
finish, so memory stays flat on long runs, and an article whose bytes, metadata and pipeline
version are unchanged since the last run into the same output folder is not processed again: its
rows come from the state file (pipeline/io/state.py).
"""
from __future__ import annotations

import dataclasses
import gc
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.organizations import OrganizationMerger
from ..extract.people import PeopleMerger
from ..io.inputs import find_inputs
from ..extract.metadata import ArticleMetadata
from ..io.sidecars import is_sidecar, load_metadata, metadata_from_json, metadata_to_json
from ..io.state import RunState
from ..io.inputs import RejectedInput
from ..io.shards import SHARD_SUFFIXES, is_shard, read_source, scan_shard
from ..io.tables import GENERATIONS, LOCK_FILE
from ..io.writer import TableSink, output_lock, recover, remove_stale_temporaries
from ..nlp.build import resolve_model
from .execute import results
from .plan import EntryStore, content_key, make_plan, read_inputs
from .version import pipeline_version
from .workers import default_workers


#: Tables an article gives as partial rows, merged here across articles (pipeline/schema.py).
MERGED = ("people", "organizations")
#: Where batches run: "local" (this process, or a pool of worker processes) or "dask" (pipeline/run/dask_engine.py).
ENGINES = ("local", "dask")


def is_article_shard(path: Path, in_dir: Path) -> bool:
    """A shard inside an input folder is read when it is a file of articles: not inside an output
    folder of this tool (a folder with a run lock or generations), and, for Parquet, with an `id`
    column and a `text` or `html` one (a table of this tool's, or any other Parquet file, is not)."""
    if not is_shard(path):
        return False
    for folder in path.parents:
        if (folder / LOCK_FILE).exists() or (folder / GENERATIONS).is_dir():
            return False
        if folder == in_dir:
            break
    if path.name.lower().endswith(".parquet"):
        try:
            import pyarrow.parquet as pq
            names = set(pq.read_schema(path).names)
        except Exception:  # noqa: BLE001 - not readable as Parquet: scanned, and rejected with the reason
            return True
        return "id" in names and bool(names & {"text", "html"})
    return True


@dataclass
class Summary:
    articles: int = 0
    documents: int = 0
    duplicates: int = 0
    rejected: int = 0
    processed: int = 0
    reused: int = 0
    kept: int = 0
    pruned: int = 0
    workers: int = 1
    skipped: list[str] = field(default_factory=list)
    mentions: Counter = field(default_factory=Counter)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        labels = ", ".join(f"{k} {v}" for k, v in sorted(self.mentions.items())) or "none"
        out = [f"articles read: {self.articles} ({self.documents} documents, {self.duplicates} duplicates), "
               f"rejected: {self.rejected}",
               f"processed: {self.processed} (workers: {self.workers}), reused from the last run: {self.reused}",
               f"mentions: {labels}",
               "tables: " + ", ".join(f"{k} {v}" for k, v in self.rows.items()),
               f"seconds: {self.seconds:.1f}"]
        if self.kept:
            out.insert(1, f"kept: {self.kept} articles no longer in the input folder (--prune drops them)")
        if self.pruned:
            out.insert(1, f"pruned: {self.pruned} articles no longer in the input folder")
        if self.skipped:
            out.insert(1, f"skipped (not *.txt or *.html): {len(self.skipped)}: " + ", ".join(self.skipped[:5])
                       + (" ..." if len(self.skipped) > 5 else ""))
        return out


def run(in_dir: Path, out_dir: Path, workers: int | None = 1, model: str | None = None,
        progress: bool | None = None, prune: bool = False, rebuild: bool = False, date_order: str | None = None,
        engine: str = "local", scheduler: str | None = None, part_rows: int | None = None) -> Summary:
    """Extract IN into tables in OUT. Articles unchanged since the last run into OUT are reused
    (unless `rebuild`); articles gone from IN stay in the output unless `prune`. `workers=None`
    or 0 picks a number from the cores and the work to do. `engine="dask"` runs the batches on the
    dask.distributed cluster at `scheduler`, or on a LocalCluster of `workers` processes (same tables).
    A table of more than `part_rows` rows (default: pipeline/io/writer.py PART_ROWS, or
    $PIPELINE_PART_ROWS) is written as a folder of part files."""
    if engine not in ENGINES:
        raise RuntimeError(f"unknown engine {engine!r}: use {' or '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise RuntimeError("--scheduler needs --engine dask")
    started = time.perf_counter()
    if progress is None:  # bars only on a terminal: never into a log file or a notebook's captured output
        progress = sys.stderr.isatty()
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    shard = is_shard(in_dir)  # a JSONL or Parquet file of articles (pipeline/io/shards.py)
    if not in_dir.is_dir() and not shard:
        if in_dir.exists():
            raise RuntimeError(f"input {in_dir} is a file, neither a folder nor a shard "
                               f"({', '.join('*' + s for s in SHARD_SUFFIXES)})")
        raise FileNotFoundError(f"input folder {in_dir} does not exist")
    if out_dir.exists() and not out_dir.is_dir():
        raise RuntimeError(f"output folder {out_dir} is a file, not a folder")
    model = resolve_model(model)
    version = pipeline_version(model)
    summary = Summary()
    if shard:
        (articles, metadata, metadata_problems), others = scan_shard(in_dir), []
    else:
        articles, others = find_inputs(in_dir)
        metadata, metadata_problems = load_metadata(in_dir, articles)
        # shards inside the folder: their records are articles too, `sub/FILE.jsonl#id`
        shards = [o for o in others if is_article_shard(o.path, in_dir)]
        for found in shards:
            try:
                records, shard_metadata, problems = scan_shard(found.path, found.relative_path)
            except (OSError, ValueError) as exc:  # not a readable shard (pyarrow's errors are ValueErrors)
                metadata_problems.append({"source_path": found.relative_path, "reason": "unreadable",
                                          "detail": f"not a readable shard: {' '.join(str(exc).split())[:200]}"})
                continue
            articles.extend(records)
            metadata.update(shard_metadata)
            metadata_problems.extend(problems)
        others = [o for o in others if o not in shards]
    if date_order:  # --date-order: every article whose sidecar does not say otherwise
        for art in articles:
            meta = metadata.get(art.relative_path) or ArticleMetadata()
            if not meta.date_order:
                metadata[art.relative_path] = dataclasses.replace(meta, date_order=date_order)
    summary.skipped = [o.relative_path for o in others
                       if not is_sidecar(o.path.name)]
    rejected_first = list(metadata_problems)

    with output_lock(out_dir), RunState(out_dir, rebuild=rebuild) as state:
        # a run killed before its switch left a generation: complete or undo it before anything else
        recover(out_dir, committed=state.generation())
        remove_stale_temporaries(out_dir)
        remembered = state.remembered()
        present, unreadable = read_inputs(articles, metadata, remembered, version)
        rejected_first += unreadable
        plan = make_plan(present, {a.relative_path for a in articles}, remembered, version, prune, rebuild,
                         lambda path: content_key(state.stored_bytes(path)),
                         lambda path: metadata_from_json(state.stored_metadata(path)))
        summary.articles = len(articles)
        # what the plan has taken in is not needed any more: a long run keeps only its entries
        del articles, metadata, present, remembered
        state.forget(plan.forget)
        plan.forget = []
        for entry in plan.remember:
            try:
                data = read_source(entry.file)
            except (OSError, RejectedInput):
                continue  # gone or grown since the scan: not remembered, seen again next run
            state.remember(entry.source_path, data, entry.meta_hash,
                           metadata_to_json(entry.metadata), entry.content_id, None, None)
        duplicates, todo = plan.duplicates, plan.todo
        # the entries wait on disk, not in memory, while the run goes through them in order
        unique = EntryStore()
        unique.extend(plan.entries)
        plan.entries = plan.remember = []
        gc.collect()
        workers = default_workers(todo) if not workers else min(workers, max(1, todo))
        summary.duplicates = sum(len(v) for v in duplicates.values())
        summary.kept, summary.pruned = plan.kept, plan.pruned
        summary.workers, summary.processed, summary.reused = workers, todo, len(unique) - todo

        sink = TableSink(out_dir, version=version, part_rows=part_rows)
        people, organizations = PeopleMerger(), OrganizationMerger()
        sink.add({"rejected": rejected_first})
        try:
            def pool_started(n: int) -> None:  # the workers the run really has (a --scheduler cluster's own)
                summary.workers = n

            for entry, rows in results(unique, state, model, version, workers, progress, engine, scheduler,
                                       on_start=pool_started):
                for doc in rows["documents"]:
                    doc["duplicate_paths"] = duplicates.get(doc["doc_id"], [])
                for partial in rows["people"]:
                    people.add(partial)
                for partial in rows.get("organizations", []):
                    organizations.add(partial)
                sink.add({name: table_rows for name, table_rows in rows.items() if name not in MERGED})
                summary.mentions.update(m["label"] for m in rows["mentions"])
            sink.add({"people": people.rows(), "organizations": organizations.rows()})
            summary.rows = sink.finish()  # the new generation, complete on disk, not yet current
        except BaseException:
            sink.abort()
            raise
        finally:
            unique.close()
        # The state next, naming the generation that matches it; then the one switch. Killed in
        # between, OUT still shows the previous run's tables whole, and the next run's `recover`
        # completes the switch to the generation the state names.
        state.commit(generation=sink.generation)
        sink.switch()
    summary.documents = summary.rows["documents"]
    summary.rejected = summary.rows["rejected"]
    summary.seconds = time.perf_counter() - started
    return summary
