"""Persistence: SQLite by default, PostgreSQL through the same SQLAlchemy Core statements."""

from parleywatch.store.database import DEFAULT_DB, ENV_VAR, resolve_url
from parleywatch.store.store import Store
from parleywatch.store.tables import SCHEMA_VERSION

__all__ = ["DEFAULT_DB", "ENV_VAR", "SCHEMA_VERSION", "Store", "resolve_url"]
