"""What people type -> (quantity, unit, food words). The one place a phrase is taken apart. Pure.

"2 eggs", "1 cup of cooked spinach", "half an avocado", "peanut butter 2 tbsp", "a handful of
almonds", "2 slices of cheese pizza", and several foods in one line: "2 eggs, a slice of toast and
a cup of coffee". A part that starts with a quantity starts a new food; "macaroni and cheese" and
"rice and beans" stay one food because their second half has no quantity of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from magcalc.errors import UnitError
from magcalc.matching import lean_ratios, numbered_names
from magcalc.units import (
    CONTAINERS,
    MASS_G,
    NUMBER_WORDS,
    SHORT_MEASURES,
    SIZE_SAID,
    SIZED_MEASURES,
    SIZES,
    UNIT_SPELLINGS,
    VOLUME_ML,
    canonical_unit,
    check_amount,
)

_VAGUE = frozenset({"some", "my", "the", "ate", "had", "drank", "usual"})  # words before a food, no quantity
# Supplement doses: 'magnesium citrate 2 capsules', '2 magnesium glycinate capsules'
_DOSES = frozenset(
    {"capsule", "capsules", "caps", "tablet", "tablets", "tabs", "softgel", "softgels", "caplet", "caplets",
     "pill", "pills", "gummy", "gummies"}
)  # fmt: skip

# Household words that measure a food without being a mass or volume: the food's own measure of
# that name is used, else a documented default (units.CONTAINERS).
MEASURE_WORDS = frozenset(
    [
        "slice",
        "slices",
        "piece",
        "pieces",
        "handful",
        "handfuls",
        "glass",
        "glasses",
        "bowl",
        "bowls",
        "scoop",
        "scoops",
        "square",
        "squares",
        "bottle",
        "bottles",
        "can",
        "cans",
        "mug",
        "mugs",
        "serving",
        "servings",
        "plate",
        "plates",
        "portion",
        "portions",
        "helping",
        "helpings",
        "order",
        "orders",
        "stick",
        "sticks",
        "bar",
        "bars",
        "packet",
        "packets",
        "package",
        "packages",
        "pack",
        "packs",
        "container",
        "containers",
        "cookie",
        "cookies",
        "link",
        "links",
        "fillet",
        "fillets",
        "patty",
        "patties",
        "wedge",
        "wedges",
        "sprig",
        "sprigs",
        "clove",
        "cloves",
        "leaf",
        "leaves",
        "strip",
        "strips",
        "spear",
        "spears",
        "stalk",
        "stalks",
        "shot",
        "shots",
        "pint",
        "pints",
        "jar",
        "jars",
        "box",
        "boxes",
        "bag",
        "bags",
        "pouch",
        "pouches",
        "tub",
        "tubs",
        "carton",
        "cartons",
        "large",
        "medium",
        "small",
        "jumbo",
        "extra-large",
        "regular",
        "whole",
        "each",
        "item",
        "items",
        "sandwich",
        "sandwiches",
        "pinch",
        "dash",
        "drizzle",
        "splash",
        "ear",
        "ears",
        "mini",
        "cap",
        "tab",
        *_DOSES,  # 'magnesium citrate 2 capsules'
        *CONTAINERS,  # 'a venti chai latte'
        *SHORT_MEASURES,  # '8 pcs california roll', '1 med peach'
    ]
)
# Measures that only say the size of the food's item: before a food's name with a count in its own
# column ('fun size snickers', 3), they still say the size, not the food. (Not 'large eggs', 3: a
# plain size stays with the food's words, for its item to take its size: '1 egg', 50 g.)
SIZE_MEASURES = frozenset({"mini", "miniature", "jumbo", "fun size", "king size", "snack size"})
_TWO_WORD_MEASURES = frozenset(
    {"juice box", "single serve", "small bag", "large bag", "snack bag", "fun size", "king size",
     "snack size", "mini box", "mason jar", "mason jars"}
)  # fmt: skip
# Measure words that are foods too: after 'and', 'a cookie' is another food ('oreos, 2 cookies' is not)
_FOODS_AS_MEASURES = frozenset({"cookie", "cookies", "sandwich", "sandwiches", "bar", "bars"})
_AND = frozenset({"and", "&", "+", "plus", "with"})
_JOINING = frozenset({*_AND, "n", "'n'", "or"})  # words that join two foods, never a measure to its food
_TIMES = re.compile(r"^(?:x|\u00d7)(\d+)$|^(\d+)(?:x|\u00d7)$")  # 'eggs x2', '2x eggs'
# Measure words that never name a food themselves: '2 cups' or 'a glass of' says no food.
_NOT_FOODS = frozenset(
    ["slice", "piece", "handful", "glass", "bowl", "scoop", "square", "bottle", "can", "mug", "serving",
     "packet", "pack", "container", "jar", "box", "bag", "pouch", "tub", "carton", "shot", "pinch", "dash",
     "splash", "drizzle", "portion", "helping", "plate", "order", "side"]
)  # fmt: skip
_VULGAR = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅛": "1/8", "⅜": "3/8", "⅝": "5/8",
           "⅞": "7/8"}  # fmt: skip
_NUMBER = r"\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)?"
_QUANTITY = re.compile(rf"(?P<whole>\d+)\s+(?P<frac>\d+\s*/\s*\d+)|(?P<num>{_NUMBER})")
_SPLIT = re.compile(  # a part after one of these that starts with a quantity is another food
    r"\s*(?:,|;|:|\+|&|\band\b|\bplus\b|\balso\b|\bwith\b|\bon\b|\bin\b|\binto\b|\bover\b)\s*",
    re.IGNORECASE,
)
# Words of when or where, not of a food: 'a banana before my long run', 'oatmeal for breakfast'
_CONTEXT = re.compile(
    r"\s+(?:before|after|during|for|at|around)\s+(?:my|the|our|his|her|work|school|breakfast|brunch|lunch|"
    r"dinner|supper|bedtime|night|home)\b(?:\s+(?!and\b|plus\b)[a-z]+){0,3}(?=\s*(?:[,;]|\band\b|\bplus\b|$))",
    re.IGNORECASE,
)
# Where a food sat, no food: 'toast with an egg on top', 'fries with ketchup on the side'
_ON_TOP = re.compile(r"\s+on\s+(?:the\s+)?(?:top|side)(?:\s+of\s+(?:it|that|them|this))?\b", re.IGNORECASE)
# What people add to a diary line that says no food: 'lol', 'haha', 'yum', 'omg', 'smh', emoticons
_FILLER = re.compile(
    r"(?<![\w'])(?:lol|lmao|rofl|(?:ha){2,}h?|omg|ugh+|yum+y?|jk|smh|tbh|idk|oops)(?![\w'])|[:;]-?[()DPp](?!\w)|!+",
    re.IGNORECASE,
)
_EGG_STYLES = frozenset({"easy", "medium", "hard", "well"})
# A label before a colon: 'shake: 1 scoop whey, 1 banana', 'lunch: turkey sandwich'
_LABEL = re.compile(r"^\s*[a-z][a-z' -]{0,30}:\s*(?=\S)", re.IGNORECASE)
# A meal named before its foods with no colon: 'keto lunch 3 eggs, ...', 'breakfast was 2 eggs',
# 'dinner - chicken and rice' (not 'breakfast burrito', 'lunch meat' or 'dinner roll': a quantity or a
# dash must follow)
_MEAL_LABEL = re.compile(
    r"^\s*(?:[a-z'-]+\s+){0,2}?(?:breakfast|brunch|lunch|dinner|supper|snacks?|dessert|meal|"
    r"(?:pre-?|post-?)?workout)(?:\s+(?:was|were|is|today|tonight))?"
    r"(?:\s*[-\u2013=]\s*|\s+(?=(?:\d|½|¼|¾|(?:a|an|one|two|three|four|five|six|half|some)\s)))",
    re.IGNORECASE,
)
_PBJ = re.compile(r"\bp\.?b\.?\s*(?:&|\+|\band\b|\bn\b)\s*j\b", re.IGNORECASE)
_COUNT_WORD = re.compile(r"\b(\d+)[\s-]*(?:ct|count)\b\s*")  # 'chick fil a 8 ct nuggets', '12-count'
_REMARK = re.compile(r"\s*\([^()]*\)")  # '(single serve container)', '(8.4 fl oz)': no food
_COUNT_IN_BRACKETS = re.compile(r"(?P<food>[^()]+?)\s*\((?P<amount>\d[^()]*)\)\s*$")
# Words after an app's measure that say how the food was cooked, not how it was cut ('1 medium, baked')
_STATES = frozenset(
    {"baked", "boiled", "roasted", "grilled", "fried", "steamed", "cooked", "raw", "dry", "uncooked",
     "broiled", "sauteed", "poached", "scrambled", "toasted", "canned", "frozen", "prepared"}
)  # fmt: skip
_EXPORTED = re.compile(  # an app's 'food - amount unit, how cut' ('watermelon, fresh - 2 cup, diced')
    rf"(?P<food>.+?)\s+-\s+(?P<qty>\d+\s+\d+\s*/\s*\d+|{_NUMBER})\s*(?P<unit>[a-z][a-z .]*,[a-z ,]+)"
)
_TRAILING = re.compile(rf"(?:^|\s)(?P<qty>{_NUMBER}|\d+\s+\d+\s*/\s*\d+)\s*(?P<unit>[a-z][a-z .]*)?$")


@dataclass(frozen=True, slots=True)
class Phrase:
    """One food of a phrase: how much (None: not said), in what (None: a count or nothing), of what."""

    quantity: float | None
    unit: str | None
    food: str
    text: str  # the words this food was read from
    # read as one of several foods, where the amount said may be of them all, one dish magcalc lacks
    # ('1 cup shrimp and grits'): the split is a guess
    together: bool = False


def _number(text: str) -> float:
    text = text.strip()
    for char, fraction in _VULGAR.items():
        text = re.sub(rf"(\d)\s*{char}", rf"\1 {fraction}", text).replace(char, fraction)
    parts = text.split()
    value = 0.0
    for part in parts:
        if "/" in part:
            numerator, denominator = part.split("/")
            if float(denominator) == 0:
                raise UnitError(f"the amount {text!r} divides by zero")
            value += float(numerator) / float(denominator)
        else:
            value += float(part)
    check_amount(value, text)
    return value


# A size in inches before a food's name ('6 inch sub', '12" pizza', '6in'): one word, no quantity
_INCHES = re.compile(
    r"\b(\d{1,2})\s*(?:-\s*)?(?:inch(?:es)?\b|in\b(?=\s+[a-z])|\"|\u201d)(?=\s*[a-z])", re.IGNORECASE
)


def _numbered_kept(text: str) -> str:
    """Names with a number in them joined into one word: 'fiber one bar', 'two good yogurt', '7up',
    'half and half' hold no amount ('fiber-one bar', '7-up', 'half-and-half')."""
    if (named := numbered_names()) is None:
        return text
    return named.sub(lambda m: "-".join(re.split(r"[\s-]+|(?<=\d)(?=[a-z])", m[0])), text)


def _normalise(text: str) -> str:
    text = _FILLER.sub(" ", text)  # 'pickles and ice cream lol': the laugh is no food
    text = _numbered_kept(text)
    text = lean_ratios(text)  # '85/15' ground beef: no quantity
    for char, fraction in _VULGAR.items():
        text = re.sub(rf"(\d)\s*{char}", rf"\1 {fraction}", text).replace(char, f" {fraction} ")
    text = re.sub(r"(\d)\s*/\s*(\d)", r"\1/\2", text)
    text = re.sub(r"(\d)-(\d+/\d)", r"\1 \2", text)  # 1-1/2 cups
    text = re.sub(r"\b(\d+)(?:x|\u00d7)(?=\s|$)", r"\1", text)  # '2x coffee': 2 coffees
    text = _INCHES.sub(r"\1-inch", text)  # 'a 6 inch turkey sub', '12" pizza': a size, not 6 subs
    text = re.sub(r"^(?=\d{1,2}-inch\b)", "1 ", text)  # '6 inch sub': one, of that size
    text = re.sub(r"(\d)([a-z])", r"\1 \2", text)  # 30g, 2tbsp
    return " ".join(text.split())


def _leading_quantity(words: list[str]) -> tuple[float | None, int]:
    """The quantity at the start of the words and how many words it took."""
    if not words:
        return None, 0
    joined = " ".join(words[:3])
    match = _QUANTITY.match(joined)
    if match and match.end() <= len(joined) and (match.end() == len(joined) or joined[match.end()] == " "):
        taken = len(match.group(0).split())
        return _number(match.group(0)), taken
    first = words[0]
    if first in ("a", "an") and len(words) > 2 and _QUANTITY.fullmatch(words[1]):  # 'a 20 oz mountain dew'
        quantity, taken = _leading_quantity(words[1:])
        return quantity, taken + 1
    if first in ("a", "an") and len(words) > 1:
        second = words[1]
        if second in ("half", "quarter", "couple", "few", "dozen"):
            value = NUMBER_WORDS[second]
            taken = 2 + (len(words) > 2 and words[2] == "of")
            return value, taken
        return 1.0, 1
    if first == "half" and len(words) > 1 and words[1] in ("a", "an"):
        return 0.5, 2
    if first in NUMBER_WORDS and first not in ("a", "an"):
        taken = 1 + (len(words) > 1 and words[1] == "of")
        return NUMBER_WORDS[first], taken
    return None, 0


_WHOLE_FOODS = frozenset({"wheat", "grain", "grains", "milk", "foods", "food", "bean", "beans", "kernel"})


# Household words that may start a phrase with no quantity: 'cup of tea', 'bottle of beer', 'can of tuna'
_LEADING_CONTAINERS = frozenset(
    {"cup", "slice", "glass", "bowl", "handful", "bottle", "can", "mug", "packet", "pack", "box", "bag",
     "scoop", "plate", "pint", "carton", "jar", "pouch", "serving", "piece", "square", "shot", "tub",
     "grande", "venti"}
)  # fmt: skip
# Words of a serving that begin a phrase only before 'of' ('side of fries'; not 'side salad')
_SERVED = frozenset({"side", "order", "helping", "portion"})
# Household words that may end a phrase with no number ('hot chocolate mug', 'pumpkin seeds handful');
# not those that end the names of foods ('burrito bowl', 'reeses cups', 'applesauce pouch', 'juice
# box', 'granola bar'), which end a phrase as a measure only after a number word ('half cup')
_TRAILING_CONTAINERS = frozenset(
    {"handful", "mug", "glass", "plate", "serving", "carton", "scoop", "tbsp", "tsp", "oz", "grande", "venti"}
)


# Containers that, after a count, end a phrase as its measure ('1 gogo squeez applesauce pouch'); not a
# cup ('2 reeses peanut butter cups'), a bar, a bag ('1 tea bag') or a box ('1 juice box'): the names of foods
_COUNTED_IN = frozenset({"pouch", "can", "bottle", "packet", "carton", "jar", "tub", "sleeve", "container"})


def _trailing_words(rest: list[str]) -> tuple[float | None, str | None, list[str]]:
    """A household word at the end with no digits, after an optional number word: 'pumpkin seeds
    handful' (1 handful), 'black beans half cup' (0.5 cup), 'tofu half block', 'avocado half' (0.5)."""
    if len(rest) < 2:
        return None, None, rest
    last = rest[-1]
    number = NUMBER_WORDS.get(rest[-2]) if len(rest) > 2 else None
    unit = UNIT_SPELLINGS.get(last) or (last if last in MEASURE_WORDS else None)
    if last in ("half", "quarter") and rest[-2] not in NUMBER_WORDS:
        return NUMBER_WORDS[last], None, rest[:-1]
    if unit is None:
        return None, None, rest
    if number is not None and rest[-2] not in ("a", "an"):  # 'black beans half cup', 'tofu two slices'
        return number, unit, rest[:-2]
    if last not in _TRAILING_CONTAINERS and unit not in _TRAILING_CONTAINERS:
        return None, None, rest
    if rest[-2] in SIZES and len(rest) > 2:  # 'raisins small box': USDA's 'small box (1.5 oz)'
        return 1.0, f"{rest[-2]} {unit}", rest[:-2]
    return 1.0, unit, rest[:-1]


def _leading_unit(words: list[str]) -> tuple[str | None, int]:
    """A unit at the start of the words ('cup', 'fl oz', 'slices'), then an optional 'of'."""
    for size in (3, 2, 1):
        candidate = " ".join(words[:size])
        unit = UNIT_SPELLINGS.get(candidate) or UNIT_SPELLINGS.get(candidate.rstrip("."))
        if unit is None and (candidate in _TWO_WORD_MEASURES or (size == 1 and candidate in MEASURE_WORDS)):
            unit = candidate
        if size == 1 and candidate.removesuffix("s") in _SERVED and words[1:2] == ["of"]:
            unit = candidate.removesuffix("s")  # 'a side of fries' (not 'a side salad')
        if unit == "whole" and len(words) > size and words[size] in _WHOLE_FOODS:
            unit = None  # '1 whole wheat pita': whole wheat is the food's flour, not one whole of it
        after = words[size] if len(words) > size else "of"
        if candidate == "gummy" and after != "of" and not after.startswith("mag"):
            unit = None  # '10 gummy bears': the kind of candy, not a dose of bears ('2 gummy magnesium' is)
        joined = len(words) > size and words[size] in _JOINING  # '2 cookies and milk': the cookies are a
        if unit is not None and joined and candidate in _FOODS_AS_MEASURES:  # food, not milk's measure
            unit = None
        if unit is not None and len(words) > size:  # a unit needs a food after it
            taken = size + (words[size] == "of")
            if len(words) > taken:
                return unit, taken
    return None, 0


def parse_one(text: str) -> Phrase:
    """One food: '2 eggs', '1 cup of cooked spinach', 'peanut butter 2 tbsp', 'banana'."""
    cleaned = _normalise(_without_label(text.strip()).lower())  # 'snack: chips' is chips
    bracketed = _COUNT_IN_BRACKETS.fullmatch(cleaned)  # 'sushi (8 pieces)': 8 pieces of sushi
    if bracketed and _leading_quantity(bracketed["amount"].split())[0] is not None:
        cleaned = f"{bracketed['amount']} {bracketed['food']}"
    cleaned = _REMARK.sub(" ", cleaned)  # '(single serve container)': a remark, not the food
    if (counted := _COUNT_WORD.search(cleaned)) is not None and _leading_quantity(cleaned.split())[0] is None:
        cleaned = f"{counted[1]} {cleaned[: counted.start()]}{cleaned[counted.end() :]}"
    words = cleaned.split()
    times = [i for i, w in enumerate(words) if _TIMES.match(w)]
    if times and _leading_quantity(words)[0] is None:  # 'eggs scrambled x2' is 2 scrambled eggs
        match = _TIMES.match(words[times[0]])
        assert match is not None
        words = [match[1] or match[2], *words[: times[0]], *words[times[0] + 1 :]]
    if _leading_quantity(words)[0] is None:  # 'grilled 4 oz chicken breast': the amount inside
        for at in range(1, len(words) - 1):
            quantity, taken = _leading_quantity(words[at:])
            unit, used = _leading_unit(words[at + taken :]) if quantity is not None else (None, 0)
            if quantity is not None and unit is not None and words[at] not in NUMBER_WORDS:
                words = [*words[at : at + taken + used], *words[:at], *words[at + taken + used :]]
                break
    while words and words[0] in _VAGUE:
        words = words[1:]
    words = [  # 'a big glass of milk': a large glass
        SIZE_SAID[w] if w in SIZE_SAID and canonical_unit(after) in SIZED_MEASURES else w
        for w, after in zip(words, [*words[1:], ""], strict=False)
    ]
    quantity, taken = _leading_quantity(words)
    unit = None
    rest = words[taken:]
    contained = bool(rest) and (rest[0] in _LEADING_CONTAINERS or " ".join(rest[:2]) in _TWO_WORD_MEASURES)
    contained = contained or (len(rest) > 2 and rest[0] in _SERVED and rest[1] == "of")  # 'side of fries'
    contained = contained or (  # 'large glass of water'
        len(rest) > 3 and rest[0] in SIZES and rest[1] in _LEADING_CONTAINERS and rest[2] == "of"
    )
    if quantity is not None or contained:  # 'bottle of beer', 'small bag of chips'
        unit, used = _leading_unit(rest)
        rest = rest[used:]
        if unit in SIZES and len(rest) > 2 and rest[1] == "of" and canonical_unit(rest[0]) in SIZED_MEASURES:
            unit, rest = f"{unit} {canonical_unit(rest[0])}", rest[2:]  # 'a large slice of pizza': the
            # size of the slice (units knows which slices the food has), not of the pizza
    exported = _EXPORTED.fullmatch(" ".join(rest)) if quantity is None else None
    if exported is not None:  # an app's line: 'watermelon, fresh - 2 cup, diced' (its unit, with how cut)
        quantity, unit, rest = _number(exported["qty"]), exported["unit"].strip(), exported["food"].split()
        measure, _, after = unit.partition(",")
        if set(after.split()) & _STATES:  # 'potato - 1 medium, baked': how it was cooked says the food
            unit, rest = measure.strip(), [*rest, *after.split()]
    if quantity is None:  # 'peanut butter 2 tbsp', 'almonds 1 oz', 'eggs 2'
        trailing = _TRAILING.search(" ".join(rest))
        if trailing:
            tail_unit = (trailing["unit"] or "").strip()
            known = UNIT_SPELLINGS.get(tail_unit) or (tail_unit if tail_unit in MEASURE_WORDS else None)
            if known is None and re.fullmatch(r"[a-z]{3,}", tail_unit) and (
                "," in " ".join(rest) or " - " in " ".join(rest)  # ('avocado - 0.5 fruit': an app's line)
                or (tail_unit.endswith("s") and trailing.start() > 0)
            ):
                # an app's export: 'cereal, shredded wheat 2 biscuits', 'english muffin, whole wheat
                # 1 muffin'; a note: 'cheez-its 27 crackers', 'wings 6 pieces': the food's own measure
                known = tail_unit
            if not tail_unit or known:
                quantity = _number(trailing["qty"])
                unit = known
                rest = " ".join(rest)[: trailing.start()].split()
    if quantity is None and len(rest) > 1 and rest[-1] in SIZES:  # 'sweet potato, baked, medium': one
        quantity, unit, rest = 1.0, rest[-1], rest[:-1]
    if quantity is None and unit is None:  # 'pumpkin seeds handful', 'black beans half cup', 'avocado half'
        quantity, unit, rest = _trailing_words(rest)
    if quantity is not None and unit is None and len(rest) > 1 and rest[-1] in _DOSES:
        unit, rest = rest[-1], rest[:-1]  # '2 magnesium glycinate capsules': 2 capsules of it
    elif quantity is not None and unit is None and len(rest) > 1 and canonical_unit(rest[-1]) in _COUNTED_IN:
        unit, rest = rest[-1], rest[:-1]  # '1 starkist tuna creations pouch', '2 la croix cans': of the food
    food = " ".join(rest).strip(" ,.-")
    bare = food.removesuffix(" of")
    if not food or bare in UNIT_SPELLINGS or bare in _NOT_FOODS or bare.rstrip("s") in _NOT_FOODS:
        raise UnitError(f"no food named in {text.strip()!r}: say what it was, e.g. '2 cups of rice'")
    return Phrase(quantity, unit, food, text.strip())


def _without_label(text: str) -> str:
    """The words after a label ('snack: chips', 'lunch at the plant: ...', 'breakfast was 2 eggs')."""
    if (label := _LABEL.match(text)) is not None and len(label[0].split()) <= 5:  # 'lunch at the plant:'
        return text[label.end() :]
    if (meal := _MEAL_LABEL.match(text)) is not None and text[meal.end() :].strip():
        return text[meal.end() :]
    return text


def split(text: str) -> list[str]:
    """The foods of a phrase: a part that starts with a quantity starts a new food."""
    text = re.sub(r"(?<=\d),(?=\d)", ".", text.strip())  # '1,5 cups': a decimal comma, not a list
    text = _numbered_kept(text)  # 'half and half' is no list
    text = re.sub(r"\b[wW]/\s*|(?<=\s)[wW](?=\s)", "with ", text)  # 'eggs w/ toast', 'bagel w cream cheese'
    text = _CONTEXT.sub("", text)
    text = _ON_TOP.sub("", text)
    text = _PBJ.sub("pbj", text)  # '1/2 pb&j' is half a sandwich, not peanut butter and a jelly
    text = re.sub(r"(?<=\s)'?[nN]'?(?=\s)", "and", text)  # 'eggs n toast', "mac 'n' cheese"
    text = _without_label(text)
    # each part with the separators before it ('corn, and frybread': ', ' and 'and ' before 'frybread');
    # separators before the first part stay in it
    pieces: list[str] = []
    separators: list[str] = []
    pending = ""
    for at, token in enumerate(re.split(f"({_SPLIT.pattern})", text, flags=re.IGNORECASE)):
        if at % 2:
            pending += token
        elif token.strip() and not pieces:
            pieces.append(pending + token)
            pending = ""
        elif token.strip():
            pieces.append(token)
            separators.append(pending)
            pending = ""
    if pieces and pending:
        pieces[-1] += pending
    foods: list[str] = []
    for number, piece in enumerate(pieces):
        # '1 can (8.4 fl oz)': the bracketed size says how much, and is no food
        unbracketed = _REMARK.sub(" ", piece.lower())
        words = _normalise(unbracketed).split() or _normalise(piece.lower()).split()
        quantity, taken = _leading_quantity(words)
        # the last separator before the part: 'and' of ', and'
        said_before = _SPLIT.findall(separators[number - 1]) if number else []
        before = said_before[-1].strip().lower() if said_before else ""
        # 'pigs in a blanket', 'egg in a basket': 'in a' names where, not another food ('in 2 tortillas')
        # 'a burger on a bun', 'sausage on a roll': 'on a' and the bread name a sandwich, not another food
        on_bread = before == "on" and words[0] in ("a", "an") and len(words) > 1 and words[-1] in _BREADS
        placed = before in ("in", "into") and words[0] in ("a", "an")
        starts_new = quantity is not None and not placed and not on_bread
        unit_taken = _leading_unit([*words[taken:], "x"])[1]
        only_amount = starts_new and len(words) <= taken + (unit_taken or 0)
        if only_amount and before in _AND and " ".join(words[taken:]) in _FOODS_AS_MEASURES:
            only_amount = False  # 'chips and a cookie': a cookie is a food of its own, not chips counted
        measure = " ".join(words[taken : taken + (unit_taken or 0)])
        if only_amount and before in _AND and " " in measure and canonical_unit(measure) not in _AMOUNTS:
            only_amount = False  # 'goldfish and a juice box': a measure of two words names its food
        after = words[taken + (unit_taken or 0) :]
        if foods and starts_new and not only_amount and _own_noun(after, foods[-1]):
            foods[-1] = f"{foods[-1]}{separators[number - 1]}{piece}"  # 'Eggs - Large, 2 egg': an app's
            continue  # amount of the food before, by its own noun
        if foods and only_amount:  # 'eggs, 2' or 'almonds, 1 oz': the amount of the food before
            sized = re.search(r"\((\d[^()]*)\)", piece)  # '1 can (8.4 fl oz)': one can, of 8.4 fl oz
            one = quantity == 1 and sized is not None and _leading_quantity(sized[1].split())[0] is not None
            foods[-1] = f"{foods[-1]} {sized[1] if one and sized else ' '.join(words)}"
        elif foods and not starts_new:
            joiner = separators[number - 1]
            if joiner.strip().lower() == "over" and words and words[0] not in _EGG_STYLES:
                joiner = " with "  # 'gumbo over rice' is USDA's 'Gumbo with rice'; not 'eggs over easy'
            foods[-1] = f"{foods[-1]}{joiner}{piece}"
        else:
            foods.append(piece)
    return [" ".join(f.split()) for f in foods]


_AMOUNTS = frozenset({*MASS_G, *VOLUME_ML})  # measures of any food ('fl oz'), naming none
_BREADS = frozenset({"bun", "roll", "bagel", "biscuit", "croissant", "hoagie", "kaiser", "brioche", "muffin"})
_STATES_SAID = frozenset({"dry", "raw", "cooked", "uncooked", "prepared", "drained", "whole", "each"})


def _own_noun(words: list[str], before: str) -> bool:
    """Are the words after an amount the food before's own noun, or a state of it ('2 egg' after 'Eggs -
    Large', '0.5 cup dry' after 'Oats')?"""
    said = {w.rstrip("s") for w in re.findall(r"[a-z]+", before.lower())}
    return bool(words) and all(w.rstrip("s") in said or w in _STATES_SAID for w in words)


def parse(text: str) -> list[Phrase]:
    """Every food of a phrase, in order."""
    return [parse_one(part) for part in split(text)]


def looks_like_phrase(text: str) -> bool:
    """Does this food cell carry its own quantity ('2 eggs', 'half a cup of rice')?"""
    words = _normalise(text.strip().lower()).split()
    return _leading_quantity(words)[0] is not None and len(words) > 1
