"""The bundled food table against the USDA SR28 files it was built from."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from magcalc.foods import load_foods
from magcalc.resources import read_text

ROOT = Path(__file__).resolve().parent.parent
SR28 = Path(os.environ.get("MAGCALC_SR28", ROOT.parent / "shared" / "usda-sr28"))
needs_sr28 = pytest.mark.skipif(
    not (SR28 / "FOOD_DES.txt").is_file(), reason=f"USDA SR28 files not at {SR28}"
)


def sr28_records(name: str, containing: str = "") -> list[list[str]]:
    """The records of one SR28 file; with `containing`, only those whose text contains it (NUT_DATA
    has 679,045 records of 18 fields: splitting them all cost seconds)."""
    text = (SR28 / name).read_bytes().decode("latin-1")
    return [[f.strip("~") for f in line.split("^")] for line in text.split("\r\n") if line and containing in line]


def test_every_usda_food_is_in_the_table() -> None:
    foods = load_foods()
    sr28 = [f for f in foods.values() if f.table == "usda-sr28"]
    fndds = [f for f in foods.values() if f.table == "usda-fndds-2021-2023"]
    assert (len(sr28), len(fndds), len(foods)) == (8789, 5432, 8789 + 5432)
    assert sum(f.magnesium_mg_per_100g is None for f in sr28) == 739
    assert [f.food_id for f in fndds if f.magnesium_mg_per_100g is None] == ["11000000"]  # no nutrient row
    assert sum(f.survey for f in sr28) == 3404
    assert all(len(f.food_id) == 5 and f.food_id.isdigit() for f in sr28)
    assert all(len(f.food_id) == 8 and f.food_id.isdigit() for f in fndds)


def test_portions_belong_to_foods_and_weigh_something() -> None:
    rows = list(csv.DictReader(io.StringIO(read_text("portions.csv"))))
    assert len(rows) == 15438 + 21731
    foods = load_foods()
    assert all(row["food_id"] in foods and float(row["grams"]) > 0 for row in rows)


@needs_sr28
def test_rows_match_the_usda_files() -> None:
    magnesium = {r[0]: r[2] for r in sr28_records("NUT_DATA.txt", "^~304~^") if r[1] == "304"}
    foods = load_foods()
    for record in sr28_records("FOOD_DES.txt"):
        food = foods[record[0]]
        assert food.description == record[2]
        assert food.survey == (record[6] == "Y")
        expected = magnesium.get(record[0])
        if expected is None:
            assert food.magnesium_mg_per_100g is None, record[0]
        else:
            assert food.magnesium_mg_per_100g == pytest.approx(float(expected)), record[0]
    weights = sr28_records("WEIGHT.txt")
    assert sum(len(f.portions) for f in foods.values() if f.table == "usda-sr28") == len(weights)
    spinach = foods["11458"]
    assert [(p.amount, p.description, p.grams) for p in spinach.portions] == [(1.0, "cup", 180.0)]


@pytest.mark.slow
@needs_sr28
def test_build_script_reproduces_the_committed_table(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_foods.py"), str(SR28), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("foods.csv", "portions.csv", "survey_twins.csv"):
        assert (tmp_path / name).read_bytes() == (ROOT / "data" / name).read_bytes(), name


def test_aliases_point_at_real_foods() -> None:
    foods = load_foods()
    rows = list(csv.DictReader(io.StringIO(read_text("aliases.csv"))))
    assert rows
    for row in rows:
        assert row["food_id"] in foods, row
        assert row["reason"].strip(), row


@pytest.mark.parametrize("table", ["brands.csv", "names.csv"])
def test_brands_and_other_names_name_a_food_and_say_why(table: str) -> None:
    from magcalc.matching import PLACE, best_match, tokenize

    tables = {name: list(csv.DictReader(io.StringIO(read_text(name)))) for name in ("brands.csv", "names.csv")}
    named = {tuple(tokenize(row.get("name") or row["brand"])) for rows in tables.values() for row in rows}
    rows = tables[table]
    assert rows
    foods = load_foods()
    for row in rows:
        if table == "brands.csv" and row["words"] == PLACE:  # a restaurant's name: the other words say
            continue
        words = tokenize(row["words"])  # a name among its own words would be looked up again, forever
        assert not any(tuple(words[i : i + n]) in named for n in (1, 2, 3) for i in range(len(words))), row
        found = best_match(row["words"]).food  # UnknownFood fails the test
        assert row["why"].strip(), row
        if table == "names.csv":
            name = row["name"]
            assert name == name.lower().strip() and len(tokenize(name)) <= 3, row  # longer is never looked up
            food = foods[row["food_id"]]  # KeyError fails the test: the id must be in data/foods.csv
            # the words (said with other words: 'chicken pancit') find a food like the name's own
            ours, theirs = food.magnesium_mg_per_100g, found.magnesium_mg_per_100g
            assert ours is not None and theirs is not None, row
            assert max(ours, theirs) + 2 <= 2 * (min(ours, theirs) + 2), (row, found.description)
    keys = [tuple(tokenize(row.get("name") or row["brand"])) for row in rows]
    assert len(keys) == len(set(keys))  # one row per name as the matcher reads it


def test_label_sizes_are_of_a_product_magcalc_finds_and_say_why() -> None:
    from magcalc.matching import best_match, tokenize
    from magcalc.units import canonical_unit, is_drink

    rows = list(csv.DictReader(io.StringIO(read_text("label_sizes.csv"))))
    assert rows
    for row in rows:
        assert row["name"] == row["name"].lower().strip() and row["why"].strip(), row
        assert float(row["amount"]) > 0 and row["unit"] in ("fl oz", "g"), row
        for container in row["containers"].split():  # each a word magcalc reads as a unit
            assert canonical_unit(container) == container and container.isalpha(), row
        found = best_match(row["name"]).food  # UnknownFood fails the test
        assert is_drink(found) == (row["unit"] == "fl oz"), (row, found.description)
    keys = [tuple(tokenize(row["name"])) for row in rows]
    assert len(keys) == len(set(keys))


FNDDS = ROOT.parent / "shared" / "usda-fndds-2021-2023"
needs_fndds = pytest.mark.skipif(
    not (FNDDS / "README.md").is_file(), reason=f"USDA FNDDS workbooks not at {FNDDS}"
)


MAGNESIUM_COLUMN = 39  # "Magnesium (mg)" in the nutrient workbook


def fndds_rows(book: str) -> list[tuple[object, ...]]:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.load_workbook(FNDDS / f"2021-2023 FNDDS At A Glance - {book}.xlsx", read_only=True)
    try:
        return list(workbook.worksheets[0].iter_rows(values_only=True))[2:]
    finally:
        workbook.close()


@pytest.mark.slow
@needs_fndds
def test_fndds_rows_match_the_workbooks() -> None:
    foods = load_foods()
    header = fndds_rows("FNDDS Nutrient Values")
    nutrients = {str(r[0]): r for r in header}
    described = fndds_rows("Foods and Beverages")
    for code, description, additional, _number, category in described:
        food = foods[str(code)]
        assert (food.description, food.food_group, food.table) == (description, category, "usda-fndds-2021-2023")
        assert food.common_names == (additional or "")
        row = nutrients.get(str(code))
        if row is None:
            assert food.magnesium_mg_per_100g is None
        else:
            assert food.magnesium_mg_per_100g == pytest.approx(float(row[MAGNESIUM_COLUMN])), code
    portions = fndds_rows("Portions and Weights")
    kept = [r for r in portions if r[6] and not str(r[5]).startswith("Guideline amount")]
    assert sum(len(f.portions) for f in foods.values() if f.table == "usda-fndds-2021-2023") == len(kept)
    banana = foods["63107010"]
    assert banana.magnesium_mg_per_100g == 28
    assert ("Quantity not specified", 126.0) in [(p.description, p.grams) for p in banana.portions]


@needs_fndds
def test_survey_twins_are_fndds_foods_made_of_that_one_sr28_food() -> None:
    ingredients: dict[str, list[tuple[object, ...]]] = {}
    for row in fndds_rows("FNDDS Ingredients"):
        ingredients.setdefault(str(row[0]), []).append(row)
    twins = list(csv.DictReader(io.StringIO(read_text("survey_twins.csv"))))
    assert len(twins) > 900
    for twin in twins:
        (only,) = ingredients[twin["survey_food_id"]]  # one ingredient: the SR28 food, unchanged
        assert (f"{int(str(only[5])):05d}", only[8], only[9]) == (twin["food_id"], 0, 0), twin
        assert load_foods()[twin["food_id"]].table == "usda-sr28"


# Phrases a name of data/names.csv, data/brands.csv or data/aliases.csv could capture, and the food
# each must still find: USDA's own food of all the words, or the name's food where the name is meant
CAPTURED = {
    "rice porridge": "56205101",  # congee, not 'porridge' (oatmeal)
    "char siu bao": "58123110",  # the bun, not 'char siu' (the pork)
    "snickers ice cream bar": "13120110",  # USDA's ice cream candy bar, not the candy bar
    "chicken and dumplings": "27246100",  # the stew, not Chinese dumplings
    "shrimp spring rolls": "58110120",  # with shrimp, not 'spring rolls' (meatless)
    "salmon nigiri": "58151420",  # salmon, not the tuna of 'nigiri'
    "spring roll wrappers": "18368",  # the wrappers, not the rolls
    "salt fish cakes": "27250050",  # fish cakes, not dried salted cod
    "cool ranch doritos": "54401111",  # the cool ranch chips (USDA names them), not ranch dressing
    "crunchy peanut butter": "42202000",  # not a Crunchie bar
    "frosty": "21248",  # Wendy's Frosty, not Frosties (Frosted Flakes): plurals fold
    "double cheeseburger": "27510401",  # not Trinidadian doubles
    "gummy bears": "91745010",  # candy, not bear meat
    "bean curd": "41420010",  # tofu, not curd (yogurt)
    "fried bean curd": "16129",  # fried tofu, not yogurt
    "lemon curd": "61113500",  # the spread (lemon pie filling), not lemon yogurt
    "cheese curds": "14107010",  # USDA's mozzarella (cheese curds among its names), not yogurt
    "saag paneer": "72125310",  # palak paneer, not creamed spinach by 'saag'
    "chicken churrasco": "24103050",  # grilled chicken, not 'churrasco' beef steak
    "chicken shish kebab": "27440130",  # chicken, not beef shish kabob
    "mochi ice cream": "13110000",  # ice cream, not glutinous rice cake
    "apple crisp": "53415100",  # the dessert, not 'crisps' (potato chips)
    "prawn crisps": "54406200",  # shrimp chips, not potato crisps
    "jasmine rice": "56205001",  # rice, not 'jasmine tea'
    "kewpie mayo": "83107000",  # mayonnaise, not fat-free mayonnaise dressing
    "protein bread": "18043",  # the bread, not 'protein' (powder): a name that is a word USDA uses
    "protein shake": "95120010",  # the shake, not the powder
    "carne asada": "21101160",  # its own name (flank steak), not 'asado' (steak, NFS)
    "pollo asado": "24102000",  # roast chicken, not 'asado' (beef)
    "queso asadero": "14131500",  # the cheese 'asado' was read as
    "tres leches cake": "53118550",  # the cake, not 'pastel' (an empanada)
    "salsa verde": "74402350",  # the sauce, not 'caldo verde' or 'vinho verde'
    "caldo de res": "28315140",  # the soup, not 'seco de res' (beef stew)
    "feijoa": "09334",  # the fruit, not 'feijao' (beans)
    "kung pao chicken": "27445220",  # not 'pao frances' (a roll)
    "ham stroganoff": "27120080",  # USDA's own, not 'stroganoff' (beef)
    "muller thurgau": "14120",  # the wine, not 'muller corner' (a yogurt)
    "picnic ham": "10166",  # the pork cut, not 'picnic bar' (a chocolate bar)
    "turkey nuggets": "24208000",  # USDA's own, not 'nuggets' (chicken)
    "rice krispies treats cereal": "08288",  # the cereal, not 'rice krispie treat' (the bar)
    "skipjack tuna": "15220",  # the fish, not 'skips' (prawn snacks)
    "peanut butter cookies": "53234000",  # not 'butter cookies' (butter or sugar cookies)
    "caldo de pollo": "28340670",  # the soup, not a Persian 'polo' (rice)
    "vodka and tonic": "93301218",  # USDA's own, not the 'liqueur' of raki and ouzo
    "swamp cabbage": "11503",  # USDA's own, not 'samp' (hominy)
    "tomato eggplant": "75412070",  # USDA's eggplant with tomato sauce, not 'tomato egg'
    "moo goo gai pan": "27445180",  # USDA's own, not 'kare pan' (curry bread)
    "white bread": "51101000",  # not 'hite' (a beer)
    "vinegar": "64401000",  # not 'vinegret' (a beet salad)
    "pan cubano": "51105010",  # Cuban bread, not 'cubano' (the sandwich)
    "cuban bread": "51105010",  # USDA's own, not 'cubano' (the sandwich)
    "hush puppies": "52209010",  # USDA's own, not 'puppy chow' (snack mix)
    "fruit leather": "91746350",  # USDA's own, not 'leather britches' (dried green beans)
    "chow mein noodles": "56116000",  # the noodles, not 'chow chow' (relish)
    "beer": "93101000",  # not 'birch beer' (a soft drink)
    "burger king onion rings": "21509",  # USDA's own, not 'burger rings' (corn snacks)
    "almond milk shelf stable": "14091",  # USDA's own, not 'sable' (smoked sablefish)
    "hash browns": "71404000",  # not 'dr browns' or 'mary browns'
}


@pytest.mark.parametrize(("phrase", "food_id"), CAPTURED.items())
def test_names_leave_phrases_that_name_another_food(phrase: str, food_id: str) -> None:
    from magcalc.matching import best_match

    assert best_match(phrase).food.food_id == food_id
