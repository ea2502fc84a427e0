"""The actor registry: canonical actors, their names, roles and evaluative labels, read from YAML.

``ActorRegistry.load()`` reads ``actors/data/*.yaml`` once and builds two phrase indexes (names,
and role/label descriptions) over lemma variants; linking then only does dict lookups.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from parleywatch.actors.index import Entry, PhraseIndex, Variants, split_words
from parleywatch.actors.records import ACTOR_TYPES, MENTION_TYPES, Actor
from parleywatch.errors import ParleyError
from parleywatch.nlp.text import normalize

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
ACTOR_FILES = ("persons.yaml", "organizations.yaml", "places.yaml")
LANGUAGES = ("ru", "uk", "en")


class RegistryError(ParleyError):
    """A registry data file is malformed: names the file and the entry."""


@dataclass(slots=True, frozen=True)
class Tenure:
    actor_id: str
    start: str | None
    end: str | None

    def holds_on(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(slots=True)
class Known:
    """A registry actor plus what linking needs about it."""

    actor: Actor
    first_names: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    government: str | None = None


class ActorRegistry:
    def __init__(self, variants: Variants) -> None:
        self.known: dict[str, Known] = {}
        self.tenures: dict[str, list[Tenure]] = {}
        self.names = PhraseIndex(variants)
        self.descriptors = PhraseIndex(variants)
        self.variants = variants

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR, variants: Variants | None = None) -> ActorRegistry:
        """Read the data files; ``variants`` defaults to pymorphy2 (ru) and simplemma (uk, en)."""
        if variants is None:
            from parleywatch.nlp.lemmas import WordVariants

            variants = WordVariants()
        registry = cls(variants)
        for name in ACTOR_FILES:
            for entry in _read(data_dir / name):
                registry.add_actor(entry, name)
        for entry in _read(data_dir / "roles.yaml"):
            registry.add_role(entry)
        for entry in _read(data_dir / "labels.yaml"):
            registry.add_label(entry)
        log.info("registry: %d actors, %d name keys", len(registry.known), len(registry.names.keys))
        return registry

    # --- building ------------------------------------------------------------------------------

    def add_actor(self, entry: dict[str, Any], source: str) -> None:
        actor = _actor(entry, source)
        known = Known(actor, government=entry.get("government"))
        self.known[actor.id] = known
        person = actor.type == "person"
        for language, name in _names(entry):
            actor.add_name(name)
            self.names.add(name, language, Entry("name", actor.id, capitalized=name[:1].isupper()), person)
            if actor.type == "person":
                self._add_person_parts(known, name, language)
        for alias in entry.get("aliases", []):
            self.names.add(alias, _script(alias), Entry("name", actor.id, capitalized=alias[:1].isupper()))
        for role_id, start, end in entry.get("roles", []):
            self.tenures.setdefault(role_id, []).append(Tenure(actor.id, _day(start), _day(end)))

    def _add_person_parts(self, known: Known, name: str, language: str) -> None:
        words = split_words(name)
        if len(words) < 2:
            return
        known.first_names |= self.names.word_variants(words[0], language, name=True)
        known.surnames |= self.names.word_variants(words[-1], language, name=True)
        self.names.add(words[-1], language, Entry("surname", known.actor.id), name=True)

    def add_role(self, entry: dict[str, Any]) -> None:
        for language, phrase in _names(entry):
            role = Entry("descriptor", role_id=entry["id"], capitalized=False)
            self.descriptors.add(phrase, language, role)

    def add_label(self, entry: dict[str, Any]) -> None:
        refers = entry.get("refers") or {}
        if not (refers.get("role") or refers.get("actor")):
            raise RegistryError(f"labels.yaml: label {entry.get('label')!r} refers to nothing")
        for language, phrase in _names(entry):
            descriptor = Entry(
                "descriptor", refers.get("actor"), refers.get("role"), entry["label"], entry.get("tag"), False
            )
            for key in self.descriptors.phrase_keys(split_words(phrase), language):
                self.descriptors.keys.pop(key, None)  # a label overrides the bare role phrase
            self.descriptors.add(phrase, language, descriptor)

    # --- queries -------------------------------------------------------------------------------

    def actor(self, actor_id: str) -> Actor:
        return self.known[actor_id].actor

    def holders(self, role_id: str, day: str | None) -> list[str]:
        """Who held the role on ``day`` (ISO date); without a date, the current holders."""
        when = day or dt.date.today().isoformat()
        return [t.actor_id for t in self.tenures.get(role_id, []) if t.holds_on(when[:10])]

    def persons(self) -> Iterator[Known]:
        return (known for known in self.known.values() if known.actor.type == "person")

    def gazetteer(self) -> dict[tuple[str, ...], str]:
        """Name keys typed PER/ORG/LOC, for the light (en, uk) analyzers."""
        table: dict[tuple[str, ...], str] = {}
        for key, entries in self.names.keys.items():
            kinds = {MENTION_TYPES[self.known[e.actor_id].actor.type] for e in entries if e.actor_id}
            table[key] = "LOC" if kinds & {"LOC", "GOV"} else min(kinds)
        return table


# --- reading -----------------------------------------------------------------------------------


def _read(path: Path) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RegistryError(f"{path}: {error}") from error
    if not isinstance(data, list):
        raise RegistryError(f"{path}: expected a list of entries")
    return data


def _actor(entry: dict[str, Any], source: str) -> Actor:
    kind = entry.get("type", "person")
    if kind not in ACTOR_TYPES or "id" not in entry or "name" not in entry:
        raise RegistryError(f"{source}: bad entry {entry.get('id')!r} (id, name and a known type needed)")
    return Actor(entry["id"], entry["name"], kind, entry.get("country"))


def _names(entry: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for language in LANGUAGES:
        for name in entry.get(language) or []:
            yield language, str(name)


def _script(text: str) -> str:
    """The language whose lemmatizer suits an alias: Latin script is English, else Russian."""
    if any("a" <= c <= "z" for c in normalize(text)):
        return "en"
    return "uk" if any(c in "іїєґ" for c in normalize(text)) else "ru"


def _day(value: Any) -> str | None:
    return None if value is None else str(value)
