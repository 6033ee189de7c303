"""The distinct-word lemmatizer must give exactly the lemmas of spaCy's English lemmatizer with the
model's tables, only asking the rules once per distinct word."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.tokens import Doc, DocBin

from pipeline.io.inputs import decode
from pipeline.nlp.components.lemmas import DistinctWordLemmatizer
from pipeline.nlp.components.readers import model_lemma_tables

ROOT = Path(__file__).resolve().parent.parent


def spacys_lemmatizer(nlp, ours: DistinctWordLemmatizer) -> EnglishLemmatizer:
    theirs = EnglishLemmatizer(nlp.vocab, None, "lemmatizer", mode="rule", overwrite=ours.overwrite)
    theirs.initialize(lookups=ours.lookups)
    return theirs


def copies(nlp, docs: list[Doc]) -> tuple[list[Doc], list[Doc]]:
    blob = DocBin(docs=docs).to_bytes()
    return tuple(list(DocBin().from_bytes(blob).get_docs(nlp.vocab)) for _ in range(2))


@pytest.mark.corpus
def test_lemmas_are_spacys_on_the_corpus(nlp):
    """Every corpus article, parsed and tagged by the model: each token's lemma as spaCy's
    lemmatizer gives it, lemmas the attribute ruler set kept, twice over (the second time from
    the cache)."""
    ours = nlp.get_pipe("lemmatizer")
    assert isinstance(ours, DistinctWordLemmatizer)
    theirs = spacys_lemmatizer(nlp, ours)
    paths = sorted((ROOT / "corpus").glob("*/*.txt"))
    with nlp.select_pipes(enable=["tok2vec", "tagger", "paragraph_sentences", "parser", "attribute_ruler"]):
        docs = list(nlp.pipe(decode(p.read_bytes()) for p in paths))
    preset = sum(1 for doc in docs for t in doc if t.lemma)  # set by the attribute ruler's exceptions
    assert preset > 0
    for _ in range(2):
        mine, spacys = copies(nlp, docs)
        for path, a, b in zip(paths, mine, spacys):
            assert [t.lemma_ for t in ours(a)] == [t.lemma_ for t in theirs(b)], path.name
    assert {"be", "say", "inspector", "rate"} <= {t.lemma_ for doc in mine for t in doc}


def test_a_lemma_already_set_is_kept_unless_overwrite(nlp):
    ours = nlp.get_pipe("lemmatizer")
    doc = Doc(nlp.vocab, words=["Inspectors", "were", "visiting"], pos=["NOUN", "AUX", "VERB"],
              morphs=["Number=Plur", "Mood=Ind|Tense=Past|VerbForm=Fin", "Aspect=Prog|Tense=Pres|VerbForm=Part"],
              lemmas=["", "kept", ""])
    assert [t.lemma_ for t in ours(doc)] == ["inspector", "kept", "visit"]
    overwriting = DistinctWordLemmatizer(nlp.vocab, None, "lemmatizer", mode="rule", overwrite=True)
    overwriting.initialize(lookups=ours.lookups)
    doc = Doc(nlp.vocab, words=["visited"], pos=["VERB"], morphs=["Tense=Past|VerbForm=Fin"], lemmas=["kept"])
    assert [t.lemma_ for t in overwriting(doc)] == ["visit"]


def test_the_same_word_with_another_tag_gets_its_own_lemma(nlp):
    """The cache is keyed by word, part of speech and morphology, not the word alone."""
    ours = nlp.get_pipe("lemmatizer")
    doc = Doc(nlp.vocab, words=["meeting", "meeting"], pos=["NOUN", "VERB"],
              morphs=["Number=Sing", "Aspect=Prog|Tense=Pres|VerbForm=Part"])
    assert [t.lemma_ for t in ours(doc)] == ["meeting", "meet"]


def test_lemmas_outlive_a_memory_zone(nlp):
    """A lemma new to the vocabulary is added again for each Doc: one cached in an earlier memory
    zone, whose strings are gone, is still readable in the next."""
    ours = nlp.get_pipe("lemmatizer")
    words, pos, morphs = ["zorblats"], ["NOUN"], ["Number=Plur"]
    with nlp.memory_zone():
        assert [t.lemma_ for t in ours(Doc(nlp.vocab, words=words, pos=pos, morphs=morphs))] == ["zorblat"]
    with nlp.memory_zone():
        assert [t.lemma_ for t in ours(Doc(nlp.vocab, words=words, pos=pos, morphs=morphs))] == ["zorblat"]


def test_the_model_lemma_tables_are_read_from_the_installed_model():
    from pipeline.nlp.build import resolve_model
    tables = model_lemma_tables(resolve_model())
    assert {"lemma_rules", "lemma_exc", "lemma_index"} <= set(tables.tables)
    with pytest.raises(ValueError, match="lemmatizer"):
        model_lemma_tables(str(ROOT / "patterns"))


def test_a_lemmatizer_without_its_tables_says_so(nlp):
    bare = DistinctWordLemmatizer(nlp.vocab, None, "lemmatizer", mode="rule")
    with pytest.raises(ValueError, match="lemma_rules"):
        bare(Doc(nlp.vocab, words=["visited"], pos=["VERB"]))
