"""TimeML (TempEval-3 TBAQ-cleaned) as an external check of the dates: detection and values.

Each `.tml` file's TEXT is fed through the per-article function (`process_articles`) as a plain
text article, with its creation time (the DCT TIMEX3, functionInDocument="CREATION_TIME") as the
sidecar's publication date. Scored are the gold TIMEX3 of type DATE and TIME whose value is not a
*_REF (PRESENT_REF, PAST_REF, FUTURE_REF); DURATION and SET are not dates in this project's sense.
A pipeline DATE that overlaps only such unscored gold expressions is neither right nor wrong, and
is left out of precision.

Matching: a pipeline DATE and a gold expression match (relaxed) when their character spans
overlap, one to one, the larger overlap first; strict when the spans are equal (after trimming
whitespace). Value accuracy is the share of relaxed matches whose value equals the gold value;
the TempEval-3 value F1 (tools/evaluation-entities/evaluate_entities.py of the TempEval-3
repository) is that accuracy times the relaxed detection F1.

Only the development part is read: a folder named TimeBank (TBAQ-cleaned/TimeBank, 183 articles);
any other folder is refused.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ...extract.metadata import ArticleMetadata
from ..reports import write_json

SCORED_TYPES = ("DATE", "TIME")
DEV_FOLDER = "timebank"  # the development part: the only folder this adapter reads
BATCH = 16


class HeldOutRefused(ValueError):
    pass


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str

    @property
    def scored(self) -> bool:
        return self.type in SCORED_TYPES and not self.value.endswith("_REF") and bool(self.text.strip())


@dataclass
class TimeMLDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)


def read_tml(path: Path) -> TimeMLDoc:
    """The TEXT of a TimeML file with its TIMEX3 offsets into that text, and the creation time."""
    root = ET.parse(path).getroot()
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = t.get("value")
            break
    text_el = root.find("TEXT")
    parts: list[str] = []
    timexes: list[GoldTimex] = []

    def walk(el, inside_text: bool):
        start = sum(map(len, parts))
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child, True)
            if child.tail:
                parts.append(child.tail)
        if el.tag == "TIMEX3" and inside_text:
            end = sum(map(len, parts))
            raw = "".join(parts)[start:end]
            lead = len(raw) - len(raw.lstrip())
            trail = len(raw) - len(raw.rstrip())
            timexes.append(GoldTimex(start + lead, end - trail, raw.strip(), el.get("type", ""), el.get("value", "")))

    if text_el is not None:
        walk(text_el, False)
    return TimeMLDoc(path.stem, "".join(parts), dct, timexes)


def _char_map(source: str, target: str) -> list[int | None]:
    """For each character of `source`, its offset in `target` (the pipeline's document text, which
    may normalise newlines and whitespace): non-space characters are paired in order."""
    if source == target:
        return list(range(len(source)))
    mapping: list[int | None] = [None] * len(source)
    j = 0
    for i, ch in enumerate(source):
        if ch.isspace():
            continue
        while j < len(target) and target[j] != ch:
            j += 1
        if j == len(target):
            break
        mapping[i] = j
        j += 1
    return mapping


def _to_target(mapping: list[int | None], start: int, end: int) -> tuple[int, int] | None:
    inside = [m for m in mapping[start:end] if m is not None]
    return (inside[0], inside[-1] + 1) if inside else None


def _match(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index) of overlapping spans, largest overlap first."""
    pairs = []
    for gi, (gs, ge) in enumerate(gold):
        for si, (ss, se) in enumerate(system):
            overlap = min(ge, se) - max(gs, ss)
            if overlap > 0:
                pairs.append((-overlap, gi, si))
    pairs.sort()
    used_g, used_s, out = set(), set(), []
    for _, gi, si in pairs:
        if gi not in used_g and si not in used_s:
            used_g.add(gi), used_s.add(si)
            out.append((gi, si))
    return out


_X_FILLED = re.compile(r"^\d{1,3}X*$")


def same_value(gold: str, value: str | None) -> bool:
    """Equal values; a decade or century written with or without X fill counts as the same
    value: TimeML writes the 1990s "199" and the 20th century "19", this project "199X" and "19XX"
    (docs/annotation.md)."""
    if value is None:
        return False
    if gold == value:
        return True
    return bool(_X_FILLED.match(gold) and _X_FILLED.match(value)) and gold.rstrip("X") == value.rstrip("X")


def _dct_date(value: str | None):
    import datetime as dt
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)", value or "")
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(path: Path, date_order: str | None = "mdy", limit: int | None = None,
             out: Path | None = None, model: str | None = None) -> dict:
    """Score the pipeline's DATE mentions and values against the TimeML files under `path`.
    `date_order` goes to every article's sidecar metadata (TimeBank is American newswire)."""
    from ...dates.order import parse_date_order
    date_order = parse_date_order(date_order)
    path = Path(path)
    folder = path.resolve() if path.is_dir() else path.resolve().parent
    if folder.name.lower() != DEV_FOLDER:
        raise HeldOutRefused(f"{path}: only the development part (a folder named TimeBank) is scored")
    files = sorted(f for f in path.glob("*.tml") if not f.name.startswith("._")) if path.is_dir() else [path]
    if limit:
        files = files[:limit]
    from ...extract.process import process_articles
    from ...nlp.build import get_pipeline
    nlp = get_pipeline(model) if model else get_pipeline()
    totals = {"gold": 0, "system": 0, "ignored": 0, "relaxed": 0, "strict": 0, "value": 0}
    per_doc, errors, docs = [], [], []
    for f in files:
        try:
            docs.append(read_tml(f))
        except ET.ParseError as exc:  # ._ resource forks and other non-XML files beside the data
            errors.append({"doc": f.name, "kind": "unreadable", "error": str(exc)})
    for b in range(0, len(docs), BATCH):
        batch = docs[b:b + BATCH]
        items = [(d.name + ".txt", d.text.encode("utf-8"),
                  ArticleMetadata(published=_dct_date(d.dct), date_order=date_order)) for d in batch]
        for d, rows in zip(batch, process_articles(items, nlp)):
            if rows["rejected"] or not rows["documents"]:
                errors.append({"doc": d.name, "error": "rejected"})
                continue
            target = rows["documents"][0]["text"]
            mapping = _char_map(d.text, target)
            gold, unscored = [], []
            for t in d.timexes:
                span = _to_target(mapping, t.start, t.end)
                if span is None:
                    continue
                (gold if t.scored else unscored).append((span, t))
            system = []
            for r in rows["dates"]:
                span = (r["start_char"], r["end_char"])
                if any(min(span[1], g[0][1]) > max(span[0], g[0][0]) for g in gold) or \
                        not any(min(span[1], u[0][1]) > max(span[0], u[0][0]) for u in unscored):
                    system.append((span, r))
                else:
                    totals["ignored"] += 1
            pairs = _match([g[0] for g in gold], [s[0] for s in system])
            counts = {"gold": len(gold), "system": len(system), "relaxed": len(pairs), "strict": 0, "value": 0}
            matched_g, matched_s = set(), set()
            for gi, si in pairs:
                (gspan, g), (sspan, s) = gold[gi], system[si]
                matched_g.add(gi), matched_s.add(si)
                strict = gspan == sspan
                right = same_value(g.value, s["value"])
                counts["strict"] += strict
                counts["value"] += right
                if not right:
                    errors.append({"doc": d.name, "kind": "value", "gold_text": g.text, "gold": g.value,
                                   "text": s["text"], "value": s["value"], "dct": d.dct,
                                   "context": target[max(0, sspan[0] - 60):sspan[1] + 40]})
            for gi, (gspan, g) in enumerate(gold):
                if gi not in matched_g:
                    errors.append({"doc": d.name, "kind": "missed", "gold_text": g.text, "gold": g.value,
                                   "context": target[max(0, gspan[0] - 40):gspan[1] + 40]})
            for si, (sspan, s) in enumerate(system):
                if si not in matched_s:
                    errors.append({"doc": d.name, "kind": "spurious", "text": s["text"], "value": s["value"],
                                   "context": target[max(0, sspan[0] - 40):sspan[1] + 40]})
            for k, v in counts.items():
                totals[k] += v
            per_doc.append({"doc": d.name, "dct": d.dct, **counts})
    result = {"dataset": str(path), "documents": len(per_doc), "date_order": date_order, "counts": totals,
              "scores": _scores(totals), "per_document": per_doc, "errors": errors}
    if out is not None:
        result["report"] = str(write_json(result, out))
    return result


def _scores(c: dict) -> dict:
    scores = {}
    for kind in ("relaxed", "strict"):
        p = c[kind] / c["system"] if c["system"] else 0.0
        r = c[kind] / c["gold"] if c["gold"] else 0.0
        scores[kind] = {"precision": p, "recall": r, "f1": _f1(p, r)}
    accuracy = c["value"] / c["relaxed"] if c["relaxed"] else 0.0
    rel = scores["relaxed"]
    scores["value"] = {"accuracy": accuracy, "precision": accuracy * rel["precision"],
                       "recall": accuracy * rel["recall"], "f1": accuracy * rel["f1"]}
    return scores


def print_report(result: dict) -> None:
    c, s = result["counts"], result["scores"]
    print(f"TimeML: {result['documents']} documents, {c['gold']} gold DATE/TIME expressions, "
          f"{c['system']} pipeline DATEs ({c['ignored']} more overlap only DURATION/SET/*_REF gold, not scored); "
          f"date order {result['date_order']}")
    print(f"{'':22}{'P':>8}{'R':>8}{'F1':>8}")
    for kind in ("relaxed", "strict"):
        print(f"{kind + ' detection':22}{s[kind]['precision']:8.3f}{s[kind]['recall']:8.3f}{s[kind]['f1']:8.3f}")
    v = s["value"]
    print(f"{'value (TempEval-3)':22}{v['precision']:8.3f}{v['recall']:8.3f}{v['f1']:8.3f}")
    print(f"value accuracy over {c['relaxed']} relaxed matches: {v['accuracy']:.3f} ({c['value']} right)")
    if result.get("report"):
        print(f"report: {result['report']}")
