"""Quoted speech and who said it (docs/annotation.md QUOTE, D29-D32, D40, D42; docs/pipeline.md "Quotes").

Quote marks (`patterns/lexicon/quote_marks.json`: curly and straight, double and single, `''`
pairs, guillemets) are read per paragraph, so British multi-paragraph quotes (each paragraph opens
a quote, only the last closes it) and unbalanced marks never swallow the rest of the article.

Attribution reads the quote's frame: the reporting text of its own sentence before it, after it,
or between two pieces of it, and finds a speech word there (`patterns/lexicon/speech_verbs.json`),
a colon that introduces it ("Pellow continued:" closing the paragraph before), a dash signature
("― Name") or a transcript label ("PENCE: …"). The speaker is the person next to the cue: the
nearest name on its left (the clause subject, through appositions and long titles: "Brandt running
mate Gov. Cal Ferris of Indiana told"), else the first name on its right ("said Mr. Pellow"). A
pronoun speaker is resolved to the nearest person mentioned before, outside any quote (never a
person named inside the quote itself), gender-compatible when an honorific tells it, preferring
earlier speakers and clause subjects; a description ("the senator") to the person holding that
role in the article; other descriptions ("a DfE spokesman") stay unnamed sources with no person.
A quote with no frame of its own inherits the speaker of the quote it continues (the next
paragraph of a run, or the next piece in the same paragraph); a statement block takes the name
line that signs it. Every speaker is a canonical person (with `person_id`) or a description.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

import numpy
from spacy.attrs import DEP, LOWER, SENT_START

from ..ids import person_id
from ..lexicon import word_set, words

if TYPE_CHECKING:
    from .article import Article

MALE, FEMALE = {"he", "him", "his"}, {"she", "her"}
PLURAL = {"they", "we", "them"}
SINGULAR = {"i"}
PRONOUNS = MALE | FEMALE | PLURAL | SINGULAR
MALE_TITLES, FEMALE_TITLES = word_set("male_honorifics"), word_set("female_honorifics")
GENDER_REACH = 200  # characters back within which a person of the pronoun's known gender beats a nearer one of unknown gender
FILLER = {"a", "an", "the", "has", "have", "had", "also", "then", "and", "but", "later", "once", "again",
          "as", "he", "she", "in", "on", "at", "to", "of", "for", "with", "by", "from", "this", "that"}


@lru_cache(maxsize=1)
def quote_marks() -> dict[str, str]:
    """Opening mark -> closing mark, from the one lexicon list of quote-mark pairs."""
    return dict(entry.split(" ", 1) for entry in words("quote_marks"))


#: Copy that mixes curly and straight double marks closes “ with " and " with ”.
_ALTERNATE_CLOSERS = {"“": '"', '"': "”"}


@lru_cache(maxsize=1)
def quote_vocabulary() -> dict:
    marks = quote_marks()
    return {"cue_set": word_set("speech_verbs"),
            "abbreviations": word_set("abbreviations") | word_set("honorifics"),
            "source_nouns": word_set("unnamed_source_nouns"),
            "person_nouns": word_set("unnamed_source_nouns") | word_set("role_heads"),
            # words of a title before a name ("Secretary General", "Gov.", "state Del.")
            "title_words": frozenset(w.lower() for name in ("honorifics", "abbreviations", "role_heads",
                                                            "role_premodifiers", "unnamed_source_nouns")
                                     for w in words(name)),
            "openers": marks, "closers": set(marks.values()),
            # every character at which _find_close can decide something: a closer's first
            # character, the alternate closers and the nested openers; it jumps between them
            "close_scan": re.compile("[" + re.escape("".join(sorted(
                {c[0] for c in marks.values()} | set(_ALTERNATE_CLOSERS.values()) | {"“", "`"}))) + "]"),
            "longest": max(len(m) for m in marks)}


@dataclass
class QuoteSpan:
    start: int          # offsets in the body (doc.text): the quoted words without the marks
    end: int
    closed: bool        # False: runs on to the next paragraph
    paragraph: tuple[int, int]
    open_at: int = -1   # where the opening mark starts
    close_end: int = -1  # just after the closing mark (== end when unclosed)


def _mark_at(para: str, i: int, candidates) -> str | None:
    for n in range(quote_vocabulary()["longest"], 0, -1):
        if para[i:i + n] in candidates:
            return para[i:i + n]
    return None


def find_quotes(text: str) -> Iterator[QuoteSpan]:
    """Outermost quoted passages, paragraph by paragraph."""
    vocab = quote_vocabulary()
    openers = vocab["openers"]
    first_chars = "".join(sorted({o[0] for o in openers}))
    opener_re = re.compile("[" + re.escape(first_chars) + "]")
    pos = 0
    for para in text.split("\n"):
        p_start, p_end = pos, pos + len(para)
        pos = p_end + 1
        i = 0
        while i < len(para):
            found = opener_re.search(para, i)  # skip straight to the next quote mark
            if found is None:
                break
            i = found.start()
            mark = _mark_at(para, i, openers)
            if mark and _is_opening(para, i, mark):
                close = _find_close(para, i, mark)
                if close is None and mark == '"' and any(m in para[i + 1:] for m in ("“", "‘")):
                    i += 1  # a block quote's leading straight mark over a paragraph with its own quotes
                    continue
                closer = openers[mark]
                close_len = len(closer) if close is not None and para.startswith(closer, close) else 1
                end = close if close is not None else len(para.rstrip())
                inner_s, inner_e = _trim(para, i + len(mark), end)
                if inner_e > inner_s:
                    yield QuoteSpan(p_start + inner_s, p_start + inner_e, close is not None, (p_start, p_end),
                                    p_start + i, p_start + (close + close_len if close is not None else end))
                i = (close + close_len) if close is not None else len(para)
            else:
                i += 1


def _is_opening(para: str, i: int, mark: str) -> bool:
    before = para[i - 1] if i > 0 else " "
    after = para[i + len(mark)] if i + len(mark) < len(para) else " "
    if mark in ("“", "‘", "«", "‹"):
        return not (mark == "‘" and before.isalnum()) and not after.isspace() or mark == "«"
    if mark in ("''", "``"):
        return not before.isalnum() and not after.isspace()
    # straight marks open after a space, a bracket or a dash and before a word
    return (before.isspace() or before in "([—–-:―") and not after.isspace()


def _find_close(para: str, i: int, mark: str) -> int | None:
    """Where the quote opened by `mark` at `i` closes (the index of its closing mark), or None.
    A nested quote is skipped whole; nesting is kept on a stack, not in recursion, so a thousand
    nested marks cost no more than a thousand plain ones."""
    vocab = quote_vocabulary()
    openers, scan, alternates = vocab["openers"], vocab["close_scan"], _ALTERNATE_CLOSERS
    stack = [(mark, openers[mark])]  # the quote being closed, then each nested one still open
    j = i + len(mark)
    while j < len(para):
        found = scan.search(para, j)  # nothing between here and the next mark can decide
        if found is None:
            return None
        j = found.start()
        mark, closer = stack[-1]
        if mark in alternates and para[j] == alternates[mark] and (j + 1 == len(para) or not para[j + 1].isalnum()) \
                and not para[j - 1].isspace():
            stack.pop()
            if not stack:
                return j
            j += 1
            continue
        if para.startswith(closer, j):
            after = para[j + len(closer)] if j + len(closer) < len(para) else " "
            before = para[j - 1]
            if len(closer) == 1 and closer in "’'" and (after.isalnum() and before.isalnum() or before.isspace()):
                j += 1  # an apostrophe inside a word, or a mark opening a nested quote: don't
                continue
            stack.pop()
            if not stack:
                return j
            j += 1
            continue
        if closer == "”" and para[j] == "“" or closer == "''" and para.startswith("``", j):
            nested = para[j] if closer == "”" else "``"  # a nested quote: skip it whole
            stack.append((nested, openers[nested]))
            j += len(nested)
            continue
        j += 1
    return None


def _trim(para: str, s: int, e: int) -> tuple[int, int]:
    """Without surrounding spaces, and without a comma that belongs to the reporting sentence."""
    while s < e and para[s].isspace():
        s += 1
    while e > s and para[e - 1].isspace():
        e -= 1
    if e > s and para[e - 1] == ",":
        e -= 1
    return s, e


# -- sentences and mentions ----------------------------------------------------------------------

_BREAK_RE = re.compile(r"[.!?…]+[”’\"')\]]*\s+(?=[“‘\"'(A-Z0-9])")


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence holding `pos` starts, not before `lo`; "Mr.", "Gov.", "D-N.C." and initials
    do not end a sentence."""
    abbreviations = quote_vocabulary()["abbreviations"]
    start = lo
    for m in _BREAK_RE.finditer(text, lo, min(len(text), pos + 1)):
        if m.end() > pos:
            break
        word = re.search(r"([\w.-]+)$", text[lo:m.start() + 1].rstrip(".!?…"))
        w = word.group(1) if word else ""
        if text[m.start()] == "." and (w.lower().strip(".") in abbreviations or len(w.strip(".")) == 1
                                       or re.search(r"[A-Z]\.[A-Z]$", w)):
            continue
        start = m.end()
    return start


def _sentence_end(text: str, pos: int, hi: int) -> int:
    """Where the sentence running from `pos` ends (before its final stop), not after `hi`."""
    abbreviations = quote_vocabulary()["abbreviations"]
    for m in re.finditer(r"[.!?…]+(?=[”’\"')\]]*(?:\s+[“‘\"'(A-Z0-9]|\s*$))", text[pos:hi]):
        at = pos + m.start()
        word = re.search(r"([\w.-]+)$", text[pos:at])
        w = word.group(1) if word else ""
        if text[at] == "." and _abbreviation(w, abbreviations):
            continue
        return at
    return hi


def _abbreviation(w: str, abbreviations) -> bool:
    """ "Mr", "Gov", an initial, "U.S", "D-N.C": a full stop after it ends no sentence."""
    w = w.strip(".")
    return w.lower() in abbreviations or len(w) == 1 or bool(re.search(r"[A-Z]\.[A-Z]$", w))


@dataclass
class Speaker:
    name: str
    person: bool
    cue: str | None
    rule: str


class Frames:
    """What the attribution rules share for one article: its text, its people, its quotes."""

    def __init__(self, article: "Article", quotes: list[QuoteSpan], role_rows: list[dict]):
        self.article = article
        self.text = article.body
        self.vocab = quote_vocabulary()
        self.quotes = quotes
        self.inside = [(q.start, q.end) for q in quotes]
        self._inside_starts = [s for s, _ in self.inside]  # quotes are disjoint and in text order
        self.persons = [e for e in article.entities if e.label_ == "PERSON" and not self.in_quote(e.start_char)
                        and not self._byline(e.start_char)]
        self._person_starts = [p.start_char for p in self.persons]
        self._family: dict[str, str] = {}  # family name -> the last person named with it
        for p in self.persons:
            name = article.person_name(p)
            self._family[name.split()[-1].lower()] = name
        self.orgs = [e for e in article.entities if e.label_ == "ORG" and not self.in_quote(e.start_char)]
        self.gender = self._genders()
        self.roles: dict[str, list[str]] = {}
        for row in role_rows:
            if row.get("person_id"):
                self.roles.setdefault(row["person_id"], []).append((row.get("role") or "").lower())
        self.speakers: list[tuple[int, Speaker]] = []  # (position, speaker) of attributed quotes so far
        self.sentence_at: dict[int, int] = {}
        self.major: set[int] = set()
        self.possessive_at: set[int] = set()  # person mentions as possessives ("Ivy Brandt's statement")
        # sentence starts (token index, character) and the subjects of each head, in one pass each:
        # Token.sent and Token.children walk the sentence every time they are asked
        doc = article.doc
        # Doc.has_annotation reads every token: asked once per article, not per quote
        self.parsed, self.tagged = doc.has_annotation("DEP"), doc.has_annotation("TAG")
        sents = list(doc.sents) if (self.parsed or doc.has_annotation("SENT_START")) and len(doc) else (
            [doc[:]] if len(doc) else [])
        self._sent_tok = [s_.start for s_ in sents]
        self._sent_char = [s_.start_char for s_ in sents]
        self.subjects_of: dict[int, list] = {}  # filled by _discourse's pass over the tokens
        self.events = self._discourse()

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """Token indices [start, end) of the sentence holding token i."""
        k = bisect_right(self._sent_tok, i) - 1
        start = self._sent_tok[k] if k >= 0 else 0
        end = self._sent_tok[k + 1] if k + 1 < len(self._sent_tok) else len(self.article.doc)
        return start, end

    def sentence_char(self, pos: int) -> int | None:
        """Where the sentence holding character pos starts."""
        k = bisect_right(self._sent_char, pos) - 1
        return self._sent_char[k] if k >= 0 else None

    def _discourse(self) -> list[tuple[int, str, bool]]:
        """(position, person, is a subject) for every person mention and resolved he/she outside
        quotes, in text order; he/she resolve to the latest compatible subject, and teach the
        gender of the person they resolve to."""
        doc = self.article.doc
        parsed = self.parsed
        by_start = {p.start: p for p in self.persons}
        in_person = {i for p in self.persons for i in range(p.start + 1, p.end)}
        self._learn_genders(doc, by_start)
        events: list[tuple[int, str, bool]] = []
        sentence_subject: tuple[int, str] | None = None  # person subject of the current sentence
        subjects_of = self.subjects_of
        for tok in _discourse_tokens(doc, by_start):
            if parsed and tok.dep_ in ("nsubj", "nsubjpass"):
                subjects_of.setdefault(tok.head.i, []).append(tok)
            if tok.is_sent_start:
                sentence_subject = None
            if self.in_quote(tok.idx):
                continue
            ent = by_start.get(tok.i)
            if ent is not None:
                name = self.article.person_name(ent)
                subject = not parsed or ent.root.dep_ in ("nsubj", "nsubjpass") or (
                    ent.root.dep_ in ("compound", "appos") and ent.root.head.dep_ in ("nsubj", "nsubjpass")
                    and _person_head(ent.root.head))
                events.append((ent.start_char, name, subject))
                if self.possessive(ent):
                    self.possessive_at.add(ent.start_char)
                if subject and parsed:
                    head = ent.root if ent.root.dep_ in ("nsubj", "nsubjpass") else ent.root.head
                    self._mark(ent.start_char, head, tok)
                if subject:
                    sentence_subject = (tok.i, name)
                continue
            if tok.i in in_person:
                continue
            if parsed and tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("PROPN", "NOUN"):
                # a subject the NER did not take for a person ("Pirrie said", "Loft explained", "Brandt"
                # tagged as an organisation or a common noun, "Secretary General Tobiah Bo-kwan condemned"):
                # a person when a known person has that family name, or when the parse gives it a
                # name of its own
                name = self.subject_name(tok)
                if name:
                    events.append((tok.idx, name, True))
                    self._mark(tok.idx, tok, tok)
                    sentence_subject = (tok.i, name)
                continue
            low = tok.lower_
            if low in ("he", "she") and tok.text[:1].isalpha():
                g = "m" if low == "he" else "f"
                name = self.referent(tok.idx, g, events, self.sentence_char(tok.idx))
                if name:
                    if sentence_subject and sentence_subject[1] == name or not self.gender.get(name):
                        self.gender.setdefault(name, g)
                    events.append((tok.idx, name, True))
                    if parsed and tok.dep_ in ("nsubj", "nsubjpass"):
                        self._mark(tok.idx, tok, tok)  # "she used" in a relative clause is no major subject
        return events

    def subject_name(self, tok) -> str | None:
        """The person a subject token names when the NER found none there: a capitalised word that
        is the family name of a known person, or a proper noun heading a run of proper nouns (two
        words or more, or one before a speech verb) with no title word in it and not inside an
        organisation or place."""
        if not tok.text[:1].isupper() and not (tok.i and tok.doc[tok.i - 1].text == "-"
                                               and not tok.doc[tok.i - 1].whitespace_):
            return None
        if tok.pos_ not in ("PROPN", "NOUN") or self.possessive_token(tok):
            return None
        known = self.canonical_for(tok.text) if tok.text[:1].isupper() else None
        # a name the NER took for an organisation is a person when an apposition describes one
        # ("Dale R. Pruett II, a writer for …, said")
        described = any(c.dep_ == "appos" and c.lower_ in self.vocab["person_nouns"] for c in tok.children)
        kinds = ("", "PERSON", "ROLE") + (("ORG",) if described else ())
        if known or tok.pos_ != "PROPN" or tok.ent_type_ not in kinds:
            return known
        titles = self.vocab["title_words"]
        doc = tok.doc
        start = tok.i
        sent_start = self.sentence_bounds(tok.i)[0]
        while start > sent_start:
            prev = doc[start - 1]
            glued = prev.text == "-" and not prev.whitespace_ or not prev.whitespace_ and doc[start].text == "-"
            if glued or prev.pos_ == "PROPN" and prev.dep_ in ("compound", "flat") and prev.text[:1].isupper() \
                    and prev.lower_.strip(".") not in titles and prev.ent_type_ in kinds:
                start -= 1
                continue
            break
        while start < tok.i and (doc[start].text == "-" or doc[start].lower_.strip(".") in titles):
            start += 1
        span = doc[start:tok.i + 1]
        if not span.text[:1].isupper() or span.text.lower().strip(".") in titles or any(c.isdigit() for c in span.text):
            return None
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_.strip(".") in titles:
            return None  # "Air Force 1st | Lt. …": a title follows, the name is further on
        if len(span) == 1 and tok.head.lower_ not in self.vocab["cue_set"]:
            return None
        return self.canonical_for(span[-1].text) or span.text

    def _mark(self, pos: int, subject_token, tok) -> None:
        """Remember the sentence of a subject event, and whether it is the subject of the sentence's
        main verb or of a speech verb (a *major* subject: "Keddle said Threlkeld doesn't …")."""
        verb = subject_token.head
        self.sentence_at[pos] = self.sentence_char(tok.idx)
        if verb.dep_ == "ROOT" or verb.lower_ in self.vocab["cue_set"]:
            self.major.add(pos)

    def _learn_genders(self, doc, by_start) -> None:
        """Gender from the article itself: the first he/his/him or she/her after a person's
        mention, in the rest of its sentence or the start of the next, with no other person named
        in between, votes for that person ("Threlkeld says she …", "Brandt and his running mate")."""
        votes: dict[str, list[int]] = {}
        for p in self.persons:
            name = self.article.person_name(p)
            sent_end = self.sentence_bounds(p.start)[1]
            limit = min(len(doc), sent_end + 4)
            for tok in doc[p.end:limit]:
                if tok.i in by_start or tok.ent_type_ == "PERSON":
                    break
                if self.in_quote(tok.idx):
                    continue
                if tok.lower_ in ("he", "his", "him", "himself"):
                    votes.setdefault(name, [0, 0])[0] += 1
                    break
                if tok.lower_ in ("she", "her", "hers", "herself"):
                    votes.setdefault(name, [0, 0])[1] += 1
                    break
        for name, (m, f) in votes.items():
            if name not in self.gender and m != f:
                self.gender[name] = "m" if m > f else "f"

    def referent(self, at: int, gender: str | None, events=None, sentence: int | None = None) -> str | None:
        if events is None:
            said = [(pos, sp.name, True) for pos, sp in self.speakers if sp.person]
            events = sorted(self.events + said)
        if sentence is None:
            sentence = self._sentence_of(at)
        found = self._referent(at, gender, events, sentence)
        if found is None:
            return None
        pos, name = found
        # a major subject earlier in the same sentence beats an embedded one ("Lodge said Ashby had
        # left. “…,” he said."), unless the pronoun sits in that sentence too, where the embedded
        # subject is the nearer antecedent ("Lodge said Ashby quit because he …")
        sent = self.sentence_at.get(pos)
        if sent is not None and pos not in self.major and sentence != sent:
            for p2, n2, subject in reversed(events):
                if p2 >= pos or p2 < sent:
                    continue
                g = self.gender.get(n2)
                if subject and p2 in self.major and not (gender and g and g != gender):
                    return n2
        return name

    def _sentence_of(self, at: int) -> int | None:
        return self.sentence_char(at) if self.parsed else None

    def _referent(self, at: int, gender: str | None, events, sentence: int | None = None) -> tuple[int, str] | None:
        fallback = None
        nearest = None
        close_known = None  # a person of the pronoun's gender named nearer than any subject
        for pos, name, subject in reversed(events):
            if pos >= at:
                continue
            g = self.gender.get(name)
            if gender and g and g != gender:
                continue
            if gender and g == gender and (subject or sentence is not None and pos >= sentence):
                # (a person of the pronoun's gender named in the pronoun's own sentence counts
                # as a subject: "X described Y as a “disgrace” after she …")
                # a subject known to be of the pronoun's gender wins over nearer ones of unknown gender
                return (pos, name) if nearest is None or at - pos <= GENDER_REACH else self._closer(close_known, nearest)
            if gender and g == gender and nearest is None and close_known is None and at - pos <= GENDER_REACH \
                    and pos not in self.possessive_at:
                close_known = (pos, name)  # "… with Ellen Harlow lambasting the plan. “…,” she said."
            if subject and nearest is None:
                nearest = (pos, name)
                if not gender:
                    return nearest
            fallback = fallback or (pos, name)
        return self._closer(close_known, nearest) or fallback

    def _closer(self, close_known, nearest):
        """The person of the pronoun's gender named after the nearest subject, when a later sentence
        names them; in the subject's own sentence the subject wins ("Walsh had ties to Mr. Penhallow. But
        he …")."""
        if close_known and nearest and self.sentence_char(close_known[0]) == self.sentence_char(nearest[0]):
            return nearest
        return close_known or nearest

    def _byline(self, pos: int) -> bool:
        """A name on a short "By …" line credits the writer, who is nobody's speaker."""
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        line = self.text[start:end if end >= 0 else len(self.text)]
        return bool(re.match(r"\s*(?:by|words by|reporting by)\s", line, flags=re.I)) and len(line.split()) <= 8

    def in_name(self, q: QuoteSpan) -> bool:
        """A nickname quoted inside a person's name (Marcia “Cia” Price) is nobody's quote."""
        return any(p.start_char < q.start and q.end < p.end_char for p in self.names_in(q.paragraph[0], q.paragraph[1]))

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self._inside_starts, pos) - 1
        return i >= 0 and pos < self.inside[i][1]

    def _genders(self) -> dict[str, str]:
        out = {}
        for e in self.persons:
            before = re.findall(r"[\w.]+", self.text[max(0, e.start_char - 12):e.start_char])
            h = (self.article.honorific_of(e) or (before[-1] if before else "")).lower().rstrip(".")
            if h in MALE_TITLES:
                out.setdefault(self.article.person_name(e), "m")
            elif h in FEMALE_TITLES:
                out.setdefault(self.article.person_name(e), "f")
        return out

    def person(self, span, cue, rule) -> Speaker:
        return Speaker(self.article.person_name(span), True, cue, rule)

    def name_of(self, span) -> str:
        return self.article.person_name(span)

    def names_in(self, start: int, end: int) -> list:
        i = bisect_left(self._person_starts, start)
        out = []
        for p in self.persons[i:]:
            if p.start_char >= end:
                break
            if p.end_char <= end:
                out.append(p)
        return out

    def possessive_token(self, tok) -> bool:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.tag_ == "POS"

    def possessive(self, span) -> bool:
        return bool(re.match(r"[’']s?\b", self.text[span.end_char:span.end_char + 2]))

    def canonical_for(self, word: str):
        """A known person whose family name is this capitalised word ("PELLOW", "Pellow")."""
        return self._family.get(word.strip(".,:;").lower())


# -- attribution rules -----------------------------------------------------------------------------

_WORD_RE = re.compile(r"[\w’'.-]+")


def _cues(frames: Frames, start: int, end: int) -> list[tuple[str, int, int]]:
    out = []
    for m in _WORD_RE.finditer(frames.text, start, end):
        w = m.group().lower().strip(".’'")
        if w in frames.vocab["cue_set"]:
            if w == "according" and not re.match(r"\s+to\b", frames.text[m.end():m.end() + 4]):
                continue
            if w in ("put", "puts") and not re.match(r"\s+it\b", frames.text[m.end():m.end() + 4]):
                continue  # "as X put it, “…”"
            out.append((w, m.start(), m.end()))
    return out


#: cues whose object is the person spoken to, never the speaker ("Brandt told Bart Vesey")
ADDRESSEE_CUES = word_set("addressee_cues")


def _speaker_at_cue(frames: Frames, lo: int, hi: int, cue: tuple[str, int, int], rule: str) -> Speaker | None:
    """The speaker of a cue inside the frame [lo, hi): the nearest name on its left (not a possessive),
    else the first on its right ("said Mr. Pellow"), else a pronoun, a description or an organisation
    next to it."""
    word, cs, ce = cue
    text = frames.text
    left = [p for p in frames.names_in(lo, cs) if not frames.possessive(p)]
    # a name on the left only counts when no sentence ends between it and the cue
    left = [p for p in left if _sentence_start(text, p.end_char, cs) == p.end_char
            and not re.search(r"[;!?]", text[p.end_char:cs])]
    right = [p for p in frames.names_in(ce, hi) if not frames.possessive(p)]
    if word != "according":  # "said on Twitter", "told reporters in Ohio": not the speaker
        right = [p for p in right if not _after_preposition(text, ce, p.start_char)]
    if word == "according":
        left = []
        to = re.match(r"\s+to\b", text[ce:hi])
        if to:
            ce += to.end()  # "according to the newspaper, “…”": the source follows "to"
    inverted = bool(right) and _inverted(text, right[0].start_char, ce, lo, cs) and (
        word not in ADDRESSEE_CUES or word == "asked")
    subject = _syntactic_subject(frames, cs, ce, lo, hi) if word != "according" else None
    if isinstance(subject, Description) and (not left or subject.subtree is not None and not any(
            subject.subtree[0] <= p.start_char < subject.subtree[1] for p in left) and subject.subtree[0] > left[-1].end_char):
        # the described subject of the cue wins over a name that is the subject of another verb
        # before it ("Harlan said as the heckler yelled: “…”")
        return resolve_description(frames, str(subject), cs, word, rule + "+subject")
    if isinstance(subject, Named):
        return Speaker(str(subject), True, word, rule + "+subject")
    if subject is not None and not isinstance(subject, Description):
        if isinstance(subject, str):
            return resolve_pronoun(frames, subject, cs, word, rule + "+subject")
        return frames.person(subject, word, rule + "+subject")
    if left and not inverted:
        return frames.person(left[-1], word, rule)
    before = text[lo:cs]
    after = text[ce:hi]
    adjacent = _bare_name(before, adjacent=True) if word != "according" else None
    if adjacent and not inverted and _proper_noun(frames, adjacent, lo, cs):
        return _name_speaker(frames, adjacent, lo, cs, word, rule)
    if right and _close_after(text, ce, right[0].start_char) and (inverted or word not in ADDRESSEE_CUES):
        return frames.person(right[0], word, rule)
    pron = _pronoun(before, after)
    if pron:
        return resolve_pronoun(frames, pron, cs, word, rule)
    # a description after the cue only in the inverted shape ("“…,” said a spokesman"), never the
    # start of the reported clause ("the CQC said staff were “…”")
    inverted_shape = not text[lo:cs].strip(" ,.”’\"'")
    desc = _description(frames, lo, cs) or (_description(frames, ce, hi, first=True) if inverted_shape else None)
    if desc:
        return resolve_description(frames, desc, cs, word, rule)
    orgs = [o for o in frames.orgs if lo <= o.start_char and o.end_char <= cs and not frames.possessive(o)
            and _sentence_start(text, o.end_char, cs) == o.end_char]
    orgs_right = [o for o in frames.orgs if ce <= o.start_char and o.end_char <= hi
                  and _close_after(text, ce, o.start_char) and word not in ADDRESSEE_CUES]
    orgs = [o for o in orgs if not re.match(r"[DRI]-", o.text)]
    orgs_right = [o for o in orgs_right if not re.match(r"[DRI]-", o.text)]
    if orgs or orgs_right:
        org = orgs[-1] if orgs else orgs_right[0]
        words_ = org.text.split()
        person = frames.canonical_for(words_[-1]) if len(words_) <= 4 else None
        if person:  # a person the NER took for an organisation here, named as a person elsewhere
            return Speaker(person, True, word, rule + "+name")
        return Speaker(" ".join(words_), False, word, rule + "+org")
    label = _bare_name(before) or (_bare_name(after, first=True) if word not in ADDRESSEE_CUES else None)
    if label and _proper_noun(frames, label, lo, hi):
        return _name_speaker(frames, label, lo, hi, word, rule)
    return None


NOT_PERSON_ENTITIES = {"GPE", "ORG", "NORP", "LOC", "FAC"}


def _name_speaker(frames: Frames, name: str, lo: int, hi: int, word, rule) -> Speaker:
    """A bare name next to the cue: a person, unless the NER made it a place or a body ("North
    Korea said", "Japan said"), which speaks as an organisation, with no person."""
    doc = frames.article.doc
    at = frames.text.rfind(name, lo, hi)
    span = doc.char_span(at, at + len(name), alignment_mode="expand") if at >= 0 else None
    known = frames.canonical_for(name.split()[-1])
    if known is None and span is not None and any(t.ent_type_ in NOT_PERSON_ENTITIES for t in span):
        return Speaker(name, False, word, rule + "+org")
    return Speaker(known or name, True, word, rule + "+name")


def _syntactic_subject(frames: Frames, cs: int, ce: int, lo: int, hi: int):
    """The subject of the speech verb by the parse, when the parse has one: a PERSON mention in
    [lo, hi) holding the subject (or the name it is in apposition to), or a he/she/I to resolve.
    A participle ("…, saying, “…”") and a verb in a coordinate or adverbial clause take the subject
    of the verb they hang on."""
    doc = frames.article.doc
    if not frames.parsed:
        return None
    span = doc.char_span(cs, ce, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = span[0]
    climbed = False
    for _ in range(4):
        subjects = frames.subjects_of.get(verb.i, [])
        if subjects:
            break
        if verb.dep_ in ("advcl", "conj", "xcomp", "acl", "pcomp", "prep") and verb.head is not verb:
            verb = verb.head
            climbed = True
            continue
        return None
    else:
        return None
    head = subjects[0]
    if climbed and verb.pos_ not in ("VERB", "AUX"):
        return None  # "the disruptions have become … as the chants": the climb left the verbs
    if climbed:
        # the subject of the verb a participle or a second verb hangs on may stand before an earlier
        # quote of the sentence ("X has used the phrase “…” often, and criticized Y for …")
        lo = min(lo, max(frames.sentence_char(span[0].idx), head.left_edge.idx))
    if head.lower_ in PRONOUNS and head.lower_ not in ("his", "her", "him", "them"):
        # a pronoun of the reporting clause, never one the parse took from inside the quote
        return head.lower_ if lo <= head.idx < hi and not frames.in_quote(head.idx) else None
    for tok in [head] + [c for c in head.children if c.dep_ == "appos"]:
        for p in frames.persons:
            if p.start <= tok.i < p.end and lo <= p.start_char and p.end_char <= hi and not frames.possessive(p):
                return p
    if head.pos_ in ("PROPN", "NOUN") and lo <= head.idx < hi and not frames.in_quote(head.idx):
        # a name the NER missed: a person when the article names someone with that family name,
        # or a run of proper nouns the parse makes the subject ("Secretary General Tobiah Bo-kwan said")
        known = frames.subject_name(head)
        if known:
            return Named(known)
        if head.pos_ == "PROPN" and head.ent_type_ in NOT_PERSON_ENTITIES:
            # a people, a place or a body speaks with no person ("Mexicans often say", "the Kremlin said")
            i, j = head.i, head.i + 1
            while i > 0 and doc[i].ent_iob_ == "I":
                i -= 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if any(t.ent_type_ == "PERSON" for t in doc[j:j + 3]):
                return None  # "Air Force 1st Lt. Tyler Ashwell": the body is a title of the name
            return Description(doc[i:j].text.removeprefix("the ").removeprefix("The "))
    if head.pos_ == "NOUN" and lo <= head.idx < hi and not frames.in_quote(head.idx):
        # a described source ("the commission says", "my father often said"): the noun with its
        # modifiers on the left and an "of/for …" after it
        words_ = [t for t in doc[head.left_edge.i:head.i + 1] if t.dep_ not in ("det", "poss", "punct", "case")
                  and not t.is_punct and t.head.dep_ != "poss"]
        words_ = words_[-5:]
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "from") and child.right_edge.i - child.i <= 4:
                for t in doc[child.i:child.right_edge.i + 1]:
                    if t.dep_ == "cc" or t.is_punct:
                        break  # "secretary of state | and current nominee"
                    words_.append(t)
                break
        if words_ and not any(t.pos_ in ("VERB", "AUX") for t in words_):
            found = Description(" ".join(t.text for t in words_))
            if head.dep_ == "nsubj" and verb.dep_ not in ("ccomp", "xcomp", "conj") and not climbed:
                # an active subject of a verb that is no reported clause ("said councils were
                # being asked to …" is not the councils asking)
                found.subtree = (head.left_edge.idx, head.right_edge.idx + len(head.right_edge))
            return found
    return None


def _person_head(tok) -> bool:
    """A name's head that is itself a person or a title ("Brandt running mate Cal Ferris", "President
    Okonedo"), not a thing ("the Threlkeld campaign took")."""
    return tok.ent_type_ in ("PERSON", "ROLE") or tok.lower_ in quote_vocabulary()["title_words"] and \
        tok.lower_ not in quote_vocabulary()["source_nouns"]


class Description(str):
    """An unnamed source found as the subject of the speech verb (`subtree`: the characters its
    phrase spans, when the parse gave it)."""
    subtree: tuple[int, int] | None = None


class Named(str):
    """A known person found as the subject of the speech verb without a PERSON mention there."""


def _after_preposition(text: str, ce: int, start: int) -> bool:
    words_ = _WORD_RE.findall(text[ce:start])
    return bool(words_) and words_[-1].lower() in PREPOSITIONS


def _inverted(text: str, right_start: int, ce: int, lo: int, cs: int) -> bool:
    """ "“…,” said Mr. Pellow": the cue right after the quote, a name right after it."""
    return not text[lo:cs].strip(" ,.”’\"'") and right_start - ce < 25


def _close_after(text: str, ce: int, name_start: int) -> bool:
    between = text[ce:name_start]
    abbreviations = quote_vocabulary()["abbreviations"]
    words_ = between.split()
    return len(words_) <= 4 and not re.search(r"[;!?]", between) and all(
        not w.endswith(".") or _abbreviation(w, abbreviations) for w in words_)


def _pronoun(before: str, after: str) -> str | None:
    b = [w.lower() for w in _WORD_RE.findall(before)]
    a = [w.lower() for w in _WORD_RE.findall(after)]
    if b and b[-1] in PRONOUNS:
        return b[-1]
    if len(b) >= 2 and b[-2] in PRONOUNS and b[-1] in {"also", "then", "later", "has", "had", "have", "once"}:
        return b[-2]
    if not b and a and a[0] in PRONOUNS:
        return a[0]
    if b and b[0] in PRONOUNS and len(b) <= 3:
        return b[0]
    return None


_NAME_RE = re.compile(r"(?:[A-Z][\w’'-]*\.?\s+){0,3}[A-Z][\w’'-]+")


def _bare_name(chunk: str, first: bool = False, adjacent: bool = False) -> str | None:
    """A capitalised name the NER missed, right next to the cue ("said Pellow." / "Pellow
    continued:" / "DuQuarrie explained"); titles before it ("Rep.", "Gov.") are not part of it."""
    vocab = quote_vocabulary()
    chunk = chunk.strip(" ,") if not adjacent else chunk.rstrip()
    name_re = r"((?:(?:[A-Z][\w’'-]*|[A-Z]\.(?:[A-Z]\.)*)\s+){0,3}[A-Z][\w’'-]*[a-z][\w’'-]*)"
    if first:
        m = re.match(r"(?:(?:[A-Z][a-z]{1,4}\.)\s+)?" + name_re + r"(?=\s*(?:[,.;:(]|$))", chunk)
    elif adjacent:
        m = re.search(r"(?:^|[\s,—–(])" + name_re + r"$", chunk)
    else:
        m = re.search(r"(?:^|[,—–(]\s*)" + name_re + r"$", chunk)
    if not m:
        return None
    preceding = chunk[:m.start(1)].split()
    if adjacent and preceding and preceding[-1].lower() in PREPOSITIONS:
        return None  # "a spokesperson for NHS England said": the name is not the subject
    ws = m.group(1).split()
    while ws and ws[0].lower().strip(".") in vocab["abbreviations"]:
        ws.pop(0)
    if not ws:
        return None
    if ws[0].lower() in FILLER or ws[0].lower() in LEADING or ws[0].lower() in PRONOUNS:
        return None
    if len(ws) == 1 and (ws[0].lower() in vocab["source_nouns"] or adjacent and _sentence_initial(chunk, m.start(1))):
        return None
    if any(w.lower().strip(".") in vocab["cue_set"] for w in ws) or re.match(r"[DRI]-", ws[0]):
        return None  # a cue, or a party and state label ("D-Kestrel Bay")
    return " ".join(ws)


def _proper_noun(frames: Frames, name: str, lo: int, hi: int) -> bool:
    """With a tagger, every word of a bare name is a singular proper noun ("After" and
    "Democrats" are not)."""
    doc = frames.article.doc
    if not frames.tagged:
        return True
    at = frames.text.rfind(name, lo, hi)
    span = doc.char_span(at, at + len(name), alignment_mode="expand") if at >= 0 else None
    return span is not None and all(t.tag_ == "NNP" or t.is_punct for t in span)


def _sentence_initial(chunk: str, at: int) -> bool:
    """A capitalised word that starts its sentence may be any word ("Officials said")."""
    before = chunk[:at].rstrip()
    return not before or before[-1] in ".!?:;”\"'"


LEADING = {"a", "an", "the", "and", "but", "although", "though", "while", "as", "because", "when", "if",
           "that", "also", "then", "so", "yet", "in", "on"}
PREPOSITIONS = {"to", "at", "in", "on", "with", "for", "from", "by", "about", "of", "into", "during", "after", "before"}


def _description(frames: Frames, lo: int, hi: int, first: bool = False) -> str | None:
    """An unnamed source: the noun phrase right next to the cue ("A DfE spokesman said" → "DfE
    spokesman", "said a spokesperson for NHS England" → "spokesperson for NHS England", "The
    report, published on Monday, said" → "report"); no verb inside it, and a source noun at its head."""
    text = frames.text
    chunk = text[lo:hi]
    if not first:
        m = re.match(r"\s*(?:in|on)\s+(?:a|an|the|its|their|his|her)\s+(?:own\s+)?"
                     r"(?:statement|interview|tweet|post|letter|email|report)\s*,?\s*", chunk, flags=re.I)
        if m and m.end() < len(chunk):
            lo += m.end()
            chunk = text[lo:hi]
    parts = [(m.start() + lo, m.end() + lo) for m in re.finditer(r"[^,;:()]+", chunk) if m.group().strip()]
    if not parts:
        return None
    candidates = [parts[0]] if first else ([parts[-1], parts[0]] if len(parts) > 1 else [parts[-1]])
    for s_, e_ in candidates:
        found = _noun_phrase(frames, s_, e_, first)
        if found:
            return found
    return None


def _noun_phrase(frames: Frames, lo: int, hi: int, first: bool) -> str | None:
    source_nouns = frames.vocab["source_nouns"]
    ws = [(m.group(), lo + m.start()) for m in _WORD_RE.finditer(frames.text[lo:hi])]
    doc = frames.article.doc
    if frames.tagged:
        tokens = []
        for w, at in ws:
            span = doc.char_span(at, at + len(w), alignment_mode="expand")
            tokens.append(span[0] if span is not None and len(span) else None)
        def np_word(i):
            t = tokens[i]
            return t is None or (t.pos_ not in ("VERB", "AUX", "PRON", "ADV", "SCONJ") and t.lower_ not in PRONOUNS)
        if first:
            n = 0
            while n < len(ws) and np_word(n):
                n += 1
            ws = ws[:n]
        else:
            n = len(ws)
            while n > 0 and np_word(n - 1):
                n -= 1
            ws = ws[n:]
    if first and ws and ws[0][0].lower() in PREPOSITIONS:
        return None  # "shouted to the crowd": whom it was said to, not who said it
    while ws and ws[0][0].lower() in LEADING:
        ws.pop(0)
    while ws and (ws[-1][0].lower() in LEADING or ws[-1][0].lower() in PREPOSITIONS):
        ws.pop()
    if not ws or len(ws) > 7:
        return None
    words_ = [w for w, _ in ws]
    heads = [i for i, w in enumerate(words_) if w.lower().strip(".’'") in source_nouns]
    if not heads:
        return None
    # the head ends the phrase, or a "for/of/at ..." complement follows it
    last = heads[-1]
    if last != len(words_) - 1 and words_[last + 1].lower() not in word_set("source_complement_prepositions"):
        return None
    if any(w.lower().strip(".") in frames.vocab["cue_set"] or w.lower() in PRONOUNS for w in words_):
        return None
    return " ".join(words_).strip(":,.")


def resolve_pronoun(frames: Frames, pronoun: str, at: int, cue, rule) -> Speaker | None:
    """he/she/I to the person the discourse is about at `at`: the latest clause subject or speaker
    before it, outside any quote, whose gender (from an honorific, or learnt from "X said she …")
    does not clash; they/we to the last unnamed source quoted."""
    if pronoun in PLURAL:
        for pos, sp in reversed(frames.speakers):
            if pos < at and not sp.person:
                return Speaker(sp.name, False, cue, rule + "+pronoun")
        return None
    if pronoun in SINGULAR:
        return None  # "I said" outside a quote is the writer, not a person of the story
    gender = "m" if pronoun in MALE else "f" if pronoun in FEMALE else None
    name = frames.referent(at, gender)
    return Speaker(name, True, cue, rule + "+pronoun") if name else None


def _head_word(ws: list[str]) -> str | None:
    """The head of a title or description: its last word before an "of/for …" complement
    ("secretary of state" → secretary)."""
    complements = word_set("source_complement_prepositions")
    for i, w in enumerate(ws):
        if i and w in complements:
            return ws[i - 1]
    return ws[-1] if ws else None


def resolve_description(frames: Frames, desc: str, at: int, cue, rule) -> Speaker:
    """ "the senator" → the person holding that role in the article (nearest mention before), else
    the description as an unnamed source."""
    ws = desc.lower().split()
    if desc.split()[0][:1].islower() or len(ws) <= 2:
        head = _head_word(ws)
        holders = {pid for pid, roles in frames.roles.items() if any(_head_word(r.split()) == head for r in roles if r)}
        if holders:
            for p in reversed([p for p in frames.persons if p.end_char <= at]):
                name = frames.article.person_name(p)
                if person_id(name) in holders:
                    return Speaker(name, True, cue, rule + "+role")
    return Speaker(desc, False, cue, rule)


# -- frames ------------------------------------------------------------------------------------

def _before(frames: Frames, q: QuoteSpan) -> Speaker | None:
    """A cue earlier in the quote's own sentence ("X said: “…", "X described it as “…”"), or a
    colon closing the paragraph before a quote that opens its own ("Pellow continued:")."""
    text = frames.text
    lo = _sentence_start(text, q.paragraph[0], q.open_at)
    # stop at the end of an earlier quote in the same sentence
    for other in frames.quotes:
        if other.paragraph == q.paragraph and lo <= other.close_end <= q.open_at and other is not q \
                and len(text[other.start:other.end].split()) > 3:  # a quoted title or term does not cut it
            lo = max(lo, other.close_end)
    clause = text[lo:q.open_at]
    label = _transcript_label(clause) if clause.strip() else None
    if label:
        return _label_speaker(frames, label)
    # "including the former candidate Ansel Dray -- “…”": a name and a dash right before the quote
    dash = re.search(r"[―—–]|--", clause[-6:]) if clause.rstrip().endswith(("—", "–", "―", "--")) else None
    if dash:
        named = [p for p in frames.persons if lo <= p.start_char and p.end_char <= q.open_at
                 and not text[p.end_char:q.open_at].strip(" ,—–―-")]
        if named:
            return frames.person(named[-1], "—", "dash-before")
    cues = _cues(frames, lo, q.open_at)
    if cues:
        return _speaker_at_cue(frames, lo, q.open_at, cues[-1], "before")
    if clause.strip().endswith(":"):
        colon = lo + clause.rstrip().rfind(":")
        if len(clause.split()) <= 8:
            return _speaker_at_cue(frames, lo, q.open_at, (":", colon, colon + 1), "colon")
        # a longer clause introducing the quote ("Tolliver has adopted the stance common among …:"):
        # its subject by the parse, when that is a person
        doc = frames.article.doc
        span = doc.char_span(lo, colon, alignment_mode="expand") if frames.parsed else None
        root = span.root if span is not None and len(span) else None
        if root is not None and root.pos_ in ("VERB", "AUX"):
            found = _syntactic_subject(frames, root.idx, root.idx + len(root), lo, q.open_at)
            if found is not None and not isinstance(found, (str, Description)):
                return frames.person(found, ":", "colon-clause")
            if isinstance(found, Named):
                return Speaker(str(found), True, ":", "colon-clause")
    if not clause.strip() and lo > q.paragraph[0]:
        # the sentence before, in the same paragraph, ends with its attribution ("…, Rendle said.
        # “The other factor …")
        p_lo = _sentence_start(text, q.paragraph[0], lo - 2)
        prev_cues = _cues(frames, p_lo, lo)
        tail = text[prev_cues[-1][2]:lo] if prev_cues else ""
        if prev_cues and len(tail.split()) <= 4 and not any(o.paragraph == q.paragraph and p_lo <= o.open_at < lo
                                                             for o in frames.quotes):
            found = _speaker_at_cue(frames, p_lo, lo, prev_cues[-1], "previous-sentence")
            if found:
                return found
    if not clause.strip() and q.open_at == q.paragraph[0]:
        prev_end = q.paragraph[0] - 1
        prev = text[:prev_end].rstrip()
        if prev.endswith(":") and not frames.in_quote(len(prev) - 1):
            p_start = text.rfind("\n", 0, len(prev)) + 1
            s = _sentence_start(text, p_start, len(prev) - 1)
            cues = _cues(frames, s, len(prev))
            cue = cues[-1] if cues else (":", len(prev) - 1, len(prev))
            return _speaker_at_cue(frames, s, len(prev), cue, "colon-paragraph")
    return None


def _transcript_label(clause: str) -> str | None:
    m = re.fullmatch(r"\s*([A-Z][A-Z.'’ -]{1,40}[A-Z.]):\s*", clause)
    return m.group(1) if m else None


def _label_speaker(frames: Frames, label: str) -> Speaker:
    name = frames.canonical_for(label.split()[-1]) or label.title()
    return Speaker(name, True, ":", "transcript")


def _inner_label(frames: Frames, q: QuoteSpan) -> Speaker | None:
    """A transcript quoted whole: “PENCE: Well, look …”."""
    m = re.match(r"([A-Z][A-Z.'’ -]{1,40}[A-Z]):\s", frames.text[q.start:q.end])
    return _label_speaker(frames, m.group(1)) if m else None


def _after(frames: Frames, q: QuoteSpan) -> Speaker | None:
    """ "“…,” Mr Penrose told local radio." / "“…,” said Mr. Pellow." / "“…” ― Name" / "“…,” he said." """
    if not q.closed:
        return None
    text = frames.text
    start = q.close_end
    hi = q.paragraph[1]
    # the next quote of the paragraph ends the frame, unless it is a quoted word or two inside the
    # attribution ("Marcia “Cia” Price shouted")
    nxt = [o.open_at for o in frames.quotes if o.paragraph == q.paragraph and o.open_at >= start
           and len(text[o.start:o.end].split()) > 2]
    stop = min([_sentence_end(text, start, hi)] + nxt)
    rest = text[start:stop]
    dash = re.match(r"\s*[―—–-]+\s*(.+)", rest)
    if dash and not re.match(r"\s*[―—–-]+\s*[a-z]", rest):
        d0 = start + dash.start(1)
        names = frames.names_in(d0, stop)
        if names:
            return frames.person(names[0], "—", "dash")
        label = _bare_name(dash.group(1), first=True) or (dash.group(1).strip() if _NAME_RE.fullmatch(dash.group(1).strip()) else None)
        if label:
            return Speaker(frames.canonical_for(label.split()[-1]) or label, True, "—", "dash")
    # the cue must come within the first words after the quote, or after a name and its
    # apposition ("“…,” Dale Pruett, the Republican attorney general of Wessex, one of the states
    # suing, said")
    first = frames.names_in(start, start + 200)[:1]
    named_first = bool(first) and len(text[start:first[0].start_char].split()) <= 3
    reach = 30 if named_first else 12
    cues = [c for c in _cues(frames, start, stop) if len(text[start:c[1]].split()) <= reach]
    if not cues:
        return None
    return _speaker_at_cue(frames, start, stop, cues[0], "after")


def _signature(frames: Frames, q: QuoteSpan) -> Speaker | None:
    """A statement block: the first name-only line after the quote signs it (D32)."""
    text = frames.text
    rest = text[q.paragraph[1]:]
    openers = frames.vocab["openers"]
    for line_match in re.finditer(r"[^\n]+", rest):
        line = line_match.group().strip()
        abs_start = q.paragraph[1] + line_match.start()
        if _mark_at(line, 0, openers) or line[:1] in "•·▪-*":
            continue  # more quoted paragraphs or bullets of the block
        for p in frames.persons:
            if abs_start <= p.start_char < abs_start + len(line_match.group()) and len(line.split()) <= 5:
                return frames.person(p, None, "signature")
        return None
    return None


def _continues(text: str, prev: QuoteSpan, q: QuoteSpan, openers) -> bool:
    """This quote continues the previous one's speaker: the next quoted paragraph of a run, or the
    next piece in the same paragraph ("“…,” he said. “…")."""
    if prev.paragraph == q.paragraph:
        return True
    gap = text[prev.paragraph[1]:q.paragraph[0]]
    if gap.strip() or text[q.paragraph[0]:q.open_at].strip():
        return False
    # the previous paragraph ends with its quote (or the quote's short attribution)
    tail = text[prev.close_end:prev.paragraph[1]]
    return not prev.closed or len(tail.split()) <= 12 and not any(_mark_at(tail, i, openers) for i in range(len(tail)))


SMALL_WORDS = word_set("title_case_small_words")


def _is_term(article: "Article", q: QuoteSpan) -> bool:
    """A quoted rating ("rated ‘inadequate’") names a judgement, and a quoted title in title case
    ("Morning Report Sunday", "A Change Is Gonna Come") names a work; nobody is quoted."""
    if any(e.label_ == "RATING" and e.start_char <= q.start and q.end <= e.end_char + 1 for e in article.entities):
        return True
    inner = article.body[q.start:q.end].strip(" .,!?()")
    words_ = re.findall(r"[A-Za-z][\w’'-]*", inner)
    content = [w for w in words_ if w.lower() not in SMALL_WORDS]
    return (2 <= len(words_) <= 8 and len(content) >= 2 and all(w[0].isupper() for w in content)
            and not re.search(r"[,;:!?]", inner) and not any(w in ("I", "I'm", "I’m") for w in words_))


def quote_rows(article: "Article", role_rows: list[dict]) -> list[dict]:
    text = article.body
    quotes = list(find_quotes(text))
    frames = Frames(article, quotes, role_rows)
    roles_by_person = {}
    for row in role_rows:
        roles_by_person.setdefault(row["person_id"], row["role"])
    openers = frames.vocab["openers"]
    rows = []
    decided: list[Speaker | None] = []
    for n, q in enumerate(quotes):
        n_words = len(text[q.start:q.end].split())
        prefix_empty = not text[_sentence_start(text, q.paragraph[0], q.open_at):q.open_at].strip()
        speaker = _inner_label(frames, q)
        if speaker is None:
            order = (_after, _before) if prefix_empty else (_before, _after)
            speaker = order[0](frames, q) or order[1](frames, q)
        if speaker is None and n and decided[-1] is not None and _continues(text, quotes[n - 1], q, openers):
            prev = decided[-1]
            speaker = Speaker(prev.name, prev.person, None, "continued")
        if speaker is None and n_words > 4:
            speaker = _signature(frames, q)
        decided.append(speaker)
        if speaker is None and n_words <= 4 or _is_term(article, q) or frames.in_name(q):
            continue  # a scare quote or a quoted term with no speaker (D30), or a quoted rating

        if speaker is not None:
            frames.speakers.append((q.start, speaker))
        start, end = q.start + article.offset, q.end + article.offset
        pid = person_id(speaker.name) if speaker and speaker.person else None
        rows.append({"doc_id": article.doc_id, "person_id": pid, "speaker": speaker.name if speaker else None,
                     "quote": article.text[start:end], "start_char": start, "end_char": end,
                     "cue": speaker.cue if speaker else None, "role": roles_by_person.get(pid),
                     "rule": speaker.rule if speaker else "unattributed"})
    return rows


def _discourse_tokens(doc, person_starts) -> Iterator:
    """The tokens `_discourse` acts on, in order: subjects, sentence starts, the first tokens of
    person mentions and he/she. Every other token leaves the discourse as it is, and a Python step
    per token of the Doc cost more than the rest of the quote finder."""
    if not len(doc):
        return iter(())
    strings = doc.vocab.strings
    dep, sent_start, lower = (doc.to_array(attr).astype(numpy.uint64) for attr in (DEP, SENT_START, LOWER))
    wanted = numpy.isin(dep, [strings["nsubj"], strings["nsubjpass"]])
    wanted |= numpy.isin(lower, [strings["he"], strings["she"]])
    wanted |= sent_start == 1
    wanted[0] = True  # a Doc's first token starts a sentence, parsed or not
    wanted[[i for i in person_starts]] = True
    return (doc[i] for i in numpy.flatnonzero(wanted).tolist())
