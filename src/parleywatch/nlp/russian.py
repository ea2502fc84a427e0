"""Russian analysis through natasha: razdel segmentation, morphology, lemmas, syntax and NER.

The models are loaded once into ``RussianAnalyzer`` and reused for every article; natasha's
``Doc`` never leaves this module, it is adapted into our records by the ``adapt_*`` functions.
"""

from __future__ import annotations

import logging
from typing import Any

from parleywatch.nlp import compat

compat.apply()

from natasha import (  # type: ignore[import-untyped]  # noqa: E402
    Doc,
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)

from parleywatch.nlp.records import Analysis, Entity, Sentence, Token  # noqa: E402
from parleywatch.nlp.text import normalize  # noqa: E402

log = logging.getLogger(__name__)

LEMMA_CACHE_SIZE = 300_000  # entries; about 60 MB at most
SKIP_LEMMA_POS = frozenset({"PUNCT", "NUM", "SYM", "X"})


class RussianAnalyzer:
    """Holds the natasha models (about 1 s to load, ~150 MB) for the life of the process."""

    def __init__(self) -> None:
        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph_tagger = NewsMorphTagger(embedding)
        self.syntax_parser = NewsSyntaxParser(embedding)
        self.ner_tagger = NewsNERTagger(embedding)
        self.morph_vocab = MorphVocab()
        self._lemmas: dict[tuple[str, str, tuple[tuple[str, str], ...]], str] = {}
        self._normals: dict[tuple[Any, ...], str] = {}

    def parse(self, text: str) -> Any:
        """The natasha ``Doc`` with every layer filled; only this module handles it."""
        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph_tagger)
        doc.parse_syntax(self.syntax_parser)
        doc.tag_ner(self.ner_tagger)
        for token in doc.tokens:
            token.lemma = self.lemma(token.text, token.pos, token.feats)
        for span in doc.spans:
            span.normal = self.normal(span)
        return doc

    def lemma(self, word: str, pos: str, feats: dict[str, str]) -> str:
        """natasha's lemma, memoised: news repeats its words, and pymorphy2 is the slow part.

        natasha lowercases the word (ё as е) before anything else, so that is the key; the tags
        come in the tagger's fixed order, so they need no sorting.
        """
        if pos in SKIP_LEMMA_POS:
            return str(word)
        key = (word.lower().replace("ё", "е"), pos, tuple(feats.items()) if feats else ())  # tagger order
        lemma = self._lemmas.get(key)
        if lemma is None:
            if len(self._lemmas) > LEMMA_CACHE_SIZE:
                self._lemmas.clear()
            lemma = self._lemmas[key] = str(self.morph_vocab.lemmatize(word, pos, feats or {}))
        return lemma

    def normal(self, span: Any) -> str:
        """natasha's normal form of a span, memoised on what it reads: each token's text, tags
        and the spaces between them, and for organisations the syntax inside the span."""
        key = (span.type, *_normal_key(span.tokens, syntax=span.type == "ORG"))
        normal = self._normals.get(key)
        if normal is None:
            if len(self._normals) > LEMMA_CACHE_SIZE:
                self._normals.clear()
            span.normalize(self.morph_vocab)
            normal = self._normals[key] = span.normal
        return normal

    def analyze(self, text: str, version: str) -> Analysis:
        if not text.strip():
            log.info("empty text, empty analysis")
            return Analysis(language="ru", version=version)
        return adapt_doc(self.parse(text), version)


def _normal_key(tokens: list[Any], syntax: bool) -> tuple[Any, ...]:
    first = tokens[0].start if tokens else 0
    ids = {token.id: index for index, token in enumerate(tokens)} if syntax else {}
    return tuple(
        (t.text, t.pos, tuple(sorted((t.feats or {}).items())), t.start - first, ids.get(t.head_id, -1))
        for t in tokens
    )


# --- adapters -----------------------------------------------------------------------------------


def adapt_doc(doc: Any, version: str) -> Analysis:
    """Wrap a natasha ``Doc`` into an ``Analysis`` with global token indexes."""
    analysis = Analysis(language="ru", version=version)
    for sent in doc.sents:
        first = len(analysis.tokens)
        ids = {token.id: first + index for index, token in enumerate(sent.tokens)}
        analysis.tokens.extend(adapt_token(token, ids) for token in sent.tokens)
        analysis.sentences.append(Sentence(sent.start, sent.stop, sent.text, first, len(analysis.tokens)))
    analysis.entities = [adapt_span(span) for span in doc.spans]
    return analysis


def adapt_token(token: Any, ids: dict[str, int]) -> Token:
    """One natasha token; ``head_id`` "1_0" (the root) becomes ``None``."""
    lemma = normalize(token.lemma or token.text)
    feats = token.feats or {}  # natasha's own dict: its Doc is dropped right after, nothing else holds it
    return Token(token.start, token.stop, token.text, lemma, token.pos, feats, ids.get(token.head_id), token.rel)


def adapt_span(span: Any) -> Entity:
    return Entity(span.start, span.stop, span.text, span.type, span.normal or span.text)
