"""Article filters shared by search and the article listing, as SQLAlchemy Core conditions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from parleywatch.store.tables import ARTICLES


@dataclass(slots=True, frozen=True)
class ArticleFilters:
    """What a reader may narrow articles by; every field optional."""

    outlet: str | None = None
    language: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    story_id: str | None = None

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from must not be after date_to")

    def conditions(self) -> list[Any]:
        """WHERE clauses with bound parameters; ``published`` is ISO text, so prefixes compare."""
        found: list[Any] = []
        if self.outlet:
            found.append(ARTICLES.c.outlet == self.outlet)
        if self.language:
            found.append(ARTICLES.c.language == self.language)
        if self.date_from:
            found.append(ARTICLES.c.published >= self.date_from.isoformat())
        if self.date_to:
            found.append(ARTICLES.c.published < (self.date_to + timedelta(days=1)).isoformat())
        if self.story_id:
            found.append(ARTICLES.c.story_id == self.story_id)
        return found
