"""Schemas, the writer, people merging and the whole run on small and real inputs."""
import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.extract.people import PersonMention, canonical_names, merge_people, split_name
from pipeline.ids import person_id
from pipeline.run.runner import run
from pipeline.schema import TABLES
from pipeline.io import writer
from pipeline.io.writer import write_tables

ROOT = Path(__file__).resolve().parent.parent


def test_every_table_written_even_when_empty_with_its_schema(tmp_path):
    counts = write_tables({}, tmp_path)
    assert set(counts) == set(TABLES) and not any(counts.values())
    for name, schema in TABLES.items():
        table = pq.read_table(tmp_path / f"{name}.parquet")
        assert table.schema.equals(schema, check_metadata=False)
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary files left behind


def test_label_columns_are_dictionary_encoded(tmp_path):
    write_tables({"mentions": [{"doc_id": "d", "mention_id": "m", "label": "PERSON", "text": "Lodge",
                                "start_char": 0, "end_char": 3, "sentence_id": 0, "source": "model:ner"}]}, tmp_path)
    table = pq.read_table(tmp_path / "mentions.parquet")
    assert pa.types.is_dictionary(table.schema.field("label").type)
    assert pd.read_parquet(tmp_path / "mentions.parquet")["label"].dtype == "category"


def test_failed_write_keeps_the_previous_tables(tmp_path, monkeypatch, snapshot):
    """A failure after some tables are written (disk full on the fourth) replaces none of them."""
    rows = {"rejected": [{"source_path": "a.txt", "reason": "empty", "detail": "x"}]}
    write_tables(rows, tmp_path)
    before = snapshot(tmp_path)
    calls = []
    real = pq.ParquetWriter

    def fails_on_the_fourth(*args, **kwargs):
        calls.append(args[0])
        if len(calls) == 4:
            raise OSError("disk full")
        return real(*args, **kwargs)
    monkeypatch.setattr(pq, "ParquetWriter", fails_on_the_fourth)
    with pytest.raises(OSError, match="disk full"):
        write_tables({}, tmp_path)
    assert len(calls) == 4
    assert snapshot(tmp_path) == before  # no temporary files or generations either


def test_sink_streams_row_groups_and_counts_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "ROW_GROUP_ROWS", 2)
    sink = writer.TableSink(tmp_path)
    for i in range(5):
        sink.add({"rejected": [{"source_path": f"{i}.txt", "reason": "empty", "detail": None}]})
    assert not (tmp_path / "rejected.parquet").exists()  # nothing visible before commit
    counts = sink.commit()
    assert counts["rejected"] == 5
    meta = pq.ParquetFile(tmp_path / "rejected.parquet").metadata
    assert meta.num_row_groups == 3
    assert pd.read_parquet(tmp_path / "rejected.parquet").source_path.tolist() == [f"{i}.txt" for i in range(5)]


def test_canonical_names_take_the_fullest_form():
    mentions = [PersonMention(0, "Karen Lodge"), PersonMention(50, "Lodge"), PersonMention(60, "Dennis Tarrant"),
                PersonMention(90, "Dennis"), PersonMention(99, "Pemberton")]
    assert canonical_names(mentions) == ["Karen Lodge", "Karen Lodge", "Dennis Tarrant", "Dennis Tarrant", "Pemberton"]


def test_shared_family_name_takes_the_nearest_preceding_full_name():
    mentions = [PersonMention(0, "Anna Jones"), PersonMention(10, "Jones"), PersonMention(20, "Mary Jones"),
                PersonMention(30, "Jones")]
    assert canonical_names(mentions) == ["Anna Jones", "Anna Jones", "Mary Jones", "Mary Jones"]


def test_person_ids_are_stable_and_people_merge_across_documents():
    assert person_id("Karen  Lodge") == person_id("karen lodge") != person_id("Simon Jessop")
    rows = merge_people([
        {"person_id": person_id("Karen Lodge"), "name": "Karen Lodge", "doc_id": "a", "aliases": ["Lodge", "Mr Lodge"],
         "honorifics": ["Mr"], "n_mentions": 3},
        {"person_id": person_id("Karen Lodge"), "name": "Karen Lodge", "doc_id": "b", "aliases": ["Karen Lodge"],
         "honorifics": [], "n_mentions": 1},
    ])
    assert len(rows) == 1
    row = rows[0]
    assert (row["n_documents"], row["n_mentions"], row["honorific"]) == (2, 4, "Mr")
    assert row["aliases"] == ["Lodge", "Mr Lodge"] and split_name("Karen Lodge") == ("Karen", "Lodge")


@pytest.mark.model
def test_rejected_duplicates_and_skipped_files(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    article = ("Council rated inadequate again\n\n19/10/2012\n\n"
               "Ofsted has rated Northshire County Council's children's services as inadequate, its director "
               "of children's services, Ann Medlow, said on Friday.\n")
    (src / "a.txt").write_text(article, encoding="utf-8")
    (src / "sub" / "copy.txt").write_text(article, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (src / "cp1252.txt").write_bytes("Headline here today\n\nThe council said it was \u201cdisappointed\u201d "
                                     "with the report and would respond in full next week.\n".encode("cp1252"))
    (src / "image.png").write_bytes(b"\x89PNG")
    (out).mkdir()
    summary = run(src, out, progress=False)
    docs = pd.read_parquet(out / "documents.parquet")
    rejected = pd.read_parquet(out / "rejected.parquet")
    assert summary.articles == 5 and summary.duplicates == 1 and summary.skipped == ["image.png"]
    assert sorted(rejected["source_path"]) == ["binary.txt", "empty.txt"]
    assert set(rejected["reason"]) == {"binary", "empty"} and rejected["detail"].str.len().min() > 5
    assert len(docs) == 2
    dup = docs[docs.source_path == "a.txt"].iloc[0]
    assert list(dup.duplicate_paths) == ["sub/copy.txt"]
    assert dup.published == dt.date(2012, 10, 19)
    assert "\u201cdisappointed\u201d" in docs[docs.source_path == "cp1252.txt"].iloc[0].text


@pytest.mark.model
def test_metadata_sidecar_overrides_the_page(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text("A headline for the page\n\nThe council said last month that Ofsted had judged "
                               "its services to be good after a long inspection.\n", encoding="utf-8")
    (src / "metadata.csv").write_text("path,published,title,publisher,url\na.txt,2018-03-05,Given title,Gazette,\n")
    run(src, out, progress=False)
    doc = pd.read_parquet(out / "documents.parquet").iloc[0]
    assert (doc.published, doc.title, doc.publisher, doc.published_source) == (
        dt.date(2018, 3, 5), "Given title", "Gazette", "metadata")
    dates = pd.read_parquet(out / "dates.parquet")
    assert dates[dates.text == "last month"].value.tolist() == ["2018-02"]


def test_end_to_end_on_the_real_corpus(raw_output):
    out, summary = raw_output
    tables = {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}
    docs = tables["documents"].set_index("doc_id")
    assert len(docs) == 5 and summary.rejected == 0
    for name, col in (("mentions", "text"), ("dates", "text"), ("quotes", "quote")):
        for row in tables[name].itertuples():
            doc = docs.loc[row.doc_id]
            assert doc.text[row.start_char:row.end_char] == getattr(row, col)
            assert doc.body_start <= row.start_char and row.end_char <= doc.body_end
    for name in ("roles", "ratings"):
        for row in tables[name].itertuples():
            doc = docs.loc[row.doc_id]
            assert doc.body_start <= row.start_char <= row.end_char <= doc.body_end
    labels = set(tables["mentions"].label)
    assert labels == {"PERSON", "ROLE", "ORG", "RATING", "DATE"}
    # boilerplate yields nothing: no mention after the first furniture line of any page (a credit line
    # "From <publisher>" names the publisher annotated in the seeds' gold, read from there)
    metas = [json.loads(f.read_text(encoding="utf-8").splitlines()[0])["meta"]
             for f in sorted((ROOT / "corpus" / "gold").glob("00*.jsonl"))]
    credits = [f"From {m['publisher']}" for m in metas if m.get("publisher")]
    for doc in docs.itertuples():
        for cue in ("latest news", "Enhanced by Zemanta", "Tags:", *credits):
            at = doc.text.find(cue)
            if at >= 0:
                m = tables["mentions"]
                assert not ((m.doc_id == doc.Index) & (m.end_char > at)).any()
    people = tables["people"]
    assert people.person_id.is_unique
    persons = tables["mentions"][tables["mentions"].label == "PERSON"]
    assert set(persons.person_id) <= set(people.person_id)


def test_docs_describe_every_column():
    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    for name, schema in TABLES.items():
        assert f"## {name}" in doc
        for field in schema:
            assert f"| {field.name} |" in doc, f"docs/schema.md lacks {name}.{field.name}"


@pytest.mark.corpus
def test_workers_give_the_same_tables_as_one_process(raw_output, tmp_path):
    """Workers run the whole per-article function and return rows: same tables, same order."""
    out, _ = raw_output
    run(ROOT / "corpus" / "raw", tmp_path, workers=2, progress=False)
    for name in TABLES:
        one = pd.read_parquet(out / f"{name}.parquet")
        two = pd.read_parquet(tmp_path / f"{name}.parquet")
        pd.testing.assert_frame_equal(one, two, check_categorical=False)


@pytest.mark.model
def test_sidecar_fields_are_kept_and_conflicting_sidecars_warn(tmp_path, caplog):
    import json
    import logging
    import shutil

    src = tmp_path / "in"
    src.mkdir()
    raw = sorted((Path(__file__).resolve().parent.parent / 'corpus' / 'raw').glob('*.txt'))[0]
    name = raw.name
    shutil.copy(raw, src / name)
    (src / "metadata.csv").write_text(f"path,url,section,published\n{name},https://example.org/a,Health,2012-10-19\n",
                                      encoding="utf-8")
    (src / name.replace(".txt", ".meta.json")).write_text(json.dumps({"published": "2012-10-20", "desk": "local"}),
                                                          encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        run(src, tmp_path / "out", progress=False)
    assert any("disagree" in r.getMessage() and ".meta.json" in r.getMessage() for r in caplog.records)
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert json.loads(docs.extra[0]) == {"section": "Health", "desk": "local"}  # every other field kept
    assert docs.url[0] == "https://example.org/a"  # from the CSV row: the JSON does not give one
    assert str(docs.published[0]) == "2012-10-20"  # both give one: the JSON beside the article wins
