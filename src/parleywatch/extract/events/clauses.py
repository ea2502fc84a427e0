"""Clauses: the stretch of a sentence that one event's status and arguments are read from.

"Стороны встретились в Стамбуле, но новый раунд отложили" holds two events with two statuses;
splitting at clause boundaries keeps "отложили" away from the first one. A boundary is decided
by the small rules in ``RULES``, each looking at one token and its neighbours.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from parleywatch.extract.events.lexicon import EventLexicon
from parleywatch.nlp import Analysis, Sentence, Token


@dataclass(slots=True, frozen=True)
class Clause:
    """Tokens ``[first, last)`` of the analysis and their article offsets ``[start, end)``."""

    sentence: Sentence
    first: int
    last: int
    start: int
    end: int


@dataclass(slots=True, frozen=True)
class Boundary:
    """What a rule sees: the tokens of the sentence and the position of a candidate break."""

    tokens: list[Token]
    index: int
    lexicon: EventLexicon
    speech: frozenset[str]
    gap: str = ""  # the text between the previous token and this one

    def lemma(self, offset: int) -> str:
        i = self.index + offset
        return self.tokens[i].lemma.lower() if 0 <= i < len(self.tokens) else ""


def semicolon(b: Boundary) -> bool:
    """"...; ..." always splits."""
    return b.lemma(0) in {";", ":"}


def comma_conjunction(b: Boundary) -> bool:
    """", но ..." / ", but ..." opens a clause at the conjunction; ", но и" / "but also" closes
    "не только ..." / "not only ...", one list of things, not a new clause."""
    return b.lemma(-1) == "," and b.lemma(0) in b.lexicon.clause_breaks and b.lemma(1) not in b.lexicon.correlatives


def concessive_opens(b: Boundary) -> bool:
    """"что «хотя в субботу прорыва не было», ...": a concessive conjunction opens its own clause
    wherever it stands (not "хотя бы", "at least")."""
    return b.index > 0 and b.lemma(0) in b.lexicon.concessive and b.lemma(1) not in b.lexicon.particles


def concessive_closes(b: Boundary) -> bool:
    """The comma that ends a concessive clause ("хотя ..., американская сторона ...") ends its clause."""
    if b.lemma(0) != ",":
        return False
    for back in range(1, b.index + 1):
        word = b.lemma(-back)
        if word in {",", ";", ":"}:
            return False
        if word in b.lexicon.concessive and b.lemma(1 - back) not in b.lexicon.particles:
            return True
    return False


def comma_attribution(b: Boundary) -> bool:
    """", сообщил Рябков" / ", — сказал он" is attribution, not part of the event clause."""
    if b.lemma(0) not in {",", "—", "-"}:
        return False
    return any(b.lemma(k) in b.speech for k in (1, 2))


def complement(b: Boundary) -> bool:
    """"заявил, что ..." / "said that": the reported content is its own clause."""
    return b.lemma(0) in {"что", "that"} and (b.lemma(-1) in b.speech or b.lemma(-2) in b.speech)


def line_break(b: Boundary) -> bool:
    """A headline glued to the first sentence ("...умер от пневмонии\nГендиректор ...") splits."""
    return "\n" in b.gap


RULES: list[Callable[[Boundary], bool]] = [
    semicolon, comma_conjunction, concessive_opens, concessive_closes, comma_attribution, complement, line_break,
]


def split_clauses(
    analysis: Analysis, sentence: Sentence, lexicon: EventLexicon, speech: frozenset[str]
) -> list[Clause]:
    """The clauses of one sentence, in order; a sentence without boundaries is one clause."""
    tokens = analysis.sentence_tokens(sentence)
    gaps = [sentence.text[a.end - sentence.start : b.start - sentence.start] for a, b in pairwise(tokens)]
    cuts = [0] + [i for i in range(1, len(tokens)) if _is_break(Boundary(tokens, i, lexicon, speech, gaps[i - 1]))]
    cuts.append(len(tokens))
    clauses = []
    for a, b in pairwise(cuts):
        if b > a:
            first, last = sentence.first + a, sentence.first + b
            clauses.append(Clause(sentence, first, last, tokens[a].start, tokens[b - 1].end))
    return clauses or [Clause(sentence, sentence.first, sentence.last, sentence.start, sentence.end)]


def _is_break(boundary: Boundary) -> bool:
    return any(rule(boundary) for rule in RULES)
