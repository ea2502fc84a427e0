"""``link_article``: the mentions of actors in an article and the actors they point to.

Candidates are NER entities plus registry names the NER missed; each goes through ``RULES``.
Embassy phrases ("посольство США", "американское посольство") then replace the country names in
them (``embassies``). Role and label descriptions ("госсекретарь США", "российский диктатор")
are found with a second phrase index and resolved by the article date and the names around them.
"""

from __future__ import annotations

import bisect
import logging
import re
from functools import lru_cache
from pathlib import Path

import yaml

from parleywatch.actors.context import Candidate, Context, Link
from parleywatch.actors.embassies import find_embassies, load_cues
from parleywatch.actors.index import Entry, Match, scan, token_forms
from parleywatch.actors.metonymy import acts
from parleywatch.actors.records import MENTION_TYPES, Actor, ArticleLinks, Mention
from parleywatch.actors.registry import DATA_DIR, ActorRegistry
from parleywatch.actors.rules import PLACE_TYPES, QUOTES, RULES
from parleywatch.nlp import Analysis, Entity, Sentence, Token
from parleywatch.records import Article

log = logging.getLogger(__name__)

Forms = list[tuple[str, ...]]  # token_forms of every token of an analysis, computed once
PROVISIONAL_ACTOR_TYPES = {"per": "person", "org": "organization", "loc": "place"}
DESCRIPTION = "DESC"
METONYMY = "metonymy"  # the rule of a place name standing for its government ("Москва заявила")
EMBASSY = "embassy"  # the rule of an embassy phrase ("посольство США")
# Tags of a word that, alone, is not a name even where it is spelt like one: "Того же мнения"
# (not Togo), "Мало кто" (not Malé), "загреб" (not Zagreb).
NOT_NAME_POS = frozenset({"DET", "PRON", "ADV", "ADP", "CCONJ", "SCONJ", "PART", "VERB", "AUX", "NUM", "INTJ"})


def link_article(article: Article, analysis: Analysis, registry: ActorRegistry) -> ArticleLinks:
    context = _context(article, analysis, registry)
    mentions = [_link_candidate(c, context) for c in candidates(analysis, registry, context.forms)]
    mentions = _with_embassies(mentions, context)
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
        matches = scan(registry.names, analysis.tokens, sentence.first, sentence.last, forms)
        for match in matches:
            if not any(rule(match, analysis, registry) for rule in NOT_NAMES):
                found = _merge(found, _match_candidate(match, analysis, registry))
    return sorted(found, key=lambda c: c.first)


def common_word(match: Match, analysis: Analysis, registry: ActorRegistry) -> bool:
    """A one-word registry name the tagger reads as a pronoun, adverb, verb... is that word."""
    return match.last - match.first == 1 and analysis.tokens[match.first].pos in NOT_NAME_POS


def quoted_place(match: Match, analysis: Analysis, registry: ActorRegistry) -> bool:
    """"полёта «Колумбии»", "крейсер «Москва»": a place name alone in quotes is a title."""
    tokens = analysis.tokens
    if match.first == 0 or match.last >= len(tokens):
        return False
    if tokens[match.first - 1].text not in QUOTES or tokens[match.last].text not in QUOTES:
        return False
    return all(registry.actor(e.actor_id).type in PLACE_TYPES for e in match.entries if e.actor_id)


def in_foreign_name(match: Match, analysis: Analysis, registry: ActorRegistry) -> bool:
    """"(Zimbabwe Election Support Network)" in a Russian text: a Latin registry name next to
    more capitalised Latin words is a word of a longer foreign name."""
    tokens = analysis.tokens
    if analysis.language != "ru" or not _latin(tokens[match.first]):
        return False
    around = [tokens[i] for i in (match.first - 1, match.last) if 0 <= i < len(tokens)]
    return any(_latin(t) and t.text[:1].isupper() for t in around)


def _latin(token: Token) -> bool:
    return token.text[:1].isascii() and token.text[:1].isalpha()


# Registry name matches that are not names here; each (match, analysis, registry) -> bool.
NOT_NAMES = (common_word, quoted_place, in_foreign_name)


def _entity_candidates(analysis: Analysis) -> list[Candidate]:
    by_start = {t.start: i for i, t in enumerate(analysis.tokens)}
    by_end = {t.end: i for i, t in enumerate(analysis.tokens)}
    found = []
    for entity in (piece for e in analysis.entities for piece in name_pieces(e)):
        first, last = by_start.get(entity.start), by_end.get(entity.end)
        if first is None or last is None:
            log.debug("entity %r does not align with tokens", entity.text)
            continue
        tokens = analysis.tokens
        found.append(_entity_candidate(entity, first, glued_tail(tokens, first, last + 1), tokens))
    return found


def _entity_candidate(entity: Entity, first: int, last: int, tokens: list[Token]) -> Candidate:
    """The entity as a candidate ending at token ``last``; its normal form loses as many words."""
    end = tokens[last - 1].end
    text = entity.text[: end - entity.start]
    words, cut = entity.normal.split(), len(entity.text.split()) - len(text.split())
    normal = entity.normal if not cut else " ".join(words[:-cut]) if len(words) == len(entity.text.split()) else text
    return Candidate(first, last, entity.start, end, text, entity.type, normal)


def glued_tail(tokens: list[Token], first: int, last: int) -> int:
    """Where a name really ends: natasha's span "Исламским государством агентство" (over
    "связанное с Исламским государством агентство Amaq") runs over a noun boundary. Its last word
    is lower case, hangs from a word outside the span, governs none inside it, and is in another
    case than the rest of the span, but not the genitive of a complement ("Воробьёвых гор",
    "Московском доме книги" stay whole)."""
    tail = tokens[last - 1]
    if last - first < 2 or tail.rel is None or not tail.text[:1].islower():
        return last
    rest = [t for t in tokens[first : last - 1] if t.head is None or not first <= t.head < last - 1]
    if _inside(tail, first, last) or any(t.head == last - 1 for t in tokens[first : last - 1]) or len(rest) != 1:
        return last
    case, other = tail.feats.get("Case"), rest[0].feats.get("Case")
    return last - 1 if case and other and case not in {other, "Gen"} else last


def _inside(token: Token, first: int, last: int) -> bool:
    return token.head is not None and first <= token.head < last


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


def _with_embassies(mentions: list[Mention], context: Context) -> list[Mention]:
    """Embassy phrases replace the names inside them: "посольство США" is the embassy, and the
    country in it is not a mention of its own (as "России" in "МИД России" is not)."""
    places = [m.actor_id for m in mentions if m.type == "LOC"]
    cues = load_cues(DATA_DIR / "embassies.yaml")
    found = find_embassies(context.analysis, context.registry, context.forms, cues, places)
    for embassy in found:
        start, end = context.analysis.tokens[embassy.first].start, context.analysis.tokens[embassy.last - 1].end
        inside = [m for m in mentions if m.start < end and start < m.end]
        start, end = min([start, *(m.start for m in inside)]), max([end, *(m.end for m in inside)])
        actor = context.actors.get(embassy.actor_id) or _copy(context.registry.actor(embassy.actor_id))
        actor.add_name(context.text[start:end])
        context.actors[actor.id] = actor
        mentions = [m for m in mentions if m not in inside]
        _forget(inside, mentions, context)
        mentions.append(_mention(start, end, context, actor.id, "ORG", None, EMBASSY))
    return sorted(mentions, key=lambda m: m.start)


def _forget(dropped: list[Mention], kept: list[Mention], context: Context) -> None:
    """Actors only the dropped mentions named are not the article's."""
    named = {m.actor_id for m in kept}
    for mention in dropped:
        if mention.actor_id not in named:
            context.actors.pop(mention.actor_id, None)


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
    """The person named right after the role, else the single holder on the article date (an
    undated article: the single holder it names).

    A place or organisation right after it ("министр иностранных дел Турции") qualifies the role
    with a country the phrase did not include: then nobody.
    """
    following = _following_name(match, context)
    if following is not None:
        return following.actor_id if following.type == "PER" else None
    holders = context.registry.holders(entry.role_id or "", context.day)
    if len(holders) > 1 or context.day is None:  # undated: only a holder the article names
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
