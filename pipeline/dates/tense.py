"""The tense of the clause a date sits in: "resigned on Monday" is last Monday, "will start on
Monday" the next one. Read from the parse (auxiliaries, tags, the governing verb of an infinitive)."""
from __future__ import annotations

from spacy.tokens import Span

from ..lexicon import word_set

FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}  # "would meet on Thursday": future in reported speech
PAST_AUX = {"was", "were", "had", "has", "have", "did"}
PRESENT_AUX = {"is", "are", "am", "'s", "'re"}
#: Verbs whose infinitive complement lies ahead of them ("are expected to return in the spring").
INTENT_VERBS = {"expect", "plan", "intend", "aim", "hope", "set", "due", "schedule", "want", "propose", "prepare",
                "agree", "decide", "promise", "pledge", "vow", "need", "go"}


def clause_tense(span: Span) -> bool | None:
    """Tense of the verb governing a date: True past, False future, None present or unknown.
    "resigned on Monday" is last Monday; "will start on Monday" is the next one."""
    token = span.root
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    return _verb_tense(token)


def _verb_tense(verb, depth: int = 0) -> bool | None:
    children = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if children & FUTURE_AUX or ({"to"} <= children and verb.head.lemma_ == "be"):
        return False
    if "to" in children and verb.head is not verb and depth < 2:
        # an infinitive takes its tense from the verb it completes: "began to change" is past;
        # after a verb of intention it is ahead: "are expected to return", "plans to close"
        head = verb.head
        if head.lemma_.lower() in INTENT_VERBS:
            head_tense = _verb_tense(head, depth + 1)
            return None if head_tense else False
        return _verb_tense(head, depth + 1)
    if children & PRESENT_AUX and verb.tag_ == "VBN" and not children & PAST_AUX:
        return None  # "is expected", "are rated": a present passive
    if verb.tag_ in ("VBD", "VBN") or children & PAST_AUX:
        return True
    return None


def date_tense(span: Span) -> bool | None:
    """The tense a date is read in: the clause's (`clause_tense`), except that a deadline or a
    schedule is ahead even in past-tense reporting ("said holders must respond by Oct. 31", "the
    dividend is payable Dec. 7", "the offer expires Nov. 20"): after a cue word
    (patterns/lexicon/date_deadline_cues.json) the date takes its nearest occurrence (None)."""
    tense = clause_tense(span)
    if tense is not True:
        return tense
    cues = word_set("date_deadline_cues")
    doc = span.doc
    before = doc[max(span.sent.start, span.start - 3):span.start]
    if any(t.lower_ in cues for t in before):
        return None
    head = span.root.head
    for token in (head, head.head):
        if token.lower_ in cues:
            return None
    return tense
