"""The execution of a plan: rows for every entry in input order — reused from the state, or new
from workers a few batches ahead of the writer at most, so memory stays flat."""
from __future__ import annotations

from collections import deque
from concurrent.futures import ProcessPoolExecutor

from tqdm import tqdm

from ..ids import file_sha
from ..io.sidecars import metadata_to_json
from ..io.state import RunState
from ..nlp.build import get_pipeline
from .plan import Entry, content_key
from .workers import BATCH_ARTICLES, _init_worker, _worker_task, safe_process_batch

def results(entries: list[Entry], state: RunState, model: str, version: str, workers: int, progress: bool):
    """(entry, rows) for every entry, in order: reused rows from the state, new rows from
    process_articles in batches (in a pool of workers when workers > 1, a few batches ahead of the
    writer at most, so memory stays flat). New rows are remembered in the state."""
    todo = sum(1 for e in entries if not e.reuse)
    bar = tqdm(total=todo, unit="article", disable=not progress or not todo, dynamic_ncols=True,
               desc="extract")
    pool = None
    if todo and workers > 1:
        pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(model,))
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

    def resolve(item):
        if isinstance(item, Entry):
            yield item, state.cached_rows(item.source_path)
            return
        members, future = item
        results = future.result() if future is not None else safe_process_batch(
            [(e.source_path, data, e.metadata) for e, data in members], model, version)
        for (entry, data), rows in zip(members, results):
            failed = any(r["reason"] == "error" for r in rows["rejected"])  # may be transient: retry next run
            state.remember(entry.source_path, data, entry.meta_hash, metadata_to_json(entry.metadata),
                           entry.content_id, None if failed else version, None if failed else rows)
            yield entry, rows
        bar.update(len(members))

    try:
        for entry in entries:
            if entry.reuse:
                close_batch()  # keep input order: the open batch comes first
                pending.append(entry)
            else:
                data = entry.file.read_bytes() if entry.file else state.stored_bytes(entry.source_path)
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
    finally:
        bar.close()
        if pool:
            pool.shutdown(cancel_futures=True)
