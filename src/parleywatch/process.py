"""The stages after ingest, run in order over what the store holds.

Two kinds of stage:

- the per-article work (language analysis, actor linking, event and statement extraction) is one
  :class:`ArticleProcessor` call per article: it holds the models, loaded once per process, and
  returns an :class:`ArticleResult` of plain data. An engine maps it over the articles that need
  it (in this process, or on a Dask cluster) and the results are stored per article.
- global stages (stories, cross-article event merging, the tracker) need the whole store and run
  after, in order, as functions ``(store, settings) -> StageResult``; ``parleywatch.pipeline``
  lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from parleywatch.records import Article
from parleywatch.settings import Settings
from parleywatch.store import Store


@dataclass(slots=True, frozen=True)
class StageResult:
    name: str
    summary: str


@dataclass(slots=True)
class ArticleResult:
    """What the per-article stages derived from one article: plain, picklable, JSON-ready data."""

    article_id: str
    version: str = ""
    analysis: dict[str, Any] | None = None
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # kind -> records
    error: str | None = None


class ArticleProcessor(Protocol):
    """Holds the models; called once per article. ``version`` changes when the output would."""

    version: str

    def __call__(self, article: Article) -> ArticleResult: ...


ProcessorFactory = Callable[[], ArticleProcessor]
Engine = Callable[[Iterable[Article], ProcessorFactory], Iterator[ArticleResult]]
Stage = Callable[[Store, Settings], StageResult]


def local_engine(articles: Iterable[Article], factory: ProcessorFactory) -> Iterator[ArticleResult]:
    """Run the processor in this process, one article after another."""
    processor = factory()
    for article in articles:
        yield processor(article)


def process(
    store: Store,
    stages: Iterable[Stage],
    settings: Settings | None = None,
    on_stage: Callable[[StageResult], None] | None = None,
) -> list[StageResult]:
    """Run the given global stages over the store, in order."""
    settings = settings or Settings()
    results = []
    for stage in stages:
        result = stage(store, settings)
        results.append(result)
        if on_stage:
            on_stage(result)
    return results
