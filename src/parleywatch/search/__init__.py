"""Full-text search over article lemmas: an incremental index and highlighted hits."""

from parleywatch.search.filters import ArticleFilters
from parleywatch.search.index import Hit, SearchResult, build_index, ensure_index, search
from parleywatch.search.lemmas import Lemmatizer

__all__ = ["ArticleFilters", "Hit", "Lemmatizer", "SearchResult", "build_index", "ensure_index", "search"]
