"""merge_events: one real-world event from several reports."""

from __future__ import annotations

from typing import Any

import pytest

from parleywatch.extract.events import merge_events


def event(
    article: str, start: str | None = None, place: str | None = "loc:istanbul", status: str = "occurred",
    kind: str = "CONSULT", who: tuple[str, ...] = ("cty:ru", "cty:us"), ordinal: int | None = None,
) -> dict[str, Any]:
    return {
        "kind": "event", "id": f"ev:{article}", "type": kind, "mode": None, "status": status,
        "date": {"start": start, "end": start, "precision": "day" if start else "unknown", "text": ""},
        "location": {"actor_id": place, "name": place} if place else None, "participants": list(who),
        "issues": [], "summary": "", "ordinal": ordinal, "article_ids": [article], "outlets": [],
        "evidence": [{"article_id": article, "start": 0, "end": 1, "text": "x"}],
    }


def at(report: dict[str, Any], start: int) -> dict[str, Any]:
    """The same report placed further down its article."""
    report["evidence"] = [{**report["evidence"][0], "start": start, "end": start + 1}]
    return report


CASES = [
    ("same place and day", [event("a", "2025-04-10"), event("b", "2025-04-10")], 1),
    ("different days", [event("a", "2025-04-10"), event("b", "2025-02-27")], 2),
    ("different places", [event("a", place="loc:istanbul"), event("b", place="loc:riyadh")], 2),
    ("different types", [event("a"), event("b", kind="AGREE")], 2),
    ("no shared side", [event("a"), event("b", who=("cty:ua",))], 2),
    ("occurred vs cancelled", [event("a"), event("b", status="cancelled")], 2),
    ("rounds differ", [event("a", ordinal=1), event("b", ordinal=2)], 2),
    ("sides only, other articles", [event("a", place=None), event("b", place=None)], 2),
    ("same round, place unknown", [event("a", place=None, ordinal=3), event("b", place=None, ordinal=3)], 1),
    ("one article, sides only, far apart", [event("a", place=None), at(event("a", place=None), 2000)], 2),
    ("one article, sides only, next sentence", [event("a", place=None), at(event("a", place=None), 150)], 1),
    ("two meetings counted vs one of them", [event("a", place=None), {**at(event("a", place=None), 150), "count": 2}],
     2),
    ("counted alike", [{**event("a"), "count": 2}, {**event("b"), "count": 2}], 1),
    ("one article, another meeting told between",
     [event("a", place=None), at(event("a", place=None, status="cancelled"), 100), at(event("a", place=None), 300)], 3),
    ("the talks as a whole vs one meeting", [event("a"), {**event("b"), "generic": True}], 2),
    ("one article, same envoy, far apart",
     [event("a", place=None, who=("per:steve-witkoff",)), at(event("a", place=None, who=("per:steve-witkoff",)), 2000)],
     1),
]


@pytest.mark.parametrize(("name", "events", "count"), CASES, ids=[c[0] for c in CASES])
def test_merge_cases(name: str, events: list[dict[str, Any]], count: int) -> None:
    assert len(merge_events(events)) == count


def test_merged_event_keeps_all_evidence() -> None:
    merged = merge_events([event("a", "2025-04-10"), event("b", None)])
    assert len(merged) == 1
    assert merged[0]["article_ids"] == ["a", "b"] and len(merged[0]["evidence"]) == 2
    assert merged[0]["date"]["start"] == "2025-04-10"
