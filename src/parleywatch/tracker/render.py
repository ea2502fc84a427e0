"""Renderers for the tracker views: rich tables for the terminal, JSON, Markdown and HTML briefs."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from parleywatch.tracker.brief import SECTIONS, TITLES

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|])")


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str)


def cite_text(cite: Mapping[str, Any]) -> str:
    """outlet, date, URL (or article id): what a reader needs to find the source."""
    parts = [cite.get("outlet") or "unknown outlet", str(cite.get("published") or "undated")[:10]]
    return ", ".join([*parts, str(cite.get("url") or cite.get("article_id"))])


def cites_text(cites: Sequence[Mapping[str, Any]]) -> str:
    return "; ".join(cite_text(c) for c in cites)


# --- terminal ------------------------------------------------------------------------------------


def timeline_table(rows: Sequence[Mapping[str, Any]]) -> Table:
    table = Table("when", "track", "round", "status", "place", "summary", "sources", title="Rounds")
    for row in rows:
        status = f"{row['status']} [red](conflicting reports)[/red]" if row.get("flagged") else str(row["status"])
        summary = "\n".join([str(row.get("summary") or ""), *row.get("alternatives", []), *row.get("outcome", [])[:3]])
        table.add_row(
            escape(row["when"]), escape(str(row["track"])), str(row.get("ordinal") or ""), status,
            escape(str(row.get("place") or "")), escape(summary), escape(cites_text(row["citations"])),
        )
    return table


def issues_table(rows: Sequence[Mapping[str, Any]]) -> Table:
    table = Table("process", "issue", "status", "since", "latest evidence", "disagreements", title="Issues")
    for row in rows:
        split = "\n".join(_disagreement_text(d) for d in row.get("disagreements", []))
        latest = f"{row.get('latest_text') or ''}\n{cites_text(row.get('citations', []))}".strip()
        table.add_row(
            escape(str(row["process"])), escape(str(row.get("issue") or "(the talks)")),
            escape(str(row.get("status_label") or row.get("status") or "")), escape(str(row.get("when") or "")),
            escape(latest), escape(split),
        )
    return table


def _disagreement_text(found: Mapping[str, Any]) -> str:
    def side(label: str, quotes: Sequence[Mapping[str, Any]]) -> str:
        return "; ".join(f"{label} {q['speaker']}: «{q['text']}» ({cites_text(_quote_cites(q))})" for q in quotes)

    return f"{side('+', found['positive'])}\n{side('−', found['negative'])}"


def _quote_cites(q: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [{"outlet": ", ".join(q.get("outlets") or []) or None, "published": q.get("reported"),
             "article_id": ", ".join(q.get("article_ids") or [])}]


def print_actor(view: Mapping[str, Any], console: Console) -> None:
    who = view["actor"]
    console.print(f"[bold]{escape(str(who['name']))}[/bold] ({escape(str(who['id']))})")
    if view["rounds"]:
        console.print(timeline_table(view["rounds"]))
    table = Table("reported", "statement", "sources", title="Statements")
    for q in view["statements"]:
        table.add_row(str(q.get("reported") or "")[:10], escape(str(q["text"])), escape(cites_text(_quote_cites(q))))
    console.print(table)


# --- brief ---------------------------------------------------------------------------------------


def md_escape(text: str) -> str:
    r"""Backslash-escape Markdown syntax so quoted text cannot format or link.

    >>> md_escape("a *b* [c](d)")
    'a \\*b\\* \\[c\\]\\(d\\)'
    """
    return MD_SPECIAL.sub(r"\\\1", text)


def _md_cite(cite: Mapping[str, Any]) -> str:
    label = md_escape(f"{cite.get('outlet') or 'unknown outlet'}, {str(cite.get('published') or 'undated')[:10]}")
    url = str(cite.get("url") or "")
    if url.startswith(("http://", "https://")):
        return f"[{label}](<{url.replace('<', '%3C').replace('>', '%3E').replace(' ', '%20')}>)"
    return f"{label}, {md_escape(str(url or cite.get('article_id')))}"


def brief_markdown(data: Mapping[str, Any]) -> str:
    lines = [f"# Brief since {md_escape(data['since'])}", ""]
    for name in SECTIONS:
        lines += [f"## {TITLES[name]}", ""]
        items = data["sections"][name]
        lines += [_md_item(i) for i in items] or ["_Nothing reported._"]
        lines.append("")
    return "\n".join(lines)


def _md_item(entry: Mapping[str, Any]) -> str:
    quote = f" «{md_escape(entry['quote'])}»" if entry.get("quote") else ""
    cites = "; ".join(_md_cite(c) for c in entry["citations"])
    return f"- {md_escape(entry['sentence'])}{quote} ({cites})"


def brief_html(data: Mapping[str, Any]) -> str:
    esc = html.escape
    parts = [f"<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Brief since {esc(data['since'])}</title>"
             f"</head><body>\n<h1>Brief since {esc(data['since'])}</h1>"]
    for name in SECTIONS:
        items = data["sections"][name]
        parts.append(f"<h2>{esc(TITLES[name])}</h2>")
        body = "".join(_html_item(i) for i in items) or "<li><em>Nothing reported.</em></li>"
        parts.append(f"<ul>{body}</ul>")
    return "\n".join([*parts, "</body></html>\n"])


def _html_item(entry: Mapping[str, Any]) -> str:
    quote = f" <q>{html.escape(entry['quote'])}</q>" if entry.get("quote") else ""
    cites = "; ".join(_html_cite(c) for c in entry["citations"])
    return f"<li>{html.escape(entry['sentence'])}{quote} <cite>({cites})</cite></li>"


def _html_cite(cite: Mapping[str, Any]) -> str:
    label = html.escape(f"{cite.get('outlet') or 'unknown outlet'}, {str(cite.get('published') or 'undated')[:10]}")
    url = str(cite.get("url") or "")
    if url.startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}">{label}</a>'
    return f"{label}, {html.escape(url or str(cite.get('article_id')))}"
