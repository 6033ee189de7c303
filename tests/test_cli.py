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


def one_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


def test_version_and_log_level():
    from pipeline import __version__
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"news-extract {__version__}"
    result = runner.invoke(app, ["--log-level", "loud", "check", "nowhere"])
    assert result.exit_code == 2 and "--log-level 'loud'" in one_line(result)


def test_a_model_path_that_does_not_exist_is_named_as_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    result = runner.invoke(app, ["extract", "--in", str(tmp_path), "--out", str(tmp_path / "out"),
                                 "--model", str(tmp_path / "no-model"), "-q"])
    assert result.exit_code == 2
    line = one_line(result)
    assert "model folder" in line and "make install" not in line


def test_bad_arguments_of_evaluate_check_report_and_save_are_one_line(tmp_path):
    (tmp_path / "afile").write_text("x")
    for args in (["evaluate", "--gold", str(tmp_path / "no-gold")], ["check", str(tmp_path / "empty")],
                 ["report", str(tmp_path / "empty")], ["save-pipeline", str(tmp_path / "afile")],
                 ["evaluate-external", "no-such-adapter", str(tmp_path)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert one_line(result).startswith("error: "), args


@pytest.mark.model
def test_an_input_folder_without_articles_warns_with_its_own_exit_code(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.md").write_text("not an article")
    result = runner.invoke(app, ["extract", "--in", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 3 and "holds no articles" in result.output


@pytest.mark.model
@pytest.mark.corpus
def test_check_passes_on_an_extraction_and_catches_a_broken_offset(raw_output, tmp_path):
    import shutil

    out, _ = raw_output
    result = runner.invoke(app, ["check", str(out)])
    assert result.exit_code == 0 and result.output.strip().endswith("check: 0 problems")
    broken = tmp_path / "broken"
    shutil.copytree(out, broken, symlinks=True)
    gen = (broken / "current").resolve()
    import pyarrow as pa
    import pyarrow.parquet as pq
    table = pq.read_table(gen / "mentions.parquet")
    starts = table.column("start_char").to_pylist()
    starts[0] += 1
    table = table.set_column(table.schema.get_field_index("start_char"), table.schema.field("start_char"),
                             pa.array(starts, pa.int32()))
    target = gen / "mentions.parquet"
    target.unlink()  # a hard link may share it with another output
    pq.write_table(table, target)
    result = runner.invoke(app, ["check", str(broken)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith("manifest: ") for line in lines)  # the file is not what its run wrote
    assert any("text is not documents.text[start:end]" in line for line in lines)
    assert lines[-1] == "check: 2 problems"
