"""The test tiers themselves (tests/conftest.py): registered, assigned, and a unit test really
cannot load the model."""
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_tiers_are_registered_markers():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert {line.split(":")[0] for line in config["markers"]} == {"unit", "model", "corpus", "slow"}
    assert "test-fast:" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_a_test_without_a_tier_is_unit(request):
    assert request.node.get_closest_marker("unit") is not None
    assert not any(request.node.get_closest_marker(name) for name in ("model", "corpus", "slow"))


def test_the_nlp_fixture_puts_a_test_in_the_model_tier(request):
    items = [item for item in request.session.items if "nlp" in getattr(item, "fixturenames", ())]
    assert all(item.get_closest_marker("model") and not item.get_closest_marker("unit") for item in items)


@pytest.mark.parametrize("load", ["spacy.load", "build_pipeline", "get_pipeline"])
def test_a_unit_test_that_loads_the_model_fails(load):
    import spacy

    from pipeline.nlp import build
    calls = {"spacy.load": lambda: spacy.load("en_core_web_sm"), "build_pipeline": build.build_pipeline,
             "get_pipeline": build.get_pipeline}
    with pytest.raises(pytest.fail.Exception, match="mark it `model`"):
        calls[load]()
