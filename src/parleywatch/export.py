"""The export contract: every record as JSONL or CSV, shaped as ``docs/SCHEMA.md`` says."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any, TextIO

from jsonschema import Draft202012Validator

from parleywatch.errors import ExportError
from parleywatch.store import Store

KINDS = ("article", "actor", "mention", "event", "statement", "story", "round", "issue_status")
FORMATS = ("jsonl", "csv", "plover")


@cache
def export_schema() -> dict[str, Any]:
    text = resources.files("parleywatch").joinpath("schema/export.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validators() -> dict[str, Draft202012Validator]:
    schema = export_schema()
    return {
        kind: Draft202012Validator({**definition, "$defs": schema["$defs"]})
        for kind, definition in schema["$defs"].items()
        if kind in KINDS
    }


def validation_errors(record: dict[str, Any]) -> list[str]:
    """What is wrong with one record against the schema of its kind (empty when it is valid)."""
    validator = _validators().get(str(record.get("kind")))
    if validator is None:
        return [f"unknown kind {record.get('kind')!r}"]
    return [f"{'/'.join(map(str, e.path)) or '(record)'}: {e.message}" for e in validator.iter_errors(record)]


def iter_kind(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    """Records of one kind, in a stable order."""
    if kind == "article":
        return (article.as_record() for article in store.iter_articles())
    return store.iter_records(kind)


def field_names(kind: str) -> list[str]:
    """CSV columns of a kind: the schema's properties, in the order the schema lists them."""
    return list(export_schema()["$defs"][kind]["properties"])


def check_request(fmt: str, kinds: Iterable[str]) -> list[str]:
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    chosen = list(kinds) or list(KINDS)
    unknown = [k for k in chosen if k not in KINDS]
    if unknown:
        raise ExportError(f"unknown kind {unknown[0]!r}; choose from {', '.join(KINDS)}")
    if fmt == "csv" and len(chosen) != 1:
        raise ExportError("CSV holds one kind per file: pass --kind")
    if fmt == "plover":
        return ["event"]
    return chosen


def plover_records(store: Store) -> Iterator[dict[str, Any]]:
    """Events as PLOVER records (the ontology's JSON shape), with our status beside the type."""
    from parleywatch.actors.records import Actor
    from parleywatch.extract.plover import to_plover

    actors = {a["id"]: Actor.from_dict(a) for a in store.iter_records("actor")}
    return (to_plover(event, actors) for event in store.iter_records("event"))


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
        count += 1
    return count


def write_csv(kind: str, records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Nested values (lists, objects) become JSON inside their cell."""
    names = field_names(kind)
    writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow({k: _cell(record.get(k)) for k in names})
        count += 1
    return count


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def export(store: Store, fmt: str, kinds: Iterable[str], out: TextIO) -> int:
    """Write the chosen kinds to ``out``; returns the number of records written."""
    chosen = check_request(fmt, kinds)
    if fmt == "plover":
        return write_jsonl(plover_records(store), out)
    if fmt == "csv":
        return write_csv(chosen[0], iter_kind(store, chosen[0]), out)
    return sum(write_jsonl(iter_kind(store, kind), out) for kind in chosen)
