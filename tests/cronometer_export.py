"""Cronometer exports written the way Cronometer writes them, for tests, examples and benchmarks.

Built from what real "servings" and "dailysummary" exports look like: 50 to 70 nutrient columns
in varying sets and orders (Magnesium among them, Category sometimes last, Time sometimes
missing), 12- or 24-hour times, the amount as one field ("2.00 medium (2-2/3" dia)", "800.00 1",
"0.00 g"), blank cells where Cronometer has no value, branded foods, recipes, quick-add macros and
supplements. Seeded, so a file is the same every time.

    python tests/cronometer_export.py servings 10000 > servings.csv
    python tests/cronometer_export.py dailysummary 10000 > dailysummary.csv
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import sys
from collections import defaultdict
from decimal import Decimal

NUTRIENTS = [
    "Energy (kcal)", "Alcohol (g)", "Caffeine (mg)", "Water (g)", "B1 (Thiamine) (mg)",
    "B2 (Riboflavin) (mg)", "B3 (Niacin) (mg)", "B5 (Pantothenic Acid) (mg)", "B6 (Pyridoxine) (mg)",
    "B12 (Cobalamin) (µg)", "Biotin (µg)", "Choline (mg)", "Folate (µg)", "Vitamin A (µg)",
    "Vitamin C (mg)", "Vitamin D (IU)", "Vitamin E (mg)", "Vitamin K (µg)", "Calcium (mg)",
    "Chromium (µg)", "Copper (mg)", "Fluoride (µg)", "Iodine (µg)", "Iron (mg)", "Magnesium (mg)",
    "Manganese (mg)", "Molybdenum (µg)", "Phosphorus (mg)", "Potassium (mg)", "Selenium (µg)",
    "Sodium (mg)", "Zinc (mg)", "Carbs (g)", "Fiber (g)", "Starch (g)", "Sugars (g)", "Added Sugars (g)",
    "Net Carbs (g)", "Fat (g)", "Cholesterol (mg)", "Monounsaturated (g)", "Polyunsaturated (g)",
    "Saturated (g)", "Trans-Fats (g)", "Omega-3 (g)", "Omega-6 (g)", "Cystine (g)", "Histidine (g)",
    "Isoleucine (g)", "Leucine (g)", "Lysine (g)", "Methionine (g)", "Phenylalanine (g)", "Protein (g)",
    "Threonine (g)", "Tryptophan (g)", "Tyrosine (g)", "Valine (g)", "Beta-carotene (µg)",
    "Alpha-carotene (µg)", "Lutein+Zeaxanthin (µg)", "Lycopene (µg)", "Retinol (µg)",
    "Vitamin D2 (µg)", "Vitamin D3 (µg)", "Oxalate (mg)", "Phytosterol (mg)",
]  # fmt: skip
# (name, amount as written, magnesium in mg or None for a blank cell). Amounts are scaled per row.
FOODS = [
    ("Oatmeal, Cooked With Water", 1.0, "cup", 63.18),
    ("Bananas, raw", 2.0, 'medium (7" to 7-7/8" long)', 64.9),
    ("Apple, Fresh, With Skin", 1.0, 'medium (3" dia)', 9.1),
    ("Black Pepper, Ground", 0.5, "tsp", 1.71),
    ("Spinach, Raw", 58.0, "g", 45.82),
    ("Almonds", 1.0, "oz", 76.54),
    ("Avocados, raw, all commercial varieties", 0.5, 'fruit (3-1/2" dia)', 29.15),
    ("Clif Bar, Chocolate Chip", 1.0, "bar", 40.0),
    ("Kirkland Signature, Greek Yogurt, Plain Nonfat", 170.0, "g", 18.7),
    ("Trader Joe's Everything but the Bagel Seasoning", 0.25, "tsp", None),
    ('Ben & Jerry\'s "Half Baked" Ice Cream', 0.5, "cup", 21.5),
    ("Crème fraîche, Président", 2.0, "tbsp", 1.8),
    ("Main", 1.0, "serving", None),
    ("Grandma's Lentil Soup (my recipe)", 1.5, "serving", 71.25),
    ("Magnesium Glycinate", 2.0, "capsule", 200.0),
    ("Doctor's Best High Absorption Magnesium, 100 mg", 1.0, "tablet", 100.0),
    ("Coffee, brewed", 2.0, "cup", 14.22),
    ("Dark Chocolate 85%, Lindt Excellence", 20.0, "g", 45.2),
]
QUICK_ADD = [("Calorie", 800.0, "1"), ("Protein", 30.0, "1"), ("Carbs", 45.0, "1"), ("Fat", 20.0, "1")]
GROUPS = ["Breakfast", "Lunch", "Dinner", "Snacks"]
START = dt.date(2024, 1, 1)


def servings(rows: int, *, seed: int = 12, time: str | None = "12h", category: bool = True,
             shuffle_columns: bool = False) -> str:  # fmt: skip
    """A servings export of `rows` rows, about 9 a day. time: '12h', '24h' or None (no Time column)."""
    rng = random.Random(seed)
    nutrients = list(NUTRIENTS)
    if shuffle_columns:
        rng.shuffle(nutrients)
        nutrients = nutrients[: 50 + rng.randrange(15)]
        if "Magnesium (mg)" not in nutrients:
            nutrients.append("Magnesium (mg)")
    header = ["Day", *(["Time"] if time else []), "Group", "Food Name", "Amount", *nutrients]
    header += ["Category"] if category else []
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    day, minute = START, 7 * 60
    for number in range(rows):
        if number and number % 9 == 0:
            day, minute = day + dt.timedelta(days=1), 7 * 60 + rng.randrange(60)
        minute = min(minute + rng.randrange(20, 110), 23 * 60 + 59)
        kind = rng.random()
        if kind < 0.08:
            name, amount, unit = rng.choice(QUICK_ADD)
            magnesium: float | None = None
        elif kind < 0.11:
            name, amount, unit, magnesium = "Spinach, Raw", 0.0, "g", 0.0  # Cronometer writes these
        else:
            name, base, unit, per = rng.choice(FOODS)
            scale = rng.choice([0.5, 1.0, 1.0, 1.5, 2.0])
            amount = base * scale
            magnesium = None if per is None else round(per * scale, 2)
            if per is not None and rng.random() < 0.04:
                magnesium = None  # Cronometer has no value for this one
        values = {n: f"{rng.uniform(0, 50):.2f}" if rng.random() < 0.8 else "" for n in nutrients}
        values["Magnesium (mg)"] = "" if magnesium is None else f"{magnesium:.2f}"
        values["Energy (kcal)"] = f"{amount if name == 'Calorie' else rng.uniform(1, 400):.2f}"
        clock = _clock(minute, time)
        writer.writerow(
            [day.isoformat(), *([clock] if time else []), rng.choice(GROUPS), name, f"{amount:.2f} {unit}",
             *(values[n] for n in nutrients), *([_category(name)] if category else [])]
        )  # fmt: skip
    return out.getvalue()


def _clock(minute: int, time: str | None) -> str:
    hour, minutes = divmod(minute, 60)
    if time == "24h":
        return f"{hour:02d}:{minutes:02d}"
    return f"{(hour - 1) % 12 + 1}:{minutes:02d} {'AM' if hour < 12 else 'PM'}"


def _category(name: str) -> str:
    if name in ("Calorie", "Protein", "Carbs", "Fat"):
        return "Quick Add"
    if "Magnesium" in name:
        return "Supplements"
    return "Foods"


def day_sums(text: str) -> dict[str, tuple[Decimal, int, int]]:
    """What the file says about each day: (Magnesium summed exactly, rows, blank Magnesium cells)."""
    sums: dict[str, list[Decimal | int]] = defaultdict(lambda: [Decimal(0), 0, 0])
    for row in csv.DictReader(io.StringIO(text)):
        day = dt.date.fromisoformat("-".join(f"{int(p):02d}" for p in row["Day"].split("-"))).isoformat()
        cell = row["Magnesium (mg)"]
        entry = sums[day]
        entry[0] = Decimal(entry[0]) + (Decimal(cell) if cell else 0)
        entry[1] = int(entry[1]) + 1
        entry[2] = int(entry[2]) + (0 if cell else 1)
    return {day: (Decimal(s[0]), int(s[1]), int(s[2])) for day, s in sums.items()}


def dailysummary(servings_text: str) -> str:
    """The daily summary of a servings export: one row a day, Magnesium the day's sum."""
    columns = ["Date", "Energy (kcal)", "Calcium (mg)", "Iron (mg)", "Magnesium (mg)", "Potassium (mg)",
               *NUTRIENTS[30:76], "Completed"]  # fmt: skip
    columns = list(dict.fromkeys(columns))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for day, (magnesium, _rows, _blank) in sorted(day_sums(servings_text).items()):
        values = {c: "1234.56" for c in columns}
        values.update({"Date": day, "Magnesium (mg)": f"{magnesium:.2f}", "Completed": "true"})
        writer.writerow([values[c] for c in columns])
    return out.getvalue()


if __name__ == "__main__":
    which, count = sys.argv[1], int(sys.argv[2])
    text = servings(count)
    sys.stdout.write(text if which == "servings" else dailysummary(text))
