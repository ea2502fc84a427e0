"""One Alembic revision a schema change; ``v0001_initial`` is schema version 1."""
