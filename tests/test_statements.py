"""Statements: quote styles, speech verbs, via chains, anonymous sources, pronoun carry-over."""

from __future__ import annotations

from typing import Any

import pytest

from parleywatch.extract.article import Pipeline, text_article


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load()


def statements_of(pipeline: Pipeline, text: str, language: str = "ru") -> list[dict[str, Any]]:
    return pipeline.run(text_article(text, language, "2025-06-10"))[3]


QUOTE_CASES = [
    ("ru", "«Работа посольств пока не восстановлена», — сказал Сергей Лавров.", "per:sergey-lavrov"),
    ("ru", "Сергей Лавров заявил: «Мы готовы обсуждать визы с американцами».", "per:sergey-lavrov"),
    ("ru", "— Мы ждём ответа от американской стороны, — пояснил Сергей Рябков.", "per:sergey-ryabkov"),
    ("ru", "„Вопрос о дипсобственности остаётся открытым“, — отметил Сергей Рябков.", "per:sergey-ryabkov"),
    ("en", "\"We are not there yet on the embassies,\" Marco Rubio said.", "per:marco-rubio"),
]


@pytest.mark.parametrize(("language", "text", "speaker"), QUOTE_CASES)
def test_quote_styles(pipeline: Pipeline, language: str, text: str, speaker: str) -> None:
    found = statements_of(pipeline, text, language)
    assert found and found[0]["direct"] and found[0]["speaker"]["actor_id"] == speaker


INDIRECT_CASES = [
    ("ru", "Сергей Лавров заявил, что диалог с Вашингтоном идёт медленно.", "per:sergey-lavrov"),
    ("ru", "Новый раунд консультаций пока не назначен, сообщил Сергей Рябков.", "per:sergey-ryabkov"),
    ("ru", "По словам Сергея Рябкова, стороны обменялись предложениями по визам.", "per:sergey-ryabkov"),
    ("en", "Marco Rubio said that the talks on flights would continue.", "per:marco-rubio"),
    # evaluative speech acts state an opinion too
    ("ru", "Сергей Лавров раскритиковал решение Вашингтона закрыть генконсульство в Сиэтле.", "per:sergey-lavrov"),
    ("ru", "Марко Рубио призвал Москву вернуться к переговорам по визам.", "per:marco-rubio"),
]


@pytest.mark.parametrize(("language", "text", "speaker"), INDIRECT_CASES)
def test_indirect_speech(pipeline: Pipeline, language: str, text: str, speaker: str) -> None:
    found = statements_of(pipeline, text, language)
    assert found and not found[0]["direct"] and found[0]["speaker"]["actor_id"] == speaker


ANONYMOUS_CASES = [
    ("ru", "— Контакты по визам сейчас заморожены, — рассказал собеседник в МИД.", "собеседник в МИД"),
    ("ru", "Один западный чиновник сказал, что встреча вряд ли состоится.", "Один западный чиновник"),
    ("en", "\"Nobody expects a breakthrough this month,\" a Western official said.", "a Western official"),
]


@pytest.mark.parametrize(("language", "text", "name"), ANONYMOUS_CASES)
def test_anonymous_sources(pipeline: Pipeline, language: str, text: str, name: str) -> None:
    speaker = statements_of(pipeline, text, language)[0]["speaker"]
    assert speaker == {"actor_id": None, "name": name, "type": "anonymous"}


VIA_CASES = [
    ("Переговоры по посольствам продолжатся весной, сказал Сергей Рябков, пишет «Интерфакс».", ["interfax"]),
    ("Сергей Лавров заявил, что визы обсуждаются, передает ТАСС.", ["tass"]),
]


@pytest.mark.parametrize(("text", "via"), VIA_CASES)
def test_via_chains(pipeline: Pipeline, text: str, via: list[str]) -> None:
    assert statements_of(pipeline, text)[0]["via"] == via


def test_pronoun_carry_over(pipeline: Pipeline) -> None:
    text = ("Сергей Рябков заявил, что консультации по визам продолжатся. "
            "По его словам, стороны обменялись новыми предложениями.")
    found = statements_of(pipeline, text)
    assert [s["speaker"]["actor_id"] for s in found] == ["per:sergey-ryabkov", "per:sergey-ryabkov"]


def test_statement_date_is_publication_day(pipeline: Pipeline) -> None:
    found = statements_of(pipeline, "Сергей Лавров заявил, что диалог с Вашингтоном идёт медленно.")
    assert found[0]["date"] == {"start": "2025-06-10", "end": "2025-06-10", "precision": "day", "text": ""}
