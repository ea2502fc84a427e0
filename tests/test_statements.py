"""Statements: quote styles, speech verbs, opinions and stances, speakers from syntax, via chains,
anonymous sources, pronoun carry-over; the RuOpinionNE scorer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parleywatch.actors import ArticleLinks
from parleywatch.evaluation.statements import run_statements, speaker_spans
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
    # more "according to" openers
    ("ru", "По утверждению Сергея Лаврова, стороны обменялись списками дипломатов.", "per:sergey-lavrov"),
    ("ru", "По версии Госдепартамента, консультации по визам прошли конструктивно.", "org:us-state-department"),
    ("uk", "Як повідомляє Марко Рубіо, переговори щодо віз тривають.", "per:marco-rubio"),
    # a document speaks for whoever issued it
    ("ru", "В заявлении МИД России говорится, что Москва готова продолжить диалог по визам.", "org:ru-mfa"),
    ("ru", "На сайте Госдепартамента отмечается, что консультации по визам прошли конструктивно.",
     "org:us-state-department"),
    ("ru", "В телеграм-канале Марии Захаровой сказано, что визит Рубио отложен на месяц.", "per:maria-zakharova"),
    # a name the parser hung on the noun before it ("с министром Рябков": Ins and Nom disagree)
    ("ru", "После спора с послом Рябков заявил о переносе консультаций.", "per:sergey-ryabkov"),
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


# ---------------------------------------------------------------- opinions and stances


ACT_CASES = [
    ("ru", "Сергей Лавров считает, что диалог с Вашингтоном зашел в тупик.", "per:sergey-lavrov", "opinion"),
    ("ru", "Сергей Рябков уверен, что консультации по визам продолжатся весной.", "per:sergey-ryabkov", "opinion"),
    ("ru", "По мнению Сергея Лаврова, новые санкции не помогут переговорам.", "per:sergey-lavrov", "opinion"),
    ("ru", "Визы, по мнению Сергея Рябкова, обсудят на следующем раунде.", "per:sergey-ryabkov", "opinion"),
    ("ru", "МИД России выступил против расширения санкций в отношении дипломатов.", "org:ru-mfa", "stance"),
    ("ru", "МИД России выразил обеспокоенность задержкой выдачи виз.", "org:ru-mfa", "stance"),
    ("ru", "Мария Захарова назвала заявление Госдепартамента провокацией.", "per:maria-zakharova", "stance"),
    ("ru", "Мария Захарова осудила высылку российских дипломатов.", "per:maria-zakharova", "stance"),
    ("ru", "Сергей Лавров не исключил, что следующий раунд пройдет в Стамбуле.", "per:sergey-lavrov", "opinion"),
    ("ru", "Сергей Рябков посчитал, что американская сторона затягивает консультации.", "per:sergey-ryabkov",
     "opinion"),
    # an outlet's report frames the words of the person it reports ("«Ъ»" is Kommersant)
    ("ru", "Как сообщал «Ъ» в мае, Сергей Рябков не исключил переноса консультаций на осень.",
     "per:sergey-ryabkov", "opinion"),
    ("ru", "Сергей Рябков сообщил о переносе консультаций на весну.", "per:sergey-ryabkov", "speech"),
    ("uk", "Володимир Зеленський вважає, що мирний план потребує змін.", "per:volodymyr-zelensky", "opinion"),
    ("en", "Marco Rubio believes that the embassies will reopen soon.", "per:marco-rubio", "opinion"),
    ("en", "Marco Rubio expressed concern about the pace of the talks.", "per:marco-rubio", "stance"),
]


@pytest.mark.parametrize(("language", "text", "speaker", "act"), ACT_CASES)
def test_opinions_and_stances(pipeline: Pipeline, language: str, text: str, speaker: str, act: str) -> None:
    found = statements_of(pipeline, text, language)
    assert found and found[0]["speaker"]["actor_id"] == speaker and found[0]["act"] == act


# The speaker is the cue's grammatical subject, also through clauses that share it.
SUBJECT_CASES = [
    ("Высылки дипломатов потребовали депутаты нескольких фракций.", "депутаты нескольких фракций"),
    ("Сергей Лавров прибыл в Анкару и заявил, что переговоры продолжатся весной.", "Sergey Lavrov"),
    ("Мария Захарова ответила на вопросы, заявив, что Москва ждет ответа Вашингтона.", "Maria Zakharova"),
    ("Дипломаты, которые считают, что визы вернут весной, остаются в меньшинстве.", "Дипломаты"),
    ("Сергей Рябков, заявивший, что консультации продолжатся, покинул Стамбул.", "Sergey Ryabkov"),
    ("В посольстве подчеркнули, что формат касается только работы дипмиссий.", "посольстве"),
    ("Сын Сергея Лаврова заявил, что гордится работой отца в министерстве.", "Сын Сергея Лаврова"),
    ("Юристы посольства считают претензии Госдепартамента необоснованными.", "Юристы посольства"),
    ("Эксперты, которые предсказывали, что визы вернут весной, ошиблись.", "Эксперты"),
    # "по словам его сторонников": the supporters speak, not the man "его" stands for
    ("Рубио назвал план, который, по словам его сторонников, вернёт диалог, своим.", "его сторонников"),
]


@pytest.mark.parametrize(("text", "name"), SUBJECT_CASES)
def test_speaker_is_the_subject(pipeline: Pipeline, text: str, name: str) -> None:
    assert statements_of(pipeline, text)[0]["speaker"]["name"] == name


NOT_STATEMENTS = [
    "Сергей Лавров уволил начальника департамента Северной Америки.",  # an action, not a position
    "Суд приговорил бывшего дипломата к трем годам заключения.",
    "Сергей Рябков назвал дату следующего раунда консультаций.",  # naming a date states nothing
    "Кризис вокруг посольств угрожает дестабилизировать отношения двух стран.",  # a crisis takes no position
    "Россия оставляет за собой право ответить на размещение ракет.",  # an infinitive is no act performed
    "Заключенный американец был освобожден в рамках обмена.",
    "Сергей Рябков не уточнил, когда пройдет следующий раунд консультаций.",  # what was not said
]


@pytest.mark.parametrize("text", NOT_STATEMENTS)
def test_not_statements(pipeline: Pipeline, text: str) -> None:
    assert statements_of(pipeline, text) == []


def test_speaker_mention_points_at_the_words(pipeline: Pipeline) -> None:
    text = "Визы обсудят весной, сказал журналистам Сергей Рябков."
    mention = statements_of(pipeline, text)[0]["speaker_mention"]
    assert text[mention["start"] : mention["end"]] == mention["text"] == "Сергей Рябков"


PRONOUN_CASES = [
    ("Сергей Рябков прибыл в Женеву. Он заявил, что консультации по визам продолжатся весной.", "per:sergey-ryabkov"),
    ("Мария Захарова и Сергей Рябков прибыли в Женеву. Она заявила, что ответ Вашингтона ожидается весной.",
     "per:maria-zakharova"),
    # named earlier in the same sentence
    ("Вышло интервью Сергея Рябкова, в котором он раскритиковал решение Вашингтона по визам.", "per:sergey-ryabkov"),
]


@pytest.mark.parametrize(("text", "speaker"), PRONOUN_CASES)
def test_pronoun_finds_the_person_named_before(pipeline: Pipeline, text: str, speaker: str) -> None:
    assert [s["speaker"]["actor_id"] for s in statements_of(pipeline, text)] == [speaker]


def test_outlet_is_no_speaker(pipeline: Pipeline) -> None:
    found = statements_of(pipeline, "Как сообщает ТАСС, Сергей Лавров заявил, что визы обсуждаются весной.")
    assert found[0]["speaker"]["actor_id"] == "per:sergey-lavrov" and found[0]["via"] == ["tass"]


@pytest.mark.parametrize(("text", "outlet"), [
    ("По данным ТАСС, консультации по визам перенесли на весну.", "tass"),
    ("Как сообщает «Интерфакс», консультации по визам перенесли на весну.", "interfax"),
])
def test_an_outlet_on_its_own_account_is_the_speaker_and_the_chain(pipeline: Pipeline, text: str,
                                                                   outlet: str) -> None:
    found = statements_of(pipeline, text)[0]
    assert found["speaker"]["actor_id"] == f"org:{outlet}" and found["via"] == [outlet]


def test_english_speaker_after_the_content(pipeline: Pipeline) -> None:
    found = statements_of(pipeline, "The embassies will reopen in the spring, a Western official said.", "en")
    assert found[0]["speaker"]["name"] == "a Western official" and found[0]["text"].startswith("The embassies")


# ---------------------------------------------------------------- the RuOpinionNE scorer


def _opinion_row(text: str, holders: list[tuple[str, str]]) -> str:
    sources = [[h for h, _ in holders], [s for _, s in holders]]
    return json.dumps({"text": text, "opinions": [{"Source": sources}]}, ensure_ascii=False)


SCORER_CASES = [
    # two opinions of the author, no statement: one AUTHOR case, right
    ("Переговоры о визах снова зашли в тупик.", [("AUTHOR", "0:0"), ("AUTHOR", "0:0")], (1, 1, 0)),
    # an unlinked speaker is matched by the words that name it
    ("Столичные журналисты заявили, что посол должен уйти в отставку.", [("Столичные журналисты", "0:20")], (1, 0, 1)),
    # a statement by someone who is not the holder is wrong
    ("Сергей Лавров заявил, что Мария Захарова осудила высылку дипломатов.", [("Мария Захарова", "26:40")], (0, 0, 1)),
]


@pytest.mark.parametrize(("text", "holders", "expected"), SCORER_CASES)
def test_scorer(pipeline: Pipeline, tmp_path: Path, text: str, holders: list[tuple[str, str]],
                expected: tuple[int, int, int]) -> None:
    path = tmp_path / "opinions.jsonl"
    path.write_text(_opinion_row(text, holders) + "\n", "utf-8")
    result = run_statements(path, pipeline=pipeline)
    assert (result["correct"], result["author_cases"], result["named_cases"]) == expected


def test_unlinked_speaker_spans_come_from_the_record() -> None:
    text = "Эксперты спорят, но эксперты из Вены считают, что визы вернут весной."
    statement = {"speaker": {"actor_id": None, "name": "эксперты"}, "speaker_mention": {"start": 20, "end": 28}}
    assert speaker_spans(statement, ArticleLinks(), text) == [(20, 28)]


# ---------------------------------------------------------------- attributions that point back


def cut(text: str, found: dict[str, Any]) -> list[str]:
    """The evidence spans as cut from the text (each must equal its own ``text``)."""
    assert all(text[e["start"] : e["end"]] == e["text"] for e in found["evidence"])
    return [e["text"] for e in found["evidence"]]


# (language, text, speaker id, content, evidence sentences)
BACKWARD_CASES = [
    ("ru", "Консультации по визам стали регулярными с весны. Об этом сообщил министр иностранных дел России "
     "Сергей Лавров.", "per:sergey-lavrov", "Консультации по визам стали регулярными с весны", 2),
    ("ru", "Новый раунд консультаций пока не назначен. Об этом сообщили в американском посольстве.",
     "org:us-embassy", "Новый раунд консультаций пока не назначен", 2),
    ("ru", "Переговоры по посольствам приостановлены. Об этом говорится в заявлении МИД России.",
     "org:ru-mfa", "Переговоры по посольствам приостановлены", 2),
    ("ru", "Переговоры по визам приостановлены, о чем сообщил Сергей Рябков.",
     "per:sergey-ryabkov", "Переговоры по визам приостановлены", 1),
    ("uk", "Переговори щодо посольств призупинено. Про це заявив міністр закордонних справ України Андрій Сибіга.",
     "per:andrii-sybiha", "Переговори щодо посольств призупинено", 2),
    ("en", "The talks on embassies have stalled. This was announced by Marco Rubio.",
     "per:marco-rubio", "The talks on embassies have stalled", 2),
]


@pytest.mark.parametrize(("language", "text", "speaker", "content", "sentences"), BACKWARD_CASES)
def test_attribution_after_the_content(pipeline: Pipeline, language: str, text: str, speaker: str, content: str,
                                       sentences: int) -> None:
    (found,) = statements_of(pipeline, text, language)
    assert (found["speaker"]["actor_id"], found["text"]) == (speaker, content)
    assert len(cut(text, found)) == sentences and content in found["evidence"][0]["text"]


def test_pronoun_after_an_attribution_pointing_back(pipeline: Pipeline) -> None:
    text = ("Консультации по визам стали регулярными с весны. Об этом сообщил Сергей Лавров. "
            "По его словам, стороны обменялись новыми предложениями.")
    assert [s["speaker"]["actor_id"] for s in statements_of(pipeline, text)] == ["per:sergey-lavrov"] * 2


def test_a_quote_pointed_back_at_is_direct(pipeline: Pipeline) -> None:
    (found,) = statements_of(pipeline, "«Мы готовы обсуждать визы с американцами». Об этом заявил Сергей Рябков.")
    assert found["direct"] and found["text"] == "Мы готовы обсуждать визы с американцами"


def test_the_attribution_dates_the_statement(pipeline: Pipeline) -> None:
    text = "Переговоры по визам приостановлены. Об этом в понедельник заявила Мария Захарова."
    assert statements_of(pipeline, text)[0]["date"]["start"] == "2025-06-09"


# An outlet pointing back is the chain of what the sentence before said, not a speaker.
OUTLET_CASES = [
    ("По словам источника, переговоры по визам приостановлены. Об этом пишет «Коммерсантъ».",
     "источника", ["kommersant"], 2),
    ("Переговоры по визам приостановлены. Об этом сообщает ТАСС со ссылкой на источник в МИД.",
     "источник в МИД", ["tass"], 2),
]


@pytest.mark.parametrize(("text", "name", "via", "sentences"), OUTLET_CASES)
def test_an_outlet_pointing_back_joins_the_chain(pipeline: Pipeline, text: str, name: str, via: list[str],
                                                  sentences: int) -> None:
    (found,) = statements_of(pipeline, text)
    assert (found["speaker"]["name"], found["via"], len(cut(text, found))) == (name, via, sentences)


NOT_POINTING_BACK = [
    # a new paragraph starts a new thought: the attribution has nothing before it to point at
    ("ru", "Переговоры по визам приостановлены.\n\nОб этом сообщил Сергей Лавров.", []),
    # a sentence with content of its own before the comma says that content
    ("en", "The embassies will reopen soon. This was a hard call, Marco Rubio said.", ["This was a hard call"]),
    ("ru", "Об этом мало кто знает. Визы обсудят весной.", []),
]


@pytest.mark.parametrize(("language", "text", "contents"), NOT_POINTING_BACK)
def test_not_pointing_back(pipeline: Pipeline, language: str, text: str, contents: list[str]) -> None:
    assert [s["text"] for s in statements_of(pipeline, text, language)] == contents
