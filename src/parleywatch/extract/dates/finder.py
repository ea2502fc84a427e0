"""Finding date expressions in a text and resolving them against the publication date.

``DateFinder`` holds the compiled yargy parsers; build it once and pass it around. Feeding a whole
article to an Earley parser is slow, so only windows around trigger words (month, weekday, season
and relative-day words, numbers) are parsed, by a parser that predicts only what the next token
can start (``lookahead.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from typing import Any

from .facts import Mention, adapt_match
from .grammars import GRAMMARS, TOKENIZER
from .lookahead import LookaheadParser
from .records import PRECISIONS, UNKNOWN, DateSpan
from .resolve import Anchor, Resolved, resolve
from .vocab import WORD_RE, vocabulary

logger = logging.getLogger(__name__)

# Text language -> grammar language; Ukrainian forms are part of the Russian grammar.
GRAMMAR_LANGUAGES = {"ru": "ru", "uk": "ru", "en": "en"}
SUPPORTED_LANGUAGES = tuple(sorted(GRAMMAR_LANGUAGES))
# Tokens parsed around a trigger word (see ``windows``).
TOKENS_BEFORE = 4
TOKENS_AFTER = 3


def grammar_language(language: str) -> str:
    """``'uk'`` -> ``'ru'``; ``'en-GB'`` -> ``'en'``; anything unsupported is an error."""
    primary = language.lower().replace("_", "-").split("-")[0]
    if primary not in GRAMMAR_LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(SUPPORTED_LANGUAGES)}, got {language!r}")
    return GRAMMAR_LANGUAGES[primary]


def publication_day(published: date) -> date:
    """Accept a ``datetime`` too, but nothing else: a string date is a caller bug."""
    if isinstance(published, datetime):
        return published.date()
    if not isinstance(published, date):
        raise TypeError(f"published must be a datetime.date, got {type(published).__name__}")
    return published


# ---------------------------------------------------------------------------- windows


def trigger_indexes(tokens: list[Any], triggers: frozenset[str]) -> Iterator[int]:
    """Tokens that can be part of a date expression: vocabulary words and numbers."""
    for index, token in enumerate(tokens):
        if token.type == "INT" or token.value.lower() in triggers:
            yield index


def windows(tokens: list[Any], triggers: frozenset[str]) -> list[tuple[int, int]]:
    """Merged character stretches around trigger tokens, the only text worth parsing.

    No expression reaches further than three tokens before its first trigger word ("more than
    six months ago", "the day before yesterday") or two after its last ("2025 г."); the
    constants keep one token to spare.
    """
    merged: list[tuple[int, int]] = []
    for index in trigger_indexes(tokens, triggers):
        first, last = max(0, index - TOKENS_BEFORE), min(len(tokens) - 1, index + TOKENS_AFTER)
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return [(tokens[first].span.start, tokens[last].span.stop) for first, last in merged]


# ---------------------------------------------------------------------------- finder


def to_span(text: str, mention: Mention, resolved: Resolved) -> DateSpan:
    start, end, precision = resolved
    iso_start = None if start is None else start.isoformat()
    iso_end = None if end is None else end.isoformat()
    surface = text[mention.char_start : mention.char_end]
    return DateSpan(iso_start, iso_end, precision, surface, mention.char_start, mention.char_end)


class DateFinder:
    """Compiled date parsers for every grammar language; build once, reuse for every article."""

    def __init__(self) -> None:
        self._parsers = {lang: LookaheadParser(rule, TOKENIZER) for lang, rule in GRAMMARS.items()}
        self._triggers = {lang: vocabulary(lang).triggers() for lang in GRAMMARS}

    def mentions(self, text: str, language: str = "ru") -> list[Mention]:
        """Every date expression in ``text``, unresolved, in text order."""
        grammar = grammar_language(language)
        parser, found = self._parsers[grammar], []
        tokens = list(TOKENIZER(text))
        for left, right in windows(tokens, self._triggers[grammar]):
            found += [adapt_match(match, left) for match in parser.findall(text[left:right])]
        return found

    def find(self, text: str, published: date, language: str = "ru", future: bool | None = None) -> list[DateSpan]:
        """Date expressions in ``text`` resolved against ``published``; see ``resolve`` for the rules."""
        anchor = Anchor(publication_day(published), future)
        spans = []
        for mention in self.mentions(text, language):
            resolved = resolve(mention, anchor)
            if resolved is None:
                logger.debug("cannot place %r on the calendar", text[mention.char_start : mention.char_end])
                continue
            spans.append(to_span(text, mention, resolved))
        if not spans:
            logger.debug("no date expressions in %d characters", len(text))
        return spans


def join_alternatives(spans: list[DateSpan], text: str, language: str = "ru") -> list[DateSpan]:
    """"в конце октября или начале ноября", "late October or early November": two dates joined by
    "or" (and perhaps a preposition) are one range from the first to the second, as coarse as the
    coarser of them; ``text`` is what the spans' offsets point into.

    >>> from datetime import date
    >>> found = find_dates("в конце октября или в начале ноября", date(2025, 11, 11))
    >>> [(s.start, s.end, s.precision) for s in join_alternatives(found, "в конце октября или в начале ноября")]
    [('2025-10-21', '2025-11-10', 'month')]
    """
    words = vocabulary(grammar_language(language))
    joined: list[DateSpan] = []
    for span in spans:
        last = joined[-1] if joined else None
        between = WORD_RE.findall(text[last.char_end : span.char_start].lower()) if last else []
        if last is None or not between or between[0] not in words.alternatives or len(between) > 2:
            joined.append(span)
            continue
        joined[-1] = DateSpan(last.start or span.start, span.end or last.end, coarser(last.precision, span.precision),
                              text[last.char_start : span.char_end], last.char_start, span.char_end)
    return joined


def coarser(a: str, b: str) -> str:
    """The less precise of two precisions."""
    return max(a, b, key=PRECISIONS.index)


@cache
def default_finder() -> DateFinder:
    """A shared finder for callers that do not manage their own (built on first use)."""
    return DateFinder()


def find_dates(
    text: str,
    published: date,
    language: str = "ru",
    future: bool | None = None,
    finder: DateFinder | None = None,
) -> list[DateSpan]:
    """Find and resolve the date expressions of ``text`` (an article or a clause of it).

    ``future`` is the caller's knowledge that the clause is about a planned event; ``None`` lets
    cue words in the expression decide and otherwise reads dates as past.
    """
    return (finder or default_finder()).find(text, published, language, future)


def resolve_expression(
    expr: str,
    published: date,
    language: str = "ru",
    future: bool | None = None,
    finder: DateFinder | None = None,
) -> DateSpan:
    """Resolve one expression ("в начале весны"): its longest date, or ``UNKNOWN`` if none."""
    spans = find_dates(expr, published, language, future, finder)
    if not spans:
        return UNKNOWN(expr)
    return max(spans, key=lambda span: span.char_end - span.char_start)
