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
    if len(set(ids)) != len(ids):
        errors.append("duplicate ids")
    if ids != [f"rs{n:03d}" for n in range(1, len(ids) + 1)]:
        errors.append("ids are not rs001.. in order")
    return errors


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("rating_subjects.jsonl")
    problems = check(target)
    for p in problems:
        print(p)
    rows = [json.loads(l) for l in target.read_text(encoding="utf-8").splitlines()]
    print(f"{target.name}: {len(rows)} passages, {sum(len(r['ratings']) for r in rows)} ratings, "
          f"{len(problems)} problems")
    sys.exit(1 if problems else 0)
