"""Arguments outside the trigger's clause or without a name: pronouns, dropped subjects,
descriptions of people, "принять участие в", and the places an event record lists."""

from __future__ import annotations

from typing import Any

import pytest

from parleywatch.extract.article import Pipeline, text_article
from parleywatch.extract.events.cues import load_argument_cues


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load()


def event(pipeline: Pipeline, text: str, trigger: str) -> dict[str, Any]:
    events = pipeline.run(text_article(text, "ru", "2025-06-10"))[2]
    return next(e for e in events if e["trigger"] == trigger)


# text | trigger | participants that must be there | ids that must not be participants
CONTEXT_CASES = [
    ("Марко Рубио прибыл в Эр-Рияд. На следующий день он провёл переговоры с Сергеем Лавровым.", "провёл",
     {"per:marco-rubio", "per:sergey-lavrov"}, set()),
    ("Кирилл Дмитриев прилетел в Вашингтон в субботу. Провёл переговоры со Стивом Уиткоффом.", "Провёл",
     {"per:kirill-dmitriev", "per:steve-witkoff"}, set()),
    ("Сергей Рябков прибыл в Стамбул, а затем провёл консультации с американской делегацией.", "консультации",
     {"per:sergey-ryabkov", "cty:us"}, set()),
    ("Мария Захарова прибыла в Минск. В тот же день Сергей Лавров прилетел в Анкару. "
     "Вечером она встретилась с журналистами.", "встретилась", {"per:maria-zakharova"}, {"per:sergey-lavrov"}),
    ("Переговоры вёл Стив Уиткофф, который встретился с Кириллом Дмитриевым в Майами.", "встретился",
     {"per:steve-witkoff", "per:kirill-dmitriev"}, set()),
    ("Марко Рубио прилетел в Женеву. Его визит продлится два дня.", "визит", {"per:marco-rubio"}, set()),
    ("Вчера в Женеву прилетел американский дипломат Марко Рубио. Дипломат встретился с Сергеем Лавровым.",
     "встретился", {"per:marco-rubio", "per:sergey-lavrov"}, set()),
    ("Лавров заявил, что в ходе встречи с Рубио он попросил его о помощи.", "встречи",
     {"per:sergey-lavrov", "per:marco-rubio"}, set()),
]


# text | trigger | participants | ids that must not be participants
PARTICIPATION_CASES = [
    ("В переговорах приняли участие спецпосланник президента США Стив Уиткофф и делегация во главе с "
     "Кириллом Дмитриевым.", "переговорах", {"per:steve-witkoff", "per:kirill-dmitriev"}, set()),
    ("Делегация США приняла участие в консультациях.", "консультациях", {"cty:us"}, set()),
    ("Зеленский прибыл с визитом в НАТО.", "прибыл", {"per:volodymyr-zelensky", "org:nato"}, set()),
    ("Встреча прошла в Женеве, Швейцария.", "Встреча", set(), {"cty:ch"}),
]


@pytest.mark.parametrize(("text", "trigger", "present", "absent"), CONTEXT_CASES + PARTICIPATION_CASES)
def test_participants_from_context_participation_and_joining(pipeline: Pipeline, text: str, trigger: str,
                                                             present: set[str], absent: set[str]) -> None:
    participants = set(event(pipeline, text, trigger)["participants"])
    assert present <= participants
    assert not absent & participants


# text | trigger | described participant texts (with the actor they stand for, or None)
DESCRIPTION_CASES = [
    ("Американская делегация прибыла в Женеву.", "прибыла", {("Американская делегация", None)}),
    ("Представители посольства встретились с Сергеем Рябковым.", "встретились",
     {("Представители посольства", None)}),
    ("Вчера в Женеву прилетел американский дипломат Марко Рубио. Дипломат встретился с Сергеем Лавровым.",
     "встретился", {("Дипломат", "per:marco-rubio")}),
    ("Глава МИД России Сергей Лавров встретился с Марко Рубио.", "встретился", set()),
    ("Делегаты из Китая встретились с Лавровым в Москве.", "встретились", {("Делегаты", None)}),
    ("Переговоры Лаврова и Рубио прошли в посольстве.", "Переговоры", set()),  # where, not who
]


@pytest.mark.parametrize(("text", "trigger", "described"), DESCRIPTION_CASES)
def test_described_participants(pipeline: Pipeline, text: str, trigger: str,
                                described: set[tuple[str, str | None]]) -> None:
    found = event(pipeline, text, trigger).get("described_participants", [])
    assert {(d["text"], d["actor_id"]) for d in found} == described


def test_a_demonym_on_a_description_names_the_side(pipeline: Pipeline) -> None:
    found = event(pipeline, "Российская делегация провела консультации с американскими дипломатами.", "консультации")
    assert {"cty:ru", "cty:us"} <= set(found["participants"])


# text | trigger | location id | every place the record lists (actor id, or the described name)
PLACE_CASES = [
    ("Встреча прошла в Женеве, Швейцария.", "Встреча", "loc:geneva", ["loc:geneva", "cty:ch"]),
    ("Сергей Лавров посетил Анкару.", "посетил", "loc:ankara", None),
    ("Лавров прилетел из Москвы в Анкару.", "прилетел", "loc:ankara", ["loc:ankara", "loc:moscow"]),
    ("Марко Рубио прилетел в Швейцарию. Переговоры в стране продлятся два дня.", "Переговоры", "cty:ch", None),
    ("Встреча Лаврова и Рубио прошла в резиденции посла.", "Встреча", None, ["резиденции посла"]),
    ("Переговоры Лаврова и Рубио прошли в посольстве.", "Переговоры", None, ["посольстве"]),
    ("Сергей Лавров посетил мавзолей Ататюрка.", "посетил", None, ["мавзолей Ататюрка"]),
    # a court or police acts at home; a government may act anywhere
    ("Полиция Анкары задержала американского дипломата.", "задержала", "loc:ankara", None),
    ("Власти Турции задержали дипломата.", "задержали", None, None),
    # "в стране" on the verb the event is the subject of, or on a participle of the event noun
    ("Рубио прилетел в Швейцарию. В стране пройдут переговоры Лаврова и Рубио.", "переговоры", "cty:ch", None),
    ("Министр прибыл в Турцию. Проходящие в стране переговоры продлятся два дня.", "переговоры", "cty:tr", None),
]


@pytest.mark.parametrize(("text", "trigger", "location", "places"), PLACE_CASES)
def test_locations(pipeline: Pipeline, text: str, trigger: str, location: str | None,
                   places: list[str] | None) -> None:
    found = event(pipeline, text, trigger)
    assert (found["location"] or {}).get("actor_id") == location
    assert location not in found["participants"]
    listed = [p["actor_id"] or p["name"] for p in found.get("locations", [])]
    assert listed == (places or [])


def test_a_language_without_cues_gets_none() -> None:
    assert not load_argument_cues("xx").pronouns
    assert "участие" in load_argument_cues("ru").participation
