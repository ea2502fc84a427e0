"""Event extraction: status cues, types, arguments, schema and evidence, table-driven."""

from __future__ import annotations

from typing import Any

import pytest

from parleywatch.export import validation_errors
from parleywatch.extract.article import Pipeline, text_article


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load()


def events_of(pipeline: Pipeline, text: str, language: str = "ru") -> list[dict[str, Any]]:
    return pipeline.run(text_article(text, language, "2025-06-10"))[2]


STATUS_CASES = [
    ("ru", "Консультации России и США в Стамбуле были отменены по инициативе американской стороны.", "cancelled"),
    ("ru", "Россия и США отложили новую встречу по работе посольств на несколько месяцев.", "postponed"),
    ("ru", "Переговоры России и США по визам приостановлены.", "suspended"),
    ("ru", "Новая встреча России и США по посольствам не запланирована.", "denied"),
    ("ru", "Следующий раунд переговоров России и США может состояться в Стамбуле.", "hypothetical"),
    ("ru", "Россия и США проведут переговоры в Стамбуле в июле.", "planned"),
    ("ru", "Россия и США провели переговоры в Стамбуле.", "occurred"),
    ("en", "The talks between Russia and the United States in Istanbul were called off.", "cancelled"),
    ("en", "Russia and the United States postponed the meeting in Istanbul.", "postponed"),
    ("en", "Russia and the United States will hold talks on embassies, but no date has been set.", "planned"),
    # a past-tense trigger happened, whatever a weaker cue later in the clause says ("a plan")
    ("en", "Russian and Ukrainian officials met in Ankara on Friday to discuss a new plan for prisoners.", "occurred"),
    ("uk", "Делегації України та США провели переговори в Анкарі, щоб узгодити план.", "occurred"),
    # the next clause cancels the same round when it points back to it
    ("ru", "Четвертый раунд консультаций России и США ожидался осенью в Анкаре, однако его отменили.", "cancelled"),
    ("ru", "Пятый раунд консультаций России и США планировалось провести в Женеве.", "planned"),
]

WANTED_CASES = [
    # what someone demands, proposes or could do has not happened
    ("ru", "Москва добивается возобновления прямого авиасообщения с США.", "COOPERATE"),
    ("en", "Moscow has asked Washington to resume direct flights.", "COOPERATE"),
    ("ru", "Эксперты считают, что стороны способны договориться о визах.", "AGREE"),
    ("ru", "Отказ от переговоров по визам был бы ошибкой, заявил Лавров.", "REJECT"),
    # what talks are about has not happened yet
    ("ru", "Москва начала консультации с Вашингтоном о возобновлении прямого авиасообщения.", "COOPERATE"),
]


@pytest.mark.parametrize(("language", "text", "kind"), WANTED_CASES)
def test_wanted_or_possible_events_are_hypothetical(pipeline: Pipeline, language: str, text: str, kind: str) -> None:
    statuses = {e["status"] for e in events_of(pipeline, text, language) if e["type"] == kind}
    assert statuses == {"hypothetical"}


@pytest.mark.parametrize(("language", "text", "status"), STATUS_CASES)
def test_status_cues(pipeline: Pipeline, language: str, text: str, status: str) -> None:
    events = [e for e in events_of(pipeline, text, language) if e["type"] == "CONSULT"]
    assert events and events[0]["status"] == status


TYPE_CASES = [
    ("ru", "Лавров позвонил Рубио по телефону и провёл телефонный разговор о визах.", "CONSULT", "phone"),
    ("ru", "Москва обвинила Вашингтон в захвате дипсобственности.", "ACCUSE", None),
    ("ru", "Россия и США договорились о восстановлении прямого авиасообщения.", "AGREE", None),
    ("en", "Russia demanded that the United States return its diplomatic property.", "REQUEST", None),
    ("en", "Washington rejected the Russian proposal on flights.", "REJECT", None),
]


@pytest.mark.parametrize(("language", "text", "kind", "mode"), TYPE_CASES)
def test_event_types(pipeline: Pipeline, language: str, text: str, kind: str, mode: str | None) -> None:
    assert (kind, mode) in {(e["type"], e["mode"]) for e in events_of(pipeline, text, language)}


def test_arguments_place_ordinal_issues_date(pipeline: Pipeline) -> None:
    text = "Третий раунд российско-американских консультаций по работе посольств прошел в Стамбуле 10 апреля."
    event = next(e for e in events_of(pipeline, text) if e["type"] == "CONSULT")
    assert event["ordinal"] == 3
    assert event["location"]["actor_id"] == "loc:istanbul"
    assert {"cty:ru", "cty:us"} <= set(event["participants"])
    assert "embassies" in event["issues"]
    assert event["date"]["start"] == "2025-04-10"


def test_no_date_is_unknown_not_publication(pipeline: Pipeline) -> None:
    event = events_of(pipeline, "Россия и США провели консультации по визам в Стамбуле.")[0]
    assert event["date"]["precision"] == "unknown" and event["date"]["start"] is None


def test_a_word_completing_an_office_title_is_no_event(pipeline: Pipeline) -> None:
    text = "В Анкару приехал спецпредставитель президента РФ по экономическому сотрудничеству Кирилл Дмитриев."
    assert "COOPERATE" not in {e["type"] for e in events_of(pipeline, text)}


def test_delegation_heads_join_the_meeting_reported_before(pipeline: Pipeline) -> None:
    text = ("Второй раунд консультаций России и США по работе посольств прошел в Анкаре. "
            "Делегации возглавили Сергей Рябков и Марко Рубио.")
    (meeting,) = [e for e in events_of(pipeline, text) if e["type"] == "CONSULT"]
    assert {"per:sergey-ryabkov", "per:marco-rubio"} <= set(meeting["participants"])


def test_schema_and_evidence(pipeline: Pipeline) -> None:
    text = ("Лавров и Рубио встретились в Эр-Рияде. Следующий раунд консультаций по посольствам отложили. "
            "«Мы обсудили визы и работу посольств», — сказал Лавров.")
    article = text_article(text, "ru", "2025-02-18")
    _, _, events, statements = pipeline.run(article)
    assert events and statements
    for record in events + statements:
        assert validation_errors(record) == []
        for span in record["evidence"]:
            assert article.text[span["start"] : span["end"]] == span["text"]
