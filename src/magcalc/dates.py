"""Dates as people type them on the command line, and the spans of days commands cover."""

from __future__ import annotations

import datetime as dt

from magcalc.errors import MagcalcError

MAX_SPAN_DAYS = 36_600  # a century of days is the most one command covers


def parse_day(text: str, today: dt.date, option: str = "--date") -> dt.date:
    """'today', 'yesterday' or YYYY-MM-DD."""
    word = text.strip().lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - dt.timedelta(days=1)
    try:
        parts = word.split("-")
        if len(parts) != 3 or len(parts[0]) != 4 or not all(p.isdigit() and len(p) <= 4 for p in parts):
            raise ValueError
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))  # 2026-11-2 as well as 2026-11-02
    except ValueError:
        raise MagcalcError(f"{option} takes YYYY-MM-DD, today or yesterday, not {text!r}") from None


def span(
    today: dt.date,
    date: str | None = None,
    start: str | None = None,
    end: str | None = None,
    days: int | None = None,
) -> tuple[dt.date, dt.date]:
    """The first and last day (inclusive) that --date, --from/--to or --days select; today by default."""
    if date is not None and (start is not None or end is not None or days is not None):
        raise MagcalcError("give --date, or --from/--to, not both")
    if days is not None and (start is not None or end is not None):
        raise MagcalcError("give --days, or --from/--to, not both")
    if date is not None:
        day = parse_day(date, today)
        return day, day
    if days is not None:
        if not 1 <= days <= MAX_SPAN_DAYS:
            raise MagcalcError(f"--days must be between 1 and {MAX_SPAN_DAYS}, not {days}")
        return today - dt.timedelta(days=days - 1), today
    last = parse_day(end, today, "--to") if end is not None else today
    first = parse_day(start, today, "--from") if start is not None else last
    if first > last:
        raise MagcalcError(f"--from {first} is after --to {last}")
    if (last - first).days >= MAX_SPAN_DAYS:
        raise MagcalcError(f"the span {first} to {last} is longer than {MAX_SPAN_DAYS} days")
    return first, last
