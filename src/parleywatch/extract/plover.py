"""Our events in the PLOVER gold-standard JSON shape (openeventdata/PLOVER records)."""

from __future__ import annotations

from typing import Any

from parleywatch.actors import Actor

CODER = "parleywatch"
VERSION = "PLOVER-2"


def _actor(actor_id: str | None, actors: dict[str, Actor]) -> list[dict[str, Any]]:
    if not actor_id:
        return []
    actor = actors.get(actor_id)
    return [{"actorText": actor.name if actor else actor_id, "code": actor_id,
             "sector": "GOV" if actor and actor.type == "government" else ""}]


def to_plover(event: dict[str, Any], actors: dict[str, Actor] | None = None) -> dict[str, Any]:
    """One event as a PLOVER record: id, date, source, target, event, mode, context, text.

    Undirected events (CONSULT, AGREE) list every participant as source, as PLOVER's
    compound "SRC/TAR" actors do.
    """
    known = actors or {}
    evidence = event["evidence"][0]
    source = _actor(event.get("source"), known) or [a for i in event["participants"] for a in _actor(i, known)]
    record: dict[str, Any] = {
        "id": event["id"],
        "date": event["date"]["start"] or "",
        "source": source,
        "target": _actor(event.get("target"), known) or "",
        "event": event["type"],
        "mode": event.get("mode") or "",
        "context": ",".join(event.get("issues") or []),
        "eventText": event.get("trigger") or "",
        "text": evidence["text"],
        "language": event.get("language", ""),
        "publication": evidence["article_id"],
        "coder": CODER,
        "version": VERSION,
        "status": event["status"],
    }
    if event.get("location"):
        record["eventLoc"] = event["location"]["name"]
    return record
