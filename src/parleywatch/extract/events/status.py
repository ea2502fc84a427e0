"""Event status from the cues of its clause: an ordered list of small rules, first answer wins.

"консультации были отменены по инициативе" -> cancelled, "может состояться" -> hypothetical,
"состоится" (future tense) -> planned; no cue -> occurred.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from parleywatch.extract.events.lexicon import EventLexicon
from parleywatch.nlp import Token


@dataclass(slots=True, frozen=True)
class StatusView:
    """The clause text (lower case), its tokens and the trigger's position among them."""

    text: str
    tokens: list[Token]
    trigger: int
    lexicon: EventLexicon

    def cue(self, status: str) -> bool:
        pattern = self.lexicon.status.get(status)
        return pattern is not None and pattern.search(self.text) is not None


def cancelled(v: StatusView) -> str | None:
    return "cancelled" if v.cue("cancelled") else None


def postponed(v: StatusView) -> str | None:
    return "postponed" if v.cue("postponed") else None


def suspended(v: StatusView) -> str | None:
    return "suspended" if v.cue("suspended") else None


def denied(v: StatusView) -> str | None:
    return "denied" if v.cue("denied") else None


def negated_trigger(v: StatusView) -> str | None:
    """"не встретились" / "did not meet": a negation right before the trigger."""
    before = {t.lemma.lower() for t in v.tokens[max(0, v.trigger - 2) : v.trigger]}
    return "denied" if before & {"не", "not", "never", "ні", "n't"} else None


def hypothetical(v: StatusView) -> str | None:
    return "hypothetical" if v.cue("hypothetical") else None


def planned(v: StatusView) -> str | None:
    return "planned" if v.cue("planned") else None


def future_tense(v: StatusView) -> str | None:
    """A finite verb in the future tense ("проведут", "состоится")."""
    return "planned" if any(t.feats.get("Tense") == "Fut" for t in v.tokens) else None


RULES: list[Callable[[StatusView], str | None]] = [
    cancelled, postponed, suspended, denied, negated_trigger, hypothetical, planned, future_tense,
]


def event_status(view: StatusView) -> str:
    """The first status a rule finds, else ``occurred``."""
    for rule in RULES:
        status = rule(view)
        if status:
            return status
    return "occurred"
