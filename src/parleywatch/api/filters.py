"""Filters over derived records (JSON documents): small pure predicates, one per field."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

Record = dict[str, Any]


@dataclass(slots=True, frozen=True)
class RecordFilters:
    """What a reader may narrow records by; a record lacking the field does not match it."""

    process: str | None = None
    track: str | None = None
    actor: str | None = None
    issue: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from must not be after date_to")

    def matches(self, record: Record) -> bool:
        return all(rule(self, record) for rule in RULES)


def record_start(record: Record) -> str | None:
    """The record's date as ISO text: ``date.start``, or ``date`` itself when a string."""
    value = record.get("date")
    if isinstance(value, dict):
        start = value.get("start")
        return start if isinstance(start, str) else None
    return value if isinstance(value, str) else None


def record_actors(record: Record) -> set[str]:
    """Every actor id a record involves: participants, speaker, location, its own id (actors)."""
    found = {p for p in record.get("participants") or [] if isinstance(p, str)}
    for key in ("speaker", "location"):
        part = record.get(key)
        if isinstance(part, dict) and isinstance(part.get("actor_id"), str):
            found.add(part["actor_id"])
    if record.get("kind") == "actor":
        found.add(str(record.get("id")))
    return found


def record_issues(record: Record) -> set[str]:
    issues = {i for i in record.get("issues") or [] if isinstance(i, str)}
    return issues | ({record["issue"]} if isinstance(record.get("issue"), str) else set())


def by_process(f: RecordFilters, r: Record) -> bool:
    return f.process is None or r.get("process") == f.process


def by_track(f: RecordFilters, r: Record) -> bool:
    return f.track is None or r.get("track") == f.track


def by_actor(f: RecordFilters, r: Record) -> bool:
    return f.actor is None or f.actor in record_actors(r)


def by_issue(f: RecordFilters, r: Record) -> bool:
    return f.issue is None or f.issue in record_issues(r)


def by_dates(f: RecordFilters, r: Record) -> bool:
    if f.date_from is None and f.date_to is None:
        return True
    start = record_start(r)
    if start is None:
        return False
    day = start[:10]
    return (f.date_from is None or day >= f.date_from.isoformat()) and (
        f.date_to is None or day <= f.date_to.isoformat()
    )


RULES: list[Callable[[RecordFilters, Record], bool]] = [by_process, by_track, by_actor, by_issue, by_dates]
