"""A whole run: find inputs, deduplicate, process what is new (in workers if asked), write tables.

The only code that touches the file system besides the writer and the state file. Per-article
work goes through `process_article`, which workers run whole, returning rows rather than Docs.
Rows stream into the writer in input order as articles finish, so memory stays flat on long runs,
and an article whose bytes, metadata and pipeline version are unchanged since the last run into
the same output folder is not processed again: its rows come from the state file (pipeline/state.py).
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import logging
import os
import time
import traceback
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tqdm import tqdm

from . import __version__
from .datetext import find_date
from .extract import ArticleMetadata, process_article, process_articles
from .nlp import PATTERNS_DIR, get_pipeline, resolve_model
from .people import PeopleMerger
from .reader import RejectedInput, SourceFile, content_id, decode, find_inputs
from .schema import TABLES, empty_rows
from .state import Remembered, RunState, file_sha, metadata_hash
from .writer import TableSink

log = logging.getLogger(__name__)

METADATA_CSV = "metadata.csv"
METADATA_SUFFIX = ".meta.json"


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
            out.insert(1, f"skipped (not *.txt): {len(self.skipped)}: " + ", ".join(self.skipped[:5])
                       + (" ..." if len(self.skipped) > 5 else ""))
        return out


def _folder_hash(folder: Path, suffixes: tuple[str, ...] | None = None) -> str:
    """Hash of the names and bytes of the files under `folder` (only `suffixes`, when given)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and (suffixes is None or path.suffix in suffixes):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]


def _model_fingerprint(model: str) -> str:
    """The model's name with its package version, or a hash of a model folder's files."""
    if Path(model).is_dir():
        return f"{Path(model).name}.{_folder_hash(Path(model))}"
    from importlib.metadata import PackageNotFoundError, version
    for name in (model, model.replace("_", "-")):
        try:
            return f"{model}-{version(name)}"
        except PackageNotFoundError:
            continue
    return model


def pipeline_version(model: str) -> str:
    """Package version, model (and its version), spaCy version and hashes of patterns/ and of the
    package's code and config: any change means outputs may differ, so a re-run processes
    everything again."""
    import spacy
    code = _folder_hash(Path(__file__).resolve().parent, (".py", ".cfg"))
    return (f"{__version__}+{_model_fingerprint(model)}+spacy{spacy.__version__}"
            f"+patterns.{_folder_hash(PATTERNS_DIR)}+code.{code}")


# -- metadata sidecars --------------------------------------------------------------------------

def load_metadata(in_dir: Path, articles: list[SourceFile]) -> tuple[dict[str, ArticleMetadata], list[dict]]:
    """Sidecar metadata by article path: `metadata.csv` (column `path` relative to its folder, plus
    any of published, title, publisher, url) and `<name>.meta.json` beside an article."""
    found: dict[str, ArticleMetadata] = {}
    problems = []
    for table in sorted(in_dir.rglob(METADATA_CSV)):
        base = table.parent.relative_to(in_dir)
        try:
            with table.open(encoding="utf-8-sig", newline="") as handle:
                for row in csv.DictReader(handle):
                    rel = (base / (row.get("path") or row.get("file") or "")).as_posix()
                    found[rel] = _metadata_from(row)
        except (OSError, csv.Error, UnicodeDecodeError, ValueError) as exc:
            problems.append({"source_path": table.relative_to(in_dir).as_posix(), "reason": "bad_metadata",
                             "detail": str(exc)})
    for art in articles:
        side = art.path.with_name(art.path.name[:-len(art.path.suffix)] + METADATA_SUFFIX)
        if side.exists():
            try:
                found[art.relative_path] = _metadata_from(json.loads(side.read_text(encoding="utf-8")))
            except (OSError, ValueError) as exc:
                problems.append({"source_path": side.relative_to(in_dir).as_posix(), "reason": "bad_metadata",
                                 "detail": str(exc)})
    return found, problems


def _metadata_from(row: dict) -> ArticleMetadata:
    published = None
    raw = (row.get("published") or "").strip()
    if raw:
        try:
            published = dt.date.fromisoformat(raw[:10])
        except ValueError:
            hit = find_date(raw)
            if not hit:
                raise ValueError(f"published {raw!r} is not a date (use YYYY-MM-DD)") from None
            published = hit[0]
    clean = {k: (v.strip() if isinstance(v, str) and v.strip() else None) for k, v in row.items()}
    return ArticleMetadata(published=published, title=clean.get("title"), publisher=clean.get("publisher"),
                           url=clean.get("url"))


def metadata_to_json(metadata: ArticleMetadata | None) -> str | None:
    return None if metadata is None else json.dumps(asdict(metadata), default=str, sort_keys=True)


def metadata_from_json(text: str | None) -> ArticleMetadata | None:
    if text is None:
        return None
    record = json.loads(text)
    if record.get("published"):
        record["published"] = dt.date.fromisoformat(record["published"])
    return ArticleMetadata(**record)


# -- workers ------------------------------------------------------------------------------------

_WORKER_MODEL: str | None = None


def _init_worker(model: str) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = model
    get_pipeline(model)  # load once per worker


def safe_process(item: tuple[str, bytes, ArticleMetadata | None], model: str | None = None,
                 version: str = __version__) -> dict[str, list[dict]]:
    """process_article, with any unexpected failure turned into a `rejected` row: one bad article
    never stops the run."""
    path, data, metadata = item
    try:
        return process_article(path, data, metadata, get_pipeline(model or _WORKER_MODEL), version)
    except Exception as exc:  # noqa: BLE001 - the run must go on; the row says what happened
        rows = empty_rows()
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        rows["rejected"].append({"source_path": path, "reason": "error", "detail": last})
        log.warning("%s: %s", path, last)
        return rows


def safe_process_batch(items: list[tuple[str, bytes, ArticleMetadata | None]], model: str | None = None,
                       version: str = __version__) -> list[dict[str, list[dict]]]:
    """process_articles on a batch; if the batch fails, each article alone, so that only the
    article at fault becomes a `rejected` row."""
    try:
        return process_articles(items, get_pipeline(model or _WORKER_MODEL), version)
    except Exception:  # noqa: BLE001 - find the culprit one by one
        return [safe_process(item, model, version) for item in items]


def _worker_task(items, version):
    return safe_process_batch(items, None, version)


#: Articles per batch: one `nlp.pipe` call and one memory zone; a worker task.
BATCH_ARTICLES = 16


#: Below this many articles to process, starting workers (each loads the model, about a second)
#: costs more than it saves.
MIN_ARTICLES_PER_WORKER = 25


def available_cores() -> int:
    """Cores this process may use (a container's or taskset's limit, not the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def default_workers(todo: int) -> int:
    """One worker per core (at most 8), but only as many as there is work for."""
    return max(1, min(8, available_cores(), todo // MIN_ARTICLES_PER_WORKER))


# -- the run ------------------------------------------------------------------------------------

@dataclass
class Entry:
    """One article of this run: in the input folder now, or kept from an earlier run."""

    source_path: str
    sha: str
    meta_hash: str
    content_id: str | None
    metadata: ArticleMetadata | None
    file: Path | None  # None: no longer in the input folder, its bytes come from the state
    remembered: Remembered | None = None  # what the state knew of this path before this run
    reuse: bool = False


def _content_key(data: bytes) -> str | None:
    try:
        return content_id(decode(data))
    except RejectedInput:
        return None  # process_article will reject it with the reason


def run(in_dir: Path, out_dir: Path, workers: int | None = 1, model: str | None = None,
        progress: bool = True, prune: bool = False, rebuild: bool = False) -> Summary:
    """Extract IN into tables in OUT. Articles unchanged since the last run into OUT are reused
    (unless `rebuild`); articles gone from IN stay in the output unless `prune`. `workers=None`
    or 0 picks a number from the cores and the work to do."""
    started = time.perf_counter()
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    if not in_dir.is_dir():
        raise FileNotFoundError(f"input folder {in_dir} does not exist")
    model = resolve_model(model)
    version = pipeline_version(model)
    summary = Summary()
    articles, others = find_inputs(in_dir)
    metadata, metadata_problems = load_metadata(in_dir, articles)
    summary.skipped = [o.relative_path for o in others
                       if o.path.name != METADATA_CSV and not o.path.name.endswith(METADATA_SUFFIX)]
    rejected_first = list(metadata_problems)

    with RunState(out_dir) as state:
        entries = _scan(articles, metadata, state, version, prune, summary, rejected_first)
        unique, duplicates = _deduplicate(entries, state, rebuild, version, summary)
        todo = sum(1 for e in unique if not e.reuse)
        workers = default_workers(todo) if not workers else min(workers, max(1, todo))
        summary.workers, summary.processed, summary.reused = workers, todo, len(unique) - todo

        sink, people = TableSink(out_dir), PeopleMerger()
        sink.add({"rejected": rejected_first})
        try:
            for entry, rows in _results(unique, state, model, version, workers, progress):
                for doc in rows["documents"]:
                    doc["duplicate_paths"] = duplicates.get(doc["doc_id"], [])
                for partial in rows["people"]:
                    people.add(partial)
                sink.add({name: table_rows for name, table_rows in rows.items() if name != "people"})
                summary.mentions.update(m["label"] for m in rows["mentions"])
            sink.add({"people": people.rows()})
            # the state first: every run rewrites all tables from it, so tables that fail to land
            # now are rebuilt by the next run, and what --prune dropped stays dropped
            state.commit()
            summary.rows = sink.commit()
        except BaseException:
            sink.abort()
            raise
    summary.documents = summary.rows["documents"]
    summary.rejected = summary.rows["rejected"]
    summary.seconds = time.perf_counter() - started
    return summary


def _scan(articles, metadata, state: RunState, version: str, prune: bool, summary: Summary,
          rejected: list[dict]) -> list[Entry]:
    """Entries for the articles in IN and, unless `prune`, those remembered but gone from IN, sorted
    by path. Content ids are reused from the state only for unchanged bytes and pipeline version."""
    remembered = state.remembered()
    entries: list[Entry] = []
    for art in articles:
        summary.articles += 1
        try:
            data = art.path.read_bytes()
        except OSError as exc:
            rejected.append({"source_path": art.relative_path, "reason": "unreadable", "detail": str(exc)})
            continue
        sha, meta = file_sha(data), metadata.get(art.relative_path)
        old = remembered.get(art.relative_path)
        key = old.content_id if old and (old.file_sha, old.version) == (sha, version) else _content_key(data)
        entries.append(Entry(art.relative_path, sha, metadata_hash(metadata_to_json(meta)), key, meta,
                             art.path, remembered=old))
    present = {a.relative_path for a in articles}
    gone = sorted(p for p in remembered if p not in present)
    if prune:
        state.forget(gone)
        summary.pruned = len(gone)
        return entries
    present_content = {e.content_id for e in entries if e.content_id is not None}
    forgotten = []
    for path in gone:
        old = remembered[path]
        key = old.content_id if old.version == version else _content_key(state.stored_bytes(path))
        if key is None or key in present_content:
            forgotten.append(path)  # a rejected file, or content still in IN under another name
            continue
        entries.append(Entry(path, old.file_sha, old.meta_hash, key,
                             metadata_from_json(state.stored_metadata(path)), None, remembered=old))
        summary.kept += 1
    state.forget(forgotten)
    entries.sort(key=lambda e: e.source_path)
    return entries


def _deduplicate(entries: list[Entry], state: RunState, rebuild: bool, version: str, summary: Summary):
    """The entries to emit (the first path of each content is the document) and, per content id,
    the later paths (its duplicates). Duplicates are remembered without rows, so one can be kept,
    or become the document, later."""
    first_of, duplicates, unique = {}, {}, []
    for entry in entries:
        old = entry.remembered
        unchanged = old is not None and (old.file_sha, old.meta_hash) == (entry.sha, entry.meta_hash)
        if entry.content_id is not None and entry.content_id in first_of:
            duplicates.setdefault(entry.content_id, []).append(entry.source_path)
            summary.duplicates += 1
            if entry.file and not unchanged:
                state.remember(entry.source_path, entry.file.read_bytes(), entry.meta_hash,
                               metadata_to_json(entry.metadata), entry.content_id, None, None)
            continue
        if entry.content_id is not None:
            first_of[entry.content_id] = entry.source_path
        entry.reuse = not rebuild and unchanged and old.version == version
        unique.append(entry)
    return unique, duplicates


def _results(entries: list[Entry], state: RunState, model: str, version: str, workers: int, progress: bool):
    """(entry, rows) for every entry, in order: reused rows from the state, new rows from
    process_articles in batches (in a pool of workers when workers > 1, a few batches ahead of the
    writer at most, so memory stays flat). New rows are remembered in the state."""
    todo = sum(1 for e in entries if not e.reuse)
    bar = tqdm(total=todo, unit="article", disable=not progress or not todo, dynamic_ncols=True,
               desc="extract")
    pool = None
    if todo and workers > 1:
        pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(model,))
    elif todo:
        get_pipeline(model)
    window = 2 * workers if pool else 0
    pending: deque = deque()  # a reused entry, or a batch of entries to process, in input order
    batch: list[tuple[Entry, bytes]] = []

    def close_batch():
        if batch:
            items = [(e.source_path, data, e.metadata) for e, data in batch]
            future = pool.submit(_worker_task, items, version) if pool else None
            pending.append((list(batch), future))
            batch.clear()

    def resolve(item):
        if isinstance(item, Entry):
            yield item, state.cached_rows(item.source_path)
            return
        members, future = item
        results = future.result() if future is not None else safe_process_batch(
            [(e.source_path, data, e.metadata) for e, data in members], model, version)
        for (entry, data), rows in zip(members, results):
            failed = any(r["reason"] == "error" for r in rows["rejected"])  # may be transient: retry next run
            state.remember(entry.source_path, data, entry.meta_hash, metadata_to_json(entry.metadata),
                           entry.content_id, None if failed else version, None if failed else rows)
            yield entry, rows
        bar.update(len(members))

    try:
        for entry in entries:
            if entry.reuse:
                close_batch()  # keep input order: the open batch comes first
                pending.append(entry)
            else:
                data = entry.file.read_bytes() if entry.file else state.stored_bytes(entry.source_path)
                if file_sha(data) != entry.sha:  # changed since the scan: take the bytes as they are now
                    entry.sha, entry.content_id = file_sha(data), _content_key(data)
                batch.append((entry, data))
                if len(batch) >= BATCH_ARTICLES:
                    close_batch()
            while len(pending) > window:
                yield from resolve(pending.popleft())
        close_batch()
        while pending:
            yield from resolve(pending.popleft())
    finally:
        bar.close()
        if pool:
            pool.shutdown(cancel_futures=True)


__all__ = ["run", "Summary", "TABLES", "safe_process", "load_metadata", "pipeline_version"]
