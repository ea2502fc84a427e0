"""Next steps: what is planned or postponed, with the date range the sources give.

A planned round is already a round (status ``planned``/``postponed``); other planned events (a
visit, a summit, a signing) are added when they fit a track. Coarse dates stay coarse: "early
spring 2026" is shown as its range and marked as having no fixed date.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from parleywatch.tracker import dates
from parleywatch.tracker.dossier import Dossier
from parleywatch.tracker.rounds import MEETING
from parleywatch.tracker.sources import Record, Sources, article_ids, outlets
from parleywatch.tracker.tracks import place_record

AHEAD = frozenset({"planned", "postponed", "hypothetical"})  # hypothetical: "may take place", shown as such


def step_from_round(rnd: Mapping[str, Any]) -> Record:
    return _step(rnd, rnd["process"], rnd["track"], "round", rnd["outlets"], rnd["article_ids"])


def step_from_event(event: Mapping[str, Any], process: str, track: str, sources: Sources) -> Record:
    return _step(event, process, track, "event", outlets(event, sources), article_ids(event))


def _step(rec: Mapping[str, Any], process: str, track: str, source: str, via: list[str], ids: list[str]) -> Record:
    when = rec.get("date")
    return {
        "process": process, "track": track, "source_kind": source, "record_id": rec.get("id"),
        "status": rec.get("status"), "date": when, "when": dates.describe(when), "fixed": dates.is_fixed(when),
        "summary": str(rec.get("summary") or ""), "participants": list(rec.get("participants") or []),
        "ordinal": rec.get("ordinal"), "outlets": via, "article_ids": ids, "evidence": list(rec.get("evidence") or []),
    }


def next_steps(
    rounds: Sequence[Mapping[str, Any]], events: Sequence[Mapping[str, Any]],
    dossiers: Sequence[Dossier], sources: Sources,
) -> list[Record]:
    """Planned and postponed rounds and events, soonest first."""
    steps = [step_from_round(r) for r in rounds if r.get("status") in AHEAD]
    for event in events:
        if event.get("type") == MEETING or event.get("status") not in AHEAD - {"hypothetical"}:
            continue
        placement = place_record(event, dossiers, sources)
        if placement:
            steps.append(step_from_event(event, placement.process, placement.track, sources))
    unique = {_same_step(s): s for s in reversed(steps)}  # one sentence may yield several events
    return sorted(unique.values(), key=lambda s: (dates.sort_key(s["date"]), str(s["record_id"])))


def _same_step(step: Record) -> tuple[str, str, str, str]:
    first = step["evidence"][0] if step["evidence"] else {}
    return (step["track"], str(step["status"]), str(first.get("article_id")), str(first.get("start")))
