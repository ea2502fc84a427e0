"""Attributions that point back at content already given: "X. Об этом сообщил Y.", "Про це заявив
Y", "This was announced by Y", and in one sentence "X, о чем сообщили в посольстве".

News writes the content first and the attribution after it. The content is the sentence before
(in the same paragraph: a new paragraph starts a new thought) or the clause before the comma;
the speaker is found in the attribution sentence as for any cue (the cue's subject with a parse,
else the words after the opener). The evidence is both sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from parleywatch.extract.statements.cues import Cue, Tree, find_cues, speaker_phrase
from parleywatch.extract.statements.indirect import Found, Spans, inside, with_phrase
from parleywatch.extract.statements.lexicon import SpeechLexicon
from parleywatch.extract.statements.quotes import find_quotes
from parleywatch.nlp import Sentence, Token

PARAGRAPH = re.compile(r"\n\s*\n")
QUOTE_MARGIN = re.compile(r"^[\s«»\"„“”.,!?…—–-]*$")


@dataclass(slots=True, frozen=True)
class PointsBack:
    """A statement whose content (``found.start``/``end``) lies before its attribution sentence;
    ``sentences`` are the evidence, in text order."""

    found: Found
    sentences: tuple[Sentence, ...]


@dataclass(slots=True, frozen=True)
class Target:
    """What an opener points at: the content ``(start, end)``, whether it is a quotation, where
    the attribution begins and the evidence sentences."""

    start: int
    end: int
    direct: bool
    attr_start: int
    sentences: tuple[Sentence, ...]


def previous_sentence(text: str, sentence: Sentence, before: Sentence | None, lexicon: SpeechLexicon) -> Target | None:
    """"X. Об этом сообщил Y.": the sentence before, in the same paragraph."""
    opening = lexicon.backward.match(sentence.text)
    if opening is None or before is None or not same_paragraph(text, before, sentence):
        return None
    start, end, direct = _content_of(text, before)
    return Target(start, end, direct, sentence.start + opening.end(), (last_paragraph(text, before), sentence))


def previous_clause(text: str, sentence: Sentence, before: Sentence | None, lexicon: SpeechLexicon) -> Target | None:
    """"X, о чем сообщил Y.": the clause before the comma."""
    clause = lexicon.backward_clause.search(sentence.text)
    if clause is None or clause.start() == 0:
        return None
    return Target(sentence.start, sentence.start + clause.start(), False, sentence.start + clause.end(), (sentence,))


RULES: list[Callable[[str, Sentence, Sentence | None, SpeechLexicon], Target | None]] = [
    previous_sentence, previous_clause,
]


def points_back(text: str, sentence: Sentence, before: Sentence | None, tokens: list[Token],
                lexicon: SpeechLexicon, hidden: Spans) -> PointsBack | None:
    """The statement of an attribution that points back, or None when ``sentence`` is none: the
    first rule's target, the speaker of the first cue after the opener."""
    target = next((t for rule in RULES if (t := rule(text, sentence, before, lexicon))), None)
    if target is None:
        return None
    tree = Tree(tokens, sentence.first)
    cue = _first_cue(text, tokens, lexicon, tree, target.attr_start)
    if cue is None:
        return None
    found = Found(target.start, target.end, target.attr_start, sentence.end, target.direct, cue.act,
                  sentence.first + cue.index)
    phrase = speaker_phrase(tree, cue.index, lexicon) if tree.parsed else None
    if phrase is not None and not inside(tokens[phrase.head].start, hidden):
        found = with_phrase(found, phrase, sentence.first, cue.index)
    return PointsBack(found, target.sentences)


def same_paragraph(text: str, before: Sentence, sentence: Sentence) -> bool:
    """No blank line between the two sentences.

    >>> a, b = Sentence(0, 2, "A.", 0, 1), Sentence(4, 6, "B.", 1, 2)
    >>> same_paragraph("A.\\n\\nB.", a, b), same_paragraph("A. B.", a, Sentence(3, 5, "B.", 1, 2))
    (False, True)
    """
    return PARAGRAPH.search(text, before.end, sentence.start) is None


def last_paragraph(text: str, sentence: Sentence) -> Sentence:
    """The sentence from its last paragraph break on: a subheading the segmenter glued to it is
    no part of what was said."""
    breaks = list(PARAGRAPH.finditer(text, sentence.start, sentence.end))
    if not breaks:
        return sentence
    start = breaks[-1].end()
    return Sentence(start, sentence.end, text[start : sentence.end], sentence.first, sentence.last)


def _content_of(text: str, before: Sentence) -> tuple[int, int, bool]:
    """The sentence before (its last paragraph); a direct quote when it is nothing but one quotation."""
    own = last_paragraph(text, before)
    quotes = find_quotes(own.text)
    if len(quotes) == 1:
        q = quotes[0]
        if QUOTE_MARGIN.match(own.text[: q.start]) and QUOTE_MARGIN.match(own.text[q.end :]):
            return own.start + q.start, own.start + q.end, True
    return own.start, own.end, False


def _first_cue(text: str, tokens: list[Token], lexicon: SpeechLexicon, tree: Tree, after: int) -> Cue | None:
    """The first cue after the opener, with no comma between them: "Об этом в понедельник
    сообщил ...", not "This was a hard decision, Lavrov said" (its own content before the comma)."""
    found = find_cues(tokens, lexicon, tree.first if tree.parsed else None)
    cues = [c for c in found if tokens[c.index].start >= after]
    if not cues or "," in text[after : tokens[cues[0].index].start]:
        return None
    return cues[0]
