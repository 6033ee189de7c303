"""The Dask engine and sharded inputs (issue 20): the same tables as the local engine, from files or
from JSONL and Parquet shards, and a worker killed mid-batch costs nothing but time."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.run.dask_engine import DIE_ENV, DIE_FLAG_ENV, DIE_ONCE_ENV, SLOW_ENV
from pipeline.run.runner import run
from pipeline.schema import TABLES

pytestmark = [pytest.mark.model, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpus" / "raw"


def tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


def assert_same_tables(left: dict, right: dict) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


def test_local_cluster_of_two_workers_writes_the_local_engines_tables(raw_output, tmp_path):
    local_out, local = raw_output
    summary = run(RAW, tmp_path / "dask", workers=2, progress=False, engine="dask")
    assert summary.workers == 2 and summary.processed == local.processed == 5
    # every table, every column, every row in the same order: nothing differs between the engines
    assert_same_tables(tables(local_out), tables(tmp_path / "dask"))
    assert len(tables(local_out)["mentions"]) > 100


def _records() -> list[dict]:
    return [{"id": path.stem, "text": path.read_text(encoding="utf-8")} for path in sorted(RAW.glob("*.txt"))]


def _write_shard(path: Path, records: list[dict]) -> Path:
    if path.name.endswith(".parquet"):
        pq.write_table(pa.Table.from_pylist(records), path, row_group_size=2)
    else:
        with (gzip.open(path, "wt", encoding="utf-8") if path.name.endswith(".gz") else path.open("w")) as f:
            for record in records:
                f.write(json.dumps(record) + "\n")
    return path


def _without_source_path(frames: dict) -> dict:
    out = {}
    for name, frame in frames.items():
        frame = frame.drop(columns=[c for c in ("source_path", "duplicate_paths") if c in frame.columns])
        out[name] = frame.reset_index(drop=True)
    return out


@pytest.mark.parametrize("name", ["articles.jsonl", "articles.jsonl.gz", "articles.parquet"])
def test_shards_give_the_rows_of_the_same_articles_as_files(raw_output, tmp_path, name):
    local_out, _ = raw_output
    shard = _write_shard(tmp_path / name, _records())
    out = tmp_path / "out"
    summary = run(shard, out, workers=1, progress=False)
    assert summary.articles == 5 and summary.rejected == 0
    got = tables(out)
    assert list(got["documents"]["source_path"]) == [f"{name}#{p.stem}" for p in sorted(RAW.glob("*.txt"))]
    assert_same_tables(_without_source_path(tables(local_out)), _without_source_path(got))
    # incremental: nothing is new the second time; a changed record and a new one are processed
    again = run(shard, out, workers=1, progress=False)
    assert again.processed == 0 and again.reused == 5
    assert_same_tables(got, tables(out))
    if name == "articles.jsonl":
        records = _records()
        records[1]["text"] = records[1]["text"].replace("\n\n", "\n\nA new paragraph here.\n\n", 1)
        records.append({"id": "extra", "text": records[0]["text"] + "\nOne more line.\n"})
        _write_shard(shard, records)
        third = run(shard, out, workers=1, progress=False)
        assert third.processed == 2 and third.reused == 4
        assert len(tables(out)["documents"]) == 6


def test_shard_records_metadata_and_bad_records(tmp_path):
    records = _records()[:1]
    records[0].update(published="2019-03-04", title="A title from the record")
    shard = tmp_path / "s.jsonl"
    _write_shard(shard, records)
    with shard.open("a") as f:
        f.write("{not json\n")
        f.write(json.dumps({"text": "no id here"}) + "\n")
        f.write(json.dumps({"id": "blank", "text": "   "}) + "\n")
        f.write(json.dumps({"id": "bad-date", "text": records[0]["text"] + " x", "published": "someday"}) + "\n")
    summary = run(shard, tmp_path / "out", workers=1, progress=False)
    got = tables(tmp_path / "out")
    doc = got["documents"].iloc[0]
    assert doc["title"] == "A title from the record" and str(doc["published"])[:10] == "2019-03-04"
    assert doc["published_source"] == "metadata"
    reasons = dict(zip(got["rejected"]["source_path"], got["rejected"]["reason"]))
    assert reasons == {"s.jsonl#@2": "unreadable", "s.jsonl#@3": "bad_metadata", "s.jsonl#blank": "empty",
                       "s.jsonl#bad-date": "bad_metadata"}
    assert summary.documents == 2  # the bad date's article is still read, with its page's date


def test_a_worker_killed_mid_batch_is_retried_and_an_article_that_kills_twice_is_rejected(
        raw_output, tmp_path, monkeypatch):
    local_out, _ = raw_output
    paths = sorted(p.name for p in RAW.glob("*.txt"))
    flag = tmp_path / "died-once"
    monkeypatch.setenv(DIE_ONCE_ENV, paths[1])  # kills its worker the first time only
    monkeypatch.setenv(DIE_FLAG_ENV, str(flag))
    monkeypatch.setenv(DIE_ENV, paths[3])  # kills its worker every time
    summary = run(RAW, tmp_path / "out", workers=2, progress=False, engine="dask")
    assert flag.exists()  # the worker did die on paths[1]'s batch
    got, want = tables(tmp_path / "out"), tables(local_out)
    assert list(got["rejected"]["source_path"]) == [paths[3]]
    assert list(got["rejected"]["reason"]) == ["worker_died"]
    assert summary.documents == 4 and paths[1] in set(got["documents"]["source_path"])
    # every other article's rows are those of the local engine, the killed one's included
    for name in TABLES:
        if name in ("rejected", "people", "organizations"):  # merged across articles: no doc_id
            continue
        keep = want["documents"].loc[want["documents"]["source_path"] != paths[3], "doc_id"]
        expected = want[name][want[name]["doc_id"].isin(set(keep))].reset_index(drop=True)
        pd.testing.assert_frame_equal(got[name].reset_index(drop=True), expected, obj=name,
                                      check_categorical=False)  # the same values; fewer distinct ones


def test_a_batch_whose_worker_dies_once_is_retried_whole(tmp_path, monkeypatch, raw_output):
    local_out, _ = raw_output
    paths = sorted(p.name for p in RAW.glob("*.txt"))
    flag = tmp_path / "died-once"
    monkeypatch.setenv(DIE_ONCE_ENV, paths[0])
    monkeypatch.setenv(DIE_FLAG_ENV, str(flag))
    monkeypatch.delenv(DIE_ENV, raising=False)
    summary = run(RAW, tmp_path / "out", workers=1, progress=False, engine="dask")
    assert flag.exists() and summary.rejected == 0
    assert_same_tables(tables(local_out), tables(tmp_path / "out"))  # the output is complete


def test_shards_inside_an_input_folder_are_read(raw_output, tmp_path):
    local_out, _ = raw_output
    files = sorted(RAW.glob("*.txt"))
    src = tmp_path / "in"
    (src / "zz").mkdir(parents=True)
    for path in files[:2]:
        (src / path.name).write_bytes(path.read_bytes())
    _write_shard(src / "zz" / "rest.jsonl", _records()[2:4])
    _write_shard(src / "zz" / "tail.parquet", _records()[4:])
    # never input: a Parquet file that is not one of articles, and an output folder of this tool
    pq.write_table(pa.Table.from_pylist([{"doc_id": "x", "text": "a table, not articles"}]), src / "zz" / "other.parquet")
    from pipeline.io.writer import write_tables
    write_tables({"rejected": [{"source_path": "a.txt", "reason": "empty", "detail": None}]}, src / "old-out")
    summary = run(src, tmp_path / "out", workers=1, progress=False)
    assert summary.articles == 5 and summary.rejected == 0
    assert "zz/other.parquet" in summary.skipped and "old-out/rejected.parquet" in summary.skipped
    got = tables(tmp_path / "out")
    assert list(got["documents"]["source_path"]) == [files[0].name, files[1].name] + [
        f"zz/rest.jsonl#{p.stem}" for p in files[2:4]] + [f"zz/tail.parquet#{files[4].stem}"]
    assert_same_tables(_without_source_path(tables(local_out)), _without_source_path(got))


def test_a_slow_article_on_a_dask_worker_is_rejected_and_workers_come_from_the_scheduler(
        raw_output, tmp_path, monkeypatch):
    """The time budget holds in Dask's worker threads (no SIGALRM there); with --scheduler the
    summary counts the cluster's workers, not --workers."""
    from distributed import LocalCluster

    local_out, _ = raw_output
    paths = sorted(p.name for p in RAW.glob("*.txt"))
    monkeypatch.setenv(SLOW_ENV, paths[2])
    monkeypatch.setenv("PIPELINE_ARTICLE_SECONDS", "4")
    for name in (DIE_ENV, DIE_ONCE_ENV):
        monkeypatch.delenv(name, raising=False)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = run(RAW, tmp_path / "out", workers=1, progress=False, engine="dask",
                      scheduler=cluster.scheduler_address)
    assert summary.workers == 2
    got, want = tables(tmp_path / "out"), tables(local_out)
    assert [(r.source_path, r.reason) for r in got["rejected"].itertuples()] == [(paths[2], "timeout")]
    assert list(got["documents"]["source_path"]) == [p for p in paths if p != paths[2]]
    keep = set(want["documents"].loc[want["documents"]["source_path"] != paths[2], "doc_id"])
    for name in ("documents", "mentions", "dates", "quotes"):
        pd.testing.assert_frame_equal(got[name].reset_index(drop=True),
                                      want[name][want[name]["doc_id"].isin(keep)].reset_index(drop=True),
                                      obj=name, check_categorical=False)


def _worker_settings():
    import os

    import dask
    return (os.environ.get("MALLOC_TRIM_THRESHOLD_"), dask.config.get("distributed.worker.profile.enabled"),
            dask.config.get("distributed.admin.tick.interval"))


def test_the_local_cluster_workers_run_without_malloc_trimming_or_the_sampling_profiler(monkeypatch):
    """Dask's malloc trim, sampling profiler and 20 ms event-loop tick cost the workers about 10%
    more CPU per article (docs/pipeline.md); the engine's own LocalCluster turns them off or down,
    and keeps Dask's one-thread limits for numeric libraries."""
    from pipeline.run.dask_engine import DaskPool

    # a LocalCluster with Dask's defaults (the "existing cluster" of an earlier test) writes its
    # MALLOC_TRIM_THRESHOLD_ into this process's environment, which later workers inherit
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)

    pool = DaskPool(None, workers=1)
    try:
        settings = pool.client.run(_worker_settings)
        threads = pool.client.run(lambda: __import__("os").environ.get("OMP_NUM_THREADS"))
    finally:
        pool.shutdown()
    assert list(settings.values()) == [(None, False, "200ms")]
    assert list(threads.values()) == ["1"]


def test_a_real_clusters_workers_read_the_same_settings_from_the_file():
    """`DASK_CONFIG=pipeline/run/dask-worker.yaml dask worker ...` (README): the file, collected the
    way Dask collects it, turns off what the LocalCluster turns off and keeps Dask's other defaults."""
    import dask
    import distributed  # noqa: F401 - registers distributed's defaults

    from pipeline.run.dask_engine import WORKER_SETTINGS

    config = dask.config.merge(*dask.config.defaults, dask.config.collect(paths=[str(WORKER_SETTINGS)], env={}))
    assert config["distributed"]["worker"]["profile"]["enabled"] is False
    assert config["distributed"]["admin"]["tick"]["interval"] == "200ms"
    assert config["distributed"]["admin"]["tick"]["limit"] == dask.config.get("distributed.admin.tick.limit")
    environ = config["distributed"]["nanny"]["pre-spawn-environ"]
    assert environ["MALLOC_TRIM_THRESHOLD_"] is None and environ["OMP_NUM_THREADS"] == 1
