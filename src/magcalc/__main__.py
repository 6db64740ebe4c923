"""`python -m magcalc` and the `magcalc` console script."""

from magcalc.cli import app


def main() -> None:
    app(prog_name="magcalc")


if __name__ == "__main__":
    main()
