"""One real-world event reported in several sentences or articles becomes one event.

Two events are the same when their type matches, their participants overlap, places and dates
are compatible and neither says "it happened" while the other says it did not (yet).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Event = dict[str, Any]
STATUS_RANK = ("cancelled", "postponed", "suspended", "occurred", "planned", "hypothetical", "denied")
PRECISION_RANK = ("day", "week", "month", "season", "year", "unknown")


def same_type(a: Event, b: Event) -> bool:
    return bool(a["type"] == b["type"])


def shared_participants(a: Event, b: Event) -> bool:
    return bool(set(a["participants"]) & set(b["participants"]))


def compatible_place(a: Event, b: Event) -> bool:
    if not a.get("location") or not b.get("location"):
        return True
    return bool(a["location"]["actor_id"] == b["location"]["actor_id"])


def compatible_date(a: Event, b: Event) -> bool:
    """Ranges overlap, or either is unknown."""
    da, db = a["date"], b["date"]
    if not (da["start"] and db["start"]):
        return True
    return bool(da["start"] <= (db["end"] or db["start"]) and db["start"] <= (da["end"] or da["start"]))


def compatible_status(a: Event, b: Event) -> bool:
    """Happened vs. not-happened never merge: "прошла в Стамбуле" vs "отменили"."""
    return bool((a["status"] == "occurred") == (b["status"] == "occurred"))


def same_count(a: Event, b: Event) -> bool:
    """"Провели две встречи" is not one of the two: a counted report merges only with its like."""
    return bool(a.get("count") == b.get("count"))


def compatible_ordinal(a: Event, b: Event) -> bool:
    return not (a.get("ordinal") and b.get("ordinal")) or bool(a["ordinal"] == b["ordinal"])


def same_generality(a: Event, b: Event) -> bool:
    """"Стороны обсуждают план" (the talks as a whole) is not a report of one meeting."""
    return bool(a.get("generic")) == bool(b.get("generic"))


NEARBY = 400  # characters: reports of one article this close describe the same happening
STATES = ("cty:", "gov:")  # sides, not people: Russia and the US meet about many things


Reports = dict[tuple[str, str], list[int]]  # (article, type) -> where each report of that type starts


def anchored(a: Event, b: Event, reports: Reports | None = None) -> bool:
    """Something beyond the sides ties them: a shared known date, round or place, or, in one
    article, a shared person or organization or sentences close together with no other report of
    the kind between them.

    "Russia and the US" meet every month; sides alone are not enough, even in one article
    ("провели раунд по раздражителям" ... "обсуждают мирный план").
    """
    if same_article_and_close(a, b, reports or {}):
        return True
    if a["date"]["start"] and b["date"]["start"]:
        return True  # compatible_date already checked the overlap
    if a.get("ordinal") and a.get("ordinal") == b.get("ordinal"):
        return True
    return bool(a.get("location") and b.get("location"))


def same_article_and_close(a: Event, b: Event, reports: Reports) -> bool:
    shared = set(a.get("article_ids") or []) & set(b.get("article_ids") or [])
    if not shared:
        return False
    people = {p for p in set(a["participants"]) & set(b["participants"]) if not p.startswith(STATES)}
    close = any(abs(i - j) <= NEARBY and not between(reports.get((art, a["type"]), []), i, j)
                for art in shared for i in _starts(a, art) for j in _starts(b, art))
    return bool(people) or close


def between(starts: list[int], i: int, j: int) -> bool:
    """Another report starts between the two: "Последняя из них прошла в Стамбуле. Третья встреча
    не анонсировалась ... Москва начала консультации": the thread of the first is broken."""
    low, high = sorted((i, j))
    return any(low < s < high for s in starts)


def _starts(event: Event, article: str) -> list[int]:
    return [int(e["start"]) for e in event["evidence"] if e["article_id"] == article]


def report_starts(events: list[Event]) -> Reports:
    """Where the reports of each type start in each article (their first evidence sentence)."""
    found: Reports = {}
    for event in events:
        first = (event.get("evidence") or [{}])[0]
        if first.get("article_id") is not None:
            found.setdefault((str(first["article_id"]), str(event["type"])), []).append(int(first["start"]))
    return found


RULES: list[Callable[[Event, Event], bool]] = [
    same_type, shared_participants, compatible_place, compatible_date, compatible_status, compatible_ordinal,
    same_count, same_generality,
]


def same_event(a: Event, b: Event, reports: Reports | None = None) -> bool:
    return all(rule(a, b) for rule in RULES) and anchored(a, b, reports)


def merge_events(events: list[Event]) -> list[Event]:
    """Greedy single pass: each event joins the first merged event it matches, in input order."""
    merged: list[Event] = []
    by_type: dict[str, list[Event]] = {}
    reports = report_starts(events)
    for event in events:
        target = next((m for m in by_type.get(event["type"], []) if same_event(m, event, reports)), None)
        if target is None:
            copy = _copy(event)
            merged.append(copy)
            by_type.setdefault(event["type"], []).append(copy)
        else:
            absorb(target, event)
    return merged


def _copy(event: Event) -> Event:
    copy = dict(event)
    for key in ("participants", "issues", "evidence", "article_ids", "outlets"):
        copy[key] = list(event.get(key) or [])
    return copy


def absorb(target: Event, other: Event) -> None:
    """Union of lists; the more precise date, a known place and the more telling status win."""
    for key in ("participants", "issues", "evidence", "article_ids", "outlets"):
        target[key] = _union(target.get(key) or [], other.get(key) or [])
    if PRECISION_RANK.index(other["date"]["precision"]) < PRECISION_RANK.index(target["date"]["precision"]):
        target["date"] = other["date"]
    target["location"] = target.get("location") or other.get("location")
    target["ordinal"] = target.get("ordinal") or other.get("ordinal")
    if STATUS_RANK.index(other["status"]) < STATUS_RANK.index(target["status"]):
        target["status"] = other["status"]


def _union(first: list[Any], second: list[Any]) -> list[Any]:
    out = list(first)
    out += [x for x in second if x not in out]
    return out
