"""View models of the pages: plain dicts and dataclasses built from records, no HTML here."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from parleywatch.api.filters import record_actors, record_start
from parleywatch.api.service import StoryBundle
from parleywatch.records import Article

Record = dict[str, Any]


@dataclass(slots=True)
class Source:
    """One evidence sentence with where it came from."""

    text: str
    article_id: str
    start: int | None
    end: int | None
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None


@dataclass(slots=True)
class FactRow:
    """An event or statement of a story, and per article whether that article reports it."""

    kind: str
    record: Record
    label: str
    reported: dict[str, str | None] = field(default_factory=dict)  # article id -> sentence or None


@dataclass(slots=True)
class StoryView:
    articles: list[Article]
    facts: list[FactRow]
    quotes: dict[str, list[str]]  # article id -> speaker names
    labels: list[tuple[str, dict[str, list[str]]]]  # actor name -> article id -> labels


def sources(record: Record, articles: dict[str, Article]) -> list[Source]:
    found = []
    for ev in record.get("evidence") or []:
        art = articles.get(str(ev.get("article_id")))
        found.append(Source(str(ev.get("text") or ""), str(ev.get("article_id")), ev.get("start"), ev.get("end"),
                            art.outlet if art else None, art.title if art else None,
                            art.url if art else None, art.published if art else None))
    return found


def fact_label(kind: str, record: Record, names: dict[str, str]) -> str:
    if kind == "statement":
        speaker = record.get("speaker") or {}
        who = names.get(str(speaker.get("actor_id")), speaker.get("name") or "?")
        return f"{who}: «{record.get('text') or ''}»"
    return str(record.get("summary") or record.get("type") or record["id"])


def story_view(bundle: StoryBundle, names: dict[str, str]) -> StoryView:
    facts = [_fact_row("event", r, bundle.articles, names) for r in bundle.events]
    facts += [_fact_row("statement", r, bundle.articles, names) for r in bundle.statements]
    return StoryView(bundle.articles, facts, _quotes(bundle, names), _labels(bundle, names))


def _fact_row(kind: str, record: Record, articles: list[Article], names: dict[str, str]) -> FactRow:
    row = FactRow(kind, record, fact_label(kind, record, names))
    by_article = {str(e.get("article_id")): str(e.get("text") or "") for e in record.get("evidence") or []}
    row.reported = {a.id: by_article.get(a.id) for a in articles}
    return row


def _quotes(bundle: StoryBundle, names: dict[str, str]) -> dict[str, list[str]]:
    quotes: dict[str, list[str]] = defaultdict(list)
    for record in bundle.statements:
        speaker = record.get("speaker") or {}
        who = names.get(str(speaker.get("actor_id")), str(speaker.get("name") or "?"))
        for ev in record.get("evidence") or []:
            if who not in quotes[str(ev.get("article_id"))]:
                quotes[str(ev.get("article_id"))].append(who)
    return dict(quotes)


def _labels(bundle: StoryBundle, names: dict[str, str]) -> list[tuple[str, dict[str, list[str]]]]:
    """Per actor, the evaluative labels (else surface forms) each article uses for it."""
    table: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for article_id, mentions in bundle.mentions.items():
        for mention in mentions:
            name = names.get(str(mention.get("actor_id")), str(mention.get("actor_id")))
            shown = mention.get("label") or mention.get("text")
            if shown and shown not in table[name][article_id]:
                table[name][article_id].append(str(shown))
    labelled = {n for mentions in bundle.mentions.values() for m in mentions if m.get("label")
                for n in [names.get(str(m.get("actor_id")), str(m.get("actor_id")))]}
    return [(n, dict(table[n])) for n in sorted(table, key=lambda n: (n not in labelled, n))]


def actor_timeline(actor_id: str, events: list[Record], statements: list[Record]) -> list[tuple[str, str, Record]]:
    """(date, kind, record) of everything the actor took part in or said, oldest first."""
    rows = [(record_start(r) or "", "event", r) for r in events if actor_id in record_actors(r)]
    rows += [(record_start(r) or "", "statement", r) for r in statements if actor_id in record_actors(r)]
    return sorted(rows, key=lambda row: (row[0], row[2]["id"]))


def week_of(iso: str) -> date | None:
    """The Monday of the ISO date's week, or None when the text is not a date."""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return None
    return day - timedelta(days=day.weekday())


def statements_per_week(statements: list[Record], names: dict[str, str], top: int = 8) -> dict[str, Counter[date]]:
    """Statement counts per speaker per week, for the busiest ``top`` speakers."""
    counts: dict[str, Counter[date]] = defaultdict(Counter)
    for record in statements:
        speaker = record.get("speaker") or {}
        week = week_of(record_start(record) or "")
        if week is not None:
            counts[names.get(str(speaker.get("actor_id")), str(speaker.get("name") or "?"))][week] += 1
    busiest = sorted(counts, key=lambda n: (-sum(counts[n].values()), n))[:top]
    return {n: counts[n] for n in busiest}
