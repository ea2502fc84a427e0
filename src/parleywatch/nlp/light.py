"""English and Ukrainian analysis without a neural model: regex tokens, simplemma lemmas.

Names come from the actor registry's gazetteer (lemma sequences, passed in as data) and from
capitalisation: a run of two capitalised words or more that does not open with a title word.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import lru_cache

import simplemma  # type: ignore[import-untyped]

from parleywatch.nlp import patterns
from parleywatch.nlp.records import Analysis, Entity, Sentence, Token
from parleywatch.nlp.text import normalize

log = logging.getLogger(__name__)

Gazetteer = Mapping[tuple[str, ...], str]  # lemma sequence -> entity type (PER, ORG, LOC)


class LightAnalyzer:
    """Analyzer for a language simplemma knows (``en``, ``uk``)."""

    def __init__(self, language: str, gazetteer: Gazetteer | None = None) -> None:
        if language not in {"en", "uk"}:
            raise ValueError(f"language must be 'en' or 'uk', got {language!r}")
        self.language = language
        self.gazetteer: Gazetteer = gazetteer or {}
        self.longest = max((len(key) for key in self.gazetteer), default=0)

    def analyze(self, text: str, version: str) -> Analysis:
        analysis = Analysis(language=self.language, version=version)
        for start, end in split_sentences(text):
            first = len(analysis.tokens)
            analysis.tokens.extend(self.tokenize(text, start, end))
            analysis.sentences.append(Sentence(start, end, text[start:end], first, len(analysis.tokens)))
        analysis.entities = find_entities(analysis, text, self.gazetteer, self.longest)
        return analysis

    def tokenize(self, text: str, start: int, end: int) -> list[Token]:
        return [
            Token(m.start(), m.end(), m.group(), lemmatize(m.group(), self.language))
            for m in patterns.TOKEN.finditer(text, start, end)
        ]


@lru_cache(maxsize=200_000)
def lemmatize(word: str, language: str) -> str:
    """simplemma's lemma, lowercased (it keeps the case of English proper nouns); an English
    possessive is its noun ("Putin's" -> "putin")."""
    if language == "en" and normalize(word).endswith("'s") and len(word) > 3:
        word = word[:-2]
    lemma = normalize(str(simplemma.lemmatize(word, lang=language)))
    if language == "uk" and lemma == normalize(word) and word[:1].isupper():
        return guess_name_lemma(lemma)
    return lemma


def guess_name_lemma(word: str) -> str:
    """A Ukrainian name simplemma does not know, back in the nominative: "віткоффом" -> "віткофф".

    Only unambiguous case endings of masculine and feminine names are undone.

    >>> guess_name_lemma("стівом"), guess_name_lemma("коултер")
    ('стів', 'коултер')
    """
    for ending, nominative in patterns.UK_NAME_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + nominative
    return word


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ranges; a dot after a known abbreviation or an initial does not split."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in patterns.SENTENCE_END.finditer(text):
        if _ends_with_abbreviation(text[start : match.start()]):
            continue
        spans.extend(_paragraphs(text, start, match.start()))
        start = match.end()
    spans.extend(_paragraphs(text, start, len(text)))
    return spans


def _ends_with_abbreviation(chunk: str) -> bool:
    words = chunk.rstrip(".!?…\"»”)").split()
    last = words[-1].lower() if words else ""
    return len(last) == 1 or last in patterns.ABBREVIATIONS


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Line breaks always end a sentence (titles, list items); blank pieces are dropped."""
    spans = []
    for piece_start, piece in _pieces(text[start:end]):
        stripped = piece.strip()
        if stripped:
            offset = start + piece_start + piece.index(stripped)
            spans.append((offset, offset + len(stripped)))
    return spans


def _pieces(chunk: str) -> list[tuple[int, str]]:
    pieces, offset = [], 0
    for line in chunk.split("\n"):
        pieces.append((offset, line))
        offset += len(line) + 1
    return pieces


# --- names --------------------------------------------------------------------------------------


def find_entities(analysis: Analysis, text: str, gazetteer: Gazetteer, longest: int) -> list[Entity]:
    entities: list[Entity] = []
    for sentence in analysis.sentences:
        tokens = analysis.sentence_tokens(sentence)
        entities.extend(_sentence_entities(tokens, text, gazetteer, longest))
    return entities


def _sentence_entities(tokens: list[Token], text: str, gazetteer: Gazetteer, longest: int) -> list[Entity]:
    found: list[Entity] = []
    index = 0
    while index < len(tokens):
        size, kind = gazetteer_match(tokens, index, gazetteer, longest)
        if not size:
            size, kind = capitalized_run(tokens, index)
        if size:
            first, last = tokens[index], tokens[index + size - 1]
            normal = " ".join(t.text for t in tokens[index : index + size])
            found.append(Entity(first.start, last.end, text[first.start : last.end], kind, normal))
        index += size or 1
    return found


def gazetteer_match(tokens: list[Token], index: int, gazetteer: Gazetteer, longest: int) -> tuple[int, str]:
    """The longest registry name starting at ``index``, as (token count, type)."""
    for size in range(min(longest, len(tokens) - index), 0, -1):
        window = tokens[index : index + size]
        kind = gazetteer.get(tuple(t.lemma for t in window)) or gazetteer.get(
            tuple(t.text.lower() for t in window)
        )
        if kind and window[0].text[:1].isupper():
            return size, kind
    return 0, ""


def capitalized_run(tokens: list[Token], index: int) -> tuple[int, str]:
    """A run of two or more capitalised words that does not open with a title ("President")."""
    end = index
    while end < len(tokens) and _name_word(tokens, index, end):
        end += 1
    while end > index and not _capitalized(tokens[end - 1]):
        end -= 1  # a run never ends on a joiner
    size = end - index
    opener = {tokens[index].lemma, tokens[index].text.lower()}
    if size < 2 or opener & patterns.NOT_NAMES or opener & patterns.TITLE_WORDS:
        return 0, ""  # a lone unknown capitalised word is too often a noun or an adjective
    return size, "ORG" if tokens[end - 1].lemma in patterns.ORG_HEADS else "PER"


def _name_word(tokens: list[Token], first: int, index: int) -> bool:
    token = tokens[index]
    if _capitalized(token):
        return True
    return index > first and token.text in patterns.NAME_JOINERS


def _capitalized(token: Token) -> bool:
    return token.text[:1].isupper() and token.text[:1].isalpha()
