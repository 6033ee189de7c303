"""Timeline entries ("2013 Council issued ...", "March 2015: ...") give their year to every
sentence of their line (D24), so a bare month inside an entry takes the entry's year."""
from __future__ import annotations

from spacy.tokens import Doc, Span


def timeline_years(doc: Doc) -> dict[int, int]:
    """Sentence index → the year of the timeline entry it belongs to: a line that starts with a
    year sets it for every sentence on that line."""
    years, line_year = {}, None
    for i, sent in enumerate(doc.sents):
        starts_line = sent.start == 0 or "\n" in doc[sent.start - 1].text \
            or "\n" in doc[sent.start - 1].whitespace_
        if starts_line:
            line_year = _entry_year(sent)
        if line_year:
            years[i] = line_year
    return years


def _entry_year(sent: Span) -> int | None:
    """The year a timeline entry starts with: "2013 ...", "March 2015: ...", "Summer 2016 – ..."."""
    head = sent[:3]
    if len(head) and _is_year(head[0]):
        return int(head[0].text)
    if len(head) == 3 and _is_year(head[1]) and head[2].is_punct and head[0].ent_type_ == "DATE":
        return int(head[1].text)  # a month or season, its year, then the entry's dash or colon
    return None


def _is_year(token) -> bool:
    return token.shape_ == "dddd" and token.text[:2] in ("19", "20")
