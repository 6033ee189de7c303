"""The publication's clock time and zone beside a dateline's date (pipeline/dates/datelines.py
`find_clock`, pipeline/structure/page.py), on made-up lines and pages."""
import datetime as dt

import pytest

from pipeline.dates.datelines import find_clock, find_date, time_zones, zone_offset
from pipeline.extract.metadata import ArticleMetadata
from pipeline.extract.process import prepare_document
from pipeline.schema import validate_rows
from pipeline.structure import analyse
from pipeline.structure.html import declared_clock


def clock_of(line: str, next_line: str | None = None):
    date, start, end = find_date(line)
    return find_clock(line, start, end, date, next_line)


@pytest.mark.parametrize("line, time, zone, offset, written", [
    ("Wire Desk November 18, 2019 11:03 PM", dt.time(23, 3), None, None, "11:03 PM"),
    ("Sam Writer - Nov 19, 2019, 10:31 pm CST", dt.time(22, 31), "CST", -360, "10:31 pm CST"),
    ("PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 pm",
     dt.time(20, 59), None, None, "8:59 pm"),
    ("Updated 10:01 pm PST, Tuesday, November 19, 2019", dt.time(22, 1), "PST", -480, "10:01 pm PST"),
    ("Nov. 18, 2019 7:04 pm ET", dt.time(19, 4), "ET", -300, "7:04 pm ET"),
    ("Updated Nov 13, 2019, 10:28am EST", dt.time(10, 28), "EST", -300, "10:28am EST"),
    ("By Sam Writer | November 18, 2019 -- 19:14 GMT (19:14 GMT) | Topic: Gadgets",
     dt.time(19, 14), "GMT", 0, "19:14 GMT"),
    ("Thu 7 Feb 2019 06.00 GMT", dt.time(6, 0), "GMT", 0, "06.00 GMT"),
    ("14 July 2019 18:00", dt.time(18, 0), None, None, "18:00"),
    ("11/12/19 4:40PM", dt.time(16, 40), None, None, "4:40PM"),
    ("5 June 2019 at 12:30 a.m.", dt.time(0, 30), None, None, "12:30 a.m."),
    ("5 June 2019 at 12 pm", dt.time(12, 0), None, None, "12 pm"),
    ("5 June 2019 at 12 noon", dt.time(12, 0), None, None, "12 noon"),
    ("14 July 2019 18:00 GMT+1", dt.time(18, 0), "GMT+1", 60, "18:00 GMT+1"),
    ("14 July 2019 18:00 UTC-05:30", dt.time(18, 0), "UTC-05:30", -330, "18:00 UTC-05:30"),
    ("By Sam Writer - Staff Writer 2019-11-19T12:48Z Science", dt.time(12, 48), "Z", 0, "12:48Z"),
    ("Published: 09:42 Thursday, 11 October 2018", dt.time(9, 42), None, None, "09:42"),
])
def test_time_and_zone_beside_the_date(line, time, zone, offset, written):
    clock = clock_of(line)
    assert clock is not None, line
    assert (clock.time, clock.zone, clock.offset) == (time, zone, offset)
    assert line[clock.start:clock.end] == written


def test_time_alone_on_the_next_short_line():
    clock = clock_of("Nov. 19, 2019", "5:50 PM")
    assert (clock.time, clock.zone) == (dt.time(17, 50), None)
    assert ("Nov. 19, 2019" + "\n" + "5:50 PM")[clock.start:clock.end] == "5:50 PM"
    assert clock_of("Nov. 19, 2019 |", "at 5:50 PM EST").offset == -300


@pytest.mark.parametrize("line, next_line", [
    ("14 March 2019 | Sam Writer | 5 comments 10:00 am", None),   # words between date and time
    ("19 November 2019 | Updated 10:16 pm", None),                # the time of another event
    ("5 June 2019, 2019 words", None),                            # a number, no clock
    ("5 June 2019 2 min read", None),
    ("Nov. 19, 2019 by Sam Writer", "5:50 PM"),                   # the date does not end its line
    ("Nov. 19, 2019", "The meeting began at 5:50 PM and ran late into the night."),  # a sentence, not a time line
    ("5 June 2019 at midnight", None),                            # which day midnight ends is unclear
])
def test_a_time_not_beside_the_date_is_not_taken(line, next_line):
    assert clock_of(line, next_line) is None


def test_zone_abbreviations_only_in_capitals():
    assert clock_of("Nov. 18, 2019 7:04 pm est").zone is None
    assert clock_of("Nov. 18, 2019 7:04 pm et al").zone is None
    assert clock_of("Nov. 18, 2019 7:04 pm UK time").offset == 0
    assert clock_of("July 18, 2019 7:04 pm uk time").offset == 60


def test_generic_zones_take_summer_time_from_the_date():
    assert clock_of("July 4, 2019 9:15 am ET").offset == -240
    assert clock_of("January 4, 2019 9:15 am ET").offset == -300
    assert clock_of("July 4, 2019 9:15 am PT").offset == -420
    assert clock_of("December 4, 2019 9:15 am PT").offset == -480
    # the night the clocks go back in New York (3 November 2019, 2 am): before and after
    assert zone_offset("ET", dt.date(2019, 11, 3), dt.time(0, 30)) == -240
    assert zone_offset("ET", dt.date(2019, 11, 3), dt.time(3, 30)) == -300
    assert zone_offset("AET", dt.date(2019, 1, 10), dt.time(12, 0)) == 660
    assert zone_offset("XYZ", dt.date(2019, 1, 10), dt.time(12, 0)) is None


def test_every_zone_resolves():
    for name, value in time_zones().items():
        offset = zone_offset(name, dt.date(2019, 6, 1), dt.time(12, 0))
        assert offset is not None and -12 * 60 <= offset <= 14 * 60, (name, value)


def test_posted_time_not_the_updated_one_on_a_line_with_both():
    # a yearless byline takes the page's year (its copyright line: 2019)
    s = analyse(_page("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM"))
    assert s.published == dt.date(2019, 11, 18) and s.published_text == "Nov 18"
    assert s.published_time == dt.time(20, 19) and s.published_utc_offset is None


PROSE = ("The new library opened its doors on Tuesday after three years of building work, and the town's "
         "officials said more than a thousand people came through in the first hour alone.\n\n"
         "Volunteers who had campaigned for the building said the wait had been worth it, and that the "
         "reading rooms would stay open late on weekdays for students and for those who work in the day.\n\n"
         "The old building, which closed two years ago, will be turned into flats under a plan agreed by "
         "the town's planning committee last spring after a long public consultation.\n")


def _page(dateline: str, after: str = "") -> str:
    return ("Town News | Homepage\nNews  Sport  Weather\n\nNew library opens its doors after three years of work\n\n"
            f"By Sam Writer\n{dateline}\n{after}\n{PROSE}\n© 2019 Town News\n")


def test_page_keeps_the_day_as_written_and_adds_time_and_zone():
    s = analyse(_page("Nov. 18, 2019 7:04 pm ET"))
    assert s.published == dt.date(2019, 11, 18) and s.published_text == "Nov. 18, 2019"
    assert (s.published_time, s.published_zone, s.published_utc_offset) == (dt.time(19, 4), "ET", -300)


def test_page_reads_a_time_on_the_line_after_the_date():
    page = _page("Nov. 19, 2019", "5:50 PM")
    s = analyse(page)
    assert s.published == dt.date(2019, 11, 19) and s.published_time == dt.time(17, 50)
    at = page.index("5:50 PM")
    assert (at, at + len("5:50 PM")) in s.excluded  # no mention comes from it


def test_relative_dateline_under_a_dated_masthead_takes_its_time():
    menu = "\n".join(["News", "Sport", "Weather", "Business", "Culture", "Travel", "Food", "Motors", "Jobs",
                      "Homes", "Letters", "Puzzles"])  # the masthead is more than ten lines above the headline
    page = ("Town News\nWednesday 20 November 2019\n" + menu + "\n\n"
            "New library opens its doors after three years of work\n\nBy Sam Writer\nYesterday 2:45PM\n\n" + PROSE)
    s = analyse(page)
    assert s.published == dt.date(2019, 11, 19) and s.published_time == dt.time(14, 45)


def test_published_date_before_an_updated_one_has_no_time_of_the_update():
    s = analyse(_page("Published 12 March 2019 | Updated 14 March 2019 at 10:00"))
    assert s.published == dt.date(2019, 3, 12) and s.published_time is None


def test_page_without_a_time_has_none():
    s = analyse(_page("Published: 14 March 2019"))
    assert s.published == dt.date(2019, 3, 14)
    assert (s.published_time, s.published_zone, s.published_utc_offset) == (None, None, None)


def test_footer_dateline_takes_its_time():
    page = ("A note from the reading group\n\n" + PROSE +
            "\nThis entry was posted on 04/05/2016 at 21:14 and is filed under Reading.\n")
    s = analyse(page)
    assert s.published == dt.date(2016, 5, 4) and s.published_time == dt.time(21, 14)


def test_a_sidecar_date_drops_the_page_time():
    page = _page("Nov. 18, 2019 7:04 pm ET").encode("utf-8")
    assert prepare_document("a.txt", page)["structure"].published_time == dt.time(19, 4)
    prepared = prepare_document("a.txt", page, ArticleMetadata(published=dt.date(2019, 11, 20)))
    s = prepared["structure"]
    assert prepared["published_source"] == "metadata" and s.published == dt.date(2019, 11, 20)
    assert (s.published_time, s.published_utc_offset) == (None, None)


def test_declared_timestamp_of_an_html_page():
    assert declared_clock("2019-11-19T07:03:25+00:00") == (dt.time(7, 3, 25), "+00:00", 0)
    assert declared_clock("2018-10-07T09:00:35.120-08:00") == (dt.time(9, 0, 35), "-08:00", -480)
    assert declared_clock("2019-11-19T01:19:34.819Z") == (dt.time(1, 19, 34), "Z", 0)
    assert declared_clock("2019-11-20T01:50:59") == (dt.time(1, 50, 59), None, None)
    assert declared_clock("2019-11-19") == (None, None, None)
    assert declared_clock("2019-11-19Tnoon") == (None, None, None)


def test_documents_columns_accept_a_time_and_an_offset_in_range():
    def problems(**values):
        return [p for p in validate_rows({"documents": [values]}) if "published_" in p]
    assert problems(published_time=dt.time(23, 3), published_utc_offset=-360) == []
    assert problems(published_time="23:03") and problems(published_time=dt.time(23, 3, 0, 5))
    assert problems(published_utc_offset=40000)


def test_long_runs_of_separators_take_no_time():
    """The gap between date and time is one possessive class: a run of dashes or spaces that ends
    in no time is given up at once (nested repeats took seconds for 26 dashes, exponentially more
    for each one after)."""
    import time
    lines = ["10:00 " + "-" * 2000 + "x 12 March 2019", "10:00" + " " * 5000 + "( " + " " * 5000 + "x 12 March 2019",
             "12 March 2019 " + "- " * 5000 + "x"]
    start = time.perf_counter()
    assert all(clock_of(line, "5:00 pm " + " " * 5000 + "x") is None for line in lines)
    assert time.perf_counter() - start < 1.0
