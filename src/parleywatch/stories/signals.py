"""Signals that two reports tell of different happenings although their words agree.

Follow-ups in one thread (the crash and the driver's arrest, a resignation and the successor's
election, Friday's forecast and Saturday's) share actors, places and most of their vocabulary,
so similarity alone joins them. Two facts in the reports themselves tell them apart:

* the ledes name different days: the day a report is about is named in its headline or its
  first sentences ("в пятницу, 8 ноября", "on Tuesday"); background dates come later;
* a headline names someone the other report never mentions: a headline's protagonist is what
  the report is about, and another report of the same happening would name them too.

Each check is a small pure function in ``RULES``; the clusterer multiplies the score by the
factor the settings give each rule that fires (see ``contradiction_factor``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Container, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from parleywatch.extract.dates import SUPPORTED_LANGUAGES as DATE_LANGUAGES
from parleywatch.extract.dates import DateFinder
from parleywatch.stories.names import ACRONYM_PREFIX, name_key
from parleywatch.stories.settings import StorySettings

if TYPE_CHECKING:
    from parleywatch.extract.dates.facts import Mention

log = logging.getLogger(__name__)

# The lede: the body up to the first sentence end after this many characters (two or three
# sentences of news copy), so a date in the second sentence counts and one in the background
# paragraph does not.
LEDE_CHARS = 400
SENTENCE_END = re.compile(r"[.!?…](?=\s)")
MONTH_DAY = "md:"  # "md:11-08": a day of the year, known without the year
WEEKDAY = "wd:"  # "wd:4": a weekday (Monday = 0), all an undated "on Friday" tells
MAX_RANGE_DAYS = 7  # "с 11 по 15 ноября" stands for each of its days; a longer span for none
DAY_KINDS = frozenset({"AbsoluteDate", "DayRange"})
WEEKDAY_KIND = "WeekdayRef"
RELATIVE_KIND = "RelativeDay"
LEAP_YEAR = 2000  # month-day keys live in a leap year so that 29 February has one
DAYS_IN_YEAR = 366
DAYS_IN_WEEK = 7
NEAR_DAYS = 1  # see ``different_days``
HEADLINE_WORD = re.compile(r"\w+")
HEADLINE_SEPARATOR = re.compile(r"\s+[|/]\s+")
NAME_KEY_PREFIX = "@n:"  # as in the clusterer's entity keys
STEM_LETTERS = 5

HeadlineName = tuple[str, str]  # (prefixed name key, lower-case lemma)


# ---------------------------------------------------------------------- the day a report is about


def lede(title: str, text: str, chars: int = LEDE_CHARS) -> str:
    """The headline and the body's first sentences (at most twice ``chars`` characters).

    >>> lede("Talks", "One. Two three. Four.", 8)
    'Talks.\\nOne. Two three.'
    """
    found = SENTENCE_END.search(text, chars)
    stop = found.end() if found is not None and found.end() <= 2 * chars else 2 * chars
    return f"{title}.\n{text[:stop]}"


def day_keys(text: str, published: date | None, language: str, finder: DateFinder) -> frozenset[str]:
    """Day keys of the days ``text`` names: a month-day key or a weekday key, as written.

    A weekday is never put on the calendar: "в пятницу" in a strike notice is the coming Friday,
    in a report the last one, and the year of "26 июля" is a guess too, so each keeps what it
    says. Only "сегодня"/"yesterday" need the publication day (and are skipped without one).
    """
    if language not in DATE_LANGUAGES:
        return frozenset()
    keys: set[str] = set()
    for mention in finder.mentions(text, language):
        keys.update(_mention_keys(mention, published))
    return frozenset(keys)


def _mention_keys(mention: Mention, published: date | None) -> list[str]:
    if mention.kind == WEEKDAY_KIND and mention.weekday is not None:
        return [f"{WEEKDAY}{mention.weekday}"]
    if mention.kind == RELATIVE_KIND and mention.offset is not None and published is not None:
        day = published + timedelta(days=mention.offset)
        return [_month_day(day.month, day.day)]
    month = mention.month or mention.month_to
    if mention.kind in DAY_KINDS and mention.day and month:
        return _range_keys((month, mention.day), (mention.month_to or month, mention.day_to or mention.day))
    return []


def _range_keys(first: tuple[int, int], last: tuple[int, int]) -> list[str]:
    """Month-day keys of each day from ``first`` to ``last`` (none for a span over a few days)."""
    start, stop = _calendar_day(LEAP_YEAR, *first), _calendar_day(LEAP_YEAR, *last)
    if start is not None and stop is not None and stop < start:  # "с 28 декабря по 2 января"
        stop = _calendar_day(LEAP_YEAR + 1, *last)
    if start is None or stop is None or (stop - start).days >= MAX_RANGE_DAYS:
        return []
    days = (start + timedelta(days=n) for n in range((stop - start).days + 1))
    return [_month_day(day.month, day.day) for day in days]


def _calendar_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # "31 июня"
        return None


def _month_day(month: int, day: int) -> str:
    return f"{MONTH_DAY}{month:02d}-{day:02d}"


@dataclass(slots=True, frozen=True)
class Days:
    """Day keys as numbers: days of the (leap) year and weekdays, each compared around its cycle."""

    dates: AbstractSet[int] = frozenset()
    weekdays: AbstractSet[int] = frozenset()


def day_positions(keys: Iterable[str]) -> Days:
    """``Days`` of a set of day keys.

    >>> day_positions({"md:02-01", "wd:4"})
    Days(dates=frozenset({32}), weekdays=frozenset({4}))
    """
    dates = frozenset(_position(key) for key in keys if key.startswith(MONTH_DAY))
    return Days(dates, frozenset(_position(key) for key in keys if key.startswith(WEEKDAY)))


@lru_cache(maxsize=1024)
def _position(key: str) -> int:
    if key.startswith(WEEKDAY):
        return int(key[len(WEEKDAY):])
    month, day = key[len(MONTH_DAY):].split("-")
    return date(LEAP_YEAR, int(month), int(day)).timetuple().tm_yday


def different_days(a: Days, b: Days) -> bool:
    """Both name days and none lies within a day of one the other names.

    A day either way is one happening: "сегодня" in the evening copy is "вчера" the next
    morning, and time zones move a date by one. Month-days are compared when both sides have
    some, else weekdays.

    >>> different_days(day_positions({"md:11-08", "wd:4"}), day_positions({"md:11-16", "wd:5"}))
    True
    >>> different_days(day_positions({"md:01-10"}), day_positions({"md:01-11"}))
    False
    >>> different_days(day_positions({"wd:1"}), day_positions({"md:11-05"}))
    False
    """
    if a.dates and b.dates:
        return not _near(a.dates, b.dates, DAYS_IN_YEAR)
    return bool(a.weekdays and b.weekdays) and not _near(a.weekdays, b.weekdays, DAYS_IN_WEEK)


def _near(a: AbstractSet[int], b: AbstractSet[int], cycle: int) -> bool:
    """Is some position of ``a`` within ``NEAR_DAYS`` of one of ``b`` (around the cycle)?"""
    return any(min((x - y) % cycle, (y - x) % cycle) <= NEAR_DAYS for x in a for y in b)


# ---------------------------------------------------------------------- headline protagonists


def headline_names(title: str, language: str, names: Container[str], lowercase: Container[str],
                   lemma: Callable[[str], str]) -> frozenset[HeadlineName]:
    """Names in the headline that are names in the body too, each with its lemma.

    A headline word counts when the body writes it capitalised mid-sentence (its key is among
    ``names``) and never in lower case (its lemma is not in ``lowercase``): that drops the
    capitals of Title Case headlines ("Prices To Rise") while keeping "Hargreaves". Acronyms
    (institutions and countries: "ФРГ" is "Германия" elsewhere) and places after a locative
    preposition do not count: reports of one happening name those differently.
    """
    found: set[HeadlineName] = set()
    before = place_prepositions(language)
    previous = ""
    for match in HEADLINE_WORD.finditer(main_headline(title)):
        word, after_preposition, previous = match.group(), previous in before, match.group().lower()
        key = name_key(word) if word[0].isupper() and not after_preposition else None
        if key is None or key not in names or key.startswith(ACRONYM_PREFIX):
            continue
        word_lemma = lemma(word)
        if word_lemma not in lowercase:
            found.add((f"{NAME_KEY_PREFIX}{key}", word_lemma))
    return frozenset(found)


def main_headline(title: str) -> str:
    """The longest part of a headline between site separators ("… | В мире | Outlet").

    >>> main_headline("Talks resume in Geneva | World | Example News")
    'Talks resume in Geneva'
    """
    return max(HEADLINE_SEPARATOR.split(title), key=len)


@lru_cache(maxsize=8)
def place_prepositions(language: str) -> frozenset[str]:
    """Locative prepositions of a language from ``data/place_prepositions.yaml``."""
    text = resources.files("parleywatch.stories").joinpath("data/place_prepositions.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    return frozenset(str(word) for word in data.get(language, []))


def unknown_names(headline: Iterable[HeadlineName], names: Container[str], stems: Container[str]) -> bool:
    """Does the other report leave out one of the headline's names, as a name and as a word stem?

    The stem lets "Британии" meet "британский" and "Польши" meet "польский".

    >>> unknown_names({("@n:smlnk", "самойленко")}, {"@n:ptrnk"}, {"минис"})
    True
    >>> unknown_names({("@n:brtn", "британия")}, {"@n:vlkbrtn"}, {"брита"})
    False
    """
    return any(key not in names and stem(word) not in stems for key, word in headline)


def stem(lemma: str) -> str:
    """The first letters of a lemma, enough to tie a name to its adjective ("Польша", "польский")."""
    return lemma[:STEM_LETTERS]


def stems(lemmas: Iterable[str]) -> frozenset[str]:
    """The stems of a text's lemmas."""
    return frozenset(stem(lemma) for lemma in lemmas)


# ---------------------------------------------------------------------- the rules


@dataclass(slots=True, frozen=True)
class Side:
    """What the rules read of an article or a story: lede days, headline names, names and word stems."""

    days: Days
    headline: frozenset[HeadlineName]
    names: Container[str]  # prefixed entity keys ("@n:...")
    stems: Collection[str]  # see ``stem``


def days_disagree(a: Side, b: Side, same_language: bool) -> bool:
    """The ledes name different days (language-neutral)."""
    return different_days(a.days, b.days)


def headline_name_missing(a: Side, b: Side, same_language: bool) -> bool:
    """One headline names someone the other report never mentions (lemmas only meet in one language)."""
    if not same_language:
        return False
    return unknown_names(a.headline, b.names, b.stems) or unknown_names(b.headline, a.names, a.stems)


Rule = Callable[[Side, Side, bool], bool]
RULES: tuple[tuple[Rule, str], ...] = (
    (days_disagree, "day_conflict_factor"),
    (headline_name_missing, "headline_name_factor"),
)


def contradiction_factor(a: Side, b: Side, same_language: bool, settings: StorySettings) -> float:
    """The product of the factors of the rules that fire (1.0 when none does)."""
    factor = 1.0
    for rule, setting in RULES:
        if rule(a, b, same_language):
            factor *= float(getattr(settings, setting))
    return factor
