"""One canonical organisation per body: within an article, then one stable id across the output.

Within an article every reference to an organisation — an ORG mention, the rated subject of a
rating, the organisation of a role — resolves to the fullest name the article gives
("Elmbury City Council"):

- a shorter name whose words the full name holds, in order at its start or end ("City Council",
  "Elmbury" — a bare place names the body when it is used as one: an ORG mention, a rating's
  subject, a possessive before a title), or its initials ("BCC", "DfE");
- a description ("the council", "the city council", "the authority", "the trust") when exactly one
  organisation of the description's kind is named in the article and holds the description's
  other words ("city"). With two councils named, "the council" stays unresolved.

The kind (council, school, trust, ...) comes from the name's head word: the last word before an
"of/for/in" complement ("Department for Education"), else the last word ("Heart of England NHS
Foundation Trust"), looked up in one word list per kind (patterns/lexicon/org_kind_*.json).

Across articles the same canonical name is the same organisation, with an id derived from the
name (pipeline/ids.py: org_id), so ids are stable from run to run; the runner merges the
per-article rows (`OrganizationMerger`) as it merges people.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..ids import org_id
from ..lexicon import word_set, words
from .normalize import plain

if TYPE_CHECKING:
    from .article import Article

#: The contract's kinds and the word list of head words for each, most specific first ("care
#: home" before a company's "group"); a name no list fits is "other".
KIND_LISTS = {
    "inspectorate": "org_kind_inspectorate",
    "regulator": "org_kind_regulator",
    "care home": "org_kind_care_home",
    "police force": "org_kind_police_force",
    "trust": "org_kind_trust",
    "hospital": "org_kind_hospital",
    "school": "org_kind_school",
    "council": "org_kind_council",
    "government department": "org_kind_government_department",
    "charity": "org_kind_charity",
    "company": "org_kind_company",
}
KINDS = (*KIND_LISTS, "other")
#: Words that open an organisation name's complement: the head is the word before them.
COMPLEMENT = re.compile(r"\s+(?:of|for|in|at|on)\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
POSSESSIVE_INSIDE = re.compile(r"\w(?:'s|’s)\b")
WORD = re.compile(r"[^\W_](?:[\w'’&.-]*[\w’'])?")


@lru_cache(maxsize=1)
def _kind_phrases() -> list[tuple[tuple[str, ...], str]]:
    """(phrase as words, kind), longest phrase first, then in KIND_LISTS order."""
    found = []
    for order, (kind, name) in enumerate(KIND_LISTS.items()):
        for entry in words(name):
            found.append((tuple(plain(entry).split()), kind, order))
    found.sort(key=lambda p: (-len(p[0]), p[2]))
    return [(phrase, kind) for phrase, kind, _ in found]


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Words that never name a particular body on their own: kind heads, organisation words,
    premodifiers ("city", "county"), determiners."""
    out = set(word_set("organisation_words")) | word_set("organisation_modifiers") | word_set("determiners")
    out |= word_set("possessive_determiners")
    for phrase, _ in _kind_phrases():
        if len(phrase) == 1:
            out.add(phrase[0])
    return frozenset(out - word_set("inspectorates"))


@lru_cache(maxsize=8192)  # pure on the string; an article asks the same names many times
def clean_name(text: str) -> str:
    """The name as written without a leading determiner, a trailing possessive or extra spaces."""
    name = " ".join(text.split()).strip(" ,.;:\"'“”‘’()")
    name = POSSESSIVE.sub("", name).strip()
    first, _, rest = name.partition(" ")
    if rest and first.lower() in word_set("determiners") | word_set("possessive_determiners"):
        name = rest
    return name


def _tokens(name: str) -> list[str]:
    return [plain(w) for w in WORD.findall(name)]


def _head_kind(tokens: list[str]) -> str | None:
    for phrase, kind in _kind_phrases():
        if len(phrase) <= len(tokens) and tuple(tokens[-len(phrase):]) == phrase:
            return kind
    return None


@lru_cache(maxsize=8192)  # pure on the string; an article asks the same names many times
def kind_of(name: str) -> str:
    """The kind of an organisation from its name (see the module docstring)."""
    tokens = _tokens(clean_name(name))
    if not tokens:
        return "other"
    whole = tuple(tokens)
    for phrase, kind in _kind_phrases():
        if phrase == whole:
            return kind
    head_part = COMPLEMENT.split(clean_name(name), maxsplit=1)[0]
    return _head_kind(_tokens(head_part)) or _head_kind(tokens) or "other"


@lru_cache(maxsize=8192)  # pure on the string; an article asks the same names many times
def is_description(text: str) -> bool:
    """"the council", "the city council", "Local Authority": generic words only, or no capital at
    all — a reference to a body, never a body's name."""
    name = clean_name(text)
    tokens = _tokens(name)
    if not tokens:
        return True
    if plain(name) in word_set("inspectorates") or any(len(w) >= 2 and w.isupper() for w in WORD.findall(name)):
        return False  # "Healthcare Commission", "NHS", "BBC": names, though made of organisation words
    return not any(c.isupper() for c in name) or all(t in _generic_words() for t in tokens)


@lru_cache(maxsize=8192)  # pure on the string; an article asks the same names many times
def _is_reference(name: str) -> bool:
    """A description that can refer to a named body: of a known kind ("the council", "Foundation
    Trust"), or in lower case. A title-case name of generic words and no kind ("Local Government
    Association") is a name."""
    return is_description(name) and (kind_of(name) != "other" or not any(c.isupper() for c in name))


@lru_cache(maxsize=8192)  # pure on the string; an article asks the same names many times
def is_full_name(text: str) -> bool:
    """A name in title case whose head word gives its kind: every word but "of", "for", "and",
    "the" capitalized, and not a description ("Corrin Vale Hospitals NHS Trust", not
    "Larkspur care home" or "the trust")."""
    name = clean_name(text)
    ws = WORD.findall(name)
    return bool(ws) and not is_description(name) and kind_of(name) != "other" and \
        all(w[0].isupper() or w.lower() in word_set("org_name_breakers") for w in ws) and POSSESSIVE_INSIDE.search(name) is None


def _initials(name: str) -> set[str]:
    """"Department for Education" → {"dfe", "de"}: initials of every word, and of the capitalized words."""
    ws = WORD.findall(name)
    if len(ws) < 2:
        return set()
    every = "".join(w[0] for w in ws).lower()
    capital = "".join(w[0] for w in ws if w[0].isupper()).lower()
    return {every, capital}


def _extends(full: list[str], short: list[str]) -> bool:
    """Is `full` a fuller name of `short`: its words at the start or the end of `full`."""
    n = len(short)
    return 0 < n < len(full) and (full[:n] == short or full[-n:] == short)


@dataclass
class _Name:
    name: str
    tokens: list[str]
    kind: str


class ArticleOrganizations:
    """The organisations one article names, and the resolution of any reference to them."""

    def __init__(self, names: list[str], not_names: set[str] = frozenset()):
        self.not_names = {plain(n) for n in not_names}
        seen: dict[str, _Name] = {}
        for text in names:
            name = clean_name(text)
            key = plain(name)
            if not key or key in seen or _is_reference(name) or key in self.not_names:
                continue
            seen[key] = _Name(name, _tokens(name), kind_of(name))
        # the fullest names: those no other name extends
        self.full = [n for n in seen.values()
                     if not any(_extends(o.tokens, n.tokens) for o in seen.values() if o is not n)]
        self.names = seen

    def resolve(self, text: str | None, kind: str | None = None) -> _Name | None:
        """The organisation a reference names, or None when none or more than one fits (of `kind`,
        when the reference says which kind it means: "Tarnfield" in "Tarnfield hospitals trust")."""
        if not text:
            return None
        name = clean_name(text)
        key, tokens = plain(name), _tokens(name)
        if not tokens or key in self.not_names:
            return None
        if _is_reference(name):
            kind = _head_kind(tokens) or kind_of(name)
            if kind == "other":
                return None
            other = set(tokens) - _head_words(tokens) - _generic_only()
            fits = [f for f in self.full if f.kind == kind and other <= set(f.tokens)]
            return fits[0] if len(fits) == 1 else None
        fits = [f for f in self.full if f.tokens == tokens]
        if not fits:
            fits = [f for f in self.full if _extends(f.tokens, tokens)]
        if not fits and len(tokens) == 1 and len(name) >= 2 and any(c.isupper() for c in name[1:]):
            fits = [f for f in self.full if tokens[0] in _initials(f.name)]  # "BCC", "DfE"
        if len(fits) > 1 and kind:
            fits = [f for f in fits if f.kind == kind]
        if len(fits) == 1:
            return fits[0]
        return self.names.get(key)  # a name no fuller name explains is its own organisation

    def in_subject(self, subject: str | None) -> _Name | None:
        """The organisation a rating's subject is about: a name it holds ("Children's services run by
        Kestrel Vale City Council"), its possessive owner ("Ashby Threlkeld's social care services", "the
        council's adoption service"), a capitalized run in it ("Children's services in Ulvercombe"),
        or the subject itself as a description ("the trust")."""
        if not subject:
            return None
        low = " " + " ".join(_tokens(subject)) + " "
        held = [n for n in self.names.values() if f" {' '.join(n.tokens)} " in low]
        if held:
            longest = max(len(n.tokens) for n in held)
            found = {id(r): r for n in held if len(n.tokens) == longest for r in [self.resolve(n.name)] if r}
            if len(found) == 1:
                return next(iter(found.values()))
        owner = re.split(r"(?:'s|’s)\b", subject, maxsplit=1)
        found = self.resolve(owner[0]) if len(owner) == 2 else None
        if found:  # "children's services in Brackmoor": a possessive that names no body goes on
            return found
        said = _head_kind(_tokens(COMPLEMENT.split(subject, maxsplit=1)[0]))  # "secondary school in Hartsmere"
        for run in re.findall(r"(?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*)*", subject):
            if not is_description(run):
                found = self.resolve(run, kind=said)
                if found and (said is None or found.kind == said):
                    return found
        return self.resolve(subject) if is_description(subject) else None


def _head_words(tokens: list[str]) -> set[str]:
    """The head of a description: its last word ("council" of "the county council")."""
    return {tokens[-1]}


@lru_cache(maxsize=1)
def _generic_only() -> frozenset[str]:
    """Words of a description that need not be in the name it refers to ("the whole trust")."""
    return frozenset(word_set("determiners") | word_set("possessive_determiners")
                     | (word_set("organisation_modifiers") - word_set("organisation_distinguishing_modifiers")))


def resolve_organizations(article: "Article", rows: dict[str, list[dict]]) -> None:
    """Set org_id on the article's mentions, roles and ratings and add its `organizations` rows
    (partial: one per organisation in this article, merged across articles by the runner)."""
    people = set()
    for p in rows.get("people", []):
        people.add(p["name"])
        people.update(p["aliases"])
    orgs_mentions = [m for m in rows["mentions"] if m["label"] == "ORG"]
    # names from ORG mentions, and rating subjects or role organisations written as a full name
    # of a known kind ("Corrin Vale Hospitals NHS Trust", every word capitalized)
    named = [m["text"] for m in orgs_mentions]
    named += [t for t in [r.get("subject") for r in rows["ratings"]] + [r.get("organization") for r in rows["roles"]]
              if t and is_full_name(t)]
    orgs = ArticleOrganizations(named, not_names=people)
    used: dict[str, dict] = {}

    def use(found: _Name | None, alias: str | None = None) -> str | None:
        if found is None:
            return None
        oid = org_id(found.name)
        row = used.setdefault(oid, {"org_id": oid, "name": found.name, "kind": found.kind,
                                    "doc_id": article.doc_id, "aliases": set(), "n_mentions": 0})
        if alias:
            row["aliases"].add(alias)
        return oid

    by_mention = {}
    for m in orgs_mentions:
        found = orgs.resolve(m["text"])
        m["org_id"] = use(found, None if _is_reference(m["text"]) else clean_name(m["text"]))
        by_mention[m["mention_id"]] = m["org_id"]
    for r in rows["roles"]:
        r["org_id"] = use(orgs.resolve(r.get("organization")), None)
        if r["org_id"] and r.get("role_mention_id"):
            by_mention.setdefault(r["role_mention_id"], r["org_id"])
    for r in rows["ratings"]:
        r["subject_org_id"] = use(orgs.in_subject(r.get("subject")))
        r["rated_by_org_id"] = use(orgs.resolve(r.get("rated_by")))
        if r["subject_org_id"] and r.get("rating_mention_id"):
            by_mention.setdefault(r["rating_mention_id"], r["subject_org_id"])
    counts = Counter()
    for m in rows["mentions"]:
        if m["label"] in ("ROLE", "RATING"):
            m["org_id"] = by_mention.get(m["mention_id"])
        elif m["label"] != "ORG":
            m["org_id"] = None
        if m.get("org_id"):
            counts[m["org_id"]] += 1
    rows["organizations"] = [{**r, "aliases": sorted(r["aliases"]), "n_mentions": counts[r["org_id"]]}
                             for r in used.values()]


class OrganizationMerger:
    """Per-article organisation rows folded into one row per org_id as they arrive (like people)."""

    def __init__(self) -> None:
        self._merged: dict[str, dict] = {}

    def add(self, row: dict) -> None:
        acc = self._merged.setdefault(row["org_id"], {"name": row["name"], "kinds": Counter(), "aliases": set(),
                                                      "n_documents": 0, "last_doc": None, "n_mentions": 0})
        acc["kinds"][row["kind"]] += 1
        acc["aliases"].update(row["aliases"])
        if row["doc_id"] != acc["last_doc"]:  # counted, not kept: an article's rows come together, once
            acc["n_documents"] += 1
            acc["last_doc"] = row["doc_id"]
        acc["n_mentions"] += row["n_mentions"]

    def rows(self) -> list[dict]:
        """One row per organisation, sorted by org_id."""
        out = []
        for oid in sorted(self._merged):
            acc = self._merged[oid]
            kind = max(sorted(acc["kinds"]), key=acc["kinds"].get)
            out.append({"org_id": oid, "name": acc["name"], "kind": kind,
                        "aliases": sorted(acc["aliases"] - {acc["name"]}),
                        "n_documents": acc["n_documents"], "n_mentions": acc["n_mentions"]})
        return out


def merge_organizations(partials: list[dict]) -> list[dict]:
    merger = OrganizationMerger()
    for row in partials:
        merger.add(row)
    return merger.rows()
