"""Near-duplicate detection: MinHash LSH over lemma shingles.

Shingles are built from lemmas, so inflection changes and a rewritten lede still leave most
shingles intact. Headline-sized texts use single lemmas (three-lemma shingles of a six-word
headline share nothing after the lightest rewording).
"""

from __future__ import annotations

import zlib

import numpy as np
from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]

from parleywatch.stories.settings import StorySettings

SHORT_TEXT_LEMMAS = 16
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"  # datasketch >= 2.0 wants it named when permutations are reused
Signature = np.ndarray


def shingles(lemmas: list[str], size: int) -> set[str]:
    """Overlapping ``size``-lemma shingles; single lemmas for headline-sized texts.

    >>> sorted(shingles(["a", "b", "c", "d"], 3))
    ['a', 'b', 'c', 'd']
    """
    if len(lemmas) < SHORT_TEXT_LEMMAS:
        size = 1
    return {" ".join(lemmas[i : i + size]) for i in range(len(lemmas) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity, the quantity MinHash estimates."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def crc32_hash(data: bytes) -> int:
    """Deterministic 32-bit hash (module level so signatures pickle, unlike a lambda)."""
    return zlib.crc32(data)


class DuplicateIndex:
    """Signatures of recent articles in an LSH index; ``find`` returns the best match."""

    def __init__(self, settings: StorySettings) -> None:
        self._settings = settings
        self._lsh = MinHashLSH(threshold=settings.duplicate_threshold, num_perm=settings.num_perm)
        self._permutations = MinHash(
            num_perm=settings.num_perm, seed=MINHASH_SEED, scheme=MINHASH_SCHEME
        ).permutations
        self._signatures: dict[str, tuple[int, Signature]] = {}
        self._added = 0

    def signature(self, lemmas: list[str]) -> MinHash | None:
        """MinHash of the article's shingles, None for an empty text."""
        items = shingles(lemmas, self._settings.shingle_size)
        if not items:
            return None
        minhash = MinHash(
            num_perm=self._settings.num_perm, hashfunc=crc32_hash,
            permutations=self._permutations,
            scheme=MINHASH_SCHEME,
        )
        minhash.update_batch([item.encode("utf-8") for item in items])
        return minhash

    def find(self, minhash: MinHash) -> tuple[str, float] | None:
        """The most similar indexed article at or above the threshold (ties: first indexed)."""
        best: tuple[str, float] | None = None
        for key in sorted(self._lsh.query(minhash), key=lambda k: self._signatures[k][0]):
            score = similarity(minhash.hashvalues, self._signatures[key][1])
            if score >= self._settings.duplicate_threshold and (best is None or score > best[1]):
                best = (key, score)
        return best

    def add(self, article_id: str, minhash: MinHash) -> None:
        """Index an article; re-adding an id is ignored."""
        if article_id in self._signatures:
            return
        self._lsh.insert(article_id, minhash, check_duplication=False)
        self._signatures[article_id] = (self._added, minhash.hashvalues)
        self._added += 1

    def remove(self, article_id: str) -> None:
        """Forget an article that left the time window."""
        if self._signatures.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def __len__(self) -> int:
        return len(self._signatures)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
