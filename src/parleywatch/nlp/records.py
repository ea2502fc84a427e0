"""Analysis records: sentences, tokens and named entities with character offsets.

Later stages only see these; natasha and simplemma objects are adapted at the boundary. Every
record round-trips through plain JSON (``to_dict`` / ``from_dict``) so an analysis is stored once
per article and reused while ``ANALYZER_VERSION`` is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True, frozen=True)
class Token:
    """One word or punctuation mark; ``head`` is the index of the syntactic head in the analysis."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str | None = None
    feats: dict[str, str] = field(default_factory=dict)
    head: int | None = None
    rel: str | None = None

    def to_list(self) -> list[Any]:
        """A compact JSON row: analyses hold thousands of tokens."""
        return [self.start, self.end, self.text, self.lemma, self.pos, self.feats, self.head, self.rel]

    @classmethod
    def from_list(cls, row: list[Any]) -> Token:
        start, end, text, lemma, pos, feats, head, rel = row
        return cls(start, end, text, lemma, pos, dict(feats), head, rel)


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence and the half-open range ``[first, last)`` of its tokens in ``Analysis.tokens``."""

    start: int
    end: int
    text: str
    first: int
    last: int


@dataclass(slots=True, frozen=True)
class Entity:
    """A named-entity span (PER, LOC, ORG) with its normal (nominative) form."""

    start: int
    end: int
    text: str
    type: str
    normal: str


@dataclass(slots=True)
class Analysis:
    """The language analysis of one article."""

    language: str
    version: str
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first : sentence.last]

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "version": self.version,
            "sentences": [[s.start, s.end, s.text, s.first, s.last] for s in self.sentences],
            "tokens": [t.to_list() for t in self.tokens],
            "entities": [[e.start, e.end, e.text, e.type, e.normal] for e in self.entities],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            language=data["language"],
            version=data["version"],
            sentences=[Sentence(*row) for row in data["sentences"]],
            tokens=[Token.from_list(row) for row in data["tokens"]],
            entities=[Entity(*row) for row in data["entities"]],
        )
