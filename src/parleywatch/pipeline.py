"""The concrete pipeline: the per-article processor and the global stages, in order."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from parleywatch.actors import Actor, ActorRegistry, link_article
from parleywatch.actors.consolidate import consolidated_actors, consolidation_map, registry_surnames, relink
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

LINKING_VERSION = "links-2"  # provisional ids from lemmas, first names and initials in article memory
CONSOLIDATION_KEY = "actors.consolidation"  # the last map of provisional actors onto others
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
            ARTICLE_EVENT_KIND: [own_report(e, article.id) for e in events],
            "statement": statements,
        }
        payload = None if stored else analysis.to_dict()
        return ArticleResult(article.id, self.version, analysis=payload, records=records)


def article_stage(engine: Engine = local_engine, touched: set[str] | None = None) -> Stage:
    """The per-article work as a stage, run through ``engine``; ``touched`` collects the ids of
    the articles it (re)linked, for the actors stage."""

    def stage(store: Store, settings: Settings) -> StageResult:
        seen = touched.add if touched is not None else None
        report = run_article_stage(store, ArticlePipeline, ANALYZER_VERSION, engine,
                                   on_result=(lambda r: seen(r.article_id)) if seen else None)
        return StageResult("analysis", report.summary())

    return stage


def actors_stage(touched: set[str]) -> Stage:
    """Provisional actors consolidated across articles ("Мэй" here, "Тереза Мэй" there), in the
    calling process after the per-article work, so every engine gives the same store.

    The map is recomputed from all actor ids each run; mentions and statement speakers of the
    articles linked this run are pointed through it, and every article's when the map changed.
    """

    def stage(store: Store, settings: Settings) -> StageResult:
        actors = {a["id"]: Actor.from_dict(a) for a in store.iter_records("actor")}
        mapping = consolidation_map(actors, registry_surnames())
        previous = json.loads(store.get_state(CONSOLIDATION_KEY) or b"{}")
        articles = [a.id for a in store.iter_articles()] if mapping != previous else sorted(touched)
        changed = sum(_relink_article(store, article_id, mapping) for article_id in articles)
        store.put_records("actor", [a.to_dict() for a in consolidated_actors(actors, mapping)])
        store.put_state(CONSOLIDATION_KEY, json.dumps(mapping, sort_keys=True).encode())
        merged = f"{len(mapping)} provisional actors merged into others"
        return StageResult("actors", f"{merged}; {changed} records relinked")

    return stage


def _relink_article(store: Store, article_id: str, mapping: dict[str, str]) -> int:
    """Point the article's mentions and statement speakers at the merged actors; how many changed."""
    changed = 0
    holders: tuple[tuple[str, Callable[[dict[str, Any]], dict[str, Any]]], ...] = (
        ("mention", lambda r: r), ("statement", lambda r: r.get("speaker") or {}))
    for kind, holder in holders:
        records = list(store.iter_records(kind, article_id))
        relinked = [r for r in records if relink(holder(r), mapping)]
        if relinked:
            store.put_records(kind, relinked)
        changed += len(relinked)
    return changed


def own_report(event: dict[str, Any], article_id: str) -> dict[str, Any]:
    """An event report keyed by its article, so reprocessing the article replaces its reports
    (the store swaps a kind's records by ``article_id``) instead of leaving the old ones behind."""
    return dict(event, article_id=article_id)


def consolidated_event(event: dict[str, Any], mapping: dict[str, str]) -> dict[str, Any]:
    """An event as one article reports it, its participants, places and described participants
    seen through the map (the storage key ``article_id`` dropped: a merged event cites its
    articles in ``article_ids``)."""
    copy = dict(event, participants=[mapping.get(i, i) for i in event.get("participants", [])])
    copy.pop("article_id", None)
    for role in ("source", "target"):
        if isinstance(copy.get(role), str):
            copy[role] = mapping.get(copy[role], copy[role])
    if isinstance(copy.get("location"), dict):
        copy["location"] = _remapped(copy["location"], mapping)
    for key in ("locations", "described_participants"):
        if isinstance(copy.get(key), list):
            copy[key] = [_remapped(item, mapping) if isinstance(item, dict) else item for item in copy[key]]
    return copy


def _remapped(item: dict[str, Any], mapping: dict[str, str]) -> dict[str, Any]:
    """A place or description object with its ``actor_id`` seen through the map (null stays null)."""
    actor_id = item.get("actor_id")
    return dict(item, actor_id=mapping.get(actor_id, actor_id)) if isinstance(actor_id, str) else item


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
    mapping = json.loads(store.get_state(CONSOLIDATION_KEY) or b"{}")
    reported = [consolidated_event(e, mapping) for e in current_reports(store)]
    reported.sort(key=_reading_order(store))
    merged = merge_events(reported)
    store.delete_records(EVENT_KIND)
    store.put_records(EVENT_KIND, merged)
    return StageResult("events", f"{len(reported)} event reports merged into {len(merged)} events")


def current_reports(store: Store) -> list[dict[str, Any]]:
    """The stored event reports, without those of a store written before reports were keyed by
    article (no ``article_id``): those were never replaced, so they may be stale, and the new
    extraction version has re-extracted every article anyway."""
    return [r for r in store.iter_records(ARTICLE_EVENT_KIND) if r.get("article_id")]


def _reading_order(store: Store) -> Any:
    """Events in publication order, then by position in their article: the earliest report leads."""
    published = {a.id: a.published or "" for a in store.iter_articles()}
    return lambda e: (published.get(e["evidence"][0]["article_id"], ""), e["evidence"][0]["article_id"],
                      e["evidence"][0]["start"])


def tracker_stage(store: Store, settings: Settings) -> StageResult:
    return StageResult("tracker", run_tracker(store))


def global_stages(engine: Engine = local_engine) -> list[Stage]:
    """Every stage after ingest, in order: actors are consolidated before events are merged,
    and the tracker reads merged events and stories."""
    touched: set[str] = set()
    return [article_stage(engine, touched), actors_stage(touched), events_stage, stories_stage, tracker_stage]
