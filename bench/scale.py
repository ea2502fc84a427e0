"""Scaling figures: per-article throughput on 1 and 2 Dask workers, ingest into SQLite and PostgreSQL.

    .venv/bin/python bench/scale.py [--limit N] [--workers 1,2] [--pg URL] [--skip-engine] [--skip-store]

The corpus is BSNLP ``*/raw/ru`` (618 articles), replicated to ``--articles`` (20,000) with varied
text: replica ``r`` rotates each article's sentences by ``r`` and appends the opening sentence of
another article, so no two texts are the same. The per-article work is the real
``parleywatch.pipeline.ArticlePipeline`` when it imports and runs, else the language analysis alone.
Models are loaded on every worker before the clock starts; the load time is printed apart.
Without ``--pg`` a throwaway PostgreSQL (durable settings) is started as in the tests.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from parleywatch.engines.dask import DaskEngine, DaskSettings
from parleywatch.ingest import ingest
from parleywatch.process import ProcessorFactory
from parleywatch.records import Article
from parleywatch.store import Store

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
import pgcluster  # the tests' throwaway-cluster helper

CORPUS = Path(__file__).parent.parent.parent / "shared/eval/bsnlp"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def base_articles() -> list[Article]:
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "base.db")) as store:
        ingest([str(p) for p in sorted(CORPUS.glob("*/raw/ru"))], store)
        return list(store.iter_articles())


def replicate(base: list[Article], count: int) -> list[Article]:
    """``count`` distinct articles made from ``base``, cycling through it with growing variation."""
    out = []
    for n in range(count):
        replica, index = divmod(n, len(base))
        article = base[index]
        sentences = SENTENCE_END.split(article.text)
        shift = replica % max(1, len(sentences))
        donor = SENTENCE_END.split(base[(n * 7 + replica) % len(base)].text)[0]
        text = " ".join([*sentences[shift:], *sentences[:shift], donor]) if replica else article.text
        out.append(replace(article, id=hashlib.sha1(text.encode()).hexdigest(), text=text))
    return out


def pick_factory(sample: Article) -> tuple[ProcessorFactory, str]:
    try:
        from parleywatch.pipeline import ArticlePipeline

        result = ArticlePipeline()(sample)
        if result.error is None:
            return ArticlePipeline, "parleywatch.pipeline.ArticlePipeline (analysis, actor linking and extraction)"
        print(f"ArticlePipeline failed on a sample ({result.error}); using the analysis alone")
    except ImportError as error:
        print(f"no ArticlePipeline ({error}); using the analysis alone")
    from parleywatch.engines.analysis import AnalysisProcessor

    return AnalysisProcessor, "parleywatch.engines.analysis.AnalysisProcessor (analysis only)"


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = run()
    return time.perf_counter() - start, value


def cpu_seconds() -> float:
    """On a worker: the CPU time this process has used (load on the machine does not inflate it)."""
    return time.process_time()


def bench_engines(articles: list[Article], factory: ProcessorFactory, workers: list[int], chunk: int) -> None:
    rates: dict[int, float] = {}
    for count in workers:
        with DaskEngine(DaskSettings(workers=count, chunk_size=chunk)) as engine:
            load, _ = timed(lambda e=engine: e.warm_up(factory, articles[0]))  # type: ignore[misc]
            before = sum(engine.client().run(cpu_seconds).values())
            seconds, results = timed(lambda e=engine: list(e(articles, factory)))  # type: ignore[misc]
            cpu = sum(engine.client().run(cpu_seconds).values()) - before
        failed = sum(1 for r in results if r.error)
        rates[count] = len(articles) / seconds
        print(f"dask {count} worker(s): {len(articles)} articles in {seconds:.1f} s = {rates[count]:.2f} articles/s; "
              f"worker CPU {1000 * cpu / len(articles):.0f} ms/article, CPU share {cpu / seconds / count:.0%} "
              f"of {count} core(s); model load {load:.1f} s; {failed} failed")
    if len(rates) > 1:
        low, high = min(rates), max(rates)
        print(f"speed-up {high} vs {low} workers: {rates[high] / rates[low]:.2f}x (wall clock)")


def bench_store(label: str, db: str, articles: list[Article], payload_of: Callable[[Article], dict[str, Any]]) -> None:
    with Store.open(db) as store:
        ingest_s, report = timed(lambda: ingest([str(p) for p in sorted(CORPUS.glob("*/raw/ru"))], store))
        add_s, _ = timed(lambda: [store.add_articles(articles[i : i + 200]) for i in range(0, len(articles), 200)])
        items = [(a.id, "nlp-1", payload_of(a)) for a in articles]
        put_s, _ = timed(lambda: [store.put_analyses(items[i : i + 200]) for i in range(0, len(items), 200)])
        total = store.count_articles()
        size = _size(store, db)
    print(f"{label}: ingest() of the raw corpus {len(report.new)} articles in {ingest_s:.2f} s "
          f"= {len(report.new) / ingest_s:.0f}/s; add_articles {len(articles)} in {add_s:.2f} s "
          f"= {len(articles) / add_s:.0f}/s; put_analyses {len(items)} in {put_s:.2f} s = {len(items) / put_s:.0f}/s; "
          f"size {size / 1e6:.1f} MB for {total} articles+analyses = {size / total / 1024:.1f} KiB/article")


def _size(store: Store, db: str) -> int:
    if store.engine.dialect.name == "postgresql":
        from sqlalchemy import text

        with store.engine.connect() as conn:
            return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())
    with store.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return os.path.getsize(db)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000, help="replicated corpus size")
    parser.add_argument("--limit", type=int, default=None, help="articles timed per engine run (quick run)")
    parser.add_argument("--workers", default="1,2", help="comma-separated local worker counts")
    parser.add_argument("--chunk", type=int, default=16)
    parser.add_argument("--pg", default=None, help="PostgreSQL URL (default: a throwaway cluster)")
    parser.add_argument("--skip-engine", action="store_true")
    parser.add_argument("--skip-store", action="store_true")
    args = parser.parse_args()
    articles = replicate(base_articles(), args.articles)
    print(f"corpus: {len(articles)} articles, {len({a.text for a in articles})} distinct texts, "
          f"mean {sum(len(a.text) for a in articles) / len(articles):.0f} chars; {os.cpu_count()} cores")
    if not args.skip_engine:
        factory, name = pick_factory(articles[0])
        print(f"processor: {name}")
        timed_set = articles[: args.limit] if args.limit else articles
        bench_engines(timed_set, factory, [int(w) for w in args.workers.split(",")], args.chunk)
    if not args.skip_store:
        run_store_bench(articles, args.pg)


def run_store_bench(articles: list[Article], pg: str | None) -> None:
    from parleywatch.engines.analysis import AnalysisProcessor

    processor = AnalysisProcessor()
    sample = [processor(a).analysis or {} for a in articles[:20]]  # real payloads, reused round-robin
    payload_of: Callable[[Article], dict[str, Any]] = lambda a: sample[int(a.id[:4], 16) % len(sample)]  # noqa: E731
    with tempfile.TemporaryDirectory() as tmp:
        bench_store("sqlite", str(Path(tmp) / "bench.db"), articles, payload_of)
    cluster = pgcluster.start(fast=False) if pg is None else None
    try:
        url = pg or cluster.create_database("bench")  # type: ignore[union-attr]
        bench_store("postgresql", url, articles, payload_of)
    finally:
        if cluster:
            cluster.stop()


if __name__ == "__main__":
    main()
