"""What the ``parley timeline | issues | brief | actor`` commands show, as plain data.

The views read the stored ``round`` and ``issue_status`` records and recompute the cheap,
query-dependent parts (next steps, disagreements) from events and statements. Renderers live in
``render.py``; these functions never print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from parleywatch.store import Store
from parleywatch.tracker import dates
from parleywatch.tracker.disagreements import disagreements, quote
from parleywatch.tracker.dossier import Dossier, load_dossiers
from parleywatch.tracker.run import ISSUE_STATUS, ROUND, read_inputs
from parleywatch.tracker.sources import Record, Sources, citations, reported
from parleywatch.tracker.steps import next_steps
from parleywatch.tracker.tracks import place_record


@dataclass(slots=True)
class ViewData:
    """The store's tracker-relevant content, read once per command."""

    rounds: list[Record]
    issues: list[Record]
    events: list[Record]
    statements: list[Record]
    sources: Sources
    dossiers: Sequence[Dossier]


def load_view_data(store: Store, dossiers: Sequence[Dossier] | None = None) -> ViewData:
    inputs = read_inputs(store)
    return ViewData(
        rounds=list(store.iter_records(ROUND)), issues=list(store.iter_records(ISSUE_STATUS)),
        events=inputs.events, statements=inputs.statements, sources=inputs.sources,
        dossiers=load_dossiers() if dossiers is None else dossiers,
    )


def _wanted(record: Record, process: str | None, track: str | None = None) -> bool:
    return (process is None or record.get("process") == process) and (track is None or record.get("track") == track)


# --- timeline ------------------------------------------------------------------------------------


def timeline(
    data: ViewData, process: str | None = None, track: str | None = None,
    since: date | None = None, until: date | None = None,
) -> list[Record]:
    """Rounds of the chosen tracks in date order, each with its citations."""
    rows = [
        round_row(r, data.sources) for r in data.rounds
        if _wanted(r, process, track) and dates.in_window(r.get("date"), since, until)
    ]
    return sorted(rows, key=lambda r: (dates.sort_key(r["date"], r["first_reported"]), r["id"]))


def round_row(rnd: Record, sources: Sources) -> Record:
    """A round as shown: readable date and place, the alternatives when reports conflict."""
    return {
        **{k: rnd.get(k) for k in ("id", "process", "track", "track_name", "ordinal", "status", "date",
                                   "first_reported", "summary", "participants", "issues", "conflicts", "flagged")},
        "when": dates.describe(rnd.get("date")),
        "place": (rnd.get("location") or {}).get("name"),
        "alternatives": _alternatives(rnd),
        "outcome": [o.get("summary") for o in rnd.get("outcome") or []],
        "citations": citations(rnd, sources),
    }


def _alternatives(rnd: Record) -> list[str]:
    """Every reported date, place and status of a flagged round, with the articles that say so."""
    shown: list[str] = []
    if "date" in rnd.get("conflicts", []):
        shown += [f"{dates.describe(v['value'])} per {', '.join(v['article_ids'])}" for v in rnd["dates"]]
    if "location" in rnd.get("conflicts", []):
        shown += [f"{v['value'].get('name')} per {', '.join(v['article_ids'])}" for v in rnd["locations"]]
    if "status" in rnd.get("conflicts", []):
        told: dict[str, list[str]] = {}
        for entry in rnd.get("status_history") or []:
            told.setdefault(str(entry["status"]), []).extend(entry.get("article_ids") or [])
        shown += [f"{status} per {', '.join(dict.fromkeys(ids))}" for status, ids in told.items()]
    return shown


# --- issues --------------------------------------------------------------------------------------


def issues(data: ViewData, process: str | None = None) -> list[Record]:
    """Each issue's current status with its latest evidence, and where parties disagree on it."""
    found = disagreements(data.statements, data.dossiers, data.sources, data.events)
    split = [d for d in found if _wanted(d, process)]
    rows = [issue_row(r, split, data.sources) for r in data.issues if _wanted(r, process)]
    return rows + [_track_disagreement(d) for d in split if d["issue"] is None]


def issue_row(record: Record, split: Sequence[Record], sources: Sources) -> Record:
    latest = record["latest"]
    return {
        **{k: record.get(k) for k in ("id", "process", "issue", "tracks", "status", "status_label", "since")},
        "when": dates.describe_or_reported(record.get("since"), latest.get("reported")),
        "latest_text": latest.get("text"), "latest_evidence": latest.get("evidence"),
        "citations": citations(latest, sources),
        "changes": [c for c in record["timeline"] if c.get("change")],
        "disagreements": [d for d in split if (d["process"], d["issue"]) == (record["process"], record["issue"])],
    }


def _track_disagreement(found: Record) -> Record:
    return {"id": f"talks:{found['process']}:{found['track']}", "process": found["process"], "issue": None,
            "tracks": [found["track"]], "status": None, "disagreements": [found], "changes": [], "citations": []}


# --- actor ---------------------------------------------------------------------------------------


def find_actor(data: ViewData, name: str) -> Record | None:
    """An actor by id, canonical name or alias, case-insensitive; exact before partial."""
    wanted = name.strip().lower()
    actors = list(data.sources.actors.values())
    exact = [a for a in actors if wanted in {str(n).lower() for n in [a["id"], a.get("name"), *a.get("names", [])]}]
    partial = [a for a in actors if wanted in " ".join(str(n) for n in [a.get("name"), *a.get("names", [])]).lower()]
    found = exact or partial
    return dict(found[0]) if found else None


def actor(data: ViewData, name: str) -> Record | None:
    """An actor's rounds and statements, oldest first, cited."""
    found = find_actor(data, name)
    if found is None:
        return None
    aid = found["id"]
    said = [s for s in data.statements if (s.get("speaker") or {}).get("actor_id") == aid]
    return {
        "actor": found,
        "rounds": [round_row(r, data.sources) for r in data.rounds if aid in r.get("participants", [])],
        "statements": sorted((quote(s, data.sources) for s in said), key=lambda q: q["reported"] or ""),
        "events": [_event_row(e, data) for e in data.events if aid in (e.get("participants") or [])],
    }


def _event_row(event: Record, data: ViewData) -> Record:
    placement = place_record(event, data.dossiers, data.sources)
    return {
        "id": event.get("id"), "type": event.get("type"), "status": event.get("status"),
        "when": dates.describe(event.get("date")), "summary": event.get("summary"),
        "track": placement.track if placement else None, "citations": citations(event, data.sources),
    }


# --- helpers shared with the brief ---------------------------------------------------------------


def steps(data: ViewData, process: str | None = None) -> list[Record]:
    found = next_steps(data.rounds, data.events, data.dossiers, data.sources)
    return [s for s in found if _wanted(s, process)]


def reported_since(record: Record, sources: Sources, since: date) -> bool:
    first = dates.day(reported(record, sources))
    return first is not None and first >= since
