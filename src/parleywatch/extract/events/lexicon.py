"""Per-language event cues loaded from ``extract/data/events_<lang>.yaml`` once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent.parent / "data"
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = ("occurred", "planned", "cancelled", "postponed", "suspended", "denied", "hypothetical")


@dataclass(slots=True, frozen=True)
class Trigger:
    """A lemma sequence that signals an event type (and mode)."""

    lemmas: tuple[str, ...]
    type: str
    mode: str | None


@dataclass(slots=True, frozen=True)
class EventLexicon:
    """Everything language-specific the event rules need."""

    language: str
    triggers: dict[str, tuple[Trigger, ...]]  # first lemma -> triggers starting with it, longest first
    status: dict[str, re.Pattern[str]]
    ordinals: dict[str, int]
    ordinal_heads: frozenset[str]
    demonyms: dict[str, str]
    clause_breaks: frozenset[str]
    ignore: frozenset[tuple[str, ...]] = frozenset()
    frames: frozenset[tuple[str, ...]] = frozenset()  # "unless": the clause is a conditional threat
    light_verbs: frozenset[str] = frozenset()  # "staged a protest": the noun names the event
    intents: frozenset[tuple[str, ...]] = frozenset()  # "vowed to": the complement says cooperate or threaten
    delegation: tuple[str, ...] = ()  # "делегации возглавили": the people named lead the sides of a meeting
    title_links: frozenset[str] = frozenset()  # "envoy for ...": words continuing an office title


def _trigger(key: str, words: str) -> Trigger:
    kind, _, mode = key.partition("/")
    if kind not in EVENT_TYPES:
        raise ValueError(f"unknown event type {kind!r}; allowed: {', '.join(EVENT_TYPES)}")
    return Trigger(tuple(words.lower().split()), kind, mode or None)


def _index(raw: dict[str, list[str]]) -> dict[str, tuple[Trigger, ...]]:
    """Index by first lemma; a lemma listed under two types keeps the first (file order)."""
    seen: set[tuple[str, ...]] = set()
    index: dict[str, list[Trigger]] = {}
    for key, entries in raw.items():
        for words in entries:
            trigger = _trigger(key, str(words))
            if trigger.lemmas not in seen:
                seen.add(trigger.lemmas)
                index.setdefault(trigger.lemmas[0], []).append(trigger)
    return {k: tuple(sorted(v, key=lambda t: -len(t.lemmas))) for k, v in index.items()}


def _status(raw: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
    unknown = set(raw) - set(STATUSES)
    if unknown:
        raise ValueError(f"unknown statuses {sorted(unknown)}; allowed: {', '.join(STATUSES)}")
    return {status: re.compile("|".join(cues)) for status, cues in raw.items()}


def _sequences(entries: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(str(w).lower().split()) for w in entries)


@cache
def load_event_lexicon(language: str) -> EventLexicon:
    """The lexicon of ``language``; languages without a file fall back to English."""
    path = DATA_DIR / f"events_{language}.yaml"
    if not path.exists():
        return load_event_lexicon("en")
    data = yaml.safe_load(path.read_text("utf-8"))
    return EventLexicon(
        language=language,
        triggers=_index(data["triggers"]),
        status=_status(data["status"]),
        ordinals={str(k): int(v) for k, v in data["ordinals"].items()},
        ordinal_heads=frozenset(data["ordinal_heads"]),
        demonyms={str(k): str(v) for k, v in data["demonyms"].items()},
        clause_breaks=frozenset(data["clause_breaks"]),
        ignore=_sequences(data.get("ignore", [])),
        frames=_sequences(data.get("frames", [])),
        light_verbs=frozenset(str(w).lower() for w in data.get("light_verbs", [])),
        intents=_sequences(data.get("intents", [])),
        delegation=tuple(str(w).lower() for w in data.get("delegation", [])),
        title_links=frozenset(str(w).lower() for w in data.get("title_links", [])),
    )
