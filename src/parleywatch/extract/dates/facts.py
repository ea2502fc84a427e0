"""Yargy fact types (one per kind of date expression) and their adaptation into ``Mention``.

Grammars interpret matches into yargy facts; ``adapt_match`` turns each one at once into a typed
``Mention`` so nothing downstream touches yargy objects.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from yargy.interpretation import fact  # type: ignore[import-untyped]

# ---------------------------------------------------------------------------- fact types

# "10 апреля 2025", "сегодня, 21 декабря"; anchor = day offset of a leading "сегодня"/weekday;
# holiday = "MM-DD" of a holiday named in words ("в День Победы"), made day and month on adapting.
AbsoluteDate = fact("AbsoluteDate", ["day", "month", "year", "anchor", "holiday"])
# "с 10 по 12 апреля", "between 10 and 12 April", "с 28 февраля по 2 марта"
DayRange = fact("DayRange", ["day", "month", "day_to", "month_to", "year"])
# "в феврале 2025 года", "в конце октября", "в прошлом месяце"
MonthRef = fact("MonthRef", ["part", "month", "year", "year_offset", "direction"])
# "с февраля по апрель", "from February to April 2025"
MonthRange = fact("MonthRange", ["month", "month_to", "year", "year_offset"])
# "в 2025 году", "в прошлом году", "в конце года"
YearRef = fact("YearRef", ["part", "year", "year_offset"])
# "в субботу", "last Thursday", "в эту пятницу"
WeekdayRef = fact("WeekdayRef", ["weekday", "direction"])
# "вчера", "the day after tomorrow"
RelativeDay = fact("RelativeDay", ["offset"])
# "на прошлой неделе", "next week"
WeekRef = fact("WeekRef", ["direction"])
# "весной", "в начале весны", "летом 2025 года", "last fall"
SeasonRef = fact("SeasonRef", ["part", "season", "year", "year_offset", "direction"])
# "два дня назад", "более полугода назад", "через неделю", "a year ago"
Ago = fact("Ago", ["bound", "amount", "unit", "direction"])
# The root wrapper: yargy needs one interpretation on the root rule of a parser.
Found = fact("Found", ["value"])


# ---------------------------------------------------------------------------- typed record


@dataclass(slots=True, frozen=True)
class Mention:
    """One matched date expression before resolution; unset attributes stay ``None``."""

    kind: str
    char_start: int
    char_end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    day_to: int | None = None
    month_to: int | None = None
    anchor: int | None = None
    year_offset: int | None = None
    weekday: int | None = None
    offset: int | None = None
    part: str | None = None
    direction: str | None = None
    season: str | None = None
    unit: str | None = None
    bound: str | None = None
    amount: float | None = None


MENTION_FIELDS = frozenset(f.name for f in fields(Mention))


def named_day(attributes: dict[str, Any]) -> dict[str, Any]:
    """A holiday's "MM-DD" as the month and day of an absolute date.

    >>> named_day({"holiday": "05-09", "year": 1945})
    {'year': 1945, 'month': 5, 'day': 9}
    """
    if "holiday" not in attributes:
        return attributes
    rest = {k: v for k, v in attributes.items() if k != "holiday"}
    month, day = (int(part) for part in str(attributes["holiday"]).split("-"))
    return rest | {"month": month, "day": day}


def adapt_match(match: Any, shift: int = 0) -> Mention:
    """Wrap a yargy match (of a ``Found`` root) into a ``Mention``; offsets move by ``shift``."""
    value = match.fact.value
    attributes = {k: v for k, v in named_day(value.as_json).items() if k in MENTION_FIELDS}
    start, stop = match.span.start + shift, match.span.stop + shift
    return Mention(type(value).__name__, start, stop, **attributes)
