#!/usr/bin/env python3
"""Build data/foods.csv and data/portions.csv from a USDA SR28 ASCII release.

Usage: python scripts/build_foods.py PATH_TO_SR28 [--out DATA_DIR]

PATH_TO_SR28 is the folder of USDA's `sr28asc.zip`, unpacked (FOOD_DES.txt,
NUT_DATA.txt, WEIGHT.txt, FD_GROUP.txt). USDA's values are copied as text, so
the generated table carries exactly what USDA published; an empty magnesium
field stays empty (unknown), never 0.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from pathlib import Path

MAGNESIUM = "304"
ENERGY_KCAL = "208"

FOOD_COLUMNS = [
    "food_id",
    "description",
    "food_group",
    "magnesium_mg_per_100g",
    "kcal_per_100g",
    "survey",
    "common_names",
    "manufacturer",
]
PORTION_COLUMNS = ["food_id", "seq", "amount", "description", "grams"]


def read_sr28(path: Path) -> Iterator[list[str]]:
    """Yield the fields of each record of one SR28 file ('^'-separated, '~'-quoted, Latin-1)."""
    text = path.read_bytes().decode("latin-1")
    for line in text.split("\r\n"):
        if line:
            yield [field.strip("~") for field in line.split("^")]


def number_text(value: str) -> str:
    """USDA writes '.789' and '5.0'; keep the value, normalise only the leading dot."""
    return "0" + value if value.startswith(".") else value


def build(sr28: Path, out: Path) -> tuple[int, int]:
    groups = {code: name for code, name in read_sr28(sr28 / "FD_GROUP.txt")}
    nutrients: dict[tuple[str, str], str] = {}
    for fields in read_sr28(sr28 / "NUT_DATA.txt"):
        ndb, nutr_no, value = fields[0], fields[1], fields[2]
        if nutr_no in (MAGNESIUM, ENERGY_KCAL) and value != "":
            nutrients[ndb, nutr_no] = number_text(value)

    foods = []
    for fields in read_sr28(sr28 / "FOOD_DES.txt"):
        ndb, group, long_desc, _short, com_name, manufacturer, survey = fields[:7]
        foods.append(
            {
                "food_id": ndb,
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

    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "foods.csv", FOOD_COLUMNS, foods)
    write_csv(out / "portions.csv", PORTION_COLUMNS, portions)
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
    args = parser.parse_args(argv)
    missing = [
        n
        for n in ("FOOD_DES.txt", "NUT_DATA.txt", "WEIGHT.txt", "FD_GROUP.txt")
        if not (args.sr28 / n).is_file()
    ]
    if missing:
        print(f"build_foods: error: {args.sr28} lacks {', '.join(missing)}", file=sys.stderr)
        return 2
    n_foods, n_portions = build(args.sr28, args.out)
    print(f"wrote {n_foods} foods and {n_portions} portions to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
