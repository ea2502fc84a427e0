"""Event triggers: lemma sequences from the lexicon found in a clause's tokens.

A clause often holds several triggers ("staged a hunger strike to demand the release of ...");
``by_salience`` puts the one naming the clause's main event first: a framing cue ("unless"),
then the main verb or the noun a light verb stands for, then infinitives, then other nouns.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from parleywatch.extract.events.lexicon import EventLexicon, Trigger
from parleywatch.nlp import Token


@dataclass(slots=True, frozen=True)
class Hit:
    """A trigger matched at tokens ``[first, last)`` (indices into the analysis)."""

    first: int
    last: int
    trigger: Trigger
    role: str = ""  # "frame", "light" (a light verb yielding to its noun) or "object" (that noun)


HOSTILE = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
LIGHT_REACH = 4  # "staged [mass] demonstrations", "imposed [a] [de facto] blackout"
VERB_HEADS = frozenset({"be", "must"})  # "is willing to", "must return": verbs without a verb form


def find_triggers(tokens: list[Token], offset: int, lexicon: EventLexicon) -> list[Hit]:
    """Non-overlapping trigger hits, longest match first at each position (a trigger longer
    than an ignored phrase wins: "call off a strike"); ``offset`` is the analysis index of
    ``tokens[0]``. Hits carry their role in the clause and intentions are typed by their aim."""
    lemmas = [t.lemma.lower() for t in tokens]
    hits: list[Hit] = []
    i = 0
    while i < len(lemmas):
        size = _ignored(lemmas, i, lexicon)
        hit = _match(lemmas, i, lexicon)
        if hit and len(hit.lemmas) > size:
            hits.append(Hit(offset + i, offset + i + len(hit.lemmas), hit))
            i += len(hit.lemmas)
        else:
            i += size or 1
    return intended_threats(with_roles(hits, lemmas, offset, lexicon), lemmas, offset, lexicon)


def with_roles(hits: list[Hit], lemmas: list[str], offset: int, lexicon: EventLexicon) -> list[Hit]:
    """Mark framing cues, light verbs and the event nouns they govern ("imposed sanctions");
    an infinitive is a complement, not an object ("ordered the army to withdraw")."""
    marked: list[Hit] = []
    for k, hit in enumerate(hits):
        following = hits[k + 1] if k + 1 < len(hits) else None
        if hit.trigger.lemmas in lexicon.frames:
            hit = replace(hit, role="frame")
        elif following and _light(hit, lexicon) and _object(following, lemmas, offset, hit.last - offset):
            hit = replace(hit, role="light")
        elif (marked and marked[-1].role == "light") or _after_light_verb(hit, lemmas, offset, lexicon, marked):
            hit = replace(hit, role="object")
        marked.append(hit)
    return marked


def _light(hit: Hit, lexicon: EventLexicon) -> bool:
    return len(hit.trigger.lemmas) == 1 and hit.trigger.lemmas[0] in lexicon.light_verbs


def _object(hit: Hit, lemmas: list[str], offset: int, verb_end: int) -> bool:
    """A noun right after a verb ending at ``verb_end``, not an infinitive after "to"."""
    first = hit.first - offset
    return 0 <= first - verb_end < LIGHT_REACH and "to" not in lemmas[verb_end:first]


def _after_light_verb(hit: Hit, lemmas: list[str], offset: int, lexicon: EventLexicon, before: list[Hit]) -> bool:
    """A light verb that is no trigger ("staged", "launched") shortly before the hit."""
    start = max(hit.first - offset - LIGHT_REACH, before[-1].last - offset if before else 0)
    return any(lemmas[j] in lexicon.light_verbs and (j == 0 or lemmas[j - 1] not in {"in", "the", "a", "an"})
               and _object(hit, lemmas, offset, j + 1) for j in range(start, hit.first - offset))


def intended_threats(hits: list[Hit], lemmas: list[str], offset: int, lexicon: EventLexicon) -> list[Hit]:
    """"vowed to fight", "is prepared to impose martial law": an intention to do harm is a THREATEN."""
    typed = []
    for k, hit in enumerate(hits):
        aim = hits[k + 1] if k + 1 < len(hits) else None
        if (hit.trigger.lemmas in lexicon.intents and aim is not None and aim.trigger.type in HOSTILE
                and "to" in lemmas[hit.last - offset : aim.first - offset + 1][:LIGHT_REACH]):
            hit = replace(hit, trigger=replace(hit.trigger, type="THREATEN"))
        typed.append(hit)
    return typed


def _ignored(lemmas: list[str], i: int, lexicon: EventLexicon) -> int:
    for words in lexicon.ignore:
        if tuple(lemmas[i : i + len(words)]) == words:
            return len(words)
    return 0


def _match(lemmas: list[str], i: int, lexicon: EventLexicon) -> Trigger | None:
    for trigger in lexicon.triggers.get(lemmas[i], ()):
        if tuple(lemmas[i : i + len(trigger.lemmas)]) == trigger.lemmas:
            return trigger
    return None


DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"})
SUBJECTS = frozenset({"they", "we", "i", "you", "he", "she", "who", "not", "n't", "also", "still", "never"})
AUXILIARIES = frozenset({"will", "to", "would", "has", "have", "had", "is", "was", "were", "are", "be", "been",
                         "could", "may", "might", "can", "shall", "should", "must"})


def verb_like(tokens: list[Token], offset: int, hit: Hit) -> bool:
    """A verb by POS when the analyzer tags it, else by English form ("threatened", "will cut")."""
    token = tokens[hit.first - offset]
    if token.pos is not None:
        return token.pos in {"VERB", "AUX"}
    if token.lemma.lower() in VERB_HEADS:
        return True
    i = hit.first - offset
    previous = tokens[i - 1].lemma.lower() if i > 0 else ""
    adverb = i > 1 and len(tokens[i - 1].text) > 4 and tokens[i - 1].text.lower().endswith("ly")
    if previous in DETERMINERS or (adverb and tokens[i - 2].lemma.lower() in DETERMINERS):
        return False  # "the signing", "the recently imposed law": a noun or an adjective
    if previous in SUBJECTS:
        return True
    return token.text.lower().endswith("ed") or (token.text.lower() != token.lemma.lower() and not token.text.lower(
    ).endswith("s")) or previous in AUXILIARIES


def by_salience(hits: list[Hit], tokens: list[Token], offset: int) -> list[Hit]:
    """The main event first, then in text order: "threatened to cut" is a THREATEN, "staged a
    protest to demand" a PROTEST, "will withdraw unless" a THREATEN."""
    return sorted(hits, key=lambda h: (salience_rank(h, tokens, offset), h.first))


def salience_rank(hit: Hit, tokens: list[Token], offset: int) -> int:
    """0 framing cue, 1 main verb or a light verb's noun, 2 infinitive ("to demand"), 3 other."""
    if hit.role in {"frame", "light", "object"}:
        return {"frame": 0, "object": 1, "light": 3}[hit.role]
    if hit.first > offset and tokens[hit.first - offset - 1].lemma.lower() == "to":
        return 2
    return 1 if verb_like(tokens, offset, hit) else 3


def proper_name(tokens: list[Token], offset: int, hit: Hit) -> bool:
    """A capitalized word inside an English sentence is a name ("Economic Cooperation", "March")."""
    i = hit.first - offset
    token = tokens[i]
    return token.pos is None and i > 0 and token.text[:1].isupper() and tokens[i - 1].text not in {'"', "“", "("}


def first_per_type(hits: list[Hit]) -> list[Hit]:
    """One hit per event type in a clause: "раунд переговоров" is one CONSULT, not two."""
    seen: set[str] = set()
    kept = []
    for hit in hits:
        if hit.trigger.type not in seen:
            seen.add(hit.trigger.type)
            kept.append(hit)
    return kept
