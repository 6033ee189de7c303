"""Normalized values for mentions: roles, ratings, organisations (docs/annotation.md D9-D11, D17)."""
from __future__ import annotations

import re
from functools import lru_cache

NUMBER_WORDS = {"zero": 0, "no": 0, "nil": 0, "0": 0, "one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3,
                "four": 4, "4": 4, "five": 5, "5": 5}
STAR_NAMES = ["zero stars", "one star", "two stars", "three stars", "four stars", "five stars"]
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def plain(text: str) -> str:
    """Lower case, straight apostrophes, single spaces."""
    return " ".join(text.translate(APOSTROPHES).lower().split())


def normalize_role(text: str) -> str:
    """D10: the role span in lower case, whitespace collapsed, apostrophes straight; D47: a title's
    abbreviation is its full word ("Lt. Gov." -> "lieutenant governor", patterns/lexicon/titles_before_names)."""
    expansions = _title_expansions()
    return " ".join(expansions.get(w, w) for w in plain(text).split())


@lru_cache(maxsize=1)
def _title_expansions() -> dict[str, str]:
    from ..lexicon import words
    return dict(e.split("=", 1) for e in words("titles_before_names") if "=" in e)


def normalize_rating(text: str) -> str | None:
    """D17: the rating value of a RATING span ("‘Requiring improvement’" → "requires improvement",
    "one-star" → "one star", "zero star" → "zero stars")."""
    t = plain(text).strip("'\" ")
    if "improvement" in t:
        return "requires improvement"
    m = re.match(r"^(\w+)\s*[-–]?\s*stars?$", t)
    if m and m.group(1) in NUMBER_WORDS:
        return STAR_NAMES[NUMBER_WORDS[m.group(1)]]
    if t in {"outstanding", "good", "adequate", "inadequate"}:
        return t
    return None
