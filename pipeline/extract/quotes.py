"""Quoted speech and who said it (docs/annotation.md QUOTE, D29-D32, D40, D42).

Quote marks are read per paragraph, so British multi-paragraph quotes (each paragraph opens a
quote, only the last closes it) and unbalanced marks never swallow the rest of the article.
Attribution looks, in order, at the text right before the quote ("X said:"), right after it
("..., X said" / "said X"), a statement block's signature line, and the previous quote of a run
of quoted paragraphs. Speakers named by a PERSON mention get their canonical name and person_id;
unnamed sources ("a DfE spokesman said") keep their description and no person.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..about import PATTERNS_DIR
from ..ids import person_id

if TYPE_CHECKING:
    from .article import Article

OPENERS = {"“": "”", "‘": "’", '"': '"', "'": "'", "«": "»"}
PRONOUNS = {"he", "she", "they", "i", "we"}
_OPENER_RE = re.compile("[" + re.escape("".join(OPENERS)) + "]")


@lru_cache(maxsize=1)
def quote_vocabulary(path: Path = PATTERNS_DIR / "quotes.json") -> dict:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data["cue_set"] = {c.lower() for c in data["cues"]}
    return data


@dataclass
class QuoteSpan:
    start: int          # offsets in the body (doc.text)
    end: int
    closed: bool        # False: runs on to the next paragraph
    paragraph: tuple[int, int]


def find_quotes(text: str) -> Iterator[QuoteSpan]:
    """Outermost quoted passages, paragraph by paragraph."""
    pos = 0
    for para in text.split("\n"):
        p_start, p_end = pos, pos + len(para)
        pos = p_end + 1
        i = 0
        while i < len(para):
            found = _OPENER_RE.search(para, i)  # skip straight to the next quote mark
            if found is None:
                break
            i = found.start()
            ch = para[i]
            if ch in OPENERS and _is_opening(para, i):
                close = _find_close(para, i)
                end = close if close is not None else len(para.rstrip())
                inner_s, inner_e = _trim(para, i + 1, end)
                if inner_e > inner_s:
                    yield QuoteSpan(p_start + inner_s, p_start + inner_e, close is not None, (p_start, p_end))
                i = (close + 1) if close is not None else len(para)
            else:
                i += 1


def _is_opening(para: str, i: int) -> bool:
    ch = para[i]
    before = para[i - 1] if i > 0 else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    if ch in "“‘«":
        return not (ch == "‘" and before.isalnum())
    # straight marks open after a space or bracket and before a word
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _find_close(para: str, i: int) -> int | None:
    closer = OPENERS[para[i]]
    nested = 0  # nested double quotes still open: each is skipped whole (counted, not recursed into)
    j = i + 1
    while j < len(para):
        ch = para[j]
        if ch == closer:
            after = para[j + 1] if j + 1 < len(para) else " "
            before = para[j - 1]
            if closer in "’'" and after.isalnum() and before.isalnum():
                j += 1  # an apostrophe inside a word: don't
                continue
            if closer in "’'" and before.isspace():
                j += 1
                continue
            if not nested:
                return j
            nested -= 1
            j += 1
            continue
        if ch in "“" and closer == "”":
            nested += 1  # a nested double quote
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


def quote_rows(article: "Article", role_rows: list[dict]) -> list[dict]:
    vocab = quote_vocabulary()
    text = article.body
    persons = [e for e in article.entities if e.label_ == "PERSON"]
    roles_by_person = {}
    for row in role_rows:
        roles_by_person.setdefault(row["person_id"], row["role"])
    rows = []
    previous = None  # (speaker triple, quote span) of the last attributed quote
    for q in find_quotes(text):
        words = len(text[q.start:q.end].split())
        speaker, rule = _speaker_before(article, q, persons, vocab), "cue_before"
        if speaker is None:
            speaker, rule = _speaker_after(article, q, persons, vocab), "cue_after"
        if speaker is None and previous and _same_run(text, previous[1], q):
            speaker, rule = (previous[0][0], previous[0][1], None), "previous_quote"
        if speaker is None and words > 4:
            speaker, rule = _signature(article, q, persons), "signature"
        if speaker is None and words <= 4:
            continue  # a scare quote or a quoted term with no speaker (D30)
        name, person, cue = speaker if speaker else (None, None, None)
        start, end = q.start + article.offset, q.end + article.offset
        pid = person_id(name) if person else None
        rows.append({"doc_id": article.doc_id, "person_id": pid, "speaker": name,
                     "quote": article.text[start:end], "start_char": start, "end_char": end, "cue": cue,
                     "role": roles_by_person.get(pid), "rule": rule if speaker else "unattributed"})
        previous = (speaker, q) if speaker else None
    return rows


def _same_run(text: str, prev: QuoteSpan, q: QuoteSpan) -> bool:
    """This quote continues the previous speaker's: the next quoted paragraph of a run, or a second
    quote in the same paragraph after a short attribution ("…,” he said. “…")."""
    if prev.paragraph == q.paragraph:
        between = text[prev.end:q.start]
        return len(between.split()) <= 6
    gap = text[prev.paragraph[1]:q.paragraph[0]]
    return not gap.strip() and text[q.paragraph[0]:q.start].strip() in OPENERS


def _speaker_before(article, q: QuoteSpan, persons, vocab):
    """A cue earlier in the quote's own sentence: "X said: “…", "X described it as “…”"."""
    text = article.body
    prefix = text[q.paragraph[0]:q.start]
    starts = [m.end() for m in re.finditer(r"(?<=[.!?])[”’\"']?\s+", prefix)]
    sent_start = q.paragraph[0] + (starts[-1] if starts else 0)
    clause = text[sent_start:q.start]
    if any(ch in clause[:-1] for ch in "“”\""):
        inner = max(clause.rfind(ch) for ch in "“”\"")
        if inner < len(clause) - 2:
            sent_start += inner + 1
            clause = text[sent_start:q.start]
    match = _first_cue(clause, vocab)
    if match is None:
        return None
    cue, cue_at = match
    return _who(article, sent_start, sent_start + cue_at, persons, vocab, cue, clause[:cue_at])


def _speaker_after(article, q: QuoteSpan, persons, vocab):
    """ "“…,” Mr Clegg told BBC WM radio." / "“…,” said Mr Lodge." / "“…,” he said." """
    if not q.closed:
        return None
    text = article.body
    start = q.end
    while start < q.paragraph[1] and text[start] in ",.!?”’\"' ":
        start += 1
    rest = text[start:q.paragraph[1]]
    clause = re.split(r"(?<=[.!?])\s|[“\"‘]", rest)[0]
    words = clause.split()
    match = _first_cue(" ".join(words[:6]), vocab)
    if match is None:
        return None
    cue, cue_at = match
    return _who(article, start, start + len(clause), persons, vocab, cue, clause)


def _first_cue(clause: str, vocab) -> tuple[str, int] | None:
    for m in re.finditer(r"[\w’'-]+", clause):
        if m.group().lower() in vocab["cue_set"]:
            return m.group().lower(), m.start()
    return None


def _who(article, start: int, end: int, persons, vocab, cue: str, clause: str):
    """The speaker in [start, end): the first named person (the clause's subject comes first), a
    pronoun for the person named last before, or an unnamed source as written."""
    inside = [p for p in persons if start <= p.start_char < end]
    if inside:
        return article.person_name(inside[0]), True, cue
    words = re.findall(r"[\w’'-]+", clause.lower())
    if any(w in PRONOUNS for w in words[:4]):
        earlier = [p for p in persons if p.start_char < start]
        return (article.person_name(earlier[-1]), True, cue) if earlier else None
    source = _unnamed_source(clause)
    return (source, False, cue) if source else None


def _unnamed_source(clause: str) -> str | None:
    """ "A DfE spokesman" → "DfE spokesman"; "the report, published on Friday," → "report"."""
    head = re.split(r",", clause.strip())[0]
    words = [w for w in head.split() if w.lower() not in {"a", "an", "the", "has", "have", "also", "then", "and", "but"}]
    if not words or len(words) > 5:
        return None
    return " ".join(words).strip(":,")


def _signature(article, q: QuoteSpan, persons):
    """A statement block: the first name-only line after the quote signs it (D32)."""
    text = article.body
    rest = text[q.paragraph[1]:]
    for line_match in re.finditer(r"[^\n]+", rest):
        line = line_match.group().strip()
        abs_start = q.paragraph[1] + line_match.start()
        if line[:1] in OPENERS or line[:1] in "•·▪-*":
            continue  # more quoted paragraphs or bullets of the block
        for p in persons:
            if abs_start <= p.start_char < abs_start + len(line_match.group()) and len(line.split()) <= 5:
                return article.person_name(p), True, None
        return None
    return None
