"""A phrase index over lemma sequences: registry names and descriptions found in token streams.

A registry phrase is stored under every combination of its words' lemma variants; a text token
offers its lemma and its lowercased form. Lookup is a walk over a prefix set, longest match
first, so the cost is a few dict lookups a token.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from parleywatch.nlp import Token
from parleywatch.nlp.patterns import TOKEN
from parleywatch.nlp.text import normalize


class Variants(Protocol):
    """Lemma variants of a word (``nlp.lemmas.WordVariants``), and whether it is a known surname or
    first name."""

    def __call__(self, word: str, language: str) -> frozenset[str]: ...

    def place_variants(self, word: str, language: str) -> frozenset[str]: ...

    def is_surname(self, word: str, language: str) -> bool: ...

    def is_first_name(self, word: str, language: str) -> bool: ...


MAX_COMBINATIONS = 64  # a phrase whose words are all ambiguous gets no more keys than this


@dataclass(slots=True, frozen=True)
class Entry:
    """What a phrase means: a name or surname of an actor, or a role or label description."""

    kind: str  # name | surname | descriptor
    actor_id: str | None = None
    role_id: str | None = None
    label: str | None = None
    tag: str | None = None
    capitalized: bool = True  # names must start with a capital in the text; descriptions need not


@dataclass(slots=True, frozen=True)
class Match:
    """Tokens ``[first, last)`` of an analysis matched a phrase with these entries."""

    first: int
    last: int
    entries: tuple[Entry, ...]


class PhraseIndex:
    def __init__(self, variants: Variants) -> None:
        self.variants = variants
        self.keys: dict[tuple[str, ...], list[Entry]] = {}
        self.prefixes: set[tuple[str, ...]] = set()
        self.openers: set[str] = set()  # first words of every key: most tokens open nothing
        self.longest = 0

    def add(self, phrase: str, language: str, entry: Entry, name: bool = False, place: bool = False) -> None:
        """Index ``phrase``; a personal ``name`` keeps only lemmas about as long as its words, a
        ``place`` name only the place readings of a word that has one."""
        words = split_words(phrase)
        for key in self.phrase_keys(words, language, name, place):
            bucket = self.keys.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
            self.prefixes.update(key[:size] for size in range(1, len(key)))
            self.openers.add(key[0])
        self.longest = max(self.longest, len(words))

    def phrase_keys(
        self, words: Sequence[str], language: str, name: bool = False, place: bool = False
    ) -> list[tuple[str, ...]]:
        options = [sorted(self.word_variants(word, language, name, place)) for word in words]
        keys = list(itertools.islice(itertools.product(*options), MAX_COMBINATIONS))
        return [tuple(key) for key in keys]

    def word_variants(self, word: str, language: str, name: bool = False, place: bool = False) -> frozenset[str]:
        """Lemma variants; for names without the much shorter ones ("лавров" is not "лавр")."""
        variants = self.variants.place_variants(word, language) if place else self.variants(word, language)
        return frozenset(v for v in variants if len(v) >= len(word) - 1) if name else variants

    def get(self, words: Sequence[str]) -> list[Entry]:
        return self.keys.get(tuple(words), [])

    def match_at(
        self, tokens: Sequence[Token], first: int, stop: int, forms: Sequence[tuple[str, ...]] | None = None
    ) -> Match | None:
        """The longest phrase starting at token ``first`` and ending before ``stop``; ``forms``
        are the tokens' ``token_forms`` when the caller computed them once for the analysis."""
        if not self.openers.intersection(forms[first] if forms is not None else token_forms(tokens[first])):
            return None
        states: list[tuple[str, ...]] = [()]
        best: Match | None = None
        for index in range(first, min(stop, first + self.longest)):
            forms_here = forms[index] if forms is not None else token_forms(tokens[index])
            grown = [(*state, form) for state in states for form in forms_here]
            for key in grown:
                entries = self._entries(key, tokens[first])
                if entries:
                    best = Match(first, index + 1, entries)
            states = [key for key in grown if key in self.prefixes]
            if not states:
                break
        return best

    def _entries(self, key: tuple[str, ...], opener: Token) -> tuple[Entry, ...]:
        entries = self.keys.get(key)
        if not entries:
            return ()
        upper = opener.text[:1].isupper()
        return tuple(entry for entry in entries if upper or not entry.capitalized)


def token_forms(token: Token) -> tuple[str, ...]:
    lowered = normalize(token.text)
    return (token.lemma,) if lowered == token.lemma else (token.lemma, lowered)


def split_words(phrase: str) -> list[str]:
    return TOKEN.findall(phrase)


def scan(
    index: PhraseIndex, tokens: Sequence[Token], first: int, stop: int, forms: Sequence[tuple[str, ...]] | None = None
) -> list[Match]:
    """Non-overlapping longest matches, left to right, within one sentence."""
    matches: list[Match] = []
    position = first
    while position < stop:
        match = index.match_at(tokens, position, stop, forms)
        if match:
            matches.append(match)
            position = match.last
        else:
            position += 1
    return matches
