"""Ingest: readers for each raw format, cleaning of page furniture, outlets, languages."""

from parleywatch.ingest.build import article_id, build_article
from parleywatch.ingest.clean import Cleaned, clean
from parleywatch.ingest.outlets import Outlet, OutletRegistry, load_outlets
from parleywatch.ingest.pipeline import IngestReport, ingest, read_file

__all__ = [
    "Cleaned",
    "IngestReport",
    "Outlet",
    "OutletRegistry",
    "article_id",
    "build_article",
    "clean",
    "ingest",
    "load_outlets",
    "read_file",
]
