"""Response models at the API edge: the OpenAPI document is generated from these.

Record kinds still growing (rounds, issue statuses) allow extra fields, so an added field never
breaks a response; the documented fields are those of docs/SCHEMA.md and the tracker's records.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Open(BaseModel):
    """A record that may carry fields added after this API was written."""

    model_config = ConfigDict(extra="allow")


class DateSpan(Open):
    start: str | None = None
    end: str | None = None
    precision: str | None = None
    text: str | None = None


class Evidence(Open):
    article_id: str
    start: int | None = None
    end: int | None = None
    text: str | None = None


class ArticleSummary(BaseModel):
    id: str
    url: str | None = None
    outlet: str | None = None
    title: str
    published: str | None = None
    language: str
    story_id: str | None = None
    duplicate_of: str | None = None


class ArticleDetail(ArticleSummary):
    source_path: str
    text: str


class Actor(Open):
    id: str
    name: str | None = None
    names: list[str] = Field(default_factory=list)
    type: str | None = None
    country: str | None = None


class Mention(Open):
    id: str
    article_id: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    actor_id: str | None = None
    type: str | None = None
    label: str | None = None


class Place(Open):
    actor_id: str | None = None
    name: str | None = None


class Event(Open):
    id: str
    type: str | None = None
    mode: str | None = None
    status: str | None = None
    date: DateSpan | None = None
    location: Place | None = None
    participants: list[str] = Field(default_factory=list)
    issues: list[str] = Field(default_factory=list)
    summary: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Speaker(Open):
    actor_id: str | None = None
    name: str | None = None
    type: str | None = None


class Statement(Open):
    id: str
    speaker: Speaker | None = None
    text: str | None = None
    direct: bool | None = None
    date: DateSpan | None = None
    via: list[str] = Field(default_factory=list)
    issues: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Story(Open):
    id: str
    title: str | None = None
    article_ids: list[str] = Field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None


class Round(Open):
    id: str
    process: str | None = None
    track: str | None = None
    ordinal: int | str | None = None
    status: str | None = None
    date: DateSpan | str | None = None
    location: Place | str | None = None
    participants: list[str] = Field(default_factory=list)
    outcome: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class IssueStatus(Open):
    id: str
    process: str | None = None
    track: str | None = None
    issue: str | None = None
    status: str | None = None
    date: DateSpan | str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    history: list[dict[str, Any]] = Field(default_factory=list)


class Page(BaseModel, Generic[T]):
    """One page of a filtered listing; ``total`` counts every match, not just this page."""

    total: int
    limit: int
    offset: int
    items: list[T]


class StoryDetail(BaseModel):
    story: Story
    articles: list[ArticleSummary]
    events: list[Event]
    statements: list[Statement]


class SearchHit(BaseModel):
    article: ArticleSummary
    title_html: str = Field(description="the title, HTML-escaped, matches in <mark>")
    snippet_html: str = Field(description="a window of the text, HTML-escaped, matches in <mark>")


class TrackOverview(BaseModel):
    track: str
    rounds: list[Round]


class ProcessOverview(BaseModel):
    process: str
    tracks: list[TrackOverview]
    issues: list[IssueStatus]


class Overview(BaseModel):
    articles: int
    processes: list[ProcessOverview]


class IngestResult(BaseModel):
    files: int
    stored: int
    known: int
    errors: list[str]


class Problem(BaseModel):
    detail: str
