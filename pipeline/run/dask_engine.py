"""The Dask engine (`--engine dask`): the same batches as the local pool, on a dask.distributed cluster.

`DaskPool` has the two calls execute.py makes of its ProcessPoolExecutor, `submit(fn, items, version)`
and `shutdown()`, so the run's plan, order, state and writer are the same whichever engine runs the
batches. Batches of (path, bytes, metadata) go out, rows (plain dicts) come back, never Docs; the
driver writes every table. Each worker loads the model once (`PreloadModel`, then the per-process
cache of `get_pipeline`).

Time budgets: a worker runs its tasks in a thread, where no SIGALRM can reach them; the budgets
of pipeline/extract/budget.py work there through a timer thread instead, so an article over its
budget is a `timeout` row on a cluster too.

Faults: a batch whose worker dies is re-run by Dask (`retries=1`, and the scheduler reschedules
tasks of a lost worker); a batch that still fails (`KilledWorker`) is redone article by article, and
an article that kills its worker again becomes its `rejected` row (reason `worker_died`).
"""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from distributed import WorkerPlugin

from ..schema import empty_rows
from .workers import safe_process_batch

log = logging.getLogger(__name__)

#: Test hooks: a worker processing an article whose source_path contains the text of
#: NEWS_EXTRACT_TEST_DIE exits at once (os._exit), as a worker killed by the system would; one whose
#: source_path contains NEWS_EXTRACT_TEST_DIE_ONCE does so only while the file named by
#: NEWS_EXTRACT_TEST_DIE_FLAG does not exist (and creates it), so that its retry succeeds.
DIE_ENV, DIE_ONCE_ENV, DIE_FLAG_ENV = "NEWS_EXTRACT_TEST_DIE", "NEWS_EXTRACT_TEST_DIE_ONCE", "NEWS_EXTRACT_TEST_DIE_FLAG"
#: Test hook: an article whose source_path contains the text of NEWS_EXTRACT_TEST_SLOW never ends
#: its rows (a Python loop), so that only its time budget stops it.
SLOW_ENV = "NEWS_EXTRACT_TEST_SLOW"

#: Times the scheduler reschedules a task whose worker died before it gives up (KilledWorker), on
#: the LocalCluster this engine starts (an existing cluster keeps its own setting).
ALLOWED_FAILURES = 1

#: The worker settings of pipeline/run/dask-worker.yaml (the profiler off, glibc's own malloc trim,
#: a slower event-loop tick and monitors), given to the LocalCluster this engine starts; a real
#: cluster's workers read the same file (DASK_CONFIG). With Dask's defaults the workers spend about
#: 10% more CPU per article than the local engine's (docs/pipeline.md, "Worker settings").
WORKER_SETTINGS = Path(__file__).with_name("dask-worker.yaml")


def worker_config() -> dict:
    """The file's settings as dotted keys, so that `dask.config.set` changes those keys alone."""
    import yaml

    def flat(node, prefix=""):
        for key, value in node.items():
            if isinstance(value, dict):
                yield from flat(value, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}", value
    return dict(flat(yaml.safe_load(WORKER_SETTINGS.read_text(encoding="utf-8"))))


#: How long to wait for a scheduler given by --scheduler.
CONNECT_SECONDS = 30
#: How long to wait for a dead worker's replacement before the next article of a failed batch.
WAIT_WORKERS_SECONDS = 60


def _test_hook(items) -> None:
    once, flag = os.environ.get(DIE_ONCE_ENV), os.environ.get(DIE_FLAG_ENV)
    if once and flag and any(once in path for path, _, _ in items):
        try:
            Path(flag).touch(exist_ok=False)
            os._exit(70)
        except FileExistsError:
            pass  # died once already
    always = os.environ.get(DIE_ENV)
    if always and any(always in path for path, _, _ in items):
        os._exit(70)
    slow = os.environ.get(SLOW_ENV)
    if slow:
        from ..extract import process
        rows = getattr(process._article_rows, "__wrapped__", process._article_rows)

        def slow_rows(prepared, doc, version):
            while slow in prepared["source_path"]:
                time.sleep(0.01)
            return rows(prepared, doc, version)
        slow_rows.__wrapped__ = rows
        process._article_rows = slow_rows


def dask_batch(items, model: str, version: str):
    """A batch's rows, in a Dask worker (the model loaded once per worker process)."""
    _test_hook(items)
    return safe_process_batch(items, model, version)


class PreloadModel(WorkerPlugin):
    """A worker plugin that loads the model when a worker starts, before its first batch."""

    name = "news-extract-model"

    def __init__(self, model: str):
        self.model = model

    def setup(self, worker=None):
        from ..nlp.build import get_pipeline
        get_pipeline(self.model)


class DaskFuture:
    """One batch on the cluster; `result()` gives its rows, redoing it article by article if the
    batch keeps killing its worker."""

    def __init__(self, pool: "DaskPool", items, version: str):
        self.pool, self.items, self.version = pool, items, version
        self.future = pool.client.submit(dask_batch, items, pool.model, version, pure=False, retries=1)

    def result(self):
        from distributed import KilledWorker
        try:
            return self.future.result()
        except KilledWorker as exc:
            log.warning("a batch of %d articles killed its worker (%s); redoing it article by article",
                        len(self.items), exc)
        # one at a time: a worker that dies now died of this article alone, not of a neighbour's
        out = []
        for item in self.items:
            self.pool.wait_for_workers()  # a dead worker's replacement first: no task lands on a dying one
            try:
                out.append(self.pool.client.submit(dask_batch, [item], self.pool.model, self.version, pure=False,
                                                   retries=1).result()[0])
            except KilledWorker:
                rows = empty_rows()
                rows["rejected"].append({"source_path": item[0], "reason": "worker_died",
                                         "detail": "its processing killed the worker process, again when retried"})
                log.warning("%s: killed its worker twice; rejected", item[0])
                out.append(rows)
        return out


class DaskPool:
    """Batches on a dask.distributed cluster: the one at `scheduler` (tcp://host:8786), or a
    LocalCluster of `workers` processes of one thread each, started here and closed by `shutdown`."""

    def __init__(self, model: str, workers: int = 2, scheduler: str | None = None):
        import dask
        from distributed import Client, LocalCluster

        self.model, self.cluster, self.client = model, None, None
        quiet = logging.getLogger().getEffectiveLevel() > logging.INFO  # --log-level info shows Dask's own
        if quiet:
            logging.getLogger("distributed").setLevel(logging.ERROR)
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=CONNECT_SECONDS)
            else:
                # one task on a worker at a time (none queued there), so a worker that dies takes only
                # the task that killed it with it, never a neighbour waiting its turn
                with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
                                      "distributed.scheduler.worker-saturation": 1.0,
                                      "logging.distributed": "error" if quiet else "info",
                                      **worker_config()}):
                    self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                                dashboard_address=None, scheduler_kwargs={"dashboard": False},
                                                silence_logs=logging.ERROR if quiet else False)
                    self.client = Client(self.cluster)
            self.client.register_plugin(PreloadModel(model))
            self.workers = max(1, sum(self.client.nthreads().values()))
            self.expected = max(1, workers) if self.cluster is not None else 1
        except (OSError, TimeoutError) as exc:
            self.shutdown()
            where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
            raise RuntimeError(f"cannot connect to {where}: {exc}") from None
        except BaseException:
            self.shutdown()
            raise

    def wait_for_workers(self) -> None:
        """Until the cluster has its workers again after a death (the LocalCluster's nannies restart
        them; on an existing cluster, at least one), at most WAIT_WORKERS_SECONDS."""
        try:
            self.client.wait_for_workers(self.expected, timeout=WAIT_WORKERS_SECONDS)
        except (TimeoutError, OSError) as exc:
            log.warning("the cluster has not got its workers back (%s); going on", exc)

    def submit(self, fn, items, version):
        # `fn` is the local pool's task; on the cluster the same work is `dask_batch`, given the model
        return DaskFuture(self, items, version)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        client, cluster, self.client, self.cluster = getattr(self, "client", None), self.cluster, None, None
        if client is not None:
            try:
                client.close()
            except Exception:  # noqa: BLE001 - closing after a fault: nothing more to save
                pass
        if cluster is not None:
            try:
                cluster.close()
            except Exception:  # noqa: BLE001
                pass

    kill = shutdown
