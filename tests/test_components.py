"""Components on small hand-made inputs: blank pipelines and hand-built Docs where the model is
not needed, the assembled pipeline where the order of ruler and NER is the point."""
from functools import lru_cache

import pytest
import spacy
from spacy.util import load_config
from spacy.tokens import Doc, Span

import pipeline.nlp.components  # noqa: F401  (registers factories)
from pipeline.nlp.components.mention_rules import MentionRules
from pipeline.about import PATTERNS_DIR
from pipeline.nlp.build import ModelNotInstalled, resolve_model
from pipeline.nlp.build import CONFIG_PATH
from pipeline.nlp.components.readers import read_lexicon, read_patterns


@pytest.fixture
def rules():
    component = MentionRules("mention_rules")
    names = load_config(CONFIG_PATH, interpolate=False)["initialize"]["components"]["mention_rules"]["vocabulary"]["names"]
    component.initialize(vocabulary=read_lexicon(str(PATTERNS_DIR), names))
    return component


@lru_cache(maxsize=1)
def _honorific_pipeline():
    """A blank English pipeline with the honorific tagger, made once (a tokenizer takes a while)."""
    nlp = spacy.blank("en")
    honorific = nlp.add_pipe("honorific_tagger")
    honorific.initialize(honorifics=["Mr", "Sir", "Cllr", "Lord"])
    return nlp, honorific


def make_doc(words, spaces=None, ents=(), pos=None, sent_starts=None, heads=None, deps=None, lemmas=None):
    nlp, honorific = _honorific_pipeline()
    doc = Doc(nlp.vocab, words=words, spaces=spaces, pos=pos, heads=heads, deps=deps, lemmas=lemmas,
              sent_starts=sent_starts)
    doc = honorific(doc)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_paragraph_breaks_become_sentence_starts():
    nlp = spacy.blank("en")
    nlp.add_pipe("paragraph_sentences")
    doc = nlp("Karen Lodge\n\n2013 Council issued a direction")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "2013" in starts
    assert not doc[1].is_sent_start  # "Lodge" stays with "Karen"


def test_entity_cut_at_a_line_break_keeps_its_label_and_source(rules):
    """A name the NER runs over a line break ("Karen Lodge\nThe council") is cut before the break;
    the cut part stays the same entity (a slice of the Doc would have no label: it vanished)."""
    doc = make_doc(["Karen", "Lodge", "\n", "The", "Tarnfield", "County", "Council", "\n", "Said"],
                   spaces=[True, False, False, True, True, True, False, False, False],
                   pos=["PROPN", "PROPN", "SPACE", "DET", "PROPN", "PROPN", "PROPN", "SPACE", "VERB"],
                   ents=[(0, 4, "PERSON"), (4, 9, "ORG")])
    doc.ents = [Span(doc, 0, 4, label="PERSON", span_id="model:ner"), Span(doc, 4, 9, label="ORG", span_id="org_x")]
    assert [(e.text, e.label_, e.id_) for e in rules(doc).ents] == [
        ("Karen Lodge", "PERSON", "model:ner+rule:cut_at_newline"),
        ("Tarnfield County Council", "ORG", "org_x+rule:cut_at_newline")]


def test_honorific_tagger_needs_a_capital():
    doc = make_doc(["Sir", "Dennis", "said", "sir"])
    assert [t._.is_honorific for t in doc] == [True, False, False, False]


def test_person_loses_honorific_and_possessive(rules):
    doc = make_doc(["Lord", "Pemberton", "'s", "letter"], ents=[(0, 3, "PERSON")],
                   pos=["PROPN", "PROPN", "PART", "NOUN"])
    doc = rules(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Pemberton", "PERSON")]


def test_inspectorate_tagged_person_becomes_org(rules):
    doc = make_doc(["Ofsted", "said", "so"], ents=[(0, 1, "PERSON")], pos=["PROPN", "VERB", "ADV"])
    assert [(e.text, e.label_) for e in rules(doc).ents] == [("Ofsted", "ORG")]


def test_capitalised_sentence_start_is_not_a_person(rules):
    doc = make_doc(["Responding", "to", "it"], ents=[(0, 1, "PERSON")], pos=["VERB", "ADP", "PRON"],
                   sent_starts=[True, False, False])
    assert list(rules(doc).ents) == []


def test_ages_and_programme_names_are_not_dates(rules):
    doc = make_doc(["seven", "-", "year", "-", "old", "on", "the", "Today", "programme", "last", "month"],
                   spaces=[False, False, False, False, True, True, True, True, True, True, False],
                   ents=[(0, 5, "DATE"), (6, 8, "DATE"), (9, 11, "DATE")])
    assert [e.text for e in rules(doc).ents] == ["last month"]


def test_org_drops_determiner_and_parties(rules):
    doc = make_doc(["the", "Tarnfield", "Safeguarding", "Board", "and", "Labour"],
                   ents=[(0, 4, "ORG"), (5, 6, "ORG")])
    assert [e.text for e in rules(doc).ents] == ["Tarnfield Safeguarding Board"]


def test_acronym_in_brackets_is_org_everywhere(rules):
    words = ["Northshire", "Trust", "(", "NT", ")", "said", "NT", "would"]
    doc = make_doc(words, spaces=[True, True, False, False, True, True, True, False], ents=[(0, 2, "ORG")])
    assert [(e.text, e.id_) for e in rules(doc).ents if e.text == "NT"][-1] == ("NT", "rule:acronym")


def test_rating_needs_a_judging_context(rules):
    # "rated it good": kept; "good practice": dropped (hand-built parse)
    doc = make_doc(["Ofsted", "rated", "it", "good", ".", "It", "showed", "good", "practice"],
                   heads=[1, 1, 1, 1, 1, 6, 6, 8, 6],
                   deps=["nsubj", "ROOT", "dobj", "oprd", "punct", "nsubj", "ROOT", "amod", "dobj"],
                   lemmas=["Ofsted", "rate", "it", "good", ".", "it", "show", "good", "practice"],
                   pos=["PROPN", "VERB", "PRON", "ADJ", "PUNCT", "PRON", "VERB", "ADJ", "NOUN"],
                   ents=[(3, 4, "RATING"), (7, 8, "RATING")])
    kept = rules(doc).ents
    assert [(e.start, e.label_) for e in kept] == [(3, "RATING")]


def test_quoted_rating_and_rating_noun(rules):
    doc = make_doc(["avoids", "‘", "inadequate", "’", "rating", ";", "not", "good", "enough"],
                   ents=[(2, 3, "RATING"), (7, 8, "RATING")])
    assert [e.text for e in rules(doc).ents] == ["inadequate"]


def test_patterns_all_have_ids_and_one_label_per_file():
    for name in ("person.jsonl", "role.jsonl", "org.jsonl", "rating.jsonl", "date.jsonl"):
        patterns = read_patterns(str(PATTERNS_DIR), [name])
        assert patterns and all(p["id"] for p in patterns)
        assert len({p["label"] for p in patterns}) == 1


def test_config_readers_give_values_that_can_be_read_twice():
    """The rulers keep what a reader gives them, and read it more than once (initialize, then
    to_disk): a generator, which srsly.read_jsonl returns, would be empty the second time."""
    import json

    from spacy.util import registry

    files = ["person.jsonl", "role.jsonl", "org.jsonl", "rating.jsonl", "date.jsonl"]
    resolved = registry.resolve({
        "patterns": {"@misc": "pipeline.read_patterns.v1", "directory": str(PATTERNS_DIR), "files": files},
        "honorifics": {"@misc": "pipeline.read_word_list.v1", "directory": str(PATTERNS_DIR), "name": "honorifics"}})
    expected = {
        "patterns": sum(1 for name in files for line in (PATTERNS_DIR / name).read_text(encoding="utf-8").splitlines()
                        if line.strip()),
        "honorifics": len(json.loads((PATTERNS_DIR / "lexicon" / "honorifics.json").read_text(encoding="utf-8"))["entries"])}
    for name, value in resolved.items():
        first, second = list(value), list(value)
        assert len(first) == expected[name] > 0 and second == first, name


def test_missing_model_is_one_clear_line():
    with pytest.raises(ModelNotInstalled) as err:
        resolve_model("no_such_model_xyz")
    message = str(err.value)
    assert "\n" not in message and "make install" in message


def test_ruler_runs_before_ner_and_wins(nlp):
    names = nlp.pipe_names
    assert names.index("domain_ruler") < names.index("ner") < names.index("mention_rules")
    doc = nlp("Ofsted said Mr Lodge, director of children's services, was appointed by Education Secretary Alan Preston.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Ofsted", "ORG") in ents
    assert ("Lodge", "PERSON") in ents
    assert ("director of children's services", "ROLE") in ents
    assert ("Education Secretary", "ROLE") in ents
    assert ("Alan Preston", "PERSON") in ents
    sources = {e.text: e.id_ for e in doc.ents}
    # the honorific-led pattern matched "Mr Lodge"; the cleaner trimmed the honorific and says so (D6)
    assert sources["Lodge"] == "person_honorific_name+rule:clean_person" and sources["Alan Preston"] == "model:ner"


def test_pipeline_saves_and_loads_back(nlp, tmp_path):
    text = "City council leader Sir Dennis Tarrant said Ofsted rated the service 'inadequate' last month."
    before = [(e.text, e.label_, e.id_) for e in nlp(text).ents]
    nlp.to_disk(tmp_path / "saved")
    loaded = spacy.load(tmp_path / "saved")
    assert loaded.pipe_names == nlp.pipe_names
    assert [(e.text, e.label_, e.id_) for e in loaded(text).ents] == before
    assert ("inadequate", "RATING") in [(t, lab) for t, lab, _ in before]


def test_name_tagged_org_that_acts_like_a_person_becomes_person(rules):
    # "Joan Pellworth appointed ...": a two-word ORG with no organisation word, subject of "appointed"
    doc = make_doc(["Joan", "Pellworth", "appointed", "director", "Northshire", "Council", "said"],
                   heads=[1, 2, 2, 2, 5, 6, 6], deps=["compound", "nsubj", "ROOT", "dobj", "compound", "nsubj", "ROOT"],
                   pos=["PROPN", "PROPN", "VERB", "NOUN", "PROPN", "PROPN", "VERB"],
                   lemmas=["Joan", "Pellworth", "appoint", "director", "Northshire", "Council", "say"],
                   sent_starts=[True, False, False, False, True, False, False],
                   ents=[(0, 2, "ORG"), (4, 6, "ORG")])
    assert [(e.text, e.label_) for e in rules(doc).ents] == [("Joan Pellworth", "PERSON"), ("Northshire Council", "ORG")]


@pytest.mark.parametrize("sentence, role", [
    # an organisation's possessive is the role's organisation, not part of the role (D11)
    ("The council's leader, Cllr Moira Treharne, said the report was fair.", "leader"),
    ("The trust's chairman, Lord Edwin Harrow, said the board would meet.", "chairman"),
    # a population's possessive is part of the title
    ("Children's Minister Nadia Vesey visited the town.", "Children's Minister"),
    # a gerund complement: "for safeguarding"
    ("Ms Tara Jandry, assistant director for safeguarding, left in June.", "assistant director for safeguarding"),
    ("Mr Ansel Dray, the MP for Brackwater Forest, asked a question.", "MP for Brackwater Forest"),
    # a date after the title is no complement
    ("She was appointed director of children's services last summer.", "director of children's services"),
])
def test_role_patterns_take_the_whole_title_and_no_more(nlp, sentence, role):
    roles = [e.text for e in nlp(sentence).ents if e.label_ == "ROLE"]
    assert roles == [role]


def test_dates_patterns_refuse_law_names_and_four_digit_counts(nlp):
    doc = nlp("The Children and Families Act 2014 came into force on Monday, when 3000 families were waiting.")
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ["Monday"]


@pytest.mark.parametrize("sentence, dates", [
    ("The home looks after children aged 11 to 17 and two of them started weekend jobs.", []),
    ("Managers now review every missing-from-home episode weekly.", []),
    ("They raised the same concerns month after month.", []),
    ("The inspection ran from 3 to 7 October and the report followed in the new year.", ["3 to 7 October", "new year"]),
    ("Waiting times fell in Q4 and again in the third quarter of 2016/17.", ["Q4", "third quarter of 2016/17"]),
    ("Spending fell in the 2015/16 financial year and in winter 2017/18.", ["2015/16 financial year", "winter 2017/18"]),
    ("She was on a course the day before, and a year earlier she had been promoted.", ["day before", "a year earlier"]),
    ("The panel will meet for the last time on the 3rd, two days after the hearing.", ["3rd"]),
    ("He moved to the 3rd floor the day before the inspection.", []),
    ("The service was rated inadequate in mid-2014 and again in the 1990s.", ["mid-2014", "1990s"]),
])
def test_date_spans_stop_at_their_edges(nlp, sentence, dates):
    """What reaches the dates table: the component's DATE spans that are date expressions."""
    from pipeline.dates.grammar import is_date_expression
    assert [e.text for e in nlp(sentence).ents if e.label_ == "DATE" and is_date_expression(e.text)] == dates


@pytest.mark.parametrize("sentence, date, past", [
    ("Things began to change in September.", "September", True),
    ("Inspectors are expected to return in the spring.", "spring", False),
    ("The council plans to close the unit in March.", "March", False),
    ("The home was rated good in March.", "March", True),
    ("The service is rated good in March's report.", "March", None),
])
def test_an_infinitive_takes_the_tense_of_the_verb_it_completes(nlp, sentence, date, past):
    from pipeline.dates.tense import clause_tense
    span = next(e for e in nlp(sentence).ents if e.text == date)
    assert clause_tense(span) is past


# -- provenance: what the cleaner changed or dropped is recorded ---------------------------------

def test_a_trimmed_span_names_the_rule_that_trimmed_it(rules):
    doc = make_doc(["Mr", "Lodge", "said"], ents=[(0, 2, "PERSON")])
    doc.ents = [Span(doc, 0, 2, label="PERSON", span_id="person_honorific_name")]
    doc = rules(doc)
    [ent] = doc.ents
    assert (ent.text, ent.id_) == ("Lodge", "person_honorific_name+rule:clean_person")
    assert list(doc.spans["dropped_mentions"]) == []


def test_a_relabelled_span_names_the_rule(rules):
    doc = make_doc(["Ofsted", "said"], ents=[(0, 1, "PERSON")])
    doc = rules(doc)
    [ent] = doc.ents
    assert (ent.text, ent.label_, ent.id_) == ("Ofsted", "ORG", "model:ner+rule:clean_person")


def test_a_dropped_candidate_is_kept_aside_with_the_rule_that_dropped_it(rules):
    doc = make_doc(["the", "seven-year-old", "boy"], ents=[(1, 2, "PERSON")])
    doc = rules(doc)
    assert list(doc.ents) == []
    [dropped] = doc.spans["dropped_mentions"]
    assert (dropped.text, dropped.label_, dropped.id_) == ("seven-year-old", "PERSON", "model:ner+dropped:clean_person")


def test_an_entity_cut_at_a_line_break_keeps_its_label(rules):
    """doc[start:end] has no label: the cut entity used to vanish."""
    doc = make_doc(["Karen", "Lodge", "\n", "Director"], spaces=[True, False, False, False],
                   ents=[(0, 4, "PERSON")])
    doc = rules(doc)
    assert [(e.text, e.label_, e.id_) for e in doc.ents] == [
        ("Karen Lodge", "PERSON", "model:ner+rule:cut_at_newline")]
