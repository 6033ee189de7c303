"""Paragraph breaks are sentence breaks.

Scraped text has headlines, bullet items, signatures and timeline entries with no final full stop;
the parser would glue them to the next line. Marking the token after a line break as a sentence
start before the parser runs makes it respect the page's own layout.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("paragraph_sentences")
def make_paragraph_sentences(nlp: Language, name: str):
    return paragraph_sentences


def paragraph_sentences(doc: Doc) -> Doc:
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc
