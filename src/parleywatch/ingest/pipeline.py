"""The ingest job: paths in, clean articles stored, a report of what was new, known or failed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parleywatch.errors import InputError
from parleywatch.ingest.build import build_article
from parleywatch.ingest.decode import decode_bytes
from parleywatch.ingest.detect import detect_format
from parleywatch.ingest.outlets import OutletRegistry, load_outlets
from parleywatch.ingest.readers import READERS
from parleywatch.ingest.sources import expand_paths
from parleywatch.records import Article
from parleywatch.settings import Settings
from parleywatch.store import Store

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    new: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_file(path: Path, outlets: OutletRegistry, settings: Settings) -> Iterator[Article | InputError]:
    """Every article of one file, or the errors that kept a file or an item out."""
    try:
        text = _read_text(path, settings)
    except InputError as error:
        yield error
        return
    reader = READERS[detect_format(path, text)]
    for item in reader(path, text):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield build_article(item, outlets, settings)
        except InputError as error:
            yield error


def _read_text(path: Path, settings: Settings) -> str:
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            limit = settings.max_file_bytes // (1024 * 1024)
            raise InputError(str(path), f"file is {size / 1024 / 1024:.0f} MB, over the {limit} MB limit")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read file ({error.strerror})") from None
    return decode_bytes(data, str(path))


def ingest(
    patterns: list[str],
    store: Store,
    settings: Settings | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Store every article found under ``patterns`` in batches; one bad file never stops the run."""
    settings = settings or Settings()
    outlets = load_outlets()
    report = IngestReport()
    batch: list[Article] = []
    for entry in expand_paths(patterns):
        if isinstance(entry, InputError):
            report.errors.append(entry)
            continue
        report.files += 1
        for item in read_file(entry, outlets, settings):
            _collect(item, batch, report)
            if len(batch) >= settings.batch_size:
                _flush(store, batch, report)
        if on_file:
            on_file(entry)
    _flush(store, batch, report)
    return report


def _collect(item: Article | InputError, batch: list[Article], report: IngestReport) -> None:
    if isinstance(item, InputError):
        logger.warning("%s", item)
        report.errors.append(item)
    else:
        batch.append(item)


def _flush(store: Store, batch: list[Article], report: IngestReport) -> None:
    for article, is_new in zip(batch, store.add_articles(batch), strict=True):
        (report.new if is_new else report.known).append(article.id)
    batch.clear()
