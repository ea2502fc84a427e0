"""Highlighted snippets: escaped text with ``<mark>`` around the words that matched the query."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from parleywatch.search.lemmas import Lemmatizer, words

SNIPPET_CHARS = 240


def matched_spans(
    text: str, language: str, query: list[frozenset[str]], lemmatizer: Lemmatizer
) -> list[tuple[int, int]]:
    """Offsets of the words whose lemmas meet one of the query's term sets."""
    wanted = frozenset().union(*query) if query else frozenset()
    return [(s, e) for s, e, w in words(text) if lemmatizer.terms(w, language) & wanted]


def snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS) -> Markup:
    """A window of text around the first match, every piece escaped, matches in ``<mark>``."""
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    inside = [(s, e) for s, e in spans if s >= start and e <= end]
    return Markup(("…" if start else "") + mark(text, start, end, inside) + ("…" if end < len(text) else ""))


def mark(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """``text[start:end]`` escaped, with each span wrapped in ``<mark>``."""
    out: list[str] = []
    cursor = start
    for s, e in spans:
        out.append(escape(text[cursor:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    out.append(escape(text[cursor:end]))
    return "".join(out)
