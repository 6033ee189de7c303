"""Organisations as entities (contract v2): resolution inside an article, kinds, stable ids, the
merged table, and a run whose org ids join. Made-up names and sentences only."""
from __future__ import annotations

import pytest

from pipeline.eval.contract import check_output
from pipeline.extract.organizations import (ArticleOrganizations, KINDS, OrganizationMerger, clean_name,
                                            is_description, is_full_name, kind_of)
from pipeline.ids import org_id
from pipeline.schema import TABLE_DEFS


def names(orgs, *texts, **kw):
    return [getattr(orgs.resolve(t, **kw), "name", None) for t in texts]


# -- resolution inside an article -------------------------------------------------------------

def test_short_forms_and_descriptions_resolve_to_the_fullest_name():
    orgs = ArticleOrganizations(["Ofsted", "Brackmoor City Council", "Brackmoor", "the council"])
    assert [f.name for f in orgs.full] == ["Ofsted", "Brackmoor City Council"]
    assert names(orgs, "Brackmoor City Council", "Brackmoor", "the city council", "the council",
                 "council's", "City Council", "the authority") == ["Brackmoor City Council"] * 7
    assert names(orgs, "Ofsted") == ["Ofsted"]


def test_initials_name_the_body_they_abbreviate():
    orgs = ArticleOrganizations(["Department for Education", "Brackmoor Children's Trust"])
    assert names(orgs, "DfE", "BCT") == ["Department for Education", "Brackmoor Children's Trust"]
    assert names(orgs, "XYZ") == [None]


def test_the_council_with_two_councils_named_stays_unresolved():
    orgs = ArticleOrganizations(["Brackmoor City Council", "Dunwold County Council"])
    assert names(orgs, "the council", "council", "the authority") == [None, None, None]
    # a description's own words must fit: only one of them is a county council
    assert names(orgs, "the county council") == ["Dunwold County Council"]


def test_a_place_shared_by_two_bodies_needs_the_kind_to_decide():
    orgs = ArticleOrganizations(["Brackmoor City Council", "Brackmoor Hospitals NHS Trust"])
    assert orgs.resolve("Brackmoor") is None
    assert orgs.in_subject("Brackmoor hospitals trust").name == "Brackmoor Hospitals NHS Trust"
    assert orgs.in_subject("the trust").name == "Brackmoor Hospitals NHS Trust"


def test_a_description_of_an_unnamed_kind_stays_unresolved():
    orgs = ArticleOrganizations(["Brackmoor City Council"])
    assert names(orgs, "the trust", "the school", "the home", "the service") == [None] * 4


def test_a_person_is_no_organisation():
    # the model's ORG label on a person's name, and a possessive before a title that is a person
    orgs = ArticleOrganizations(["Jane Roe", "Brackmoor City Council"], not_names={"Jane Roe", "Roe"})
    assert [f.name for f in orgs.full] == ["Brackmoor City Council"]
    assert names(orgs, "Jane Roe", "Roe") == [None, None]


def test_rating_subjects_find_the_rated_body():
    orgs = ArticleOrganizations(["Brackmoor Borough Council", "Ofsted", "Dunwold Academy"])
    for subject, expected in [
        ("Brackmoor Borough Council's children's services", "Brackmoor Borough Council"),
        ("Children's services run by Brackmoor Borough Council", "Brackmoor Borough Council"),
        ("Brackmoor's social care services", "Brackmoor Borough Council"),
        ("children's services in Brackmoor", "Brackmoor Borough Council"),
        ("the council's adoption service", "Brackmoor Borough Council"),
        ("the school", "Dunwold Academy"),
        ("Dunwold", "Dunwold Academy"),
    ]:
        assert getattr(orgs.in_subject(subject), "name", None) == expected, subject
    # a subject of another kind never lands on a body of the place ("a care home in Brackmoor")
    for subject in ["Brackmoor care home", "secondary school in Brackmoor", "its services", "Her predecessor", None]:
        assert orgs.in_subject(subject) is None, subject


# -- kinds --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, kind", [
    ("Brackmoor City Council", "council"),
    ("Borough of Dunwold", "council"),
    ("Dunwold Primary School", "school"),
    ("Saltfleet Academy", "school"),
    ("Heart of Brackmoor NHS Foundation Trust", "trust"),
    ("Brackmoor Children's Trust", "trust"),
    ("Brackmoor General Hospital", "hospital"),
    ("Rowan Court Care Home", "care home"),
    ("Dunwold Police", "police force"),
    ("Brackmoor Constabulary", "police force"),
    ("Ofsted", "inspectorate"),
    ("Care Quality Commission", "inspectorate"),
    ("Department for Education", "government department"),
    ("Ministry of Justice", "government department"),
    ("Brackmoor Care Ltd", "company"),
    ("Dunwold Children's Society", "charity"),
    ("Brackmoor Family Voice", "other"),
    ("Association of Directors of Children's Services", "other"),
])
def test_kind_from_the_head_word(name, kind):
    assert kind_of(name) == kind


def test_kinds_are_the_contracts():
    assert set(KINDS) == {"council", "school", "trust", "hospital", "care home", "police force", "inspectorate",
                          "government department", "regulator", "charity", "company", "other"}
    assert TABLE_DEFS["organizations"].column("kind").values == KINDS


def test_names_and_descriptions():
    assert clean_name("the Brackmoor City Council's") == "Brackmoor City Council"
    assert is_description("the council") and is_description("City Council") and is_description("Local Authority")
    assert not is_description("Brackmoor") and not is_description("Ofsted")
    assert not is_description("NHS") and not is_description("Healthcare Commission")


def test_acronyms_and_generic_title_case_names_are_organisations():
    orgs = ArticleOrganizations(["NHS", "Healthcare Commission", "Local Government Association", "Foundation Trust"])
    assert sorted(f.name for f in orgs.full) == ["Healthcare Commission", "Local Government Association", "NHS"]
    assert kind_of("Healthcare Commission") == "inspectorate"
    assert orgs.resolve("Foundation Trust") is None  # a description with no trust named
    assert is_full_name("Brackmoor Hospitals NHS Trust") and is_full_name("Department for Education")
    assert not is_full_name("Brackmoor care home") and not is_full_name("Brackmoor Family Voice")


# -- ids and the merged table -------------------------------------------------------------------

def test_org_ids_are_stable_and_insensitive_to_case_spacing_and_the():
    a = org_id("Brackmoor City Council")
    assert a == org_id("brackmoor  city council") == org_id("The Brackmoor City Council")
    assert a.startswith("O") and len(a) == 13
    assert a != org_id("Brackmoor County Council")
    assert org_id("Dunwold Children’s Trust") == org_id("Dunwold Children's Trust")


def test_partial_rows_merge_across_articles():
    merger = OrganizationMerger()
    oid = org_id("Brackmoor City Council")
    merger.add({"org_id": oid, "name": "Brackmoor City Council", "kind": "council", "doc_id": "d1",
                "aliases": ["Brackmoor"], "n_mentions": 3})
    merger.add({"org_id": oid, "name": "Brackmoor City Council", "kind": "council", "doc_id": "d2",
                "aliases": ["BCC", "Brackmoor City Council"], "n_mentions": 2})
    [row] = merger.rows()
    assert row == {"org_id": oid, "name": "Brackmoor City Council", "kind": "council",
                   "aliases": ["BCC", "Brackmoor"], "n_documents": 2, "n_mentions": 5}


# -- a run --------------------------------------------------------------------------------------

TEXTS = [
    ("one", "Council rated inadequate\n\nBrackmoor City Council has been rated inadequate by Ofsted.\n\n"
            "Inspectors said the council had failed children. Ofsted said Brackmoor must improve."),
    ("two", "Council improves\n\nBrackmoor City Council's children's services were rated good by Ofsted in March.\n\n"
            "Jane Roe, the council's director of children's services, said staff had worked hard."),
]


@pytest.mark.model
def test_a_run_writes_organizations_that_join(nlp, tmp_path):
    from pipeline.run.runner import run

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run(folder, out, progress=False)
    assert check_output(out) == []
    import pipeline
    tables = pipeline.load(out)
    orgs = tables.organizations.set_index("org_id")
    council = org_id("Brackmoor City Council")
    assert orgs.loc[council, "kind"] == "council" and orgs.loc[council, "n_documents"] == 2
    assert orgs.loc[org_id("Ofsted"), "kind"] == "inspectorate"
    assert "the council" not in set(orgs.name)
    org_mentions = tables.mentions[tables.mentions.label == "ORG"]
    assert org_mentions.org_id.notna().all() and set(org_mentions.org_id) <= set(orgs.index)
    assert set(tables.ratings.subject_org_id) == {council}
    named = tables.ratings[tables.ratings.rated_by.notna()]
    assert len(named) >= 2 and set(named.rated_by_org_id) == {org_id("Ofsted")}
    assert tables.ratings[tables.ratings.rated_by.isna()].rated_by_org_id.isna().all()
    persons = tables.mentions[tables.mentions.label == "PERSON"]
    assert persons.org_id.isna().all()
    roles = tables.roles[tables.roles.person == "Jane Roe"]
    assert roles.org_id.tolist() == [council]


@pytest.mark.model
def test_extract_texts_merges_organizations_like_people(nlp):
    import pipeline

    tables = pipeline.extract_texts(TEXTS)
    orgs = tables.organizations
    assert orgs.org_id.is_unique
    assert orgs.set_index("org_id").loc[org_id("Brackmoor City Council"), "n_documents"] == 2
