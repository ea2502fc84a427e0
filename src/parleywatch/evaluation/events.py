"""Argument attachment against NEREL EVENT mentions (oracle triggers).

NEREL's events are general (deaths, elections, concerts), far from our diplomatic triggers, so
we give the attachment the gold trigger and measure whether the participants
(PARTICIPANT_IN), place (TAKES_PLACE_IN) and time (POINT_IN_TIME) we read from the trigger's
clause cover the gold arguments: recall per relation. Precision is printed too, as a lower
bound: a predicted argument counts when it overlaps a gold argument of the same relation of the
same event, and NEREL does not link every argument it could (check a sample by hand).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from parleywatch.extract.article import Pipeline, text_article
from parleywatch.extract.dates import find_dates
from parleywatch.extract.events.arguments import attach, clause_mentions
from parleywatch.extract.events.clauses import Clause, split_clauses

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


def predicted_arguments(pipe: Pipeline, text: str, trigger: Span, analyzed: Any) -> dict[str, list[Span]]:
    analysis, links = analyzed
    lexicon, speech = pipe.lexicons.for_language("ru")
    for sentence in analysis.sentences:
        for clause in split_clauses(analysis, sentence, lexicon, speech.verbs):
            if clause.start <= trigger[0] < clause.end:
                return _clause_arguments(analysis.tokens[clause.first : clause.last], clause, text, links,
                                         trigger, lexicon)
    return {}


def _clause_arguments(tokens: Any, clause: Clause, text: str, links: Any, trigger: Span,
                      lexicon: Any) -> dict[str, list[Span]]:
    start, end = clause.start, clause.end
    mentions = clause_mentions(links.mentions, start, end, lambda m: False)
    args = attach(mentions, links.actors, tokens, trigger[0], "CONSULT", lexicon, clause.first)
    dates = find_dates(text[start:end], date(2020, 1, 1), "ru")
    return {
        "participants": [(m.start, m.end) for m in args.participants],
        "places": [(args.location.start, args.location.end)] if args.location else [],
        "times": [(start + d.char_start, start + d.char_end) for d in dates[:1]],
    }


def run_events(path: Path | str = DEFAULT_PATH, limit: int | None = None,
               pipeline: Pipeline | None = None) -> dict[str, Any]:
    pipe = pipeline or Pipeline.load()
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for ann in sorted(Path(path).glob("*.ann"))[:limit]:
        text = ann.with_suffix(".txt").read_text("utf-8")
        analyzed = pipe.run(text_article(text, "ru", "2020-01-01", ann.stem))[:2]
        for trigger, kinds in gold_arguments(ann).items():
            pred = predicted_arguments(pipe, text, trigger, analyzed)
            for kind in RELATIONS.values():
                gold, mine = kinds.get(kind, []), pred.get(kind, [])
                total[kind] += len(gold)
                found[kind] += sum(_overlaps_any(span, mine) for span in gold)
                predicted[kind] += len(mine)
                correct[kind] += sum(_overlaps_any(span, gold) for span in mine)
    return {kind: {"gold": total[kind], "found": found[kind], "recall": _ratio(found[kind], total[kind]),
                   "predicted": predicted[kind], "correct": correct[kind],
                   "precision": _ratio(correct[kind], predicted[kind])} for kind in RELATIONS.values()}


def _overlaps_any(span: Span, others: list[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in others)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def format_events_report(result: dict[str, Any]) -> str:
    lines = ["NEREL event arguments (gold triggers), recall; precision against linked gold (a lower bound):"]
    lines += [f"  {k:<12} R {v['found']}/{v['gold']} = {v['recall']:.3f}   "
              f"P {v['correct']}/{v['predicted']} = {v['precision']:.3f}" for k, v in result.items()]
    return "\n".join(lines)
