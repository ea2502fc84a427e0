"""The per-article extraction entry: events and statements from one analysed, linked article.

``Lexicons`` holds every cue file and the outlet registry, loaded once per process and reused
(``process.py`` keeps one in its ArticleProcessor).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from parleywatch.actors import ArticleLinks, Mention
from parleywatch.extract.events import EventContext, extract_events, load_event_lexicon, merge_events
from parleywatch.extract.events.lexicon import EventLexicon
from parleywatch.extract.statements import Context, extract_statements, load_speech_lexicon
from parleywatch.extract.statements.lexicon import SpeechLexicon
from parleywatch.extract.statements.via import outlet_id
from parleywatch.ingest import OutletRegistry, load_outlets
from parleywatch.nlp import Analysis
from parleywatch.records import Article

log = logging.getLogger(__name__)
LANGUAGES = ("ru", "en", "uk")
EXTRACT_VERSION = "extract-2"  # event reports keyed by article; generic talks; arguments v2

__all__ = ["EXTRACT_VERSION", "Lexicons", "Pipeline", "extract_article", "merge_events", "outlet_test", "text_article"]


@dataclass(slots=True)
class Lexicons:
    """Event and speech cues per language plus the outlet registry."""

    events: dict[str, EventLexicon] = field(default_factory=dict)
    speech: dict[str, SpeechLexicon] = field(default_factory=dict)
    outlets: OutletRegistry | None = None
    keep_bare: bool = False

    @classmethod
    def load(cls, outlets: OutletRegistry | None = None) -> Lexicons:
        return cls(
            events={lang: load_event_lexicon(lang) for lang in LANGUAGES},
            speech={lang: load_speech_lexicon(lang) for lang in LANGUAGES},
            outlets=outlets or load_outlets(),
        )

    def for_language(self, language: str) -> tuple[EventLexicon, SpeechLexicon]:
        lang = language if language in self.events else "en"
        return self.events[lang], self.speech[lang]


def extract_article(
    article: Article, analysis: Analysis, links: ArticleLinks, lexicons: Lexicons
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Events and statements of one article, as export records (see docs/SCHEMA.md)."""
    if not analysis.sentences:
        log.info("article %s: no sentences, nothing to extract", article.id)
        return [], []
    event_lexicon, speech_lexicon = lexicons.for_language(analysis.language or article.language)
    outlets = lexicons.outlets or load_outlets()
    published = publication_day(article.published)
    is_outlet = outlet_test(links, outlets)
    events = extract_events(EventContext(article, analysis, links, event_lexicon, speech_lexicon.verbs,
                                         published, is_outlet, lexicons.keep_bare))
    mentions = [m for m in _outermost(links.mentions) if not is_outlet(m)]
    statements = extract_statements(Context(article, analysis, mentions, links, speech_lexicon, outlets, published))
    return events, statements


def publication_day(published: str | None) -> date | None:
    """The day of an ISO timestamp; None when missing or unreadable."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def outlet_test(links: ArticleLinks, outlets: OutletRegistry) -> Callable[[Mention], bool]:
    """A test telling the mentions of an outlet ("пишет «Коммерсантъ»"): a source, never a side.
    Answers are remembered per name: the same names are asked about many times an article."""
    known: dict[tuple[str, str], bool] = {}

    def is_outlet(mention: Mention) -> bool:
        actor = links.actors.get(mention.actor_id)
        if actor is None or actor.type not in {"organization", "group"}:
            return False
        key = (mention.text, actor.name)
        if key not in known:
            known[key] = outlet_id(mention.text, outlets) is not None or outlet_id(actor.name, outlets) is not None
        return known[key]
    return is_outlet


def _outermost(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if not any(o is not m and o.start <= m.start and m.end <= o.end
                                             and o.end - o.start > m.end - m.start for o in mentions)]


@dataclass(slots=True)
class Pipeline:
    """Analyzer, actor registry and lexicons together, for evaluations and tests on raw text."""

    analyzer: Any
    registry: Any
    lexicons: Lexicons

    @classmethod
    def load(cls) -> Pipeline:
        from parleywatch.actors import ActorRegistry
        from parleywatch.nlp import Analyzer

        return cls(Analyzer(), ActorRegistry.load(), Lexicons.load())

    def run(self, article: Article) -> tuple[Analysis, ArticleLinks, list[dict[str, Any]], list[dict[str, Any]]]:
        from parleywatch.actors import link_article

        analysis = self.analyzer.analyze(article)
        links = link_article(article, analysis, self.registry)
        events, statements = extract_article(article, analysis, links, self.lexicons)
        return analysis, links, events, statements


def text_article(text: str, language: str = "ru", published: str | None = None, article_id: str = "t") -> Article:
    """A bare article around a text (evaluation data, tests)."""
    return Article(article_id, f"<{article_id}>", None, None, "", published, language, text)
