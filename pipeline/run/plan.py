"""The plan of a run: which articles are in it, which are processed, which reuse their rows from the
last run, which are duplicates, which are kept or pruned. It reads the input files and the state
but writes nothing but what it decides the state should forget or remember for duplicates."""
from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from ..extract.metadata import ArticleMetadata
from ..ids import content_id, file_sha, metadata_hash
from ..io.inputs import RejectedInput, decode, read_input
from ..io.sidecars import metadata_from_json, metadata_to_json
from ..io.state import Remembered, RunState

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


def unreadable_row(source_path: str, exc: Exception) -> dict:
    """The `rejected` row of a file that could not be read (or was refused unread)."""
    if isinstance(exc, RejectedInput):
        return {"source_path": source_path, "reason": exc.reason, "detail": exc.detail}
    detail = f"{exc.strerror}: {exc.filename}" if isinstance(exc, OSError) and exc.strerror else str(exc)
    if isinstance(exc, OSError) and exc.errno == errno.ENOENT:
        detail = "no such file (a broken symbolic link?)"
    elif isinstance(exc, OSError) and exc.errno == errno.ELOOP:
        detail = "a symbolic link that points to itself (a loop)"
    return {"source_path": source_path, "reason": "unreadable", "detail": detail}


def content_key(data: bytes) -> str | None:
    try:
        return content_id(decode(data))
    except RejectedInput:
        return None  # process_article will reject it with the reason




def scan(articles, metadata, state: RunState, version: str, prune: bool, summary: Summary,
          rejected: list[dict]) -> list[Entry]:
    """Entries for the articles in IN and, unless `prune`, those remembered but gone from IN, sorted
    by path. Content ids are reused from the state only for unchanged bytes and pipeline version."""
    remembered = state.remembered()
    entries: list[Entry] = []
    for art in articles:
        summary.articles += 1
        try:
            data = read_input(art.path)  # an oversized file is refused from its size, never read
        except (OSError, RejectedInput) as exc:
            rejected.append(unreadable_row(art.relative_path, exc))
            if art.relative_path in remembered:
                state.forget([art.relative_path])
            continue
        sha, meta = file_sha(data), metadata.get(art.relative_path)
        old = remembered.get(art.relative_path)
        key = old.content_id if old and (old.file_sha, old.version) == (sha, version) else content_key(data)
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
        key = old.content_id if old.version == version else content_key(state.stored_bytes(path))
        if key is None or key in present_content:
            forgotten.append(path)  # a rejected file, or content still in IN under another name
            continue
        entries.append(Entry(path, old.file_sha, old.meta_hash, key,
                             metadata_from_json(state.stored_metadata(path)), None, remembered=old))
        summary.kept += 1
    state.forget(forgotten)
    entries.sort(key=lambda e: e.source_path)
    return entries


def deduplicate(entries: list[Entry], state: RunState, rebuild: bool, version: str, summary: Summary):
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
                try:
                    data = read_input(entry.file)
                except (OSError, RejectedInput):
                    continue  # gone or grown since the scan: not remembered, seen again next run
                state.remember(entry.source_path, data, entry.meta_hash,
                               metadata_to_json(entry.metadata), entry.content_id, None, None)
            continue
        if entry.content_id is not None:
            first_of[entry.content_id] = entry.source_path
        entry.reuse = not rebuild and unchanged and old.version == version
        unique.append(entry)
    return unique, duplicates
