"""Errors a user can cause, each printed by the CLI as one line."""

from __future__ import annotations

import re
from pathlib import Path

# Characters a message must not carry to a terminal as they are: line breaks (one problem, one
# line), escape sequences (a window title, a cleared screen), NUL, and the bidirectional
# overrides that make a line read otherwise than it is.
_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """``text`` safe to print on a terminal: each unshowable character written as its escape, \\x1b."""
    return _UNSHOWABLE.sub(lambda match: ascii(match.group())[1:-1], text)


class BriefpackError(Exception):
    """A problem with the user's input; the CLI prints it and exits with 2."""

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{_display(self.path)}:"
            if self.line is not None:
                where += f"{self.line}:"
            where += " "
        return shown(where + self.message)


class ManifestError(BriefpackError):
    """One or more problems in a manifest, all reported together."""

    def __init__(self, problems: list[BriefpackError]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class SourceError(BriefpackError):
    """A source file that cannot be read as text."""


def _display(path: Path | str) -> str:
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a path that cannot resolve (a symlink loop)
        return str(path)
