"""One provisional actor per name across the store, not per article.

Linking keys a name the registry does not know by the lemmas of its words, so one name in any
inflection is one actor everywhere. What one article cannot see is another: "Мэй" alone here and
"Тереза Мэй" there, "Arthur Petrov" and "Артур Петров", "Доминика Рааба" where the lemmatizer
kept the case ending. ``consolidation_map`` joins those, deterministically, from the set of
provisional actor ids alone, through ``RULES`` applied in order:

- ``same_spelling``: names whose spelling keys agree (script, э/е, doubled letters);
- ``inflected_surname``: persons with the same first name whose surnames differ by a case ending;
- ``surname_alone``: a one-word person joins the one full-name person with that surname;
- ``initial_and_surname``: "Т. Мэй" joins the one full-name person it abbreviates.

Two different full names are never joined: the last two rules only attach a name that is not a
full name, and only when exactly one full-name person qualifies.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from parleywatch.actors.records import Actor
from parleywatch.actors.registry import DATA_DIR, PERSONS_FILE, entry_names, read_entries

PROVISIONAL = "prov:"
PERSON = "per"
VOWELS = frozenset("аеёиоуыэюяіїєaeiouy")


@dataclass(slots=True, frozen=True)
class Spelling:
    """The spelling knowledge of ``data/spelling.yaml``."""

    cyrillic: tuple[tuple[str, str], ...]
    latin: tuple[tuple[str, str], ...]
    endings: tuple[str, ...]
    min_stem: int
    feminine: tuple[tuple[str, str], ...] = ()  # masculine surname ending -> feminine

    def key(self, word: str) -> str:
        """The word in Latin letters, one spelling a sound, doubled letters once.

        >>> SPELLING.key("маас") == SPELLING.key("Maas") == "mas"
        True
        """
        text = word.lower()
        for source, target in self.cyrillic:
            text = text.replace(source, target)
        for source, target in self.latin:
            text = text.replace(source, target)
        letters = [c for c in text if c.isalnum()]
        return "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])

    def feminine_surname(self, lemma: str) -> str:
        """
        >>> SPELLING.feminine_surname("карелин"), SPELLING.feminine_surname("ковальский")
        ('карелина', 'ковальская')
        >>> SPELLING.feminine_surname("мэй")
        'мэй'
        """
        for masculine, feminine in self.feminine:
            if lemma.endswith(masculine) and len(lemma) > len(masculine) + 1:
                return lemma[: -len(masculine)] + feminine
        return lemma

    def stem(self, key: str) -> str:
        """A spelling key without one case ending: "raba" (Рааба) -> "rab"."""
        ending = next((e for e in self.endings if key.endswith(e)), "")
        return key[: -len(ending)] if ending and len(key) - len(ending) >= self.min_stem else key


@lru_cache(maxsize=4)
def load_spelling(path: Path = DATA_DIR / "spelling.yaml") -> Spelling:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cyrillic = sorted(data["cyrillic"].items(), key=lambda item: -len(item[0]))  # digraphs first
    latin = tuple((str(a), str(b)) for a, b in data["latin"])
    feminine = tuple((str(a), str(b)) for a, b in data.get("feminine_surnames") or [])
    return Spelling(tuple(cyrillic), latin, tuple(data["surname_endings"]), int(data["min_stem"]), feminine)


SPELLING = load_spelling()


# --- names -------------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Name:
    """A provisional actor id taken apart: ``prov:per:тереза мэй``."""

    actor_id: str
    kind: str
    words: tuple[str, ...]

    @property
    def person(self) -> bool:
        return self.kind == PERSON

    @property
    def initial(self) -> bool:
        """"т мэй", "дж хант": a first name cut to a letter or two consonants ("Си" is a name)."""
        first = self.words[0]
        return len(self.words) > 1 and (len(first) == 1 or (len(first) == 2 and not set(first) & VOWELS))

    @property
    def full(self) -> bool:
        """A first name (maybe a middle one) and a surname."""
        return self.person and len(self.words) > 1 and not self.initial


def parse(actor_id: str) -> Name | None:
    """The name in a provisional id; ``None`` for registry ids.

    >>> parse("prov:per:тереза мэй").words
    ('тереза', 'мэй')
    """
    if not actor_id.startswith(PROVISIONAL) or actor_id.count(":") < 2:
        return None
    _, kind, key = actor_id.split(":", 2)
    words = tuple(key.split())
    return Name(actor_id, kind, words) if words else None


# --- rules -------------------------------------------------------------------------------------


@dataclass(slots=True)
class Groups:
    """Union-find over actor ids; ``find`` gives the group's representative."""

    parent: dict[str, str] = field(default_factory=dict)

    def find(self, actor_id: str) -> str:
        root = self.parent.setdefault(actor_id, actor_id)
        if root != actor_id:
            root = self.parent[actor_id] = self.find(root)
        return root

    def join(self, first: str, second: str) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


Rule = Callable[[list[Name], Groups], None]


def same_spelling(names: list[Name], groups: Groups) -> None:
    """"Хайко Мас" = "Хайко Маас", "TLP" = "ТЛП", "Тереза Мей" = "Тереза Мэй"."""
    _join_by(names, groups, lambda n: (n.kind, *(SPELLING.key(w) for w in n.words)))


def inflected_surname(names: list[Name], groups: Groups) -> None:
    """"Доминик Рааба" = "Доминик Рааб": first names equal, surnames equal but for an ending."""
    full = [n for n in names if n.full]
    _join_by(full, groups, lambda n: (*(SPELLING.key(w) for w in n.words[:-1]), _surname(n)))


def surname_alone(names: list[Name], groups: Groups) -> None:
    """"Мэй" joins "Тереза Мэй" when she is the one full-name person with that surname, written
    in the same script."""
    by_surname = _full_names_by_surname(names, groups)
    members = _members(names, groups)
    for name in names:
        if name.person and len(name.words) == 1:
            found = by_surname.get(_surname(name), set())
            same_script = {g for g in found if any(_latin(m.words[-1]) == _latin(name.words[0]) for m in members[g])}
            _join_unique(name, same_script, groups)


def initial_and_surname(names: list[Name], groups: Groups) -> None:
    """"Т. Мэй" joins the one full-name person whose first name starts so, with that surname."""
    by_surname = _full_names_by_surname(names, groups)
    members = _members(names, groups)
    for name in names:
        if name.person and name.initial:
            found = by_surname.get(_surname(name), set())
            starting = {g for g in found if any(m.words[0].startswith(name.words[0]) for m in members[g])}
            _join_unique(name, starting, groups)


RULES: list[Rule] = [same_spelling, inflected_surname, surname_alone, initial_and_surname]


# --- the map -----------------------------------------------------------------------------------


def consolidation_map(actor_ids: Iterable[str], reserved: Iterable[str] = ()) -> dict[str, str]:
    """Provisional id -> the id of its group, for ids whose group is led by another id.

    ``reserved`` are surnames of registry persons: a provisional "Трамп" alone (linking left it
    unresolved) is not given to some provisional "Карла Трамп".
    """
    kept = {SPELLING.stem(SPELLING.key(word)) for word in reserved}
    names = sorted(
        {n for i in actor_ids if (n := parse(i)) is not None and not _reserved(n, kept)}, key=lambda n: n.actor_id
    )
    groups = Groups()
    for rule in RULES:
        rule(names, groups)
    leaders = {group: min(members, key=_leading) for group, members in _members(names, groups).items()}
    return {n.actor_id: leaders[groups.find(n.actor_id)].actor_id for n in names
            if leaders[groups.find(n.actor_id)].actor_id != n.actor_id}


def relink(record: dict[str, Any], mapping: Mapping[str, str]) -> bool:
    """Point a record with an ``actor_id`` (a mention, a speaker) at its consolidated actor.

    The id linking gave stays in ``linked_actor_id`` while it differs, so the map can be
    recomputed from scratch on every run. Returns whether the record changed.

    >>> mention = {"actor_id": "prov:per:мэй"}
    >>> relink(mention, {"prov:per:мэй": "prov:per:тереза мэй"}), mention["linked_actor_id"]
    (True, 'prov:per:мэй')
    >>> relink(mention, {}), mention
    (True, {'actor_id': 'prov:per:мэй'})
    """
    linked = record.get("linked_actor_id") or record.get("actor_id")
    if linked is None:
        return False
    before = (record.get("actor_id"), record.get("linked_actor_id"))
    target = mapping.get(linked, linked)
    record["actor_id"] = target
    if target == linked:
        record.pop("linked_actor_id", None)
    else:
        record["linked_actor_id"] = linked
    return (record.get("actor_id"), record.get("linked_actor_id")) != before


def consolidated_actors(actors: Mapping[str, Actor], mapping: Mapping[str, str]) -> list[Actor]:
    """The actors whose record changes: merged ones point at their group (``same_as``), the
    group's actor gathers their names; an actor no longer merged loses its ``same_as``."""
    changed: dict[str, Actor] = {}
    for actor_id, actor in sorted(actors.items()):
        target = mapping.get(actor_id)
        if actor.provisional and actor.same_as != target:
            changed[actor_id] = _with(changed.get(actor_id, actor), same_as=target)
        leader = actors.get(target) if target else None
        if leader is not None:
            current = changed.get(leader.id, leader)
            names = [n for n in actor.names if n not in current.names]
            if names:
                changed[leader.id] = _with(current, names=[*current.names, *names])
    return list(changed.values())


@lru_cache(maxsize=4)
def registry_surnames(data_dir: Path = DATA_DIR) -> frozenset[str]:
    """The last word of every registry person's full names, in every language (read from the
    persons file alone: the stage needs no morphology for it)."""
    return frozenset(name.split()[-1] for entry in read_entries(data_dir / PERSONS_FILE)
                     for _, name in entry_names(entry) if len(name.split()) > 1)


# --- helpers -----------------------------------------------------------------------------------


def _with(actor: Actor, **changes: Any) -> Actor:
    """A copy of the actor (its own list of names) with ``changes``."""
    return replace(actor, **{"names": list(actor.names), **changes})



def _reserved(name: Name, surnames: set[str]) -> bool:
    return name.person and len(name.words) == 1 and _surname(name) in surnames


def _join_by(names: list[Name], groups: Groups, key: Callable[[Name], tuple[str, ...]]) -> None:
    first_of: dict[tuple[str, ...], str] = {}
    for name in names:
        first = first_of.setdefault(key(name), name.actor_id)
        groups.join(first, name.actor_id)


def _latin(word: str) -> bool:
    return word[:1].isascii()


def _surname(name: Name) -> str:
    return SPELLING.stem(SPELLING.key(name.words[-1]))


def _members(names: list[Name], groups: Groups) -> dict[str, list[Name]]:
    members: dict[str, list[Name]] = defaultdict(list)
    for name in names:
        members[groups.find(name.actor_id)].append(name)
    return members


def _full_names_by_surname(names: list[Name], groups: Groups) -> dict[str, set[str]]:
    """Surname stem -> the groups of full-name persons with that surname.

    A "full name" that opens with another one's surname is two people the NER glued together
    ("Мэй, Дэвис" read as "Мэй Дэвис"): it does not count.
    """
    full = [n for n in names if n.full]
    surnames = {_surname(n) for n in full}
    found: dict[str, set[str]] = defaultdict(set)
    for name in full:
        if SPELLING.stem(SPELLING.key(name.words[0])) not in surnames:
            found[_surname(name)].add(groups.find(name.actor_id))
    return found


def _join_unique(name: Name, candidates: set[str], groups: Groups) -> None:
    if len(candidates) == 1:
        groups.join(next(iter(candidates)), name.actor_id)


def _leading(name: Name) -> tuple[bool, int, str]:
    """A group is named after its full name, shortest spelling first, then alphabetically."""
    return (not name.full and name.person, len(name.actor_id), name.actor_id)
