"""Shared fixtures: paths to our own fixture files and a fresh store per test, on every backend.

``store`` (and ``db_url``) run each test twice: on a SQLite file and on a fresh database of a
real PostgreSQL server started once per session (see ``pgcluster.py``). Without PostgreSQL the
``postgresql`` runs skip on a developer machine and fail when ``CI`` or ``PARLEY_TEST_PG`` is set.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import pgcluster
from parleywatch.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
SHARED = REPO.parent / "shared"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[pgcluster.Cluster]:
    """One PostgreSQL server for the whole session (starting one takes about two seconds)."""
    try:
        cluster = pgcluster.start()
    except pgcluster.PgUnavailable as error:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"} or os.environ.get(pgcluster.ENV_VAR):
            pytest.fail(f"PostgreSQL is required here (CI or {pgcluster.ENV_VAR} set): {error}")
        pytest.skip(f"no PostgreSQL on this machine: {error}")
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: pgcluster.Cluster) -> Iterator[str]:
    """A new empty database per test, dropped after it."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    url = pg_cluster.create_database(name)
    yield url
    pg_cluster.drop_database(name)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh, not yet created store lives: a SQLite path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened
