"""The package's version and where its data lives, importable by every module without a cycle."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__version__ = "0.1.0"

#: Rules as data (docs/pipeline.md). They ship inside the package (`pipeline/patterns`, a link to
#: the repository's `patterns/` in a source tree, real files in a wheel), so an installed copy
#: finds them through importlib.resources like any package data.
PATTERNS_DIR = Path(str(files("pipeline") / "patterns"))
