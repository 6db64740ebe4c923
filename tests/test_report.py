"""The report: the source documents' table, totals, unknown values, days, and the check."""

from __future__ import annotations

import pytest

from magcalc.errors import MagcalcError
from magcalc.logfile import parse_log_text
from magcalc.models import Report
from magcalc.rda import check_person, target
from magcalc.report import build_report, check, measure_all

WOMAN_40 = target(check_person(40, "female", "none"))


def report_for(text: str) -> Report:
    parsed = parse_log_text(text)
    return build_report(measure_all(parsed.entries, parsed.problems), WOMAN_40)


# The source documents' table (../shared/seeds), reproduced within 10 %.
@pytest.mark.parametrize(
    ("food", "amount", "unit", "documents_mg"),
    [
        ("spinach cooked", 1, "cup", 157),
        ("almonds", 1, "oz", 80),
        ("pumpkin seeds roasted", 1, "oz", 150),
        ("black beans cooked", 1, "cup", 120),
        ("dark chocolate 70-85%", 1, "oz", 64),
    ],
)
def test_source_documents_table(food: str, amount: float, unit: str, documents_mg: float) -> None:
    result = report_for(f"food,amount,unit\n{food},{amount},{unit}\n")
    assert result.total_mg == pytest.approx(documents_mg, rel=0.10)


def test_spinach_and_almonds_for_a_woman_of_40() -> None:
    result = report_for("food,amount,unit\nspinach cooked,1,cup\nalmonds,1,oz\n")
    assert result.total_mg == pytest.approx(156.6 + 76.5, abs=1)
    assert result.rda_mg == 320
    assert result.percent_rda == pytest.approx(result.total_mg / 320 * 100)
    assert result.remaining_mg == pytest.approx(320 - result.total_mg)
    assert result.complete and result.days == []


def test_unknown_magnesium_is_unknown_not_zero() -> None:
    result = report_for("food,amount,unit\n02075,1,tsp\nalmonds,1,oz\n")
    unknown = result.entries[0]
    assert unknown.food_id == "02075" and unknown.magnesium_mg is None
    assert unknown.grams > 0
    assert not result.complete and result.unknown_entries == 1
    assert result.total_mg == pytest.approx(76.5, abs=0.1)
    assert any("no USDA magnesium value" in note for note in result.notes)


def test_several_dates_give_each_days_total_and_the_average() -> None:
    result = report_for(
        "date,food,amount,unit\n2026-11-20,almonds,1,oz\n2026-11-21,spinach cooked,1,cup\n"
        "2026-11-20,almonds,1,oz\n"
    )
    assert [str(d.date) for d in result.days] == ["2026-11-20", "2026-11-21"]
    assert result.days[0].total_mg == pytest.approx(2 * 76.54, abs=0.1)
    assert result.days[0].entries == 2
    assert result.daily_average_mg == pytest.approx(result.total_mg / 2)
    assert result.percent_rda == pytest.approx(result.daily_average_mg / 320 * 100)


def test_rows_without_a_date_in_a_dated_log_are_errors() -> None:
    with pytest.raises(MagcalcError, match="line 3: no date, but other rows have one"):
        report_for("date,food,amount,unit\n2026-11-20,almonds,1,oz\n,banana,1,medium\n")


def test_lookup_and_parse_problems_are_reported_together_in_line_order() -> None:
    with pytest.raises(MagcalcError) as caught:
        report_for("food,amount,unit\nzzqqxx,1,cup\nalmonds,-1,oz\nalmonds,1,slice\n")
    lines = [p.line for p in caught.value.problems]
    assert lines == [2, 3, 4]


def test_notes_carry_the_rls_context_and_not_advice() -> None:
    notes = " ".join(report_for("almonds,1,oz\n").notes)
    assert "300-600 mg" in notes and "medical supervision" in notes and "Not medical advice" in notes


def test_default_person_is_named_in_the_notes() -> None:
    parsed = parse_log_text("almonds,1,oz\n")
    result = build_report(measure_all(parsed.entries), target(check_person(None, None, "none")))
    assert result.reference.is_default and result.rda_mg == 420
    assert any("Give --age and --sex" in note for note in result.notes)


@pytest.mark.parametrize(
    ("minimum", "log", "passed"),
    [
        ("rda", "almonds,1,oz\n", False),
        ("rda", "almonds,5,oz\n", True),
        ("rls", "almonds,1,oz\n", False),
        ("rls", "almonds,4,oz\n", True),
        ("70", "almonds,1,oz\n", True),
        ("80", "almonds,1,oz\n", False),
        ("80mg", "almonds,1,oz\n", False),
    ],
)
def test_check_against_a_bar(minimum: str, log: str, passed: bool) -> None:
    assert check(report_for(log), minimum).passed is passed


def test_check_every_day_of_a_dated_log() -> None:
    result = check(report_for("date,food,amount\n2026-11-20,almonds,5 oz\n2026-11-21,almonds,1 oz\n"), "rda")
    assert not result.passed
    assert "1 of 2 days" in result.message and "2026-11-21" in result.message


def test_incomplete_shortfall_says_so() -> None:
    result = check(report_for("food,amount,unit\n02075,1,tsp\n"), "rda")
    assert not result.passed and "incomplete" in result.message


@pytest.mark.parametrize("minimum", ["lots", "-5", "0", "inf", "nan"])
def test_check_refuses_a_bad_bar(minimum: str) -> None:
    with pytest.raises(MagcalcError, match="--min"):
        check(report_for("almonds,1,oz\n"), minimum)
