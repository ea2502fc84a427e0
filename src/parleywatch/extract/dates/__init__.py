"""Date expressions in Russian, Ukrainian and English resolved against an article's publication date."""

from .finder import SUPPORTED_LANGUAGES, DateFinder, default_finder, find_dates, join_alternatives, resolve_expression
from .records import PRECISIONS, UNKNOWN, DateSpan

__all__ = [
    "PRECISIONS",
    "SUPPORTED_LANGUAGES",
    "UNKNOWN",
    "DateFinder",
    "DateSpan",
    "default_finder",
    "find_dates",
    "join_alternatives",
    "resolve_expression",
]
