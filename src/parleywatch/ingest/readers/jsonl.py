"""JSONL: one article a line: ``text``, optional ``title``, ``url``, ``published``, ``outlet``, ``language``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from parleywatch.errors import InputError
from parleywatch.records import RawDocument

OPTIONAL_FIELDS = ("title", "url", "published", "outlet", "language")


def read(path: Path, text: str) -> Iterator[RawDocument | InputError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _parse_line(path, number, line)


def _parse_line(path: Path, number: int, line: str) -> RawDocument | InputError:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError(str(path), f"malformed JSON ({error.msg} at column {error.colno})", line=number)
    problem = _problem(item)
    if problem:
        return InputError(str(path), problem, line=number)
    fields = {name: _text_or_none(item.get(name)) for name in OPTIONAL_FIELDS}
    return RawDocument(source_path=str(path), text=item["text"], format="jsonl", position=number, **fields)


def _problem(item: Any) -> str | None:
    if not isinstance(item, dict):
        return "line is not a JSON object"
    if not isinstance(item.get("text"), str) or not item["text"].strip():
        return "line has no 'text' string"
    return None


def _text_or_none(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None
