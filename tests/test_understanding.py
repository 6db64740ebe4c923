"""Issue 11: phrases, counts, typical portions, sources, confidence, and the realistic diary lines."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from magcalc.catalog import Catalog, words_key
from magcalc.errors import MagcalcError, UnknownFood
from magcalc.foods import load_foods
from magcalc.matching import unasked
from magcalc.models import Entry
from magcalc.phrases import parse, parse_one
from magcalc.report import Measurer
from magcalc.units import item_portion, measure
from tests import realistic
from tests.conftest import Run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 eggs", [(2, None, "eggs")]),
        ("1 cup of cooked spinach", [(1, "cup", "cooked spinach")]),
        ("sweet potato, baked, medium", [(1, "medium", "sweet potato, baked")]),
        ("half an avocado", [(0.5, None, "avocado")]),
        ("1 whole wheat pita", [(1.0, None, "whole wheat pita")]),  # whole wheat: the flour, not a whole
        ("1 whole avocado", [(1.0, "whole", "avocado")]),
        ("pumpkin seeds handful", [(1.0, "handful", "pumpkin seeds")]),  # a household word at the end
        ("black beans half cup", [(0.5, "cup", "black beans")]),
        ("avocado half", [(0.5, None, "avocado")]),
        ("bottle of beer", [(None, "bottle", "beer")]),  # a container first, with no number
        ("burrito bowl", [(None, None, "burrito bowl")]),  # a food's own name, not a bowl of burrito
        ("half a cup of granola", [(0.5, "cup", "granola")]),
        ("peanut butter 2 tbsp", [(2, "tbsp", "peanut butter")]),
        ("2 slices of cheese pizza", [(2, "slices", "cheese pizza")]),
        ("a handful of almonds", [(1, "handful", "almonds")]),
        ("1 1/2 cups oatmeal", [(1.5, "cup", "oatmeal")]),
        ("½ avocado", [(0.5, None, "avocado")]),
        ("a couple of cookies", [(2, None, "cookies")]),
        ("a quarter cup of walnuts", [(0.25, "cup", "walnuts")]),
        ("30g oats", [(30, "g", "oats")]),
        ("6 inch turkey sub", [(1, None, "6-inch turkey sub")]),  # a size in inches: one of it, not 6
        ('2 12" pizzas', [(2, None, "12-inch pizzas")]),
        ("banana", [(None, None, "banana")]),
        ("macaroni and cheese", [(None, None, "macaroni and cheese")]),
        (
            "2 eggs, a slice of whole wheat toast and a cup of coffee",
            [(2, None, "eggs"), (1, "slice", "whole wheat toast"), (1, "cup", "coffee")],
        ),
        ("a banana and 1 oz almonds", [(1, None, "banana"), (1, "oz", "almonds")]),
        ("1,5 cups rice", [(1.5, "cup", "rice")]),  # a decimal comma, not a list
        ("8 pcs california roll", [(8, "pcs", "california roll")]),  # measure words as people shorten them
        ("1 venti chai latte", [(1, "venti", "chai latte")]),
        ("1 fun size snickers", [(1, "fun size", "snickers")]),
        ("1 scoop whey in 1 cup almond milk", [(1, "scoop", "whey"), (1, "cup", "almond milk")]),
        ("tuna in water", [(None, None, "tuna in water")]),
        ("eggs w/ toast", [(None, None, "eggs with toast")]),  # 'w/' and 'w' as people shorten 'with'
        ("a bagel w cream cheese and a black tea", [(1, None, "bagel with cream cheese"), (1, None, "black tea")]),
        ("a banana before my long run", [(1, None, "banana")]),  # when, not what
        ("oatmeal for breakfast and a banana", [(None, None, "oatmeal"), (1, None, "banana")]),
        ("shake: 1 scoop whey, 1 banana", [(1, "scoop", "whey"), (1, None, "banana")]),  # a label, no food
        ("lunch at the plant: 2 apples", [(2, None, "apples")]),  # a label of a few words
        ("fiber one bar", [(None, None, "fiber-one-bar")]),  # a number in a name is no amount
        ("2 two good yogurts", [(2, None, "two-good yogurts")]),
        ("keto lunch 3 eggs, half an avocado", [(3, None, "eggs"), (0.5, None, "avocado")]),  # a meal
        ("dinner - chicken and rice", [(None, None, "chicken and rice")]),
        ("breakfast burrito", [(None, None, "breakfast burrito")]),  # a meal's word in a food's name
        ("a 20 oz mountain dew", [(20, "oz", "mountain dew")]),  # the article before a number
        ("curry over 1 cup rice", [(None, None, "curry"), (1, "cup", "rice")]),
        ("gumbo over rice", [(None, None, "gumbo with rice")]),  # USDA's 'Gumbo with rice'
        ("2 eggs over easy", [(2, None, "eggs over easy")]),
        ("pigs in a blanket 4", [(4, None, "pigs in a blanket")]),  # 'in a' says where, not another food
        ("1/2 pb&j", [(0.5, None, "pbj")]),  # half a sandwich, not peanut butter and a jelly
        ("chick fil a 8 ct nuggets", [(8, None, "chick fil a nuggets")]),  # a count inside the name
        ("pickles and ice cream lol", [(None, None, "pickles and ice cream")]),  # a laugh is no food
        ("cereal, shredded wheat 2 biscuits", [(2, "biscuits", "cereal, shredded wheat")]),  # an export's
        ("english muffin, whole wheat 1 muffin", [(1, "muffin", "english muffin, whole wheat")]),
        ("2 eggs!! :)", [(2, None, "eggs")]),
        ("chips and a cookie", [(None, None, "chips"), (1, None, "cookie")]),  # a cookie, not chips counted
        ("corn, and frybread w honey", [(None, None, "corn, and frybread with honey")]),  # ', and' joins whole
        ("1 gogo squeez applesauce pouch", [(1, "pouch", "gogo squeez applesauce")]),  # a container after it
        ("2 la croix cans", [(2, "cans", "la croix")]),
        ("2 reeses cups", [(2, None, "reeses cups")]),  # (a cup ends a food's name)
        ("10 gummy bears", [(10, None, "gummy bears")]),  # a kind of candy: was 10 'gummies' of bears
        ("2 gummy magnesium", [(2, "gummy", "magnesium")]),  # a dose
        ("Watermelon, fresh - 2 cup, diced", [(2, "cup, diced", "watermelon, fresh")]),  # an app's line
        ("Potato - 1 medium, baked", [(1, "medium", "potato baked")]),  # how it was cooked: the food's
        ("Avocado - 0.5 fruit", [(0.5, "fruit", "avocado")]),  # the app's own measure word: was no amount
        ("grande latte", [(None, "grande", "latte")]),  # a size first, with no number: was a latte, 360 g
    ],
)
def test_phrases_are_taken_apart(text: str, expected: list[tuple[float | None, str | None, str]]) -> None:
    assert [(p.quantity, p.unit, p.food) for p in parse(text)] == expected


@given(st.integers(1, 12), st.sampled_from(["cup", "oz", "g", "tbsp", "slice"]),
       st.sampled_from(["almonds", "cooked spinach", "oat milk", "whole wheat bread"]))  # fmt: skip
def test_a_number_a_unit_and_a_food_come_back_as_typed(number: int, unit: str, food: str) -> None:
    for text in (f"{number} {unit} {food}", f"{number} {unit} of {food}", f"{food} {number} {unit}"):
        phrase = parse_one(text)
        assert (phrase.quantity, phrase.food) == (number, food)
        assert phrase.unit is not None


@given(st.text(max_size=60))
def test_the_phrase_parser_never_crashes(text: str) -> None:
    from magcalc.errors import MagcalcError

    try:
        parsed = parse(text)
    except MagcalcError:
        return
    assert all(p.food and (p.quantity is None or p.quantity > 0) for p in parsed)


def test_counts_use_the_natural_item_and_never_a_measure_of_several() -> None:
    foods = load_foods()
    egg = measure(foods["01123"], 2, None)
    assert egg.grams == 100 and "1 large" in (egg.assumed or "")
    pancakes = measure(foods["55100005"], 3, None)  # its typical portion (100 g) is two pancakes
    assert pancakes.grams == 150 and "medium pancake" in (pancakes.assumed or "")
    almonds = measure(foods["12061"], 23, None)  # 'oz (23 whole kernels)'
    assert almonds.grams == pytest.approx(28.35, abs=0.1)
    # FNDDS 'Almonds, NFS': '1 nut', 1.2 g, not 23 typical portions
    nuts = measure(foods["42100100"], 23, None)
    assert nuts.grams == pytest.approx(27.6)
    bologna = foods["07039"]  # measured only as 'serving 2 slices', 57 g
    assert measure(bologna, 2, "slices").grams == measure(bologna, 2, None).grams == 57
    links = measure(foods["07919"], 2, None)  # 'oz, 2 links': 2 oz, 56 g, are two links
    assert links.grams == 56
    patties = measure(foods["25221405"], 2, None, "breakfast sausage patties")  # the item said last
    # shredded wheat's 'rectangular biscuit' (25 g), not its 'spoon size biscuit' (3 g), unless said
    assert measure(foods["57417000"], 2, "biscuits").grams == 50
    assert patties.grams == 70 and "patty" in (patties.assumed or "")


def test_the_words_of_a_form_choose_the_measure_of_that_form() -> None:
    flaxseed = load_foods()["12220"]  # '1 tbsp, whole' 10.3 g and '1 tbsp, ground' 7 g
    assert measure(flaxseed, 2, "tbsp", "ground flaxseed").grams == 14
    assert measure(flaxseed, 2, "tbsp", "flaxseed").grams == pytest.approx(20.6)
    (almonds,) = Measurer(Catalog())(Entry(line=1, input="2 tbsp slivered almonds", amount=None, unit=None))
    assert almonds.grams == pytest.approx(13.5) and almonds.confident  # its 'cup, slivered', 108 g


def test_a_size_in_inches_takes_the_measure_of_that_size() -> None:
    (sub,) = Measurer(Catalog())(Entry(line=1, input="a 6 inch turkey sub", amount=None, unit=None))
    assert sub.grams == 195 and sub.assumed and '6" submarine' in sub.assumed  # one, not six
    (pizza,) = Measurer(Catalog())(Entry(line=1, input="12 inch cheese pizza", amount=None, unit=None))
    assert pizza.grams == 691  # 'medium pizza (11-12" diameter)'


def test_a_count_ending_in_a_measure_counts_that_measure() -> None:
    (spears,) = Measurer(Catalog())(Entry(line=1, input="6 asparagus spears", amount=None, unit=None))
    # asparagus is eaten cooked (data/usual_forms.csv): 6 of SR28's cooked spears, 15 g each
    assert spears.food_name.startswith("Asparagus, cooked") and spears.unit == "spear" and spears.grams == 90
    (sticks,) = Measurer(Catalog())(Entry(line=1, input="3 fish sticks", amount=None, unit=None))
    assert sticks.food_name == "Fish, stick" and sticks.confident  # a food named by the measure stays one
    (links,) = Measurer(Catalog())(Entry(line=1, input="2 breakfast sausage links", amount=None, unit=None))
    assert links.food_name == "Pork sausage" and links.grams == 40  # data/aliases.csv's, by its measure


@pytest.mark.parametrize(
    ("words", "better"),
    [("sparkling water", "Water, carbonated"), ("tofu", "Soybean curd"), ("milk", "Milk, NFS"),
     ("baked beans", "Baked beans"),  # the survey's food named by exactly these words
     ("canned black beans", "Black beans, from canned, no added fat")],  # no fat the words did not say
)
def test_plain_words_find_the_plain_food_not_a_brand(words: str, better: str) -> None:
    match = Catalog().resolve(words)
    assert match.food.description.startswith(better) and match.confident, match.food.description


@pytest.mark.parametrize(
    ("words", "sure"),
    [("burger fries", False),  # was Burger King's fries, sure: 'burger' is a food, Burger King half said
     ("burger king fries", True), ("taco bell bean burrito", True),
     ("grape nuts", True),  # all of POST's 'GRAPE-NUTS', though grapes and nuts are foods
     # the maker's name in the brackets of USDA's name says what it is: was a guess, 'also energy'
     ("red bull", True), ("clif bar", True),
     ("gatorade", False)],  # 'Sports drink (Gatorade G)': which Gatorade is unsaid
)  # fmt: skip
def test_a_brand_is_said_only_by_more_than_a_food_word_of_its_name(words: str, sure: bool) -> None:
    match = Catalog().resolve(words)
    assert match.confident == sure, (match.food.description, match.doubt)


@pytest.mark.parametrize(
    ("food", "amount", "unit", "found", "grams"),
    [("Yogurt, greek, vanilla", 0.75, "cup", "flavors other than fruit", 183.8),  # was refused: SR28's has
     ("frosted mini wheats", 1, "bowl", "FROSTED MINI-WHEATS", 84),  # no cup; the survey's 'flavors other
     ("yogurt, greek, vanilla", None, None, "Yogurt, Greek, vanilla", 150),  # than fruit' has. Was 28 g:
     ("chobani vanilla", None, None, "Yogurt, Greek", None),  # its 5.3 oz cup. Was vanilla fudge
     ("strawberry milkshake", None, None, "Milk shake", None)],  # was a strawberry milkshake Pop-Tart
)  # fmt: skip
def test_flavours_brands_and_bowls_find_the_food_and_its_measure(
    food: str, amount: float | None, unit: str | None, found: str, grams: float | None
) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=food, amount=amount, unit=unit))
    assert found in item.food_name and (grams is None or item.grams == pytest.approx(grams, abs=0.1))


def test_plain_said_is_no_flavour() -> None:
    match = Catalog().resolve("chobani plain nonfat greek yogurt")  # was Chobani's vanilla one, sure
    # then Chobani's vanilla one, as a guess: the brand has no plain one, so USDA's plain nonfat one
    assert match.food.description == "Yogurt, Greek, plain, nonfat" and not match.confident


@pytest.mark.parametrize(
    ("food", "amount", "unit", "grams"),
    [("clementines", 3, "pc", 255),  # was 3 sections (24 g): a piece of fruit is one fruit
     ("tangerine", 2, "pcs", 218), ("pineapple", 2, "pieces", 112),  # (of a pineapple, a chunk)
     ("pita bread", 1, "whole", 57), ("pita bread", 1, "ct", 57)],  # were refused: an app's count
)  # fmt: skip
def test_a_piece_of_fruit_is_one_fruit_and_an_apps_count_counts(
    food: str, amount: float, unit: str, grams: float
) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=food, amount=amount, unit=unit))
    assert item.grams == grams


@pytest.mark.parametrize(("text", "grams"), [("subway turkey sub", 184), ("12 inch subway turkey sub", 367)])
def test_a_sub_measured_in_inches_is_one_sub_of_that_length(text: str, grams: float) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert item.grams == grams  # was 30.7 g, sure: SR28's '6 inch sub' read as 6 subs of an inch


@pytest.mark.parametrize(
    ("food", "amount", "unit", "found", "grams"),
    [("1 pepper", None, None, "Peppers, raw", 120),  # one pepper is no package of pieces (was 6 g serrano)
     ("m&ms", 10, "ct", "Chocolate candy", 20),  # a count by an app's unit is a count (was 450 g, cached)
     ("vanilla syrup", None, None, "Syrup, NFS", 40),  # no flavours beyond 'other than chocolate/fruit'
     ("subway turkey sub", 6, "inch", "SUBWAY, turkey", 184),  # its 6" sub (was refused)
     ("lg banana", None, None, "Bananas, raw", 136),  # 'lg' is large here too (was a medium one, sure)
     ("1 large avocado", None, None, "Avocados", 201),  # a size the survey does not weigh stays SR28's
     ("Muffin, bluberry", None, None, "Muffins, blueberry", None)],  # one food (USDA's 'Bluberries')
)  # fmt: skip
def test_review_of_the_sessions_rules_keeps_what_they_should_not_touch(
    food: str, amount: float | None, unit: str | None, found: str, grams: float | None
) -> None:
    measurer = Measurer(Catalog())
    if unit == "ct":
        measurer(Entry(line=1, input=food, amount=2, unit=unit))  # the cache of a log: 2 first, then 10
    (item,) = measurer(Entry(line=2, input=food, amount=amount, unit=unit))
    assert item.food_name.startswith(found) and (grams is None or item.grams == grams), item


def test_a_container_said_before_a_list_is_the_first_foods() -> None:
    items = Measurer(Catalog())(Entry(line=1, input="bowl of chili with cheese and crackers", amount=None,
                                      unit=None))  # fmt: skip
    assert items[0].food_name == "Chili, NFS" and items[0].grams == 382.5  # was 1 cup: the bowl was lost


@pytest.mark.parametrize(
    ("text", "first"),
    [("glass of milk and cookies", "Milk, NFS"),  # the glass measures the milk, not a cookie: was refused
     ("2 cookies and milk", "Cookie, NFS")],  # 'cookies' before 'and' is a food, not milk's measure
)  # fmt: skip
def test_a_measure_word_beside_another_food_measures_one_food(text: str, first: str) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [i.food_name for i in items] == [first, *({"Milk, NFS", "Cookie, NFS"} - {first})]


@pytest.mark.parametrize(
    ("text", "food", "grams"),
    [("med waffle fries", "Potato, french fries, NFS", 110),  # was refused: no food has 'med'
     ("lg coffee", "Coffee, brewed", 600),  # a large one, as 'large coffee'
     ("6 air fryer wings", "Chicken wing, baked, coated", 330)],  # air fryer as air fried: baked
)  # fmt: skip
def test_shortened_sizes_and_the_air_fryer_are_understood(text: str, food: str, grams: float) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert (item.food_name, item.grams) == (food, grams)


@pytest.mark.parametrize(
    ("text", "food_id", "grams"),
    [("a milkshake", "11541120", 280),  # the survey's shop milk shake, not a malted one
     ("strawberry shake", "14428", 282)],  # its 12 fl oz serving, not 1 fl oz (23.5 g), sure
)  # fmt: skip
def test_a_shake_is_a_milk_shake_of_a_drinks_size(text: str, food_id: str, grams: float) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert (item.food_id, item.grams) == (food_id, grams)


def test_a_sure_food_is_a_guess_when_a_close_rival_weighs_otherwise_by_the_measure() -> None:
    """'Mushrooms, NS as to form, cooked' and raw mushrooms have about the same magnesium per 100 g,
    but a cup of raw weighs 70 g and of cooked 160 g; by weight they agree."""
    def item(amount: float | None, unit: str | None) -> tuple[bool, str]:
        measurer = Measurer(Catalog())
        (found,) = measurer(Entry(line=1, input="sliced mushrooms", amount=amount, unit=unit))
        return found.confident, " ".join(measurer.warnings())

    assert item(100, "g") == (True, "")
    confident, warning = item(1, "cup")
    assert not confident and "weighs clearly more or less by this measure" in warning and "Mushrooms, raw" in warning


@pytest.mark.parametrize(
    ("food_id", "unit", "grams"),
    [("58106540", "slice", 124),  # pepperoni pizza: the survey's 'piece, NFS', not 'piece, medium pizza'
     ("58124500", None, 100),  # samosa: 'regular/large' (100 g), not the typical portion (75 g)
     ("26319110", None, 10)],  # shrimp: 'small/medium shrimp', not 'large/jumbo'
)  # fmt: skip
def test_a_size_not_said_is_the_surveys_usual_one(food_id: str, unit: str | None, grams: float) -> None:
    assert measure(load_foods()[food_id], 1, unit).grams == grams


@pytest.mark.parametrize(
    ("words", "found"),
    [("roasted brussels sprouts", "Brussels sprouts, fresh, cooked, fat added"),  # roasted: with fat
     ("squash, butternut, roasted", "Squash, winter, butternut, cooked"),  # not roasted pumpkin seeds
     ("grilled zuchini", "Squash, summer, zucchini, includes skin, cooked"),  # a misspelt 'zucchini'
     ("sauteed kale", "Kale, fresh, cooked, fat added"),  # cooked in fat, not boiled
     ("seared scallops", "Scallops, baked or broiled"),  # seared: sauteed, which USDA lists for these
     ("roasted fennel", "Fennel bulb, cooked")],  # the survey's 'Fennel bulb' is fennel, not a bulb
)  # fmt: skip
def test_a_way_of_cooking_usda_lacks_takes_the_cooked_food_as_a_guess(words: str, found: str) -> None:
    match = Catalog().resolve(words)
    assert match.food.description.startswith(found) and not match.confident and match.doubt


@pytest.mark.parametrize(
    ("text", "foods"),
    [("eggs and toast", 2),  # not 'Bread, egg, toasted': a food that joins nothing
     ("macaroni and cheese", 1), ("half and half", 1), ("bean and cheese burrito", 1),
     ("2 ears corn on the cob", 1),  # a name of data/aliases.csv is one food ('on' starts no other)
     ("ribs, corn on the cob and mac n cheese", 3),  # in a list too: was corn, and corn 'the cob'
     ("eggs n toast", 2), ("mac 'n' cheese", 1), ("salmon + broccoli", 2),
     ("coleslaw and mac and cheese", 2), ("salmon, rice and broccoli", 3),  # 'n' and '+' are 'and'
     ("chips and a cookie", 2),  # a cookie is a food, not chips counted in cookies; no dish joins them
     ("fajitas w rice, beans, guac", 4),  # a list after 'with' is foods beside it
     ("1/2 cup canned black beans, rinsed", 1), ("2 cups spagetti w meat sauce", 1),  # no food 'rinsed'
     ("2 eggs and a cup of decaf, rinsed", 2),
     ("red beans and rice w andouille", 2),  # 'red' is another name of 'Kidney beans and rice'
     ("kraft mac and cheese w cut up hot dogs", 2),  # a name of data/names.csv joins its 'and'
     ("franks and beans with bread", 2)],  # 'Beans and franks', either way round (were beans twice)
)  # fmt: skip
def test_words_joined_by_and_are_one_food_only_when_the_food_joins_them(text: str, foods: int) -> None:
    assert len(Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))) == foods


@pytest.mark.parametrize(
    ("text", "ids"),
    [("a blt on toast", ["27520610"]),  # the sandwich's own bread: was a BLT and a slice of toast, sure
     ("bacon egg n cheese on a roll + small coffee", ["34001130", "92101000"]),  # was a roll besides
     ("beans on toast", ["41100990", "51101010"]),  # no sandwich: the toast is a food of its own
     ("turkey sub on wheat", ["27540050"]),  # the turkey sub, not the survey's steak sub on wheat
     ("an italian sub on a roll", ["27560630"]),  # names read once: was an endless recursion
     ("peanut butter on a bagel", ["42202000", "51180010"])],
)  # fmt: skip
def test_a_bread_said_after_on_is_a_sandwichs_own_not_another_food(text: str, ids: list[str]) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [item.food_id for item in items] == ids
    assert len(items) > 1 or items[0].input == text  # one sandwich keeps all its words ('on toast' too)


@pytest.mark.parametrize(
    ("text", "ids"),
    [("10 pc nugget meal w medium fries", ["24198729", "71401030"]),  # was a frozen meal, 1910 g
     ("happy meal w 4 nuggets, small fries and apple slices", ["24198729", "71401030", "09003"]),  # no
     ("panda plate w fried rice and orange chicken", ["58150310", "27146350"]),  # cracker meal, breadfruit
     ("number 1 combo: whopper, fries, coke", ["27510615", "71400990", "92410310"]),  # was refused
     ("sonic combo - cheeseburger, tots", ["27510155", "71505000"]),  # a place, no milk shake
     ("mcchicken meal w fries", ["21355", "71400990"]),  # the sandwich stays
     ("a bowl of oat meal with brown sugar", ["56202960", "91102010"]),  # oatmeal: was raw oats, sure
     ("taco combo: 2 crunchy tacos, nachos", ["58102000", "58104105"])],  # was TACO BELL Nachos alone
)  # fmt: skip
def test_a_meal_said_before_its_foods_is_those_foods(text: str, ids: list[str]) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [item.food_id for item in items] == ids


@pytest.mark.parametrize(
    ("text", "ids"),
    [("pizza and a side salad w italian", ["58106210", "75143000", "83106000"]),  # was Italian bread, sure
     ("garden salad with french", ["75143000", "83104000"]),  # French dressing, no French fries or bread
     ("salad w avocado and feta", ["75143000", "09037", "14104400"]),  # a food named stays that food
     ("a salad with italian dressing", ["75143000", "83106000"])],  # was an egg salad made with it, 111 g
)  # fmt: skip
def test_beside_a_salad_a_dressings_name_is_the_dressing(text: str, ids: list[str]) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [item.food_id for item in items] == ids


@pytest.mark.parametrize(
    ("text", "sure"),
    [("pork and sauerkraut", False), ("chicken n waffles", False),  # one dish USDA lacks, or two foods?
     ("beans on toast", False), ("2 eggs and toast", True), ("eggs, bacon and toast", True),
     ("salmon with 1 cup rice", True)],
)  # fmt: skip
def test_two_foods_said_with_and_and_no_amount_are_a_guess(text: str, sure: bool) -> None:
    measurer = Measurer(Catalog())
    items = measurer(Entry(line=1, input=text, amount=None, unit=None))
    assert len(items) >= 2
    assert items[-1].confident is sure
    assert any("is no food of magcalc's: read as" in w for w in measurer.warnings()) is not sure


@pytest.mark.parametrize(
    ("text", "foods"),
    [("2 eggs, toast", ["Egg", "Bread"]),  # was 'Bread, egg, toasted', sure: eggs are no bread
     ("2 pancakes, syrup", ["Pancakes", "Syrup"]),  # was 2 x 'Pancake syrup', sure
     ("2 eggs, bacon", ["Egg", "Bacon"]),  # was 'Egg sandwich on bagel, with bacon', 600 g
     ("cheese, cheddar", ["Cheese, Cheddar"]), ("crackers, club", ["KEEBLER, CLUB"]),  # an app's names
     ("8 oz juice, cranberry", ["Cranberry juice"]), ("1/2 cup salad, macaroni", ["Macaroni or pasta salad"]),
     ("3 slices turkey breast, deli", ["Turkey breast"]), ("1/2 cup oats, rolled, dry", ["Cereals, oats"]),
     # was one 196 g brown rice: a part misspelt is still a food the whole lacks
     ("1 cup brown rice, steamed brocoli", ["Rice, brown", "Broccoli"]),
     # was 8 nuggets of one food: a count inside the first part is that part's, not an app's amount
     ("chick fil a 8ct nuggets, med waffle fries, lemonade", ["Chicken nuggets", "Potato", "Lemonade"]),
     # was one 'Black beans and rice', found by guessing 'guac': a guess that lacks the chicken is no whole
     ("burrito bowl: chicken, rice, black beans, guac", ["Chicken", "Rice", "Beans, black", "Guacamole"])],
)  # fmt: skip
def test_foods_joined_by_commas_are_a_list_unless_the_first_is_what_the_whole_is(
    text: str, foods: list[str]
) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [i.food_name[: len(f)] for i, f in zip(items, foods, strict=False)] == foods and len(items) == len(foods)


@pytest.mark.parametrize(
    ("text", "grams"),
    [("a side of fries", 110), ("side of fries", 110), ("an order of fries", 110),  # was 1 fry, 5 g
     ("2 orders of fries", 220), ("a side of corned beef hash", 165)],  # was a 15 oz can
)  # fmt: skip
def test_a_side_or_an_order_of_a_food_is_its_typical_portion(text: str, grams: float) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert item.grams == pytest.approx(grams) and item.assumed and "typical portion" in item.assumed


def test_a_side_salad_is_a_salad_not_a_side_of_salad_with_its_dressing() -> None:
    items = Measurer(Catalog())(Entry(line=1, input="a side salad w italian dressing", amount=None, unit=None))
    assert [i.food_name.split(",")[0] for i in items] == ["Lettuce", "Italian dressing"]


@pytest.mark.parametrize(("text", "grams"), [("chicken strips", 100), ("3 chicken strips", 150), ("2 cupcakes", 180)])
def test_a_food_named_as_two_things_is_counted_by_the_one_said_not_by_a_word_before_them(
    text: str, grams: float
) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert item.grams == pytest.approx(grams)  # 'Chicken tenders or strips': no 14 g 'chicken fry'


@pytest.mark.parametrize(
    ("words", "found", "sure"),
    [("whopper", "Whopper (Burger King)", True),  # was 'Whopper with cheese', sure: its head was 'king'
     ("big mac", "Big Mac (McDonalds)", True), ("quarter pounder", "Quarter Pounder (McDonalds)", True),
     ("granola bar", "Cereal or Granola bar, NFS", False)],  # a maker's name only for its own food
)  # fmt: skip
def test_a_makers_name_in_brackets_after_its_own_food_is_no_word_left_unsaid(
    words: str, found: str, sure: bool
) -> None:
    match = Catalog().resolve(words)
    assert (match.food.description, match.confident) == (found, sure)


@pytest.mark.parametrize(
    ("entry", "grams"),
    [(Entry(line=1, input="bagel", amount=1, unit="bagel"), 105),  # was a 46 g Bagel Thin, sure, no note
     (Entry(line=1, input="cinnabon", amount=1, unit="roll"), 240),  # was a 30 g miniature roll
     (Entry(line=1, input="hot dog", amount=2, unit="hot dogs"), 114),  # was refused
     (Entry(line=1, input="cookie", amount=2, unit="cookies"), 60),  # was refused ('cooky')
     (Entry(line=1, input="a cinnamon roll", amount=None, unit=None), 90),  # 'cinnamon' is no slip of 'Cinnabon'
     (Entry(line=1, input="1 quesadilla", amount=None, unit=None), 140)],  # a full circle, not the survey's half
)  # fmt: skip
def test_a_unit_that_is_the_foods_own_name_counts_it(entry: Entry, grams: float) -> None:
    (item,) = Measurer(Catalog())(entry)
    assert item.grams == pytest.approx(grams) and item.assumed and item.assumed.startswith("each: 1 ")


@pytest.mark.parametrize(
    ("text", "food", "grams"),
    [("a coke", "Soft drink, cola", 372),  # was a 512 g medium fountain drink; 'coke' alone was the can
     ("an iced tea", "Tea, iced, bottled, black", 360), ("2 cokes", "Soft drink, cola", 744),  # was cereal
     ("a protein shake", "Nutritional drink or shake, high protein, ready-to-drink, NFS", 256),  # not its
     # 'bottle or box, NFS', 544 g: a bottle of no size is no usual one
     ("fish sticks", "Fish, stick", 85),  # a helping of them, not one 20 g stick
     ("a fish stick", "Fish, stick", 20),
     ("teriyaki chicken", "Chicken or turkey with teriyaki", 183)],  # not a 256 g 'chicken breast with sauce'
)  # fmt: skip
def test_no_amount_or_one_is_the_usual_one_not_a_size_or_an_item_of_another_name(
    text: str, food: str, grams: float
) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert (item.food_name, item.grams) == (food, pytest.approx(grams))


@pytest.mark.parametrize(
    ("text", "shown", "food", "grams"),
    [("snack: chips", "chips", "Potato chips, plain", 28),  # was taro chips: the label was read as a food word
     ("2 eggs for breakfast", "2 eggs", "Egg, whole, cooked, NS as to cooking method", 100),  # was 2 Jimmy
     ("oatmeal for breakfast", "oatmeal", "Oatmeal, NFS", 240),  # Dean biscuits; a McDonald's Big Breakfast
     ("10 pretzels", "10 pretzels", "Pretzels, NFS", 30)],  # was 10 single-serving bags, 570 g
)  # fmt: skip
def test_a_label_or_a_time_said_around_one_food_is_no_part_of_it(
    text: str, shown: str, food: str, grams: float
) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert (item.input, item.food_name, item.grams) == (shown, food, pytest.approx(grams))


@pytest.mark.parametrize(
    ("text", "grams"),
    [("coffee w/ milk and sugar", 30), ("2 cups coffee w milk", 41), ("coffee with half and half", 30),
     ("bagel, coffee w milk", 30)],  # was a 244 g glass of milk, sure
)  # fmt: skip
def test_milk_with_a_coffee_is_what_is_poured_into_it(text: str, grams: float) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    (milk,) = [i for i in items if i.food_name.startswith(("Milk", "Cream"))]
    assert milk.grams == grams and milk.assumed and "FNDDS guideline" in milk.assumed


def test_a_count_far_above_what_people_eat_at_once_is_a_count_of_pieces() -> None:
    # one Measurer for all, as a log measures them: each count is measured for its own number
    measurer = Measurer(Catalog())
    rows = [("m&ms", 2.0), ("m&ms", 10.0), ("jolly ranchers", 5.0), ("m&ms", 1.0)]
    items = [measurer(Entry(line=n, input=food, amount=k, unit=None))[0] for n, (food, k) in enumerate(rows)]
    assert [i.grams for i in items] == [90, 20, 25, 45]  # was 450 g of m&ms (10 pouches), 300 g of candy
    assert [bool(i.assumed and "piece" in i.assumed) for i in items] == [False, True, True, False]


def test_a_drink_with_two_things_added_is_three_foods_unless_the_food_is_made_with_them() -> None:
    # 'Beverages, tea, instant, lemon, with added ascorbic acid' has lemon, but not after its 'with':
    # it was the whole of 'tea with honey and lemon', 182 g of instant tea
    items = Measurer(Catalog())(Entry(line=1, input="tea with honey and lemon", amount=None, unit=None))
    assert [i.food_name.split(",")[0] for i in items] == ["Tea", "Honey", "Lemon"]


@pytest.mark.parametrize("text", ["wine and cheese", "a glass of wine and some cheese"])
def test_two_foods_said_round_the_other_way_from_a_food_made_with_one_are_two(text: str) -> None:
    # 'Cheese, with wine' (a cheese spread) was the whole of 'wine and cheese', sure, 14 g; the glass
    # of wine was refused ('USDA gives no glass for Cheese, with wine')
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [i.food_name.split(",")[0] for i in items] == ["Wine", "Cheese"]


def test_two_toppings_are_two_foods_not_a_flavour_of_another_food() -> None:
    # 'sour cream and onion' is among the other names of a soft pretzel ('coated or flavored'): the
    # pierogies' toppings were a pretzel, 125 g
    said = "pierogies with sour cream and onions"
    items = Measurer(Catalog())(Entry(line=1, input=said, amount=None, unit=None))
    assert [i.food_name.split(",")[0] for i in items] == ["Pierogi", "Sour cream", "Onions"]


def test_a_list_is_not_one_makers_product_found_as_a_guess() -> None:
    # "CAMPBELL'S CHUNKY Soups, Baked Potato with Steak & Cheese Soup" (no magnesium value) was the
    # steak and the potato of 'steak, baked potato and a salad'
    items = Measurer(Catalog())(Entry(line=1, input="steak, baked potato and a salad", amount=None, unit=None))
    assert [i.food_name.split(",")[0] for i in items] == ["Beef", "Potatoes", "Lettuce"]


def test_a_coffee_shop_size_of_a_food_is_a_large_one() -> None:
    # 'grande nachos', 'grande burrito' were refused: 'magcalc's usual grande is a drink's'
    (item,) = Measurer(Catalog())(Entry(line=1, input="grande burrito", amount=None, unit=None))
    assert item.grams == 330 and item.assumed and item.assumed.startswith("a grande of a food taken as a large")


@pytest.mark.parametrize(("text", "grams", "confident"), [("grande macchiato", 480, False), ("grande latte", 480, True)])
def test_a_coffee_shop_size_of_an_espresso_drink_is_a_guess(text: str, grams: float, confident: bool) -> None:
    # USDA's macchiato is served in an espresso cup (60 g, 58 mg/100 g): 16 fl oz of it is 278 mg,
    # where a coffee-shop grande is mostly milk; it was sure
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert (item.grams, item.confident) == (pytest.approx(grams), confident)
    assert item.assumed and item.assumed.startswith("a grande taken as 16 fl oz")


@pytest.mark.parametrize("text", ["Almonds - 1 oz, whole", "almonds, 1, oz, whole"])
def test_an_apps_measure_with_how_it_was_cut_is_that_measure_where_usda_lacks_the_cut(text: str) -> None:
    # 'oz, whole' was refused ('not a unit magcalc can convert', though its units listed oz)
    food, amount, unit = ("Almonds - 1 oz, whole", None, None) if "-" in text else ("almonds", 1.0, "oz, whole")
    (item,) = Measurer(Catalog())(Entry(line=1, input=food, amount=amount, unit=unit))
    assert (item.food_name, item.grams) == ("Nuts, almonds", pytest.approx(28.35, abs=0.01))


def test_a_dish_with_two_sides_is_three_foods_not_a_food_named_from_the_dish() -> None:
    # 'Potato from Puerto Rican style stuffed pot roast' is a potato (its head before 'from'), not a pot
    # roast: it was the whole of 'pot roast with carrots and potatoes', 100 g, the roast and carrots lost
    items = Measurer(Catalog())(Entry(line=1, input="pot roast with carrots and potatoes", amount=None, unit=None))
    assert [i.food_name.split(",")[0] for i in items] == ["Beef", "Carrots", "Potatoes"]


@pytest.mark.parametrize(
    ("text", "grams"),
    [("6 tostones", 150),  # 6 slices of plantain (25 g): was 6 whole plantains, 1,350 g
     ("4 plantains", 900),  # the food's own name: 4 of its whole
     ("3 dill pickle spears", 120)],  # the item said: 3 spears, not slices
)  # fmt: skip
def test_many_of_a_whole_bigger_than_a_helping_are_its_slices_unless_the_whole_is_said(
    text: str, grams: float
) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert item.grams == grams


@pytest.mark.parametrize("text", ["coffee and a glass of milk", "coffee with 1/2 cup milk", "cereal with milk"])
def test_milk_said_with_its_own_amount_or_beside_a_food_is_as_said(text: str) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert all(i.grams and i.grams >= 100 for i in items if i.food_name.startswith("Milk"))


def test_a_size_of_a_drink_usda_does_not_size_is_no_fruits_yield() -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="large oj", amount=None, unit=None))
    assert item.grams == 248 and item.assumed and "no sizes" in item.assumed  # was 86 g: one large orange's juice


@pytest.mark.parametrize("text", ["oj", "glass of orange juice", "8 oz orange juice"])
def test_orange_juice_is_the_surveys_and_a_drink(text: str) -> None:
    # was SR28's fresh-squeezed raw juice, sure; the survey's citrus juices (612...) are drinks: a
    # glass of one is a cup (it was refused) and its oz are fl oz (8 oz were 227 g)
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert (item.food_id, item.grams) == ("61210000", 248)


def test_a_way_of_cooking_in_a_list_is_no_food_of_its_own() -> None:
    items = Measurer(Catalog())(Entry(line=1, input="1 fillet trout, rainbow, baked", amount=None, unit=None))
    assert [i.food_name for i in items] == ["Fish, trout, baked or broiled"]  # not trout, smelt and potato skin


@pytest.mark.parametrize("entry", [Entry(line=1, input="ground beef 85/15", amount=4, unit="oz"),
                                   Entry(line=1, input="4 oz ground beef 85/15", amount=None, unit=None)])
def test_a_lean_ratio_is_usdas_lean_and_fat_and_meat_is_cooked(entry: Entry) -> None:
    (item,) = Measurer(Catalog())(entry)  # never a quantity of 85/15, as a column or in a phrase
    assert item.food_name.startswith("Beef, ground, 85% lean meat / 15% fat") and "cooked" in item.food_name
    assert item.grams == pytest.approx(113.4, abs=0.01)


@pytest.mark.parametrize(
    ("words", "found"),
    [("shortbread fingers", "Cookie, shortbread"),  # a shape: not chicken fingers
     ("carrot sticks", "Carrots, raw"), ("chicken fingers", "Chicken tenders or strips, NFS")],
)  # fmt: skip
def test_a_shape_no_food_of_all_the_words_has_is_not_the_food(words: str, found: str) -> None:
    assert Catalog().resolve(words).food.description == found


def test_a_food_before_the_head_of_an_sr28_food_on_its_shelf_changes_it() -> None:
    raw_milk = Catalog().resolve("raw milk")  # 'Nuts, coconut milk, raw' is no milk to be sure of
    assert not raw_milk.confident or "coconut" not in raw_milk.food.description
    assert Catalog().resolve("milk chocolate").food.description == "Candies, milk chocolate"


def test_a_can_of_a_food_is_the_canned_food() -> None:
    def item(words: str) -> tuple[str, bool]:
        (found,) = Measurer(Catalog())(Entry(line=1, input=words, amount=1, unit="can"))
        return found.food_name, found.confident

    beans, sure = item("black beans")  # the alias is cooked dry beans: canned ones taken, as a guess
    assert "canned" in beans and not sure
    assert item("tuna") == ("Fish, tuna, canned", True)  # a close candidate of 'tuna' itself
    milk, sure = item("coconut milk")  # the coconut milk drink has no can: canned coconut milk is meant
    assert milk.startswith("Nuts, coconut milk, canned") and not sure
    assert item("coke") == ("Soft drink, cola", True)  # a drink with a can of its own


def test_a_container_the_best_food_lacks_takes_a_food_of_the_words_that_has_it_as_a_guess() -> None:
    measurer = Measurer(Catalog())
    (item,) = measurer(Entry(line=3, input="hot cocoa", amount=1, unit="packet"))
    assert "cocoa" in item.food_name.lower() and not item.confident  # not 'Hot chocolate / cocoa, NFS'
    assert item.portion and "packet" in item.portion
    assert any("has no packet measure" in w and "line 3" in w for w in measurer.warnings())


def test_a_food_named_with_its_measure_is_that_food_by_that_measure() -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="a milk chocolate bar", amount=None, unit=None))
    assert item.food_name == "Candies, milk chocolate"  # not a granola bar, coated
    assert item.grams in (44, 45)  # a bar of it: SR28's 1.55 oz bar, or the survey's regular size
    (bar,) = Measurer(Catalog())(Entry(line=1, input="granola bar", amount=None, unit=None))
    assert bar.food_name.startswith("Cereal or Granola bar")  # its own name: no bar of granola


def test_a_count_of_a_food_named_by_its_measure_is_that_food() -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="mozzarella sticks", amount=4, unit=None))
    assert item.food_name.startswith("Mozzarella sticks")  # the fried ones, not 4 sticks of mozzarella


def test_how_a_food_was_made_is_a_detail_not_a_kind() -> None:
    match = Catalog().resolve("cornbread")  # 'made from home recipe' is how; it was 'Chicken cornbread'
    assert match.food.description.startswith("Cornbread,") and match.confident


def test_no_amount_of_an_sr28_food_is_the_typical_portion_of_the_same_food() -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="milk chocolate", amount=None, unit=None))
    assert item.grams == 45 and item.assumed and "Chocolate candy" in item.assumed  # not chocolate milk
    (raw,) = Measurer(Catalog())(Entry(line=1, input="tomatoes", amount=None, unit=None))
    assert raw.food_name.startswith("Tomatoes, red, ripe, raw") and raw.grams == 90  # the survey's raw ones


@pytest.mark.parametrize("unit", [None, "medium"])  # 'avocado, 1/2, medium' was SR28's 201 g avocado
def test_a_count_of_an_sr28_food_is_in_the_surveys_size_of_the_same_food(unit: str | None) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="avocado", amount=0.5, unit=unit))
    assert item.food_id == "09037" and item.grams == 75  # SR28's avocado; FNDDS 63105010's 150 g fruit
    assert item.assumed and "the survey's size" in item.assumed and "Avocado, raw" in item.assumed


def test_a_percentage_no_food_with_the_measure_has_does_not_stop_the_measure() -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="100% whole wheat bread", amount=2, unit="slices"))
    assert item.food_name.startswith("Bread, whole wheat") and not item.confident  # it was refused


def test_a_package_in_the_name_is_the_foods_own_measure() -> None:
    for amount in (2, None):  # '2 applesauce pouches', 'applesauce pouch': its '1 pouch', 90 g
        (item,) = Measurer(Catalog())(Entry(line=1, input="applesauce pouch", amount=amount, unit=None))
        assert item.grams == 90 * (amount or 1) and item.assumed and "pouch" in item.assumed


def test_a_packet_is_the_foods_single_serving_bag() -> None:
    # 'Crackers, oyster' has no packet: its 'single serving bag, NFS' (15 g), not a refusal
    (item,) = Measurer(Catalog())(Entry(line=1, input="oyster crackers", amount=1, unit="packet"))
    assert item.grams == 15 and item.portion is not None and "bag" in item.portion


@pytest.mark.parametrize("words", ["chocolate cake", "cereal", "cranberry juice"])  # unsweetened or a cocktail
def test_a_kind_the_words_did_not_name_is_a_guess_when_kinds_differ(words: str) -> None:
    match = Catalog().resolve(words)
    assert not match.confident and match.alternatives, match.food.description


def test_no_amount_is_the_typical_portion_and_says_so() -> None:
    banana = measure(load_foods()["63107010"], None, None)
    assert banana.grams == 126 and "typical portion (FNDDS)" in (banana.assumed or "")


@pytest.mark.parametrize(
    ("words", "head"),
    [("red wine", "Wine"), ("almond milk", "Almond milk"), ("hot dog", "Hot dog"), ("shrimp", "Shrimp"),
     ("oat milk", "Oat milk"), ("latte", "Coffee, Latte"), ("soymilk", "Soymilk")],
)  # fmt: skip
def test_the_head_of_a_phrase_decides_what_food_it_is(words: str, head: str) -> None:
    match = Catalog().resolve(words)
    assert match.food.description.startswith(head), match.food.description


@pytest.mark.parametrize("words", ["meatballs", "chiken breast", "walnut deluxe", "oreos"])
def test_a_guess_is_never_confident(words: str) -> None:
    match = Catalog().resolve(words)
    assert not match.confident and match.doubt


def test_done_when_phrases_in_a_csv_log(run: Run) -> None:
    report = run.json(
        "log", "-", "--age", "40", "--sex", "female",
        input="food,amount,unit\n2 eggs,,\nhalf a cup of cooked black beans,,\nred wine,5,fl oz\n",
    )  # fmt: skip
    eggs, beans, wine = report["entries"]
    assert eggs["grams"] == 100 and eggs["assumed"] and "egg" in eggs["food_name"].lower()
    assert beans["magnesium_mg"] == pytest.approx(60, abs=6) and beans["assumed"] is None
    assert wine["food_name"].startswith("Wine") and "vinegar" not in wine["food_name"].lower()
    for entry in report["entries"]:
        assert {"source", "confident", "assumed"} <= set(entry)
        assert entry["source"] in {"usda-sr28", "usda-fndds-2021-2023"} and entry["confident"] is True


def test_done_when_add_phrases(run: Run) -> None:
    oat = run.json("add", "oat milk", "1", "cup")
    assert oat["added"][0]["food_name"] == "Oat milk" and oat["added"][0]["source"] == "usda-fndds-2021-2023"
    three = run.json("add", "2 eggs, a slice of whole wheat toast and a cup of coffee")
    assert [e["input"] for e in three["added"]] == [
        "2 eggs",
        "a slice of whole wheat toast",
        "a cup of coffee",
    ]


def test_an_added_phrase_is_echoed_once(run: Run) -> None:
    assert "Added" in (added := run("add", "2 eggs").stdout) and ": 2 eggs -> " in added  # not '2 eggs, 2'
    assert ": almonds, 1 oz -> " in run("add", "almonds", "1", "oz").stdout


def test_a_doubtful_match_is_warned_and_marked(run: Run) -> None:
    result = run("log", "-", "--format", "json", input="food,amount,unit\nmeatballs,3,\n")
    entry = json.loads(result.stdout)["entries"][0]
    assert entry["confident"] is False
    assert "as a guess" in result.stderr and "other candidates" in result.stderr


def test_keep_unknown_keeps_the_row_with_unknown_magnesium(run: Run) -> None:
    log = "food,amount,unit\nflurb zzqqxx,1,cup\nalmonds,1,oz\n"
    refused = run("log", "-", input=log)
    assert refused.exit_code == 2 and "magcalc foods add" in refused.stderr
    kept = run.json("log", "-", "--keep-unknown", input=log)
    assert kept["complete"] is False and kept["entries"][0]["magnesium_mg"] is None


def test_remembered_words_are_listed_and_forgotten(run: Run, tmp_path: object) -> None:
    from magcalc import paths
    from magcalc.diary import open_diary

    run("add", "almonds", "1", "oz")
    with open_diary(paths.diary_path(None), write=True) as diary:
        assert diary is not None
        diary.remember(words_key("meatballs"), "07972", "meatballs", dt.date(2026, 11, 22))
    listed = run.json("foods", "words")
    assert listed == [{"words": "meatballs", "food_id": "07972", "food_name": listed[0]["food_name"],
                       "added_on": "2026-11-22"}]  # fmt: skip
    report = run.json("log", "-", input="meatballs,3,\n")
    assert report["entries"][0]["food_id"] == "07972" and report["entries"][0]["confident"] is True
    assert run("foods", "forget", "meatballs").exit_code == 0
    assert run.json("foods", "words") == []


# The realistic sets (tests/fixtures/realistic, and realistic2 written later by another hand): floors
# that hold today, so that a change that makes magcalc understand people worse fails. The issue's
# targets (95 % / 90 % right, no silent wrong match) are not reached yet: `python -m tests.realistic
# [--set realistic2]` prints the figures by kind.
# realistic4 to realistic17 were each the held-out set of a session and were then read for causes:
# development sets now. realistic18 and realistic19, the held-out sets, are left out
# on purpose: measured, never tuned to.
# realistic's structured floor went from 0.79 to 0.78 when counts took the survey's sizes (its writer
# used SR28's sizes of a mango, an avocado and a strawberry; realistic2 to 4 used the survey's). Its
# phrase floor went from 0.84 to 0.83 when a baked potato did too (SR28's medium one, 173 g, there; the
# survey's, 285 g, in realistic2, 4, 6 and 14 to 16).
FLOORS = {("realistic", "structured"): 0.81, ("realistic", "phrase"): 0.83,
          ("realistic2", "structured"): 0.85, ("realistic2", "phrase"): 0.85,
          ("realistic3", "structured"): 0.90, ("realistic3", "phrase"): 0.90,
          ("realistic4", "structured"): 0.90, ("realistic4", "phrase"): 0.90,
          ("realistic5", "structured"): 0.87, ("realistic5", "phrase"): 0.87,
          ("realistic6", "structured"): 0.89, ("realistic6", "phrase"): 0.88,
          ("realistic7", "structured"): 0.87, ("realistic7", "phrase"): 0.87,
          ("realistic8", "structured"): 0.77, ("realistic8", "phrase"): 0.77,
          ("realistic9", "structured"): 0.77, ("realistic9", "phrase"): 0.77,
          ("realistic10", "structured"): 0.78, ("realistic10", "phrase"): 0.78,
          ("realistic11", "structured"): 0.63, ("realistic11", "phrase"): 0.62,
          ("realistic12", "structured"): 0.63, ("realistic12", "phrase"): 0.63,
          ("realistic13", "structured"): 0.47, ("realistic13", "phrase"): 0.47,
          ("realistic14", "structured"): 0.78, ("realistic14", "phrase"): 0.80,
          ("realistic15", "structured"): 0.80, ("realistic15", "phrase"): 0.80,
          ("realistic16", "structured"): 0.78, ("realistic16", "phrase"): 0.77,
          ("realistic17", "structured"): 0.84, ("realistic17", "phrase"): 0.84}  # fmt: skip
SILENT_CEILING = {("realistic", "structured"): 15, ("realistic", "phrase"): 12,
                  ("realistic2", "structured"): 7, ("realistic2", "phrase"): 7,
                  ("realistic3", "structured"): 2, ("realistic3", "phrase"): 2,
                  ("realistic4", "structured"): 0, ("realistic4", "phrase"): 0,
                  ("realistic5", "structured"): 2, ("realistic5", "phrase"): 2,
                  ("realistic6", "structured"): 0, ("realistic6", "phrase"): 0,
                  ("realistic7", "structured"): 1, ("realistic7", "phrase"): 1,
                  ("realistic8", "structured"): 2, ("realistic8", "phrase"): 2,
                  ("realistic9", "structured"): 0, ("realistic9", "phrase"): 0,
                  ("realistic10", "structured"): 3, ("realistic10", "phrase"): 3,
                  ("realistic11", "structured"): 0, ("realistic11", "phrase"): 0,
                  ("realistic12", "structured"): 3, ("realistic12", "phrase"): 3,
                  ("realistic13", "structured"): 0, ("realistic13", "phrase"): 0,
                  ("realistic14", "structured"): 5, ("realistic14", "phrase"): 4,
                  ("realistic15", "structured"): 2, ("realistic15", "phrase"): 2,
                  ("realistic16", "structured"): 5, ("realistic16", "phrase"): 5,
                  ("realistic17", "structured"): 3, ("realistic17", "phrase"): 2}  # fmt: skip
# (realistic's: '1.5 cups spaghetti with meat sauce', now the survey's home-made pasta with meat
# sauce, 18 mg/100 g, which its writer did not list beside pasta with sauce, cheese and meat, among
# others; realistic10's and realistic17's 'capri sun': USDA's own 'Fruit juice drink (Capri Sun)', 2
# mg/100 g, sure since the maker's name in brackets says what it is; their writers listed only the
# plain fruit juice drink, 0 mg)

@pytest.mark.parametrize(("folder", "mode"), sorted(FLOORS))
def test_realistic_lines_do_not_get_worse(folder: str, mode: str) -> None:
    counts = realistic.summary(realistic.measure_lines(mode, realistic.FIXTURES.parent / folder))["ALL"]
    assert realistic.right_share(counts) >= FLOORS[folder, mode], counts
    assert counts["silent-wrong"] + counts["silent-other"] <= SILENT_CEILING[folder, mode], counts


@pytest.mark.parametrize(
    "description",
    [
        "Peanut butter, smooth style, without salt",
        "Potato, canned, no added fat",
        "Pizza, no cheese, thin crust",
    ],
)
def test_a_usda_description_typed_as_it_is_finds_that_food(description: str) -> None:
    match = Catalog().resolve(description)
    assert match.food.description == description and match.confident


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("grilled 4 oz chicken breast", (4, "oz", "grilled chicken breast")),
        ("eggs scrambled x2", (2, None, "eggs scrambled")),
        ("2x coffee", (2, None, "coffee")),
        ("a cup of yogurt (single serve container)", (1, "cup", "yogurt")),
        ("a juice box of orange juice", (1, "juice box", "orange juice")),
    ],
)
def test_amounts_where_people_put_them(text: str, expected: tuple[float, str | None, str]) -> None:
    phrase = parse_one(text)
    assert (phrase.quantity, phrase.unit, phrase.food) == expected


@pytest.mark.parametrize(
    ("words", "start", "form"),
    [("green beans", "Green beans, NS as to form, cooked", "cooked"), ("broccoli", "Broccoli, cooked", "cooked"),
     ("kale", "Kale, raw", "raw")],
)  # fmt: skip
def test_a_food_said_without_its_form_takes_the_usual_form_as_a_guess(
    words: str, start: str, form: str
) -> None:
    match = Catalog().resolve(words)
    assert match.food.description.startswith(start), match.food.description
    assert not match.confident and match.doubt and f"{form} taken" in match.doubt and match.alternatives


def test_fruit_is_taken_raw() -> None:
    match = Catalog().resolve("pineapple chunks")  # not 'Pineapple, frozen, chunks, sweetened'
    # (a guess: 'chunks' is how canned pineapple is sold, and the raw fruit's name lacks it)
    assert match.food.description.startswith("Pineapple, raw") and not match.confident


def test_the_form_said_wins_over_the_usual_form() -> None:
    assert Catalog().resolve("raw broccoli").food.description.startswith("Broccoli, raw")
    assert "raw" not in Catalog().resolve("steamed green beans").food.description


@pytest.mark.parametrize("words", ["acai bowl", "buddha bowl"])  # a poke bowl is sushi, in data/names.csv
def test_a_dish_usda_does_not_have_is_unknown_not_another_dish(words: str) -> None:
    with pytest.raises(UnknownFood) as caught:  # it used to be 'KEEBLER, Waffle Bowls', as a guess
        Catalog().resolve(words)
    assert "Waffle" not in str(caught.value) and "magcalc foods add" in str(caught.value)


def test_a_food_said_by_its_other_name_is_found_as_a_guess() -> None:
    match = Catalog().resolve("bok choy")
    assert match.food.description.lower().startswith("cabbage, chinese") and not match.confident


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("spagetti", "spaghetti"),  # the alias of 'spaghetti', not spinach spaghetti
     ("chiken breast", "chicken breast"),  # one letter left out: cooked breast meat, not with skin
     ("brocolli", "broccoli"),  # a letter doubled wrong: cooked, the usual form of broccoli
     ("cauliflour", "cauliflower"),  # two letters off, but the one nearest word: cooked, as usual
     ("lentles", "lentils"),  # one letter from 'gentle' too, but a word is seldom misspelt first
     ("garbonzo beans", "garbanzo beans"),  # people's word, which USDA writes 'chickpea'
     ("linguini", "linguine"),  # a slip from a name of data/names.csv
     ("romane lettuce", "romaine lettuce"),  # a slip from romano too, but no food has romano lettuce
     ("chow mien", "chow mein"),  # two letters swapped in a word of four (was unknown)
     ("mlik", "milk")],
)  # fmt: skip
def test_a_misspelt_word_finds_the_alias_of_the_word_meant_as_a_guess(typed: str, meant: str) -> None:
    match = Catalog().resolve(typed)
    assert match.food.food_id == Catalog().resolve(meant).food.food_id and not match.confident


@pytest.mark.parametrize(
    ("typed", "found", "sure"),
    [("meatloaf", "Meat loaf, NS as to type of meat", True),  # USDA writes it as two words
     ("turky", "Turkey, NFS", False),  # a rare word a slip from a common one: not MorningStar's Turk'y
     ("turkey", "Turkey, NFS", True),  # not 'Sweet and sour chicken or turkey' ('... turkey, NFS')
     ("sherbet", "Sherbet, all flavors", True),  # the survey's every flavor, not SR28's orange one
     ("sticky rice", "Rice, white, cooked, glutinous", False)],  # a name of it: no 'stick' rice
)  # fmt: skip
def test_another_reading_of_the_words_when_the_first_is_doubtful(typed: str, found: str, sure: bool) -> None:
    match = Catalog().resolve(typed)
    assert (match.food.description, match.confident) == (found, sure)


@pytest.mark.parametrize(
    ("typed", "found"),
    [("black lentils", "Lentils, mature seeds, cooked, boiled, without salt"),  # not 'Bean chips', whose
     # other names are 'black bean' and 'lentil chips', nor beans and rice ('except red, black ...')
     ("decaf coffee", "Coffee, NS as to brewed or instant, decaffeinated"),  # not instant, 50% less
     ("rainbow trout", "Fish, trout, rainbow, wild, cooked, dry heat"),  # as eaten: 'dry heat' is no 'dry'
     ("trout, rainbow, baked", "Fish, trout, baked or broiled"),  # baked as said, if not rainbow
     ("pumpkin seeds", "Pumpkin seeds, NFS"),  # not cooked because pumpkin is: no sunfish
     ("tea, green, brewed", "Tea, hot, leaf, green"),  # iced only when said
     ("potato salad", "Potato salad, made with mayonnaise"),  # not 'from restaurant', unsaid
     # USDA's red lentils are raw: lentils cooked, as beans are eaten, as a guess (below)
     ("red lentils", "Lentils, mature seeds, cooked, boiled, without salt")],
)  # fmt: skip
def test_words_name_the_food_not_a_neighbour_of_them(typed: str, found: str) -> None:
    match = Catalog().resolve(typed)
    assert match.food.description == found
    # no black or red lentils, nor rainbow trout baked, in USDA: guesses
    assert match.confident == (typed not in ("black lentils", "red lentils", "trout, rainbow, baked"))


@pytest.mark.parametrize("words", ["doubles", "vegetarian meatloaf"])
def test_a_food_the_words_do_not_ask_for_is_never_sure(words: str) -> None:
    # 'doubles' (a Trinidadian street food): plain words of a brand's product ('WENDY'S, CLASSIC
    # DOUBLE') do not ask for it; 'Vegetarian meatloaf or patties' is no meatloaf unless said
    match = Catalog().resolve(words)
    assert match.confident == (words == "vegetarian meatloaf"), match.food.description


@pytest.mark.parametrize(
    ("words", "found"),
    [("pretzel sticks", "Pretzels, NFS"),  # not 'Fish, stick'
     ("lobster tail", "Lobster"),  # not 'Turkey, tail'
     ("broccoli florets", "Broccoli, cooked"),  # a word no food has, of how it was cut
     ("fish sticks", "Fish, stick")],  # a food of all the words keeps them
)  # fmt: skip
def test_words_of_how_a_food_was_cut_are_not_the_food(words: str, found: str) -> None:
    assert Catalog().resolve(words).food.description.startswith(found)


@pytest.mark.parametrize(("words", "grams"), [("penne", 107), ("elbow macaroni", 120)])
def test_a_cup_of_pasta_is_usdas_cup_of_that_shape(words: str, grams: float) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=words, amount=1, unit="cup"))
    assert item.grams == pytest.approx(grams)  # the cup of its own shape ("cup penne"), not of spaghetti


@pytest.mark.parametrize(
    ("text", "grams"),
    [("2 graham crackers", 30),  # 'large rectangular piece or 2 squares ...': one piece is one item
     ("5 ritz crackers", 16.5)],  # 'NABISCO, NABISCO RITZ Crackers' measures a cracker, after its brand
)  # fmt: skip
def test_a_count_is_of_the_foods_own_item(text: str, grams: float) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert item.grams == pytest.approx(grams)


def test_a_cup_of_a_cut_food_is_usdas_cup_of_that_cut() -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="red bell pepper strips", amount=1, unit="cup"))
    assert item.grams == 92  # SR28 'cup, sliced', not 'cup, chopped' (149 g)


@pytest.mark.parametrize(
    ("text", "found"),
    [("chips and salsa", ["Tortilla chips, plain", "Salsa, NFS"]),  # chips beside a dip: tortilla chips
     ("a bag of chips", ["Potato chips, plain"]),
     ("fish and chips", ["Fish, NS as to type, fried"]),  # one dish by a name USDA lacks (data/names.csv)
     ("chips, tortilla, restaurant style 1 oz", ["Tortilla chips, plain"]),  # an app's name, one amount last
     ("2 eggs, toast, coffee", ["Egg, whole, cooked, NS as to cooking method", "Bread, white, "
                                "toasted", "Coffee, brewed"])],  # the amount first is the first food's
)  # fmt: skip
def test_the_foods_of_a_phrase_in_their_context(text: str, found: list[str]) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [item.food_name for item in items] == found


def test_a_count_of_a_dish_is_not_a_count_of_what_qualifies_its_name() -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="omelet", amount=1, unit=None))
    assert item.grams == 110  # the survey's omelet, not its 'egg' (55 g) of 'Egg omelet or scrambled egg'


def test_a_way_of_cooking_in_water_takes_the_cooked_food_without_fat() -> None:
    match = Catalog().resolve("boiled green plantain")  # FNDDS has no boiled plantain
    assert match.food.description == "Plantain, cooked, no added fat" and not match.confident


def test_a_food_whose_other_name_is_the_words_and_its_item_of_that_name() -> None:
    match = Catalog().resolve("oreos")  # 'Cookie, chocolate sandwich' (Oreo), not the vanilla one (Golden Oreos)
    assert match.food.food_id == "53209015" and not match.confident
    (item,) = Measurer(Catalog())(Entry(line=1, input="oreos", amount=3, unit=None))
    assert item.grams == 33 and item.assumed and "Oreo sandwich" in item.assumed  # not 'sandwich', 14 g


def test_either_word_of_a_name_with_or_is_the_food() -> None:
    for words in ("chicken salad", "turkey salad"):  # 'Chicken or turkey salad', not a sandwich of it
        assert Catalog().resolve(words).food.description.startswith("Chicken or turkey salad")


def test_a_plural_of_a_word_people_use_for_usdas_is_that_word_too() -> None:
    assert Catalog().resolve("courgettes").food.food_id == Catalog().resolve("courgette").food.food_id


def test_a_dish_with_meat_is_not_taken_when_the_words_say_no_meat() -> None:
    assert "meat" not in Catalog().resolve("rice and beans").food.description  # was 'Beans and rice, with meat'


def test_a_kind_usda_lacks_still_takes_the_usual_form() -> None:
    match = Catalog().resolve("grape tomatoes")  # no grape tomatoes in USDA: raw tomatoes, not cooked
    assert match.food.description == "Tomatoes, raw" and not match.confident


def test_a_word_no_food_has_before_the_name_is_not_split_into_two() -> None:
    match = Catalog().resolve("honeycrisp apple")  # an apple, not 'honey crisp' (an apple crisp dessert)
    assert match.food.description.startswith("Apples, raw") and not match.confident
    flakes = Catalog().resolve("cornflakes bowl")  # 'corn flakes' are side by side in USDA's names
    assert flakes.food.description == "Cereal, corn flakes, plain"


def test_two_words_usda_writes_as_one_are_that_word() -> None:
    match = Catalog().resolve("black eyed peas")  # FNDDS 'Blackeyed peas, NFS'; it was beans with meat
    assert match.food.food_id == Catalog().resolve("blackeyed peas").food.food_id == "41300990"


def test_what_comes_before_with_is_the_food() -> None:
    match = Catalog().resolve("lasagna with meat sauce")  # not 'Spaghetti sauce with meat'
    assert match.food.description.startswith("Lasagna with meat sauce"), match.food.description


@pytest.mark.parametrize(("typed", "start"), [("brocoli", "Broccoli, cooked"), ("tomatoe", "Tomatoes, red")])
def test_a_misspelt_food_finds_what_the_right_spelling_finds(typed: str, start: str) -> None:
    assert Catalog().resolve(typed).food.description.startswith(start)


def test_a_close_candidate_with_its_own_container_beats_a_default_size() -> None:
    (water,) = Measurer(Catalog())(Entry(line=1, input="water", amount=1, unit="bottle"))
    assert water.grams == 507 and not water.confident  # USDA's 16.9 fl oz bottle, not a 12 fl oz guess
    (milk,) = Measurer(Catalog())(Entry(line=1, input="milk", amount=1, unit="glass"))
    assert milk.food_name == "Milk, NFS" and milk.grams == pytest.approx(244)  # no candidate has a glass


def test_a_doubt_names_what_was_guessed() -> None:
    assert "'brocoli'" in (Catalog().resolve("brocoli").doubt or "")  # the word whose spelling was guessed
    assert "'soup'" in (Catalog().resolve("chicken gumbo").doubt or "")  # the word that changes the food
    assert "meatless" not in Catalog().resolve("meatballs").food.description  # a soup is no meatball either
    assert "another name" in (Catalog().resolve("bok choy").doubt or "")


def test_a_food_that_has_what_comes_after_with_is_one_food() -> None:
    latte = Measurer(Catalog())(Entry(line=1, input="a grande latte with oat milk", amount=None, unit=None))
    assert [i.food_name for i in latte] == ["Coffee, Latte, with non-dairy milk"]  # not a latte and a milk
    pancakes = Measurer(Catalog())(Entry(line=1, input="pancakes with syrup", amount=None, unit=None))
    assert len(pancakes) == 2
    cereal = Measurer(Catalog())(Entry(line=1, input="cereal with milk", amount=None, unit=None))
    assert len(cereal) == 2 and not any("Babyfood" in i.food_name for i in cereal)  # no baby food unasked


def test_a_dish_named_with_its_with_stays_one_before_a_list() -> None:
    # 'whopper with cheese, onion rings' was a plain Whopper and a typical portion of cheese, both sure
    text = "whopper with cheese, onion rings, diet coke"
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    found = [i.food_name.split(" (")[0] for i in items]
    assert found == ["Whopper with cheese", "Fried onion rings", "Soft drink, cola, diet"]
    # not 'Chicken or turkey, rice, corn, and cheese, with gravy': its rice is not after its 'with'
    chicken = Measurer(Catalog())(Entry(line=1, input="chicken with rice, broccoli", amount=None, unit=None))
    assert len(chicken) == 3


@pytest.mark.parametrize(
    ("text", "found"),
    [("burrito bowl w/ steak, white rice, black beans, cheese, salsa",
      ["Burrito bowl, beef or pork, with beans and rice", "Salsa, NFS"]),  # was the bowl and each filling
     ("nachos with cheese, beans and sour cream", ["Nachos, with beans", "Sour cream, regular"]),
     # a yogurt is no dish of fillings: not 'Yogurt, Greek, with oats' for it and its granola
     ("greek yogurt with granola and strawberries", ["Yogurt, Greek", "Cereal, granola", "Strawberries, raw"])],
)  # fmt: skip
def test_a_dish_said_with_its_fillings_is_the_dish_of_them(text: str, found: list[str]) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert len(items) == len(found) and all(i.food_name.startswith(f) for i, f in zip(items, found, strict=True))


def test_a_counted_food_with_another_that_no_food_has_is_the_first_as_a_guess() -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="bagel with cream cheese", amount=1, unit=None))
    assert item.food_name == "Bagel" and not item.confident  # was mashed potatoes with cheese
    match = Catalog().resolve("bagel with cream cheese")
    assert match.doubt and "'cream cheese' is not counted" in match.doubt


@pytest.mark.parametrize(
    ("text", "found"),
    [("stew chicken with white rice", ["Stew, chicken", "Rice, white, cooked"]),  # no chicken rice soup
     ("jacket potato with cheese and beans", ["Potatoes, baked", "Cheese, NFS", "Beans, NFS"]),
     ("2 eggs on toast", ["Egg, whole", "Bread, white, toasted"]),  # not egg bread
     ("beans on toast", ["Beans, NFS", "Bread, white, toasted"]),  # was toast alone
     ("annies mac and cheese", ["Macaroni or noodles with cheese"]),  # a brand in a part too: one dish
     # the whole ('Pork, rice, and vegetables') misses more than the part that misses a word
     ("smothered pork chops, rice and green beans", ["Pork, chop", "Rice", "Green beans"]),
     # not 'Rice dessert or salad with fruit', whose 'or' joins no rice to a salad
     ("salmon, rice and salad", ["Fish, salmon", "Rice", "Lettuce, salad"])],
)  # fmt: skip
def test_a_dish_that_lacks_words_before_or_after_with_is_several_foods(text: str, found: list[str]) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert len(items) == len(found) and all(i.food_name.startswith(f) for i, f in zip(items, found, strict=True))


def test_a_measure_before_foods_joined_by_and_is_of_them_all_or_a_guess() -> None:
    # '1 cup shrimp and grits' was a cup of shrimp and a typical bowl of grits, both sure; then a cup
    # of grits alone, the shrimp lost: USDA has no dish of both, so two foods, as a guess
    shrimp, grits = Measurer(Catalog())(Entry(line=1, input="1 cup shrimp and grits", amount=None, unit=None))
    assert shrimp.unit == "cup" and not shrimp.confident and not grits.confident
    assert len(Measurer(Catalog())(Entry(line=1, input="2 eggs and toast", amount=None, unit=None))) == 2


def test_a_list_with_a_food_no_table_has_is_refused_by_that_food_or_kept_without_it() -> None:
    # was refused whole ('no food has the word zorblax'), or taken as rice alone, as a guess
    entry = Entry(line=1, input="zorblax, broccoli and rice", amount=None, unit=None)
    with pytest.raises(UnknownFood, match="unknown food 'zorblax'"):
        Measurer(Catalog())(entry)
    kept = Measurer(Catalog(), keep_unknown=True)(entry)
    assert [i.food_id is None for i in kept] == [True, False, False]


@pytest.mark.parametrize(
    ("words", "start"),
    [("tuna sandwich", "Tuna salad sandwich"), ("bean burrito", "Burrito, with beans"),
     ("pb&j sandwich", "Peanut butter and jelly sandwich"), ("burrito bowl", "Burrito bowl"),
     ("meatball sub", "Meatball sandwich or sub"), ("philly cheesesteak", "Cheese steak sandwich"),
     ("ham sandwich", "Ham sandwich on white"),  # the survey's bread when none is said; not a biscuit
     ("ham and cheese", "Ham sandwich on white, with cheese")],  # not a turkey and ham sub
)  # fmt: skip
def test_a_sandwich_or_bowl_is_named_by_its_dish_word_too(words: str, start: str) -> None:
    assert Catalog().resolve(words).food.description.startswith(start)


def test_a_food_with_a_sandwich_of_its_name_is_that_food_not_the_sandwich() -> None:
    # 'Meatball sandwich or sub': 'meatballs' name foods of their own, and 3 of them were 3 subs (113 mg)
    assert "sandwich" not in Catalog().resolve("meatballs").food.description.lower()


@pytest.mark.parametrize(
    ("food", "amount", "unit", "found", "grams"),
    [("bagel bites", 9, None, "58106205", 198),  # its 'Bagel Bite' (22 g), an odd size said, not a bagel
     ("fun size snickers", 2, None, "19155", 30),  # SR28's 'bar, fun size', not its 2 oz bar
     ("mini muffins", 3, None, "52301000", 75),  # 'miniature', 25 g; not 'medium', 130 g
     ("texas toast", 1, "slice", "51121035", 40),  # its 'piece/slice Texas Toast', not a medium slice
     ("pretzel rods", 2, None, "54408015", 20),  # hard pretzels, by the rod: not 2 bags of pretzels
     ("bacon strips", 3, None, "22600100", 24),  # a strip of bacon is a slice, never 'Bacon strip, meatless'
     ("crushed peanuts", 2, "tbsp", "42111000", 18.25),  # how they were cut, not 'boiled peanuts'
     ("wings", 6, None, "24160110", 210),  # chicken wings (data/aliases.csv), not a turkey wing (sure)
     ("hot wings", 10, None, "24168010", 350),  # by the drummette: not 10 typical portions, 1.4 kg
     ("string cheese", 2, None, "14107030", 56.7),  # two sticks, not two of USDA's '1 string' (4.7 g)
     ("pb&j", 1, None, "42302010", 112),  # a sandwich (data/names.csv), not the striped spread (sure)
     ("carrots - baby", 10, "carrot", "11960", 100),  # the food's own noun as the unit: a count of them
     ("black beans - canned, drained", 0.5, "cup", "41102080", 90),  # 'drained' is no miss, as a cut
     ("mcdonalds - big mac", 1, "sandwich", "27510389", 205),  # an app's unit for anything counted
     ("lay's - classic potato chips", 1, "oz", "71200010", 28.349523125),  # classic is plain, no flavor
     ("chobani greek yogurt - vanilla", 1, "container", "01286", 150),  # the brand's food has no container
     ("sourdough", 2, "slices", "51107010", 128)],  # its medium or regular slice, not 'slice, Vienna bread'
)  # fmt: skip
def test_the_measure_the_words_name(food: str, amount: float, unit: str | None, found: str, grams: float) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=food, amount=amount, unit=unit))
    assert (item.food_id, item.grams) == (found, pytest.approx(grams))


@pytest.mark.parametrize(
    ("text", "found", "grams", "sure"),
    # a large order of the fries whose 'large fast food order' names them (not the restaurant's), a guess
    [("large fries", "71401030", 180, False),
     ("medium fries", "71401030", 145, False),  # was the plain fries' usual 110 g, sure
     ("small fries", "71401030", 110, False),  # was the plain fries, sure: their usual 110 g is as much
     ("large banana", "09040", 136, True),  # SR28's large one, not the survey's typical 126 g
     ("small apple", "09003", 165, True),  # the survey's small apple (SR28's is 149 g)
     ("3 large eggs", "31102000", 150, True),  # USDA's egg weighs a large one: no raw egg for its size
     ("small bag of chips", "71200100", 28, True)],  # its small bag, not rice chips
)  # fmt: skip
def test_a_size_said_with_no_count_is_one_of_that_size(text: str, found: str, grams: float, sure: bool) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert (item.food_id, item.grams, item.confident) == (found, pytest.approx(grams), sure)


@pytest.mark.parametrize(
    ("food", "found", "grams"),
    [("large banana", "09040", 136),  # was the survey's usual banana, 126 g, sure
     ("small apple", "09003", 165),  # was the survey's medium apple, 200 g
     ("medium fries", "71401030", 145)],  # was one fry, 5 g, sure
)  # fmt: skip
def test_a_size_before_the_name_in_a_food_cell_is_the_size_of_its_count(food: str, found: str, grams: float) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=food, amount=1, unit=None))
    assert (item.food_id, item.grams) == (found, pytest.approx(grams))


@pytest.mark.parametrize(
    ("text", "found", "grams"),
    [("medium sweet potato fries", "73410200", 90),  # was one fry, 5 g, sure
     ("medium onion rings", "75415022", 120),  # was one ring, 10 g
     ("large onion rings", "75415022", 120),  # was a large bag of onion flavored corn chips, 85 g
     ("medium fries", "71401030", 145),  # a measure of that size: the medium order, as before
     ("large banana", "09040", 136),  # one of them: a large banana, as before
     ("medium avocados", "09037", 150),  # never less than one of them (the helping is 30 g)
     ("medium shakes", "14347", 333)],  # nor another food (the helping of 'shakes' is a protein drink)
)  # fmt: skip
def test_a_size_before_a_plural_with_no_count_is_a_helping(text: str, found: str, grams: float) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert (item.food_id, item.grams) == (found, pytest.approx(grams))
    assert item.assumed is not None


def test_a_size_picks_no_food_only_flavoured_by_the_words() -> None:
    # '2 large onion rings' were two large bags of 'Onion flavored rings' (corn chips), 170 g
    (item,) = Measurer(Catalog())(Entry(line=1, input="onion rings", amount=2, unit="large"))
    assert (item.food_id, item.grams) == ("11296", pytest.approx(14.2))


def test_a_piece_of_a_food_named_by_its_item_is_its_item() -> None:
    # '6 pc chicken nuggets' was SR28's frozen nuggets, not reheated, by their piece (as a guess)
    (item,) = Measurer(Catalog())(Entry(line=1, input="chicken nuggets", amount=6, unit="pc"))
    assert (item.food_id, item.grams, item.confident) == ("24198729", 96, True)


@pytest.mark.parametrize(("text", "grams"), [("hard boiled egg", 50), ("hard boiled eggs", 136)])
def test_one_item_said_with_no_amount_is_one_not_a_cup_of_them(text: str, grams: float) -> None:
    # SR28's hard-boiled egg has no typical portion: its common one was a cup of chopped eggs (136 g)
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert (item.food_id, item.grams) == ("01129", grams)


def test_a_guess_usda_does_not_measure_as_said_is_a_like_food_of_the_words_that_it_measures() -> None:
    # 'candied yams' (data/names.csv) is SR28's candied sweet potato, weighed only by the piece: by the
    # cup it is the survey's 'Sweet potato, candied' (14 against 13 mg/100 g), as a guess; it was refused
    (yams,) = Measurer(Catalog())(Entry(line=1, input="1/2 cup candied yams", amount=None, unit=None))
    assert (yams.food_id, round(yams.grams), yams.confident) == ("73406000", 125, False)


@pytest.mark.parametrize(
    ("text", "grams"),
    [("1 pack of nabs", 45),  # a pack is the crackers' 'individual package'
     ("a mason jar of sweet tea", 496),  # 16 fl oz, as an assumption
     ("1 cup tundra tea", 236.6)],  # a tea USDA weighs only in grams pours like water
)  # fmt: skip
def test_a_pack_a_mason_jar_and_a_cup_of_tea_weighed_only_in_grams(text: str, grams: float) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert item.grams == pytest.approx(grams, abs=0.1)


def test_a_count_after_a_food_named_by_its_size_is_of_that_size() -> None:
    before = Measurer(Catalog())(Entry(line=1, input="3 mini muffins", amount=None, unit=None))
    after = Measurer(Catalog())(Entry(line=1, input="mini muffins 3", amount=None, unit=None))
    assert [i.grams for i in after] == [i.grams for i in before] == [75]  # was three regular ones


def test_an_adjective_alone_is_no_sure_food() -> None:
    assert not Catalog().resolve("sweet").confident  # was 'Bread, sweet potato', sure


def test_a_makers_name_with_an_ampersand_is_no_list() -> None:
    items = Measurer(Catalog())(Entry(line=1, input="1 lenny & larry's complete cookie", amount=None, unit=None))
    assert len(items) == 1 and not items[0].confident  # not 'lenny' (WORTHINGTON Leanies) and a cookie


@pytest.mark.parametrize(
    ("text", "grams"),
    [("half and half", 20),  # was half of a typical portion, 10 g
     ("quarter pounder", 170),  # was a quarter of one, 50 g (170 g: the survey's typical one)
     ("7up", 372)],  # was 7 fried eggs
)  # fmt: skip
def test_a_number_that_begins_a_usda_name_is_no_amount(text: str, grams: float) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert item.grams == grams
    assert "MUSKETEERS" in Catalog().resolve("3 musketeers").food.description  # not baby peas, 'Stage 3'


@pytest.mark.parametrize(("text", "food_id", "grams"), [("Eggs - Large, 2 egg", "31102000", 100),
                                                        ("Apple - Medium, 1 apple", "09003", 182)])
def test_an_apps_amount_by_the_foods_own_noun_is_no_second_food(text: str, food_id: str, grams: float) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [(i.food_id, i.grams) for i in items] == [(food_id, grams)]  # was two entries (150 g, 364 g)


def test_a_size_said_inside_the_words_is_one_of_that_size_unless_it_is_the_foods_own_word() -> None:
    (fries,) = Measurer(Catalog())(Entry(line=1, input="mcdonalds small fries", amount=None, unit=None))
    assert fries.grams == 71  # McDonald's small serving; it was the medium one (117 g)
    (cheese,) = Measurer(Catalog())(Entry(line=1, input="small curd cottage cheese", amount=None, unit=None))
    assert "dry curd" not in cheese.food_name  # 'large or small curd' is its name, not its size


def test_a_count_of_a_food_usda_counts_only_in_another_form_is_of_that_form() -> None:
    (zucchini,) = Measurer(Catalog())(Entry(line=1, input="1 zucchini", amount=None, unit=None))
    assert "bread" not in zucchini.food_name.lower() and zucchini.grams == 196  # was a 40 g slice of bread


@pytest.mark.parametrize(("text", "foods"), [("coffee with milk", ["Coffee, brewed", "Milk, NFS"]),
                                             ("coffee with cream", ["Coffee, brewed", "Cream, heavy"]),
                                             ("coffee with half and half",
                                              ["Coffee, brewed", "Cream, half and half"])])
def test_coffee_with_milk_or_cream_is_coffee_and_it(text: str, foods: list[str]) -> None:
    # was a latte with non-dairy milk, a coffee liqueur (sure), and coffee with two portions of half and half
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [i.food_name for i in items] == foods


# The review of this session's rules (helper-44) found each of these made worse by one of them
@pytest.mark.parametrize(
    ("text", "found"),
    [("a bowl of broccoli and cheese soup", [("72302100", 382.5)]),  # a bowl measures the soup: one dish
     ("1 cup of cookies and cream ice cream", [("13110102", 140)]),  # was refused: a cup of a cookie
     ("large protein shake", [("95120010", 640)]),  # its large bottle, not a cup of it
     ("noodles and gravy", [("56112000", 160), ("28520010", 60)]),  # no 'Beef and noodles with gravy'
     ("medium chicken breast", [("24120120", 120)]),  # its breast, not a medium slice of it
     ("silk soy yogurt", [("16252", 227)]),  # SILK's own, not a dairy yogurt
     ("enoki mushroom", [("11950", 64)])],  # not one 3 g stem
)  # fmt: skip
def test_the_rules_of_the_fourteenth_session_keep_what_was_right(text: str, found: list[tuple[str, float]]) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [(i.food_id, i.grams) for i in items] == [(f, pytest.approx(g)) for f, g in found]


@pytest.mark.parametrize("text", ["2 slices with butter", "natural calm"])
def test_a_measure_word_or_a_short_word_is_not_made_a_food(text: str) -> None:
    # '2 slices with butter' became 152 g of whipped butter, sure; 'natural calm' (a supplement) clams
    with pytest.raises(MagcalcError):
        Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))




def test_the_surveys_food_named_by_all_the_words_ranks_before_one_found_by_its_other_names() -> None:
    # not 'Chicken or turkey salad, made with creamy dressing', whose other names hold 'creamy Caesar'
    assert Catalog().resolve("chicken caesar salad").food.food_id == "27446360"


@pytest.mark.parametrize(
    ("text", "grams"),
    [("half a cantaloupe", 275.0),  # half of its medium melon (550 g), not of a medium wedge (70 g)
     ("half a digiorno pizza", 364.5),  # half of SR28's 12" pie, not of its quarter slice
     ("a quarter of a watermelon", 1300.0),  # SR28's watermelon, by the survey's medium melon
     ("a chicken pot pie", 250.0),  # its individual pie, not 'pie, any size' (1,260 g)
     ("half a bagel", 52.5),  # an item that is no cut of a whole stays the item
     ("a whole cantaloupe", 550.0), ("a whole digiorno pizza", 729.0)],  # 'whole' said: not one wedge
)  # fmt: skip
def test_a_part_of_a_food_cut_from_a_whole_is_a_part_of_the_whole(text: str, grams: float) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert item.grams == pytest.approx(grams)


@pytest.mark.parametrize(
    ("text", "first"),
    [("a bowl of cereal and orange juice", "57100100"),  # no bowl of orange juice (372 g), cereal lost
     ("a bowl of cereal and milk", "57100100")],  # no baby food of cereal and milk (refused)
)
def test_a_bowl_before_cereal_and_a_drink_is_the_cereals(text: str, first: str) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [i.food_id for i in items][:1] == [first] and len(items) == 2
    assert items[0].assumed is not None and "bowl" in items[0].assumed


def test_a_food_taken_for_its_measure_is_about_as_rich_as_the_one_the_words_found() -> None:
    # 'a piece of cod' was SR28's dried salted cod (133 mg per 100 g), which USDA measures by the piece
    (item,) = Measurer(Catalog())(Entry(line=1, input="a piece of cod", amount=None, unit=None))
    assert (item.food_id, item.grams) == ("26109110", 140)


def test_a_handful_of_candy_and_nuts_is_one_handful() -> None:
    # candy is no drink: the handful measures the whole, not the candy with a full portion of nuts beside
    items = Measurer(Catalog())(Entry(line=1, input="a handful of m&ms and peanuts", amount=None, unit=None))
    assert sum(i.grams or 0 for i in items) == pytest.approx(28.349523125)


@pytest.mark.parametrize("food_id", ["76201010", "67100250"])  # baby vegetables; a baby mixture
def test_a_baby_food_of_every_survey_group_is_a_baby_food_the_words_must_ask_for(food_id: str) -> None:
    food = Catalog().get(food_id)
    assert unasked(food, "carrots") and not unasked(food, "baby food carrots")


def test_a_food_usda_weighs_only_by_the_piece_is_measured_by_the_volume_of_its_kind() -> None:
    # '1 cup baby carrots': 'Carrots, raw' by its cup, as a guess; not the baby food 'Stage 1' carrots
    (item,) = Measurer(Catalog())(Entry(line=1, input="baby carrots", amount=1.0, unit="cup"))
    assert (item.food_id, item.grams, item.confident) == ("11124", 128.0, False)


@pytest.mark.parametrize(
    ("text", "found"),
    [("a chicken breast", [("24120120", 120.0)]),  # one side, not SR28's whole breast (2 x 86 g)
     ("ham and cheese sandwich and chips", [("27520220", 135.0), ("71200100", 28.0)]),  # not ham, and
     ("coffee and milk", [("92101000", 360.0), ("11100000", 244.0)]),  # a cheese sandwich; no latte with
     ("2 jars of baby food sweet potatoes", [("76209040", 220.0)])],  # non-dairy milk; baby food asked, stage 2 (NS as to stage)
)  # fmt: skip
def test_everyday_foods_counted_as_people_count_them(text: str, found: list[tuple[str, float]]) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [(i.food_id, i.grams) for i in items] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [("medium fries from mcdonalds", [("21238", 117.0)]),  # was chicken tenders: the place said after
     ("a big mac from mcdonalds", [("27510389", 205.0)]),  # its Big Mac, not a Mac Jr
     ("2 rice cakes", [("19816", 18.0)])],  # two 9 g cakes, not two of the survey's 3 g mini cakes
)  # fmt: skip
def test_words_people_use_for_where_and_how(text: str, found: list[tuple[str, float]]) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [(i.food_id, i.grams) for i in items] == [(f, pytest.approx(g, abs=0.1)) for f, g in found]


def test_a_count_of_a_brand_usda_weighs_only_is_one_of_its_kind_as_a_guess() -> None:
    # SR28's Chobani has no container: the survey's Greek yogurt has one (was refused)
    (item,) = Measurer(Catalog())(Entry(line=1, input="chobani greek yogurt", amount=1.0, unit=None))
    assert (item.food_id, item.grams, item.confident) == ("11400010", 150.0, False)


@pytest.mark.parametrize(
    ("text", "found"),
    [("half a cup of pistachios in shell", [("42114130", 29.0)]),  # was 'Pie shell', then the shelled cup
     ("cheez-its 27 crackers", [("54304005", 27.0)]),  # the count after the name; was its typical 18 g
     ("pie shell", [("53391000", 25.0)])],  # a shell that is the food is still the food
)  # fmt: skip
def test_how_people_write_the_form_and_count_after_a_name(text: str, found: list[tuple[str, float]]) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [(i.food_id, i.grams) for i in items] == [(f, pytest.approx(g, abs=0.1)) for f, g in found]


@pytest.mark.parametrize(
    ("text", "found"),
    [("graham crackers 2 sheets", ("54102010", 30.0)),  # was refused: 'sheets' no unit of it
     ("vanilla wafers 8 wafers", ("53247000", 32.0)),  # was a brand's wafer of unknown magnesium
     ("hot dogs 2 franks", ("25210110", 114.0))],  # was refused ('parsecs', a word of no food, still is)
)  # fmt: skip
def test_a_count_after_the_name_by_a_noun_usda_has_not_is_a_count(text: str, found: tuple[str, float]) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert (item.food_id, item.grams) == (found[0], pytest.approx(found[1], abs=0.1))
    assert item.assumed is not None and "counted as items" in item.assumed


@pytest.mark.parametrize(
    ("text", "found", "confident"),
    [("chicken 3 thighs", ("24150210", 240.0), True),  # the food the noun names: was a piece of chicken
     ("eggs 2 yolks", ("31102000", 100.0), False)],  # no sure 'eggs yolks': eggs counted, as a guess
)  # fmt: skip
def test_a_count_by_a_noun_is_the_food_it_names_else_a_guess(
    text: str, found: tuple[str, float], confident: bool
) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert (item.food_id, item.grams, item.confident) == (found[0], pytest.approx(found[1], abs=0.1), confident)


@pytest.mark.parametrize(
    ("text", "grams", "said"),
    [("1 oz pistachios in shell", 15.0, "weighed in the shell"),  # its 'oz, in shell, yields'; was 28 g
     ("1 cup unshelled pistachios", 58.0, None),  # its 'cup, in shell, yields'; was the shelled cup, 128 g
     ("1 cup pecans in shell", 109.0, "no in-shell measure")],  # none: the shelled cup, said
)  # fmt: skip
def test_nuts_in_the_shell_are_what_the_shell_yields(text: str, grams: float, said: str | None) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert item.grams == pytest.approx(grams, abs=0.1)
    assert said is None or (item.assumed is not None and said in item.assumed)


@pytest.mark.parametrize(
    ("text", "found"),
    [("Red Bull, 1 can (8.4 fl oz)", ("95310600", 260.4)),  # was Red Bull and 252 g of cream cheese
     ("Coke, 1 bottle (20 oz)", ("92410310", 620.0))],  # was refused: 'coke, 1 bottle' no food
)  # fmt: skip
def test_an_exports_bracketed_size_is_how_much_not_a_food(text: str, found: tuple[str, float]) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert (item.food_id, item.grams) == (found[0], pytest.approx(found[1], abs=0.1))


@pytest.mark.parametrize(
    ("text", "found"),
    [("Big Mac, 1 burger", [("27510389", 205.0)]),  # was a Big Mac and a hamburger
     ("Avocado, Raw, 1/2 fruit", [("09037", 75.0)]),  # was an avocado and half a 'Fruit, NFS'
     ("oatmeal, 1 banana", [("56202960", 240.0), ("09040", 126.0)])],  # a banana is no kind of oatmeal
)  # fmt: skip
def test_an_exports_count_by_the_kind_of_food_is_no_second_food(text: str, found: list[tuple[str, float]]) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [(i.food_id, i.grams) for i in items] == [(f, pytest.approx(g, abs=0.1)) for f, g in found]


def test_a_pack_of_a_food_usda_packs_in_several_sizes_says_which_size_was_taken() -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="reese's peanut butter cups", amount=1.0, unit="pack"))
    assert item.assumed is not None and "2 sizes" in item.assumed  # was 17 g with nothing said


def test_a_misspelt_name_people_give_a_dish_is_read_as_that_name() -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="bahn mi", amount=1.0, unit=None))  # was unknown
    assert (item.food_id, item.confident) == ("27520520", False)


@pytest.mark.parametrize(
    ("text", "found"),
    [("a small slice of cheese pizza", ("58106210", 80.0)),  # its small pizza's slice; was the small pizza
     ("2 large slices of pepperoni pizza", ("58106540", 248.0)),  # was two large pizzas, 1992 g, sure
     ("a large slice of bread", ("51101000", 43.0)),  # USDA's 'large or thick slice'
     ("a small bowl of rice", ("56205001", 244.5)),  # a bowl of rice; was a burrito bowl or a slice of rice bread
     ("a large box of raisins", ("62125100", 43.0)),  # the larger of its two boxes
     ("a small jar of peanut butter", ("42202000", 32.0)),  # no jar of it: its typical portion, said
     ("a small piece of salmon", ("26137110", 140.0)),  # the salmon 'a piece of salmon' is: was raw, 85 g
     ("a large square of cornbread", ("52202060", 65.0)),  # a piece: was the whole 8" pan, 646 g
     ("a small can of tuna", ("26155110", 75.0)),  # its 'small can': was a 'small/regular fillet'
     ("a small bar of chocolate", ("91705010", 45.0)),  # not the doubtful cookie 'a bar of chocolate' is
     ("a big glass of milk", ("11100000", 244.0)),  # people's word for large: was an unknown food
     ("big bowl of pho", ("28310330", 490.0)),  # was unknown; a noodle soup bowl, 2 cups
     ("large slice of pizza", ("58106210", 119.0)),  # no article: a slice, not the whole large pizza (954 g)
     ("a big can of salmon", ("26137180", 420.0)),  # the canned salmon's largest can: was a 210 g fillet, sure
     ("big can of black beans", ("41102080", 270.0))],  # canned, as 'a can of' is: were beans cooked from dry
)  # fmt: skip
def test_a_size_before_a_measure_is_the_measures(text: str, found: tuple[str, float]) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert (item.food_id, item.grams) == (found[0], pytest.approx(found[1], abs=0.1))


def test_a_size_the_food_has_no_measure_of_is_said() -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="a large piece of chicken", amount=None, unit=None))
    assert item.assumed is not None and "no sizes" in item.assumed


def test_a_big_measure_in_the_unit_column_is_a_large_one() -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="milk", amount=1.0, unit="big glass"))
    assert (item.food_id, item.grams) == ("11100000", pytest.approx(244.0))  # was refused: no 'big glass'


@pytest.mark.parametrize(
    ("food", "unit", "found"),
    [("sausage, italian", "link", ("25221350", 75.0)),  # bun-size, nearest its typical 60 g: was breakfast, 20 g
     ("raisins", "box", ("62125100", 43.0)),  # the small box, nearest its typical 40 g: was the miniature one
     ("chocolate chip cookies", "medium", ("53206000", 60.0))],  # a size said: its medium cookie, not bar
)  # fmt: skip
def test_of_sizes_alike_of_the_measure_said_the_one_nearest_the_typical_amount(
    food: str, unit: str, found: tuple[str, float]
) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=food, amount=2.0 if unit == "medium" else 1.0, unit=unit))
    assert (item.food_id, item.grams) == (found[0], pytest.approx(found[1]))


def test_where_a_food_sat_is_no_food() -> None:
    # 'on top' was a food of its own: a Malt-O-Meal cereal, found by 'top'
    items = Measurer(Catalog())(Entry(line=1, input="toast with an egg on top", amount=None, unit=None))
    assert [i.food_id for i in items] == ["51101010", "31102000"]


@pytest.mark.parametrize(
    ("text", "found"),
    [("a bun", [("51154100", 52.0)]),  # its hamburger bun: was the miniature one, 28 g, sure
     ("hot dog on a bun", [("27564000", 102.0)]),  # one sandwich: was the frank and a bun, split at 'on a'
     ("cheeseburger on a bun", [("27510241", 165.0)]),  # the bun is in the cheeseburger: not counted twice
     ("toast with an egg", [("51101010", 25.0), ("31102000", 50.0)])],
)  # fmt: skip
def test_a_food_on_a_bun_is_one_sandwich_and_a_bun_alone_its_usual_size(
    text: str, found: list[tuple[str, float]]
) -> None:
    items = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert [(i.food_id, i.grams) for i in items] == [(f, pytest.approx(g)) for f, g in found]


def test_a_measure_of_two_foods_is_no_food_that_joins_nothing() -> None:
    # a whole of both words that is not a dish of both: was 'Walnuts, honey roasted', sure
    items = Measurer(Catalog())(Entry(line=1, input="1 tbsp walnuts and honey", amount=None, unit=None))
    assert [i.food_name.split(",")[0] for i in items] == ["Nuts", "Honey"]
    # a guessed whole stays one guess, not a sure ounce of nuts beside a typical portion of raisins
    (guess,) = Measurer(Catalog())(Entry(line=1, input="1 oz nuts and raisins", amount=None, unit=None))
    assert not guess.confident


def test_a_link_of_a_hot_dog_is_one_frank() -> None:
    # USDA measures hot dogs as 'regular', 'footlong'...: was refused ('not measured in link')
    (item,) = Measurer(Catalog())(Entry(line=1, input="turkey hot dog", amount=1.0, unit="link"))
    assert (item.food_id, item.grams) == ("25210410", pytest.approx(57.0))


@pytest.mark.parametrize(("food", "grams"), [("yogurt", 170.1), ("greek yogurt", 170.1), ("milk", 183.0)])
def test_an_ounce_of_yogurt_is_weighed_and_of_a_drink_poured(food: str, grams: float) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=food, amount=6.0, unit="oz"))
    assert item.grams == pytest.approx(grams, abs=0.5)  # yogurt was read as fl oz: 184 g


@pytest.mark.parametrize(("food", "grams"), [("marie biscuits", 14.0), ("pizzelles", 26.0)])
def test_a_count_of_a_food_measured_by_one_thing_alone_is_that_many_of_it(food: str, grams: float) -> None:
    # USDA's one measure of a thing ('1 cookie', 7 g): was the typical portion (21 g) for each
    (item,) = Measurer(Catalog())(Entry(line=1, input=food, amount=2.0, unit=None))
    assert item.grams == pytest.approx(grams)


def test_a_link_is_never_a_slice_of_a_sausage() -> None:
    # review: a link was counted as the food's one thing, for pepperoni its 2 g slice, sure
    (item,) = Measurer(Catalog())(Entry(line=1, input="pepperoni", amount=1.0, unit="link"))
    assert item.grams == pytest.approx(251.0)  # its 'sausage (10-1/4" long)'
    with pytest.raises(MagcalcError):  # measured by slices and cubic inches only: no link of it
        Measurer(Catalog())(Entry(line=1, input="blood sausage", amount=1.0, unit="link"))


def test_a_measure_of_two_words_after_and_names_a_food_of_its_own() -> None:
    # 'a juice box' was read as the amount of the goldfish, and the juice was lost
    items = Measurer(Catalog())(Entry(line=1, input="goldfish crackers and a juice box", amount=None, unit=None))
    assert [(i.food_id, i.grams) for i in items] == [("54304020", pytest.approx(18.0)), ("64100100", 209.0)]


@pytest.mark.parametrize(("unit", "grams"), [(None, 285.0), ("large", 400.0)])
def test_a_counted_whole_food_without_a_usda_twin_is_the_surveys_size_of_it(unit: str | None, grams: float) -> None:
    # SR28's baked potato has no twin of USDA's: its own medium (173 g) was taken, not the survey's
    (item,) = Measurer(Catalog())(Entry(line=1, input="baked potato", amount=1.0, unit=unit))
    assert (item.food_id, item.grams) == ("11674", grams)
    assert "Potato, baked, NFS" in (item.assumed or "")


def test_a_product_counted_keeps_its_own_item() -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input="rice cakes", amount=2.0, unit=None))
    assert item.grams == pytest.approx(18.0)  # SR28's own cake (9 g), not the survey's mini one


def test_a_sliced_banana_is_one_banana_not_one_slice() -> None:
    banana = load_foods()["63107010"]  # measured by 'banana' (126 g) and 'slice' (6 g)
    portion = item_portion(banana, "a sliced banana")  # 'sliced' was read as a slip for 'slice'
    assert portion is not None and portion.description == "banana"


def test_a_counted_raw_food_takes_the_surveys_raw_size_not_its_cooked_one() -> None:
    # review: '1 tomato' took the size of the survey's cooked tomato (110 g)
    (item,) = Measurer(Catalog())(Entry(line=1, input="tomato", amount=1.0, unit=None))
    assert (item.food_id, item.grams) == ("11529", 125.0)


@pytest.mark.parametrize(
    ("phrase", "grams", "label"),
    [
        ("2 celsius", 720.0, "12 fl oz"),  # the survey's usual energy drink can: 16 fl oz, 480 g each
        ("a can of red bull", 260.4, "8.4 fl oz"),  # the survey's can nearest the usual one: 12 fl oz
        ("quest bar", 60.0, "60 g"),  # the survey's nutrition bar: 34 g
        ("1 premier protein shake", 352.0, "11 fl oz"),  # the survey's bottle: 544 g
    ],
)
def test_a_brand_sold_in_one_size_is_counted_by_its_labels_size(phrase: str, grams: float, label: str) -> None:
    (item,) = Measurer(Catalog())(Entry(line=1, input=phrase, amount=None, unit=None))
    assert item.grams == pytest.approx(grams, abs=0.5)
    assert "(its label)" in (item.assumed or "") and label in (item.assumed or "")


@pytest.mark.parametrize(("phrase", "unit"), [("quest chips", "bag"), ("fiber one bar", None), ("celsius", "bottle")])
def test_a_label_size_is_only_of_its_own_product_and_container(phrase: str, unit: str | None) -> None:
    # Quest's chips are no bar, a Fiber One bar no ONE bar, and Celsius's label names a can, not a bottle
    (item,) = Measurer(Catalog())(Entry(line=1, input=phrase, amount=1.0, unit=unit))
    assert "its label" not in (item.assumed or "") and "its label" not in (item.portion or "")


def test_a_number_before_of_is_an_amount_even_in_a_brands_name() -> None:
    # 'one bar' is a protein bar's name (ONE): 'one bar of dark chocolate' was that protein bar
    (item,) = Measurer(Catalog())(Entry(line=1, input="one bar of dark chocolate", amount=None, unit=None))
    assert item.food_name.lower().startswith("chocolate, dark")


def test_a_measure_before_two_foods_is_not_lost_on_a_dish_lacking_one_of_them() -> None:
    # '1/2 cup cottage cheese and canned peaches' was canned peaches alone: the cheese was lost
    items = Measurer(Catalog())(
        Entry(line=1, input="1/2 cup cottage cheese and canned peaches", amount=None, unit=None)
    )
    assert [i.food_id for i in items] == ["14200100", "63135110"]
    assert not any(i.confident for i in items)  # the half cup may be of a dish of both: a guess
    milk, cookies = Measurer(Catalog())(Entry(line=1, input="a glass of milk and cookies", amount=None, unit=None))
    assert milk.confident and cookies.confident  # a glass is of no dish: two foods, sure


@pytest.mark.parametrize("text", ["1/2 cup almonds and cashews", "a handful of peanuts and almonds"])
def test_a_measure_of_two_foods_of_one_kind_stays_one_measure(text: str) -> None:
    # review: nuts of SR28's 'Nut and Seed Products' and the survey's 'Nuts and seeds' were of two
    # kinds, so the half cup became a half cup of almonds and a typical portion of cashews beside it
    (item,) = Measurer(Catalog())(Entry(line=1, input=text, amount=None, unit=None))
    assert not item.confident


def test_a_label_size_is_not_taken_for_another_product_of_the_brand() -> None:
    # review: 'premier protein bar' took the 11 fl oz of Premier Protein's shake
    (item,) = Measurer(Catalog())(Entry(line=1, input="premier protein bar", amount=None, unit=None))
    assert "its label" not in (item.assumed or "")
