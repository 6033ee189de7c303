"""Relations between mentions: person → role (roles table) and service → rating (ratings table).

First version: rules over token order and the dependency parse inside one sentence. Each rule is
a small generator with one linguistic comment, and every row names the rule that made it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from spacy.tokens import Span

from .normalize import normalize_rating, normalize_role, plain
from .people import person_id

if TYPE_CHECKING:
    from .extract import Article

APPOINT_LEMMAS = {"appoint", "name", "hire", "recruit", "install", "promote", "select", "choose", "confirm",
                  "second", "replace", "succeed", "become", "join", "take", "start", "elect"}
LEAVE_LEMMAS = {"leave", "retire", "resign", "quit", "depart", "step", "sack", "dismiss", "suspend", "oust",
                "remove", "exit", "retirement", "departure", "resignation", "lose"}
NEGATION_LEMMAS = {"not", "never", "no", "avoid", "escape", "fail", "miss", "lose", "without", "n't", "break"}
HYPOTHETICAL_LEMMAS = {"could", "might", "may", "would", "should", "if", "unless", "expect", "fear", "risk",
                       "hope", "aim", "want", "threaten", "warn", "likely", "potential", "predict", "target"}
QUALIFIERS = {"former", "ex", "interim", "acting", "transitional", "outgoing", "incoming", "new", "then", "latest",
              "current", "previous", "permanent", "temporary"}
INSPECTORATES = {"ofsted", "cqc", "care quality commission", "healthcare commission",
                 "commission for social care inspection", "csci", "hmic", "hmicfrs", "estyn", "care inspectorate",
                 "audit commission"}


def extract_relations(article: "Article") -> dict[str, list[dict]]:
    return {"roles": list(role_rows(article)), "ratings": list(rating_rows(article))}


# -- person → role --------------------------------------------------------------------------------

def role_rows(article: "Article") -> Iterator[dict]:
    seen = set()
    for person, role, rule in person_role_pairs(article):
        key = (person.start, role.start)
        if key in seen:
            continue
        seen.add(key)
        yield role_row(article, person, role, rule)


def person_role_pairs(article: "Article") -> Iterator[tuple[Span, Span, str]]:
    ents = article.entities
    for i, ent in enumerate(ents):
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is None or article.sentence_of[ent.start] != article.sentence_of[nxt.start]:
            continue
        between = article.doc[ent.end:nxt.start]
        gap = [t for t in between if not t.is_space]
        labels = (ent.label_, nxt.label_)
        # "Education Secretary Michael Gove", "City council leader Sir Albert Bore": title before name
        if labels == ("ROLE", "PERSON") and all(t._.is_honorific or t.text == "." for t in gap):
            yield nxt, ent, "title_before_name"
        # "Peter Duxbury, strategic director for ...": apposition after the name
        elif labels == ("PERSON", "ROLE") and _is_apposition_gap(gap):
            yield ent, nxt, "apposition_name_first"
        # "The chair of BCT, Andrew Christie, commented": apposition before the name
        elif labels == ("ROLE", "PERSON") and _is_apposition_gap(gap, allow_honorific=True):
            yield nxt, ent, "apposition_role_first"
        # "Eleanor Brazil appointed interim director", "X is director of people", "X as commissioner"
        elif labels == ("PERSON", "ROLE") and len(gap) <= 6 and _links_by_verb(gap):
            yield ent, nxt, "verb_link"


def _is_apposition_gap(gap: list, allow_honorific: bool = False) -> bool:
    words = [t for t in gap if not (t.text in {",", "–", "—", "-", "("} or (allow_honorific and t._.is_honorific))]
    has_comma = any(t.text in {",", "(", "–", "—"} for t in gap)
    return has_comma and all(t.lower_ in QUALIFIERS | {"the", "a", "an", "its", "their", "'s", "’s"}
                             or t.pos_ == "PROPN" and t.ent_type_ in ("ORG", "GPE") for t in words)


def _links_by_verb(gap: list) -> bool:
    lemmas = {t.lemma_.lower() for t in gap}
    return bool(lemmas & (APPOINT_LEMMAS | LEAVE_LEMMAS | {"be", "as", "remain", "serve"}))


def role_row(article: "Article", person: Span, role: Span, rule: str) -> dict:
    sent = person.sent
    start, end = article.char_span(sent)
    qualifier = _qualifier(role)
    return {
        "doc_id": article.doc_id, "person_id": person_id(article.person_name(person)),
        "person": article.person_name(person),
        "role": normalize_role(role.text), "role_text": role.text, "qualifier": qualifier,
        "organization": _organization(role), "event": _event(sent, person, role),
        "date": _clause_date(article, sent), "evidence": article.text[start:end].strip(),
        "start_char": start + (len(article.text[start:end]) - len(article.text[start:end].lstrip())),
        "end_char": end - (len(article.text[start:end]) - len(article.text[start:end].rstrip())),
        "rule": rule, "person_mention_id": article.mention_id(person), "role_mention_id": article.mention_id(role),
    }


def _qualifier(role: Span) -> str | None:
    doc = role.doc
    i = role.start - 1
    found = []
    while i >= 0 and (doc[i].lower_ in QUALIFIERS or doc[i].text == "-"):
        if doc[i].lower_ in QUALIFIERS:
            found.append(doc[i].lower_)
        i -= 1
    return " ".join(reversed(found)) or None


def _organization(role: Span) -> str | None:
    doc = role.doc
    i = role.start - 1
    while i >= 0 and doc[i].lower_ in QUALIFIERS:
        i -= 1
    if i >= 1 and doc[i].lower_ in {"'s", "’s"}:
        j = i - 1
        while j > 0 and doc[j - 1].pos_ == "PROPN":
            j -= 1
        return doc[j:i].text
    return None


def _event(sent: Span, person: Span, role: Span) -> str:
    lo, hi = min(person.start, role.start), max(person.end, role.end)
    window = sent.doc[max(sent.start, lo - 2):min(sent.end, hi + 8)]
    lemmas = {t.lemma_.lower() for t in window}
    if lemmas & LEAVE_LEMMAS:
        return "left"
    if lemmas & APPOINT_LEMMAS - {"take", "start", "become", "join"} or {"take", "up"} <= lemmas:
        return "appointed"
    return "holds"


def _clause_date(article: "Article", sent: Span) -> str | None:
    for ent in article.entities:
        if ent.label_ == "DATE" and sent.start <= ent.start < sent.end:
            value = article.date_value(ent).value
            if value:
                return value
    year = article.timeline_year.get(article.sentence_of[sent.start])
    return str(year) if year else None


# -- service → rating ---------------------------------------------------------------------------

def rating_rows(article: "Article") -> Iterator[dict]:
    for ent in article.entities:
        if ent.label_ != "RATING":
            continue
        value = normalize_rating(ent.text)
        if value is None:
            continue
        sent = ent.sent
        start, end = article.char_span(sent)
        evidence = article.text[start:end]
        lead = len(evidence) - len(evidence.lstrip())
        trail = len(evidence) - len(evidence.rstrip())
        rs, re_ = article.char_span(ent)
        yield {
            "doc_id": article.doc_id, "rating": value, "rating_text": ent.text,
            "subject": _subject(ent), "rated_by": _rated_by(article, sent),
            "aspect": None, "date": _clause_date(article, sent),
            "negated": _has_cue(ent, NEGATION_LEMMAS), "hypothetical": _has_cue(ent, HYPOTHETICAL_LEMMAS),
            "evidence": evidence.strip(), "start_char": start + lead, "end_char": end - trail,
            "rule": "rating_mention", "rating_mention_id": article.mention_id(ent),
            "rating_start": rs, "rating_end": re_,
        }


def _has_cue(ent: Span, lemmas: set[str]) -> bool:
    """A cue on the path from the rating up to its clause's verb, or a child of a verb on it
    ("avoids 'inadequate' rating", "was not rated good", "could be rated inadequate")."""
    token = ent.root
    for _ in range(5):
        if token.lemma_.lower() in lemmas:
            return True
        if any(child.lemma_.lower() in lemmas and child.dep_ in {"neg", "aux", "mark", "advmod", "det"}
               for child in token.children):
            return True
        if token.head is token:
            break
        token = token.head
    return False


def _subject(ent: Span) -> str | None:
    """The noun phrase the rating is about: the subject of its clause, or the noun it modifies."""
    token = ent.root
    for _ in range(5):
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            subj = subjects[0]
            words = [t for t in subj.subtree if t.dep_ not in {"det", "punct"} and not t.is_space]
            if words:
                return " ".join(t.text for t in words) if len(words) <= 12 else None
        if token.head is token:
            break
        token = token.head
    return None


def _rated_by(article: "Article", sent: Span) -> str | None:
    for ent in article.entities:
        if ent.label_ == "ORG" and sent.start <= ent.start < sent.end and plain(ent.text) in INSPECTORATES:
            return ent.text
    return None
