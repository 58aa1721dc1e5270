"""One exception family, as MkDocs has: everything the user can cause is a
GeneratorError whose message names the file (and line, where there is one)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class GeneratorError(Exception):
    """Base of every error the user can cause; the CLI prints it and exits 1."""


class InputError(GeneratorError):
    """An article file that cannot be read as an Arabic news text."""


class LexiconError(GeneratorError):
    """A lexicon or pattern data file that is malformed."""


class FactsError(GeneratorError):
    """YAML facts that do not parse or do not validate: carries every problem."""

    def __init__(self, problems: list["Problem"]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class StorageError(GeneratorError):
    """A write that could not be done safely (read-only folder, disk full, lock)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, printed as `path:line:col: message`."""

    path: str
    line: int = 0
    column: int = 0
    message: str = ""
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}"


def display_path(path: Path | str) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    p = Path(path)
    if not p.is_absolute() and ".." not in p.parts:
        return str(p)  # already as the user typed it (and no disk access on the hot path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)
