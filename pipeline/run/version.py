"""The pipeline version every row and the run state carry: anything that can change the rows
(package, model, spaCy, patterns, code) is in it, so a re-run knows what it may reuse."""
from __future__ import annotations

from pathlib import Path

from ..about import PATTERNS_DIR, __version__
from ..ids import folder_hash

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _model_fingerprint(model: str) -> str:
    """The model's name with its package version, or a hash of a model folder's files."""
    if Path(model).is_dir():
        return f"{Path(model).name}.{folder_hash(Path(model))}"
    from importlib.metadata import PackageNotFoundError, version
    for name in (model, model.replace("_", "-")):
        try:
            return f"{model}-{version(name)}"
        except PackageNotFoundError:
            continue
    return model


def pipeline_version(model: str) -> str:
    """Package version, model (and its version), spaCy version and hashes of patterns/ and of the
    package's code and config: any change means outputs may differ, so a re-run processes
    everything again."""
    import spacy
    code = folder_hash(PACKAGE_DIR, (".py", ".cfg"))
    return (f"{__version__}+{_model_fingerprint(model)}+spacy{spacy.__version__}"
            f"+patterns.{folder_hash(PATTERNS_DIR)}+code.{code}")
