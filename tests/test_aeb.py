"""The article-extraction-benchmark adapter on a made-up clone (CI has no copy of the benchmark)."""
import gzip
import json

import pytest

from pipeline.eval.external import adapter as load_adapter
from pipeline.eval.external.aeb import (HeldOutSplit, expected_instant, page_ids, page_metadata, predicted_body,
                                       published_rule, same_title)
from pipeline.structure import Structure

BODY = ["Northshire County Council's children's services have been rated good by Ofsted for the first time "
        "in a decade, inspectors said on Tuesday after a three-week visit to the service.",
        "The director of children's services said the judgement reflected the work of staff over several "
        "years of change, and thanked the families who had spoken to the inspectors."]

PAGE = ("<html><head><meta property='og:title' content='Northshire services rated good | Bugle'>"
        "<meta property='article:published_time' content='2017-03-14T23:30:00-05:00'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Northshire services rated good</h1>"
        + "".join(f"<p>{p}</p>" for p in BODY) + "</article><footer>Copyright Bugle</footer></body></html>")

# a stand-in for the benchmark's evaluate.py (the real one is imported from a real clone)
SCORER = '''
def string_shingle_matching(true, pred):
    t, p = set(true.split()), set(pred.split())
    tp, fp, fn = len(t & p), len(p - t), len(t - p)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)

def metrics_from_tp_fp_fns(rows):
    p = sum(tp / (tp + fp) for tp, fp, fn in rows if tp + fp) / len(rows)
    r = sum(tp / (tp + fn) for tp, fp, fn in rows if tp + fn) / len(rows)
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}
'''


@pytest.fixture
def clone(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "evaluate.py").write_text(SCORER)
    truth = {}
    for page_id in ("0a" + "0" * 62, "9b" + "0" * 62):
        (tmp_path / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
        truth[page_id] = {"articleBody": "\n".join(BODY), "url": "https://example.org/a"}
    # a page outside the development part: never opened
    (tmp_path / "html" / ("9b" + "0" * 62 + ".html.gz")).write_bytes(b"not gzip at all")
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    return tmp_path


def test_dev_split_scores_only_dev_pages(clone, tmp_path):
    adapter = load_adapter("aeb")
    result = adapter.evaluate(clone, reports=tmp_path / "reports")
    assert result["pages"] == 1 and result["split"] == "dev"
    assert [p["id"][:2] for p in result["per_page"]] == ["0a"]
    html = result["systems"]["html"]
    assert html["body_f1"] > 0.9 and html["title_accuracy"] == 1.0 and html["date_accuracy"] == 1.0
    assert result["per_page"][0]["expected_published"] == "2017-03-14"
    assert json.loads((tmp_path / "reports" / "aeb-dev.json").read_text())["pages"] == 1


def test_only_the_development_pages_can_be_scored(clone, tmp_path):
    with pytest.raises(HeldOutSplit):
        load_adapter("aeb").evaluate(clone, split="all", reports=tmp_path)
    assert [i[:2] for i in page_ids(clone, "dev")] == ["0a"]


def test_title_matching_and_page_metadata():
    assert same_title("Northshire services rated good", "Northshire services rated good | Bugle")
    assert same_title("‘Quoted’ title here", "'Quoted' title here")
    assert not same_title("Most read", "Northshire services rated good | Bugle")
    assert not same_title(None, "x")
    meta = page_metadata('<html><head><script type="application/ld+json">{"@graph": [{"headline": "A b c",'
                         ' "datePublished": "2019-11-19T04:58:46Z"}]}</script></head><body></body></html>')
    assert meta == {"title": "A b c", "published": "2019-11-19T04:58:46Z"}


def test_predicted_body_drops_headline_and_excluded_ranges():
    text = "Headline here\n\nBy Jane Doe\n\nFirst paragraph.\n\nSecond paragraph."
    s = Structure(0, len(text), title="Headline here", excluded=[(15, 26)])
    assert predicted_body(text, s) == "First paragraph.\n\nSecond paragraph."


def test_cli_scores_dev_and_refuses_unknown_benchmarks(clone, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate-external", "aeb", str(clone), "--out", str(tmp_path / "r" / "aeb-dev.json")])
    assert result.exit_code == 0, result.output
    assert "dev pages: 1" in result.output and "pipeline on the HTML" in result.output
    assert (tmp_path / "r" / "aeb-dev.json").is_file()
    unknown = runner.invoke(app, ["evaluate-external", "nope", str(clone)])
    assert unknown.exit_code == 2


@pytest.mark.parametrize("day, time, offset, stated, rule", [
    # (a) the day as the page writes it is the metadata's written day
    ("2019-11-19", None, None, "2019-11-19T04:58:46Z", "day"),
    ("2019-11-19", "23:59:00", -300, "2019-11-19", "day"),
    # (b) a time with a zone: the instant, in the metadata's offset, falls on the metadata's day
    ("2019-11-18", "19:04:00", -300, "2019-11-19T00:04:00.000Z", "instant"),
    ("2019-11-18", "19:04:00", -300, "2019-11-19T01:04:00+01:00", "instant"),
    ("2019-11-19", "22:01:00", -480, "2019-11-20T05:57:50Z", "instant"),     # minutes apart: still that day
    ("2019-11-19", "20:00:00", -300, "2019-11-20T01:50:59", "instant"),      # a naive timestamp is UTC
    ("2019-11-18", "10:00:00", -300, "2019-11-19T00:04:00Z", None),          # 15:00 UTC on the 18th
    ("2019-11-18", "19:04:00", -300, "2019-11-19", None),                    # the metadata states no time
    # (c) a time without zone is the metadata's instant on some real zone's clock
    ("2019-11-18", "23:03:00", None, "2019-11-19T07:03:25+00:00", "wall_clock"),   # UTC-8
    ("2019-11-19", "17:50:00", None, "2019-11-20T01:50:59.403", "wall_clock"),
    ("2019-11-20", "04:30:00", None, "2019-11-19T23:00:00Z", "wall_clock"),        # UTC+5:30
    ("2019-11-18", "19:00:00", None, "2019-11-19T07:00:00Z", "wall_clock"),        # UTC-12, the last zone
    ("2019-11-20", "01:00:00", None, "2019-11-19T11:00:00Z", "wall_clock"),        # UTC+14, the first
    ("2019-11-18", "23:05:00", None, "2019-11-19T07:03:25+00:00", None),           # minutes differ
    ("2019-11-18", "23:10:00", None, "2019-11-19T07:03:25+00:00", None),           # 8 h less 7 min: no zone
    ("2019-11-20", "01:15:00", None, "2019-11-19T11:00:00Z", None),                # UTC+14:15: none
    ("2019-11-20", "00:00:00", None, "2019-11-19T09:00:00Z", None),                # UTC+15: none
    ("2019-11-18", "18:45:00", None, "2019-11-19T07:00:00Z", None),                # UTC-12:15: none
    ("2019-11-18", None, None, "2019-11-19T07:03:25+00:00", None),                 # no time: the day decides
    (None, None, None, "2019-11-19T07:03:25+00:00", None),
    ("2019-11-19", None, None, None, None),
])
def test_published_rules(day, time, offset, stated, rule):
    assert published_rule(day, time, offset, stated) == rule


def test_expected_instant_reads_naive_timestamps_as_utc():
    assert expected_instant("2019-11-20T01:50:59.403").utcoffset().total_seconds() == 0
    assert expected_instant("2019-11-20 01:50:59").hour == 1
    assert expected_instant("2019-11-20T01:50:59-05:00").utcoffset().total_seconds() == -5 * 3600
    assert expected_instant("2019-11-20") is None and expected_instant("0001-01-01T00:00:00Z") is None


def test_report_keeps_the_predicted_time_and_the_rule(tmp_path):
    """A page that shows its local day and time under metadata in UTC on the next day."""
    page = ("<html><head><meta property='og:title' content='Library opens after three years'>"
            "<meta property='article:published_time' content='2017-03-15T04:30:00+00:00'></head><body>"
            "<article><h1>Library opens after three years</h1><p>By Sam Writer</p><p>March 14, 2017 11:30 PM</p>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</article></body></html>")
    (tmp_path / "html").mkdir()
    (tmp_path / "evaluate.py").write_text(SCORER)
    page_id = "0c" + "0" * 62
    (tmp_path / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    (tmp_path / "ground-truth.json").write_text(json.dumps({page_id: {"articleBody": "\n".join(BODY)}}))
    record = load_adapter("aeb").evaluate(tmp_path, reports=tmp_path / "reports")["per_page"][0]
    assert record["stated_published"] == "2017-03-15T04:30:00+00:00"
    text, html = record["text"], record["html"]
    assert (text["published"], text["published_time"], text["published_utc_offset"]) == ("2017-03-14", "23:30:00", None)
    assert text["published_rule"] == "wall_clock" and text["published_ok"] is True
    assert html["published_rule"] == "day" and html["published_time"] == "04:30:00" and html["published_utc_offset"] == 0
