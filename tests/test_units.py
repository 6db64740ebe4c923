"""Amounts and units -> grams: examples from USDA, and properties that hold for any amount."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from magcalc.errors import UnitError
from magcalc.foods import Food, get_food
from magcalc.units import (
    MASS_G,
    UNIT_SPELLINGS,
    VOLUME_ML,
    available_units,
    canonical_unit,
    measure,
    parse_amount,
    to_grams,
)


def food(food_id: str) -> Food:
    """A bundled food, loaded when a test runs (collection stays free of the food table)."""
    found = get_food(food_id)
    assert found is not None
    return found


SPINACH = "11458"  # 1 cup = 180 g
ALMONDS = "12061"  # 1 cup whole = 143 g, 1 oz (23 whole kernels) = 28.35 g, 1 almond = 1.2 g
BANANA = "09040"  # medium 118 g, large 136 g


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("1", 1.0, None),
        ("1.5", 1.5, None),
        (".5", 0.5, None),
        ("1/2", 0.5, None),
        ("1 1/2", 1.5, None),
        ("½", 0.5, None),
        ("1½", 1.5, None),
        ("1 ½ cups", 1.5, "cups"),
        ("30 g", 30.0, "g"),
        ("30g", 30.0, "g"),
        ("2 slices", 2.0, "slices"),
        ("1 fl oz", 1.0, "fl oz"),
        ("a cup", 1.0, "cup"),
        ("one", 1.0, None),  # number words, as in phrases
        ("Two slices", 2.0, "slices"),
        ("half", 0.5, None),
        ("  3   medium ", 3.0, "medium"),
        ("A couple", 2.0, None),  # an article before a number word: it was 1 of a unit 'couple'
        ("a half", 0.5, None),
        ("a couple of slices", 2.0, "slices"),
        ("one and a half cups", 1.5, "cups"),
        ("a dozen and a half", 18.0, None),  # half a dozen more, not half an egg
        ("a 1/2 cup", 0.5, "cup"),  # was 1.5 cups
    ],
)
def test_parse_amount(text: str, amount: float, unit: str | None) -> None:
    assert parse_amount(text) == (pytest.approx(amount), unit)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("-1", "more than 0"),
        ("0", "more than 0"),
        ("0.0 g", "more than 0"),
        ("abc", "not a number"),
        ("nan", "not a number"),
        ("inf", "not a number"),
        ("1e308", "not a number"),
        ("1/0", "divides by zero"),
        ("", "empty"),
        ("1" * 200, "too long"),
    ],
)
def test_parse_amount_refuses(text: str, fragment: str) -> None:
    with pytest.raises(UnitError, match=fragment):
        parse_amount(text)


@given(st.floats(min_value=0.001, max_value=1e5, allow_nan=False, allow_infinity=False))
def test_parse_amount_reads_back_any_positive_decimal(value: float) -> None:
    text = f"{value:.6f}"
    assume(float(text) > 0)
    assert parse_amount(text) == (pytest.approx(float(text)), None)


@given(
    st.integers(0, 50), st.integers(1, 99), st.integers(1, 99), st.sampled_from(["", " cup", "g", " tbsp"])
)
def test_parse_amount_reads_mixed_fractions(whole: int, num: int, den: int, unit: str) -> None:
    text = f"{whole} {num}/{den}{unit}" if whole else f"{num}/{den}{unit}"
    amount, parsed_unit = parse_amount(text)
    assert amount == pytest.approx(whole + num / den)
    assert parsed_unit == (unit.strip() or None)


@given(st.text(max_size=40))
def test_parse_amount_never_crashes(text: str) -> None:
    try:
        amount, _unit = parse_amount(text)
    except UnitError:
        return
    assert math.isfinite(amount) and amount > 0


@pytest.mark.parametrize(("spelling", "unit"), [
    ("grams", "g"), ("Gram", "g"), ("kilograms", "kg"), ("ounces", "oz"), ("OZ", "oz"), ("lbs", "lb"),
    ("pounds", "lb"), ("cups", "cup"), ("Tablespoons", "tbsp"), ("tbsp.", "tbsp"), ("teaspoon", "tsp"),
    ("fl oz", "fl oz"), ("fluid ounces", "fl oz"), ("fl. oz", "fl oz"), ("millilitres", "ml"), ("liters", "l"),
    ("slices", "slice"), ("kernels", "kernel"), ("medium", "medium"),
])  # fmt: skip
def test_canonical_unit(spelling: str, unit: str) -> None:
    assert canonical_unit(spelling) == unit


@pytest.mark.parametrize(
    ("food_id", "amount", "unit", "grams"),
    [
        ("11458", 1, "cup", 180.0),  # spinach boiled: a cup weighs 180 g
        ("11457", 1, "cup", 30.0),  # spinach raw: a cup weighs 30 g
        ("12061", 1, "cup", 143.0),  # almonds: 'cup, whole'
        ("12061", 1, "oz", 28.349523125),
        ("12061", 3, "kernels", 3 * 28.35 / 23),  # from 'oz (23 whole kernels)'
        ("12061", 10, "almonds", 12.0),
        ("09040", 1, "medium", 118.0),
        ("09040", 1, "large", 136.0),
        ("18075", 2, "slices", 64.0),
        ("19904", 1, "bar", 101.0),
        ("11458", 2, "tbsp", 180 / 16 * 2),
        ("11458", 1, "l", 180 / 236.5882365 * 1000),
        ("01079", 1, "fl oz", 30.5),  # 2% milk's own 'fl oz' measure
        ("01009", 0.25, "cup", 113 / 4),  # cheese by the cup is shredded, not diced (132 g)
        ("12061", 1, "kg", 1000.0),
        ("12061", 500, "mg", 0.5),
        ("12061", 1, "lb", 453.59237),
        ("06224", 1, "cup", 260.0),  # a sauce measured only as 'serving 1/2 cup' (130 g): was refused
        ("06094", 2, "tsp", 2 / 3 * 7.5),  # onion soup mix's 'serving 1 tbsp'
    ],
)
def test_to_grams_through_usda_measures(food_id: str, amount: float, unit: str, grams: float) -> None:
    food = get_food(food_id)
    assert food is not None
    assert to_grams(food, amount, unit).grams == pytest.approx(grams, rel=1e-3)


def test_bare_number_uses_the_only_portion_and_says_so() -> None:
    spinach = to_grams(food(SPINACH), 2, None)
    assert spinach.grams == 360.0
    assert (
        spinach.portion is not None
        and "only measure" in spinach.portion
        and "1 cup = 180 g" in spinach.portion
    )


def test_bare_number_with_several_portions_lists_units() -> None:
    with pytest.raises(UnitError, match="no unit given.*medium"):
        to_grams(food(BANANA), 2, None)


def test_unconvertible_unit_lists_the_foods_units() -> None:
    with pytest.raises(UnitError) as caught:
        to_grams(food(ALMONDS), 1, "slice")
    message = str(caught.value)
    assert "'slice'" in message and "Nuts, almonds" in message
    for unit in ("g", "oz", "cup", "almond"):
        assert unit in message


def test_volume_for_a_food_without_volume_measures() -> None:
    ground_beef = get_food("13047")  # a beef cut: measured in oz and lb only
    assert ground_beef is not None
    with pytest.raises(UnitError, match="is a volume"):
        to_grams(ground_beef, 1, "cup")


def test_implausible_amounts_are_refused() -> None:
    with pytest.raises(UnitError, match="more than"):
        to_grams(food(ALMONDS), 100, "kg")


def test_available_units_start_with_mass_then_volume() -> None:
    units = available_units(food(SPINACH))
    assert units[:5] == list(MASS_G)
    assert "cup" in units and "tbsp" in units


@given(
    st.floats(min_value=0.01, max_value=10, allow_nan=False),
    st.sampled_from(sorted(set(UNIT_SPELLINGS.values()))),
)
def test_grams_grow_linearly_with_amount(amount: float, unit: str) -> None:
    one = to_grams(food(SPINACH), 1, unit).grams
    assert to_grams(food(SPINACH), amount, unit).grams == pytest.approx(one * amount)


@given(st.sampled_from(sorted(VOLUME_ML)), st.sampled_from(sorted(VOLUME_ML)))
def test_volume_units_agree_with_each_other(a: str, b: str) -> None:
    # x of unit a holds the same food as x * ml(a)/ml(b) of unit b
    grams_a = to_grams(food(ALMONDS), 1, a).grams
    grams_b = to_grams(food(ALMONDS), VOLUME_ML[a] / VOLUME_ML[b], b).grams
    assert grams_a == pytest.approx(grams_b)


@given(st.sampled_from(sorted(UNIT_SPELLINGS)))
def test_every_spelling_converts_for_a_food_with_a_cup_measure(spelling: str) -> None:
    assert to_grams(food(SPINACH), 1, spelling).grams > 0


@pytest.mark.parametrize(("typed", "unit"), [("pcs", "piece"), ("med", "medium"), ("lg", "large"), ("Pcs.", "piece")])
def test_short_measure_words_are_the_measure(typed: str, unit: str) -> None:
    assert canonical_unit(typed) == unit


def test_a_coffee_shop_size_is_a_documented_assumption() -> None:
    grande = measure(food("92101900"), 1, "grande")  # 'Coffee, Latte': 1 fl oz = 30 g
    assert grande.grams == pytest.approx(480) and grande.assumed and "16 fl oz" in grande.assumed


def test_a_container_of_several_sizes_says_which_it_took() -> None:
    tuna = measure(food("26155110"), 1, "can")  # 'Fish, tuna, canned': small, standard and large cans
    assert tuna.grams == 115 and tuna.assumed and "standard can" in tuna.assumed and "3 sizes" in tuna.assumed


def test_a_container_of_several_sizes_is_the_surveys_usual_one_when_it_has_one() -> None:
    energy = measure(food("95313200"), 1, "can")  # sugar-free energy drink: 8 to 32 fl oz cans
    assert energy.grams == 480 and energy.assumed and "the survey's usual one" in energy.assumed  # 16 fl oz


def test_a_drinks_container_is_not_assumed_for_a_food() -> None:
    with pytest.raises(UnitError, match="give the amount in cups"):
        measure(food("16015"), 1, "bottle")  # black beans, cooked: no bottle, and not a 12 fl oz drink
    beans = measure(food("16015"), 1, "can")  # but a can of beans is the standard 15 oz can
    assert beans.grams == pytest.approx(1.5 * 172) and beans.stand_in and beans.assumed and "15 oz" in beans.assumed


def test_oz_of_a_drink_is_fluid_ounces_said_as_an_assumption() -> None:
    latte = measure(food("92101900"), 16, "oz")  # 'Coffee, Latte': 1 fl oz = 30 g
    assert latte.grams == pytest.approx(480) and latte.assumed == "oz of a drink taken as fl oz"
    almonds = measure(food("12061"), 1, "oz")  # a food: oz is weight
    assert almonds.grams == pytest.approx(28.35, abs=0.01) and almonds.assumed is None


def test_a_serving_word_takes_the_foods_own_serving() -> None:
    nachos = measure(food("58104105"), 1, "plate")  # 'Nachos, NFS': '1 order', 250 g
    assert nachos.grams == 250 and nachos.assumed and "1 order" in nachos.assumed


def test_a_measure_of_several_sizes_says_which_size_it_took() -> None:
    pineapple = measure(food("09266"), 2, "slices")  # SR28 pineapple: slices of 166, 84 and 56 g
    assert pineapple.assumed and "3 sizes" in pineapple.assumed
    assert measure(food("01009"), 2, "slices").assumed is None  # cheddar: one slice


def test_a_shot_of_coffee_is_a_single_espresso_and_of_spirits_a_standard_drink() -> None:
    espresso = measure(food("92101610"), 2, "shots")  # 'Coffee, espresso': 1 fl oz = 30 g
    assert espresso.grams == pytest.approx(60) and espresso.assumed and "1 fl oz" in espresso.assumed
    assert measure(food("93502000"), 1, "shot").grams == 42  # 'Whiskey': its own '1 shot'


def test_a_medium_of_a_food_without_sizes_is_its_typical_portion_said() -> None:
    fries = measure(food("71400990"), 1, "medium")  # 'Potato, french fries, NFS': no small/medium/large
    assert fries.grams == 110 and fries.assumed and "typical portion" in fries.assumed


def test_a_size_usda_does_not_have_is_one_item_said_and_a_stand_in() -> None:
    eggs = measure(food("32129990"), 3, "large")  # 'Egg omelet or scrambled egg': only '1 egg', 55 g
    assert eggs.grams == 165 and eggs.stand_in and eggs.assumed and "no sizes" in eggs.assumed
    assert not measure(food("09040"), 1, "medium").stand_in  # a banana has its own medium


def test_a_small_or_large_of_a_food_without_sizes_or_items_is_its_typical_portion_said() -> None:
    salad = measure(food("75143000"), 1, "small")  # 'a small salad' was refused: 'small' is no unit of it
    assert salad.grams == 73 and salad.stand_in and salad.assumed and "a small taken as" in salad.assumed


def test_a_size_of_a_food_eaten_in_bites_is_a_serving_of_them() -> None:
    tots = measure(food("71505000"), 1, "large")  # 'Potato tots, NFS': one tot is 8 g, the usual serving 65
    assert tots.grams == 65 and tots.stand_in and tots.assumed and "typical portion" in tots.assumed


def test_a_size_of_a_food_measured_by_items_of_several_sizes_is_the_largest_or_smallest() -> None:
    large = measure(food("09340"), 1, "large")  # Asian pear: 'fruit 2-1/4" high' 122 g, 'fruit 3-3/8"' 275 g
    small = measure(food("09340"), 1, "small")
    assert (large.grams, small.grams) == (275, 122) and large.assumed and "largest" in large.assumed


@pytest.mark.parametrize(
    ("food_id", "unit", "grams"),
    [("74101000", "handful", 90),  # tomatoes: a handful of fresh produce is 1/2 cup, not an ounce of nuts
     ("12061", "handful", 28.349523125),  # almonds: the usual handful of nuts
     ("74601000", "mug", 367.5),  # tomato soup: a mug, 12 fl oz (it was refused: a mug was a drink's)
     ("58137210", "plate", 400),  # pad thai: a dinner plate, 2 cups
     ("54406010", "bag", 28)],  # onion rings snack: the 1 oz snack bag, not the medium one
)  # fmt: skip
def test_household_containers_of_foods(food_id: str, unit: str, grams: float) -> None:
    measured = measure(food(food_id), 1, unit)
    assert measured.grams == pytest.approx(grams) and measured.assumed


def test_a_piece_is_never_a_whole_item_of_the_food() -> None:
    with pytest.raises(UnitError):
        measure(food("05012"), 2, "pieces")  # fried chicken meat: its '0.5 chicken' is no piece (258 g)
    with pytest.raises(UnitError):
        measure(food("92100000"), 3, "slices")  # coffee: not its '1 medium' (16 fl oz)


def test_a_square_or_slice_of_a_dish_is_never_the_whole_pan() -> None:
    cornbread = measure(food("52202060"), 1, "square")  # its piece (65 g), not 'square cornbread (8" pan)'
    assert cornbread.grams == 65 and cornbread.assumed == "a square taken as USDA's piece, 65 g"
    kugel = measure(food("58149110"), 1, "slice")  # noodle pudding, measured by the cup: its usual amount
    assert kugel.grams == 100 and kugel.assumed and "typical portion" in kugel.assumed
    with pytest.raises(UnitError):
        measure(food("58400000"), 1, "slice")  # no slice of soup


def test_a_count_takes_the_item_a_word_of_the_person_or_of_the_food_names() -> None:
    assert measure(food("51160000"), 2, None, "kings hawaiian rolls").grams == 56  # 'Hawaiian roll', 28 g
    assert measure(food("54307000"), 2, None, "matzah").grams == 56  # 'matzo' of 'Crackers, matzo'
    # '1 2-1/4" dia (include Snickerdoodles)' of 'Cookie, butter or sugar', misspelt or not (not 30 g)
    assert measure(food("53241500"), 2, None, "snickerdoodels").grams == 20
    # the words of the food's own name name no brand's item ('Tastykake Oatmeal Raisin Bar', 57 g)
    assert measure(food("53233010"), 1, None, "oatmeal raisin cookie").grams == 30


def test_a_size_said_with_no_number_is_one_of_that_size() -> None:
    coffee = measure(food("92100000"), None, None, "large coffee")  # not the typical 12 fl oz cup
    assert coffee.grams == 600 and coffee.assumed == "no count: one large, 600 g"



def test_a_cup_of_a_food_that_pours_and_has_no_volume_weighs_as_water() -> None:
    mush = measure(food("35130"), 1, "cup")  # SR28's Navajo blue corn mush is weighed only in grams
    assert mush.grams == pytest.approx(236.6, abs=0.1) and mush.stand_in
    assert mush.assumed == "USDA gives no volume of it: taken as water weighs, 237 g per cup"
    with pytest.raises(UnitError):
        measure(food("35140"), 1, "cup")  # kneel down bread does not pour


def test_a_size_said_first_takes_the_measure_it_begins() -> None:
    pizza = measure(food("58106210"), 1, "medium")  # '1 medium pizza (11-12" diameter)', not a medium's piece
    assert pizza.grams == 691


def test_the_item_the_words_name_among_several() -> None:
    big_mac = measure(food("27510389"), 1, None, "a big mac")  # not 'Mac Jr', the first item
    assert big_mac.grams == 205
    assert measure(food("51180010"), 1, None, "bagel").grams == 105  # not the thin one


def test_milk_chocolate_is_no_drink_and_dried_apricots_are_counted_by_the_piece() -> None:
    chocolate = food("19120")  # 'Candies, milk chocolate': an ounce is 28 g, not a fluid ounce
    assert measure(chocolate, 1, "oz").grams == pytest.approx(28.35, abs=0.01)
    assert measure(food("62104100"), 6, None, "dried apricots").grams == 48  # 'slice/chunk', 8 g each


def test_a_count_of_a_kind_takes_the_item_of_that_kind() -> None:
    tomatoes = food("74101000")  # FNDDS 'Tomatoes, raw': 'grape tomato' 8 g, 'cherry' 17 g, 'whole' 125 g
    assert measure(tomatoes, 10, None, "grape tomatoes").grams == 80
    assert measure(tomatoes, 10, None, "cherry tomatoes").grams == 170


def test_a_package_in_the_name_is_the_everyday_one_of_its_sizes() -> None:
    food = get_food("19120")  # milk chocolate: 'bar, miniature' (7 g) and 'bar (1.55 oz)' (44 g)
    assert food is not None
    assert measure(food, 1, None, "hershey bar").grams == 44


def test_a_piece_is_the_foods_own_small_item_said_as_an_assumption() -> None:
    falafel = measure(food("41209000"), 4, "pieces")  # 'Falafel': only '1 patty', 17 g
    assert falafel.grams == 68 and falafel.stand_in and falafel.assumed and "1 patty" in falafel.assumed


def test_a_piece_is_never_a_whole_bar_nor_a_cup_of_pieces() -> None:
    chocolate = measure(food("19903"), 3, "pieces")  # dark chocolate: '1 bar' is 112 g, a piece a square
    assert chocolate.grams == 30 and chocolate.assumed and "square" in chocolate.assumed
    bacon = measure(food("22600100"), 2, "pieces")  # '1 cup, pieces' (80 g) holds pieces: a slice is one
    assert bacon.grams == 16


@pytest.mark.parametrize(
    ("assumed", "short"),
    [("no amount: typical portion (FNDDS, Banana, raw), 126 g", "typical portion"),
     ("each: 1 egg, 50 g", "1 egg each"),
     ("each: 1 fruit (the survey's size, of Avocado, raw), 150 g", "1 fruit each"),
     ("a bowl taken as 1.5 cups: a typical cereal or soup bowl", "a bowl = 1.5 cups")],
)  # fmt: skip
def test_an_assumption_is_a_few_words_in_a_table_cell(assumed: str, short: str) -> None:
    from magcalc.render import short_assumption

    assert short_assumption(assumed) == short


def test_a_count_of_pieces_a_food_was_cut_into_counts_pieces_not_wholes() -> None:
    steak = food("21001000")  # 'regular' 160 g, 'piece/slice, any size' 30 g
    assert measure(steak, 6, None, "finger steaks").grams == 180  # was six steaks, 960 g
    assert measure(food("14010000"), 4, None, "cheese cubes").grams == pytest.approx(69.2)  # cubic inch
    with pytest.raises(UnitError, match="no single wedge"):
        measure(food("09003"), 4, None, "apple wedges")  # SR28's apple has no wedge: not 4 apples
    assert measure(food("53239000"), 2, None, "shortbread fingers").grams == 60  # the finger is the cookie


def test_a_count_of_the_part_a_food_is_named_by_is_that_part() -> None:
    breast = food("05064")  # 'breast, bone and skin removed' (0.5 = 86 g), not 'unit (yield from 1 lb ...)'
    assert measure(breast, 1, None, "chicken breast").grams == 172
    assert measure(breast, 0.5, None, "chicken breast").grams == 86


def test_corn_on_the_cob_is_a_medium_ear_counted_or_not() -> None:
    corn = food("11168")  # 'ear small' 89 g, 'ear medium' 103 g, 'ear large' 118 g, 'cup cut' 149 g
    assert measure(corn, 1, None, "corn on the cob").grams == 103  # was refused: 'ear' was no item
    assert measure(corn, None, None, "corn on the cob").grams == 103  # was the cup, 149 g


def test_a_food_named_as_two_things_is_counted_by_the_one_said() -> None:
    cake = food("53100100")  # 'Cake or cupcake, NFS': 'cupcake, any size' 90 g, 'piece/slice' 175 g
    assert measure(cake, 2, None, "cupcakes").grams == 180
    assert measure(cake, None, None, "cupcake").grams == 90


def test_a_scoop_of_a_spread_is_two_tablespoons() -> None:
    scoop = measure(food("42202000"), 1, "scoop", "scoop of peanut butter")  # was 1/2 cup, 128 g
    assert scoop.grams == 32 and scoop.assumed and "2 tbsp" in scoop.assumed


def test_an_ounce_of_candy_is_by_weight_not_a_drinks_fluid_ounce() -> None:
    # the survey's codes 91 are sugars and sweets, not drinks: 1 oz of chocolate candy was 20 g
    assert measure(food("91705010"), 1, "oz").grams == pytest.approx(28.349523125)


@pytest.mark.parametrize(
    ("unit", "words", "grams"),
    [
        ("packet", "ramen", 81.0),  # was 5.8 g: the flavor packet of 'package without flavor packet'
        ("package", "ramen", 81.0),
        ("packet", "ramen flavor", 5.8),  # the part, when its word is said
    ],
)
def test_a_packet_of_ramen_is_its_package_not_the_flavor_packet(unit: str, words: str, grams: float) -> None:
    assert to_grams(food("06583"), 1, unit, words).grams == pytest.approx(grams)


@pytest.mark.parametrize(("food_id", "cups"), [("28310330", 2.0), ("58407034", 2.0), ("41601070", 1.5)])
def test_a_bowl_of_pho_or_ramen_is_two_cups_of_other_soups_one_and_a_half(food_id: str, cups: float) -> None:
    bowl = measure(food(food_id), 1, "bowl", "")
    assert bowl.grams == pytest.approx(to_grams(food(food_id), cups, "cup").grams)
    assert bowl.assumed is not None and "bowl" in bowl.assumed


@pytest.mark.parametrize(
    ("food_id", "unit", "grams"),
    [("02075", "packet", 28.349523125),  # taco seasoning: a packet, 1 oz (was refused)
     ("21602100", "pack", 28.349523125)],  # jerky
)  # fmt: skip
def test_a_packet_of_a_dry_snack_usda_does_not_measure_so_is_an_ounce(food_id: str, unit: str, grams: float) -> None:
    packet = measure(food(food_id), 1, unit, "")
    assert packet.grams == pytest.approx(grams) and packet.assumed is not None and packet.stand_in


@pytest.mark.parametrize("food_id", ["93101000", "16113", "58407034"])  # beer, natto, a ramen bowl
def test_no_ounce_packet_of_a_drink_or_a_moist_food(food_id: str) -> None:
    with pytest.raises(UnitError):
        measure(food(food_id), 1, "pack", "")


def test_a_packet_is_usdas_package_when_it_has_one() -> None:
    # peanut butter sandwich crackers: its 'individual package', 45 g (was refused: no 'packet')
    assert measure(food("54328100"), 1, "packet", "").grams == pytest.approx(45.0)
