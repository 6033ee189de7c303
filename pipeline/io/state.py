"""What an output folder remembers between runs, so a re-run processes only what is new.

One SQLite file in OUT (`.extract-state.sqlite`) holds, per input path: the hash of its bytes, a
hash of its sidecar metadata, its content id (for de-duplication), the bytes themselves
(compressed) and the rows it produced with the pipeline version that produced them. A re-run
reuses the rows of every article whose bytes, metadata and pipeline version are unchanged;
anything else is processed again. The bytes are kept so that an article removed from the input
folder can stay in the output (unless `--prune`) and still be re-processed when the pipeline
changes.

The rows are pickled: the state is a private cache of this tool in the user's own output folder,
never an exchange format (the Parquet tables are). Do not use a state file from someone you do not
trust: unpickling runs code.
"""
from __future__ import annotations

import os
import pickle
import sqlite3
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..ids import file_sha


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


def damaged_message(path: Path, exc: Exception) -> str:
    return (f"the state file {path} is damaged ({' '.join(str(exc).split())}); run again with --rebuild "
            "to set it aside and process every article again (the tables stay as they are until then)")


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
    runner calls once the run's tables are written (not yet switched to); a run that fails before
    leaves the old state."""

    def __init__(self, out_dir: Path, rebuild: bool = False):
        try:
            Path(out_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RuntimeError(f"cannot create the output folder {out_dir}: {exc.strerror or exc}") from None
        if not os.access(out_dir, os.W_OK):
            raise RuntimeError(f"the output folder {out_dir} is not writable (a read-only file system, or "
                               "no permission)")
        self.path = Path(out_dir) / STATE_FILE
        try:
            self._open(check=rebuild)
        except sqlite3.DatabaseError as exc:
            if not rebuild:
                raise RuntimeError(damaged_message(self.path, exc)) from None
            # --rebuild processes everything again anyway: keep the damaged file aside, start afresh
            os.replace(self.path, self.path.with_name(STATE_FILE + ".damaged"))
            for suffix in ("-journal", "-wal", "-shm"):
                self.path.with_name(STATE_FILE + suffix).unlink(missing_ok=True)
            try:
                self._open(check=False)
            except sqlite3.DatabaseError as again:
                raise RuntimeError(f"{self.path}: {again}") from None

    def _open(self, check: bool) -> None:
        self._db = sqlite3.connect(self.path, isolation_level="DEFERRED", timeout=2)
        try:
            self._db.executescript(_CREATE)
            row = self._db.execute("SELECT value FROM info WHERE key = 'schema'").fetchone()
            if row is not None and int(row[0]) != STATE_SCHEMA:
                self._db.executescript("DROP TABLE articles;" + _CREATE)  # an older layout: start afresh
            if check:
                (result,) = self._db.execute("PRAGMA quick_check").fetchone()
                if result != "ok":
                    raise sqlite3.DatabaseError(f"quick_check: {result}")
            # takes the write lock for the whole run: a second run into the same OUT stops here
            self._db.execute("INSERT OR REPLACE INTO info VALUES ('schema', ?)", (str(STATE_SCHEMA),))
        except sqlite3.OperationalError as exc:
            self._db.close()
            if "locked" in str(exc):
                raise RuntimeError(f"{self.path.parent} is in use by another run; wait for it to finish") from None
            if "malformed" in str(exc) or "not a database" in str(exc):
                raise sqlite3.DatabaseError(str(exc)) from None
            raise RuntimeError(f"cannot write the state file {self.path}: {exc}; the previous tables are "
                               "kept") from None
        except sqlite3.DatabaseError:
            self._db.close()
            raise

    def __enter__(self) -> "RunState":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def remembered(self) -> dict[str, Remembered]:
        cursor = self._db.execute(
            "SELECT source_path, file_sha, meta_hash, content_id, version FROM articles")
        return {row[0]: Remembered(*row) for row in cursor}

    def cached_rows(self, source_path: str) -> dict[str, list[dict]]:
        (blob,) = self._db.execute("SELECT rows FROM articles WHERE source_path = ?", (source_path,)).fetchone()
        return pickle.loads(zlib.decompress(blob))

    def stored_bytes(self, source_path: str) -> bytes:
        """The bytes kept for a path, to reprocess it when it is no longer in the input folder."""
        (data,) = self._db.execute("SELECT data FROM articles WHERE source_path = ?", (source_path,)).fetchone()
        return zlib.decompress(data)

    def stored_metadata(self, source_path: str) -> str | None:
        (metadata,) = self._db.execute("SELECT metadata FROM articles WHERE source_path = ?",
                                       (source_path,)).fetchone()
        return metadata

    def remember(self, source_path: str, data: bytes, meta_hash: str, metadata_json: str | None,
                 content_id: str | None, version: str | None, rows: dict | None, sha: str | None = None) -> None:
        """Remember a path. `sha` is the hash of the file's bytes when `data` is not them (a refused
        file is remembered with no bytes, so that it never grows the state)."""
        blob = zlib.compress(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)) if rows is not None else None
        self._db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (source_path, sha or file_sha(data), meta_hash, content_id, zlib.compress(data),
                          metadata_json, version, blob))

    def forget(self, source_paths) -> None:
        self._db.executemany("DELETE FROM articles WHERE source_path = ?", [(p,) for p in source_paths])

    def generation(self) -> str | None:
        """The table generation the last committed run wrote (pipeline/io/writer.py)."""
        row = self._db.execute("SELECT value FROM info WHERE key = 'generation'").fetchone()
        return row[0] if row else None

    def commit(self, generation: str | None = None) -> None:
        """Make this run's changes durable, with the generation of tables that match them."""
        if generation is not None:
            self._db.execute("INSERT OR REPLACE INTO info VALUES ('generation', ?)", (generation,))
        self._db.commit()

    def close(self) -> None:
        """Close; whatever was not committed is rolled back."""
        self._db.close()
