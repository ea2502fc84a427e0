"""Whose event it is and where: sides that are not the event's (another act's subject, whose plan,
whose envoy, the side a war is against), places that are not the event's (inside its topic or
agenda, an embassy's owner), partners in the comitative, and reports of the talks as a whole."""

from __future__ import annotations

from typing import Any

import pytest

from parleywatch.extract.article import Pipeline, text_article


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load()


def events_of(pipeline: Pipeline, text: str) -> list[dict[str, Any]]:
    return pipeline.run(text_article(text, "ru", "2025-06-10"))[2]


def reports(pipeline: Pipeline, text: str, trigger: str) -> list[dict[str, Any]]:
    return [e for e in events_of(pipeline, text) if e["trigger"] == trigger]


def event(pipeline: Pipeline, text: str, trigger: str) -> dict[str, Any]:
    (found,) = reports(pipeline, text, trigger)
    return found


# text | trigger | participants that must be there | ids that must not be participants
SIDE_CASES = [
    ("Четвёртая встреча заранее не анонсировалась и Лавров не уточнил, когда и где она прошла.", "встреча",
     set(), {"per:sergey-lavrov"}),  # the subject of another act
    ("Лавров и Фидан обсудили предложение Китая.", "обсудили",
     {"per:sergey-lavrov", "per:hakan-fidan"}, {"cty:cn"}),  # whose proposal
    ("Стороны договорились о нормализации отношений России и Турции.", "нормализации",
     {"cty:ru", "cty:tr"}, set()),  # relations are between sides
    ("Переговоры провёл спецпосланник Дональда Трампа Стив Уиткофф.", "Переговоры",
     {"per:steve-witkoff"}, {"per:donald-trump"}),  # whose envoy
    ("Делегации России и Турции встретились в Анкаре. Турецкую делегацию возглавил помощник Реджепа Эрдогана "
     "Ибрагим Калын.", "встретились", {"cty:ru", "cty:tr"}, {"per:recep-tayyip-erdogan"}),  # whose aide leads
    ("Россия и Турция провели консультации, однако отложили новую встречу.", "встречу",
     {"cty:ru", "cty:tr"}, set()),  # a shared subject brings its conjuncts
    ("Москва начала консультации с Вашингтоном о визах.", "консультации",
     {"gov:ru", "loc:washington"}, set()),  # the partner
    ("План был изменён в ходе диалога Вашингтона с Киевом.", "диалога",
     {"loc:washington", "loc:kyiv"}, set()),  # sides of the dialogue, not its place
]


@pytest.mark.parametrize(("text", "trigger", "present", "absent"), SIDE_CASES)
def test_sides(pipeline: Pipeline, text: str, trigger: str, present: set[str], absent: set[str]) -> None:
    participants = set(event(pipeline, text, trigger)["participants"])
    assert present <= participants
    assert not absent & participants


def test_a_verb_qualifying_a_noun_has_that_noun_for_subject(pipeline: Pipeline) -> None:
    """"план, который ... в ходе переговоров был сокращён": not Lavrov's talks."""
    text = ("Сергей Лавров прилетел в Анкару. Стороны обсуждают план, который изначально включал десять пунктов, "
            "но в ходе переговоров был сокращён.")
    assert [e for e in reports(pipeline, text, "переговоров") if "per:sergey-lavrov" in e["participants"]] == []


# text | trigger | the location's actor id | place ids that must not be among the event's places
PLACE_CASES = [
    ("Москва провела консультации с Вашингтоном о возвращении дипсобственности в США.", "консультации",
     None, {"cty:us", "loc:washington"}),  # where the property is
    ("Переговоры с американскими коллегами сосредоточены на работе консульств в Москве и Нью-Йорке.",
     "Переговоры", None, {"loc:moscow"}),  # where the consulates are
    ("Переговоры прошли в генеральном консульстве России.", "Переговоры", None, {"cty:ru"}),  # whose consulate
    ("Контакты Москвы и Анкары оживились.", "Контакты", None, {"loc:ankara", "loc:moscow"}),  # sides
    ("Москва и Анкара ведут консультации о визах.", "консультации", None, {"loc:ankara"}),  # sides
    ("Переговоры прошли в Стамбуле.", "Переговоры", "loc:istanbul", set()),
    ("Встреча министров прошла в отеле в Женеве.", "Встреча", "loc:geneva", set()),
]


@pytest.mark.parametrize(("text", "trigger", "location", "absent"), PLACE_CASES)
def test_places(pipeline: Pipeline, text: str, trigger: str, location: str | None, absent: set[str]) -> None:
    found = event(pipeline, text, trigger)
    assert (found["location"] or {}).get("actor_id") == location
    assert not absent & {p["actor_id"] for p in found.get("locations") or []}


def test_a_consulate_is_the_described_place(pipeline: Pipeline) -> None:
    found = event(pipeline, "Переговоры прошли в генеральном консульстве России.", "Переговоры")
    assert [p["name"] for p in found["locations"]] == ["генеральном консульстве России"]


# text | trigger | speaks of the talks as a whole
GENERIC_CASES = [
    ("Стороны обсуждают мирный план.", "обсуждают", True),
    ("Консультации посвящены визам.", "Консультации", True),
    ("Москва и Анкара ведут консультации о визах.", "консультации", True),
    ("Переговоры с американскими коллегами сосредоточены на работе консульств.", "Переговоры", True),
    ("Стороны обсуждают мирный план в Женеве.", "обсуждают", False),
    ("Стороны обсудили мирный план.", "обсудили", False),
    ("Отдельно продолжаются консультации по визам.", "консультации", False),
]


@pytest.mark.parametrize(("text", "trigger", "whole"), GENERIC_CASES)
def test_talks_as_a_whole(pipeline: Pipeline, text: str, trigger: str, whole: bool) -> None:
    assert bool(event(pipeline, text, trigger).get("generic")) is whole


def test_the_talks_focus_on_in_english(pipeline: Pipeline) -> None:
    events = pipeline.run(text_article("The talks focus on visas and embassy staffing.", "en", "2025-06-10"))[2]
    assert [e.get("generic") for e in events if e["type"] == "CONSULT"] == [True]


# text | the statuses and dates of the meeting reports
OUTCOME_CASES = [
    ("Комментарий МИД по итогам встречи ожидается завтра.", []),  # held, with nothing to anchor it
    ("По итогам встречи в Анкаре стороны выпустят заявление завтра.", [("occurred", None)]),
]


@pytest.mark.parametrize(("text", "expected"), OUTCOME_CASES)
def test_a_meeting_with_outcomes_took_place(pipeline: Pipeline, text: str,
                                           expected: list[tuple[str, str | None]]) -> None:
    found = [(e["status"], e["date"]["start"]) for e in events_of(pipeline, text) if e["type"] == "CONSULT"]
    assert found == expected


@pytest.mark.parametrize(("text", "count"), [
    ("Полиция задержала двух человек.", 0),  # a description alone anchors nothing
    ("Полиция задержала двух человек в Москве.", 1),
])
def test_a_description_alone_does_not_anchor_an_event(pipeline: Pipeline, text: str, count: int) -> None:
    assert len([e for e in events_of(pipeline, text) if e["type"] == "COERCE"]) == count
