"""Alembic migration scripts, shipped inside the package so every install can migrate its store."""
