"""Adapters for external benchmarks: each a module with `evaluate(path: Path, **options) -> dict` and
`print_report(result)`, reached as `news-extract evaluate-external <name> PATH`. The datasets are
not in the repository: each adapter takes the path of a local copy."""
from __future__ import annotations

from . import aeb

ADAPTERS = {"aeb": aeb}
