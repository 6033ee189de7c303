"""The command line: help texts, a clean error for a missing model, and the console script."""
import subprocess
import sys

import pytest

from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


def test_help_lists_the_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "evaluate", "save-pipeline"):
        assert command in result.output


def test_missing_model_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    result = runner.invoke(app, ["extract", "--in", str(tmp_path), "--out", str(tmp_path / "out"),
                                 "--model", "no_such_model_xyz", "-q"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "make install" in lines[0]


def test_missing_input_folder_is_an_error(tmp_path):
    result = runner.invoke(app, ["extract", "--in", str(tmp_path / "nope"), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 2 and "does not exist" in result.output


@pytest.mark.slow  # a fresh interpreter importing spaCy
def test_python_dash_m_help():
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "--workers" in done.stdout
