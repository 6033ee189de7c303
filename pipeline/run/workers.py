"""Where articles are processed: in this process or in a pool of workers, in batches, each worker
loading the pipeline once. Any failure of one article becomes its `rejected` row."""
from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
import time
import traceback

from ..about import __version__
from ..extract.budget import ArticleTimeout, time_budget, time_limit, timeout_detail
from ..extract.metadata import ArticleMetadata
from ..extract.process import process_article, process_articles
from ..nlp.build import get_pipeline
from ..schema import empty_rows

log = logging.getLogger(__name__)

_WORKER_MODEL: str | None = None


def _init_worker(model: str, parent: int | None = None) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = model
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the main process decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the command line's handler, inherited by fork
    if parent is not None:
        _die_with(parent)
    get_pipeline(model)  # load once per worker


def _die_with(parent: int) -> None:
    """End this worker when the main process ends, however it ends (even SIGKILL): the kernel's
    parent-death signal on Linux, else a thread that watches the parent."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(1, int(signal.SIGKILL), 0, 0, 0) == 0  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        def watch():
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)
        threading.Thread(target=watch, daemon=True, name="watch-parent").start()


def safe_process(item: tuple[str, bytes, ArticleMetadata | None], model: str | None = None,
                 version: str = __version__) -> dict[str, list[dict]]:
    """process_article, with any unexpected failure turned into a `rejected` row: one bad article
    never stops the run. An article over its time budget is rejected with reason `timeout`."""
    path, data, metadata = item
    budget = time_budget(len(data))
    try:
        with time_limit(budget):
            return process_article(path, data, metadata, get_pipeline(model or _WORKER_MODEL), version)
    except ArticleTimeout:
        return _timeout_rows(item)
    except Exception as exc:  # noqa: BLE001 - the run must go on; the row says what happened
        rows = empty_rows()
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        rows["rejected"].append({"source_path": path, "reason": "error", "detail": last})
        log.warning("%s: %s", path, last)
        return rows


def safe_process_batch(items: list[tuple[str, bytes, ArticleMetadata | None]], model: str | None = None,
                       version: str = __version__) -> list[dict[str, list[dict]]]:
    """process_articles on a batch, within the sum of its articles' time budgets; if the batch
    fails or runs over, each article alone, so that only the article at fault becomes a
    `rejected` row (a batch of one over its budget is that article's `timeout` at once)."""
    try:
        with time_limit(sum(time_budget(len(data)) for _, data, _ in items)):
            return process_articles(items, get_pipeline(model or _WORKER_MODEL), version, budget=True)
    except ArticleTimeout:
        if len(items) == 1:
            return [_timeout_rows(items[0])]
        return [safe_process(item, model, version) for item in items]
    except Exception:  # noqa: BLE001 - find the culprit one by one
        return [safe_process(item, model, version) for item in items]


def _timeout_rows(item) -> dict[str, list[dict]]:
    path, data, _ = item
    budget = time_budget(len(data))
    rows = empty_rows()
    rows["rejected"].append({"source_path": path, "reason": "timeout", "detail": timeout_detail(budget, len(data))})
    log.warning("%s: over its time budget of %g s", path, budget)
    return rows


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
