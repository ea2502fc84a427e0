"""Building blocks shared by the date grammars: the tokenizer, vocabulary lookups and numbers.

Every grammar file builds its rules from these helpers once, at import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from yargy import and_, or_, rule  # type: ignore[import-untyped]
from yargy.predicates import (  # type: ignore[import-untyped]
    caseless,
    eq,
    gte,
    in_,
    in_caseless,
    is_capitalized,
    length_eq,
    lte,
)
from yargy.tokenizer import Tokenizer, TokenRule  # type: ignore[import-untyped]

from ..vocab import Vocabulary, vocabulary

# Yargy objects are untyped; these aliases say what a name holds.
YargyRule = Any
Attribute = Any

# ---------------------------------------------------------------------------- tokenizer

# Yargy's own Russian token is [а-яё]+; Ukrainian letters and apostrophes must stay inside words.
CYRILLIC_WORD = r"[а-яёіїєґ]+(?:['’ʼ][а-яёіїєґ]+)*"
TOKENIZER = Tokenizer().add_rules(TokenRule("RU", CYRILLIC_WORD))

RU = vocabulary("ru")
EN = vocabulary("en")

# ---------------------------------------------------------------------------- punctuation

DASH = in_({"-", "–", "—", "‒"})
COMMA = eq(",")
DOT = eq(".")
# "г.", "гг.", "р." take a dot; "года." ends a sentence.
YEAR_ABBREVIATION_LENGTH = 2
# "10-го апреля", "10th of April"
ORDINAL_SUFFIXES = frozenset({"го", "е", "ое", "st", "nd", "rd", "th"})

# ---------------------------------------------------------------------------- words


def phrase(text: str) -> YargyRule:
    """A rule matching ``text`` token by token, ignoring case."""
    return rule(*(caseless(token) for token in TOKENIZER.split(text)))


def _split(mapping: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    single = {k: v for k, v in mapping.items() if len(TOKENIZER.split(k)) == 1}
    return single, {k: v for k, v in mapping.items() if k not in single}


def words(forms: Iterable[str]) -> YargyRule:
    """Any of ``forms`` (single words or phrases), uninterpreted."""
    single, multi = _split(dict.fromkeys(forms))
    if not single and not multi:
        raise ValueError("a word list in the date vocabulary is empty")
    options = [rule(in_caseless(set(single)))] if single else []
    options += [phrase(text) for text in multi]
    return options[0] if len(options) == 1 else or_(*options)


def lookup(mapping: Mapping[str, Any], attribute: Attribute) -> YargyRule:
    """Any key of ``mapping``, interpreted as its value into ``attribute``."""
    single, multi = _split(mapping)
    if not single and not multi:
        raise ValueError("a value table in the date vocabulary is empty")
    options = []
    if single:
        options.append(in_caseless(set(single)).interpretation(attribute.custom(_getter(single))))
    options += [phrase(text).interpretation(attribute.const(value)) for text, value in multi.items()]
    return options[0] if len(options) == 1 else or_(*options)


def _getter(table: dict[str, Any]) -> Any:
    return lambda text: table[text.lower()]


def capitalized_lookup(mapping: Mapping[str, Any], attribute: Attribute) -> YargyRule:
    """Like ``lookup`` for single words, but only capitalised: "May 10", never "may 10"."""
    predicate = and_(in_caseless(set(mapping)), is_capitalized())
    return rule(predicate.interpretation(attribute.custom(_getter(dict(mapping)))))


def en_month(attribute: Attribute) -> YargyRule:
    """A capitalised English month; only an abbreviation takes a dot ("Dec. 20", "12 February.")."""
    short = rule(capitalized_lookup(EN.month_abbreviations, attribute), DOT.optional())
    return or_(capitalized_lookup(EN.months, attribute), short)


def capitalized_words(forms: Iterable[str]) -> YargyRule:
    """Any of the single-word ``forms``, capitalised, uninterpreted."""
    return rule(and_(in_caseless(set(forms)), is_capitalized()))


def preposition(vocab: Vocabulary, role: str) -> YargyRule:
    return words(vocab.prepositions[role])


def direction_offsets(vocab: Vocabulary) -> dict[str, int]:
    """Direction cue words as year/month offsets: "прошлого" -> -1."""
    shifts = {"past": -1, "this": 0, "future": 1}
    return {form: shifts[direction] for form, direction in vocab.directions.items()}


# ---------------------------------------------------------------------------- numbers


def day_number(attribute: Attribute) -> YargyRule:
    """1-31 with an optional ordinal tail: "10", "10-го", "10th"."""
    number = and_(gte(1), lte(31)).interpretation(attribute.custom(int))
    suffix = rule(DASH.optional(), in_caseless(ORDINAL_SUFFIXES)).optional()
    return rule(number, suffix)


def month_number(attribute: Attribute) -> YargyRule:
    return and_(length_eq(2), gte(1), lte(12)).interpretation(attribute.custom(int))


def year_number(attribute: Attribute) -> YargyRule:
    return and_(length_eq(4), gte(1900), lte(2100)).interpretation(attribute.custom(int))


def short_year_number(attribute: Attribute) -> YargyRule:
    """Two digits mean this century: "10.04.25" is 2025: two-digit years in news are this century."""
    return and_(length_eq(2), gte(0), lte(99)).interpretation(attribute.custom(lambda s: 2000 + int(s)))


def amount_number(attribute: Attribute, vocab: Vocabulary) -> YargyRule:
    """An amount as a float: "3", "три", "a couple of"."""
    digits = and_(gte(1), lte(1000)).interpretation(attribute.custom(float))
    return or_(rule(digits), lookup({k: float(v) for k, v in vocab.numbers.items()}, attribute))


# ---------------------------------------------------------------------------- years


def ru_year_word() -> YargyRule:
    """The word after a year number: "года", "году", "г.", "року", "р."; a dot only after a short form."""
    short = {word for word in RU.year_words if len(word) <= YEAR_ABBREVIATION_LENGTH}
    return or_(rule(words(RU.year_words - short)), rule(words(short), DOT.optional()))


def ru_year_spec(year: Attribute, year_offset: Attribute) -> YargyRule:
    """A Russian year: "2025 года", "2025 г.", "2025", "прошлого года", "этого года"."""
    numeric = rule(year_number(year), ru_year_word().optional())
    relative = rule(lookup(direction_offsets(RU), year_offset), ru_year_word())
    return or_(numeric, relative)


def en_year_spec(year: Attribute, year_offset: Attribute) -> YargyRule:
    """An English year: "2025", "of 2025", "last year", "this year"."""
    numeric = rule(eq("of").optional(), year_number(year))
    relative = rule(lookup(direction_offsets(EN), year_offset), words(EN.year_words))
    return or_(numeric, relative)
