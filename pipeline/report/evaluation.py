"""`make evaluate`'s HTML report: the scores first, then per document the gold and the prediction
side by side with every miss and false hit marked where it stands, and the relations compared."""
from __future__ import annotations

import html

COLORS = {"PERSON": "#f9c0c0", "ROLE": "#c0d8f9", "ORG": "#d6f5c0", "RATING": "#f9e79f", "DATE": "#e0c8f5"}
MISSED, FALSE = "MISSED", "FALSE"
STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1em} th,td{border:1px solid #ddd;padding:.2em .5em;vertical-align:top;
font-size:.9em;text-align:left} th{background:#f3f3f3} td.num{text-align:right;font-variant-numeric:tabular-nums}
table.side{width:100%} table.side td{width:50%} .low{background:#fde2e2} .missed{background:#fde2e2}
.false{background:#fff1cc} .matched{background:#e6f4ea} .legend span{margin-right:1em;padding:.1em .4em}
"""


def _colors() -> dict:
    colors = dict(COLORS)
    for label in COLORS:
        colors[f"{label} {MISSED}"] = "#ff6b6b"
        colors[f"{label} {FALSE}"] = "#ffb347"
    return colors


def _scores_table(split: str, data: dict) -> str:
    rows = []
    for key, v in data["scores"].items():
        cls = " class='low'" if v["f1"] < 0.8 and (v["tp"] + v["fn"]) else ""
        rows.append(f"<tr{cls}><td>{html.escape(key)}</td><td class='num'>{v['precision']:.3f}</td>"
                    f"<td class='num'>{v['recall']:.3f}</td><td class='num'>{v['f1']:.3f}</td>"
                    f"<td class='num'>{v['tp']}</td><td class='num'>{v['fp']}</td><td class='num'>{v['fn']}</td></tr>")
    for key, v in data["accuracy"].items():
        cls = " class='low'" if v["accuracy"] < 0.8 and v["total"] else ""
        rows.append(f"<tr{cls}><td>{html.escape(key)}</td><td colspan='3' class='num'>accuracy {v['accuracy']:.3f}</td>"
                    f"<td colspan='3' class='num'>{v['right']}/{v['total']}</td></tr>")
    return (f"<table class='scores' id='scores-{split}'><thead><tr><th>{split} ({len(data['documents'])} documents)</th>"
            "<th>P</th><th>R</th><th>F1</th><th>tp</th><th>fp</th><th>fn</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _view(text: str, spans: list[dict], bs: int, be: int, bad: str) -> str:
    from spacy import displacy
    ents = [{"start": s["start"] - bs, "end": s["end"] - bs,
             "label": s["label"] + (f" {bad}" if s.get("status", "matched") != "matched" else "")}
            for s in spans if bs <= s["start"] and s["end"] <= be]
    return displacy.render({"text": text[bs:be], "ents": sorted(ents, key=lambda e: e["start"])},
                           style="ent", manual=True, page=False, options={"colors": _colors()})


def _relations(doc: dict) -> str:
    rel = doc.get("relations", {})
    rows = []
    for status in ("matched", "missed", "false"):
        for person, role in rel.get("HAS_ROLE", {}).get(status, []):
            rows.append(f"<tr class='{status}'><td>HAS_ROLE</td><td>{html.escape(person)} → {html.escape(role)}</td>"
                        f"<td>{status}</td></tr>")
    for r in rel.get("RATED", []):
        pred = f"; predicted {html.escape(r['pred'])}" if r["pred"] and r["status"] != "matched" else ""
        rows.append(f"<tr class='{r['status']}'><td>RATED</td><td>{html.escape(r['gold'])}{pred}</td>"
                    f"<td>{r['status']}</td></tr>")
    if not rows:
        return "<p>no relations in gold or prediction</p>"
    return ("<table class='relations'><thead><tr><th>relation</th><th>gold (and prediction)</th><th>status</th>"
            "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def render_html(report: dict) -> str:
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Evaluation</title>"
             f"<style>{STYLE}</style></head><body><h1>Evaluation against the gold</h1>",
             "<p class='legend'>In the texts: <span style='background:#ff6b6b'>LABEL MISSED</span> a gold mention the "
             "pipeline did not find; <span style='background:#ffb347'>LABEL FALSE</span> a predicted mention with no gold "
             "counterpart (overlap match). Scores under 0.8 are shaded.</p>"]
    parts += [_scores_table(split, data) for split, data in report.items()]
    for split, data in report.items():
        parts.append(f"<h2>{split}: documents</h2>")
        for d in data["documents"]:
            bs, be = d["body"]["gold"]
            parts.append(
                f"<section class='document' id='doc-{html.escape(d['id'])}'><h3>{html.escape(d['id'])}</h3>"
                f"<p>{len(d['misses'])} misses, {len(d['false_hits'])} false hits</p>" + _relations(d)
                + "<table class='side'><tr><th>gold</th><th>prediction</th></tr><tr>"
                f"<td>{_view(d['text'], d['gold_spans'], bs, be, MISSED)}</td>"
                f"<td>{_view(d['text'], d['pred_spans'], bs, be, FALSE)}</td></tr></table>"
                "<details><summary>all misses and false hits</summary><pre>"
                + html.escape("\n".join(d["misses"] + ["---"] + d["false_hits"])) + "</pre></details></section>")
    parts.append("</body></html>")
    return "\n".join(parts)
