"""Guarded misspelling match: "Дональда Трапа" is Donald Trump, "Иван Пешков" is not Peskov,
"Вашинтона" is Washington.

Guards, all required: the surname is at least ``MIN_LENGTH`` letters, shares its first letter
with the registry surname, is within ``max_distance`` edits, any first name given is the
person's own, and exactly one registry person qualifies. A place name must be one word of at
least ``MIN_LENGTH_ALONE`` letters, one edit away, with the same first letter, and the only
registry place that close.
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_LENGTH = 4
MIN_LENGTH_ALONE = 7  # a surname without a first name must be longer to be trusted


def edit_distance(first: str, second: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``.

    >>> edit_distance("трап", "трамп")
    1
    """
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous = list(range(len(second) + 1))
    for row, a in enumerate(first, 1):
        current = [row]
        for column, b in enumerate(second, 1):
            current.append(min(previous[column] + 1, current[-1] + 1, previous[column - 1] + (a != b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def max_distance(word: str) -> int:
    return 1 if len(word) < 9 else 2


def close_surname(word: str, surnames: Iterable[str], alone: bool) -> bool:
    """Whether ``word`` is a plausible misspelling of one of ``surnames``."""
    if len(word) < (MIN_LENGTH_ALONE if alone else MIN_LENGTH):
        return False
    limit = 1 if alone else max_distance(word)
    return any(
        s[:1] == word[:1] and 0 < edit_distance(word, s, limit) <= limit and len(s) >= MIN_LENGTH
        for s in surnames
    )


def close_place(word: str, name: str) -> bool:
    """Whether ``word`` is a plausible misspelling of the one-word place ``name`` (both lower case).

    >>> close_place("вашинтон", "вашингтон"), close_place("австрия", "австралия"), close_place("рима", "рига")
    (True, False, False)
    """
    return (len(word) >= MIN_LENGTH_ALONE and len(name) >= MIN_LENGTH_ALONE and word[:1] == name[:1]
            and edit_distance(word, name, 1) == 1)
