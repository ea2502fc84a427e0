"""The real crawler sample beside the repo (../shared/corpus/seeds): structure, not copied text.

Skipped only when the sample is absent (a user's machine); CI always has it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parleywatch.ingest import load_outlets, read_file
from parleywatch.ingest.clean import SENTENCE_END, is_headline_like
from parleywatch.ingest.furniture import load_furniture
from parleywatch.records import Article
from parleywatch.settings import Settings

SEEDS = Path(__file__).parent.parent.parent / "shared" / "corpus" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
EXPECTED_PUBLISHED = {  # facts read off the pages by hand
    "000": "2025-12-23T15:09",
    "001": "2025-11-11T15:00",
    "002": "2025-12-30",
    "003": "2025-12-21T12:09",
    "004": "2025-11-11T19:21",
}

pytestmark = pytest.mark.skipif(not SEED_FILES, reason="../shared/corpus/seeds not present")


@pytest.fixture(params=SEED_FILES, ids=lambda p: p.name[:3])
def seed(request: pytest.FixtureRequest) -> tuple[Path, Article]:
    (article,) = list(read_file(request.param, load_outlets(), Settings()))
    assert isinstance(article, Article)
    return request.param, article


def test_published(seed: tuple[Path, Article]) -> None:
    path, article = seed
    assert article.published == EXPECTED_PUBLISHED[path.name[:3]]


def test_title_is_the_headline(seed: tuple[Path, Article]) -> None:
    path, article = seed
    raw = path.read_text("utf-8")
    assert is_headline_like(article.title) and len(article.title.split()) >= 6
    assert article.title in raw
    assert article.title not in article.text


def test_body_keeps_whole_paragraphs_and_drops_furniture(seed: tuple[Path, Article]) -> None:
    path, article = seed
    furniture = load_furniture()
    paragraphs = article.text.split("\n\n")
    raw_lines = {line.strip() for line in path.read_text("utf-8").splitlines()}
    for paragraph in paragraphs:
        assert paragraph in raw_lines  # whole lines of the page, never cut
        assert not furniture.is_furniture(paragraph)
        assert not furniture.is_marker(paragraph)
        assert not re.fullmatch(r"[\d\s.,:•]+", paragraph)
    assert SENTENCE_END.search(paragraphs[-1])  # the last paragraph is a sentence, not a link
    long_raw = [line for line in raw_lines if len(line) > 300]
    story = [line for line in long_raw if line in paragraphs]
    assert len(story) >= len(long_raw) - 0  # every long paragraph of the page is kept


def test_outlet_from_footer_when_the_page_names_itself() -> None:
    items = [item for path in SEED_FILES for item in read_file(path, load_outlets(), Settings())]
    found = [item.outlet for item in items if isinstance(item, Article)]
    assert "lenta" in found
