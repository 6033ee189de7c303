"""The per-article work: one pure function from (path, bytes, metadata) to table rows.

Nothing here reads files, writes files or touches shared state, so it runs unchanged in a worker
process or on a cluster node; the caller passes the bytes and collects the rows. Rows are plain
dicts (picklable), never spaCy objects.
"""
from __future__ import annotations

import json
import re
import time

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from ..about import __version__
from ..dates.order import date_order_of_locale
from ..dates.span import add_date_spans
from ..ids import content_id
from ..io.inputs import RejectedInput, decode_file, input_format
from ..nlp.build import get_pipeline
from ..schema import article_tables, empty_rows, validate_rows
from ..structure import analyse
from ..structure.html import NoArticle, read_html
from .article import Article
from .budget import ArticleTimeout, time_budget, time_limit, timeout_detail
from .metadata import ArticleMetadata
from .organizations import resolve_organizations
from .quotes import quote_rows
from .relations import extract_relations


def process_article(source_path: str, data: bytes, metadata: ArticleMetadata | None = None,
                    nlp: Language | None = None, pipeline_version: str = __version__) -> dict[str, list[dict]]:
    """All rows one article contributes. A bad article yields one `rejected` row instead."""
    return process_articles([(source_path, data, metadata)], nlp, pipeline_version)[0]


def process_articles(items: list[tuple[str, bytes, ArticleMetadata | None]], nlp: Language | None = None,
                     pipeline_version: str = __version__, budget: bool = False) -> list[dict[str, list[dict]]]:
    """The rows of each article, in order: `process_article` for a batch at once.

    A batch goes through `nlp.pipe` (the statistical components work faster on batches) inside one
    `memory_zone`, so words new to the vocabulary are added once per batch rather than once per
    article, and freed when the batch is done. With `budget`, each article's own work after the
    model runs within its time budget (pipeline/extract/budget.py) and an article over it gets a
    `timeout` row instead of its rows (the caller bounds the model's part, which is batched)."""
    prepared = [_prepare(*item) for item in items]
    for p, (_, data, _) in zip(prepared, items):
        p["n_bytes"] = len(data)
    nlp = nlp or get_pipeline()
    with nlp.memory_zone():
        tokenized = []
        for p in prepared:
            if "body" in p:
                doc = nlp.make_doc(model_text(p["body"]))  # tokenizing is cheap; the model is not
                if len(doc) > MAX_MODEL_TOKENS:
                    p["rows"] = empty_rows()
                    p["rows"]["rejected"].append({
                        "source_path": p["source_path"], "reason": "oversized",
                        "detail": f"the body is {len(doc)} tokens, over the limit of {MAX_MODEL_TOKENS} the "
                                  "model processes within the time budget"})
                    del p["body"]
                else:
                    tokenized.append(doc)
        docs = nlp.pipe(tokenized)
        total_tokens, model_seconds = sum(len(d) for d in tokenized) or 1, None
        for p in prepared:
            if "body" in p:
                started = time.perf_counter()
                doc = next(docs)  # the first one runs the model over the whole batch
                if model_seconds is None:
                    model_seconds = time.perf_counter() - started
                if not budget:
                    p["rows"] = checked(p["source_path"], _article_rows(p, doc, pipeline_version))
                    continue
                # what is left of the article's budget after its share of the model's time
                share = model_seconds * len(doc) / total_tokens
                seconds = max(time_budget(p["n_bytes"]) - share, 0.1 * time_budget(p["n_bytes"]))
                try:
                    with time_limit(seconds):
                        p["rows"] = checked(p["source_path"], _article_rows(p, doc, pipeline_version))
                except ArticleTimeout:
                    p["rows"] = empty_rows()
                    p["rows"]["rejected"].append({"source_path": p["source_path"], "reason": "timeout",
                                                  "detail": timeout_detail(time_budget(p["n_bytes"]), p["n_bytes"])})
    return [p["rows"] for p in prepared]


def checked(source_path: str, rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The rows if they fit the schema (pipeline/schema.py), else one `invalid_rows` rejection that
    names the first problem: a bad row rejects its article, never the run."""
    problems = validate_rows(rows, article_tables())
    if not problems:
        return rows
    rejected = empty_rows()
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    rejected["rejected"].append({"source_path": source_path, "reason": "invalid_rows", "detail": problems[0] + more})
    return rejected


def prepare_document(source_path: str, data: bytes, metadata: ArticleMetadata | None = None) -> dict:
    """What the per-article function decides before any NLP: the document's `text` and `structure`
    (body span, title, publication date ...), or `rows` holding its `rejected` row. The documents
    row's structure fields are exactly these (pipeline/eval/external/aeb.py scores them)."""
    return _prepare(source_path, data, metadata)


def _prepare(source_path: str, data: bytes, metadata: ArticleMetadata | None) -> dict:
    """Decode and find the structure; a refused input gets its `rejected` row here.

    A text page is the document's text as it is, its structure found in its lines; an HTML page's
    document text is the article trafilatura finds in it (headline and body), so offsets index that
    text. Either way the document id is the hash of the decoded file (pipeline/run/plan.py)."""
    rows = empty_rows()
    try:
        decoded = decode_file(data)
        kind = (metadata.extra.get("input_format") if metadata and metadata.extra else None) or input_format(source_path)
        if kind == "html":  # a file's suffix says, or a shard's record (its `html` field)
            try:
                page = read_html(decoded.text, url=metadata.url if metadata else None)
            except NoArticle as exc:
                raise RejectedInput("no_article", str(exc)) from None
            text, structure = page.text, page.structure
        else:
            text, structure = decoded.text, analyse(decoded.text)
        if structure.body_end - structure.body_start > MAX_BODY_CHARS:
            raise RejectedInput("oversized", f"the body is {structure.body_end - structure.body_start} "
                                             f"characters, over the model's limit of {MAX_BODY_CHARS}")
    except RejectedInput as exc:
        rows["rejected"].append({"source_path": source_path, "reason": exc.reason, "detail": exc.detail})
        return {"rows": rows}
    published_source = ("html" if structure.input_format == "html" else "dateline") if structure.published else None
    date_order = date_order_of_locale(getattr(structure, "language", None))  # the page's lang / og:locale
    if metadata:
        date_order = metadata.date_order or date_order
        if metadata.published:
            structure.published, published_source = metadata.published, "metadata"
            # the page's clock time and zone went with the page's date, not the sidecar's
            structure.published_time = structure.published_zone = structure.published_utc_offset = None
        structure.title = metadata.title or structure.title
        structure.publisher = metadata.publisher or structure.publisher
        structure.url = metadata.url or structure.url
        structure.author = metadata.author or structure.author
        structure.language = metadata.language or structure.language
    return {"source_path": source_path, "text": text, "doc_id": content_id(decoded.text), "structure": structure,
            "published_source": published_source, "date_order": date_order,
            "body": text[structure.body_start:structure.body_end], "warnings": list(decoded.warnings) or None,
            "extra": json.dumps(metadata.extra, sort_keys=True, ensure_ascii=False, default=str)
            if metadata and metadata.extra else None}



#: The longest body given to the model: spaCy's own `max_length` (its parser and NER need about a
#: gigabyte per 100,000 characters beyond it). A longer body is rejected as `oversized`.
MAX_BODY_CHARS = 1_000_000

#: The most tokens a body may have: the statistical model takes time linear in tokens but slow
#: (about a second per 1,000 tokens on a busy 2-core machine), so this keeps any one article within
#: the time budget. Prose has about one token per 5 characters: this is about 150 KB of prose; a
#: page of 50,000 one-letter lines (100 KB, 100,000 tokens) is over it.
MAX_MODEL_TOKENS = 30_000

#: A run of more than this many punctuation marks (no letters, digits or spaces: "!!!!", "-----",
#: "“““") is no text. spaCy splits it into one token per mark, and takes time quadratic in its
#: length (40,000 "!" take minutes): the model sees its first and last mark with spaces between.
MAX_PUNCTUATION_RUN = 50
#: A run of more than this many characters without whitespace is no word, URL or number either
#: (base64, noise); the tokenizer is quadratic on it too: the model sees a space every this many.
MAX_CHUNK_CHARS = 200
_PUNCTUATION_RUN = re.compile(r"[^\w\s]{%d,}" % (MAX_PUNCTUATION_RUN + 1))
_LONG_CHUNK = re.compile(r"\S{%d,}" % (MAX_CHUNK_CHARS + 1))


def model_text(body: str) -> str:
    """The body as the model sees it: identical but for the runs above, whose characters are
    partly replaced by spaces. Its length stays that of the body, so every offset into the Doc is an
    offset into the body; mention, date and quote texts are sliced from the body, never the Doc."""
    if _LONG_CHUNK.search(body) is None and _PUNCTUATION_RUN.search(body) is None:
        return body
    body = _PUNCTUATION_RUN.sub(lambda m: m.group()[0] + " " * (len(m.group()) - 2) + m.group()[-1], body)
    return _LONG_CHUNK.sub(_split_chunk, body)


def _split_chunk(match: re.Match) -> str:
    chunk = list(match.group())
    for i in range(MAX_CHUNK_CHARS, len(chunk), MAX_CHUNK_CHARS + 1):
        chunk[i] = " "
    return "".join(chunk)


def speakers_without_mentions(quotes: list[dict], people: list[dict], doc_id: str) -> list[dict]:
    """People rows for speakers the quote finder named where the NER found no PERSON ("..., said
    Pellow."): every quote's person_id joins the people table."""
    known, out = {p["person_id"] for p in people}, {}
    for q in quotes:
        pid = q.get("person_id")
        if pid and pid not in known and pid not in out:
            out[pid] = {"person_id": pid, "name": q["speaker"], "doc_id": doc_id, "aliases": [],
                        "honorifics": [], "n_mentions": 0}
    return list(out.values())


#: documents.input_format as the output contract names it: the file's kind, "txt" or "html".
INPUT_FORMAT_NAMES = {"text": "txt", "html": "html"}


def _article_rows(prepared: dict, doc: Doc, pipeline_version: str) -> dict[str, list[dict]]:
    rows = empty_rows()
    text, structure = prepared["text"], prepared["structure"]
    doc_id = prepared["doc_id"]  # the decoded file's hash, as the run's plan computes it
    article = Article(doc_id, text, structure, doc, date_order=prepared.get("date_order"))
    rows["mentions"] = article.mention_rows()
    rows["dates"] = article.date_rows()
    rows["people"] = article.people_rows()
    for table, table_rows in extract_relations(article).items():
        rows[table].extend(table_rows)
    rows["quotes"] = quote_rows(article, rows["roles"])
    rows["people"] += speakers_without_mentions(rows["quotes"], rows["people"], doc_id)
    resolve_organizations(article, rows)
    add_date_spans(rows["dates"], "value")
    add_date_spans(rows["roles"], "date")
    add_date_spans(rows["ratings"], "date")
    rows["documents"].append({
        "doc_id": doc_id, "source_path": prepared["source_path"], "duplicate_paths": [],
        "title": structure.title, "publisher": structure.publisher,
        "published": structure.published, "published_text": structure.published_text,
        "published_source": prepared["published_source"],
        "published_time": structure.published_time, "published_utc_offset": structure.published_utc_offset,
        "author": structure.author, "url": structure.url, "input_format": INPUT_FORMAT_NAMES[structure.input_format],
        "language": structure.language,
        "text": text, "body_start": structure.body_start, "body_end": structure.body_end,
        "n_tokens": len(doc) - int(doc.to_array(IS_SPACE).sum()) if len(doc) else 0,
        "pipeline_version": pipeline_version,
        "warnings": prepared["warnings"], "extra": prepared["extra"],
    })
    return rows
