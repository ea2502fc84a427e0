"""Per-language event cues loaded from ``extract/data/events_<lang>.yaml`` once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent.parent / "data"
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
LAST = "last"  # the selector "the last of them"
STATUSES = ("occurred", "planned", "cancelled", "postponed", "suspended", "denied", "hypothetical")


@dataclass(slots=True, frozen=True)
class Trigger:
    """A lemma sequence that signals an event type (and mode)."""

    lemmas: tuple[str, ...]
    type: str
    mode: str | None


@dataclass(slots=True, frozen=True)
class BackReference:
    """Cues of a clause that speaks of the meeting(s) told just before without naming one.

    ``occurrence``: verbs of taking place ("состояться", "take place"); ``pronouns``: subjects
    pointing back ("она"); ``selectors``: one of several ("последний из они" -> ``last``, "первый
    из они" -> ``1``); ``outcomes``: what only a held meeting has ("прорыв", "breakthrough").
    """

    occurrence: frozenset[tuple[str, ...]] = frozenset()
    pronouns: frozenset[str] = frozenset()
    selectors: dict[tuple[str, ...], str] = field(default_factory=dict)
    outcomes: frozenset[str] = frozenset()


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
    correlatives: frozenset[str] = frozenset()  # ", но и": the second half of "не только ..."
    concessive: frozenset[str] = frozenset()  # "хотя": opens a clause of its own
    particles: frozenset[str] = frozenset()  # "хотя бы": the conjunction is a particle here
    back: BackReference = field(default_factory=BackReference)  # "последняя из них состоялась"
    cardinals: dict[str, int] = field(default_factory=dict)  # "две встречи": a count, not one meeting
    before_that: frozenset[tuple[str, ...]] = frozenset()  # "до этого": earlier than the meeting just told
    agenda: frozenset[str] = frozenset()  # "сосредоточены на": what talks are about, not a meeting


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


def _words(entries: list[str] | None) -> frozenset[str]:
    return frozenset(str(w).lower() for w in entries or [])


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
        correlatives=_words(data.get("correlatives")),
        concessive=_words(data.get("concessive")),
        particles=_words(data.get("concessive_particles")),
        back=_back_reference(data.get("back_reference") or {}),
        cardinals={str(k).lower(): int(v) for k, v in (data.get("cardinals") or {}).items()},
        before_that=_sequences(data.get("before_that", [])),
        agenda=_words(data.get("agenda")),
    )


def _back_reference(raw: dict[str, Any]) -> BackReference:
    selectors = {tuple(str(k).lower().split()): str(v) for k, v in (raw.get("selectors") or {}).items()}
    if any(v != LAST and not v.isdigit() for v in selectors.values()):
        raise ValueError(f"back_reference.selectors: values must be {LAST!r} or a number")
    return BackReference(_sequences(raw.get("occurrence", [])), _words(raw.get("pronouns")), selectors,
                         _words(raw.get("outcomes")))
