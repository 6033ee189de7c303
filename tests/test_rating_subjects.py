"""The rating challenge set (tests/data/rating_subjects.jsonl): its scorer, and its figures held to
the baseline (tests/baseline.json, keys "challenge ...")."""
import json

import pytest

from pipeline.eval.baseline import BASELINE, TOLERANCE, is_challenge_key, regressions
from pipeline.eval.rating_subjects import (ARTICLES3_KEYS, ARTICLES3_SET, ARTICLES_KEYS, ARTICLES_SET, BASELINE_KEYS,
                                           CHALLENGE_SET, ChallengeScores, Passage, evaluate_challenge, load_passages,
                                           score_passage)

TEXT = "Elmfield Academy was rated good. Ofsted said the school had improved from inadequate."


def gold(span, subject, text=TEXT, rated_by=None):
    start = text.index(span)
    return {"span": span, "start": start, "end": start + len(span), "value": span, "negated": False,
            "hypothetical": False, "subject": subject, "rated_by": rated_by, "note": ""}


def predicted(span, subject, text=TEXT, rated_by=None):
    start = text.index(span)
    return {"rating_text": span, "rating_start": start, "rating_end": start + len(span), "subject": subject,
            "rated_by": rated_by, "rule": "rating_mention+subject:parse+rated_by:none"}


def test_subjects_compare_as_the_corpus_scorer_does_and_a_missed_rating_counts_in_recall():
    passage = Passage("p1", TEXT, [gold("good", "Elmfield Academy"), gold("inadequate", "school", rated_by="Ofsted")])
    scores = ChallengeScores()
    # the first: the gold's last word in the prediction is right; the second rating is not found
    report = score_passage(passage, {"documents": [{"text": TEXT}], "ratings": [predicted("good", "Academy")]}, scores)
    assert (scores.ratings.tp, scores.ratings.fn, scores.ratings.fp) == (1, 1, 0)
    assert (scores.subject.right, scores.subject.total) == (1, 1)
    assert (scores.subject_all.right, scores.subject_all.total) == (1, 2)
    assert report["misses"] == [{"span": "inadequate", "gold": "school", "pred": None, "what": "rating missed"}]
    assert scores.headline() == {"challenge RATING recall": 0.5, "challenge RATING subject": 1.0}


def test_a_wrong_subject_and_a_false_rating_are_reported():
    # must not: the rater is no subject; a null gold subject wants a null prediction
    passage = Passage("p2", TEXT, [gold("good", "Elmfield Academy"), gold("inadequate", None)])
    scores = ChallengeScores()
    rows = {"documents": [{"text": TEXT}],
            "ratings": [predicted("good", "Ofsted"), predicted("inadequate", "school"), predicted("improved", None)]}
    report = score_passage(passage, rows, scores)
    assert (scores.subject.right, scores.subject.total) == (0, 2)
    assert [m["pred"] for m in report["misses"]] == ["Ofsted", "school"]
    assert report["false_hits"] == ["improved"]


def test_the_lenient_figure_takes_the_second_reading():
    passage = Passage("p4", TEXT, [dict(gold("inadequate", "Elmfield Academy"), subject_alt="school")])
    scores = ChallengeScores()
    score_passage(passage, {"documents": [{"text": TEXT}], "ratings": [predicted("inadequate", "school")]}, scores)
    assert (scores.subject.right, scores.subject_lenient.right, scores.subject_lenient.total) == (0, 1, 1)


def test_offsets_follow_the_text_the_reader_returns():
    text = "Elmfield Academy\r\nwas rated good."
    passage = Passage("p3", text, [gold("good", "Elmfield Academy", text=text)])
    read = text.replace("\r\n", "\n")
    scores = ChallengeScores()
    score_passage(passage, {"documents": [{"text": read}], "ratings": [predicted("good", "Elmfield Academy", text=read)]}, scores)
    assert (scores.ratings.tp, scores.subject.right) == (1, 1)


def test_a_span_that_is_not_at_its_offsets_is_refused(tmp_path):
    bad = dict(gold("good", "Elmfield Academy"), start=0)
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps({"id": "x", "text": TEXT, "ratings": [bad]}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"set.jsonl:1: span 'good' is not the text at"):
        load_passages(path)


@pytest.mark.model
@pytest.mark.corpus
@pytest.mark.parametrize("path, prefix, keys", [(CHALLENGE_SET, "challenge", BASELINE_KEYS),
                                                (ARTICLES_SET, "articles", ARTICLES_KEYS),
                                                (ARTICLES3_SET, "articles3", ARTICLES3_KEYS)],
                         ids=["passages", "articles", "articles3"])
def test_a_blind_set_scores_no_lower_than_its_baseline(path, prefix, keys):
    """The three blind sets (tests/data/README-rating_subjects.md, README-rating_articles.md, README-rating_articles3.md)."""
    assert path.is_file(), f"{path} is missing"
    baseline = {k: v for k, v in json.loads(BASELINE.read_text(encoding="utf-8")).items() if k in keys}
    assert set(baseline) == set(keys), f"tests/baseline.json lacks the {prefix} figures (make baseline)"
    assert all(is_challenge_key(k) for k in keys)  # so test_regression leaves them to this test
    problems = regressions(evaluate_challenge(path).headline(prefix), baseline, TOLERANCE)
    assert not problems, f"{prefix} figures fell below the baseline:\n" + "\n".join(problems)
