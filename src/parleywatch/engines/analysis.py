"""A per-article processor that only runs the language analysis: the bench's work unit.

Stands in for the full processor (analysis + actor linking + extraction) until that exists, and
stays useful to (re)build the stored analyses on their own.
"""

from __future__ import annotations

from parleywatch.nlp import ANALYZER_VERSION, Analyzer
from parleywatch.process import ArticleResult
from parleywatch.records import Article


class AnalysisProcessor:
    """``ArticleProcessor``: the analysis of one article as a JSON-ready payload."""

    version = ANALYZER_VERSION

    def __init__(self) -> None:
        self.analyzer = Analyzer()  # models load lazily, once per process

    def __call__(self, article: Article) -> ArticleResult:
        analysis = self.analyzer.analyze(article)
        return ArticleResult(article_id=article.id, version=self.version, analysis=analysis.to_dict())
