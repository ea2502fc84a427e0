"""``parley db migrate`` and ``parley db copy``: register with ``app.add_typer(db_app, name="db")``.

Kept here, next to the store, so the CLI module stays a thin list of registrations.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from parleywatch.errors import StoreError
from parleywatch.store import migrate
from parleywatch.store.copy import copy_store
from parleywatch.store.store import Store

db_app = typer.Typer(no_args_is_help=True, help="Create, migrate and move the database.")
console = Console(stderr=True, highlight=False)

DbOption = Annotated[
    str | None, typer.Option("--db", help="SQLite file or database URL (default: $PARLEY_DB or parleywatch.db).")
]


@db_app.command("migrate")
def migrate_command(db: DbOption = None) -> None:
    """Create the database, or bring an existing one to the newest schema (idempotent)."""
    try:
        with Store.open(db) as store, store.engine.connect() as conn:
            revision = migrate.current(conn)
            console.print(f"{store.label}: at revision {revision}, schema version {store.schema_version}")
    except StoreError as error:
        console.print(f"error: {error}", markup=False)
        raise typer.Exit(1) from None


@db_app.command("copy")
def copy_command(
    source: Annotated[str, typer.Option("--from", help="The store to read: SQLite path or URL.")],
    target: Annotated[str, typer.Option("--to", help="The store to write: created or migrated first.")],
    batch: Annotated[int, typer.Option("--batch", min=1, help="Rows per transaction.")] = 1000,
) -> None:
    """Copy every table from one store into another; rerunning it is safe and changes nothing."""
    try:
        with Store.open(source, create=False) as reader, Store.open(target) as writer:
            copied = copy_store(reader, writer, batch)
    except StoreError as error:
        console.print(f"error: {error}", markup=False)
        raise typer.Exit(1) from None
    console.print(", ".join(f"{count} {table}" for table, count in copied.items()) + f" copied to {target}")
