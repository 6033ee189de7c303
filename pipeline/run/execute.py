"""The execution of a plan: rows for every entry in input order — reused from the state, or new
from workers a few batches ahead of the writer at most, so memory stays flat."""
from __future__ import annotations

import logging
import os
import pickle
import sqlite3
import sys
import zlib
from collections import deque
from concurrent.futures import ProcessPoolExecutor

from tqdm import tqdm

from ..ids import file_sha
from ..io.inputs import RejectedInput
from ..io.shards import read_source
from ..io.sidecars import metadata_to_json
from ..io.state import RunState
from ..nlp.build import get_pipeline
from ..schema import empty_rows
from .plan import Entry, content_key, unreadable_row
from .stop import raise_if_stopped
from .workers import BATCH_ARTICLES, _init_worker, _worker_task, safe_process_batch

log = logging.getLogger(__name__)

#: What a damaged row blob in the state raises when read back: its article is processed again.
DAMAGED_STATE = (zlib.error, pickle.UnpicklingError, EOFError, sqlite3.DatabaseError, ValueError, TypeError,
                 AttributeError, ImportError, IndexError, KeyError)

def results(entries: list[Entry], state: RunState, model: str, version: str, workers: int, progress: bool,
            engine: str = "local", scheduler: str | None = None, on_start=None):
    """(entry, rows) for every entry, in order: reused rows from the state, new rows from
    process_articles in batches (in a pool of workers when workers > 1, or on a Dask cluster with
    engine "dask"; a few batches ahead of the writer at most, so memory stays flat). New rows are
    remembered in the state. `on_start(n)` is told how many workers the run has once its pool is up
    (on a Dask cluster, the cluster's worker threads)."""
    todo = sum(1 for e in entries if not e.reuse)
    if progress and todo:  # workers load the model before the first article: say so, the bar would sit still
        where = f" on the Dask cluster at {scheduler}" if engine == "dask" and scheduler else (
            f" in {workers} workers" if workers > 1 or engine == "dask" else "")
        print(f"loading the model{where}…", file=sys.stderr, flush=True)
    bar = tqdm(total=todo, unit="article", disable=not progress or not todo, dynamic_ncols=True,
               desc="extract")
    pool = None
    if todo and engine == "dask":
        from .dask_engine import DaskPool
        pool = DaskPool(model, workers, scheduler)
        workers = pool.workers
        if on_start is not None:
            on_start(workers)
    elif todo and workers > 1:
        pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(model, os.getpid()))
    elif todo:
        get_pipeline(model)
    window = 2 * workers if pool else 0
    pending: deque = deque()  # a reused entry, or a batch of entries to process, in input order
    batch: list[tuple[Entry, bytes]] = []

    def close_batch():
        if batch:
            items = [(e.source_path, data, e.metadata) for e, data in batch]
            future = pool.submit(_worker_task, items, version) if pool else None
            pending.append((list(batch), future))
            batch.clear()

    def remember(entry: Entry, data: bytes, rows: dict) -> None:
        failed = any(r["reason"] == "error" for r in rows["rejected"])  # may be transient: retry next run
        # a refused file's bytes are not kept: its `rejected` row is, and that is all a re-run needs
        kept = data if rows["documents"] or failed else b""
        state.remember(entry.source_path, kept, entry.meta_hash, metadata_to_json(entry.metadata),
                       entry.content_id, None if failed else version, None if failed else rows,
                       sha=file_sha(data))

    def resolve(item):
        if isinstance(item, Entry):
            try:
                rows = state.cached_rows(item.source_path)
            except DAMAGED_STATE as exc:  # the state is a cache: process the article again
                log.warning("%s: its rows in the state file are damaged (%s); processing it again",
                            item.source_path, type(exc).__name__)
                rows = reprocess(item)
            yield item, rows
            return
        if isinstance(item, tuple) and len(item) == 3:  # ("unread", entry, rows): refused before processing
            _, entry, rows = item
            yield entry, rows
            return
        members, future = item
        raise_if_stopped()
        results = future.result() if future is not None else safe_process_batch(
            [(e.source_path, data, e.metadata) for e, data in members], model, version)
        for (entry, data), rows in zip(members, results):
            remember(entry, data, rows)
            yield entry, rows
        bar.update(len(members))

    def reprocess(entry: Entry) -> dict:
        try:
            data = read_source(entry.file) if entry.file else state.stored_bytes(entry.source_path)
        except (OSError, RejectedInput) as exc:
            rows = empty_rows()
            rows["rejected"].append(unreadable_row(entry.source_path, exc))
            return rows
        except DAMAGED_STATE as exc:
            rows = empty_rows()
            rows["rejected"].append({"source_path": entry.source_path, "reason": "unreadable",
                                     "detail": f"no longer in the input folder, and its copy in the state "
                                               f"file is damaged ({type(exc).__name__})"})
            return rows
        rows = safe_process_batch([(entry.source_path, data, entry.metadata)], model, version)[0]
        remember(entry, data, rows)
        return rows

    try:
        for entry in entries:
            if entry.reuse:
                close_batch()  # keep input order: the open batch comes first
                pending.append(entry)
            else:
                try:
                    data = read_source(entry.file) if entry.file else state.stored_bytes(entry.source_path)
                except (OSError, RejectedInput, *DAMAGED_STATE) as exc:  # gone, grown, or its copy damaged
                    close_batch()
                    rows = empty_rows()
                    rows["rejected"].append(unreadable_row(entry.source_path, exc) if entry.file else {
                        "source_path": entry.source_path, "reason": "unreadable",
                        "detail": f"no longer in the input folder, and its copy in the state file is "
                                  f"damaged ({type(exc).__name__})"})
                    pending.append(("unread", entry, rows))
                    continue
                if file_sha(data) != entry.sha:  # changed since the scan: take the bytes as they are now
                    entry.sha, entry.content_id = file_sha(data), content_key(data)
                batch.append((entry, data))
                if len(batch) >= BATCH_ARTICLES:
                    close_batch()
            while len(pending) > window:
                yield from resolve(pending.popleft())
        close_batch()
        while pending:
            yield from resolve(pending.popleft())
    except BaseException:
        if pool:  # interrupted or failed: stop the workers now rather than wait for their batches
            stop_workers(pool)
            pool = None
        raise
    finally:
        bar.close()
        if pool:
            pool.shutdown(cancel_futures=True)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Kill a pool's workers at once (they write nothing, so nothing is lost), then let the pool
    close without waiting for their batches."""
    if hasattr(pool, "kill"):  # the Dask engine: close the client (and the cluster it started)
        pool.kill()
        return
    manager = getattr(pool, "_executor_manager_thread", None)  # shutdown() forgets it
    for process in list(getattr(pool, "_processes", {}).values()):
        try:
            process.kill()
        except (OSError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)
    if manager is not None:
        # the pool's manager thread sees its workers gone and closes its wake-up pipe; if that
        # happened during interpreter exit, the exit hook of concurrent.futures could write to the
        # pipe as it closed ("OSError: Bad file descriptor", a traceback after the run's message)
        manager.join(timeout=5)
