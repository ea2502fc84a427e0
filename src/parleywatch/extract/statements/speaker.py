"""Who is speaking: a named actor, an anonymous source, the last speaker carried over, or the
words of the grammatical subject.

Rules in ``RULES`` are tried in order on the attribution: the stretch around the speech verb
("сказал замглавы МИД Сергей Рябков", "пояснил собеседник в МИД", "По его словам"), or the
subject's noun phrase when the parse gives one ("Местные власти осудили ...").
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
    """The words that may name the speaker; ``head`` is the subject's head word when parsed."""

    text: str  # the article text
    tokens: list[Token]
    mentions: list[Mention]  # outermost, outlets removed
    actors: dict[str, Actor]
    lexicon: SpeechLexicon
    last: Speaker | None
    analysis_tokens: list[Token] | None = None  # for syntactic heads
    head: Token | None = None
    core_named: bool = False  # a mention names the head itself, not a modifier ("Министр ... Лавров")
    context: list[Token] | None = None  # the sentence's tokens around a parsed subject ("собеседник | в МИД")
    earlier: list[Mention] | None = None  # person mentions before the sentence, nearest last


@dataclass(slots=True, frozen=True)
class Resolved:
    """A speaker and the article offsets of the words in the sentence that name it."""

    speaker: Speaker
    start: int
    end: int


def anonymous(a: Attribution) -> Resolved | None:
    """"собеседник в МИД", "a Western official": a description, no actor id.

    Named persons win over the description ("источник" may be a word in a named attribution).
    """
    if any(_type(a, m) == "person" for m in a.mentions):
        return None
    words = a.context or a.tokens
    for token in a.tokens:
        if token.lemma.lower() in a.lexicon.anonymous:
            start, end = _phrase(a, words, words.index(token))
            return Resolved({"actor_id": None, "name": a.text[start:end], "type": "anonymous"}, start, end)
    return None


def named(a: Attribution) -> Resolved | None:
    """The mention of the most specific type: a person over an organization over a country;
    in a parsed subject the last of a kind, the name after its title ("Советник министра Иван
    Петров")."""
    if not a.mentions:
        return None
    order = -1 if a.head is not None else 1
    best = min(a.mentions, key=lambda m: (_rank(_type(a, m)), order * m.start))
    actor = a.actors.get(best.actor_id)
    speaker = {"actor_id": best.actor_id, "name": actor.name if actor else best.text, "type": _type(a, best)}
    return Resolved(speaker, best.start, best.end)


def carried(a: Attribution) -> Resolved | None:
    """"По его словам", "подчеркнул дипломат": the last speaker of the article."""
    if not a.last:
        return None
    word = next((t for t in a.tokens if t.lemma.lower() in a.lexicon.carry or t.text.lower() in a.lexicon.carry), None)
    return Resolved(dict(a.last), word.start, word.end) if word else None


def antecedent(a: Attribution) -> Resolved | None:
    """"Сергей Рябков прибыл в Женеву. Он заявил, что ...", "интервью Рябкова, в котором он
    заявил": with no earlier speaker, a pronoun subject is the nearest person named before it
    (in an earlier sentence or its own) whose name agrees in gender."""
    head, tokens = a.head, a.analysis_tokens or []
    if head is None or head.pos != "PRON" or not a.earlier or head.lemma.lower() not in a.lexicon.carry:
        return None
    gender = head.feats.get("Gender")
    for mention in reversed(a.earlier):
        genders = {t.feats.get("Gender") for t in tokens if mention.start <= t.start < mention.end}
        if gender is None or gender in genders:
            actor = a.actors.get(mention.actor_id)
            speaker = {"actor_id": mention.actor_id, "name": actor.name if actor else mention.text, "type": "person"}
            return Resolved(speaker, head.start, head.end)
    return None


def subject(a: Attribution) -> Resolved | None:
    """"Оппозиция утверждает, что...": the unlinked grammatical subject of the speech verb."""
    heads = a.analysis_tokens or []
    for token in a.tokens:
        head = heads[token.head] if token.head is not None and token.head < len(heads) else None
        if token.rel == "nsubj" and token.pos in {"NOUN", "PROPN"} and head and head.lemma.lower() in a.lexicon.cues:
            return Resolved({"actor_id": None, "name": token.text, "type": "unknown"}, token.start, token.end)
    return None


def described(a: Attribution) -> Resolved | None:
    """"Местные власти", "столичные журналисты": an unlinked subject that can take a position —
    a name, a person noun or an institution; not "закон требует", "ситуация требует"."""
    if a.head is None or not a.tokens or a.head.pos == "PRON":
        return None
    words = [t for t in a.tokens if t.pos != "ADP"] or a.tokens  # "В посольстве подчеркнули": the embassy
    start, end = words[0].start, words[-1].end
    return Resolved({"actor_id": None, "name": a.text[start:end], "type": "unknown"}, start, end)


def speaking_noun(token: Token, lexicon: SpeechLexicon) -> bool:
    """A proper name, an animate noun, an institution noun ("прокуратура") or a noun made of a
    participle or adjective ("нападавший", "пострадавшие")."""
    if token.pos == "PROPN" or (token.pos in {"VERB", "ADJ"} and token.rel == "nsubj"):
        return True
    return token.pos == "NOUN" and (token.feats.get("Animacy") == "Anim" or token.lemma.lower() in lexicon.bodies)


RULES: list[Callable[[Attribution], Resolved | None]] = [anonymous, named, carried, antecedent, described, subject]


def can_speak(a: Attribution) -> bool:
    """A parsed subject takes a position only as a named actor, a source, a pronoun or a
    speaking noun: not "кризис вокруг посольств угрожает", "действия Вашингтона обещают"."""
    head = a.head
    if head is None or a.core_named or head.pos == "PRON":
        return True
    if head.lemma.lower() in a.lexicon.quantities:
        return any(speaking_noun(t, a.lexicon) for t in a.tokens if t is not head)
    return head.lemma.lower() in a.lexicon.anonymous or speaking_noun(head, a.lexicon)


def find_speaker(attribution: Attribution) -> Resolved | None:
    if not can_speak(attribution):
        return None
    for rule in RULES:
        found = rule(attribution)
        if found:
            return found
    return None


def _type(a: Attribution, mention: Mention) -> str:
    actor = a.actors.get(mention.actor_id)
    return actor.type if actor else "organization"


def _rank(kind: str) -> int:
    return PREFERENCE.index(kind) if kind in PREFERENCE else len(PREFERENCE)


def _phrase(a: Attribution, words: list[Token], i: int) -> tuple[int, int]:
    """The anonymous noun with its modifiers and what follows it up to punctuation or a cue:
    "один западный чиновник", "собеседник в МИД"."""
    first = i
    while first > 0 and _modifier(words[first - 1]):
        first -= 1
    last = i + 1
    while last < len(words) and words[last].pos != "PUNCT" and words[last].text not in ",.;:—–»«\"":
        gap = a.text[words[last - 1].end : words[last].start]
        if words[last].lemma.lower() in a.lexicon.stops or gap.strip():
            break
        last += 1
    return words[first].start, words[last - 1].end


def _modifier(token: Token) -> bool:
    if token.pos is not None:
        return token.pos in {"ADJ", "DET", "NUM"}
    return token.text.isalpha() and token.lemma.lower() in {"a", "an", "one", "the", "senior", "western",
                                                           "american", "russian", "ukrainian", "european"}
