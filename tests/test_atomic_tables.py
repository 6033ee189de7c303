"""One run's tables, all or none: a run SIGKILLed at any point of its switch leaves OUT showing the
complete old set of tables or the complete new one, and the next run cleans up and writes what a
run from scratch writes (issue 21)."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.io import tables as io_tables
from pipeline.io.state import RunState
from pipeline.io.tables import CURRENT, GENERATIONS, MANIFEST, OutputError, current_tables, read_table, read_tables
from pipeline.io.writer import PAUSE_POINTS, output_lock, recover, write_tables
from pipeline.run.runner import run
from pipeline.schema import TABLES

pytestmark = [pytest.mark.model, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
RAW = sorted((ROOT / "corpus" / "raw").glob("*.txt"))


def folder(path: Path, sources: list[Path]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for src in sources:
        shutil.copy(src, path / src.name)
    return path


def plain(out: Path) -> dict[str, pd.DataFrame]:
    """The tables as an analyst reads them: pd.read_parquet(OUT / "<table>.parquet")."""
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


def same(left: dict, right: dict) -> bool:
    try:
        for name in TABLES:
            pd.testing.assert_frame_equal(left[name], right[name], check_categorical=False, obj=name)
    except AssertionError:
        return False
    return True


def assert_one_generation(out: Path) -> str:
    """Every table file OUT shows is in the generation `current` names, as its manifest lists it,
    and the tables join: the set is one run's."""
    generation = Path(os.readlink(out / CURRENT)).name
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["generation"] == generation
    for name in TABLES:
        resolved = (out / f"{name}.parquet").resolve()
        assert resolved.parent.name == generation and resolved.parent.parent.name == GENERATIONS
    paths = current_tables(out, verify=True)  # sizes, hashes and row counts as the manifest says
    assert set(paths) == set(TABLES)
    frames = read_tables(out)
    docs = set(frames["documents"].doc_id)
    for name in ("mentions", "roles", "ratings", "dates", "quotes"):
        assert set(frames[name].doc_id) <= docs, f"{name} has doc_ids documents lacks"
    people = set(frames["people"].person_id)
    persons = frames["mentions"][frames["mentions"].label == "PERSON"]
    assert set(persons.person_id.dropna()) <= people
    assert same(frames, plain(out))
    return generation


def assert_clean(out: Path) -> None:
    """No temporary files anywhere, one generation: the current one."""
    leftovers = [str(p.relative_to(out)) for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert not leftovers
    generations = [p.name for p in (out / GENERATIONS).iterdir()]
    assert generations == [Path(os.readlink(out / CURRENT)).name]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Inputs of an old run (2 articles) and a new one (3), and a from-scratch output of each."""
    base = tmp_path_factory.mktemp("atomic")
    old_in, new_in = folder(base / "old_in", RAW[:2]), folder(base / "new_in", RAW[:3])
    run(old_in, base / "old_out", progress=False)
    run(new_in, base / "new_out", progress=False)
    return {"old_in": old_in, "new_in": new_in, "old_out": base / "old_out", "new_out": base / "new_out",
            "old": plain(base / "old_out"), "new": plain(base / "new_out")}


def killed_run(in_dir: Path, out: Path, point: str, tmp_path: Path) -> None:
    """Run an extraction of IN into OUT in a subprocess and SIGKILL it once it pauses at `point`."""
    marker = tmp_path / f"paused-{point}"
    env = dict(os.environ, PIPELINE_TEST_PAUSE_AT=point, PIPELINE_TEST_PAUSE_MARKER=str(marker),
               PIPELINE_TEST_PAUSE_SECONDS="300")
    code = ("import sys; from pipeline.run.runner import run; "
            "run(sys.argv[1], sys.argv[2], workers=1, progress=False)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(in_dir), str(out)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 240
        while not marker.exists():
            if proc.poll() is not None:
                pytest.fail(f"the run ended before pausing at {point}: {proc.stderr.read().decode()[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"the run did not reach {point}")
            time.sleep(0.05)
        assert marker.read_text().split() == [str(proc.pid), point]
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("point", PAUSE_POINTS)
def test_a_run_killed_in_the_switch_window_leaves_one_whole_set(runs, tmp_path, point):
    out = tmp_path / "out"
    shutil.copytree(runs["old_out"], out, symlinks=True)
    old_generation = Path(os.readlink(out / CURRENT)).name
    killed_run(runs["new_in"], out, point, tmp_path)

    shown = plain(out)
    generation = assert_one_generation(out)
    # before the rename of `current` the old set shows, after it the new one: never a mix
    switched = point == "cleanup"
    assert same(shown, runs["new" if switched else "old"])
    assert (generation == old_generation) != switched
    assert len(shown["documents"]) == (3 if switched else 2)

    if point == "switch":
        # the state names the new generation, OUT shows the old one: the recovery at the next
        # start completes the switch before anything else
        with output_lock(out), RunState(out) as state:
            committed = state.generation()
            assert committed != generation
            assert recover(out, committed=committed) == committed
        assert Path(os.readlink(out / CURRENT)).name == committed
        assert_clean(out)
        assert same(plain(out), runs["new"])

    # the next run completes or undoes what the killed one left, and equals a run from scratch
    summary = run(runs["new_in"], out, progress=False)
    state_committed = point in ("switch", "cleanup")
    assert (summary.processed, summary.reused) == ((0, 3) if state_committed else (1, 2))
    assert_clean(out)
    assert_one_generation(out)
    assert same(plain(out), runs["new"])
    with RunState(out) as state:  # the state names the generation OUT shows
        assert state.generation() == Path(os.readlink(out / CURRENT)).name


def test_plain_read_parquet_and_the_reader_agree(runs):
    out = runs["new_out"]
    for name in TABLES:
        assert (out / f"{name}.parquet").is_symlink()
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{name}.parquet"), read_table(out, name))
    manifest = io_tables.current_manifest(out, verify=True)
    assert {n: e["rows"] for n, e in manifest["tables"].items()} == {n: len(f) for n, f in runs["new"].items()}
    assert manifest["pipeline_version"] == runs["new"]["documents"].pipeline_version.iloc[0]
    with pytest.raises(OutputError, match="no table"):
        read_table(out, "nonsense")


def test_the_reader_refuses_a_damaged_generation(runs, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(runs["new_out"], out, symlinks=True)
    mentions = current_tables(out)["mentions"]
    data = bytearray(mentions.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, other bytes: only the hash can tell
    mentions.write_bytes(bytes(data))
    current_tables(out)
    with pytest.raises(OutputError, match="sha256"):
        current_tables(out, verify=True)
    mentions.write_bytes(bytes(data[:-10]))
    with pytest.raises(OutputError, match="bytes"):
        current_tables(out)
    with pytest.raises(OutputError, match="no tables"):
        current_tables(tmp_path / "empty")


def test_leftovers_of_killed_runs_are_removed_and_the_current_set_kept(runs, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(runs["new_out"], out, symlinks=True)
    current = Path(os.readlink(out / CURRENT)).name
    os.symlink(f"{GENERATIONS}/unfinished", out / ".current.tmp")
    (out / ".mentions.parquet.k2j3.tmp").write_bytes(b"half a table")
    (out / GENERATIONS / "unfinished").mkdir()
    (out / GENERATIONS / "unfinished" / "documents.parquet").write_bytes(b"half a table")
    finished = out / GENERATIONS / "20000101T000000Z-00000000"  # complete, never committed to
    shutil.copytree(out / GENERATIONS / current, finished)
    manifest = json.loads((finished / MANIFEST).read_text())
    (finished / MANIFEST).write_text(json.dumps(dict(manifest, generation=finished.name)))
    assert recover(out, committed=current) == current
    assert_clean(out)
    assert same(plain(out), runs["new"])


def test_tables_of_the_older_layout_are_adopted_without_a_mixed_moment(runs, tmp_path):
    """An OUT written before generations (one plain file per table) becomes a generation of its own;
    each plain file is replaced by a link showing the same bytes."""
    out = tmp_path / "out"
    out.mkdir()
    for name in TABLES:
        shutil.copy(runs["old_out"] / f"{name}.parquet", out / f"{name}.parquet")  # copies the bytes
    before = {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}
    with pytest.raises(OutputError, match="older version"):
        current_tables(out)
    generation = recover(out)
    assert generation and {name: (out / f"{name}.parquet").read_bytes() for name in TABLES} == before
    assert all((out / f"{name}.parquet").is_symlink() for name in TABLES)
    assert_clean(out)
    assert_one_generation(out)
    assert same(plain(out), runs["old"])


def test_an_output_copied_through_its_links_still_runs(runs, tmp_path):
    """`shutil.copytree` (or `cp -rL`) turns the links into files: the next run puts them back."""
    out = tmp_path / "out"
    shutil.copytree(runs["old_out"], out)
    assert (out / CURRENT).is_dir() and not (out / CURRENT).is_symlink()
    assert same(read_tables(out), runs["old"])
    summary = run(runs["new_in"], out, progress=False)
    assert (summary.processed, summary.reused) == (1, 2)
    assert (out / CURRENT).is_symlink()
    assert_clean(out)
    assert same(plain(out), runs["new"])


def test_a_second_writer_is_turned_away(tmp_path):
    with output_lock(tmp_path / "out"):
        with pytest.raises(RuntimeError, match="in use by another run"):
            write_tables({}, tmp_path / "out")
    write_tables({}, tmp_path / "out")
    assert_clean(tmp_path / "out")


def test_an_output_folder_without_symlinks_is_a_clear_error(tmp_path, monkeypatch):
    def no_links(*args, **kwargs):
        raise OSError(1, "Operation not permitted")
    monkeypatch.setattr(os, "symlink", no_links)
    with pytest.raises(RuntimeError, match="cannot hold symbolic links"):
        write_tables({}, tmp_path / "out")
    assert not (tmp_path / "out" / GENERATIONS).exists()


def test_a_damaged_current_generation_is_replaced_by_the_next_run(runs, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(runs["old_out"], out, symlinks=True)
    mentions = current_tables(out)["mentions"]
    mentions.write_bytes(mentions.read_bytes()[:-10])
    with pytest.raises(OutputError):
        read_tables(out)
    summary = run(runs["new_in"], out, progress=False)
    assert (summary.processed, summary.reused) == (1, 2)
    assert_clean(out)
    assert_one_generation(out)
    assert same(plain(out), runs["new"])
