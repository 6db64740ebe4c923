"""The command line: parse arguments and stdin, call one core function, hand the result to render.

Errors from the core (MagcalcError) become `magcalc: error: ...` lines on stderr and an exit code.
"""

import contextlib
import datetime as dt
import functools
import importlib.util
import os
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from types import ModuleType
from typing import IO, TYPE_CHECKING, Annotated, Any, BinaryIO, ParamSpec, TypeVar

import typer
import typer.core

from magcalc import __version__
from magcalc.errors import EXIT_BAD_INPUT, EXIT_CHECK_FAILED, EXIT_INTERNAL, EXIT_INTERRUPTED, MagcalcError
from magcalc.formats import Format


def _lazy(name: str) -> ModuleType:
    """A module that is imported on first use: `magcalc --version` must not pay for Pydantic,
    Rich, the food table or SQLite (see bench/)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


if TYPE_CHECKING:
    from magcalc import dates, foods, logfile, models, paths, rda, render, units
    from magcalc import diary as diary_db
    from magcalc import report as reporting
    from magcalc.catalog import Catalog
    from magcalc.diary import Diary
    from magcalc.models import Added, Entry, LineItem, Person, Report, State, Target, UserFood
else:
    dates, foods, logfile, models, paths, rda, render, units = (
        _lazy(f"magcalc.{name}")
        for name in ("dates", "foods", "logfile", "models", "paths", "rda", "render", "units")
    )
    diary_db = _lazy("magcalc.diary")
    reporting = _lazy("magcalc.report")

PANEL_LOG = "What you log"
PANEL_LOOK = "What you look at"
PANEL_FOODS = "Your foods"
PANEL_REFERENCE = "Reference and settings"

P = ParamSpec("P")
R = TypeVar("R")

class MagcalcGroup(typer.core.TyperGroup):
    """Typer's group, keeping magcalc's promises: usage errors as one `magcalc: error:` line and
    exit 2, a mistyped command gets a suggestion, and flags show no `<bool>` in help. (A closed
    pipe is terminal.SafeStream's: it ends the run before Typer or Rich can exit 1.)"""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if args and self.get_command(ctx, name) is None and not name.startswith("-"):
            raise _usage_error(_no_such_command(ctx.command_path, name, list(self.list_commands(ctx))))
        return super().resolve_command(ctx, args)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if not kwargs.pop("standalone_mode", True):
            return super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]
        _hide_bool_metavars(self)
        words = kwargs.get("args") or (args[0] if args else None) or sys.argv[1:]
        if os.environ.get("NO_COLOR") and (not words or {"-h", "--help"} & set(words)):
            from typer import rich_utils  # help is Typer's: without this it is bold even with NO_COLOR

            rich_utils.COLOR_SYSTEM = None
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]
        except OSError as error:  # help written to a full disk: what the commands themselves say
            typer.echo(f"magcalc: error: {error.strerror or error}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except Exception as error:
            if type(error).__name__ == "Abort":
                sys.exit(EXIT_INTERRUPTED)
            if not hasattr(error, "format_message") or not hasattr(error, "exit_code"):
                raise
            if message := error.format_message():  # bare 'magcalc' prints its help, and no empty error
                typer.echo(f"magcalc: error: {_first_lower(message)}", err=True)
            sys.exit(EXIT_BAD_INPUT if error.exit_code == 2 else error.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


def _first_lower(message: str) -> str:
    message = " ".join(message.split())
    return message[:1].lower() + message[1:] if message[1:2].islower() else message


def _usage_error(message: str) -> Exception:
    usage_error = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
    return usage_error(message)  # type: ignore[no-any-return]


# What people type for a command magcalc has under another name.
_SYNONYMS = {"list": "foods mine", "ls": "foods mine", "delete": "rm", "remove": "rm", "today": "log",
             "report": "log", "show": "log", "search": "foods search", "top": "foods top"}  # fmt: skip


def _no_such_command(path: str, name: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        hint = f"{path} {close[0]}"
    elif name.lower() in _SYNONYMS and _SYNONYMS[name.lower()].split()[-1] not in known:
        hint = f"magcalc {_SYNONYMS[name.lower()]}"
    elif name.lower() in _SYNONYMS:
        hint = f"{path} {_SYNONYMS[name.lower()].split()[-1]}"
    else:
        return f"no command {name!r} in {path}; see {path} --help"
    return f"no command {name!r} in {path}; did you mean '{hint}'?"


def _hide_bool_metavars(command: Any) -> None:
    """Typer shows a flag's type as <bool>; a flag has no value to describe."""
    for param in getattr(command, "params", []):
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    original = command.get_help_option

    def help_option(ctx: typer.Context) -> Any:
        option = original(ctx)
        if option is not None:
            option.metavar = ""
        return option

    command.get_help_option = help_option
    for sub in getattr(command, "commands", {}).values():
        _hide_bool_metavars(sub)


app = typer.Typer(
    name="magcalc",
    cls=MagcalcGroup,
    help="How much magnesium did I get, and is it enough? Reads a food log, finds each food in the "
    "bundled USDA tables (SR28 and FNDDS), and compares the total with the RDA. Not medical advice.\n\n"
    "The diary and your own foods live in MAGCALC_HOME (default: the platform's user data folder); "
    "NO_COLOR turns colour off.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
foods_app = typer.Typer(
    cls=MagcalcGroup, help="Search the USDA food table, show a food's measures; your own foods.",
    no_args_is_help=True,
)  # fmt: skip
recipe_app = typer.Typer(
    cls=MagcalcGroup, help="Your recipes: magnesium per serving worked out from the ingredients.",
    no_args_is_help=True,
)  # fmt: skip
profile_app = typer.Typer(
    cls=MagcalcGroup, no_args_is_help=True,
    help="Store the person reports are for (age, sex, pregnancy or lactation), in the diary.",
)  # fmt: skip


class SexChoice(StrEnum):
    female = "female"
    male = "male"


class StandardChoice(StrEnum):
    iom = "iom"
    efsa = "efsa"


FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output: a table for people, json or csv for scripts.")
]
def _age(text: str | None) -> float | None:
    """An age in years (34, 0.5) or, for infants, in months (6m, 6mo)."""
    if text is None:
        return None
    cleaned = text.strip().lower()
    months = cleaned.endswith(("m", "mo", "months", "month"))
    number = cleaned.rstrip("monthsy ").strip() if months or cleaned.endswith(("y", "years")) else cleaned
    try:
        value = float(number)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not an age: give years (34, 0.5) or months (6m)") from None
    return value / 12 if months else value


AgeOption = Annotated[
    float | None,
    typer.Option("--age", help="Age in years (34), or months for infants (6m).", show_default=False,
                 parser=_age, metavar="AGE"),
]  # fmt: skip
SexOption = Annotated[SexChoice | None, typer.Option("--sex", help="female or male.", show_default=False)]
PregnantOption = Annotated[bool, typer.Option("--pregnant", help="Use the pregnancy value.")]
LactatingOption = Annotated[bool, typer.Option("--lactating", help="Use the lactation value.")]
StandardOption = Annotated[
    StandardChoice | None,
    typer.Option("--standard", help="Reference values: iom (US/Canada, the default) or efsa (EU).",
                 show_default=False),
]  # fmt: skip
LogArgument = Annotated[
    str | None,
    typer.Argument(
        help="A CSV food log (food,amount,unit[,date,time,meal,note]); - reads stdin. Without it, the diary.",
        show_default=False,
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option("--encoding", help="The input's text encoding, e.g. latin-1 (without it: UTF-8, or "
                 "Windows-1252 for a file that is not UTF-8).", show_default=False),
]  # fmt: skip


class _Input:
    """How this run reads its input files (set by each command that reads one)."""

    encoding: str | None = None
    keep_unknown: bool = False


_input = _Input()
KeepUnknownOption = Annotated[
    bool,
    typer.Option("--keep-unknown", help="Keep a food magcalc does not know as an entry of unknown magnesium "
                 "(the total then says incomplete) instead of refusing the whole input."),
]  # fmt: skip
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also print the full notes: trial citations and cautions.")
]
DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Use this diary file for this run (default: in the magcalc folder).",
                 show_default=False, dir_okay=False),
]  # fmt: skip
DateOption = Annotated[
    str | None, typer.Option("--date", help="A day: YYYY-MM-DD, today or yesterday.", show_default=False)
]
FromOption = Annotated[
    str | None, typer.Option("--from", help="First day of a range (YYYY-MM-DD, today, yesterday).",
                             show_default=False)
]  # fmt: skip
ToOption = Annotated[
    str | None, typer.Option("--to", help="Last day of a range (default: today).", show_default=False)
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
        except KeyboardInterrupt:
            if _committed:  # the change is in the diary: say so, or the person makes it twice
                typer.echo("magcalc: warning: interrupted after the change was saved (it is in the diary)",
                           err=True)  # fmt: skip
                raise typer.Exit(0) from None
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as error:
            if type(error).__module__.startswith("typer"):  # Exit, Abort, BadParameter: Typer's own
                raise
            from magcalc.terminal import interrupts

            if interrupts.seen:  # a module cut short by Ctrl-C fails to import: still an interruption
                raise typer.Exit(EXIT_INTERRUPTED) from None
            if _is_validation_error(error):
                problems = error.errors()  # type: ignore[attr-defined]
                raise fail(*(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in problems)) from None
            if isinstance(error, OSError):  # e.g. stdout on a full disk
                raise fail(
                    f"{error.strerror or error}{f': {error.filename}' if error.filename else ''}"
                ) from None
            if os.environ.get("MAGCALC_DEBUG"):
                raise
            raise fail(
                f"internal error ({type(error).__name__}: {error}); this is a bug in magcalc, please "
                "report it (MAGCALC_DEBUG=1 shows the traceback)",
                code=EXIT_INTERNAL,
            ) from None

    return wrapper


def _is_validation_error(error: Exception) -> bool:
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(error, pydantic.ValidationError)


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


@contextlib.contextmanager
def open_db(db: Path | None, *, write: bool) -> "Iterator[Diary | None]":
    """The diary (`--db`, else the magcalc folder's), with a warning when others can read it."""
    global _committed
    path = paths.diary_path(db)
    with diary_db.open_diary(path, write=write, create_folder=db is None) as diary:
        warning = diary_db.exposure(path)
        if warning and path not in _warned:
            _warned.add(path)
            say_warning(warning)
        try:
            yield diary
        finally:
            for problem in dict.fromkeys(diary.problems if diary else []):
                if problem not in _warned_problems:
                    _warned_problems.add(problem)
                    say_warning(problem)
    _committed = _committed or write


_warned: set[Path] = set()  # each diary's exposure is told once per run
_warned_problems: set[str] = set()  # and each stored row that cannot be read
_committed = False  # a write transaction of this run has committed


def today() -> dt.date:
    return dt.date.today()


def stored_profile(db: Path | None) -> "tuple[Person | None, str | None]":
    """The stored person and standard ((None, None) when there is no diary yet); the user's own
    foods, recipes and words are read into this run's catalog on the way."""
    with open_db(db, write=False) as diary:
        _run.catalog = catalog_of(diary)
        return (diary.profile(), diary.standard()) if diary else (None, None)


def catalog_of(diary: "Diary | None") -> "Catalog":
    """The foods this run knows: the bundled tables, and the diary's own foods and words."""
    from magcalc.catalog import Catalog

    if diary is None:
        return Catalog()
    from magcalc import userfoods

    return Catalog.of([userfoods.food(record) for record in diary.user_foods()], diary.words())


class _Run:
    """What one run of the command line holds: the catalog read from the diary."""

    catalog: "Catalog | None" = None


_run = _Run()


def current_catalog() -> "Catalog":
    if _run.catalog is None:
        from magcalc.catalog import Catalog

        _run.catalog = Catalog()
    return _run.catalog


def person_target(
    age: float | None,
    sex: SexChoice | None,
    pregnant: bool,
    lactating: bool,
    db: Path | None = None,
    use_profile: bool = True,
    standard: StandardChoice | None = None,
) -> "Target":
    """The target for the person given on the command line, completed from the stored profile:
    --age replaces the profile's age; --sex, --pregnant or --lactating replace its sex and state;
    --standard replaces the stored standard (default iom)."""
    if pregnant and lactating:
        raise MagcalcError("give --pregnant or --lactating, not both")
    state: State = "pregnant" if pregnant else "lactating" if lactating else "none"
    sex_given = sex is not None or state != "none"
    stored, stored_standard = stored_profile(db) if use_profile else (None, None)
    chosen = standard.value if standard else (stored_standard or "iom")
    if stored is not None:
        age = stored.age if age is None else age
        if not sex_given:
            return rda.target(rda.check_person(age, stored.sex, stored.state), chosen)
    return rda.target(rda.check_person(age, sex.value if sex else None, state), chosen)


def _to_stderr(line: str, indent: str = "  ") -> None:
    """A line on stderr: one line for a script or a file, wrapped between words on a terminal."""
    if sys.stderr.isatty():
        import shutil
        import textwrap

        width = shutil.get_terminal_size((80, 24)).columns
        line = textwrap.fill(line, width=max(width - 1, 40), subsequent_indent=indent, break_long_words=False,
                             break_on_hyphens=False)  # fmt: skip
    typer.echo(line, err=True)


def say_warning(text: str) -> None:
    """One warning on stderr (wrapped between words on a terminal)."""
    _to_stderr(f"magcalc: warning: {text}")


def warn(report: "Report") -> None:
    """Each warning's first sentence on stderr; the full caution text is in --verbose and JSON."""
    for warning in dict.fromkeys(report.warnings):
        first, _, rest = warning.partition(" Common side effects")
        say_warning(f"{first}{' (magcalc about rda)' if rest else ''}")


def _file_report(path: str, target: "Target") -> "Report":
    """The totals of a food log of any length (the report's entries are left out)."""
    with open_input(path) as stream:
        return reporting.stream_report(
            logfile.iter_log(stream, _input.encoding), target, current_catalog(),
            keep_unknown=_input.keep_unknown,
        )  # fmt: skip


def _streamed_report(
    path: str, target: "Target", fmt: Format, date: str | None, start: str | None, end: str | None,
    **options: object,
) -> "Report":
    """Write the report of a food log to stdout, entries as they are read (bounded memory). The
    output goes to a spool first (memory, then disk), so a bad row at the end prints nothing."""
    import shutil
    import tempfile

    from magcalc import terminal

    _no_diary_days(date, start, end)
    with (
        open_input(path) as stream,
        tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8") as spool,
    ):
        writer = render.ReportWriter(fmt, _Bounded(spool), **options)  # type: ignore[arg-type]
        report = reporting.stream_report(
            logfile.iter_log(stream, _input.encoding), target, current_catalog(), writer.add,
            keep_unknown=_input.keep_unknown, on_days=writer.on_days,
        )
        writer.finish(report)
        spool.seek(0)
        # a table is Rich's output, with Rich's colour codes: the way Rich writes to stdout
        shutil.copyfileobj(spool, terminal.rich_stream(sys.stdout) if fmt is Format.table else sys.stdout)
    return report


MAX_SPOOL_BYTES = 1 << 30  # the report of a log is held back until every row is read: at most 1 GiB


class _Bounded:
    """The spool a report is written to before any of it is printed (so that a bad row at the end
    prints nothing), refusing to grow past MAX_SPOOL_BYTES: a log that large is a mistake, and
    `magcalc check` or `log --format csv | ...` on smaller pieces is the way."""

    def __init__(self, spool: "IO[str]") -> None:
        self.spool = spool
        self.written = 0

    def write(self, text: str) -> int:
        self.written += len(text)
        if self.written > MAX_SPOOL_BYTES:
            raise MagcalcError(
                f"the report is larger than {MAX_SPOOL_BYTES >> 20:,} MiB: split the log into smaller files"
            )
        return self.spool.write(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self.spool, name)


def _diary_report(
    db: Path | None, target: "Target", date: str | None, start: str | None, end: str | None
) -> "tuple[Report, tuple[dt.date, dt.date]]":
    first, last = dates.span(today(), date, start, end)
    with open_db(db, write=False) as diary:
        items = diary.entries(first, last) if diary else []
    report = reporting.build_report(items, target)
    if not items:
        report.notes.insert(0, f"{_nothing_logged(first, last)}.")
    return report, (first, last)


def _nothing_logged(first: dt.date, last: dt.date) -> str:
    when = f"on {first}" if first == last else f"from {first} to {last}"
    return f"Nothing logged {when}; magcalc add FOOD AMOUNT UNIT to start"


def _log_title(file: str | None, first: dt.date | None = None, last: dt.date | None = None) -> str:
    if file is None:
        assert first is not None and last is not None
        return f"Your diary, {first}" + ("" if first == last else f" to {last}")
    return "Magnesium in " + ("the log on stdin" if file == "-" else Path(file).name)


def _no_diary_days(date: str | None, start: str | None, end: str | None) -> None:
    if date is not None or start is not None or end is not None:
        raise MagcalcError("--date, --from and --to choose days of the diary; give them without a FILE")


def _report(
    file: str | None,
    target: "Target",
    db: Path | None,
    date: str | None,
    start: str | None,
    end: str | None,
) -> "Report":
    if file is None:
        return _diary_report(db, target, date, start, end)[0]
    _no_diary_days(date, start, end)
    return _file_report(file, target)


def _save(path: Path, text: str, what: str = "chart") -> None:
    """Write a picture or page (atomically), and say so on stderr."""
    try:
        render.write_atomically(path, text)
    except OSError as error:
        raise MagcalcError(f"cannot write {path}: {error.strerror or error}") from None
    typer.echo(f"saved the {what} to {path}", err=True)


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
    global _committed
    from magcalc import terminal

    terminal.install()  # already done by the console script; here for tests through CliRunner
    _committed = False
    _warned_problems.clear()


@app.command()
@handles_errors
def log(
    file: LogArgument = None,
    date: DateOption = None,
    start: FromOption = None,
    end: ToOption = None,
    age: AgeOption = None,
    sex: SexOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    standard: StandardOption = None,
    db: DbOption = None,
    encoding: EncodingOption = None,
    keep_unknown: KeepUnknownOption = False,
    sources: Annotated[
        bool, typer.Option("--sources", help="Also show the foods and food groups that gave the most.")
    ] = False,
    verbose: VerboseOption = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Report the magnesium in a food log, or in the diary (today by default).

    Each entry with the food it matched, then a summary against the reference intake for the
    person (options, else the stored profile).
    """
    _input.encoding = encoding
    _input.keep_unknown = keep_unknown
    target = person_target(age, sex, pregnant, lactating, db, standard=standard)
    options: dict[str, Any] = {"verbose": verbose, "show_sources": sources,
                               "terminal": sys.stdout.isatty() or None}  # fmt: skip
    if file is None:
        report, (first, last) = _diary_report(db, target, date, start, end)
        render.report(report, fmt, sys.stdout, title=_log_title(None, first, last),
                      empty=_nothing_logged(first, last) + ".", grouped=True, **options)  # fmt: skip
    else:
        report = _streamed_report(file, target, fmt, date, start, end, title=_log_title(file), **options)
    warn(report)


@app.command(name="check")
@handles_errors
def check_command(
    file: LogArgument = None,
    minimum: Annotated[
        str | None,
        typer.Option(
            "--min",
            help="The bar: rda, rls (300 mg, low end of the RLS trial range) or mg "
            "[default: rda, unless only --max-supplement is given].",
            show_default=False,
        ),
    ] = None,
    max_supplement: Annotated[
        str | None,
        typer.Option(
            "--max-supplement",
            help="Also fail when supplemental magnesium is above this: ul (the person's upper limit) or mg.",
            show_default=False,
        ),
    ] = None,
    date: DateOption = None,
    start: FromOption = None,
    end: ToOption = None,
    age: AgeOption = None,
    sex: SexOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    standard: StandardOption = None,
    db: DbOption = None,
    encoding: EncodingOption = None,
) -> None:
    """Exit 0 when each day's total reaches the bar, 1 when it does not (one line on stdout).
    Without a FILE, checks the diary (today by default)."""
    _input.encoding = encoding
    target = person_target(age, sex, pregnant, lactating, db, standard=standard)
    if file is None:
        report, (first, last) = _diary_report(db, target, date, start, end)
        if not report.entries:
            typer.echo(f"short: nothing in the diary {first if first == last else f'from {first} to {last}'}")
            raise typer.Exit(EXIT_CHECK_FAILED)
    else:
        report = _report(file, target, db, date, start, end)
    results = []
    if minimum is not None or max_supplement is None:
        results.append(reporting.check(report, minimum or "rda"))
    if max_supplement is not None:
        results.append(reporting.check_supplement(report, max_supplement))
    warn(report)
    for result in results:
        typer.echo(result.message)
    if not all(result.passed for result in results):
        raise typer.Exit(EXIT_CHECK_FAILED)


@app.command(name="rda")
@handles_errors
def rda_command(
    age: AgeOption = None,
    sex: SexOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    standard: StandardOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Print the reference intakes (IOM, or --standard efsa); with --age (and --sex) the one value
    for that person."""
    if age is None and sex is None and not (pregnant or lactating):
        render.rda_rows(rda.table_rows(standard.value if standard else "iom"), fmt, sys.stdout)
    else:
        chosen = standard or StandardChoice.iom
        render.target(person_target(age, sex, pregnant, lactating, use_profile=False, standard=chosen), fmt,
                      sys.stdout)  # fmt: skip


class TopicChoice(StrEnum):
    rls = "rls"
    rda = "rda"
    supplements = "supplements"


@app.command()
@handles_errors
def about(
    topic: Annotated[
        TopicChoice,
        typer.Argument(help="rls (the trial range), rda (reference intakes and the UL) or supplements."),
    ],
    fmt: FormatOption = Format.table,
) -> None:
    """Explain a number magcalc uses (the RLS range, the RDA and UL, supplements), with its sources."""
    from magcalc.about import explain

    render.explanation(explain(topic.value), fmt, sys.stdout)


@foods_app.command("search")
@handles_errors
def foods_search(
    query: Annotated[list[str], typer.Argument(help="Words to look for, e.g. pumpkin seeds roasted.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=500, help="How many matches.")] = 10,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List the best matching foods (yours first, then USDA's) with magnesium per 100 g and per
    common portion."""
    stored_profile(db)
    hits = current_catalog().search(" ".join(query), limit)
    if not hits:
        raise MagcalcError(f"no USDA food matches {' '.join(query)!r}")
    render.search_hits(hits, fmt, sys.stdout)


@foods_app.command("show")
@handles_errors
def foods_show(
    food: Annotated[str, typer.Argument(help="A USDA id such as 11458, user/NAME, or a food name.")],
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Show one food with magnesium per 100 g and all its household measures."""
    stored_profile(db)
    render.food(current_catalog().show(food), fmt, sys.stdout)


# -- the diary ---------------------------------------------------------------------------------


def _day_totals(diary: "Diary", items: "list[LineItem]", target: "Target") -> "tuple[Added, list[Report]]":
    """The running total of each day the items landed on, and each such day's report (for warnings)."""
    dates = sorted({item.date for item in items if item.date is not None})
    reports = [reporting.build_report(diary.entries(date, date), target) for date in dates]
    totals = [total for report in reports for total in reporting.day_totals(report)]
    return models.Added(added=items, days=totals, reference=target), reports


def _entries_from_csv(path: str) -> "list[Entry]":
    with open_input(path) as stream:
        parsed = logfile.parse_log(stream, _input.encoding)
    if parsed.problems:
        raise MagcalcError(*parsed.problems)
    return [entry.model_copy(update={"entry_id": None}) for entry in parsed.entries]


def _entry_from_arguments(
    words: list[str], date: dt.date | None, time: str | None, meal: str | None, note: str | None,
) -> "Entry":  # fmt: skip
    """What was typed after `magcalc add`: FOOD AMOUNT [UNIT] ('almonds 1 oz', '"oat milk" 1 cup'),
    or a phrase ('2 eggs', '"a banana and 1 oz almonds"', 'peanut butter 2 tbsp')."""
    from magcalc.phrases import looks_like_phrase

    for name, text in (("food", " ".join(words)), ("meal", meal), ("note", note), ("time", time)):
        logfile.check_text(name, text or "")
    problems: list[str] = []
    parsed_time = logfile.parse_time(time.strip(), problems) if time else None
    if problems:
        raise MagcalcError(*problems)
    food, amount, unit = " ".join(words[0].split()), None, None
    # FOOD AMOUNT [UNIT], the food in one or more words: 'almonds 1 oz', 'magnesium glycinate 2 capsule'
    separated = any(w.strip() in (",", "and", "&", "+") or "," in w for w in words)
    if len(words) >= 2 and not looks_like_phrase(words[0]) and not separated:
        at = next((i for i in range(1, len(words)) if _is_amount(words[i])), None)
        if at is not None and len(words) - at <= 2:
            value, unit_in_amount = units.parse_amount(words[at])
            rest = words[at + 1] if len(words) > at + 1 else None
            if unit_in_amount and rest:
                raise MagcalcError(f"the unit is given twice: {unit_in_amount!r} in the amount and {rest!r}")
            food = " ".join(" ".join(words[:at]).split())
            amount, unit = value, rest or unit_in_amount
    if amount is None:
        food = " ".join(" ".join(words).split())  # a phrase: the reader takes it apart
    return models.Entry(
        line=1, input=food, amount=amount, unit=unit, date=date, time=parsed_time,
        meal=(meal or "").strip() or None, note=(note or "").strip() or None,
    )  # fmt: skip


def _is_amount(text: str) -> bool:
    try:
        units.parse_amount(text)
    except MagcalcError:
        return False
    return True


def _choose_doubtful(
    items: "list[LineItem]", db: Path | None, entries: "list[Entry]"
) -> "tuple[list[LineItem], list[str]] | None":
    """On a terminal: offer the candidates for each doubtful match, remember the person's choice
    as their own words for that food, and measure again. None when nothing was chosen."""
    from magcalc.catalog import words_key

    catalog = current_catalog()
    picked: list[tuple[str, foods.Food]] = []
    asked: set[str] = set()
    for item in items:
        if item.confident or item.food_id is None:
            continue
        words = reporting.food_words(item.input)
        if words_key(words) in asked:
            continue
        asked.add(words_key(words))
        match = catalog.resolve(words)
        taken = catalog.get(item.food_id) or match.food  # the entry's food (its unit may have chosen it)
        if match.confident and not match.rivals and taken.food_id == match.food.food_id:
            continue  # a sure food, a guess only as a part of its line ('pork and sauerkraut'): no choice
        doubt, alternatives = reporting.why_doubtful(item, match)
        others = [f for f in (match.food, *alternatives) if f.food_id != taken.food_id]
        options = list({f.food_id: f for f in (taken, *others)}.values())[:5]
        why = f" ({doubt})" if doubt else ""
        _to_stderr(f"{words!r} is not a sure match{why}. Which food did you mean?", indent="")
        for number, food in enumerate(options, start=1):
            mg = food.magnesium_mg_per_100g
            _to_stderr(f"  {number}. {food.description} ({food.food_id}), "
                       f"{'unknown' if mg is None else f'{mg:g}'} mg/100 g", indent="     ")  # fmt: skip
        while True:  # a number out of range asks again; Enter keeps the guess
            answer = typer.prompt(
                "Number (Enter keeps 1 as a guess)", default="", show_default=False, err=True
            ).strip()
            if not answer or (answer.isdigit() and 1 <= int(answer) <= len(options)):
                break
            typer.echo(f"{answer!r} is not one of 1-{len(options)}", err=True)
        if not answer:
            continue
        picked.append((words, options[int(answer) - 1]))
        catalog.words[words_key(words)] = options[int(answer) - 1].food_id
        catalog.forget_resolved()
    if not picked:
        return None
    measured = reporting.measure_entries(entries, catalog)  # a pick the amount does not fit fails here
    with open_db(db, write=True) as diary:  # only then remembered
        assert diary is not None
        for words, food in picked:
            diary.remember(words_key(words), food.food_id, words, today())
    for words, food in picked:
        typer.echo(f"magcalc: remembered {words!r} as {food.description} ({food.food_id}); "
                   "magcalc foods words lists what you taught it", err=True)  # fmt: skip
    return measured


@app.command()
@handles_errors
def add(
    what: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="WHAT...",
            help="What you ate, as you would say it: '2 eggs', 'a cup of cooked spinach', 'almonds 1 oz', "
            "or FOOD AMOUNT [UNIT]; several foods in one phrase become one entry each. - reads a CSV "
            "food log from stdin.",
            show_default=False,
        ),
    ] = None,
    file: Annotated[
        str | None,
        typer.Option(
            "--file", help="Add every row of this CSV food log (all or nothing).", show_default=False
        ),
    ] = None,
    date: DateOption = None,
    time: Annotated[str | None, typer.Option("--time", help="HH:MM.", show_default=False)] = None,
    meal: Annotated[
        str | None, typer.Option("--meal", help="breakfast, lunch, ...", show_default=False)
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Any note to keep.", show_default=False)] = None,
    each: Annotated[
        str | None,
        typer.Option(
            "--each",
            help="For a supplement in capsules or tablets: how much each holds, e.g. "
            "'100 mg' (elemental) or '500 mg compound'.",
            show_default=False,
        ),
    ] = None,
    age: AgeOption = None,
    sex: SexOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    standard: StandardOption = None,
    db: DbOption = None,
    encoding: EncodingOption = None,
    keep_unknown: KeepUnknownOption = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Add what you ate to the diary, and print the day's running total against the RDA."""
    _input.encoding = encoding
    day = dates.parse_day(date, today()) if date is not None else None
    if what == ["-"] or file is not None:
        if what and what != ["-"]:
            raise MagcalcError("give what you ate, or - (or --file) for a CSV food log, not both")
        if time or meal or note or each:
            raise MagcalcError("--time, --meal and --note are for one entry; a CSV log has columns for them")
        entries = _entries_from_csv(file or "-")
    elif not what:
        raise MagcalcError("say what you ate (e.g. magcalc add \"2 eggs\" or magcalc add almonds 1 oz), "
                           "or - for a CSV log")  # fmt: skip
    else:
        entries = [_entry_from_arguments(what, day, time, meal, note).model_copy(update={"each": each})]
    target = person_target(age, sex, pregnant, lactating, db, standard=standard)
    with render.progress(len(entries), sys.stderr, "Reading") as progress:
        items, doubts = reporting.measure_entries(entries, current_catalog(), keep_unknown=keep_unknown,
                                                  progress=progress)  # fmt: skip
    if doubts and sys.stdin.isatty() and sys.stderr.isatty() and fmt is Format.table:
        items, doubts = _choose_doubtful(items, db, entries) or (items, doubts)
    for doubt in doubts:
        say_warning(doubt)
    with open_db(db, write=True) as diary:
        assert diary is not None
        diary.begin("add")
        stored = diary.add(items, day or today())
        result, day_reports = _day_totals(diary, stored, target)
    render.added(result, fmt, sys.stdout)
    for report in day_reports:
        warn(report)


@app.command()
@handles_errors
def rm(
    ids: Annotated[list[str], typer.Argument(help="The ids of the entries, as the report shows them.")],
    db: DbOption = None,
) -> None:
    """Remove entries from the diary (magcalc undo brings them back)."""
    with open_db(db, write=True) as diary:
        assert diary is not None
        diary.begin("rm")
        removed = diary.remove([i.strip().lower() for i in ids])
    for item in removed:
        typer.echo(f"removed {item.entry_id}: {item.date} {item.what}", err=True)


@app.command()
@handles_errors
def edit(
    entry_id: Annotated[
        str, typer.Argument(metavar="ID", help="The id of the entry, as the report shows it.")
    ],
    amount: Annotated[str | None, typer.Option("--amount", help="New amount.", show_default=False)] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="New unit.", show_default=False)] = None,
    food: Annotated[
        str | None, typer.Option("--food", help="New food (matched again).", show_default=False)
    ] = None,
    date: DateOption = None,
    time: Annotated[
        str | None, typer.Option("--time", help="New time, HH:MM ('' clears).", show_default=False)
    ] = None,
    meal: Annotated[
        str | None, typer.Option("--meal", help="New meal ('' clears).", show_default=False)
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="New note ('' clears).", show_default=False)
    ] = None,
    age: AgeOption = None,
    sex: SexOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    standard: StandardOption = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Change an entry; a new food, amount or unit is matched and measured again."""
    for name, text in (("food", food), ("unit", unit), ("meal", meal), ("note", note), ("time", time)):
        logfile.check_text(name, text or "")
    target = person_target(age, sex, pregnant, lactating, db, standard=standard)
    problems: list[str] = []
    new_amount, unit_in_amount = units.parse_amount(amount) if amount is not None else (None, None)
    new_unit = unit_in_amount if unit is None else (unit.strip() or None)
    new_time = logfile.parse_time(time.strip(), problems) if time else None
    if problems:
        raise MagcalcError(*problems)
    if (
        amount is None
        and unit is None
        and food is None
        and not any(x is not None for x in (date, time, meal, note))
    ):
        raise MagcalcError(
            "nothing to change: give --amount, --unit, --food, --date, --time, --meal or --note"
        )
    with open_db(db, write=False) as reader:  # matching is slow: done before the write lock
        if reader is None:
            raise MagcalcError(f"no diary entry has the id {entry_id.strip().lower()!r}")
        old = reader.entry(entry_id.strip().lower())
    new = old
    if food is not None or amount is not None or unit is not None or unit_in_amount is not None:
        entry = models.Entry(
            line=1,
            input=" ".join(food.split()) if food is not None else old.input,
            amount=old.amount if new_amount is None else new_amount,
            unit=old.unit if new_unit is None and unit is None and unit_in_amount is None else new_unit,
            food_id=None if food is not None else old.food_id,
        )
        new = reporting.measure(entry, current_catalog())
    new = new.model_copy(
        update={
            "entry_id": old.entry_id,
            "date": dates.parse_day(date, today()) if date is not None else old.date,
            "time": old.time if time is None else new_time,
            "meal": old.meal if meal is None else (meal.strip() or None),
            "note": old.note if note is None else (note.strip() or None),
        }
    )
    with open_db(db, write=True) as diary:
        assert diary is not None
        if diary.entry(old.entry_id or "") != old:
            raise MagcalcError(f"the entry {old.entry_id} was changed meanwhile; nothing changed, try again")
        diary.begin("edit")
        stored = diary.replace(old.entry_id or "", new)
        result, day_reports = _day_totals(diary, [stored], target)
    render.added(result, fmt, sys.stdout, verb="Changed")
    for report in day_reports:
        warn(report)


@app.command()
@handles_errors
def undo(db: DbOption = None) -> None:
    """Reverse the last change to the diary's entries (add, rm, edit or import); again for the one before."""
    with open_db(db, write=True) as diary:
        assert diary is not None
        change = diary.undo()
    if change is None:
        raise MagcalcError("nothing to undo: the diary has no recorded changes")
    shown = "; ".join(change.described[:3])
    more = change.entries - min(len(change.described), 3)
    if more > 0:
        shown += f"{'; ' if shown else ''}{more} more entr{'y' if more == 1 else 'ies'}"
    typer.echo(f"undid {change.command}: {shown}", err=True)


@profile_app.command("set")
@handles_errors
def profile_set(
    age: AgeOption = None,
    sex: SexOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    neither: Annotated[bool, typer.Option("--neither", help="Neither pregnant nor lactating.")] = False,
    standard: StandardOption = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Store the person; reports then use it. Options given later on a command override it for that run."""
    if sum((pregnant, lactating, neither)) > 1:
        raise MagcalcError("give one of --pregnant, --lactating or --neither")
    if age is None and sex is None and not (pregnant or lactating or neither) and standard is None:
        raise MagcalcError("give --age and --sex (and --pregnant, --lactating or --neither) to store")
    path = paths.diary_path(db)
    with open_db(db, write=True) as diary:
        assert diary is not None
        old = diary.profile() or models.Person()
        state: State = (
            "pregnant" if pregnant else "lactating" if lactating else "none" if neither else old.state
        )
        new_sex = sex.value if sex else ("female" if pregnant or lactating else old.sex)
        if sex is not None and state != "none" and not (pregnant or lactating) and sex.value == "male":
            state = "none"
        person = rda.check_person(old.age if age is None else age, new_sex, state)
        if person.age is None or person.sex is None:
            raise MagcalcError("a profile needs both --age and --sex")
        chosen = standard.value if standard else (diary.standard() or "iom")
        reference = rda.target(person, chosen)
        diary.set_profile(person)
        diary.set_standard(chosen)
    render.profile(
        models.Profile(person=person, standard=chosen, diary=str(path), reference=reference), fmt, sys.stdout
    )


@profile_app.command("show")
@handles_errors
def profile_show(db: DbOption = None, fmt: FormatOption = Format.table) -> None:
    """Show the stored person and the reference intake it gives."""
    person, standard = stored_profile(db)
    reference = rda.target(person, standard or "iom") if person else None
    view = models.Profile(
        person=person, standard=standard or "iom", diary=str(paths.diary_path(db)), reference=reference
    )
    render.profile(view, fmt, sys.stdout)


@app.command()
@handles_errors
def history(
    days: Annotated[
        int | None,
        typer.Option("--days", "-d", help="The last N days, ending today [default: 14].", show_default=False),
    ] = None,
    start: FromOption = None,
    end: ToOption = None,
    svg: Annotated[
        Path | None,
        typer.Option(
            "--svg", help="Also save the chart as an SVG picture.", show_default=False, dir_okay=False
        ),
    ] = None,
    age: AgeOption = None,
    sex: SexOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    standard: StandardOption = None,
    db: DbOption = None,
    sources: Annotated[
        bool, typer.Option("--sources", help="Also show the foods and food groups that gave the most.")
    ] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """One row a day: total, percent of the RDA, met or not, with a bar chart, the average and the streak."""
    from magcalc.history import build_history

    if days is None and start is None and end is None:
        days = 14
    first, last = dates.span(today(), None, start, end, days)
    target = person_target(age, sex, pregnant, lactating, db, standard=standard)
    with open_db(db, write=False) as diary:
        sums = diary.day_sums(first, last) if diary else {}
        by_food = diary.food_sums(first, last) if diary else {}
    result = build_history(sums, target, first, last, by_food)
    if svg is not None:
        from magcalc.charts import history_svg

        _save(svg, history_svg(result, target.description))
    render.history(result, fmt, sys.stdout, show_sources=sources)


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


@app.command(name="report")
@handles_errors
def report_command(
    file: LogArgument = None,
    start: FromOption = None,
    end: ToOption = None,
    html: Annotated[
        Path,
        typer.Option("--html", help="Write the page to this file.", show_default=False, dir_okay=False),
    ] = Path("magcalc-report.html"),
    age: AgeOption = None,
    sex: SexOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    standard: StandardOption = None,
    db: DbOption = None,
    encoding: EncodingOption = None,
) -> None:
    """Write a printable HTML page for a clinician: a period of the diary (or a FILE).

    Who and which standard, the daily average against the RDA, days met, the chart, the top
    sources, supplements against the UL with the cautions, entries to check, the sources.
    """
    _input.encoding = encoding
    from magcalc.charts import history_svg
    from magcalc.history import history_of
    from magcalc.pages import clinic_page

    target = person_target(age, sex, pregnant, lactating, db, standard=standard)
    if file is None:
        first, last = dates.span(today(), None, start, end)
        with open_db(db, write=False) as diary:
            items = diary.entries(first, last) if diary else []
    else:
        _no_diary_days(None, start, end)
        with open_input(file) as stream:
            parsed = logfile.parse_log(stream, _input.encoding)
        items = reporting.measure_all(parsed.entries, parsed.problems)
        days = sorted({item.date for item in items if item.date is not None}) or [today()]
        first, last = days[0], days[-1]
    result = reporting.build_report(items, target)
    period = history_of(result, first, last)
    _save(html, clinic_page(result, period, history_svg(period, target.description), today()), "report")
    warn(result)


@app.command()
@handles_errors
def export(
    start: FromOption = None,
    end: ToOption = None,
    db: DbOption = None,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv (what magcalc log and import read) or json.")
    ] = ExportFormat.csv,
) -> None:
    """Write diary entries (all, or --from/--to) to stdout in the CSV format magcalc log reads."""
    with open_db(db, write=False) as diary:
        if diary is None:
            items: list[LineItem] = []
        else:
            first = dates.parse_day(start, today(), "--from") if start else None
            last = dates.parse_day(end, today(), "--to") if end else None
            items = diary.entries(first, last)
    render.export(items, Format(fmt.value), sys.stdout)


@app.command(name="import")
@handles_errors
def import_command(
    file: Annotated[
        str,
        typer.Argument(help="A magcalc CSV (e.g. an export) or a Cronometer servings export; - reads stdin."),
    ],
    db: DbOption = None,
    encoding: EncodingOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Add a file's entries to the diary in one transaction; rows already there are skipped.

    A Cronometer servings export keeps every row with the file's magnesium (blank: unknown); a
    Cronometer daily summary adds one entry a day, for days the diary does not have yet."""
    _input.encoding = encoding
    from magcalc.exchange import import_entries, measure_rows

    with open_input(file) as stream:
        parsed = logfile.parse_log(stream, _input.encoding)
    if parsed.problems:
        raise MagcalcError(*parsed.problems)
    stored_profile(db)  # the user's foods, for matching; read before the write lock is taken
    with render.progress(len(parsed.entries), sys.stderr, "Reading") as progress:
        items = measure_rows(parsed.entries, current_catalog(), progress)
    with open_db(db, write=True) as diary:
        assert diary is not None
        result = import_entries(diary, parsed.entries, items, today(), f"import {file}", parsed.kind)
    render.imported(result, fmt, sys.stdout)


@app.command(name="supplements")
@handles_errors
def supplements_command(fmt: FormatOption = Format.table) -> None:
    """List the magnesium supplement forms magcalc knows: formula, elemental magnesium share
    (computed from the formula), absorption, and the names you can log them by."""
    from magcalc import supplements

    render.supplement_forms(list(supplements.forms().values()), supplements.sources(), fmt, sys.stdout)


class PerChoice(StrEnum):
    serving = "serving"
    g100 = "100g"
    kcal100 = "100kcal"


@foods_app.command("top")
@handles_errors
def foods_top(
    per: Annotated[
        PerChoice, typer.Option("--per", help="Rank per portion people eat, per 100 g or per 100 kcal.")
    ] = PerChoice.serving,
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            help="Only this USDA food group, e.g. nuts, legumes, vegetables, fish.",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=500, help="How many foods.")] = 20,
    all_usda: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Rank every USDA food, not only the everyday list (brands, baby, fast "
            "and restaurant foods still left out).",
        ),
    ] = False,
    branded: Annotated[
        bool,
        typer.Option("--branded", help="With --all: include branded, baby, fast and restaurant foods too."),
    ] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """The foods richest in magnesium, each with a portion people eat (1 oz of seeds, 1 cup of beans)."""
    from magcalc import knowledge

    if branded and not all_usda:
        raise MagcalcError("--branded goes with --all")
    pool: knowledge.Pool = "branded" if branded else "usda" if all_usda else "everyday"
    rows = knowledge.top(per.value, group, limit, pool)
    if not rows:
        raise MagcalcError(
            f"no food in the group {group!r}; groups are USDA's, e.g. nuts, legumes, vegetables"
        )
    render.top_foods(rows, per.value, fmt, sys.stdout)


@app.command()
@handles_errors
def suggest(
    file: LogArgument = None,
    date: DateOption = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            "-x",
            help="Leave out foods with this word or tag (nuts, "
            "seeds, dairy, fish, soy, gluten, or a food group); repeatable.",
            show_default=False,
        ),
    ] = None,
    vegan: Annotated[bool, typer.Option("--vegan", help="Only foods with nothing from animals.")] = False,
    items: Annotated[
        int | None,
        typer.Option(
            "--items",
            min=1,
            max=10,
            help="Exactly this many foods (default: as few as close the gap, at most 4).",
            show_default=False,
        ),
    ] = None,
    age: AgeOption = None,
    sex: SexOption = None,
    pregnant: PregnantOption = False,
    lactating: LactatingOption = False,
    standard: StandardOption = None,
    db: DbOption = None,
    encoding: EncodingOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """For a day short of the RDA (the diary, today by default, or a FILE), everyday foods and portions
    that would close the gap, richest in magnesium per calorie first."""
    _input.encoding = encoding
    from magcalc import knowledge

    target = person_target(age, sex, pregnant, lactating, db, standard=standard)
    report = _report(file, target, db, date, None, None)
    result = knowledge.suggest(report.daily_average_mg, target.rda_mg, exclude or [], vegan, items)
    render.suggestion(result, fmt, sys.stdout)


# -- your own foods and recipes ----------------------------------------------------------------

MeasureOption = Annotated[
    list[str] | None,
    typer.Option("--portion", help="A household measure with its weight, e.g. '1 cup=240 g'; repeatable.",
                 show_default=False),
]  # fmt: skip
ServingOption = Annotated[
    str | None, typer.Option("--serving", help="The serving --mg-per-serving is for, e.g. '1 bar=45 g'.",
                             show_default=False)
]  # fmt: skip
MgPer100gOption = Annotated[
    float | None, typer.Option("--mg-per-100g", help="Magnesium in 100 g (from the label or a table).",
                               show_default=False)
]  # fmt: skip
MgPerServingOption = Annotated[
    float | None, typer.Option("--mg-per-serving", help="Magnesium in one --serving.", show_default=False)
]
KcalOption = Annotated[
    float | None, typer.Option("--kcal-per-100g", help="Energy in 100 g, if known (for suggest and top).",
                               show_default=False)
]  # fmt: skip


def _user_food_record(
    name: str, mg_per_100g: float | None, mg_per_serving: float | None, serving: str | None,
    portions: list[str] | None, kcal_per_100g: float | None, added_on: dt.date, origin: str,
) -> "UserFood":  # fmt: skip
    from magcalc import userfoods

    name = userfoods.check_name(name)
    serving_measure = userfoods.parse_measure(serving) if serving else None
    measures = [serving_measure] if serving_measure else []
    measures += [userfoods.parse_measure(text) for text in portions or []]
    value = userfoods.per_100g(mg_per_100g, mg_per_serving, serving_measure)
    kcal = None if kcal_per_100g is None else userfoods.check_value(kcal_per_100g, "--kcal-per-100g")
    return models.UserFood(
        food_id=userfoods.slug(name),
        name=name,
        kind="food",
        magnesium_mg_per_100g=value,
        kcal_per_100g=kcal,
        portions=userfoods.portion_views(measures, value),
        origin=origin,
        added_on=added_on,
    )


@foods_app.command("add")
@handles_errors
def foods_add(
    name: Annotated[str, typer.Argument(help="What you will call it in your log, e.g. 'oat bar'.")],
    mg_per_100g: MgPer100gOption = None,
    mg_per_serving: MgPerServingOption = None,
    serving: ServingOption = None,
    portion: MeasureOption = None,
    kcal_per_100g: KcalOption = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Add a food of your own (a branded bar, a local dish); the log, diary and search then find it."""
    record = _user_food_record(name, mg_per_100g, mg_per_serving, serving, portion, kcal_per_100g, today(),
                               "values as given by the user")  # fmt: skip
    with open_db(db, write=True) as diary:
        assert diary is not None
        diary.save_user_food(record)
    render.user_food(record, fmt, sys.stdout)


@foods_app.command("mine")
@handles_errors
def foods_mine(db: DbOption = None, fmt: FormatOption = Format.table) -> None:
    """List your own foods and recipes."""
    with open_db(db, write=False) as diary:
        records = diary.user_foods() if diary else []
    render.user_foods(records, fmt, sys.stdout)


@foods_app.command("words")
@handles_errors
def foods_words(db: DbOption = None, fmt: FormatOption = Format.table) -> None:
    """List the words you taught magcalc (by picking a food for a doubtful match) and their foods."""
    with open_db(db, write=False) as diary:
        rows = diary.word_rows() if diary else []
    catalog = current_catalog()
    named = []
    for _key, food_id, typed, added_on in rows:
        food = catalog.get(food_id)
        named.append((typed, food_id, food.description if food else "(no longer a food)", added_on))
    render.remembered_words(named, fmt, sys.stdout)


@foods_app.command("forget")
@handles_errors
def foods_forget(
    words: Annotated[list[str], typer.Argument(help="The words, as you typed them (magcalc foods words).")],
    db: DbOption = None,
) -> None:
    """Forget words you taught magcalc: they are matched afresh next time."""
    from magcalc.catalog import words_key

    typed = " ".join(words)
    with open_db(db, write=True) as diary:
        assert diary is not None
        if not diary.forget(words_key(typed)):
            raise MagcalcError(f"you taught magcalc no food for {typed!r} (magcalc foods words lists them)")
    typer.echo(f"forgot {typed!r}", err=True)


@foods_app.command("rm")
@handles_errors
def foods_rm(
    name: Annotated[str, typer.Argument(help="The name (or user/ID) of your food or recipe.")],
    db: DbOption = None,
) -> None:
    """Remove one of your foods or recipes (diary entries keep the magnesium they were stored with)."""
    with open_db(db, write=True) as diary:
        assert diary is not None
        food_id, food_name = diary.remove_user_food(name)
    typer.echo(f"removed {food_id} ({food_name})", err=True)


@foods_app.command("edit")
@handles_errors
def foods_edit(
    name: Annotated[str, typer.Argument(help="The name (or user/ID) of your food.")],
    new_name: Annotated[str | None, typer.Option("--name", help="A new name.", show_default=False)] = None,
    mg_per_100g: MgPer100gOption = None,
    mg_per_serving: MgPerServingOption = None,
    serving: ServingOption = None,
    portion: MeasureOption = None,
    kcal_per_100g: KcalOption = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Change one of your foods: its name, magnesium, energy or measures (given measures replace the old)."""
    from magcalc import userfoods

    with open_db(db, write=True) as diary:
        assert diary is not None
        old = diary.user_food(name)
        if old.kind == "recipe" and (mg_per_100g is not None or mg_per_serving is not None):
            raise MagcalcError(
                f"{old.name!r} is a recipe: its magnesium comes from its ingredients; add it again"
            )
        renamed = userfoods.check_name(new_name) if new_name else old.name
        value = old.magnesium_mg_per_100g
        measures = [foods.Portion(0, p.amount, p.description, p.grams) for p in old.portions]
        serving_measure = userfoods.parse_measure(serving) if serving else None
        if mg_per_100g is not None or mg_per_serving is not None:
            value = userfoods.per_100g(mg_per_100g, mg_per_serving, serving_measure)
        if serving_measure or portion:
            measures = [m for m in [serving_measure] if m] + [
                userfoods.parse_measure(t) for t in portion or []
            ]
        record = old.model_copy(
            update={
                "food_id": userfoods.slug(renamed),
                "name": renamed,
                "magnesium_mg_per_100g": value,
                "kcal_per_100g": old.kcal_per_100g
                if kcal_per_100g is None
                else userfoods.check_value(kcal_per_100g, "--kcal-per-100g"),
                "portions": userfoods.portion_views(measures, value),
            }
        )
        diary.save_user_food(record, replace=old.food_id)
    render.user_food(record, fmt, sys.stdout)


@foods_app.command("export")
@handles_errors
def foods_export(
    db: DbOption = None,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="json (complete) or csv.")
    ] = ExportFormat.json,
) -> None:
    """Write your foods and recipes to stdout, for magcalc foods import on another diary."""
    with open_db(db, write=False) as diary:
        records = diary.user_foods() if diary else []
    render.user_foods_export(records, Format(fmt.value), sys.stdout)


@foods_app.command("import")
@handles_errors
def foods_import(
    file: Annotated[
        str, typer.Argument(help="A file from magcalc foods export (json or csv); - reads stdin.")
    ],
    db: DbOption = None,
) -> None:
    """Add the foods and recipes of an export; ones you already have, unchanged, are skipped.
    All or nothing."""
    from magcalc.userfoods import read_export

    with open_input(file) as stream:
        records = read_export(stream.read())
    added = skipped = 0
    with open_db(db, write=True) as diary:
        assert diary is not None
        mine = {r.food_id: r for r in diary.user_foods()}
        for record in records:
            if mine.get(record.food_id) == record:
                skipped += 1
                continue
            diary.save_user_food(record)
            added += 1
    typer.echo(f"imported {added} food(s); {skipped} already there", err=True)


@recipe_app.command("add")
@handles_errors
def recipe_add(
    name: Annotated[str, typer.Argument(help="The recipe's name, e.g. 'lentil soup'.")],
    file: Annotated[
        str, typer.Argument(help="Its ingredients as a CSV food log (food,amount,unit); - reads stdin.")
    ],
    servings: Annotated[
        float | None, typer.Option("--servings", help="How many servings it makes.", show_default=False)
    ] = None,
    weight: Annotated[
        str | None,
        typer.Option(
            "--weight",
            help="The cooked weight, e.g. '1.2 kg' (else the ingredients' weight).",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    encoding: EncodingOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Add a recipe: magnesium per serving and per 100 g from its ingredients; log it as '1 serving'."""
    _input.encoding = encoding
    from magcalc import userfoods
    from magcalc.units import MASS_G, canonical_unit

    clean = userfoods.check_name(name)
    weight_g = None
    if weight is not None:
        value, unit = units.parse_amount(weight)
        mass = canonical_unit(unit or "")
        if mass not in MASS_G:
            raise MagcalcError(f"--weight must be a weight in g, kg, oz or lb, like '1.2 kg', not {weight!r}")
        weight_g = value * MASS_G[mass]
    with open_input(file) as stream:
        parsed = logfile.parse_log(stream, _input.encoding)
    stored_profile(db)  # the ingredients may be foods of your own
    items = reporting.measure_all(parsed.entries, parsed.problems, catalog=current_catalog())
    record = userfoods.recipe(clean, items, servings, weight_g, today())
    with open_db(db, write=True) as diary:
        assert diary is not None
        diary.save_user_food(record)
    render.user_food(record, fmt, sys.stdout)


# -- help: panels and examples -----------------------------------------------------------------

app.add_typer(foods_app, name="foods", rich_help_panel=PANEL_FOODS)
app.add_typer(recipe_app, name="recipe", rich_help_panel=PANEL_FOODS)
app.add_typer(profile_app, name="profile", rich_help_panel=PANEL_REFERENCE)

PANELS = {
    PANEL_LOG: ["add", "edit", "rm", "undo", "import"],
    PANEL_LOOK: ["log", "check", "history", "report", "suggest", "export"],
    PANEL_FOODS: ["supplements"],
    PANEL_REFERENCE: ["rda", "about"],
}

EXAMPLES = {
    "log": ["magcalc log examples/day.csv --age 40 --sex female", "magcalc log --date yesterday",
            "magcalc log --from 2026-11-01 --to 2026-11-07 --sources"],
    "check": ["magcalc check examples/day.csv --min rda --age 40 --sex female",
              "magcalc check --min rls --max-supplement ul"],
    "rda": ["magcalc rda", "magcalc rda --age 40 --sex female", "magcalc rda --standard efsa"],
    "add": ["magcalc add \"2 eggs, a slice of whole wheat toast and a cup of coffee\"",
            "magcalc add almonds 1 oz --meal snack", "magcalc add banana 1 medium --date yesterday",
            "magcalc add magnesium glycinate 2 capsule --each '100 mg'", "magcalc add - < examples/day.csv"],
    "rm": ["magcalc rm x5hqt7"],
    "edit": ["magcalc edit x5hqt7 --amount 2", "magcalc edit x5hqt7 --meal lunch --time 12:30"],
    "undo": ["magcalc undo"],
    "history": ["magcalc history --days 30", "magcalc history --days 30 --svg month.svg",
                "magcalc history --format csv"],
    "report": ["magcalc report --from 2026-11-01 --to 2026-11-30 --html november.html",
               "magcalc report examples/week.csv --age 40 --sex female --html week.html"],
    "export": ["magcalc export > diary.csv", "magcalc export --from 2026-11-01 --format json"],
    "import": ["magcalc import diary.csv", "magcalc import examples/cronometer-servings.csv"],
    "supplements": ["magcalc supplements", "magcalc supplements --format json"],
    "suggest": ["magcalc suggest", "magcalc suggest examples/day.csv --vegan --items 3"],
    "about": ["magcalc about rls", "magcalc about rda"],
    "foods search": ["magcalc foods search pumpkin seeds", "magcalc foods search dark chocolate -n 3"],
    "foods show": ["magcalc foods show 11458"],
    "foods top": ["magcalc foods top --limit 10", "magcalc foods top --per 100kcal --group vegetables"],
    "foods add": ["magcalc foods add 'oat bar' --mg-per-serving 60 --serving '1 bar=45 g'"],
    "foods mine": ["magcalc foods mine"],
    "foods words": ["magcalc foods words", "magcalc foods words --format json"],
    "foods forget": ["magcalc foods forget meatballs"],
    "foods rm": ["magcalc foods rm 'oat bar'"],
    "foods edit": ["magcalc foods edit 'oat bar' --mg-per-serving 65 --serving '1 bar=45 g'"],
    "foods export": ["magcalc foods export > my-foods.json"],
    "foods import": ["magcalc foods import my-foods.json"],
    "recipe add": ["magcalc recipe add 'lentil soup' examples/soup.csv --servings 4"],
    "profile set": ["magcalc profile set --age 40 --sex female", "magcalc profile set --standard efsa"],
    "profile show": ["magcalc profile show"],
}  # fmt: skip


def _with_examples(typer_app: typer.Typer, prefix: str) -> None:
    """Give each command its panel and an Examples section (kept with \\b so lines stay lines)."""
    import inspect

    for info in typer_app.registered_commands:
        assert info.callback is not None
        name = info.name or info.callback.__name__
        path = f"{prefix}{name}"
        if not prefix:
            info.rich_help_panel = next((p for p, names in PANELS.items() if name in names), None)
        help_text = info.help or inspect.getdoc(info.callback) or ""
        # One line a paragraph: help and docs wrap it at the reader's width, never mid-sentence.
        help_text = "\n\n".join(" ".join(p.split()) for p in help_text.split("\n\n"))
        lines = "\n".join(f"  {example}" for example in EXAMPLES.get(path, []))
        info.help = f"{help_text}\n\n\b\nExamples:\n{lines}" if lines else help_text


_with_examples(app, "")
_with_examples(foods_app, "foods ")
_with_examples(recipe_app, "recipe ")
_with_examples(profile_app, "profile ")
