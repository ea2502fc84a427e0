"""Driving the per-article work: pick the articles that need it, run an engine, store results.

An article needs work when it has no stored analysis of the current analyzer version, or when
the rest of the per-article work (linking, extraction) changed version since the last run; then
the stored analysis is reused and nothing is parsed twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from parleywatch.actors.records import Actor, merge_actors
from parleywatch.process import ArticleResult, Engine, ProcessorFactory, local_engine
from parleywatch.records import Article
from parleywatch.store import Store

logger = logging.getLogger(__name__)

VERSION_KEY = "article_stage.version"
BATCH = 100
PER_ARTICLE_KINDS = ("mention", "statement", "article_event")


@dataclass(slots=True)
class ArticleStageReport:
    processed: int = 0
    reused_analyses: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        failed = f", {len(self.errors)} failed" if self.errors else ""
        return f"{self.processed} articles analysed and linked ({self.reused_analyses} reused analyses){failed}"


def pending_articles(
    store: Store, analyzer_version: str, stage_version: str
) -> tuple[list[Article], list[Article]]:
    """(articles never analysed, articles analysed but whose linking/extraction is outdated)."""
    outdated = (store.get_state(VERSION_KEY) or b"").decode() != stage_version
    fresh, stale = [], []
    for article in store.iter_articles():
        if store.get_analysis(article.id, analyzer_version) is None:
            fresh.append(article)
        elif outdated:
            stale.append(article)
    return fresh, stale


def run_article_stage(
    store: Store,
    factory: ProcessorFactory,
    analyzer_version: str,
    engine: Engine = local_engine,
    on_result: Callable[[ArticleResult], None] | None = None,
) -> ArticleStageReport:
    """Process new articles through ``engine`` and outdated ones locally from stored analyses."""
    probe = factory()
    fresh, stale = pending_articles(store, analyzer_version, probe.version)
    report = ArticleStageReport(reused_analyses=len(stale))
    results = _chain(engine(fresh, factory), _reprocess(stale, store, probe, analyzer_version))
    actors = {a["id"]: Actor.from_dict(a) for a in store.iter_records("actor")}
    for batch in _batches(results, BATCH):
        _store_batch(store, batch, analyzer_version, actors, report, on_result)
    store.put_state(VERSION_KEY, probe.version.encode())
    return report


def _reprocess(articles: list[Article], store: Store, processor: Any, version: str) -> Iterator[ArticleResult]:
    for article in articles:
        yield processor(article, store.get_analysis(article.id, version))


def _chain(*iterators: Iterable[ArticleResult]) -> Iterator[ArticleResult]:
    for iterator in iterators:
        yield from iterator


def _batches(results: Iterable[ArticleResult], size: int) -> Iterator[list[ArticleResult]]:
    batch: list[ArticleResult] = []
    for result in results:
        batch.append(result)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _store_batch(
    store: Store,
    batch: list[ArticleResult],
    analyzer_version: str,
    actors: dict[str, Actor],
    report: ArticleStageReport,
    on_result: Callable[[ArticleResult], None] | None,
) -> None:
    done = [r for r in batch if r.error is None]
    report.errors += [f"{r.article_id}: {r.error}" for r in batch if r.error is not None]
    store.put_analyses((r.article_id, analyzer_version, r.analysis) for r in done if r.analysis is not None)
    ids = [r.article_id for r in done]
    for kind in PER_ARTICLE_KINDS:
        store.replace_records(kind, ids, [record for r in done for record in r.records.get(kind, [])])
    store.put_records("actor", _merged_actors(done, actors))
    report.processed += len(done)
    for result in batch:
        if on_result:
            on_result(result)


def _merged_actors(results: list[ArticleResult], actors: dict[str, Actor]) -> list[dict[str, Any]]:
    """Actors seen in this batch, with the aliases seen before kept."""
    changed = {}
    for result in results:
        for record in result.records.get("actor", []):
            actor = Actor.from_dict(record)
            known = actors.get(actor.id)
            actors[actor.id] = merge_actors(known, actor) if known else actor
            changed[actor.id] = actors[actor.id]
    return [a.to_dict() for a in changed.values()]
