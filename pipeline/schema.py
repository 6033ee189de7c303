"""Every output table and every column, defined once: Arrow type, nullability, meaning, allowed values.

The writer takes its Arrow schemas from here, the per-article function checks its rows against it
(`validate_rows`: a bad row rejects that article with a reason instead of breaking the run), and
docs/schema.md is generated from it (`python -m pipeline.schema > docs/schema.md`; a test fails
when they differ), so code, checks and docs cannot drift apart. A column means the same thing in
every table; shared columns are defined once below and reused.
"""
from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, replace

import pyarrow as pa

from .extract.organizations import KINDS
from .extract.ratings import scheme_names
from .lexicon import words

LABEL = pa.dictionary(pa.int32(), pa.string())


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    nullable: bool
    meaning: str
    #: The only values the column may hold (None: open). Checked per row.
    values: tuple[str, ...] | None = None

    @property
    def field(self) -> pa.Field:
        return pa.field(self.name, self.type, nullable=self.nullable)

    def but(self, **changes) -> "Column":
        """The same column with another meaning or nullability in one table."""
        return replace(self, **changes)


@dataclass(frozen=True)
class Table:
    name: str
    grain: str  # what one row is
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    #: Rows of this table come per article only as partial rows the runner merges (people).
    merged_by_runner: bool = False

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([c.field for c in self.columns])

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


LABELS = ("PERSON", "ROLE", "ORG", "RATING", "DATE")
RATING_VALUES = ("outstanding", "good", "requires improvement", "adequate", "inadequate",
                 "zero stars", "one star", "two stars", "three stars", "four stars", "five stars")
GRANULARITIES = ("day", "week", "month", "quarter", "half", "season", "year", "decade", "century", "range")
EVENTS = ("appointed", "left", "holds")
PUBLISHED_SOURCES = ("dateline", "html", "metadata")
REJECT_REASONS = ("empty", "binary", "undecodable", "oversized", "unreadable", "bad_metadata", "no_article", "timeout",
                  "invalid_rows", "error", "worker_died")

# -- columns shared by several tables -----------------------------------------------------------
DOC_ID = Column("doc_id", pa.string(), False,
                "stable content hash of the decoded text (first 16 hex digits of SHA-256): the same article "
                "under two names or encodings is one document")
SOURCE_PATH = Column("source_path", pa.string(), False,
                     "path of the article relative to IN (the first one, when the same content appears twice)")
MENTION_ID = Column("mention_id", pa.string(), False, "stable id: `<doc_id>:<label initial><start>-<end>`")
MENTION_TEXT = Column("text", pa.string(), False, "the mention as written: `documents.text[start_char:end_char]`")
START = Column("start_char", pa.int32(), False, "start offset in `documents.text`")
END = Column("end_char", pa.int32(), False, "end offset (exclusive) in `documents.text`")
EVIDENCE_START = START.but(meaning="start offset of the evidence sentence in `documents.text`")
EVIDENCE_END = END.but(meaning="end offset (exclusive) of the evidence sentence in `documents.text`")
PERSON_ID = Column("person_id", pa.string(), True,
                   "stable id of the canonical name (`P` + 12 hex digits of SHA-1 of the lower-cased name); the "
                   "same in every table and every run")
ORG_ID = Column("org_id", pa.string(), True,
                "stable id of the canonical organisation (`O` + 12 hex digits of SHA-1 of the lower-cased canonical "
                "name, see organizations); the same in every table and every run")
ORG_KINDS = KINDS  # the contract's kinds: one word list of head words each (pipeline/extract/organizations.py)
ROLE = Column("role", pa.string(), False,
              "normalized role: lower case, no determiner, qualifier or possessive organisation")
EVIDENCE = Column("evidence", pa.string(), True, "the sentence the assertion comes from")
DATE_VALUE = Column("date", pa.string(), True,
                    "TIMEX3 value of the date in the same clause or timeline entry")
DATE_START = Column("date_start", pa.date32(), True,
                    "first day of the calendar span the date value covers (null when it has unresolved X parts or none)")
DATE_END = Column("date_end", pa.date32(), True, "last day of that span, inclusive (\"2012-09\" → 2012-09-30)")
RULE = Column("rule", LABEL, False,
              "the rule that produced the row (a pattern or rule id; `+`-joined when a later rule changed it)")

TABLE_LIST = (
    Table("documents", "one row per input article (duplicates by content are one row)", (
        DOC_ID,
        SOURCE_PATH,
        Column("duplicate_paths", pa.list_(pa.string()), True, "other paths under IN with the same content"),
        Column("title", pa.string(), True, "headline as found on the page, or from a metadata sidecar"),
        Column("publisher", pa.string(), True,
               "site or paper named on the page (`X | Homepage`, a first-line masthead, `From X`, a copyright "
               "line), or from a sidecar"),
        Column("published", pa.date32(), True,
               "publication date: from the dateline (day-first), overridden by a metadata sidecar"),
        Column("published_text", pa.string(), True, "the dateline's date as written"),
        Column("published_source", LABEL, True,
               "where the publication date comes from; null when there is none", PUBLISHED_SOURCES),
        Column("published_time", pa.time32("ms"), True,  # (Parquet has no time in seconds: milliseconds, always whole seconds)
               "the publication's clock time, to the second, as the page writes it beside the date (`11:03 PM` is 23:03:00), "
               "on the page's own clock, like `published`; from the same place as `published` "
               "(`published_source`: the dateline, or the HTML page's declared timestamp); null when none is written "
               "or a sidecar gave the date"),
        Column("published_utc_offset", pa.int16(), True,
               "minutes east of UTC of `published_time` (`CST` is -360, `ET` in summer -240): only when the page "
               "writes a zone beside the time or the HTML page's declared timestamp has an offset, else null; "
               "`published` + `published_time` - this offset is the publication instant in UTC"),
        Column("author", pa.string(), True, "the article's author(s) as the page names them (HTML input), else null"),
        Column("url", pa.string(), True, "the page's canonical address (HTML input, or a sidecar's url), else null"),
        Column("input_format", LABEL, False, "how the input file was read: a page saved as text, or a saved web page",
               ("txt", "html")),
        Column("language", pa.string(), True,
               "the page's language as a BCP 47 tag ('en-GB') from og:locale or <html lang>, else null"),
        Column("text", pa.string(), False,
               "the decoded article (BOM removed, newlines normalized to \\n); every offset in every table "
               "indexes this string"),
        Column("body_start", pa.int32(), False, "start of the article (its headline) in `text`"),
        Column("body_end", pa.int32(), False,
               "end of the last line of article prose in `text`; page furniture lies outside "
               "body_start..body_end"),
        Column("n_tokens", pa.int32(), False, "non-space spaCy tokens in the body"),
        Column("pipeline_version", pa.string(), False,
               "package version + model + spaCy + hashes of patterns/ and the code: outputs with different "
               "versions may differ"),
        Column("extra", pa.string(), True,
               "every sidecar field the pipeline does not read, as a JSON object (`json.loads` it); null when none"),
        Column("warnings", pa.list_(pa.string()), True,
               "what the reader had to repair or guess (invalid UTF-8 bytes replaced, an encoding detected); null "
               "for a clean UTF-8 file"),
    ), key=("doc_id",)),
    Table("mentions", "one row per PERSON, ROLE, ORG, RATING or DATE mention in an article body", (
        DOC_ID,
        MENTION_ID,
        Column("label", LABEL, False, "the mention's kind", LABELS),
        MENTION_TEXT,
        START, END,
        Column("sentence_id", pa.int32(), False,
               "index of the sentence in the article body (0-based; paragraph breaks are sentence breaks)"),
        Column("normalized", pa.string(), True,
               "PERSON: canonical name without honorific; ROLE: normalized role; RATING: rating value; DATE: "
               "TIMEX3 value; ORG: the name with whitespace collapsed"),
        PERSON_ID.but(meaning="PERSON mentions: the person's id (see people)"),
        ORG_ID.but(meaning="ORG mentions: the organisation the mention resolves to in its article; ROLE and RATING "
                           "mentions: the organisation of the role or the rated body, when known (see organizations)"),
        Column("source", LABEL, False,
               "what produced the mention: a pattern id from patterns/*.jsonl or `model:ner`, then `+rule:<name>` "
               "for each cleaning rule that relabelled or trimmed it (mention_rules)"),
    ), key=("mention_id",)),
    Table("people", "one row per person across the whole output", (
        PERSON_ID.but(nullable=False),
        Column("name", pa.string(), False, "canonical name (fullest form in the articles, no honorific)"),
        Column("honorific", pa.string(), True, "the honorific most often used before the name (Mr, Sir, Cllr ...)"),
        Column("given_name", pa.string(), True, "all words of the name but the family name"),
        Column("family_name", pa.string(), True, "last word of the name (with particles such as 'de', 'van')"),
        Column("aliases", pa.list_(pa.string()), True, "other forms seen (bare family name, with honorific ...)"),
        Column("n_documents", pa.int32(), False, "documents the person is mentioned in"),
        Column("n_mentions", pa.int32(), False, "PERSON mentions resolved to this person"),
    ), key=("person_id",), merged_by_runner=True),
    Table("organizations", "one row per organisation across the whole output", (
        ORG_ID.but(nullable=False),
        Column("name", pa.string(), False,
               "canonical name: the fullest form in the articles (\"Elmbury City Council\", never \"the council\")"),
        Column("kind", LABEL, False, "what kind of body, from the name's head word (patterns/lexicon/org_kind_*.json)",
               ORG_KINDS),
        Column("aliases", pa.list_(pa.string()), True, "other forms of ORG mentions resolved to it (\"BCC\", \"Elmbury\")"),
        Column("n_documents", pa.int32(), False, "documents the organisation is mentioned in"),
        Column("n_mentions", pa.int32(), False, "mentions (ORG, and ROLE/RATING of it) carrying its org_id"),
    ), key=("org_id",), merged_by_runner=True),
    Table("roles", "one row per person-role assertion in an article", (
        DOC_ID, PERSON_ID,
        Column("person", pa.string(), True, "canonical name of the person"),
        ROLE,
        Column("role_text", pa.string(), False, "the role as written"),
        Column("qualifier", LABEL, True, "former, interim, acting, transitional, new, ... when written before the title",
               tuple(words("role_qualifiers"))),
        Column("organization", pa.string(), True, "organisation named by a possessive before the title (`Elmbury's`)"),
        Column("event", LABEL, True, "appointed, left or holds", EVENTS),
        DATE_VALUE, EVIDENCE, EVIDENCE_START, EVIDENCE_END, RULE,
        Column("person_mention_id", pa.string(), True, "mention_id of the PERSON mention"),
        Column("role_mention_id", pa.string(), True, "mention_id of the ROLE mention"),
        DATE_START, DATE_END,
        ORG_ID.but(meaning="the organisation of the office (`organization` resolved in the article), when known"),
    )),
    Table("ratings", "one row per rating assertion in an article", (
        DOC_ID,
        Column("rating", LABEL, True, "the rating value", RATING_VALUES),
        Column("scheme", LABEL, False, "the rating scheme (patterns/rating_schemes.json): from the inspectorate, "
               "else from the value (stars), else other", scheme_names()),
        Column("rank", pa.int8(), True, "position of the grade in its scheme, 1 = best (outstanding, or the "
               "scheme's most stars); compare ranks within one scheme"),
        Column("rating_text", pa.string(), False, "the rating words as written"),
        Column("subject", pa.string(), True, "what was rated, as written"),
        Column("rated_by", pa.string(), True, "the inspectorate named in the sentence (Ofsted, CQC ...)"),
        Column("aspect", pa.string(), True, "the judgement area, when named"),
        DATE_VALUE,
        Column("negated", pa.bool_(), False, "the text says the rating was not given or was avoided"),
        Column("hypothetical", pa.bool_(), False, "the rating is conditional, expected or feared"),
        EVIDENCE, EVIDENCE_START, EVIDENCE_END,
        RULE.but(meaning="how the row was made: `rating_mention`, then where the subject and the inspectorate "
                         "came from (`subject:parse|previous|none`, `rated_by:sentence|previous|none`)"),
        Column("rating_mention_id", pa.string(), True, "mention_id of the RATING mention"),
        Column("rating_start", pa.int32(), True, "start offset of the rating words"),
        Column("rating_end", pa.int32(), True, "end offset of the rating words"),
        DATE_START, DATE_END,
        Column("subject_org_id", pa.string(), True,
               "org_id of the rated organisation: a name the subject holds, its possessive owner, or the one "
               "organisation of the subject's kind in the article (\"the trust\")"),
        Column("rated_by_org_id", pa.string(), True, "org_id of the inspectorate (`rated_by` resolved in the article)"),
    )),
    Table("dates", "one row per date expression in an article body", (
        DOC_ID, MENTION_ID, MENTION_TEXT, START, END,
        Column("value", pa.string(), True,
               "TIMEX3-style value (2012-10-19, 2012-W42, 2012-09, 2012-Q3, 2012-H1, 2012-SU, 2012, 201X, "
               "2002/2005); X for unknown parts; null when wholly relative with no publication date"),
        Column("granularity", LABEL, True, "the value's unit; null when there is no value", GRANULARITIES),
        Column("anchored", pa.bool_(), False,
               "the value was resolved against the publication date (false for absolute dates, and for "
               "anaphoric ones like \"the following year\", which count from another date in the text, D46)"),
        RULE.but(meaning="the grammar rule that gave the value (`grammar:<rule>`, `dateparser`, `anaphoric`), "
                         "or `none`"),
        DATE_START, DATE_END,
    ), key=("mention_id",)),
    Table("quotes", "one row per quoted paragraph", (
        DOC_ID, PERSON_ID,
        Column("speaker", pa.string(), True, "canonical name of the speaker, or the unnamed source as written"),
        Column("quote", pa.string(), False, "the quoted words, without the outer quote marks"),
        START, END,
        Column("cue", LABEL, True, "the attribution verb (said, added, told ...)"),
        ROLE.but(nullable=True, meaning="the speaker's role in the article, normalized"),
        RULE.but(meaning="how the speaker was found (`cue_after`, `cue_before`, `signature`, `previous_quote` "
                         "...), or `unattributed`"),
    )),
    Table("rejected", "one row per input file that could not be processed", (
        SOURCE_PATH.but(meaning="path of the file relative to IN"),
        Column("reason", LABEL, False, "why the file was refused (docs/pipeline.md lists what each reason means)", REJECT_REASONS),
        Column("detail", pa.string(), True, "a sentence saying what was wrong"),
    )),
)

TABLE_DEFS: dict[str, Table] = {t.name: t for t in TABLE_LIST}
#: The Arrow schema of every table, for the writer.
TABLES: dict[str, pa.Schema] = {t.name: t.schema for t in TABLE_LIST}


def empty_rows() -> dict[str, list[dict]]:
    """A fresh row collector with one list per table."""
    return {name: [] for name in TABLES}


# -- checking rows ------------------------------------------------------------------------------

def _python_check(type_: pa.DataType):
    """A predicate for a Python value of an Arrow type (the values the per-article code builds)."""
    if pa.types.is_string(type_) or pa.types.is_dictionary(type_):
        return lambda v: isinstance(v, str)
    if pa.types.is_integer(type_):
        return lambda v: isinstance(v, int) and not isinstance(v, bool)
    if pa.types.is_boolean(type_):
        return lambda v: isinstance(v, bool)
    if pa.types.is_date(type_):
        return lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime)
    if pa.types.is_time(type_):  # the project's times are whole seconds (Parquet stores them in ms)
        return lambda v: isinstance(v, dt.time) and v.tzinfo is None and v.microsecond == 0
    if pa.types.is_list(type_):
        inner = _python_check(type_.value_type)
        return lambda v: isinstance(v, (list, tuple)) and all(inner(i) for i in v)
    return lambda v: True


INT32_MAX = 2**31 - 1
INT16_MAX = 2**15 - 1


def _int_limit(type_: pa.DataType) -> int | None:
    """The largest magnitude a narrow integer column holds (None: no check beyond the type)."""
    return INT32_MAX if pa.types.is_int32(type_) else INT16_MAX if pa.types.is_int16(type_) else None


# per table, each column with its type test, allowed values and integer limit, decided once
_CHECKS = {t.name: [(c, _python_check(c.type), frozenset(c.values) if c.values else None, _int_limit(c.type))
                    for c in t.columns]
           for t in TABLE_LIST}
_NAMES = {t.name: frozenset(c.name for c in t.columns) for t in TABLE_LIST}


def validate_rows(rows: dict[str, list[dict]], tables: tuple[str, ...] | None = None) -> list[str]:
    """What is wrong with a set of rows, one line per problem (empty: nothing). Unknown tables and
    keys, missing required values, wrong types and values outside a column's allowed set are all
    problems: a misspelled key would otherwise become a silent null column."""
    problems = []
    for table, table_rows in rows.items():
        if table not in TABLE_DEFS:
            problems.append(f"unknown table {table!r}")
            continue
        if tables is not None and table not in tables:
            continue
        for i, row in enumerate(table_rows):
            unknown = set(row) - _NAMES[table]
            if unknown:
                problems.append(f"{table} row {i}: unknown column(s) {', '.join(sorted(unknown))}")
            for column, check, allowed, limit in _CHECKS[table]:
                value = row.get(column.name)
                if value is None:
                    if not column.nullable:
                        problems.append(f"{table} row {i}: {column.name} is required")
                elif not check(value):
                    problems.append(f"{table} row {i}: {column.name}={value!r} is not {column.type}")
                elif allowed is not None and value not in allowed:
                    problems.append(f"{table} row {i}: {column.name}={value!r} is not one of its values")
                elif limit is not None and not -limit <= value <= limit:
                    problems.append(f"{table} row {i}: {column.name}={value} is out of {column.type} range")
    return problems


def article_tables() -> tuple[str, ...]:
    """Tables whose rows the per-article function emits complete (people are merged later)."""
    return tuple(t.name for t in TABLE_LIST if not t.merged_by_runner)


# -- the docs -----------------------------------------------------------------------------------

def _type_name(type_: pa.DataType) -> str:
    return "dictionary<string>" if pa.types.is_dictionary(type_) else str(type_)


def render_markdown() -> str:
    """docs/schema.md."""
    out = ["# Tables", "",
           "Generated from `pipeline/schema.py` by `python -m pipeline.schema > docs/schema.md`; do not edit by hand",
           "(tests/test_schema.py fails when the two differ). Every table is written on every run, even when empty,",
           "with this schema; a run's tables replace the previous run's all at once (docs/pipeline.md, \"Output",
           "folder\"). `dictionary<string>` columns load as pandas categoricals. Offsets are character",
           "offsets into `documents.text`: `text[start_char:end_char]` is the row's text. Each article's rows are",
           "checked against these definitions inside the per-article function; an article whose rows do not fit",
           "is rejected (`invalid_rows`) with the first problem as its detail, and the run goes on.", ""]
    for table in TABLE_LIST:
        out += [f"## {table.name}", "", f"{table.grain}." + (f" Key: {', '.join(table.key)}." if table.key else ""), "",
                "| column | type | null | meaning | values |", "| --- | --- | --- | --- | --- |"]
        for c in table.columns:
            values = ", ".join(c.values) if c.values else ""
            meaning = c.meaning.replace("|", "\\|")
            out.append(f"| {c.name} | {_type_name(c.type)} | {'yes' if c.nullable else 'no'} | {meaning} | {values} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(render_markdown())
