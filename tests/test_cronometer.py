"""Cronometer exports: every row kept with the file's magnesium, each day's total equal to the
file's to the cent, nothing doubled, a daily summary never counted on top of servings."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from magcalc.logfile import _export_amount
from tests.conftest import Run
from tests.cronometer_export import dailysummary, day_sums, servings

EXAMPLES = Path(__file__).parent.parent / "examples"


def days_of(run: Run, *args: str) -> dict[str, Any]:
    report = run.json("log", *args)
    return {day["date"]: day for day in report["days"]}


def assert_days_match(days: dict[str, Any], text: str) -> None:
    expected = day_sums(text)
    assert set(days) == set(expected)
    for day, (magnesium, rows, blank) in expected.items():
        total = Decimal(repr(days[day]["total_mg"])).quantize(Decimal("0.01"))
        assert total == magnesium, day
        assert days[day]["entries"] == rows and days[day]["complete"] == (blank == 0), day


def span(text: str) -> tuple[str, str]:
    dates = sorted(day_sums(text))
    return "--from", dates[0], "--to", dates[-1]  # type: ignore[return-value]


@pytest.mark.parametrize(
    "options",
    [
        {"time": "12h", "category": True},  # 73 columns, Category last
        {"time": None, "category": False, "shuffle_columns": True},  # no Time column, other columns
        {"time": "24h", "category": True, "shuffle_columns": True},
    ],
)
def test_an_import_keeps_every_row_and_each_days_total(
    run: Run, tmp_path: Path, options: dict[str, Any]
) -> None:
    text = servings(400, **options)
    path = tmp_path / "servings.csv"
    path.write_text(text, encoding="utf-8")
    expected = day_sums(text)
    summary = run.json("import", str(path))
    assert summary["kind"] == "a Cronometer servings export"
    assert summary["rows_read"] == summary["imported"] == 400 and summary["already_present"] == 0
    assert summary["unknown_magnesium"] == sum(blank for _, _, blank in expected.values())
    assert summary["days_covered"] == len(expected)
    assert (summary["first_date"], summary["last_date"]) == (min(expected), max(expected))
    assert_days_match(days_of(run, *span(text)), text)
    # magcalc log FILE reports the same days from the file itself
    assert_days_match({d["date"]: d for d in run.json("log", str(path))["days"]}, text)
    again = run.json("import", str(path))
    assert again["imported"] == 0 and again["already_present"] == 400
    assert_days_match(days_of(run, *span(text)), text)
    assert run("undo").exit_code == 0
    assert days_of(run, *span(text)) == {}


def test_what_each_kind_of_row_becomes(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "servings.csv"
    path.write_text(servings(300), encoding="utf-8")
    run("import", str(path))
    entries = run.json("log", "--from", "2024-01-01", "--to", "2024-12-31")["entries"]
    assert {e["source"] for e in entries} == {"file"}
    quick = [e for e in entries if e["input"] in ("Calorie", "Protein", "Carbs", "Fat")]
    assert quick and all(e["food_id"] is None and e["grams"] is None for e in quick)  # never a food
    assert all(e["magnesium_mg"] is None for e in quick) and {e["unit"] for e in quick} == {"1"}
    calorie = next(e for e in quick if e["input"] == "Calorie")
    assert calorie["amount"] == 800
    zero = [e for e in entries if e["amount"] == 0]
    assert zero and all(e["magnesium_mg"] == 0 and e["grams"] == 0 for e in zero)  # kept as zero entries
    by_name = {e["input"]: e for e in entries}
    assert by_name["Main"]["food_id"] is None  # a recipe named Main is not HUNGRY MAN salisbury steak
    assert by_name["Clif Bar, Chocolate Chip"]["food_id"] is None
    assert by_name["Crème fraîche, Président"]["input"] == "Crème fraîche, Président"
    banana = by_name["Bananas, raw"]
    assert banana["food_id"] == "09040" and banana["unit"] == 'medium (7" to 7-7/8" long)'
    assert banana["grams"] == pytest.approx(banana["amount"] * 118)  # a reference only adds grams
    glycinate = by_name["Magnesium Glycinate"]
    assert glycinate["kind"] == "supplement" and glycinate["magnesium_mg"] in (100, 200, 300, 400)
    assert any(e["time"] and e["time"] > "12:00" for e in entries)  # 12-hour times read as such


def test_export_then_import_round_trips_file_entries(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "servings.csv"
    path.write_text(servings(120), encoding="utf-8")
    run("import", str(path))
    exported = run("export").stdout
    assert exported.splitlines()[0].endswith(",source")
    other = str(tmp_path / "other.sqlite3")
    assert run.json("import", "-", "--db", other, input=exported)["imported"] == 120
    assert run("export", "--db", other).stdout == exported
    first = json.loads(run("export", "--format", "json").stdout)
    assert any(r["magnesium_mg"] is None for r in first)  # unknown stays unknown, not worked out
    assert run.json("import", "-", "--db", other, input=exported)["already_present"] == 120


def test_a_daily_summary_never_doubles_a_day(run: Run, tmp_path: Path) -> None:
    text = servings(200)
    serving_path, summary_path = tmp_path / "servings.csv", tmp_path / "dailysummary.csv"
    serving_path.write_text(text, encoding="utf-8")
    summary_path.write_text(dailysummary(text), encoding="utf-8")
    days = len(day_sums(text))
    alone = run.json("import", str(summary_path))
    assert alone["kind"] == "a Cronometer daily summary" and alone["imported"] == days
    totals = {d: v["total_mg"] for d, v in days_of(run, *span(text)).items()}
    assert all(
        Decimal(repr(totals[d])).quantize(Decimal("0.01")) == s for d, (s, _, _) in day_sums(text).items()
    )
    # servings afterwards replace each day's single total
    replaced = run.json("import", str(serving_path))
    assert replaced["daily_totals_replaced"] == days and replaced["imported"] == 200
    assert_days_match(days_of(run, *span(text)), text)
    # and the summary again adds nothing: the days are there
    again = run.json("import", str(summary_path))
    assert again["imported"] == 0 and again["already_present"] == days
    assert_days_match(days_of(run, *span(text)), text)
    assert run("undo").exit_code == 0  # the servings import: back to the summary alone
    assert {d: v["total_mg"] for d, v in days_of(run, *span(text)).items()} == totals


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("Name,Price,Qty\nwidget,3,1\n", "recognised none of its columns; expected a magcalc log"),
        ("Day,Amount,Notes\n2026-01-01,x,y\n", "recognised only Day, Amount"),
        (
            "Day,Group,Exercise,Minutes,Calories Burned\n2026-01-01,,Walk,30,100\n",
            "a Cronometer exercises export",
        ),
        ("Day,Group,Food Name,Amount,Energy (kcal)\n2026-01-01,,x,1.00 g,1\n", "no 'magnesium (mg)' column"),
    ],
)
def test_a_file_of_another_kind_is_named(run: Run, header: str, message: str) -> None:
    result = run("import", "-", input=header)
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert "fields" not in result.stderr


def test_the_examples_are_what_the_generator_writes() -> None:
    text = servings(60)
    assert (EXAMPLES / "cronometer-servings.csv").read_text(encoding="utf-8") == text.replace("\r\n", "\n")
    summary = dailysummary(text).replace("\r\n", "\n")
    assert (EXAMPLES / "cronometer-dailysummary.csv").read_text(encoding="utf-8") == summary


@given(
    st.decimals(min_value=0, max_value=100_000, places=2),
    st.sampled_from(["g", "cup", 'medium (2-2/3" dia)', "1", "serving", "", "x 1 capsule"]),
)
def test_an_export_amount_keeps_its_number_and_words(number: Decimal, unit: str) -> None:
    amount, words = _export_amount(f"{number} {unit}", decimal_comma=False)
    assert amount == float(number) and words == (unit or None)
