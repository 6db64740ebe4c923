"""Food knowledge: foods top, suggest, your own foods and recipes."""

from __future__ import annotations

import json

import pytest

from magcalc import knowledge
from magcalc.foods import get_food, load_foods
from magcalc.userfoods import parse_measure

from .conftest import Run

WOMAN_35 = ("--age", "35", "--sex", "female")


def test_foods_top_done_when(run: Run) -> None:
    rows = run.json("foods", "top", "--limit", "10")
    names = " | ".join(r["food_name"] for r in rows)
    for expected in ("Seeds, pumpkin", "Spinach", "Beans, black", "Quinoa"):
        assert expected in names
    longer = " | ".join(r["food_name"] for r in run.json("foods", "top", "--limit", "25"))
    for expected in ("Seeds, chia", "Nuts, almonds", "Nuts, cashew"):
        assert expected in longer
    for row in rows:  # per-portion values are USDA's
        food = get_food(row["food_id"])
        assert food is not None and food.magnesium_mg_per_100g is not None
        assert row["portion"]["magnesium_mg"] == pytest.approx(food.magnesium_mg_per_100g * row["portion"]["grams"] / 100, rel=0.01)
    mg = [r["portion"]["magnesium_mg"] for r in rows]
    assert mg == sorted(mg, reverse=True)


def test_sensible_portions() -> None:
    portions = {r.food_id: r.portion for r in knowledge.top("serving", limit=200)}
    assert portions["12016"].description == "oz" and portions["12016"].grams == pytest.approx(28.35, abs=0.01)
    assert portions["16015"].description == "cup"  # cooked beans: a cup
    assert portions["12061"].description.startswith("oz")  # almonds: an ounce, not a cup
    everything = {r.food_id: r.portion for r in knowledge.top("serving", limit=500, pool="usda")}
    assert all("lb" not in p.description.split() for p in everything.values())
    peanut_butter = knowledge.common_portion(load_foods()["16098"])
    assert peanut_butter is not None and peanut_butter.description.startswith("tbsp") and peanut_butter.amount == 2
    beer = knowledge.common_portion(load_foods()["14004"])  # 'a budweiser': 12 fl oz, not SR28's first 1 fl oz
    assert beer is not None and beer.grams > 300


@pytest.mark.parametrize("per", ["100g", "100kcal"])
def test_top_per_100g_and_per_100kcal_rank_by_that(run: Run, per: str) -> None:
    rows = run.json("foods", "top", "--per", per, "--limit", "15")
    key = "magnesium_mg_per_100g" if per == "100g" else "mg_per_100kcal"
    assert [r[key] for r in rows] == sorted((r[key] for r in rows), reverse=True)


def test_top_group_and_one_row_per_family(run: Run) -> None:
    nuts = run.json("foods", "top", "--group", "nuts", "--limit", "8")
    assert {r["food_group"] for r in nuts} == {"Nut and Seed Products"}
    families = [r["food_name"].split(",")[:2] for r in run.json("foods", "top", "--all", "--limit", "50")]
    assert len({tuple(f) for f in families}) == len(families)
    assert run("foods", "top", "--group", "zzz").exit_code == 2


def test_top_leaves_out_brands_baby_and_restaurant_food_unless_asked(run: Run) -> None:
    groups = {r["food_group"] for r in run.json("foods", "top", "--all", "--limit", "300")}
    assert not groups & {"Baby Foods", "Fast Foods", "Restaurant Foods"}
    rows = run.json("foods", "top", "--all", "--limit", "300")
    assert not any(load_foods()[r["food_id"]].manufacturer for r in rows)
    branded = run.json("foods", "top", "--all", "--branded", "--limit", "500", "--per", "100g")
    assert any(load_foods()[r["food_id"]].manufacturer for r in branded)
    assert run("foods", "top", "--branded").exit_code == 2


DAY_150 = "food,amount,unit\nalmonds,1,oz\nbanana,1,medium\nmilk,1,cup\nbrown rice,0.2,cup\n"


def test_suggest_done_when(run: Run) -> None:
    result = run.json("suggest", "-", *WOMAN_35, input=DAY_150)
    assert result["total_mg"] == pytest.approx(153, abs=2) and result["target_mg"] == 320
    assert result["gap_mg"] == pytest.approx(167, abs=2)
    assert result["closes_gap"] is True and result["suggested_mg"] >= result["gap_mg"]
    assert 1 <= len(result["items"]) <= 4
    assert sum(i["portion"]["magnesium_mg"] for i in result["items"]) == pytest.approx(result["suggested_mg"])
    ids = {i["food_id"] for i in result["items"]}
    assert ids <= set(knowledge.everyday())
    assert all(i["kcal"] > 0 for i in result["items"])
    table = run("suggest", "-", *WOMAN_35, input=DAY_150)
    assert "167 mg to go" in table.stdout or "166 mg to go" in table.stdout


def test_suggest_prefers_magnesium_per_calorie_and_one_per_group() -> None:
    result = knowledge.suggest(150, 320, items=4)
    densities = [i.mg_per_100kcal for i in result.items]
    assert densities == sorted(densities, reverse=True)
    assert len({i.food_group for i in result.items}) == 4


def test_suggest_options(run: Run) -> None:
    vegan = run.json("suggest", "-", *WOMAN_35, "--vegan", "--exclude", "seeds", "--exclude", "nuts",
                     "--items", "3", input=DAY_150)  # fmt: skip
    assert len(vegan["items"]) == 3
    for item in vegan["items"]:
        tags = knowledge.everyday()[item["food_id"]]
        assert not tags & {"animal", "seeds", "nuts"}
    no_greens = run.json("suggest", "-", *WOMAN_35, "--exclude", "vegetables", input=DAY_150)
    assert all(i["food_group"] != "Vegetables and Vegetable Products" for i in no_greens["items"])


def test_suggest_on_a_day_that_meets_the_rda(run: Run) -> None:
    result = run.json("suggest", "-", *WOMAN_35, input="pumpkin seeds roasted,3,oz\n")
    assert result["gap_mg"] == 0 and result["items"] == [] and "already reaches" in result["notes"][0]


def test_suggest_on_the_diary(run: Run) -> None:
    run("add", "almonds", "1", "oz")
    result = run.json("suggest", *WOMAN_35)
    assert result["total_mg"] == pytest.approx(76.5, abs=0.1) and result["items"]


def test_parse_measure() -> None:
    bar = parse_measure("1 bar=45 g")
    assert (bar.amount, bar.description, bar.grams) == (1, "bar", 45)
    assert parse_measure("2 slices = 2 oz").grams == pytest.approx(56.7, abs=0.01)
    for bad in ("1 bar", "bar=45 g", "1 bar=45 ml", "1 bar=-4 g"):
        with pytest.raises(Exception, match="measure|weight|more than 0|name|not a number"):
            parse_measure(bad)


def test_custom_food_added_logged_reported_and_searched(run: Run) -> None:
    added = run.json("foods", "add", "Zorblax protein bar", "--mg-per-serving", "60", "--serving", "1 bar=45 g")
    assert added["food_id"] == "user/zorblax-protein-bar"
    assert added["magnesium_mg_per_100g"] == pytest.approx(133.33, abs=0.05)
    report = run.json("log", "-", input="food,amount,unit\nzorblax protein bar,2,bar\nZorblax Protien Bar,45,g\n")
    assert [e["food_id"] for e in report["entries"]] == ["user/zorblax-protein-bar"] * 2  # a typo still finds it
    assert report["total_mg"] == pytest.approx(180)
    hits = run.json("foods", "search", "zorblax")
    assert hits[0]["food_id"] == "user/zorblax-protein-bar" and hits[0]["food_group"] == "Your foods"
    shown = run.json("foods", "show", "user/zorblax-protein-bar")
    assert shown["source"] == "user" and "your food" in shown["citation"]
    assert run("add", "zorblax protein bar", "1", "bar").exit_code == 0
    assert run.json("log")["entries"][0]["magnesium_mg"] == pytest.approx(60)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["foods", "add", "bar", "--mg-per-100g", "-1"], "must be 0 or more"),
        (["foods", "add", "bar"], "give --mg-per-100g, or --mg-per-serving"),
        (["foods", "add", "bar", "--mg-per-serving", "40"], "needs --serving"),
        (["foods", "add", "bar", "--mg-per-100g", "10", "--mg-per-serving", "4"], "one of them"),
        (["foods", "add", "bar", "--mg-per-100g", "nan"], "must be 0 or more"),
        (["foods", "add", "bar", "--mg-per-100g", "9000"], "more than any food"),
        (["foods", "add", "bar", "--mg-per-100g", "10", "--portion", "1 bar"], "needs its weight"),
        (["foods", "add", "!!!", "--mg-per-100g", "10"], "the name is empty"),
    ],
)
def test_custom_food_bad_input(run: Run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2 and message in result.stderr, result.output


def test_a_taken_name_is_refused(run: Run) -> None:
    assert run("foods", "add", "Oat Bar", "--mg-per-100g", "50").exit_code == 0
    taken = run("foods", "add", "oat  bar", "--mg-per-100g", "60")
    assert taken.exit_code == 2 and "is taken" in taken.stderr
    assert run("foods", "add", "oat bar 2", "--mg-per-100g", "60").exit_code == 0
    assert run("foods", "edit", "oat bar 2", "--name", "OAT BAR").exit_code == 2


def test_edit_rm_export_import(run: Run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run("foods", "add", "oat bar", "--mg-per-100g", "50", "--portion", "1 bar=40 g")
    edited = run.json("foods", "edit", "Oat Bar", "--mg-per-100g", "80", "--name", "oat bar deluxe")
    assert edited["food_id"] == "user/oat-bar-deluxe" and edited["portions"][0]["magnesium_mg"] == pytest.approx(32)
    exported = run("foods", "export").stdout
    other = str(tmp_path / "other.sqlite3")
    assert run("foods", "import", "-", "--db", other, input=exported).exit_code == 0
    again = run("foods", "import", "-", "--db", other, input=exported)
    assert "0 food(s); 1 already there" in again.stderr
    assert run.json("foods", "mine", "--db", other) == json.loads(exported)
    as_csv = run("foods", "export", "--format", "csv").stdout
    third = str(tmp_path / "third.sqlite3")
    assert run("foods", "import", "-", "--db", third, input=as_csv).exit_code == 0
    assert run.json("foods", "mine", "--db", third)[0]["magnesium_mg_per_100g"] == 80
    assert run("foods", "rm", "oat bar deluxe").exit_code == 0
    assert run.json("foods", "mine") == []
    assert run("foods", "rm", "oat bar deluxe").exit_code == 2
    assert run("foods", "import", "-", input="not an export").exit_code == 2


INGREDIENTS = "food,amount,unit\nlentils,2,cup\nspinach cooked,1,cup\nonion,1,medium\ncarrots,2,medium\n"


def test_recipe_added_logged_and_reported(run: Run) -> None:
    recipe = run.json("recipe", "add", "lentil soup", "-", "--servings", "4", input=INGREDIENTS)
    ingredients_mg = run.json("log", "-", input=INGREDIENTS)["total_mg"]
    serving = recipe["portions"][0]
    assert serving["description"] == "serving"
    assert serving["magnesium_mg"] == pytest.approx(ingredients_mg / 4, abs=0.1)
    assert recipe["magnesium_mg_per_100g"] == pytest.approx(ingredients_mg * 100 / recipe["weight_g"], abs=0.1)
    report = run.json("log", "-", input="food,amount,unit\nlentil soup,1,serving\n")
    assert report["total_mg"] == pytest.approx(ingredients_mg / 4, abs=0.1)
    assert report["entries"][0]["food_id"] == "user/lentil-soup"
    cooked = run.json("recipe", "add", "lentil soup thick", "-", "--weight", "600 g", input=INGREDIENTS)
    assert cooked["magnesium_mg_per_100g"] == pytest.approx(ingredients_mg / 6, abs=0.1)


@pytest.mark.parametrize(
    ("ingredients", "args", "message"),
    [
        ("food,amount,unit\nzorblax,1,cup\n", ["--servings", "2"], "line 2: unknown food 'zorblax'"),
        ("food,amount,unit\nlentils,1,cup\n", [], "give --servings"),
        ("food,amount,unit\nlentils,1,cup\n", ["--servings", "-2"], "more than 0"),
        ("food,amount,unit\nlentils,1,cup\n", ["--weight", "2 cups"], "must be a weight"),
    ],
)
def test_recipe_bad_input(run: Run, ingredients: str, args: list[str], message: str) -> None:
    result = run("recipe", "add", "soup", "-", *args, input=ingredients)
    assert result.exit_code == 2 and message in result.stderr, result.output
    assert run.json("foods", "mine") == []


@pytest.mark.parametrize(("food_id", "grams"), [("19155", 57), ("21526", 187)])
def test_no_amount_of_a_product_is_one_of_it(food_id: str, grams: float) -> None:
    food = get_food(food_id)  # a SNICKERS Bar's bar (2 oz), a Chick-fil-A sandwich: not 1 oz
    assert food is not None
    portion = knowledge.common_portion(food)
    assert portion is not None and portion.grams == grams
