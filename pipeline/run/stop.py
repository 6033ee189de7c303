"""Stopping a run on SIGTERM or SIGINT, even when the signal lands in a finalizer.

A signal handler raises in whatever Python code is running. When that is an object's `__del__`
(a regex or a file closed by the garbage collector, mid-article), Python prints "Exception
ignored in ..." and carries on: the run went on to its end, writing new tables, as if no signal
had come. So the handler also records the signal, and the run checks the record between batches
(`raise_if_stopped`): a signal is never lost, at worst it takes effect one batch later."""
from __future__ import annotations

import signal


class Terminated(BaseException):
    """SIGTERM arrived: unwinds the run like Ctrl-C does (temporary tables removed, state not committed)."""


_received: int | None = None


def _handle(signum, frame):
    global _received
    _received = signum
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def install() -> dict[int, object]:
    """Handle SIGTERM and SIGINT in this (main) thread; the handlers they replace, for `restore`.
    Raises ValueError outside the main thread, as `signal.signal` does."""
    global _received
    _received = None
    return {sig: signal.signal(sig, _handle) for sig in (signal.SIGTERM, signal.SIGINT)}


def restore(previous: dict[int, object]) -> None:
    for sig, handler in previous.items():
        signal.signal(sig, handler)


def raise_if_stopped() -> None:
    """Raise the recorded signal's exception if its handler's was swallowed."""
    if _received is not None:
        raise Terminated() if _received == signal.SIGTERM else KeyboardInterrupt()
