"""RSS and Atom files: each item is an article, with full content when present, else its summary."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from parleywatch.errors import InputError
from parleywatch.ingest.htmltext import fragment_to_text
from parleywatch.records import RawDocument


def read(path: Path, text: str) -> Iterator[RawDocument | InputError]:
    parsed = feedparser.parse(text)
    if not parsed.entries:
        problem = getattr(parsed, "bozo_exception", None)
        reason = f" ({str(problem).splitlines()[0]})" if problem else ""
        yield InputError(str(path), f"feed has no items{reason}")
        return
    site = parsed.feed.get("title")
    language = (parsed.feed.get("language") or "")[:2] or None
    for position, entry in enumerate(parsed.entries, start=1):
        yield _item(path, position, entry, site, language)


def _item(path: Path, position: int, entry: Any, site: str | None, language: str | None) -> RawDocument | InputError:
    body = fragment_to_text(_best_content(entry))
    if not body.strip():
        return InputError(str(path), f"feed item {position} has neither content nor summary", line=None)
    return RawDocument(
        source_path=str(path),
        text=body,
        format="feed",
        title=entry.get("title"),
        url=entry.get("link"),
        published=_published(entry),
        site_name=site,
        language=language,
        position=position,
    )


def _best_content(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    if contents:
        return str(max(contents, key=len))
    return str(entry.get("summary") or entry.get("description") or "")


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", value)
    raw = entry.get("published") or entry.get("updated")
    return str(raw) if raw else None
