"""The record a date expression resolves to.

A ``DateSpan`` is what later stages store: an inclusive ISO range plus how precise it is, and the
character offsets of the surface text so every date points back to its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

PRECISIONS = ("day", "week", "month", "season", "year", "unknown")


@dataclass(slots=True, frozen=True)
class DateSpan:
    """A resolved date expression: ``text == source[char_start:char_end]``.

    ``start``/``end`` are ISO dates (``end`` inclusive); either is ``None`` when the expression
    leaves that side open ("более полугода назад" has no known start).
    """

    start: str | None
    end: str | None
    precision: str
    text: str
    char_start: int
    char_end: int

    def as_dict(self) -> dict[str, str | None]:
        """The fields an export needs; offsets stay out because they mean nothing on their own."""
        return {"start": self.start, "end": self.end, "precision": self.precision, "text": self.text}


def UNKNOWN(text: str = "") -> DateSpan:
    """A span for an expression that names a time but cannot be placed on the calendar."""
    return DateSpan(None, None, "unknown", text, 0, len(text))
