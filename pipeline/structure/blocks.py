"""Classify every line of a text page, then choose the article as the best contiguous region.

Each line (a block of the page: html-text and most scrapers put one paragraph, heading, link or menu
item per line) gets a kind from general signals, none keyed to a site:

- its length in words and whether it ends like a sentence;
- its stopword density (running text is about a third function words; menus, link lists and
  headings have few), against the stopwords of the page's own language, guessed from the page
  (spaCy's stopword lists);
- its shape: a long line of capitalised items with no sentence in it is a menu or a select box;
  separators (" | ", " • ") make a link row;
- boilerplate cues, as data in patterns/boilerplate.json: "end" cues (comments, tags, footer,
  copyright) close the article; "skip" cues (an advert label, a share block, a caption, an inline
  teaser, a newsletter promo) and "box" headings ("Related stories", "Read more") are furniture that
  may sit inside the article; notices (cookies, browser warnings) are furniture wherever they are.

Every kind carries a score: paragraphs of prose count for their words, furniture against. The
article is the contiguous run of lines with the highest total (the maximum-sum segment), never
across an end cue: so a short interruption inside the article (an advert label, a crosshead, a
share block, a caption, an inline "Read more" box) costs a little and is bridged when prose goes on
after it, while a menu, a list of teasers or a footer costs more than the prose around it is worth.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import word_set

#: Languages whose stopwords (spaCy's lists) are tried for a page; the best-covered one is used.
STOPWORD_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "id", "pl", "sv", "tr", "da", "ro")
WORD = re.compile(r"\w+(?:['’]\w+)?")
SENTENCE_END = ('.', '!', '?', '"', '”', '’', "'", ')', ']', '…', ':', ';', '»')
SEPARATORS = re.compile(r"\s(?:\||•|·|›|»|/|–|-)\s")

# Scores (in words of prose): what a line of each kind adds to or takes from a region.
PROSE_MIN_WORDS = 10
PROSE_LONG_WORDS = 25
PROSE_MIN_STOPWORDS = 0.12
SHORT_PENALTY = 2.0
SKIP_PENALTY = 2.0
BOX_PENALTY = 12.0
NOTICE_FACTOR = 2.0
BARRIER = float("-inf")


@dataclass(frozen=True)
class Classified:
    kind: str      # prose, sentence, item, short, menu, dateline, byline, skip, box, notice, end
    score: float


@lru_cache(maxsize=None)
def stopwords(language: str) -> frozenset[str]:
    """spaCy's stopword list for `language`, read from its `spacy/lang/<xx>/stop_words.py` alone:
    importing the language package (`get_lang_class`) compiles its tokenizer rules, about 0.4 s a
    language and 5 s for the fourteen a page is compared against, in every worker process."""
    import importlib.util
    from pathlib import Path

    import spacy

    path = Path(spacy.__file__).parent / "lang" / language / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_stop_words_{language}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(w.lower() for w in module.STOP_WORDS)


def words_of(text: str) -> list[str]:
    """A line's words, lower-cased: what the stopword signals count."""
    return WORD.findall(text.lower())


@lru_cache(maxsize=1)
def _stopword_languages() -> dict[str, tuple[int, ...]]:
    """Every stopword of the languages tried, with the indices (in STOPWORD_LANGUAGES) of the
    languages it belongs to: a page's words are looked up once, not once per language."""
    index: dict[str, list[int]] = {}
    for n, lang in enumerate(STOPWORD_LANGUAGES):
        for w in stopwords(lang):
            index.setdefault(w, []).append(n)
    return {w: tuple(ns) for w, ns in index.items()}


def page_stopwords(texts: list[str] | None = None, word_lists: list[list[str]] | None = None) -> frozenset[str]:
    """The stopwords of the page's language: the list that covers most of its words (English on a
    tie). `word_lists`, the lines' words already lower-cased (Line.words), saves splitting again."""
    if word_lists is None:
        word_lists = [words_of(t) for t in texts or ()]
    counts = Counter(w for ws in word_lists for w in ws)
    if not counts:
        return stopwords("en")
    index = _stopword_languages()
    covered = [0] * len(STOPWORD_LANGUAGES)
    for w, c in counts.items():
        for n in index.get(w, ()):
            covered[n] += c
    best = max(range(len(STOPWORD_LANGUAGES)), key=lambda n: (covered[n], STOPWORD_LANGUAGES[n] == "en"))
    return stopwords(STOPWORD_LANGUAGES[best])


def stop_ratio(text: str, stops: frozenset[str], words: list[str] | None = None) -> float:
    words = words_of(text) if words is None else words
    return sum(w in stops for w in words) / len(words) if words else 0.0


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(SENTENCE_END)


def is_menu_like(text: str, stops: frozenset[str], ratio: float | None = None) -> bool:
    """A long line of items: many capitalised words, few function words, no sentence in it, or
    items joined by separators (" | ", " • "). `ratio`: the line's stopword ratio, if known."""
    words = text.split()
    if len(SEPARATORS.findall(text)) >= 3:
        return True
    if len(words) < 6 or ends_sentence(text):
        return False
    capitalised = sum(w[:1].isupper() or w[:1].isdigit() for w in words) / len(words)
    return capitalised >= 0.6 and (stop_ratio(text, stops) if ratio is None else ratio) < 0.2


#: A table row: at least this many cells, this share of them numbers ("1 Dale Pruett 5040 5 1 17 27").
TABLE_MIN_TOKENS, TABLE_MIN_NUMBERS = 5, 0.5
#: a cell that is a number: a whitespace-delimited run of digits and number punctuation
NUMBER_CELL = re.compile(r"(?<!\S)[\d.,:%()+\-–]+(?!\S)")


def is_table_row(text: str) -> bool:
    tokens = len(text.split())
    return tokens >= TABLE_MIN_TOKENS and len(NUMBER_CELL.findall(text)) / tokens >= TABLE_MIN_NUMBERS


@lru_cache(maxsize=1)
def _notice_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(word_set("notice_words"), key=len, reverse=True)))


def notice_hits(text: str) -> int:
    """How many distinct notice words (patterns/lexicon/notice_words.json) the line holds."""
    return len(set(_notice_pattern().findall(text.lower())))


def best_region(scores: list[float]) -> tuple[int, int] | None:
    """(first, last) indices of the contiguous run with the highest total score, never across a
    barrier (-inf); None when no line scores above zero. Ties go to the earlier run."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if score == BARRIER:
            total, start = 0.0, i + 1
            continue
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i)
    return best_span
