"""The one comparison form of words shared by the analyzers and the actor index."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)  # called for every token several times; news repeats its words
def normalize(word: str) -> str:
    """Lower case, ё as е, one kind of apostrophe.

    >>> normalize("Об’єднані Штати Её")
    "об'єднані штати ее"
    """
    return word.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")
