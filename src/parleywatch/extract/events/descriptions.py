"""Descriptive participants: "футболиста", "американская делегация", "представители посольства".

When no named actor fills an argument slot, the noun describing the person or group is what an
analyst needs ("an American delegation met ..."). A description is a common noun for people
(natasha's ``Animacy=Anim``, less the words that only count people) or a group noun from the
cues, attached to the trigger as a named participant would be, with no name of its own
("журналиста Ивана Голунова" is Голунов). A singular role noun said of a named person earlier
("аргентинский футболист Лионель Месси" ... "приговорил футболиста") is that person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from parleywatch.actors import Mention
from parleywatch.extract.events.discourse import ARGUMENTS, PERSON, Discourse, Gap, Site, arguments, subject, topic
from parleywatch.extract.events.tree import INTO
from parleywatch.nlp import Token

EXTENT = frozenset({"amod", "nmod", "flat", "flat:name", "compound", "nummod", "fixed"})
CHAIN = frozenset({"conj", "appos"})  # "полиция, водолазы и спасатели": one slot, several nouns
NAME_LINKS = frozenset({"appos", "flat", "flat:name"})
NOMINAL = frozenset({"NOUN", "ADJ", "PROPN", "X", "NUM", "DET", "PUNCT"})  # inside one noun phrase
RUN_BREAKS = frozenset({".", "!", "?", ";", ":", "(", ")", "\n"})
OPENERS = frozenset({"«", '"', "—", "-", "–", ":"})
RUN_REACH = 12  # tokens scanned for the name a title introduces


@dataclass(slots=True, frozen=True)
class Description:
    """A participant named by what it is, not who; ``actor_id`` when the text named it before."""

    start: int
    end: int
    text: str
    head: int
    actor_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "actor_id": self.actor_id}


def describes_people(d: Discourse, index: int) -> bool:
    """A common noun for people or a group of them: "дипломат", "делегация"; not "человек", not a
    name the tagger missed (capitalised inside the sentence), not "участник" (it restates the event)."""
    token = d.analysis.tokens[index]
    lemma = token.lemma.lower()
    if token.pos != "NOUN" or lemma in d.cues.generic_persons or lemma in d.cues.participation:
        return False
    if token.text[:1].isupper() and not _opens(d, index):
        return False
    return lemma in d.cues.groups or token.feats.get("Animacy") == "Anim"


def _opens(d: Discourse, index: int) -> bool:
    """The token opens its sentence, a line or a quote, where any word is capitalised."""
    sentence = d.sentence_at(index)
    if index == sentence.first:
        return True
    before = d.analysis.tokens[index - 1]
    gap = sentence.text[before.end - sentence.start : d.analysis.tokens[index].start - sentence.start]
    return "\n" in gap or before.text in OPENERS


def kin_word(d: Discourse, mention: Mention) -> bool:
    """"Супруга «оружейного барона» рассчитывает ...": a kinship word opening a sentence that the
    tagger took for a name; it says whose relative, not who."""
    sentence = d.analysis.sentences[d.sentence_of(mention.start)]
    words = [i for i in range(sentence.first, sentence.last)
             if mention.start <= d.analysis.tokens[i].start < mention.end]
    if mention.type != "PER" or len(words) != 1:
        return False
    token = d.analysis.tokens[words[0]]
    return token.pos == "NOUN" and token.lemma.lower() in d.cues.generic_persons and _opens(d, words[0])


def office(d: Discourse, index: int) -> bool:
    """"выборы президента", "на пост главы МВД", "баллотироваться в президенты", "посвятить в
    рыцари": the noun names an office or rank, not a person who takes part."""
    token = d.analysis.tokens[index]
    head = d.token(token.head)
    if head is not None and head.lemma.lower() in d.cues.offices and token.feats.get("Case") == "Gen":
        return True
    return _case(d, index) in INTO and token.feats.get("Number") == "Plur" and token.feats.get("Case") != "Loc"


def place(d: Discourse, index: int) -> bool:
    """"в федеральном суде", "в посольстве": a group noun in a locative phrase is where, not who."""
    return _case(d, index) in d.cues.place_prepositions and d.analysis.tokens[index].feats.get("Case") == "Loc"


def _case(d: Discourse, index: int) -> str | None:
    """The preposition governing a noun ("в", "на"), if any."""
    return next((d.analysis.tokens[c].lemma.lower() for c in d.children(index)
                 if d.analysis.tokens[c].rel == "case"), None)


def named(d: Discourse, index: int) -> bool:
    """The noun comes with a name: it is a title ("американский дипломат, бывший посол Джон
    Салливан", "Сергей Рябков — опытный переговорщик")."""
    if d.mention_at(index) is not None:
        return True
    token = d.analysis.tokens[index]
    if token.rel in NAME_LINKS and token.head is not None and _person_at(d, token.head):
        return True
    return holder(d, index) is not None or _person_before(d, index)


def _person_at(d: Discourse, index: int) -> bool:
    mention = d.mention_at(index)
    return mention is not None and d.kind(mention) == PERSON and mention.type == "PER"


def holder(d: Discourse, index: int) -> str | None:
    """The person a title introduces: the first name after it within the same noun phrase
    ("аргентинский футболист Лионель Месси", "писатель, поэт и журналист Дмитрий Быков")."""
    tokens = d.analysis.tokens
    sentence = d.sentence_at(index)
    for i in range(index + 1, min(index + 1 + RUN_REACH, sentence.last)):
        mention = d.mention_at(i)
        if mention is not None and d.kind(mention) == PERSON and mention.type == "PER":
            return mention.actor_id
        if mention is None and not _nominal(tokens[i], allow_and=True):
            return None
    return None


def _person_before(d: Discourse, index: int) -> bool:
    """"Кшиштоф Пендерецкий — великий поляк, выдающийся художник": a name opens the phrase."""
    tokens = d.analysis.tokens
    sentence = d.sentence_at(index)
    for i in range(index - 1, max(sentence.first, index - RUN_REACH) - 1, -1):
        if _person_at(d, i):
            return True
        if not _nominal(tokens[i], allow_and=False):
            return False
    return False


def _nominal(token: Token, allow_and: bool) -> bool:
    if token.text in RUN_BREAKS:
        return False
    return token.pos in NOMINAL or (allow_and and token.pos == "CCONJ")


def extent(d: Discourse, head: int, first: int, last: int, relations: frozenset[str] = EXTENT) -> tuple[int, int]:
    """Token range of the noun phrase: the noun with its adjectives and genitives, inside the
    clause ``[first, last)``, when contiguous; else the noun alone."""
    found, frontier = {head}, [head]
    while frontier:
        node = frontier.pop()
        for child in d.children(node):
            if first <= child < last and d.analysis.tokens[child].rel in relations and child not in found:
                found.add(child)
                frontier.append(child)
    low, high = min(found), max(found)
    return (low, high) if len(found) == high - low + 1 else (head, head)


def introduced(d: Discourse, index: int) -> str | None:
    """The person an earlier use of the same role noun introduced ("футболист Лионель Месси" ...
    "приговорил футболиста"); of several, the one the text names most."""
    lemma = d.analysis.tokens[index].lemma.lower()
    holders = [h for i in range(index) if d.analysis.tokens[i].lemma.lower() == lemma
               for h in [holder(d, i)] if h is not None]
    if not holders:
        return None
    offset = d.analysis.tokens[index].start
    counts = Counter(m.actor_id for m in d.mentions if m.end <= offset and m.actor_id in holders)
    return max(reversed(holders), key=lambda h: counts[h])


def text_topic(d: Discourse, index: int) -> str | None:
    """The person the text is about, for a role noun never said of anyone ("больного перевели в
    реанимацию" in a text about one patient); a feminine noun needs a woman."""
    token = d.analysis.tokens[index]
    gap = Gap(index, token.feats.get("Gender") if token.feats.get("Gender") == "Fem" else None, "Sing", "role")
    found = topic(d, gap)
    return found.actor_id if found is not None else None


SAID_OF: list[Callable[[Discourse, int], str | None]] = [introduced, text_topic]


def said_of(d: Discourse, index: int) -> str | None:
    """Whom a singular role noun stands for, if the text says."""
    token = d.analysis.tokens[index]
    if token.feats.get("Number") != "Sing" or token.feats.get("Animacy") != "Anim":
        return None
    return next((found for rule in SAID_OF if (found := rule(d, index)) is not None), None)


def _slot_nouns(d: Discourse, where: Site) -> list[int]:
    """The trigger's arguments, its verb's subject, and the nouns chained to them by conjunction
    or apposition."""
    out: list[int] = []
    verb = where.verb
    tops = [a for a in arguments(d, where) if d.analysis.tokens[a].rel in ARGUMENTS and a not in where.heads]
    tops += [s for s in [subject(d, verb, where) if verb is not None else None] if s is not None]
    for top in tops:
        frontier = [top]
        while frontier:
            node = frontier.pop()
            if node in out:
                continue  # a garbled parse may loop
            out.append(node)
            frontier += [c for c in d.children(node) if d.analysis.tokens[c].rel in CHAIN and where.holds(d, c)]
    return sorted(set(out))


def descriptions(d: Discourse, where: Site) -> list[Description]:
    """Descriptive participants of a trigger."""
    out = []
    for index in _slot_nouns(d, where):
        if not describes_people(d, index) or office(d, index) or place(d, index) or named(d, index):
            continue
        low, high = extent(d, index, *where.clause) if where.inside(index) else (index, index)
        start, end = d.analysis.tokens[low].start, d.analysis.tokens[high].end
        sentence = d.analysis.sentences[d.sentence_of(start)]
        text = sentence.text[start - sentence.start : end - sentence.start]
        out.append(Description(start, end, text, index, said_of(d, index)))
    return out
