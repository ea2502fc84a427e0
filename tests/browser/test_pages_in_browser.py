"""The pages in a real browser: Debian's chromium, headless, driven by Playwright, against the
app served by uvicorn on loopback. Clicks from the overview to a round to its source, screenshots
every page, and checks that hostile article text never executes."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parleywatch.api import ApiSettings, create_app
from parleywatch.store import Store
from test_api_sample import STORY, build_sample

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENS = Path(__file__).parent.parent.parent / "bench" / "out" / "screens"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed (scripts/ensure-chromium.sh)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("browser")
    with Store.open(str(folder / "browser.db")) as store:
        found = build_sample(store, folder)
    return {"db": str(folder / "browser.db"), **found}


@pytest.fixture(scope="module")
def base_url(sample: dict[str, Any]) -> Iterator[str]:
    import uvicorn

    port = free_port()
    config = uvicorn.Config(create_app(sample["db"], ApiSettings(ingest_token=None)), host="127.0.0.1", port=port,
                            log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    opened = context.new_page()
    opened.dialogs: list[str] = []  # type: ignore[misc]
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


def shoot(page: Any, folder: Path, name: str) -> None:
    """Full-page screenshot into the test's tmp dir, copied to bench/out/screens/ for the notes."""
    target = folder / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    SCREENS.mkdir(parents=True, exist_ok=True)
    shutil.copy(target, SCREENS / target.name)


def assert_nothing_ran(page: Any) -> None:
    assert page.evaluate("() => window.__xss") is None
    assert page.dialogs == []


def test_overview_to_round_to_source(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(base_url + "/")
    assert page.locator("svg.timeline a.round").count() == 6
    shoot(page, tmp_path, "01-overview")
    page.click("a.round-link[href='/rounds/r-emb-1']")
    page.wait_for_url("**/rounds/r-emb-1")
    assert page.locator("ol.sources li").count() == 2
    shoot(page, tmp_path, "02-round")
    page.locator("a.source").first.click()
    page.wait_for_url("**/articles/**")
    assert "первый раунд" in page.locator("mark").first.inner_text()
    shoot(page, tmp_path, "03-source-article")


def test_timeline_marks_link_to_rounds(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.locator("svg.timeline a.round[href='/rounds/r-ukr-2']").click()
    page.wait_for_url("**/rounds/r-ukr-2")
    assert "Маямі" in page.locator("ol.sources").inner_text()


@pytest.mark.parametrize(
    ("name", "path", "selector"),
    [
        ("04-story", f"/stories/{STORY}", "td.omitted"),
        ("05-actor", "/actors/putin", "ol.timeline li"),
        ("06-event", "/events/e-dmitriev-witkoff", "ol.sources li"),
        ("07-search", "/search?q=переговоры", "ol.hits mark"),
        ("08-hostile-round", "/rounds/r-hostile", "ol.sources li"),
    ],
)
def test_page_renders(page: Any, base_url: str, tmp_path: Path, name: str, path: str, selector: str) -> None:
    page.goto(base_url + path)
    assert page.locator(selector).count() > 0
    assert_nothing_ran(page)
    shoot(page, tmp_path, name)


def test_hostile_article_does_not_execute(page: Any, base_url: str, sample: dict[str, Any], tmp_path: Path) -> None:
    page.goto(f"{base_url}/articles/{sample['hostile'].id}")
    assert "<script>" in page.locator(".article-text").inner_text()  # shown as text
    assert page.locator(".article-text script, .article-text img, .article-text svg").count() == 0
    assert page.locator("a.original").count() == 0  # the javascript: URL is not a link
    assert_nothing_ran(page)
    shoot(page, tmp_path, "09-hostile-article")


def test_search_form_filters(page: Any, base_url: str) -> None:
    page.goto(base_url + "/search")
    page.fill("form.search input[name=q]", "переговорах")
    page.select_option("form.search select[name=outlet]", "lenta")
    page.click("form.search button")
    page.wait_for_url("**/search?**")
    assert "1 articles match" in page.content()
