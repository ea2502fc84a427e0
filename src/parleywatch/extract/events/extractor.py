"""Events of one article: triggers in each clause, with status, arguments, date and issues."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from parleywatch.actors import ArticleLinks, Mention
from parleywatch.extract.dates import find_dates
from parleywatch.extract.events.arguments import Arguments, attach, clause_mentions
from parleywatch.extract.events.clauses import Clause, split_clauses
from parleywatch.extract.events.lexicon import EventLexicon
from parleywatch.extract.events.status import StatusView, event_status
from parleywatch.extract.events.triggers import Hit, by_salience, find_triggers, first_per_type, proper_name
from parleywatch.extract.issues import find_issues
from parleywatch.nlp import Analysis, Token
from parleywatch.records import Article

FUTURE = frozenset({"planned", "hypothetical", "postponed"})


@dataclass(slots=True, frozen=True)
class EventContext:
    """What every clause of one article needs."""

    article: Article
    analysis: Analysis
    links: ArticleLinks
    lexicon: EventLexicon
    speech: frozenset[str]
    published: date | None
    is_outlet: Callable[[Mention], bool]
    keep_bare: bool = False  # keep events with no participant, place, issue or round (typing evals)


MEETING = "CONSULT"
DELEGATION_REACH = 2  # sentences back from a "the delegations were led by" sentence to its meeting
PERSON = "PER"
ROLE = "DESC"  # a mention that describes its actor by office ("глава МИД России")


def extract_events(ctx: EventContext) -> list[dict[str, Any]]:
    events = []
    for sentence in ctx.analysis.sentences:
        for clause in split_clauses(ctx.analysis, sentence, ctx.lexicon, ctx.speech):
            events += clause_events(ctx, clause)
    add_delegation_heads(ctx, events)
    return events


def add_delegation_heads(ctx: EventContext, events: list[dict[str, Any]]) -> None:
    """"Делегации возглавили Дарчиев и Коултер": the people leading the sides of a meeting, named in
    its sentence or one of the next two, are its participants."""
    if not ctx.lexicon.delegation:
        return
    sentences = ctx.analysis.sentences
    for index, sentence in enumerate(sentences):
        if not any(cue in sentence.text.lower() for cue in ctx.lexicon.delegation):
            continue
        earliest = sentences[max(0, index - DELEGATION_REACH)].start
        meetings = [e for e in events
                    if e["type"] == MEETING and earliest <= e["evidence"][0]["start"] <= sentence.start]
        if not meetings:
            continue
        meeting = meetings[-1]
        people = [m.actor_id for m in ctx.links.mentions
                  if m.type == PERSON and sentence.start <= m.start < sentence.end]
        meeting["participants"] += [p for p in dict.fromkeys(people) if p not in meeting["participants"]]


def clause_events(ctx: EventContext, clause: Clause) -> list[dict[str, Any]]:
    tokens = ctx.analysis.tokens[clause.first : clause.last]
    found = [h for h in find_triggers(tokens, clause.first, ctx.lexicon)
             if not proper_name(tokens, clause.first, h) and not in_title(ctx, ctx.analysis.tokens[h.first].start)]
    hits = first_per_type(by_salience(found, tokens, clause.first))
    if not hits:
        return []
    mentions = clause_mentions(ctx.links.mentions, clause.start, clause.end, ctx.is_outlet)
    events = [build_event(ctx, clause, tokens, hit, mentions) for hit in hits]
    return [e for e in events if e is not None]


TITLE_REACH = 48  # characters from the end of a role mention to a word still inside the title


def in_title(ctx: EventContext, offset: int) -> bool:
    """"спецпредставитель президента по экономическому сотрудничеству", "envoy for economic
    cooperation": a trigger word that completes a role title names the office, not an event."""
    for mention in ctx.links.mentions:
        if mention.type != ROLE or not mention.end <= offset <= mention.end + TITLE_REACH:
            continue
        between = ctx.article.text[mention.end : offset].lower().split()
        if between and between[0] in ctx.lexicon.title_links and not any(c in "".join(between) for c in ",;:—()"):
            return True
    return False


def build_event(ctx: EventContext, clause: Clause, tokens: list[Token], hit: Hit,
                mentions: list[Mention]) -> dict[str, Any] | None:
    trigger_token = ctx.analysis.tokens[hit.first]
    args = attach(mentions, ctx.links.actors, tokens, trigger_token.start, hit.trigger.type, ctx.lexicon,
                  clause.first)
    text = ctx.article.text[clause.start : clause.end]
    issues = find_issues(text, [t.lemma for t in tokens], ctx.article.language)
    tail = ctx.article.text[clause.end : clause.sentence.end].lower()
    status = event_status(StatusView(text.lower(), tokens, hit.first - clause.first, ctx.lexicon, tail))
    anchored = args.participant_ids() or args.location or issues or args.ordinal
    if status == "occurred" and not ctx.keep_bare and not anchored:
        return None  # "диалог идёт" with nothing attached says too little to track
    sentence = clause.sentence
    return {
        "kind": "event",
        "id": "ev:" + hashlib.sha1(f"{ctx.article.id}:{trigger_token.start}".encode()).hexdigest()[:16],
        "type": hit.trigger.type,
        "mode": hit.trigger.mode,
        "status": status,
        "date": event_date(ctx, text, status),
        "location": _location(ctx, args),
        "participants": args.participant_ids(),
        "issues": issues,
        "summary": summary(ctx, hit, args, status, trigger_token.text),
        "evidence": [{"article_id": ctx.article.id, "start": sentence.start, "end": sentence.end,
                      "text": sentence.text}],
        "source": args.source,
        "target": args.target,
        "ordinal": args.ordinal,
        "trigger": trigger_token.text,
        "article_ids": [ctx.article.id],
        "outlets": [ctx.article.outlet] if ctx.article.outlet else [],
    }


def event_date(ctx: EventContext, text: str, status: str) -> dict[str, Any]:
    """The first date of the clause; an explicit unknown, never the publication date."""
    if ctx.published is not None:
        spans = find_dates(text, ctx.published, ctx.article.language, future=True if status in FUTURE else None)
        if spans:
            return spans[0].as_dict()
    return {"start": None, "end": None, "precision": "unknown", "text": ""}


def _location(ctx: EventContext, args: Arguments) -> dict[str, Any] | None:
    if args.location is None:
        return None
    actor = ctx.links.actors.get(args.location.actor_id)
    return {"actor_id": args.location.actor_id, "name": actor.name if actor else args.location.text}


def summary(ctx: EventContext, hit: Hit, args: Arguments, status: str, trigger: str) -> str:
    """One line: "CONSULT/visit [planned] Russia, United States: «консультаций» (#3) in Istanbul"."""
    names = [ctx.links.actors[i].name if i in ctx.links.actors else i for i in args.participant_ids()]
    kind = hit.trigger.type + (f"/{hit.trigger.mode}" if hit.trigger.mode else "")
    line = f"{kind} [{status}] {', '.join(names) or '?'}: «{trigger}»"
    if args.ordinal:
        line += f" (#{args.ordinal})"
    if args.location is not None:
        line += f" in {args.location.text}"
    return line
