"""Story stage: duplicates, clustering decisions, cross-lingual joins and determinism."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from parleywatch.records import Article
from parleywatch.store import Store
from parleywatch.stories import (
    Lemmatizer,
    StoryClusterer,
    StoryInput,
    StorySettings,
    StorySettingsError,
    story_input_from_article,
)
from parleywatch.stories import clusterer as clusterer_module
from parleywatch.stories.clusterer import StaleStateError
from parleywatch.stories.names import name_key
from parleywatch.stories.scoring import entity_overlap, time_decay
from parleywatch.stories.stage import STATE_KEY, run_stories

# ---------------------------------------------------------------------- our own small corpus

TALKS_RU = (
    "Министр иностранных дел России Сергей Лавров прибыл в Анкару на переговоры с главой МИД "
    "Турции Хаканом Фиданом. Стороны обсудили продление зернового соглашения и обмен пленными. "
    "По словам Лаврова, встреча прошла в деловой обстановке, а следующий раунд консультаций "
    "назначен на конец месяца. Фидан заявил, что Анкара готова предоставить площадку для "
    "новых контактов. В переговорах также участвовал госсекретарь США Энтони Блинкен, который "
    "присоединился к делегациям по видеосвязи из Вашингтона. Российская сторона настаивает на "
    "снятии ограничений с экспорта удобрений и на подключении банков к платёжным системам. "
    "Турецкие дипломаты предложили поэтапный план, который эксперты называют компромиссным. "
    "Переговоры продлились более четырёх часов, после чего министры ответили на вопросы "
    "журналистов и договорились поддерживать связь на уровне заместителей."
)
TALKS_RU_REPRINT = (
    "В турецкой столице в четверг начались важные дипломатические консультации. "
    + TALKS_RU.split(". ", 1)[1]
)
TALKS_RU_UPDATE = (
    "Переговоры Сергея Лаврова и Хакана Фидана в Анкаре завершились подписанием совместного "
    "заявления о продлении зернового соглашения. Обмен пленными, по словам Лаврова, пройдёт "
    "через две недели. Фидан подтвердил, что Анкара останется площадкой для консультаций, а "
    "Блинкен по видеосвязи поддержал договорённость."
)
TALKS_EN = (
    "Russian Foreign Minister Sergei Lavrov arrived in Ankara for talks with his Turkish "
    "counterpart Hakan Fidan. The two discussed extending the grain deal and a prisoner swap. "
    "US Secretary of State Antony Blinken joined the delegations by video link from Washington, "
    "and Fidan said Ankara was ready to host further contacts."
)
SUMMIT_RU = (
    "Сергей Лавров и Хакан Фидан встретились в Анкаре на полях энергетического форума и "
    "обсудили строительство газового хаба. Блинкен в обсуждении не участвовал. Лавров заявил, "
    "что проект газового хаба требует новых инвестиций и гарантий поставок."
)
FLOOD_RU = (
    "В Краснодарском крае после сильных ливней затопило несколько посёлков. Спасатели МЧС "
    "эвакуировали более трёхсот жителей, в пунктах временного размещения работают врачи. "
    "Уровень воды в реке Кубань продолжает расти, синоптики обещают дожди до выходных."
)


def make(article_id: str, title: str, text: str, day: str, language: str = "ru",
         outlet: str = "example.ru") -> Article:
    return Article(id=article_id, source_path=article_id, url=None, outlet=outlet, title=title,
                   published=day, language=language, text=text)


ARTICLES = [
    make("ru-1", "Лавров и Фидан начали переговоры в Анкаре", TALKS_RU, "2024-03-07T09:00:00"),
    make("ru-2", "Лавров прибыл в Анкару", TALKS_RU_REPRINT, "2024-03-07T11:00:00", outlet="other.ru"),
    make("en-1", "Lavrov and Fidan hold talks in Ankara", TALKS_EN, "2024-03-07T12:00:00",
         language="en", outlet="example.com"),
    make("ru-3", "Переговоры в Анкаре завершились заявлением", TALKS_RU_UPDATE, "2024-03-07T18:00:00"),
    make("ru-4", "Наводнение на Кубани", FLOOD_RU, "2024-03-08T08:00:00"),
    make("ru-5", "Лавров и Фидан обсудили газовый хаб", SUMMIT_RU, "2024-04-09T10:00:00"),
]


@pytest.fixture(scope="session")
def inputs() -> dict[str, StoryInput]:
    lemmatizer = Lemmatizer()
    return {a.id: story_input_from_article(a, lemmatizer) for a in ARTICLES}


@pytest.fixture(scope="session")
def assigned(inputs: dict[str, StoryInput]) -> dict[str, tuple[str, str | None]]:
    clusterer = StoryClusterer()
    return {a.article_id: (a.story_id, a.duplicate_of) for a in clusterer.add_many(inputs.values())}


# ---------------------------------------------------------------------- decisions

@pytest.mark.parametrize(
    ("first", "second", "same_story"),
    [
        ("ru-1", "ru-2", True),   # reprint with a changed lede
        ("ru-1", "en-1", True),   # same event in Russian and English
        ("ru-1", "ru-3", True),   # an update of the story by the same outlet
        ("ru-1", "ru-4", False),  # another event the next day
        ("ru-1", "ru-5", False),  # same actors, another event a month later
    ],
)
def test_story_decisions(assigned: dict[str, tuple[str, str | None]], first: str, second: str,
                         same_story: bool) -> None:
    assert (assigned[first][0] == assigned[second][0]) is same_story


@pytest.mark.parametrize(("article_id", "duplicate_of"), [("ru-2", "ru-1"), ("ru-1", None), ("ru-3", None),
                                                         ("en-1", None)])
def test_duplicate_links(assigned: dict[str, tuple[str, str | None]], article_id: str,
                         duplicate_of: str | None) -> None:
    assert assigned[article_id][1] == duplicate_of


def test_rebuild_equals_incremental(inputs: dict[str, StoryInput]) -> None:
    clusterer = StoryClusterer()
    incremental = [clusterer.add(inp) for inp in inputs.values()]
    assert StoryClusterer().rebuild(inputs.values()) == incremental
    assert clusterer.rebuild(inputs.values()) == incremental


def test_a_story_out_of_reach_is_skipped_before_the_entity_checks(inputs: dict[str, StoryInput],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    clusterer = StoryClusterer()
    clusterer.add(inputs["ru-1"])
    story, flood = clusterer._live[0], clusterer._read(inputs["ru-4"])  # the flood, the next day
    day = clusterer._day_of(inputs["ru-4"].published)
    checked: list[object] = []

    def counted(*args: Any) -> float:
        checked.append(args)
        return entity_overlap(*args)

    monkeypatch.setattr(clusterer_module, "entity_overlap", counted)
    threshold = clusterer.settings.join_threshold
    assert clusterer._score(story, flood, day, floor=threshold) == 0.0 and not checked
    assert clusterer._score(story, flood, day) < threshold and len(checked) == 1


def test_skipping_stories_that_cannot_reach_the_threshold_changes_no_decision(
        inputs: dict[str, StoryInput], monkeypatch: pytest.MonkeyPatch) -> None:
    bounded = StoryClusterer().add_many(inputs.values())
    full_score = StoryClusterer._score
    monkeypatch.setattr(StoryClusterer, "_score", lambda self, story, reading, day, floor=None:
                        full_score(self, story, reading, day))
    assert StoryClusterer().add_many(inputs.values()) == bounded


def test_state_survives_pickling_mid_stream(inputs: dict[str, StoryInput]) -> None:
    items = list(inputs.values())
    whole = StoryClusterer().add_many(items)
    first = StoryClusterer()
    head = first.add_many(items[:3])
    restored = StoryClusterer.loads(first.dumps())
    assert head + restored.add_many(items[3:]) == whole
    assert pickle.loads(pickle.dumps(restored.settings)) == restored.settings


def test_story_records(inputs: dict[str, StoryInput]) -> None:
    clusterer = StoryClusterer()
    clusterer.add_many(inputs.values())
    talks = next(s for s in clusterer.stories() if "ru-1" in s.article_ids)
    record = talks.as_record()
    assert record["kind"] == "story"
    assert set(record["languages"]) == {"ru", "en"}
    assert record["first_published"] == "2024-03-07T09:00:00+00:00"
    assert "Анкар" in record["title"]


def test_undated_pair_counts_as_same_day(inputs: dict[str, StoryInput]) -> None:
    undated = [StoryInput(**{**_fields(inputs[i]), "published": None}) for i in ("ru-1", "ru-3")]
    same, score = StoryClusterer().pair_score(*undated)
    assert same and score > 0


def _fields(inp: StoryInput) -> dict[str, object]:
    return {name: getattr(inp, name) for name in StoryInput.__slots__}  # type: ignore[attr-defined]


# ---------------------------------------------------------------------- parts

@pytest.mark.parametrize(
    ("left", "right"),
    [("Лаврова", "Lavrov"), ("Блинкеном", "Blinken"), ("Анкаре", "Ankara"), ("НАТО", "NATO"),
     ("Трампа", "Trump's")],
)
def test_name_keys_meet_across_scripts(left: str, right: str) -> None:
    assert name_key(left) == name_key(right) is not None


@pytest.mark.parametrize(("gap", "expected"), [(0.0, 1.0), (2.0, 0.5), (3.5, 0.0), (40.0, 0.0)])
def test_time_decay(gap: float, expected: float) -> None:
    assert time_decay(gap, StorySettings()) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("join_threshold", -1.0, "join_threshold must be in"), ("num_perm", 4, "num_perm must be in"),
     ("window_days", 1000.0, "window_days must be in")],
)
def test_settings_are_checked(field: str, value: float, message: str) -> None:
    with pytest.raises(StorySettingsError, match=message):
        StorySettings(**{field: value})  # type: ignore[arg-type]


def test_empty_article_opens_its_own_story() -> None:
    empty = StoryInput("x", datetime(2024, 1, 1, tzinfo=UTC), "", "ru", None, [])
    assert StoryClusterer().add(empty).story_id == "story-x"


# ---------------------------------------------------------------------- contradictions

FORECAST = (
    "Синоптики Энского гидрометцентра обещают на {day} ноября облачную погоду. Ночью по области "
    "слабый снег, ветер северо-западный умеренный, температура от минус десяти до минус пятнадцати "
    "градусов. Днём без осадков, на дорогах местами гололедица, в областном центре около минус пяти."
)
RESIGNATION = (
    "Министр транспорта Энской области Игорь Петренко подал в отставку после проверки контрольного "
    "управления. Губернатор принял отставку и поручил провести конкурс на должность министра. "
    "Проверка выявила нарушения при закупке автобусов для областного транспортного предприятия."
)
SUCCESSOR = (
    "Губернатор Энской области назначил министром транспорта Олега Самойленко после отставки "
    "прежнего министра. Самойленко восемь лет руководил областным транспортным предприятием."
)
PAIRS = {
    "forecast-8": make("forecast-8", "Энская погода на 8 ноября", FORECAST.format(day=8), ""),
    "forecast-8b": make("forecast-8b", "Погода 8 ноября: снег и гололедица", FORECAST.format(day=8), ""),
    "forecast-16": make("forecast-16", "Энская погода на 16 ноября", FORECAST.format(day=16), ""),
    "resignation": make("resignation", "Министр транспорта Петренко ушёл в отставку", RESIGNATION, ""),
    "successor": make("successor", "Министром транспорта стал Самойленко", SUCCESSOR, ""),
}
RULES_OFF = StorySettings(day_conflict_factor=1.0, headline_name_factor=1.0)


@pytest.mark.parametrize(
    ("first", "second", "same_story"),
    [
        ("forecast-8", "forecast-8b", True),  # the same day's forecast, another headline
        ("forecast-8", "forecast-16", False),  # the same template for another day
        ("resignation", "successor", False),  # the successor named in one headline only
    ],
)
def test_contradictions_split_follow_ups(first: str, second: str, same_story: bool) -> None:
    lemmatizer = Lemmatizer()
    pair = [story_input_from_article(PAIRS[key], lemmatizer) for key in (first, second)]
    assert StoryClusterer().pair_score(*pair)[0] is same_story
    assert StoryClusterer(RULES_OFF).pair_score(*pair)[0]  # what the words alone would say


def test_stale_state_is_rebuilt(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "stories.db")) as store:
        store.add_articles(ARTICLES[:2])
        run_stories(store)
        store.add_articles(ARTICLES[2:4])
        assert run_stories(store).startswith("2 articles clustered")  # a current state continues
        old = StoryClusterer.loads(store.get_state(STATE_KEY) or b"")
        old.state_version = 1
        store.put_state(STATE_KEY, old.dumps())
        store.add_articles(ARTICLES[4:])
        assert run_stories(store).startswith(f"{len(ARTICLES)} articles clustered")
        with pytest.raises(StaleStateError):
            StoryClusterer.loads(old.dumps())
