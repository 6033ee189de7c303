"""A whole run: find inputs, deduplicate, process each article (in workers if asked), write tables.

The only code that touches the file system besides the writer. Per-article work goes through
`process_article`, which workers run whole, returning rows rather than Docs.
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
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from . import __version__
from .datetext import find_date
from .extract import ArticleMetadata, process_article
from .nlp import PATTERNS_DIR, get_pipeline, resolve_model
from .people import merge_people
from .reader import RejectedInput, SourceFile, content_id, decode, find_inputs
from .schema import TABLES, empty_rows
from .writer import write_tables

log = logging.getLogger(__name__)

METADATA_CSV = "metadata.csv"
METADATA_SUFFIX = ".meta.json"


@dataclass
class Summary:
    articles: int = 0
    documents: int = 0
    duplicates: int = 0
    rejected: int = 0
    skipped: list[str] = field(default_factory=list)
    mentions: Counter = field(default_factory=Counter)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        labels = ", ".join(f"{k} {v}" for k, v in sorted(self.mentions.items())) or "none"
        out = [f"articles read: {self.articles} ({self.documents} documents, {self.duplicates} duplicates), "
               f"rejected: {self.rejected}",
               f"mentions: {labels}",
               "tables: " + ", ".join(f"{k} {v}" for k, v in self.rows.items()),
               f"seconds: {self.seconds:.1f}"]
        if self.skipped:
            out.insert(1, f"skipped (not *.txt): {len(self.skipped)}: " + ", ".join(self.skipped[:5])
                       + (" ..." if len(self.skipped) > 5 else ""))
        return out


def pipeline_version(model: str) -> str:
    """Package version, model and a hash of patterns/: any change means outputs may differ."""
    digest = hashlib.sha256()
    for path in sorted(PATTERNS_DIR.glob("*")):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{Path(model).name}+patterns.{digest.hexdigest()[:10]}"


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


def _worker_task(args):
    item, version = args
    return safe_process(item, None, version)


def default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 1)))


# -- the run ------------------------------------------------------------------------------------

def run(in_dir: Path, out_dir: Path, workers: int = 1, model: str | None = None,
        progress: bool = True) -> Summary:
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
    rows = empty_rows()
    rows["rejected"].extend(metadata_problems)

    items, first_path_of, duplicates = [], {}, {}
    for art in articles:
        summary.articles += 1
        try:
            data = art.path.read_bytes()
        except OSError as exc:
            rows["rejected"].append({"source_path": art.relative_path, "reason": "unreadable", "detail": str(exc)})
            continue
        try:
            key = content_id(decode(data))
        except RejectedInput:
            key = None  # process_article will reject it with the reason
        if key is not None and key in first_path_of:
            duplicates.setdefault(key, []).append(art.relative_path)
            summary.duplicates += 1
            continue
        if key is not None:
            first_path_of[key] = art.relative_path
        items.append((art.relative_path, data, metadata.get(art.relative_path)))

    bar = tqdm(total=len(items), unit="article", disable=not progress, dynamic_ncols=True)
    results = []
    if workers > 1 and len(items) > 1:
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(model,)) as pool:
            for result in pool.map(_worker_task, [(item, version) for item in items], chunksize=4):
                results.append(result)
                bar.update(1)
    else:
        get_pipeline(model)
        for item in items:
            results.append(safe_process(item, model, version))
            bar.update(1)
    bar.close()

    for result in results:
        for table, table_rows in result.items():
            rows[table].extend(table_rows)
    for doc in rows["documents"]:
        doc["duplicate_paths"] = duplicates.get(doc["doc_id"], [])
    rows["people"] = merge_people(rows["people"])
    summary.rows = write_tables(rows, out_dir)
    summary.documents = summary.rows["documents"]
    summary.rejected = summary.rows["rejected"]
    summary.mentions = Counter(m["label"] for m in rows["mentions"])
    summary.seconds = time.perf_counter() - started
    return summary


__all__ = ["run", "Summary", "TABLES", "safe_process", "load_metadata", "pipeline_version"]
