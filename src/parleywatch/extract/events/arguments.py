"""Who took part, where, and which round: the arguments of an event read from its clause.

Participants are the agent mentions the dependency tree ties to the trigger: its subject and
objects ("Лавров встретился с Рубио"), their conjuncts and appositions ("глава МИД России
Сергей Лавров"), or those of the verb a noun trigger depends on ("провели переговоры с X").
A country or organization that only qualifies a person ("премьер-министр Турции Эрдоган") is the
person's affiliation, and a mention inside a place phrase ("визит в Украину") is the place.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from parleywatch.actors import Actor, Mention
from parleywatch.extract.events.lexicon import EventLexicon
from parleywatch.nlp import Token

PLACE_TYPES = frozenset({"place"})
AGENT_TYPES = frozenset({"person", "organization", "country", "group", "government"})
DIRECTED = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "COERCE", "ASSAULT",
                      "AID", "SUPPORT", "CONCEDE", "RETREAT", "PROTEST", "MOBILIZE"})
# Syntax (Universal Dependencies, as the nlp layer gives it).
FREE_RELATIONS = frozenset({"appos", "flat", "flat:name", "flat:foreign", "conj", "fixed", "compound"})
PERSON_EXTRA_HOP = 1  # a named person may sit one hop further: "разрешили встречу с Виктором"
APPOSITIONS = frozenset({"appos", "flat", "flat:name"})
MAX_HOPS = 2  # trigger -> verb -> subject/object: "Россия и США провели переговоры"
PLACE_PREPOSITIONS = frozenset({"в", "во", "на", "in", "at"})
ORIGIN_PREPOSITIONS = frozenset({"из", "через", "from"})  # "делегаты из России": not a side
PLACE_CASES = frozenset({"Loc", "Acc"})  # "в Минске", "визит в Минск"; not "на Россию" (Gen/Dat/Ins)
AFFILIATION_RELATIONS = frozenset({"nmod", "nmod:poss"})
PERSON_TYPES = frozenset({"person"})


@dataclass(slots=True)
class Arguments:
    """Mentions chosen as participants and place; ids and names go into the event record."""

    participants: list[Mention] = field(default_factory=list)
    extra_ids: list[str] = field(default_factory=list)  # sides named by adjectives ("российско-")
    location: Mention | None = None
    source: str | None = None
    target: str | None = None
    ordinal: int | None = None

    def participant_ids(self) -> list[str]:
        ids = [m.actor_id for m in self.participants] + self.extra_ids
        return list(dict.fromkeys(ids))


@dataclass(slots=True, frozen=True)
class ClauseTree:
    """The tokens of one clause with their global index, and hop distances from the trigger."""

    tokens: list[Token]
    first: int
    hops: dict[int, int]

    def span(self, mention: Mention) -> list[int]:
        """Global indices of the tokens a mention covers."""
        return [self.first + i for i, t in enumerate(self.tokens) if mention.start <= t.start < mention.end]

    def token(self, index: int) -> Token | None:
        i = index - self.first
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def root(self, mention: Mention) -> int | None:
        """The token of a mention whose head lies outside it ("Сергей" in "Сергей Лавров")."""
        span = self.span(mention)
        return next((i for i in span if _token_head(self, i) not in span), span[0] if span else None)

    def distance(self, mention: Mention) -> int | None:
        found = [self.hops[i] for i in self.span(mention) if i in self.hops]
        return min(found) if found else None


def clause_mentions(mentions: list[Mention], start: int, end: int, skip: Callable[[Mention], bool]) -> list[Mention]:
    """Outermost mentions inside ``[start, end)``: "замглавы МИД" hides its inner "МИД"."""
    inside = [m for m in mentions if start <= m.start < end and _ends_by(m, end) and not skip(m)]
    return [m for m in inside if not any(_covers(o, m) for o in inside)]


def _ends_by(mention: Mention, end: int) -> bool:
    """Ends inside the clause, or runs over a line break only: a headline name glued to the next
    line by the tagger ("Умер композитор Кшиштоф Пендерецкий\nКшиштоф ...")."""
    return mention.end <= end or mention.text[end - mention.start :].lstrip(" \t").startswith("\n")


def _covers(outer: Mention, inner: Mention) -> bool:
    return outer is not inner and outer.start <= inner.start and inner.end <= outer.end and (
        outer.end - outer.start > inner.end - inner.start)


def attach(mentions: list[Mention], actors: dict[str, Actor], tokens: list[Token], trigger_start: int,
           event_type: str, lexicon: EventLexicon, first: int | None = None) -> Arguments:
    """Participants (agents), location and direction for one trigger.

    ``first`` is the index of ``tokens[0]`` in the analysis; without it, or without a parse (the
    light English analysis), every agent mention of the clause is a participant and the first
    place is the location.
    """
    kinds = {m.actor_id: actors[m.actor_id].type if m.actor_id in actors else "" for m in mentions}
    args = Arguments()
    parsed = first is not None and any(t.head is not None for t in tokens)
    tree = clause_tree(tokens, first, trigger_start) if parsed and first is not None else None
    places = [m for m in mentions if kinds[m.actor_id] in PLACE_TYPES]
    agents = [m for m in mentions if kinds[m.actor_id] in AGENT_TYPES]
    if tree is None:
        args.participants, args.location = agents, places[0] if places else None
    else:
        in_place = [m for m in mentions if place_phrase(tree, m) and kinds[m.actor_id] != "person"]
        args.location = choose_location(tree, places + [m for m in in_place if kinds[m.actor_id] == "country"],
                                        in_place)
        persons = [m for m in agents if kinds[m.actor_id] in PERSON_TYPES]
        args.participants = [m for m in agents if m not in in_place and is_attached(tree, m, m in persons)
                             and (m in persons or not affiliation(tree, m, persons)) and not origin_phrase(tree, m)]
    args.extra_ids = demonym_sides([t for t in tokens if tree is None or event_modifier(tree, t, lexicon)], lexicon)
    args.ordinal = ordinal(tokens, lexicon)
    if event_type in DIRECTED:
        args.source, args.target = direction(args.participants, trigger_start)
    return args


# ---------------------------------------------------------------- syntax


def clause_tree(tokens: list[Token], first: int, trigger_start: int) -> ClauseTree:
    """Hops from the trigger token along dependency edges inside the clause; appositions,
    conjuncts and name parts cost nothing ("Путина и Трампа" are both one hop from "встреча")."""
    trigger = next((first + i for i, t in enumerate(tokens) if t.start <= trigger_start < t.end), first)
    tree = ClauseTree(tokens, first, {})
    seeds = [trigger] + [h for h in [_token_head(tree, trigger)] if _modifier(tree, trigger) and h is not None]
    edges: dict[int, list[tuple[int, int]]] = {}
    for i, token in enumerate(tokens):
        head = token.head
        if head is not None and tree.token(head) is not None:
            cost = 0 if token.rel in FREE_RELATIONS else 1
            edges.setdefault(first + i, []).append((head, cost))
            edges.setdefault(head, []).append((first + i, cost))
    roots = [first + i for i, t in enumerate(tokens) if t.head is None or tree.token(t.head) is None]
    roots += [c for c in _cycles(tree) if roots]  # a garbled parse can loop without a root
    for a, b in pairwise(roots):  # a run-on sentence parses as several trees: join them
        edges.setdefault(a, []).append((b, 0))
        edges.setdefault(b, []).append((a, 0))
    queue, hops = deque(seeds), dict.fromkeys(seeds, 0)
    while queue:
        node = queue.popleft()
        for other, cost in edges.get(node, []):
            if hops[node] + cost < hops.get(other, MAX_HOPS + PERSON_EXTRA_HOP + 1):
                hops[other] = hops[node] + cost
                queue.appendleft(other) if cost == 0 else queue.append(other)
    tree.hops.update(hops)
    return tree


def _cycles(tree: ClauseTree) -> list[int]:
    """One token of every head loop in the clause: such a loop hangs from no root."""
    found: list[int] = []
    done: set[int] = set()
    for i in range(tree.first, tree.first + len(tree.tokens)):
        path: list[int] = []
        node: int | None = i
        while node is not None and node not in done and node not in path and tree.token(node) is not None:
            path.append(node)
            node = _token_head(tree, node)
        if node is not None and node in path:
            found.append(node)
        done.update(path)
    return found


def _modifier(tree: ClauseTree, index: int) -> bool:
    """An adjective opening a trigger ("телефонный разговор") stands for its noun."""
    token = tree.token(index)
    return token is not None and token.pos == "ADJ" and tree.token(token.head or -1) is not None


def _token_head(tree: ClauseTree, index: int) -> int | None:
    token = tree.token(index)
    return token.head if token is not None else None


def is_attached(tree: ClauseTree, mention: Mention, person: bool = False) -> bool:
    """Within ``MAX_HOPS`` of the trigger: subject, object, their conjuncts and appositions;
    a named person one hop further ("разрешили встречу с Виктором" -> "встречу" -> "Виктором")."""
    distance = tree.distance(mention)
    return distance is not None and distance <= MAX_HOPS + (PERSON_EXTRA_HOP if person else 0)


def place_phrase(tree: ClauseTree, mention: Mention) -> bool:
    """"в Минске", "визит в Украину", "в миде Грузии": a place preposition governs the mention's
    head word or the noun the mention qualifies."""
    root = _phrase_head(tree, tree.root(mention))
    token = tree.token(root) if root is not None else None
    if root is None or token is None:
        return False
    if _governed(tree, root, PLACE_PREPOSITIONS) and token.feats.get("Case", "Loc") in PLACE_CASES:
        return True
    return qualifier(tree, mention) and token.head is not None and _governed(tree, token.head, PLACE_PREPOSITIONS)


def _phrase_head(tree: ClauseTree, index: int | None) -> int | None:
    """Climb appositions: "в городе Росарио" is governed through "городе"."""
    seen: set[int] = set()
    token = tree.token(index) if index is not None else None
    while token is not None and token.rel in APPOSITIONS and index not in seen and token.head is not None:
        seen.add(index) if index is not None else None
        if tree.token(token.head) is None:
            break
        index, token = token.head, tree.token(token.head)
    return index


def origin_phrase(tree: ClauseTree, mention: Mention) -> bool:
    """"приехавшие из России": where someone comes from, not who takes part."""
    root = tree.root(mention)
    return root is not None and _governed(tree, root, ORIGIN_PREPOSITIONS)


def _governed(tree: ClauseTree, index: int, prepositions: frozenset[str]) -> bool:
    return any(t.head == index and t.rel == "case" and t.lemma.lower() in prepositions for t in tree.tokens)


def qualifier(tree: ClauseTree, mention: Mention) -> bool:
    """The mention's head word depends on a noun as its genitive: "посол Италии"."""
    root = tree.root(mention)
    token = tree.token(root) if root is not None else None
    title = tree.token(token.head) if token is not None and token.head is not None else None
    return token is not None and token.rel in AFFILIATION_RELATIONS and title is not None and title.pos == "NOUN"


def affiliation(tree: ClauseTree, mention: Mention, persons: list[Mention]) -> bool:
    """"премьер-министр Турции Эрдоган", "глава ОАО «Газпром» Алексей Миллер": the mention
    qualifies a title noun whose holder is a named person, so the person is the participant."""
    root = tree.root(mention)
    token = tree.token(root) if root is not None else None
    if token is None or token.head is None or not qualifier(tree, mention):
        return False
    title = token.head
    for person in persons:
        person_root = tree.root(person)
        if person_root is None or person is mention:
            continue
        if _token_head(tree, person_root) == title or title in tree.span(person):
            return True
        if 0 <= person.start - mention.end <= 2:  # "министр энергетики Белоруссии Александр Озерец"
            return True
    return False


def choose_location(tree: ClauseTree, places: list[Mention], in_place: list[Mention]) -> Mention | None:
    """A place phrase nearest the trigger, else a place name that is not someone's affiliation."""
    if in_place:
        return min(in_place, key=lambda m: (m not in places, tree.distance(m) is None, tree.distance(m) or 0, m.start))
    loose = [m for m in places if not qualifier(tree, m) and not origin_phrase(tree, m)]
    return loose[0] if loose else None


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


def direction(participants: list[Mention], trigger_start: int) -> tuple[str | None, str | None]:
    """Source: the nearest agent before the trigger; target: the first agent after it."""
    before = [m for m in participants if m.end <= trigger_start]
    after = [m for m in participants if m.start >= trigger_start]
    source = before[-1].actor_id if before else None
    target = next((m.actor_id for m in after if m.actor_id != source), None)
    return source, target
