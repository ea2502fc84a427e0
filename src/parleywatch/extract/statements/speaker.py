"""Who is speaking: a named actor, an anonymous source, or the last speaker carried over.

Rules in ``RULES`` are tried in order on the attribution stretch ("сказал замглавы МИД Сергей
Рябков", "пояснил собеседник в МИД", "По его словам").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from parleywatch.actors import Actor, Mention
from parleywatch.extract.statements.lexicon import SpeechLexicon
from parleywatch.nlp import Token

Speaker = dict[str, Any]
PREFERENCE = ("person", "organization", "government", "group", "country")


@dataclass(slots=True, frozen=True)
class Attribution:
    """The words around the speech verb that may name the speaker."""

    text: str  # the article text
    tokens: list[Token]
    mentions: list[Mention]  # outermost, outlets removed
    actors: dict[str, Actor]
    lexicon: SpeechLexicon
    last: Speaker | None
    analysis_tokens: list[Token] | None = None  # for syntactic heads


def anonymous(a: Attribution) -> Speaker | None:
    """"собеседник в МИД", "a Western official": a description, no actor id.

    Named persons win over the description ("источник" may be a word in a named attribution).
    """
    if any(_type(a, m) == "person" for m in a.mentions):
        return None
    for i, token in enumerate(a.tokens):
        if token.lemma.lower() in a.lexicon.anonymous:
            return {"actor_id": None, "name": _phrase(a, i), "type": "anonymous"}
    return None


def named(a: Attribution) -> Speaker | None:
    """The mention of the most specific type: a person over an organization over a country."""
    if not a.mentions:
        return None
    best = min(a.mentions, key=lambda m: _rank(_type(a, m)))
    actor = a.actors.get(best.actor_id)
    return {"actor_id": best.actor_id, "name": actor.name if actor else best.text, "type": _type(a, best)}


def carried(a: Attribution) -> Speaker | None:
    """"По его словам", "подчеркнул дипломат": the last speaker of the article."""
    words = {t.lemma.lower() for t in a.tokens} | {t.text.lower() for t in a.tokens}
    return dict(a.last) if a.last and words & a.lexicon.carry else None


def subject(a: Attribution) -> Speaker | None:
    """"Оппозиция утверждает, что...": the unlinked grammatical subject of the speech verb."""
    heads = a.analysis_tokens or []
    for token in a.tokens:
        head = heads[token.head] if token.head is not None and token.head < len(heads) else None
        if token.rel == "nsubj" and token.pos in {"NOUN", "PROPN"} and head and head.lemma.lower() in a.lexicon.verbs:
            return {"actor_id": None, "name": token.text, "type": "unknown"}
    return None


RULES: list[Callable[[Attribution], Speaker | None]] = [anonymous, named, carried, subject]


def find_speaker(attribution: Attribution) -> Speaker | None:
    for rule in RULES:
        speaker = rule(attribution)
        if speaker:
            return speaker
    return None


def _type(a: Attribution, mention: Mention) -> str:
    actor = a.actors.get(mention.actor_id)
    return actor.type if actor else "organization"


def _rank(kind: str) -> int:
    return PREFERENCE.index(kind) if kind in PREFERENCE else len(PREFERENCE)


def _phrase(a: Attribution, i: int) -> str:
    """The anonymous noun with its modifiers: "один западный чиновник", "собеседник в МИД"."""
    first = i
    while first > 0 and _modifier(a.tokens[first - 1]):
        first -= 1
    last = i + 1
    while last < len(a.tokens) and a.tokens[last].pos != "PUNCT" and a.tokens[last].text not in ",.;:—–»«\"":
        if a.tokens[last].lemma.lower() in a.lexicon.verbs:
            break
        last += 1
    return a.text[a.tokens[first].start : a.tokens[last - 1].end]


def _modifier(token: Token) -> bool:
    if token.pos is not None:
        return token.pos in {"ADJ", "DET", "NUM"}
    return token.text.isalpha() and token.lemma.lower() in {"a", "an", "one", "the", "senior", "western",
                                                           "american", "russian", "ukrainian", "european"}
