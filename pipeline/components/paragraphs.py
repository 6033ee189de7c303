"""Paragraph breaks are sentence breaks.

Scraped text has headlines, bullet items, signatures and timeline entries with no final full stop;
the parser would glue them to the next line. Marking the token after a line break as a sentence
start before the parser runs makes it respect the page's own layout.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


@Language.factory("paragraph_sentences")
def make_paragraph_sentences(nlp: Language, name: str):
    return paragraph_sentences


def paragraph_sentences(doc: Doc) -> Doc:
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


def doc_lines(doc: Doc) -> list[Span]:
    """The doc split at line breaks (whitespace tokens holding a newline): the page's own lines,
    for rules about headings, signatures and timeline entries."""
    lines, start = [], 0
    for token in doc:
        if "\n" in token.text or "\n" in token.whitespace_:
            end = token.i if "\n" in token.text else token.i + 1
            if end > start:
                lines.append(doc[start:end])
            start = token.i + 1
    if start < len(doc):
        lines.append(doc[start:])
    return lines
