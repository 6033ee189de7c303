"""People and roles decided on evidence (issue #17 items 1, 2 and 5): rules on made-up sentences,
each with a case it must not fire on."""
from __future__ import annotations

import pytest
from spacy.util import load_config

from pipeline.about import PATTERNS_DIR
from pipeline.nlp.build import CONFIG_PATH
from pipeline.nlp.components.mention_rules import MentionRules
from pipeline.nlp.components.readers import read_lexicon

from test_components import make_doc


@pytest.fixture
def rules():
    component = MentionRules("mention_rules")
    names = load_config(CONFIG_PATH, interpolate=False)["initialize"]["components"]["mention_rules"]["vocabulary"]["names"]
    component.initialize(vocabulary=read_lexicon(str(PATTERNS_DIR), names))
    return component


def _ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


# -- people: a family name recurring after the full name --------------------------------------------

def test_family_name_alone_after_the_full_name_is_the_person(rules):
    # "Adam Rowntree left. Rowntree said Rowntree's plan ...": untagged, and a one-word ORG
    words = ["Adam", "Rowntree", "left", ".", "Rowntree", "said", "Rowntree", "'s", "plan", "failed", "."]
    doc = make_doc(words, ents=[(0, 2, "PERSON"), (6, 7, "ORG")])
    assert _ents(rules(doc)) == [("Adam Rowntree", "PERSON"), ("Rowntree", "PERSON"), ("Rowntree", "PERSON")]
    assert [s.id_ for s in doc.ents][1:] == ["rule:name_recurrence"] * 2


def test_body_named_after_the_person_is_no_recurrence(rules):
    # must not: "the Rowntree Foundation" (ORG span) and "Rowntree Trust" (an organisation word follows)
    words = ["Adam", "Rowntree", "chairs", "the", "Rowntree", "Foundation", "and", "Rowntree", "Trust", "."]
    doc = make_doc(words, ents=[(0, 2, "PERSON"), (4, 6, "ORG")])
    assert _ents(rules(doc)) == [("Adam Rowntree", "PERSON"), ("Rowntree Foundation", "ORG")]


def test_no_full_name_no_recurrence(rules):
    # must not: "Kent said" is no person when no "X Kent" was named
    doc = make_doc(["Kent", "said", "Jo", "Bell", "left", "."], ents=[(0, 1, "GPE"), (2, 4, "PERSON")])
    assert _ents(rules(doc)) == [("Kent", "GPE"), ("Jo Bell", "PERSON")]
