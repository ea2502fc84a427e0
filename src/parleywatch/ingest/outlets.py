"""The outlet registry: which outlet published an article, from its URL, site name or footer."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

import yaml


@dataclass(slots=True, frozen=True)
class Outlet:
    id: str
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]
    country: str
    language: str
    type: str


@dataclass(slots=True, frozen=True)
class OutletRegistry:
    outlets: tuple[Outlet, ...]
    # one pattern per outlet over its name and aliases: extraction asks about every org mention
    _patterns: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_patterns", tuple(_names(o.name, *o.aliases) for o in self.outlets))

    def by_url(self, url: str | None) -> Outlet | None:
        """Match the URL's host against registered domains, subdomains included."""
        host = (urlsplit(url).hostname or "").lower() if url else ""
        host = host.removeprefix("www.")
        for outlet in self.outlets:
            if any(host == d or host.endswith("." + d) for d in outlet.domains):
                return outlet
        return None

    def by_name(self, text: str | None) -> Outlet | None:
        """Find an outlet named in a site name, byline or copyright line."""
        if not text:
            return None
        return next((o for o, pattern in zip(self.outlets, self._patterns, strict=True) if pattern.search(text)), None)

    def get(self, outlet_id: str) -> Outlet | None:
        return next((o for o in self.outlets if o.id == outlet_id), None)

    def detect(self, url: str | None, site_name: str | None, footer: Iterable[str]) -> Outlet | None:
        """URL first (most reliable), then the page's site name, then copyright/footer lines."""
        return self.by_url(url) or self.by_name(site_name) or next(
            (found for line in footer if (found := self.by_name(line))), None
        )


def _names(*aliases: str) -> re.Pattern[str]:
    """Any of the names as whole words, case aside."""
    longest_first = sorted(aliases, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, longest_first))})(?!\w)", re.IGNORECASE)


@cache
def load_outlets() -> OutletRegistry:
    text = resources.files("parleywatch.ingest").joinpath("data/outlets.yaml").read_text("utf-8")
    entries = yaml.safe_load(text)
    return OutletRegistry(tuple(_outlet(entry) for entry in entries))


def _outlet(entry: dict[str, object]) -> Outlet:
    def strings(key: str) -> tuple[str, ...]:
        value = entry.get(key) or []
        return tuple(str(v) for v in value) if isinstance(value, list) else ()

    return Outlet(
        id=str(entry["id"]), name=str(entry["name"]), domains=strings("domains"), aliases=strings("aliases"),
        country=str(entry["country"]), language=str(entry["language"]), type=str(entry["type"]),
    )
