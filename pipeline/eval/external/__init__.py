"""External benchmarks: each adapter is a module with `evaluate(path, **options) -> dict` and
`print_report(result)`, reachable as `news-extract evaluate-external <name> PATH`. Adapters are
imported when used, so one adapter's optional needs never slow another."""
from __future__ import annotations

import importlib

ADAPTERS = {"aeb": "pipeline.eval.external.aeb", "polnear": "pipeline.eval.external.polnear",
            "realgold": "pipeline.eval.external.realgold", "timeml": "pipeline.eval.external.timeml"}


def adapter(name: str):
    if name not in ADAPTERS:
        raise KeyError(f"unknown adapter {name!r}; known: {', '.join(sorted(ADAPTERS))}")
    return importlib.import_module(ADAPTERS[name])
