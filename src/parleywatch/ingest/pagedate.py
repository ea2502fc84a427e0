"""Publication dates and times printed on scraped pages.

Crawler header: `` date 2025-12-23 ...``. Page datelines: ``19:21, 11 ноября 2025``,
``23 декабря 2025, вторник, 15:22``, ``• 23.12.2025, 15:09``, ``April 10, 2025 11:05``, a bare ``15:00``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources

import yaml

HEADER = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$")
TIME = r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)"
NUMERIC_DATE = r"(?P<nday>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<nyear>\d{4})"
WORD_DATE = r"(?P<wday>\d{1,2})\s+(?P<wmonth>[^\W\d_]+)\.?,?\s+(?P<wyear>\d{4})"
ENGLISH_DATE = r"(?P<emonth>[^\W\d_]+)\.?\s+(?P<eday>\d{1,2}),?\s+(?P<eyear>\d{4})"
ISO_DATE = r"(?P<iyear>\d{4})-(?P<imonth>\d{2})-(?P<iday>\d{2})"
ANY_DATE = re.compile(f"{ISO_DATE}|{NUMERIC_DATE}|{WORD_DATE}|{ENGLISH_DATE}", re.IGNORECASE)
ANY_TIME = re.compile(rf"(?<![\d:.]){TIME}(?![\d:])")
# A dateline is a short line made of a date and/or time plus a weekday, a bullet or a rubric word.
DATELINE_MAX = 60


@dataclass(slots=True, frozen=True)
class PageDate:
    """A date (maybe with a time) found on one line, and where on the line it stood."""

    day: date | None
    hour: int | None = None
    minute: int | None = None

    def iso(self) -> str | None:
        if self.day is None:
            return None
        if self.hour is None or self.minute is None:
            return self.day.isoformat()
        moment = datetime(self.day.year, self.day.month, self.day.day, self.hour, self.minute)
        return moment.isoformat(timespec="minutes")


@cache
def month_numbers() -> dict[str, int]:
    text = resources.files("parleywatch.ingest").joinpath("data/months.yaml").read_text("utf-8")
    table: dict[int, list[str]] = yaml.safe_load(text)
    return {name: number for number, names in table.items() for name in names}


def parse_header(line: str) -> tuple[date, str] | None:
    """The crawler's first-line header: its date and whatever was glued after it."""
    match = HEADER.match(line)
    if not match:
        return None
    return date.fromisoformat(match.group(1)), match.group(2).strip()


def find_date(text: str) -> PageDate | None:
    """The first calendar date in ``text`` with a time next to it when there is one."""
    match = ANY_DATE.search(text)
    day = _to_date(match) if match else None
    time_match = ANY_TIME.search(text)
    if day is None and time_match is None:
        return None
    hour = int(time_match.group("hour")) if time_match else None
    minute = int(time_match.group("minute")) if time_match else None
    return PageDate(day, hour, minute)


def is_dateline(line: str) -> bool:
    """A short line that is mostly a date or a time: page chrome, not story text.

    >>> is_dateline("19:21, 11 ноября 2025Мир")
    True
    >>> is_dateline("Вторая встреча делегаций прошла в Стамбуле 10 апреля 2025 года.")
    False
    """
    stripped = line.strip(" \t•·|—-")
    if not stripped or len(stripped) > DATELINE_MAX:
        return False
    found = find_date(stripped)
    if found is None:
        return False
    rest = ANY_TIME.sub("", ANY_DATE.sub("", stripped))
    return len(re.findall(r"[^\W\d_]+", rest)) <= 2 and not rest.rstrip().endswith(".")


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    if groups["iyear"]:
        parts = (groups["iyear"], groups["imonth"], groups["iday"])
    elif groups["nyear"]:
        parts = (groups["nyear"], groups["nmonth"], groups["nday"])
    elif groups["wyear"]:
        parts = (groups["wyear"], str(month_numbers().get(groups["wmonth"].lower(), 0)), groups["wday"])
    else:
        parts = (groups["eyear"], str(month_numbers().get(groups["emonth"].lower(), 0)), groups["eday"])
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None
