"""Cleaning: from a scraped page to title, publication date and a body without page furniture.

The page is split into lines; each line gets a label from the first rule in ``LINE_RULES`` that
claims it, then block rules (``BLOCK_RULES``) relabel runs of lines: a footer after a "latest
news" marker, runs of short headline-like lines (link lists), headlines trailing the story.
Every rule is a small function that can be tested and switched off on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from parleywatch.ingest.furniture import Furniture, load_furniture
from parleywatch.ingest.pagedate import ANY_DATE, PageDate, find_date, is_dateline, parse_header
from parleywatch.records import RawDocument

TEXT, FURNITURE, DATELINE, MARKER, RELATED, TITLE, BLANK = (
    "text", "furniture", "dateline", "marker", "related", "title", "blank",
)
SENTENCE_END = re.compile(r"[.!?…][»\"”’')\]]*$")
GLUED_WORDS = re.compile(r"[а-яёіїєa-z][А-ЯЁІЇЄA-Z]")
TRAILING_COUNTER = re.compile(r"\s+\d[\d\s,.]*$")
HEADLINE_MAX = 220
SUBSTANTIAL = 120
LINK_RUN = 3
LABEL_MAX = 40


@dataclass(slots=True)
class Page:
    """The working state of one page while rules label its lines."""

    lines: list[str]
    labels: list[str]
    title_hint: str | None = None
    header_date: PageDate | None = None
    header_rest: str = ""
    furniture: Furniture = field(default_factory=load_furniture)


@dataclass(slots=True, frozen=True)
class Cleaned:
    title: str
    text: str
    published: str | None
    removed: tuple[str, ...]


# --- line rules: (page, index) -> label or None ---------------------------------------------------

def blank(page: Page, i: int) -> str | None:
    return BLANK if not page.lines[i].strip() else None


def furniture_phrase(page: Page, i: int) -> str | None:
    return FURNITURE if page.furniture.is_furniture(page.lines[i]) else None


def block_marker(page: Page, i: int) -> str | None:
    return MARKER if page.furniture.is_marker(page.lines[i]) else None


def dateline(page: Page, i: int) -> str | None:
    return DATELINE if is_dateline(page.lines[i]) else None


def glued_menu(page: Page, i: int) -> str | None:
    """``ВсеПолитикаОбществоПроисшествия``: menu items whose separators the scraper lost."""
    line = page.lines[i].strip()
    words = line.split()
    joints = len(GLUED_WORDS.findall(line))
    return FURNITURE if joints >= 2 and joints >= len(words) else None


def lone_label(page: Page, i: int) -> str | None:
    """One or two words standing alone (``Политика``, ``Мария Орлова``): a rubric or a byline."""
    line = page.lines[i].strip()
    return FURNITURE if len(line.split()) <= 2 and len(line) <= LABEL_MAX and not SENTENCE_END.search(line) else None


LINE_RULES: list[Callable[[Page, int], str | None]] = [
    blank, furniture_phrase, block_marker, dateline, glued_menu, lone_label,
]


# --- block rules: relabel runs of lines ---------------------------------------------------------

def cut_footer(page: Page) -> None:
    """After a "latest news" marker everything is footer, unless a real paragraph follows."""
    for i, label in enumerate(page.labels):
        if label == MARKER:
            end = _next_substantial(page, i + 1)
            for j in range(i, end):
                if page.labels[j] not in (BLANK, TITLE):
                    page.labels[j] = RELATED


def drop_link_runs(page: Page) -> None:
    """Three or more headline-like lines in a row, with nothing between, are a list of links."""
    run: list[int] = []
    for i in range(len(page.labels) + 1):
        if i < len(page.labels) and page.labels[i] == TEXT and is_headline_like(page.lines[i]):
            run.append(i)
            continue
        if i < len(page.labels) and page.labels[i] == BLANK:
            continue
        if len(run) >= LINK_RUN:
            for j in run:
                page.labels[j] = RELATED
        run = []


def drop_trailing_headlines(page: Page) -> None:
    """Headline-like lines after the story's last sentence are links to other stories.

    A page whose only text is headline-like keeps it: then the headline is the story.
    """
    for i in reversed(range(len(page.labels))):
        if page.labels[i] in (BLANK, FURNITURE, DATELINE, RELATED, MARKER):
            continue
        if page.labels[i] == TEXT and is_headline_like(page.lines[i]) and TEXT in page.labels[:i]:
            page.labels[i] = RELATED
            continue
        break


def drop_chrome_before_title(page: Page) -> None:
    """Lines above the headline (rubrics, menus, the site's own date) are page chrome."""
    if TITLE not in page.labels:
        return
    for i in range(page.labels.index(TITLE)):
        if page.labels[i] == TEXT:
            page.labels[i] = FURNITURE


BLOCK_RULES: list[Callable[[Page], None]] = [
    cut_footer, drop_link_runs, drop_trailing_headlines, drop_chrome_before_title,
]


# --- helpers ------------------------------------------------------------------------------------

def is_headline_like(line: str) -> bool:
    """Short, several words, and not ending like a sentence: a headline or a link text."""
    stripped = line.strip()
    return 0 < len(stripped) <= HEADLINE_MAX and len(stripped.split()) >= 2 and not SENTENCE_END.search(stripped)


def is_substantial(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= SUBSTANTIAL and bool(SENTENCE_END.search(stripped))


def _next_substantial(page: Page, start: int) -> int:
    for j in range(start, len(page.lines)):
        if page.labels[j] == TEXT and is_substantial(page.lines[j]):
            return j
    return len(page.lines)


def split_glued_meta(rest: str) -> tuple[str, PageDate | None]:
    """``Заголовок 5 21.12.2025, 12:09`` → the headline and the date/time glued after it."""
    matches = list(ANY_DATE.finditer(rest))
    if not matches or not is_dateline(rest[matches[-1].start():]):
        return rest, None
    head = TRAILING_COUNTER.sub("", rest[: matches[-1].start()]).strip()
    return head, find_date(rest[matches[-1].start():])


# --- the cleaning function ----------------------------------------------------------------------

def clean(raw: RawDocument) -> Cleaned:
    """Title, publication date and clean body of one raw document."""
    page = _page(raw)
    for i in range(len(page.lines)):
        page.labels[i] = next((label for rule in LINE_RULES if (label := rule(page, i))), TEXT)
    _mark_title(page)
    for block_rule in BLOCK_RULES:
        block_rule(page)
    title = _title(page)
    _drop_title_repeats(page, title)
    body = "\n\n".join(line.strip() for line, label in zip(page.lines, page.labels, strict=True) if label == TEXT)
    removed = tuple(
        line.strip() for line, label in zip(page.lines, page.labels, strict=True) if label not in (TEXT, BLANK, TITLE)
    )
    return Cleaned(title=title, text=body, published=_published(page, raw), removed=removed)


def _page(raw: RawDocument) -> Page:
    lines = raw.text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").split("\n")
    page = Page(lines=lines, labels=[TEXT] * len(lines), title_hint=(raw.title or "").strip() or None)
    header = parse_header(lines[0]) if lines else None
    if header:
        day, rest = header
        page.lines[0] = ""
        head, glued = split_glued_meta(rest)
        page.header_rest = "" if page.furniture.is_furniture(head) else head
        page.header_date = PageDate(day, glued.hour if glued else None, glued.minute if glued else None)
    return page


def _mark_title(page: Page) -> None:
    """Label the headline line, so that block rules know where the story starts."""
    if page.header_rest:
        return
    wanted = " ".join(page.title_hint.split()) if page.title_hint else None
    for i, line in enumerate(page.lines):
        if page.labels[i] != TEXT:
            continue
        if (wanted and " ".join(line.split()) == wanted) or (not wanted and is_headline_like(line)):
            page.labels[i] = TITLE
            return
        if wanted is None and is_substantial(line):
            return


def _title(page: Page) -> str:
    if page.header_rest:
        return page.header_rest
    if page.title_hint:
        return " ".join(page.title_hint.split())
    titled = [line for line, label in zip(page.lines, page.labels, strict=True) if label == TITLE]
    if titled:
        return " ".join(titled[0].split())
    first = next((line for line, label in zip(page.lines, page.labels, strict=True) if label == TEXT), "")
    return _shorten(first)


def _drop_title_repeats(page: Page, title: str) -> None:
    """Pages print the headline twice (the tab title and the h1); the body keeps neither."""
    wanted = " ".join(title.split()).rstrip(".").lower()
    repeats = [
        i for i, line in enumerate(page.lines)
        if page.labels[i] == TEXT and " ".join(line.split()).rstrip(".").lower() == wanted
    ]
    if len(repeats) < page.labels.count(TEXT):
        for i in repeats:
            page.labels[i] = TITLE


def _shorten(sentence: str, limit: int = 120) -> str:
    words = sentence.split()
    out = ""
    for word in words:
        if len(out) + len(word) > limit:
            return out.rstrip() + "…"
        out += word + " "
    return out.strip()


def _published(page: Page, raw: RawDocument) -> str | None:
    """The header's day (or the first dateline's) with the earliest time printed for that day."""
    if raw.published:
        return raw.published
    stamps = [page.header_date] if page.header_date else []
    top = page.labels.index(TEXT) if TEXT in page.labels else len(page.labels)
    stamps += [d for i in range(top) if page.labels[i] == DATELINE and (d := find_date(page.lines[i]))]
    day = next((s.day for s in stamps if s.day), None)
    if day is None:
        return None
    times = sorted((s.hour, s.minute) for s in stamps if s.hour is not None and s.day in (day, None))
    return PageDate(day, *times[0]).iso() if times else day.isoformat()
