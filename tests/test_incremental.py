"""Incremental runs: OUT remembers what it processed; a re-run processes only what is new and
writes the same tables as a run from scratch (same rows, same ids, same order)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.nlp.build import resolve_model
from pipeline.run import execute as execute_module, runner as runner_module, version as version_module, workers as workers_module
from pipeline.run.runner import run
from pipeline.schema import TABLES
from pipeline.io.state import STATE_FILE

ROOT = Path(__file__).resolve().parent.parent
RAW = sorted((ROOT / "corpus" / "raw").glob("*.txt"))


def tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


def assert_same_tables(a: Path, b: Path) -> None:
    left, right = tables(a), tables(b)
    for name in TABLES:
        pd.testing.assert_frame_equal(left[name], right[name], check_categorical=False, obj=name)


def folder(path: Path, sources: list[Path]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for src in sources:
        shutil.copy(src, path / src.name)
    return path


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A from-scratch run over three real articles."""
    base = tmp_path_factory.mktemp("scratch")
    src = folder(base / "in", RAW[:3])
    summary = run(src, base / "out", progress=False)
    return src, base / "out", summary


def test_two_runs_from_scratch_give_equal_tables(scratch, tmp_path):
    src, out, _ = scratch
    again = run(src, tmp_path / "out", progress=False)
    assert again.processed == 3
    assert_same_tables(out, tmp_path / "out")


def test_rebuild_processes_everything_again_with_equal_tables(scratch, tmp_path):
    src, out, _ = scratch
    shutil.copytree(out, tmp_path / "out")
    summary = run(src, tmp_path / "out", progress=False, rebuild=True)
    assert (summary.processed, summary.reused) == (3, 0)
    assert_same_tables(out, tmp_path / "out")


def test_rerun_on_an_unchanged_folder_processes_nothing(scratch, tmp_path):
    src, out, _ = scratch
    shutil.copytree(out, tmp_path / "out")
    summary = run(src, tmp_path / "out", progress=False)
    assert (summary.processed, summary.reused) == (0, 3)
    assert_same_tables(out, tmp_path / "out")


def test_one_new_article_is_the_only_one_processed_and_tables_equal_a_fresh_run(scratch, tmp_path):
    src, out, _ = scratch
    grown = folder(tmp_path / "in", RAW[:3])
    shutil.copytree(out, tmp_path / "out")
    # the new article sorts first, so its rows must land before the reused ones
    shutil.copy(RAW[3], grown / "0000_new.txt")
    summary = run(grown, tmp_path / "out", progress=False)
    assert (summary.processed, summary.reused) == (1, 3)
    fresh = run(grown, tmp_path / "fresh", progress=False)
    assert fresh.processed == 4
    assert_same_tables(tmp_path / "fresh", tmp_path / "out")


def test_workers_mix_reused_and_new_rows_in_input_order(scratch, tmp_path):
    src, out, _ = scratch
    grown = folder(tmp_path / "in", RAW[:3])
    shutil.copytree(out, tmp_path / "out")
    shutil.copy(RAW[3], grown / "0000_first.txt")
    shutil.copy(RAW[4], grown / "zzzz_last.txt")
    summary = run(grown, tmp_path / "out", workers=2, progress=False)
    assert (summary.processed, summary.reused, summary.workers) == (2, 3, 2)
    run(grown, tmp_path / "fresh", progress=False)
    assert_same_tables(tmp_path / "fresh", tmp_path / "out")


def test_a_changed_article_is_processed_again(scratch, tmp_path):
    src, out, _ = scratch
    changed = folder(tmp_path / "in", RAW[:3])
    shutil.copytree(out, tmp_path / "out")
    target = changed / RAW[1].name
    target.write_text(target.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    summary = run(changed, tmp_path / "out", progress=False)
    assert (summary.processed, summary.reused) == (1, 2)
    run(changed, tmp_path / "fresh", progress=False)
    assert_same_tables(tmp_path / "fresh", tmp_path / "out")


def test_a_removed_article_stays_unless_pruned(scratch, tmp_path):
    src, out, _ = scratch
    shrunk = folder(tmp_path / "in", RAW[:2])
    shutil.copytree(out, tmp_path / "out")
    kept = run(shrunk, tmp_path / "out", progress=False)
    assert (kept.processed, kept.kept) == (0, 1)
    assert_same_tables(out, tmp_path / "out")
    pruned = run(shrunk, tmp_path / "out", progress=False, prune=True)
    assert (pruned.processed, pruned.pruned, pruned.documents) == (0, 1, 2)
    run(shrunk, tmp_path / "fresh", progress=False)
    assert_same_tables(tmp_path / "fresh", tmp_path / "out")
    again = run(shrunk, tmp_path / "out", progress=False)  # pruned means forgotten, not kept
    assert again.kept == 0 and again.documents == 2


def test_a_new_pipeline_version_processes_everything_kept_articles_too(scratch, tmp_path, monkeypatch):
    src, out, _ = scratch
    shrunk = folder(tmp_path / "in", RAW[:2])
    shutil.copytree(out, tmp_path / "out")
    real = version_module.pipeline_version
    monkeypatch.setattr(runner_module, "pipeline_version", lambda model: real(model) + "+changed")
    summary = run(shrunk, tmp_path / "out", progress=False)
    assert (summary.processed, summary.reused, summary.kept) == (3, 0, 1)
    versions = set(pd.read_parquet(tmp_path / "out" / "documents.parquet").pipeline_version)
    assert versions == {real(resolve_model(None)) + "+changed"}


def test_pipeline_version_changes_with_the_patterns(tmp_path, monkeypatch):
    model = resolve_model(None)
    before = version_module.pipeline_version(model)
    patterns = tmp_path / "patterns"
    shutil.copytree(version_module.PATTERNS_DIR, patterns)
    monkeypatch.setattr(version_module, "PATTERNS_DIR", patterns)
    assert version_module.pipeline_version(model) == before
    with (patterns / "role.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"label": "ROLE", "pattern": "chief widget officer", "id": "test"}\n')
    assert version_module.pipeline_version(model) != before


def test_a_changed_sidecar_reprocesses_its_article(scratch, tmp_path):
    src, out, _ = scratch
    moved = folder(tmp_path / "in", RAW[:3])
    shutil.copytree(out, tmp_path / "out")
    (moved / "metadata.csv").write_text(f"path,published\n{RAW[0].name},2014-01-02\n", encoding="utf-8")
    summary = run(moved, tmp_path / "out", progress=False)
    assert (summary.processed, summary.reused) == (1, 2)
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert docs.set_index("source_path").loc[RAW[0].name, "published_source"] == "metadata"
    run(moved, tmp_path / "fresh", progress=False)
    assert_same_tables(tmp_path / "fresh", tmp_path / "out")


def test_renamed_and_duplicated_articles_match_a_fresh_run(scratch, tmp_path):
    """A rename is not a removal: the old name is forgotten, not kept. A copy that sorts first
    becomes the document; a deleted junk file does not stay in `rejected`."""
    src, out, _ = scratch
    changed = folder(tmp_path / "in", RAW[:3])
    (changed / "junk.txt").write_bytes(b"")
    shutil.copytree(out, tmp_path / "out")
    run(changed, tmp_path / "out", progress=False)
    (changed / "junk.txt").unlink()
    (changed / RAW[2].name).rename(changed / "zz_renamed.txt")
    shutil.copy(changed / RAW[1].name, changed / "0000_copy.txt")
    summary = run(changed, tmp_path / "out", progress=False)
    assert (summary.processed, summary.kept, summary.duplicates) == (2, 0, 1)
    run(changed, tmp_path / "fresh", progress=False)
    assert_same_tables(tmp_path / "fresh", tmp_path / "out")
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet").set_index("source_path")
    assert list(docs.loc["0000_copy.txt", "duplicate_paths"]) == [RAW[1].name]


def test_a_failed_run_leaves_tables_and_state_as_they_were(scratch, tmp_path, monkeypatch, snapshot):
    src, out, _ = scratch
    grown = folder(tmp_path / "in", RAW[:4])
    shutil.copytree(out, tmp_path / "out", symlinks=True)  # as `cp -a`: links stay links
    before = snapshot(tmp_path / "out")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt  # the user stops the run half way
    monkeypatch.setattr(execute_module, "safe_process_batch", boom)
    with pytest.raises(KeyboardInterrupt):
        run(grown, tmp_path / "out", progress=False)
    after = snapshot(tmp_path / "out")
    assert after.keys() == before.keys() and all(after[k] == before[k] for k in before)
    monkeypatch.undo()
    assert run(grown, tmp_path / "out", progress=False).processed == 1


@pytest.mark.slow  # waits out the run state lock timeout (2 s)
def test_a_second_run_into_the_same_folder_is_a_clear_error(tmp_path):
    from pipeline.io.state import RunState
    src = folder(tmp_path / "in", RAW[:1])
    with RunState(tmp_path / "out"):
        with pytest.raises(RuntimeError, match="in use by another run"):
            run(src, tmp_path / "out", progress=False)


def test_an_unreadable_state_file_is_a_clear_error(tmp_path):
    src = folder(tmp_path / "in", RAW[:1])
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / STATE_FILE).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(RuntimeError, match="--rebuild"):
        run(src, tmp_path / "out", progress=False)


@pytest.mark.model
def test_a_failing_article_in_a_batch_rejects_only_itself(tmp_path, monkeypatch):
    src = folder(tmp_path / "in", RAW[:3])
    real_batch, real_one = workers_module.process_articles, workers_module.process_article

    def batch(items, *args):
        if any(path == RAW[1].name for path, _, _ in items):
            raise ValueError("the parser fell over")
        return real_batch(items, *args)

    def one(path, *args):
        if path == RAW[1].name:
            raise ValueError("the parser fell over")
        return real_one(path, *args)
    monkeypatch.setattr(workers_module, "process_articles", batch)
    monkeypatch.setattr(workers_module, "process_article", one)
    summary = run(src, tmp_path / "out", progress=False)
    rejected = pd.read_parquet(tmp_path / "out" / "rejected.parquet")
    assert rejected[["source_path", "reason"]].values.tolist() == [[RAW[1].name, "error"]]
    assert "fell over" in rejected.detail[0] and summary.documents == 2
    monkeypatch.undo()
    again = run(src, tmp_path / "out", progress=False)  # errors are not remembered: retried
    assert (again.processed, again.reused, again.documents, again.rejected) == (1, 2, 3, 0)
