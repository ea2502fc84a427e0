"""Places that act: "Москва заявила" is the Russian government, "в Москве" is the city.

A place with a ``government`` in the registry stands for it when the syntax (Russian) or the next
word (English, Ukrainian) shows it acting. Each cue is a small predicate in the cue list below.
"""

from __future__ import annotations

from collections.abc import Callable

from parleywatch.actors.context import Candidate, Context
from parleywatch.nlp import Token

SUBJECT_RELS = frozenset({"nsubj", "nsubj:pass"})
LOCATIVE_CASES = frozenset({"Loc"})
PREPOSITIONS = frozenset({"in", "to", "from", "at", "у", "в", "до", "з", "із", "на", "від"})
CONJUNCTIONS = frozenset({"and", "і", "й", "та"})
AUXILIARIES = frozenset({"have", "has", "be", "will", "would", "had", "did", "do", "also", "бути", "вже"})


def subject_of_clause(candidate: Candidate, context: Context) -> bool:
    """"Москва заявила", "Москва и Вашингтон провели": the subject or a conjunct of it."""
    token = _head_token(candidate, context)
    if token.rel in SUBJECT_RELS:
        return True
    head = _head(token, context)
    return token.rel == "conj" and head is not None and head.rel in SUBJECT_RELS


def complement_of_agent_noun(candidate: Candidate, context: Context) -> bool:
    """"позиция Москвы", "ответ Вашингтона": the genitive after a noun of acting or saying."""
    token = _head_token(candidate, context)
    head = _head(token, context)
    return token.feats.get("Case") == "Gen" and head is not None and head.lemma in context.agent_heads


def place_of_speaking(candidate: Candidate, context: Context) -> bool:
    """"в Кремле заявили": a locative attached to a verb of saying or deciding, with no subject."""
    token = _head_token(candidate, context)
    head = _head(token, context)
    located = token.feats.get("Case") in LOCATIVE_CASES or token.rel == "obl"
    return located and head is not None and head.lemma in context.agent_verbs and _no_subject(token, context)


def followed_by_agent_verb(candidate: Candidate, context: Context) -> bool:
    """Without syntax (en, uk): "Moscow said", "Kremlin has rejected", "Moscow and Kyiv agreed"."""
    tokens = context.analysis.tokens
    if context.analysis.language == "ru" or _after_preposition(candidate, context):
        return False
    index = candidate.last
    while index < len(tokens) and tokens[index].lemma in CONJUNCTIONS | AUXILIARIES:
        index += 1
        while tokens[index - 1].lemma in CONJUNCTIONS and index < len(tokens) and tokens[index].text.istitle():
            index += 1  # "and Washington": the other conjunct
    return index < len(tokens) and tokens[index].lemma in context.agent_verbs


AGENT_CUES: list[Callable[[Candidate, Context], bool]] = [
    subject_of_clause,
    complement_of_agent_noun,
    place_of_speaking,
    followed_by_agent_verb,
]


def acts(candidate: Candidate, context: Context) -> bool:
    return any(cue(candidate, context) for cue in AGENT_CUES)


# --- helpers -----------------------------------------------------------------------------------


def _head_token(candidate: Candidate, context: Context) -> Token:
    """The syntactic head of a multi-word span: the token whose head lies outside it."""
    tokens = context.analysis.tokens
    for index in range(candidate.first, candidate.last):
        head = tokens[index].head
        if head is None or not candidate.first <= head < candidate.last:
            return tokens[index]
    return tokens[candidate.first]


def _head(token: Token, context: Context) -> Token | None:
    return None if token.head is None else context.analysis.tokens[token.head]


def _no_subject(token: Token, context: Context) -> bool:
    """"в Кремле заявили" has no subject; "в Москве Лавров заявил" has one, and Moscow is a place."""
    verb = token.head
    return not any(t.head == verb and t.rel in SUBJECT_RELS for t in context.analysis.tokens)


def _after_preposition(candidate: Candidate, context: Context) -> bool:
    return candidate.first > 0 and context.analysis.tokens[candidate.first - 1].lemma in PREPOSITIONS
