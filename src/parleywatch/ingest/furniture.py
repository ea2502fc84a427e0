"""Knowledge about page furniture, loaded from ``data/furniture.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

MAX_FURNITURE_CHARS = 160


@dataclass(slots=True, frozen=True)
class Furniture:
    exact: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    markers: frozenset[str]

    def is_furniture(self, line: str) -> bool:
        """Exact labels, or a pattern on a short line: a long paragraph is story text even when
        it opens with a credit or mentions Ctrl+Enter."""
        key = normalize(line)
        return key in self.exact or (len(key) <= MAX_FURNITURE_CHARS and any(p.match(key) for p in self.patterns))

    def is_marker(self, line: str) -> bool:
        return normalize(line).rstrip(":") in self.markers


def normalize(line: str) -> str:
    """Lowercase, single-spaced, trimmed: the form furniture entries are written in."""
    return " ".join(line.split()).lower()


@cache
def load_furniture() -> Furniture:
    text = resources.files("parleywatch.ingest").joinpath("data/furniture.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return Furniture(
        exact=frozenset(normalize(e) for e in data["exact"]),
        patterns=tuple(re.compile(p, re.IGNORECASE) for p in data["patterns"]),
        markers=frozenset(normalize(m).rstrip(":") for m in data["markers"]),
    )
