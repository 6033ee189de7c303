"""News articles to analysis-ready tables: people, roles, ratings, dates and quotes."""
from pathlib import Path

__version__ = "0.1.0"

#: Rules as data (docs/pipeline.md); every module that reads a pattern file takes the path from here.
PATTERNS_DIR = Path(__file__).resolve().parent.parent / "patterns"
