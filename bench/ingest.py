"""Ingest throughput and peak memory on the BSNLP Russian corpus.

    .venv/bin/python bench/ingest.py [--repeat N] [PATH ...]

Prints articles/s and peak RSS; the README records the figures. Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from parleywatch.ingest import ingest
from parleywatch.store import Store

DEFAULT = str(Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "bsnlp" / "*" / "raw" / "ru")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[DEFAULT])
    parser.add_argument("--repeat", type=int, default=3, help="runs into fresh stores; the best is reported")
    args = parser.parse_args()
    best = None
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as folder, Store.open(str(Path(folder) / "bench.db")) as store:
            started = time.perf_counter()
            report = ingest(args.paths, store)
            elapsed = time.perf_counter() - started
            best = min(best or elapsed, elapsed)
            stored = store.count_articles()
    assert best is not None
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files: {report.files}, articles stored: {stored}, errors: {len(report.errors)}")
    print(f"ingest: {best:.2f} s, {stored / best:.0f} articles/s (best of {args.repeat})")
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
