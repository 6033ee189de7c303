"""`make check` / `news-extract check OUT`: an output folder checked against the project's own
schema (pipeline/schema.py) — every table and column there, with its type; every offset pointing
at its text; every id joining — so the check needs nothing outside the repository."""
from __future__ import annotations

from pathlib import Path

from ..io.tables import OutputError, current_tables
from ..schema import TABLES

#: Tables whose rows are a span of documents.text, and the column that must equal the span.
SPANS = {"mentions": "text", "dates": "text", "quotes": "quote"}
#: Columns holding an org_id, which must join to organizations.
ORG_COLUMNS = {"mentions": ("org_id",), "roles": ("org_id",), "ratings": ("subject_org_id", "rated_by_org_id")}


def check_output(out_dir: Path) -> list[str]:
    """One line per problem (empty: the output is sound)."""
    import pyarrow.parquet as pq

    problems = []
    try:
        paths = current_tables(Path(out_dir), verify=True)
    except OutputError as exc:  # a file that is not what its run wrote: say so, and check what is there
        problems.append(f"manifest: {exc}")
        paths = current_tables(Path(out_dir))
    tables = {}
    for name, schema in TABLES.items():
        if name not in paths:
            problems.append(f"{name}: table missing")
            continue
        table = pq.read_table(paths[name])
        tables[name] = table.to_pandas()
        for field in schema:
            if field.name not in table.schema.names:
                problems.append(f"{name}.{field.name}: column missing")
            elif not table.schema.field(field.name).type.equals(field.type):
                problems.append(f"{name}.{field.name}: type {table.schema.field(field.name).type}, schema says {field.type}")
            elif not field.nullable and table.column(field.name).null_count:
                problems.append(f"{name}.{field.name}: {table.column(field.name).null_count} nulls in a required column")
    if "documents" not in tables:
        return problems
    docs = tables["documents"].set_index("doc_id")
    for row in docs.itertuples():
        if not 0 <= row.body_start <= row.body_end <= len(row.text):
            problems.append(f"documents {row.Index}: body {row.body_start}-{row.body_end} outside the text")
    for name, column in SPANS.items():
        frame = tables.get(name)
        if frame is None:
            continue
        for row in frame.itertuples():
            text = docs.text.get(row.doc_id)
            if text is None:
                problems.append(f"{name}: doc_id {row.doc_id} is in no document")
            elif text[row.start_char:row.end_char] != getattr(row, column):
                problems.append(f"{name} {row.doc_id}@{row.start_char}: {column} is not documents.text[start:end]")
    people = set(tables["people"].person_id) if "people" in tables else set()
    for name in ("mentions", "roles", "quotes"):
        frame = tables.get(name)
        if frame is not None:
            dangling = set(frame.person_id.dropna()) - people
            if dangling:
                problems.append(f"{name}: {len(dangling)} person_id values with no people row")
    orgs = set(tables["organizations"].org_id) if "organizations" in tables else set()
    if "organizations" in tables and tables["organizations"].org_id.duplicated().any():
        problems.append("organizations: duplicate org_id")
    for name, columns in ORG_COLUMNS.items():
        frame = tables.get(name)
        for column in columns:
            if frame is not None and column in frame:
                dangling = set(frame[column].dropna()) - orgs
                if dangling:
                    problems.append(f"{name}.{column}: {len(dangling)} org_id values with no organizations row")
    return problems

