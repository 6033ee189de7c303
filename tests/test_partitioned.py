"""Partitioned tables (issue 20): a table of more rows than a part holds is written as a folder of
part files, read as one table by pd.read_parquet, pipeline.load and DuckDB (pyarrow.dataset when
DuckDB is not installed), and switched with its generation like any other table."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pytest

from pipeline.io import tables as tables_module
from pipeline.io import writer
from pipeline.io.tables import OutputError, current_manifest, current_tables, read_tables, table_files
from pipeline.schema import TABLES

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpus" / "raw"


def rejected_rows(n: int, tag: str = "") -> list[dict]:
    return [{"source_path": f"{tag}{i:03d}.txt", "reason": "empty", "detail": None} for i in range(n)]


def write(out: Path, n: int, part_rows: int, tag: str = "") -> dict:
    sink = writer.TableSink(out, part_rows=part_rows)
    for row in rejected_rows(n, tag):  # one row at a time, as a run adds them
        sink.add({"rejected": [row]})
    return sink.commit()


def read_as_one_table(path: Path) -> list[str]:
    """The source_path column as every reader sees it: pandas, DuckDB if installed, else pyarrow.dataset."""
    by_pandas = pd.read_parquet(path).source_path.tolist()
    try:
        import duckdb
    except ImportError:
        other = ds.dataset(path, format="parquet").to_table().column("source_path").to_pylist()
    else:
        glob = f"{path}/*.parquet" if path.is_dir() else str(path)
        other = [r[0] for r in duckdb.sql(f"SELECT source_path FROM read_parquet('{glob}')").fetchall()]
    assert other == by_pandas
    return by_pandas


@pytest.mark.parametrize("n, parts", [(4, 1), (5, 1), (6, 2), (11, 3)])
def test_both_sides_of_the_threshold(tmp_path, n, parts):
    counts = write(tmp_path, n, part_rows=5)
    assert counts["rejected"] == n
    path = tmp_path / "rejected.parquet"
    entry = current_manifest(tmp_path, verify=True)["tables"]["rejected"]
    if parts == 1:  # at or under the threshold: one file, as always
        assert path.is_file() and "parts" not in entry
    else:
        assert path.is_dir() and len(entry["parts"]) == parts
        names = sorted(p.name for p in path.iterdir())
        assert names == [f"part-{i:05d}.parquet" for i in range(parts)]
        assert [p["rows"] for p in entry["parts"]] == [5] * (n // 5) + ([n % 5] if n % 5 else [])
        assert entry["rows"] == n and [f.name for f in table_files(tmp_path, "rejected")] == names
    # every reader sees one table, rows in the order they were added
    assert read_as_one_table(path) == [f"{i:03d}.txt" for i in range(n)]
    assert read_tables(tmp_path)["rejected"].source_path.tolist() == [f"{i:03d}.txt" for i in range(n)]
    from pipeline.api import load
    assert load(tmp_path, verify=True)["rejected"].source_path.tolist() == [f"{i:03d}.txt" for i in range(n)]
    # the empty tables stay one (empty) file each
    assert (tmp_path / "documents.parquet").is_file() and len(pd.read_parquet(tmp_path / "documents.parquet")) == 0


def test_part_rows_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(writer.PART_ROWS_ENV, "3")
    sink = writer.TableSink(tmp_path)
    sink.add({"rejected": rejected_rows(7)})
    sink.commit()
    assert len(current_manifest(tmp_path)["tables"]["rejected"]["parts"]) == 3
    monkeypatch.setenv(writer.PART_ROWS_ENV, "many")
    with pytest.raises(RuntimeError, match="PIPELINE_PART_ROWS"):
        writer.TableSink(tmp_path)


def test_a_partitioned_table_switches_with_its_generation(tmp_path):
    write(tmp_path, 12, part_rows=5, tag="a")  # folder of 3
    assert read_as_one_table(tmp_path / "rejected.parquet")[0] == "a000.txt"
    write(tmp_path, 3, part_rows=5, tag="b")  # back to one file
    assert (tmp_path / "rejected.parquet").is_file()
    assert read_as_one_table(tmp_path / "rejected.parquet") == ["b000.txt", "b001.txt", "b002.txt"]
    write(tmp_path, 7, part_rows=5, tag="c")  # a folder again
    assert read_as_one_table(tmp_path / "rejected.parquet") == [f"c{i:03d}.txt" for i in range(7)]
    generations = list((tmp_path / tables_module.GENERATIONS).iterdir())
    assert len(generations) == 1  # the previous ones are gone
    assert not list(generations[0].glob(".*.parts"))  # no folder of parts left half-placed


def test_a_run_that_fails_after_writing_its_parts_leaves_the_old_tables(tmp_path, monkeypatch):
    write(tmp_path, 7, part_rows=5, tag="old")
    before = read_as_one_table(tmp_path / "rejected.parquet")

    def no_manifest(*args, **kwargs):
        raise OSError("disk full")
    monkeypatch.setattr(writer, "_write_durably", no_manifest)
    with pytest.raises(OSError, match="disk full"):
        write(tmp_path, 12, part_rows=5, tag="new")
    assert read_as_one_table(tmp_path / "rejected.parquet") == before
    assert len(list((tmp_path / tables_module.GENERATIONS).iterdir())) == 1


def test_a_stray_file_in_a_partitioned_table_is_reported(tmp_path):
    write(tmp_path, 7, part_rows=5)
    folder = current_tables(tmp_path)["rejected"]
    shutil.copy(folder / "part-00000.parquet", folder / "part-00009.parquet")
    with pytest.raises(OutputError, match="does not list"):
        current_tables(tmp_path)


def test_a_copy_that_followed_the_links_is_adopted_with_its_partitioned_tables(tmp_path):
    out, copy = tmp_path / "out", tmp_path / "copy"
    write(out, 7, part_rows=5)
    shutil.copytree(out, copy, symlinks=False)  # `current` and the table links become real folders
    assert (copy / "rejected.parquet").is_dir() and not (copy / "rejected.parquet").is_symlink()
    assert writer.recover(copy) is not None
    assert (copy / "rejected.parquet").is_symlink()
    assert read_as_one_table(copy / "rejected.parquet") == [f"{i:03d}.txt" for i in range(7)]
    write(copy, 3, part_rows=5, tag="x")
    assert read_as_one_table(copy / "rejected.parquet") == ["x000.txt", "x001.txt", "x002.txt"]


@pytest.mark.model
def test_a_run_with_a_small_part_size_writes_the_same_tables(raw_output, tmp_path):
    from pipeline.api import load
    from pipeline.eval.contract import check_output
    from pipeline.run.runner import run

    local_out, _ = raw_output
    run(RAW, tmp_path / "out", workers=1, progress=False, part_rows=40)
    manifest = current_manifest(tmp_path / "out", verify=True)
    split = {name for name, entry in manifest["tables"].items() if "parts" in entry}
    assert {"mentions", "dates"} <= split and "documents" not in split  # 5 documents: one file
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "out" / f"{name}.parquet"),
                                      pd.read_parquet(local_out / f"{name}.parquet"), obj=name)
    got, want = load(tmp_path / "out"), load(local_out)
    for name in TABLES:
        pd.testing.assert_frame_equal(got[name], want[name], obj=name)
    assert check_output(tmp_path / "out") == []
    # a re-run with nothing new writes the same partitioned tables
    run(RAW, tmp_path / "out", workers=1, progress=False, part_rows=40)
    again = current_manifest(tmp_path / "out")["tables"]
    assert {n: [p["sha256"] for p in e["parts"]] for n, e in again.items() if "parts" in e} == \
        {n: [p["sha256"] for p in e["parts"]] for n, e in manifest["tables"].items() if "parts" in e}
