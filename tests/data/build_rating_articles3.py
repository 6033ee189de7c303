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
      "stars⟧, which is a fair reflection of the work our staff do every day. Our ambition is to be "
      "a ⟦three-star⟧ council within two years.\"\n\n"
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
       R("three stars", "council", "CSCI", "quoted; hypothetical (ambition); pre-modifier",
         hyp=True, alt="Brackenford County Council",
         note="RS23 ambition; RC1: 'a three-star council' -> the noun the star compound modifies (RS6)"),
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
