"""``parley timeline | issues | brief | actor``: typer-annotated functions the CLI registers.

Thin: parse options, read the view, render. A ``ParleyError`` (bad dossier, missing database)
becomes one line on stderr and exit code 1.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from parleywatch.errors import ParleyError
from parleywatch.store import Store
from parleywatch.tracker import render, views
from parleywatch.tracker.brief import brief as build_brief
from parleywatch.tracker.views import ViewData

T = TypeVar("T")

console = Console()
errors = Console(stderr=True, highlight=False)

DbOption = Annotated[str | None, typer.Option("--db", help="SQLite file or database URL.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ProcessOption = Annotated[str | None, typer.Option("--process", "-p", help="Dossier id, e.g. ukraine-peace.")]


def parse_day(value: str | None, option: str) -> date | None:
    """An ISO date from an option, or a usage error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2025-12-01", param_hint=option) from None


def _with_data(db: str | None, use: Callable[[ViewData], T]) -> T:
    try:
        with Store.open(db, create=False) as store:
            return use(views.load_view_data(store))
    except ParleyError as error:
        errors.print(f"error: {error}", markup=False, soft_wrap=True)
        raise typer.Exit(1) from None


def _emit(data: Any, as_json: bool, table: Callable[[], Any]) -> None:
    if as_json:
        typer.echo(render.to_json(data))
    else:
        console.print(table())


def timeline(
    process: ProcessOption = None,
    track: Annotated[str | None, typer.Option("--track", "-t", help="Track id, e.g. irritants.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="First day, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day, YYYY-MM-DD.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Rounds of a negotiation in date order, conflicting reports flagged."""
    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    rows = _with_data(db, lambda data: views.timeline(data, process, track, first, last))
    _emit(rows, as_json, lambda: render.timeline_table(rows))


def issues(process: ProcessOption = None, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Each issue's current status with its latest evidence, and where the parties disagree."""
    rows = _with_data(db, lambda data: views.issues(data, process))
    _emit(rows, as_json, lambda: render.issues_table(rows))


def brief(
    since: Annotated[str, typer.Option("--since", help="Report what changed since this day, YYYY-MM-DD.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or html.")] = "md",
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """What changed since a date; every line cites the articles it rests on."""
    if fmt not in ("md", "html"):
        raise typer.BadParameter(f"{fmt!r}: use md or html", param_hint="--format")
    first = parse_day(since, "--since") or date.min
    data = _with_data(db, lambda view: build_brief(view, first))
    if as_json:
        typer.echo(render.to_json(data))
    else:
        typer.echo(render.brief_markdown(data) if fmt == "md" else render.brief_html(data), nl=False)


def actor(
    name: Annotated[str, typer.Argument(help="Actor id, name or alias, e.g. Lavrov.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One actor's rounds and statements, with sources."""
    view = _with_data(db, lambda data: views.actor(data, name))
    if view is None:
        errors.print(f"error: no actor matches {name!r}", markup=False)
        raise typer.Exit(1)
    if as_json:
        typer.echo(render.to_json(view))
    else:
        render.print_actor(view, console)
