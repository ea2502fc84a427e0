"""Grammar of seasons: "весной", "в начале весны", "этой осенью", "летом 2025 года", "in early spring"."""

from __future__ import annotations

from yargy import or_, rule  # type: ignore[import-untyped]
from yargy.predicates import caseless  # type: ignore[import-untyped]

from ..facts import SeasonRef
from .common import COMMA, DASH, EN, RU, en_year_spec, lookup, preposition, ru_year_spec

# ---------------------------------------------------------------------------- Russian / Ukrainian

RU_DIRECTION = lookup(RU.directions, SeasonRef.direction)
RU_YEAR = ru_year_spec(SeasonRef.year, SeasonRef.year_offset)
RU_PART = rule(preposition(RU, "part").optional(), lookup(RU.parts, SeasonRef.part))
RU_NOUN = lookup(RU.season_nouns, SeasonRef.season)

SEASON_RU = or_(
    # "весной", "этой осенью", "прошлым летом", "летом 2025 года", "весной прошлого года"
    rule(RU_DIRECTION.optional(), lookup(RU.season_adverbs, SeasonRef.season), RU_YEAR.optional()),
    # "в начале весны", "в конце прошлого лета", "в середине осени 2025 года"
    rule(RU_PART, RU_DIRECTION.optional(), RU_NOUN, RU_YEAR.optional()),
    # "до весны", "к осени", "с лета 2025 года"; a bare season noun is too often a name ("Пражская весна")
    rule(preposition(RU, "month"), RU_DIRECTION.optional(), RU_NOUN, RU_YEAR.optional()),
).interpretation(SeasonRef)

# ---------------------------------------------------------------------------- English

EN_NOUN = lookup(EN.season_nouns, SeasonRef.season)
EN_YEAR = rule(COMMA.optional(), en_year_spec(SeasonRef.year, SeasonRef.year_offset))
EN_PART = rule(lookup(EN.parts, SeasonRef.part), or_(rule(DASH), rule(caseless("of"))).optional())

SEASON_EN = or_(
    # "in the spring", "in spring 2025", "in the spring of 2025", "in early spring", "by late autumn"
    rule(
        preposition(EN, "season"),
        caseless("the").optional(),
        EN_PART.optional(),
        caseless("the").optional(),
        EN_NOUN,
        EN_YEAR.optional(),
    ),
    # "this autumn", "last fall", "next spring"
    rule(lookup(EN.directions, SeasonRef.direction), EN_NOUN),
    # "early spring", "late autumn 2025"
    rule(EN_PART, EN_NOUN, EN_YEAR.optional()),
    # "spring 2025"
    rule(EN_NOUN, EN_YEAR),
).interpretation(SeasonRef)
