"""Tracker stage: rounds, issue status timelines, next steps and disagreements per process dossier."""

from parleywatch.tracker.disagreements import disagreements, stance
from parleywatch.tracker.dossier import Dossier, DossierError, Track, load_dossier, load_dossiers, unknown_actor_ids
from parleywatch.tracker.issues import derive_issue_statuses
from parleywatch.tracker.lexicon import LexiconError
from parleywatch.tracker.rounds import derive_rounds
from parleywatch.tracker.run import derive, read_inputs, run_tracker
from parleywatch.tracker.sources import Sources
from parleywatch.tracker.steps import next_steps

__all__ = [
    "Dossier",
    "DossierError",
    "LexiconError",
    "Sources",
    "Track",
    "derive",
    "derive_issue_statuses",
    "derive_rounds",
    "disagreements",
    "load_dossier",
    "load_dossiers",
    "next_steps",
    "read_inputs",
    "run_tracker",
    "stance",
    "unknown_actor_ids",
]
