"""Alembic environment: migrates the connection the store hands over, or the configured URL.

``parleywatch.store.migrate`` passes a live connection in ``config.attributes["connection"]`` so
the migration runs inside the store's own transaction (and its PostgreSQL advisory lock).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection

from parleywatch.store.tables import METADATA


def run_migrations(connection: Connection) -> None:
    # batch mode lets later revisions ALTER tables on SQLite, which lacks most ALTER TABLE forms
    context.configure(connection=connection, target_metadata=METADATA, render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as fresh:
        run_migrations(fresh)
    engine.dispose()


def run_offline() -> None:
    """``alembic upgrade --sql``: print the DDL for a DBA instead of running it."""
    context.configure(url=context.config.get_main_option("sqlalchemy.url"), target_metadata=METADATA,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def inside_alembic() -> bool:
    """False when merely imported (``pytest --doctest-modules``): Alembic's proxies do not exist."""
    return hasattr(context, "config")


if inside_alembic():
    if context.is_offline_mode():
        run_offline()
    else:
        run_online()
