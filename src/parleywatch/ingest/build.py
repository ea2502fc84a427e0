"""From a raw document to a clean :class:`Article` with its outlet, language and stable id."""

from __future__ import annotations

import hashlib
import re

from parleywatch.errors import InputError
from parleywatch.ingest.clean import clean
from parleywatch.ingest.language import detect_language
from parleywatch.ingest.outlets import OutletRegistry
from parleywatch.ingest.timestamps import to_iso
from parleywatch.records import Article, RawDocument
from parleywatch.settings import Settings

COPYRIGHT = re.compile(r"©|\(c\)|copyright|все права|усі права|all rights|^ооо |^ао ", re.IGNORECASE)


def article_id(outlet: str | None, url: str | None, title: str, text: str) -> str:
    """Same content from the same place gives the same id, so ingest is idempotent.

    >>> article_id("tass", None, "Title", "Body.")
    'a393c2c8d3420e5190d4'
    """
    digest = hashlib.sha256("\x1f".join((outlet or "", url or "", title, text)).encode("utf-8")).hexdigest()
    return "a" + digest[:19]


def build_article(raw: RawDocument, outlets: OutletRegistry, settings: Settings) -> Article:
    """Clean the raw document and fill every article field, or raise an :class:`InputError`."""
    cleaned = clean(raw)
    where = f"{raw.source_path}#{raw.position}" if raw.position else raw.source_path
    if len(cleaned.text) < settings.min_body_chars:
        raise InputError(where, f"no article text left after cleaning ({len(cleaned.text)} characters)")
    footer = [line for line in cleaned.removed if COPYRIGHT.search(line)]
    outlet = outlets.by_name(raw.outlet) or outlets.detect(raw.url, raw.site_name, footer)
    outlet_id = outlet.id if outlet else (raw.outlet or raw.site_name)
    return Article(
        id=article_id(outlet_id, raw.url, cleaned.title, cleaned.text),
        source_path=raw.source_path,
        url=raw.url,
        outlet=outlet_id,
        title=cleaned.title,
        published=to_iso(cleaned.published),
        language=detect_language(cleaned.title + "\n" + cleaned.text, raw.language),
        text=cleaned.text,
        format=raw.format,
        removed_lines=len(cleaned.removed),
    )

