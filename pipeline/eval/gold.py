"""Load and validate gold annotations (format: docs/gold-format.md).

`python -m pipeline.eval.gold PATH...` validates files or folders and prints one line per problem, so
annotators can check their work before committing it.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .. import schema
from ..io.inputs import decode

# The gold uses the output's own vocabularies (pipeline/schema.py), so the two cannot disagree.
ENTITY_LABELS = schema.LABELS
SPAN_LABELS = ENTITY_LABELS + ("QUOTE", "SUBJECT")
RATING_VALUES = set(schema.RATING_VALUES)
GRANULARITIES = set(schema.GRANULARITIES)
EVENTS = set(schema.EVENTS)
REQUIRED_KEYS = {
    "PERSON": ("canonical",),
    "ROLE": ("normalized", "qualifier", "organization"),
    "RATING": ("value", "negated", "hypothetical", "subject", "rated_by", "aspect", "date"),
    "DATE": ("value", "granularity"),
    "QUOTE": ("speaker", "person"),
}
META_KEYS = ("id", "source_path", "split", "origin", "title", "publisher", "published", "published_text",
             "body_start", "body_end")


@dataclass
class GoldDoc:
    """One annotated article."""

    text: str
    meta: dict
    spans: list[dict]
    relations: list[dict]
    path: Path | None = None
    by_id: dict = field(default_factory=dict)

    @property
    def split(self) -> str:
        return self.meta.get("split", "dev")


def gold_files(root: Path) -> list[Path]:
    root = Path(root)
    return sorted(root.glob("*.jsonl")) if root.is_dir() else [root]


def load_gold(root: Path) -> list[GoldDoc]:
    """Every gold record under `root` (a folder of *.jsonl or one file)."""
    docs = []
    for path in gold_files(root):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                docs.append(_to_doc(json.loads(line), path))
    return docs


def _to_doc(rec: dict, path: Path | None) -> GoldDoc:
    doc = GoldDoc(rec["text"], rec.get("meta", {}), rec.get("spans", []), rec.get("relations", []), path)
    doc.by_id = {s["id"]: s for s in doc.spans if "id" in s}
    for rel in doc.relations:  # Prodigy's shape, derived from the ids
        for end in ("head", "child"):
            span = doc.by_id.get(rel.get(end))
            rel[f"{end}_span"] = ({"start": span["start"], "end": span["end"], "label": span["label"]}
                                  if span else None)
    return doc


def validate(doc: GoldDoc, corpus_root: Path | None = None) -> list[str]:
    """Problems in one record, as readable lines; empty when the record is valid."""
    problems = []
    meta, text = doc.meta, doc.text
    name = meta.get("id", "?")
    for key in META_KEYS:
        if key not in meta:
            problems.append(f"{name}: meta.{key} missing")
    if meta.get("split") not in ("dev", "test"):
        problems.append(f"{name}: meta.split must be dev or test")
    bs, be = meta.get("body_start"), meta.get("body_end")
    if not (isinstance(bs, int) and isinstance(be, int) and 0 <= bs < be <= len(text)):
        problems.append(f"{name}: body_start/body_end invalid")
        bs, be = 0, len(text)
    if corpus_root and meta.get("source_path"):
        src = Path(corpus_root) / meta["source_path"]
        if not src.exists():
            problems.append(f"{name}: source file {src} not found")
        elif decode(src.read_bytes()) != text:
            problems.append(f"{name}: text differs from {src} as decoded")
    seen = set()
    for span in doc.spans:
        sid = span.get("id")
        where = f"{name} span {sid}"
        if not sid or sid in seen:
            problems.append(f"{where}: missing or duplicate id")
        seen.add(sid)
        label = span.get("label")
        if label not in SPAN_LABELS:
            problems.append(f"{where}: unknown label {label}")
            continue
        s, e = span.get("start"), span.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            problems.append(f"{where}: bad offsets {s}-{e}")
            continue
        if text[s:e] != span.get("text"):
            problems.append(f"{where}: text[{s}:{e}]={text[s:e]!r} != {span.get('text')!r}")
        if text[s:e] != text[s:e].strip():
            problems.append(f"{where}: span has surrounding whitespace")
        if not (bs <= s and e <= be):
            problems.append(f"{where}: outside the body span")
        for key in REQUIRED_KEYS.get(label, ()):
            if key not in span:
                problems.append(f"{where}: {label} needs key {key}")
        if label == "RATING":
            if span.get("value") not in RATING_VALUES:
                problems.append(f"{where}: rating value {span.get('value')!r} unknown")
            for key in ("negated", "hypothetical"):
                if not isinstance(span.get(key), bool):
                    problems.append(f"{where}: {key} must be true/false")
        if label == "DATE" and span.get("granularity") not in GRANULARITIES:
            problems.append(f"{where}: granularity {span.get('granularity')!r} unknown")
        if label == "QUOTE" and not isinstance(span.get("person"), bool):
            problems.append(f"{where}: person must be true/false")
    rated = {}
    for i, rel in enumerate(doc.relations):
        where = f"{name} relation {i}"
        label = rel.get("label")
        head, child = doc.by_id.get(rel.get("head")), doc.by_id.get(rel.get("child"))
        if label == "HAS_ROLE":
            if not head or head["label"] != "PERSON" or not child or child["label"] != "ROLE":
                problems.append(f"{where}: HAS_ROLE needs a PERSON head and a ROLE child")
            if rel.get("event") not in EVENTS:
                problems.append(f"{where}: event must be one of {sorted(EVENTS)}")
        elif label == "RATED":
            if not child or child["label"] != "RATING":
                problems.append(f"{where}: RATED needs a RATING child")
            else:
                rated[child["id"]] = rated.get(child["id"], 0) + 1
            if rel.get("head") is not None and (not head or head["label"] not in ("SUBJECT", "ORG")):
                problems.append(f"{where}: RATED head must be a SUBJECT or ORG span, or null")
        else:
            problems.append(f"{where}: unknown relation label {label}")
    for span in doc.spans:
        if span.get("label") == "RATING" and rated.get(span.get("id")) != 1:
            problems.append(f"{name} span {span.get('id')}: RATING needs exactly one RATED relation")
    return problems


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [Path("corpus/gold")]
    problems, n = [], 0
    for root in paths:
        corpus_root = (root if root.is_dir() else root.parent).parent
        for path in gold_files(root):
            try:
                docs = load_gold(path)
            except (ValueError, KeyError) as exc:
                problems.append(f"{path}: unreadable: {exc}")
                continue
            for doc in docs:
                n += 1
                problems += validate(doc, corpus_root)
    for line in problems:
        print(line)
    print(f"gold: {n} records, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
