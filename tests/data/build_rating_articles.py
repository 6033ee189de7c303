"""Build tests/data/rating_articles.jsonl from the articles below.

The second blind challenge set for rating spans and subjects (see README-rating_articles.md): full
news articles (headline line, blank line, body paragraphs) rather than the short passages of
rating_subjects.jsonl. Same format, same marks, same value vocabulary, same decisions (RS1..RS30 in
README-rating_subjects.md) plus the new ones (RA1..) in README-rating_articles.md. Rating spans are
marked ⟦like this⟧ and look-alikes that are NOT ratings ⟪like this⟫; offsets are computed here.

Run:  python tests/data/build_rating_articles.py && python tests/data/check_rating_subjects.py tests/data/rating_articles.jsonl
"""
from __future__ import annotations

import json
from pathlib import Path

from build_rating_subjects import P, R, build

OUT = Path(__file__).with_name("rating_articles.jsonl")

ARTICLES = [
    # 1
    P("school",
      "Primary school celebrates after inspectors' verdict\n\n"
      "Pupils and staff at Marlowick Church of England Primary School were celebrating this week after "
      "a visit from Ofsted.\n\n"
      "The school, which has 312 pupils aged four to 11, was inspected over two days in February. "
      "In a report published on Tuesday, inspectors said pupils were \"happy, safe and keen to learn\".\n\n"
      "The school was rated ⟦good⟧ in all areas, up from ⟦requires improvement⟧ at its last full "
      "inspection in 2021.\n\n"
      "Headteacher Joanna Pellbrook said: \"This is a huge achievement for our whole community. When I "
      "arrived we had a lot of work to do, and I am so proud that the report recognises how far we "
      "have come.\"\n\n"
      "Inspectors noted that reading was taught well from the start of Reception and that behaviour "
      "in lessons was calm. They said leaders should now make sure the curriculum in history and "
      "geography is set out as clearly as it is in mathematics.\n\n"
      "Cllr Dev Ashworth, cabinet member for education at Ruddle Vale Council, said the result was "
      "\"richly deserved\".",
      [R("good", "school", "Ofsted", "grammatical subject (generic NP); rating paragraphs after the name",
         alt="Marlowick Church of England Primary School",
         note="RS5 (2): 'The school' in the rating's sentence; 'in all areas' names no area. RA1: "
              "Ofsted is named two paragraphs earlier"),
       R("requires improvement", "school", "Ofsted", "up from; grammatical subject (generic NP)",
         alt="Marlowick Church of England Primary School", note="RS9: past rating reported as fact")],
),
    # 2
    P("academy trust",
      "Trust's schools given mixed reports\n\n"
      "Two schools run by the Harrowgate Learning Trust have received contrasting verdicts from "
      "Ofsted.\n\n"
      "Pelham Ridge Academy, a secondary in Cobbleton, was judged ⟦inadequate⟧ after inspectors "
      "found that pupils' behaviour was \"frequently disruptive\" and that leaders did not have an "
      "accurate picture of attendance. The academy had been rated ⟦good⟧ in 2018.\n\n"
      "Meanwhile Saltings Junior School, also in the trust, kept its ⟦outstanding⟧ rating.\n\n"
      "The trust's chief executive, Martin Oyelaran, said: \"We accept the findings at Pelham Ridge "
      "in full. We have already appointed a new headteacher and we are confident the academy will "
      "be ⟦good⟧ again at its next inspection.\"\n\n"
      "Parents at Pelham Ridge said they had raised concerns for more than a year. One mother, who "
      "asked not to be named, said: \"It is not a surprise to anyone who has a child there.\"\n\n"
      "Pelham Ridge is expected to be transferred to another trust, as is usual for academies "
      "rated ⟦inadequate⟧.",
      [R("inadequate", "Pelham Ridge Academy", "Ofsted", "grammatical subject; passive 'was judged'",
         note="RS4: 'a secondary in Cobbleton' is an appositive description, outside the subject"),
       R("good", "academy", "Ofsted", "grammatical subject (generic NP); previous rating",
         alt="Pelham Ridge Academy", note="RS5 (2); D37-style past rating as fact"),
       R("outstanding", "Saltings Junior School", "Ofsted", "retained rating; possessive 'its'"),
       R("good", "academy", "Ofsted", "quoted; hypothetical (confident ... will be)", hyp=True,
         alt="Pelham Ridge Academy", note="RS23: expected at the next inspection"),
       R("inadequate", "academies", "Ofsted", "relative clause / reduced relative; generic plural",
         note="RA2: a generic plural 'academies rated inadequate' is a class, not a body; the rating "
              "is a RATING of that class (as RS14 resolves counts to the plural NP)")]),
    # 3
    P("care home",
      "Care home placed in special measures\n\n"
      "A care home in Lindenmoor has been placed in ⟪special measures⟫ by the health and social care "
      "regulator.\n\n"
      "The Care Quality Commission (CQC) rated Oakhallow House ⟦inadequate⟧ overall following an "
      "unannounced inspection in September, when inspectors found residents had been left without "
      "drinks for long periods and that medicines were not always given on time.\n\n"
      "The home, which is run by Bellstone Care Ltd and can accommodate 46 people, was rated "
      "⟦inadequate⟧ for being safe and well-led, and ⟦requires improvement⟧ for being effective, "
      "caring and responsive.\n\n"
      "It was previously rated ⟦good⟧.\n\n"
      "A spokesperson for Bellstone Care said: \"We are deeply disappointed. A new manager has been "
      "in post since October and we are working closely with the CQC and Lindenmoor County "
      "Council.\"\n\n"
      "The council said it had suspended new placements at the home.",
      [R("inadequate", "Oakhallow House", "CQC", "object of rating verb; inspectorate as verb subject",
         note="RS8 'overall'; RS11 acronym introduced in brackets"),
       R("inadequate", "home", "CQC", "grammatical subject (generic NP); aspect-specific; relative clause between",
         aspect="safe; well-led", alt="Oakhallow House",
         note="RS29 key questions as the key word; RS4 'which is run by ...' outside the subject; RA1"),
       R("requires improvement", "home", "CQC", "grammatical subject (generic NP); aspect-specific",
         aspect="effective; caring; responsive", alt="Oakhallow House"),
       R("good", "home", "CQC", "pronoun subject, antecedent in preceding sentence; previous rating",
         alt="Oakhallow House",
         note="RS5 (3): a bare 'It'; the headline names no body ('Care home' is generic), so the "
              "antecedent phrase in the preceding sentence, 'The home'")]),
    # 4
    P("restaurant (food hygiene)",
      "Hygiene ratings: the latest scores for eateries in Thornwick\n\n"
      "Food hygiene inspectors from Thornwick District Council have visited a number of restaurants, "
      "cafés and takeaways in the past month. Here are the latest ratings published by the Food "
      "Standards Agency.\n\n"
      "Bramble & Bean, Market Street: ⟦5⟧\n\n"
      "The Copper Kettle, Mill Lane: ⟦5⟧\n\n"
      "Golden Wok, Station Road: ⟦3⟧\n\n"
      "Kebab Corner, High Street: ⟦1⟧\n\n"
      "Sunny Fried Chicken, Abbey Parade: ⟦0⟧\n\n"
      "A hygiene rating of ⟦zero⟧ means urgent improvement is necessary. Businesses rated ⟦one⟧ must "
      "make major improvements.\n\n"
      "The owner of Kebab Corner, Selim Dargaty, said the rating had been given while the kitchen "
      "was being refitted. \"We have asked for a re-inspection and I expect we will get a ⟦five⟧ "
      "next time,\" he said.\n\n"
      "Scores range from 0 to 5 and businesses are encouraged, but in England not required, to "
      "display their rating.",
      [R("five stars", "Bramble & Bean", "Thornwick District Council", "list entry",
         note="RA4: in a list line 'Name, street: N' the subject is the name without the street (RS4); "
              "RS7 bare number; RS16 the council's officers inspect (named in the intro, RA1)"),
       R("five stars", "Copper Kettle", "Thornwick District Council", "list entry", alt="The Copper Kettle",
         note="RS1 drops the leading 'The' even of a trading name; the whole name is subject_alt"),
       R("three stars", "Golden Wok", "Thornwick District Council", "list entry"),
       R("one star", "Kebab Corner", "Thornwick District Council", "list entry"),
       R("zero stars", "Sunny Fried Chicken", "Thornwick District Council", "list entry"),
       R("zero stars", None, None, "scale description; no subject", 
         note="RA5: a rating used to explain the scale ('a rating of zero means ...') is a RATING with "
              "subject null (no body named)"),
       R("one star", "Businesses", None, "scale description; generic plural",
         note="RA5; RA2"),
       R("five stars", "we", "Thornwick District Council", "quoted; hypothetical (expect); first-person", hyp=True,
         alt="Kebab Corner", note="RS23 expect; RA9")],
      note="'0 to 5' is the scale, not a rating."),
    # 5
    P("council children's services",
      "Children's services improving, says Ofsted\n\n"
      "Children's services at Greythorpe Metropolitan Borough Council have been rated ⟦requires "
      "improvement⟧ by Ofsted, three years after they were judged ⟦inadequate⟧.\n\n"
      "Inspectors said the experience of children in care had improved, with social workers "
      "getting to know families well. However, the service for care leavers was rated "
      "⟦inadequate⟧, and inspectors said too many young people were living in unsuitable "
      "accommodation.\n\n"
      "The council's leader, Cllr Hannah Moult, said: \"We are not complacent. We want to be "
      "⟦outstanding⟧, and this report shows we are on the right road.\"\n\n"
      "The leadership of the service was judged ⟦good⟧.\n\n"
      "The council's director of children's services, Paul Ringrose, who joined in 2022, said staff "
      "turnover had halved. Greythorpe had been one of six councils in the region whose children's "
      "services were rated ⟦inadequate⟧ in 2021.",
      [R("requires improvement", "Children's services at Greythorpe Metropolitan Borough Council", "Ofsted",
         "grammatical subject; 'at' phrase named service; passive with agent",
         alt="Greythorpe Metropolitan Borough Council", note="RS2 named service at a body keeps the phrase"),
       R("inadequate", "Children's services at Greythorpe Metropolitan Borough Council", "Ofsted",
         "pronoun resolved in the same sentence; previous rating",
         note="RS5 (1): 'they' refers to the name in the same sentence -> that name"),
       R("inadequate", "service for care leavers", "Ofsted", "grammatical subject", 
         note="RS4: 'for care leavers' says what the service is, stays"),
       R("outstanding", "We", None, "quoted; hypothetical (want); first-person", hyp=True,
         alt="Greythorpe Metropolitan Borough Council", note="RS23; RA9"),
       R("good", "service", "Ofsted", "grammatical subject (generic NP); aspect", aspect="leadership",
         alt="Children's services at Greythorpe Metropolitan Borough Council",
         note="RA6: 'The leadership of the service was judged good' -> aspect leadership, subject the "
              "'of' body (RS2)"),
       R("inadequate", "children's services", None, "relative clause; possessive 'whose'",
         alt="councils", note="D22 past; 'whose children's services' -> the services of the six councils")]),

    # 6
    P("NHS trust",
      "Hospital trust warned over maternity care\n\n"
      "Maternity services at Kestrelford General Hospital have been rated ⟦inadequate⟧ by the Care "
      "Quality Commission, which said women were waiting too long to be assessed when they arrived "
      "in labour.\n\n"
      "The watchdog also downgraded the maternity unit at the trust's second site, St Aldhelm's "
      "Hospital, from ⟦good⟧ to ⟦requires improvement⟧.\n\n"
      "Overall, Kestrelford and Wendle Hospitals NHS Foundation Trust remains rated ⟦requires "
      "improvement⟧, the same rating it was given in 2022.\n\n"
      "Chief executive Dr Amira Fenwold said: \"We are sorry that some women have not received the "
      "care they deserve. We have recruited 30 more midwives since the inspection.\"\n\n"
      "The CQC said staff in both units were kind and caring, and that the neonatal unit at "
      "Kestrelford General, which was not inspected this time, is still rated ⟦outstanding⟧.\n\n"
      "Local MP Rosalind Teague said she would be meeting the trust's board. \"Mothers in this town "
      "deserve a ⟪good⟫ service, not one that is merely ⟪adequate⟫ on paper,\" she said.",
      [R("inadequate", "Maternity services at Kestrelford General Hospital", "Care Quality Commission",
         "grammatical subject; 'at' phrase named service; passive with agent",
         alt="Kestrelford General Hospital", note="RS2"),
       R("good", "maternity unit at the trust's second site, St Aldhelm's Hospital", "Care Quality Commission",
         "object of rating verb; change from-to; downgraded to",
         alt="St Aldhelm's Hospital",
         note="RS9 the old rating is a fact; RS2 a named service at a body keeps the phrase. RA7: the "
              "subject string runs to the end of the appositive name when 'at X, Name' names the body"),
       R("requires improvement", "maternity unit at the trust's second site, St Aldhelm's Hospital",
         "Care Quality Commission", "object of rating verb; downgraded to", alt="St Aldhelm's Hospital"),
       R("requires improvement", "Kestrelford and Wendle Hospitals NHS Foundation Trust", None,
         "grammatical subject; retained / remains",
         note="'remains rated'; RS10 'the watchdog' is in another paragraph and the rating here is the "
              "trust's overall one: rated_by null is also defensible; kept null (RA1 covers only one inspection)"),
       R("outstanding", "neonatal unit at Kestrelford General", "CQC",
         "relative clause; retained / continues; 'at' phrase named service",
         alt="Kestrelford General",
         note="'is still rated'. 'merely adequate on paper' and 'a good service' in the MP's quote are "
              "descriptions (D20): 'adequate' is left unmarked, 'good' is marked as a look-alike")]),
    # 7
    P("nursery",
      "Nursery 'shocked' by downgrade\n\n"
      "The owners of a nursery in Pellacombe say they are \"shocked and saddened\" after Ofsted "
      "downgraded it from ⟦outstanding⟧ to ⟦inadequate⟧.\n\n"
      "Little Acorns Day Nursery, on Fernside Road, cares for up to 60 children. Inspectors visited "
      "in January after a complaint from a parent.\n\n"
      "Their report says staff did not always follow safeguarding procedures and that some "
      "children's allergies were not recorded. It judged the nursery ⟦inadequate⟧ for leadership "
      "and management and for personal development, behaviour and welfare, and ⟦good⟧ for the "
      "quality of teaching.\n\n"
      "Co-owner Bethan Scarisbrick said: \"For 12 years we were rated ⟦outstanding⟧ and we have never "
      "had a complaint upheld. We intend to challenge the report.\"\n\n"
      "Ofsted said it would visit again within six months. Nurseries judged ⟦inadequate⟧ can be "
      "removed from the early years register if they do not improve.",
      [R("outstanding", "nursery in Pellacombe", "Ofsted",
         "pronoun object, antecedent in same sentence; change from-to; person near the rating",
         alt="Little Acorns Day Nursery",
         note="RS5 (1): 'it' refers to 'a nursery in Pellacombe' in the same sentence; RA8: a place "
              "phrase that is the only identification of an unnamed body stays ('nursery in "
              "Pellacombe'), unlike RS4 after a name"),
       R("inadequate", "nursery in Pellacombe", "Ofsted", "pronoun object; downgraded to",
         alt="Little Acorns Day Nursery", note="RA8"),
       R("inadequate", "nursery", "Ofsted", "object of rating verb (generic NP); aspect-specific",
         aspect="leadership and management; personal development, behaviour and welfare",
         alt="Little Acorns Day Nursery", note="'It' (the report) judged; RS5 (2)"),
       R("good", "nursery", "Ofsted", "object of rating verb (generic NP); aspect-specific",
         aspect="quality of teaching", alt="Little Acorns Day Nursery"),
       R("outstanding", "we", None, "quoted; first-person; previous rating",
         alt="Little Acorns Day Nursery",
         note="D22 past rating as fact; RA9"),
       R("inadequate", "Nurseries", "Ofsted", "relative clause / reduced relative; generic plural",
         note="RA2")]),
    # 8
    P("care home",
      "Three care homes in Dunnerholme rated by watchdog\n\n"
      "The Care Quality Commission has published reports on three care homes in the Dunnerholme "
      "area this month.\n\n"
      "Willowbank Court, in Hasket, was rated ⟦good⟧ overall and ⟦outstanding⟧ for being caring. "
      "Inspectors said residents were treated \"with great warmth\".\n\n"
      "Ferncliffe Manor, a nursing home run by Corvane Healthcare, was rated ⟦requires "
      "improvement⟧. Inspectors found call bells were not always answered promptly at night.\n\n"
      "The Hollies, a small residential home in Amberlow, kept its ⟦good⟧ rating.\n\n"
      "None of the three was rated ⟦inadequate⟧.\n\n"
      "Dunnerholme Borough Council, which funds places at all three homes, said it welcomed the "
      "reports. A spokesman said: \"It is reassuring that the majority of homes in the borough are "
      "now rated ⟦good⟧ or ⟦outstanding⟧.\"",
      [R("good", "Willowbank Court", "Care Quality Commission", "grammatical subject; list of bodies",
         note="RS4 'in Hasket' outside; RA1 the CQC named in the intro"),
       R("outstanding", "Willowbank Court", "Care Quality Commission", "grammatical subject; aspect-specific",
         aspect="caring", note="RS29"),
       R("requires improvement", "Ferncliffe Manor", "Care Quality Commission", "grammatical subject; list of bodies",
         note="RS4: the appositive description is outside the subject"),
       R("good", "Hollies", "Care Quality Commission", "retained rating; possessive 'its'", alt="The Hollies",
         note="RS1 drops 'The' of a name; the whole name is subject_alt"),
       R("inadequate", "three", "Care Quality Commission", "negated; partitive / count", neg=True,
         alt="care homes",
         note="RS22 'None of ... is rated'; RS14 would resolve the count to the plural noun phrase, "
              "but the sentence has only 'the three' -> RA10: a bare numeral as the partitive's head is "
              "kept as written, the plural NP it counts is subject_alt"),
       R("good", "homes in the borough", "Care Quality Commission", "quoted; partitive / count",
         note="RS14 'the majority of homes' -> the plural NP; RA8: the place phrase identifies the "
              "unnamed set and stays; RS15"),
       R("outstanding", "homes in the borough", "Care Quality Commission", "quoted; partitive / count",
         note="RS15")]),
    # 9
    P("police force",
      "Force told to improve its response to 999 calls\n\n"
      "Inspectors have found that Marrowdale Police is failing to answer emergency calls quickly "
      "enough.\n\n"
      "In its latest PEEL report, His Majesty's Inspectorate of Constabulary and Fire & Rescue "
      "Services (HMICFRS) graded the force ⟦inadequate⟧ at responding to the public and ⟦requires "
      "improvement⟧ at investigating crime. It was judged ⟦good⟧ at preventing crime and at "
      "treating the public fairly.\n\n"
      "The force was graded ⟦adequate⟧ in the remaining five areas.\n\n"
      "Chief Constable Simon Abernethy said: \"I am disappointed that we have not been graded "
      "⟦good⟧ for our response to the public, and I accept that we have more to do.\"\n\n"
      "Police and crime commissioner Fiona Lathbury said she would hold the chief constable to "
      "account. In 2021 the force was one of only four in England and Wales rated ⟦good⟧ in every "
      "area.",
      [R("inadequate", "force", "HMICFRS", "object of rating verb (generic NP); aspect-specific",
         aspect="responding to the public", alt="Marrowdale Police", note="RS5 (2); RS11"),
       R("requires improvement", "force", "HMICFRS", "object of rating verb (generic NP); aspect-specific",
         aspect="investigating crime", alt="Marrowdale Police"),
       R("good", "force", "HMICFRS", "pronoun subject, antecedent in preceding sentence; aspect-specific",
         aspect="preventing crime; treating the public fairly", alt="Marrowdale Police",
         note="RS5 (3): 'It'; the headline names only 'Force' (generic) -> the antecedent 'the force'"),
       R("adequate", "force", "HMICFRS", "grammatical subject (generic NP)", alt="Marrowdale Police",
         note="'the remaining five areas' names no area: aspect null"),
       R("good", "we", "HMICFRS", "quoted; negated; first-person", neg=True, aspect="response to the public",
         alt="Marrowdale Police", note="RS22 'not been graded'; RA9"),
       R("good", "force", None, "grammatical subject (generic NP); partitive / count",
         alt="Marrowdale Police",
         note="'the force was one of only four ... rated good' -> the force (the rated one of the four)")]),
    # 10
    P("school",
      "Ofsted: village school '⟦requires improvement⟧'\n\n"
      "A village primary school near Hobley has been told it must improve after its first full "
      "inspection in nine years.\n\n"
      "Sallowfield Primary School, which has 94 pupils, had been rated ⟦outstanding⟧ in 2014, which "
      "meant it was exempt from routine inspection until the rules changed.\n\n"
      "In a report published on Friday, Ofsted said the quality of education was ⟦requires "
      "improvement⟧, although behaviour and attitudes were ⟦good⟧ and personal development was also "
      "⟦good⟧.\n\n"
      "Inspectors said the curriculum in some subjects was not planned in enough detail, and that "
      "pupils in mixed-age classes sometimes repeated work.\n\n"
      "Chair of governors Malcolm Threadgold said: \"We are obviously disappointed to lose the "
      "⟦outstanding⟧ grade, but the report is fair. Parents should know that the inspectors saw a "
      "happy school where children feel safe.\"\n\n"
      "Schools that were rated ⟦outstanding⟧ before 2020 are now being re-inspected, and many have "
      "been downgraded.",
      [R("requires improvement", "village school", "Ofsted", "headline; quoted; generic NP",
         alt="Sallowfield Primary School",
         note="RS5 (2): the headline names the body only by a generic phrase, which is the subject; "
              "the name from the body is subject_alt"),
       R("outstanding", "Sallowfield Primary School", None, "grammatical subject; previous rating",
         note="RA1 does not reach back: Ofsted is not yet named above this rating"),
       R("requires improvement", "Sallowfield Primary School", "Ofsted", "aspect-specific; subject in a preceding sentence",
         aspect="quality of education",
         note="RS2: 'the quality of education' is the area; the sentence names no body -> RS5 (3): the "
              "antecedent named in the preceding paragraph"),
       R("good", "Sallowfield Primary School", "Ofsted", "aspect-specific; subject in a preceding sentence",
         aspect="behaviour and attitudes"),
       R("good", "Sallowfield Primary School", "Ofsted", "aspect-specific; subject in a preceding sentence",
         aspect="personal development"),
       R("outstanding", "we", "Ofsted", "quoted; lost rating; first-person", alt="Sallowfield Primary School",
         note="RS18 'lose the outstanding grade' reports a held rating; RA9"),
       R("outstanding", "Schools", None, "relative clause; generic plural", note="RA2")]),
    # 11
    P("GP surgery",
      "GP practice taken over after '⟦inadequate⟧' verdict\n\n"
      "A GP practice in Crowmarsh St Ives has been taken over by a neighbouring group after the Care "
      "Quality Commission found patients were put at risk.\n\n"
      "The CQC rated Tanners Lane Medical Centre ⟦inadequate⟧ in June and placed it in ⟪special "
      "measures⟫. Inspectors said prescriptions for high-risk medicines were not reviewed and that "
      "test results had gone unread for weeks.\n\n"
      "From next month the practice will be run by Riverside Health Partnership, which runs three "
      "surgeries in the town. All three are rated ⟦good⟧.\n\n"
      "Patient group chairman Derek Hollis said: \"Nobody wanted this, but the practice could not "
      "carry on as it was. We hope that within a year it will be rated ⟦good⟧ like the others.\"\n\n"
      "A spokeswoman for the local integrated care board said it had \"every confidence\" in the new "
      "provider. The ⟪good⟫ news, she added, was that no patient would need to register elsewhere.",
      [R("inadequate", "GP practice", None, "headline; quoted; generic NP", alt="Tanners Lane Medical Centre",
         note="D17 span without quote marks; RS5 (2) generic headline phrase"),
       R("inadequate", "Tanners Lane Medical Centre", "CQC", "object of rating verb; inspectorate as verb subject"),
       R("good", "surgeries", "CQC", "partitive / count; subject in a preceding sentence",
         alt="Riverside Health Partnership",
         note="RS14: 'All three' counts 'three surgeries' in the sentence before -> 'surgeries'"),
       R("good", "practice", "CQC", "quoted; hypothetical (hope); pronoun 'it', antecedent in preceding sentence",
         hyp=True, alt="Tanners Lane Medical Centre",
         note="RS23 hope; RS5 (3): 'it' -> 'the practice' in the sentence before, in the same quote")]),

    # 12
    P("council adult social care",
      "PRESS RELEASE: Council welcomes adult social care assessment\n\n"
      "Askerby County Council has welcomed the publication of the Care Quality Commission's "
      "assessment of its adult social care services.\n\n"
      "The council's adult social care services were rated ⟦good⟧, making Askerby one of the first "
      "councils in the region to receive the rating under the new assessment framework.\n\n"
      "The CQC's report highlights the council's work with unpaid carers, which it described as "
      "\"a real strength\". The assessment looked at four themes. The council scored well on "
      "working with people and providing support, and was rated as needing to improve on ensuring "
      "safety.\n\n"
      "Cllr Priya Duddlestone, cabinet member for adult social care, said: \"For Askerby to be rated ⟦good⟧ is "
      "a testament to our staff. We will not rest until we are ⟦outstanding⟧.\"\n\n"
      "Neighbouring Wexcombe Council was rated ⟦requires improvement⟧ in the same round of "
      "assessments.\n\n"
      "ENDS\n\n"
      "Notes to editors: The CQC assesses councils on a four-point scale: ⟦outstanding⟧, ⟦good⟧, "
      "⟦requires improvement⟧ and ⟦inadequate⟧.",
      [R("good", "council's adult social care services", "Care Quality Commission",
         "grammatical subject; possessive", alt="Askerby County Council", note="RS3; RA1"),
       R("good", "Askerby", "Care Quality Commission", "quoted; grammatical subject",
         alt="Askerby County Council",
         note="the short name in the quote; 'rated as needing to improve' is a paraphrase, not the "
              "grade's words: not a span"),
       R("outstanding", "We", None, "quoted; first-person; hypothetical; negated-looking ('will not rest until')",
         hyp=True, alt="Askerby County Council", note="RA9; RS23 aim; not negated: the negation is of 'rest'"),
       R("requires improvement", "Wexcombe Council", "Care Quality Commission", "grammatical subject; comparison with a neighbour",
         note="RS1/RS4: 'Neighbouring' is a modifier, not a determiner, but it describes rather than "
              "names; RA12: a leading describing adjective before a name ('Neighbouring', 'nearby') is "
              "dropped like a determiner"),
       R("outstanding", None, "CQC", "scale description; no subject", note="RA5"),
       R("good", None, "CQC", "scale description; no subject", note="RA5"),
       R("requires improvement", None, "CQC", "scale description; no subject", note="RA5"),
       R("inadequate", None, "CQC", "scale description; no subject", note="RA5")]),
    # 13
    P("takeaway (food hygiene)",
      "Takeaway given hygiene rating of ⟦one⟧ after mouse droppings found\n\n"
      "A takeaway in Stowford has been given a food hygiene rating of ⟦one⟧ after inspectors found "
      "mouse droppings behind a fridge.\n\n"
      "Environmental health officers from Stowford and Larch Valley District Council visited Pizza "
      "Palazzo on Brook Street in August. Their report, obtained by this newspaper, says raw chicken "
      "was stored above salad and that staff had not been trained.\n\n"
      "The business was previously rated ⟦four⟧.\n\n"
      "Owner Tariq Benoudi said the problem had been fixed within 48 hours. \"We are a family "
      "business and we take hygiene very seriously,\" he said. \"We were a ⟦four-star⟧ takeaway for "
      "six years.\"\n\n"
      "Two doors away, Mama Lina's Kitchen has a ⟦5 star⟧ rating, and the Brook Street Chippy has ⟦three "
      "stars⟧.\n\n"
      "The council said a rating of ⟦zero⟧ would have been given if the premises had needed to close. "
      "Pizza Palazzo has asked for a re-visit.",
      [R("one star", "Takeaway", None, "headline; generic NP", alt="Pizza Palazzo",
         note="RS1: no determiner in the headline; RS5 (2); RS7 number word"),
       R("one star", "takeaway in Stowford", None, "object of 'given'; generic NP", alt="Pizza Palazzo",
         note="RA8: the place phrase identifies the unnamed body; 'inspectors' only (RS10)"),
       R("four stars", "business", "Stowford and Larch Valley District Council", "grammatical subject (generic NP); previous rating",
         alt="Pizza Palazzo", note="RS16 council's officers named in the paragraph before (RA1); RS9"),
       R("four stars", "We", None, "quoted; first-person; '-star' compound / pre-modifier",
         alt="Pizza Palazzo",
         note="RA9: the quote's sentence names no body; RS6 the span is the star words before the noun"),
       R("five stars", "Mama Lina's Kitchen", None, "possessive verb 'has'; number with 'star'",
         note="'5 star' -> five stars"),
       R("three stars", "Brook Street Chippy", None, "possessive verb 'has'; coordinated clause"),
       R("zero stars", None, "council", "hypothetical; counterfactual; no subject", hyp=True,
         alt="Pizza Palazzo",
         note="RS24 counterfactual; the premises are 'the premises' -> RA13: a hypothetical scale "
              "statement names no subject ('a rating of zero would have been given if ...') -> null")]),

    # 14
    P("mental health service",
      "Mental health wards rated ⟦inadequate⟧ as trust promises action\n\n"
      "Two acute wards for adults at Hallowby Mental Health NHS Foundation Trust have been rated "
      "⟦inadequate⟧ following an inspection prompted by concerns from staff.\n\n"
      "The Care Quality Commission visited Larkspur Ward and Thrift Ward at the trust's Brennand "
      "Unit in May. Inspectors found that patients were often restrained by staff who had not "
      "completed training, and that the wards were frequently short of nurses.\n\n"
      "The trust's community mental health services for older people were rated ⟦good⟧, and its "
      "child and adolescent mental health wards, inspected at the same time, were rated "
      "⟦outstanding⟧ for being caring.\n\n"
      "The trust as a whole remains rated ⟦requires improvement⟧.\n\n"
      "Chief nurse Gillian Marsham said: \"These findings are not acceptable and I apologise to "
      "patients and their families. We have already made changes on both wards.\"\n\n"
      "Campaigners had warned that the wards risked being rated ⟦inadequate⟧ after a series of "
      "incidents last year. Hallowby's ⟪good⟫ record on community care, they said, had masked "
      "problems on its wards.",
      [R("inadequate", "Mental health wards", None, "headline; grammatical subject",
         alt="acute wards for adults at Hallowby Mental Health NHS Foundation Trust", note="RS5 (2)"),
       R("inadequate", "acute wards for adults at Hallowby Mental Health NHS Foundation Trust", None,
         "grammatical subject; 'at' phrase named service; count",
         alt="Hallowby Mental Health NHS Foundation Trust",
         note="RS2 named service at a body; RS1 drops the leading numeral 'Two'; RS4 'for adults' says "
              "what the service is"),
       R("good", "trust's community mental health services for older people", "Care Quality Commission",
         "grammatical subject; possessive", alt="Hallowby Mental Health NHS Foundation Trust",
         note="RS3; RA1: the CQC named in the paragraph before"),
       R("outstanding", "child and adolescent mental health wards", "Care Quality Commission",
         "grammatical subject; aspect-specific; coordinated clause", aspect="caring",
         alt="Hallowby Mental Health NHS Foundation Trust", note="RS1 'its' dropped; RS29"),
       R("requires improvement", "trust", "Care Quality Commission", "grammatical subject (generic NP); retained / continues",
         alt="Hallowby Mental Health NHS Foundation Trust",
         note="RS5 (2); 'as a whole' is the overall rating (RS8)"),
       R("inadequate", "wards", None, "hypothetical (risked being); generic NP; feared in the past", hyp=True,
         alt="acute wards for adults at Hallowby Mental Health NHS Foundation Trust",
         note="RS23 'at risk of being'; 'Hallowby's good record' is a description (D20)")]),
    # 15
    P("school",
      "Tale of two schools as Ofsted visits Cressingham\n\n"
      "Two secondary schools less than a mile apart in Cressingham have received very different "
      "Ofsted reports.\n\n"
      "Harefield Park Academy was rated ⟦outstanding⟧ in every category, a first for a school in "
      "the town. Its sixth form was singled out for praise.\n\n"
      "But St Bartram's Catholic High School, which was ⟦good⟧ at its last inspection, has dropped "
      "to ⟦requires improvement⟧. Inspectors said pupils at St Bartram's were not making ⟪good⟫ "
      "progress in science and languages, and that attendance was too low.\n\n"
      "The two schools have often been compared. Harefield Park's headteacher, Alan Petrou, said: "
      "\"We have a lot of respect for colleagues at St Bartram's. Their staff work incredibly hard "
      "and I am sure they will be back to ⟦good⟧ very soon.\"\n\n"
      "St Bartram's head, Margaret Oduya, said the school had been without a permanent science "
      "teacher for two years. \"The report does not reflect everything that is ⟪good⟫ about our "
      "school,\" she said. \"We were one mark away from ⟦good⟧.\"\n\n"
      "Hamblin Diocese, which oversees St Bartram's, said it was disappointed.",
      [R("outstanding", "Harefield Park Academy", "Ofsted", "grammatical subject; comparison",
         note="'in every category' names no area; RA1 Ofsted in the intro"),
       R("good", "St Bartram's Catholic High School", "Ofsted", "relative clause; previous rating",
         note="RS4: the relative clause is outside the subject, but the rating in it is of the name"),
       R("requires improvement", "St Bartram's Catholic High School", "Ofsted", "grammatical subject; change from-to; up from"),
       R("good", "they", "Ofsted", "quoted; hypothetical (sure ... will be); pronoun; comparison", hyp=True,
         alt="St Bartram's",
         note="RS23; 'they' is third person: RS5 (1) the same sentence names no body ('Their staff'), "
              "the sentence before names 'St Bartram's' (as place of colleagues) -> RA14: a third-person "
              "pronoun whose only antecedent is a person group ('colleagues', 'staff') keeps the pronoun "
              "and the body is subject_alt"),
       R("good", "We", "Ofsted", "quoted; negated (one mark away from); first-person", neg=True,
         alt="St Bartram's Catholic High School",
         note="RA9; RA15: 'one mark away from good' says the rating was not given: negated")]),
    # 16
    P("children's home",
      "Children's home closes after ⟦inadequate⟧ rating\n\n"
      "A children's home in Upper Wickstead has closed after it was judged ⟦inadequate⟧ for the "
      "second time in a year.\n\n"
      "Ofsted inspectors visited Meadow View, run by the private provider Brightpath Children's "
      "Services, in October and found that staff had failed to report two children going missing. "
      "The home had been rated ⟦requires improvement⟧ at its previous full inspection and "
      "⟦inadequate⟧ at an interim visit in spring.\n\n"
      "Brightpath, which runs 14 homes across the region, said the closure was \"a decision taken in "
      "the best interests of the young people\". Eleven of its homes are rated ⟦good⟧ and one is "
      "rated ⟦outstanding⟧, it said.\n\n"
      "Wickstead Borough Council, which had placed one child at Meadow View, said it had been "
      "\"extremely concerned\" about the home. The council's own children's homes are all rated "
      "⟦good⟧ or better.\n\n"
      "The council's fostering service, which was not inspected this year, was last rated "
      "⟦outstanding⟧ in 2019.",
      [R("inadequate", "Children's home", None, "headline; rating as noun modifier; generic NP",
         alt="Meadow View", note="RS5 (2)"),
       R("inadequate", "children's home in Upper Wickstead", None, "pronoun 'it' resolved in the same sentence; headline present",
         alt="Meadow View", note="RS5 (1); RA8"),
       R("requires improvement", "home", "Ofsted", "grammatical subject (generic NP); previous rating",
         alt="Meadow View", note="RS5 (2); RA1; RS30 'Ofsted inspectors'"),
       R("inadequate", "home", "Ofsted", "grammatical subject (generic NP); coordinated ratings",
         alt="Meadow View"),
       R("good", "homes", None, "partitive / count; possessive 'its'", alt="Brightpath",
         note="RS14: 'Eleven of its homes' -> 'homes'"),
       R("outstanding", "homes", None, "partitive / count; subject in the same sentence ('one')",
         alt="Brightpath", note="RS14: 'one' counts 'its homes'"),
       R("good", "council's own children's homes", None, "grammatical subject; possessive; 'or better'",
         alt="Wickstead Borough Council",
         note="RS3; RA16: 'good or better' is a span 'good' (not hypothetical); the 'or better' is not a span"),
       R("outstanding", "council's fostering service", None, "grammatical subject; possessive; previous rating; relative clause",
         alt="Wickstead Borough Council", note="RS3; 'was last rated' past fact")]),

    # 17
    P("college",
      "FE Focus: Ofsted upgrades Brindle Vale College\n\n"
      "Brindle Vale College has been judged ⟦good⟧ by Ofsted, two years after the general further "
      "education college was told it ⟦required improvement⟧.\n\n"
      "The college, which has around 4,800 learners on campuses in Ashby Brindle and Tolworth Cross, "
      "was rated ⟦good⟧ for education programmes for young people and for adult learning "
      "programmes. Its apprenticeships were judged ⟦requires improvement⟧, with inspectors saying "
      "too many apprentices did not complete their programmes on time.\n\n"
      "Provision for learners with high needs was rated ⟦outstanding⟧.\n\n"
      "Principal Nkechi Armitage said: \"Getting to ⟦good⟧ was our target and we have done it. "
      "The next step is apprenticeships.\"\n\n"
      "The college's ⟪Goodridge⟫ campus, which opened last year, was not part of the inspection.\n\n"
      "Brindle Vale is one of 11 colleges in the group of colleges that merged with Tolworth Cross "
      "College in 2020; the former Tolworth Cross College had been rated ⟦inadequate⟧ before the "
      "merger.",
      [R("good", "Brindle Vale College", "Ofsted", "headline present; grammatical subject; passive with agent"),
       R("requires improvement", "Brindle Vale College", "Ofsted",
         "pronoun 'it' resolved in the same sentence; previous rating", alt="general further education college",
         note="RS5 (1): 'it' -> 'the general further education college' -> the name in the same sentence; "
              "'required improvement' -> requires improvement"),
       R("good", "college", "Ofsted", "grammatical subject (generic NP); aspect-specific; relative clause between",
         aspect="education programmes for young people; adult learning programmes", alt="Brindle Vale College"),
       R("requires improvement", "apprenticeships", "Ofsted", "grammatical subject; possessive 'Its'",
         alt="Brindle Vale College",
         note="RA18: a provision type named as the subject ('Its apprenticeships') is the subject (a "
              "named service, RS2), not an aspect"),
       R("outstanding", "Brindle Vale College", "Ofsted", "aspect-specific; generic head; subject in a preceding sentence",
         aspect="Provision for learners with high needs", alt="Provision for learners with high needs",
         note="RS2: a generic head 'Provision for ...' is the aspect; the body from the context (RS5 (3))"),
       R("good", "we", None, "quoted; first-person", alt="Brindle Vale College",
         note="RA9: 'Getting to good was our target and we have done it' -> 'we'"),
       R("inadequate", "former Tolworth Cross College", None, "grammatical subject; previous rating",
         alt="Tolworth Cross College",
         note="RA19: 'former' stays in the subject (it says which body, not a determiner)")]),
    # 18
    P("restaurant (food hygiene)",
      "Restaurant owner fined after ⟦zero⟧ hygiene rating\n\n"
      "The owner of a restaurant in Castlebeck has been fined £6,000 after food safety officers found "
      "cockroaches in the kitchen.\n\n"
      "Magistrates heard that The Spice Lantern, on Quay Street, was given a ⟦zero⟧ food hygiene "
      "rating by Castlebeck City Council in March last year. It was closed voluntarily for a week.\n\n"
      "At a follow-up visit the restaurant was awarded ⟦three⟧ stars, and it now has a rating of "
      "⟦four⟧, the court was told.\n\n"
      "Owner Anwar Miah, 52, pleaded guilty to four offences. His solicitor said Mr Miah had "
      "\"learned a hard lesson\" and had spent £20,000 on a new kitchen.\n\n"
      "Councillor Ruth Enderby, who chairs the council's licensing committee, said: \"Most food "
      "businesses in Castlebeck are rated ⟦four⟧ or ⟦five⟧, and customers have a right to expect "
      "that standard.\"\n\n"
      "The council said the restaurant had not been rated ⟦five⟧ at any inspection since it opened "
      "in 2015.",
      [R("zero stars", "Restaurant owner", None, "headline; rating as pre-modifier",
         alt="Spice Lantern",
         note="RA20: in 'X fined after zero hygiene rating' the only NP is the owner; the rated body is "
              "the restaurant, so subject_alt is the name; the headline phrase is kept as written (RS5 (2))"),
       R("zero stars", "Spice Lantern", "Castlebeck City Council", "grammatical subject; passive with agent",
         alt="The Spice Lantern", note="RS1; RS16; RS7"),
       R("three stars", "restaurant", "Castlebeck City Council", "grammatical subject (generic NP)",
         alt="The Spice Lantern", note="RA1"),
       R("four stars", "restaurant", "Castlebeck City Council", "pronoun 'it' resolved in the same sentence",
         alt="The Spice Lantern", note="RS5 (1): 'it' -> 'the restaurant' in the same sentence"),
       R("four stars", "food businesses in Castlebeck", "Castlebeck City Council", "quoted; partitive / count",
         note="RS14 'Most food businesses'; RA8 the place phrase identifies the set; RS15"),
       R("five stars", "food businesses in Castlebeck", "Castlebeck City Council", "quoted; partitive / count"),
       R("five stars", "restaurant", "council", "negated; grammatical subject (generic NP)", neg=True,
         alt="The Spice Lantern", note="RS22 'had not been rated'")]),

    # 19
    P("council children's services",
      "Six councils still failing children, analysis shows\n\n"
      "Six councils in England still have children's services rated ⟦inadequate⟧ by Ofsted, "
      "according to an analysis of inspection reports by this newspaper.\n\n"
      "They include Brackley Moor Council, whose services have been rated ⟦inadequate⟧ at three "
      "inspections in a row, and Sennet Vale Council, which was downgraded from ⟦requires "
      "improvement⟧ last month.\n\n"
      "At the other end of the scale, 19 councils have children's services rated ⟦outstanding⟧, up "
      "from 11 five years ago. Among them is Oxleigh Borough Council, which moved up from ⟦good⟧.\n\n"
      "The Local Government Association said councils were under \"enormous pressure\". A spokesman "
      "said: \"No council wants to be rated ⟦inadequate⟧, and the vast majority are working "
      "flat out to improve.\"\n\n"
      "Sennet Vale's director of children's services, Imogen Tarrant, said she was confident the "
      "council would not be judged ⟦inadequate⟧ again at its next inspection. \"The improvement is "
      "already visible,\" she said.",
      [R("inadequate", "children's services", "Ofsted", "object of 'have'; partitive / count; headline present",
         alt="councils",
         note="RA21: 'N councils have X rated R' -> the subject is the rated services, the councils are "
              "subject_alt (RS14 counts resolve to the plural NP)"),
       R("inadequate", "services", "Ofsted", "relative clause; possessive 'whose'",
         alt="Brackley Moor Council", note="RA1; 'whose services' -> 'services'"),
       R("requires improvement", "Sennet Vale Council", "Ofsted", "relative clause; change from-to; downgraded",
         note="RS9"),
       R("outstanding", "children's services", "Ofsted", "object of 'have'; partitive / count",
         alt="councils", note="RA21"),
       R("good", "Oxleigh Borough Council", "Ofsted", "relative clause; up from", note="RS9"),
       R("inadequate", "council", None, "quoted; negated-looking; hypothetical; generic", hyp=True,
         note="'No council wants to be rated inadequate': RA22: a rating nobody holds, stated as "
              "a wish not to get it, is hypothetical, not negated; subject the quantified NP 'council'"),
       R("inadequate", "council", "Ofsted", "negated; hypothetical; grammatical subject (generic NP)",
         neg=True, hyp=True, alt="Sennet Vale Council",
         note="'confident ... would not be judged inadequate again' -> RS23 expected and RS22 not given")]),
    # 20
    P("home-care agency",
      "Home care firm rated ⟦outstanding⟧ in every area\n\n"
      "A home care agency that supports more than 200 people in Pinchford and the surrounding "
      "villages has been rated ⟦outstanding⟧ in all five areas by the Care Quality Commission.\n\n"
      "Kindred Care at Home was praised by inspectors for its \"person-centred\" approach. It was "
      "found to be ⟦outstanding⟧ at being safe, effective, caring, responsive and well-led.\n\n"
      "Managing director Colin Ferraby said: \"When we started the business in a spare bedroom in "
      "2012 we dreamed of being rated ⟦outstanding⟧. To achieve it in every area is beyond our "
      "wildest dreams.\"\n\n"
      "Only around one in twenty home care services nationally are rated ⟦outstanding⟧, according to "
      "the CQC. The agency was previously rated ⟦good⟧.\n\n"
      "The firm has ⟪outstanding⟫ vacancies for care workers and is recruiting.",
      [R("outstanding", "Home care firm", None, "headline; grammatical subject", alt="Kindred Care at Home",
         note="RS5 (2): headline's generic phrase; RS1 no determiner"),
       R("outstanding", "home care agency", "Care Quality Commission", "grammatical subject; relative clause between",
         alt="Kindred Care at Home",
         note="'in all five areas' names none; RS4 the relative clause is outside"),
       R("outstanding", "Kindred Care at Home", "Care Quality Commission",
         "pronoun subject, antecedent in preceding sentence; aspect-specific",
         aspect="safe; effective; caring; responsive; well-led",
         note="RS5 (3): the headline names only a generic phrase, so the antecedent 'Kindred Care at "
              "Home' in the sentence before; RS29; D21 one span for several areas"),
       R("outstanding", "we", None, "quoted; first-person; hypothetical (dreamed of)", hyp=True,
         alt="Kindred Care at Home", note="RA9; RS23"),
       R("outstanding", "home care services", "CQC", "partitive / count",
         note="RS14 'one in twenty home care services'"),
       R("good", "agency", "CQC", "grammatical subject (generic NP); previous rating",
         alt="Kindred Care at Home", note="'outstanding vacancies' is another sense: a look-alike")]),

    # 21
    P("hospice",
      "Hospice keeps top rating despite funding squeeze\n\n"
      "St Wenna's Hospice in Carrow Bay has kept its ⟦outstanding⟧ rating from the Care Quality "
      "Commission, even as it warns it may have to close beds.\n\n"
      "The hospice, which cares for around 900 patients a year, was inspected in July. The CQC "
      "report describes its end-of-life care as \"exceptional\".\n\n"
      "Chief executive Lorna Haddock said the charity needed to raise £4m a year. \"Being rated "
      "⟦outstanding⟧ does not pay the bills,\" she said. \"If we have to cut services, I fear we "
      "could be rated ⟦requires improvement⟧ next time, and that would be a tragedy for this "
      "community.\"\n\n"
      "Nearby Ellerdyke Hospice, which is run by a different charity, was rated ⟦good⟧ last year.\n\n"
      "Local GP Dr Samuel Ainscow, who refers patients to both hospices, said: \"The care at St "
      "Wenna's is second to none. It is no surprise to me it is ⟦outstanding⟧.\"",
      [R("outstanding", "St Wenna's Hospice", "Care Quality Commission", "retained rating; possessive 'its'",
         note="RS4 'in Carrow Bay' outside"),
       R("outstanding", "St Wenna's Hospice", None, "quoted; gerund 'Being rated'; subject in a preceding sentence",
         alt="charity",
         note="RA23: a rating in a quote with no body and no pronoun takes the article's body (the "
              "name in the first paragraph); the speaker's 'charity' is subject_alt"),
       R("requires improvement", "we", None, "quoted; hypothetical (fear ... could be); first-person", hyp=True,
         alt="St Wenna's Hospice", note="RA9; RS23"),
       R("good", "Ellerdyke Hospice", None, "grammatical subject; comparison with a neighbour; relative clause",
         note="RA12 'Nearby' dropped; RS4 relative clause outside"),
       R("outstanding", "St Wenna's", None, "quoted; pronoun 'it' resolved in a preceding sentence",
         alt="St Wenna's Hospice",
         note="RS5 (3): 'it' -> 'St Wenna's' in the sentence before (RS2: 'The care at St Wenna's' -> the body)")]),
    # 22
    P("school",
      "Council statement on Ofsted report for Dimmock Lane Primary\n\n"
      "Fenmarsh Council is aware of the Ofsted report published today for Dimmock Lane Primary "
      "School, a community school maintained by the council.\n\n"
      "We are pleased that the school has avoided an ⟦inadequate⟧ judgement. The school has been "
      "judged ⟦requires improvement⟧ overall, with ⟦good⟧ judgements for behaviour and attitudes "
      "and for early years provision.\n\n"
      "The council has provided additional support to the school since its previous inspection, "
      "when it was graded ⟦inadequate⟧ for leadership and management.\n\n"
      "We are confident that the school will be judged at least ⟦good⟧ at its next inspection. The "
      "council's school improvement team will continue to work closely with the new headteacher, "
      "Mrs Kaur, and the governing body.\n\n"
      "Parents with questions can contact the school office. The council does not comment on "
      "individual staffing matters.",
      [R("inadequate", "school", "Ofsted", "negated (avoided); grammatical subject (generic NP)", neg=True,
         alt="Dimmock Lane Primary School", note="RS22; RA1"),
       R("requires improvement", "school", "Ofsted", "grammatical subject (generic NP)",
         alt="Dimmock Lane Primary School", note="RS8"),
       R("good", "school", "Ofsted", "aspect-specific; 'with ... judgements' phrase",
         aspect="behaviour and attitudes; early years provision", alt="Dimmock Lane Primary School",
         note="D21 one span, two areas"),
       R("inadequate", "school", "Ofsted", "pronoun 'it' resolved in the same sentence; previous rating; aspect-specific",
         aspect="leadership and management", alt="Dimmock Lane Primary School",
         note="RS5 (1)/(2): 'it' -> 'the school' in the same sentence"),
       R("good", "school", None, "hypothetical (confident ... will be); 'at least'", hyp=True,
         alt="Dimmock Lane Primary School", note="RS23; 'at least' is outside the span")]),
    # 23
    P("prison",
      "Prison education rated ⟦inadequate⟧ for third time\n\n"
      "Education and training at HMP Gorsemoor have been judged ⟦inadequate⟧ by Ofsted for the third "
      "inspection running, a joint report with HM Inspectorate of Prisons has found.\n\n"
      "The category C jail holds about 850 men. Ofsted inspectors found that fewer than a third of "
      "prisoners were in education, work or training at any time.\n\n"
      "Ofsted graded the prison ⟦inadequate⟧ for quality of education and for leadership and "
      "management, and ⟦requires improvement⟧ for personal development.\n\n"
      "The prisons inspectorate, which does not use Ofsted's grades, gave the jail its lowest score "
      "of one for purposeful activity.\n\n"
      "A Prison Service spokesperson said: \"We are recruiting more teachers and expect education "
      "at Gorsemoor to be ⟦good⟧ within two years.\"",
      [R("inadequate", "Prison education", None, "headline; generic NP", alt="HMP Gorsemoor", note="RS5 (2)"),
       R("inadequate", "HMP Gorsemoor", "Ofsted", "'at' phrase (generic head); passive with agent",
         aspect="Education and training", alt="Education and training at HMP Gorsemoor",
         note="RS2: 'Education and training at X' is a generic head -> the body; the head is the aspect"),
       R("inadequate", "prison", "Ofsted", "object of rating verb (generic NP); aspect-specific",
         aspect="quality of education; leadership and management", alt="HMP Gorsemoor"),
       R("requires improvement", "prison", "Ofsted", "object of rating verb (generic NP); aspect-specific",
         aspect="personal development", alt="HMP Gorsemoor"),
       R("good", "Gorsemoor", None, "quoted; hypothetical (expect); 'at' phrase (generic head)", hyp=True,
         aspect="education", alt="HMP Gorsemoor",
         note="RS2 'education at Gorsemoor' -> the body; RS23. The inspectorate's 'score of one' is not "
              "on a rating scale the guidelines list (not a star rating): not a span")]),

    # 24
    P("ambulance service",
      "Ambulance service '⟦requires improvement⟧', says CQC\n\n"
      "The Care Quality Commission has rated the Westmarch Ambulance Service NHS Trust ⟦requires "
      "improvement⟧ after finding long delays in answering 999 calls.\n\n"
      "The trust's emergency operations centre, which handles more than 2,000 calls a day, was rated "
      "⟦inadequate⟧ for being responsive. Its patient transport service was rated ⟦good⟧.\n\n"
      "Inspectors said crews were \"compassionate and professional\" and rated the service "
      "⟦outstanding⟧ for being caring.\n\n"
      "The trust had been rated ⟦good⟧ overall in 2019. A union official, who did not want to be "
      "named, said: \"Staff are exhausted. Nobody here is surprised it has gone down.\"\n\n"
      "The trust's chair, Professor Ian Colquhoun, said ambulances were spending hours outside "
      "hospitals waiting to hand over patients, and that the problem was \"not of our making\".",
      [R("requires improvement", "Ambulance service", "CQC", "headline; quoted; generic NP",
         alt="Westmarch Ambulance Service NHS Trust", note="RS5 (2)"),
       R("requires improvement", "Westmarch Ambulance Service NHS Trust", "Care Quality Commission",
         "object of rating verb; inspectorate as verb subject", note="RS1 'the' dropped"),
       R("inadequate", "trust's emergency operations centre", "Care Quality Commission",
         "grammatical subject; possessive; relative clause between; aspect-specific", aspect="responsive",
         alt="Westmarch Ambulance Service NHS Trust", note="RS3; RS29; RA1"),
       R("good", "patient transport service", "Care Quality Commission", "grammatical subject; possessive 'Its'",
         alt="Westmarch Ambulance Service NHS Trust"),
       R("outstanding", "service", "Care Quality Commission", "object of rating verb (generic NP); aspect-specific",
         aspect="caring", alt="Westmarch Ambulance Service NHS Trust", note="RS10 bare 'Inspectors', RA1"),
       R("good", "trust", "Care Quality Commission", "grammatical subject (generic NP); previous rating",
         alt="Westmarch Ambulance Service NHS Trust", note="RS8")]),
    # 25
    P("nursery",
      "Early years roundup: this month's Ofsted results\n\n"
      "Nursery Times looks at the latest inspection outcomes for settings in the Harlowe Fen "
      "area.\n\n"
      "Busy Bees Den, in Marston Fold, has been judged ⟦outstanding⟧ for the first time. Manager "
      "Carys Pell said the team were \"over the moon\".\n\n"
      "Two settings run by Sunflower Childcare, at Elmcote and Wrenfield, were both judged "
      "⟦good⟧.\n\n"
      "Tiny Steps Pre-School in Goodmayes Road was rated ⟦requires improvement⟧ after inspectors "
      "found that key persons did not always know their children well. Its previous grade was "
      "⟦good⟧.\n\n"
      "Little Owls Nursery was rated ⟦inadequate⟧ and has been issued with a welfare requirements "
      "notice.\n\n"
      "Meanwhile ⟪Goodwin⟫ House Nursery, which was due to be inspected in May, has had its "
      "inspection postponed. It has been ⟦good⟧ since 2017.",
      [R("outstanding", "Busy Bees Den", "Ofsted", "grammatical subject; list of bodies", note="RA1; RS4"),
       R("good", "settings", "Ofsted", "grammatical subject; count; 'both'", alt="Sunflower Childcare",
         note="RS14: 'Two settings run by ...' -> 'settings'; RS4 'run by' outside"),
       R("requires improvement", "Tiny Steps Pre-School", "Ofsted", "grammatical subject",
         note="RS4 'in Goodmayes Road' outside; 'Goodmayes' is no rating word"),
       R("good", "Tiny Steps Pre-School", "Ofsted", "previous rating; possessive 'Its'; subject in a preceding sentence",
         note="RS5 (3): 'Its' -> the name in the sentence before"),
       R("inadequate", "Little Owls Nursery", "Ofsted", "grammatical subject"),
       R("good", "Goodwin House Nursery", "Ofsted", "pronoun subject, antecedent in preceding sentence; retained / continues",
         note="RS5 (3); 'has been good since' a held rating; the 'Good' in the name is a look-alike")]),
    # 26
    P("GP surgery",
      "Patients' fury as surgery rated ⟦inadequate⟧ again\n\n"
      "Patients at a Kelham Bridge surgery say they have \"given up\" after it was rated ⟦inadequate⟧ "
      "for a second time.\n\n"
      "The Care Quality Commission said Orchard Street Surgery had not made enough improvements "
      "since its last inspection. The surgery was rated ⟦inadequate⟧ for being safe and well-led "
      "and ⟦requires improvement⟧ for being effective. It was not rated ⟦inadequate⟧ for being "
      "caring, where it was judged ⟦good⟧.\n\n"
      "Pensioner Maureen Blakey, 78, said: \"My old surgery in Thorpe was rated ⟦outstanding⟧. Here I "
      "can't get an appointment for a month.\"\n\n"
      "The practice said it was \"disappointed\" and that it expected to be rated ⟦good⟧ within a "
      "year under a new partner.",
      [R("inadequate", "surgery", None, "headline; generic NP", alt="Orchard Street Surgery", note="RS5 (2)"),
       R("inadequate", "Kelham Bridge surgery", None, "pronoun 'it' resolved in the same sentence",
         alt="Orchard Street Surgery", note="RS5 (1); RS10 no inspectorate named yet"),
       R("inadequate", "surgery", "Care Quality Commission", "grammatical subject (generic NP); aspect-specific",
         aspect="safe; well-led", alt="Orchard Street Surgery", note="RS29"),
       R("requires improvement", "surgery", "Care Quality Commission", "grammatical subject (generic NP); aspect-specific",
         aspect="effective", alt="Orchard Street Surgery"),
       R("inadequate", "surgery", "Care Quality Commission", "negated; pronoun subject, antecedent in preceding sentence; aspect-specific",
         neg=True, aspect="caring", alt="Orchard Street Surgery", note="RS22 'was not rated'; RS5 (3)"),
       R("good", "surgery", "Care Quality Commission", "pronoun subject, antecedent in preceding sentence; aspect-specific",
         aspect="caring", alt="Orchard Street Surgery"),
       R("outstanding", "old surgery in Thorpe", None, "quoted; person's possessive; comparison",
         note="RS1 'My' dropped; RA8 the place identifies the unnamed body"),
       R("good", "practice", None, "hypothetical (expected); pronoun 'it' resolved in the same sentence", hyp=True,
         alt="Orchard Street Surgery", note="RS23; RS5 (1)")]),

]


def build_articles(articles=ARTICLES):
    rows = build(articles)
    for n, row in enumerate(rows, 1):
        row["id"] = f"ra{n:03d}"
    return rows


if __name__ == "__main__":
    rows = build_articles()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} articles, {sum(len(r['ratings']) for r in rows)} ratings to {OUT}")
