"""Clean the entity spans that the domain ruler and the statistical NER produced.

The small English model makes typical mistakes on this text: inspectorates as PERSON, capitalised
sentence starts as PERSON, ages ("seven-year-old") and programme names ("the Today programme") as
DATE, honorifics and possessive endings inside names. Rating words ("good", "inadequate") are
candidates from the ruler and only become RATING mentions in a judging context. Each rule is a
small function; word lists come from patterns/lexicon through `initialize` (the config names them).

Every kept span carries its source in `Span.id_`: the ruler's pattern id, "model:ner", or
"rule:<name>" for spans this component creates.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import numpy
import srsly
from spacy.attrs import IS_SPACE, LOWER, ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...dates.words import written_years
from ...lexicon import word_set, words
from .paragraphs import doc_lines, list_entry_name

MODEL_SOURCE = "model:ner"

# Dependency labels used by the rating-context rule.
MODIFIER_DEPS = {"amod", "compound", "nmod"}
#: doc.spans key of the candidates the cleaning rules dropped, each with `<source>+dropped:<rule>` as id.
DROPPED_SPANS = "dropped_mentions"


@Language.factory("mention_rules")
def make_mention_rules(nlp: Language, name: str):
    return MentionRules(name)


class MentionRules:
    def __init__(self, name: str):
        self.name = name
        self.vocabulary: dict = {}
        self._word_sets: dict[str, frozenset] = {}

    # -- set-up and serialization -------------------------------------------------------------
    def initialize(self, get_examples=None, *, nlp=None, vocabulary: dict | None = None):
        self.vocabulary = dict(vocabulary or {})
        # quote marks come from the one lexicon list of pairs (patterns/lexicon/quote_marks.json)
        pairs = [entry.split(" ", 1) for entry in words("quote_marks")]
        self.vocabulary.setdefault("quote_marks_open", [o for o, _ in pairs])
        self.vocabulary.setdefault("quote_marks_close", sorted({c for _, c in pairs}))
        self._word_sets = {}

    # serialization, as spaCy's own rulers do it: msgpack for bytes, JSON files on disk
    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.msgpack_dumps({"vocabulary": self.vocabulary})

    def from_bytes(self, bytes_data: bytes, *, exclude=tuple()) -> "MentionRules":
        self.vocabulary = dict(srsly.msgpack_loads(bytes_data)["vocabulary"])
        self._word_sets = {}
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "vocabulary.json", self.vocabulary)

    def from_disk(self, path, *, exclude=tuple()) -> "MentionRules":
        self.vocabulary = srsly.read_json(Path(path) / "vocabulary.json")
        self._word_sets = {}
        return self

    def words(self, key: str) -> frozenset[str]:
        """A vocabulary list as a lower-cased set, built once (rules ask per token)."""
        found = self._word_sets.get(key)
        if found is None:
            found = self._word_sets[key] = frozenset(w.lower() for w in self.vocabulary.get(key, []))
        return found

    # -- the component ------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        kept, dropped = [], []
        for ent in self.date_pieces(doc):
            source = ent.id_ or MODEL_SOURCE
            span, steps = self.clean(ent)
            if span is None:
                dropped.append(Span(doc, ent.start, ent.end, label=ent.label_, span_id=f"{source}+dropped:{steps[-1]}"))
                continue
            kept.append(Span(doc, span.start, span.end, label=span.label_,
                             span_id=source + "".join(f"+rule:{step}" for step in steps)))
            if span.label_ == "ROLE" and span.end < ent.end:
                stop = span.end
                while stop < ent.end and self._is_name(doc[stop:stop + 1], 1):
                    stop += 1
                if self._is_name(doc[span.end:stop]):
                    # "secretary of state Conrad Pell": the title's pattern ran over the name after it
                    kept.append(Span(doc, span.end, stop, label="PERSON", span_id="rule:name_after_title"))
        kept += self.acronym_mentions(doc, kept)
        kept += self.signature_names(doc, kept)
        kept = self.names_beside_titles(doc, kept)
        kept, relabelled = self.name_recurrences(doc, kept)
        dropped += relabelled
        kept, not_orgs = self.org_evidence(doc, kept)
        dropped += not_orgs
        kept += self.titles_before_names(doc, kept)
        kept, unsupported = self.unsupported_people(doc, kept)
        dropped += unsupported
        kept, unnamed = self.unnamed_spokespeople(doc, kept)
        dropped += unnamed
        final = filter_spans(kept)
        chosen = {(e.start, e.end, e.label_) for e in final}
        dropped += [Span(doc, e.start, e.end, label=e.label_, span_id=f"{e.id_}+dropped:overlap")
                    for e in kept if (e.start, e.end, e.label_) not in chosen]
        doc.ents = final
        doc.spans[DROPPED_SPANS] = sorted(dropped, key=lambda e: (e.start, e.end))
        return doc

    # -- dates and times the NER split or joined ---------------------------------------------
    def date_pieces(self, doc: Doc) -> list[Span]:
        """The entities with dates put right: a clock time or part of day next to a date joins it
        ("10 p.m. Wednesday", "Thursday evening": rule:date_time); a part of day said of today or
        yesterday is a DATE ("this morning", "last night": rule:part_of_day); a DATE running over
        "ended"/"through" is two dates ("the quarter ended Sept. 30", "today through Nov. 17":
        rule:date_split)."""
        ents = list(doc.ents)
        out: list[Span] = []
        i = 0
        while i < len(ents):
            ent = ents[i]
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            if nxt is not None and nxt.start == ent.end and {ent.label_, nxt.label_} == {"DATE", "TIME"} \
                    and self._is_day_time(ent if ent.label_ == "TIME" else nxt):
                out.append(Span(doc, ent.start, nxt.end, label="DATE", span_id="rule:date_time"))
                i += 2
                continue
            if ent.label_ == "TIME" and self._is_part_of_day(ent):
                out.append(Span(doc, ent.start, ent.end, label="DATE", span_id="rule:part_of_day"))
            elif ent.label_ == "DATE":
                out.extend(self._split_date(ent))
            else:
                out.append(ent)
            i += 1
        return out

    def _is_day_time(self, span: Span) -> bool:
        """A clock time or a part of day: "10 p.m.", "noon", "evening", "5 p.m. EST"."""
        t = span.text.lower()
        return bool(t.split()[-1] in self._parts_of_day() or re.match(r"^(?:about |around )?\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?", t)
                    or t in self._clock_words())

    def _is_part_of_day(self, span: Span) -> bool:
        t = span.text
        return t[:1].islower() and bool(re.match(
            r"^(?:(?:early|late|later|earlier)\s+)?(?:(?:this|last|yesterday|tomorrow)\s+(?:" + "|".join(self._parts_of_day())
            + r")|tonight|overnight)$", t))  # "at night" names no day

    def _clock_words(self) -> frozenset[str]:
        return frozenset(e.split("=")[0] for e in words("clock_words"))

    def _parts_of_day(self) -> frozenset[str]:
        return frozenset(e.split("=")[0] for e in words("parts_of_day"))

    def _split_date(self, ent: Span) -> list[Span]:
        breaks = word_set("date_span_breaks")
        cut = next((t.i for t in ent if t.lower_ in breaks and ent.start < t.i < ent.end - 1), None)
        if cut is None:
            return [ent]
        doc = ent.doc
        return [Span(doc, ent.start, cut, label="DATE", span_id="rule:date_split"),
                Span(doc, cut + 1, ent.end, label="DATE", span_id="rule:date_split")]

    #: The cleaning rule of each label; a label not named here passes unchanged.
    CLEANERS = {"PERSON": "clean_person", "ORG": "clean_org", "DATE": "clean_date", "ROLE": "clean_role",
                "RATING": "rating_context"}

    def clean(self, ent: Span) -> tuple[Span | None, list[str]]:
        """The cleaned span (None: dropped) and the rules that changed or dropped it, in order."""
        span = _cut_at_newline(ent)
        if span is None:
            return None, ["cut_at_newline"]
        steps = ["cut_at_newline"] if span.end != ent.end else []
        rule = self.CLEANERS.get(span.label_)
        if rule is None:
            return span, steps  # other model labels (GPE, NORP ...) stay; rows ignore them
        cleaned = getattr(self, rule)(span)
        if cleaned is None:
            return None, steps + [rule]
        if (cleaned.start, cleaned.end, cleaned.label_) != (span.start, span.end, span.label_):
            steps.append(rule)
        return cleaned, steps

    def rating_context(self, span: Span) -> Span | None:
        return span if self.is_rating_context(span) else None

    def clean_person(self, span: Span) -> Span | None:
        doc = span.doc
        start, end = span.start, span.end
        while start < end - 1 and (doc[start]._.is_honorific or doc[start].text == "." or self.is_title_word(doc[start])):
            start += 1  # D6: the honorific is not part of the name; D47: nor is a title ("Sen.", "General")
        if start == end - 1 and doc[start]._.is_honorific:
            start += 1
        end = self._strip_possessive(doc, start, end)
        if start >= end:
            return None
        span = doc[start:end]
        if span.text.lower() in self.words("inspectorates"):
            return Span(doc, start, end, label="ORG")  # "Ofsted" is no person
        if span[-1].lower_ in self.words("organisation_words") and not span[-1].is_upper:
            return None  # "Department", "Citizen Watch Foundation": a body's name, not a person's
        if not all(t.text[:1].isupper() or t.is_punct or t.lower_ in self.words("name_particles")
                   for t in span):
            return None  # names are capitalised; "seven-year-old" is not one
        if len(span) == 1 and span[0].is_sent_start and span[0].pos_ != "PROPN":
            return None  # a capitalised sentence start ("Responding", "Inspectors")
        return Span(doc, start, end, label="PERSON")

    def clean_org(self, span: Span) -> Span | None:
        doc = span.doc
        start, end = span.start, span.end
        while start < end and doc[start].lower_ in self.words("determiners"):
            start += 1
        end = self._strip_possessive(doc, start, end)
        if start >= end:
            return None
        span = doc[start:end]
        text = span.text.lower()
        if text in self.words("not_organisations") or text in self.words("political_parties"):
            return None
        if any(t.lower_ in self.words("political_parties") for t in span) and len(span) <= 3 \
                and span[-1].lower_ not in self.words("organisation_words"):
            return None  # "Conservative-Liberal Democrat" coalitions are parties, not bodies
        if not span.text[:1].isupper():
            return None  # "city council department" is a description, not a name
        if self.is_non_organisation_name(span):
            return None  # "Republican Party", "Freedom Act", "Westhaven Air Show", "the Statehouse", "National Socialism"
        if self.is_place_name(span) or self.is_place_after_in(span):
            return None  # "Benghazi", "New York State", "in Velkata": a place is no body (D33, D48)
        if self.looks_like_person(span):
            return Span(doc, start, end, label="PERSON")
        return Span(doc, start, end, label="ORG")

    def is_non_organisation_name(self, span: Span) -> bool:
        """A capitalised name whose head makes it a party, law, event, building, ideology or religion
        (patterns/lexicon/org_non_name_heads.json): the head is the word before an "of/for"
        complement, else the last word; a law's "Act" counts as the last word too."""
        words = [t for t in span if not t.is_punct]
        if not words:
            return False
        head = words[-1]
        for t in words[1:]:
            if t.lower_ in {"of", "for", "on"}:
                head = t.doc[t.i - 1]
                break
        heads = word_set("org_non_name_heads")
        return head.lower_ in heads or words[-1].lower_ in heads

    @staticmethod
    def is_place_name(span: Span) -> bool:
        """The whole name is a place of the gazetteer (patterns/lexicon/places.json), or a place and
        "State" ("New York State"); a product written with "+" ("Streamly+") is no body either; a
        name holding a modal verb is a headline's words ("X Would Put Y On Court")."""
        if span.text.endswith("+") or any(t.tag_ == "MD" for t in span):
            return True
        name = _fold(span.text)
        places = word_set("places")
        return name in places or (name.endswith(" state") and name[:-6] in places)

    def is_place_after_in(self, span: Span) -> bool:
        """One title-case word right after "in" or "near", no organisation word after it ("the fuel
        facility in Senkata"): a place. Acronyms and inspectorates stay ("in CQC's report")."""
        doc = span.doc
        if len(span) != 1 or span.start == 0 or not span[0].is_title or span[0].lower_ in self.words("inspectorates"):
            return False
        after = doc[span.end] if span.end < len(doc) else None
        return doc[span.start - 1].lower_ in {"in", "near"} and not (
            after is not None and (after.lower_ in self.words("organisation_words") or after.lower_ in {"'s", "’s"}))

    def org_evidence(self, doc: Doc, kept: list[Span]) -> tuple[list[Span], list[Span]]:
        """What the whole article says about its ORG candidates (each rule linear in the spans):

        - org_person_name: an ORG written as a person of the article is that person ("Brandt" where
          "Roland Brandt" is a PERSON, D54) — a PERSON span's text or the family name of a full name;
        - wire_credit: "(Wire) —", "CAPITAL CITY (Wire) —" is furniture (D55), as is a handle ("@wire");
        - non_org_acronym: an acronym introduced in brackets after a law, a title or an event
          ("Freedom of Information Act (FOIA)", "Attorney General (NYAG)", D51) names no body;
        - org_same_name: a name the article tags ORG once is an ORG wherever it is written again, and
          "the Chronicle" after "Harbour City Chronicle" is that paper (D35, D52) — over spans the
          model gave a non-person label (GPE, PRODUCT, FAC ...) or none.
        Returns the spans to keep and the ORG spans dropped (with their rule)."""
        kept = self._titled_org_names(doc, kept)
        kept = self._named_by_kind(doc, kept)
        people, family, org_count, org_first = Counter(), set(), Counter(), set()
        for s in kept:
            if s.label_ == "PERSON" and "rule:clean_org" not in s.id_:
                people[s.text] += 1
                if 2 <= len(s) <= 3 and all(t.is_title and t.is_alpha for t in s):
                    family.add(s[-1].text)
            elif s.label_ == "ORG":
                org_count[s.text] += 1
                if len(s) >= 2:
                    org_first.add(s[0].text)  # "Fenwold" of "Fenwold Council" is a place, no family name
        family -= org_first
        non_org = self._non_org_acronyms(doc, kept)
        out, dropped = [], []
        for s in kept:
            if s.label_ != "ORG":
                out.append(s)
                continue
            source = s.id_ or MODEL_SOURCE
            if (people[s.text] > org_count[s.text] and s.text not in org_first) or (len(s) == 1 and s.text in family):
                out.append(Span(doc, s.start, s.end, label="PERSON", span_id=f"{source}+rule:org_person_name"))
            elif s.text.startswith("@") or self._is_wire_credit(s):
                dropped.append(Span(doc, s.start, s.end, label="ORG", span_id=f"{source}+dropped:wire_credit"))
            elif s.text in non_org:
                dropped.append(Span(doc, s.start, s.end, label="ORG", span_id=f"{source}+dropped:non_org_acronym"))
            else:
                out.append(s)
        return self._same_name_orgs(doc, out, {i for s in dropped for i in range(s.start, s.end)}), dropped

    def _titled_org_names(self, doc: Doc, kept: list[Span]) -> list[Span]:
        """"executive chair Mateo Clary": two or three title-case words, no organisation word,
        right after a title (a ROLE span) are the title's holder, a PERSON."""
        ends = {s.end for s in kept if s.label_ == "ROLE"}
        out = []
        for s in kept:
            words = [t for t in s if not t.is_punct]
            if s.label_ == "ORG" and s.start in ends and 2 <= len(words) <= 3 \
                    and all(t.is_title and t.is_alpha for t in words) \
                    and not any(t.lower_ in self.words("organisation_words") for t in words):
                s = Span(doc, s.start, s.end, label="PERSON", span_id=f"{s.id_ or MODEL_SOURCE}+rule:titled_org_name")
            out.append(s)
        return out

    def _named_by_kind(self, doc: Doc, kept: list[Span]) -> list[Span]:
        """"Holly Garth, the children's home on Orchard Row", "Birch Lea care home": a name the model
        took for a person, followed by a lower-case phrase whose head is an organisation kind
        (patterns/lexicon/org_kind_*.json), is that body, an ORG (+rule:named_by_kind). Not "the
        second Corrowick home" (a class of homes) nor "Jane Roe, the council's director"."""
        heads = _kind_heads()
        titled = {s.end for s in kept if s.label_ == "ROLE"}
        out = []
        for s in kept:
            if s.label_ == "PERSON" and s.start not in titled and not any(t._.is_honorific for t in doc[max(0, s.start - 1):s.end]) \
                    and not (s.end < len(doc) and doc[s.end].lower_ in self.words("possessive_endings")):
                comma = s.end < len(doc) and doc[s.end].text == ","
                i = s.end + (1 if comma else 0)
                while i < len(doc) and doc[i].lower_ in self.words("determiners"):
                    i += 1
                words = []
                while i < len(doc) and len(words) < 5 and not (doc[i].is_punct or doc[i].is_space or doc[i].pos_ in ("ADP", "VERB", "AUX", "CCONJ")):
                    words.append(doc[i])
                    i += 1
                before = doc[s.start - 1] if s.start > 0 else None
                if words and not any(w.text[:1].isupper() for w in words) and words[-1].lower_ in heads \
                        and (comma or before is None or not (before.lower_ in self.words("determiners") or before.pos_ in ("ADJ", "NUM"))):
                    s = Span(doc, s.start, s.end, label="ORG", span_id=f"{s.id_ or MODEL_SOURCE}+rule:named_by_kind")
            out.append(s)
        return out

    @staticmethod
    def _is_wire_credit(span: Span) -> bool:
        doc = span.doc
        if span.start == 0 or span.end + 1 >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
            return False
        nxt = next((t for t in doc[span.end + 1:span.end + 3] if not t.is_space), None)
        return nxt is not None and nxt.text in {"—", "–", "-", "--"}

    def _non_org_acronyms(self, doc: Doc, kept: list[Span]) -> set[str]:
        if not len(doc):
            return set()
        opening = numpy.flatnonzero(doc.to_array(ORTH) == hash_string("(")).tolist()  # only the brackets are visited
        if not opening:
            return set()
        label_at = {}
        for s in kept:
            for i in range(s.start, s.end):
                label_at[i] = s.label_
        heads = word_set("org_non_name_heads") | word_set("role_heads")
        found = set()
        for i in opening:
            if 1 <= i < len(doc) - 2 and doc[i + 2].text == ")" and _is_acronym(doc[i + 1].text):
                label = label_at.get(i - 1)
                if (label is not None and label not in {"ORG", "PERSON", "GPE"}) or doc[i - 1].lower_ in heads:
                    found.add(doc[i + 1].text)
        return found

    def _same_name_orgs(self, doc: Doc, kept: list[Span], blocked: set[int] = frozenset()) -> list[Span]:
        names: dict[str, set[tuple[str, ...]]] = {}  # first word -> the names starting with it
        tails: set[str] = set()  # last words of names, an ORG after "the" ("the Chronicle")
        generic = self.words("organisation_words") | self.words("determiners")
        for s in kept:
            if s.label_ != "ORG":
                continue
            words = tuple(t.text for t in s)
            if len(words) == 1 and (words[0].lower() in generic or not words[0][:1].isupper()):
                continue
            names.setdefault(words[0], set()).add(words)
            tail = words[-1]
            if len(words) >= 2 and tail[:1].isupper() and tail.lower() not in generic and tail.isalpha():
                tails.add(tail)
        places = {s.text for s in kept if s.label_ in {"GPE", "LOC"}} | {s[0].text for s in kept if s.label_ == "ORG" and len(s) > 1}
        for one in [k for k in names if k in places]:
            names[one] = {w for w in names[one] if len(w) > 1}  # "Brackmoor": a place the model once took for an ORG
        if not any(names.values()) and not tails:
            return kept
        # the tokens that may start a name, found on the token array: no Python step per token
        keys = numpy.array([hash_string(k) for k in set(names) | tails], dtype="uint64")
        candidates = numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), keys)).tolist()
        owner = {}
        for n, s in enumerate(kept):
            for i in range(s.start, s.end):
                owner[i] = n
        replaceable = {"PRODUCT", "FAC", "NORP", "WORK_OF_ART"}  # never a place (D33: "Elmbury" is no ORG)
        added, removed = [], set()
        for c in candidates:
            key = doc[c].text
            found = [(c, c + len(w)) for w in sorted(names.get(key, ()), key=len, reverse=True)
                     if c + len(w) <= len(doc) and tuple(x.text for x in doc[c:c + len(w)]) == w]
            if key in tails and c > 0 and doc[c - 1].lower_ == "the":
                found.append((c, c + 1))
            for start, end in found:
                hit = {owner[i] for i in range(start, end) if i in owner}
                if any(i in blocked for i in range(start, end)) or any(
                        kept[h].label_ not in replaceable or kept[h].start < start or kept[h].end > end for h in hit):
                    continue  # already an ORG, a PERSON, a ROLE ... or a longer span: left alone
                removed |= hit
                added.append(Span(doc, start, end, label="ORG", span_id="rule:org_same_name"))
                break
        if not added:
            return kept
        return [s for n, s in enumerate(kept) if n not in removed] + added

    def looks_like_person(self, span: Span) -> bool:
        """The small model sometimes tags a name ORG ("2010 (October) Jane Doe appointed ..."): two
        or three capitalised words, none an organisation word, acting as the subject of a verb
        people do (appointed, retired, said) is a person."""
        words = [t for t in span if not t.is_punct]
        if not 2 <= len(words) <= 3 or not all(t.is_title and t.is_alpha for t in words):
            return False
        if any(t.lower_ in self.words("organisation_words") for t in words):
            return False
        root = span.root
        return root.dep_ in {"nsubj", "nsubjpass"} and (
            root.head.lower_ in self.words("person_verbs") or root.head.lemma_.lower() in self.words("person_verbs"))

    def clean_date(self, span: Span) -> Span | None:
        doc = span.doc
        text = span.text.lower()
        if any(marker in text for marker in self.words("age_markers")):
            return None  # "seven-year-old" is an age
        if span.start > 0 and doc[span.start - 1].tag_ == "PRP$" and re.match(
                r"^(?:(?:early|mid|late)[\s-]*)?(?:\d0s|\w+ties)$", text):
            return None  # "in his 30s", "in her early forties" is an age
        if (span.end < len(doc) and doc[span.end].lower_ in self.words("programme_words")
                and doc[span.end].pos_ not in ("VERB", "AUX")):
            return None  # "the Today programme" is a name; "on Monday show that ..." is a date
        if any(t.shape_ in ("dddd", "ddddx") and t.text[:2] not in ("19", "20") for t in span) and not (
                len(span) == 1 and "15" <= span.text[:2] <= "18" and span.start > 0
                and doc[span.start - 1].lower_ in {"in", "until", "of", "from", "before", "after", "by"}):
            return None  # the date patterns match any four digits; 1900-2099 are years, older ones after "in 1898"
        if (len(span) == 1 and span[0].like_num and span.start > 0
                and doc[span.start - 1].lower_ in self.words("name_words_before_year")):
            return None  # "the Children and Families Act 2014" is a name
        first = span.start + (span[0].lower_ in {"the", "a", "an"} and len(span) > 1)
        before = [t.lower_ for t in doc[max(0, span.start - 2):span.start] if t.lower_ not in {"the", "a", "an"}]
        if doc[first].lower_ in {"next", "past", "last", "coming"} and before and (
                before[-1] in {"over", "within", "throughout"}
                or (before[-1] == "for" and first > 0 and doc[first - 1].lower_ == "the")) \
                and not any(t.shape_ == "dddd" or t.lower_ in {"half", "quarter"} for t in span):
            return None  # "over the next year", "for the past year" are durations; "estimate for next year" is a date
        if len(span) == 1 and span[0].lower_ in {"quarter", "half"} and span.start > 0 \
                and doc[span.start - 1].lower_ in {"a", "one", "three"}:
            return None  # "more than a quarter of the market" is a fraction
        if before[-2:] == ["this", "time"] or (before and before[-1] == "time" and span[0].lower_ == "next"):
            return None  # "this time next year" is no calendar point (D25)
        start, end = self._date_edges(span)
        if start >= end:
            return None
        after = doc[end] if end < len(doc) else None
        if after is not None and after.pos_ in ("NOUN", "PROPN", "DET", "NUM", "PRON") and (
                doc[end - 1].lower_ in {"before", "after"} or (end - start == 1 and doc[start].shape_ in ("dxx", "ddxx"))):
            return None  # "the day before the inspection" counts from an event; "the 3rd floor" is no date
        if end - start == 1 and doc[start].lower_ in self.words("date_units") and doc[start].dep_ in ("compound", "amod") \
                and doc[start].head.i >= end:
            return None  # "weekend jobs": a unit word modifying a noun is no calendar point
        if any(not self._is_date_word(t) and t.pos_ == "NOUN" for t in doc[start:end]):
            return None  # "the same concerns month after month": a noun no date is made of
        while start < end and doc[start].lower_ in {"the", "a", "an"} and not (
                end - start >= 3 and doc[start + 2].lower_ in {"ago", "earlier", "later"}):
            start += 1  # D23: no "the"; but "a year ago" keeps its count (D41)
        return Span(doc, start, end, label="DATE") if start < end else None

    def _is_date_word(self, token) -> bool:
        if re.match(r"^[a-z]+-(?:19|20)\d\d(?:s)?$", token.lower_):
            return token.lower_.split("-")[0] + "-" in self.words("date_words")  # "mid-2014", "mid-1990s", not "M-2014"
        return (token.lower_ in self.words("date_words") or token.like_num or token.is_punct or token.pos_ == "PROPN"
                or token.text[:1].isdigit()  # "07/02/2019", "1990s", "2016/17"
                or token.lower_ in word_set("decade_words") or token.lower_ in self._parts_of_day()
                or token.lower_ in self._clock_words() or bool(re.match(r"^[ap]\.?m\.?$", token.lower_)))

    def _date_edges(self, span: Span) -> tuple[int, int]:
        """The NER's DATE spans run over into neighbours ("episode weekly", "the new year two of
        ..."): trim both edges to words a date is made of. A spelled-out number ends no date."""
        doc, start, end = span.doc, span.start, span.end
        while start < end and (not self._is_date_word(doc[start]) or doc[start].is_punct):
            start += 1
        text = doc[start:end].text.lower()
        if written_years(text) != text and re.search(r"\d$", written_years(text)):
            return start, end  # "nineteen ninety-six": a year written out ends in number words
        while end > start and (not self._is_date_word(doc[end - 1])
                               or doc[end - 1].is_punct and not (doc[end - 1].text == ")" and "(" in doc[start:end].text)
                               or (doc[end - 1].like_num and not doc[end - 1].text[:1].isdigit()
                                   and end - start > 1)):
            end -= 1
        return start, end

    def clean_role(self, span: Span) -> Span | None:
        doc = span.doc
        end = span.end
        while end > span.start and (doc[end - 1].pos_ in {"CCONJ", "ADP", "PART", "DET", "PUNCT"}
                                    or doc[end - 1].lower_ in {"'s", "’s"}):
            end -= 1
        complement = next((i for i in range(span.start + 1, end) if doc[i].lower_ in {"of", "for"}), None)
        if complement is not None:
            for i in range(complement + 2, end):
                if doc[i].text[:1].isupper() and doc[i - 1].is_lower and doc[i - 1].pos_ in ("NOUN", "ADJ", "PROPN"):
                    end = i  # "secretary of state Conrad Pell": the name after the title is no part of it
                    break
        start = span.start
        for i in range(span.start + 1, end - 1):
            if doc[i].lower_ in {"of", "for", "at"}:
                break  # after the head: "Director of Children's Services" keeps its complement
            # "the CQC's chief inspector": a possessive organisation is not part of the title (D9);
            # "children's minister" and "Children's Minister" keep a population's possessive
            if (doc[i].lower_ in {"'s", "’s"} and doc[i - 1].text[:1].isupper()
                    and doc[i - 1].lower_ not in self.words("population_possessives")):
                start = i + 1
        while start < end and (doc[start].lower_ in self.words("role_qualifiers")
                               or doc[start].lower_ in self.words("political_parties")):
            start += 1
        start = self.after_name_premodifiers(doc, start, end)
        return Span(doc, start, end, label="ROLE") if start < end else None

    def after_name_premodifiers(self, doc: Doc, start: int, end: int) -> int:
        """D48: a name in front of a title (a place, force, party or body: "Texas Governor", "FBI
        Director", "Citizen Watch president", "state GOP chair") is outside the ROLE span; it is the
        role's organisation. Portfolio and common-noun modifiers stay ("Defence Secretary", "Police
        Chief", "Majority Leader", D9). The head is the first word of a head list, else the last word;
        a name word before it is an acronym, an organisation word, or a capitalised word no title
        list knows. Everything up to the last name word goes."""
        heads = self.words("role_heads") | self.words("role_heads_of_organisation") | self.words("role_heads_without_complement")
        limit = next((i for i in range(start + 1, end) if doc[i].lower_ in {"of", "for", "to", "at"}), end)
        head = next((i for i in range(start, limit) if doc[i].lower_ in heads), limit - 1)
        keep = (self.words("role_title_modifiers") | self.words("role_premodifiers") | self.words("role_qualifiers")
                | self.words("population_possessives") | heads)
        cut = None
        for i in range(start, head):
            t = doc[i]
            if t.lower_ in keep or t.lower_ in {"'s", "’s", "-", "and", "&"}:
                continue
            if t.is_sent_start and t.pos_ != "PROPN" and not t.is_upper:
                continue  # "Committee chairman" at a sentence start: capitalised by position only
            if _is_acronym(t.text) or (len(t.text) > 2 and "." in t.text and t.text.replace(".", "").isupper()) \
                    or t.text[:1].isupper():
                cut = i
        if cut is None or (doc[head].lower_ not in heads and doc[head].lower_ != "general"):
            return start  # "U.S. Attorney": what would be left is no title by itself
        return cut + 1

    def names_beside_titles(self, doc: Doc, kept: list[Span]) -> list[Span]:
        """Two PERSON spans side by side are one name ("Judge Elias" + "G. Sorley": rule:joined_name);
        a two- or three-word ORG right after a title, with no organisation word, is the title's
        holder ("executive chair Mateo Clary": rule:name_after_role)."""
        kept = sorted(kept, key=lambda s: (s.start, s.end))
        out: list[Span] = []
        for span in kept:
            prev = out[-1] if out else None
            if prev is not None and span.label_ == "PERSON" and prev.label_ == "PERSON" and prev.end == span.start \
                    and "\n" not in prev[-1].whitespace_:
                out[-1] = Span(doc, prev.start, span.end, label="PERSON", span_id="rule:joined_name")
                continue
            if prev is not None and span.label_ == "ORG" and prev.label_ == "ROLE" and prev.end == span.start \
                    and self._is_name(span) and all(t.is_title for t in span) \
                    and not any(t.lower_ in self.words("organisation_words") for t in span):
                out.append(Span(doc, span.start, span.end, label="PERSON", span_id=f"{span.id_ or MODEL_SOURCE}+rule:name_after_role"))
                continue
            out.append(span)
        return out

    def unsupported_people(self, doc: Doc, kept: list[Span]) -> tuple[list[Span], list[Span]]:
        """Names against the evidence (rule `dropped:no_evidence`): a PERSON written in capitals
        ("NORTH FALLS", a dateline); a PERSON after "the" that is no modifier ("The Chronicle says":
        "the Threlkeld campaign" stays); a one-word PERSON with nothing for it — no full name in the
        article ending in it, no honorific or title before it, not the subject of a person's verb —
        that sits after a preposition or modifies a noun ("across Twitter", "the 737 Max jet")."""
        persons = [s for s in kept if s.label_ == "PERSON"]
        if not persons:
            return kept, []
        families = {s[-1].text for s in persons if len(s) >= 2}
        role_ends = {s.end for s in kept if s.label_ == "ROLE"}
        verbs = self.words("person_verbs")
        supported = set(families)  # evidence anywhere in the article backs every mention of the name
        for span in persons:
            prev = doc[span.start - 1] if span.start else None
            root = span.root
            if span.start in role_ends or (prev is not None and (prev._.is_honorific or self.is_title_word(prev))) or (
                    root.dep_ in ("nsubj", "nsubjpass") and (root.head.lower_ in verbs or root.head.lemma_.lower() in verbs)):
                supported.add(span.text)
        drop = set()
        for span in persons:
            prev = doc[span.start - 1] if span.start else None
            if all(t.is_upper or not t.is_alpha for t in span) and any(len(t.text) > 1 and t.is_alpha for t in span):
                drop.add(span.start)
                continue
            if prev is not None and prev.lower_ == "the" and span.root.dep_ not in ("compound", "nmod", "amod", "poss"):
                drop.add(span.start)
                continue
            if len(span) > 1 or span.text in supported:
                continue
            root = span.root
            if (root.dep_ == "pobj" and root.head.lower_ in self.words("place_prepositions")) or (
                    root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.is_lower):
                drop.add(span.start)
        if not drop:
            return kept, []
        gone = [Span(doc, s.start, s.end, label="PERSON", span_id=f"{s.id_ or MODEL_SOURCE}+dropped:no_evidence")
                for s in persons if s.start in drop]
        return [s for s in kept if not (s.label_ == "PERSON" and s.start in drop)], gone

    def unnamed_spokespeople(self, doc: Doc, kept: list[Span]) -> tuple[list[Span], list[Span]]:
        """D36/D50: a spokesperson is a ROLE only beside a name ("Kira Lane, a spokeswoman for ...",
        "Taliban spokesman Zaid Amani"); "a council spokesperson said" names nobody and is dropped.
        Beside: a PERSON right after (a comma between at most), or before with a comma and at most
        two more words between ("X, a spokeswoman", "X, the party's spokesman")."""
        heads = self.words("role_heads_without_complement")
        persons = [s for s in kept if s.label_ == "PERSON"]
        keep, drop = [], []
        for span in kept:
            if span.label_ == "ROLE" and span[-1].lower_ in heads and not any(
                    (0 <= p.start - span.end <= 1 and all(t.text == "," for t in doc[span.end:p.start]))
                    or (0 < span.start - p.end <= 4 and doc[p.end].text in {",", "("}) for p in persons):
                drop.append(Span(doc, span.start, span.end, label="ROLE",
                                 span_id=f"{span.id_ or MODEL_SOURCE}+dropped:unnamed_spokesperson"))
            else:
                keep.append(span)
        return keep, drop

    @staticmethod
    def _is_name(span: Span, shortest: int = 2) -> bool:
        """Two to four capitalised words or initials ("Conrad L. Pell")."""
        return shortest <= len(span) <= 4 and all(t.text[:1].isupper() and (t.is_alpha or (len(t.text) == 2 and t.text[1] == "."))
                                           for t in span)

    def is_title_word(self, token) -> bool:
        """A capitalised office title, abbreviation or rank written before names (D47)."""
        return token.text[:1].isupper() and token.lower_ in self.title_forms()

    def title_forms(self) -> frozenset[str]:
        found = self._word_sets.get("#title_forms")
        if found is None:
            found = self._word_sets["#title_forms"] = frozenset(e.split("=")[0].lower() for e in words("titles_before_names"))
        return found

    def titles_before_names(self, doc: Doc, kept: list[Span]) -> list[Span]:
        """D47: "Sen. Mara Ortell", "Lt. Gov. Eli Hobart", "Judge Sorley", "General Max Millar",
        "Detective Inspector Jane Roe": capitalised titles right before a PERSON are a ROLE
        (rule:title_before_name), when no span holds them yet."""
        taken = {i for span in kept for i in range(span.start, span.end)}
        out = []
        for span in kept:
            if span.label_ != "PERSON":
                continue
            i = span.start - 1
            first = None
            while i >= 0 and i not in taken:
                t = doc[i]
                if self.is_title_word(t):
                    first = i
                elif not (t.text == "." and i > 0 and self.is_title_word(doc[i - 1])):
                    break
                i -= 1
            if first is not None:
                out.append(Span(doc, first, span.start, label="ROLE", span_id="rule:title_before_name"))
                taken.update(range(first, span.start))
        # a name the model missed after such a title: "Rep. Tad Rokeby and ..." (rule:name_after_title_word)
        forms = self.title_forms()
        wanted = {doc.vocab.strings.add(f) for f in forms}
        lowers = doc.to_array(LOWER).tolist() if len(doc) else []
        for i in [i for i, h in enumerate(lowers) if h in wanted]:  # only the title words, read from an array
            token = doc[i]
            if token.i in taken or not self.is_title_word(token):
                continue
            start = token.i + 1
            if start < len(doc) and doc[start].text == "." and "." not in token.text:
                start += 1
            stop, n_words = start, 0
            while stop < len(doc) and n_words < 3 and stop not in taken and doc[stop].is_title and doc[stop].is_alpha \
                    and doc[stop].lower_ not in forms and doc[stop].lower_ not in self.words("organisation_words"):
                stop, n_words = self._hyphen_joined(doc, stop + 1), n_words + 1
            if n_words >= 2 and not (stop < len(doc) and doc[stop].is_title and doc[stop].is_alpha):
                out.append(Span(doc, token.i, start, label="ROLE", span_id="rule:title_before_name"))
                out.append(Span(doc, start, stop, label="PERSON", span_id="rule:name_after_title_word"))
                taken.update(range(token.i, stop))
        return out

    @staticmethod
    def _hyphen_joined(doc: Doc, i: int) -> int:
        """Past the hyphenated parts of the word ending before `i` ("Bo-kwan", "Tolley-Marchamp"):
        a hyphen written with no space either side, then a word."""
        while i + 1 < len(doc) and doc[i].text in ("-", "‐") and not doc[i - 1].whitespace_ \
                and not doc[i].whitespace_ and doc[i + 1].is_alpha:
            i += 2
        return i

    def is_rating_context(self, span: Span) -> bool:
        """A rating word is a RATING only where it states a judgement: in quote marks, before a
        rating noun, or under a judging verb. "good quality", "not good enough" are not."""
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        quoted = (before is not None and before.text in self.vocabulary.get("quote_marks_open", [])
                  and after is not None and after.text in self.vocabulary.get("quote_marks_close", []))
        nxt = [t for t in doc[span.end:span.end + 3] if not (t.is_quote or t.text in {"-", "–"})]
        if nxt and nxt[0].lower_ in self.words("rating_nouns"):
            return True
        if nxt and nxt[0].lower_ in self.words("rating_blockers_after") and not quoted:
            return False
        if list_entry_name(span) is not None:
            return True  # "Ashwent: three stars (two stars)": a list of bodies and their grades
        head = span.root
        if head.dep_ in MODIFIER_DEPS and span[-1].lower_ in {"star", "stars"} and (
                head.head.lower_ in self.words("organisation_words") or head.head.lower_ in self.words("judged_subjects")):
            return True  # "a three-star council", "a zero-star trust": the body's grade (RC1, like "-rated")
        if head.dep_ in MODIFIER_DEPS and head.head.lower_ not in self.words("rating_nouns") and not quoted:
            return False  # "inadequate practice": describes practice, judges nothing
        if quoted:
            return True
        if "improvement" in span.text.lower():
            return True  # "requires improvement" is the grade's name, wherever it stands
        verbs = self.words("rating_verbs")
        window = doc[max(span.sent.start, span.start - 10):span.start]
        blind = self.words("window_blind_rating_verbs")
        if any(t.lower_ in verbs and t.lower_ not in blind for t in window) and not any(t.text in {";", ":"} for t in window):
            return True  # "Ofsted rates children's services inadequate": the parser often misreads headlines
        token, steps = head, 0
        while token.head is not token and steps < 4:
            token, steps = token.head, steps + 1
            if token.lemma_.lower() in verbs or token.lower_ in verbs:
                return True  # "rated inadequate", "found to be inadequate", "judged ... as inadequate"
            if token.pos_ in {"NOUN", "PROPN"} and token.dep_ not in {"pobj"}:
                break
        if head.dep_ == "acomp" and head.head.lemma_ == "be":
            subjects = [c for c in head.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            # "Leadership and governance arrangements are inadequate": a judged area as subject
            return any(s.lower_ in self.words("judged_subjects") or s.lemma_.lower() in self.words("judged_subjects")
                       for s in subjects)
        return False

    def acronym_mentions(self, doc: Doc, kept: list[Span]) -> list[Span]:
        """ "Elmbury Children's Trust (BCT)": the acronym names the same body everywhere."""
        acronyms = set()
        for span in kept:
            if span.label_ == "ORG" and span.end + 2 < len(doc) and doc[span.end].text == "(" \
                    and doc[span.end + 2].text == ")" and _is_acronym(doc[span.end + 1].text):
                acronyms.add(doc[span.end + 1].text)
        if not acronyms:
            return []
        taken = {i for span in kept for i in range(span.start, span.end)}
        return [Span(doc, i, i + 1, label="ORG", span_id="rule:acronym")
                for i in _tokens_written(doc, acronyms) if i not in taken]

    def signature_names(self, doc: Doc, kept: list[Span]) -> list[Span]:
        """A line holding only a capitalised name right after a closing quote mark signs a
        statement ("...sustained improvement.”" / "Carla Thorne"): it is a PERSON."""
        taken = {i for span in kept for i in range(span.start, span.end)}
        out = []
        closers = set(self.vocabulary.get("quote_marks_close", []))
        lines = doc_lines(doc)
        space = doc.to_array(IS_SPACE).tolist() if lines else []
        for line in lines:
            first, last = line.start, line.end - 1  # the line's first and last non-space tokens
            while first <= last and space[first]:
                first += 1
            if first > last or first == 0:
                continue
            while space[last]:
                last -= 1
            prev = first - 1  # the last non-space token before the line
            while prev >= 0 and space[prev]:
                prev -= 1
            if prev < 0 or doc[prev].text not in closers:
                continue
            start = first + (1 if doc[first]._.is_honorific else 0)
            name = doc[start:last + 1]
            if 2 <= len(name) <= 4 and all(t.text[:1].isupper() and t.is_alpha for t in name) \
                    and not any(t.i in taken and t.ent_type_ == "PERSON" for t in name):
                out.append(Span(doc, name.start, name.end, label="PERSON", span_id="rule:signature_line"))
        return out

    def name_recurrences(self, doc: Doc, kept: list[Span]) -> tuple[list[Span], list[Span]]:
        """A person named in full ("Aldo Naumov") is the same person when the family name comes back
        alone ("Naumov said", "Naumov's"), wherever the model put it: untagged, or a one-word ORG,
        GPE or WORK_OF_ART (rule:name_recurrence). The full name must be a PERSON of two or more
        capitalised words; the recurring word must be capitalised as written and not the start of a
        longer name of something else ("Threlkeld Foundation" is an ORG span of its own and stays).
        Returns the new entity list and the one-word spans it replaced (kept as dropped)."""
        families: set[str] = set()
        for span in kept:
            if span.label_ == "PERSON" and len(span) >= 2:
                last = span[-1]
                if last.is_alpha and last.text[:1].isupper() and not last.is_upper and len(last.text) > 1:
                    families.add(last.text)
        # "Fenwold" of "Fenwold Council" is a place: no family name, though "Ann Fenwold" is named
        families -= {span[0].text for span in kept if span.label_ in self.PLACE_OR_BODY and len(span) > 1}
        if not families:
            return kept, []
        by_start = {span.start: span for span in kept}
        covered = {i for span in kept for i in range(span.start, span.end)}
        replaced, added = set(), []
        for i in _tokens_written(doc, families):
            token = doc[i]
            span = by_start.get(token.i)
            if span is not None and span.label_ == "PERSON":
                continue
            if span is not None and (len(span) > 1 or span.label_ not in self.RECURRENCE_RELABELS):
                continue  # "Threlkeld Foundation", a ROLE or a DATE keep their span
            if span is None and token.i in covered:
                continue  # inside a longer span of something else
            prev = doc[token.i - 1] if token.i else None
            if prev is not None and prev.is_alpha and prev.text[:1].isupper() and not prev._.is_honorific \
                    and not self.is_title_word(prev) and prev.i not in covered:
                continue  # "Fernhill Lodge": the end of a longer name of something else
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ in self.words("organisation_words"):
                continue  # "Wexley Foundation": a body named after the person
            if span is not None:
                replaced.add((span.start, span.end, span.label_))
            added.append(Span(doc, token.i, token.i + 1, label="PERSON", span_id="rule:name_recurrence"))
        if not added:
            return kept, []
        dropped = [Span(doc, s.start, s.end, label=s.label_, span_id=f"{s.id_ or MODEL_SOURCE}+dropped:name_recurrence")
                   for s in kept if (s.start, s.end, s.label_) in replaced]
        return [s for s in kept if (s.start, s.end, s.label_) not in replaced] + added, dropped

    #: Labels of a longer name whose first word is a place or a body's name, never a family name.
    PLACE_OR_BODY = frozenset({"ORG", "GPE", "FAC", "LOC"})
    #: One-word entity labels the model gives to a person's recurring family name.
    RECURRENCE_RELABELS = frozenset({"ORG", "GPE", "NORP", "WORK_OF_ART", "PRODUCT", "LOC", "FAC", "EVENT", "LAW"})

    def _strip_possessive(self, doc: Doc, start: int, end: int) -> int:
        while end > start and doc[end - 1].lower_ in self.words("possessive_endings"):
            end -= 1
        return end


_KIND_LISTS = ("org_kind_care_home", "org_kind_school", "org_kind_hospital", "org_kind_trust", "org_kind_council",
               "org_kind_police_force", "org_kind_charity", "org_kind_company", "org_kind_government_department",
               "org_kind_regulator")


def _kind_heads() -> frozenset[str]:
    """The last words of the organisation kinds' head phrases ("home" of "children's home")."""
    return frozenset(entry.split()[-1] for name in _KIND_LISTS for entry in word_set(name))


def _tokens_written(doc: Doc, texts: set[str]) -> list[int]:
    """The indices of the tokens written as one of `texts`, from the Doc's ORTH array (a Python
    test per token cost more than the rules that use the answer)."""
    if not len(doc):
        return []
    wanted = numpy.array([hash_string(text) for text in texts], dtype=numpy.uint64)
    return numpy.flatnonzero(numpy.isin(doc.to_array(ORTH).astype(numpy.uint64), wanted)).tolist()


def _fold(text: str) -> str:
    """Lower case, accents off, one space between words: how places.json writes a name."""
    return " ".join("".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower().split())


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return text[:1].isalnum() and 2 <= len(text) <= 8 and len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1


def _cut_at_newline(span: Span) -> Span | None:
    """Entities never cross a line break: keep the part before it, as the same entity (a new Span
    with the label and id; a slice `doc[start:end]` would have neither)."""
    for token in span:
        if "\n" in token.text or ("\n" in token.whitespace_ and token.i < span.end - 1):
            end = token.i if "\n" in token.text else token.i + 1
            # a Span, not doc[start:end]: a slice has no label, and the entity would silently vanish
            return Span(span.doc, span.start, end, label=span.label, span_id=span.id) if end > span.start else None
    return span
