"""Sharded inputs: a JSONL (.jsonl, .jsonl.gz) or Parquet file of articles given as `--in`.

Each record is an article: `id`, `text` (a page saved as text) or `html` (a saved web page), and
optionally `published`, `title`, `publisher`, `url`, `author`, `language`, `locale`, `date_order`
(read as a sidecar's fields are: pipeline/io/sidecars.py). Its `source_path` is `FILE#id`.

A shard is read as a stream, never whole: `scan_shard` goes through it once for the ids and
metadata, and each record's `RecordInput.read()` gives its bytes later, from a cursor that moves
forward through the file (the run asks for records in shard order, so each pass reads the file once).
"""
from __future__ import annotations

import dataclasses
import gzip
import json
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from ..extract.metadata import ArticleMetadata
from .inputs import MAX_BYTES, RejectedInput, display_path, read_input

SHARD_SUFFIXES = (".jsonl", ".jsonl.gz", ".parquet")
#: The record fields read; any other is ignored.
FIELDS = ("id", "text", "html", "published", "title", "publisher", "url", "author", "language", "locale",
          "date_order")
METADATA_FIELDS = ("published", "title", "publisher", "url", "author", "language", "locale", "date_order")
#: Parquet rows decoded at a time.
PARQUET_BATCH = 256


def is_shard(path: Path) -> bool:
    name = path.name.lower()
    return path.is_file() and name.endswith(SHARD_SUFFIXES)


@dataclass(frozen=True, slots=True)
class RecordInput:
    """One record of a shard, as an input: `read()` returns its article's bytes (UTF-8)."""

    shard: Path
    index: int  # the record's position in the shard (0-based)
    relative_path: str  # FILE#id
    shard_name: str = ""  # FILE, as source_path names it

    @property
    def path(self) -> "RecordInput":  # where the runner reads an article from: the record itself
        return self

    def read(self) -> bytes:
        record = _cursor(self.shard).get(self.index)
        if isinstance(record, Exception):
            raise RejectedInput("unreadable", f"record {self.index + 1}: {record}")
        value = record.get("text") if record.get("text") is not None else record.get("html")
        if not isinstance(value, str):
            raise RejectedInput("empty", "the record has no `text` or `html` string")
        data = value.encode("utf-8", errors="surrogatepass")
        if len(data) > MAX_BYTES:
            raise RejectedInput("oversized", f"{len(data)} bytes is over the {MAX_BYTES}-byte limit")
        return data


def read_source(source) -> bytes:
    """The bytes of an input: a file path (read_input, refusing an oversized file) or a record."""
    return source.read() if hasattr(source, "read") else read_input(source)


def scan_shard(shard: Path, name: str | None = None) -> tuple[list[RecordInput], dict[str, ArticleMetadata], list[dict]]:
    """The records of a shard (in its order), their metadata by source_path, and `rejected` rows:
    a line that is not a JSON object (`unreadable`), a record without an id or with an id seen
    before in the shard, or bad metadata (`bad_metadata`; the article is still read)."""
    from .sidecars import _metadata_from

    name = name or display_path(shard.name)
    records, metadata, problems, seen = [], {}, [], set()
    # one object for every record with no metadata fields (most shards), not one per record
    empty, empty_html = ArticleMetadata(), ArticleMetadata(extra={"input_format": "html"})
    for index, record in enumerate(_records(shard)):
        if isinstance(record, Exception):
            problems.append({"source_path": f"{name}#@{index + 1}", "reason": "unreadable",
                             "detail": f"record {index + 1}: {record}"})
            continue
        rid = record.get("id")
        if rid is None or (isinstance(rid, str) and not rid.strip()):
            problems.append({"source_path": f"{name}#@{index + 1}", "reason": "bad_metadata",
                             "detail": f"record {index + 1} has no id"})
            continue
        path = f"{name}#{rid}"
        if path in seen:
            problems.append({"source_path": path, "reason": "bad_metadata",
                             "detail": f"record {index + 1}: id {str(rid)[:40]!r} appears earlier in the shard "
                                       "(the first one is read)"})
            continue
        seen.add(path)
        records.append(RecordInput(shard, index, path, name))
        fields = {k: record[k] for k in METADATA_FIELDS if record.get(k) is not None}
        fields = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in fields.items()}
        html = record.get("text") is None and isinstance(record.get("html"), str)
        try:
            meta = _metadata_from(fields) if fields else None
        except ValueError as exc:
            problems.append({"source_path": path, "reason": "bad_metadata", "detail": " ".join(str(exc).split())})
            meta = None
        if meta is None:
            meta = empty_html if html else empty
        elif html:
            meta = dataclasses.replace(meta, extra={"input_format": "html"})
        metadata[path] = meta
    return records, metadata, problems


def _records(shard: Path):
    """Each record of a shard, as a dict (or the exception that made it unreadable), streamed."""
    if shard.name.lower().endswith(".parquet"):
        import pyarrow.parquet as pq

        file = pq.ParquetFile(shard)
        columns = [c for c in FIELDS if c in file.schema_arrow.names]
        for batch in file.iter_batches(batch_size=PARQUET_BATCH, columns=columns):
            yield from batch.to_pylist()
        return
    opener = gzip.open if shard.name.lower().endswith(".gz") else open
    with opener(shard, "rb") as raw:
        for number, line in enumerate(raw, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as exc:
                yield ValueError(f"line {number} is not JSON ({type(exc).__name__})")
                continue
            yield record if isinstance(record, dict) else ValueError(f"line {number} is not a JSON object")


class _Cursor:
    """A forward reader of one shard's records: asking for an earlier record starts again."""

    def __init__(self, shard: Path):
        self.shard, self.stamp = shard, _stamp(shard)
        self.records, self.next = _records(shard), 0

    def get(self, index: int):
        if index < self.next:
            self.records, self.next = _records(self.shard), 0
        for record in self.records:
            self.next += 1
            if self.next - 1 == index:
                return record
        return OSError(f"the shard has no record {index + 1} any more (changed during the run?)")


_CURSORS: OrderedDict[Path, _Cursor] = OrderedDict()


def _stamp(shard: Path):
    stat = shard.stat()
    return stat.st_mtime_ns, stat.st_size


def _cursor(shard: Path) -> _Cursor:
    cursor = _CURSORS.get(shard)
    if cursor is None or cursor.stamp != _stamp(shard):
        cursor = _CURSORS[shard] = _Cursor(shard)
    _CURSORS.move_to_end(shard)
    while len(_CURSORS) > 4:
        _CURSORS.popitem(last=False)
    return cursor
