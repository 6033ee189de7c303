"""A page's structure before any NLP: headline, byline, dateline, publisher and where the body is."""
from .page import Structure, analyse

__all__ = ["Structure", "analyse"]
