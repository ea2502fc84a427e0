"""Settings of the HTTP service, read once from the environment and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

TOKEN_VAR = "PARLEY_INGEST_TOKEN"


def _token_from_env() -> str | None:
    return os.environ.get(TOKEN_VAR) or None


@dataclass(slots=True, frozen=True)
class ApiSettings:
    """Without an ingest token the service is read-only: the ingest endpoint refuses every call."""

    ingest_token: str | None = field(default_factory=_token_from_env)
    default_limit: int = 20
    max_limit: int = 200
    max_upload_bytes: int = 50 * 1024 * 1024
    build_index_on_start: bool = True
    cache_seconds: float = 30.0  # how stale the overview's aggregates and the search facets may be

    def __post_init__(self) -> None:
        if not 1 <= self.default_limit <= self.max_limit:
            raise ValueError("default_limit must be in [1, max_limit]")
        if self.cache_seconds < 0:
            raise ValueError("cache_seconds must be >= 0")
        if self.ingest_token is not None and len(self.ingest_token) < 8:
            raise ValueError(f"{TOKEN_VAR} must be at least 8 characters")
