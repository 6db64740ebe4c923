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

from magcalc.diary import Diary
from magcalc.errors import Problem, UnitError, UnknownFood
from magcalc.logfile import FORMULA_START
from magcalc.models import Entry, Imported, LineItem
from magcalc.report import measure

# The columns `magcalc log` reads; food_id and magnesium_mg pin the entry to what was stored.
EXPORT_COLUMNS = ("date", "time", "meal", "food", "amount", "unit", "note", "food_id", "magnesium_mg", "id")


def guard(cell: str) -> str:
    """A text cell a spreadsheet would run as a formula gets a leading ' (logfile.unguard undoes it)."""
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_START) else cell


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
    }


def export_row(item: LineItem) -> list[str]:
    """One entry as CSV cells: numbers written exactly, text guarded against formulas."""
    record = export_record(item)
    return [
        _number(value) if isinstance(value, float) else guard(value or "")
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


def import_entries(
    diary: Diary,
    entries: Sequence[Entry],
    default_date: dt.date,
    command: str,
    progress: Callable[[int], None] | None = None,
) -> Imported:
    """Add every row not already in the diary, in the caller's one transaction.

    Rows whose food or unit cannot be matched are not imported and are listed in the result;
    everything else about a bad row was refused earlier, by the reader.
    """
    keys = import_keys(entries, default_date)
    present_ids = diary.known_ids({e.entry_id for e in entries if e.entry_id})
    present_keys = diary.known_import_keys({k for k in keys if k})
    items: list[LineItem] = []
    item_keys: list[str | None] = []
    not_matched: list[Problem] = []
    already = 0
    for number, (entry, key) in enumerate(zip(entries, keys, strict=True), start=1):
        if (entry.entry_id and entry.entry_id in present_ids) or (key and key in present_keys):
            already += 1
        else:
            try:
                items.append(measure(entry))
                item_keys.append(key)
            except (UnknownFood, UnitError) as error:
                not_matched.extend(error.at_line(entry.line).problems)
            if entry.entry_id:
                present_ids.add(entry.entry_id)  # the same id twice in one file lands once
        if progress is not None:
            progress(number)
    if items:
        diary.begin(command)
        diary.add(items, default_date, item_keys)
    return Imported(imported=len(items), already_present=already, not_matched=[str(p) for p in not_matched])
