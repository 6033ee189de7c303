"""Every output table, defined once: name, Arrow schema, and what one row means.

A column means the same thing in every table (doc_id, start_char, end_char, person_id ...), and the
writer and the docs both read from here, so the contract cannot drift between code and docs.
Label-like columns are dictionary-encoded: small on disk, categorical in pandas.
"""
from __future__ import annotations

import pyarrow as pa

LABEL = pa.dictionary(pa.int32(), pa.string())

# Columns shared by several tables.
DOC_ID = pa.field("doc_id", pa.string(), nullable=False)
START = pa.field("start_char", pa.int32(), nullable=False)
END = pa.field("end_char", pa.int32(), nullable=False)
PERSON_ID = pa.field("person_id", pa.string())
EVIDENCE = pa.field("evidence", pa.string())
RULE = pa.field("rule", LABEL)
DATE_VALUE = pa.field("date", pa.string())

TABLES: dict[str, pa.Schema] = {
    "documents": pa.schema([
        DOC_ID,
        pa.field("source_path", pa.string(), nullable=False),
        pa.field("duplicate_paths", pa.list_(pa.string())),
        pa.field("title", pa.string()),
        pa.field("publisher", pa.string()),
        pa.field("published", pa.date32()),
        pa.field("published_text", pa.string()),
        pa.field("published_source", LABEL),
        pa.field("text", pa.string(), nullable=False),
        pa.field("body_start", pa.int32(), nullable=False),
        pa.field("body_end", pa.int32(), nullable=False),
        pa.field("n_tokens", pa.int32(), nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
    ]),
    "mentions": pa.schema([
        DOC_ID,
        pa.field("mention_id", pa.string(), nullable=False),
        pa.field("label", LABEL),
        pa.field("text", pa.string(), nullable=False),
        START, END,
        pa.field("sentence_id", pa.int32(), nullable=False),
        pa.field("normalized", pa.string()),
        PERSON_ID,
        pa.field("source", LABEL),
    ]),
    "people": pa.schema([
        PERSON_ID,
        pa.field("name", pa.string(), nullable=False),
        pa.field("honorific", pa.string()),
        pa.field("given_name", pa.string()),
        pa.field("family_name", pa.string()),
        pa.field("aliases", pa.list_(pa.string())),
        pa.field("n_documents", pa.int32(), nullable=False),
        pa.field("n_mentions", pa.int32(), nullable=False),
    ]),
    "roles": pa.schema([
        DOC_ID, PERSON_ID,
        pa.field("person", pa.string()),
        pa.field("role", pa.string(), nullable=False),
        pa.field("role_text", pa.string(), nullable=False),
        pa.field("qualifier", LABEL),
        pa.field("organization", pa.string()),
        pa.field("event", LABEL),
        DATE_VALUE, EVIDENCE, START, END, RULE,
        pa.field("person_mention_id", pa.string()),
        pa.field("role_mention_id", pa.string()),
    ]),
    "ratings": pa.schema([
        DOC_ID,
        pa.field("rating", LABEL),
        pa.field("rating_text", pa.string(), nullable=False),
        pa.field("subject", pa.string()),
        pa.field("rated_by", pa.string()),
        pa.field("aspect", pa.string()),
        DATE_VALUE,
        pa.field("negated", pa.bool_(), nullable=False),
        pa.field("hypothetical", pa.bool_(), nullable=False),
        EVIDENCE, START, END, RULE,
        pa.field("rating_mention_id", pa.string()),
        pa.field("rating_start", pa.int32()),
        pa.field("rating_end", pa.int32()),
    ]),
    "dates": pa.schema([
        DOC_ID,
        pa.field("mention_id", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        START, END,
        pa.field("value", pa.string()),
        pa.field("granularity", LABEL),
        pa.field("anchored", pa.bool_(), nullable=False),
    ]),
    "quotes": pa.schema([
        DOC_ID, PERSON_ID,
        pa.field("speaker", pa.string()),
        pa.field("quote", pa.string(), nullable=False),
        START, END,
        pa.field("cue", LABEL),
        pa.field("role", pa.string()),
        RULE,  # meaning: the attribution rule that named the speaker (after, before+subject, continued, dash, ...)
    ]),
    "rejected": pa.schema([
        pa.field("source_path", pa.string(), nullable=False),
        pa.field("reason", LABEL),
        pa.field("detail", pa.string()),
    ]),
}

#: One line per table for the README and `--help`.
DESCRIPTIONS = {
    "documents": "one row per input article (duplicates by content are one row)",
    "mentions": "one row per PERSON, ROLE, ORG, RATING or DATE mention in an article body",
    "people": "one row per person across the whole output",
    "roles": "one row per person-role assertion in an article",
    "ratings": "one row per rating assertion in an article",
    "dates": "one row per date expression in an article body",
    "quotes": "one row per quoted paragraph",
    "rejected": "one row per input file that could not be processed",
}


def empty_rows() -> dict[str, list[dict]]:
    """A fresh row collector with one list per table."""
    return {name: [] for name in TABLES}
