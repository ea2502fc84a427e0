"""Tracker: rounds, issue timelines, next steps, disagreements, dossiers, the store stage."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from parleywatch.store import Store
from parleywatch.tracker import (
    DossierError,
    Sources,
    derive_issue_statuses,
    derive_rounds,
    disagreements,
    load_dossier,
    load_dossiers,
    next_steps,
    run_tracker,
    stance,
    unknown_actor_ids,
)
from parleywatch.tracker.brief import brief
from parleywatch.tracker.views import ViewData

DOSSIERS = load_dossiers()
ARTICLES = {
    "a1": {"id": "a1", "outlet": "interfax", "published": "2025-02-27T18:00", "story_id": "s1", "url": "u1"},
    "a2": {"id": "a2", "outlet": "tass", "published": "2025-02-28T09:00", "story_id": "s1", "url": "u2"},
    "a3": {"id": "a3", "outlet": "ria", "published": "2025-04-10T20:00", "story_id": "s2", "url": "u3"},
    "a4": {"id": "a4", "outlet": "izvestia", "published": "2025-06-10T10:00", "story_id": "s3", "url": "u4"},
    "a5": {"id": "a5", "outlet": "kommersant", "published": "2025-06-25T10:00", "story_id": "s4", "url": "u5"},
    "a6": {"id": "a6", "outlet": "interfax", "published": "2025-12-23T15:00", "story_id": "s5", "url": "u6"},
}
ACTORS = {
    "loc:istanbul": {"id": "loc:istanbul", "name": "Istanbul", "country": "TR"},
    "cty:tr": {"id": "cty:tr", "name": "Turkey", "country": "TR"},
    "per:x-diplomat": {"id": "per:x-diplomat", "name": "A Russian diplomat", "country": "RU"},
}
SOURCES = Sources(ARTICLES, ACTORS)
RU_US = ["per:alexander-darchiev", "per:sonata-coulter"]
UNKNOWN = {"start": None, "end": None, "precision": "unknown", "text": ""}


def day(iso: str) -> dict[str, Any]:
    return {"start": iso, "end": iso, "precision": "day", "text": iso}


def before(iso: str) -> dict[str, Any]:
    """An open range: "более полугода назад" is some time up to ``iso``."""
    return {"start": None, "end": iso, "precision": "month", "text": "более полугода назад"}


def said(article: str, text: str, **fields: Any) -> dict[str, Any]:
    """A "консультации" report cut from the sentence ``text``."""
    span = {"article_id": article, "start": 0, "end": len(text), "text": text}
    return event("e1", article, trigger="консультации", evidence=[span], **fields)


BEFORE_MAY, BEFORE_MARCH = before("2025-05-11"), before("2025-03-01")
ISTANBUL = {"actor_id": "loc:istanbul", "name": "Istanbul"}
RIYADH = {"actor_id": "loc:riyadh", "name": "Riyadh"}


def place(actor_id: str, name: str) -> dict[str, Any]:
    return {"actor_id": actor_id, "name": name}


def event(eid: str, article: str, **fields: Any) -> dict[str, Any]:
    base = {
        "kind": "event", "id": eid, "type": "CONSULT", "mode": "meet", "status": "occurred", "date": UNKNOWN,
        "location": None, "participants": RU_US, "issues": ["embassies"], "summary": "консультации по раздражителям",
        "evidence": [{"article_id": article, "start": 0, "end": 10, "text": f"evidence {eid}"}], "ordinal": None,
    }
    return base | fields


def statement(sid: str, article: str, speaker: str, text: str, issues: list[str] | None = None) -> dict[str, Any]:
    return {
        "kind": "statement", "id": sid, "speaker": {"actor_id": speaker, "name": speaker, "type": "person"},
        "text": text, "direct": True, "date": day(ARTICLES[article]["published"][:10]), "via": [],
        "issues": issues if issues is not None else ["embassies"],
        "evidence": [{"article_id": article, "start": 0, "end": len(text), "text": text}], "article_id": article,
    }


# --- rounds --------------------------------------------------------------------------------------

ROUND_CASES = [
    # name, events, expected number of rounds
    ("same day, two outlets",
     [event("e1", "a1", date=day("2025-02-27")), event("e2", "a2", date=day("2025-02-27"))], 1),
    ("same story, no date", [event("e1", "a1", date=day("2025-02-27")), event("e2", "a2")], 1),
    ("two rounds", [event("e1", "a1", date=day("2025-02-27")), event("e3", "a3", date=day("2025-04-10"))], 2),
    ("ordinals differ", [event("e1", "a1", ordinal=1), event("e2", "a2", ordinal=2)], 2),
    ("ordinals agree across stories", [event("e1", "a1", ordinal=2), event("e3", "a3", ordinal=2)], 1),
    ("undated, same status, days apart", [event("e4", "a4", status="postponed"), event("e5", "a5", status="postponed")],
     2),
    ("undated, same status, same days", [event("e1", "a1", status="postponed"), event("e3", "a2", status="postponed")],
     1),
    ("talks suspended is a status, not a meeting", [event("e4", "a4", status="suspended")], 0),
    ("off topic", [event("e1", "a1", issues=[], summary="обмен мнениями", participants=["per:marco-rubio"])], 0),
    ("several meetings counted together are no round", [event("e1", "a1", count=2)], 0),
    ("a channel opened, undated, is no round", [said("a1", "Москва начала с США консультации о визах.")], 0),
    ("a dated opening is a round", [said("a1", "Стороны начали консультации 27 февраля.", date=day("2025-02-27"))], 1),
    ("an unnumbered cancellation is the numbered round called off",
     [event("e4", "a4", status="cancelled", ordinal=3), event("e6", "a6", status="cancelled")], 1),
    ("a rough date and a day in the same city", [event("e4", "a4", location=ISTANBUL, date=BEFORE_MAY),
                                                event("e6", "a6", location=ISTANBUL, date=day("2025-04-10"))], 1),
    ("a rough date and a day in other cities", [event("e4", "a4", location=ISTANBUL, date=BEFORE_MAY),
                                               event("e6", "a6", location=RIYADH, date=day("2025-04-10"))], 2),
    ("a rough date that cannot hold", [event("e4", "a4", location=ISTANBUL, date=BEFORE_MARCH),
                                      event("e6", "a6", location=ISTANBUL, date=day("2025-04-10"))], 2),
    ("one story, two places", [event("e1", "a1", location=ISTANBUL), event("e2", "a2", location=RIYADH)], 2),
    ("a report naming one side vetoes nothing",
     [event("e1", "a1"), event("e2", "a2", participants=["per:sergey-ryabkov"])], 1),
    ("the talks as a whole are no round", [event("e1", "a1", generic=True)], 0),
    ("held one day, to go on the next: two sittings",
     [event("e1", "a1", date=day("2025-02-27")), event("e2", "a1", status="planned", date=day("2025-02-28"))], 2),
    ("held and planned for the same day: one", [event("e1", "a1", date=day("2025-02-27")),
                                               event("e2", "a2", status="planned", date=day("2025-02-27"))], 1),
    ("two outlets a day apart, both held: one",
     [event("e1", "a1", date=day("2025-02-27")), event("e2", "a2", date=day("2025-02-28"))], 1),
]


@pytest.mark.parametrize(("name", "events", "count"), ROUND_CASES, ids=[c[0] for c in ROUND_CASES])
def test_round_merging(name: str, events: list[dict[str, Any]], count: int) -> None:
    assert len(derive_rounds(events, DOSSIERS, SOURCES)) == count


def test_merged_round_keeps_every_evidence_span_and_outlet() -> None:
    events = [event("e1", "a1", date=day("2025-02-27")), event("e2", "a2", date=day("2025-02-27"))]
    (rnd,) = derive_rounds(events, DOSSIERS, SOURCES)
    assert (rnd["process"], rnd["track"], rnd["status"]) == ("us-russia-normalization", "irritants", "occurred")
    assert [e["text"] for e in rnd["evidence"]] == ["evidence e1", "evidence e2"]
    assert rnd["outlets"] == ["interfax", "tass"] and not rnd["flagged"]


CONFLICT_CASES = [
    ("date", {"date": day("2025-02-27")}, {"date": day("2025-02-28"), "ordinal": 1}, ["date"]),
    ("place", {"location": place("loc:istanbul", "Istanbul")}, {"location": place("loc:riyadh", "Riyadh")},
     ["location"]),
    ("country holds city", {"location": place("loc:istanbul", "Istanbul")}, {"location": place("cty:tr", "Turkey")},
     []),
    ("a plan that moved a day", {"date": day("2025-02-27"), "status": "planned"}, {"date": day("2025-02-28")}, []),
]


@pytest.mark.parametrize(("name", "first", "second", "conflicts"), CONFLICT_CASES, ids=[c[0] for c in CONFLICT_CASES])
def test_conflicting_reports_are_flagged_not_averaged(
    name: str, first: dict[str, Any], second: dict[str, Any], conflicts: list[str]
) -> None:
    events = [event("e1", "a1", ordinal=1, **first), event("e2", "a3", **{"ordinal": 1} | second)]
    (rnd,) = derive_rounds(events, DOSSIERS, SOURCES)
    assert rnd["conflicts"] == conflicts and rnd["flagged"] == bool(conflicts)
    assert len(rnd["dates"]) + len(rnd["locations"]) >= 2 if conflicts else True


def test_ordinal_and_cancelled_third_round() -> None:
    events = [
        event("e1", "a1", date=day("2025-02-27"), ordinal=1),
        event("e3", "a3", date=day("2025-04-10"), ordinal=2),
        event("e4", "a4", status="planned", ordinal=3, date={"start": "2025-06-01", "end": "2025-06-30",
                                                               "precision": "month", "text": "в июне"}),
        event("e5", "a5", status="cancelled", ordinal=3),
    ]
    rounds = derive_rounds(events, DOSSIERS, SOURCES)
    assert [(r["ordinal"], r["status"]) for r in rounds] == [(1, "occurred"), (2, "occurred"), (3, "cancelled")]
    assert [h["status"] for h in rounds[2]["status_history"]] == ["planned", "cancelled"]


def test_held_and_called_off_reports_of_one_round_are_flagged_side_by_side() -> None:
    """"Третья встреча прошла" vs "третий раунд отменили": kept both, flagged, not resolved."""
    events = [event("e4", "a4", status="cancelled", ordinal=3), event("e6", "a6", ordinal=3)]
    (rnd,) = derive_rounds(events, DOSSIERS, SOURCES)
    assert (rnd["conflicts"], rnd["flagged"]) == (["status"], True)
    assert [h["status"] for h in rnd["status_history"]] == ["cancelled", "occurred"]
    planned = derive_rounds([event("e4", "a4", status="planned", ordinal=3), event("e6", "a6", ordinal=3)],
                            DOSSIERS, SOURCES)
    assert planned[0]["conflicts"] == []  # planned, then held: no contradiction


def at(report: dict[str, Any], start: int) -> dict[str, Any]:
    """The report placed ``start`` characters into its article."""
    return report | {"evidence": [{**report["evidence"][0], "start": start, "end": start + 10}]}


TOPIC_CASES = [
    # a meeting with no topic of its own, in an article about the embassy talks
    ("no sides", [], True),
    ("a negotiator of the track", ["per:sergey-ryabkov"], True),
    ("envoys of another track", ["per:steve-witkoff", "per:kirill-dmitriev"], False),
]


@pytest.mark.parametrize(("name", "participants", "on_track"), TOPIC_CASES, ids=[c[0] for c in TOPIC_CASES])
def test_a_meeting_without_topic_takes_its_articles_track_when_its_sides_fit(
    name: str, participants: list[str], on_track: bool
) -> None:
    bare = at(event("e7", "a6", participants=participants, issues=[], summary="встреча", date=day("2025-12-20")), 200)
    rounds = derive_rounds([event("e6", "a6", date=day("2025-12-01")), bare], DOSSIERS, SOURCES)
    assert any("e7" in r["event_ids"] and r["track"] == "irritants" for r in rounds) == on_track


def test_an_undated_report_joins_the_round_told_just_before_it() -> None:
    """"Встреча продолжалась пять часов" after the second round's report, before a recap of the first."""
    bare = at(event("x", "a3", summary="встреча"), 200)
    events = [event("e1", "a1", ordinal=1, date=day("2025-02-27")), at(event("r1", "a3", ordinal=1), 0),
              at(event("r2", "a3", ordinal=2, date=day("2025-04-10")), 100), bare]
    by_ordinal = {r["ordinal"]: r["event_ids"] for r in derive_rounds(events, DOSSIERS, SOURCES)}
    assert "x" in by_ordinal[2] and "x" not in by_ordinal[1]


def test_a_numbered_round_with_no_topic_continues_its_series() -> None:
    """"A third round was called off" names no topic or party: it is the embassy talks' third."""
    bare = event("e5", "a5", status="cancelled", ordinal=3, participants=[], issues=[], summary="третий раунд")
    events = [event("e1", "a1", date=day("2025-02-27"), ordinal=1), event("e3", "a3", ordinal=2), bare]
    rounds = derive_rounds(events, DOSSIERS, SOURCES)
    assert [(r["track"], r["ordinal"], r["status"]) for r in rounds][-1] == ("irritants", 3, "cancelled")
    assert derive_rounds([bare], DOSSIERS, SOURCES) == []  # no series to continue: no round


def test_a_bare_next_round_takes_the_topic_of_its_article() -> None:
    """"Следующий раунд может состояться весной": the topic was named sentences before."""
    bare = event("e7", "a6", status="hypothetical", date=SPRING, participants=[], issues=[], summary="раунд",
                 evidence=[{"article_id": "a6", "start": 200, "end": 260, "text": "следующий раунд весной"}])
    rounds = derive_rounds([event("e6", "a6"), bare], DOSSIERS, SOURCES)
    assert ("irritants", "hypothetical") in {(r["track"], r["status"]) for r in rounds}


def test_round_ids_are_stable() -> None:
    events = [event("e1", "a1", date=day("2025-02-27"), ordinal=1), event("e2", "a2", date=day("2025-02-27"))]
    first = [r["id"] for r in derive_rounds(events, DOSSIERS, SOURCES)]
    assert first == [r["id"] for r in derive_rounds(list(reversed(events)), DOSSIERS, SOURCES)]


def test_round_outcome_collects_agreements_from_its_articles() -> None:
    events = [event("e1", "a1", date=day("2025-02-27")),
              event("e9", "a1", type="AGREE", summary="договорились по посольствам", date=day("2025-02-27"))]
    (rnd,) = derive_rounds(events, DOSSIERS, SOURCES)
    assert [o["id"] for o in rnd["outcome"]] == ["e9"]


# --- next steps ----------------------------------------------------------------------------------

SPRING = {"start": "2026-03-01", "end": "2026-04-15", "precision": "season", "text": "в начале весны"}


def test_next_steps_keep_coarse_dates_coarse() -> None:
    events = [event("e6", "a6", status="planned", date=SPRING), event("e1", "a1", date=day("2025-02-27"))]
    steps = next_steps(derive_rounds(events, DOSSIERS, SOURCES), events, DOSSIERS, SOURCES)
    assert [(s["record_id"] is not None, s["fixed"]) for s in steps] == [(True, False)]
    assert steps[0]["when"] == "2026-03-01 – 2026-04-15 («в начале весны»), no fixed date"


def test_dated_may_take_place_round_is_a_next_step_undated_is_not() -> None:
    events = [event("e6", "a6", status="hypothetical", date=SPRING), event("e7", "a6", status="hypothetical")]
    rounds = derive_rounds(events, DOSSIERS, SOURCES)
    assert [r["status"] for r in rounds] == ["hypothetical"]
    assert [s["record_id"] for s in next_steps(rounds, events, DOSSIERS, SOURCES)] == [rounds[0]["id"]]


def test_an_open_date_is_shown_and_ordered_by_its_end() -> None:
    from parleywatch.tracker.dates import describe, sort_key

    assert describe(BEFORE_MAY) == "before 2025-05-11 («более полугода назад»), no fixed date"
    assert sort_key(BEFORE_MAY) == "2025-05-11"


def test_phone_calls_are_not_rounds() -> None:
    assert derive_rounds([event("e1", "a1", mode="phone")], DOSSIERS, SOURCES) == []


def test_contacts_in_general_are_not_rounds() -> None:
    """"Контакты между Вашингтоном и Москвой оживились" names the channel, not a meeting."""
    assert derive_rounds([event("e1", "a1", trigger="Контакты")], DOSSIERS, SOURCES) == []
    assert len(derive_rounds([event("e1", "a1", trigger="консультации")], DOSSIERS, SOURCES)) == 1


# --- issue status --------------------------------------------------------------------------------

def test_issue_status_timeline_and_current_status() -> None:
    events = [event("e1", "a1", date=day("2025-02-27")), event("e4", "a4", status="suspended", date=day("2025-06-10"))]
    talk = statement("t1", "a3", "per:sergey-ryabkov", "Мы договорились о порядке работы посольств.")
    (record,) = derive_issue_statuses(events, [talk], DOSSIERS, SOURCES)
    assert record["id"] == "issue:us-russia-normalization:embassies"
    assert [(e["status"], e["record_id"]) for e in record["timeline"]] == [
        ("discussed", "e1"), ("agreed", "t1"), ("stalled", "e4")]
    assert record["status"] == "stalled" and record["latest"]["outlets"] == ["izvestia"]


STUCK_CASES = [
    # an event that did not happen gives its issue a status only when its sentence says it is stuck
    ("Прогресса нет и по вопросу возобновления выдачи виз.", ["stalled"]),
    ("Стороны хотят возобновить выдачу виз.", []),
]


@pytest.mark.parametrize(("text", "statuses"), STUCK_CASES)
def test_a_stuck_issue_from_an_event_that_did_not_happen(text: str, statuses: list[str]) -> None:
    wanted = event("e4", "a4", type="COOPERATE", status="hypothetical", issues=["visas"], summary="возобновления",
                   evidence=[{"article_id": "a4", "start": 0, "end": len(text), "text": text}])
    assert [r["status"] for r in derive_issue_statuses([wanted], [], DOSSIERS, SOURCES)] == statuses


STATUS_CASES = [
    ("Переговоры приостановлены", "stalled"),
    ("Стороны договорились о визах", "agreed"),
    ("Стороны не договорились", None),
    ("Washington rejected the proposal", "rejected"),
    ("Сторона запропонувала план", "proposal_made"),
    ("Погода хорошая", None),
]


@pytest.mark.parametrize(("text", "status"), STATUS_CASES)
def test_statement_status_cues(text: str, status: str | None) -> None:
    records = derive_issue_statuses([], [statement("t", "a1", "per:sergey-ryabkov", text)], DOSSIERS, SOURCES)
    assert [r["status"] for r in records] == ([status] if status else [])


# --- disagreements -------------------------------------------------------------------------------

STANCE_CASES = [
    ("Диалог приобрел устойчивый характер", "positive"),
    ("Диалог зашел в тупик", "negative"),
    ("Стороны не смогли добиться прогресса", "negative"),
    ("The talks were constructive", "positive"),
    ("Переговори зайшли в глухий кут", "negative"),
    ("Встреча состоится в Стамбуле", "neutral"),
]


@pytest.mark.parametrize(("text", "expected"), STANCE_CASES)
def test_stance(text: str, expected: str) -> None:
    assert stance(text) == expected


def test_disagreement_shows_both_quotes() -> None:
    said = [
        statement("t1", "a6", "per:sergey-lavrov", "Диалог по нормализации приобрел устойчивый характер", []),
        statement("t2", "a4", "per:sonata-coulter", "Переговоры по раздражителям зашли в тупик", []),
        statement("t3", "a5", "per:sonata-coulter", "Встреча по раздражителям пройдет в Стамбуле", []),
    ]
    (found,) = disagreements(said, DOSSIERS, SOURCES)
    assert (found["track"], found["issue"]) == ("irritants", None)
    assert [q["statement_id"] for q in found["positive"]] == ["t1"]
    assert [q["statement_id"] for q in found["negative"]] == ["t2"]


def test_issue_statement_conflicts_with_whole_track_statement() -> None:
    said = [statement("t1", "a6", "per:sergey-lavrov", "Диалог по нормализации приобрел устойчивый характер", []),
            statement("t2", "a4", "per:sonata-coulter", "Переговоры о визах приостановлены", ["visas"])]
    assert [(d["issue"], len(d["positive"]), len(d["negative"])) for d in disagreements(said, DOSSIERS, SOURCES)] == [
        (None, 1, 1)]


def anonymous(sid: str, article: str, text: str) -> dict[str, Any]:
    said = statement(sid, article, "x", text, [])
    return said | {"speaker": {"actor_id": None, "name": "собеседник издания", "type": "anonymous"}}


def test_an_unnamed_source_disagrees_in_the_context_of_its_article() -> None:
    """"Даже эти переговоры остановлены" names no topic: its article is about the embassy talks."""
    said = [statement("t1", "a6", "per:sergey-lavrov", "Контакты по нормализации приобрели устойчивый характер", []),
            anonymous("t2", "a4", "Даже эти переговоры остановлены")]
    (found,) = disagreements(said, DOSSIERS, SOURCES, [event("e4", "a4")])
    assert (found["track"], [q["statement_id"] for q in found["negative"]]) == ("irritants", ["t2"])


def test_a_quote_belongs_to_the_track_its_paragraph_is_about() -> None:
    """An article mostly about the peace plan quotes the minister in its embassy-talks paragraph."""
    peace = {"issues": ["peace_plan"], "summary": "мирный план", "participants": []}
    events = [at(event("p1", "a6", **peace), 0), at(event("p2", "a6", **peace), 100), at(event("e6", "a6"), 500),
              at(event("p3", "a6", **peace), 900)]
    said = [at(statement("t1", "a6", "per:sergey-lavrov", "Диалог идет, но не так быстро, как хотелось бы", []), 600),
            statement("t2", "a4", "per:sonata-coulter", "Все идет конструктивно", [])]
    (found,) = disagreements(said, DOSSIERS, SOURCES, [*events, event("e4", "a4")])
    assert (found["track"], [q["statement_id"] for q in found["negative"]]) == ("irritants", ["t1"])


UPBEAT = statement("t1", "a6", "per:sergey-lavrov", "Диалог по нормализации приобрел устойчивый характер", [])
SIDES_CASES = [
    # name, the other statements, (issue, positive ids, negative ids) of each disagreement
    ("another party", [statement("t2", "a4", "per:sonata-coulter", "Переговоры зашли в тупик", [])],
     [(None, ["t1"], ["t2"])]),
    ("one party is no disagreement", [statement("t2", "a4", "per:sergey-ryabkov", "Переговоры зашли в тупик", [])],
     []),
    ("only the speaker of another party is shown",
     [statement("t2", "a4", "per:sergey-ryabkov", "Переговоры зашли в тупик", []),
      anonymous("t3", "a5", "Даже эти переговоры по раздражителям остановлены")], [(None, ["t1"], ["t3"])]),
    ("an issue that names no talks is not the talks as a whole",
     [statement("t2", "a4", "per:sonata-coulter", "Выдача виз приостановлена", ["visas"])], []),
]


@pytest.mark.parametrize(("name", "others", "expected"), SIDES_CASES, ids=[c[0] for c in SIDES_CASES])
def test_disagreement_is_between_sides(name: str, others: list[dict[str, Any]],
                                       expected: list[tuple[str | None, list[str], list[str]]]) -> None:
    found = disagreements([UPBEAT, *others], DOSSIERS, SOURCES, [event("e4", "a4"), event("e5", "a5")])
    assert [(d["issue"], [q["statement_id"] for q in d["positive"]], [q["statement_id"] for q in d["negative"]])
            for d in found] == expected


def test_each_quote_names_its_party() -> None:
    said = [UPBEAT, statement("t2", "a4", "per:sonata-coulter", "Переговоры по раздражителям зашли в тупик", [])]
    (found,) = disagreements(said, DOSSIERS, SOURCES)
    assert (found["positive"][0]["party"], found["negative"][0]["party"]) == ("ru", "us")


def test_brief_shows_each_side_with_its_quote() -> None:
    said = [UPBEAT, statement("t2", "a4", "per:sonata-coulter", "Переговоры по раздражителям\n\nзашли в тупик", [])]
    lines = brief(ViewData([], [], [], said, SOURCES, DOSSIERS), date(2025, 6, 1))["sections"]["disagreements"]
    assert [(line["sentence"].split(": ", 1)[1], line["quote"]) for line in lines] == [
        ("per:sergey-lavrov (Russia), positive:", "Диалог по нормализации приобрел устойчивый характер"),
        ("per:sonata-coulter (United States), negative:", "Переговоры по раздражителям зашли в тупик")]


def test_one_speaker_changing_mind_is_no_disagreement() -> None:
    said = [statement("t1", "a1", "per:sergey-lavrov", "Диалог по раздражителям конструктивный"),
            statement("t2", "a6", "per:sergey-lavrov", "Диалог по раздражителям зашел в тупик")]
    assert disagreements(said, DOSSIERS, SOURCES) == []


# --- dossiers ------------------------------------------------------------------------------------

GOOD = {
    "id": "demo", "name": "Demo talks",
    "parties": [{"id": "a", "name": "A", "countries": ["RU"], "actors": ["gov:ru"]}],
    "tracks": [{"id": "main", "name": "Main", "parties": ["a"], "issues": [{"id": "visas", "keywords": ["виз"]}]}],
}
BAD_CASES = [
    ({"id": "Demo Talks"}, "id: 'Demo Talks': lowercase letters"),
    ({"name": ""}, "name: a non-empty string is required"),
    ({"parties": []}, "parties: a non-empty list is required"),
    ({"parties": [{"id": "a", "name": "A", "actors": ["Lavrov"]}]}, "parties[0].actors: 'Lavrov' is not an actor id"),
    ({"parties": [{"id": "a", "name": "A", "countries": ["Russia"]}]}, "parties[0].countries: ISO 3166-1"),
    ({"tracks": [{"id": "main", "name": "M", "parties": ["b"], "issues": [{"id": "visas"}]}]},
     "tracks[0].parties: 'b' is not a party"),
    ({"tracks": [{"id": "main", "name": "M", "parties": ["a"], "issues": [{"id": "weather"}]}]},
     "tracks[0].issues[0].id: 'weather' is not an issue topic"),
    ({"statuses": ["raised", "won"]}, "statuses: unknown status 'won'"),
]


@pytest.mark.parametrize(("change", "message"), BAD_CASES)
def test_dossier_errors_name_file_and_field(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(GOOD | change, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DossierError) as caught:
        load_dossier(path)
    assert str(caught.value).startswith(f"{path}: {message}")
    assert "\n" not in str(caught.value)


def test_good_dossier_and_broken_yaml(tmp_path: Path) -> None:
    path = tmp_path / "good.yaml"
    path.write_text(yaml.safe_dump(GOOD), encoding="utf-8")
    assert load_dossier(path).tracks[0].issue_ids == {"visas"}
    path.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(DossierError, match=r"good\.yaml: -: "):
        load_dossier(path)


def test_shipped_dossiers_name_registry_actors() -> None:
    data = Path(__file__).parent.parent / "src/parleywatch/actors/data"
    known = {e["id"] for f in ("persons", "organizations", "places") for e in yaml.safe_load(
        (data / f"{f}.yaml").read_text(encoding="utf-8"))}
    assert {d.id for d in DOSSIERS} == {"us-russia-normalization", "ukraine-peace"}
    assert [unknown_actor_ids(d, known) for d in DOSSIERS] == [[], []]


# --- the stage over a store ----------------------------------------------------------------------

def test_run_tracker_writes_rounds_and_issue_statuses(store: Store) -> None:
    events = [event("e1", "a1", date=day("2025-02-27"), ordinal=1), event("e2", "a2", date=day("2025-02-27"))]
    store.put_records("event", events)
    store.put_records("statement", [statement("t1", "a4", "per:sergey-ryabkov", "Переговоры приостановлены")])
    assert run_tracker(store) == "1 rounds (0 with conflicting reports), 1 issue statuses"
    assert run_tracker(store).startswith("1 rounds")
    (rnd,) = store.iter_records("round")
    assert rnd["kind"] == "round" and rnd["ordinal"] == 1
    assert [r["status"] for r in store.iter_records("issue_status")] == ["stalled"]


def test_documented_example_dossier_loads(tmp_path: Path) -> None:
    doc = (Path(__file__).parent.parent / "docs/DOSSIERS.md").read_text(encoding="utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "iran-nuclear.yaml"
    path.write_text(example, encoding="utf-8")
    dossier = load_dossier(path)
    assert (dossier.id, [t.id for t in dossier.tracks]) == ("iran-nuclear", ["nuclear"])


def test_records_match_the_export_schema() -> None:
    from parleywatch.export import validation_errors

    events = [event("e1", "a1", date=day("2025-02-27"), ordinal=1), event("e2", "a3", status="planned"),
              event("e9", "a1", type="AGREE", summary="договорились по посольствам", date=day("2025-02-27"))]
    said = [statement("t1", "a4", "per:sergey-ryabkov", "Переговоры приостановлены")]
    for records in (derive_rounds(events, DOSSIERS, SOURCES), derive_issue_statuses(events, said, DOSSIERS, SOURCES)):
        assert records
        for record in records:
            assert validation_errors(record) == []
