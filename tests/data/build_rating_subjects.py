"""Build tests/data/rating_subjects.jsonl from the passages below.

A blind challenge set for rating subjects (see README-rating_subjects.md). Each passage is written
with its rating spans marked ⟦like this⟧; the marks are removed and the offsets computed here, so
they are never typed by hand. The annotations follow docs/annotation.md (RATING, D17-D22) and the
decisions listed in the README (cited in notes as "RS1", "RS2", ...).

Run:  python tests/data/build_rating_subjects.py && python tests/data/check_rating_subjects.py
"""
from __future__ import annotations

import json
from pathlib import Path

OPEN, CLOSE = "\u27e6", "\u27e7"
#: marks a deliberate look-alike that is NOT a rating (listed in the passage's `not_ratings`)
TRAP_OPEN, TRAP_CLOSE = "\u27ea", "\u27eb"
OUT = Path(__file__).with_name("rating_subjects.jsonl")


def R(value, subject, rated_by, form, *, neg=False, hyp=False, aspect=None, alt=None,
      parts=None, note=None):
    return {"value": value, "negated": neg, "hypothetical": hyp, "subject": subject,
            "rated_by": rated_by, "aspect": aspect, "subject_alt": alt, "subject_parts": parts,
            "form": form, "note": note}


def P(kind, marked, ratings, note=None):
    return {"kind": kind, "marked": marked, "ratings": ratings, "note": note}


PASSAGES = [
    # 1
    P("school",
      "Brackenfold Primary School has been rated ⟦good⟧ by Ofsted for the second time in a row, "
      "following a two-day inspection in March.",
      [R("good", "Brackenfold Primary School", "Ofsted", "grammatical subject; passive with agent")]),
    # 2
    P("council children's services",
      "Ofsted has rated Calverhurst Borough Council's children's services ⟦inadequate⟧ after "
      "inspectors found that vulnerable children were left in unsafe situations for weeks.",
      [R("inadequate", "Calverhurst Borough Council's children's services", "Ofsted",
         "object of rating verb; inspectorate as verb subject",
         note="RS3: a possessive naming the council stays in the subject phrase")]),
    # 3
    P("nursery",
      "Tumblewick Nursery celebrates ⟦outstanding⟧ verdict\n\n"
      "Staff and parents at a Penmarrow nursery are celebrating after Ofsted inspectors judged it "
      "⟦outstanding⟧ in every area. Manager Kelly Trask said the team had worked \"incredibly hard\" "
      "for the result.",
      [R("outstanding", "Tumblewick Nursery", "Ofsted", "headline; rating as noun modifier"),
       R("outstanding", "Penmarrow nursery", "Ofsted", "pronoun object, antecedent in same sentence; person nearby",
         alt="Tumblewick Nursery",
         note="RS5: the same sentence names it ('a Penmarrow nursery'), so that phrase wins over the "
              "headline (D18); 'every area' names no area, aspect null. Kelly Trask is not the subject.")]),
    # 4
    P("care home",
      "Hollowmere Lodge care home in Wraybridge has been rated ⟦inadequate⟧ for safety by the Care "
      "Quality Commission, which found medicines were not stored securely. The home was rated "
      "⟦requires improvement⟧ overall.",
      [R("inadequate", "Hollowmere Lodge care home", "Care Quality Commission",
         "grammatical subject; aspect-specific; passive with agent", aspect="safety",
         note="RS4: a place phrase after the name ('in Wraybridge') is outside the subject"),
       R("requires improvement", "home", "Care Quality Commission", "grammatical subject (generic NP)",
         alt="Hollowmere Lodge care home",
         note="RS5: 'The home' names it in the same sentence -> 'home' (D19 'the department' -> "
              "'department'); RS8: 'overall' is not an aspect")]),
    # 5
    P("GP surgery",
      "Patients at Elmscar Road Surgery, which was rated ⟦inadequate⟧ by the CQC last autumn, say "
      "they still wait up to three weeks for an appointment.",
      [R("inadequate", "Elmscar Road Surgery", "CQC", "relative clause; passive with agent")]),
    # 6
    P("NHS trust",
      "Kestering and District Hospitals NHS Foundation Trust's overall rating has dropped from "
      "⟦good⟧ to ⟦requires improvement⟧ following an unannounced inspection by the CQC.",
      [R("good", "Kestering and District Hospitals NHS Foundation Trust", "CQC",
         "possessive; change from-to (old rating)",
         note="RS9: the rating it had before is a past rating reported as fact: not negated"),
       R("requires improvement", "Kestering and District Hospitals NHS Foundation Trust", "CQC",
         "possessive; change from-to (new rating)")]),
    # 7
    P("maternity unit",
      "Maternity services at Saltmarch General Hospital have been rated ⟦inadequate⟧ by the Care "
      "Quality Commission, which said women were not always listened to when they raised concerns.",
      [R("inadequate", "Maternity services at Saltmarch General Hospital", "Care Quality Commission",
         "'at' phrase (named service at a body)", alt="Saltmarch General Hospital",
         note="RS2: a named service ('maternity services') at a body keeps the whole phrase")]),
    # 8
    P("care home",
      "Care at Thistlecombe House, a 40-bed home for older people in Larkhaven, was found to be "
      "⟦good⟧ when inspectors visited in January, according to a report published this week.",
      [R("good", "Thistlecombe House", None, "'at' phrase (generic head 'care')",
         alt="Care at Thistlecombe House",
         note="RS2: a generic head (care, standards, provision) is not the service: the subject is the "
              "body after 'at'. RS10: 'inspectors' names no inspectorate: rated_by null")]),
    # 9
    P("police force",
      "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) graded "
      "Ravensholt Police ⟦adequate⟧ at investigating crime but ⟦inadequate⟧ at responding to the "
      "public, in its latest PEEL report.",
      [R("adequate", "Ravensholt Police", "HMICFRS", "object of rating verb; aspect-specific",
         aspect="investigating crime",
         note="PEEL grading since 2021 includes 'adequate'. RS11: rated_by is the acronym the text "
              "introduces in brackets"),
       R("inadequate", "Ravensholt Police", "HMICFRS", "object of rating verb; aspect-specific",
         aspect="responding to the public")]),
    # 10
    P("police force",
      "Inspectors have praised Dunmerrow Constabulary's work with victims of domestic abuse. But the "
      "force was told it ⟦requires improvement⟧ in four of the nine areas inspected, including "
      "protecting vulnerable people.",
      [R("requires improvement", "force", None, "grammatical subject (generic NP); verb form 'requires improvement'",
         aspect="protecting vulnerable people", alt="Dunmerrow Constabulary",
         note="RS5: 'the force' in the same sentence; RS12: of the four areas only one is named, "
              "aspect holds the named one; RS10: no inspectorate named")]),
    # 11
    P("prison",
      "Ofsted inspectors who visited HMP Ashcrane Moor found the quality of education for prisoners "
      "⟦inadequate⟧, with fewer than half of the men attending classes regularly.",
      [R("inadequate", "HMP Ashcrane Moor", "Ofsted", "aspect-specific; object of 'found'",
         aspect="quality of education", alt="quality of education for prisoners",
         note="RS2: 'quality of education' is the judgement area (aspect), the body is the prison")]),
    # 12
    P("college",
      "Wraybridge College keeps top rating\n\n"
      "Wraybridge College has retained its ⟦outstanding⟧ rating, making it one of only a handful of "
      "further education colleges in the country to hold the top grade.",
      [R("outstanding", "Wraybridge College", None, "retained rating; headline present",
         note="'top rating'/'top grade' carry no rating words and are not RATING spans")]),
    # 13
    P("council children's services",
      "Netherlowe Council has spent £12m on agency social workers this year. The council's "
      "children's services, rated ⟦inadequate⟧ in 2019, are now run by an independent trust.",
      [R("inadequate", "council's children's services", None, "reduced relative ('X, rated ... in 2019,')",
         alt="Netherlowe Council",
         note="RS3/RS5: 'The council's children's services' minus 'The'")]),
    # 14
    P("school",
      "Parents have launched a petition against plans to merge Fallowmere Infants, an "
      "⟦outstanding⟧-rated school, with a neighbouring junior school that has struggled to recruit "
      "teachers.",
      [R("outstanding", "Fallowmere Infants", None, "'outstanding-rated' compound in apposition",
         alt="school",
         note="RS6: span without '-rated'; the compound's NP is in apposition to a name, so the "
              "name is the subject")]),
    # 15
    P("NHS trust",
      "Carrowby Hospitals NHS Trust faces a £30m deficit this year. The ⟦inadequate⟧-rated trust "
      "has also been told by regulators to make immediate improvements to its A&E department.",
      [R("inadequate", "trust", None, "'inadequate-rated' compound; name in preceding sentence",
         alt="Carrowby Hospitals NHS Trust",
         note="RS6: the compound's own NP ('The inadequate-rated trust') -> 'trust'; RS10: "
              "'regulators' names no one")]),
    # 16
    P("school",
      "Headteacher Marcus Alderley said he was \"delighted\" that Westerfold Academy had been rated "
      "⟦good⟧ in all areas, just two years after it was placed in ⟪special measures⟫.",
      [R("good", "Westerfold Academy", None, "person near the rating (not the subject)",
         note="'special measures' is not a rating value; 'all areas' names no area")]),
    # 17
    P("hospital",
      "Oxenby Fen Community Hospital avoided an ⟦inadequate⟧ rating but was told by the CQC that it "
      "⟦requires improvement⟧ across three of five key questions.",
      [R("inadequate", "Oxenby Fen Community Hospital", "CQC", "negated ('avoided')", neg=True),
       R("requires improvement", "Oxenby Fen Community Hospital", "CQC",
         "pronoun 'it' with antecedent in same sentence; verb form 'requires improvement'")]),
    # 18
    P("council adult social care",
      "Councillors were warned that Quarlow Down Council's adult social care service could be rated "
      "⟦inadequate⟧ when the CQC carries out its first assessment of the council next spring.",
      [R("inadequate", "Quarlow Down Council's adult social care service", "CQC",
         "hypothetical ('could be rated')", hyp=True)]),
    # 19
    P("takeaway (food hygiene)",
      "Tarnside takeaway handed ⟦zero-star⟧ hygiene rating\n\n"
      "Inspectors found mouse droppings and out-of-date chicken in the kitchen of Jade Orchid Express "
      "on Mill Street. It is the second time in three years the business has been rated ⟦zero⟧.",
      [R("zero stars", "Tarnside takeaway", None, "headline; star rating"),
       R("zero stars", "business", None, "grammatical subject (generic NP); bare number",
         alt="Jade Orchid Express",
         note="RS7: a bare score ('rated zero') is a star rating; span is the number")]),
    # 20
    P("restaurant (food hygiene)",
      "Tarnside District Council awarded a ⟦five-star⟧ food hygiene rating to the Briny Haddock fish "
      "bar on Quay Road after its latest visit.",
      [R("five stars", "Briny Haddock fish bar", "Tarnside District Council",
         "prepositional ('rating to X'); star rating",
         note="D19, RS16: the body making the judgement (the council's food safety team) is rated_by")]),
    # 21
    P("school",
      "Two primary schools in Larkhaven, St Wilfrith's CE Primary and Moorcrake Juniors, have both "
      "been rated ⟦good⟧ by Ofsted after inspections in the same week.",
      [R("good", "St Wilfrith's CE Primary and Moorcrake Juniors", "Ofsted", "coordinated subjects",
         alt="primary schools", parts=["St Wilfrith's CE Primary", "Moorcrake Juniors"],
         note="RS13: one span, one subject: the coordinated names as written; subject_parts "
              "lists each body")]),
    # 22
    P("youth offending service",
      "Brindlemoor's youth offending service has been rated \"⟦inadequate⟧\" by HM Inspectorate of "
      "Probation, the first time a service in the region has received the lowest grade.",
      [R("inadequate", "Brindlemoor's youth offending service", "HM Inspectorate of Probation",
         "quoted rating; passive with agent", note="D17: span without the quote marks")]),
    # 23
    P("hospice",
      "Penmarrow Hospice was judged ⟦outstanding⟧ by inspectors from the Care Quality Commission, "
      "who described its end-of-life care as \"exceptional\".",
      [R("outstanding", "Penmarrow Hospice", "Care Quality Commission", "passive with agent ('judged ... by inspectors from')")]),
    # 24
    P("school",
      "Ofsted has downgraded Calverhurst Grammar School from ⟦outstanding⟧ to ⟦requires improvement⟧ "
      "in its first inspection for 14 years, after the exemption for top-rated schools was lifted.",
      [R("outstanding", "Calverhurst Grammar School", "Ofsted", "downgraded from-to (old rating)",
         note="RS9"),
       R("requires improvement", "Calverhurst Grammar School", "Ofsted", "downgraded from-to (new rating)",
         note="'top-rated' has no rating word: not a span")]),
    # 25
    P("care home",
      "Quillford House care home told it must improve\n\n"
      "Inspectors from the CQC found staff shortages on several shifts at the 32-bed home. It has "
      "been rated ⟦requires improvement⟧ overall and ⟦inadequate⟧ for being well-led.",
      [R("requires improvement", "Quillford House care home", "CQC",
         "subject only in headline (pronoun in body)",
         note="D18: the sentence names it only by 'It'; the headline names it. RS8: 'overall' is no aspect"),
       R("inadequate", "Quillford House care home", "CQC", "subject only in headline; aspect-specific",
         aspect="well-led")],
      note="Headline 'told it must improve' is not a rating (no rating words)."),
    # 26
    P("GP surgery",
      "Holm Lane Surgery rated ⟦outstanding⟧ by CQC\n\n"
      "A Kestering GP practice has been praised for its work with homeless patients. It is the only "
      "practice in the county to be rated ⟦outstanding⟧ for being responsive.",
      [R("outstanding", "Holm Lane Surgery", "CQC", "headline; passive with agent"),
       R("outstanding", "Holm Lane Surgery", "CQC", "subject in headline (pronoun in body); aspect-specific",
         aspect="responsive",
         note="D18: 'It' is the only mention in the sentence ('the only practice' is predicative); "
              "the headline names it")]),
    # 27
    P("ambulance service",
      "Westerfold Ambulance Service NHS Trust, which covers a population of 4.2 million people, has "
      "been moved up from ⟦requires improvement⟧ to ⟦good⟧ by the CQC.",
      [R("requires improvement", "Westerfold Ambulance Service NHS Trust", "CQC",
         "upgraded from-to (old rating); relative clause not about the rating", note="RS9"),
       R("good", "Westerfold Ambulance Service NHS Trust", "CQC", "upgraded from-to (new rating)")]),
    # 28
    P("mental health service",
      "Acute wards at the Fallowmere Centre, run by Hollowmere Partnership NHS Foundation Trust, "
      "were found to be ⟦requiring improvement⟧, the CQC said, while the centre's psychiatric "
      "intensive care unit was rated ⟦good⟧.",
      [R("requires improvement", "Acute wards at the Fallowmere Centre", "CQC",
         "'requiring improvement'; 'at' phrase (named service at a body)", alt="Fallowmere Centre",
         note="RS2: named service at a body keeps the whole phrase (the inner 'the' is kept: it is "
              "not a leading determiner); the operating trust is not the subject"),
       R("good", "centre's psychiatric intensive care unit", "CQC", "possessive grammatical subject",
         alt="Fallowmere Centre")]),
    # 29
    P("children's home",
      "A children's home run by Brindlemoor Council has been judged ⟦inadequate⟧ by Ofsted for the "
      "second time in a year, with inspectors finding that children regularly went missing overnight.",
      [R("inadequate", "children's home", "Ofsted", "grammatical subject with post-modifier ('run by')",
         alt="children's home run by Brindlemoor Council",
         note="RS4: post-modifying phrases are outside the subject; the operating council is not the subject")]),
    # 30
    P("nursery",
      "Ofsted has given Honeybee Meadow Day Nursery in Oxenby Fen a ⟦good⟧ rating, with inspectors "
      "noting that children \"make ⟪good⟫ progress\" in their communication.",
      [R("good", "Honeybee Meadow Day Nursery", "Ofsted", "indirect object ('given X a good rating')",
         note="'make good progress' is not a rating (D20)")]),
    # 31
    P("home-care agency",
      "Comfortwell Homecare, which provides care to around 120 people in their own homes across "
      "Saltmarch, said it was disappointed not to be rated ⟦good⟧ after the CQC found improvements in "
      "record-keeping.",
      [R("good", "Comfortwell Homecare", "CQC", "negated ('not to be rated')", neg=True)]),
    # 32
    P("academy trust",
      "The Kestrelmoor Learning Trust, which runs nine academies in the north of the county, said seven "
      "of them are now rated ⟦good⟧ or ⟦outstanding⟧.",
      [R("good", "academies", None, "partitive pronoun ('seven of them'); disjunction",
         alt="Kestrelmoor Learning Trust",
         note="RS14: 'seven of them' -> the NP it counts ('nine academies', numeral dropped); the "
              "trust is not rated. RS15: 'good or outstanding' is two spans, neither hypothetical"),
       R("outstanding", "academies", None, "partitive pronoun; disjunction", alt="Kestrelmoor Learning Trust")]),
    # 33
    P("council children's services",
      "In its self-assessment, Thistlecombe County Council said it judged its services for children "
      "in care to be ⟦good⟧, although Ofsted has yet to inspect them under the new framework.",
      [R("good", "services for children in care", "Thistlecombe County Council",
         "council's own judgement (D20)", alt="Thistlecombe County Council",
         note="D20: rated_by the council; 'its' dropped as a determiner; Ofsted is not the rater here")]),
    # 34
    P("pupil referral unit",
      "Ofsted gave the Bridgewold Pupil Referral Unit its lowest possible grade, ⟦inadequate⟧, saying "
      "pupils were \"not safe\".",
      [R("inadequate", "Bridgewold Pupil Referral Unit", "Ofsted",
         "indirect object; rating in apposition to 'grade'")]),
    # 35
    P("school",
      "Governors at Aldermoss High School hope the academy will be rated ⟦good⟧ when inspectors "
      "return, after results improved for the third year running.",
      [R("good", "Aldermoss High School", None, "hypothetical ('hope ... will be rated'); generic NP referring to a name in the same sentence",
         hyp=True, alt="academy", note="RS5: 'the academy' is the school named in the same sentence")]),
    # 36
    P("care home",
      "In 2008 the Commission for Social Care Inspection gave Rookwenn Grange a ⟦one-star⟧ "
      "\"⟦adequate⟧\" rating, and the home has since changed hands twice.",
      [R("one star", "Rookwenn Grange", "Commission for Social Care Inspection",
         "indirect object; old star rating",
         note="RS19: the old CSCI scale paired a star count with a word: two spans, one subject"),
       R("adequate", "Rookwenn Grange", "Commission for Social Care Inspection",
         "indirect object; quoted old rating word")]),
    # 37
    P("GP surgery",
      "Dunmerrow Medical Practice keeps '⟦Good⟧' rating\n\n"
      "The Care Quality Commission has confirmed that the practice will keep its ⟦good⟧ rating "
      "following a review of its data, meaning no inspection is needed this year.",
      [R("good", "Dunmerrow Medical Practice", "Care Quality Commission", "headline; quoted; retained",
         note="RS10: the body names the CQC; capitalised 'Good' is the same value"),
       R("good", "practice", "Care Quality Commission", "retained rating; generic NP in sentence",
         alt="Dunmerrow Medical Practice", note="RS5")]),
    # 38
    P("hospital",
      "Despite an ⟦outstanding⟧ rating for being caring, Ravensholt Royal Infirmary was rated "
      "⟦inadequate⟧ overall after inspectors found patients waiting more than 12 hours on trolleys.",
      [R("outstanding", "Ravensholt Royal Infirmary", None,
         "aspect-specific; rating before its subject ('Despite an X rating for being caring, S ...')",
         aspect="caring"),
       R("inadequate", "Ravensholt Royal Infirmary", None, "grammatical subject", note="RS8")]),
    # 39
    P("nursery",
      "Inspectors visited Puddlecombe Pre-School in Carrowby in June. They rated it "
      "⟦requires improvement⟧, saying staff did not always check children's understanding.",
      [R("requires improvement", "Puddlecombe Pre-School", None, "subject in preceding sentence (pronoun)",
         note="D18: head null; the subject attribute is the preceding sentence's phrase (RS5). RS10")]),
    # 40
    P("care home",
      "The CQC carried out an unannounced inspection at Larchwick Manor nursing home in Hollowmere "
      "after a whistleblower raised concerns. The watchdog has now rated the home ⟦inadequate⟧ and "
      "placed it in ⟪special measures⟫.",
      [R("inadequate", "home", "CQC", "object of rating verb; inspectorate ('the watchdog') as verb subject",
         alt="Larchwick Manor nursing home",
         note="RS5; RS10: 'the watchdog' is the CQC named before; 'special measures' is no rating")]),
    # 41
    P("council children's services",
      "Fallowmere children's services still ⟦inadequate⟧, Ofsted finds\n\n"
      "Fallowmere's children's services remain ⟦inadequate⟧ three years after a damning inspection, "
      "according to an Ofsted monitoring report published on Thursday.",
      [R("inadequate", "Fallowmere children's services", "Ofsted", "headline; rating continues"),
       R("inadequate", "Fallowmere's children's services", "Ofsted", "copula 'remain'; rating continues",
         note="the monitoring report does not regrade: the rating is the standing one, reported as fact")]),
    # 42
    P("school",
      "When Ofsted last visited in 2021, Stanwyke Cross Academy ⟦required improvement⟧ in three areas, "
      "including behaviour and attitudes.",
      [R("requires improvement", "Stanwyke Cross Academy", "Ofsted",
         "'required improvement' (past tense verb); aspect-specific", aspect="behaviour and attitudes",
         note="RS12")]),
    # 43
    P("school",
      "More than a third of secondary schools in Netherlowe are rated ⟦RI⟧ or worse, according to a "
      "council report seen by this paper.",
      [R("requires improvement", "secondary schools", None, "abbreviation 'RI'; partitive",
         alt="secondary schools in Netherlowe",
         note="RS20: 'RI' is the sector's abbreviation for requires improvement; RS14; RS4 "
              "(place phrase outside). 'or worse' names no rating")]),
    # 44
    P("school",
      "Hazelcombe School was one of 14 ⟦requires improvement⟧ schools in the county to be offered "
      "extra funding through the government's new support programme.",
      [R("requires improvement", "Hazelcombe School", None,
         "rating as pre-modifier ('requires improvement schools'); copula",
         alt="schools", note="RS6 by analogy: the name the phrase is predicated of")]),
    # 45
    P("restaurant (food hygiene)",
      "Anatolia Ember Grill on Station Road in Elmscar was given a food hygiene rating of ⟦0⟧ – "
      "meaning urgent improvement is necessary – after an inspection by Elmscar Borough Council in "
      "April.",
      [R("zero stars", "Anatolia Ember Grill", "Elmscar Borough Council", "numeric score; passive",
         note="RS7: the span is the digit. 'urgent improvement is necessary' is the scale's "
              "description, not a rating")]),
    # 46
    P("restaurant (food hygiene)",
      "Bellavetra Pizzeria's ⟦three-star⟧ hygiene rating, awarded in March, is displayed in the "
      "window, but owner Tony Ferrante says he is aiming for ⟦five stars⟧ next time.",
      [R("three stars", "Bellavetra Pizzeria", None, "possessive; star rating"),
       R("five stars", "Bellavetra Pizzeria", None, "hypothetical ('aiming for'); person near",
         hyp=True, note="RS23: aimed-for rating is hypothetical; the owner is not the subject")]),
    # 47
    P("school",
      "Ousebank Academy is at risk of being rated ⟦inadequate⟧ if results do not improve, the "
      "trust's chief executive warned parents in a letter.",
      [R("inadequate", "Ousebank Academy", None, "hypothetical ('at risk of being rated')", hyp=True)]),
    # 48
    P("school",
      "Despite a new headteacher and a £2m refurbishment, Corbeck Park School failed to achieve the "
      "⟦good⟧ rating it had hoped for, remaining at ⟦requires improvement⟧.",
      [R("good", "Corbeck Park School", None, "negated ('failed to achieve')", neg=True,
         note="RS22: not given, so negated (not hypothetical)"),
       R("requires improvement", "Corbeck Park School", None, "participle 'remaining at'")]),
    # 49
    P("NHS trust",
      "In 2004 Penmarrow Healthcare NHS Trust was one of only three trusts in the region to be "
      "awarded ⟦three stars⟧ under the old performance ratings.",
      [R("three stars", "Penmarrow Healthcare NHS Trust", None, "old NHS star rating; copula + infinitive",
         note="'three trusts' is a count, not a rating")]),
    # 50
    P("police force",
      "Police force praised for '⟪outstanding⟫' work on preventing crime\n\n"
      "Saltmarch Police has been graded ⟦outstanding⟧ for preventing crime and ⟦good⟧ in five other "
      "areas by His Majesty's Inspectorate of Constabulary and Fire & Rescue Services.",
      [R("outstanding", "Saltmarch Police", "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
         "passive with agent; aspect-specific", aspect="preventing crime"),
       R("good", "Saltmarch Police", "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
         "passive with agent; unnamed areas", note="RS12: 'five other areas' names none: aspect null")],
      note="RS21: the headline's quoted 'outstanding' describes work (D20), so it is not a RATING span."),
    # 51
    P("college",
      "Inspectors have branded Kestering College of Further Education ⟦inadequate⟧ – the lowest of "
      "Ofsted's four grades – after finding apprentices were not getting the off-the-job training "
      "they were entitled to.",
      [R("inadequate", "Kestering College of Further Education", "Ofsted",
         "object of 'branded'", note="'of Further Education' is part of the name; RS10: Ofsted named in the same sentence")]),
    # 52
    P("training provider",
      "Ofsted judged apprenticeships at Brightlowe Training Ltd to be ⟦good⟧, but said its adult "
      "learning programmes ⟦require improvement⟧.",
      [R("good", "apprenticeships at Brightlowe Training Ltd", "Ofsted",
         "object of 'judged ... to be'; 'at' phrase (named provision at a body)",
         alt="Brightlowe Training Ltd", note="RS2"),
       R("requires improvement", "adult learning programmes", "Ofsted", "'require improvement' (plural verb)",
         alt="Brightlowe Training Ltd", note="RS1: 'its' dropped")]),
    # 53
    P("mental health service",
      "Oxenby Fen and Tarnside Mental Health NHS Trust's rating of ⟦requires improvement⟧ was confirmed "
      "in a report published on Wednesday, with its crisis services singled out for criticism.",
      [R("requires improvement", "Oxenby Fen and Tarnside Mental Health NHS Trust", None,
         "possessive ('X's rating of ...')",
         note="RS3; 'Oxenby Fen and Tarnside' is one name, not a coordination")]),
    # 54
    P("children's home",
      "Wispfield, a four-bed children's home in Netherlowe, opened in 2022. It was rated ⟦good⟧ at its "
      "first full inspection, with Ofsted praising the \"warm and nurturing\" relationships between "
      "staff and young people.",
      [R("good", "Wispfield", "Ofsted", "subject in preceding sentence (pronoun)", note="RS5")]),
    # 55
    P("adoption agency",
      "The ⟦inadequate⟧ rating given to Tarnside Adoption Service in 2020 has been lifted after a new "
      "inspection found it to be ⟦good⟧.",
      [R("inadequate", "Tarnside Adoption Service", None, "prepositional ('rating given to X')",
         note="RS9: the lifted rating is a past rating: not negated"),
       R("good", "Tarnside Adoption Service", None, "pronoun 'it', antecedent in same sentence")]),
    # 56
    P("café (food hygiene)",
      "Hygiene rating for Elmscar café cut to ⟦one star⟧\n\n"
      "Until last month the Copperwick café on Abbey Street held a ⟦four-star⟧ rating, but "
      "inspectors from Elmscar Borough Council found out-of-date food in its fridges.",
      [R("one star", "Elmscar café", "Elmscar Borough Council", "headline; prepositional ('rating for X')",
         note="RS10: the body names the council's inspectors"),
       R("four stars", "Copperwick café", "Elmscar Borough Council", "past rating; grammatical subject",
         note="RS9")]),
    # 57
    P("council children's services",
      "Brackenfold and Carrowby councils' children's services were both rated ⟦requires improvement⟧ "
      "to be ⟪good⟫ in inspections carried out this spring.",
      [R("requires improvement", "Brackenfold and Carrowby councils' children's services", None,
         "coordinated possessor; full grade name 'requires improvement to be good'",
         note="RS17: the span is 'requires improvement'; 'good' in 'to be good' is part of the grade's "
              "name, not a rating. RS13: the coordination sits in the possessor, so the subject is the "
              "whole phrase and subject_parts is null (each council's children's services is rated)")]),
    # 58
    P("GP surgery",
      "GP surgery placed in ⟪special measures⟫\n\n"
      "The CQC has rated Mireholt Health Centre ⟦Inadequate⟧ overall and in the safe, effective and "
      "well-led categories, and placed it in ⟪special measures⟫.",
      [R("inadequate", "Mireholt Health Centre", "CQC", "object of rating verb; several aspects, one span",
         aspect="safe; effective; well-led",
         note="D21: one span for several areas; RS8: 'overall' not listed")],
      note="The headline has no rating ('special measures' is not a value)."),
    # 59
    P("hospital",
      "Chief executive Dr Anita Colbeck said staff at Wraybridge General Hospital were \"thrilled\" "
      "that the hospital had been rated ⟦good⟧ by the Care Quality Commission, up from "
      "⟦requires improvement⟧ in 2022.",
      [R("good", "Wraybridge General Hospital", "Care Quality Commission",
         "person near; generic NP referring to a name in the same sentence; passive with agent",
         alt="hospital", note="RS5: the name the sentence gives wins over 'the hospital'; Anita Colbeck is not the subject"),
       R("requires improvement", "Wraybridge General Hospital", "Care Quality Commission", "'up from' (old rating)",
         alt="hospital", note="RS9")]),
    # 60
    P("NHS trust",
      "Inspectors will return to Calverhurst University Hospitals NHS Trust in the autumn. If the "
      "trust is rated ⟦inadequate⟧ again, the health secretary could order it to be broken up, MPs "
      "were told.",
      [R("inadequate", "trust", None, "hypothetical (conditional 'if'); generic NP",
         hyp=True, alt="Calverhurst University Hospitals NHS Trust", note="RS5; RS23")]),
    # 61
    P("school",
      "Contrary to reports on social media, Brindlemoor Primary was not rated ⟦inadequate⟧; its most "
      "recent inspection, in 2023, found it to be ⟦good⟧.",
      [R("inadequate", "Brindlemoor Primary", None, "negated ('was not rated')", neg=True),
       R("good", "Brindlemoor Primary", None, "pronoun 'it' after a semicolon (same sentence)")]),
    # 62
    P("nursery",
      "Ofsted praises Ravensholt Montessori\n\n"
      "Inspectors said children were \"happy, confident and curious\". They rated it ⟦outstanding⟧ "
      "for the quality of education and for leadership and management.",
      [R("outstanding", "Ravensholt Montessori", "Ofsted", "subject only in headline (pronoun in body); two aspects",
         aspect="quality of education; leadership and management", note="D18, D21; RS10: Ofsted in headline")]),
    # 63
    P("ambulance service",
      "Despite record demand, Tarnside Ambulance Service has held on to its ⟦good⟧ rating, although the "
      "CQC rated it ⟦requires improvement⟧ for being responsive.",
      [R("good", "Tarnside Ambulance Service", "CQC", "retained ('held on to')"),
       R("requires improvement", "Tarnside Ambulance Service", "CQC", "pronoun object; aspect-specific",
         aspect="responsive")]),
    # 64
    P("care home",
      "Care home downgraded after residents left without hot water\n\n"
      "A Hollowmere care home where residents were left without hot water for a week has been "
      "downgraded to ⟦inadequate⟧.",
      [R("inadequate", "Hollowmere care home", None, "downgraded to (one span); relative clause post-modifier",
         note="RS4: the 'where' clause is outside; the place name before the head stays")]),
    # 65
    P("home-care agency",
      "The regulator has handed Kindred Hands Homecare, based in Wraybridge, a ⟦requires improvement⟧ "
      "rating after finding that carers often arrived late or cut visits short.",
      [R("requires improvement", "Kindred Hands Homecare", None, "indirect object ('handed X a rating')",
         note="RS10: 'the regulator' with no body named: rated_by null")]),
    # 66
    P("maternity unit",
      "Orrelby Moor Hospital's maternity unit has been rated as ⟦inadequate⟧ for being safe and "
      "⟦requires improvement⟧ for being well-led.",
      [R("inadequate", "Orrelby Moor Hospital's maternity unit", None, "'rated as'; aspect-specific",
         aspect="safe", note="RS3"),
       R("requires improvement", "Orrelby Moor Hospital's maternity unit", None, "aspect-specific",
         aspect="well-led")]),
    # 67
    P("GP surgery",
      "Nine in ten GP practices in Saltmarch are rated ⟦good⟧ or ⟦outstanding⟧ by the CQC, according "
      "to figures from the local health board.",
      [R("good", "GP practices", "CQC", "count ('nine in ten'); disjunction", alt="GP practices in Saltmarch",
         note="RS14, RS15, RS4"),
       R("outstanding", "GP practices", "CQC", "count; disjunction", alt="GP practices in Saltmarch")]),
    # 68
    P("council children's services",
      "\"Our ambition is for Carrowby's children's services to be judged ⟦outstanding⟧ by 2027,\" said "
      "Councillor Ruth Ellingham, cabinet member for children.",
      [R("outstanding", "Carrowby's children's services", None, "hypothetical (ambition); inside a quote; person near",
         hyp=True, note="RS23; the councillor is not the subject")]),
    # 69
    P("prison",
      "Ofsted, which inspects education in prisons alongside HM Inspectorate of Prisons, rated the "
      "provision at HMP Dunmerrow ⟦requires improvement⟧.",
      [R("requires improvement", "HMP Dunmerrow", "Ofsted", "object of rating verb; generic head 'provision at'",
         alt="provision at HMP Dunmerrow",
         note="RS2; the other inspectorate in the relative clause is not the rater")]),
    # 70
    P("school",
      "Village school earns top Ofsted grade\n\n"
      "St Cedwyn's CE Primary School in Fallowmere has been judged ⟦Outstanding⟧ for the first time "
      "in its 150-year history.",
      [R("outstanding", "St Cedwyn's CE Primary School", "Ofsted", "grammatical subject; capitalised value; headline present",
         note="RS4; RS10: Ofsted named in the headline; 'top Ofsted grade' has no rating word")]),
    # 71
    P("police force",
      "Kestering Police '⟦requires improvement⟧' in how it investigates crime, says watchdog\n\n"
      "The county's police force was also rated ⟦inadequate⟧ at managing offenders by HMICFRS, whose "
      "report was published on Friday.",
      [R("requires improvement", "Kestering Police", "HMICFRS", "headline; quoted; verb form",
         aspect="how it investigates crime", note="RS10: 'watchdog' is HMICFRS named in the body"),
       R("inadequate", "county's police force", "HMICFRS", "passive with agent; aspect-specific; generic NP",
         aspect="managing offenders", alt="Kestering Police", note="RS5")]),
    # 72
    P("nursery",
      "Pennyfold Nursery has lost its ⟦outstanding⟧ rating and is now rated ⟦good⟧ after inspectors "
      "found gaps in staff training records.",
      [R("outstanding", "Pennyfold Nursery", None, "lost rating (past rating)",
         note="RS18: 'lost its outstanding rating' reports a rating held: not negated"),
       R("good", "Pennyfold Nursery", None, "grammatical subject (shared with coordinated verb)")]),
    # 73
    P("academy trust",
      "The Meridian Pathways Academy Trust expects all of its schools to be rated at least ⟦good⟧ "
      "within three years, its chief executive told governors.",
      [R("good", "schools", None, "hypothetical ('expects ... to be rated'); quantifier",
         hyp=True, alt="Meridian Pathways Academy Trust", note="RS14; RS23; the trust itself is not rated")]),
    # 74
    P("council adult social care",
      "Ravensholt City Council has been awarded a ⟦good⟧ rating for its adult social care services by "
      "the Care Quality Commission.",
      [R("good", "adult social care services", "Care Quality Commission",
         "prepositional ('rating for its X'); council as grammatical subject",
         alt="Ravensholt City Council",
         note="the 'for' phrase names the service rated; the council is the alternative reading")]),
    # 75
    P("council children's services",
      "Westerfold children's services rated ⟦good⟧ after decade of failure\n\n"
      "After a decade of '⟦inadequate⟧' ratings, Westerfold's children's services were finally judged "
      "⟦good⟧ last month.",
      [R("good", "Westerfold children's services", None, "headline"),
       R("inadequate", "Westerfold's children's services", None, "plural past ratings (D22); quoted",
         note="D22: not negated, not hypothetical"),
       R("good", "Westerfold's children's services", None, "grammatical subject")]),
    # 76
    P("nursery",
      "Briarwood Hollow Day Nursery moved to a new building in Oxenby Fen last year. Ofsted has now "
      "rated it ⟦good⟧, praising its outdoor learning.",
      [R("good", "Briarwood Hollow Day Nursery", "Ofsted", "subject in preceding sentence (pronoun object)",
         note="RS5")]),
    # 77
    P("restaurant (food hygiene)",
      "The Quinlan Pearl restaurant, which was given a ⟦two-star⟧ rating in January, says it has since "
      "replaced its entire kitchen.",
      [R("two stars", "Quinlan Pearl restaurant", None, "relative clause; star rating")]),
    # 78
    P("care home",
      "Standards of care at Cranmoor Court have fallen to ⟦inadequate⟧, the CQC said, after "
      "inspectors found residents had gone without drinks for hours.",
      [R("inadequate", "Cranmoor Court", "CQC", "generic head 'standards of care at'",
         alt="Standards of care at Cranmoor Court", note="RS2")]),
    # 79
    P("school",
      "Parents are fighting Tarnside Council's plan to close Wrenfield Nursery School, which was "
      "rated ⟦outstanding⟧ in 2022.",
      [R("outstanding", "Wrenfield Nursery School", None, "relative clause; another body (council) nearby",
         note="the council in the possessive is not the subject")]),
    # 80
    P("school",
      "⟪Good⟫ Harbour Primary School has been rated ⟦requires improvement⟧ by Ofsted, which said "
      "⟪outstanding⟫ repairs to the roof had disrupted lessons.",
      [R("requires improvement", "Good Harbour Primary School", "Ofsted", "grammatical subject; rating words in other senses",
         note="'Good' in the name and 'outstanding repairs' are not ratings")]),
    # 81
    P("council children's services",
      "Inspectors found Kestering County Council's children's services to be ⟦adequate⟧ in 2010, two "
      "years before the judgement was scrapped.",
      [R("adequate", "Kestering County Council's children's services", None,
         "older 'adequate'; object of 'found ... to be'", note="RS10; RS3")]),
    # 82
    P("hospital",
      "Staff at Saltmarch General Hospital's emergency department were told the service would have "
      "been rated ⟦good⟧ had it not been for long waits for mental health beds.",
      [R("good", "Saltmarch General Hospital's emergency department", None,
         "counterfactual ('would have been rated ... had it not been')", hyp=True,
         alt="service",
         note="RS24: a counterfactual rating is hypothetical, not negated. RS5: 'the service' refers "
              "to the department named in the same sentence; the name is the subject")]),
    # 83
    P("school",
      "Thornlow Academy, judged ⟦inadequate⟧ in 2022, will join the Fenwold Schools Partnership in "
      "September, the Department for Education confirmed.",
      [R("inadequate", "Thornlow Academy", None, "reduced relative ('X, judged ... in 2022,')",
         note="the DfE confirms the transfer; it is not the rater")]),
    # 84
    P("care home",
      "A spokesman for Brambleholt Court, a residential home in Kestering, said: \"We are proud that the CQC "
      "has once again rated us ⟦good⟧ in every area.\"",
      [R("good", "Brambleholt Court", "CQC", "first-person pronoun object ('rated us') in a quote",
         note="RS25: 'us' is the home the speaker speaks for, named in the same sentence")]),
    # 85
    P("care home",
      "Holmelea Grange and Sandyfold Lodge, both run by Orrinshaw Care Group, were rated ⟦good⟧ and "
      "⟦requires improvement⟧ respectively by the CQC.",
      [R("good", "Holmelea Grange", "CQC", "coordinated subjects with 'respectively'",
         note="RS26: 'respectively' pairs the ratings with the coordinated names in order; the "
              "operator is not the subject"),
       R("requires improvement", "Sandyfold Lodge", "CQC", "coordinated subjects with 'respectively'")]),
    # 86
    P("nursery",
      "Ofsted rated both Ashwelby Nursery and Tillybrook Pre-School ⟦good⟧ after visits on consecutive "
      "days last month.",
      [R("good", "Ashwelby Nursery and Tillybrook Pre-School", "Ofsted",
         "coordinated objects of rating verb", parts=["Ashwelby Nursery", "Tillybrook Pre-School"],
         note="RS13; 'both' dropped (RS1)")]),
    # 87
    P("school",
      "\"When we were rated ⟦inadequate⟧, half the staff left within a year,\" one former teacher told "
      "us. \"Nobody wanted that on their CV.\"",
      [R("inadequate", None, None, "no subject named (first-person 'we', body never named)",
         note="RS27: the body is never named in the passage: subject null")]),
    # 88
    P("care home",
      "The report, published on Tuesday, rated it ⟦requires improvement⟧ in two of the five areas "
      "inspectors look at.",
      [R("requires improvement", None, None, "pronoun with no antecedent in the passage",
         note="RS27: a passage that opens mid-story; nothing names the body. 'two of the five areas' "
              "names none (aspect null)")]),
    # 89
    P("school",
      "Ofsted's verdict of \"⟦good⟧\" for Fernbrake Infant School was welcomed by parents, many of whom "
      "had campaigned against its conversion to an academy.",
      [R("good", "Fernbrake Infant School", "Ofsted",
         "prepositional ('verdict of good for X'); inspectorate as possessive; quoted",
         note="the possessive names the rater, not the subject")]),
    # 90
    P("school",
      "Inspectors rated Carrowby High School ⟦good⟧ overall but said its sixth form "
      "⟦requires improvement⟧.",
      [R("good", "Carrowby High School", None, "object of rating verb", note="RS8, RS10"),
       R("requires improvement", "sixth form", None, "part of a body rated on its own ('its sixth form')",
         alt="Carrowby High School",
         note="the sixth form is graded as provision of its own: it is the subject (RS2, named service)")]),
    # 91
    P("college",
      "Larkhaven Sixth Form College was given a grade 3, or \"⟦requires improvement⟧\", at its last "
      "inspection in 2019.",
      [R("requires improvement", "Larkhaven Sixth Form College", None,
         "grade number glossed by the rating words; quoted",
         note="RS28: 'grade 3' is not itself a span; the rating words are")]),
    # 92
    P("fire and rescue service",
      "Tarnside Fire and Rescue Service has been told by HMICFRS that its culture is ⟦inadequate⟧ and "
      "that it ⟦requires improvement⟧ in how it responds to emergencies.",
      [R("inadequate", "Tarnside Fire and Rescue Service", "HMICFRS",
         "aspect as grammatical subject ('its culture is inadequate')", aspect="culture",
         note="RS2: 'culture' is the judgement area, the service is the subject"),
       R("requires improvement", "Tarnside Fire and Rescue Service", "HMICFRS",
         "pronoun 'it' (same sentence); aspect-specific", aspect="how it responds to emergencies")]),
    # 93
    P("council children's services",
      "Second '⟦inadequate⟧' for Brindlemoor children's services\n\n"
      "Inspectors said progress since 2021 had been \"too slow\" and that leaders did not know enough "
      "about what was happening to children on the front line.",
      [R("inadequate", "Brindlemoor children's services", None,
         "headline only; rating as a noun ('an inadequate for X'); prepositional 'for'",
         note="the body has no rating words; 'too slow' and 'did not know enough' are findings, not ratings")]),
    # 94
    P("school",
      "Pupils at an ⟦outstanding⟧-rated school in Brackenfold have been sent home for the week after "
      "its boiler failed.",
      [R("outstanding", "school", None, "'outstanding-rated' compound, no name",
         alt="school in Brackenfold", note="RS6, RS4")]),
    # 95
    P("school",
      "Priya Halloran has been appointed executive headteacher of the Tarnside Schools Federation. Mrs "
      "Halloran's own school, Ashlowe Primary, was rated ⟦outstanding⟧ in 2021.",
      [R("outstanding", "Ashlowe Primary", None, "person's possessive near the subject (not the subject)",
         alt="Mrs Halloran's own school",
         note="the name in apposition is the subject (RS5); the person and the federation are not")]),
    # 96
    P("hospital",
      "Wraybridge Community Hospital has never been rated ⟦inadequate⟧ in any of its inspections, the "
      "trust's medical director told the committee.",
      [R("inadequate", "Wraybridge Community Hospital", None, "negated ('never been rated')", neg=True)]),
    # 97
    P("care home",
      "None of the care homes in Quarlow Down is rated ⟦outstanding⟧, according to new figures from "
      "the CQC.",
      [R("outstanding", "care homes", "CQC", "negated ('None of ... is rated'); partitive",
         neg=True, alt="care homes in Quarlow Down", note="RS14, RS4, RS22")]),
    # 98
    P("nursery",
      "Thimblewood Nursery narrowly escaped an ⟦inadequate⟧ judgement, inspectors' notes show, and was "
      "instead told it ⟦requires improvement⟧.",
      [R("inadequate", "Thimblewood Nursery", None, "negated ('escaped')", neg=True),
       R("requires improvement", "Thimblewood Nursery", None, "pronoun 'it' (same sentence); verb form")]),
    # 99
    P("maternity unit",
      "Midwives fear the birth centre at Orrelby Moor Hospital will be rated ⟦inadequate⟧ when "
      "inspectors publish their findings next month.",
      [R("inadequate", "birth centre at Orrelby Moor Hospital", None, "hypothetical ('fear ... will be rated')",
         hyp=True, alt="Orrelby Moor Hospital", note="RS2 (named service at a body), RS23")]),
    # 100
    P("school",
      "Inspectors spent two days at Moorcrake Juniors in October. Its new rating, ⟦good⟧, was published "
      "yesterday.",
      [R("good", "Moorcrake Juniors", None, "subject in preceding sentence (possessive pronoun 'Its')",
         note="RS5: only a pronoun in the sentence, no headline: the preceding sentence's name")]),
]


def build(passages=PASSAGES):
    rows = []
    for n, p in enumerate(passages, 1):
        marked, text, marks, traps = p["marked"], [], [], []
        i = 0
        while i < len(marked):
            ch = marked[i]
            if ch == TRAP_OPEN:
                j = marked.index(TRAP_CLOSE, i)
                start = len("".join(text))
                span = marked[i + 1:j]
                text.append(span)
                traps.append({"span": span, "start": start, "end": start + len(span)})
                i = j + 1
            elif ch == OPEN:
                j = marked.index(CLOSE, i)
                start = len("".join(text))
                span = marked[i + 1:j]
                text.append(span)
                marks.append((start, start + len(span), span))
                i = j + 1
            else:
                text.append(ch)
                i += 1
        text = "".join(text)
        if len(marks) != len(p["ratings"]):
            raise SystemExit(f"passage {n}: {len(marks)} marks but {len(p['ratings'])} ratings")
        ratings = []
        for (start, end, span), r in zip(marks, p["ratings"]):
            ratings.append({"span": span, "start": start, "end": end, **r})
        row = {"id": f"rs{n:03d}", "kind": p["kind"], "text": text, "ratings": ratings}
        if traps:
            row["not_ratings"] = traps
        if p["note"]:
            row["note"] = p["note"]
        rows.append(row)
    return rows


if __name__ == "__main__":
    rows = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} passages, {sum(len(r['ratings']) for r in rows)} ratings to {OUT}")
