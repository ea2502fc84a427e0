"""The ``Analyzer``: one long-lived object holding an analyzer per language.

``ANALYZER_VERSION`` names the analysis a stored payload came from: bump it whenever a change
here alters tokens, lemmas or entities, so stored analyses are recomputed, and only then.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Protocol

from parleywatch.nlp.light import Gazetteer, LightAnalyzer
from parleywatch.nlp.records import Analysis
from parleywatch.records import Article

log = logging.getLogger(__name__)

ANALYZER_VERSION = "nlp-2"  # English possessives lemmatized to their noun
LANGUAGES = ("ru", "uk", "en")


class LanguageAnalyzer(Protocol):
    def analyze(self, text: str, version: str) -> Analysis: ...


class Analyzer:
    """Analyzes articles; the Russian models load on the first Russian article (about 1 s)."""

    def __init__(self, gazetteers: Mapping[str, Gazetteer] | None = None) -> None:
        self.gazetteers = dict(gazetteers or {})
        self._analyzers: dict[str, LanguageAnalyzer] = {}

    def analyze(self, article: Article) -> Analysis:
        return self.for_language(article.language).analyze(article.text, ANALYZER_VERSION)

    def for_language(self, language: str) -> LanguageAnalyzer:
        language = pick_language(language)
        if language not in self._analyzers:
            self._analyzers[language] = self._load(language)
        return self._analyzers[language]

    def _load(self, language: str) -> LanguageAnalyzer:
        if language == "ru":
            from parleywatch.nlp.russian import RussianAnalyzer  # heavy: only when needed

            return RussianAnalyzer()
        return LightAnalyzer(language, self.gazetteers.get(language))


def pick_language(language: str | None) -> str:
    """Our three languages as they are; anything else goes through the English analyzer."""
    code = (language or "").lower()[:2]
    if code in LANGUAGES:
        return code
    log.info("no analyzer for language %r, using the English one", language)
    return "en"
