"""The per-article processor on a Dask distributed cluster: many cores, or many machines.

Articles go to the workers in chunks (scheduling one task per article would cost more than the
work); each worker process builds the processor once, on its first chunk, and keeps it. Results
come back in input order, so the output is the same as :func:`parleywatch.process.local_engine`'s.
An article whose processing raises is retried once, then reported with its error; it never fails
the batch.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import TypeAlias

import cloudpickle  # type: ignore[import-untyped]
from distributed import Client, Future, LocalCluster  # type: ignore[import-untyped]

from parleywatch.process import ArticleProcessor, ArticleResult, ProcessorFactory
from parleywatch.records import Article

logger = logging.getLogger(__name__)

ChunkFuture: TypeAlias = "Future[list[ArticleResult]]"

# Per worker process: the processor each factory built there. Lives as long as the worker, so
# models load once per process however many chunks it runs.
_PROCESSORS: dict[str, ArticleProcessor] = {}


@dataclass(slots=True, frozen=True)
class DaskSettings:
    """Where to run and how to batch; checked up front."""

    scheduler: str | None = None  # e.g. "tcp://10.0.0.5:8786"; None starts a LocalCluster
    workers: int | None = None  # LocalCluster size; None means one worker per core
    chunk_size: int = 16  # articles per task
    chunks_per_worker: int = 3  # tasks in flight per worker: enough to hide latency, memory flat

    def __post_init__(self) -> None:
        if self.workers is not None and self.workers < 1:
            raise ValueError("workers must be >= 1")
        if not 1 <= self.chunk_size <= 10_000:
            raise ValueError("chunk_size must be in [1, 10000]")
        if self.chunks_per_worker < 1:
            raise ValueError("chunks_per_worker must be >= 1")


class DaskEngine:
    """An ``Engine`` (see :mod:`parleywatch.process`); the cluster starts on first use.

    Use it as a context manager, or call :meth:`close`, to shut a LocalCluster down.
    """

    def __init__(self, settings: DaskSettings | None = None, client: Client | None = None) -> None:
        self.settings = settings or DaskSettings()
        self._client = client
        self._owned: list[Client | LocalCluster] = []

    def __call__(self, articles: Iterable[Article], factory: ProcessorFactory) -> Iterator[ArticleResult]:
        client = self.client()
        key = _factory_key(factory)
        window = max(1, _worker_count(client)) * self.settings.chunks_per_worker
        pending: deque[tuple[list[Article], ChunkFuture]] = deque()
        for chunk in _chunked(articles, self.settings.chunk_size):
            pending.append((chunk, _submit(client, key, factory, chunk)))
            if len(pending) >= window:
                yield from _collect(client, key, factory, *pending.popleft())
        while pending:
            yield from _collect(client, key, factory, *pending.popleft())

    def client(self) -> Client:
        """The connected client: to ``settings.scheduler``, else to a new LocalCluster."""
        if self._client is None:
            if self.settings.scheduler:
                self._client = Client(self.settings.scheduler)  # type: ignore[no-untyped-call]
                self._owned.append(self._client)
            else:
                self._client = self._local_client()
        return self._client

    def _local_client(self) -> Client:
        workers = self.settings.workers or os.cpu_count() or 1
        cluster = LocalCluster(  # quiet: a CLI run should print our summary, not the cluster's life story
            n_workers=workers, processes=True, threads_per_worker=1, silence_logs=logging.ERROR,
            scheduler_kwargs={"dashboard": False},  # no web port to clash with another run's
        )  # type: ignore[no-untyped-call]
        client = Client(cluster)  # type: ignore[no-untyped-call]
        self._owned += [client, cluster]
        return client

    def warm_up(self, factory: ProcessorFactory, sample: Article) -> None:
        """Build the processor on every worker now (models load before the clock or the queue starts)."""
        self.client().run(run_chunk, _factory_key(factory), factory, [sample])

    def close(self) -> None:
        for owned in self._owned:
            owned.close()
        self._owned.clear()
        self._client = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def run_chunk(key: str, factory: ProcessorFactory, chunk: list[Article]) -> list[ArticleResult]:
    """On a worker: process a chunk with this process's processor (built on first use)."""
    processor = _PROCESSORS.get(key)
    if processor is None:
        processor = _PROCESSORS[key] = factory()
    return [_process_one(processor, article) for article in chunk]


def _process_one(processor: ArticleProcessor, article: Article) -> ArticleResult:
    try:
        return processor(article)
    except Exception as error:  # the boundary: one bad article never fails the batch
        logger.warning("article %s failed: %s: %s", article.id, type(error).__name__, error)
        return ArticleResult(article_id=article.id, version=processor.version, error=_describe(error))


def _submit(client: Client, key: str, factory: ProcessorFactory, chunk: list[Article]) -> ChunkFuture:
    # retries: a task that fails whole (the factory raised) gets a second chance on any worker
    return client.submit(run_chunk, key, factory, chunk, pure=False, retries=1)


def _collect(
    client: Client, key: str, factory: ProcessorFactory, chunk: list[Article], future: ChunkFuture
) -> list[ArticleResult]:
    """The chunk's results in order; articles that failed are run once more, as a new task."""
    results = _outcome(future, chunk)
    failed = [article for article, result in zip(chunk, results, strict=True) if result.error is not None]
    if not failed:
        return results
    retried = iter(_outcome(_submit(client, key, factory, failed), failed))
    return [next(retried) if result.error is not None else result for result in results]


def _outcome(future: ChunkFuture, chunk: list[Article]) -> list[ArticleResult]:
    """What a task returned; a task lost whole (factory error, dead worker) fails each article."""
    try:
        results: list[ArticleResult] = future.result()
    except Exception as error:  # whatever the worker raised, reported per article
        logger.warning("a chunk of %d articles failed: %s", len(chunk), _describe(error))
        return [ArticleResult(article_id=article.id, error=_describe(error)) for article in chunk]
    return results


def _chunked(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _factory_key(factory: ProcessorFactory) -> str:
    """Names a factory across processes: the workers' cache key (object ids differ per process)."""
    return hashlib.sha1(cloudpickle.dumps(factory)).hexdigest()


def _worker_count(client: Client) -> int:
    """Worker threads the scheduler knows now (one per worker process on a LocalCluster)."""
    return sum(client.nthreads().values())  # type: ignore[no-untyped-call]


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"
