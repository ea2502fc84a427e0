"""The brief: what changed since a date, every line cited, nothing that no source supports.

Extractive by construction: a line is built only from structured fields of stored records (status,
date, place, speaker) and the evidence sentences cut from the articles, followed by citations
(outlet, date, URL or article id) of the articles it rests on.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from parleywatch.tracker import dates
from parleywatch.tracker.sources import Record, citations
from parleywatch.tracker.views import ViewData, reported_since, steps, timeline

STEP_LABELS = {"hypothetical": "possible (\"may take place\")"}
SECTIONS = ("rounds", "status_changes", "statements", "next_steps")
TITLES = {
    "rounds": "New rounds", "status_changes": "Issue status changes",
    "statements": "Statements by principals", "next_steps": "Upcoming steps",
}


def item(sentence: str, record: Record, cited: list[Record]) -> Record:
    """One brief line: our composed sentence, the first evidence sentence, the citations."""
    evidence = record.get("evidence") or []
    return {"sentence": sentence, "quote": evidence[0].get("text") if evidence else None, "citations": cited}


def round_items(data: ViewData, since: date) -> list[Record]:
    rows = {r["id"]: r for r in data.rounds}
    fresh = [r for r in timeline(data, since=None) if reported_since(rows[r["id"]], data.sources, since)]
    return [item(_round_sentence(r), rows[r["id"]], r["citations"]) for r in fresh]


def _round_sentence(row: Record) -> str:
    number = f"round {row['ordinal']}" if row.get("ordinal") is not None else "round"
    place = f", {row['place']}" if row.get("place") else ""
    flag = " Reports conflict: " + "; ".join(row["alternatives"]) + "." if row.get("flagged") else ""
    return f"{row['track_name']}: {number} {row['status']} — {row['when']}{place}.{flag}"


def status_items(data: ViewData, since: date) -> list[Record]:
    found = []
    for record in data.issues:
        for entry in record["timeline"]:
            first = dates.day(entry.get("reported"))
            if entry.get("change") and first is not None and first >= since:
                when = dates.describe_or_reported(entry["date"], entry.get("reported"))
                sentence = f"{record['issue']} ({record['process']}): {entry['status']}, {when}."
                found.append(item(sentence, entry, citations(entry, data.sources)))
    return found


def statement_items(data: ViewData, since: date) -> list[Record]:
    principals = {a for d in data.dossiers for a in d.principals()}
    found = []
    for statement in data.statements:
        speaker = statement.get("speaker") or {}
        if speaker.get("actor_id") in principals and reported_since(statement, data.sources, since):
            sentence = f"{speaker.get('name')} ({'quoted' if statement.get('direct') else 'reported'}):"
            found.append(item(sentence, statement, citations(statement, data.sources)))
    return found


def step_items(data: ViewData, since: date) -> list[Record]:
    upcoming = [s for s in steps(data) if dates.in_window(s["date"], since, None)]
    return [item(f"{s['track']}: {STEP_LABELS.get(s['status'], s['status'])} — {s['when']}.", s,
                 citations(s, data.sources)) for s in upcoming]


def brief(data: ViewData, since: date) -> dict[str, Any]:
    """The brief's sections as data: {since, sections: {name: [items]}}."""
    builders = {"rounds": round_items, "status_changes": status_items,
                "statements": statement_items, "next_steps": step_items}
    return {"since": since.isoformat(), "sections": {name: builders[name](data, since) for name in SECTIONS}}
