"""Attribution rules that need the parse (subjects, appositions, sentence scope), on made-up
sentences run through the whole per-article function with the real model."""
import pytest

from pipeline.extract.process import process_articles

pytestmark = pytest.mark.model


def speakers(nlp, text):
    rows = process_articles([("t.txt", text.encode("utf-8"), None)], nlp)[0]
    return [(q["quote"], q["speaker"], q["person_id"] is not None) for q in rows["quotes"]]


def test_pronoun_in_the_same_sentence_takes_the_embedded_subject(nlp):
    # "he" in "because he cannot" is the embedded subject, so the reporter is not taught to be male
    text = ("Karen Lodge said Tom Ashby was reduced to insults because he cannot defend his own record. "
            "“You could dismiss this as schoolyard behaviour, but he wants to run the country,” she said.")
    assert speakers(nlp, text)[0][1:] == ("Karen Lodge", True)


def test_subject_name_the_ner_missed_after_a_title(nlp):
    text = ("Secretary General Oyelaran Bo-kwan condemned what he called a “brazen breach” of the rules.\n\n"
            "“I count on the council to remain united and act,” he told reporters.")
    got = speakers(nlp, text)
    assert [s for _, s, _ in got] == ["Oyelaran Bo-kwan", "Oyelaran Bo-kwan"] and all(p for *_, p in got)


def test_a_place_as_subject_is_no_person(nlp):
    text = "“The launch was a complete success and a warning to our enemies,” North Korea said on Friday."
    got = speakers(nlp, text)
    assert got and not got[0][2]
