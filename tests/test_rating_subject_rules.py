"""Rating subjects on made-up sentences, through the whole pipeline (issue #17): each rule of
pipeline/extract/relations.py's rating part with the form it reads and a case it must not take."""
import pytest

from pipeline.extract.process import process_article

pytestmark = pytest.mark.model

TITLE = "Inspection round-up\n\n"


def subjects(nlp, body: str, title: str = TITLE) -> list[tuple[str, str | None]]:
    rows = process_article("made-up.txt", (title + body + "\n").encode(), None, nlp)
    return [(r["rating_text"].strip("‘’'\""), r["subject"]) for r in rows["ratings"]]


def subject(nlp, body: str, title: str = TITLE) -> str | None:
    found = subjects(nlp, body, title)
    assert len(found) == 1, found
    return found[0][1]


# -- verbs that move a body between grades: their object is the rated body --------------------------

def test_an_active_change_verb_rates_its_object(nlp):
    assert subjects(nlp, "Ofsted downgraded Brookvale Academy from outstanding to requires improvement.")[-1] \
        == ("requires improvement", "Brookvale Academy")
    # must not: the person who led the school there is never the subject
    assert subject(nlp, "Ofsted said Mary Holt, the head teacher, had led the school to a good rating.") == "school"


def test_the_rating_noun_of_the_same_rating_is_no_subject(nlp):
    # "was given the same rating ... and was lifted to ...": the subject of the first verb
    assert subject(nlp, "Elm Grange in Ashby was given the same rating in June and was lifted to requires "
                        "improvement earlier this month.") == "Elm Grange in Ashby"


# -- the owner of a rating noun ---------------------------------------------------------------------

def test_a_rating_nouns_possessor_or_complement_is_the_subject(nlp):
    assert subject(nlp, "The school's rating was downgraded to requires improvement.") == "school"
    assert subject(nlp, "Parents said the rating for Pinehurst Primary School had dropped to requires improvement.") \
        == "Pinehurst Primary School"
    # must not: a pronoun owner names nothing; a rater's rating is not the rater's
    assert subject(nlp, "Its rating was downgraded to requires improvement.") is None
    assert subject(nlp, "Ofsted's rating was downgraded to requires improvement.") is None


def test_the_words_before_the_ratings_determiner(nlp):
    assert subject(nlp, "Inspectors gave Brookvale Academy an outstanding rating.") == "Brookvale Academy"
    assert subject(nlp, "Inspectors gave the trust its first good rating.") == "trust"


def test_a_rating_given_to_a_body(nlp):
    # "awarded a rating to X": X; must not: the council that awarded it is the rater
    assert subject(nlp, "Marsh Vale District Council awarded a five-star food hygiene rating to the Golden Fry "
                        "chip shop on Dock Street after its latest visit.") == "Golden Fry chip shop"


# -- the subject of an active rating verb is the rater ----------------------------------------------

def test_a_headline_participle_is_no_active_verb(nlp):
    # must not: "X rated outstanding by CQC", "maternity care judged inadequate" read as past tenses
    assert subject(nlp, "A GP practice was praised.", title="Mill Road Surgery rated outstanding by CQC\n\n") \
        == "Mill Road Surgery"
    assert subjects(nlp, "A trust was told to improve.", title="Ashby hospitals trust rated requires improvement "
                    "as maternity care judged inadequate\n\n")[1] == ("inadequate", "maternity care")


def test_a_pronoun_subject_is_the_subject_of_the_clause_above(nlp):
    assert subject(nlp, "Inspectors praised Ashby Constabulary's work with victims. But the force was told it "
                        "requires improvement in four of the nine areas inspected.") == "force"
    assert subject(nlp, "Homecare Plus, which supports 90 people across Ashby, said it was disappointed not "
                        "to be rated good after the CQC visit.") == "Homecare Plus"
    # must not: a person who said it is never the subject
    assert subject(nlp, "The head teacher, Mary Holt, said it had been rated good.") != "head teacher"


# -- the noun phrase --------------------------------------------------------------------------------

def test_a_long_complement_stops_at_its_comma(nlp):
    assert subject(nlp, "Acute wards at the Linden Centre, run by Ashby Partnership NHS Foundation Trust, were "
                        "rated requires improvement by the CQC.") == "Acute wards at the Linden Centre"


def test_a_generic_head_names_the_body_after_at(nlp):
    assert subject(nlp, "Care at Thorn House, a 30-bed home for older people in Ashby, was found to be good "
                        "when inspectors visited.") == "Thorn House"
    # must not: a generic head with no body after it stays as written
    assert subject(nlp, "Maternity care at the trust was rated inadequate.") == "trust"
    assert subject(nlp, "The CQC said maternity care was inadequate.") == "maternity care"


def test_a_rated_compound_names_what_it_modifies(nlp):
    assert subject(nlp, "The outstanding-rated school will expand next year.") == "school"
    assert subject(nlp, "Parents oppose plans to merge Fernhill Infants, an outstanding-rated school, with a "
                        "junior school.") == "Fernhill Infants"


def test_a_partitive_names_the_plural_it_counts(nlp):
    found = subjects(nlp, "The Heron Schools Trust, which runs eight academies in the county, said six of them "
                          "are now rated good or outstanding.")
    assert found == [("good", "academies in the county"), ("outstanding", "academies in the county")]


def test_whose_is_the_relative_clauses_noun(nlp):
    assert subject(nlp, "Elmford Council, whose children's services were rated inadequate in 2017, has "
                        "improved.") == "Elmford Council's children's services"


def test_words_keep_their_spaces_when_punctuation_is_left_out(nlp):
    assert subject(nlp, "The home, run by Brightcare Ltd, was rated inadequate.") == "home run by Brightcare Ltd"
    assert subject(nlp, "Ashby Lodge care home in Wrayton has been rated inadequate for safety by the Care "
                        "Quality Commission.").startswith("Ashby Lodge care home")
