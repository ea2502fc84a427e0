"""The brief: what changed since a date, every line cited, nothing that no source supports.

Extractive by construction: a line is built only from structured fields of stored records (status,
date, place, speaker) and the evidence sentences cut from the articles, followed by citations
(outlet, date, URL or article id) of the articles it rests on.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from parleywatch.tracker import dates
from parleywatch.tracker.disagreements import disagreements
from parleywatch.tracker.sources import Record, citations, reported
from parleywatch.tracker.tracks import find_track
from parleywatch.tracker.views import ViewData, reported_since, steps, timeline

STEP_LABELS = {"hypothetical": "possible (\"may take place\")"}
SECTIONS = ("rounds", "status_changes", "disagreements", "statements", "next_steps")
TITLES = {
    "rounds": "New rounds", "status_changes": "Issue status changes",
    "disagreements": "Where the sides disagree", "statements": "Statements by principals",
    "next_steps": "Upcoming steps",
}
STANCE_LABELS = {"positive": "positive", "negative": "negative"}


def item(sentence: str, record: Record, cited: list[Record]) -> Record:
    """One brief line: our composed sentence, the first evidence sentence on one line, the citations."""
    evidence = record.get("evidence") or []
    quote = " ".join(str(evidence[0].get("text") or "").split()) if evidence else None
    return {"sentence": sentence, "quote": quote or None, "citations": cited}


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


def disagreement_items(data: ViewData, since: date) -> list[Record]:
    """One line per side's speaker of each disagreement with a quote reported since ``since``,
    the positive side first: "<track>, the talks as a whole: Sergey Lavrov (Russia), positive:"."""
    found = []
    for split in disagreements(data.statements, data.dossiers, data.sources, data.events):
        quotes = split["positive"] + split["negative"]
        if not any(reported_since(q, data.sources, since) for q in quotes):
            continue
        topic = f"{_track_name(data, split)}, {split['issue'] or 'the talks as a whole'}"
        for side in ("positive", "negative"):
            for q in split[side]:
                party = _party_name(data, split["process"], q["party"])
                sentence = f"{topic}: {q['speaker']} ({party}), {STANCE_LABELS[side]}:"
                found.append(item(sentence, q, citations(q, data.sources)))
    return found


def _track_name(data: ViewData, split: Record) -> str:
    track = find_track(data.dossiers, split["process"], split["track"])
    return track.name if track else str(split["track"])


def _party_name(data: ViewData, process: str, party: str | None) -> str:
    dossier = next((d for d in data.dossiers if d.id == process), None)
    found = dossier.parties.get(party) if dossier and party else None
    return found.name if found else "side unknown"


def statement_items(data: ViewData, since: date) -> list[Record]:
    """Principals' statements since ``since``, oldest first."""
    principals = {a for d in data.dossiers for a in d.principals()}
    found = []
    for statement in sorted(data.statements, key=lambda s: (reported(s, data.sources) or "", str(s.get("id")))):
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
    builders = {"rounds": round_items, "status_changes": status_items, "disagreements": disagreement_items,
                "statements": statement_items, "next_steps": step_items}
    return {"since": since.isoformat(), "sections": {name: builders[name](data, since) for name in SECTIONS}}
