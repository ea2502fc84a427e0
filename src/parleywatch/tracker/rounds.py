"""Rounds: the meetings of a track, each merged across all articles and stories into one record.

Reports of one meeting differ: one outlet numbers it ("третий раунд"), another dates it, a third
gets the place wrong. Reports join a round when a rule in ``SAME_ROUND`` says so and none vetoes;
differing dates or places inside a round are kept side by side and flagged, never averaged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from parleywatch.tracker import dates
from parleywatch.tracker.dossier import Dossier
from parleywatch.tracker.lexicon import channel_cues, match_cues, opening_cues, tokens
from parleywatch.tracker.sources import Record, Sources, article_ids, outlets, reported, story_ids
from parleywatch.tracker.tracks import (
    Placement,
    Topics,
    continued_series,
    find_track,
    numbered_series,
    place_record,
    preceding_topics,
    topic_of_article,
)

MEETING = "CONSULT"
UNREAL = frozenset({"denied", "hypothetical"})
# "denied": it never happened; "suspended": the talks as a whole are paused -- an issue status, not a meeting
NO_ROUND_STATUS = frozenset({"denied", "suspended"})
NOT_A_ROUND = frozenset({"phone"})  # a leaders' call is news about the process, not a round of talks
OUTCOMES = frozenset({"AGREE", "REJECT", "CONCEDE", "RETREAT"})
UNKNOWN_DATE = {"start": None, "end": None, "precision": "unknown", "text": ""}
SAME_DAY_SLACK = 1
STORY_WINDOW = 3
OPENING_REACH = 3
NEWS_WINDOW = 2


@dataclass(slots=True)
class Report:
    """One event placed on a track, with what the merging rules need."""

    event: Record
    placement: Placement
    reported: str | None
    stories: set[str]
    parties: frozenset[str]

    @property
    def phase(self) -> str:
        return "past" if self.event.get("status") == "occurred" else "future"


Verdict = bool | None  # True: same round; False: veto; None: no opinion
SameRule = Callable[[Report, Report, Sources], Verdict]


def other_track(a: Report, b: Report, _s: Sources) -> Verdict:
    return False if (a.placement.process, a.placement.track) != (b.placement.process, b.placement.track) else None


def ordinals(a: Report, b: Report, _s: Sources) -> Verdict:
    """Sources that number rounds are trusted: the same number is the same round, another is not."""
    na, nb = a.event.get("ordinal"), b.event.get("ordinal")
    return None if na is None or nb is None else na == nb


def other_parties(a: Report, b: Report, _s: Sources) -> Verdict:
    """Two meetings of different sides ("US–Ukraine" vs "US–Russia") are two rounds; a report
    naming one side only has not said who met, so it vetoes nothing."""
    both = len(a.parties) > 1 and len(b.parties) > 1
    return False if both and a.parties != b.parties else None


def other_places(a: Report, b: Report, s: Sources) -> Verdict:
    """Reports tied only loosely (one story, days apart) that place a meeting in two different
    places are two meetings; numbered or same-day ones were matched above, and their differing
    places are flagged, not split."""
    return False if not places_agree(a.event.get("location"), b.event.get("location"), s) else None


def far_apart(a: Report, b: Report, _s: Sources) -> Verdict:
    """Known dates more than a few days apart are two meetings (unless numbered the same, above)."""
    return False if dates.overlap(a.event.get("date"), b.event.get("date"), STORY_WINDOW) is False else None


def same_day_same_place(a: Report, b: Report, s: Sources) -> Verdict:
    """Reports of one day (a day's slack between outlets) and one place are one meeting; a plan
    for another day than the meeting held ("Переговоры должны продолжиться сегодня, 21 декабря"
    after a meeting on the 20th) is the next sitting, so a held and a future report need the same day."""
    fixed = dates.is_fixed(a.event.get("date")) and dates.is_fixed(b.event.get("date"))
    slack = SAME_DAY_SLACK if a.phase == b.phase else 0
    meet = fixed and dates.overlap(a.event["date"], b.event["date"], slack)
    return True if meet and places_agree(a.event.get("location"), b.event.get("location"), s) else None


def same_place_vague_date(a: Report, b: Report, s: Sources) -> Verdict:
    """"Последняя встреча прошла более полугода назад в Стамбуле" and "10 апреля в Стамбуле": held
    meetings in the same city whose dates can both hold, one of them only roughly known."""
    held = a.event.get("status") == b.event.get("status") == "occurred"
    da, db = a.event.get("date"), b.event.get("date")
    rough = not (dates.is_fixed(da) and dates.is_fixed(db)) and dates.overlap(da, db) is True
    city = _city(a.event.get("location"))
    same_city = city is not None and city == _city(b.event.get("location"))
    return True if held and rough and same_city else None


def _city(location: Mapping[str, Any] | None) -> str | None:
    key = place_key(location)
    return None if key is None or key.startswith("cty:") else key


def cancelled_again(a: Report, b: Report, _s: Sources) -> Verdict:
    """A round is called off once: an unnumbered "консультации были отменены" is the numbered
    round another report says was cancelled, unless their dates differ."""
    both = a.event.get("status") == b.event.get("status") == "cancelled"
    return True if both and dates.overlap(a.event.get("date"), b.event.get("date"), STORY_WINDOW) is not False else None


def same_story(a: Report, b: Report, _s: Sources) -> Verdict:
    """Two reports in one story with the same status, within days of each other, are one meeting.

    Not "cancelled" and "may take place in spring": one story often tells of the round that was
    called off and of the next one (numbered rounds are matched by number, above).
    """
    close = dates.overlap(a.event.get("date"), b.event.get("date"), STORY_WINDOW) is not False
    same_status = a.event.get("status") == b.event.get("status")
    return True if a.stories & b.stories and same_status and close else None


def same_news(a: Report, b: Report, _s: Sources) -> Verdict:
    """Undated reports of the same status published within days ("talks suspended") are one item."""
    undated = dates.bounds(a.event.get("date")) is None and dates.bounds(b.event.get("date")) is None
    ra, rb = dates.day(a.reported), dates.day(b.reported)
    near = ra is not None and rb is not None and abs((ra - rb).days) <= NEWS_WINDOW
    return True if undated and near and a.event.get("status") == b.event.get("status") else None


SAME_ROUND: list[SameRule] = [
    other_track, ordinals, other_parties, far_apart, same_day_same_place, same_place_vague_date, other_places,
    cancelled_again, same_story, same_news,
]


def same_round(a: Report, b: Report, sources: Sources) -> Verdict:
    """The first rule with an opinion decides."""
    for rule in SAME_ROUND:
        verdict = rule(a, b, sources)
        if verdict is not None:
            return verdict
    return None


def places_agree(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None, sources: Sources) -> bool:
    """Unknown places agree with anything; a country agrees with a place inside it."""
    ka, kb = place_key(a), place_key(b)
    if ka is None or kb is None or ka == kb:
        return True
    ca, cb = sources.country(ka), sources.country(kb)
    is_country = ka.startswith("cty:") or kb.startswith("cty:")
    return is_country and ca is not None and ca == cb


def place_key(location: Mapping[str, Any] | None) -> str | None:
    if not location:
        return None
    return str(location.get("actor_id") or str(location.get("name") or "").strip().lower()) or None


# --- grouping ------------------------------------------------------------------------------------


def meeting_reports(events: Sequence[Record], dossiers: Sequence[Dossier], sources: Sources) -> list[Report]:
    """CONSULT events that fit a track, oldest report first; numbered ones also by their series."""
    meetings = [e for e in events if is_meeting(e)]
    placed = {id(e): place_record(e, dossiers, sources) for e in meetings}
    context = preceding_topics(events, dossiers, sources)
    for step in (continue_series, take_article_topic, continue_series):  # a series outranks the article
        step(meetings, placed, context, dossiers, sources)
    found = [_report(e, placed[id(e)], dossiers, sources) for e in meetings]
    return sorted((r for r in found if r), key=report_order)


def report_order(report: Report) -> tuple[str, str, int, str]:
    """Oldest report first; within one article, in text order."""
    first = (report.event.get("evidence") or [{}])[0]
    start = int(first.get("start") or 0)
    return report.reported or "9999", str(first.get("article_id")), start, str(report.event["id"])


Placed = dict[int, Placement | None]


def continue_series(meetings: Sequence[Record], placed: Placed, _context: Topics, _d: Sequence[Dossier],
                    _s: Sources) -> None:
    """Unplaced numbered meetings join the one track whose series they continue."""
    series = numbered_series(meetings, placed)
    for event in meetings:
        if placed[id(event)] is None:
            placed[id(event)] = continued_series(event.get("ordinal"), series)


def take_article_topic(meetings: Sequence[Record], placed: Placed, context: Topics, dossiers: Sequence[Dossier],
                       sources: Sources) -> None:
    """Unplaced meetings take the track their article was last talking about."""
    for event in meetings:
        if placed[id(event)] is None:
            placed[id(event)] = topic_of_article(event, context, dossiers, sources)


def is_meeting(event: Mapping[str, Any]) -> bool:
    """A CONSULT that is a round: not a phone call, not "contacts" in general, not several
    meetings counted together, not the talks as a whole ("переговоры сосредоточены на ...",
    ``generic``), not denied or suspended; a "may take place" one only when dated."""
    if event.get("type") != MEETING or event.get("mode") in NOT_A_ROUND or event.get("status") in NO_ROUND_STATUS:
        return False
    if event.get("generic"):
        return False
    if int(event.get("count") or 1) > 1:
        return False  # "провели две встречи": several meetings told at once, not one round
    if names_the_channel(str(event.get("trigger") or "")) or opens_channel(event):
        return False
    return event.get("status") != "hypothetical" or dates.bounds(event.get("date")) is not None


def opens_channel(event: Mapping[str, Any]) -> bool:
    """"Москва начала с Вашингтоном консультации о ...", "ведут консультации", with no date and no
    city: a channel was opened or goes on, no meeting told ("начали переговоры 27 февраля" or "ведут
    переговоры в Женеве" is a round). The verb stands within ``OPENING_REACH`` words before the
    trigger.

    >>> opens_channel({"trigger": "консультации", "date": None,
    ...                "evidence": [{"text": "Москва начала консультации с Вашингтоном о визах."}]})
    True
    """
    if dates.bounds(event.get("date")) is not None or _city(event.get("location")) is not None:
        return False
    words = tokens(str((event.get("evidence") or [{}])[0].get("text") or ""))
    trigger = tokens(str(event.get("trigger") or ""))
    at = next((i for i, w in enumerate(words) if trigger and w == trigger[0]), None)
    before = words[max(0, (at or 0) - OPENING_REACH) : at or 0]
    return bool(match_cues(before, {"opening": opening_cues()}, frozenset()))


def names_the_channel(trigger: str) -> bool:
    """"Контакты", "dialogue": the trigger names the channel, not a meeting.

    >>> names_the_channel("Контакти"), names_the_channel("переговоры")
    (True, False)
    """
    return bool(match_cues(tokens(trigger), {"channel": channel_cues()}, frozenset()))


def _report(
    event: Record, placement: Placement | None, dossiers: Sequence[Dossier], sources: Sources
) -> Report | None:
    if placement is None:
        return None
    dossier = next(d for d in dossiers if d.id == placement.process)
    parties = {dossier.party_of(str(a), sources.country(str(a))) for a in event.get("participants") or []}
    known = frozenset(p for p in parties if p)
    return Report(event, placement, reported(event, sources), story_ids(event, sources), known)


def group_reports(reports: Sequence[Report], sources: Sources) -> list[list[Report]]:
    """Greedy grouping: a report joins the first round one member claims and none vetoes; then
    rounds that a later member ties together are joined (the same test, group against group)."""
    groups: list[list[Report]] = []
    for report in reports:
        claims = [g for g in groups if joins([report], g, sources)]
        if claims:
            max(claims, key=lambda g: nearness(report, g)).append(report)
        else:
            groups.append([report])
    return join_groups(groups, sources)


def nearness(report: Report, group: Sequence[Report]) -> tuple[int, int]:
    """How closely a round was told just before the report in the report's own article: "Встреча
    продолжалась пять часов" is about the round of the sentence before, not of a later paragraph
    (rounds told elsewhere rank by age: ``max`` keeps the first)."""
    mine = (report.event.get("evidence") or [{}])[0]
    before = [int(e["start"]) for r in group for e in r.event.get("evidence") or []
              if e.get("article_id") == mine.get("article_id") and int(e["start"]) <= int(mine.get("start") or 0)]
    return (1, max(before)) if before else (0, 0)


def joins(a: Sequence[Report], b: Sequence[Report], sources: Sources) -> bool:
    verdicts = [same_round(x, y, sources) for x in a for y in b]
    return True in verdicts and False not in verdicts


def join_groups(groups: list[list[Report]], sources: Sources) -> list[list[Report]]:
    """Merge any two rounds some pair of their reports ties and none vetoes, until none is left."""
    pair = _joinable(groups, sources)
    while pair is not None:
        i, j = pair
        groups[i] = sorted(groups[i] + groups.pop(j), key=report_order)
        pair = _joinable(groups, sources)
    return groups


def _joinable(groups: Sequence[Sequence[Report]], sources: Sources) -> tuple[int, int] | None:
    pairs = ((i, j) for i in range(len(groups)) for j in range(i + 1, len(groups)))
    return next(((i, j) for i, j in pairs if joins(groups[i], groups[j], sources)), None)


def derive_rounds(events: Sequence[Record], dossiers: Sequence[Dossier], sources: Sources) -> list[Record]:
    """One ``round`` record per meeting of a track, with its outcome events attached."""
    groups = group_reports(meeting_reports(events, dossiers, sources), sources)
    rounds = [build_round(g, dossiers, sources) for g in groups]
    for record in rounds:
        record["outcome"] = outcome(record, events, dossiers, sources)
    return sorted(rounds, key=lambda r: (dates.sort_key(r["date"], r["first_reported"]), r["id"]))


# --- one round -----------------------------------------------------------------------------------


def build_round(group: Sequence[Report], dossiers: Sequence[Dossier], sources: Sources) -> Record:
    events = [r.event for r in group]
    first = group[0].placement
    date_variants = variants(group, lambda e: e.get("date"), _date_key)
    place_variants = variants(group, lambda e: e.get("location"), lambda loc: place_key(loc) or "")
    conflicts = _conflicts(group, place_variants, sources) + status_conflict(group)
    track = find_track(dossiers, first.process, first.track)
    return {
        "kind": "round",
        "id": round_id(first, events),
        "process": first.process,
        "track": first.track,
        "track_name": track.name if track else first.track,
        "ordinal": next((e["ordinal"] for e in events if e.get("ordinal") is not None), None),
        "status": round_status(group),
        "status_history": [_status_entry(r, sources) for r in group],
        "date": _chosen(date_variants, prefer=dates.is_fixed) or dict(UNKNOWN_DATE),
        "dates": date_variants,
        "location": _chosen(place_variants, prefer=lambda loc: not str(place_key(loc)).startswith("cty:")),
        "locations": place_variants,
        "conflicts": conflicts,
        "flagged": bool(conflicts),
        "participants": sorted({str(p) for e in events for p in e.get("participants") or []}),
        "issues": sorted({str(i) for e in events for i in e.get("issues") or []}),
        "summary": str(events[0].get("summary") or ""),
        "event_ids": [str(e["id"]) for e in events],
        "article_ids": list(dict.fromkeys(a for e in events for a in article_ids(e))),
        "outlets": list(dict.fromkeys(o for e in events for o in outlets(e, sources))),
        "first_reported": min((r.reported for r in group if r.reported), default=None),
        "last_reported": max((r.reported for r in group if r.reported), default=None),
        "evidence": _evidence(events),
    }


def round_id(placement: Placement, events: Sequence[Record]) -> str:
    """Stable: the track, the source ordinal if any, and a hash of the earliest event id."""
    ordinal = next((e["ordinal"] for e in events if e.get("ordinal") is not None), None)
    digest = hashlib.sha1(min(str(e["id"]) for e in events).encode()).hexdigest()[:10]
    return f"round:{placement.process}:{placement.track}:{ordinal if ordinal is not None else 'x'}:{digest}"


def round_status(group: Sequence[Report]) -> str:
    """A round that happened stays happened; otherwise the latest report's status holds."""
    statuses = [str(r.event.get("status")) for r in group]
    return "occurred" if "occurred" in statuses else statuses[-1]


def _status_entry(report: Report, sources: Sources) -> Record:
    event = report.event
    return {"status": event.get("status"), "reported": report.reported, "event_id": event.get("id"),
            "outlets": outlets(event, sources), "article_ids": article_ids(event)}


def variants(group: Sequence[Report], get: Callable[[Record], Any], key: Callable[[Any], str]) -> list[Record]:
    """Distinct values reported for one field, each with who reported it; most reported first."""
    found: dict[str, Record] = {}
    for report in group:
        value = get(report.event)
        if not value or not key(value):
            continue
        entry = found.setdefault(key(value), {"value": value, "event_ids": [], "article_ids": []})
        entry["event_ids"].append(report.event["id"])
        entry["article_ids"] = list(dict.fromkeys([*entry["article_ids"], *article_ids(report.event)]))
    return sorted(found.values(), key=lambda v: -len(v["article_ids"]))


def _date_key(when: Mapping[str, Any]) -> str:
    span = dates.bounds(when)
    return f"{span[0]}/{span[1]}/{when.get('precision')}" if span else ""


def _chosen(found: Sequence[Record], prefer: Callable[[Any], bool]) -> Any:
    preferred = [v["value"] for v in found if prefer(v["value"])]
    return (preferred or [v["value"] for v in found] or [None])[0]


def _conflicts(group: Sequence[Report], place_variants: Sequence[Record], sources: Sources) -> list[str]:
    """Which fields the reports disagree on: dates that cannot both hold, places that differ.

    Dates are compared between reports of one status only: a round planned for one day and held
    on the next ("должны продолжиться сегодня") is a plan that moved, not two accounts of one day.
    """
    found = []
    told = [(r.event.get("status"), r.event.get("date")) for r in group if dates.bounds(r.event.get("date"))]
    if any(sa == sb and dates.overlap(a, b) is False for i, (sa, a) in enumerate(told) for sb, b in told[i + 1 :]):
        found.append("date")
    places = [v["value"] for v in place_variants]
    if any(not places_agree(a, b, sources) for i, a in enumerate(places) for b in places[i + 1 :]):
        found.append("location")
    return found


CALLED_OFF = frozenset({"cancelled"})


def status_conflict(group: Sequence[Report]) -> list[str]:
    """``["status"]`` when one report says the round took place and another that it was called
    off ("третья встреча прошла" vs "третий раунд был отменен"): both stay in ``status_history``
    and the round is flagged, not silently resolved.

    >>> status_conflict([])
    []
    """
    statuses = {str(r.event.get("status")) for r in group}
    return ["status"] if "occurred" in statuses and statuses & CALLED_OFF else []


def _evidence(events: Sequence[Record]) -> list[Record]:
    spans = {(e["article_id"], e["start"], e["end"]): e for ev in events for e in ev.get("evidence") or []}
    return [dict(spans[k]) for k in sorted(spans, key=lambda k: (str(k[0]), int(k[1])))]


def outcome(rnd: Record, events: Sequence[Record], dossiers: Sequence[Dossier], sources: Sources) -> list[Record]:
    """Agreements and refusals of the same track reported in the round's articles around its date."""
    shared = set(rnd["article_ids"])
    found: dict[str, Record] = {}
    for event in events:
        if event.get("type") not in OUTCOMES or event.get("status") != "occurred":
            continue
        apart = dates.overlap(event.get("date"), rnd["date"], SAME_DAY_SLACK) is False
        if apart or not shared & set(article_ids(event)):
            continue
        placement = place_record(event, dossiers, sources)
        if placement and (placement.process, placement.track) == (rnd["process"], rnd["track"]):
            found.setdefault(str(event.get("summary")), {k: event.get(k) for k in ("id", "type", "summary", "issues")})
    return list(found.values())
