"""parleywatch: news about a diplomatic process in, structured source-attributed knowledge out."""

import logging

from parleywatch.errors import ExportError, InputError, ParleyError, StoreError
from parleywatch.records import Article, RawDocument, Span
from parleywatch.settings import Settings

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ExportError",
    "InputError",
    "ParleyError",
    "RawDocument",
    "Settings",
    "Span",
    "StoreError",
    "__version__",
]
