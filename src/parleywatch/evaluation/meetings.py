"""CONSULT participants against FactRuEval-2016 ``Meeting`` facts.

A gold participant is a coreference chain; it is found when a mention of one of our CONSULT
participants overlaps any span of the chain. Scored over the documents with Meeting facts
(the other documents are not annotated for every meeting).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from parleywatch.actors import ArticleLinks
from parleywatch.extract.article import Pipeline, text_article

DEFAULT_PATH = Path("../shared/eval/factrueval/devset")
Ranges = list[tuple[int, int]]


def _spans(base: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for line in base.with_suffix(".spans").read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4:
            out[parts[0]] = (int(parts[2]), int(parts[2]) + int(parts[3]))
    return out


def _objects(base: Path) -> dict[str, list[str]]:
    out = {}
    for line in base.with_suffix(".objects").read_text("utf-8").splitlines():
        ids = line.split("#")[0].split()
        if len(ids) >= 3:
            out[ids[0]] = ids[2:]
    return out


def _chains(base: Path) -> dict[str, list[str]]:
    """Coreference chain id -> object ids (blocks: "47 10436 10437" then attribute lines)."""
    out = {}
    for block in base.with_suffix(".coref").read_text("utf-8").split("\n\n"):
        head = block.strip().splitlines()[0].split() if block.strip() else []
        if head:
            out[head[0]] = head[1:]
    return out


def gold_meetings(base: Path) -> list[Ranges]:
    """Every Meeting participant of a document as the char ranges of its chain."""
    spans, objects, chains = _spans(base), _objects(base), _chains(base)
    participants = []
    for block in base.with_suffix(".facts").read_text("utf-8").split("\n\n"):
        if " Meeting" not in block.splitlines()[0] if block.strip() else True:
            continue
        for ref in re.findall(r"Participant obj(\d+)", block):
            ranges = [spans[s] for o in chains.get(ref, [ref]) for s in objects.get(o, []) if s in spans]
            participants.append(ranges)
    return participants


def predicted(events: list[dict[str, Any]], links: ArticleLinks) -> dict[str, Ranges]:
    ids = {p for e in events if e["type"] == "CONSULT" for p in e["participants"]}
    return {i: [(m.start, m.end) for m in links.mentions if m.actor_id == i] for i in ids}


def _hit(a: Ranges, b: Ranges) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def run_meetings(path: Path | str = DEFAULT_PATH, limit: int | None = None,
                 pipeline: Pipeline | None = None) -> dict[str, Any]:
    pipe = pipeline or Pipeline.load()
    bases = [p.with_suffix("") for p in sorted(Path(path).glob("*.facts")) if " Meeting" in p.read_text("utf-8")]
    tp_gold = n_gold = tp_pred = n_pred = 0
    for base in bases[:limit]:
        text = base.with_suffix(".txt").read_text("utf-8")
        _, links, events, _ = pipe.run(text_article(text, "ru", None, base.name))
        gold, pred = gold_meetings(base), predicted(events, links)
        n_gold += len(gold)
        tp_gold += sum(any(_hit(g, r) for r in pred.values()) for g in gold)
        n_pred += len(pred)
        tp_pred += sum(any(_hit(g, r) for g in gold) for r in pred.values())
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"documents": len(bases[:limit]), "gold_participants": n_gold, "predicted_participants": n_pred,
            "precision": precision, "recall": recall, "f1": f1}


def format_meetings_report(result: dict[str, Any]) -> str:
    return (f"FactRuEval Meeting participants over {result['documents']} documents: "
            f"P={result['precision']:.3f} R={result['recall']:.3f} F1={result['f1']:.3f} "
            f"(gold {result['gold_participants']}, predicted {result['predicted_participants']})")
