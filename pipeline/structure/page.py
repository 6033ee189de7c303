"""Find the article inside a scraped page: headline, publisher, dateline and body span.

Scraped pages wrap a few paragraphs of prose in site furniture. The signals here are general, not
keyed to any site. Every line is classified (`classify`: prose, item, sentence, table, short, menu,
dateline, byline, notice, and the cue kinds skip, box and end from patterns/boilerplate.json), and
the article is the contiguous run of lines with the best total score (pipeline/structure/blocks.py),
which bridges short furniture inside it. The headline is a line repeating the page's title (its
first line), else the title-like line next to the dateline, or just before the body; the dateline
is a short dated line (or a dated byline, a "Published ..." line) in the dateline area around the
headline and the body's opening, never the masthead's "today".
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..about import PATTERNS_DIR
from ..lexicon import words
from ..dates.datelines import find_clock, find_date, find_yearless
from . import blocks
from .blocks import Classified, best_region


SENTENCE_END = ('.', '!', '?', '"', '”', '’', "'", ')', ']', '…', ':', ';')
DIGIT = re.compile(r"\d")
#: A photo credit under its caption: "(Image: © NASA)", "Jane Doe/Agency ©"
CREDIT = re.compile(r"^\(\s*(?:image|photo|picture|photograph|credit|source|video)s?\b[^()]*\)$|^[^©]{1,60}©[^©]{0,80}$",
                    re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[•·▪●◦*\-–—]|\d{1,2}[.)])\s+")
#: A timeline entry: "2013 ...", "June 2017 – ...", "Spring 2014: ...", "12 March 2015 - ..."
YEAR_ENTRY = re.compile(r"^\s*(?:19|20)\d\d\b|^\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d\s*[–—:-]\s")
BYLINE = re.compile(r"^(?:by|posted by|written by|words by|reporter:?)\s+\S", re.IGNORECASE)
DATELINE_WORDS = re.compile(
    r"\b(?:by|on|in|at|published|posted|updated|last updated|first published|date|news|gmt|bst|am|pm|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE)
UPDATED = re.compile(r"^(?:last\s+)?(?:updated|modified|amended|edited)\b", re.IGNORECASE)
MODIFIED = re.compile(r"\b(?:last\s+)?(?:updated|modified|amended|edited)\b", re.IGNORECASE)
#: "Updated 14 March, published 12 March": on a line with both, the date after this cue is the one
PUBLISHED_CUE = re.compile(r"\b(?:first\s+)?(?:published|posted)\b", re.IGNORECASE)
#: A page's own address with the date in its path: ".../news/2019/03/12/slug"
URL_DATE = re.compile(r"https?://\S+?/(?P<year>(?:19|20)\d\d)/(?P<month>[01]\d)/(?P<day>[0-3]\d)/")
#: A line under a post that dates it: "This entry was posted on ...", "Posted on ...", "Published ..."
FOOTER_DATELINE = re.compile(r"^\W*(?:this (?:entry|post|article|story|piece|release) was\s+)?(?:first\s+)?"
                             r"(?:posted|published|written|issued|released)\b"
                             r"(?:\s+on)?\s*:?\s*", re.IGNORECASE)
SITE_HOME = re.compile(r"^(?P<name>.+?)\s*[|–—-]\s*(?:home\s*page|homepage|home)$", re.IGNORECASE)
FROM_PUBLISHER = re.compile(r"^[Ff]rom\s+(?P<name>(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})$")
COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\))\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\.?\s+)?"
                       r"(?!copyright|all rights)(?P<name>[A-Z][\w'’&. -]{2,60}?)"
                       r"(?:\s+\d{4})?\.?(?:\s+all rights reserved.*)?$", re.IGNORECASE)


_UNSET = object()


class Line:
    """One non-blank line of the page: its offsets, its text (stripped) and what the classifier
    asks of it more than once, worked out once (its cue, its date, its words)."""

    __slots__ = ("start", "end", "text", "stripped", "n_words", "date_order", "_cue", "_date", "_words")

    def __init__(self, start: int, end: int, text: str, date_order: str | None = None):
        self.start, self.end, self.text = start, end, text
        self.stripped = text.strip()
        self.n_words = len(self.stripped.split())
        self.date_order = date_order  # "mdy" on a page that writes numeric dates month first
        self._cue = self._date = self._words = _UNSET

    @property
    def words(self) -> list[str]:
        """Its words, lower-cased (blocks.WORD), for the stopword signals."""
        if self._words is _UNSET:
            self._words = blocks.words_of(self.text)
        return self._words

    def __eq__(self, other) -> bool:
        return isinstance(other, Line) and (self.start, self.end, self.text) == (other.start, other.end, other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"Line({self.start}, {self.end}, {self.text!r})"


@dataclass
class Structure:
    """What the page says about its article. Offsets index the page text."""

    body_start: int
    body_end: int
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    published_text: str | None = None
    #: (start, end) ranges inside the body that carry document attributes only (dateline, byline):
    #: no mention may come from them (docs/annotation.md D2).
    excluded: list[tuple[int, int]] = field(default_factory=list)
    author: str | None = None
    #: the page's canonical address (HTML input), else None
    url: str | None = None
    #: the page's language as a BCP 47 tag ("en-GB"), when the page says it (HTML input)
    language: str | None = None
    #: "text" or "html": how the input file was read
    input_format: str = "text"
    #: the publication's clock time as the page writes it beside the date ("11:03 PM", "19:14 GMT"),
    #: the zone as written ("CST", "ET", "GMT+1"; None when the page writes none) and its offset in
    #: minutes east of UTC on that date (None without a zone). `published` stays the day as written.
    published_time: dt.time | None = None
    published_zone: str | None = None
    published_utc_offset: int | None = None


@lru_cache(maxsize=4)
def load_cues(path: Path = PATTERNS_DIR / "boilerplate.json") -> tuple[list[tuple[str, re.Pattern, str, int | None]], frozenset]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    cues = [(c["id"], re.compile(c["regex"], re.IGNORECASE), c.get("kind", "end"), c.get("max_words"))
            for c in data["end_of_article"]]
    return cues, frozenset(w.lower() for w in data["navigation_words"])


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(pos + lead, pos + len(raw.rstrip()), raw.strip()))
        pos += len(raw) + 1
    return lines


def cue_of(line: Line) -> str | None:
    """The kind of boilerplate cue this line starts with: "end" (the article is over), "box" (the
    heading of a box of links), "skip" (furniture inside the article: a caption, an inline teaser,
    an advert label, a share block), or None. Worked out once per line, with one pattern that joins
    the cues a line of its length may match (in file order: the first that matches wins)."""
    if line._cue is _UNSET:
        regex, kinds = _cue_matcher(line.n_words)
        m = regex.match(line.stripped) if regex is not None else None
        line._cue = kinds[m.lastgroup] if m else None
    return line._cue


@lru_cache(maxsize=64)
def _cue_matcher(n_words: int) -> tuple[re.Pattern | None, dict[str, str]]:
    """One alternation of the cues (patterns/boilerplate.json) whose `max_words` allows a line of
    `n_words` words, each its own named group; lines longer than every limit share one."""
    cues, _ = load_cues()
    limits = sorted({m for _, _, _, m in cues if m is not None})
    key = next((m for m in limits if n_words <= m), None)  # lines as long share a matcher
    if key != n_words:
        return _cue_matcher(key) if key is not None else _cue_matcher_unlimited()
    return _join_cues([c for c in cues if c[3] is None or n_words <= c[3]])


@lru_cache(maxsize=1)
def _cue_matcher_unlimited() -> tuple[re.Pattern | None, dict[str, str]]:
    cues, _ = load_cues()
    return _join_cues([c for c in cues if c[3] is None])


def _join_cues(cues) -> tuple[re.Pattern | None, dict[str, str]]:
    parts, kinds = [], {}
    for n, (cue_id, regex, kind, _) in enumerate(cues):
        # the publisher credit is case-sensitive ("From the Bugle", not "from the start")
        source = f"(?-i:{FROM_PUBLISHER.pattern})" if cue_id == "credit_from_publisher" else regex.pattern
        parts.append(f"(?P<c{n}>{source})")
        kinds[f"c{n}"] = kind
    return (re.compile("|".join(parts), re.IGNORECASE) if parts else None), kinds


def is_prose(line: Line) -> bool:
    """A paragraph of running text: many words, ending like a sentence."""
    s = line.stripped
    n = line.n_words
    if n >= 25:
        return True
    # a short line is a sentence only if it ends like one before any closing quote or bracket: a
    # headline may end on a quotation ("... finds pupils 'roaming corridors'"), a sentence does not
    ending = s.rstrip("\"”’')]")
    return n >= 10 and s.endswith(SENTENCE_END) and (ending.endswith(SENTENCE_END) or ending == s) \
        and any(w.islower() for w in s.split()[1:])


def is_item(line: Line) -> bool:
    """A list or timeline entry: bullet or leading year, with some words after it."""
    return bool(BULLET.match(line.text) or YEAR_ENTRY.match(line.text)) and line.n_words >= 3


def is_dateline(line: Line, max_words: int = 14, max_rest: int = 6) -> tuple[dt.date, int, int] | None:
    """A short line that is mostly a date (plus words like By, on, Published, a time, a weekday)."""
    if line.n_words > max_words or not DIGIT.search(line.text) or line.n_words > 10 and is_prose(line):
        return None  # (an absolute date has a year in digits)
    found = _line_date(line)
    if found is None or found[3] > max_rest:
        return None
    return found[:3]


REST_NOISE = re.compile(r"[\d:.,|/()\-–—🕔⏰]+|\s+")


def _line_date(line: Line) -> tuple[dt.date, int, int, int] | None:
    """The line's date (the one after "published" on a line with two) as (date, start, end) in the
    page, and how many other words the line has; worked out once per line."""
    if line._date is not _UNSET:
        return line._date
    line._date = None
    found = find_date(line.text, line.date_order)
    if found:
        date, s, e = found
        cue = PUBLISHED_CUE.search(line.text, 0, s)
        if not cue:
            cue = PUBLISHED_CUE.search(line.text, e)
            later = find_date(line.text[cue.end():], line.date_order) if cue else None
            if later:  # "Last updated 14 March 2019, published 12 March 2019"
                date, s, e = later[0], later[1] + cue.end(), later[2] + cue.end()
        rest = DATELINE_WORDS.sub(" ", line.text[:s] + " " + line.text[e:])
        line._date = (date, line.start + s, line.start + e, len(REST_NOISE.sub(" ", rest).split()))
    return line._date


#: A byline that dates the article ("By Jane Doe - Staff Writer 2019-11-19T12:48Z Science",
#: "PUBLISHED: 19 November 2019 | UPDATED: ..."): a longer line than a bare dateline may be.
BYLINE_DATELINE_WORDS, BYLINE_DATELINE_REST = 25, 12
#: ... and an undecorated line with a date just below the headline ("Jane Doe 27/09/2018 2 comments")
OPENING_DATELINE_WORDS, OPENING_DATELINE_REST = 16, 8
DATED_CUE = re.compile(r"^\W*(?:last\s+)?(?:first\s+)?(?:published|posted|updated|modified)\b", re.IGNORECASE)


def is_byline_dateline(line: Line, below_headline: bool = False, year: int | None = None) -> tuple[dt.date, int, int] | None:
    """A dateline, or (in the dateline area only) a byline or a line starting "Published",
    "Updated" ... with a date in it; in the body's opening lines, a short line with a date. A
    "Published"/"Posted"/"Updated" line whose date has no year ("Posted Nov 19, 6:51 AM") takes
    `year`, the page's own (its copyright line's), when there is one."""
    found = is_dateline(line)
    if found or "://" in line.text:
        return found
    if BYLINE.match(line.stripped) or DATED_CUE.match(line.stripped):
        found = is_dateline(line, BYLINE_DATELINE_WORDS, BYLINE_DATELINE_REST)
        if not found and year and DATED_CUE.match(line.stripped) and line.n_words <= BYLINE_DATELINE_WORDS:
            found = _yearless_dateline(line, year)
        return found
    return is_dateline(line, OPENING_DATELINE_WORDS, OPENING_DATELINE_REST) if below_headline else None


def _yearless_dateline(line: Line, year: int) -> tuple[dt.date, int, int] | None:
    found = find_yearless(line.text, year)
    if not found:
        return None
    date, s, e = found
    cue = PUBLISHED_CUE.search(line.text, e)
    later = find_yearless(line.text[cue.end():], year) if cue and not PUBLISHED_CUE.search(line.text, 0, s) else None
    if later:  # "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM"
        date, s, e = later[0], later[1] + cue.end(), later[2] + cue.end()
    return date, line.start + s, line.start + e


#: A relative dateline is a short line: "Published 2 days ago", "Yesterday 2:45PM", "Monday 6:30PM".
RELATIVE_MAX_WORDS = 8


@lru_cache(maxsize=1)
def _relative_pattern() -> tuple[re.Pattern, dict[str, int], dict[str, int]]:
    counts = {w: int(n) for w, n in (e.split("=") for e in words("relative_dateline_words"))}
    days = {w: n for w, n in counts.items() if w in ("today", "yesterday")}
    units = {w: n for w, n in counts.items() if w not in days}
    weekdays = {w: n for n, w in enumerate(words("weekdays"))}
    alt = lambda ws: "|".join(sorted(ws, key=len, reverse=True))
    return re.compile(rf"^\W*(?:(?:last\s+)?(?:published|posted|updated)\s*:?\s*)?"
                      rf"(?:(?P<n>\d{{1,2}}|an?|one)\s+(?P<unit>{alt(units)})\s+ago|(?P<day>{alt(days)})|(?P<weekday>{alt(weekdays)}))\b",
                      re.IGNORECASE), {**days, **units}, weekdays


def relative_dateline(text: str) -> tuple[str, int, int, int] | None:
    """A dateline counted back from the page's today ("Published 2 days ago", "Yesterday 2:45PM",
    "Monday 6:30PM"): ("days", days back, start, end) or ("weekday", its number (Monday 0), start,
    end) of the relative words; None for any other line."""
    pattern, counts, weekdays = _relative_pattern()
    m = pattern.match(text)
    if not m:
        return None
    if m["unit"]:
        n = int(m["n"]) if m["n"].isdigit() else 1
        return "days", n * counts[m["unit"].lower()], m.start("n"), m.end()
    if m["day"]:
        return "days", counts[m["day"].lower()], m.start("day"), m.end()
    return "weekday", weekdays[m["weekday"].lower()], m.start("weekday"), m.end()


def days_back(relative: tuple[str, int, int, int], today: dt.date) -> int:
    """How many days before `today` a relative dateline is (a weekday: the latest such day, today included)."""
    kind, value = relative[:2]
    return value if kind == "days" else (today.weekday() - value) % 7


#: The year a page states for itself: its copyright line ("© 2019 ...", "Copyright 2005-2019 ...")
PAGE_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*[-–]\s*)?(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)


def page_year(lines: list[Line]) -> int | None:
    """The latest year of the page's copyright lines, else None."""
    years = [int(m["year"]) for ln in lines if "©" in ln.text or "opyright" in ln.text or "(c)" in ln.text.lower()
             for m in PAGE_YEAR.finditer(ln.text)]
    return max(years) if years else None


def is_title_like(line: Line) -> bool:
    _, nav = load_cues()
    s = line.stripped
    if line.n_words < 3 or line.n_words > 30 or cue_of(line) or is_dateline(line) or BYLINE.match(s):
        return False
    if s.lower() in nav or s.endswith((".", ":")) and not s.endswith("..."):
        return False
    if any(sep in s for sep in (" > ", " » ", " | ", " / ")):
        return False  # breadcrumbs and menus
    words = [w.lower().strip(",") for w in s.split()]
    if sum(w in nav for w in words) >= max(2, len(words) - 1):
        return False
    return not BULLET.match(line.text)


def is_name_like(line: Line) -> bool:
    """A signature line: two to four capitalised words and nothing else."""
    words = line.stripped.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() and w.isalpha() for w in words)


#: Notice words: a line this long or shorter with one is a notice; a longer one needs two.
NOTICE_MAX_WORDS = 60
#: A dateline is the article's when it is at most this many lines above the headline (a dateline
#: before the headline); further up it is the masthead's "today".
DATELINE_ABOVE_HEADLINE = 10
#: The dateline area reaches into the body: its first lines, up to the third paragraph of prose
#: (a standfirst, a caption, then the byline and date, then the first paragraph).
DATELINE_INTO_BODY = 14
OPENING_PROSE = 3


def _opening(kinds: list[Classified], first: int, last: int) -> list[int]:
    """The opening lines of the body that may hold the byline and dateline."""
    found, prose = [], 0
    for i in range(first, min(last + 1, first + DATELINE_INTO_BODY)):
        if kinds[i].kind == "prose":
            prose += 1
            if prose == OPENING_PROSE:
                break
        found.append(i)
    return found


def classify(line: Line, stops: frozenset[str], ratio: float | None = None) -> Classified:
    """The kind of one line and what it is worth to a region (pipeline/structure/blocks.py).
    `ratio`: its stopword ratio against `stops`, when the caller has it."""
    s, n = line.stripped, line.n_words
    hits = blocks.notice_hits(s)
    if hits >= 2 or hits and n <= NOTICE_MAX_WORDS:
        return Classified("notice", -blocks.NOTICE_FACTOR * max(n, 3))
    cue = cue_of(line)
    if cue == "box" or cue == "end" and BOX_HEADING.match(s):
        return Classified("box", -blocks.BOX_PENALTY)
    if cue == "end":
        return Classified("end", blocks.BARRIER)
    if cue == "skip":
        return Classified("skip", -blocks.SKIP_PENALTY)
    if is_dateline(line):
        return Classified("dateline", -1.0)
    if BYLINE.match(s) and n <= 12:
        return Classified("byline", -1.0)
    if blocks.is_table_row(s):
        return Classified("table", 0.0)
    if ratio is None:
        ratio = blocks.stop_ratio(s, stops, line.words) if stops else 1.0
    if blocks.is_menu_like(s, stops, ratio if stops else 0.0):
        return Classified("menu", -float(n))
    if is_item(line) and blocks.ends_sentence(s) and n < blocks.PROSE_LONG_WORDS:  # (a long one is a paragraph)
        return Classified("item", 0.5 * n)
    if YEAR_ENTRY.match(line.text) and n >= ITEM_MIN_WORDS:
        return Classified("item", 0.3 * n)  # a timeline entry; a bullet or numbered line with no stop may be a teaser
    if is_prose(line):
        return Classified("prose", float(n)) if ratio >= blocks.PROSE_MIN_STOPWORDS else Classified("short", 0.0)
    if n >= 4 and blocks.ends_sentence(s) and ratio >= blocks.PROSE_MIN_STOPWORDS:
        return Classified("sentence", 0.0)
    if n > 12:
        return Classified("short", -0.5 * n)
    return Classified("short", -blocks.SHORT_PENALTY)


def classify_page(lines: list[Line]) -> list[Classified]:
    stops = blocks.page_stopwords(word_lists=[ln.words for ln in lines])
    ratios = [blocks.stop_ratio(ln.text, stops, ln.words) for ln in lines]
    covered = [r for ln, r in zip(lines, ratios) if ln.n_words >= PROSE_MIN_WORDS_FOR_LANGUAGE]
    if covered and max(covered) < blocks.PROSE_MIN_STOPWORDS:
        return [classify(ln, frozenset(), 1.0) for ln in lines]  # a language no list knows: no stopword test
    return [classify(ln, stops, r) for ln, r in zip(lines, ratios)]


PROSE_MIN_WORDS_FOR_LANGUAGE = 10
#: A timeline entry with no final stop counts as content from this many words.
ITEM_MIN_WORDS = 8
#: Furniture kinds inside the region: they yield no mentions, and neither do the short lines that
#: follow a share block, an advert label or a box heading (its links) until the prose resumes.
FURNITURE = ("skip", "box", "notice", "menu")


#: A numeric date ("11/13/19", "13.11.2019") and its two first fields.
NUMERIC_DATE = re.compile(r"\b([0-3]?\d)([./-])([0-3]?\d)\2(?:19|20)?\d\d\b")


def page_date_order(lines: list[Line]) -> str | None:
    """ "mdy" when the page writes its numeric dates month first: one of them reads only that way
    ("11/13/19") and none only day first ("13/11/19"); else None (day first, the default)."""
    month_first = day_first = False
    for ln in lines:
        if not DIGIT.search(ln.text):
            continue
        for m in NUMERIC_DATE.finditer(ln.text):
            first, second = int(m.group(1)), int(m.group(3))
            month_first |= first <= 12 < second
            day_first |= second <= 12 < first
    return "mdy" if month_first and not day_first else None


def analyse(text: str) -> Structure:
    """Locate headline, dateline, publisher and body in a page."""
    lines = split_lines(text)
    if not lines:
        return Structure(0, len(text))
    order = page_date_order(lines)
    if order:
        for ln in lines:
            ln.date_order = order
    kinds = classify_page(lines)
    region = best_region([k.score for k in kinds])
    if region is None:  # no paragraph of prose at all: keep the whole page
        return Structure(lines[0].start, lines[-1].end, title=lines[0].stripped[:300])
    first_prose, last = region
    # a saved web page starts with its <title>: a line below that repeats it is the headline
    named = [i for i in _title_copies(lines) if i <= last and kinds[i].kind not in ("prose", "end")]
    before = [i for i in named if i < first_prose]
    # a copy inside the region counts only when the first line is a page title ("Headline | Site"):
    # a page whose first line is the headline itself may repeat it in the body
    inside = [i for i in named if i >= first_prose and len(TITLE_WORD.findall(lines[i].stripped))
              < len(TITLE_WORD.findall(lines[0].stripped)) and SITE_SEPARATOR.search(lines[0].stripped)]
    titled_at = before[-1] if before else inside[0] if inside else None
    if titled_at is not None:  # the article is the best region below its headline, before any end,
        # unless the region found is below that end and worth much more (a comment link under the byline)
        scores = [k.score for k in kinds]
        stop = next((i for i in range(titled_at + 1, len(kinds)) if kinds[i].kind == "end"), len(kinds))
        after = best_region(scores[titled_at + 1:stop])
        if after is not None:
            a, b = titled_at + 1 + after[0], titled_at + 1 + after[1]
            worth = sum(scores[a:b + 1])
            if first_prose <= titled_at or worth >= HEADED_REGION_WORDS \
                    or worth >= HEADED_REGION_SHARE * sum(scores[first_prose:last + 1]):
                first_prose, last = a, b
        elif titled_at >= first_prose:
            titled_at = None

    last = _trim_teasers(kinds, first_prose, last)
    last = _continued_list(lines, kinds, first_prose, last)

    structure = Structure(body_start=lines[first_prose].start, body_end=lines[first_prose].end)
    head = lines[:first_prose]
    not_titles = _captions_and_sections(head)
    headline_at = titled_at if titled_at is not None else _find_headline(head, None, not_titles, kinds)
    window_start = max(0, headline_at - DATELINE_ABOVE_HEADLINE) if headline_at is not None else 0
    datelines, relative, today = [], [], None
    year = page_year(lines)
    for i in [*range(len(head)), *_opening(kinds, first_prose, last)]:
        ln = lines[i]
        found = is_byline_dateline(ln, i >= first_prose or headline_at is not None and i > headline_at, year) \
            if i >= window_start else is_dateline(ln)
        if found:
            if i >= window_start:
                datelines.append((i, found))
            elif today is None:
                today = found[0]  # the masthead's "today": never the article's date, but the page's now
            structure.excluded.append((ln.start, ln.end))
        elif BYLINE.match(ln.stripped) and ln.n_words <= 12:
            structure.excluded.append((ln.start, ln.end))
        elif i >= window_start and ln.n_words <= RELATIVE_MAX_WORDS and (m := relative_dateline(ln.stripped)):
            relative.append((i, m))
            structure.excluded.append((ln.start, ln.end))
    if not datelines and today is not None:  # "Published 2 days ago" under a masthead dated today
        datelines = [(i, (today - dt.timedelta(days=days_back(r, today)), lines[i].start + r[2], lines[i].start + r[3]))
                     for i, r in relative]
    # "Posted: 3 February" then "Updated: 4 February": the article was published on the first
    original = [d for d in datelines if not UPDATED.match(lines[d[0]].stripped)
                or PUBLISHED_CUE.search(lines[d[0]].stripped)]
    dateline_at = None
    if datelines:
        pool = original or datelines
        if headline_at is not None:  # the dateline nearest the headline (after it on a tie), else the last
            dateline_at, (structure.published, s, e) = min(pool, key=lambda d: (abs(d[0] - headline_at), d[0] < headline_at))
        else:
            dateline_at, (structure.published, s, e) = pool[-1]
        structure.published_text = text[s:e]
        _clock_beside(structure, lines, dateline_at, s, e)
        if titled_at is None and dateline_at < first_prose:
            headline_at = _find_headline(head, dateline_at, not_titles, kinds)

    structure.excluded += [(head[j].start, head[j].end) for i in not_titles if i > 0 and CAPTION_LABEL.match(head[i - 1].stripped)
                           for j in (i - 1, i)]  # a caption and its label carry no mentions
    if headline_at is not None:
        structure.title = head[headline_at].stripped
        structure.body_start = head[headline_at].start
        # between headline and body: furniture (share buttons, "1 day ago", a caption) carries no mentions
        for j in range(headline_at + 1, first_prose):
            if kinds[j].kind in FURNITURE or kinds[j].kind == "short" and not is_title_like(head[j]):
                structure.excluded.append((head[j].start, head[j].end))
    if last + 1 < len(lines) and is_name_like(lines[last + 1]) and kinds[last + 1].kind == "short":
        last += 1  # a signature closing a statement
    structure.body_end = lines[last].end
    structure.excluded += [(ln.start, ln.end) for ln in _furniture_inside(lines, kinds, first_prose, last)]
    # the body's opening: a byline split over lines ("By" / a name), share buttons, a caption above its credit
    for i in _opening(kinds, first_prose, last):
        if kinds[i].kind in ("short", "byline", "dateline", *FURNITURE) and not is_title_like(lines[i]) \
                or i + 1 <= last and kinds[i + 1].kind == "skip" and CREDIT.match(lines[i + 1].stripped):
            structure.excluded.append((lines[i].start, lines[i].end))
    structure.publisher = _find_publisher(lines, headline_at if headline_at is not None else first_prose)
    if structure.published is None:
        _footer_dateline(structure, text, [ln for ln in lines if ln.start >= structure.body_end])
    if structure.published is None:
        _url_date(structure, text)
    structure.excluded = sorted({(s, e) for s, e in structure.excluded if structure.body_start <= s < structure.body_end})
    return structure


#: A line repeats the page's title when its words are a run of the title's words covering this much of it.
TITLE_COPY_COVER = 0.5
#: The region right below the headline is the article when it is worth at least this share of the best region.
HEADED_REGION_SHARE = 0.5
#: ... or at least this many words of prose (a few paragraphs: more than a standfirst)
HEADED_REGION_WORDS = 80
TITLE_WORD = re.compile(r"\w+")
SITE_SEPARATOR = re.compile(r"\s[|–—:-]\s|:\s|\s\|")


def _title_copies(lines: list[Line]) -> list[int]:
    """Lines below the first that repeat it (less a site name: "Headline | Site", "Site: Headline"),
    when the first line looks like a page title (a few words, no sentence)."""
    first = TITLE_WORD.findall(lines[0].stripped.lower())
    if len(first) < 3 or len(first) > 40:
        return []
    found, vocabulary = [], set(first)
    for i in range(1, len(lines)):
        lowered = lines[i].stripped.lower()
        lead = TITLE_WORD.search(lowered)
        if lead is None or lead.group() not in vocabulary:
            continue  # a copy's first word is one of the title's (a cheap test before splitting the line)
        words = TITLE_WORD.findall(lowered)
        if len(words) < 3 or len(words) < TITLE_COPY_COVER * len(first) or len(words) > len(first):
            continue
        if any(first[j:j + len(words)] == words for j in range(len(first) - len(words) + 1)):
            found.append(i)
    return found


#: A list of teasers closing the region: at least this many units, each a paragraph under at least
#: two lines of furniture (kicker, headline, source), of paragraphs shorter than this share of the
#: article's own.
TEASER_MIN_UNITS, TEASER_LEAD_LINES, TEASER_SHARE = 2, 2, 0.6


def _trim_teasers(kinds: list[Classified], first: int, last: int) -> int:
    """The region's last line once a closing run of teasers is cut off: walked back from the
    region's end, paragraphs each under two or more non-prose lines (kicker, headline, source) are
    teasers when there are two or more and they are, on average, much shorter than the article's."""
    prose = [i for i in range(first, last + 1) if kinds[i].kind == "prose"]
    units = []
    for n in range(len(prose) - 1, 0, -1):
        if prose[n] - prose[n - 1] - 1 < TEASER_LEAD_LINES:
            break
        units.append(prose[n])
    kept = [kinds[i].score for i in prose if i < (units[-1] if units else last + 1)]
    if len(units) < TEASER_MIN_UNITS or len(kept) < TEASER_MIN_UNITS:
        return last
    typical = sorted(kept)[len(kept) // 2]
    if sum(kinds[i].score for i in units) / len(units) >= TEASER_SHARE * typical:
        return last
    end = units[-1] - 1
    while end > first and kinds[end].kind != "prose":
        end -= 1
    return end


#: A list goes on after the region when the lines after it repeat at least this many distinct lines
#: of the article's own (its labels: "Pre-Workout Meal", "Eat 60–90 minutes before", "Serves:")
LIST_REPEATS = 3
#: ... of at least this many words each (a lone "Share" or a name is no label)
LIST_LABEL_WORDS = 2
#: Kinds that stop a continued list: furniture cues and the article's end.
LIST_STOPS = frozenset({"end", "box", "notice", "skip"})


def _continued_list(lines: list[Line], kinds: list[Classified], first: int, last: int) -> int:
    """The region's last line once a list that goes on after it is taken in. An article that is a
    long list of short lines (a meal plan, a schedule, a spec sheet) costs more than its few
    paragraphs are worth, so the best region stops inside it; the list is recognised by repeating
    the article's own short lines (the labels of every entry). Walked from the region's end to the
    first cue line (a box heading, a share block, the footer), the run is kept when it repeats at
    least LIST_REPEATS distinct short lines of the region, up to its last line that is prose or a
    repeated line. A menu or a list of teasers repeats the page's furniture, never the article."""
    own = {lines[i].stripped for i in range(first, last + 1)
           if kinds[i].kind not in ("prose", *FURNITURE) and lines[i].n_words >= LIST_LABEL_WORDS}
    if len(own) < LIST_REPEATS:
        return last
    stop = last + 1
    while stop < len(lines) and kinds[stop].kind not in LIST_STOPS:
        stop += 1
    run = range(last + 1, stop)
    if len({lines[i].stripped for i in run} & own) < LIST_REPEATS:
        return last
    seen = set(own)
    end = last
    for i in run:
        text = lines[i].stripped
        if kinds[i].kind == "prose" or text in seen:
            end = i
        seen.add(text)
    return end


def _furniture_inside(lines: list[Line], kinds: list[Classified], first: int, last: int) -> list[Line]:
    """Furniture lines inside the article's region, with the short lines that follow one (a box's
    links, a share block's buttons) until the prose resumes."""
    found, after_furniture = [], False
    for i in range(first, last + 1):
        kind = kinds[i].kind
        if kind in FURNITURE:
            found.append(lines[i])
            after_furniture = True
        elif after_furniture and kind in ("short", "sentence", "byline", "dateline"):
            found.append(lines[i])
        else:
            after_furniture = False
    return found


def _url_date(structure: Structure, text: str) -> None:
    """Last resort: the page's address, when the scrape kept it, often carries the date."""
    m = URL_DATE.search(text)
    if m:
        try:
            structure.published = dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            return
        structure.published_text = text[m.start("year"):m.end("day")]


def _footer_dateline(structure: Structure, text: str, footer: list[Line]) -> None:
    """Blogs often date a post only below it: "This entry was posted on 04/05/2016 at 21:14"."""
    for ln in footer:
        cue = FOOTER_DATELINE.match(ln.text)
        found = find_date(ln.text[cue.end():], ln.date_order) if cue else None
        if found:
            date, s, e = found
            structure.published = date
            structure.published_text = text[ln.start + cue.end() + s:ln.start + cue.end() + e]
            _clock_beside(structure, [ln], 0, ln.start + cue.end() + s, ln.start + cue.end() + e)
            return


def _clock_beside(structure: Structure, lines: list[Line], at: int, start: int, end: int) -> None:
    """The clock time (and zone) written beside the publication date at page offsets start..end on
    lines[at], or alone on the line after it (pipeline/dates/datelines.py `find_clock`)."""
    line = lines[at]
    next_line = lines[at + 1].text if at + 1 < len(lines) else None
    clock = find_clock(line.text, start - line.start, end - line.start, structure.published, next_line)
    if clock:
        structure.published_time, structure.published_zone = clock.time, clock.zone
        structure.published_utc_offset = clock.offset
        if clock.start > len(line.text):  # the time's own line is a document attribute too (D2)
            structure.excluded.append((lines[at + 1].start, lines[at + 1].end))


#: A caption's label on a line of its own ("Image caption,"): the next line is the caption.
CAPTION_LABEL = re.compile(r"^(?:image|photo|picture|video)\s*(?:caption|source|credit)?\s*[,:\-–—]?$", re.IGNORECASE)
#: A fallback headline (no dateline next to it) has at least this many words.
HEADLINE_MIN_WORDS = 5


def _captions_and_sections(head: list[Line]) -> set[int]:
    """Lines above the body that are no headline: a caption under its label, and a section label
    that repeats an item of the page's menu ("Health & Care" under "News | Health & Care | ...")."""
    menu = {item.strip().lower() for ln in head if " | " in ln.stripped for item in ln.stripped.split("|")}
    found = {i for i, ln in enumerate(head) if ln.stripped.lower() in menu}
    found |= {i + 1 for i, ln in enumerate(head[:-1]) if CAPTION_LABEL.match(ln.stripped)}
    return found


def _find_headline(head: list[Line], dateline_at: int | None, not_titles: set[int] = frozenset(),
                   kinds: list[Classified] | None = None) -> int | None:
    """The headline: the title block next to the dateline (before it, else after it), otherwise
    the last title block before the first paragraph. A title block is a run of title-like lines
    (headline, then standfirst); the headline is its first line, or the last of repeated copies.
    Lines classified as furniture (a menu, a cue line) are never part of one."""
    if kinds is not None:
        not_titles = set(not_titles) | {i for i in range(len(head)) if kinds[i].kind in FURNITURE}
    anchor = None
    if dateline_at is not None:
        for i in (dateline_at - 1, dateline_at + 1):
            j = i
            while 0 <= j < len(head) and BYLINE.match(head[j].stripped):  # skip bylines
                j += -1 if j < dateline_at else 1
            if 0 <= j < len(head) and j not in not_titles and is_title_like(head[j]):
                anchor = j
                break
    candidates = [i for i in range(len(head) - 1, -1, -1) if i not in not_titles and is_title_like(head[i])]
    if anchor is None:
        anchor = next((i for i in candidates if head[i].n_words >= HEADLINE_MIN_WORDS), None)
    if anchor is None:
        anchor = next(iter(candidates), None)
    if anchor is None:
        return None
    top = anchor
    while top > 1 and top - 1 not in not_titles and is_title_like(head[top - 1]):
        top -= 1  # (never up into the page's first line: above a title block, that is the masthead)
    while top < anchor and head[top].stripped == head[top + 1].stripped:
        top += 1  # a page that repeats its headline: the copy nearest the body
    return top


#: Headings of boxes that may sit inside an article ("Read more" and three links) as well as after
#: it: a line that an "end" cue matches but this does is a box, not an end.
BOX_HEADING = re.compile(r"^(?:read more|related|related (?:articles?|stories|content)|more on this(?: story)?|"
                         r"see also|you may also like|also read)\W*$", re.IGNORECASE)


def _find_publisher(lines: list[Line], headline_at: int) -> str | None:
    _, nav = load_cues()
    for ln in lines[:headline_at]:
        m = SITE_HOME.match(ln.stripped)
        if m:
            return m.group("name").strip()
    if headline_at > 0:
        first = lines[0]
        words = first.stripped.split()
        if (1 <= len(words) <= 5 and first.stripped.lower() not in nav
                and all(w[0].isupper() or w in ("&", "and", "of", "the", "on") for w in words)
                and not is_dateline(first) and not all(w.lower() in nav for w in words)):
            return first.stripped
    for ln in reversed(lines[-12:]):
        m = FROM_PUBLISHER.match(ln.stripped) or COPYRIGHT.match(ln.stripped)
        if m:
            return m.group("name").strip()
    return None
