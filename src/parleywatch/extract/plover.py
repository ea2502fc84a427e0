"""Our events in the PLOVER gold-standard JSON shape (openeventdata/PLOVER records)."""

from __future__ import annotations

from typing import Any

from parleywatch.actors import Actor

CODER = "parleywatch"
VERSION = "PLOVER-2"
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
CONFLICTUAL = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
INTENDED = frozenset({"planned", "hypothetical"})
CALLED_OFF = frozenset({"cancelled", "suspended"})


def plover_type(event_type: str, status: str | None) -> str:
    """The PLOVER category of one of our events: PLOVER codes intentions and refusals as verbal
    events, while we keep the act and put the modality in ``status``.

    "will visit" is an AGREE (the manual: cooperative actions in the future tense are intentions),
    "would impose a blockade" a THREATEN, "will not meet" a REJECT, and calling off a visit
    reduces relations. A refusal or an accusation is verbal already and keeps its type.

    >>> plover_type("CONSULT", "planned"), plover_type("COERCE", "hypothetical")
    ('AGREE', 'THREATEN')
    >>> plover_type("CONSULT", "denied"), plover_type("CONSULT", "cancelled"), plover_type("ACCUSE", "planned")
    ('REJECT', 'SANCTION', 'ACCUSE')
    """
    if event_type in COOPERATIVE:
        if status in INTENDED:
            return "AGREE"
        if status == "denied":
            return "REJECT"
        if status in CALLED_OFF:
            return "SANCTION"
    if event_type in CONFLICTUAL and status in INTENDED:
        return "THREATEN"
    if event_type in CONFLICTUAL and status == "cancelled":
        return "CONCEDE"  # "called off the strike": the manual lists suspended protests here
    return event_type


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
        "event": plover_type(event["type"], event.get("status")),
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
