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
    text = ('"We are proud of our staff," Mr Jessop said.\n\n'
            '"It has been a long road for everyone," said Mr Jessop.')
    got = quotes(text, ["Jessop"])
    assert [(q, s) for q, s, _, _ in got] == [("We are proud of our staff", "Jessop"),
                                              ("It has been a long road for everyone", "Jessop")]


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
    text = '"Frankly, the children deserve better than this," Mr Penhallow told KBX FM radio.'
    assert quotes(text, ["Penhallow"])[0][1:] == ("Penhallow", True, "told")


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
    assert quotes("Mr Jessop said the service had improved a great deal since the spring.", ["Jessop"]) == []


def test_apostrophes_do_not_open_or_close_single_quotes():
    spans = list(find_quotes("The council's chief said: 'It's the children's service that matters most.'"))
    assert len(spans) == 1
    text = "The council's chief said: 'It's the children's service that matters most.'"
    assert text[spans[0].start:spans[0].end] == "It's the children's service that matters most."


def test_closing_mark_found_past_nested_quotes_apostrophes_and_mixed_marks():
    """The closing-mark search jumps from mark to mark: a nested double quote is still skipped whole,
    single marks and an apostrophe inside a double quote still do not close it, and curly copy
    closed by a straight mark still closes there."""
    text = "He said “the report called it ‘inadequate’ and the staff’s view was ignored” on Monday."
    (span,) = find_quotes(text)
    assert text[span.start:span.end] == "the report called it ‘inadequate’ and the staff’s view was ignored"
    assert span.closed and text[span.close_end - 1] == "”"
    nested = "The chair said “they told us “not yet” twice” and left."
    (span,) = find_quotes(nested)
    assert nested[span.start:span.end] == "they told us “not yet” twice" and span.closed
    mixed = "“We will appeal the decision\" she said. Nothing more."
    (span,) = find_quotes(mixed)
    assert mixed[span.start:span.end] == "We will appeal the decision" and span.closed
    unclosed = "“The home has changed, and it shows"
    (span,) = find_quotes(unclosed)
    assert not span.closed and unclosed[span.start:span.end] == "The home has changed, and it shows"


# -- attribution patterns (issue 15): made-up sentences, British and American styles -------------

def speakers(text, names=(), roles=()):
    doc = NLP(text)
    spans = []
    for name in names:
        at = -1
        while (at := text.find(name, at + 1)) >= 0:
            span = doc.char_span(at, at + len(name), label="PERSON")
            if span is not None and not any(s.start < span.end and span.start < s.end for s in spans):
                spans.append(span)
    doc.ents = sorted(spans, key=lambda s: s.start)
    art = Article("doc", text, Structure(0, len(text)), doc)
    return [(r["quote"], r["speaker"], r["person_id"] is not None) for r in quote_rows(art, list(roles))]


def test_said_with_abbreviated_title_and_party_in_brackets():
    text = '"We cannot wait any longer for this bill," Rep. Jon Mirel (R-Fla.) said Friday.'
    assert speakers(text, ["Jon Mirel"]) == [("We cannot wait any longer for this bill", "Jon Mirel", True)]


def test_said_then_title_name_and_apposition():
    text = ('“This is a disgusting day for the chamber,” said Rep. G.K. Tarrow (D-N.C.), head of the caucus. '
            '“It will not be forgotten.”')
    got = speakers(text, ["G.K. Tarrow"])
    assert [s for _, s, _ in got] == ["G.K. Tarrow", "G.K. Tarrow"]


def test_long_title_after_the_quote_takes_the_name_next_to_the_cue():
    text = ("“We are going to win this state by a wide margin,” Mara Vesey running mate Gov. Alan Brook "
            "of Ohio told Radio Five Sunday.")
    assert speakers(text, ["Mara Vesey", "Alan Brook"])[0][1] == "Alan Brook"


def test_told_never_takes_the_person_spoken_to():
    text = "“Look, it is a rigged system from top to bottom,” Ann Vole told Bob Hart of Radio Nine."
    assert speakers(text, ["Ann Vole", "Bob Hart"])[0][1] == "Ann Vole"


def test_speaker_between_two_pieces_of_one_quote():
    text = "“It was a long night for all of us,” Mr. Coale said. “And now the real work begins.”"
    got = speakers(text, ["Coale"])
    assert [(q, s) for q, s, _ in got] == [("It was a long night for all of us", "Coale"),
                                          ("And now the real work begins.", "Coale")]


def test_in_a_statement_name_said_colon():
    text = "In a statement, Dr Helen Threlkeld said: “We will publish a full improvement plan within six months.”"
    assert speakers(text, ["Helen Threlkeld"])[0][1:] == ("Helen Threlkeld", True)


def test_colon_closing_the_paragraph_before_the_quote():
    text = ("Pat Cordell, a pollster, spoke on the radio.\n\nCordell continued:\n\n"
            "“The health issue is very much a partisan issue this year.”")
    assert speakers(text, ["Pat Cordell", "Cordell"])[0][1] == "Pat Cordell"


def test_transcript_label_names_the_speaker():
    text = ("Gov. Mike Penrose joined the show on Sunday.\n\n"
            "“PENROSE: Well, look, the question really should be about the economy.”")
    assert speakers(text, ["Mike Penrose"])[0][1:] == ("Mike Penrose", True)


def test_dash_signature_after_the_quote():
    text = "“He is ignorant of our culture and our lives, and it shows every day.” ― Pamela Prewitt"
    assert speakers(text, ["Pamela Prewitt"])[0][1] == "Pamela Prewitt"


def test_two_apostrophe_quote_marks():
    text = "Not paying taxes ''makes me smart,'' Donald Drum said last week."
    assert speakers(text, ["Donald Drum"]) == [("makes me smart", "Donald Drum", True)]


def test_guillemets():
    text = "The mayor, Ines Varda, said: «We will rebuild the bridge before the winter.»"
    assert speakers(text, ["Ines Varda"]) == [("We will rebuild the bridge before the winter.", "Ines Varda", True)]


def test_british_single_quotes_and_councillor():
    text = "'We accept the findings in full and we will act on them,' said Councillor Jo Rendle."
    assert speakers(text, ["Jo Rendle"])[0][1] == "Jo Rendle"


def test_according_to_takes_the_name_after_it():
    text = "“The plan is dead in the water now,” according to Mr Keeling."
    assert speakers(text, ["Keeling"])[0][1] == "Keeling"


def test_pronoun_resolves_to_the_gender_compatible_person():
    text = ("Mrs Karen Lodge met Mr Tom Ashby on Monday.\n\n"
            "“The service has turned a corner this year,” she said.")
    assert speakers(text, ["Karen Lodge", "Tom Ashby"])[0][1] == "Karen Lodge"


def test_gender_learnt_from_the_article_itself():
    text = ("Jo Ferris said she would stand again. Sam Tolley said nothing.\n\n"
            "“I am not finished with this town yet,” she said.")
    assert speakers(text, ["Jo Ferris", "Sam Tolley"])[0][1] == "Jo Ferris"


def test_continuation_paragraph_inherits_the_speaker():
    text = ("“We have made real progress since the spring,” said Ms Amira Larkin.\n\n"
            "“There is much more still to do.”")
    got = speakers(text, ["Amira Larkin"])
    assert [s for _, s, _ in got] == ["Amira Larkin", "Amira Larkin"]


def test_description_resolves_to_the_person_holding_the_role():
    from pipeline.ids import person_id
    text = "Nadia Ross visited the school on Friday.\n\n“Standards must rise in every classroom,” the minister said."
    roles = [{"person_id": person_id("Nadia Ross"), "role": "minister"}]
    assert speakers(text, ["Nadia Ross"], roles)[0][1:] == ("Nadia Ross", True)


def test_unnamed_source_with_its_organisation():
    text = "A spokesperson for NHS England said: “We are working closely with the trust.”"
    assert speakers(text)[0][1:] == ("spokesperson for NHS England", False)


# -- must-not cases --------------------------------------------------------------------------

def test_person_named_inside_the_quote_is_not_its_speaker():
    text = ("Mr Jessop spoke to reporters after the meeting.\n\n"
            "“I have never met Mr Bell and I never will,” he said.")
    assert speakers(text, ["Jessop", "Bell"])[0][1] == "Jessop"


def test_person_named_inside_the_quote_is_not_its_speaker_even_when_nearest():
    text = "“Frankly, Tom Ashby did nothing wrong at all,” a council spokesman said."
    assert speakers(text, ["Tom Ashby"])[0][1:] == ("council spokesman", False)


def test_byline_name_is_not_a_speaker():
    text = "By Sarah Jones\n\n“We will appeal against this decision,” he said."
    assert speakers(text, ["Sarah Jones"])[0][1] != "Sarah Jones"


def test_byline_name_is_not_a_speaker_of_a_described_source():
    text = "By Sarah Jones\n\nThe council leader said: “We will appeal against this decision.”"
    assert speakers(text, ["Sarah Jones"])[0][1:] == ("council leader", False)


def test_quoted_title_is_not_a_quote():
    text = "Mr Lane told Metro News Sunday that he watched “The Long Goodbye Show” every week."
    assert speakers(text, ["Lane"]) == []


def test_one_list_of_quote_marks():
    """Quote marks live in the lexicon only: the quote finder and the mention rules read the same list."""
    from pipeline.about import PATTERNS_DIR
    from pipeline.extract.quotes import quote_marks
    from pipeline.lexicon import words
    pairs = dict(e.split(" ", 1) for e in words("quote_marks"))
    assert quote_marks() == pairs and {"“", "‘", '"', "''", "«"} <= set(pairs)
    assert not (PATTERNS_DIR / "quotes.json").exists()
    assert not [p.name for p in (PATTERNS_DIR / "lexicon").glob("quote_marks_*.json")]  # no second list
    from pipeline.nlp.components.mention_rules import MentionRules
    rules = MentionRules("mention_rules")
    rules.initialize(vocabulary={})
    assert set(rules.vocabulary["quote_marks_open"]) == set(pairs) and set(pairs.values()) == set(
        rules.vocabulary["quote_marks_close"])
