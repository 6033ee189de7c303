"""PolNeAR (github.com/networkdynamics/PolNeAR): direct quotes and their speakers on real 2016 US news.

`evaluate(path, split="dev")` runs every article of one split through the per-article function
(`pipeline.extract.process.process_articles`) and scores the `quotes` rows against PolNeAR's
attribution annotations (docs/evaluation.md, "PolNeAR").

- Gold direct quotes: the attributions whose content lies mostly (at least half of its non-space
  characters) inside quote marks; one attribution is one quote however many pieces or paragraphs
  its content has.
- Detection: a predicted row matches a gold quote when they overlap by at least half the shorter
  of the two; a gold quote matched by several rows (one per paragraph) counts once, and rows that
  match no gold quote are false positives.
- Attribution: a matched gold quote is right when the speaker of its rows (their most common one)
  names the gold source. PolNeAR annotates no coreference, so a pronoun source ("he said") stands
  for the nearest preceding source in the article's annotation that names someone (gender-compatible
  when an honorific tells it; "they"/"we" may also refer back to a description). A source names a
  person when it holds a PERSON mention that is its head (not a possessive, not a modifier as in
  "Brandt running mate Cal Ferris"); a predicted person is right when its family name is the family
  name of such a mention; a predicted description, when it shares a content word with the source.
- Source kinds: pronoun, named (the source holds a person or organisation name) or description.

Only the development splits (train, dev) are read; the adapter refuses any other.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ...lexicon import words

SPLITS = ("train", "dev")  # the development splits: the only ones this adapter reads
KINDS = ("named", "pronoun", "description", "none")


class HeldOutSplit(ValueError):
    pass


# -- the annotation -----------------------------------------------------------------------------

@dataclass
class Attribution:
    id: str
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)


def read_ann(text: str) -> list[Attribution]:
    """The attributions of one brat stand-off file (T lines are spans, E lines tie them together)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";") if piece.strip()]
            spans[parts[0]] = (kind, [p for p in pieces if len(p) == 2])
        elif line.startswith("E") and len(parts) >= 2:
            events.append((parts[0], dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)))
    out = []
    for eid, args in events:
        content = spans.get(args.get("Content", ""), (None, []))[1]
        if not content:
            continue
        out.append(Attribution(eid, sorted(content), sorted(spans.get(args.get("Source", ""), (None, []))[1]),
                               sorted(spans.get(args.get("Cue", ""), (None, []))[1])))
    return sorted(out, key=lambda a: a.start)


def quoted_mask(text: str) -> list[bool]:
    """Which characters lie inside quote marks, paragraph by paragraph (an unclosed quote runs to the
    end of its paragraph). Double marks, `''` pairs, guillemets, and single curly marks at word
    boundaries. Independent of the pipeline's own quote finder on purpose."""
    pairs = dict(entry.split(" ", 1) for entry in words("quote_marks"))
    longest = max(len(o) for o in pairs)
    mask = [False] * len(text)
    pos = 0
    for para in text.split("\n"):
        inside = None
        i = 0
        while i < len(para):
            tok = next((para[i:i + n] for n in range(longest, 0, -1)
                        if para[i:i + n] in pairs or para[i:i + n] == inside), para[i])
            before = para[i - 1] if i else " "
            after = para[i + len(tok)] if i + len(tok) < len(para) else " "
            if inside is None:
                # single marks open only at a word's start (not "don't", not "the '90s'" closers)
                if tok in pairs and not before.isalnum() and not after.isspace():
                    inside = pairs[tok]
            elif tok == inside and not (len(tok) == 1 and tok in "'’" and after.isalnum()):
                inside = None
            else:
                mask[pos + i] = True
            i += len(tok)
        pos += len(para) + 1
    return mask


def is_direct(att: Attribution, text: str, mask: list[bool]) -> bool:
    chars = [i for s, e in att.content for i in range(s, min(e, len(text))) if not text[i].isspace()]
    return bool(chars) and sum(mask[i] for i in chars) >= len(chars) / 2


# -- one article -------------------------------------------------------------------------------

PRONOUNS = {"he", "she", "they", "we", "i", "him", "her", "them", "us", "you", "it"}
MALE, FEMALE = {"he", "him"}, {"she", "her"}
MALE_TITLES, FEMALE_TITLES = {"mr", "mr."}, {"mrs", "mrs.", "ms", "ms.", "miss"}
STOP = {"the", "a", "an", "of", "and", "his", "her", "their", "its", "for", "to", "in", "on", "who", "that", "s"}


def _source_text(text: str, spans) -> str:
    return " ".join(text[s:e] for s, e in spans)


def _family(name: str) -> str:
    words = re.findall(r"[\w’'.-]+", name)
    return words[-1].lower().strip(".") if words else ""


_COMPLEMENT = re.compile(r",|\s(?:to|of|for|at|with|by|from|about|in|on|known as)\s")


def _head_end(text: str, s: int, e: int) -> int:
    """Where the head phrase of a source ends: before its first comma or prepositional complement
    ("a longtime adviser | to Brandt", "Mr. Mabry | of the Riverkeepers Club")."""
    m = _COMPLEMENT.search(text, s + 1, e)
    return m.start() if m else e


def _head_persons(text: str, spans, persons: list[dict]) -> list[dict]:
    """PERSON mentions that are a source's head: not "Threlkeld's …", not "Brandt running mate …", not
    inside a complement ("a longtime adviser to Brandt"), except the name an apposition gives
    ("Threlkeld's communications director, Jenna Falco")."""
    out = []
    for s, e in spans:
        head_end = _head_end(text, s, e)
        for m in persons:
            in_head = s <= m["start_char"] and m["end_char"] <= head_end
            apposed = text[s:m["start_char"]].rstrip().endswith(",") and not re.search(
                r"\s(?:to|of|for|at|with|by|from|about)\s[^,]*$", text[s:m["start_char"]])
            if s <= m["start_char"] and m["end_char"] <= e and (in_head or apposed):
                tail = text[m["end_char"]:e]
                if re.match(r"[’']s?\b", tail):
                    continue
                nxt = re.match(r"\s*([\w’'.-]+)", tail)
                if nxt and nxt.group(1)[0].islower() and nxt.group(1).lower() not in {"of", "and", "who", "from"}:
                    continue
                out.append(m)
    return out


def source_kind(text: str, spans, names: list[dict]) -> str:
    if not spans:
        return "none"
    src = _source_text(text, spans).strip()
    if src.lower() in PRONOUNS:
        return "pronoun"
    if _head_persons(text, spans, [m for m in names]):
        return "named"
    s0 = spans[0][0]
    src = text[s0:_head_end(text, s0, spans[0][1])].strip()
    words = src.split()
    if any(w[:1].isupper() for w in words[1:] if w.lower() not in STOP):
        return "named"
    first = re.sub(r"\W+$", "", words[0]) if words else ""
    if first[:1].isupper() and first.lower() not in STOP and not re.search(rf"\b{re.escape(first.lower())}\b", text):
        return "named"  # "Brandt", "Melody": capitalised and never written in lower case
    return "description"


def _gender(text: str, spans) -> str | None:
    words = {w.lower() for w in _source_text(text, spans).split()}
    return "m" if words & MALE_TITLES else "f" if words & FEMALE_TITLES else None


@dataclass
class GoldQuote:
    att: Attribution
    kind: str
    referent: list[tuple[int, int]]  # the source spans that name the speaker (a pronoun's antecedent)


def read_coreference(path: Path) -> list[list[tuple[int, int, str | None]]]:
    """CoreNLP's coreference chains shipped with PolNeAR (`<split>/corenlp/<article>.txt.xml`): per
    chain, every mention as (start, end, family name when its head is a proper noun, else None)."""
    import xml.etree.ElementTree as ET
    root = ET.parse(path).getroot()
    doc = root.find("document")
    tokens: dict[tuple[int, int], tuple[int, int, str, str]] = {}
    for sent in doc.iter("sentence"):
        if sent.find("tokens") is None:
            continue
        sid = int(sent.get("id"))
        for tok in sent.find("tokens"):
            tokens[sid, int(tok.get("id"))] = (int(tok.findtext("CharacterOffsetBegin")),
                                                int(tok.findtext("CharacterOffsetEnd")),
                                                tok.findtext("word"), tok.findtext("POS"))
    chains = []
    outer = doc.find("coreference")
    for chain in (outer if outer is not None else []):
        mentions = []
        for m in chain.iter("mention"):
            sid, start, end, head = (int(m.findtext(k)) for k in ("sentence", "start", "end", "head"))
            if (sid, start) not in tokens or (sid, end - 1) not in tokens:
                continue
            h = tokens.get((sid, head))
            family = h[2].lower() if h and h[3] in ("NNP", "NNPS") else None
            mentions.append((tokens[sid, start][0], tokens[sid, end - 1][1], family))
        chains.append(mentions)
    return chains


def _chain_names(chains, spans) -> set[str]:
    """Family names of the proper-noun mentions in the chain of a pronoun source."""
    s0, e0 = spans[0][0], spans[-1][1]
    for chain in chains:
        if any(s < e0 and s0 < e for s, e, _ in chain):
            return {f for _, _, f in chain if f}
    return set()


def indirect_contents(text: str, atts: list[Attribution]) -> list[list[tuple[int, int]]]:
    """Contents of the attributions that are not direct quotes (reported speech that may quote a few words)."""
    mask = quoted_mask(text)
    return [a.content for a in atts if not is_direct(a, text, mask)]


def gold_quotes(text: str, atts: list[Attribution], names: list[dict], chains=None) -> list[GoldQuote]:
    persons = [m for m in names if m["label"] == "PERSON"]
    mask = quoted_mask(text)
    kinds = {a.id: source_kind(text, a.source, names) for a in atts}
    out = []
    for a in atts:
        if not is_direct(a, text, mask):
            continue
        kind, referent = kinds[a.id], a.source
        if kind == "pronoun":
            chain_names = _chain_names(chains, a.source) if chains else set()
            referent = _antecedent(text, a, atts, kinds, persons, chain_names)
        out.append(GoldQuote(a, kind, referent))
    return out


def _names_someone(text: str, spans, persons: list[dict]) -> bool:
    """A source that names a person: its head is a PERSON mention, or it is a bare capitalised name."""
    if _head_persons(text, spans, persons):
        return True
    words = _source_text(text, spans).split()
    return bool(words) and len(words) <= 4 and all(w[:1].isupper() for w in words) and words[0].lower() not in STOP


def _antecedent(text: str, a: Attribution, atts: list[Attribution], kinds: dict, persons: list[dict],
                chain_names: set[str] = frozenset()) -> list:
    """The nearest preceding source that names someone compatible with the pronoun; with CoreNLP's
    coreference chain of the pronoun at hand, the nearest such source the chain also names."""
    if chain_names:
        found = _nearest_source(text, a, atts, kinds, persons)
        candidates = [b.source for b in atts if b.source and b.source[0][0] < a.source[0][0]
                      and kinds[b.id] == "named" and _source_family_names(text, b.source, persons) & chain_names]
        if candidates:
            return max(candidates, key=lambda sp: sp[0][0])
        return found
    return _nearest_source(text, a, atts, kinds, persons)


def _source_family_names(text: str, spans, persons: list[dict]) -> set[str]:
    heads = _head_persons(text, spans, persons)
    if heads:
        return {_family(m["normalized"] or m["text"]) for m in heads}
    words = [w.strip(".,’'") for w in _source_text(text, spans).split()]
    return {words[-1].lower()} if words and words[-1][:1].isupper() else set()


def _nearest_source(text: str, a: Attribution, atts: list[Attribution], kinds: dict, persons: list[dict]) -> list:
    pronoun = _source_text(text, a.source).strip().lower()
    gender = "m" if pronoun in MALE else "f" if pronoun in FEMALE else None
    allowed = {"named"} if gender or pronoun == "i" else {"named", "description"}
    at = a.source[0][0]
    before = sorted((b for b in atts if b.source and b.source[0][0] < at and kinds[b.id] in allowed),
                    key=lambda b: b.source[0][0], reverse=True)
    for b in before:
        g = _gender(text, b.source)
        if gender and g and g != gender:
            continue
        if (gender or pronoun == "i") and not _names_someone(text, b.source, persons):
            continue
        return b.source
    return []


# -- scoring -------------------------------------------------------------------------------------

def _overlap(spans, s: int, e: int) -> int:
    return sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in spans)


def match_rows(golds: list[GoldQuote], rows: list[dict]) -> tuple[dict[int, list[dict]], list[dict]]:
    """Rows per matched gold quote (by index) and the rows that match none."""
    matched: dict[int, list[dict]] = {}
    unmatched = []
    for row in rows:
        s, e = row["start_char"], row["end_char"]
        best, best_ov = None, 0
        for i, g in enumerate(golds):
            ov = _overlap(g.att.content, s, e)
            length = sum(ge - gs for gs, ge in g.att.content)
            if ov > best_ov and ov >= min(e - s, length) / 2:
                best, best_ov = i, ov
        if best is None:
            unmatched.append(row)
        else:
            matched.setdefault(best, []).append(row)
    return matched, unmatched


def speaker_of(rows: list[dict]) -> tuple[str | None, bool]:
    said = Counter((r["speaker"], r["person_id"] is not None) for r in rows if r.get("speaker"))
    if not said:
        return None, False
    top = max(said.values())
    return next(k for k in ((r["speaker"], r["person_id"] is not None) for r in rows) if said.get(k) == top)


def speaker_right(text: str, gold: GoldQuote, speaker: str | None, is_person: bool, persons: list[dict]) -> bool:
    if gold.kind == "none":
        return speaker is None
    if speaker is None or not gold.referent:
        return False
    heads = _head_persons(text, gold.referent, persons)
    if heads:
        return is_person and _family(speaker) in {_family(m["normalized"] or m["text"]) for m in heads}
    src_words = [w.strip(".,’'").lower() for w in re.findall(r"[\w’'.-]+", _source_text(text, gold.referent))]
    possessive = {w[:-2] for w in src_words if w.endswith("’s") or w.endswith("'s")}
    plain = {w for w in src_words if w not in STOP} - possessive
    if is_person:
        if _family(speaker) in plain:
            return True
        # a description ("the president") resolved to the person it describes: right when the
        # article gives that person the described title ("President Lionel Okonedo")
        head = src_words[-1] if src_words else ""
        family = re.escape(speaker.split()[-1])
        return bool(head) and gold.kind == "description" and bool(
            re.search(rf"\b{re.escape(head)}\.?\s+(?:[A-Z][\w.’'-]*\s+){{0,3}}{family}\b", text, flags=re.I))
    return bool({w.strip(".,’'").lower() for w in speaker.split()} - STOP & plain)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def score_article(text: str, atts: list[Attribution], rows: dict[str, list[dict]], tallies: dict,
                  errors: list | None = None, name: str = "", chains=None) -> None:
    mentions = rows["mentions"]
    persons = [m for m in mentions if m["label"] == "PERSON"]
    names = [m for m in mentions if m["label"] in ("PERSON", "ORG")]
    golds = gold_quotes(text, atts, names, chains)
    doc = rows["documents"][0] if rows.get("documents") else {}
    body = (doc.get("body_start", 0), doc.get("body_end", len(text)))
    tallies["outside_body"] = tallies.get("outside_body", 0) + sum(
        not (body[0] <= g.att.start < body[1]) for g in golds)
    matched, unmatched = match_rows(golds, rows["quotes"])
    # a row quoting words inside reported speech ("called it “a disgrace”") is no direct quote, but
    # no error either: it is set aside and counted (the strict figures count it as a false positive)
    indirect = indirect_contents(text, atts)
    partial = [r for r in unmatched
               if any(_overlap(c, r["start_char"], r["end_char"]) * 2 >= r["end_char"] - r["start_char"] for c in indirect)]
    tallies["partial"] += len(partial)
    unmatched = [r for r in unmatched if r not in partial]
    det, att = tallies["detection"], tallies["attribution"]
    det.tp += len(matched)
    det.fn += len(golds) - len(matched)
    det.fp += len(unmatched)
    att.fp += len(unmatched)
    for i, g in enumerate(golds):
        kind = tallies["kinds"][g.kind]
        if i not in matched:
            att.fn += 1
            kind.fn += 1
            if errors is not None:
                errors.append({"article": name, "error": "missed", "kind": g.kind, "at": g.att.start,
                               "quote": _source_text(text, g.att.content)[:120],
                               "gold": _source_text(text, g.att.source)})
            continue
        speaker, is_person = speaker_of(matched[i])
        if speaker_right(text, g, speaker, is_person, persons):
            att.tp += 1
            kind.tp += 1
        else:
            att.fp += 1
            att.fn += 1
            kind.fp += 1
            kind.fn += 1
            if errors is not None:
                errors.append({"article": name, "error": "speaker", "kind": g.kind, "at": g.att.start,
                               "quote": _source_text(text, g.att.content)[:120],
                               "gold": _source_text(text, g.att.source),
                               "referent": _source_text(text, g.referent),
                               "predicted": speaker, "rules": sorted({r.get("rule") or "" for r in matched[i]})})
    if errors is not None:
        for row in unmatched:
            errors.append({"article": name, "error": "extra", "quote": row["quote"][:120], "predicted": row["speaker"]})


# -- the run ---------------------------------------------------------------------------------------

def articles(root: Path, split: str) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs of one split; an article annotated by several annotators is read
    from the first annotation file in name order."""
    data = root / "data" if (root / "data").is_dir() else root
    text_dir, ann_dir = data / split / "text", data / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(f"{root}: no {split}/text and {split}/attributions folders (is this a PolNeAR clone?)")
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        anns.setdefault(re.sub(r"_[0-9a-f]+$", "", ann.stem), ann)
    return [(t, anns[t.stem]) for t in sorted(text_dir.glob("*.txt")) if t.stem in anns]


def evaluate(path: Path, split: str = "dev", limit: int | None = None,
             errors: bool = False, model: str | None = None, batch: int = 16, coreference: bool = False) -> dict:
    if split not in SPLITS:
        raise HeldOutSplit(f"split {split!r}: only the development splits ({', '.join(SPLITS)}) are scored")
    from ...extract.process import process_articles
    from ...nlp.build import get_pipeline

    pairs = articles(Path(path), split)[:limit]
    nlp = get_pipeline(model)
    tallies = {"detection": Tally(), "attribution": Tally(), "kinds": {k: Tally() for k in KINDS}, "partial": 0}
    error_rows: list | None = [] if errors else None
    shifted = 0
    for at in range(0, len(pairs), batch):
        chunk = pairs[at:at + batch]
        texts = [t.read_text(encoding="utf-8") for t, _ in chunk]
        results = process_articles([(t.name, text.encode("utf-8"), None) for (t, _), text in zip(chunk, texts)], nlp)
        for (t, ann), text, rows in zip(chunk, texts, results):
            if not rows["documents"] or rows["documents"][0]["text"] != text:
                shifted += 1  # decoding changed the text: offsets would not line up
                continue
            xml = t.parent.parent / "corenlp" / f"{t.name}.xml"
            chains = read_coreference(xml) if xml.is_file() and coreference else None
            score_article(text, read_ann(ann.read_text(encoding="utf-8")), rows, tallies, error_rows, t.stem, chains)
    strict = {k: Tally(tallies[k].tp, tallies[k].fp + tallies["partial"], tallies[k].fn).scores()
              for k in ("detection", "attribution")}
    result = {"split": split, "articles": len(pairs), "skipped": shifted, "partial_quotes_set_aside": tallies["partial"],
              "gold_outside_body": tallies.get("outside_body", 0),
              "strict": strict,
              "detection": tallies["detection"].scores(), "attribution": tallies["attribution"].scores(),
              "by_kind": {k: v.scores() for k, v in tallies["kinds"].items() if v.tp + v.fn}}
    if errors:
        result["errors"] = error_rows
    return result


def print_report(result: dict) -> None:
    print(f"PolNeAR {result['split']}: {result['articles']} articles"
          + (f" ({result['skipped']} skipped)" if result["skipped"] else ""))
    print(f"{'':34}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    rows = [("direct quote detection", result["detection"]), ("attribution", result["attribution"])]
    rows += [(f"attribution, {k} source", v) for k, v in result["by_kind"].items()]
    rows += [(f"strict {k}", v) for k, v in result["strict"].items()]
    for label, s in rows:
        print(f"{label:34}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}{s['tp']:6}{s['fp']:6}{s['fn']:6}")
    print(f"{result['partial_quotes_set_aside']} rows quote words inside reported speech (set aside; "
          "the strict figures count them as false positives)")
    print(f"{result['gold_outside_body']} gold quotes lie outside the body the pipeline found (headline, "
          "or after a cut); they count as misses")
