"""News articles to analysis-ready tables: people, roles, ratings, dates and quotes."""
__version__ = "0.1.0"
