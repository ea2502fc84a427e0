"""The main job end to end on the demo corpus: ingest, every stage, a valid export."""

from __future__ import annotations

import io
import json
from pathlib import Path

from typer.testing import CliRunner

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
