"""Where the store lives: a SQLite file by default, any SQLAlchemy URL (PostgreSQL) on request."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "parleywatch.db"
ENV_VAR = "PARLEY_DB"


def resolve_url(db: str | None) -> str:
    """Turn ``--db`` (a path or a URL), ``PARLEY_DB`` or the default into a SQLAlchemy URL.

    >>> resolve_url("news.db")
    'sqlite:///news.db'
    >>> resolve_url("postgresql://u@localhost/parley")
    'postgresql+psycopg://u@localhost/parley'
    """
    value = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if value.startswith("postgresql://") or value.startswith("postgres://"):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    if value.startswith("sqlite:"):
        return value
    return f"sqlite:///{Path(value)}"
