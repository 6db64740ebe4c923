"""What `foods search` and `foods show` return: views of the food table. Pure."""

from __future__ import annotations

from magcalc.foods import Food, Portion
from magcalc.matching import rank, resolve
from magcalc.models import FoodView, PortionView, SearchHit

_OUNCE_GROUPS = {"Nut and Seed Products", "Snacks", "Sweets"}


def portion_view(food: Food, portion: Portion) -> PortionView:
    return PortionView(
        amount=portion.amount,
        description=portion.description,
        grams=portion.grams,
        magnesium_mg=food.magnesium_mg(portion.grams),
    )


def common_portion(food: Food) -> Portion | None:
    """The measure a person would eat: 1 oz of nuts and seeds, else USDA's first measure."""
    if not food.portions:
        return None
    if food.food_group in _OUNCE_GROUPS:
        ounces = [p for p in food.portions if p.description.lower().startswith("oz")]
        if ounces:
            return ounces[0]
    return food.portions[0]


def show(query: str) -> FoodView:
    """A food by USDA id (or, failing that, by name) with every measure."""
    food = resolve(query)
    return FoodView(
        food_id=food.food_id,
        food_name=food.description,
        food_group=food.food_group,
        magnesium_mg_per_100g=food.magnesium_mg_per_100g,
        kcal_per_100g=food.kcal_per_100g,
        survey=food.survey,
        common_names=food.common_names,
        source=food.source,
        portions=[portion_view(food, p) for p in food.portions],
    )


def search(query: str, limit: int = 10) -> list[SearchHit]:
    hits = []
    for number, scored in enumerate(rank(query, limit), start=1):
        food = scored.food
        portion = common_portion(food)
        hits.append(
            SearchHit(
                rank=number,
                food_id=food.food_id,
                food_name=food.description,
                food_group=food.food_group,
                magnesium_mg_per_100g=food.magnesium_mg_per_100g,
                portion=portion_view(food, portion) if portion else None,
                matches_all_words=scored.complete,
            )
        )
    return hits
