"""News articles to analysis-ready tables: people, roles, ratings, dates and quotes.

    from pipeline import extract_texts, extract_folder, load

The package follows the flow of an article (docs/pipeline.md has the map):
io (find and read inputs) → structure (headline, dateline, body) → nlp (the spaCy pipeline) →
extract (rows per article) → run (the whole folder, workers, state) → io (tables); eval scores it.
Importing the package is cheap: the API loads spaCy only when called.
"""
from .about import __version__

__all__ = ["__version__", "extract_texts", "extract_folder", "load", "Tables"]


def __getattr__(name: str):
    if name in ("extract_texts", "extract_folder", "load", "Tables"):
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
