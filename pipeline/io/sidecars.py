"""Sidecar metadata: `metadata.csv` in any folder and `<name>.meta.json` beside an article. What a
sidecar says overrides what the page says (publication date, title, publisher, url)."""
from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path

from ..dates.datelines import find_date
from ..extract.metadata import ArticleMetadata
from .inputs import SourceFile

METADATA_CSV = "metadata.csv"
METADATA_SUFFIX = ".meta.json"


def is_sidecar(name: str) -> bool:
    return name == METADATA_CSV or name.endswith(METADATA_SUFFIX)


def load_metadata(in_dir: Path, articles: list[SourceFile]) -> tuple[dict[str, ArticleMetadata], list[dict]]:
    """Sidecar metadata by article path: `metadata.csv` (column `path` relative to its folder, plus
    any of published, title, publisher, url) and `<name>.meta.json` beside an article."""
    found: dict[str, ArticleMetadata] = {}
    problems = []
    for table in sorted(in_dir.rglob(METADATA_CSV)):
        base = table.parent.relative_to(in_dir)
        try:
            with table.open(encoding="utf-8-sig", newline="") as handle:
                for row in csv.DictReader(handle):
                    rel = (base / (row.get("path") or row.get("file") or "")).as_posix()
                    found[rel] = _metadata_from(row)
        except (OSError, csv.Error, UnicodeDecodeError, ValueError) as exc:
            problems.append({"source_path": table.relative_to(in_dir).as_posix(), "reason": "bad_metadata",
                             "detail": str(exc)})
    for art in articles:
        side = art.path.with_name(art.path.name[:-len(art.path.suffix)] + METADATA_SUFFIX)
        if side.exists():
            try:
                found[art.relative_path] = _metadata_from(json.loads(side.read_text(encoding="utf-8")))
            except (OSError, ValueError) as exc:
                problems.append({"source_path": side.relative_to(in_dir).as_posix(), "reason": "bad_metadata",
                                 "detail": str(exc)})
    return found, problems


def _metadata_from(row: dict) -> ArticleMetadata:
    published = None
    raw = (row.get("published") or "").strip()
    if raw:
        try:
            published = dt.date.fromisoformat(raw[:10])
        except ValueError:
            hit = find_date(raw)
            if not hit:
                raise ValueError(f"published {raw!r} is not a date (use YYYY-MM-DD)") from None
            published = hit[0]
    clean = {k: (v.strip() if isinstance(v, str) and v.strip() else None) for k, v in row.items()}
    return ArticleMetadata(published=published, title=clean.get("title"), publisher=clean.get("publisher"),
                           url=clean.get("url"), author=clean.get("author"), language=clean.get("language"))


def metadata_to_json(metadata: ArticleMetadata | None) -> str | None:
    return None if metadata is None else json.dumps(asdict(metadata), default=str, sort_keys=True)


def metadata_from_json(text: str | None) -> ArticleMetadata | None:
    if text is None:
        return None
    record = json.loads(text)
    if record.get("published"):
        record["published"] = dt.date.fromisoformat(record["published"])
    return ArticleMetadata(**record)
