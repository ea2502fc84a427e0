"""Date ranges as the extractor gives them (``{start, end, precision, text}``), compared and shown."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

FIXED = frozenset({"day"})


def day(value: Any) -> date | None:
    """The calendar day of an ISO date or date-time, None when absent or malformed.

    >>> day("2025-12-23T15:09")
    datetime.date(2025, 12, 23)
    """
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


OPEN_START = date(1900, 1, 1)  # "более полугода назад": no known first day, only a last one


def bounds(when: Mapping[str, Any] | None) -> tuple[date, date] | None:
    """The first and last day a date object covers, None when unknown; a range open at the start
    ("more than half a year ago") starts at ``OPEN_START``.

    >>> bounds({"start": None, "end": "2025-05-11", "precision": "month"})
    (datetime.date(1900, 1, 1), datetime.date(2025, 5, 11))
    """
    start = day((when or {}).get("start"))
    end = day((when or {}).get("end")) or start
    if end is None:
        return None
    start = start or OPEN_START
    return (start, end) if start <= end else (end, start)


def is_open(when: Mapping[str, Any] | None) -> bool:
    """Only the last day is known: "before May" rather than "in May"."""
    return day((when or {}).get("start")) is None and day((when or {}).get("end")) is not None


def first_day(when: Mapping[str, Any] | None) -> date | None:
    """The day that stands for a range: its start, or its end when the start is open."""
    span = bounds(when)
    return None if span is None else span[1] if is_open(when) else span[0]


def is_fixed(when: Mapping[str, Any] | None) -> bool:
    return bool(when) and (when or {}).get("precision") in FIXED and bounds(when) is not None


def overlap(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None, slack: int = 0) -> bool | None:
    """Whether two date ranges meet within ``slack`` days; None when either is unknown."""
    ra, rb = bounds(a), bounds(b)
    if ra is None or rb is None:
        return None
    gap = timedelta(days=slack)
    return ra[0] - gap <= rb[1] and rb[0] - gap <= ra[1]


def sort_key(when: Mapping[str, Any] | None, fallback: str | None = None) -> str:
    """A string that orders records by their date, then by the fallback (e.g. publication date)."""
    first = first_day(when)
    return first.isoformat() if first else (fallback or "9999")[:10]


def describe(when: Mapping[str, Any] | None) -> str:
    """A readable range: the dates, the source wording, and whether the date is fixed.

    >>> describe({"start": "2026-03-01", "end": "2026-04-15", "precision": "season", "text": "в начале весны"})
    '2026-03-01 – 2026-04-15 («в начале весны»), no fixed date'
    >>> describe({"start": None, "end": "2025-05-11", "precision": "month", "text": "более полугода назад"})
    'before 2025-05-11 («более полугода назад»), no fixed date'
    """
    span = bounds(when)
    text = str((when or {}).get("text") or "").strip()
    if span is None:
        shown = "date unknown"
    elif is_open(when):
        shown = f"before {span[1].isoformat()}"
    else:
        shown = span[0].isoformat() if span[0] == span[1] else f"{span[0].isoformat()} – {span[1].isoformat()}"
    if text:
        shown += f" («{text}»)"
    return shown if is_fixed(when) else f"{shown}, no fixed date"


def describe_or_reported(when: Mapping[str, Any] | None, reported: str | None) -> str:
    """``describe`` when the source dates the record, else its publication day.

    >>> describe_or_reported(None, "2025-11-11T15:00")
    'reported 2025-11-11'
    """
    if bounds(when) is None and reported:
        return f"reported {reported[:10]}"
    return describe(when)


def in_window(when: Mapping[str, Any] | None, since: date | None, until: date | None) -> bool:
    """True when the range touches [since, until]; unknown dates are kept (they may be relevant)."""
    span = bounds(when)
    if span is None:
        return True
    return (since is None or span[1] >= since) and (until is None or span[0] <= until)
