"""Event-type accuracy on the PLOVER gold-standard English sentences.

The gold records use PLOVER 0.5 names; the 16-type ontology folds DEMAND into REQUEST,
DISAPPROVE and INVESTIGATE into ACCUSE and FIGHT into ASSAULT. The predicted type of a sentence
is the PLOVER category of its first event as the PLOVER export writes it (``plover_type``: "will
visit" is an AGREE); the pipeline lists each clause's main event first (``by_salience``). A
sentence with no event counts as wrong.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from parleywatch.extract.article import Pipeline, text_article
from parleywatch.extract.plover import plover_type

DEFAULT_PATH = Path("../shared/eval/plover/gold_standard_records")
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def load_gold(path: Path) -> list[tuple[str, str]]:
    """``(sentence, type)`` pairs from every JSON file under ``path``."""
    files = [path] if path.is_file() else sorted(p for p in path.iterdir() if p.suffix in {".txt", ".json"})
    pairs = []
    for file in files:
        for record in json.loads(file.read_text("utf-8")):
            if record.get("text") and record.get("event") not in (None, "DOCUMENT"):
                pairs.append((record["text"], OLD_NAMES.get(record["event"], record["event"])))
    return pairs


def run_plover(path: Path | str = DEFAULT_PATH, limit: int | None = None,
               pipeline: Pipeline | None = None) -> dict[str, Any]:
    pipe = pipeline or Pipeline.load()
    pipe.lexicons.keep_bare = True  # typing is measured on every trigger, tracked or not
    gold = load_gold(Path(path))[:limit]
    confusion: Counter[tuple[str, str]] = Counter()
    for i, (sentence, kind) in enumerate(gold):
        _, _, events, _ = pipe.run(text_article(sentence, "en", "2000-01-01", f"plover-{i}"))
        confusion[(kind, plover_type(events[0]["type"], events[0]["status"]) if events else "NONE")] += 1
    correct = sum(n for (g, p), n in confusion.items() if g == p)
    per_type = {t: _type_scores(confusion, t) for t in sorted({g for g, _ in confusion})}
    wrong = Counter({pair: n for pair, n in confusion.items() if pair[0] != pair[1]})
    return {"sentences": len(gold), "correct": correct, "accuracy": correct / len(gold) if gold else 0.0,
            "per_type": per_type, "confusions": wrong.most_common(12)}


def _type_scores(confusion: Counter[tuple[str, str]], kind: str) -> dict[str, float]:
    gold = sum(n for (g, _), n in confusion.items() if g == kind)
    right = confusion[(kind, kind)]
    return {"gold": gold, "recall": right / gold if gold else 0.0}


def format_plover_report(result: dict[str, Any]) -> str:
    lines = [f"PLOVER event types: {result['correct']}/{result['sentences']} = {result['accuracy']:.3f}"]
    lines += [f"  {t:<10} n={s['gold']:>3} recall={s['recall']:.2f}" for t, s in result["per_type"].items()]
    lines += ["  top confusions (gold -> predicted):"]
    lines += [f"    {g} -> {p}: {n}" for (g, p), n in result["confusions"]]
    return "\n".join(lines)
