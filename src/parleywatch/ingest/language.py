"""Language of an article: the reader's word when it gave one, else py3langid on the text."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_CHARS = 3000
ALIASES = {"ua": "uk", "rus": "ru", "ukr": "uk", "eng": "en"}


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def normalize_language(code: str | None) -> str | None:
    """``ru-RU`` → ``ru``, ``ua`` → ``uk``; None for an empty code."""
    if not code:
        return None
    short = code.strip().lower().replace("_", "-").split("-")[0]
    return ALIASES.get(short, short) or None


def detect_language(text: str, declared: str | None = None) -> str:
    """A two-letter ISO 639-1 code; ``und`` for text too short or too odd to tell."""
    known = normalize_language(declared)
    if known:
        return known
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 20:
        return "und"
    language, _probability = _identifier().classify(sample)
    return str(language)
