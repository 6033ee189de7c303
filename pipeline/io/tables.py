"""Reading OUT consistently: the layout of an output folder and the one way in for readers.

A run never rewrites tables in place. It writes every table into a new generation folder and makes
it current with one atomic rename of a symlink, so a reader sees all tables of one run or all of
the previous one, never a mix (pipeline/io/writer.py writes; docs/pipeline.md "Output folder")::

    OUT/
      current -> .generations/<id>             the one pointer, switched by rename(2)
      <table>.parquet -> current/<table>.parquet   fixed links: plain pd.read_parquet works
      manifest.json -> current/manifest.json
      .generations/<id>/<table>.parquet, manifest.json
      .extract-state.sqlite, .extract.lock     the run state and the run lock

The manifest (written, fsynced and renamed into the generation folder before the switch) names the
generation and every table file with its row count, size and sha256, and the pipeline version. A
table of more rows than a part holds (pipeline/io/writer.py, PART_ROWS) is a partitioned dataset,
a folder `<table>.parquet/` of `part-00000.parquet`, ...; its entry lists the files as "parts"
(check_entry), and it is read as one table through the same path (pd.read_parquet, pyarrow.dataset;
DuckDB: `<table>.parquet/*.parquet`, or the list `table_files` gives).

`current_tables(out)` resolves `current` once and returns the paths inside that generation folder,
so everything read through them comes from one run even if a new run switches meanwhile;
`read_tables(out)` reads them all (and starts again if the generation was removed under it, which a
run does right after its switch). `OUT/<table>.parquet` is always one run's table, but two plain
reads in a row can straddle a switch; read through this module to join tables.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

GENERATIONS = ".generations"
CURRENT = "current"
MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1
LOCK_FILE = ".extract.lock"


class OutputError(RuntimeError):
    """OUT holds no readable set of tables (never written, or damaged)."""


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def current_generation(out: Path) -> Path:
    """The folder of the current generation (not the `current` link: a path that stays on one
    generation whatever a later run switches)."""
    out = Path(out)
    link = out / CURRENT
    if link.is_symlink():
        folder = out / os.readlink(link)
    elif link.is_dir():  # a copy of OUT that followed the links: still one generation's files
        folder = link
    elif any(p.is_file() for p in out.glob("*.parquet")):
        raise OutputError(f"{out} holds tables in the layout of an older version (no {CURRENT} link); "
                          "run the extraction into it once to convert it")
    else:
        raise OutputError(f"{out} holds no tables (no {CURRENT} link); run the extraction into it first")
    if not folder.is_dir():
        raise OutputError(f"{out}/{CURRENT} points at {folder.name}, which does not exist; "
                          "run the extraction into it again")
    return folder


def load_manifest(folder: Path, verify: bool = False) -> dict:
    """The manifest of a generation folder, checked: every table file it names exists with its
    size (and, with `verify`, its sha256 and row count). Raises OutputError otherwise."""
    folder = Path(folder)
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OutputError(f"{path}: no readable manifest ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise OutputError(f"{path}: not a manifest of format {MANIFEST_FORMAT}")
    if folder.name not in (manifest.get("generation"), CURRENT):
        raise OutputError(f"{path} names generation {manifest.get('generation')!r}, not {folder.name!r}")
    for name, entry in manifest.get("tables", {}).items():
        check_entry(folder, name, entry, verify)
    return manifest


def check_entry(folder: Path, name: str, entry: dict, verify: bool = False) -> None:
    """One table of a manifest: {"path", "rows", "bytes", "sha256"} for a file; a table written as
    a folder of files lists them as "parts", each such an entry (path relative to the generation)."""
    if "parts" in entry:
        where = folder / entry["path"]
        if not where.is_dir():
            raise OutputError(f"{folder}: table {name} ({entry['path']}) is missing")
        for part in entry["parts"]:
            check_entry(folder, name, part, verify)
        named = {Path(part["path"]).name for part in entry["parts"]}
        strays = sorted(p.name for p in where.iterdir() if p.name not in named)
        if strays:  # a reader of the folder would read them too
            raise OutputError(f"{where}: files the manifest does not list: {', '.join(strays[:3])}")
        if sum(part["rows"] for part in entry["parts"]) != entry["rows"]:
            raise OutputError(f"{where}: the parts' rows do not add up to the manifest's {entry['rows']}")
        return
    file = folder / entry["path"]
    try:
        size = file.stat().st_size
    except OSError:
        raise OutputError(f"{folder}: table {name} ({entry['path']}) is missing") from None
    if size != entry["bytes"]:
        raise OutputError(f"{file}: {size} bytes, the manifest says {entry['bytes']}")
    if verify:
        import pyarrow.parquet as pq
        if sha256_file(file) != entry["sha256"]:
            raise OutputError(f"{file}: sha256 differs from the manifest's")
        rows = pq.ParquetFile(file).metadata.num_rows
        if rows != entry["rows"]:
            raise OutputError(f"{file}: {rows} rows, the manifest says {entry['rows']}")


def current_manifest(out: Path, verify: bool = False) -> dict:
    return load_manifest(current_generation(out), verify)


def current_tables(out: Path, verify: bool = False) -> dict[str, Path]:
    """Table name → file of the current generation, all of one run. `verify` also checks every
    file's sha256 and row count against the manifest (reads every file once)."""
    folder = current_generation(out)
    manifest = load_manifest(folder, verify)
    return {name: folder / entry["path"] for name, entry in manifest["tables"].items()}


def table_files(out: Path, name: str) -> list[Path]:
    """The Parquet files of one table of the current generation, in row order: the table's file,
    or the parts of a partitioned table (for tools that take a list of files, e.g. DuckDB's
    `read_parquet([...])`)."""
    folder = current_generation(out)
    entry = load_manifest(folder)["tables"].get(name)
    if entry is None:
        raise OutputError(f"{out} has no table {name!r}")
    return [folder / part["path"] for part in entry.get("parts", [entry])]


def read_table(out: Path, name: str, **options):
    """One table of the current generation as a DataFrame (`options` go to pd.read_parquet)."""
    import pandas as pd
    paths = current_tables(out)
    if name not in paths:
        raise OutputError(f"{out} has no table {name!r} (it has {', '.join(paths)})")
    return pd.read_parquet(paths[name], **options)


def read_tables(out: Path, names: list[str] | None = None, verify: bool = False) -> dict:
    """Every table (or `names`) of one generation as DataFrames: tables that join."""
    import pandas as pd
    for attempt in range(3):
        paths = current_tables(out, verify)
        try:
            return {name: pd.read_parquet(paths[name]) for name in (names or paths)}
        except FileNotFoundError:
            # a run switched and removed this generation while we read: read the new one whole
            if attempt == 2:
                raise
    raise AssertionError("unreachable")
