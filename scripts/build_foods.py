#!/usr/bin/env python3
"""Build data/foods.csv and data/portions.csv from USDA SR28 and FNDDS 2021-2023.

Usage: python scripts/build_foods.py PATH_TO_SR28 [--fndds PATH_TO_FNDDS] [--out DATA_DIR]

PATH_TO_SR28 is the folder of USDA's `sr28asc.zip`, unpacked (FOOD_DES.txt,
NUT_DATA.txt, WEIGHT.txt, FD_GROUP.txt). PATH_TO_FNDDS is the folder of the four
FNDDS 2021-2023 "At A Glance" workbooks (default: usda-fndds-2021-2023 beside the
SR28 folder); reading them needs openpyxl, a build dependency only.

USDA's values are copied as text, so the generated table carries exactly what USDA
published; an empty magnesium field stays empty (unknown), never 0. Each food says
which table it comes from (`source`): SR28 ids are 5-digit NDB numbers, FNDDS ids
8-digit food codes. FNDDS's "Guideline amount per ..." rows (amounts added to another
food, not portions of this one) and zero-weight rows are dropped; its "Additional food
description" (synonyms, brand names) is kept as the food's common names.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterator
from pathlib import Path

MAGNESIUM = "304"
ENERGY_KCAL = "208"

SR28_SOURCE = "usda-sr28"
FNDDS_SOURCE = "usda-fndds-2021-2023"
FNDDS_BOOKS = {
    "foods": "2021-2023 FNDDS At A Glance - Foods and Beverages.xlsx",
    "nutrients": "2021-2023 FNDDS At A Glance - FNDDS Nutrient Values.xlsx",
    "portions": "2021-2023 FNDDS At A Glance - Portions and Weights.xlsx",
    "ingredients": "2021-2023 FNDDS At A Glance - FNDDS Ingredients.xlsx",
}

FOOD_COLUMNS = [
    "food_id",
    "source",
    "description",
    "food_group",
    "magnesium_mg_per_100g",
    "kcal_per_100g",
    "survey",
    "common_names",
    "manufacturer",
]
PORTION_COLUMNS = ["food_id", "seq", "amount", "description", "grams"]
TWIN_COLUMNS = ["food_id", "survey_food_id", "survey_description"]


def read_sr28(path: Path, containing: tuple[str, ...] = ("",)) -> Iterator[list[str]]:
    """Yield the fields of each record of one SR28 file ('^'-separated, '~'-quoted, Latin-1); with
    `containing`, only the records whose text contains one of those strings (a quick filter:
    splitting all 679,045 records of NUT_DATA, 18 fields each, costs seconds)."""
    text = path.read_bytes().decode("latin-1")
    for line in text.split("\r\n"):
        if line and any(part in line for part in containing):
            yield [field.strip("~") for field in line.split("^")]


def number_text(value: str) -> str:
    """USDA writes '.789' and '5.0'; keep the value, normalise only the leading dot."""
    return "0" + value if value.startswith(".") else value


def _sheet(path: Path) -> Iterator[tuple[object, ...]]:
    """The data rows of an FNDDS workbook's first sheet (row 1 a title, row 2 the header)."""
    import openpyxl  # a build dependency only: magcalc never reads xlsx at run time

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        next(rows)
        header = next(rows)
        assert header[0] == "Food code", f"{path.name}: unexpected header {header[:3]}"
        yield from rows
    finally:
        book.close()


def _text(value: object) -> str:
    """A workbook cell as USDA wrote it: integers without '.0', text stripped, empty for None."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_LEADING_AMOUNT = re.compile(r"(\d+(?:\.\d+)?(?:/\d+)?)\s+(\S.*)")


def fndds_portion(description: str) -> tuple[str, str] | None:
    """'1 cup' -> ('1', 'cup'); '1/2 cup' -> ('0.5', 'cup'); 'Quantity not specified' -> ('1', ...);
    None for a 'Guideline amount per ...' row, which is not a portion of the food itself."""
    if description.startswith("Guideline amount"):
        return None
    match = _LEADING_AMOUNT.fullmatch(description)
    if match is None:
        return "1", description
    amount, rest = match.groups()
    if "/" in amount:
        numerator, denominator = amount.split("/")
        amount = f"{float(numerator) / float(denominator):g}"
    return amount, rest


def read_fndds(folder: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """FNDDS foods (every one has a magnesium value) and their portions, as table rows."""
    header = next(
        r for i, r in enumerate(_header_rows(folder / FNDDS_BOOKS["nutrients"])) if i == 1
    )
    mg_col = header.index("Magnesium (mg)")
    kcal_col = header.index("Energy (kcal)")
    nutrients = {
        _text(r[0]): (_text(r[mg_col]), _text(r[kcal_col])) for r in _sheet(folder / FNDDS_BOOKS["nutrients"])
    }
    foods = []
    for code, description, additional, _number, category in _sheet(folder / FNDDS_BOOKS["foods"]):
        food_id = _text(code)
        # 11000000 (human milk) has no row in the nutrient workbook: unknown, not 0
        magnesium, kcal = nutrients.get(food_id, ("", ""))
        foods.append(
            {
                "food_id": food_id,
                "source": FNDDS_SOURCE,
                "description": _text(description),
                "food_group": _text(category),
                "magnesium_mg_per_100g": magnesium,
                "kcal_per_100g": kcal,
                "survey": "Y",
                "common_names": _text(additional),
                "manufacturer": "",
            }
        )
    portions = []
    for row in _sheet(folder / FNDDS_BOOKS["portions"]):
        code, seq, description, grams = row[0], row[4], row[5], row[6]
        parsed = fndds_portion(_text(description))
        if parsed is None or not grams:
            continue
        amount, label = parsed
        portions.append(
            {"food_id": _text(code), "seq": _text(seq), "amount": amount, "description": label,
             "grams": _text(grams)}
        )  # fmt: skip
    foods.sort(key=lambda row: row["food_id"])
    portions.sort(key=lambda row: (row["food_id"], int(row["seq"])))
    return foods, portions


def read_twins(folder: Path) -> list[dict[str, str]]:
    """SR28 foods and the FNDDS food made of that one SR28 food as it is (the Ingredients workbook:
    a single ingredient, no cooking retention, no moisture change): 'Avocados, raw' (09037) and
    'Avocado, raw' (63105010). magcalc counts an SR28 food in the survey's sizes of its twin. Of
    several, the lowest code that is neither a baby food (67...) nor an 'as ingredient' food (9999...)."""
    rows: dict[str, list[tuple[object, ...]]] = {}
    for row in _sheet(folder / FNDDS_BOOKS["ingredients"]):
        rows.setdefault(_text(row[0]), []).append(row)
    twins: dict[str, tuple[str, str]] = {}
    for code, (row,) in ((c, r) for c, r in rows.items() if len(r) == 1):
        ingredient, retention, moisture = _text(row[5]), _text(row[8]), _text(row[9])
        if len(ingredient) > 5 or retention != "0" or moisture != "0" or code.startswith(("67", "9999")):
            continue
        sr28_id = ingredient.zfill(5)
        if sr28_id not in twins or code < twins[sr28_id][0]:
            twins[sr28_id] = (code, _text(row[1]))
    return [
        {"food_id": k, "survey_food_id": code, "survey_description": name}
        for k, (code, name) in sorted(twins.items())
    ]


def _header_rows(path: Path) -> Iterator[tuple[object, ...]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        yield from book.worksheets[0].iter_rows(values_only=True, max_row=2)
    finally:
        book.close()


def build(sr28: Path, out: Path, fndds: Path | None = None) -> tuple[int, int]:
    groups = {code: name for code, name in read_sr28(sr28 / "FD_GROUP.txt")}
    nutrients: dict[tuple[str, str], str] = {}
    for fields in read_sr28(sr28 / "NUT_DATA.txt", (f"^~{MAGNESIUM}~^", f"^~{ENERGY_KCAL}~^")):
        ndb, nutr_no, value = fields[0], fields[1], fields[2]
        if nutr_no in (MAGNESIUM, ENERGY_KCAL) and value != "":
            nutrients[ndb, nutr_no] = number_text(value)

    foods = []
    for fields in read_sr28(sr28 / "FOOD_DES.txt"):
        ndb, group, long_desc, _short, com_name, manufacturer, survey = fields[:7]
        foods.append(
            {
                "food_id": ndb,
                "source": SR28_SOURCE,
                "description": long_desc,
                "food_group": groups[group],
                "magnesium_mg_per_100g": nutrients.get((ndb, MAGNESIUM), ""),
                "kcal_per_100g": nutrients.get((ndb, ENERGY_KCAL), ""),
                "survey": "Y" if survey == "Y" else "",
                "common_names": com_name,
                "manufacturer": manufacturer,
            }
        )
    portions = [
        {
            "food_id": f[0],
            "seq": f[1],
            "amount": number_text(f[2]),
            "description": f[3],
            "grams": number_text(f[4]),
        }
        for f in read_sr28(sr28 / "WEIGHT.txt")
    ]
    foods.sort(key=lambda row: row["food_id"])
    portions.sort(key=lambda row: (row["food_id"], int(row["seq"])))
    twins: list[dict[str, str]] = []
    if fndds is not None:
        more_foods, more_portions = read_fndds(fndds)
        foods += more_foods
        portions += more_portions
        known = {row["food_id"] for row in foods}
        twins = [t for t in read_twins(fndds) if t["food_id"] in known]  # not SR Legacy's newer ids

    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "foods.csv", FOOD_COLUMNS, foods)
    write_csv(out / "portions.csv", PORTION_COLUMNS, portions)
    if twins:
        write_csv(out / "survey_twins.csv", TWIN_COLUMNS, twins)
    return len(foods), len(portions)


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    # Write beside the target, then rename: a failed build never leaves half a table.
    tmp = path.with_suffix(".csv.tmp")
    with tmp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sr28", type=Path, help="folder holding the SR28 ASCII files")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "data",
        help="where to write foods.csv and portions.csv (default: the project's data/)",
    )
    parser.add_argument(
        "--fndds",
        type=Path,
        default=None,
        help="folder holding the FNDDS 2021-2023 workbooks (default: usda-fndds-2021-2023 beside SR28)",
    )
    args = parser.parse_args(argv)
    fndds = args.fndds or args.sr28.resolve().parent / "usda-fndds-2021-2023"
    if not all((fndds / name).is_file() for name in FNDDS_BOOKS.values()):
        print(f"build_foods: error: {fndds} lacks the FNDDS workbooks", file=sys.stderr)
        return 2
    missing = [
        n
        for n in ("FOOD_DES.txt", "NUT_DATA.txt", "WEIGHT.txt", "FD_GROUP.txt")
        if not (args.sr28 / n).is_file()
    ]
    if missing:
        print(f"build_foods: error: {args.sr28} lacks {', '.join(missing)}", file=sys.stderr)
        return 2
    n_foods, n_portions = build(args.sr28, args.out, fndds)
    print(f"wrote {n_foods} foods and {n_portions} portions to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
