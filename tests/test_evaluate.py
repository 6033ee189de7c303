"""The evaluator's matching on a hand-made gold record."""
from pipeline.eval.score import SplitScores, match_overlapping, same_subject, score_document
from pipeline.eval.gold import _to_doc, validate

TEXT = "Ofsted rated Northshire services inadequate, said Ann Medlow, director of people."


def gold():
    rec = {"text": TEXT, "meta": {"id": "t", "source_path": "x.txt", "split": "dev", "origin": "written",
                                  "title": None, "publisher": None, "published": None, "published_text": None,
                                  "body_start": 0, "body_end": len(TEXT)},
           "spans": [
               {"id": "o", "start": 0, "end": 6, "label": "ORG", "text": "Ofsted"},
               {"id": "s", "start": 13, "end": 32, "label": "SUBJECT", "text": "Northshire services"},
               {"id": "r", "start": 33, "end": 43, "label": "RATING", "text": "inadequate", "value": "inadequate",
                "negated": False, "hypothetical": False, "subject": "Northshire services", "rated_by": "Ofsted",
                "aspect": None, "date": None},
               {"id": "p", "start": 50, "end": 60, "label": "PERSON", "text": "Ann Medlow", "canonical": "Ann Medlow"},
               {"id": "ro", "start": 62, "end": 80, "label": "ROLE", "text": "director of people",
                "normalized": "director of people", "qualifier": None, "organization": None}],
           "relations": [{"label": "RATED", "head": "s", "child": "r"},
                         {"label": "HAS_ROLE", "head": "p", "child": "ro", "event": "holds", "date": None}]}
    return _to_doc(rec, None)


def rows(**overrides):
    base = {"mentions": [
        {"start_char": 0, "end_char": 6, "label": "ORG", "text": "Ofsted", "normalized": "Ofsted"},
        {"start_char": 50, "end_char": 56, "label": "PERSON", "text": "Ann Me", "normalized": "Ann Medlow"},
        {"start_char": 13, "end_char": 23, "label": "PERSON", "text": "Northshire", "normalized": "Northshire"}],
        "roles": [{"person": "Ann Medlow", "role": "director of people"}],
        "ratings": [{"rating": "inadequate", "negated": True, "hypothetical": False, "subject": "services",
                     "rating_start": 33, "rating_end": 43}],
        "quotes": [], "documents": []}
    base.update(overrides)
    return base


def test_gold_record_is_valid_and_prodigy_shaped():
    doc = gold()
    assert validate(doc) == []
    assert doc.relations[0]["child_span"] == {"start": 33, "end": 43, "label": "RATING"}


def test_scores_count_misses_false_hits_and_attributes():
    scores = SplitScores()
    report = score_document(gold(), rows(), scores)
    c = scores.counts
    assert (c["PERSON exact"].tp, c["PERSON overlap"].tp, c["PERSON overlap"].fp) == (0, 1, 1)
    assert (c["ORG exact"].tp, c["ROLE exact"].fn) == (1, 1)
    assert (c["HAS_ROLE"].tp, c["HAS_ROLE"].fp, c["HAS_ROLE"].fn) == (1, 0, 0)
    # the rating overlaps but its negation is wrong: not a RATED match
    assert (c["RATED"].tp, c["RATED"].fn, c["RATED"].fp) == (0, 1, 1)
    assert scores.accuracy["RATING negated"].value == 0.0 and scores.accuracy["RATING subject"].value == 1.0
    assert any("ROLE 'director of people'" in m for m in report["misses"])


def test_overlap_matching_uses_each_span_once():
    gold_spans = [{"start": 0, "end": 10}]
    pred = [{"start": 0, "end": 4}, {"start": 2, "end": 9}]
    assert match_overlapping(gold_spans, pred) == [(gold_spans[0], pred[1])]
    assert same_subject("Ulvercombe children's services", "the services") and not same_subject("trust", None)
