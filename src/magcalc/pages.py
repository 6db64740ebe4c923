"""The clinician's report: one self-contained, printable HTML page (no scripts, no fonts or
images from the network; the chart is inline SVG). Pure: returns text."""

from __future__ import annotations

import datetime as dt
from html import escape

from magcalc.about import explain
from magcalc.models import NOT_ADVICE, History, LineItem, Report, SourceShare

STYLE = """
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: #111;
       background: #fff; margin: 2em auto; max-width: 900px; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { text-align: left; padding: 0.25em 0.8em 0.25em 0; border-bottom: 1px solid #e4e4e4;
         vertical-align: top; }
td.n, th.n { text-align: right; }
.who { color: #333; margin-top: 0; }
.over { color: #a61b0f; font-weight: bold; }
.note { color: #444; font-size: 0.92em; }
.chart svg { max-width: 100%; height: auto; }
footer { margin-top: 2em; font-size: 0.9em; color: #333; border-top: 1px solid #ccc; padding-top: 0.5em; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
               .chart { break-inside: avoid; } }
"""


def _mg(value: float | None) -> str:
    return "unknown" if value is None else f"{value:,.0f} mg"


def _shares(title: str, shares: list[SourceShare]) -> str:
    rows = "".join(
        f"<tr><td>{escape(s.name)}</td><td class='n'>{_mg(s.magnesium_mg)}</td>"
        f"<td class='n'>{s.share_percent:.0f}%</td></tr>"
        for s in shares
    )
    return (f"<table><thead><tr><th>{escape(title)}</th><th class='n'>Magnesium</th><th class='n'>Share</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>")  # fmt: skip


def _flagged(items: list[LineItem]) -> str:
    flagged = [i for i in items if i.assumed is not None or not i.confident]
    if not flagged:
        return "<p>None: every amount was given and every food matched clearly.</p>"
    rows = []
    for item in flagged:
        why = "; ".join(
            filter(None, [f"amount assumed: {item.assumed}" if item.assumed else None,
                          None if item.confident else "doubtful match"])
        )  # fmt: skip
        amount = f"{item.amount:g} {item.unit or ''}".strip()
        rows.append(
            f"<tr><td>{item.date or ''}</td><td>{escape(item.input)}</td><td>{escape(item.food_name)}"
            f"{f' ({escape(item.food_id)})' if item.food_id else ''}</td><td>{escape(amount)}</td>"
            f"<td class='n'>{_mg(item.magnesium_mg)}</td><td>{escape(why)}</td></tr>"
        )
    head = "".join(f"<th{' class=n' if h == 'Magnesium' else ''}>{h}</th>"
                   for h in ("Date", "Typed", "Matched to", "Amount", "Magnesium", "Why"))  # fmt: skip
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def clinic_page(report: Report, history: History, chart_svg: str, today: dt.date) -> str:
    """The page for a clinician: who, which standard, the period, the average against the RDA,
    days met, the chart, the top sources, supplements against the UL with the cautions, entries
    whose amount was assumed or whose match was doubtful, the sources, the disclaimer."""
    target = report.reference
    who = escape(target.description)
    period = f"{history.start} to {history.end}"
    logged = history.days_logged
    average = history.average_mg
    supplement_days = [d for d in report.days if d.supplement_mg]
    supplements_html = "<p>No supplements logged in this period.</p>"
    if supplement_days:
        ul = report.ul_supplement_mg
        rows = "".join(
            f"<tr><td>{d.date}</td><td class='n'>{_mg(d.supplement_mg)}</td>"
            f"<td class='n'>{'none set' if ul is None else _mg(ul)}</td>"
            f"<td class='{'over' if d.over_ul else ''}'>{'above the UL' if d.over_ul else 'within'}</td></tr>"
            for d in supplement_days
        )
        supplements_html = (
            "<table><thead><tr><th>Date</th><th class='n'>Supplemental Mg</th><th class='n'>UL</th>"
            f"<th></th></tr></thead><tbody>{rows}</tbody></table>"
            f"<p class='note'>The UL applies to supplemental magnesium only, not to food. "
            f"{escape(explain('supplements').paragraphs[1])}</p>"
        )
    rls = explain("rls")
    references = [target.source, target.ul_source, report.food_source, *rls.sources]
    average_text = "nothing logged" if average is None else (
        f"{average:,.0f} mg a day ({100 * average / report.rda_mg:.0f}% of the {target.kind})"
    )  # fmt: skip
    lower_bound = "" if report.complete else " (a lower bound: some values unknown)"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Magnesium intake, {who}, {period}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>Magnesium intake report</h1>
<p class="who">For <strong>{who}</strong>; reference: {escape(target.standard.upper())} {target.kind}
{target.rda_mg:g} mg a day; period <strong>{period}</strong>; made by magcalc on {today}.</p>
</header>
<section id="summary">
<h2>Summary</h2>
<table>
<tr><th>Daily average</th><td>{average_text}{lower_bound}</td></tr>
<tr><th>{target.kind}</th><td>{target.rda_mg:g} mg a day</td></tr>
<tr><th>Days logged</th><td>{logged} of {len(history.days)}</td></tr>
<tr><th>Days at or above the {target.kind}</th><td>{history.days_met} of {logged}</td></tr>
<tr><th>Food / supplements</th><td>{_mg(report.food_mg)} / {_mg(report.supplement_mg)} in all</td></tr>
</table>
</section>
<section id="chart" class="chart">
<h2>Day by day</h2>
{chart_svg}
</section>
<section id="sources">
<h2>Where the magnesium came from</h2>
{_shares("Food", report.sources.foods)}
{_shares("Food group", report.sources.groups)}
</section>
<section id="supplements">
<h2>Supplements against the upper limit (UL)</h2>
{supplements_html}
</section>
<section id="flagged">
<h2>Entries to check</h2>
<p class="note">Amounts magcalc assumed, and foods whose match is a guess.</p>
{_flagged(report.entries)}
</section>
<section id="references">
<h2>Sources of the reference values</h2>
<ul>{''.join(f'<li>{escape(" ".join(s.split()))}</li>' for s in dict.fromkeys(references))}</ul>
<p class="note">RLS trials have used {report.rls_trial_range_mg[0]:g}-{report.rls_trial_range_mg[1]:g} mg
a day; magcalc shows that range as context, not as a target or a dose.</p>
</section>
<footer><strong>{escape(NOT_ADVICE)}</strong> This page summarises what was logged; it is not a
diagnosis.</footer>
</body>
</html>
"""
