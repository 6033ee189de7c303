"""Read a saved HTML page: the article's text and what the page says about it, from trafilatura.

A page is turned into a document whose `text` is the article only: the headline, a blank line, then
the body paragraphs trafilatura keeps (one per line, separated by blank lines, as a text page has
them). Menus, bylines, share blocks, comments and related links are not in the text at all, so
nothing outside the article can yield a mention and every offset indexes `documents.text`.

Metadata come from trafilatura too (title, author, site name, canonical URL; the publication date
through htmldate, which trafilatura calls with `original_date`, so a page's first-published date is
preferred over its last-modified one) unless the page declares its date for machines
(`article:published_time`, JSON-LD `datePublished`), which is taken as written. The page's language is read here, from `og:locale` (it names
the region: en_GB) or else `<html lang>`, and kept for the date grammar (day/month order).

Pure: a decoded page in, a `Structure` and the text out; no file or network access.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from .page import Structure

#: trafilatura's settings for a news page: comments are not the article; tables are (league
#: tables, inspection results); images and links carry no text of their own.
EXTRACTION = {"include_comments": False, "include_tables": True, "include_images": False,
              "include_links": False, "with_metadata": True}
#: htmldate never accepts a date after this (its default, the day of the run, would make the rows
#: depend on when the run happened).
MAX_DATE = "2099-12-31"
LANGUAGE_TAG = re.compile(r"^(?P<lang>[A-Za-z]{2,3})(?:[-_](?P<region>[A-Za-z]{2}|\d{3}))?\b")


@dataclass
class HtmlPage:
    """What one page yields: the document text (headline + body) and its structure."""

    text: str
    structure: Structure


class NoArticle(ValueError):
    """The page has no article text trafilatura could find."""


def read_html(page: str, url: str | None = None) -> HtmlPage:
    """The article of one decoded HTML page. Raises `NoArticle` when there is no body text."""
    import trafilatura  # imported here: text-only runs never pay for it

    found = trafilatura.bare_extraction(page, url=url, date_extraction_params={
        "original_date": True, "extensive_search": True, "max_date": MAX_DATE}, **EXTRACTION)
    body = _clean(getattr(found, "text", None) or "") if found is not None else ""
    if not body.strip():
        raise NoArticle("no article text found in the page")
    title = _one_line(found.title)
    paragraphs = [p for p in body.split("\n") if p.strip()]
    if title and paragraphs and _one_line(paragraphs[0]) == title:
        paragraphs = paragraphs[1:]  # trafilatura sometimes keeps the headline as the first line
    text = "\n\n".join(([title] if title else []) + paragraphs)
    published, published_text = declared_date(page)
    if published is None:
        published, published_text = _date(found.date)
    structure = Structure(
        body_start=0, body_end=len(text), title=title, publisher=_one_line(found.sitename),
        published=published, published_text=published_text, author=_one_line(found.author),
        url=found.url or url, language=page_language(page), input_format="html")
    structure.published_time, structure.published_zone, structure.published_utc_offset = declared_clock(published_text)
    return HtmlPage(text, structure)


#: The clock part of a declared timestamp: "T07:03:25+00:00", " 19:31:39", "T01:19:34.819Z"
DECLARED_CLOCK = re.compile(r"[T ](?:[01]\d|2[0-3]):[0-5]\d")


def declared_clock(value: str | None) -> tuple[dt.time | None, str | None, int | None]:
    """The clock time of a declared publication timestamp as written (to the second), its offset as
    written ("+00:00", "Z"; None for a naive timestamp) and that offset in minutes east of UTC;
    (None, None, None) for a bare day or anything `datetime.fromisoformat` cannot read."""
    if not value or not DECLARED_CLOCK.match(value, 10):
        return None, None, None
    try:
        stamp = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None, None, None
    offset = stamp.utcoffset()
    if offset is None:
        return stamp.time().replace(microsecond=0), None, None
    zone = re.search(r"(?:Z|[+-]\d\d(?::?\d\d)?)$", value.strip())
    return (stamp.time().replace(microsecond=0), zone.group() if zone else None,
            int(offset.total_seconds() // 60))


#: Earlier than this, a declared date is a placeholder ("0001-01-01"), not a publication date.
EARLIEST_YEAR = 1900


def _tree(page: str):
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(page.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None


def declared_date(page: str) -> tuple[dt.date | None, str | None]:
    """The publication date the page declares for machines: `article:published_time`, else
    JSON-LD `datePublished`, else an `itemprop="datePublished"` element; its day as written (the
    publisher's own time zone, not converted). (None, None) when it declares none, or only a
    placeholder. Preferred to htmldate's guess, which may take a date from the address or the
    visible text instead."""
    tree = _tree(page)
    if tree is None:
        return None, None
    values = tree.xpath('//meta[@property="article:published_time" or @name="article:published_time"]/@content')
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            values += _json_values(json.loads(script), "datePublished")
        except ValueError:
            continue
    values += tree.xpath('//*[@itemprop="datePublished"]/@content | //*[@itemprop="datePublished"]/@datetime')
    for value in values:
        published, text = _date(value.strip() if isinstance(value, str) else None)
        if published and published.year >= EARLIEST_YEAR:
            return published, text
    return None, None


def _json_values(node, key: str) -> list[str]:
    """Every string value of `key` in a JSON-LD document, in document order."""
    found = []
    if isinstance(node, dict):
        if isinstance(node.get(key), str):
            found.append(node[key])
        node = [v for k, v in node.items() if k != key]
    if isinstance(node, list):
        for item in node:
            found += _json_values(item, key)
    return found


def page_language(page: str) -> str | None:
    """The page's language as a BCP 47 tag ("en-GB", "fr"): `og:locale`, else `<html lang>`."""
    tree = _tree(page)
    if tree is None:
        return None
    candidates = tree.xpath('//meta[@property="og:locale" or @name="og:locale"]/@content')
    candidates += tree.xpath("/html/@lang | /html/@xml:lang",
                             namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
    for value in candidates:
        m = LANGUAGE_TAG.match(value.strip())
        if m:
            lang, region = m["lang"].lower(), m["region"]
            return f"{lang}-{region.upper()}" if region else lang
    return None


def _date(value: str | None) -> tuple[dt.date | None, str | None]:
    if not value:
        return None, None
    try:
        return dt.date.fromisoformat(value[:10]), value
    except ValueError:
        return None, None


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    line = " ".join(value.split())
    return line or None


def _clean(text: str) -> str:
    """Line ends as in a text input, soft hyphens out (they split words for the tokenizer)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))
