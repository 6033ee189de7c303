"""The schema module is the one definition of every column: the docs are generated from it, the
writer's Arrow schemas come from it, and each article's rows are checked against it."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import pyarrow as pa

from pipeline import schema
from pipeline.extract import process
from pipeline.schema import TABLE_DEFS, TABLES, empty_rows, validate_rows

ROOT = Path(__file__).resolve().parent.parent


def good_date_row(**changes) -> dict:
    row = {"doc_id": "abc", "mention_id": "abc:D0-4", "text": "2019", "start_char": 0, "end_char": 4,
           "value": "2019", "granularity": "year", "anchored": False, "rule": "grammar:year"}
    row.update(changes)
    return row


def test_docs_schema_md_is_generated_from_the_schema_module():
    written = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert written == schema.render_markdown(), "docs/schema.md is stale: python -m pipeline.schema > docs/schema.md"


def test_every_column_has_a_meaning_and_the_writer_schema_follows_the_definitions():
    for name, table in TABLE_DEFS.items():
        assert table.grain and TABLES[name] == table.schema
        names = [c.name for c in table.columns]
        assert len(names) == len(set(names)), f"{name} defines a column twice"
        for column in table.columns:
            assert len(column.meaning) > 10, f"{name}.{column.name} has no meaning"
            assert TABLES[name].field(column.name).nullable == column.nullable
        for key in table.key:
            assert not table.column(key).nullable, f"{name}.{key} is the key and may not be null"


def test_shared_columns_mean_the_same_in_every_table():
    doc_ids = {t.column("doc_id").meaning for t in TABLE_DEFS.values() if "doc_id" in [c.name for c in t.columns]}
    assert len(doc_ids) == 1


def test_valid_rows_pass():
    rows = empty_rows()
    rows["dates"].append(good_date_row())
    assert validate_rows(rows) == []


def test_a_misspelled_key_is_a_problem_not_a_null_column():
    rows = empty_rows()
    rows["dates"].append({**good_date_row(), "granulartiy": "year"})
    assert validate_rows(rows) == ["dates row 0: unknown column(s) granulartiy"]


def test_missing_required_values_wrong_types_and_values_outside_the_set_are_problems():
    rows = empty_rows()
    rows["dates"] += [good_date_row(text=None), good_date_row(start_char="0"), good_date_row(granularity="fortnight"),
                      good_date_row(anchored=1), good_date_row(end_char=2**40)]
    problems = validate_rows(rows)
    assert problems == [
        "dates row 0: text is required",
        "dates row 1: start_char='0' is not int32",
        "dates row 2: granularity='fortnight' is not one of its values",
        "dates row 3: anchored=1 is not bool",
        "dates row 4: end_char=1099511627776 is out of int32 range",
    ]
    rows = {"documents": [{"doc_id": "x", "published": dt.datetime(2019, 1, 1)}], "nonsense": []}
    problems = validate_rows(rows)
    assert "unknown table 'nonsense'" in problems
    assert any("published=" in p and "is not date32" in p for p in problems)


def test_a_bad_row_rejects_its_article_and_names_the_problem():
    rows = empty_rows()
    rows["dates"].append(good_date_row(granularity="fortnight"))
    rows["mentions"].append({"doc_id": "abc"})
    out = process.checked("a.txt", rows)
    assert out["dates"] == [] and out["mentions"] == []
    [rejected] = out["rejected"]
    assert rejected["reason"] == "invalid_rows" and rejected["source_path"] == "a.txt"
    assert rejected["detail"].startswith("mentions row 0: mention_id is required") and "more)" in rejected["detail"]


@pytest.mark.model
def test_the_run_goes_on_when_one_article_has_bad_rows(tmp_path, monkeypatch):
    from pipeline.run.runner import run

    src = tmp_path / "in"
    src.mkdir()
    for name in ("000_1bc995fd72f8be42.txt", "001_30002295bce9db4e.txt"):
        (src / name).write_bytes((ROOT / "corpus" / "raw" / name).read_bytes())
    real = process._article_rows

    def corrupt(prepared, doc, version):
        rows = real(prepared, doc, version)
        if prepared["source_path"].startswith("001"):
            rows["mentions"][0]["labl"] = "PERSON"
        return rows
    monkeypatch.setattr(process, "_article_rows", corrupt)
    summary = run(src, tmp_path / "out", progress=False)
    rejected = pd.read_parquet(tmp_path / "out" / "rejected.parquet")
    assert rejected[["source_path", "reason"]].values.tolist() == [["001_30002295bce9db4e.txt", "invalid_rows"]]
    assert "unknown column(s) labl" in rejected.detail[0]
    assert summary.documents == 1


def test_label_columns_are_dictionary_encoded():
    assert pa.types.is_dictionary(TABLES["mentions"].field("label").type)
    assert TABLE_DEFS["mentions"].column("label").values == schema.LABELS
