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


#: What parts a list line's name from its value: "Ashwent: good", "Ashwent - two stars".
LIST_SEPARATORS = {":", "-", "–", "—"}


def list_entry_name(span: Span) -> Span | None:
    """The name a list line gives `span` to, when the line is an entry of a list of bodies and their
    grades: "Ashwent: three stars", "Pellham Borough Council - one star (zero stars)", "Dunmere
    Council (requires improvement)", "Pizza Palace, Brook Street: good" (the name without the
    street, RA4); the value, in brackets, of the same entry's earlier year too. The value ends
    the line (a bracketed value or a full stop may follow); the name is at most ten words, opens
    with a capital and holds no lower-case verb (the tagger reads many made-up place names as verbs). None for anything else ("Ofsted: school rated good")."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
        if span.start - start > 20:
            return None  # a line of prose, not a list entry (and no walk to the start of a long paragraph)
    while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
        end += 1
        if end - start > 20:
            return None
    words = [t for t in doc[start:span.start] if not t.is_space and not t.is_quote]
    rest = [t for t in doc[span.end:end] if not t.is_space and not t.is_quote]
    if rest and rest[-1].text in {".", ";", ","}:
        rest = rest[:-1]  # "Ashwent: three stars (two stars)."
    bracketed = bool(words) and words[-1].text == "(" and bool(rest) and rest[0].text == ")"
    if bracketed:
        rest = rest[1:]
    if rest and rest[0].text == "(" and rest[-1].text == ")" and len(rest) <= 6:
        rest = []  # "three stars (two stars)": last year's value in brackets
    if rest:
        return None
    separator = next((k for k, t in enumerate(words) if t.text in LIST_SEPARATORS
                      and (t.text == ":" or t.whitespace_ and k and words[k - 1].whitespace_)), None)
    if separator is not None:
        after = words[separator + 1:]
        if after and not (bracketed and after[-1].text == "(" and all(t.ent_type_ == "RATING" for t in after[:-1])):
            return None  # the value comes right after the separator, or is the bracketed earlier value
        name = words[:separator]
    elif bracketed:
        name = words[:-1]
    else:
        return None
    comma = next((k for k, t in enumerate(name) if t.text == ","), None)
    if comma is not None:
        name = name[:comma]  # "Pizza Palace, Brook Street": the name without its street (RA4)
    if not name or len(name) > 10 or not name[0].text[:1].isupper() \
            or any(t.pos_ in ("VERB", "AUX") and not t.text[:1].isupper() or t.is_punct and t.text not in {"'", "’", "&", "."} for t in name):
        return None
    return doc[name[0].i:name[-1].i + 1]
