"""The pages, rendered by the real app: content, links to sources, and escaping of hostile text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from parleywatch.api import ApiSettings, create_app
from parleywatch.store import Store
from test_api_sample import STORY, build_sample


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("web")
    with Store.open(str(folder / "web.db")) as store:
        found = build_sample(store, folder)
    return {"db": str(folder / "web.db"), **found}


@pytest.fixture(scope="module")
def client(sample: dict[str, Any]) -> Iterator[TestClient]:
    with TestClient(create_app(sample["db"], ApiSettings(ingest_token=None))) as opened:
        yield opened


def page(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return str(response.text)


@pytest.mark.parametrize(
    ("url", "must_contain"),
    [
        ("/", ['<svg class="chart timeline"', 'href="/rounds/r-emb-1"', "embassy staffing", "stalled", "Ryabkov"]),
        ("/rounds/r-emb-1", ["Стамбул", "interfax", "rbc", "/articles/", "?start="]),
        ("/events/e-dmitriev-witkoff", ["Kirill Dmitriev", "svoboda", "unian"]),
        ("/statements/st-ryabkov", ["Sergei Ryabkov", "kommersant"]),
        ("/actors/putin", ["Vladimir Putin", "2025-09-22", "2025-12-02", "statements per week"]),
        ("/stories", ["Putin&#39;s envoys meet Witkoff"]),
        ("/search?q=переговоры", ["<mark>переговорах</mark>", "9 articles match"]),
        ("/search?q=talks&language=en&outlet=&date_from=&date_to=", ["articles match"]),
    ],
)
def test_page_shows(client: TestClient, url: str, must_contain: list[str]) -> None:
    html = page(client, url)
    for text in must_contain:
        assert text.lower() in html.lower(), text


def test_story_compares_outlets(client: TestClient) -> None:
    html = page(client, f"/stories/{STORY}")
    assert "російський диктатор" in html and "президент РФ" in html
    assert html.count('class="omitted"') == 5  # 1 + 2 + 2: what each of two events and one statement misses
    assert "how they call <em>Vladimir Putin</em>" in html


def test_article_page_marks_the_source_sentence(client: TestClient, sample: dict[str, Any]) -> None:
    ev = sample["records"]["round"][0]["evidence"][0]
    html = page(client, f"/articles/{ev['article_id']}?start={ev['start']}&end={ev['end']}")
    assert re.search(r"<mark>[^<]*первый раунд", html)


@pytest.mark.parametrize("url", ["/", "/rounds/r-hostile", "/search?q=переговоры", "/actors/putin"])
def test_hostile_text_is_escaped(client: TestClient, url: str) -> None:
    html = page(client, url)
    assert "<script>window" not in html and "<img src=x" not in html and "<svg onload" not in html


def test_hostile_article_page(client: TestClient, sample: dict[str, Any]) -> None:
    html = page(client, f"/articles/{sample['hostile'].id}")
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "javascript:" not in html  # a non-web URL is never made a link


def test_story_page_escapes_labels(client: TestClient, sample: dict[str, Any]) -> None:
    html = page(client, f"/stories/{STORY}")
    assert "onerror" not in html or "&lt;img" in html


def test_missing_page_is_404(client: TestClient) -> None:
    assert client.get("/rounds/nope").status_code == 404
    assert client.get("/search?date_from=notadate&q=x").status_code == 422


def test_static_assets_are_local(client: TestClient) -> None:
    assert client.get("/static/style.css").status_code == 200
    assert "http" not in re.sub(r'href="https?://[^"]*" rel="noopener', "", page(client, "/")).split("<footer>")[0]


def test_browsers_get_an_error_page_with_the_id_escaped(client: TestClient) -> None:
    response = client.get("/rounds/<b onload=x>", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert "no round with id &#39;&lt;b onload=x&gt;&#39;" in response.text
    assert client.get("/api/rounds/x", headers={"Accept": "text/html"}).headers["content-type"] == "application/json"
