"""Process dossiers: what a negotiation is (parties, tracks, issues, speakers), read from YAML.

A dossier is data so that a user can follow a new negotiation without touching code
(docs/DOSSIERS.md). Loading checks every field and fails with one line: file, field, problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parleywatch.errors import ParleyError
from parleywatch.tracker.lexicon import Cue, LexiconError, compile_cues, read_yaml, status_rules

DOSSIER_DIR = Path(__file__).parent / "data" / "dossiers"
ISSUE_TOPICS = frozenset({
    "embassies", "visas", "diplomatic_property", "flights", "strategic_stability", "peace_plan", "territory",
    "security_guarantees", "sanctions", "prisoners", "ceasefire", "energy", "economic_cooperation", "summit", "nato",
})
ACTOR_ID = re.compile(r"^(per|gov|org|cty|loc|grp|prov):[a-z0-9][a-z0-9-]*$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class DossierError(ParleyError):
    """A dossier file that cannot be used: names the file, the field and the problem."""

    def __init__(self, path: str, field: str, problem: str) -> None:
        self.path, self.field, self.problem = path, field, problem
        super().__init__(f"{path}: {field}: {problem}")


@dataclass(slots=True, frozen=True)
class Party:
    id: str
    name: str
    actors: frozenset[str]
    countries: frozenset[str]


@dataclass(slots=True, frozen=True)
class Issue:
    id: str
    keywords: tuple[Cue, ...]


@dataclass(slots=True, frozen=True)
class Track:
    id: str
    name: str
    parties: tuple[str, ...]
    speakers: Mapping[str, frozenset[str]]  # party id -> actor ids
    places: frozenset[str]
    keywords: tuple[Cue, ...]
    issues: tuple[Issue, ...]

    @property
    def issue_ids(self) -> frozenset[str]:
        return frozenset(i.id for i in self.issues)


@dataclass(slots=True, frozen=True)
class Dossier:
    id: str
    name: str
    parties: Mapping[str, Party]
    tracks: tuple[Track, ...]
    statuses: tuple[str, ...]
    path: str

    def party_of(self, actor_id: str | None, country: str | None = None) -> str | None:
        """The party an actor speaks for: listed actor or speaker first, then its country."""
        for party in self.parties.values():
            if actor_id in party.actors or any(actor_id in t.speakers.get(party.id, ()) for t in self.tracks):
                return party.id
        return next((p.id for p in self.parties.values() if country and country in p.countries), None)

    def principals(self) -> frozenset[str]:
        """Every actor id named as a speaker on any track."""
        return frozenset(a for t in self.tracks for ids in t.speakers.values() for a in ids)


# --- loading -------------------------------------------------------------------------------------


def load_dossiers(paths: Iterable[Path] | None = None) -> list[Dossier]:
    """The shipped dossiers (``tracker/data/dossiers/*.yaml``) or the given files, checked."""
    files = sorted(DOSSIER_DIR.glob("*.yaml")) if paths is None else list(paths)
    dossiers = [load_dossier(p) for p in files]
    seen: set[str] = set()
    for dossier in dossiers:
        if dossier.id in seen:
            raise DossierError(dossier.path, "id", f"{dossier.id!r} is used by another dossier")
        seen.add(dossier.id)
    return dossiers


def load_dossier(path: Path) -> Dossier:
    """Read and check one dossier file."""
    try:
        data = read_yaml(path)
    except LexiconError as error:
        raise DossierError(str(path), "-", str(error).removeprefix(f"{path}: ")) from None
    return parse_dossier(data, str(path))


def parse_dossier(data: Mapping[str, Any], source: str) -> Dossier:
    """Build a dossier from parsed YAML, checking each field as it goes."""
    entries = enumerate(_list(data, "parties", source))
    parties = {p.id: p for p in (_party(e, f"parties[{i}]", source) for i, e in entries)}
    tracks = tuple(_track(e, f"tracks[{i}]", source, parties) for i, e in enumerate(_list(data, "tracks", source)))
    _unique([t.id for t in tracks], "tracks", source)
    return Dossier(
        id=_slug(data, "id", source),
        name=_text(data, "name", source),
        parties=parties,
        tracks=tracks,
        statuses=_statuses(data, source),
        path=source,
    )


def _party(entry: Any, where: str, source: str) -> Party:
    entry = _mapping(entry, where, source)
    countries = _strings(entry, "countries", source, where, required=False)
    if any(not re.fullmatch(r"[A-Z]{2}", c) for c in countries):
        raise DossierError(source, f"{where}.countries", "ISO 3166-1 alpha-2 codes expected, e.g. RU")
    return Party(
        id=_slug(entry, "id", source, where),
        name=_text(entry, "name", source, where),
        actors=frozenset(_actor_ids(entry, "actors", source, where)),
        countries=frozenset(countries),
    )


def _track(entry: Any, where: str, source: str, parties: Mapping[str, Party]) -> Track:
    entry = _mapping(entry, where, source)
    party_ids = tuple(_strings(entry, "parties", source, where))
    for pid in party_ids:
        if pid not in parties:
            raise DossierError(source, f"{where}.parties", f"{pid!r} is not a party of this dossier")
    entries = enumerate(_list(entry, "issues", source, where))
    issues = tuple(_issue(e, f"{where}.issues[{i}]", source) for i, e in entries)
    _unique([i.id for i in issues], f"{where}.issues", source)
    return Track(
        id=_slug(entry, "id", source, where),
        name=_text(entry, "name", source, where),
        parties=party_ids,
        speakers=_speakers(entry, source, where, party_ids),
        places=frozenset(_actor_ids(entry, "places", source, where)),
        keywords=_cues(entry, "keywords", source, where),
        issues=issues,
    )


def _issue(entry: Any, where: str, source: str) -> Issue:
    entry = _mapping(entry, where, source)
    topic = _text(entry, "id", source, where)
    if topic not in ISSUE_TOPICS:
        known = ", ".join(sorted(ISSUE_TOPICS))
        raise DossierError(source, f"{where}.id", f"{topic!r} is not an issue topic ({known})")
    return Issue(id=topic, keywords=_cues(entry, "keywords", source, where))


def _speakers(entry: Mapping[str, Any], source: str, where: str, parties: tuple[str, ...]) -> dict[str, frozenset[str]]:
    raw = _mapping(entry.get("speakers") or {}, f"{where}.speakers", source)
    for pid in raw:
        if pid not in parties:
            raise DossierError(source, f"{where}.speakers.{pid}", "not a party of this track")
    return {str(pid): frozenset(_actor_ids(raw, str(pid), source, f"{where}.speakers")) for pid in raw}


def _statuses(data: Mapping[str, Any], source: str) -> tuple[str, ...]:
    known = status_rules().statuses
    chosen = tuple(_strings(data, "statuses", source, required=False)) or known
    unknown = [s for s in chosen if s not in known]
    if unknown:
        raise DossierError(source, "statuses", f"unknown status {unknown[0]!r} (known: {', '.join(known)})")
    return chosen


# --- field helpers -------------------------------------------------------------------------------


def _field(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _mapping(value: Any, where: str, source: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DossierError(source, where or "-", "expected a mapping")
    return value


def _list(data: Mapping[str, Any], key: str, source: str, where: str = "") -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise DossierError(source, _field(where, key), "a non-empty list is required")
    return value


def _text(data: Mapping[str, Any], key: str, source: str, where: str = "") -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DossierError(source, _field(where, key), "a non-empty string is required")
    return value


def _slug(data: Mapping[str, Any], key: str, source: str, where: str = "") -> str:
    value = _text(data, key, source, where)
    if not SLUG.match(value):
        raise DossierError(source, _field(where, key), f"{value!r}: lowercase letters, digits, '-' and '_' only")
    return value


def _strings(data: Mapping[str, Any], key: str, source: str, where: str = "", required: bool = True) -> list[str]:
    value = data.get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DossierError(source, _field(where, key), "a list of strings is required")
    return value


def _actor_ids(data: Mapping[str, Any], key: str, source: str, where: str) -> list[str]:
    ids = _strings(data, key, source, where, required=False)
    bad = next((i for i in ids if not ACTOR_ID.match(i)), None)
    if bad is not None:
        raise DossierError(source, _field(where, key), f"{bad!r} is not an actor id like per:sergey-lavrov")
    return ids


def _cues(data: Mapping[str, Any], key: str, source: str, where: str) -> tuple[Cue, ...]:
    if data.get(key) is None:
        return ()
    try:
        return compile_cues(data[key], "")
    except LexiconError as error:
        raise DossierError(source, _field(where, key), str(error).lstrip(": ")) from None


def _unique(ids: list[str], where: str, source: str) -> None:
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise DossierError(source, where, f"{dupes[0]!r} appears twice")


def unknown_actor_ids(dossier: Dossier, known: Iterable[str]) -> list[str]:
    """Actor ids the dossier names that the registry does not know (a warning, not an error)."""
    known_set = set(known)
    named = {a for p in dossier.parties.values() for a in p.actors} | dossier.principals()
    named |= {pl for t in dossier.tracks for pl in t.places}
    return sorted(named - known_set)
