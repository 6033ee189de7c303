"""`make report` / `news-extract report OUT`: one HTML file that shows what the extraction found.

It opens offline (no script, no font or style fetched: styles inline, charts as inline SVG) and
holds: an index of articles (title, publisher, date, counts); per article its body with the
mentions highlighted (displaCy) and its roles, ratings, dates and quotes as tables; an index of
people (the offices they held, where, when, what they said); an index of rated bodies with their
ratings over time, who led them, and a timeline chart each. It reads the tables through
`pipeline.load`, so it always shows one run.
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from ..api import load

COLORS = {"PERSON": "#f9c0c0", "ROLE": "#c0d8f9", "ORG": "#d6f5c0", "RATING": "#f9e79f", "DATE": "#e0c8f5"}
RANK_COLORS = {1: "#1a7f37", 2: "#4caf50", 3: "#f0a500", 4: "#d32f2f"}
STYLE = """
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222;line-height:1.45}
h1{font-size:1.6em} h2{margin-top:2em;border-bottom:1px solid #ccc} h3{margin-top:1.4em}
table{border-collapse:collapse;margin:.5em 0 1em;width:100%} th,td{border:1px solid #ddd;padding:.25em .5em;
text-align:left;vertical-align:top;font-size:.92em} th{background:#f3f3f3}
.article{border:1px solid #e3e3e3;padding:0 1em 1em;margin:1.5em 0;border-radius:4px}
.meta{color:#666} .none{color:#999;font-style:italic}
nav a{margin-right:1em} svg text{font-size:11px;font-family:system-ui,sans-serif}
"""


def _esc(value) -> str:
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return html.escape(str(value))


def _table(frame: pd.DataFrame, columns: list[str], cls: str, empty: str = "none") -> str:
    if frame.empty:
        return f"<p class='none {cls}'>{empty}</p>"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    rows = "".join("<tr>" + "".join(f"<td>{_esc(r[c])}</td>" for c in columns) + "</tr>"
                   for _, r in frame[columns].iterrows())
    return f"<table class='{cls}'><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _highlighted_body(doc: pd.Series, mentions: pd.DataFrame) -> str:
    """The article body with its mentions marked by displaCy (offsets are into documents.text)."""
    from spacy import displacy

    start, end = int(doc.body_start), int(doc.body_end)
    ents = [{"start": int(m.start_char) - start, "end": int(m.end_char) - start, "label": str(m.label)}
            for m in mentions.itertuples() if start <= m.start_char and m.end_char <= end]
    return displacy.render({"text": doc.text[start:end], "ents": sorted(ents, key=lambda e: e["start"])},
                           style="ent", manual=True, page=False, options={"colors": COLORS})


def _timeline_svg(events: pd.DataFrame, width: int = 640) -> str:
    """Ratings (dots coloured by rank) and appointments/departures (ticks) along a time axis."""
    events = events.dropna(subset=["when"]).sort_values("when")
    if events.empty:
        return "<p class='none'>no dated events</p>"
    first, last = events.when.min(), events.when.max()
    span = max((last - first).days, 1)
    pad, height = 40, 70

    def x(when):
        return pad + (width - 2 * pad) * ((when - first).days / span if span else 0.5)
    parts = [f"<svg class='timeline' width='{width}' height='{height}' viewBox='0 0 {width} {height}' "
             f"xmlns='http://www.w3.org/2000/svg' role='img'>",
             f"<line x1='{pad}' y1='35' x2='{width - pad}' y2='35' stroke='#888'/>",
             f"<text x='{pad}' y='62' text-anchor='middle'>{first.year}</text>",
             f"<text x='{width - pad}' y='62' text-anchor='middle'>{last.year}</text>"]
    for e in events.itertuples():
        label = html.escape(f"{e.when.date().isoformat()}: {e.what}")
        if e.kind == "rating":
            color = RANK_COLORS.get(int(e.rank) if pd.notna(e.rank) else 0, "#777")
            parts.append(f"<circle class='rating-dot' cx='{x(e.when):.1f}' cy='35' r='7' fill='{color}'>"
                         f"<title>{label}</title></circle>")
        else:
            parts.append(f"<line class='role-tick' x1='{x(e.when):.1f}' y1='18' x2='{x(e.when):.1f}' y2='52' "
                         f"stroke='#1f5fbf' stroke-width='3'><title>{label}</title></line>")
    parts.append("</svg>")
    return "".join(parts)


def _when(frame: pd.DataFrame, docs: pd.DataFrame) -> pd.Series:
    """A date for each row: the start of its own date span when known, else its article's date."""
    published = frame.doc_id.map(docs.set_index("doc_id").published)
    own = frame["date_start"] if "date_start" in frame else pd.Series(pd.NaT, index=frame.index)
    return pd.to_datetime(own).fillna(published)


def _body_key(text) -> str | None:
    return " ".join(str(text).split()).strip().lower() if isinstance(text, str) and text.strip() else None


def render(out_dir: str | Path) -> str:
    t = load(out_dir)
    docs, mentions, roles, ratings, dates, quotes = (t.documents, t.mentions, t.roles, t.ratings, t.dates,
                                                     t.quotes)
    counts = {name: frame.groupby("doc_id").size() for name, frame in
              (("mentions", mentions), ("roles", roles), ("ratings", ratings), ("quotes", quotes))}
    index = docs.assign(**{name: docs.doc_id.map(c).fillna(0).astype(int) for name, c in counts.items()},
                        anchor=docs.doc_id.map(lambda d: f"<a href='#doc-{d}'>{d[:8]}</a>"))
    out = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>",
           f"<title>Extraction report: {html.escape(str(out_dir))}</title><style>{STYLE}</style></head><body>",
           f"<h1>What was extracted from {len(docs)} articles</h1>",
           f"<p class='meta'>{len(t.people)} people, {len(roles)} roles, {len(ratings)} ratings, "
           f"{len(dates)} dates, {len(quotes)} quotes; {len(t.rejected)} inputs rejected.</p>",
           "<nav><a href='#articles'>Articles</a><a href='#people'>People</a>"
           "<a href='#organisations'>Organisations</a><a href='#rejected'>Rejected</a></nav>",
           "<h2 id='articles'>Articles</h2>"]
    rows = "".join(
        f"<tr class='article-row'><td>{r.anchor}</td><td>{_esc(r.title)}</td><td>{_esc(r.publisher)}</td>"
        f"<td>{_esc(r.published)}</td><td>{r.mentions}</td><td>{r.roles}</td><td>{r.ratings}</td>"
        f"<td>{r.quotes}</td></tr>" for r in index.itertuples())
    out.append("<table id='article-index'><thead><tr><th>id</th><th>title</th><th>publisher</th><th>published</th>"
               "<th>mentions</th><th>roles</th><th>ratings</th><th>quotes</th></tr></thead>"
               f"<tbody>{rows}</tbody></table>")

    for doc in docs.itertuples():
        own = (lambda frame: frame[frame.doc_id == doc.doc_id])
        out.append(f"<section class='article' id='doc-{doc.doc_id}'><h3>{_esc(doc.title) or doc.source_path}</h3>"
                   f"<p class='meta'>{_esc(doc.publisher)} · {_esc(doc.published)} · {_esc(doc.source_path)}</p>"
                   f"<div class='body'>{_highlighted_body(doc, own(mentions))}</div>"
                   "<h4>Roles</h4>" + _table(own(roles), ["person", "role", "qualifier", "organization", "event", "date"], "roles")
                   + "<h4>Ratings</h4>" + _table(own(ratings), ["subject", "rating", "scheme", "rank", "rated_by", "date", "negated", "hypothetical"], "ratings")
                   + "<h4>Dates</h4>" + _table(own(dates), ["text", "value", "granularity", "anchored"], "dates")
                   + "<h4>Quotes</h4>" + _table(own(quotes), ["speaker", "role", "cue", "quote"], "quotes")
                   + "</section>")

    out.append("<h2 id='people'>People</h2>")
    titles = docs.set_index("doc_id").title
    held = roles.assign(article=roles.doc_id.map(titles))
    said = quotes.groupby("person_id").size()
    for person in t.people.sort_values("name").itertuples():
        mine = held[held.person_id == person.person_id]
        out.append(f"<div class='person'><h3>{_esc(person.name)}</h3><p class='meta'>{person.n_mentions} mentions in "
                   f"{person.n_documents} articles; {int(said.get(person.person_id, 0))} quotes; also written "
                   f"{_esc(', '.join(person.aliases)) or '—'}</p>"
                   + _table(mine, ["role", "organization", "event", "date", "article"], "held", "no role found")
                   + "</div>")

    out.append("<h2 id='organisations'>Organisations</h2><p class='meta'>Rated bodies by their organisation "
               "(organizations table), else by the subject as written; green is a scheme's best grade, red its "
               "worst.</p>")
    names = t.organizations.set_index("org_id").name if "organizations" in t else pd.Series(dtype=str)
    rated = ratings.assign(key=ratings.subject_org_id.fillna(ratings.subject.map(_body_key)),
                           when=_when(ratings, docs)).dropna(subset=["key"])
    led = roles.assign(key=roles.org_id.fillna(roles.organization.map(_body_key)), when=_when(roles, docs))
    for key, group in sorted(rated.groupby("key"), key=lambda kv: -len(kv[1])):
        leaders = led[led.key == key]
        title = names.get(key, group.subject.iloc[0])
        events = pd.concat([
            pd.DataFrame({"when": group.when, "kind": "rating", "rank": group["rank"],
                          "what": group.rating.astype(str) + " (" + group.scheme.astype(str) + ")"}),
            pd.DataFrame({"when": leaders.when, "kind": "role", "rank": pd.NA,
                          "what": leaders.person.astype(str) + ", " + leaders.role.astype(str)}),
        ])
        out.append(f"<div class='organisation'><h3>{_esc(title)}</h3>" + _timeline_svg(events)
                   + _table(group.sort_values("when"), ["when", "rating", "scheme", "rank", "rated_by", "negated"], "org-ratings")
                   + _table(leaders, ["person", "role", "event", "when"], "org-leaders", "no office holder found")
                   + "</div>")

    out.append("<h2 id='rejected'>Rejected inputs</h2>" + _table(t.rejected, ["source_path", "reason", "detail"], "rejected",
                                                                "nothing was rejected"))
    out.append("</body></html>")
    return "\n".join(out)


def write_report(out_dir: str | Path, path: str | Path | None = None) -> Path:
    """Write the report (default: OUT/report.html) atomically and return its path."""
    import os
    import tempfile

    path = Path(path) if path else Path(out_dir) / "report.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = render(out_dir)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    return path
