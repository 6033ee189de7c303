"""The run's plan is decided from what was read and what the state remembers, touching nothing."""
from __future__ import annotations

from pathlib import Path

from pipeline.io.state import Remembered
from pipeline.run.plan import Entry, make_plan

V = "v1"


def entry(path, sha, content, old=None):
    return Entry(path, sha, "", content, None, Path(path), remembered=old)


def remembered(path, sha, content, version=V):
    return Remembered(path, sha, "", content, version)


def plan_of(present, state, prune=False, rebuild=False, in_folder=None):
    looked_up = []

    def stored(path):
        looked_up.append(path)
        return state[path].content_id
    plan = make_plan(present, in_folder or {e.source_path for e in present}, state, V, prune, rebuild,
                     stored, lambda path: None)
    return plan, looked_up


def test_unchanged_articles_are_reused_changed_and_new_ones_processed():
    state = {"a.txt": remembered("a.txt", "sa", "ca"), "b.txt": remembered("b.txt", "sb", "cb")}
    present = [entry("a.txt", "sa", "ca", state["a.txt"]), entry("b.txt", "sB", "cB", state["b.txt"]),
               entry("c.txt", "sc", "cc")]
    plan, _ = plan_of(present, state)
    assert [(e.source_path, e.reuse) for e in plan.entries] == [("a.txt", True), ("b.txt", False), ("c.txt", False)]
    assert plan.todo == 2 and plan.forget == [] and plan.kept == 0


def test_rebuild_and_a_new_version_reuse_nothing():
    state = {"a.txt": remembered("a.txt", "sa", "ca", version="v0")}
    plan, _ = plan_of([entry("a.txt", "sa", "ca", state["a.txt"])], state)
    assert plan.todo == 1
    state = {"a.txt": remembered("a.txt", "sa", "ca")}
    plan, _ = plan_of([entry("a.txt", "sa", "ca", state["a.txt"])], state, rebuild=True)
    assert plan.todo == 1


def test_the_first_path_of_a_content_is_the_document_the_rest_duplicates():
    plan, _ = plan_of([entry("b.txt", "s", "c"), entry("a.txt", "s", "c")], {})
    assert [e.source_path for e in plan.entries] == ["a.txt"]
    assert plan.duplicates == {"c": ["b.txt"]} and [e.source_path for e in plan.remember] == ["b.txt"]


def test_articles_gone_from_the_input_are_kept_or_pruned():
    state = {"gone.txt": remembered("gone.txt", "sg", "cg"), "moved.txt": remembered("moved.txt", "sm", "cm")}
    present = [entry("new-name.txt", "sm", "cm")]
    plan, _ = plan_of(present, state)
    assert [e.source_path for e in plan.entries] == ["gone.txt", "new-name.txt"]
    assert plan.kept == 1 and plan.forget == ["moved.txt"]  # its content is still in IN under another name
    plan, _ = plan_of(present, state, prune=True)
    assert [e.source_path for e in plan.entries] == ["new-name.txt"]
    assert plan.pruned == 2 and plan.forget == ["gone.txt", "moved.txt"]


def test_a_stored_article_is_looked_up_only_when_its_version_is_old():
    state = {"old.txt": remembered("old.txt", "so", "co", version="v0"), "cur.txt": remembered("cur.txt", "sc", "cc")}
    _, looked_up = plan_of([], state, in_folder=set())
    assert looked_up == ["old.txt"]


def test_entry_store_gives_back_equal_entries_in_order_across_chunks(tmp_path):
    from pipeline.extract.metadata import ArticleMetadata
    from pipeline.io.shards import RecordInput
    from pipeline.run.plan import EntryStore

    shard = tmp_path / "s.jsonl"
    entries = []
    for i in range(EntryStore.CHUNK * 2 + 3):  # three chunks, the last one short
        path = f"s.jsonl#{i:05d}" if i % 2 else f"f{i:05d}.txt"
        source = RecordInput(shard, i, path, "s.jsonl") if i % 2 else tmp_path / path
        meta = ArticleMetadata(title=f"t{i}") if i % 3 == 0 else None
        old = remembered(path, f"s{i}", f"c{i}") if i % 5 == 0 else None
        entries.append(Entry(path, f"sha{i}", f"m{i}", f"c{i}" if i % 7 else None, meta, source,
                             remembered=old, reuse=i % 4 == 0))
    store = EntryStore()
    store.extend(entries[:10])
    store.extend(entries[10:])
    try:
        assert len(store) == len(entries)
        assert list(store) == entries
        assert list(store) == entries  # read again: the same, from the start
    finally:
        store.close()
