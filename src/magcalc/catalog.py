"""What `foods search` and `foods show` return: views of the food table. Pure."""

from __future__ import annotations

from rapidfuzz import fuzz

from magcalc.foods import user_foods
from magcalc.knowledge import common_portion, portion_view
from magcalc.matching import Scored, rank, resolve, tokenize
from magcalc.models import FoodView, SearchHit


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


USER_SEARCH_MIN = 70  # rapidfuzz token_set_ratio for listing one of the user's own foods


def search(query: str, limit: int = 10) -> list[SearchHit]:
    """The user's own foods that match, then USDA's, best first."""
    words = " ".join(tokenize(query))
    own = [
        Scored(food, 0.0, True)
        for food in user_foods()
        if fuzz.token_set_ratio(words, " ".join(tokenize(food.description))) >= USER_SEARCH_MIN
    ]
    hits = []
    for number, scored in enumerate([*own, *rank(query, limit)][:limit], start=1):
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
