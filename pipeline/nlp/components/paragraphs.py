"""Paragraph breaks are sentence breaks.

Scraped text has headlines, bullet items, signatures and timeline entries with no final full stop;
the parser would glue them to the next line. Marking the token after a line break as a sentence
start before the parser runs makes it respect the page's own layout.
"""
from __future__ import annotations

from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span


@Language.factory("paragraph_sentences")
def make_paragraph_sentences(nlp: Language, name: str):
    return paragraph_sentences


def paragraph_sentences(doc: Doc) -> Doc:
    """Sentence starts after every line break, set from arrays in one pass: setting
    `Token.is_sent_start` token by token checks the whole Doc each time (quadratic on a page of
    many short lines)."""
    starts = [i + 1 for i in newline_tokens(doc) if i + 1 < len(doc)]
    if not starts:
        return doc
    values = doc.to_array(SENT_START)
    values[starts] = 1
    doc.from_array([SENT_START], values)
    return doc


def newline_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens holding a line break, in order. A token's trailing whitespace is at
    most one space in spaCy, so a newline is always inside a (whitespace) token's text. Decided per
    distinct word form from the ORTH array rather than per token, which keeps it out of Python's
    per-token loop."""
    if not len(doc):
        return []
    orths = doc.to_array(ORTH)
    strings = doc.vocab.strings
    breaking = [h for h in set(orths.tolist()) if "\n" in strings[h]]
    if not breaking:
        return []
    if len(breaking) == 1:
        return (orths == breaking[0]).nonzero()[0].tolist()
    import numpy
    return numpy.isin(orths, breaking).nonzero()[0].tolist()


def doc_lines(doc: Doc) -> list[Span]:
    """The doc split at line breaks (whitespace tokens holding a newline): the page's own lines,
    for rules about headings, signatures and timeline entries."""
    lines, start = [], 0
    for i in newline_tokens(doc):
        if i > start:
            lines.append(doc[start:i])
        start = i + 1
    if start < len(doc):
        lines.append(doc[start:])
    return lines
