"""Golden end-to-end test: what the tracker must derive from the demo corpus (demo/README.md).

The expectations are what the demo articles say, written down by hand, not a snapshot of output:
the embassy-talks rounds in Istanbul on 27 February and 10 April 2025, the third round that was
called off and that Ryabkov later said took place (kept side by side and flagged), Ryabkov's
"early spring" next round with no fixed date, the peace-plan meetings in Riyadh, Geneva, Moscow
and Miami (the Miami one dated only by "no breakthrough on Saturday"), a leaders' phone call that
is not a round, and sentences that must not become rounds or issue statuses: meetings counted
together, a channel opened, a summit still to be prepared, a visa question that did not move, what
the talks are about, talks going on; and arguments that are not the meeting's: whose envoy leads a
delegation, whose consulate the talks were held in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from parleywatch.cli import app
from parleywatch.store import Store
from parleywatch.tracker.views import issues, load_view_data, steps

DEMO = Path(__file__).parent.parent / "demo" / "corpus"
IRRITANTS = ("us-russia-normalization", "irritants")
PEACE_PLAN = ("ukraine-peace", "peace-plan")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("golden") / "demo.db")
    result = CliRunner().invoke(app, ["run", str(DEMO), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def rounds(demo_db: str) -> list[dict[str, Any]]:
    with Store.open(demo_db, create=False) as store:
        return list(store.iter_records("round"))


def on_day(rounds: list[dict[str, Any]], track: tuple[str, str], day: str) -> list[dict[str, Any]]:
    return [r for r in rounds if (r["process"], r["track"]) == track and r["date"]["start"] == day
            and r["date"]["precision"] == "day"]


@pytest.mark.parametrize(
    ("track", "day", "place", "ordinal"),
    [
        (IRRITANTS, "2025-02-27", "loc:istanbul", 1),
        (IRRITANTS, "2025-04-10", "loc:istanbul", 2),
        (PEACE_PLAN, "2025-02-18", "loc:riyadh", None),
        (PEACE_PLAN, "2025-11-23", "loc:geneva", None),
        (PEACE_PLAN, "2025-12-02", "loc:moscow", None),
    ],
)
def test_rounds_that_took_place(
    rounds: list[dict[str, Any]], track: tuple[str, str], day: str, place: str, ordinal: int | None
) -> None:
    (found,) = on_day(rounds, track, day)
    assert found["status"] == "occurred"
    assert found["location"]["actor_id"] == place
    if ordinal is not None:
        assert found["ordinal"] == ordinal


def test_each_istanbul_round_is_one_record_across_outlets(rounds: list[dict[str, Any]]) -> None:
    first, second = on_day(rounds, IRRITANTS, "2025-02-27"), on_day(rounds, IRRITANTS, "2025-04-10")
    assert {"interfax", "rbc"} <= set(first[0]["outlets"])
    assert {"tass", "moscowtimes"} <= set(second[0]["outlets"])
    assert {"per:alexander-darchiev", "per:sonata-coulter"} <= set(second[0]["participants"])


def test_the_third_embassy_round_called_off_and_said_held_is_flagged(rounds: list[dict[str, Any]]) -> None:
    """Five reports say the third round was cancelled; Ryabkov later says "another round" was held
    after two meetings: one record, both accounts in its history, flagged, nothing resolved away."""
    (third,) = [r for r in rounds if (r["process"], r["track"]) == IRRITANTS and r.get("ordinal") == 3]
    assert {"cancelled", "occurred"} <= {h["status"] for h in third["status_history"]}
    assert "status" in third["conflicts"] and third["flagged"]
    assert "kommersant" in third["outlets"]


def sentences(rnd: dict[str, Any]) -> list[str]:
    return [str(e["text"]) for e in rnd["evidence"]]


def test_the_last_of_two_meetings_is_the_second_round(rounds: list[dict[str, Any]]) -> None:
    """"До этого стороны успели провести две встречи. Последняя из них прошла в Стамбуле 10 апреля"."""
    (second,) = on_day(rounds, IRRITANTS, "2025-04-10")
    assert any(text.startswith("Последняя из них") for text in sentences(second))
    assert not any(text.startswith("До этого стороны") for r in rounds for text in sentences(r))


@pytest.mark.parametrize("needle", [
    "начала консультации о работе дипмиссий",  # a channel opened, undated
    "ведуть консультації",  # a channel carried on, undated
    "Инициативы по подготовке",  # a summit still to be prepared
    "До этого стороны",  # two meetings counted together
    "сосредоточены на работе дипмиссий",  # what the talks are about, not a meeting
    "обсуждают порядок выдачи виз",  # talks going on, no day or place of their own
])
def test_sentences_that_tell_of_no_round(rounds: list[dict[str, Any]], needle: str) -> None:
    assert [r["id"] for r in rounds if any(needle in text for text in sentences(r))] == []


def test_the_miami_round_is_dated_by_no_breakthrough_on_saturday(rounds: list[dict[str, Any]]) -> None:
    (miami,) = on_day(rounds, PEACE_PLAN, "2025-12-20")
    assert miami["location"]["actor_id"] == "loc:miami" and "unian" in miami["outlets"]
    assert any(text.startswith("Хоча в суботу") for text in sentences(miami))


def test_the_miami_delegation_is_led_by_the_envoy_not_by_whose_envoy_he_is(rounds: list[dict[str, Any]]) -> None:
    """"Американскую делегацию возглавил спецпосланник Дональда Трампа Стив Уиткофф"."""
    (miami,) = on_day(rounds, PEACE_PLAN, "2025-12-20")
    assert "per:steve-witkoff" in miami["participants"]
    assert "per:donald-trump" not in miami["participants"]


def test_a_russian_consulate_abroad_is_not_russia(rounds: list[dict[str, Any]]) -> None:
    """"Переговоры в генеральном консульстве России заняли около пяти часов" (in Istanbul)."""
    (second,) = on_day(rounds, IRRITANTS, "2025-04-10")
    assert any(text.startswith("Переговоры в генеральном консульстве") for text in sentences(second))
    assert [r["id"] for r in rounds if any(v["value"].get("actor_id") == "cty:ru" for v in r["locations"])] == []


def test_a_visa_question_that_did_not_move_is_stalled_not_implemented(demo_db: str) -> None:
    with Store.open(demo_db, create=False) as store:
        (visas,) = [r for r in store.iter_records("issue_status") if r["issue"] == "visas"]
    assert "implemented" not in {e["status"] for e in visas["timeline"]}
    stalled = [x["text"] for e in visas["timeline"] if e["status"] == "stalled" for x in e["evidence"]]
    assert any(text.startswith("Не продвинулся и вопрос") for text in stalled)


def test_an_unnamed_source_on_stopped_talks_disagrees_with_upbeat_ones(demo_db: str) -> None:
    with Store.open(demo_db, create=False) as store:
        rows = [r for r in issues(load_view_data(store)) if r["issue"] is None and r["tracks"] == ["irritants"]]
    (found,) = [d for r in rows for d in r["disagreements"]]
    assert any("остановлены даже эти технические обсуждения" in q["text"] for q in found["negative"])
    assert ("ru", "per:sergey-lavrov") in {(q["party"], q["actor_id"]) for q in found["positive"]}


def test_the_moscow_meeting_is_not_the_cancelled_round(rounds: list[dict[str, Any]]) -> None:
    (kremlin,) = on_day(rounds, PEACE_PLAN, "2025-12-02")
    assert kremlin.get("ordinal") is None
    assert "per:vladimir-putin" in kremlin["participants"]


def test_a_phone_call_is_not_a_round(rounds: list[dict[str, Any]]) -> None:
    assert [r for r in rounds if r["date"]["start"] == "2025-02-12"] == []


def test_next_embassy_round_is_early_spring_without_a_fixed_date(demo_db: str) -> None:
    with Store.open(demo_db, create=False) as store:
        upcoming = [s for s in steps(load_view_data(store)) if (s["process"], s["track"]) == IRRITANTS]
    spring = [s for s in upcoming if (s["date"]["start"] or "").startswith("2026-03")]
    assert spring, upcoming
    assert not spring[0]["fixed"]
    assert spring[0]["status"] in {"planned", "hypothetical"}


@pytest.fixture(scope="module")
def statements(demo_db: str) -> list[dict[str, Any]]:
    with Store.open(demo_db, create=False) as store:
        return list(store.iter_records("statement"))


def test_an_attribution_after_the_content_gives_the_sentence_before(statements: list[dict[str, Any]]) -> None:
    """"Контакты ... остаются устойчивыми. Об этом в понедельник сообщил ... Лавров. По его словам, ..."."""
    (found,) = [s for s in statements if s["text"].startswith("Рабочие контакты дипломатов")]
    assert found["speaker"]["actor_id"] == "per:sergey-lavrov" and found["date"]["start"] == "2025-12-22"
    assert [e["text"].split()[0] for e in found["evidence"]] == ["Рабочие", "Об"]
    (carried,) = [s for s in statements if s["text"].startswith("обмен нотами по работе посольств")]
    assert carried["speaker"]["actor_id"] == "per:sergey-lavrov"


def test_no_statement_says_only_who_said_it(statements: list[dict[str, Any]]) -> None:
    assert [s["text"] for s in statements if s["text"].lower().startswith(("об этом", "про це", "this was"))] == []


def test_the_minister_upbeat_and_the_embassy_gloomy_disagree_on_the_talks(demo_db: str) -> None:
    with Store.open(demo_db, create=False) as store:
        (row,) = [r for r in issues(load_view_data(store)) if r["id"] == "talks:us-russia-normalization:irritants"]
    (found,) = row["disagreements"]
    assert ("ru", "per:sergey-lavrov") in {(q["party"], q["actor_id"]) for q in found["positive"]}
    assert ("us", "org:us-embassy-moscow") in {(q["party"], q["actor_id"]) for q in found["negative"]}
