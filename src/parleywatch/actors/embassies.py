"""Embassies: "посольство США", "американское посольство", "дипмиссия России в Вашингтоне".

A phrase is a head word (``data/embassies.yaml``) with a country: a nationality adjective before
it or a country name after it, then perhaps "в <city or country>". Which embassy it is:

1. the one in the city or country the phrase names ("в посольстве США в Москве");
2. else the one this article names with its city elsewhere ("посольство США в Киеве ... посольство
   США сообщило": Kyiv, not the Moscow one a registry might assume);
3. else the one whose city the article speaks of as a place (one city only);
4. else the country's generic embassy ("US Embassy"), never a guess at a city.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from parleywatch.actors.index import Match
from parleywatch.actors.registry import ActorRegistry
from parleywatch.nlp import Analysis, Sentence, Token
from parleywatch.nlp.text import normalize

Forms = Sequence[tuple[str, ...]]
NAME_BEFORE = 4  # tokens a country name before the head may take: "U . S ."


@dataclass(slots=True, frozen=True)
class Cues:
    """The word lists of ``data/embassies.yaml``, as stem tuples and stem sets."""

    heads: tuple[tuple[str, ...], ...]
    openers: tuple[str, ...]  # first stems of the heads: most words open none
    links: frozenset[str]
    hosts: frozenset[str]
    not_before: tuple[str, ...]
    not_after: frozenset[str]


@dataclass(slots=True, frozen=True)
class Phrase:
    """Tokens ``[first, last)`` name an embassy of ``sender`` (ISO code); ``city`` (a place id) or
    ``host`` (an ISO code) is where the phrase says it is."""

    first: int
    last: int
    sender: str
    city: str | None = None
    host: str | None = None


@dataclass(slots=True, frozen=True)
class Found:
    """A resolved phrase: its tokens and the embassy actor."""

    first: int
    last: int
    actor_id: str


@lru_cache(maxsize=4)
def load_cues(path: Path) -> Cues:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    heads = sorted((tuple(str(h).split()) for h in data["heads"]), key=len, reverse=True)
    return Cues(
        tuple(heads), tuple(sorted({h[0] for h in heads})), frozenset(data["links"]), frozenset(data["hosts"]),
        tuple(data["not_before"]), frozenset(data["not_after"]),
    )


def find_embassies(analysis: Analysis, registry: ActorRegistry, forms: Forms, cues: Cues,
                   places: Iterable[str]) -> list[Found]:
    """Every embassy phrase of the article, resolved; ``places`` are the actor ids of the
    article's place mentions (a city acting for its government is not among them)."""
    phrases = [p for s in analysis.sentences for p in sentence_phrases(s, analysis, registry, forms, cues)]
    named = {resolve_named(p, registry) for p in phrases} - {None}
    seen = set(places)
    found = [Found(p.first, p.last, resolve(p, registry, named, seen)) for p in phrases]
    return [f for f in found if f.actor_id]


def sentence_phrases(sentence: Sentence, analysis: Analysis, registry: ActorRegistry, forms: Forms,
                     cues: Cues) -> list[Phrase]:
    found: list[Phrase] = []
    index = sentence.first
    while index < sentence.last:
        size = head_size(analysis.tokens, index, sentence.last, cues)
        phrase = _phrase(index, index + size, sentence, analysis, registry, forms, cues) if size else None
        if phrase is not None:
            found.append(phrase)
        index = phrase.last if phrase is not None else index + 1
    return found


def head_size(tokens: Sequence[Token], index: int, stop: int, cues: Cues) -> int:
    """How many tokens from ``index`` a head word takes (0: none)."""
    if not normalize(tokens[index].text).startswith(cues.openers):
        return 0
    for head in cues.heads:
        words = tokens[index : min(index + len(head), stop)]
        if len(words) == len(head) and all(normalize(t.text).startswith(s) for t, s in zip(words, head, strict=True)):
            return len(head)
    return 0


def _phrase(first: int, last: int, sentence: Sentence, analysis: Analysis, registry: ActorRegistry,
            forms: Forms, cues: Cues) -> Phrase | None:
    tokens = analysis.tokens
    if first > sentence.first and normalize(tokens[first - 1].text).startswith(cues.not_before):
        return None
    before = sender_before(first, sentence, analysis, registry, forms)
    after = None if before else sender_after(last, sentence, analysis, registry, forms, cues)
    if before is not None:
        (start, sender), end = before, last
    elif after is not None:
        start, (end, sender) = first, after
    else:
        return None
    if end < sentence.last and normalize(tokens[end].text) in cues.not_after:
        return None
    return _hosted(Phrase(start, end, sender), sentence, analysis, registry, forms, cues)


def sender_before(first: int, sentence: Sentence, analysis: Analysis, registry: ActorRegistry,
                  forms: Forms) -> tuple[int, str] | None:
    """"американское посольство", "US Embassy": (first token, the country's ISO code)."""
    if first <= sentence.first:
        return None
    adjective = registry.adjective_countries(analysis.tokens[first - 1].text, analysis.language)
    if len(adjective) == 1:
        return first - 1, _code(adjective[0], registry)
    for start in range(max(sentence.first, first - NAME_BEFORE), first):
        match = registry.names.match_at(analysis.tokens, start, first, forms)
        code = _country(match, registry) if match and match.last == first else None
        if code:
            return start, code
    return None


def sender_after(last: int, sentence: Sentence, analysis: Analysis, registry: ActorRegistry, forms: Forms,
                 cues: Cues) -> tuple[int, str] | None:
    """"посольство США", "Embassy of the United States": (the token after the name, ISO code)."""
    index = last
    while index < sentence.last and normalize(analysis.tokens[index].text) in cues.links:
        index += 1
    match = registry.names.match_at(analysis.tokens, index, sentence.last, forms) if index < sentence.last else None
    code = _country(match, registry) if match else None
    return (match.last, code) if match and code else None


def _hosted(phrase: Phrase, sentence: Sentence, analysis: Analysis, registry: ActorRegistry, forms: Forms,
            cues: Cues) -> Phrase | None:
    """The phrase with where it says the embassy is; None when that is an organisation
    ("представительство России в ООН" is a mission to the UN, not an embassy)."""
    at = phrase.last
    if at + 1 >= sentence.last or normalize(analysis.tokens[at].text) not in cues.hosts:
        return phrase
    match = registry.names.match_at(analysis.tokens, at + 1, sentence.last, forms)
    ids = {e.actor_id for e in match.entries if e.actor_id} if match else set()
    kinds = {registry.actor(i).type for i in ids}
    if kinds & {"organization", "group"}:
        return None
    if len(ids) != 1:
        return phrase
    (actor_id,) = ids
    if kinds == {"place"}:
        return Phrase(phrase.first, phrase.last, phrase.sender, city=actor_id)
    return Phrase(phrase.first, phrase.last, phrase.sender, host=registry.actor(actor_id).country)


# --- resolution --------------------------------------------------------------------------------


def resolve_named(phrase: Phrase, registry: ActorRegistry) -> str | None:
    """The registry embassy in the city or country the phrase names, if there is exactly one."""
    if phrase.city is None and phrase.host is None:
        return None
    missions = [m for m in registry.missions.get(phrase.sender, []) if m.city]
    hits = [m.actor_id for m in missions if m.city == phrase.city or _city_country(m.city, registry) == phrase.host]
    return hits[0] if len(hits) == 1 else None


def resolve(phrase: Phrase, registry: ActorRegistry, named: set[str | None], places: set[str]) -> str:
    generic = registry.generic_mission(phrase.sender) or ""
    if phrase.city or phrase.host:
        return resolve_named(phrase, registry) or generic
    missions = [m for m in registry.missions.get(phrase.sender, []) if m.city]
    for candidates in ([m for m in missions if m.actor_id in named], [m for m in missions if m.city in places]):
        if len(candidates) == 1:
            return candidates[0].actor_id
    return generic


# --- helpers -----------------------------------------------------------------------------------


def _country(match: Match, registry: ActorRegistry) -> str | None:
    """The ISO code of the one country a name match names ("США"), else None."""
    ids = {e.actor_id for e in match.entries if e.actor_id}
    countries = [i for i in ids if registry.actor(i).type == "country"]
    return _code(countries[0], registry) if len(countries) == 1 and len(ids) == 1 else None


def _code(country_id: str, registry: ActorRegistry) -> str:
    return registry.actor(country_id).country or ""


def _city_country(city: str | None, registry: ActorRegistry) -> str | None:
    return registry.actor(city).country if city in registry.known else None
