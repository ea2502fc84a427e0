"""Which files an ``ingest PATH...`` call means: files, directories (recursively) and globs."""

from __future__ import annotations

import glob
from collections.abc import Iterator
from pathlib import Path

from parleywatch.errors import InputError

SKIPPED_NAMES = frozenset({".DS_Store", "Thumbs.db"})


def expand_paths(patterns: list[str]) -> Iterator[Path | InputError]:
    """Yield each input file once, in a stable order; a pattern that matches nothing is an error."""
    seen: set[Path] = set()
    for pattern in patterns:
        matches = _match(pattern)
        if not matches:
            yield InputError(pattern, "no such file or directory")
        for path in matches:
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                yield path


def _match(pattern: str) -> list[Path]:
    path = Path(pattern)
    if path.is_file():
        return [path]
    if path.is_dir():
        return _files_under(path)
    if glob.has_magic(pattern):
        found = [Path(p) for p in sorted(glob.glob(pattern, recursive=True))]
        return [f for p in found for f in ([p] if p.is_file() else _files_under(p))]
    return []


def _files_under(directory: Path) -> list[Path]:
    return sorted(
        p for p in directory.rglob("*")
        if p.is_file() and p.name not in SKIPPED_NAMES and not any(part.startswith(".") for part in p.parts[-1:])
    )
