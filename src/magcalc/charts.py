"""A history as a hand-written SVG chart: white page, magnesium axis, the RDA line, stacked food
and supplement bars, the supplement UL marked, not-logged days set apart. No fonts or anything
else from the network, so Chromium and librsvg draw the same picture. Pure: returns text."""

from __future__ import annotations

import math
from html import escape

from magcalc.models import History

WIDTH, HEIGHT = 860, 420
LEFT, RIGHT, TOP, BOTTOM = 70, 84, 78, 92
FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"
FOOD, SUPPLEMENT, RDA, UL, NOT_LOGGED = "#3f8f5a", "#4f6fb8", "#222222", "#c0392b", "#e9e9e9"


def _nice_step(top: float) -> float:
    """A tick step of 1, 2 or 5 times a power of ten giving about five ticks."""
    raw = top / 5
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def _mg(value: float) -> str:
    return f"{value:,.0f}"


def history_svg(result: History, who: str) -> str:
    """The chart of `result` for the person described by `who`."""
    days = result.days
    ul = result.reference.ul_supplement_mg
    supplements = any((d.supplement_mg or 0) > 0 for d in days)
    highest = max(
        [result.rda_mg * 1.2]
        + [d.total_mg or 0.0 for d in days]
        + [(d.food_mg or 0.0) + ul for d in days if ul is not None and (d.supplement_mg or 0) > 0]
    )
    step = _nice_step(highest)
    top = step * math.ceil(highest * 1.05 / step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(mg: float) -> float:
        return TOP + plot_h * (1 - mg / top)

    slot = plot_w / max(len(days), 1)
    bar = max(min(slot * 0.7, 40), 1.0)
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{FONT}" role="img" aria-labelledby="title">',
        f'<title id="title">Magnesium by day, {escape(who)}, {result.start} to {result.end}</title>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="28" font-size="18" font-weight="bold" fill="#111">Magnesium by day: '
        f"{escape(who)}</text>",
        f'<text x="{LEFT}" y="50" font-size="13" fill="#444">{result.start} to {result.end}; '
        f"{result.reference.kind} {result.rda_mg:g} mg ({result.reference.standard.upper()}); "
        + (
            f"average {_mg(result.average_mg or 0)} mg over {result.days_logged} logged day(s), "
            f"met on {result.days_met} of {result.days_logged}"
            if result.days_logged
            else "nothing logged"
        )
        + "</text>",
    ]
    # Axis, ticks and grid
    mg = 0.0
    while mg <= top + 1e-9:
        ty = y(mg)
        out.append(f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{WIDTH - RIGHT}" y2="{ty:.1f}" '
                   f'stroke="#dddddd" stroke-width="1"/>')  # fmt: skip
        out.append(f'<line x1="{LEFT - 5}" y1="{ty:.1f}" x2="{LEFT}" y2="{ty:.1f}" stroke="#333"/>')
        out.append(f'<text x="{LEFT - 8}" y="{ty + 4:.1f}" font-size="12" text-anchor="end" '
                   f'fill="#333">{_mg(mg)}</text>')  # fmt: skip
        mg += step
    out.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#333"/>')
    out.append(f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
               'stroke="#333"/>')  # fmt: skip
    out.append(f'<text x="18" y="{TOP + plot_h / 2:.1f}" font-size="12" fill="#333" text-anchor="middle" '
               f'transform="rotate(-90 18 {TOP + plot_h / 2:.1f})">magnesium, mg a day</text>')  # fmt: skip
    # Bars
    label_every = max(1, math.ceil(len(days) / 16))
    labels: list[str] = []  # each bar's total, drawn last so that the RDA line never covers one
    for index, day in enumerate(days):
        x = LEFT + slot * index + (slot - bar) / 2
        centre = x + bar / 2
        if not day.logged:
            out.append(f'<rect x="{x:.1f}" y="{TOP}" width="{bar:.1f}" height="{plot_h}" '
                       f'fill="{NOT_LOGGED}" stroke="#bbbbbb" stroke-dasharray="3 3"><title>'
                       f"{day.date}: not logged</title></rect>")  # fmt: skip
        else:
            food, supplement = day.food_mg or 0.0, day.supplement_mg or 0.0
            out.append(f'<rect x="{x:.1f}" y="{y(food):.1f}" width="{bar:.1f}" '
                       f'height="{y(0) - y(food):.1f}" fill="{FOOD}"><title>{day.date}: food '
                       f"{_mg(food)} mg</title></rect>")  # fmt: skip
            if supplement:
                out.append(f'<rect x="{x:.1f}" y="{y(food + supplement):.1f}" width="{bar:.1f}" '
                           f'height="{y(food) - y(food + supplement):.1f}" fill="{SUPPLEMENT}"><title>'
                           f"{day.date}: supplements {_mg(supplement)} mg</title></rect>")  # fmt: skip
                if ul is not None:
                    uy = y(food + ul)
                    out.append(f'<line x1="{x - 3:.1f}" y1="{uy:.1f}" x2="{x + bar + 3:.1f}" y2="{uy:.1f}" '
                               f'stroke="{UL}" stroke-width="2.5"/>')  # fmt: skip
            if bar >= 18 and len(days) <= 31:
                labels.append(f'<text x="{centre:.1f}" y="{y(food + supplement) - 5:.1f}" font-size="10" '
                           'text-anchor="middle" fill="#333" stroke="#ffffff" stroke-width="3" '
                           'paint-order="stroke">'
                           f"{_mg(day.total_mg or 0)}"
                           f"{'' if day.complete else '+?'}</text>")  # fmt: skip
        if index % label_every == 0:
            label = day.date.strftime("%d %b") if len(days) <= 62 else day.date.isoformat()
            out.append(f'<text x="{centre:.1f}" y="{TOP + plot_h + 16}" font-size="11" text-anchor="middle" '
                       f'fill="#333">{label}</text>')  # fmt: skip
    # The RDA line, over the bars
    ry = y(result.rda_mg)
    out.append(f'<line x1="{LEFT}" y1="{ry:.1f}" x2="{WIDTH - RIGHT}" y2="{ry:.1f}" stroke="{RDA}" '
               'stroke-width="2" stroke-dasharray="8 4"/>')  # fmt: skip
    for offset, text in ((-3, result.reference.kind), (11, f"{result.rda_mg:g} mg")):
        out.append(f'<text x="{WIDTH - RIGHT + 6}" y="{ry + offset:.1f}" font-size="12" font-weight="bold" '
                   f'fill="{RDA}">{text}</text>')  # fmt: skip
    out.extend(labels)
    # Legend
    ly = HEIGHT - 40
    items = [("rect", FOOD, "food")]
    if supplements:
        items.append(("rect", SUPPLEMENT, "supplements"))
        if ul is not None:
            items.append(("line", UL, f"UL: supplements above this mark exceed {ul:g} mg"))
    items += [("dash", RDA, f"{result.reference.kind}"), ("grey", NOT_LOGGED, "not logged (not 0 mg)")]
    x = LEFT
    for kind, colour, text in items:
        if kind == "rect":
            out.append(f'<rect x="{x}" y="{ly - 10}" width="14" height="12" fill="{colour}"/>')
        elif kind == "grey":
            out.append(f'<rect x="{x}" y="{ly - 10}" width="14" height="12" fill="{colour}" stroke="#bbbbbb" '
                       'stroke-dasharray="3 3"/>')  # fmt: skip
        elif kind == "line":
            out.append(f'<line x1="{x}" y1="{ly - 4}" x2="{x + 14}" y2="{ly - 4}" stroke="{colour}" '
                       'stroke-width="2.5"/>')  # fmt: skip
        else:
            out.append(f'<line x1="{x}" y1="{ly - 4}" x2="{x + 14}" y2="{ly - 4}" stroke="{colour}" '
                       'stroke-width="2" stroke-dasharray="4 2"/>')  # fmt: skip
        out.append(f'<text x="{x + 20}" y="{ly}" font-size="12" fill="#333">{escape(text)}</text>')
        x += 20 + 7 * len(text) + 24
    out.append(f'<text x="{LEFT}" y="{HEIGHT - 14}" font-size="10" fill="#666">magcalc; food values USDA. '
               "Informs, does not prescribe: not medical advice.</text>")  # fmt: skip
    out.append("</svg>")
    return "\n".join(out) + "\n"
