"""Which reader a file needs, from its name first and its first characters second."""

from __future__ import annotations

import re
from pathlib import Path

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body)", re.IGNORECASE)
FEED_START = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.IGNORECASE | re.DOTALL)
JSON_START = re.compile(r"^\s*\{")
BSNLP_LANGUAGE = re.compile(r"^[a-z]{2}$")
BSNLP_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}.*)?$")
BSNLP_URL = re.compile(r"^(https?://\S*)?$")


def detect_format(path: Path, text: str) -> str:
    """One of ``html``, ``feed``, ``jsonl``, ``bsnlp``, ``text``."""
    suffix = path.suffix.lower()
    head = text[:2048]
    if suffix in JSONL_SUFFIXES or (suffix == ".json" and JSON_START.match(head)):
        return "jsonl"
    if FEED_START.match(head) or (suffix in FEED_SUFFIXES and "<item" in text[:20000]):
        return "feed"
    if suffix in HTML_SUFFIXES or HTML_START.match(head):
        return "html"
    if is_bsnlp_raw(text):
        return "bsnlp"
    return "text"


def is_bsnlp_raw(text: str) -> bool:
    """BSNLP raw files: id, a two-letter language, a date (may be empty), a URL, then the title.

    >>> is_bsnlp_raw("ru-10\\nru\\n2018-09-20\\nhttps://rg.ru/a.html\\nЗаголовок\\nТекст")
    True
    >>> is_bsnlp_raw(" date 2025-12-23 закрыть\\nТекст")
    False
    """
    lines = text.split("\n", 5)
    if len(lines) < 5:
        return False
    ident, language, date, url = (line.strip() for line in lines[:4])
    return (
        bool(ident) and " " not in ident and bool(BSNLP_LANGUAGE.match(language))
        and bool(BSNLP_DATE.match(date)) and bool(BSNLP_URL.match(url)) and bool(url or date)
    )
