"""Mark honorific tokens (Mr, Sir, Cllr ...) so patterns and rules share one list.

The list lives in patterns/lexicon/honorifics.json and reaches the component through `initialize`, so the
saved pipeline carries its own copy (to_disk/from_disk, to_bytes/from_bytes) and needs no project
files to run.
"""
from __future__ import annotations

from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Token

if not Token.has_extension("is_honorific"):
    Token.set_extension("is_honorific", default=False)


@Language.factory("honorific_tagger")
def make_honorific_tagger(nlp: Language, name: str):
    return HonorificTagger(name)


class HonorificTagger:
    def __init__(self, name: str):
        self.name = name
        self.honorifics: set[str] = set()

    def initialize(self, get_examples=None, *, nlp=None, honorifics: list[str] | None = None):
        self.honorifics = {h.lower().rstrip(".") for h in honorifics or []}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.lower_.rstrip(".") in self.honorifics and token.text[:1].isupper():
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
