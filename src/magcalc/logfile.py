"""CSV food logs -> entries. Every bad line is collected and reported together."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
import itertools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from magcalc.errors import MagcalcError, Problem, UnitError
from magcalc.models import Entry
from magcalc.units import parse_amount

COLUMNS = ("food", "amount", "unit", "date", "time", "meal", "note", "food_id", "magnesium_mg", "id", "each")
POSITIONAL = ("food", "amount", "unit")
# A Cronometer "servings" export, matched by header name; its other columns are ignored.
CRONOMETER = {
    "day": "date",
    "time": "time",
    "group": "meal",
    "food name": "food",
    "amount": "amount",
    "magnesium (mg)": "magnesium_mg",
}
# What a spreadsheet would run as a formula; exports prefix such cells with ' (see exchange.py).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_MAGNESIUM_MG = 100_000.0  # in one entry; more is a typo
MAX_LINE_BYTES = 1 << 20  # a line longer than 1 MiB is not a food log
MAX_COLUMNS = 64
MAX_PROBLEMS = 100  # listed one per line; beyond this, a count
# Control characters and bidirectional overrides: they must not reach a terminal raw.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
MAX_FIELD = 1000  # characters: a food name or note longer than this is not a food log
_TIME = re.compile(r"([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?")


@dataclass
class ParsedLog:
    """The rows that could be read, and a problem for each that could not."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def parse_log(stream: BinaryIO, encoding: str | None = None) -> ParsedLog:
    """Entries of a CSV food log (UTF-8, optional header, any column order), and every bad line.

    Only a problem that stops reading (not text, broken quoting, a bad header) raises.
    """
    parsed = ParsedLog()
    more = 0
    try:
        for item in iter_log(stream, encoding):
            if isinstance(item, Problem):
                if len(parsed.problems) < MAX_PROBLEMS:
                    parsed.problems.append(item)
                else:
                    more += 1
            else:
                parsed.entries.append(item)
    except MagcalcError as error:
        raise MagcalcError(*parsed.problems, *error.problems) from None
    if more:
        parsed.problems.append(Problem(f"... and {more:,} more problems"))
    return parsed


def iter_log(stream: BinaryIO, encoding: str | None = None) -> Iterator[Entry | Problem]:
    """parse_log, one row at a time: an Entry for each good row, a Problem for each bad one, so
    that a log of any length is read in bounded memory.

    A problem that stops reading (not text, broken quoting, a bad header) raises MagcalcError.
    """
    header: _Header | None = None
    rows = 0
    for line, row, decimal_comma in _rows(stream, encoding):
        if header is None and any(cell.strip().lower() in ("food", "food name") for cell in row):
            header = _header(row, line)
            continue
        rows += 1
        try:
            yield _entry(line, row, header, decimal_comma)
        except MagcalcError as error:
            yield from error.at_line(line).problems
    if not rows:
        raise MagcalcError("the log is empty: no food rows (columns: food,amount,unit)")


def read_log(stream: BinaryIO) -> list[Entry]:
    """Entries of a CSV food log; MagcalcError lists every bad line."""
    parsed = parse_log(stream)
    if parsed.problems:
        raise MagcalcError(*parsed.problems)
    return parsed.entries


def _rows(stream: BinaryIO, encoding: str | None = None) -> Iterator[tuple[int, list[str], bool]]:
    """(first line number, cells, decimal commas?) of each non-blank CSV record; decoding problems
    name their line.

    The separator is the first line's: comma, semicolon (European spreadsheets, which also write
    decimal commas, so amounts like 1,5 are read as 1.5) or tab.
    """
    text_lines = _decoded_lines(stream, encoding)
    leading: list[str] = []
    try:
        for text in text_lines:
            leading.append(text)
            if text.strip() and not text.lstrip("\ufeff").lstrip().startswith("#"):
                break
    except _NotText as error:
        raise MagcalcError(Problem(str(error), error.line)) from None
    delimiter = _delimiter(leading[-1] if leading else "")
    decimal_comma = delimiter != ","
    reader = csv.reader(itertools.chain(leading, text_lines), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise MagcalcError(Problem(f"malformed CSV: {error}", reader.line_num)) from None
        except _NotText as error:
            raise MagcalcError(Problem(str(error), error.line)) from None
        if any(cell.strip() for cell in row) and not row[0].lstrip().startswith("#"):
            yield start, row, decimal_comma
        start = reader.line_num + 1


class _NotText(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def _delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _decoded_lines(stream: BinaryIO, encoding: str | None) -> Iterator[str]:
    """Lines of text, each at most MAX_LINE_BYTES long. With no encoding given: UTF-8 (with or
    without a byte-order mark), falling back to Windows-1252 / Latin-1 for a file of older tools
    whose first non-ASCII byte is not UTF-8; with one, that encoding strictly."""
    codec = "utf-8-sig" if encoding in (None, "utf-8", "utf8") else encoding
    try:
        decoder = codecs.getincrementaldecoder(codec)()
    except LookupError:
        raise MagcalcError(f"unknown encoding {encoding!r} (try utf-8, latin-1 or cp1252)") from None
    seen_non_ascii = False
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            raise _NotText(
                f"the line is longer than {MAX_LINE_BYTES:,} bytes: this is not a food log", number
            )
        if b"\0" in raw:
            raise _NotText("the input is binary, not CSV text", number)
        try:
            text = decoder.decode(raw)
        except UnicodeDecodeError as error:
            if encoding is not None or seen_non_ascii:
                named = encoding or "UTF-8"
                raise _NotText(
                    f"the input is not {named} text (byte 0x{raw[error.start]:02x}); "
                    "give its encoding with --encoding (e.g. latin-1)",
                    number,
                ) from None
            decoder = codecs.getincrementaldecoder("cp1252")()
            try:
                text = decoder.decode(raw)
            except UnicodeDecodeError:
                raise _NotText(
                    f"the input is neither UTF-8 nor Windows-1252 text (byte 0x{raw[error.start]:02x}); "
                    "give its encoding with --encoding",
                    number,
                ) from None
        seen_non_ascii = seen_non_ascii or not raw.isascii()
        yield text


@dataclass(frozen=True)
class _Header:
    columns: tuple[str | None, ...]  # magcalc's name for each column; None for one to ignore
    cronometer: bool


def _header(row: list[str], line: int) -> _Header:
    if len(row) > MAX_COLUMNS:
        raise MagcalcError(
            Problem(f"the header has {len(row):,} columns; a food log has at most {MAX_COLUMNS}", line)
        )
    names = tuple(" ".join(cell.split()).lower() for cell in row)
    if "food name" in names:
        return _Header(tuple(CRONOMETER.get(n) for n in names), cronometer=True)
    unknown = [n for n in names if n not in COLUMNS]
    problems = [f"unknown column {n!r} (known: {', '.join(COLUMNS)})" for n in unknown]
    problems += [f"the column {n!r} appears twice" for n in sorted(set(names)) if names.count(n) > 1]
    if "amount" not in names:
        problems.append("the header has no 'amount' column")
    if problems:
        raise MagcalcError(*(Problem(p, line) for p in problems))
    return _Header(names, cronometer=False)


def check_text(name: str, text: str) -> None:
    """Refuse text with control characters or terminal escape sequences (shown escaped)."""
    if _CONTROL.search(text):
        shown = ascii(text if len(text) <= 40 else text[:40] + "...")
        raise MagcalcError(f"the {name} contains control characters: {shown}")


def unguard(cell: str) -> str:
    """Undo an export's guard against spreadsheet formulas: "'=x" -> "=x", "''=x" -> "'=x"."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_START):
        return cell[1:]
    return cell


def _entry(line: int, row: list[str], header: _Header | None, decimal_comma: bool = False) -> Entry:
    columns = header.columns if header else POSITIONAL
    if header is None and len(row) == 4 and row[3].strip().lower().endswith(" each"):
        columns = (*POSITIONAL, "each")  # magnesium glycinate,2,capsule,100 mg each
    if len(row) > len(columns):
        if len(row) > MAX_COLUMNS:
            raise MagcalcError(f"{len(row):,} fields: a food log row has at most {MAX_COLUMNS}")
        if header:
            raise MagcalcError(f"{len(row)} fields, but the header has {len(columns)}")
        raise MagcalcError(
            f"{len(row)} fields, but a log without a header has 3 (food,amount,unit); "
            "add a header row to use date,time,meal,note"
        )
    cells = {name: unguard(cell.strip()) for name, cell in zip(columns, row, strict=False) if name}
    cronometer = header is not None and header.cronometer
    problems: list[str] = []
    if _CONTROL.search("".join(cells.values())):  # one search for the row; then find the cell
        for name, cell in cells.items():
            check_text(name, cell)
    if decimal_comma:
        for name in ("amount", "magnesium_mg"):
            if name in cells:
                cells[name] = re.sub(r"^(\d+),(\d+)", r"\1.\2", cells[name])
    too_long = [name for name, cell in cells.items() if len(cell) > MAX_FIELD]
    if too_long:
        raise MagcalcError(*(f"the {name} is longer than {MAX_FIELD} characters" for name in too_long))
    food = " ".join(cells.get("food", "").split())
    if not food:
        problems.append("the food is empty")
    amount, unit = 0.0, cells.get("unit") or None
    try:
        amount, unit_in_amount = parse_amount(cells.get("amount", ""))
        if unit_in_amount and unit:
            problems.append(f"the unit is given twice: {unit_in_amount!r} in the amount and {unit!r}")
        unit = unit or unit_in_amount
    except UnitError as error:
        problems.extend(p.message for p in error.problems)
    if cronometer and unit:
        # '2.00 medium (2-2/3" dia)': the words before the bracket name the USDA measure
        unit = re.sub(r"\s*\(.*$", "", unit, flags=re.DOTALL) or unit
    date = parse_date(cells.get("date", ""), problems, padded=not cronometer)
    time = parse_time(cells.get("time", ""), problems)
    magnesium = _magnesium(cells.get("magnesium_mg", ""), problems)
    food_id = cells.get("food_id") or None
    if food_id is not None and not re.fullmatch(r"\d{1,5}|supplement/[a-z-]{1,40}|user/\S{1,60}", food_id):
        problems.append(
            f"the food_id {food_id!r} is not a USDA id (up to 5 digits), supplement/FORM or user/NAME"
        )
    if problems:
        raise MagcalcError(*problems)
    return Entry(
        line=line,
        input=food,
        amount=amount,
        unit=unit,
        date=date,
        time=time,
        meal=cells.get("meal") or None,
        note=cells.get("note") or None,
        food_id=food_id,
        magnesium_mg=magnesium,
        entry_id=cells.get("id") or None,
        each=(cells.get("each") or "").removesuffix(" each").removesuffix(" EACH").strip() or None,
    )


def parse_date(text: str, problems: list[str], *, padded: bool = True) -> dt.date | None:
    """YYYY-MM-DD (with padded=False also 2026-3-5), or None for an empty cell."""
    if not text:
        return None
    day = _date(text, padded)
    if day is None:
        problems.append(f"the date {text!r} is not a date (use YYYY-MM-DD)")
    return day


@functools.lru_cache(maxsize=4096)  # a long log repeats its dates
def _date(text: str, padded: bool) -> dt.date | None:
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})" if padded else r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    try:
        return dt.date(*map(int, match.groups())) if match else None
    except ValueError:
        return None


def parse_time(text: str, problems: list[str]) -> str | None:
    """HH:MM[:SS], or a 12-hour time ('8:05 PM'), as HH:MM[:SS]."""
    if not text:
        return None
    twelve = re.fullmatch(r"(1[0-2]|0?[1-9])(:[0-5]\d(?::[0-5]\d)?)\s*([AaPp])\.?[Mm]\.?", text)
    if twelve:
        hour = int(twelve[1]) % 12 + (12 if twelve[3].lower() == "p" else 0)
        return f"{hour:02d}{twelve[2]}"
    if not _TIME.fullmatch(text):
        problems.append(f"the time {text!r} is not a time (use HH:MM)")
        return None
    hours, rest = text.split(":", 1)
    return f"{int(hours):02d}:{rest}"  # 8:05 -> 08:05


def _magnesium(text: str, problems: list[str]) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        problems.append(f"the magnesium {text!r} is not a number of mg")
        return None
    if not math.isfinite(value) or value < 0 or value > MAX_MAGNESIUM_MG:
        problems.append(f"the magnesium {text!r} is not a plausible number of mg (0 to {MAX_MAGNESIUM_MG:g})")
        return None
    return value + 0.0  # no negative zero


def parse_log_text(text: str) -> ParsedLog:
    """parse_log over a string (for tests and callers that already hold the text)."""
    return parse_log(io.BytesIO(text.encode("utf-8")))
