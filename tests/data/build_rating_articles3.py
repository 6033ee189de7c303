"""Build tests/data/rating_articles3.jsonl from the articles below.

The third blind challenge set for rating spans and subjects (see README-rating_articles3.md): full
news articles (headline line, blank line, body paragraphs), 150-300 words each, written blind from
the guidelines. Same format, same marks, same value vocabulary and the same decisions as the first
two sets (RS1..RS30 in README-rating_subjects.md, RA1.. in README-rating_articles.md) plus new ones
(RC1..) in README-rating_articles3.md. Rating spans are marked ⟦like this⟧ and look-alikes that are
NOT ratings ⟪like this⟫; offsets are computed here.

Run:  python tests/data/build_rating_articles3.py && python tests/data/check_rating_subjects.py tests/data/rating_articles3.jsonl
"""
from __future__ import annotations

import json
from pathlib import Path

from build_rating_subjects import P, R, build

OUT = Path(__file__).with_name("rating_articles3.jsonl")

ARTICLES = [
    # 1
    P("council adult social care",
      "Brackenford keeps its ⟦two stars⟧ for social care\n\n"
      "Brackenford County Council's social services department has retained its ⟦two-star⟧ rating "
      "from the Commission for Social Care Inspection (CSCI), the watchdog announced yesterday.\n\n"
      "The commission judged services for adults to be ⟦adequate⟧ with promising prospects for "
      "improvement, while services for children were judged ⟦good⟧ with uncertain prospects.\n\n"
      "Three councils in the region were awarded ⟦three stars⟧, the top grade. None of the councils "
      "in the region was given ⟦zero stars⟧ this year. Neighbouring Castlemoor Borough Council "
      "dropped from ⟦two stars⟧ to ⟦one star⟧ after inspectors raised concerns about waiting lists "
      "for home care.\n\n"
      "Councillor Hazel Mordaunt, cabinet member for adult care, said: \"We have kept our ⟦two "
      "stars⟧, which is a fair reflection of the work our staff do every day. We want to be a "
      "⟦three-star⟧ council within two years.\"\n\n"
      "It is a long way from 2003, when the council was one of four in England to be given ⟦zero "
      "stars⟧ and a team of advisers was sent in by ministers. Ms Mordaunt said the department had "
      "\"learned the hard way\" that a rating was only as ⟪good⟫ as the evidence behind it.\n\n"
      "Opposition leader Frank Delamere said the result was \"nothing to celebrate\", pointing out "
      "that the number of older people waiting more than a month for an assessment had doubled since "
      "last spring.",
      [R("two stars", "Brackenford", None, "headline; retained; possessive 'its'",
         note="RS5 (1): 'its' refers to the name in the headline; no inspectorate named in the headline"),
       R("two stars", "Brackenford County Council's social services department", "CSCI",
         "grammatical subject; retained; possessive",
         note="RS3 owner possessive stays; RS11 acronym introduced in brackets"),
       R("adequate", "services for adults", "CSCI", "object of rating verb; inspectorate as verb subject",
         alt="Brackenford County Council",
         note="RS4: 'for adults' says what the service is; RS10 'The commission' takes CSCI; 'promising "
              "prospects' is no rating"),
       R("good", "services for children", "CSCI", "grammatical subject; passive",
         alt="Brackenford County Council", note="RS4; RA1"),
       R("three stars", "councils in the region", "CSCI", "grammatical subject; count",
         note="RS14 count -> the plural NP; RA8 the place phrase is the only identification; RA1. "
              "'the top grade' is no span"),
       R("zero stars", "councils in the region", "CSCI", "negated; partitive",
         neg=True, note="RS22 'None of ...'; RS14; RA8"),
       R("two stars", "Castlemoor Borough Council", "CSCI", "from-to; grammatical subject",
         note="RS9 old rating as fact; RA12 'Neighbouring' dropped; RA1 same round"),
       R("one star", "Castlemoor Borough Council", "CSCI", "from-to; grammatical subject", note="RA12"),
       R("two stars", "We", "CSCI", "quoted; first-person; retained",
         alt="Brackenford County Council", note="RA9: the sentence names no body; RA1"),
       R("three stars", "We", "CSCI", "quoted; hypothetical (want); pre-modifier; first-person",
         hyp=True, alt="Brackenford County Council",
         note="RS23; RC1: 'We want to be a three-star council' is a predicate of 'We', resolved by RA9"),
       R("zero stars", "council", None, "grammatical subject (generic NP); previous rating; partitive",
         alt="Brackenford County Council",
         note="RS5 (2); RA1: an earlier round, its own sentence names no inspectorate -> null")]),
]

ARTICLES += [
    # 2
    P("NHS trust",
      "Hospital trust rated ⟦requires improvement⟧ as maternity concerns persist\n\n"
      "Fernleigh and Ashcombe Hospitals NHS Foundation Trust has been rated ⟦requires improvement⟧ "
      "overall by the Care Quality Commission after an inspection in March.\n\n"
      "The regulator rated the trust ⟦good⟧ for being caring and effective, but ⟦requires "
      "improvement⟧ for being safe, responsive and well-led. The trust was previously rated ⟦good⟧ "
      "in 2019.\n\n"
      "Maternity services at the trust, which were rated ⟦inadequate⟧ in 2022, remain "
      "⟦inadequate⟧. Inspectors said staffing on the labour ward at Ashcombe General Hospital was "
      "\"a daily struggle\" and that women were waiting too long to be induced, although they praised "
      "midwives for their ⟪outstanding⟫ compassion.\n\n"
      "Urgent and emergency care at Fernleigh Royal Infirmary improved from ⟦inadequate⟧ to "
      "⟦requires improvement⟧, which the report put down to a new streaming system for patients "
      "arriving by ambulance.\n\n"
      "Chief executive Dr Amrit Sandhu said: \"We are disappointed that our maternity services are "
      "still rated ⟦inadequate⟧, and I apologise to every family who has been let down. We expect to "
      "be rated ⟦good⟧ overall at our next inspection, and we have a clear plan to get there.\"\n\n"
      "Healthwatch Fernleigh, which represents patients, said it welcomed the improvements in the "
      "emergency department but would be watching maternity care closely.",
      [R("requires improvement", "Hospital trust", None, "headline; generic NP",
         alt="Fernleigh and Ashcombe Hospitals NHS Foundation Trust", note="RS5 (2)"),
       R("requires improvement", "Fernleigh and Ashcombe Hospitals NHS Foundation Trust",
         "Care Quality Commission", "grammatical subject; passive with agent", note="RS8 'overall'"),
       R("good", "trust", "Care Quality Commission", "object of rating verb (generic NP); aspect-specific",
         aspect="caring; effective", alt="Fernleigh and Ashcombe Hospitals NHS Foundation Trust",
         note="RS10 'The regulator' takes the body named before; RS29; D21"),
       R("requires improvement", "trust", "Care Quality Commission", "object of rating verb (generic NP); aspect-specific",
         aspect="safe; responsive; well-led", alt="Fernleigh and Ashcombe Hospitals NHS Foundation Trust",
         note="RS29; D21"),
       R("good", "trust", None, "grammatical subject (generic NP); previous rating",
         alt="Fernleigh and Ashcombe Hospitals NHS Foundation Trust",
         note="RS5 (2); RA1: an earlier inspection, no inspectorate in its sentence -> null"),
       R("inadequate", "Maternity services at the trust", None, "'at' phrase; relative clause; previous rating",
         alt="Fernleigh and Ashcombe Hospitals NHS Foundation Trust",
         note="RS2 named service at a body keeps the whole phrase; RA1 earlier inspection -> null"),
       R("inadequate", "Maternity services at the trust", "Care Quality Commission", "'at' phrase; continues",
         alt="Fernleigh and Ashcombe Hospitals NHS Foundation Trust", note="RS2; RS4 the relative clause "
         "is outside; RA1"),
       R("inadequate", "Urgent and emergency care at Fernleigh Royal Infirmary", "Care Quality Commission",
         "'at' phrase; from-to; grammatical subject", alt="Fernleigh Royal Infirmary",
         note="RC2: a CQC core service is a named service (RS2), not the generic 'care at X'; RS9"),
       R("requires improvement", "Urgent and emergency care at Fernleigh Royal Infirmary", "Care Quality Commission",
         "'at' phrase; from-to; grammatical subject", alt="Fernleigh Royal Infirmary", note="RC2"),
       R("inadequate", "maternity services", "Care Quality Commission", "quoted; possessive 'our'; continues",
         alt="Fernleigh and Ashcombe Hospitals NHS Foundation Trust", note="RS1 'our' dropped; RA1"),
       R("good", "We", "Care Quality Commission", "quoted; first-person; hypothetical (expect)",
         hyp=True, alt="Fernleigh and Ashcombe Hospitals NHS Foundation Trust", note="RS23; RA9; RS8")]),
    # 3
    P("council children's services",
      "How the Wessmoor councils fared in Ofsted's children's services inspections\n\n"
      "Ofsted has now published its inspections of children's services for all nine councils in the "
      "Wessmoor region. Here is how they were rated:\n\n"
      "Ashvale Borough Council: ⟦outstanding⟧\n\n"
      "Corrington City Council: ⟦good⟧\n\n"
      "Dunmere County Council (⟦requires improvement⟧)\n\n"
      "Eastholm Borough Council: ⟦good⟧\n\n"
      "Fellsmere Metropolitan Borough Council: ⟦inadequate⟧\n\n"
      "Grantley Borough Council and Halsworth District Council were both judged ⟦inadequate⟧, "
      "meaning three of the nine now have the lowest grade.\n\n"
      "Ilverton Council, which was rated ⟦inadequate⟧ in 2019, is now ⟦good⟧, a rise of two grades "
      "that inspectors put down to \"stable leadership and a settled workforce\". Kestwick Council, "
      "meanwhile, was judged ⟦requires improvement⟧ overall but ⟦good⟧ for the experiences and "
      "progress of children in care.\n\n"
      "Ofsted said Corrington had made ⟪good⟫ progress since its last visit, when it was found to "
      "⟦require improvement⟧.\n\n"
      "Cllr Rosa Tebbit, leader of Fellsmere, said: \"Being judged ⟦inadequate⟧ is a shock but not a "
      "surprise. We lost a third of our social workers last year.\" She said the council would "
      "publish an improvement plan within 70 working days, as the law requires.\n\n"
      "The Department for Education is expected to appoint commissioners to at least one of the "
      "three councils.",
      [R("outstanding", "Ashvale Borough Council", "Ofsted", "list entry", note="RA1: Ofsted in the intro"),
       R("good", "Corrington City Council", "Ofsted", "list entry"),
       R("requires improvement", "Dunmere County Council", "Ofsted", "list entry (bracketed value)",
         note="RA4 by analogy: the list line's name is the subject"),
       R("good", "Eastholm Borough Council", "Ofsted", "list entry"),
       R("inadequate", "Fellsmere Metropolitan Borough Council", "Ofsted", "list entry"),
       R("inadequate", "Grantley Borough Council and Halsworth District Council", "Ofsted",
         "coordinated subjects; grammatical subject; 'both'",
         parts=["Grantley Borough Council", "Halsworth District Council"], note="RS13"),
       R("inadequate", "Ilverton Council", None, "relative clause; previous rating",
         note="RS4; RA1: an earlier inspection, its sentence names no inspectorate -> null"),
       R("good", "Ilverton Council", "Ofsted", "grammatical subject; copula; relative clause between",
         note="RA1"),
       R("requires improvement", "Kestwick Council", "Ofsted", "grammatical subject; passive", note="RS8"),
       R("good", "Kestwick Council", "Ofsted", "grammatical subject; aspect-specific",
         aspect="experiences and progress of children in care", note="D21"),
       R("requires improvement", "Corrington", "Ofsted", "pronoun 'it' resolved in the same sentence; previous rating",
         alt="Corrington City Council",
         note="RS5 (1): 'it' -> 'Corrington' in the same sentence; Ofsted named in the sentence; 'made good "
              "progress' is a look-alike"),
       R("inadequate", "Fellsmere", "Ofsted", "quoted; person near the rating",
         alt="Fellsmere Metropolitan Borough Council",
         note="RC3: a quote with no body or pronoun takes the body named in the speaker's title in the "
              "same sentence")]),
    # 4
    P("nursery",
      "Blog: what I learned when my daughter's nursery was rated ⟦inadequate⟧\n\n"
      "When the email arrived in June, I assumed it was another newsletter. Instead it told us that "
      "Hollyhock Lane Day Nursery, where my daughter Maisie has gone three days a week since she was "
      "one, had been judged ⟦inadequate⟧ by Ofsted.\n\n"
      "It had been rated ⟦good⟧ at its previous inspection, four years earlier, and none of us had "
      "any idea anything was wrong.\n\n"
      "The report said staff did not always check who was collecting children and that safeguarding "
      "training was out of date. Leadership and management were rated ⟦inadequate⟧; the quality of "
      "education was judged to ⟦require improvement⟧.\n\n"
      "I will be honest: my first instinct was to pull her out. But when I talked to the other "
      "parents, most of us felt the staff in Maisie's room were ⟪good⟫ at their jobs and that the "
      "problems were in the office, not the playroom.\n\n"
      "The manager, Priya Okafor, held a meeting for parents the following week. She did not make "
      "excuses. She told us: \"We were rated ⟦good⟧ for years and we got complacent. I want us to be "
      "⟦outstanding⟧ next time, and I want you to hold me to that.\"\n\n"
      "Ofsted will return within six months. If the nursery is judged ⟦inadequate⟧ again, the "
      "council has said it will stop funding free places there.\n\n"
      "Maisie, for the record, is still going, and still loves it.",
      [R("inadequate", "daughter's nursery", None, "headline; person's possessive; generic NP",
         alt="Hollyhock Lane Day Nursery", note="RS1 'my' dropped; RS3 the owner possessive stays; RS5 (2)"),
       R("inadequate", "Hollyhock Lane Day Nursery", "Ofsted", "passive with agent; relative clause between",
         note="RS4 the 'where' clause is outside"),
       R("good", "Hollyhock Lane Day Nursery", None, "pronoun subject, antecedent in preceding sentence; previous rating",
         note="RS5 (3): a bare 'It'; the headline's 'daughter's nursery' is generic (as in ra003), so the "
              "antecedent in the preceding sentence; RA1 earlier inspection -> null"),
       R("inadequate", "Hollyhock Lane Day Nursery", "Ofsted", "subject in a preceding sentence; aspect-specific",
         aspect="Leadership and management",
         note="RC4: a judgement area as grammatical subject is the aspect; the body is resolved as for a pronoun (RS5 (3))"),
       R("requires improvement", "Hollyhock Lane Day Nursery", "Ofsted", "subject in a preceding sentence; generic head; aspect-specific",
         aspect="quality of education", note="RS2 'quality of education' is an area; RC4"),
       R("good", "We", None, "quoted; first-person; previous rating",
         alt="Hollyhock Lane Day Nursery", note="RA9; RA1 earlier inspections -> null"),
       R("outstanding", "us", "Ofsted", "quoted; first-person; hypothetical (want)",
         hyp=True, alt="Hollyhock Lane Day Nursery", note="RS23 aim; RA9 pronoun as written"),
       R("inadequate", "nursery", "Ofsted", "hypothetical (if); grammatical subject (generic NP)",
         hyp=True, alt="Hollyhock Lane Day Nursery", note="RS23 'if ... is rated'; RS5 (2)")]),
]

ARTICLES += [
    # 5
    P("council children's services",
      "Penhallow children's services no longer ⟦inadequate⟧, Ofsted confirms\n\n"
      "PRESS RELEASE. Penhallow Borough Council is delighted to announce that its children's "
      "services have been judged ⟦good⟧ by Ofsted, four years after they were rated ⟦inadequate⟧.\n\n"
      "Inspectors judged the experiences and progress of children in care to be ⟦good⟧ and the "
      "impact of leaders to be ⟦outstanding⟧. The help and protection of children was judged to "
      "⟦require improvement⟧, with inspectors asking for quicker responses to referrals at the front "
      "door.\n\n"
      "Councillor Nia Trelawney, lead member for children, said: \"When I took on this role we were "
      "rated ⟦inadequate⟧. Today we are ⟦good⟧, and now we want to be ⟦outstanding⟧. I want to thank "
      "every social worker, foster carer and family support worker who has stuck with us.\"\n\n"
      "Chief executive Martin Hale said the council had invested an extra £6 million a year in "
      "children's social care since 2020 and had cut its use of agency social workers by half.\n\n"
      "The council's fostering service, which Ofsted inspects separately, was rated ⟦good⟧ in "
      "January, and its adoption agency, Penhallow Adopt, remains ⟦outstanding⟧.\n\n"
      "Notes to editors: Ofsted grades local authority children's services on a four-point scale: "
      "⟦outstanding⟧, ⟦good⟧, ⟦requires improvement⟧ to be ⟪good⟫, and ⟦inadequate⟧.",
      [R("inadequate", "Penhallow children's services", "Ofsted", "headline; no longer; previous rating",
         note="RC5: 'no longer inadequate' reports a rating that was held: not negated (as RS9/RS18)"),
       R("good", "children's services", "Ofsted", "grammatical subject; passive with agent; possessive 'its'",
         alt="Penhallow Borough Council",
         note="RS1 'its' dropped: the rated body is the services, the council only owns them"),
       R("inadequate", "children's services", "Ofsted", "pronoun subject 'they' resolved in the same sentence; previous rating",
         alt="Penhallow Borough Council",
         note="RS5 (1): 'they' -> 'its children's services'; RA1: its own sentence names Ofsted"),
       R("good", "children's services", "Ofsted", "subject in a preceding sentence; aspect-specific",
         aspect="experiences and progress of children in care", alt="Penhallow Borough Council",
         note="RC4: the area is the aspect; 'Inspectors' -> Ofsted (RA1)"),
       R("outstanding", "children's services", "Ofsted", "subject in a preceding sentence; aspect-specific",
         aspect="impact of leaders", alt="Penhallow Borough Council", note="RC4"),
       R("requires improvement", "children's services", "Ofsted", "subject in a preceding sentence; aspect-specific",
         aspect="help and protection of children", alt="Penhallow Borough Council", note="RC4"),
       R("inadequate", "we", None, "quoted; first-person; previous rating",
         alt="Penhallow Borough Council", note="RA9; RA1: the earlier inspection, no inspectorate in the sentence"),
       R("good", "we", "Ofsted", "quoted; first-person; copula", alt="Penhallow Borough Council", note="RA9; RA1"),
       R("outstanding", "we", "Ofsted", "quoted; first-person; hypothetical (want)", hyp=True,
         alt="Penhallow Borough Council", note="RS23; RA9"),
       R("good", "council's fostering service", "Ofsted", "possessive; relative clause between; grammatical subject",
         alt="Penhallow Borough Council", note="RS3 the owner possessive stays; RS4 the relative clause is outside"),
       R("outstanding", "Penhallow Adopt", "Ofsted", "apposition; continues",
         alt="adoption agency", note="RS5 (1): the name in apposition to 'its adoption agency'; RA1"),
       R("outstanding", None, "Ofsted", "scale description; no subject", note="RA5"),
       R("good", None, "Ofsted", "scale description; no subject", note="RA5"),
       R("requires improvement", None, "Ofsted", "scale description; no subject",
         note="RA5; RS17: the 'good' of 'requires improvement to be good' is a look-alike"),
       R("inadequate", None, "Ofsted", "scale description; no subject", note="RA5")]),
    # 6
    P("school",
      "Ofsted round-up: mixed results for Stanbridge schools\n\n"
      "Eight schools in Stanbridge have received Ofsted reports this term. Here is how they did.\n\n"
      "Brookfield Infant School was downgraded from ⟦good⟧ to ⟦requires improvement⟧ after inspectors "
      "found that phonics was not taught consistently.\n\n"
      "St Cuthbert's Catholic Primary School and Lowmead Primary School were both judged ⟦good⟧. "
      "Inspectors said pupils at Lowmead had ⟪outstanding⟫ manners.\n\n"
      "Ofsted judged Larkrise Academy to be ⟦outstanding⟧ in all five areas, the first time the "
      "school has received the top grade.\n\n"
      "Harrowden Free School avoided an ⟦inadequate⟧ rating but was told it ⟦requires improvement⟧ in "
      "three of the four areas, including behaviour and attitudes.\n\n"
      "Millbrook High School remains ⟦inadequate⟧ and is still in ⟪special measures⟫. It was last "
      "judged ⟦good⟧ in 2014.\n\n"
      "Also inspected:\n\n"
      "Thornfield Nursery School: ⟦outstanding⟧\n\n"
      "Weston Parva CE Primary (⟦good⟧)\n\n"
      "Helen Voss, headteacher at Brookfield, said: \"We are disappointed, but we know what we need to "
      "do, and we will be back to ⟦good⟧ at our next inspection.\"\n\n"
      "A spokesperson for the Tamar Ridge Academy Trust, which runs Millbrook, said a new "
      "headteacher would start in September and that the trust had \"no doubt\" the school would "
      "improve quickly.",
      [R("good", "Brookfield Infant School", "Ofsted", "from-to; downgraded; grammatical subject",
         note="RS9 the old rating as fact; RA1 Ofsted named in the intro"),
       R("requires improvement", "Brookfield Infant School", "Ofsted", "downgraded to; grammatical subject",
         note="RS9"),
       R("good", "St Cuthbert's Catholic Primary School and Lowmead Primary School", "Ofsted",
         "coordinated subjects; 'both'; grammatical subject",
         parts=["St Cuthbert's Catholic Primary School", "Lowmead Primary School"], note="RS13"),
       R("outstanding", "Larkrise Academy", "Ofsted", "object of rating verb; inspectorate as verb subject",
         note="'in all five areas' names no area: aspect null (D21); 'the top grade' is no span"),
       R("inadequate", "Harrowden Free School", "Ofsted", "negated (avoided); grammatical subject",
         neg=True, note="RS22 'avoided'"),
       R("requires improvement", "Harrowden Free School", "Ofsted", "pronoun 'it' resolved in the same sentence; aspect-specific",
         aspect="behaviour and attitudes", note="RS5 (1); RS12 only the named area"),
       R("inadequate", "Millbrook High School", "Ofsted", "continues; grammatical subject",
         note="'special measures' is no rating value"),
       R("good", "Millbrook High School", None, "pronoun subject, antecedent in preceding sentence; previous rating",
         note="RS5 (3); RA1: an earlier inspection, no inspectorate in the sentence -> null"),
       R("outstanding", "Thornfield Nursery School", "Ofsted", "list entry", note="RA4"),
       R("good", "Weston Parva CE Primary", "Ofsted", "list entry (bracketed value)", note="RA4"),
       R("good", "Brookfield", "Ofsted", "quoted; first-person; hypothetical (will be back to); person near the rating",
         hyp=True, alt="Brookfield Infant School",
         note="RS25: the sentence names the body the speaker speaks for; RS23")]),
    # 7
    P("NHS trust",
      "Kingsmere hospitals awarded top ⟦three stars⟧\n\n"
      "Kingsmere Hospitals NHS Trust has been awarded ⟦three stars⟧, the highest rating, in the "
      "annual NHS performance ratings published today by the Healthcare Commission.\n\n"
      "The trust, which runs Kingsmere General Hospital and Abbotsford Community Hospital, was given "
      "⟦one star⟧ last year and ⟦zero stars⟧ the year before.\n\n"
      "Elsewhere in the county, Ravensholt Mental Health NHS Trust retained its ⟦two stars⟧, while "
      "Eastbury Ambulance Service NHS Trust was awarded ⟦one star⟧ after missing its target for "
      "reaching the most urgent calls within eight minutes.\n\n"
      "Marlpit Primary Care Trust, which was a ⟦three-star⟧ trust last year, fell to ⟦zero stars⟧, "
      "the only trust in the region with the lowest rating. Its chief executive is understood to have "
      "offered her resignation.\n\n"
      "Nationally, 73 trusts were awarded ⟦three stars⟧.\n\n"
      "Kingsmere's chief executive, Dr Lorna Petrie, said: \"Two years ago we were a ⟦zero-star⟧ "
      "trust and people told us we would never climb off the bottom. Being rated ⟦three stars⟧ is a "
      "tribute to every member of staff, from the porters to the surgeons.\"\n\n"
      "The commission said the star ratings would be replaced next year by a new annual assessment of "
      "every NHS trust in England.\n\n"
      "Patients' groups said waiting times for hip and knee operations in Kingsmere were still among "
      "the longest in the region.",
      [R("three stars", "Kingsmere hospitals", None, "headline; grammatical subject",
         alt="Kingsmere Hospitals NHS Trust",
         note="RS5 (1) the headline's phrase as written (lower case kept, RS1); no inspectorate in the headline"),
       R("three stars", "Kingsmere Hospitals NHS Trust", "Healthcare Commission", "grammatical subject; passive",
         note="'the highest rating' is no span"),
       R("one star", "trust", None, "grammatical subject (generic NP); previous rating; relative clause between",
         alt="Kingsmere Hospitals NHS Trust", note="RS5 (2); RA1: earlier ratings, no body in the sentence -> null"),
       R("zero stars", "trust", None, "grammatical subject (generic NP); previous rating",
         alt="Kingsmere Hospitals NHS Trust", note="RS5 (2); RA1"),
       R("two stars", "Ravensholt Mental Health NHS Trust", "Healthcare Commission", "retained; possessive 'its'",
         note="RA1"),
       R("one star", "Eastbury Ambulance Service NHS Trust", "Healthcare Commission", "grammatical subject; passive",
         note="RA1"),
       R("three stars", "Marlpit Primary Care Trust", None, "relative clause; pre-modifier; previous rating",
         alt="trust", note="RC1: the star compound is the predicate of the relative pronoun, i.e. of the name; RA1 -> null"),
       R("zero stars", "Marlpit Primary Care Trust", "Healthcare Commission", "grammatical subject; fell to",
         note="RA1"),
       R("three stars", "trusts", "Healthcare Commission", "count; grammatical subject", note="RS1/RS14: '73' dropped"),
       R("zero stars", "Kingsmere", None, "quoted; first-person; pre-modifier; previous rating",
         alt="Kingsmere Hospitals NHS Trust",
         note="RS25: 'we' is the body the speaker's title names in the same sentence; RC1; RA1 -> null"),
       R("three stars", "Kingsmere Hospitals NHS Trust", "Healthcare Commission", "quoted; no antecedent in the sentence",
         alt="Kingsmere",
         note="RA23: no body and no pronoun in the quoted sentence -> the article's body of the first paragraph")]),
    # 8
    P("police force",
      "Police force graded ⟦inadequate⟧ at responding to the public\n\n"
      "Ravensdale Constabulary has been graded ⟦inadequate⟧ at responding to the public by His "
      "Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS).\n\n"
      "In its latest PEEL inspection, the inspectorate judged the force to ⟦require improvement⟧ in "
      "four areas, including investigating crime and protecting vulnerable people, and ⟦adequate⟧ at "
      "preventing crime.\n\n"
      "The force was graded ⟦good⟧ for treating the public fairly. It was not graded ⟦outstanding⟧ in "
      "any area.\n\n"
      "Inspectors found that more than a third of emergency calls were not answered within ten "
      "seconds, and that some callers reporting domestic abuse waited days for an officer to attend. "
      "The force's response to emergency calls was last graded ⟦adequate⟧ in 2021.\n\n"
      "Chief Constable Alan Brierley said: \"We accept the inspectorate's findings. Our call handling "
      "has not been ⟪good⟫ enough, and we have already moved forty officers into the control room.\"\n\n"
      "Police and crime commissioner Janet Okoro said she would hold the chief constable to account. "
      "\"The people of Ravensdale deserve a force that is rated ⟦outstanding⟧,\" she said.\n\n"
      "Neighbouring Hallamshire Vale Police was graded ⟦good⟧ in five of its nine areas at its "
      "inspection last year.",
      [R("inadequate", "Police force", None, "headline; generic NP; aspect-specific",
         aspect="responding to the public", alt="Ravensdale Constabulary", note="RS5 (2)"),
       R("inadequate", "Ravensdale Constabulary", "HMICFRS", "grammatical subject; passive with agent; aspect-specific",
         aspect="responding to the public", note="RS11 the acronym in brackets"),
       R("requires improvement", "force", "HMICFRS", "object of rating verb (generic NP); aspect-specific",
         aspect="investigating crime; protecting vulnerable people", alt="Ravensdale Constabulary",
         note="RS10 'the inspectorate'; RS12 the named areas of four"),
       R("adequate", "force", "HMICFRS", "object of rating verb (generic NP); aspect-specific",
         aspect="preventing crime", alt="Ravensdale Constabulary"),
       R("good", "force", "HMICFRS", "grammatical subject (generic NP); aspect-specific",
         aspect="treating the public fairly", alt="Ravensdale Constabulary", note="RS5 (2); RA1"),
       R("outstanding", "force", "HMICFRS", "negated; pronoun subject, antecedent in preceding sentence",
         neg=True, alt="Ravensdale Constabulary",
         note="RS22 'was not graded'; RS5 (3): the headline's 'Police force' is generic, so 'The force' before"),
       R("adequate", "force", None, "possessive; previous rating; aspect-specific",
         aspect="response to emergency calls", alt="Ravensdale Constabulary",
         note="RC6: the owner of a judgement area is the subject, the area the aspect; RA1 earlier inspection -> null"),
       R("outstanding", "force", "HMICFRS", "quoted; hypothetical (deserve); relative clause",
         hyp=True, alt="Ravensdale Constabulary",
         note="RS23 a wish; the relative clause's head noun is the subject (RS6 spirit); RA1"),
       R("good", "Hallamshire Vale Police", None, "grammatical subject; partitive areas; previous rating",
         note="RA12 'Neighbouring' dropped; RA1: a different inspection, no inspectorate in its sentence")]),
]

ARTICLES += [
    # 9
    P("care home",
      "Relatives 'horrified' by care home report\n\n"
      "Relatives of people living at Beechcroft Manor, a 52-bed care home on the edge of Wrexley, say "
      "they are \"horrified\" by a report from the Care Quality Commission.\n\n"
      "Inspectors who made an unannounced visit in April rated the service ⟦inadequate⟧ after finding "
      "residents who had been left in wet beds for hours, call bells that went unanswered and a "
      "medicines trolley left unlocked in a corridor.\n\n"
      "The home, which is owned by Larchmont Healthcare Ltd, has been placed in ⟪special measures⟫. It "
      "was rated ⟦inadequate⟧ for being safe, effective and well-led, and ⟦requires improvement⟧ for "
      "being caring and responsive.\n\n"
      "It is not the first time the home has struggled. The last full inspection, in 2019, found it "
      "⟦inadequate⟧, and it was rated ⟦requires improvement⟧ in 2021.\n\n"
      "Operations director Graham Fenwick said the manager had left and a new one had started in May. "
      "\"We are ashamed that standards fell so far, and we have apologised to every family. We intend "
      "to get Beechcroft back to ⟦good⟧ within a year,\" he said.\n\n"
      "Wrexley County Council said it had stopped placing people at the home. A spokesperson added "
      "that two other homes owned by the company in the county, Fernhill Lodge and The Willows, were "
      "rated ⟦good⟧ and that there were \"no concerns\" about them.\n\n"
      "Joan Pritchard, whose mother has lived at Beechcroft Manor for three years, said: \"The carers "
      "are lovely, but there are not enough of them. Some nights there are two on for the whole "
      "building.\"",
      [R("inadequate", "service", "Care Quality Commission", "object of rating verb (generic NP); relative clause on the verb subject",
         alt="Beechcroft Manor",
         note="RS5 (2): 'the service' in the sentence; RS10 bare 'Inspectors' take the CQC named before (RA1)"),
       R("inadequate", "home", "Care Quality Commission", "pronoun subject, antecedent in preceding sentence; aspect-specific",
         aspect="safe; effective; well-led", alt="Beechcroft Manor",
         note="RS5 (3): the headline's 'care home' is generic, so 'The home' in the sentence before; RS29"),
       R("requires improvement", "home", "Care Quality Commission", "pronoun subject, antecedent in preceding sentence; aspect-specific",
         aspect="caring; responsive", alt="Beechcroft Manor", note="RS5 (3); RS29"),
       R("inadequate", "home", None, "pronoun object, antecedent in preceding sentence; previous rating",
         alt="Beechcroft Manor",
         note="RS5 (3): 'found it' -> 'the home' in the sentence before; RA1: an earlier inspection -> null"),
       R("requires improvement", "home", None, "pronoun subject, antecedent in preceding sentence; previous rating",
         alt="Beechcroft Manor", note="RS5 (3); RA1"),
       R("good", "Beechcroft", "Care Quality Commission", "quoted; hypothetical (intend); back to",
         hyp=True, alt="Beechcroft Manor", note="RS23 aim; RS5 (1) the name as written in the sentence"),
       R("good", "Fernhill Lodge and The Willows", None, "coordinated subjects; apposition; count",
         parts=["Fernhill Lodge", "The Willows"], alt="homes",
         note="RS13 the names the count 'two other homes' is in apposition to; 'The' of 'The Willows' kept "
              "inside the coordination (not leading); no inspection reported for them -> rated_by null (RA1)")]),
    # 10
    P("school",
      "Governor's view: we were told we ⟦required improvement⟧. Here is what we did next\n\n"
      "By Deborah Ainsworth, chair of governors at Hollins Brook Primary School\n\n"
      "Eighteen months ago our school was rated ⟦requires improvement⟧ by Ofsted. Hollins Brook had "
      "been ⟦good⟧ for as long as anyone could remember, and the news hit the staff room hard.\n\n"
      "The inspectors were fair. They said our pupils were happy and well behaved, and they judged "
      "behaviour and attitudes and personal development to be ⟦good⟧. But the quality of education "
      "⟦required improvement⟧, because our curriculum in subjects such as history and art was thin.\n\n"
      "As governors we had to ask ourselves hard questions. Had we been too comfortable? Were we "
      "asking the head about the right things?\n\n"
      "We decided not to panic. If we were judged ⟦inadequate⟧ next time, we told ourselves, it would "
      "be because we had tried to fix everything at once. So we picked three subjects a term and gave "
      "teachers the time to plan them properly.\n\n"
      "Our neighbours at Ashby Fields Primary, which had also slipped to ⟦requires improvement⟧, were "
      "generous with their time, and their history lead spent a morning with ours.\n\n"
      "I do not know what our next inspection will bring. But I know that whether or not we get back "
      "to ⟦good⟧, our children are getting a better education than they were, and our teachers are "
      "⟪good⟫ at explaining why.",
      [R("requires improvement", "we", None, "headline; quoted; first-person",
         alt="Hollins Brook Primary School",
         note="RA9: a first-person pronoun, the headline names no body; no inspectorate in the headline"),
       R("requires improvement", "school", "Ofsted", "grammatical subject (generic NP); passive with agent; person's possessive",
         alt="Hollins Brook Primary School",
         note="RS1 'our' dropped; RS5 (2) the generic NP in the sentence (the byline names the school)"),
       R("good", "Hollins Brook", None, "grammatical subject; previous rating; continues",
         alt="Hollins Brook Primary School", note="RA1: the earlier inspections, no inspectorate in the sentence"),
       R("good", "Hollins Brook", "Ofsted", "subject in a preceding sentence; aspect-specific",
         aspect="behaviour and attitudes; personal development", alt="Hollins Brook Primary School",
         note="RC4; RS5 (3): the nearest body in the preceding sentences is 'Hollins Brook'; RA1"),
       R("requires improvement", "Hollins Brook", "Ofsted", "subject in a preceding sentence; generic head; aspect-specific",
         aspect="quality of education", alt="Hollins Brook Primary School", note="RC4; RS2"),
       R("inadequate", "we", "Ofsted", "hypothetical (if); first-person",
         hyp=True, alt="Hollins Brook Primary School", note="RS23 'if'; RA9"),
       R("requires improvement", "Ashby Fields Primary", None, "relative clause; slipped to; previous rating",
         note="RS5 (1); RA1: a different inspection -> null"),
       R("good", "we", "Ofsted", "hypothetical (whether or not); first-person; back to",
         hyp=True, alt="Hollins Brook Primary School", note="RS23; RA9")]),
    # 11
    P("takeaway (food hygiene)",
      "Food hygiene: two takeaways handed ⟦zero⟧ ratings in Colbeck\n\n"
      "Two takeaways in Colbeck have been given food hygiene ratings of ⟦zero⟧ by Colbeck District "
      "Council, meaning urgent improvement is necessary.\n\n"
      "Environmental health officers found mouse droppings in the kitchen at Dragon Garden, Bridge "
      "Street, and no hot water for hand washing at Pizza Palace, Corn Hill. Both were rated "
      "⟦zero⟧.\n\n"
      "Last year Dragon Garden was awarded ⟦one star⟧ after a visit in March.\n\n"
      "The owner of Pizza Palace, Gino Marchetti, said the boiler had broken the day before the "
      "visit. \"We have always had a ⟦five⟧ before,\" he said. \"I have asked for a re-inspection and "
      "I am sure we will be back to ⟦five⟧ in a few weeks.\"\n\n"
      "A council spokesperson said: \"Businesses rated ⟦zero⟧ are visited again within weeks, and most "
      "improve quickly.\"\n\n"
      "Other ratings published this month:\n\n"
      "The Old Bakehouse, Market Place: ⟦5⟧\n\n"
      "Sultan's Kitchen, Station Road: ⟦4⟧\n\n"
      "Café Rosa, Abbey Walk (⟦3⟧)\n\n"
      "Colbeck Fish Bar, High Street: ⟦2⟧\n\n"
      "The Lamb Inn, Church Lane: ⟦5⟧\n\n"
      "Ratings run from 0 to 5 and can be checked on the Food Standards Agency website. Businesses in "
      "Wales and Northern Ireland must display their rating; in England it is voluntary, though the "
      "council said most businesses with a high score chose to put the sticker in the window.",
      [R("zero stars", "takeaways", None, "headline; count",
         note="RS7 a bare word; RS14 the counted plural NP; no council named in the headline"),
       R("zero stars", "takeaways in Colbeck", "Colbeck District Council", "grammatical subject; count; passive with agent",
         note="RA8: the place is the only identification of the unnamed bodies; RS16"),
       R("zero stars", "Both", "Colbeck District Council", "grammatical subject; partitive; subject in a preceding sentence",
         alt="takeaways in Colbeck",
         note="RC7: a bare 'Both' is kept as written (RA10), the bodies it counts are named in the sentence before; RA1"),
       R("one star", "Dragon Garden", None, "grammatical subject; previous rating",
         note="RA1: an earlier inspection, no council in the sentence -> null"),
       R("five stars", "We", None, "quoted; first-person; previous rating",
         alt="Pizza Palace", note="RA9; RS7; RA1"),
       R("five stars", "we", "Colbeck District Council", "quoted; first-person; hypothetical (sure ... will be back to)",
         hyp=True, alt="Pizza Palace", note="RS23 expectation; RA9; RA1"),
       R("zero stars", "Businesses", "Colbeck District Council", "quoted; generic plural; reduced relative",
         note="RA2 a generic class; RS16 the council speaks for its officers (RA1)"),
       R("five stars", "Old Bakehouse", "Colbeck District Council", "list entry", alt="The Old Bakehouse",
         note="RA4; RS1 the leading 'The' dropped, as ra004's 'Copper Kettle'"),
       R("four stars", "Sultan's Kitchen", "Colbeck District Council", "list entry", note="RA4"),
       R("three stars", "Café Rosa", "Colbeck District Council", "list entry (bracketed value)", note="RA4"),
       R("two stars", "Colbeck Fish Bar", "Colbeck District Council", "list entry", note="RA4"),
       R("five stars", "Lamb Inn", "Colbeck District Council", "list entry", alt="The Lamb Inn", note="RA4; RS1")],
      note="'0 to 5' is the scale, not a rating."),
    # 12
    P("GP surgery",
      "Surgery avoids ⟦inadequate⟧ rating after year of improvements\n\n"
      "A GP practice in Sallowfield that was threatened with closure last year has avoided an "
      "⟦inadequate⟧ rating at its latest inspection.\n\n"
      "The Care Quality Commission gave Tanners Yard Medical Practice a rating of ⟦requires "
      "improvement⟧ overall, up from ⟦inadequate⟧ in 2023.\n\n"
      "The practice, which has 9,400 patients, was rated ⟦good⟧ for being caring and ⟦requires "
      "improvement⟧ for being safe, effective, responsive and well-led. Inspectors said it would have "
      "been rated ⟦good⟧ overall had it not been for long waits on the telephone, with some patients "
      "calling more than 40 times to get through.\n\n"
      "Dr Samira Haddad, the senior partner, said: \"A year ago we were told we were ⟦inadequate⟧ and "
      "that we might lose our contract. We have recruited two new GPs and a practice nurse since "
      "then. Our patients deserve a surgery that is ⟦good⟧ in every area, and that is what we are "
      "working towards.\"\n\n"
      "Sallowfield's other practice, Millrace Health Centre, is rated ⟦outstanding⟧ and has had to "
      "close its list to new patients from outside the town.\n\n"
      "Keith Armitage, who chairs the Tanners Yard patient participation group, said: \"It is a step "
      "in the right direction, but the phones are still not ⟪good⟫ enough. My neighbour gave up and "
      "went to the walk-in centre in Hexley.\"\n\n"
      "The local integrated care board said it would keep supporting the practice.",
      [R("inadequate", "Surgery", None, "headline; negated (avoids); generic NP",
         neg=True, alt="Tanners Yard Medical Practice", note="RS22 'avoids'; RS5 (2)"),
       R("inadequate", "GP practice in Sallowfield", None, "negated (avoided); grammatical subject; relative clause",
         neg=True, alt="Tanners Yard Medical Practice",
         note="RS22; RA8 the place identifies the unnamed practice; RS4 the relative clause is outside; "
              "no inspectorate named yet -> null"),
       R("requires improvement", "Tanners Yard Medical Practice", "Care Quality Commission",
         "object of rating verb (gave X a rating of); inspectorate as verb subject", note="RS8 'overall'"),
       R("inadequate", "Tanners Yard Medical Practice", "Care Quality Commission", "up from; previous rating",
         note="RS9; RA1: the earlier inspection's own sentence names the CQC"),
       R("good", "practice", "Care Quality Commission", "grammatical subject (generic NP); aspect-specific",
         aspect="caring", alt="Tanners Yard Medical Practice", note="RS5 (2); RS29; RA1"),
       R("requires improvement", "practice", "Care Quality Commission", "grammatical subject (generic NP); aspect-specific",
         aspect="safe; effective; responsive; well-led", alt="Tanners Yard Medical Practice", note="RS29"),
       R("good", "practice", "Care Quality Commission", "hypothetical (counterfactual); pronoun subject, antecedent in preceding sentence",
         hyp=True, alt="Tanners Yard Medical Practice",
         note="RS24 counterfactual; RS5 (3): 'it' -> 'The practice' in the sentence before; RS8"),
       R("inadequate", "we", None, "quoted; first-person; previous rating",
         alt="Tanners Yard Medical Practice",
         note="RA9: 'the senior partner' names no body; RA1: the earlier inspection, no inspectorate in the sentence"),
       R("good", "surgery", "Care Quality Commission", "quoted; hypothetical (deserve); relative clause",
         hyp=True, alt="Tanners Yard Medical Practice",
         note="RS23 a wish; the head of the relative clause is the subject (as rc008's 'force'); 'in every area' names no area"),
       R("outstanding", "Millrace Health Centre", None, "apposition; grammatical subject; continues",
         alt="Sallowfield's other practice", note="the name in apposition; RA1: not the inspection reported -> null")]),
]

ARTICLES += [
    # 13
    P("children's home",
      "Children's homes run by Cedarwell Care judged ⟦inadequate⟧\n\n"
      "Two children's homes in Farrowby run by the private provider Cedarwell Care have been judged "
      "⟦inadequate⟧ by Ofsted, and a third has been told it ⟦requires improvement⟧.\n\n"
      "Inspectors visited Hawthorn House, which cares for up to four children aged 11 to 17, in "
      "March. They found that staff had not reported two incidents in which a child went missing "
      "overnight. The home was rated ⟦inadequate⟧ for the overall experiences and progress of children "
      "and for how well children are helped and protected.\n\n"
      "At Larchfield Cottage, the second home, inspectors found that the manager had left in January "
      "and had not been replaced. They judged it ⟦inadequate⟧ for the effectiveness of leaders and "
      "managers.\n\n"
      "Rowan Lodge, the third home, was judged to ⟦require improvement⟧ in all three areas. It was "
      "rated ⟦good⟧ at its previous inspection.\n\n"
      "Cedarwell Care's director, Simon Ashdown, said: \"We are taking these findings extremely "
      "seriously. Our other homes in the north-west are all ⟦good⟧ or ⟦outstanding⟧, and we will "
      "bring Hawthorn House and Larchfield Cottage up to the same standard.\"\n\n"
      "Farrowby Borough Council, which has placed three children at the homes, said it was reviewing "
      "the placements. Children's homes rated ⟦inadequate⟧ are usually inspected again within six "
      "months.",
      [R("inadequate", "Children's homes", None, "headline; generic NP; reduced relative",
         alt="Cedarwell Care", note="RS4 'run by' outside; RS5 (2)"),
       R("inadequate", "children's homes in Farrowby", "Ofsted", "grammatical subject; count; passive with agent",
         note="RS14; RA8 the place is the only identification; RS4 'run by ...' outside"),
       R("requires improvement", "third", "Ofsted", "pronoun 'it' resolved in the same sentence; partitive",
         alt="children's homes in Farrowby",
         note="RA10: 'a third' (a bare ordinal head) kept as written, 'a' dropped (RS1); RS5 (1); RA1"),
       R("inadequate", "home", "Ofsted", "grammatical subject (generic NP); aspect-specific",
         aspect="experiences and progress of children; how well children are helped and protected",
         alt="Hawthorn House", note="RS5 (2); D21; the 'overall' in the area's name is not taken (RS8); RA1"),
       R("inadequate", "Larchfield Cottage", "Ofsted", "pronoun object, antecedent in preceding sentence; aspect-specific",
         aspect="effectiveness of leaders and managers",
         note="RS5 (3): the headline names no single body, so the name in the sentence before; RA1"),
       R("requires improvement", "Rowan Lodge", "Ofsted", "grammatical subject; apposition; passive",
         note="'in all three areas' names none (D21)"),
       R("good", "Rowan Lodge", None, "pronoun subject, antecedent in preceding sentence; previous rating",
         note="RS5 (3); RA1 earlier inspection -> null"),
       R("good", "other homes in the north-west", None, "quoted; person's possessive; 'good or outstanding'",
         alt="Cedarwell Care",
         note="RS15 two spans, same subject; RS1 'Our' dropped; RA8 the place identifies the unnamed homes; "
              "RA1: not the inspections reported -> null"),
       R("outstanding", "other homes in the north-west", None, "quoted; 'good or outstanding'",
         alt="Cedarwell Care", note="RS15"),
       R("inadequate", "Children's homes", "Ofsted", "generic plural; reduced relative",
         note="RA2 a generic class; RA1")]),
    # 14
    P("home-care agency",
      "Opinion: my agency was rated ⟦requires improvement⟧. Here is why I am not ashamed\n\n"
      "By Anita Kowalczyk, registered manager of Brightwater Home Care, Dunsley\n\n"
      "When the Care Quality Commission published its report on us in October, I read it on my phone "
      "in a car park between two visits. We had been rated ⟦requires improvement⟧ overall, and "
      "⟦requires improvement⟧ for being well-led. For the previous eight years we had been ⟦good⟧.\n\n"
      "The report was fair about the things that went wrong. We had missed calls in the summer, when "
      "four carers left in a month, and our records were behind. Inspectors still rated us ⟦good⟧ for "
      "being caring, and that is the page I have pinned to the office wall.\n\n"
      "What the report could not say is that every home-care agency in Dunsley is short of staff. The "
      "council pays us £19.40 an hour, and out of that come wages, mileage, training and insurance.\n\n"
      "Of the eleven agencies in the borough, only three are rated ⟦good⟧, and none is rated "
      "⟦outstanding⟧.\n\n"
      "I would love to be the manager of an ⟦outstanding⟧ service one day. But I would rather be "
      "⟦requires improvement⟧ and honest about why than pretend that the sums add up.\n\n"
      "My carers are ⟪good⟫ people doing a hard job in the rain for not much more than the minimum "
      "wage. If the inspectors come back next spring and we are ⟦good⟧ again, it will be because of "
      "them.",
      [R("requires improvement", "agency", None, "headline; person's possessive; first-person",
         alt="Brightwater Home Care", note="RS1 'my' dropped; RS5 (2); no inspectorate in the headline"),
       R("requires improvement", "We", "Care Quality Commission", "first-person; grammatical subject",
         alt="Brightwater Home Care", note="RC9: a first-person column is read as a quote (RA9); RS8; RA1"),
       R("requires improvement", "We", "Care Quality Commission", "first-person; aspect-specific",
         aspect="well-led", alt="Brightwater Home Care", note="RC9; RS29"),
       R("good", "we", None, "first-person; previous rating; continues",
         alt="Brightwater Home Care", note="RC9; RA1 earlier inspections -> null"),
       R("good", "us", "Care Quality Commission", "first-person; pronoun object; aspect-specific",
         aspect="caring", alt="Brightwater Home Care", note="RC9; RA9 pronoun as written; RS10/RA1"),
       R("good", "agencies in the borough", None, "partitive; count",
         note="RS14 'only three' -> the counted plural NP; RA8; RA1: not the inspection reported -> null"),
       R("outstanding", "agencies in the borough", None, "negated; partitive",
         neg=True, note="RS22 'none is rated'; RS14"),
       R("outstanding", "service", None, "hypothetical (would love); pre-modifier",
         hyp=True, alt="Brightwater Home Care",
         note="RC8: an attributive grade word naming the grade of a body ('an outstanding service') is a "
              "RATING; RC1 the modified noun is the subject; RS23"),
       R("requires improvement", "I", None, "hypothetical (would rather); first-person",
         hyp=True, alt="Brightwater Home Care", note="RC9; RS24 counterfactual preference"),
       R("good", "we", "Care Quality Commission", "hypothetical (if); first-person; back to",
         hyp=True, alt="Brightwater Home Care", note="RS23 'if'; RC9; RA1 'the inspectors' of the CQC")]),
    # 15
    P("mental health service",
      "Mental health trust downgraded from ⟦good⟧ to ⟦requires improvement⟧\n\n"
      "The Care Quality Commission has downgraded Orrinsford Partnership NHS Foundation Trust from "
      "⟦good⟧ to ⟦requires improvement⟧ after inspecting five of its core services in the spring.\n\n"
      "Acute wards for adults of working age at the trust were rated ⟦inadequate⟧ after inspectors "
      "found patients sleeping on sofas in lounges because no beds were free. Its community services "
      "for older people remain ⟦outstanding⟧.\n\n"
      "The regulator gave the trust's child and adolescent mental health services a rating of "
      "⟦good⟧, the same as at the last inspection in 2021.\n\n"
      "Overall the trust was rated ⟦requires improvement⟧ for being safe, effective and well-led, and "
      "⟦good⟧ for being caring and responsive.\n\n"
      "Chief executive Dr Owen Mably said: \"We are disappointed to have lost our ⟦good⟧ rating, but "
      "we are not in denial. The wards at Ferrers House are full every night, and we need forty more "
      "beds.\"\n\n"
      "Councillor Tom Rickard, who chairs Orrinsford's health scrutiny committee, said the downgrade "
      "was \"a wake-up call\". \"Two years ago people were telling me this trust would be "
      "⟦outstanding⟧ by now,\" he said.\n\n"
      "The trust has been told to make improvements to staffing and to the way it records the use of "
      "restraint on its wards.",
      [R("good", "Mental health trust", None, "headline; generic NP; downgraded; from-to",
         alt="Orrinsford Partnership NHS Foundation Trust", note="RS5 (2); RS9"),
       R("requires improvement", "Mental health trust", None, "headline; generic NP; downgraded to",
         alt="Orrinsford Partnership NHS Foundation Trust", note="RS5 (2)"),
       R("good", "Orrinsford Partnership NHS Foundation Trust", "Care Quality Commission",
         "object of rating verb; inspectorate as verb subject; from-to", note="RS9"),
       R("requires improvement", "Orrinsford Partnership NHS Foundation Trust", "Care Quality Commission",
         "object of rating verb; downgraded to"),
       R("inadequate", "Acute wards for adults of working age at the trust", "Care Quality Commission",
         "'at' phrase; grammatical subject; passive",
         alt="Orrinsford Partnership NHS Foundation Trust", note="RS2 a named service at a body; RS4 complement; RA1"),
       R("outstanding", "community services for older people", "Care Quality Commission",
         "possessive 'Its'; continues; grammatical subject",
         alt="Orrinsford Partnership NHS Foundation Trust", note="RS1 'Its' dropped; RS4 'for older people' stays; RA1"),
       R("good", "trust's child and adolescent mental health services", "Care Quality Commission",
         "object of rating verb (gave X a rating of); possessive",
         alt="Orrinsford Partnership NHS Foundation Trust", note="RS3; RS10 'The regulator'; 'the same as' is no span"),
       R("requires improvement", "trust", "Care Quality Commission", "grammatical subject (generic NP); aspect-specific",
         aspect="safe; effective; well-led", alt="Orrinsford Partnership NHS Foundation Trust", note="RS8; RS29"),
       R("good", "trust", "Care Quality Commission", "grammatical subject (generic NP); aspect-specific",
         aspect="caring; responsive", alt="Orrinsford Partnership NHS Foundation Trust", note="RS29"),
       R("good", "We", "Care Quality Commission", "quoted; first-person; lost rating",
         alt="Orrinsford Partnership NHS Foundation Trust", note="RS18 not negated; RA9; RA1"),
       R("outstanding", "trust", "Care Quality Commission", "quoted; hypothetical (expected); grammatical subject",
         hyp=True, alt="Orrinsford Partnership NHS Foundation Trust",
         note="RS23 an expectation; RS1 'this' dropped; RA1")]),
    # 16
    P("academy trust",
      "Nine in ten Calderbrook Learning Partnership schools now ⟦good⟧ or ⟦outstanding⟧\n\n"
      "The Calderbrook Learning Partnership, which runs 21 academies across Westholme and the Brackley "
      "valley, says 19 of its schools are now rated ⟦good⟧ or ⟦outstanding⟧ by Ofsted.\n\n"
      "Ofsted said pupils at Aldercombe Primary Academy made ⟪good⟫ progress in reading from low "
      "starting points. The trust's latest results, all published since January, are:\n\n"
      "Aldercombe Primary Academy: ⟦outstanding⟧\n\n"
      "Brackley Valley Academy: ⟦good⟧ (previously ⟦requires improvement⟧)\n\n"
      "Eastfield Junior Academy: ⟦good⟧\n\n"
      "Westholme Park Academy (⟦requires improvement⟧)\n\n"
      "Two of the trust's schools, Kilnworth Academy and Saxby Road Primary Academy, were both judged "
      "⟦inadequate⟧ last autumn and have since been given new headteachers.\n\n"
      "Chief executive Rachel Odunsi said: \"When I arrived in 2020, eight of our schools were "
      "⟦inadequate⟧. None of them is now.\" She said the trust had spent more on reading and on "
      "attendance officers than on anything else.\n\n"
      "Kilnworth's new head, Marcus Bell, said: \"Being ⟦inadequate⟧ is not who we are. I expect us to "
      "be ⟦good⟧ at our next inspection.\"\n\n"
      "The National Education Union said staff at Saxby Road had been \"under enormous pressure\" and "
      "called on the trust to publish its staff turnover figures.",
      [R("good", "Calderbrook Learning Partnership schools", None, "headline; count; 'good or outstanding'",
         note="RS14 'Nine in ten' -> the plural NP; RS15"),
       R("outstanding", "Calderbrook Learning Partnership schools", None, "headline; count; 'good or outstanding'",
         note="RS15"),
       R("good", "schools", "Ofsted", "partitive; passive with agent; 'good or outstanding'",
         alt="Calderbrook Learning Partnership", note="RS14 '19 of its schools'; RS15"),
       R("outstanding", "schools", "Ofsted", "partitive; passive with agent; 'good or outstanding'",
         alt="Calderbrook Learning Partnership", note="RS15"),
       R("outstanding", "Aldercombe Primary Academy", "Ofsted", "list entry", note="RA4; 'made good progress' is a look-alike"),
       R("good", "Brackley Valley Academy", "Ofsted", "list entry", note="RA4"),
       R("requires improvement", "Brackley Valley Academy", None, "list entry; previous rating",
         note="RA4; RS9; RA1: the earlier inspection -> null"),
       R("good", "Eastfield Junior Academy", "Ofsted", "list entry"),
       R("requires improvement", "Westholme Park Academy", "Ofsted", "list entry (bracketed value)"),
       R("inadequate", "Kilnworth Academy and Saxby Road Primary Academy", "Ofsted",
         "coordinated subjects; apposition; partitive; 'both'",
         parts=["Kilnworth Academy", "Saxby Road Primary Academy"], alt="trust's schools",
         note="RS13; the names in apposition to 'Two of the trust's schools'; RA1"),
       R("inadequate", "schools", None, "quoted; partitive; previous rating",
         alt="Calderbrook Learning Partnership", note="RS14; RS1 'our' dropped; RA1 earlier -> null"),
       R("inadequate", "Kilnworth", "Ofsted", "quoted; first-person; person near the rating",
         alt="Kilnworth Academy", note="RS25: the speaker's title names the body in the same sentence; RA1"),
       R("good", "us", "Ofsted", "quoted; first-person; hypothetical (expect)",
         hyp=True, alt="Kilnworth Academy", note="RA9; RS23")]),
]

# END ARTICLES


def build_articles(articles=ARTICLES):
    rows = build(articles)
    for n, row in enumerate(rows, 1):
        row["id"] = f"rc{n:03d}"
    return rows


def words(text: str) -> int:
    return len(text.split())


if __name__ == "__main__":
    rows = build_articles()
    for row in rows:
        n = words(row["text"])
        if not 150 <= n <= 300:
            raise SystemExit(f"{row['id']}: {n} words, not 150-300")
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} articles, {sum(len(r['ratings']) for r in rows)} ratings to {OUT}")
