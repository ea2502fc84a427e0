"""The application: JSON API, pages and static assets over one store; ``serve`` runs it."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from parleywatch.api import models, routes, upload
from parleywatch.api.service import Services
from parleywatch.api.settings import ApiSettings
from parleywatch.search import Lemmatizer, build_index, ensure_index
from parleywatch.store import Store

logger = logging.getLogger(__name__)


def create_app(db: str | None = None, settings: ApiSettings | None = None) -> FastAPI:
    """Open the store, bring the search index up to date, mount the API and the pages."""
    from parleywatch.web import pages  # the pages import the API's service; import late

    settings = settings or ApiSettings()
    store = Store.open(db)
    services = Services(store=store, settings=settings, lemmatizer=Lemmatizer())
    ensure_index(store.engine)
    if settings.build_index_on_start:
        build_index(store, services.lemmatizer)
    app = FastAPI(title="parleywatch", version="1", description="Diplomatic processes from the news, with sources.",
                  docs_url=None, redoc_url=None)  # their UIs load from a CDN; pages must work offline
    app.state.services = services
    app.include_router(routes.router)
    app.include_router(upload.router)
    pages.mount(app)
    _handle_errors(app)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, with 422 described as what we send: ``{"detail": "one line"}``."""
    if app.openapi_schema is None:
        document = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        problem = {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for operation in (op for item in document.get("paths", {}).values() for op in item.values()):
            if "422" in operation.get("responses", {}):
                operation["responses"]["422"]["content"] = problem
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        schemas["Problem"] = models.Problem.model_json_schema()
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)
        app.openapi_schema = document
    return app.openapi_schema


def _handle_errors(app: FastAPI) -> None:
    """Every error is JSON with one readable ``detail`` line; no stack trace ever leaves."""

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> Response:
        if wants_html(_request):
            return error_page(_request, 422, describe(error))
        return JSONResponse({"detail": describe(error)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if wants_html(request):
            return error_page(request, error.status_code, str(error.detail))
        return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)

    @app.exception_handler(Exception)
    async def crash(request: Request, error: Exception) -> Response:
        logger.exception("%s %s failed", request.method, request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=500)


def wants_html(request: Request) -> bool:
    """Pages answer errors with a page; the API (and anything not asking for HTML) with JSON."""
    api = request.url.path.startswith(("/api/", "/openapi"))
    return not api and "text/html" in request.headers.get("accept", "")


def error_page(request: Request, status: int, detail: str) -> Response:
    from parleywatch.web.pages import TEMPLATES

    return TEMPLATES.TemplateResponse(request, "error.html", {"status": status, "detail": detail}, status_code=status)


def describe(error: RequestValidationError) -> str:
    """'query parameter limit: Input should be less than or equal to 200' — one line per problem."""
    parts = []
    for item in error.errors():
        where = [str(p) for p in item.get("loc", ())]
        place = f"{where[0]} parameter {'.'.join(where[1:])}" if len(where) > 1 else ".".join(where)
        parts.append(f"{place}: {item.get('msg', 'invalid')}")
    return "; ".join(parts)


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the service with uvicorn until interrupted (``parley serve``)."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
