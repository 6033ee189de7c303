"""Quote spans and attribution on small made-up paragraphs (no model: names are marked by hand)."""
import spacy

import pipeline.nlp.components  # noqa: F401
from pipeline.extract.article import Article
from pipeline.extract.quotes import find_quotes, quote_rows
from pipeline.structure import Structure

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")


def quotes(text, names=()):
    doc = NLP(text)
    spans = []
    for name in names:
        at = -1
        while (at := text.find(name, at + 1)) >= 0:
            spans.append(doc.char_span(at, at + len(name), label="PERSON"))
    doc.ents = [s for s in spans if s is not None]
    art = Article("doc", text, Structure(0, len(text)), doc)
    return [(r["quote"], r["speaker"], r["person_id"] is not None, r["cue"]) for r in quote_rows(art, [])]


def test_said_colon_before_the_quote():
    text = "Karen Lodge, director of people, said: “We accept the findings in full.”"
    assert quotes(text, ["Karen Lodge"]) == [("We accept the findings in full.", "Karen Lodge", True, "said")]


def test_quote_then_name_said_and_said_name():
    text = ('"We are proud of our staff," Mr Archer said.\n\n'
            '"It has been a long road for everyone," said Mr Archer.')
    got = quotes(text, ["Archer"])
    assert [(q, s) for q, s, _, _ in got] == [("We are proud of our staff", "Archer"),
                                              ("It has been a long road for everyone", "Archer")]


def test_pronoun_added_takes_the_last_named_person():
    text = "Sir Dennis Tarrant spoke first.\n\nHe added: “There must be significant improvement.”"
    assert quotes(text, ["Dennis Tarrant"])[0][1:3] == ("Dennis Tarrant", True)


def test_unbalanced_multi_paragraph_quote_is_one_quote_per_paragraph():
    text = ("Fiona Maddox said: “This inspection shows progress.\n\n"
            "“We now have a stable workforce and fewer agency staff.\n\n"
            "“There is much more still to do.”\n\nThe council declined to comment.")
    got = quotes(text, ["Fiona Maddox"])
    assert [q for q, _, _, _ in got] == ["This inspection shows progress.",
                                        "We now have a stable workforce and fewer agency staff.",
                                        "There is much more still to do."]
    assert {s for _, s, _, _ in got} == {"Fiona Maddox"}
    assert "The council declined" not in " ".join(q for q, _, _, _ in got)


def test_unnamed_source_has_no_person():
    text = 'A DfE spokesman said: "We will take further action if we must."'
    assert quotes(text) == [("We will take further action if we must.", "DfE spokesman", False, "said")]


def test_told_radio_after_the_quote():
    text = '"Frankly, the children deserve better than this," Mr Clegg told BBC WM radio.'
    assert quotes(text, ["Clegg"])[0][1:] == ("Clegg", True, "told")


def test_embedded_phrase_with_explicit_speaker():
    text = "City council leader Sir Dennis Tarrant described the report as “very distressing” on Friday."
    assert quotes(text, ["Dennis Tarrant"]) == [("very distressing", "Dennis Tarrant", True, "described")]


def test_scare_quotes_stay_out():
    text = "Inspectors registered concerns about “endemic” poor practice and an ‘inadequate’ rating."
    assert quotes(text) == []


def test_statement_block_signed_with_a_name():
    text = ("Response from the director of people\n\n“We accept the judgement reached by the inspectors.\n\n"
            "“Our resolve to improve is the council's top priority.”\n\nKaren Lodge")
    got = quotes(text, ["Karen Lodge"])
    assert len(got) == 2 and {s for _, s, _, _ in got} == {"Karen Lodge"}


def test_reported_speech_without_marks_is_not_a_quote():
    assert quotes("Mr Archer said the service had improved a great deal since the spring.", ["Archer"]) == []


def test_apostrophes_do_not_open_or_close_single_quotes():
    spans = list(find_quotes("The council's chief said: 'It's the children's service that matters most.'"))
    assert len(spans) == 1
    text = "The council's chief said: 'It's the children's service that matters most.'"
    assert text[spans[0].start:spans[0].end] == "It's the children's service that matters most."
