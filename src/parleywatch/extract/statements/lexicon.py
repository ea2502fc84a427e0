"""Per-language speech cues from ``extract/data/speech_<lang>.yaml``, loaded once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent.parent / "data"
NAME = r"(?:«[^»]{2,60}»|\"[^\"]{2,60}\"|“[^”]{2,60}”|[A-ZА-ЯЁІЇЄ][\w.-]*(?:\s+[A-ZА-ЯЁІЇЄ][\w.-]*){0,3})"


@dataclass(slots=True, frozen=True)
class SpeechLexicon:
    """Speech verbs, "according to" openers, outlet-chain patterns, anonymous and carry words."""

    language: str
    verbs: frozenset[str]
    according: re.Pattern[str]
    via: re.Pattern[str]
    anonymous: frozenset[str]
    carry: frozenset[str]
    evaluative: frozenset[str] = frozenset()  # "раскритиковал": an opinion stated without "что" or a quote


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def load_speech_lexicon(language: str) -> SpeechLexicon:
    """The lexicon of ``language``; languages without a file fall back to English."""
    path = DATA_DIR / f"speech_{language}.yaml"
    if not path.exists():
        return load_speech_lexicon("en")
    data = yaml.safe_load(path.read_text("utf-8"))
    return SpeechLexicon(
        language=language,
        verbs=frozenset(str(v).lower() for v in data["verbs"]),
        according=re.compile(r"(?<!\w)(?:" + _alternation(data["according"]) + r")(?!\w)", re.IGNORECASE),
        via=re.compile(r"(?<!\w)(?:" + _alternation(data["via"]) + r")\s+(?P<name>" + NAME + ")"),
        anonymous=frozenset(str(v).lower() for v in data["anonymous"]),
        carry=frozenset(str(v).lower() for v in data["carry"]),
        evaluative=frozenset(str(v).lower() for v in data.get("evaluative", [])),
    )
