"""Language-neutral keys for capitalised names, so "Лаврова" and "Lavrov" meet.

A key is the consonant skeleton of the transliterated stem: case endings are cut from Cyrillic
words, vowels are dropped and doubled letters collapsed; acronyms keep their letters. It is a weak,
noisy feature on purpose; real actor linking replaces it when available.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

MIN_KEY_LENGTH = 3

# Russian/Ukrainian case endings, longest first: "Путиным" -> "Путин", "Ирландии" -> "Ирланд".
CYRILLIC_ENDING = re.compile(
    r"(ами|ями|ого|его|ому|ему|ыми|ими|ой|ей|ом|ем|ым|им|ах|ях|ую|юю|ая|яя|ии|ия|ію|ія|а|я|у|ю|е|ы|и|і|о)$"
)
LATIN_POSSESSIVE = re.compile(r"['’]s$")
# Latin spellings that transliteration writes differently: "Washington" ~ "Вашингтон" (v).
# "Хакан" is "Hakan", so the transliterated "kh" folds to "h" as well.
LATIN_FOLDS: tuple[tuple[str, str], ...] = (
    ("ph", "f"), ("w", "v"), ("x", "ks"), ("q", "k"), ("c", "k"), ("kh", "h"),
)
VOWELS = frozenset("aeiouyj")
ACRONYM_PREFIX = "#"  # acronyms keep their vowels: "НАТО" and "NATO" -> "#nato"


@lru_cache(maxsize=1)
def translit_table() -> dict[int, str]:
    """The Cyrillic -> Latin table from ``data/translit.txt``."""
    table: dict[int, str] = {}
    text = resources.files("parleywatch.stories").joinpath("data/translit.txt").read_text("utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        letter, _, latin = line.partition("\t")
        table[ord(letter)] = latin
    return table


def transliterate(word: str) -> str:
    """Lower-case Latin spelling of a word in any of our scripts.

    >>> transliterate("Женева")
    'zheneva'
    """
    return word.lower().translate(translit_table())


def name_key(token: str) -> str | None:
    """The skeleton key of a capitalised token, or None when too short to mean anything.

    >>> name_key("Лаврова") == name_key("Lavrov")
    True
    >>> name_key("Трампом") == name_key("Trump's")
    True
    """
    word = LATIN_POSSESSIVE.sub("", token)
    if word.isupper() and len(word) > 1:
        return ACRONYM_PREFIX + _fold(transliterate(word))
    if any("\u0400" <= ch <= "\u04ff" for ch in word) and len(word) > 4:
        word = CYRILLIC_ENDING.sub("", word.lower())
    key = _skeleton(_fold(transliterate(word)))
    return key if len(key) >= MIN_KEY_LENGTH else None


def _fold(latin: str) -> str:
    for old, new in LATIN_FOLDS:
        latin = latin.replace(old, new)
    return latin


def _skeleton(latin: str) -> str:
    letters = [ch for ch in latin if ch.isalpha()]
    if not letters:
        return ""
    kept = [ch for ch in letters if ch not in VOWELS]
    if not kept:
        return ""
    out = [kept[0]]
    for ch in kept[1:]:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)
