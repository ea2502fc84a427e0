"""Throughput of natasha alone versus the project's analysis + linking, in one process, and
what event and statement extraction adds on top.

    .venv/bin/python bench/analyze.py [../shared/eval/bsnlp] [--limit N] [--rounds R]

Reads BSNLP raw Russian files (line 1 id, 2 language, 3 date, 4 URL, 5 title, rest text), runs
natasha (segment, morphology, syntax, NER) and then ``Analyzer.analyze`` + ``link_article`` on
the same texts, ``--rounds`` times each, alternating, with fresh models every round, and prints articles/s, kchar/s, CPU
milliseconds per article, their ratios and the peak RSS; then the CPU time extraction
(``extract_article``: events and statements) takes on the same analyses, as a share of analysis +
linking. The machine is shared: the CPU-time
ratio (``time.process_time``, best round of each side) is the figure to judge by; wall-clock
rates move with the load of other processes. BLAS runs one thread (set before numpy loads).
"""

from __future__ import annotations

import os

# One BLAS thread, as a worker per core runs: OpenBLAS threads spinning on a shared machine
# multiply natasha's CPU time several times over and drown the comparison in noise.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

from parleywatch.actors import ActorRegistry, link_article  # noqa: E402
from parleywatch.extract.article import Lexicons, extract_article  # noqa: E402
from parleywatch.nlp import Analyzer  # noqa: E402
from parleywatch.nlp.russian import RussianAnalyzer  # noqa: E402
from parleywatch.records import Article  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@dataclass(slots=True)
class Timing:
    wall: float
    cpu: float


def read_articles(root: Path, limit: int | None) -> list[Article]:
    articles = []
    for path in sorted(root.glob("*/raw/ru/*.txt"))[:limit]:
        lines = path.read_text(encoding="utf-8").split("\n", 5)
        text = lines[4] + "\n" + (lines[5] if len(lines) > 5 else "")
        articles.append(Article(lines[0], str(path), lines[3], None, lines[4], lines[2][:10] or None, "ru", text))
    return articles


def natasha_alone(models: RussianAnalyzer) -> Callable[[Article], object]:
    from natasha import Doc  # type: ignore[import-untyped]

    def run(article: Article) -> object:
        doc = Doc(article.text)
        doc.segment(models.segmenter)
        doc.tag_morph(models.morph_tagger)
        doc.parse_syntax(models.syntax_parser)
        doc.tag_ner(models.ner_tagger)
        return doc

    return run


def full_pipeline(analyzer: Analyzer, registry: ActorRegistry, lexicons: Lexicons,
                  extraction: Timing) -> Callable[[Article], object]:
    """Analysis + linking; extraction runs after each article and its time goes to ``extraction``
    alone, so the analyses need not be kept in memory (which would inflate the peak RSS)."""

    def run(article: Article) -> object:
        analysis = analyzer.analyze(article)
        links = link_article(article, analysis, registry)
        wall, cpu = time.perf_counter(), time.process_time()
        extract_article(article, analysis, links, lexicons)
        extraction.wall += time.perf_counter() - wall
        extraction.cpu += time.process_time() - cpu
        return links

    return run


def measure(step: Callable[[Article], object], articles: list[Article]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    for article in articles:
        step(article)
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


def report(name: str, timing: Timing, articles: list[Article]) -> None:
    chars = sum(len(a.text) for a in articles)
    rate, kchars = len(articles) / timing.wall, chars / timing.wall / 1000
    cpu_ms = timing.cpu / len(articles) * 1000
    print(f"{name:<12} {rate:7.1f} articles/s  {kchars:7.1f} kchar/s  {timing.wall:.1f} s  "
          f"{cpu_ms:6.1f} ms CPU/article")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=SHARED / "eval" / "bsnlp", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=2, help="alternating runs of each side; the best counts")
    options = parser.parse_args()
    articles = read_articles(options.root, options.limit)
    registry = ActorRegistry.load()
    lexicons = Lexicons.load()
    best: dict[str, Timing] = {}
    for round_ in range(options.rounds):
        # fresh models each round: our memoised lemmas must not carry over to the same texts
        analyzer = Analyzer(gazetteers={"en": registry.gazetteer(), "uk": registry.gazetteer()})
        models = analyzer.for_language("ru")
        assert isinstance(models, RussianAnalyzer)
        natasha_alone(models)(articles[0])  # warm-up: first calls allocate
        extraction = Timing(0.0, 0.0)
        ours = full_pipeline(analyzer, registry, lexicons, extraction)
        sides = {"natasha": natasha_alone(models), "parleywatch": ours}
        for name, step in sides.items():
            timing = measure(step, articles)
            if name == "parleywatch":  # analysis + linking alone; extraction apart
                timing = Timing(timing.wall - extraction.wall, timing.cpu - extraction.cpu)
            print(f"round {round_ + 1}: ", end="")
            report(name, timing, articles)
            keep_best(best, name, timing)
        print(f"round {round_ + 1}: ", end="")
        report("extraction", extraction, articles)
        keep_best(best, "extraction", extraction)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    natasha, ours, extraction = best["natasha"], best["parleywatch"], best["extraction"]
    print(
        f"ratio parleywatch/natasha: CPU {natasha.cpu / ours.cpu:.2f}  wall {natasha.wall / ours.wall:.2f}  "
        f"peak RSS {peak:.0f} MB  ({len(articles)} articles, best of {options.rounds} rounds)"
    )
    print(f"extraction adds {extraction.cpu / ours.cpu:.0%} CPU to analysis + linking")


def keep_best(best: dict[str, Timing], name: str, timing: Timing) -> None:
    previous = best.get(name)
    best[name] = Timing(min(timing.wall, previous.wall), min(timing.cpu, previous.cpu)) if previous else timing


if __name__ == "__main__":
    main()
