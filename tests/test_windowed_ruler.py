"""The windowed entity ruler must find exactly the matches of spaCy's EntityRuler, only faster.

Hand-built Docs on a blank pipeline cover each kind of step the window reads (and those it cannot
read), random Docs and patterns look for disagreements nobody thought of, and the corpus articles
check the real patterns on the real model's parses."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler, EntityRuler
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc, DocBin, Token

import pipeline.nlp.components  # noqa: F401  (registers factories)
from pipeline.nlp.components.readers import model_attribute_patterns, read_patterns
from pipeline.nlp.components.windowed_ruler import Columns, PatternIndex, WindowedAttributeRuler, WindowedEntityRuler
from pipeline.about import PATTERNS_DIR
from pipeline.io.inputs import decode

ROOT = Path(__file__).resolve().parent.parent
#: What the model's attribute ruler sets.
SET_BY_RULER = [POS, TAG, MORPH, LEMMA, DEP]
RULER_FILES = ["person.jsonl", "role.jsonl", "org.jsonl", "rating.jsonl", "date.jsonl"]

if not Token.has_extension("test_mark"):
    Token.set_extension("test_mark", default=False)
if not Token.has_extension("test_shout"):
    Token.set_extension("test_shout", getter=lambda token: token.text.isupper())

#: One pattern per kind of step: sets, complements, regexes, flags, parts of speech, extension
#: values (stored and computed), negation, quantifiers and ranges, an empty step.
PATTERNS = [
    {"label": "A", "id": "set", "pattern": [{"LOWER": {"IN": ["red", "blue"]}}, {"LOWER": "car"}]},
    {"label": "A", "id": "optional_lead", "pattern": [{"LOWER": "very", "OP": "?"}, {"LOWER": "big"}]},
    {"label": "B", "id": "star_run", "pattern": [{"POS": "ADJ", "OP": "*"}, {"LOWER": "house"}]},
    {"label": "B", "id": "plus_run", "pattern": [{"LOWER": "the"}, {"POS": {"IN": ["NOUN", "PROPN"]}, "OP": "+"}]},
    {"label": "C", "id": "not_in", "pattern": [{"IS_TITLE": True, "LOWER": {"NOT_IN": ["the", "a"]}, "OP": "+"},
                                             {"LOWER": "council"}]},
    {"label": "C", "id": "regex", "pattern": [{"TEXT": {"REGEX": "^[0-9]{4}$"}}, {"ORTH": "-"}, {"TEXT": {"REGEX": "^[0-9]{2}$"}}]},
    {"label": "D", "id": "stored_extension", "pattern": [{"_": {"test_mark": True}}, {"IS_TITLE": True}]},
    {"label": "D", "id": "computed_extension", "pattern": [{"_": {"test_shout": True}}, {"LOWER": "now"}]},
    {"label": "E", "id": "negation", "pattern": [{"LOWER": "not"}, {"LOWER": "good", "OP": "!"}]},
    {"label": "E", "id": "range", "pattern": [{"LOWER": "ha", "OP": "{2,3}"}]},
    {"label": "E", "id": "any_token", "pattern": [{"LOWER": "from"}, {}, {"LOWER": "to"}]},
    {"label": "F", "id": "shape", "pattern": [{"SHAPE": {"IN": ["dd", "d"]}}, {"LOWER": {"IN": ["may", "june"]}}]},
    {"label": "F", "id": "phrase", "pattern": "Care Quality Commission"},
    {"label": "G", "id": "one_token_read_exactly", "pattern": [{"LOWER": {"IN": ["red", "car"]}, "POS": "NOUN"}]},
    {"label": "G", "id": "one_token_not_readable", "pattern": [{"LENGTH": 3, "IS_TITLE": True}]},
]

WORDS = ["red", "blue", "car", "very", "big", "house", "the", "The", "Green", "Hill", "council", "2016",
         "-", "17", "Mr", "Smith", "STOP", "now", "not", "good", "ha", "from", "to", "3", "May", "june",
         "Care", "Quality", "Commission", "a", ",", "."]
POS = ["ADJ", "NOUN", "PROPN", "DET", "VERB", "NUM", "PUNCT"]


def rulers(patterns, **config):
    nlp = spacy.blank("xx")
    config = {"phrase_matcher_attr": "LOWER", "ent_id_sep": "||", **config}
    ours = WindowedEntityRuler(nlp, "windowed", **config)
    theirs = EntityRuler(nlp, "spacy", **config)
    ours.add_patterns(patterns)
    theirs.add_patterns(patterns)
    return nlp, ours, theirs


def make(nlp, words, pos=None, marked=()):
    doc = Doc(nlp.vocab, words=words, pos=pos or ["NOUN"] * len(words))
    for i in marked:
        doc[i]._.test_mark = True
    return doc


def test_each_kind_of_step_finds_what_spacy_finds():
    nlp, ours, theirs = rulers(PATTERNS)
    words = ["the", "very", "big", "red", "car", "and", "a", "nice", "old", "house", "near", "The", "Green",
             "Hill", "council", "in", "2016", "-", "17", ";", "Mr", "Smith", "said", "STOP", "now", "not",
             "bad", "ha", "ha", "ha", "from", "May", "to", "3", "June", "Care", "Quality", "Commission"]
    pos = ["DET", "ADV", "ADJ", "ADJ", "NOUN", "CCONJ", "DET", "ADJ", "ADJ", "NOUN", "ADP", "DET", "PROPN",
           "PROPN", "NOUN", "ADP", "NUM", "PUNCT", "NUM", "PUNCT", "PROPN", "PROPN", "VERB", "VERB", "ADV",
           "PART", "ADJ", "INTJ", "INTJ", "INTJ", "ADP", "PROPN", "ADP", "NUM", "PROPN", "PROPN", "PROPN", "PROPN"]
    doc = make(nlp, words, pos, marked=[20])
    found = set(ours.match(doc))
    assert found == set(theirs.match(doc))
    texts = {(nlp.vocab.strings[m].split("||")[1], doc[s:e].text) for m, s, e in found}
    for expected in [("set", "red car"), ("optional_lead", "very big"), ("star_run", "nice old house"),
                     ("not_in", "Green Hill council"), ("regex", "2016 - 17"), ("stored_extension", "Mr Smith"),
                     ("computed_extension", "STOP now"), ("negation", "not bad"), ("range", "ha ha ha"),
                     ("any_token", "from May to"), ("shape", "3 June"), ("phrase", "Care Quality Commission")]:
        assert expected in texts


def test_random_docs_and_patterns_agree_with_spacy():
    """Random words, parts of speech and marks against the patterns above: any disagreement in
    the set of matches is a window that missed a place spaCy matches."""
    rng = random.Random(7)
    nlp, ours, theirs = rulers(PATTERNS)
    matched = 0
    for _ in range(400):
        n = rng.randint(1, 30)
        doc = make(nlp, [rng.choice(WORDS) for _ in range(n)], [rng.choice(POS) for _ in range(n)],
                   marked=[i for i in range(n) if rng.random() < 0.1])
        found = set(ours.match(doc))
        assert found == set(theirs.match(doc)), [t.text for t in doc]
        matched += len(found)
    assert matched > 200  # the random docs do exercise the patterns


@pytest.mark.corpus
def test_matches_agree_on_the_corpus_with_the_real_patterns(nlp):
    """Every article of corpus/raw and corpus/written, parsed by the model, against spaCy's own
    EntityRuler with patterns/: the same matches."""
    patterns = read_patterns(str(PATTERNS_DIR), RULER_FILES)
    theirs = EntityRuler(nlp, "spacy", phrase_matcher_attr="LOWER", ent_id_sep="||")
    theirs.add_patterns(patterns)
    ours = nlp.get_pipe("domain_ruler")
    assert isinstance(ours, WindowedEntityRuler)
    paths = sorted((ROOT / "corpus").glob("*/*.txt"))
    assert len(paths) >= 20
    with nlp.select_pipes(disable=["domain_ruler", "ner", "mention_rules"]):
        docs = list(nlp.pipe(decode(p.read_bytes()) for p in paths))
    total = 0
    for path, doc in zip(paths, docs):
        found = ours.match(doc)
        assert set(found) == set(theirs.match(doc)), path.name
        total += len(found)
    assert total > 1000


def test_stored_extension_values_are_read_as_each_token_would_give_them():
    nlp = spacy.blank("xx")
    doc = make(nlp, ["Mr", "Smith", "and", "Mr", "Jones"], marked=[0, 3])
    index = PatternIndex(nlp.vocab, {"X": [[{"_": {"test_mark": True}}], [{"_": {"test_mark": False}}]]})
    columns = Columns(index, doc)
    for wanted in (True, False):
        assert columns.extension_mask("test_mark", wanted).tolist() == [t._.test_mark == wanted for t in doc]
    assert columns.extension_mask("test_shout", False).tolist() == [not t.text.isupper() for t in doc]


def test_windows_are_runs_that_hold_every_required_step():
    nlp = spacy.blank("xx")
    index = PatternIndex(nlp.vocab, {"X": [[{"LOWER": "the", "OP": "?"}, {"IS_TITLE": True, "OP": "+"},
                                            {"LOWER": "council"}]]})
    doc = make(nlp, ["the", "Big", "Town", "council", "met", "the", "Big", "Man", "today", "council"])
    (pattern,) = index.patterns
    # "the Big Man" has no "council" in its run; the last "council" has no title-case word before it
    assert Columns(index, doc).windows(pattern) == [(0, 4)]


def test_patterns_added_after_a_first_match_are_used():
    nlp, ours, _ = rulers([{"label": "A", "pattern": [{"LOWER": "red"}]}])
    doc = make(nlp, ["red", "blue"])
    assert [(s, e) for _, s, e in ours.match(doc)] == [(0, 1)]
    ours.add_patterns([{"label": "A", "pattern": [{"LOWER": "blue"}]}])
    assert sorted((s, e) for _, s, e in ours.match(doc)) == [(0, 1), (1, 2)]
    ours.clear()
    ours.add_patterns([{"label": "B", "pattern": [{"LOWER": "blue"}]}])
    assert [nlp.vocab.strings[m] for m, _, _ in ours.match(doc)] == ["B"]


def test_two_patterns_on_one_span_the_first_listed_names_it():
    first = {"label": "ORG", "id": "specific", "pattern": [{"LOWER": "safeguarding"}, {"LOWER": "board"}]}
    second = {"label": "ORG", "id": "general", "pattern": [{"IS_LOWER": True}, {"LOWER": "board"}]}
    for patterns, expected in (([first, second], "specific"), ([second, first], "general")):
        nlp = spacy.blank("xx")
        ruler = nlp.add_pipe("windowed_entity_ruler", config={"ent_id_sep": "||"})
        ruler.add_patterns(patterns)
        doc = ruler(make(nlp, ["the", "safeguarding", "board"]))
        assert [(e.text, e.id_) for e in doc.ents] == [("safeguarding board", expected)]


def test_a_pattern_on_parts_of_speech_needs_a_tagger_like_spacy():
    nlp = spacy.blank("xx")
    ruler = nlp.add_pipe("windowed_entity_ruler")
    ruler.add_patterns([{"label": "A", "pattern": [{"POS": "NOUN"}]}])
    with pytest.raises(ValueError, match="E155"):
        ruler(nlp("no tags here"))


def test_saved_ruler_loads_with_its_patterns(tmp_path):
    nlp = spacy.blank("xx")
    ruler = nlp.add_pipe("windowed_entity_ruler", config={"ent_id_sep": "||"})
    ruler.add_patterns([{"label": "ROLE", "id": "role_chief", "pattern": [{"LOWER": "chief"}, {"LOWER": "executive"}]}])
    nlp.to_disk(tmp_path / "saved")
    loaded = spacy.load(tmp_path / "saved")
    doc = loaded("The chief executive resigned.")
    assert [(e.text, e.label_, e.id_) for e in doc.ents] == [("chief executive", "ROLE", "role_chief")]


def test_one_token_patterns_read_exactly_skip_the_matcher():
    nlp = spacy.blank("xx")
    index = PatternIndex(nlp.vocab, {"A": [[{"LOWER": "red", "TAG": {"IN": ["JJ"]}}]],
                                     "B": [[{"LENGTH": 3}]], "C": [[{"LOWER": "red", "OP": "?"}]]})
    assert [p.single_token_key is not None for p in index.patterns] == [True, False, False]


@pytest.mark.corpus
def test_attribute_ruler_sets_what_spacys_sets_on_the_corpus(nlp):
    """The model's own tag map and exceptions, matched by spaCy's AttributeRuler and by ours, on
    every corpus article parsed by the model: the same matches in the same order."""
    ours = nlp.get_pipe("attribute_ruler")
    assert isinstance(ours, WindowedAttributeRuler)
    theirs = AttributeRuler(nlp.vocab)
    theirs.add_patterns(ours.patterns)
    assert len(ours.patterns) > 100
    paths = sorted((ROOT / "corpus").glob("*/*.txt"))
    with nlp.select_pipes(enable=["tok2vec", "tagger", "paragraph_sentences", "parser"]):
        docs = list(nlp.pipe(decode(p.read_bytes()) for p in paths))
    for path, doc in zip(paths, docs):
        assert ours.match(doc) == theirs.match(doc), path.name
    # and the component sets the same attributes as spaCy's, from its arrays of matches
    blob = DocBin(docs=docs).to_bytes()
    mine, spacys = (list(DocBin().from_bytes(blob).get_docs(nlp.vocab)) for _ in range(2))
    for path, a, b in zip(paths, mine, spacys):
        assert (ours(a).to_array(SET_BY_RULER) == theirs(b).to_array(SET_BY_RULER)).all(), path.name
    pos = [t.pos_ for t in mine[0]]
    assert "NOUN" in pos and "VERB" in pos  # the tag map did its work


def test_attribute_ruler_later_rules_win_and_indexes_extensions_as_spacy():
    """Two rules on one token (the later one's value stays, for each attribute it sets), a rule
    whose index is the second token or the last, and a rule that sets an extension: the same
    attributes as spaCy's AttributeRuler."""
    nlp = spacy.blank("en")
    patterns = [
        {"patterns": [[{"LOWER": "bank"}]], "attrs": {"POS": "NOUN", "TAG": "NN"}},
        {"patterns": [[{"LOWER": "bank"}, {"LOWER": "on"}]], "attrs": {"POS": "VERB"}, "index": 0},
        {"patterns": [[{"LOWER": "the"}, {"LOWER": "bank"}]], "attrs": {"LEMMA": "riverbank"}, "index": 1},
        {"patterns": [[{"LOWER": "we"}, {"LOWER": "bank"}]], "attrs": {"MORPH": "Mood=Ind"}, "index": -1},
        {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["money", "cash"]}}]], "attrs": {"POS": "PROPN"}},
        {"patterns": [[{"LOWER": {"REGEX": "^ca"}}]], "attrs": {"DEP": "dobj"}},
    ]
    words = "we bank on the bank with money and cash".split()
    tags = ["PRP", "VBP", "IN", "DT", "NN", "IN", "NN", "CC", "NN"]
    results = []
    for ruler in (WindowedAttributeRuler(nlp.vocab), AttributeRuler(nlp.vocab)):
        ruler.add_patterns(patterns)
        doc = ruler(Doc(nlp.vocab, words=words, tags=tags))
        results.append([(t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in doc])
    assert results[0] == results[1]
    assert results[0][1][0] == "VERB" and results[0][4][:3] == ("NOUN", "NN", "riverbank")
    assert results[0][1][3] == "Mood=Ind" and results[0][6][0] == results[0][8][0] == "PROPN"
    assert results[0][8][4] == "dobj"
    if not Token.has_extension("ruler_flag"):
        Token.set_extension("ruler_flag", default=False)
    for ruler in (WindowedAttributeRuler(nlp.vocab), AttributeRuler(nlp.vocab)):
        ruler.add_patterns(patterns + [{"patterns": [[{"LOWER": "cash"}]], "attrs": {"_": {"ruler_flag": True}}}])
        doc = ruler(Doc(nlp.vocab, words=words, tags=tags))
        assert [t._.ruler_flag for t in doc] == [False] * 8 + [True]
        assert doc[1].pos_ == "VERB"


def test_model_attribute_patterns_come_from_the_installed_model():
    from pipeline.nlp.build import resolve_model
    patterns = model_attribute_patterns(resolve_model())
    assert len(patterns) > 100
    assert {"patterns", "attrs"} <= set(patterns[0])
    with pytest.raises(ValueError, match="attribute_ruler"):
        model_attribute_patterns(str(ROOT / "patterns"))
