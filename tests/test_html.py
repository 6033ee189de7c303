"""HTML input: a saved page becomes a document whose text is the article only (made-up pages)."""
import datetime as dt

import pytest

from pipeline.extract.process import process_article
from pipeline.io.inputs import find_inputs, input_format
from pipeline.structure.html import page_language, read_html

PARAGRAPHS = [
    "Northshire County Council's children's services have been rated good by Ofsted for the first time "
    "in a decade, inspectors said on Tuesday after a three-week visit.",
    "The council's director of children's services, Ann Medlow, said the judgement reflected the work of "
    "staff over several years of change and a new way of working with families.",
    "Inspectors praised the speed of the front door service and the stability of the social work teams, "
    "which now rely far less on agency workers than they did three years ago.",
]

PAGE = """<!DOCTYPE html>
<html lang="en-gb"><head>
<title>Children's services rated good | The Daily Tidings</title>
<meta property="og:title" content="Northshire children's services rated good after years of failure">
<meta property="og:site_name" content="The Daily Tidings">
<meta property="og:locale" content="en_GB">
<meta property="article:published_time" content="2017-03-14T09:30:00+00:00">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://www.example.co.uk/news/northshire-rated-good">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><p>Today is Wednesday 2 December 2026. Councillor Bob Smith opens the fete.</p></header>
<article>
<h1>Northshire children's services rated good after years of failure</h1>
<p class="byline">By Jane Doe, 14 March 2017</p>
""" + "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS) + """
<aside><h3>Most read</h3><ul><li><a href="/a">Minister Tom Jones resigns over housing row</a></li></ul></aside>
</article>
<footer><p>Copyright 2017 The Daily Tidings. Contact Mary Brown at the news desk.</p></footer>
</body></html>
"""


def test_page_to_article_text_and_metadata():
    page = read_html(PAGE)
    s = page.structure
    assert page.text.startswith("Northshire children's services rated good after years of failure\n\n")
    for p in PARAGRAPHS:
        assert p in page.text
    for furniture in ("Most read", "Tom Jones", "Copyright", "Mary Brown", "Today is", "Bob Smith"):
        assert furniture not in page.text
    assert (s.body_start, s.body_end) == (0, len(page.text))
    assert s.title == "Northshire children's services rated good after years of failure"
    assert s.published == dt.date(2017, 3, 14)
    assert s.publisher == "The Daily Tidings"
    assert s.author == "Jane Doe"
    assert s.url == "https://www.example.co.uk/news/northshire-rated-good"
    assert s.language == "en-GB" and s.input_format == "html"


def test_language_from_og_locale_else_html_lang():
    assert page_language('<html lang="fr"><head></head><body><p>x</p></body></html>') == "fr"
    assert page_language('<html lang="en-us"><head><meta property="og:locale" content="en_GB"></head>'
                         '<body><p>x</p></body></html>') == "en-GB"
    assert page_language("<html><head></head><body><p>x</p></body></html>") is None


def test_html_files_are_articles(tmp_path):
    for name in ("a.html", "b.HTM", "c.txt", "d.pdf"):
        (tmp_path / name).write_text("x")
    articles, others = find_inputs(tmp_path)
    assert [a.relative_path for a in articles] == ["a.html", "b.HTM", "c.txt"]
    assert [o.relative_path for o in others] == ["d.pdf"]
    assert input_format("x/page.htm") == "html" and input_format("a.txt") == "text" and input_format("a.pdf") is None


@pytest.mark.model
def test_html_rows_offsets_index_the_article_text():
    rows = process_article("page.html", PAGE.encode("utf-8"))
    doc = rows["documents"][0]
    assert doc["input_format"] == "html" and doc["language"] == "en-GB" and doc["author"] == "Jane Doe"
    assert doc["published"] == dt.date(2017, 3, 14) and doc["published_source"] == "html"
    assert doc["url"] == "https://www.example.co.uk/news/northshire-rated-good"
    text = doc["text"]
    assert rows["mentions"], "the article names people and organisations"
    for m in rows["mentions"]:
        assert text[m["start_char"]:m["end_char"]] == m["text"]
    names = {m["text"] for m in rows["mentions"] if m["label"] == "PERSON"}
    assert "Ann Medlow" in names
    assert not names & {"Tom Jones", "Mary Brown", "Bob Smith"}


@pytest.mark.model
def test_page_without_article_is_rejected_not_a_crash():
    rows = process_article("empty.html", b"<html><head><title>x</title></head><body><script>var x = 1;</script></body></html>")
    assert rows["documents"] == []
    assert rows["rejected"][0]["reason"] == "no_article"
