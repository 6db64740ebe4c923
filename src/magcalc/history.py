"""Diary entries over a span of days -> one row a day, the average, days met and the streak. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from magcalc.models import NOT_ADVICE, DayTotal, History, HistoryDay, LineItem, Target


def day_total(items: Iterable[LineItem], date: dt.date, target: Target) -> DayTotal:
    day = [item for item in items if item.date == date]
    total = sum(item.magnesium_mg for item in day if item.magnesium_mg is not None)
    supplement = sum(i.magnesium_mg for i in day if i.magnesium_mg is not None and i.kind == "supplement")
    ul = target.ul_supplement_mg
    return DayTotal(
        date=date,
        total_mg=total,
        complete=all(item.magnesium_mg is not None for item in day),
        entries=len(day),
        rda_mg=target.rda_mg,
        percent_rda=100 * total / target.rda_mg,
        remaining_mg=max(target.rda_mg - total, 0.0),
        food_mg=total - supplement,
        supplement_mg=supplement,
        ul_supplement_mg=ul,
        over_ul=ul is not None and supplement > ul,
    )


def build_history(
    sums: dict[dt.date, tuple[float, int, int]], target: Target, start: dt.date, end: dt.date
) -> History:
    """One row a day from start to end, from each date's (known mg, entries, unknown entries)
    as the diary sums them."""
    days = []
    for offset in range((end - start).days + 1):
        date = start + dt.timedelta(days=offset)
        day = sums.get(date)
        if not day or not day[1]:
            days.append(HistoryDay(date=date, logged=False, total_mg=None, complete=None, entries=0,
                                   percent_rda=None, met=None))  # fmt: skip
            continue
        total, entries, unknown = day
        days.append(
            HistoryDay(
                date=date,
                logged=True,
                total_mg=total,
                complete=unknown == 0,
                entries=entries,
                percent_rda=100 * total / target.rda_mg,
                met=total >= target.rda_mg,
            )
        )
    logged = [d for d in days if d.logged]
    notes = []
    if any(d.complete is False for d in logged):
        notes.append("Days marked +? have foods with no USDA magnesium value: their totals are lower bounds.")
    if target.is_default:
        notes.append(
            f"No person given: compared with {target.description}. Set one with magcalc profile set."
        )
    notes.append(NOT_ADVICE)
    return History(
        start=start,
        end=end,
        days=days,
        days_logged=len(logged),
        days_met=sum(1 for d in logged if d.met),
        average_mg=sum(d.total_mg or 0.0 for d in logged) / len(logged) if logged else None,
        streak_days=_streak(days),
        rda_mg=target.rda_mg,
        reference=target,
        notes=notes,
    )


def _streak(days: list[HistoryDay]) -> int:
    """Consecutive days met, counting back from the last day; the last day may still be under way,
    so if it is not (yet) met it is skipped rather than ending the streak."""
    run = list(reversed(days))
    if run and not run[0].met:
        run = run[1:]
    streak = 0
    for day in run:
        if not day.met:
            break
        streak += 1
    return streak
