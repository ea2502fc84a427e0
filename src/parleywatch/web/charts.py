"""Server-side SVG charts: a round timeline per track and statements per actor per week.

Every piece of text is escaped here (the SVG is inserted into the page as markup); links point
only at our own pages.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from html import escape
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from parleywatch.api.filters import record_start

LEFT, RIGHT, ROW, TOP, AXIS = 170, 50, 46, 20, 34
WIDTH = 900
STATUS_STYLE = {  # status -> (shape, colour); a legend is drawn from this table
    "occurred": ("circle", "#2e7d32"),
    "held": ("circle", "#2e7d32"),
    "planned": ("ring", "#1565c0"),
    "announced": ("ring", "#1565c0"),
    "postponed": ("diamond", "#ef6c00"),
    "suspended": ("diamond", "#ef6c00"),
    "cancelled": ("cross", "#c62828"),
    "denied": ("cross", "#c62828"),
}
OTHER_STYLE = ("square", "#616161")


def _day(record: dict[str, Any]) -> date | None:
    try:
        return date.fromisoformat((record_start(record) or "")[:10])
    except ValueError:
        return None


def shape(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y}" r="7" fill="{colour}"/>'
    if kind == "ring":
        return f'<circle cx="{x:.1f}" cy="{y}" r="6" fill="#fff" stroke="{colour}" stroke-width="3"/>'
    if kind == "diamond":
        return f'<path d="M{x:.1f} {y - 8}l8 8-8 8-8-8z" fill="{colour}"/>'
    if kind == "cross":
        return f'<path d="M{x - 6:.1f} {y - 6}l12 12m0-12l-12 12" stroke="{colour}" stroke-width="3"/>'
    return f'<rect x="{x - 6:.1f}" y="{y - 6}" width="12" height="12" fill="{colour}"/>'


def _scale(first: date, last: date) -> Any:
    span = max((last - first).days, 1)
    return lambda day: LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span


def _ticks(first: date, last: date, count: int = 6) -> list[date]:
    step = max((last - first).days // count, 1)
    return [first + timedelta(days=step * i) for i in range(count + 1) if first + timedelta(days=step * i) <= last]


def timeline(tracks: list[dict[str, Any]]) -> Markup:
    """Rounds on a date axis, one row per track, status by shape and colour; each links to its page."""
    days = [d for t in tracks for r in t["rounds"] if (d := _day(r))]
    if not days:
        return Markup('<p class="empty">No dated rounds yet.</p>')
    first, last = min(days) - timedelta(days=7), max(days) + timedelta(days=7)
    x = _scale(first, last)
    height = TOP + ROW * len(tracks) + AXIS
    parts = [f'<svg class="chart timeline" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="rounds timeline">']
    for row, track in enumerate(tracks):
        y = TOP + ROW * row + ROW // 2
        parts.append(f'<text x="8" y="{y + 4}" class="label">{escape(track["track"] or "—")}</text>')
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" class="lane"/>')
        parts.extend(_round_mark(r, x, y) for r in track["rounds"] if _day(r))
    parts.extend(_axis(first, last, x, TOP + ROW * len(tracks)))
    parts.append("</svg>")
    return Markup("".join(parts))


def _round_mark(record: dict[str, Any], x: Any, y: int) -> str:
    day = _day(record)
    assert day is not None
    kind, colour = STATUS_STYLE.get(str(record.get("status")), OTHER_STYLE)
    tip = escape(f"{record.get('ordinal') or ''} {day.isoformat()} {record.get('status') or ''}".strip())
    href = "/rounds/" + quote(str(record["id"]), safe="")
    return f'<a href="{href}" class="round"><title>{tip}</title>{shape(kind, x(day), y, colour)}</a>'


def _axis(first: date, last: date, x: Any, y: int) -> list[str]:
    parts = [f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" class="axis"/>']
    for tick in _ticks(first, last):
        parts.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{y}" y2="{y + 5}" class="axis"/>')
        parts.append(f'<text x="{x(tick):.1f}" y="{y + 18}" class="tick">{tick.isoformat()}</text>')
    return parts


def legend() -> Markup:
    """The status legend, from the same table the timeline draws with."""
    seen: dict[tuple[str, str], list[str]] = {}
    for status, style in STATUS_STYLE.items():
        seen.setdefault(style, []).append(status)
    items = [f'<svg width="18" height="18" viewBox="0 0 18 18">{shape(k, 9, 9, c)}</svg> {escape(" / ".join(s))}'
             for (k, c), s in seen.items()]
    return Markup('<p class="legend">' + " &nbsp; ".join(items) + "</p>")


def weekly_heatmap(counts: dict[str, Counter[date]]) -> Markup:
    """Statements per actor (rows) per week (columns), darker for more; counts printed in cells."""
    weeks = sorted({w for c in counts.values() for w in c})
    if not weeks:
        return Markup('<p class="empty">No dated statements yet.</p>')
    weeks = [weeks[0] + timedelta(weeks=i) for i in range((weeks[-1] - weeks[0]).days // 7 + 1)][-52:]
    cell = max(min((WIDTH - LEFT - RIGHT) // len(weeks), 40), 10)
    peak = max(max(c.values()) for c in counts.values())
    height = TOP + 24 * len(counts) + AXIS
    parts = [f'<svg class="chart heatmap" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="statements per week">']
    for row, (name, weekly) in enumerate(counts.items()):
        y = TOP + 24 * row
        parts.append(f'<text x="8" y="{y + 16}" class="label">{escape(name)}</text>')
        parts.extend(_cell(LEFT + i * cell, y, cell, weekly.get(w, 0), peak, w) for i, w in enumerate(weeks))
    y = TOP + 24 * len(counts) + 16
    parts.append(f'<text x="{LEFT}" y="{y}" class="tick">{weeks[0].isoformat()}</text>')
    parts.append(f'<text x="{WIDTH - RIGHT}" y="{y}" class="tick end">{weeks[-1].isoformat()}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _cell(x: int, y: int, size: int, count: int, peak: int, week: date) -> str:
    shade = 0.08 + 0.92 * count / peak if count else 0.0
    label = f'<text x="{x + size / 2:.1f}" y="{y + 15}" class="count">{count}</text>' if count and size >= 16 else ""
    return (f'<rect x="{x}" y="{y}" width="{size - 2}" height="20" fill="#1565c0" fill-opacity="{shade:.2f}" '
            f'stroke="#ddd"><title>week of {week.isoformat()}: {count}</title></rect>{label}')
