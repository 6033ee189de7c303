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
      "Inspectors have praised Dunmere Constabulary's work with victims of domestic abuse. But the "
      "force was told it ⟦requires improvement⟧ in four of the nine areas inspected, including "
      "protecting vulnerable people.",
      [R("requires improvement", "force", None, "grammatical subject (generic NP); verb form 'requires improvement'",
         aspect="protecting vulnerable people", alt="Dunmere Constabulary",
         note="RS5: 'the force' in the same sentence; RS12: of the four areas only one is named, "
              "aspect holds the named one; RS10: no inspectorate named")]),
    # 11
    P("prison",
      "Ofsted inspectors who visited HMP Ashcroft Moor found the quality of education for prisoners "
      "⟦inadequate⟧, with fewer than half of the men attending classes regularly.",
      [R("inadequate", "HMP Ashcroft Moor", "Ofsted", "aspect-specific; object of 'found'",
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
      "⟦good⟧ in all areas, just two years after it was placed in special measures.",
      [R("good", "Westerfold Academy", None, "person near the rating (not the subject)",
         note="'special measures' is not a rating value; 'all areas' names no area")]),
    # 17
    P("hospital",
      "Oxley Fen Community Hospital avoided an ⟦inadequate⟧ rating but was told by the CQC that it "
      "⟦requires improvement⟧ across three of five key questions.",
      [R("inadequate", "Oxley Fen Community Hospital", "CQC", "negated ('avoided')", neg=True),
       R("requires improvement", "Oxley Fen Community Hospital", "CQC",
         "pronoun 'it' with antecedent in same sentence; verb form 'requires improvement'")]),
    # 18
    P("council adult social care",
      "Councillors were warned that Quarley Down Council's adult social care service could be rated "
      "⟦inadequate⟧ when the CQC carries out its first assessment of the council next spring.",
      [R("inadequate", "Quarley Down Council's adult social care service", "CQC",
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
      "Tarnside District Council awarded a ⟦five-star⟧ food hygiene rating to the Salty Haddock fish "
      "bar on Quay Road after its latest visit.",
      [R("five stars", "Salty Haddock fish bar", "Tarnside District Council",
         "prepositional ('rating to X'); star rating",
         note="D19: the body making the judgement (the council's food safety team) is rated_by")]),
    # 21
    P("school",
      "Two primary schools in Larkhaven, St Wilfrith's CE Primary and Moorcroft Juniors, have both "
      "been rated ⟦good⟧ by Ofsted after inspections in the same week.",
      [R("good", "St Wilfrith's CE Primary and Moorcroft Juniors", "Ofsted", "coordinated subjects",
         alt="primary schools", parts=["St Wilfrith's CE Primary", "Moorcroft Juniors"],
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
      "Ofsted has given Honeybee Meadow Day Nursery in Oxley Fen a ⟦good⟧ rating, with inspectors "
      "noting that children \"make good progress\" in their communication.",
      [R("good", "Honeybee Meadow Day Nursery", "Ofsted", "indirect object ('given X a good rating')",
         note="'make good progress' is not a rating (D20)")]),
    # 31
    P("home-care agency",
      "Comfort First Homecare, which provides care to around 120 people in their own homes across "
      "Saltmarch, said it was disappointed not to be rated ⟦good⟧ after the CQC found improvements in "
      "record-keeping.",
      [R("good", "Comfort First Homecare", "CQC", "negated ('not to be rated')", neg=True)]),
    # 32
    P("academy trust",
      "The Kestrel Learning Trust, which runs nine academies in the north of the county, said seven "
      "of them are now rated ⟦good⟧ or ⟦outstanding⟧.",
      [R("good", "academies", None, "partitive pronoun ('seven of them'); disjunction",
         alt="Kestrel Learning Trust",
         note="RS14: 'seven of them' -> the NP it counts ('nine academies', numeral dropped); the "
              "trust is not rated. RS15: 'good or outstanding' is two spans, neither hypothetical"),
       R("outstanding", "academies", None, "partitive pronoun; disjunction", alt="Kestrel Learning Trust")]),
    # 33
    P("council children's services",
      "In its self-assessment, Thistlecombe County Council said it judged its services for children "
      "in care to be ⟦good⟧, although Ofsted has yet to inspect them under the new framework.",
      [R("good", "services for children in care", "Thistlecombe County Council",
         "council's own judgement (D20)", alt="Thistlecombe County Council",
         note="D20: rated_by the council; 'its' dropped as a determiner; Ofsted is not the rater here")]),
    # 34
    P("pupil referral unit",
      "Ofsted gave the Bridgeway Pupil Referral Unit its lowest possible grade, ⟦inadequate⟧, saying "
      "pupils were \"not safe\".",
      [R("inadequate", "Bridgeway Pupil Referral Unit", "Ofsted",
         "indirect object; rating in apposition to 'grade'")]),
    # 35
    P("school",
      "Governors at Aldercombe High School hope the academy will be rated ⟦good⟧ when inspectors "
      "return, after results improved for the third year running.",
      [R("good", "academy", None, "hypothetical ('hope ... will be rated')", hyp=True,
         alt="Aldercombe High School", note="RS5: 'the academy' names it in the same sentence")]),
]


def build(passages=PASSAGES):
    rows = []
    for n, p in enumerate(passages, 1):
        marked, text, marks = p["marked"], [], []
        i = 0
        while i < len(marked):
            ch = marked[i]
            if ch == OPEN:
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
