"""Grammar of days and weeks near publication: "в субботу", "вчера", "на прошлой неделе", "last week"."""

from __future__ import annotations

from yargy import or_, rule  # type: ignore[import-untyped]
from yargy.predicates import caseless  # type: ignore[import-untyped]

from ..facts import RelativeDay, WeekdayRef, WeekRef
from .common import EN, RU, capitalized_lookup, lookup, preposition, words

# ---------------------------------------------------------------------------- Russian / Ukrainian

# "в субботу", "в прошлую субботу", "в эту пятницу", "у п'ятницю", "в минувший четверг"
WEEKDAY_RU = or_(
    rule(
        preposition(RU, "at"),
        lookup(RU.directions, WeekdayRef.direction).optional(),
        lookup(RU.weekdays, WeekdayRef.weekday),
    ),
    rule(lookup(RU.directions, WeekdayRef.direction), lookup(RU.weekdays, WeekdayRef.weekday)),
).interpretation(WeekdayRef)

# "сегодня", "вчера", "позавчера", "завтра", "послезавтра"
RELATIVE_DAY_RU = lookup(RU.relative_days, RelativeDay.offset).interpretation(RelativeDay)

# "на прошлой неделе", "на этой неделе", "следующей неделе", "минулого тижня", "на неделе"
WEEK_RU = or_(
    rule(
        preposition(RU, "week").optional(),
        lookup(RU.directions, WeekRef.direction),
        words(RU.week_words),
    ),
    rule(caseless("на"), caseless("неделе")),
).interpretation(WeekRef)

# ---------------------------------------------------------------------------- English

# "on Saturday", "last Thursday", "this Friday", "Saturday" (wire style: "said Saturday")
WEEKDAY_EN = rule(
    preposition(EN, "at").optional(),
    lookup(EN.directions, WeekdayRef.direction).optional(),
    capitalized_lookup(EN.weekdays, WeekdayRef.weekday),
).interpretation(WeekdayRef)

# "today", "yesterday", "the day after tomorrow"
RELATIVE_DAY_EN = lookup(EN.relative_days, RelativeDay.offset).interpretation(RelativeDay)

# "last week", "this week", "next week", "during the past week"
WEEK_EN = rule(
    preposition(EN, "week").optional(),
    caseless("the").optional(),
    lookup(EN.directions, WeekRef.direction),
    words(EN.week_words),
).interpretation(WeekRef)
