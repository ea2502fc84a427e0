"""Disagreements: parties' statements on one issue (or on the talks as a whole) that conflict.

A statement's stance is its own ``stance`` field when the extractor set one, else the balance of
positive and negative cue words from ``stance.yaml`` ("устойчивый характер" vs "зашел в тупик").
A statement is about the talks as a whole when it names no issue or names the talks themselves
("переговоры", "диалог", "контакты": ``talks`` in ``stance.yaml``); it is about each issue it
names. Opposite stances are a disagreement only between sides: two speakers of one party (the
minister upbeat, his deputy gloomy) are not, a speaker of no known party (an unnamed source)
may be on either side.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from parleywatch.tracker.dossier import Dossier
from parleywatch.tracker.lexicon import (
    DATA,
    Cue,
    StanceLexicon,
    compile_cues,
    match_cues,
    read_yaml,
    stance_lexicon,
    tokens,
)
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


def quote(statement: Mapping[str, Any], sources: Sources, party: str | None = None) -> Record:
    speaker = statement.get("speaker") or {}
    return {
        "statement_id": statement.get("id"), "speaker": speaker.get("name"), "actor_id": speaker.get("actor_id"),
        "text": statement.get("text"), "date": statement.get("date"), "reported": reported(statement, sources),
        "outlets": outlets(statement, sources), "article_ids": article_ids(statement),
        "evidence": list(statement.get("evidence") or []), "party": party,
    }


@cache
def talks_cues(path: Path = DATA / "stance.yaml") -> tuple[Cue, ...]:
    """Words naming the talks themselves (``talks`` in ``stance.yaml``), read once per path."""
    return compile_cues(read_yaml(path).get("talks"), f"{path}: talks")


def about_talks(text: str) -> bool:
    """The statement names the talks, the channel or the dialogue itself.

    >>> about_talks("Даже эти переговоры остановлены"), about_talks("Визы выдают с задержкой")
    (True, False)
    """
    return bool(match_cues(tokens(text), {"talks": talks_cues()}, frozenset()))


def topics(statement: Mapping[str, Any]) -> set[str]:
    """The issues a statement is about, and the track as a whole (``*``) when it names no issue
    or names the talks themselves ("переговоры о визах приостановлены" is about both)."""
    found = {str(i) for i in statement.get("issues") or []}
    if not found or about_talks(str(statement.get("text") or "")):
        found.add(WHOLE_TRACK)
    return found


def _speaker_key(statement: Mapping[str, Any]) -> str:
    speaker = statement.get("speaker") or {}
    return str(speaker.get("actor_id") or speaker.get("name") or "?")


def sides(
    statements: Sequence[Mapping[str, Any]], dossiers: Sequence[Dossier], sources: Sources, context: Context
) -> dict[tuple[str, str, str], dict[str, dict[str, Mapping[str, Any]]]]:
    """(process, track, issue) -> stance -> speaker -> that speaker's latest statement.

    A statement about the talks counts for the track as a whole (issue ``*``) too: "the embassy
    talks are suspended" and "the dialogue is stable" conflict even when only one names an issue.
    """
    found: dict[tuple[str, str, str], dict[str, dict[str, Mapping[str, Any]]]] = defaultdict(lambda: defaultdict(dict))
    ordered = sorted(statements, key=lambda s: reported(s, sources) or "")
    for statement in ordered:
        side = statement_stance(statement)
        placement = place_in_context(statement, dossiers, sources, context) if side != "neutral" else None
        if placement is None:
            continue
        for issue in topics(statement):
            found[(placement.process, placement.track, str(issue))][side][_speaker_key(statement)] = statement
    return found


def disagreements(
    statements: Sequence[Mapping[str, Any]], dossiers: Sequence[Dossier], sources: Sources,
    events: Sequence[Mapping[str, Any]] = (),
) -> list[Record]:
    """Issues where speakers of different sides are positive and negative, with both sides' quotes
    (each quote with its speaker's party).

    ``events`` give the article context that files topic-less quotes under a track.
    """
    result = []
    context = article_tracks(events, dossiers, sources)
    by_id = {d.id: d for d in dossiers}
    for (process, track, issue), by_side in sorted(sides(statements, dossiers, sources, context).items()):
        parties = {k: _party(s, by_id[process], sources) for side in by_side.values() for k, s in side.items()}
        positive, negative = opposed(by_side.get("positive", {}), by_side.get("negative", {}), parties)
        if not positive or not negative:
            continue
        result.append({
            "process": process, "track": track, "issue": None if issue == WHOLE_TRACK else issue,
            "positive": [quote(s, sources, parties[k]) for k, s in positive.items()],
            "negative": [quote(s, sources, parties[k]) for k, s in negative.items()],
        })
    return result


Side = dict[str, Mapping[str, Any]]


def opposed(positive: Side, negative: Side, parties: Mapping[str, str | None]) -> tuple[Side, Side]:
    """The speakers of each side who contradict someone of another party (or of none known).

    >>> pos, neg = {"lavrov": {}}, {"ryabkov": {}, "source": {}}
    >>> [sorted(s) for s in opposed(pos, neg, {"lavrov": "ru", "ryabkov": "ru", "source": None})]
    [['lavrov'], ['source']]
    """
    def against(a: str, b: str) -> bool:
        return a != b and (parties[a] is None or parties[b] is None or parties[a] != parties[b])

    return ({k: s for k, s in positive.items() if any(against(k, n) for n in negative)},
            {k: s for k, s in negative.items() if any(against(p, k) for p in positive)})


def _party(statement: Mapping[str, Any], dossier: Dossier, sources: Sources) -> str | None:
    actor = (statement.get("speaker") or {}).get("actor_id")
    return dossier.party_of(actor, sources.country(actor)) if actor else None
