"""Real-text development gold (issue #17): people, person-role pairs and organisations.

The gold is stand-off (`corpus/gold/external/*.jsonl`, format in docs/gold-format.md "Real-text
development gold"): each line names a dataset document, the sha256 of the exact text annotated and
how to rebuild it; no article text is committed. This adapter rebuilds every text from a clone of
the dataset (an extracted folder or the bare git directory), checks its sha256, runs the
per-article function on it as a plain-text article and scores:

- PERSON mentions: exact and overlapping spans (F1);
- person-role pairs: the set of (canonical person, normalized role) per document, exact, and
  lenient (the same person, one normalized role contained in the other); gold wordings of one post
  (D56: "Judge" and "U.S. District Judge" for one person) count as one pair, found by either;
- ORG mentions: overlapping and exact spans; organisations of kind `party` are not ORG (D33) and
  are left out unless `include_parties` is set.

The structure finder may cut a text (a first line taken for furniture); gold outside the predicted
body counts as missed and the body coverage is reported, so a cut shows instead of hiding.
"""
from __future__ import annotations

import base64
import hashlib
import json
import subprocess
from collections import defaultdict
from pathlib import Path

from ...extract.normalize import plain
from ..reports import write_json
from ..score import Counts, match_overlapping

GOLD_DIR = Path(__file__).resolve().parents[3] / "corpus" / "gold" / "external"
GOLD_FILES = {"polnear": GOLD_DIR / "polnear_train.jsonl", "aeb": GOLD_DIR / "aeb_dev.jsonl"}
SCORES = ("PERSON exact", "PERSON overlap", "PAIR exact", "PAIR lenient", "ORG overlap", "ORG exact")


def text_digest(text: str) -> str:
    """The sha256 of a text (UTF-8) in URL-safe base64, unpadded: the check that the dataset's text
    is the one annotated. Written in base64 so that it never reads like a page id (the benchmark
    names its pages by hex digests)."""
    return base64.urlsafe_b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii").rstrip("=")


class DatasetError(Exception):
    """The dataset clone lacks a file or a text differs from the one annotated."""


def load_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# -- rebuilding texts ----------------------------------------------------------------------------

def read_dataset_file(root: Path, rel: str) -> bytes:
    """`rel` from an extracted clone, or from HEAD of a bare git directory."""
    if (root / rel).is_file():
        return (root / rel).read_bytes()
    if (root / "HEAD").is_file() and (root / "objects").is_dir():
        done = subprocess.run(["git", "--git-dir", str(root), "show", f"HEAD:{rel}"], capture_output=True)
        if done.returncode == 0:
            return done.stdout
    raise DatasetError(f"{rel} not found in {root} (pass the dataset's folder or its bare git directory)")


class TextSource:
    """Rebuilds the annotated texts of one dataset clone."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._aeb: dict | None = None

    def text(self, record: dict) -> str:
        source = record["text_source"]
        if source == "ground-truth.json articleBody":
            if self._aeb is None:
                self._aeb = json.loads(read_dataset_file(self.root, "ground-truth.json").decode("utf-8"))
            if record["doc"] not in self._aeb:
                raise DatasetError(f"page {record['doc']} not in {self.root}/ground-truth.json")
            text = self._aeb[record["doc"]]["articleBody"]
        else:
            text = read_dataset_file(self.root, source).decode("utf-8")
        digest = text_digest(text)
        if digest != record["text_sha256_b64"]:
            raise DatasetError(f"{record['doc']}: text from {source} has digest {digest[:12]}..., the gold was "
                               f"annotated on {record['text_sha256_b64'][:12]}... (another version of the dataset?)")
        return text


# -- scoring -------------------------------------------------------------------------------------

def _pair(person: str, role: str) -> tuple[str, str]:
    return plain(person), plain(role)


def lenient_role(gold: str, pred: str) -> bool:
    """One normalized role inside the other, on word boundaries ("judge" ~ "district judge")."""
    g, p = f" {plain(gold)} ", f" {plain(pred)} "
    return g in p or p in g


def posts(gold: set) -> list[set]:
    """The gold pairs grouped into posts: one person's wordings of one post, where one normalized
    role contains the other ("judge" / "district judge", "secretary" / "secretary of state"). D56
    annotates a second wording of the same post when the text gives one; it is the same pair, so
    finding either wording finds the post, and neither wording is a false hit."""
    groups: list[set] = []
    for pair in sorted(gold):
        joined = [g for g in groups if any(p == pair[0] and lenient_role(r, pair[1]) for p, r in g)]
        merged = {pair}.union(*joined) if joined else {pair}
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def _matches(gold_pair: tuple, pred_pair: tuple, lenient: bool) -> bool:
    if lenient:
        return gold_pair[0] == pred_pair[0] and lenient_role(gold_pair[1], pred_pair[1])
    return gold_pair == pred_pair


def match_pairs(gold: set, pred: set, lenient: bool) -> Counts:
    """Posts found (tp), predicted pairs that match no gold wording (fp), posts missed (fn)."""
    groups = posts(gold)
    found = sum(1 for g in groups if any(_matches(gp, p, lenient) for gp in g for p in pred))
    wrong = sum(1 for p in pred if not any(_matches(gp, p, lenient) for gp in gold))
    return Counts(found, wrong, len(groups) - found)


def gold_orgs(record: dict, include_parties: bool = False) -> list[dict]:
    return [o for o in record["orgs"] if include_parties or o.get("kind") != "party"]


def score_record(record: dict, text: str, rows: dict, counts: dict, include_parties: bool = False) -> dict:
    """Add one document's counts; return its report (coverage, misses, false hits)."""
    doc = rows["documents"][0]
    if doc["text"] != text:
        raise DatasetError(f"{record['doc']}: the pipeline decoded the text differently from the gold text")
    body = (doc["body_start"], doc["body_end"])
    report = {"dataset": record["dataset"], "doc": record["doc"], "body": list(body), "misses": [], "false_hits": []}
    mentions = [{"start": m["start_char"], "end": m["end_char"], "text": m["text"], "label": m["label"]}
                for m in rows["mentions"]]
    gold_spans = {"PERSON": record["people"], "ORG": gold_orgs(record, include_parties)}
    inside = outside = 0
    for label, gold in gold_spans.items():
        pred = [m for m in mentions if m["label"] == label]
        exact = {(g["start"], g["end"]) for g in gold} & {(p["start"], p["end"]) for p in pred}
        counts[f"{label} exact"].add(Counts(len(exact), len(pred) - len(exact), len(gold) - len(exact)))
        pairs = match_overlapping(gold, pred)
        counts[f"{label} overlap"].add(Counts(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs)))
        hit_g, hit_p = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
        for g in gold:
            if body[0] <= g["start"] and g["end"] <= body[1]:
                inside += 1
            else:
                outside += 1
            if id(g) not in hit_g:
                where = "" if body[0] <= g["start"] < body[1] else " (outside the predicted body)"
                report["misses"].append(f"{label} {g['text']!r} @{g['start']}{where}")
        report["false_hits"] += [f"{label} {p['text']!r} @{p['start']}" for p in pred if id(p) not in hit_p]
    gold_pairs = {_pair(r["person"], r["normalized"]) for r in record["roles"] if r.get("person")}
    pred_pairs = {_pair(r["person"], r["role"]) for r in rows["roles"] if r.get("person") and r.get("role")}
    for name, lenient in (("PAIR exact", False), ("PAIR lenient", True)):
        counts[name].add(match_pairs(gold_pairs, pred_pairs, lenient))
    report["misses"] += [" | ".join(f"PAIR {p} -> {r}" for p, r in sorted(g)) for g in posts(gold_pairs)
                         if not g & pred_pairs]
    report["false_hits"] += [f"PAIR {p} -> {r}" for p, r in sorted(pred_pairs - gold_pairs)]
    report["gold_inside_body"], report["gold_outside_body"] = inside, outside
    return report


def _metadata():
    from ...extract.metadata import ArticleMetadata
    return ArticleMetadata()


def evaluate(path: Path | None = None, polnear: Path | None = None, aeb: Path | None = None,
             gold: dict[str, Path] | None = None, model: str | None = None, include_parties: bool = False,
             nlp=None, process=None) -> dict:
    """Score the pipeline on the real-text gold of each dataset given a clone (PolNeAR, AEB).

    `path` alone is taken for whichever dataset it holds. `process(name, data, metadata)` defaults to
    the pipeline's per-article function; tests pass a fake one."""
    roots = {"polnear": polnear, "aeb": aeb}
    if path is not None:
        roots["aeb" if (Path(path) / "ground-truth.json").exists() else "polnear"] = path
    gold = gold or GOLD_FILES
    if process is None:
        from ...extract.process import process_article
        from ...nlp.build import get_pipeline
        nlp = nlp or get_pipeline(model)
        process = lambda name, data, meta: process_article(name, data, meta, nlp=nlp)  # noqa: E731
    result = {"datasets": {}, "overall": {}, "errors": [], "documents": []}
    overall = defaultdict(Counts)
    cover = {"inside": 0, "outside": 0}
    for dataset, root in roots.items():
        if root is None:
            continue
        if not Path(root).exists():
            raise FileNotFoundError(f"{dataset} dataset: {root} does not exist")
        counts, source, n = defaultdict(Counts), TextSource(Path(root)), 0
        inside = outside = 0
        for record in load_gold(gold[dataset]):
            try:
                text = source.text(record)
                rows = process(f"{dataset}/{record['doc']}", text.encode("utf-8"), _metadata())
                if rows.get("rejected"):
                    raise DatasetError(f"{record['doc']}: rejected by the pipeline: {rows['rejected'][0]['reason']}")
                report = score_record(record, text, rows, counts, include_parties)
            except DatasetError as exc:
                result["errors"].append(str(exc))
                continue
            n += 1
            inside += report["gold_inside_body"]
            outside += report["gold_outside_body"]
            result["documents"].append(report)
        for k, c in counts.items():
            overall[k].add(c)
        cover["inside"] += inside
        cover["outside"] += outside
        result["datasets"][dataset] = {"documents": n, "body_coverage": _ratio(inside, outside),
                                       "scores": {k: counts[k].as_dict() for k in SCORES}}
    result["overall"] = {"documents": sum(d["documents"] for d in result["datasets"].values()),
                         "body_coverage": _ratio(cover["inside"], cover["outside"]),
                         "scores": {k: overall[k].as_dict() for k in SCORES}}
    return result


def _ratio(inside: int, outside: int) -> float:
    return round(inside / (inside + outside), 4) if inside + outside else 0.0


def print_report(result: dict, echo=print) -> None:
    columns = [*result["datasets"], "overall"]
    echo("real-text dev gold: F1 (precision / recall)")
    echo(f"{'':16}" + "".join(f"{c:>24}" for c in columns))
    blocks = [*result["datasets"].values(), result["overall"]]
    echo(f"{'documents':16}" + "".join(f"{b['documents']:>24}" for b in blocks))
    echo(f"{'body coverage':16}" + "".join(f"{b['body_coverage']:>24.3f}" for b in blocks))
    for name in SCORES:
        cells = [b["scores"][name] for b in blocks]
        echo(f"{name:16}" + "".join(f"{c['f1']:>10.3f} ({c['precision']:.2f}/{c['recall']:.2f})" for c in cells))
    for err in result["errors"]:
        echo(f"error: {err}")


def write_report(result: dict, out: Path) -> Path:
    return write_json(result, out)
