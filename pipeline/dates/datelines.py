"""A small grammar for absolute calendar dates as news pages write them.

Used for datelines ("🕔19.Oct 2012", "17.01.19", "By on 19/10/2012", "Posted on 12th Nov 2016",
"Thu 7 Feb 2019 06.00 GMT") where the format is narrow and day-first is the UK convention. A
grammar of our own is exact and instant here; dateparser (used for free-text dates) would guess
month-first or 1919 for two-digit years unless every setting is pinned.
"""
from __future__ import annotations

import datetime as dt
import re

from .words import expand_year, month_number, month_regex

_MONTH = "(?P<month>" + month_regex()[1:]
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+)?"

#: Patterns, most specific first; each has named groups day/month/year.
PATTERNS = [
    # "2019-03-05", "2019/03/05", and the date of an ISO timestamp "2019-03-05T10:00:00Z"
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)([-/])(?P<month>[01]?\d)\2(?P<day>[0-3]?\d)(?!\d)")),
    ("numeric", re.compile(r"\b(?P<first>[0-3]?\d)(?P<sep>[./-])(?P<second>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)?\d\d)\b")),
    ("day_month_year", re.compile(_WEEKDAY + _DAY + r"(?:\s+of\s+|\s+|\.|\s*-\s*)" + _MONTH + r"(?:,?\s+|-)" + _YEAR + r"\b",
                                  re.IGNORECASE)),
    ("month_day_year", re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.IGNORECASE)),
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
    month_num = int(month) if month.isdigit() else month_number(month)
    try:
        return dt.date(year, month_num, int(m.group("day")))
    except (TypeError, ValueError):
        return None
