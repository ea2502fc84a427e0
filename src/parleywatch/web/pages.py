"""The HTML pages: server-rendered with autoescaping Jinja2 templates, assets served locally."""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from parleywatch.api import queries
from parleywatch.api.filters import RecordFilters
from parleywatch.api.params import Paging, article_filters, paging, services
from parleywatch.api.service import Services
from parleywatch.search import ArticleFilters, search
from parleywatch.search.snippets import mark
from parleywatch.web import charts, views

router = APIRouter(include_in_schema=False)
Svc = Annotated[Services, Depends(services)]
FormText = Annotated[str, Query(max_length=200)]
STATIC = Path(str(files("parleywatch.web") / "static"))
ENV = Environment(loader=PackageLoader("parleywatch.web", "templates"), autoescape=select_autoescape(default=True))
ENV.filters["pathq"] = lambda value: quote(str(value), safe="")
ENV.tests["web_url"] = lambda value: isinstance(value, str) and value.lower().startswith(("http://", "https://"))
TEMPLATES = Jinja2Templates(env=ENV)


def mount(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(router)


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, context)


def _record(svc: Services, kind: str, record_id: str) -> dict[str, Any]:
    record = queries.get_record(svc.store.engine, kind, record_id)
    if record is None:
        raise HTTPException(404, f"no {kind} with id {record_id!r}")
    return record


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, svc: Svc, process: Annotated[str | None, Query(max_length=200)] = None) -> Any:
    engine = svc.store.engine
    processes = svc.overview(process)
    names = svc.names()
    weekly = svc.cached("weekly", lambda: views.statements_per_week(list(queries.iter_kind(engine, "statement")),
                                                                    names))
    heat = charts.weekly_heatmap(weekly)
    for item in processes:
        item["chart"] = charts.timeline(item["tracks"])
    return render(request, "overview.html", processes=processes, legend=charts.legend(), heatmap=heat,
                  articles=svc.store.count_articles(), names=names)


@router.get("/rounds/{round_id}", response_class=HTMLResponse)
def round_page(request: Request, svc: Svc, round_id: str) -> Any:
    return _fact_page(request, svc, "round", round_id)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, svc: Svc, event_id: str) -> Any:
    return _fact_page(request, svc, "event", event_id)


@router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement_page(request: Request, svc: Svc, statement_id: str) -> Any:
    return _fact_page(request, svc, "statement", statement_id)


def _fact_page(request: Request, svc: Svc, kind: str, record_id: str) -> HTMLResponse:
    record = _record(svc, kind, record_id)
    found = views.sources(record, svc.evidence_articles([record]))
    return render(request, "fact.html", kind=kind, record=record, sources=found, names=svc.names())


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, svc: Svc, pg: Annotated[Paging, Depends(paging)]) -> Any:
    total, found = queries.record_page(svc.store.engine, "story", RecordFilters().matches, pg.limit, pg.offset)
    return render(request, "stories.html", stories=found, total=total, paging=pg)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, svc: Svc, story_id: str) -> Any:
    bundle = svc.story(story_id)
    if bundle is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    view = views.story_view(bundle, svc.names())
    return render(request, "story.html", story=bundle.story, view=view)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, svc: Svc, actor_id: str) -> Any:
    actor = _record(svc, "actor", actor_id)
    engine = svc.store.engine
    rows = views.actor_timeline(actor_id, list(queries.iter_kind(engine, "event")),
                                list(queries.iter_kind(engine, "statement")))
    said = [r for _, kind, r in rows if kind == "statement"]
    names = svc.names()
    heat = charts.weekly_heatmap(views.statements_per_week(said, names, top=1))
    return render(request, "actor.html", actor=actor, rows=rows, heatmap=heat, names=names)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, svc: Svc, article_id: str,
    start: Annotated[int | None, Query(ge=0)] = None, end: Annotated[int | None, Query(ge=0)] = None,
) -> Any:
    article = svc.store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    spans = [(start, end)] if start is not None and end is not None and start < end <= len(article.text) else []
    body = Markup(mark(article.text, 0, len(article.text), spans))
    return render(request, "article.html", article=article, body=body)


def form_filters(
    outlet: FormText = "", language: FormText = "", date_from: FormText = "", date_to: FormText = "",
) -> ArticleFilters:
    """Filters from the search form, where an untouched field arrives as an empty string."""
    try:
        return article_filters(outlet or None, language or None, _day(date_from), _day(date_to))
    except ValueError as error:
        raise HTTPException(422, str(error)) from None


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, svc: Svc, af: Annotated[ArticleFilters, Depends(form_filters)],
    pg: Annotated[Paging, Depends(paging)], q: Annotated[str, Query(max_length=200)] = "",
) -> Any:
    result = search(svc.store, q, af, pg.limit, pg.offset, svc.lemmatizer) if q.strip() else None
    engine = svc.store.engine
    facets = svc.cached("facets", lambda: {c: queries.facet_values(engine, c) for c in ("outlet", "language")})
    return render(request, "search.html", q=q, filters=af, result=result, paging=pg, facets=facets)
