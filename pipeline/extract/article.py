"""One parsed article: its body's Doc and what was decided about its mentions, shared by the row
builders (mentions, dates, people) and the relation extractors (roles, ratings, quotes)."""
from __future__ import annotations

import re

from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

from ..dates.grammar import is_date_expression, normalize as normalize_date
from ..dates.tense import date_tense
from ..dates.timeline import timeline_years
from ..ids import mention_id, person_id
from ..structure import Structure
from .normalize import normalize_rating, normalize_role
from .people import PersonMention, canonical_names

LABELS = ("PERSON", "ROLE", "ORG", "RATING", "DATE")
AGO = re.compile(r"\bago\b", re.IGNORECASE)
#: Comparison periods ("a year earlier", "the year-ago quarter"): they name the period compared
#: with, so the next date does not count from them.
COMPARISON = re.compile(r"\b(?:ago|a year (?:earlier|before)|year-(?:earlier|ago)|(?:period|quarter) last year|"
                        r"last year's (?:period|quarter))\b", re.IGNORECASE)
PERIOD_VALUE = re.compile(r"^\d{4}-[QH]\d$")
#: Expressions that refer to the quarter a report is about ("the quarter", "the 1988 period").
PERIOD_WORDS = re.compile(r"\b(?:quarter|period)\b", re.IGNORECASE)
#: How many sentences back a quarter or half is still the period a comparison is about.
PERIOD_WINDOW = 5


def _sentence_numbers(doc: Doc) -> list[int]:
    """The sentence index of every token, as enumerating `doc.sents` gives it, read from the
    SENT_START array instead of building a Span per sentence."""
    if not len(doc):
        return []
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return [n for n, sent in enumerate(doc.sents) for _ in range(len(sent))]
    starts = doc.to_array(SENT_START) == 1
    starts[0] = True
    return (starts.cumsum() - 1).tolist()


class Article:
    """A parsed article body and what was decided about its mentions, shared by the row builders
    (mentions, dates, people) and the relation extractors."""

    def __init__(self, doc_id: str, text: str, structure: Structure, doc: Doc, date_order: str | None = None):
        self.doc_id, self.text, self.structure, self.doc = doc_id, text, structure, doc
        self.date_order = date_order  # "mdy" for American sources; day-first otherwise
        self.offset = structure.body_start
        self.body = text[structure.body_start:structure.body_end]  # == doc.text, which spaCy rebuilds per call
        self.sentence_of = dict(enumerate(_sentence_numbers(doc)))
        self.entities = [e for e in doc.ents if e.label_ in LABELS and self._inside_article(e)
                         and (e.label_ != "DATE" or is_date_expression(e.text))]
        persons = [e for e in self.entities if e.label_ == "PERSON"]
        names = canonical_names([PersonMention(e.start_char, e.text, self.honorific_of(e)) for e in persons])
        self.canonical = {(e.start, e.end): name for e, name in zip(persons, names)}
        self.timeline_year = timeline_years(doc)
        self._date_values = None

    # -- helpers shared with relation extractors ------------------------------------------------
    def char_span(self, span: Span) -> tuple[int, int]:
        return span.start_char + self.offset, span.end_char + self.offset

    def mention_id(self, span: Span) -> str:
        start, end = self.char_span(span)
        return mention_id(self.doc_id, span.label_, start, end)

    def honorific_of(self, span: Span) -> str | None:
        prev = self.doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.text == "." and span.start > 1:
            prev = self.doc[span.start - 2]
        return prev.text if prev is not None and prev._.is_honorific else None

    def person_name(self, span: Span) -> str:
        return self.canonical.get((span.start, span.end), " ".join(span.text.split()))

    def date_value(self, span: Span):
        if self._date_values is None:
            self._date_values = self._resolve_dates()
        return self._date_values[span.start, span.end]

    def _resolve_dates(self) -> dict:
        """Every DATE's value, in text order, so "the following year" can count from the date
        named just before it in its own or the previous sentence (D46). A comparison ("a year ago",
        "a year earlier", "the year-ago quarter") never counts from another comparison, and in a
        report about a quarter (named up to PERIOD_WINDOW sentences before) it and "the quarter"
        refer to that quarter."""
        values, previous, plain, period = {}, None, None, None
        for span in self.entities:
            if span.label_ != "DATE":
                continue
            sentence = self.sentence_of[span.start]
            comparison = bool(COMPARISON.search(span.text))
            about_period = comparison or bool(PERIOD_WORDS.search(span.text))
            before = plain if about_period else previous  # "a year earlier" never counts from "a year ago"
            antecedent = before[1] if before and sentence - before[0] <= 1 else None
            if about_period and period and sentence - period[0] <= PERIOD_WINDOW \
                    and not (antecedent and PERIOD_VALUE.match(antecedent)):
                antecedent = period[1]  # "a year ago" in a report about the third quarter
            value = normalize_date(span.text, self.structure.published,
                                   context_year=self.timeline_year.get(sentence), past=date_tense(span),
                                   antecedent=antecedent, date_order=self.date_order)
            values[span.start, span.end] = value
            if value.value:
                previous = (sentence, value.value)
                if not comparison:
                    plain = previous
                    if PERIOD_VALUE.match(value.value):
                        period = previous
        return values

    def normalized(self, span: Span) -> str | None:
        label = span.label_
        if label == "PERSON":
            return self.person_name(span)
        if label == "ROLE":
            return normalize_role(span.text)
        if label == "RATING":
            return normalize_rating(span.text)
        if label == "DATE":
            return self.date_value(span).value
        return " ".join(span.text.split())

    def _inside_article(self, span: Span) -> bool:
        start, end = self.char_span(span)
        return not any(s <= start < e or s < end <= e for s, e in self.structure.excluded)

    # -- rows ------------------------------------------------------------------------------------
    def mention_rows(self) -> list[dict]:
        rows = []
        for span in self.entities:
            start, end = self.char_span(span)
            name = self.person_name(span) if span.label_ == "PERSON" else None
            rows.append({
                "doc_id": self.doc_id, "mention_id": self.mention_id(span), "label": span.label_,
                "text": self.text[start:end], "start_char": start, "end_char": end,
                "sentence_id": self.sentence_of[span.start], "normalized": self.normalized(span),
                "person_id": person_id(name) if name else None, "source": span.id_ or "model:ner",
            })
        return rows

    def date_rows(self) -> list[dict]:
        rows = []
        for span in self.entities:
            if span.label_ != "DATE":
                continue
            start, end = self.char_span(span)
            value = self.date_value(span)
            rows.append({"doc_id": self.doc_id, "mention_id": self.mention_id(span), "text": self.text[start:end],
                         "start_char": start, "end_char": end, "value": value.value,
                         "granularity": value.granularity if value.value is not None else None,
                         "anchored": value.anchored, "rule": value.rule})
        return rows

    def people_rows(self) -> list[dict]:
        """One partial row per person in this article; the runner merges them across articles."""
        people: dict[str, dict] = {}
        for span in self.entities:
            if span.label_ != "PERSON":
                continue
            name = self.person_name(span)
            row = people.setdefault(name, {"person_id": person_id(name), "name": name, "doc_id": self.doc_id,
                                           "aliases": set(), "honorifics": [], "n_mentions": 0})
            row["aliases"].add(" ".join(span.text.split()))
            honorific = self.honorific_of(span)
            if honorific:
                row["honorifics"].append(honorific.rstrip("."))
                row["aliases"].add(f"{honorific} {' '.join(span.text.split())}")
            row["n_mentions"] += 1
        return [{**r, "aliases": sorted(r["aliases"])} for r in people.values()]
