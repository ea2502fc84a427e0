"""The concrete pipeline: the per-article processor and the global stages, in order."""

from __future__ import annotations

import logging
from typing import Any

from parleywatch.actors import ActorRegistry, link_article
from parleywatch.article_stage import run_article_stage
from parleywatch.nlp import ANALYZER_VERSION, Analysis, Analyzer
from parleywatch.process import ArticleResult, Engine, Stage, StageResult, local_engine
from parleywatch.records import Article
from parleywatch.settings import Settings
from parleywatch.store import Store
from parleywatch.stories.features import Lemmatizer, story_input_from_article
from parleywatch.stories.records import StoryInput
from parleywatch.stories.stage import InputBuilder, run_stories

logger = logging.getLogger(__name__)

LINKING_VERSION = "links-1"
PLACE_MENTION = "LOC"  # countries and places; a place acting as its government is GOV


class ArticlePipeline:
    """Analysis and actor linking of one article; models and registry load once per process."""

    version = f"{ANALYZER_VERSION}+{LINKING_VERSION}"

    def __init__(self) -> None:
        self.registry = ActorRegistry.load()
        gazetteer = self.registry.gazetteer()
        self.analyzer = Analyzer(gazetteers={"en": gazetteer, "uk": gazetteer})

    def __call__(self, article: Article, stored: dict[str, Any] | None = None) -> ArticleResult:
        try:
            return self._process(article, stored)
        except Exception as error:  # one bad article must not stop the batch: report it instead
            logger.warning("article %s failed: %s", article.id, error)
            return ArticleResult(article.id, self.version, error=f"{type(error).__name__}: {error}")

    def _process(self, article: Article, stored: dict[str, Any] | None) -> ArticleResult:
        analysis = Analysis.from_dict(stored) if stored else self.analyzer.analyze(article)
        links = link_article(article, analysis, self.registry)
        records = {
            "actor": [a.to_dict() for a in links.actors.values()],
            "mention": [m.to_dict() for m in links.mentions],
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


def global_stages(engine: Engine = local_engine) -> list[Stage]:
    """Every stage after ingest, in order."""
    return [article_stage(engine), stories_stage]
