"""The time budget of one article: an alarm that interrupts an article running over it, so that
the article is rejected (`timeout`) and the run goes on."""
from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager, nullcontext

#: ARTICLE_SECONDS for up to BUDGET_BYTES of input, proportionally more above (a 2 MB file gets 20
#: times as long). Set $PIPELINE_ARTICLE_SECONDS to change it.
ARTICLE_SECONDS = 30.0
BUDGET_BYTES = 100_000


class ArticleTimeout(BaseException):
    """Raised by the alarm in the middle of an article that ran over its budget. A BaseException, so
    that no `except Exception` on the way swallows it."""

    seconds: float = 0.0

    def __init__(self, seconds: float | None = None):
        seconds = type(self).seconds if seconds is None else seconds
        super().__init__(f"over the time budget of {seconds:g} s")
        self.seconds = seconds


def time_budget(n_bytes: int) -> float:
    base = float(os.environ.get("PIPELINE_ARTICLE_SECONDS") or ARTICLE_SECONDS)
    return base * max(1.0, n_bytes / BUDGET_BYTES)


def timeout_detail(seconds: float, n_bytes: int) -> str:
    return f"not done after {seconds:g} s, the time budget of an article of {n_bytes} bytes"


def time_limit(seconds: float):
    """Raise ArticleTimeout in this thread after `seconds`. Limits nest: an enclosing one keeps
    running, and fires inside if it comes first. Python code is interrupted at once; a long call
    into compiled code (spaCy's) at its end, which is why inputs spaCy handles in super-linear
    time are neutralized or refused before it runs (pipeline/extract/process.py).

    In a main thread on a system with setitimer: SIGALRM. In any other thread (a Dask worker runs
    its tasks in a thread pool, where no signal can reach them): a timer thread that, when the time
    is up, raises the exception in this thread (PyThreadState_SetAsyncExc), which Python delivers
    between two bytecodes just as it runs a signal handler; elsewhere there is no limit."""
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        return _alarm_limit(seconds)
    if _SET_ASYNC_EXC is not None:
        return _ThreadLimit(seconds)
    return nullcontext()


@contextmanager
def _alarm_limit(seconds: float):
    def on_alarm(signum, frame):
        raise ArticleTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    if outer and outer < seconds:
        signal.setitimer(signal.ITIMER_REAL, outer)  # the enclosing limit comes first
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))


def _async_exc_setter():
    try:
        import ctypes
        setter = ctypes.pythonapi.PyThreadState_SetAsyncExc  # untyped: None passes as NULL (clears)

        def set_async_exc(thread: int, error) -> int:
            return setter(ctypes.c_ulong(thread), None if error is None else ctypes.py_object(error))
        return set_async_exc
    except (ImportError, AttributeError, OSError):  # not CPython
        return None


_SET_ASYNC_EXC = _async_exc_setter()


class _ThreadLimit:
    """The time limit of a block in a thread that is not the main one (see time_limit)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        # raised by type (the C API instantiates it), so the type carries the seconds
        self.error = type("ArticleTimeout", (ArticleTimeout,), {"seconds": seconds})
        self.lock = threading.Lock()
        self.active = self.fired = False

    def _fire(self) -> None:
        with self.lock:
            if self.active:
                self.fired = True
                _SET_ASYNC_EXC(self.thread, self.error)

    def __enter__(self):
        self.thread = threading.get_ident()
        self.active = True
        self.timer = threading.Timer(self.seconds, self._fire)
        self.timer.daemon = True
        self.timer.start()
        return self

    def __exit__(self, exc_type, exc, tb):
        with self.lock:
            self.active = False
            self.timer.cancel()
            fired = self.fired
            if fired:
                _SET_ASYNC_EXC(self.thread, None)  # not yet raised: not after the block either
        if fired and not (exc_type is not None and issubclass(exc_type, ArticleTimeout)):
            raise self.error(self.seconds)  # the time ran out just as the block ended: still over it
        return False
