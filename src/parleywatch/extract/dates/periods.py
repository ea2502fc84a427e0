"""Calendar arithmetic: ranges of months, weeks, seasons and their parts, and picking occurrences.

Pure functions on ``datetime.date``; nothing here knows about words or grammars.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from datetime import date, timedelta

Range = tuple[date, date]

# First month of each season; winter of season-year Y runs from December Y to February Y+1.
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
# Which days of a month a part covers: "в начале ноября" = 1-10, "в середине" = 11-20, "в конце" = 21-end.
MONTH_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "first_half": (1, 15)}
MONTH_PART_DAYS["second_half"] = (16, 31)
# Which share of a longer period a part covers, as (index, out of): early = first third.
PERIOD_PART_SHARES = {"early": (0, 3), "mid": (1, 3), "late": (2, 3), "first_half": (0, 2)}
PERIOD_PART_SHARES["second_half"] = (1, 2)
# How far around the publication year occurrences of a year-less expression are looked for.
YEARS_AROUND = range(-2, 3)


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(...)`` or ``None`` for a day the calendar lacks ("31 июня", 29 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(day: date, months: int) -> date:
    """Shift by whole months, clamping the day: 31 March - 1 month = 28/29 February."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, month_last_day(year, month + 1)))


def month_range(year: int, month: int) -> Range:
    return date(year, month, 1), date(year, month, month_last_day(year, month))


def months_range(year: int, month: int, count: int) -> Range:
    """``count`` whole months starting at ``year-month``."""
    last = add_months(date(year, month, 1), count - 1)
    return date(year, month, 1), month_range(last.year, last.month)[1]


def year_range(year: int) -> Range:
    return date(year, 1, 1), date(year, 12, 31)


def week_range(day: date) -> Range:
    """Monday to Sunday of the week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def season_range(season_year: int, season: str) -> Range:
    return months_range(season_year, SEASON_START[season], 3)


def season_year_of(calendar_year: int, season: str) -> int:
    """Winter is named by its January: "зимой 2025 года" is season-year 2024 (Dec 2024-Feb 2025)."""
    return calendar_year - 1 if season == "winter" else calendar_year


def narrow(period: Range, part: str | None) -> Range:
    """The part of a period a phrase like "в начале" or "in late" picks out."""
    if part is None:
        return period
    start, end = period
    if (start.year, start.month) == (end.year, end.month):
        first, last = MONTH_PART_DAYS[part]
        return start.replace(day=first), start.replace(day=min(last, end.day))
    index, out_of = PERIOD_PART_SHARES[part]
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    share_start = add_months(start, index * months // out_of)
    return months_range(share_start.year, share_start.month, months // out_of)


def candidates(build: Callable[[int], Range | None], around: int) -> list[Range]:
    """The ranges ``build`` gives for the years around ``around``, skipping impossible ones."""
    built = (build(around + shift) for shift in YEARS_AROUND)
    return [period for period in built if period is not None]


def containing_or_nearest(options: Iterable[Range], day: date) -> Range | None:
    """The option holding ``day``, else the one whose nearer edge is closest to it."""

    def distance(period: Range) -> int:
        start, end = period
        return 0 if start <= day <= end else min(abs((start - day).days), abs((end - day).days))

    return min(options, key=distance, default=None)


def pick(options: Iterable[Range], day: date, mode: str) -> Range | None:
    """Choose among occurrences of a recurring period (every April, every Saturday).

    ``past``: latest starting on/before ``day``; ``future``: earliest ending on/after it;
    ``before``/``after``: strictly before/after it; ``nearest``: holding it or closest.
    """
    ordered = sorted(options)
    if mode == "nearest":
        return containing_or_nearest(ordered, day)
    tests: dict[str, Callable[[Range], bool]] = {
        "past": lambda r: r[0] <= day,
        "before": lambda r: r[1] < day,
        "future": lambda r: r[1] >= day,
        "after": lambda r: r[0] > day,
    }
    kept = [period for period in ordered if tests[mode](period)]
    if not kept:
        return None
    return kept[-1] if mode in ("past", "before") else kept[0]
