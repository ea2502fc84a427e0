"""Each reader on a fixture we wrote: the fields it must fill."""

from __future__ import annotations

from pathlib import Path

import pytest

from parleywatch.errors import InputError
from parleywatch.ingest import load_outlets, read_file
from parleywatch.ingest.detect import detect_format
from parleywatch.records import Article
from parleywatch.settings import Settings


def articles(path: Path) -> list[Article]:
    items = list(read_file(path, load_outlets(), Settings()))
    assert all(isinstance(i, Article) for i in items), items
    return [i for i in items if isinstance(i, Article)]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("crawler_header.txt", "text"),
        ("page.html", "html"),
        ("feed.xml", "feed"),
        ("articles.jsonl", "jsonl"),
        ("bsnlp/ru-7.txt", "bsnlp"),
    ],
)
def test_detect_format(fixtures: Path, name: str, fmt: str) -> None:
    path = fixtures / name
    assert detect_format(path, path.read_text("utf-8")) == fmt


def test_html_page(fixtures: Path) -> None:
    (article,) = articles(fixtures / "page.html")
    assert article.title == "Diplomats meet in Istanbul"
    assert article.url == "https://www.reuters.com/world/diplomats-meet-istanbul-2025-04-10/"
    assert article.outlet == "reuters"
    assert article.published == "2025-04-10T16:20:00+00:00"
    assert article.language == "en"
    assert article.text.endswith("which lasted several hours.")
    for furniture in ("cookies", "Oil prices", "All rights", "Home"):
        assert furniture not in article.text


def test_feed_items_prefer_full_content(fixtures: Path) -> None:
    first, second = articles(fixtures / "feed.xml")
    assert first.title == "Envoys hold talks in Miami"
    assert "No breakthrough was reported" in first.text
    assert "Short summary" not in first.text
    assert first.published == "2025-12-20T18:00:00+00:00"
    assert first.outlet == "ap"
    assert second.text.startswith("Foreign Minister Sergei Lavrov said")


def test_jsonl_lines(fixtures: Path) -> None:
    full, minimal = articles(fixtures / "articles.jsonl")
    assert (full.outlet, full.language, full.published) == ("tass", "ru", "2025-06-01T10:00:00+03:00")
    assert full.title == "Авиасообщение пока не восстановлено"
    assert minimal.language == "uk"
    assert minimal.published is None
    assert minimal.title.startswith("Сторони обговорили")


def test_bsnlp_raw(fixtures: Path) -> None:
    (article,) = articles(fixtures / "bsnlp" / "ru-7.txt")
    assert article.title == "Стороны обсудили газовый транзит в Брюсселе"
    assert (article.published, article.language, article.outlet) == ("2019-01-10", "ru", "rbc")
    assert article.text.startswith("Представители сторон")


def test_cp1251_file_is_decoded(fixtures: Path) -> None:
    (article,) = articles(fixtures / "cp1251.txt")
    assert article.title == "Заголовок в кодировке cp1251 о переговорах дипломатов"
    assert "Стамбуле" in article.text


def test_outlet_from_copyright_line(fixtures: Path) -> None:
    (article,) = articles(fixtures / "no_header.txt")
    assert article.outlet == "lenta"


def test_malformed_jsonl_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"text": "Первая статья о переговорах в Стамбуле и визах."}\n{"text": oops}\n{"title": "x"}\n')
    items = list(read_file(path, load_outlets(), Settings()))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], InputError) and items[1].line == 2 and "malformed JSON" in str(items[1])
    assert isinstance(items[2], InputError) and "no 'text'" in str(items[2])
