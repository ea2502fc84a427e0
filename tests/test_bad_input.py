"""Bad input: one clear line naming the file and the problem; the rest of the batch still lands."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parleywatch.cli import app, main
from parleywatch.ingest import ingest
from parleywatch.store import Store


def bad_files(folder: Path) -> dict[str, str]:
    """File name → the words its error must contain."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    (folder / "mis-encoded.txt").write_bytes(bytes(range(128, 256)) * 50)
    (folder / "truncated.html").write_text("<html><head><title>Broken</title></head><body><div><p>", "utf-8")
    (folder / "lines.jsonl").write_text('{"text": "Хорошая строка о переговорах в Женеве."}\n{bad json\n', "utf-8")
    return {
        "empty.txt": "file is empty",
        "binary.txt": "binary",
        "huge.txt": "MB limit",
        "mis-encoded.txt": "encod",
        "truncated.html": "no article text",
        "lines.jsonl:2": "malformed JSON",
        "missing.txt": "no such file",
    }


def test_each_bad_file_gets_its_own_error_and_good_files_land(tmp_path: Path, fixtures: Path, store: Store) -> None:
    expected = bad_files(tmp_path)
    shutil.copy(fixtures / "crawler_header.txt", tmp_path / "good.txt")
    report = ingest([str(tmp_path), str(tmp_path / "missing.txt")], store)
    messages = [str(e) for e in report.errors]
    for name, words in expected.items():
        line = next((m for m in messages if f"{name}:" in m or m.startswith(name)), None) or next(
            (m for m in messages if name in m), None
        )
        assert line is not None, f"no error for {name}: {messages}"
        assert words in line
        assert "\n" not in line
    assert len(report.new) == 2  # good.txt and the first JSONL line
    assert store.count_articles() == 2


def test_cli_exit_code_and_one_line_errors(tmp_path: Path, fixtures: Path) -> None:
    db = str(tmp_path / "cli.db")
    (tmp_path / "empty.txt").write_bytes(b"")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(fixtures / "page.html"), str(tmp_path / "empty.txt"), "--db", db])
    assert result.exit_code == 1
    assert "empty.txt: file is empty" in result.output
    assert "Traceback" not in result.output
    assert "1 new articles" in result.output


def test_earlier_articles_survive_a_failing_run(tmp_path: Path, fixtures: Path) -> None:
    db = str(tmp_path / "keep.db")
    with Store.open(db) as store:
        ingest([str(fixtures / "page.html")], store)
    (tmp_path / "broken.jsonl").write_text("{nope\n", "utf-8")
    with Store.open(db) as store:
        report = ingest([str(tmp_path / "broken.jsonl")], store)
        assert not report.ok
        assert store.count_articles() == 1


@pytest.mark.parametrize("content", [b"not a database at all, just text" * 100])
def test_a_file_that_is_not_a_database(tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(SystemExit) as stopped:
        main(["summary", "--db", str(path)])
    assert stopped.value.code == 1
    err = capsys.readouterr().err
    assert f"{path}: cannot open the database" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
