"""TF-IDF weights with document frequencies learnt from the stream itself.

Why incremental IDF rather than a fixed background table: the clusterer sees one outlet mix
and one news agenda, and what is common there ("переговоры" in a diplomacy feed) should weigh
little; a table from another corpus would not know that. The counts are part of the persisted
state, so a warm store keeps its statistics. ``prior_docs`` pseudo-documents keep the first
articles from treating every word as infinitely rare.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

Vector = dict[str, float]


class DocumentFrequencies:
    """How many seen documents contain each term (lemmas and prefixed entity keys)."""

    def __init__(self, prior_docs: int = 50) -> None:
        self.prior_docs = prior_docs
        self.documents = 0
        self.counts: Counter[str] = Counter()

    def observe(self, terms: Iterable[str]) -> None:
        """Count one document's distinct terms."""
        self.documents += 1
        self.counts.update(set(terms))

    def share(self, term: str) -> float:
        """Smoothed share of the documents that contain ``term`` (``exp(-idf)``)."""
        return (self.counts.get(term, 0) + 1) / (self.documents + self.prior_docs + 1)

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency, always positive."""
        return math.log((self.documents + self.prior_docs + 1) / (self.counts.get(term, 0) + 1))


def tfidf(lemmas: list[str], frequencies: DocumentFrequencies) -> Vector:
    """Unit-length sublinear TF-IDF vector of a lemma sequence."""
    counts = Counter(lemmas)
    vector = {term: (1.0 + math.log(n)) * frequencies.idf(term) for term, n in counts.items()}
    return normalized(vector)


def binary_idf(keys: Iterable[str], frequencies: DocumentFrequencies) -> Vector:
    """Unit-length vector of entity keys weighted by their rarity."""
    return normalized({key: frequencies.idf(key) for key in keys})


def normalized(vector: Vector) -> Vector:
    """The vector scaled to unit length (empty stays empty)."""
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {term: w / norm for term, w in vector.items()} if norm else {}


def dot(small: Vector, large: Vector) -> float:
    """Dot product over the shared terms only (most candidate pairs share few: the key
    intersection runs in C); ``fsum`` makes the result independent of the set's order.

    >>> dot({"a": 0.5, "b": 0.5}, {"b": 2.0, "c": 1.0})
    1.0
    """
    return math.fsum(small[term] * large[term] for term in small.keys() & large.keys())


def top_terms(vector: Vector, n: int) -> list[str]:
    """The ``n`` heaviest terms, ties by term for a stable order."""
    return [term for term, _ in sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]
