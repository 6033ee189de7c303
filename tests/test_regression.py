"""Scores against the gold set must not fall more than 0.01 below tests/baseline.json.

Raise the baseline after a real improvement with `make baseline` (docs/evaluation.md).
"""
import json

import pytest

from pipeline.eval.baseline import BASELINE, TOLERANCE, corpus_scores, is_challenge_key, regressions


def test_regressions_are_detected():
    assert regressions({"dev PERSON overlap f1": 0.80}, {"dev PERSON overlap f1": 0.82}) == [
        "dev PERSON overlap f1: 0.800 < baseline 0.820"]
    assert regressions({"a": 0.815}, {"a": 0.82}) == []
    assert regressions({}, {"a": 0.5}) == ["a: missing (baseline 0.500)"]


@pytest.mark.model
@pytest.mark.corpus
def test_no_score_drops_below_the_baseline():
    # the challenge set's figures have their own test (tests/test_rating_subjects.py)
    baseline = {k: v for k, v in json.loads(BASELINE.read_text(encoding="utf-8")).items() if not is_challenge_key(k)}
    assert baseline, "baseline is empty"
    problems = regressions(corpus_scores(), baseline, TOLERANCE)
    assert not problems, "scores fell below the baseline:\n" + "\n".join(problems)
