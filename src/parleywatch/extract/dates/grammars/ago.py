"""Grammar of spans counted from publication: "два дня назад", "a year ago", "через неделю"."""

from __future__ import annotations

from yargy import or_, rule  # type: ignore[import-untyped]

from ..facts import Ago
from .common import EN, RU, amount_number, lookup, words

# ---------------------------------------------------------------------------- Russian / Ukrainian

RU_COUNT = rule(
    lookup(RU.bounds, Ago.bound).optional(),
    amount_number(Ago.amount, RU).optional(),
    lookup(RU.units, Ago.unit),
)

AGO_RU = or_(
    # "два дня назад", "год назад", "более полугода назад", "тиждень тому"
    rule(RU_COUNT, words(RU.ago)),
    # "через неделю", "через два месяца"
    rule(words(RU.later).interpretation(Ago.direction.const("future")), RU_COUNT),
).interpretation(Ago)

# ---------------------------------------------------------------------------- English

# "three days ago", "a year ago", "more than six months ago", "half a year ago"
AGO_EN = rule(
    lookup(EN.bounds, Ago.bound).optional(),
    amount_number(Ago.amount, EN).optional(),
    lookup(EN.units, Ago.unit),
    words(EN.ago),
).interpretation(Ago)
