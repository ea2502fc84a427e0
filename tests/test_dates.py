"""Date expressions resolved against the publication date (``parleywatch.extract.dates``)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from yargy import Parser  # type: ignore[import-untyped]

from parleywatch.extract.dates import (
    PRECISIONS,
    UNKNOWN,
    DateFinder,
    DateSpan,
    find_dates,
    join_alternatives,
    resolve_expression,
)
from parleywatch.extract.dates.facts import adapt_match
from parleywatch.extract.dates.grammars import GRAMMARS, TOKENIZER
from parleywatch.extract.dates.lookahead import LookaheadParser

SUN = date(2025, 12, 21)  # a Sunday
WED = date(2025, 12, 17)
SAT = date(2025, 12, 20)
NOV11 = date(2025, 11, 11)
DEC23 = date(2025, 12, 23)
DEC30 = date(2025, 12, 30)


@pytest.fixture(scope="session")
def finder() -> DateFinder:
    return DateFinder()


# (sentence, language, published, future, surface text, start, end, precision)
# fmt: off
CASES = [
    # ---- absolute dates with a year
    ("Соглашение подписали 10 апреля 2025 года в Анкаре.", "ru", SUN, None,
     "10 апреля 2025 года", "2025-04-10", "2025-04-10", "day"),
    ("Документ датирован 10.04.2025 и заверен.", "ru", SUN, None, "10.04.2025", "2025-04-10", "2025-04-10", "day"),
    ("Протокол от 2025-04-10 лежит в архиве.", "ru", SUN, None, "2025-04-10", "2025-04-10", "2025-04-10", "day"),
    ("Мирну заяву ухвалили 10 квітня 2025 року.", "uk", SUN, None,
     "10 квітня 2025 року", "2025-04-10", "2025-04-10", "day"),
    ("The memorandum was initialled on April 10, 2025 in Ankara.", "en", SUN, None,
     "April 10, 2025", "2025-04-10", "2025-04-10", "day"),
    ("Envoys met 10 April 2025 behind closed doors.", "en", SUN, None,
     "10 April 2025", "2025-04-10", "2025-04-10", "day"),
    # ---- absolute dates without a year
    ("Консультации экспертов прошли 10 апреля.", "ru", date(2025, 12, 15), None,
     "10 апреля", "2025-04-10", "2025-04-10", "day"),
    ("Следующая встреча назначена на 10 апреля.", "ru", date(2025, 12, 15), True,
     "10 апреля", "2026-04-10", "2026-04-10", "day"),
    ("Обмен пленными состоялся 12 февраля.", "ru", DEC30, None, "12 февраля", "2025-02-12", "2025-02-12", "day"),
    ("The prisoner swap took place on 12 February.", "en", DEC30, None,
     "12 February", "2025-02-12", "2025-02-12", "day"),
    ("Переговорщики встретятся 12 февраля.", "ru", DEC30, True, "12 февраля", "2026-02-12", "2026-02-12", "day"),
    # ---- months and years
    ("Делегации обменялись нотами в феврале 2025 года.", "ru", SUN, None,
     "в феврале 2025 года", "2025-02-01", "2025-02-28", "month"),
    ("Посредники побывали в регионе в апреле.", "ru", SUN, None, "в апреле", "2025-04-01", "2025-04-30", "month"),
    ("Новый раунд пройдёт в апреле.", "ru", SUN, True, "в апреле", "2026-04-01", "2026-04-30", "month"),
    # a plan for a period that ended days before publication slipped; it is not a year away
    ("Встречи ожидались в начале ноября.", "ru", NOV11, True,
     "в начале ноября", "2025-11-01", "2025-11-10", "month"),
    ("The talks were due in late October.", "en", NOV11, True,
     "in late October", "2025-10-21", "2025-10-31", "month"),
    ("Режим тишины действует с февраля 2025 года.", "ru", SUN, None,
     "с февраля 2025 года", "2025-02-01", "2025-02-28", "month"),
    ("Переговоры начались в 2025 году.", "ru", SUN, None, "в 2025 году", "2025-01-01", "2025-12-31", "year"),
    ("Контакты прервались в прошлом году.", "ru", SUN, None, "в прошлом году", "2024-01-01", "2024-12-31", "year"),
    ("Стороны договорились в апреле прошлого года.", "ru", SUN, None,
     "в апреле прошлого года", "2024-04-01", "2024-04-30", "month"),
    ("Эксперты созванивались в прошлом месяце.", "ru", SUN, None,
     "в прошлом месяце", "2025-11-01", "2025-11-30", "month"),
    ("Документ обещают подготовить до конца года.", "ru", SUN, True,
     "до конца года", "2025-09-01", "2025-12-31", "year"),
    ("The mediators travelled to the region in February 2025.", "en", SUN, None,
     "in February 2025", "2025-02-01", "2025-02-28", "month"),
    ("Talks stalled in April.", "en", SUN, None, "in April", "2025-04-01", "2025-04-30", "month"),
    ("Both sides hardened their positions last year.", "en", SUN, None,
     "last year", "2024-01-01", "2024-12-31", "year"),
    # ---- weekdays
    # a bare weekday on that very weekday is the publication day (agency copy)
    ("Министр заявил об этом в субботу.", "ru", SUN, None, "в субботу", "2025-12-20", "2025-12-20", "day"),
    ("Министр заявил об этом в субботу.", "ru", SAT, None, "в субботу", "2025-12-20", "2025-12-20", "day"),
    ("Стороны созвонились в понедельник.", "ru", SUN, None, "в понедельник", "2025-12-15", "2025-12-15", "day"),
    ("Делегации встретятся в эту субботу.", "ru", WED, None, "в эту субботу", "2025-12-20", "2025-12-20", "day"),
    ("Делегации встретятся в субботу.", "ru", WED, True, "в субботу", "2025-12-20", "2025-12-20", "day"),
    ("Раунд начнётся в следующий вторник.", "ru", SUN, None,
     "в следующий вторник", "2025-12-23", "2025-12-23", "day"),
    ("Посол прибув до столиці у п'ятницю.", "uk", SUN, None, "у п'ятницю", "2025-12-19", "2025-12-19", "day"),
    ("The envoy spoke to reporters on Saturday.", "en", SUN, None, "on Saturday", "2025-12-20", "2025-12-20", "day"),
    ("The delegations met last Thursday.", "en", SUN, None, "last Thursday", "2025-12-18", "2025-12-18", "day"),
    ("A new round opens next Monday.", "en", SUN, None, "next Monday", "2025-12-22", "2025-12-22", "day"),
    ("The ministry said Saturday that it was ready.", "en", SUN, None,
     "Saturday", "2025-12-20", "2025-12-20", "day"),
    # ---- days around publication
    ("Об этом сегодня сообщил источник.", "ru", SUN, None, "сегодня", "2025-12-21", "2025-12-21", "day"),
    ("Заявление появилось вчера.", "ru", SUN, None, "вчера", "2025-12-20", "2025-12-20", "day"),
    ("Звонок состоялся позавчера.", "ru", SUN, None, "позавчера", "2025-12-19", "2025-12-19", "day"),
    ("Делегации прибудут завтра.", "ru", SUN, None, "завтра", "2025-12-22", "2025-12-22", "day"),
    ("Итоги подведут послезавтра.", "ru", SUN, None, "послезавтра", "2025-12-23", "2025-12-23", "day"),
    ("The text was leaked yesterday.", "en", SUN, None, "yesterday", "2025-12-20", "2025-12-20", "day"),
    ("Voting is due tomorrow.", "en", SUN, None, "tomorrow", "2025-12-22", "2025-12-22", "day"),
    ("They signed it the day before yesterday.", "en", SUN, None,
     "the day before yesterday", "2025-12-19", "2025-12-19", "day"),
    ("Сегодня, 21 декабря, делегации обменялись документами.", "ru", SUN, None,
     "Сегодня, 21 декабря", "2025-12-21", "2025-12-21", "day"),
    ("Вчера, 31 декабря, стороны подписали протокол.", "ru", date(2026, 1, 1), None,
     "Вчера, 31 декабря", "2025-12-31", "2025-12-31", "day"),
    ("В субботу, 20 декабря, прошёл обмен.", "ru", SUN, None,
     "В субботу, 20 декабря", "2025-12-20", "2025-12-20", "day"),
    ("On Saturday, Dec. 20, the two sides exchanged drafts.", "en", SUN, None,
     "On Saturday, Dec. 20", "2025-12-20", "2025-12-20", "day"),
    # ---- parts of months
    ("Контакты возобновились в начале ноября.", "ru", date(2025, 11, 20), None,
     "в начале ноября", "2025-11-01", "2025-11-10", "month"),
    ("Перемирие нарушалось в середине ноября.", "ru", SUN, None,
     "в середине ноября", "2025-11-11", "2025-11-20", "month"),
    ("Стороны обменялись обвинениями в конце октября.", "ru", NOV11, None,
     "в конце октября", "2025-10-21", "2025-10-31", "month"),
    ("Проект передали в конце февраля 2024 года.", "ru", SUN, None,
     "в конце февраля 2024 года", "2024-02-21", "2024-02-29", "month"),
    ("Опрос провели в первой половине декабря.", "ru", SUN, None,
     "в первой половине декабря", "2025-12-01", "2025-12-15", "month"),
    ("Fighting flared in early November.", "en", SUN, None, "in early November", "2025-11-01", "2025-11-10", "month"),
    ("The draft was circulated at the end of October.", "en", NOV11, None,
     "at the end of October", "2025-10-21", "2025-10-31", "month"),
    ("A ceasefire held until mid-November.", "en", SUN, None,
     "until mid-November", "2025-11-11", "2025-11-20", "month"),
    # ---- seasons
    ("Первый раунд прошёл весной.", "ru", DEC23, None, "весной", "2025-03-01", "2025-05-31", "season"),
    ("Следующий раунд ожидается в начале весны.", "ru", DEC23, True,
     "в начале весны", "2026-03-01", "2026-03-31", "season"),
    ("Стороны сблизились в начале весны.", "ru", DEC23, None, "в начале весны", "2025-03-01", "2025-03-31", "season"),
    ("Этой осенью переговоры зашли в тупик.", "ru", DEC23, None,
     "Этой осенью", "2025-09-01", "2025-11-30", "season"),
    ("Осенью стороны сделали паузу.", "ru", date(2025, 10, 15), None,
     "Осенью", "2025-09-01", "2025-11-30", "season"),
    ("Обмен пленными начался летом 2025 года.", "ru", DEC23, None,
     "летом 2025 года", "2025-06-01", "2025-08-31", "season"),
    ("Бои затихли зимой 2025 года.", "ru", DEC23, None, "зимой 2025 года", "2024-12-01", "2025-02-28", "season"),
    ("Прошлой весной контакты прервались.", "ru", DEC23, None,
     "Прошлой весной", "2025-03-01", "2025-05-31", "season"),
    ("Следующей весной ожидается саммит.", "ru", DEC23, None,
     "Следующей весной", "2026-03-01", "2026-05-31", "season"),
    ("Делегації зустрілися навесні.", "uk", DEC23, None, "навесні", "2025-03-01", "2025-05-31", "season"),
    ("A new round is expected in early spring.", "en", DEC23, True,
     "in early spring", "2026-03-01", "2026-03-31", "season"),
    ("The talks collapsed in the autumn.", "en", DEC23, None, "in the autumn", "2025-09-01", "2025-11-30", "season"),
    ("Negotiators met in the spring of 2024.", "en", DEC23, None,
     "in the spring of 2024", "2024-03-01", "2024-05-31", "season"),
    ("A summit is planned for next summer.", "en", DEC23, None, "next summer", "2026-06-01", "2026-08-31", "season"),
    # ---- weeks
    ("Эксперты встречались на прошлой неделе.", "ru", SUN, None,
     "на прошлой неделе", "2025-12-08", "2025-12-14", "week"),
    ("Ответ ожидается на этой неделе.", "ru", SUN, None, "на этой неделе", "2025-12-15", "2025-12-21", "week"),
    ("Раунд пройдёт на следующей неделе.", "ru", SUN, None,
     "на следующей неделе", "2025-12-22", "2025-12-28", "week"),
    ("Сторони обмінялися листами минулого тижня.", "uk", SUN, None,
     "минулого тижня", "2025-12-08", "2025-12-14", "week"),
    ("Both envoys were in Vienna last week.", "en", SUN, None, "last week", "2025-12-08", "2025-12-14", "week"),
    ("The vote is scheduled for next week.", "en", SUN, None, "next week", "2025-12-22", "2025-12-28", "week"),
    # ---- counted spans
    ("Меморандум подписали год назад.", "ru", NOV11, None, "год назад", "2024-11-01", "2024-11-30", "month"),
    ("Проект передали более полугода назад.", "ru", NOV11, None,
     "более полугода назад", None, "2025-05-11", "month"),
    ("Письмо отправили месяц назад.", "ru", NOV11, None, "месяц назад", "2025-10-01", "2025-10-31", "month"),
    ("Встреча была неделю назад.", "ru", SUN, None, "неделю назад", "2025-12-08", "2025-12-14", "week"),
    ("Обстрел начался два дня назад.", "ru", SUN, None, "два дня назад", "2025-12-19", "2025-12-19", "day"),
    ("Звонок был 5 дней назад.", "ru", SUN, None, "5 дней назад", "2025-12-16", "2025-12-16", "day"),
    ("Делегации снова встретятся через неделю.", "ru", SUN, None,
     "через неделю", "2025-12-22", "2025-12-28", "week"),
    ("Shelling resumed three days ago.", "en", SUN, None, "three days ago", "2025-12-18", "2025-12-18", "day"),
    ("The framework was agreed a year ago.", "en", NOV11, None, "a year ago", "2024-11-01", "2024-11-30", "month"),
    ("The draft was sent more than six months ago.", "en", NOV11, None,
     "more than six months ago", None, "2025-05-11", "month"),
    ("They last spoke less than a week ago.", "en", SUN, None,
     "less than a week ago", "2025-12-14", "2025-12-21", "week"),
    ("Звонок был несколько дней назад.", "ru", SUN, None,
     "несколько дней назад", "2025-12-14", "2025-12-19", "day"),
    ("Drafts were swapped a few weeks ago.", "en", SUN, None,
     "a few weeks ago", "2025-10-27", "2025-12-07", "week"),
    # ---- ranges
    ("Раунд прошёл с 10 по 12 апреля.", "ru", SUN, None, "с 10 по 12 апреля", "2025-04-10", "2025-04-12", "day"),
    ("Раунд прошёл 10–12 апреля 2025 года.", "ru", SUN, None,
     "10–12 апреля 2025 года", "2025-04-10", "2025-04-12", "day"),
    ("Эксперты работали с 28 февраля по 2 марта.", "ru", SUN, None,
     "с 28 февраля по 2 марта", "2025-02-28", "2025-03-02", "day"),
    ("Перемирие соблюдалось с 30 декабря по 2 января.", "ru", date(2026, 2, 1), None,
     "с 30 декабря по 2 января", "2025-12-30", "2026-01-02", "day"),
    ("Наблюдатели работали с февраля по апрель.", "ru", SUN, None,
     "с февраля по апрель", "2025-02-01", "2025-04-30", "month"),
    ("Talks ran between 10 and 12 April.", "en", SUN, None,
     "between 10 and 12 April", "2025-04-10", "2025-04-12", "day"),
    ("Talks ran April 10-12, 2025 in Geneva.", "en", SUN, None,
     "April 10-12, 2025", "2025-04-10", "2025-04-12", "day"),
    ("Monitors were deployed from February to April 2025.", "en", SUN, None,
     "from February to April 2025", "2025-02-01", "2025-04-30", "month"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "language", "published", "future", "surface", "start", "end", "precision"), CASES)
def test_expression_resolves(
    finder: DateFinder,
    sentence: str,
    language: str,
    published: date,
    future: bool | None,
    surface: str,
    start: str | None,
    end: str | None,
    precision: str,
) -> None:
    (span,) = finder.find(sentence, published, language, future)
    assert (span.text, span.start, span.end, span.precision) == (surface, start, end, precision)
    assert sentence[span.char_start : span.char_end] == span.text


def test_two_spans_for_alternatives(finder: DateFinder) -> None:
    spans = finder.find("Встреча прошла в конце октября или начале ноября.", date(2025, 11, 20))
    got = [(s.text, s.start, s.end, s.precision) for s in spans]
    assert got == [
        ("в конце октября", "2025-10-21", "2025-10-31", "month"),
        ("начале ноября", "2025-11-01", "2025-11-10", "month"),
    ]


# (text, language, published, joined spans as (text, start, end, precision))
JOIN_CASES = [
    ("Встреча прошла в конце октября или начале ноября.", "ru", date(2025, 11, 20),
     [("в конце октября или начале ноября", "2025-10-21", "2025-11-10", "month")]),
    ("Зустріч пройшла наприкінці жовтня або на початку листопада.", "uk", date(2025, 11, 20),
     [("наприкінці жовтня або на початку листопада", "2025-10-21", "2025-11-10", "month")]),
    ("The talks took place in late October or early November.", "en", date(2025, 11, 20),
     [("in late October or early November", "2025-10-21", "2025-11-10", "month")]),
    # "and", or words between, keep two dates apart
    ("Раунды прошли 27 февраля и 10 апреля.", "ru", date(2025, 11, 20),
     [("27 февраля", "2025-02-27", "2025-02-27", "day"), ("10 апреля", "2025-04-10", "2025-04-10", "day")]),
    ("Весной, или по крайней мере в мае, стороны встречались.", "ru", date(2025, 6, 20),
     [("Весной", "2025-03-01", "2025-05-31", "season"), ("в мае", "2025-05-01", "2025-05-31", "month")]),
]


@pytest.mark.parametrize(("text", "language", "published", "expected"), JOIN_CASES)
def test_alternatives_join_into_one_range(text: str, language: str, published: date,
                                          expected: list[tuple[str, str, str, str]]) -> None:
    joined = join_alternatives(find_dates(text, published, language), text, language)
    assert [(s.text, s.start, s.end, s.precision) for s in joined] == expected
    assert all(text[s.char_start : s.char_end] == s.text for s in joined)


ARTICLE = (
    "Переговоры возобновятся в начале весны, заявил во вторник представитель МИД. "
    "Предыдущий раунд прошёл с 10 по 12 апреля 2025 года, а проект соглашения передали более "
    "полугода назад. На прошлой неделе эксперты провели видеоконференцию; в конце октября "
    "риторика была жёстче. Опрос, проведённый в ноябре, показал рост поддержки диалога — "
    "58 процентов, тогда как год назад таких было меньше половины."
)


def test_offsets_cut_the_surface_text(finder: DateFinder) -> None:
    spans = finder.find(ARTICLE, DEC23)
    assert len(spans) == 8
    assert all(ARTICLE[s.char_start : s.char_end] == s.text for s in spans)
    assert [s.char_start for s in spans] == sorted(s.char_start for s in spans)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Lorem ipsum dolor sit amet.",
        "12345 67 89 000",
        "в Женеве в конце концов",
        "¯\\_(ツ)_/¯",
        "Пражская весна",
        "31 февраля 2025 года",
        "May we talk?",
    ],
)
def test_garbage_yields_nothing(finder: DateFinder, text: str) -> None:
    assert finder.find(text, SUN, "ru") == []
    assert finder.find(text, SUN, "en") == []


# ---------------------------------------------------------------------------- API


def test_resolve_expression_and_unknown() -> None:
    span = resolve_expression("в начале весны", DEC23, future=True)
    assert span.as_dict() == {
        "start": "2026-03-01",
        "end": "2026-03-31",
        "precision": "season",
        "text": "в начале весны",
    }
    assert resolve_expression("когда-нибудь потом", DEC23) == UNKNOWN("когда-нибудь потом")
    assert UNKNOWN().as_dict() == {"start": None, "end": None, "precision": "unknown", "text": ""}


def test_find_dates_uses_default_or_given_finder(finder: DateFinder) -> None:
    expected = [DateSpan("2025-12-20", "2025-12-20", "day", "вчера", 0, 5)]
    assert find_dates("вчера", SUN) == expected
    assert find_dates("вчера", datetime(2025, 12, 21, 15, 30), finder=finder) == expected


def test_precisions_stay_in_vocabulary(finder: DateFinder) -> None:
    assert {s.precision for s in finder.find(ARTICLE, DEC23)} <= set(PRECISIONS)


@pytest.mark.parametrize("language", ["de", "", "xx-YY"])
def test_unsupported_language_is_rejected(language: str) -> None:
    with pytest.raises(ValueError, match="language must be one of"):
        find_dates("вчера", SUN, language)


def test_published_must_be_a_date() -> None:
    with pytest.raises(TypeError, match="published"):
        find_dates("вчера", "2025-12-21")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- parser speed-up


@pytest.mark.parametrize(
    ("language", "text"),
    [("ru", ARTICLE), ("ru", "Они встретились весной"), ("en", "The talks at the end of the year said Saturday")],
)
def test_lookahead_parser_matches_plain_yargy(language: str, text: str) -> None:
    plain = Parser(GRAMMARS[language], tokenizer=TOKENIZER)
    fast = LookaheadParser(GRAMMARS[language], TOKENIZER)
    assert [adapt_match(m) for m in fast.findall(text)] == [adapt_match(m) for m in plain.findall(text)]


# ---------------------------------------------------------------------------- holidays by name

# (sentence, language, published, future, surface, start): a holiday is a year-less day
# fmt: off
HOLIDAY_CASES = [
    ("Парад ко Дню Победы прошел без иностранных гостей.", "ru", DEC30, None, "Дню Победы", "2025-05-09"),
    ("Лидеров пригласили на День Победы.", "ru", date(2026, 3, 2), True, "День Победы", "2026-05-09"),
    ("Контакты возобновились после Нового года.", "ru", date(2025, 2, 3), None, "Нового года", "2025-01-01"),
    ("Патриарх выступил с обращением на Рождество.", "ru", DEC30, None, "Рождество", "2025-01-07"),
    ("Послы встретились накануне католического Рождества.", "ru", DEC30, None,
     "католического Рождества", "2025-12-25"),
    ("Парад в День независимости Украины отменили.", "ru", DEC30, None, "День независимости Украины", "2025-08-24"),
    ("Обмін полоненими відбувся на Різдво.", "uk", DEC30, None, "Різдво", "2025-12-25"),
    ("Президент звернувся до нації у День Незалежності.", "uk", DEC30, None, "День Незалежності", "2025-08-24"),
    ("The envoy flew home for Christmas.", "en", DEC30, None, "Christmas", "2025-12-25"),
    ("Fireworks were cancelled on Independence Day.", "en", DEC30, None, "Independence Day", "2025-07-04"),
    ("Kyiv marked Ukraine's Independence Day quietly.", "en", DEC30, None, "Ukraine's Independence Day", "2025-08-24"),
    ("The Victory Day 1945 parade is remembered.", "en", DEC30, None, "Victory Day 1945", "1945-05-09"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "language", "published", "future", "surface", "start"), HOLIDAY_CASES)
def test_holiday_is_an_absolute_date(finder: DateFinder, sentence: str, language: str, published: date,
                                     future: bool | None, surface: str, start: str) -> None:
    (span,) = finder.find(sentence, published, language, future)
    assert (span.text, span.start, span.end, span.precision) == (surface, start, start, "day")
    assert [m.kind for m in finder.mentions(sentence, language)] == ["AbsoluteDate"]


@pytest.mark.parametrize(("text", "language"), [
    ("В новом году переговоры продолжатся.", "ru"),  # "the new year", not New Year's Day
    ("Для дипломатов это был день победы над бюрократией.", "ru"),  # no capital: no holiday
    ("The independence day of the court was questioned.", "en"),
])
def test_holiday_words_in_lower_case_are_no_date(finder: DateFinder, text: str, language: str) -> None:
    assert finder.find(text, DEC30, language) == []
