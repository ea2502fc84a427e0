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
