"""Statements of one article: direct quotes first, else one indirect statement, sentence by sentence;
an attribution that points back ("Об этом сообщил X") gives the sentence before to its speaker."""

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
from parleywatch.extract.statements.backward import PointsBack, points_back
from parleywatch.extract.statements.cues import Tree, cue_act
from parleywatch.extract.statements.indirect import Found, indirect, inside, quote_speaker
from parleywatch.extract.statements.lexicon import SpeechLexicon
from parleywatch.extract.statements.quotes import find_quotes
from parleywatch.extract.statements.speaker import Attribution, Resolved, Speaker, find_speaker
from parleywatch.extract.statements.via import find_via, outlet_id
from parleywatch.ingest import OutletRegistry
from parleywatch.nlp import Analysis, Sentence, Token
from parleywatch.records import Article

MIN_CONTENT_WORDS = 3
MIN_STANCE_WORDS = 2  # "поддержал гособвинителя": the verb and its object


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
    chains: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)  # sentence start -> its via

    def via(self, sentence: Sentence) -> list[tuple[int, int, str]]:
        """The sentence's outlet chain (``find_via``), found once: every candidate reads it."""
        if sentence.start not in self.chains:
            self.chains[sentence.start] = find_via(sentence.text, self.lexicon, self.outlets)
        return self.chains[sentence.start]


def extract_statements(ctx: Context) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    before: Sentence | None = None
    said: list[dict[str, Any]] = []  # the statements of the sentence before
    for sentence in ctx.analysis.sentences:
        back = said_before(ctx, sentence, before, said)
        said = sentence_statements(ctx, sentence) if back is None else back
        for record in said:
            records.append(record)
            ctx.last = record["speaker"]
        before = sentence
    return records


def said_before(ctx: Context, sentence: Sentence, before: Sentence | None,
                said: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The statement of an attribution pointing back ("Об этом сообщил X"), None when the
    sentence is no such attribution. When the sentence before has statements of its own, or the
    attribution names only an outlet ("Об этом пишет «Коммерсантъ»"), nothing new is said: its
    outlets join those statements' chains."""
    via = ctx.via(sentence)
    hidden = [(sentence.start + s, sentence.start + e) for s, e, _ in via]
    back = points_back(ctx.article.text, sentence, before, ctx.analysis.sentence_tokens(sentence), ctx.lexicon, hidden)
    if back is None:
        return None
    record = None if said and len(back.sentences) == 2 else build(ctx, sentence, back.found, back)
    if record is not None:
        return [record]
    if len(back.sentences) == 2 and via:
        for statement in said:
            statement["via"] += [name for _, _, name in via if name not in statement["via"]]
            statement["evidence"].append(_evidence(ctx, sentence))
    return []


def _evidence(ctx: Context, sentence: Sentence) -> dict[str, Any]:
    return {"article_id": ctx.article.id, "start": sentence.start, "end": sentence.end, "text": sentence.text}


def sentence_statements(ctx: Context, sentence: Sentence) -> list[dict[str, Any]]:
    """Every attributed quote; else the first indirect candidate that names a speaker; else the
    first whose attribution names only an outlet ("По данным ТАСС, ..."), so that "Как сообщает
    ТАСС, Лавров заявил, что ..." stays Lavrov's. A cue inside the content of a candidate whose
    subject could not speak ("он заявил, что Россия поддержит ...", with no earlier speaker) is
    that subject's reported words: skipped."""
    direct = [record for found in quoted(ctx, sentence) if (record := build(ctx, sentence, found))]
    if direct:
        return direct
    hidden = [(sentence.start + s, sentence.start + e) for s, e, _ in ctx.via(sentence)]
    covered: list[tuple[int, int]] = []
    tried: list[Found] = []
    for found in indirect(sentence, ctx.analysis.sentence_tokens(sentence), ctx.lexicon, hidden):
        if inside(found.attr_start if found.cue is None else ctx.analysis.tokens[found.cue].start, covered):
            continue
        record = build(ctx, sentence, found)
        if record:
            return [record]
        tried.append(found)
        if found.subject and not _outlet_subject(ctx, found):  # "Как сообщал «Ъ», X заявил": X speaks
            covered.append((found.start, found.end))
    return next(([record] for found in tried if (record := build(ctx, sentence, found, outlets_speak=True))), [])


def _outlet_subject(ctx: Context, found: Found) -> bool:
    head = ctx.analysis.tokens[found.subject[0]]
    return any(m.start <= head.start < m.end and outlet_id(m.text, ctx.outlets) for m in ctx.links.mentions)


def quoted(ctx: Context, sentence: Sentence) -> list[Found]:
    """Quotes whose attribution has a speech or opinion cue ("— сказал X", "считает эксперт")."""
    base, tree = sentence.start, Tree(ctx.analysis.sentence_tokens(sentence), sentence.first)
    found = [Found(base + q.start, base + q.end, base + q.attr_start, base + q.attr_end, True)
             for q in find_quotes(sentence.text)]
    cued = [f for f in found if _has_cue(ctx, f.attr_start, f.attr_end)]
    return [quote_speaker(f, sentence, tree, ctx.lexicon) for f in cued] if tree.parsed else cued


def _has_cue(ctx: Context, start: int, end: int) -> bool:
    text = ctx.article.text[start:end]
    lemmas = {t.lemma.lower() for t in _tokens(ctx, start, end)}
    return (bool(lemmas & (ctx.lexicon.speech | ctx.lexicon.opinion)) or ctx.lexicon.according.search(text) is not None
            or ctx.lexicon.according_opinion.search(text) is not None)


def _tokens(ctx: Context, start: int, end: int) -> list[Token]:
    if not ctx.starts:
        ctx.starts = [t.start for t in ctx.analysis.tokens]
    first = bisect.bisect_left(ctx.starts, start)
    last = bisect.bisect_left(ctx.starts, end)
    return [t for t in ctx.analysis.tokens[first:last] if t.end <= end]


def build(ctx: Context, sentence: Sentence, found: Found, back: PointsBack | None = None,
          outlets_speak: bool = False) -> dict[str, Any] | None:
    """The statement record; ``back`` gives the evidence of an attribution pointing back;
    ``outlets_speak`` lets an outlet the chain hid be the speaker when no one else is named."""
    text = ctx.article.text[found.start : found.end].strip(" ,.:;—–-«»\"“”„")
    if len(re.findall(r"\w+", text)) < (MIN_STANCE_WORDS if found.act == "stance" else MIN_CONTENT_WORDS):
        return None
    via = ctx.via(sentence)
    resolved = find_speaker(_attribution(ctx, found, sentence, via))
    unlinked = resolved is not None and resolved.speaker["actor_id"] is None  # "По данным ТАСС": the words
    outlet = _outlet_speaker(ctx, found, resolved) if unlinked or (resolved is None and outlets_speak) else None
    if outlet is not None:
        resolved, outlet_name = outlet
        via = via if any(name == outlet_name for _, _, name in via) else [(0, 0, outlet_name), *via]
    if resolved is None:
        return None
    verb = _verb(ctx, found)
    return {
        "kind": "statement",
        "id": "st:" + hashlib.sha1(f"{ctx.article.id}:{found.start}:{found.end}".encode()).hexdigest()[:16],
        "speaker": resolved.speaker,
        "speaker_mention": _span(ctx, resolved),
        "text": text,
        "direct": found.direct,
        "act": _act(ctx, found),
        "date": statement_date(ctx, found),
        "via": [name for _, _, name in via],
        "issues": find_issues(text, [t.lemma for t in _tokens(ctx, found.start, found.end)], ctx.article.language),
        "evidence": [_evidence(ctx, s) for s in (back.sentences if back else (sentence,))],
        "article_id": ctx.article.id,
        "reporting_verb": verb,
    }


def _outlet_speaker(ctx: Context, found: Found, resolved: Resolved | None) -> tuple[Resolved, str] | None:
    """"По данным ТАСС, ...", "Как сообщает «Интерфакс», ...": the attribution names an outlet and
    no one else, so the outlet speaks for itself: it is the speaker (its registry actor) and the
    first link of the chain. An unlinked speaker stands only when it is the outlet's own name."""
    for mention in ctx.links.mentions:
        inside = found.attr_start <= mention.start and mention.end <= found.attr_end
        over = resolved is None or (mention.start < resolved.end and resolved.start < mention.end)
        outlet = outlet_id(mention.text, ctx.outlets) if inside and over else None
        actor = ctx.links.actors.get(mention.actor_id) if outlet else None
        if actor is not None and outlet is not None:
            return Resolved({"actor_id": actor.id, "name": actor.name, "type": actor.type}, mention.start,
                            mention.end), outlet
    return None


def _attribution(ctx: Context, found: Found, sentence: Sentence, via: list[tuple[int, int, str]]) -> Attribution:
    """The subject's noun phrase when the parse gave one, else the attribution stretch; outlet
    names of the chain ("сообщает «Интерфакс»") are never the speaker."""
    hidden = [(sentence.start + s, sentence.start + e) for s, e, _ in via]
    if not found.subject:
        tokens = [t for t in _tokens(ctx, found.attr_start, found.attr_end) if not inside(t.start, hidden)]
        mentions = [m for m in ctx.mentions if found.attr_start <= m.start and m.end <= found.attr_end
                    and not inside(m.start, hidden)]
        return Attribution(ctx.article.text, tokens, mentions, ctx.links.actors, ctx.lexicon, ctx.last,
                           ctx.analysis.tokens)
    tokens = sorted((t for k in found.subject if not inside((t := ctx.analysis.tokens[k]).start, hidden)),
                    key=lambda t: t.start)
    core = [ctx.analysis.tokens[k] for k in found.core]
    head = ctx.analysis.tokens[found.subject[0]]
    mentions = _overlapping(ctx.mentions, core) or _modifiers(ctx, _overlapping(ctx.mentions, tokens), head, tokens)
    return Attribution(ctx.article.text, tokens, [m for m in mentions if not inside(m.start, hidden)],
                       ctx.links.actors, ctx.lexicon, ctx.last, ctx.analysis.tokens,
                       ctx.analysis.tokens[found.subject[0]], core_named=bool(_overlapping(ctx.mentions, core)),
                       context=ctx.analysis.sentence_tokens(sentence), earlier=_persons_before(ctx, head.start))


def _modifiers(ctx: Context, mentions: list[Mention], head: Token, tokens: list[Token]) -> list[Mention]:
    """Mentions under the head that speak for it: an institution ("представитель МИД", "власти
    США"; not a place "в Женеве") or a name in the head's case the parse hung lower ("председатель комитета
    Думы Леонид Слуцкий"); not a person in another case ("сын министра Ивана Петрова", "сторонники
    президента")."""
    actors = ctx.links.actors
    case = head.feats.get("Case")

    def speaks(m: Mention) -> bool:
        cases = {t.feats.get("Case") for t in _overlapping_tokens(m, tokens)}
        if m.actor_id not in actors or actors[m.actor_id].type != "person":
            return "Loc" not in cases  # "В Женеве сотни дипломатов": a place, not an institution
        return case is not None and case in cases

    return [m for m in mentions if speaks(m)]


def _overlapping_tokens(mention: Mention, tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if mention.start < t.end and t.start < mention.end]


def _persons_before(ctx: Context, offset: int) -> list[Mention]:
    """Persons named before ``offset`` (the subject), also earlier in its own sentence ("интервью
    Рябкова, в котором он раскритиковал ...")."""
    actors = ctx.links.actors
    return [m for m in ctx.mentions if m.end <= offset and m.actor_id in actors
            and actors[m.actor_id].type == "person"]


def _overlapping(mentions: list[Mention], tokens: list[Token]) -> list[Mention]:
    return [m for m in mentions if any(m.start < t.end and t.start < m.end for t in tokens)]


def _span(ctx: Context, resolved: Resolved) -> dict[str, Any]:
    return {"start": resolved.start, "end": resolved.end, "text": ctx.article.text[resolved.start : resolved.end]}


def _verb(ctx: Context, found: Found) -> str | None:
    if found.cue is not None:
        return ctx.analysis.tokens[found.cue].lemma
    verbs = [t.lemma for t in _tokens(ctx, found.attr_start, found.attr_end) if t.lemma.lower() in ctx.lexicon.cues]
    return verbs[0] if verbs else None


def _act(ctx: Context, found: Found) -> str:
    """speech, opinion or stance: what the cue reports (a quote is speech unless "считает")."""
    if not found.direct:
        return found.act
    tokens = _tokens(ctx, found.attr_start, found.attr_end)
    acts = {cue_act(tokens, i, ctx.lexicon) for i in range(len(tokens))}
    return "opinion" if "opinion" in acts and "speech" not in acts else "speech"


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
