"""Events of one article: triggers in each clause, with status, arguments, date and issues."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from parleywatch.actors import ArticleLinks, Mention
from parleywatch.extract.dates import DateSpan, find_dates, join_alternatives
from parleywatch.extract.events.arguments import Arguments, article_discourse, attach, clause_mentions
from parleywatch.extract.events.clauses import Clause, split_clauses
from parleywatch.extract.events.discourse import SUBJECTS, VERB_POS, Discourse
from parleywatch.extract.events.lexicon import LAST, EventLexicon
from parleywatch.extract.events.status import StatusView, event_status, scope_cues
from parleywatch.extract.events.tree import AFFILIATION_RELATIONS
from parleywatch.extract.events.triggers import Hit, by_salience, find_triggers, first_per_type, proper_name
from parleywatch.extract.issues import find_issues
from parleywatch.nlp import Analysis, Sentence, Token
from parleywatch.records import Article

FUTURE = frozenset({"planned", "hypothetical", "postponed"})


@dataclass(slots=True, frozen=True)
class EventContext:
    """What every clause of one article needs."""

    article: Article
    analysis: Analysis
    links: ArticleLinks
    lexicon: EventLexicon
    speech: frozenset[str]
    published: date | None
    is_outlet: Callable[[Mention], bool]
    keep_bare: bool = False  # keep events with no participant, place, issue or round (typing evals)
    discourse: Discourse | None = None  # the article for cross-sentence rules, built once per article


MEETING = "CONSULT"
DELEGATION_REACH = 2  # sentences back from a "the delegations were led by" sentence to its meeting
PERSON = "PER"
ROLE = "DESC"  # a mention that describes its actor by office ("глава МИД России")


def extract_events(ctx: EventContext) -> list[dict[str, Any]]:
    if ctx.discourse is None:
        ctx = replace(ctx, discourse=article_discourse(ctx.analysis, ctx.links, ctx.is_outlet))
    events: list[dict[str, Any]] = []
    for sentence in ctx.analysis.sentences:
        for clause in split_clauses(ctx.analysis, sentence, ctx.lexicon, ctx.speech):
            found = clause_events(ctx, clause)
            if not any(e["type"] == MEETING for e in found):
                found += back_reference(ctx, clause, events)
            number_after_count(ctx, clause, found, events)
            events += found
    add_delegation_heads(ctx, events)
    return events


def add_delegation_heads(ctx: EventContext, events: list[dict[str, Any]]) -> None:
    """"Делегации возглавили Дарчиев и Коултер": the people leading the sides of a meeting, named in
    its sentence or one of the next two, are its participants."""
    if not ctx.lexicon.delegation:
        return
    sentences = ctx.analysis.sentences
    for index, sentence in enumerate(sentences):
        if not any(cue in sentence.text.lower() for cue in ctx.lexicon.delegation):
            continue
        earliest = sentences[max(0, index - DELEGATION_REACH)].start
        meetings = [e for e in events
                    if e["type"] == MEETING and earliest <= e["evidence"][0]["start"] <= sentence.start]
        if not meetings:
            continue
        meeting = meetings[-1]
        people = [m.actor_id for m in ctx.links.mentions if m.type == PERSON
                  and sentence.start <= m.start < sentence.end and not qualifies(ctx.analysis, sentence, m)]
        meeting["participants"] += [p for p in dict.fromkeys(people) if p not in meeting["participants"]]


def qualifies(analysis: Analysis, sentence: Sentence, mention: Mention) -> bool:
    """"во главе со спецпредставителем Дональда Трампа Стивом Уиткоффом": a name in the genitive
    of a noun says whose envoy (son, aide) someone is; that someone leads, not the name."""
    inside = [i for i in range(sentence.first, sentence.last)
              if mention.start <= analysis.tokens[i].start < mention.end]
    root = next((i for i in inside if analysis.tokens[i].head not in inside), None)
    token = analysis.tokens[root] if root is not None else None
    head = analysis.tokens[token.head] if token is not None and token.head is not None else None
    return token is not None and head is not None and token.rel in AFFILIATION_RELATIONS and head.pos == "NOUN"


# --- back references ----------------------------------------------------------------------------

BACK_REACH = 1  # sentences back from a clause that points back to the meeting it speaks of


@dataclass(slots=True, frozen=True)
class BackCue:
    """A clause speaking of a meeting told before: how (``occurrence`` with a pronoun or a
    selector, or ``outcome``), the selector's value, and the token the clause turns on."""

    kind: str
    selector: str | None
    token: int


def back_cue(ctx: EventContext, clause: Clause) -> BackCue | None:
    """"Последняя из них состоялась ...", "она прошла ...", "хотя в пятницу прорыва не было"."""
    cues = ctx.lexicon.back
    lemmas = [t.lemma.lower() for t in ctx.analysis.tokens[clause.first : clause.last]]
    verb = next((i for i in range(len(lemmas)) if _sequence_at(lemmas, i, cues.occurrence)), None)
    if verb is not None:
        selector = next((v for words, v in cues.selectors.items()
                         for i in range(verb) if tuple(lemmas[i : i + len(words)]) == words), None)
        if selector is not None or set(lemmas[max(0, verb - 3) : verb + 2]) & cues.pronouns:
            return BackCue("occurrence", selector, clause.first + verb)
    outcome = next((i for i, lemma in enumerate(lemmas) if lemma in cues.outcomes), None)
    return None if outcome is None else BackCue("outcome", None, clause.first + outcome)


def _sequence_at(lemmas: list[str], i: int, sequences: frozenset[tuple[str, ...]]) -> bool:
    return any(tuple(lemmas[i : i + len(words)]) == words for words in sequences)


def antecedent(ctx: EventContext, clause: Clause, earlier: list[dict[str, Any]], reach: int | None = BACK_REACH,
               held: bool = False) -> dict[str, Any] | None:
    """The last meeting told in this sentence or up to ``reach`` sentences before (None: anywhere
    before), held ones only when ``held``; never a phone call."""
    sentences = ctx.analysis.sentences
    index = next((i for i, s in enumerate(sentences) if s.start == clause.sentence.start), 0)
    earliest = 0 if reach is None else sentences[max(0, index - reach)].start
    meetings = [e for e in earlier if e["type"] == MEETING and e.get("mode") != "phone"
                and earliest <= e["evidence"][0]["start"] <= clause.start and (not held or e["status"] == "occurred")]
    return meetings[-1] if meetings else None


def back_reference(ctx: EventContext, clause: Clause, earlier: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A clause with no meeting word that speaks of the meeting(s) just told dates and places them:
    "Стороны провели две встречи. Последняя из них состоялась в Женеве 5 июня" is a meeting of its
    own (the second), "Встреча прошла в закрытом режиме. Она состоялась 5 июня" dates the one
    told, "хотя в пятницу прорыва не было" dates the held meeting told last."""
    cue = back_cue(ctx, clause)
    outcome = cue is not None and cue.kind == "outcome"
    before = antecedent(ctx, clause, earlier, None if outcome else BACK_REACH, held=outcome) if cue else None
    if cue is None or before is None:
        return []
    status, when, place = back_facts(ctx, clause, cue)
    if cue.kind == "outcome" and when["start"] is None and when["end"] is None:
        return []
    if cue.selector is not None:
        return [selected_meeting(ctx, clause, cue, before, (status, when, place))]
    fill_in(ctx, before, clause, when, place)
    return []


def back_facts(ctx: EventContext, clause: Clause, cue: BackCue) -> tuple[str, dict[str, Any], dict[str, Any] | None]:
    """The status, date and place the pointing-back clause gives."""
    tokens = ctx.analysis.tokens[clause.first : clause.last]
    text = ctx.article.text[clause.start : clause.end]
    status = "occurred"
    if cue.kind == "occurrence":
        status = event_status(StatusView(text.lower(), tokens, cue.token - clause.first, ctx.lexicon, "",
                                         clause.first, MEETING))
    mentions = clause_mentions(ctx.links.mentions, clause.start, clause.end, ctx.is_outlet)
    args = attach(mentions, ctx.links.actors, tokens, ctx.analysis.tokens[cue.token].start, MEETING, ctx.lexicon,
                  clause.first)
    place = _location(ctx, args) if cue.kind == "occurrence" else None
    return status, event_date(ctx, text, status), place


def selected_meeting(ctx: EventContext, clause: Clause, cue: BackCue, before: dict[str, Any],
                     facts: tuple[str, dict[str, Any], dict[str, Any] | None]) -> dict[str, Any]:
    """"Последняя из них" of "две встречи": the meeting picked out of the ones just told, numbered
    when the selector or the count says which it is."""
    status, when, place = facts
    token = ctx.analysis.tokens[cue.token]
    number = before.get("count") if cue.selector == LAST else int(str(cue.selector))
    sentence = clause.sentence
    event = {
        **before, "id": "ev:" + hashlib.sha1(f"{ctx.article.id}:{token.start}".encode()).hexdigest()[:16],
        "status": status, "date": when, "location": place or before.get("location"),
        "ordinal": number if isinstance(number, int) else None, "trigger": token.text,
        "evidence": [{"article_id": ctx.article.id, "start": sentence.start, "end": sentence.end,
                      "text": sentence.text}],
        "participants": list(before["participants"]), "issues": list(before["issues"]),
    }
    event.pop("count", None)
    event["summary"] = describe(ctx, event)
    return event


def fill_in(ctx: EventContext, event: dict[str, Any], clause: Clause, when: dict[str, Any],
            place: dict[str, Any] | None) -> None:
    """Give a meeting the date and place it lacked, citing the sentence they come from."""
    known = event["date"]["start"] is not None or event["date"]["end"] is not None
    if known and (place is None or event.get("location")):
        return
    if not known and (when["start"] or when["end"]):
        event["date"] = when
    event["location"] = event.get("location") or place
    sentence = clause.sentence
    span = {"article_id": ctx.article.id, "start": sentence.start, "end": sentence.end, "text": sentence.text}
    if span not in event["evidence"]:
        event["evidence"].append(span)
    event["summary"] = describe(ctx, event)


def number_after_count(ctx: EventContext, clause: Clause, found: list[dict[str, Any]],
                       earlier: list[dict[str, Any]]) -> None:
    """"Стороны провели очередной раунд. ... До этого они провели две встречи": the held meeting
    the article told last, before the counted ones, is the one after them, the third."""
    counted = next((e for e in found if e["type"] == MEETING and e.get("count")), None)
    if counted is None or not opens_with(ctx, clause, ctx.lexicon.before_that):
        return
    before = antecedent(ctx, clause, [e for e in earlier if not e.get("count")], reach=None, held=True)
    if before is not None and before.get("ordinal") is None:
        before["ordinal"] = int(counted["count"]) + 1
        before["summary"] = describe(ctx, before)


def opens_with(ctx: EventContext, clause: Clause, sequences: frozenset[tuple[str, ...]]) -> bool:
    """The clause starts (within its first three words) with one of the lemma sequences."""
    lemmas = [t.lemma.lower() for t in ctx.analysis.tokens[clause.first : min(clause.last, clause.first + 6)]]
    return any(_sequence_at(lemmas, i, sequences) for i in range(min(3, len(lemmas))))


def describe(ctx: EventContext, event: dict[str, Any]) -> str:
    """The one-line summary of an event dict (see ``summary``), after a rule changed it."""
    names = [ctx.links.actors[i].name if i in ctx.links.actors else i for i in event["participants"]]
    kind = event["type"] + (f"/{event['mode']}" if event.get("mode") else "")
    line = f"{kind} [{event['status']}] {', '.join(names) or '?'}: «{event.get('trigger')}»"
    if event.get("ordinal"):
        line += f" (#{event['ordinal']})"
    if event.get("location"):
        line += f" in {event['location']['name']}"
    return line


# --- one clause ----------------------------------------------------------------------------------


def clause_events(ctx: EventContext, clause: Clause) -> list[dict[str, Any]]:
    tokens = ctx.analysis.tokens[clause.first : clause.last]
    found = [h for h in find_triggers(tokens, clause.first, ctx.lexicon)
             if not proper_name(tokens, clause.first, h) and not in_title(ctx, ctx.analysis.tokens[h.first].start)]
    hits = first_per_type(by_salience(found, tokens, clause.first))
    if not hits:
        return []
    mentions = clause_mentions(ctx.links.mentions, clause.start, clause.end, ctx.is_outlet)
    events = [build_event(ctx, clause, tokens, hit, mentions) for hit in hits]
    return [e for e in events if e is not None]


TITLE_REACH = 48  # characters from the end of a role mention to a word still inside the title


def in_title(ctx: EventContext, offset: int) -> bool:
    """"спецпредставитель президента по экономическому сотрудничеству", "envoy for economic
    cooperation": a trigger word that completes a role title names the office, not an event."""
    for mention in ctx.links.mentions:
        if mention.type != ROLE or not mention.end <= offset <= mention.end + TITLE_REACH:
            continue
        between = ctx.article.text[mention.end : offset].lower().split()
        if between and between[0] in ctx.lexicon.title_links and not any(c in "".join(between) for c in ",;:—()"):
            return True
    return False


def build_event(ctx: EventContext, clause: Clause, tokens: list[Token], hit: Hit,
                mentions: list[Mention]) -> dict[str, Any] | None:
    trigger_token = ctx.analysis.tokens[hit.first]
    args = attach(mentions, ctx.links.actors, tokens, trigger_token.start, hit.trigger.type, ctx.lexicon,
                  clause.first, ctx.discourse)
    text = ctx.article.text[clause.start : clause.end]
    issues = find_issues(text, [t.lemma for t in tokens], ctx.article.language)
    tail = ctx.article.text[clause.end : clause.sentence.end].lower()
    status = event_status(StatusView(text.lower(), tokens, hit.first - clause.first, ctx.lexicon, tail,
                                      clause.first, hit.trigger.type))
    count = cardinal(tokens, hit.first - clause.first, ctx.lexicon)
    anchored = args.participant_ids() or args.location or issues or args.ordinal or count
    if status == "occurred" and not ctx.keep_bare and not anchored:
        # "диалог идёт" with nothing attached says too little to track; "две встречи" counts. A
        # description alone ("Полиция задержала двух человек", "стороны", "эксперты") anchors
        # nothing either: news is full of them, and with no actor, place or topic the record can
        # be neither merged nor filed under a track. Described with a side ("американская
        # делегация") or pointing to an actor named before, it is in ``participant_ids``.
        return None
    sentence = clause.sentence
    when, place = event_date(ctx, text, status, clause, hit.first), _location(ctx, args)
    whole = hit.trigger.type == MEETING and generic(ctx, clause, hit.first, when, place)
    return {
        "kind": "event",
        "id": "ev:" + hashlib.sha1(f"{ctx.article.id}:{trigger_token.start}".encode()).hexdigest()[:16],
        "type": hit.trigger.type,
        "mode": hit.trigger.mode,
        "status": status,
        "date": when,
        "location": place,
        "participants": args.participant_ids(),
        "issues": issues,
        "summary": summary(ctx, hit, args, status, trigger_token.text),
        "evidence": [{"article_id": ctx.article.id, "start": sentence.start, "end": sentence.end,
                      "text": sentence.text}],
        "source": args.source,
        "target": args.target,
        "ordinal": args.ordinal,
        "trigger": trigger_token.text,
        "article_ids": [ctx.article.id],
        "outlets": [ctx.article.outlet] if ctx.article.outlet else [],
    } | args.record_fields(ctx.links.actors, ctx.article.id) | ({"count": count} if count else {}) | (
        {"generic": True} if whole else {})


# --- talks as a whole ---------------------------------------------------------------------------

COMPLEMENTS = frozenset({"obj", "obl", "iobj"})
AGENDA_REACH = 4  # words after an unparsed trigger to its agenda verb: "the talks focus on"


def ongoing_discussion(lexicon: EventLexicon, tokens: list[Token], trigger: int, first: int) -> bool:
    """"Стороны обсуждают мирный план", "не связывают эти встречи с переговорами по Украине", "ведут
    консультации": a verb in the present tense, imperfective -- the trigger or the verb it is the
    object of -- tells that talks go on or speaks of them, not of one meeting (with a day or a
    place it would: checked by ``generic``). Not "консультации продолжаются": the talks asserted."""
    token = tokens[trigger]
    head = _local(tokens, token.head, first)
    verb = token if token.pos == "VERB" else head if token.pos == "NOUN" and token.rel in COMPLEMENTS else None
    return verb is not None and verb.pos == "VERB" and _present_imperfective(verb)


def _present_imperfective(token: Token) -> bool:
    return token.feats.get("Tense") == "Pres" and token.feats.get("Aspect") == "Imp"


def stated_agenda(lexicon: EventLexicon, tokens: list[Token], trigger: int, first: int) -> bool:
    """"переговоры ... сосредоточены на восстановлении работы представительств", "the talks focus
    on visas": the clause says what the talks are about, not that a meeting took place."""
    token = tokens[trigger]
    if all(t.head is None for t in tokens):  # no parse (the light English analysis)
        return any(t.lemma.lower() in lexicon.agenda for t in tokens[trigger + 1 : trigger + 1 + AGENDA_REACH])
    head = _local(tokens, token.head, first)
    return head is not None and token.rel in SUBJECTS and head.lemma.lower() in lexicon.agenda


def _local(tokens: list[Token], index: int | None, first: int) -> Token | None:
    """The clause's token at an analysis index, None outside the clause."""
    return tokens[index - first] if index is not None and 0 <= index - first < len(tokens) else None


GENERIC_RULES: list[Callable[[EventLexicon, list[Token], int, int], bool]] = [ongoing_discussion, stated_agenda]


def generic(ctx: EventContext, clause: Clause, trigger: int, when: dict[str, Any],
            place: dict[str, Any] | None) -> bool:
    """The report is about the talks as a whole (``generic`` in docs/SCHEMA.md): what they are
    about, or that they go on, with no day and no place of their own; the tracker makes no round
    of it."""
    if when["start"] is not None or when["end"] is not None or place is not None:
        return False
    tokens = ctx.analysis.tokens[clause.first : clause.last]
    return any(rule(ctx.lexicon, tokens, trigger - clause.first, clause.first) for rule in GENERIC_RULES)


COUNT_REACH = 2  # "две встречи", "две официальные встречи"


def cardinal(tokens: list[Token], trigger: int, lexicon: EventLexicon) -> int | None:
    """How many meetings a trigger counts ("две встречи", "two rounds", "3 раунда"); None for one.

    >>> from parleywatch.extract.events import load_event_lexicon
    >>> words = [Token(0, 0, w, w) for w in ("провели", "две", "встречи")]
    >>> cardinal(words, 2, load_event_lexicon("ru")), cardinal(words, 1, load_event_lexicon("ru"))
    (2, None)
    """
    for token in reversed(tokens[max(0, trigger - COUNT_REACH) : trigger]):
        word, lemma = token.text.lower(), token.lemma.lower()
        number = lexicon.cardinals.get(word) or lexicon.cardinals.get(lemma)
        number = number or (int(word) if word.isdigit() and 1 < int(word) < 100 else None)
        if number:
            return number
        if not word.isalpha():
            return None
    return None


def event_date(ctx: EventContext, text: str, status: str, clause: Clause | None = None,
               trigger: int | None = None) -> dict[str, Any]:
    """The clause's date that depends on the trigger or its verb, else its first date ("Весной
    писали о встрече в конце октября" is the end of October) unless the trigger is what an
    outcome came of; an explicit unknown, never the publication date."""
    if ctx.published is not None:
        spans = find_dates(text, ctx.published, ctx.article.language, future=True if status in FUTURE else None)
        spans = join_alternatives(spans, text, ctx.article.language)
        if spans:
            own = [s for s in spans if clause and trigger is not None and attached(ctx, clause, s, trigger)]
            fallback = [] if trigger is not None and of_an_outcome(ctx, trigger) else spans
            found = own or fallback
            if found:
                return found[0].as_dict()
    return {"start": None, "end": None, "precision": "unknown", "text": ""}


def of_an_outcome(ctx: EventContext, trigger: int) -> bool:
    """"Комментарий по итогам встречи ожидается завтра": a date the meeting does not govern is the
    outcome's, not the meeting's."""
    head = ctx.analysis.tokens[trigger].head
    word = ctx.analysis.tokens[head] if head is not None else None
    return word is not None and word.lemma.lower() in scope_cues(ctx.lexicon.language).outcome


def attached(ctx: EventContext, clause: Clause, span: DateSpan, trigger: int) -> bool:
    """The date's head word hangs on the trigger, or on the verb the trigger is an argument of
    ("провели переговоры 10 апреля"); unparsed text has no opinion (False)."""
    tokens = ctx.analysis.tokens
    inside = [i for i in range(clause.first, clause.last)
              if clause.start + span.char_start <= tokens[i].start < clause.start + span.char_end]
    heads = {tokens[i].head for i in inside} - set(inside)
    verb = tokens[trigger].head
    hosts = {trigger} | ({verb} if verb is not None and tokens[verb].pos in VERB_POS else set())
    return bool(heads) and heads <= hosts


def _location(ctx: EventContext, args: Arguments) -> dict[str, Any] | None:
    if args.location is None:
        return None
    actor = ctx.links.actors.get(args.location.actor_id)
    return {"actor_id": args.location.actor_id, "name": actor.name if actor else args.location.text}


def summary(ctx: EventContext, hit: Hit, args: Arguments, status: str, trigger: str) -> str:
    """One line: "CONSULT/visit [planned] Russia, United States: «консультаций» (#3) in Istanbul"."""
    names = [ctx.links.actors[i].name if i in ctx.links.actors else i for i in args.participant_ids()]
    kind = hit.trigger.type + (f"/{hit.trigger.mode}" if hit.trigger.mode else "")
    line = f"{kind} [{status}] {', '.join(names) or '?'}: «{trigger}»"
    if args.ordinal:
        line += f" (#{args.ordinal})"
    if args.location is not None:
        line += f" in {args.location.text}"
    return line
