"""One word list per concept: `patterns/lexicon/<name>.json`, read by code through `words()` and
referenced from spaCy patterns as `"@<name>"` (e.g. `{"LOWER": {"IN": "@months"}}`), which
`expand_references` replaces with the list when the patterns are read.

A lexicon file is `{"concept": "...", "source": "...", "entries": ["...", ...]}`; an entry `"@other"`
includes another list: `concept` says
what the words have in common, `source` where they come from (a guideline, a public list, the
team). Keeping every list in one place is what stops two copies from drifting apart;
tests/test_lexicon.py fails when a reference does not resolve or a list is defined twice.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .about import PATTERNS_DIR

REFERENCE_PREFIX = "@"
SET_OPERATORS = ("IN", "NOT_IN")


class UnknownLexicon(KeyError):
    pass


def lexicon_dir(patterns_dir: Path | str = PATTERNS_DIR) -> Path:
    return Path(patterns_dir) / "lexicon"


def raw_entries(name: str, patterns_dir: Path | str = PATTERNS_DIR) -> list[str]:
    """The entries as the file writes them, `"@other"` items unexpanded."""
    path = lexicon_dir(patterns_dir) / f"{name}.json"
    if not path.is_file():
        raise UnknownLexicon(f"no word list {name!r}: {path} does not exist")
    entries = json.loads(path.read_text(encoding="utf-8")).get("entries")
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise ValueError(f"{path}: 'entries' must be a list of strings")
    return entries


@lru_cache(maxsize=None)
def _load(folder: str, name: str, _seen: tuple[str, ...] = ()) -> tuple[str, ...]:
    """A list's words; an entry `"@other"` includes another list (a union concept such as
    date_words is written as the lists it joins plus its own words)."""
    if name in _seen:
        raise ValueError(f"word list {name!r} includes itself: {' -> '.join(_seen + (name,))}")
    out: dict[str, None] = {}  # an ordered set: the gazetteers hold tens of thousands of entries
    for entry in raw_entries(name, Path(folder).parent):
        for word in (_load(folder, entry[1:], _seen + (name,)) if is_reference(entry) else (entry,)):
            out.setdefault(word)
    return tuple(out)


@lru_cache(maxsize=None)
def words(name: str, patterns_dir: Path | str = PATTERNS_DIR) -> tuple[str, ...]:
    """The entries of one word list, in file order (read once per process)."""
    return _load(str(lexicon_dir(patterns_dir)), name)


@lru_cache(maxsize=None)
def word_set(name: str, patterns_dir: Path | str = PATTERNS_DIR, lower: bool = True) -> frozenset[str]:
    """The entries as a set for membership tests (lower-cased unless `lower=False`), built once:
    rules ask per token."""
    entries = words(name, patterns_dir)
    return frozenset(e.lower() for e in entries) if lower else frozenset(entries)


def names(patterns_dir: Path | str = PATTERNS_DIR) -> list[str]:
    return sorted(p.stem for p in lexicon_dir(patterns_dir).glob("*.json"))


def is_reference(value) -> bool:
    return isinstance(value, str) and value.startswith(REFERENCE_PREFIX) and len(value) > 1


def expand_references(obj, patterns_dir: Path | str = PATTERNS_DIR):
    """A copy of a pattern (any JSON value) where the value of every IN / NOT_IN that is `"@name"`,
    or an item `"@name"` of such a list, is replaced by the named word list."""
    if isinstance(obj, dict):
        return {k: (_expand_list(v, patterns_dir) if k in SET_OPERATORS else expand_references(v, patterns_dir))
                for k, v in obj.items()}
    if isinstance(obj, list):
        return [expand_references(item, patterns_dir) for item in obj]
    return obj


def _expand_list(value, patterns_dir) -> list:
    if is_reference(value):
        return list(words(value[1:], patterns_dir))
    if not isinstance(value, list):
        return value
    out = []
    for item in value:
        out.extend(words(item[1:], patterns_dir) if is_reference(item) else [item])
    return out


def references(obj) -> set[str]:
    """Every lexicon name a pattern refers to."""
    found: set[str] = set()
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in SET_OPERATORS:
                items = [v] if is_reference(v) else (v if isinstance(v, list) else [])
                found |= {i[1:] for i in items if is_reference(i)}
            else:
                found |= references(v)
    elif isinstance(obj, list):
        for item in obj:
            found |= references(item)
    return found
