"""The concrete pipeline: which stages run after ingest, in which order."""

from __future__ import annotations

from parleywatch.process import Stage, StageResult
from parleywatch.settings import Settings
from parleywatch.store import Store
from parleywatch.stories.stage import run_stories


def stories_stage(store: Store, settings: Settings) -> StageResult:
    return StageResult("stories", run_stories(store, settings))


GLOBAL_STAGES: list[Stage] = [stories_stage]
