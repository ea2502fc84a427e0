"""Tracker views and commands over a small store: timeline, issues, brief (md/html), actor."""

from __future__ import annotations

import json
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from parleywatch.records import Article
from parleywatch.store import Store
from parleywatch.tracker import run_tracker
from parleywatch.tracker.commands import actor, brief, issues, timeline

ARTICLES = [
    ("a1", "interfax", "2025-02-27T18:00", "https://example.org/1"),
    ("a4", "izvestia", "2025-11-11T15:00", None),
    ("a6", "kommersant", "2025-12-23T15:00", "https://example.org/6?a=1&b=<2>"),
]
SPRING = {"start": "2026-03-01", "end": "2026-04-15", "precision": "season", "text": "в начале весны"}
DAY = {"start": "2025-02-27", "end": "2025-02-27", "precision": "day", "text": "27 февраля"}
RU_US = ["per:alexander-darchiev", "per:sonata-coulter"]


def evidence(article: str, text: str) -> list[dict[str, Any]]:
    return [{"article_id": article, "start": 0, "end": len(text), "text": text}]


def meeting(eid: str, article: str, status: str, when: dict[str, Any], ordinal: int | None) -> dict[str, Any]:
    return {
        "id": eid, "type": "CONSULT", "mode": "meet", "status": status, "date": when, "ordinal": ordinal,
        "location": {"actor_id": "loc:istanbul", "name": "Istanbul"}, "participants": RU_US, "issues": ["embassies"],
        "summary": "консультации по раздражителям", "evidence": evidence(article, f"Текст <{eid}> *важно*"),
    }


def said(sid: str, article: str, who: str, text: str) -> dict[str, Any]:
    return {
        "id": sid, "speaker": {"actor_id": who, "name": who.split(":")[1], "type": "person"}, "text": text,
        "direct": True, "date": {"start": None, "end": None, "precision": "unknown", "text": ""}, "via": [],
        "issues": ["embassies"], "evidence": evidence(article, text), "article_id": article,
    }


@pytest.fixture
def filled(store: Store) -> Store:
    store.add_articles([
        Article(id=i, source_path=f"{i}.txt", url=u, outlet=o, title=i, published=p, language="ru", text="x" * 50)
        for i, o, p, u in ARTICLES
    ])
    store.put_records("actor", [{"id": "per:sergey-lavrov", "name": "Sergey Lavrov", "names": ["Лавров"],
                                 "type": "person", "country": "RU"}])
    store.put_records("event", [meeting("e1", "a1", "occurred", DAY, 1), meeting("e6", "a6", "planned", SPRING, None)])
    store.put_records("statement", [
        said("t1", "a4", "per:sonata-coulter", "Переговоры по посольствам приостановлены"),
        said("t2", "a6", "per:sergey-lavrov", "Диалог по посольствам приобрел устойчивый характер"),
    ])
    run_tracker(store)
    return store


def invoke(store: Store, command: Any, *args: str) -> Any:
    app = typer.Typer()
    app.command("x")(command)
    app.command("unused")(lambda: None)
    return CliRunner().invoke(app, ["x", *args, "--db", store.label])


def test_timeline_json_lists_rounds_with_citations(filled: Store) -> None:
    result = invoke(filled, timeline, "--process", "us-russia-normalization", "--json")
    rows = json.loads(result.stdout)
    assert [(r["ordinal"], r["status"], r["place"]) for r in rows] == [(1, "occurred", "Istanbul"), (None, "planned",
                                                                                                     "Istanbul")]
    assert rows[0]["citations"][0]["outlet"] == "interfax"


def test_timeline_window_and_table(filled: Store) -> None:
    result = invoke(filled, timeline, "--since", "2026-01-01", "--json")
    assert [r["status"] for r in json.loads(result.stdout)] == ["planned"]
    assert "Istanbul" in invoke(filled, timeline).stdout


def test_bad_date_is_a_usage_error(filled: Store) -> None:
    result = invoke(filled, timeline, "--since", "spring")
    assert result.exit_code == 2


def test_issues_show_status_and_disagreement(filled: Store) -> None:
    row, whole = json.loads(invoke(filled, issues, "--json").stdout)
    assert row["issue"] == "embassies" and row["status"] == "stalled"
    assert (whole["issue"], whole["tracks"]) == (None, ["irritants"])
    (split,) = row["disagreements"]
    assert [q["statement_id"] for q in split["positive"] + split["negative"]] == ["t2", "t1"]


def test_brief_markdown_cites_every_line(filled: Store) -> None:
    text = invoke(filled, brief, "--since", "2025-12-01").stdout
    lines = [line for line in text.splitlines() if line.startswith("- ")]
    assert lines and all("(" in line and ("kommersant" in line or "izvestia" in line) for line in lines)
    assert "\\*важно\\*" in text and "interfax" not in text
    assert "no fixed date" in text


def test_brief_html_escapes_everything(filled: Store) -> None:
    text = invoke(filled, brief, "--since", "2025-01-01", "--format", "html").stdout
    assert "&lt;e1&gt;" in text and "<e1>" not in text
    assert 'href="https://example.org/6?a=1&amp;b=&lt;2&gt;"' in text


def test_actor_by_alias_and_unknown(filled: Store) -> None:
    view = json.loads(invoke(filled, actor, "Лавров", "--json").stdout)
    assert [q["statement_id"] for q in view["statements"]] == ["t2"]
    assert invoke(filled, actor, "Nobody").exit_code == 1


def test_missing_database_is_one_line(tmp_path: Any) -> None:
    app = typer.Typer()
    app.command("x")(issues)
    app.command("unused")(lambda: None)
    result = CliRunner().invoke(app, ["x", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1


def test_a_round_held_and_called_off_shows_both_accounts() -> None:
    from parleywatch.tracker import Sources
    from parleywatch.tracker.views import round_row

    history = [{"status": "cancelled", "article_ids": ["a4"]}, {"status": "occurred", "article_ids": ["a6"]}]
    rnd = {"conflicts": ["status"], "flagged": True, "status_history": history, "dates": [], "locations": []}
    assert round_row(rnd, Sources())["alternatives"] == ["cancelled per a4", "occurred per a6"]
