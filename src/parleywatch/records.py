"""Plain records that flow through the pipeline.

Every stage takes and returns these dataclasses; no third-party type crosses a stage boundary.
Offsets are character offsets into ``Article.text`` (the clean body), half-open ``[start, end)``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True, frozen=True)
class Span:
    """A piece of an article's clean text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class RawDocument:
    """One article as a reader found it, before cleaning.

    ``lines`` hints are what the reader already knows for sure (a JSONL ``title`` field, an HTML
    ``<title>``); the cleaner fills in what is missing from the text itself.
    """

    source_path: str
    text: str
    format: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    site_name: str | None = None
    position: int = 0  # item index inside a multi-article file (feed item, JSONL line)


@dataclass(slots=True)
class Article:
    """A clean article, the unit every later stage enriches."""

    id: str
    source_path: str
    url: str | None
    outlet: str | None
    title: str
    published: str | None
    language: str
    text: str
    format: str = "text"
    story_id: str | None = None
    duplicate_of: str | None = None
    removed_lines: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def as_record(self) -> dict[str, Any]:
        """The export record of kind ``article`` (see docs/SCHEMA.md)."""
        record = {"kind": "article", **asdict(self)}
        record.pop("extra")
        record.pop("removed_lines")
        record.pop("format")
        return record
