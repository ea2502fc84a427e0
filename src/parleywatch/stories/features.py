"""Fallback features for clustering: simplemma lemmas, stopwords and name keys.

The pipeline will later hand the clusterer natasha lemmas and linked actors; this module makes
the story stage usable (and measurable) without them.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources

import simplemma

from parleywatch.records import Article
from parleywatch.stories.names import name_key
from parleywatch.stories.records import StoryInput

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("ru", "uk", "en")
FALLBACK_LANGUAGE = "ru"
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")
SENTENCE_END = re.compile(r"[.!?…:»\"\n]")
MIN_LEMMA_LENGTH = 2


@lru_cache(maxsize=8)
def stopwords(language: str) -> frozenset[str]:
    """Stopword lemmas of a language from ``data/stopwords_<lang>.txt`` (empty when unknown)."""
    path = resources.files("parleywatch.stories").joinpath(f"data/stopwords_{language}.txt")
    if not path.is_file():
        return frozenset()
    lines = path.read_text("utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class Lemmatizer:
    """simplemma with a per-language cache; build once and reuse across articles."""

    def __init__(self) -> None:
        self._lemmatizer = simplemma.Lemmatizer()
        self._cache: dict[tuple[str, str], str] = {}

    def lemma(self, token: str, language: str) -> str:
        """Lower-case lemma of one token."""
        key = (token, language)
        found = self._cache.get(key)
        if found is None:
            found = self._lemmatizer.lemmatize(token, lang=language).lower()
            self._cache[key] = found
        return found


def story_input_from_article(article: Article, lemmatizer: Lemmatizer) -> StoryInput:
    """Lemmas of title + body without stopwords, and name keys of capitalised tokens."""
    language = article.language if article.language in SUPPORTED_LANGUAGES else FALLBACK_LANGUAGE
    text = f"{article.title}.\n{article.text}"
    lemmas, names = analyse_text(text, language, lemmatizer)
    if not lemmas:
        log.info("article %s has no content words", article.id)
    return StoryInput(
        article_id=article.id,
        published=parse_published(article.published),
        title=article.title,
        language=article.language,
        outlet=article.outlet,
        lemmas=lemmas,
        names=frozenset(names),
    )


def analyse_text(text: str, language: str, lemmatizer: Lemmatizer) -> tuple[list[str], set[str]]:
    """Content lemmas in order, and the name keys of mid-sentence capitalised tokens."""
    stop = stopwords(language)
    lemmas: list[str] = []
    names: set[str] = set()
    position = 0
    for match in TOKEN.finditer(text):
        token = match.group()
        sentence_start = position == 0 or SENTENCE_END.search(text, position, match.start()) is not None
        lemma = lemmatizer.lemma(token, language)
        if _is_content(lemma, stop):
            lemmas.append(lemma)
            if token[0].isupper() and not sentence_start:
                key = name_key(token)
                if key is not None:
                    names.add(key)
        position = match.end()
    return lemmas, names


def _is_content(lemma: str, stop: frozenset[str]) -> bool:
    return len(lemma) >= MIN_LEMMA_LENGTH and lemma not in stop


def parse_published(value: str | None) -> datetime | None:
    """An ISO 8601 date or datetime as an aware UTC datetime; None when absent or unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        log.info("unreadable publication date %r", value)
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
