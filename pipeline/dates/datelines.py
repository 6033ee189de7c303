"""A small grammar for absolute calendar dates as news pages write them.

Used for datelines ("🕔19.Oct 2012", "17.01.19", "By on 19/10/2012", "Posted on 12th Nov 2016",
"Thu 7 Feb 2019 06.00 GMT") where the format is narrow and day-first is the UK convention. A
grammar of our own is exact and instant here; dateparser (used for free-text dates) would guess
month-first or 1919 for two-digit years unless every setting is pinned.
"""
from __future__ import annotations

import datetime as dt
import re

from ..lexicon import words


def _month_numbers() -> dict[str, int]:
    """Every month name and abbreviation of patterns/lexicon/months.json → its number (the list
    starts with the twelve full names in calendar order)."""
    names = words("months")
    full = names[:12]
    return {name: next(i + 1 for i, f in enumerate(full) if f.startswith(name[:3])) for name in names}


MONTHS = _month_numbers()
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+)?"

#: Patterns, most specific first; each has named groups day/month/year.
PATTERNS = [
    # "2019-03-05", "2019/03/05", and the date of an ISO timestamp "2019-03-05T10:00:00Z"
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)([-/])(?P<month>[01]?\d)\2(?P<day>[0-3]?\d)(?!\d)")),
    ("numeric", re.compile(r"\b(?P<day>[0-3]?\d)[./-](?P<month>[01]?\d)[./-](?P<year>(?:19|20)?\d\d)\b")),
    ("day_month_year", re.compile(_WEEKDAY + _DAY + r"(?:\s+of\s+|\s+|\.|\s*-\s*)" + _MONTH + r"(?:,?\s+|-)" + _YEAR + r"\b",
                                  re.IGNORECASE)),
    ("month_day_year", re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.IGNORECASE)),
]


def expand_year(year: str) -> int:
    """Two-digit years are 2000-2049 or 1950-1999: news archives are recent, never 1919."""
    y = int(year)
    if len(year) == 2:
        y += 2000 if y < 50 else 1900
    return y


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first absolute date in `text`, as (date, start, end) of the matched substring."""
    best = None
    for _, pattern in PATTERNS:
        for m in pattern.finditer(text):
            parsed = _to_date(m)
            if parsed and (best is None or m.start() < best[1]):
                best = (parsed, m.start(), m.end())
            if parsed:
                break
    return best


def _to_date(m: re.Match) -> dt.date | None:
    month = m.group("month")
    month_num = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip(".")[:4].rstrip("t")
                                                              if month.lower().startswith("sept")
                                                              else month.lower().rstrip(".")[:3])
    try:
        return dt.date(expand_year(m.group("year")), month_num, int(m.group("day")))
    except (TypeError, ValueError):
        return None
