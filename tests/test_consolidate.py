"""Provisional actors consolidated across articles: the map, the records, the pipeline stage."""

from __future__ import annotations

import pytest

from parleywatch.actors import Actor
from parleywatch.actors.consolidate import SPELLING, consolidated_actors, consolidation_map, registry_surnames, relink
from parleywatch.pipeline import actors_stage, consolidated_event
from parleywatch.records import Article
from parleywatch.settings import Settings
from parleywatch.store import Store


def per(*names: str) -> set[str]:
    return {f"prov:per:{name}" for name in names}


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (per("хайко маас", "хайко мас"), {"prov:per:хайко маас": "prov:per:хайко мас"}),
        (per("arthur petrov", "артур петров"), {"prov:per:arthur petrov": "prov:per:артур петров"}),
        (per("доминик рааб", "доминик рааба"), {"prov:per:доминик рааба": "prov:per:доминик рааб"}),
        (per("тереза мэй", "мэй"), {"prov:per:мэй": "prov:per:тереза мэй"}),
        (per("тереза мэй", "т мэй"), {"prov:per:т мэй": "prov:per:тереза мэй"}),
        ({"prov:org:тлп", "prov:org:tlp"}, {"prov:org:тлп": "prov:org:tlp"}),
    ],
)
def test_names_that_merge(ids: set[str], expected: dict[str, str]) -> None:
    assert consolidation_map(ids) == expected


@pytest.mark.parametrize(
    "ids",
    [
        per("юлия скрипаль", "сергей скрипаль", "скрипаль"),  # two full names with that surname
        per("александр петров", "александра петрова"),  # two different full names, never one
        per("иван петров", "пётр петров"),
        per("faisal islam", "ислам"),  # a surname alone joins a full name in its own script only
        per("си цзиньпин", "сиань цзиньпин"),  # "си" is a name, not an initial
        {"per:donald-trump", "prov:org:трамп"},  # registry ids are not consolidated
    ],
)
def test_names_that_stay_apart(ids: set[str]) -> None:
    assert consolidation_map(ids) == {}


def test_registry_surname_alone_is_not_given_away() -> None:
    assert consolidation_map(per("карла трамп", "трамп"), reserved={"Трамп"}) == {}
    assert "Трамп" in registry_surnames()


def test_names_glued_by_the_ner_do_not_make_a_surname_ambiguous() -> None:
    mapping = consolidation_map(per("дэвид дэвис", "мэй дэвис", "тереза мэй", "дэвис"))
    assert mapping["prov:per:дэвис"] == "prov:per:дэвид дэвис"


def test_map_does_not_depend_on_order() -> None:
    ids = sorted(per("хайко маас", "хайко мас", "маас", "тереза мэй", "мэй", "т мэй"))
    assert consolidation_map(ids) == consolidation_map(reversed(ids))


@pytest.mark.parametrize(
    ("word", "key"),
    [("Мэй", "mei"), ("Мей", "mei"), ("Гренелла", "grenela"), ("Ksenia", "ksenia"), ("Ксения", "ksenia"),
     ("Джонсон", "jonson")],
)
def test_spelling_key(word: str, key: str) -> None:
    assert SPELLING.key(word) == key


def test_relink_keeps_what_linking_said_and_undoes() -> None:
    speaker = {"actor_id": None, "name": "источник", "type": "anonymous"}
    assert relink(speaker, {"x": "y"}) is False
    mention = {"actor_id": "prov:per:мэй"}
    assert relink(mention, {"prov:per:мэй": "prov:per:тереза мэй"}) and mention["actor_id"] == "prov:per:тереза мэй"
    assert relink(mention, {"prov:per:мэй": "prov:per:тереза мэй"}) is False
    assert relink(mention, {}) and mention == {"actor_id": "prov:per:мэй"}


def test_consolidated_actors_point_and_gather_names() -> None:
    actors = {"prov:per:мэй": Actor("prov:per:мэй", "Мэй", "person", names=["Мэй"], provisional=True),
              "prov:per:тереза мэй": Actor("prov:per:тереза мэй", "Тереза Мэй", "person", names=["Тереза Мэй"],
                                           provisional=True)}
    changed = {a.id: a for a in consolidated_actors(actors, {"prov:per:мэй": "prov:per:тереза мэй"})}
    assert changed["prov:per:мэй"].same_as == "prov:per:тереза мэй"
    assert changed["prov:per:тереза мэй"].names == ["Тереза Мэй", "Мэй"]
    actors["prov:per:мэй"].same_as = "prov:per:тереза мэй"
    assert [a.same_as for a in consolidated_actors(actors, {})] == [None]


def test_events_see_the_consolidated_actors() -> None:
    event = {"participants": ["prov:per:мэй", "cty:gb"], "location": {"actor_id": "prov:loc:x", "name": "X"},
             "source": "prov:per:мэй", "target": None}
    seen = consolidated_event(event, {"prov:per:мэй": "prov:per:тереза мэй", "prov:loc:x": "prov:loc:y"})
    assert seen["participants"] == ["prov:per:тереза мэй", "cty:gb"] and seen["source"] == "prov:per:тереза мэй"
    assert seen["location"]["actor_id"] == "prov:loc:y" and event["participants"][0] == "prov:per:мэй"


def test_places_and_descriptions_see_the_consolidated_actors_too() -> None:
    event = {"participants": [],
             "locations": [{"actor_id": "prov:loc:x", "name": "X"}, {"actor_id": None, "name": "резиденция"}],
             "described_participants": [{"text": "британский премьер", "actor_id": "prov:per:мэй"}]}
    seen = consolidated_event(event, {"prov:per:мэй": "prov:per:тереза мэй", "prov:loc:x": "prov:loc:y"})
    assert [p["actor_id"] for p in seen["locations"]] == ["prov:loc:y", None]
    assert seen["described_participants"][0]["actor_id"] == "prov:per:тереза мэй"


def _article(article_id: str, text: str) -> Article:
    return Article(article_id, f"{article_id}.txt", None, None, "t", "2025-01-01", "ru", text)


def _actor(key: str) -> dict[str, object]:
    return Actor(f"prov:per:{key}", key.title(), "person", names=[key.title()], provisional=True).to_dict()


def _mention(article_id: str, key: str) -> dict[str, object]:
    return {"id": f"{article_id}:0-3", "article_id": article_id, "start": 0, "end": 3, "text": key,
            "actor_id": f"prov:per:{key}", "type": "PER", "label": None, "sentence_start": 0, "sentence_end": 3}


def test_actors_stage_relinks_the_store_and_undoes_when_a_name_turns_ambiguous(store: Store) -> None:
    store.add_articles([_article("a1", "Зоя Кручинина приехала."), _article("a2", "Кручинина уехала.")])
    store.put_records("actor", [_actor("зоя кручинина"), _actor("кручинина")])
    store.put_records("mention", [_mention("a1", "зоя кручинина"), _mention("a2", "кручинина")])
    stage = actors_stage({"a1", "a2"})
    assert stage(store, Settings()).summary.startswith("1 provisional actors merged")
    mention = next(store.iter_records("mention", "a2"))
    assert (mention["actor_id"], mention["linked_actor_id"]) == ("prov:per:зоя кручинина", "prov:per:кручинина")
    actors = {a["id"]: a for a in store.iter_records("actor")}
    assert actors["prov:per:кручинина"]["same_as"] == "prov:per:зоя кручинина"
    assert stage(store, Settings()).summary.endswith("0 records relinked")  # idempotent
    store.put_records("actor", [_actor("анна кручинина")])  # now "Кручинина" alone could be either
    actors_stage(set())(store, Settings())
    assert next(store.iter_records("mention", "a2"))["actor_id"] == "prov:per:кручинина"
    assert "same_as" not in {a["id"]: a for a in store.iter_records("actor")}["prov:per:кручинина"]
