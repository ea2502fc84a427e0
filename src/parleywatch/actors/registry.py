"""The actor registry: canonical actors, their names, roles and evaluative labels, read from YAML.

``ActorRegistry.load()`` reads ``actors/data/*.yaml`` once and builds two phrase indexes (names,
and role/label descriptions) over lemma variants; linking then only does dict lookups. Countries
also bring the stems of their nationality adjectives, and embassies (``mission``) whose they are
and where: every country without a generic embassy entry gets one ("Embassy of France").
"""

from __future__ import annotations

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
PERSONS_FILE = "persons.yaml"
ACTOR_FILES = (PERSONS_FILE, "organizations.yaml", "places.yaml")
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


@dataclass(slots=True, frozen=True)
class Mission:
    """An embassy of the country ``sender`` (ISO code); in ``city`` (a place id), or generic."""

    actor_id: str
    sender: str
    city: str | None = None


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
        self.people: list[Known] = []  # the persons of ``known``: person rules scan them per name
        self.tenures: dict[str, list[Tenure]] = {}
        self.names = PhraseIndex(variants)
        self.descriptors = PhraseIndex(variants)
        self.variants = variants
        self.countries: dict[str, str] = {}  # ISO code -> country actor id
        self.demonyms: dict[str, list[tuple[str, str]]] = {}  # language -> (stem, country id), longest first
        self.missions: dict[str, list[Mission]] = {}  # sender ISO code -> its embassies
        self._place_words: dict[str, list[tuple[str, str]]] | None = None  # first letter -> (name, id)

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR, variants: Variants | None = None) -> ActorRegistry:
        """Read the data files; ``variants`` defaults to pymorphy2 (ru) and simplemma (uk, en)."""
        if variants is None:
            from parleywatch.nlp.lemmas import WordVariants

            variants = WordVariants()
        registry = cls(variants)
        for name in ACTOR_FILES:
            for entry in read_entries(data_dir / name):
                registry.add_actor(entry, name)
        registry.add_generic_missions()
        for entry in read_entries(data_dir / "roles.yaml"):
            registry.add_role(entry)
        for entry in read_entries(data_dir / "labels.yaml"):
            registry.add_label(entry)
        log.info("registry: %d actors, %d name keys", len(registry.known), len(registry.names.keys))
        return registry

    # --- building ------------------------------------------------------------------------------

    def add_actor(self, entry: dict[str, Any], source: str) -> None:
        actor = _actor(entry, source)
        known = Known(actor, government=entry.get("government"))
        self.known[actor.id] = known
        if actor.type == "person":
            self.people.append(known)
        person, place = actor.type == "person", actor.type in {"country", "place"}
        for language, name in entry_names(entry):
            actor.add_name(name)
            self.names.add(name, language, Entry("name", actor.id, capitalized=name[:1].isupper()), person, place)
            if actor.type == "person":
                self._add_person_parts(known, name, language)
        for alias in entry.get("aliases", []):
            self.names.add(alias, _script(alias), Entry("name", actor.id, capitalized=alias[:1].isupper()))
        for role_id, start, end in entry.get("roles", []):
            self.tenures.setdefault(role_id, []).append(Tenure(actor.id, _day(start), _day(end)))
        if actor.type == "country" and actor.country:
            self.add_country(actor, entry.get("adjectives") or {})
        if entry.get("mission"):
            self.add_mission(actor, entry["mission"], source)

    def add_country(self, actor: Actor, adjectives: dict[str, list[str]]) -> None:
        self.countries[str(actor.country)] = actor.id
        for language, stems in adjectives.items():
            table = self.demonyms.setdefault(language, [])
            table += [(normalize(str(stem)), actor.id) for stem in stems]
            table.sort(key=lambda pair: -len(pair[0]))

    def add_mission(self, actor: Actor, mission: dict[str, Any], source: str) -> None:
        if not mission.get("of"):
            raise RegistryError(f"{source}: mission of {actor.id!r} names no country (of: ISO code)")
        found = Mission(actor.id, str(mission["of"]), mission.get("in"))
        self.missions.setdefault(found.sender, []).append(found)

    def add_generic_missions(self) -> None:
        """"посольство Франции" with no city named is France's embassy, wherever it is."""
        for code, country_id in self.countries.items():
            if self.generic_mission(code) is None:
                actor = Actor(f"org:{code.lower()}-embassy", f"Embassy of {self.actor(country_id).name}",
                              "organization", code)
                self.known[actor.id] = Known(actor)
                self.missions.setdefault(code, []).append(Mission(actor.id, code))

    def _add_person_parts(self, known: Known, name: str, language: str) -> None:
        words = split_words(name)
        if len(words) < 2:
            return
        known.first_names |= self.names.word_variants(words[0], language, name=True)
        known.surnames |= self.names.word_variants(words[-1], language, name=True)
        self.names.add(words[-1], language, Entry("surname", known.actor.id), name=True)

    def add_role(self, entry: dict[str, Any]) -> None:
        for language, phrase in entry_names(entry):
            role = Entry("descriptor", role_id=entry["id"], capitalized=False)
            self.descriptors.add(phrase, language, role)

    def add_label(self, entry: dict[str, Any]) -> None:
        refers = entry.get("refers") or {}
        if not (refers.get("role") or refers.get("actor")):
            raise RegistryError(f"labels.yaml: label {entry.get('label')!r} refers to nothing")
        for language, phrase in entry_names(entry):
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
        """Who held the role on ``day`` (ISO date); without a date, everyone who ever held it:
        an undated text may be of any year, so "президент России" there is not today's president."""
        tenures = self.tenures.get(role_id, [])
        ids = [t.actor_id for t in tenures if day is None or t.holds_on(day[:10])]
        return list(dict.fromkeys(ids))

    def adjective_countries(self, word: str, language: str) -> list[str]:
        """Countries a nationality adjective names, one a part: "российско-американских" ->
        [cty:ru, cty:us]; the longest stem wins ("южнокорейск", not a shorter one)."""
        table = self.demonyms.get(language, [])
        parts = normalize(word).split("-")
        found = [next((cid for stem, cid in table if part.startswith(stem)), None) for part in parts]
        return list(dict.fromkeys(cid for cid in found if cid))

    def generic_mission(self, sender: str) -> str | None:
        return next((m.actor_id for m in self.missions.get(sender, []) if m.city is None), None)

    def persons(self) -> Iterator[Known]:
        return iter(self.people)

    def place_words(self, first_letter: str) -> list[tuple[str, str]]:
        """``(name, actor id)`` of the one-word names of places and countries, lower case, by
        first letter: what a misspelled place name is compared with."""
        if self._place_words is None:
            table: dict[str, list[tuple[str, str]]] = {}
            for known in self.known.values():
                if known.actor.type in {"country", "place"}:
                    for name in dict.fromkeys(n.lower() for n in known.actor.names if " " not in n and "-" not in n):
                        table.setdefault(name[:1], []).append((name, known.actor.id))
            self._place_words = table
        return self._place_words.get(first_letter, [])

    def gazetteer(self) -> dict[tuple[str, ...], str]:
        """Name keys typed PER/ORG/LOC, for the light (en, uk) analyzers."""
        table: dict[tuple[str, ...], str] = {}
        for key, entries in self.names.keys.items():
            kinds = {MENTION_TYPES[self.known[e.actor_id].actor.type] for e in entries if e.actor_id}
            table[key] = "LOC" if kinds & {"LOC", "GOV"} else min(kinds)
        return table


# --- reading -----------------------------------------------------------------------------------


def read_entries(path: Path) -> list[dict[str, Any]]:
    """The entries of one registry data file; ``RegistryError`` naming the file when unreadable."""
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
    if not isinstance(entry.get("country", ""), str | None):  # YAML reads an unquoted NO (Norway) as false
        raise RegistryError(f"{source}: {entry['id']!r}: country must be an ISO code in quotes if need be")
    return Actor(entry["id"], entry["name"], kind, entry.get("country"))


def entry_names(entry: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """``(language, name)`` of an entry's names in every language."""
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
