"""Where articles are processed: in this process or in a pool of workers, in batches, each worker
loading the pipeline once. Any failure of one article becomes its `rejected` row."""
from __future__ import annotations

import logging
import os
import traceback

from ..about import __version__
from ..extract.metadata import ArticleMetadata
from ..extract.process import process_article, process_articles
from ..nlp.build import get_pipeline
from ..schema import empty_rows

log = logging.getLogger(__name__)

_WORKER_MODEL: str | None = None


def _init_worker(model: str) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = model
    get_pipeline(model)  # load once per worker


def safe_process(item: tuple[str, bytes, ArticleMetadata | None], model: str | None = None,
                 version: str = __version__) -> dict[str, list[dict]]:
    """process_article, with any unexpected failure turned into a `rejected` row: one bad article
    never stops the run."""
    path, data, metadata = item
    try:
        return process_article(path, data, metadata, get_pipeline(model or _WORKER_MODEL), version)
    except Exception as exc:  # noqa: BLE001 - the run must go on; the row says what happened
        rows = empty_rows()
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        rows["rejected"].append({"source_path": path, "reason": "error", "detail": last})
        log.warning("%s: %s", path, last)
        return rows


def safe_process_batch(items: list[tuple[str, bytes, ArticleMetadata | None]], model: str | None = None,
                       version: str = __version__) -> list[dict[str, list[dict]]]:
    """process_articles on a batch; if the batch fails, each article alone, so that only the
    article at fault becomes a `rejected` row."""
    try:
        return process_articles(items, get_pipeline(model or _WORKER_MODEL), version)
    except Exception:  # noqa: BLE001 - find the culprit one by one
        return [safe_process(item, model, version) for item in items]


def _worker_task(items, version):
    return safe_process_batch(items, None, version)


#: Articles per batch: one `nlp.pipe` call and one memory zone; a worker task.
BATCH_ARTICLES = 16


#: Below this many articles to process, starting workers (each loads the model, about a second)
#: costs more than it saves.
MIN_ARTICLES_PER_WORKER = 25


def available_cores() -> int:
    """Cores this process may use (a container's or taskset's limit, not the machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def default_workers(todo: int) -> int:
    """One worker per core (at most 8), but only as many as there is work for."""
    return max(1, min(8, available_cores(), todo // MIN_ARTICLES_PER_WORKER))
