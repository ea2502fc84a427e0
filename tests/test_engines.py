"""Engines: the Dask engine gives what the local engine gives, loads once per worker, survives errors."""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from parleywatch.article_stage import run_article_stage
from parleywatch.engines.dask import DaskEngine, DaskSettings
from parleywatch.process import ArticleResult, local_engine
from parleywatch.records import Article
from parleywatch.store import Store

WORDS = ["переговоры", "в", "Женеве", "возобновятся", "на", "следующей", "неделе", "заявил", "министр"]


def make_articles(count: int, bad: tuple[str, ...] = ()) -> list[Article]:
    texts = [" ".join(WORDS[: 3 + n % 8]) + f" {n}" for n in range(count)]
    texts[: len(bad)] = bad
    return [Article(id=f"a{n:04d}", source_path=f"{n}.txt", url=None, outlet=None, title=f"t{n}",
                    published=None, language="ru", text=text) for n, text in enumerate(texts)]


class WordCounter:
    """Deterministic stand-in for the real processor: an analysis and records per article."""

    version = "words-1"

    def __call__(self, article: Article) -> ArticleResult:
        words = article.text.split()
        records = {"word": [{"id": f"{article.id}:{i}", "article_id": article.id, "w": w} for i, w in enumerate(words)]}
        return ArticleResult(article.id, self.version, {"words": len(words), "first": words[0]}, records)


class LoadCounter:
    """Each instance (one model load) has its own id, written into every result."""

    version = "load-1"

    def __init__(self) -> None:
        self.instance = f"{os.getpid()}-{uuid.uuid4().hex}"

    def __call__(self, article: Article) -> ArticleResult:
        return ArticleResult(article.id, self.version, {"instance": self.instance})


class Flaky(WordCounter):
    """Fails on "boom" always, on "flaky" only the first time in the whole cluster."""

    def __init__(self, marker_dir: str) -> None:
        self.marker = Path(marker_dir) / "flaky-seen"

    def __call__(self, article: Article) -> ArticleResult:
        if article.text == "boom":
            raise ValueError("boom")
        if article.text == "flaky" and not self.marker.exists():
            self.marker.touch()
            raise RuntimeError("first time")
        return super().__call__(article)


def broken_factory() -> WordCounter:
    raise OSError("model file missing")


@pytest.fixture(scope="module")
def engine() -> Iterator[DaskEngine]:
    with DaskEngine(DaskSettings(workers=2, chunk_size=4)) as started:
        yield started


def test_dask_gives_what_local_gives(engine: DaskEngine) -> None:
    articles = make_articles(101)
    assert list(engine(articles, WordCounter)) == list(local_engine(articles, WordCounter))


def test_processor_is_built_once_per_worker(engine: DaskEngine) -> None:
    instances = {r.analysis["instance"] for r in engine(make_articles(80), LoadCounter) if r.analysis}
    assert 1 <= len(instances) <= 2


def test_a_bad_article_is_retried_once_then_reported(engine: DaskEngine, tmp_path: Path) -> None:
    tmp_path.chmod(0o777)
    results = list(engine(make_articles(30, bad=("ok", "boom", "flaky")), functools.partial(Flaky, str(tmp_path))))
    assert [r.article_id for r in results] == [a.id for a in make_articles(30)]
    assert results[1].error == "ValueError: boom"
    assert [r.article_id for r in results if r.error] == ["a0001"]


def test_a_failing_factory_fails_each_article_not_the_run(engine: DaskEngine) -> None:
    results = list(engine(make_articles(6), broken_factory))
    assert {r.error for r in results} == {"OSError: model file missing"}


def test_the_article_stage_runs_on_dask(store: Store, engine: DaskEngine, tmp_path: Path) -> None:
    tmp_path.chmod(0o777)
    store.add_articles(make_articles(9, bad=("boom", "flaky")))
    report = run_article_stage(store, functools.partial(Flaky, str(tmp_path)), "words-1", engine)
    assert (report.processed, report.errors) == (8, ["a0000: ValueError: boom"])
    assert store.get_analysis("a0000", "words-1") is None
    assert store.get_analysis("a0001", "words-1") == {"words": 1, "first": "flaky"}
