"""What an output folder remembers between runs, so a re-run processes only what is new.

One SQLite file in OUT (`.extract-state.sqlite`) holds, per input path: the hash of its bytes, a
hash of its sidecar metadata, its content id (for de-duplication), the bytes themselves
(compressed) and the rows it produced with the pipeline version that produced them. A re-run
reuses the rows of every article whose bytes, metadata and pipeline version are unchanged;
anything else is processed again. The bytes are kept so that an article removed from the input
folder can stay in the output (unless `--prune`) and still be re-processed when the pipeline
changes.

The rows are pickled: the state is a private cache of this tool in the user's own output folder,
never an exchange format (the Parquet tables are).
"""
from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path

STATE_FILE = ".extract-state.sqlite"
STATE_SCHEMA = 1

_CREATE = """
CREATE TABLE IF NOT EXISTS articles (
    source_path TEXT PRIMARY KEY,
    file_sha    TEXT NOT NULL,
    meta_hash   TEXT NOT NULL,
    content_id  TEXT,
    data        BLOB NOT NULL,
    metadata    TEXT,
    version     TEXT,
    rows        BLOB
);
CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT);
"""


def file_sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def metadata_hash(metadata) -> str:
    """Hash of a sidecar record (a dataclass or None): a changed sidecar means a changed article."""
    if metadata is None:
        return ""
    return hashlib.sha256(json.dumps(asdict(metadata), sort_keys=True, default=str).encode()).hexdigest()[:16]


@dataclass
class Remembered:
    """What the state knows of one path (without the bytes and rows, which are loaded on demand)."""

    source_path: str
    file_sha: str
    meta_hash: str
    content_id: str | None
    version: str | None


class RunState:
    """The state file of one output folder. Changes become visible only on `commit`, which the
    runner calls after the tables are in place; a run that fails leaves the old state."""

    def __init__(self, out_dir: Path):
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        self.path = Path(out_dir) / STATE_FILE
        self._db = sqlite3.connect(self.path, isolation_level="DEFERRED")
        try:
            self._db.executescript(_CREATE)
            row = self._db.execute("SELECT value FROM info WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise RuntimeError(f"{self.path} is not a state file this tool can read ({exc}); "
                               "delete it to start afresh (every article will be processed again)") from None
        if row is not None and int(row[0]) != STATE_SCHEMA:
            self._db.execute("DELETE FROM articles")  # an older layout: start afresh
        self._db.execute("INSERT OR REPLACE INTO info VALUES ('schema', ?)", (str(STATE_SCHEMA),))

    def remembered(self) -> dict[str, Remembered]:
        cursor = self._db.execute(
            "SELECT source_path, file_sha, meta_hash, content_id, version FROM articles")
        return {row[0]: Remembered(*row) for row in cursor}

    def cached_rows(self, source_path: str) -> dict[str, list[dict]]:
        (blob,) = self._db.execute("SELECT rows FROM articles WHERE source_path = ?", (source_path,)).fetchone()
        return pickle.loads(zlib.decompress(blob))

    def stored_input(self, source_path: str) -> tuple[bytes, str | None]:
        """The bytes and sidecar metadata (JSON) kept for a path no longer in the input folder."""
        data, metadata = self._db.execute(
            "SELECT data, metadata FROM articles WHERE source_path = ?", (source_path,)).fetchone()
        return zlib.decompress(data), metadata

    def remember(self, source_path: str, data: bytes, meta_hash: str, metadata_json: str | None,
                 content_id: str | None, version: str | None, rows: dict | None) -> None:
        blob = zlib.compress(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)) if rows is not None else None
        self._db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (source_path, file_sha(data), meta_hash, content_id, zlib.compress(data),
                          metadata_json, version, blob))

    def forget(self, source_paths) -> None:
        self._db.executemany("DELETE FROM articles WHERE source_path = ?", [(p,) for p in source_paths])

    def commit(self) -> None:
        self._db.commit()
        self._db.close()

    def abort(self) -> None:
        self._db.rollback()
        self._db.close()
