"""The store: idempotent, transactional, versioned."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from parleywatch.errors import StoreError
from parleywatch.ingest import ingest
from parleywatch.records import Article
from parleywatch.store import Store
from parleywatch.store.tables import META


def make_article(n: int) -> Article:
    return Article(
        id=f"a{n:019d}", source_path=f"f{n}.txt", url=None, outlet=None, title=f"Заголовок {n}",
        published="2025-01-01", language="ru", text=f"Текст статьи номер {n}.",
    )


def test_same_content_is_reported_as_known(fixtures: Path, store: Store) -> None:
    first = ingest([str(fixtures)], store)
    second = ingest([str(fixtures)], store)
    assert first.new and not first.known
    assert sorted(second.known) == sorted(first.new) and not second.new
    assert store.count_articles() == len(first.new)


def test_batch_with_a_repeated_article(store: Store) -> None:
    assert store.add_articles([make_article(1), make_article(1), make_article(2)]) == [True, False, True]


def test_interrupted_batch_leaves_nothing_half_written(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_articles([make_article(1)])
    broken = make_article(3)
    broken.text = None  # type: ignore[assignment]  # NOT NULL violation inside the batch
    with pytest.raises(Exception):  # noqa: B017 - the driver's integrity error
        store.add_articles([make_article(2), broken])
    assert store.count_articles() == 1
    assert store.add_articles([make_article(2), make_article(3)]) == [True, True]
    assert [a.id for a in store.iter_articles()] == [make_article(n).id for n in (1, 2, 3)]


def test_schema_version_is_checked(db_url: str) -> None:
    with Store.open(db_url) as store:
        assert store.schema_version == 1
        with store.engine.begin() as conn:
            conn.execute(update(META).where(META.c.key == "schema_version").values(value="0"))
    with pytest.raises(StoreError, match="schema version 0 found"):
        Store.open(db_url)


def test_records_are_replaced_per_article(store: Store) -> None:
    store.put_records("event", [{"id": "e1", "article_id": "a1"}, {"id": "e2", "article_id": "a2"}])
    store.replace_records("event", ["a1"], [{"id": "e3", "article_id": "a1"}])
    assert sorted(r["id"] for r in store.iter_records("event")) == ["e2", "e3"]
    assert store.count_records("event") == 2


def test_state_round_trip(store: Store) -> None:
    store.put_state("stories", b"\x00\x01")
    store.put_state("stories", b"\x02")
    assert store.get_state("stories") == b"\x02"
    assert store.get_state("missing") is None


def test_open_without_create_refuses_an_empty_place(db_url: str) -> None:
    with pytest.raises(StoreError, match="no parleywatch database"):
        Store.open(db_url, create=False)
