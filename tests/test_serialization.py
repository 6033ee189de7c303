"""Every custom component round-trips through disk and bytes, alone and in the assembled pipeline.

spaCy's way to load bytes (https://spacy.io/usage/saving-loading, "Serializing the pipeline"): the
bytes hold the components' data, not the pipeline's shape, so the loader builds the pipeline from
its config first: `get_lang_class(config["nlp"]["lang"]).from_config(config).from_bytes(data)`.
`spacy.load(path)` does the same from a folder written by `to_disk`.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import pipeline.nlp.components  # noqa: F401  (registers factories)
from pipeline.about import PATTERNS_DIR
from pipeline.nlp.build import CONFIG_PATH
from pipeline.nlp.components.readers import read_lexicon

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "corpus" / "raw").rglob("*.txt")) + sorted((ROOT / "corpus" / "written").rglob("*.txt"))


def from_bytes(nlp):
    lang = spacy.util.get_lang_class(nlp.config["nlp"]["lang"])
    return lang.from_config(nlp.config).from_bytes(nlp.to_bytes())


def from_disk(nlp, path):
    nlp.to_disk(path)
    return spacy.load(path)


def round_trips(nlp, tmp_path):
    return {"bytes": from_bytes(nlp), "disk": from_disk(nlp, tmp_path / "saved")}


# -- each component alone, in a blank pipeline -------------------------------------------------------

def test_honorific_tagger_round_trips(tmp_path):
    nlp = spacy.blank("xx")
    nlp.add_pipe("honorific_tagger").initialize(honorifics=["Mr", "Cllr."])
    text = "Mr Smith met Cllr Duckett and mr nobody"
    want = [t._.is_honorific for t in nlp(text)]
    assert want == [True, False, False, True, False, False, False, False]
    for how, loaded in round_trips(nlp, tmp_path).items():
        assert loaded.get_pipe("honorific_tagger").honorifics == {"mr", "cllr"}, how
        assert [t._.is_honorific for t in loaded(text)] == want, how


def test_mention_rules_round_trip_its_vocabulary(tmp_path):
    nlp = spacy.blank("xx")
    from spacy.util import load_config
    names = load_config(CONFIG_PATH, interpolate=False)["initialize"]["components"]["mention_rules"]["vocabulary"]["names"]
    vocabulary = read_lexicon(str(PATTERNS_DIR), names)
    rules = nlp.add_pipe("mention_rules")
    rules.initialize(vocabulary=vocabulary)
    assert "ofsted" in rules.words("inspectorates")
    for how, loaded in round_trips(nlp, tmp_path).items():
        component = loaded.get_pipe("mention_rules")
        assert component.vocabulary == rules.vocabulary and vocabulary.items() <= rules.vocabulary.items(), how
        assert component.words("inspectorates") == rules.words("inspectorates"), how


def test_component_from_bytes_replaces_what_it_held():
    first = spacy.blank("xx").add_pipe("mention_rules")
    first.initialize(vocabulary={"inspectorates": ["Ofsted"]})
    assert "ofsted" in first.words("inspectorates")  # cached
    first.from_bytes(spacy.blank("xx").add_pipe("mention_rules").to_bytes())
    assert first.vocabulary == {} and not first.words("inspectorates")


RULER_PATTERNS = [  # phrase and token patterns interleaved; two on the same span ("Ofsted")
    {"label": "ORG", "id": "org_ofsted", "pattern": "Ofsted"},
    {"label": "ROLE", "id": "role_chief", "pattern": [{"LOWER": "chief"}, {"LOWER": {"IN": ["executive", "inspector"]}}]},
    {"label": "PERSON", "id": "person_ofsted", "pattern": [{"LOWER": "ofsted"}]},
    {"label": "ORG", "pattern": "Care Quality Commission"},
]


def _ents(doc: Doc):
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


def test_windowed_entity_ruler_round_trips_patterns_settings_and_ties(tmp_path):
    nlp = spacy.blank("xx")
    ruler = nlp.add_pipe("windowed_entity_ruler", config={"phrase_matcher_attr": "LOWER", "ent_id_sep": "##"})
    ruler.add_patterns(RULER_PATTERNS)
    text = "OFSTED and the care quality commission said the chief inspector was right"
    want = _ents(nlp(text))
    # the phrase pattern listed first wins the tie with the token pattern on "OFSTED"
    assert want == [(0, 1, "ORG", "org_ofsted"), (3, 6, "ORG", ""), (8, 10, "ROLE", "role_chief")]
    for how, loaded in round_trips(nlp, tmp_path).items():
        other = loaded.get_pipe("windowed_entity_ruler")
        assert other.patterns == ruler.patterns, how  # in the order they were added
        assert (other.phrase_matcher_attr, other.ent_id_sep) == ("LOWER", "##"), how
        assert _ents(loaded(text)) == want, how


def test_windowed_entity_ruler_from_bytes_keeps_phrase_patterns():
    """spaCy 3.8's EntityRuler.from_bytes adds the patterns, then swaps in an empty phrase matcher."""
    nlp = spacy.blank("xx")
    nlp.add_pipe("windowed_entity_ruler", config={"phrase_matcher_attr": "LOWER"}).add_patterns(RULER_PATTERNS[:1])
    loaded = spacy.blank("xx")
    loaded.add_pipe("windowed_entity_ruler").from_bytes(nlp.get_pipe("windowed_entity_ruler").to_bytes())
    assert _ents(loaded("ofsted said")) == [(0, 1, "ORG", "org_ofsted")]


def test_windowed_attribute_ruler_round_trips_and_loading_twice_does_not_add(tmp_path):
    nlp = spacy.blank("xx")
    ruler = nlp.add_pipe("windowed_attribute_ruler")
    ruler.add_patterns([{"patterns": [[{"LOWER": "ofsted"}]], "attrs": {"POS": "PROPN", "LEMMA": "Ofsted"}},
                        {"patterns": [[{"ORTH": "said"}]], "attrs": {"POS": "VERB"}, "index": 0}])
    text = "ofsted said so"
    want = [(t.pos_, t.lemma_) for t in nlp(text)]
    assert want[:2] == [("PROPN", "Ofsted"), ("VERB", "")]
    for how, loaded in round_trips(nlp, tmp_path).items():
        assert loaded.get_pipe("windowed_attribute_ruler").patterns == ruler.patterns, how
        assert [(t.pos_, t.lemma_) for t in loaded(text)] == want, how
    ruler.from_bytes(ruler.to_bytes())
    assert len(ruler.patterns) == 2


def test_paragraph_sentences_round_trips_in_a_pipeline(tmp_path):
    nlp = spacy.blank("xx")
    nlp.add_pipe("paragraph_sentences")
    text = "Headline with no stop\nThe body starts here. It goes on"
    want = [s.text for s in nlp(text).sents]
    assert want and want[0] == "Headline with no stop\n"
    for how, loaded in round_trips(nlp, tmp_path).items():
        assert loaded.pipe_names == ["paragraph_sentences"], how
        assert [s.text for s in loaded(text).sents] == want, how


# -- the assembled pipeline on every corpus article ------------------------------------------------

def _items():
    return [(path.relative_to(ROOT).as_posix(), path.read_bytes(), None) for path in CORPUS]


class Recording:
    """A pipeline that notes each Doc's entities and sentences as `process_articles` runs it, so
    one pass over the corpus gives both the rows and the annotations."""

    def __init__(self, nlp):
        self.nlp, self.seen = nlp, []

    def memory_zone(self):
        return self.nlp.memory_zone()

    def make_doc(self, text):
        return self.nlp.make_doc(text)

    def pipe(self, texts):
        for doc in self.nlp.pipe(texts):
            self.seen.append((_ents(doc), [(s.start, s.end) for s in doc.sents]))
            yield doc


def _run(nlp):
    from pipeline.extract.process import process_articles
    recording = Recording(nlp)
    return process_articles(_items(), recording), recording.seen


@pytest.mark.corpus
def test_the_pipeline_round_trips_through_bytes_and_disk_on_every_corpus_article(nlp, tmp_path):
    assert len(CORPUS) > 30
    want_rows, want_docs = _run(nlp)
    assert len(want_docs) == len(CORPUS) and sum(len(ents) for ents, _ in want_docs) > 1000
    # saved AFTER a run: labels first seen inside `nlp.memory_zone()` must not have been freed
    assert {"ROLE", "RATING"} <= set(nlp.get_pipe("ner").labels)
    loaded = round_trips(nlp, tmp_path)
    again = loaded["bytes"]
    again.from_bytes(again.to_bytes())  # into a loaded pipeline: what it holds is replaced, not added to
    for how, other in loaded.items():
        assert other.pipe_names == nlp.pipe_names, how
        rows, docs = _run(other)
        for path, want, have in zip(CORPUS, want_docs, docs):
            assert have == want, f"{how}: {path.name}"
        assert rows == want_rows, how
