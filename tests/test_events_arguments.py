"""Event arguments read from syntax: who met whom, where, and what is only an affiliation."""

from __future__ import annotations

from typing import Any

import pytest

from parleywatch.extract.article import Pipeline, text_article


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load()


def consult(pipeline: Pipeline, text: str) -> dict[str, Any]:
    events = pipeline.run(text_article(text, "ru", "2025-06-10"))[2]
    return next(e for e in events if e["type"] == "CONSULT")


# text | participants that must be there | ids that must not be participants
PARTICIPANT_CASES = [
    ("Лавров встретился с Рубио в Эр-Рияде.", {"per:sergey-lavrov", "per:marco-rubio"}, set()),
    ("Встреча Путина и Трампа состоялась в Анкоридже.", {"per:vladimir-putin", "per:donald-trump"}, set()),
    ("Переговоры между Россией и США прошли в Женеве.", {"cty:ru", "cty:us"}, set()),
    ("Глава МИД России Сергей Лавров провёл переговоры с Марко Рубио.",
     {"per:sergey-lavrov", "per:marco-rubio"}, {"cty:ru"}),
    ("Премьер-министр Турции Реджеп Тайип Эрдоган встретился с Владимиром Путиным.",
     {"per:recep-tayyip-erdogan", "per:vladimir-putin"}, {"cty:tr"}),
    ("Делегаты из Китая встретились с Лавровым в Москве.", {"per:sergey-lavrov"}, {"cty:cn"}),
]


@pytest.mark.parametrize(("text", "present", "absent"), PARTICIPANT_CASES)
def test_participants_from_syntax(pipeline: Pipeline, text: str, present: set[str], absent: set[str]) -> None:
    participants = set(consult(pipeline, text)["participants"])
    assert present <= participants
    assert not absent & participants


# text | location actor id (None: no place phrase)
PLACE_CASES = [
    ("Лавров встретился с Рубио в Эр-Рияде.", "loc:riyadh"),
    ("Путин прибыл с визитом в Турцию.", "cty:tr"),
    ("Посол Италии встретился с Лавровым.", None),
]


@pytest.mark.parametrize(("text", "place"), PLACE_CASES)
def test_place_from_prepositional_phrase(pipeline: Pipeline, text: str, place: str | None) -> None:
    location = consult(pipeline, text)["location"]
    assert (location["actor_id"] if location else None) == place


def test_headline_line_is_its_own_clause(pipeline: Pipeline) -> None:
    text = "Лавров и Рубио встретились в Эр-Рияде\nЗеленский посетил Берлин."
    event = consult(pipeline, text)
    assert "per:volodymyr-zelensky" not in event["participants"]
