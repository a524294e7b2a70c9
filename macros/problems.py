"""What a content author is told: one plain line per problem, path first, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one content file."""

    path: str
    line: int | None
    field: str
    message: str

    def sort_key(self) -> tuple:
        """File, then line (problems without a line first), then field."""
        return (self.path, self.line or 0, self.field, self.message)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so a build can stop before writing anything."""

    def __init__(self, problems: list[Problem], files_checked: int):
        self.problems = sorted(set(problems), key=Problem.sort_key)
        self.files_checked = files_checked
        super().__init__(report(self.problems, files_checked))


def report(problems: list[Problem], files_checked: int) -> str:
    """All problems, one per line, and a closing line that says nothing was built."""
    problems = sorted(set(problems), key=Problem.sort_key)
    lines = [str(p) for p in problems]
    files = len({p.path for p in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    lines.append(f"{len(problems)} {noun} in {files} of {files_checked} content files. Nothing was built.")
    return "\n".join(lines)
