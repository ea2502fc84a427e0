"""Which process and track an event or statement belongs to: participants, issues and keywords.

Each signal is a small scoring rule in ``RULES``; the best-scoring track wins when it reaches
``MIN_SCORE`` and has topical support (an issue or a keyword), so that a meeting of the same two
governments on another subject is not filed under the wrong track. A record that names no topic
takes the track its article was talking about where it stands (``topic_of_article``,
``place_in_context``) or the one whose numbered series it continues (``continued_series``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from parleywatch.tracker.dossier import Dossier, Track
from parleywatch.tracker.lexicon import match_cues, tokens
from parleywatch.tracker.sources import Record, Sources, article_ids

MIN_SCORE = 3
DENIED = "denied"


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


# --- meetings without a topic of their own -------------------------------------------------------


def numbered_series(events: Sequence[Record], placed: Mapping[int, Placement | None]) -> dict[Placement, set[int]]:
    """The round numbers each track's placed reports carry ("first round", "второй раунд")."""
    series: dict[Placement, set[int]] = {}
    for event in events:
        where, number = placed[id(event)], event.get("ordinal")
        if where is not None and isinstance(number, int):
            series.setdefault(Placement(where.process, where.track, 0), set()).add(number)
    return series


Topics = dict[str, list[tuple[int, Placement]]]  # article id -> (offset, track) of its placed events


def preceding_topics(events: Sequence[Record], dossiers: Sequence[Dossier], sources: Sources) -> Topics:
    """Where in each article each track is talked about, from the events that name their topic."""
    topics: Topics = {}
    for event in events:
        where = place_record(event, dossiers, sources)
        if where is None:
            continue
        for evidence in event.get("evidence") or []:
            topics.setdefault(str(evidence["article_id"]), []).append((int(evidence["start"]), where))
    return {a: sorted(found, key=lambda f: f[0]) for a, found in topics.items()}


def topic_of_article(event: Record, topics: Topics, dossiers: Sequence[Dossier] = (),
                     sources: Sources | None = None) -> Placement | None:
    """A meeting with no topic of its own ("следующий раунд может состояться весной", the topic
    named sentences before) is on the track its article was last talking about, when every side
    it names is a party of that track (a side from elsewhere makes it another meeting)."""
    if not event.get("evidence"):
        return None
    first = event["evidence"][0]
    before = [where for start, where in topics.get(str(first["article_id"]), []) if start < int(first["start"])]
    if not before or not sides_fit(event, before[-1], dossiers, sources or Sources()):
        return None
    return before[-1]


def sides_fit(event: Record, where: Placement, dossiers: Sequence[Dossier], sources: Sources) -> bool:
    """Every participant speaks for a party of the track ("Рябков", "США" on the embassy talks);
    a negotiator of another track makes it that track's meeting (Witkoff and Dmitriev meeting in
    an article about the embassy talks).

    >>> sides_fit({"participants": []}, Placement("p", "t", 0), [], Sources())
    True
    """
    named = [str(a) for a in event.get("participants") or []]
    if not named:
        return True
    dossier = next((d for d in dossiers if d.id == where.process), None)
    track = find_track(dossiers, where.process, where.track)
    if dossier is None or track is None:
        return False
    envoys = {a for d in dossiers for a in d.principals()}
    own = {a for ids in track.speakers.values() for a in ids}
    return all(a in own if a in envoys else dossier.party_of(a, sources.country(a)) in track.parties for a in named)


def continued_series(number: Any, series: Mapping[Placement, set[int]]) -> Placement | None:
    """The one track whose numbered rounds a "third round" continues (it has the second or the third).

    "A third round was called off", with no topic of its own, belongs to the talks that had a
    first and a second; when two tracks could claim it, neither does.

    >>> one, two = Placement("p", "embassies", 0), Placement("p", "peace", 0)
    >>> continued_series(3, {one: {1, 2}, two: set()}) == one, continued_series(3, {one: {2}, two: {3}})
    (True, None)
    """
    if not isinstance(number, int):
        return None
    fits = [track for track, numbers in series.items() if numbers & {number - 1, number}]
    return fits[0] if len(fits) == 1 else None


# --- article context -----------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Context:
    """Where each article talks about which track: its placed events by offset, and the track
    most of them fall on."""

    positions: Mapping[str, Sequence[tuple[int, Placement]]]
    majority: Mapping[str, Placement]

    def near(self, article: str, offset: int | None) -> Placement | None:
        """The track of the last placed event before ``offset``, else the article's majority."""
        before = [p for start, p in self.positions.get(article, ()) if offset is not None and start <= offset]
        return before[-1] if before else self.majority.get(article)


def article_tracks(events: Iterable[Mapping[str, Any]], dossiers: Sequence[Dossier], sources: Sources) -> Context:
    """Each article's placed events in text order and its majority track: context for quotes
    that name no topic."""
    votes: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    positions: dict[str, list[tuple[int, Placement]]] = defaultdict(list)
    for event in events:
        placement = place_record(event, dossiers, sources)
        if placement is None:
            continue
        for article in article_ids(event):
            votes[article][(placement.process, placement.track)] += 1
        if event.get("status") == DENIED:
            continue  # "а не для обсуждения Украины": what the talks are not about sets no context
        for span in event.get("evidence") or []:
            positions[str(span["article_id"])].append((int(span["start"]), placement))
    majority = {a: Placement(*c.most_common(1)[0][0], score=0) for a, c in votes.items()}
    return Context({a: sorted(found, key=lambda f: f[0]) for a, found in positions.items()}, majority)


def place_in_context(
    record: Mapping[str, Any], dossiers: Sequence[Dossier], sources: Sources, context: Context
) -> Placement | None:
    """``place_record``, else the track its article was talking about where the record stands,
    when the speaker is one of that track's parties.

    "Не так быстро, как хотелось бы" names no topic; in the paragraph of an article about the
    embassy talks, said by the Russian minister, it is about the embassy talks, even when most
    of the article is about the peace plan.
    """
    found = place_record(record, dossiers, sources)
    if found is not None:
        return found
    spans = {str(e["article_id"]): int(e["start"]) for e in record.get("evidence") or [] if e.get("article_id")}
    for article in article_ids(record):
        candidate = context.near(article, spans.get(article))
        if candidate and _speaks_for_track(record, candidate, dossiers, sources):
            return candidate
    return None


def _speaks_for_track(
    record: Mapping[str, Any], placement: Placement, dossiers: Sequence[Dossier], sources: Sources
) -> bool:
    """The speaker is of one of the track's parties, or an unnamed source ("собеседник издания"),
    who speaks of what the article is about."""
    speaker = record.get("speaker") or {}
    dossier = next((d for d in dossiers if d.id == placement.process), None)
    track = find_track(dossiers, placement.process, placement.track)
    if dossier is None or track is None:
        return False
    if speaker and not speaker.get("actor_id"):
        return True
    actor = speaker.get("actor_id")
    party = dossier.party_of(actor, sources.country(actor)) if actor else None
    return party in track.parties
