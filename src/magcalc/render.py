"""Results -> table (Rich) | json | csv on a given stream. The only module that formats data."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, TextIO

from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from magcalc.models import FoodView, Report, SearchHit, Target
from magcalc.rda import TableRow


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def console(stream: TextIO) -> Console:
    """A console on `stream`: colour only on a terminal and never with NO_COLOR (Rich checks both)."""
    width = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else None
    return Console(file=stream, width=width, highlight=False, soft_wrap=False)


def _json(stream: TextIO, payload: Any) -> None:
    if isinstance(payload, BaseModel):
        payload = payload.model_dump(mode="json")
    elif isinstance(payload, list):
        payload = [p.model_dump(mode="json") if isinstance(p, BaseModel) else p for p in payload]
    stream.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def _csv(stream: TextIO, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)


def _mg(value: float | None) -> str:
    return "unknown" if value is None else f"{value:,.0f}"


def _amount(value: float) -> str:
    return f"{value:g}"


def report(result: Report, fmt: Format, stream: TextIO) -> None:
    if fmt is Format.json:
        return _json(stream, result)
    if fmt is Format.csv:
        columns = ["line", "date", "time", "meal", "input", "food_id", "food_name", "amount", "unit", "grams"]
        return _csv(
            stream,
            [*columns, "magnesium_mg"],
            ([getattr(e, c) for c in columns] + [e.magnesium_mg] for e in result.entries),
        )
    out = console(stream)
    dated = len(result.days) > 1
    title = "Magnesium from your log" + (f" on {result.days[0].date}" if len(result.days) == 1 else "")
    table = Table(title=title, title_justify="left", expand=out.width < 120)
    if dated:
        table.add_column("Date", no_wrap=True)
    table.add_column("You typed", ratio=2)
    table.add_column("USDA food (id)", ratio=4)
    table.add_column("Amount", ratio=2)
    table.add_column("g", justify="right", no_wrap=True)
    table.add_column("Mg mg", justify="right", no_wrap=True)
    for entry in result.entries:
        amount = f"{_amount(entry.amount)} {entry.unit or ''}".strip()
        if entry.portion:
            amount += f"\n[dim]{escape(entry.portion)}[/dim]"
        cells = [
            escape(entry.input),
            f"{escape(entry.food_name)} [dim]({entry.food_id})[/dim]",
            amount,
            f"{entry.grams:,.0f}",
            _mg(entry.magnesium_mg),
        ]
        table.add_row(*([str(entry.date)] if dated else []), *cells)
    out.print(table)
    target = result.reference
    if len(result.days) > 1:
        days = Table(title="Each day", title_justify="left")
        for name, justify in (("Date", "left"), ("Mg mg", "right"), ("% of RDA", "right")):
            days.add_column(name, justify=justify)  # type: ignore[arg-type]
        for day in result.days:
            days.add_row(
                str(day.date), _mg(day.total_mg) + ("" if day.complete else "+?"), f"{day.percent_rda:.0f}%"
            )
        out.print(days)
        out.print(
            f"Daily average: [bold]{result.daily_average_mg:,.0f} mg[/bold] over {len(result.days)} days"
        )
    total = f"[bold]{result.total_mg:,.0f} mg[/bold]"
    if not result.complete:
        total += f" [yellow](incomplete: {result.unknown_entries} food(s) with magnesium unknown)[/yellow]"
    out.print(f"Total: {total}")
    out.print(
        f"{target.kind}: {target.rda_mg:g} mg for {escape(target.description)} [{target.standard.upper()}]"
    )
    reached = f"Reached: [bold]{result.percent_rda:.0f}%[/bold]"
    if result.remaining_mg > 0:
        reached += f", {result.remaining_mg:,.0f} mg to go"
    out.print(reached + (" (daily average)" if len(result.days) > 1 else ""))
    for note in result.notes:
        out.print(f"[dim]{escape(note)}[/dim]")


def rda_rows(rows: list[TableRow], fmt: Format, stream: TextIO) -> None:
    if fmt is Format.json:
        return _json(stream, rows)
    columns = ["life_stage", "sex", "state", "kind", "rda_mg", "ul_supplement_mg"]
    if fmt is Format.csv:
        return _csv(
            stream,
            [*columns, "min_age_years", "max_age_years", "source"],
            ([getattr(r, c) for c in columns] + [r.min_age_years, r.max_age_years, r.source] for r in rows),
        )
    table = Table(
        title=f"Magnesium reference intakes, mg/day ({rows[0].standard.upper()})", title_justify="left"
    )
    for name in ("Life stage", "Male", "Female", "Pregnancy", "Lactation", "UL (supplements)"):
        table.add_column(name, justify="left" if name == "Life stage" else "right")
    stages: dict[str, dict[str, str]] = {}
    for row in rows:
        cells = stages.setdefault(
            row.life_stage, {"ul": _mg(row.ul_supplement_mg).replace("unknown", "none")}
        )
        key = row.state if row.state != "none" else row.sex
        cells[key] = f"{row.rda_mg:g}" + (" (AI)" if row.kind == "AI" else "")
    for stage, cells in stages.items():
        table.add_row(stage, *(cells.get(k, "") for k in ("male", "female", "pregnant", "lactating", "ul")))
    out = console(stream)
    out.print(table)
    out.print("[dim]AI = Adequate Intake. The UL applies to supplemental magnesium only, not to food.[/dim]")
    out.print(f"[dim]Source: {escape(rows[0].source)}[/dim]")


def target(value: Target, fmt: Format, stream: TextIO) -> None:
    if fmt is Format.json:
        return _json(stream, value)
    fields = ["standard", "life_stage", "sex", "state", "kind", "rda_mg", "ul_supplement_mg", "source"]
    if fmt is Format.csv:
        return _csv(stream, fields, [[getattr(value, f) for f in fields]])
    out = console(stream)
    out.print(f"{value.kind}: [bold]{value.rda_mg:g} mg[/bold] a day for {escape(value.description)}")
    ul = "none set" if value.ul_supplement_mg is None else f"{value.ul_supplement_mg:g} mg a day"
    out.print(f"Upper limit for supplemental magnesium: {ul} (not for magnesium in food)")
    out.print(f"[dim]Source: {escape(value.source)}[/dim]")


def search_hits(hits: list[SearchHit], fmt: Format, stream: TextIO) -> None:
    if fmt is Format.json:
        return _json(stream, hits)
    if fmt is Format.csv:
        return _csv(
            stream,
            [
                "rank",
                "food_id",
                "food_name",
                "food_group",
                "magnesium_mg_per_100g",
                "portion",
                "portion_grams",
                "portion_magnesium_mg",
            ],
            (
                [
                    h.rank,
                    h.food_id,
                    h.food_name,
                    h.food_group,
                    h.magnesium_mg_per_100g,
                    _portion_label(h),
                    h.portion and h.portion.grams,
                    h.portion and h.portion.magnesium_mg,
                ]
                for h in hits
            ),
        )
    table = Table()
    for name, justify in (
        ("#", "right"),
        ("Id", "left"),
        ("Food", "left"),
        ("Mg mg/100 g", "right"),
        ("Portion", "left"),
        ("Mg mg", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for h in hits:
        table.add_row(
            str(h.rank),
            h.food_id,
            escape(h.food_name),
            _mg(h.magnesium_mg_per_100g),
            escape(_portion_label(h)),
            _mg(h.portion.magnesium_mg) if h.portion else "",
        )
    console(stream).print(table)


def _portion_label(hit: SearchHit) -> str:
    p = hit.portion
    return "" if p is None else f"{_amount(p.amount)} {p.description} ({p.grams:g} g)"


def food(view: FoodView, fmt: Format, stream: TextIO) -> None:
    if fmt is Format.json:
        return _json(stream, view)
    if fmt is Format.csv:
        return _csv(
            stream,
            ["food_id", "food_name", "magnesium_mg_per_100g", "amount", "portion", "grams", "magnesium_mg"],
            (
                [
                    view.food_id,
                    view.food_name,
                    view.magnesium_mg_per_100g,
                    _amount(p.amount),
                    p.description,
                    p.grams,
                    p.magnesium_mg,
                ]
                for p in view.portions
            ),
        )
    out = console(stream)
    out.print(f"[bold]{escape(view.food_name)}[/bold] ({view.food_id}), {escape(view.food_group)}")
    if view.common_names:
        out.print(f"Also called: {escape(view.common_names)}")
    mg = _mg(view.magnesium_mg_per_100g)
    out.print(
        f"Magnesium: {mg}{'' if view.magnesium_mg_per_100g is None else ' mg'} per 100 g"
        + ("" if view.kcal_per_100g is None else f"; energy {view.kcal_per_100g:g} kcal per 100 g")
    )
    if view.portions:
        table = Table(title="USDA measures", title_justify="left")
        for name, justify in (("Measure", "left"), ("g", "right"), ("Mg mg", "right")):
            table.add_column(name, justify=justify)  # type: ignore[arg-type]
        for p in view.portions:
            table.add_row(escape(f"{_amount(p.amount)} {p.description}"), f"{p.grams:g}", _mg(p.magnesium_mg))
        out.print(table)
    else:
        out.print("USDA gives no household measures for this food: log it in g, kg, mg, oz or lb.")
    out.print(f"[dim]Source: {escape(view.source)}[/dim]")
