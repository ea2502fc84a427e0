"""Participants the clause does not name: "он", a dropped subject, "который", "свой".

A news text names a person once, then says "он", drops the subject ("Родился в 1955 году"), or
shares one subject between several verbs ("Политик заболел, а позднее был госпитализирован").
Each such gap in the trigger's argument slots is filled by whom it points to: a subject in the
same sentence, else the last agreeing person named before it (a subject preferred), else the
person the text is about (named most often so far).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from parleywatch.actors import Actor, Mention
from parleywatch.extract.events.cues import ArgumentCues
from parleywatch.nlp import Analysis, Sentence, Token

SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
SHARED_SUBJECT = frozenset({"conj", "xcomp", "advcl"})  # "заболел и был госпитализирован"
ARGUMENTS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod"})
COMPLEMENTS = frozenset({"obj", "obl", "iobj", "xcomp"})  # "провёл переговоры": the verb's subject
PERSON = "person"
AGENTS = frozenset({"person", "organization", "group", "government", "country"})
REACH = 2  # sentences back an antecedent may lie
REFLEXIVE_REACH = 3  # steps from the trigger up to the verb "свой" refers through
TOPIC_MIN = 2  # mentions that make a person what the text is about
VERB_POS = frozenset({"VERB", "AUX"})
MODIFYING_CLAUSES = frozenset({"acl", "acl:relcl"})  # a clause qualifying a noun
NOUNS = frozenset({"NOUN", "PROPN"})


@dataclass(slots=True)
class Discourse:
    """The article around a clause: its analysis and the mentions events may use (the extractor
    builds one per article; what the rules ask of it again and again is worked out once)."""

    analysis: Analysis
    mentions: list[Mention]
    actors: dict[str, Actor]
    cues: ArgumentCues
    _starts: list[int] = field(default_factory=list)
    _mention_starts: list[int] = field(default_factory=list)
    _children: dict[int, list[int]] = field(default_factory=dict)  # head -> its dependents, in order
    _genders: dict[str, str | None] = field(default_factory=dict)  # actor id -> ``gender``, as asked

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.analysis.sentences]
        self.mentions = sorted(self.mentions, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
        for sentence in self.analysis.sentences:
            for i in range(sentence.first, sentence.last):
                head = self.analysis.tokens[i].head
                if head is not None and sentence.first <= head < sentence.last:
                    self._children.setdefault(head, []).append(i)

    def token(self, index: int | None) -> Token | None:
        return self.analysis.tokens[index] if index is not None and 0 <= index < len(self.analysis.tokens) else None

    def sentence_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def sentence_at(self, index: int) -> Sentence:
        return self.analysis.sentences[self.sentence_of(self.analysis.tokens[index].start)]

    def children(self, index: int) -> list[int]:
        return self._children.get(index, [])

    def kind(self, mention: Mention) -> str:
        actor = self.actors.get(mention.actor_id)
        return actor.type if actor else ""

    def mention_at(self, index: int) -> Mention | None:
        """The mention covering a token (the mentions are outermost, so they do not nest)."""
        start = self.analysis.tokens[index].start
        at = bisect.bisect_right(self._mention_starts, start) - 1
        mention = self.mentions[at] if at >= 0 else None
        return mention if mention is not None and start < mention.end else None

    def root(self, mention: Mention) -> int | None:
        """The token of a mention whose head lies outside it."""
        sentence = self.analysis.sentences[self.sentence_of(mention.start)]
        span = [i for i in range(sentence.first, sentence.last)
                if mention.start <= self.analysis.tokens[i].start < mention.end]
        return next((i for i in span if self.analysis.tokens[i].head not in span), span[0] if span else None)


@dataclass(slots=True, frozen=True)
class Gap:
    """A token standing for a participant: a pronoun, or a verb whose subject was dropped."""

    index: int
    gender: str | None
    number: str | None
    rule: str


@dataclass(slots=True, frozen=True)
class Resolved:
    """A participant found through a gap: the mention it points back to, and where the gap is."""

    mention: Mention
    start: int
    end: int
    rule: str


# ---------------------------------------------------------------- gaps


@dataclass(slots=True, frozen=True)
class Site:
    """Where a trigger's arguments hang: the trigger, the words standing for it ("принял участие")
    and its verb; ``line`` is the character range of its line (a headline above is another text)."""

    trigger: int
    heads: frozenset[int]
    line: tuple[int, int]
    clause: tuple[int, int]  # token range ``[first, last)`` of the trigger's clause
    verb: int | None = None  # the predicate whose subject is the trigger's agent
    strays: frozenset[int] = frozenset()  # words of a headline the parser hung into the next line

    def holds(self, d: Discourse, index: int) -> bool:
        return self.line[0] <= d.analysis.tokens[index].start < self.line[1]

    def inside(self, index: int | None) -> bool:
        return index is not None and self.clause[0] <= index < self.clause[1]


def site(d: Discourse, trigger: int, seeds: list[int], clause: tuple[int, int]) -> Site:
    sentence = d.sentence_at(trigger)
    at = d.analysis.tokens[trigger].start - sentence.start
    start = sentence.text.rfind("\n", 0, at) + 1
    end = sentence.text.find("\n", at)
    line = (sentence.start + start, sentence.start + end if end >= 0 else sentence.end)
    verb = next((v for v in (predicate(d, s) for s in [trigger, *seeds]) if v is not None), None)
    heads = {*seeds, trigger} | ({verb} if verb is not None else set())
    where = Site(trigger, frozenset(heads), line, clause, verb)
    root = verb if verb is not None else trigger
    if where.inside(d.analysis.tokens[root].head):
        return where
    strays = {i for i in range(*clause) if i != root and not where.inside(d.analysis.tokens[i].head)
              and d.analysis.tokens[i].rel in ARGUMENTS and where.holds(d, i)}
    return Site(trigger, frozenset(heads), line, clause, verb, frozenset(strays))


def predicate(d: Discourse, trigger: int) -> int | None:
    """The verb whose subject is the trigger's agent: the trigger itself, or the verb a noun
    trigger completes ("провёл переговоры", "выступил на саммите"); not the verb of a noun the
    trigger qualifies ("родился через два года после капитуляции")."""
    token = d.analysis.tokens[trigger]
    if token.pos in VERB_POS:
        return trigger
    head = d.token(token.head)
    return token.head if head is not None and head.pos in VERB_POS and token.rel in COMPLEMENTS else None


def subject(d: Discourse, verb: int, where: Site) -> int | None:
    """The subject of a verb, of the verb it shares one with ("X заболел и умер"), else a subject
    the parser hung outside the clause ("полковник был задержан, а ... приговорён")."""
    seen: set[int] = set()
    index: int | None = verb
    while index is not None and index not in seen and where.holds(d, index):
        seen.add(index)
        found = next((c for c in d.children(index) if d.analysis.tokens[c].rel in SUBJECTS), None)
        token = d.analysis.tokens[index]
        if found is not None:
            return found if where.holds(d, found) else None
        if token.rel not in SHARED_SUBJECT:
            break
        index = token.head
    return stray_subject(d, where)


def stray_subject(d: Discourse, where: Site) -> int | None:
    first, last = where.clause
    return next((i for i in range(first, last) if d.analysis.tokens[i].rel in SUBJECTS
                 and not where.inside(d.analysis.tokens[i].head)), None)


def _agreement(token: Token) -> tuple[str | None, str | None]:
    return token.feats.get("Gender"), token.feats.get("Number")


def _personal(token: Token, d: Discourse) -> bool:
    return token.pos == "PRON" and token.lemma.lower() in d.cues.pronouns


def dropped_subject(d: Discourse, verb: int) -> Gap | None:
    """A finite singular verb with no subject anywhere ("Родился в 1955 году"); plural ("его
    арестовали") and neuter ("было возбуждено") verbs say nobody, nor does a verb qualifying a
    noun ("план, ... в ходе диалога был сокращен"): its subject is that noun."""
    token = d.analysis.tokens[verb]
    gender, number = _agreement(token)
    if _qualifies_agreeing(d, token):
        return None
    third = token.feats.get("Person", "3") == "3"
    finite = token.feats.get("VerbForm") in {"Fin", "Part"} and token.feats.get("Mood") != "Imp"
    if not finite or not third or number != "Sing" or gender == "Neut":
        return None
    if token.feats.get("VerbForm") == "Part" and token.feats.get("Variant") != "Short":
        return None  # a full participle qualifies its noun: "приехавший посол"
    return Gap(verb, gender, number, "dropped-subject")


def _qualifies_agreeing(d: Discourse, verb: Token) -> bool:
    """"план, который ... в ходе диалога был сокращен": a clause hanging on a noun of the verb's
    gender and number has that noun for subject ("отделение, куда был госпитализирован" does not)."""
    noun = d.token(verb.head) if verb.rel in MODIFYING_CLAUSES else None
    return noun is not None and noun.pos in NOUNS and _agreement(noun) == _agreement(verb)


Found = Gap | Mention


def subject_gap(d: Discourse, where: Site) -> list[Found]:
    """The trigger's subject slot: a pronoun, a subject shared with another verb, or nothing."""
    verb = where.verb
    if verb is None or not where.holds(d, verb):
        return []
    found = subject(d, verb, where)
    if found is None:
        gap = dropped_subject(d, verb)
        return [gap] if gap is not None else []
    token = d.analysis.tokens[found]
    if _personal(token, d):
        gender, number = _agreement(token)
        return [Gap(found, gender, number, "pronoun")]
    return [m for m in (d.mention_at(i) for i in conjuncts(d, found)) if m is not None and d.kind(m) in AGENTS]


def conjuncts(d: Discourse, index: int) -> list[int]:
    """A subject and the words joined to it: "Россия и США провели раунд, однако отложили встречу"
    gives "отложили" both sides."""
    return [index] + [c for c in d.children(index) if d.analysis.tokens[c].rel == "conj"]


def arguments(d: Discourse, where: Site) -> list[int]:
    """The words that depend on the trigger, the words standing for it or its verb, on its line;
    when the trigger's verb heads its clause, also the clause's words whose head the parser put
    outside it ("Итальянский суд приговорил украинского солдата" glued to the next line)."""
    return sorted({c for h in where.heads for c in d.children(h) if where.holds(d, c)} | where.strays)


def pronoun_gaps(d: Discourse, where: Site) -> list[Found]:
    """"его арестовали", "предъявили ему обвинения": a personal pronoun among the trigger's
    arguments; "его визит": a possessive on the trigger itself. The verb a noun trigger is the
    object of lends it its arguments ("провёл с ним переговоры"); one it only modifies lends its
    subject alone ("в ходе встречи я попросил его": not "его")."""
    out: list[Found] = []
    adverbial = where.verb != where.trigger and d.analysis.tokens[where.trigger].rel != "obj"
    for i in arguments(d, where):
        token = d.analysis.tokens[i]
        if adverbial and token.head == where.verb:
            continue
        own = token.head == where.trigger and token.pos == "DET"
        owner = d.cues.possessive_gender(token.text.lower()) if own else None
        if owner is not None:
            out.append(Gap(i, owner, "Sing", "possessive"))
        elif _personal(token, d) and token.rel in ARGUMENTS:
            gender, number = _agreement(token)
            out.append(Gap(i, gender, number, "pronoun"))
    return out


def relative_gaps(d: Discourse, where: Site) -> list[Found]:
    """"посол, который провёл переговоры": "который" is the noun its clause hangs from."""
    out: list[Found] = []
    for i in arguments(d, where):
        token = d.analysis.tokens[i]
        if token.lemma.lower() not in d.cues.relatives or token.rel not in SUBJECTS:
            continue
        clause = d.token(token.head)
        noun = clause.head if clause is not None and clause.rel == "acl:relcl" else None
        mention = d.mention_at(noun) if noun is not None else None
        if mention is not None and d.kind(mention) in AGENTS:
            out.append(mention)
    return out


def participle_gaps(d: Discourse, where: Site) -> list[Found]:
    """"посол, прибывший в Москву": a participle trigger's agent is the noun it qualifies."""
    token = d.analysis.tokens[where.trigger]
    if token.rel != "acl" or token.feats.get("VerbForm") != "Part" or token.head is None:
        return []
    mention = d.mention_at(token.head)
    return [mention] if mention is not None and d.kind(mention) in AGENTS else []


LEADER_GAP = frozenset({"NOUN", "ADJ", "PROPN", "DET", "NUM", "X"})  # between a group and "во главе с"


def leaders(d: Discourse, where: Site, groups: list[int]) -> list[Mention]:
    """"делегация во главе с Y", "члены коллегии под руководством Y": the person leading a group
    that takes part takes part (the tracker's "в переговорах приняли участие ... делегация во
    главе с Y")."""
    tokens = d.analysis.tokens
    out = []
    for cue in d.cues.led_by:
        for i in range(where.clause[0], where.clause[1] - len(cue)):
            if tuple(t.lemma.lower() for t in tokens[i : i + len(cue)]) != cue:
                continue
            group = next((g for g in range(i - 1, where.clause[0] - 1, -1)
                          if tokens[g].pos not in LEADER_GAP or g in groups), None)
            mention = d.mention_at(i + len(cue))
            if group in groups and mention is not None and d.kind(mention) == PERSON:
                out.append(mention)
    return out


def nominal_gaps(d: Discourse, where: Site) -> list[Found]:
    """"Участник Великого похода и гражданской войны." (a biography's verbless sentence): the
    participation noun heading the clause stands for the person the text is about."""
    out: list[Found] = []
    for seed in where.heads - {where.trigger}:
        token = d.analysis.tokens[seed]
        heads_clause = token.rel == "root" or not where.inside(token.head)
        if (token.pos != "NOUN" or token.lemma.lower() not in d.cues.participation or not heads_clause
                or token.feats.get("Number") != "Sing" or subject(d, seed, where) is not None):
            continue
        out.append(Gap(seed, "Fem" if token.feats.get("Gender") == "Fem" else None, "Sing", "nominal"))
    return out


def reflexive_gaps(d: Discourse, where: Site) -> list[Found]:
    """"он управлял страной до своего свержения": "свой" on the trigger is the subject of the
    verb the trigger's phrase hangs from."""
    if not any(d.analysis.tokens[c].lemma.lower() in d.cues.reflexives for c in d.children(where.trigger)):
        return []
    verb = d.token(where.trigger)
    index = verb.head if verb is not None else None
    for _ in range(REFLEXIVE_REACH):
        token = d.token(index)
        if token is None or not where.holds(d, index or 0):
            return []
        if token.pos in VERB_POS:
            return subject_gap(d, Site(index or 0, where.heads, where.line, where.clause, index))
        index = token.head
    return []


GAP_RULES: list[Callable[[Discourse, Site], list[Found]]] = [subject_gap, pronoun_gaps, relative_gaps,
                                                             participle_gaps, reflexive_gaps, nominal_gaps]


# ---------------------------------------------------------------- antecedents


def gender(d: Discourse, actor_id: str) -> str | None:
    """The grammatical gender most words of a person's name mentions carry; a tie goes to the
    surname, the last word ("Лолла Каримова": Fem whatever the tagger made of "Лолла")."""
    if actor_id in d._genders:
        return d._genders[actor_id]
    votes: Counter[str] = Counter()
    for mention in d.mentions:
        if mention.actor_id != actor_id or mention.type != "PER":
            continue
        first = last = _first_token(d, mention)
        while last < len(d.analysis.tokens) and d.analysis.tokens[last].start < mention.end:
            last += 1
        words = d.analysis.tokens[first:last]
        for i, word in enumerate(words):
            if "Gender" in word.feats:
                votes[word.feats["Gender"]] += 3 if i == len(words) - 1 else 2
    d._genders[actor_id] = votes.most_common(1)[0][0] if votes else None
    return d._genders[actor_id]


def _first_token(d: Discourse, mention: Mention) -> int:
    sentence = d.analysis.sentences[d.sentence_of(mention.start)]
    return next((i for i in range(sentence.first, sentence.last) if d.analysis.tokens[i].start >= mention.start),
                sentence.last)


def _agrees(d: Discourse, mention: Mention, gap: Gap) -> bool:
    """Singular, and of the gap's gender when it has one (an unknown gender does not agree)."""
    return gap.number in {None, "Sing"} and (gap.gender is None or gender(d, mention.actor_id) == gap.gender)


def _is_subject(d: Discourse, mention: Mention) -> bool:
    index = d.root(mention)
    seen: set[int] = set()
    while index is not None and index not in seen:
        seen.add(index)
        token = d.analysis.tokens[index]
        if token.rel in SUBJECTS:
            return True
        if token.rel not in {"appos", "flat", "flat:name", "conj"}:
            return False
        index = token.head
    return False


def candidates(d: Discourse, gap: Gap, reach: int = REACH) -> list[Mention]:
    """Persons named before the gap in its sentence and the ``reach`` sentences before, agreeing."""
    offset = d.analysis.tokens[gap.index].start
    here = d.sentence_of(offset)
    earliest = d.analysis.sentences[max(0, here - reach)].start
    return [m for m in d.mentions if earliest <= m.start and m.end <= offset
            and d.kind(m) == PERSON and _agrees(d, m, gap)]


def last_subject(d: Discourse, gap: Gap) -> Mention | None:
    found = [m for m in candidates(d, gap) if _is_subject(d, m)]
    return found[-1] if found else None


def last_person(d: Discourse, gap: Gap) -> Mention | None:
    found = candidates(d, gap)
    return found[-1] if found else None


def topic(d: Discourse, gap: Gap) -> Mention | None:
    """The agreeing person named most often before the gap, or the only one named: whom a
    biography's "Умер в 1993 году" is about."""
    offset = d.analysis.tokens[gap.index].start
    before = [m for m in d.mentions if m.end <= offset and d.kind(m) == PERSON and _agrees(d, m, gap)]
    counts = Counter(m.actor_id for m in before).most_common(2)
    if not counts or (len(counts) > 1 and (counts[0][1] < TOPIC_MIN or counts[0][1] == counts[1][1])):
        return None
    return next(m for m in reversed(before) if m.actor_id == counts[0][0])


RESOLVERS: list[Callable[[Discourse, Gap], Mention | None]] = [last_subject, topic, last_person]


def resolve(d: Discourse, gap: Gap) -> Mention | None:
    for rule in RESOLVERS:
        found = rule(d, gap)
        if found is not None:
            return found
    return None


# ---------------------------------------------------------------- entry


def context_participants(d: Discourse, where: Site) -> list[Resolved]:
    """Participants the gaps of one trigger point to."""
    found = [item for rule in GAP_RULES for item in rule(d, where)]
    out: list[Resolved] = []
    seen: set[int] = set()
    for item in found:
        if isinstance(item, Mention):
            out.append(Resolved(item, item.start, item.end, "syntax"))
            continue
        mention = resolve(d, item) if item.index not in seen else None
        seen.add(item.index)
        token = d.analysis.tokens[item.index]
        if mention is not None:
            out.append(Resolved(mention, token.start, token.end, item.rule))
    return out
