"""Cue lexicons (issue statuses, stance) read from ``tracker/data``, and the matcher they share.

Cues are lowercase word prefixes; a phrase matches consecutive words. Prefixes stand in for lemmas
so the tracker needs no language model: "приостановлены" matches the cue "приостановлен".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from parleywatch.errors import ParleyError

DATA = Path(__file__).parent / "data"
WORD = re.compile(r"[\w']+", re.UNICODE)
NEGATION_WINDOW = 3

Cue = tuple[str, ...]


class LexiconError(ParleyError):
    """A tracker data file is missing or malformed."""


@dataclass(slots=True, frozen=True)
class CueHit:
    label: str
    cue: Cue
    start: int
    negated: bool


@dataclass(slots=True, frozen=True)
class StatusRules:
    """Status ids in order, event type/status mappings and statement cues (``status.yaml``)."""

    statuses: tuple[str, ...]
    labels: Mapping[str, str]
    event_types: Mapping[str, str]
    event_statuses: Mapping[str, str | None]
    cues: Mapping[str, tuple[Cue, ...]]


@dataclass(slots=True, frozen=True)
class StanceLexicon:
    cues: Mapping[str, tuple[Cue, ...]]  # "positive"/"negative" -> cues
    negators: frozenset[str]


def tokens(text: str) -> list[str]:
    """Lowercase words.

    >>> tokens("Диалог зашёл в тупик.")
    ['диалог', 'зашел', 'в', 'тупик']
    """
    return WORD.findall(text.lower().replace("ё", "е"))


def match_cues(words: list[str], cues: Mapping[str, Iterable[Cue]], negators: frozenset[str]) -> list[CueHit]:
    """Non-overlapping cue hits, longer phrases first, each marked negated when a negator precedes it."""
    ranked = sorted(((len(c), label, c) for label, group in cues.items() for c in group), reverse=True)
    taken: set[int] = set()
    hits: list[CueHit] = []
    for size, label, cue in ranked:
        for start in range(len(words) - size + 1):
            span = set(range(start, start + size))
            if span & taken or not _matches(words, start, cue):
                continue
            taken |= span
            hits.append(CueHit(label, cue, start, _negated(words, start, negators)))
    return sorted(hits, key=lambda h: h.start)


def _matches(words: list[str], start: int, cue: Cue) -> bool:
    return all(words[start + i].startswith(part) for i, part in enumerate(cue))


def _negated(words: list[str], start: int, negators: frozenset[str]) -> bool:
    return any(w in negators for w in words[max(0, start - NEGATION_WINDOW) : start])


def compile_cues(groups: Any, source: str) -> tuple[Cue, ...]:
    """A YAML list (or list of per-language lists) of cue strings, as word tuples."""
    if not isinstance(groups, list):
        raise LexiconError(f"{source}: expected a list of cues")
    flat = [c for g in groups for c in (g if isinstance(g, list) else [g])]
    if not all(isinstance(c, str) and tokens(c) for c in flat):
        raise LexiconError(f"{source}: every cue must be a non-empty string")
    return tuple(dict.fromkeys(tuple(tokens(c)) for c in flat))


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise LexiconError(f"{path}: {error}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at the top level")
    return data


@cache
def status_rules(path: Path = DATA / "status.yaml") -> StatusRules:
    """The status vocabulary and its rules, read once per path."""
    data = read_yaml(path)
    entries = data.get("statuses") or []
    statuses = tuple(str(e["id"]) for e in entries)
    cues = {str(k): compile_cues(v, f"{path}: cues.{k}") for k, v in (data.get("cues") or {}).items()}
    unknown = set(cues) | set((data.get("event_types") or {}).values())
    if unknown - set(statuses):
        raise LexiconError(f"{path}: unknown status ids {sorted(unknown - set(statuses))}")
    return StatusRules(
        statuses=statuses,
        labels={str(e["id"]): str(e.get("label", e["id"])) for e in entries},
        event_types={str(k): str(v) for k, v in (data.get("event_types") or {}).items()},
        event_statuses={str(k): (None if v is None else str(v)) for k, v in (data.get("event_statuses") or {}).items()},
        cues=cues,
    )


@cache
def stance_lexicon(path: Path = DATA / "stance.yaml") -> StanceLexicon:
    """Positive/negative cues and negators, read once per path."""
    data = read_yaml(path)
    cues = {label: compile_cues(data.get(label), f"{path}: {label}") for label in ("positive", "negative")}
    negators = frozenset(w for c in compile_cues(data.get("negators"), f"{path}: negators") for w in c)
    return StanceLexicon(cues=cues, negators=negators)


@cache
def channel_cues(path: Path = DATA / "rounds.yaml") -> tuple[Cue, ...]:
    """Trigger words naming the channel of talks rather than a meeting (``rounds.yaml``)."""
    return compile_cues(read_yaml(path).get("channel"), f"{path}: channel")


@cache
def opening_cues(path: Path = DATA / "rounds.yaml") -> tuple[Cue, ...]:
    """Verbs that open talks ("начала консультации"): undated, they tell of a channel (``rounds.yaml``)."""
    return compile_cues(read_yaml(path).get("opening"), f"{path}: opening")
