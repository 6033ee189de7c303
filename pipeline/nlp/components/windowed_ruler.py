"""Rulers that run each token pattern only over the stretches of text where it could match.

spaCy's Matcher tries every pattern at every token, and a step that tests a list
(`{"LOWER": {"IN": [...]}}`) or a regular expression costs a Python call per token. With sixty
token patterns the domain entity ruler took a tenth of the model's own time, and the model's
attribute ruler (179 tag-map and exception patterns) a sixth. The two rulers here keep spaCy's
EntityRuler and AttributeRuler whole (patterns, file formats, `add_patterns`, serialization, how
matches become entities or attributes) and change only where the token patterns are run:

* every step of a pattern is turned into a test over the whole Doc at once, from token arrays
  (`Doc.to_array`): a token passes when it could satisfy the step. Tests the window cannot read
  (LENGTH, comparison predicates, negated steps) pass every token, so the test never says no
  where spaCy would say yes;
* a match is a run of consecutive tokens, each taken by one step, so it lies inside a run of
  tokens that pass some step of the pattern, and that run holds a token for every required step;
* the pattern's own Matcher runs on those runs only; a one-step pattern whose test is exact needs
  no Matcher: its matches are the tokens that pass.

The matches are exactly spaCy's (tests/test_windowed_ruler.py compares both rulers with spaCy's
on every article of the corpus, and the entity ruler on random Docs).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy
import srsly
from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.pipeline import AttributeRuler, EntityRuler
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.pipeline.entityruler import DEFAULT_ENT_ID_SEP, entity_ruler_score
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..spacy_internals import entity_ruler_key, require_patterns, token_extension_values

#: Token attributes whose values are strings (POS: a part-of-speech id) the window can test.
STRING_ATTRS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "NORM": "NORM", "SHAPE": "SHAPE",
                "LEMMA": "LEMMA", "POS": "POS", "TAG": "TAG", "DEP": "DEP"}
#: Boolean lexical flags the window can test (read from the lexeme, like spaCy does).
FLAG_ATTRS = {"IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT",
              "IS_SPACE", "IS_STOP", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"}
#: Attributes the tokenizer alone sets (a phrase pattern on one of them needs no other component).
LEXICAL_ATTRS = {"ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH"} | FLAG_ATTRS
#: Attributes set by a pipeline component, not by the tokenizer.
ANNOTATION_ATTRS = {"TAG", "POS", "MORPH", "LEMMA", "DEP"}
#: Operators after which a step may take no token at all.
OPTIONAL_OPS = {"?", "*"}
_RANGE_OP = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


@Language.factory(
    "windowed_entity_ruler",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={"phrase_matcher_attr": None, "validate": False, "overwrite_ents": False,
                    "ent_id_sep": DEFAULT_ENT_ID_SEP, "scorer": {"@scorers": "spacy.entity_ruler_scorer.v1"}},
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_windowed_entity_ruler(nlp: Language, name: str, phrase_matcher_attr: str | None, validate: bool,
                               overwrite_ents: bool, ent_id_sep: str, scorer=entity_ruler_score):
    """Same settings as spaCy's `entity_ruler`; the same patterns give the same entities."""
    return WindowedEntityRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, validate=validate,
                               overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep, scorer=scorer)


class WindowedEntityRuler(EntityRuler):
    """spaCy's EntityRuler, with token patterns matched inside their windows only."""

    def __init__(self, *args, **kwargs):
        self._windowed: PatternIndex | None = None
        self._order: dict[int, int] = {}  # match id -> rank of its first pattern, for ties
        super().__init__(*args, **kwargs)

    # every way the patterns can change drops the compiled windows; they are rebuilt when needed
    def add_patterns(self, patterns):
        self._windowed = None
        patterns = list(patterns)
        strings = self.nlp.vocab.strings
        for entry in patterns:
            self._order.setdefault(self._key_id(entry), len(self._order))
            # the labels and ids the ruler gives spans, kept in the string store for good: added
            # first when a span is made inside `nlp.memory_zone()`, they would be freed after it,
            # while the NER keeps a move per preset label by hash (the pipeline could not be saved)
            strings.add(entry["label"])
            if isinstance(entry.get("id"), str):
                strings.add(entry["id"])
        if (self.phrase_matcher_attr or "ORTH").upper() in LEXICAL_ATTRS:
            # a phrase pattern matched on a lexical attribute needs only the tokenizer; spaCy would
            # run every component before the ruler on it (tagger, parser... once the pipeline is
            # loaded: slow, and warning W012 for each pattern)
            with self.nlp.select_pipes(disable=self.nlp.pipe_names):
                return super().add_patterns(patterns)
        return super().add_patterns(patterns)

    def _key_id(self, entry: dict) -> int:
        key = entity_ruler_key(self, entry["label"], entry["id"]) if "id" in entry else entry["label"]
        return self.nlp.vocab.strings.add(key)

    @property
    def patterns(self) -> list[dict]:
        """All patterns, in the order they were added (spaCy lists token patterns before phrase
        patterns): the order breaks ties between patterns on one span, so a saved ruler keeps it."""
        found = super().patterns
        last = len(self._order)
        return sorted(found, key=lambda entry: self._order.get(self._key_id(entry), last))

    def from_bytes(self, patterns_bytes: bytes, *, exclude=tuple()) -> "WindowedEntityRuler":
        """EntityRuler.from_bytes with its settings restored BEFORE the patterns are added: spaCy 3.8
        adds the patterns, then replaces the phrase matcher holding them with an empty one, so every
        phrase pattern ("Ofsted") was lost in a bytes round trip."""
        cfg = srsly.msgpack_loads(patterns_bytes)
        if isinstance(cfg, dict):
            self.overwrite = cfg.get("overwrite", False)
            self.phrase_matcher_attr = cfg.get("phrase_matcher_attr", None)
            self.ent_id_sep = cfg.get("ent_id_sep", DEFAULT_ENT_ID_SEP)
            patterns = cfg.get("patterns", cfg)
        else:
            patterns = cfg
        self.clear()  # new matchers, with the phrase matcher on the restored attribute
        self.add_patterns(patterns)
        return self

    def clear(self) -> None:
        self._windowed = None
        self._order = {}
        super().clear()

    def remove(self, ent_id: str) -> None:
        self._windowed = None
        super().remove(ent_id)

    def match(self, doc: Doc):
        """EntityRuler.match, with the token Matcher's matches found window by window."""
        require_patterns(self)
        if self._windowed is None:
            self._windowed = PatternIndex(self.nlp.vocab, self.token_patterns)
        for attr in self._windowed.annotations:
            if not doc.has_annotation(attr):
                self.matcher(doc)  # raises spaCy's own error: which component the patterns need
        matches = self._windowed.matches(doc) + list(self.phrase_matcher(doc))
        final_matches = {(m_id, start, end) for m_id, start, end in matches if start != end}
        # longest first, then leftmost (as spaCy); two patterns on one span: the one added first
        # wins, where spaCy's order would depend on how a set iterates
        last = len(self._order)
        return sorted(final_matches, key=lambda m: (m[1] - m[2], m[1], self._order.get(m[0], last)))


@Language.factory(
    "windowed_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_windowed_attribute_ruler(nlp: Language, name: str, validate: bool, scorer=attribute_ruler_score):
    """Same settings as spaCy's `attribute_ruler`; the same patterns set the same attributes."""
    return WindowedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


class WindowedAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler (the trained pipeline's tag map and exceptions: POS, MORPH, some
    LEMMA) with its patterns matched like the windowed entity ruler's. Nearly all of them are one
    token tested on TAG, LOWER or DEP, which the whole-Doc test answers exactly, so they need no
    Matcher at all; in the model this ruler took a sixth of the time."""

    def __init__(self, *args, **kwargs):
        self._windowed: PatternIndex | None = None
        self._columns: RuleColumns | None = None
        super().__init__(*args, **kwargs)

    def add(self, patterns, attrs, index: int = 0) -> None:
        self._windowed = self._columns = None
        super().add(patterns, attrs, index)

    # spaCy's AttributeRuler adds the loaded patterns to those it has; loading replaces them here
    def from_bytes(self, bytes_data: bytes, exclude=tuple()) -> "WindowedAttributeRuler":
        self.clear()
        return super().from_bytes(bytes_data, exclude=exclude)

    def from_disk(self, path, exclude=tuple()) -> "WindowedAttributeRuler":
        self.clear()
        return super().from_disk(path, exclude=exclude)

    def clear(self) -> None:
        self._windowed = self._columns = None
        super().clear()

    def match(self, doc: Doc):
        """AttributeRuler.match: (rule number, match id, start, end), later rules last."""
        self._rules()
        return sorted((int(self.vocab.strings[m_id]), m_id, start, end)
                      for m_id, start, end in self._windowed.matches(doc))

    def __call__(self, doc: Doc) -> Doc:
        """match + set_annotations, with the matches kept as arrays from the one to the other."""
        error_handler = self.get_error_handler()
        try:
            self._set_columns(doc, *self._match_arrays(doc))
            return doc
        except Exception as e:  # noqa: BLE001 - spaCy's own handling of a component's error
            return error_handler(self.name, self, [doc], e)

    def _rules(self) -> "RuleColumns":
        if self._windowed is None:
            keyed = {str(i): self.matcher.get(str(i))[1] for i in range(len(self.attrs))}
            self._windowed = PatternIndex(self.vocab, keyed)
        if self._columns is None:
            self._columns = RuleColumns(self.vocab, self.attrs, self.indices)
        return self._columns

    def _match_arrays(self, doc: Doc) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """(rule numbers, starts, ends) of the matches, in rule order (spaCy's: later rules last)."""
        columns = self._rules()
        keys, starts, ends = self._windowed.match_arrays(doc)
        rules = columns.rule_numbers[numpy.searchsorted(columns.rule_keys, keys)]
        order = numpy.lexsort((ends, starts, rules))
        return rules[order], starts[order], ends[order]

    def set_annotations(self, doc: Doc, matches) -> None:
        """AttributeRuler.set_annotations on `match`'s list (the component itself skips the list)."""
        rules, starts, ends = (numpy.array(c, dtype=numpy.int64).reshape(-1) for c in
                               (zip(*((m[0], m[2], m[3]) for m in matches)) if matches else ((), (), ())))
        self._set_columns(doc, rules, starts, ends)

    def _set_columns(self, doc: Doc, rules: numpy.ndarray, starts: numpy.ndarray, ends: numpy.ndarray) -> None:
        """Each attribute the matched rules set is written to its token array, the later rule's
        value where two rules set one token, and the arrays go back into the Doc at once instead
        of a Token object per match."""
        if not rules.size:
            return
        columns = self._rules()
        offsets = columns.indices[rules]
        positions = numpy.where(offsets >= 0, starts + offsets, ends + offsets)
        if ((positions < starts) | (positions >= ends)).any() or columns.extension_rules.intersection(rules.tolist()):
            # spaCy's own error message for an index outside its match, or extension values
            super().set_annotations(doc, [(r, self.vocab.strings[str(r)], s, e) for r, s, e in
                                          zip(rules.tolist(), starts.tolist(), ends.tolist())])
            return
        names = [name for name in columns.names if columns.sets[name][rules].any()]
        if not names:
            return
        values = doc.to_array(names).reshape(len(doc), len(names))
        for col, name in enumerate(names):
            setting = columns.sets[name][rules]
            where, rule_ids = positions[setting][::-1], rules[setting][::-1]
            # the matches are in rule order, later rules last: the first of the reversed wins
            tokens, first = numpy.unique(where, return_index=True)
            values[tokens, col] = columns.values[name][rule_ids[first]]
        doc.from_array(names, values)


class RuleColumns:
    """The attribute values of an attribute ruler's rules as arrays: for each attribute, which
    rules set it and to what (rule number -> value), each rule's token index, and the rule number
    of each match id."""

    def __init__(self, vocab, attrs: list[dict], indices: list[int]):
        keys = numpy.array([vocab.strings[str(i)] for i in range(len(attrs))], dtype=numpy.uint64)
        self.rule_keys, self.rule_numbers = numpy.sort(keys), numpy.argsort(keys).astype(numpy.int64)
        self.indices = numpy.array(indices, dtype=numpy.int64)
        self.extension_rules = {i for i, rule in enumerate(attrs) if "_" in rule}
        self.names = sorted({name for rule in attrs for name in rule if name != "_"})
        self.sets = {name: numpy.array([name in rule for rule in attrs], dtype=bool) for name in self.names}
        self.values = {name: numpy.array([int(rule.get(name, 0)) for rule in attrs], dtype=numpy.uint64)
                       for name in self.names}


# -- steps as whole-Doc tests -------------------------------------------------------------------

@dataclass(frozen=True)
class Condition:
    """One attribute test of a step: a set of values (or its complement), a regex, a flag, or the
    value of an extension attribute (attr "_", extension its name)."""

    attr: str
    values: frozenset = frozenset()
    negate: bool = False
    regex: str | None = None
    flag: bool | None = None
    extension: str | None = None

    @classmethod
    def of(cls, attr: str, spec) -> tuple[list["Condition"], bool]:
        """The tests the window can read in `attr: spec`, and whether they are all of it (exact:
        a token passes them exactly when spaCy's Matcher would accept it for this attribute)."""
        if attr == "_" and isinstance(spec, dict):  # plain values only: spaCy compares them as such
            found = [cls(attr, frozenset([value]), extension=name) for name, value in spec.items()
                     if isinstance(value, (bool, int, str))]
            return found, len(found) == len(spec)
        if attr in FLAG_ATTRS and isinstance(spec, bool):
            return [cls(attr, flag=spec)], True
        if attr not in STRING_ATTRS:
            return [], False
        attr = STRING_ATTRS[attr]
        if isinstance(spec, str):
            return [cls(attr, frozenset([spec]))], True
        if not isinstance(spec, dict):
            return [], False
        found = []
        for predicate, value in spec.items():
            if predicate in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value):
                found.append(cls(attr, frozenset(value), negate=predicate == "NOT_IN"))
            elif predicate == "REGEX" and isinstance(value, str):
                found.append(cls(attr, regex=value))
        return found, len(found) == len(spec)


def _steps(pattern: list[dict]) -> list[tuple[tuple[Condition, ...], bool, bool]]:
    """Each step's readable conditions, whether the step must take at least one token, and
    whether the conditions are the whole step."""
    steps = []
    for spec in pattern:
        op = spec.get("OP")
        if op == "!":  # takes one token that fails the step: any token may
            steps.append(((), True, False))
            continue
        range_op = _RANGE_OP.match(op) if isinstance(op, str) else None
        required = (op not in OPTIONAL_OPS) if range_op is None else int(range_op.group(1) or 0) > 0
        conditions, exact = [], bool(spec)
        for attr, value in spec.items():
            if attr != "OP":
                found, whole = Condition.of(attr.upper(), value)
                conditions.extend(found)
                exact = exact and whole
        steps.append((tuple(conditions), required, exact))
    return steps


@dataclass
class WindowedPattern:
    """One token pattern with its own Matcher; its steps as indices into the index's step list."""

    matcher: Matcher | None  # None when single_token_key is set
    steps: list[int]
    required: list[int]
    #: id of the pattern's key when it is one step that the whole-Doc test reads exactly: its
    #: matches are then the tokens that pass, and its Matcher is never run
    single_token_key: int | None = None


class PatternIndex:
    """Every token pattern of a ruler, with the conditions and steps they share stored once."""

    def __init__(self, vocab, token_patterns: dict[str, list[list[dict]]]):
        self.conditions: list[Condition] = []
        self.steps: list[tuple[int, ...]] = []  # condition indices, all of which a token must pass
        self.patterns: list[WindowedPattern] = []
        self.annotations: set[str] = set()  # attributes a component must have set (checked per Doc)
        conditions, steps = {}, {}
        for key, patterns in token_patterns.items():
            for pattern in patterns:
                self.annotations |= {attr.upper() for spec in pattern for attr in spec} & ANNOTATION_ATTRS
                ids, required = [], []
                compiled = _steps(pattern)
                for step_conditions, step_required, _ in compiled:
                    step = tuple(sorted({conditions.setdefault(c, len(conditions)) for c in step_conditions}))
                    ids.append(steps.setdefault(step, len(steps)))
                    if step_required:
                        required.append(ids[-1])
                if len(pattern) == 1 and "OP" not in pattern[0] and compiled[0][2]:
                    self.patterns.append(WindowedPattern(None, ids, required, vocab.strings.add(key)))
                    continue
                matcher = Matcher(vocab)  # the ruler's own Matcher has validated the pattern
                matcher.add(key, [pattern])
                self.patterns.append(WindowedPattern(matcher, ids, required))
        self.conditions = list(conditions)
        self.steps = list(steps)
        self.value_ids = [numpy.array(sorted({_value_id(c.attr, v) for v in c.values} - {-1}), dtype=numpy.uint64)
                          for c in self.conditions]
        self.value_tables = self._value_tables()
        #: condition number -> {value id: whether its string passes the condition's regex}
        self.regex_hits: dict[int, dict[int, bool]] = {}
        self.table_patterns = self._table_patterns()

    def _table_patterns(self) -> dict[tuple[str, ...], tuple[list[numpy.ndarray], numpy.ndarray, set[int]]]:
        """The one-token patterns whose step is only value-set conditions (a tag map's
        {"TAG": "NN"}, an exception's {"TAG": "VBZ", "LOWER": "'s"}), grouped by the attributes
        they test: per attribute, each pattern's condition row in that attribute's table; the
        patterns' keys; their numbers. A group's matches all come from the tables' one lookup."""
        groups: dict[tuple[str, ...], list[tuple[tuple[int, ...], int, int]]] = {}
        for number, pattern in enumerate(self.patterns):
            if pattern.single_token_key is None or not self.steps[pattern.steps[0]]:
                continue
            tested = sorted((self.conditions[c].attr, c) for c in self.steps[pattern.steps[0]])
            tables = [self.value_tables.get(attr) for attr, _ in tested]
            if any(table is None or c not in table.indices for table, (_, c) in zip(tables, tested)):
                continue  # a regex, flag or extension test: matched one by one
            rows = tuple(table.indices.index(c) for table, (_, c) in zip(tables, tested))
            groups.setdefault(tuple(attr for attr, _ in tested), []).append((rows, pattern.single_token_key, number))
        return {attrs: ([numpy.array([rows[i] for rows, _, _ in found], dtype=numpy.intp) for i in range(len(attrs))],
                        numpy.array([key for _, key, _ in found], dtype=numpy.uint64), {n for _, _, n in found})
                for attrs, found in groups.items()}

    def _value_tables(self) -> dict[str, "ValueTable"]:
        """The value-set conditions of each attribute as one table, so that one lookup per token
        answers all of them: a Python-level test per condition cost more than the tests."""
        by_attr: dict[str, list[int]] = {}
        for i, c in enumerate(self.conditions):
            if c.extension is None and c.flag is None and c.regex is None:
                by_attr.setdefault(c.attr, []).append(i)
        tables = {}
        for attr, indices in by_attr.items():
            values = numpy.array(sorted({int(v) for i in indices for v in self.value_ids[i]}), dtype=numpy.uint64)
            # one row per condition, one column per value, and a last column for a value none has
            member = numpy.zeros((len(indices), len(values) + 1), dtype=bool)
            for row, i in enumerate(indices):
                member[row, numpy.searchsorted(values, self.value_ids[i])] = True
            negate = numpy.array([self.conditions[i].negate for i in indices], dtype=bool)
            tables[attr] = ValueTable(values, member, indices, negate)
        return tables

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every token pattern, each run over its windows only."""
        found = []
        for key, starts, ends in self.match_runs(doc):
            found.extend((key, start, end) for start, end in zip(_ints(starts), _ints(ends)))
        return found

    def match_arrays(self, doc: Doc) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """(match ids, starts, ends) of every token pattern as arrays, in no particular order: the
        value-set patterns of one token by groups from the attribute tables (a tag map's 170
        patterns are a few lookups and `nonzero`s), the others as in `match_runs`."""
        keys, starts, ends = [numpy.zeros(0, dtype=numpy.uint64)], [], []
        if len(doc):
            columns = Columns(self, doc)
            grouped: set[int] = set()
            for attrs, (rows, pattern_keys, numbers) in self.table_patterns.items():
                hits = columns.value_masks(attrs[0])[rows[0]]
                for attr, attr_rows in zip(attrs[1:], rows[1:]):
                    hits = hits & columns.value_masks(attr)[attr_rows]
                pattern, token = numpy.nonzero(hits)
                keys.append(pattern_keys[pattern])
                starts.append(token)
                ends.append(token + 1)
                grouped |= numbers
            for key, found_starts, found_ends in self.match_runs(doc, columns, skip=grouped):
                keys.append(numpy.full(len(found_starts), key, dtype=numpy.uint64))
                starts.append(numpy.asarray(found_starts, dtype=numpy.intp))
                ends.append(numpy.asarray(found_ends, dtype=numpy.intp))
        as_positions = lambda parts: numpy.concatenate([numpy.zeros(0, dtype=numpy.intp), *parts])  # noqa: E731
        return numpy.concatenate(keys), as_positions(starts), as_positions(ends)

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every token pattern, each run over its windows only."""
        found = []
        for key, starts, ends in self.match_runs(doc):
            found.extend((key, start, end) for start, end in zip(_ints(starts), _ints(ends)))
        return found

    def match_runs(self, doc: Doc, columns: "Columns | None" = None, skip: set[int] = frozenset()):
        """The matches as (match id, starts, ends) per pattern, in pattern order (but for the
        pattern numbers in `skip`): the starts of a one-token pattern come as one array (no tuple
        per token), those of a Matcher window as lists."""
        if not len(doc):
            return
        columns = columns or Columns(self, doc)
        for number, pattern in enumerate(self.patterns):
            if number in skip:
                continue
            if pattern.single_token_key is not None:
                starts = numpy.flatnonzero(columns.step(pattern.steps[0]))
                if starts.size:
                    yield pattern.single_token_key, starts, starts + 1
                continue
            for start, end in columns.windows(pattern):
                found = pattern.matcher(doc[start:end], allow_missing=True)
                if found:  # a pattern has one key: every match of its Matcher has it
                    yield found[0][0], [start + s for _, s, _ in found], [start + e for _, _, e in found]


#: Values whose regex result a condition remembers (then it starts again), so a long run does not grow.
REGEX_CACHE_SIZE = 200_000


def _ints(values) -> list[int]:
    return values.tolist() if isinstance(values, numpy.ndarray) else values


@dataclass
class ValueTable:
    """The value-set conditions on one token attribute: `member[row, column]` says whether the
    condition `indices[row]` holds the value `values[column]` (sorted ids)."""

    values: numpy.ndarray
    member: numpy.ndarray
    indices: list[int]
    negate: numpy.ndarray


class Columns:
    """One Doc's token arrays, and each condition's and step's result on it, computed once."""

    def __init__(self, index: PatternIndex, doc: Doc):
        self.index, self.doc, self.n = index, doc, len(doc)
        self._arrays: dict[str, numpy.ndarray] = {}
        self._conditions: list[numpy.ndarray | None] = [None] * len(index.conditions)
        self._steps: list[numpy.ndarray | None] = [None] * len(index.steps)
        self._counts: dict[int, numpy.ndarray] = {}
        self._present: dict[int, bool] = {}
        self._masks: dict[str, numpy.ndarray] = {}

    def windows(self, pattern: WindowedPattern) -> list[tuple[int, int]]:
        """(start, end) of the runs of tokens where a match of `pattern` could lie."""
        for step in pattern.required:
            if not self.present(step):
                return []  # a step that must take a token has none to take
        if len(pattern.steps) == 1:
            anywhere = self.step(pattern.steps[0])
        else:
            anywhere = numpy.logical_or.reduce([self.step(step) for step in pattern.steps])
        edges = numpy.flatnonzero(numpy.diff(anywhere, prepend=False, append=False))
        starts, ends = edges[0::2], edges[1::2]
        if len(pattern.required) == 1 and len(pattern.steps) == 1:
            return list(zip(starts.tolist(), ends.tolist()))  # every run holds the one step's tokens
        keep = numpy.ones(len(starts), dtype=bool)
        for step in pattern.required:
            counts = self.counts(step)
            keep &= counts[ends] > counts[starts]
        return list(zip(starts[keep].tolist(), ends[keep].tolist()))

    def present(self, step: int) -> bool:
        """Whether any token passes `step`."""
        found = self._present.get(step)
        if found is None:
            found = self._present[step] = bool(self.step(step).any())
        return found

    def counts(self, step: int) -> numpy.ndarray:
        """Running count of tokens passing `step`: counts[j] - counts[i] is how many in [i, j)."""
        found = self._counts.get(step)
        if found is None:
            found = self._counts[step] = numpy.concatenate(([0], numpy.cumsum(self.step(step))))
        return found

    def step(self, step: int) -> numpy.ndarray:
        mask = self._steps[step]
        if mask is None:
            conditions = self.index.steps[step]
            if not conditions:
                mask = numpy.ones(self.n, dtype=bool)
            else:
                mask = self.condition(conditions[0])
                for condition in conditions[1:]:
                    mask = mask & self.condition(condition)
            self._steps[step] = mask
        return mask

    def condition(self, i: int) -> numpy.ndarray:
        mask = self._conditions[i]
        if mask is None:
            condition = self.index.conditions[i]
            if condition.extension is not None:
                (wanted,) = condition.values
                mask = self.extension_mask(condition.extension, wanted)
            elif condition.flag is not None:
                mask = self.array(condition.attr) == int(condition.flag)
            elif condition.regex is not None:
                unique, inverse = numpy.unique(self.array(condition.attr), return_inverse=True)
                known = self.index.regex_hits.setdefault(i, {})
                if len(known) > REGEX_CACHE_SIZE:
                    known.clear()
                regex, strings = _regex(condition.regex), self.doc.vocab.strings
                hits = []
                for v in unique.tolist():
                    hit = known.get(v)
                    if hit is None:
                        text = POS_NAMES.get(v, "") if condition.attr == "POS" else strings[v]
                        hit = known[v] = regex.search(text) is not None
                    hits.append(hit)
                mask = numpy.array(hits, dtype=bool)[inverse.reshape(-1)]
            else:
                self.value_conditions(condition.attr)
                return self._conditions[i]
            self._conditions[i] = mask
        return mask

    def value_conditions(self, attr: str) -> None:
        """Every value-set condition on `attr` at once (value_masks), one mask per condition."""
        masks = self.value_masks(attr)
        for row, i in enumerate(self.index.value_tables[attr].indices):
            self._conditions[i] = masks[row]

    def value_masks(self, attr: str) -> numpy.ndarray:
        """conditions x tokens: whether each token passes each value-set condition on `attr`.
        Each token's value is looked up once in the table's sorted values, and the table's
        column for it gives all the conditions."""
        masks = self._masks.get(attr)
        if masks is None:
            table, tokens = self.index.value_tables[attr], self.array(attr)
            values = table.values
            if len(values):
                column = numpy.minimum(numpy.searchsorted(values, tokens), len(values) - 1)
                column[values[column] != tokens] = len(values)
            else:
                column = numpy.zeros(self.n, dtype=numpy.intp)
            masks = self._masks[attr] = table.member[:, column]
            masks[table.negate] = ~masks[table.negate]
        return masks

    def array(self, attr: str) -> numpy.ndarray:
        found = self._arrays.get(attr)
        if found is None:
            found = self._arrays[attr] = self.doc.to_array(IDS[attr]).astype(numpy.uint64)
        return found

    def extension_mask(self, name: str, wanted) -> numpy.ndarray:
        """Which tokens' extension attribute `name` equals `wanted`.

        An extension with a default and no getter keeps only the values set on tokens, in
        `doc.user_data` (spaCy's Underscore; pipeline/nlp/spacy_internals.py reads them): reading
        those few entries is much cheaper than asking every token. Any other extension asks every
        token."""
        default, method, getter, _ = Token.get_extension(name)
        if method is not None or getter is not None:
            return numpy.array([token._.get(name) == wanted for token in self.doc], dtype=bool)
        mask = numpy.full(self.n, default == wanted, dtype=bool)
        starts = self.array("IDX")
        for idx, value in token_extension_values(self.doc, name):
            i = int(numpy.searchsorted(starts, idx))
            if i < self.n and starts[i] == idx:
                mask[i] = value == wanted
        return mask


def _value_id(attr: str, value: str) -> int:
    """The id spaCy stores for a value: a part-of-speech id for POS, else the string's id."""
    return POS_IDS.get(value, -1) if attr == "POS" else get_string_id(value)


@lru_cache(maxsize=None)
def _regex(pattern: str) -> re.Pattern:
    return re.compile(pattern)
