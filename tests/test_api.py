"""The Python API: extract_texts, extract_folder and load give typed DataFrames."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from pipeline.schema import TABLES

pytestmark = [pytest.mark.model, pytest.mark.corpus]

ROOT = Path(__file__).resolve().parent.parent
RAW = sorted((ROOT / "corpus" / "raw").glob("*.txt"))


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    src = tmp_path_factory.mktemp("in")
    for path in RAW[:3]:
        shutil.copy(path, src / path.name)
    out = tmp_path_factory.mktemp("out")
    summary = pipeline.extract_folder(src, out, workers=1)
    assert summary.documents == 3
    return out


def test_the_api_is_importable_from_the_package():
    assert {"extract_texts", "extract_folder", "load"} <= set(pipeline.__all__)
    with pytest.raises(AttributeError):
        pipeline.no_such_thing


def test_load_gives_every_table_typed(out):
    tables = pipeline.load(out, verify=True)
    assert set(tables) == set(TABLES)
    docs = tables.documents
    assert pd.api.types.is_datetime64_any_dtype(docs.published)
    assert (docs.published.dropna() > pd.Timestamp("2000-01-01")).all()  # compares with a Timestamp
    ratings = tables.ratings
    assert ratings.rating.cat.ordered and ratings.rating.cat.categories[0] == "inadequate"
    assert isinstance(tables.people.aliases.iloc[0], list)
    assert tables.people.aliases.apply(lambda a: any("Mr" in x for x in a)).any()
    assert tables.mentions.label.cat.categories.tolist() == ["PERSON", "ROLE", "ORG", "RATING", "DATE"]


def test_two_outputs_concatenate_with_their_categories(out):
    a, b = pipeline.load(out).mentions, pipeline.load(out).mentions[:5]
    both = pd.concat([a, b])
    assert isinstance(both.label.dtype, pd.CategoricalDtype)
    assert isinstance(pd.concat([pipeline.load(out).ratings] * 2).rating.dtype, pd.CategoricalDtype)


def test_ratings_sort_by_grade(out):
    ratings = pipeline.load(out).ratings.dropna(subset=["rating"])
    ordered = ratings.sort_values("rating").rating.tolist()
    words = [r for r in ordered if "star" not in r]
    ladder = ["inadequate", "requires improvement", "adequate", "good", "outstanding"]
    assert [ladder.index(r) for r in words] == sorted(ladder.index(r) for r in words)


def test_extract_texts_takes_strings_pairs_and_records(nlp):
    tables = pipeline.extract_texts([
        "Ofsted rated the children's services inadequate.",
        ("named", "Mr John Smith, the director of children's services, said the report was fair."),
        {"id": "rec", "text": "The home was rated good by the Care Quality Commission in March.", "published": "2019-05-01"},
    ])
    assert tables.documents.source_path.tolist() == ["text-000000", "named", "rec"]
    assert tables.documents.published.iloc[2] == pd.Timestamp("2019-05-01")
    assert ("John Smith", "director of children's services") in set(zip(tables.roles.person, tables.roles.role))
    ratings = tables.ratings.set_index("rating_text")
    assert ratings.loc["inadequate", "scheme"] == "ofsted" and ratings.loc["inadequate", "rank"] == 4
    march = tables.dates[tables.dates.text == "March"]
    assert march.value.tolist() == ["2019-03"]


def test_extract_texts_rejects_a_bad_text_and_goes_on(nlp):
    tables = pipeline.extract_texts(["   ", "Mr John Smith said so."])
    assert tables.rejected.reason.tolist() == ["empty"] and len(tables.documents) == 1
