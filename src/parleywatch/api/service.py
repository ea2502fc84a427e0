"""The read side shared by the JSON API and the pages: one object holding the store and the models."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from parleywatch.api import queries
from parleywatch.api.filters import record_start
from parleywatch.api.settings import ApiSettings
from parleywatch.records import Article
from parleywatch.search import Lemmatizer
from parleywatch.store import Store

Record = dict[str, Any]
T = TypeVar("T")


@dataclass(slots=True)
class StoryBundle:
    """A story with every article, event, statement and mention that belongs to it."""

    story: Record
    articles: list[Article]
    events: list[Record]
    statements: list[Record]
    mentions: dict[str, list[Record]] = field(default_factory=dict)


@dataclass(slots=True)
class Services:
    """Long-lived: the store (a connection pool) and the lemmatizer (pymorphy2 dictionaries)."""

    store: Store
    settings: ApiSettings
    lemmatizer: Lemmatizer = field(default_factory=Lemmatizer)
    _cache: dict[str, tuple[float, Any]] = field(default_factory=dict)

    def cached(self, key: str, compute: Callable[[], T]) -> T:
        """Aggregates over whole tables (facets, weekly counts) recomputed at most every few seconds."""
        now = time.monotonic()
        hit = self._cache.get(key)
        if hit is None or now - hit[0] > self.settings.cache_seconds:
            hit = (now, compute())
            self._cache[key] = hit
        value: T = hit[1]
        return value

    def forget(self) -> None:
        """Drop cached aggregates (after an ingest)."""
        self._cache.clear()

    def overview(self, process: str | None = None) -> list[dict[str, Any]]:
        """Per process: tracks with their rounds in date order, and the issue board."""
        rounds: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
        for record in queries.iter_kind(self.store.engine, "round"):
            rounds[str(record.get("process") or "")][str(record.get("track") or "")].append(record)
        issues: dict[str, list[Record]] = defaultdict(list)
        for record in queries.iter_kind(self.store.engine, "issue_status"):
            issues[str(record.get("process") or "")].append(record)
        names = sorted((set(rounds) | set(issues)) - ({""} if process is None else set()))
        return [_process(name, rounds.get(name, {}), issues.get(name, [])) for name in names if process in (None, name)]

    def story(self, story_id: str) -> StoryBundle | None:
        story = queries.get_record(self.store.engine, "story", story_id)
        if story is None:
            return None
        articles = queries.story_articles(self.store.engine, story_id, story.get("article_ids") or [])
        ids = [a.id for a in articles]
        engine = self.store.engine
        bundle = StoryBundle(story, articles, queries.records_citing(engine, "event", ids),
                             queries.records_citing(engine, "statement", ids))
        bundle.mentions = {i: list(queries.iter_kind(engine, "mention", article_id=i)) for i in ids}
        return bundle

    def evidence_articles(self, records: list[Record]) -> dict[str, Article]:
        """The articles the evidence of these records cites, for outlet names and links."""
        return queries.articles_by_ids(self.store.engine, (i for r in records for i in queries.cited_articles(r)))

    def names(self) -> dict[str, str]:
        """Actor id → display name, cached like the other whole-table reads."""
        return self.cached("actor_names", self.actor_names)

    def actor_names(self) -> dict[str, str]:
        return {str(a["id"]): str(a.get("name") or a["id"]) for a in queries.iter_kind(self.store.engine, "actor")}


def _process(name: str, tracks: dict[str, list[Record]], issues: list[Record]) -> dict[str, Any]:
    ordered = {t: sorted(rs, key=_round_key) for t, rs in sorted(tracks.items())}
    return {
        "process": name,
        "tracks": [{"track": t, "rounds": rs} for t, rs in ordered.items()],
        "issues": sorted(issues, key=lambda r: (str(r.get("track") or ""), str(r.get("issue") or ""))),
    }


def _round_key(record: Record) -> tuple[str, int, str]:
    ordinal = record.get("ordinal")
    return (record_start(record) or "9999", ordinal if isinstance(ordinal, int) else 0, str(record["id"]))
