"""The per-article work: one pure function from (path, bytes, metadata) to table rows.

Nothing here reads files, writes files or touches shared state, so it runs unchanged in a worker
process or on a cluster node; the caller passes the bytes and collects the rows. Rows are plain
dicts (picklable), never spaCy objects.
"""
from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from ..about import __version__
from ..ids import content_id
from ..io.inputs import RejectedInput, decode, input_format
from ..nlp.build import get_pipeline
from ..schema import empty_rows
from ..structure import analyse
from ..structure.html import NoArticle, read_html
from .article import Article
from .metadata import ArticleMetadata
from .quotes import quote_rows
from .relations import extract_relations


def process_article(source_path: str, data: bytes, metadata: ArticleMetadata | None = None,
                    nlp: Language | None = None, pipeline_version: str = __version__) -> dict[str, list[dict]]:
    """All rows one article contributes. A bad article yields one `rejected` row instead."""
    return process_articles([(source_path, data, metadata)], nlp, pipeline_version)[0]


def process_articles(items: list[tuple[str, bytes, ArticleMetadata | None]], nlp: Language | None = None,
                     pipeline_version: str = __version__) -> list[dict[str, list[dict]]]:
    """The rows of each article, in order: `process_article` for a batch at once.

    A batch goes through `nlp.pipe` (the statistical components work faster on batches) inside one
    `memory_zone`, so words new to the vocabulary are added once per batch rather than once per
    article, and freed when the batch is done."""
    prepared = [_prepare(*item) for item in items]
    nlp = nlp or get_pipeline()
    with nlp.memory_zone():
        docs = nlp.pipe(p["body"] for p in prepared if "body" in p)
        for p in prepared:
            if "body" in p:
                p["rows"] = _article_rows(p, next(docs), pipeline_version)
    return [p["rows"] for p in prepared]


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
        decoded = decode(data)
        if input_format(source_path) == "html":
            try:
                page = read_html(decoded, url=metadata.url if metadata else None)
            except NoArticle as exc:
                raise RejectedInput("no_article", str(exc)) from None
            text, structure = page.text, page.structure
        else:
            text, structure = decoded, analyse(decoded)
    except RejectedInput as exc:
        rows["rejected"].append({"source_path": source_path, "reason": exc.reason, "detail": exc.detail})
        return {"rows": rows}
    published_source = ("html" if structure.input_format == "html" else "dateline") if structure.published else None
    if metadata:
        if metadata.published:
            structure.published, published_source = metadata.published, "metadata"
        structure.title = metadata.title or structure.title
        structure.publisher = metadata.publisher or structure.publisher
        structure.url = metadata.url or structure.url
        structure.author = metadata.author or structure.author
        structure.language = metadata.language or structure.language
    return {"source_path": source_path, "text": text, "doc_id": content_id(decoded), "structure": structure,
            "published_source": published_source, "body": text[structure.body_start:structure.body_end]}


def _article_rows(prepared: dict, doc: Doc, pipeline_version: str) -> dict[str, list[dict]]:
    rows = empty_rows()
    text, structure = prepared["text"], prepared["structure"]
    doc_id = prepared["doc_id"]
    article = Article(doc_id, text, structure, doc)
    rows["mentions"] = article.mention_rows()
    rows["dates"] = article.date_rows()
    rows["people"] = article.people_rows()
    for table, table_rows in extract_relations(article).items():
        rows[table].extend(table_rows)
    rows["quotes"] = quote_rows(article, rows["roles"])
    rows["documents"].append({
        "doc_id": doc_id, "source_path": prepared["source_path"], "duplicate_paths": [],
        "title": structure.title, "publisher": structure.publisher,
        "published": structure.published, "published_text": structure.published_text,
        "published_source": prepared["published_source"],
        "author": structure.author, "url": structure.url, "input_format": structure.input_format,
        "language": structure.language,
        "text": text, "body_start": structure.body_start, "body_end": structure.body_end,
        "n_tokens": len(doc) - int(doc.to_array(IS_SPACE).sum()) if len(doc) else 0,
        "pipeline_version": pipeline_version,
    })
    return rows
