"""Disagreements: parties' statements on one issue (or on the talks as a whole) that conflict.

A statement's stance is its own ``stance`` field when the extractor set one, else the balance of
positive and negative cue words from ``stance.yaml`` ("устойчивый характер" vs "зашел в тупик").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from parleywatch.tracker.dossier import Dossier
from parleywatch.tracker.lexicon import StanceLexicon, match_cues, stance_lexicon, tokens
from parleywatch.tracker.sources import Record, Sources, article_ids, outlets, reported
from parleywatch.tracker.tracks import Context, article_tracks, place_in_context

WHOLE_TRACK = "*"
STANCES = frozenset({"positive", "negative", "neutral"})


def stance(text: str, lexicon: StanceLexicon | None = None) -> str:
    """positive, negative or neutral by cue balance; a negated positive counts as negative.

    >>> stance("Диалог приобрел устойчивый характер")
    'positive'
    >>> stance("Стороны не смогли добиться прогресса")
    'negative'
    """
    lexicon = lexicon or stance_lexicon()
    score = 0
    for hit in match_cues(tokens(text), lexicon.cues, lexicon.negators):
        sign = 1 if hit.label == "positive" else -1
        score += -sign if hit.negated else sign
    return "positive" if score > 0 else "negative" if score < 0 else "neutral"


def statement_stance(statement: Mapping[str, Any]) -> str:
    given = statement.get("stance")
    return str(given) if given in STANCES else stance(str(statement.get("text") or ""))


def quote(statement: Mapping[str, Any], sources: Sources) -> Record:
    speaker = statement.get("speaker") or {}
    return {
        "statement_id": statement.get("id"), "speaker": speaker.get("name"), "actor_id": speaker.get("actor_id"),
        "text": statement.get("text"), "date": statement.get("date"), "reported": reported(statement, sources),
        "outlets": outlets(statement, sources), "article_ids": article_ids(statement),
        "evidence": list(statement.get("evidence") or []),
    }


def _speaker_key(statement: Mapping[str, Any]) -> str:
    speaker = statement.get("speaker") or {}
    return str(speaker.get("actor_id") or speaker.get("name") or "?")


def sides(
    statements: Sequence[Mapping[str, Any]], dossiers: Sequence[Dossier], sources: Sources, context: Context
) -> dict[tuple[str, str, str], dict[str, dict[str, Mapping[str, Any]]]]:
    """(process, track, issue) -> stance -> speaker -> that speaker's latest statement.

    Every statement also counts for the track as a whole (issue ``*``): "the embassy talks are
    suspended" and "the dialogue is stable" conflict even when only one names an issue.
    """
    found: dict[tuple[str, str, str], dict[str, dict[str, Mapping[str, Any]]]] = defaultdict(lambda: defaultdict(dict))
    ordered = sorted(statements, key=lambda s: reported(s, sources) or "")
    for statement in ordered:
        side = statement_stance(statement)
        placement = place_in_context(statement, dossiers, sources, context) if side != "neutral" else None
        if placement is None:
            continue
        for issue in {*(statement.get("issues") or []), WHOLE_TRACK}:
            found[(placement.process, placement.track, str(issue))][side][_speaker_key(statement)] = statement
    return found


def disagreements(
    statements: Sequence[Mapping[str, Any]], dossiers: Sequence[Dossier], sources: Sources,
    events: Sequence[Mapping[str, Any]] = (),
) -> list[Record]:
    """Issues where one speaker is positive and another negative, with both sides' quotes.

    ``events`` give the article context that files topic-less quotes under a track.
    """
    result = []
    context = article_tracks(events, dossiers, sources)
    for (process, track, issue), by_side in sorted(sides(statements, dossiers, sources, context).items()):
        positive, negative = by_side.get("positive", {}), by_side.get("negative", {})
        if not positive or not negative or (set(positive) == set(negative) and len(positive) == 1):
            continue
        result.append({
            "process": process, "track": track, "issue": None if issue == WHOLE_TRACK else issue,
            "positive": [quote(s, sources) for s in positive.values()],
            "negative": [quote(s, sources) for s in negative.values()],
        })
    return result
