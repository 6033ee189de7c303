"""The per-article work: one pure function from (path, bytes, metadata) to table rows.

Nothing here reads files, writes files or touches shared state, so it runs unchanged in a worker
process or on a cluster node; the caller passes the bytes and collects the rows. Rows are plain
dicts (picklable), never spaCy objects.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import __version__
from .dates import is_date_expression, normalize as normalize_date
from .nlp import get_pipeline
from .normalize import normalize_rating, normalize_role
from .people import PersonMention, canonical_names, person_id
from .reader import RejectedInput, content_id, decode
from .quotes import quote_rows
from .relations import extract_relations
from .schema import empty_rows
from .structure import Structure, analyse

LABELS = ("PERSON", "ROLE", "ORG", "RATING", "DATE")
FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}  # "would meet on Thursday": future in reported speech
PAST_AUX = {"was", "were", "had", "has", "have", "did"}
PRESENT_AUX = {"is", "are", "am", "'s", "'re"}
#: Verbs whose infinitive complement lies ahead of them ("are expected to return in the spring").
INTENT_VERBS = {"expect", "plan", "intend", "aim", "hope", "set", "due", "schedule", "want", "propose", "prepare",
                "agree", "decide", "promise", "pledge", "vow", "need", "go"}


def clause_tense(span: Span) -> bool | None:
    """Tense of the verb governing a date: True past, False future, None present or unknown.
    "resigned on Monday" is last Monday; "will start on Monday" is the next one."""
    token = span.root
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    return _verb_tense(token)


def _verb_tense(verb, depth: int = 0) -> bool | None:
    children = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if children & FUTURE_AUX or ({"to"} <= children and verb.head.lemma_ == "be"):
        return False
    if "to" in children and verb.head is not verb and depth < 2:
        # an infinitive takes its tense from the verb it completes: "began to change" is past;
        # after a verb of intention it is ahead: "are expected to return", "plans to close"
        head = verb.head
        if head.lemma_.lower() in INTENT_VERBS:
            head_tense = _verb_tense(head, depth + 1)
            return None if head_tense else False
        return _verb_tense(head, depth + 1)
    if children & PRESENT_AUX and verb.tag_ == "VBN" and not children & PAST_AUX:
        return None  # "is expected", "are rated": a present passive
    if verb.tag_ in ("VBD", "VBN") or children & PAST_AUX:
        return True
    return None


@dataclass
class ArticleMetadata:
    """What a sidecar (metadata.csv or <file>.meta.json) says; it overrides the page."""

    published: dt.date | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    extra: dict = field(default_factory=dict)


def process_article(source_path: str, data: bytes, metadata: ArticleMetadata | None = None,
                    nlp: Language | None = None, pipeline_version: str = __version__) -> dict[str, list[dict]]:
    """All rows one article contributes. A bad article yields one `rejected` row instead."""
    return process_articles([(source_path, data, metadata)], nlp, pipeline_version)[0]


def process_articles(items: list[tuple[str, bytes, ArticleMetadata | None]], nlp: Language | None = None,
                     pipeline_version: str = __version__) -> list[dict[str, list[dict]]]:
    """The rows of each article, in order: `process_article` for a batch at once.

    A batch goes through `nlp.pipe` (the statistical components work faster on batches) inside one
    `memory_zone`, so words new to the vocabulary are added once per batch rather than once per
    article, and freed when the batch is done."""
    prepared = [_prepare(*item) for item in items]
    nlp = nlp or get_pipeline()
    with nlp.memory_zone():
        docs = nlp.pipe(p["body"] for p in prepared if "body" in p)
        for p in prepared:
            if "body" in p:
                p["rows"] = _article_rows(p, next(docs), pipeline_version)
    return [p["rows"] for p in prepared]


def _prepare(source_path: str, data: bytes, metadata: ArticleMetadata | None) -> dict:
    """Decode and find the structure; a refused input gets its `rejected` row here."""
    rows = empty_rows()
    try:
        text = decode(data)
    except RejectedInput as exc:
        rows["rejected"].append({"source_path": source_path, "reason": exc.reason, "detail": exc.detail})
        return {"rows": rows}
    structure = analyse(text)
    published_source = "dateline" if structure.published else None
    if metadata:
        if metadata.published:
            structure.published, published_source = metadata.published, "metadata"
        structure.title = metadata.title or structure.title
        structure.publisher = metadata.publisher or structure.publisher
    return {"source_path": source_path, "text": text, "structure": structure, "published_source": published_source,
            "body": text[structure.body_start:structure.body_end]}


def _article_rows(prepared: dict, doc: Doc, pipeline_version: str) -> dict[str, list[dict]]:
    rows = empty_rows()
    text, structure = prepared["text"], prepared["structure"]
    doc_id = content_id(text)
    article = Article(doc_id, text, structure, doc)
    rows["mentions"] = article.mention_rows()
    rows["dates"] = article.date_rows()
    rows["people"] = article.people_rows()
    for table, table_rows in extract_relations(article).items():
        rows[table].extend(table_rows)
    rows["quotes"] = quote_rows(article, rows["roles"])
    rows["documents"].append({
        "doc_id": doc_id, "source_path": prepared["source_path"], "duplicate_paths": [],
        "title": structure.title, "publisher": structure.publisher,
        "published": structure.published, "published_text": structure.published_text,
        "published_source": prepared["published_source"],
        "text": text, "body_start": structure.body_start, "body_end": structure.body_end,
        "n_tokens": len(doc) - int(doc.to_array(IS_SPACE).sum()) if len(doc) else 0,
        "pipeline_version": pipeline_version,
    })
    return rows


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


class Article:
    """A parsed article body and what was decided about its mentions, shared by the row builders
    (mentions, dates, people) and the relation extractors."""

    def __init__(self, doc_id: str, text: str, structure: Structure, doc: Doc):
        self.doc_id, self.text, self.structure, self.doc = doc_id, text, structure, doc
        self.offset = structure.body_start
        self.body = text[structure.body_start:structure.body_end]  # == doc.text, which spaCy rebuilds per call
        self.sentence_of = dict(enumerate(_sentence_numbers(doc)))
        self.entities = [e for e in doc.ents if e.label_ in LABELS and self._inside_article(e)
                         and (e.label_ != "DATE" or is_date_expression(e.text))]
        persons = [e for e in self.entities if e.label_ == "PERSON"]
        names = canonical_names([PersonMention(e.start_char, e.text, self.honorific_of(e)) for e in persons])
        self.canonical = {(e.start, e.end): name for e, name in zip(persons, names)}
        self.timeline_year = self._timeline_years()
        self._date_values = None

    # -- helpers shared with relation extractors ------------------------------------------------
    def char_span(self, span: Span) -> tuple[int, int]:
        return span.start_char + self.offset, span.end_char + self.offset

    def mention_id(self, span: Span) -> str:
        start, end = self.char_span(span)
        return f"{self.doc_id}:{span.label_[0]}{start}-{end}"

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
        named just before it in its own or the previous sentence (D46)."""
        values, previous = {}, None
        for span in self.entities:
            if span.label_ != "DATE":
                continue
            sentence = self.sentence_of[span.start]
            antecedent = previous[1] if previous and sentence - previous[0] <= 1 else None
            value = normalize_date(span.text, self.structure.published,
                                   context_year=self.timeline_year.get(sentence), past=clause_tense(span),
                                   antecedent=antecedent)
            values[span.start, span.end] = value
            if value.value:
                previous = (sentence, value.value)
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

    def _timeline_years(self) -> dict[int, int]:
        """Sentences of a timeline entry ("2013 Council issued ... in March") take the entry's year
        (D24): a line that starts with a year sets it for every sentence on that line."""
        years, line_year = {}, None
        for i, sent in enumerate(self.doc.sents):
            starts_line = sent.start == 0 or "\n" in self.doc[sent.start - 1].text \
                or "\n" in self.doc[sent.start - 1].whitespace_
            if starts_line:
                line_year = _entry_year(sent)
            if line_year:
                years[i] = line_year
        return years

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
                         "granularity": value.granularity, "anchored": value.anchored})
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
