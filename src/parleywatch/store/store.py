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

from sqlalchemy import Engine, bindparam, create_engine, event, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DatabaseError, OperationalError, ProgrammingError

from parleywatch.errors import StoreError
from parleywatch.records import Article
from parleywatch.store.database import resolve_url
from parleywatch.store.tables import ANALYSES, ARTICLES, META, METADATA, RECORDS, SCHEMA_VERSION, STATE

logger = logging.getLogger(__name__)

ARTICLE_FIELDS = (
    "id", "source_path", "url", "outlet", "title", "published", "language", "text", "format",
    "story_id", "duplicate_of",
)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets the web server read while an ingest writes; NORMAL sync is safe under WAL."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _make_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
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
        with self.engine.begin() as conn:
            existing = set(self.engine.dialect.get_table_names(conn))
            if "meta" not in existing:
                if existing - {t.name for t in METADATA.sorted_tables}:
                    raise StoreError(f"{self.label}: not a parleywatch database")
                if not create:
                    raise StoreError(f"{self.label}: no parleywatch database here")
                METADATA.create_all(conn)
                conn.execute(META.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
                return
            METADATA.create_all(conn)  # tables added by later minor versions
            self._check_version(conn)

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
        """Store a batch in one transaction; per article, True when new, False when already known."""
        if not articles:
            return []
        ids = [a.id for a in articles]
        with self.engine.begin() as conn:
            known = set(conn.execute(select(ARTICLES.c.id).where(ARTICLES.c.id.in_(ids))).scalars())
            seq = conn.execute(select(func.coalesce(func.max(ARTICLES.c.seq), 0))).scalar_one()
            fresh: dict[str, dict[str, Any]] = {}
            is_new: list[bool] = []
            for article in articles:
                is_new.append(article.id not in known and article.id not in fresh)
                if is_new[-1]:
                    seq += 1
                    fresh[article.id] = _article_row(article, seq)
            if fresh:
                conn.execute(_insert_ignoring_conflicts(self.engine, ARTICLES, ["id"]), list(fresh.values()))
        return is_new

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(ARTICLES.c.id).where(ARTICLES.c.id == article_id)).first() is not None

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(ARTICLES).where(ARTICLES.c.id == article_id)).mappings().first()
        return _row_article(row) if row else None

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """All articles in ingest order, read in batches so memory stays flat."""
        last = 0
        while True:
            query = select(ARTICLES).where(ARTICLES.c.seq > last).order_by(ARTICLES.c.seq).limit(batch)
            with self.engine.connect() as conn:
                rows = list(conn.execute(query).mappings())
            if not rows:
                return
            last = rows[-1]["seq"]
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
        rows = [{"article_id": a, "version": v, "payload": _dumps(p)} for a, v, p in items]
        if not rows:
            return
        with self.engine.begin() as conn:
            conn.execute(ANALYSES.delete().where(ANALYSES.c.article_id.in_([r["article_id"] for r in rows])))
            conn.execute(ANALYSES.insert(), rows)

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
        if not rows:
            return
        with self.engine.begin() as conn:
            _delete_ids(conn, kind, [r["id"] for r in rows])
            conn.execute(RECORDS.insert(), rows)

    def replace_records(self, kind: str, article_ids: Iterable[str], records: Iterable[dict[str, Any]]) -> None:
        """Swap the records of ``kind`` derived from these articles for new ones, atomically."""
        ids = list(article_ids)
        rows = [_record_row(kind, r) for r in records]
        with self.engine.begin() as conn:
            for chunk in _chunks(ids, 500):
                conn.execute(RECORDS.delete().where(RECORDS.c.kind == kind, RECORDS.c.article_id.in_(chunk)))
            _delete_ids(conn, kind, [r["id"] for r in rows])
            if rows:
                conn.execute(RECORDS.insert(), rows)

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
            conn.execute(STATE.delete().where(STATE.c.key == key))
            conn.execute(STATE.insert().values(key=key, blob=blob))

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


def _delete_ids(conn: Connection, kind: str, ids: list[str]) -> None:
    for chunk in _chunks(ids, 500):
        conn.execute(RECORDS.delete().where(RECORDS.c.kind == kind, RECORDS.c.id.in_(chunk)))


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _dumps(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _first_line(error: Exception) -> str:
    return str(getattr(error, "orig", error)).splitlines()[0]
