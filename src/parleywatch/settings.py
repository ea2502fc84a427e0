"""One settings object passed down the pipeline instead of many keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Settings:
    """What a run may be tuned by; checked up front so a bad value fails before any work."""

    max_file_bytes: int = 50 * 1024 * 1024
    batch_size: int = 200
    min_body_chars: int = 30

    def __post_init__(self) -> None:
        if self.max_file_bytes <= 0:
            raise ValueError("max_file_bytes must be positive")
        if not 1 <= self.batch_size <= 10_000:
            raise ValueError("batch_size must be in [1, 10000]")
        if self.min_body_chars < 0:
            raise ValueError("min_body_chars must be >= 0")
