"""PostgreSQL as well as SQLite: migrations, concurrent writers, moving a store between them."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, insert, select, text

from parleywatch.store import Store, migrate, resolve_url
from parleywatch.store.copy import copy_store
from parleywatch.store.tables import ARTICLES, METADATA
from test_store import make_article

ARTICLE_ROW = {"id": "a1", "source_path": "a.txt", "title": "t", "language": "ru", "text": "x", "format": "text",
               "ingested_at": datetime(2025, 1, 1, tzinfo=UTC), "seq": 1}
INGEST = """
import json, sys
from parleywatch.ingest import ingest
from parleywatch.store import Store
with Store.open(sys.argv[1]) as store:
    report = ingest(sys.argv[2:], store)
print(json.dumps({"new": len(report.new), "known": len(report.known), "errors": [str(e) for e in report.errors]}))
"""


def write_corpus(directory: Path, files: int, per_file: int) -> list[str]:
    paths = []
    for f in range(files):
        lines = [json.dumps({"title": f"Новость {f}-{n}", "text": f"Переговоры, раунд {f}-{n}. " * 8})
                 for n in range(per_file)]
        paths.append(directory / f"feed{f}.jsonl")
        paths[-1].write_text("\n".join(lines), encoding="utf-8")
    return [str(p) for p in paths]


def test_migrations_build_exactly_the_declared_schema(store: Store) -> None:
    with store.engine.connect() as conn:
        assert migrate.current(conn) == migrate.head()
        assert compare_metadata(MigrationContext.configure(conn), METADATA) == []


def test_a_store_from_before_migrations_is_stamped_and_upgraded(db_url: str) -> None:
    engine = create_engine(resolve_url(db_url))
    with engine.begin() as conn:
        command.upgrade(migrate.config(conn), migrate.BASELINE)  # the version-1 layout, as it was
        conn.execute(text("DROP TABLE alembic_version"))  # ... made before migrations existed
        conn.execute(insert(ARTICLES).values(**ARTICLE_ROW))
    engine.dispose()
    with Store.open(db_url) as store, store.engine.connect() as conn:
        assert migrate.current(conn) == migrate.head() != migrate.BASELINE
        assert compare_metadata(MigrationContext.configure(conn), METADATA) == []
        assert [a.id for a in store.iter_articles()] == ["a1"]


def test_downgrade_to_nothing_and_back(store: Store) -> None:
    with store.engine.begin() as conn:
        command.downgrade(migrate.config(conn), "base")
        assert set(store.engine.dialect.get_table_names(conn)) == {"alembic_version"}
        command.upgrade(migrate.config(conn), "head")
    assert store.schema_version == 1


def test_two_processes_ingesting_the_same_files(pg_url: str, tmp_path: Path) -> None:
    files = write_corpus(tmp_path, files=4, per_file=120)
    orders = [files, files[::-1]]  # the second meets the first in the middle: real contention
    argvs = [[sys.executable, "-c", INGEST, pg_url, *order] for order in orders]
    runs = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for argv in argvs]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err[-2000:] for _, err in outputs]
    reports = [json.loads(out) for out, _ in outputs]
    assert [r["errors"] for r in reports] == [[], []]
    assert sum(r["new"] for r in reports) == 480 and all(r["new"] + r["known"] == 480 for r in reports)
    with Store.open(pg_url) as store, store.engine.connect() as conn:
        assert store.count_articles() == 480
        assert conn.execute(select(func.count(func.distinct(ARTICLES.c.seq)))).scalar_one() == 480


def test_concurrent_upserts_of_the_same_keys(store: Store, db_url: str) -> None:
    def writer(seed: int) -> None:
        keys = [f"r{n}" for n in range(300)]
        random.Random(seed).shuffle(keys)
        with Store.open(db_url) as own:
            for start in range(0, 300, 50):
                own.put_records("event", [{"id": k, "article_id": "a", "by": seed} for k in keys[start : start + 50]])
                own.put_analyses([(k, "v", {"by": seed}) for k in keys[start : start + 50]])
                own.put_state("stories", str(seed).encode())

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(writer, range(4)))
    assert store.count_records("event") == 300
    assert store.get_state("stories") in {b"0", b"1", b"2", b"3"}


def test_copy_sqlite_to_postgresql_twice(tmp_path: Path, pg_url: str) -> None:
    with Store.open(str(tmp_path / "old.db")) as source, Store.open(pg_url) as target:
        source.add_articles([make_article(n) for n in range(25)])
        source.put_analyses([(make_article(n).id, "nlp-1", {"n": n}) for n in range(25)])
        source.put_records("event", [{"id": f"e{n}", "article_id": make_article(n).id} for n in range(7)])
        source.put_state("stories", b"\x00\xff")
        first = copy_store(source, target, batch=10)
        second = copy_store(source, target, batch=10)
        assert first == second == {"articles": 25, "analyses": 25, "records": 7, "state": 1}
        assert list(target.iter_articles()) == list(source.iter_articles())
        assert target.get_analysis(make_article(3).id, "nlp-1") == {"n": 3}
        assert list(target.iter_records("event")) == list(source.iter_records("event"))
        assert target.get_state("stories") == b"\x00\xff"


def test_reading_while_another_process_writes(store: Store, db_url: str) -> None:
    def write() -> None:
        with Store.open(db_url) as writer:
            for start in range(0, 400, 40):
                writer.add_articles([make_article(n) for n in range(start, start + 40)])

    seen = []
    with ThreadPoolExecutor(1) as pool:
        writing = pool.submit(write)
        while not writing.done():
            seen.append(sum(1 for _ in store.iter_articles(batch=50)))
        writing.result()
    assert seen == sorted(seen) and store.count_articles() == 400
