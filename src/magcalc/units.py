"""Amounts and units -> grams, through the food's own USDA household measures. Pure functions."""

from __future__ import annotations

import contextlib
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from magcalc.errors import UnitError
from magcalc.foods import FNDDS, Food, Portion

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

_ONE_WHOLE = ("medium", "fruit", "whole", "each", "item")  # never 'piece': a piece is part of one
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


# Words for numbers, as people type them; 'a'/'an' is one, 'half' a half.
NUMBER_WORDS = {
    "a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0,
    "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0, "eleven": 11.0, "twelve": 12.0,
    "half": 0.5, "quarter": 0.25, "dozen": 12.0, "couple": 2.0, "few": 3.0,
}  # fmt: skip


def _number_words(first: str, rest: list[str]) -> str:
    """An amount begun by a number word as digits: 'a half' -> '0.5', 'a couple of slices' -> '2
    slices', 'one and a half cups' -> '1.5 cups', 'a dozen and a half' -> '18', 'a cup' -> '1 cup'."""
    if first in ("a", "an") and rest and rest[0][:1].isdigit():
        return " ".join(rest)  # 'a 1/2 cup': half a cup, not one and a half
    value, word = NUMBER_WORDS[first], first
    if first in ("a", "an") and rest and rest[0] in NUMBER_WORDS and rest[0] not in ("a", "an"):
        value, word, rest = NUMBER_WORDS[rest[0]], rest[0], rest[1:]  # 'a half', 'a couple', 'a dozen'
    if rest[:2] in (["and", "a"], ["and", "an"]) and rest[2:3] and rest[2] in ("half", "quarter"):
        part = NUMBER_WORDS[rest[2]] * (value if word == "dozen" else 1)  # 'a dozen and a half': 18
        value, rest = value + part, rest[3:]
    if rest[:1] == ["of"]:
        rest = rest[1:]
    return " ".join([f"{value:g}", *rest])


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
    cleaned = re.sub(r"^(\d+)-(\d+\s*/\s*\d+)", r"\1 \2", cleaned)  # 1-1/2, as recipes write it
    lowered = cleaned.lower()
    first, _, rest = lowered.partition(" ")
    if first in NUMBER_WORDS:  # 'one', 'two slices', 'a cup', 'half'
        cleaned = _number_words(first, rest.split())
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
    if len(word) > 3 and word.endswith(("ches", "shes", "oes", "sses", "xes")):
        return word[:-2]
    if len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


singular = _singular  # 'fries' -> 'fry': public for report, which tells a plural from one item


# Household words as people shorten them in diaries and apps
SHORT_MEASURES = {
    "pc": "piece", "pcs": "piece", "pce": "piece", "pces": "piece", "med": "medium", "md": "medium",
    "lg": "large", "lrg": "large", "sm": "small", "sml": "small", "reg": "regular", "sl": "slice",
    "slc": "slice", "ea": "each", "btl": "bottle", "sq": "square", "pkt": "packet", "pkg": "package",
    "cont": "container", "serv": "serving", "svg": "serving",
}  # fmt: skip


def _words(text: str) -> str:
    text = _IN_SHELL_SAID.sub("in shell", text.lower())  # 'unshelled', 'in the shell': its 'in shell'
    return " ".join(_singular(SHORT_MEASURES.get(w, w)) for w in re.findall(r"[a-z]+", text))


# 'pistachios in shell', 'in the shell', 'unshelled peanuts', 'in-shell': weighed with the shell
_IN_SHELL_SAID = re.compile(r"\b(?:in[- ](?:the |their |its )?shells?|unshelled)\b")
# USDA's measures of what a weight or cup in the shell yields: 'oz, in shell, yields', 'cup, in shell,
# edible yield (7 nuts)', 'lb (with shell), yield after shell removed'
_IN_SHELL_MEASURE = re.compile(r"\b(?:in|with) shell\b.*\byield")


def _in_the_shell(food: Food, quantity: float, word: str, words: str, taken: Measured) -> Measured:
    """'1 oz pistachios in shell': what an ounce in the shell yields (USDA's 'oz, in shell, yields',
    15 g), not an ounce of kernels; a food with no such measure is weighed shelled, said, and a
    close candidate with one does better (stand_in)."""
    if not _IN_SHELL_SAID.search(words.lower()) or _IN_SHELL_MEASURE.search((taken.portion or "").lower()):
        return taken
    shelled = f"{food.food_group} {food.description}".lower()
    if not re.search(r"\bnuts?\b|\bseeds?\b|peanut|shellfish", shelled):
        return taken  # 'pasta shells', 'eggs in the shell': no kernels to weigh
    for portion in food.portions:
        if not _IN_SHELL_MEASURE.search(portion.description.lower()):
            continue
        head = canonical_unit(re.split(r"[,(]", portion.description, maxsplit=1)[0])
        for scale in (MASS_G, VOLUME_ML):
            if word in scale and head in scale:
                grams = checked_grams(quantity * scale[word] / scale[head] * portion.grams_each)
                return Measured(grams, _measure(portion), f"weighed in the shell: {_measure(portion)}")
    said = f"USDA has no in-shell measure of {_name(food)}: weighed as shelled"
    return Measured(taken.grams, taken.portion, "; ".join(filter(None, [taken.assumed, said])), stand_in=True)


# People's words for a size before a measure: 'a big glass', 'a little bowl' (never alone: 'Big Mac')
# ('tall' is a coffee shop's 12 fl oz and USDA's 'tall can' of salmon: no size)
SIZE_SAID = {"big": "large", "huge": "large", "giant": "large", "little": "small"}


def canonical_unit(text: str) -> str:
    """A mass or volume unit's one name ('Tablespoons' -> 'tbsp'), or the singular words of a portion."""
    key = " ".join(text.lower().split()).rstrip(".")
    size, _, measure = key.partition(" ")
    if measure and size in SIZE_SAID:
        key = f"{SIZE_SAID[size]} {measure}"  # 'big glass': a large glass
    return UNIT_SPELLINGS.get(key) or UNIT_SPELLINGS.get(key.replace(" ", "")) or _words(key)


@dataclass(frozen=True, slots=True)
class _PortionName:
    portion: Portion
    head: str  # 'cup' for 'cup, chopped'; a canonical unit where it is one
    full: str  # 'cup chopped'
    count: float  # how many 'counted' things the measure holds: 23 for 'oz (23 whole kernels)'
    counted: str  # 'whole kernel'


_SLICED = frozenset({"slice", "piece", "strip", "wedge"})


def _has_its_own_item(food: Food, names: tuple[_PortionName, ...]) -> bool:
    """Does USDA measure the food by one of what it is named ('breast' of 'Chicken breast, ...')?"""
    nouns = {_singular(w) for w in re.findall(r"[a-z]+", food.description.lower().split(",")[0])}
    return any(n.full in nouns for n in names)


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


# a serving named by its volume ('serving 1/2 cup', 'serving (2 tbsp)'); not 'portion, amount to make
# 1/2 cup' (of a dry mix), nor a container's '(6 fl oz)' (a packet that makes that much)
_SERVED_VOLUME = re.compile(r"^serving,?\s*\(?(\d+(?:\.\d+)?(?:/\d+)?)\s*(cups?|tbsp|tsp|fl oz)\)?$")


def _serving_volume(food: Food) -> tuple[float, Portion] | None:
    """Grams per ml of a food USDA measures only by a serving of a stated volume, and that serving."""
    for portion in food.portions:
        said = _SERVED_VOLUME.match(portion.description.lower())
        if said is not None:
            numerator, _, denominator = said[1].partition("/")
            volume = float(numerator) / float(denominator or 1) * VOLUME_ML[canonical_unit(said[2])]
            return portion.grams_each / volume, portion
    return None


@dataclass(frozen=True, slots=True)
class Conversion:
    grams: float
    portion: str | None  # the USDA measure used, when one was: '1 cup = 180 g'


# Words of a food's form that choose between its measures of one unit: '1 tbsp, ground', '1 cup,
# shredded' (singular, as _words gives them).
_FORM_WORDS = frozenset(
    {"ground", "shredded", "grated", "chopped", "sliced", "slivered", "diced", "mashed", "crumbled", "cubed",
     "pureed", "packed", "whole", "halve", "piece", "melted", "cooked", "uncooked", "dry", "popped"}
)  # fmt: skip


# Words of a measure that say what it lacks ('cup, without shell'), chosen only when said
_LACKS = frozenset({"without", "shelled"})  # (not 'no': 'in shell, no salt')


# Words of one cut: a cup of pepper strips is USDA's 'cup, sliced'; of jicama slices its 'cup slices'
_CUT_AS = {"slice": "sliced", "strip": "sliced", "diced": "chopped", "minced": "chopped", "cube": "cubed",
           "chunk": "piece", "halves": "halve", "halved": "halve"}  # fmt: skip


def _cut_as(words: str) -> set[str]:
    return {_CUT_AS.get(w, w) for w in words.split()}


def to_grams(food: Food, amount: float, unit: str | None, words: str = "") -> Conversion:
    """Grams of `food` in `amount` `unit`; UnitError lists the units the food has. The food's own
    words ('ground flaxseed') choose among its measures of that unit ('1 tbsp, ground')."""
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
        cheese = food.description.lower().startswith("cheese")
        candidates = sorted(plain or same or volumes, key=lambda n: _volume_rank(n, cheese))
        said = _cut_as(_words(words)) & _FORM_WORDS
        hinted = [n for n in same or volumes if said & _cut_as(n.full)] if said else []
        if not hinted and (named := {w for w in _words(words).split() if len(w) > 3}):
            # '1 cup penne': its 'cup penne'; '2 tbsp slivered almonds': its 'cup, slivered'
            hinted = [n for n in same or volumes if named & set(n.full.split())]
        if len(hinted) > 1 and not set(_words(words).split()) & _LACKS:  # 'pistachios in shell': its
            hinted = [n for n in hinted if not set(n.full.split()) & _LACKS] or hinted  # 'cup, in shell'
        candidates = hinted or candidates
        if not candidates and (served := _serving_volume(food)) is not None:
            per_ml, portion = served  # 'serving 1/2 cup' of a soup or a sauce: its weight by the cup
            return _checked(amount * VOLUME_ML[wanted] * per_ml, _measure(portion))
        if not candidates:
            raise UnitError(
                f"{unit!r} is a volume, and USDA gives no volume measure for {_name(food)}; "
                f"its units: {', '.join(available_units(food))}"
            )
        chosen = candidates[0]
        grams_per_ml = chosen.portion.grams_each / VOLUME_ML[chosen.head]
        # grams for one unit first, then times the amount: the same arithmetic as Measurer's cache
        return _checked(amount * (VOLUME_ML[wanted] * grams_per_ml), _measure(chosen.portion))
    names = tuple(n for n in names if not _a_part_of_another(n, names, words))  # ramen's flavor packet
    if wanted in _CUT_FROM_A_WHOLE:  # a square of cornbread is no 'square cornbread (8" pan)'
        names = tuple(n for n in names if not _WHOLE_BAKE.search(n.portion.description.lower()))
    matchers: list[Callable[[_PortionName], bool]] = [
        lambda n: n.full == wanted,
        # 'slice' of French bread: its 'medium or regular slice' (64 g), not 'slice, Vienna bread' (but
        # a measure named by the person's words comes first: 'texas toast')
        lambda n: not by_words and n.full in {f"{size} {wanted}" for size in _USUAL_NAMES},
        lambda n: n.head == wanted,
        lambda n: wanted in SIZES and n.full.split(" ", 1)[0] == wanted,  # 'medium': 'medium pizza (11-12")'
        lambda n: wanted in (n.counted, n.counted.rsplit(" ", 1)[-1]) and n.count > 0,
        lambda n: set(wanted.split()) <= set(n.full.split()) and not _held(n, wanted),
    ]
    if wanted in SIZES and _has_its_own_item(food, names):  # a medium chicken breast is its breast, not
        names = tuple(n for n in names if n.full.rsplit(" ", 1)[-1] not in _SLICED)  # a medium slice
    # words of the person's that the food's name lacks ('texas toast' of 'Garlic bread, from frozen')
    described = {*wanted.split(), *_words(food.description).split()}
    named = {w for w in _words(words).split() if len(w) > 3} - described
    by_words = any(named & set(n.full.split()) for n in names)
    # of sizes alike ('breakfast size link', 'bun-size or griller link'), the one nearest the survey's
    # typical amount of the food: a link of Italian sausage is the bun-size one, a box of raisins the
    # small box (1.5 oz), not the miniature one; unless a size is said ('medium', 'a large slice')
    unsaid = food.portion(QUANTITY_NOT_SPECIFIED)
    typical_g = None if {*wanted.split(), *_words(words).split()} & SIZES or unsaid is None else unsaid.grams

    def everyday(name: _PortionName) -> tuple[int, float]:
        return _typical(name), abs(name.portion.grams_each - typical_g) if typical_g is not None else 0.0

    for matches in matchers:
        found = sorted((n for n in names if matches(n)), key=everyday)
        chosen_by_words = False
        if len(found) > 1 and named:  # 'texas toast', a slice: its 'piece/slice Texas Toast'
            by_name = [n for n in found if named & set(n.full.split())]
            found, chosen_by_words = by_name or found, bool(by_name)
        if found and _typical(found[0]) == 2 and not chosen_by_words:  # only odd sizes by this name: a
            # plain one named otherwise? (not when the words said the size: 'a small slice of pizza')
            wider = sorted((n for n in names if set(wanted.split()) <= set(n.full.split())), key=_typical)
            found = wider if wider and _typical(wider[0]) < 2 else found
        if found:
            name = found[0]
            grams_each = name.portion.grams_each
            if (
                name.counted
                and wanted in (name.counted, name.counted.rsplit(" ", 1)[-1])
                and name.full != wanted
            ):
                grams_each /= name.count
            elif (several := _several(name.portion, wanted)) > 1:
                grams_each = name.portion.grams / several  # 'slice' of 'serving 2 slices': half of it
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


def _a_part_of_another(name: _PortionName, names: tuple[_PortionName, ...], words: str) -> bool:
    """Is the measure a part that another measure of the food is with or without ('packet' of ramen,
    5.8 g, is the flavor packet of its 'package without flavor packet', 81 g), when the words do not
    name that part ('flavor')? A packet of ramen is its package."""
    said = set(_words(words).split())
    for other in names:
        if other is name:
            continue
        part = re.search(rf"\bwith(?:out)?((?: [a-z]+)*?) {re.escape(name.full)}$", other.full)
        if part is not None and not said & set(part[1].split()):
            return True
    return False


_ODD_SIZES = re.compile(
    r"\b(small|large|thin|thick|mini|miniature|snack|crust not eaten|extra|jumbo|spoon|bite|cocktail)\b"
)


_SEVERAL = re.compile(r"(?<![\d/.\"-])(\d+)\s+([a-z]+)\b")


def _several(portion: Portion, wanted: str) -> float:
    """How many of `wanted` a measure says it holds outside brackets: 2 for a 'slice' of 'serving 2
    slices' or a 'square' of 'large rectangular piece or 2 squares'; 1 when it does not say (nor
    for 'varied from 1 to 3 tacos')."""
    description = re.sub(r"\([^)]*\)", " ", portion.description.lower())
    if "varied" in description:
        return 1.0
    for number, word in _SEVERAL.findall(description):
        if _singular(word) == wanted:
            return float(number)
    return 1.0


def _held(name: _PortionName, wanted: str) -> bool:
    """'pieces' in '1 cup, pieces' is what the cup holds, not a piece."""
    return name.head in VOLUME_ML and name.head != wanted


def _typical(name: _PortionName) -> int:
    """Of several measures of the same name ('slice'), the everyday one first: 'piece, NFS' (the
    survey's measure for a size not said), then 'medium or regular slice' before 'small or thin
    slice'; otherwise USDA's order."""
    description = name.portion.description.lower()
    if re.search(r"\bnfs\b", description):  # the survey's own measure when the size is not said
        return -1
    if re.search(r"\b(medium|regular)\b", description):
        return 0
    return 2 if _ODD_SIZES.search(description) else 1


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
    if portion.description.lower() == "quantity not specified":
        return f"typical portion = {portion.grams:g} g"
    return f"{portion.label} = {_grams(portion.grams)} g"


def _grams(grams: float) -> str:
    """Grams as people read them: 118, 28.3, 1.23 (never 1.23261)."""
    return f"{grams:.0f}" if grams >= 100 else f"{grams:.3g}"


def _checked(grams: float, portion: str | None) -> Conversion:
    return Conversion(checked_grams(grams), portion)


def checked_grams(grams: float) -> float:
    if not math.isfinite(grams) or grams > MAX_GRAMS:
        raise UnitError(f"{grams:,.0f} g in one entry is more than the {MAX_GRAMS:,.0f} g magcalc accepts")
    return grams


# -- amounts people leave out or give in household words ------------------------------------------

QUANTITY_NOT_SPECIFIED = "quantity not specified"
_COFFEE_SHOP_SIZES = frozenset({"tall", "grande", "venti"})
_ESPRESSO_CUP_G = 90.0  # a drink whose usual FNDDS portion is this light comes in an espresso cup (2-3 fl oz)
# Household words with no USDA measure of that name for a food: what magcalc assumes, and why.
# Each default is shown beside the entry as an assumption, never used silently.
CONTAINERS: dict[str, tuple[float, str, str]] = {
    # word: (amount, unit, why)
    "glass": (8, "fl oz", "a glass taken as 1 cup, 8 fl oz: the USDA MyPlate cup of a drink"),
    "mug": (12, "fl oz", "a mug taken as 12 fl oz: the FNDDS mug of coffee or tea"),
    "bowl": (1.5, "cup", "a bowl taken as 1.5 cups: a typical cereal or soup bowl"),
    "handful": (1, "oz", "a handful taken as 1 oz, 28 g: the usual handful of nuts"),
    "bag": (1, "oz", "a bag taken as 1 oz, 28 g: a snack bag of chips"),
    "packet": (1, "oz", "a packet taken as 1 oz, 28 g: a snack packet (of nuts, crackers or seasoning)"),
    "pack": (1, "oz", "a pack taken as 1 oz, 28 g: a snack pack (of nuts or crackers)"),
    "scoop": (0.5, "cup", "a scoop taken as 1/2 cup: a standard ice-cream scoop"),
    "square": (10, "g", "a square taken as 10 g: one square of a 100 g chocolate bar"),
    "bottle": (12, "fl oz", "a bottle taken as 12 fl oz: the US bottle of beer or soda"),
    "can": (12, "fl oz", "a can taken as 12 fl oz: the US can of soda or beer"),
    "shot": (1.5, "fl oz", "a shot taken as 1.5 fl oz: the US standard drink of spirits"),
    "carton": (8, "fl oz", "a carton taken as 8 fl oz: the half-pint carton of US school milk"),
    "tall": (12, "fl oz", "a tall taken as 12 fl oz, the coffee-shop size"),
    "grande": (16, "fl oz", "a grande taken as 16 fl oz, the coffee-shop size"),
    "venti": (20, "fl oz", "a venti taken as 20 fl oz, the coffee-shop size when hot"),
    "mason jar": (16, "fl oz", "a mason jar taken as 16 fl oz: the pint jar drinks are served in"),
    "pinch": (0.0625, "tsp", "a pinch taken as 1/16 tsp"),
    "dash": (0.125, "tsp", "a dash taken as 1/8 tsp"),
    "splash": (1, "tbsp", "a splash taken as 1 tbsp"),
    "drizzle": (1, "tsp", "a drizzle taken as 1 tsp"),
}
# Words for one of something, best first; a food's own noun ('egg', 'banana') comes before all.
_ITEM_WORDS = (
    "medium", "regular", "small/regular", "each", "item", "piece", "whole", "full", "fruit", "slice",
    "sandwich", "bar", "patty", "fillet", "link", "stick", "nut", "ear", "large", "small", "serving",
)  # fmt: skip
_USUAL_NAMES = ("medium or regular", "regular", "medium")  # the survey's usual size of a measure
# a unit an app gives anything counted ('pita bread, 1, whole', 'nuggets, 8, ct')
_ITEMS_SAID = frozenset({"sandwich", "burger", "item", "each", "ct", "count", "whole"})
_ITEM_CALLED = {"string": "stick", "cob": "ear"}  # an item by the name people give it, as USDA measures it
_LARGE_FIRST = frozenset({"egg"})  # US recipes and USDA's own egg measure assume large eggs
_SERVING_WORDS = frozenset({"serving", "portion", "helping", "plate", "order", "side"})
_INNER_COUNT = re.compile(r"\((\d+(?:\.\d+)?)\s+([a-z][a-z -]*)\)")
_PLURAL_ITEMS = re.compile(r"\b(\d+)\s+(?:[a-z]+\s+)?([a-z]+s)\b")  # '(3 pancakes)', 'stack of 3 pancakes'


SIZES = frozenset({"small", "medium", "large"})  # a size alone: '1 medium', 'iced coffee large'
_SIZE_WORDS = SIZES | {"regular"}
_SAID_SIZES = SIZES | {"mini", "miniature"}  # a size said before a food's name: 'mini muffins'
_PIECE_MAX_G = 150.0  # a piece is a bite-sized or hand-held item: never half a chicken
_BITE_G = 15.0  # an item this light is a bite (a tot, a nugget, a chip): a size is of a serving of them
# Wholes a piece is cut from: a piece of chocolate is no whole bar
_WHOLES = frozenset({"bar", "package", "loaf", "cake", "pie", "pizza", "box", "bag", "container"})
# Words for the same measure: a slice of pizza is USDA's piece; a packet of crackers its single
# serving bag
_SAME_MEASURE = {
    "slice": ("piece",), "piece": ("slice",), "bottle": ("can",), "can": ("bottle",), "link": ("sausage",),
    "bag": ("pouch", "packet"), "packet": ("pouch", "bag", "envelope", "package"), "pouch": ("packet", "bag"),
    "sachet": ("packet", "envelope"), "pack": ("package", "packet", "pouch", "bag"),
    "package": ("pack", "packet"), "mini": ("miniature",), "miniature": ("mini",), "strip": ("slice",),
}  # fmt: skip


def _sized_drink(food: Food, item: Portion) -> bool:
    """An item that is only a size ('medium', 'medium drink') of a food measured in fl oz: a drink's
    cup size ('a coke' is the survey's usual can, not a 512 g medium fountain drink)."""
    words = item.description.lower().split()
    sized = 1 <= len(words) <= 2 and words[0] in SIZES and set(words[1:]) <= {"drink", "cup"}
    # ('a protein shake' is the survey's usual one, 256 g, not its 'bottle or box, NFS' of 544 g)
    unsized = item.description.lower().endswith(", nfs")
    return (sized or unsized) and any(p.description.lower().startswith("fl oz") for p in food.portions)


@dataclass(frozen=True, slots=True)
class Measured:
    grams: float
    portion: str | None  # the measure used: '1 large = 50 g'
    assumed: str | None  # in words, when the amount or its size was not given
    # magcalc's stand-in for a measure the food lacks (a usual bottle, an item for 'large'): a close
    # candidate food with a measure of its own by that name does better
    stand_in: bool = False
    doubtful: bool = False  # the amount is so unsure that the entry is a guess ('a grande macchiato')


def _food_nouns(food: Food) -> set[str]:
    """The words of a food's name: its first part, and the next when the first is a brand in capitals
    ('NABISCO, NABISCO RITZ Crackers': a cracker)."""
    parts = food.description.split(",")
    named = parts[0] if len(parts) == 1 or not parts[0].isupper() else f"{parts[0]} {parts[1]}"
    return {_singular(w) for w in re.findall(r"[a-z]+", named.lower())}


def _said_plural(portion: Portion, typed: str) -> bool:
    """Is the item of this measure said in the plural only ('fish sticks' of '1 stick')?"""
    item = _head_word(portion)
    typed_words = re.findall(r"[a-z]+", typed.lower())
    return item not in typed_words and any(_singular(w) == item and w != item for w in typed_words)


def _by_its_own_noun(food: Food, unit: str) -> bool:
    """Is the unit the food's own name ('roll' of 'Roll, sweet, cinnamon bun', 'hot dogs' of 'Hot
    dog, NFS'): a count of it, as '2 hot dogs' is?"""
    nouns = _food_nouns(food)
    said = re.findall(r"[a-z]+", unit.lower())
    return bool(said) and all(_singular(w) in nouns or w.removesuffix("s") in nouns for w in said)


def _single(portion: Portion) -> bool:
    """A measure of one item, not of several ('1 serving (3 pancakes)', 'stack of 3')."""
    # 'large rectangular piece or 2 squares': one piece, said also as two squares
    return not _PLURAL_ITEMS.search(portion.description.lower().split(" or ")[0])


_NOT_NAMES = frozenset({"a", "an", "of", "the", "and", "with", "or", "from"})
# what was done to the food, no measure of it (nor a slip for one: 'a sliced banana' is no slice)
_DONE_TO = frozenset({"sliced", "diced", "chopped", "cubed", "mashed", "halved", "quartered", "peeled"})


# Packages a food is sold in, said as part of its name: 'applesauce pouch', 'yogurt tub'
_PACKAGES = frozenset(
    {"pouch", "box", "jar", "packet", "bag", "pack", "package", "can", "bottle", "carton", "container", "tub",
     "bar", "stick"}
)  # fmt: skip


def _packaged(food: Food, typed: str) -> Portion | None:
    """The food's own measure named by a package word in what was typed ('applesauce pouch': its
    '1 pouch'), when exactly one measure is named so."""
    said = {_singular(w) for w in re.findall(r"[a-z]+", typed.lower())} & _PACKAGES
    if not said:
        return None
    named = [p for p in food.portions if _head_word(p) in said and _single(p)]
    if len(named) > 1:  # 'bar, miniature' and 'bar (1.55 oz)': the everyday one
        named = [p for p in named if not _ODD_SIZES.search(p.description.lower())]
    return named[0] if len(named) == 1 else None


INCH_SIZE = re.compile(r"\b(\d{1,2})\s*(?:-\s*)?(?:inch(?:es)?\b|\")")  # a size in inches: '6 inch sub'
_INCHES_SAID = re.compile(r"(?:(\d{1,2})\s*-\s*)?(\d{1,2})\"")  # '6"', '11-12"' in a measure's name


def _of_inches(portions: list[Portion], inches: int) -> Portion | None:
    """The one measure named by that size in inches ('regular or 6" submarine'; 'medium pizza (11-12"
    diameter)' for 12), if exactly one is."""
    sized = [
        p for p in portions
        if any(int(low or high) <= inches <= int(high) for low, high in _INCHES_SAID.findall(p.description))
    ]  # fmt: skip
    return sized[0] if len(sized) == 1 else None


def one_typo(typed: str, word: str) -> bool:
    """One letter left out, added, changed, or two swapped (Damerau distance 1), in words of 5+."""
    if min(len(typed), len(word)) < 5 or abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):
        diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1:  # two letters swapped
            return typed[diff[0]] == word[diff[1]] and typed[diff[1]] == word[diff[0]]
        return len(diff) == 1
    short, long = sorted((typed, word), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


# Pieces a food is cut into, said in its name: a count of them counts pieces, never whole items (six
# 'finger steaks' are no six 160 g steaks); the food's measure of that name, or of a like one, or its piece
_CUT_PIECES = {
    "finger": ("finger", "strip", "stick"), "stick": ("stick", "strip"), "strip": ("strip", "stick"),
    "bite": ("bite",), "cube": ("cube", "cubic"), "chunk": ("chunk",), "wedge": ("wedge",), "ball": ("ball",),
    "spear": ("spear",), "floret": ("floret",),
}  # fmt: skip


def _cut_said(food: Food, typed: str) -> str | None:
    """The piece a food's name says it was cut into ('finger steaks'), not the food's own noun
    ('Fish, stick')."""
    said = [_singular(w) for w in re.findall(r"[a-z]+", typed.lower())]
    return next((w for w in said if w in _CUT_PIECES and w not in _food_nouns(food)), None)


def _cut_piece(food: Food, candidates: list[Portion], typed: str) -> Portion | None:
    """The food's measure of the piece its name says it was cut into; else, of a food whose items are
    wholes a piece is cut from, its piece, or _NO_PIECE when it has none ('4 apple wedges')."""
    cut = _cut_said(food, typed)
    if cut is None:
        return None
    named = {p.seq: {_singular(w) for w in re.findall(r"[a-z]+", p.description.lower())} for p in candidates}
    for name in _CUT_PIECES[cut]:  # '4 cheese cubes': its cubic inch
        found = next((p for p in candidates if name in named[p.seq]), None)
        if found is not None:
            return found
    if not any(p.grams_each >= _WHOLE_MIN_G for p in candidates):
        return None  # 'shortbread fingers', 'rice balls': the finger or the ball is the food's own item
    return next((p for p in candidates if "piece" in named[p.seq]), _NO_PIECE)


_WHOLE_MIN_G = 100.0  # an item this heavy is a whole a piece is cut from (a steak, an apple)
_NO_PIECE = Portion(seq=0, amount=1.0, description="", grams=0.0)  # pieces said, and USDA has none


def _called(food: Food, typed: str) -> Portion | None:
    """The item the words call the food by, as USDA measures it ('corn on the cob': an ear, the medium
    one), when no amount is said."""
    typed_words = re.findall(r"[a-z]+", typed.lower())
    said = [_ITEM_CALLED[w] for w in typed_words if w in _ITEM_CALLED][:1]
    alone = False
    if not said:  # 'cupcake' of 'Cake or cupcake' (its 'cupcake, any size'; not 'chicken breast with
        said = sorted(_one_of_its_names(food, {_singular(w) for w in typed_words}))[:1]  # sauce' of
        alone = True  # 'Chicken or turkey with teriyaki')
    first = {p.seq: re.findall(r"[a-z]+", p.description.lower())[:1] for p in food.portions}
    items = [
        p for p in _single_items(food) if said and first[p.seq] == said
        and not (alone and len(re.findall(r"[a-z]+", p.description.lower().split(",")[0])) > 1)
    ]  # fmt: skip
    return _the_usual(items) if items else None


def _one_of_its_names(food: Food, said: set[str]) -> set[str]:
    """The words said that name one of the things a food is named as ('cupcake' of 'Cake or cupcake,
    NFS'): each names its own item."""
    named = food.description.split(",")[0].lower()
    if " or " not in named:
        return set()
    before, after = named.split(" or ", 1)
    # the names on either side of 'or' ('tenders', 'strips' of 'Chicken tenders or strips'; not 'chicken')
    alternatives = re.findall(r"[a-z]+", before)[-1:] + re.findall(r"[a-z]+", after)
    return said & {_singular(w) for w in alternatives}


def _the_usual(portions: list[Portion]) -> Portion:
    """Of measures of one item in several sizes ('ear small', 'ear medium', 'ear large'), the medium
    or regular one, else the first."""
    usual = [p for p in portions if re.search(r"\b(medium|regular)\b", p.description.lower())]
    return (usual or portions)[0]


def _single_items(food: Food) -> list[Portion]:
    """The food's measures of one thing: a count is of things, never of fl oz or cups."""
    return [
        p for p in food.portions
        if _single(p) and not p.description.lower().startswith((QUANTITY_NOT_SPECIFIED, "guideline"))
        and canonical_unit(re.split(r"[,(]", p.description, maxsplit=1)[0]) not in MASS_G | VOLUME_ML
    ]  # fmt: skip


_HAND_FRUIT_G = 300.0  # a fruit eaten from the hand weighs less: not a pineapple or a melon
_CUT_OF_A_FRUIT = re.compile(r"\b(ball|balls|wedge|slice|section|chunk|cube|piece|cup)\b")
_FRUIT_CODES = frozenset({"61", "62", "63"})  # FNDDS food codes of fruits: citrus, dried, other


def _a_whole_fruit(food: Food) -> bool:
    """A fresh fruit USDA weighs whole ('1 fruit', '1 medium'): not a juice, a dried fruit or a dish."""
    text = food.description.lower()
    if re.search(r"\b(juice|dried|canned|frozen|cooked|pie|salad|bread|drink|raisins|sauce)\b", text):
        return False
    item = item_portion(food)
    if item is None or item.grams_each > _HAND_FRUIT_G:  # a piece of pineapple is a chunk of it
        return False
    if _CUT_OF_A_FRUIT.search(item.description.lower()):  # 'watermelon balls' are cut from a whole
        return False
    surveyed_fruit = food.table == FNDDS and food.food_id[:2] in _FRUIT_CODES
    return surveyed_fruit or food.food_group == "Fruits and Fruit Juices"


def _a_link(food: Food, word: str, words: str) -> bool:
    """Is a link of the food its one whole item ('turkey hot dog, 1 link': its regular frank), not a
    cut of it ('1 link pepperoni' is no slice of it) nor a serving?"""
    item = item_portion(food, words) if word == "link" else None
    return item is not None and not set(_portion_words(item)) & {*_SLICED, "serving", "portion", "cup"}


def _portion_words(portion: Portion) -> list[str]:
    """A measure's words, singular: 'small/regular' kept whole (its first word), and each of a pair
    said after it ('juice box/pouch' is a juice box)."""
    words = [_singular(w) for w in re.findall(r"[a-z/]+", portion.description.lower())]
    return words + [_singular(part) for w in words[1:] if "/" in w for part in w.split("/") if part]


def item_portion(food: Food, typed: str = "") -> Portion | None:
    """The food's natural single item: 1 egg, 1 medium banana, 1 slice of bread, 1 pancake; the one
    the typed words name when several items are measured ('big mac': 'McDonald's Big Mac', not
    'Mac Jr')."""
    candidates = _single_items(food)
    if (packaged := _packaged(food, typed)) is not None:  # '2 applesauce pouches': 2 of its pouch
        return packaged
    if (piece := _cut_piece(food, candidates, typed)) is not None:  # '6 finger steaks': 6 pieces
        return piece if piece is not _NO_PIECE else None  # ('4 apple wedges' are no 4 apples)
    inches = INCH_SIZE.search(typed.lower())
    if inches is not None and (sized := _of_inches(candidates, int(inches[1]))) is not None:
        return sized  # 'a 6-inch turkey sub': its 'regular or 6" submarine'; '12-inch pizza' a medium one
    nouns = _food_nouns(food)
    words = {p.seq: _portion_words(p) for p in candidates}
    said = {_singular(w) for w in re.findall(r"[a-z]+", typed.lower())} - SIZES - _NOT_NAMES - _DONE_TO
    said = {_ITEM_CALLED.get(w, w) for w in said}  # 'string cheese' is a stick, not USDA's '1 string' (4.7 g)
    named_so = {w for seq_words in words.values() for w in seq_words}  # 'snickerdoodels': snickerdoodles
    described = {_singular(w) for w in re.findall(r"[a-z]+", food.description.lower())}
    said = {  # (a word of the food's own name is no slip: 'cinnamon roll' is no 'Cinnabon')
        w if w in named_so or w in described else next((n for n in sorted(named_so) if one_typo(w, n)), w)
        for w in said
    }

    def odd(portion: Portion) -> bool:  # an odd size the person did not say ('Bagel Bite' said is none)
        return any(_singular(m) not in said for m in _ODD_SIZES.findall(portion.description.lower()))

    # '1 omelet' of 'Egg omelet or scrambled egg' counts no eggs: a measure named by a word that only
    # qualifies the word said ('egg' of 'egg omelet') is no item of it
    named_words = [_singular(w) for w in re.findall(r"[a-z]+", food.description.lower().split(",")[0])]
    qualifiers = {a for a, b in itertools.pairwise(named_words) if b in said} - said - _NOT_NAMES
    candidates = [p for p in candidates if not set(words[p.seq]) & qualifiers]
    kinds = said - described  # 'cherry tomatoes': the kind, beside the food's own noun, the name lacks
    named = [  # 'big mac': 'McDONALD'S Big Mac', not 'Mac Jr'; 'oreos': 'Oreo sandwich', not 'sandwich'
        p for p in candidates
        if (((len(said) > 1 or said - described) and said <= set(words[p.seq]))
            or (kinds and said & nouns and kinds <= set(words[p.seq])))
        and not odd(p)
    ]  # fmt: skip
    if len(named) == 1:
        return named[0]
    typed_words = re.findall(r"[a-z]+", typed.lower())
    last = _singular(typed_words[-1]) if typed_words else ""
    if not named and last not in described and last not in SIZES:  # '2 breakfast sausage patties': a patty
        by_last = [p for p in candidates if words[p.seq][:1] == [last]]
        if len(by_last) == 1:
            return by_last[0]
    # 'kings hawaiian rolls': the one measure named by a word of the person's that the food's name
    # lacks ('Hawaiian roll' of 'Roll, sweet'), when no measure has every word
    own = said - described
    overlap = {  # 'fun/snack size' is 'fun size' or 'snack size': each word of it
        p.seq: len(own & {_singular(w) for w in re.findall(r"[a-z]+", p.description.lower())})
        for p in candidates if not odd(p)
    }  # fmt: skip
    most = max(overlap.values(), default=0)
    by_own = [p for p in candidates if most and overlap.get(p.seq) == most]  # 'fun size snickers'
    if not named and len(by_own) == 1:
        return by_own[0]
    if nouns & _LARGE_FIRST:
        order: tuple[str, ...] = ("large", *(w for w in _ITEM_WORDS if w != "large"))
    else:
        order = _ITEM_WORDS
    exact = [p for p in candidates if words[p.seq] and set(words[p.seq]) <= nouns]
    if exact:
        return exact[0]
    # 'a chicken pot pie': its 'individual pie' (250 g), one person's, not 'pie, any size' (1,260 g)
    individual = [p for p in candidates if words[p.seq][:1] == ["individual"] and set(words[p.seq]) & nouns]
    if len(individual) == 1:
        return individual[0]
    # '10 pretzels': its 'pretzel, NS as to size' (3 g), not the 'medium single serving bag' (57 g)
    by_noun = [p for p in candidates if re.findall(r"[a-z]+", p.description.lower().split(",")[0]) in (
        [[n] for n in nouns & said])]
    if len(by_noun) == 1:
        return by_noun[0]
    # 'cupcake' of 'Cake or cupcake, NFS': its 'cupcake, any size' (90 g), not a piece of cake (175 g)
    if chosen := _one_of_its_names(food, said):
        alike = [p for p in candidates if words[p.seq][:1] and words[p.seq][0] in chosen]
        alike = alike or [p for p in candidates if set(words[p.seq]) & chosen]  # 'tender, strip, or finger'
        if len(alike) == 1:
            return alike[0]
    # '1 chicken breast' of 'Chicken, ..., breast, meat only': its 'breast, bone and skin removed' (86 g),
    # not 'unit (yield from 1 lb ready-to-cook chicken)' (52 g)
    part = [p for p in candidates if words[p.seq] and words[p.seq][0] in (said & described) - nouns]
    if part:
        return part[0]
    counted = [
        p for p in food.portions
        if (inner := _INNER_COUNT.search(p.description.lower())) and float(inner[1]) > 1
        and canonical_unit(inner[2].strip()) not in MASS_G | VOLUME_ML  # '(8 fl oz)' is no count of things
    ]  # fmt: skip
    counted.sort(key=lambda p: not p.description.lower().startswith("oz"))  # nuts are counted per ounce
    for portion in counted[:1]:  # 'oz (23 whole kernels)': one kernel is 1/23 of it
        inner = _INNER_COUNT.search(portion.description.lower())
        assert inner is not None
        per = portion.grams_each / float(inner[1])
        whole = re.split(r"\s*\(", portion.label, maxsplit=1)[0]  # '1 oz' of '1 oz (23 whole kernels)'
        one = f"{_singular(inner[2].strip())}, 1/{float(inner[1]):g} of {whole}"
        return Portion(portion.seq, 1, one, per)
    # 'a bun': its 'hamburger bun' (52 g), not the 'miniature/small hamburger bun' (28 g) its 'small'
    # would find first: of two measures of the word said, one the other with an odd size before it
    by_said = [p for p in candidates if said & set(words[p.seq])]
    if len(by_said) == 2:
        plain, sized = sorted(by_said, key=lambda p: len(words[p.seq]))
        if odd(sized) and not odd(plain) and words[sized.seq][1:] == words[plain.seq]:
            return plain
    for word in order:
        for portion in candidates:
            portion_words = words[portion.seq]
            if not portion_words:
                continue
            first = portion_words[0]
            # 'slice/chunk' of dried apricot is a slice; 'piece/slice' of mushroom no whole one
            if word == first or (word != "piece" and word in first.split("/")):
                # 'regular/large' samosa is a regular one, 'small/medium' shrimp a medium; of 'ear small',
                # 'ear medium' and 'ear large' of corn, the medium one
                return _the_usual([p for p in candidates if words[p.seq][:1] == [first]])
            before_or = portion_words[: portion_words.index("or")] if "or" in portion_words else []
            if word == "piece" and "piece" in before_or:
                return portion  # 'large rectangular piece or 2 squares' of graham crackers: one piece
    named = sorted(
        (p for p in candidates if set(words[p.seq]) & nouns), key=lambda p: _size_rank(p.description)
    )
    for word in order:
        for portion in named:
            if word in words[portion.seq]:
                return portion
    if named:
        return named[0]
    # 'matzo' of 'Crackers, matzo': a measure named by a word of the food's name is one of it
    if (own_name := next((p for p in candidates if words[p.seq] and set(words[p.seq]) <= described), None)):
        return own_name
    piece = next((p for p in candidates if words[p.seq] == ["drummette"]), None)
    if "wing" in described and piece is not None:
        return piece  # '10 hot wings' of 'Chicken "wings" with hot sauce', measured by the drummette
    # '2 marie biscuits' of 'Marie biscuit', measured by the 'cookie' alone: that one thing, by any name
    # (not a typical portion of three of them for each); a package or a serving is no one thing
    things = [p for p in candidates if words[p.seq] and not set(words[p.seq]) & _NO_ONE_THING]
    if len(candidates) == 1 and len(things) == 1:
        return things[0]
    return _one_of_several(food)


# words of a measure that holds more than one thing, or no thing at all
_NO_ONE_THING = frozenset(
    {"package", "pkg", "packet", "pouch", "box", "bag", "container", "can", "bottle", "jar", "carton", "tub",
     "serving", "portion", "order", "plate", "bowl", "recipe", "batch", "loaf", "pan", "pie", "cake", "pizza",
     "yield", "guideline", "nfs", "any", "size", "cubic", "inch", "square"}
)  # fmt: skip


def _one_of_several(food: Food) -> Portion | None:
    """'2 lebanon bologna' of a food measured only as 'serving 2 slices': one slice, half of it."""
    for portion in food.portions:
        description = re.sub(r"\([^)]*\)", " ", portion.description.lower())
        found = _PLURAL_ITEMS.search(description)
        if found is None or canonical_unit(found[2]) in MASS_G | VOLUME_ML:
            continue
        item = _singular(found[2])
        if item in _SERVING_WORDS or (several := _several(portion, item)) <= 1:
            continue
        return Portion(portion.seq, 1, f"{item}, 1/{several:g} of {portion.label}", portion.grams / several)
    return None


_UNUSUAL_VOLUME = re.compile(
    r"\b(pureed|puree|mashed|melted|(?<!not )packed|ground|crushed|unpopped|dry|uncooked|frozen|juice|"
    r"whipped|condensed|concentrate|grated|shredded)\b"
)


def _volume_rank(name: _PortionName, cheese: bool = False) -> int:
    """A cup of strawberries is a cup of whole berries, not of puree; of popcorn, popped; of cheese,
    shredded (or grated), as cheese is measured by the cup."""
    description = name.portion.description.lower()
    if cheese and re.search(r"\b(shredded|grated)\b", description):
        return -1
    return 1 if _UNUSUAL_VOLUME.search(description) else 0


_USUAL_SIZE = re.compile(r"\b(standard|regular|medium|nfs)\b")


def _usual_size(portion: Portion, word: str) -> bool:
    """'1 standard can', '1 scoop, NFS': USDA's usual one of that measure (not 'scoop Gold Standard')."""
    description = portion.description.lower()
    word = re.escape(word)
    usual = rf"\b(standard|regular|medium)\s+{word}|\b(standard|regular)\s+[a-z]+\s+{word}|\b{word}, nfs\b"
    return bool(re.search(usual, description))  # 'regular microwave bag'; not 'medium single serving bag'


def _serving(food: Food) -> Portion | None:
    """The food's own measure named as a serving ('1 order' of nachos, '1 serving'), if any."""
    served = (p for p in food.portions if canonical_unit(p.description.split(",")[0]) in _SERVING_WORDS)
    return next(served, None)


def _size_taken(food: Food, word: str | None, quantity: float, converted: Conversion) -> str | None:
    """When USDA has several sizes of the measure said ('1 slice (4-2/3" dia)', '1 slice (3-1/2"
    dia)'), which one was taken: an assumption, said."""
    if word is None or word in MASS_G or word in VOLUME_ML or word in SIZES:  # 'small' says the size
        return None
    if _USUAL_SIZE.search((converted.portion or "").lower()):  # 'medium or regular slice': the usual one
        return None
    named = named_after(food, word)
    sizes = {p.grams_each for p in food.portions if _head_word(p) == word or p in named}
    low, high = (min(sizes), max(sizes)) if sizes else (0.0, 0.0)
    if len(sizes) < 2 or high <= 1.25 * low:
        return None
    each = converted.grams / quantity
    return f"a {word} taken as {each:g} g (USDA has {len(sizes)} sizes, {low:g} to {high:g} g)"


def _head_word(portion: Portion) -> str:
    return canonical_unit(re.split(r"[,(]", portion.description)[0])


def has_measure(food: Food, word: str) -> bool:
    """Does USDA measure the food by this word ('can': '1 can or bottle (12 fl oz)')?"""
    return bool(named_after(food, word))


def named_after(food: Food, word: str) -> list[Portion]:
    """The measures of the food named by this word ('medium' of 'medium fast food order')."""
    return [p for p in food.portions if word in re.findall(r"[a-z]+", p.description.lower())]


# Containers whose usual size (CONTAINERS) is a drink's: never assumed for a food that is not one
_DRINK_CONTAINERS = frozenset(
    {"glass", "mug", "bottle", "can", "carton", "shot", "tall", "grande", "venti", "mason jar"}
)


_SOUP_MUG = "a mug taken as 12 fl oz, 1.5 cups: a mug of soup"
_SPREAD = re.compile(r"\b(butter|spread|paste|tahini|hummus|jam|jelly|cream cheese)\b")
_SPREAD_SCOOP = "a scoop of a spread taken as 2 tbsp: a spoonful, not an ice-cream scoop"
_PLATE_CUPS = 2.0
_PLATE = "a plate taken as 2 cups: a dinner plate of pasta, rice or a mixed dish"
_NOODLE_BOWL_CUPS = 2.0
_NOODLE_BOWL = "a big bowl taken as 2 cups: a pho or ramen bowl, bigger than a cereal bowl"
_HANDFUL_CUPS = 0.5
_HANDFUL = "a handful taken as 1/2 cup: of berries, grapes or cherry tomatoes"
_FOOD_CAN_CUPS = 1.5
_FOOD_CAN = "a can taken as 1.5 cups: a standard 15 oz can, drained"
_DRINK_WORDS = frozenset({"milk", "juice", "drink", "beverage", "water", "soymilk"})


_SNACK_KCAL = 250.0  # kcal per 100 g: nuts, chips, crackers, candy, jerky, seasoning mixes; no drink or dish


def _a_dry_snack(food: Food) -> bool:
    """Is the food dry and dense, as what comes in a snack packet is (peanuts 590 kcal per 100 g, jerky
    410; not natto, 211, nor a ramen bowl, 127)?"""
    kcal = food.kcal_per_100g
    return kcal is not None and kcal >= _SNACK_KCAL and not is_drink(food)


def _noodle_soup(food: Food) -> bool:
    """Pho or ramen as the survey has them (its 'Ramen and Asian broth-based soups'), served by the
    big bowl; not miso or egg drop soup of the same group, nor SR28's dry ramen."""
    named = re.search(r"\b(pho|ramen)\b", food.description.lower()) is not None
    return named and food.food_group == "Ramen and Asian broth-based soups"


def _has_cups(food: Food) -> bool:
    return any(n.head in VOLUME_ML for n in _portion_names(food))


def _is_fresh_produce(food: Food) -> bool:
    """Fresh fruit or vegetables (SR28's groups, FNDDS's codes 6 and 7), not dried, juice or chips."""
    survey = food.table == FNDDS and food.food_id[:1] in "67"
    produce = food.food_group in ("Fruits and Fruit Juices", "Vegetables and Vegetable Products") or (
        survey and food.food_id[:2] not in ("62", "64")  # not dried fruit, not juice
    )
    return produce and not _NOT_FRESH.search(food.description.lower())


_NOT_FRESH = re.compile(
    r"\b(dried|dehydrated|juice|chips?|fries|fried|candied|powder|raisins?|prunes?|dates?)\b"
)


def _is_soup(food: Food) -> bool:
    return bool(_SOUP.search(food.description.lower()))


_SOUP = re.compile(r"\b(soup|broth|chowder|bisque|stew|chili|gumbo|bouillon)\b")
_POURED = re.compile(r"\b(mush|porridge|gruel|atole|sauce|gravy|smoothie|shake|tea)\b")
_WATER_G_PER_ML = 1.0  # a soup, a stew, a drink or a mush weighs about what water does


def _pours(food: Food) -> bool:
    """A food served by the cup that weighs about what water does: a drink, a soup or stew, a mush."""
    if food.magnesium_mg_per_100g is None:  # (no guess of weight for what magcalc cannot count anyway)
        return False
    name = food.description.lower().split(",")[0].split(" with ")[0]  # not 'Chicken with ... cheese sauce'
    return is_drink(food) or _is_soup(food) or bool(_POURED.search(name))


def _is_chocolate(food: Food) -> bool:
    """'Chocolate, dark, ...', 'Candies, chocolate, ...', 'Milk chocolate candy bar'."""
    name = food.description.lower()
    return "chocolate" in name.split(",")[0] or name.startswith("candies, chocolate")


def _is_coffee(food: Food) -> bool:
    return bool({"coffee", "espresso"} & set(re.findall(r"[a-z]+", food.description.lower())))


def _the(why: str) -> str:
    return why if why.startswith(("a ", "an ", "the ")) else f"the {why}"


def is_drink(food: Food) -> bool:
    """A beverage, milk or juice: the survey's drink codes (milk 11, citrus juice 612, other juice 64,
    beverages 92 to 95; not 91, its sugars and sweets: an ounce of chocolate candy is by weight), SR28's
    beverages, or a food whose name says it is milk, juice or a drink. A yogurt is none ('Yogurt,
    Greek, whole milk': a 6 oz cup weighs 170 g), unless it says it is liquid or a drink."""
    lowered = food.description.lower()
    if lowered.startswith("yogurt") or (food.table == FNDDS and food.food_id.startswith("114")):
        return bool(re.search(r"\b(?:liquid|drink|drinkable)\b", lowered))
    if food.table == FNDDS:
        return food.food_id.startswith(("11", "612", "64", "92", "93", "94", "95"))
    # the word must end a part of the name: 'Milk, reduced fat' and 'Orange juice' are drinks,
    # 'Candies, milk chocolate' is not
    parts = (re.findall(r"[a-z]+", part) for part in food.description.lower().split(","))
    ends = {words[-1] for words in parts if words}
    return food.food_group == "Beverages" or bool(ends & _DRINK_WORDS)


_CUT_FROM_A_WHOLE = frozenset({"slice", "piece", "square"})
# 'square cornbread (8" pan)', 'cake square (average weight of whole item)': the whole pan or cake
_WHOLE_BAKE = re.compile(r'"\s*pan\)|whole item')


def _cut_from_a_whole(food: Food, quantity: float, word: str, words: str) -> Measured:
    """A square, slice or piece of a dish USDA measures by none of them: its piece (a square of
    cornbread), else the survey's typical portion (a slice of noodle kugel), shown as the assumption
    it is (a thin slice weighs less)."""
    if word == "square":
        with contextlib.suppress(UnitError):
            converted = to_grams(food, quantity, "piece", words)
            why = f"a square taken as USDA's piece, {_grams(converted.grams / quantity)} g"
            return Measured(converted.grams, converted.portion, why, stand_in=True)
    typical = food.portion(QUANTITY_NOT_SPECIFIED)
    if typical is None or is_drink(food) or _is_soup(food):  # no slice of a soup or a drink
        raise UnitError(f"USDA gives no {word} for {_name(food)}")
    why = f"a {word} taken as the survey's typical portion, {typical.grams:g} g"
    return Measured(checked_grams(quantity * typical.grams), _measure(typical), why, stand_in=True)


def _nearest_container(food: Food, word: str | None) -> Portion | None:
    """Of several measures named after a container ('can or bottle (12 fl oz)', 'bottle (40 fl oz)'),
    the one nearest to the usual size of that container (CONTAINERS); None unless there are several."""
    if word not in CONTAINERS:
        return None
    names = _portion_names(food)
    parts = {n.portion for n in names if _a_part_of_another(n, names, "")}  # ramen's flavor packet
    named = [
        p for p in named_after(food, word) if not _WHOLE_BAKE.search(p.description.lower()) and p not in parts
    ]
    if len(named) < 2:
        return named[0] if named and len(named_after(food, word)) > 1 else None
    usual_named = [p for p in named if _usual_size(p, word)]
    if usual_named:  # 'scoop, NFS'; 'small can', 'standard can', 'large can': USDA's own usual one
        return min(usual_named, key=lambda p: "nfs" not in p.description.lower())
    typical = food.portion(QUANTITY_NOT_SPECIFIED)
    survey = [p for p in named if typical is not None and p.grams_each == typical.grams]
    if len(survey) == 1:  # the size the survey takes when none is said: an energy drink's 16 fl oz can
        return survey[0]
    amount, unit, _why = CONTAINERS[word]
    usual = amount * (VOLUME_ML.get(unit) or MASS_G.get(unit) or 1.0)  # ml, taken as grams
    return min(named, key=lambda p: abs(p.grams_each - usual))


def _size_rank(description: str) -> int:
    """Medium or regular first, then a measure with no size, then the small and large ones."""
    lowered = description.lower()
    if re.search(r"\b(medium|regular)", lowered):
        return 0
    return 2 if _ODD_SIZES.search(lowered) or re.search(r"\b(tiny|jumbo)\b", lowered) else 1


_UNLIKELY_MANY = 4.0  # a count of items this many times the survey's usual amount is a count of pieces
_PACKED = re.compile(r"\b(pouch|bag|package|box|packet)\b")  # an item that holds pieces
_CUT_INTO = re.compile(r"^(slice|piece)\b")  # what a whole is cut into


def _pieces_of_a_whole(food: Food, item: Portion, unsaid: Portion, words: str) -> Portion | None:
    """'6 tostones' are 6 slices of plantain, not 6 whole ones (1,350 g): when the food's item is a
    whole bigger than the survey's usual helping and the words do not name it, a count of many is of
    its slices or pieces."""
    said = {_singular(w) for w in re.findall(r"[a-z]+", words.lower())}
    if item.grams_each <= unsaid.grams or said & {*_portion_words(item), *_food_nouns(food)}:
        return None  # ('3 dill pickle spears', '4 plantains': what was said is counted)
    cuts = [p for p in _single_items(food) if _CUT_INTO.search(p.description.lower())]
    smaller = [p for p in cuts if p.grams_each * 2 <= item.grams_each]
    return max(smaller, key=lambda p: p.grams_each) if smaller else None


def _counted_in_pieces(food: Food, quantity: float, item: Portion, words: str = "") -> Portion | None:
    """'10 m&ms' are 10 pieces (2 g), not 10 regular pouches (450 g, ten times what people eat at once):
    when a count of the food's item is far above its typical portion and USDA weighs a piece of it,
    and the words do not name the item ('10 bags of m&ms')."""
    unsaid = food.portion(QUANTITY_NOT_SPECIFIED)
    if unsaid is None or quantity * item.grams_each < _UNLIKELY_MANY * unsaid.grams:
        return None
    if not _PACKED.search(item.description.lower()):  # ('1 pepper' is one pepper: the item is no package)
        return _pieces_of_a_whole(food, item, unsaid, words)
    pieces = [p for p in _single_items(food) if p.description.lower() == "piece"]
    if len(pieces) != 1 or pieces[0].grams_each * 2 > item.grams_each:
        return None
    return pieces[0]


_VOLUME_MEASURE = re.compile(r"(?:cups?|tbsp|tsp|fl oz)\b")  # a common portion that is a volume
COMMON_PORTION = "a common portion"


def _one_said(food: Food, words: str) -> Portion | None:
    """The food's whole item ('large' of an egg, a 'muffin'), when its noun is said in the singular."""
    item = item_portion(food, words)
    nouns = _food_nouns(food)
    whole = item is not None and (item.description.split()[0] in SIZES or _head_word(item) in nouns)
    plural = any(_singular(w) in nouns and _singular(w) != w for w in re.findall(r"[a-z]+", words.lower()))
    return item if whole and not plural else None


_A_CUT = re.compile(r"\b(wedge|slice|piece|section|\d+/\d+ of)\b")
_WHOLE_NAMED = re.compile(r"\b(whole|melon|pie|pizza|loaf|cake|head)\b")


def whole_of(food: Food, item: Portion) -> Portion | None:
    """The whole that the food's usual item is cut from ('medium melon' of a cantaloupe's 'medium
    wedge/slice', 'pie 12\" diameter' of a pizza's 'slice 1/4 of pie'), when USDA weighs one."""
    if not _A_CUT.search(item.description.lower()):
        return None
    wholes = [
        p for p in _single_items(food)
        if p.grams_each > item.grams_each and _WHOLE_NAMED.search(p.description.lower())
        and not _A_CUT.search(p.description.lower())
    ]  # fmt: skip
    return _the_usual(wholes) if wholes else None


def _of_the_whole(quantity: float, whole: Portion, said: str, instead: str) -> Measured:
    """`quantity` of the whole a food's item is cut from, said so ('0.5 of 1 medium melon, 550 g; not
    of 1 medium wedge/slice')."""
    grams = checked_grams(quantity * whole.grams_each)
    why = f"{said} {whole.description}, {_grams(whole.grams_each)} g; not {instead}"
    return Measured(grams, _measure(whole), why)


def typical_portion(food: Food) -> tuple[Portion, str] | None:
    """What a person means by the food with no amount: FNDDS's 'Quantity not specified' weight,
    else a common portion (knowledge.common_portion)."""
    unspecified = food.portion(QUANTITY_NOT_SPECIFIED)
    if unspecified is not None:
        return unspecified, "typical portion (FNDDS)"
    from magcalc.knowledge import common_portion

    common = common_portion(food)
    if common is None:
        return None
    return common, COMMON_PORTION


_SIZE_SPAN = 2.5  # a large one of a measure weighs at most this many times a regular one
# Household measures a size said before them is of ('a large slice', 'a small bowl of rice'): the
# phrase keeps the size with the measure, and `measure` finds the food's measure of that size
SIZED_MEASURES = frozenset(
    {"slice", "piece", "wedge", "strip", "stick", "bar", "square", "bowl", "glass", "mug", "plate", "scoop",
     "handful", "serving", "bottle", "can", "jar", "box", "bag", "packet", "pack", "package", "pouch",
     "container", "carton", "tub", "cup"}
)  # fmt: skip


def _size_of_a_measure(food: Food, quantity: float, size: str, words: str) -> Measured | None:
    """'a large slice of bread', '2 small slices of pizza': the size is of the measure said after it
    (USDA's 'large or thick slice' of bread, its 'piece, small pizza'), never of the whole food (a
    large pizza, 954 g); of a measure USDA has in several sizes but names none so, the largest or
    the smallest ('a large box of raisins'); of one it has in one size, that size, said. None when
    the words name no measure after the size, or one that neither USDA nor magcalc has for the food;
    UnitError when the food lacks a cup or a container magcalc has a usual size of."""
    said = words.lower().split()
    if len(said) < 3 or said[1] != "of":
        return None
    inner = canonical_unit(said[0])
    if inner in SIZES or not (inner in VOLUME_ML or inner in SIZED_MEASURES or inner in CONTAINERS):
        return None
    rest = " ".join(said[2:])
    with contextlib.suppress(UnitError):  # USDA's own measure of that size: 'large or thick slice'
        converted = to_grams(food, quantity, f"{size} {inner}", rest)
        if size in (converted.portion or "").lower():
            return Measured(converted.grams, converted.portion, None)
    try:
        measured = measure(food, quantity, inner, f"{size} {rest}")  # 'piece, small pizza'
    except UnitError:
        if inner in CONTAINERS or inner in VOLUME_ML:  # 'a small bowl of oatmeal' is no small slice of
            raise  # oatmeal bread: a food with no bowl is none of it
        return None  # 'a small jar of peanut butter': USDA has no jar of it; its small, as said
    if size in (measured.portion or "").lower():
        return measured
    alike = [p for p in named_after(food, inner) if p.grams_each > 0]
    if inner in _CUT_FROM_A_WHOLE:  # a large square of cornbread is no 'square cornbread (8" pan)'
        alike = [p for p in alike if not _WHOLE_BAKE.search(p.description.lower())]
    if size != "medium" and len({p.grams_each for p in alike}) > 1:
        chosen = (max if size == "large" else min)(alike, key=lambda p: p.grams_each)
        which = "largest" if size == "large" else "smallest"
        why = f"{size} {inner}: the {which} of USDA's {len(alike)} sizes, {_grams(chosen.grams_each)} g"
        return Measured(checked_grams(quantity * chosen.grams_each), _measure(chosen), why)
    with contextlib.suppress(UnitError):  # 'a large piece of fish': its 'large fillet' (135 g), a piece
        whole = to_grams(food, quantity, size, rest)  # larger than its usual one; never 'large pizza',
        near = measured.grams < whole.grams <= _SIZE_SPAN * measured.grams if size == "large" else (
            measured.grams > whole.grams >= measured.grams / _SIZE_SPAN)  # 954 g, the whole of a slice
        if near and size in (whole.portion or "").lower():
            return Measured(whole.grams, whole.portion, f"{size} {inner} taken as USDA's {size} one")
    unsized = f"{size} {inner}: USDA has no sizes of it, taken as {_grams(measured.grams / quantity)} g"
    # (the measure said is the food's, or magcalc's usual one: not a reason to take another food)
    return Measured(measured.grams, measured.portion, "; ".join(filter(None, [measured.assumed, unsized])))


def measure(food: Food, quantity: float | None, unit: str | None, words: str = "") -> Measured:
    """Grams of `food` for what was said: a quantity and unit, a count ('2 eggs'), a household word
    ('a glass of'), or nothing at all. Every assumption is said in `assumed`."""
    if unit is not None and "," in unit:  # an app's 'cup, diced' is USDA's 'cup, diced' where it has one,
        head, _, said = unit.partition(",")  # else its cup ('oz, whole' of almonds, 'cup, dry' of oats)
        try:
            return _measure_said(food, quantity, unit, words)
        except UnitError:
            if not head.strip():
                raise
            return _measure_said(food, quantity, head.strip(), f"{words} {said.strip()}".strip())
    return _measure_said(food, quantity, unit, words)


def _measure_said(food: Food, quantity: float | None, unit: str | None, words: str = "") -> Measured:
    if unit is not None and quantity is not None and canonical_unit(unit) == "oz" and is_drink(food):
        # '16 oz latte': a drink is poured by volume (the cup, the can and the bottle say fl oz)
        by_volume = measure(food, quantity, "fl oz", words)
        return Measured(by_volume.grams, by_volume.portion, "oz of a drink taken as fl oz")
    if (
        quantity is None
        and (packaged := _packaged(food, words) or _called(food, words)) is not None
        and not _said_plural(packaged, words)  # 'fish sticks': a helping of them, not one stick
    ):
        grams = checked_grams(packaged.grams_each)  # 'applesauce pouch': one of its pouches; 'corn on the
        return Measured(  # cob': one ear
            grams, _measure(packaged), f"no amount: 1 {packaged.description}, {_grams(grams)} g"
        )
    said = words.lower().split()
    size = canonical_unit(said[0]) if said else ""  # 'med fries': a medium one
    if quantity is None and len(said) > 1 and size in _SAID_SIZES:  # 'large coffee': one large one
        with contextlib.suppress(UnitError):
            one = measure(food, 1.0, size, words)
            if not one.stand_in:
                return Measured(one.grams, one.portion, f"no count: one {size}, {_grams(one.grams)} g")
    if quantity is None:
        typical = typical_portion(food)
        if typical is None:
            raise UnitError(f"no amount given for {_name(food)}, and it has no typical portion; give one")
        portion, why = typical
        # 'hard boiled egg': one egg (50 g), not a cup of chopped ones (136 g)
        volume = why == COMMON_PORTION and _VOLUME_MEASURE.match(portion.description.lower())
        # (not a sliver of it: one enoki stem, 3 g, is no helping of enoki)
        if volume and (item := _one_said(food, words)) is not None and item.grams_each >= portion.grams / 4:
            portion, why = item, f"one {item.description}"
        grams = checked_grams(portion.grams)
        label = _measure(portion)
        return Measured(grams, label, f"no amount: {why}, {_grams(portion.grams)} g")
    check_amount(quantity, quantity)
    word = canonical_unit(unit) if unit else None
    if word in SIZES and (sized_measure := _size_of_a_measure(food, quantity, word, words)) is not None:
        return sized_measure  # 'a small slice of cheese pizza': a slice, not a small pizza
    size, _, inner = (word or "").partition(" ")
    if size in SIZES and (inner in SIZED_MEASURES or inner in VOLUME_ML):  # 'pizza, 2, large slice'
        sized_measure = _size_of_a_measure(food, quantity, size, f"{inner} of {words}")
        return sized_measure or measure(food, quantity, size, words)  # 'small jar': USDA has none
    if word in _SERVING_WORDS and (served := _serving(food)) is not None:  # 'a plate of nachos': its order
        grams = checked_grams(quantity * served.grams_each)
        served_as = f"a {word} taken as {served.label}, {_grams(served.grams_each)} g"
        return Measured(grams, _measure(served), served_as)
    if word == "bowl" and _noodle_soup(food):  # 'a bowl of pho': a restaurant bowl, 2 cups
        converted = to_grams(food, quantity * _NOODLE_BOWL_CUPS, "cup", words)  # (magcalc's, not USDA's:
        return Measured(converted.grams, converted.portion, _NOODLE_BOWL, stand_in=True)  # no other soup's)
    counted = unit is not None and word not in MASS_G | VOLUME_ML and word not in SIZES
    if counted and unit and _by_its_own_noun(food, unit):  # 'bagel, 1, bagel': one bagel, not a 46 g
        return measure(food, quantity, None, words)  # Bagel Thin; 'cookie, 2, cookies' ('cooky')
    if word == "piece" and _a_whole_fruit(food):  # 'clementines, 3, pc': a piece of fruit is one fruit,
        whole = measure(food, quantity, None, words)  # not a section of one (8 g)
        return Measured(whole.grams, whole.portion, f"a piece of fruit taken as one fruit; {whole.assumed}")
    if word == "inch" and (sub := _of_inches(list(food.portions), round(quantity))) is not None:
        return Measured(checked_grams(sub.grams_each), _measure(sub), None)  # 'subway turkey sub, 6, inch'
    if word == "plate" and _has_cups(food):  # 'a plate of pad thai': a dinner plate, 2 cups
        converted = to_grams(food, quantity * _PLATE_CUPS, "cup", words)
        return Measured(converted.grams, converted.portion, _PLATE)
    if word is None or word in _SERVING_WORDS:
        item = item_portion(food, words) if word is None else None
        if item is not None and _sized_drink(food, item):
            item = None  # '2 coffees': two typical cups, not two 'medium' (16 fl oz) servings
        if item is not None and word is None and (piece := _counted_in_pieces(food, quantity, item, words)):
            grams = checked_grams(quantity * piece.grams_each)
            why = (f"each: 1 {piece.description}, {_grams(piece.grams_each)} g ({quantity:g} of its "
                   f"{item.description} would be {_grams(quantity * item.grams_each)} g)")  # fmt: skip
            return Measured(grams, _measure(piece), why)
        cut_from = whole_of(food, item) if item is not None and word is None and quantity < 1 else None
        if item is not None and cut_from is not None:  # 'half a cantaloupe': of the melon, not of a wedge
            return _of_the_whole(quantity, cut_from, f"{quantity:g} of 1", f"of 1 {item.description}")
        if item is not None:
            grams = checked_grams(quantity * item.grams_each)
            return Measured(grams, _measure(item), f"each: 1 {item.description}, {_grams(item.grams_each)} g")
        if word is None and _cut_piece(food, _single_items(food), words) is _NO_PIECE:  # '4 apple wedges'
            cut = _cut_said(food, words)  # are no 4 apples
            raise UnitError(f"USDA has no single {cut} of {_name(food)}: give the amount in grams or cups")
        unspecified = food.portion(QUANTITY_NOT_SPECIFIED)  # '2 coffees': two of the survey's usual one
        if unspecified is not None and (word is not None or len(food.portions) > 1):
            grams = checked_grams(quantity * unspecified.grams)
            return Measured(
                grams, _measure(unspecified), f"each: typical portion (FNDDS), {unspecified.grams:g} g"
            )
        drink = any(p.description.lower().startswith("fl oz") for p in food.portions)
        if (word is not None or drink) and (common := typical_portion(food)) is not None:
            portion, why = common  # '2 servings'; '2 coffees': two cups; never '3 meatballs' as 3 cups
            return Measured(checked_grams(quantity * portion.grams), _measure(portion), f"each: {why}")
    if word is None:  # a count of a food with no single item and no typical portion
        only = food.portions[0] if len(food.portions) == 1 else None
        head = canonical_unit(re.split(r"[,(]", only.description, maxsplit=1)[0]) if only else ""
        if only is None or head in MASS_G or head in VOLUME_ML:  # '3 meatballs' is not 3 cups
            raise UnitError(f"no unit given for {_name(food)}, and USDA has no single item of it; "
                            f"its units: {', '.join(available_units(food))}")  # fmt: skip
        grams = checked_grams(quantity * only.grams_each)
        return Measured(grams, _measure(only), f"each: {only.label}, {_grams(only.grams_each)} g")
    sized = _nearest_container(food, word)
    if sized is not None:  # 'a bottle of beer' when USDA has 12, 16 and 40 fl oz bottles: the usual one
        standard = _usual_size(sized, word or "")
        unsaid = food.portion(QUANTITY_NOT_SPECIFIED)
        surveyed = unsaid is not None and sized.grams_each == unsaid.grams and not standard
        usual = f"nearest the usual {word}"
        usual = "its usual one" if standard else "the survey's usual one" if surveyed else usual
        sizes = f"USDA has {len(named_after(food, word or ''))} sizes; {usual}"
        return Measured(checked_grams(quantity * sized.grams_each), _measure(sized),
                        f"a {word} taken as {sized.label} ({sizes})")  # fmt: skip
    try:
        converted = to_grams(food, quantity, unit, words)
        measured = Measured(converted.grams, converted.portion, _size_taken(food, word, quantity, converted))
        return _in_the_shell(food, quantity, word or "", words, measured)
    except UnitError:
        item = item_portion(food, words) if word == "whole" else None
        if item is not None and (cut_from := whole_of(food, item)) is not None:  # 'a whole cantaloupe': the
            return _of_the_whole(quantity, cut_from, "whole: 1", f"1 {item.description}")  # melon, no wedge
        if word and word not in _SIZE_WORDS and (
            _singular(word) in _food_nouns(food) or word in _ITEMS_SAID or _a_link(food, word, words)
        ):
            with contextlib.suppress(UnitError):  # '10 carrot' of 'Carrots, baby', '1 sandwich' of a Big Mac
                return measure(food, quantity, None, words)
        for other in _SAME_MEASURE.get(word or "", ()):  # a slice of pizza is USDA's piece
            with contextlib.suppress(UnitError):
                converted = to_grams(food, quantity, other, words)  # (of several sizes, which: said)
                taken = _size_taken(food, other, quantity, converted)
                return Measured(converted.grams, converted.portion, taken)
        item = item_portion(food, words) if word in SIZES else None
        if item is not None and is_drink(food) and re.search(r"yield|juice box", item.description.lower()):
            # 'large oj': a large drink, not the juice a large orange yields (86 g) nor a juice box: a
            # cup, said so
            cup = to_grams(food, quantity, "cup", words)
            why = f"a {word} taken as 1 cup (USDA has no sizes of this drink)"
            return Measured(cup.grams, cup.portion, why, stand_in=True)
        typical = typical_portion(food) if item is not None and item.grams_each <= _BITE_G else None
        if item is not None and typical is not None and typical[0].grams >= 4 * item.grams_each:
            # 'medium tots': a bite (one tot, 8 g) is no size of a serving of them; the usual serving
            portion, why = typical
            return Measured(checked_grams(quantity * portion.grams), _measure(portion),
                            f"a {word} taken as {_the(why)}, {portion.grams:g} g (USDA has no sizes of it)",
                            stand_in=True)  # fmt: skip
        if item is not None:  # '3 large scrambled eggs'
            alike = [p for p in food.portions if p.description.split()[:1] == item.description.split()[:1]]
            if word != "medium" and len({p.grams_each for p in alike}) > 1:
                # two of one name by their size in inches ('fruit 2-1/4" high', 'fruit 3-3/8" high'):
                # a large one is the larger, a small one the smaller
                item = (max if word == "large" else min)(alike, key=lambda p: p.grams_each)
                which = "largest" if word == "large" else "smallest"
                why = f"{word}: the {which} of USDA's {len(alike)} sizes, {_grams(item.grams_each)} g"
                return Measured(checked_grams(quantity * item.grams_each), _measure(item), why)
            why = f"{word}: USDA has no sizes of it; 1 {item.description}, {_grams(item.grams_each)} g"
            return Measured(checked_grams(quantity * item.grams_each), _measure(item), why, stand_in=True)
        item = item_portion(food, words) if word == "piece" else None
        if item is not None and item.grams_each <= _PIECE_MAX_G and _head_word(item) not in _WHOLES:
            why = f"a piece taken as 1 {item.description}, {_grams(item.grams_each)} g"  # '4 pieces falafel'
            own = _singular(_head_word(item)) in _food_nouns(food)  # '6 pc nuggets': a nugget is the piece
            return Measured(checked_grams(quantity * item.grams_each), _measure(item), why, stand_in=not own)
        if word in (*SIZES, "regular") and (typical := typical_portion(food)) is not None:
            portion, why = typical  # 'medium fries', 'a small salad' when USDA has no sizes: the usual amount
            return Measured(checked_grams(quantity * portion.grams), _measure(portion),
                            f"a {word} taken as {_the(why)}, {portion.grams:g} g", stand_in=True)  # fmt: skip
        if word == "piece" and _is_chocolate(food):  # a piece of a chocolate bar is a square of it
            grams = checked_grams(quantity * CONTAINERS["square"][0])
            why = "a piece taken as a square, 10 g: one square of a 100 g chocolate bar"
            return Measured(grams, None, why, stand_in=True)
        if word in _CUT_FROM_A_WHOLE and not _is_chocolate(food):
            with contextlib.suppress(UnitError):  # 'a square of cornbread', 'a slice of kugel'
                return _cut_from_a_whole(food, quantity, word, words)
        if word in VOLUME_ML and _pours(food) and not any(n.head in VOLUME_ML for n in _portion_names(food)):
            # 'a cup of blue corn mush' of SR28's Navajo mush, weighed only in grams: a cup of water's weight
            grams = checked_grams(quantity * VOLUME_ML[word] * _WATER_G_PER_ML)
            why = f"USDA gives no volume of it: taken as water weighs, {grams / quantity:.0f} g per {word}"
            return Measured(grams, None, why, stand_in=True)
        if word not in CONTAINERS:
            raise
        if word == "shot" and _is_coffee(food):  # a shot of espresso is a single, 1 fl oz
            converted = to_grams(food, quantity, "fl oz", words)
            single = "a shot taken as 1 fl oz (a single espresso)"
            return Measured(converted.grams, converted.portion, single, stand_in=True)
        if word == "can" and not is_drink(food):  # a can of beans or soup: the standard 15 oz can
            converted = to_grams(food, quantity * _FOOD_CAN_CUPS, "cup", words)
            return Measured(converted.grams, converted.portion, _FOOD_CAN, stand_in=True)
        if word == "handful" and _is_fresh_produce(food):  # a handful of grapes is no ounce of nuts
            converted = to_grams(food, quantity * _HANDFUL_CUPS, "cup", words)
            return Measured(converted.grams, converted.portion, _HANDFUL, stand_in=True)
        if word == "scoop" and _SPREAD.search(food.description.lower().split(",")[0]):  # a scoop of peanut
            converted = to_grams(food, quantity * 2, "tbsp", words)  # butter is no 1/2 cup of ice cream
            return Measured(converted.grams, converted.portion, _SPREAD_SCOOP, stand_in=True)
        if word == "mug" and _is_soup(food):  # a mug of soup: 12 fl oz, as of a hot drink
            converted = to_grams(food, quantity * CONTAINERS["mug"][0], "fl oz", words)
            return Measured(converted.grams, converted.portion, _SOUP_MUG, stand_in=True)
        if word in ("packet", "pack") and not _a_dry_snack(food):  # a pack of beer, or of a ramen bowl,
            raise UnitError(f"USDA gives no {word} for {_name(food)}, and magcalc's usual {word} is a "
                            "dry snack's; give the amount in cups, ounces or grams") from None  # fmt: skip
        if word in ("grande", "venti") and not is_drink(food):  # 'grande nachos': the big one, not 16 fl oz
            large = measure(food, quantity, "large", words)
            why = "; ".join(filter(None, [f"a {word} of a food taken as a large one", large.assumed]))
            return Measured(large.grams, large.portion, why, stand_in=True)
        if word in _DRINK_CONTAINERS and not is_drink(food):  # a can of beans is no 12 fl oz soda can
            raise UnitError(f"USDA gives no {word} for {_name(food)}, and magcalc's usual {word} is a "
                            f"drink's; give the amount in cups, ounces or grams") from None  # fmt: skip
    amount, default_unit, why = CONTAINERS[word]
    converted = to_grams(food, quantity * amount, default_unit, words)
    cupful = food.portion(QUANTITY_NOT_SPECIFIED)
    espresso = cupful is not None and cupful.grams <= _ESPRESSO_CUP_G and is_drink(food)
    if word in _COFFEE_SHOP_SIZES and cupful is not None and espresso:
        # 'a grande macchiato': USDA's macchiato is served in an espresso cup (62 g); 16 fl oz of it is
        # 270 mg of magnesium, where a coffee-shop one is mostly milk: the size, as a guess
        why = (f"{why}, of {_name(food)}, which USDA serves in an espresso cup ({_grams(cupful.grams)} g): "
               "a coffee-shop one of that size is mostly milk, with less magnesium; a guess")  # fmt: skip
        return Measured(converted.grams, converted.portion, why, stand_in=True, doubtful=True)
    return Measured(converted.grams, converted.portion, why, stand_in=True)
