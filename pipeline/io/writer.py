"""The one place that writes tables: explicit schema, every table every time, one atomic switch.

Two ways in: `write_tables` for rows already in memory, and `TableSink` for a long run, which
streams rows into row groups as articles finish, so memory stays flat however many articles there
are. A sink writes every table into a new generation folder, `OUT/.generations/<id>/` (layout in
pipeline/io/tables.py), hashing each file as it is written; `finish` closes and fsyncs the files
and writes the generation's manifest (temporary file, fsync, rename); `switch` makes the
generation current with one rename of the `OUT/current` symlink, then removes the previous
generation. Readers see the old set of tables or the new one, never a mix, whenever the run is
killed: before the switch the old generation is current and untouched, after it the new one is.

`recover` runs at the start of every run (under the run lock) and settles whatever a killed run
left: stale temporary files and links go, a finished generation the run state already committed
to becomes current (the switch is completed), any other unswitched generation is removed (the
run is undone), and an OUT in the older one-file-per-table layout, or copied without its links,
is converted in steps that each leave every table readable with the same content.

Why a symlink and not only a manifest as the pointer: `OUT/<table>.parquet` has to stay readable
by a plain `pd.read_parquet`, so those paths must follow the switch, and the only single step that
moves all of them at once is the rename of a directory link they all go through. The manifest
lives inside the generation, so it switches with its tables and cannot disagree with them.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import io
import json
import os
import secrets
import shutil
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..schema import TABLES
from .tables import (CURRENT, GENERATIONS, LOCK_FILE, MANIFEST, MANIFEST_FORMAT, OutputError,
                     load_manifest, sha256_file)

#: Rows buffered per table before they are written as one row group (ROW_GROUP_ROWS_OF for a table
#: of large rows: a documents row holds the article's whole text).
ROW_GROUP_ROWS = 5000
ROW_GROUP_ROWS_OF = {"documents": 500}

#: Rows per part of a table: a table of more rows is written as a partitioned dataset (a folder of
#: part files, docs/pipeline.md "Partitioned tables"). $PIPELINE_PART_ROWS or `--part-rows` sets it.
PART_ROWS = 2_000_000
PART_ROWS_ENV = "PIPELINE_PART_ROWS"


def part_rows_setting() -> int:
    value = os.environ.get(PART_ROWS_ENV)
    if not value:
        return PART_ROWS
    try:
        rows = int(value)
    except ValueError:
        raise RuntimeError(f"${PART_ROWS_ENV} is {value!r}, not a number of rows") from None
    if rows < 1:
        raise RuntimeError(f"${PART_ROWS_ENV} is {rows}: a part holds at least one row")
    return rows


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"

#: The name a new `current` link gets before it is renamed onto `current`.
CURRENT_TMP = ".current.tmp"

#: Test hook: PIPELINE_TEST_PAUSE_AT=<point> makes the writer write the file named by
#: PIPELINE_TEST_PAUSE_MARKER (if set) and sleep PIPELINE_TEST_PAUSE_SECONDS (default 600) at that
#: point, so a test can SIGKILL the run there. Points, in order: "generation" (tables written, no
#: manifest yet), "state" (generation finished, run state not committed), "switch" (state
#: committed, `current` not yet switched), "cleanup" (switched, previous generation not removed).
PAUSE_POINTS = ("generation", "state", "switch", "cleanup")


def _pause(point: str) -> None:
    if os.environ.get("PIPELINE_TEST_PAUSE_AT") != point:
        return
    marker = os.environ.get("PIPELINE_TEST_PAUSE_MARKER")
    if marker:
        Path(marker).write_text(f"{os.getpid()} {point}\n", encoding="utf-8")
    time.sleep(float(os.environ.get("PIPELINE_TEST_PAUSE_SECONDS", "600")))


def to_arrow(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts) to an Arrow table with the table's schema; missing keys become null."""
    schema = TABLES[name]
    columns = {f.name: [row.get(f.name) for row in rows] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)


def new_generation_id() -> str:
    """Sortable by time, unique by a random tail."""
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + secrets.token_hex(4)


def _fsync_dir(path: Path) -> None:
    """Make a rename or a new entry in `path` durable (best effort where directories cannot be
    opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    """Remove a file, a link or a folder; best effort (the next run tries again)."""
    try:
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)
    except OSError:
        pass


def _write_durably(path: Path, text: str) -> None:
    """Write `text` to `path` whole or not at all: temporary file, fsync, rename, fsync folder."""
    tmp = path.parent / f".{path.name}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


class _HashingFile(io.RawIOBase):
    """A file Parquet is written to, hashing and counting the bytes as they pass (Parquet is
    written front to back, never sought), so the manifest costs no second read."""

    def __init__(self, path: Path):
        self._file = open(path, "xb")
        self.sha256 = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.sha256.update(data)
        self.size += len(data)
        return self._file.write(data)

    def tell(self) -> int:
        return self.size

    def flush(self) -> None:
        self._file.flush()

    def sync_and_close(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()

    def close(self) -> None:
        self._file.close()
        super().close()


def _manifest(generation: str, entries: dict[str, dict], version: str | None, **extra) -> str:
    manifest = {"format": MANIFEST_FORMAT, "generation": generation,
                "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "pipeline_version": version, **extra, "tables": entries}
    return json.dumps(manifest, indent=2, sort_keys=False) + "\n"


def remove_stale_temporaries(out_dir: Path) -> list[Path]:
    """Delete the temporary table files an interrupted run left in `out_dir` (only while holding the
    folder's run lock, so that no running writer's files are among them)."""
    stale = sorted(Path(out_dir).glob(".*.parquet.*.tmp"))
    for tmp in stale:
        tmp.unlink(missing_ok=True)
    return stale


def write_tables(rows: dict[str, list[dict]], out_dir: Path) -> dict[str, int]:
    """Write all tables (empty ones too) to `out_dir` as its new current generation; returns rows
    written per table."""
    with output_lock(out_dir):
        recover(out_dir)
        sink = TableSink(out_dir)
        sink.add(rows)
        return sink.commit()


class TableSink:
    """Streams rows into Parquet files per table in a new generation folder; `finish` completes
    it, `switch` makes it current (`commit` does both).

    Rows are buffered per table and flushed as a row group every ROW_GROUP_ROWS rows, so row-group
    boundaries depend only on the rows, never on timing: two runs over the same input write the
    same files. A table is written in parts of at most `part_rows` rows (PART_ROWS, or
    $PIPELINE_PART_ROWS): a table that fits in one part is one file, `<table>.parquet`; a larger
    one is a partitioned dataset, a folder `<table>.parquet/` of `part-00000.parquet`, ... in row
    order, which pd.read_parquet, pyarrow.dataset and DuckDB (`<table>.parquet/*.parquet`) read as
    one table. The parts are written into `.<table>.parts/` inside the unswitched generation and
    renamed into place by `finish`, so they switch with the rest.
    """

    def __init__(self, out_dir: Path, version: str | None = None, part_rows: int | None = None):
        self.out_dir = Path(out_dir)
        self.version = version
        self.part_rows = max(1, int(part_rows or part_rows_setting()))
        self.generation = new_generation_id()
        self.folder = self.out_dir / GENERATIONS / self.generation
        self._buffers: dict[str, list[dict]] = {name: [] for name in TABLES}
        self._counts = {name: 0 for name in TABLES}
        self._part_counts = {name: 0 for name in TABLES}
        self._parts: dict[str, list[dict]] = {name: [] for name in TABLES}
        self._files: dict[str, _HashingFile] = {}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._entries: dict[str, dict] = {}
        self._finished = False

    def add(self, rows: dict[str, list[dict]]) -> None:
        for name, table_rows in rows.items():
            if name not in TABLES:
                raise KeyError(f"unknown table {name!r}")
            buffer = self._buffers[name]
            buffer.extend(table_rows)
            if len(buffer) >= min(ROW_GROUP_ROWS, ROW_GROUP_ROWS_OF.get(name, ROW_GROUP_ROWS)):
                self._flush(name)

    def _parts_folder(self, name: str) -> Path:
        return self.folder / f".{name}.parts"

    def _open_part(self, name: str) -> None:
        folder = self._parts_folder(name)
        folder.mkdir(parents=True, exist_ok=True)
        self._files[name] = _HashingFile(folder / part_name(len(self._parts[name])))
        self._writers[name] = pq.ParquetWriter(self._files[name], TABLES[name])
        self._part_counts[name] = 0

    def _close_part(self, name: str) -> None:
        self._writers.pop(name).close()
        file = self._files.pop(name)
        file.sync_and_close()
        self._parts[name].append({"path": f"{name}.parquet/{part_name(len(self._parts[name]))}",
                                  "rows": self._part_counts[name], "bytes": file.size,
                                  "sha256": file.sha256.hexdigest()})

    def _flush(self, name: str) -> None:
        buffer = self._buffers[name]
        if name not in self._writers:
            self._open_part(name)  # every table has at least one part, empty or not
        start = 0
        while start < len(buffer):
            room = self.part_rows - self._part_counts[name]
            if room <= 0:  # this part is full: the rows go on in the next one
                self._close_part(name)
                self._open_part(name)
                room = self.part_rows
            chunk = buffer[start:start + room]
            self._writers[name].write_table(to_arrow(name, chunk))
            self._part_counts[name] += len(chunk)
            self._counts[name] += len(chunk)
            start += len(chunk)
        buffer.clear()

    def _place(self, name: str) -> dict:
        """The table's parts moved to their final place in the generation; its manifest entry."""
        parts, folder = self._parts[name], self._parts_folder(name)
        if len(parts) == 1:  # one file, `<table>.parquet`, as always
            os.rename(folder / part_name(0), self.folder / f"{name}.parquet")
            folder.rmdir()
            return {**parts[0], "path": f"{name}.parquet"}
        os.rename(folder, self.folder / f"{name}.parquet")
        return {"path": f"{name}.parquet", "rows": self._counts[name],
                "bytes": sum(p["bytes"] for p in parts), "parts": parts}

    def finish(self) -> dict[str, int]:
        """Write what is buffered, close and fsync every file, write the manifest; returns row
        counts. Nothing is visible in OUT yet."""
        try:
            for name in TABLES:
                self._flush(name)  # opens the file of an empty table too, so every table exists
                self._close_part(name)
                self._entries[name] = self._place(name)
                if len(self._parts[name]) > 1:
                    _fsync_dir(self.folder / f"{name}.parquet")
            _pause("generation")
            _write_durably(self.folder / MANIFEST, _manifest(self.generation, self._entries, self.version))
            _fsync_dir(self.folder.parent)
        except BaseException:
            self.abort()
            raise
        self._finished = True
        _pause("state")
        return dict(self._counts)

    def switch(self) -> None:
        """Make the finished generation current (one rename) and remove the previous ones."""
        if not self._finished:
            raise RuntimeError("switch before finish")
        switch_to(self.out_dir, self.generation)

    def commit(self) -> dict[str, int]:
        counts = self.finish()
        self.switch()
        return counts

    def abort(self) -> None:
        """Drop the unfinished generation; the current tables stay as they were."""
        for writer in self._writers.values():
            with contextlib.suppress(Exception):  # best effort while already failing
                writer.close()
        for file in self._files.values():
            with contextlib.suppress(Exception):
                file.close()
        self._writers.clear()
        self._files.clear()
        if not self._finished:
            _remove(self.folder)


# --- the switch and the recovery ----------------------------------------------------------------

def _link(out: Path, name: str, target: str) -> None:
    """Make `out/name` a symlink to `target` in one step (a new link renamed over the old entry)."""
    path = out / name
    if path.is_symlink() and os.readlink(path) == target:
        return
    tmp = out / f".{name}.link.tmp"
    _remove(tmp)
    os.symlink(target, tmp)
    if path.is_dir() and not path.is_symlink():
        # a copy of a partitioned table (OUT copied following links): a folder cannot be replaced
        # by a link in one step, so it is set aside first (it showed the same rows as the link will)
        aside = out / f".{name}.copy.tmp"
        _remove(aside)
        os.rename(path, aside)
        os.replace(tmp, path)
        _remove(aside)
        return
    os.replace(tmp, path)


def _table_links(out: Path, names) -> None:
    """`OUT/<table>.parquet` and `OUT/manifest.json` as links through `current`. They never
    change once made: switching `current` switches what all of them show."""
    for name in names:
        _link(out, f"{name}.parquet", f"{CURRENT}/{name}.parquet")
    _link(out, MANIFEST, f"{CURRENT}/{MANIFEST}")


def switch_to(out: Path, generation: str) -> None:
    """Make `generation` current: the links first (they show the old generation until the switch,
    or nothing on a first run), then the one rename of `current`, then the clean-up."""
    out = Path(out)
    manifest = load_manifest(out / GENERATIONS / generation)
    _table_links(out, manifest["tables"])
    _pause("switch")
    tmp = out / CURRENT_TMP
    _remove(tmp)
    os.symlink(f"{GENERATIONS}/{generation}", tmp)
    os.replace(tmp, out / CURRENT)
    _fsync_dir(out)
    _pause("cleanup")
    _clean(out, generation, manifest["tables"])


def _clean(out: Path, keep: str, tables) -> None:
    """Remove every generation but `keep`, stale temporary files, and links to tables the current
    generation does not have."""
    generations = out / GENERATIONS
    if generations.is_dir():
        for child in generations.iterdir():
            if child.name != keep:
                _remove(child)
    for stale in out.glob(".*.tmp"):
        _remove(stale)
    wanted = {f"{name}.parquet" for name in tables}
    for path in out.glob("*.parquet"):
        if path.is_symlink() and path.name not in wanted and os.readlink(path).startswith(f"{CURRENT}/"):
            _remove(path)


def _valid(folder: Path) -> bool:
    try:
        load_manifest(folder)
        return True
    except OutputError:
        return False


def _current_id(out: Path) -> str | None:
    """The generation `current` links to, if it is there (damaged or not: a damaged one keeps
    showing until the run switches to a new one)."""
    link = out / CURRENT
    if link.is_symlink():
        name = Path(os.readlink(link)).name
        return name if (out / GENERATIONS / name).is_dir() else None
    return None


def _adopt_copied_current(out: Path) -> str | None:
    """`current` is a folder, not a link (OUT was copied following links): make its generation a
    real one again and `current` a link to it. The table files beside it are copies too, so they
    keep showing the same tables meanwhile."""
    folder = out / CURRENT
    try:
        generation = load_manifest(folder)["generation"]
    except OutputError:
        _remove(folder)
        return None
    target = out / GENERATIONS / generation
    aside = out / ".current.copy.tmp"
    _remove(aside)
    os.rename(folder, aside)
    if not _valid(target):
        _remove(target)
        target.parent.mkdir(exist_ok=True)
        os.rename(aside, target)
    os.symlink(f"{GENERATIONS}/{generation}", out / CURRENT)
    _fsync_dir(out)
    return generation


def _adopt_plain_tables(out: Path) -> str | None:
    """Tables as plain files (the layout before generations): hard-link them into a generation
    of their own and make it current; the plain files are then replaced by links showing the same
    bytes, so each table reads the same throughout."""
    plain = [out / f"{name}.parquet" for name in TABLES]  # only this tool's tables, never other files
    plain = [p for p in plain if p.is_file() and not p.is_symlink()]
    entries = {}
    for path in plain:
        try:
            rows = pq.ParquetFile(path).metadata.num_rows
        except Exception:  # noqa: BLE001 - not a table: it is replaced by the next switch
            continue
        entries[path.stem] = {"path": path.name, "rows": rows, "bytes": path.stat().st_size,
                              "sha256": sha256_file(path)}
    if not entries:
        return None
    generation = new_generation_id()
    folder = out / GENERATIONS / generation
    folder.mkdir(parents=True)
    for entry in entries.values():
        try:
            os.link(out / entry["path"], folder / entry["path"])
        except OSError:
            shutil.copy2(out / entry["path"], folder / entry["path"])
    _write_durably(folder / MANIFEST, _manifest(generation, entries, None, adopted=True))
    _fsync_dir(folder.parent)
    tmp = out / CURRENT_TMP
    _remove(tmp)
    os.symlink(f"{GENERATIONS}/{generation}", tmp)
    os.replace(tmp, out / CURRENT)
    _fsync_dir(out)
    return generation


def recover(out: Path, committed: str | None = None) -> str | None:
    """Settle what an interrupted run left in OUT; returns the current generation (None when OUT
    has no tables yet). `committed` is the generation the run state last committed to: if it is
    finished but not current, the run was killed between its state commit and its switch, and the
    switch is completed here. Call with the run lock held."""
    out = Path(out)
    if not out.is_dir():
        return None
    for stale in out.glob(".*.tmp"):
        _remove(stale)
    current = _current_id(out)
    link = out / CURRENT
    if current is None and link.is_dir() and not link.is_symlink():
        current = _adopt_copied_current(out)
    elif current is None and link.is_symlink():
        _remove(link)  # points at nothing usable
    if committed and committed != current and _valid(out / GENERATIONS / committed):
        switch_to(out, committed)  # roll forward: the state already describes these tables
        return committed
    if current is None:
        current = _adopt_plain_tables(out)
    if current is None:
        _clean(out, "", ())
        return None
    try:
        tables = load_manifest(out / GENERATIONS / current)["tables"]
    except OutputError:  # damaged: readers are told so; this run's switch replaces it
        tables = dict.fromkeys(TABLES)
    _table_links(out, tables)
    _clean(out, current, tables)
    return current


def _check_links(out: Path) -> None:
    """The switch needs symbolic links: say so before any work if OUT's file system has none."""
    probe = out / ".link-probe.tmp"
    _remove(probe)
    try:
        os.symlink(CURRENT, probe)
    except OSError as exc:
        raise RuntimeError(f"{out} cannot hold symbolic links ({exc.strerror}); the tables are switched "
                           "through one, so choose an output folder on a local disk") from None
    _remove(probe)


@contextlib.contextmanager
def output_lock(out: Path):
    """Hold OUT for one run, from its recovery to its clean-up. An advisory lock on
    `OUT/.extract.lock` (released by the system if the run is killed); a second run stops with a
    clear message."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    handle = open(out / LOCK_FILE, "a+b")
    try:
        try:
            import fcntl
        except ImportError:  # not POSIX: the run state's own lock still keeps runs apart
            yield
            return
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise RuntimeError(f"{out} is in use by another run; wait for it to finish") from None
            raise
        _check_links(out)
        yield
    finally:
        handle.close()
