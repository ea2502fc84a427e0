"""Schema migrations with Alembic, run by the store itself on open and by ``parley db migrate``.

A store made before migrations existed (tables and ``meta.schema_version`` but no
``alembic_version``) is stamped at :data:`BASELINE` first, so old and new stores both end at head.
"""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection

SCRIPTS = Path(__file__).parent / "migrations"
BASELINE = "0001"  # schema version 1, the layout stores had before migrations
LOCK_KEY = 0x7061726C  # "parl": one PostgreSQL advisory lock serializes schema changes


def config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the shipped scripts, bound to ``connection`` when given."""
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def head() -> str:
    """The newest revision this code knows (read once: parsing the scripts costs milliseconds)."""
    revision = ScriptDirectory.from_config(config()).get_current_head()
    assert revision is not None, "no migration scripts shipped"
    return revision


def current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def lock(connection: Connection) -> None:
    """Make concurrent openers of a new PostgreSQL database wait instead of racing to create it."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})


def upgrade(connection: Connection) -> bool:
    """Bring the database to head inside the caller's transaction; True when anything ran."""
    if current(connection) == head():
        return False
    command.upgrade(config(connection), "head")
    return True


def stamp_baseline(connection: Connection) -> None:
    command.stamp(config(connection), BASELINE)
