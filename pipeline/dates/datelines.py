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
from typing import NamedTuple

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


# -- the clock time beside a dateline's date ---------------------------------------------------
# "November 18, 2019 11:03 PM", "Nov 19, 2019, 10:31 pm CST", "PUBLISHED: November 19, 2019 at
# 8:59 pm", "Updated 10:01 pm PST, Tuesday, November 19, 2019", "November 18, 2019 -- 19:14 GMT",
# "Thu 7 Feb 2019 06.00 GMT", "2019-11-19T12:48Z", or the time alone on the next line ("5:50 PM").
# The time is the publisher's wall clock; a zone, when written, gives its offset from UTC. Only a
# time right beside the date counts: separators (",", "|", "-", "at") may stand between them, words
# may not ("... 2019 | Updated 10:16 pm" dates the update, not the article).

class Clock(NamedTuple):
    """A dateline's clock time: `time` as written (24-hour), the zone as written (None when the
    page writes none) and its offset in minutes east of UTC on that date, and the span of time and
    zone in the text searched."""

    time: dt.time
    zone: str | None
    offset: int | None
    start: int
    end: int


@lru_cache(maxsize=1)
def time_zones() -> dict[str, str]:
    """patterns/lexicon/time_zones.json as {name as written: "+HH:MM" or an IANA zone}."""
    return dict(e.split("=", 1) for e in words("time_zones"))


@lru_cache(maxsize=1)
def _noon_words() -> tuple[str, ...]:
    # midnight (24:00) is left out: on a dateline it does not say which day it ends
    return tuple(w for w, v in (e.split("=") for e in words("clock_words")) if v == "12:00")


@lru_cache(maxsize=1)
def _clock_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    zones = time_zones()
    alt = lambda names: "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    abbreviations = alt(n for n in zones if " " not in n)  # in capitals only: "ET", never "et"
    phrases = alt(n for n in zones if " " in n)
    clock = (r"(?<![\d:.])(?:"
             r"(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?\s*+(?P<ampm>(?i:[ap]\.?\s?m\b\.?))"
             r"|(?P<h24>[01]?\d|2[0-3])[:.h](?P<m24>[0-5]\d)(?::(?P<s24>[0-5]\d))?(?![\d:.]\d)"
             rf"|(?P<twelve>12\s++)?(?P<noon>(?i:{'|'.join(_noon_words())}))\b)")
    zone = (r"(?:\s*+\(?\s*+(?:(?P<base>GMT|UTC)\s*+(?P<sign>[+\-−])\s*+(?P<oh>1[0-4]|0?\d)(?::?(?P<om>[0-5]\d))?"
            rf"|(?P<zone>{abbreviations}{'|(?i:' + phrases + ')' if phrases else ''}))(?![\w]))?")
    # separators between date and time: one possessive class (nested or overlapping repeats of
    # spaces and dashes backtrack exponentially, or quadratically, on a long run of them)
    gap = r"[\s,;|·•–—-]*+"
    after = re.compile(gap + r"(?:(?i:at|@)\s++)?" + clock + zone)
    before = re.compile(clock + zone + gap + r"(?:(?i:on)\s++)?$")
    alone = re.compile(r"\s*+(?:(?i:at|@)\s++)?" + clock + zone + r"\s*+(?:[|,;·•–—-].*)?$")
    iso = re.compile(r"[T ](?P<ih>[01]\d|2[0-3]):(?P<im>[0-5]\d)(?::(?P<is>[0-5]\d)(?:\.\d+)?)?"
                     r"(?P<iz>Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?(?![\d:])")
    return after, before, alone, iso


#: What may follow a date at the end of its line for a time on the next line to be its own
LINE_REST = re.compile(r"[\s,;|·•–—-]*$")


def find_clock(text: str, start: int, end: int, date: dt.date, next_line: str | None = None) -> Clock | None:
    """The clock time written beside the date at text[start:end] (`date` its reading): right after
    it, else right before it, else (when nothing follows the date on its line) alone on `next_line`,
    whose offsets the returned span then counts from the end of `text` plus one (a newline)."""
    after, before, alone, iso = _clock_patterns()
    if (m := iso.match(text, end)) and (m.group(0)[0] == "T" or m["iz"]):
        time = dt.time(int(m["ih"]), int(m["im"]), int(m["is"] or 0))
        z = m["iz"]
        offset = None if z is None else 0 if z == "Z" else _fixed_offset(z)
        return Clock(time, z, offset, m.start() + 1, m.end())
    m = after.match(text, end)
    if m is None:
        m = before.search(text, 0, start)
    if m is None and next_line is not None and LINE_REST.match(text, end):
        found = alone.match(next_line)
        if found:
            clock, shift = _clock(found, date), len(text) + 1
            return Clock(*clock[:3], clock.start + shift, clock.end + shift) if clock else None
    return _clock(m, date) if m else None


def _clock(m: re.Match, date: dt.date) -> Clock | None:
    if m["ampm"]:
        hour = int(m["h12"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
        time, first = dt.time(hour, int(m["m12"] or 0)), "h12"
    elif m["noon"]:
        time, first = dt.time(12, 0), "twelve" if m["twelve"] else "noon"
    else:
        time, first = dt.time(int(m["h24"]), int(m["m24"]), int(m["s24"] or 0)), "h24"
    end = max(m.end(g) for g in CLOCK_GROUPS if m[g] is not None)
    if m["base"]:  # "GMT+1", "UTC-05:00"
        sign = -1 if m["sign"] in "-−" else 1
        return Clock(time, m.string[m.start("base"):end], sign * (int(m["oh"]) * 60 + int(m["om"] or 0)),
                     m.start(first), end)
    zone = m["zone"]
    return Clock(time, zone, zone_offset(zone, date, time) if zone else None, m.start(first), end)


#: The groups of a clock match that belong to the time and zone (not to the gap around them)
CLOCK_GROUPS = ("h12", "m12", "ampm", "h24", "m24", "s24", "noon", "base", "oh", "om", "zone")


def _fixed_offset(value: str) -> int:
    """Minutes east of UTC of "+05:30", "-0800", "+01"."""
    digits = value[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return -minutes if value[0] in "-−" else minutes


def zone_offset(zone: str, date: dt.date, time: dt.time) -> int | None:
    """Minutes east of UTC of a zone name (patterns/lexicon/time_zones.json) at that local date and
    time: a fixed offset as it is, a generic zone ("ET") with its summer time worked out by zoneinfo."""
    zones = time_zones()
    value = zones.get(zone) or next((v for k, v in zones.items() if k.lower() == zone.lower()), None)
    if value is None:
        return None
    if value[0] in "+-":
        return _fixed_offset(value)
    from zoneinfo import ZoneInfo

    offset = dt.datetime.combine(date, time, tzinfo=ZoneInfo(value)).utcoffset()
    return int(offset.total_seconds() // 60)
