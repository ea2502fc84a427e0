"""The JSON API: read-only listings with filters and pages, one detail route per kind."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel

from parleywatch.api import models, queries
from parleywatch.api.filters import RecordFilters
from parleywatch.api.params import Paging, article_filters, paging, record_filters, services
from parleywatch.api.service import Services
from parleywatch.records import Article
from parleywatch.search import ArticleFilters, search

router = APIRouter(prefix="/api", tags=["read"])
M = TypeVar("M", bound=BaseModel)
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": models.Problem}}
Svc = Annotated[Services, Depends(services)]
Pg = Annotated[Paging, Depends(paging)]
RF = Annotated[RecordFilters, Depends(record_filters)]
AF = Annotated[ArticleFilters, Depends(article_filters)]


def summary(article: Article) -> models.ArticleSummary:
    return models.ArticleSummary.model_validate(article.as_record())


def _listing(svc: Services, kind: str, model: type[M], rf: RecordFilters, pg: Paging) -> models.Page[M]:
    total, items = queries.record_page(svc.store.engine, kind, rf.matches, pg.limit, pg.offset)
    return models.Page[M](total=total, limit=pg.limit, offset=pg.offset, items=[model.model_validate(i) for i in items])


def _detail(svc: Services, kind: str, record_id: str, model: type[M]) -> M:
    record = queries.get_record(svc.store.engine, kind, record_id)
    if record is None:
        raise HTTPException(404, f"no {kind} with id {record_id!r}")
    return model.model_validate(record)


@router.get("/overview", response_model=models.Overview, summary="Processes: tracks, rounds, issue board")
def overview(svc: Svc, process: Annotated[str | None, Query(max_length=200)] = None) -> Any:
    return {"articles": svc.store.count_articles(), "processes": svc.overview(process)}


@router.get("/articles", response_model=models.Page[models.ArticleSummary])
def articles(svc: Svc, af: AF, pg: Pg) -> Any:
    total, found = queries.article_page(svc.store.engine, af, pg.limit, pg.offset)
    return {"total": total, "limit": pg.limit, "offset": pg.offset, "items": [summary(a) for a in found]}


@router.get("/articles/{article_id}", response_model=models.ArticleDetail, responses=NOT_FOUND)
def article(svc: Svc, article_id: str) -> Any:
    found = svc.store.get_article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return models.ArticleDetail.model_validate(found.as_record())


@router.get("/search", response_model=models.Page[models.SearchHit], summary="Full text by lemma")
def search_articles(svc: Svc, af: AF, pg: Pg, q: Annotated[str, Query(min_length=1, max_length=200)]) -> Any:
    result = search(svc.store, q, af, pg.limit, pg.offset, svc.lemmatizer)
    hits = [{"article": summary(h.article), "title_html": h.title, "snippet_html": h.snippet} for h in result.hits]
    return {"total": result.total, "limit": pg.limit, "offset": pg.offset, "items": hits}


@router.get("/stories", response_model=models.Page[models.Story])
def stories(svc: Svc, rf: RF, pg: Pg) -> Any:
    return _listing(svc, "story", models.Story, rf, pg)


@router.get("/stories/{story_id}", response_model=models.StoryDetail, responses=NOT_FOUND)
def story(svc: Svc, story_id: str) -> Any:
    bundle = svc.story(story_id)
    if bundle is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    arts = [summary(a) for a in bundle.articles]
    return {"story": bundle.story, "articles": arts, "events": bundle.events, "statements": bundle.statements}


@router.get("/events", response_model=models.Page[models.Event])
def events(svc: Svc, rf: RF, pg: Pg) -> Any:
    return _listing(svc, "event", models.Event, rf, pg)


@router.get("/events/{event_id}", response_model=models.Event, responses=NOT_FOUND)
def event(svc: Svc, event_id: str) -> Any:
    return _detail(svc, "event", event_id, models.Event)


@router.get("/statements", response_model=models.Page[models.Statement])
def statements(svc: Svc, rf: RF, pg: Pg) -> Any:
    return _listing(svc, "statement", models.Statement, rf, pg)


@router.get("/statements/{statement_id}", response_model=models.Statement, responses=NOT_FOUND)
def statement(svc: Svc, statement_id: str) -> Any:
    return _detail(svc, "statement", statement_id, models.Statement)


@router.get("/actors", response_model=models.Page[models.Actor])
def actors(svc: Svc, rf: RF, pg: Pg) -> Any:
    return _listing(svc, "actor", models.Actor, rf, pg)


@router.get("/actors/{actor_id}", response_model=models.Actor, responses=NOT_FOUND)
def actor(svc: Svc, actor_id: str) -> Any:
    return _detail(svc, "actor", actor_id, models.Actor)


@router.get("/rounds", response_model=models.Page[models.Round])
def rounds(svc: Svc, rf: RF, pg: Pg) -> Any:
    return _listing(svc, "round", models.Round, rf, pg)


@router.get("/rounds/{round_id}", response_model=models.Round, responses=NOT_FOUND)
def round_(svc: Svc, round_id: str) -> Any:
    return _detail(svc, "round", round_id, models.Round)


@router.get("/issue-statuses", response_model=models.Page[models.IssueStatus])
def issue_statuses(svc: Svc, rf: RF, pg: Pg) -> Any:
    return _listing(svc, "issue_status", models.IssueStatus, rf, pg)


@router.get("/issue-statuses/{status_id}", response_model=models.IssueStatus, responses=NOT_FOUND)
def issue_status(svc: Svc, status_id: str) -> Any:
    return _detail(svc, "issue_status", status_id, models.IssueStatus)
