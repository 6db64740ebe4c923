"""The errors the core raises. Only the CLI turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70  # a bug in magcalc (EX_SOFTWARE): never a traceback, always a report
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input; `line` is 1-based, None when no line is at fault."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line is not None else self.message


class MagcalcError(Exception):
    """Bad input or usage: the CLI prints every problem and exits with `exit_code`."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, *problems: Problem | str) -> None:
        self.problems = [p if isinstance(p, Problem) else Problem(p) for p in problems]
        super().__init__("; ".join(str(p) for p in self.problems))

    def at_line(self, line: int) -> MagcalcError:
        """The same problems, pinned to a line of the input."""
        return type(self)(*(Problem(p.message, line) for p in self.problems))


class UnknownFood(MagcalcError):
    """No food in the table reasonably matches what was typed."""


class UnitError(MagcalcError):
    """An amount or unit that cannot be read, or cannot be converted for this food."""


class PersonError(MagcalcError):
    """An impossible person (age out of range, pregnancy for a male, ...)."""
