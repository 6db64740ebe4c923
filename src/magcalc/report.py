"""Entries + foods + target -> report. Pure: no I/O, no printing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from magcalc import foods, rda
from magcalc.errors import MagcalcError, Problem, UnknownFood
from magcalc.matching import resolve
from magcalc.models import DaySummary, Entry, LineItem, Report, Target
from magcalc.units import to_grams

NOT_ADVICE = "magcalc informs; it does not prescribe. Not medical advice."


def measure(entry: Entry) -> LineItem:
    """One entry's food, grams and magnesium; MagcalcError (without a line) when it cannot be done.

    A USDA id given with the entry (an export) is used instead of matching the name, and a
    magnesium value given with it (an export, Cronometer) is kept as given.
    """
    food = _food(entry)
    conversion = to_grams(food, entry.amount, entry.unit)
    magnesium = food.magnesium_mg(conversion.grams) if entry.magnesium_mg is None else entry.magnesium_mg
    portion = conversion.portion
    if entry.magnesium_mg is not None:
        portion = "; ".join(filter(None, [portion, "magnesium as given in the file"]))
    return LineItem(
        line=entry.line,
        input=entry.input,
        food_id=food.food_id,
        food_name=food.description,
        amount=entry.amount,
        unit=entry.unit,
        grams=conversion.grams,
        magnesium_mg=magnesium,
        portion=portion,
        date=entry.date,
        time=entry.time,
        meal=entry.meal,
        note=entry.note,
        entry_id=entry.entry_id,
    )


def _food(entry: Entry) -> foods.Food:
    if entry.food_id is None:
        return resolve(entry.input)
    food = foods.get_food(entry.food_id)
    if food is None:
        raise UnknownFood(f"the food_id {entry.food_id!r} is not a USDA id in magcalc's table")
    return food


def measure_all(entries: Iterable[Entry], problems: Iterable[Problem] = ()) -> list[LineItem]:
    """Every entry measured, or one MagcalcError naming every line that could not be read
    (`problems`, from parsing) or measured."""
    items: list[LineItem] = []
    problems = list(problems)
    for entry in entries:
        try:
            items.append(measure(entry))
        except MagcalcError as error:
            problems.extend(error.at_line(entry.line).problems)
    dated = [item for item in items if item.date is not None]
    if dated and len(dated) != len(items):
        problems += [
            Problem("no date, but other rows have one", item.line) for item in items if item.date is None
        ]
    if problems:
        raise MagcalcError(*sorted(problems, key=lambda p: p.line or 0))
    return items


def _percent(mg: float, target_mg: float) -> float:
    return 100 * mg / target_mg


def build_report(items: list[LineItem], target: Target) -> Report:
    known = [item.magnesium_mg for item in items if item.magnesium_mg is not None]
    total = sum(known)
    unknown = len(items) - len(known)
    days = _days(items, target.rda_mg)
    average = total / max(len(days), 1)
    low, high, _source, trial_note = rda.rls_range()
    notes = []
    if unknown:
        notes.append(
            f"{unknown} food(s) have no USDA magnesium value: the total counts only known values, "
            "so the real intake may be higher."
        )
    if target.is_default:
        notes.append(
            f"No person given: compared with {target.description}. "
            "Give --age and --sex (and --pregnant or --lactating) for yours."
        )
    notes.append(f"RLS trials have used {low:g}-{high:g} mg a day: {trial_note}")
    notes.append(NOT_ADVICE)
    return Report(
        entries=items,
        total_mg=total,
        complete=unknown == 0,
        unknown_entries=unknown,
        days=days,
        daily_average_mg=average,
        rda_mg=target.rda_mg,
        percent_rda=_percent(average, target.rda_mg),
        remaining_mg=max(target.rda_mg - average, 0.0),
        reference=target,
        rls_trial_range_mg=(low, high),
        food_source=foods.SOURCE,
        notes=notes,
    )


def _days(items: list[LineItem], target_mg: float) -> list[DaySummary]:
    by_date: dict[dt.date, list[LineItem]] = {}
    for item in items:
        if item.date is not None:
            by_date.setdefault(item.date, []).append(item)
    days = []
    for date in sorted(by_date):
        day = by_date[date]
        total = sum(i.magnesium_mg for i in day if i.magnesium_mg is not None)
        days.append(
            DaySummary(
                date=date,
                total_mg=total,
                complete=all(i.magnesium_mg is not None for i in day),
                percent_rda=_percent(total, target_mg),
                entries=len(day),
            )
        )
    return days


@dataclass(frozen=True)
class CheckResult:
    passed: bool
    bar_mg: float
    bar_name: str
    message: str


def check(report: Report, minimum: str) -> CheckResult:
    """Does every day of the report reach the bar ('rda', 'rls' or a number of mg)?

    A total that misses unknown values is a lower bound: it can pass, but a shortfall is
    reported as possibly incomplete.
    """
    bar, name = _bar(minimum, report.rda_mg)
    days = [(str(d.date), d.total_mg, d.complete) for d in report.days] or [
        ("the log", report.total_mg, report.complete)
    ]
    short = [(label, total, complete) for label, total, complete in days if total < bar]
    if not short:
        if len(days) == 1:
            message = f"ok: {days[0][1]:.0f} mg reaches {bar:g} mg ({name})"
        else:
            message = f"ok: all {len(days)} days reach {bar:g} mg ({name})"
        return CheckResult(True, bar, name, message)
    details = ", ".join(
        f"{label} {total:.0f} mg{'' if complete else ' (incomplete)'}" for label, total, complete in short
    )
    if len(days) == 1:
        message = f"short: {details} is below {bar:g} mg ({name})"
    else:
        message = f"short: {len(short)} of {len(days)} days below {bar:g} mg ({name}): {details}"
    return CheckResult(False, bar, name, message)


def _bar(minimum: str, rda_mg: float) -> tuple[float, str]:
    word = minimum.strip().lower()
    if word == "rda":
        return rda_mg, "RDA"
    if word == "rls":
        low, _high, _source, _note = rda.rls_range()
        return low, "low end of the RLS trial range"
    try:
        value = float(word.removesuffix("mg").strip())
    except ValueError:
        raise MagcalcError(f"--min takes rda, rls or a number of mg, not {minimum!r}") from None
    if not value > 0 or value == float("inf"):
        raise MagcalcError(f"--min must be a positive number of mg, not {minimum!r}")
    return value, "given"
