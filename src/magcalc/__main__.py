"""`python -m magcalc` and the `magcalc` console script."""

import os
import sys

from magcalc import terminal


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # answered before Typer is imported and builds every command's options (most of the cost
        # of `magcalc --version`); the same line as cli's --version
        from magcalc import __version__

        try:
            sys.stdout.write(f"magcalc {__version__}\n")
            sys.stdout.flush()
        except (BrokenPipeError, AttributeError):
            pass
        return
    if sys.stdout is None or not _open(1):  # `magcalc ... >&-`: refuse before doing anything
        os.write(2, b"magcalc: error: stdout is closed: nowhere to write the output\n")
        raise SystemExit(2)
    terminal.install()  # before Typer parses: its usage errors echo what was typed
    terminal.note_interrupts()
    try:
        from magcalc.cli import app

        app(prog_name="magcalc")
    except KeyboardInterrupt:  # Ctrl-C while modules load, before a command's own handling
        raise SystemExit(130) from None
    finally:
        _flush()


def _open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def _flush() -> None:
    """Output still buffered at the end reaches stdout here, where a failure can be told: a failing
    stdout (a full disk) is an error, exit 2 (a reader that left is terminal.SafeStream's: exit 0)."""
    try:
        sys.stdout.flush()
    except OSError as error:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.stderr.write(f"magcalc: error: cannot write the output: {error.strerror or error}\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
