"""The model's rule lemmatizer, asked once per distinct word of a Doc.

spaCy's Lemmatizer visits every token in Python: a Token object, its morphology as an object, a
cache lookup, a string set back. Most tokens of an article repeat a (word, part of speech,
morphology) seen a few lines before. This one reads those three columns as one array, asks the
same rules (the model's own lemma tables, pipeline/nlp/components/readers.py) once for each
distinct row, and writes the column back: the same lemmas, the same `overwrite` rule (a lemma the
attribute ruler set is kept), in a fraction of the time. tests/test_lemmas.py holds it to spaCy's
on the corpus.
"""
from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline.lemmatizer import lemmatizer_score
from spacy.tokens import Doc

#: The columns a lemma depends on (the rule lemmatizer's own cache key), then the lemma itself.
COLUMNS = [ORTH, POS, MORPH, LEMMA]


@Language.factory(
    "distinct_word_lemmatizer",
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "rule", "overwrite": False,
                    "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
)
def make_distinct_word_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool,
                                  scorer=lemmatizer_score):
    """Same settings as spaCy's English `lemmatizer`."""
    return DistinctWordLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


class DistinctWordLemmatizer(EnglishLemmatizer):
    """EnglishLemmatizer with its answers kept by (ORTH, POS, MORPH) across Docs: the rules run once
    per distinct word, and a Doc's lemmas are dictionary lookups on its columns. At most CACHE_SIZE
    answers are kept (then the cache starts again), so a long run does not grow."""

    CACHE_SIZE = 500_000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lemma_of: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        required, _ = self.get_lookups_config(self.mode)
        missing = [table for table in required if table not in self.lookups]
        if missing:  # what spaCy's lemmatizer says: lemmas without their tables would be wrong
            raise ValueError(f"the lemmatizer has no {', '.join(missing)} table: initialize the pipeline "
                             f"(nlp.initialize()) or load a saved one")
        if not len(doc):
            return doc
        rows = doc.to_array(COLUMNS)
        todo = numpy.arange(len(doc)) if self.overwrite else numpy.flatnonzero(rows[:, 3] == 0)
        if not todo.size:
            return doc
        if len(self._lemma_of) > self.CACHE_SIZE:
            self._lemma_of.clear()
        lemma_of, found = self._lemma_of, []
        for i, key in zip(todo.tolist(), map(tuple, rows[todo, :3].tolist())):
            lemma = lemma_of.get(key)
            if lemma is None:
                lemma = lemma_of[key] = self.lemmatize(doc[i])[0]
            found.append(lemma)
        # strings new to the vocabulary live as long as the memory zone: add them for this Doc
        hashes = {lemma: doc.vocab.strings.add(lemma) for lemma in set(found)}
        lemmas = rows[:, 3].copy()
        lemmas[todo] = [hashes[lemma] for lemma in found]
        doc.from_array([LEMMA], lemmas)
        return doc
