"""Yargy grammars of date expressions, one file per fact type, combined per grammar language."""

from __future__ import annotations

from yargy import or_  # type: ignore[import-untyped]

from ..facts import Found
from .absolute import ABSOLUTE_EN, ABSOLUTE_RU, DAY_RANGE_EN, DAY_RANGE_RU
from .ago import AGO_EN, AGO_RU
from .common import TOKENIZER, YargyRule
from .months import MONTH_RANGE_EN, MONTH_RANGE_RU, MONTH_REF_EN, MONTH_REF_RU, YEAR_REF_EN, YEAR_REF_RU
from .seasons import SEASON_EN, SEASON_RU
from .weekdays import RELATIVE_DAY_EN, RELATIVE_DAY_RU, WEEK_EN, WEEK_RU, WEEKDAY_EN, WEEKDAY_RU

DATE_RU = (
    or_(
        ABSOLUTE_RU,
        DAY_RANGE_RU,
        MONTH_REF_RU,
        MONTH_RANGE_RU,
        YEAR_REF_RU,
        WEEKDAY_RU,
        RELATIVE_DAY_RU,
        WEEK_RU,
        SEASON_RU,
        AGO_RU,
    )
    .interpretation(Found.value)
    .interpretation(Found)
)

DATE_EN = (
    or_(
        ABSOLUTE_EN,
        DAY_RANGE_EN,
        MONTH_REF_EN,
        MONTH_RANGE_EN,
        YEAR_REF_EN,
        WEEKDAY_EN,
        RELATIVE_DAY_EN,
        WEEK_EN,
        SEASON_EN,
        AGO_EN,
    )
    .interpretation(Found.value)
    .interpretation(Found)
)

# Grammar language -> root rule; Ukrainian forms live in the Russian rules.
GRAMMARS: dict[str, YargyRule] = {"ru": DATE_RU, "en": DATE_EN}

__all__ = ["DATE_EN", "DATE_RU", "GRAMMARS", "TOKENIZER"]
