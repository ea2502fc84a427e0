"""The export contract: records validate against the JSON Schema; CSV and JSONL carry the same data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from parleywatch.errors import ExportError
from parleywatch.export import KINDS, export, export_schema, field_names, validation_errors
from parleywatch.ingest import ingest
from parleywatch.store import Store


def test_every_exported_article_is_valid(fixtures: Path, store: Store) -> None:
    ingest([str(fixtures)], store)
    out = io.StringIO()
    count = export(store, "jsonl", [], out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(records) == store.count_articles() > 5
    for record in records:
        assert validation_errors(record) == []
        assert record["kind"] == "article" and record["id"]


def test_csv_has_the_schema_columns(fixtures: Path, store: Store) -> None:
    ingest([str(fixtures / "page.html")], store)
    out = io.StringIO()
    export(store, "csv", ["article"], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == field_names("article")
    assert rows[0]["outlet"] == "reuters"


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"kind": "article", "id": "a1"}, "required"),
        ({"kind": "weather", "id": "w1"}, "unknown kind"),
        (
            {"kind": "event", "id": "e1", "type": "CHAT", "mode": None, "status": "occurred",
             "date": {"start": None, "end": None, "precision": "unknown", "text": ""}, "location": None,
             "participants": [], "issues": [], "summary": "",
             "evidence": [{"article_id": "a", "start": 0, "end": 1, "text": "x"}]},
            "CHAT",
        ),
    ],
)
def test_invalid_records_are_caught(record: dict[str, object], problem: str) -> None:
    assert any(problem in error for error in validation_errors(record))


def test_schema_documents_every_kind() -> None:
    schema = export_schema()
    assert set(KINDS) <= set(schema["$defs"])
    doc = (Path(__file__).parent.parent / "docs" / "SCHEMA.md").read_text("utf-8")
    for kind in KINDS:
        assert f"`{kind}`" in doc


@pytest.mark.parametrize(("fmt", "kinds"), [("xml", []), ("jsonl", ["weather"]), ("csv", [])])
def test_bad_export_requests(store: Store, fmt: str, kinds: list[str]) -> None:
    with pytest.raises(ExportError):
        export(store, fmt, kinds, io.StringIO())
