"""Contradiction signals of the story stage: lede days and headline names (stories/signals.py)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import pytest

from parleywatch.extract.dates import DateFinder
from parleywatch.stories import Lemmatizer, StorySettings
from parleywatch.stories.features import analyse_text
from parleywatch.stories.signals import (
    Side,
    contradiction_factor,
    day_keys,
    day_positions,
    different_days,
    headline_names,
    lede,
    main_headline,
    unknown_names,
)


@pytest.fixture(scope="session")
def finder() -> DateFinder:
    return DateFinder()


@pytest.fixture(scope="session")
def lemmatizer() -> Lemmatizer:
    return Lemmatizer()


# ---------------------------------------------------------------------- days


@pytest.mark.parametrize(
    ("text", "published", "language", "expected"),
    [
        ("Совещание прошло в пятницу, 8 ноября.", None, "ru", {"md:11-08"}),
        ("The vote took place on Tuesday.", None, "en", {"wd:1"}),
        ("Фестиваль пройдёт с 11 по 13 ноября.", None, "ru", {"md:11-11", "md:11-12", "md:11-13"}),
        ("Вчера министры встретились.", date(2024, 3, 7), "ru", {"md:03-06"}),
        ("Вчера министры встретились.", None, "ru", set()),  # no day to count back from
        ("Переговоры продлятся до весны.", None, "ru", set()),  # not a day
        ("Die Gespräche am 8. November.", None, "de", set()),  # no grammar for the language
    ],
)
def test_day_keys(finder: DateFinder, text: str, published: date | None, language: str,
                  expected: set[str]) -> None:
    assert day_keys(text, published, language, finder) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ({"md:11-08"}, {"md:11-16"}, True),  # forecasts for two days
        ({"md:01-10"}, {"md:01-11"}, False),  # a day apart: "today" in one is "yesterday" in the other
        ({"md:12-31"}, {"md:01-01"}, False),  # across the new year
        ({"wd:1"}, {"wd:5"}, True),  # Tuesday's review and Saturday's
        ({"wd:0"}, {"wd:6"}, False),  # Sunday night and Monday
        ({"wd:1"}, {"md:11-05"}, False),  # undated: a weekday and a date cannot be compared
        ({"md:11-08", "md:11-16"}, {"md:11-16"}, False),  # one day in common
        (set(), {"md:11-16"}, False),  # one side names no day
    ],
)
def test_different_days(a: set[str], b: set[str], expected: bool) -> None:
    assert different_days(day_positions(a), day_positions(b)) is expected


def test_lede_stops_after_the_first_sentences() -> None:
    body = "Первое предложение здесь. " * 40
    assert len(lede("Заголовок", body)) < len(body) / 2


# ---------------------------------------------------------------------- headline names


@pytest.mark.parametrize(
    ("title", "body", "language", "expected"),
    [
        ("Самойленко возглавил министерство", "Губернатор назначил Олега Самойленко министром.", "ru", {"самойленко"}),
        ("Самойленко возглавил министерство", "Губернатор назначил нового министра.", "ru", set()),  # not in the body
        ("Рейсы отменены в Энске", "Все рейсы в Энске и Самаре отменены.", "ru", set()),  # a place
        ("МИД ФРГ ответил Вашингтону", "Ответ МИД ФРГ опубликован утром.", "ru", set()),  # acronyms
        ("Bread Prices To Rise", "Bakers say Prices will rise as prices of flour grew.", "en", set()),
        ("Hargreaves opens the inquiry", "The judge Alan Hargreaves opened it.", "en", {"hargreaves"}),
    ],
)
def test_headline_names(lemmatizer: Lemmatizer, title: str, body: str, language: str,
                        expected: set[str]) -> None:
    words = analyse_text(f"{title}.\n{body}", language, lemmatizer, body_start=len(title) + 2)
    found = headline_names(title, language, words.body_names, words.lowercase,
                           lambda word: lemmatizer.lemma(word, language))
    assert {lemma for _, lemma in found} == expected


@pytest.mark.parametrize(
    ("headline", "names", "stems", "expected"),
    [
        ({("@n:smlnk", "самойленко")}, {"@n:ptrnk"}, {"минис"}, True),
        ({("@n:smlnk", "самойленко")}, {"@n:smlnk"}, set(), False),  # named
        ({("@n:brtn", "британия")}, set(), {"брита"}, False),  # "британский" in the other report
        (set(), set(), set(), False),
    ],
)
def test_unknown_names(headline: set[tuple[str, str]], names: set[str], stems: set[str], expected: bool) -> None:
    assert unknown_names(headline, names, stems) is expected


def test_main_headline_drops_site_parts() -> None:
    assert main_headline("Мэр ушёл в отставку | Новости | Example") == "Мэр ушёл в отставку"


# ---------------------------------------------------------------------- the factor


def side(days: Collection[str] = (), headline: Collection[tuple[str, str]] = ()) -> Side:
    return Side(day_positions(days), frozenset(headline), {"@n:ptrnk"}, {"минис"})


@pytest.mark.parametrize(
    ("a", "b", "same_language", "expected"),
    [
        (side(), side(), True, 1.0),
        (side({"md:11-08"}), side({"md:11-16"}), True, 0.0),
        (side(headline={("@n:smlnk", "самойленко")}), side(), True, 0.5),
        (side(headline={("@n:smlnk", "самойленко")}), side(), False, 1.0),  # lemmas never meet across languages
    ],
)
def test_contradiction_factor(a: Side, b: Side, same_language: bool, expected: float) -> None:
    assert contradiction_factor(a, b, same_language, StorySettings()) == expected
