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
