"""Who took part, where, and which round: the arguments of an event read from its clause."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from parleywatch.actors import Actor, Mention
from parleywatch.extract.events.lexicon import EventLexicon
from parleywatch.nlp import Token

PLACE_TYPES = frozenset({"place"})
AGENT_TYPES = frozenset({"person", "organization", "country", "group", "government"})
DIRECTED = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "COERCE", "ASSAULT",
                      "AID", "SUPPORT", "CONCEDE", "RETREAT", "PROTEST", "MOBILIZE"})


@dataclass(slots=True)
class Arguments:
    """Mentions chosen as participants and place; ids and names go into the event record."""

    participants: list[Mention] = field(default_factory=list)
    extra_ids: list[str] = field(default_factory=list)  # sides named by adjectives ("российско-")
    location: Mention | None = None
    source: str | None = None
    target: str | None = None
    ordinal: int | None = None

    def participant_ids(self) -> list[str]:
        ids = [m.actor_id for m in self.participants] + self.extra_ids
        return list(dict.fromkeys(ids))


def clause_mentions(mentions: list[Mention], start: int, end: int, skip: Callable[[Mention], bool]) -> list[Mention]:
    """Outermost mentions inside ``[start, end)``: "замглавы МИД" hides its inner "МИД"."""
    inside = [m for m in mentions if start <= m.start and m.end <= end and not skip(m)]
    return [m for m in inside if not any(_covers(o, m) for o in inside)]


def _covers(outer: Mention, inner: Mention) -> bool:
    return outer is not inner and outer.start <= inner.start and inner.end <= outer.end and (
        outer.end - outer.start > inner.end - inner.start)


def attach(mentions: list[Mention], actors: dict[str, Actor], tokens: list[Token], trigger_start: int,
           event_type: str, lexicon: EventLexicon) -> Arguments:
    """Participants (agents), location (first place) and direction for one trigger."""
    kinds = {m.actor_id: actors[m.actor_id].type if m.actor_id in actors else "" for m in mentions}
    args = Arguments()
    args.participants = [m for m in mentions if kinds[m.actor_id] in AGENT_TYPES]
    places = [m for m in mentions if kinds[m.actor_id] in PLACE_TYPES]
    args.location = places[0] if places else None
    args.extra_ids = demonym_sides(tokens, lexicon)
    args.ordinal = ordinal(tokens, lexicon)
    if event_type in DIRECTED:
        args.source, args.target = direction(args.participants, trigger_start)
    return args


def demonym_sides(tokens: list[Token], lexicon: EventLexicon) -> list[str]:
    """Country ids named by adjectives: "российско-американских" -> [cty:ru, cty:us]."""
    ids = []
    for token in tokens:
        for part in token.text.lower().split("-"):
            ids += [cid for stem, cid in lexicon.demonyms.items() if part.startswith(stem)]
    return list(dict.fromkeys(ids))


def ordinal(tokens: list[Token], lexicon: EventLexicon) -> int | None:
    """"третий раунд" / "second round" / "3-й раунд" -> the number."""
    for word, head in pairwise(tokens):
        if head.lemma.lower() not in lexicon.ordinal_heads:
            continue
        lemma = word.lemma.lower()
        if lemma in lexicon.ordinals:
            return lexicon.ordinals[lemma]
        digits = lemma.split("-")[0]
        if digits.isdigit() and int(digits) < 100:
            return int(digits)
    return None


def direction(participants: list[Mention], trigger_start: int) -> tuple[str | None, str | None]:
    """Source: the nearest agent before the trigger; target: the first agent after it."""
    before = [m for m in participants if m.end <= trigger_start]
    after = [m for m in participants if m.start >= trigger_start]
    source = before[-1].actor_id if before else None
    target = next((m.actor_id for m in after if m.actor_id != source), None)
    return source, target
