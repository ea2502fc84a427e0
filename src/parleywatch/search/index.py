"""The full-text index of article lemmas, in its own tables beside the store's.

``search_docs`` holds the lemma string of each article (keyed by the article's ``seq``, so
"not yet indexed" is ``seq > max``). SQLite matches it through an FTS5 table over that column;
PostgreSQL through ``to_tsvector('simple', lemmas)``. Only the match clause differs by dialect.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup
from sqlalchemy import Column, Integer, MetaData, String, Table, Text, func, literal, literal_column, select, text
from sqlalchemy.engine import Connection, Engine

from parleywatch.records import Article
from parleywatch.search.filters import ArticleFilters
from parleywatch.search.lemmas import Lemmatizer
from parleywatch.search.snippets import matched_spans, snippet
from parleywatch.store import Store
from parleywatch.store.store import ARTICLE_FIELDS
from parleywatch.store.tables import ARTICLES

logger = logging.getLogger(__name__)

SEARCH_METADATA = MetaData()
SEARCH_DOCS = Table(
    "search_docs",
    SEARCH_METADATA,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("article_id", String(40), nullable=False),
    Column("lemmas", Text, nullable=False),
)
FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "lemmas, content='search_docs', content_rowid='seq', tokenize='unicode61 remove_diacritics 0')"
)
FTS_MATCH = literal_column("search_fts").op("MATCH")
FTS_ROWID: Any = literal_column("search_fts.rowid")
# PostgreSQL: an expression index, so a match is an index scan, not a re-parse of every document
PG_GIN_DDL = "CREATE INDEX IF NOT EXISTS ix_search_docs_tsv ON search_docs USING gin (to_tsvector('simple', lemmas))"
MAX_QUERY_WORDS = 12
SIMPLE: Any = literal_column("'simple'::regconfig")  # a constant, never user input


@dataclass(slots=True)
class Hit:
    """One article that matched, with its highlighted snippet (escaped HTML)."""

    article: Article
    snippet: Markup
    title: Markup


@dataclass(slots=True)
class SearchResult:
    total: int
    hits: list[Hit] = field(default_factory=list)


def ensure_index(engine: Engine) -> None:
    """Create the index tables when missing (idempotent).

    Checks first: DDL, even a no-op ``IF NOT EXISTS``, would lock the table against ingest writers.
    """
    with engine.connect() as conn:
        if "search_docs" in engine.dialect.get_table_names(conn):
            return
    with engine.begin() as conn:
        SEARCH_METADATA.create_all(conn)
        if conn.dialect.name == "sqlite":
            conn.execute(text(FTS_DDL))
        elif conn.dialect.name == "postgresql":
            conn.execute(text(PG_GIN_DDL))


def build_index(store: Store, lemmatizer: Lemmatizer | None = None, batch: int = 500) -> int:
    """Index the articles not indexed yet, a batch a transaction; returns how many were added."""
    lemmatizer = lemmatizer or Lemmatizer()
    ensure_index(store.engine)
    added = 0
    while rows := _unindexed(store.engine, batch):
        docs = [{"seq": r["seq"], "article_id": r["id"], "lemmas": _lemmas(r, lemmatizer)} for r in rows]
        with store.engine.begin() as conn:
            conn.execute(SEARCH_DOCS.insert(), docs)
            _feed_fts(conn, docs[0]["seq"])
        added += len(docs)
    logger.info("search index: %d articles added", added)
    return added


def _unindexed(engine: Engine, batch: int) -> list[Any]:
    with engine.connect() as conn:
        last = conn.execute(select(func.coalesce(func.max(SEARCH_DOCS.c.seq), 0))).scalar_one()
        query = select(ARTICLES.c.seq, ARTICLES.c.id, ARTICLES.c.title, ARTICLES.c.text, ARTICLES.c.language)
        return list(conn.execute(query.where(ARTICLES.c.seq > last).order_by(ARTICLES.c.seq).limit(batch)).mappings())


def _lemmas(row: Any, lemmatizer: Lemmatizer) -> str:
    return lemmatizer.document(f"{row['title']}\n{row['text']}", row["language"])


def _feed_fts(conn: Connection, first_seq: int) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(
            text("INSERT INTO search_fts(rowid, lemmas) SELECT seq, lemmas FROM search_docs WHERE seq >= :first"),
            {"first": first_seq},
        )


def search(
    store: Store,
    query: str,
    filters: ArticleFilters | None = None,
    limit: int = 20,
    offset: int = 0,
    lemmatizer: Lemmatizer | None = None,
) -> SearchResult:
    """Articles matching every word of ``query`` by lemma, newest first, with highlighted snippets."""
    if not 1 <= limit <= 1000 or offset < 0:
        raise ValueError("limit must be in [1, 1000] and offset >= 0")
    lemmatizer = lemmatizer or Lemmatizer()
    terms = lemmatizer.query(query)[:MAX_QUERY_WORDS]
    if not terms:
        return SearchResult(total=0)
    ensure_index(store.engine)
    conditions = (filters or ArticleFilters()).conditions()
    with store.engine.connect() as conn:
        matching = _matching(conn.dialect.name, terms)
        counted = select(func.count()).select_from(matching.subquery())
        if conditions:
            counted = select(func.count()).select_from(ARTICLES).where(ARTICLES.c.seq.in_(matching), *conditions)
        total = conn.execute(counted).scalar_one()
        page = select(*(ARTICLES.c[n] for n in ARTICLE_FIELDS)).where(ARTICLES.c.seq.in_(matching), *conditions)
        newest = page.order_by(ARTICLES.c.published.desc(), ARTICLES.c.seq.desc()).limit(limit).offset(offset)
        articles = [Article(**{n: r[n] for n in ARTICLE_FIELDS}) for r in conn.execute(newest).mappings()]
    return SearchResult(total=int(total), hits=[_hit(a, terms, lemmatizer) for a in articles])


def _matching(dialect: str, terms: list[frozenset[str]]) -> Any:
    """The ``seq`` of every matching article; the match expression is a bound parameter, its terms
    word characters only. Only this clause differs by dialect."""
    if dialect == "sqlite":
        expression = " AND ".join("(" + " OR ".join(f'"{t}"' for t in sorted(g)) + ")" for g in terms)
        return select(FTS_ROWID).select_from(text("search_fts")).where(FTS_MATCH(literal(expression)))
    expression = " & ".join("(" + " | ".join(sorted(g)) + ")" for g in terms)
    vector = func.to_tsvector(SIMPLE, SEARCH_DOCS.c.lemmas)
    return select(SEARCH_DOCS.c.seq).where(vector.op("@@")(func.to_tsquery(SIMPLE, literal(expression))))


def _hit(article: Article, terms: list[frozenset[str]], lemmatizer: Lemmatizer) -> Hit:
    body = matched_spans(article.text, article.language, terms, lemmatizer)
    head = matched_spans(article.title, article.language, terms, lemmatizer)
    return Hit(article=article, snippet=snippet(article.text, body), title=snippet(article.title, head, 10_000))
