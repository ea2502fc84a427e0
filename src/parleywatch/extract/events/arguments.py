"""Who took part, where, and which round: the arguments of an event read from its clause.

Participants are the agent mentions the dependency tree ties to the trigger: its subject and
objects ("Лавров встретился с Рубио"), their conjuncts and appositions ("глава МИД России
Сергей Лавров"), or those of the verb a noun trigger depends on ("провели переговоры с X").
A country or organization that only qualifies a person ("премьер-министр Турции Эрдоган") is the
person's affiliation, and a mention inside a place phrase ("визит в Украину") is the place.
The subject of "принять участие в X" takes part in X (the clause tree: ``tree.py``; the places:
``places.py``). Given the article (``Discourse``), pronouns and dropped subjects point back to
earlier sentences (``discourse.py``) and nouns for people without a name are descriptive
participants (``descriptions.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from parleywatch.actors import Actor, ArticleLinks, Mention
from parleywatch.extract.events.cues import ArgumentCues, load_argument_cues
from parleywatch.extract.events.descriptions import Description, descriptions, kin_word
from parleywatch.extract.events.discourse import (
    Discourse,
    Resolved,
    context_participants,
    leaders,
    site,
)
from parleywatch.extract.events.lexicon import EventLexicon
from parleywatch.extract.events.places import (
    JOINED_TYPES,
    VISITED_TYPES,
    abroad,
    choose_location,
    described_places,
    joined,
    joined_places,
    jurisdiction_place,
    place_anaphor,
    place_as_side,
    route_start,
    visited_place,
)
from parleywatch.extract.events.tree import (
    AFFILIATION_RELATIONS,
    ClauseTree,
    clause_tree,
    covers,
    governed,
    in_topic,
    is_attached,
    origin_phrase,
    place_phrase,
    qualifier,
    token_head,
)
from parleywatch.nlp import Analysis, Token

PLACE_TYPES = frozenset({"place"})
AGENT_TYPES = frozenset({"person", "organization", "country", "group", "government"})
DIRECTED = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "COERCE", "ASSAULT",
                      "AID", "SUPPORT", "CONCEDE", "RETREAT", "PROTEST", "MOBILIZE"})
PERSON_TYPES = frozenset({"person"})
JOINT = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # acts the sides do together: nobody is "against"


@dataclass(slots=True)
class Arguments:
    """Mentions chosen as participants and place; ids and names go into the event record."""

    participants: list[Mention] = field(default_factory=list)
    extra_ids: list[str] = field(default_factory=list)  # sides named by adjectives ("российско-")
    location: Mention | None = None
    source: str | None = None
    target: str | None = None
    ordinal: int | None = None
    resolved: list[Resolved] = field(default_factory=list)  # named in another sentence ("он", "который")
    described: list[Description] = field(default_factory=list)  # "американская делегация"
    more_places: list[Mention] = field(default_factory=list)  # joined to the location: "штат Техас"
    described_places: list[Description] = field(default_factory=list)  # "в отеле", "у здания мэрии"

    def participant_ids(self) -> list[str]:
        ids = [m.actor_id for m in self.participants] + [r.mention.actor_id for r in self.resolved]
        ids += [d.actor_id for d in self.described if d.actor_id] + self.extra_ids
        return list(dict.fromkeys(ids))

    def places(self) -> list[Mention]:
        """The location first, then the places joined to it."""
        return ([self.location] if self.location else []) + self.more_places

    def record_fields(self, actors: dict[str, Actor], article_id: str) -> dict[str, Any]:
        """The event record's optional fields for what is not an actor id (docs/SCHEMA.md):
        ``described_participants`` and ``locations``, present only when there is something to say."""
        out: dict[str, Any] = {}
        if self.described:
            out["described_participants"] = [d.to_dict() | {"article_id": article_id} for d in self.described]
        places: list[dict[str, str | None]] = [
            {"actor_id": m.actor_id, "name": actors[m.actor_id].name if m.actor_id in actors else m.text}
            for m in self.places()]
        places += [{"actor_id": None, "name": d.text} for d in self.described_places]
        if len(places) > 1 or self.described_places:
            out["locations"] = places
        return out


def clause_mentions(mentions: list[Mention], start: int, end: int, skip: Callable[[Mention], bool]) -> list[Mention]:
    """Outermost mentions inside ``[start, end)``: "замглавы МИД" hides its inner "МИД"."""
    inside = [m for m in mentions if start <= m.start < end and _ends_by(m, end) and not skip(m)]
    return [m for m in inside if not any(covers(o, m) for o in inside)]


def article_discourse(analysis: Analysis, links: ArticleLinks, skip: Callable[[Mention], bool]) -> Discourse:
    """The whole article for the cross-sentence rules: its outermost mentions, outlets skipped."""
    ordered = sorted((m for m in links.mentions if not skip(m)), key=lambda m: (m.start, -m.end))
    outermost: list[Mention] = []
    for mention in ordered:
        if outermost and mention.end <= outermost[-1].end and covers(outermost[-1], mention):
            continue
        outermost.append(mention)
    return Discourse(analysis, outermost, links.actors, load_argument_cues(analysis.language))


def _ends_by(mention: Mention, end: int) -> bool:
    """Ends inside the clause, or runs over a line break only: a headline name glued to the next
    line by the tagger ("Умер композитор Кшиштоф Пендерецкий\nКшиштоф ...")."""
    return mention.end <= end or mention.text[end - mention.start :].lstrip(" \t").startswith("\n")


def attach(mentions: list[Mention], actors: dict[str, Actor], tokens: list[Token], trigger_start: int,
           event_type: str, lexicon: EventLexicon, first: int | None = None,
           discourse: Discourse | None = None) -> Arguments:
    """Participants (agents), location and direction for one trigger.

    ``first`` is the index of ``tokens[0]`` in the analysis; without it, or without a parse (the
    light English analysis), every agent mention of the clause is a participant and the first
    place is the location. With the article (``discourse``) the clause's gaps are filled from it.
    """
    kinds = {m.actor_id: actors[m.actor_id].type if m.actor_id in actors else "" for m in mentions}
    args = Arguments()
    parsed = first is not None and any(t.head is not None for t in tokens)
    cues = load_argument_cues(lexicon.language)
    tree = clause_tree(tokens, first, trigger_start, cues.participation) if parsed and first is not None else None
    if tree is None:
        places = [m for m in mentions if kinds[m.actor_id] in PLACE_TYPES]
        args.participants = [m for m in mentions if kinds[m.actor_id] in AGENT_TYPES]
        args.location = places[0] if places else None
    else:
        from_tree(args, tree, mentions, kinds, cues, event_type, lexicon.agenda)
        if discourse is not None:
            from_context(args, tree, discourse)
    args.extra_ids = demonym_sides(side_words(args, tokens, tree, first or 0, lexicon), lexicon)
    args.ordinal = ordinal(tokens, lexicon)
    if event_type in DIRECTED:
        args.source, args.target = direction(_positions(args), trigger_start)
    return args


def from_tree(args: Arguments, tree: ClauseTree, mentions: list[Mention], kinds: dict[str, str],
              cues: ArgumentCues, event_type: str = "", agenda: frozenset[str] = frozenset()) -> None:
    """The clause's own arguments: its place phrases (not those inside the matter it is about,
    nor an embassy's owner), then the agents attached to the trigger."""
    places = [m for m in mentions if kinds[m.actor_id] in PLACE_TYPES]
    agents = [m for m in mentions if kinds[m.actor_id] in AGENT_TYPES]
    in_place = [m for m in mentions if place_phrase(tree, m, event_type in JOINT) and kinds[m.actor_id] != "person"
                and not (kinds[m.actor_id] in JOINED_TYPES and joined(tree, m))]
    own = [m for m in in_place if not in_topic(tree, m, cues.topic, agenda) and not abroad(tree, m, cues.abroad)]
    ranked = places + [m for m in own if kinds[m.actor_id] == "country"]
    args.location = choose_location(tree, ranked, own, [m for m in places if m not in in_place])
    visited = visited_place(tree, [m for m in mentions if kinds[m.actor_id] in VISITED_TYPES], cues.visits)
    if visited is not None and (args.location is None or not in_place):
        args.location = visited
    if args.location is None:
        args.location = jurisdiction_place(tree, [m for m in mentions if kinds[m.actor_id] in VISITED_TYPES],
                                           cues.jurisdictions)
    persons = [m for m in agents if kinds[m.actor_id] in PERSON_TYPES]
    args.participants = [m for m in agents if m not in in_place and m is not args.location
                         and is_attached(tree, m, m in persons)
                         and not affiliation(tree, m, persons) and not origin_phrase(tree, m)
                         and (m in persons or not of_a_thing(tree, m, cues.groups | cues.relations))
                         and not (event_type in JOINT and against(tree, m, cues.opposed))]
    args.participants += [m for m in places if place_as_side(tree, m) and m not in args.places()]
    countries = [m for m in agents if kinds[m.actor_id] == "country"]
    args.more_places = joined_places(tree, args.location, places + in_place + countries)
    args.more_places += [m for m in route_start(tree, places + agents) if m not in args.places()]
    args.participants = [m for m in args.participants if m not in args.more_places]  # "в Женеве, Швейцария"


def side_words(args: Arguments, tokens: list[Token], tree: ClauseTree | None, first: int,
               lexicon: EventLexicon) -> list[Token]:
    """Adjectives that may name a side: on the event noun ("российско-американских консультаций")
    or on a descriptive participant ("американская делегация")."""
    described = {d.head for d in args.described}
    return [t for i, t in enumerate(tokens, first) if tree is None or event_modifier(tree, t, lexicon)
            or (t.head in described and t.rel == "amod" and i not in described)]


def from_context(args: Arguments, tree: ClauseTree, d: Discourse) -> None:
    """Participants the clause points to (pronouns, dropped subjects, "который"), descriptions of
    people with no name, and a place named by "в стране" when the clause names none."""
    where = site(d, tree.seeds[0], tree.seeds, (tree.first, tree.first + len(tree.tokens)))
    have = {m.actor_id for m in args.participants} | {m.actor_id for m in args.places()}
    args.resolved = [r for r in context_participants(d, where) if r.mention.actor_id not in have
                     and d.kind(r.mention) in AGENT_TYPES]
    args.described = descriptions(d, where)
    titles = {x.head for x in args.described if x.actor_id}
    args.participants = [m for m in args.participants if not _qualifies(tree, m, titles) and not kin_word(d, m)]
    groups = [i for i in [*(x.head for x in args.described), *map(tree.root, args.participants)] if i is not None]
    args.resolved += [Resolved(m, m.start, m.end, "led-by") for m in leaders(d, where, groups)
                      if m.actor_id not in have and m not in args.participants]
    if args.location is None:
        args.location = place_anaphor(d, where)
    args.described_places = described_places(d, where)


def _qualifies(tree: ClauseTree, mention: Mention, titles: set[int]) -> bool:
    """"с премьер-министром Турции" said of a person named earlier: Turkey is the affiliation."""
    root = tree.root(mention)
    token = tree.token(root) if root is not None else None
    return token is not None and token.head in titles and token.rel in AFFILIATION_RELATIONS


def _positions(args: Arguments) -> list[tuple[int, int, str]]:
    """Where each participant stands in the clause; a resolved one stands where its gap is."""
    spans = [(m.start, m.end, m.actor_id) for m in args.participants]
    spans += [(r.start, r.end, r.mention.actor_id) for r in args.resolved]
    return sorted(spans)


# ---------------------------------------------------------------- syntax


def affiliation(tree: ClauseTree, mention: Mention, persons: list[Mention]) -> bool:
    """"премьер-министр Турции Эрдоган", "глава ОАО «Газпром» Алексей Миллер", "спецпредставитель
    Дональда Трампа Стив Уиткофф": the mention qualifies a title noun whose holder is a named
    person, so the holder is the participant (a person only when the parse says so)."""
    root = tree.root(mention)
    token = tree.token(root) if root is not None else None
    if token is None or token.head is None or not qualifier(tree, mention):
        return False
    title = token.head
    for person in persons:
        person_root = tree.root(person)
        if person_root is None or person is mention or person.actor_id == mention.actor_id:
            continue
        if token_head(tree, person_root) == title or title in tree.span(person):
            return True
        if mention not in persons and 0 <= person.start - mention.end <= 2:
            return True  # "министр энергетики Белоруссии Александр Озерец"
    return False


def of_a_thing(tree: ClauseTree, mention: Mention, groups: frozenset[str]) -> bool:
    """"обсуждают мирный план США", "в вопросе окончания войны РФ": a genitive of a thing that is
    not the trigger says whose the thing is, not who takes part; of a person or group noun it is
    a side ("представители России", "делегация США")."""
    root = tree.root(mention)
    token = tree.token(root) if root is not None else None
    head = tree.token(token.head) if token is not None and token.head is not None else None
    if token is None or head is None or token.rel not in AFFILIATION_RELATIONS or token.head in tree.seeds:
        return False
    if any(t.head == root and t.rel == "case" for t in tree.tokens):
        return False  # "с визитом в НАТО": a prepositional phrase, not a genitive of the thing
    return head.pos == "NOUN" and head.feats.get("Animacy") == "Inan" and head.lemma.lower() not in groups


def against(tree: ClauseTree, mention: Mention, opposed: frozenset[str]) -> bool:
    """"войны РФ против Украины" hung by the parser on "переговоры": the side an act is aimed at."""
    root = tree.root(mention)
    return root is not None and governed(tree, root, opposed)


# ---------------------------------------------------------------- words


def event_modifier(tree: ClauseTree, token: Token, lexicon: EventLexicon) -> bool:
    """The word modifies an event noun: "российско-американских консультаций", not "...
    в украинско-турецких отношениях" far from the trigger."""
    head = tree.token(token.head) if token.head is not None else None
    return head is not None and (head.lemma.lower() in lexicon.triggers or head.lemma.lower() in lexicon.ordinal_heads)


def demonym_sides(tokens: list[Token], lexicon: EventLexicon) -> list[str]:
    """Country ids named by adjectives: "российско-американских" -> [cty:ru, cty:us]."""
    ids = []
    for token in tokens:
        for part in token.text.lower().split("-"):
            ids += [cid for stem, cid in lexicon.demonyms.items() if part.startswith(stem)]
    return list(dict.fromkeys(ids))


def ordinal(tokens: list[Token], lexicon: EventLexicon) -> int | None:
    """"третий раунд" / "second round" / "3-й раунд" -> the number."""
    for word, head in pairwise(tokens):
        if head.lemma.lower() not in lexicon.ordinal_heads:
            continue
        lemma = word.lemma.lower()
        if lemma in lexicon.ordinals:
            return lexicon.ordinals[lemma]
        digits = lemma.split("-")[0]
        if digits.isdigit() and int(digits) < 100:
            return int(digits)
    return None


def direction(participants: list[tuple[int, int, str]], trigger_start: int) -> tuple[str | None, str | None]:
    """Source: the nearest agent before the trigger; target: the first agent after it
    (``(start, end, actor_id)`` in text order)."""
    before = [actor for start, end, actor in participants if end <= trigger_start]
    after = [actor for start, end, actor in participants if start >= trigger_start]
    source = before[-1] if before else None
    target = next((actor for actor in after if actor != source), None)
    return source, target
