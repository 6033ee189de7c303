"""Zyte's article-extraction-benchmark (github.com/scrapinghub/article-extraction-benchmark): real
news and blog pages with their true article bodies, scored with the benchmark's own metric.

Given a clone's path, every page is run through the project's per-article preparation twice: as the
saved HTML (`<id>.html`, read with trafilatura) and as the text a scraper saves (`<id>.txt`, the page
rendered by html-text with `guess_layout=True`, the structure found by pipeline/structure/page.py).
For each, three things are scored:

- **body**: the benchmark's shingle metric (`string_shingle_matching` and `metrics_from_tp_fp_fns`,
  imported at run time from the clone's own `evaluate.py`, so the figures are the benchmark's). The
  predicted body is `text[body_start:body_end]` without the ranges the pipeline itself marks as no
  article (`excluded`: datelines, bylines, captions) and without its first line when that line is
  the headline (the benchmark's articleBody has no headline; the title is scored on its own);
- **title**: right when it says the same words as the page's `og:title` (else its JSON-LD
  `headline`), or is that title less a site-name prefix or suffix (the shorter a run of the longer
  covering 60% of its words);
- **publication date**, over the pages whose markup states one (`article:published_time`, else
  JSON-LD `datePublished`; `published_rule`): right when
  (a) `day`: its day is the day the markup writes; or
  (b) `instant`: the pipeline gives a clock time with a zone, and that instant, converted to the
      markup's offset, falls on the markup's day; or
  (c) `wall_clock`: the pipeline gives a clock time without a zone, and the page's wall clock is the
      markup's instant in some real time zone: (predicted local date and time) - (the markup's
      instant in UTC), both to the minute, is a whole multiple of 15 minutes from -12 h to +14 h.
  Why: the pipeline keeps the day as the page writes it, the publisher's local day (docs/annotation.md
  D3), while the markup writes UTC on some sites and the local offset on others, so a US evening
  ("Nov 18, 2019 11:03 PM") is the 19th in a UTC timestamp (`2019-11-19T07:03:25+00:00`): the same
  instant, not a wrong date. A naive markup timestamp (no offset: `2019-11-20T01:50:59`) is read as
  UTC. A markup stating only a day leaves (a) alone. Rule (c) takes a wrong day only when that
  day's clock differs from the markup's instant by whole quarter hours, within a day.

Only the development pages are read: those whose id starts with a hex digit 0-7 (88 pages). The
adapter has no way to read any other page. A table goes to the screen and the figures, per page too, to
`reports/aeb-<split>.json`. Nothing from the benchmark is stored in the repository.
"""
from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import json
import re
import statistics
import sys
from pathlib import Path
from types import ModuleType

from ..reports import write_json

SPLITS = {"dev": "01234567"}
SYSTEMS = ("html", "text", "whole_text")
TITLE_MIN_COVER = 0.6
LOW_F1 = 0.2
WORD = re.compile(r"\w+")


class HeldOutSplit(ValueError):
    """A part of the benchmark other than its development pages was asked for."""


def split_of(page_id: str) -> str | None:
    return "dev" if page_id[:1].lower() in SPLITS["dev"] else None


def page_ids(clone: Path, split: str = "dev") -> list[str]:
    """The ids of one split, sorted; read from the ground truth's keys only (no page is opened)."""
    if split not in SPLITS:
        raise HeldOutSplit(f"split {split!r}: only the development pages (dev, ids 0-7) are scored")
    truth = json.loads((clone / "ground-truth.json").read_text(encoding="utf-8"))
    return sorted(k for k in truth if split_of(k) == split)


def load_scorer(clone: Path) -> ModuleType:
    """The benchmark's own evaluate.py, imported from the clone (not copied into this project)."""
    path = clone / "evaluate.py"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: is {clone} a clone of article-extraction-benchmark?")
    spec = importlib.util.spec_from_file_location("aeb_evaluate", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in ("string_shingle_matching", "metrics_from_tp_fp_fns"):
        if not hasattr(module, name):
            raise AttributeError(f"{path} has no {name}(): not the benchmark's scorer")
    return module


def render_text(html: str) -> str:
    """The page as a scraper saves it: html-text with guess_layout=True."""
    import html_text

    return html_text.extract_text(html, guess_layout=True)


# -- what the page's markup says (the expected title and date) ---------------------------------
def page_metadata(html: str) -> dict:
    """The page's own `og:title` / JSON-LD `headline` and `article:published_time` / JSON-LD
    `datePublished` (the first of each), as written."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (ValueError, lxml_html.etree.ParserError):
        return {"title": None, "published": None}
    def meta(prop):
        values = tree.xpath(f'//meta[@property="{prop}" or @name="{prop}"]/@content')
        return next((v.strip() for v in values if v.strip()), None)
    ld = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            ld.append(json.loads(script))
        except ValueError:
            continue
    return {"title": meta("og:title") or _first_key(ld, "headline"),
            "published": meta("article:published_time") or _first_key(ld, "datePublished")}


def _first_key(node, key: str):
    if isinstance(node, dict):
        value = node.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            found = _first_key(item, key)
            if found:
                return found
    return None


def same_title(predicted: str | None, expected: str | None) -> bool:
    """Same words (case and punctuation aside), or one is the other plus a site prefix/suffix."""
    if not predicted or not expected:
        return False
    a, b = WORD.findall(predicted.lower()), WORD.findall(expected.lower())
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) / len(long_) < TITLE_MIN_COVER:
        return False
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def expected_day(value: str | None) -> str | None:
    """The day of a stated date; a placeholder before 1900 ("0001-01-01") states none."""
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    return m.group(0).strip() if m and int(m.group(1)) >= 1900 else None


def expected_instant(value: str | None) -> dt.datetime | None:
    """The instant a stated timestamp names, in its own offset; a naive one ("2019-11-20T01:50:59")
    is read as UTC. None for a bare day or anything `datetime.fromisoformat` cannot read."""
    if not expected_day(value) or not re.match(r"\s*\d{4}-\d\d-\d\d[T ]\d\d:\d\d", value):
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=dt.timezone.utc)


#: A real time zone's offset from UTC is a whole number of these minutes ...
ZONE_STEP_MINUTES = 15
#: ... from UTC-12:00 to UTC+14:00
ZONE_OFFSETS = (-12 * 60, 14 * 60)


def published_rule(day: str | None, time: str | None, offset: int | None, stated: str | None) -> str | None:
    """Which rule makes a predicted publication right against the page's stated timestamp, or None
    when it is wrong (module docstring): "day" (same written day), "instant" (the predicted time and
    zone, as an instant, fall on the stated day in the stated offset), "wall_clock" (a predicted time
    without zone is the stated instant on the clock of some real time zone)."""
    expected = expected_day(stated)
    if not day or not expected:
        return None
    if day == expected:
        return "day"
    instant = expected_instant(stated)
    if time is None or instant is None:
        return None
    local = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(time))
    if offset is not None:
        at = local.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset)))
        return "instant" if at.astimezone(instant.tzinfo).date().isoformat() == expected else None
    utc = instant.astimezone(dt.timezone.utc).replace(tzinfo=None, second=0, microsecond=0)
    minutes = (local.replace(second=0, microsecond=0) - utc) // dt.timedelta(minutes=1)
    if minutes % ZONE_STEP_MINUTES == 0 and ZONE_OFFSETS[0] <= minutes <= ZONE_OFFSETS[1]:
        return "wall_clock"
    return None


# -- the pipeline's answer ---------------------------------------------------------------------
def predicted_body(text: str, structure) -> str:
    """The body as the pipeline sees it, less its excluded ranges and its headline line."""
    start, end = structure.body_start, structure.body_end
    cuts = sorted((max(s, start), min(e, end)) for s, e in structure.excluded if s < end and e > start)
    if structure.title:
        first_end = text.find("\n", start, end)
        first_end = end if first_end < 0 else first_end
        if " ".join(text[start:first_end].split()) == " ".join(structure.title.split()):
            cuts.append((start, first_end))
    pieces, pos = [], start
    for s, e in sorted(cuts):
        if s > pos:
            pieces.append(text[pos:s])
        pos = max(pos, e)
    pieces.append(text[pos:end])
    return "\n".join(p.strip("\n") for p in pieces if p.strip())


def run_page(source_path: str, data: bytes) -> dict:
    from ...extract.process import prepare_document

    prepared = prepare_document(source_path, data)
    if "structure" not in prepared:
        detail = prepared["rows"]["rejected"][0]
        return {"body": "", "title": None, "published": None, "published_time": None,
                "published_utc_offset": None, "rejected": detail["reason"]}
    s = prepared["structure"]
    return {"body": predicted_body(prepared["text"], s), "title": s.title,
            "published": s.published.isoformat() if s.published else None,
            "published_time": s.published_time.isoformat() if s.published_time else None,
            "published_utc_offset": s.published_utc_offset, "rejected": None}


# -- the evaluation ----------------------------------------------------------------------------
def evaluate(path: Path, split: str = "dev", reports: Path | str = Path("reports"), **options) -> dict:
    """Score the pipeline on one split of a clone at `path` and write `reports/aeb-<split>.json`."""
    clone = Path(path)
    scorer = load_scorer(clone)
    truth = json.loads((clone / "ground-truth.json").read_text(encoding="utf-8"))
    ids = page_ids(clone, split)
    limit = options.get("limit")
    if limit:
        ids = ids[:int(limit)]
    per_page = []
    for page_id in ids:
        assert split_of(page_id) == split
        html_path = clone / "html" / f"{page_id}.html.gz"
        raw = gzip.decompress(html_path.read_bytes())
        html = raw.decode("utf-8", errors="replace")
        text = render_text(html)
        expected = page_metadata(html)
        true_body = truth[page_id].get("articleBody", "") or ""
        record = {"id": page_id, "expected_title": expected["title"],
                  "expected_published": expected_day(expected["published"]),
                  "stated_published": expected["published"],
                  "paragraphs": len([p for p in true_body.split("\n") if p.strip()])}
        answers = {"html": run_page(f"{page_id}.html", raw), "text": run_page(f"{page_id}.txt", text.encode("utf-8")),
                   "whole_text": {"body": text, "title": None, "published": None, "published_time": None,
                                 "published_utc_offset": None, "rejected": None}}
        for system, answer in answers.items():
            rule = published_rule(answer["published"], answer["published_time"], answer["published_utc_offset"],
                                  expected["published"])
            tp, fp, fn = scorer.string_shingle_matching(true=true_body, pred=answer["body"])
            record[system] = {
                "tp_fp_fn": [tp, fp, fn], "f1": _f1(tp, fp, fn), "title": answer["title"],
                "title_ok": same_title(answer["title"], expected["title"]) if expected["title"] else None,
                "published": answer["published"], "published_time": answer["published_time"],
                "published_utc_offset": answer["published_utc_offset"], "published_rule": rule,
                "published_ok": rule is not None if record["expected_published"] else None,
                "rejected": answer["rejected"]}
        per_page.append(record)
    result = {"benchmark": "article-extraction-benchmark", "split": split, "pages": len(per_page),
              "systems": {s: _summary(scorer, per_page, s) for s in SYSTEMS}, "per_page": per_page}
    result["report"] = str(write_json(result, Path(reports) / f"aeb-{split}.json"))
    return result


def _f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def _summary(scorer: ModuleType, pages: list[dict], system: str) -> dict:
    if not pages:
        return {}
    metrics = scorer.metrics_from_tp_fp_fns([tuple(p[system]["tp_fp_fn"]) for p in pages])
    low = [p["id"] for p in pages if p["paragraphs"] >= 2 and p[system]["f1"] < LOW_F1]
    titled = [p[system]["title_ok"] for p in pages if p[system]["title_ok"] is not None]
    dated = [p[system]["published_ok"] for p in pages if p[system]["published_ok"] is not None]
    return {"body_f1": metrics["f1"], "body_precision": metrics["precision"], "body_recall": metrics["recall"],
            "median_page_f1": statistics.median(p[system]["f1"] for p in pages),
            "multi_paragraph_pages_under_0.2": len(low), "low_pages": low,
            "title_accuracy": sum(titled) / len(titled) if titled else None, "titled_pages": len(titled),
            "date_accuracy": sum(dated) / len(dated) if dated else None, "dated_pages": len(dated),
            "rejected": sum(1 for p in pages if p[system]["rejected"])}


def print_report(result: dict, stream=None) -> None:
    stream = stream or sys.stdout
    labels = {"html": "pipeline on the HTML", "text": "pipeline on the text", "whole_text": "whole text, no removal"}
    print(f"article-extraction-benchmark, {result['split']} pages: {result['pages']}", file=stream)
    head = f"{'':<24} {'body F1':>8} {'P':>6} {'R':>6} {'<0.2':>5} {'title':>12} {'date':>12}"
    print(head, file=stream)
    for system, m in result["systems"].items():
        if not m:
            continue
        title = f"{m['title_accuracy']:.3f} ({m['titled_pages']})" if m["title_accuracy"] is not None else "-"
        date = f"{m['date_accuracy']:.3f} ({m['dated_pages']})" if m["date_accuracy"] is not None else "-"
        if system == "whole_text":
            title = date = "-"
        print(f"{labels[system]:<24} {m['body_f1']:>8.3f} {m['body_precision']:>6.3f} {m['body_recall']:>6.3f} "
              f"{m['multi_paragraph_pages_under_0.2']:>5} {title:>12} {date:>12}", file=stream)
    print("(<0.2: pages with a multi-paragraph article whose body F1 is under 0.2; title and date: accuracy "
          "(pages whose markup states one))", file=stream)
    if "report" in result:
        print(f"report: {result['report']}", file=stream)
