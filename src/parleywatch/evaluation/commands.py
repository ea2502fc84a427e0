"""``parley eval ...``: quality measured on the real annotated datasets beside the project."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from parleywatch.errors import ParleyError

eval_app = typer.Typer(no_args_is_help=True, help="Measure quality on real annotated data (../shared/eval).")

DEFAULT_EVAL_DIR = Path("..") / "shared" / "eval"

EvalDir = Annotated[Path, typer.Option("--data", help="The folder holding the evaluation datasets.")]


def _require(folder: Path) -> Path:
    if not folder.is_dir():
        raise ParleyError(f"{folder}: no such evaluation folder (pass --data)")
    return folder


@eval_app.command("stories")
def eval_stories(data: EvalDir = DEFAULT_EVAL_DIR) -> None:
    """tgcontest pair F1, BSNLP cross-topic merges, ParaPhraser near-duplicate AUC."""
    from parleywatch.evaluation.stories import format_report, run_story_eval

    typer.echo(format_report(run_story_eval(_require(data))))


NER_PATHS = {
    "factrueval": Path("factrueval") / "devset",
    "collection5": Path("collection5"),
    "nerel": Path("nerel") / "dev",
    "bsnlp": Path("bsnlp"),
}


@eval_app.command("ner")
def eval_ner(
    dataset: Annotated[str, typer.Option("--dataset", help="factrueval, collection5, nerel or bsnlp.")] = "factrueval",
    data: EvalDir = DEFAULT_EVAL_DIR,
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N documents.")] = None,
) -> None:
    """Precision/recall/F1 per entity type; for BSNLP also the cross-document linking score."""
    from parleywatch.evaluation.ner import format_report, run_ner_eval

    if dataset not in NER_PATHS:
        raise ParleyError(f"unknown dataset {dataset!r}; choose from {', '.join(NER_PATHS)}")
    typer.echo(format_report(run_ner_eval(dataset, _require(data / NER_PATHS[dataset]), limit)))


@eval_app.command("meetings")
def eval_meetings(
    factrueval: Annotated[Path, typer.Option("--factrueval", help="FactRuEval devset folder.")] = (
        DEFAULT_EVAL_DIR / "factrueval" / "devset"
    ),
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N documents.")] = None,
) -> None:
    """Meeting facts of FactRuEval: participant precision/recall/F1."""
    from parleywatch.evaluation.meetings import format_meetings_report, run_meetings

    typer.echo(format_meetings_report(run_meetings(_require(factrueval), limit)))


@eval_app.command("events")
def eval_events(
    nerel: Annotated[Path, typer.Option("--nerel", help="NEREL dev folder (brat).")] = (
        DEFAULT_EVAL_DIR / "nerel" / "dev"
    ),
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N documents.")] = None,
) -> None:
    """NEREL events: recall of participants, places and times attached to the right event."""
    from parleywatch.evaluation.events import format_events_report, run_events

    typer.echo(format_events_report(run_events(_require(nerel), limit)))


@eval_app.command("statements")
def eval_statements(
    ruopinionne: Annotated[Path, typer.Option("--ruopinionne", help="RuOpinionNE JSONL file.")] = (
        DEFAULT_EVAL_DIR / "ruopinionne" / "train.jsonl"
    ),
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N sentences.")] = None,
) -> None:
    """Opinion holders of RuOpinionNE as statement speakers: accuracy."""
    from parleywatch.evaluation.statements import format_statements_report, run_statements

    if not ruopinionne.is_file():
        raise ParleyError(f"{ruopinionne}: no such file (pass --ruopinionne)")
    typer.echo(format_statements_report(run_statements(ruopinionne, limit)))


@eval_app.command("plover")
def eval_plover(
    gsr: Annotated[Path, typer.Option("--gsr", help="PLOVER gold_standard_records folder.")] = (
        DEFAULT_EVAL_DIR / "plover" / "gold_standard_records"
    ),
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N records.")] = None,
) -> None:
    """PLOVER gold standard records (English): event-type accuracy."""
    from parleywatch.evaluation.plover import format_plover_report, run_plover

    typer.echo(format_plover_report(run_plover(_require(gsr), limit)))
