"""The PolNeAR adapter on a made-up article in PolNeAR's layout (the dataset itself is not in CI)."""
import pytest

from pipeline.eval.external import ADAPTERS, adapter
from pipeline.eval.external import polnear as P

TEXT = ("Brannock Rally.\n\n"
        "“We will win this state,” said Mary Bell, a campaign aide. “And then we will win the rest.”\n\n"
        "Bell said the campaign had “real momentum” in the county.\n\n"
        "“Nobody expected this,” she said.\n")


def _span(text, s, length=None):
    """ "start end" of `s` (or of its first `length` characters) in the text."""
    at = TEXT.index(s)
    return f"{at} {at + (length or len(s))}"


ANN = "\n".join([
    f"T1\tContent {_span(TEXT, '“We will win this state,”')};{_span(TEXT, '“And then we will win the rest.”')}\tx",
    f"T2\tCue {_span(TEXT, 'said Mary', 4)}\tsaid",
    f"T3\tSource {_span(TEXT, 'Mary Bell, a campaign aide')}\tMary Bell, a campaign aide",
    "E1\tAttribution:T9 Content:T1 Cue:T2 Source:T3",
    f"T4\tSource {_span(TEXT, 'Bell said the', 4)}\tBell",
    f"T5\tContent {_span(TEXT, 'the campaign had “real momentum” in the county')}\tx",
    "E2\tAttribution:T9 Content:T5 Source:T4",
    f"T6\tContent {_span(TEXT, '“Nobody expected this,”')}\tx",
    f"T7\tSource {_span(TEXT, 'she said.', 3)}\tshe",
    "E3\tAttribution:T9 Content:T6 Source:T7",
]) + "\n"


def _mention(s, label="PERSON", normalized=None):
    at = TEXT.index(s)
    return {"label": label, "start_char": at, "end_char": at + len(s), "text": s, "normalized": normalized or s}


def _row(s, speaker, person=True):
    at = TEXT.index(s)
    return {"start_char": at, "end_char": at + len(s), "quote": s, "speaker": speaker,
            "person_id": "p" if person and speaker else None}


def _tallies():
    return {"detection": P.Tally(), "attribution": P.Tally(), "kinds": {k: P.Tally() for k in P.KINDS}, "partial": 0}


def test_adapter_is_registered():
    assert "polnear" in ADAPTERS and adapter("polnear") is P


def test_direct_quotes_are_attributions_mostly_inside_quote_marks():
    atts = P.read_ann(ANN)
    mask = P.quoted_mask(TEXT)
    assert [P.is_direct(a, TEXT, mask) for a in atts] == [True, False, True]


def test_pronoun_source_refers_to_the_nearest_named_source():
    golds = P.gold_quotes(TEXT, P.read_ann(ANN), [_mention("Mary Bell")])
    assert [g.kind for g in golds] == ["named", "pronoun"]
    assert P._source_text(TEXT, golds[1].referent) == "Bell"


def test_scoring_counts_a_multi_paragraph_quote_once_and_sets_partial_quotes_aside():
    rows = {"mentions": [_mention("Mary Bell"), _mention("Bell", normalized="Mary Bell")],
            "quotes": [_row("We will win this state", "Mary Bell"),
                       _row("And then we will win the rest.", "Mary Bell"),
                       _row("real momentum", "Mary Bell"),
                       _row("Nobody expected this", "Brannock")]}
    tallies = _tallies()
    P.score_article(TEXT, P.read_ann(ANN), rows, tallies)
    assert (tallies["detection"].tp, tallies["detection"].fp, tallies["detection"].fn) == (2, 0, 0)
    assert tallies["partial"] == 1
    assert tallies["kinds"]["named"].tp == 1 and tallies["kinds"]["pronoun"].tp == 0  # "she" is Bell, not Brannock
    assert tallies["attribution"].scores()["f1"] == 0.5


def test_description_speaker_shares_a_word_with_the_source():
    gold = P.GoldQuote(P.Attribution("E", [(0, 1)], [(TEXT.index("a campaign aide"), TEXT.index("a campaign aide") + 15)]),
                       "description", [(TEXT.index("a campaign aide"), TEXT.index("a campaign aide") + 15)])
    assert P.speaker_right(TEXT, gold, "campaign aide", False, [])
    assert not P.speaker_right(TEXT, gold, "spokesman", False, [])


def test_test_split_is_refused(tmp_path):
    with pytest.raises(P.HeldOutSplit):
        P.evaluate(tmp_path, split="test")


def test_missing_folders_give_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="PolNeAR"):
        P.articles(tmp_path, "dev")


def test_articles_pair_texts_with_the_first_annotation(tmp_path):
    for sub in ("text", "attributions"):
        (tmp_path / "data" / "dev" / sub).mkdir(parents=True)
    (tmp_path / "data" / "dev" / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    for annotator in ("ff01", "0a02"):
        (tmp_path / "data" / "dev" / "attributions" / f"a_{annotator}.ann").write_text(ANN, encoding="utf-8")
    assert [(t.name, a.name) for t, a in P.articles(tmp_path, "dev")] == [("a.txt", "a_0a02.ann")]


def test_cli_refuses_any_split_but_train_and_dev(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app
    result = CliRunner().invoke(app, ["evaluate-external", "polnear", str(tmp_path), "--split", "all"])
    assert result.exit_code == 2 and "only the development splits" in result.output
