"""Throughput of incremental story clustering on the BSNLP corpus replicated to 100k articles.

    .venv/bin/python bench/stories.py [--articles 100000] [--per-day 200] [--bsnlp DIR] [--rounds R]

Copies are perturbed at the lemma level (sentence-sized chunks dropped and shuffled, ~5% of
lemmas replaced by copy-specific variants) and placed on a steady timeline of ``--per-day``
articles a day, so the store keeps growing while the time window holds a constant load.
Only ``StoryClusterer.add`` is timed; inputs are precomputed. Rates are given on CPU time
(``time.process_time``, the figure to judge by on a shared machine) and on the wall clock.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from parleywatch.evaluation.stories import read_bsnlp
from parleywatch.stories import Lemmatizer, StoryClusterer, StoryInput, story_input_from_article

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

CHUNK = 15  # lemmas per pseudo-sentence
MARKS = (10_000, 50_000, 100_000)
SEGMENT = 5_000  # throughput is measured over the SEGMENT articles before each mark
START = datetime(2020, 1, 1, tzinfo=UTC)


def perturb(inp: StoryInput, copy: int, index: int, per_day: float, rng: random.Random) -> StoryInput:
    """A copy that is similar but not identical, published on the steady timeline."""
    chunks = [inp.lemmas[i : i + CHUNK] for i in range(0, len(inp.lemmas), CHUNK)]
    if len(chunks) > 3:
        del chunks[rng.randrange(len(chunks))]
        i, j = rng.randrange(len(chunks)), rng.randrange(len(chunks))
        chunks[i], chunks[j] = chunks[j], chunks[i]
    lemmas = [lemma if rng.random() > 0.05 else f"{lemma}~{copy % 97}" for c in chunks for lemma in c]
    published = START + timedelta(days=index / per_day)
    return replace(inp, article_id=f"{inp.article_id}#{copy}", published=published, lemmas=lemmas)


def build_inputs(bsnlp: Path, total: int, per_day: float) -> list[StoryInput]:
    """Precompute ``total`` perturbed StoryInputs from the BSNLP raw documents."""
    lemmatizer = Lemmatizer()
    base = [story_input_from_article(article, lemmatizer) for _, article in read_bsnlp(bsnlp)]
    rng = random.Random(7)
    inputs: list[StoryInput] = []
    copy = 0
    while len(inputs) < total:
        order = list(range(len(base)))
        rng.shuffle(order)
        for j in order[: total - len(inputs)]:
            inputs.append(perturb(base[j], copy, len(inputs), per_day, rng))
        copy += 1
    return inputs


def peak_rss_mb() -> float:
    """Peak resident set size of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(inputs: list[StoryInput]) -> dict[int, float]:
    """Time the clusterer alone, printing throughput at each mark; returns the CPU rates."""
    clusterer = StoryClusterer()
    rates: dict[int, float] = {}
    started, started_cpu = time.perf_counter(), time.process_time()
    segment_start, segment_cpu = started, started_cpu
    for n, inp in enumerate(inputs, start=1):
        clusterer.add(inp)
        if n % SEGMENT == 0:
            now, cpu = time.perf_counter(), time.process_time()
            if n in MARKS or n == len(inputs):
                rates[n] = SEGMENT / (cpu - segment_cpu)
                print(f"{n:>7} articles in store: {rates[n]:7.0f} articles/s CPU, "
                      f"{SEGMENT / (now - segment_start):7.0f} wall (last {SEGMENT}), "
                      f"live stories {clusterer.live_stories()}, peak RSS {peak_rss_mb():.0f} MB")
            segment_start, segment_cpu = now, cpu
    total, total_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    print(f"total: {len(inputs)} articles in {total:.1f} s = {len(inputs) / total_cpu:.0f} articles/s CPU, "
          f"{len(inputs) / total:.0f} wall, {len(clusterer.stories())} stories")
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--per-day", type=float, default=200.0)
    parser.add_argument("--bsnlp", type=Path, default=SHARED / "eval" / "bsnlp")
    parser.add_argument("--rounds", type=int, default=1, help="fresh runs over the same inputs; the best counts")
    args = parser.parse_args()
    t0 = time.perf_counter()
    inputs = build_inputs(args.bsnlp, args.articles, args.per_day)
    print(f"prepared {len(inputs)} inputs in {time.perf_counter() - t0:.1f} s, "
          f"peak RSS before clustering {peak_rss_mb():.0f} MB")
    best: dict[int, float] = {}
    for round_ in range(args.rounds):
        print(f"round {round_ + 1}:")
        for mark, rate in run(inputs).items():
            best[mark] = max(rate, best.get(mark, 0.0))
    marks = sorted(best)
    rates, sizes = " / ".join(f"{best[m]:.0f}" for m in marks), " / ".join(f"{m // 1000}k" for m in marks)
    print(f"best CPU rates: {rates} articles/s at {sizes} stored; last vs first {best[marks[-1]] / best[marks[0]]:.2f}")


if __name__ == "__main__":
    main()
