"""Per-language cues for arguments beyond a named actor, from ``extract/data/arguments_<lang>.yaml``.

A language without a file gets empty cues: its events keep the named actors of their clause.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent.parent / "data"
PLACE_KINDS = frozenset({"country", "place"})
GENDERS = frozenset({"Masc", "Fem"})


@dataclass(slots=True, frozen=True)
class ArgumentCues:
    """Words the discourse and description rules need (lemmas, lower case)."""

    participation: frozenset[str] = frozenset()
    visits: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    possessives: tuple[tuple[str, str], ...] = ()  # lemma -> the gender of whom it stands for
    relatives: frozenset[str] = frozenset()
    reflexives: frozenset[str] = frozenset()
    generic_persons: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    relations: frozenset[str] = frozenset()  # "отношения России и США": the genitives are the sides
    opposed: frozenset[str] = frozenset()  # "против": the side an act is aimed at
    topic: frozenset[str] = frozenset()  # "о", "по": prepositions of what an event is about
    abroad: frozenset[str] = frozenset()  # "посольство": its genitive is its owner, not its place
    jurisdictions: frozenset[str] = frozenset()  # "суд": its genitive place is where it acts
    offices: frozenset[str] = frozenset()
    facilities: frozenset[str] = frozenset()
    place_prepositions: frozenset[str] = frozenset()
    led_by: tuple[tuple[str, ...], ...] = ()  # lemma sequences: "во главе с"
    place_anaphors: tuple[tuple[str, str], ...] = ()  # noun lemma -> actor type it points back to

    def place_kind(self, lemma: str) -> str | None:
        return next((kind for word, kind in self.place_anaphors if word == lemma), None)

    def possessive_gender(self, lemma: str) -> str | None:
        return next((gender for word, gender in self.possessives if word == lemma), None)


def _words(data: dict[str, object], key: str) -> frozenset[str]:
    entries = data.get(key) or []
    if not isinstance(entries, list):
        raise ValueError(f"{key} must be a list of lemmas")
    return frozenset(str(w).lower() for w in entries)


def _mapping(data: dict[str, object], key: str, allowed: frozenset[str]) -> tuple[tuple[str, str], ...]:
    raw = data.get(key) or {}
    if not isinstance(raw, dict) or not set(map(str, raw.values())) <= allowed:
        raise ValueError(f"{key} must map lemmas to one of {', '.join(sorted(allowed))}")
    return tuple((str(k).lower(), str(v)) for k, v in raw.items())


@cache
def load_argument_cues(language: str) -> ArgumentCues:
    path = DATA_DIR / f"arguments_{language}.yaml"
    if not path.exists():
        return ArgumentCues()
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    return ArgumentCues(
        participation=_words(data, "participation"),
        visits=_words(data, "visits"),
        pronouns=_words(data, "pronouns"),
        possessives=_mapping(data, "possessives", GENDERS),
        relatives=_words(data, "relatives"),
        reflexives=_words(data, "reflexives"),
        generic_persons=_words(data, "generic_persons"),
        groups=_words(data, "groups"),
        relations=_words(data, "relations"),
        opposed=_words(data, "opposed"),
        topic=_words(data, "topic"),
        abroad=_words(data, "abroad"),
        jurisdictions=_words(data, "jurisdictions"),
        offices=_words(data, "offices"),
        facilities=_words(data, "facilities"),
        place_prepositions=_words(data, "place_prepositions"),
        led_by=tuple(tuple(str(entry).lower().split()) for entry in data.get("led_by") or []),
        place_anaphors=_mapping(data, "place_anaphors", PLACE_KINDS),
    )
