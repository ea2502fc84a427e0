"""The database schema, as SQLAlchemy Core tables that run on SQLite and PostgreSQL alike.

Articles get real columns (they are filtered and searched); the records later stages derive
(actors, mentions, events, statements, stories, ...) live in one ``records`` table as JSON
documents keyed by ``(kind, id)``, so a new kind needs no migration.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 1

METADATA = MetaData()

META = Table(
    "meta",
    METADATA,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

ARTICLES = Table(
    "articles",
    METADATA,
    Column("id", String(40), primary_key=True),
    Column("source_path", Text, nullable=False),
    Column("url", Text),
    Column("outlet", String(200)),
    Column("title", Text, nullable=False),
    Column("published", String(40)),
    Column("language", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("story_id", String(64)),
    Column("duplicate_of", String(40)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("seq", Integer, nullable=False),
    Index("ix_articles_published", "published"),
    Index("ix_articles_story", "story_id"),
    Index("ix_articles_seq_id", "seq", "id"),  # keyset paging of iter_articles
)

ANALYSES = Table(
    "analyses",
    METADATA,
    Column("article_id", String(40), primary_key=True),
    Column("version", String(40), nullable=False),
    Column("payload", Text, nullable=False),
)

RECORDS = Table(
    "records",
    METADATA,
    Column("kind", String(32), primary_key=True),
    Column("id", String(200), primary_key=True),
    Column("article_id", String(40)),
    Column("payload", Text, nullable=False),
    Index("ix_records_kind_article", "kind", "article_id"),
)

STATE = Table(
    "state",
    METADATA,
    Column("key", String(100), primary_key=True),
    Column("blob", LargeBinary, nullable=False),
)
