"""Search terms: every word of an article or a query as the set of lemmas it may have.

Indexing every variant (pymorphy2 for Russian, simplemma for the rest) lets "переговоры" find
"переговорах" without disambiguating either side.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from parleywatch.nlp.lemmas import WordVariants

WORD = re.compile(r"\w+(?:[-'’ʼ]\w+)*", re.UNICODE)
NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
LEMMA_LANGUAGES = frozenset({"ru", "uk", "en"})


class Lemmatizer:
    """Word → search terms; wraps the shared ``WordVariants`` (pymorphy2 loads once, lazily)."""

    def __init__(self, variants: WordVariants | None = None) -> None:
        self.variants = variants or WordVariants()

    def terms(self, word: str, language: str) -> frozenset[str]:
        """Search terms of one word: its lemmas, folded to the characters FTS tokenizers keep."""
        if language not in LEMMA_LANGUAGES:
            language = "ru" if re.search("[а-яё]", word.lower()) else "en"
        folded = {fold(v) for v in self.variants(word, language)}
        return frozenset(t for t in folded if t)

    def document(self, text: str, language: str) -> str:
        """The space-separated distinct terms of a text, the column the index matches against."""
        seen: dict[str, None] = {}
        for match in WORD.finditer(text):
            for term in sorted(self.terms(match.group(), language)):
                seen.setdefault(term, None)
        return " ".join(seen)

    def query(self, text: str, language: str = "ru") -> list[frozenset[str]]:
        """One term set per query word: a hit must match each word by one of its lemmas."""
        return [t for t in (self.terms(m.group(), language) for m in WORD.finditer(text)) if t]


def fold(term: str) -> str:
    """Lower case, ё→е, punctuation dropped: what both the index and the query store.

    >>> fold("Об’єднані"), fold("Ёлка")
    ('обєднані', 'елка')
    """
    return NON_WORD.sub("", term.lower().replace("ё", "е"))


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """Words of a text with their offsets, for highlighting."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), match.group()
