"""The JSON API against the real app on a real SQLite store (demo corpus + our records)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from parleywatch.api import ApiSettings, create_app
from parleywatch.store import Store
from test_api_sample import PROCESS, STORY, build_sample

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def sample(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The same sample on both backends (PostgreSQL from the session's ``pg_cluster``)."""
    folder = tmp_path_factory.mktemp("api")
    db = str(folder / "api.db")
    if request.param == "postgresql":
        db = request.getfixturevalue("pg_cluster").create_database(f"api_{uuid.uuid4().hex[:12]}")
    with Store.open(db) as store:
        found = build_sample(store, folder)
    return {"db": db, "backend": request.param, **found}


@pytest.fixture(scope="module")
def client(sample: dict[str, Any]) -> Iterator[TestClient]:
    with TestClient(create_app(sample["db"], ApiSettings(ingest_token=None))) as opened:
        yield opened


@pytest.mark.parametrize(
    ("url", "total"),
    [
        ("/api/articles", 17),
        ("/api/articles?language=en", 5),
        ("/api/articles?outlet=rbc", 2),
        ("/api/articles?date_from=2025-11-11&date_to=2025-11-11", 2),
        (f"/api/articles?story={STORY}", 3),
        ("/api/rounds", 6),
        ("/api/rounds?track=ukraine", 2),
        (f"/api/rounds?process={PROCESS}&date_from=2025-04-01&date_to=2025-12-31", 3),
        ("/api/rounds?process=nope", 0),
        ("/api/events?actor=dmitriev", 1),
        ("/api/events?issue=ukraine&date_from=2025-12-01", 1),
        ("/api/statements?actor=putin", 2),
        ("/api/issue-statuses?issue=embassy%20staffing", 1),
        ("/api/actors", 6),
        ("/api/stories", 1),
        ("/api/search?q=переговоры", 9),
        ("/api/search?q=переговоры&outlet=lenta", 1),
    ],
)
def test_listing_totals(client: TestClient, url: str, total: int) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.json()["total"] == total


def test_pages_do_not_overlap(client: TestClient) -> None:
    first = client.get("/api/articles?limit=5").json()["items"]
    second = client.get("/api/articles?limit=5&offset=5").json()["items"]
    assert len(first) == len(second) == 5
    assert not {a["id"] for a in first} & {a["id"] for a in second}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/articles?limit=0", "query parameter limit: Input should be greater than or equal to 1"),
        ("/api/articles?limit=201", "less than or equal to 200"),
        ("/api/rounds?offset=-1", "query parameter offset"),
        ("/api/events?date_from=yesterday", "query parameter date_from"),
        ("/api/rounds?date_from=2025-12-01&date_to=2025-01-01", "date_from must not be after date_to"),
        ("/api/search", "query parameter q: Field required"),
    ],
)
def test_bad_parameters_are_4xx_with_a_message(client: TestClient, url: str, message: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert message in response.json()["detail"]


@pytest.mark.parametrize("kind", ["articles", "stories", "events", "statements", "actors", "rounds", "issue-statuses"])
def test_unknown_id_is_404(client: TestClient, kind: str) -> None:
    response = client.get(f"/api/{kind}/nope")
    assert response.status_code == 404
    assert "nope" in response.json()["detail"]


def test_round_detail_keeps_evidence(client: TestClient) -> None:
    body = client.get("/api/rounds/r-emb-1").json()
    assert body["status"] == "occurred" and len(body["evidence"]) == 2
    assert "Стамбуле" in body["evidence"][0]["text"]


def test_overview_groups_rounds_by_track(client: TestClient) -> None:
    (process,) = client.get("/api/overview").json()["processes"]
    tracks = {t["track"]: [r["id"] for r in t["rounds"]] for t in process["tracks"]}
    assert tracks["ukraine"] == ["r-ukr-1", "r-ukr-2"]
    assert tracks["embassies"][:2] == ["r-emb-1", "r-emb-2"]
    assert {i["issue"] for i in process["issues"]} == {"embassy staffing", "diplomats' banking"}


def test_story_detail_gathers_cited_facts(client: TestClient) -> None:
    body = client.get(f"/api/stories/{STORY}").json()
    assert {a["outlet"] for a in body["articles"]} == {"unian", "svoboda", "ap"}
    assert {e["id"] for e in body["events"]} == {"e-dmitriev-witkoff", "e-putin-witkoff"}
    assert [s["id"] for s in body["statements"]] == ["st-putin-ap"]


def test_search_highlights_other_word_forms_escaped(client: TestClient) -> None:
    hits = client.get("/api/search?q=переговоры&limit=50").json()["items"]
    assert any("<mark>переговорах</mark>" in h["title_html"] for h in hits)
    hostile = next(h for h in hits if h["article"]["outlet"] == "hostile<b>")
    assert "<script>" not in hostile["snippet_html"] and "&lt;script&gt;" in hostile["snippet_html"]


def test_openapi_lists_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/search", "/api/rounds/{round_id}", "/api/issue-statuses", "/api/ingest"):
        assert path in paths
    assert "/" not in paths


def test_ingest_is_refused_without_a_configured_token(client: TestClient) -> None:
    response = client.post("/api/ingest", files={"files": ("a.txt", b"text")}, headers={"Authorization": "Bearer x"})
    assert response.status_code == 403


def test_ingest_with_token(tmp_path: Path) -> None:
    db = tmp_path / "ingest.db"
    app = create_app(str(db), ApiSettings(ingest_token=TOKEN))
    line = '{"title": "Новые консультации", "text": "Делегации обсудили поставки зефира и пастилы.", "outlet": "tass"}'
    with TestClient(app) as client:
        files = {"files": ("new.jsonl", line.encode())}
        assert client.post("/api/ingest", files=files).status_code == 401
        wrong = {"Authorization": "Bearer wrong-token"}
        assert client.post("/api/ingest", files=files, headers=wrong).status_code == 401
        response = client.post("/api/ingest", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 200, response.text
        assert response.json()["stored"] == 1
        assert client.get("/api/search?q=зефиром").json()["total"] == 1
        assert client.get("/api/articles").json()["total"] == 1
