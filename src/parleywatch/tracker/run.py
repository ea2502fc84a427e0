"""The tracker stage: read events, statements, articles and actors; write rounds and issue statuses.

Derived records are rebuilt whole on every run (``delete_records`` + ``put_records``): a round may
merge reports from any article, so there is no per-article slice to replace.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from parleywatch.store import Store
from parleywatch.tracker.dossier import Dossier, load_dossiers
from parleywatch.tracker.issues import derive_issue_statuses
from parleywatch.tracker.rounds import derive_rounds
from parleywatch.tracker.sources import Record, Sources

logger = logging.getLogger(__name__)

ROUND = "round"
ISSUE_STATUS = "issue_status"


@dataclass(slots=True)
class Inputs:
    """Everything the tracker reads, as plain export dicts."""

    events: list[Record]
    statements: list[Record]
    sources: Sources


def read_inputs(store: Store) -> Inputs:
    articles = [a.as_record() for a in store.iter_articles()]
    sources = Sources.build(articles, store.iter_records("actor"))
    return Inputs(list(store.iter_records("event")), list(store.iter_records("statement")), sources)


def derive(inputs: Inputs, dossiers: Sequence[Dossier]) -> tuple[list[Record], list[Record]]:
    """Rounds and issue statuses from the inputs: pure, for tests and other front ends."""
    rounds = derive_rounds(inputs.events, dossiers, inputs.sources)
    issues = derive_issue_statuses(inputs.events, inputs.statements, dossiers, inputs.sources)
    return rounds, issues


def run_tracker(store: Store, dossiers: Sequence[Dossier] | None = None) -> str:
    """Rebuild the ``round`` and ``issue_status`` records; return a one-line summary."""
    dossiers = load_dossiers() if dossiers is None else dossiers
    rounds, issues = derive(read_inputs(store), dossiers)
    for kind, records in ((ROUND, rounds), (ISSUE_STATUS, issues)):
        store.delete_records(kind)
        store.put_records(kind, records)
    flagged = sum(1 for r in rounds if r["flagged"])
    summary = f"{len(rounds)} rounds ({flagged} with conflicting reports), {len(issues)} issue statuses"
    logger.info("tracker: %s", summary)
    return summary
