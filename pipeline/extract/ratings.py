"""Which scheme a rating belongs to and its rank in it (1 = the scheme's best grade), so ratings
sort and compare as grades, not as words. The schemes are data: patterns/rating_schemes.json."""
from __future__ import annotations

import json
from functools import lru_cache

from ..about import PATTERNS_DIR
from .normalize import plain

SCHEMES_FILE = "rating_schemes.json"


@lru_cache(maxsize=1)
def _schemes() -> dict:
    return json.loads((PATTERNS_DIR / SCHEMES_FILE).read_text(encoding="utf-8"))


def scheme_names() -> tuple[str, ...]:
    return tuple(_schemes()["schemes"])


def scheme_of(value: str, rated_by: str | None) -> str:
    """The scheme of a rating value given by `rated_by` (an inspectorate as written, or None)."""
    data = _schemes()
    by_rater = data["inspectorates"].get(_rater_key(rated_by)) if rated_by else None
    if value.endswith(("star", "stars")):
        return "stars"
    if by_rater and by_rater != "stars" and _position(by_rater, value) is not None:
        return by_rater
    return "other"


def rank_of(value: str, scheme: str, rated_by: str | None = None) -> int | None:
    """1 for the best grade of the scheme, counting down; a star rating counts from the best
    star grade its inspectorate gives (three stars for the old social care commission)."""
    position = _position(scheme, value)
    if position is None:
        return None
    if scheme == "stars":
        best = _schemes()["star_scheme_best"]
        top = best.get(_rater_key(rated_by) if rated_by else "", best["default"])
        offset = _position("stars", top) - 1
        return position - offset if position > offset else None
    return position


def _rater_key(rated_by: str) -> str:
    key = plain(rated_by)
    return key[4:] if key.startswith("the ") else key


def _position(scheme: str, value: str) -> int | None:
    for rank, grades in enumerate(_schemes()["schemes"].get(scheme, {}).get("grades", []), start=1):
        if value in grades:
            return rank
    return None
