"""Entries + foods + target -> report. Pure: no I/O, no printing."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from magcalc import foods, rda, supplements
from magcalc.errors import MagcalcError, Problem, UnitError, UnknownFood
from magcalc.logfile import DAILY_TOTAL
from magcalc.matching import resolve, tokenize
from magcalc.models import (
    NOT_ADVICE,
    DaySummary,
    DayTotal,
    Entry,
    LineItem,
    Report,
    Sources,
    SourceShare,
    Target,
)
from magcalc.supplements import find_form
from magcalc.units import MASS_G, canonical_unit, checked_grams, to_grams


def measure(entry: Entry) -> LineItem:
    """One entry's food, grams and magnesium; MagcalcError (without a line) when it cannot be done.

    A USDA id given with the entry (an export) is used instead of matching the name, and a
    magnesium value given with it (an export, Cronometer) is kept as given. An entry whose values
    come from its file (source "file") is never converted through a food: see from_file.
    """
    if entry.source == "file":
        return from_file(entry, file_reference(entry))
    if entry.food_id is None and entry.magnesium_mg is not None:
        try:
            return _measure(entry)
        except (UnknownFood, UnitError):  # the file states the magnesium: keep the row with it
            return from_file(entry, None)
    return _measure(entry)


def _measure(entry: Entry) -> LineItem:
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
        source="user" if food.is_users else "usda-sr28",
    )


def is_supplement_id(food_id: str) -> bool:
    return food_id.startswith(supplements.ID_PREFIX)


# Cronometer's quick-add rows: macronutrients typed as a number, never a food to match.
QUICK_ADD = frozenset(
    {"calorie", "calories", "protein", "carbs", "carbohydrate", "carbohydrates", "fat", "alcohol",
     "quick add"}
)  # fmt: skip
AS_GIVEN = "magnesium as given in the file"


@dataclass(frozen=True)
class Reference:
    """What a file row was matched to: only an id for reference (the file's values are kept), and
    the grams of one of the row's unit when the food's measures give them."""

    food_id: str
    food_name: str
    kind: Literal["food", "supplement"]
    grams_each: float | None
    portion: str | None


def file_reference(entry: Entry) -> Reference | None:
    """The USDA food or supplement form a file row names, when that is clear; else None.

    A food_id given with the row (a magcalc export) is taken as it is. A name is matched only when
    the matcher is confident and the food it found shares a word with the name; quick-add rows
    ("Calorie", "800.00 1") and daily totals are never matched.
    """
    unit = _measure_name(entry.unit)
    if entry.food_id is not None:
        if is_supplement_id(entry.food_id):
            form = find_form(entry.food_id)
            name = form.name if form else entry.input
            return Reference(entry.food_id, name, "supplement", None, None)
        food = foods.get_food(entry.food_id)
        if food is None:
            return Reference(entry.food_id, entry.input, "food", None, None)
        return _food_reference(food, unit)
    name = entry.input
    quick_add = name.strip().lower() in QUICK_ADD or (unit is not None and not unit[0].isalpha())
    if quick_add or name == DAILY_TOTAL:
        return None
    if (form := find_form(name)) is not None:
        return Reference(form.food_id, form.name, "supplement", None, None)
    try:
        probe = _measure(Entry(line=entry.line, input=name, amount=100.0, unit="g"))
    except MagcalcError:
        return None  # no match is no reference id, never a lost row
    if probe.kind != "food" or probe.food_id is None or not probe.confident:
        return None
    if not set(tokenize(name)) & set(tokenize(probe.food_name)):
        return None  # a match on no word of the name ("Main" -> HUNGRY MAN) is a guess
    food = foods.get_food(probe.food_id)
    return None if food is None else _food_reference(food, unit)


def _food_reference(food: foods.Food, unit: str | None) -> Reference:
    try:
        conversion = to_grams(food, 1.0, unit) if unit else None
    except MagcalcError:
        conversion = None
    if conversion is None:
        return Reference(food.food_id, food.description, "food", None, None)
    return Reference(food.food_id, food.description, "food", conversion.grams, conversion.portion)


def _measure_name(unit: str | None) -> str | None:
    """The measure a unit names: 'medium (2-2/3" dia)' -> 'medium'."""
    if not unit:
        return None
    return re.sub(r"\s*\(.*$", "", unit, flags=re.DOTALL).strip() or unit


def from_file(entry: Entry, reference: Reference | None) -> LineItem:
    """An entry with the values its file gives: the magnesium as given (None stays unknown), the
    amount and unit as written; a reference only adds its id, and grams when its measures know
    the unit (else grams of a mass unit, else unknown)."""
    grams: float | None = None
    if reference is not None and reference.grams_each is not None:
        grams = entry.amount * reference.grams_each
    elif (unit := _measure_name(entry.unit)) is not None and (per := MASS_G.get(canonical_unit(unit))):
        grams = entry.amount * per
    if grams is not None and not (math.isfinite(grams) and grams <= MAX_FILE_GRAMS):
        grams = None
    portion = "; ".join(filter(None, [reference.portion if reference else None, AS_GIVEN]))
    return LineItem(
        line=entry.line, input=entry.input, food_id=reference.food_id if reference else None,
        food_name=reference.food_name if reference else entry.input, amount=entry.amount, unit=entry.unit,
        grams=grams, magnesium_mg=entry.magnesium_mg, portion=portion, date=entry.date, time=entry.time,
        meal=entry.meal, note=entry.note, entry_id=entry.entry_id,
        kind=reference.kind if reference else "food", source="file",
    )  # fmt: skip


MAX_FILE_GRAMS = 1e7


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
        source="supplement",
    )


def _food(entry: Entry) -> foods.Food:
    if entry.food_id is None:
        return resolve(entry.input)
    food = foods.get_food(entry.food_id)
    if food is None:
        raise UnknownFood(f"the food_id {entry.food_id!r} is not a USDA id in magcalc's table")
    return food


MAX_PROBLEMS = 100  # listed one per line; beyond this, a count


class Measurer:
    """measure(), remembering each distinct food and unit: a long log repeats a few hundred foods,
    so each is matched and converted once and every other row is arithmetic."""

    def __init__(self) -> None:
        self._references: dict[tuple[str, str | None, str | None], Reference | None] = {}
        self._known: dict[
            tuple[str, str | None, str | None], tuple[foods.Food, float, str | None] | MagcalcError
        ] = {}

    def __call__(self, entry: Entry) -> LineItem:
        if entry.source == "file":
            key = (entry.input, entry.food_id, entry.unit)
            if key in self._references:
                reference = self._references[key]
            else:
                reference = file_reference(entry)
                if len(self._references) < 200_000:
                    self._references[key] = reference
            return from_file(entry, reference)
        if entry.magnesium_mg is not None or entry.each is not None:
            return measure(entry)
        key = (entry.input, entry.food_id, entry.unit)
        known = self._known.get(key)
        if known is None:
            known = self._learn(entry)
            if len(self._known) < 200_000:
                self._known[key] = known
        if isinstance(known, MagcalcError):
            raise known
        food, grams_each, portion = known
        if food is _SUPPLEMENT:
            return measure(entry)
        grams = checked_grams(entry.amount * grams_each)
        mg = food.magnesium_mg_per_100g
        return LineItem(
            line=entry.line, input=entry.input, food_id=food.food_id, food_name=food.description,
            amount=entry.amount, unit=entry.unit, grams=grams,
            magnesium_mg=None if mg is None else mg * grams / 100, portion=portion, date=entry.date,
            time=entry.time, meal=entry.meal, note=entry.note, entry_id=entry.entry_id, kind="food",
            source="user" if food.is_users else "usda-sr28",
        )  # fmt: skip

    def _learn(self, entry: Entry) -> tuple[foods.Food, float, str | None] | MagcalcError:
        try:
            if (entry.food_id is not None and is_supplement_id(entry.food_id)) or (
                entry.food_id is None and find_form(entry.input) is not None
            ):
                return (_SUPPLEMENT, 0.0, None)
            food = _food(entry)
            conversion = to_grams(food, 1.0, entry.unit)
        except MagcalcError as error:
            return error
        return (food, conversion.grams, conversion.portion)


_SUPPLEMENT = foods.Food("", "", "", None, None, False, "", "", ())  # marks a supplement in Measurer


def measure_all(entries: Iterable[Entry], problems: Iterable[Problem] = ()) -> list[LineItem]:
    """Every entry measured, or one MagcalcError naming every line that could not be read
    (`problems`, from parsing) or measured."""
    items: list[LineItem] = []
    problems = list(problems)
    measurer = Measurer()
    tally = Tally()
    for entry in entries:
        try:
            item = measurer(entry)
        except MagcalcError as error:
            problems.extend(error.at_line(entry.line).problems)
            continue
        items.append(item)
        tally.add(item)
    problems += tally.date_problems()
    if problems:
        raise MagcalcError(*sorted(problems, key=lambda p: p.line or 0))
    return items


def stream_report(
    rows: Iterable[Entry | Problem], target: Target, on_item: Callable[[LineItem], None] | None = None
) -> Report:
    """A report over rows read one at a time, in bounded memory: each good row is measured, added
    to the sums and handed to `on_item` (until a problem is found); the report has no entries.
    Every problem (up to MAX_PROBLEMS, then a count) is raised together at the end."""
    measurer = Measurer()
    tally = Tally()
    problems: list[Problem] = []
    more = 0

    def record(found: Iterable[Problem]) -> None:
        nonlocal more
        for problem in found:
            if len(problems) < MAX_PROBLEMS:
                problems.append(problem)
            else:
                more += 1

    for row in rows:
        if isinstance(row, Problem):
            record([row])
            continue
        try:
            item = measurer(row)
        except MagcalcError as error:
            record(error.at_line(row.line).problems)
            continue
        tally.add(item)
        if on_item is not None and not problems:
            on_item(item)
    record(tally.date_problems())
    if problems:
        extra = [Problem(f"... and {more:,} more problems")] if more else []
        raise MagcalcError(*sorted(problems, key=lambda p: p.line or 0), *extra)
    return tally.report(target, [])


def _percent(mg: float, target_mg: float) -> float:
    return 100 * mg / target_mg


@dataclass
class _Sums:
    total: float = 0.0
    food: float = 0.0
    supplement: float = 0.0
    unknown: int = 0
    entries: int = 0

    def add(self, item: LineItem) -> None:
        self.entries += 1
        mg = item.magnesium_mg
        if mg is None:
            self.unknown += 1
            return
        self.total += mg
        if item.kind == "supplement":
            self.supplement += mg
        else:
            self.food += mg


class Tally:
    """Running sums of a log, row by row: everything a report needs without keeping the rows."""

    def __init__(self) -> None:
        self.all = _Sums()
        self.days: dict[dt.date, _Sums] = {}
        self.undated_lines: list[int] = []
        self.by_food: dict[tuple[str | None, str, str], float] = {}  # (id, name, source) -> mg
        self.doubtful = 0
        self.assumed = 0

    def add(self, item: LineItem) -> None:
        self.all.add(item)
        self.doubtful += not item.confident
        self.assumed += item.assumed is not None
        if item.magnesium_mg is not None:
            key = (item.food_id, item.food_name, item.source)
            self.by_food[key] = self.by_food.get(key, 0.0) + item.magnesium_mg
        if item.date is None:
            if len(self.undated_lines) < MAX_PROBLEMS:
                self.undated_lines.append(item.line)
            return
        day = self.days.get(item.date)
        if day is None:
            day = self.days[item.date] = _Sums()
        day.add(item)

    def date_problems(self) -> list[Problem]:
        """A log where some rows have a date must give every row one."""
        if not self.days or not self.undated_lines:
            return []
        return [Problem("no date, but other rows have one", line) for line in self.undated_lines]

    def report(self, target: Target, entries: list[LineItem]) -> Report:
        ul = target.ul_supplement_mg
        days = [
            DaySummary(
                date=date, total_mg=s.total, complete=s.unknown == 0,
                percent_rda=_percent(s.total, target.rda_mg), entries=s.entries, food_mg=s.food,
                supplement_mg=s.supplement, over_ul=ul is not None and s.supplement > ul,
            )
            for date, s in sorted(self.days.items())
        ]  # fmt: skip
        report = _report(entries, self.all, days, target)
        return report.model_copy(
            update={
                "doubtful_entries": self.doubtful,
                "assumed_entries": self.assumed,
                "sources": sources(self.by_food),
            }
        )


SOURCES_LISTED = 5  # the foods and groups a report names; the rest is "everything else"


def food_group(food_id: str | None, source: str) -> str:
    """The food group an entry's magnesium is counted under (USDA's groups for USDA foods)."""
    if source == "supplement":
        return "Supplements"
    if source == "user":
        return "Your foods and recipes"
    food = foods.get_food(food_id) if food_id else None
    return food.food_group if food is not None and food.food_group else "Values given in the file"


def sources(by_food: dict[tuple[str | None, str, str], float], limit: int = SOURCES_LISTED) -> Sources:
    """The foods and food groups that gave the most magnesium, each with its share of the total."""
    total = sum(by_food.values())
    groups: dict[str, float] = {}
    for (food_id, _name, source), mg in by_food.items():
        group = food_group(food_id, source)
        groups[group] = groups.get(group, 0.0) + mg

    def share(name: str, food_id: str | None, mg: float) -> SourceShare:
        return SourceShare(name=name, food_id=food_id, magnesium_mg=mg,
                           share_percent=100 * mg / total if total else 0.0)  # fmt: skip

    top_foods = sorted(by_food.items(), key=lambda kv: (-kv[1], kv[0][1]))[:limit]
    top_groups = sorted(groups.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return Sources(
        foods=[share(name, food_id, mg) for (food_id, name, _source), mg in top_foods],
        groups=[share(name, None, mg) for name, mg in top_groups],
    )


def day_totals(report: Report) -> list[DayTotal]:
    """Each day of a report as `add` shows it: the running total against the target."""
    return [
        DayTotal(
            date=day.date, total_mg=day.total_mg, complete=day.complete, entries=day.entries,
            rda_mg=report.rda_mg, percent_rda=day.percent_rda,
            remaining_mg=max(report.rda_mg - day.total_mg, 0.0), food_mg=day.food_mg,
            supplement_mg=day.supplement_mg, ul_supplement_mg=report.ul_supplement_mg, over_ul=day.over_ul,
        )
        for day in report.days
    ]  # fmt: skip


def build_report(items: list[LineItem], target: Target) -> Report:
    tally = Tally()
    for item in items:
        tally.add(item)
    return tally.report(target, items)


def _report(items: list[LineItem], sums: _Sums, days: list[DaySummary], target: Target) -> Report:
    total, unknown, supplement = sums.total, sums.unknown, sums.supplement
    ul = target.ul_supplement_mg
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
        warnings.append(_ul_warning(days, supplement, target))
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
        food_mg=sums.food,
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


def _ul_warning(days: list[DaySummary], supplement: float, target: Target) -> str:
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
