"""Fallback features for clustering: simplemma lemmas, stopwords, name keys, lede days, headline names.

The pipeline adds linked actors and places; this module makes the story stage usable (and
measurable) without them. Lede dates come from the extractor's date grammars (``DateFinder``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources

import simplemma

from parleywatch.extract.dates import DateFinder, default_finder
from parleywatch.records import Article
from parleywatch.stories.names import name_key
from parleywatch.stories.records import StoryInput
from parleywatch.stories.signals import day_keys, headline_names, lede

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


def story_input_from_article(article: Article, lemmatizer: Lemmatizer,
                             dates: DateFinder | None = None) -> StoryInput:
    """Lemmas of title + body without stopwords, name keys, lede day keys and headline names.

    ``dates`` defaults to the extractor's shared finder (built once per process).
    """
    language = article.language if article.language in SUPPORTED_LANGUAGES else FALLBACK_LANGUAGE
    heading = f"{article.title}.\n"
    words = analyse_text(heading + article.text, language, lemmatizer, body_start=len(heading))
    if not words.lemmas:
        log.info("article %s has no content words", article.id)
    published = parse_published(article.published)
    day = published.date() if published is not None else None
    finder = dates or default_finder()
    return StoryInput(
        article_id=article.id,
        published=published,
        title=article.title,
        language=article.language,
        outlet=article.outlet,
        lemmas=words.lemmas,
        names=frozenset(words.names),
        days=day_keys(lede(article.title, article.text), day, language, finder),
        headline=headline_names(article.title, language, words.body_names, words.lowercase,
                                lambda word: lemmatizer.lemma(word, language)),
    )


@dataclass(slots=True)
class Words:
    """Content lemmas in order, name keys of mid-sentence capitalised tokens (those past
    ``body_start`` again apart), lemmas seen in lower case."""

    lemmas: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    body_names: set[str] = field(default_factory=set)
    lowercase: set[str] = field(default_factory=set)


def analyse_text(text: str, language: str, lemmatizer: Lemmatizer, body_start: int = 0) -> Words:
    """Content lemmas, name keys and lower-case lemmas of a text whose body starts at ``body_start``."""
    stop = stopwords(language)
    words = Words()
    position = 0
    for match in TOKEN.finditer(text):
        token = match.group()
        sentence_start = position == 0 or SENTENCE_END.search(text, position, match.start()) is not None
        lemma = lemmatizer.lemma(token, language)
        if _is_content(lemma, stop):
            words.lemmas.append(lemma)
            if token[0].isupper() and not sentence_start:
                key = name_key(token)
                if key is not None:
                    words.names.add(key)
                    if match.start() >= body_start:
                        words.body_names.add(key)
            elif token[0].islower():
                words.lowercase.add(lemma)
        position = match.end()
    return words


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
