#!/usr/bin/env python3
"""Compute the expected grams and magnesium of the realistic diary-line test set.

Usage: python scripts/realistic_expected.py [--shared DIR] [--sr28 DIR] [--fndds DIR] [--out DIR]

Reads the hand-written `tests/fixtures/realistic/lines.src.csv` and
`multi.src.csv` and the USDA source files (SR28 ASCII release and the FNDDS
2021-2023 "At A Glance" workbooks), and writes `lines.csv` and `multi.csv`
beside them. The expectations come only from the USDA files: this script
never imports magcalc.

Portion mini-language (one food):   ID:QTY UNIT   or   ID:qns
- ID is an SR28 NDB number (5 digits) or an FNDDS food code (8 digits).
- QTY is a number: 2, 0.5, 1/2, "1 1/2".
- UNIT g, oz, lb, kg: exact mass (1 oz = 28.349523125 g), no lookup.
- UNIT fl oz, cup, tbsp, tsp, ml, l: the food's own portion of that unit
  when it has one, else converted from any other volume portion it has
  (1 cup = 8 fl oz = 16 tbsp = 48 tsp = 236.5882365 ml).
- any other UNIT (large, medium, slice, bar, "cup, sliced", ...): the
  food's portion whose description, after its leading amount, is UNIT or
  starts with UNIT followed by a non-letter. Several such portions with
  different weights are an error: write more of the description.
- qns: the FNDDS "Quantity not specified" weight.
The weight of one unit is the portion's grams divided by its amount
(SR28 Amount field; FNDDS leading number of the description).

The grams and magnesium are those of the FIRST accepted id; every accepted
id's magnesium per 100 g is listed too. Anything unknown is an error.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "realistic"
KINDS = {
    "fruit",
    "vegetable",
    "grain",
    "legume",
    "nut_seed",
    "dairy_egg",
    "meat_fish",
    "drink",
    "mixed_dish",
    "sweet_snack",
    "modern",
    "misspelling",
    "reordered",
    "count_no_unit",
    "no_amount",
    "container",
}
OZ = 28.349523125
MASS = {"g": 1.0, "oz": OZ, "lb": 16 * OZ, "kg": 1000.0}
# millilitres per unit
VOLUME = {
    "fl oz": 236.5882365 / 8,
    "cup": 236.5882365,
    "tbsp": 236.5882365 / 16,
    "tsp": 236.5882365 / 48,
    "ml": 1.0,
    "l": 1000.0,
}
VOLUME_WORDS = [  # how USDA portion descriptions name volume units, longest first
    ("fl oz", "fl oz"),
    ("cup", "cup"),
    ("tbsp", "tbsp"),
    ("tablespoon", "tbsp"),
    ("tsp", "tsp"),
    ("teaspoon", "tsp"),
    ("ml", "ml"),
]


class ExpectedError(Exception):
    pass


@dataclass
class Portion:
    amount: float
    desc: str  # description without its leading amount, lower case
    grams: float

    @property
    def per_unit(self) -> float:
        return self.grams / self.amount


@dataclass
class Food:
    food_id: str
    table: str
    description: str
    mg_per_100g: float | None
    portions: list[Portion]


def read_sr28(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("latin-1")
    return [[f.strip("~") for f in line.split("^")] for line in text.split("\r\n") if line]


def load_sr28(folder: Path, foods: dict[str, Food]) -> None:
    mg: dict[str, float] = {}
    for r in read_sr28(folder / "NUT_DATA.txt"):
        if r[1] == "304" and r[2] != "":
            mg[r[0]] = float(r[2])
    for r in read_sr28(folder / "FOOD_DES.txt"):
        foods[r[0]] = Food(r[0], "SR28", r[2], mg.get(r[0]), [])
    for r in read_sr28(folder / "WEIGHT.txt"):
        foods[r[0]].portions.append(Portion(float(r[2]), r[3].strip().lower(), float(r[4])))


LEADING = re.compile(r"^\s*(\d+\s+\d+/\d+|\d+/\d+|\d*\.\d+|\d+)\s*(.*)$")


def split_amount(desc: str) -> tuple[float, str]:
    m = LEADING.match(desc)
    if not m:
        return 1.0, desc.strip().lower()
    return float(parse_qty(m.group(1))), m.group(2).strip().lower()


def xlsx_rows(path: Path):  # type: ignore[no-untyped-def]
    import openpyxl  # only needed to regenerate, never at test time

    wb = openpyxl.load_workbook(path, read_only=True)
    rows = wb.worksheets[0].iter_rows(values_only=True)
    next(rows)  # title row
    header = list(next(rows))
    for row in rows:
        if row and row[0] is not None:
            yield dict(zip(header, row, strict=False))
    wb.close()


def load_fndds(folder: Path, foods: dict[str, Food]) -> None:
    prefix = "2021-2023 FNDDS At A Glance - "
    for r in xlsx_rows(folder / f"{prefix}FNDDS Nutrient Values.xlsx"):
        code = str(int(r["Food code"]))
        foods[code] = Food(code, "FNDDS", str(r["Main food description"]), float(r["Magnesium (mg)"]), [])
    for r in xlsx_rows(folder / f"{prefix}Portions and Weights.xlsx"):
        code = str(int(r["Food code"]))
        grams = r["Portion weight\n(g)"]
        desc = str(r["Portion description"])
        if not grams or desc.lower().startswith("guideline amount") or code not in foods:
            continue  # no weight, an amount added to another food, or a food without nutrients
        amount, rest = split_amount(desc)
        foods[code].portions.append(Portion(amount, rest, float(grams)))


def parse_qty(text: str) -> Fraction:
    text = text.strip()
    try:
        return sum((Fraction(p) for p in text.split()), Fraction(0))
    except (ValueError, ZeroDivisionError) as e:
        raise ExpectedError(f"bad quantity {text!r}") from e


def volume_unit(desc: str) -> str | None:
    for word, unit in VOLUME_WORDS:
        if re.match(rf"{re.escape(word)}s?\b", desc):
            return unit
    return None


def grams_of(food: Food, qty: Fraction, unit: str) -> tuple[float, str]:
    """Grams of QTY UNIT of FOOD and the portion used, or ExpectedError."""
    q = float(qty)
    if unit in MASS:
        return q * MASS[unit], unit
    if unit == "qns":
        for p in food.portions:
            if p.desc == "quantity not specified":
                return p.grams, "Quantity not specified"
        raise ExpectedError(f"{food.food_id} has no 'Quantity not specified' portion")
    if unit in VOLUME:
        same = [p for p in food.portions if volume_unit(p.desc) == unit]
        if same:
            p = pick(food, same, unit)
            return q * p.per_unit, f"{p.amount:g} {p.desc}"
        vols = [p for p in food.portions if volume_unit(p.desc)]
        if not vols:
            raise ExpectedError(f"{food.food_id} has no volume portion for {unit!r}")
        p = vols[0]
        ml = p.amount * VOLUME[volume_unit(p.desc) or ""]
        return q * VOLUME[unit] * p.grams / ml, f"{p.amount:g} {p.desc} (converted)"
    exact = [p for p in food.portions if p.desc == unit]
    if exact:
        return q * exact[0].per_unit, f"{exact[0].amount:g} {exact[0].desc}"
    starts = [p for p in food.portions if re.match(rf"{re.escape(unit)}(?![a-z])", p.desc)]
    if not starts:
        have = "; ".join(f"{p.amount:g} {p.desc}" for p in food.portions)
        raise ExpectedError(f"{food.food_id} has no portion {unit!r} (has: {have})")
    p = pick(food, starts, unit)
    return q * p.per_unit, f"{p.amount:g} {p.desc}"


def pick(food: Food, candidates: list[Portion], unit: str) -> Portion:
    if len({round(p.per_unit, 3) for p in candidates}) > 1:
        have = "; ".join(f"{p.amount:g} {p.desc}={p.grams:g}g" for p in candidates)
        raise ExpectedError(f"{food.food_id}: {unit!r} is ambiguous ({have})")
    return candidates[0]


def evaluate(foods: dict[str, Food], accept: str, portion: str) -> dict[str, object]:
    ids = accept.split()
    for i in ids:
        if i not in foods:
            raise ExpectedError(f"id {i} is in neither SR28 nor FNDDS")
        if not (len(i) == 5 or len(i) == 8) or not i.isdigit():
            raise ExpectedError(f"id {i} is not a 5-digit NDB number or an 8-digit food code")
    by_id = " ".join(
        f"{i}={'' if foods[i].mg_per_100g is None else f'{foods[i].mg_per_100g:g}'}" for i in ids
    )
    if not ids:
        if portion:
            raise ExpectedError("a portion without an accepted id")
        return {"grams": "", "magnesium_mg": "", "mg_per_100g_by_id": "", "portion_used": ""}
    m = re.fullmatch(r"(\d{5}|\d{8}):(.+)", portion.strip())
    if not m:
        raise ExpectedError(f"bad portion {portion!r}")
    pid, spec = m.group(1), m.group(2).strip()
    if pid != ids[0]:
        raise ExpectedError(f"portion is of {pid}, not of the first accepted id {ids[0]}")
    food = foods[pid]
    if spec == "qns":
        grams, used = grams_of(food, Fraction(1), "qns")
    else:
        qm = re.fullmatch(r"(\d+\s+\d+/\d+|\d+/\d+|\d*\.?\d+)\s+(.+)", spec)
        if not qm:
            raise ExpectedError(f"bad portion {portion!r}")
        grams, used = grams_of(food, parse_qty(qm.group(1)), qm.group(2).strip().lower())
    if food.mg_per_100g is None:
        raise ExpectedError(f"{pid} has no magnesium value (unknown): choose another first id")
    return {
        "grams": f"{grams:.1f}",
        "magnesium_mg": f"{grams * food.mg_per_100g / 100:.1f}",
        "mg_per_100g_by_id": by_id,
        "portion_used": used,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="folder holding both USDA folders"
    )
    ap.add_argument("--sr28", type=Path, help="SR28 folder (default SHARED/usda-sr28)")
    ap.add_argument("--fndds", type=Path, help="FNDDS folder (default SHARED/usda-fndds-2021-2023)")
    ap.add_argument("--out", type=Path, default=FIXTURES, help="folder of the .src.csv files and outputs")
    a = ap.parse_args(argv)
    sr28 = a.sr28 or a.shared / "usda-sr28"
    fndds = a.fndds or a.shared / "usda-fndds-2021-2023"
    foods: dict[str, Food] = {}
    load_sr28(sr28, foods)
    load_fndds(fndds, foods)

    errors: list[str] = []
    src = a.out / "lines.src.csv"
    with src.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        cols = list(reader.fieldnames or [])
        out_rows = []
        seen: set[str] = set()
        for n, row in enumerate(reader, start=2):
            if None in row or None in row.values():
                errors.append(f"{src.name}:{n}: expected {len(cols)} columns (quote a field holding a comma)")
                row.pop(None, None)  # type: ignore[call-overload]
                continue
            if row["kind"] not in KINDS:
                errors.append(f"{src.name}:{n}: unknown kind {row['kind']!r}")
            if row["phrase"] in seen:
                errors.append(f"{src.name}:{n}: duplicate phrase {row['phrase']!r}")
            seen.add(row["phrase"])
            try:
                row.update(evaluate(foods, row["accept"], row["portion"]))
            except ExpectedError as e:
                errors.append(f"{src.name}:{n}: {row['phrase']!r}: {e}")
            out_rows.append(row)
    multi_src = a.out / "multi.src.csv"
    multi_rows = []
    with multi_src.open(newline="", encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            if None in row or None in row.values():
                errors.append(f"{multi_src.name}:{n}: expected 2 columns (quote a field holding a comma)")
                continue
            items = []
            for part in row["items"].split(";"):
                accept, _, portion = part.partition("|")
                try:
                    r = evaluate(foods, accept.strip(), portion.strip())
                except ExpectedError as e:
                    errors.append(f"{multi_src.name}:{n}: {part!r}: {e}")
                    continue
                items.append(
                    {
                        "accept": accept.split(),
                        "portion": portion.strip(),
                        "grams": float(r["grams"]) if r["grams"] else None,
                        "magnesium_mg": float(r["magnesium_mg"]) if r["magnesium_mg"] else None,
                        "mg_per_100g_by_id": {
                            k: (float(v) if v else None)
                            for k, v in (kv.split("=") for kv in str(r["mg_per_100g_by_id"]).split())
                        },
                    }
                )
            total = sum(i["magnesium_mg"] or 0.0 for i in items)  # type: ignore[misc]
            multi_rows.append(
                {"phrase": row["phrase"], "items": json.dumps(items), "total_magnesium_mg": f"{total:.1f}"}
            )
    if errors:
        for e in errors:
            print(f"realistic_expected: error: {e}", file=sys.stderr)
        print(f"realistic_expected: {len(errors)} error(s); nothing written", file=sys.stderr)
        return 1
    with (a.out / "lines.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(
            f, [*cols, "grams", "magnesium_mg", "mg_per_100g_by_id", "portion_used"], lineterminator="\n"
        )
        w.writeheader()
        w.writerows(out_rows)
    with (a.out / "multi.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, ["phrase", "items", "total_magnesium_mg"], lineterminator="\n")
        w.writeheader()
        w.writerows(multi_rows)
    print(f"wrote {len(out_rows)} lines and {len(multi_rows)} multi-food phrases to {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
