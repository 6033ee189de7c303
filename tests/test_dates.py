"""The date grammar: a table of the corpus's forms and many more, including what is not a date.

Anchor dates: A = Friday 19 October 2012 (the real corpus's most common), B = Thursday 17 January
2019 (a January article: "last April" is the year before), N = no publication date.
"""
import datetime as dt

import pytest

from pipeline.dates.datelines import expand_year, find_date
from pipeline.dates.grammar import is_date_expression, normalize

A = dt.date(2012, 10, 19)
B = dt.date(2019, 1, 17)
N = None

CASES = [
    # absolute days, UK day-first
    ("19/10/2012", A, None, True, "2012-10-19", "day"),
    ("19.Oct 2012", A, None, True, "2012-10-19", "day"),
    ("17.01.19", B, None, True, "2019-01-17", "day"),
    ("23/05/2014", N, None, True, "2014-05-23", "day"),
    ("07/02/2019", N, None, True, "2019-02-07", "day"),
    ("3/7/18", N, None, True, "2018-07-03", "day"),
    ("23 May 2014", N, None, True, "2014-05-23", "day"),
    ("14 March 2017", N, None, True, "2017-03-14", "day"),
    ("Tuesday 3 July 2018", N, None, True, "2018-07-03", "day"),
    ("12th Nov 2016", N, None, True, "2016-11-12", "day"),
    ("Thu 7 Feb 2019", N, None, True, "2019-02-07", "day"),
    ("2017-06-09", N, None, True, "2017-06-09", "day"),
    ("June 9, 2017", N, None, True, "2017-06-09", "day"),
    ("1 September 2015", N, None, True, "2015-09-01", "day"),
    ("31st December 2013", N, None, True, "2013-12-31", "day"),
    # day and month without a year take the publication year
    ("Friday 19 October", A, None, True, "2012-10-19", "day"),
    ("(Friday 19 October)", A, None, True, "2012-10-19", "day"),
    ("19 October", A, None, True, "2012-10-19", "day"),
    ("3 March", N, None, True, "XXXX-03-03", "day"),
    ("March 3", A, None, True, "2012-03-03", "day"),
    # months and years
    ("February 2009", A, None, True, "2009-02", "month"),
    ("April 2018", B, None, True, "2018-04", "month"),
    ("September, 2015", N, None, True, "2015-09", "month"),
    ("2010 (October)", N, None, True, "2010-10", "month"),
    ("2012 (January)", N, None, True, "2012-01", "month"),
    ("2011", A, None, True, "2011", "year"),
    ("in 2008", A, None, True, "2008", "year"),
    ("since 2009", A, None, True, "2009", "year"),
    ("early 2016", N, None, True, "2016", "year"),
    ("the end of 2013", N, None, True, "2013", "year"),
    ("the 1990s", N, None, True, "199X", "decade"),
    ("the 2000s", N, None, True, "200X", "decade"),
    # ranges
    ("2002 - 2005", N, None, True, "2002/2005", "range"),
    ("2005–2008", N, None, True, "2005/2008", "range"),
    ("between 2014 and 2016", N, None, True, "2014/2016", "range"),
    ("2014 to 2016", N, None, True, "2014/2016", "range"),
    # financial years are April to March (D44); four-digit pairs stay a range of years
    ("2004/05", N, None, True, "2004-04/2005-03", "range"),
    ("2017-18", N, None, True, "2017-04/2018-03", "range"),
    ("in 2015/16", N, None, True, "2015-04/2016-03", "range"),
    ("financial year 2016/2017", N, None, True, "2016-04/2017-03", "range"),
    ("2016/2017", N, None, True, "2016/2017", "range"),
    ("2010-13", N, None, True, "2010/2013", "range"),
    # the week of a day is its ISO week
    ("the week of 12 January", dt.date(2015, 2, 3), None, True, "2015-W03", "week"),
    ("week beginning 3 March 2014", N, None, True, "2014-W10", "week"),
    ("the week of 12 January", N, None, True, None, "week"),
    # a season in a timeline entry takes the entry's year
    ("in the autumn", A, 2015, None, "2015-FA", "season"),
    ("last summer", dt.date(2018, 3, 7), None, True, "2017-SU", "season"),
    ("2014-16", N, None, True, "2014/2016", "range"),
    # halves, quarters, seasons
    ("the first half of 2012", A, None, True, "2012-H1", "half"),
    ("second half of 2018", N, None, True, "2018-H2", "half"),
    ("the first half of the year", A, None, True, "2012-H1", "half"),
    ("first quarter of 2019", N, None, True, "2019-Q1", "quarter"),
    ("Q3 2017", N, None, True, "2017-Q3", "quarter"),
    ("spring 2019", N, None, True, "2019-SP", "season"),
    ("autumn of 2016", N, None, True, "2016-FA", "season"),
    ("next spring", A, None, True, "2013-SP", "season"),
    ("last summer", B, None, True, "2018-SU", "season"),
    ("the autumn", A, None, True, "2012-FA", "season"),
    ("winter", N, None, True, "XXXX-WI", "season"),
    # relative to the publication date
    ("today", A, None, True, "2012-10-19", "day"),
    ("yesterday", A, None, True, "2012-10-18", "day"),
    ("tomorrow", A, None, False, "2012-10-20", "day"),
    ("last month", A, None, True, "2012-09", "month"),
    ("last month", B, None, True, "2018-12", "month"),
    ("next month", A, None, False, "2012-11", "month"),
    ("next month", B, None, False, "2019-02", "month"),
    ("this month", A, None, True, "2012-10", "month"),
    ("later this month", A, None, False, "2012-10", "month"),
    ("last year", A, None, True, "2011", "year"),
    ("next year", A, None, False, "2013", "year"),
    ("this year", B, None, True, "2019", "year"),
    ("earlier this year", B, None, True, "2019", "year"),
    ("last week", A, None, True, "2012-W41", "week"),
    ("earlier this week", A, None, True, "2012-W42", "week"),
    ("next week", A, None, False, "2012-W43", "week"),
    ("the beginning of the year", A, None, True, "2012", "year"),
    ("three years ago", A, None, True, "2009", "year"),
    ("two months ago", A, None, True, "2012-08", "month"),
    ("a fortnight ago", A, None, True, "2012-W40", "week"),
    ("the 3rd of March", A, None, True, "2012-03-03", "day"),
    # weekdays (D27): on or before the anchor in the past, after it in the future
    ("Tuesday", A, None, True, "2012-10-16", "day"),
    ("on Friday", A, None, True, "2012-10-19", "day"),
    ("Monday", A, None, False, "2012-10-22", "day"),
    ("last Monday", A, None, True, "2012-10-15", "day"),
    ("next Tuesday", A, None, True, "2012-10-23", "day"),
    # months alone: tense decides, timelines give the year (D24)
    ("last April", B, None, True, "2018-04", "month"),
    ("in July", A, None, True, "2012-07", "month"),
    ("in December", A, None, True, "2011-12", "month"),
    ("in December", A, None, False, "2012-12", "month"),
    ("August", dt.date(2018, 7, 4), None, None, "2018-08", "month"),
    ("in March", A, 2013, True, "2013-03", "month"),
    ("in July", N, None, True, "XXXX-07", "month"),
    ("next April", B, None, False, "2019-04", "month"),
    # wholly relative with no publication date: no value, granularity kept (D43)
    ("today", N, None, True, None, "day"),
    ("last week", N, None, True, None, "week"),
    ("later this month", N, None, True, None, "month"),
    ("Tuesday", N, None, True, None, "day"),
    ("next year", N, None, False, None, "year"),
    # day and month ranges, quarters of financial years, school years (D28, D44)
    ("3 to 7 October", dt.date(2016, 11, 21), None, True, "2016-10-03/2016-10-07", "range"),
    ("between 3 and 7 October 2015", A, None, True, "2015-10-03/2015-10-07", "range"),
    ("January to March", dt.date(2018, 6, 12), None, True, "2018-01/2018-03", "range"),
    ("December to February", dt.date(2018, 6, 12), None, True, "2017-12/2018-02", "range"),
    ("March 2015 to May 2016", A, None, True, "2015-03/2016-05", "range"),
    ("January to March", N, None, True, "XXXX-01/XXXX-03", "range"),
    ("the third quarter of 2016/17", A, None, True, "2016-Q4", "quarter"),
    ("Q4 2016/17", A, None, True, "2017-Q1", "quarter"),
    ("Q1 of 2017/18", A, None, True, "2017-Q2", "quarter"),
    ("Q4", dt.date(2018, 6, 12), None, None, "2017-Q4", "quarter"),
    ("Q3", dt.date(2018, 6, 12), None, False, "2018-Q3", "quarter"),
    ("winter 2017/18", A, None, True, "2017-WI", "season"),
    ("the 2016/17 financial year", A, None, True, "2016-04/2017-03", "range"),
    ("the 2016/2017 financial year", A, None, True, "2016-04/2017-03", "range"),
    ("the school year 2016-17", A, None, True, "2016-09/2017-08", "range"),
    ("the 2016-17 academic year", A, None, True, "2016-09/2017-08", "range"),
    ("this academic year", dt.date(2017, 4, 3), None, None, "2016-09/2017-08", "range"),
    ("next school year", dt.date(2017, 4, 3), None, False, "2017-09/2018-08", "range"),
    # holidays, ordinal days, fortnights; the tense picks the year of a day without one
    ("over the Christmas period", dt.date(2017, 4, 3), None, True, "2016-12", "month"),
    ("Christmas", dt.date(2017, 4, 3), None, False, "2017-12", "month"),
    ("in the new year", dt.date(2017, 4, 3), None, True, "2017", "year"),
    ("in the new year", dt.date(2017, 11, 3), None, None, "2018", "year"),
    ("on the 3rd", dt.date(2018, 4, 2), None, False, "2018-04-03", "day"),
    ("on the 28th", dt.date(2018, 4, 2), None, True, "2018-03-28", "day"),
    ("the 14th of May", dt.date(2018, 4, 2), None, False, "2018-05-14", "day"),
    ("a fortnight ago", dt.date(2018, 10, 11), None, True, "2018-W39", "week"),
    ("a year ago", dt.date(2017, 4, 3), None, True, "2016", "year"),
    ("20 December", dt.date(2019, 2, 3), None, True, "2018-12-20", "day"),
    ("20 December", dt.date(2019, 2, 3), None, None, "2018-12-20", "day"),
    ("11 February", dt.date(2019, 2, 3), None, False, "2019-02-11", "day"),
    ("in the spring", dt.date(2018, 10, 11), None, False, "2019-SP", "season"),
    ("in the autumn", dt.date(2017, 4, 3), None, True, "2016-FA", "season"),
    ("mid-2014", A, None, True, "2014", "year"),
    ("the 1990s", A, None, True, "199X", "decade"),
]


@pytest.mark.parametrize("text, anchor, context_year, past, value, granularity", CASES)
def test_normalize(text, anchor, context_year, past, value, granularity):
    got = normalize(text, anchor, context_year=context_year, past=past)
    assert (got.value, got.granularity) == (value, granularity)
    assert is_date_expression(text)


NOT_DATES = [
    "18 months", "just 18 months", "four years", "two years", "a year", "six months", "the next 12 months",
    "the next six months", "the past few months", "the next few weeks", "72 hours", "a fifth year",
    "seven-year-old", "86-year-old", "11-year-old", "weekly", "monthly", "daily", "every six months",
    "recent years", "recently", "years", "weeks", "days", "year-long", "some very hard years",
    "less than three years", "61", "the past decade", "almost weekly", "twice monthly", "most weekend",
    "most weekends", "every day", "coming weeks", "the coming months", "the following days",
    "11 to 17", "11-17", "twice a week", "three times a year", "once a month", "month after month",
    "year on year", "day by day",
]


#: Anaphoric dates count from the date named just before them (D46): (text, antecedent, value, granularity).
ANAPHORIC = [
    ("the following year", "2016-SU", "2017", "year"),
    ("the previous year", "2017", "2016", "year"),
    ("the same month", "2016-09", "2016-09", "month"),
    ("the same month", "2016-09-14", "2016-09", "month"),
    ("the following month", "2016-12", "2017-01", "month"),
    ("the day before", "2017-02-07", "2017-02-06", "day"),
    ("the day after", "2017-02-28", "2017-03-01", "day"),
    ("a year earlier", "2016-Q4", "2015-Q4", "quarter"),  # results compare the same quarter a year before
    ("two years later", "2016", "2018", "year"),
    ("three months later", "2016-11", "2017-02", "month"),
    ("a week later", "2017-02-07", "2017-W07", "week"),
    ("later that year", "2014-06", "2014", "year"),
    ("the same day", "2016-09", None, "day"),  # a month names no day to share
    ("two years later", None, "2014", "year"),   # nothing named before: counts from publication
]


@pytest.mark.parametrize("text, antecedent, value, granularity", ANAPHORIC)
def test_anaphoric_dates_count_from_the_previous_date(text, antecedent, value, granularity):
    got = normalize(text, A, past=True, antecedent=antecedent)
    assert (got.value, got.granularity) == (value, granularity)
    assert is_date_expression(text)


def test_previous_week_without_an_antecedent_counts_from_publication():
    assert normalize("the previous week", A, past=True).value == "2012-W41"
    assert normalize("the previous week", A, past=True, antecedent="2012-05-02").value == "2012-W17"


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert not is_date_expression(text)


def test_iso_datelines_and_timestamps():
    assert find_date("2019-03-05T10:00:00Z")[0] == dt.date(2019, 3, 5)
    assert find_date("Posted 2019/03/05")[0] == dt.date(2019, 3, 5)
    assert find_date("2019-03/05") is None
    assert find_date("Thu 17-Jan-2019 | 09:30")[0] == dt.date(2019, 1, 17)


def test_two_digit_years_never_become_1919():
    assert expand_year("19") == 2019 and expand_year("99") == 1999 and expand_year("05") == 2005
    assert find_date("17.01.19")[0] == dt.date(2019, 1, 17)


def test_results_do_not_depend_on_the_machine_clock_or_time_zone(monkeypatch):
    """Relative values come from the anchor only, also on the dateparser path: inputs the grammar
    does not know, which a spy shows reach `_dateparser_fallback` (uncached here) and resolve."""
    import time

    from pipeline.dates import grammar as dates

    reached = []
    real = dates._dateparser_fallback

    def spy(t, anchor, past, *rest):
        value = real(t, anchor, past, *rest)
        reached.append((t, value.value))
        return value
    monkeypatch.setattr(dates, "_dateparser_fallback", spy)
    texts = ("the day after tomorrow", "48 hours ago")
    results = []
    for zone in ("UTC", "Pacific/Kiritimati", "America/Anchorage"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        real.cache_clear()
        dates._date_data_parser.cache_clear()
        results.append([normalize(text, A).value for text in texts])
    monkeypatch.delenv("TZ")
    time.tzset()
    assert reached == [("day after tomorrow", "2012-10-21"), ("48 hours ago", "2012-10-17")] * 3  # "the" stripped
    assert results == [["2012-10-21", "2012-10-17"]] * 3


# -- issue 16: newswire forms (TimeBank error classes) --------------------------------------------

W = dt.date(1989, 10, 26)   # a Thursday in the fourth quarter (WSJ earnings season)
F = dt.date(1998, 2, 13)    # a Friday in February

NEWSWIRE = [
    # quarters, halves and fiscal years (calendar by default)
    ("third-quarter", W, None, True, None, "1989-Q3", "quarter"),
    ("the third quarter", W, None, True, None, "1989-Q3", "quarter"),
    ("the fourth quarter", W, None, True, None, "1989-Q4", "quarter"),
    ("the fourth quarter", F, None, True, None, "1997-Q4", "quarter"),  # not begun yet: last year's
    ("the fiscal first quarter", W, None, True, None, "1989-Q1", "quarter"),
    ("fiscal second-quarter", W, None, True, None, "1989-Q2", "quarter"),
    ("the 1988 second quarter", W, None, True, None, "1988-Q2", "quarter"),
    ("this year's third quarter", W, None, True, None, "1989-Q3", "quarter"),
    ("next year's first quarter", W, None, False, None, "1990-Q1", "quarter"),
    ("the latest quarter", W, None, True, None, "1989-Q3", "quarter"),
    ("the latest quarter", W, None, True, "1988-Q2", "1989-Q3", "quarter"),  # by the calendar, not the text
    ("the current quarter", W, None, True, None, "1989-Q4", "quarter"),
    ("this quarter", W, None, False, None, "1989-Q4", "quarter"),
    ("next quarter", W, None, False, None, "1990-Q1", "quarter"),
    ("the last quarter", dt.date(1990, 2, 1), None, True, None, "1989-Q4", "quarter"),
    ("the quarter", W, None, True, "1989-Q2", "1989-Q2", "quarter"),
    ("the year-earlier quarter", W, None, True, "1989-Q3", "1988-Q3", "quarter"),
    ("the year-ago period", W, None, True, "1989-Q3", "1988-Q3", "quarter"),
    ("the 1988 quarter", W, None, True, "1989-Q3", "1988-Q3", "quarter"),
    ("a year ago", W, None, True, "1989-Q3", "1988-Q3", "quarter"),
    ("the first half", W, None, True, None, "1989-H1", "half"),
    ("the last half of 1989", W, None, True, None, "1989-H2", "half"),
    ("the first two quarters of 1990", W, None, False, None, "1990-H1", "half"),
    ("fiscal 1989", W, None, True, None, "1989", "year"),
    ("the current fiscal year", W, None, True, None, "1989", "year"),
    ("the full year", W, None, True, None, "1989", "year"),
    ("this financial year", dt.date(2017, 2, 3), None, True, None, "2016-04/2017-03", "range"),  # UK (D44)
    ("year-end", W, None, False, None, "1989", "year"),
    # composite relative forms
    ("January this year", F, None, True, None, "1998-01", "month"),
    ("June last year", F, None, True, None, "1997-06", "month"),
    ("5 March next year", F, None, False, None, "1999-03-05", "day"),
    ("this September", F, None, True, None, "1998-09", "month"),  # was the previous September
    # no antecedent: counts from the publication date
    ("a year earlier", W, None, True, None, "1988", "year"),
    ("the day before", F, None, True, None, "1998-02-12", "day"),
    # written-out years
    ("nineteen ninety-six", F, None, True, None, "1996", "year"),
    ("January nineteen ninety-seven", F, None, True, None, "1997-01", "month"),
    ("the winter of nineteen ninety-four", F, None, True, None, "1994-WI", "season"),
    ("the year two thousand", F, None, False, None, "2000", "year"),
    ("two thousand and one", F, None, True, None, "2001", "year"),
    ("in 1898", F, None, True, None, "1898", "year"),
    # holidays
    ("Thanksgiving Day", W, None, False, None, "1989-11-23", "day"),
    ("Easter", dt.date(2019, 2, 1), None, False, None, "2019-04-21", "day"),
    ("Easter Monday", dt.date(2019, 5, 1), None, True, None, "2019-04-22", "day"),
    ("Christmas Day", dt.date(2017, 4, 3), None, True, None, "2016-12-25", "day"),
    ("Boxing Day", dt.date(2017, 4, 3), None, False, None, "2017-12-26", "day"),
    ("Christmas Day", dt.date(2018, 1, 10), None, None, None, "2017-12-25", "day"),  # tense unknown: the nearest
    ("Christmas Day", N, None, True, None, "XXXX-12-25", "day"),
    ("the August bank holiday", dt.date(2019, 9, 10), None, True, None, "2019-08-26", "day"),
    ("the spring bank holiday", dt.date(2019, 3, 10), None, False, None, "2019-05-27", "day"),
    ("Christmas", dt.date(2017, 4, 3), None, False, None, "2017-12", "month"),  # D46: the month
    # centuries and decades
    ("the 20th century", F, None, True, None, "19XX", "century"),
    ("the nineteenth century", F, None, True, None, "18XX", "century"),
    ("the late 1970s", F, None, True, None, "197X", "decade"),
    ("the mid-1990s", F, None, True, None, "199X", "decade"),
    ("the nineties", F, None, True, None, "199X", "decade"),
    ("the '80s", F, None, True, None, "198X", "decade"),
    ("the last decade", F, None, True, None, "198X", "decade"),
    # parts of day and clock times: day granularity
    ("this morning", F, None, True, None, "1998-02-13TMO", "day"),
    ("later this afternoon", F, None, False, None, "1998-02-13TAF", "day"),
    ("tonight", F, None, False, None, "1998-02-13TNI", "day"),
    ("last night", F, None, True, None, "1998-02-12TNI", "day"),
    ("Thursday evening", F, None, True, None, "1998-02-12TEV", "day"),
    ("mid-afternoon yesterday", F, None, True, None, "1998-02-12TAF", "day"),
    ("10 p.m. Wednesday", F, None, True, None, "1998-02-11T22:00", "day"),
    ("noon Thursday", F, None, True, None, "1998-02-12T12:00", "day"),
    ("late yesterday", F, None, True, None, "1998-02-12", "day"),
    ("early next year", F, None, False, None, "1999", "year"),
    ("the weekend", dt.date(1990, 8, 13), None, True, None, "1990-W32-WE", "week"),
    # the listed bugs
    ("April 24 and 25", dt.date(1998, 4, 20), None, False, None, "1998-04-24/1998-04-25", "range"),
    ("April 24-25", dt.date(1998, 4, 20), None, False, None, "1998-04-24/1998-04-25", "range"),
    ("12/25/98", F, None, True, None, "1998-12-25", "day"),  # only month-first is a date
    # a day just ahead of publication stays in its year even in a past clause
    ("Nov. 20", dt.date(1989, 11, 2), None, True, None, "1989-11-20", "day"),
    ("in December", dt.date(2012, 10, 19), None, True, None, "2011-12", "month"),
]


@pytest.mark.parametrize("text, anchor, context_year, past, antecedent, value, granularity", NEWSWIRE)
def test_newswire_forms(text, anchor, context_year, past, antecedent, value, granularity):
    got = normalize(text, anchor, context_year=context_year, past=past, antecedent=antecedent)
    assert (got.value, got.granularity) == (value, granularity)
    assert is_date_expression(text)


NEWSWIRE_NOT_DATES = ["in his 30s", "her early forties", "their 20s", "quarter-century", "four-quarter",
                      "the third consecutive month", "three straight quarters", "7/8", "3/4", "the past decade"]


@pytest.mark.parametrize("text", NEWSWIRE_NOT_DATES)
def test_newswire_not_dates(text):
    assert not is_date_expression(text)


def _article_dates(nlp, text, published, **meta):
    from pipeline.extract.metadata import ArticleMetadata
    from pipeline.extract.process import process_article
    rows = process_article("a.txt", text.encode(), ArticleMetadata(published=published, **meta), nlp)
    return {r["text"]: r for r in rows["dates"]}


def test_articles_keep_stock_fractions_and_ages_out_of_the_dates(nlp):
    got = _article_dates(nlp, "Shares of the company rose 7/8 to 35 3/4 on Thursday. The chairman, in his 30s, "
                              "said the offer expires Nov. 20.\n", dt.date(1989, 11, 2))
    assert not any("7/8" in t or "3/4" in t or "30s" in t for t in got)
    assert got["Nov. 20"]["value"] == "1989-11-20"
    assert got["Thursday"]["value"] == "1989-11-02"


def test_articles_resolve_quarters_and_comparisons(nlp):
    text = ("Acme Corp. said third-quarter net income rose 15% to $12 million from $10.4 million a year earlier. "
            "Revenue for the quarter ended Sept. 30 rose 8%. A year ago, the company had a loss.\n")
    got = _article_dates(nlp, text, dt.date(1989, 10, 26))
    assert got["third-quarter"]["value"] == "1989-Q3"
    assert got["a year earlier"]["value"] == "1988-Q3"
    assert got["Sept. 30"]["value"] == "1989-09-30"  # "the quarter ended Sept. 30" is two dates
    assert got["quarter"]["value"] == "1989-Q3"
    assert got["A year ago"]["value"] == "1988-Q3"
    assert (got["third-quarter"]["date_start"], got["third-quarter"]["date_end"]) == (dt.date(1989, 7, 1), dt.date(1989, 9, 30))


def test_articles_read_written_years_and_times(nlp):
    text = ("Prices peaked in nineteen ninety-six. The vote is at 10 p.m. Wednesday, officials said this morning. "
            "The firm, founded in 1898, employs 1500 people.\n")
    got = _article_dates(nlp, text, dt.date(1998, 2, 13))
    assert got["1898"]["value"] == "1898" and "1500" not in got
    assert got["nineteen ninety-six"]["value"] == "1996"
    assert got["10 p.m. Wednesday"]["value"].endswith("T22:00")
    assert got["this morning"]["value"] == "1998-02-13TMO"


def test_article_date_order_from_the_sidecar(nlp):
    text = "The deal was signed on 10/12/98, the company said on Monday.\n"
    assert _article_dates(nlp, text, dt.date(1998, 12, 20))["10/12/98"]["value"] == "1998-12-10"
    assert _article_dates(nlp, text, dt.date(1998, 12, 20), date_order="mdy")["10/12/98"]["value"] == "1998-10-12"


def test_null_values_carry_no_granularity_of_their_own():
    got = normalize("the whatever period", F)
    assert got.value is None and got.granularity is None
    assert normalize("today", None).granularity == "day"  # D43: wholly relative keeps its unit


def test_absolute_dates_are_not_anchored():
    got = normalize("12/25/98", F)
    assert got.value == "1998-12-25" and got.anchored is False


def test_month_first_date_order():
    assert normalize("10/12/98", F).value == "1998-12-10"
    assert normalize("10/12/98", F, date_order="mdy").value == "1998-10-12"
    assert find_date("10/12/98", "mdy")[0] == dt.date(1998, 10, 12)
    assert find_date("25/12/98", "mdy")[0] == dt.date(1998, 12, 25)  # only day-first reads


def test_parse_date_order():
    from pipeline.dates.order import BadDateOrder, date_order_of_locale, parse_date_order
    assert parse_date_order("en-US") == "mdy" and parse_date_order("en_GB") == "dmy"
    assert parse_date_order("MDY") == "mdy" and parse_date_order(None) is None
    assert date_order_of_locale("en") is None and date_order_of_locale("en-PH") == "mdy"
    with pytest.raises(BadDateOrder):
        parse_date_order("sideways")


SPANS = [
    ("2012-09", "2012-09-01", "2012-09-30"),
    ("2012-02", "2012-02-01", "2012-02-29"),
    ("2012-10-19", "2012-10-19", "2012-10-19"),
    ("1998-02-11T22:00", "1998-02-11", "1998-02-11"),
    ("1998-02-13TMO", "1998-02-13", "1998-02-13"),
    ("2012-W42", "2012-10-15", "2012-10-21"),
    ("1990-W32-WE", "1990-08-11", "1990-08-12"),
    ("2014-Q3", "2014-07-01", "2014-09-30"),
    ("2012-H2", "2012-07-01", "2012-12-31"),
    ("2019-FA", "2019-09-01", "2019-11-30"),
    ("2017-WI", "2017-12-01", "2018-02-28"),
    ("2012", "2012-01-01", "2012-12-31"),
    ("199X", "1990-01-01", "1999-12-31"),
    ("19XX", "1900-01-01", "1999-12-31"),
    ("2002/2005", "2002-01-01", "2005-12-31"),
    ("2016-04/2017-03", "2016-04-01", "2017-03-31"),
    ("1998-04-24/1998-04-25", "1998-04-24", "1998-04-25"),
    ("XXXX-07", None, None),
    ("XXXX-01/XXXX-03", None, None),
    (None, None, None),
    ("2019-02-30", None, None),
    ("PRESENT_REF", None, None),
]


@pytest.mark.parametrize("value, start, end", SPANS)
def test_value_span(value, start, end):
    from pipeline.dates.span import value_span
    got = value_span(value)
    assert got == (dt.date.fromisoformat(start) if start else None, dt.date.fromisoformat(end) if end else None)


def test_month_names_number_words_and_two_digit_years_are_one_list_each():
    """datelines.py and grammar.py share pipeline/dates/words.py (patterns/lexicon)."""
    import inspect

    from pipeline.dates import datelines, grammar, words
    for module in (datelines, grammar):
        source = inspect.getsource(module)
        assert "jan(?:uary)?" not in source and "def expand_year" not in source and '"eleven"' not in source
    assert words.month_number("Sept.") == 9 and words.month_number("june") == 6
    assert words.number_value("ninety-six") == 96 and words.written_years("nineteen ninety-six") == "1996"


def test_every_granularity_the_grammar_gives_is_one_the_schema_allows():
    """A granularity the schema does not list rejects the whole article (invalid_rows)."""
    from pipeline.schema import GRANULARITIES

    given = {normalize(text, anchor, ctx, past, antecedent).granularity
             for text, anchor, ctx, past, antecedent, _, _ in NEWSWIRE}
    given |= {normalize(case[0], A).granularity for case in CASES}
    assert "century" in given and given - {None} <= set(GRANULARITIES)
