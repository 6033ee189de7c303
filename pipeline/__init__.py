"""News articles to analysis-ready tables: people, roles, ratings, dates and quotes.

The package follows the flow of an article (docs/pipeline.md has the map):
io (find and read inputs) → structure (headline, dateline, body) → nlp (the spaCy pipeline) →
extract (rows per article) → run (the whole folder, workers, state) → io (tables); eval scores it.
"""
from .about import __version__

__all__ = ["__version__"]
