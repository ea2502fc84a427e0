"""Records of the story stage: what the clusterer reads, decides and builds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True)
class StoryInput:
    """One article reduced to what clustering needs, whoever computed it.

    ``names`` are weak entity keys (transliterated name skeletons) from the fallback features;
    they let a Russian and an English article meet when no actor linking ran. ``days`` are the
    day keys of the dates its lede names and ``headline`` the names its headline gives, each as
    (prefixed name key, lemma); see ``signals.py``.
    """

    article_id: str
    published: datetime | None
    title: str
    language: str
    outlet: str | None
    lemmas: list[str]
    actor_ids: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    issues: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    days: frozenset[str] = frozenset()
    headline: frozenset[tuple[str, str]] = frozenset()


@dataclass(slots=True, frozen=True)
class Assignment:
    """The clusterer's answer for one article; ``score`` is the winning similarity (0 for a new story)."""

    article_id: str
    story_id: str
    duplicate_of: str | None
    score: float

    def as_link(self) -> tuple[str, str, str | None]:
        """The tuple ``store.set_story_links`` takes."""
        return (self.article_id, self.story_id, self.duplicate_of)


@dataclass(slots=True)
class Story:
    """A real-world happening and the articles that report it."""

    id: str
    title: str
    article_ids: list[str]
    first_published: datetime | None
    last_published: datetime | None
    outlets: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)

    def as_record(self) -> dict[str, Any]:
        """The export record of kind ``story``; dates as ISO 8601 strings."""
        return {
            "kind": "story",
            "id": self.id,
            "title": self.title,
            "article_ids": list(self.article_ids),
            "first_published": _iso(self.first_published),
            "last_published": _iso(self.last_published),
            "outlets": list(self.outlets),
            "languages": list(self.languages),
        }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
