"""Which foods are rich in magnesium, in portions people eat, and what would close a day's gap. Pure.

"Everyday" is a judgment USDA does not make (its survey flag misses chia seeds, cashews and dark
chocolate, and keeps caviar and raw snails), so it is a curated list, data/everyday.csv: USDA ids
with tags (nuts, seeds, dairy, fish, meat, egg, soy, gluten, animal). Every value still comes
from USDA. `foods top --all` ranks the whole USDA table instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from magcalc.foods import SR28, Food, Portion, load_foods
from magcalc.models import PortionView, SuggestedFood, Suggestion, TopFood

Per = Literal["serving", "100g", "100kcal"]
Pool = Literal["everyday", "usda", "branded"]

# Left out unless asked for: not what a person picks from a list of everyday foods.
NOT_EVERYDAY_GROUPS = {
    "Baby Foods", "Fast Foods", "Restaurant Foods", "American Indian/Alaska Native Foods", "Spices and Herbs",
}  # fmt: skip
ANIMAL_GROUPS = {
    "Dairy and Egg Products", "Beef Products", "Pork Products", "Poultry Products",
    "Finfish and Shellfish Products", "Lamb, Veal, and Game Products", "Sausages and Luncheon Meats",
}  # fmt: skip
_ANIMAL_WORDS = re.compile(
    r"\b(milk|cheese|egg|eggs|honey|yogurt|butter(?!nut)|cream|whey|gelatin|anchov\w*)\b"
)
_PLANT_BUTTERS = re.compile(r"\b(peanut|almond|cashew|sesame|sunflower|nut|seed)\w* butter\b")
_PREPARATION = {
    "raw", "cooked", "boiled", "frozen", "canned", "dried", "dry", "roasted", "baked", "fresh", "whole",
    "mature seeds", "without salt", "with salt", "drained", "unprepared", "prepared",
}  # fmt: skip
# Ingredients that are not eaten as they are (a cup of dry beans is 2.5 cups cooked).
_INGREDIENT = re.compile(
    r"\b(flour|meal|bran, crude|germ|protein isolate|concentrate|powder|dry mix|uncooked|unprepared|"
    r"leavening|gelatin|yeast|baking|starch|dehydrated|instant|mix|freeze-dried)\b"
)
_RAW_STAPLE_GROUPS = {"Legumes and Legume Products", "Cereal Grains and Pasta"}
_BAD_MEASURES = re.compile(
    r"\b(lb|package|pkg|container|loaf|recipe|batch|pie|cake|bag|box|can|jar|bottle|yield)\b"
)
_OUNCE_GROUPS = {"Nut and Seed Products", "Snacks", "Sweets"}
_MEAT_GROUPS = ANIMAL_GROUPS - {"Dairy and Egg Products"}
MIN_KCAL_PER_100G = 10.0  # below this, mg per 100 kcal is a ratio of nothing (water, tea)


def is_branded(food: Food) -> bool:
    """A manufacturer's product: USDA gives the maker, or writes a brand in capitals."""
    return bool(food.manufacturer) or bool(re.search(r"\b[A-Z][A-Z'&]{2,}\b", food.description))


@cache
def everyday() -> dict[str, frozenset[str]]:
    """The curated everyday foods: USDA id -> tags."""
    import csv
    import io

    from magcalc.resources import read_text

    rows = csv.DictReader(io.StringIO(read_text("everyday.csv")))
    return {row["food_id"]: frozenset((row["tags"] or "").split()) for row in rows}


def _in_pool(food: Food, pool: Pool) -> bool:
    if pool == "everyday":
        return food.food_id in everyday()
    if pool == "usda":
        return food.food_group not in NOT_EVERYDAY_GROUPS and not is_branded(food) and _eaten_as_is(food)
    return True


OUNCE = Portion(seq=0, amount=1, description="oz", grams=28.349523125)
THREE_OUNCES = Portion(seq=0, amount=3, description="oz", grams=3 * 28.349523125)
MAX_PORTION_KCAL = 400.0  # a measure with more energy than this is not one serving
_SPOONED = re.compile(
    r"\b(butter|paste|tahini|spread|sauce|syrup|molasses|honey|oil|vinegar|dressing|jam|cocoa|powder)\b"
)


_PRODUCT_GROUPS = frozenset({"Fast Foods", "Restaurant Foods", "Meals, Entrees, and Side Dishes"})
_PRODUCT_MIN_G = 15.0  # an item lighter than this is a piece of the product, not one of it


def _a_product(food: Food) -> bool:
    """An SR28 food sold or served as one item: a brand's product ('Candies, MARS SNACKFOOD US,
    SNICKERS Bar'), a fast-food or restaurant item, a packaged meal."""
    if food.table != SR28:
        return False
    words = re.findall(r"[A-Za-z']+", food.description)
    branded = any(w.isupper() and len(w) > 2 and w != "USDA" for w in words)
    return branded or food.food_group in _PRODUCT_GROUPS


_FL_OZ_SAID = re.compile(r"\b(\d+(?:\.\d+)?) fl oz\b")  # a size in its words


_SINGLE_SERVE_G = 250.0  # a container this small is one serving: a 5.3 oz cup of yogurt, not a tub


def _single_serve(portion: Portion) -> bool:
    return portion.description.lower().startswith("container") and portion.grams_each <= _SINGLE_SERVE_G


def common_portion(food: Food) -> Portion | None:
    """The measure a person would eat: 1 oz of nuts, seeds and chocolate, 2 tbsp of a nut butter,
    3 oz of meat or fish, 1 medium fruit, 1 cup of cooked beans or greens; never '1 cup' of seeds,
    '1 lb' of meat or a whole package (magcalc converts oz for every food, so 1 oz always exists)."""
    portions = [
        p for p in food.portions
        if not _BAD_MEASURES.search(p.description.lower()) or _single_serve(p)
    ]  # fmt: skip
    text = food.description.lower()

    def first(pattern: str) -> Portion | None:
        return next((p for p in portions if re.match(pattern, p.description.lower())), None)

    def sensible(portion: Portion | None) -> Portion | None:
        kcal = food.kcal_per_100g
        if portion is None or (kcal is not None and kcal * portion.grams / 100 > MAX_PORTION_KCAL):
            return None
        return portion

    if _SPOONED.search(text.split(",")[0] + " " + text):
        spoon = first(r"tbsp\b") or first(r"tsp\b")
        if spoon is not None:
            return (
                spoon
                if spoon.amount > 1 or "butter" not in text
                else Portion(spoon.seq, 2, spoon.description, 2 * spoon.grams / spoon.amount)
            )
    if _a_product(food):  # 'snickers': its bar (57 g), a Chick-fil-A sandwich its sandwich, not 1 oz
        from magcalc.units import item_portion

        item = item_portion(food)  # (one of it, however rich: a sandwich is a sandwich)
        if item is not None and item.grams_each >= _PRODUCT_MIN_G:
            return Portion(item.seq, 1, item.description, item.grams_each)
    dried_fruit = food.food_group == "Fruits and Fruit Juices" and re.search(r"\b(dried|raisins)\b", text)
    if food.food_group in _OUNCE_GROUPS or text.startswith(("peanuts", "seeds", "nuts")) or dried_fruit:
        return first(r"oz\b") or OUNCE
    if food.food_group in _MEAT_GROUPS:
        three = next(
            (p for p in portions if re.match(r"oz\b", p.description.lower()) and p.amount == 3), None
        )
        return three or THREE_OUNCES
    if food.food_group == "Beverages":  # 'a budweiser': a can or a glass, never SR28's first '1 fl oz'
        drink = next(
            (p for p in portions if re.match(r"fl oz\b", p.description.lower()) and 8 <= p.amount <= 20), None
        ) or first(r"(cup|can|bottle|glass)\b") or next(  # 'serving small 12 fl oz' of a fast-food shake
            (p for p in portions if (size := _FL_OZ_SAID.search(p.description.lower()))
             and 8 <= p.amount * float(size[1]) <= 20), None,
        )  # fmt: skip
        if drink is not None:
            return drink
    if food.food_group == "Spices and Herbs":
        return first(r"tsp\b") or first(r"tbsp\b") or (portions[0] if portions else None)
    if food.food_group == "Fruits and Fruit Juices":
        found = sensible(first(r"medium\b") or first(r"fruit\b") or first(r"cup\b"))
        if found:
            return found
    found = sensible(first(r"cup\b") or first(r"medium\b") or (portions[0] if portions else None))
    if found:
        return found
    return first(r"tbsp\b") or OUNCE


_GENERIC_HEADS = {
    "seeds", "nuts", "fish", "cheese", "cereals ready-to-eat", "cereals", "crustaceans", "mollusks", "spices",
    "beverages", "candies", "milk", "yogurt", "seaweed", "chocolate", "cocoa",
}  # fmt: skip


def portion_view(food: Food, portion: Portion) -> PortionView:
    return PortionView(
        amount=portion.amount,
        description=portion.description,
        grams=portion.grams,
        magnesium_mg=food.magnesium_mg(portion.grams),
    )


def _family(food: Food) -> str:
    """What a food is, without how it was prepared: one row of the list per family ('Beans' is
    one family; 'Seeds, pumpkin' and 'Seeds, chia' are two)."""
    parts = [p.strip().lower() for p in food.description.split(",")]
    if len(parts) > 1 and parts[0] in _GENERIC_HEADS:
        return ", ".join(parts[:2])
    return parts[0]


def _eaten_as_is(food: Food) -> bool:
    text = food.description.lower()
    if _INGREDIENT.search(text):
        return False
    return not (food.food_group in _RAW_STAPLE_GROUPS and re.search(r"\b(raw|dry)\b", text))


@dataclass(frozen=True, slots=True)
class _Candidate:
    food: Food
    portion: Portion
    portion_mg: float
    mg_per_100kcal: float | None


@cache
def _candidates(pool: Pool) -> tuple[_Candidate, ...]:
    found = []
    for food in load_foods().values():
        mg = food.magnesium_mg_per_100g
        if mg is None or mg <= 0 or not _in_pool(food, pool):
            continue
        portion = common_portion(food)
        if portion is None:
            continue
        kcal = food.kcal_per_100g
        density = 100 * mg / kcal if kcal is not None and kcal >= MIN_KCAL_PER_100G else None
        found.append(_Candidate(food, portion, mg * portion.grams / 100, density))
    return tuple(found)


def _matches_group(food: Food, group: str) -> bool:
    wanted = group.strip().lower().rstrip("s")
    return wanted in food.food_group.lower()


def _excluded(food: Food, words: Sequence[str], vegan: bool) -> bool:
    text = f"{food.description} {food.food_group}".lower()
    tags = everyday().get(food.food_id, frozenset())
    for word in words:
        if word.strip().lower() in tags or word.strip().lower().rstrip("s") in tags:
            return True
        stem = word.strip().lower().rstrip("s")
        if stem and re.search(rf"\b{re.escape(stem)}(s|es)?\b", text):
            return True
        if stem and stem in food.food_group.lower():
            return True
    if vegan:
        if "animal" in tags or food.food_group in ANIMAL_GROUPS:
            return True
        description = _PLANT_BUTTERS.sub("", food.description.lower())
        if _ANIMAL_WORDS.search(description):
            return True
    return False


def top(
    per: Per = "serving", group: str | None = None, limit: int = 20, pool: Pool = "everyday"
) -> list[TopFood]:
    """The foods richest in magnesium, one per family, ranked per serving, 100 g or 100 kcal."""
    found = [c for c in _candidates(pool) if group is None or _matches_group(c.food, group)]

    def key(c: _Candidate) -> float:
        if per == "100g":
            return c.food.magnesium_mg_per_100g or 0.0
        if per == "100kcal":
            return c.mg_per_100kcal or 0.0
        return c.portion_mg

    chosen = _one_per_family(sorted(found, key=key, reverse=True), limit)
    return [_top_food(rank, c) for rank, c in enumerate(chosen, start=1)]


def _one_per_family(ranked: Iterable[_Candidate], limit: int) -> list[_Candidate]:
    seen: set[str] = set()
    chosen = []
    for candidate in ranked:
        family = _family(candidate.food)
        if family in seen:
            continue
        seen.add(family)
        chosen.append(candidate)
        if len(chosen) == limit:
            break
    return chosen


def _top_food(rank: int, c: _Candidate) -> TopFood:
    kcal = c.food.kcal_per_100g
    return TopFood(
        rank=rank,
        food_id=c.food.food_id,
        food_name=c.food.description,
        food_group=c.food.food_group,
        magnesium_mg_per_100g=c.food.magnesium_mg_per_100g or 0.0,
        kcal_per_100g=kcal,
        mg_per_100kcal=c.mg_per_100kcal,
        portion=portion_view(c.food, c.portion),
        portion_kcal=None if kcal is None else kcal * c.portion.grams / 100,
    )


MIN_PORTION_MG = 40.0  # a suggestion worth eating for its magnesium
DEFAULT_ITEMS = 4


def suggest(
    total_mg: float,
    target_mg: float,
    exclude: Sequence[str] = (),
    vegan: bool = False,
    items: int | None = None,
) -> Suggestion:
    """Everyday foods and portions that would close the gap between `total_mg` and `target_mg`,
    richest in magnesium per calorie first, at most one from each food group (so greens, seeds,
    beans and grains rather than three kinds of greens).

    With `items`, exactly that many foods (when there are enough); otherwise as few as close the gap.
    """
    gap = max(target_mg - total_mg, 0.0)
    notes = []
    if gap == 0:
        notes.append("The day already reaches the target: nothing to add.")
        return Suggestion(total_mg=total_mg, target_mg=target_mg, gap_mg=0.0, items=[], suggested_mg=0.0,
                          suggested_kcal=0.0, closes_gap=True, notes=notes)  # fmt: skip
    pool = [
        c
        for c in _candidates("everyday")
        if c.mg_per_100kcal is not None
        and c.portion_mg >= MIN_PORTION_MG
        and not _excluded(c.food, exclude, vegan)
    ]
    pool.sort(key=lambda c: (c.mg_per_100kcal or 0.0, c.portion_mg), reverse=True)
    chosen: list[_Candidate] = []
    groups: set[str] = set()
    wanted = items if items is not None else DEFAULT_ITEMS
    for candidate in pool:
        if candidate.food.food_group in groups:
            continue
        chosen.append(candidate)
        groups.add(candidate.food.food_group)
        reached = sum(c.portion_mg for c in chosen) >= gap
        if len(chosen) == wanted or (items is None and reached):
            break
    suggested = sum(c.portion_mg for c in chosen)
    kcal = sum((c.food.kcal_per_100g or 0.0) * c.portion.grams / 100 for c in chosen)
    if suggested < gap:
        notes.append(
            f"These {len(chosen)} portions give {suggested:,.0f} mg of the {gap:,.0f} mg gap: "
            "add more, or larger portions."
        )
    notes.append("Suggestions favour foods with much magnesium per calorie; they are ideas, not advice.")
    return Suggestion(
        total_mg=total_mg,
        target_mg=target_mg,
        gap_mg=gap,
        items=[
            SuggestedFood(
                food_id=c.food.food_id,
                food_name=c.food.description,
                food_group=c.food.food_group,
                portion=portion_view(c.food, c.portion),
                kcal=(c.food.kcal_per_100g or 0.0) * c.portion.grams / 100,
                mg_per_100kcal=c.mg_per_100kcal or 0.0,
            )
            for c in chosen
        ],
        suggested_mg=suggested,
        suggested_kcal=kcal,
        closes_gap=suggested >= gap,
        notes=notes,
    )
