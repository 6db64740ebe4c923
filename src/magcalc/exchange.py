"""Moving diary entries out (export rows safe for spreadsheets) and in (import, without duplicates).

Pure over an open Diary: no printing; progress is reported through a callback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from magcalc.catalog import Catalog
from magcalc.diary import Diary
from magcalc.errors import MagcalcError, Problem
from magcalc.logfile import DAILY_TOTAL, MAGCALC_LOG
from magcalc.models import Entry, Imported, LineItem
from magcalc.report import MAX_PROBLEMS, Measurer

# The columns `magcalc log` reads; food_id and magnesium_mg pin the entry to what was stored.
# source "file" marks an entry whose values came from an imported file: read back, they are kept
# as they are (magnesium as given, even unknown), not worked out again from the food.
EXPORT_COLUMNS = (
    "date", "time", "meal", "food", "amount", "unit", "note", "food_id", "magnesium_mg", "id", "source",
)  # fmt: skip


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def export_record(item: LineItem) -> dict[str, Any]:
    """One entry with the export's keys, values as JSON types."""
    return {
        "date": item.date.isoformat() if item.date else None,
        "time": item.time,
        "meal": item.meal,
        "food": item.input,
        "amount": item.amount,
        "unit": item.unit,
        "note": item.note,
        "food_id": item.food_id,
        "magnesium_mg": item.magnesium_mg,
        "id": item.entry_id,
        "source": item.source,
    }


def export_row(item: LineItem) -> list[str]:
    """One entry as CSV cells: numbers written exactly (render's one CSV writer guards the text)."""
    record = export_record(item)
    return [
        _number(value) if isinstance(value, float) else (value or "")
        for value in (record[c] for c in EXPORT_COLUMNS)
    ]


def import_keys(entries: Sequence[Entry], default_date: dt.date) -> list[str | None]:
    """A fingerprint per row so that importing a file twice adds nothing the second time.

    Rows carrying a diary id (a magcalc export) are known by that id (None here). Identical rows
    in one file (two bananas at breakfast) are told apart by how many came before them.
    """
    seen: Counter[str] = Counter()
    keys: list[str | None] = []
    for entry in entries:
        if entry.entry_id:
            keys.append(None)
            continue
        basis = json.dumps(
            [
                str(entry.date or default_date), entry.time, entry.meal, entry.input.casefold(),
                entry.amount, entry.unit, entry.note, entry.food_id, entry.magnesium_mg,
            ]
        )  # fmt: skip
        seen[basis] += 1
        keys.append(hashlib.sha256(f"{basis}#{seen[basis]}".encode()).hexdigest()[:32])
    return keys


def measure_rows(
    entries: Sequence[Entry], catalog: Catalog | None = None, progress: Callable[[int], None] | None = None
) -> list[LineItem]:
    """Every row measured, before the diary is locked (matching is the slow part of an import);
    MagcalcError naming every row that cannot be. A row whose file gives its values (a Cronometer
    export) is always kept: a food that cannot be matched only has no reference id."""
    measurer = Measurer(catalog)
    items: list[LineItem] = []
    problems: list[Problem] = []
    for number, entry in enumerate(entries, start=1):
        try:
            items.extend(measurer(entry))
        except MagcalcError as error:
            problems.extend(error.at_line(entry.line).problems)
        if progress is not None and number % 100 == 0:
            progress(number)
    if problems:
        extra = (
            [Problem(f"... and {len(problems) - MAX_PROBLEMS:,} more problems")]
            if len(problems) > MAX_PROBLEMS
            else []
        )
        raise MagcalcError(*problems[:MAX_PROBLEMS], *extra)
    return items


def import_entries(
    diary: Diary,
    entries: Sequence[Entry],
    items: Sequence[LineItem],
    default_date: dt.date,
    command: str,
    kind: str = MAGCALC_LOG,
) -> Imported:
    """Add every measured row not already in the diary, in the caller's one transaction (short:
    the rows were measured before; here are a few batched look-ups and the inserts).

    A Cronometer daily total is not added for a day the diary already has entries on, and servings
    added for a day remove that day's daily total, so a day is never counted twice.
    """
    keys = import_keys(entries, default_date)
    present_ids = diary.known_ids(e.entry_id for e in entries if e.entry_id)
    present_keys = diary.known_import_keys(k for k in keys if k)
    daily_days = {item.date or default_date for item in items if _is_daily_total(item)}
    logged = diary.logged_dates(daily_days)
    added: list[LineItem] = []
    added_keys: list[str | None] = []
    already = 0
    for entry, item, key in zip(entries, items, keys, strict=True):
        day = item.date or default_date
        if (entry.entry_id and entry.entry_id in present_ids) or (key and key in present_keys):
            already += 1
        elif _is_daily_total(item) and day in logged:
            already += 1  # the day is already in the diary (from servings, or typed in)
        else:
            added.append(item)
            added_keys.append(key)
            if entry.entry_id:
                present_ids.add(entry.entry_id)  # the same id twice in one file lands once
    served_days = {item.date or default_date for item in added if not _is_daily_total(item)}
    replaced = diary.ids_named(DAILY_TOTAL, "file", served_days) if served_days else []
    if added or replaced:
        diary.begin(command)
        if replaced:
            diary.remove(replaced)
        diary.add(added, default_date, added_keys)
    days = sorted({entry.date or default_date for entry in entries})
    return Imported(
        kind=kind,
        rows_read=len(entries),
        imported=len(added),
        already_present=already,
        unknown_magnesium=sum(1 for item in added if item.magnesium_mg is None),
        days_covered=len(days),
        first_date=days[0] if days else None,
        last_date=days[-1] if days else None,
        daily_totals_replaced=len(replaced),
    )


def _is_daily_total(item: LineItem) -> bool:
    return item.source == "file" and item.input == DAILY_TOTAL
