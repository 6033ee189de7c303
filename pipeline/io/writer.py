"""The one place that writes tables: explicit schema, every table every time, atomic renames.

Two ways in: `write_tables` for rows already in memory, and `TableSink` for a long run, which
streams rows into row groups as articles finish, so memory stays flat however many articles there
are. Both write each table to a temporary file beside its final name and rename it into place only
when every table is written: readers never see half a table, and a run that fails while writing
leaves the previous tables untouched. The renames are one per table: should one of them fail, the
folder holds tables of two runs until the next run (which rewrites them all).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..schema import TABLES

#: Rows buffered per table before they are written as one row group.
ROW_GROUP_ROWS = 5000


def to_arrow(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts) to an Arrow table with the table's schema; missing keys become null."""
    schema = TABLES[name]
    columns = {f.name: [row.get(f.name) for row in rows] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)


def _temporary_beside(path: Path) -> Path:
    """A new empty file in `path`'s folder, readable like any file the user creates (mkstemp's
    own 0600 would hide the tables from the rest of a team)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    return Path(tmp)


def remove_stale_temporaries(out_dir: Path) -> list[Path]:
    """Delete the temporary table files an interrupted run left in `out_dir` (only while holding the
    folder's run lock, so that no running writer's files are among them)."""
    stale = sorted(Path(out_dir).glob(".*.parquet.*.tmp"))
    for tmp in stale:
        tmp.unlink(missing_ok=True)
    return stale


def write_tables(rows: dict[str, list[dict]], out_dir: Path) -> dict[str, int]:
    """Write all tables (empty ones too) to `out_dir`; returns rows written per table."""
    sink = TableSink(out_dir)
    try:
        sink.add(rows)
        return sink.commit()
    except BaseException:
        sink.abort()
        raise


class TableSink:
    """Streams rows into one Parquet file per table; `commit` renames them all into place.

    Rows are buffered per table and flushed as a row group every ROW_GROUP_ROWS rows, so row-group
    boundaries depend only on the rows, never on timing: two runs over the same input write the
    same files.
    """

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self._buffers: dict[str, list[dict]] = {name: [] for name in TABLES}
        self._counts = {name: 0 for name in TABLES}
        self._tmp: dict[str, Path] = {}
        self._writers: dict[str, pq.ParquetWriter] = {}

    def add(self, rows: dict[str, list[dict]]) -> None:
        for name, table_rows in rows.items():
            if name not in TABLES:
                raise KeyError(f"unknown table {name!r}")
            buffer = self._buffers[name]
            buffer.extend(table_rows)
            if len(buffer) >= ROW_GROUP_ROWS:
                self._flush(name)

    def _flush(self, name: str) -> None:
        buffer = self._buffers[name]
        if name not in self._writers:
            self._tmp[name] = _temporary_beside(self.out_dir / f"{name}.parquet")
            self._writers[name] = pq.ParquetWriter(self._tmp[name], TABLES[name])
        if buffer:
            self._writers[name].write_table(to_arrow(name, buffer))
            self._counts[name] += len(buffer)
            buffer.clear()

    def commit(self) -> dict[str, int]:
        """Write what is buffered, close every file and rename each into place; returns row counts."""
        try:
            for name in TABLES:
                self._flush(name)  # opens the file of an empty table too, so every table exists
                self._writers.pop(name).close()
            for name in TABLES:
                os.replace(self._tmp.pop(name), self.out_dir / f"{name}.parquet")
        except BaseException:
            self.abort()
            raise
        return dict(self._counts)

    def abort(self) -> None:
        """Drop the temporary files; the previous tables stay as they were."""
        for writer in self._writers.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - best effort while already failing
                pass
        self._writers.clear()
        for tmp in self._tmp.values():
            tmp.unlink(missing_ok=True)
        self._tmp.clear()
