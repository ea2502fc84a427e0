"""Lemma variants of a single word, for indexing registry phrases without running the taggers.

Running text gets one lemma per token (the tagger's choice); a registry word is indexed under
every lemma it may get, so both sides meet without disambiguating the registry phrase.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from parleywatch.nlp import compat
from parleywatch.nlp.light import lemmatize
from parleywatch.nlp.text import normalize

compat.apply()


class WordVariants:
    """Callable ``(word, language) -> frozenset`` of normalized lemmas; pymorphy2 loads lazily."""

    def __init__(self) -> None:
        self._morph: Any = None

    def __call__(self, word: str, language: str) -> frozenset[str]:
        return self._variants(word, language)

    @lru_cache(maxsize=100_000)  # noqa: B019  # one instance lives as long as the registry
    def _variants(self, word: str, language: str) -> frozenset[str]:
        lowered = normalize(word)
        if language == "ru":
            return frozenset({lowered, *(normalize(form.normal) for form in self.morph(lowered))})
        return frozenset({lowered, normalize(lemmatize(word, language))})

    @lru_cache(maxsize=20_000)  # noqa: B019  # one instance lives as long as the registry
    def place_variants(self, word: str, language: str) -> frozenset[str]:
        """Variants of a word of a place name: its place readings alone when the dictionary has
        one, so "Мале" is not indexed as "мало" nor "Того" as "тот"."""
        variants = self._variants(word, language)
        if language != "ru":
            return variants
        lowered = normalize(word)
        places = {normalize(parse.normal) for parse in self.morph.parse(lowered) if "Geox" in parse.tag}
        return frozenset({lowered, *places}) if places else variants

    def is_surname(self, word: str, language: str) -> bool:
        """Whether the dictionary knows ``word`` as a surname ("Пешков"): then it is nobody's typo."""
        return self._tagged(word, language, "Surn")

    def is_first_name(self, word: str, language: str) -> bool:
        """Whether the dictionary knows ``word`` as a first name ("Софии", "Диля"): a person the
        tagger found there is not the city of the same name."""
        return self._tagged(word, language, "Name")

    @lru_cache(maxsize=20_000)  # noqa: B019  # one instance lives as long as the registry
    def _tagged(self, word: str, language: str, grammeme: str) -> bool:
        if language != "ru":
            return False
        lowered = normalize(word)
        return bool(self.morph.word_is_known(lowered)) and any(
            grammeme in parse.tag for parse in self.morph.parse(lowered)
        )

    @property
    def morph(self) -> Any:
        if self._morph is None:
            from natasha import MorphVocab  # type: ignore[import-untyped]

            self._morph = MorphVocab()
        return self._morph
