"""Custom spaCy components. Importing this package registers every factory and reader."""
from . import honorifics, lemmas, mention_rules, paragraphs, readers, windowed_ruler  # noqa: F401
