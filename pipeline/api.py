"""The Python API: texts or a folder in, typed DataFrames or an output folder out.

    from pipeline import extract_texts, extract_folder, load

    tables = extract_texts(["Ofsted rated the council inadequate, its chief executive Jane Roe said."])
    tables.ratings[["rating", "scheme", "rank"]]
    extract_folder("articles/", "out/")
    tables = load("out/")              # one run's tables, typed for pandas

Typed means: publication dates and date spans are pandas datetimes; label columns are categoricals
with the schema's fixed categories (so two outputs concatenate without turning them into strings);
`rating` is an ordered categorical (worst to best within the Ofsted/CQC ladder, then stars), and
list columns hold Python lists.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from .schema import RATING_VALUES, TABLE_DEFS, TABLES, empty_rows

#: The order `rating` sorts in (worst first, so `max()` is the best grade): the word grades, then stars.
RATING_ORDER = ("inadequate", "requires improvement", "adequate", "good", "outstanding",
                "zero stars", "one star", "two stars", "three stars", "four stars", "five stars")
assert set(RATING_ORDER) == set(RATING_VALUES)


class Tables(dict):
    """Table name → DataFrame, also reachable as attributes (`tables.mentions`)."""

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"no table {name!r}; tables: {', '.join(self)}") from None

    def __dir__(self):
        return [*super().__dir__(), *self]


def typed(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """One table with the dtypes an analyst expects (see the module docstring)."""
    table = TABLE_DEFS[name]
    frame = frame.copy()
    for column in table.columns:
        if column.name not in frame:
            continue
        kind = str(column.type)
        if kind.startswith("date32"):
            frame[column.name] = pd.to_datetime(frame[column.name])
        elif kind.startswith("list"):
            frame[column.name] = [list(v) if v is not None else [] for v in frame[column.name]]
        elif kind.startswith("dictionary"):
            if column.name == "rating":
                frame[column.name] = pd.Categorical(frame[column.name], categories=RATING_ORDER, ordered=True)
            elif column.values:
                frame[column.name] = pd.Categorical(frame[column.name], categories=list(column.values))
            else:
                frame[column.name] = frame[column.name].astype("category")
    return frame


def load(out_dir: str | Path, verify: bool = False) -> Tables:
    """The tables of one run in OUT (never a mix of two runs), typed. `verify` also checks every
    file against the run's manifest (hashes and row counts)."""
    from .io.tables import read_tables

    frames = read_tables(Path(out_dir), verify=verify)
    return Tables({name: typed(name, frame) for name, frame in frames.items()})


def _items(texts, metadata) -> list[tuple[str, bytes, object]]:
    """(source_path, bytes, ArticleMetadata) for each text: a string, a (name, text) pair, or a
    mapping with `text` and optional `id`, `published`, `title`, `publisher`, `url`."""
    from .extract.metadata import ArticleMetadata

    items = []
    for i, item in enumerate(texts):
        name, meta = f"text-{i:06d}", None
        if isinstance(item, str):
            text = item
        elif isinstance(item, Mapping):
            text, name = item["text"], str(item.get("id", name))
            fields = {k: item.get(k) for k in ("published", "title", "publisher", "url") if item.get(k) is not None}
            if isinstance(fields.get("published"), str):
                fields["published"] = dt.date.fromisoformat(fields["published"][:10])
            meta = ArticleMetadata(**fields) if fields else None
        else:
            name, text = item
        if metadata is not None:
            meta = metadata[i] if not isinstance(metadata, Mapping) else metadata.get(name, meta)
        items.append((name, text.encode("utf-8"), meta))
    return items


def extract_texts(texts: Iterable, metadata=None, model: str | None = None, batch_size: int = 16) -> Tables:
    """Extract from texts in memory, in this process; returns typed DataFrames, one per table.

    `texts`: strings, (name, text) pairs, or dicts with `text` (and `id`, `published`, ...);
    `metadata`: optional ArticleMetadata per text (a list, or a dict by name)."""
    from .extract.organizations import OrganizationMerger
    from .extract.people import PeopleMerger
    from .io.writer import to_arrow
    from .nlp.build import get_pipeline
    from .run.workers import safe_process_batch

    items = _items(texts, metadata)
    get_pipeline(model)
    rows, people, organizations = empty_rows(), PeopleMerger(), OrganizationMerger()
    for start in range(0, len(items), batch_size):
        for article in safe_process_batch(items[start:start + batch_size], model):
            for partial in article.get("people", []):
                people.add(partial)
            for partial in article.get("organizations", []):
                organizations.add(partial)
            for name, table_rows in article.items():
                if name not in ("people", "organizations"):
                    rows[name].extend(table_rows)
    rows["people"], rows["organizations"] = people.rows(), organizations.rows()
    return Tables({name: typed(name, to_arrow(name, rows[name]).to_pandas()) for name in TABLES})


def extract_folder(in_dir: str | Path, out_dir: str | Path, **options):
    """`make extract` from Python: IN → tables in OUT (incremental; options as `pipeline.run.runner.run`:
    workers, model, prune, rebuild). Progress bars only on a terminal. Returns the run's Summary."""
    import sys

    from .run.runner import run

    options.setdefault("progress", sys.stderr.isatty())
    return run(Path(in_dir), Path(out_dir), **options)
