"""`python -m magcalc` and the `magcalc` console script."""

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        # answered before Typer is imported and builds every command's options (most of the cost
        # of `magcalc --version`); the same line as cli's --version
        from magcalc import __version__

        try:
            sys.stdout.write(f"magcalc {__version__}\n")
            sys.stdout.flush()
        except BrokenPipeError:
            pass
        return
    from magcalc.cli import app

    app(prog_name="magcalc")


if __name__ == "__main__":
    main()
