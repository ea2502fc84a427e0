"""Move a store between databases (SQLite to PostgreSQL, usually): every table, batched, idempotent.

Rows are read in primary-key order, a batch at a time, and upserted, so a copy that was stopped
can simply be run again, and a second run changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Table, literal, select, tuple_

from parleywatch.store.store import Store, upsert
from parleywatch.store.tables import META, METADATA

logger = logging.getLogger(__name__)


def copy_store(
    source: Store, target: Store, batch: int = 1000, on_batch: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every row of ``source`` into ``target`` (both at the same schema); rows per table."""
    if batch < 1:
        raise ValueError("batch must be >= 1")
    copied: dict[str, int] = {}
    for table in METADATA.sorted_tables:
        if table is META:
            continue  # each store keeps its own version bookkeeping
        copied[table.name] = 0
        for rows in _batches(source, table, batch):
            with target.engine.begin() as conn:
                upsert(conn, table, [_fix_row(table, row) for row in rows])
            copied[table.name] += len(rows)
            if on_batch:
                on_batch(table.name, copied[table.name])
        logger.info("copied %d rows of %s", copied[table.name], table.name)
    return copied


def _batches(store: Store, table: Table, size: int) -> Iterator[list[dict[str, Any]]]:
    """Keyset pagination on the primary key: each batch a short read, memory flat."""
    keys = list(table.primary_key.columns)
    last: tuple[Any, ...] | None = None
    while True:
        query = select(table).order_by(*keys).limit(size)
        if last is not None:
            query = query.where(tuple_(*keys) > tuple_(*(literal(v) for v in last)))
        with store.engine.connect() as conn:
            rows = [dict(row) for row in conn.execute(query).mappings()]
        if not rows:
            return
        last = tuple(rows[-1][key.name] for key in keys)
        yield rows


def _fix_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """SQLite returns time zone-aware columns naive; the store writes them in UTC."""
    for column in table.columns:
        value = row.get(column.name)
        if isinstance(column.type, DateTime) and isinstance(value, datetime) and value.tzinfo is None:
            row[column.name] = value.replace(tzinfo=UTC)
    return row
