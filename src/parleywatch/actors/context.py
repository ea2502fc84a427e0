"""The state linking keeps while reading one article: candidates and the actors already seen."""

from __future__ import annotations

from dataclasses import dataclass, field

from parleywatch.actors.index import token_forms
from parleywatch.actors.records import Actor, Mention
from parleywatch.actors.registry import ActorRegistry
from parleywatch.nlp import Analysis, Token


@dataclass(slots=True)
class Candidate:
    """A name span to link: tokens ``[first, last)``; ``ner_type`` is PER, ORG, LOC or ''."""

    first: int
    last: int
    start: int
    end: int
    text: str
    ner_type: str
    normal: str

    @property
    def size(self) -> int:
        return self.last - self.first


@dataclass(slots=True)
class Link:
    actor_id: str
    rule: str


@dataclass(slots=True)
class Context:
    article_id: str
    text: str
    day: str | None
    analysis: Analysis
    registry: ActorRegistry
    agent_verbs: frozenset[str]
    agent_heads: frozenset[str]
    forms: list[tuple[str, ...]] = field(default_factory=list)  # token_forms per token
    sentence_starts: list[int] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    surnames: dict[str, set[str]] = field(default_factory=dict)  # surname form -> person ids seen
    first_names: dict[str, set[str]] = field(default_factory=dict)  # person id -> first-name forms
    named: dict[str, set[str]] = field(default_factory=dict)  # first-name form -> person ids seen
    names_at: dict[int, Mention] = field(default_factory=dict)  # name mentions by start offset

    def tokens(self, candidate: Candidate) -> list[Token]:
        return self.analysis.tokens[candidate.first : candidate.last]

    def remember_person(self, actor_id: str, tokens: list[Token]) -> None:
        """Record the surname (last word) and first name of a person named in full."""
        self.surnames.setdefault(tokens[-1].lemma, set()).add(actor_id)
        self.surnames.setdefault(tokens[-1].text.lower(), set()).add(actor_id)
        if len(tokens) > 1:
            forms = token_forms(tokens[0])
            self.first_names.setdefault(actor_id, set()).update(forms)
            for form in forms:
                self.named.setdefault(form, set()).add(actor_id)

    def seen(self, actor_id: str) -> bool:
        return actor_id in self.actors
