"""One word list per concept: every list lives in patterns/lexicon, every reference resolves, and
no list is defined twice — as a second lexicon file, as a copy inside a pattern, or as a Python
literal in the package."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from spacy.util import load_config

from pipeline import lexicon
from pipeline.about import PATTERNS_DIR
from pipeline.nlp.build import CONFIG_PATH
from pipeline.nlp.components.readers import read_patterns

PACKAGE = Path(lexicon.__file__).resolve().parent
LEXICON = lexicon.lexicon_dir()
#: Lists shorter than this are too small to call a copy (a pair of quote marks, three modal verbs).
MIN_LIST = 5


def lexicon_sets() -> dict[str, frozenset[str]]:
    return {name: frozenset(e.lower() for e in lexicon.words(name)) for name in lexicon.names()}


def pattern_files() -> list[Path]:
    return sorted(PATTERNS_DIR.glob("*.jsonl"))


def literal_lists(obj):
    """Every IN / NOT_IN list of strings in a pattern, as written (references unexpanded)."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key in lexicon.SET_OPERATORS and isinstance(value, list):
                yield [v for v in value if isinstance(v, str) and not lexicon.is_reference(v)]
            else:
                yield from literal_lists(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from literal_lists(item)


def test_every_lexicon_file_is_well_formed():
    assert len(lexicon.names()) >= 20
    for path in sorted(LEXICON.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        assert set(record) == {"concept", "source", "entries"}, path.name
        assert record["concept"].strip() and record["source"].strip(), path.name
        entries = record["entries"]
        assert entries and all(isinstance(e, str) and e == e.strip() and e for e in entries), path.name
        lowered = [e.lower() for e in entries]
        assert len(set(lowered)) == len(lowered), f"{path.name} lists a word twice"


def test_every_reference_in_the_patterns_resolves():
    refs = set()
    for path in pattern_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                refs |= lexicon.references(json.loads(line)["pattern"])
    assert refs, "the patterns refer to no word list at all"
    missing = sorted(r for r in refs if r not in lexicon.names())
    assert not missing, f"unresolved references: {missing}"
    expanded = read_patterns(str(PATTERNS_DIR), [p.name for p in pattern_files()])
    assert not any(lexicon.references(p["pattern"]) for p in expanded), "a reference survived expansion"


def test_an_unknown_reference_is_a_clear_error(tmp_path):
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "x.jsonl").write_text(
        '{"id": "r1", "label": "ROLE", "pattern": [{"LOWER": {"IN": "@no_such_list"}}]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.jsonl: pattern 1 \(r1\).*no_such_list"):
        read_patterns(str(tmp_path), ["x.jsonl"])


def test_references_expand_as_whole_lists_and_as_items(tmp_path):
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "pets.json").write_text(
        json.dumps({"concept": "c", "source": "s", "entries": ["cat", "dog"]}), encoding="utf-8")
    pattern = [{"LOWER": {"IN": "@pets"}}, {"LOWER": {"NOT_IN": ["@pets", "fish"]}}, {"ORTH": "@pets"}]
    assert lexicon.expand_references(pattern, tmp_path) == [
        {"LOWER": {"IN": ["cat", "dog"]}}, {"LOWER": {"NOT_IN": ["cat", "dog", "fish"]}}, {"ORTH": "@pets"}]


def test_an_included_list_joins_in_file_order_each_word_once(tmp_path):
    (tmp_path / "lexicon").mkdir()
    for name, entries in {"pets": ["cat", "dog"], "animals": ["dog", "@pets", "cow", "cat"]}.items():
        (tmp_path / "lexicon" / f"{name}.json").write_text(
            json.dumps({"concept": "c", "source": "s", "entries": entries}), encoding="utf-8")
    assert lexicon.words("animals", tmp_path) == ("dog", "cat", "cow")


def test_every_list_the_config_names_exists():
    config = load_config(CONFIG_PATH, interpolate=False)
    named = set(config["initialize"]["components"]["mention_rules"]["vocabulary"]["names"])
    named.add(config["initialize"]["components"]["honorific_tagger"]["honorifics"]["name"])
    assert named <= set(lexicon.names()), named - set(lexicon.names())


def test_no_two_lexicon_files_hold_the_same_list():
    seen: dict[frozenset, str] = {}
    for name, entries in lexicon_sets().items():
        assert entries not in seen, f"{name} and {seen[entries]} are the same list"
        seen[entries] = name


def test_no_pattern_copies_a_lexicon_list():
    sets = {n: s for n, s in lexicon_sets().items() if len(s) >= MIN_LIST}
    for path in pattern_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            pattern = json.loads(line)
            for values in literal_lists(pattern["pattern"]):
                words = {v.lower() for v in values}
                for name, entries in sets.items():
                    assert not entries <= words, (
                        f"{path.name} {pattern['id']} copies the word list {name!r}: write \"@{name}\"")


def python_word_literals():
    """(module, line, words) for every set, list or tuple literal of MIN_LIST or more strings in
    the package. A dict literal is a table from words to values (weekday numbers, TIMEX season
    codes), not a word list, and is left to review."""
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            items = None
            if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
                items = node.elts
            if items and len(items) >= MIN_LIST and all(
                    isinstance(i, ast.Constant) and isinstance(i.value, str) for i in items):
                yield path.relative_to(PACKAGE).as_posix(), node.lineno, {i.value.lower() for i in items}


def test_no_python_literal_copies_a_lexicon_list():
    sets = {n: s for n, s in lexicon_sets().items() if len(s) >= MIN_LIST}
    for module, line, words in python_word_literals():
        if module == "schema.py":
            continue  # a column's allowed values are the output's own codes (granularities), not words of a text
        for name, entries in sets.items():
            shared = len(words & entries)  # a literal made mostly of one list's words is a copy of it
            assert shared < max(MIN_LIST, 0.8 * len(words)), (
                f"pipeline/{module}:{line} repeats most of the word list {name!r}: use lexicon.word_set({name!r})")


def test_every_lexicon_file_is_used():
    used = set()
    sources = [p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")]
    sources.append(CONFIG_PATH.read_text(encoding="utf-8"))
    for path in pattern_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                used |= lexicon.references(json.loads(line)["pattern"])
    for name in lexicon.names():
        if any(re.search(rf"[\"']{re.escape(name)}[\"']", text) for text in sources):
            used.add(name)
    unused = sorted(set(lexicon.names()) - used)
    assert not unused, f"word lists nobody reads: {unused}"


def test_the_checks_catch_a_copy(tmp_path):
    """The duplicate checks can fail: a pattern holding the month list is caught."""
    months = lexicon_sets()["months"]
    copied = {"LOWER": {"IN": sorted(months) + ["extra"]}}
    words = {w for values in literal_lists([copied]) for w in values}
    assert months <= words
