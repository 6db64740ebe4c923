"""Amounts and units -> grams, through the food's own USDA household measures. Pure functions."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from magcalc.errors import UnitError
from magcalc.foods import Food, Portion

MASS_G = {"g": 1.0, "kg": 1000.0, "mg": 0.001, "oz": 28.349523125, "lb": 453.59237}
VOLUME_ML = {
    "ml": 1.0,
    "l": 1000.0,
    "tsp": 4.92892159375,
    "tbsp": 14.78676478125,
    "fl oz": 29.5735295625,
    "cup": 236.5882365,
    "pint": 473.176473,
    "quart": 946.352946,
    "gallon": 3785.411784,
}
_SPELLINGS = {
    "g": "gram|grams|gr|gm|gms|gramme|grammes",
    "kg": "kgs|kilogram|kilograms|kilo|kilos|kilogramme|kilogrammes",
    "mg": "milligram|milligrams|mgs",
    "oz": "ounce|ounces|ozs",
    "lb": "lbs|pound|pounds",
    "ml": "mls|milliliter|milliliters|millilitre|millilitres|cc",
    "l": "liter|liters|litre|litres|lt|ltr",
    "tsp": "tsps|teaspoon|teaspoons|tspn",
    "tbsp": "tbsps|tablespoon|tablespoons|tbs|tbl|tbls|tblsp",
    "fl oz": "floz|fl.oz|fl. oz|fluid ounce|fluid ounces|fl ozs",
    "cup": "cups|c",
    "pint": "pints|pt",
    "quart": "quarts|qt|qts",
    "gallon": "gallons|gal",
}
UNIT_SPELLINGS = {
    spelling: unit for unit, words in _SPELLINGS.items() for spelling in [unit, *words.split("|")]
}

_ONE_WHOLE = ("medium", "fruit", "whole", "each", "piece", "item")
MAX_GRAMS = 50_000.0  # 50 kg of one food in one entry is a typo, not a meal
_MAX_AMOUNT_TEXT = 100
_VULGAR = {
    "½": "1/2",
    "⅓": "1/3",
    "⅔": "2/3",
    "¼": "1/4",
    "¾": "3/4",
    "⅛": "1/8",
    "⅜": "3/8",
    "⅝": "5/8",
    "⅞": "7/8",
}
_NUMBER = r"\d+(?:\.\d*)?|\.\d+"
_PLAIN = re.compile(r"\d{1,15}(?:\.\d{1,15})?")
_AMOUNT = re.compile(
    rf"(?:(?P<whole>\d+)\s+(?=\d+\s*/))?(?P<num>{_NUMBER})(?:\s*/\s*(?P<den>{_NUMBER}))?\s*(?P<unit>.*)",
    re.DOTALL,
)


def parse_amount(text: str) -> tuple[float, str | None]:
    """'1', '1.5', '1/2', '1 1/2', '½', '30 g', '2 slices' -> (amount, unit or None)."""
    cleaned = text.strip()
    if _PLAIN.fullmatch(cleaned):  # the common case, '1' or '30.5': no more work
        value = float(cleaned)
        check_amount(value, text)
        return value, None
    if len(cleaned) > _MAX_AMOUNT_TEXT:
        raise UnitError(f"the amount is too long ({len(cleaned)} characters)")
    if not cleaned.isascii():
        for char, fraction in _VULGAR.items():
            cleaned = re.sub(rf"(\d)\s*{char}", rf"\1 {fraction}", cleaned).replace(char, fraction)
    lowered = cleaned.lower()
    if lowered.startswith(("a ", "an ")):
        cleaned = "1 " + cleaned.split(" ", 1)[1]
    if not cleaned:
        raise UnitError("the amount is empty")
    if cleaned.startswith("-"):
        raise UnitError(f"the amount must be more than 0, not {text.strip()!r}")
    match = _AMOUNT.fullmatch(cleaned)
    if match is None or re.match(r"[eE][+-]?\d", match["unit"]):
        raise UnitError(f"the amount {text.strip()!r} is not a number")
    value = float(match["num"])
    if match["den"] is not None:
        denominator = float(match["den"])
        if denominator == 0:
            raise UnitError(f"the amount {text.strip()!r} divides by zero")
        value /= denominator
    if match["whole"] is not None:
        value += float(match["whole"])
    check_amount(value, text)
    unit = match["unit"].strip()
    return value, unit or None


def check_amount(value: float, text: str | float) -> None:
    if not math.isfinite(value):
        raise UnitError(f"the amount {text!r} is not a finite number")
    if value <= 0:
        raise UnitError(f"the amount must be more than 0, not {text!r}")


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("ches", "shes", "oes")):
        return word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def _words(text: str) -> str:
    return " ".join(_singular(w) for w in re.findall(r"[a-z]+", text.lower()))


def canonical_unit(text: str) -> str:
    """A mass or volume unit's one name ('Tablespoons' -> 'tbsp'), or the singular words of a portion."""
    key = " ".join(text.lower().split()).rstrip(".")
    return UNIT_SPELLINGS.get(key) or UNIT_SPELLINGS.get(key.replace(" ", "")) or _words(key)


@dataclass(frozen=True, slots=True)
class _PortionName:
    portion: Portion
    head: str  # 'cup' for 'cup, chopped'; a canonical unit where it is one
    full: str  # 'cup chopped'
    count: float  # how many 'counted' things the measure holds: 23 for 'oz (23 whole kernels)'
    counted: str  # 'whole kernel'


@lru_cache(maxsize=4096)  # a food's measures are parsed once, not on every conversion
def _portion_names(food: Food) -> tuple[_PortionName, ...]:
    names = []
    for portion in food.portions:
        desc = portion.description.lower()
        head = canonical_unit(re.split(r"[,(]", desc, maxsplit=1)[0])
        if head not in MASS_G and head not in VOLUME_ML:
            first_words = desc.split()
            for size in (2, 1):  # 'cup chopped', 'fl oz bottle': a unit, then what is measured
                unit = UNIT_SPELLINGS.get(" ".join(first_words[:size]))
                if unit is not None:
                    head = unit
                    break
        full = _words(re.sub(r"\([^)]*\)", " ", desc))
        counted = re.search(r"\((\d+(?:\.\d+)?)\s+([a-z][a-z -]*)\)", desc)
        names.append(
            _PortionName(
                portion,
                head,
                UNIT_SPELLINGS.get(full, full),
                float(counted[1]) if counted else 0.0,
                _words(counted[2]) if counted else "",
            )
        )
    return tuple(names)


@dataclass(frozen=True, slots=True)
class Conversion:
    grams: float
    portion: str | None  # the USDA measure used, when one was: '1 cup = 180 g'


def to_grams(food: Food, amount: float, unit: str | None) -> Conversion:
    """Grams of `food` in `amount` `unit`; UnitError lists the units the food has."""
    check_amount(amount, amount)
    if unit is None or not unit.strip():
        if len(food.portions) != 1:
            raise UnitError(f"no unit given for {_name(food)}; its units: {', '.join(available_units(food))}")
        only = food.portions[0]
        return _checked(amount * only.grams_each, f"no unit given: used its only measure, {_measure(only)}")
    wanted = canonical_unit(unit)
    if wanted in MASS_G:
        return _checked(amount * MASS_G[wanted], None)
    names = _portion_names(food)
    if wanted in VOLUME_ML:
        volumes = [n for n in names if n.head in VOLUME_ML]
        same = [n for n in volumes if n.head == wanted]
        plain = [n for n in same if n.full == wanted]
        candidates = plain or same or volumes
        if not candidates:
            raise UnitError(
                f"{unit!r} is a volume, and USDA gives no volume measure for {_name(food)}; "
                f"its units: {', '.join(available_units(food))}"
            )
        chosen = candidates[0]
        grams_per_ml = chosen.portion.grams_each / VOLUME_ML[chosen.head]
        # grams for one unit first, then times the amount: the same arithmetic as Measurer's cache
        return _checked(amount * (VOLUME_ML[wanted] * grams_per_ml), _measure(chosen.portion))
    for matches in (
        lambda n: n.full == wanted,
        lambda n: n.head == wanted,
        lambda n: wanted in (n.counted, n.counted.rsplit(" ", 1)[-1]) and n.count > 0,
        lambda n: set(wanted.split()) <= set(n.full.split()),
    ):
        found = [n for n in names if matches(n)]
        if found:
            name = found[0]
            grams_each = name.portion.grams_each
            if (
                name.counted
                and wanted in (name.counted, name.counted.rsplit(" ", 1)[-1])
                and name.full != wanted
            ):
                grams_each /= name.count
            return _checked(amount * grams_each, _measure(name.portion))
    if wanted in _ONE_WHOLE:
        # 'medium' (or 'fruit', 'whole', 'each') for a food that USDA measures as one whole fruit,
        # one avocado, one potato: the measure named after one whole item of the food
        nouns = {_singular(w) for w in re.findall(r"[a-z]+", food.description.lower().split(",")[0])}
        for name in names:
            if name.head in _ONE_WHOLE or name.head in nouns:
                return _checked(amount * name.portion.grams_each, _measure(name.portion))
    units = ", ".join(available_units(food))
    raise UnitError(f"{unit!r} is not a unit magcalc can convert for {_name(food)}; its units: {units}")


def available_units(food: Food) -> list[str]:
    units = list(MASS_G)
    names = _portion_names(food)
    if any(n.head in VOLUME_ML for n in names):
        units += ["ml", "l", "tsp", "tbsp", "fl oz", "cup"]
    for name in names:
        if name.head not in MASS_G and name.full not in units and name.full not in VOLUME_ML:
            units.append(name.full)
        if name.counted and name.counted not in units:
            units.append(name.counted)
    return units


def _name(food: Food) -> str:
    return f"{food.description!r} ({food.food_id})"


def _measure(portion: Portion) -> str:
    return f"{portion.label} = {portion.grams:g} g"


def _checked(grams: float, portion: str | None) -> Conversion:
    return Conversion(checked_grams(grams), portion)


def checked_grams(grams: float) -> float:
    if not math.isfinite(grams) or grams > MAX_GRAMS:
        raise UnitError(f"{grams:,.0f} g in one entry is more than the {MAX_GRAMS:,.0f} g magcalc accepts")
    return grams
