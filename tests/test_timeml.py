"""The TimeML adapter (pipeline/eval/external/timeml.py) on a tiny made-up file: reading, offsets,
scoring, and the refusal of any folder but the development part (TimeBank)."""
import json

import pytest

from pipeline.eval.external import ADAPTERS, adapter
from pipeline.eval.external.timeml import HeldOutRefused, evaluate, read_tml, same_value

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-26" temporalFunction="false" functionInDocument="CREATION_TIME">10/26/89</TIMEX3></DCT>
<TEXT>
Acme Corp. said <TIMEX3 tid="t1" type="DATE" value="1989-Q3">third-quarter</TIMEX3> profit rose &amp; sales fell.

The company said <TIMEX3 tid="t2" type="DATE" value="1989-10-25">yesterday</TIMEX3> it will pay a dividend <TIMEX3 tid="t3" type="DATE" value="1989-12-07">Dec. 7</TIMEX3> after <TIMEX3 tid="t4" type="DURATION" value="P3Y">three years</TIMEX3> without one, <TIMEX3 tid="t5" type="DATE" value="PRESENT_REF">now</TIMEX3> and in <TIMEX3 tid="t6" type="DATE" value="198">the 1980s</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_tml_offsets_and_creation_time(tmp_path):
    path = tmp_path / "test_0001.tml"
    path.write_text(TML)
    doc = read_tml(path)
    assert doc.dct == "1989-10-26"
    assert [doc.text[t.start:t.end] for t in doc.timexes] == [t.text for t in doc.timexes]
    assert [t.text for t in doc.timexes if t.scored] == ["third-quarter", "yesterday", "Dec. 7", "the 1980s"]
    assert "&" in doc.text and "<" not in doc.text


def test_evaluate_scores_dates_and_writes_json(tmp_path, nlp):
    folder = tmp_path / "TimeBank"
    folder.mkdir()
    (folder / "test_0001.tml").write_text(TML)
    (folder / "._test_0001.tml").write_bytes(b"\x00\x05\x16\x07 resource fork")  # skipped, not a crash
    out = tmp_path / "report.json"
    result = evaluate(folder, out=out)
    assert result["counts"]["gold"] == 4
    scores = result["scores"]
    assert 0 < scores["relaxed"]["f1"] <= 1 and scores["value"]["f1"] <= scores["relaxed"]["f1"]
    assert scores["value"]["f1"] == pytest.approx(scores["value"]["accuracy"] * scores["relaxed"]["f1"])
    assert json.loads(out.read_text())["counts"] == result["counts"]


def test_a_folder_other_than_timebank_is_refused(tmp_path):
    folder = tmp_path / "other"
    folder.mkdir()
    with pytest.raises(HeldOutRefused):
        evaluate(folder)


def test_decades_compare_with_or_without_x_fill():
    assert same_value("198", "198X") and same_value("19", "19XX") and same_value("1989-Q3", "1989-Q3")
    assert not same_value("1989", "198X") and not same_value("198", None)


def test_registry():
    assert "timeml" in ADAPTERS and hasattr(adapter("timeml"), "print_report")


def test_cli_refuses_other_folders_and_bad_date_orders(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app
    runner = CliRunner()
    folder = tmp_path / "other"
    folder.mkdir()
    result = runner.invoke(app, ["evaluate-external", "timeml", str(folder)])
    assert result.exit_code == 2 and "only the development part" in result.output
    result = runner.invoke(app, ["evaluate-external", "nosuch", str(folder)])
    assert result.exit_code == 2 and "unknown adapter" in result.output
    result = runner.invoke(app, ["extract", "--in", str(tmp_path), "--out", str(tmp_path / "out"), "--date-order", "sideways"])
    assert result.exit_code == 2 and "date order" in result.output


def test_sidecar_date_order_and_locale():
    from pipeline.io.sidecars import _metadata_from
    assert _metadata_from({"locale": "en-US"}).date_order == "mdy"
    assert _metadata_from({"date_order": "dmy"}).date_order == "dmy"
    assert _metadata_from({}).date_order is None
    with pytest.raises(ValueError):
        _metadata_from({"date_order": "sideways"})


@pytest.mark.model
def test_extract_date_order_option_reaches_the_rows(tmp_path):
    import pandas as pd

    from pipeline.run.runner import run
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Deal signed\n\nPublished 20 December 1998\n\nThe deal was signed on 10/12/98, "
                               "the company said in a statement to shareholders on Monday.\n")
    run(src, tmp_path / "out", progress=False, date_order="mdy")
    dates = pd.read_parquet(tmp_path / "out" / "dates.parquet")
    assert "1998-10-12" in set(dates.value)
