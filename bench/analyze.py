"""Throughput of natasha alone versus the project's analysis + linking, in one process.

    .venv/bin/python bench/analyze.py [../shared/eval/bsnlp] [--limit N]

Reads BSNLP raw Russian files (line 1 id, 2 language, 3 date, 4 URL, 5 title, rest text), runs
natasha (segment, morphology, syntax, NER) and then ``Analyzer.analyze`` + ``link_article`` on
the same texts, and prints articles/s, kchar/s, their ratio and the peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from pathlib import Path

from parleywatch.actors import ActorRegistry, link_article
from parleywatch.nlp import Analyzer
from parleywatch.nlp.russian import RussianAnalyzer
from parleywatch.records import Article

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


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


def full_pipeline(analyzer: Analyzer, registry: ActorRegistry) -> Callable[[Article], object]:
    def run(article: Article) -> object:
        return link_article(article, analyzer.analyze(article), registry)

    return run


def measure(name: str, step: Callable[[Article], object], articles: list[Article]) -> float:
    started = time.perf_counter()
    for article in articles:
        step(article)
    seconds = time.perf_counter() - started
    chars = sum(len(a.text) for a in articles)
    rate, kchars = len(articles) / seconds, chars / seconds / 1000
    print(f"{name:<12} {rate:7.1f} articles/s  {kchars:7.1f} kchar/s  {seconds:.1f} s")
    return len(articles) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=SHARED / "eval" / "bsnlp", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    options = parser.parse_args()
    articles = read_articles(options.root, options.limit)
    registry = ActorRegistry.load()
    analyzer = Analyzer(gazetteers={"en": registry.gazetteer(), "uk": registry.gazetteer()})
    models = analyzer.for_language("ru")
    assert isinstance(models, RussianAnalyzer)
    natasha_alone(models)(articles[0])  # warm-up: first calls allocate
    natasha = measure("natasha", natasha_alone(models), articles)
    ours = measure("parleywatch", full_pipeline(analyzer, registry), articles)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ratio parleywatch/natasha {ours / natasha:.2f}  peak RSS {peak:.0f} MB  ({len(articles)} articles)")


if __name__ == "__main__":
    main()
