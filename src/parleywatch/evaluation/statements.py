"""Statement speakers against RuOpinionNE opinion holders.

Each sentence with an opinion is one case; its gold holders are the opinion ``Source`` spans or
``AUTHOR``. We predict the speaker of the first statement we extract from the sentence, and
``AUTHOR`` when we extract none (the writer's own voice). A named prediction is right when a
mention of the speaker's actor overlaps a gold span (the same entity named anywhere in the
sentence); an unlinked speaker (anonymous, a description) is right when the words the statement
names it by (``speaker_mention``) overlap a gold span. A case is an AUTHOR case when every
holder is AUTHOR (one sentence may hold several opinions of the author).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from parleywatch.actors import ArticleLinks
from parleywatch.extract.article import Pipeline, text_article

DEFAULT_PATH = Path("../shared/eval/ruopinionne/train.jsonl")


def load_cases(path: Path, limit: int | None) -> list[tuple[str, list[tuple[int, int] | str]]]:
    """``(sentence, holders)``: holders are char ranges or ``"AUTHOR"``; NULL holders are skipped."""
    cases = []
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        holders = [h for o in row["opinions"] for h in _holders(o["Source"])]
        if holders:
            cases.append((row["text"], holders))
        if limit and len(cases) >= limit:
            break
    return cases


def _holders(source: list[list[str]]) -> list[tuple[int, int] | str]:
    texts, spans = source
    out: list[tuple[int, int] | str] = []
    for text, span in zip(texts, spans, strict=False):
        if text == "AUTHOR":
            out.append("AUTHOR")
        elif text != "NULL":
            for part in span.split(";"):  # a holder may come in several pieces
                start, end = part.split(":")
                out.append((int(start), int(end)))
    return out


def run_statements(path: Path | str = DEFAULT_PATH, limit: int | None = None,
                   pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Accuracy over every case, by kind of gold holder, and on each half of the file in order
    (rules studied on one half are checked on the other)."""
    pipe = pipeline or Pipeline.load()
    cases = load_cases(Path(path), limit)
    outcome: Counter[str] = Counter()
    halves: list[Counter[str]] = [Counter(), Counter()]
    for i, (sentence, holders) in enumerate(cases):
        _, links, _, statements = pipe.run(text_article(sentence, "ru", "2020-01-01", f"op-{i}"))
        gold_kind = "author" if all(h == "AUTHOR" for h in holders) else "named"
        right = _correct(statements[0] if statements else None, holders, links, sentence)
        outcome[f"{gold_kind}:{'right' if right else 'wrong'}"] += 1
        halves[2 * i // max(len(cases), 1)][str(right)] += 1
        if statements:
            outcome[f"found:{'right' if right else 'wrong'}"] += 1
    found = outcome.pop("found:right", 0), outcome.pop("found:wrong", 0)
    total = sum(outcome.values())
    correct = outcome["author:right"] + outcome["named:right"]
    named = outcome["named:right"] + outcome["named:wrong"]
    return {"cases": total, "correct": correct, "accuracy": correct / total if total else 0.0,
            "named_cases": named, "named_accuracy": outcome["named:right"] / named if named else 0.0,
            "author_cases": total - named, "found_cases": sum(found),
            "found_accuracy": found[0] / sum(found) if sum(found) else 0.0,
            "author_accuracy": outcome["author:right"] / (total - named) if total > named else 0.0,
            "halves": [(h["True"], h["True"] + h["False"]) for h in halves]}


def _correct(statement: dict[str, Any] | None, holders: list[tuple[int, int] | str], links: ArticleLinks,
             text: str) -> bool:
    if statement is None:
        return "AUTHOR" in holders
    spans = [h for h in holders if not isinstance(h, str)]
    return any(a < e and s < b for a, b in speaker_spans(statement, links, text) for s, e in spans)


def speaker_spans(statement: dict[str, Any], links: ArticleLinks, text: str) -> list[tuple[int, int]]:
    """Where the sentence names the speaker: every mention of its actor, else the words the
    statement names it by; the first occurrence of the name only for records without those."""
    speaker = statement["speaker"]
    if speaker["actor_id"] is not None:
        return [(m.start, m.end) for m in links.mentions if m.actor_id == speaker["actor_id"]]
    mention = statement.get("speaker_mention")
    if mention:
        return [(int(mention["start"]), int(mention["end"]))]
    start = text.find(speaker["name"])
    return [(start, start + len(speaker["name"]))] if start >= 0 else []


def format_statements_report(result: dict[str, Any]) -> str:
    return "\n".join([
        f"RuOpinionNE holders as speakers: {result['correct']}/{result['cases']} = {result['accuracy']:.3f}",
        f"  named holders:  n={result['named_cases']} accuracy={result['named_accuracy']:.3f}",
        f"  AUTHOR holders: n={result['author_cases']} accuracy={result['author_accuracy']:.3f}",
        f"  sentences where a statement was extracted: n={result['found_cases']} "
        f"speaker = holder {result['found_accuracy']:.3f}",
        "  halves of the file: " + ", ".join(f"{r}/{n} = {r / n:.3f}" if n else "0/0" for r, n in result["halves"]),
    ])
