"""Outlet chains: "пишет «Интерфакс»", "со ссылкой на ТАСС", "told Reuters" -> outlet ids."""

from __future__ import annotations

import re

from parleywatch.extract.statements.lexicon import SpeechLexicon
from parleywatch.ingest import OutletRegistry

DATIVE = re.compile(r"«(?P<name>[^»]{2,40})»")  # "сказал «Коммерсанту»": an outlet in quotes


def outlet_id(name: str, outlets: OutletRegistry) -> str | None:
    """The outlet id of a name as written, trying case endings off ("Интерфаксу" -> interfax)."""
    bare = name.strip("«»\"“” ")
    for candidate in (bare, bare[:-1], bare[:-2]):
        outlet = outlets.by_name(candidate) if candidate == bare or len(candidate) >= 3 else None  # "«Ъ»"
        if outlet:
            return outlet.id
    return None


def find_via(text: str, lexicon: SpeechLexicon, outlets: OutletRegistry) -> list[tuple[int, int, str]]:
    """``(start, end, outlet)`` in text order (nearest to the reader first); a chain verb with a
    name that is no known outlet still counts when the name is in quotation marks."""
    found: dict[int, tuple[int, int, str]] = {}
    for match in lexicon.via.finditer(text):
        name = match.group("name")
        known = outlet_id(name, outlets)
        if known or name.startswith(("«", '"', "“")):
            found[match.start("name")] = (match.start("name"), match.end("name"), known or name.strip("«»\"“”"))
    for match in DATIVE.finditer(text):
        known = outlet_id(match.group("name"), outlets)
        if known and match.start() not in found:
            found[match.start()] = (match.start(), match.end(), known)
    return [found[k] for k in sorted(found)]
