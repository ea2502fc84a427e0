"""Incremental story clustering with near-duplicate detection.

Each article is compared only with stories still inside the time window, found through an
inverted index over the article's heaviest lemmas and its entity keys; stories and duplicate
signatures older than the window are evicted, so the cost per article does not grow with the
store. Everything is deterministic given the input order: ``rebuild`` over the same order
reproduces the incremental result.
"""

from __future__ import annotations

import heapq
import logging
import pickle
from collections.abc import Iterable
from datetime import datetime
from itertools import islice

from parleywatch.errors import ParleyError
from parleywatch.stories.dedup import DuplicateIndex
from parleywatch.stories.records import Assignment, Story, StoryInput
from parleywatch.stories.scoring import (
    cosine,
    crosslingual_score,
    entity_overlap,
    issue_overlap,
    story_score,
    time_decay,
    time_gap,
)
from parleywatch.stories.settings import StorySettings
from parleywatch.stories.signals import (
    Days,
    HeadlineName,
    Side,
    contradiction_factor,
    day_positions,
    different_days,
    stems,
)
from parleywatch.stories.state import LiveStory, Reading, StoryLog
from parleywatch.stories.weights import DocumentFrequencies, Vector, binary_idf, tfidf, top_terms

log = logging.getLogger(__name__)

SECONDS_PER_DAY = 86_400.0
# Bumped whenever the saved state changes shape or meaning; an older state is rebuilt, not read.
STATE_VERSION = 2
POSTINGS_SCANNED = 4  # per key, scan this many times ``max_candidates`` most recent stories
STORY_ID_PREFIX = "story-"


class StaleStateError(ParleyError):
    """The saved clusterer state predates this code; the stories must be rebuilt."""


def entity_keys(inp: StoryInput) -> list[str]:
    """Actors, places and name keys, prefixed so that the kinds never collide."""
    keys = [f"@a:{a}" for a in inp.actor_ids] + [f"@p:{p}" for p in inp.places]
    keys += [f"@n:{n}" for n in inp.names]
    return sorted(keys)


class StoryClusterer:
    """Assigns each article to a story (new or existing) and marks near duplicates."""

    def __init__(self, settings: StorySettings | None = None) -> None:
        self.settings = settings or StorySettings()
        self._frequencies = DocumentFrequencies(self.settings.idf_prior_docs)
        self._duplicates = DuplicateIndex(self.settings)
        self._postings: dict[str, dict[int, None]] = {}
        self._live: dict[int, LiveStory] = {}
        self._logs: list[StoryLog] = []
        self._article_story: dict[str, tuple[int, str]] = {}  # indexed article -> (story, original)
        self._story_expiry: list[tuple[float, int]] = []
        self._article_expiry: list[tuple[float, str]] = []
        self._watermark: float | None = None
        self.state_version = STATE_VERSION

    # ------------------------------------------------------------------ public API

    def add(self, inp: StoryInput) -> Assignment:
        """Cluster one article: join the duplicate's or best story, or open a new one."""
        day = self._day_of(inp.published)
        self._advance(day)
        reading = self._read(inp)
        minhash = self._duplicates.signature(inp.lemmas)
        match = self._duplicates.find(minhash) if minhash is not None else None
        if match is not None and self._other_day(reading, self._article_story[match[0]][0]):
            match = None  # a template filled in for another day ("Погода в Энске на 9 марта")
        if match is not None:
            seq, original = self._article_story[match[0]]
            score, duplicate_of = match[1], original
        else:
            found = self._best_story(reading, day)
            seq, score = found if found is not None else (self._open_story(inp, day), 0.0)
            duplicate_of, original = None, inp.article_id
        self._join(seq, reading, day)
        if minhash is not None:
            self._duplicates.add(inp.article_id, minhash)
            self._article_story[inp.article_id] = (seq, original)
            heapq.heappush(self._article_expiry, (day, inp.article_id))
        self.observe(inp)
        return Assignment(inp.article_id, self._logs[seq].id, duplicate_of, round(score, 6))

    def add_many(self, inputs: Iterable[StoryInput]) -> list[Assignment]:
        """``add`` each input in order."""
        return [self.add(inp) for inp in inputs]

    def rebuild(self, inputs: Iterable[StoryInput]) -> list[Assignment]:
        """Forget everything and cluster ``inputs`` afresh, in the given order."""
        self.__init__(self.settings)  # type: ignore[misc]
        return self.add_many(inputs)

    def observe(self, inp: StoryInput) -> None:
        """Count an article's terms without clustering it (warms IDF from background text)."""
        self._frequencies.observe([*inp.lemmas, *entity_keys(inp)])

    def pair_score(self, first: StoryInput, second: StoryInput) -> tuple[bool, float]:
        """Would ``second`` join a story made of ``first`` alone? Leaves the clusterer untouched."""
        a_hash, b_hash = self._duplicates.signature(first.lemmas), self._duplicates.signature(second.lemmas)
        other_day = self._days_matter and different_days(day_positions(first.days), day_positions(second.days))
        if a_hash is not None and b_hash is not None and not other_day:
            dup = a_hash.jaccard(b_hash)
            if dup >= self.settings.duplicate_threshold:
                return True, float(dup)
        day_a, day_b = self._pair_days(first, second)
        story = LiveStory(seq=-1, first_day=day_a, last_day=day_a)
        story.absorb(self._read(first), self.settings.centroid_terms)
        score = self._score(story, self._read(second), day_b)
        return score >= self.settings.join_threshold, score

    def stories(self) -> list[Story]:
        """Every story so far, live or closed, in order of opening."""
        return [story_log.story() for story_log in self._logs]

    def live_stories(self) -> int:
        """How many stories are still inside the time window (the index size)."""
        return len(self._live)

    def dumps(self) -> bytes:
        """The whole state, for ``store.put_state`` (a trusted store only: this is pickle)."""
        return pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def loads(blob: bytes) -> StoryClusterer:
        """A clusterer saved by ``dumps``; ``StaleStateError`` when an older version saved it."""
        clusterer = pickle.loads(blob)
        if not isinstance(clusterer, StoryClusterer):
            raise TypeError("the blob does not hold a StoryClusterer")
        version = getattr(clusterer, "state_version", 1)
        if version != STATE_VERSION:
            raise StaleStateError(f"story state of version {version}, this code reads {STATE_VERSION}")
        return clusterer

    # ------------------------------------------------------------------ matching

    def _read(self, inp: StoryInput) -> Reading:
        vector = tfidf(inp.lemmas, self._frequencies)
        entities = binary_idf(entity_keys(inp), self._frequencies)
        side = Side(day_positions(inp.days), self._key_names(inp.headline), entities, stems(vector))
        return Reading(inp, vector, entities, side, self._index_keys(vector, entities))

    def _best_story(self, reading: Reading, day: float) -> tuple[int, float] | None:
        best: tuple[int, float] | None = None
        for seq in self._candidates(reading.keys):
            score = self._score(self._live[seq], reading, day, floor=self.settings.join_threshold)
            if score >= self.settings.join_threshold and (best is None or score > best[1]):
                best = (seq, score)
        return best

    def _score(self, story: LiveStory, reading: Reading, day: float, floor: float | None = None) -> float:
        """The decision function; ``pair_score`` and ``add`` both go through here. With a
        ``floor``, a story whose score cannot reach it (the text cosine and the time gap known,
        every other part at its most; the contradiction factors only lower it, settings.py keeps
        them in [0, 1]) scores 0 without the rest being computed: the same decisions, fewer entity
        and contradiction checks."""
        settings = self.settings
        decay = time_decay(time_gap(day, story.first_day, story.last_day), settings)
        if decay == 0.0:
            return 0.0
        inp, vector, entities = reading.inp, reading.vector, reading.entities
        same_language = inp.language in story.languages
        text = cosine(vector, story.centroid, story.centroid_norm) if same_language else 0.0
        if floor is not None:
            most = (story_score(text, 1.0, 1.0, decay, settings) if same_language
                    else crosslingual_score(1.0, 1.0, decay, settings))
            if most < floor:
                return 0.0
        story_side = story.side(self._key_names(story.headline))
        decay *= contradiction_factor(reading.side, story_side, same_language, settings)
        if decay == 0.0:
            return 0.0
        issue = issue_overlap(inp.issues, story.issues)
        if not same_language:
            shared = settings.crosslingual_min_shared
            entity = entity_overlap(entities, story.entities, story.entities_norm, shared)
            return crosslingual_score(entity, issue, decay, settings)
        entity = entity_overlap(entities, story.entities, story.entities_norm, settings.entity_min_shared)
        return story_score(text, entity, issue, decay, settings)

    @property
    def _days_matter(self) -> bool:
        return self.settings.day_conflict_factor < 1.0

    def _other_day(self, reading: Reading, seq: int) -> bool:
        """Does the article's lede name other days than the story's (when days count at all)?"""
        story = self._live[seq]
        return self._days_matter and different_days(reading.side.days, Days(story.dates, story.weekdays))

    def _key_names(self, headline: frozenset[HeadlineName]) -> frozenset[HeadlineName]:
        """The headline names rare enough to be what a report is about."""
        if not headline:
            return headline
        limit = self.settings.key_name_max_share
        return frozenset(name for name in headline if self._frequencies.share(name[0]) <= limit)

    def _index_keys(self, vector: Vector, entities: Vector) -> list[str]:
        return top_terms(vector, self.settings.index_terms) + list(entities)

    def _candidates(self, keys: list[str]) -> list[int]:
        """Live stories sharing the most index keys with the article (recent ones first)."""
        hits: dict[int, int] = {}
        scan = POSTINGS_SCANNED * self.settings.max_candidates
        for key in keys:
            posting = self._postings.get(key)
            if posting:
                for seq in islice(reversed(posting), scan):
                    hits[seq] = hits.get(seq, 0) + 1
        ranked = sorted(hits.items(), key=lambda item: (-item[1], -item[0]))
        return [seq for seq, _ in ranked[: self.settings.max_candidates]]

    # ------------------------------------------------------------------ updating

    def _open_story(self, inp: StoryInput, day: float) -> int:
        seq = len(self._logs)
        self._logs.append(StoryLog(id=f"{STORY_ID_PREFIX}{inp.article_id}"))
        self._live[seq] = LiveStory(seq=seq, first_day=day, last_day=day)
        return seq

    def _join(self, seq: int, reading: Reading, day: float) -> None:
        inp = reading.inp
        story = self._live[seq]
        story.absorb(reading, self.settings.centroid_terms)
        story.stretch(day)
        for key in reading.keys:
            posting = self._postings.setdefault(key, {})
            posting.pop(seq, None)
            posting[seq] = None  # move to the end: most recent last
            story.keys.add(key)
        heapq.heappush(self._story_expiry, (story.last_day, seq))
        self._logs[seq].record(inp.article_id, inp.title, inp.outlet, inp.language, inp.published)

    # ------------------------------------------------------------------ time window

    def _day_of(self, published: datetime | None) -> float:
        """Days since the epoch; an undated article counts as of the newest date seen."""
        if published is None:
            return self._watermark if self._watermark is not None else 0.0
        return published.timestamp() / SECONDS_PER_DAY

    def _pair_days(self, first: StoryInput, second: StoryInput) -> tuple[float, float]:
        """Pair dates, an undated side taken as the other's day (both undated: same day)."""
        a = first.published.timestamp() / SECONDS_PER_DAY if first.published else None
        b = second.published.timestamp() / SECONDS_PER_DAY if second.published else None
        return (a if a is not None else b or 0.0), (b if b is not None else a or 0.0)

    def _advance(self, day: float) -> None:
        if self._watermark is not None and day <= self._watermark:
            return
        self._watermark = day
        cutoff = day - self.settings.window_days
        while self._story_expiry and self._story_expiry[0][0] < cutoff:
            _, seq = heapq.heappop(self._story_expiry)
            story = self._live.get(seq)
            if story is not None and story.last_day < cutoff:
                self._evict_story(story)
        while self._article_expiry and self._article_expiry[0][0] < cutoff:
            _, article_id = heapq.heappop(self._article_expiry)
            self._duplicates.remove(article_id)
            self._article_story.pop(article_id, None)

    def _evict_story(self, story: LiveStory) -> None:
        del self._live[story.seq]
        for key in story.keys:
            posting = self._postings.get(key)
            if posting is not None:
                posting.pop(story.seq, None)
                if not posting:
                    del self._postings[key]
