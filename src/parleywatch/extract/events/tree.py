"""The clause around a trigger as a dependency tree: hop distances from the trigger and the
phrase tests (place phrase, origin phrase, genitive qualifier) the argument rules read.

Appositions, conjuncts and name parts cost nothing ("Путина и Трампа" are both one hop from
"встреча"); words that stand for the trigger ("телефонный" for "разговор", "принял участие" for
"в переговорах") are seeds at hop zero.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import yaml

from parleywatch.actors import Mention
from parleywatch.nlp import Token

FREE_RELATIONS = frozenset({"appos", "flat", "flat:name", "flat:foreign", "conj", "fixed", "compound"})
PERSON_EXTRA_HOP = 1  # a named person may sit one hop further: "разрешили встречу с Виктором"
APPOSITIONS = frozenset({"appos", "flat", "flat:name"})
MAX_HOPS = 2  # trigger -> verb -> subject/object: "Россия и США провели переговоры"
# Edges to a clause that is the content or subject of another predicate: "встреча не анонсировалась
# и Рябков не уточнил" (a parser's ccomp) -- Ryabkov is the subject of another act, not a side.
# Not parataxis: the parser's dash apposition ("двоих украинцев — Геннадия Афанасьева и ...").
CLAUSE_LINKS = frozenset({"ccomp", "csubj"})
PREPOSITIONS_FILE = Path(__file__).parent.parent / "data" / "prepositions.yaml"


def _prepositions() -> dict[str, frozenset[str]]:
    """Each role of ``prepositions.yaml`` with its words, the file read once."""
    data = yaml.safe_load(PREPOSITIONS_FILE.read_text("utf-8")) or {}
    return {role: frozenset(str(word).lower() for word in words or []) for role, words in data.items()}


_ROLES = _prepositions()
PLACE_PREPOSITIONS = _ROLES["place"]  # "в Минске", "визит в Минск"
ORIGIN_PREPOSITIONS = _ROLES["origin"]  # "делегаты из России": not a side
INTO = _ROLES["into"]  # "вступила в ЕС"
COMITATIVE = _ROLES["comitative"]  # "консультации с Вашингтоном": the partner
PLACE_CASES = frozenset({"Loc", "Acc"})  # "в Минске", "визит в Минск"; not "на Россию" (Gen/Dat/Ins)
AFFILIATION_RELATIONS = frozenset({"nmod", "nmod:poss"})


@dataclass(slots=True, frozen=True)
class ClauseTree:
    """The tokens of one clause with their global index, and hop distances from the trigger
    (``seeds[0]``; the other seeds stand for it: "телефонный" for "разговор", "принял участие")."""

    tokens: list[Token]
    first: int
    hops: dict[int, int]
    seeds: list[int] = field(default_factory=list)

    def span(self, mention: Mention) -> list[int]:
        """Global indices of the tokens a mention covers."""
        return [self.first + i for i, t in enumerate(self.tokens) if mention.start <= t.start < mention.end]

    def token(self, index: int) -> Token | None:
        i = index - self.first
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def root(self, mention: Mention) -> int | None:
        """The token of a mention whose head lies outside it ("Сергей" in "Сергей Лавров")."""
        span = self.span(mention)
        return next((i for i in span if token_head(self, i) not in span), span[0] if span else None)

    def distance(self, mention: Mention) -> int | None:
        found = [self.hops[i] for i in self.span(mention) if i in self.hops]
        return min(found) if found else None


def covers(outer: Mention, inner: Mention) -> bool:
    return outer is not inner and outer.start <= inner.start and inner.end <= outer.end and (
        outer.end - outer.start > inner.end - inner.start)


def clause_tree(tokens: list[Token], first: int, trigger_start: int,
                participation: frozenset[str] = frozenset()) -> ClauseTree:
    """Hops from the trigger token along dependency edges inside the clause; appositions,
    conjuncts and name parts cost nothing ("Путина и Трампа" are both one hop from "встреча")."""
    trigger = next((first + i for i, t in enumerate(tokens) if t.start <= trigger_start < t.end), first)
    tree = ClauseTree(tokens, first, {})
    seeds = [trigger] + [h for h in [token_head(tree, trigger)] if _modifier(tree, trigger) and h is not None]
    seeds += [s for s in participation_heads(tree, seeds[-1], participation) if s not in seeds]
    tree.seeds.extend(seeds)
    edges: dict[int, list[tuple[int, int]]] = {}
    for i, token in enumerate(tokens):
        head = token.head
        if head is not None and tree.token(head) is not None and token.rel not in CLAUSE_LINKS:
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


CONJ_REACH = 4  # conjuncts climbed to the first one (bounded: a garbled parse may loop)


def participation_heads(tree: ClauseTree, trigger: int, participation: frozenset[str]) -> list[int]:
    """"приняли участие в переговорах", "участвовал в саммите", "для участия в форуме прилетели":
    the participation word and the verb it completes stand for the event noun they govern, so
    their subject is as close to the event as to them."""
    node: int | None = trigger
    for _ in range(CONJ_REACH):  # "участвовал в форсировании Днепра и освобождении Киева"
        token = tree.token(node) if node is not None else None
        if token is None or token.rel != "conj":
            break
        node = token.head
    head = token_head(tree, node) if node is not None else None
    word = tree.token(head) if head is not None else None
    if head is None or word is None or word.lemma.lower() not in participation:
        return []
    verb = word.head if word.pos == "NOUN" and word.head is not None and tree.token(word.head) else None
    return [head] + ([verb] if verb is not None else [])


def _cycles(tree: ClauseTree) -> list[int]:
    """One token of every head loop in the clause: such a loop hangs from no root."""
    found: list[int] = []
    done: set[int] = set()
    for i in range(tree.first, tree.first + len(tree.tokens)):
        path: list[int] = []
        node: int | None = i
        while node is not None and node not in done and node not in path and tree.token(node) is not None:
            path.append(node)
            node = token_head(tree, node)
        if node is not None and node in path:
            found.append(node)
        done.update(path)
    return found


def _modifier(tree: ClauseTree, index: int) -> bool:
    """An adjective opening a trigger ("телефонный разговор") stands for its noun."""
    token = tree.token(index)
    return token is not None and token.pos == "ADJ" and tree.token(token.head or -1) is not None


def token_head(tree: ClauseTree, index: int) -> int | None:
    token = tree.token(index)
    return token.head if token is not None else None


def is_attached(tree: ClauseTree, mention: Mention, person: bool = False) -> bool:
    """Within ``MAX_HOPS`` of the trigger: subject, object, their conjuncts and appositions;
    a named person one hop further ("разрешили встречу с Виктором" -> "встречу" -> "Виктором")."""
    distance = tree.distance(mention)
    return distance is not None and distance <= MAX_HOPS + (PERSON_EXTRA_HOP if person else 0)


def place_phrase(tree: ClauseTree, mention: Mention, sides: bool = False) -> bool:
    """"в Минске", "визит в Украину", "в миде Грузии": a place preposition governs the mention's
    head word or the noun the mention qualifies, unless that noun is an event whose genitives are
    its ``sides`` ("в ходе диалога Вашингтона": Washington talks; "в чемпионате Бельгии" is in
    Belgium)."""
    root = first_conjunct(tree, phrase_head(tree, tree.root(mention)))
    token = tree.token(root) if root is not None else None
    if root is None or token is None:
        return False
    if governed(tree, root, PLACE_PREPOSITIONS) and token.feats.get("Case", "Loc") in PLACE_CASES:
        return True
    return (qualifier(tree, mention) and token.head is not None and not (sides and token.head in tree.seeds)
            and governed(tree, token.head, PLACE_PREPOSITIONS))


def first_conjunct(tree: ClauseTree, index: int | None) -> int | None:
    """"в Москве и Вашингтоне": the conjunct the preposition governs."""
    for _ in range(CONJ_REACH):
        token = tree.token(index) if index is not None else None
        if token is None or token.rel != "conj" or token.head is None or tree.token(token.head) is None:
            break
        index = token.head
    return index


def phrase_head(tree: ClauseTree, index: int | None) -> int | None:
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
    return root is not None and governed(tree, root, ORIGIN_PREPOSITIONS)


def governed(tree: ClauseTree, index: int, prepositions: frozenset[str]) -> bool:
    return any(t.head == index and t.rel == "case" and t.lemma.lower() in prepositions for t in tree.tokens)


TOPIC_REACH = 10  # words between a place phrase and the event it may lie under (a parse may chain many)
PREDICATES = frozenset({"VERB", "AUX", "ADJ"})  # "прошла", "сосредоточены"


def event_hosts(tree: ClauseTree) -> set[int]:
    """The words an event's own place phrase hangs from: the trigger, the words standing for it,
    and the predicate each of them depends on ("встреча прошла в ...", "провели переговоры в ...")."""
    found = set(tree.seeds)
    for seed in tree.seeds:
        head = token_head(tree, seed)
        token = tree.token(head) if head is not None else None
        if head is not None and token is not None and token.pos in PREDICATES:
            found.add(head)
    return found


def in_topic(tree: ClauseTree, mention: Mention, topic: frozenset[str], agenda: frozenset[str]) -> bool:
    """The place phrase lies inside what the event is about: between it and the event
    (``event_hosts``) stands a noun governed by a topic preposition ("консультации о ...
    возвращении дипсобственности в США") or the complement of an agenda verb ("переговоры
    сосредоточены на восстановлении работы представительств в Москве"). It says where the matter
    is, not where the event is."""
    start = phrase_head(tree, tree.root(mention))
    if start is not None and not governed(tree, start, PLACE_PREPOSITIONS) and qualifier(tree, mention):
        start = token_head(tree, start)  # "в миде Грузии": the phrase is the noun's
    chain = path_up(tree, start)
    if not chain:
        return False
    host_index = token_head(tree, chain[-1])
    host = tree.token(host_index) if host_index is not None else None
    above = chain[1:]
    agenda_complement = bool(above) and host is not None and host.lemma.lower() in agenda
    return agenda_complement or any(governed(tree, i, topic) for i in above)


def path_up(tree: ClauseTree, index: int | None) -> list[int]:
    """The words from ``index`` up to the one hanging from the event (``event_hosts``); empty
    when the climb leaves the clause first."""
    hosts: set[int] = event_hosts(tree)
    chain: list[int] = []
    for _ in range(TOPIC_REACH):
        token = tree.token(index) if index is not None else None
        if index is None or token is None or token.head is None or index in chain:
            return []
        chain.append(index)
        if token.head in hosts:
            return chain
        index = token.head
    return []


def qualifier(tree: ClauseTree, mention: Mention) -> bool:
    """The mention's head word depends on a noun as its genitive: "посол Италии"."""
    root = tree.root(mention)
    token = tree.token(root) if root is not None else None
    title = tree.token(token.head) if token is not None and token.head is not None else None
    return token is not None and token.rel in AFFILIATION_RELATIONS and title is not None and title.pos == "NOUN"
