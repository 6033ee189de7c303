"""A small grammar for absolute calendar dates as news pages write them.

Used for datelines ("🕔19.Oct 2012", "17.01.19", "By on 19/10/2012", "Posted on 12th Nov 2016",
"Thu 7 Feb 2019 06.00 GMT", "22 de outubro de 2010", "Oktober 27, 2015") where the format is narrow
and day-first is the UK convention. A grammar of our own is exact and instant here; dateparser
(used for free-text dates) would guess month-first or 1919 for two-digit years unless every
setting is pinned. Month names of other languages (patterns/lexicon/months_other_languages.json)
are read here only, not in the free-text grammar.

The day is the day as written, in the publisher's own time zone, never converted: "Nov 18, 2019
11:03 PM" is the 18th even when the page's metadata says 07:03 UTC on the 19th (docs/annotation.md D3).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..lexicon import words
from .words import expand_year, month_number, month_regex


@lru_cache(maxsize=1)
def _other_months() -> dict[str, int]:
    return {name: int(number) for name, number in (e.split("=") for e in words("months_other_languages"))}


def _month_alternatives() -> str:
    names = sorted([*month_regex()[1:-4].split("|"), *_other_months()], key=len, reverse=True)
    return "(?P<month>" + "|".join(re.escape(n) for n in names) + r")\.?"


_MONTH = _month_alternatives()
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|º|°)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+)?"
_OF = "|".join(words("date_of_words"))

#: Patterns, most specific first; each has named groups day/month/year.
PATTERNS = [
    # "2019-03-05", "2019/03/05", and the date of an ISO timestamp "2019-03-05T10:00:00Z"
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)([-/])(?P<month>[01]?\d)\2(?P<day>[0-3]?\d)(?!\d)")),
    ("numeric", re.compile(r"\b(?P<first>[0-3]?\d)(?P<sep>[./-])(?P<second>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)?\d\d)\b")),
    ("day_month_year", re.compile(_WEEKDAY + _DAY + rf"(?:\s+(?:{_OF})\s+|\s+|\.\s*|\s*-\s*)" + _MONTH
                                  + rf"(?:,?\s+(?:(?:{_OF})\s+)?|-)" + _YEAR + r"\b", re.IGNORECASE)),
    ("month_day_year", re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.IGNORECASE)),
]
#: A date without its year, for a byline that leaves it out ("Posted Nov 19, 6:51 AM"): the year
#: comes from the page (pipeline/structure/page.py).
YEARLESS = [
    re.compile(_WEEKDAY + r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?![\d:.])(?!,?\s+(?:19|20)\d\d)", re.IGNORECASE),
    re.compile(_WEEKDAY + r"\b" + _DAY + r"\s+" + _MONTH + r"\b(?!\s*,?\s*\d)", re.IGNORECASE),
]


def find_date(text: str, date_order: str | None = None) -> tuple[dt.date, int, int] | None:
    """The first absolute date in `text`, as (date, start, end) of the matched substring. Numeric
    dates are day-first unless `date_order` is "mdy"; a reading valid only the other way round
    ("12/25/98" day-first) is taken the other way round."""
    best = None
    for _, pattern in PATTERNS:
        for m in pattern.finditer(text):
            parsed = _to_date(m, date_order)
            if parsed and (best is None or m.start() < best[1]):
                best = (parsed, m.start(), m.end())
            if parsed:
                break
    return best


def find_yearless(text: str, year: int) -> tuple[dt.date, int, int] | None:
    """The first month-and-day date ("Nov 19", "19 November") in `text`, in `year`."""
    best = None
    for pattern in YEARLESS:
        for m in pattern.finditer(text):
            try:
                found = (dt.date(year, _month_of(m.group("month")), int(m.group("day"))), m.start(), m.end())
            except (TypeError, ValueError):
                continue
            if best is None or found[1] < best[1]:
                best = found
            break
    return best


def _month_of(name: str) -> int | None:
    key = name.lower().rstrip(".")
    return month_number(key) or _other_months().get(key)


def _to_date(m: re.Match, date_order: str | None = None) -> dt.date | None:
    year = expand_year(m.group("year"))
    if "first" in m.groupdict():
        first, second = int(m.group("first")), int(m.group("second"))
        readings = [(second, first), (first, second)] if date_order == "mdy" else [(first, second), (second, first)]
        for day, month in readings:
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
        return None
    month = m.group("month")
    month_num = int(month) if month.isdigit() else _month_of(month)
    try:
        return dt.date(year, month_num, int(m.group("day")))
    except (TypeError, ValueError):
        return None
