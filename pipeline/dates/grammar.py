"""Date expressions to TIMEX3-style values, anchored on the article's publication date.

A grammar of our own covers the forms news uses (absolute dates, months, years, ranges, halves,
quarters, seasons, weekdays, "last month", "earlier this week"); `datetext` handles numeric and
day-month-year strings. What is not a date (durations, ages, frequencies, vague spans) is refused
by `is_date_expression` so the NER's over-eager DATE spans can be dropped.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..lexicon import words
from .datelines import find_date
from .words import month_number, month_regex, number_value, number_words, written_years

WEEKDAYS = {day: number for number, day in enumerate(words("weekdays"))}  # Monday is 0, as in datetime
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 12)}  # winter: from December
ORDINAL_PARTS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                 "final": 4, "last": None}
UNITS = "(?:days?|weeks?|fortnights?|months?|years?|decades?|centuries|century|hours?|minutes?)"
NUMBER = r"(?:\d+|a|an|" + "|".join(sorted(number_words(), key=len, reverse=True)) + \
         r"|few|several|many|couple of|number of|\w+teen)"
MONTH_RE = month_regex()

NOT_DATES = [
    re.compile(rf"^(?:just |only |about |around |nearly |almost |more than |over |under |some )?{NUMBER}"
               rf"(?:[\s-]+\w+)?[\s-]+{UNITS}(?:\s+(?!ago\b|earlier\b|later\b)\w+)?$"),          # "18 months", "four years", "a year"
    re.compile(rf"^(?:the )?(?:next|past|last|previous|coming|following|first|final)\s+{NUMBER}\s*{UNITS}$"),
    re.compile(rf"^(?:a |the )?(?:\w+th|first|second|third|fifth)\s+(?!centur){UNITS}$"),  # "a fifth year"
    re.compile(r"(?:year|month|week|day)s?[\s-]old"),                            # ages
    re.compile(r"^(?:his|her|their|my|your|our|its)\s+(?:early\s+|mid-?\s*|late\s+)?(?:\d0s|\w+ties)$"),  # "in his 30s": an age
    re.compile(r"^(?:almost |nearly |roughly |about |twice |once )?(?:daily|weekly|monthly|quarterly|annually|yearly|"
               r"fortnightly|nightly|every\b.*)$"),                               # frequencies
    re.compile(r"^(?:most|many|some|all|every|each|several|other)\s+(?:weekend|week|day|month|year|night|morning|"
               r"evening)s?(?:\s+\w+)?$"),                                          # "most weekend shifts"
    re.compile(r"^(?:coming|next few|past few|last few|few|following)\s+(?:days|weeks|months|years)$"),  # vague
    re.compile(r"^(?:(?!last|next|this|previous|coming|past)[\w-]+\s+){0,3}(?:days|weeks|months|years|decades)$"),  # "some very hard years"
    re.compile(r"^(?:year|years|month|months|week|weeks|day|days|decade)$|-long$|^less than|^more than|^up to"),
    re.compile(r"^\d{1,3}$"),
    re.compile(r"^\d{1,2}/\d{1,2}$"),                                                     # "7/8": a stock fraction
    re.compile(r"^\d{1,2}\s*(?:to|-|–|and)\s*\d{1,2}$"),                                  # "aged 11 to 17"
    re.compile(r"^years?\s+\d{1,2}(?:\s*(?:to|-|–|and|&)\s*\d{1,2})?$"),                    # school "Year 9"
    re.compile(r"^(?:once|twice|\w+ times)\s+(?:a|an|per|each|every)\s+\w+$"),             # "twice a week"
    re.compile(r"\b(day|week|month|year)s? (?:after|by|on|to) \1\b"),                       # "month after month"
    re.compile(r"^(?:past|previous)\s+(?:decade|century)$"),
    re.compile(r"\b(?:consecutive|straight|successive|running)\s+(?:days?|weeks?|months?|quarters?|years?)$"),  # "the third consecutive month"
    re.compile(r"^(?:quarter|half)-century$|^(?:two|three|four|five|six|eight|twelve|\d+)-quarter$"),  # "quarter-century low", "four-quarter test"                                                    # "61" is no date
    re.compile(r"^(?:recent|the recent|recently|recent (?:years|months|weeks)|years|months|decades|the past|"
               r"the future|nowadays|these days|at the time|this time|the time|annual|each year|per year|"
               r"a year|once|now)$"),
]


@dataclass(frozen=True)
class DateValue:
    value: str | None
    granularity: str | None
    anchored: bool
    #: the rule that gave the value (dates.rule): `grammar:<rule>`, `anaphoric`, `dateparser`, or `none`
    rule: str = "none"


def is_date_expression(text: str) -> bool:
    """False for durations, ages, frequencies and vague references (docs/annotation.md DATE)."""
    t = _plain(text)
    return bool(t) and not any(p.search(t) for p in NOT_DATES)


def normalize(text: str, anchor: dt.date | None, context_year: int | None = None,
              past: bool | None = True, antecedent: str | None = None, date_order: str | None = None) -> DateValue:
    """TIMEX3 value of a date expression. `anchor` is the publication date (None if unknown);
    `context_year` the year of the timeline entry the expression sits in; `past` the tense of the
    clause (True past, False future, None unknown: the nearest occurrence); `antecedent` the value
    of the date just before it in the text, which "the following year" counts from (D46)."""
    t = _plain(text)
    for rule in (_business_period, _year_offset):
        result = rule(t, anchor, past, antecedent)
        if result is not None:
            return result
    anaphoric = _anaphoric(t, antecedent, anchor)
    if anaphoric is not None:
        return _traced(anaphoric, "anaphoric")
    if date_order == "mdy":
        result = _absolute_day(t, anchor, context_year, past, date_order)
        if result is not None:
            return _traced(result, "grammar:absolute_day")
    for rule in RULES:
        result = rule(t, anchor, context_year, past)
        if result is not None:
            return _traced(result, "grammar:" + rule.__name__.lstrip("_"))
    return _traced(_dateparser_fallback(t, anchor, past, date_order), "dateparser")


def _traced(result: DateValue, rule: str) -> DateValue:
    return replace(result, rule=rule if result.value is not None else "none")


#: dateparser is slow on long or odd strings; it only sees short leftovers of the grammar.
DATEPARSER_MAX_CHARS = 40


@lru_cache(maxsize=64)
def _date_data_parser(anchor: dt.date, prefer: str, order: str = "DMY"):
    from dateparser.date import DateDataParser
    return DateDataParser(languages=["en"], settings={
        "DATE_ORDER": order, "PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": prefer,
        "RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day),
        "RETURN_AS_TIMEZONE_AWARE": False, "TIMEZONE": "UTC", "STRICT_PARSING": False})


@lru_cache(maxsize=4096)
def _dateparser_fallback(t: str, anchor: dt.date | None, past: bool | None, date_order: str | None = None) -> DateValue:
    """Forms the grammar does not know ("the 3rd of March", "a fortnight ago"), with every setting
    pinned: day-first, English only, relative to the publication date, no clock or time zone of the
    machine. Without a publication date nothing relative can be resolved, so it is not called."""
    if anchor is None or len(t) > DATEPARSER_MAX_CHARS or not re.search(r"\d|[a-z]{3}", t):
        return DateValue(None, None, False)  # nothing known: no value, and no granularity either
    prefer = "past" if past else "future" if past is False else "current_period"
    data = _date_data_parser(anchor, prefer, "MDY" if date_order == "mdy" else "DMY").get_date_data(t)
    if data.date_obj is None:
        return DateValue(None, None, False)
    d = data.date_obj.date()
    if d.year < 1950 or re.search(r"\b\d{1,2}\s*(?:and|&|-|–|to)\s*\d{1,2}\b", t):
        return DateValue(None, None, False)  # "April 24 and 25": the 25 is no year  # "17.01.19" as 1919: never trust a two-digit century
    period = data.period or "day"
    if period == "week":
        return DateValue(_iso_week(d), "week", True)
    if period == "month":
        return DateValue(f"{d.year}-{d.month:02d}", "month", True)
    if period == "year":
        return DateValue(str(d.year), "year", True)
    return DateValue(d.isoformat(), "day", True)


def _plain(text: str) -> str:
    t = written_years(" ".join(text.lower().replace("’", "'").split()))
    t = re.sub(r"^(?:(?:in|on|at|by|since|from|until|till|during|of|for|over|throughout|the|around|about|"
               r"sometime|as early as|as late as)\s+)+", "", t)  # "in the autumn"
    t = t.strip(" ,.")
    if t.count("(") != t.count(")"):
        t = t.strip("()")
    elif t.startswith("(") and t.endswith(")"):
        t = t[1:-1]
    return t.strip(" ,.")


def _month_num(name: str) -> int:
    return month_number(name)


# -- rules, tried in order --------------------------------------------------------------------

def _financial_year(t, anchor, ctx, past):
    """ "2017/18", "2017-18", "financial year 2017/2018": consecutive years, the second written with
    two digits (or after "financial year"), are a UK public body's financial year, April to March
    (D44). "2016/2017" alone stays a range of years."""
    m = re.match(r"^(?:(financial|fiscal)\s+year\s+)?((?:19|20)\d\d)\s*[-/–]\s*((?:19|20)?\d\d)"
                 r"(\s+(?:financial|fiscal)\s+year)?$", t)
    if not m or (len(m.group(3)) == 4 and not m.group(1) and not m.group(4)):
        return None
    first, second = int(m.group(2)), m.group(3)
    if len(second) == 2:
        second = first // 100 * 100 + int(second)
        second += 100 if second < first else 0  # "1999/00"
    else:
        second = int(second)
    if second != first + 1:
        return None
    return DateValue(f"{first}-04/{second}-03", "range", False)


def _range(t, anchor, ctx, past):
    m = re.match(r"^(?:between\s+)?((?:19|20)\d\d)\s*(?:-|–|—|to|and|/)\s*((?:19|20)?\d\d)$", t)
    if m:
        end = m.group(2)
        end = m.group(1)[:2] + end if len(end) == 2 else end
        return DateValue(f"{m.group(1)}/{end}", "range", False)
    return None


def _absolute_day(t, anchor, ctx, past, date_order=None):
    found = find_date(t, date_order)
    if found and found[2] - found[1] >= len(t) - 12:
        return DateValue(found[0].isoformat(), "day", False)
    return None


REL_YEAR = {"this year": 0, "last year": -1, "next year": 1, "the year before": -1, "the previous year": -1,
            "the following year": 1}


def _composite(t, anchor, ctx, past):
    """ "January this year", "June last year", "5 March next year": a month or day named with a
    year given relative to the publication date."""
    m = re.match(r"^(.+?),?\s+(?:of\s+)?(this year|last year|next year)$", t)
    if not m:
        return None
    inner = normalize(m.group(1), anchor, None, past)
    if not inner.value or not re.match(r"^(?:XXXX|\d{4})-\d\d(?:-\d\d)?$", inner.value) or inner.granularity not in ("day", "month"):
        return None
    if anchor is None:
        return DateValue("XXXX" + inner.value[4:], inner.granularity, False)
    return DateValue(f"{anchor.year + REL_YEAR[m.group(2)]}" + inner.value[4:], inner.granularity, True)


def _day_month(t, anchor, ctx, past):
    m = re.match(rf"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}$", t) \
        or re.match(rf"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?$", t)
    if not m:
        return None
    groups = m.groups()
    day, month = (groups[0], groups[1]) if groups[0].isdigit() else (groups[1], groups[0])
    month_num = _month_num(month)
    year = ctx or (_year_of(month_num, anchor, past, int(day)) if anchor else None)
    if year is None:
        return DateValue(f"XXXX-{month_num:02d}-{int(day):02d}", "day", False)
    return DateValue(f"{year}-{month_num:02d}-{int(day):02d}", "day", ctx is None)


def _month_year(t, anchor, ctx, past):
    m = re.match(rf"^(?:early|late|mid|mid-|the end of|end of|the start of|start of|the beginning of|beginning of)?\s*-?\s*{MONTH_RE},?\s+((?:19|20)\d\d)$", t) \
        or re.match(rf"^((?:19|20)\d\d)\s*\(\s*{MONTH_RE}\s*\)$", t)
    if not m:
        return None
    a, b = m.groups()
    month, year = (a, b) if not a.isdigit() else (b, a)
    return DateValue(f"{year}-{_month_num(month):02d}", "month", False)


def _relative_month_name(t, anchor, ctx, past):
    m = re.match(rf"^(last|next|this|early|late|mid|mid-|(?:the )?(?:end|start|beginning|middle) of)?\s*-?\s*{MONTH_RE}$", t)
    if not m:
        return None
    mod, month = m.group(1), _month_num(m.group(2))
    if ctx:
        return DateValue(f"{ctx}-{month:02d}", "month", False)
    if anchor is None:
        return DateValue(f"XXXX-{month:02d}", "month", False)
    if mod == "this":
        year = anchor.year  # "this September", said in February, is the coming one
    elif mod == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif mod == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = _year_of(month, anchor, past)
    return DateValue(f"{year}-{month:02d}", "month", True)


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_value(year: int, month: int, shift: int = 0) -> str:
    """ "YYYY-MM" of the month `shift` months from `year`-`month`."""
    y, m = divmod(year * 12 + month - 1 + shift, 12)
    return f"{y}-{m + 1:02d}"


def _year_of(month: int, anchor: dt.date, past: bool | None, day: int | None = None) -> int:
    """The year of a month (or day) named without one: "in December" said in October is last
    December in a past clause, next December in a future one, and the nearest one otherwise."""
    named, today = (month, day or 0), (anchor.month, anchor.day if day else 0)
    if past is True and named > today and not _just_ahead(month, day, anchor):
        return anchor.year - 1
    if past is False and named < today:
        return anchor.year + 1
    if past is None and abs(month - anchor.month) > 6:
        return anchor.year + (1 if month < anchor.month else -1)
    return anchor.year


#: A date this close after publication is this year's even in a past-tense clause: reporting
#: mixes tenses ("said the offer expires Nov. 20"), and a past event cannot be a year back by days.
JUST_AHEAD_DAYS = 45


def _just_ahead(month: int, day: int | None, anchor: dt.date) -> bool:
    if day is None:
        return (month - anchor.month) % 12 == 1
    try:
        ahead = (dt.date(anchor.year, month, day) - anchor).days
    except ValueError:
        return False
    return 0 < ahead <= JUST_AHEAD_DAYS


def _day_then_part(t, anchor, ctx, past):
    """ "mid-afternoon yesterday", "morning Monday": the part of day written before its day."""
    m = re.match(r"^(?:mid-?)?(morning|afternoon|evening|night)\s+(yesterday|today|tomorrow|monday|tuesday|wednesday|"
                 r"thursday|friday|saturday|sunday)$", t)
    if not m:
        return None
    day = normalize(m.group(2), anchor, ctx, past)
    if not day.value or not re.match(r"^\d{4}-\d\d-\d\d$", day.value):
        return day
    return DateValue(f"{day.value}T{PARTS_OF_DAY[m.group(1)]}", "day", day.anchored)


def _clock(t, anchor, ctx, past):
    """A clock time with its day: "10 p.m. Wednesday", "noon Thursday", "Friday 5 p.m.",
    "5 p.m. EST Nov. 9" → "1998-02-11T22:00" (granularity day: the calendar span is the day)."""
    time_re = r"(?:(\d{1,2})(?:[:.](\d\d))?\s*([ap])\.?m\.?|(" + "|".join(CLOCK_WORDS) + r"))(?:\s+[a-z]{1,2}[sd]?t\b)?"
    m = re.match(rf"^{time_re},?\s+(?:on\s+)?(.+)$", t)
    rest = m.group(5) if m else None
    if not m:
        m = re.match(rf"^(.+?),?\s+(?:at\s+)?{time_re}$", t)
        if not m:
            return None
        rest, groups = m.group(1), m.groups()[1:]
    else:
        groups = m.groups()[:4]
    hour, minute, half, word = groups
    day = normalize(rest, anchor, ctx, past)
    if day.granularity != "day" or not day.value or not re.match(r"^\d{4}-\d\d-\d\d$", day.value):
        return DateValue(day.value, day.granularity, day.anchored) if day.value else None
    if word:
        clock = CLOCK_WORDS[word]
    else:
        h = int(hour) % 12 + (12 if half == "p" else 0)
        clock = f"{h:02d}:{int(minute or 0):02d}"
    return DateValue(f"{day.value}T{clock}", "day", day.anchored)


def _weekend(t, anchor, ctx, past):
    """ "the weekend", "last weekend", "this weekend": the Saturday-Sunday of an ISO week, written
    "2012-W42-WE" (TIMEX3)."""
    m = re.match(r"^(?:(this|last|next|the|coming|past)\s+)?weekend$", t)
    if not m:
        return None
    if anchor is None:
        return DateValue(None, "week", False)
    mod = m.group(1)
    saturday = anchor + dt.timedelta(days=5 - anchor.weekday())  # the Saturday of the anchor's week
    if mod == "last" or mod == "past" or (mod in (None, "the") and past is True and anchor.weekday() < 5):
        saturday -= dt.timedelta(weeks=1)
    elif mod == "next" and anchor.weekday() >= 5:
        saturday += dt.timedelta(weeks=1)
    return DateValue(_iso_week(saturday) + "-WE", "week", True)


def _year_only(t, anchor, ctx, past):
    m = re.match(r"^(?:early|late|mid|mid-|the end of|end of|the start of|start of|the beginning of|beginning of|"
                 r"the first months of|spring|summer|autumn|winter)?\s*-?\s*((?:19|20)\d\d)$", t)
    if m:
        return DateValue(m.group(1), "year", False)
    m = re.match(r"^(1[5-8]\d\d)$", t)
    if m:  # "in 1898": an older year, written alone
        return DateValue(m.group(1), "year", False)
    m = re.match(r"^year\s+((?:19|20)\d\d)$", t)
    if m:  # "the year 2000" ("the year two thousand")
        return DateValue(m.group(1), "year", False)
    m = re.match(r"^(?:(?:early|late|mid)[\s-]*)?(?:((?:19|20)\d)0s|'(\d)0s|(\w+ties))$", t)
    if m:  # "the 1990s", "the late 1970s", "the mid-1990s", "the '80s", "the nineties"
        if m.group(1):
            return DateValue(m.group(1) + "X", "decade", False)
        tens = int(m.group(2)) * 10 if m.group(2) else number_value(re.sub(r"ies$", "y", m.group(3)))
        if tens is None or tens < 20 or tens % 10:
            return None
        century = "19" if anchor is None or tens // 10 > anchor.year % 100 // 10 else str(anchor.year)[:2]
        return DateValue(f"{century}{tens // 10}X", "decade", anchor is not None)
    m = re.match(r"^(this|last|the last|previous|next)\s+decade$", t)
    if m:
        if anchor is None:
            return DateValue(None, "decade", False)
        shift = {"this": 0, "next": 1}.get(m.group(1), -1)
        return DateValue(f"{anchor.year // 10 + shift}X", "decade", True)
    m = re.match(r"^(?:(?:early|late|mid)[\s-]*)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century$", t) \
        or re.match(r"^(?:(?:early|late|mid)[\s-]*)?(\w+)[\s-]+century$", t)
    if m:  # "the 20th century" → "19XX"
        n = int(m.group(1)) if m.group(1).isdigit() else ORDINAL_WORDS.get(m.group(1))
        if not n or n > 21:
            return None
        return DateValue(f"{n - 1:02d}XX", "century", False)
    return None


ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(words("ordinal_words"))}


def _part_of_year(t, anchor, ctx, past):
    m = re.match(r"^(first|second|1st|2nd|last|latter)\s+half\s+of\s+((?:19|20)\d\d|the year|this year|last year|next year)$", t) \
        or re.match(r"^(first)\s+two\s+quarters\s+of\s+((?:19|20)\d\d|the year|this year|last year|next year)$", t)
    if m:
        year = _year_ref(m.group(2), anchor)
        half = 1 if m.group(1) in ("first", "1st") else 2
        return DateValue(f"{year}-H{half}" if year else None, "half", not m.group(2)[0].isdigit())
    m = re.match(r"^(first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter\s+of\s+((?:19|20)\d\d|the year|this year|last year|next year)$", t) \
        or re.match(r"^(q[1-4])\s+((?:19|20)\d\d)$", t)
    if m:
        year = _year_ref(m.group(2), anchor)
        q = int(m.group(1)[1]) if m.group(1).startswith("q") else ORDINAL_PARTS[m.group(1)]
        return DateValue(f"{year}-Q{q}" if year else None, "quarter", not m.group(2)[0].isdigit())
    m = re.match(r"^(?:(last|next|this|early|late)\s+)?(spring|summer|autumn|fall|winter)"
                 r"(?:\s+(?:of\s+)?((?:19|20)\d\d)(?:\s*[-/–]\s*(?:\d\d){1,2})?)?$", t)
    if m:
        mod, season, year = m.groups()  # "winter 2017/18" is the winter that starts in 2017
        if year:
            return DateValue(f"{year}-{SEASONS[season]}", "season", False)
        if ctx and mod in (None, "early", "late"):
            return DateValue(f"{ctx}-{SEASONS[season]}", "season", False)  # a timeline entry's year (D24)
        if anchor is None:
            return DateValue(f"XXXX-{SEASONS[season]}" if not mod or mod in ("early", "late") else None, "season", False)
        y = anchor.year + (1 if mod == "next" else -1 if mod == "last" else 0)
        first, last = SEASON_MONTHS[SEASONS[season]]
        if mod is None and past is True and first > anchor.month:
            y -= 1  # "in the autumn", said in April of what happened, is last autumn
        elif mod is None and past is False and last < anchor.month:
            y += 1  # "in the spring", said in October of what will happen, is next spring
        return DateValue(f"{y}-{SEASONS[season]}", "season", True)
    m = re.match(r"^(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+(?:the|this|last|next)\s+(month|week)$", t)
    if m:  # "by the end of the month": the month (or week) it is part of (D41)
        return _deictic(t.split(" of ", 1)[1].replace("the ", "this "), anchor, ctx, past)
    m = re.match(r"^(?:the\s+)?(beginning|start|end|middle)\s+of\s+(the year|this year|last year|next year|(?:19|20)\d\d)$", t)
    if m:
        year = _year_ref(m.group(2), anchor)
        return DateValue(str(year) if year else None, "year", not m.group(2)[0].isdigit())
    return None


def _year_ref(ref: str, anchor: dt.date | None) -> int | None:
    if ref[0].isdigit():
        return int(ref)
    if anchor is None:
        return None
    return anchor.year + {"last year": -1, "next year": 1}.get(ref, 0)


def _deictic(t, anchor, ctx, past):
    m = re.match(r"^(?:(earlier|later|early|late|mid|sometime)(?:\s+|-))?(today|tonight|yesterday|tomorrow|"
                 r"(?:this|yesterday|tomorrow|last)\s+(?:morning|afternoon|evening|night)|"
                 r"(?:this|last|next|previous|coming)\s+(?:week|month|year|weekend)|"
                 r"(?:the )?(?:previous|following) (?:week|month|year)|a year ago|a month ago|a week ago|current year)$", t)
    if not m:
        return None
    expr = m.group(2)
    unit = "day"
    if anchor is None:
        unit = next((u for u in ("week", "month", "year") if u in expr), "day")
        return DateValue(None, unit, False)
    if expr in ("tonight", "this evening", "this morning", "this afternoon", "this night"):
        expr = "today " + expr.split()[-1]
    shift = -1 if any(w in expr for w in ("last", "yesterday", "previous", "ago")) else \
        1 if any(w in expr for w in ("next", "tomorrow", "coming", "following")) else 0
    if "week" in expr:
        d = anchor + dt.timedelta(weeks=shift)
        return DateValue(_iso_week(d), "week", True)
    if "month" in expr:
        return DateValue(_month_value(anchor.year, anchor.month, shift), "month", True)
    if "year" in expr:
        return DateValue(str(anchor.year + shift), "year", True)
    day = (anchor + dt.timedelta(days=shift)).isoformat()
    part = next((code for word, code in PARTS_OF_DAY.items() if expr.endswith(word)), None)
    return DateValue(day + "T" + part if part else day, "day", True)


def _weekday(t, anchor, ctx, past):
    m = re.match(r"^(?:(last|next|this|on|this coming|the previous|previous)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                 r"(?:\s+(morning|afternoon|evening|night))?$", t)
    if not m:
        return None
    if anchor is None:
        return DateValue(None, "day", False)
    if m.group(3):
        day = _weekday(t.rsplit(" ", 1)[0], anchor, ctx, past)
        return DateValue(f"{day.value}T{PARTS_OF_DAY[m.group(3)]}", "day", True)
    mod, target = {"this coming": "next", "the previous": "last", "previous": "last"}.get(m.group(1), m.group(1)), WEEKDAYS[m.group(2)]
    forward = mod == "next" or (mod != "last" and past is False)
    if forward:
        delta = (target - anchor.weekday()) % 7 or 7
        return DateValue((anchor + dt.timedelta(days=delta)).isoformat(), "day", True)
    delta = (anchor.weekday() - target) % 7  # D27: the nearest such day on or before the anchor
    if mod == "last" and delta == 0:
        delta = 7
    return DateValue((anchor - dt.timedelta(days=delta)).isoformat(), "day", True)


def _week_of(t, anchor, ctx, past):
    """ "the week of 12 January", "the week beginning 3 March 2014": the ISO week of that day."""
    m = re.match(r"^(?:the\s+)?week\s+(?:of|beginning|commencing|starting)\s+(.+)$", t)
    if not m:
        return None
    day = normalize(m.group(1), anchor, ctx, past)
    if day.granularity != "day" or day.value is None or "X" in day.value:
        return DateValue(None, "week", False)
    return DateValue(_iso_week(dt.date.fromisoformat(day.value)), "week", day.anchored)


def _ago(t, anchor, ctx, past):
    m = re.match(r"^(\w+)\s+(year|month|week|fortnight|day)s?\s+ago$", t)
    if not m:
        return None
    n = WORD_NUMBERS.get(m.group(1), int(m.group(1)) if m.group(1).isdigit() else None)
    unit = m.group(2)
    if unit == "fortnight":
        n, unit = n and 2 * n, "week"
    if n is None or anchor is None:
        return DateValue(None, unit, False)
    if unit == "year":
        return DateValue(str(anchor.year - n), "year", True)
    if unit == "month":
        return DateValue(_month_value(anchor.year, anchor.month, -n), "month", True)
    d = anchor - dt.timedelta(days=n * (7 if unit == "week" else 1))
    if unit == "week":
        return DateValue(_iso_week(d), "week", True)
    return DateValue(d.isoformat(), "day", True)


def _day_range(t, anchor, ctx, past):
    """ "3 to 7 October", "3-7 October 2016", "between 3 and 7 October": days of one month (D28)."""
    m = re.match(rf"^(?:between\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|and|until|-|–)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+"
                 rf"{MONTH_RE}(?:,?\s+((?:19|20)\d\d))?$", t)
    if m:
        first, last, month, year = int(m.group(1)), int(m.group(2)), _month_num(m.group(3)), m.group(4)
    else:  # "April 24 and 25", "April 24-25, 1998"
        m = re.match(rf"^(?:between\s+)?{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|and|until|through|-|–)\s*"
                     rf"(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?$", t)
        if not m:
            return None
        first, last, month, year = int(m.group(2)), int(m.group(3)), _month_num(m.group(1)), m.group(4)
    if first >= last:
        return None
    if year is None and anchor is None and ctx is None:
        return DateValue(f"XXXX-{month:02d}-{first:02d}/XXXX-{month:02d}-{last:02d}", "range", False)
    y = int(year) if year else ctx or _year_of(month, anchor, past, last)
    try:
        start, end = dt.date(y, month, first), dt.date(y, month, last)
    except ValueError:
        return None
    return DateValue(f"{start.isoformat()}/{end.isoformat()}", "range", not year and not ctx)


def _month_range(t, anchor, ctx, past):
    """ "January to March", "between March and May 2016", "December 2015 to February 2016"."""
    m = re.match(rf"^(?:between\s+)?{MONTH_RE}(?:\s+((?:19|20)\d\d))?\s*(?:to|and|until|-|–)\s*{MONTH_RE}"
                 rf"(?:,?\s+((?:19|20)\d\d))?$", t)
    if not m:
        return None
    first, first_year, last, last_year = _month_num(m.group(1)), m.group(2), _month_num(m.group(3)), m.group(4)
    if last_year or ctx:
        end_year, anchored = int(last_year) if last_year else ctx, False
    elif anchor is not None:
        end_year, anchored = _year_of(last, anchor, past), True
    else:
        return DateValue(f"XXXX-{first:02d}/XXXX-{last:02d}", "range", False)
    start_year = int(first_year) if first_year else end_year - (first > last)
    return DateValue(f"{start_year}-{first:02d}/{end_year}-{last:02d}", "range", anchored)


def _quarter(t, anchor, ctx, past):
    """A quarter of a financial year ("the third quarter of 2016/17", "Q3 2016/17") is a calendar
    quarter shifted by one (April-June is Q1 of the financial year, Q2 of the calendar); a bare
    "Q4" is the latest one by the tense, like a bare month."""
    m = re.match(r"^(?:(first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter|(q[1-4]))(?:\s+of)?\s+"
                 r"(?:the\s+)?((?:19|20)\d\d)\s*[-/]\s*(\d\d(?:\d\d)?)(?:\s+financial\s+year)?$", t)
    if m:
        q = int(m.group(2)[1]) if m.group(2) else ORDINAL_PARTS[m.group(1)]
        year = int(m.group(3)) + (q == 4)
        return DateValue(f"{year}-Q{q % 4 + 1}", "quarter", False)
    m = re.match(r"^(q[1-4])$", t)
    if not m:
        return None
    q = int(m.group(1)[1])
    if ctx:
        return DateValue(f"{ctx}-Q{q}", "quarter", False)
    if anchor is None:
        return DateValue(f"XXXX-Q{q}", "quarter", False)
    current = (anchor.month - 1) // 3 + 1
    year = anchor.year - (past is not False and q > current) + (past is False and q < current)
    return DateValue(f"{year}-Q{q}", "quarter", True)


def _school_year(t, anchor, ctx, past):
    """ "the school year 2016-17", "this academic year": September to August."""
    m = re.match(r"^(?:(?:school|academic)\s+year\s+((?:19|20)\d\d)\s*[-/–]\s*\d\d(?:\d\d)?|"
                 r"((?:19|20)\d\d)\s*[-/–]\s*\d\d(?:\d\d)?\s+(?:school|academic)\s+year|"
                 r"(this|last|next|current|coming)\s+(?:school|academic)\s+year)$", t)
    if not m:
        return None
    if m.group(1) or m.group(2):
        first = int(m.group(1) or m.group(2))
        return DateValue(f"{first}-09/{first + 1}-08", "range", False)
    if anchor is None:
        return DateValue(None, "range", False)
    first = anchor.year - (anchor.month < 9) + {"last": -1, "next": 1}.get(m.group(3), 0)
    return DateValue(f"{first}-09/{first + 1}-08", "range", True)


def _holiday(t, anchor, ctx, past):
    """ "Christmas", "the Christmas period" (a month: the value scheme has no holidays) and
    "the new year" (the coming year in a future clause, the current one otherwise)."""
    m = re.match(r"^((?:last|next|this) )?christmas(?: period| holidays?| break)?$", t)
    if m:  # Christmas is a December, and its year is found like one
        return _relative_month_name(f"{m.group(1) or ''}december", anchor, ctx, past)
    fixed = "|".join(re.escape(name) for name in FIXED_HOLIDAYS)
    m = re.match(r"^((?:last|next|this) )?(" + fixed + r"|easter(?: sunday| monday| day)?|good friday|thanksgiving(?: day)?|"
                 r"(?:(early|late|spring|summer|august|may) )?bank holiday(?: monday)?(?: weekend)?)$", t)
    if m:
        return _holiday_day(m.group(2), m.group(1), anchor, ctx, past)
    if t in ("new year", "the new year"):
        if anchor is None:
            return DateValue(None, "year", False)
        later = past is False or (past is None and anchor.month >= 7)
        return DateValue(str(anchor.year + later), "year", True)
    return None


def _holiday_date(name: str, year: int) -> dt.date | None:
    """The day of a named holiday in `year`: fixed days, Easter from dateutil, Thanksgiving (US)
    and the UK bank holidays from the `holidays` package."""
    if name in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[name].split("-")
        return dt.date(year, int(month), int(day))
    if name.startswith("easter") or name == "good friday":
        from dateutil.easter import easter
        sunday = easter(year)
        return sunday + dt.timedelta(days={"easter monday": 1, "good friday": -2}.get(name, 0))
    import holidays
    if name.startswith("thanksgiving"):
        table, wanted = holidays.country_holidays("US", years=year), "thanksgiving"
    else:
        table = holidays.country_holidays("GB", subdiv="ENG", years=year)
        wanted = {"early": "may day", "may": "may day", "spring": "spring bank", "late": "summer bank",
                  "summer": "summer bank", "august": "summer bank"}.get(name.split()[0], "")
        if not wanted:
            return None  # "the bank holiday": which one is not said
    return next((d for d, label in sorted(table.items()) if wanted in label.lower()), None)


def _holiday_day(name: str, mod: str | None, anchor, ctx, past) -> DateValue:
    """A holiday as a day, its year chosen like a day's: the entry's year, else by the tense."""
    if ctx is None and anchor is None:
        fixed = FIXED_HOLIDAYS.get(name)
        return DateValue(f"XXXX-{fixed}" if fixed else None, "day", False)
    if ctx is not None:
        found = _holiday_date(name, ctx)
        return DateValue(found.isoformat() if found else None, "day", False)
    mod = (mod or "").strip()
    this_year = _holiday_date(name, anchor.year)
    if this_year is None:
        return DateValue(None, "day", False)
    if mod == "last" or (mod != "next" and mod != "this" and past is True and this_year > anchor):
        year = anchor.year - 1 if this_year >= anchor else anchor.year
    elif mod == "next" or (mod != "this" and past is False and this_year < anchor):
        year = anchor.year + 1 if this_year <= anchor else anchor.year
    elif mod != "this" and past is None:  # tense unknown: the nearest one
        candidates = [(abs((d - anchor).days), d.year) for d in
                      (_holiday_date(name, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)) if d]
        year = min(candidates)[1]
    else:
        year = anchor.year
    found = _holiday_date(name, year)
    return DateValue(found.isoformat() if found else None, "day", True)


def _ordinal_day(t, anchor, ctx, past):
    """ "on the 3rd": a day of the publication month, or the next month's in a future clause when
    it has passed (the previous month's in a past clause when it has not come)."""
    m = re.match(r"^(\d{1,2})(?:st|nd|rd|th)$", t)
    if not m or anchor is None:
        return None
    day = int(m.group(1))
    shift = (past is False and day < anchor.day) - (past is True and day > anchor.day)
    y, mth = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
    try:
        return DateValue(dt.date(y, mth + 1, day).isoformat(), "day", True)
    except ValueError:
        return None


ANAPHORIC_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
                   "year": "year", "years": "year"}


def _anaphoric(t: str, antecedent: str | None, anchor: dt.date | None = None) -> DateValue | None:
    """ "the following year", "the same month", "the day before", "two years later" count from the
    date the text has just named, not from the publication date (D46). None when `t` is not such
    an expression. With no date named before it, it counts from the publication date (anchored);
    with neither, or an antecedent too coarse for the unit, the value is null."""
    m = re.match(r"^(?:(following|previous|preceding|same)\s+(day|week|month|year)|"
                 r"(day|week|month|year)\s+(before|after|earlier|later)|"
                 r"(\w+)\s+(days?|weeks?|months?|years?)\s+(earlier|later)|"
                 r"(?:(earlier|later)\s+)?that\s+(day|week|month|year))$", t)
    if not m:
        return None
    g = m.groups()
    if g[0]:
        unit, shift = g[1], {"following": 1, "previous": -1, "preceding": -1, "same": 0}[g[0]]
    elif g[2]:
        unit, shift = g[2], -1 if g[3] in ("before", "earlier") else 1
    elif g[4]:
        n = WORD_NUMBERS.get(g[4], int(g[4]) if g[4].isdigit() else None)
        if n is None:
            return None
        unit, shift = ANAPHORIC_UNITS[g[5]], n if g[6] == "later" else -n
    else:
        unit, shift = g[8], 0
    if g[0] in ("previous", "following") and antecedent is None:
        return None  # no date to count from: "the previous week" counts from publication (_deictic)
    if antecedent is None and anchor is not None and not g[8] and g[0] != "same":
        moved = _shift(anchor.isoformat(), unit, shift)
        return DateValue(moved.value, moved.granularity, True)
    return _shift(antecedent, unit, shift)


def _shift(value: str | None, unit: str, shift: int) -> DateValue:
    """`value` (a TIMEX3 value) moved by `shift` units, at the unit's granularity."""
    parts = re.match(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", (value or "").split("/")[0])
    if not parts:
        return DateValue(None, unit, False)
    year, month, day = (int(p) if p else None for p in parts.groups())
    if unit == "year":
        return DateValue(str(year + shift), "year", False)
    if unit == "month" and month:
        return DateValue(_month_value(year, month, shift), "month", False)
    if day:
        d = dt.date(year, month, day) + dt.timedelta(days=shift * (7 if unit == "week" else 1))
        if unit == "week":
            return DateValue(_iso_week(d), "week", False)
        return DateValue(d.isoformat(), "day", False)
    return DateValue(None, unit, False)


WORD_NUMBERS = {"a": 1, "an": 1, **number_words()}
PARTS_OF_DAY = dict(entry.split("=") for entry in words("parts_of_day"))
CLOCK_WORDS = dict(entry.split("=") for entry in words("clock_words"))
FIXED_HOLIDAYS = dict(entry.split("=") for entry in words("fixed_holidays"))

RULES = [_clock, _day_then_part, _composite, _weekend, _week_of, _ago, _quarter, _school_year, _financial_year, _range, _month_year, _absolute_day, _day_range,
         _month_range, _day_month, _part_of_year, _year_only, _relative_month_name, _holiday, _ordinal_day, _deictic,
         _weekday]


# -- business periods: quarters, halves, fiscal years, the comparison period -----------------------

ORDINAL_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                    "final": 4}
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF_VALUE = re.compile(r"^(\d{4})-H([12])$")


def _current_quarter(anchor: dt.date) -> tuple[int, int]:
    return anchor.year, (anchor.month - 1) // 3 + 1


def _quarter_shift(year: int, q: int, shift: int) -> str:
    y, i = divmod(year * 4 + q - 1 + shift, 4)
    return f"{y}-Q{i + 1}"


def _named_quarter_year(q: int, anchor: dt.date, past: bool | None) -> int:
    """The year of "the third quarter" named without one: the publication year's, the year before
    when it has not begun yet and the clause is not about the future (results are reported after
    the quarter), the year after when it is over and the clause is about the future."""
    year, current = _current_quarter(anchor)
    return year - (past is not False and q > current) + (past is False and q < current - 1)


def _business_period(t, anchor, past, antecedent):
    """Quarters, halves and fiscal years as company reports write them: "third-quarter", "the
    fiscal first quarter", "the 1988 second quarter", "this year's third quarter", "the latest
    quarter", "the year-earlier quarter", "fiscal 1989", "the current fiscal year", "year-end".
    A bare "the quarter" or "the year-ago period" refers to the quarter the text is about (the
    antecedent), else to the latest complete quarter."""
    ante_q = _QUARTER_VALUE.match(antecedent or "")
    m = re.match(r"^(?:((?:19|20)\d\d)\s+|(this|last|next) year's\s+|(year-earlier|year-ago|comparable|corresponding)\s+)?"
                 r"(?:fiscal[\s-]+)?(first|1st|second|2nd|third|3rd|fourth|4th|final)[\s-]+(?:fiscal[\s-]+)?"
                 r"(quarter|period|qtr|half)$", t)
    if m:
        year_text, rel, ago, ordinal, unit = m.groups()
        n = ORDINAL_QUARTERS[ordinal]
        if unit == "half":
            if n > 2:
                return None
        if year_text:
            year = int(year_text)
        elif anchor is None:
            return DateValue(f"XXXX-{'H' if unit == 'half' else 'Q'}{n}", "half" if unit == "half" else "quarter", False)
        elif rel:
            year = anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
        elif ago:
            year = (int(ante_q.group(1)) if ante_q else anchor.year) - 1
        elif unit == "half":
            year = anchor.year - (past is not False and n == 2 and anchor.month <= 6)
        else:
            year = _named_quarter_year(n, anchor, past)
        if unit == "half":
            return DateValue(f"{year}-H{n}", "half", not year_text)
        return DateValue(f"{year}-Q{n}", "quarter", not year_text)
    m = re.match(r"^((?:19|20)\d\d)\s+(quarter|period)$", t)
    if m:  # "the 1988 quarter": the quarter the text is about, in that year
        if ante_q:
            return DateValue(f"{m.group(1)}-Q{ante_q.group(2)}", "quarter", False)
        return DateValue(m.group(1), "year", False)
    m = re.match(r"^(?:(latest|recent|most recent|current|this|that|same|last|previous|past|next|coming|"
                 r"year-earlier|year - earlier|year-ago|year - ago|comparable|comparable year-ago|comparable year-earlier|corresponding|"
                 r"last year's|this year's)\s+)?(?:fiscal\s+)?(quarter|period)$", t)
    if m and (m.group(1) or m.group(2) == "quarter"):
        mod, unit = m.group(1), m.group(2)
        if unit == "period" and mod in (None, "current", "this", "last", "previous", "past", "next", "coming", "recent"):
            return None  # "the period", "the last period": too vague to be a quarter
        if mod in ("latest", "most recent", "recent", "current"):
            ante_q = None  # "the latest quarter" is the latest by the calendar, whatever was named before
        if anchor is None and not ante_q:
            return DateValue(None, "quarter", False)
        if ante_q:
            base_year, base_q = int(ante_q.group(1)), int(ante_q.group(2))
        else:
            year, current = _current_quarter(anchor)
            if mod in ("current", "this", "next", "coming"):
                base_year, base_q = year, current
            else:  # the latest complete quarter
                base_year, index = divmod(year * 4 + current - 2, 4)
                base_q = index + 1
        if mod in ("year-earlier", "year-ago", "year - earlier", "year - ago", "comparable", "comparable year-ago",
                   "comparable year-earlier", "corresponding", "last year's"):
            return DateValue(_quarter_shift(base_year, base_q, -4), "quarter", not ante_q)
        if mod in ("next", "coming") and not ante_q:
            return DateValue(_quarter_shift(base_year, base_q, 1), "quarter", True)
        if mod in ("current",) and anchor is not None:
            year, current = _current_quarter(anchor)
            return DateValue(f"{year}-Q{current}", "quarter", True)
        return DateValue(f"{base_year}-Q{base_q}", "quarter", not ante_q)
    m = re.match(r"^fiscal(?:\s+year)?\s+((?:19|20)\d\d)$", t)
    if m:  # "fiscal 1989": a company's fiscal year, named by the year it ends in
        return DateValue(m.group(1), "year", False)
    m = re.match(r"^(?:(this|current|latest|last|previous|past|next|coming|full|whole)\s+)?(fiscal|financial|full|calendar)\s+year$", t) \
        or re.match(r"^(full|whole)\s+(year)$", t)
    if m:
        mod, kind = m.group(1), m.group(2)
        if anchor is None:
            return DateValue(None, "year", False)
        shift = {"last": -1, "previous": -1, "past": -1, "latest": -1, "next": 1, "coming": 1}.get(mod, 0)
        if kind == "financial":  # the UK public-sector year, April to March (D44)
            first = anchor.year - (anchor.month < 4) + shift
            return DateValue(f"{first}-04/{first + 1}-03", "range", True)
        return DateValue(str(anchor.year + shift), "year", True)
    if re.match(r"^(?:the\s+)?(?:year[\s-]end|year's end|end of (?:the|this) year)$", t):
        if anchor is None:
            return DateValue(None, "year", False)
        return DateValue(str(anchor.year - (past is True and anchor.month <= 2)), "year", True)
    return None


def _year_offset(t, anchor, past, antecedent):
    """ "a year earlier", "a year ago", "year-earlier", "the same period last year" after a quarter
    or half: the same quarter (half) a year before, as results are compared. Elsewhere None (the
    general rules apply: "a year ago" is a year before publication, "a year earlier" a year before
    the antecedent)."""
    m = re.match(r"^(?:(?:the\s+)?(?:quarter|period|same period|same quarter|corresponding period)\s+)?"
                 r"(a year earlier|a year ago|one year earlier|one year ago|year-earlier|year-ago|a year before)$", t) \
        or re.match(r"^(?:the\s+)?(?:quarter|period|same period|same quarter|corresponding period)\s+(last year)$", t) \
        or re.match(r"^(?:the\s+)?(?:same|corresponding|comparable)\s+(?:period|quarter)\s+(?:of\s+)?(last year|a year ago|a year earlier)$", t)
    if not m:
        return None
    for pattern, letter in ((_QUARTER_VALUE, "Q"), (_HALF_VALUE, "H")):
        found = pattern.match(antecedent or "")
        if found:
            return DateValue(f"{int(found.group(1)) - 1}-{letter}{found.group(2)}",
                             "quarter" if letter == "Q" else "half", False)
    if m.group(1) in ("year-earlier", "year-ago", "one year earlier", "a year before"):
        return _anaphoric("a year earlier", antecedent, anchor)
    return None
