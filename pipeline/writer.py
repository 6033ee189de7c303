"""The one place that writes tables: explicit schema, every table every time, atomic renames."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .schema import TABLES


def to_arrow(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts) to an Arrow table with the table's schema; missing keys become null."""
    schema = TABLES[name]
    columns = {f.name: [row.get(f.name) for row in rows] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)


def write_atomic(table: pa.Table, path: Path) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file, and a
    crash mid-write leaves the previous version in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tables(rows: dict[str, list[dict]], out_dir: Path) -> dict[str, int]:
    """Write all tables (empty ones too) to `out_dir`; returns rows written per table."""
    counts = {}
    for name in TABLES:
        table = to_arrow(name, rows.get(name, []))
        write_atomic(table, Path(out_dir) / f"{name}.parquet")
        counts[name] = table.num_rows
    return counts
