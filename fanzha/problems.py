"""Content problems: where (file:line), what is wrong and how to fix it, in Chinese."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from fanzha.messages import PROBLEMS_WARNING, Message


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    fix: str = ""
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        if self.fix:
            text += f" — {self.fix}"
        if self.warning:
            text = PROBLEMS_WARNING.format(problem=text)
        return text


class ContentError(Exception):
    """Raised when materials have problems; carries every problem of the run."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Problems:
    """Collects problems across a whole run so that all of them are reported together."""

    root: Path
    items: list[Problem] = field(default_factory=list)

    def relative(self, path: Path | str) -> str:
        # The path as the author sees it: a symlink is named by where it is, not where it leads.
        for candidate, root in ((Path(os.path.abspath(path)), Path(os.path.abspath(self.root))),
                                (Path(path).resolve(), self.root.resolve())):
            try:
                return candidate.relative_to(root).as_posix()
            except ValueError:
                continue
        return Path(path).as_posix()

    def add(self, path: Path | str, line: int, message: Message | str, fix: str = "", *, warning: bool = False) -> None:
        """`message`: a messages.Message with its fields filled in (its fix with it), or its two halves."""
        if isinstance(message, Message):
            message, fix = message.what, message.fix
        problem = Problem(self.relative(path), line, message, fix, warning)
        if problem not in self.items:  # the same text checked for several editions reports once
            self.items.append(problem)

    def warn(self, path: Path | str, line: int, message: Message | str, fix: str = "") -> None:
        self.add(path, line, message, fix, warning=True)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ContentError(self.errors)
