"""Stopping a run on SIGTERM or SIGINT, even when the signal lands in a finalizer.

A signal handler raises in whatever Python code is running. When that is an object's `__del__`
(a regex or a file closed by the garbage collector, mid-article), Python prints "Exception
ignored in ..." and carries on: the run went on to its end, writing new tables, as if no signal
had come. So the handler also records the signal, and the run checks the record between batches
(`raise_if_stopped`): a signal is never lost, at worst it takes effect one batch later."""
from __future__ import annotations

import signal
import sys


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
    global _received, _previous_hook
    _received = None
    previous = {sig: signal.signal(sig, _handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    _previous_hook, sys.unraisablehook = sys.unraisablehook, _quiet_when_stopping
    return previous


_previous_hook = sys.unraisablehook


def _quiet_when_stopping(unraisable) -> None:
    """The swallowed exception of a recorded signal prints nothing ("Exception ignored in ...",
    a traceback): the run's one-line message says it stopped. Anything else prints as usual."""
    if isinstance(unraisable.exc_value, (Terminated, KeyboardInterrupt)) and _received is not None:
        return
    _previous_hook(unraisable)


def restore(previous: dict[int, object]) -> None:
    """Put back the handlers `install` replaced, and forget any recorded signal."""
    global _received
    _received = None
    sys.unraisablehook = _previous_hook
    for sig, handler in previous.items():
        signal.signal(sig, handler)


def raise_if_stopped() -> None:
    """Raise the recorded signal's exception if its handler's was swallowed."""
    if _received is not None:
        raise Terminated() if _received == signal.SIGTERM else KeyboardInterrupt()
