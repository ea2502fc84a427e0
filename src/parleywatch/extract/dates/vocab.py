"""The date vocabulary (month, weekday, season words...) loaded from ``data/vocabulary.yaml``.

Words are data so a missing form is a one-line fix; grammars only say how words combine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

# Which sections of the data file a grammar language reads; Ukrainian rides on the Russian one.
LANGUAGE_SECTIONS: dict[str, tuple[str, ...]] = {"ru": ("ru", "uk"), "en": ("en",)}
VOCABULARY_PATH = Path(__file__).with_name("data") / "vocabulary.yaml"
WORD_RE = re.compile(r"\w+(?:['’ʼ]\w+)*")
TOKEN_RE = re.compile(r"\w+")  # the date tokenizer cuts "Ukraine's" at the apostrophe
PIECE_RE = re.compile(r"\w+|[^\w\s]")  # a token of the date tokenizer
MAX_HOLIDAY_WORDS = 5  # see ``holiday_ends``


@dataclass(slots=True, frozen=True)
class Vocabulary:
    """Surface forms of one grammar language, each mapped to the value it stands for."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    season_adverbs: dict[str, str]
    season_nouns: dict[str, str]
    relative_days: dict[str, int]
    week_words: frozenset[str]
    month_words: frozenset[str]
    year_words: frozenset[str]
    directions: dict[str, str]
    parts: dict[str, str]
    numbers: dict[str, float]
    units: dict[str, str]
    bounds: dict[str, str]
    ago: frozenset[str]
    later: frozenset[str]
    alternatives: frozenset[str]
    prepositions: dict[str, frozenset[str]]
    holidays: dict[str, str]  # name pattern ("день|дня Победы") -> "MM-DD"

    def triggers(self) -> frozenset[str]:
        """Words whose presence means a date expression may be near (the parser prefilter).

        A phrase triggers on its last word only: "the day before yesterday" on "yesterday", so
        "the" does not put every English sentence under the parser.
        """
        maps: list[Iterable[str]] = [self.months, self.month_abbreviations, self.weekdays]
        maps += [
            self.season_adverbs,
            self.season_nouns,
            self.relative_days,
            self.week_words,
            self.month_words,
            self.year_words,
            self.units,
        ]
        maps += [self.ago, self.later, self.parts]
        found = frozenset(WORD_RE.findall(form)[-1] for forms in maps for form in forms)
        return found | frozenset(w for pattern in self.holidays for w in holiday_ends(pattern))


def holiday_ends(pattern: str) -> set[str]:
    """The forms of a holiday name's first and last words, as the tokenizer cuts them: its last
    word is often a country found everywhere ("День России"), its first a common word ("день"),
    so both trigger and together cover names of up to five tokens.

    >>> sorted(holiday_ends("Ukraine's Independence Day|Days"))
    ['day', 'days', 'ukraine']
    """
    words = pattern.split()
    first = {TOKEN_RE.findall(form.lower())[0] for form in words[0].split("|")}
    return first | {TOKEN_RE.findall(form.lower())[-1] for form in words[-1].split("|")}


@cache
def _raw() -> dict[str, Any]:
    text = VOCABULARY_PATH.read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _invert(section: Mapping[Any, Iterable[str]]) -> dict[str, Any]:
    """``{value: [forms]}`` -> ``{form: value}``, lower-cased."""
    return {form.lower(): value for value, forms in section.items() for form in forms}


def _merge(sections: list[dict[str, Any]], key: str, invert: bool) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for section in sections:
        part = section.get(key) or {}
        merged.update(_invert(part) if invert else {k.lower(): v for k, v in part.items()})
    return merged


def _words(sections: list[dict[str, Any]], key: str) -> frozenset[str]:
    return frozenset(word.lower() for section in sections for word in section.get(key) or [])


def _holidays(sections: list[dict[str, Any]]) -> dict[str, str]:
    """``{"MM-DD": [names]}`` -> ``{name: "MM-DD"}``, case kept: a capital in a name is required."""
    found = {str(name): str(day) for section in sections for day, names in (section.get("holidays") or {}).items()
             for name in names}
    long = [name for name in found if holiday_length(name) > MAX_HOLIDAY_WORDS]
    if long:
        raise ValueError(f"holiday names longer than {MAX_HOLIDAY_WORDS} tokens: {long}")
    return found


def holiday_length(pattern: str) -> int:
    """Tokens of the longest form of a holiday name ("Ukraine's" is three).

    >>> holiday_length("Ukraine's Independence Day"), holiday_length("день|дня Победы")
    (5, 2)
    """
    return sum(max(len(PIECE_RE.findall(form)) for form in word.split("|")) for word in pattern.split())


def _prepositions(sections: list[dict[str, Any]]) -> dict[str, frozenset[str]]:
    roles = {role for section in sections for role in section["prepositions"]}
    return {role: frozenset(w for s in sections for w in s["prepositions"].get(role) or []) for role in roles}


@cache
def vocabulary(language: str) -> Vocabulary:
    """The merged vocabulary of a grammar language (``'ru'`` includes Ukrainian)."""
    s = [_raw()[name] for name in LANGUAGE_SECTIONS[language]]
    return Vocabulary(
        months=_merge(s, "months", invert=True),
        month_abbreviations=_merge(s, "month_abbreviations", invert=True),
        weekdays=_merge(s, "weekdays", invert=True),
        season_adverbs=_merge(s, "season_adverbs", invert=True),
        season_nouns=_merge(s, "season_nouns", invert=True),
        relative_days=_merge(s, "relative_days", invert=False),
        week_words=_words(s, "week_words"),
        month_words=_words(s, "month_words"),
        year_words=_words(s, "year_words"),
        directions=_merge(s, "directions", invert=True),
        parts=_merge(s, "parts", invert=True),
        numbers=_merge(s, "numbers", invert=False),
        units=_merge(s, "units", invert=True),
        bounds=_merge(s, "bounds", invert=True),
        ago=_words(s, "ago"),
        later=_words(s, "later"),
        alternatives=_words(s, "alternatives"),
        prepositions=_prepositions(s),
        holidays=_holidays(s),
    )
