"""One canonical name per human: within an article, then one stable id across the output.

Within an article a PERSON mention resolves to the fullest form of the name in that article
(docs/annotation.md, PERSON; D8): "Thorne" → "Carla Thorne", "Derek" (after "Sir") → "Derek Pellworth".
Across articles the same canonical name is the same person, with an id derived from the name, so
ids are stable from run to run and from machine to machine.

Where the merge stops (docs/people.md): two people who share a family name in one article are
kept apart by taking the nearest preceding full name; a bare family name never given in full stays
as written; the same name in two articles is assumed to be the same person.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import word_set


@dataclass
class PersonMention:
    start: int
    text: str
    honorific: str | None = None


def canonical_names(mentions: list[PersonMention]) -> list[str]:
    """The canonical name of each mention, in the same order."""
    full = [(m.start, " ".join(m.text.split())) for m in mentions if len(m.text.split()) >= 2]
    result = []
    for m in mentions:
        words = m.text.split()
        candidates = [(start, name) for start, name in full if _extends(name.split(), words)]
        if not candidates:
            result.append(" ".join(words))
            continue
        longest = max(len(name.split()) for _, name in candidates)
        candidates = [c for c in candidates if len(c[1].split()) == longest]
        before = [c for c in candidates if c[0] <= m.start]
        # D8: the nearest preceding full form, else the first one the article gives
        start, name = max(before) if before else min(candidates)
        result.append(name)
    return result


def _extends(full: list[str], words: list[str]) -> bool:
    """Is `full` a fuller form of `words`? Same family name ("Thorne" / "Carla Thorne"), or a given name
    alone ("Derek" / "Derek Pellworth"), or the same words with more in front ("Hal Penfold")."""
    if len(full) < len(words):
        return False
    if full[-len(words):] == words:
        return True
    return len(words) == 1 and full[0] == words[0]


def split_name(canonical: str) -> tuple[str | None, str | None]:
    """(given name, family name) of a canonical name; a single word is a family name."""
    words = canonical.split()
    if len(words) == 1:
        return None, words[0]
    particles = word_set("name_particles")
    family_start = len(words) - 1
    while family_start > 1 and words[family_start - 1].lower() in particles:
        family_start -= 1
    return " ".join(words[:family_start]), " ".join(words[family_start:])


class PeopleMerger:
    """Per-article person rows (one per person per article) folded into one row per person_id as
    they arrive, so a long run keeps one small record per person, not every partial row nor every
    document id (documents are counted as they change: an article's rows come together, and each
    article once)."""

    def __init__(self) -> None:
        self._merged: dict[str, dict] = {}

    def add(self, row: dict) -> None:
        pid = row["person_id"]
        acc = self._merged.setdefault(pid, {"name": row["name"], "honorifics": {}, "aliases": set(),
                                            "n_documents": 0, "last_doc": None, "n_mentions": 0})
        acc["aliases"].update(row["aliases"])
        if row["doc_id"] != acc["last_doc"]:  # an article's rows arrive together, each article once
            acc["n_documents"] += 1
            acc["last_doc"] = row["doc_id"]
        acc["n_mentions"] += row["n_mentions"]
        for h in row["honorifics"]:
            acc["honorifics"][h] = acc["honorifics"].get(h, 0) + 1

    def rows(self) -> list[dict]:
        """One row per person, sorted by person_id."""
        rows = []
        for pid in sorted(self._merged):
            acc = self._merged[pid]
            given, family = split_name(acc["name"])
            honorific = max(sorted(acc["honorifics"]), key=acc["honorifics"].get) if acc["honorifics"] else None
            rows.append({
                "person_id": pid, "name": acc["name"], "honorific": honorific,
                "given_name": given, "family_name": family,
                "aliases": sorted(acc["aliases"] - {acc["name"]}),
                "n_documents": acc["n_documents"], "n_mentions": acc["n_mentions"],
            })
        return rows


def merge_people(partials: list[dict]) -> list[dict]:
    """Per-article person rows to one row per person_id."""
    merger = PeopleMerger()
    for row in partials:
        merger.add(row)
    return merger.rows()
