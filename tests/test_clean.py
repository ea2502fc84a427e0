"""Cleaning: titles, dates and bodies without furniture, on pages we wrote in the crawler's formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from parleywatch.ingest.clean import clean, is_headline_like, split_glued_meta
from parleywatch.ingest.pagedate import find_date, is_dateline
from parleywatch.records import RawDocument


def cleaned(path: Path):  # type: ignore[no-untyped-def]
    return clean(RawDocument(str(path), path.read_text("utf-8"), "text"))


def test_crawler_header_page(fixtures: Path) -> None:
    result = cleaned(fixtures / "crawler_header.txt")
    assert result.title == "Делегации России и США завершили встречу в Женеве"
    assert result.published == "2025-03-14T17:50"  # the article's own time, not the page clock
    assert result.text.startswith("Итоги — в понедельник.")
    assert result.text.endswith("конкретных дат пока нет.")
    for furniture in ("закрыть", "2,047", "Фото:", "Оцени", "Последние новости", "Синоптики", "©", "18+"):
        assert furniture not in result.text


def test_page_without_header_takes_date_from_text(fixtures: Path) -> None:
    result = cleaned(fixtures / "no_header.txt")
    assert result.title == "Посол США провел встречу в МИД России"
    assert result.published == "2025-04-02T09:30"
    assert result.text.startswith("Стороны обсудили работу дипмиссий")
    assert result.text.endswith("— пояснили в дипведомстве.")
    for furniture in ("ВсеПолитика", "Олег Сидоров", "Фото:", "снегопад", "Лента.Ру", "Ctrl+Enter"):
        assert furniture not in result.text


@pytest.mark.parametrize(
    ("rest", "title", "stamp"),
    [
        ("Заголовок статьи о переговорах 5 21.12.2025, 12:09", "Заголовок статьи о переговорах", "2025-12-21T12:09"),
        ("Заголовок без даты", "Заголовок без даты", None),
        ("Talks resume in Geneva 1,204 April 3, 2025 10:15", "Talks resume in Geneva", "2025-04-03T10:15"),
    ],
)
def test_split_glued_meta(rest: str, title: str, stamp: str | None) -> None:
    head, found = split_glued_meta(rest)
    assert head == title
    assert (found.iso() if found else None) == stamp


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("23 декабря 2025, вторник, 15:22", True),
        ("  • 23.12.2025, 15:09", True),
        ("15:00", True),
        ("19:21, 11 ноября 2025Мир", True),
        ("April 10, 2025 11:05", True),
        ("Встреча прошла в Стамбуле 10 апреля 2025 года, сообщил дипломат.", False),
        ("Переговоры продолжатся", False),
    ],
)
def test_is_dateline(line: str, expected: bool) -> None:
    assert is_dateline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Лавров заявил об устойчивом характере диалога", True),
        ("Диалог идет «не так быстро, как хотелось бы».", False),
        ("Мир", False),
    ],
)
def test_is_headline_like(line: str, expected: bool) -> None:
    assert is_headline_like(line) is expected


def test_find_date_reads_words_and_numbers() -> None:
    found = find_date("19:21, 11 ноября 2025")
    assert found is not None and found.iso() == "2025-11-11T19:21"


def test_footer_marker_keeps_a_real_paragraph_after_it() -> None:
    text = (
        "Заголовок о встрече дипломатов\n\nПервый абзац о встрече дипломатов в Стамбуле, который достаточно "
        "длинный, чтобы считаться текстом статьи, и заканчивается точкой как положено.\n\nЧитайте также\n"
        "Другая новость о погоде\n\nПродолжение статьи: дипломаты договорились встретиться снова через месяц, "
        "сообщили в министерстве иностранных дел, отметив конструктивный характер беседы.\n"
    )
    result = clean(RawDocument("x.txt", text, "text"))
    assert "Продолжение статьи" in result.text
    assert "Другая новость" not in result.text


def test_garbage_yields_empty_body_not_a_crash() -> None:
    result = clean(RawDocument("x.txt", "\n\n • 12\n©\n", "text"))
    assert result.text == ""
