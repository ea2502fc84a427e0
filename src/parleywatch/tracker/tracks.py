"""Which process and track an event or statement belongs to: participants, issues and keywords.

Each signal is a small scoring rule in ``RULES``; the best-scoring track wins when it reaches
``MIN_SCORE`` and has topical support (an issue or a keyword), so that a meeting of the same two
governments on another subject is not filed under the wrong track.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from parleywatch.tracker.dossier import Dossier, Track
from parleywatch.tracker.lexicon import match_cues, tokens
from parleywatch.tracker.sources import Sources, article_ids

MIN_SCORE = 3


@dataclass(slots=True, frozen=True)
class Placement:
    process: str
    track: str
    score: int


@dataclass(slots=True, frozen=True)
class Signals:
    """What a record offers for matching: actor ids, issue ids, words and place."""

    actors: tuple[str, ...]
    issues: frozenset[str]
    words: tuple[str, ...]
    place: str | None


Rule = Callable[[Signals, Dossier, Track, Sources], int]


def parties_present(sig: Signals, dossier: Dossier, track: Track, sources: Sources) -> int:
    """One point per party of the track with a participant or speaker in the record."""
    found = {dossier.party_of(a, sources.country(a)) for a in sig.actors}
    return len(found & set(track.parties))


def issue_overlap(sig: Signals, _dossier: Dossier, track: Track, _sources: Sources) -> int:
    return 2 * len(sig.issues & track.issue_ids)


def track_keywords(sig: Signals, _dossier: Dossier, track: Track, _sources: Sources) -> int:
    return 4 if match_cues(list(sig.words), {"k": track.keywords}, frozenset()) else 0


def issue_keywords(sig: Signals, _dossier: Dossier, track: Track, _sources: Sources) -> int:
    hits = match_cues(list(sig.words), {i.id: i.keywords for i in track.issues}, frozenset())
    return min(2, len({h.label for h in hits}))


def known_place(sig: Signals, _dossier: Dossier, track: Track, _sources: Sources) -> int:
    return 1 if sig.place in track.places else 0


RULES: list[Rule] = [parties_present, issue_overlap, track_keywords, issue_keywords, known_place]
TOPICAL: list[Rule] = [issue_overlap, track_keywords, issue_keywords]


def signals(record: Mapping[str, Any]) -> Signals:
    """The matching signals of an event or statement dict."""
    speaker = (record.get("speaker") or {}).get("actor_id")
    actors = [*(record.get("participants") or []), speaker, record.get("source"), record.get("target")]
    text = " ".join(str(record.get(k) or "") for k in ("summary", "text"))
    text += " " + " ".join(str(e.get("text") or "") for e in record.get("evidence") or [])
    place = (record.get("location") or {}).get("actor_id")
    issues = frozenset(record.get("issues") or [])
    return Signals(tuple(str(a) for a in actors if a), issues, tuple(tokens(text)), place)


def place_record(record: Mapping[str, Any], dossiers: Sequence[Dossier], sources: Sources) -> Placement | None:
    """The best track for a record, or None when no track fits well enough."""
    sig = signals(record)
    best: Placement | None = None
    for dossier, track in _tracks(dossiers):
        if not any(rule(sig, dossier, track, sources) for rule in TOPICAL):
            continue
        score = sum(rule(sig, dossier, track, sources) for rule in RULES)
        if score >= MIN_SCORE and (best is None or score > best.score):
            best = Placement(dossier.id, track.id, score)
    return best


def _tracks(dossiers: Iterable[Dossier]) -> Iterable[tuple[Dossier, Track]]:
    return ((d, t) for d in dossiers for t in d.tracks)


def find_track(dossiers: Sequence[Dossier], process: str, track: str) -> Track | None:
    return next((t for d, t in _tracks(dossiers) if d.id == process and t.id == track), None)


# --- article context -----------------------------------------------------------------------------

Context = Mapping[str, Placement]  # article id -> the track most of its events fall on


def article_tracks(events: Iterable[Mapping[str, Any]], dossiers: Sequence[Dossier], sources: Sources) -> Context:
    """The track most of an article's events fall on: context for quotes that name no topic."""
    votes: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for event in events:
        placement = place_record(event, dossiers, sources)
        if placement is None:
            continue
        for article in article_ids(event):
            votes[article][(placement.process, placement.track)] += 1
    return {a: Placement(*c.most_common(1)[0][0], score=0) for a, c in votes.items()}


def place_in_context(
    record: Mapping[str, Any], dossiers: Sequence[Dossier], sources: Sources, context: Context
) -> Placement | None:
    """``place_record``, else the track of the record's article when the speaker is one of its parties.

    "Не так быстро, как хотелось бы" names no topic; in an article about the embassy talks, said
    by the Russian minister, it is about the embassy talks.
    """
    found = place_record(record, dossiers, sources)
    if found is not None:
        return found
    for article in article_ids(record):
        candidate = context.get(article)
        if candidate and _speaks_for_track(record, candidate, dossiers, sources):
            return candidate
    return None


def _speaks_for_track(
    record: Mapping[str, Any], placement: Placement, dossiers: Sequence[Dossier], sources: Sources
) -> bool:
    speaker = (record.get("speaker") or {}).get("actor_id")
    dossier = next((d for d in dossiers if d.id == placement.process), None)
    track = find_track(dossiers, placement.process, placement.track)
    if dossier is None or track is None:
        return False
    party = dossier.party_of(speaker, sources.country(speaker)) if speaker else None
    return party in track.parties
