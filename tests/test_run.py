"""The main job end to end on the demo corpus: ingest, every stage, a valid export."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from pytest import MonkeyPatch
from typer.testing import CliRunner

from parleywatch import pipeline
from parleywatch.cli import app
from parleywatch.export import export, validation_errors
from parleywatch.store import Store

DEMO = Path(__file__).parent.parent / "demo" / "corpus"


def test_run_on_the_demo_corpus(db_url: str) -> None:
    db = db_url
    result = CliRunner().invoke(app, ["run", str(DEMO), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "16 new articles" in result.output
    with Store.open(db) as store:
        articles = list(store.iter_articles())
        assert all(a.story_id for a in articles)
        out = io.StringIO()
        export(store, "jsonl", [], out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["kind"] for r in records} >= {"article", "story"}
    assert [e for r in records for e in validation_errors(r)] == []
    by_source = {a.source_path.rsplit("/", 1)[-1]: a for a in articles}
    original = by_source["01_interfax_2025-02-27_round1.txt"]
    reprint = by_source["02_rbc_2025-02-27_round1_reprint.txt"]
    assert reprint.story_id == original.story_id
    assert reprint.duplicate_of == original.id


def test_second_run_finds_everything_known(db_url: str) -> None:
    db = db_url
    runner = CliRunner()
    runner.invoke(app, ["run", str(DEMO), "--db", db, "--quiet"])
    again = runner.invoke(app, ["run", str(DEMO), "--db", db, "--quiet"])
    assert again.exit_code == 0
    assert "0 new articles, 16 already known" in again.output
    assert "0 articles clustered" in again.output


def exported(db: str) -> list[str]:
    out = io.StringIO()
    with Store.open(db, create=False) as store:
        export(store, "jsonl", [], out)
    return out.getvalue().splitlines()


def test_dask_engine_gives_the_same_knowledge_as_one_process(tmp_path: Path) -> None:
    runner = CliRunner()
    local, distributed = str(tmp_path / "local.db"), str(tmp_path / "dask.db")
    assert runner.invoke(app, ["run", str(DEMO), "--db", local, "--quiet"]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(DEMO), "--db", distributed, "--quiet"]).exit_code == 0
    result = runner.invoke(app, ["process", "--db", distributed, "--engine", "dask", "--workers", "2", "--chunk", "3"])
    assert result.exit_code == 0, result.output
    assert "16 articles analysed" in result.output
    assert exported(distributed) == exported(local)


def test_engine_options_are_checked(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["process", "--db", str(tmp_path / "x.db"), "--engine", "spark"])
    assert result.exit_code == 1
    assert "--engine must be one of local, dask" in result.output


REPORTED = """ date 2025-03-04 Консультации в Анкаре
Консультации в Анкаре

Делегации России и Турции провели консультации в Анкаре 3 марта. Следующий раунд пройдёт в Москве в апреле.
"""


def stored_reports(db: str) -> set[str]:
    with Store.open(db, create=False) as store:
        return {r["id"] for r in store.iter_records("article_event")}


def test_reprocessing_an_article_leaves_no_stale_event_reports(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    """The extraction changed and finds one event fewer: its old report must go, not stay forever."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ankara.txt").write_text(REPORTED, "utf-8")
    db = str(tmp_path / "r.db")
    assert CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--db", db, "--quiet"]).exit_code == 0
    before = stored_reports(db)
    assert len(before) >= 2
    first = pipeline.extract_article

    def one_fewer(*args: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        events, statements = first(*args)
        return events[1:], statements

    monkeypatch.setattr(pipeline, "extract_article", one_fewer)
    monkeypatch.setattr(pipeline.ArticlePipeline, "version", pipeline.ArticlePipeline.version + "+changed")
    assert CliRunner().invoke(app, ["process", "--db", db]).exit_code == 0
    after = stored_reports(db)
    assert len(after) == len(before) - 1 and after < before
    with Store.open(db, create=False) as store:
        merged = list(store.iter_records("event"))
    assert len(merged) == len(after) and all("article_id" not in r for r in merged)
