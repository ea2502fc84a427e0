"""Per-story state: the live part used for matching, and the log kept for story records."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from parleywatch.stories.records import Story, StoryInput
from parleywatch.stories.signals import Days, HeadlineName, Side
from parleywatch.stories.weights import Vector, top_terms

TITLE_WORD = re.compile(r"\w{3,}")
TITLE_STEM = 5  # crude stem: "переговоры" and "переговорах" share "перег"
TITLE_SAMPLE = 50


@dataclass(slots=True, frozen=True)
class Reading:
    """One article as the clusterer reads it: the input, its weighted vectors, its side for the rules."""

    inp: StoryInput
    vector: Vector
    entities: Vector
    side: Side
    keys: list[str] = field(default_factory=list)  # its index keys: top terms, then entity keys


@dataclass(slots=True)
class LiveStory:
    """What matching needs of a story still inside the time window."""

    seq: int
    first_day: float
    last_day: float
    centroid: Vector = field(default_factory=dict)
    centroid_norm: float = 0.0
    entities: Vector = field(default_factory=dict)
    entities_norm: float = 0.0
    issues: dict[str, int] = field(default_factory=dict)
    keys: set[str] = field(default_factory=set)
    languages: set[str] = field(default_factory=set)
    dates: set[int] = field(default_factory=set)  # every member's lede days (see signals.Days)
    weekdays: set[int] = field(default_factory=set)
    headline: frozenset[HeadlineName] = frozenset()  # the opening article's headline names
    stems: set[str] = field(default_factory=set)  # every member's word stems

    def absorb(self, reading: Reading, limit: int) -> None:
        """Add one article's vectors and signals; the centroid keeps its ``limit`` heaviest terms."""
        inp = reading.inp
        if not self.languages:
            self.headline = inp.headline
        self.languages.add(inp.language)
        self.centroid, self.centroid_norm = _accumulate(self.centroid, reading.vector, limit)
        self.entities, self.entities_norm = _accumulate(self.entities, reading.entities, limit)
        for issue in inp.issues:
            self.issues[issue] = self.issues.get(issue, 0) + 1
        self.dates.update(reading.side.days.dates)
        self.weekdays.update(reading.side.days.weekdays)
        self.stems.update(reading.side.stems)

    def side(self, headline: frozenset[HeadlineName]) -> Side:
        """The story as the contradiction rules read it, with the headline names that count."""
        return Side(Days(self.dates, self.weekdays), headline, self.entities, self.stems)

    def stretch(self, day: float) -> None:
        """Widen the story's time span to include ``day``."""
        self.first_day = min(self.first_day, day)
        self.last_day = max(self.last_day, day)


def _accumulate(centroid: Vector, vector: Vector, limit: int) -> tuple[Vector, float]:
    for term, weight in vector.items():
        centroid[term] = centroid.get(term, 0.0) + weight
    if len(centroid) > 2 * limit:
        centroid = {term: centroid[term] for term in top_terms(centroid, limit)}
    return centroid, math.sqrt(sum(w * w for w in centroid.values()))


@dataclass(slots=True)
class StoryLog:
    """Everything a story record needs; kept for every story, live or closed."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    outlets: dict[str, None] = field(default_factory=dict)
    languages: dict[str, None] = field(default_factory=dict)
    first_published: datetime | None = None
    last_published: datetime | None = None

    def record(self, article_id: str, title: str, outlet: str | None, language: str,
               published: datetime | None) -> None:
        """Note one more article of the story."""
        self.article_ids.append(article_id)
        self.titles.append(title)
        if outlet:
            self.outlets[outlet] = None
        self.languages[language] = None
        if published is not None:
            if self.first_published is None or published < self.first_published:
                self.first_published = published
            if self.last_published is None or published > self.last_published:
                self.last_published = published

    def story(self) -> Story:
        """The public story record."""
        return Story(
            id=self.id,
            title=representative_title(self.titles),
            article_ids=list(self.article_ids),
            first_published=self.first_published,
            last_published=self.last_published,
            outlets=list(self.outlets),
            languages=list(self.languages),
        )


def representative_title(titles: list[str]) -> str:
    """The headline sharing most word stems with the others (the earliest on ties).

    >>> representative_title(["Talks open", "Talks in Geneva open", "Geneva talks open today"])
    'Talks in Geneva open'
    """
    sample = [t for t in titles[:TITLE_SAMPLE] if t.strip()]
    if not sample:
        return titles[0] if titles else ""
    stems = [{w[:TITLE_STEM] for w in TITLE_WORD.findall(t.lower())} for t in sample]
    frequency = Counter(stem for group in stems for stem in group)
    scores = [sum(frequency[s] - 1 for s in group) for group in stems]
    return sample[scores.index(max(scores))]
