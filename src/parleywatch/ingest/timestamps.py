"""Normalising the publication dates readers find into ISO 8601."""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime


def to_iso(value: str | None) -> str | None:
    """ISO 8601 for the date formats feeds, JSONL and pages use; None when unparseable.

    >>> to_iso("Thu, 10 Apr 2025 12:30:00 +0300")
    '2025-04-10T12:30:00+03:00'
    >>> to_iso("2025-12-23T15:09")
    '2025-12-23T15:09'
    >>> to_iso("2018-07-09")
    '2018-07-09'
    >>> to_iso("yesterday") is None
    True
    """
    if not value or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return _rfc2822(value)
    if len(text) == 10:
        return parsed.date().isoformat()
    return text if "T" in text and len(text) == 16 else parsed.isoformat()


def _rfc2822(value: str) -> str | None:
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None
