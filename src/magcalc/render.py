"""Results -> table (Rich) | json | csv on a given stream. The only module that formats data."""

from __future__ import annotations

import contextlib
import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from magcalc.about import Explanation
from magcalc.formats import Format
from magcalc.logfile import FORMULA_START
from magcalc.models import (
    Added,
    DaySummary,
    FoodView,
    History,
    Imported,
    LineItem,
    Profile,
    Report,
    SearchHit,
    Sources,
    Suggestion,
    Target,
    TopFood,
    UserFood,
)
from magcalc.rda import TableRow
from magcalc.supplements import Form
from magcalc.terminal import UNSAFE, safe_text


class _Console(Console):
    """Rich's console, with every text made safe before Rich lays it out: a name from a crafted
    diary shows its escape sequences as text (and is measured as shown), so that the colour codes
    Rich writes to a terminal (terminal.SafeStream lets them pass) are only magcalc's own."""

    def render_str(self, text: str, **options: Any) -> Text:
        return super().render_str(safe_text(text), **options)  # before markup: '\\x1b' is no tag

    def render(self, renderable: Any, options: Any = None) -> Any:
        if isinstance(renderable, Text) and UNSAFE.search(renderable.plain):  # built from data
            renderable = Text(safe_text(renderable.plain), style=renderable.style, end=renderable.end,
                              justify=renderable.justify, overflow=renderable.overflow,
                              no_wrap=renderable.no_wrap)  # fmt: skip
        return super().render(renderable, options)


def console(stream: TextIO, terminal: bool | None = None) -> Console:
    """A console on `stream`: styles only on a terminal, and with NO_COLOR no escape codes at all
    (Rich alone would still write bold and dim)."""
    columns = os.environ.get("COLUMNS", "")
    width = int(columns) if columns.isdigit() and 0 < int(columns) <= 10_000 else None
    # COLUMNS=0 (or nonsense): as if unset, the terminal's width or 80 (Rich would use 0)
    environ = None if width or not columns else {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    options: dict[str, Any] = {"width": width, "highlight": False, "soft_wrap": False, "_environ": environ}
    if os.environ.get("NO_COLOR"):
        return _Console(file=stream, color_system=None, **options)
    return _Console(file=stream, force_terminal=terminal, **options)


KEPT_AS_GIVEN = {"amount", "age", "elemental_percent", "servings", "min_age_years", "max_age_years",
                 "ul_from_age_years"}  # fmt: skip


def _rounded(value: Any, key: str = "") -> Any:
    """Magnesium, grams, energy and percents to 0.01: no float noise such as 26.839999999999996,
    and a value a file states (Cronometer gives two decimals) still reads back as given. Amounts
    and ages as given."""
    if isinstance(value, float) and key not in KEPT_AS_GIVEN:
        return round(value, 2)
    if isinstance(value, dict):
        return {k: _rounded(v, k) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v, key) for v in value]
    return value


def _json(stream: TextIO, payload: Any) -> None:
    if isinstance(payload, BaseModel):
        payload = payload.model_dump(mode="json")
    elif isinstance(payload, list):
        payload = [p.model_dump(mode="json") if isinstance(p, BaseModel) else p for p in payload]
    stream.write(json_text(_rounded(payload), indent=2) + "\n")


def json_text(payload: Any, indent: int | None = None) -> str:
    """Strict JSON (never NaN or Infinity: a ValueError is a bug upstream), with control
    characters escaped as \\uNNNN (json escapes C0 itself, not DEL, C1 or bidi overrides)."""
    text = json.dumps(payload, indent=indent, ensure_ascii=False, allow_nan=False)
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class CsvWriter:
    """The one CSV writer: every command's CSV goes through it, so every text cell a spreadsheet
    would run as a formula (=, +, -, @, tab, CR first) gets the one guard, a leading '
    (logfile.unguard undoes it on reading)."""

    def __init__(self, stream: TextIO, header: Sequence[str]) -> None:
        self._writer = csv.writer(stream, lineterminator="\n")
        self._writer.writerow(header)
        self._header = header

    def writerow(self, row: Iterable[Any]) -> None:
        cells = zip(self._header, row, strict=False)
        self._writer.writerow([_cell(_rounded(cell, key)) for key, cell in cells])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def _csv(stream: TextIO, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    CsvWriter(stream, header).writerows(rows)


def guard(cell: str) -> str:
    """A text cell a spreadsheet would run as a formula, with a leading ' so that it is text."""
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_START) else cell


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return guard(value)
    return value


def _mg(value: float | None) -> str:
    return "unknown" if value is None else f"{value:,.0f}"


def _amount(value: float) -> str:
    return f"{value:g}"


def _grams(value: float | None) -> str:
    return "?" if value is None else f"{value:,.0f}"


def _food_id(item: LineItem) -> str:
    """How a table names where an entry's food comes from."""
    if item.food_id is None:
        return "(as in the file)"
    return f"({item.food_id})" if item.kind == "food" else "(supplement)"


REPORT_CSV_COLUMNS = [
    "line",
    "date",
    "time",
    "meal",
    "input",
    "food_id",
    "food_name",
    "amount",
    "unit",
    "grams",
    "source",
    "confident",
    "assumed",
]


def report(
    result: Report,
    fmt: Format,
    stream: TextIO,
    *,
    title: str | None = None,
    empty: str | None = None,
    grouped: bool = False,
    verbose: bool = False,
    show_sources: bool = False,
    terminal: bool | None = None,
) -> None:
    """The daily report: the table, then at most five lines (summary, RLS context, warnings, a
    note, the disclaimer). `--verbose` adds the full notes; `show_sources` where the magnesium came from."""
    if fmt is Format.json:
        return _json(stream, result)
    if fmt is Format.csv:
        return _csv(
            stream,
            [*REPORT_CSV_COLUMNS, "magnesium_mg", "entry_id"],
            (
                [getattr(e, c) for c in REPORT_CSV_COLUMNS] + [e.magnesium_mg, e.entry_id]
                for e in result.entries
            ),
        )
    out = console(stream, terminal)  # `terminal`: the spool a long log is written to is not one
    if not result.entries and not result.days and empty:
        out.print(escape(empty))
        return
    if result.entries:
        out.print(_entries_table(result, title or "Magnesium", grouped, out.width))
    if len(result.days) > 1:
        out.print(_days_table(result))
    if show_sources:
        out.print(sources_table(result.sources, "Where your magnesium comes from"))
    for line in summary_lines(result):
        out.print(line)
    if verbose:
        for text in [*result.warnings, *result.notes[:-1]]:
            out.print(f"[dim]{escape(text)}[/dim]")


def _when(entry: LineItem) -> str:
    return " ".join(filter(None, [entry.meal, entry.time]))


def _meal_groups(entries: list[LineItem]) -> list[list[LineItem]]:
    """Entries grouped by day and meal, groups in the order they first appear."""
    groups: dict[tuple[object, str], list[LineItem]] = {}
    for entry in entries:
        groups.setdefault((entry.date, (entry.meal or "").lower()), []).append(entry)
    return list(groups.values())


def _entries_table(result: Report, title: str, grouped: bool, width: int) -> Table:
    entries = result.entries
    dated = len(result.days) > 1
    ids = any(e.entry_id for e in entries)
    timed = any(e.meal or e.time for e in entries)
    table = Table(title=escape(title), title_justify="left", expand=width < 120)
    if ids:
        table.add_column("Id", no_wrap=True)
    if dated:
        table.add_column("Date", no_wrap=True)
    if timed:
        table.add_column("Meal", min_width=min(12, max(len(_when(e)) for e in entries)))
    table.add_column("You typed", ratio=2)
    table.add_column("Food (id)", ratio=4)
    table.add_column("Amount", ratio=2)
    table.add_column("g", justify="right", no_wrap=True)
    table.add_column("Mg mg", justify="right", no_wrap=True)
    groups = _meal_groups(entries) if grouped else [entries]
    for number, group in enumerate(groups):
        for entry in group:
            amount = f"{_amount(entry.amount)} {entry.unit or ''}".strip()
            if entry.assumed:
                amount += f"\n[yellow]~ {escape(short_assumption(entry.assumed))}[/yellow]"
            elif entry.portion and not _portion_is_obvious(entry.portion, amount):
                amount += f"\n[dim]{escape(entry.portion)}[/dim]"
            source = _food_id(entry)
            doubt = "" if entry.confident else "[bold yellow]?[/bold yellow] "
            cells = [
                escape(entry.input),
                f"{doubt}{escape(entry.food_name)} [dim]{escape(source)}[/dim]",
                amount,
                _grams(entry.grams),
                _mg(entry.magnesium_mg),
            ]
            table.add_row(
                *([entry.entry_id or ""] if ids else []),
                *([str(entry.date)] if dated else []),
                *([escape(_when(entry))] if timed else []),
                *cells,
                end_section=grouped and entry is group[-1] and number < len(groups) - 1,
            )
    return table


def _portion_is_obvious(portion: str, amount: str) -> bool:
    """'1 cup = 234 g' beside '1 cup' and 234 g says nothing new."""
    return portion.startswith(f"{amount} = ") and portion.endswith(" g") and "(" not in portion


def _days_table(result: Report) -> Table:
    days = Table(title="Each day", title_justify="left")
    for name, justify in (("Date", "left"), ("Mg mg", "right"), ("% of RDA", "right")):
        days.add_column(name, justify=justify)  # type: ignore[arg-type]
    for day in result.days:
        days.add_row(
            str(day.date), _mg(day.total_mg) + ("" if day.complete else "+?"), f"{day.percent_rda:.0f}%"
        )
    return days


def sources_table(found: Sources, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("Food or food group", ratio=5)
    table.add_column("Mg mg", justify="right", no_wrap=True)
    table.add_column("Share", justify="right", no_wrap=True)
    for share in found.foods:
        table.add_row(escape(share.name), _mg(share.magnesium_mg), f"{share.share_percent:.0f}%")
    table.add_section()
    for share in found.groups:
        table.add_row(f"[italic]{escape(share.name)}[/italic]", _mg(share.magnesium_mg),
                      f"{share.share_percent:.0f}%")  # fmt: skip
    return table


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def summary_lines(result: Report) -> list[str]:
    """At most five short lines under the table: the summary (what people came for), the RLS
    context, warnings, a note, the disclaimer. The long texts are for --verbose and `about`."""
    target = result.reference
    several = len(result.days) > 1
    who = target.description.split(" (")[0]
    what = f"the {target.rda_mg:g} mg {target.kind} ({escape(who)}, {target.standard.upper()})"
    unknown = "" if result.complete else "+?"
    colour = "green" if result.percent_rda >= 100 else "yellow"
    percent = f"[bold {colour}]{result.percent_rda:.0f}%[/bold {colour}]"
    if several:
        met = sum(1 for d in result.days if d.total_mg >= result.rda_mg)
        first = (
            f"Average [bold]{result.daily_average_mg:,.0f}{unknown} mg[/bold]/day: {percent} of {what}; "
            f"met {met}/{len(result.days)} days"
        )
    else:
        status = "reached" if result.percent_rda >= 100 else f"{result.remaining_mg:,.0f} mg to go"
        first = f"Total [bold]{result.total_mg:,.0f}{unknown} mg[/bold]: {percent} of {what}; {status}"
    low, high = result.rls_trial_range_mg
    lines = [
        first,
        f"RLS trials: {low:g}-{high:g} mg a day; this {'average' if several else 'day'} is "
        f"{result.rls_position} it (magcalc about rls).",
    ]
    checks = []
    if result.over_ul:
        over = [d.supplement_mg for d in result.days if d.over_ul] or [result.supplement_mg]
        when = f" on {_plural(len(over), 'day')}" if several else ""
        checks.append(
            f"supplements {max(over):,.0f} mg, above the {result.ul_supplement_mg or 0:g} mg UL{when}"
        )
    if result.unknown_entries:
        checks.append(f"{_plural(result.unknown_entries, 'food')} with magnesium unknown (+?)")
    if result.doubtful_entries:
        checks.append(f"{_plural(result.doubtful_entries, 'doubtful match', 'doubtful matches')} (?)")
    if result.assumed_entries:
        checks.append(f"{_plural(result.assumed_entries, 'amount')} assumed")
    if checks:
        lines.append(f"[bold yellow]Check:[/bold yellow] {escape('; '.join(checks))}.")
    if target.is_default:
        lines.append(f"No person given, so the highest adult {target.kind} is used: magcalc profile set.")
    elif result.supplement_mg and not result.over_ul:
        lines.append(
            f"Supplements {result.supplement_mg:,.0f} mg of it; food {result.food_mg:,.0f} mg."
        )
    lines.append("[dim]Not medical advice: magcalc informs, it does not prescribe.[/dim]")
    return lines


def explanation(view: Explanation, fmt: Format, stream: TextIO) -> None:
    if fmt is Format.json:
        return _json(stream, view)
    if fmt is Format.csv:
        return _csv(stream, ["topic", "kind", "text"],
                    [*([view.topic, "paragraph", p] for p in view.paragraphs),
                     *([view.topic, "source", s] for s in view.sources)])  # fmt: skip
    out = console(stream)
    out.print(f"[bold]{escape(view.title)}[/bold]")
    for paragraph in view.paragraphs:
        out.print()
        out.print(escape(paragraph))
    out.print()
    out.print("[bold]Sources[/bold]")
    for source in view.sources:
        out.print(f"- {escape(source)}")


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
        ul = _mg(row.ul_supplement_mg).replace("unknown", "none")
        if row.ul_from_age_years is not None:
            ul = f"{ul} from age {row.ul_from_age_years:g}"
        cells = stages.setdefault(row.life_stage, {"ul": ul})
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


def short_assumption(text: str) -> str:
    """The assumption in a few words for a table cell (JSON and --verbose keep the whole text):
    'no amount: typical portion (FNDDS, Banana, raw), 126 g' -> 'typical portion';
    'each: 1 egg, 50 g' -> '1 egg each'; 'a handful taken as 1 oz, 28 g (...)' -> 'a handful = 1 oz'."""
    if text.startswith("no amount:"):
        return "typical portion" if "typical" in text else "usual portion"
    if text.startswith("each:"):
        what = text.removeprefix("each:").strip().rsplit(",", 1)[0]
        return f"{what.split(' (')[0]} each"
    if " taken as " in text:
        word, _, rest = text.partition(" taken as ")
        return f"{word} = {rest.split(',')[0].split(' (')[0].split(':')[0]}"  # 'a bowl = 1.5 cups'
    return text.split(" (")[0]


def _said_amount(text: str) -> bool:
    """Does the typed text carry its own amount ('2 eggs', 'almonds, 1 oz')?"""
    from magcalc.errors import MagcalcError
    from magcalc.phrases import parse_one

    try:
        said = parse_one(text)
        return said.quantity is not None or said.unit is not None
    except MagcalcError:
        return False


def _item_line(item: LineItem) -> str:
    amount = "" if _said_amount(item.input) else f"{_amount(item.amount)} {item.unit or ''}".strip()
    when = " ".join(filter(None, [str(item.date) if item.date else None, item.time, item.meal]))
    guess = "" if item.confident else "[bold yellow]?[/bold yellow] "
    assumed = f" [dim]({escape(item.assumed)})[/dim]" if item.assumed else ""
    return (
        f"[bold]{item.entry_id or ''}[/bold] {escape(when)}: {escape(item.input)}"
        f"{', ' + escape(amount) if amount else ''} -> "
        f"{guess}{escape(item.food_name)} [dim]{escape(_food_id(item))}[/dim], {_grams(item.grams)} g, "
        f"[bold]{_mg(item.magnesium_mg)} mg[/bold]{assumed}"
    )


def added(result: Added, fmt: Format, stream: TextIO, verb: str = "Added") -> None:
    """Entries just stored, and the running total of each day they landed on."""
    if fmt is Format.json:
        return _json(stream, result)
    if fmt is Format.csv:
        columns = ["entry_id", "date", "time", "meal", "input", "food_id", "food_name", "amount", "unit"]
        return _csv(
            stream,
            [*columns, "grams", "magnesium_mg"],
            ([getattr(e, c) for c in columns] + [e.grams, e.magnesium_mg] for e in result.added),
        )
    lines = [f"{verb} {_item_line(item)}" for item in result.added]
    for day in result.days:
        known = "" if day.complete else " [yellow](incomplete: some magnesium unknown)[/yellow]"
        lines.append(
            f"{day.date}: [bold]{day.total_mg:,.0f} mg[/bold]{known} of {day.rda_mg:g} mg "
            f"({result.reference.kind}, {escape(result.reference.description)}): {day.percent_rda:.0f}%"
            + (f", {day.remaining_mg:,.0f} mg to go" if day.remaining_mg > 0 else "")
        )
    out = console(stream)
    for start in range(0, len(lines), 500):  # one print a line costs ~0.5 ms: 10,000 rows took 5 s
        out.print("\n".join(lines[start : start + 500]))


def _bar(total: float | None, rda_mg: float, scale_mg: float, met: bool | None, width: int) -> Text:
    """A bar of `total` with the RDA marked as a vertical line at its place on the scale."""
    mark = min(round(rda_mg / scale_mg * width), width - 1)
    filled = 0 if total is None else round(total / scale_mg * width)
    fill, fill_style = ("█", "green") if met else ("▒", "yellow")
    empty = " " if total is not None else "·"
    bar = Text(no_wrap=True)
    for start, end in ((0, mark), (mark + 1, width)):  # the runs either side of the RDA mark
        full = max(0, min(filled, end) - start)
        if full:
            bar.append(fill * full, style=fill_style)
        if end - start - full > 0:
            bar.append(empty * (end - start - full), style="dim")
        if start == 0:
            bar.append("│", style="bold")
    return bar


def _history_renderables(result: History, width: int) -> list[Any]:
    """The chart as one block of text, a line a day: a Rich Table of a year of rows takes most of a
    second to lay out, and these columns have fixed widths anyway."""
    chart = max(10, min(40, width - 38))  # what is left beside date, total, percent and met
    scale = max([result.rda_mg * 1.25, *(d.total_mg or 0.0 for d in result.days)])
    table = Text(no_wrap=True)
    table.append(f"Magnesium by day, {result.start} to {result.end}\n", style="italic")
    table.append(
        f"{'Date':<10}  {'Mg mg':>10}  {'% RDA':>5}  {'Met':<3}  0 to {scale:,.0f} mg\n", style="bold"
    )
    for day in result.days:
        if day.logged:
            total = _mg(day.total_mg) + ("" if day.complete else "+?")
            table.append(f"{day.date!s:<10}  {total:>10}  {day.percent_rda or 0:>4.0f}%  ")
            table.append(f"{'yes' if day.met else 'no':<3}", style="green" if day.met else "yellow")
            table.append("  ")
            table.append_text(_bar(day.total_mg, result.rda_mg, scale, day.met, chart))
        else:
            table.append(f"{day.date!s:<10}  ")
            table.append(f"{'not logged':>10}", style="dim")
            table.append(" " * 14)
            table.append_text(_bar(None, result.rda_mg, scale, None, chart))
        table.append("\n")
    table.append(
        f"│ marks the {result.reference.kind}, {result.rda_mg:g} mg; █ met, ▒ below, · not logged",
        style="dim",
    )
    lines: list[Any] = [table]
    if result.days_logged:
        average = result.average_mg or 0.0
        lines.append(
            f"Average: [bold]{average:,.0f} mg[/bold] a day over {result.days_logged} logged day(s) "
            f"({100 * average / result.rda_mg:.0f}% of {result.rda_mg:g} mg, "
            f"{escape(result.reference.description)})"
        )
        lines.append(
            f"Met on {result.days_met} of {result.days_logged} logged day(s); "
            f"{len(result.days) - result.days_logged} day(s) not logged"
        )
        lines.append(
            f"Current streak: {result.streak_days} day(s) in a row at or above the {result.reference.kind}"
        )
    else:
        lines.append(f"Nothing logged from {result.start} to {result.end}.")
    lines += [f"[dim]{escape(note)}[/dim]" for note in result.notes]
    return lines


def history(result: History, fmt: Format, stream: TextIO, show_sources: bool = False) -> None:
    if fmt is Format.json:
        return _json(stream, result)
    if fmt is Format.csv:
        columns = ["date", "logged", "total_mg", "complete", "entries", "percent_rda", "met", "food_mg",
                   "supplement_mg", "over_ul"]  # fmt: skip
        return _csv(stream, columns, ([getattr(d, c) for c in columns] for d in result.days))
    out = console(stream)
    for renderable in _history_renderables(result, out.width):
        out.print(renderable)
    if show_sources:
        out.print(sources_table(result.sources, "Where your magnesium came from"))


def supplement_forms(forms: list[Form], sources: dict[str, str], fmt: Format, stream: TextIO) -> None:
    rows = [
        {
            "form_id": f.form_id,
            "name": f.name,
            "formula": f.formula,
            "elemental_percent": round(100 * f.elemental_fraction, 2),
            "absorption": f.absorption,
            "names": list(f.names),
        }
        for f in forms
    ]
    if fmt is Format.json:
        return _json(stream, {"forms": rows, "sources": sources})
    if fmt is Format.csv:
        columns = ["form_id", "name", "formula", "elemental_percent", "absorption"]
        return _csv(
            stream,
            [*columns, "names"],
            ([r[c] for c in columns] + ["; ".join(f.names)] for r, f in zip(rows, forms, strict=True)),
        )
    table = Table(title="Magnesium supplement forms", title_justify="left")
    for name, justify in (("Form", "left"), ("Formula", "left"), ("Mg %", "right"), ("Absorption", "left"),
                          ("Log it as", "left")):  # fmt: skip
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for form in forms:
        table.add_row(
            escape(form.name),
            escape(form.formula),
            f"{100 * form.elemental_fraction:.1f}",
            escape(form.absorption),
            escape(", ".join(form.names[:3])),
        )
    out = console(stream)
    out.print(table)
    out.print(
        "[dim]Log '200 mg' for 200 mg of elemental magnesium (what Supplement Facts labels state), "
        "'500 mg compound' for the weight of the salt, or '2 capsule (100 mg each)'.[/dim]"
    )
    for source in sources.values():
        out.print(f"[dim]Source: {escape(source)}[/dim]")


def profile(view: Profile, fmt: Format, stream: TextIO) -> None:
    if fmt is Format.json:
        return _json(stream, view)
    person = view.person
    if fmt is Format.csv:
        fields = ["age", "sex", "state"]
        return _csv(
            stream,
            [*fields, "standard", "rda_mg", "diary"],
            [[*(getattr(person, f) if person else None for f in fields), view.standard,
              view.reference.rda_mg if view.reference else None, view.diary]],
        )  # fmt: skip
    out = console(stream)
    if person is None or view.reference is None:
        out.print("No profile stored. Set one with: magcalc profile set --age N --sex female|male")
    else:
        state = "" if person.state == "none" else f", {person.state}"
        out.print(f"Age {person.age:g}, {person.sex}{state}")
        out.print(
            f"{view.reference.kind}: [bold]{view.reference.rda_mg:g} mg[/bold] a day "
            f"({escape(view.reference.description)}) [{view.standard.upper()}]"
        )
    out.print(f"[dim]Diary: {escape(view.diary)}[/dim]")


def export(items: list[LineItem], fmt: Format, stream: TextIO) -> None:
    """Entries in the CSV format `magcalc log` and `magcalc import` read (or the same as JSON)."""
    from magcalc.exchange import EXPORT_COLUMNS, export_record, export_row

    if fmt is Format.json:
        return _json(stream, [export_record(item) for item in items])
    CsvWriter(stream, EXPORT_COLUMNS).writerows(export_row(item) for item in items)


IMPORTED_COLUMNS = [
    "kind", "rows_read", "imported", "already_present", "unknown_magnesium", "days_covered", "first_date",
    "last_date", "daily_totals_replaced",
]  # fmt: skip


def imported(result: Imported, fmt: Format, stream: TextIO) -> None:
    if fmt is Format.json:
        return _json(stream, result)
    if fmt is Format.csv:
        return _csv(stream, IMPORTED_COLUMNS, [[getattr(result, c) for c in IMPORTED_COLUMNS]])
    span = (
        ""
        if result.first_date is None
        else f" ({result.first_date})"
        if result.first_date == result.last_date
        else f" ({result.first_date} to {result.last_date})"
    )
    lines = [
        f"Read {result.rows_read:,} row{'' if result.rows_read == 1 else 's'} of {result.kind}: "
        f"{result.days_covered:,} day{'' if result.days_covered == 1 else 's'}{span}.",
        f"Added {result.imported:,} entr{'y' if result.imported == 1 else 'ies'}; "
        f"{result.already_present:,} already in the diary.",
    ]
    if result.unknown_magnesium:
        lines.append(
            f"{result.unknown_magnesium:,} of the added entries have no magnesium value in the file "
            "(unknown, not 0): their days are marked incomplete."
        )
    if result.daily_totals_replaced:
        lines.append(
            f"Removed {result.daily_totals_replaced:,} Cronometer daily total(s): these servings now cover "
            "their days."
        )
    console(stream).print(escape("\n".join(lines)))


@contextlib.contextmanager
def progress(total: int, stream: TextIO, description: str) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on `stream` when it is a terminal and the job is long; else no callback."""
    if total < 500 or not stream.isatty():
        yield None
        return
    from rich.progress import Progress

    # Rich's own cursor movement, and no data of ours: past the sanitiser, to the terminal itself
    with Progress(console=console(getattr(stream, "unsafe", stream)), transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda done: bar.update(task, completed=done)


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file beside it, so a failure never leaves half a file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("x", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def top_foods(rows: list[TopFood], per: str, fmt: Format, stream: TextIO) -> None:
    if fmt is Format.json:
        return _json(stream, rows)
    if fmt is Format.csv:
        return _csv(
            stream,
            ["rank", "food_id", "food_name", "food_group", "magnesium_mg_per_100g", "kcal_per_100g",
             "mg_per_100kcal", "portion", "portion_grams", "portion_magnesium_mg", "portion_kcal"],
            ([r.rank, r.food_id, r.food_name, r.food_group, r.magnesium_mg_per_100g, r.kcal_per_100g,
              r.mg_per_100kcal, f"{_amount(r.portion.amount)} {r.portion.description}", r.portion.grams,
              r.portion.magnesium_mg, r.portion_kcal] for r in rows),
        )  # fmt: skip
    label = {"serving": "per portion", "100g": "per 100 g", "100kcal": "per 100 kcal"}[per]
    table = Table(title=f"Foods richest in magnesium, {label}", title_justify="left")
    for name, justify in (("#", "right"), ("Food (USDA id)", "left"), ("Portion", "left"), ("Mg mg", "right"),
                          ("kcal", "right"), ("mg/100 g", "right"), ("mg/100 kcal", "right")):  # fmt: skip
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for r in rows:
        table.add_row(
            str(r.rank),
            f"{escape(r.food_name)} [dim]({r.food_id})[/dim]",
            escape(f"{_amount(r.portion.amount)} {r.portion.description} ({r.portion.grams:,.0f} g)"),
            _mg(r.portion.magnesium_mg),
            "" if r.portion_kcal is None else f"{r.portion_kcal:,.0f}",
            f"{r.magnesium_mg_per_100g:,.0f}",
            "" if r.mg_per_100kcal is None else f"{r.mg_per_100kcal:,.0f}",
        )
    out = console(stream)
    out.print(table)
    out.print("[dim]Source: USDA SR28; one row per food family.[/dim]")


def suggestion(result: Suggestion, fmt: Format, stream: TextIO) -> None:
    if fmt is Format.json:
        return _json(stream, result)
    if fmt is Format.csv:
        return _csv(
            stream,
            ["food_id", "food_name", "food_group", "portion", "grams", "magnesium_mg", "kcal",
             "mg_per_100kcal"],
            ([i.food_id, i.food_name, i.food_group, f"{_amount(i.portion.amount)} {i.portion.description}",
              i.portion.grams, i.portion.magnesium_mg, i.kcal, i.mg_per_100kcal] for i in result.items),
        )  # fmt: skip
    out = console(stream)
    out.print(
        f"The day: [bold]{result.total_mg:,.0f} mg[/bold] of {result.target_mg:g} mg"
        + (f"; [bold]{result.gap_mg:,.0f} mg[/bold] to go" if result.gap_mg else "")
    )
    if result.items:
        table = Table(title="Everyday foods that would close the gap", title_justify="left")
        for name, justify in (("Food (USDA id)", "left"), ("Portion", "left"), ("Mg mg", "right"),
                              ("kcal", "right"), ("mg/100 kcal", "right")):  # fmt: skip
            table.add_column(name, justify=justify)  # type: ignore[arg-type]
        for i in result.items:
            table.add_row(
                f"{escape(i.food_name)} [dim]({i.food_id})[/dim]",
                escape(f"{_amount(i.portion.amount)} {i.portion.description} ({i.portion.grams:,.0f} g)"),
                _mg(i.portion.magnesium_mg),
                f"{i.kcal:,.0f}",
                f"{i.mg_per_100kcal:,.0f}",
            )
        out.print(table)
        out.print(f"Together: [bold]{result.suggested_mg:,.0f} mg[/bold], {result.suggested_kcal:,.0f} kcal")
    for note in result.notes:
        out.print(f"[dim]{escape(note)}[/dim]")


def user_food(record: UserFood, fmt: Format, stream: TextIO) -> None:
    if fmt is Format.json:
        return _json(stream, record)
    if fmt is Format.csv:
        return user_foods_export([record], fmt, stream)
    out = console(stream)
    kind = "Recipe" if record.kind == "recipe" else "Food"
    out.print(f"{kind} [bold]{escape(record.name)}[/bold] ({record.food_id}): "
              f"[bold]{record.magnesium_mg_per_100g:,.1f} mg[/bold] magnesium per 100 g")  # fmt: skip
    for p in record.portions:
        out.print(
            f"  {escape(_amount(p.amount))} {escape(p.description)} ({p.grams:,.0f} g): "
            f"{_mg(p.magnesium_mg)} mg"
        )
    if record.kcal_per_100g is not None:
        out.print(f"  {record.kcal_per_100g:,.0f} kcal per 100 g")
    for ingredient in record.ingredients:
        out.print(f"  [dim]- {escape(ingredient)}[/dim]")
    out.print(f"[dim]{escape(record.origin)}[/dim]")


def user_foods(records: list[UserFood], fmt: Format, stream: TextIO) -> None:
    if fmt is not Format.table:
        return user_foods_export(records, fmt, stream)
    out = console(stream)
    if not records:
        out.print("You have no foods or recipes of your own yet: magcalc foods add, magcalc recipe add.")
        return
    table = Table(title="Your foods and recipes", title_justify="left")
    for name, justify in (("Id", "left"), ("Name", "left"), ("Kind", "left"), ("Mg mg/100 g", "right"),
                          ("Measures", "left")):  # fmt: skip
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for r in records:
        measures = ", ".join(f"{_amount(p.amount)} {p.description} ({p.grams:,.0f} g)" for p in r.portions)
        table.add_row(r.food_id, escape(r.name), r.kind, f"{r.magnesium_mg_per_100g:,.1f}", escape(measures))
    out.print(table)


def user_foods_export(records: list[UserFood], fmt: Format, stream: TextIO) -> None:
    from magcalc.userfoods import EXPORT_COLUMNS, export_rows

    if fmt is Format.json:
        return _json(stream, records)
    CsvWriter(stream, EXPORT_COLUMNS).writerows(export_rows(records))


TABLE_ROWS = 1000  # a table of more rows than this helps nobody: csv and json carry them all


class ReportWriter:
    """Writes a report whose entries arrive one at a time (a log of any length, in bounded
    memory): each entry as it comes, then the totals when `finish` is given the report."""

    def __init__(self, fmt: Format, stream: TextIO, **options: Any) -> None:
        self.options = options  # passed on to report()
        self.fmt = fmt
        self.stream = stream
        self.count = 0
        self.kept: list[LineItem] = []
        self._days: Iterator[DaySummary] | None = None
        # stream_report's on_days: CSV writes no days and JSON writes them one at a time (bounded
        # memory over 100,000 dates); the table is drawn from a report that has them all
        self.on_days = None if fmt is Format.table else self._take_days
        if fmt is Format.csv:
            self.writer = CsvWriter(stream, [*REPORT_CSV_COLUMNS, "magnesium_mg", "entry_id"])
        elif fmt is Format.json:
            stream.write('{\n  "entries": [')

    def add(self, item: LineItem) -> None:
        self.count += 1
        if self.fmt is Format.csv:
            values = item.__dict__
            self.writer.writerow([values[c] for c in REPORT_CSV_COLUMNS] + [item.magnesium_mg, item.entry_id])
        elif self.fmt is Format.json:
            record = _rounded(dict(item.__dict__))
            if record["date"] is not None:
                record["date"] = record["date"].isoformat()
            self.stream.write(
                ("\n    " if self.count == 1 else ",\n    ") + json_text(record)
            )
        elif len(self.kept) < TABLE_ROWS:
            self.kept.append(item)

    def _take_days(self, result: Report, days: Iterator[DaySummary]) -> None:
        self._days = days

    def finish(self, result: Report) -> None:
        if self.fmt is Format.csv:
            return
        if self.fmt is Format.json:
            rest = json_text(_rounded(result.model_dump(mode="json", exclude={"entries"})), indent=2)
            head, empty, tail = rest.partition('\n  "days": [],\n')
            if self._days is None or not empty:
                self.stream.write(("\n  ],\n" if self.count else "],\n") + rest[2:] + "\n")
                return
            # the days written as json.dumps would lay them out inside the report, one at a time
            self.stream.write(("\n  ],\n" if self.count else "],\n") + head[2:] + '\n  "days": [')
            written = 0
            for day in self._days:
                text = json_text(_rounded(day.model_dump(mode="json")), indent=2)
                self.stream.write(("\n    " if written == 0 else ",\n    ") + text.replace("\n", "\n    "))
                written += 1
            self.stream.write(("\n  ],\n" if written else "],\n") + tail + "\n")
            return
        report(result.model_copy(update={"entries": self.kept}), self.fmt, self.stream, **self.options)
        if self.count > len(self.kept):
            console(self.stream).print(
                f"[dim]The table shows the first {len(self.kept):,} of {self.count:,} rows; "
                "--format csv or json gives them all.[/dim]"
            )


def remembered_words(rows: list[tuple[str, str, str, str]], fmt: Format, stream: TextIO) -> None:
    """The person's own words for foods: (what was typed, food id, food, added on)."""
    columns = ["words", "food_id", "food_name", "added_on"]
    if fmt is Format.json:
        return _json(stream, [dict(zip(columns, row, strict=True)) for row in rows])
    if fmt is Format.csv:
        return _csv(stream, columns, rows)
    out = console(stream)
    if not rows:
        out.print("You have taught magcalc no words yet: when it offers choices for a doubtful match, "
                  "the one you pick is remembered.")  # fmt: skip
        return None
    table = Table(title="Your words for foods", title_justify="left")
    for header in ("You typed", "Food (id)", "Since"):
        table.add_column(header)
    for typed, food_id, name, added_on in rows:
        table.add_row(escape(typed), f"{escape(name)} [dim]({food_id})[/dim]", added_on)
    out.print(table)
    return None
