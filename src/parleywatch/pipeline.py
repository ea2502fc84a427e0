"""The concrete pipeline: the per-article processor and the global stages, in order."""

from __future__ import annotations

import logging
from typing import Any

from parleywatch.actors import ActorRegistry, link_article
from parleywatch.article_stage import run_article_stage
from parleywatch.extract.article import EXTRACT_VERSION, Lexicons, extract_article, merge_events
from parleywatch.nlp import ANALYZER_VERSION, Analysis, Analyzer
from parleywatch.process import ArticleResult, Engine, Stage, StageResult, local_engine
from parleywatch.records import Article
from parleywatch.settings import Settings
from parleywatch.store import Store
from parleywatch.stories.features import Lemmatizer, story_input_from_article
from parleywatch.stories.records import StoryInput
from parleywatch.stories.stage import InputBuilder, run_stories
from parleywatch.tracker import run_tracker

logger = logging.getLogger(__name__)

LINKING_VERSION = "links-1"
EVENT_KIND = "event"
ARTICLE_EVENT_KIND = "article_event"  # events as one article reports them, before merging across articles
PLACE_MENTION = "LOC"  # countries and places; a place acting as its government is GOV


class ArticlePipeline:
    """Analysis, actor linking and extraction of one article; models load once per process."""

    version = f"{ANALYZER_VERSION}+{LINKING_VERSION}+{EXTRACT_VERSION}"

    def __init__(self) -> None:
        self.registry = ActorRegistry.load()
        gazetteer = self.registry.gazetteer()
        self.analyzer = Analyzer(gazetteers={"en": gazetteer, "uk": gazetteer})
        self.lexicons = Lexicons.load()

    def __call__(self, article: Article, stored: dict[str, Any] | None = None) -> ArticleResult:
        try:
            return self._process(article, stored)
        except Exception as error:  # one bad article must not stop the batch: report it instead
            logger.warning("article %s failed: %s", article.id, error)
            return ArticleResult(article.id, self.version, error=f"{type(error).__name__}: {error}")

    def _process(self, article: Article, stored: dict[str, Any] | None) -> ArticleResult:
        analysis = Analysis.from_dict(stored) if stored else self.analyzer.analyze(article)
        links = link_article(article, analysis, self.registry)
        events, statements = extract_article(article, analysis, links, self.lexicons)
        records = {
            "actor": [a.to_dict() for a in links.actors.values()],
            "mention": [m.to_dict() for m in links.mentions],
            ARTICLE_EVENT_KIND: events,
            "statement": statements,
        }
        payload = None if stored else analysis.to_dict()
        return ArticleResult(article.id, self.version, analysis=payload, records=records)


def article_stage(engine: Engine = local_engine) -> Stage:
    """The per-article work as a stage, run through ``engine``."""

    def stage(store: Store, settings: Settings) -> StageResult:
        report = run_article_stage(store, ArticlePipeline, ANALYZER_VERSION, engine)
        return StageResult("analysis", report.summary())

    return stage


def linked_story_inputs(store: Store) -> InputBuilder:
    """Story inputs: fast lemmas plus the actors and places the linker found in the article."""
    lemmatizer = Lemmatizer()

    def build(article: Article) -> StoryInput:
        base = story_input_from_article(article, lemmatizer)
        mentions = list(store.iter_records("mention", article.id))
        base.actor_ids = frozenset(m["actor_id"] for m in mentions if m["type"] != PLACE_MENTION)
        base.places = frozenset(m["actor_id"] for m in mentions if m["type"] == PLACE_MENTION)
        return base

    return build


def stories_stage(store: Store, settings: Settings) -> StageResult:
    return StageResult("stories", run_stories(store, settings, inputs=linked_story_inputs(store)))


def events_stage(store: Store, settings: Settings) -> StageResult:
    """One event per real-world happening: merge what the articles report, across articles."""
    reported = sorted(store.iter_records(ARTICLE_EVENT_KIND), key=_reading_order(store))
    merged = merge_events(reported)
    store.delete_records(EVENT_KIND)
    store.put_records(EVENT_KIND, merged)
    return StageResult("events", f"{len(reported)} event reports merged into {len(merged)} events")


def _reading_order(store: Store) -> Any:
    """Events in publication order, then by position in their article: the earliest report leads."""
    published = {a.id: a.published or "" for a in store.iter_articles()}
    return lambda e: (published.get(e["evidence"][0]["article_id"], ""), e["evidence"][0]["article_id"],
                      e["evidence"][0]["start"])


def tracker_stage(store: Store, settings: Settings) -> StageResult:
    return StageResult("tracker", run_tracker(store))


def global_stages(engine: Engine = local_engine) -> list[Stage]:
    """Every stage after ingest, in order: the tracker reads merged events and stories."""
    return [article_stage(engine), events_stage, stories_stage, tracker_stage]
