"""The extraction report, opened in a real browser (headless Chromium): articles listed, mentions
highlighted, tables filled, the timeline drawn, and a screenshot that is not blank."""
from __future__ import annotations

import re

import pytest

from pipeline.report import browser
from pipeline.report.extraction import write_report

pytestmark = [pytest.mark.model, pytest.mark.corpus]


@pytest.fixture(scope="module")
def report(raw_output, tmp_path_factory):
    out, summary = raw_output
    page = write_report(out, tmp_path_factory.mktemp("report") / "report.html")
    return page, summary


def test_the_report_is_self_contained(report):
    page, _ = report
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", text), "the report fetches from the network"
    assert "<script" not in text


def test_the_rendered_report_lists_highlights_and_draws(report, raw_output):
    page, summary = report
    import pandas as pd
    out, _ = raw_output
    ratings = pd.read_parquet(out / "ratings.parquet")
    dom = browser.rendered_dom(page)
    assert dom.count("class=\"article-row\"") == summary.documents
    assert dom.count("<mark") >= summary.mentions.total() * 0.9  # every mention in a body is marked
    for label in ("PERSON", "ROLE", "ORG", "RATING", "DATE"):
        assert f">{label}</span>" in dom
    assert dom.count("<tr>") > 50 and "class=\"roles\"" in dom and "class=\"quotes\"" in dom
    dated = ratings.dropna(subset=["subject"])
    assert dom.count("class=\"rating-dot\"") >= 1 and dom.count("class=\"rating-dot\"") <= len(dated)
    assert "<svg class=\"timeline\"" in dom


def test_the_screenshot_is_not_blank(report, tmp_path):
    page, _ = report
    png = browser.screenshot(page, tmp_path / "report.png")
    assert browser.ink(png) > 0.02


def test_a_blank_page_has_no_ink(tmp_path):
    blank = tmp_path / "blank.html"
    blank.write_text("<!doctype html><html><body></body></html>", encoding="utf-8")
    assert browser.ink(browser.screenshot(blank, tmp_path / "blank.png")) < 0.01


def test_the_evaluation_report_shows_scores_first_marks_misses_and_relations(tmp_path):
    import shutil
    from pathlib import Path

    from pipeline.eval.score import evaluate_corpus, write_reports

    root = Path(__file__).resolve().parent.parent
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("000_1bc995fd72f8be42.jsonl", "wa1_wirral_no_longer_inadequate.jsonl"):
        shutil.copy(root / "corpus" / "gold" / name, gold / name)
    report = evaluate_corpus(gold, root / "corpus")
    _, page = write_reports(report, tmp_path / "reports")
    dom = browser.rendered_dom(page)
    assert dom.index("class=\"scores\"") < dom.index("class=\"document\"")  # the scores come first
    assert dom.count("class=\"document\"") == 2
    misses = sum(s["status"] == "missed" for d in report["dev"]["documents"] + report["test"]["documents"]
                 for s in d["gold_spans"])
    assert len(re.findall(r"(?:PERSON|ROLE|ORG|RATING|DATE) MISSED</span>", dom)) == misses
    assert "HAS_ROLE</td>" in dom and "RATED</td>" in dom
    assert browser.ink(browser.screenshot(page, tmp_path / "eval.png")) > 0.02
