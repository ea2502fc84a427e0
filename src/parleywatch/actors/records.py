"""Actor and mention records, exported as plain dicts of kind ``actor`` and ``mention``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ACTOR_TYPES = frozenset({"person", "organization", "country", "place", "group", "government"})

# Our mention type for each actor type; DESC marks a role or label description ("глава МИД").
MENTION_TYPES = {
    "person": "PER",
    "organization": "ORG",
    "group": "ORG",
    "government": "GOV",
    "country": "LOC",
    "place": "LOC",
}


@dataclass(slots=True)
class Actor:
    """A canonical (registry) or provisional actor."""

    id: str
    name: str
    type: str
    country: str | None = None
    names: list[str] = field(default_factory=list)
    provisional: bool = False
    same_as: str | None = None  # a provisional actor found to be another one across articles

    def to_dict(self) -> dict[str, Any]:
        record = {
            "kind": "actor",
            "id": self.id,
            "name": self.name,
            "names": list(self.names),
            "type": self.type,
            "country": self.country,
            "provisional": self.provisional,
        }
        if self.same_as is not None:
            record["same_as"] = self.same_as
        return record

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            data["id"], data["name"], data["type"], data.get("country"), list(data.get("names", [])),
            bool(data.get("provisional", False)), data.get("same_as"),
        )

    def add_name(self, name: str) -> None:
        if name not in self.names:
            self.names.append(name)


def merge_actors(first: Actor, second: Actor) -> Actor:
    """One actor from two records of the same id (provisional actors met in several articles)."""
    merged = Actor.from_dict(first.to_dict())
    for name in second.names:
        merged.add_name(name)
    return merged


@dataclass(slots=True)
class Mention:
    """A span of an article that names or describes an actor."""

    article_id: str
    start: int
    end: int
    text: str
    actor_id: str
    type: str
    sentence_start: int
    sentence_end: int
    label: str | None = None
    rule: str = ""  # which linking rule resolved it; for debugging and evaluation only

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.start}-{self.end}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "mention",
            "id": self.id,
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "actor_id": self.actor_id,
            "type": self.type,
            "label": self.label,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(
            data["article_id"], data["start"], data["end"], data["text"], data["actor_id"], data["type"],
            data["sentence_start"], data["sentence_end"], data.get("label"),
        )


@dataclass(slots=True)
class ArticleLinks:
    """Everything linking found in one article."""

    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)

    def records(self) -> list[dict[str, Any]]:
        """Actor and mention records for ``store.put_records``."""
        return [a.to_dict() for a in self.actors.values()] + [m.to_dict() for m in self.mentions]
