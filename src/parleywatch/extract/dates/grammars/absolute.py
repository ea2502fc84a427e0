"""Grammar of absolute dates and day ranges: "10 апреля 2025", "2025-04-10", "between 10 and 12 April",
and fixed-date holidays by name ("ко Дню Победы", "by Christmas"), which are absolute dates too.

natasha's ``grammars/date.py`` covers the Russian day-month-year core with a morphological
tokenizer; these rules use explicit word forms instead, which keeps tokenizing cheap and lets the
same rules read Ukrainian.
"""

from __future__ import annotations

from yargy import and_, or_, rule  # type: ignore[import-untyped]
from yargy.predicates import caseless, is_capitalized  # type: ignore[import-untyped]

from ..facts import AbsoluteDate, DayRange
from ..vocab import Vocabulary
from .common import (
    COMMA,
    DASH,
    DOT,
    EN,
    RU,
    TOKENIZER,
    YargyRule,
    capitalized_words,
    day_number,
    en_month,
    lookup,
    month_number,
    preposition,
    ru_year_word,
    short_year_number,
    words,
    year_number,
)

# ---------------------------------------------------------------------------- holidays, any language


def holiday_form(form: str) -> YargyRule:
    """One form of one word, token by token; a capital in the data must be a capital in the text
    ("Победы", "Новый год": "в новом году" is no holiday)."""
    return rule(*(and_(caseless(t), is_capitalized()) if t[:1].isupper() else caseless(t)
                  for t in TOKENIZER.split(form)))


def holiday_word(word: str) -> YargyRule:
    """Any of the "|"-separated forms of a word: "день|дня|дню"."""
    forms = [holiday_form(form) for form in word.split("|")]
    return forms[0] if len(forms) == 1 else or_(*forms)


def holidays(vocab: Vocabulary, year: YargyRule) -> YargyRule:
    """Every holiday name of ``vocab`` as its month and day, an optional year after it."""
    names = [rule(*(holiday_word(w) for w in pattern.split())).interpretation(AbsoluteDate.holiday.const(day))
             for pattern, day in vocab.holidays.items()]
    return rule(or_(*names), year.optional())


# ---------------------------------------------------------------------------- numeric, any language

# "10.04.2025", "10.04.25 г."
DOTTED = rule(
    day_number(AbsoluteDate.day),
    DOT,
    month_number(AbsoluteDate.month),
    DOT,
    or_(rule(year_number(AbsoluteDate.year)), rule(short_year_number(AbsoluteDate.year))),
    ru_year_word().optional(),
)

# "2025-04-10"
ISO = rule(
    year_number(AbsoluteDate.year),
    DASH,
    month_number(AbsoluteDate.month),
    DASH,
    day_number(AbsoluteDate.day),
)

NUMERIC_DATE = or_(DOTTED, ISO)

# ---------------------------------------------------------------------------- Russian / Ukrainian

RU_YEAR = rule(year_number(AbsoluteDate.year), ru_year_word().optional())

# "10 апреля", "10 апреля 2025 года", "10 квітня 2025 року"
RU_DATE = rule(
    day_number(AbsoluteDate.day),
    lookup(RU.months, AbsoluteDate.month),
    RU_YEAR.optional(),
)

# "сегодня, 21 декабря", "в субботу, 20 декабря": one span, the year chosen around the anchor.
RU_ANCHOR = or_(
    lookup(RU.relative_days, AbsoluteDate.anchor),
    rule(preposition(RU, "at").optional(), words(RU.weekdays)).interpretation(AbsoluteDate.anchor.const(0)),
)
RU_ANCHORED_DATE = rule(RU_ANCHOR, COMMA.optional(), RU_DATE)

# "в День Победы", "ко Дню Победы 2025 года", "на Різдво"
RU_HOLIDAY = holidays(RU, RU_YEAR)

ABSOLUTE_RU = or_(NUMERIC_DATE, RU_DATE, RU_ANCHORED_DATE, RU_HOLIDAY).interpretation(AbsoluteDate)

# "с 10 по 12 апреля", "с 28 февраля по 2 марта 2025 года"
RU_FROM_TO_DAYS = rule(
    preposition(RU, "range_from"),
    day_number(DayRange.day),
    lookup(RU.months, DayRange.month).optional(),
    preposition(RU, "range_to"),
    day_number(DayRange.day_to),
    lookup(RU.months, DayRange.month_to),
    rule(year_number(DayRange.year), ru_year_word().optional()).optional(),
)

# "10–12 апреля", "10-12 квітня 2025 року"
RU_DASHED_DAYS = rule(
    day_number(DayRange.day),
    DASH,
    day_number(DayRange.day_to),
    lookup(RU.months, DayRange.month_to),
    rule(year_number(DayRange.year), ru_year_word().optional()).optional(),
)

DAY_RANGE_RU = or_(RU_FROM_TO_DAYS, RU_DASHED_DAYS).interpretation(DayRange)

# ---------------------------------------------------------------------------- English

EN_MONTH = en_month(AbsoluteDate.month)
EN_YEAR = rule(COMMA.optional(), year_number(AbsoluteDate.year))

# "April 10, 2025", "Dec. 20", "10 April 2025", "the 10th of April"
EN_DATE = or_(
    rule(EN_MONTH, day_number(AbsoluteDate.day), EN_YEAR.optional()),
    rule(
        caseless("the").optional(),
        day_number(AbsoluteDate.day),
        caseless("of").optional(),
        EN_MONTH,
        EN_YEAR.optional(),
    ),
)

# "today, December 21", "Saturday, Dec. 20"
EN_ANCHOR = or_(
    lookup(EN.relative_days, AbsoluteDate.anchor),
    rule(caseless("on").optional(), capitalized_words(EN.weekdays)).interpretation(AbsoluteDate.anchor.const(0)),
)
EN_ANCHORED_DATE = rule(EN_ANCHOR, COMMA.optional(), EN_DATE)

# "on Independence Day", "by Christmas 2025"
EN_HOLIDAY = holidays(EN, EN_YEAR)

ABSOLUTE_EN = or_(NUMERIC_DATE, EN_DATE, EN_ANCHORED_DATE, EN_HOLIDAY).interpretation(AbsoluteDate)

EN_RANGE_MONTH = en_month(DayRange.month_to)
EN_RANGE_YEAR = rule(COMMA.optional(), year_number(DayRange.year)).optional()
EN_RANGE_TO = or_(rule(DASH), preposition(EN, "range_to"))

# "between 10 and 12 April", "from 10 to 12 April 2025"
EN_FROM_TO_DAYS = rule(
    preposition(EN, "range_from"),
    caseless("the").optional(),
    day_number(DayRange.day),
    EN_RANGE_TO,
    caseless("the").optional(),
    day_number(DayRange.day_to),
    caseless("of").optional(),
    EN_RANGE_MONTH,
    EN_RANGE_YEAR,
)

# "10-12 April"
EN_DASHED_DAYS = rule(day_number(DayRange.day), DASH, day_number(DayRange.day_to), EN_RANGE_MONTH, EN_RANGE_YEAR)

# "April 10-12", "from April 10 to 12, 2025"
EN_MONTH_FIRST_DAYS = rule(
    preposition(EN, "range_from").optional(),
    EN_RANGE_MONTH,
    day_number(DayRange.day),
    EN_RANGE_TO,
    day_number(DayRange.day_to),
    EN_RANGE_YEAR,
)

DAY_RANGE_EN = or_(EN_FROM_TO_DAYS, EN_DASHED_DAYS, EN_MONTH_FIRST_DAYS).interpretation(DayRange)
