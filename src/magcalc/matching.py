"""Food words -> the food a person means, with how sure that is. The one place words are resolved.

Both bundled tables are searched together. USDA's SR28 describes foods from the general to the
particular ("Nuts, almonds, dry roasted"); FNDDS, the survey's table, names foods as eaten
("Almond milk, unsweetened", "Wine, red", "Hot dog, NFS"). A food scores by how much of the query it
covers, and it must answer to its *head*: the words that say what it is (FNDDS's first segment,
SR28's first segment or, after a category word like "Beverages" or "Nuts", its second). "red wine"
covers both words of "Vinegar, red wine", but not its head, vinegar: that is not a match to trust.

A match is `confident` when every word was found as typed (or as a plural), the food's head is in
the query, and no close second candidate would give a clearly different amount of magnesium.
Anything else is returned as a doubtful match with alternatives, or refused as unknown.
"""

from __future__ import annotations

import bisect
import csv
import io
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain

from magcalc.errors import UnknownFood
from magcalc.foods import FNDDS, SR28, Food, load_foods
from magcalc.resources import read_text
from magcalc.units import INCH_SIZE, has_measure, one_typo

_TOKEN = re.compile(r"\d+(?:[.-]\d+)*%?|[a-z]+")
_STOPWORDS = frozenset(
    {"of", "a", "an", "the", "and", "n", "or", "in", "on", "for", "to", "d", "s", "my", "some"}
)  # 'mac n cheese'
# Words that make a description more specific without changing what the food is: cheap extras.
_NEUTRAL = frozenset(
    [
        "raw",
        "cooked",
        "boiled",
        "drained",
        "without",
        "salt",
        "added",
        "plain",
        "fresh",
        "mature",
        "seed",
        "fluid",
        "whole",
        "regular",
        "all",
        "variety",
        "commercial",
        "commercially",  # store-bought: the ordinary kind of a baked food, beside toaster-type or dry mix
        "prepared",
        "nut",
        "bean",
        "kernel",
        "edible",
        "unenriched",
        "enriched",
        "ready",
        "usda",
        "commodity",
        "include",
        "vitamin",
        "solid",
        "milkfat",
        "fat",
        "meat",
        "only",
        "lean",
        "skin",
        "nfs",
        "ns",
        "type",
        "unsweetened",
        "unsalted",
        "original",
        "medium",
        "dryheat",
        "moistheat",
    ]
)
_GENERIC_BONUS = 2.5  # a survey 'NFS' food whose every other word was said: USDA's default for it
_FREE = 0.1  # the cost of a word inside "NS as to ..." / "NFS": the survey's generic forms
_NEGATIONS = frozenset({"no", "without", "non"})
_CONTRARY_COST = 8.0
_JOINED_COST = 9.0  # a food joined to the head by 'and' ('Vodka and lemonade'), unsaid
_MODIFIER_COST = 6.0  # an unasked word before the head (3, doubled) or a contrary one
# a word of 'excluding carrots, broccoli', unsaid: near a plain word's 3 (ranks as when it was read as a
# word of the food), but under the 3 of a lack that makes another food ('Pizza, no cheese')
_EXCLUDED_COST = 2.5
# Last words of a name that say the kind of thing, not which: 'Pistachio nuts' is pistachios,
# 'Fennel bulb' fennel.
_GENERIC_TAIL = frozenset(
    {"nut", "seed", "bowl", "sandwich", "ready", "eat", "style", "type", "kernel", "bulb"}
)
_DISH_FORMS = frozenset({"bowl", "sandwich"})  # generic tails that still say a different dish
# SR28 first segments that name a category, not the food: the food's name is the next segment.
_CATEGORY_HEADS = frozenset(
    [
        "beverage",
        "nut",
        "seed",
        "spice",
        "cereal",
        "candy",
        "snack",
        "alcoholic",
        "babyfood",
        "soup",
        "sauce",
        "fish",
        "cheese",
        "pork",
        "beef",
        "lamb",
        "veal",
        "game",
        "mollusk",
        "crustacean",
        "fast",
        "restaurant",
        "sweetener",
        "vegetable",
        "fruit",
        "juice",
        "formula",
        "infant",
        "leavening",
        "chicken",
        "turkey",
        "potato",
        "coffee",
        "tea",
        "soft",
        "drink",
        "bread",
        "cream",
    ]
)
# Food groups (and brands) that people rarely mean unless their words ask for them.
_ASKED_BY = {
    "Baby Foods": {"baby", "babyfood", "infant", "toddler", "gerber", "beech", "heinz"},
    "Fast Foods": {"fast"},
    "Restaurant Foods": {"restaurant"},
    "American Indian/Alaska Native Foods": {"indian", "alaska", "native", "navajo", "hopi", "apache"},
    "Not included in a food category": {"ingredient", "powder", "dry", "mix", "concentrate", "instant"},
    "Baby food: cereals": {"baby", "infant"},
    "Baby food: fruit": {"baby", "infant"},
    "Baby food: vegetables": {"baby", "infant"},
    "Baby food: mixtures": {"baby", "infant"},
    "Baby food: meat and dinners": {"baby", "infant"},
    "Baby food: yogurt": {"baby", "infant"},
    "Baby food: snacks and sweets": {"baby", "infant"},
    "Baby juice": {"baby", "infant"},
    "Baby water": {"baby", "infant"},
    "Formula, ready-to-feed": {"formula", "infant"},
    "Formula, prepared from powder": {"formula", "infant"},
    "Human milk": {"human", "breast"},
}
_PENALTY_UNASKED = 30.0
# Words a brand's product name shares with plain English ('WENDY'S, CLASSIC DOUBLE'): said alone, they
# do not ask for the brand
_ORDINARY = frozenset(
    ["double", "triple", "single", "classic", "deluxe", "supreme", "extra", "special", "mini", "original",
     "junior", "jr", "value", "premium", "ultimate", "light", "crispy", "crunchy", "healthy", "good",
     "real", "great", "famous", "golden", "little", "big", "regular", "large", "small", "medium", "plain",
     "whole", "fresh", "homestyle", "style", "the", "it", "us", "usa", "all", "one", "go", "plus"]
)  # fmt: skip
_HEAD_MISSING = 25.0
_WORD_MISSING = 50.0
# Words that turn a food into something else: "meatless bacon" is not bacon.
_CONTRARY = frozenset(
    [
        "meatless",
        "imitation",
        "substitute",
        "vegetarian",
        "analog",
        "vinegar",
        "flavored",
        "sweetened",
        "chocolate",
        "diet",
        "reduced",
        "light",
        "lite",
        "powder",
        "dry",
        "dried",
        "dehydrated",
        "mix",
        "concentrate",
        "instant",
        "breaded",
        "stuffed",
        "glutinous",
        "school",
        "evaporated",
        "condensed",
        "pickled",
        "candied",
        "syrup",
        "butter",
        "oil",
        "flour",
        "juice",
        "sauce",
        "babyfood",
        "iced",
        "greek",  # strained: another yogurt, with less magnesium
        "liqueur",  # 'coffee with cream' is no coffee liqueur with cream
        "alcoholic",
    ]
)
# Words of a query that say the form or cut, not the food: found, they help; missing, they are no miss.
_OPTIONAL = frozenset(
    [
        "chunk",
        "slice",
        "sliced",
        "slivered",
        "diced",
        "chopped",
        "shredded",
        "grated",
        "shelled",
        "inshell",
        "ground",
        "crumbled",
        "cubed",
        "halve",
        "half",
        "piece",
        "fillet",
        "steamed",
        "fresh",
        "plain",
        "homemade",
        "organic",
        "large",
        "small",
        "medium",
        "regular",
        "mini",
        "miniature",
        "whole",
        "drained",  # 'black beans, canned, drained': what was done to them, as a cut is
        "rinsed",
        "classic",  # 'sabra - classic hummus', 'lays classic': the plain one, as 'original' says
        "original",
        "traditional",
    ]
)
# a size said is no word of the food
_SIZE_WORDS = frozenset({"small", "medium", "large", "regular", "mini", "miniature"})
# SR28 groups of whole foods, where SR28 stays the reference (the source documents' own table).
WHOLE_FOOD_GROUPS = frozenset(
    {
        "Vegetables and Vegetable Products", "Fruits and Fruit Juices", "Legumes and Legume Products",
        "Nut and Seed Products", "Cereal Grains and Pasta", "Spices and Herbs",
    }
)  # fmt: skip
# SR28 groups of made dishes and products, which FNDDS (the survey's table) names as people eat them
_MADE_DISH_GROUPS = frozenset({"Meals, Entrees, and Side Dishes", "Fast Foods", "Restaurant Foods"})
_SR28_DISH = 3.0
_SPECIFIC_WHOLE = 3.0  # the whole-food lead of an SR28 food of a kind not said
_WHOLE_NAME = 3.0  # the words are the whole of one part of the food's name, no more: 'Egg roll, ...'
_RAW_STAPLES = frozenset({"Legumes and Legume Products", "Cereal Grains and Pasta"})
_EATEN_AS_NUTS = frozenset({"peanut"})  # legumes in SR28, eaten raw or roasted as nuts are
_RAW_WORDS = frozenset({"raw", "dry", "uncooked", "dried", "flour", "sprouted"})
_MEATS = frozenset(
    {"Beef Products", "Pork Products", "Poultry Products", "Lamb, Veal, and Game Products",
     "Finfish and Shellfish Products", "Sausages and Luncheon Meats"}
)  # fmt: skip
INCOMPLETE = "not every word of it was found in this food"
WITHOUT = "no food has the word"
ANOTHER_NAME = "found by another name of the food"  # a doubt: the words are in a food's other names
GUESSED = "found by guessing"  # a doubt that begins so: a word read as a misspelling
ALSO_UNSAID = "the food is also"  # a doubt that begins so: the food has words that change it, unsaid
KIND_DOUBT = "one of several kinds, with other magnesium; the words do not say which"
FORM_MARGIN = 15.0  # raw and cooked forms this close, with other magnesium, make a match doubtful
_PREPARED = frozenset(
    ["raw", "cooked", "boiled", "baked", "roasted", "steamed", "fried", "grilled", "stewed", "braised",
     "sauteed", "fresh", "frozen", "canned", "dried", "mashed"]
)  # fmt: skip
KIND_MARGIN = 15.0  # a food of a kind not said, and another kind this close with other magnesium: doubtful
_NAMED_MARGIN = 15.0  # a food named by all the words this close ranks before one found by other names
DOUBT_MARGIN = 1.5  # a second food within this many points, with other magnesium, makes a match doubtful


def stem(word: str) -> str:
    """A light plural folding, applied to queries and descriptions alike."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("oe") and len(word) > 5:  # 'tomatoe', 'potatoe': the singular people write
        return word[:-1]
    if word.endswith("ie"):
        return word[:-2] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "oes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "sis")):
        return word[:-1]
    return word


_CATEGORY_HEADS = frozenset(stem(word) for word in _CATEGORY_HEADS)  # compared with stemmed words
# Of those, the shelves a food is filed under without being of another kind ('Fish, cod' is cod;
# 'Soup, meatball' is soup, so 'soup' is a word the person left out).
_KINDS = ("soup", "sauce", "juice", "formula", "infant")
_KIND_WORDS = frozenset(stem(word) for word in _KINDS)
_SHELVES = _CATEGORY_HEADS - _KIND_WORDS


# Spellings that mean the same word (one direction: what people type -> USDA's word).
_SAME_WORD = {
    "yoghurt": "yogurt", "soymilk": "soy milk", "soya": "soy", "whole-wheat": "whole wheat",
    "wholewheat": "whole wheat", "wholemeal": "whole wheat", "oatmilk": "oat milk",
    "almondmilk": "almond milk", "milkshake": "milk shake",
    "hotdog": "hot dog", "icecream": "ice cream", "peanutbutter": "peanut butter", "gf": "gluten free",
    "veggie": "vegetable", "veggies": "vegetables", "ff": "fat free", "coke": "cola", "pop": "soft drink",
    "soda": "soft drink", "toast": "bread toasted", "steamed": "steamed cooked",
    "sauteed": "sauteed cooked", "donut": "doughnut", "donuts": "doughnuts", "mac": "macaroni",
    "fries": "french fries", "zucchini": "zucchini squash", "courgette": "zucchini squash",
    "aubergine": "eggplant", "omelette": "omelet", "brownie": "brownie cookie", "brownies": "brownie cookie",
    "garbanzo": "chickpea", "scallion": "green onion", "sparkling": "carbonated", "fizzy": "carbonated",
    "oj": "orange juice", "ipa": "beer", "pb": "peanut butter", "evoo": "olive oil",
    "j": "jelly", "pbj": "peanut butter jelly", "its": "it", "w": "with",
    # ways of cooking USDA does not name, as the one it does: seared and blackened in a pan with fat
    # (FNDDS lists 'sauteed' among the other names of its baked or broiled scallops), charred on a grill
    "decaf": "decaffeinated", "seared": "sauteed cooked", "blackened": "sauteed cooked",
    "charred": "grilled", "airfried": "baked",
    "med": "medium", "lg": "large", "sm": "small", "reg": "regular",  # sizes as menus and apps shorten them
}  # fmt: skip
# Two words people write for one way of cooking
_SAME_WORDS = re.compile(r"\bair[\s-]*fr(?:ied|yer|y)\b")  # 'air fried', 'air fryer wings'
# A bell pepper is USDA's sweet pepper; 'bell' alone is Taco Bell's (no 'sweet burrito')
_BELL_PEPPER = re.compile(r"\bbell\s+(?=peppers?\b)")
# SR28's 'cooked, dry heat' / 'moist heat': how it was cooked, one word (no 'dry' as in dried foods)
_HEAT = re.compile(r"\b(dry|moist)[\s-]+heat\b")
# 'pistachios in shell', 'peanuts in the shell', 'unshelled': how the nuts are bought, one word of the
# form (optional, as 'shelled' is), not a shell that is the food ('Pie shell', 'Taco shell')
_IN_SHELL = re.compile(r"\b(?:in[\s-]+(?:the[\s-]+|their[\s-]+)?shells?|unshelled)\b")


# A yogurt of a fruit's flavour is USDA's fruit yogurt ('Yogurt, NS as to type of milk, fruit'): the
# survey codes every fruit flavour so (not a frozen yogurt, a smoothie, or yogurt-covered raisins)
_YOGURT = re.compile(r"\byogh?urts?\b")
_NOT_A_YOGURT = re.compile(
    r"\b(?:frozen|froyo|smoothies?|parfaits?|covered|coated|dressing|dip|sauce|bars?|raisins?|pretzels?|"
    r"drinks?|tubes?|gogurt|tzatziki|raita|lassi|cake|muffins?|bread)\b"
)
_FRUIT_FLAVOUR = re.compile(
    r"\b(?:mixed berry|strawberry|strawberries|blueberry|blueberries|raspberry|raspberries|blackberry|"
    r"peach|peaches|cherry|cherries|mango|pineapple|apricot|banana|boysenberry|berry|berries|apple|pear|"
    r"passion fruit|key lime|lime|orange|tropical)\b"
    r"(?=(?:\s+(?!with\b|and\b|w\b)[a-z%-]+){0,3}?\s+yogh?urts?\b)"  # said before the yogurt: 'strawberry
)  # greek yogurt', not 'yogurt with strawberries' nor USDA's own 'Yogurt, Greek, strawberry, CHOBANI'
_NUT_BUTTER = re.compile(r"\b(?:peanut|almond|cashew|sunflower|seed|nut)\s*butter\b")
_LEAN_RATIO = re.compile(r"\b(\d{2})\s*/\s*(\d{1,2})\b")  # '85/15' ground beef


def _lean(ratio: re.Match[str]) -> str:
    lean, fat = ratio[1], ratio[2]
    return f"{lean}% lean {fat}% fat" if int(lean) + int(fat) == 100 else ratio[0]


def lean_ratios(text: str) -> str:
    """'ground beef 85/15' -> 'ground beef 85% lean 15% fat', USDA's words (never a quantity)."""
    return _LEAN_RATIO.sub(_lean, text)


def tokenize(text: str) -> list[str]:
    """Words to match, plurals folded; 'without salt' and 'no added fat' give one word each for what
    is absent ('no-salt', 'no-added'), in queries and descriptions alike."""
    if not text.isascii():  # 'jalapeño', 'crème brûlée', 'café': the letters without their accents
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    lowered = _SAME_WORDS.sub("airfried", lean_ratios(text.lower().replace("'", "").replace("\u2019", "")))
    lowered = _BELL_PEPPER.sub("sweet ", lowered)
    lowered = _HEAT.sub(r"\1heat", lowered)
    if _NUT_BUTTER.search(lowered):  # 'creamy peanut butter', 'Peanut Butter, Creamy': USDA's smooth style
        lowered = re.sub(r"\bcreamy\b", "smooth", lowered)
    if _YOGURT.search(lowered) and not _NOT_A_YOGURT.search(lowered):  # 'strawberry yogurt', 'Chobani -
        lowered = _FRUIT_FLAVOUR.sub("fruit", lowered)  # Greek Yogurt, Peach': its fruit yogurt
    lowered = _IN_SHELL.sub("inshell", lowered)
    lowered = INCH_SIZE.sub(" ", lowered)  # '6 inch sub', 'PIZZA HUT 12" Cheese Pizza': a size, no food
    words = _TOKEN.findall(lowered)
    out: list[str] = []
    negate = False
    for word in words:
        if word in _NEGATIONS:
            negate = True
            continue
        same = _SAME_WORD.get(word)
        if same is None and len(word) > 3 and word.endswith("s"):  # 'courgettes', 'aubergines', 'cokes'
            same = _SAME_WORD.get(stem(word)) if len(stem(word)) >= 3 else None
        for part in (same or word).split():
            if part not in _STOPWORDS:
                out.append(f"no-{stem(part)}" if negate else stem(part))
                negate = False
    return out


@dataclass(frozen=True, slots=True)
class _Doc:
    food_id: str
    tokens: dict[str, int]  # token -> segment of its first appearance (99: common names)
    costs: dict[str, float]  # description token -> what it costs when the query does not name it
    head: frozenset[str]  # the words that say what the food is
    head_alternatives: frozenset[str]  # SR28: under a category head, the next segments' words
    brand_tokens: frozenset[str]
    group: str
    table: str
    survey: bool
    generic: bool = False  # the description has an 'NFS' or 'NS as to ...' part
    # For `_by_ceiling`: what the food scores beyond its words when the query names none of them
    base: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "base", _fixed_bonus(self) - sum(self.costs.values()))


@dataclass(frozen=True, slots=True)
class Scored:
    food: Food
    score: float
    complete: bool  # every word of the query was found in the food
    head: bool = True  # the food's head words are in the query
    exact: bool = True  # no word was found only by a spelling guess
    plain: bool = True  # the food adds no word that changes what it is ('meatless', 'powder')
    specific: bool = False  # the food has a word of its own the query did not say ('toaster-type', 'cooked')


@dataclass(frozen=True, slots=True)
class Match:
    """The food meant by some words, whether that is sure, and what else it could be."""

    food: Food
    confident: bool
    doubt: str | None = None  # why the match is not sure
    alternatives: tuple[Food, ...] = field(default_factory=tuple)
    # close foods of about the same magnesium per 100 g: the same by weight, but a cup or an item of
    # one may weigh much more than of the other (raw and cooked, a toaster muffin and a bakery one)
    rivals: tuple[Food, ...] = field(default_factory=tuple)

    @property
    def incomplete(self) -> bool:
        """Not every word was found in the food ('jacket potato with cheese and beans')."""
        return self.doubt is not None and self.doubt.startswith(INCOMPLETE)

    @property
    def partial(self) -> bool:
        """Words were left out: not found in the food, or in no food at all ('kinpira gobo')."""
        return self.incomplete or (self.doubt is not None and self.doubt.startswith((WITHOUT, LEFT_OUT)))


_MADE_OF = frozenset({"with", "made", "from"})  # 'with rice', 'made from garden vegetables': what is in it


def _head(
    food: Food, segments: list[list[str]], brand: frozenset[str] = frozenset()
) -> tuple[frozenset[str], frozenset[str]]:
    """The food's head word (the last word of its first segment that says what it is: 'Pistachio
    nuts' -> pistachio, 'Vinegar, red wine' -> vinegar, 'Shrimp chips' -> chip), and the words that
    may stand for it when the first segment only names a category or a brand ('Nuts, almonds';
    'Coffee, Latte'; 'McDONALD'S, BIG MAC'): the last word of each of the next two segments."""
    first = segments[0] if segments else []
    if not first:
        return frozenset(), frozenset()
    first_part = food.description.split(",")[0]
    outside = _bracketed(first_part)[0]  # 'Whopper (Burger King)' is a whopper, not a king
    if outside and first[: len(outside)] == outside and first == tokenize(first_part):
        first = outside
    if "with" in first[1:]:  # 'Spaghetti with meat sauce' is spaghetti, 'Spaghetti sauce with meat' sauce
        first = first[: first.index("with")]
    if "from" in first[1:]:  # 'Potato from Puerto Rican style stuffed pot roast' is a potato, 'Topping
        first = first[: first.index("from")]  # from cheese pizza' a topping, 'Soy sauce made from soy' sauce
        first = first[:-1] if len(first) > 1 and first[-1] in ("made", "prepared", "only") else first
    served_on = re.split(r"\s+on\s+", food.description.split(",")[0].lower(), maxsplit=1)
    if len(served_on) > 1:  # 'Tuna salad sandwich on white': what is before 'on' (a stopword, not a token)
        first = first[: len(tokenize(served_on[0]))] or first
    words = [t for t in first if t not in _GENERIC_TAIL] or first
    heads = {words[-1]}
    if first[-1] in _DISH_FORMS:  # 'Tuna salad sandwich' is a salad and a sandwich: 'tuna sandwich'
        heads.add(first[-1])
    name = re.split(r" with | from ", food.description.split(",")[0].lower())[0]
    for alternative in re.split(r"\s*/\s*|\s+or\s+", name)[:-1]:  # 'Hot chocolate / cocoa', 'Cake or cupcake'
        alternative_words = [t for t in tokenize(alternative) if t not in _GENERIC_TAIL]
        # 'Chicken or turkey chow mein or chop suey': 'turkey chow mein' is a dish of its own
        if alternative_words and (" / " in name or "/" in name or len(name.split(" or ")[-1].split()) == 1
                                  or len(alternative_words) >= 2):
            heads.add(alternative_words[-1])
    if all(t in _CATEGORY_HEADS or t in brand or t in _GENERIC_TAIL for t in first):
        # 'shrimp cracker': cracker; never a word like 'plain', 'raw' or 'canned', nor 'with rice cereal';
        # of 'chicken with star-shaped pasta' (a soup), chicken
        named_parts = [s[: s.index("with")] if "with" in s[1:] else s for s in segments[1:3]]
        plain = _NEUTRAL | _OPTIONAL | _METHODS | _PREPARED
        following = {
            segment[-1] for segment in named_parts
            if segment and segment[-1] not in plain and segment[0] not in _MADE_OF
        }
        shelf_food = len(named_parts) == 2 and len(named_parts[0]) == 1 and named_parts[0][0] not in brand
        if shelf_food and named_parts[0][0] in _CATEGORY_HEADS:
            # 'Beverages, tea, herb' is a tea: the word after a shelf's food ('tea') says its kind, no food
            following.discard(named_parts[1][-1] if named_parts[1] else "")
        # 'Nuts, coconut meat, raw', 'Nuts, pine nuts': the word before a plain last word says the food
        following |= {
            segment[0] for segment in segments[1:3]
            if len(segment) == 2 and segment[-1] in _NEUTRAL
            and segment[0] not in _NEUTRAL | _OPTIONAL | _METHODS
        }  # fmt: skip
        # 'Cereals ready-to-eat, POST, GRAPE-NUTS Cereal': a product name ending in its category word
        following |= {
            named[-1] for segment in segments[1:3]
            if segment and segment[-1] in _CATEGORY_HEADS and segment[0] != "with"
            and (named := [t for t in segment if t not in _CATEGORY_HEADS | _NEUTRAL | _OPTIONAL])
            and set(named) & brand  # not 'Spices, pumpkin pie spice', nor 'Bread, sweet potato'
        }  # fmt: skip
        return frozenset(heads), frozenset(following)
    return frozenset(heads), frozenset()


def _made_alone(foods: Iterable[Food]) -> frozenset[str]:
    """Heads of foods named by themselves, not as a kind ('Meatballs, ...', not 'Soup, pho')."""
    found: set[str] = set()
    for food in foods:
        first = tokenize(food.description.split(",")[0])
        if first and not set(first) <= _KIND_WORDS:
            found |= _head(food, [first])[0]
    return frozenset(found)


_BRACKETED = re.compile(r"\(([^()]*)\)\s*$")


def _bracketed(name: str) -> tuple[list[str], set[str]]:
    """The words of a name before the brackets that end it, and the other words in them ('Whopper
    (Burger King)': whopper; burger, king); ([], set()) for a name with no brackets at its end."""
    where = _BRACKETED.search(name)
    if where is None:
        return [], set()
    outside = tokenize(name[: where.start()])
    return outside, set(tokenize(where[1])) - set(outside)


def _own_names(foods: Iterable[Food]) -> frozenset[str]:
    """The foods named by their maker's or place's own name, the maker in brackets after it: 'Whopper
    (Burger King)', 'Big Mac (McDonalds)' (every food with those words is theirs), not 'Cereal or
    granola bar (Kashi Chewy)'."""
    foods = list(foods)
    bracketed = {
        food.food_id: (set(outside), noted)
        for food in foods
        for outside, noted in [_bracketed(food.description.split(",")[0])]
        if outside and noted
    }
    wanted = set().union(*(outside for outside, _ in bracketed.values()))
    having: dict[str, list[set[str]]] = {}  # each word of a bracketed name -> the foods' words that have it
    for food in foods:
        words = set(tokenize(food.description))
        for word in words & wanted:
            having.setdefault(word, []).append(words)
    found = set()
    for food_id, (outside, noted) in bracketed.items():
        rarest = min(outside, key=lambda word: len(having.get(word, [])))
        if all(words & noted for words in having.get(rarest, []) if outside <= words):
            found.add(food_id)
    return frozenset(found)


def _make_doc(
    food: Food, made_alone: frozenset[str] = frozenset(), own_names: frozenset[str] = frozenset()
) -> _Doc:
    tokens: dict[str, int] = {}
    costs: dict[str, float] = {}
    segments: list[list[str]] = []
    # 'Beef, rice, and vegetables excluding carrots, broccoli...': what it is not are no words of it;
    # a person who says 'broccoli' means another food ('Walnuts, excluding honey roasted' for 'walnuts
    # and honey' neither)
    described, excluded = _without_excluded(food.description)
    parts = described.split(",")
    heads = _head(food, [tokenize(parts[0])])[0]
    heads = heads - _DISH_FORMS or heads  # 'Burrito bowl': bowl still costs when unsaid ('bean burrito')
    # SR28's food named after its shelf ('Nuts, coconut milk, raw'): a food before its head changes it
    shelved: frozenset[str] = frozenset()
    if food.table == SR28 and len(parts) > 1 and all(t in _SHELVES for t in tokenize(parts[0]) or ["-"]):
        named = tokenize(parts[1])
        shelved = frozenset(named[:-1]) & made_alone - _head(food, [named])[0]
    # 'Big Mac (McDonalds)': where it is from, in brackets after its name, as 'from fast food' is
    # (only for a name that is the maker's own: 'granola bar' says no Kashi Chewy)
    noted = _bracketed(parts[0])[1] if food.food_id in own_names else set()
    # '(Includes mini-muffins)': what else the food covers widens it; unsaid, it is no other kind
    widened = set(tokenize(" ".join(_INCLUDES.findall(food.description))))
    for number, part in enumerate(parts):
        words = tokenize(part)
        segments.append(words)
        lowered = part.strip().lower()
        generic = bool(_GENERIC_PART.match(lowered))
        provenance = lowered.startswith(
            ("from ", "made with", "made from", "no added", "fat added", "with or without")
        )  # how it was made, not what it is: 'Cornbread, made from home recipe'
        category = number == 0 and all(t in _SHELVES for t in words)
        after_with = words[words.index("with") + 1 :] if number == 0 and "with" in words[1:] else []
        if number == 0 and " on " in lowered:  # 'Turkey sandwich on white': the bread is a detail
            after_with = [*after_with, *tokenize(lowered.split(" on ", 1)[1])]
        # 'Cereal or granola bar', 'Chicken or turkey salad': a word of an alternative is no modifier
        # ('Chicken or turkey salad': 'turkey' is as much an alternative as 'chicken')
        either = set(tokenize(" ".join(lowered.split(" or ")[:-1]))) if number == 0 else set()
        # 'Chicken thigh, baked, broiled, or roasted': each way is as good as the others, unsaid
        methods_or = number > 0 and (lowered.startswith("or ") or " or " in lowered) and all(
            t in _METHODS for t in words
        )
        joined = set(tokenize(lowered.split(" and ")[0])) if number == 0 and " and " in lowered else set()
        last = tokenize(lowered.split(" or ")[-1])
        mirrored = bool(either) and len(last) == 2 and last[-1] in heads  # one word for one ('turkey salad')
        if mirrored or (either and len(last) == 1):  # 'Cake or cupcake': 'cupcake' costs a plain word
            either.add(last[0])
        for token in words:
            if category:  # 'Fish, cod': fish is the shelf, not a word the person left out
                tokens.setdefault(token, number)
                costs.setdefault(token, 0.5)
                continue
            tokens.setdefault(token, number)
            if token.startswith("no-"):  # 'Pizza, no cheese': cheese is what it has not
                lacked = _EXCLUDED_COST if token in excluded else 3.0
                # ('Apples, raw, without skin': peeled is a kind, unsaid, dearer than 'with skin')
                cheap = 0.5 if token != "no-skin" else 1.5
                costs.setdefault(token, cheap if token[3:] in _NEUTRAL else lacked)
                continue
            cost = _FREE if generic else min(_extra_cost(token), 0.5) if provenance else _extra_cost(token)
            if provenance and token in _AWAY:  # 'Potato salad, from restaurant': made at home unless said
                cost = 1.25  # (but less than a detail of the dish: 'Beans and rice, with meat')
            kind = number == 0 and token in _KIND_WORDS and len(parts) > 1
            if kind and made_alone & set(tokenize(parts[1])):
                # 'Soup, meatball' is no meatball, 'Juice, orange' no orange; 'Soup, pho' is pho
                cost = max(cost, _MODIFIER_COST)
            if token == "meat" and lowered.startswith("with "):
                cost = 3.0  # 'Beans and rice, with meat': a meat dish, no mere detail
            if token == "with" or token in after_with:  # 'Lasagna with meat': a detail of the dish
                # white bread is the survey's bread when none is said ('Ham sandwich on white', not
                # 'Ham biscuit sandwich', for 'ham sandwich')
                cost = min(cost, 0.5 if token == "white" and " on white" in lowered else 3.0)
            elif methods_or or (number > 0 and token in _METHODS and _or_follows(parts, number)):
                cost = min(cost, 1.0)
            elif token in either and token not in _CONTRARY:
                # each of 'chicken or turkey' costs a plain word unsaid, not a modifier (but 'Vegetarian
                # meatloaf or patties' is no meatloaf); of 'Meatball sandwich or sub', each dish form
                # costs more, so that 'meatballs' are not a sub, while 'meatball sub' is
                cost = min(cost, 3.0 if mirrored or token in _DISH_FORMS else 1.0)
            elif (number == 0 and cost != _FREE and token not in _GENERIC_TAIL and token not in heads) or (
                number == 1 and token in shelved
            ):
                cost = max(cost, 3.0) * 2  # a word before the head changes the food: 'Egg salad', 'Bean cake'
                if token in joined:  # 'Vodka and lemonade': a food of its own beside the head, unsaid
                    cost = _JOINED_COST
            elif number == 0 and token in _DISH_FORMS and token not in heads:
                cost = _MODIFIER_COST  # 'Burrito bowl' is no burrito, nor 'Meatloaf sandwich' meatloaf
            elif number > 0 and token == "flour" and len(words) == 2 and token == words[0]:
                cost = min(cost, 3.0)  # 'Taco, flour tortilla': flour only says which tortilla, as corn
            if (number == 0 and token in noted) or token in widened:
                cost = min(cost, 0.5)
            costs.setdefault(token, cost)
    for token in tokenize(_other_names(food)):
        tokens.setdefault(token, 99)
    for excluded in _OTHER_THAN.findall(food.description.lower()):
        for token in _FLAVOURS - _FLAVOURS_OF.get(excluded, _FLAVOURS):  # 'vanilla' of 'Yogurt, Greek, ...,
            tokens.setdefault(token, 99)  # flavors other than fruit', as another name: a guess
    brand_words = [  # SR28 writes brands in capitals; FNDDS keeps its brands in the common names
        w
        for w in re.findall(r"[A-Za-z'\u2019]+", food.description)
        if w.isupper() and len(w) > 1 and food.table == SR28 and w != "USDA"
    ]
    brand_tokens = set(tokenize(" ".join(brand_words))) | set(tokenize(food.manufacturer))
    head, alternatives = _head(food, segments, frozenset(brand_tokens))
    alternatives |= _other_names_heads(_other_names(food))
    if food.table == FNDDS:  # 'Tortilla chips, nacho cheese flavor (Doritos)': its name in brackets
        alternatives |= _other_names_heads(";".join(re.findall(r"\(([^()]*)\)", food.description)))
    elif (bracketed := _BRACKETED.search(parts[0])) is not None:
        alternatives |= _other_names_heads(bracketed[1])  # 'Yambean (jicama)': jicama names it too
    return _Doc(
        food_id=food.food_id,
        tokens=tokens,
        costs=costs,
        head=head,
        head_alternatives=alternatives,
        brand_tokens=frozenset(brand_tokens),
        group=food.food_group,
        table=food.table,
        survey=food.survey,
        generic=any(c <= _FREE for c in costs.values()),
    )


_INCLUDES = re.compile(r"\((?:includes?|including)\b([^()]*)\)", re.IGNORECASE)


def _without_excluded(description: str) -> tuple[str, frozenset[str]]:
    """The description with each word of an 'excluding ...' (or 'except ...') clause said as absent,
    and those absent words as tokens ('no-broccoli')."""
    excluded: set[str] = set()

    def absent(clause: re.Match[str]) -> str:
        words = [w for w in re.findall(r"[a-z]+", clause[0].lower())[1:] if w not in ("and", "or")]
        said = " ".join(f"without {w}" for w in words)
        excluded.update(tokenize(said))
        return said

    return _EXCEPT.sub(absent, description), frozenset(excluded)


def _or_follows(parts: list[str], number: int) -> bool:
    """Is the part one of a list of ways ending in 'or ...' ('baked, broiled, or roasted')?"""
    for part in parts[number + 1 :]:
        following = part.strip().lower()
        if not all(t in _METHODS for t in tokenize(following)):
            return False
        if following.startswith("or "):
            return True
    return False


# 'all other beans except red, black, or pinto': the foods it is not are no names of it
_EXCEPT = re.compile(r"\b(?:except|excluding|excludes?)\b[^;]*", re.IGNORECASE)
# The survey's generic forms: 'Pizza, NFS', 'Sherbet, all flavors', 'Tart, all types'
# FNDDS's 'flavors other than chocolate' (milk shakes, puddings, lattes) and 'flavors other than fruit'
# (yogurts) name the flavours people say: each of them but the one excluded
_OTHER_THAN = re.compile(r"flavors other than ([a-z]+)")
_FRUIT_FLAVOURS = frozenset(
    stem(w) for w in ("strawberry", "banana", "peach", "cherry", "raspberry", "blueberry", "lemon", "lime",
                      "mango", "pineapple", "orange", "coconut", "key")
)  # fmt: skip
_FLAVOURS = _FRUIT_FLAVOURS | {stem(w) for w in ("vanilla", "caramel", "mocha", "mint", "honey", "maple",
                                                 "pistachio", "butterscotch", "chocolate", "hazelnut")}
_FLAVOUR_UNSAID = 10.0  # a flavour the food has, when the words say 'plain'
_FLAVOURS_OF = {"fruit": _FRUIT_FLAVOURS, "chocolate": frozenset({"chocolate", "mocha"})}


def _other_names(food: Food) -> str:
    """The food's other names (FNDDS's additional descriptions), without the foods it is not."""
    return _EXCEPT.sub("", food.common_names)


_AWAY = frozenset({"restaurant", "fast", "school", "cafeteria", "pre"})  # ("from pre-cooked")
_GENERIC_PART = re.compile(r"(ns as to|nfs\b|ns\b|all (types|flavors|kinds|varieties)\b)")
_NOT_A_NAME = frozenset({"n", "nfs", "with", "without", "or", "from", "made", "added", "fat", "no", "type"})


@cache
def _notes() -> frozenset[str]:
    """Other names that many foods share: notes on how they are made ('cooking spray'), not names."""
    counts = Counter(
        " ".join(tokenize(name))
        for food in load_foods().values()
        for name in set(re.split(r"[;,/]", food.common_names))
    )
    return frozenset(name for name, n in counts.items() if n > 10)


def _other_names_heads(common_names: str) -> frozenset[str]:
    """The heads of a food's short other names ('bok choy' of 'Cabbage, Chinese, raw', 'chai tea
    latte' of 'Tea, hot, with milk'): said whole, they name the food. Not its notes ('NS as to fat
    added', 'with or without skin')."""
    found = set()
    for name in re.split(r"[;,/]", common_names):
        words = tokenize(name)
        if " ".join(words) in _notes():
            continue
        short = 1 <= len(words) <= 3 and not any(w in _NOT_A_NAME or w.startswith("no-") for w in words)
        if short and words[-1] not in _NEUTRAL | _OPTIONAL | _GENERIC_TAIL:
            found.add(words[-1])
    return frozenset(found)


_STAND_INS = frozenset({"meatless", "imitation", "substitute", "vegetarian", "analog"})


def unasked(food: Food, words: str) -> bool:
    """Is the food of a kind the words must ask for and did not ('Babyfood, cereal, rice, prepared
    with whole milk' for 'cereal with milk')?"""
    asked_by = _ASKED_BY.get(food.food_group)
    return asked_by is not None and not set(tokenize(words)) & asked_by


def baby_food(food: Food) -> bool:
    """Is the food a baby food ('Baby Toddler carrots, Stage 1', 'Babyfood, ...')?"""
    return "baby" in _ASKED_BY.get(food.food_group, ())


def contrary_unsaid(food: Food, words: str) -> bool:
    """Is the food a stand-in for another ('meatless', 'imitation'), not said so?"""
    described = {t for t, at in index().doc(food.food_id).tokens.items() if at != 99}  # not other names
    return bool(described & _STAND_INS - set(tokenize(words)))


def _extra_cost(token: str) -> float:
    if token in _NEUTRAL:
        return 0.5
    if token in _CONTRARY:
        return _CONTRARY_COST
    if token == "with" or token[0].isdigit():
        return 1.0
    return 3.0


_SEP, _PAIR = "\x1f", "\x1e"


def _pack(doc: _Doc) -> str:
    return _SEP.join(
        (
            _PAIR.join(f"{t}:{s}:{doc.costs.get(t, 0.0):g}" for t, s in doc.tokens.items()),
            " ".join(sorted(doc.head)), " ".join(sorted(doc.head_alternatives)),
            " ".join(sorted(doc.brand_tokens)), doc.group, doc.table, "Y" if doc.survey else "",
            "G" if doc.generic else "",
        )
    )  # fmt: skip


def _unpack_doc(food_id: str, packed: str) -> _Doc:
    tokens, head, alternatives, brand, group, table, survey, generic = packed.split(_SEP)
    found: dict[str, int] = {}
    costs: dict[str, float] = {}
    for pair in tokens.split(_PAIR) if tokens else ():
        token, segment, cost = pair.rsplit(":", 2)
        found[token] = int(segment)
        if int(segment) != 99:
            costs[token] = float(cost)
    return _Doc(
        food_id=food_id,
        tokens=found,
        costs=costs,
        head=frozenset(head.split()),
        head_alternatives=frozenset(alternatives.split()),
        brand_tokens=frozenset(brand.split()),
        group=group,
        table=table,
        survey=survey == "Y",
        generic=generic == "G",
    )


class Index:
    """Postings (word -> foods) and each food's document, kept packed in strings (fast to load
    from the cache) and unpacked for the foods a query touches."""

    def __init__(self, postings: dict[str, str], packed: dict[str, str], heads: dict[str, str]) -> None:
        self.postings = postings  # token -> space-separated food ids
        self._packed = packed
        self._heads = heads  # token -> the foods it may name (their `_Doc.heads`)
        self._docs: dict[str, _Doc] = {}
        self._ids: dict[str, frozenset[str]] = {}
        self._named: dict[str, frozenset[str]] = {}
        self.vocabulary = sorted(postings)
        self._near: dict[int, list[str]] = {}
        self._percent_ranges: list[tuple[str, int, int]] | None = None

    def _near_length(self, length: int) -> list[str]:
        """Vocabulary words whose length allows a ratio of 80 with a word of this length."""
        found = self._near.get(length)
        if found is None:
            low, high = length * 2 / 3, length * 3 / 2
            found = self._near[length] = [w for w in self.vocabulary if low <= len(w) <= high]
        return found

    def ids(self, token: str) -> frozenset[str]:
        found = self._ids.get(token)
        if found is None:
            found = self._ids[token] = frozenset(self.postings[token].split())
        return found

    def named(self, tokens: Iterable[str]) -> frozenset[str]:
        """The foods that one of these words may name (it is among their heads)."""
        found: frozenset[str] = frozenset()
        for token in tokens:
            ids = self._named.get(token)
            if ids is None:
                ids = self._named[token] = frozenset(self._heads.get(token, "").split())
            found |= ids
        return found

    def union(self, tokens: Mapping[str, float]) -> frozenset[str]:
        """The foods that have any of these words."""
        if len(tokens) == 1:
            return self.ids(next(iter(tokens)))
        return frozenset().union(*(self.ids(t) for t in tokens))

    def doc(self, food_id: str) -> _Doc:
        doc = self._docs.get(food_id)
        if doc is None:
            doc = self._docs[food_id] = _unpack_doc(food_id, self._packed[food_id])
        return doc

    def expand_near(self, token: str) -> list[str]:
        """Vocabulary words a typo away from a word, whether or not the word itself is one."""
        return [word for word, _ in _similar(token, self._near_length(len(token))) if word != token]

    @lru_cache(maxsize=8192)  # noqa: B019 - one index per process, kept for its lifetime
    def expand(self, token: str) -> dict[str, float]:
        """Vocabulary words that a query word may stand for, with how sure that is (1.0: as typed)."""
        if (percent := _PERCENT.fullmatch(token)) is not None and (ranges := self._ranges(int(percent[1]))):
            return {**({token: 1.0} if token in self.postings else {}), **ranges}  # '85%': '70-85%' too
        if token in self.postings:
            return {token: 1.0}
        found: dict[str, float] = {}
        if len(token) >= 4 and token.isalpha():
            start = bisect.bisect_left(self.vocabulary, token)
            for word in self.vocabulary[start : start + 30]:
                if not word.startswith(token):
                    break
                found[word] = 0.85
        if len(token) >= 4 and token.isalpha():
            for word, similarity in _similar(token, self._near_length(len(token))):
                found.setdefault(word, 0.75 * similarity / 100)
        return found


    def _ranges(self, percent: int) -> dict[str, float]:
        """USDA's ranges of a percentage ('70-85%' for 85%)."""
        if self._percent_ranges is None:
            found = (_PERCENT_RANGE.fullmatch(w) for w in self.postings if w.endswith("%"))
            self._percent_ranges = [(m[0], int(m[1]), int(m[2])) for m in found if m is not None]
        return {word: 1.0 for word, low, high in self._percent_ranges if low <= percent <= high}


_PERCENT = re.compile(r"(\d{1,3})%")
_PERCENT_RANGE = re.compile(r"(\d{1,3})-(\d{1,3})%")


def _similar(token: str, vocabulary: list[str]) -> list[tuple[str, float]]:
    """Words that are a typo away (rapidfuzz only for words not found). A ratio of 80 needs lengths
    within a fifth of each other, so only words of about the same length are compared."""
    from rapidfuzz import fuzz, process

    return [
        (word, similarity)
        for word, similarity, _ in process.extract(
            token, vocabulary, scorer=fuzz.ratio, score_cutoff=80, limit=4
        )
    ]


def _index_rows() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The postings, every food's packed document and the foods each word may name (what the
    cache keeps)."""
    postings: dict[str, list[str]] = {}
    heads: dict[str, list[str]] = {}
    packed: dict[str, str] = {}
    made_alone = _made_alone(load_foods().values())
    own_names = _own_names(load_foods().values())
    for doc in (_make_doc(food, made_alone, own_names) for food in load_foods().values()):
        for token in doc.tokens:
            postings.setdefault(token, []).append(doc.food_id)
        for token in doc.head | doc.head_alternatives:
            heads.setdefault(token, []).append(doc.food_id)
        packed[doc.food_id] = _pack(doc)
    return (
        {t: " ".join(ids) for t, ids in postings.items()},
        packed,
        {t: " ".join(ids) for t, ids in heads.items()},
    )


@cache
def index() -> Index:
    from magcalc.cache import load_or_build
    from magcalc.foods import DATA_FILES

    postings, packed, heads = load_or_build("index", DATA_FILES, _index_rows, code=(__file__,))
    return Index(postings, packed, heads)


_FOOD_WORD_FOODS = 5  # a word that is the head of this many foods is a food's name in plain English


def _all_food_names(words: set[str]) -> bool:
    """Are these words all names of foods ('burger', 'taco', 'pizza' of Burger King, Taco Bell and
    Pizza Hut)? Said alone they name the food, not a brand they are part of."""
    return all(_names_foods(w) for w in words)


_CAPITALS = re.compile(r"[A-Z][A-Z'\u2019]+(?:[ -][A-Z][A-Z'\u2019]+)*")  # 'BURGER KING', 'GRAPE-NUTS'


def _half_said(food_id: str, matched: set[str]) -> bool:
    """Is no brand name of the food (SR28's words in capitals) said whole ('burger' of 'BURGER KING',
    where 'grape nuts' is all of 'GRAPE-NUTS')?"""
    names = _CAPITALS.findall(load_foods()[food_id].description)
    return not any(set(tokenize(name)) <= matched for name in names if name != "USDA")


@cache
def _names_foods(word: str) -> bool:
    """Is the word what several foods of no brand are ('burger': veggie burgers; not 'king')?"""
    idx = index()
    plain = (d for d in map(idx.doc, idx.named((word,))) if word in d.head and not d.brand_tokens)
    return next(itertools.islice(plain, _FOOD_WORD_FOODS - 1, None), None) is not None


def _score(
    doc: _Doc, expansions: list[dict[str, float]], query_words: set[str]
) -> tuple[float, bool, bool, bool, bool, bool]:
    """(score, every word found, the food's head named, no word found only by a spelling guess or
    in other names, no contrary word, a word of its own that the query did not say)."""
    covered = 0.0
    missing = 0
    exact = True
    matched: set[str] = set()
    segments: set[int] = set()
    skipped = False  # a word of the query (a cut, a size) left out
    for options in expansions:
        best, best_token = 0.0, ""
        for token, weight in options.items():
            if weight > best and token in doc.tokens:
                best, best_token = weight, token
        if best_token:
            covered += best * (0.85 if doc.tokens[best_token] == 99 else 1.0)  # description words count most
            exact = exact and best >= 1.0
            matched.add(best_token)
            segments.add(doc.tokens[best_token])
        elif options.keys() & _OPTIONAL:
            covered += 0.97  # "pineapple chunks": the cut is not the food (found, it only breaks ties)
            skipped = skipped or not options.keys() <= _SIZE_WORDS  # 'medium iced coffee' is all of one
        else:
            missing += 1
    score = 100 * covered / len(expansions) - _WORD_MISSING * missing
    score += 3 * (0 in segments)
    if len(segments) == 1 and not missing and not skipped and segments <= {0, 1}:
        # 'egg roll' is all of 'Egg roll, with shrimp' (not 'salad', of 'Carrots, raw, salad')
        (segment,) = segments
        score += _WHOLE_NAME * (sum(1 for s in doc.tokens.values() if s == segment) == len(matched))
    head = bool(doc.head & matched) or bool(doc.head_alternatives & matched)
    score += 6 if head else -_HEAD_MISSING
    plain = True
    specific = False  # the food has a word of its own that the query did not say ('flourless')
    formed = False
    for token, cost in doc.costs.items():
        if token not in matched:
            score -= cost
            # 'Yuca fries' for 'fries', 'with non-dairy milk' for 'with milk': a guess
            plain = plain and cost < _MODIFIER_COST and not (token.startswith("no-") and cost >= 3.0)
            specific = specific or cost >= 3.0
            formed = formed or token in ("raw", "cooked")  # 'cooked' for 'tomato': a guess of the form
    if any(doc.tokens.get(t) == 99 for t in matched):
        exact = False  # a word found only in the food's other names ('blueberry' for 'Muffin, fruit')
    if doc.generic:  # the survey's code for a food said without details ('Pizza, NFS', 'Yogurt, NFS')
        # all its other words said: USDA's own default for them
        score += 1.0 if specific or formed or skipped or missing else _GENERIC_BONUS
    # SR28 stays the reference for whole foods, above even a survey default (the source documents)
    # (not a food changed by a word unsaid: 'Meatballs, meatless' is a legume product)
    whole_food = doc.table == SR28 and doc.survey and doc.group in WHOLE_FOOD_GROUPS and plain
    # ... but not for a kind the words did not say ('Tomatoes, green' for 'tomatoes'): the survey's plain one
    score += 3 * doc.survey + (_SPECIFIC_WHOLE if specific else 3.5 + _GENERIC_BONUS) * whole_food
    if doc.table == SR28 and doc.group in _MADE_DISH_GROUPS:
        score -= _SR28_DISH  # an SR28 product ('frozen entree'): the survey names the dish as eaten
    last = expansions[-1]
    if not any(doc.tokens.get(t, 99) != 99 for t in last):
        score -= 10  # the query's last word (its head, in English) is only in the food's other names
    if (
        doc.group in _RAW_STAPLES and doc.tokens.keys() & _RAW_WORDS and not query_words & _RAW_WORDS
        and not doc.head & _EATEN_AS_NUTS
    ):
        score -= 8  # beans and grains are eaten cooked unless the words say raw
    elif doc.group in _MEATS and doc.tokens.get("raw", 99) != 99 and "raw" not in query_words:
        score -= 8  # so is meat, logged as eaten ('ground beef 85/15'), unless the words say raw
    if "plain" in query_words and any(doc.tokens.get(t, 99) != 99 for t in _FLAVOURS - query_words):
        score -= _FLAVOUR_UNSAID  # 'chobani plain greek yogurt' is not Chobani's vanilla one
        plain = False
    asked_by = _ASKED_BY.get(doc.group)
    said_of_brand = (matched & doc.brand_tokens) - _ORDINARY  # 'double' names no Wendy's Double
    if said_of_brand and _all_food_names(said_of_brand) and _half_said(doc.food_id, matched):
        said_of_brand = set()  # 'burger fries': 'burger' is a food, not Burger King half said
    brand_named = bool(said_of_brand)
    if (asked_by is not None and not (query_words & asked_by or brand_named)) or (
        doc.brand_tokens and not brand_named
    ):
        score -= _PENALTY_UNASKED
        plain = False  # a brand or a baby food that the words did not ask for: a guess
    return score, missing == 0, head, exact, plain, specific or formed


def _rank(words: list[str], foods: Mapping[str, Food], limit: int) -> list[Scored]:
    """The `limit` best candidates, best first. Most candidates cannot rank among them: they are
    scored in the order of a ceiling on their score, until no ceiling left reaches the last kept."""
    idx = index()
    expansions = _expansions(words)
    candidates = _candidates(words, expansions)
    query_words = set(words)
    best: list[Scored] = []  # the `limit` best scored so far, best first
    for complete, ceiling, food_id in _by_ceiling(candidates, expansions):
        if len(best) >= limit and _beyond(complete, ceiling, best[-1]):
            break  # neither this food nor any after it can rank among the best `limit`
        if food_id is None:
            continue  # a ceiling for the foods after it, not a food
        scored = Scored(foods[food_id], *_score(idx.doc(food_id), expansions, query_words))
        bisect.insort(best, scored, key=_order)
        del best[limit:]
    return best


def _expansions(words: list[str]) -> list[dict[str, float]]:
    """The words of the foods each query word may stand for, with their weights."""
    idx = index()
    expansions = [
        {word: 1.0} if word in _OPTIONAL and word not in idx.postings and len(words) > 1 else idx.expand(word)
        for word in words
    ]  # 'walnut halves': a cut no food names is still a cut, not a misspelling
    return [  # 'jammy eggs': no slip for the 'jimmy' of 'Jimmy Dean'
        {w: weight for w, weight in found.items() if w == word or not _half_a_name(w, words)}
        for word, found in zip(words, expansions, strict=True)
    ]


def _candidates(words: list[str], expansions: list[dict[str, float]]) -> frozenset[str]:
    """The foods worth ranking: those with every word, else those missing one, else those of the
    two rarest words."""
    idx = index()
    postings = [
        idx.union(options)
        for word, options in zip(words, expansions, strict=True)
        if word not in _OPTIONAL or len(words) == 1
    ]  # 'cheese slices': the cut does not choose the candidates
    nonempty = sorted((p for p in postings if p), key=len)  # the rarest word first: small intersections
    if not nonempty:
        return frozenset()
    candidates = nonempty[0].intersection(*nonempty[1:]) if len(nonempty) == len(postings) else frozenset()
    named = idx.named(expansions[-1])  # the foods the last word (the head, in English) may name
    if len(nonempty) > 1 and (not candidates or _scattered(candidates - named, words)):
        # no food has every word, or those that have them have them scattered over their other names
        # ('black lentils': 'Bean chips', of 'black bean' and 'lentil chips'): those that miss one
        # word, too, of the foods the last word names
        missing_one: frozenset[str] = frozenset()
        for left_out in range(len(nonempty)):
            others = [p for i, p in enumerate(nonempty) if i != left_out]
            missing_one |= others[0].intersection(*others[1:])
        candidates |= missing_one if not candidates else missing_one & named
    if not candidates:  # nor those: the foods of the two rarest words (not every food with 'raw')
        candidates = frozenset().union(*nonempty[:2])
    return candidates


def _scattered(ids: frozenset[str], words: list[str]) -> bool:
    """Do these foods (a few) have the words only in pieces, some in one other name and some in
    another or in the description ('Beans and brown rice', of 'lentils'), none holding them all?"""
    if not ids or len(ids) > 20:
        return False
    foods = load_foods()
    for food_id in ids:
        described = set(tokenize(foods[food_id].description))
        names = [set(tokenize(n)) for n in re.split(r"[;,/]", _other_names(foods[food_id]))]
        if set(words) <= described or any(set(words) <= name for name in names):
            return False
    return True


def _order(scored: Scored) -> tuple[bool, float, bool, bool, bool, int, str]:
    """Complete first, then by score; of a tie, the survey's food without fat added (the words did
    not say it: 'Black beans, from canned, no added fat'), then the survey's food for a detail not
    said (instant oatmeal 'made with water', whose other names say 'NS as to liquid'; not the one
    made with milk), then the food that adds no kind of its own ('Rolls, dinner, plain' before 'Rolls,
    dinner, egg' for 'dinner roll'), then the shorter name."""
    name = scored.food.description
    decided = "ns as to" not in scored.food.common_names.lower()  # (after the survey's own choice)
    return (not scored.complete, -scored.score, "fat added" in name, decided, scored.specific, len(name),
            scored.food.food_id)


# What `_score` gives any food at most beyond the words it covers (its first segment, its head),
# gives it whatever the query (`_fixed_bonus`, at most _MOST_FIXED_BONUS), takes from a food
# whose head the query does not name, and from one whose description lacks the query's last word.
# `_by_ceiling` relies on these: keep them in step with `_score` (tests/test_matching.py compares
# the pruned ranking with a full one).
_MOST_WORD_BONUS = 3 + _WHOLE_NAME + 6
_MOST_FIXED_BONUS = _GENERIC_BONUS + 3 + (3.5 + _GENERIC_BONUS)
_NO_HEAD = 6 + _HEAD_MISSING
_LAST_WORD_ELSEWHERE = 10


def _fixed_bonus(doc: _Doc) -> float:
    """What `_score` gives a food whatever the query: a generic form, the survey, SR28's whole foods."""
    return (
        _GENERIC_BONUS * doc.generic  # at most: 1.0 when the food says more than the query
        + 3 * doc.survey
        + (3.5 + _GENERIC_BONUS) * (doc.table == SR28 and doc.survey and doc.group in WHOLE_FOOD_GROUPS)
    )


def _by_ceiling(
    candidates: frozenset[str], expansions: list[dict[str, float]]
) -> Iterator[tuple[bool, float, str | None]]:
    """The candidates in the order the best could come (those with every word first), each with
    whether it has every word and a ceiling on its `_score`: what it could score if each query word
    it has were found at full weight, only the description words a query word may stand for went
    unpaid, and every bonus were its own. Each ceiling bounds every one after it, so that only the
    foods whose ceiling reaches the best `limit` found so far need scoring.

    Cheap: set operations, then a few lookups a food, and only for the foods the query may name.
    The others (most candidates: 'raw roasted almonds' finds every raw roasted food) are first
    stood for by one ceiling for them all, yielded with no food id: a caller who stops there never
    looks at them."""
    idx = index()
    words = len(expansions)
    needed = [idx.union(options) for options in expansions if not options.keys() & _OPTIONAL]
    left_out = Counter(chain.from_iterable(candidates - ids for ids in needed))  # words a food lacks
    lacking = {food_id: 100 * n / words + _WORD_MISSING * n for food_id, n in left_out.items()}
    reachable = set().union(*expansions)  # every word of the foods a query word may stand for
    last = tuple(expansions[-1])
    named = idx.named(reachable)

    def ceiling(food_id: str) -> float:
        doc = idx.doc(food_id)
        costs = doc.costs
        found = 100 + _MOST_WORD_BONUS + doc.base - lacking.get(food_id, 0.0)
        for token in reachable:  # costs are positive: a word found saves at most its cost
            if token in costs:
                found += costs[token]
        for token in last:
            if token in costs:
                break
        else:
            found -= _LAST_WORD_ELSEWHERE  # the query's last word is not in the description
        return found if food_id in named else found - _NO_HEAD

    complete = candidates - lacking.keys()
    for group, least_lacking in ((complete, 0.0), (candidates - complete, 100 / words + _WORD_MISSING)):
        is_complete = group is complete
        headed = sorted(((ceiling(f), f) for f in group & named), reverse=True)
        others = group - named
        # base + the costs a food can save <= its fixed bonus: the costs are its own
        others_ceiling = 100 + _MOST_WORD_BONUS + _MOST_FIXED_BONUS - _NO_HEAD - least_lacking
        first = next((n for n, (top, _) in enumerate(headed) if top < others_ceiling), len(headed))
        for top, food_id in headed[: first if others else None]:
            yield is_complete, top, food_id
        if others:
            yield is_complete, others_ceiling, None  # the foods the query does not name, at most
            rest = sorted(headed[first:] + [(ceiling(f), f) for f in others], reverse=True)
            for top, food_id in rest:
                yield is_complete, top, food_id


def _beyond(complete: bool, ceiling: float, last: Scored) -> bool:
    """Would a food with this ceiling rank below `last` whatever it scores? (A margin for rounding.)"""
    if complete != last.complete:
        return last.complete
    return ceiling < last.score - 1e-6


def rank(query: str, limit: int = 10) -> list[Scored]:
    """Bundled foods that match `query`, best first; foods that miss some words rank below."""
    words = tokenize(query)
    if not words:
        return []
    return _rank(words, load_foods(), limit)


@cache
def aliases() -> dict[str, str]:
    """Curated phrase -> food id (data/aliases.csv), each with its reason, where USDA's wording
    defeats scoring."""
    rows = csv.DictReader(io.StringIO(read_text("aliases.csv")))
    return {" ".join(tokenize(row["phrase"])): row["food_id"] for row in rows}


@cache
def _aliases_placed() -> dict[str, tuple[str, ...]]:
    """The words of where in each alias ('on' of 'corn on the cob'): words tokenize leaves out."""
    rows = csv.DictReader(io.StringIO(read_text("aliases.csv")))
    return {" ".join(tokenize(row["phrase"])): _placed(row["phrase"]) for row in rows}


def _placed(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[a-z]+", text.lower()) if w in ("on", "in"))


def _alias(key: str, query: str) -> str | None:
    """The alias of the words, unless the query says a place the alias does not: 'hot dog on a bun' is
    no 'hot dog bun' (the bun alone), though both are the words 'hot dog bun'."""
    found = aliases().get(key)
    if found is None or _placed(query) != _aliases_placed()[key]:
        return None
    return found


@cache
def _eithers() -> dict[str, tuple[str, frozenset[str], str]]:
    """data/either.csv: a food whose everyday name also names another food of other magnesium ('hot
    dog': the frank, or the frank in a bun), the words that settle which, and why."""
    rows = csv.DictReader(io.StringIO(read_text("either.csv")))
    return {r["food_id"]: (r["or_food_id"], frozenset(r["settled_by"].split()), r["why"]) for r in rows}


def either(match: Match, query: str) -> Match:
    """A sure match of a food whose name names another food too is a guess, with the other food first
    among the alternatives, unless the words settle which ('2 hot dogs' is doubtful; '2 hot dog franks'
    and 'hot dog in a bun' are not)."""
    found = _eithers().get(match.food.food_id)
    if not match.confident or found is None:
        return match
    other, settled_by, why = found
    said = set(re.findall(r"[a-z]+", query.lower()))
    if settled_by & (said | {stem(w) for w in said}):
        return match
    rest = tuple(f for f in match.alternatives if f.food_id != other)
    return Match(match.food, False, why, (load_foods()[other], *rest)[:3], match.rivals)


def _different(a: Food, b: Food) -> bool:
    """Would choosing b instead of a change the magnesium clearly (more than 25 % and 3 mg/100 g)?"""
    x, y = a.magnesium_mg_per_100g, b.magnesium_mg_per_100g
    if x is None or y is None:
        return x is not y
    return abs(x - y) > max(3.0, 0.25 * max(x, y))


_METHODS = frozenset(
    ["roasted", "grilled", "baked", "sauteed", "steamed", "fried", "broiled", "braised", "stewed", "poached",
     "boiled", "pan", "airfried", "stir"]
)  # fmt: skip
# Words that say how a food was made, never a food of their own ('trout, rainbow, baked')
PREPARATIONS = frozenset(stem(w) for w in _METHODS | _PREPARED)


_IN_WATER = frozenset({"boiled", "steamed", "poached"})
_IN_FAT = frozenset({"sauteed", "roasted", "grilled", "stir", "pan", "fried"})
_FAT_ADDED = re.compile(r"\bfat added\b|\bcooked with (oil|butter)")


def _cooked_instead(words: list[str], best: Scored, foods: Mapping[str, Food]) -> Match | None:
    """A way of cooking said that the food found lacks ('roasted' for 'Brussels sprouts, raw'):
    the cooked food of the other words, as a guess, when USDA has one."""
    doc = index().doc(best.food.food_id)
    # the method is missing from the food found, or the food found misses other words ('roasted
    # butternut squash' -> roasted pumpkin *seeds*: USDA has no roasted butternut squash)
    method = next((w for w in words if w in _METHODS and (w not in doc.tokens or not best.complete)), None)
    if method is None or (best.complete and _form(best.food) == "cooked"):
        return None
    others = [w for w in words if w != method and w not in ("cooked", "steamed", "sauteed")]
    cooked = [
        s for s in _rank([*others, "cooked"], foods, 8)
        if s.complete and s.head and s.plain and _form(s.food) == "cooked"
    ]  # fmt: skip
    if method in _IN_WATER:  # boiled or steamed: cooked without fat, where USDA says so
        cooked.sort(key=lambda s: "fat added" in s.food.description.lower())
    elif method in _IN_FAT:  # sauteed, roasted, grilled, stir fried: with fat, where USDA says so
        cooked.sort(key=lambda s: _FAT_ADDED.search(s.food.description.lower()) is None)
    chosen = next(iter(cooked), None)
    if chosen is None or (method in doc.tokens and not _different(best.food, chosen.food)):
        return None  # 'baked rainbow trout': 'Fish, trout, baked or broiled' says what was said
    doubt = f"USDA has no {method} one: cooked taken, close in magnesium (by the cup, maybe not in weight)"
    return Match(chosen.food, False, doubt, (best.food,))


@cache
def _brands() -> dict[tuple[str, ...], tuple[str, str, str, str]]:
    """data/brands.csv: brands USDA does not name, and data/names.csv: names of dishes and foods USDA
    does not use ('pancit', 'kangkong') -> (the name, the food's words, why, the food's id or '')."""
    named: dict[tuple[str, ...], tuple[str, str, str, str]] = {}
    for table, column in (("names.csv", "name"), ("brands.csv", "brand")):
        for row in csv.DictReader(io.StringIO(read_text(table))):
            name = row[column]
            named[tuple(tokenize(name))] = (name, row["words"], row["why"], row.get("food_id") or "")
    return named


PLACE = "-"  # the words of a data/brands.csv row that names a restaurant or a shop, not a food


_NUMERALS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half"})


@cache
def numbered_names() -> re.Pattern[str] | None:
    """Names of data/names.csv and brands.csv with a number in them ('fiber one bar', 'five guys',
    'two good'), as a pattern: their number is part of the name, not an amount."""
    names = [
        name for name, *_ in _brands().values()
        if any(w in _NUMERALS or any(c.isdigit() for c in w) for w in name.lower().split())
    ]  # fmt: skip
    names += _usda_numbered_names()  # ('half and half': three words, 'x and y')
    if not names:
        return None
    patterns = (r"[\s-]*".join(map(re.escape, n.lower().split())) for n in names)
    alternatives = sorted(patterns, key=len, reverse=True)  # the longest name first
    # ('one bar of chocolate', 'two scoops of': a number before 'of' is an amount, whatever its words)
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\b(?!\s+of\b)", re.IGNORECASE)


_NUMBER_LED = re.compile(
    r"^\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten|half|quarter)[\s-]+([a-z][a-z'&]*)",
    re.IGNORECASE,
)
# what follows a number in USDA's names when the number is an amount or a strength, not a name
_AMOUNT_AFTER = frozenset(
    {"large", "medium", "small", "minute", "grams", "oz", "calorie", "calories", "calo", "proof", "inch",
     "pound", "third", "the", "dried", "whole"}
)  # fmt: skip


@cache
def _usda_numbered_names() -> list[str]:
    """Names in USDA's descriptions and other names that begin with a number ('3 MUSKETEERS',
    '7-Up', 'QUARTER POUNDER', 'half and half', 'three bean salad'): two words, the number's and
    the next. Found once per data version (a pass over every food: kept in the cache)."""
    from magcalc.cache import load_or_build
    from magcalc.foods import DATA_FILES

    names: list[str] = load_or_build("numbered", DATA_FILES, _find_numbered_names, code=(__file__,))
    return names


def _find_numbered_names() -> list[str]:
    found: set[str] = set()
    for food in load_foods().values():
        for part in re.split(r"[,;()]", f"{food.description};{food.common_names}"):
            led = _NUMBER_LED.match(part)
            if led is not None and led[2].lower() not in _AMOUNT_AFTER:
                words = part.lower().replace("-", " ").split()
                found.add(" ".join(words[:3] if led[2].lower() == "and" else words[:2]))
    return sorted(found)


def is_a_name(words: str) -> bool:
    """Are the words, whole, a name of data/names.csv, data/brands.csv or data/aliases.csv ('fish and
    chips', 'corn on the cob')?"""
    tokens = tokenize(words)
    return tuple(tokens) in _brands() or " ".join(tokens) in aliases()


def _branded(words: list[str]) -> tuple[str, str, str, str] | None:
    """(name, words to match, why, food id) for words that name a brand of data/brands.csv or a food
    of data/names.csv: the food of its id when nothing else is said ('pancit'), else its words with
    the other words ('lays barbecue' -> 'plain potato chips barbecue'), or the other words alone when
    they already say what the food is ('oatly oat milk' -> 'oat milk')."""
    brands = _brands()
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            found = brands.get(tuple(words[start : start + size]))
            if found is None:
                continue
            brand, generic, why, food_id = found
            rest = [*words[:start], *words[start + size :]]
            if generic.strip() == PLACE:  # a restaurant or a shop says where, the other words what
                if rest:
                    return brand, " ".join(rest), why, ""
                continue
            if not rest and food_id:
                return brand, generic, why, food_id
            if size == 1 and food_id and start < len(words) - 1 and words[start] in index().postings:
                continue  # a name that is a word USDA uses, before another food's name, only says which
                # kind ('protein cookie', 'poke sallet'; not 'whole wheat penne'); a brand names its food

            head = tokenize(generic)[-1]
            if head in rest and len(rest) > 1 and set(tokenize(generic)) <= set(rest):
                return brand, " ".join(rest), "the food of the other words", ""  # 'oatly oat milk'
            said = [*words[:start], *tokenize(generic), *words[start + size :]]  # 'chicken pancit'
            return brand, " ".join(dict.fromkeys(said)), why, ""
    return None


def _without(strange: list[str], known: tuple[str, ...], words: list[str], query: str = "") -> Match | None:
    """'everything bagel', 'birria tacos': words no food has before a food's name (a brand, a style
    USDA does not name) leave the food the other words find, as a guess that names the words left
    out. Not when the unknown word is the last, the name itself ('hot cheetos'), or nothing else is
    left; and only when the other words find a food by its head."""
    if "with" in words[1:-1] and set(strange) <= set(words[len(words) - words[::-1].index("with") :]):
        known = tuple(words[: words.index("with")])  # 'mango with tajin': a mango, with what no food has
    elif (words[-1] in strange and not _after_the_name(strange, query)) or (
        "with" in words and set(words[: words.index("with")]) <= set(strange)
    ):
        return None  # ('zorblax with rice': what no food has is the food itself, not what is beside it)
    dropped: list[str] = []
    if _after_the_name(strange, query):  # 'calamari, fried, rhode island style': the part of the
        # app's name that holds the strange word goes with it, not 'island style' without 'rhode'
        parts = [tokenize(p) for p in _APP_PARTS.split(query.lower())]
        known = tuple(w for p in parts if not set(p) & set(strange) for w in p)
        dropped = [" ".join(p) for p in parts if set(p) & set(strange)]
    elif len(known) < len(strange):
        return None
    if not known or set(known) <= _DISH_FORMS:
        return None  # ('buddha bowl': a bowl is no food of its own)
    try:
        match = best_match(" ".join(known))
    except UnknownFood:
        return None
    if match.incomplete:
        return None
    left_out = ", ".join(map(repr, strange))
    doubt = f"{WITHOUT} {left_out}: the food of the other words, as a guess"
    if dropped and dropped != strange:
        doubt = f"{doubt} (left out: {', '.join(map(repr, dropped))})"
    return Match(match.food, False, doubt, match.alternatives)


LEFT_OUT = "words before the food's name left out"


_SHORTENING: set[str] = set()  # the words being read without their first ones, while they are


def _by_its_last_words(words: list[str], query: str) -> Match | None:
    """'walla walla onions', 'carolina gold rice', 'sauteed chanterelles': no food has all the words,
    but the last ones (the food's name, in English) name one, each whole: that food, as a guess that
    says what was left out. Not a list or a dish with something ('zorblax with rice'), nor when what
    is left out says what the food is not ('no salt', 'imitation')."""
    if set(words) & (_NEGATIONS | {"with", "and"}) or len(words) < 2 or _SHORTENING:
        return None  # (never within itself: each shorter reading is tried once, from the outside)
    if re.search(r"[,;&+]| - ", query):
        return None  # an app's name or a list has its own readings
    idx = index()
    for start in range(1, len(words)):
        tail = words[start:]
        if set(tail) <= _DISH_FORMS | _OPTIONAL:
            return None
        if idx.named([words[start - 1]]) and words[start - 1] not in _METHODS:
            return None  # a food's own name is no word to leave out ('oatmilk shaken espresso')
        done = [w for w in words[:start] if w in _METHODS]  # 'grilled walla walla onions': grilled onions
        match = None
        for said in dict.fromkeys((" ".join([*done, *tail]), " ".join(tail))):
            if said == " ".join(words):
                continue  # ('sauteed chanterelles': the method is all that is before the name)
            _SHORTENING.add(said)
            try:
                match = best_match(said)
                if not match.partial and tail[-1] in idx.doc(match.food.food_id).head:
                    break  # the food is what the last word says ('onions'; not 'blend': a cheese)
                match = None
            except UnknownFood:
                match = None
            finally:
                _SHORTENING.discard(said)
        if match is None:
            continue
        kept = set(tokenize(said))
        left_out = " ".join(w for w in words[:start] if w not in kept)
        doubt = f"{LEFT_OUT}: {left_out!r} (no food has them with {' '.join(tail)!r})"
        return Match(match.food, False, doubt, (*match.alternatives, *match.rivals)[:3])
    return None


_LIST = re.compile(r"\s*(?:\band\b|&|,|;|\+|\bwith\b|\bw/)\s*", re.IGNORECASE)


def _across_a_list(name: str, query: str) -> bool:
    """Are a name's words found only across a list's separator ('potato greens', a dish, in 'baked
    potato and green beans'), the name itself having none ('ben & jerrys' may be said 'ben and')?"""
    said = set(tokenize(name))
    if _LIST.search(name) or said >= set(tokenize(query)):  # ('pb&j' is all of the name 'pbj')
        return False
    return not any(said <= set(tokenize(part)) for part in _LIST.split(query))


_APP_PARTS = re.compile(r"\s*,\s*|\s+-\s+")


def _after_the_name(strange: list[str], query: str) -> bool:
    """Are the words no food has only in what an app writes after a food's name ('avocado - hass',
    'chips, potato, utz'), its first part a food of its own?"""
    parts = _APP_PARTS.split(query.lower())
    first = set(tokenize(parts[0]))
    return len(parts) > 1 and bool(first) and not first & set(strange)


def _brand_only(word: str) -> bool:
    """Is the word only ever a maker's or brand's name ('corp' of 'Interstate Brands Corp')?"""
    return all(word in index().doc(food_id).brand_tokens for food_id in index().ids(word))


def _swapped(word: str) -> list[str]:
    """The word with two letters after its first swapped ('mien' -> 'mein', 'mine')."""
    swaps = range(1, len(word) - 1)
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in swaps if word[i] != word[i + 1]]


def _corrected(word: str, beside: Iterable[str] = ()) -> str:
    """The one word a misspelt word most likely stands for ('spagetti' -> 'spaghetti'), else itself;
    of two a slip away, the one some food has beside the other words ('romane lettuce': romaine, not
    romano)."""
    idx = index()
    options = idx.expand(word)
    if word in options:
        return word
    others = [idx.ids(w) for w in beside if w != word and w in idx.postings]  # foods of the other words
    if len(word) == 4:
        # 'chow mien', 'mlik': two letters swapped in a short word, which the near words below miss (they
        # need five letters); a word of the foods' own names, beside the other words said if any
        swapped = [
            w for w in _swapped(word)
            if w in idx.postings and not _brand_only(w)
            and (not others or any(idx.ids(w) & other for other in others))
        ]  # fmt: skip
        if swapped:
            return max(swapped, key=lambda w: len(idx.ids(w)))
    # the words it may stand for, as written: a word is seldom misspelt in its first letter ('lentle'
    # is lentil, not gentle); 'garbonzo' is 'garbanzo', a word people type for USDA's 'chickpea'
    near = {
        w: (weight, w) for w, weight in options.items() if w[0] == word[0] and not _half_a_name(w, beside)
    }
    near |= {same: (weight, typed) for typed, same, weight in _people_words_near(word)}
    if not near:
        return word
    # 'chiken', 'quiona', 'bagle': one slip of a finger; 'brocolli', 'mozarella': a letter doubled wrong
    typo = [w for w, (_, said) in near.items() if one_typo(word, said) or _squeezed(word) == _squeezed(said)]
    if typo:
        def likely(w: str) -> tuple[bool, bool, int]:  # 'cheeze': cheese, of the most foods
            ids = idx.ids(w) if w in idx.postings else frozenset()
            cut_short = bool(ids) and w.startswith(word) and len(w) == len(word) + 1  # "quich": quiche
            return any(ids & other for other in others), cut_short, len(ids)

        return max(typo, key=likely)
    # 'cauliflour': the nearest word, when one is nearest; of two as near, the one of more foods
    # ('lemonaid': lemonade, not lemonada)
    best = max(weight for weight, _ in near.values())
    top = sorted((w for w, (weight, _) in near.items() if weight == best), key=lambda w: -len(idx.ids(w)))
    if best < _NEAREST or (len(top) > 1 and len(idx.ids(top[0])) <= 2 * len(idx.ids(top[1]))):
        return word
    return top[0]


def _half_a_name(word: str, beside: Iterable[str]) -> bool:
    """Is the word, in every food that has it, half of a proper name ('Jimmy Dean') whose other half
    is not said? 'jammy eggs' is no slip for 'jimmy': people spell a brand they say, and say it whole."""
    halves = _other_halves(word)
    return bool(halves) and not halves & set(beside)


@cache
def _other_halves(word: str) -> frozenset[str]:
    idx = index()
    ids = idx.ids(word) if word in idx.postings else frozenset()
    foods = load_foods()
    pairs = re.compile(r"\b([A-Z][A-Za-z']*)\s+(?=([A-Z][A-Za-z']*)\b)")  # each two names side by side
    common: set[str] | None = None
    for food_id in ids:
        text = f"{foods[food_id].description}; {foods[food_id].common_names}"
        others = {
            (b if a.lower() == word else a).lower()
            for a, b in pairs.findall(text)
            if word in (a.lower(), b.lower())
        }
        common = others if common is None else common & others
        if not common:
            return frozenset()
    return frozenset(common or ())


_NEAREST = 0.6  # expand's weight of a word about two letters away in a word of eight


def _people_words_near(word: str) -> list[tuple[str, str, float]]:
    """(typed, the word to use, weight): people's words a slip away from the word, those of _SAME_WORD
    (as USDA's word) and those of data/names.csv and brands.csv ('linguini': linguine)."""
    if len(word) < 5 or not word.isalpha():
        return []
    from rapidfuzz import fuzz

    return [
        (typed, same, 0.75 * ratio / 100)
        for typed, same in _people_words().items()
        if len(typed) >= 5 and typed[0] == word[0] and (ratio := fuzz.ratio(word, typed)) >= 80
        # a name of a dish: one slip, in a word long enough ('mandu' is no mangu)
        and (typed in _SAME_WORD or (len(typed) >= 6 and one_typo(word, typed)))
    ]


@cache
def _people_words() -> dict[str, str]:
    words = {word: word for name in _brands() for word in name if word not in index().postings}
    return {**words, **_SAME_WORD}


def _squeezed(word: str) -> str:
    """The word with doubled letters written once: 'broccoli' and 'brocolli' are both 'brocoli'."""
    return re.sub(r"(.)\1+", r"\1", word)


def _named_by_usda(words: list[str]) -> bool:
    """Do the words, all of them, name a USDA food by its description and head? (Not when a word is in
    no food: 'sweet lassi' is no 'TACO BELL, Nachos', whose 'bell' reads as 'sweet'.)"""
    if any(word not in index().postings for word in words):
        return False
    flavoured_ok = "plain" not in words  # ('chobani plain greek yogurt': none of Chobani's flavoured ones)
    ranked = _rank(words, load_foods(), 3)
    return any(s.complete and s.head and s.exact and (s.plain or flavoured_ok) for s in ranked)


def _other_name_is(food: Food, words: list[str]) -> bool:
    return bool(food.common_names) and any(tokenize(name) == words for name in food.common_names.split(";"))


def _glued(words: list[str], strange: list[str]) -> list[str]:
    """'black eyed' -> 'blackeyed': a word no food has, written as one with the word before or after
    it into a word foods have."""
    postings = index().postings
    out = list(words)
    for word in strange:
        at = out.index(word) if word in out else -1
        if at > 0 and out[at - 1] + word in postings:
            out[at - 1 : at + 1] = [out[at - 1] + word]
        elif 0 <= at < len(out) - 1 and word + out[at + 1] in postings:
            out[at : at + 2] = [word + out[at + 1]]
    return out


# How a food was cut, not what it is: 'jicama sticks' are jicama, 'shortbread fingers' shortbread,
# 'lobster tail' lobster, when no food has all the words ('fish sticks' and 'chicken strips' do)
_CUTS = frozenset(
    stem(w) for w in
    ["stick", "strip", "slice", "sliced", "chunk", "cube", "cubed", "diced", "chopped", "wedge", "floret",
     "spear", "half", "halve", "halves", "halved", "cut", "ring", "round", "coin", "heart", "tail", "bite",
     "minced", "julienned", "segment", "quartered", "finger", "rod", "crushed", "tidbit"]
)  # fmt: skip


def _uncut(words: list[str], ranked: list[Scored]) -> Match | None:
    """The food of the words besides those of how it was cut, when no food found has them all."""
    rest = [w for w in words if w not in _CUTS]
    if not rest or len(rest) == len(words) or (ranked and ranked[0].complete and ranked[0].head):
        return None
    try:
        return best_match(" ".join(rest))
    except UnknownFood:
        return None


def _main_of(words: list[str], ranked: list[Scored], query: str) -> Match | None:
    """'bagel with cream cheese', when no food has all the words: the food before 'with' (a bagel,
    not mashed potatoes with cheese), as a guess that says what was left out."""
    if "with" not in words[1:] or any(s.complete and s.head for s in ranked):
        return None
    at = words.index("with")
    said = set(words[:at])
    if any(s.head and said & _heads_of(s.food) for s in ranked):
        return None  # 'latte with oat milk': a latte with non-dairy milk, found by its head
    try:
        main = best_match(" ".join(words[:at]))
    except UnknownFood:
        return None
    if main.incomplete:
        return None
    typed = re.split(r"\s+(?:with\s+|w/\s*|w\s+)", query.lower(), maxsplit=1)
    left_out = typed[1].strip() if len(typed) == 2 else " ".join(words[at + 1 :])
    doubt = f"{INCOMPLETE}: {left_out!r} is not counted; log it as a food of its own"
    return Match(main.food, False, doubt, (*main.alternatives, *main.rivals)[:3])


def _heads_of(food: Food) -> frozenset[str]:
    """The words that say what a bundled food is (its head and the words that may stand for it)."""
    doc = index().doc(food.food_id)
    return doc.head | doc.head_alternatives


def _unglued(words: list[str]) -> list[str]:
    """'blackbeans' -> 'black', 'bean': a word no food has, split into two words foods have; before
    the last word, only into two words a food's name has side by side ('cornflakes bowl'), not any
    two ('honeycrisp apple' is an apple of a kind, not a honey crisp)."""
    idx = index()
    out: list[str] = []
    for at, word in enumerate(words):
        last = at == len(words) - 1
        if word in idx.postings or len(word) < 6 or not word.isalpha():
            out.append(word)
            continue
        # a word near another ('nutrigrain', a slip from 'multigrain') is still split where a food's
        # name has both halves side by side ('NUTRI-GRAIN')
        near = bool(idx.expand(word))
        for cut in range(3, len(word) - 2):
            left, right = word[:cut], stem(word[cut:])
            if left in idx.postings and right in idx.postings and (
                (last and not near) or _side_by_side(left, right)
            ):
                out += [left, right]
                break
        else:
            out.append(word)
    return out


def _said_apart(query: str) -> tuple[str, str] | None:
    """(the words with two glued, the glued word) where two words said apart are one word of foods
    that USDA never writes as those two ('corn meal' is cornmeal, not Malt-O-Meal Corn Bursts; 'pop
    corn', 'blue berries', 'egg plant'); not 'milk shake', 'whole wheat' or 'ice cream', which USDA
    writes apart too). _glued is the same for a word no food has ('black eyed')."""
    said = query.lower().split()
    for at, (left, right) in enumerate(itertools.pairwise(said)):
        if len(left) < 3 or len(right) < 3 or not left.isalpha() or not right.isalpha():
            continue
        if is_a_name(f"{left} {right}"):  # ('sweet bread', of data/names.csv: no sweetbreads)
            continue
        one, two = tokenize(left + right), tokenize(f"{left} {right}")
        if len(one) != 1 or one[0] not in index().postings or len(two) < 2:
            continue
        if len(two) == 2 and all(w in index().postings for w in two) and _written_apart(*two):
            continue
        return " ".join([*said[:at], left + right, *said[at + 2 :]]), one[0]
    return None


def _written_apart(left: str, right: str) -> bool:
    """Does USDA write these two words one after the other: in a food's name, its other names or a
    food group ('Baby food: vegetables')?"""
    if _side_by_side(left, right) or (left, right) in _group_pairs():
        return True
    foods = load_foods()
    both = index().ids(left) & index().ids(right)
    return any((left, right) in _pairs(foods[food_id].common_names) for food_id in both)


def _pairs(text: str) -> set[tuple[str, str]]:
    """The words one after the other in USDA's text, within its commas and semicolons: 'peanut butter,
    milk chocolate' has no 'butter milk'."""
    return {pair for part in re.split(r"[,;]", text) for pair in itertools.pairwise(tokenize(part))}


@lru_cache(maxsize=1)
def _group_pairs() -> frozenset[tuple[str, str]]:
    groups = {food.food_group for food in load_foods().values()}
    return frozenset(pair for group in groups for pair in itertools.pairwise(tokenize(group)))


def _side_by_side(left: str, right: str) -> bool:
    """Does some food's description have these two words one after the other ('corn flakes')?"""
    foods = load_foods()
    both = index().ids(left) & index().ids(right)
    return any((left, right) in _pairs(foods[food_id].description) for food_id in both)


_RESPELLING: set[str] = set()  # the words being read as respelt, while that reading is looked up


def best_match(query: str) -> Match:
    """The bundled food meant by `query` (no ids, no user foods: see Catalog.resolve). A doubtful
    match gives way to a sure one of another reading of the words: a word split where USDA writes it
    as two ('meatloaf': 'Meat loaf'), or a rare word read as the common one a slip away ('turky' is
    turkey, not MorningStar's Turk'y), as a guess."""
    if (packed := _packed(query)) is not None:
        return packed
    if (placed := _from_a_place(query)) is not None:
        return placed
    if (glued := _said_apart(query)) is not None:
        with suppress(UnknownFood):
            found = best_match(glued[0])
            if glued[1] not in words_missing(found.food, glued[1]):
                return found
    match = _words_match(query)
    if match.confident and (turned := _turned_around(query, match.food)) is not None:
        return Match(match.food, False, turned, match.alternatives)
    if match.confident or query in _READING:
        return match
    words = tokenize(query)
    if (maker := _from_a_maker(words)) is not None:
        return maker
    if match.doubt and match.doubt.startswith(("raw or cooked?", KIND_DOUBT)) and names_every_word(
        match.food, query
    ):
        return match  # the food itself, of a form or kind unsaid: 'breadfruit' is no 'Bread, fruit'
    if _other_name_is(match.food, words):  # 'sticky rice' is a name of glutinous rice: no 'stick rice'
        return match
    _READING.add(query)  # a reading's own readings lead back to the words ('chickpea', 'chick pea')
    try:
        for reading, guess in _readings(words):
            with suppress(UnknownFood):
                other = _words_match(" ".join(reading))
                if other.confident:
                    if not guess:
                        return other
                    misspelt = [w for w in words if w not in reading]
                    return Match(other.food, False, _guessed(words, misspelt),
                                 (match.food, *other.alternatives)[:3])  # fmt: skip
    finally:
        _READING.discard(query)
    return match


_READING: set[str] = set()  # the words whose other readings are being tried


def _from_a_place(query: str) -> Match | None:
    """'hot dogs from the gas station', 'a burrito from the taco truck': where the food came from, in
    words no food has, is no word of the food; the food is the words before 'from' (as they match:
    'fries from mcdonalds', a maker USDA names, is left to _from_a_maker)."""
    words = tokenize(query)
    if "from" not in words[1:-1]:
        return None
    at = len(words) - 1 - words[::-1].index("from")
    if all(word in index().postings for word in words[at + 1 :]):
        return None  # 'from frozen', 'from the deli', 'from wendys': words of foods, matched with them
    with suppress(UnknownFood):
        return best_match(" ".join(words[:at]))
    return None


def _from_a_maker(words: list[str]) -> Match | None:
    """'fries from mcdonalds': the food where it is from, named as people name it there ('mcdonalds
    fries'), when that is a sure food and the words as said are none."""
    if "from" not in words[1:-1]:
        return None
    at = len(words) - 1 - words[::-1].index("from")
    with suppress(UnknownFood):
        found = _words_match(" ".join([*words[at + 1 :], *words[:at]]))
        if found.confident:
            return found
    return None


def _turned_around(query: str, food: Food) -> str | None:
    """'salad with chicken' found as 'Chicken salad, made with mayonnaise': the food's name says the
    words the other way round, and 'X with Y' is seldom the 'Y X' dish (a green salad with chicken on
    it is no chicken salad). A doubt, unless one of the food's names says it as the words do."""
    said = re.split(r"\s+(?:with|w/?)\s+", query.lower(), maxsplit=1)
    if len(said) != 2:
        return None
    main, beside = (tokenize(part) for part in said)
    name = tokenize(food.description.split(",")[0])
    if not main or not beside or name[: len(beside)] != beside or main[-1] not in name[len(beside) :]:
        return None
    names = re.split(r"[;/]", _other_names(food))
    if any(set(main) | set(beside) <= set(tokenize(other)) for other in names):
        return None
    turned, named = f"{' '.join(beside)} {main[-1]}", food.description.split(",")[0]
    return f"{named!r} names the words the other way round: {turned!r} may be another dish"

# 'pineapple chunks in juice', 'sardines in oil', 'peaches in light syrup': what a food is canned in
_PACKED = re.compile(
    r"(?P<food>.+?)\s+(?:canned\s+|packed\s+)?in\s+(?:its\s+own\s+|their\s+own\s+|own\s+)?"
    r"(?P<medium>(?:(?:extra\s+)?(?:light|heavy)\s+)?syrup|juice|water|brine|(?:olive\s+)?oil|tomato\s+sauce)"
)


def _packed(query: str) -> Match | None:
    """A food said to be canned in something ('pineapple tidbits in juice') is that food, as USDA
    has it packed so ('Pineapple, canned, juice pack'), never the packing ('Pineapple juice', 'Fish
    oil, sardine'); packed otherwise, or not at all, as a guess."""
    said = _PACKED.fullmatch(" ".join(query.lower().split()))
    if said is None:
        return None
    food, medium = said["food"], said["medium"]
    packing = f"{medium} pack" if medium.endswith(("syrup", "juice")) else medium
    with suppress(UnknownFood):
        found = best_match(f"{food} {packing}")
        ranked = _rank(tokenize(f"{food} {packing}"), load_foods(), 12)  # (said so seldom: no cache)
        if names_its_head(found.food, food):
            if packing.endswith("pack") and "drained" in found.food.description.lower():
                # fruit in juice or syrup is eaten with it: 'Pineapple, canned, juice pack', not drained
                found = next(
                    (Match(s.food, found.confident, found.doubt, found.alternatives) for s in ranked
                     if s.head and "drained" not in s.food.description.lower()
                     and names_every_word(s.food, packing) and names_its_head(s.food, food)),
                    found,
                )  # fmt: skip
            return found
        packed = next((s for s in ranked if s.complete and names_its_head(s.food, food)), None)
        if packed is not None:
            doubt = f"of the foods of these words, the one USDA has packed in {medium}"
            return Match(packed.food, False, doubt)
    with suppress(UnknownFood):
        found = best_match(food)
        if names_its_head(found.food, food):
            doubt = f"{INCOMPLETE}: none of it packed in {medium}; {found.doubt or 'as USDA has it'}"
            return Match(found.food, False, doubt, (*found.alternatives, *found.rivals)[:3])
    return None


_RARE = 3  # a word of at most this many foods, beside one of many, may be a slip for that one
_COMMON = 30


def _readings(words: list[str]) -> Iterator[tuple[list[str], bool]]:
    """Other readings of words that all foods have: (words, whether a spelling is guessed)."""
    idx = index()
    for at, word in enumerate(words):
        if len(word) >= 7 and word.isalpha() and word in idx.postings:  # 'meatloaf', 'cheesecake'
            for cut in range(3, len(word) - 2):
                left, right = word[:cut], word[cut:]
                if left in idx.postings and right in idx.postings and _side_by_side(left, right):
                    yield [*words[:at], left, right, *words[at + 1 :]], False
                    break
    for at, word in enumerate(words):
        if len(word) >= 5 and word.isalpha() and word in idx.postings and len(idx.ids(word)) <= _RARE:
            common = [
                w for w in idx.expand_near(word)
                if w[0] == word[0] and one_typo(word, w) and len(idx.ids(w)) >= _COMMON
            ]
            if common:
                yield [*words[:at], max(common, key=lambda w: len(idx.ids(w))), *words[at + 1 :]], True


_NAMED_READING: set[str] = set()  # the other words of names (data/names.csv, brands.csv) being read now


def _words_match(query: str) -> Match:
    typed = tokenize(query)
    words = _unglued(typed)
    if not words:
        raise UnknownFood("the food name is empty")
    key = " ".join(words)
    unsized = " ".join(w for w in words if w not in _SIZE_WORDS)  # 'apple - medium': the apple's alias
    alias = _alias(key, query) or (_alias(unsized, query) if unsized else None)
    foods = load_foods()
    if alias is not None:
        return Match(foods[alias], True)
    alias = _alias(" ".join(words[:-1]), query) if len(words) > 2 else None
    if alias is not None and has_measure(foods[alias], words[-1]):  # 'breakfast sausage links': by its link
        return Match(foods[alias], True)
    place = _brands().get(tuple(typed))
    if place is not None and place[1].strip() == PLACE:  # 'cava', 'quiznos': where, not what
        name, _, why, _ = place
        what = why.split(":")[0]  # 'Five Guys is a burger and fries restaurant'
        ask = f"say what you ate there ('{name} <food>')"
        raise UnknownFood(f"{name!r} is a place, not a food ({what}): {ask}")
    branded = _branded(typed)
    if branded is not None and branded[1] in _NAMED_READING:
        branded = None  # 'italian sub roll' -> 'italian hoagie roll' -> 'italian sub roll': read once
    if branded is not None and _across_a_list(branded[0], query):
        branded = None  # 'baked potato and green beans' holds 'potato greens' only across 'and'
    if branded is not None and len(tokenize(branded[0])) < len(words) and _named_by_usda(words):
        branded = None  # 'hot chicken wings': USDA's own food of all the words, not 'hot chicken' in it
    if branded is not None:  # 'lays', 'oatly oat milk', 'gerber sweet potatoes'
        brand, generic, why, food_id = branded
        with suppress(UnknownFood):
            _NAMED_READING.add(generic)
            try:
                found = Match(foods[food_id], False) if food_id in foods else best_match(generic)
            finally:
                _NAMED_READING.discard(generic)
            doubt = f"{brand!r} is a name USDA does not use ({why}): taken as {found.food.description}"
            if found.incomplete:  # 'jacket potato with cheese and beans': beans are no part of it
                doubt = f"{INCOMPLETE}; {doubt}"
            elif found.partial:  # 'puri with aloo sabzi': 'aloo' is in no food, and left out
                doubt = f"{found.doubt}; {doubt}"
            return Match(found.food, False, doubt, (*found.alternatives, *found.rivals)[:3])
    unknown = [w for w in words if w not in index().postings]
    if unknown and (glued := _glued(words, unknown)) != words:
        return best_match(" ".join(glued))  # 'black eyed peas': USDA's 'Blackeyed peas'
    if any(w in _CUTS and w not in index().postings for w in words) and (uncut := _uncut(words, [])):
        return uncut  # 'broccoli florets', 'halved strawberries': words no food has, of how it was cut
    corrected = [_corrected(w, words) for w in words]
    alias = _alias(" ".join(corrected), query) if corrected != words else None
    if alias is not None:  # 'spagetti': the alias of 'spaghetti', as a guess
        return Match(foods[alias], False, f"{GUESSED} a misspelt word, or by another name of the food")
    respelling = " ".join(corrected)
    if (
        corrected != words
        and respelling not in _RESPELLING  # 'medames' -> 'madame' -> 'medames': each reading once
        # (a word left as typed is a word of some food, or of a name people give one: 'bahn mi')
        and all(
            c != w or index().expand(w) or w in _people_words() for w, c in zip(words, corrected, strict=True)
        )
    ):
        # 'cauliflour' is 'cauliflower', found as that word is, raw or cooked as usual; 'zuchini' is
        # 'zucchini', a word people write for USDA's 'zucchini squash'
        _RESPELLING.add(" ".join(words))
        try:
            with suppress(UnknownFood):  # else the words as typed, and an error that names them
                respelt = best_match(respelling)
                nearby = (*respelt.alternatives, *respelt.rivals)[:3]
                return Match(respelt.food, False, _guessed(words), nearby)
        finally:
            _RESPELLING.discard(" ".join(words))
    strange = [w for w in words if not index().expand(w) and not (w in _OPTIONAL and len(words) > 1)]
    if strange:  # a word no food has, near or far: say so, with what the other words found
        known = tuple(w for w in words if w not in strange)
        if (without := _without(strange, known, words, query)) is not None:
            return without
        if words[-1] not in strange and (headed := _by_its_last_words(words, query)) is not None:
            return headed
        raise UnknownFood(unknown_message(query, _suggestions(known), strange))
    ranked = _rank(words, foods, 12)
    if (uncut := _uncut(words, ranked)) is not None:
        return uncut
    if (main_food := _main_of(words, ranked, query)) is not None:
        return main_food
    # 'oreos': the food one of whose other names is all the words ('Oreo'), before one whose other
    # name only holds them ('Golden Oreos')
    if ranked and not ranked[0].exact:  # found only by other names (or a spelling guess)
        ranked.sort(key=lambda s: not _other_name_is(s.food, words))
    if ranked and not ranked[0].exact and not _other_name_is(ranked[0].food, words):
        # 'chicken caesar salad': the survey's food named by all the words ('Chicken or turkey caesar garden
        # salad, ...'), whose long name costs it points, before one of whose other names only holds a
        # word ('creamy Caesar', a dressing that 'Chicken salad, made with creamy dressing' may have)
        by_name = next(
            (s for s in ranked[1:] if s.complete and s.head and s.exact
             and s.food.table == ranked[0].food.table == FNDDS
             and s.score >= ranked[0].score - _NAMED_MARGIN),
            None,
        )  # fmt: skip
        if by_name is not None and ranked[0].complete:
            ranked.remove(by_name)
            ranked.insert(0, by_name)
    # 'taquitos': the food the survey names as the words' default ('taquito or flauta, NFS' among the
    # other names of 'Taquito, beef or pork'), before another kind of it ('Taquito, egg')
    ranked.sort(key=lambda s: not (s.complete and _survey_default_of(s.food, words)))
    plausible = [s for s in ranked if s.head and (s.complete or _coverage(s, words) >= 0.5)]
    if not plausible:
        named = [s for s in ranked if s.complete]
        brand_words = [w for w in words if any(w in index().doc(s.food.food_id).brand_tokens for s in named)]
        unbranded = [w for w in words if w not in brand_words]
        if brand_words and any(w.isalpha() and len(w) > 2 for w in unbranded):  # ('3 musketeers': no '3')
            # 'planters dry roasted peanuts': none of the brand's own foods is of the other words
            # (PLANTERS makes a nut blend 'with peanuts'); the food of the other words, as a guess
            # ('chobani vanilla': the other words say only which kind, and name no food of their own,
            # so the brand's food of them all, Chobani's vanilla yogurt, not vanilla fudge)
            flavoured = set(unbranded) <= _FLAVOURS and bool(named) and named[0].exact
            with suppress(UnknownFood):
                other = None if flavoured else best_match(" ".join(unbranded))
                if other is not None:
                    doubt = f"no food of the brand is named so: taken as {other.food.description}"
                    return Match(other.food, False, doubt, (*other.alternatives, *other.rivals)[:3])
        if named and len(words) <= 2:
            # 'romaine' is 'Romaine lettuce', 'mcchicken' 'McDONALD'S, McCHICKEN Sandwich': the words
            # name a kind of a food without saying the food; the food of that kind, as a guess
            doubt = f"{' '.join(words)!r} is only part of the name of {named[0].food.description}"
            return Match(named[0].food, False, doubt, tuple(s.food for s in named[1:4]))
        if (headed := _by_its_last_words(words, query)) is not None:
            return headed
        raise UnknownFood(unknown_message(query, [s.food for s in ranked if s.head][:3]))
    if "with" in words[1:]:  # 'spaghetti with meat sauce' is spaghetti: the head comes before 'with'
        before = words[: words.index("with")]
        about_main = [s for s in plausible if names_its_head(s.food, " ".join(before))]
        first = about_main[0] if about_main else None
        if first is not None and first is not plausible[0] and (first.complete or not plausible[0].complete):
            plausible = [*about_main, *(s for s in plausible if s not in about_main)]
    best = plausible[0]
    others = [
        s.food
        for s in plausible[1:8]
        if s.food.food_id != best.food.food_id and (s.complete or not best.complete)
    ]
    if cooked := _cooked_instead(words, best, foods):  # 'roasted brussels sprouts': USDA has boiled ones
        return cooked
    if not best.complete:
        if (flavored := _other_flavor(words, best, foods)) is not None:
            return flavored
        if (product := _product_said(words, best, plausible)) is not None:
            # 'quaker - chewy granola bar, chocolate chip': the product its maker's name names (the
            # survey's 'Cereal or granola bar (Quaker Chewy Granola Bar)'), not a hard bar of the flavour
            rest = [f for f in others if f is not product.food][:2]
            return Match(product.food, False, INCOMPLETE, (best.food, *rest))
        if other_food := _other_food(words, best.food):
            # 'acai bowl' -> 'Waffle Bowls', 'avocado toast' -> toast: a food of its own left out
            part = (
                None
                if other_food in _DISH_FORMS
                else next((s.food for s in _rank([other_food], foods, 3) if s.complete), None)
            )
            besides = [w for w in words if w != other_food and w not in _DISH_FORMS]  # not 'bowl' alone
            parts = [f for f in (part, best.food if besides else None) if f is not None]
            raise UnknownFood(unknown_message(query, parts, left_out=other_food))
        usual = _usual_form(corrected, best.food)
        if usual is not None and _form(best.food) != usual[0]:  # 'grape tomatoes': raw, as tomatoes are
            formed = next((s for s in plausible if s.head and _form(s.food) == usual[0]), None)
            if formed is not None:
                return Match(formed.food, False, INCOMPLETE, (best.food, *others[:2]))
        return Match(best.food, False, INCOMPLETE, tuple(others[:3]))
    usual = None if set(words) & _PREPARED else _usual_form(corrected, best.food)
    if usual is not None and _form(best.food) != usual[0]:
        # 'green beans' is eaten cooked, 'pineapple' raw: the usual form, said to be a guess
        # the best food of the words with the form said ('green beans cooked'), if a sure one
        chosen = next(
            (s for s in _rank([*words, usual[0]], foods, 8)
             if s.complete and s.head and s.plain and (s.exact or not best.exact)
             and _form(s.food) == usual[0]),
            None,
        )  # fmt: skip
        if chosen is not None:
            rest = [f for f in others if f is not chosen.food][:2]
            doubt = _usual_doubt(usual) if best.exact else f"{_guessed(words)}; {_usual_doubt(usual)}"
            return Match(chosen.food, False, doubt, (best.food, *rest))
    if usual is None and _raw_staple(words, best.food):  # 'red lentils': USDA's are raw
        staple = _staple_cooked(words, foods)
        if staple is None:
            return Match(best.food, False, _FORM_DOUBT, tuple(others[:3]))
        doubt = _STAPLE_DOUBT if staple.complete else f"{INCOMPLETE}; {_STAPLE_DOUBT}"
        return Match(staple.food, False, doubt, (best.food, *others[:2]))
    if not best.exact:
        return Match(best.food, False, _guessed(words), tuple(others[:3]))
    if not best.plain and not _said_by_its_brand(best.food, words):
        return Match(best.food, False, _changed_by(best.food, words),
                     tuple(others[:3]))  # fmt: skip
    rival = next(
        (s for s in plausible[1:] if s.complete and s.score >= best.score - DOUBT_MARGIN
         and _different(best.food, s.food)
         # 'hummus': not 'Hummus, home prepared', a kind unsaid (of a best named by the words' head:
         # 'ginger' is no sure 'Tea, ginger')
         and (best.specific or not s.specific or not _named_first(best.food, words))),
        None,
    )  # fmt: skip
    if rival is not None:
        forms = {_form(best.food), _form(rival.food)}
        if usual is not None and forms == {"raw", "cooked"}:  # the close second is the other form
            return Match(best.food, False, _usual_doubt(usual),
                         (rival.food, *[f for f in others if f is not rival.food][:2]))  # fmt: skip
        return Match(best.food, False, "a close second food has different magnesium",
                     (rival.food, *[f for f in others if f is not rival.food][:2]))  # fmt: skip
    if not set(words) & _PREPARED:
        # 'kale': raw or cooked? Water makes a cup of one several times the magnesium of the other
        other_form = next(
            (s for s in plausible[1:8] if s.complete and s.plain and s.score >= best.score - FORM_MARGIN
             and _form(s.food) not in (None, _form(best.food)) and _different(best.food, s.food)),
            None,
        )  # fmt: skip
        if other_form is not None and _form(best.food) is not None:
            doubt = _FORM_DOUBT if usual is None else _usual_doubt(usual)
            return Match(best.food, False, doubt,
                         (other_form.food, *[f for f in others if f is not other_form.food][:2]))  # fmt: skip
    unsweetened = _unsweetened_unsaid(best.food, words) or _served_with_unsaid(best.food, words)
    if (best.specific and not _only_usual_form(best.food, words, usual)) or unsweetened:
        # 'blueberry muffin' -> 'Muffins, blueberry, toaster-type': a kind the words did not name,
        # while USDA has other kinds of it with other magnesium. 'Unsweetened' costs next to nothing
        # in the ranking, so any sweetened kind among the first few counts ('cranberry juice')
        margin = float("inf") if unsweetened else KIND_MARGIN
        kind = next(
            (s for s in plausible[1:8] if s.complete and s.head and s.plain
             and s.score >= best.score - margin and _different(best.food, s.food)),
            None,
        )  # fmt: skip
        if kind is not None:
            rest = [f for f in others if f is not kind.food][:2]
            return Match(best.food, False, KIND_DOUBT, (kind.food, *rest))
    if set(words) <= index().doc(best.food.food_id).brand_tokens:
        # 'nature valley': a brand only, of several foods with other magnesium
        product = next(
            (s for s in ranked[1:8] if s.complete and _different(best.food, s.food)
             and all(index().doc(s.food.food_id).tokens.get(w, 99) != 99 for w in words)),
            None,
        )  # fmt: skip  # another of the brand's own foods, named so (not by other names)
        if product is not None:
            rest = [f for f in others if f is not product.food][:2]
            return Match(best.food, False, BRAND_DOUBT, (product.food, *rest))
    return Match(best.food, True, None, tuple(others[:3]), _rivals(best, plausible, words))


def _only_usual_form(food: Food, words: list[str], usual: tuple[str, str] | None) -> bool:
    """Is the food's one word unsaid its usual form ('Strawberries, raw' for 'strawberries')? Then it is
    the food the words name, not a kind of it: canned or frozen ones are other forms, asked by name."""
    if usual is None or _form(food) != usual[0]:
        return False
    doc = index().doc(food.food_id)
    if any(doc.tokens.get(w, 99) == 99 for w in words):
        return False  # 'pineapple chunks': a cut the raw fruit's name lacks, and canned ones are sold so
    unsaid = [token for token in doc.costs if token not in words]
    # ('Apples, raw, without skin': what it is without is a kind of it, however cheap)
    return not any(doc.costs[t] >= 3.0 or t in ("with", "without") or t.startswith("no-") for t in unsaid)


def _product_said(words: list[str], best: Scored, plausible: list[Scored]) -> Scored | None:
    """Of foods that lack some words, the one whose own bracketed product name ('(Quaker Chewy Granola
    Bar)', two words or more) is all said, when the best's is not: the words left are its flavour."""

    def said(food: Food) -> bool:
        where = _BRACKETED.search(food.description.split(",")[0])
        named = set(tokenize(where[1])) if where else set()
        return len(named) > 1 and named <= set(words)

    if said(best.food):
        return None
    return next(
        (s for s in plausible[1:8] if s.head and s.score >= best.score - _PRODUCT_MARGIN and said(s.food)),
        None,
    )


_PRODUCT_MARGIN = 10.0  # a food of the product named this close to a best that lacks as many words


def _named_first(food: Food, words: list[str]) -> bool:
    """Is the food's name led by the words' head, their last word ('Hummus, plain' for 'hummus')?"""
    return tokenize(food.description)[:1] == words[-1:]


def _served_with_unsaid(food: Food, words: list[str]) -> bool:
    """'mutton' -> 'Lamb or mutton with gravy': a dish of the food with another food not said, when
    the words are only the food's name (any plain food of it among the first few makes it a guess)."""
    name = food.description.split(",")[0].lower()
    if " with " not in name or _survey_default_of(food, words):  # 'lasagna': 'lasagna NFS' is with meat
        return False
    before, after = name.split(" with ", 1)
    return not set(words) & set(tokenize(after)) and set(words) <= set(tokenize(before))


BRAND_DOUBT = "the brand makes several foods with other magnesium; the words do not say which"


def _survey_default_of(food: Food, words: list[str]) -> bool:
    """Is one of the food's other names the words with 'NFS' ('taquito or flauta, NFS'), or is it the
    survey's NFS food of its name for a detail not said: the food the survey takes for the words when
    nothing more is said?"""
    said = set(words)
    # 'cereal': 'Cereal, ready-to-eat, NFS', whose other names say it is for 'NS as to cooked or
    # ready-to-eat': the survey's code for its name said with nothing more
    undecided = any(n.strip().lower().startswith("ns as to") for n in food.common_names.split(";"))
    own_name = set(tokenize(food.description.split(",")[0]))
    if undecided and ", nfs" in food.description.lower() and said == own_name:
        return True
    if "nfs" not in food.common_names.lower():
        return False
    for name in food.common_names.split(";"):
        named = _NFS_NAME.fullmatch(name.strip())
        if named and any(set(one) == said for one in _alternatives(named[1])):
            return True
    return False


def _alternatives(name: str) -> list[list[str]]:
    """The words of each of 'X or Y': 'taquito or flauta' -> taquito, flauta; 'sweet and sour chicken
    or turkey' -> sweet and sour chicken, sweet and sour turkey (a shorter one shares the first's lead)."""
    parts = [tokenize(part) for part in re.split(r"\s+or\s+|\s*/\s*", name)]
    first = parts[0]
    return [first, *([*first[: len(first) - len(part)], *part] for part in parts[1:])]


_NFS_NAME = re.compile(r"(.+?),?\s+NFS", re.IGNORECASE)  # (the survey writes 'pho, nfs' too)


def _unsweetened_unsaid(food: Food, words: list[str]) -> bool:
    """The food is the unsweetened kind ('Cranberry juice, unsweetened'), which the words did not say."""
    return "unsweetened" not in words and index().doc(food.food_id).tokens.get("unsweetened", 99) != 99


def _rivals(best: Scored, plausible: list[Scored], words: list[str]) -> tuple[Food, ...]:
    """The close second foods that made no doubt only because their magnesium per 100 g is about the
    same: a close score, the other form (raw, cooked) when the words say none, or another kind of a
    specific food. By the cup or by the item they may still differ (measured in report)."""
    form = _form(best.food)
    unsaid_form = not set(words) & _PREPARED and form is not None
    found = [
        s.food for s in plausible[1:8]
        if s.complete and s.food.food_id != best.food.food_id and (
            s.score >= best.score - DOUBT_MARGIN
            or (unsaid_form and s.plain and s.score >= best.score - FORM_MARGIN
                and _form(s.food) not in (None, form))
            or (best.specific and s.head and s.score >= best.score - KIND_MARGIN)
        )
    ]  # fmt: skip
    return tuple(found[:3])


@cache
def _usual_forms() -> dict[tuple[str, ...], tuple[str, str]]:
    """data/usual_forms.csv: the form a vegetable is usually eaten in, when the words do not say."""
    rows = csv.DictReader(io.StringIO(read_text("usual_forms.csv")))
    return {tuple(tokenize(row["food"])): (row["form"], row["why"]) for row in rows}


def _is_fruit(food: Food) -> bool:
    fndds_fruit = food.table == FNDDS and food.food_id[:2] in _FRUIT_CODES
    return fndds_fruit or food.food_group == "Fruits and Fruit Juices"


_FRUIT_CODES = frozenset({"61", "62", "63"})  # FNDDS: citrus, dried and other fruits (64: juices)


def _usual_form(words: list[str], food: Food) -> tuple[str, str] | None:
    """(form, why) when the words name a food usually eaten raw or cooked: data/usual_forms.csv for
    vegetables (the table's food must be the head of the food found: not 'corn' for 'Tortilla,
    corn'), raw for any fruit but its juice."""
    said = [w for w in words if w not in _OPTIONAL]
    if "with" in said:
        said = said[: said.index("with")]
    if not said:
        return None
    doc = index().doc(food.food_id)
    for name, usual in _usual_forms().items():
        # the vegetable is what the words name, not its seeds ('pumpkin seeds' are no pumpkin)
        if set(name) <= set(said) and (doc.head | doc.head_alternatives) & set(name) and not (
            (set(said) - set(name)) & _SEEDS
        ):
            return usual
    if _is_fruit(food) and "juice" not in words:
        return ("raw", "fruit is eaten raw")
    return None


_SEEDS = frozenset({"seed", "kernel"})
_FORM_DOUBT = "raw or cooked? the words do not say, and it matters"
def _guessed(words: list[str], misspelt: list[str] | None = None) -> str:
    """Why a match found not quite by the words as typed is a guess."""
    if misspelt is None:
        misspelt = [w for w in words if w not in index().postings and w not in _OPTIONAL]
    if misspelt:
        verb = "stands" if len(misspelt) == 1 else "stand"
        return f"{GUESSED} what {', '.join(map(repr, misspelt))} {verb} for"
    return ANOTHER_NAME


def contrary_to(food: Food, words: str) -> bool:
    """Has the food a word that makes it another food ('non-dairy', 'liqueur', 'dried'), unsaid?"""
    doc = index().doc(food.food_id) if food.table in (SR28, FNDDS) else None
    if doc is None:
        return False
    said = set(tokenize(words))
    kind_said = any(doc.tokens.get(w) == 99 for w in said)  # 'oat milk' names which non-dairy milk
    return any(
        t not in said and (cost >= _CONTRARY_COST or (t.startswith("no-") and cost >= 3 and not kind_said))
        for t, cost in doc.costs.items()
    )


def _said_by_its_brand(food: Food, words: list[str]) -> bool:
    """'red bull' -> 'Energy drink (Red Bull)', 'clif bar' -> 'Nutrition bar (Clif Bar)': the words
    are the maker's name in the brackets that end the food's name, and what they leave unsaid is only
    what the food is (not 'gatorade' -> 'Sports drink (Gatorade G)': which Gatorade is unsaid)."""
    outside, noted = _bracketed(food.description.split(",")[0])
    said = set(words)
    if not noted or not said & noted or not said <= noted | set(outside):
        return False
    doc = index().doc(food.food_id)
    return all(t in said or t in outside or cost < _MODIFIER_COST for t, cost in doc.costs.items())


def _changed_by(food: Food, words: list[str]) -> str:
    """'the food is also canned, which you did not say': the words of the food that change it."""
    doc = index().doc(food.food_id)
    said = set(words)
    changing = [
        t.replace("no-", "no ", 1) for t, cost in doc.costs.items()
        if t not in said
        and (cost >= _MODIFIER_COST or t in doc.brand_tokens or (t.startswith("no-") and cost >= 3))
    ][:3]  # fmt: skip
    if not changing:
        return "the food is of a kind or brand you did not say"
    return f"{ALSO_UNSAID} {', '.join(map(repr, changing))}, which you did not say"


_STAPLE_DOUBT = "raw or cooked? the words do not say: cooked taken, as beans and grains are eaten"


def _raw_staple(words: list[str], food: Food) -> bool:
    """An SR28 bean or grain described raw or dry ('Lentils, pink or red, raw'), for words that say
    neither that nor another form."""
    if food.table != SR28 or food.food_group not in _RAW_STAPLES or _form(food) == "cooked":
        return False
    if index().doc(food.food_id).head & _EATEN_AS_NUTS:  # 'spanish peanuts' are no boiled peanuts
        return False
    said = set(words) & (_RAW_WORDS | _PREPARED | {"flour", "meal", "sprout", "germ", "bran", "pasta"})
    return not said and bool(index().doc(food.food_id).tokens.keys() & _RAW_WORDS)


def _staple_cooked(words: list[str], foods: Mapping[str, Food]) -> Scored | None:
    """The cooked bean or grain of the words, or of all but a kind word ('red lentils': lentils,
    cooked), when USDA has one."""
    query = [*words, "cooked"]
    return next(
        (s for s in _rank(query, foods, 8) if s.head and s.plain and _form(s.food) == "cooked"
         and (s.complete or _coverage(s, query) >= 0.6)),
        None,
    )  # fmt: skip


def _usual_doubt(usual: tuple[str, str]) -> str:
    form, why = usual
    return f"raw or cooked? the words do not say: {form} taken, {why}"


def form_of(food: Food) -> str | None:
    """'raw' or 'cooked' as the description says, else None."""
    return _form(food)


def _form(food: Food) -> str | None:
    """'raw' or 'cooked' as the description says, else None."""
    words = set(tokenize(food.description))
    if words & {"cooked", "boiled", "baked", "roasted", "steamed", "fried", "grilled", "stewed", "braised"}:
        return "cooked"
    if "raw" in words:
        return "raw"
    return None


@lru_cache(maxsize=4096)
def _suggestions(words: tuple[str, ...]) -> list[Food]:
    """Up to three foods the known words of an unknown name point at (the same words recur: cached)."""
    if not words:
        return []
    return [s.food for s in _rank(list(words), load_foods(), 12) if s.head][:3]


def names_every_word(food: Food, words: str) -> bool:
    """Has the food every word of these (in its name or other names), its head among them?"""
    said = set(_unglued(tokenize(words)))
    doc = index().doc(food.food_id)
    return bool(said) and said <= doc.tokens.keys() and bool(said & (doc.head | doc.head_alternatives))


def names_its_head(food: Food, words: str) -> bool:
    """Do these words name what the food is (its head), not only something in it?"""
    if food.table not in (SR28, FNDDS):
        return True
    said, heads = set(tokenize(words)), _heads_of(food)
    if said & heads:
        return True
    # 'steamed brocoli': a word no food has, one slip from the head, names it
    return any(one_typo(w, h) for w in said if w not in index().postings for h in heads)


def words_missing(food: Food, words: str) -> frozenset[str]:
    """The words (as matched: plurals folded) that the food has nowhere, not even as a near word."""
    if food.table not in (SR28, FNDDS):
        return frozenset()
    idx = index()
    doc = idx.doc(food.food_id)
    said = [w for w in _unglued(tokenize(words)) if w not in _OPTIONAL]
    return frozenset(w for w in said if not doc.tokens.keys() & idx.expand(w).keys())


def _other_flavor(words: list[str], best: Scored, foods: Mapping[str, Food]) -> Match | None:
    """'utz crab seasoning potato chips': words the food lacks, where the survey codes a flavor it
    does not name ('Potato chips, other flavored'): that food, as a guess naming the words."""
    missing = words_missing(best.food, " ".join(words))
    kept = [w for w in words if w not in missing]
    if not missing or not kept or "flavored" in words:
        return None
    for scored in _rank([*kept, "other", "flavored"], foods, 5):
        if (
            scored.complete and "other flavored" in scored.food.description.lower()
            and _heads_of(scored.food) & _heads_of(best.food) & set(kept)  # still the food said
        ):
            doubt = f"{INCOMPLETE}: {', '.join(sorted(missing))} taken as a flavor USDA does not name"
            return Match(scored.food, False, doubt, (best.food,))
    return None


def _other_food(words: list[str], food: Food) -> str | None:
    """The word of the query that `food` lacks when all `food` has of the query is a dish ('acai
    bowl' -> 'Waffle Bowls', 'poke bowl'): the words name a dish USDA does not have, not that food.
    (A food word left out of a dish that is otherwise found, 'avocado toast' -> toast, stays a
    guess: 'cherry tomatoes' and 'oat milk latte' are that shape too, and are found right.)"""
    idx = index()
    doc = idx.doc(food.food_id)
    found = [w for w in words if doc.tokens.keys() & idx.expand(w).keys()]
    if found and all(w in _DISH_FORMS for w in found):
        return next((w for w in words if w not in found and w not in _OPTIONAL), None)
    return None


def _coverage(scored: Scored, words: list[str]) -> float:
    """The share of the words found as typed, or 0 when none of them names the food's head: a
    partial match is offered (as a guess) only when the food is what the words are about."""
    doc = index().doc(scored.food.food_id)
    words = [w for w in words if w not in _OPTIONAL] or words  # 'plain', 'large': no food of their own
    found = [w for w in words if w in doc.tokens]
    if not set(found) & (doc.head | doc.head_alternatives):
        return 0.0
    return len(found) / len(words)


def unknown_message(
    query: str, suggestions: list[Food], strange: list[str] | None = None, left_out: str | None = None
) -> str:
    hint = (
        "; did you mean: " + " | ".join(f"{f.description} ({f.food_id})" for f in suggestions)
        if suggestions
        else ""
    )
    words = f" (no food has the word {', '.join(map(repr, strange))})" if strange else ""
    if left_out:  # two foods in one name: the suggestions are its parts
        words = f" (no USDA food is {left_out!r} and the rest of it together)"
        parts = " and ".join(f"{f.description} ({f.food_id})" for f in suggestions)
        hint = f"; log what is in it instead, e.g. {parts}" if parts else ""
    return (
        f"unknown food {query!r}{words}{hint}; to log it anyway, add it as your own food: "
        f"magcalc foods add {_quoted(query)} --mg-per-100g MG"
    )


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"
