"""Rating subjects on made-up sentences, through the whole pipeline (issue #17): each rule of
pipeline/extract/relations.py's rating part with the form it reads and a case it must not take."""
import pytest

from pipeline.extract.process import process_article

pytestmark = pytest.mark.model

TITLE = "Inspection round-up\n\n"


def ratings(nlp, body: str, title: str = TITLE) -> list[dict]:
    """The `ratings` rows of a made-up article: its title, then `body`."""
    return process_article("made-up.txt", (title + body + "\n").encode(), None, nlp)["ratings"]


def subjects(nlp, body: str, title: str = TITLE) -> list[tuple[str, str | None]]:
    return [(r["rating_text"].strip("‘’'\""), r["subject"]) for r in ratings(nlp, body, title)]


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
    # must not: a named kind of care is a service, kept whole with its body (RS2: "maternity services at X")
    assert subject(nlp, "Maternity care at the trust was rated inadequate.") == "Maternity care at the trust"
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


def test_words_keep_their_spaces_and_hyphens(nlp):
    assert subject(nlp, "The 40-bed home on Mill Road was rated good.") == "40-bed home"
    # a participle in commas is a parenthesis, outside the subject (RS4); a participle without is in it
    assert subject(nlp, "The home, run by Brightcare Ltd, was rated inadequate.") == "home"
    assert subject(nlp, "Mental health services run by Ashby Partnership NHS Trust have been rated inadequate by "
                        "the CQC.") == "Mental health services run by Ashby Partnership NHS Trust"
    assert subject(nlp, "Ashby Lodge care home in Wrayton has been rated inadequate for safety by the Care "
                        "Quality Commission.").startswith("Ashby Lodge care home")


# -- a pronoun in the rated place -------------------------------------------------------------------

def test_a_pronoun_stands_for_the_body_named_before_it(nlp):
    # the sentence before names it (its subject or object), or the headline does
    assert subject(nlp, "Inspectors visited Little Acorns Pre-School in Ashby in June. They rated it requires "
                        "improvement.") == "Little Acorns Pre-School"
    assert subject(nlp, "Inspectors said children were happy. They rated it outstanding.",
                   title="Ofsted praises Oakleaf Montessori\n\n") == "Oakleaf Montessori"
    # in its own sentence: the nearest body before it
    assert subjects(nlp, "The inadequate rating given to Ashby Fostering Service in 2020 has been lifted after "
                         "a new inspection found it to be good.") \
        == [("inadequate", "Ashby Fostering Service"), ("good", "Ashby Fostering Service")]


def test_a_pronoun_never_stands_for_a_person_or_a_place(nlp):
    # must not: a person the article marks as one (an honorific, a role), a place, a rater
    found = subject(nlp, "Ms Dorothy Vane spoke to parents in Ashby. It was rated good.",
                    title="Parents praise village school\n\n")
    assert found not in ("Dorothy Vane", "Ashby")
    assert subject(nlp, "Ofsted visited in May. It was rated good.") != "Ofsted"


def test_a_name_the_model_calls_a_person_is_a_body_when_nothing_says_person(nlp):
    assert subject(nlp, "Brackenfold, a four-bed children's home in Ashby, opened in 2022. It was rated good "
                        "at its first full inspection.") == "Brackenfold"


def test_a_later_pronoun_keeps_the_previous_ratings_subject(nlp):
    # must not: once a rating named the body, "it" in a later sentence is that body, not whatever
    # the sentence before names (here a council)
    found = subjects(nlp, "Elm Lodge care home was rated good in 2019. Ashby County Council then took over "
                          "its running. Inspectors rated it requires improvement this year.")
    assert [s for _, s in found] == ["Elm Lodge care home", "Elm Lodge care home"]


# -- more noun phrases ------------------------------------------------------------------------------

def test_a_handed_rating_rates_its_receiver(nlp):
    assert subject(nlp, "The regulator has handed Caring Hands Homecare, based in Ashby, a requires improvement "
                        "rating.") == "Caring Hands Homecare"


def test_a_partitive_of_a_plural_noun_is_that_noun(nlp):
    assert subject(nlp, "The Heron Schools Trust expects all of its schools to be rated at least good within "
                        "three years.") == "schools"


def test_a_fronted_partitive_rates_the_plural_it_counts(nlp):
    # "Of the N X, none/12 ...": the count's "of" opens the sentence (RS14)
    assert subject(nlp, "Of the eleven agencies in the borough, none is rated outstanding by Ofsted.") \
        == "agencies in the borough"
    # the parse can read the fronted "of" as a clause's mark: the plural noun before the comma
    assert subject(nlp, "But of the care homes visited, three were rated inadequate by the CQC.") == "care homes"
    # must not: an "of" that does not open the sentence counts nothing of the rating's subject
    assert subject(nlp, "Three were rated inadequate by the CQC, of the care homes visited.") is None


def test_a_second_count_counts_what_the_first_partitive_of_its_sentence_counts(nlp):
    # not carried over from the home named before, as a vague "the homes" would be
    found = subjects(nlp, "The children's home in Ashby was rated inadequate by Ofsted. The provider said eleven of "
                          "its homes are rated good and one is rated outstanding.")
    assert found[1:] == [("good", "homes"), ("outstanding", "homes")]
    # must not: a count with no partitive before it in its own sentence counts nothing there
    assert subject(nlp, "One was rated outstanding by Ofsted.") is None


def test_a_count_with_its_members_named_in_apposition_rates_the_members(nlp):
    # RS13: the coordinated names as written
    assert subject(nlp, "Two of the homes, Elm House and Oak Lodge, were rated inadequate by the CQC.") \
        == "Elm House and Oak Lodge"
    # must not: without names, the count still rates the plural it counts
    assert subject(nlp, "Two of the homes, both in Ashby, were rated inadequate by the CQC.") == "homes"
    # must not: a clause hung on the name is no part of it
    assert subject(nlp, "One of the homes, Elm House, which opened in 2010 on Mill Lane, was rated inadequate "
                        "by the CQC.") == "Elm House"


def test_coordinated_names_in_apposition_to_a_kind_of_body_are_the_subject(nlp):
    # RS13, whatever label the model gave the first name
    assert subject(nlp, "A spokesperson added that two other homes owned by the company in the county, Elm Lodge "
                        "and The Beeches, were rated good by the CQC.") == "Elm Lodge and The Beeches"
    assert subject(nlp, "The council's other residential home, Larkspur Lodge, remains rated good.") == "Larkspur Lodge"


def test_getting_a_body_back_to_a_grade_rates_the_body(nlp):
    assert subject(nlp, "\"We intend to get Ashcombe House back to good within a year,\" he said.") == "Ashcombe House"
    # must not: what is got is no body when it is the rating noun itself
    assert subject(nlp, "Ashcombe House got a good rating from the CQC in May.") == "Ashcombe House"


def test_a_rating_quoted_from_a_titled_speaker_is_of_the_body_the_title_names(nlp):
    # RC3 without a "we" in the quote's first sentence: not the body rated in the sentence before
    found = subjects(nlp, "Brantwick Council was rated good by Ofsted in May. Cllr Ann Lowe, leader "
                          "of Ashby Council, said: \"Being judged inadequate is a shock but not a surprise.\"")
    assert found == [("good", "Brantwick Council"), ("inadequate", "Ashby Council")]


def test_a_rating_for_a_service_rates_the_service(nlp):
    assert subject(nlp, "Ashby City Council has been awarded a good rating for its adult social care services "
                        "by the Care Quality Commission.") == "adult social care services"
    # must not: an aspect after "for" is no service
    assert subject(nlp, "Ashby City Council has been awarded a good rating for safety.") == "Ashby City Council"


def test_coordinated_bodies_after_a_judging_verb(nlp):
    assert subject(nlp, "Ofsted rated both Elm Nursery and Oak Pre-School good after visits last month.") \
        == "Elm Nursery and Oak Pre-School"


def test_a_passive_subject_before_a_parenthesis(nlp):
    found = subjects(nlp, "The trust kept its rating, while its community services for children, inspected at "
                          "the same time, were rated outstanding.")
    assert found[-1] == ("outstanding", "community services for children")


def test_the_service_as_written_in_the_ratings_sentence(nlp):
    # D19: "the service" in the rating's own sentence is the subject, though an earlier sentence named it
    found = subjects(nlp, "Ashby's children's services were rated inadequate in 2016. Monitoring visits found "
                          "progress, and the service was finally judged good at the last inspection.")
    assert [s for _, s in found] == ["Ashby's children's services", "service"]


def test_a_subject_never_runs_into_another_rating(nlp):
    # "rated the home inadequate for ..., and requires improvement for ...": the home, both times
    found = subjects(nlp, "Elm House was inspected in May. The CQC rated the home inadequate for safe and well-led, "
                          "and requires improvement for effective, caring and responsive.")
    assert [s for _, s in found] == ["home", "home"]


def test_a_partitive_counting_no_body_names_nothing(nlp):
    # must not: "of them" for "many of them living with dementia"
    found = subject(nlp, "The home, which looks after older people, many of them living with dementia, was rated "
                         "good at its last inspection.")
    assert found != "of them" and "many" not in (found or "")


def test_a_first_person_quote_after_the_home_rates_the_home_named_before(nlp):
    found = subjects(nlp, "Elm House was rated requires improvement last April. At the latest inspection the home "
                          "was rated good. The manager said: \"Being rated good is a huge boost for all of us.\"")
    assert [s for _, s in found] == ["Elm House", "home", "Elm House"]
    # must not: a service of the body rated since ("Community services were rated good") is not "we"
    found = subjects(nlp, "Ashby Partnership NHS Trust was rated inadequate. Community services for older people "
                          "were rated good. The trust had been rated good in 2018. The chief executive said: \"We "
                          "are determined to be rated good again.\"")
    assert found[-1] == ("good", "Ashby Partnership NHS Trust")
    # must not: with no home named before, "we" stays with the article's other rules (no invented name)
    found = subjects(nlp, "The home was rated good. The manager said: \"Being rated good is a boost for us.\"")
    assert found[-1][1] != "Elm House"


def test_the_speaker_of_a_quoted_rating_is_not_rated(nlp):
    # must not: "The manager said: 'Being rated good is a boost'" -> the manager
    found = subjects(nlp, "The manager said: \"Being rated good is a boost.\"")
    assert found[-1][1] != "manager"
    # but a rater noun's verdict for a body is the body's ("welcomed" is a speech verb, not its clause)
    assert subject(nlp, "Ofsted's verdict of \"good\" for Fernlea Infant School was welcomed by parents.") \
        == "Fernlea Infant School"


def test_a_name_written_with_its_kind_keeps_the_kind(nlp):
    # "Elm Lea care home" (no comma): the kind phrase is part of the name the article is about
    assert subject(nlp, "Inspectors found staff shortages at the 32-bed home. It has been rated requires "
                        "improvement overall.", title="Elm Lea care home told it must improve\n\n") == "Elm Lea care home"
    # must not: a kind phrase after a comma is an apposition, not the name
    assert subject(nlp, "Inspectors found staff shortages at the home. It has been rated requires improvement.",
                   title="Elm Lea, the care home on Mill Road, told it must improve\n\n") == "Elm Lea"


def test_a_later_pronoun_takes_a_name_for_a_carried_description(nlp):
    found = subjects(nlp, "A care home in Ashby is to close after it was rated inadequate by the CQC. Meadow View, "
                          "on Station Road, was placed in special measures in March. In August, inspectors found it "
                          "was still inadequate.")
    assert found[-1] == ("inadequate", "Meadow View")
    # must not: a body of another kind named in between (the council that runs the home)
    found = subjects(nlp, "The home was rated good in 2019. Ashby County Council took over its running last "
                          "year. When inspectors visited in May they rated it requires improvement.")
    assert found[-1][1] != "Ashby County Council"


def test_a_speaker_the_article_calls_mrs_is_not_the_body_of_it(nlp):
    found = subjects(nlp, "Jane Roe, who runs Elm House, said it was rated good. Mrs Roe has run the home since "
                          "2010.")
    assert found[0][1] != "Jane Roe"


def test_a_headline_rating_for_a_named_body(nlp):
    assert subject(nlp, "Inspectors said progress had been too slow.",
                   title="Second 'inadequate' for Brookfield children's services\n\n") == "Brookfield children's services"
    # must not: an aspect after "for"
    assert subject(nlp, "Inspectors said progress had been too slow.",
                   title="'Inadequate' for Safety\n\n") != "Safety"


def test_it_agrees_in_number(nlp):
    # "it" is one body: not the parents above it, but the school their phrase names
    assert subject(nlp, "Parents at Elm School were told in March that it had been rated inadequate.") == "Elm School"
    # a report "on" a body names it; the report itself is the rater's
    assert subject(nlp, "Ofsted's latest report on Brook Lane Primary rated it good in every area.") \
        == "Brook Lane Primary"


def test_a_carried_home_is_the_home_a_rating_named(nlp):
    # "It is the second Brightcare home ... to be rated": a class of homes, not "the home"; the home
    # meant is the one the article rated by name
    found = subjects(nlp, "The CQC rated Elm Court inadequate overall in a report published today. Inspectors "
                          "found the home inadequate for being safe. A spokesman said sorry. It is the second "
                          "Brightcare home in the region to be rated inadequate this year.",
                     title="Ashby care home rated 'inadequate'\n\n")
    assert found[-1] == ("inadequate", "Elm Court")
    # must not: "the home" written in the sentence stays "home"
    found = subjects(nlp, "The CQC rated Elm Court inadequate overall. A spokesman said sorry. If the home is "
                          "still rated inadequate in six months, it could close.")
    assert found[-1] == ("inadequate", "home")


def test_we_is_the_body_the_article_rates_most_often(nlp):
    found = subjects(nlp, "Ashby Borough Council's children's services have been rated requires improvement, "
                          "three years after they were judged inadequate. Services for children in care were judged "
                          "good. Cllr Tom Hart said: \"We were rated inadequate three years ago.\"")
    assert found[-1] == ("inadequate", "Ashby Borough Council's children's services")


def test_the_same_speakers_next_we_keeps_the_body(nlp):
    found = subjects(nlp, "A residential home in Ashby was rated good in May. Elm House was rated requires "
                          "improvement last year. At the latest inspection the home was rated good. The manager said: "
                          "\"Being rated good is a huge boost for all of us. We want to be rated outstanding next.\"")
    assert found[-2:] == [("good", "Elm House"), ("outstanding", "Elm House")]


def test_a_share_of_a_plural_is_that_plural(nlp):
    # the place of unnamed bodies stays (RA8), though the parse hangs it on "per cent"
    assert subjects(nlp, "More than 60 per cent of care homes in Ashby are rated good or outstanding.") \
        == [("good", "care homes in Ashby"), ("outstanding", "care homes in Ashby")]
    assert subject(nlp, "Ashby is one of 20 councils whose children's services are rated inadequate.") \
        == "councils' children's services"


def test_a_rated_compound_before_a_name_is_left_out(nlp):
    assert subjects(nlp, "The previously outstanding-rated Elm School has been downgraded to good.") \
        == [("outstanding", "Elm School"), ("good", "Elm School")]


def test_the_owner_of_a_report_can_be_what_it_rates(nlp):
    assert subject(nlp, "Parents had waited months. Elm School's latest Ofsted report rated it inadequate.") \
        == "Elm School"


# -- an inspectorate is never the rated body (rule subject_not_rater, issue #17, articles set) ------

def test_an_inspectorate_the_parse_hands_a_rating_is_dropped(nlp):
    rows = process_article("made-up.txt", (TITLE + "In its latest report, His Majesty's Inspectorate of "
                           "Constabulary and Fire & Rescue Services (HMICFRS) graded the force inadequate at "
                           "answering calls and requires improvement at investigating crime.\n").encode(), None, nlp)
    found = [(r["rating_text"], r["subject"]) for r in rows["ratings"]]
    assert found == [("inadequate", "force"), ("requires improvement", "force")]
    assert rows["ratings"][1]["rule"].endswith("+subject_not_rater")
    # must not: a rated body named next to the inspectorates stays, and the rule does not fire
    rows = process_article("made-up.txt", (TITLE + "Ofsted rated Elm School good and the CQC rated Ash House "
                           "inadequate.\n").encode(), None, nlp)
    assert [(r["subject"], "subject_not_rater" in r["rule"]) for r in rows["ratings"]] \
        == [("Elm School", False), ("Ash House", False)]


def test_the_rater_check_reads_names_not_kinds_of_service():
    from pipeline.extract.relations import _is_rater
    assert _is_rater("Ofsted") and _is_rater("the CQC") and _is_rater("HM Inspectorate of Prisons")
    # must not: bodies that are rated, services of them
    assert not any(_is_rater(s) for s in ("force", "Marrowdale Police", "Elm House care home",
                                          "children's services", "inspection team at Elm School"))


def test_a_subject_the_parse_split_is_read_whole():
    # "Tiny Steps Pre-School ... was rated": parsed in one article as four subjects of "rated" side by
    # side; the subject is the whole name, not its first word. A parse built by hand, so the model's
    # mood cannot hide the case.
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from pipeline.extract.relations import _noun_phrase, _split_subject_head

    words = ["Tiny", "Steps", "Pre", "-", "School", "was", "rated", "good", "."]
    spaces = [True, True, False, False, True, True, True, False, False]
    heads = [6, 2, 6, 6, 6, 6, 6, 6, 6]
    deps = ["nsubjpass", "compound", "nsubjpass", "nsubjpass", "nsubjpass", "auxpass", "ROOT", "oprd", "punct"]
    pos = ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "AUX", "VERB", "ADJ", "PUNCT"]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              sent_starts=[True] + [False] * 8)
    rated = doc[6]
    subjects = [c for c in rated.children if c.dep_ == "nsubjpass"]
    head = _split_subject_head(subjects)
    assert head.text == "School"
    assert _noun_phrase(head, exclude=doc[7:8]) == "Tiny Steps Pre-School"
    # must not: one subject is itself, and a subject is not joined to a separate one after a gap
    assert _split_subject_head(subjects[:1]).text == "Tiny"
    assert _split_subject_head([doc[0], doc[4]]).text == "Tiny"


def test_a_speakers_own_kind_of_body_is_the_subject(nlp):
    # "My old surgery in Ashby was rated outstanding": a body of a kind, the possessive dropped (RS1)
    assert subject(nlp, 'A patient, 81, said: "My old surgery in Ashby was rated outstanding."') \
        == "old surgery in Ashby"
    # must not: "our aim" is no body; the speaker's body is taken from elsewhere, not "aim"
    found = subjects(nlp, 'Elm Court Surgery was rated inadequate. Its manager said: "Our aim is to be rated good."')
    assert all(s is None or "aim" not in s for _, s in found), found


def test_the_place_of_a_share_says_which_bodies(nlp):
    # "the majority of homes in the area": the homes in the area (RA8), whichever word the parse hangs it on
    found = subject(nlp, 'A spokesman said: "It is reassuring that the majority of care homes in the county '
                         'are now rated good."')
    assert found in ("care homes in the county", "homes in the county"), found
    # must not: a share with no place is the counted noun alone
    assert subject(nlp, "Most of the academies were rated good.") == "academies"


def test_a_place_ending_a_coordination_is_no_subject(nlp):
    # "the force was one of only four in England and Wales rated good" was parsed in one article with
    # "Wales" as the subject of "rated"; the body is the subject of the clause "rated" is joined to.
    # A parse built by hand, as the model parses a made-up sentence of this shape either way.
    import spacy
    from spacy.tokens import Doc

    from pipeline.extract.relations import _subject

    words = ["In", "2019", "the", "trust", "was", "one", "of", "only", "six", "in", "England", "and", "Wales",
             "rated", "outstanding", "."]
    heads = [4, 0, 3, 4, 4, 4, 5, 8, 6, 8, 9, 5, 13, 4, 13, 13]
    deps = ["prep", "pobj", "det", "nsubj", "ROOT", "attr", "prep", "advmod", "pobj", "prep", "pobj", "cc",
            "nsubj", "conj", "oprd", "punct"]
    pos = ["ADP", "NUM", "DET", "NOUN", "AUX", "NUM", "ADP", "ADV", "NUM", "ADP", "PROPN", "CCONJ", "PROPN",
           "VERB", "ADJ", "PUNCT"]
    ents = ["O", "B-DATE"] + ["O"] * 8 + ["B-GPE", "O", "B-GPE", "O", "B-RATING", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents,
              sent_starts=[True] + [False] * 15)
    assert _subject(doc.ents[-1]) == "trust"
    # must not: places coordinated inside a subject leave the subject as it is
    found = subject(nlp, "Care homes in Ashby and Elmford were rated good.")
    assert found and found.endswith("homes in Ashby and Elmford"), found


# -- first-person writers: blogs and columns -------------------------------------------------------

def test_a_kind_of_body_reached_through_the_speakers_people(nlp):
    # "my daughter's nursery": the nursery, without the possessive chain (RS1, as "my old surgery")
    assert subject(nlp, "My daughter's nursery was judged outstanding last month.") == "nursery"
    assert subject(nlp, "Our son's school was rated good by Ofsted last week.") == "school"
    # must not: what is not a kind of body keeps no subject ("our aim", "my husband's view"), and an
    # owner that is not the speaker's stays in the subject (RS3)
    assert subject(nlp, "My husband's view was rated good by nobody.") is None
    assert subject(nlp, "Elm Trust's nursery was rated good last week.") == "Elm Trust's nursery"


def test_a_first_we_rating_is_of_the_body_described_just_before(nlp):
    # a blog that names no body: "we" rated is "the school" of the sentence before (D18: the context)
    body = ("When Ofsted came to our primary last spring, I was dreading the verdict. As a governor I knew "
            "the school had struggled for years.\n\nIn the end we were told we required improvement. That stung, "
            "but it was fair.")
    assert subject(nlp, body) == "school"
    # must not: three sentences back is too far for "we" to mean it
    far = ("As a governor I knew the school had struggled for years. The head left in May. Parents were "
           "worried.\n\nIn the end we were told we required improvement. That stung, but it was fair.")
    assert subject(nlp, far) is None


def test_a_verbless_second_clause_keeps_no_conjunction_or_adverb(nlp):
    # "..., but its children's services only adequate": the words after "but", without "only"
    found = subjects(nlp, "Dunmere's adult services were judged good, but its children's services only adequate.")
    assert found[-1] == ("adequate", "its children's services"), found


# -- list lines: a body and its grade ---------------------------------------------------------------

LIST = ("The ratings for the region's councils, with last year's in brackets:\n\n"
        "Ashwent: three stars (two stars)\n"
        "Pellham Borough Council - one star (zero stars)\n"
        "Dunmere Council (requires improvement)\n"
        "Tollmere County Council: zero stars\n\n"
        "The ratings are published every November by the inspectorate, which said that most councils in the "
        "region had improved their services for older people and for children over the past year.")


def test_a_list_line_gives_its_grade_to_the_name_before_it(nlp):
    assert subjects(nlp, LIST) == [("three stars", "Ashwent"), ("two stars", "Ashwent"),
                                   ("one star", "Pellham Borough Council"), ("zero stars", "Pellham Borough Council"),
                                   ("requires improvement", "Dunmere Council"), ("zero stars", "Tollmere County Council")]


def test_a_list_line_name_drops_its_street_and_a_judgement_area_is_an_aspect(nlp):
    found = {r["rating_text"]: (r["subject"], r["aspect"]) for r in ratings(
        nlp, "Marsh Vale NHS Trust was inspected in May.\n\nPizza Palace, Brook Street: good\n"
             "Safe: requires improvement\n\nThe trust will be inspected again next year.")}
    assert found["good"][0] == "Pizza Palace"
    assert found["requires improvement"][1] == "Safe" and found["requires improvement"][0] != "Safe"


def test_what_is_no_list_entry(nlp):
    from pipeline.nlp.components.paragraphs import list_entry_name
    doc = nlp("Ofsted: school rated good\n\nThe film got three stars from our critic, who said it was good fun.\n")
    for ent in doc.ents:
        assert list_entry_name(ent) is None, ent.text
    # must not: a line that goes on after the value is no list entry
    doc = nlp("Ashwent: three stars for effort, says the leader\n")
    assert all(list_entry_name(ent) is None for ent in doc.ents)


# -- education as a judgement area ------------------------------------------------------------------

def test_education_at_a_body_rates_the_body(nlp):
    # RS2: "education and training at X", like "care at X": the body after "at"
    assert subject(nlp, "Education and training at HMP Gorsemoor have been judged inadequate by Ofsted.") \
        == "HMP Gorsemoor"


def test_an_area_of_provision_is_the_aspect_of_the_body_rated_before(nlp):
    found = subjects(nlp, "Brindle Vale College has been rated good by Ofsted.\n\n"
                          "Provision for learners with high needs was rated outstanding.")
    assert found == [("good", "Brindle Vale College"), ("outstanding", "Brindle Vale College")], found
    # must not: a kind of programme is rated itself (first challenge set, rs052)
    assert subjects(nlp, "Brindle Vale College has been rated good by Ofsted.\n\n"
                         "Adult learning programmes were judged good.")[-1] == ("good", "Adult learning programmes")


# -- where the rated service is, and when it was judged ----------------------------------------------

def test_a_place_after_the_object_that_the_parse_hung_on_the_verb(nlp):
    # RA7: the service at the site, up to the end of the site's name in apposition
    found = subjects(nlp, "The watchdog also downgraded the maternity unit at the trust's second site, St Aldhelm's "
                          "Hospital, from good to requires improvement.")
    assert found[-1] == ("requires improvement", "maternity unit at the trust's second site, St Aldhelm's Hospital")


def test_the_occasion_of_a_judgement_is_no_part_of_the_body(nlp):
    assert subject(nlp, "Inspectors rated the school at its last inspection in June good.") == "school"
    # must not: a body's own place stays ("nursery in Pellacombe", RA8)
    assert subject(nlp, "Ofsted rated the nursery in Pellacombe good.") == "nursery in Pellacombe"


def test_a_subject_hung_on_remains(nlp):
    # "X remains rated ...": the parse hangs the subject on "remains", the auxiliary of "rated"
    found = subjects(nlp, "Maternity services at Kestrelford General Hospital have been rated inadequate.\n\n"
                          "Overall, Kestrelford and Wendle Hospitals NHS Foundation Trust remains rated requires "
                          "improvement, the same rating it was given in 2022.")
    assert found[-1] == ("requires improvement", "Kestrelford and Wendle Hospitals NHS Foundation Trust"), found


def test_a_purpose_clause_does_not_make_its_noun_the_body(nlp):
    # "the changes needed to get out of inadequate": the changes are no rated body; the trust of the
    # sentence is (subject:sentence)
    found = subjects(nlp, "Ashbourne's children's services were rated inadequate.\n\nThe trust will be given the "
                          "freedom to make the changes needed to get out of inadequate.")
    assert found[-1] == ("inadequate", "trust"), found
    # must not: a rating noun reached the same way still names its owner
    found = subjects(nlp, "Kestering and District Hospitals NHS Foundation Trust's overall rating has dropped from "
                          "good to requires improvement following an unannounced inspection by the CQC.")
    assert found[-1] == ("requires improvement", "Kestering and District Hospitals NHS Foundation Trust"), found


# -- Ofsted's and the CQC's named services and judgement areas ---------------------------------------

def test_a_named_kind_of_care_at_a_body_is_a_service(nlp):
    # RS2's generic "care at X" rates X; "urgent and emergency care at X" is a service, kept whole
    assert subjects(nlp, "Urgent and emergency care at Fernleigh Royal Infirmary improved from inadequate to requires "
                         "improvement, which the report put down to a new system.")[-1] \
        == ("requires improvement", "Urgent and emergency care at Fernleigh Royal Infirmary")
    # must not: plain "care at X" still rates X
    assert subject(nlp, "Care at Thorn House was found to be good.") == "Thorn House"


def test_a_judgement_area_of_the_people_served_takes_the_service_rated_before(nlp):
    found = subjects(nlp, "Penhallow Borough Council's children's services have been judged good by Ofsted.\n\n"
                          "The help and protection of children was judged to require improvement, with inspectors "
                          "asking for quicker responses.")
    assert found[-1] == ("require improvement", "Penhallow Borough Council's children's services"), found
    # must not: coordinated areas are areas too, never the subject
    found = subjects(nlp, "Penhallow Borough Council's children's services have been judged good by Ofsted.\n\n"
                          "Leadership and governance arrangements were judged inadequate.")
    assert found[-1][1] == "Penhallow Borough Council's children's services", found


def test_a_relative_pronoun_is_not_split_from_its_noun(nlp):
    # "which Ofsted inspects": the parse reads "inspects" as a second subject of "rated"
    assert subjects(nlp, "The council's fostering service, which Ofsted inspects separately, was rated good in "
                         "January.")[0] == ("good", "council's fostering service")


def test_a_pronoun_for_the_home_beats_a_carried_service(nlp):
    # "rated the service inadequate ... The home, which ..., has been placed in special measures. It was
    # rated ...": "the home" as written (D19), not the vaguer "service" carried over
    body = ("Inspectors who made an unannounced visit in April rated the service inadequate after finding "
            "residents left in wet beds.\n\nThe home, which is owned by Larchmont Healthcare Ltd, has been placed "
            "in special measures. It was rated inadequate for being safe and well-led.")
    assert subjects(nlp, body)[-1] == ("inadequate", "home")
    # must not: with no kind of body before it, "it" keeps the service carried over
    body = ("Inspectors rated the service inadequate after finding residents left in wet beds.\n\nThe report "
            "was published on Monday. It was rated inadequate for being safe and well-led.")
    assert subjects(nlp, body)[-1] == ("inadequate", "service")


def test_a_headline_rubric_is_no_body(nlp):
    # "Opinion: my agency was rated ...": the rubric before the colon is not rated; "my agency" is (RS1)
    found = subjects(nlp, "Most agencies are short of staff.", title="Opinion: my agency was rated requires "
                          "improvement. Here is why I am not ashamed\n\n")
    assert found[0] == ("requires improvement", "agency"), found
    # the parse makes "Opinion" the subject of "was rated" when the rated noun is no known kind of body
    assert subjects(nlp, "Most salons are short of staff. The council pays too little for training.",
                    title="Opinion: my salon was rated requires improvement. Here is why I am not ashamed\n\n") \
        == [("requires improvement", None)]
    # must not: a list line's name before its colon is the body (list_entry_name)
    assert subjects(nlp, LIST)[0] == ("three stars", "Ashwent")


def test_coordinated_areas_and_an_owners_area_take_the_body(nlp):
    # areas joined by "and", one of them an area whose name holds "and" ("behaviour and attitudes")
    found = subjects(nlp, "Hollins Brook Primary School was rated requires improvement by Ofsted.\n\nThey judged "
                          "behaviour and attitudes and personal development to be good.")
    assert found[-1] == ("good", "Hollins Brook Primary School"), found
    # RC6: the owner of a possessive area ("the force's response to emergency calls") is the subject
    found = subjects(nlp, "HMICFRS inspected Marlow Police in March.\n\nThe force's response to emergency calls "
                          "was judged adequate.")
    assert found[-1] == ("adequate", "force"), found
    # must not: coordinated bodies stay the subject
    assert subject(nlp, "The school and its nursery were both rated good.") == "school and its nursery"


# -- star grades before a noun, and the speaker's own body --------------------------------------------

def test_a_star_grade_before_a_body_is_a_rating_of_what_the_copula_describes(nlp):
    # RC1: "a three-star trust" is a grade; after "was" it is the subject's
    found = subjects(nlp, "Marlpit Primary Care Trust, which was a three-star trust last year, fell to zero stars.")
    assert found[0] == ("three-star", "Marlpit Primary Care Trust"), found
    # must not: a star word before a noun that names no body stays no rating
    assert [r for r in subjects(nlp, "The Brook Street chippy sold a five-star burger to the mayor on Friday.")
            if r[0] == "five-star"] == []


def test_a_first_person_quote_rates_the_body_its_speakers_title_names(nlp):
    # RC3: "Kingsmere's chief executive ... said: 'we were a zero-star trust'": the trust, in full
    body = ("Kingsmere Hospitals NHS Trust has been awarded three stars by the Healthcare Commission.\n\n"
            "Elsewhere, Ravensholt Mental Health NHS Trust retained its two stars.\n\n"
            "Kingsmere's chief executive, Dr Lorna Petrie, said: \"Two years ago we were a zero-star trust and "
            "people told us we would never climb off the bottom.\"")
    assert subjects(nlp, body)[-1] == ("zero-star", "Kingsmere Hospitals NHS Trust")


def test_a_list_line_name_that_names_no_body(nlp):
    # "Overall rating: good", "Verdict: good": the value is a rating, the words before the colon no body
    found = subjects(nlp, "Marsh Vale NHS Trust was inspected in May.\n\nOverall rating: good\nVerdict: good\n\n"
                          "The trust will be inspected again next year, the regulator said in its report on Monday.")
    assert [f for f in found if f[1] in ("Overall rating", "Verdict")] == [], found
    # a judgement area's line is the aspect of the body rated before (RS2)
    safe = [r for r in ratings(nlp, "Marsh Vale NHS Trust was rated good by the CQC in May.\n\nSafe: requires "
                                    "improvement\n\nThe trust will be inspected again next year, the regulator "
                                    "said in its report on Monday.") if r["rating_text"] == "requires improvement"]
    assert safe and safe[0]["aspect"] == "Safe" and safe[0]["subject"] == "Marsh Vale NHS Trust", safe


def test_a_list_line_may_end_with_a_full_stop(nlp):
    found = subjects(nlp, LIST.replace("Ashwent: three stars (two stars)", "Ashwent: three stars (two stars)."))
    assert found[:2] == [("three stars", "Ashwent"), ("two stars", "Ashwent")], found


def test_a_service_of_the_speakers_own_is_the_service(nlp):
    # "our maternity services are still rated inadequate": a service, without the possessive (RS1)
    found = subjects(nlp, "Fernleigh Hospitals NHS Trust has been rated requires improvement.\n\nChief executive "
                          "Dr Amrit Sandhu said: \"We are disappointed that our maternity services are still rated "
                          "inadequate.\"")
    assert found[-1] == ("inadequate", "maternity services"), found


def test_an_adjective_before_care_leaves_it_generic(nlp):
    # RS2: "overall care at X" rates X; only a compound names a service ("maternity care at X")
    assert subject(nlp, "Overall care at Thorn House was found to be good.") == "Thorn House"


def test_a_star_grade_after_which_was(nlp):
    # RC1 through a relative pronoun: "X, which was a three-star trust": X, from the parse (no headline help)
    first = ratings(nlp, "Inspectors published the figures on Monday.\n\nMarlpit Primary Care Trust, which was a "
                         "three-star trust last year, fell to zero stars.")[0]
    assert (first["rating_text"], first["subject"]) == ("three-star", "Marlpit Primary Care Trust"), first
    assert "subject:parse" in first["rule"], first["rule"]  # not rescued by the headline rule


def test_a_judged_noun_with_a_name_in_apposition_is_the_name(nlp):
    # "its adoption agency, Penhallow Adopt, remains outstanding": the body's name, as for a kind of body
    found = subjects(nlp, "The council's fostering service was rated good in January.\n\nIts adoption agency, "
                          "Penhallow Adopt, remains outstanding, inspectors said.")
    assert found[-1] == ("outstanding", "Penhallow Adopt"), found
    # must not: a person in apposition is never the rated body
    assert subject(nlp, "Her predecessor, Kevin Rowley, retired after the council was rated inadequate.") == "council"
