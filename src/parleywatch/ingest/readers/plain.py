"""Plain text as a crawler saves it: the whole file is one article, cleaned later."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from parleywatch.errors import InputError
from parleywatch.records import RawDocument


def read(path: Path, text: str) -> Iterator[RawDocument | InputError]:
    yield RawDocument(source_path=str(path), text=text, format="text")
