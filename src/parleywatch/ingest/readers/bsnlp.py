"""BSNLP shared-task raw files: id, language, date, URL, title on lines 1-5, then the text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from parleywatch.errors import InputError
from parleywatch.records import RawDocument


def read(path: Path, text: str) -> Iterator[RawDocument | InputError]:
    lines = text.split("\n")
    _ident, language, date, url, title = (line.strip() for line in (lines + [""] * 5)[:5])
    body = "\n".join(lines[5:])
    if not body.strip():
        # Some files lack the title line: line 5 is then the whole text.
        title, body = "", title
    if not body.strip():
        yield InputError(str(path), "BSNLP file has no text after its header lines")
        return
    yield RawDocument(
        source_path=str(path),
        text=body,
        format="bsnlp",
        title=title or None,
        url=url or None,
        published=date[:10] or None,
        language=language or None,
    )
