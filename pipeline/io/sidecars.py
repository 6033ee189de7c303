"""Sidecar metadata: `metadata.csv` in any folder and `<name>.meta.json` beside an article. What a
sidecar says overrides what the page says (publication date, title, publisher, url)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
from dataclasses import asdict, replace
from pathlib import Path

from ..dates.datelines import find_date
from ..dates.order import parse_date_order
from ..extract.metadata import ArticleMetadata
from .inputs import MAX_TABLE_BYTES, RejectedInput, SourceFile, decode, display_path, read_input

log = logging.getLogger(__name__)

METADATA_CSV = "metadata.csv"
METADATA_SUFFIX = ".meta.json"


def is_sidecar(name: str) -> bool:
    return name == METADATA_CSV or name.endswith(METADATA_SUFFIX)


#: Publication dates outside these years are refused as bad metadata: date arithmetic relative to
#: them (next year, in ten days) would leave the calendar, and no news article is dated so.
MIN_YEAR, MAX_YEAR = 1000, 3000


def load_metadata(in_dir: Path, articles: list[SourceFile]) -> tuple[dict[str, ArticleMetadata], list[dict]]:
    """Sidecar metadata by article path: `metadata.csv` (column `path` relative to its folder, plus
    any of published, title, publisher, url, date_order or locale) and `<name>.meta.json` beside an
    article.

    Each bad sidecar, and each bad row of a metadata.csv, is one `bad_metadata` row in `rejected`
    (the article is then processed with what its page says); the other rows and sidecars count."""
    found: dict[str, ArticleMetadata] = {}
    problems = []
    for table in sorted(in_dir.rglob(METADATA_CSV)):
        base = table.parent.relative_to(in_dir)
        where = display_path(table.relative_to(in_dir).as_posix())
        try:
            text = decode(read_input(table, MAX_TABLE_BYTES), prose=False, limit=MAX_TABLE_BYTES)
        except (OSError, RejectedInput) as exc:
            problems.append(_problem(where, f"{getattr(exc, 'detail', None) or exc}"))
            continue
        reader = csv.DictReader(io.StringIO(text, newline=""))
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:  # a malformed line: that line alone
                problems.append(_problem(where, f"line {reader.line_num}: {exc}"))
                continue
            rel = (base / (row.get("path") or row.get("file") or "")).as_posix()
            try:
                found[rel] = _metadata_from(row)
            except ValueError as exc:
                problems.append(_problem(where, f"line {reader.line_num} ({rel}): {exc}"))
    for art in articles:
        side = art.path.with_name(art.path.name[:-len(art.path.suffix)] + METADATA_SUFFIX)
        if side.exists():
            where = display_path(side.relative_to(in_dir).as_posix())
            try:
                record = json.loads(decode(read_input(side), prose=False))
                if not isinstance(record, dict):
                    raise ValueError(f"a sidecar must be a JSON object, not {_json_type(record)}")
                metadata = _metadata_from(record)
                earlier = found.get(art.relative_path)
                if earlier is not None:
                    if _disagree(earlier, metadata):
                        log.warning("%s: its metadata.csv row and %s disagree; %s wins where both give a "
                                    "field", art.relative_path, where, where)
                    metadata = _merged(earlier, metadata)
                found[art.relative_path] = metadata
            except (OSError, ValueError, RecursionError) as exc:
                problems.append(_problem(where, str(exc)))
            except RejectedInput as exc:
                problems.append(_problem(where, exc.detail))
    return found, problems


def _problem(source_path: str, detail: str) -> dict:
    return {"source_path": source_path, "reason": "bad_metadata", "detail": " ".join(detail.split())}


def _json_type(value) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number")


def _metadata_from(row: dict) -> ArticleMetadata:
    published = None
    raw = row.get("published")
    if raw is not None and not isinstance(raw, str):
        raise ValueError(f"published must be a date as text (YYYY-MM-DD), not {_json_type(raw)}")
    raw = (raw or "").strip()
    if raw:
        try:
            published = dt.date.fromisoformat(raw[:10])
        except ValueError:
            hit = find_date(raw)
            if not hit:
                raise ValueError(f"published {raw[:40]!r} is not a date (use YYYY-MM-DD)") from None
            published = hit[0]
        if not MIN_YEAR <= published.year <= MAX_YEAR:
            raise ValueError(f"published {raw[:40]!r} is outside the years {MIN_YEAR}-{MAX_YEAR}")
    clean = {k: (v.strip() if isinstance(v, str) and v.strip() else None) for k, v in row.items()
             if isinstance(k, str)}
    date_order = parse_date_order(clean.get("date_order") or clean.get("locale"))  # BadDateOrder is a ValueError
    extra = {k: v for k, v in row.items() if isinstance(k, str) and k not in KNOWN_FIELDS and v not in (None, "")}
    return ArticleMetadata(published=published, title=clean.get("title"), publisher=clean.get("publisher"),
                           url=clean.get("url"), author=clean.get("author"), language=clean.get("language"),
                           date_order=date_order, extra=extra)


#: The sidecar fields the pipeline reads; any other field is kept as it is in `documents.extra`.
KNOWN_FIELDS = frozenset({"path", "file", "published", "title", "publisher", "url", "author", "language",
                          "date_order", "locale"})


def _merged(csv_row: ArticleMetadata, sidecar: ArticleMetadata) -> ArticleMetadata:
    """Both sidecars' fields; the `.meta.json` beside the article wins where both give one."""
    fields = {k: v for k, v in asdict(sidecar).items() if v not in (None, {})}
    fields["extra"] = {**csv_row.extra, **sidecar.extra}
    return replace(csv_row, **fields)


def _disagree(a: ArticleMetadata, b: ArticleMetadata) -> bool:
    """Two sidecars for one article that give different values for the same field."""
    first, second = asdict(a), asdict(b)
    return any(first[k] not in (None, {}) and second[k] not in (None, {}) and first[k] != second[k] for k in first)


def metadata_to_json(metadata: ArticleMetadata | None) -> str | None:
    return None if metadata is None else json.dumps(asdict(metadata), default=str, sort_keys=True)


def metadata_from_json(text: str | None) -> ArticleMetadata | None:
    if text is None:
        return None
    record = json.loads(text)
    if record.get("published"):
        record["published"] = dt.date.fromisoformat(record["published"])
    return ArticleMetadata(**record)
