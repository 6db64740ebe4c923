"""The command line: parse arguments and stdin, call one core function, hand the result to render.

Errors from the core (MagcalcError) become `magcalc: error: ...` lines on stderr and an exit code.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Annotated, BinaryIO, ParamSpec, TypeVar

import typer
from pydantic import ValidationError

from magcalc import __version__, catalog, rda, render
from magcalc.errors import EXIT_BAD_INPUT, EXIT_CHECK_FAILED, EXIT_INTERRUPTED, MagcalcError
from magcalc.logfile import parse_log
from magcalc.models import Report, State, Target
from magcalc.render import Format
from magcalc.report import build_report, check, measure_all

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    name="magcalc",
    help="How much magnesium did I get, and is it enough? Reads a food log, finds each food in the "
    "bundled USDA SR28 table, and compares the total with the RDA. Not medical advice.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
foods_app = typer.Typer(
    help="Search the bundled USDA food table and show a food's measures.", no_args_is_help=True
)
app.add_typer(foods_app, name="foods")


class SexChoice(StrEnum):
    female = "female"
    male = "male"


FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output: a table for people, json or csv for scripts.")
]
AgeOption = Annotated[
    float | None, typer.Option("--age", help="Age in years (decimals for infants: 0.5).", show_default=False)
]
SexOption = Annotated[SexChoice | None, typer.Option("--sex", help="female or male.", show_default=False)]
PregnantOption = Annotated[bool, typer.Option("--pregnant", help="Use the pregnancy value.")]
LactatingOption = Annotated[bool, typer.Option("--lactating", help="Use the lactation value.")]
LogArgument = Annotated[
    str, typer.Argument(help="A CSV food log (food,amount,unit[,date,time,meal,note]); - reads stdin.")
]


def fail(*lines: str, code: int = EXIT_BAD_INPUT) -> typer.Exit:
    for line in lines:
        typer.echo(f"magcalc: error: {line}", err=True)
    return typer.Exit(code)


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the core's typed errors into one line each on stderr and a documented exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except MagcalcError as error:
            raise fail(*(str(p) for p in error.problems), code=error.exit_code) from None
        except ValidationError as error:
            raise fail(*(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())) from None
        except KeyboardInterrupt:
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # `magcalc ... | head`: the reader left; end quietly, without a traceback on flush.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None

    return wrapper


@contextlib.contextmanager
def open_input(path: str) -> Iterator[BinaryIO]:
    if path == "-":
        if sys.stdin.isatty():
            raise MagcalcError("- reads a food log from stdin, but stdin is a terminal: pipe a file in")
        yield sys.stdin.buffer
        return
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the core has read it
    except OSError as error:
        raise MagcalcError(f"cannot read {path}: {error.strerror or error}") from None
    with handle:
        yield handle


def person_target(age: float | None, sex: SexChoice | None, pregnant: bool, lactating: bool) -> Target:
    if pregnant and lactating:
        raise MagcalcError("give --pregnant or --lactating, not both")
    state: State = "pregnant" if pregnant else "lactating" if lactating else "none"
    person = rda.check_person(age, sex.value if sex else None, state)
    return rda.target(person)


def _report(path: str, age: float | None, sex: SexChoice | None, pregnant: bool, lactating: bool) -> Report:
    target = person_target(age, sex, pregnant, lactating)
    with open_input(path) as stream:
        parsed = parse_log(stream)
    return build_report(measure_all(parsed.entries, parsed.problems), target)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"magcalc {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """How much magnesium did I get, and is it enough? Not medical advice."""


@app.command()
@handles_errors
def log(
    file: LogArgument,
    age: AgeOption = None,
    sex: SexOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Report the magnesium in a food log against the reference intake for a person."""
    render.report(_report(file, age, sex, pregnant, lactating), fmt, sys.stdout)


@app.command(name="check")
@handles_errors
def check_command(
    file: LogArgument,
    minimum: Annotated[
        str, typer.Option("--min", help="The bar: rda, rls (300 mg, low end of the RLS trial range) or mg.")
    ] = "rda",
    age: AgeOption = None,
    sex: SexOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
) -> None:
    """Exit 0 when each day's total reaches the bar, 1 when it does not (one line on stdout)."""
    result = check(_report(file, age, sex, pregnant, lactating), minimum)
    typer.echo(result.message)
    if not result.passed:
        raise typer.Exit(EXIT_CHECK_FAILED)


@app.command(name="rda")
@handles_errors
def rda_command(
    age: AgeOption = None,
    sex: SexOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Print the reference intakes; with --age (and --sex) the one value for that person."""
    if age is None and sex is None and not (pregnant or lactating):
        render.rda_rows(rda.table_rows(), fmt, sys.stdout)
    else:
        render.target(person_target(age, sex, pregnant, lactating), fmt, sys.stdout)


@foods_app.command("search")
@handles_errors
def foods_search(
    query: Annotated[list[str], typer.Argument(help="Words to look for, e.g. pumpkin seeds roasted.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=500, help="How many matches.")] = 10,
    fmt: FormatOption = Format.table,
) -> None:
    """List the best matching USDA foods with magnesium per 100 g and per common portion."""
    hits = catalog.search(" ".join(query), limit)
    if not hits:
        raise MagcalcError(f"no USDA food matches {' '.join(query)!r}")
    render.search_hits(hits, fmt, sys.stdout)


@foods_app.command("show")
@handles_errors
def foods_show(
    food: Annotated[str, typer.Argument(help="A USDA id such as 11458 (or a food name).")],
    fmt: FormatOption = Format.table,
) -> None:
    """Show one food with magnesium per 100 g and all its USDA household measures."""
    render.food(catalog.show(food), fmt, sys.stdout)
