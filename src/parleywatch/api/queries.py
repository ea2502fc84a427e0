"""Read helpers over the store's tables for paginated, filtered listings (SQLAlchemy Core).

Articles are filtered in SQL. Derived records are JSON documents: they are streamed by kind and
filtered in Python, which runs identically on SQLite and PostgreSQL; evidence lookups by article
use a parameterized LIKE prefilter on the payload, confirmed in Python.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Engine

from parleywatch.records import Article
from parleywatch.search.filters import ArticleFilters
from parleywatch.store.store import ARTICLE_FIELDS
from parleywatch.store.tables import ARTICLES, RECORDS

Record = dict[str, Any]
MAX_CITED_ARTICLES = 200


def _article(row: Any) -> Article:
    return Article(**{name: row[name] for name in ARTICLE_FIELDS})


def article_page(engine: Engine, filters: ArticleFilters, limit: int, offset: int) -> tuple[int, list[Article]]:
    """Articles newest first, with the total count of matches."""
    where = filters.conditions()
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(ARTICLES).where(*where)).scalar_one()
        query = select(*(ARTICLES.c[n] for n in ARTICLE_FIELDS)).where(*where)
        query = query.order_by(ARTICLES.c.published.desc(), ARTICLES.c.seq.desc()).limit(limit).offset(offset)
        rows = list(conn.execute(query).mappings())
    return int(total), [_article(r) for r in rows]


def articles_by_ids(engine: Engine, ids: Iterable[str]) -> dict[str, Article]:
    wanted = list(dict.fromkeys(ids))[:MAX_CITED_ARTICLES]
    if not wanted:
        return {}
    query = select(*(ARTICLES.c[n] for n in ARTICLE_FIELDS)).where(ARTICLES.c.id.in_(wanted))
    with engine.connect() as conn:
        return {r["id"]: _article(r) for r in conn.execute(query).mappings()}


def story_articles(engine: Engine, story_id: str, listed: Iterable[str]) -> list[Article]:
    """The story's articles: those linked by ``story_id`` and those the story record lists."""
    query = select(*(ARTICLES.c[n] for n in ARTICLE_FIELDS)).where(ARTICLES.c.story_id == story_id)
    with engine.connect() as conn:
        found = {r["id"]: _article(r) for r in conn.execute(query.limit(MAX_CITED_ARTICLES)).mappings()}
    missing = [i for i in listed if i not in found]
    found.update(articles_by_ids(engine, missing))
    return sorted(found.values(), key=lambda a: (a.published or "", a.id))


def facet_values(engine: Engine, column: str) -> list[str]:
    """Distinct outlets or languages, for the search form."""
    col = ARTICLES.c[column]
    with engine.connect() as conn:
        return [v for v in conn.execute(select(col).where(col.is_not(None)).distinct().order_by(col)).scalars()]


def get_record(engine: Engine, kind: str, record_id: str) -> Record | None:
    query = select(RECORDS.c.payload).where(RECORDS.c.kind == kind, RECORDS.c.id == record_id)
    with engine.connect() as conn:
        payload = conn.execute(query).scalar()
    return json.loads(payload) if payload is not None else None


def iter_kind(engine: Engine, kind: str, article_id: str | None = None) -> Iterator[Record]:
    """Records of one kind in id order, streamed in chunks so memory stays flat."""
    last = ""
    while True:
        query = select(RECORDS.c.id, RECORDS.c.payload).where(RECORDS.c.kind == kind, RECORDS.c.id > last)
        if article_id is not None:
            query = query.where(RECORDS.c.article_id == article_id)
        with engine.connect() as conn:
            rows = list(conn.execute(query.order_by(RECORDS.c.id).limit(2000)))
        if not rows:
            return
        last = rows[-1][0]
        yield from (json.loads(r[1]) for r in rows)


def record_page(
    engine: Engine, kind: str, keep: Callable[[Record], bool], limit: int, offset: int
) -> tuple[int, list[Record]]:
    """One page of the records of ``kind`` that ``keep`` accepts, with the total count."""
    total = 0
    page: list[Record] = []
    for record in iter_kind(engine, kind):
        if keep(record):
            if offset <= total < offset + limit:
                page.append(record)
            total += 1
    return total, page


def records_citing(engine: Engine, kind: str, article_ids: Iterable[str]) -> list[Record]:
    """Records of ``kind`` whose evidence (or own ``article_id``) cites one of these articles."""
    ids = set(list(dict.fromkeys(article_ids))[:MAX_CITED_ARTICLES])
    if not ids:
        return []
    likes = [RECORDS.c.payload.like(f'%"article_id":"{_like_escape(i)}"%', escape="\\") for i in ids]
    query = select(RECORDS.c.payload).where(RECORDS.c.kind == kind, or_(*likes)).order_by(RECORDS.c.id)
    with engine.connect() as conn:
        records = [json.loads(p) for p in conn.execute(query).scalars()]
    return [r for r in records if cited_articles(r) & ids]


def cited_articles(record: Record) -> set[str]:
    found = {e.get("article_id") for e in record.get("evidence") or [] if isinstance(e, dict)}
    found.add(record.get("article_id"))
    return {i for i in found if isinstance(i, str)}


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
