"""Schema version 1: articles, analyses, records, state and meta.

Written out in full rather than from ``METADATA`` so later edits of ``tables.py`` never change
what this revision does to an old database.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    _articles()
    op.create_table(
        "analyses",
        sa.Column("article_id", sa.String(40), primary_key=True),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_table(
        "records",
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("article_id", sa.String(40)),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_records_kind_article", "records", ["kind", "article_id"])
    op.create_table(
        "state",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("blob", sa.LargeBinary, nullable=False),
    )
    meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [{"key": "schema_version", "value": "1"}])


def _articles() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("source_path", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.String(200)),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("published", sa.String(40)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("story_id", sa.String(64)),
        sa.Column("duplicate_of", sa.String(40)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_story", "articles", ["story_id"])
    op.create_index("ix_articles_seq", "articles", ["seq"])


def downgrade() -> None:
    for table in ("state", "records", "analyses", "articles", "meta"):
        op.drop_table(table)
