"""Issue status timelines: for each issue of a process, dated status changes with their evidence.

Events give a status by their type and event status (``status.yaml``: AGREE -> agreed, suspended
-> stalled); statements give one by cue words ("зашел в тупик" -> stalled). The current status is
the latest entry's, shown with that entry's evidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from parleywatch.tracker import dates
from parleywatch.tracker.dossier import Dossier
from parleywatch.tracker.lexicon import StatusRules, match_cues, stance_lexicon, status_rules, tokens
from parleywatch.tracker.sources import Record, Sources, article_ids, outlets, reported
from parleywatch.tracker.tracks import Context, article_tracks, find_track, place_in_context

STALLED = "stalled"


def cue_status(text: str, rules: StatusRules) -> str | None:
    """The first status (in ``status.yaml`` cue order) whose cue the text contains, not negated.

    >>> cue_status("Переговоры приостановлены", status_rules())
    'stalled'
    >>> cue_status("Стороны не договорились", status_rules()) is None
    True
    """
    hits = match_cues(tokens(text), rules.cues, stance_lexicon().negators)
    labels = {h.label for h in hits if not h.negated}
    return next((label for label in rules.cues if label in labels), None)


def event_status(event: Mapping[str, Any], rules: StatusRules) -> str | None:
    """An event's issue status: by event status first, then by type, sharpened by summary cues."""
    mapped = rules.event_statuses.get(str(event.get("status")))
    if mapped is None:
        return stalled_around(event, rules)
    if mapped != "by_type":
        return mapped
    base = rules.event_types.get(str(event.get("type")))
    cue = cue_status(str(event.get("summary") or ""), rules)
    if base in ("raised", "discussed") and cue in ("proposal_made", "stalled"):
        return cue
    return base


def stalled_around(event: Mapping[str, Any], rules: StatusRules) -> str | None:
    """An event that did not happen says nothing of its issue, unless its sentence says the issue
    is stuck: "прогресса нет и по вопросу возобновления выдачи виз" -> visas stalled.

    >>> stalled_around({"evidence": [{"text": "Прогресса нет по вопросу возобновления рейсов"}]}, status_rules())
    'stalled'
    """
    text = " ".join(str(e.get("text") or "") for e in event.get("evidence") or [])
    return STALLED if cue_status(text, rules) == STALLED else None


def statement_status(statement: Mapping[str, Any], rules: StatusRules) -> str | None:
    return cue_status(str(statement.get("text") or ""), rules)


def observed(when: Mapping[str, Any] | None, first_reported: str | None) -> str | None:
    """When a status was observed: the record's date, but never after the article reporting it.

    >>> observed({"start": "2026-02-05", "end": "2026-02-05", "precision": "day"}, "2025-11-11T17:48")
    '2025-11-11'
    """
    first = dates.first_day(when)
    known = [d for d in (first.isoformat() if first else None, (first_reported or "")[:10] or None) if d]
    return min(known) if known else None


def timeline_entry(record: Mapping[str, Any], status: str, sources: Sources) -> Record:
    """One dated status observation, citing where it comes from."""
    speaker = record.get("speaker") or {}
    when, first = record.get("date"), reported(record, sources)
    return {
        "status": status,
        "date": when,
        "observed": observed(when, first),
        "reported": first,
        "source_kind": str(record.get("kind") or ("statement" if speaker else "event")),
        "record_id": record.get("id"),
        "actors": [speaker["actor_id"]] if speaker.get("actor_id") else list(record.get("participants") or []),
        "speaker": speaker.get("name"),
        "text": str(record.get("text") or record.get("summary") or ""),
        "outlets": outlets(record, sources),
        "article_ids": article_ids(record),
        "evidence": list(record.get("evidence") or []),
    }


def observations(
    records: Iterable[Mapping[str, Any]], dossiers: Sequence[Dossier], sources: Sources, context: Context
) -> dict[tuple[str, str], list[Record]]:
    """Status observations keyed by (process, issue)."""
    rules = status_rules()
    found: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for record in records:
        is_statement = bool(record.get("speaker")) or record.get("kind") == "statement"
        status = statement_status(record, rules) if is_statement else event_status(record, rules)
        placement = place_in_context(record, dossiers, sources, context) if status and record.get("issues") else None
        track = find_track(dossiers, placement.process, placement.track) if placement else None
        if status is None or placement is None or track is None:
            continue
        entry = timeline_entry(record, status, sources) | {"track": placement.track}
        for issue in set(record.get("issues") or []) & track.issue_ids:  # the dossier says what a track covers
            found[(placement.process, str(issue))].append(entry)
    return found


def issue_record(process: str, issue: str, entries: Sequence[Record]) -> Record:
    """The ``issue_status`` record: the timeline, the changes and the current status."""
    # undated observations sort first: they never become the current status
    ordered = sorted(entries, key=lambda e: (e["observed"] or "0000", e["reported"] or "", str(e["record_id"])))
    previous: str | None = None
    for entry in ordered:
        entry["change"] = entry["status"] != previous
        previous = entry["status"]
    latest = ordered[-1]
    labels = status_rules().labels
    return {
        "kind": "issue_status",
        "id": f"issue:{process}:{issue}",
        "process": process,
        "issue": issue,
        "tracks": sorted({e["track"] for e in ordered}),
        "status": latest["status"],
        "status_label": labels.get(latest["status"], latest["status"]),
        "since": latest["date"],
        "latest": latest,
        "timeline": ordered,
    }


def derive_issue_statuses(
    events: Sequence[Mapping[str, Any]], statements: Iterable[Mapping[str, Any]],
    dossiers: Sequence[Dossier], sources: Sources,
) -> list[Record]:
    """One ``issue_status`` record per (process, issue) with at least one observation."""
    tagged = [{**e, "kind": "event"} for e in events] + [{**s, "kind": "statement"} for s in statements]
    found = observations(tagged, dossiers, sources, article_tracks(events, dossiers, sources))
    return [issue_record(p, i, found[(p, i)]) for p, i in sorted(found)]
