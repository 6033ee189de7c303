"""External benchmark adapters: `news-extract evaluate-external <name> ...`.

Each adapter is a module with `evaluate(path, **options) -> dict` and `print_report(result)`."""
from __future__ import annotations

from . import realgold

ADAPTERS = {"realgold": realgold}
