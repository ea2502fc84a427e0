"""Index ``articles (seq, id)``: ``iter_articles`` pages by that pair, keep each page an index scan.

The data layout is unchanged, so ``meta.schema_version`` stays 1.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_articles_seq", table_name="articles")
    op.create_index("ix_articles_seq_id", "articles", ["seq", "id"])


def downgrade() -> None:
    op.drop_index("ix_articles_seq_id", table_name="articles")
    op.create_index("ix_articles_seq", "articles", ["seq"])
