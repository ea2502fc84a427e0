"""Golden end-to-end test: what the tracker must derive from the demo corpus (demo/README.md).

The expectations are what the demo articles say, written down by hand, not a snapshot of output:
the embassy-talks rounds in Istanbul on 27 February and 10 April 2025, the third round that was
called off, Ryabkov's "early spring" next round with no fixed date, the peace-plan meetings in
Riyadh, Geneva, Moscow and Miami, and a leaders' phone call that is not a round.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from parleywatch.cli import app
from parleywatch.store import Store
from parleywatch.tracker.views import load_view_data, steps

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


def test_the_third_embassy_round_was_called_off(rounds: list[dict[str, Any]]) -> None:
    thirds = [r for r in rounds if (r["process"], r["track"]) == IRRITANTS and r.get("ordinal") == 3]
    assert [r["status"] for r in thirds] == ["cancelled"]


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
