"""Entries + foods + target -> report. Pure: no I/O, no printing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from magcalc import foods, phrases, rda, supplements, units
from magcalc.catalog import Catalog
from magcalc.errors import MagcalcError, Problem, UnitError, UnknownFood
from magcalc.logfile import DAILY_TOTAL
from magcalc.matching import (
    ALSO_UNSAID,
    ANOTHER_NAME,
    GUESSED,
    PREPARATIONS,
    WHOLE_FOOD_GROUPS,
    Match,
    baby_food,
    contrary_to,
    contrary_unsaid,
    form_of,
    index,
    is_a_name,
    names_its_head,
    tokenize,
    unasked,
    words_missing,
)
from magcalc.models import (
    NOT_ADVICE,
    DaySummary,
    DayTotal,
    Entry,
    LineItem,
    Report,
    Sources,
    SourceShare,
    Target,
)
from magcalc.resources import read_text
from magcalc.supplements import find_form
from magcalc.units import MASS_G, canonical_unit


def measure(entry: Entry, catalog: Catalog | None = None) -> LineItem:
    """One entry's food, grams and magnesium; MagcalcError (without a line) when it cannot be done.

    A food id given with the entry (an export) is used instead of matching the name, and a
    magnesium value given with it (an export, Cronometer) is kept as given. An entry whose values
    come from its file (source "file") is never converted through a food: see from_file.
    """
    catalog = catalog or Catalog()
    if entry.source == "file":
        return from_file(entry, file_reference(entry, catalog))
    if entry.food_id is None and entry.magnesium_mg is not None:
        try:
            return _measure(entry, catalog)
        except (UnknownFood, UnitError):  # the file states the magnesium: keep the row with it
            return from_file(entry, None)
    return _measure(entry, catalog)


def _measure(entry: Entry, catalog: Catalog) -> LineItem:
    if entry.food_id is not None and is_supplement_id(entry.food_id):
        form = find_form(entry.food_id)
        if form is None:
            raise UnknownFood(f"the food_id {entry.food_id!r} is not a supplement form magcalc knows")
        return _measure_supplement(entry, form)
    if entry.food_id is None and (form := find_form(entry.input)) is not None:
        return _measure_supplement(entry, form)
    if (by_size := _sized_measure(entry, catalog)) is not None:
        return by_size
    match = _canned(entry, catalog) or _match(entry, catalog)
    if entry.unit is None and (by_measure := _named_with_its_measure(entry, match, catalog)) is not None:
        entry, match = by_measure  # 'a milk chocolate bar': a bar of milk chocolate, not a granola bar
    elif (by_noun := _counted_by_noun(entry, match, catalog)) is not None:
        entry, match = by_noun  # '6 asparagus spears': 6 spears of asparagus
    food = match.food
    said = entry.input.lower().split()
    # 'mcdonalds small fries': small; 'lg banana': large
    at = next((i for i, w in enumerate(said) if canonical_unit(w) in units.SIZES), 0)
    size, sized = (canonical_unit(said[at]) if said else ""), [*said[:at], *said[at + 1 :]]
    named = size in food.description.lower().replace(",", " ").split()  # 'small curd cottage cheese'
    unsized = entry.amount is None and entry.unit is None and size in units.SIZES and not named
    if unsized and _unmeasured(sized):
        with suppress(MagcalcError):  # 'large banana': one large one; 'large fries': a large order
            one = entry.model_copy(update={"amount": 1.0, "unit": size, "input": " ".join(sized)})
            item = _measure(one, catalog)
            if _one_of_several(sized, item, size):  # 'medium sweet potato fries' are no one medium fry
                helping = _measure(entry.model_copy(update={"input": " ".join(sized)}), catalog)
                if _a_helping_of(item, helping, catalog):
                    unsized_as = f"{size} {' '.join(sized)}: a helping of them, not one"
                    # (after the portion, which the table shows)
                    assumed = "; ".join(filter(None, [helping.assumed, unsized_as]))
                    return helping.model_copy(update={"input": entry.input, "assumed": assumed})
            assumed = item.assumed or f"no count: one {size}"
            return item.model_copy(update={"input": entry.input, "assumed": assumed})
    quantity = entry.amount if entry.amount is not None or entry.unit is None else 1.0  # 'cup' is 1 cup
    default: units.Measured | None = None  # magcalc's stand-in for a measure the food lacks
    try:
        if quantity is None and (labelled := _label_size(food, None, entry.unit, entry.input)) is not None:
            measured = labelled  # 'celsius': one can of it, as its label says
        elif quantity is None and food.portion(units.QUANTITY_NOT_SPECIFIED) is None:
            measured = _typical_from_survey(food, entry.input, catalog)
        else:
            measured = (
                _label_size(food, quantity, entry.unit, entry.input)
                or _survey_count(food, quantity, entry.unit, entry.input, catalog)
                or units.measure(food, quantity, entry.unit, entry.input)
            )
            if measured.stand_in:
                default = measured  # a close candidate with a bottle of its own does better
                raise UnitError("no measure of that container")
    except UnitError:
        if (counted := _counted_as_items(entry, match, catalog)) is not None:
            return counted  # 'graham crackers 2 sheets', 'pretzels 10 twists': 2 and 10 of them
        # the person's unit decides between close candidates: Greek yogurt by the cup is the one
        # USDA measures in cups, bottled water the one USDA measures by the bottle
        # the same food in another form first: '1 zucchini' is a whole raw one, not a slice of zucchini bread
        kind = _kind(food)
        others = (*match.alternatives, *_measured_by(match, entry, catalog))
        stand_in: tuple[foods.Food, units.Measured] | None = None  # another food's, by magcalc's default
        for other in sorted(others, key=lambda f: _kind(f) != kind):
            unasked_baby = baby_food(other) and not _asks_for_baby_food(entry.input)
            if contrary_unsaid(other, entry.input) or unasked_baby or _flavoured_by(other, entry.input):
                continue  # '3 strips of bacon' are no meatless bacon, measured by the strip; 'baby
                # carrots' by the cup no baby food; 'small onion rings' no bag of onion flavored rings
            try:
                by_other = units.measure(other, quantity, entry.unit, entry.input)
            except UnitError:
                continue
            if by_other.stand_in:
                close = _alike(food, other) and units.canonical_unit(entry.unit or "") in units.CONTAINERS
                stand_in = stand_in or ((other, by_other) if close and default is None else None)
                continue
            if (default is not None and entry.unit in units.SIZES and _alike(food, other, 0.1)
                    and abs(by_other.grams - default.grams) <= 0.1 * by_other.grams):  # fmt: skip
                measured = default  # 'large eggs': USDA's one egg is a large one's weight; no other food
                # (but 'small fries' are the fast food ones USDA has small orders of: 35 mg/100 g, not 22)
                break
            # another food than the words found best: a guess, even when that one was sure
            match, food, measured = _instead(match, other, entry.unit), other, by_other
            break
        else:
            if default is not None:
                measured = default
            elif stand_in is not None:  # 'a bowl of frosted mini wheats': USDA weighs only a biscuit of
                other, measured = stand_in  # the one found; a cup of the same cereal, of alike magnesium
                match, food = _instead(match, other, entry.unit), other
            elif (canonical_unit(entry.unit or "") in units.VOLUME_ML
                    and (kin := _by_volume_of_its_kind(food, catalog)) is not None):  # fmt: skip
                measured = units.measure(kin, quantity, entry.unit, entry.input)  # '1 cup baby carrots':
                match, food = _instead(match, kin, entry.unit), kin  # the carrots' cup
            elif match.confident:
                raise
            elif (like := _alike_measured(match, entry, quantity, catalog)) is not None:
                match, food, measured = like  # 'candied yams' by the cup: the survey's candied sweet potato
            else:
                raise UnitError(
                    f"{entry.input!r} is not a sure match: the best guess, {food.description} "
                    f"({food.food_id}), is not measured in {entry.unit or 'items'}; name the food more "
                    "closely, or give grams"
                ) from None
    magnesium = food.magnesium_mg(measured.grams) if entry.magnesium_mg is None else entry.magnesium_mg
    if entry.magnesium_mg is None:
        match = rival_doubt(match, quantity, entry.unit, entry.input, magnesium)
    if measured.doubtful and match.confident:
        match = replace(match, confident=False, doubt=measured.assumed)
    portion = measured.portion
    if entry.magnesium_mg is not None:
        portion = "; ".join(filter(None, [portion, "magnesium as given in the file"]))
    return _item(entry, match, measured.grams, magnesium, portion, measured.assumed)


def _a_helping_of(item: LineItem, helping: LineItem, catalog: Catalog) -> bool:
    """Is the helping (the food's typical portion) more of the one item, and of that food or one as
    rich in magnesium (SR28's large onion ring, the survey's fried onion rings)? Never less than one
    item of the size said ('medium avocados' are no 30 g helping), nor another food ('medium shakes'
    are no nutritional drink)."""
    if item.grams is None or helping.grams is None or helping.grams <= item.grams:
        return False
    if helping.food_id == item.food_id:
        return True
    one = catalog.get(item.food_id) if item.food_id is not None else None
    other = catalog.get(helping.food_id) if helping.food_id is not None else None
    return one is not None and other is not None and _alike(one, other)


def _one_of_several(said: list[str], item: LineItem, size: str) -> bool:
    """'medium sweet potato fries', 'large strawberries': a size with no count before a plural is the
    size of a helping of them, so one item (a fry, 5 g; USDA's 'large ring') weighed by a measure
    that does not say that size or names one of them is not what was eaten; a measure of that size
    that is no one item ('medium fast food order', 'large bag') is."""
    last = said[-1] if said else ""
    one = units.singular(last)
    weighed_by = set(tokenize(item.portion or ""))
    return one != last and (size not in weighed_by or one in weighed_by)  # (weights: _a_helping_of)


def _sized_measure(entry: Entry, catalog: Catalog) -> LineItem | None:
    """'a small piece of salmon', 'pizza, 1, large slice': the food is the one of the measure without
    its size when that one is sure ('a piece of salmon': the salmon USDA has fillets of), then weighed
    in that size of the measure (its small fillet): the size does not choose the food."""
    size, _, inner = units.canonical_unit(entry.unit or "").partition(" ")
    if size not in units.SIZES or entry.magnesium_mg is not None:
        return None
    if entry.amount is None:  # 'big can of salmon': one
        entry = entry.model_copy(update={"amount": 1.0})
    if not (inner in units.SIZED_MEASURES or inner in units.CONTAINERS or inner in units.VOLUME_ML):
        return None
    try:
        plain = _measure(entry.model_copy(update={"unit": inner}), catalog)
    except UnitError:
        return None  # 'a small jar of peanut butter': no jar of it; its usual portion, as measure() says
    food = catalog.get(plain.food_id) if plain.food_id is not None else None
    if food is None or plain.grams is None:
        return None
    canned = inner == "can" and "canned" in food.description.lower()
    if not plain.confident and not canned:
        return None  # 'a bar of chocolate' is a doubtful cookie: the sized measure's own path does better
    # (but 'a large can of salmon' is the canned salmon 'a can of salmon' is, by USDA's cans: a guess still)
    try:
        measured = units.measure(food, entry.amount, entry.unit, entry.input)
    except UnitError:
        unsized = f"{size} {inner}: USDA has no sizes of it"
        assumed = "; ".join(filter(None, [plain.assumed, unsized]))
        return plain.model_copy(update={"unit": entry.unit, "assumed": assumed})
    return plain.model_copy(update={
        "unit": entry.unit, "grams": measured.grams, "magnesium_mg": food.magnesium_mg(measured.grams),
        "portion": measured.portion, "assumed": measured.assumed,
    })  # fmt: skip


def _counted_as_items(entry: Entry, match: Match, catalog: Catalog) -> LineItem | None:
    """Items counted by a plural noun that is no measure magcalc knows, nor one of the found food's or
    its close candidates' ('hot dogs 2 franks', 'broccoli 2 florets'): that many of the food, found
    and measured as a count is (the noun picks no other food: 'vanilla wafers 8 wafers' is no
    brand's wafer), said in `assumed`. A singular ('1 sleeve') or a word of no food stays a unit."""
    unit = (entry.unit or "").strip().lower()
    if entry.amount is None or not re.fullmatch(r"[a-z]{3,}s", unit) or not _unknown_measure(unit):
        return None
    singular = unit.removesuffix("es" if unit.endswith(("ches", "shes")) else "s")
    if singular not in foods.usda_words():
        return None  # 'spinach,2,parsecs': no word of food, a unit magcalc cannot convert
    noun = re.compile(rf"\b{re.escape(singular)}")
    if any(noun.search(p.description.lower()) for f in (match.food, *match.alternatives) for p in f.portions):
        return None  # a candidate measured by the thigh
    others = (*match.alternatives, *_measured_by(match, entry, catalog))
    named = [noun.search(f.description.lower()) is not None for f in (match.food, *others)]
    if any(named) and not named[0]:
        return None  # 'bbq chicken 2 drumsticks': the candidate that is a drumstick
    with suppress(MagcalcError):  # 'eggs 2 yolks', 'cookies 2 oreos': the food the noun names, if sure
        words = f"{entry.input} {unit}"
        by_noun = catalog.resolve(words)
        if by_noun.confident and noun.search(by_noun.food.description.lower()):
            item = _measure(entry.model_copy(update={"input": words, "unit": None}), catalog)
            said = "; ".join(filter(None, [f"{unit!r} counted as items of the food it names", item.assumed]))
            return item.model_copy(update={"unit": entry.unit, "assumed": said})
    try:
        item = _measure(entry.model_copy(update={"unit": None}), catalog)
    except MagcalcError:
        return None
    said = f"{unit!r} counted as items (no measure of that name)"
    assumed = "; ".join(filter(None, [said, item.assumed]))
    # a guess: the noun may name a part ('eggs 2 yolks') or a group ('sushi 2 rolls') of the food
    return item.model_copy(update={"unit": entry.unit, "assumed": assumed, "confident": False})


def _unknown_measure(word: str) -> bool:
    """Not a mass, volume, size, container or household measure magcalc knows ('florets', 'twists')."""
    known = units.canonical_unit(word)
    return not (
        known in MASS_G or known in units.VOLUME_ML or known in units.SIZES or known in units.CONTAINERS
        or known in units.SIZED_MEASURES or word in phrases.MEASURE_WORDS or word in units.UNIT_SPELLINGS
        or known in units.UNIT_SPELLINGS.values()
    )  # fmt: skip


def _unmeasured(words: list[str]) -> bool:
    """Words of a food alone, with no measure of their own ('fries'; not 'bag of chips')."""
    try:
        return bool(words) and phrases.parse_one(f"1 {' '.join(words)}").unit is None
    except MagcalcError:
        return False


CANNED_DOUBT = "a can of it: USDA's canned food of these words taken"
MEANINGFUL_MG_PER_100G = 5.0
RIVAL_DOUBT = "another form or kind of it weighs clearly more or less by this measure"


def rival_doubt(
    match: Match, quantity: float | None, unit: str | None, words: str, magnesium: float | None
) -> Match:
    """A sure match is a guess when one of its rivals (close candidates of about the same magnesium
    per 100 g) gives clearly other magnesium for the amount said: a cup of raw mushrooms weighs half
    a cup of cooked ones, a toaster muffin a third of a bakery one."""
    food = match.food
    if not match.confident or not match.rivals or magnesium is None:
        return match
    for rival in match.rivals:
        if _of_all_kinds(food, rival):
            continue  # 'all commercial varieties' is the average of Florida's and California's avocados
        try:  # measured as the food is: a count of an SR28 food in the survey's size of it
            counted = _survey_count(rival, quantity, unit, words)
            measured = counted or units.measure(rival, quantity, unit, words)
        except UnitError:
            continue
        other = rival.magnesium_mg(measured.grams)
        if measured.stand_in or other is None:
            continue
        # by ratio, not by mg (a log's rows are measured once, for an amount of 1: Measurer), for
        # foods with some magnesium (water, tea and soda agree whatever they weigh)
        per_100g = max(rival.magnesium_mg_per_100g or 0.0, food.magnesium_mg_per_100g or 0.0)
        if abs(other - magnesium) > 0.25 * max(other, magnesium) and per_100g >= MEANINGFUL_MG_PER_100G:
            rest = (rival, *(f for f in match.alternatives if f.food_id != rival.food_id))
            return Match(match.food, False, RIVAL_DOUBT, rest[:3])
    return match


_ALL_KINDS = re.compile(r"\ball (?:commercial )?(?:varieties|types|classes|kinds)\b")


def _of_all_kinds(food: foods.Food, kind: foods.Food) -> bool:
    """Is `food` USDA's average of every kind, and `kind` one of them (the same first words)?"""
    first = food.description.lower().split(",")[0]
    return bool(_ALL_KINDS.search(food.description.lower())) and kind.description.lower().startswith(first)


def why_doubtful(item: LineItem, match: Match) -> tuple[str | None, tuple[foods.Food, ...]]:
    """Why a doubtful item is a guess, and the other foods it could be, from its words' match: the
    match's own doubt, or the unit that chose another food (unit_doubt), or the measure that made a
    sure match doubtful (rival_doubt)."""
    if match.food.food_id != item.food_id:  # measured as another food, the one the unit fits
        return unit_doubt(match.food, item.unit), (match.food, *match.alternatives)
    if match.confident:
        return RIVAL_DOUBT, (*match.rivals, *(f for f in match.alternatives if f not in match.rivals))
    return match.doubt, match.alternatives


def unit_doubt(food: foods.Food, unit: str | None) -> str:
    """Why another food than the one the words found was measured: the unit fits the other one."""
    best = f"{food.description} ({food.food_id})"
    return f"taken because the best match of the words, {best}, has no {unit or 'item'} measure"


# Nouns of a measure that end what people count: '6 asparagus spears', '2 garlic cloves'.
_MEASURE_NOUNS = frozenset(
    {"spear", "slice", "clove", "strip", "wedge", "stalk", "floret", "leaf", "sheet", "piece", "cube", "ring",
     "rasher", "link", "fillet", "patty", "square", "stick", "segment", "sprig", "rod"}
)  # fmt: skip


def _counted_by_noun(entry: Entry, found: Match, catalog: Catalog) -> tuple[Entry, Match] | None:
    """A count whose last word is a measure ('6 asparagus spears') and is no sure food with it (nor
    a sure food that USDA measures so: 'pretzel rods' are pretzels, counted by the rod): the food of
    the other words, counted in that measure, when USDA measures it or a food of those words so."""
    words = entry.input.split()
    if entry.unit is not None or entry.amount is None or entry.food_id is not None or len(words) < 2:
        return None
    noun = units.canonical_unit(words[-1])
    if noun not in _MEASURE_NOUNS or (found.confident and units.has_measure(found.food, noun)):
        return None
    try:
        said: Match | None = catalog.resolve(entry.input)
    except MagcalcError:
        said = None
    if (said is not None and not said.incomplete and noun in tokenize(said.food.description)
            and not contrary_unsaid(said.food, entry.input)):  # fmt: skip  # not 'Bacon strip, meatless'
        return None  # '4 mozzarella sticks': USDA's 'Mozzarella sticks', not 4 sticks of mozzarella
    rest = " ".join(words[:-1])
    counted = entry.model_copy(update={"input": rest, "unit": noun})
    try:
        match = catalog.resolve(rest)
    except MagcalcError:
        return None
    for food in (match.food, *match.alternatives, *_measured_by(match, counted, catalog)):
        if food is not match.food and contrary_unsaid(food, rest):
            continue
        with suppress(MagcalcError):
            if not units.measure(food, entry.amount, noun).stand_in:
                taken = Match(food, False, unit_doubt(match.food, noun), (match.food,))
                return counted, match if food is match.food else taken
    return None


_NAMED_MEASURES = frozenset({"bar", "square", "slice", "stick"})


def _named_with_its_measure(entry: Entry, match: Match, catalog: Catalog) -> tuple[Entry, Match] | None:
    """'milk chocolate bar': the food of the other words by its own bar, when the words' match is a
    food of that noun (a granola bar) whose name does not begin with the other words, and the other
    words name for sure a food USDA measures so."""
    words = _food_words(entry).split()
    noun = units.canonical_unit(words[-1]) if len(words) > 1 else None
    if noun not in _NAMED_MEASURES or entry.food_id is not None:
        return None
    if match.confident and not names_its_head(match.food, noun):
        return None  # a sure food of all the words, which is not a bar or a slice of something
    rest = " ".join(words[:-1])
    first = tokenize(match.food.description.split(",")[0])
    if set(tokenize(rest)) <= set(first):
        return None  # 'granola bar': 'Cereal or Granola bar'
    try:
        other = catalog.resolve(rest)
        units.measure(other.food, 1.0, noun)
    except MagcalcError:
        return None
    if not other.confident:
        return None
    quantity = entry.amount if entry.amount is not None else 1.0
    return entry.model_copy(update={"amount": quantity, "unit": noun}), other


def _canned(entry: Entry, catalog: Catalog) -> Match | None:
    """'a can of black beans' is canned black beans, when the words do not say how they were kept
    and USDA has them canned (by the words and 'canned', a sure or near match)."""
    if entry.food_id is not None or entry.unit is None or units.canonical_unit(entry.unit) != "can":
        return None
    if {"can", "canned"} & set(tokenize(entry.input)):
        return None
    try:
        said = catalog.resolve(entry.input)
        canned = catalog.resolve(f"{entry.input} canned")
    except MagcalcError:
        return None
    if "canned" not in canned.food.description.lower() or canned.incomplete:
        return None
    if not names_its_head(canned.food, entry.input):  # 'diced tomatoes canned' is no tomato soup
        return None
    if units.has_measure(said.food, "can") or canned.food.food_id == said.food.food_id:
        return None  # 'a can of coke': the drink's own can
    close = {f.food_id for f in (*said.alternatives, *said.rivals)}
    if said.confident and canned.confident and canned.food.food_id in close:
        return canned  # 'a can of tuna': canned tuna, a close candidate of 'tuna' itself
    return Match(canned.food, False, CANNED_DOUBT, (said.food, *canned.alternatives[:2]))


def _survey_count(
    food: foods.Food, quantity: float | None, unit: str | None, words: str, catalog: Catalog | None = None
) -> units.Measured | None:
    """A count of an SR28 food ('1 mango', 'half an avocado'): in the survey's size of one, from its
    FNDDS twin (the same food), as people eat them: a mango is 210 g there, 336 g in SR28. Without a
    twin of USDA's, the survey's food the words surely name, of about the same magnesium ('1 baked
    potato': the survey's medium one is 285 g, SR28's 173 g)."""
    size = units.canonical_unit(unit) if unit is not None else None
    if (unit is not None and (size not in units.SIZES or units.is_drink(food))) or quantity is None:
        return None  # ('large oj' is a large drink, not the juice of a large orange)
    twin = foods.survey_twin(food)
    usdas = twin is not None  # USDA's own link, not the words'
    if twin is None and catalog is not None and food.food_group in WHOLE_FOOD_GROUPS:
        form = form_of(food)  # '1 tomato' as SR28's raw one: the survey's raw tomato, not its cooked one
        twin = (catalog.survey_twin(f"{words} {form}") if form else None) or catalog.survey_twin(words)
        if twin is not None and form_of(twin) not in (None, form):
            twin = None
        if twin is not None and not (_about_as_much(food, twin) and _counts(food, quantity, unit, words)):
            twin = None  # (a food that has no such item of its own is left to its close candidates)
    item = units.item_portion(twin, words) if twin is not None else None
    if twin is None or item is None:
        return None
    if size is not None:  # 'avocado, 1/2, medium': the survey's medium one, or its one size of it
        sized = {p.description.lower().split(" ")[0]: p for p in reversed(twin.portions)}
        sized = {word: p for word, p in sized.items() if word in units.SIZES}
        # (of one size only, the survey's food the words name is no 'medium' of a food SR28 weighs by
        # sizes, as it does any it is taken for: 'banana, 1, medium' is SR28's medium one)
        item = sized.get(size) if sized else item if size == "medium" and usdas else None
        if item is None:  # ('1 large avocado': the survey weighs one size only; said so elsewhere)
            return None
    if size is None and quantity < 1 and (whole := units.whole_of(twin, item)) is not None:
        item = whole  # 'half a watermelon': of the melon, not of a wedge
    grams = units.checked_grams(quantity * item.grams_each)
    return units.Measured(
        grams,
        f"1 {item.description} = {item.grams_each:g} g (FNDDS {twin.food_id}, the same food)",
        f"each: 1 {item.description} (the survey's size, of {twin.description}), {item.grams_each:g} g",
    )


@dataclass(frozen=True, slots=True)
class _Label:
    name: str
    containers: tuple[str, ...]  # what the size is of: 'can'; the first is said
    amount: float
    unit: str
    why: str


_PACKS = frozenset({"bar", "can", "bottle", "shake", "carton"})  # what a label's size is of


@lru_cache(maxsize=1)
def _labels() -> dict[tuple[str, ...], _Label]:
    """data/label_sizes.csv: the sizes of branded cans, bottles and bars, as their labels say, by the
    words of the brand's name."""
    rows = csv.DictReader(io.StringIO(read_text("label_sizes.csv")))
    return {
        tuple(tokenize(row["name"])): _Label(
            row["name"], tuple(row["containers"].split()), float(row["amount"]), row["unit"], row["why"]
        )
        for row in rows
    }


@lru_cache(maxsize=1)
def _label_starts() -> frozenset[str]:
    return frozenset(name[0] for name in _labels())


def _label_size(
    food: foods.Food, quantity: float | None, unit: str | None, words: str
) -> units.Measured | None:
    """A count, or no amount, of a brand sold in one size, or its container said ('2 celsius', 'a can
    of red bull', 'quest bar'): that many of its can, bottle or bar, by its label (data/label_sizes.csv),
    instead of the survey's usual one of its kind (a 16 fl oz can of energy drink, a 34 g bar). A
    drink's size is in fl oz and needs a drink; a bar's in grams, a food named by its container."""
    container = units.canonical_unit(unit) if unit is not None else None
    said = tokenize(words)
    labels = _labels()
    if _label_starts().isdisjoint(said):
        return None  # no brand of a label said: most foods
    # the longest name said, of a label or another brand's ('fiber one bar' is no ONE bar)
    named = next(
        (span for size in (3, 2, 1) for start in range(len(said) - size + 1)
         if (span := tuple(said[start : start + size])) in labels or is_a_name(" ".join(span))),
        (),
    )  # fmt: skip
    label = labels.get(named)
    if label is None or (container is not None and container not in label.containers):
        return None
    if (_PACKS & set(said)) - set(label.containers) - set(named):
        return None  # 'premier protein bar': the brand's bar, not its shake
    count = 1.0 if quantity is None else quantity
    by_volume = label.unit != "g"
    if by_volume != units.is_drink(food):
        return None  # ('quest chips' are no bar)
    name = food.description.lower()
    if not by_volume and container is None and not _names_any(name, label.containers):
        return None
    try:
        each = units.measure(food, label.amount, label.unit).grams if by_volume else label.amount
    except UnitError:
        return None
    grams = units.checked_grams(count * each)
    kind = label.containers[0]
    size = f"{label.amount:g} {label.unit}" + (f" = {each:g} g" if by_volume else "")
    lead = "no amount: one; " if quantity is None else "each: " if container is None else ""
    why = f"{lead}{label.why} (its label)" + (f", {each:g} g" if by_volume else "")
    return units.Measured(grams, f"1 {container or kind} = {size} (its label)", why)


def _names_any(name: str, words: Iterable[str]) -> bool:
    return any(re.search(rf"\b{re.escape(word)}\b", name) for word in words)


def _counts(food: foods.Food, quantity: float, unit: str | None, words: str) -> bool:
    """Does USDA measure the food by the item or size said?"""
    try:
        return not units.measure(food, quantity, unit, words).stand_in
    except UnitError:
        return False


def _about_as_much(food: foods.Food, other: foods.Food) -> bool:
    """Magnesium per 100 g within a fifth of each other: the same food, as the other table has it."""
    a, b = food.magnesium_mg_per_100g, other.magnesium_mg_per_100g
    return a is not None and b is not None and abs(a - b) <= 0.2 * max(a, b)


def _measured_by(match: Match, entry: Entry, catalog: Catalog) -> list[foods.Food]:
    """Foods of the same words, further down, that USDA measures by the container said ('a packet of
    hot cocoa': 'Hot chocolate / cocoa, made with water' has a packet; the NFS one has not)."""
    word = units.canonical_unit(entry.unit) if entry.unit else None
    if word in MASS_G or word in units.VOLUME_ML or word == "regular" or (word or entry.amount) is None:
        return []  # (a medium one of a food with no sizes is a guess too: 'medium fries', a medium order)
    seen = {match.food.food_id, *(f.food_id for f in match.alternatives)}
    words = " ".join(w for w in _food_words(entry).split() if not any(c.isdigit() for c in w))  # '100%'
    brand = index().doc(match.food.food_id).brand_tokens if match.food.table != foods.USER else frozenset()
    unbranded = " ".join(w for w in words.split() if not set(tokenize(w)) & brand)
    for said in dict.fromkeys((words, unbranded)):  # 'chobani greek yogurt': a Greek yogurt's container
        found = [
            s.food
            for s in catalog.ranked(said)
            if s.complete and s.head and _as_rich(s.food, match.food)
            and s.food.food_id not in seen  # a count: one of its items ('chobani greek yogurt', 1)
            and (units.has_measure(s.food, word) if word else _countable(s.food, said))
            and (word != "medium" or _a_medium_one(s.food, match.food))
        ]
        if found:  # ('medium fries': the fast food one, whose 'medium fast food order' names it)
            return sorted(found, key=lambda f: not _named_by_its_measure(f, match.food, word))[:3]
    return []


def _flavoured_by(food: foods.Food, words: str) -> bool:
    """Is the food only flavoured by a word said ('Onion flavored rings', corn chips, for 'onion
    rings'), when 'flavored' was not said?"""
    said = set(tokenize(words))
    name = food.description.lower()
    flavours = {w for part in re.findall(r"([a-z ]+?)[ -]flavou?red\b", name) for w in tokenize(part)}
    return bool(flavours & said) and not said & {"flavored", "flavoured", "flavor", "flavour"}


def _named_by_its_measure(food: foods.Food, found: foods.Food, word: str | None) -> bool:
    """Does USDA's measure of this word name what sets the food apart from the one found ('Potato,
    french fries, fast food' by its 'medium fast food order'; not the restaurant's, of the same name)?"""
    own = set(tokenize(food.description)) - set(tokenize(found.description))
    if word is None or not own:
        return False
    return any(own & set(tokenize(p.description)) for p in units.named_after(food, word))


def _asks_for_baby_food(words: str) -> bool:
    """Do the words ask for a baby food ('baby food carrots', 'gerber carrots'; not 'baby carrots',
    small carrots)?"""
    said = words.lower()
    return "baby food" in said or bool(set(tokenize(said)) & _BABY_FOOD_WORDS)


_BABY_FOOD_WORDS = frozenset({"babyfood", "infant", "toddler", "gerber", "stage", "jar", "pouch"})


def _countable(food: foods.Food, words: str) -> bool:
    """Does USDA give one of the food, an item or a typical portion ('Yogurt, Greek': its container)?"""
    try:
        return not units.measure(food, 1.0, None, words).stand_in
    except UnitError:
        return False


def _by_volume_of_its_kind(found: foods.Food, catalog: Catalog) -> foods.Food | None:
    """The same food less a word of its name, that USDA measures by volume, for one it weighs only by
    the piece ('1 cup baby carrots': 'Carrots, raw' by the cup, not 'Carrots, baby, raw')."""
    parts = _parts(found)
    return next(
        (s.food for s in catalog.ranked(_kind(found))
         if _kind(s.food) == _kind(found) and _parts(s.food) < parts and _as_rich(s.food, found)
         and units.has_measure(s.food, "cup")),
        None,
    )  # fmt: skip


def _parts(food: foods.Food) -> frozenset[str]:
    return frozenset(part.strip().lower() for part in food.description.split(","))


def _as_rich(food: foods.Food, found: foods.Food) -> bool:
    """Is the food about as rich in magnesium as the one found (within a factor of 2 per 100 g, or
    2 mg), so that it may stand in for it by its measure? 'a piece of cod' is no dried salted cod
    (133 mg per 100 g, against cod's 20), which USDA measures by the piece."""
    mine, theirs = found.magnesium_mg_per_100g, food.magnesium_mg_per_100g
    return mine is None or theirs is None or abs(mine - theirs) <= 2.0 or _alike(food, found, share=0.5)


def _kind(food: foods.Food) -> str:
    """What a food is, the first part of its name ('potato' of 'Potato, french fries, NFS')."""
    return food.description.split(",")[0].lower()


def _a_medium_one(food: foods.Food, found: foods.Food) -> bool:
    """Is the food of the same kind as the one found ('Potato, ...' both) and a medium one of it a
    whole of it ('medium fast food order'; not 'medium slice')?"""
    if _kind(food) != _kind(found):
        return False
    return any(
        re.match(r"medium\b", said) is not None and re.search(r"\b(?:slice|piece|strip)", said) is None
        for said in (p.description.lower() for p in food.portions)
    )


def _instead(match: Match, other: foods.Food, unit: str | None) -> Match:
    """Another food than the words found best, because USDA measures it as said: always a guess."""
    rest = (match.food, *(f for f in match.alternatives if f is not other))
    return Match(other, False, unit_doubt(match.food, unit), rest)


def _alike(food: foods.Food, other: foods.Food, share: float = 0.3) -> bool:
    """Of about the same magnesium per 100 g (within 30 %): one may be weighed for the other."""
    a, b = food.magnesium_mg_per_100g, other.magnesium_mg_per_100g
    return a is not None and b is not None and abs(a - b) <= share * max(a, b)


def _alike_measured(
    match: Match, entry: Entry, quantity: float | None, catalog: Catalog
) -> tuple[Match, foods.Food, units.Measured] | None:
    """For a guess USDA does not measure as said: a food of all the person's words, of about the same
    magnesium per 100 g, that USDA measures so ('candied yams' of data/names.csv is SR28's candied
    sweet potato, weighed by the piece; the survey's 'Sweet potato, candied' has a cup). A guess too."""
    if match.food.magnesium_mg_per_100g is None or entry.unit is None:
        return None
    for scored in catalog.ranked(_food_words(entry))[:12]:
        other = scored.food
        if not scored.complete or other.food_id == match.food.food_id or not _alike(match.food, other):
            continue
        if contrary_unsaid(other, entry.input):
            continue
        try:
            measured = units.measure(other, quantity, entry.unit, entry.input)
        except UnitError:
            continue
        if not measured.stand_in:
            doubt = unit_doubt(match.food, entry.unit)
            return Match(other, False, doubt, (match.food, *match.alternatives)[:3]), other, measured
    return None


def _typical_from_survey(food: foods.Food, words: str, catalog: Catalog) -> units.Measured:
    """No amount for a food without a typical portion (SR28): the typical amount of the same food in
    FNDDS, the survey's table, when the same words name one there for sure; else a common portion."""
    # USDA's own link first ('Candies, milk chocolate' is 'Chocolate candy'); the words may name
    # another food in the survey ('milk chocolate' is 'Chocolate milk' there)
    twin = foods.survey_twin(food)
    if twin is None and (form := form_of(food)) is not None:  # 'tomatoes' as SR28's raw ones: the
        twin = catalog.survey_twin(f"{words} {form}")  # survey's raw tomatoes, not its cooked ones
    twin = twin or catalog.survey_twin(words)
    typical = twin.portion(units.QUANTITY_NOT_SPECIFIED) if twin is not None else None
    if twin is None or typical is None:
        return units.measure(food, None, None, words)
    grams = units.checked_grams(typical.grams)
    return units.Measured(
        grams,
        f"typical portion of {twin.description} ({twin.food_id}) = {typical.grams:g} g",
        f"no amount: typical portion (FNDDS, {twin.description}), {typical.grams:g} g",
    )


def _item(
    entry: Entry, match: Match, grams: float, magnesium: float | None, portion: str | None,
    assumed: str | None,
) -> LineItem:  # fmt: skip
    food = match.food
    return LineItem(
        line=entry.line, input=entry.input, food_id=food.food_id, food_name=food.description,
        amount=1.0 if entry.amount is None else entry.amount,
        unit="serving" if entry.amount is None and entry.unit is None else entry.unit,
        grams=grams, magnesium_mg=magnesium, portion=portion, date=entry.date, time=entry.time,
        meal=entry.meal, note=entry.note, entry_id=entry.entry_id, kind="food",
        source=entry.source or (food.table if entry.food_id or entry.magnesium_mg is None else "file"),  # type: ignore[arg-type]
        confident=match.confident, assumed=assumed,
    )  # fmt: skip


def is_supplement_id(food_id: str) -> bool:
    return food_id.startswith(supplements.ID_PREFIX)


# Cronometer's quick-add rows: macronutrients typed as a number, never a food to match.
QUICK_ADD = frozenset(
    {"calorie", "calories", "protein", "carbs", "carbohydrate", "carbohydrates", "fat", "alcohol",
     "quick add"}
)  # fmt: skip
AS_GIVEN = "magnesium as given in the file"


@dataclass(frozen=True)
class Reference:
    """What a file row was matched to: only an id for reference (the file's values are kept), and
    the grams of one of the row's unit when the food's measures give them."""

    food_id: str
    food_name: str
    kind: Literal["food", "supplement"]
    grams_each: float | None
    portion: str | None


def file_reference(entry: Entry, catalog: Catalog) -> Reference | None:
    """The USDA food or supplement form a file row names, when that is clear; else None.

    A food_id given with the row (a magcalc export) is taken as it is. A name is matched only when
    the matcher is confident and the food it found shares a word with the name; quick-add rows
    ("Calorie", "800.00 1") and daily totals are never matched.
    """
    unit = _measure_name(entry.unit)
    if entry.food_id is not None:
        if is_supplement_id(entry.food_id):
            form = find_form(entry.food_id)
            name = form.name if form else entry.input
            return Reference(entry.food_id, name, "supplement", None, None)
        food = catalog.get(entry.food_id)
        if food is None:
            return Reference(entry.food_id, entry.input, "food", None, None)
        return _food_reference(food, unit)
    name = entry.input
    quick_add = name.strip().lower() in QUICK_ADD or (unit is not None and not unit[0].isalpha())
    if quick_add or name == DAILY_TOTAL:
        return None
    if (form := find_form(name)) is not None:
        return Reference(form.food_id, form.name, "supplement", None, None)
    try:
        probe = _measure(Entry(line=entry.line, input=name, amount=100.0, unit="g"), catalog)
    except MagcalcError:
        return None  # no match is no reference id, never a lost row
    if probe.kind != "food" or probe.food_id is None or not probe.confident:
        return None
    if not set(tokenize(name)) & set(tokenize(probe.food_name)):
        return None  # a match on no word of the name ("Main" -> HUNGRY MAN) is a guess
    food = catalog.get(probe.food_id)
    return None if food is None else _food_reference(food, unit)


def _food_reference(food: foods.Food, unit: str | None) -> Reference:
    try:
        conversion = units.to_grams(food, 1.0, unit) if unit else None
    except MagcalcError:
        conversion = None
    if conversion is None:
        return Reference(food.food_id, food.description, "food", None, None)
    return Reference(food.food_id, food.description, "food", conversion.grams, conversion.portion)


def _measure_name(unit: str | None) -> str | None:
    """The measure a unit names: 'medium (2-2/3" dia)' -> 'medium'."""
    if not unit:
        return None
    return re.sub(r"\s*\(.*$", "", unit, flags=re.DOTALL).strip() or unit


def from_file(entry: Entry, reference: Reference | None) -> LineItem:
    """An entry with the values its file gives: the magnesium as given (None stays unknown), the
    amount and unit as written; a reference only adds its id, and grams when its measures know
    the unit (else grams of a mass unit, else unknown)."""
    grams: float | None = None
    if reference is not None and reference.grams_each is not None:
        grams = (entry.amount or 0.0) * reference.grams_each
    elif (unit := _measure_name(entry.unit)) is not None and (per := MASS_G.get(canonical_unit(unit))):
        grams = (entry.amount or 0.0) * per
    if grams is not None and not (math.isfinite(grams) and grams <= MAX_FILE_GRAMS):
        grams = None
    portion = "; ".join(filter(None, [reference.portion if reference else None, AS_GIVEN]))
    return LineItem(
        line=entry.line, input=entry.input, food_id=reference.food_id if reference else None,
        food_name=reference.food_name if reference else entry.input, amount=entry.amount or 0.0,
        unit=entry.unit,
        grams=grams, magnesium_mg=entry.magnesium_mg, portion=portion, date=entry.date, time=entry.time,
        meal=entry.meal, note=entry.note, entry_id=entry.entry_id,
        kind=reference.kind if reference else "food", source="file",
    )  # fmt: skip


MAX_FILE_GRAMS = 1e7


def _measure_supplement(entry: Entry, form: supplements.Form) -> LineItem:
    unit = entry.unit
    if entry.each and unit and not re.search(r"\d", unit):
        unit = f"{unit} ({entry.each.strip()} each)"  # stored with the strength, so it reads back alone
    amount = 1.0 if entry.amount is None else entry.amount
    dose = supplements.dose(form, amount, unit, None)
    return LineItem(
        line=entry.line,
        input=entry.input,
        food_id=form.food_id,
        food_name=form.name,
        amount=amount,
        unit=unit,
        grams=dose.compound_grams,
        magnesium_mg=dose.elemental_mg if entry.magnesium_mg is None else entry.magnesium_mg,
        portion=dose.description,
        date=entry.date,
        time=entry.time,
        meal=entry.meal,
        note=entry.note,
        entry_id=entry.entry_id,
        kind="supplement",
        source="supplement",
    )


def _match(entry: Entry, catalog: Catalog) -> Match:
    if entry.food_id is None:
        return catalog.resolve(_without_its_bread(entry.input, catalog))
    food = catalog.get(entry.food_id)
    if food is None:
        raise UnknownFood(f"the food_id {entry.food_id!r} is not a food in magcalc's tables or yours")
    return Match(food, True)


def expand(entry: Entry, catalog: Catalog | None = None) -> list[Entry]:
    """An entry whose food cell holds a whole phrase ('2 eggs and a slice of toast', no amount
    given) as one entry per food, each with the phrase's quantity and unit; others as they are."""
    return _expanded(entry, catalog)[0]


def _expanded(entry: Entry, catalog: Catalog | None = None) -> tuple[list[Entry], bool]:
    """expand(), and whether reading the phrase as several foods is a guess (its amount may be of
    one dish of them all)."""
    if entry.amount is not None and entry.unit is None and entry.food_id is None:
        sized = _sized(entry.input)  # 'mini muffins', 3: three of its miniature ones
        return [entry if sized is None else entry.model_copy(update={"unit": sized.unit})], False
    if entry.amount is not None or entry.unit is not None or entry.food_id is not None:
        return [entry], False
    if find_form(entry.input) is not None:
        return [entry], False
    catalog = catalog or Catalog()
    said = phrases.parse(_unpacked(entry.input, catalog))
    listed = [part for phrase in said for part in _listed(phrase, catalog)]
    parsed = _counted_by_kind(_dressed(_in_context(listed), catalog), catalog)
    if not parsed:
        raise UnitError(f"no food named in {entry.input!r}")
    plain = " ".join(entry.input.lower().split())
    if len(parsed) == 1 and parsed[0].quantity is None and parsed[0].food == plain:
        return [entry], False
    return [
        entry.model_copy(update={
            "input": p.text if len(parsed) > 1 or _cut_from(plain, p.text) else entry.input,
            "amount": p.quantity, "unit": _size_of(p),
        })
        for p in parsed
    ], any(p.together for p in parsed)  # fmt: skip


# A meal sold or served as one, said before its foods: 'big mac meal with large fries and a coke',
# 'happy meal w 4 nuggets, ...', 'number 1 combo: whopper, fries, coke', 'chicken shawarma plate - rice'
_PACKED = re.compile(
    r"^\s*(?P<head>[^,;:+()]*?)\s*\b(?:meal|combo|plate|platter)s?\s*(?::|[-\u2013]|,|\bwith\b|\bw/|\bw\b)"
    r"\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# Words that name which meal, not a food ('kids meal', 'value meal', 'number 3 combo', '#2 combo')
_MEAL_NAMES = re.compile(
    r"(?:\b(?:number|no\.?)\s*|#\s*)\d+\b|\b(?:happy|kids?|kid's|kiddie|value|family|daily|special|deal)\b",
    re.IGNORECASE,
)


def _unpacked(text: str, catalog: Catalog) -> str:
    """The foods of a meal said as one before them: 'big mac meal with fries and a coke' is a Big Mac,
    fries and a coke (not a frozen meal); 'happy meal w 4 nuggets, small fries' only the nuggets and
    fries, 'meal' naming no food. The words before 'meal' stay a food unless they name none (a place
    or maker only, words no food has, a guess at a word: 'panda plate' is no breadfruit) or the list
    names it again ('nugget meal - 8 nuggets'); before a colon they are a label ('shawarma plate: ...')."""
    packed = _PACKED.match(text)
    if packed is None:
        return text
    said = re.sub(r"\s*(?::|[-\u2013]|,|\bwith|\bw/?)\s*$", "", text[: packed.start("rest")])
    with suppress(MagcalcError):  # ('a bowl of oat meal with raisins', 'corn meal': foods named 'meal')
        named = catalog.resolve(phrases.parse_one(said).food)
        if named.confident and said.split()[-1].lower().rstrip("s") in named.food.description.lower():
            return text
    head = " ".join(_MEAL_NAMES.sub(" ", packed["head"]).split())
    first, last = tokenize(re.split(r",|\band\b|&", packed["rest"])[0]), tokenize(head)[-1:]
    if not head or said.endswith(":") or (last and last[0] in first):
        return packed["rest"]
    with suppress(MagcalcError):
        match = catalog.resolve(phrases.parse_one(head).food)
        # ('panda' read as a slip for another word; 'sonic', 'kids': a word of some food's other names)
        weak = not match.confident and match.doubt is not None and (
            match.doubt.startswith(GUESSED) or (" " not in head and match.doubt == ANOTHER_NAME)
        )
        if not weak and not _maker_only(head, match.food):
            return f"{head}, {packed['rest']}"
    return packed["rest"]


def _by_its_maker(food: foods.Food, words: str) -> bool:
    """Is what the words are (their last word) only in the food's maker's name ('crunchy tacos' in
    'TACO BELL, Nachos')?"""
    said = tokenize(words)
    return bool(said) and said[-1] in _maker_words(food)


def _maker_only(words: str, food: foods.Food) -> bool:
    """Do the words name only who makes or sells the food ('subway' for 'SUBWAY, meatball marinara')?"""
    said = set(tokenize(words))
    return bool(said) and said <= _maker_words(food)


def _maker_words(food: foods.Food) -> frozenset[str]:
    """The words of the food's maker's name, as the index has them (none for a user's own food)."""
    return index().doc(food.food_id).brand_tokens if food.table != foods.USER else frozenset()


def _cut_from(typed: str, text: str) -> bool:
    """Is the one food's text what was typed less a label or a time ('snack: chips', 'oatmeal for
    breakfast'), not its words rejoined ('chicken over rice', read as 'chicken with rice')?"""
    said = " ".join(text.lower().split())
    return said != typed and (typed.startswith(said) or typed.endswith(said))


def _size_of(phrase: phrases.Phrase) -> str | None:
    """The phrase's unit, or the size its food's name begins with when it was counted after the name
    ('mini muffins 3': three miniature ones, as '3 mini muffins')."""
    if phrase.quantity is None or phrase.unit is not None:
        return phrase.unit
    sized = _sized(phrase.food)
    return None if sized is None else sized.unit


_JOINED_ONLY = re.compile(r"^[^,;+]+?\s(?:and|&|n|'n'?|with|w/?|on)\s[^,;+]+$")


def _joined_guess(entry: Entry, parts: list[Entry]) -> bool:
    """'pork and sauerkraut', 'beans on toast', 'bagel with cream cheese', no amount said: two foods,
    or one dish USDA has no food for? Read as two foods, each a typical portion, that reading is a
    guess (not 'eggs and 2 slices of toast', nor a list with commas)."""
    if len(parts) != 2 or entry.amount is not None or entry.unit is not None or entry.food_id is not None:
        return False
    text = " ".join(entry.input.lower().split())
    plain = all(part.amount is None and part.unit is None for part in parts)
    return plain and _JOINED_ONLY.match(text) is not None


def _exported(phrase: phrases.Phrase) -> bool:
    """'chips, tortilla, restaurant style 1 oz': an app's name of one food, its parts joined by commas
    only, with one amount after them all (not '2 eggs, toast, coffee': an amount first is the first
    food's)."""
    joined = re.search(r"\band\b|&|\+|;|\bwith\b|\bw/?\s", phrase.food) is not None
    amount_first = phrases.looks_like_phrase(phrase.text)
    in_first = any(c.isdigit() for c in phrase.text.split(",", 1)[0])  # 'chick fil a 8ct nuggets, fries'
    listed = joined or amount_first or in_first
    return phrase.quantity is not None and "," in phrase.food and not listed


# What parts a list: its separators, kept ('half-and-half' is one food); of the fillings after 'with',
# only 'and' and the marks
_LISTED = re.compile(r"\s*(,|;|&|\+|(?<![\w-])(?:and|with|on)(?![\w-]))\s*")
_LISTED_BY_AND = re.compile(r"\s*(,|;|&|\+|(?<![\w-])and(?![\w-]))\s*")
_OWNERS = re.compile(r"^[a-z]+\s*(?:&|\band\b)\s*[a-z]+['\u2019]s\b", re.IGNORECASE)  # "ben & jerry's"


def _listed(phrase: phrases.Phrase, catalog: Catalog) -> list[phrases.Phrase]:
    """'black bean burrito, guacamole and chips' is three foods, 'macaroni and cheese' one: a list
    without quantities is split only when the whole is not a match of all its words (or not of its
    main food) and every part is a food (not a way of cooking); a part that is a guess stays marked
    as one."""
    if is_a_name(phrase.food):  # 'fish and chips': one dish, by a name USDA lacks
        return [phrase]
    if _exported(phrase) or _OWNERS.search(phrase.food):
        return [phrase]  # ("lenny & larry's complete cookie": a maker's name, not two foods)
    if (filled := _filled_dish(phrase, catalog)) is not None:
        return filled  # 'burrito bowl with steak, rice, beans and salsa': the bowl of them, and salsa
    head, _, rest = phrase.food.partition(",")
    if rest and _dish_with(head, catalog):  # 'whopper with cheese, onion rings': the dish, and rings
        parts = [head.strip(), *_dishes_kept(_LISTED.split(rest), catalog)]
        main = head.strip()
    else:
        parts = _dishes_kept(_LISTED.split(phrase.food), catalog)
        main = re.split(r"\s+(?:with|on)\s+", phrase.food)[0]  # 'beans on toast': beans and toast
    if len(parts) < 2:  # ('a blt on toast': one sandwich, whose bread the words after 'on' name)
        return [phrase]
    whole: Match | None = None
    try:
        whole = catalog.resolve(phrase.food)
        # 'pancakes with maple syrup' is pancakes and syrup, not a syrup: the food must be the main one
        about_main = (
            main == phrase.food or names_its_head(whole.food, main) or _misspelt_head(whole, main, catalog)
        )
        # 'fajitas with rice, beans, guac': a list after 'with' is foods beside it, not one dish
        lacking = whole.partial or _guess_lacking(whole, phrase.food)
        sure = (whole.confident or not lacking) and not re.search(r"\bwith\b[^,]*,", phrase.food)
        # 'coffee with milk' is no latte with non-dairy milk: coffee, and milk
        sure = sure and not contrary_to(whole.food, phrase.food)
        # 'salad with italian dressing' is no egg salad made with it: a guess whose name has a food unsaid
        sure = sure and not _names_another(whole, phrase.food, main, catalog)
        about_main = about_main and not unasked(whole.food, phrase.food)  # 'cereal with milk': no baby food
        # ('steak, baked potato and a salad': no guess of a maker's 'Baked Potato with Steak & Cheese Soup';
        # an amount before them all may still be of one food: '1 cup chili, beef and bean')
        unmeasured = phrase.quantity is None and phrase.unit is None
        own_words_unsaid = (whole.doubt or "").startswith(ALSO_UNSAID)  # ('crackers, club' is Keebler's Club)
        about_main = about_main and not (whole.food.manufacturer and own_words_unsaid and unmeasured)
        if sure and about_main and not _two_foods(whole.food, phrase.food) and not _listed_by_commas(
            whole, phrase.food, catalog
        ):
            return [phrase]
        # (and 'coffee with milk' is coffee and milk, not a latte with non-dairy milk: only words that
        # say which milk, as 'oat milk' does, make it that one)
        qualified = len(tokenize(phrase.food.rsplit(" with ", 1)[-1])) > 1
        unsaid = contrary_to(whole.food, phrase.food)
        beside = _with_part_found(whole.food, phrase.food) and (qualified or not unsaid)
        if about_main and beside and not _names_another(whole, phrase.food, main, catalog):
            return [phrase]  # 'latte with oat milk': a latte with non-dairy milk, as a guess; not 2 foods
    except UnknownFood:
        pass
    try:  # the whole misses some of its words, or is not about its main food: each part, if all are foods
        each = [phrases.parse_one(part) for part in parts]
    except MagcalcError:
        return [phrase]
    groups: dict[str, str] = {}  # each part's food's group
    for part in each:
        if all(w in PREPARATIONS or _done_to(w) for w in tokenize(part.food)):
            return [phrase]  # 'trout, rainbow, baked', 'black beans, rinsed': what was done is no food
        try:
            found = catalog.resolve(part.food)
            groups[part.food] = _group_kind(found.food)
        except UnknownFood:
            if whole is not None and not whole.partial:
                return [phrase]
            continue  # 'rice, miyeokguk and kkakdugi': the part no food has is the one refused, by name
        except MagcalcError:
            return [phrase]
        # 'annies mac and cheese': what the whole misses is what a part misses (not 'smothered pork
        # chops, rice and green beans' -> 'Pork, rice, and vegetables', which misses more)
        if (whole is not None and whole.incomplete and found.incomplete
                and words_missing(whole.food, phrase.food) <= words_missing(found.food, part.food)
                and not _by_its_maker(whole.food, part.food)):
            return [phrase]
    # (not 'a glass of milk and cookies': the whole, a cookie, lacks the milk and has no glass)
    of_all = _measure_of_all(phrase, each)
    two = whole is not None and _turned_round(whole.food, phrase.food)  # ('a glass of wine and some cheese')
    # ('a bowl of cereal and milk': no baby food of both; nor a sure whole of the first food that the
    # last only says how it is made: '1 tbsp walnuts and honey' is not 'Walnuts, honey roasted'; a
    # guess stays one: '1 oz nuts and raisins' is no sure ounce of nuts beside the raisins)
    together = False
    if whole is not None and of_all and not unasked(whole.food, phrase.food) and not two and (
        _measures(whole.food, phrase) if whole.incomplete
        else not (whole.confident and _made_with(whole.food, phrase.food, each))
    ):
        # '1/2 cup cottage cheese and canned peaches' is no peaches lacking the cheese: two foods,
        # as a guess (the cup may be of one dish of both, that USDA lacks: '1 cup shrimp and grits')
        missing = words_missing(whole.food, phrase.food) if whole.incomplete else frozenset()
        kind = _group_kind(whole.food)  # (of another kind: 'a handful of m&ms and peanuts' is of candy)
        together = any(set(tokenize(p.food)) <= missing and groups.get(p.food, kind) != kind for p in each)
        if not together:
            return [phrase]
    first = phrases.Phrase(phrase.quantity, phrase.unit, each[0].food, each[0].text)
    said = first.quantity is not None or first.unit is not None  # ('bowl of chili with cheese': a bowl)
    listed = [first if said else each[0], *each[1:]]
    return [replace(part, together=True) for part in listed] if together else listed


def _own_name(description: str) -> frozenset[str]:
    """The words of a food's name before its first comma and any 'with' ('Egg salad', 'Bread')."""
    return frozenset(tokenize(re.split(r"\s+with\s+", description.split(",")[0], maxsplit=1)[0]))


def _names_another(whole: Match, words: str, main: str, catalog: Catalog) -> bool:
    """Is the whole a guess, for words it has beyond those said, whose own name (before its first comma
    and any 'with') has, beside its head, a food that neither the words say nor the main food's own
    match has ('Egg salad, made with Italian dressing' for 'salad with italian dressing'; not 'Beef
    curry with rice' for 'curry with rice': the curry alone is beef curry too)?"""
    if whole.confident or not (whole.doubt or "").startswith(ALSO_UNSAID):
        return False
    said, doc = set(tokenize(words)), index().doc(whole.food.food_id)
    # (not one of its other names, 'Frankfurters or hot dogs'; nor a maker, 'CAMPBELL'S CHUNKY Soups')
    named = re.sub(r"[\w'-]+\s+or\s+", "", whole.food.description.split(",")[0])
    unsaid = _own_name(named) - said - doc.head - doc.brand_tokens
    if not any(index().named((w,)) for w in unsaid):
        return False
    try:
        return not unsaid <= _own_name(catalog.resolve(main).food.description)
    except UnknownFood:
        return False


def _guess_lacking(whole: Match, words: str) -> bool:
    """A whole found by guessing a misspelt word that also lacks words spelt right: 'chicken, rice,
    black beans, guac' -> 'Black beans and rice' (guessing 'guac'), without the chicken."""
    if whole.doubt is None or not whole.doubt.startswith(GUESSED):
        return False
    has = index().doc(whole.food.food_id).tokens.keys()  # (not 'bluberry': a slip of its 'blueberry')
    return any(
        w in index().postings and not any(units.one_typo(w, h) for h in has)
        for w in words_missing(whole.food, words)
    )


def _group_kind(food: foods.Food) -> str:
    """The first word of a food's group, alike in both tables: 'nut' of SR28's 'Nut and Seed Products'
    and of the survey's 'Nuts and seeds' (almonds and cashews are of one kind)."""
    words = tokenize(food.food_group)
    return words[0] if words else ""


_DONE_TO = re.compile(r"[a-z]{3,}(?<!e)ed")  # 'rinsed', 'drained', 'salted' (not 'seed')
_STATES = frozenset(
    {"drained", "salted", "unsalted", "rinsed", "toasted", "sweetened", "unsweetened", "seasoned", "peeled",
     "chopped", "sliced", "diced", "shredded", "grated", "melted", "softened", "chilled", "warmed",
     "reheated"}
)  # fmt: skip


def _done_to(word: str) -> bool:
    """A word of what was done to a food, not a food ('rinsed'; not 'decaffeinated', a coffee)."""
    return word in _STATES or (_DONE_TO.fullmatch(word) is not None and word not in index().postings)


def _misspelt_head(whole: Match, main: str, catalog: Catalog) -> bool:
    """'spagetti w meat sauce': the main words, read as a misspelling, name the whole's head."""
    with suppress(MagcalcError):
        said = catalog.resolve(main)
        misspelt = said.doubt is not None and said.doubt.startswith(GUESSED)
        return misspelt and said.food.description.split(",")[0].lower() in whole.food.description.lower()
    return False


def _dishes_kept(pieces: list[str], catalog: Catalog) -> list[str]:
    """The parts of a list split at its separators (`pieces` alternates parts and separators), with
    two parts joined by 'and' kept as one where that is one dish of both ('slaw and mac and cheese':
    slaw, and macaroni and cheese; not 'eggs and toast')."""
    parts = [pieces[0]]
    for separator, part in zip(pieces[1::2], pieces[2::2], strict=True):
        joined = f"{parts[-1]} {separator} {part}"
        if parts[-1].strip() and part.strip() and separator.lower() in _JOINERS and is_a_name(joined):
            parts[-1] = joined  # 'ribs, corn on the cob': a name of data/aliases.csv is one food
            continue
        if separator.lower() == "on" and _a_bread(part) and any(_a_sandwich(p, catalog) for p in parts):
            if _a_sandwich(parts[-1], catalog) and _a_sandwich(joined, catalog, whole=True):
                parts[-1] = joined  # 'a turkey sandwich on wheat': the survey's turkey sandwich on wheat
            continue  # 'a blt on toast', 'sausage egg and cheese on a bagel': the sandwich's own bread
        if separator.lower() in ("and", "&") and parts[-1].strip() and part.strip():
            with suppress(MagcalcError):
                dish = catalog.resolve(joined)
                # (not a guess found by a flavour among its other names, its own name unsaid: 'sour cream
                # and onions' is no 'Pretzels, soft, ... coated or flavored')
                flavour = (not dish.confident and (dish.doubt or "").startswith(ANOTHER_NAME)
                           and not _own_name(dish.food.description) & set(tokenize(joined)))  # fmt: skip
                if not dish.incomplete and _named_whole(dish.food, parts[-1], part) and not flavour:
                    parts[-1] = joined
                    continue
        parts.append(part)
    return [p for p in parts if p.strip()]


_JOINERS = frozenset({"and", "&", "on", "with"})  # of the separators, those a name may hold
_BREAD_NOUNS = frozenset(
    {"bread", "toast", "bun", "roll", "bagel", "biscuit", "croissant", "hoagie", "kaiser", "brioche",
     "muffin", "ciabatta", "baguette", "pita", "challah", "focaccia", "hero", "wheat", "white", "rye",
     "sourdough", "pumpernickel", "multigrain"}
)  # fmt: skip
_BREAD_WORDS = _BREAD_NOUNS | {"a", "an", "english", "texas", "whole", "grain", "marble", "sesame", "seeded",
                               "toasted", "potato", "onion", "plain", "everything", "soft", "hard", "sub"}
_SANDWICH = re.compile(
    r"\b(?:sandwich|sandwiches|sub|burger|cheeseburger|hamburger|hoagie)\b"
    r"|\bon (?:white|wheat|rye|bun|roll|bagel|biscuit|croissant|english muffin|bread)\b"
)


def _without_its_bread(words: str, catalog: Catalog) -> str:
    """The words less a bread said after 'on' that is a sandwich's own ('a blt on toast': 'a blt'; not
    'beans on toast', nor 'a turkey sandwich on wheat', the survey's sandwich of all the words)."""
    before, on, after = words.lower().rpartition(" on ")
    if not on or not _a_bread(after) or not _a_sandwich(before, catalog):
        return words
    return words if _a_sandwich(words, catalog, whole=True) else words[: len(before)]


def _a_bread(words: str) -> bool:
    """Do the words name only a bread ('toast', 'a roll', 'wheat', 'an everything bagel')?"""
    said = tokenize(words)
    return bool(said) and set(said) <= _BREAD_WORDS and bool(set(said) & _BREAD_NOUNS)


def _a_sandwich(words: str, catalog: Catalog, whole: bool = False) -> bool:
    """Do the words name a sandwich, a sub or a burger, bread and all ('blt', 'sausage egg')? `whole`:
    a sandwich of all the words ('turkey sub on wheat' is no 'Steak sandwich or sub on wheat')."""
    with suppress(MagcalcError):
        found = catalog.resolve(words)
        sandwich = _SANDWICH.search(found.food.description.lower()) is not None
        return sandwich and not (whole and found.incomplete)
    return False


def _named_whole(food: foods.Food, first: str, second: str) -> bool:
    """Does one name of the food (its first part, or one of its other names) join the two, with all
    their words ('mac' and 'cheese': 'Macaroni or noodles with cheese'; 'ham' and 'cheese sandwich':
    'Ham sandwich on white, with cheese', its first part with a later part of 'with'; not 'rice' and
    'broccoli': 'Beef, rice, and vegetables excluding carrots, broccoli'; not 'chips' and 'a cookie':
    'chocolate chip cookie' joins nothing; nor 'rice' and 'salad': 'Rice dessert or salad with fruit',
    whose 'or' says which, not what else)?"""
    said, before, after = set(tokenize(f"{first} {second}")), set(tokenize(first)), set(tokenize(second))
    name, *rest = food.description.split(",")
    with_ = [  # (not one that says what it lacks: 'coffee and milk' is no 'Latte, with non-dairy milk')
        f"{name} {part.strip()}" for part in rest
        if part.strip().lower().startswith("with ") and not {t for t in tokenize(part) if t.startswith("no-")}
    ]  # fmt: skip
    names = (name, *with_, *food.common_names.split(";"))  # 'Ham sandwich on white, with cheese'
    # a word that is another name of the food by itself stands in the name ('red' of 'Kidney beans and
    # rice': 'red beans' and 'rice')
    alone = {words[0] for other in food.common_names.split(";") if len(words := tokenize(other)) == 1}
    sides = [
        (set(tokenize(name.lower()[: joint.start()])), set(tokenize(name.lower()[joint.end() :])), joint[0])
        for name in names if said - alone <= set(tokenize(name))
        if (joint := next((j for j in _JOINED.finditer(name.lower()) if j[0] != "or"), None)) is not None
    ]  # fmt: skip
    # (either way round for 'and': 'franks and beans' is 'Beans and franks'; not for 'with': 'wine and
    # cheese' is no 'Cheese, with wine')
    return any(
        (before & one and after & other) or (joint != "with" and after & one and before & other)
        for one, other, joint in sides
    )


def _measure_of_all(phrase: phrases.Phrase, each: list[phrases.Phrase]) -> bool:
    """'1 cup shrimp and grits': a measure (not a count) before foods joined by 'and' that have no
    amount of their own is of them all, one dish, as the same words in a log's food cell are; not a
    cup of shrimp and a typical portion of grits. (Not 'a bowl of cereal with milk': the milk is in
    the bowl as well as the cereal, but it is no dish of the two.)"""
    unit = canonical_unit(phrase.unit) if phrase.unit else None
    measure = unit is not None and (unit in MASS_G or unit in units.VOLUME_ML or unit in units.CONTAINERS)
    joined = re.search(r"\band\b|&", phrase.food) is not None and not re.search(r"\bwith\b|,", phrase.food)
    return measure and joined and all(part.quantity is None for part in each[1:])


_DISH_MEASURES = frozenset({"bowl", "plate", "handful", "scoop"})


def _measures(food: foods.Food, phrase: phrases.Phrase) -> bool:
    """Does the phrase's amount measure the food, by its own measure or a common one (a bowl)? Not a
    drink by a dish's measure: 'a bowl of cereal and orange juice' holds no bowl of orange juice."""
    unit = units.canonical_unit(phrase.unit) if phrase.unit else None
    if unit in _DISH_MEASURES and units.is_drink(food) and not units.has_measure(food, unit):
        return False
    try:
        units.measure(food, phrase.quantity or 1.0, phrase.unit, phrase.food)
    except MagcalcError:
        return False
    return True


_DIPS = frozenset({"salsa", "guacamole", "guac", "queso", "dip", "pico"})


def _counted_by_kind(parts: list[phrases.Phrase], catalog: Catalog) -> list[phrases.Phrase]:
    """'Big Mac, 1 burger', 'Avocado, Raw, 1/2 fruit': an app's count of the food before it, by the
    kind of food it is (USDA's group 'Burgers', 'Fruits'), not a second food."""
    kept: list[phrases.Phrase] = []
    for part in parts:
        before = kept[-1] if kept else None
        noun = part.food.lower()
        if (before is None or before.quantity is not None or part.quantity is None or part.unit is not None
                or not re.fullmatch(r"[a-z]{3,}", noun)):  # fmt: skip
            kept.append(part)
            continue
        try:
            food = catalog.resolve(before.food).food
        except MagcalcError:
            kept.append(part)
            continue
        kind = {units.canonical_unit(w) for w in re.findall(r"[a-z]+", (food.food_group or "").lower())}
        if units.canonical_unit(noun) not in kind:
            kept.append(part)
            continue
        kept[-1] = phrases.Phrase(part.quantity, None, before.food, f"{before.text}, {part.text}")
    return kept


def _in_context(parts: list[phrases.Phrase]) -> list[phrases.Phrase]:
    """'chips and salsa': chips beside a dip are tortilla chips, not potato chips."""
    said = {w for part in parts for w in part.food.lower().split()}
    if not said & _DIPS:
        return parts
    return [
        phrases.Phrase(p.quantity, p.unit, "tortilla chips", p.text.lower().replace("chip", "tortilla chip"))
        if p.food.lower() in ("chips", "chip") else p
        for p in parts
    ]


_DRESSED = re.compile(r"\b(?:salads?|wings?)\b", re.IGNORECASE)


def _dressed(parts: list[phrases.Phrase], catalog: Catalog) -> list[phrases.Phrase]:
    """'a side salad w italian', 'wings w thousand island': beside a salad or wings, words that
    name no food as its head but, with 'dressing', a salad dressing are that dressing (not Italian
    bread); words that name a food ('salad w avocado', 'w blue cheese') stay that food."""
    if len(parts) < 2 or not any(_DRESSED.search(p.food) for p in parts):
        return parts
    out = []
    for part in parts:
        if not _DRESSED.search(part.food) and "dressing" not in part.food.lower() and _a_dressing_said(
            part.food, catalog
        ):
            part = replace(part, food=f"{part.food} dressing", text=f"{part.text} dressing")
        out.append(part)
    return out


def _a_dressing_said(words: str, catalog: Catalog) -> bool:
    """Do the words, which name no bundled food by its own name, name a salad dressing with
    'dressing' after them ('italian', 'thousand island')?"""
    with suppress(UnknownFood):
        food = catalog.resolve(words).food  # ('Bread, Italian' is bread: no 'italian')
        if food.table not in (foods.SR28, foods.FNDDS) or set(tokenize(words)) & _own_name(food.description):
            return False
    with suppress(UnknownFood):
        dressing = catalog.resolve(f"{words} dressing")
        group = dressing.food.food_group
        return dressing.confident and "dressing" in dressing.food.description.lower() and (
            group.startswith("Salad dressing") or group == "Fats and Oils"
        )
    return False


_JOINED = re.compile(r"\b(and|with|or|n|on)\b|&")


def _made_with(food: foods.Food, words: str, each: list[phrases.Phrase]) -> bool:
    """'walnuts and honey' -> 'Walnuts, honey roasted': two foods found as the first, made with the
    last (a food that joins nothing, the last's words only after its name; not 'broccoli and cheese
    soup' -> 'Soup, broccoli cheese')."""
    name, _, rest = food.description.partition(",")
    last = set(tokenize(each[-1].food))
    return _two_foods(food, words) and not last & set(tokenize(name)) and last <= set(tokenize(rest))


def _two_foods(food: foods.Food, words: str) -> bool:
    """'eggs and toast', 'eggs on toast' -> 'Bread, egg, toasted': words joined by 'and' or 'on'
    found as a food that joins nothing (no 'and', 'with', 'or' or 'on' in its name) are two foods;
    'macaroni and cheese' -> 'Macaroni or noodles with cheese' is one."""
    if not re.search(r"\band\b|&|\bon\b", words) or "," in words:
        return False
    return not _JOINED.search(food.description.lower()) or _turned_round(food, words)


def _turned_round(food: foods.Food, words: str) -> bool:
    """'wine and cheese' -> 'Cheese, with wine': a food of the last of two parts made with the first
    is no dish named so ('macaroni and cheese' -> 'Macaroni or noodles with cheese' is named by its
    first part)."""
    parts = re.split(r"\s+(?:and|&)\s+", words)
    described = food.description.lower()
    if len(parts) != 2 or " with " not in described or " and " in described:
        return False
    # (not 'bean and cheese burrito' -> 'Burrito, with beans, cheese': 'cheese burrito' is not its name)
    first, last = (set(tokenize(part)) for part in parts)
    return bool(first and last) and first <= _with_words(food) and last <= _own_name(food.description)


def _with_words(food: foods.Food) -> set[str]:
    """The words of what the food is made with: after the first 'with' of its description."""
    return set(tokenize(food.description.lower().partition(" with ")[2]))


def _has_a_head(food: foods.Food, heads: frozenset[str]) -> bool:
    """Has the food one of these heads among its words, or one a slip away ('Muffins, blueberry' has
    the 'bluberry' of USDA's own 'Bluberries, canned')?"""
    words = index().doc(food.food_id).tokens.keys()
    return any(h in words or any(units.one_typo(h, w) for w in words) for h in heads)


def _listed_by_commas(whole: Match, words: str, catalog: Catalog) -> bool:
    """'eggs, toast' -> 'Bread, egg, toasted', 'pancakes, syrup' -> 'Pancake syrup', 'eggs, bacon' ->
    'Egg sandwich on bagel, with bacon': parts joined by commas alone, each a food by its own name,
    are a list and not an app's name of one food when the whole is what a later part is and not what
    the first is (an app's name begins with what the food is: 'Cheese, cheddar', 'Juice, cranberry'),
    or, for a doubtful whole, when a later part is what it has beside it ('with bacon'). Parts of one
    kind of food ('Crackers, club') name one food."""
    food = whole.food
    joined = re.search(r"\band\b|&|\bwith\b", words) is not None
    if "," not in words or joined or food.table not in (foods.SR28, foods.FNDDS):
        return False
    parts = words.split(",")
    heads: list[frozenset[str]] = []
    same: list[bool] = []  # a part that is the whole food
    for part in parts:
        try:
            match = catalog.resolve(part)
        except MagcalcError:
            return False
        named = match.food.table in (foods.SR28, foods.FNDDS) and names_its_head(match.food, part)
        if match.partial or match.incomplete or not named:
            return False  # ('oats, rolled, dry': 'dry' is no food by its name)
        heads.append(index().doc(match.food.food_id).head)
        same.append(match.food.food_id == food.food_id)
    if any(a & b for at, a in enumerate(heads) for b in heads[at + 1 :]):
        return False
    later = zip(parts[1:], heads[1:], strict=True)
    if any(words_missing(food, part) and not _has_a_head(food, head) for part, head in later):
        return True  # 'brown rice, steamed brocoli': the rice has no broccoli, however spelt
    if any(same):
        return False
    head = index().doc(food.food_id).head
    if not heads[0] & head and any(later & head for later in heads[1:]):
        return True
    described = food.description.lower()
    beside = described.split(" with ", 1)[1] if " with " in described and not whole.confident else ""
    return any(set(tokenize(part)) <= set(tokenize(beside)) for part in parts[1:])


# The survey's groups of dishes made of fillings ('Other Mexican mixed dishes', 'Nachos', 'Pizza')
_FILLED = re.compile(r"mixed dishes|burritos|nachos|pizza|soups|sandwiches", re.IGNORECASE)


def _filled_dish(phrase: phrases.Phrase, catalog: Catalog) -> list[phrases.Phrase] | None:
    """'burrito bowl with steak, white rice, black beans, cheese, salsa': a dish said with what is in
    it, when the survey has that dish with some of them ('Burrito bowl, beef or pork, with beans and
    rice', whose other names say steak and cheese) with two of them or more: that one dish, and apart
    only what it lacks (the salsa); not the plain bowl beside a portion of each filling. Only for a
    dish of which the survey has several (the whole's first name is the dish's: not 'chicken with
    rice, broccoli')."""
    main, with_, listed = phrase.food.partition(" with ")
    if not with_ or not main.strip():
        return None
    items = _dishes_kept(_LISTED_BY_AND.split(listed), catalog)
    if len(items) < 2:
        return None
    try:
        dish, whole = catalog.resolve(main), catalog.resolve(phrase.food)
    except MagcalcError:
        return None
    family = _kind(dish.food)
    if (dish.food.table != foods.FNDDS or not _FILLED.search(dish.food.food_group)
            or whole.food.food_id == dish.food.food_id
            or _kind(whole.food) != family):  # fmt: skip
        return None
    said = set(tokenize(main))
    inside = [  # what the dish has: the head of each ('white rice' in '... with beans and rice')
        item for item in items
        if (words := tokenize(item)) and words[-1] not in said
        and words[-1] not in words_missing(whole.food, item)
    ]  # fmt: skip
    if len(inside) < 2:  # (one may be a topping the dish is named by: 'greek yogurt with granola')
        return None
    rest = [phrases.parse_one(item) for item in items if item not in inside]
    filled, said_so = (f"{main.strip()} with {joint.join(inside)}" for joint in (" and ", ", "))
    return [phrases.Phrase(phrase.quantity, phrase.unit, filled, said_so), *rest]  # (shown as said)


def _dish_with(words: str, catalog: Catalog) -> bool:
    """'whopper with cheese' -> 'Whopper with cheese (Burger King)': words joined by 'with' that are
    one food by its own name, what comes after 'with' after the food's own 'with' too (not 'chicken
    with rice' -> 'Chicken or turkey, rice, corn, and cheese, with gravy')."""
    if not re.search(r"\bwith\b", words):
        return False
    try:
        found = catalog.resolve(words)
    except MagcalcError:
        return False
    described = found.food.description.lower()
    after_with = set(tokenize(words.split(" with ", 1)[-1]))
    beside = set(tokenize(described.split(" with ", 1)[1])) if " with " in described else set()
    return found.confident and not found.partial and bool(after_with) and after_with <= beside


def _with_part_found(food: foods.Food, words: str) -> bool:
    """'latte with oat milk' -> 'Coffee, Latte, with non-dairy milk': the food has what comes after
    'with' (its last word, 'milk'), so it is one food, not a latte and a glass of milk."""
    if " with " not in words:
        return False
    main, after_with = words.rsplit(" with ", 1)
    after = tokenize(after_with)
    described = set(tokenize(food.description))
    # what the food is made with ('Beverages, tea, instant, lemon, with added ascorbic acid' has no
    # lemon of 'tea with honey and lemon' after its 'with'), and all of what comes before ('stew
    # chicken with white rice' is no chicken and rice soup)
    return bool(after) and after[-1] in _with_words(food) and set(tokenize(main)) <= described


# FNDDS 2021-2023, Portions and Weights: 'Guideline amount per fl oz of beverage' of every milk, plant
# milk, cream and liquid creamer is 2.5 g (the amount the survey adds to coffee or tea per fl oz of it)
MILK_PER_FL_OZ_G = 2.5
_FL_OZ_G = 29.5735  # a fl oz of coffee or tea, as water
_POURED = frozenset({"milk", "cream", "creamer", "half"})
_NOT_POURED = frozenset({"ice", "sour", "shake", "chocolate", "yogurt", "cheese", "whipped", "condensed"})


def _poured_in(items: list[LineItem], parts: list[Entry], said: str) -> list[LineItem]:
    """'coffee with milk': the milk is what is poured into the coffee, not a glass of it: with no
    amount, FNDDS's guideline amount per fl oz of the drink (12 fl oz of coffee: 30 g of milk)."""
    if len(items) < 2 or len(items) != len(parts) or not re.search(r"\bwith\b|\bw/?\s", said.lower()):
        return items
    out = list(items)
    drink: LineItem | None = None
    for at, (item, part) in enumerate(zip(items, parts, strict=True)):
        named = set(tokenize(item.food_name.split(",")[0]))
        if named & {"coffee", "tea"} and not named & {"liqueur", "iced"} and item.grams:
            drink = item
            continue
        poured = named & _POURED and not named & _NOT_POURED and item.grams and item.magnesium_mg is not None
        if drink is None or not poured or part.amount is not None or part.unit is not None:
            continue
        assert drink.grams is not None and item.grams is not None and item.magnesium_mg is not None
        grams = round(MILK_PER_FL_OZ_G * drink.grams / _FL_OZ_G)
        out[at] = item.model_copy(update={
            "grams": float(grams), "magnesium_mg": item.magnesium_mg * grams / item.grams,
            "portion": f"{MILK_PER_FL_OZ_G:g} g per fl oz of the drink",
            "assumed": f"no amount: poured into the {drink.input}, {grams} g "
                       f"(FNDDS guideline, {MILK_PER_FL_OZ_G:g} g per fl oz)",
        })
    return out


MAX_PROBLEMS = 100  # listed one per line; beyond this, a count
MAX_DOUBTS = 20  # doubtful matches named in the warnings; beyond this, a count


class Measurer:
    """measure(), remembering each distinct food and unit: a long log repeats a few hundred foods,
    so each is matched and converted once and every other row is arithmetic. It also collects a
    warning for each doubtful match, and can keep an unknown food as an entry of unknown magnesium."""

    def __init__(self, catalog: Catalog | None = None, keep_unknown: bool = False) -> None:
        self.catalog = catalog or Catalog()
        self.keep_unknown = keep_unknown
        self.doubts: list[str] = []
        self.more_doubts = 0
        self._warned: set[str] = set()
        self._known: dict[tuple[str, str | None, float | None], LineItem | MagcalcError] = {}
        self._references: dict[tuple[str, str | None, str | None], Reference | None] = {}
        self._forms: dict[str, bool] = {}
        self._words: dict[str, str] = {}  # what was typed -> its food words (parsed once)

    def __call__(self, entry: Entry) -> list[LineItem]:
        if entry.source == "file":
            key = (entry.input, entry.food_id, entry.unit)
            if key in self._references:
                reference = self._references[key]
            else:
                reference = file_reference(entry, self.catalog)
                if len(self._references) < 200_000:
                    self._references[key] = reference
            return [from_file(entry, reference)]
        items = []
        parts, together = _expanded(entry, self.catalog)
        joined = together or _joined_guess(entry, parts)
        for part in parts:
            if (
                part.magnesium_mg is not None or part.each is not None or part.food_id is not None
                or self._supplement(part.input)
            ):  # fmt: skip
                item = self._measure(part)
            else:
                item = self._cached(part)
            if joined and item.confident:
                item = item.model_copy(update={"confident": False})
            elif not item.confident:
                self._doubt(item)
            items.append(item)
        if joined:
            self._split_doubt(items, entry.input, together)
        return _poured_in(items, parts, entry.input)

    def _room(self, key: str) -> bool:
        """Is a warning under this key new, and is there room to name it? Each key warns once; past
        MAX_DOUBTS, a doubt is only counted."""
        if key in self._warned:
            return False
        self._warned.add(key)
        if len(self.doubts) >= MAX_DOUBTS:
            self.more_doubts += 1
            return False
        return True

    def _split_doubt(self, items: list[LineItem], said: str, measured: bool = False) -> None:
        if self._room(f"{said}\x00split"):
            foods_read = " and ".join(f"{i.food_name} ({i.food_id})" for i in items)
            how = "the amount taken as the first one's" if measured else "each a typical portion"
            self.doubts.append(
                f"line {items[0].line}: {said!r} is no food of magcalc's: read as {foods_read}, {how},"
                " as a guess; if it is one dish, add it as your own food"
            )

    def _supplement(self, text: str) -> bool:
        found = self._forms.get(text)
        if found is None:
            found = self._forms[text] = find_form(text) is not None
        return found

    def _measure(self, part: Entry) -> LineItem:
        try:
            item = measure(part.model_copy(update={"input": self._food_words(part)}), self.catalog)
        except UnknownFood:
            if not self.keep_unknown:
                raise
            return _unknown_item(part)
        return item.model_copy(update={"input": part.input})

    def _cached(self, part: Entry) -> LineItem:
        """The same food words and unit measured once: every later row is arithmetic."""
        # a count is measured for its own number: '10 m&ms' are pieces where '2 m&ms' are pouches
        counted = part.unit is None or units.canonical_unit(part.unit) not in MASS_G | units.VOLUME_ML
        one = None if part.amount is None else part.amount if counted else 1.0
        key = (part.input if part.amount is None else self._food_words(part), part.unit, one)
        known = self._known.get(key)
        if known is None:
            try:
                known = self._measure(part.model_copy(update={"amount": one}))
            except MagcalcError as error:
                known = error
            if len(self._known) < 200_000:
                self._known[key] = known
        if isinstance(known, MagcalcError):
            raise known
        if known.kind == "supplement" or known.grams is None:
            return self._measure(part)
        update: dict[str, object] = {
            "line": part.line, "input": part.input, "date": part.date, "time": part.time, "meal": part.meal,
            "note": part.note, "entry_id": part.entry_id,
        }  # fmt: skip
        if part.amount is not None and one is not None:
            grams = units.checked_grams(part.amount / one * known.grams)
            mg = known.magnesium_mg
            update |= {"amount": part.amount, "grams": grams,
                       "magnesium_mg": None if mg is None else mg * part.amount / one}  # fmt: skip
        return known.model_copy(update=update)

    def _food_words(self, part: Entry) -> str:
        """_food_words(part), each distinct text parsed once: a long log repeats its foods."""
        if part.amount is None and part.unit is None:
            return part.input
        words = self._words.get(part.input)
        if words is None:
            words = food_words(part.input)
            if len(self._words) < 200_000:
                self._words[part.input] = words
        return words

    def _doubt(self, item: LineItem) -> None:
        if not self._room(f"{item.input}\x00{item.food_id}"):
            return
        if item.food_id is None:
            self.doubts.append(f"line {item.line}: {item.input!r} is not a food magcalc knows; "
                               "kept with unknown magnesium")  # fmt: skip
            return
        words = food_words(item.input)
        match = self.catalog.resolve(words)
        *rest, last = words.split()
        if match.incomplete and rest and item.unit and canonical_unit(last) == item.unit:
            match = self.catalog.resolve(words.rsplit(" ", 1)[0])  # counted by its last word
        doubt, alternatives = why_doubtful(item, match)
        alternatives = tuple(f for f in alternatives if f.food_id != item.food_id)  # never itself
        others = (
            "; other candidates: " + " | ".join(f"{f.description} ({f.food_id})" for f in alternatives[:3])
            if alternatives
            else ""
        )
        self.doubts.append(
            f"line {item.line}: {item.input!r} matched {item.food_name} ({item.food_id}) as a guess"
            f" ({doubt}){others}"
        )

    def warnings(self) -> list[str]:
        more = [f"... and {self.more_doubts:,} more doubtful matches"] if self.more_doubts else []
        return [*self.doubts, *more]


def _food_words(entry: Entry) -> str:
    return food_words(entry.input) if entry.amount is not None or entry.unit is not None else entry.input


def food_words(text: str) -> str:
    """The food words of what was typed ('2 eggs' -> 'eggs'), for matching."""
    try:
        parts = phrases.split(text)  # 'Coke, 1 bottle (20 oz)': 'Coke 20 oz'
        parsed = phrases.parse_one(parts[0] if len(parts) == 1 else text)
    except MagcalcError:
        return text
    if parsed.food.split(" ", 1)[0] in ("and", "or", "n"):
        return text  # 'half and half' is a food, not half of 'and half'
    if parsed.quantity is None and parsed.unit is None and (sized := _sized(text)) is not None:
        return sized.food  # 'fun size snickers', with a count of its own: snickers of that size
    return parsed.food


@lru_cache(maxsize=4096)  # every row of a log with a count in its own column asks: parsed once per text
def _sized(text: str) -> phrases.Phrase | None:
    """'fun size snickers', 'mini muffins': a food's name after a measure that only says its size."""
    try:
        sized = phrases.parse_one(f"1 {text}")
    except MagcalcError:
        return None
    size = sized.unit in phrases.SIZE_MEASURES or sized.unit in units.SIZES  # 'medium fries', 1
    return sized if size and sized.food else None


def _unknown_item(entry: Entry) -> LineItem:
    return LineItem(
        line=entry.line, input=entry.input, food_id=None, food_name="(unknown food)",
        amount=1.0 if entry.amount is None else entry.amount, unit=entry.unit, grams=None,
        magnesium_mg=entry.magnesium_mg, portion=None, date=entry.date, time=entry.time, meal=entry.meal,
        note=entry.note, entry_id=entry.entry_id, kind="food",
        source="file", confident=False, assumed=None,
    )  # fmt: skip


def measure_all(
    entries: Iterable[Entry], problems: Iterable[Problem] = (), *, catalog: Catalog | None = None
) -> list[LineItem]:
    """Every entry measured (a phrase may give several); see measure_entries."""
    return measure_entries(entries, catalog or Catalog(), problems)[0]


def measure_entries(
    entries: Iterable[Entry], catalog: Catalog, problems: Iterable[Problem] = (), keep_unknown: bool = False,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[LineItem], list[str]]:  # fmt: skip
    """Every entry measured (a phrase may give several), and a warning for each doubtful match; or
    one MagcalcError naming every line that could not be read (`problems`, from parsing) or measured.
    `progress` is told the number of entries done, every hundred."""
    items: list[LineItem] = []
    problems = list(problems)
    measurer = Measurer(catalog, keep_unknown)
    tally = Tally()
    for number, entry in enumerate(entries, start=1):
        if progress is not None and number % 100 == 0:
            progress(number)
        try:
            measured = measurer(entry)
        except MagcalcError as error:
            problems.extend(error.at_line(entry.line).problems)
            continue
        for item in measured:
            items.append(item)
            tally.add(item)
    problems += tally.date_problems()
    if problems:
        raise MagcalcError(*sorted(problems, key=lambda p: p.line or 0))
    return items, measurer.warnings()


def stream_report(
    rows: Iterable[Entry | Problem],
    target: Target,
    catalog: Catalog | None = None,
    on_item: Callable[[LineItem], None] | None = None,
    keep_unknown: bool = False,
    on_days: Callable[[Report, Iterator[DaySummary]], None] | None = None,
) -> Report:
    """A report over rows read one at a time, in bounded memory: each good row is measured, added
    to the sums and handed to `on_item` (until a problem is found); the report has no entries.
    Every problem (up to MAX_PROBLEMS, then a count) is raised together at the end.

    With `on_days`, the report's days are left out of it (a log over 100,000 dates would hold as
    many models) and handed to `on_days` with the report, one summary at a time."""
    measurer = Measurer(catalog, keep_unknown)
    tally = Tally()
    problems: list[Problem] = []
    more = 0

    def record(found: Iterable[Problem]) -> None:
        nonlocal more
        for problem in found:
            if len(problems) < MAX_PROBLEMS:
                problems.append(problem)
            else:
                more += 1

    for row in rows:
        if isinstance(row, Problem):
            record([row])
            continue
        try:
            items = measurer(row)
        except MagcalcError as error:
            record(error.at_line(row.line).problems)
            continue
        for item in items:
            tally.add(item)
            if on_item is not None and not problems:
                on_item(item)
    record(tally.date_problems())
    if problems:
        extra = [Problem(f"... and {more:,} more problems")] if more else []
        raise MagcalcError(*sorted(problems, key=lambda p: p.line or 0), *extra)
    report = tally.report(target, [], with_days=on_days is None)
    report.warnings.extend(measurer.warnings())
    if on_days is not None:
        on_days(report, tally.day_summaries(target))
    return report


def _percent(mg: float, target_mg: float) -> float:
    return 100 * mg / target_mg


@dataclass(slots=True)
class _Sums:  # one a day: slotted, so that 100,000 days stay small
    total: float = 0.0
    food: float = 0.0
    supplement: float = 0.0
    unknown: int = 0
    entries: int = 0

    def add(self, item: LineItem) -> None:
        self.entries += 1
        mg = item.magnesium_mg
        if mg is None:
            self.unknown += 1
            return
        self.total += mg
        if item.kind == "supplement":
            self.supplement += mg
        else:
            self.food += mg


class Tally:
    """Running sums of a log, row by row: everything a report needs without keeping the rows."""

    def __init__(self) -> None:
        self.all = _Sums()
        self.days: dict[dt.date, _Sums] = {}
        self.undated_lines: list[int] = []
        self.by_food: dict[tuple[str | None, str, str], float] = {}  # (id, name, source) -> mg
        self.doubtful = 0
        self.assumed = 0

    def add(self, item: LineItem) -> None:
        self.all.add(item)
        self.doubtful += not item.confident
        self.assumed += item.assumed is not None
        if item.magnesium_mg is not None:
            key = (item.food_id, item.food_name, item.source)
            self.by_food[key] = self.by_food.get(key, 0.0) + item.magnesium_mg
        if item.date is None:
            if len(self.undated_lines) < MAX_PROBLEMS:
                self.undated_lines.append(item.line)
            return
        day = self.days.get(item.date)
        if day is None:
            day = self.days[item.date] = _Sums()
        day.add(item)

    def date_problems(self) -> list[Problem]:
        """A log where some rows have a date must give every row one."""
        if not self.days or not self.undated_lines:
            return []
        return [Problem("no date, but other rows have one", line) for line in self.undated_lines]

    def day_summaries(self, target: Target) -> Iterator[DaySummary]:
        """Each day's summary, in date order, made one at a time."""
        ul = target.ul_supplement_mg
        for date in sorted(self.days):
            s = self.days[date]
            yield DaySummary(
                date=date, total_mg=s.total, complete=s.unknown == 0,
                percent_rda=_percent(s.total, target.rda_mg), entries=s.entries, food_mg=s.food,
                supplement_mg=s.supplement, over_ul=ul is not None and s.supplement > ul,
            )  # fmt: skip

    def report(self, target: Target, entries: list[LineItem], with_days: bool = True) -> Report:
        """The report of these sums; without its days (an empty list) unless `with_days`."""
        ul = target.ul_supplement_mg
        limit = math.inf if ul is None else ul
        over = [(day, s.supplement) for day, s in sorted(self.days.items()) if s.supplement > limit]
        days = list(self.day_summaries(target)) if with_days else []
        report = _report(entries, self.all, days, target, len(self.days), over)
        return report.model_copy(
            update={
                "doubtful_entries": self.doubtful,
                "assumed_entries": self.assumed,
                "sources": sources(self.by_food),
            }
        )


SOURCES_LISTED = 5  # the foods and groups a report names; the rest is "everything else"


def food_group(food_id: str | None, source: str) -> str:
    """The food group an entry's magnesium is counted under (USDA's groups for USDA foods)."""
    if source == "supplement":
        return "Supplements"
    if source == "user":
        return "Your foods and recipes"
    food = foods.get_food(food_id) if food_id else None
    return food.food_group if food is not None and food.food_group else "Values given in the file"


def sources(by_food: dict[tuple[str | None, str, str], float], limit: int = SOURCES_LISTED) -> Sources:
    """The foods and food groups that gave the most magnesium, each with its share of the total."""
    total = sum(by_food.values())
    groups: dict[str, float] = {}
    for (food_id, _name, source), mg in by_food.items():
        group = food_group(food_id, source)
        groups[group] = groups.get(group, 0.0) + mg

    def share(name: str, food_id: str | None, mg: float) -> SourceShare:
        return SourceShare(name=name, food_id=food_id, magnesium_mg=mg,
                           share_percent=100 * mg / total if total else 0.0)  # fmt: skip

    top_foods = sorted(by_food.items(), key=lambda kv: (-kv[1], kv[0][1]))[:limit]
    top_groups = sorted(groups.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return Sources(
        foods=[share(name, food_id, mg) for (food_id, name, _source), mg in top_foods],
        groups=[share(name, None, mg) for name, mg in top_groups],
    )


def day_totals(report: Report) -> list[DayTotal]:
    """Each day of a report as `add` shows it: the running total against the target."""
    return [
        DayTotal(
            date=day.date, total_mg=day.total_mg, complete=day.complete, entries=day.entries,
            rda_mg=report.rda_mg, percent_rda=day.percent_rda,
            remaining_mg=max(report.rda_mg - day.total_mg, 0.0), food_mg=day.food_mg,
            supplement_mg=day.supplement_mg, ul_supplement_mg=report.ul_supplement_mg, over_ul=day.over_ul,
        )
        for day in report.days
    ]  # fmt: skip


def build_report(items: list[LineItem], target: Target) -> Report:
    tally = Tally()
    for item in items:
        tally.add(item)
    return tally.report(target, items)


def _report(
    items: list[LineItem], sums: _Sums, days: list[DaySummary], target: Target, day_count: int,
    over: list[tuple[dt.date, float]],
) -> Report:  # fmt: skip
    """`days` may be left empty (a streamed report): `day_count` and `over` (each day above the
    UL, with its supplemental magnesium) carry what the totals need from them."""
    total, unknown, supplement = sums.total, sums.unknown, sums.supplement
    ul = target.ul_supplement_mg
    # Each day's supplements against the UL; a log without dates is one day.
    over_ul = bool(over) if day_count else (ul is not None and supplement > ul)
    average = total / max(day_count, 1)
    low, high, _source, trial_note = rda.rls_range()
    position: Literal["below", "within", "above"] = (
        "below" if average < low else "above" if average > high else "within"
    )
    notes, warnings = [], []
    if unknown:
        notes.append(
            f"{unknown} food(s) have no USDA magnesium value: the total counts only known values, "
            "so the real intake may be higher."
        )
    if target.is_default:
        notes.append(
            f"No person given: compared with {target.description}. "
            "Give --age and --sex (and --pregnant or --lactating) for yours."
        )
    if over_ul:
        warnings.append(_ul_warning(over, supplement, target))
    elif supplement and ul is None:
        notes.append(
            f"No upper limit for supplemental magnesium is set for {target.description}: "
            "supplements at this age belong under medical supervision."
        )
    elif supplement and ul is not None:
        notes.append(
            f"Supplemental magnesium is within the upper limit of {ul:g} mg a day "
            f"({target.standard.upper()}); the limit applies to supplements only, not to food."
        )
    notes.append(
        f"RLS trials have used {low:g}-{high:g} mg a day ({'; '.join(rda.rls_trials())}); "
        f"this {'daily average' if day_count > 1 else 'total'} of {average:,.0f} mg is {position} "
        "that range. "
        f"{trial_note} Amounts from supplements above the UL belong under medical supervision."
    )
    notes.append(NOT_ADVICE)
    return Report(
        entries=items,
        total_mg=total,
        food_mg=sums.food,
        supplement_mg=supplement,
        ul_supplement_mg=ul,
        over_ul=over_ul,
        complete=unknown == 0,
        unknown_entries=unknown,
        days=days,
        daily_average_mg=average,
        rda_mg=target.rda_mg,
        percent_rda=_percent(average, target.rda_mg),
        remaining_mg=max(target.rda_mg - average, 0.0),
        reference=target,
        rls_trial_range_mg=(low, high),
        rls_position=position,
        rls_trials=rda.rls_trials(),
        food_source=foods.SOURCE,
        warnings=warnings,
        notes=notes,
    )


def _ul_warning(over: list[tuple[dt.date, float]], supplement: float, target: Target) -> str:
    safety = supplements.safety()
    ul = target.ul_supplement_mg or 0.0
    if over:
        days = ", ".join(f"{date} ({mg:,.0f} mg)" for date, mg in over)
        amount = f"Supplemental magnesium is above the upper limit (UL) of {ul:g} mg a day on {days},"
    else:
        amount = (
            f"Supplemental magnesium of {supplement:,.0f} mg is above the upper limit (UL) of {ul:g} mg "
            "a day,"
        )
    return (
        f"{amount} the UL for {target.description} "
        f"({target.standard.upper()}; the UL is for supplements, not food). "
        f"Common side effects above it: {safety['side_effects']}. {safety['kidneys']} "
        f"Known interactions: {safety['interactions']}. Such amounts belong under medical supervision; "
        "talk to a clinician."
    )


@dataclass(frozen=True)
class CheckResult:
    passed: bool
    bar_mg: float
    bar_name: str
    message: str


def check(report: Report, minimum: str) -> CheckResult:
    """Does every day of the report reach the bar ('rda', 'rls' or a number of mg)?

    A total that misses unknown values is a lower bound: it can pass, but a shortfall is
    reported as possibly incomplete.
    """
    bar, name = _bar(minimum, report.rda_mg)
    days = [(str(d.date), d.total_mg, d.complete) for d in report.days] or [
        ("the log", report.total_mg, report.complete)
    ]
    short = [(label, total, complete) for label, total, complete in days if total < bar]
    if not short:
        if len(days) == 1:
            message = f"ok: {days[0][1]:.0f} mg reaches {bar:g} mg ({name})"
        else:
            message = f"ok: all {len(days)} days reach {bar:g} mg ({name})"
        return CheckResult(True, bar, name, message)
    details = ", ".join(
        f"{label} {total:.0f} mg{'' if complete else ' (incomplete)'}" for label, total, complete in short
    )
    if len(days) == 1:
        message = f"short: {details} is below {bar:g} mg ({name})"
    else:
        message = f"short: {len(short)} of {len(days)} days below {bar:g} mg ({name}): {details}"
    return CheckResult(False, bar, name, message)


def check_supplement(report: Report, maximum: str) -> CheckResult:
    """Is supplemental magnesium at or below the bar ('ul' or a number of mg) on every day?"""
    word = maximum.strip().lower()
    if word == "ul":
        if report.ul_supplement_mg is None:
            raise MagcalcError(
                f"no upper limit is set for {report.reference.description}; give a number of mg"
            )
        bar, name = report.ul_supplement_mg, f"UL, {report.reference.standard.upper()}"
    else:
        bar, name = _bar(word, report.rda_mg)[0], "given"
    days = [(str(d.date), d.supplement_mg) for d in report.days] or [("the log", report.supplement_mg)]
    over = [(label, mg) for label, mg in days if mg > bar]
    if not over:
        return CheckResult(True, bar, name, f"ok: supplemental magnesium within {bar:g} mg ({name})")
    details = ", ".join(f"{label} {mg:,.0f} mg" for label, mg in over)
    return CheckResult(
        False, bar, name, f"over: supplemental magnesium {details} is above {bar:g} mg ({name})"
    )


def _bar(minimum: str, rda_mg: float) -> tuple[float, str]:
    word = minimum.strip().lower()
    if word == "rda":
        return rda_mg, "RDA"
    if word == "rls":
        low, _high, _source, _note = rda.rls_range()
        return low, "low end of the RLS trial range"
    try:
        value = float(word.removesuffix("mg").strip())
    except ValueError:
        raise MagcalcError(f"--min takes rda, rls or a number of mg, not {minimum!r}") from None
    if not value > 0 or value == float("inf"):
        raise MagcalcError(f"--min must be a positive number of mg, not {minimum!r}")
    return value, "given"
