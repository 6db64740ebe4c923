"""Fuzz magcalc's input handling for a fixed time budget (Hypothesis at high example counts).

    python stress/fuzz.py --minutes 10

Targets: the log reader and the report over it (arbitrary bytes, and CSV-shaped text with hostile
cells), the amount parser, the unit conversion, dates, and supplement doses. Anything raised other
than magcalc's own MagcalcError (bad input, reported cleanly) is a crash: it is printed with the
input that caused it, and the run exits 1. Not part of the test suite (tests/ runs the same
properties at normal example counts).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from magcalc import dates, rda, supplements
from magcalc.errors import MagcalcError
from magcalc.logfile import iter_log
from magcalc.models import Person
from magcalc.report import stream_report
from magcalc.units import parse_amount, to_grams

TARGET = rda.target(Person(age=40, sex="female"))
executions: Counter[str] = Counter()
crashes: list[str] = []

FOODS = ["almonds", "spinach cooked", "banana", "magnesium glycinate", "milk", "12061", "zorblax", "", "½ cup"]
HOSTILE = ["NaN", "inf", "-0", "1e308", "1/0", "½", "1 1/2", "2026-02-30", "12:00+02:00", "\x1b[31m", "\u202e",
           "=cmd|' /C calc'!A0", "\ufeff", "\r", '"', "'", ";", "\t", "1,5", "x" * 5000]  # fmt: skip
cell = st.one_of(st.sampled_from(FOODS + HOSTILE), st.text(max_size=30), st.from_regex(r"[0-9./ ]{1,8}"))
row = st.lists(cell, min_size=0, max_size=8)
header = st.sampled_from(["food,amount,unit\n", "food,amount,unit,date,time,meal,note\n", "Day,Time,Group,Food Name,"
                          "Amount,Magnesium (mg)\n", "food;amount;unit\n", "food\tamount\tunit\n", ""])  # fmt: skip


def quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',;"\t\n\r') else text


def report_of(data: bytes) -> None:
    for item in iter_log(io.BytesIO(data)):
        assert item is not None
    stream_report(iter_log(io.BytesIO(data)), TARGET)


def guarded(name: str, body: Callable[[], object]) -> None:
    executions[name] += 1
    try:
        body()
    except MagcalcError:
        pass


FUZZ_SETTINGS = settings(max_examples=2_000, deadline=None, database=None, derandomize=False,
                         suppress_health_check=list(HealthCheck))  # fmt: skip


@FUZZ_SETTINGS
@given(st.binary(max_size=2_000))
def log_bytes(data: bytes) -> None:
    guarded("log reader: arbitrary bytes", lambda: report_of(data))


@FUZZ_SETTINGS
@given(header, st.lists(row, max_size=12), st.sampled_from([",", ";", "\t"]), st.sampled_from(["\n", "\r\n"]))
def log_text(head: str, rows: list[list[str]], separator: str, newline: str) -> None:
    text = head + newline.join(separator.join(quote(c) for c in r) for r in rows)
    for encoding in ("utf-8", "cp1252"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        guarded("log reader + report: CSV-shaped text", lambda: report_of(data))  # noqa: B023


@FUZZ_SETTINGS
@given(st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE), st.from_regex(r"\s*[0-9½¼¾./ ]{0,12}\s*[a-z ]{0,8}")))
def amounts(text: str) -> None:
    def body() -> None:
        value, _unit = parse_amount(text)
        assert value > 0 and value == value and value != float("inf"), value

    guarded("amount parser", body)


FOOD = __import__("magcalc.catalog", fromlist=["Catalog"]).Catalog().resolve("almonds").food


@FUZZ_SETTINGS
@given(st.floats(allow_nan=True, allow_infinity=True), st.one_of(st.none(), st.text(max_size=20), st.sampled_from(
    ["g", "oz", "cup", "tbsp", "whole kernels", "medium", "kernel"])))  # fmt: skip
def conversions(amount: float, unit: str | None) -> None:
    def body() -> None:
        grams = to_grams(FOOD, amount, unit).grams
        assert 0 < grams <= 50_000, grams

    guarded("unit conversion", body)


@FUZZ_SETTINGS
@given(st.text(max_size=20), st.text(max_size=12))
def days_and_doses(day: str, unit: str) -> None:
    guarded("dates", lambda: dates.parse_day(day, dates.dt.date(2026, 11, 21)))
    form = supplements.forms()["glycinate"]
    guarded("supplement doses", lambda: supplements.dose(form, 2, unit, day))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10.0, help="time budget (default 10)")
    args = parser.parse_args()
    deadline = time.monotonic() + 60 * args.minutes
    rounds = 0
    started = time.monotonic()
    while time.monotonic() < deadline:
        for target in (log_bytes, log_text, amounts, conversions, days_and_doses):
            try:
                target()
            except Exception:  # a crash: Hypothesis has shrunk it to a minimal input
                crashes.append(traceback.format_exc())
                print(crashes[-1], file=sys.stderr, flush=True)
        rounds += 1
        total = sum(executions.values())
        print(f"{time.monotonic() - started:7.0f} s  round {rounds}: {total:,} executions, {len(crashes)} crashes",
              flush=True)  # fmt: skip
    print(f"\nfuzzed for {time.monotonic() - started:.0f} s: {sum(executions.values()):,} executions")
    for name, count in sorted(executions.items()):
        print(f"  {name:40s} {count:>10,}")
    print(f"crashes: {len(crashes)}")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
