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


NOT_HAPPENED_CASES = [
    # what is a question, discussed, demanded or being prepared has not happened
    ("ru", "Не продвинулся и вопрос о возобновлении прямых рейсов.", "COOPERATE", "hypothetical"),
    ("ru", "Стороны рассчитывают обсудить не только работу консульств, но и возобновление рейсов.", "COOPERATE",
     "hypothetical"),
    ("ru", "Дипломатам нужно перейти к таким темам, как возобновление рейсов.", "COOPERATE", "hypothetical"),
    ("ru", "Премьер требует для начала переговоров вывода войск и отказа от планов расширения.", "REJECT",
     "hypothetical"),
    ("ru", "Инициативы по организации саммита лидеров так и не последовало.", "CONSULT", "hypothetical"),
    ("en", "Officials said preparations for a summit of the two leaders continue.", "CONSULT", "hypothetical"),
    ("en", "The question of resuming direct flights remains open.", "COOPERATE", "hypothetical"),
    ("ru", "Дальнейшие встречи делегаций зависят от позиции Вашингтона по визам.", "CONSULT", "hypothetical"),
    # what the sides agreed on, or what is due, is planned
    ("ru", "Москва и Вашингтон договорились о возобновлении прямых рейсов.", "COOPERATE", "planned"),
    ("ru", "Консультации России и США по визам должны продолжиться завтра в Вене.", "CONSULT", "planned"),
]


@pytest.mark.parametrize(("language", "text", "kind", "status"), NOT_HAPPENED_CASES)
def test_what_is_wanted_discussed_or_agreed_has_not_happened(
    pipeline: Pipeline, language: str, text: str, kind: str, status: str
) -> None:
    assert {e["status"] for e in events_of(pipeline, text, language) if e["type"] == kind} == {status}


def test_not_only_but_also_is_one_clause(pipeline: Pipeline) -> None:
    """", но и" does not cut the wish off the second thing wished for."""
    text = "Москва надеется обсудить не только визы, но и возобновление прямых рейсов."
    assert [e["status"] for e in events_of(pipeline, text) if e["type"] == "COOPERATE"] == ["hypothetical"]


DATE_CASES = [
    # the date that depends on the meeting word, not the one of the verb reporting it
    ("Весной ходили слухи о возможной встрече делегаций в конце октября или начале ноября.",
     ("2025-10-21", "2025-11-10", "month")),
    ("Стороны провели консультации по визам в Стамбуле 10 апреля.", ("2025-04-10", "2025-04-10", "day")),
]


@pytest.mark.parametrize(("text", "expected"), DATE_CASES)
def test_the_meetings_own_date(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    event = next(e for e in events_of(pipeline, text) if e["type"] == "CONSULT")
    assert (event["date"]["start"], event["date"]["end"], event["date"]["precision"]) == expected


COUNT_CASES = [
    ("ru", "Россия и США провели две встречи по визам.", 2),
    ("ru", "Россия и США провели несколько раундов консультаций по визам.", 2),
    ("en", "Russia and the United States held three rounds of talks on embassies.", 3),
    ("ru", "Россия и США провели встречу по визам.", None),
]


@pytest.mark.parametrize(("language", "text", "count"), COUNT_CASES)
def test_counted_meetings(pipeline: Pipeline, language: str, text: str, count: int | None) -> None:
    event = next(e for e in events_of(pipeline, text, language) if e["type"] == "CONSULT")
    assert event.get("count") == count


BACK_CASES = [
    # the last or the first of the meetings just counted is a meeting of its own, numbered
    ("ru", "Россия и США провели три встречи по работе посольств. Последняя из них прошла в Женеве 5 июня.",
     (3, "2025-06-05", "loc:geneva")),
    ("ru", "Россия и США провели две встречи по визам. Первая из них состоялась в Женеве 3 марта.",
     (1, "2025-03-03", "loc:geneva")),
    ("en", "Russia and the United States held two meetings on embassies. The last of them took place in Geneva "
           "on 5 June.", (2, "2025-06-05", "loc:geneva")),
    ("uk", "Україна та США провели дві зустрічі щодо миру. Остання з них відбулася в Женеві 5 червня.",
     (2, "2025-06-05", "loc:geneva")),
]


@pytest.mark.parametrize(("language", "text", "expected"), BACK_CASES)
def test_one_of_the_meetings_just_told(pipeline: Pipeline, language: str, text: str,
                                       expected: tuple[int, str, str]) -> None:
    found = [(e.get("ordinal"), e["date"]["start"], (e["location"] or {}).get("actor_id"))
             for e in events_of(pipeline, text, language) if e["type"] == "CONSULT" and e["status"] == "occurred"]
    assert expected in found


FILL_CASES = [
    # a pronoun with a verb of taking place dates and places the meeting of the sentence before
    ("Делегации России и США провели встречу по работе посольств. Она состоялась в Женеве 14 октября.",
     ("2025-10-14", "loc:geneva")),
    # a breakthrough there was not on Friday: the held meeting told last was on Friday
    ("Делегации России и США провели переговоры в Женеве по визам. Источник сообщил, что «хотя в пятницу "
     "прорыва не было», стороны продолжат работу.", ("2025-11-07", "loc:geneva")),
]


@pytest.mark.parametrize(("text", "expected"), FILL_CASES)
def test_a_pointing_back_sentence_dates_the_meeting(pipeline: Pipeline, text: str, expected: tuple[str, str]) -> None:
    article = text_article(text, "ru", "2025-11-10")
    held = [e for e in pipeline.run(article)[2] if e["type"] == "CONSULT" and e["status"] == "occurred"]
    assert [(e["date"]["start"], (e["location"] or {}).get("actor_id")) for e in held] == [expected]
    assert len(held[0]["evidence"]) == 2
    assert all(article.text[s["start"] : s["end"]] == s["text"] for s in held[0]["evidence"])


def test_the_meeting_before_counted_ones_comes_after_them(pipeline: Pipeline) -> None:
    """"До этого стороны провели две встречи": the round told before them is the third."""
    text = ("Россия и США провели очередной раунд консультаций по работе посольств. Дата следующего не названа. "
            "До этого делегации провели две встречи по визам.")
    assert [e.get("ordinal") for e in events_of(pipeline, text) if e["type"] == "CONSULT"] == [3, None]


def test_a_sentence_with_its_own_meeting_takes_nothing_from_the_one_before(pipeline: Pipeline) -> None:
    text = "Россия и США провели две встречи по визам. Третья встреча прошла в Женеве 5 июня."
    found = [(e.get("ordinal"), e["date"]["start"]) for e in events_of(pipeline, text) if e["type"] == "CONSULT"]
    assert found == [(None, None), (3, "2025-06-05")]
