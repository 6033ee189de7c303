"""The plan of a run: which articles are in it, which are processed, which reuse their rows from the
last run, which are duplicates, which are kept from earlier runs or pruned.

`read_inputs` is the only step that touches files (it reads each input's bytes once, to hash them);
`make_plan` then decides everything from what was read and what the state remembers, and changes
nothing: the runner applies the plan (forgets, remembers duplicates) and executes it.
"""
from __future__ import annotations

import errno
import pickle
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..extract.metadata import ArticleMetadata
from ..ids import content_id, file_sha, metadata_hash
from ..io.inputs import RejectedInput, decode
from ..io.shards import read_source
from ..io.sidecars import metadata_to_json
from ..io.state import Remembered

@dataclass(slots=True)
class Entry:
    """One article of this run: in the input folder now, or kept from an earlier run."""

    source_path: str
    sha: str
    meta_hash: str
    content_id: str | None
    metadata: ArticleMetadata | None
    file: Path | object | None  # a path, or a shard's record (read()); None: no longer in the input, bytes from the state
    remembered: Remembered | None = None  # what the state knew of this path before this run
    reuse: bool = False


class EntryStore:
    """A plan's entries kept out of memory, in a private temporary SQLite file (deleted on close):
    `extend` appends them pickled, in order; iterating reads them back in that order, a chunk at a
    time, so a run of millions of articles holds a chunk of entries, not one per article. The entries
    read back are equal to those stored (paths, records, metadata and the state's memory of them)."""

    CHUNK = 512

    def __init__(self):
        self._db = sqlite3.connect("")  # "": a temporary on-disk database, removed when closed
        self._db.execute("CREATE TABLE entries (n INTEGER PRIMARY KEY, entry BLOB NOT NULL)")
        self._n = 0

    def extend(self, entries) -> None:
        rows = []
        for entry in entries:
            rows.append((self._n, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)))
            self._n += 1
            if len(rows) >= self.CHUNK:
                self._db.executemany("INSERT INTO entries VALUES (?, ?)", rows)
                rows.clear()
        self._db.executemany("INSERT INTO entries VALUES (?, ?)", rows)

    def __len__(self) -> int:
        return self._n

    def __iter__(self):
        for start in range(0, self._n, self.CHUNK):
            rows = self._db.execute("SELECT entry FROM entries WHERE n >= ? AND n < ? ORDER BY n",
                                    (start, start + self.CHUNK)).fetchall()
            for (blob,) in rows:
                yield pickle.loads(blob)

    def close(self) -> None:
        self._db.close()


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


@dataclass
class Plan:
    """What a run will do, decided before anything is processed or written."""

    entries: list[Entry]  # the documents to emit, in path order; `reuse` marks rows taken from the state
    duplicates: dict[str, list[str]] = field(default_factory=dict)  # content id -> later paths with it
    remember: list[Entry] = field(default_factory=list)  # new or changed duplicates, kept in the state without rows
    forget: list[str] = field(default_factory=list)  # paths the state drops (pruned, rejected, or content still in IN)
    kept: int = 0
    pruned: int = 0

    @property
    def todo(self) -> int:
        return sum(1 for e in self.entries if not e.reuse)


def read_inputs(articles, metadata: dict, remembered: dict[str, Remembered], version: str
                ) -> tuple[list[Entry], list[dict]]:
    """An entry per readable article in IN (bytes hashed; content ids reused from the state only for
    unchanged bytes and pipeline version) and a `rejected` row per unreadable one."""
    entries, rejected = [], []
    hashes: dict[str, str] = {}  # metadata JSON -> its hash: one string for the many articles that share it
    for art in articles:
        try:
            data = read_source(art.path)  # an oversized file is refused from its size, never read
        except (OSError, RejectedInput) as exc:
            rejected.append(unreadable_row(art.relative_path, exc))
            continue  # make_plan forgets it if the state remembers it
        sha, meta = file_sha(data), metadata.get(art.relative_path)
        old = remembered.get(art.relative_path)
        key = old.content_id if old and (old.file_sha, old.version) == (sha, version) else content_key(data)
        meta_json = metadata_to_json(meta)
        meta_hash = hashes.get(meta_json)
        if meta_hash is None:
            meta_hash = metadata_hash(meta_json)
            if len(hashes) < 1024:
                hashes[meta_json] = meta_hash
        entries.append(Entry(art.relative_path, sha, meta_hash, key, meta, art.path, remembered=old))
    return entries, rejected


def make_plan(present: list[Entry], in_folder: set[str], remembered: dict[str, Remembered], version: str,
              prune: bool, rebuild: bool, stored_content: Callable[[str], str | None],
              stored_metadata: Callable[[str], ArticleMetadata | None]) -> Plan:
    """Decide the run. `present` are the readable articles of IN, `in_folder` every article path in IN
    (readable or not); `stored_content` and `stored_metadata` look up an article the state keeps but
    IN no longer has (read-only). Articles gone from IN stay in the output unless `prune`."""
    plan = Plan(entries=list(present))
    readable = {e.source_path for e in present}
    plan.forget = sorted(p for p in in_folder if p not in readable and p in remembered)  # unreadable or refused now
    gone = sorted(p for p in remembered if p not in in_folder)
    if prune:
        plan.forget, plan.pruned = plan.forget + gone, len(gone)
    else:
        present_content = {e.content_id for e in present if e.content_id is not None}
        for path in gone:
            old = remembered[path]
            key = old.content_id if old.version == version else stored_content(path)
            if key is None or key in present_content:
                plan.forget.append(path)  # a rejected file, or content still in IN under another name
                continue
            plan.entries.append(Entry(path, old.file_sha, old.meta_hash, key, stored_metadata(path), None,
                                      remembered=old))
            plan.kept += 1
    plan.entries.sort(key=input_order)
    _deduplicate(plan, rebuild, version)
    return plan


def input_order(entry: Entry) -> tuple[str, int]:
    """Files by path; a shard's records in the shard's order, after its name (a path before it)."""
    index = getattr(entry.file, "index", None)
    if index is None:
        return entry.source_path, 0
    return entry.file.shard_name, index + 1


def _deduplicate(plan: Plan, rebuild: bool, version: str) -> None:
    """Keep the first path of each content as the document; later paths are its duplicates, to be
    remembered without rows (so one can be kept, or become the document, later)."""
    first_of, unique = set(), []
    for entry in plan.entries:
        old = entry.remembered
        unchanged = old is not None and (old.file_sha, old.meta_hash) == (entry.sha, entry.meta_hash)
        if entry.content_id is not None and entry.content_id in first_of:
            plan.duplicates.setdefault(entry.content_id, []).append(entry.source_path)
            if entry.file and not unchanged:
                plan.remember.append(entry)
            continue
        if entry.content_id is not None:
            first_of.add(entry.content_id)
        entry.reuse = not rebuild and unchanged and old.version == version
        unique.append(entry)
    plan.entries = unique
