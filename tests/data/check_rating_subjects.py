"""Check tests/data/rating_subjects.jsonl: offsets, values, subjects. Exit 1 on any problem.

Run:  python tests/data/check_rating_subjects.py [path]
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

VALUES = {"outstanding", "good", "requires improvement", "adequate", "inadequate", "zero stars",
          "one star", "two stars", "three stars", "four stars", "five stars"}
NUMBERS = {"zero": "zero", "0": "zero", "one": "one", "1": "one", "two": "two", "2": "two",
           "three": "three", "3": "three", "four": "four", "4": "four", "five": "five", "5": "five"}
KEYS = {"span", "start", "end", "value", "negated", "hypothetical", "subject", "rated_by", "aspect",
        "subject_alt", "subject_parts", "form", "note"}
#: Breakdown of ratings by the forms their `form` strings name (a rating may count under several).
FORMS = [
    ("grammatical subject / copula", ("grammatical subject", "copula")),
    ("object of a rating verb (inspectorate as verb subject)", ("object",)),
    ("possessive", ("possessive",)),
    ("subject in a preceding sentence", ("preceding sentence",)),
    ("headline", ("headline",)),
    ("relative clause / reduced relative", ("relative",)),
    ("prepositional ('rating for/to X')", ("prepositional",)),
    ("'at' / generic head ('care at X')", ("'at' phrase", "generic head")),
    ("coordinated subjects", ("coordinated",)),
    ("quoted rating", ("quoted",)),
    ("passive with agent", ("passive with agent",)),
    ("change from-to / up from / downgraded to / lost", ("from-to", "up from", "downgraded to", "lost rating")),
    ("retained / continues", ("retained", "continues")),
    ("'-rated' compound / pre-modifier", ("-rated", "pre-modifier")),
    ("person near the rating", ("person near", "person's possessive")),
    ("pronoun resolved in the same sentence", ("pronoun 'it'", "pronoun object", "first-person")),
    ("partitive / count", ("partitive", "count")),
    ("no subject named", ("no subject", "no antecedent")),
]
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her"}


def expected_value(span: str) -> str | None:
    """The value a span's words imply (a guard against typing the wrong value)."""
    s = re.sub(r"[-\s]+", " ", span.lower()).strip()
    if s in {"outstanding", "good", "adequate", "inadequate"}:
        return s
    if s == "ri" or re.fullmatch(r"requir(es|ed|ing|e) improvement", s):
        return "requires improvement"
    m = re.fullmatch(r"(\w+)( stars?)?", s)
    if m and m.group(1) in NUMBERS:
        n = NUMBERS[m.group(1)]
        return f"{n} star" if n == "one" else f"{n} stars"
    return None


def check(path: Path) -> list[str]:
    errors, ids = [], []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        pid = row.get("id", f"line {lineno}")
        ids.append(pid)
        text = row["text"]
        if not row["ratings"]:
            errors.append(f"{pid}: no ratings")
        last_end = -1
        for k, r in enumerate(row["ratings"]):
            where = f"{pid} rating {k}"
            if set(r) != KEYS:
                errors.append(f"{where}: keys {sorted(set(r) ^ KEYS)} wrong")
                continue
            if text[r["start"]:r["end"]] != r["span"]:
                errors.append(f"{where}: text[{r['start']}:{r['end']}]={text[r['start']:r['end']]!r} != {r['span']!r}")
            if r["start"] < last_end:
                errors.append(f"{where}: overlaps or out of order")
            last_end = r["end"]
            if r["value"] not in VALUES:
                errors.append(f"{where}: value {r['value']!r} not allowed")
            if expected_value(r["span"]) != r["value"]:
                errors.append(f"{where}: span {r['span']!r} does not read as {r['value']!r}")
            for flag in ("negated", "hypothetical"):
                if not isinstance(r[flag], bool):
                    errors.append(f"{where}: {flag} not a bool")
            for field in ("subject", "subject_alt", "rated_by"):
                val = r[field]
                if val is not None and (not isinstance(val, str) or val not in text):
                    errors.append(f"{where}: {field} {val!r} not in text")
            subj = r["subject"]
            if subj is not None and subj.split()[0].lower() in DETERMINERS:
                errors.append(f"{where}: subject {subj!r} starts with a determiner")
            if r["aspect"] is not None:
                for part in r["aspect"].split("; "):
                    if part not in text:
                        errors.append(f"{where}: aspect part {part!r} not in text")
            if r["subject_parts"] is not None:
                for part in r["subject_parts"]:
                    if part not in (subj or ""):
                        errors.append(f"{where}: subject part {part!r} not in subject")
            if not r["form"]:
                errors.append(f"{where}: form empty")
        for k, trap in enumerate(row.get("not_ratings", [])):
            if text[trap["start"]:trap["end"]] != trap["span"]:
                errors.append(f"{pid} not_rating {k}: offsets do not give {trap['span']!r}")
            if any(r["start"] < trap["end"] and trap["start"] < r["end"] for r in row["ratings"]):
                errors.append(f"{pid} not_rating {k}: overlaps a rating")
        if any(ch in text for ch in "\u27e6\u27e7\u27ea\u27eb"):
            errors.append(f"{pid}: a mark was left in the text")
    if len(set(ids)) != len(ids):
        errors.append("duplicate ids")
    prefix = re.match(r"[a-z]*", ids[0]).group(0) if ids else "rs"
    if ids != [f"{prefix}{n:03d}" for n in range(1, len(ids) + 1)]:
        errors.append(f"ids are not {prefix}001.. in order")
    return errors


def cited_decisions_defined(path: Path) -> list[str]:
    """Every RSn / RAn a note cites is defined in a README (the set's own, or the first set's)."""
    readmes = [p for p in {path.with_name("README-rating_subjects.md"),
                           path.with_name(f"README-{path.stem}.md")} if p.exists()]
    if not readmes:
        return []
    defined = set()
    for readme in readmes:
        defined |= set(re.findall(r"\*\*(R[SA]\d+)\*\*", readme.read_text(encoding="utf-8")))
    cited = set(re.findall(r"\bR[SA]\d+\b", path.read_text(encoding="utf-8")))
    names = ", ".join(sorted(r.name for r in readmes))
    return [f"{rs} cited but not defined in {names}" for rs in sorted(cited - defined)]


def stats(rows: list[dict]) -> None:
    from collections import Counter
    ratings = [r for row in rows for r in row["ratings"]]
    print(f"passages {len(rows)}, ratings {len(ratings)}, "
          f"with headline {sum(1 for row in rows if chr(10) * 2 in row['text'])}")
    print("by value:", dict(Counter(r["value"] for r in ratings).most_common()))
    print("by kind (passages):", dict(Counter(row["kind"] for row in rows).most_common()))
    for label, keys in FORMS:
        print(f"  {label}: {sum(1 for r in ratings if any(k in r['form'] for k in keys))}")
    print(f"  aspect named: {sum(1 for r in ratings if r['aspect'])}")
    print(f"  requires improvement (spans {sorted({r['span'] for r in ratings if r['value'] == 'requires improvement'})}): "
          f"{sum(1 for r in ratings if r['value'] == 'requires improvement')}")
    print(f"  negated: {sum(r['negated'] for r in ratings)}, hypothetical: {sum(r['hypothetical'] for r in ratings)}")
    print(f"  star ratings: {sum(1 for r in ratings if 'star' in r['value'])}")
    print(f"  subject null: {sum(1 for r in ratings if r['subject'] is None)}, "
          f"rated_by named: {sum(1 for r in ratings if r['rated_by'])}, "
          f"look-alikes marked not_ratings: {sum(len(row.get('not_ratings', [])) for row in rows)}, "
          f"subject_alt given: {sum(1 for r in ratings if r['subject_alt'])}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--stats"]
    target = Path(args[0]) if args else Path(__file__).with_name("rating_subjects.jsonl")
    problems = check(target) + cited_decisions_defined(target)
    for p in problems:
        print(p)
    rows = [json.loads(l) for l in target.read_text(encoding="utf-8").splitlines()]
    print(f"{target.name}: {len(rows)} passages, {sum(len(r['ratings']) for r in rows)} ratings, "
          f"{len(problems)} problems")
    if "--stats" in sys.argv:
        stats(rows)
    sys.exit(1 if problems else 0)
