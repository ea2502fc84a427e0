"""Readers turn one decoded file into raw documents (or per-item errors), one module a format."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from parleywatch.errors import InputError
from parleywatch.ingest.readers import bsnlp, feed, html, jsonl, plain
from parleywatch.records import RawDocument

Reader = Callable[[Path, str], Iterator[RawDocument | InputError]]

READERS: dict[str, Reader] = {
    "bsnlp": bsnlp.read,
    "feed": feed.read,
    "html": html.read,
    "jsonl": jsonl.read,
    "text": plain.read,
}

__all__ = ["READERS", "Reader"]
