"""Config readers for data files in patterns/, registered so the pipeline config can name them.

They return lists and dicts, never generators: spaCy 3.8's entity ruler stores what it is given,
and a generator (what srsly.read_jsonl returns) would be exhausted after one use.
"""
from __future__ import annotations

from pathlib import Path

import srsly
from spacy.util import registry

from ...lexicon import UnknownLexicon, expand_references, words


@registry.misc("pipeline.read_patterns.v1")
def read_patterns(directory: str, files: list[str]) -> list[dict]:
    """Entity-ruler patterns from JSONL files (one label per file, every pattern with an `id`),
    with every `"@name"` word-list reference expanded from patterns/lexicon (pipeline/lexicon.py)."""
    patterns = []
    for name in files:
        path = Path(directory) / name
        for i, pattern in enumerate(srsly.read_jsonl(path)):
            if "id" not in pattern or "label" not in pattern:
                raise ValueError(f"{path}: pattern {i + 1} needs both 'id' and 'label'")
            try:
                patterns.append(expand_references(pattern, directory))
            except UnknownLexicon as exc:
                raise ValueError(f"{path}: pattern {i + 1} ({pattern['id']}): {exc}") from None
    return patterns


@registry.misc("pipeline.read_lexicon.v1")
def read_lexicon(directory: str, names: list[str]) -> dict[str, list[str]]:
    """Named word lists from patterns/lexicon, for a component's `initialize` (it stores and
    serializes them, so a saved pipeline carries its own copy)."""
    return {name: list(words(name, directory)) for name in names}


@registry.misc("pipeline.read_word_list.v1")
def read_word_list(directory: str, name: str) -> list[str]:
    return list(words(name, directory))


def _model_part(model: str, part: str) -> Path:
    """A file or folder of a trained pipeline's component (`attribute_ruler/patterns`,
    `lemmatizer`), in the installed package or model folder named `model`."""
    import spacy.util

    folder = Path(model) if Path(model).is_dir() else spacy.util.get_package_path(model)
    found = sorted(folder.glob(part)) + sorted(folder.glob(f"*/{part}"))
    if not found:
        raise ValueError(f"model {model} has no {part} under {folder}")
    return found[0]


@registry.misc("pipeline.model_attribute_patterns.v1")
def model_attribute_patterns(model: str) -> list[dict]:
    """The attribute ruler patterns of a trained pipeline (its tag map, morphology rules and
    exceptions), read from the installed package or model folder, for `windowed_attribute_ruler`."""
    return list(srsly.read_msgpack(_model_part(model, "attribute_ruler/patterns")))


@registry.misc("pipeline.model_lemma_tables.v1")
def model_lemma_tables(model: str):
    """The lemma tables (rules, exceptions, index) a trained pipeline's lemmatizer was saved with,
    for `distinct_word_lemmatizer`: the model's own tables, whatever spacy-lookups-data holds."""
    from spacy.lookups import Lookups

    return Lookups().from_disk(_model_part(model, "lemmatizer/lookups"))
