"""Entries + foods + target -> report. Pure: no I/O, no printing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from magcalc import foods, rda, supplements
from magcalc.errors import MagcalcError, Problem, UnknownFood
from magcalc.matching import resolve
from magcalc.models import DaySummary, Entry, LineItem, Report, Target
from magcalc.supplements import find_form
from magcalc.units import to_grams

NOT_ADVICE = "magcalc informs; it does not prescribe. Not medical advice."


def measure(entry: Entry) -> LineItem:
    """One entry's food, grams and magnesium; MagcalcError (without a line) when it cannot be done.

    A USDA id given with the entry (an export) is used instead of matching the name, and a
    magnesium value given with it (an export, Cronometer) is kept as given.
    """
    if entry.food_id is not None and is_supplement_id(entry.food_id):
        form = find_form(entry.food_id)
        if form is None:
            raise UnknownFood(f"the food_id {entry.food_id!r} is not a supplement form magcalc knows")
        return _measure_supplement(entry, form)
    if entry.food_id is None and (form := find_form(entry.input)) is not None:
        return _measure_supplement(entry, form)
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


def is_supplement_id(food_id: str) -> bool:
    return food_id.startswith(supplements.ID_PREFIX)


def _measure_supplement(entry: Entry, form: supplements.Form) -> LineItem:
    unit = entry.unit
    if entry.each and unit and not re.search(r"\d", unit):
        unit = f"{unit} ({entry.each.strip()} each)"  # stored with the strength, so it reads back alone
    dose = supplements.dose(form, entry.amount, unit, None)
    return LineItem(
        line=entry.line,
        input=entry.input,
        food_id=form.food_id,
        food_name=form.name,
        amount=entry.amount,
        unit=unit,
        grams=dose.compound_grams,
        magnesium_mg=dose.elemental_mg if entry.magnesium_mg is None else entry.magnesium_mg,
        portion=dose.description,
        date=entry.date,
        time=entry.time,
        meal=entry.meal,
        note=entry.note,
        entry_id=entry.entry_id,
        kind="supplement",
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


def _known(items: Iterable[LineItem], kind: str | None = None) -> float:
    return sum(i.magnesium_mg for i in items if i.magnesium_mg is not None and kind in (None, i.kind))


def build_report(items: list[LineItem], target: Target) -> Report:
    total = _known(items)
    unknown = sum(1 for item in items if item.magnesium_mg is None)
    ul = target.ul_supplement_mg
    days = _days(items, target.rda_mg, ul)
    supplement = _known(items, "supplement")
    # Each day's supplements against the UL; a log without dates is one day.
    over_ul = any(d.over_ul for d in days) if days else (ul is not None and supplement > ul)
    average = total / max(len(days), 1)
    low, high, _source, trial_note = rda.rls_range()
    position: Literal["below", "within", "above"] = (
        "below" if average < low else "above" if average > high else "within"
    )
    notes, warnings = [], []
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
    if over_ul:
        warnings.append(_ul_warning(items, days, supplement, target))
    elif supplement and ul is None:
        notes.append(
            f"No upper limit for supplemental magnesium is set for {target.description}: "
            "supplements at this age belong under medical supervision."
        )
    elif supplement and ul is not None:
        notes.append(
            f"Supplemental magnesium is within the upper limit of {ul:g} mg a day "
            f"({target.standard.upper()}); the limit applies to supplements only, not to food."
        )
    notes.append(
        f"RLS trials have used {low:g}-{high:g} mg a day ({'; '.join(rda.rls_trials())}); "
        f"this {'daily average' if len(days) > 1 else 'total'} of {average:,.0f} mg is {position} "
        "that range. "
        f"{trial_note} Amounts from supplements above the UL belong under medical supervision."
    )
    notes.append(NOT_ADVICE)
    return Report(
        entries=items,
        total_mg=total,
        food_mg=_known(items, "food"),
        supplement_mg=supplement,
        ul_supplement_mg=ul,
        over_ul=over_ul,
        complete=unknown == 0,
        unknown_entries=unknown,
        days=days,
        daily_average_mg=average,
        rda_mg=target.rda_mg,
        percent_rda=_percent(average, target.rda_mg),
        remaining_mg=max(target.rda_mg - average, 0.0),
        reference=target,
        rls_trial_range_mg=(low, high),
        rls_position=position,
        rls_trials=rda.rls_trials(),
        food_source=foods.SOURCE,
        warnings=warnings,
        notes=notes,
    )


def _ul_warning(items: list[LineItem], days: list[DaySummary], supplement: float, target: Target) -> str:
    safety = supplements.safety()
    ul = target.ul_supplement_mg or 0.0
    if days:
        over = ", ".join(f"{d.date} {d.supplement_mg:,.0f} mg" for d in days if d.over_ul)
        amount = f"Supplemental magnesium is above the upper limit (UL) of {ul:g} mg a day on {over}"
    else:
        amount = (
            f"Supplemental magnesium of {supplement:,.0f} mg is above the upper limit (UL) of {ul:g} mg a day"
        )
    return (
        f"{amount} for {target.description} "
        f"({target.standard.upper()}; the UL is for supplements, not food). "
        f"Common side effects above it: {safety['side_effects']}. {safety['kidneys']} "
        f"Known interactions: {safety['interactions']}. Such amounts belong under medical supervision; "
        "talk to a clinician."
    )


def _days(items: list[LineItem], target_mg: float, ul: float | None) -> list[DaySummary]:
    by_date: dict[dt.date, list[LineItem]] = {}
    for item in items:
        if item.date is not None:
            by_date.setdefault(item.date, []).append(item)
    days = []
    for date in sorted(by_date):
        day = by_date[date]
        total = _known(day)
        supplement = _known(day, "supplement")
        days.append(
            DaySummary(
                date=date,
                total_mg=total,
                complete=all(i.magnesium_mg is not None for i in day),
                percent_rda=_percent(total, target_mg),
                entries=len(day),
                food_mg=_known(day, "food"),
                supplement_mg=supplement,
                over_ul=ul is not None and supplement > ul,
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


def check_supplement(report: Report, maximum: str) -> CheckResult:
    """Is supplemental magnesium at or below the bar ('ul' or a number of mg) on every day?"""
    word = maximum.strip().lower()
    if word == "ul":
        if report.ul_supplement_mg is None:
            raise MagcalcError(
                f"no upper limit is set for {report.reference.description}; give a number of mg"
            )
        bar, name = report.ul_supplement_mg, f"UL, {report.reference.standard.upper()}"
    else:
        bar, name = _bar(word, report.rda_mg)[0], "given"
    days = [(str(d.date), d.supplement_mg) for d in report.days] or [("the log", report.supplement_mg)]
    over = [(label, mg) for label, mg in days if mg > bar]
    if not over:
        return CheckResult(True, bar, name, f"ok: supplemental magnesium within {bar:g} mg ({name})")
    details = ", ".join(f"{label} {mg:,.0f} mg" for label, mg in over)
    return CheckResult(
        False, bar, name, f"over: supplemental magnesium {details} is above {bar:g} mg ({name})"
    )


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
