"""Relations between mentions: person → role (roles table) and service → rating (ratings table).

First version: rules over token order and the dependency parse inside one sentence. Each rule is
a small generator with one linguistic comment, and every row names the rule that made it.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import numpy
from spacy.attrs import HEAD, IDS
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id, hash_string
from spacy.tokens import Span

from ..about import PATTERNS_DIR
from ..ids import person_id
from ..lexicon import word_set
from ..nlp.components.paragraphs import doc_lines, list_entry_name
from ..nlp.spacy_internals import NodeSearchDependencyMatcher
from .normalize import normalize_rating, normalize_role, plain
from .organizations import clean_name, is_description, kind_of
from .ratings import rank_of, scheme_of

if TYPE_CHECKING:
    from .article import Article

#: Dependency labels that stay inside the rating's own clause when climbing to its verb.
CLAUSE_INTERNAL = {"oprd", "acomp", "attr", "xcomp", "pobj", "prep", "dobj", "amod", "compound", "nmod", "appos",
                   "conj", "npadvmod", "advmod", "pcomp"}


def qualifiers() -> frozenset[str]:
    """Role qualifiers (former, interim ...), the same list the mention cleaner uses."""
    return word_set("role_qualifiers")


def inspectorates() -> frozenset[str]:
    return word_set("inspectorates")


def evidence_of(article: "Article", sent: Span) -> tuple[str, int, int]:
    """The sentence as evidence: its text and offsets in documents.text, without edge whitespace."""
    start, end = article.char_span(sent)
    raw = article.text[start:end]
    start += len(raw) - len(raw.lstrip())
    end -= len(raw) - len(raw.rstrip())
    return article.text[start:end], start, end


def extract_relations(article: "Article") -> dict[str, list[dict]]:
    return {"roles": list(role_rows(article)), "ratings": list(rating_rows(article))}


# -- person → role --------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def role_vocabulary(path: Path = PATTERNS_DIR / "role_relations.json") -> dict:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data["appointing"] = word_set("appointing_words")
    data["leaving"] = word_set("leaving_words")
    return data


_MATCHERS: dict[int, DependencyMatcher] = {}
#: Token attributes a node's RIGHT_ATTRS may test in the array-based node search below.
_ARRAY_ATTRS = {"ORTH", "TEXT", "LOWER", "NORM", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "SHAPE"}


class _ArrayDependencyMatcher(NodeSearchDependencyMatcher):
    """spaCy's DependencyMatcher with a faster first step. spaCy finds the tokens matching each node
    with its token Matcher (Python predicates for every IN-list, per token) and walks each found
    token's ancestors to its root; here both come from `doc.to_array`. Nodes that test anything but
    plain equality or IN / NOT_IN on string attributes keep spaCy's own way, so the matches are the
    same either way (tests/test_relations.py compares the two on parsed articles). The hook and the
    pattern store it reads are spaCy's private API, reached through pipeline/nlp/spacy_internals.py."""

    def add(self, key, patterns, *, on_match=None):
        self._tests = None
        super().add(key, patterns, on_match=on_match)

    def remove(self, key):
        self._tests = None
        super().remove(key)

    def _node_tests(self):
        """Per node of every pattern: its token Matcher key and its tests, or None when some node
        needs spaCy's own Matcher; and per pattern, the token Matcher keys of all its nodes."""
        if getattr(self, "_tests", None) is not None:
            return self._tests
        tests = []  # (matcher key, [(attr name, values, negate)])
        for _, _, _, spec, token_key in self.node_specs():
            checks = []
            for attr, value in spec.items():
                name = "ORTH" if attr.upper() == "TEXT" else attr.upper()
                if name not in _ARRAY_ATTRS:
                    checks = None
                    break
                if isinstance(value, str):
                    checks.append((name, [get_string_id(value)], False))
                elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"} \
                        and all(isinstance(v, str) for v in next(iter(value.values()))):
                    op, values = next(iter(value.items()))
                    checks.append((name, [get_string_id(v) for v in values], op == "NOT_IN"))
                else:
                    checks = None
                    break
            if not checks:
                tests = None
                break
            tests.append((token_key, checks))
        wanted = defaultdict(set)  # per pattern, the token keys of all its nodes
        for key, number, _, _, token_key in self.node_specs():
            wanted[(key, number)].add(token_key)
        self._tests = (tests, [frozenset(keys) for keys in wanted.values()])
        return self._tests

    def find_nodes(self, doc):
        """The tokens matching each node, by root, from token arrays (None: spaCy's own way)."""
        tests, pattern_keys = self._node_tests()
        if tests is None or not len(doc):
            return None
        names = sorted({name for _, checks in tests for name, _, _ in checks})
        columns = doc.to_array([IDS[name] for name in names] + [HEAD])
        if columns.ndim == 1:
            columns = columns.reshape(-1, 1)
        column = {name: columns[:, n] for n, name in enumerate(names)}
        distinct, hits = {}, {}

        def hit(name, values, negate):
            key = (name, tuple(values), negate)
            result = hits.get(key)
            if result is None:
                if len(values) == 1:
                    result = column[name] == values[0]
                else:  # membership decided once per distinct value of the column
                    if name not in distinct:
                        distinct[name] = numpy.unique(column[name], return_inverse=True)
                    uniq, inverse = distinct[name]
                    wanted = set(values)
                    result = numpy.array([u in wanted for u in uniq.tolist()], dtype=bool)[inverse]
                if negate:
                    result = ~result
                hits[key] = result
            return result

        found = []  # (token, order of the node in the matcher, matcher key)
        for order, (match_key, checks) in enumerate(tests):
            mask = None
            for name, values, negate in checks:
                mask = hit(name, values, negate) if mask is None else mask & hit(name, values, negate)
            found.extend((i, order, match_key) for i in mask.nonzero()[0].tolist())
        found.sort()
        heads = (numpy.arange(len(doc)) + columns[:, -1].astype(numpy.int64)).tolist()
        length = len(doc)
        roots = {}
        keys_to_position_maps = defaultdict(lambda: defaultdict(list))
        for i, _, match_key in found:
            root = roots.get(i)
            if root is None:
                root, steps = i, 0  # Token.ancestors: follow heads, at most len(doc) steps
                while heads[root] != root and steps < length:
                    root, steps = heads[root], steps + 1
                roots[i] = root
            keys_to_position_maps[root][match_key].append(i)
        # a tree can hold a match only if every node of some pattern has a token in it: spaCy would
        # try every pattern on every other tree too, and find nothing
        for root in [r for r, found_keys in keys_to_position_maps.items()
                     if not any(keys <= found_keys.keys() for keys in pattern_keys)]:
            del keys_to_position_maps[root]
        return keys_to_position_maps


def dependency_matcher(vocab) -> DependencyMatcher:
    """One matcher per vocabulary (per process), built from patterns/role_relations.json."""
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        matcher = _ArrayDependencyMatcher(vocab)
        for entry in role_vocabulary()["patterns"]:
            matcher.add(entry["id"], [entry["pattern"]])
        _MATCHERS.clear()
        _MATCHERS[id(vocab)] = matcher
    return matcher


def role_rows(article: "Article") -> Iterator[dict]:
    seen, paired = set(), set()
    for person, role, rule in person_role_pairs(article):
        key = (article.person_name(person), role.start)
        if key in seen or _hypothetical_post(person, role):
            continue
        seen.add(key)
        paired.add(role.start)
        yield role_row(article, person, role, rule)
    for person, role, rule in discourse_pairs(article, paired):
        yield role_row(article, person, role, rule)


def _hypothetical_post(person: Span, role: Span) -> bool:
    """A post only imagined is not held (D49, candidacies): "if Brandt is president", "celebrating
    Threlkeld as the next president", "plotting to be president": a condition, a modal or an
    infinitive on the verb that links them, or "next" before the title."""
    doc = role.doc
    if role[0].lower_ == "next" or (role.start and doc[role.start - 1].lower_ == "next"):
        return True
    verb = role.root.head
    if verb.lemma_ not in ("be", "become"):
        return False
    cues = word_set("hypothesis_cues")
    return any((c.dep_ in ("mark", "aux") and (c.lower_ in cues or c.lower_ == "to")) for c in verb.children)


def discourse_pairs(article: "Article", paired: set[int]) -> Iterator[tuple[Span, Span, str]]:
    """D51: a definite title standing for a person named in the same or the previous sentence,
    when only one person fits ("Harold Reece ... The minority leader said", "Threlkeld used a private
    server while she was secretary of state"). Not a title with "a"/"an" (a new, unnamed person),
    and not a person who is another argument of the title's own verb ("Sandell has led the former
    secretary of state": Sandell is not the one led). One pass over the entities."""
    persons_in: dict[int, list[Span]] = defaultdict(list)
    for ent in article.entities:
        if ent.label_ == "PERSON":
            persons_in[article.sentence_of[ent.start]].append(ent)
    for role in article.entities:
        if role.label_ != "ROLE" or role.start in paired:
            continue
        before = article.doc[role.start - 1] if role.start else None
        det = [t for t in role.root.children if t.dep_ in ("det", "poss") and t.i < role.start]
        if any(t.lower_ in ("a", "an", "another", "every", "each", "any", "no") for t in det) or (
                before is not None and before.lower_ in ("a", "an")):
            continue
        verb = role.root.head
        speaker = role.root.dep_ == "nsubj" and any(t.lower_ == "the" for t in det) and (
            verb.lemma_.lower() in word_set("speech_verbs") or verb.lower_ in word_set("speech_verbs"))
        pronoun_copula = role.root.dep_ == "attr" and verb.lemma_ == "be" and any(
            c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in verb.children)
        if not (speaker or pronoun_copula):
            continue  # only a title that does what a person does, or is said of "he"/"she"
        n = article.sentence_of[role.start]
        candidates = {}
        for person in persons_in.get(n, []) + persons_in.get(n - 1, []):
            if article.sentence_of[person.start] == n and person.root.head == verb and person.root.dep_ in (
                    "nsubj", "nsubjpass", "dobj") and role.root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                continue  # another participant of the same event
            if article.sentence_of[person.start] == n and person.start > role.start:
                continue  # only a person already named can be referred back to
            candidates.setdefault(article.person_name(person), person)
        if len(candidates) == 1:
            yield next(iter(candidates.values())), role, "discourse_single_person"


def person_role_pairs(article: "Article") -> Iterator[tuple[Span, Span, str]]:
    """Dependency patterns first (the parse says who holds what), then order-based fallbacks for
    what a wrong parse hides, then statement blocks signed with a name."""
    span_of = {}
    for ent in article.entities:
        if ent.label_ in ("PERSON", "ROLE"):
            for i in range(ent.start, ent.end):
                span_of[i] = ent
    doc = article.doc
    if not doc.has_annotation("DEP"):
        yield from adjacency_pairs(article)
        yield from statement_block_pairs(article)
        return
    matcher = dependency_matcher(doc.vocab)
    # pattern ids by hash: the string store may not keep them inside nlp.memory_zone()
    entries = {hash_string(e["id"]): e for e in role_vocabulary()["patterns"]}
    for match_id, token_ids in sorted(matcher(doc), key=lambda m: m[1]):
        entry = entries[match_id]
        names = [node["RIGHT_ID"] for node in entry["pattern"]]
        found = dict(zip(names, token_ids))
        person, role = span_of.get(found["person"]), span_of.get(found["role"])
        if person is not None and role is not None and person.label_ == "PERSON" and role.label_ == "ROLE":
            yield person, role, entry["id"]
    yield from adjacency_pairs(article)
    yield from statement_block_pairs(article)


def adjacency_pairs(article: "Article") -> Iterator[tuple[Span, Span, str]]:
    ents = article.entities
    for i, ent in enumerate(ents):
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is None:
            continue
        gap = [t for t in article.doc[ent.end:nxt.start] if not t.is_space]
        if article.sentence_of[ent.start] != article.sentence_of[nxt.start] and not (
                ent.label_ == "ROLE" and nxt.label_ == "PERSON" and not gap and ent.text.endswith(".")):
            continue  # "Reps. Ann Lee": the abbreviation's full stop is no sentence end
        labels = (ent.label_, nxt.label_)
        # "City council leader Sir Derek Pellworth": title right before the name
        if labels == ("ROLE", "PERSON") and all(t._.is_honorific or t.text == "." for t in gap):
            yield nxt, ent, "adjacent_title_before_name"
            # D47: a plural title before several names ("Reps. Ann Lee and Bo Tam") links to each
            after = ents[i + 2] if i + 2 < len(ents) else None
            if after is not None and after.label_ == "PERSON" and _is_plural_title(ent) and all(
                    t.text in {",", "and"} or t.is_space for t in article.doc[nxt.end:after.start]) \
                    and nxt.end < after.start:
                yield after, ent, "plural_title_before_names"
        # "Stuart Jessop, strategic director for ...", "X, currently a deputy director at Y"
        elif labels == ("PERSON", "ROLE") and _is_apposition_gap(gap):
            yield ent, nxt, "adjacent_apposition_name_first"
        # "The chair of BCT, Freya Mallory, commented"
        elif labels == ("ROLE", "PERSON") and _is_apposition_gap(gap, allow_honorific=True):
            yield nxt, ent, "adjacent_apposition_role_first"
        # timeline entries the parser splits: "2013 Carla Thorne ... appointed interim director"
        elif labels == ("PERSON", "ROLE") and len(gap) <= 4 and _links_by_verb(gap):
            yield ent, nxt, "adjacent_verb_link"
        # "Committee Chairman Rep. Jared Tolliver": two titles side by side before one name
        elif labels == ("ROLE", "ROLE") and not gap and i + 2 < len(ents) and ents[i + 2].label_ == "PERSON" \
                and not [t for t in article.doc[nxt.end:ents[i + 2].start] if not t.is_space]:
            yield ents[i + 2], ent, "stacked_titles_before_name"


def statement_block_pairs(article: "Article") -> Iterator[tuple[Span, Span, str]]:
    """A heading that names a role ("Response from the director of people"), quoted paragraphs,
    then a line holding only a name: the signer holds the role (D38)."""
    headings = tuple(sorted(word_set("statement_headings")))
    doc = article.doc
    lines = doc_lines(doc)
    body = article.body  # == doc.text, so a line's text is a slice of it
    starts = [body[line.start_char:line.end_char].strip().lower().startswith(headings) for line in lines]
    for n, line in enumerate(lines):
        if not starts[n]:
            continue
        roles = [e for e in article.entities if e.label_ == "ROLE" and line.start <= e.start < line.end]
        if not roles:
            continue
        for m, later in enumerate(lines[n + 1:], start=n + 1):
            if starts[m]:
                break
            persons = [e for e in article.entities if e.label_ == "PERSON" and later.start <= e.start < later.end]
            words = [t for t in later if not (t.is_space or t._.is_honorific or t.is_punct)]
            if persons and len(words) == len(persons[0]):
                yield persons[0], roles[0], "statement_signature"
                break


def _is_plural_title(role: Span) -> bool:
    last = role.text.lower().rstrip(".").split()[-1] if role.text.strip(". ") else ""
    return last.endswith("s") and not last.endswith("ss")


def _is_apposition_gap(gap: list, allow_honorific: bool = False) -> bool:
    """Only punctuation, determiners, qualifiers, adverbs like "currently" and a possessive
    organisation ("the council's", "Brackmoor's") between a name and a title."""
    if not any(t.text in {",", "(", "–", "—"} for t in gap) or len(gap) > 7:
        return False
    for t in gap:
        if t.text in {",", "–", "—", "-", "("} or (allow_honorific and t._.is_honorific):
            continue
        if t.lower_ in qualifiers() | {"the", "a", "an", "its", "their", "'s", "’s"} or t.pos_ == "ADV":
            continue
        if t.dep_ == "poss" or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in {"'s", "’s"}):
            continue
        return False
    return True


def _links_by_verb(gap: list) -> bool:
    words = {t.lower_ for t in gap} | {t.lemma_.lower() for t in gap}
    vocab = role_vocabulary()
    return bool(words & (vocab["appointing"] | vocab["leaving"] | {"be", "is", "was", "as", "remains"}))


def role_row(article: "Article", person: Span, role: Span, rule: str) -> dict:
    sent = person.sent
    evidence, start, end = evidence_of(article, sent)
    qualifier = _qualifier(role)
    return {
        "doc_id": article.doc_id, "person_id": person_id(article.person_name(person)),
        "person": article.person_name(person),
        "role": normalize_role(role.text), "role_text": role.text, "qualifier": qualifier,
        "organization": _organization(role), "event": _event(sent, person, role),
        "date": _clause_date(article, sent), "evidence": evidence, "start_char": start, "end_char": end,
        "rule": rule, "person_mention_id": article.mention_id(person), "role_mention_id": article.mention_id(role),
    }


def _qualifier(role: Span) -> str | None:
    doc = role.doc
    i = role.start - 1
    found = []
    while i >= 0 and (doc[i].lower_ in qualifiers() or doc[i].text == "-"):
        if doc[i].lower_ in qualifiers():
            found.append(doc[i].lower_)
        i -= 1
    return " ".join(reversed(found)) or None


def _organization(role: Span) -> str | None:
    doc = role.doc
    i = role.start - 1
    while i >= 0 and doc[i].lower_ in qualifiers():
        i -= 1
    if i >= 1 and doc[i].lower_ in {"'s", "’s"}:
        j = i - 1
        while j > 0 and doc[j - 1].pos_ == "PROPN":
            j -= 1
        return doc[j:i].text
    # D48: the name the ROLE span was cut from ("Texas Governor", "FBI Director", "Harbour Police Chief")
    if i < 0 or any(t.is_sent_start for t in doc[i + 1:role.start + 1]):
        return None  # nothing before the title in its sentence
    parties, quals = word_set("political_parties"), qualifiers()
    j = i
    while j >= 0 and (doc[j].text in {".", "&"} or (doc[j].text[:1].isupper() and (doc[j].pos_ == "PROPN" or doc[j].is_upper))) \
            and doc[j].ent_type_ in ("", "ORG", "GPE", "NORP", "LOC", "FAC") \
            and doc[j].lower_ not in parties and doc[j].lower_ not in quals and not doc[j]._.is_honorific:
        j -= 1
        if doc[j + 1].is_sent_start:
            break
    name = doc[j + 1:i + 1]
    if len(name) and not all(t.text in {".", "&"} for t in name):
        return name.text
    return None


def _event(sent: Span, person: Span, role: Span) -> str:
    """appointed / left / holds, from the words governing the person or the role (the verb of the
    clause, a nominal "appointment of"), else from the words around the pair."""
    vocab = role_vocabulary()
    governing = []
    for token in (person.root, role.root):
        for _ in range(3):
            if token.head is token:
                break
            token = token.head
            governing.append(token)
            if token.pos_ in ("VERB", "AUX"):
                break
    for token in governing:
        word, lemma = token.lower_, token.lemma_.lower()
        if word == "replaced" and person.root.head.lower_ == "by":
            return "appointed"  # "to be replaced by X": X takes the post
        if word in vocab["leaving"] or lemma in vocab["leaving"]:
            return "left"
        if word in vocab["appointing"] or lemma in vocab["appointing"]:
            return "appointed"
    lo, hi = min(person.start, role.start), max(person.end, role.end)
    window = " ".join(t.lower_ for t in sent.doc[max(sent.start, lo - 2):min(sent.end, hi + 3)])
    words = set(window.split())
    if words & vocab["leaving"]:
        return "left"
    if words & vocab["appointing"] or "take up" in window or "took up" in window:
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

def aspect_words() -> frozenset[str]:
    return word_set("rating_aspects")


@lru_cache(maxsize=1)
def judging_verbs() -> frozenset[str]:
    """Verbs whose object (active) or subject (passive) is the rated body: the verbs of judging
    ("rated", "judged") and of moving between grades ("downgraded", "lifted", "led ... to")."""
    return word_set("rating_subject_verbs") | word_set("rating_change_verbs")


def rating_rows(article: "Article") -> Iterator[dict]:
    """One row per RATING mention. What the parse cannot say is carried over from the article's
    previous rating: the subject of "it was rated good", the inspectorate of "was judged good"."""
    last_subject, last_rater, bodies, named_subjects, named_at = None, None, None, [], []
    last_how, last_sentence = None, None
    for ent in article.entities:
        if ent.label_ != "RATING":
            continue
        value = normalize_rating(ent.text)
        if value is None:
            continue
        sent = ent.sent
        evidence, start, end = evidence_of(article, sent)
        subject, how_subject = _subject(ent), "parse"
        aspect = _aspect(ent)
        entry = list_entry_name(ent)
        if entry is not None:
            # "Ashwent: three stars (two stars)": a list line gives its value to the name before
            # the colon, however the parser read the line; a judgement area's name ("Safe: good")
            # is the aspect of the body rated before (RS2)
            if plain(entry.text) in aspect_words():
                subject, aspect = None, aspect or entry.text
            elif not _is_rater(entry.text) and not any(
                    t.lower_ in word_set("rating_nouns") or t.lower_ in word_set("rater_nouns") for t in entry):
                # ("Overall rating: good", "Ofsted rating: requires improvement", "Verdict: good" name no body)
                subject, how_subject = clean_name(entry.text), "list_entry"  # without "The" (D19)
        if subject:
            named, subject = _split_aspect(subject)
            aspect = aspect or named
        if subject and entry is None and _is_rubric(sent, ent, subject):
            subject = None  # "Opinion: my agency was rated requires improvement": the page's rubric is no body
        rater_dropped = bool(subject) and _is_rater(subject)
        if rater_dropped:
            # "HMICFRS graded the force inadequate at X and requires improvement at Y": the parse can
            # hand the second rating the inspectorate; a rater is never the rated body (D18/D19)
            subject = None
        if last_subject and _is_rater(last_subject):
            last_subject = None
        how_subject = how_subject if subject else "previous" if last_subject else "none"
        if not subject:
            # "When the CQC last inspected the home, ..., it was rated good": the sentence's own "the home",
            # "the service" (D19: as written, even when an earlier sentence names it in full)
            said = next((t.text for t in sent if sent.start < t.i < ent.start and _is_described_body(t)), None)
            if said:
                subject, how_subject = said, "sentence"
        if not subject and sent.start == 0:
            subject = _headline_subject(article, sent, ent)
            if subject:
                how_subject = "headline"
        if not subject:
            pronoun = _rated_pronoun(ent)
            if pronoun is not None:
                # "Inspectors visited Elm Pre-School in June. They rated it requires improvement": the
                # body the pronoun stands for, in its own sentence, the one before, or the headline
                found = _pronoun_antecedent(pronoun, ent, far=not last_subject)
                if found and not is_description(found):  # "the home": the named home, as below
                    subject, how_subject = found, "antecedent"
                elif last_subject and not _is_named(last_subject):
                    # "A care home in Ashby was rated inadequate. Meadow View, on Station Road, was placed
                    # in special measures. Inspectors found it was still inadequate": the name, when it
                    # can be the body carried over (its kind, or a bare name)
                    found = _pronoun_antecedent(pronoun, ent)
                    if found and _is_named(found) and not is_description(found) \
                            and kind_of(found) in (kind_of(last_subject), "other"):
                        subject, how_subject = found, "antecedent"
                    elif found and _is_kind_description(found) and not _is_kind_description(last_subject):
                        # "rated the service inadequate ... The home, which ..., has been placed in special
                        # measures. It was rated inadequate": "the home" as written (D19), not "the service"
                        subject, how_subject = found, "antecedent"
        vague = bool(last_subject) and is_description(last_subject) and not _is_kind_description(last_subject)
        if not subject and vague:
            # "the service", carried over: the service the article named earlier with the same head
            # ("Brackmoor children's services ... the service ... Adoption performance was judged outstanding")
            head = _tokens_of(last_subject)[-1].rstrip("s")
            earlier = next((n for n in reversed(named_subjects) if head in {w.rstrip("s") for w in _tokens_of(n)}), None)
            if earlier:
                subject, how_subject = earlier, "named_earlier"
        if not subject and (_first_person(sent) or _quoted(sent, ent)):
            # RC3: "Kingsmere's chief executive, Dr Lorna Petrie, said: 'we were a zero-star trust'": the
            # body the speaker's title names in the same sentence ("Cllr X, leader of Ashby, said: 'Being
            # judged inadequate is a shock'", a quote with no "we" in its first sentence, too)
            body = _speakers_body(article, sent, ent, named_subjects)
            if body:
                subject, how_subject = body, "speakers_body"
        if not subject and _first_person(sent) and last_how in ("named_earlier", "article_subject") \
                and last_sentence is not None and article.sentence_of[sent.start] - last_sentence <= 1:
            # the same speaker's next "we" ("Being rated good is a boost ... We want to be rated
            # outstanding"): the body the quote's previous rating was resolved to
            subject, how_subject = last_subject, "previous"
        if not subject and _first_person(sent) and last_subject and _is_kind_description(last_subject):
            # "We want to be rated outstanding" after "... the home was rated good": the home the
            # article last named when it rated it ("Elm House ... was rated requires improvement"),
            # a body of the same kind or a bare name; not a service of it named since
            kind = kind_of(last_subject)
            named = next((n for n in reversed(named_subjects) if kind_of(n) == kind
                          or kind_of(n) == "other" and all(w[:1].isupper() for w in n.split())), None)
            if named:
                subject, how_subject = named, "named_earlier"
        if not subject and _first_person(sent) and len(named_subjects) >= 2:
            # "We want to be rated good" in a quote: what the article's ratings name most often
            main = _main_subject(named_subjects)
            if main:
                subject, how_subject = main, "article_subject"
        if not subject and (not last_subject or _first_person(sent) and is_description(last_subject)
                            and not _is_kind_description(last_subject)):
            # a first rating with no subject in its sentence, or "We want to be rated good" in a
            # quote after a vague "the service": the rateable body the article is about
            if bodies is None:
                bodies = _named_bodies(article)
            body = _article_body(article, bodies)
            if body:
                subject, how_subject = body, "article_body"
        if not subject and not last_subject and _first_person(sent):
            # "As a governor I had seen the school struggle. In the end we were told we required
            # improvement": a first rating said by "we", in an article that names no rateable body,
            # is of the body the sentence before (or the one before that) calls "the school" (D18)
            described = _described_body_before(article, sent)
            if described:
                subject, how_subject = described, "described_before"
        if not subject and last_subject and _is_kind_description(last_subject) \
                and not any(t.lower_ == _tokens_of(last_subject)[-1] and t.i > sent.start
                            and t.doc[t.i - 1].lower_ in ("the", "this", "that") for t in sent):
            # ("the home" written in the sentence is that home; "the second Brightcare home" is a class)
            # "it was rated good", "We want to be rated outstanding", far from "the home": the home
            # the article names ("Holly Garth, the children's home on Orchard Row"), the latest before
            if bodies is None:
                bodies = _named_bodies(article)
            kind = kind_of(last_subject)
            named = [(i, name) for i, name, k in bodies if k == kind and i < ent.start]
            # or the body a rating named last ("rated Elm Court inadequate ... the home ... It is the
            # second home to be rated"), a body of the kind or a bare name, when it came later
            rated = next(((i, n) for i, n in reversed(named_at) if kind_of(n) == kind or kind_of(n) == "other"
                          and all(w[:1].isupper() for w in n.split())), None)
            if rated and (not named or rated[0] > named[-1][0]) and not any(n.startswith(rated[1]) for _, n in named):
                named.append(rated)  # (a short form of a body named in full, "Saltmere" for "Saltmere Academy", is that body)
            if named:
                last_subject, how_subject = named[-1][1], "named"
        subject = subject or last_subject
        last_subject, last_how, last_sentence = subject, how_subject, article.sentence_of[sent.start]
        if subject and how_subject == "parse" and not is_description(subject):
            named_subjects.append(subject)
            named_at.append((ent.start, subject))
        rater = _rated_by(article, sent)
        how_rater = "sentence" if rater else "previous" if last_rater else "none"
        rater = rater or last_rater
        last_rater = rater
        rs, re_ = article.char_span(ent)
        scheme = scheme_of(value, rater)
        yield {
            "doc_id": article.doc_id, "rating": value, "scheme": scheme, "rank": rank_of(value, scheme, rater),
            "rating_text": ent.text,
            "subject": subject, "rated_by": rater, "aspect": aspect, "date": _clause_date(article, sent),
            "negated": _has_cue(ent, word_set("negation_cues")), "hypothetical": _has_cue(ent, word_set("hypothesis_cues")),
            "evidence": evidence, "start_char": start, "end_char": end,
            "rule": f"rating_mention+subject:{how_subject}+rated_by:{how_rater}"
                    + ("+subject_not_rater" if rater_dropped else ""),
            "rating_mention_id": article.mention_id(ent),
            "rating_start": rs, "rating_end": re_,
        }


def _with_place_of_object(verb, obj, found: str, exclude: Span) -> str:
    """"downgraded the maternity unit at the trust's second site, St Aldhelm's Hospital, from good
    to ...": an at/in phrase right after the object that the parse hung on the verb names where
    the rated service is, when it names a body (a name, a kind of body, or a place with a name in
    apposition); it joins the object up to its first comma, or to the end of a name in apposition
    after it (RA7). Not "at its last inspection", "in June"."""
    doc = obj.doc
    last = max(t.i for t in obj.subtree)
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == last + 1 and c.lower_ in {"at", "in"}), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or any(exclude.start <= t.i < exclude.end for t in prep.subtree) or pobj.ent_type_ == "DATE":
        return found
    named = [c for c in pobj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > pobj.i]
    if not (pobj.pos_ == "PROPN" or kind_of(pobj.text) != "other" or named):
        return found
    sub = list(prep.subtree)
    comma = next((k for k, t in enumerate(sub) if t.is_punct and t.text != "-"), None)
    words = sub if comma is None else sub[:comma]
    if named and comma is not None and named[0].left_edge.i == sub[comma].i + 1:
        words += list(doc[sub[comma].i:named[0].right_edge.i + 1])  # ", St Aldhelm's Hospital" (RA7)
    if len(words) > 12:
        return found
    return f"{found} {_joined(words)}"


def _speakers_body(article: "Article", sent: Span, ent: Span, rated: tuple[str, ...] | list[str] = ()) -> str | None:
    """The organisation a title before the rating names in the rating's sentence ("Kingsmere's chief
    executive", "the chief executive of Elm Trust", "Ashby Council leader"), when one title names one;
    never a rater or a party."""
    found = set()
    for role in article.entities:
        if role.label_ != "ROLE" or not (sent.start <= role.start < ent.start):
            continue
        org = _organization(role)
        if not org:
            of = [g for c in role.root.rights if c.dep_ == "prep" and c.lower_ in {"of", "at"} for g in c.children
                  if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            org = _noun_phrase(of[0], exclude=ent) if of else None
        if org and not _is_rater(org) and plain(org) not in word_set("political_parties"):
            found.add(org)
    if len(found) != 1:
        return None
    org = found.pop()
    # a short form of a body the article rated or named in full before ("Kingsmere" for "Kingsmere
    # Hospitals NHS Trust"): the full name
    names = list(rated) + [clean_name(e.text) for e in article.entities if e.label_ == "ORG" and e.start < ent.start]
    return next((n for n in names if n.startswith(org + " ")), org)


def _is_rubric(sent: Span, ent: Span, subject: str) -> bool:
    """A subject read from the words before a colon that opens the rating's sentence ("Opinion:",
    "Governor's view:"), when the rating comes after the colon: a rubric, not the rated body. A list
    line ("Ashwent: three stars") is read before, and never asked (list_entry_name)."""
    colon = next((t.i for t in sent if t.text == ":" and t.i < ent.start), None)
    if colon is None or colon - sent.start > 5:
        return False
    before, after = sent.doc[sent.start:colon].text, sent.doc[colon + 1:sent.end].text
    written = re.compile(rf"(?<!\w){re.escape(subject)}(?!\w)")
    return bool(written.search(before)) and not written.search(after) and ent.start > colon + 1


def _may_be_rated(noun: str) -> bool:
    """A noun that can name what was rated: a kind of body ("nursery", "trust"), a service or another
    judged noun ("services", "agency", "practice"); not "aim", "view", "changes"."""
    return kind_of(noun) != "other" or noun in word_set("judged_subjects") or noun in word_set("service_nouns")


def _is_occasion(token) -> bool:
    """"inspection", "visit", "June": when a body was judged (an at/in phrase on it is no part of the body)."""
    return token.lower_ in word_set("rating_occasions") or token.ent_type_ == "DATE"


def _is_described_body(t) -> bool:
    """"the home", "the service": a definite noun naming a rateable kind of body or a service, not a
    modifier of another noun ("the school's head", "the school gates")."""
    return t.i > 0 and t.doc[t.i - 1].lower_ == "the" and t.pos_ == "NOUN" and t.lower_ in word_set("judged_subjects") \
        and t.dep_ not in ("poss", "compound") and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in {"'s", "’s"}) \
        and (_is_kind_description(t.text) or t.lower_ in word_set("service_nouns"))


def _described_body_before(article: "Article", sent: Span, sentences: int = 2) -> str | None:
    """The latest "the school" / "the home" in the `sentences` sentences before `sent`, if any."""
    doc, n = article.doc, article.sentence_of[sent.start]
    for t in reversed(doc[max(0, sent.start - 200):sent.start]):
        if n - article.sentence_of[t.i] > sentences:
            return None
        if _is_described_body(t):
            return t.text
    return None


def _is_rater(subject: str) -> bool:
    """An inspectorate's name ("Ofsted", "His Majesty's Inspectorate of Constabulary ...", "the
    CQC"): the body that judges, never the one rated (rule subject_not_rater)."""
    low = subject.lower()
    return (low[4:] if low.startswith("the ") else low) in inspectorates() or kind_of(subject) == "inspectorate"


def _subject_head(text: str) -> str:
    """The head word of a subject phrase: the last word before its complement, singular."""
    head_part = re.split(r" (?:for|in|of|at|run by) ", text, maxsplit=1)[0]
    return _tokens_of(head_part)[-1].rstrip("s")


def _is_named(text: str) -> bool:
    """"Meadow View", "Ashby Borough Council": the head word is a name; "care home in Ashby",
    "home", "Ashby's children's services": a description of a body or service."""
    head_part = re.split(r" (?:for|in|of|at|run by) ", text, maxsplit=1)[0].split()
    return bool(head_part) and head_part[-1][:1].isupper()


def _main_subject(named_subjects: list[str]) -> str | None:
    """Of the named subjects so far, the latest whose head word the article rates most often."""
    counts = defaultdict(int)
    for n in named_subjects:
        counts[_subject_head(n)] += 1
    top = max(counts.values())
    best = [h for h, c in counts.items() if c == top]
    if len(best) != 1 or top < 2:
        return None
    # of those, the phrase rated most often ("Ashby Council's children's services" twice, not the
    # "Services for children in care" rated once since), the latest on a tie
    phrases = [n for n in named_subjects if _subject_head(n) == best[0]]
    return max(reversed(phrases), key=phrases.count)


def _first_person(sent: Span) -> bool:
    """"We want to be rated good", "our next goal": the speaker's own body is meant."""
    return any(t.lower_ in word_set("first_person_words") for t in sent)


def _quoted(sent: Span, ent: Span) -> bool:
    """A rating inside a quotation that opens in its own sentence ("X said: 'Being judged inadequate
    ...'"): what the speaker says of their own body."""
    before = sent.doc[sent.start:max(sent.start, ent.start - 1)]  # not the rating's own scare quotes
    return any(t.is_quote for t in before)


def _headline_subject(article: "Article", sent: Span, ent: Span) -> str | None:
    """A headline the parser cannot read ("Kestrelby climbs to 'good'", "Ulvercombe children's
    services out of 'inadequate'"): the capitalised name before its first verb or preposition,
    never a rater or a person."""
    words = []
    for t in sent:
        if t.i >= ent.start or t.is_quote or t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ", "DET", "PRON"):
            break
        words.append(t)
    if words and words[-1].i + 1 < ent.start and sent.doc[words[-1].i + 1].text == ":":
        return None  # "Governor's view: we were told ...", "Opinion: ...": a rubric, not a body
    if not words or len(words) > 8 or not words[0].text[:1].isupper() or words[-1].pos_ not in ("NOUN", "PROPN"):
        return _headline_for(sent, ent)
    if any(t.ent_type_ == "PERSON" or t.lower_ in word_set("rater_nouns") or plain(t.text) in inspectorates() for t in words):
        return None
    return "".join(t.text_with_ws for t in words).strip()


def _headline_for(sent: Span, ent: Span) -> str | None:
    """"Second 'inadequate' for Brook children's services": the capitalised name after "for" right
    after the rating, when nothing before it names a body (never an aspect, a rater or a person)."""
    doc = sent.doc
    i = ent.end
    while i < sent.end and doc[i].is_quote:
        i += 1
    if i >= sent.end or doc[i].lower_ != "for" or i + 1 >= sent.end or not doc[i + 1].text[:1].isupper():
        return None
    words = []
    for t in doc[i + 1:min(sent.end, i + 9)]:
        if t.is_punct and t.text != "-" or t.is_quote or t.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ", "DET", "PRON") \
                or t.is_space:
            break
        words.append(t)
    if not words or words[-1].pos_ not in ("NOUN", "PROPN") or plain(_joined(words)) in aspect_words():
        return None
    if any(t.ent_type_ == "PERSON" or t.lower_ in word_set("rater_nouns") or plain(t.text) in inspectorates() for t in words):
        return None
    return _joined(words)


def _article_body(article: "Article", bodies: list[tuple[int, str, str]]) -> str | None:
    """The rateable body the article is about: of the bodies it names with a rateable kind
    (council, school, trust, home, ...), the one named most often, the first on a tie."""
    kinds = word_set("rateable_kinds")
    names = {name: k for _, name, k in bodies if k in kinds and plain(name) not in inspectorates()}
    if not names:
        return None
    counts = defaultdict(int)
    base = {name: name for name in names}
    for name in names:  # "Birch Lea care home" is counted at each "Birch Lea"
        words = name.split(" ")
        for n in range(1, len(words)):
            rest = " ".join(words[n:])
            if rest.islower() and kind_of(rest) == names[name]:
                base.setdefault(" ".join(words[:n]), name)
                break
    for e in article.entities:
        if e.label_ in ("ORG", "PERSON", "FAC"):
            name = base.get(clean_name(e.text))
            if name in names:
                counts[name] += 1
    first = {}
    for i, name, _ in bodies:
        first.setdefault(name, i)
    return max(names, key=lambda n: (counts[n], -first[n]))


def _tokens_of(text: str) -> list[str]:
    return plain(text).split() or [""]


def _is_kind_description(text: str) -> bool:
    """"home", "the trust", "council's other residential home": a description of a known kind."""
    return is_description(text) and kind_of(text) != "other"


def _named_bodies(article: "Article") -> list[tuple[int, str, str]]:
    """(token, name, kind) of the bodies the article names with their kind: an ORG whose name says
    it ("Brackmoor Hospitals NHS Trust"), or a name the model took for anything but a place,
    followed by a kind phrase, in apposition or not ("Holly Garth, the children's home on Mill
    Lane", "Birch Lea care home"). Built only for articles that need it."""
    doc, out = article.doc, []
    stop = word_set("determiners")
    for e in article.entities:
        if e.label_ not in ("ORG", "PERSON", "FAC"):
            continue
        name = clean_name(e.text)
        if e.label_ == "ORG" and kind_of(name) != "other":
            out.append((e.start, name, kind_of(name)))
            continue
        comma = e.end < len(doc) and doc[e.end].text == ","
        if not comma and e.start > 0 and (doc[e.start - 1].lower_ in stop or doc[e.start - 1].pos_ in ("ADJ", "NUM")):
            continue  # "the second Corrowick home": a class of homes, not one home's name
        i = e.end + (1 if comma else 0)
        while i < len(doc) and doc[i].lower_ in stop:
            i += 1
        words = []
        while i < len(doc) and len(words) < 5 and not (doc[i].is_punct or doc[i].is_space or doc[i].pos_ in ("ADP", "VERB", "AUX")):
            words.append(doc[i].text)
            i += 1
        phrase = " ".join(words)
        if words and not any(w[:1].isupper() for w in words) and _is_kind_description(phrase) \
                and (comma or not words[-1].endswith("s")):  # "NHS Trust": the rest of a split name, not a kind phrase
            # "Birch Lea care home": the kind phrase written with the name is part of it; "Holly
            # Garth, the children's home on Orchard Row": the name alone
            out.append((e.start, name if comma else f"{name} {phrase}", kind_of(phrase)))
    return out


def _split_aspect(subject: str) -> tuple[str | None, str | None]:
    """(aspect, subject) of a rated phrase: a judgement area alone is an aspect ("leadership"); an
    area "of" a service is that service's aspect ("overall effectiveness of Ulvercombe Borough
    Council's children's services"); an area of a group the service serves ("experiences and
    progress of care leavers") names no service."""
    key = plain(subject)
    if key in aspect_words() or any(a.startswith(key + " of ") for a in aspect_words()) or _coordinated_areas(key):
        # "leadership"; "Leadership and governance arrangements", "behaviour and attitudes and personal
        # development": areas coordinated
        return subject, None  # "leadership"; "the quality of education, behaviour ... all good" cut to "quality"
    for mark in ("'s ", "’s "):  # "the council's overall effectiveness": the council's aspect
        owner, sep, area = subject.rpartition(mark)
        if sep and owner and plain(area) in aspect_words():
            return area, owner
    area, sep, rest = subject.partition(" of ")
    if sep and plain(area).removeprefix("the ") in aspect_words():
        group = plain(rest).removeprefix("the ")
        served = word_set("served_groups")
        if any(a in plain(rest) for a in aspect_words()) or group and (
                group in served or group.split()[0] in served or group.split(" in ")[0] in served):
            return subject, None  # "the experiences and progress of children in care": the people served, not a service
        return area, rest.removeprefix("the ").strip() or None
    return None, subject


def _coordinated_areas(key: str) -> bool:
    """Judgement areas joined by "and" or commas ("leadership and governance arrangements",
    "behaviour and attitudes and personal development"): each conjunct, or its last word, is an
    area; an area whose name holds "and" ("behaviour and attitudes") is taken whole first."""
    if " and " not in key and "," not in key:
        return False
    rest = f" {key} "
    for area in sorted(aspect_words(), key=len, reverse=True):
        rest = rest.replace(f" {area} ", " | ").replace(f" {area}, ", " | , ")
    parts = [p.replace("|", " ").split() for p in re.split(r",|\band\b", rest)]
    return rest.count("|") > 0 and all(not words or words[-1] in aspect_words() for words in parts)


def _aspect(ent: Span) -> str | None:
    """ "inadequate for safe, effective and well-led": a for/in complement naming judgement areas."""
    for child in ent.root.rights:
        if child.dep_ == "prep" and child.lower_ in {"for", "in", "on"}:
            words = [t for t in child.subtree if t.i != child.i]
            text = "".join(t.text_with_ws for t in words).strip()
            if text and any(a in plain(text) for a in aspect_words()) and len(words) <= 12:
                return text
    return None


def _has_cue(ent: Span, lemmas: set[str]) -> bool:
    """A cue in the rating's own clause: on the path up to its verb (through complements, never out
    of a subject or into another clause), or a negation, auxiliary or marker on that path
    ("avoids 'inadequate' rating", "no longer inadequate", "could be rated inadequate",
    "expected to be rated good"). "A 'good' rating is not the end": the rating is the subject, so
    the verb's negation is not about it."""
    before = [t.lower_ for t in ent.doc[max(ent.sent.start, ent.start - 3):ent.start]]
    if "no longer" in " ".join(before) and "no longer" in lemmas:
        return True
    token = ent.root
    for _ in range(6):
        words = {token.lower_, token.lemma_.lower()}
        if words & lemmas:
            return True
        if any({c.lower_, c.lemma_.lower()} & lemmas and c.dep_ in {"neg", "aux", "mark", "advmod", "det"}
               for c in token.children if c.i < ent.start or c.i >= ent.end):
            return True
        if token.head is token or token.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            break
        if token.dep_ not in CLAUSE_INTERNAL and token is not ent.root:
            break
        token = token.head
    return False


def _subject(ent: Span) -> str | None:
    """What was rated, from the parse: the noun a rating adjective modifies ("'Inadequate'
    Elmbury social services"), the object of an active rating verb ("rated the service good"),
    or the subject of the rating's clause ("the trust has been rated inadequate"). The subject of an
    active rating verb is the rater, never the rated."""
    token = ent.root
    if token.dep_ in {"amod", "compound"} and token.head.lower_ not in word_set("rating_nouns"):
        described = token.head
        if described.dep_ == "attr" and described.head.lemma_ == "be":
            # RC1: "Marlpit was a three-star trust": the one the copula describes; "we were a zero-star
            # trust": the speaker's body, from the rules of first-person ratings
            copula_subjects = [c for c in described.head.children if c.dep_ == "nsubj"]
            if copula_subjects:
                described_one = _antecedent(copula_subjects[0])  # "X, which was a three-star trust": X
                return None if described_one.lower_ in word_set("first_person_words") \
                    else _noun_phrase(described_one, exclude=ent)
        return _noun_phrase(described, exclude=ent)
    rated = _rated_compound(ent) or _service_of_rating_noun(ent)
    if rated is not None:
        return rated
    rated = _object_before(ent)
    if rated:
        return rated
    before = ent.start - 1
    while before > ent.sent.start and (ent.doc[before].is_quote or ent.doc[before].lower_ in {"as", "be", "to"}):
        before -= 1
    verb = ent.doc[before] if before >= ent.sent.start else None
    if verb is not None and (verb.lower_ in judging_verbs() or verb.lemma_.lower() in judging_verbs()):
        # "after the council was rated requires improvement": the passive verb's subject, however the
        # parser attached the rating words ("requires" read as a verb of its own)
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"] or [
            g for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i for g in c.children
            if g.dep_ in ("nsubj", "nsubjpass")]  # "X remains rated ...": the subject hung on "remains"
        found = _noun_phrase(_antecedent(_split_subject_head(passive)), exclude=ent) if passive \
            else _before_parenthesis(verb, ent)
        if found:
            return found
    after_pronoun, came_from = False, None
    for _ in range(6):
        if token.lower_ in judging_verbs() or token.lemma_.lower() in judging_verbs():
            if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
                return _noun_phrase(token.head, exclude=ent)  # "with its adoption service judged good"
            objects = [c for c in token.children if c.dep_ in ("dobj", "dative") and not (ent.start <= c.i < ent.end)
                       and c.lower_ not in word_set("rating_nouns") and c.pos_ != "ADP" and c.ent_type_ != "RATING"]
            found = _noun_phrase(objects[0], exclude=ent) if objects else None
            if found:
                found = _with_place_of_object(token, objects[0], found, ent)
                # "Inspectors gave the home a good rating"; never the rating noun itself ("Grange
                # was given the same rating ... and was lifted to requires improvement": the subject),
                # nor a pronoun ("rated the services ..., lifting them out of the inadequate category")
                return found
            if token.lower_ in word_set("rating_subject_verbs") or token.lemma_.lower() in word_set("rating_subject_verbs"):
                for prep in token.children:  # "awarded a five-star rating to the fish bar"
                    if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
                        objects = [c for c in prep.children if c.dep_ == "pobj" and not (ent.start <= c.i < ent.end)]
                        found = _noun_phrase(objects[0], exclude=ent) if objects else None
                        if found:
                            return found
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            subject = _antecedent(_split_subject_head(subjects))
            if _stranded_conjunct(subject):
                # "the force was one of only four in England and Wales rated good": "Wales" is no subject;
                # the clause the parse joined "rated" to has the body
                shared = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")] if token.dep_ == "conj" else []
                return _noun_phrase(_antecedent(shared[0]), exclude=ent) if shared else None
            if subject.dep_ == "nsubj" and _active_judging(token):
                return None  # "the council awarded a five-star rating": the subject of an active rating verb is the rater
            if came_from in ("ccomp", "parataxis", "xcomp") and token.lower_ in word_set("speech_verbs") and not after_pronoun \
                    and token.lower_ not in judging_verbs() and token.lemma_.lower() not in judging_verbs():
                return None  # "The manager said: 'Being rated good is a boost'": the speaker is not rated
            if came_from == "advcl" and subject.pos_ == "NOUN" and not _may_be_rated(subject.lower_) \
                    and subject.lower_ not in word_set("rating_nouns"):
                return None  # "the changes needed to get out of inadequate": a purpose, not the body that gets out
            found = _noun_phrase(subject, exclude=ent)
            if found is None and subject.pos_ == "PRON" and subject.lower_ in {"it", "they"}:
                # "the force was told it requires improvement", "X said it was disappointed not to be
                # rated good": the pronoun is the subject of the clause above
                after_pronoun = subject.lower_
            elif after_pronoun == "it" and subject.tag_ == "NNS" and subject.lower_ not in word_set("judged_subjects"):
                # "Parents at Elm School were told that it had been rated inadequate": "it" is one
                # body, not the parents; the body their phrase names, if any ("children's services ...
                # it" is one service, and "X Services" one body)
                inner = [t for t in subject.subtree if t.i != subject.i and t.dep_ == "pobj" and _may_be_antecedent(t)]
                return _noun_phrase(inner[0], exclude=ent) if inner else None
            elif after_pronoun and (_is_person(subject) or _person_elsewhere(subject, speech=False)):
                return None  # "the head teacher said it was rated good": a person is never rated
            else:
                return found
        if token.head is token:
            break
        came_from, token = token.dep_, token.head
    return None


def _split_subject_head(subjects: list):
    """The head of a subject the parser split into several: "Tiny Steps Pre-School was rated" can come
    back as four subjects of "rated" ("Tiny", "Pre", "-", "School"), side by side. The last noun of the run
    of adjacent subjects that starts at the first is the phrase's head (_noun_phrase takes in the
    siblings before it); a single subject is itself."""
    if subjects[0].lower_ in {"which", "that", "who"}:
        return subjects[0]  # "the service, which Ofsted inspects separately, was rated": "inspects" misread as a second subject
    run, end = [subjects[0]], max(t.i for t in subjects[0].subtree)
    for token in subjects[1:]:
        if token.dep_ != run[0].dep_ or min(t.i for t in token.subtree) != end + 1:
            break
        run.append(token)
        end = max(t.i for t in token.subtree)
    nouns = [t for t in run if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if len(run) > 1 and nouns else subjects[0]


def _stranded_conjunct(token) -> bool:
    """A place the parse made a subject though it ends a coordination inside a prepositional phrase:
    in "one of only four in England and Wales rated good", "Wales" is read as the subject of "rated";
    it is the second half of "in England and Wales", and the rated body is said elsewhere."""
    doc = token.doc
    return token.ent_type_ in ("GPE", "LOC") and token.i >= 2 and doc[token.i - 1].dep_ == "cc" \
        and doc[token.i - 2].dep_ == "pobj" and doc[token.i - 2].ent_type_ in ("GPE", "LOC")


def _before_parenthesis(verb, ent: Span) -> str | None:
    """A passive rating verb left without a subject by a parenthesis ("its community services, inspected
    at the same time, were rated outstanding"): the noun phrase before the parenthesis."""
    doc, sent = verb.doc, verb.sent
    aux = [c for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i]
    if not aux or any(c.dep_ in ("nsubj", "nsubjpass", "csubjpass") for c in verb.children):
        return None
    close = min(c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i) - 1
    if close <= sent.start or doc[close].text != ",":
        return None
    open_ = next((k for k in range(close - 1, max(sent.start, close - 12) - 1, -1) if doc[k].text == ","), None)
    if open_ is None or open_ <= sent.start:
        return None
    token = doc[open_ - 1]
    while token.dep_ in ("pobj", "prep", "compound", "amod", "case") and token.head is not token and token.head.i < open_:
        token = token.head
    if token.pos_ not in ("NOUN", "PROPN") or token.lower_ in word_set("rater_nouns"):
        return None
    return _noun_phrase(token, exclude=ent)


def _active_judging(verb) -> bool:
    """"Ofsted rated", "the council has awarded": an active verb of judging, not a passive ("was
    rated") nor a participle ("the home, rated good")."""
    judging = word_set("rating_subject_verbs")
    if verb.lower_ not in judging and verb.lemma_.lower() not in judging or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for c in verb.children):
        return False  # "Mill Road Surgery rated outstanding by CQC": a headline's passive
    if not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False  # "maternity care judged inadequate": a headline's participle, read as a past tense
    return verb.tag_ != "VBN" or any(c.dep_ == "aux" and c.lower_ in {"has", "have", "had", "having"} for c in verb.children)


def _is_person(token) -> bool:
    """A role ("the head teacher"), or a name with a person's marks: an honorific before it, a
    role before it or in apposition ("head teacher Mary Holt", "Mary Holt, the head"). The model's
    PERSON label alone is no evidence: it gives it to many made-up names of homes and agencies."""
    if token.ent_type_ == "ROLE" or token.lower_ in word_set("role_heads"):
        return True
    if token.ent_type_ != "PERSON":
        return False
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].ent_type_ == "PERSON":
        start -= 1
    before = doc[start - 1] if start > 0 else None
    if before is not None and (before.ent_type_ == "ROLE" or before.text.rstrip(".") in word_set("honorifics", lower=False)):
        return True
    return any(c.dep_ == "appos" and (c.ent_type_ == "ROLE" or c.lower_ in word_set("role_heads")) for c in token.children)


def _rated_pronoun(ent: Span):
    """The pronoun in the rated place of the rating's clause ("it was rated good", "they rated it
    requires improvement", "found it to be good"), or None when a noun holds that place."""
    token = ent.root
    for _ in range(6):
        for c in token.children:
            if c.dep_ in ("nsubjpass", "dobj", "dative") or c.dep_ == "nsubj" and not _active_judging(token):
                if c.pos_ == "PRON" and c.lower_ in {"it", "they", "them"}:
                    return c
                if c.pos_ in ("NOUN", "PROPN") and c.dep_ != "dobj":
                    return None
        if token.head is token:
            break
        token = token.head
    return None


def _pronoun_antecedent(pronoun, ent: Span, far: bool = True) -> str | None:
    """What a pronoun in the rated place stands for: a body named before it in its sentence (the
    nearest), else (`far`: no earlier rating's subject to carry over) in the sentence before (its
    subject first), else in the headline. A body is a name or a noun of a known kind, never a
    place, a date, a rater or a person; a name's apposition stands for the name."""
    doc = pronoun.doc
    sent = pronoun.sent
    here = [t for t in doc[sent.start:pronoun.i] if _may_be_antecedent(t)]
    if here:
        return _noun_phrase(here[-1], exclude=ent)
    if not far:
        return None
    earlier = [doc[sent.start - 1].sent] if sent.start > 0 else []
    if earlier and earlier[0].start > 0:
        earlier.append(doc[0].sent)  # the headline
    for other in earlier:
        found = sorted((t for t in other if _may_be_antecedent(t)),
                       key=lambda t: (t.dep_ not in ("nsubj", "nsubjpass", "ROOT"), t.dep_ != "dobj", t.i))
        if found:
            return _noun_phrase(found[0], exclude=ent)
    return None


def _may_be_antecedent(token) -> bool:
    if token.dep_ in ("compound", "amod") or token.is_space or token.dep_ == "appos" and token.head.pos_ == "PROPN" \
            or token.dep_ == "poss" and token.head.lower_ not in word_set("rater_nouns"):
        return False  # ("Elm School's latest report rated it": the report's owner can be meant)
    if token.pos_ != "PROPN" and not (token.pos_ == "NOUN" and (kind_of(token.lemma_) != "other"
                                                                or token.lower_ in word_set("judged_subjects"))):
        return False
    if token.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "RATING"):
        return False
    if token.dep_ == "pobj" and token.head.lower_ in word_set("place_prepositions") and token.head.lower_ not in ("at", "on"):
        return False  # "spoke to parents in Ashby": a place ("shortages at Elm House", "a report on Elm House": a body)
    if token.lower_ in word_set("rater_nouns") or plain(token.text) in inspectorates() \
            or token.ent_type_ == "ORG" and any(plain(e.text) in inspectorates() for e in token.doc.ents if e.start <= token.i < e.end):
        return False
    if token.ent_type_ == "PERSON":
        # "it" never stands for a person: a name the model calls a person is a body unless the
        # article treats it as one somewhere (an honorific, a role, a "said")
        return not _is_person(token) and not _person_elsewhere(token)
    return not _is_person(token)


def _person_elsewhere(token, speech: bool = True) -> bool:
    """A PERSON name whose last word the article gives a person's marks at any mention: an
    honorific or role before it, a role in apposition, (`speech`) a speech verb it is the subject of."""
    doc = token.doc
    name = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if name is None:
        return False
    if any(c.dep_ == "appos" and kind_of(c.text) != "other" for c in name.root.children):
        return False  # "Wispfield, a four-bed children's home"
    last = name[-1].lower_
    speech_verbs = word_set("speech_verbs")
    for e in doc.ents:
        if e.label_ != "PERSON" or e[-1].lower_ != last:
            continue
        root = e.root
        if _is_person(root) or speech and (root.dep_ == "nsubj" and root.head.lower_ in speech_verbs
                                           or e.end < len(doc) and doc[e.end].lower_ in speech_verbs):
            return True
    return False


def _service_of_rating_noun(ent: Span) -> str | None:
    """"awarded a good rating for its adult social care services": the service a rating noun is
    for (a judged thing: services, care ...; not an aspect such as "for safety")."""
    noun = ent.root.head
    if ent.root.dep_ not in ("amod", "compound", "nummod") or noun.lower_ not in word_set("rating_nouns"):
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            objects = [c for c in prep.children if c.dep_ == "pobj" and c.lower_ in word_set("judged_subjects")
                       and c.lower_ not in aspect_words()]
            if objects:
                return _noun_phrase(objects[0], exclude=ent)
    return None


def _rated_compound(ent: Span) -> str | None:
    """"an outstanding-rated school": the noun the compound modifies; "Fernhill Infants, an
    outstanding-rated school": the name that noun is in apposition to."""
    doc = ent.doc
    i = ent.end
    while i < min(len(doc), ent.end + 2) and doc[i].tag_ == "HYPH":
        i += 1
    if i >= len(doc) or doc[i].lower_ not in {"rated", "-rated"} or doc[i].dep_ not in ("amod", "compound") \
            or doc[i].head.pos_ not in ("NOUN", "PROPN") or doc[i].head.i <= i:
        return None
    noun = doc[i].head
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        noun = noun.head
    return _noun_phrase(noun, exclude=ent)


def _antecedent(subject):
    """A relative pronoun's noun: "Wrenford County Council, which was rated outstanding" is
    about the council; "the school, which was judged ..." about the school."""
    if subject.lower_ in {"which", "that", "who"} and subject.head.dep_ == "relcl":
        return subject.head.head
    if subject.lower_ in {"it", "they"} and subject.head.dep_ == "advcl":
        # "Children's services in Hartsmere are still not improving ..., after they were rated
        # inadequate": the pronoun of a subordinate clause is the main clause's subject
        main = [c for c in subject.head.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
        if main:
            return main[0]
    return subject


def _object_before(ent: Span) -> str | None:
    """What an active rating verb rates, by word order: the words between the verb and the rating
    ("Ofsted rates the trust requires improvement", "Inspectors judged the council inadequate",
    "rated its services for care leavers requires improvement"); after an earlier rating in the
    same run, the part after its "and" ("... requires improvement overall and its children's
    services requires improvement"). The parser often reads these as two clauses, so the parse's
    own subject would be the rater."""
    doc, sent = ent.doc, ent.sent
    verbs = judging_verbs()
    verb = next((i for i in range(ent.start - 1, max(sent.start, ent.start - 16) - 1, -1)
                 if doc[i].lower_ in verbs and doc[i].pos_ in ("VERB", "NOUN", "AUX")), None)
    if verb is None:
        return None
    gap = list(doc[verb + 1:ent.start])
    for n in range(len(gap) - 1, -1, -1):  # after an earlier rating of the run: the part after "and"
        if gap[n].ent_type_ == "RATING":
            rest = gap[n + 1:]
            first = n
            while first > 0 and (gap[first - 1].ent_type_ == "RATING" or gap[first - 1].is_quote):
                first -= 1
            if first > 0 and gap[first - 1].lower_ == "from" and all(t.lower_ == "to" or t.is_quote for t in rest):
                gap = gap[:first - 1]  # "downgraded the school from good to inadequate": the same words
                break
            joint = next((m for m, t in enumerate(rest) if t.lower_ in {"and", ","}), None)
            if joint is None:
                return None
            gap = rest[joint + 1:]
            break
    for n in range(1, len(gap)):
        # "gave the school an outstanding rating", "gave the trust its first good rating": the words
        # before the rating's own determiner; "downgraded the school from outstanding": before "from"
        if (gap[n].pos_ == "DET" or gap[n].tag_ == "PRP$" or gap[n].lower_ == "from") and gap[n - 1].pos_ in ("NOUN", "PROPN"):
            gap = gap[:n]
            break
    for n in range(1, len(gap)):
        nxt = next((t for t in gap[n + 1:] if t.pos_ in ("NOUN", "PROPN", "NUM")), None)
        if gap[n].lower_ in {"at", "in"} and nxt is not None and _is_occasion(nxt):
            gap = gap[:n]  # "rated the school at its last inspection good": when, not which body
            break
    edge = word_set("determiners") | word_set("possessive_determiners")
    while gap and (gap[-1].lower_ in {"as", "to", "be", "all", "from", "up", "down"} or gap[-1].lower_ in edge
                   or gap[-1].is_punct or gap[-1].is_quote or len(gap) > 1 and gap[-1].pos_ == "ADV"):
        gap.pop()  # "led the school to a good rating"; "... good, but its services only adequate"
    while gap and (gap[0].lower_ in {"the", "a", "an"} or gap[0].pos_ == "CCONJ" or gap[0].is_punct
                   or len(gap) > 1 and gap[0].lower_ in word_set("partitive_quantifiers") and gap[0].pos_ != "NOUN"):
        gap.pop(0)  # "rated both Elm Nursery and Oak Pre-School good"
    if not gap or len(gap) > 12 or not any(t.pos_ in ("NOUN", "PROPN") for t in gap) \
            or any(t.pos_ == "AUX" or t.pos_ == "VERB" and not _gerund_modifier(t)
                   or t.is_punct and t.text not in {"'", "’"} and not (t.text == "-" and not t.whitespace_)
                   for t in gap):
        return None
    if gap[-1].lower_ in word_set("rating_nouns") or gap[-1].lower_ in word_set("rater_nouns") or gap[0].lower_ in word_set("first_person_words"):
        return None  # "we judge our current position to be inadequate": the speaker's body, said before
    return "".join(t.text_with_ws for t in gap).strip() or None


def _gerund_modifier(token) -> bool:
    """"safeguarding services": an -ing word right before the noun it names a kind of."""
    return token.tag_ == "VBG" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "NOUN" \
        and token.i > 0 and token.doc[token.i - 1].pos_ not in ("NOUN", "PROPN", "PRON")


def _noun_phrase(head, exclude: Span) -> str | None:
    """The noun phrase around `head`: its left modifiers and a short "for/in/of" complement,
    without determiners, punctuation or the rating itself."""
    doc = head.doc
    counted = _partitive(head)
    if counted is not None:
        members = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if members is not None and not (exclude.start <= members.i < exclude.end):
            # "Two of the trust's schools, Kilnworth Academy and Saxby Road Primary Academy, were judged
            # inadequate": the count's members named in apposition
            return _names_as_written(members, exclude)
        if counted is head:
            return None
        found = _noun_phrase(counted, exclude)  # "seven of them": the academies counted
        return _with_place_of_share(found, head, counted, exclude) if found else None
    body = _generic_head_body(head, exclude)
    if body is not None:
        return _noun_phrase(body, exclude)  # "Care at Thorn House was found to be good" (RS2)
    start = min([t.i for t in head.lefts if t.dep_ not in {"punct", "cc"}] + [head.i])
    start = min(start, min((t.i for t in doc[start:head.i + 1].subtree), default=start))
    while head.dep_ in ("nsubj", "nsubjpass") and start > head.sent.start and doc[start - 1].dep_ == head.dep_ \
            and doc[start - 1].head.i == head.head.i:
        start = min(t.i for t in doc[start - 1].subtree)  # a subject split by the parse (_split_subject_head)
    end = head.i + 1
    while end < len(doc) and doc[end].head.i == head.i and doc[end].pos_ == "NOUN" and not doc[end].is_punct \
            and doc[end].dep_ in ("advmod", "npadvmod", "compound", "dep") and not (exclude.start <= end < exclude.end):
        end += 1  # "Ashby Lodge care home", its last word read as the first's modifier
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and not (exclude.start <= end + 1 < exclude.end):
        end += 2  # "Elm Pre-School" read as "Pre" with "School" elsewhere
    for child in head.rights:
        if child.i < end:
            continue
        if child.dep_ == "prep" and child.lower_ in {"in", "at"} and any(
                g.dep_ == "pobj" and _is_occasion(g) for g in child.children):
            break  # "rated the school at its last inspection good", "the home in June": when, not which body
        if child.dep_ == "prep" and (child.lower_ in {"for", "in", "of", "at"}
                                     or child.lower_ == "as" and [t.lower_ for t in child.subtree][-1:] == ["whole"]):
            sub = list(child.subtree)  # "Services for children in care and care leavers"
            comma = next((k for k, t in enumerate(sub) if t.is_punct and t.text != "-"), None)
            if comma is not None:
                sub = sub[:comma]  # "Acute wards at the Centre, run by the trust, ...": up to the comma
            if sub and len(sub) <= 10 and not any(exclude.start <= t.i < exclude.end for t in sub):
                end = sub[-1].i + 1
                if comma is not None:
                    break
            else:
                break
        elif child.dep_ == "conj" and head.pos_ in ("PROPN", "NOUN") and child.pos_ in ("PROPN", "NOUN") and child.i > end \
                and any(t.dep_ == "cc" and end <= t.i < child.i for t in head.rights):
            sub = list(child.subtree)  # "both Elm Nursery and Oak Pre-School" (RS13), "help and protection of children"
            if len(sub) <= 6 and not any(exclude.start <= t.i < exclude.end for t in sub):
                end = sub[-1].i + 1
            break
        elif child.dep_ == "acl" and doc[child.i - 1].is_punct:
            break  # "Homecare Plus, based in Ashby, ...": a parenthesis, outside the subject (RS4)
        elif child.dep_ == "acl" and child.tag_ == "VBN" and not 0 < exclude.start - child.i <= 2:  # not "trust rated 'good'"
            sub = list(child.subtree)  # "Children's services run by Kestrel Vale City Council", "the support given to care leavers"
            if len(sub) <= 8 and not any(exclude.start <= t.i < exclude.end for t in sub):
                end = sub[-1].i + 1
            break
        elif child.dep_ not in ("punct", "cc"):
            break
    other = next((k for k in range(head.i + 1, end) if doc[k].ent_type_ == "RATING"), None)
    if other is not None:
        end = other  # "rated the home inadequate for safe, and requires improvement for ...": not the other rating
    if head.lower_ in word_set("rating_nouns"):
        return _rating_noun_owner(head, exclude)  # "the school's rating", "the rating for the trust"
    if head.pos_ in {"PRON", "NUM"} or head.like_num or head.ent_type_ == "DATE":
        return None  # "it", "2014": nothing the reader can use
    if head.lower_ in word_set("rater_nouns") or plain(head.text) in inspectorates():
        return None  # "Inspectors judged ...", "Ofsted's report ... rates": the rater, not the rated
    speakers = [c for c in head.children if c.dep_ == "poss" and c.lower_ in {"our", "my"}]
    if speakers and not _may_be_rated(head.lower_):
        return None  # "our aim is to be rated good": the speaker's body, said before ("our maternity services": a service)
    # "My old surgery in Thorpe was rated outstanding": a kind of body of the speaker's own, written out
    # (RS1: without the possessive)
    named = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG", "FAC")]
    if named and (_may_be_rated(head.lower_) or _may_be_rated(head.lemma_.lower())):
        # "The council's other residential home, Larkspur Lodge, ... remains rated": the body's name
        # ("two other homes owned by the company, Fernhill Lodge and The Willows, were rated good": both)
        return _names_as_written(named[0], exclude)
    if named and named[0].ent_type_ == "PERSON":
        return None  # "Her predecessor, Kevin Rowley, retired ... after the council was rated": a person is never rated
    words = [t for t in doc[start:end] if not (t.dep_ == "det" and t.head.i == head.i) and t not in speakers and (t.dep_ != "punct" or t.tag_ == "HYPH")
             and not t.is_space and not (exclude.start <= t.i < exclude.end) and not t.is_quote
             and not (t.i < head.i and t.lower_ in word_set("rating_nouns"))]  # "the outstanding-rated school"
    owner = next((c for c in head.children if c.dep_ == "poss" and c not in speakers
                  and any(t.lower_ in word_set("first_person_words") for t in c.subtree)), None)
    if owner is not None and kind_of(head.lower_) != "other":
        # "My daughter's nursery was judged outstanding": a kind of body reached through the speaker's
        # own people is that body, without the possessive chain (RS1, as "my old surgery")
        chain = {t.i for t in owner.subtree}
        words = [t for t in words if t.i not in chain]
    compound = [k for k, t in enumerate(words) if t.i < head.i and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in {"rated", "-rated"}
                or t.i < head.i and t.lower_ in {"rated", "-rated"}]
    if compound:
        words = words[compound[-1] + 1:]  # "the previously outstanding-rated Elm School": the words after the compound
    while words and (words[0].tag_ == "HYPH" or words[0].lower_ in word_set("determiners")
                     or words[0].dep_ == "nummod" and words[0].head.i == head.i and len(words) > 1):
        words.pop(0)  # "the council's children's services" (D19: without determiners), "nine academies"
    while words and words[-1].tag_ == "HYPH":
        words.pop()
    if not words or len(words) > 16 or words[0].lower_ in word_set("first_person_words"):
        return None  # "we judge our current position to be inadequate": the speaker's body, said before
    while len(words) > 1 and (words[0].lower_ in word_set("possessive_determiners") and words[0].dep_ == "poss"
                              or words[0].lower_ in word_set("partitive_quantifiers") and words[0].pos_ != "NOUN"):
        words.pop(0)  # "its schools", "both the nursery and the pre-school" (RS1)
    text = _joined(words)
    if words[0].lower_ == "whose" and len(words) > 1:
        # "Elmford Council, whose children's services were rated inadequate": the council's services
        clause = next((t for t in head.ancestors if t.dep_ == "relcl"), None)
        owner = _noun_phrase(clause.head, exclude) if clause is not None and clause.head.pos_ in ("NOUN", "PROPN") else None
        mark = "'" if owner and owner.endswith("s") else "'s"  # "councils' children's services"
        text = f"{owner}{mark} {_joined(words[1:])}" if owner else _joined(words[1:])
    return text or None


def _partitive(head):
    """"seven of them": the plural noun before it in the sentence that names a kind of body ("The
    trust, which runs nine academies, said seven of them ..."), or the head itself when none does;
    "all of its schools": the plural noun; None when `head` is no partitive."""
    if not _is_count(head):
        return None
    objects = _of_objects(head)
    if not objects:
        objects = _fronted_of_objects(head)  # "Of the eleven agencies in the borough, none is rated outstanding"
    if not objects:
        objects = _earlier_partitive_objects(head)  # "Eleven of its homes are rated good and one is rated outstanding"
    if not objects:
        return None
    if objects[0].pos_ in ("NOUN", "PROPN") and objects[0].tag_ in ("NNS", "NNPS"):
        return objects[0]  # "all of its schools"
    if objects[0].pos_ != "PRON":
        return None
    for t in reversed(head.doc[head.sent.start:head.i]):
        if t.tag_ in ("NNS", "NNPS") and (t.lower_ in word_set("judged_subjects") or kind_of(t.lemma_) != "other"):
            return t
    return head  # "many of them" counting nothing rated: no subject


def _names_as_written(name, exclude: Span) -> str:
    """A name in apposition and the names coordinated with it, as written (RS13: "Elm House and Oak
    Lodge"): from the start of the first name's entity (or its own first word) to the last name; no
    clause hung on a name ("Elm Academy, which opened in 2010")."""
    doc = name.doc
    ent = next((e for e in doc.ents if e.start <= name.i < e.end), None)
    start = ent.start if ent is not None else min([t.i for t in name.lefts if t.dep_ == "compound"] + [name.i])
    end = ent.end if ent is not None else name.i + 1
    others = [c for c in name.conjuncts if c.i > name.i and c.pos_ == "PROPN" and not (exclude.start <= c.i < exclude.end)]
    if others:
        end = others[-1].i + 1
    return doc[start:end].text


def _is_count(token) -> bool:
    """"seven", "none", "most", "majority": a word that can head a partitive."""
    return token.like_num or token.lower_ in word_set("partitive_quantifiers")


def _of_objects(token) -> list:
    """"seven of the homes": the objects of the token's own "of"."""
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _fronted_of_objects(head) -> list:
    """"Of the 20 schools inspected, 12 were rated good": the objects of an "of" that opens the
    head's sentence (after a conjunction at most), wherever the parse hung it; the partitive counts
    them (RS14)."""
    words = [t for t in head.sent if not t.is_punct]
    if words and words[0].dep_ == "cc":
        words = words[1:]  # "But of the ..."
    if not words or words[0].lower_ != "of" or words[0].i >= head.i:
        return []
    objects = [g for g in words[0].children if g.dep_ == "pobj"]
    if objects:
        return objects
    # "of the care homes visited, three ...", "of" read as a clause's mark: the plural noun before the comma
    doc = head.doc
    for t in doc[words[0].i + 1:head.i]:
        if t.is_punct:
            break
        if t.tag_ in ("NNS", "NNPS") and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("NOUN", "PROPN")):
            return [t]
    return []


def _earlier_partitive_objects(head) -> list:
    """"Eleven of its homes are rated good and one is rated outstanding": a count with no "of" of its
    own counts what the nearest partitive before it in its sentence counts (plural nouns only)."""
    for t in reversed(head.doc[head.sent.start:head.i]):
        if _is_count(t):
            objects = [g for g in _of_objects(t) if g.tag_ in ("NNS", "NNPS")]
            if objects:
                return objects
    return []


def _with_place_of_share(found: str, share, counted, exclude: Span) -> str:
    """"the majority of homes in the borough": the parse hangs "in the borough" on "majority", yet it
    says which homes (RA8: the place is part of a described subject); a short in/at phrase of the
    share after the counted noun joins the counted noun's phrase."""
    after = max(t.i for t in counted.subtree)
    for prep in share.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at") and prep.i > after:
            words = list(prep.subtree)
            if len(words) <= 6 and not any(exclude.start <= t.i < exclude.end for t in words) \
                    and not any(t.is_punct for t in words):
                return f"{found} {share.doc[words[0].i:words[-1].i + 1].text}"
            break
    return found


def _generic_head_body(head, exclude: Span):
    """"care at X", "standards of care at X", "provision at X": the body X after the generic head (RS2)."""
    if head.lower_ not in word_set("generic_rated_heads"):
        return None
    if any(c.dep_ == "compound" and c.i < head.i for c in head.children):
        return None  # "urgent and emergency care at X", "maternity care at X": a named service, kept whole (RS2);
        # an adjective names none ("overall care at X", "good care at X" rate X)
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"at", "of"}:
            for pobj in child.children:
                if pobj.dep_ != "pobj" or exclude.start <= pobj.i < exclude.end:
                    continue
                if pobj.lower_ in word_set("generic_rated_heads"):
                    return _generic_head_body(pobj, exclude)
                if pobj.pos_ == "PROPN" or kind_of(pobj.text) != "other":
                    return pobj
    return None


def _joined(words: list) -> str:
    """Tokens as the text writes them, one space where a left-out token stood ("home, run by"
    without its comma is "home run by")."""
    out = []
    for k, t in enumerate(words):
        out.append(t.text)
        if k + 1 < len(words):
            out.append(t.whitespace_ if words[k + 1].i == t.i + 1 else " ")
    return "".join(out).strip()


def _rating_noun_owner(noun, exclude: Span) -> str | None:
    """What a rating noun is the rating of: its possessor ("the school's rating was downgraded")
    or its for/of/on/at complement ("the rating for Elmfield Academy has dropped"); never a
    pronoun ("its rating"), a rater ("Ofsted's rating"), or the rating itself ("a rating of good")."""
    for child in noun.children:
        if child.dep_ == "acl" and child.lower_ in judging_verbs():  # "the inadequate rating given to X in 2020"
            for prep in child.children:
                if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
                    objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
                    found = _noun_phrase(objects[0], exclude) if objects else None
                    if found:
                        return found
        if child.dep_ == "poss" and child.pos_ in ("NOUN", "PROPN"):
            found = _noun_phrase(child, exclude)
            if found:
                return found
        elif child.dep_ == "prep" and child.lower_ in {"for", "of", "on", "at"}:
            objects = [c for c in child.children if c.dep_ == "pobj" and not (exclude.start <= c.i < exclude.end)
                       and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in word_set("rating_nouns")]
            found = _noun_phrase(objects[0], exclude) if objects else None
            if found:
                return found
    return None


def _rated_by(article: "Article", sent: Span) -> str | None:
    for ent in article.entities:
        if ent.label_ == "ORG" and sent.start <= ent.start < sent.end and plain(ent.text) in inspectorates():
            return ent.text
    return None
