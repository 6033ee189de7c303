"""Evaluation reports on disk: one JSON writer for every evaluator, atomic (a reader never sees half
a report, and an interrupted run leaves the previous one)."""
from __future__ import annotations

import json
from pathlib import Path


def write_json(data, path: str | Path) -> Path:
    """`data` as indented UTF-8 JSON at `path` (folders made), via a temporary file and a rename.
    Values JSON cannot hold (dates, paths) are written as their text."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    tmp.replace(path)
    return path
