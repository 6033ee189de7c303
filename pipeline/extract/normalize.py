"""Normalized values for mentions: roles, ratings, organisations (docs/annotation.md D9-D11, D17)."""
from __future__ import annotations

import re

NUMBER_WORDS = {"zero": 0, "no": 0, "nil": 0, "0": 0, "one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3,
                "four": 4, "4": 4, "five": 5, "5": 5}
STAR_NAMES = ["zero stars", "one star", "two stars", "three stars", "four stars", "five stars"]
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def plain(text: str) -> str:
    """Lower case, straight apostrophes, single spaces."""
    return " ".join(text.translate(APOSTROPHES).lower().split())


def normalize_role(text: str) -> str:
    """D10: the role span in lower case, whitespace collapsed, apostrophes straight."""
    return plain(text)


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
