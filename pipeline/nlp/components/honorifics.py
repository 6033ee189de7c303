"""Mark honorific tokens (Mr, Sir, Cllr ...) so patterns and rules share one list.

The list lives in patterns/lexicon/honorifics.json and reaches the component through `initialize`, so the
saved pipeline carries its own copy (to_disk/from_disk, to_bytes/from_bytes) and needs no project
files to run.
"""
from __future__ import annotations

from pathlib import Path

import numpy
import srsly
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

if not Token.has_extension("is_honorific"):
    Token.set_extension("is_honorific", default=False)


#: Full stops an honorific may carry ("Mr.", "Mr.."): the forms looked up are the word with 0 to this many.
MAX_DOTS = 3


@Language.factory("honorific_tagger")
def make_honorific_tagger(nlp: Language, name: str):
    return HonorificTagger(name)


class HonorificTagger:
    def __init__(self, name: str):
        self.name = name
        self.honorifics = set()

    def initialize(self, get_examples=None, *, nlp=None, honorifics: list[str] | None = None):
        self.honorifics = {h.lower().rstrip(".") for h in honorifics or []}

    @property
    def honorifics(self) -> set[str]:
        return self._honorifics

    @honorifics.setter
    def honorifics(self, value: set[str]) -> None:
        # the LOWER hashes of every form a token may take ("mr", "mr.", "mr.."), so that one array
        # lookup over the Doc finds the candidates instead of a Python call per token
        self._honorifics = set(value)
        self._lower_ids = numpy.array(sorted({get_string_id(h + "." * dots) for h in self._honorifics
                                              for dots in range(MAX_DOTS + 1)}), dtype=numpy.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not len(self._lower_ids):
            return doc
        lower = doc.to_array(LOWER).astype(numpy.uint64)
        for i in numpy.flatnonzero(numpy.isin(lower, self._lower_ids)).tolist():
            token = doc[i]
            if token.text[:1].isupper():
                token._.is_honorific = True
        return doc

    # serialization, as spaCy's own rulers do it: msgpack for bytes, JSON files on disk
    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.msgpack_dumps({"honorifics": sorted(self.honorifics)})

    def from_bytes(self, bytes_data: bytes, *, exclude=tuple()) -> "HonorificTagger":
        self.honorifics = set(srsly.msgpack_loads(bytes_data)["honorifics"])
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "honorifics.json", sorted(self.honorifics))

    def from_disk(self, path, *, exclude=tuple()) -> "HonorificTagger":
        self.honorifics = set(srsly.read_json(Path(path) / "honorifics.json"))
        return self
