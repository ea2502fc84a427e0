"""The ``parley`` command. Thin: parse options, call the stage, print; errors become one line."""

from __future__ import annotations

import logging
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from parleywatch.engines import open_engine
from parleywatch.errors import ParleyError
from parleywatch.evaluation.commands import eval_app
from parleywatch.export import export as export_records
from parleywatch.ingest import IngestReport, ingest
from parleywatch.ingest.sources import expand_paths
from parleywatch.pipeline import global_stages, linked_story_inputs
from parleywatch.process import process
from parleywatch.records import Article
from parleywatch.settings import Settings
from parleywatch.store import Store
from parleywatch.store.commands import db_app
from parleywatch.stories.stage import run_stories
from parleywatch.tracker.commands import actor, brief, issues, timeline

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="parleywatch: structured knowledge from diplomatic news."
)
console = Console()
errors = Console(stderr=True, highlight=False)

PLURALS = {
    "actor": "actors", "mention": "mentions", "event": "events", "statement": "statements", "story": "stories",
    "round": "rounds", "issue_status": "issue statuses",
}

DbOption = Annotated[
    str | None, typer.Option("--db", help="SQLite file or database URL (default: $PARLEY_DB or parleywatch.db).")
]


EngineOption = Annotated[
    str, typer.Option("--engine", help="Where the per-article stages run: 'local' (this process) or 'dask'.")
]
SchedulerOption = Annotated[
    str | None, typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786); default: a LocalCluster.")
]
WorkersOption = Annotated[int | None, typer.Option("--workers", min=1, help="LocalCluster size (default: per core).")]
ChunkOption = Annotated[int, typer.Option("--chunk", min=1, max=10_000, help="Articles per Dask task.")]
ENGINES = ("local", "dask")


def _fail(message: str, code: int = 1) -> typer.Exit:
    errors.print(f"[red]error:[/red] {message}", markup=True, soft_wrap=True)
    return typer.Exit(code)


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursively) or glob patterns.")],
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read raw articles (text, HTML, RSS/Atom, JSONL, BSNLP), clean them and store them."""
    with Store.open(db) as store:
        report = _ingest_with_progress(paths, store, quiet)
    _print_ingest(report)
    if not report.ok:
        raise typer.Exit(1)


def _ingest_with_progress(paths: list[str], store: Store, quiet: bool) -> IngestReport:
    total = sum(1 for p in expand_paths(paths) if isinstance(p, Path))
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=errors, disable=quiet or not errors.is_terminal) as progress:
        task = progress.add_task("", total=total)
        return ingest(paths, store, Settings(), on_file=lambda p: progress.update(task, advance=1, description=p.name))


def _print_ingest(report: IngestReport) -> None:
    for error in report.errors:
        errors.print(f"error: {error}", markup=False, soft_wrap=True)
    console.print(
        f"{report.files} files: {len(report.new)} new articles, {len(report.known)} already known, "
        f"{len(report.errors)} failed"
    )


@app.command("run")
def run_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursively) or glob patterns.")],
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    workers: WorkersOption = None,
    chunk: ChunkOption = 16,
) -> None:
    """The main job: ingest, run every processing stage, print a summary."""
    _check_engine(engine, scheduler, workers)
    with Store.open(db) as store:
        report = _ingest_with_progress(paths, store, quiet)
        _print_ingest(report)
        _process(store, engine, scheduler, workers, chunk)
    summary_command(db)
    if not report.ok:
        raise typer.Exit(1)


@app.command("process")
def process_command(
    db: DbOption = None,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    workers: WorkersOption = None,
    chunk: ChunkOption = 16,
) -> None:
    """Run every processing stage over the articles already stored; per-article work on --engine."""
    _check_engine(engine, scheduler, workers)
    with Store.open(db, create=False) as store:
        _process(store, engine, scheduler, workers, chunk)


def _check_engine(engine: str, scheduler: str | None, workers: int | None) -> None:
    if engine not in ENGINES:
        raise _fail(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if engine == "local" and (scheduler or workers):
        raise _fail("--scheduler and --workers need --engine dask")


def _process(store: Store, engine: str, scheduler: str | None, workers: int | None, chunk: int) -> None:
    """Per-article stages through the chosen engine; global stages (events, stories, tracker) here, in order."""
    with open_engine(scheduler, dask=engine == "dask", workers=workers, chunk_size=chunk) as runner:
        process(
            store, global_stages(runner), on_stage=lambda result: console.print(f"{result.name}: {result.summary}")
        )


@app.command("stories")
def stories_command(
    db: DbOption = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Forget the index and cluster everything anew.")] = False,
    limit: Annotated[int, typer.Option("--limit", help="How many stories to list.")] = 30,
) -> None:
    """Group articles into stories (new ones only unless --rebuild) and list the largest."""
    with Store.open(db, create=False) as store:
        console.print(run_stories(store, Settings(), rebuild=rebuild, inputs=linked_story_inputs(store)))
        stories = sorted(store.iter_records("story"), key=_story_order)
    table = Table(title="stories")
    for column in ("articles", "outlets", "languages", "first", "last", "title"):
        table.add_column(column, overflow="fold")
    for story in stories[:limit]:
        table.add_row(
            str(len(story["article_ids"])), ", ".join(story.get("outlets") or []),
            ", ".join(story.get("languages") or []), (story["first_published"] or "?")[:10],
            (story["last_published"] or "?")[:10], story["title"],
        )
    console.print(table)


def _story_order(story: dict[str, Any]) -> tuple[int, str]:
    """Largest stories first, then the earliest."""
    return -len(story["article_ids"]), story["first_published"] or ""


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or plover (events, PLOVER JSON).")] = "jsonl",
    kind: Annotated[list[str] | None, typer.Option("--kind", "-k", help="Record kind; repeat for several.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default: standard output).")] = None,
    db: DbOption = None,
) -> None:
    """Export records as JSONL or CSV, shaped as docs/SCHEMA.md describes."""
    with Store.open(db, create=False) as store:
        if out is None:
            count = export_records(store, fmt, kind or [], sys.stdout)
        else:
            with out.open("w", encoding="utf-8", newline="") as handle:
                count = export_records(store, fmt, kind or [], handle)
    errors.print(f"{count} records exported", markup=False)


@app.command("summary")
def summary_command(db: DbOption = None) -> None:
    """A readable overview of what the store holds."""
    with Store.open(db, create=False) as store:
        articles = list(store.iter_articles())
        counts = {kind: store.count_records(kind) for kind in PLURALS}
    console.print(_summary_table(articles))
    console.print(", ".join(f"{n} {PLURALS[kind]}" for kind, n in counts.items()))


def _summary_table(articles: Sequence[Article]) -> Table:
    table = Table(title=f"{len(articles)} articles", show_lines=False)
    for column in ("published", "lang", "outlet", "title"):
        table.add_column(column, overflow="fold")
    for article in sorted(articles, key=lambda a: a.published or ""):
        table.add_row((article.published or "?")[:16], article.language, article.outlet or "?", article.title)
    languages = Counter(a.language for a in articles)
    table.caption = "languages: " + ", ".join(f"{lang} {n}" for lang, n in languages.most_common())
    return table


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP API and the web pages (read-only unless PARLEY_INGEST_TOKEN is set)."""
    from parleywatch.api import serve

    serve(db, host=host, port=port)


app.command("timeline")(timeline)
app.command("issues")(issues)
app.command("brief")(brief)
app.command("actor")(actor)
app.add_typer(eval_app, name="eval")
app.add_typer(db_app, name="db")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning our own errors into one line and a non-zero exit."""
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.root.handlers:  # libraries that set their own logger levels (Dask) stay quiet too
        handler.setLevel(logging.ERROR)
    try:
        app(args=argv)
    except ParleyError as error:
        errors.print(f"error: {error}", markup=False, soft_wrap=True)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        errors.print("interrupted: what was stored so far is kept", markup=False)
        raise SystemExit(130) from None
