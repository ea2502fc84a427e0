"""``link_article``: the mentions of actors in an article and the actors they point to.

Candidates are NER entities plus registry names the NER missed; each goes through ``RULES``.
Role and label descriptions ("госсекретарь США", "российский диктатор") are found with a
second phrase index and resolved by the article date and the names around them.
"""

from __future__ import annotations

import bisect
import logging
import re
from functools import lru_cache
from pathlib import Path

import yaml

from parleywatch.actors.context import Candidate, Context, Link
from parleywatch.actors.index import Entry, Match, scan, token_forms
from parleywatch.actors.metonymy import acts
from parleywatch.actors.records import MENTION_TYPES, Actor, ArticleLinks, Mention
from parleywatch.actors.registry import DATA_DIR, ActorRegistry
from parleywatch.actors.rules import RULES
from parleywatch.nlp import Analysis, Entity, Sentence
from parleywatch.records import Article

log = logging.getLogger(__name__)

Forms = list[tuple[str, ...]]  # token_forms of every token of an analysis, computed once
PROVISIONAL_ACTOR_TYPES = {"per": "person", "org": "organization", "loc": "place"}
DESCRIPTION = "DESC"
METONYMY = "metonymy"  # the rule of a place name standing for its government ("Москва заявила")


def link_article(article: Article, analysis: Analysis, registry: ActorRegistry) -> ArticleLinks:
    context = _context(article, analysis, registry)
    mentions = [_link_candidate(c, context) for c in candidates(analysis, registry, context.forms)]
    context.names_at = {m.start: m for m in mentions}
    found = descriptions(analysis, registry, context.forms)
    mentions += [m for m in (_link_description(d, context) for d in found) if m]
    mentions.sort(key=lambda m: (m.start, -m.end))
    return ArticleLinks(mentions=mentions, actors=context.actors)


def _context(article: Article, analysis: Analysis, registry: ActorRegistry) -> Context:
    verbs, heads = agency_cues(DATA_DIR / "agency.yaml")
    forms = [token_forms(t) for t in analysis.tokens]
    return Context(article.id, article.text, article.published, analysis, registry, verbs, heads, forms)


@lru_cache(maxsize=4)
def agency_cues(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return frozenset(data["agent_verbs"]), frozenset(data["agent_heads"])


# --- candidates --------------------------------------------------------------------------------


def candidates(analysis: Analysis, registry: ActorRegistry, forms: Forms | None = None) -> list[Candidate]:
    """NER entities, replaced by a registry name that strictly contains them, plus lone names."""
    found = _entity_candidates(analysis)
    for sentence in analysis.sentences:
        for match in scan(registry.names, analysis.tokens, sentence.first, sentence.last, forms):
            found = _merge(found, _match_candidate(match, analysis, registry))
    return sorted(found, key=lambda c: c.first)


def _entity_candidates(analysis: Analysis) -> list[Candidate]:
    by_start = {t.start: i for i, t in enumerate(analysis.tokens)}
    by_end = {t.end: i for i, t in enumerate(analysis.tokens)}
    found = []
    for entity in (piece for e in analysis.entities for piece in name_pieces(e)):
        first, last = by_start.get(entity.start), by_end.get(entity.end)
        if first is None or last is None:
            log.debug("entity %r does not align with tokens", entity.text)
            continue
        span = (entity.start, entity.end, entity.text, entity.type, entity.normal)
        found.append(Candidate(first, last + 1, *span))
    return found


LIST_MARKS = re.compile(r"\s*[•·|]\s*")


def name_pieces(entity: Entity) -> list[Entity]:
    """A name never runs over a line break or a list mark: "Джонсона\n\nОтставка" (a headline
    glued to the text by the sentence splitter) is "Джонсона"; "Монако • Намибия" is two names."""
    entity = _first_line(entity)
    if not LIST_MARKS.search(entity.text):
        return [entity]
    pieces, offset = [], 0
    for part in LIST_MARKS.split(entity.text):
        offset = entity.text.index(part, offset) if part else offset
        if part:
            pieces.append(Entity(entity.start + offset, entity.start + offset + len(part), part, entity.type, part))
        offset += len(part)
    return pieces


def _first_line(entity: Entity) -> Entity:
    if "\n" not in entity.text:
        return entity
    text = entity.text.split("\n", 1)[0].rstrip()
    normal = entity.normal.split("\n", 1)[0].rstrip() or text
    return Entity(entity.start, entity.start + len(text), text, entity.type, normal)


def _match_candidate(match: Match, analysis: Analysis, registry: ActorRegistry) -> Candidate:
    tokens = analysis.tokens[match.first : match.last]
    start, end = tokens[0].start, tokens[-1].end
    text = " ".join(t.text for t in tokens)
    actor_id = next(e.actor_id for e in match.entries if e.actor_id)
    kind = MENTION_TYPES[registry.actor(actor_id).type]
    return Candidate(match.first, match.last, start, end, text, "LOC" if kind == "GOV" else kind, text)


def _merge(found: list[Candidate], new: Candidate) -> list[Candidate]:
    overlapping = [c for c in found if c.first < new.last and new.first < c.last]
    if not overlapping:
        return [*found, new]
    if all(new.first <= c.first and c.last <= new.last for c in overlapping) and new.size > max(
        c.size for c in overlapping
    ):
        return [c for c in found if c not in overlapping] + [new]
    return found


# --- names -------------------------------------------------------------------------------------


def _link_candidate(candidate: Candidate, context: Context) -> Mention:
    link = next(link for rule in RULES if (link := rule(candidate, context)) is not None)
    actor = _actor_for(link, candidate, context)
    rule = link.rule
    if (government := _government(actor, candidate, context)) is not None:
        actor, rule = government, METONYMY
    _remember(actor, candidate, context)
    kind = candidate.ner_type if actor.provisional else MENTION_TYPES[actor.type]
    return _mention(candidate.start, candidate.end, context, actor.id, kind or "PER", None, rule)


def _actor_for(link: Link, candidate: Candidate, context: Context) -> Actor:
    if link.actor_id in context.registry.known:
        actor = context.actors.get(link.actor_id) or _copy(context.registry.actor(link.actor_id))
    else:
        actor = context.actors.get(link.actor_id) or _provisional(link.actor_id, candidate)
    actor.add_name(candidate.normal)
    context.actors[actor.id] = actor
    return actor


def _copy(actor: Actor) -> Actor:
    return Actor.from_dict(actor.to_dict())


def _provisional(actor_id: str, candidate: Candidate) -> Actor:
    kind = PROVISIONAL_ACTOR_TYPES[actor_id.split(":")[1]]
    return Actor(actor_id, candidate.normal, kind, None, [], provisional=True)


def _government(actor: Actor, candidate: Candidate, context: Context) -> Actor | None:
    known = context.registry.known.get(actor.id)
    if known is None or known.government is None or not acts(candidate, context):
        return None
    government = context.actors.get(known.government) or _copy(context.registry.actor(known.government))
    government.add_name(candidate.normal)
    context.actors[government.id] = government
    return government


def _remember(actor: Actor, candidate: Candidate, context: Context) -> None:
    if actor.type == "person" and candidate.size > 1:
        context.remember_person(actor.id, context.tokens(candidate))


# --- descriptions ------------------------------------------------------------------------------


def descriptions(analysis: Analysis, registry: ActorRegistry, forms: Forms | None = None) -> list[Match]:
    return [
        match
        for sentence in analysis.sentences
        for match in scan(registry.descriptors, analysis.tokens, sentence.first, sentence.last, forms)
    ]


def _link_description(match: Match, context: Context) -> Mention | None:
    entry = match.entries[0]
    actor_id = entry.actor_id or _role_holder(entry, match, context)
    if actor_id is None:
        return None
    actor = context.actors.get(actor_id) or _copy(context.registry.actor(actor_id))
    context.actors[actor.id] = actor
    tokens = context.analysis.tokens
    start, end = tokens[match.first].start, tokens[match.last - 1].end
    return _mention(start, end, context, actor.id, DESCRIPTION, entry.label, "description")


def _role_holder(entry: Entry, match: Match, context: Context) -> str | None:
    """The person named right after the role, else the single holder on the article date.

    A place or organisation right after it ("министр иностранных дел Турции") qualifies the role
    with a country the phrase did not include: then nobody.
    """
    following = _following_name(match, context)
    if following is not None:
        return following.actor_id if following.type == "PER" else None
    holders = context.registry.holders(entry.role_id or "", context.day)
    if len(holders) > 1:
        holders = [h for h in holders if context.seen(h)]
    return holders[0] if len(holders) == 1 else None


def _following_name(match: Match, context: Context) -> Mention | None:
    """A name mention starting right after the description ("госсекретарь США Марко Рубио")."""
    tokens = context.analysis.tokens
    if match.last >= len(tokens):
        return None
    return context.names_at.get(tokens[match.last].start)


def _mention(
    start: int, end: int, context: Context, actor_id: str, kind: str, label: str | None, rule: str
) -> Mention:
    if not context.sentence_starts:
        context.sentence_starts = [s.start for s in context.analysis.sentences]
    sentence = _sentence_of(start, context.analysis, context.sentence_starts)
    text = context.text[start:end]
    return Mention(
        context.article_id, start, end, text, actor_id, kind, sentence.start, sentence.end, label, rule
    )


def _sentence_of(offset: int, analysis: Analysis, starts: list[int]) -> Sentence:
    return analysis.sentences[max(bisect.bisect_right(starts, offset) - 1, 0)]
