"""Shared fixtures. The assembled pipeline is built once per test session (about 2 s)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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
