"""HTML pages: main text and metadata through trafilatura, the date through htmldate."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura
from htmldate import find_date

from parleywatch.errors import InputError
from parleywatch.records import RawDocument

logger = logging.getLogger(__name__)

# trafilatura keeps only the day; these meta tags carry the time too.
PUBLISHED_META = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)=["'](?:article:published_time|datePublished|pubdate|date)["']"""
    r"""[^>]*content=["']([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(?:Z|[+-][0-9:]+)?)["']""",
    re.IGNORECASE,
)


def read(path: Path, text: str) -> Iterator[RawDocument | InputError]:
    meta = _extract(text)
    body = (meta or {}).get("text") or ""
    if not body.strip():
        yield InputError(str(path), "no article text found in the HTML page")
        return
    assert meta is not None
    yield RawDocument(
        source_path=str(path),
        text=body,
        format="html",
        title=meta.get("title"),
        url=meta.get("url"),
        published=_meta_published(text) or meta.get("date") or _htmldate(text),
        site_name=meta.get("sitename"),
        language=meta.get("language"),
    )


def _extract(text: str) -> dict[str, Any] | None:
    document = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if document is None:
        return None
    return document.as_dict() if hasattr(document, "as_dict") else dict(document)


def _htmldate(text: str) -> str | None:
    try:
        found = find_date(text, extensive_search=True, original_date=True)
    except ValueError:
        logger.debug("htmldate found no date")
        return None
    return str(found) if found else None


def _meta_published(text: str) -> str | None:
    match = PUBLISHED_META.search(text[:200_000])
    return match.group(1) if match else None
