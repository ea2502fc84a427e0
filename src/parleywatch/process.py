"""The stages after ingest, run in order over what the store holds.

Each stage is a function ``(store, settings) -> StageResult``; later issues append theirs to
``STAGES``. Per-article stages skip articles they already handled, so a re-run is cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from parleywatch.settings import Settings
from parleywatch.store import Store


@dataclass(slots=True, frozen=True)
class StageResult:
    name: str
    summary: str


Stage = Callable[[Store, Settings], StageResult]

STAGES: list[Stage] = []


def process(
    store: Store, settings: Settings | None = None, on_stage: Callable[[StageResult], None] | None = None
) -> list[StageResult]:
    """Run every registered stage over the store, in order."""
    settings = settings or Settings()
    results = []
    for stage in STAGES:
        result = stage(store, settings)
        results.append(result)
        if on_stage:
            on_stage(result)
    return results
