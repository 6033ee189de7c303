"""The article-extraction-benchmark adapter on a made-up clone (CI has no copy of the benchmark)."""
import gzip
import json

import pytest

from pipeline.eval.external import adapter as load_adapter
from pipeline.eval.external.aeb import HeldOutSplit, page_ids, page_metadata, predicted_body, same_title
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
