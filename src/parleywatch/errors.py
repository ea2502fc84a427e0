"""One exception hierarchy; the CLI turns each into a single line naming the input."""

from __future__ import annotations


class ParleyError(Exception):
    """Base of every error parleywatch raises on purpose."""


class InputError(ParleyError):
    """An input file that cannot be read as an article: names the file, the line and the problem."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.problem}"


class StoreError(ParleyError):
    """The database cannot be opened, is of another schema version, or refused a write."""


class ExportError(ParleyError):
    """An export was asked for a kind or format that does not exist."""
