"""The package as a user gets it: a built wheel, installed apart from the source tree, extracts an
article with the patterns and the config it carries; and every factory and reader is an entry point.

The wheel test builds from a copy of the tree (the build leaves `build/` and `*.egg-info` behind),
installs it into a fresh venv that sees the dev venv's site-packages through a `.pth` line (so spaCy,
pandas and the model are there) but not its editable finder, and runs from a folder outside the repo.
"""
from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPONENTS = ROOT / "pipeline" / "nlp" / "components"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
ARTICLE = ROOT / "corpus" / "raw" / "000_1bc995fd72f8be42.txt"
#: Tables whose rows carry the pipeline version (a hash of the package's code and patterns).
VERSIONED = {"documents"}


def _registered(decorator_names: set[str]) -> dict[str, str]:
    """Registered name -> "module:function" for every function in pipeline/nlp/components decorated
    with one of `decorator_names` (e.g. `@Language.factory("name")`), read from the source."""
    found = {}
    for path in sorted(COMPONENTS.glob("*.py")):
        module = "pipeline.nlp.components." + path.stem
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute) \
                        and ast.unparse(decorator.func) in decorator_names and decorator.args:
                    found[decorator.args[0].value] = f"{module}:{node.name}"
    return found


def test_every_factory_is_an_entry_point_that_names_its_function():
    factories = _registered({"Language.factory", "Language.component"})
    assert {"mention_rules", "windowed_entity_ruler"} <= set(factories)  # the scan does see them
    assert PYPROJECT["project"]["entry-points"]["spacy_factories"] == factories


def test_every_config_reader_is_an_entry_point_that_names_its_function():
    readers = _registered({"registry.misc"})
    assert "pipeline.read_patterns.v1" in readers
    assert PYPROJECT["project"]["entry-points"]["spacy_misc"] == readers


def test_entry_points_resolve_to_the_registered_functions():
    import importlib

    from spacy.util import registry

    import pipeline.nlp.components  # noqa: F401
    for name, target in PYPROJECT["project"]["entry-points"]["spacy_factories"].items():
        module, function = target.split(":")
        assert registry.factories.get(name) is getattr(importlib.import_module(module), function)
    for name, target in PYPROJECT["project"]["entry-points"]["spacy_misc"].items():
        module, function = target.split(":")
        assert registry.misc.get(name) is getattr(importlib.import_module(module), function)


def _build_wheel(tmp: Path) -> Path:
    source = tmp / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "*.egg-info", "__pycache__", ".pytest_cache", "output", "reports", "corpus"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-deps",
                    "--no-build-isolation", "-w", str(tmp / "dist"), str(source)], check=True)
    (wheel,) = (tmp / "dist").glob("news_extraction-*.whl")
    return wheel


def _venv_beside_the_dev_one(tmp: Path) -> Path:
    """A venv without pip whose site-packages lists the dev venv's site-packages in a `.pth` file:
    a plain path line adds the folder to sys.path but runs none of the `.pth` files inside it, so
    the dev venv's editable finder (which would import the source tree) stays off."""
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  check=True, capture_output=True, text=True).stdout.strip())
    (purelib / "dev_site_packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv


def _clean_env(venv: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    env.update(PYTHONNOUSERSITE="1", VIRTUAL_ENV=str(venv), PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}")
    return env


@pytest.mark.slow
@pytest.mark.model
def test_the_built_wheel_installed_apart_from_the_source_extracts_an_article(tmp_path):
    wheel = _build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    patterns = sorted(p.relative_to(ROOT / "patterns").as_posix() for p in (ROOT / "patterns").rglob("*") if p.is_file())
    assert patterns and {f"pipeline/patterns/{p}" for p in patterns} <= names  # every pattern file, as a file
    assert "pipeline/nlp/pipeline.cfg" in names

    venv = _venv_beside_the_dev_one(tmp_path)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet",
                    "--disable-pip-version-check", "--no-deps", str(wheel)], check=True)
    work = tmp_path / "work"
    (work / "in").mkdir(parents=True)
    shutil.copy(ARTICLE, work / "in" / ARTICLE.name)
    env = _clean_env(venv)

    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c",
         "import json, sys, pipeline, pipeline.about as a; "
         "print(json.dumps([pipeline.__file__, str(a.PATTERNS_DIR), a.PATTERNS_DIR.is_symlink(), "
         "any('editable' in m for m in sys.modules)]))"],
        cwd=work, env=env, check=True, capture_output=True, text=True)
    package_file, patterns_dir, is_link, editable = json.loads(where.stdout)
    site = str(venv)
    assert package_file.startswith(site) and patterns_dir.startswith(site), (package_file, patterns_dir)
    assert not is_link and not editable
    assert not Path(package_file).resolve().is_relative_to(ROOT)

    done = subprocess.run([str(venv / "bin" / "news-extract"), "extract", "--in", "in", "--out", "out",
                           "--workers", "1", "--quiet"], cwd=work, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "rejected: 0" in done.stdout

    # the same tables as the source tree's pipeline gives on the same article
    from pipeline.run.runner import run
    run(work / "in", tmp_path / "expected", workers=1, progress=False)
    for expected in sorted((tmp_path / "expected").glob("*.parquet")):
        got = pd.read_parquet(work / "out" / expected.name)
        want = pd.read_parquet(expected)
        if expected.stem in VERSIONED:
            assert got["pipeline_version"].str.startswith("0.").all()
            got, want = got.drop(columns="pipeline_version"), want.drop(columns="pipeline_version")
        pd.testing.assert_frame_equal(got, want, check_categorical=False)
    mentions = pd.read_parquet(work / "out" / "mentions.parquet")
    assert {"PERSON", "ORG", "RATING"} <= set(mentions["label"])  # the patterns were found and used
