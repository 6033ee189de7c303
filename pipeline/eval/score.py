"""Score the pipeline against the gold files: per label, per relation, per attribute, dev and test.

Matching rules are in docs/gold-format.md ("How the evaluator matches"). Every gold item the
pipeline never proposed counts as a miss, so recall is honest for relations too.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.process import process_article
from .gold import ENTITY_LABELS, GoldDoc, load_gold
from .reports import write_json
from ..nlp.build import get_pipeline
from ..extract.normalize import plain

SPLITS = ("dev", "test")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def as_dict(self) -> dict:
        return {"right": self.right, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass
class SplitScores:
    counts: dict = field(default_factory=lambda: defaultdict(Counts))
    accuracy: dict = field(default_factory=lambda: defaultdict(Accuracy))
    documents: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"scores": {k: v.as_dict() for k, v in sorted(self.counts.items())},
                "accuracy": {k: v.as_dict() for k, v in sorted(self.accuracy.items())},
                "documents": self.documents}


# -- matching ----------------------------------------------------------------------------------

def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_overlapping(gold: list, pred: list, key=lambda x: (x["start"], x["end"])) -> list[tuple]:
    """Pairs (gold, pred) with overlapping spans, each item used once, greedy by overlap size."""
    pairs = []
    for g in gold:
        for p in pred:
            gs, ps = key(g), key(p)
            if overlaps(gs, ps):
                pairs.append((min(gs[1], ps[1]) - max(gs[0], ps[0]), id(g), id(p), g, p))
    pairs.sort(key=lambda x: -x[0])
    used_g, used_p, out = set(), set(), []
    for _, gi, pi, g, p in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((g, p))
    return out


def same_subject(gold: str | None, pred: str | None) -> bool:
    """Loose: the last content word of the gold subject appears in the predicted one (or both null)."""
    if not gold or not pred:
        return not gold and not pred
    g, p = plain(gold).split(), set(plain(pred).split())
    return bool(g) and g[-1] in p


def score_document(gold: GoldDoc, rows: dict[str, list[dict]], scores: SplitScores) -> dict:
    """Add one document's counts to `scores`; return its misses and false hits."""
    report = {"id": gold.meta.get("id"), "misses": [], "false_hits": []}
    text = gold.text
    pred_mentions = [{"start": m["start_char"], "end": m["end_char"], "label": m["label"], "text": m["text"],
                      "normalized": m["normalized"]} for m in rows["mentions"]]
    for label in ENTITY_LABELS:
        g = [s for s in gold.spans if s["label"] == label]
        p = [m for m in pred_mentions if m["label"] == label]
        exact_g = {(s["start"], s["end"]) for s in g}
        exact_p = {(m["start"], m["end"]) for m in p}
        tp = len(exact_g & exact_p)
        scores.counts[f"{label} exact"].add(Counts(tp, len(exact_p) - tp, len(exact_g) - tp))
        pairs = match_overlapping(g, p)
        scores.counts[f"{label} overlap"].add(Counts(len(pairs), len(p) - len(pairs), len(g) - len(pairs)))
        matched_g, matched_p = {id(x) for x, _ in pairs}, {id(y) for _, y in pairs}
        for x in g:
            x.setdefault("_status", "matched" if id(x) in matched_g else "missed")
        for y in p:
            y["_status"] = "matched" if id(y) in matched_p else "false"
        report["misses"] += [f"{label} {s['text']!r} @{s['start']}" for s in g if id(s) not in matched_g]
        report["false_hits"] += [f"{label} {m['text']!r} @{m['start']}" for m in p if id(m) not in matched_p]
        for gs, pm in pairs:
            if label == "PERSON":
                scores.accuracy["PERSON canonical name"].add(plain(gs["canonical"]) == plain(pm["normalized"] or ""))
            if label == "DATE":
                ok = (gs.get("value") or None) == (pm["normalized"] or None)
                scores.accuracy["DATE value"].add(ok)
                if not ok:
                    report["misses"].append(f"DATE value {gs['text']!r}: gold {gs.get('value')} got {pm['normalized']}")

    # HAS_ROLE: set of (canonical person, normalized role) per document
    gold_pairs = set()
    for rel in gold.relations:
        if rel["label"] == "HAS_ROLE":
            head, child = gold.by_id[rel["head"]], gold.by_id[rel["child"]]
            gold_pairs.add((plain(head["canonical"]), plain(child["normalized"])))
    pred_pairs = {(plain(r["person"] or ""), plain(r["role"])) for r in rows["roles"]}
    tp = len(gold_pairs & pred_pairs)
    scores.counts["HAS_ROLE"].add(Counts(tp, len(pred_pairs) - tp, len(gold_pairs) - tp))
    report["relations"] = {"HAS_ROLE": {
        "matched": sorted(gold_pairs & pred_pairs), "missed": sorted(gold_pairs - pred_pairs),
        "false": sorted(pred_pairs - gold_pairs)}}
    report["misses"] += [f"HAS_ROLE {p} -> {r}" for p, r in sorted(gold_pairs - pred_pairs)]
    report["false_hits"] += [f"HAS_ROLE {p} -> {r}" for p, r in sorted(pred_pairs - gold_pairs)]

    # RATED: rating spans overlap, value and negation agree
    gold_ratings = [gold.by_id[r["child"]] for r in gold.relations if r["label"] == "RATED"]
    pred_ratings = [r for r in rows["ratings"] if r.get("rating_start") is not None]
    pairs = match_overlapping(gold_ratings, pred_ratings, key=lambda x: (x["start"], x["end"]) if "start" in x
                              else (x["rating_start"], x["rating_end"]))
    good = [(g, p) for g, p in pairs if g["value"] == p["rating"] and g["negated"] == p["negated"]]
    scores.counts["RATED"].add(Counts(len(good), len(pred_ratings) - len(good), len(gold_ratings) - len(good)))
    for g, p in pairs:
        scores.accuracy["RATING value"].add(g["value"] == p["rating"])
        scores.accuracy["RATING negated"].add(g["negated"] == p["negated"])
        scores.accuracy["RATING hypothetical"].add(g["hypothetical"] == p["hypothetical"])
        scores.accuracy["RATING subject"].add(same_subject(g.get("subject"), p.get("subject")))
    good_ids = {id(g) for g, _ in good}
    paired = {id(g): p for g, p in pairs}
    report["relations"]["RATED"] = [
        {"text": g["text"], "gold": f"{g.get('subject') or '?'} → {g['value']}{' (negated)' if g['negated'] else ''}",
         "pred": (f"{paired[id(g)].get('subject') or '?'} → {paired[id(g)]['rating']}"
                  f"{' (negated)' if paired[id(g)]['negated'] else ''}") if id(g) in paired else None,
         "status": "matched" if id(g) in good_ids else "missed"} for g in gold_ratings]
    report["misses"] += [f"RATED {g['text']!r} @{g['start']} ({g['value']}, negated={g['negated']})"
                         for g in gold_ratings if id(g) not in good_ids]

    # QUOTE attribution: spans overlap and the speaker agrees
    gold_quotes = [s for s in gold.spans if s["label"] == "QUOTE"]
    pred_quotes = [{"start": q["start_char"], "end": q["end_char"], "speaker": q.get("speaker"),
                    "person_id": q.get("person_id")} for q in rows["quotes"]]
    pairs = match_overlapping(gold_quotes, pred_quotes)
    good = [(g, p) for g, p in pairs if plain(g.get("speaker") or "") == plain(p.get("speaker") or "")]
    scores.counts["QUOTE attribution"].add(Counts(len(good), len(pred_quotes) - len(good), len(gold_quotes) - len(good)))
    scores.counts["QUOTE span"].add(Counts(len(pairs), len(pred_quotes) - len(pairs), len(gold_quotes) - len(pairs)))

    # document attributes
    doc = rows["documents"][0] if rows["documents"] else {}
    meta = gold.meta
    scores.accuracy["document title"].add(plain(doc.get("title") or "") == plain(meta.get("title") or ""))
    scores.accuracy["document publisher"].add(plain(doc.get("publisher") or "") == plain(meta.get("publisher") or ""))
    published = doc.get("published")
    scores.accuracy["document published"].add((published.isoformat() if published else None) == meta.get("published"))
    bs, be = doc.get("body_start", 0), doc.get("body_end", 0)
    inter = max(0, min(be, meta["body_end"]) - max(bs, meta["body_start"]))
    union = max(be, meta["body_end"]) - min(bs, meta["body_start"])
    scores.accuracy["document body IoU>=0.95"].add(union > 0 and inter / union >= 0.95)
    report["body"] = {"gold": [meta["body_start"], meta["body_end"]], "pred": [bs, be]}
    report["text"] = text
    report["gold_spans"] = [{"start": s["start"], "end": s["end"], "label": s["label"], "status": s.pop("_status", "matched")}
                            for s in gold.spans if s["label"] in ENTITY_LABELS]
    report["pred_spans"] = [{"start": m["start"], "end": m["end"], "label": m["label"], "status": m["_status"]}
                            for m in pred_mentions]
    return report


# -- the run -----------------------------------------------------------------------------------

def evaluate_corpus(gold_dir: Path = Path("corpus/gold"), corpus_dir: Path = Path("corpus"),
                    model: str | None = None) -> dict:
    """Run the pipeline on every gold article and score it; returns the report as a dict."""
    nlp = get_pipeline(model)
    splits = {name: SplitScores() for name in SPLITS}
    for gold in load_gold(Path(gold_dir)):
        source = Path(corpus_dir) / gold.meta["source_path"]
        rows = process_article(gold.meta["source_path"], source.read_bytes(), None, nlp)
        if rows["rejected"]:
            raise RuntimeError(f"gold article {source} was rejected: {rows['rejected'][0]['detail']}")
        scores = splits[gold.split]
        scores.documents.append(score_document(gold, rows, scores))
    return {name: s.as_dict() for name, s in splits.items()}


def headline_scores(report: dict) -> dict[str, float]:
    """The F1s and accuracies the regression baseline watches, flattened: "dev PERSON overlap"."""
    flat = {}
    for split, data in report.items():
        for key, value in data["scores"].items():
            flat[f"{split} {key} f1"] = value["f1"]
        for key, value in data["accuracy"].items():
            flat[f"{split} {key}"] = value["accuracy"]
    return flat


def print_tables(report: dict) -> None:
    for split, data in report.items():
        n = len(data["documents"])
        print(f"\n== {split} ({n} documents) ==")
        print(f"{'':28} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        for key, v in data["scores"].items():
            print(f"{key:28} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['tp']:5d} {v['fp']:5d} {v['fn']:5d}")
        for key, v in data["accuracy"].items():
            print(f"{key:28} accuracy {v['accuracy']:.3f} ({v['right']}/{v['total']})")


def write_reports(report: dict, out_dir: Path) -> list[Path]:
    """report.json (without document texts) and report.html (gold and prediction side by side)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    slim = {split: {**data, "documents": [{k: v for k, v in d.items()
                                           if k not in ("text", "gold_spans", "pred_spans")}
                                          for d in data["documents"]]}
            for split, data in report.items()}
    json_path = write_json(slim, out_dir / "report.json")
    html_path = out_dir / "report.html"
    from ..report.evaluation import render_html
    html_path.write_text(render_html(report), encoding="utf-8")
    return [json_path, html_path]
