"""Agenda topics of a clause, from the multilingual keywords in ``data/issues.yaml``.

Topic ids are fixed (the tracker keys on them); a keyword is a lemma, or a pattern with ``*``
(any word characters) or a space, matched on the lower-cased text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"
TOPICS = (
    "embassies", "visas", "diplomatic_property", "flights", "strategic_stability", "peace_plan",
    "territory", "security_guarantees", "sanctions", "prisoners", "ceasefire", "energy",
    "economic_cooperation", "summit", "nato",
)


@dataclass(slots=True, frozen=True)
class TopicCues:
    """One topic's cues for one language: exact lemmas and one compiled text pattern."""

    topic: str
    lemmas: frozenset[str]
    pattern: re.Pattern[str] | None


def _pattern(keywords: Iterable[str]) -> re.Pattern[str] | None:
    parts = [re.escape(k).replace(r"\*", r"\w*") for k in keywords]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)") if parts else None


@cache
def load_topics(path: Path = DATA_DIR / "issues.yaml") -> dict[str, tuple[TopicCues, ...]]:
    """Cues per language; raises ValueError when the file names a topic outside ``TOPICS``."""
    data = yaml.safe_load(path.read_text("utf-8"))
    unknown = set(data) - set(TOPICS)
    if unknown:
        raise ValueError(f"{path}: unknown topic ids {sorted(unknown)}; allowed: {', '.join(TOPICS)}")
    by_language: dict[str, list[TopicCues]] = {}
    for topic, languages in data.items():
        for language, keywords in languages.items():
            words = [str(k).lower() for k in keywords]
            plain = frozenset(w for w in words if " " not in w and "*" not in w)
            cues = TopicCues(topic, plain, _pattern(w for w in words if w not in plain))
            by_language.setdefault(language, []).append(cues)
    return {language: tuple(cues) for language, cues in by_language.items()}


def find_issues(text: str, lemmas: Iterable[str], language: str = "ru") -> list[str]:
    """Topic ids the text is about, in ``TOPICS`` order.

    >>> find_issues("Стороны обсудили работу посольств и визы", ["сторона", "посольство", "виза"])
    ['embassies', 'visas']
    """
    lowered = text.lower()
    words = {lemma.lower() for lemma in lemmas} | set(re.findall(r"\w+", lowered))
    found = {c.topic for c in load_topics().get(language, ()) if _matches(c, words, lowered)}
    return [topic for topic in TOPICS if topic in found]


def _matches(cues: TopicCues, words: set[str], lowered: str) -> bool:
    if cues.lemmas & words:
        return True
    return cues.pattern is not None and cues.pattern.search(lowered) is not None
