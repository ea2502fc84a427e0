"""Query parameters shared by the routes, validated by FastAPI before any handler runs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query, Request

from parleywatch.api.filters import RecordFilters
from parleywatch.api.service import Services
from parleywatch.search.filters import ArticleFilters

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000
Text = Annotated[str | None, Query(max_length=200, description="exact value")]
Day = Annotated[date | None, Query(description="ISO date, inclusive")]


@dataclass(slots=True, frozen=True)
class Paging:
    limit: int
    offset: int


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")] = 0,
) -> Paging:
    return Paging(limit, offset)


def record_filters(
    process: Text = None,
    track: Text = None,
    actor: Text = None,
    issue: Text = None,
    date_from: Day = None,
    date_to: Day = None,
) -> RecordFilters:
    try:
        return RecordFilters(process, track, actor, issue, date_from, date_to)
    except ValueError as error:
        raise HTTPException(422, str(error)) from None


def article_filters(
    outlet: Text = None,
    language: Text = None,
    date_from: Day = None,
    date_to: Day = None,
    story: Text = None,
) -> ArticleFilters:
    try:
        return ArticleFilters(outlet, language, date_from, date_to, story)
    except ValueError as error:
        raise HTTPException(422, str(error)) from None
