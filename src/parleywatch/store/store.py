"""The store: articles, their analyses and every derived record, behind one small API.

All statements are SQLAlchemy Core, so the same code runs on SQLite (the embedded default) and
PostgreSQL. Writes happen in explicit transactions: a batch is stored whole or not at all.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from alembic.util import CommandError
from sqlalchemy import Engine, bindparam, create_engine, event, func, literal, select, text, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError, OperationalError, ProgrammingError

from parleywatch.errors import StoreError
from parleywatch.records import Article
from parleywatch.store import migrate
from parleywatch.store.database import resolve_url
from parleywatch.store.tables import ANALYSES, ARTICLES, META, METADATA, RECORDS, SCHEMA_VERSION, STATE

logger = logging.getLogger(__name__)

ARTICLE_FIELDS = (
    "id", "source_path", "url", "outlet", "title", "published", "language", "text", "format",
    "story_id", "duplicate_of",
)
OWN_TABLES = {t.name for t in METADATA.sorted_tables} | {"alembic_version"}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets the web server read while an ingest writes; NORMAL sync is safe under WAL."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _make_engine(url: str) -> Engine:
    # pre-ping: a long-lived web server survives a PostgreSQL restart instead of failing a request
    engine = create_engine(url, future=True, pool_pre_ping=url.startswith("postgresql"))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Store:
    """A parleywatch database. Open with :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, engine: Engine, label: str) -> None:
        self.engine = engine
        self.label = label

    @classmethod
    def open(cls, db: str | None = None, *, create: bool = True) -> Store:
        """Open (and create when missing) the store at a path or URL; check its schema version."""
        url = resolve_url(db)
        store = cls(_make_engine(url), label=db or url)
        try:
            store._prepare(create)
        except (OperationalError, ProgrammingError, DatabaseError) as error:
            store.close()
            raise StoreError(f"{store.label}: cannot open the database ({_first_line(error)})") from None
        return store

    def _prepare(self, create: bool) -> None:
        """Create or migrate to head in one transaction; on PostgreSQL under an advisory lock."""
        with self.engine.begin() as conn:
            migrate.lock(conn)
            existing = set(self.engine.dialect.get_table_names(conn))
            if "meta" not in existing:
                if existing - OWN_TABLES:
                    raise StoreError(f"{self.label}: not a parleywatch database")
                if not create:
                    raise StoreError(f"{self.label}: no parleywatch database here")
            elif "alembic_version" not in existing:
                self._check_version(conn)  # a store from before migrations must be the baseline
                migrate.stamp_baseline(conn)
            self._upgrade(conn)
            METADATA.create_all(conn)  # safety net: a table declared but not yet in a migration
            self._check_version(conn)

    def _upgrade(self, conn: Connection) -> None:
        try:
            if migrate.upgrade(conn):
                logger.info("%s: migrated to revision %s", self.label, migrate.head())
        except CommandError as error:
            found = migrate.current(conn)
            raise StoreError(f"{self.label}: cannot migrate from revision {found} ({error})") from None

    def _check_version(self, conn: Connection) -> None:
        found = conn.execute(select(META.c.value).where(META.c.key == "schema_version")).scalar()
        if found != str(SCHEMA_VERSION):
            raise StoreError(
                f"{self.label}: schema version {found} found, this parleywatch uses {SCHEMA_VERSION}"
            )

    @property
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(META.c.value).where(META.c.key == "schema_version")).scalar_one())

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- articles -------------------------------------------------------------------------------

    def add_articles(self, articles: Sequence[Article]) -> list[bool]:
        """Store a batch in one transaction; per article, True when new, False when already known.

        Safe with concurrent writers: ON CONFLICT skips what another process stored first and
        RETURNING tells which rows were really inserted; on PostgreSQL an advisory lock keeps
        ``seq`` (the ingest order) unique and increasing across processes.
        """
        if not articles:
            return []
        unique: dict[str, Article] = {}
        for article in articles:
            unique.setdefault(article.id, article)
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": migrate.LOCK_KEY + 1})
            known = set(conn.execute(select(ARTICLES.c.id).where(ARTICLES.c.id.in_(list(unique)))).scalars())
            seq = conn.execute(select(func.coalesce(func.max(ARTICLES.c.seq), 0))).scalar_one()
            fresh = [a for a in unique.values() if a.id not in known]
            rows = [_article_row(a, seq + n) for n, a in enumerate(fresh, 1)]
            inserted: set[str] = set()
            if rows:
                statement = _insert_ignoring_conflicts(self.engine, ARTICLES, ["id"]).returning(ARTICLES.c.id)
                inserted = set(conn.execute(statement, rows).scalars())
        return _first_sightings(articles, inserted)

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(ARTICLES.c.id).where(ARTICLES.c.id == article_id)).first() is not None

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(ARTICLES).where(ARTICLES.c.id == article_id)).mappings().first()
        return _row_article(row) if row else None

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """All articles in ingest order, read in batches so memory stays flat.

        Paged by ``(seq, id)``, not ``seq`` alone: concurrent SQLite writers may share a ``seq``.
        """
        last: tuple[int, str] = (0, "")
        order = (ARTICLES.c.seq, ARTICLES.c.id)
        while True:
            after = tuple_(*order) > tuple_(literal(last[0]), literal(last[1]))
            query = select(ARTICLES).where(after).order_by(*order).limit(batch)
            with self.engine.connect() as conn:
                rows = list(conn.execute(query).mappings())
            if not rows:
                return
            last = (rows[-1]["seq"], rows[-1]["id"])
            yield from (_row_article(row) for row in rows)

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(ARTICLES)).scalar_one())

    def set_story_links(self, links: Iterable[tuple[str, str | None, str | None]]) -> None:
        """Record ``(article_id, story_id, duplicate_of)`` for many articles at once."""
        rows = [{"b_id": a, "b_story": s, "b_dup": d} for a, s, d in links]
        if not rows:
            return
        statement = (
            ARTICLES.update()
            .where(ARTICLES.c.id == bindparam("b_id"))
            .values(story_id=bindparam("b_story"), duplicate_of=bindparam("b_dup"))
        )
        with self.engine.begin() as conn:
            conn.execute(statement, rows)

    # --- analyses -------------------------------------------------------------------------------

    def put_analysis(self, article_id: str, version: str, payload: dict[str, Any]) -> None:
        self.put_analyses([(article_id, version, payload)])

    def put_analyses(self, items: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
        """Insert or replace analyses (one per article) with an upsert, safe under concurrency."""
        rows = [{"article_id": a, "version": v, "payload": _dumps(p)} for a, v, p in items]
        with self.engine.begin() as conn:
            upsert(conn, ANALYSES, rows)

    def get_analysis(self, article_id: str, version: str) -> dict[str, Any] | None:
        query = select(ANALYSES.c.payload).where(
            ANALYSES.c.article_id == article_id, ANALYSES.c.version == version
        )
        with self.engine.connect() as conn:
            payload = conn.execute(query).scalar()
        return json.loads(payload) if payload is not None else None

    # --- derived records ------------------------------------------------------------------------

    def put_records(self, kind: str, records: Iterable[dict[str, Any]]) -> None:
        """Insert or replace records of one kind (each has an ``id``, maybe an ``article_id``)."""
        rows = [_record_row(kind, r) for r in records]
        with self.engine.begin() as conn:
            upsert(conn, RECORDS, rows)

    def replace_records(self, kind: str, article_ids: Iterable[str], records: Iterable[dict[str, Any]]) -> None:
        """Swap the records of ``kind`` derived from these articles for new ones, atomically."""
        ids = sorted(set(article_ids))
        rows = [_record_row(kind, r) for r in records]
        with self.engine.begin() as conn:
            for chunk in _chunks(ids, 500):
                conn.execute(RECORDS.delete().where(RECORDS.c.kind == kind, RECORDS.c.article_id.in_(chunk)))
            upsert(conn, RECORDS, rows)

    def delete_records(self, kind: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(RECORDS.delete().where(RECORDS.c.kind == kind))

    def iter_records(self, kind: str, article_id: str | None = None) -> Iterator[dict[str, Any]]:
        query = select(RECORDS.c.payload).where(RECORDS.c.kind == kind)
        if article_id is not None:
            query = query.where(RECORDS.c.article_id == article_id)
        with self.engine.connect() as conn:
            payloads = list(conn.execute(query.order_by(RECORDS.c.id)).scalars())
        return (json.loads(p) for p in payloads)

    def count_records(self, kind: str) -> int:
        query = select(func.count()).select_from(RECORDS).where(RECORDS.c.kind == kind)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    # --- opaque state (indexes of incremental stages) -------------------------------------------

    def put_state(self, key: str, blob: bytes) -> None:
        with self.engine.begin() as conn:
            upsert(conn, STATE, [{"key": key, "blob": blob}])

    def get_state(self, key: str) -> bytes | None:
        with self.engine.connect() as conn:
            blob = conn.execute(select(STATE.c.blob).where(STATE.c.key == key)).scalar()
        return bytes(blob) if blob is not None else None


def _insert_ignoring_conflicts(engine: Engine, table: Any, keys: list[str]) -> Any:
    """An INSERT that skips rows another writer stored first (concurrent ingests stay duplicate-free)."""
    if engine.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(index_elements=keys)
    if engine.dialect.name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=keys)
    return table.insert()


def _article_row(article: Article, seq: int) -> dict[str, Any]:
    row = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    row.update(seq=seq, ingested_at=datetime.now(UTC))
    return row


def _row_article(row: Any) -> Article:
    return Article(**{name: row[name] for name in ARTICLE_FIELDS})


def _record_row(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    if "id" not in record:
        raise StoreError(f"a {kind} record has no id")
    payload = {"kind": kind, **record}
    return {"kind": kind, "id": str(record["id"]), "article_id": record.get("article_id"), "payload": _dumps(payload)}


def upsert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """INSERT .. ON CONFLICT (primary key) DO UPDATE, last row winning within the batch.

    Rows go in primary-key order, so two writers upserting overlapping batches lock rows in the
    same order and cannot deadlock each other on PostgreSQL.
    """
    keys = [c.name for c in table.primary_key.columns]
    unique = {tuple(row[k] for k in keys): row for row in rows}
    if not unique:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table)
    updates = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys}
    statement = statement.on_conflict_do_update(index_elements=keys, set_=updates)
    ordered = [unique[k] for k in sorted(unique)]
    for start in range(0, len(ordered), 1000):
        conn.execute(statement, ordered[start : start + 1000])


def _first_sightings(articles: Sequence[Article], inserted: set[str]) -> list[bool]:
    """True for the first occurrence in the batch of each article this call really stored."""
    seen: set[str] = set()
    result = []
    for article in articles:
        result.append(article.id in inserted and article.id not in seen)
        seen.add(article.id)
    return result


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _dumps(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _first_line(error: Exception) -> str:
    return str(getattr(error, "orig", error)).splitlines()[0]
