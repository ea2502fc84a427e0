"""Statements of one article: direct quotes first, else indirect speech, sentence by sentence."""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from parleywatch.actors import ArticleLinks, Mention
from parleywatch.extract.dates import find_dates
from parleywatch.extract.issues import find_issues
from parleywatch.extract.statements.lexicon import SpeechLexicon
from parleywatch.extract.statements.quotes import find_quotes
from parleywatch.extract.statements.speaker import Attribution, Speaker, find_speaker
from parleywatch.extract.statements.via import find_via
from parleywatch.ingest import OutletRegistry
from parleywatch.nlp import Analysis, Sentence, Token
from parleywatch.records import Article

MIN_CONTENT_WORDS = 3


@dataclass(slots=True)
class Context:
    """What every sentence of one article needs; ``last`` carries the speaker forward."""

    article: Article
    analysis: Analysis
    mentions: list[Mention]
    links: ArticleLinks
    lexicon: SpeechLexicon
    outlets: OutletRegistry
    published: date | None
    last: Speaker | None = None
    starts: list[int] = field(default_factory=list)  # token starts, for bisect


@dataclass(slots=True, frozen=True)
class Found:
    """One statement's pieces as article offsets: content and attribution."""

    start: int
    end: int
    attr_start: int
    attr_end: int
    direct: bool


def extract_statements(ctx: Context) -> list[dict[str, Any]]:
    records = []
    for sentence in ctx.analysis.sentences:
        for found in find_in_sentence(ctx, sentence):
            record = build(ctx, sentence, found)
            if record:
                records.append(record)
                ctx.last = record["speaker"]
    return records


def find_in_sentence(ctx: Context, sentence: Sentence) -> list[Found]:
    quotes = find_quotes(sentence.text)
    base = sentence.start
    direct = [Found(base + q.start, base + q.end, base + q.attr_start, base + q.attr_end, True) for q in quotes]
    direct = [f for f in direct if _has_cue(ctx, f.attr_start, f.attr_end)]
    if direct or quotes:
        return direct
    found = according(ctx, sentence) or reported(ctx, sentence) or evaluated(ctx, sentence)
    return [found] if found else []


def according(ctx: Context, sentence: Sentence) -> Found | None:
    """"По словам X, ..." / "..., according to X." """
    match = ctx.lexicon.according.search(sentence.text)
    if not match:
        return None
    comma = sentence.text.find(",", match.end())
    base = sentence.start
    if match.start() <= 2 and comma > 0:
        return Found(base + comma + 1, sentence.end, base + match.start(), base + comma, False)
    return Found(sentence.start, base + match.start(), base + match.start(), sentence.end, False)


def reported(ctx: Context, sentence: Sentence) -> Found | None:
    """"X заявил, что ..." or the inverted "..., сообщил X"."""
    tokens = ctx.analysis.sentence_tokens(sentence)
    verb = next((i for i, t in enumerate(tokens) if t.lemma.lower() in ctx.lexicon.verbs), None)
    if verb is None:
        return None
    if verb > 0 and tokens[verb - 1].text in {",", "—", "–"}:
        return Found(sentence.start, tokens[verb - 1].start, tokens[verb].start, sentence.end, False)
    rest = tokens[verb + 1 :]
    opener = next((i for i, t in enumerate(rest) if t.text in {",", ":"} or t.lemma.lower() in {"что", "that"}), None)
    if opener is None:
        return None
    content = rest[opener + 1 :]
    if content and content[0].lemma.lower() in {"что", "that"}:
        content = content[1:]
    if not content:
        return None
    return Found(content[0].start, sentence.end, sentence.start, rest[opener].start, False)


def evaluated(ctx: Context, sentence: Sentence) -> Found | None:
    """"X раскритиковал решение Вашингтона": the opinion is the verb and what follows it, X the
    speaker (named before the verb)."""
    tokens = ctx.analysis.sentence_tokens(sentence)
    verb = next((t for t in tokens if t.lemma.lower() in ctx.lexicon.evaluative), None)
    if verb is None or not any(sentence.start <= m.start and m.end <= verb.start for m in ctx.mentions):
        return None
    return Found(verb.start, sentence.end, sentence.start, verb.end, False)


def _has_cue(ctx: Context, start: int, end: int) -> bool:
    text = ctx.article.text[start:end]
    lemmas = {t.lemma.lower() for t in _tokens(ctx, start, end)}
    return bool(lemmas & ctx.lexicon.verbs) or ctx.lexicon.according.search(text) is not None


def _tokens(ctx: Context, start: int, end: int) -> list[Token]:
    if not ctx.starts:
        ctx.starts = [t.start for t in ctx.analysis.tokens]
    first = bisect.bisect_left(ctx.starts, start)
    last = bisect.bisect_left(ctx.starts, end)
    return [t for t in ctx.analysis.tokens[first:last] if t.end <= end]


def build(ctx: Context, sentence: Sentence, found: Found) -> dict[str, Any] | None:
    text = ctx.article.text[found.start : found.end].strip(" ,.:;—–-«»\"“”„")
    if len(re.findall(r"\w+", text)) < MIN_CONTENT_WORDS:
        return None
    via = find_via(sentence.text, ctx.lexicon, ctx.outlets)
    speaker = find_speaker(_attribution(ctx, found, sentence.start, via))
    if speaker is None:
        return None
    return {
        "kind": "statement",
        "id": "st:" + hashlib.sha1(f"{ctx.article.id}:{found.start}:{found.end}".encode()).hexdigest()[:16],
        "speaker": speaker,
        "text": text,
        "direct": found.direct,
        "date": statement_date(ctx, found),
        "via": [name for _, _, name in via],
        "issues": find_issues(text, [t.lemma for t in _tokens(ctx, found.start, found.end)], ctx.article.language),
        "evidence": [{"article_id": ctx.article.id, "start": sentence.start, "end": sentence.end,
                      "text": sentence.text}],
        "article_id": ctx.article.id,
        "reporting_verb": _verb(ctx, found),
    }


def _attribution(ctx: Context, found: Found, base: int, via: list[tuple[int, int, str]]) -> Attribution:
    hidden = [(base + s, base + e) for s, e, _ in via]
    mentions = [m for m in ctx.mentions if found.attr_start <= m.start and m.end <= found.attr_end
                and not any(s <= m.start < e for s, e in hidden)]
    tokens = [t for t in _tokens(ctx, found.attr_start, found.attr_end) if not any(s <= t.start < e for s, e in hidden)]
    return Attribution(ctx.article.text, tokens, mentions, ctx.links.actors, ctx.lexicon, ctx.last,
                       ctx.analysis.tokens)


def _verb(ctx: Context, found: Found) -> str | None:
    cues = ctx.lexicon.verbs | ctx.lexicon.evaluative
    verbs = [t.lemma for t in _tokens(ctx, found.attr_start, found.attr_end) if t.lemma.lower() in cues]
    return verbs[0] if verbs else None


def statement_date(ctx: Context, found: Found) -> dict[str, Any]:
    """A date named in the attribution ("заявил в понедельник"), else the publication day."""
    if ctx.published is None:
        return {"start": None, "end": None, "precision": "unknown", "text": ""}
    attribution = ctx.article.text[found.attr_start : found.attr_end]
    spans = find_dates(attribution, ctx.published, ctx.article.language)
    if spans and spans[0].start:
        return spans[0].as_dict()
    day = ctx.published.isoformat()
    return {"start": day, "end": day, "precision": "day", "text": ""}
