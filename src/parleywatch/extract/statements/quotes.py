"""Direct quotes in every quotation style, each with the stretch of text that attributes it.

Styles: «...», — сказал X / X сказал: «...» / „...“ / "..." / “...” / dialogue dash
"— ..., — сказал X". Offsets are relative to the sentence text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

QUOTE = re.compile(r"«(?P<a>[^»]+)»|„(?P<b>[^“”]+)[“”]|“(?P<c>[^”]+)”|\"(?P<d>[^\"]+)\"")
DIALOGUE = re.compile(r"^\s*[—–-]\s*(?P<q>.+?)[,.!?…]?\s+[—–]\s+(?P<attr>.+)$", re.DOTALL)
MIN_WORDS = 3  # «раздражители», «Интерфакс» are names or scare quotes, not speech


@dataclass(slots=True, frozen=True)
class Quote:
    """Quoted words ``[start, end)`` and the attribution ``[attr_start, attr_end)``."""

    start: int
    end: int
    attr_start: int
    attr_end: int


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def dialogue_quotes(text: str) -> list[Quote]:
    """"— Сам формат никто не закрывал, — пояснил собеседник." """
    match = DIALOGUE.match(text)
    if not match or _words(match.group("q")) < MIN_WORDS:
        return []
    return [Quote(match.start("q"), match.end("q"), match.start("attr"), match.end("attr"))]


def marked_quotes(text: str) -> list[Quote]:
    """Quotes in quotation marks; the attribution is what follows, else what precedes."""
    quotes = []
    for match in QUOTE.finditer(text):
        group = next(g for g in "abcd" if match.group(g) is not None)
        if _words(match.group(group)) < MIN_WORDS:
            continue
        after = _after(text, match.end())
        attr = (match.end(), after) if after > match.end() else (_before(text, match.start()), match.start())
        quotes.append(Quote(match.start(group), match.end(group), *attr))
    return quotes


def _after(text: str, end: int) -> int:
    """The attribution after a quote runs to the next quote or the sentence end."""
    rest = text[end:]
    if not re.match(r"\s*[,.!?…]?\s*[—–-]?\s*\w", rest):
        return end
    later = [m.start() for m in QUOTE.finditer(text, end) if _words(m.group()) >= MIN_WORDS]
    return later[0] if later else len(text.rstrip(". "))


def _before(text: str, start: int) -> int:
    """The attribution before a quote starts after the previous quote, if any."""
    previous = [m.end() for m in QUOTE.finditer(text, 0, start) if _words(m.group()) >= MIN_WORDS]
    return previous[-1] if previous else 0


RULES: list[Callable[[str], list[Quote]]] = [dialogue_quotes, marked_quotes]


def find_quotes(text: str) -> list[Quote]:
    """Quotes of the first rule that finds any."""
    for rule in RULES:
        quotes = rule(text)
        if quotes:
            return quotes
    return []
