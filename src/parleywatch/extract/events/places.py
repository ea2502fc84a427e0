"""Where an event happens: the location chosen from the clause's place phrases, places joined to
it ("в Хьюстоне, штат Техас", "в Берлине и Москве"), the place a visit word takes, where a
journey starts, "в стране" pointing back, the home of a court or police force ("суд Анкары
арестовал"), and places named by a description ("в отеле «Ритц»", "у здания мэрии").

The event record keeps one ``location`` (an actor); the others go with it into ``locations``.
"""

from __future__ import annotations

from parleywatch.actors import Mention
from parleywatch.extract.events.descriptions import Description, extent
from parleywatch.extract.events.discourse import SUBJECTS, Discourse, Site, arguments
from parleywatch.extract.events.tree import (
    COMITATIVE,
    INTO,
    ClauseTree,
    covers,
    event_hosts,
    first_conjunct,
    governed,
    origin_phrase,
    phrase_head,
    qualifier,
    token_head,
)

JOINED_TYPES = frozenset({"organization", "group"})
VISITED_TYPES = frozenset({"place", "country"})
VISITED_RELATIONS = frozenset({"obj", "nmod", "nsubj:pass"})


def visited_place(tree: ClauseTree, places: list[Mention], visits: frozenset[str]) -> Mention | None:
    """"посетил Берлин", "посещение Анкары": the place a visit word takes as its object is where
    the visit is (a visited country stays a side too)."""
    for place in places:
        root = tree.root(place)
        token = tree.token(root) if root is not None else None
        head = tree.token(token.head) if token is not None and token.head is not None else None
        if token is not None and head is not None and token.rel in VISITED_RELATIONS and (
                head.lemma.lower() in visits and token.head in tree.seeds):
            return place
    return None


def jurisdiction_place(tree: ClauseTree, places: list[Mention], jurisdictions: frozenset[str]) -> Mention | None:
    """"суд Анкары арестовал", "полиция Стамбула задержала": a court, police or prosecutor acts
    only at home, so the place in the bare genitive of the event's subject is where it acts."""
    hosts = event_hosts(tree)
    for place in places:
        root = tree.root(place)
        token = tree.token(root) if root is not None else None
        head = tree.token(token.head) if token is not None and token.head is not None else None
        if (token is not None and head is not None and qualifier(tree, place) and token.feats.get("Case") == "Gen"
                and not any(t.head == root and t.rel == "case" for t in tree.tokens)
                and head.lemma.lower() in jurisdictions and head.rel in SUBJECTS and head.head in hosts):
            return place
    return None


def joined(tree: ClauseTree, mention: Mention) -> bool:
    """"вступила в ЕС", "назначен в Верховный суд", "приём в НАТО": an organization one goes into
    (accusative) takes part; one where something happens (locative, "в МИДе") is the place."""
    root = phrase_head(tree, tree.root(mention))
    token = tree.token(root) if root is not None else None
    return token is not None and token.feats.get("Case") == "Acc" and governed(tree, root or 0, INTO)


PLACE_LINKS = frozenset({"conj", "nmod", "appos", "flat", "flat:name", "parataxis"})
PLACE_REACH = 3  # dependency steps from one place to another joined to it


def joined_places(tree: ClauseTree, location: Mention | None, places: list[Mention]) -> list[Mention]:
    """Places joined to the location by conjunction or nesting: "во Флориде и Аризоне",
    "в Хьюстоне (штат Техас, США)", "в провинции Онтарио в Канаде"; not where someone is from."""
    if location is None:
        return []
    kept = [location]
    for place in sorted(places, key=lambda m: m.start):
        if place in kept or origin_phrase(tree, place) or any(covers(k, place) for k in kept):
            continue
        if any(_linked(tree, place, k) or _linked(tree, k, place) for k in kept):
            kept.append(place)
    return [p for p in kept[1:] if p.actor_id != location.actor_id]


def _linked(tree: ClauseTree, lower: Mention, upper: Mention) -> bool:
    """``lower``'s head word hangs from ``upper``'s within ``PLACE_REACH`` place-like steps."""
    index, target = tree.root(lower), tree.root(upper)
    for _ in range(PLACE_REACH):
        token = tree.token(index) if index is not None else None
        if token is None or token.rel not in PLACE_LINKS or token.head is None:
            return False
        index = token.head
        if index == target:
            return True
    return False


def choose_location(tree: ClauseTree, places: list[Mention], in_place: list[Mention],
                    outside: list[Mention]) -> Mention | None:
    """A place phrase of the event nearest the trigger (a place name before a country, one hanging
    from the trigger itself before one of a verb conjoined with it: "жил в Италии, вернулся на
    Украину"), else a place name outside any place phrase that is not someone's affiliation, where
    someone comes from or a partner ("консультации с Вашингтоном")."""
    if in_place:
        return min(in_place, key=lambda m: (m not in places, tree.distance(m) is None, tree.distance(m) or 0,
                                            not _hangs_from_seed(tree, m), m.start))
    loose = [m for m in outside if not qualifier(tree, m) and not origin_phrase(tree, m) and not partner(tree, m)
             and not conjoined_side(tree, m)]
    return loose[0] if loose else None


def partner(tree: ClauseTree, mention: Mention) -> bool:
    """"консультации с Вашингтоном": a capital in the comitative is the other side, not the place."""
    root = first_conjunct(tree, phrase_head(tree, tree.root(mention)))
    token = tree.token(root) if root is not None else None
    return root is not None and token is not None and token.feats.get("Case") == "Ins" and governed(
        tree, root, COMITATIVE)


def abroad(tree: ClauseTree, mention: Mention, representations: frozenset[str]) -> bool:
    """"в генеральном консульстве России", "в посольстве США": the country owns the building,
    which stands in another country, so it is not the place."""
    root = tree.root(mention)
    token = tree.token(root) if root is not None else None
    head = tree.token(token.head) if token is not None and token.head is not None else None
    return head is not None and qualifier(tree, mention) and head.lemma.lower() in representations


SIDE_RELATIONS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "nmod"})


def place_as_side(tree: ClauseTree, mention: Mention) -> bool:
    """"Япония капитулировала", "капитуляция Японии", "Контакты Москвы и Вашингтона", "диалог
    Вашингтона с Киевом", "консультации с Вашингтоном": a place name as the subject, object, bare
    genitive or partner ("с" + instrumental) of the event acts for its state (the registry does not
    know every country, so many are typed as places)."""
    root = first_conjunct(tree, tree.root(mention))
    token = tree.token(root) if root is not None else None
    if token is None or token.rel not in SIDE_RELATIONS | {"obl"}:
        return False
    if partner(tree, mention):
        return token.head in event_hosts(tree)
    subject = token.rel in {"nsubj", "nsubj:pass"} and token.head in event_hosts(tree)  # "Москва и Анкара провели"
    if token.rel == "obl" or (token.head not in tree.seeds and not subject):
        return False
    has_case = any(t.head == root and t.rel == "case" for t in tree.tokens)
    return not has_case and (token.rel != "nmod" or token.feats.get("Case") == "Gen")


def conjoined_side(tree: ClauseTree, mention: Mention) -> bool:
    """"Контакты Москвы и Вашингтона": a place joined to a side is the other side, not the place."""
    root = tree.root(mention)
    token = tree.token(root) if root is not None else None
    return token is not None and token.rel == "conj" and place_as_side(tree, mention)


def route_start(tree: ClauseTree, places: list[Mention]) -> list[Mention]:
    """"перелёт из Екатеринбурга в Уфу", "вылетел из Москвы": where a journey starts is one of its
    places when the trigger itself takes the "из" phrase (not "делегаты из Китая")."""
    return [m for m in places if origin_phrase(tree, m) and _hangs_from_seed(tree, m)]


def _hangs_from_seed(tree: ClauseTree, mention: Mention) -> bool:
    root = phrase_head(tree, tree.root(mention))
    return token_head(tree, root) in tree.seeds if root is not None else False


DESCRIBED_CASES = frozenset({"Loc", "Gen"})  # "в больнице", "у здания"; not "врезался в дом" (a target)
NESTED = frozenset({"nmod", "conj"})  # "в морге при кладбище", "в Берлине и в Москве"
NESTED_REACH = 2
PLACE_EXTENT = frozenset({"amod", "nmod", "flat", "flat:name", "flat:foreign", "appos", "nummod",
                          "nummod:entity", "compound"})


def place_anaphor(d: Discourse, where: Site) -> Mention | None:
    """"выборы в стране", "в стране состоятся выборы", "проходящих в стране переговоров": the last
    country (or city for "в городе") named before the noun."""
    for index in sorted(set(arguments(d, where)) | {c for h in place_hosts(d, where) for c in d.children(h)
                                                      if where.holds(d, c)}):
        token = d.analysis.tokens[index]
        kind = d.cues.place_kind(token.lemma.lower())
        if kind is None or not _preposition(d, index) or _named(d, index):
            continue
        before = [m for m in d.mentions if m.end <= token.start and d.kind(m) == kind]
        if before:
            return before[-1]
    return None


def place_hosts(d: Discourse, where: Site) -> set[int]:
    """The words whose place phrases are the trigger's: the trigger and its stand-ins, the verb
    it is the subject of ("выборы состоятся в ..."), and a participle on it ("проходящих в ...
    переговоров")."""
    heads = set(where.heads)
    trigger = d.analysis.tokens[where.trigger]
    if trigger.rel in SUBJECTS and trigger.head is not None:
        heads.add(trigger.head)
    heads.update(c for c in d.children(where.trigger) if d.analysis.tokens[c].rel == "acl"
                 and d.analysis.tokens[c].pos == "VERB")
    return heads


def _preposition(d: Discourse, index: int) -> bool:
    return any(d.analysis.tokens[c].rel == "case" and d.analysis.tokens[c].lemma.lower() in d.cues.place_prepositions
               for c in d.children(index))


def _named(d: Discourse, index: int) -> bool:
    """"в городе Росарио": the noun has its own name."""
    return any(d.mention_at(c) is not None for c in d.children(index) if d.analysis.tokens[c].rel != "case")


def described_places(d: Discourse, where: Site) -> list[Description]:
    """Facility nouns in a place phrase of the trigger's ``place_hosts`` ("Вскрытие прошло в
    морге") or visited by it ("посетил мавзолей"), and the ones nested in them, when no place
    name covers them."""
    top = [c for h in place_hosts(d, where) for c in d.children(h) if where.holds(d, c)]
    out: list[Description] = []
    for index in sorted(set(top) | {n for t in top for n in _nested(d, t, where)}):
        if facility(d, index) and d.mention_at(index) is None:
            low, high = extent(d, index, *where.clause, PLACE_EXTENT) if where.inside(index) else (index, index)
            start, end = d.analysis.tokens[low].start, d.analysis.tokens[high].end
            sentence = d.sentence_at(index)
            out.append(Description(start, end, sentence.text[start - sentence.start : end - sentence.start], index))
    return out


def facility(d: Discourse, index: int) -> bool:
    """A noun for a building or site ("больница", "кладбище"), inside a place phrase or what a
    visit word visits ("посетил мавзолей")."""
    token = d.analysis.tokens[index]
    if token.pos != "NOUN" or token.lemma.lower() not in d.cues.facilities:
        return False
    return (token.feats.get("Case") in DESCRIBED_CASES and _preposition(d, index)) or _visited(d, index)


def _visited(d: Discourse, index: int) -> bool:
    token = d.analysis.tokens[index]
    head = d.analysis.tokens[token.head] if token.head is not None else None
    return token.rel == "obj" and head is not None and head.lemma.lower() in d.cues.visits


def _nested(d: Discourse, index: int, where: Site) -> list[int]:
    found, frontier = [], [index]
    for _ in range(NESTED_REACH):
        frontier = [c for f in frontier for c in d.children(f)
                    if d.analysis.tokens[c].rel in NESTED and where.holds(d, c)]
        found += frontier
    return found
