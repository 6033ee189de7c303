"""The time budget of one article: an alarm that interrupts an article running over it, so that
the article is rejected (`timeout`) and the run goes on."""
from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager

#: ARTICLE_SECONDS for up to BUDGET_BYTES of input, proportionally more above (a 2 MB file gets 20
#: times as long). Set $PIPELINE_ARTICLE_SECONDS to change it.
ARTICLE_SECONDS = 30.0
BUDGET_BYTES = 100_000


class ArticleTimeout(BaseException):
    """Raised by the alarm in the middle of an article that ran over its budget. A BaseException, so
    that no `except Exception` on the way swallows it."""

    def __init__(self, seconds: float):
        super().__init__(f"over the time budget of {seconds:g} s")
        self.seconds = seconds


def time_budget(n_bytes: int) -> float:
    base = float(os.environ.get("PIPELINE_ARTICLE_SECONDS") or ARTICLE_SECONDS)
    return base * max(1.0, n_bytes / BUDGET_BYTES)


def timeout_detail(seconds: float, n_bytes: int) -> str:
    return f"not done after {seconds:g} s, the time budget of an article of {n_bytes} bytes"


@contextmanager
def time_limit(seconds: float):
    """Raise ArticleTimeout in this thread after `seconds` (SIGALRM; only in a main thread on a
    system with setitimer, elsewhere there is no limit). Limits nest: an enclosing one keeps
    running, and fires inside if it comes first. Python code is interrupted at once; a long call
    into compiled code (spaCy's) at its end, which is why inputs spaCy handles in super-linear
    time are neutralized or refused before it runs (pipeline/extract/process.py)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

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
