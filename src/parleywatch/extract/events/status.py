"""Event status from the cues of its clause: an ordered list of small rules, first answer wins.

"консультации были отменены по инициативе" -> cancelled, "может состояться" -> hypothetical,
"состоится" (future tense) -> planned; no cue -> occurred. Strong cues (cancelled, postponed,
suspended, denied) count anywhere in the clause; weak ones ("plan", "would") lose to a trigger
that is itself a verb in the past tense, and wanting or proposing something
("добивается возвращения") makes it hypothetical only right before the trigger
(``data/status_scope.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from parleywatch.extract.events.lexicon import EventLexicon
from parleywatch.nlp import Token

WORD = re.compile(r"\w+")
SCOPE_FILE = Path(__file__).parent.parent / "data" / "status_scope.yaml"
TALKS = "CONSULT"
AGREE = "AGREE"
BLOCKERS = frozenset({"will", "shall", "to", "not", "n't", "never", "не", "ні", "будет", "будут", "буде", "будуть"})


@dataclass(slots=True, frozen=True)
class ScopeCues:
    """The cues of ``status_scope.yaml`` for one language."""

    window: int = 4
    desire_window: int = 6
    tail_words: int = 6
    topic_reach: int = 3
    anaphora: frozenset[str] = frozenset()
    topic: frozenset[str] = frozenset()
    topic_heads: frozenset[str] = frozenset()
    preparation: frozenset[str] = frozenset()
    outcome: frozenset[str] = frozenset()
    desire: tuple[str, ...] = ()
    modal: frozenset[str] = frozenset()
    conditional: frozenset[str] = frozenset()
    past_irregular: frozenset[str] = frozenset()
    past_suffixes: tuple[tuple[str, str], ...] = field(default_factory=tuple)


@cache
def scope_cues(language: str) -> ScopeCues:
    data: dict[str, Any] = yaml.safe_load(SCOPE_FILE.read_text(encoding="utf-8"))
    entry = data.get(language) or {}
    past = entry.get("past") or {}
    return ScopeCues(
        window=int(data.get("window", 4)),
        desire_window=int(data.get("desire_window", 6)),
        tail_words=int(data.get("tail_words", 6)),
        topic_reach=int(data.get("topic_reach", 3)),
        anaphora=frozenset(entry.get("anaphora") or ()),
        topic=frozenset(entry.get("topic") or ()),
        topic_heads=frozenset(entry.get("topic_heads") or ()),
        preparation=frozenset(entry.get("preparation") or ()),
        outcome=frozenset(entry.get("outcome") or ()),
        desire=tuple(entry.get("desire") or ()),
        modal=frozenset(entry.get("modal") or ()),
        conditional=frozenset(entry.get("conditional") or ()),
        past_irregular=frozenset(past.get("irregular") or ()),
        past_suffixes=tuple((str(a), str(b)) for a, b in past.get("suffixes") or ()),
    )


@dataclass(slots=True, frozen=True)
class StatusView:
    """The clause text (lower case), its tokens and the trigger's position among them."""

    text: str
    tokens: list[Token]
    trigger: int
    lexicon: EventLexicon
    tail: str = ""  # the rest of the sentence after the clause, lower case
    first: int = 0  # the analysis index of ``tokens[0]``: token heads are analysis indices
    kind: str = ""  # the trigger's event type

    def local(self, head: int | None) -> int | None:
        """The position in ``tokens`` of an analysis index, None when outside the clause."""
        i = None if head is None else head - self.first
        return i if i is not None and 0 <= i < len(self.tokens) else None

    def cue(self, status: str) -> bool:
        pattern = self.lexicon.status.get(status)
        return pattern is not None and pattern.search(self.text) is not None

    @property
    def scope(self) -> ScopeCues:
        return scope_cues(self.lexicon.language)

    def before(self, size: int) -> list[str]:
        """The words (lower case, with their lemmas' text) just before the trigger, nearest last."""
        window = self.tokens[max(0, self.trigger - size) : self.trigger]
        return [t.text.lower() for t in window] + [t.lemma.lower() for t in window]

    def phrase_before(self, size: int) -> str:
        return " ".join(t.text.lower() for t in self.tokens[max(0, self.trigger - size) : self.trigger])


def _starts(words: list[str], prefixes: tuple[str, ...]) -> bool:
    return any(w.startswith(p) for w in words for p in prefixes if " " not in p)


def _phrase(text: str, prefixes: tuple[str, ...]) -> bool:
    return any(p in text for p in prefixes if " " in p)


def cancelled(v: StatusView) -> str | None:
    return "cancelled" if v.cue("cancelled") else None


def postponed(v: StatusView) -> str | None:
    return "postponed" if v.cue("postponed") else None


def suspended(v: StatusView) -> str | None:
    return "suspended" if v.cue("suspended") else None


def undone_later(v: StatusView) -> str | None:
    """"Третий раунд ожидался летом, однако он был отменен": the next clause cancels the same
    event when it refers back to it (a pronoun, or no subject of its own before the verb)."""
    words = WORD.findall(v.tail)[: v.scope.tail_words]
    if not set(words[:4]) & v.scope.anaphora:
        return None
    head = " ".join(words)
    for status in ("cancelled", "postponed", "suspended"):
        pattern = v.lexicon.status.get(status)
        if pattern is not None and pattern.search(head):
            return status
    return None


def denied(v: StatusView) -> str | None:
    return "denied" if v.cue("denied") else None


def negated_trigger(v: StatusView) -> str | None:
    """"не встретились" / "did not meet": a negation right before the trigger."""
    before = {t.lemma.lower() for t in v.tokens[max(0, v.trigger - 2) : v.trigger]}
    return "denied" if before & {"не", "not", "never", "ні", "n't"} else None


def desired(v: StatusView) -> str | None:
    """"Москва добивается возвращения", "asked Washington to resume": wanted, not (yet) real."""
    cues = v.scope.desire
    reach = v.scope.desire_window
    near = _starts(v.before(reach), cues) or _phrase(v.phrase_before(reach + 2), cues)
    return "hypothetical" if near else None


def topic_of_talks(v: StatusView) -> str | None:
    """"консультации о возобновлении работы посольств", "talks on resuming flights": what talks are
    about has not happened (the talks themselves keep their own status)."""
    before = v.tokens[max(0, v.trigger - v.scope.desire_window) : v.trigger]
    if not before or before[-1].text.lower() not in v.scope.topic:
        return None
    talks = any(trigger.type == TALKS for t in before[:-1] for trigger in v.lexicon.triggers.get(t.lemma.lower(), ()))
    return "hypothetical" if talks else None


CONJUNCT = "conj"
MODIFIER_POS = frozenset({"DET", "ADJ", "PRON", "NUM"})  # a parser may hang a noun on its determiner
GOVERNOR_HOPS = 4


def governor(v: StatusView) -> Token | None:
    """The word the trigger's phrase depends on: the head of its first conjunct ("обсудить не
    только X, но и возобновление" -> "обсудить"), past a determiner the parser hung it on."""
    i = v.trigger
    for _ in range(GOVERNOR_HOPS):
        token = v.tokens[i]
        j = v.local(token.head)
        if j is None or j == i:
            return None
        if token.rel != CONJUNCT and v.tokens[j].pos not in MODIFIER_POS:
            return v.tokens[j]
        i = j
    return None


def ancestors(v: StatusView) -> list[Token]:
    """The words above the trigger in the parse, nearest first, up to ``GOVERNOR_HOPS``."""
    found: list[Token] = []
    i: int | None = v.trigger
    while i is not None and len(found) < GOVERNOR_HOPS:
        j = v.local(v.tokens[i].head)
        if j is None or v.tokens[j] in found or j == v.trigger:
            break
        found.append(v.tokens[j])
        i = j
    return found


def governed(v: StatusView) -> str | None:
    """"требует для начала переговоров ... отказа", "обсудить возобновление рейсов", "по вопросу
    возобновления", "по организации саммита": what is wanted (anywhere above the trigger),
    discussed, asked about or being prepared has not happened; what the sides agreed on is
    planned ("договорились о возобновлении")."""
    if _starts([t.lemma.lower() for t in ancestors(v)], v.scope.desire):
        return "hypothetical"
    head = governor(v)
    if head is None:
        return None
    lemma, scope = head.lemma.lower(), v.scope
    if lemma in scope.topic_heads or lemma in scope.preparation:
        return "hypothetical"
    kinds = {t.type for t in v.lexicon.triggers.get(lemma, ()) if len(t.lemmas) == 1}
    if v.kind != TALKS and TALKS in kinds:
        return "hypothetical"
    return "planned" if v.kind not in {TALKS, AGREE} and AGREE in kinds else None


def outcome_frame(v: StatusView) -> str | None:
    """"Комментарий по итогам встречи ожидается завтра": a meeting with outcomes took place; what
    the clause expects is the outcome's (a strong cue -- cancelled, denied -- still wins)."""
    head = governor(v)
    return "occurred" if head is not None and head.lemma.lower() in v.scope.outcome else None


def topic_noun_before(v: StatusView) -> str | None:
    """"the question of resuming flights", "preparations for a summit": a topic or preparation noun
    right before the trigger (what a parse would show as its governor)."""
    nouns = v.scope.topic_heads | v.scope.preparation
    return "hypothetical" if set(v.before(v.scope.topic_reach)) & nouns else None


def conditional(v: StatusView) -> str | None:
    """"был бы ошибкой": the conditional mood anywhere in the clause."""
    return "hypothetical" if any(t.text.lower() in v.scope.conditional for t in v.tokens) else None


def modal_before(v: StatusView) -> str | None:
    """"способны договориться", "could meet": possible, not real."""
    return "hypothetical" if set(v.before(v.scope.window)) & v.scope.modal else None


def past_trigger(v: StatusView) -> str | None:
    """The trigger is a verb in the past tense ("met", "провели"): it happened, whatever weaker cue
    ("a plan", "would") the rest of the clause holds."""
    token = v.tokens[v.trigger]
    if not is_past_verb(token, v.scope) or set(v.before(3)) & BLOCKERS:
        return None
    return "occurred"


def is_past_verb(token: Token, scope: ScopeCues) -> bool:
    """Past finite verb: from the morphology when there is one, else from word form and lemma."""
    if token.feats:
        return token.feats.get("Tense") == "Past" and token.feats.get("VerbForm") == "Fin"
    form, lemma = token.text.lower(), token.lemma.lower()
    if form in scope.past_irregular:
        return True
    return form != lemma and any(
        form.endswith(end) and form[: len(form) - len(end)] + base == lemma for end, base in scope.past_suffixes
    )


def hypothetical(v: StatusView) -> str | None:
    return "hypothetical" if v.cue("hypothetical") else None


def planned(v: StatusView) -> str | None:
    return "planned" if v.cue("planned") else None


def future_tense(v: StatusView) -> str | None:
    """A finite verb in the future tense ("проведут", "состоится")."""
    return "planned" if any(t.feats.get("Tense") == "Fut" for t in v.tokens) else None


RULES: list[Callable[[StatusView], str | None]] = [
    cancelled, postponed, suspended, undone_later, denied, negated_trigger, outcome_frame, desired, topic_of_talks,
    governed,
    topic_noun_before, conditional, modal_before, past_trigger, hypothetical, planned, future_tense,
]


def event_status(view: StatusView) -> str:
    """The first status a rule finds, else ``occurred``."""
    for rule in RULES:
        status = rule(view)
        if status:
            return status
    return "occurred"
