"""The words dates are made of, read once from patterns/lexicon and shared by datelines.py and
grammar.py: month names (and their regex), number words, written-out years, two-digit years."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import words


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    names = words("months")
    full = names[:12]
    return {name: next(i + 1 for i, f in enumerate(full) if f[:3] == name[:3]) for name in names}


def month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept.", "sep", "September"), else None."""
    return _month_numbers().get(name.lower().rstrip("."))


@lru_cache(maxsize=1)
def month_regex() -> str:
    """One capturing group matching any month name or abbreviation (longest first), an optional
    full stop after it: "(september|sept|sep|...)\\.?"."""
    names = sorted(_month_numbers(), key=len, reverse=True)
    return "(" + "|".join(names) + r")\.?"


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    units = {w: i for i, w in enumerate(words("number_words"))}
    tens = {w: 20 + 10 * i for i, w in enumerate(words("number_tens"))}
    return {**units, **tens}


def number_value(text: str) -> int | None:
    """0-99 written as words or digits: "seven", "ninety-six", "ninety six", "42"."""
    t = text.lower().strip()
    if t.isdigit():
        return int(t)
    values = number_words()
    parts = re.split(r"[\s-]+", t)
    if len(parts) == 1:
        return values.get(parts[0])
    if len(parts) == 2 and parts[0] in values and values[parts[0]] >= 20 and values[parts[0]] % 10 == 0 \
            and parts[1] in values and 0 < values[parts[1]] < 10:
        return values[parts[0]] + values[parts[1]]
    return None


def expand_year(year: str) -> int:
    """Two-digit years are 2000-2049 or 1950-1999: news archives are recent, never 1919."""
    y = int(year)
    if len(year) == 2:
        y += 2000 if y < 50 else 1900
    return y


@lru_cache(maxsize=1)
def _written_year_re() -> re.Pattern:
    units = [w for w, v in number_words().items() if 0 < v < 20]
    tens = [w for w, v in number_words().items() if v >= 20]
    small = rf"(?:(?:{'|'.join(tens)})(?:[\s-]+(?:{'|'.join(units[:9])}))?|{'|'.join(units)})"
    return re.compile(rf"\b(?:(?P<century>nineteen|eighteen|twenty)[\s-]+(?P<rest>hundred|{small})"
                      rf"|(?P<thousand>two[\s-]+thousand)(?:[\s-]+(?:and[\s-]+)?(?P<after>{small}))?)\b")


def written_years(text: str) -> str:
    """`text` (lower case) with years written out as words turned into digits: "nineteen
    ninety-six" → "1996", "the year two thousand" → "the year 2000", "two thousand and one" →
    "2001". A lone number word ("nineteen") is left alone."""
    def repl(m: re.Match) -> str:
        if m.group("thousand"):
            return str(2000 + (number_value(m.group("after")) if m.group("after") else 0))
        century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m.group("century")]
        rest = m.group("rest")
        if rest == "hundred":
            return str(century * 100)
        value = number_value(rest)
        if value is None or value < 10:
            return m.group(0)  # "twenty five" is a number, not the year 2005
        return str(century * 100 + value)
    return _written_year_re().sub(repl, text)
