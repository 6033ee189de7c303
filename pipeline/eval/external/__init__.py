"""External benchmarks: each adapter is a module with `evaluate(path, **options) -> dict` and
`print_report(result)`, reached as `news-extract evaluate-external <name> PATH` (docs/evaluation.md)."""
from __future__ import annotations

from importlib import import_module

#: adapter name -> module under pipeline.eval.external (imported when asked for)
ADAPTERS = {"polnear": "pipeline.eval.external.polnear"}


def adapter(name: str):
    if name not in ADAPTERS:
        raise KeyError(f"unknown benchmark {name!r}: one of {', '.join(sorted(ADAPTERS))}")
    module = ADAPTERS[name]
    return import_module(module) if isinstance(module, str) else module
