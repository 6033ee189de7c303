"""Shared fixtures, and the test tiers.

Tiers (markers registered in pyproject.toml):
- `model`: needs the spaCy model (uses the `nlp` or `raw_output` fixture, or is marked);
- `corpus`: runs over the corpus articles or scores against corpus/gold;
- `slow`: takes many seconds on its own (builds and installs the wheel, ...);
- `unit`: everything else, given to every test that has none of the above.
`make test-fast` runs `-m "not model and not corpus and not slow"`; `make test` runs all.

A `unit` test must not load the model: while one runs, loading it (spacy.load of a trained pipeline,
or assembling the project's pipeline) fails the test with a message saying to mark it `model`.
The assembled pipeline is built once per test session (about 2 s).
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIERS = ("model", "corpus", "slow")
#: Fixtures that put a test in a tier by themselves (`scratch`: test_incremental's first run).
FIXTURE_TIERS = {"nlp": {"model"}, "raw_output": {"model", "corpus"}, "scratch": {"model"}}


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp.build import build_pipeline
    return build_pipeline()


@pytest.fixture(scope="session")
def raw_output(tmp_path_factory):
    """One extraction over corpus/raw shared by the end-to-end tests."""
    from pipeline.run.runner import run
    out = tmp_path_factory.mktemp("raw_output")
    summary = run(ROOT / "corpus" / "raw", out, progress=False)
    return out, summary


def tree(folder: Path) -> dict[str, object]:
    """Everything in a folder, recursively: relative path → bytes of a file, or ("link", target)
    for a symlink (not followed). Two equal trees are the same output folder, links and all."""
    import os
    found: dict[str, object] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            key = str(path.relative_to(folder))
            if path.is_symlink():
                found[key] = ("link", os.readlink(path))
            elif path.is_file():
                found[key] = path.read_bytes()
    return found


@pytest.fixture
def snapshot():
    return tree

def pytest_collection_modifyitems(config, items):
    for item in items:
        tiers = {name for name in TIERS if item.get_closest_marker(name)}
        for fixture in getattr(item, "fixturenames", ()):
            tiers |= FIXTURE_TIERS.get(fixture, set())
        for name in sorted(tiers - {m.name for m in item.iter_markers()}):
            item.add_marker(name)
        if not tiers:
            item.add_marker("unit")


class _ModelGuard:
    """Makes loading the model fail while a `unit` test is set up, runs or is torn down (a
    BaseException, so no `except Exception` in the code under test turns it into a rejected row)."""

    active = False

    @classmethod
    def check(cls, what: str) -> None:
        if cls.active:
            pytest.fail(f"a unit test loads the spaCy model ({what}): mark it `model` (tests/conftest.py)")


def _trained_pipeline(name, *args, **kwargs) -> str | None:
    """What `spacy.util.load_model(name)` loads, when it is a trained pipeline: an installed
    package, or a folder with a tok2vec (a blank pipeline saved by a test is no model)."""
    path = Path(name)
    if not path.exists() or (path / "tok2vec").exists():
        return f"spacy.util.load_model({str(name)!r})"
    return None


def _guarded(function, what):
    def wrapper(*args, **kwargs):
        found = what(*args, **kwargs)
        if found:
            _ModelGuard.check(found)
        return function(*args, **kwargs)
    wrapper.__wrapped__ = function
    return wrapper


def pytest_configure(config):
    import spacy.util

    import pipeline.nlp.build as build
    # a trained pipeline comes through spacy.util.load_model (spacy.load and sourced components);
    # the project's pipeline through build_pipeline / the cached get_pipeline
    spacy.util.load_model = _guarded(spacy.util.load_model, _trained_pipeline)
    build.build_pipeline = _guarded(build.build_pipeline, lambda *a, **k: "build_pipeline")
    build._load_pipeline = _guarded(build._load_pipeline, lambda model, *a, **k: f"get_pipeline({model!r})")


def pytest_runtest_setup(item):
    # before any fixture of the test is set up, module and session ones included
    _ModelGuard.active = item.get_closest_marker("unit") is not None


def pytest_runtest_logfinish(nodeid, location):
    _ModelGuard.active = False
