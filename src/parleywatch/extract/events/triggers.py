"""Event triggers: lemma sequences from the lexicon found in a clause's tokens."""

from __future__ import annotations

from dataclasses import dataclass

from parleywatch.extract.events.lexicon import EventLexicon, Trigger
from parleywatch.nlp import Token


@dataclass(slots=True, frozen=True)
class Hit:
    """A trigger matched at tokens ``[first, last)`` (indices into the analysis)."""

    first: int
    last: int
    trigger: Trigger


def find_triggers(tokens: list[Token], offset: int, lexicon: EventLexicon) -> list[Hit]:
    """Non-overlapping trigger hits, longest match first at each position; ``offset`` is the
    analysis index of ``tokens[0]``."""
    lemmas = [t.lemma.lower() for t in tokens]
    hits: list[Hit] = []
    i = 0
    while i < len(lemmas):
        size = _ignored(lemmas, i, lexicon)
        hit = None if size else _match(lemmas, i, lexicon)
        if hit:
            hits.append(Hit(offset + i, offset + i + len(hit.lemmas), hit))
        i += size or (len(hit.lemmas) if hit else 1)
    return hits


def _ignored(lemmas: list[str], i: int, lexicon: EventLexicon) -> int:
    for words in lexicon.ignore:
        if tuple(lemmas[i : i + len(words)]) == words:
            return len(words)
    return 0


def _match(lemmas: list[str], i: int, lexicon: EventLexicon) -> Trigger | None:
    for trigger in lexicon.triggers.get(lemmas[i], ()):
        if tuple(lemmas[i : i + len(trigger.lemmas)]) == trigger.lemmas:
            return trigger
    return None


AUXILIARIES = frozenset({"will", "to", "would", "has", "have", "had", "is", "was", "were", "are", "be", "been",
                         "could", "may", "might", "can", "shall", "should", "must"})


def verb_like(tokens: list[Token], offset: int, hit: Hit) -> bool:
    """A verb by POS when the analyzer tags it, else by English form ("threatened", "will cut")."""
    token = tokens[hit.first - offset]
    if token.pos is not None:
        return token.pos in {"VERB", "AUX"}
    previous = tokens[hit.first - offset - 1].lemma.lower() if hit.first > offset else ""
    return token.text.lower().endswith("ed") or (token.text.lower() != token.lemma.lower() and not token.text.lower(
    ).endswith("s")) or previous in AUXILIARIES


def by_salience(hits: list[Hit], tokens: list[Token], offset: int) -> list[Hit]:
    """Verb triggers first ("threatened to cut" is a THREATEN), then in text order."""
    return sorted(hits, key=lambda h: (not verb_like(tokens, offset, h), h.first))


def proper_name(tokens: list[Token], offset: int, hit: Hit) -> bool:
    """A capitalized word inside an English sentence is a name ("Economic Cooperation", "March")."""
    i = hit.first - offset
    token = tokens[i]
    return token.pos is None and i > 0 and token.text[:1].isupper() and tokens[i - 1].text not in {'"', "“", "("}


def first_per_type(hits: list[Hit]) -> list[Hit]:
    """One hit per event type in a clause: "раунд переговоров" is one CONSULT, not two."""
    seen: set[str] = set()
    kept = []
    for hit in hits:
        if hit.trigger.type not in seen:
            seen.add(hit.trigger.type)
            kept.append(hit)
    return kept
