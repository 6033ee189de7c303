"""The calendar span a TIMEX3 value covers, as two dates: what `date_start` and `date_end` hold
(contract v2), so dates can be sorted and filtered as dates ("2012-09" → 2012-09-01..2012-09-30)."""
from __future__ import annotations

import calendar
import datetime as dt
import re

#: Months of the seasons; winter runs from December into the next year's February.
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X$")
_CENTURY = re.compile(r"^(\d\d)XX$")


def _month_span(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, first, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def _point_span(value: str) -> tuple[dt.date, dt.date] | None:
    if m := _DAY.match(value):
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if m := _MONTH.match(value):
        return _month_span(int(m[1]), int(m[2]), int(m[2]))
    if m := _PART.match(value):
        year, part = int(m[1]), m[2]
        if part[0] == "Q":
            q = int(part[1])
            return _month_span(year, 3 * q - 2, 3 * q)
        if part[0] == "H":
            h = int(part[1])
            return _month_span(year, 6 * h - 5, 6 * h)
        return _month_span(year, *SEASONS[part])
    if m := _YEAR.match(value):
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    if m := _DECADE.match(value):  # "199X": the decade (the project's notation, docs/annotation.md)
        return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
    if m := _CENTURY.match(value):  # "19XX": the hundred years it names
        return dt.date(int(m[1]) * 100, 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)
    return None


def value_span(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """(start, end) of the calendar span `value` names, both inclusive; (None, None) when the value
    is null, has unresolved X parts ("XXXX-07") or names no span. A range "A/B" runs from the start
    of A to the end of B. Decades ("199X") and centuries ("19XX") are spans: their X fill is the
    notation for the decade, not an unknown digit."""
    if not value:
        return None, None
    try:
        if "/" in value:
            first, _, last = value.partition("/")
            a, b = _point_span(first), _point_span(last)
            if a is None or b is None or a[0] > b[1]:
                return None, None
            return a[0], b[1]
        found = _point_span(value)
    except ValueError:  # "2019-02-30", "2015-W54": not a calendar day
        return None, None
    return found if found else (None, None)


def add_date_spans(rows: list[dict], key: str) -> list[dict]:
    """Each row with `date_start` and `date_end` set from its value in `key`."""
    for row in rows:
        row["date_start"], row["date_end"] = value_span(row.get(key))
    return rows
