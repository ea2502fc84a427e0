"""The lemma index: Russian morphology, incremental builds, filters, escaped highlights."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parleywatch.ingest import ingest
from parleywatch.records import Article
from parleywatch.search import ArticleFilters, Lemmatizer, build_index, search
from parleywatch.store import Store
from test_api_sample import DEMO


@pytest.fixture(scope="module")
def lemmatizer() -> Lemmatizer:
    return Lemmatizer()


@pytest.fixture
def indexed(store: Store, lemmatizer: Lemmatizer) -> Store:
    ingest([str(DEMO)], store)
    build_index(store, lemmatizer)
    return store


def article(ident: str, text: str, language: str = "ru") -> Article:
    return Article(id=ident, source_path="t", url=None, outlet="t", title="t", published="2025-01-01",
                   language=language, text=text)


@pytest.mark.parametrize(
    ("query", "found_form"),
    [("переговоры", "переговорах"), ("раунд", "раунда"), ("посольство", "посольств"), ("talk", "talks")],
)
def test_query_finds_other_word_forms(indexed: Store, lemmatizer: Lemmatizer, query: str, found_form: str) -> None:
    result = search(indexed, query, lemmatizer=lemmatizer, limit=50)
    assert result.total > 0
    assert any(f"<mark>{found_form}</mark>" in (h.snippet + h.title).lower() for h in result.hits)


def test_every_query_word_must_match(indexed: Store, lemmatizer: Lemmatizer) -> None:
    both = search(indexed, "переговоры Рябков", lemmatizer=lemmatizer).total
    assert 0 < both < search(indexed, "переговоры", lemmatizer=lemmatizer).total


@pytest.mark.parametrize(
    ("filters", "total"),
    [(ArticleFilters(outlet="lenta"), 1), (ArticleFilters(language="en"), 0),
     (ArticleFilters(date_from=date(2025, 11, 1), date_to=date(2025, 11, 30)), 2)],
)
def test_filters_narrow_hits(indexed: Store, lemmatizer: Lemmatizer, filters: ArticleFilters, total: int) -> None:
    assert search(indexed, "переговоры", filters, lemmatizer=lemmatizer).total == total


def test_index_is_incremental(indexed: Store, lemmatizer: Lemmatizer) -> None:
    assert build_index(indexed, lemmatizer) == 0
    indexed.add_articles([article("a1", "Договорились о зефире.")])
    assert build_index(indexed, lemmatizer) == 1
    assert search(indexed, "зефир", lemmatizer=lemmatizer).total == 1


def test_snippet_escapes_markup(store: Store, lemmatizer: Lemmatizer) -> None:
    store.add_articles([article("a2", "Встреча <script>alert(1)</script> в Стамбуле")])
    build_index(store, lemmatizer)
    (hit,) = search(store, "Стамбул", lemmatizer=lemmatizer).hits
    assert hit.snippet == "Встреча &lt;script&gt;alert(1)&lt;/script&gt; в <mark>Стамбуле</mark>"


@pytest.mark.parametrize("query", ["", "   ", "!!!", '"" OR *', "NEAR(", "a' OR 1=1 --"])
def test_odd_queries_never_crash(indexed: Store, lemmatizer: Lemmatizer, query: str) -> None:
    assert search(indexed, query, lemmatizer=lemmatizer).total >= 0


def test_bounds_are_checked(indexed: Store) -> None:
    with pytest.raises(ValueError, match="limit must be"):
        search(indexed, "x", limit=0)


def test_fts_tables_live_beside_the_store(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "x.db")) as store:
        build_index(store)
        Store.open(str(tmp_path / "x.db")).close()  # the store still opens: our tables do not confuse it
