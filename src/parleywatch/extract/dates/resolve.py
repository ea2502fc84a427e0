"""Placing matched expressions on the calendar relative to the publication date.

One small resolver per fact type, looked up in ``RESOLVERS``. The choices an ambiguous
expression needs are made here and nowhere else:

* a year-less date, month or season is the most recent occurrence that has started by
  publication, or with ``future=True`` the first one not yet over ("10 апреля" in a December
  article is the April before it; said of a planned event, the April after -- unless the
  period ended less than a month before publication: "встречи в начале ноября" planned, reported
  on 11 November, is this November's, a plan that slipped, not one a year away);
* a bare weekday ("в субботу") is the latest such day on or before publication (agency copy
  written on a Thursday says "в четверг" of that very day), or with ``future=True`` the first on
  or after it; "в эту субботу" is the first on or after publication;
* cue words beat the caller's ``future``: "прошлой"/"last" means strictly before publication,
  "следующей"/"next" strictly after, "этой"/"this" the occurrence holding or nearest to it;
* "N days ago" is that day; "N weeks ago" the Monday-Sunday week holding the day N weeks back;
  "N months/years ago" ("год назад") the calendar month holding the day that far back, precision
  'month' -- a year-wide range would hide what the writer said, an exact day would invent it;
  "более полугода назад" is open-ended: start None, end six months back;
* "зимой 2025 года" is the winter holding January 2025 (December 2024 to February 2025).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .facts import Mention
from .periods import (
    Range,
    add_months,
    candidates,
    containing_or_nearest,
    month_range,
    narrow,
    pick,
    safe_date,
    season_range,
    season_year_of,
    week_range,
    year_range,
)

# start, end (inclusive; either may be open) and precision
Resolved = tuple[date | None, date | None, str]

DIRECTION_SHIFTS = {"past": -1, "this": 0, "future": 1, None: 0}
RECENT_PLAN_DAYS = 31  # how far back a planned, year-less date may still lie (see the module docstring)
WEEKDAY_MODES = {"past": "before", "future": "after", "this": "future"}
UNIT_DAYS = {"day": 1, "week": 7}
UNIT_MONTHS = {"month": 1, "halfyear": 6, "year": 12}
# "несколько дней назад", "a few weeks ago": between this many units back.
FEW_UNITS = (2.0, 7.0)
# How far from publication a bare weekday is looked for.
WEEKDAY_SEARCH_DAYS = 14


@dataclass(slots=True, frozen=True)
class Anchor:
    """What every resolver needs: the publication date and whether the clause is about the future."""

    published: date
    future: bool | None = None


def occurrence_mode(direction: str | None, future: bool | None) -> str:
    """How ``periods.pick`` chooses among yearly occurrences (see the module docstring)."""
    if direction == "past":
        return "before"
    if direction == "future":
        return "after"
    if direction == "this":
        return "nearest"
    return "future" if future else "past"


def explicit_year(mention: Mention, published: date) -> int | None:
    """The calendar year the text names: "2025" or "прошлого года"; None when it names none."""
    if mention.year is not None:
        return mention.year
    if mention.year_offset is not None:
        return published.year + mention.year_offset
    return None


def choose(build: Callable[[int], Range | None], mention: Mention, anchor: Anchor) -> Range | None:
    """Build the range for the named year, or pick among the years around publication."""
    year = explicit_year(mention, anchor.published)
    if year is not None:
        return build(year)
    options = candidates(build, anchor.published.year)
    mode = occurrence_mode(mention.direction, anchor.future)
    if mode == "future":
        return pick(options, anchor.published - timedelta(days=RECENT_PLAN_DAYS), mode)
    return pick(options, anchor.published, mode)


def _with(period: Range | None, precision: str) -> Resolved | None:
    return None if period is None else (period[0], period[1], precision)


# ---------------------------------------------------------------------------- dates and day ranges


def resolve_absolute(mention: Mention, anchor: Anchor) -> Resolved | None:
    """Resolves "10 апреля 2025"; year-less dates by occurrence, or nearest the "сегодня"/weekday anchor."""
    day, month = mention.day or 0, mention.month or 0

    def build(year: int) -> Range | None:
        found = safe_date(year, month, day)
        return None if found is None else (found, found)

    if mention.year is None and mention.anchor is not None:
        target = anchor.published + timedelta(days=mention.anchor)
        return _with(containing_or_nearest(candidates(build, target.year), target), "day")
    return _with(choose(build, mention, anchor), "day")


def resolve_day_range(mention: Mention, anchor: Anchor) -> Resolved | None:
    """Resolves "с 10 по 12 апреля", "с 28 февраля по 2 марта": the year belongs to the end."""
    month_to = mention.month_to or mention.month or 0
    month = mention.month or month_to

    def build(year: int) -> Range | None:
        start = safe_date(year - 1 if month > month_to else year, month, mention.day or 0)
        end = safe_date(year, month_to, mention.day_to or 0)
        return None if start is None or end is None or start > end else (start, end)

    return _with(choose(build, mention, anchor), "day")


# ---------------------------------------------------------------------------- months and years


def resolve_month(mention: Mention, anchor: Anchor) -> Resolved | None:
    """Resolves "в феврале 2025 года", "в конце октября", "в прошлом месяце"."""
    if mention.month is None:
        first = add_months(anchor.published.replace(day=1), DIRECTION_SHIFTS[mention.direction])
        return _with(narrow(month_range(first.year, first.month), mention.part), "month")
    month = mention.month

    def build(year: int) -> Range:
        return narrow(month_range(year, month), mention.part)

    return _with(choose(build, mention, anchor), "month")


def resolve_month_range(mention: Mention, anchor: Anchor) -> Resolved | None:
    """Resolves "с февраля по апрель"; "с ноября по февраль 2025 года" starts in November 2024."""
    month, month_to = mention.month or 1, mention.month_to or 12

    def build(year: int) -> Range:
        start_year = year - 1 if month > month_to else year
        return month_range(start_year, month)[0], month_range(year, month_to)[1]

    return _with(choose(build, mention, anchor), "month")


def resolve_year(mention: Mention, anchor: Anchor) -> Resolved | None:
    """Resolves "в 2025 году", "в прошлом году", "в конце года" (the publication year)."""
    year = explicit_year(mention, anchor.published) or anchor.published.year
    return _with(narrow(year_range(year), mention.part), "year")


# ---------------------------------------------------------------------------- days and weeks


def resolve_weekday(mention: Mention, anchor: Anchor) -> Resolved | None:
    """Resolves "в субботу": the latest Saturday up to publication unless the clause or a cue says otherwise."""
    published, weekday = anchor.published, mention.weekday
    days = (published + timedelta(days=shift) for shift in range(-WEEKDAY_SEARCH_DAYS, WEEKDAY_SEARCH_DAYS))
    options = [(day, day) for day in days if day.weekday() == weekday]
    default = "future" if anchor.future else "past"
    return _with(pick(options, published, WEEKDAY_MODES.get(mention.direction or "", default)), "day")


def resolve_relative_day(mention: Mention, anchor: Anchor) -> Resolved | None:
    """Resolves "вчера", "послезавтра", "today"."""
    day = anchor.published + timedelta(days=mention.offset or 0)
    return day, day, "day"


def resolve_week(mention: Mention, anchor: Anchor) -> Resolved | None:
    """Resolves "на прошлой неделе": Monday to Sunday of the week before publication's."""
    day = anchor.published + timedelta(weeks=DIRECTION_SHIFTS[mention.direction])
    return _with(week_range(day), "week")


# ---------------------------------------------------------------------------- seasons


def resolve_season(mention: Mention, anchor: Anchor) -> Resolved | None:
    """Resolves "весной", "в начале весны", "летом 2025 года"; seasons are chosen like months."""
    season = mention.season or "spring"

    def build(season_year: int) -> Range:
        return narrow(season_range(season_year, season), mention.part)

    year = explicit_year(mention, anchor.published)
    if year is not None:
        return _with(build(season_year_of(year, season)), "season")
    return _with(choose(build, mention, anchor), "season")


# ---------------------------------------------------------------------------- counted spans


def ago_target(mention: Mention, published: date, amount: float | None = None) -> date:
    """The day "N units" back (or forward, "через") from publication; no number means one."""
    sign = 1 if mention.direction == "future" else -1
    amount, unit = amount or mention.amount or 1.0, mention.unit or "day"
    if unit in UNIT_DAYS:
        return published + timedelta(days=sign * round(amount * UNIT_DAYS[unit]))
    return add_months(published, sign * round(amount * UNIT_MONTHS[unit]))


def ago_period(target: date, unit: str) -> Resolved:
    """How wide "N units ago" is: the day, its week, or its calendar month."""
    if unit == "day":
        return target, target, "day"
    if unit == "week":
        return *week_range(target), "week"
    return *month_range(target.year, target.month), "month"


def resolve_ago(mention: Mention, anchor: Anchor) -> Resolved | None:
    """Resolves "два дня назад", "год назад", "более полугода назад" (open start), "через неделю"."""
    target, published = ago_target(mention, anchor.published), anchor.published
    start, end, precision = ago_period(target, mention.unit or "day")
    future = mention.direction == "future"
    if mention.bound == "few":
        return resolve_few(mention, anchor)
    if mention.bound == "more":
        return (target, None, precision) if future else (None, target, precision)
    if mention.bound == "less":
        return (published, target, precision) if future else (target, published, precision)
    return start, end, precision


def resolve_few(mention: Mention, anchor: Anchor) -> Resolved:
    """Resolves "несколько дней назад": from seven units back to two, in the unit's precision."""
    unit = mention.unit or "day"
    near, far = (ago_period(ago_target(mention, anchor.published, n), unit) for n in FEW_UNITS)
    if mention.direction == "future":
        return near[0], far[1], near[2]
    return far[0], near[1], near[2]


RESOLVERS: dict[str, Callable[[Mention, Anchor], Resolved | None]] = {
    "AbsoluteDate": resolve_absolute,
    "DayRange": resolve_day_range,
    "MonthRef": resolve_month,
    "MonthRange": resolve_month_range,
    "YearRef": resolve_year,
    "WeekdayRef": resolve_weekday,
    "RelativeDay": resolve_relative_day,
    "WeekRef": resolve_week,
    "SeasonRef": resolve_season,
    "Ago": resolve_ago,
}


def resolve(mention: Mention, anchor: Anchor) -> Resolved | None:
    """Place one mention on the calendar; None when it names an impossible day."""
    return RESOLVERS[mention.kind](mention, anchor)
