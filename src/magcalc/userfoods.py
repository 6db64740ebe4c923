"""A user's own foods and recipes: parsed, computed and turned into foods beside USDA's. Pure."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence

from pydantic import ValidationError

from magcalc.errors import MagcalcError, UnitError
from magcalc.foods import USER_PREFIX, Food, Portion
from magcalc.models import LineItem, PortionView, UserFood
from magcalc.units import MASS_G, canonical_unit, parse_amount

MAX_MG_PER_100G = 5_000.0  # more than any food: pure magnesium salts are supplements, not foods


def key(name: str) -> str:
    """How names are compared: case, spacing and punctuation do not matter."""
    return " ".join(re.findall(r"\w+|%", name.lower()))


def slug(name: str) -> str:
    """The id of a food named `name`: never just 'user/' (a name like '%' has no word in it)."""
    words = "-".join(re.findall(r"\w+", name.lower()))[:60]
    if not words:
        import hashlib

        words = "food-" + hashlib.sha256(key(name).encode()).hexdigest()[:8]
    return USER_PREFIX + words


def check_name(name: str) -> str:
    from magcalc.logfile import check_text

    cleaned = " ".join(name.split())
    check_text("name", cleaned)
    if not key(cleaned):
        raise MagcalcError("the name is empty: give the food a name with letters or digits")
    if len(cleaned) > 200:
        raise MagcalcError(f"the name is longer than 200 characters ({len(cleaned)})")
    return cleaned


def parse_measure(text: str) -> Portion:
    """'1 bar=45 g', '2 slices = 60 g', '1 cup=8 oz' -> a measure with its weight."""
    from magcalc.logfile import check_text

    check_text("measure", text)  # typed or imported: no escape sequences stored
    if "=" not in text:
        raise UnitError(f"the measure {text!r} needs its weight, like '1 bar=45 g'")
    left, right = (part.strip() for part in text.split("=", 1))
    amount, name = parse_amount(left)
    if not name:
        raise UnitError(f"the measure {text!r} needs a name before '=', like '1 bar=45 g'")
    weight, unit = parse_amount(right)
    mass = canonical_unit(unit or "")
    if mass not in MASS_G:
        raise UnitError(f"the weight in {text!r} must be in g, kg, oz or lb, not {unit or 'no unit'!r}")
    return Portion(seq=0, amount=amount, description=" ".join(name.split()), grams=weight * MASS_G[mass])


def check_value(value: float, what: str) -> float:
    if not math.isfinite(value) or value < 0:
        raise MagcalcError(f"{what} must be 0 or more, not {value:g}")
    return value + 0.0


def per_100g(mg_per_100g: float | None, mg_per_serving: float | None, serving: Portion | None) -> float:
    """Magnesium per 100 g from either form the user gives."""
    if (mg_per_100g is None) == (mg_per_serving is None):
        raise MagcalcError(
            "give --mg-per-100g, or --mg-per-serving with --serving '1 bar=45 g' (one of them)"
        )
    if mg_per_100g is not None:
        value = check_value(mg_per_100g, "--mg-per-100g")
    else:
        assert mg_per_serving is not None
        if serving is None:
            raise MagcalcError("--mg-per-serving needs --serving, like --serving '1 bar=45 g'")
        value = check_value(mg_per_serving, "--mg-per-serving") * 100 / serving.grams * serving.amount
    if value > MAX_MG_PER_100G:
        raise MagcalcError(f"{value:,.0f} mg per 100 g is more than any food; log a supplement as one")
    return value


def food(record: UserFood) -> Food:
    """The record as a food the log, the diary and search use beside USDA's."""
    kind = "your recipe" if record.kind == "recipe" else "your food"
    return Food(
        food_id=record.food_id,
        description=record.name,
        food_group="Your recipes" if record.kind == "recipe" else "Your foods",
        magnesium_mg_per_100g=record.magnesium_mg_per_100g,
        kcal_per_100g=record.kcal_per_100g,
        survey=False,
        common_names="",
        manufacturer="",
        portions=tuple(
            Portion(seq, p.amount, p.description, p.grams) for seq, p in enumerate(record.portions, start=1)
        ),
        origin=f"{kind}, added {record.added_on}: {record.origin}",
        table="user",
    )


def portion_views(portions: Sequence[Portion], mg_per_100g: float) -> list[PortionView]:
    return [
        PortionView(
            amount=p.amount,
            description=p.description,
            grams=p.grams,
            magnesium_mg=mg_per_100g * p.grams / 100,
        )
        for p in portions
    ]


def recipe(
    name: str, items: Sequence[LineItem], servings: float | None, weight_g: float | None, today: dt.date
) -> UserFood:
    """A recipe from measured ingredients: magnesium per 100 g of the dish (cooked weight when
    given, else the ingredients' weight) and per serving."""
    if servings is None and weight_g is None:
        raise MagcalcError(
            "give --servings N (or --weight, the cooked weight) so a portion can be worked out"
        )
    if servings is not None and not (math.isfinite(servings) and servings > 0):
        raise MagcalcError(f"--servings must be more than 0, not {servings:g}")
    unknown = [item for item in items if item.magnesium_mg is None]
    if unknown:
        raise MagcalcError(
            *(f"line {i.line}: {i.food_name} has no USDA magnesium value, so the recipe's would be unknown; "
              "use another food for it" for i in unknown)
        )  # fmt: skip
    weightless = [item for item in items if item.grams is None]
    if weightless and weight_g is None:
        raise MagcalcError(
            *(f"line {i.line}: the weight of {i.input!r} is unknown; give --weight, the recipe's weight"
              for i in weightless)
        )  # fmt: skip
    total_mg = sum(item.magnesium_mg or 0.0 for item in items)
    raw_g = sum(item.grams or 0.0 for item in items)
    weight = raw_g if weight_g is None else weight_g
    if not weight > 0:
        raise MagcalcError("the recipe weighs nothing")
    kcals = [_kcal(item) for item in items]
    kcal_per_100g = None if any(k is None for k in kcals) else sum(k or 0.0 for k in kcals) * 100 / weight
    portions = [Portion(0, 1, "recipe", weight)]
    if servings is not None:
        portions.insert(0, Portion(0, 1, "serving", weight / servings))
    mg_per_100g = total_mg * 100 / weight
    basis = "the cooked weight" if weight_g is not None else "the ingredients' weight"
    return UserFood(
        food_id=slug(name),
        name=name,
        kind="recipe",
        magnesium_mg_per_100g=mg_per_100g,
        kcal_per_100g=kcal_per_100g,
        portions=portion_views(portions, mg_per_100g),
        servings=servings,
        weight_g=weight,
        ingredients=[
            f"{i.amount:g} {i.unit or ''} {i.input} ({i.food_id}): {i.magnesium_mg:.1f} mg" for i in items
        ],
        origin=f"{len(items)} ingredients, {total_mg:.1f} mg in all, per 100 g of {basis} ({weight:,.0f} g); "
        "ingredient values from USDA SR28",
        added_on=today,
    )


def _kcal(item: LineItem) -> float | None:
    from magcalc.foods import get_food

    found = get_food(item.food_id) if item.food_id else None
    if found is None or found.kcal_per_100g is None or item.grams is None:
        return None if item.kind == "food" else 0.0
    return found.kcal_per_100g * item.grams / 100


def read_export(data: bytes) -> list[UserFood]:
    """The records of a `foods export` (JSON, or CSV with portions as '1 bar=45 g; 1 cup=240 g')."""
    import csv
    import io
    import json

    from magcalc.logfile import unguard

    text = data.decode("utf-8-sig", errors="replace").strip()
    try:
        if text.startswith("["):
            records = []
            for number, row in enumerate(json.loads(text), start=1):
                try:
                    records.append(UserFood.model_validate(row))
                except ValidationError as error:
                    raise MagcalcError(f"record {number}: {invalid(error)}") from None
            return records
        records = []
        reader = csv.DictReader(io.StringIO(text))
        if not {"name", "magnesium_mg_per_100g"} <= set(reader.fieldnames or ()):
            raise MagcalcError("not a magcalc foods export: it needs the columns name, magnesium_mg_per_100g")
        for line, raw in enumerate(reader, start=2):
            row = {name: unguard(cell or "") for name, cell in raw.items() if isinstance(name, str)}
            try:
                measures = [
                    parse_measure(part) for part in (row.get("portions") or "").split(";") if part.strip()
                ]
                value = check_value(float(row["magnesium_mg_per_100g"]), "magnesium_mg_per_100g")
                kcal = row.get("kcal_per_100g") or None
                records.append(
                    UserFood(
                        food_id=row.get("food_id") or slug(row["name"]),
                        name=check_name(row["name"]),
                        kind="recipe" if row.get("kind") == "recipe" else "food",
                        magnesium_mg_per_100g=value,
                        kcal_per_100g=None if kcal is None else check_value(float(kcal), "kcal_per_100g"),
                        portions=portion_views(measures, value),
                        origin=row.get("origin") or "values as given by the user",
                        added_on=dt.date.fromisoformat(row.get("added_on") or dt.date.today().isoformat()),
                    )
                )
            except ValidationError as error:
                raise MagcalcError(f"line {line}: {invalid(error)}") from None
            except (KeyError, ValueError, TypeError, MagcalcError) as error:
                raise MagcalcError(f"line {line}: {error}") from None
        return records
    except json.JSONDecodeError as error:
        raise MagcalcError(f"not a magcalc foods export: {error}") from None
    except ValidationError as error:
        raise MagcalcError(f"not a magcalc foods export: {invalid(error)}") from None


def invalid(error: ValidationError) -> str:
    """A Pydantic error in one line: each field at fault and why."""
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in error.errors())


def export_rows(records: Sequence[UserFood]) -> list[list[str]]:
    def measures(record: UserFood) -> str:
        return "; ".join(f"{p.amount:g} {p.description}={p.grams:g} g" for p in record.portions)

    return [
        [r.food_id, r.name, r.kind, repr(r.magnesium_mg_per_100g), "" if r.kcal_per_100g is None else
         repr(r.kcal_per_100g), measures(r), r.origin, r.added_on.isoformat()]
        for r in records
    ]  # fmt: skip


EXPORT_COLUMNS = [
    "food_id",
    "name",
    "kind",
    "magnesium_mg_per_100g",
    "kcal_per_100g",
    "portions",
    "origin",
    "added_on",
]
