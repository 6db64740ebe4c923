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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from magcalc.errors import MagcalcError, Problem, UnitError
from magcalc.models import Entry
from magcalc.units import parse_amount

COLUMNS = (
    "food", "amount", "unit", "date", "time", "meal", "note", "food_id", "magnesium_mg", "id", "each",
    "source",
)  # fmt: skip
SOURCES = ("usda-sr28", "usda-fndds-2021-2023", "user", "supplement", "file")
POSITIONAL = ("food", "amount", "unit")
# What a file can be, told by its header.
MAGCALC_LOG = "a magcalc log"
SERVINGS = "a Cronometer servings export"
DAILY_SUMMARY = "a Cronometer daily summary"
# A Cronometer export's columns, matched by header name; its other columns are ignored.
CRONOMETER = {
    "day": "date",
    "date": "date",
    "time": "time",
    "group": "meal",
    "food name": "food",
    "amount": "amount",
    "magnesium (mg)": "magnesium_mg",
}
CRONOMETER_DAILY = {"date": "date", "magnesium (mg)": "magnesium_mg", "completed": "completed"}
DAILY_TOTAL = "Cronometer daily total"  # the food name of an entry made from a daily summary row
# Cronometer's other exports: recognised, to say what they are, but they hold no food.
OTHER_EXPORTS = (
    ("a Cronometer exercises export", {"day", "exercise"}),
    ("a Cronometer biometrics export", {"day", "metric"}),
    ("a Cronometer notes export", {"day", "note"}),
)
KNOWN_COLUMNS = frozenset(COLUMNS) | frozenset(CRONOMETER) | frozenset(CRONOMETER_DAILY)
EXPECTED = (
    "expected a magcalc log (food,amount,unit[,date,time,meal,note]), a Cronometer servings export "
    "(Day,Group,Food Name,Amount,...,Magnesium (mg)) or a Cronometer daily summary "
    "(Date,...,Magnesium (mg),...)"
)
# What a spreadsheet would run as a formula; exports prefix such cells with ' (see exchange.py).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_MAGNESIUM_MG = 100_000.0  # in one entry; more is a typo
MAX_LINE_BYTES = 1 << 20  # a line longer than 1 MiB is not a food log
MAX_COLUMNS = 64  # in a magcalc log
MAX_EXPORT_COLUMNS = 256  # in a Cronometer export (real ones have 50 to 90); more is not one
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
    kind: str = "a magcalc log"  # what the header said the file is (MAGCALC_LOG, SERVINGS, ...)


def parse_log(stream: BinaryIO, encoding: str | None = None) -> ParsedLog:
    """Entries of a CSV food log (UTF-8, optional header, any column order), and every bad line.

    Only a problem that stops reading (not text, broken quoting, a bad header) raises.
    """
    parsed = ParsedLog()
    more = 0
    try:
        for item in iter_log(stream, encoding, on_kind=lambda kind: setattr(parsed, "kind", kind)):
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


def iter_log(
    stream: BinaryIO, encoding: str | None = None, on_kind: Callable[[str], None] | None = None
) -> Iterator[Entry | Problem]:
    """parse_log, one row at a time: an Entry for each good row, a Problem for each bad one, so
    that a log of any length is read in bounded memory.

    A problem that stops reading (not text, broken quoting, a header it does not know) raises
    MagcalcError.
    """
    header: _Header | None = None
    rows = 0
    for line, row, decimal_comma in _rows(stream, encoding):
        if rows == 0 and header is None:
            header = _header(row, line)
            if on_kind is not None:
                on_kind(MAGCALC_LOG if header is None else header.kind)
            if header is not None:
                rows = -1  # the header is read; the data starts
                continue
        rows = max(rows, 0) + 1
        try:
            if header is not None and header.kind == SERVINGS:
                yield _servings_entry(line, row, header, decimal_comma)
            elif header is not None and header.kind == DAILY_SUMMARY:
                yield _daily_entry(line, row, header, decimal_comma)
            else:
                yield _entry(line, row, header, decimal_comma)
        except MagcalcError as error:
            yield from error.at_line(line).problems
    if rows <= 0:
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
    skipped = 0  # blank and comment lines before the first row: counted, not kept (bounded memory)
    first: list[str] = []
    try:
        for text in text_lines:
            if text.strip() and not text.lstrip("\ufeff").lstrip().startswith("#"):
                first.append(text)
                break
            skipped += 1
    except _NotText as error:
        raise MagcalcError(Problem(str(error), error.line)) from None
    delimiter = _delimiter(first[0] if first else "")
    decimal_comma = delimiter != ","
    # The skipped lines come back as empty ones, so that the reader still counts them
    lines = itertools.chain(itertools.repeat("\n", skipped), first, text_lines)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "unexpected end of data" in str(error):  # a quote opened on the row's first line, never closed
                message = 'a quote (") is opened and never closed; close it, or remove it'
                raise MagcalcError(Problem(message, start)) from None
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


def check_encoding(name: str) -> None:
    """Only text encodings that write ASCII as ASCII (lines are split at the byte \\n): not hex,
    base64, zlib, rot13, punycode, UTF-16 or UTF-32, nor an unknown name."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise MagcalcError(f"unknown encoding {name!r} (try utf-8, latin-1 or cp1252)") from None
    sample = "\n,;\tAz09"
    try:
        usable = getattr(info, "_is_text_encoding", True) and info.decode(sample.encode())[0] == sample
    except (UnicodeError, TypeError, ValueError):
        usable = False
    if not usable:
        raise MagcalcError(
            f"{name!r} is not a text encoding magcalc can read a log in (try utf-8, latin-1 or cp1252)"
        )


def _decoded_lines(stream: BinaryIO, encoding: str | None) -> Iterator[str]:
    """Lines of text, each at most MAX_LINE_BYTES long. With no encoding given: UTF-8 (with or
    without a byte-order mark), falling back to Windows-1252 / Latin-1 for a file of older tools
    whose first non-ASCII byte is not UTF-8; with one, that encoding strictly."""
    codec = "utf-8-sig" if encoding in (None, "utf-8", "utf8") else encoding
    check_encoding(codec)
    decoder = codecs.getincrementaldecoder(codec)()
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
    kind: str = MAGCALC_LOG


def _header(row: list[str], line: int) -> _Header | None:
    """The header of the first line, or None when that line is already a food row (a log without
    a header). A header of a file magcalc does not read raises, naming what it is."""
    if len(row) > MAX_EXPORT_COLUMNS:
        raise MagcalcError(Problem(f"{len(row):,} fields: a food log row has at most {MAX_COLUMNS}", line))
    names = tuple(" ".join(cell.split()).lower().lstrip("\ufeff") for cell in row)
    present = set(names)
    if "food name" in present:
        return _export_header(names, line, SERVINGS, CRONOMETER, ("food name", "amount", "magnesium (mg)"))
    if "food" in present:
        return _log_header(names, line)
    if {"date", "magnesium (mg)"} <= present:
        return _export_header(names, line, DAILY_SUMMARY, CRONOMETER_DAILY, ("date", "magnesium (mg)"))
    for kind, marks in OTHER_EXPORTS:
        if marks <= present:
            raise MagcalcError(
                Problem(f"this is {kind}, which has no food or magnesium to import; {EXPECTED}", line)
            )
    if len(row) > MAX_COLUMNS:
        raise MagcalcError(Problem(f"{len(row):,} fields: a food log row has at most {MAX_COLUMNS}", line))
    if any(char.isnumeric() for cell in row for char in cell):
        return None  # a food row: a log without a header
    known = [cell.strip() for cell, name in zip(row, names, strict=True) if name in KNOWN_COLUMNS]
    shown = ", ".join(cell.strip() for cell in row[:8]) + (", ..." if len(row) > 8 else "")
    recognised = f"recognised only {', '.join(known)}" if known else "recognised none of its columns"
    raise MagcalcError(
        Problem(f"the header ({shown}) is not one magcalc reads: {recognised}; {EXPECTED}", line)
    )


def _log_header(names: tuple[str, ...], line: int) -> _Header:
    if len(names) > MAX_COLUMNS:
        raise MagcalcError(
            Problem(f"the header has {len(names):,} columns; a food log has at most {MAX_COLUMNS}", line)
        )
    unknown = [n for n in names if n not in COLUMNS]
    problems = [f"unknown column {n!r} (known: {', '.join(COLUMNS)})" for n in unknown]
    problems += [f"the column {n!r} appears twice" for n in sorted(set(names)) if names.count(n) > 1]
    if "amount" not in names:
        problems.append("the header has no 'amount' column")
    if problems:
        raise MagcalcError(*(Problem(p, line) for p in problems))
    return _Header(names)


def _export_header(
    names: tuple[str, ...], line: int, kind: str, mapping: dict[str, str], required: tuple[str, ...]
) -> _Header:
    missing = [n for n in required if n not in names]
    if missing:
        raise MagcalcError(
            Problem(f"this looks like {kind}, but it has no {' or '.join(map(repr, missing))} column", line)
        )
    columns: list[str | None] = []
    for name in names:
        mapped = mapping.get(name)
        columns.append(mapped if mapped not in columns else None)  # a repeated column: the first
    return _Header(tuple(columns), kind)


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


def _cells(row: list[str], columns: tuple[str | None, ...], decimal_comma: bool) -> dict[str, str]:
    """The named cells of a row, stripped and unguarded; MagcalcError for control characters or
    an overlong cell."""
    cells = {name: unguard(cell.strip()) for name, cell in zip(columns, row, strict=False) if name}
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
    return cells


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
    cells = _cells(row, columns, decimal_comma)
    problems: list[str] = []
    food = " ".join(cells.get("food", "").split())
    if not food:
        problems.append("the food is empty")
    source = cells.get("source") or None
    if source is not None and source not in SOURCES:
        problems.append(f"the source {source!r} is not one of {', '.join(SOURCES)}")
    amount: float | None = None
    unit = cells.get("unit") or None
    try:
        if source == "file":  # a row kept from an export: its amount may be 0, as the export said
            amount, unit_in_amount = _export_amount(cells.get("amount", ""), decimal_comma=False)
        elif cells.get("amount", ""):  # none: a phrase in the food cell ('2 eggs'), or a typical portion
            amount, unit_in_amount = parse_amount(cells["amount"])
        else:
            unit_in_amount = None
        if unit_in_amount and unit:
            problems.append(f"the unit is given twice: {unit_in_amount!r} in the amount and {unit!r}")
        unit = unit or unit_in_amount
    except UnitError as error:
        problems.extend(p.message for p in error.problems)
    date = parse_date(cells.get("date", ""), problems)
    time = parse_time(cells.get("time", ""), problems)
    magnesium = _magnesium(cells.get("magnesium_mg", ""), problems)
    food_id = cells.get("food_id") or None
    if food_id is not None and not re.fullmatch(r"\d{1,8}|supplement/[a-z-]{1,40}|user/\S{1,60}", food_id):
        problems.append(
            f"the food_id {food_id!r} is not a USDA id (up to 8 digits), supplement/FORM or user/NAME"
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
        source=source,  # type: ignore[arg-type]  # checked against SOURCES above
    )


_EXPORT_AMOUNT = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(.*)", re.DOTALL)


def _export_amount(text: str, decimal_comma: bool) -> tuple[float, str | None]:
    """An export's amount cell as (number, the rest as written): '2.00 medium (2-2/3" dia)' ->
    (2.0, 'medium (2-2/3" dia)'); '800.00 1' -> (800.0, '1'); '0.00 g' -> (0.0, 'g'). Zero is
    allowed: the export wrote it."""
    cleaned = text.strip()
    if decimal_comma:
        cleaned = re.sub(r"^(\d+),(\d+)", r"\1.\2", cleaned)
    match = _EXPORT_AMOUNT.fullmatch(cleaned)
    if match is None:
        raise UnitError(f"the amount {text.strip()!r} does not start with a number")
    value = float(match[1].replace(",", ""))
    if not math.isfinite(value) or value > 1e9:
        raise UnitError(f"the amount {text.strip()!r} is not a plausible number")
    return value + 0.0, " ".join(match[2].split()) or None


def _servings_entry(line: int, row: list[str], header: _Header, decimal_comma: bool) -> Entry:
    """A row of a Cronometer servings export: the name as typed, the amount as written, and the
    file's magnesium as given (a blank cell is unknown)."""
    if len(row) > len(header.columns):
        raise MagcalcError(f"{len(row)} fields, but the header has {len(header.columns)}")
    cells = _cells(row, header.columns, decimal_comma)
    problems: list[str] = []
    food = " ".join(cells.get("food", "").split())
    if not food:
        problems.append("the food name is empty")
    amount, unit = 0.0, None
    try:
        amount, unit = _export_amount(cells.get("amount", ""), decimal_comma)
    except UnitError as error:
        problems.extend(p.message for p in error.problems)
    date = parse_date(cells.get("date", ""), problems, padded=False)
    time = parse_time(cells.get("time", ""), problems)
    magnesium = _magnesium(_plain_number(cells.get("magnesium_mg", ""), decimal_comma), problems)
    if problems:
        raise MagcalcError(*problems)
    return Entry(
        line=line, input=food, amount=amount, unit=unit, date=date, time=time,
        meal=cells.get("meal") or None, magnesium_mg=magnesium, source="file",
    )  # fmt: skip


def _daily_entry(line: int, row: list[str], header: _Header, decimal_comma: bool) -> Entry:
    """A row of a Cronometer daily summary: one entry holding the day's magnesium."""
    if len(row) > len(header.columns):
        raise MagcalcError(f"{len(row)} fields, but the header has {len(header.columns)}")
    cells = _cells(row, header.columns, decimal_comma)
    problems: list[str] = []
    date = parse_date(cells.get("date", ""), problems, padded=False)
    if date is None and not problems:
        problems.append("the date is empty")
    magnesium = _magnesium(_plain_number(cells.get("magnesium_mg", ""), decimal_comma), problems)
    if problems:
        raise MagcalcError(*problems)
    completed = cells.get("completed", "").lower()
    return Entry(
        line=line, input=DAILY_TOTAL, amount=1.0, unit="day", date=date, magnesium_mg=magnesium,
        note="not marked completed in Cronometer" if completed == "false" else None, source="file",
    )  # fmt: skip


def _plain_number(text: str, decimal_comma: bool) -> str:
    """'1,234.5' -> '1234.5' (a thousands separator); with decimal commas the cell is already done."""
    return text if decimal_comma else re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)


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
