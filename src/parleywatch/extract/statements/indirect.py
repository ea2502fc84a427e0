"""Indirect statements of one sentence: "По словам X, ...", "X заявил, что ...", "..., сообщил X",
"X считает, что ...", "X осудил ...".

With a dependency parse the speaker is the cue's subject (see ``cues``); without one (the light
English and Ukrainian analysis), or for a speech verb whose subject the parse misses
("В заявлении говорится, что ..."), it is looked for in the stretch before or after the cue.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from parleywatch.extract.statements.cues import Cue, Phrase, Tree, find_cues, noun_phrase, passive, speaker_phrase
from parleywatch.extract.statements.lexicon import SpeechLexicon
from parleywatch.nlp import Sentence, Token

DASHES = {"—", "–"}
OPENERS = {",", ":"}
NOMINAL = {"NOUN", "PROPN", "PRON"}


@dataclass(slots=True, frozen=True)
class Found:
    """One statement's pieces as article offsets: content and attribution.

    With a parse, ``subject`` holds the analysis indexes of the speaker's noun phrase (the head
    word first) and ``core`` those of the head with its names; ``cue`` is the cue word's index.
    """

    start: int
    end: int
    attr_start: int
    attr_end: int
    direct: bool
    act: str = "speech"
    cue: int | None = None
    subject: tuple[int, ...] = ()
    core: tuple[int, ...] = ()


def with_phrase(found: Found, phrase: Phrase, first: int, cue: int | None) -> Found:
    """``found`` with the speaker's phrase (sentence positions, ``first`` the sentence's first index)."""
    words = tuple(first + k for k in [phrase.head] + [k for k in phrase.words if k != phrase.head])
    core = tuple(first + k for k in phrase.core)
    return Found(found.start, found.end, found.attr_start, found.attr_end, found.direct, found.act,
                 None if cue is None else first + cue, words, core)


Spans = list[tuple[int, int]]


def indirect(sentence: Sentence, tokens: list[Token], lexicon: SpeechLexicon, hidden: Spans) -> Iterator[Found]:
    """Candidates in order: an "according to" opener, then each cue word. ``hidden`` are the
    outlet names of the chain ("сообщает «Интерфакс»"): an outlet is no subject, the speaker
    is looked for around the cue instead."""
    tree = Tree(tokens, sentence.first)
    first = according(sentence, tree, lexicon, hidden)
    if first:
        yield first
    for cue in find_cues(tokens, lexicon, sentence.first if tree.parsed else None):
        phrase = speaker_phrase(tree, cue.index, lexicon) if tree.parsed else None
        if phrase and inside(tokens[phrase.head].start, hidden):
            phrase = None
        found = syntactic(sentence, tree, cue, phrase, lexicon) if phrase else None
        if phrase is None and (not tree.parsed or (cue.act == "speech" and not passive(tree, cue.index))):
            found = positional(sentence, tokens, cue, lexicon)
        if found:
            yield found


def inside(offset: int, spans: Spans) -> bool:
    """Whether ``offset`` falls in one of ``spans`` (half-open)."""
    return any(s <= offset < e for s, e in spans)


# ---------------------------------------------------------------- "по словам X"


def according(sentence: Sentence, tree: Tree, lexicon: SpeechLexicon, hidden: Spans) -> Found | None:
    """"По словам X, ...", "..., по мнению X, ...", "..., according to X." """
    act, match = "speech", lexicon.according.search(sentence.text)
    opinion = lexicon.according_opinion.search(sentence.text)
    if opinion and (not match or opinion.start() < match.start()):
        act, match = "opinion", opinion
    if not match or (tree.parsed and _has_cue_word(sentence, tree, match.start(), match.end(), lexicon)):
        return None  # "Как заявил ТАСС представитель Кремля ...": the verb's subject is the speaker
    base, text = sentence.start, sentence.text
    comma = text.find(",", match.end())
    if match.start() <= 2 and comma > 0:
        content, attr = (base + comma + 1, sentence.end), (base + match.start(), base + comma)
    elif comma > 0 and len(text[comma:].strip(" .")) > 1 and text[: match.start()].rstrip().endswith(","):
        content, attr = (sentence.start, sentence.end), (base + match.start(), base + comma)  # parenthetical
    else:
        content, attr = (sentence.start, base + match.start()), (base + match.start(), sentence.end)
    found = Found(*content, *attr, False, act)
    after = [k for k, t in enumerate(tree.tokens) if base + match.end() <= t.start and t.end <= attr[1]
             and not inside(t.start, hidden)]
    head = _according_head(tree, after)
    return with_phrase(found, noun_phrase(tree, head), sentence.first, None) if head is not None else found


def _has_cue_word(sentence: Sentence, tree: Tree, start: int, end: int, lexicon: SpeechLexicon) -> bool:
    inside = [k for k, t in enumerate(tree.tokens) if start <= t.start - sentence.start < end]
    return any(cue.index in inside for cue in find_cues(tree.tokens, lexicon, tree.first))


def _according_head(tree: Tree, after: list[int]) -> int | None:
    """The first noun after "по словам": the parse's noun phrase keeps "По данным министерства"
    apart from a name right after it; without a parse the stretch to the comma is the speaker."""
    heads = [k for k in after if tree.tokens[k].pos in NOMINAL]
    if not heads or not tree.parsed:
        return None
    top = [k for k in heads if tree.head(k) not in after]  # "по словам его сторонников": not "его"
    return top[0] if top else heads[0]


# ---------------------------------------------------------------- cue with a parsed subject


def syntactic(sentence: Sentence, tree: Tree, cue: Cue, phrase: Phrase, lexicon: SpeechLexicon) -> Found | None:
    """The cue's subject from the parse, the content by the cue's kind."""
    content = _content(sentence, tree, cue, phrase, lexicon)
    if content is None:
        return None
    tokens, (start, end) = tree.tokens, content
    attr = (sentence.start, start) if start > sentence.start else (end, sentence.end)
    if start == sentence.start and end == sentence.end:
        around = [*phrase.words, cue.index]
        attr = (tokens[min(around)].start, tokens[max(around)].end)
    return with_phrase(Found(start, end, *attr, False, cue.act), phrase, sentence.first, cue.index)


def _content(sentence: Sentence, tree: Tree, cue: Cue, phrase: Phrase,
             lexicon: SpeechLexicon) -> tuple[int, int] | None:
    """What was said: before an inverted ", сообщил X"; after the opener of "заявил, что"; the
    cue with the words under it for a stance, an opinion or "объявил о ...". """
    tokens, i = tree.tokens, cue.index
    after = phrase.head > i
    if after and i > 0 and tokens[i - 1].text in OPENERS | DASHES:
        return sentence.start, tokens[i - 1].start
    rest = max([i, *phrase.words]) + 1 if after else i + 1
    about = _about(tree, i, rest, lexicon)
    framed = i > 0 and tokens[i - 1].lemma.lower() in lexicon.as_words  # "Как сообщают СМИ ..., ..."
    clause = cue.act != "stance" or _complement_next(tokens, rest, lexicon)  # "потребовал, чтобы ..."
    opened = _opened(tokens, rest, lexicon, strict=not framed) if clause and not about else None
    if opened is not None:
        return tokens[opened[1]].start, sentence.end
    if cue.act != "speech" or about:
        last = max(tree.descendants(i))
        return (sentence.start if after else tokens[i].start), tokens[last].end
    return None


def _complement_next(tokens: list[Token], rest: int, lexicon: SpeechLexicon) -> bool:
    """A clause right after the cue: "warned that ...", "настаивала, что ..."."""
    following = [t.lemma.lower() for t in tokens[rest : rest + 2]]
    if following[:1] == [","]:
        following = following[1:]
    return bool(following) and following[0] in lexicon.complementizers


def _about(tree: Tree, i: int, rest: int, lexicon: SpeechLexicon) -> bool:
    """"объявил о заморозке", "сообщила газете о планах": the speech names its topic."""
    if rest < len(tree.tokens) and tree.tokens[rest].lemma.lower() in lexicon.about:
        return True
    return any(tree.tokens[k].lemma.lower() in lexicon.about for c in tree.children(i) if c > i
               for k in tree.children(c) if tree.tokens[k].rel == "case")


def _opened(tokens: list[Token], rest: int, lexicon: SpeechLexicon, strict: bool = False) -> tuple[int, int] | None:
    """The clause opener (",", ":", "что") after the cue and the first content token after it.

    ``strict`` (with a parse): a comma opens the content only right after the cue and its
    subject ("считает, мы ...") or before "что"; not the comma of a list ("в пропаганде
    насилия, извращений") or of a clause that is not said ("отмечали праздник, преступник ...").
    """
    def opens(k: int) -> bool:
        word = tokens[k].lemma.lower()
        if word in lexicon.complementizers or tokens[k].text == ":":
            return True
        following = tokens[k + 1].lemma.lower() if k + 1 < len(tokens) else ""
        return tokens[k].text == "," and (not strict or k == rest or following in lexicon.complementizers)

    opener = next((k for k in range(rest, len(tokens)) if opens(k)), None)
    if opener is None:
        return None
    content = opener + 1
    if content < len(tokens) and tokens[content].lemma.lower() in lexicon.complementizers:
        content += 1
    return (opener, content) if content < len(tokens) else None


# ---------------------------------------------------------------- cue without a parse


def positional(sentence: Sentence, tokens: list[Token], cue: Cue, lexicon: SpeechLexicon) -> Found | None:
    """"X заявил, что ..." or the inverted "..., сообщил X"; a stance: "X осудил ..." with X
    named before the verb (the speaker rules look there)."""
    i, at = cue.index, sentence.first + cue.index
    if i > 0 and tokens[i - 1].text in {",", *DASHES} and not _complement_next(tokens, i + 1, lexicon):
        return Found(sentence.start, tokens[i - 1].start, tokens[i].start, sentence.end, False, cue.act, at)
    tail = _tail(sentence, tokens, i, lexicon)
    if tail is not None:  # "The talks will resume, the minister said."
        return Found(sentence.start, tokens[tail].start, tokens[tail + 1].start, sentence.end, False, cue.act, at)
    clause = _clause_start(sentence, tokens, i)  # "a release Trump welcomed": the speaker is in the cue's clause
    if cue.act == "stance" and not _complement_next(tokens, i + 1, lexicon):
        return Found(tokens[i].start, sentence.end, clause, tokens[i].end, False, cue.act, at)
    opened = _opened(tokens, i + 1, lexicon)
    if opened is None:
        return None
    return Found(tokens[opened[1]].start, sentence.end, clause, tokens[opened[0]].start, False, cue.act, at)


def _clause_start(sentence: Sentence, tokens: list[Token], i: int) -> int:
    """Where the cue's clause begins: after the last comma or dash before it."""
    comma = next((k for k in range(i - 1, -1, -1) if tokens[k].text in {",", *DASHES}), None)
    return tokens[comma + 1].start if comma is not None and comma + 1 < i else sentence.start


TAIL_WORDS = 6  # ", a senior Western official said": the speaker between the comma and the verb


def _tail(sentence: Sentence, tokens: list[Token], i: int, lexicon: SpeechLexicon) -> int | None:
    """The comma before "..., X said." when nothing but an outlet chain follows the verb."""
    after = sentence.text[tokens[i].end - sentence.start :].strip(" .,")
    if after and not lexicon.according.match(after) and not lexicon.via.match(after):
        return None
    comma = next((k for k in range(i - 1, max(i - 1 - TAIL_WORDS, 0), -1) if tokens[k].text == ","), None)
    return comma


def quote_speaker(found: Found, sentence: Sentence, tree: Tree, lexicon: SpeechLexicon) -> Found:
    """A quote's speaker from the parse: the subject of a cue in its attribution, when that
    subject is in the attribution too ("— сказал поддерживающий X законодатель Y")."""
    inside = [k for k, t in enumerate(tree.tokens) if found.attr_start <= t.start and t.end <= found.attr_end]
    opener = according(sentence, tree, lexicon, [])
    if opener and opener.subject and opener.subject[0] - tree.first in inside:
        return replace(found, subject=opener.subject, core=opener.core)
    for cue in find_cues(tree.tokens, lexicon, tree.first):
        phrase = speaker_phrase(tree, cue.index, lexicon) if cue.index in inside else None
        if phrase and phrase.head in inside:
            return with_phrase(found, phrase, tree.first, cue.index)
    return found
