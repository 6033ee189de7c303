"""Each relation rule on short hand-built parses (the statistical parser would make these flaky),
including sentences where no rule may fire."""
import pytest
import spacy
from spacy.tokens import Doc, Span

import pipeline.nlp.components  # noqa: F401
from pipeline.extract.article import Article
from pipeline.extract.relations import rating_rows, role_rows
from pipeline.structure import Structure

NLP = spacy.blank("en")


def article(words, heads, deps, ents, lemmas=None, pos=None, spaces=None):
    """An Article over a hand-built Doc: heads are absolute token indices."""
    doc = Doc(NLP.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas or [w.lower() for w in words],
              pos=pos, spaces=spaces)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return Article("doc", doc.text, Structure(0, len(doc.text)), doc)


def pairs(art):
    return [(r["person"], r["role"], r["event"], r["rule"], r["qualifier"]) for r in role_rows(art)]


def test_apposition_role_after_name():
    art = article(["Simon", "Jessop", ",", "strategic", "director", ",", "said", "so"],
                  [1, 6, 1, 4, 1, 1, 6, 6], ["compound", "nsubj", "punct", "amod", "appos", "punct", "ROOT", "dobj"],
                  [(0, 2, "PERSON"), (3, 5, "ROLE")])
    assert pairs(art)[0][:4] == ("Simon Jessop", "strategic director", "holds", "appos_role_after_name")


def test_apposition_name_after_role():
    art = article(["The", "chair", "of", "BCT", ",", "Fiona", "Maddox", ",", "commented"],
                  [1, 8, 1, 2, 1, 6, 1, 1, 8], ["det", "nsubj", "prep", "pobj", "punct", "compound", "appos", "punct", "ROOT"],
                  [(1, 4, "ROLE"), (5, 7, "PERSON")])
    assert pairs(art)[0][:4] == ("Fiona Maddox", "chair of bct", "holds", "appos_name_after_role")


def test_title_before_name():
    art = article(["Education", "Secretary", "Alan", "Preston", "said", "it"],
                  [1, 3, 3, 4, 4, 4], ["compound", "compound", "compound", "nsubj", "ROOT", "dobj"],
                  [(0, 2, "ROLE"), (2, 4, "PERSON")])
    assert pairs(art)[0][:4] == ("Alan Preston", "education secretary", "holds", "title_before_name")


def test_copula():
    art = article(["Lodge", "is", "director", "of", "people"], [1, 1, 1, 2, 3],
                  ["nsubj", "ROOT", "attr", "prep", "pobj"], [(0, 1, "PERSON"), (2, 5, "ROLE")],
                  lemmas=["hay", "be", "director", "of", "people"])
    assert pairs(art)[0][:4] == ("Lodge", "director of people", "holds", "copula")


def test_appointment_with_qualifier():
    art = article(["Joan", "Pellworth", "appointed", "interim", "director"], [1, 2, 2, 4, 2],
                  ["compound", "nsubj", "ROOT", "amod", "dobj"], [(0, 2, "PERSON"), (4, 5, "ROLE")],
                  lemmas=["eleanor", "brazil", "appoint", "interim", "director"])
    assert pairs(art)[0] == ("Joan Pellworth", "director", "appointed", "appointed_object_role", "interim")


def test_verb_as_role_appointed_and_left():
    art = article(["They", "appointed", "Pemberton", "as", "commissioner"], [1, 1, 1, 1, 3],
                  ["nsubj", "ROOT", "dobj", "prep", "pobj"], [(2, 3, "PERSON"), (4, 5, "ROLE")],
                  pos=["PRON", "VERB", "PROPN", "ADP", "NOUN"])
    assert pairs(art)[0][:4] == ("Pemberton", "commissioner", "appointed", "verb_as_role")
    art = article(["Oxtoby", "retired", "as", "director"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"],
                  [(0, 1, "PERSON"), (3, 4, "ROLE")], pos=["PROPN", "VERB", "ADP", "NOUN"])
    assert pairs(art)[0][:3] == ("Oxtoby", "director", "left")


def test_name_as_role():
    art = article(["He", "named", "Adeleke", "as", "commissioner"], [1, 1, 1, 2, 3],
                  ["nsubj", "ROOT", "dobj", "prep", "pobj"], [(2, 3, "PERSON"), (4, 5, "ROLE")])
    rows = pairs(art)
    assert rows and rows[0][:3] == ("Adeleke", "commissioner", "appointed")


def test_no_relation_between_subject_and_object_of_another_verb():
    # "Preston met the director": the director is someone else
    art = article(["Preston", "met", "the", "director", "today"], [1, 1, 3, 1, 1],
                  ["nsubj", "ROOT", "det", "dobj", "npadvmod"], [(0, 1, "PERSON"), (3, 4, "ROLE")])
    assert pairs(art) == []
    # "Lodge said the minister would decide": a role in a reported clause
    art = article(["Lodge", "said", "the", "minister", "would", "decide"], [1, 1, 3, 5, 5, 1],
                  ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp"], [(0, 1, "PERSON"), (3, 4, "ROLE")])
    assert pairs(art) == []


def test_statement_block_signed_with_a_name():
    words = ["Response", "from", "the", "director", "of", "people", "\n\n", "“", "We", "accept", "it", ".", "”",
             "\n\n", "Karen", "Lodge"]
    spaces = [True, True, True, True, True, False, False, False, True, True, False, False, False, False, True, False]
    doc = Doc(NLP.vocab, words=words, spaces=spaces,
              sent_starts=[True] + [False] * 6 + [True] + [False] * 6 + [True, False])
    doc.ents = [Span(doc, 3, 6, label="ROLE"), Span(doc, 14, 16, label="PERSON")]
    art = Article("doc", doc.text, Structure(0, len(doc.text)), doc)
    assert pairs(art)[0][:4] == ("Karen Lodge", "director of people", "holds", "statement_signature")


def ratings(art):
    return [(r["rating"], r["negated"], r["hypothetical"], r["subject"]) for r in rating_rows(art)]


def test_avoided_rating_is_negated():
    art = article(["The", "service", "avoids", "‘", "inadequate", "’", "rating"], [1, 2, 2, 4, 6, 4, 2],
                  ["det", "nsubj", "ROOT", "punct", "amod", "punct", "dobj"], [(4, 5, "RATING")],
                  lemmas=["the", "service", "avoid", "‘", "inadequate", "’", "rating"])
    assert ratings(art) == [("inadequate", True, False, "service")]


def test_could_be_rated_is_hypothetical_not_negated():
    art = article(["The", "trust", "could", "be", "rated", "inadequate"], [1, 4, 4, 4, 4, 4],
                  ["det", "nsubjpass", "aux", "auxpass", "ROOT", "oprd"], [(5, 6, "RATING")])
    assert ratings(art) == [("inadequate", False, True, "trust")]


def test_negation_of_another_clause_is_not_the_ratings():
    # "A good rating is not the end": the rating is the subject; "not" negates "is the end"
    art = article(["A", "good", "rating", "is", "not", "the", "end"], [2, 2, 3, 3, 3, 6, 3],
                  ["det", "amod", "nsubj", "ROOT", "neg", "det", "attr"], [(1, 2, "RATING")])
    assert ratings(art)[0][:3] == ("good", False, False)


def test_past_rating_reported_as_fact():
    art = article(["The", "home", "was", "last", "rated", "outstanding"], [1, 4, 4, 4, 4, 4],
                  ["det", "nsubjpass", "auxpass", "advmod", "ROOT", "oprd"], [(5, 6, "RATING")])
    assert ratings(art) == [("outstanding", False, False, "home")]


@pytest.mark.corpus
def test_array_dependency_matcher_matches_spacys(nlp):
    """The relations' DependencyMatcher finds its nodes from token arrays: same matches, in the same
    order, as spaCy's own DependencyMatcher on parsed articles."""
    from pathlib import Path

    from spacy.matcher import DependencyMatcher

    from pipeline.io.inputs import decode
    from pipeline.extract.relations import dependency_matcher, role_vocabulary
    from pipeline.structure import analyse

    spacys = DependencyMatcher(nlp.vocab)
    for entry in role_vocabulary()["patterns"]:
        spacys.add(entry["id"], [entry["pattern"]])
    ours = dependency_matcher(nlp.vocab)
    root = Path(__file__).resolve().parent.parent / "corpus"
    texts = []
    for path in sorted((root / "raw").glob("*.txt")) + sorted((root / "written").rglob("*.txt"))[:8]:
        text = decode(path.read_bytes())
        s = analyse(text)
        texts.append(text[s.body_start:s.body_end])
    found = 0
    for doc in nlp.pipe(texts):
        assert ours(doc) == spacys(doc)
        found += len(spacys(doc))
    assert found > 0


def test_rating_scheme_and_rank_come_from_the_inspectorate_and_the_value():
    from pipeline.extract.ratings import rank_of, scheme_of

    assert scheme_of("inadequate", "Ofsted") == "ofsted" and rank_of("inadequate", "ofsted") == 4
    assert scheme_of("good", "the Care Quality Commission") == "cqc"
    assert scheme_of("good", "Estyn") == "other"  # an inspectorate with no scheme of its own listed
    assert scheme_of("good", "Care Quality Commission") == "cqc" and rank_of("outstanding", "cqc") == 1
    assert scheme_of("requires improvement", None) == "other" and rank_of("adequate", "other") == 3
    assert scheme_of("three stars", "CSCI") == "stars"
    assert rank_of("three stars", "stars", "CSCI") == 1 and rank_of("zero stars", "stars", "CSCI") == 4
    assert rank_of("five stars", "stars", None) == 1 and rank_of("three stars", "stars", None) == 3
    assert rank_of("five stars", "stars", "CSCI") is None  # beyond that scheme's best grade


# -- rating subjects (issue #17): the rated body, never the rater --------------------------------

def test_an_active_rating_verb_rates_the_words_before_the_rating():
    # "Inspectors judged the council inadequate", parsed as two clauses: the subject is the rater
    art = article(["Inspectors", "judged", "the", "council", "inadequate"], [1, 1, 3, 4, 1],
                  ["nsubj", "ROOT", "det", "nsubj", "ccomp"], [(4, 5, "RATING")],
                  pos=["NOUN", "VERB", "DET", "NOUN", "ADJ"])
    assert ratings(art)[0][3] == "council"


def test_the_second_rating_of_a_run_rates_what_follows_and():
    words = ["Brackmoor", "rates", "the", "trust", "good", "overall", "and", "its", "wards", "inadequate"]
    art = article(words, [1, 1, 3, 1, 1, 4, 1, 8, 9, 1],
                  ["nsubj", "ROOT", "det", "dobj", "oprd", "advmod", "cc", "poss", "nsubj", "conj"],
                  [(0, 1, "ORG"), (4, 5, "RATING"), (9, 10, "RATING")],
                  pos=["PROPN", "VERB", "DET", "NOUN", "ADJ", "ADV", "CCONJ", "PRON", "NOUN", "ADJ"])
    assert [r[3] for r in ratings(art)] == ["trust", "its wards"]


def test_a_rater_noun_is_never_the_subject():
    # must not: "The report rated ..." with no object: the report is the rater, not the rated
    art = article(["The", "report", "rated", "inadequate"], [1, 2, 2, 2], ["det", "nsubj", "ROOT", "oprd"],
                  [(3, 4, "RATING")], pos=["DET", "NOUN", "VERB", "ADJ"])
    assert ratings(art)[0][3] is None


def test_passive_rating_keeps_its_subject():
    # must not: the verb right before the rating leaves no words to rate ("the home was rated good")
    art = article(["The", "home", "was", "rated", "good"], [1, 3, 3, 3, 3], ["det", "nsubjpass", "auxpass", "ROOT", "oprd"],
                  [(4, 5, "RATING")], pos=["DET", "NOUN", "AUX", "VERB", "ADJ"])
    assert ratings(art)[0][3] == "home"


def test_an_aspect_of_a_service_is_its_aspect():
    art = article(["The", "overall", "effectiveness", "of", "the", "service", "was", "rated", "good"],
                  [2, 2, 7, 2, 5, 3, 7, 7, 7], ["det", "amod", "nsubjpass", "prep", "det", "pobj", "auxpass", "ROOT", "oprd"],
                  [(8, 9, "RATING")], pos=["DET", "ADJ", "NOUN", "ADP", "DET", "NOUN", "AUX", "VERB", "ADJ"])
    [row] = list(rating_rows(art))
    assert (row["subject"], row["aspect"]) == ("service", "overall effectiveness")


def test_a_relative_pronoun_is_its_antecedent():
    # "Ulvercombe County Council, which was rated outstanding": the council
    words = ["It", "met", "Ulvercombe", "Council", ",", "which", "was", "rated", "outstanding"]
    art = article(words, [1, 1, 3, 1, 3, 7, 7, 3, 7], ["nsubj", "ROOT", "compound", "dobj", "punct", "nsubjpass", "auxpass", "relcl", "oprd"],
                  [(2, 4, "ORG"), (8, 9, "RATING")], pos=["PRON", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "AUX", "VERB", "ADJ"])
    assert ratings(art)[0][3] == "Ulvercombe Council"


def test_a_first_person_goal_is_never_the_subject():
    # must not: "our aim is to be rated good" rates the speaker's body said before, not "our aim"
    words = ["The", "trust", "was", "rated", "inadequate", ".", "Our", "aim", "is", "to", "be", "rated", "good"]
    art = article(words, [1, 3, 3, 3, 3, 3, 7, 8, 8, 11, 11, 8, 11],
                  ["det", "nsubjpass", "auxpass", "ROOT", "oprd", "punct", "poss", "nsubj", "ROOT", "aux", "auxpass", "xcomp", "oprd"],
                  [(4, 5, "RATING"), (12, 13, "RATING")],
                  pos=["DET", "NOUN", "AUX", "VERB", "ADJ", "PUNCT", "PRON", "NOUN", "AUX", "PART", "AUX", "VERB", "ADJ"])
    assert [r[3] for r in ratings(art)] == ["trust", "trust"]


def test_a_pronoun_rating_far_from_the_description_names_the_body():
    # "Rowan Hill, the care home, ..." then "the home was rated good" then "It was rated good":
    # the previous "home" is the named home; with "the home" in the sentence it stays "home"
    words = ["Rowan", "Hill", ",", "the", "care", "home", ",", "opened", ".", "The", "home", "was", "rated", "good",
             ".", "It", "was", "rated", "good", "."]
    heads = [1, 7, 1, 5, 5, 1, 1, 7, 7, 10, 12, 12, 12, 12, 12, 17, 17, 17, 17, 17]
    deps = ["compound", "nsubj", "punct", "det", "compound", "appos", "punct", "ROOT", "punct", "det", "nsubjpass",
            "auxpass", "ROOT", "oprd", "punct", "nsubjpass", "auxpass", "ROOT", "oprd", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT", "VERB", "PUNCT", "DET", "NOUN", "AUX", "VERB", "ADJ",
           "PUNCT", "PRON", "AUX", "VERB", "ADJ", "PUNCT"]
    art = article(words, heads, deps, [(0, 2, "PERSON"), (13, 14, "RATING"), (18, 19, "RATING")], pos=pos)
    assert [r[3] for r in ratings(art)] == ["home", "Rowan Hill"]
    assert list(rating_rows(art))[1]["rule"].startswith("rating_mention+subject:named")


def test_a_subject_keeps_its_complement_and_participle():
    # "the support given to care leavers was found to require improvement"
    words = ["The", "support", "given", "to", "care", "leavers", "was", "rated", "good"]
    art = article(words, [1, 7, 1, 2, 5, 3, 7, 7, 7], ["det", "nsubjpass", "acl", "prep", "compound", "pobj", "auxpass", "ROOT", "oprd"],
                  [(8, 9, "RATING")], pos=["DET", "NOUN", "VERB", "ADP", "NOUN", "NOUN", "AUX", "VERB", "ADJ"])
    art.doc[2].tag_ = "VBN"
    assert ratings(art)[0][3] == "support given to care leavers"


def test_a_pronoun_of_a_subordinate_clause_is_the_main_subject():
    words = ["Services", "in", "Brackmoor", "are", "slow", ",", "after", "they", "were", "rated", "inadequate"]
    art = article(words, [3, 0, 1, 3, 3, 3, 9, 9, 9, 3, 9],
                  ["nsubj", "prep", "pobj", "ROOT", "acomp", "punct", "mark", "nsubjpass", "auxpass", "advcl", "oprd"],
                  [(10, 11, "RATING")], pos=["NOUN", "ADP", "PROPN", "AUX", "ADJ", "PUNCT", "SCONJ", "PRON", "AUX", "VERB", "ADJ"])
    assert ratings(art)[0][3] == "Services in Brackmoor"


def test_a_headline_with_no_parse_rates_the_name_before_its_verb():
    # "Kestrelby climbs to 'good'": the parse gives no subject; the capitalised name before the verb
    words = ["Kestrelby", "climbs", "to", "‘", "good", "’"]
    art = article(words, [1, 1, 1, 4, 2, 4], ["npadvmod", "ROOT", "prep", "punct", "pobj", "punct"], [(4, 5, "RATING")],
                  pos=["PROPN", "VERB", "ADP", "PUNCT", "ADJ", "PUNCT"])
    [row] = list(rating_rows(art))
    assert row["subject"] == "Kestrelby" and "subject:headline" in row["rule"]


def test_a_headline_person_or_rater_is_never_the_subject():
    # must not: "Jane Roe hails 'good' rating", "Inspectors hail 'good' rating": a person, a rater
    for words, ents, pos0 in ((["Jane", "Roe", "hails", "‘", "good", "’", "rating"], [(0, 2, "PERSON")], ["PROPN", "PROPN"]),
                              (["Inspectors", "hail", "‘", "good", "’", "rating"], [], ["NOUN"])):
        n = len(pos0)
        art = article(words, [n] * n + [n] + [n + 4, n + 2, n + 2, n],
                      ["compound"] * (n - 1) + ["nsubj", "ROOT", "punct", "amod", "punct", "dobj"],
                      ents + [(n + 2, n + 3, "RATING")], pos=pos0 + ["VERB", "PUNCT", "ADJ", "PUNCT", "NOUN"])
        assert ratings(art)[0][3] is None


def test_no_subject_in_the_sentence_rates_the_articles_body_never_the_rater():
    # "Ofsted visited Ashby Borough Council. Ofsted wrote. ... 'We want to be rated good'": the council
    # the article is about, though Ofsted (a rater) and Jane Roe (a person) are named more often
    words = ["Ofsted", "visited", "Ashby", "Borough", "Council", ".", "Jane", "Roe", "met", "Ofsted", ".",
             "Jane", "Roe", "said", ":", "We", "want", "to", "be", "rated", "good"]
    heads = [1, 1, 4, 4, 1, 1, 7, 8, 8, 8, 8, 12, 13, 13, 13, 16, 13, 19, 19, 16, 19]
    deps = ["nsubj", "ROOT", "compound", "compound", "dobj", "punct", "compound", "nsubj", "ROOT", "dobj", "punct",
            "compound", "nsubj", "ROOT", "punct", "nsubj", "ccomp", "aux", "auxpass", "xcomp", "oprd"]
    pos = ["PROPN", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT",
           "PROPN", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "PART", "AUX", "VERB", "ADJ"]
    ents = [(0, 1, "ORG"), (2, 5, "ORG"), (6, 8, "PERSON"), (9, 10, "ORG"), (11, 13, "PERSON"), (20, 21, "RATING")]
    [row] = list(rating_rows(article(words, heads, deps, ents, pos=pos)))
    assert row["subject"] == "Ashby Borough Council" and "subject:article_body" in row["rule"]


def test_no_rateable_body_in_the_article_leaves_no_subject():
    # must not: only a rater and a person are named: no subject rather than Ofsted or Jane Roe
    words = ["Ofsted", "met", "Jane", "Roe", ".", "We", "want", "to", "be", "rated", "good"]
    heads = [1, 1, 3, 1, 1, 6, 6, 9, 9, 6, 9]
    deps = ["nsubj", "ROOT", "compound", "dobj", "punct", "nsubj", "ROOT", "aux", "auxpass", "xcomp", "oprd"]
    pos = ["PROPN", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PART", "AUX", "VERB", "ADJ"]
    art = article(words, heads, deps, [(0, 1, "ORG"), (2, 4, "PERSON"), (10, 11, "RATING")], pos=pos)
    assert ratings(art)[0][3] is None


def test_our_own_position_is_never_the_subject():
    # must not: "we judge our current position to be inadequate" rates the body said before
    words = ["The", "council", "was", "rated", "inadequate", ".", "We", "judge", "our", "position", "to", "be", "inadequate"]
    heads = [1, 3, 3, 3, 3, 3, 7, 7, 9, 7, 11, 7, 11]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "oprd", "punct", "nsubj", "ROOT", "poss", "dobj", "aux", "xcomp", "acomp"]
    pos = ["DET", "NOUN", "AUX", "VERB", "ADJ", "PUNCT", "PRON", "VERB", "PRON", "NOUN", "PART", "AUX", "ADJ"]
    art = article(words, heads, deps, [(4, 5, "RATING"), (12, 13, "RATING")], pos=pos)
    assert [r[3] for r in ratings(art)] == ["council", "council"]


def test_a_bodys_possessed_aspect_is_its_aspect():
    # "Inspectors rated the council's overall effectiveness as requires improvement": the council, its aspect
    words = ["Inspectors", "rated", "the", "council", "'s", "overall", "effectiveness", "as", "inadequate"]
    art = article(words, [1, 1, 3, 6, 3, 6, 1, 1, 7], ["nsubj", "ROOT", "det", "poss", "case", "amod", "dobj", "prep", "pobj"],
                  [(8, 9, "RATING")], pos=["NOUN", "VERB", "DET", "NOUN", "PART", "ADJ", "NOUN", "ADP", "ADJ"],
                  spaces=[True, True, True, False, True, True, True, True, False])
    [row] = list(rating_rows(art))
    assert (row["subject"], row["aspect"]) == ("council", "overall effectiveness")


def test_a_noun_with_a_rating_participle_is_rated_not_the_main_clause_object():
    # "Ofsted rates the council's help as inadequate, with its adoption service judged good":
    # "good" rates the adoption service; must not: the main clause's object or Ofsted
    words = ["Ofsted", "rates", "the", "help", "as", "inadequate", ",", "with", "its", "adoption", "service", "judged", "good"]
    heads = [1, 1, 3, 1, 1, 4, 1, 1, 10, 10, 7, 10, 11]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct", "prep", "poss", "compound", "pobj", "acl", "oprd"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "ADJ", "PUNCT", "ADP", "PRON", "NOUN", "NOUN", "VERB", "ADJ"]
    art = article(words, heads, deps, [(0, 1, "ORG"), (5, 6, "RATING"), (12, 13, "RATING")], pos=pos,
                  lemmas=[w.lower() for w in words[:11]] + ["judge", "good"])
    assert [r[3] for r in ratings(art)] == ["help", "adoption service"]  # without its possessive (D19)


def test_as_a_whole_belongs_to_the_rated_body():
    # "The trust as a whole was rated good"; must not: "as" other than "as a whole" ("as good")
    words = ["The", "trust", "as", "a", "whole", "was", "rated", "good"]
    art = article(words, [1, 6, 1, 4, 2, 6, 6, 6], ["det", "nsubjpass", "prep", "det", "pobj", "auxpass", "ROOT", "oprd"],
                  [(7, 8, "RATING")], pos=["DET", "NOUN", "ADP", "DET", "NOUN", "AUX", "VERB", "ADJ"])
    assert ratings(art)[0][3] == "trust as a whole"


def _three_ratings(first):
    # "<first> was rated good . The service was rated good . Adoption was judged outstanding ."
    n = len(first)
    words = first + ["was", "rated", "good", ".", "The", "service", "was", "rated", "good", ".",
                     "Adoption", "was", "judged", "outstanding", "."]
    r1, s2 = n + 1, n + 4
    heads = [n - 1] * (n - 1) + [r1, r1, r1, r1, r1, s2 + 1, s2 + 3, s2 + 3, s2 + 3, s2 + 3, s2 + 3,
                                 s2 + 8, s2 + 8, s2 + 8, s2 + 8, s2 + 8]
    deps = ["compound"] * (n - 1) + ["nsubjpass", "auxpass", "ROOT", "oprd", "punct", "det", "nsubjpass", "auxpass",
                                     "ROOT", "oprd", "punct", "nsubjpass", "auxpass", "ROOT", "oprd", "punct"]
    pos = ["PROPN"] * n + ["AUX", "VERB", "ADJ", "PUNCT", "DET", "NOUN", "AUX", "VERB", "ADJ", "PUNCT",
                           "NOUN", "AUX", "VERB", "ADJ", "PUNCT"]
    ents = [(n + 2, n + 3, "RATING"), (s2 + 4, s2 + 5, "RATING"), (s2 + 9, s2 + 10, "RATING")]
    return [r[3] for r in ratings(article(words, heads, deps, ents, pos=pos))]


def test_a_vague_service_carried_over_is_the_service_named_earlier():
    # "Ashby Services was rated good. The service ... Adoption was judged outstanding": Ashby Services
    assert _three_ratings(["Ashby", "Services"]) == ["Ashby Services", "service", "Ashby Services"]


def test_a_vague_service_is_never_an_earlier_body_of_another_head():
    # must not: "Ashby Council was rated good. The service ...": the service is not the council
    assert _three_ratings(["Ashby", "Council"]) == ["Ashby Council", "service", "service"]


def _rated_then_quote(names):
    # "<name> was rated good ." for each name, then "We want to be rated good"
    words, heads, deps, pos, ents = [], [], [], [], []
    for name in names:
        b, n = len(words), len(name)
        r = b + n + 1
        words += name + ["was", "rated", "good", "."]
        heads += [b + n - 1] * (n - 1) + [r, r, r, r, r]
        deps += ["compound"] * (n - 1) + ["nsubjpass", "auxpass", "ROOT", "oprd", "punct"]
        pos += ["PROPN"] * n + ["AUX", "VERB", "ADJ", "PUNCT"]
        ents.append((r + 1, r + 2, "RATING"))
    b = len(words)
    words += ["We", "want", "to", "be", "rated", "good"]
    heads += [b + 1, b + 1, b + 4, b + 4, b + 1, b + 4]
    deps += ["nsubj", "ROOT", "aux", "auxpass", "xcomp", "oprd"]
    pos += ["PRON", "VERB", "PART", "AUX", "VERB", "ADJ"]
    ents.append((b + 5, b + 6, "RATING"))
    rows = list(rating_rows(article(words, heads, deps, ents, pos=pos)))
    return rows[-1]["subject"], rows[-1]["rule"]


def test_a_first_person_quote_rates_what_the_article_rates_most():
    # "Ashby Services ... Ashby Council ... Ashby Care Services ... 'We want to be rated good'": the services
    subject, rule = _rated_then_quote([["Ashby", "Services"], ["Ashby", "Council"], ["Ashby", "Care", "Services"]])
    assert subject == "Ashby Care Services" and "subject:article_subject" in rule


def test_a_first_person_quote_with_no_main_subject_keeps_the_previous():
    # must not: a tie between two heads chooses none of them by this rule
    subject, rule = _rated_then_quote([["Ashby", "Services"], ["Ashby", "Council"]])
    assert "subject:article_subject" not in rule


def test_the_first_word_of_a_judgement_area_is_an_aspect_not_the_subject():
    # "The school was rated good. The quality was judged good": "quality" (of education) is an area;
    # must not: the subject "quality" — the school said before is rated
    words = ["The", "school", "was", "rated", "good", ".", "The", "quality", "was", "judged", "good"]
    heads = [1, 3, 3, 3, 3, 3, 7, 9, 9, 9, 9]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "oprd", "punct", "det", "nsubjpass", "auxpass", "ROOT", "oprd"]
    pos = ["DET", "NOUN", "AUX", "VERB", "ADJ", "PUNCT", "DET", "NOUN", "AUX", "VERB", "ADJ"]
    art = article(words, heads, deps, [(4, 5, "RATING"), (10, 11, "RATING")], pos=pos)
    assert [r[3] for r in ratings(art)] == ["school", "school"]


def test_a_long_rated_phrase_is_kept_whole():
    # "Mental health services for children and young people run by Ashby NHS Foundation Trust have been rated good"
    words = ["Mental", "health", "services", "for", "children", "and", "young", "people", "run", "by", "Ashby", "NHS",
             "Foundation", "Trust", "have", "been", "rated", "good"]
    heads = [1, 2, 16, 2, 3, 4, 7, 4, 2, 8, 13, 13, 13, 9, 16, 16, 16, 16]
    deps = ["amod", "compound", "nsubjpass", "prep", "pobj", "cc", "amod", "conj", "acl", "agent", "compound", "compound",
            "compound", "pobj", "aux", "auxpass", "ROOT", "oprd"]
    pos = ["ADJ", "NOUN", "NOUN", "ADP", "NOUN", "CCONJ", "ADJ", "NOUN", "VERB", "ADP", "PROPN", "PROPN", "PROPN", "PROPN",
           "AUX", "AUX", "VERB", "ADJ"]
    art = article(words, heads, deps, [(17, 18, "RATING")], pos=pos)
    art.doc[8].tag_ = "VBN"
    assert ratings(art)[0][3] == " ".join(words[:14])


def test_an_ing_word_before_a_noun_belongs_to_the_rated_phrase():
    # "Inspectors judged safeguarding services inadequate": the services; must not: "Inspectors judged
    # the council failing children inadequate"-style gaps with a real verb stay unread
    words = ["Inspectors", "judged", "safeguarding", "services", "inadequate"]
    art = article(words, [1, 1, 3, 4, 1], ["nsubj", "ROOT", "amod", "nsubj", "ccomp"], [(4, 5, "RATING")],
                  pos=["NOUN", "VERB", "VERB", "NOUN", "ADJ"])
    art.doc[2].tag_ = "VBG"
    assert ratings(art)[0][3] == "safeguarding services"
    words = ["Inspectors", "judged", "council", "failing", "children", "inadequate"]
    art = article(words, [1, 1, 5, 2, 3, 1], ["nsubj", "ROOT", "nsubj", "acl", "dobj", "ccomp"], [(5, 6, "RATING")],
                  pos=["NOUN", "VERB", "NOUN", "VERB", "NOUN", "ADJ"])
    art.doc[3].tag_ = "VBG"
    assert ratings(art)[0][3] != "council failing children"
