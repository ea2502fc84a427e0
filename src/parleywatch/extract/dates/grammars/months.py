"""Grammar of months, month ranges and years: "в феврале 2025 года", "в конце октября", "в 2025 году"."""

from __future__ import annotations

from yargy import or_, rule  # type: ignore[import-untyped]
from yargy.predicates import caseless  # type: ignore[import-untyped]

from ..facts import MonthRange, MonthRef, YearRef
from .common import (
    COMMA,
    DASH,
    EN,
    RU,
    direction_offsets,
    en_month,
    en_year_spec,
    lookup,
    preposition,
    ru_year_spec,
    ru_year_word,
    words,
    year_number,
)

# ---------------------------------------------------------------------------- Russian / Ukrainian months

RU_MONTH = lookup(RU.months, MonthRef.month)
RU_MONTH_YEAR = ru_year_spec(MonthRef.year, MonthRef.year_offset)
RU_PART = rule(preposition(RU, "part").optional(), lookup(RU.parts, MonthRef.part))

MONTH_REF_RU = or_(
    # "в феврале 2025 года", "с февраля 2025 г.", "в апреле прошлого года", "февраль 2025"
    rule(preposition(RU, "month").optional(), RU_MONTH, RU_MONTH_YEAR),
    # "в апреле", "с февраля"; a bare month word is too often something else
    rule(preposition(RU, "month"), RU_MONTH),
    # "в конце октября", "начале ноября" (after "или"), "в середине мая 2025 года"
    rule(RU_PART, RU_MONTH, RU_MONTH_YEAR.optional()),
    # "в прошлом месяце", "в этом месяце"
    rule(preposition(RU, "at"), lookup(RU.directions, MonthRef.direction), words(RU.month_words)),
).interpretation(MonthRef)

# "с февраля по апрель", "с января по март 2025 года"
MONTH_RANGE_RU = rule(
    preposition(RU, "range_from"),
    lookup(RU.months, MonthRange.month),
    or_(preposition(RU, "range_to"), rule(DASH)),
    lookup(RU.months, MonthRange.month_to),
    ru_year_spec(MonthRange.year, MonthRange.year_offset).optional(),
).interpretation(MonthRange)

# ---------------------------------------------------------------------------- Russian / Ukrainian years

RU_YEAR_PART = rule(preposition(RU, "part").optional(), lookup(RU.parts, YearRef.part))

YEAR_REF_RU = or_(
    # "в 2025 году", "2025 год", "к 2030 году"
    rule(preposition(RU, "month").optional(), year_number(YearRef.year), ru_year_word()),
    # "в прошлом году", "в этом году", "в следующем году"
    rule(preposition(RU, "at"), lookup(direction_offsets(RU), YearRef.year_offset), ru_year_word()),
    # "в начале 2025 года", "в конце прошлого года", "до конца года"
    rule(RU_YEAR_PART, year_number(YearRef.year), ru_year_word()),
    rule(RU_YEAR_PART, lookup(direction_offsets(RU), YearRef.year_offset).optional(), ru_year_word()),
).interpretation(YearRef)

# ---------------------------------------------------------------------------- English months

EN_MONTH = en_month(MonthRef.month)
EN_MONTH_YEAR = rule(COMMA.optional(), en_year_spec(MonthRef.year, MonthRef.year_offset))
EN_PART = rule(
    preposition(EN, "part").optional(),
    caseless("the").optional(),
    lookup(EN.parts, MonthRef.part),
    or_(rule(DASH), rule(caseless("of"))).optional(),
)

MONTH_REF_EN = or_(
    # "in April 2025", "February 2025", "in April last year"
    rule(preposition(EN, "month").optional(), EN_MONTH, EN_MONTH_YEAR),
    # "in April", "since February"
    rule(preposition(EN, "month"), EN_MONTH),
    # "in early November", "at the end of October", "mid-November 2025"
    rule(EN_PART, EN_MONTH, EN_MONTH_YEAR.optional()),
    # "last month", "this month"
    rule(lookup(EN.directions, MonthRef.direction), words(EN.month_words)),
).interpretation(MonthRef)

# "from February to April", "between February and April 2025"
MONTH_RANGE_EN = rule(
    preposition(EN, "range_from"),
    en_month(MonthRange.month),
    or_(preposition(EN, "range_to"), rule(DASH)),
    en_month(MonthRange.month_to),
    rule(COMMA.optional(), en_year_spec(MonthRange.year, MonthRange.year_offset)).optional(),
).interpretation(MonthRange)

# ---------------------------------------------------------------------------- English years

EN_YEAR_PART = rule(
    preposition(EN, "part").optional(),
    caseless("the").optional(),
    lookup(EN.parts, YearRef.part),
    or_(rule(DASH), rule(caseless("of"))).optional(),
)
EN_RELATIVE_YEAR = rule(lookup(direction_offsets(EN), YearRef.year_offset), words(EN.year_words))

YEAR_REF_EN = or_(
    # "in 2025", "by 2030"
    rule(preposition(EN, "month"), year_number(YearRef.year)),
    # "last year", "this year"
    EN_RELATIVE_YEAR,
    # "in early 2025", "by the end of 2025", "at the end of last year", "at the end of the year"
    rule(EN_YEAR_PART, year_number(YearRef.year)),
    rule(EN_YEAR_PART, EN_RELATIVE_YEAR),
    rule(EN_YEAR_PART, caseless("the"), words(EN.year_words)),
).interpretation(YearRef)
