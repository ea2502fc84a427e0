"""Latency and throughput of the HTTP service on a store of 100,000+ articles.

    .venv/bin/python bench/api.py [--articles N] [--seconds S] [--threads T] [--db PATH]

Builds (once, then reuses) a synthetic store: demo-corpus sentences recombined into new articles
with varied outlets and dates, plus stories, events, statements, rounds and issue statuses; builds
the search index; serves it with uvicorn in a child process on loopback; drives each endpoint from
T client threads (httpx) for S seconds; prints p50/p99 latency and requests/s. Timings vary by machine.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from parleywatch.ingest import ingest
from parleywatch.nlp.light import split_sentences
from parleywatch.records import Article
from parleywatch.search import build_index
from parleywatch.store import Store

HERE = Path(__file__).resolve().parent
DEMO = HERE.parent / "demo" / "corpus"
OUTLETS = ["tass", "ria", "interfax", "rbc", "lenta", "kommersant", "izvestia", "meduza", "unian", "ap"]
BATCH = 2000


def demo_pool(folder: Path) -> list[Article]:
    with Store.open(str(folder / "demo.db")) as store:
        ingest([str(DEMO)], store)
        return list(store.iter_articles())


def synthetic(i: int, pool: list[Article], rng: random.Random) -> Article:
    """Article ``i``: a demo article's title and 3-6 of its sentences, another outlet and date."""
    base = pool[i % len(pool)]
    spans = split_sentences(base.text)
    picked = sorted(rng.sample(spans, min(len(spans), rng.randint(3, 6))))
    text = " ".join(base.text[s:e] for s, e in picked)
    day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00"
    ident = "a" + hashlib.sha256(f"bench-{i}".encode()).hexdigest()[:19]
    return Article(id=ident, source_path=f"bench/{i}", url=f"https://example.org/{i}", outlet=OUTLETS[i % 10],
                   title=f"{base.title} ({i})", published=day, language=base.language, text=text)


def build_store(db: Path, count: int) -> None:
    """Articles in batches via ``add_articles``, then the records the pages read."""
    rng = random.Random(7)
    pool = demo_pool(db.parent)
    with Store.open(str(db)) as store:
        started = time.perf_counter()
        ids: list[str] = []
        for first in range(0, count, BATCH):
            batch = [synthetic(i, pool, rng) for i in range(first, min(first + BATCH, count))]
            store.add_articles(batch)
            ids.extend(a.id for a in batch)
        print(f"stored {count} articles in {time.perf_counter() - started:.1f} s")
        write_records(store, ids, rng)


def _ev(article_id: str) -> dict[str, Any]:
    return {"article_id": article_id, "start": 0, "end": 10, "text": "…"}


def write_records(store: Store, ids: list[str], rng: random.Random) -> None:
    stories = [{"id": f"s{n}", "title": f"story {n}", "article_ids": ids[n * 5 : n * 5 + 5]} for n in range(2000)]
    store.put_records("story", stories)
    store.set_story_links((a, f"s{n}", None) for n in range(2000) for a in ids[n * 5 : n * 5 + 5])
    day = {"start": "2025-05-05", "end": "2025-05-05", "precision": "day", "text": ""}
    events = [{"id": f"e{n}", "type": "CONSULT", "status": "occurred", "date": day, "participants": ["RU", "US"],
               "summary": f"event {n}", "evidence": [_ev(rng.choice(ids[:10_000]))]} for n in range(5000)]
    statements = [{"id": f"st{n}", "speaker": {"actor_id": rng.choice(["putin", "rubio", "lavrov"])}, "text": "…",
                   "date": day, "evidence": [_ev(rng.choice(ids[:10_000]))]} for n in range(5000)]
    rounds = [{"id": f"r{n}", "process": "p", "track": f"t{n % 3}", "ordinal": n, "status": "occurred",
               "date": {**day, "start": f"2025-{n % 12 + 1:02d}-10"}, "evidence": [_ev(ids[n])]} for n in range(30)]
    issues = [{"id": f"i{n}", "process": "p", "track": "t0", "issue": f"issue {n}", "status": "open",
               "date": "2025-05-05", "evidence": [_ev(ids[n])]} for n in range(12)]
    for kind, records in (("event", events), ("statement", statements), ("round", rounds), ("issue_status", issues)):
        store.put_records(kind, records)


def prepare(db: Path, count: int) -> None:
    if not db.exists():
        build_store(db, count)
    with Store.open(str(db)) as store:
        started = time.perf_counter()
        added = build_index(store)
        took = time.perf_counter() - started
        print(f"articles: {store.count_articles()}; search index: {added} added in {took:.1f} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = f"from parleywatch.api import serve; serve({str(db)!r}, port={port})"
    server = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=5)
            return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("server did not start")


def drive(url: str, seconds: float, threads: int) -> tuple[list[float], int, float]:
    """Each thread requests ``url`` in a loop until time is up; returns latencies, errors, elapsed."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        nonlocal errors
        with httpx.Client(timeout=30) as client:
            while time.monotonic() < stop:
                started = time.perf_counter()
                status = client.get(url).status_code
                with lock:
                    latencies.append(time.perf_counter() - started)
                    errors += status != 200
    started = time.monotonic()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return latencies, errors, time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


ENDPOINTS = [
    ("overview (JSON)", "/api/overview"),
    ("overview page", "/"),
    ("search (JSON) переговоры", "/api/search?q=переговоры"),
    ("search (JSON) rare: Рябков весна", "/api/search?q=Рябков%20весна&outlet=kommersant"),
    ("search page", "/search?q=переговорах"),
    ("story (JSON)", "/api/stories/s17"),
    ("story page", "/stories/s17"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=8.0, help="per endpoint")
    parser.add_argument("--threads", default="1,4", help="client thread counts, comma-separated")
    parser.add_argument("--db", type=Path, default=HERE / "out" / "api-bench.db")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    prepare(args.db, args.articles)
    port = free_port()
    server = start_server(args.db, port)
    try:
        print(f"{'endpoint':36} {'threads':>7} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>7}")
        for name, path in ENDPOINTS:
            for threads in (int(t) for t in args.threads.split(",")):
                lat, errors, elapsed = drive(f"http://127.0.0.1:{port}{path}", args.seconds, threads)
                print(f"{name:36} {threads:7d} {len(lat):8d} {errors:6d} {percentile(lat, 50) * 1000:8.1f} "
                      f"{percentile(lat, 99) * 1000:8.1f} {len(lat) / elapsed:7.1f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
