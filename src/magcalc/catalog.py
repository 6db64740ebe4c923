"""The foods one run of magcalc knows: the bundled USDA tables, the person's own foods and recipes,
and the words the person taught it ("my oats" is 08120). One object, passed to whatever matches,
measures or searches, instead of module state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from magcalc.errors import UnknownFood
from magcalc.foods import USER_PREFIX, Food, get_food
from magcalc.matching import Match, Scored, best_match, either, rank, tokenize
from magcalc.models import FoodView, SearchHit

USER_MATCH_MIN = 90  # rapidfuzz token_sort_ratio: a typo in the name of your own food still finds it
USER_SEARCH_MIN = 70  # rapidfuzz token_set_ratio for listing one of the user's own foods


def words_key(text: str) -> str:
    """What remembered words are stored under: the words of a food name, in order, plurals folded."""
    return " ".join(tokenize(text))


@dataclass
class Catalog:
    """Bundled foods, the user's foods and remembered words, with a cache of resolved names."""

    user_foods: dict[str, Food] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)  # words_key -> food id
    _resolved: dict[str, Match | UnknownFood] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, user_foods: Iterable[Food] = (), words: Mapping[str, str] | None = None) -> Catalog:
        return cls({food.food_id: food for food in user_foods}, dict(words or {}))

    def forget_resolved(self) -> None:
        """Drop cached answers (the user's foods or words changed)."""
        self._resolved.clear()

    # -- looking up ---------------------------------------------------------------------------

    def get(self, food_id: str) -> Food | None:
        food_id = food_id.strip()
        if food_id.startswith(USER_PREFIX):
            return self.user_foods.get(food_id)
        return get_food(food_id)

    def resolve(self, text: str) -> Match:
        """The food meant by `text`: an id, one of the user's foods, words the user taught, or the
        best bundled match (which may be doubtful). UnknownFood when nothing plausible matches."""
        key = " ".join(text.lower().split())
        if not key:
            raise UnknownFood("the food name is empty")
        found = self._resolved.get(key)
        if found is None:
            try:
                found = self._resolve(key)
            except UnknownFood as error:
                found = error
            if len(self._resolved) < 100_000:
                self._resolved[key] = found
        if isinstance(found, UnknownFood):
            raise found
        return found

    def _resolve(self, key: str) -> Match:
        if key.startswith(USER_PREFIX):
            food = self.user_foods.get(key)
            if food is None:
                raise UnknownFood(f"no food of yours has the id {key}")
            return Match(food, True)
        if (own := self._user_match(key)) is not None:
            return Match(own, True)
        remembered = self.words.get(words_key(key))
        if remembered is not None and (food := self.get(remembered)) is not None:
            return Match(food, True)
        if key.isdigit() and (len(key) <= 5 or len(key) == 8):
            food = get_food(key)
            if food is None:
                raise UnknownFood(f"no USDA food has the id {key.zfill(5) if len(key) <= 5 else key}")
            return Match(food, True)
        return either(_as_surveyed(best_match(key), key), key)

    def _user_match(self, query: str) -> Food | None:
        """The user's own food or recipe that `query` names: the same words, or nearly (a typo)."""
        if not self.user_foods:
            return None
        from rapidfuzz import fuzz

        words = words_key(query)
        best: tuple[float, Food] | None = None
        for food in self.user_foods.values():
            name = words_key(food.description)
            if name == words:
                return food
            score = fuzz.token_sort_ratio(words, name)
            if score >= USER_MATCH_MIN and (best is None or score > best[0]):
                best = (score, food)
        return best[1] if best else None

    def ranked(self, words: str, limit: int = 12) -> list[Scored]:
        """The bundled foods these words may name, best first (with how well each is named)."""
        return rank(words, limit)

    def survey_twin(self, words: str) -> Food | None:
        """The FNDDS food these words surely name, for its typical portion; None when unsure."""
        from magcalc.foods import FNDDS

        for scored in rank(words, 10):
            sure = scored.complete and scored.head and scored.exact and scored.plain
            if scored.food.table == FNDDS and sure:
                return scored.food
        return None

    # -- what `foods search` and `foods show` return --------------------------------------------

    def show(self, query: str) -> FoodView:
        """A food by id (or, failing that, by name) with every measure."""
        from magcalc.knowledge import portion_view

        food = self.resolve(query).food
        return FoodView(
            food_id=food.food_id,
            food_name=food.description,
            food_group=food.food_group,
            magnesium_mg_per_100g=food.magnesium_mg_per_100g,
            kcal_per_100g=food.kcal_per_100g,
            survey=food.survey,
            common_names=food.common_names,
            source=food.table,
            citation=food.citation,
            portions=[portion_view(food, p) for p in food.portions],
        )

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """The user's own foods that match, then the bundled ones, best first."""
        from rapidfuzz import fuzz

        from magcalc.knowledge import common_portion, portion_view

        words = words_key(query)
        own = [
            food
            for food in self.user_foods.values()
            if fuzz.token_set_ratio(words, words_key(food.description)) >= USER_SEARCH_MIN
        ]
        found: list[tuple[Food, bool]] = [(food, True) for food in own]
        found += [(scored.food, scored.complete and scored.head) for scored in rank(query, limit)]
        hits = []
        for number, (food, complete) in enumerate(found[:limit], start=1):
            portion = common_portion(food)
            hits.append(
                SearchHit(
                    rank=number,
                    food_id=food.food_id,
                    food_name=food.description,
                    food_group=food.food_group,
                    source=food.table,
                    magnesium_mg_per_100g=food.magnesium_mg_per_100g,
                    portion=portion_view(food, portion) if portion else None,
                    matches_all_words=complete,
                )
            )
        return hits


def _as_surveyed(match: Match, words: str) -> Match:
    """The survey's own copy of an SR28 food of made foods (dairy, cereals, drinks, sweets...): FNDDS's
    food made of that one SR28 food, as people log it ('1% milk' is the survey's milk). SR28 stays the
    reference for whole foods (vegetables, fruit, beans, nuts, grains), as in the source documents."""
    from magcalc.foods import survey_twin
    from magcalc.matching import WHOLE_FOOD_GROUPS, names_every_word

    if match.food.food_group in WHOLE_FOOD_GROUPS or (twin := survey_twin(match.food)) is None:
        return match
    if not names_every_word(twin, words):  # 'sourdough' is no 'Bread, Cuban', though USDA codes it so
        return match
    rest = tuple(f for f in (match.food, *match.alternatives) if f.food_id != twin.food_id)[:3]
    return Match(twin, match.confident, match.doubt, rest, match.rivals)
