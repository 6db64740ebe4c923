"""The bundled USDA food tables (SR28 and FNDDS 2021-2023): loaded once, on first use, by id."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from magcalc.resources import read_text

USER_PREFIX = "user/"  # the food_id of a user's own food or recipe: user/lentil-soup
SR28 = "usda-sr28"
FNDDS = "usda-fndds-2021-2023"
USER = "user"
CITATIONS = {
    SR28: "USDA National Nutrient Database for Standard Reference, Release 28 (2016), public domain",
    FNDDS: "USDA Food and Nutrient Database for Dietary Studies 2021-2023 (2024), public domain",
}
SOURCE = f"{CITATIONS[SR28]}; {CITATIONS[FNDDS]}"


@dataclass(frozen=True, slots=True)
class Portion:
    """A USDA household measure: `amount` of `description` weighs `grams`."""

    seq: int
    amount: float
    description: str
    grams: float

    @property
    def grams_each(self) -> float:
        return self.grams / self.amount

    @property
    def label(self) -> str:
        amount = f"{self.amount:g}"
        return f"{amount} {self.description}"


@dataclass(frozen=True, slots=True)
class Food:
    """One USDA food. Magnesium and energy are per 100 g of edible portion; None is unknown."""

    food_id: str
    description: str
    food_group: str
    magnesium_mg_per_100g: float | None
    kcal_per_100g: float | None
    survey: bool
    common_names: str
    manufacturer: str
    portions: tuple[Portion, ...]
    origin: str = ""  # for a user's own food or recipe: where its values come from
    table: str = SR28  # usda-sr28, usda-fndds-2021-2023 or user

    def magnesium_mg(self, grams: float) -> float | None:
        if self.magnesium_mg_per_100g is None:
            return None
        return self.magnesium_mg_per_100g * grams / 100

    @property
    def citation(self) -> str:
        """Where the values come from, to the food: the table and the food's id in it."""
        if self.origin:
            return self.origin
        kind = "food code" if self.table == FNDDS else "NDB"
        return f"{CITATIONS.get(self.table, self.table)}, {kind} {self.food_id}"

    def portion(self, name: str) -> Portion | None:
        """The first measure whose description starts with `name` ('quantity not specified')."""
        return next((p for p in self.portions if p.description.lower().startswith(name)), None)

    @property
    def is_users(self) -> bool:
        return self.food_id.startswith(USER_PREFIX)


def _number(text: str) -> float | None:
    return float(text) if text != "" else None


DATA_FILES = ("foods.csv", "portions.csv")


# One food packed in one string (what the cache keeps: reading 8,789 strings back is many times
# faster than reading 8,789 tuples of tuples), unpacked on first use.
_FIELD, _MEASURE, _PART = "\x1f", "\x1e", "\x1d"


def _rows() -> dict[str, str]:
    """The table from the CSV files, each food packed: its fields, then its measures."""
    portions: dict[str, list[str]] = {}
    for row in csv.DictReader(io.StringIO(read_text("portions.csv"))):
        portions.setdefault(row["food_id"], []).append(
            _PART.join((row["seq"], row["amount"], row["description"], row["grams"]))
        )
    return {
        row["food_id"]: _FIELD.join(
            (
                row["food_id"], row["description"], row["food_group"], row["magnesium_mg_per_100g"],
                row["kcal_per_100g"], row["survey"], row["common_names"], row["manufacturer"], row["source"],
                _MEASURE.join(portions.get(row["food_id"], ())),
            )
        )
        for row in csv.DictReader(io.StringIO(read_text("foods.csv")))
    }  # fmt: skip


@cache
def usda_words() -> frozenset[str]:
    """Every word the tables use in a food's name or a measure ('floret', 'wafer'; never 'parsec')."""
    return frozenset(re.findall(r"[a-z]+", (read_text("foods.csv") + read_text("portions.csv")).lower()))


def _unpack(packed: str) -> Food:
    food_id, description, group, mg, kcal, survey, common, maker, table, measures = packed.split(_FIELD)
    portions = []
    for measure in measures.split(_MEASURE) if measures else ():
        seq, amount, label, grams = measure.split(_PART)
        if label.startswith("inch "):  # SR28's '6 inch sub' is one 6" sub (184 g), not 6 subs of an inch
            amount, label = "1", f'{float(amount):g}" {label[5:]}'
        portions.append(Portion(int(seq), float(amount), label, float(grams)))
    return Food(
        food_id, description, group, _number(mg), _number(kcal), survey == "Y", common, maker,
        tuple(portions), table=table,
    )


class _Table(Mapping[str, Food]):
    """The food table by USDA id; each food is unpacked the first time it is asked for."""

    def __init__(self, packed: dict[str, str]) -> None:
        self._packed = packed
        self._foods: dict[str, Food] = {}

    def __getitem__(self, food_id: str) -> Food:
        food = self._foods.get(food_id)
        if food is None:
            food = self._foods[food_id] = _unpack(self._packed[food_id])
        return food

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __contains__(self, food_id: object) -> bool:
        return food_id in self._packed


@cache
def load_foods() -> Mapping[str, Food]:
    """Every food in the bundled tables, by USDA id (SR28: 5-digit NDB number; FNDDS: 8-digit code)."""
    from magcalc.cache import load_or_build

    return _Table(load_or_build("foods", DATA_FILES, _rows))


def get_food(food_id: str) -> Food | None:
    """A bundled food by id: an SR28 NDB number (zero-padded to 5 digits) or an FNDDS food code."""
    food_id = food_id.strip()
    foods = load_foods()
    return foods.get(food_id) or (foods.get(food_id.zfill(5)) if len(food_id) < 5 else None)


@cache
def _survey_twins() -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(read_text("survey_twins.csv")))
    return {row["food_id"]: row["survey_food_id"] for row in rows}


def survey_twin(food: Food) -> Food | None:
    """The FNDDS food made of this SR28 food as it is, if any (USDA's own link between the tables,
    from the FNDDS Ingredients workbook: 'Avocados, raw' 09037 is 'Avocado, raw' 63105010)."""
    code = _survey_twins().get(food.food_id) if food.table == SR28 else None
    return get_food(code) if code else None
