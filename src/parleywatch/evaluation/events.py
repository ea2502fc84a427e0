"""Argument attachment against NEREL EVENT mentions (oracle triggers).

NEREL's events are general (deaths, elections, concerts), far from our diplomatic triggers, so
we give the attachment the gold trigger and measure whether the participants
(PARTICIPANT_IN), place (TAKES_PLACE_IN) and time (POINT_IN_TIME) we read for the trigger cover
the gold arguments: recall per relation. Precision is printed too, as a lower bound: a predicted
argument counts when it overlaps a gold argument of the same relation of the same event, and
NEREL does not link every argument it could (check a sample by hand).

The arguments are read as the extractor reads them (same outlet filter, the article around the
clause), at the head word of the gold trigger phrase ("из тюрем выпускают" at "выпускают").
Two measures: ``actor`` scores what an event record holds, actor ids (a predicted actor matches
through any of its mentions in the article: NEREL often links another mention of the same
person than the one in the trigger's sentence); ``span`` scores only the mention each rule used.
Descriptive participants ("футболиста") and described places ("в больнице") count by their own
span in both.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from parleywatch.actors import ArticleLinks, link_article
from parleywatch.extract.article import Pipeline, outlet_test, text_article
from parleywatch.extract.dates import find_dates
from parleywatch.extract.events.arguments import Arguments, article_discourse, attach, clause_mentions
from parleywatch.extract.events.clauses import Clause, split_clauses
from parleywatch.extract.events.lexicon import EventLexicon
from parleywatch.extract.events.triggers import find_triggers
from parleywatch.ingest import load_outlets
from parleywatch.nlp import Token

DEFAULT_PATH = Path("../shared/eval/nerel/dev")
RELATIONS = {"PARTICIPANT_IN": "participants", "TAKES_PLACE_IN": "places", "POINT_IN_TIME": "times"}
Span = tuple[int, int]


def read_ann(path: Path) -> tuple[dict[str, tuple[str, int, int]], list[tuple[str, str, str]]]:
    entities, relations = {}, []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("T") and ";" not in line.split("\t")[1]:
            tid, info = line.split("\t")[:2]
            kind, start, end = info.split()
            entities[tid] = (kind, int(start), int(end))
        elif m := re.match(r"R\d+\t(\w+) Arg1:(T\d+) Arg2:(T\d+)", line):
            relations.append((m.group(1), m.group(2), m.group(3)))
    return entities, relations


def gold_arguments(path: Path) -> dict[Span, dict[str, list[Span]]]:
    """Event trigger span -> relation kind -> argument spans."""
    entities, relations = read_ann(path)
    out: dict[Span, dict[str, list[Span]]] = {}
    for rel, a, b in relations:
        if rel not in RELATIONS or a not in entities or b not in entities:
            continue
        event, arg = (a, b) if entities[a][0] == "EVENT" else (b, a)
        if entities[event][0] != "EVENT":
            continue
        key = entities[event][1:]
        out.setdefault(key, {}).setdefault(RELATIONS[rel], []).append(entities[arg][1:])
    return out


Predicted = dict[str, list[list[Span]]]  # relation kind -> one list of spans per predicted argument


def predicted_arguments(pipe: Pipeline, text: str, trigger: Span, analyzed: Any) -> dict[str, Predicted]:
    """Per measure (``actor``, ``span``), the arguments of the trigger's clause."""
    analysis, links = analyzed
    lexicon, speech = pipe.lexicons.for_language("ru")
    trigger = (head_word(analysis, trigger), trigger[1])
    for sentence in analysis.sentences:
        for clause in split_clauses(analysis, sentence, lexicon, speech.verbs):
            if clause.start <= trigger[0] < clause.end:
                return _clause_arguments(pipe, analysis, clause, text, links, trigger, lexicon)
    return {}


CONTENT = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})


def head_word(analysis: Any, trigger: Span) -> int:
    """Where the head word of a gold trigger phrase starts: our triggers are single words, and
    NEREL's run over phrases ("из тюрем выпускают", "досрочно прекратил свои полномочия")."""
    inside = [i for i, t in enumerate(analysis.tokens) if trigger[0] <= t.start < trigger[1]]
    heads = [i for i in inside if analysis.tokens[i].head not in inside and analysis.tokens[i].pos in CONTENT]
    return int(analysis.tokens[heads[0]].start) if heads else trigger[0]


def _clause_arguments(pipe: Pipeline, analysis: Any, clause: Clause, text: str, links: ArticleLinks,
                      trigger: Span, lexicon: Any) -> dict[str, Predicted]:
    """The arguments as the extractor reads them (same outlet filter, same article context)."""
    start, end = clause.start, clause.end
    skip = outlet_test(links, pipe.lexicons.outlets or load_outlets())
    mentions = clause_mentions(links.mentions, start, end, skip)
    tokens = analysis.tokens[clause.first : clause.last]
    args = attach(mentions, links.actors, tokens, trigger[0], trigger_type(tokens, clause.first, trigger[0], lexicon),
                  lexicon, clause.first, article_discourse(analysis, links, skip))
    dates = find_dates(text[start:end], date(2020, 1, 1), "ru")
    times = [[(start + d.char_start, start + d.char_end)] for d in dates[:1]]
    described = [[(d.start, d.end)] for d in args.described_places]
    return {"actor": {"participants": _actor_participants(args, links), "times": times,
                      "places": [_everywhere(m.actor_id, links) for m in args.places()] + described},
            "span": {"participants": _span_participants(args), "times": times,
                     "places": [[(m.start, m.end)] for m in args.places()] + described}}


def trigger_type(tokens: list[Token], first: int, start: int, lexicon: EventLexicon) -> str:
    """The event type our lexicon gives the gold trigger word, "" when it has none (NEREL's
    deaths, elections and concerts): the type-specific rules read it as the extractor would."""
    hits = [h for h in find_triggers(tokens, first, lexicon) if tokens[h.first - first].start <= start
            < tokens[h.last - 1 - first].end]
    return hits[0].trigger.type if hits else ""


def _everywhere(actor_id: str, links: ArticleLinks) -> list[Span]:
    """Every mention of an actor in the article: the record holds the actor, not one mention."""
    return [(m.start, m.end) for m in links.mentions if m.actor_id == actor_id]


def _actor_participants(args: Arguments, links: ArticleLinks) -> list[list[Span]]:
    out = {actor: _everywhere(actor, links) for actor in args.participant_ids()}
    loose: list[Span] = []
    for d in args.described:
        out.get(d.actor_id or "", loose).append((d.start, d.end))
    return list(out.values()) + [[span] for span in loose]


def _span_participants(args: Arguments) -> list[list[Span]]:
    spans = [(m.start, m.end) for m in args.participants] + [(r.mention.start, r.mention.end) for r in args.resolved]
    spans += [(d.start, d.end) for d in args.described]
    return [[span] for span in dict.fromkeys(spans)]


MEASURES = ("actor", "span")


def run_events(path: Path | str = DEFAULT_PATH, limit: int | None = None,
               pipeline: Pipeline | None = None) -> dict[str, Any]:
    pipe = pipeline or Pipeline.load()
    counts: dict[str, Counter[str]] = {name: Counter() for name in ("found", "gold", "predicted", "correct")}
    for ann in sorted(Path(path).glob("*.ann"))[:limit]:
        text = ann.with_suffix(".txt").read_text("utf-8")
        article = text_article(text, "ru", "2020-01-01", ann.stem)
        analysis = pipe.analyzer.analyze(article)
        analyzed = (analysis, link_article(article, analysis, pipe.registry))
        for trigger, kinds in gold_arguments(ann).items():
            pred = predicted_arguments(pipe, text, trigger, analyzed)
            for measure in MEASURES:
                for kind in RELATIONS.values():
                    _score(counts, f"{measure}:{kind}", kinds.get(kind, []), pred.get(measure, {}).get(kind, []))
    return {measure: {kind: _figures(counts, f"{measure}:{kind}") for kind in RELATIONS.values()}
            for measure in MEASURES}


def _score(counts: dict[str, Counter[str]], key: str, gold: list[Span], mine: list[list[Span]]) -> None:
    counts["gold"][key] += len(gold)
    counts["found"][key] += sum(any(_overlaps_any(span, spans) for spans in mine) for span in gold)
    counts["predicted"][key] += len(mine)
    counts["correct"][key] += sum(any(_overlaps_any(s, gold) for s in spans) for spans in mine)


def _figures(counts: dict[str, Counter[str]], key: str) -> dict[str, Any]:
    found, gold, predicted, correct = (counts[n][key] for n in ("found", "gold", "predicted", "correct"))
    return {"gold": gold, "found": found, "recall": _ratio(found, gold), "predicted": predicted,
            "correct": correct, "precision": _ratio(correct, predicted)}


def _overlaps_any(span: Span, others: list[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in others)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


MEASURE_NOTES = {
    "actor": "actors, as the record holds them: any mention of a predicted actor may match",
    "span": "spans: only the mention each rule used",
}


def format_events_report(result: dict[str, Any]) -> str:
    lines = ["NEREL event arguments (gold triggers), recall; precision against linked gold (a lower bound):"]
    for measure, kinds in result.items():
        lines.append(f" {MEASURE_NOTES[measure]}")
        lines += [f"  {k:<12} R {v['found']}/{v['gold']} = {v['recall']:.3f}   "
                  f"P {v['correct']}/{v['predicted']} = {v['precision']:.3f}" for k, v in kinds.items()]
    return "\n".join(lines)
