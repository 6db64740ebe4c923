"""Diary entries over a span of days -> one row a day, the average, days met and the streak. Pure."""

from __future__ import annotations

import datetime as dt

from magcalc.models import NOT_ADVICE, History, HistoryDay, Report, Target


def build_history(
    sums: dict[dt.date, tuple[float, int, int, float]],
    target: Target,
    start: dt.date,
    end: dt.date,
    by_food: dict[tuple[str | None, str, str], float] | None = None,
) -> History:
    """One row a day from start to end, from each date's (known mg, entries, unknown entries,
    supplement mg) as the diary sums them; `by_food` gives where the magnesium came from."""
    from magcalc.report import sources

    ul = target.ul_supplement_mg
    days = []
    for offset in range((end - start).days + 1):
        date = start + dt.timedelta(days=offset)
        day = sums.get(date)
        if not day or not day[1]:
            days.append(HistoryDay(date=date, logged=False, total_mg=None, complete=None, entries=0,
                                   percent_rda=None, met=None))  # fmt: skip
            continue
        total, entries, unknown, supplement = day
        days.append(
            HistoryDay(
                date=date,
                logged=True,
                total_mg=total,
                complete=unknown == 0,
                entries=entries,
                percent_rda=100 * total / target.rda_mg,
                met=total >= target.rda_mg,
                food_mg=total - supplement,
                supplement_mg=supplement,
                over_ul=ul is not None and supplement > ul,
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
        sources=sources(by_food or {}),
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


def history_of(report: Report, start: dt.date, end: dt.date) -> History:
    """The history of a report's days (one undated log counts as the day `start`)."""
    sums = {d.date: (d.total_mg, d.entries, 0 if d.complete else 1, d.supplement_mg) for d in report.days}
    if not report.days and report.entries:
        unknown = report.unknown_entries
        sums = {start: (report.total_mg, len(report.entries), unknown, report.supplement_mg)}
    result = build_history(sums, report.reference, start, end)
    return result.model_copy(update={"sources": report.sources})
