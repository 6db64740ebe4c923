"""Magnesium supplements: forms from data/supplements.yaml, elemental fractions computed from
their formulas, names as people type them, and amounts -> elemental magnesium. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from magcalc.errors import UnitError
from magcalc.resources import yaml_data

ID_PREFIX = "supplement/"  # a diary entry's food_id for a supplement: supplement/glycinate
MAX_ELEMENTAL_MG = 50_000.0  # in one entry; more is a typo
_MASS_MG = {"mg": 1.0, "g": 1000.0, "mcg": 0.001}
_MASS_SPELLINGS = {
    **dict.fromkeys(["mg", "mgs", "milligram", "milligrams"], "mg"),
    **dict.fromkeys(["g", "gram", "grams", "gm"], "g"),
    **dict.fromkeys(["mcg", "µg", "ug", "microgram", "micrograms"], "mcg"),
}
_PIECES = (
    r"capsules?|caps?|tablets?|tabs?|softgels?|caplets?|pills?|gumm(?:y|ies)|scoops?|sachets?|servings?|"
    r"lozenges?|chewables?|sticks?|packets?"
)
_COMPOUND_WORDS = {"compound", "salt"}
_EXTRA_WORDS = {"supplement", "supplements", "capsule", "capsules", "tablet", "tablets", "powder", "pills"}


@dataclass(frozen=True, slots=True)
class Form:
    form_id: str
    name: str
    formula: str
    names: tuple[str, ...]
    absorption: str
    elemental_fraction: float  # computed from the formula

    @property
    def food_id(self) -> str:
        return ID_PREFIX + self.form_id


@dataclass(frozen=True, slots=True)
class Dose:
    """What a supplement entry amounts to."""

    elemental_mg: float
    compound_grams: float
    description: str  # how it was worked out: '500 mg compound x 60.3 % = 301.5 mg elemental'


@cache
def _data() -> dict[str, Any]:
    return yaml_data("supplements.yaml")


def atomic_weights() -> dict[str, float]:
    return {element: float(weight) for element, weight in _data()["atomic_weights"].items()}


def composition(formula: str) -> dict[str, float]:
    """Atoms per formula unit: 'MgCl2·6H2O' -> {Mg: 1, Cl: 2, H: 12, O: 6}."""
    total: dict[str, float] = {}
    for part_number, part in enumerate(re.split(r"[·.]", formula)):
        multiplier = 1.0
        if part_number:  # a hydrate: '6H2O'
            lead = re.match(r"\d+", part)
            if lead:
                multiplier, part = float(lead[0]), part[lead.end() :]
        stack: list[dict[str, float]] = [{}]
        position = 0
        while position < len(part):
            element = re.match(r"([A-Z][a-z]?)(\d*)", part[position:])
            if element:
                stack[-1][element[1]] = stack[-1].get(element[1], 0.0) + float(element[2] or 1)
                position += element.end()
            elif part[position] == "(":
                stack.append({})
                position += 1
            elif part[position] == ")":
                closing = re.match(r"\)(\d*)", part[position:])
                assert closing is not None
                group = stack.pop()
                if not stack:
                    raise ValueError(f"unbalanced ')' in {formula!r}")
                for name, count in group.items():
                    stack[-1][name] = stack[-1].get(name, 0.0) + count * float(closing[1] or 1)
                position += closing.end()
            else:
                raise ValueError(f"cannot read {part[position:]!r} in the formula {formula!r}")
        if len(stack) != 1:
            raise ValueError(f"unbalanced '(' in {formula!r}")
        for name, count in stack[0].items():
            total[name] = total.get(name, 0.0) + count * multiplier
    return total


def elemental_fraction(formula: str) -> float:
    """The share of a compound's weight that is magnesium, from its formula and atomic weights."""
    weights = atomic_weights()
    atoms = composition(formula)
    unknown = sorted(set(atoms) - set(weights))
    if unknown:
        raise ValueError(f"no atomic weight for {', '.join(unknown)} in {formula!r}")
    mass = sum(weights[element] * count for element, count in atoms.items())
    return weights["Mg"] * atoms.get("Mg", 0.0) / mass


@cache
def forms() -> dict[str, Form]:
    """Every form by id, the elemental pseudo-form ('magnesium' alone) first."""
    data = _data()
    elemental = data["elemental"]
    found = {
        "elemental": Form("elemental", elemental["name"], "Mg", tuple(elemental["names"]),
                          "the amount is elemental magnesium", 1.0)
    }  # fmt: skip
    for row in data["forms"]:
        found[row["id"]] = Form(
            form_id=row["id"],
            name=row["name"],
            formula=row["formula"],
            names=(row["name"].lower(), *row["names"]),
            absorption=row["absorption"],
            elemental_fraction=elemental_fraction(row["formula"]),
        )
    return found


def _normalise(text: str) -> str:
    words = re.sub(r"[\s,;:/()\-]+", " ", text.lower()).split()
    while len(words) > 1 and words[-1] in _EXTRA_WORDS:
        words.pop()
    return " ".join(words)


@cache
def _names() -> dict[str, Form]:
    names: dict[str, Form] = {}
    for form in forms().values():
        for name in (form.form_id.replace("-", " "), *form.names):
            key = _normalise(name)
            names.setdefault(key, form)
            if key.startswith("magnesium "):
                rest = key.removeprefix("magnesium ")
                for prefix in ("mag ", "mg "):
                    names.setdefault(prefix + rest, form)
    return names


def find_form(text: str) -> Form | None:
    """The supplement form that `text` names ('mag glycinate', 'Epsom salt', 'magnesium'), or None
    when it names a food."""
    if (food_id := text.strip().lower()).startswith(ID_PREFIX):
        return forms().get(food_id.removeprefix(ID_PREFIX))
    return _names().get(_normalise(text))


def _mass_unit(word: str) -> str | None:
    return _MASS_SPELLINGS.get(word.strip().lower().rstrip("."))


_STRENGTH = re.compile(
    r"\(?\s*(?:of\s+)?(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>[a-zµ]+)\.?(?:\s+(?P<what>compound|salt|elemental))?"
    r"(?:\s+each)?\s*\)?",
    re.IGNORECASE,
)


def dose(form: Form, amount: float, unit: str | None, each: str | None = None) -> Dose:
    """Elemental magnesium in `amount` `unit` of `form`.

    'mg' (or g, mcg) is elemental magnesium, as Supplement Facts labels state it; 'mg compound'
    is the weight of the compound, converted by the form's elemental fraction; 'capsule' and the
    like need how much each one holds ('capsule (100 mg each)', or `each`).
    """
    what = _label(form)
    if not unit or not unit.strip():
        raise UnitError(
            f"give a unit for {what}: mg (elemental, as on the label), mg compound, "
            "or capsule/tablet with how much each holds"
        )
    text = " ".join(unit.lower().split())
    words = text.split(" ")
    mass = _mass_unit(words[0])
    if mass and (len(words) == 1 or (len(words) == 2 and words[1] in {*_COMPOUND_WORDS, "elemental"})):
        compound = len(words) == 2 and words[1] in _COMPOUND_WORDS
        return _dose(form, amount * _MASS_MG[mass], compound, f"{_num(amount)} {mass}")
    piece = re.fullmatch(rf"(?P<piece>{_PIECES})\b\s*(?P<rest>.*)", text)
    if piece is None:
        raise UnitError(
            f"{unit!r} is not a unit for {what}: use mg (elemental, as on the label), mg compound, "
            "or capsule/tablet with how much each holds, e.g. 'capsule (100 mg each)'"
        )
    strength_text = piece["rest"] or (each or "")
    strength = _STRENGTH.fullmatch(strength_text.strip()) if strength_text.strip() else None
    strength_unit = _mass_unit(strength["unit"]) if strength else None
    if strength is None or strength_unit is None:
        if strength_text.strip():
            raise UnitError(
                f"cannot read how much each {piece['piece']} holds from {strength_text.strip()!r}"
            )
        raise UnitError(
            f"{_num(amount)} {piece['piece']} of {what}: say how much magnesium each one holds, "
            f"e.g. '{piece['piece']} (100 mg each)' or an 'each' of '100 mg' ('100 mg compound' for the salt)"
        )
    each_mg = float(strength["value"]) * _MASS_MG[strength_unit]
    compound = (strength["what"] or "").lower() in _COMPOUND_WORDS
    return _dose(form, amount * each_mg, compound, f"{_num(amount)} {piece['piece']} x {_num(each_mg)} mg")


def _dose(form: Form, mg: float, compound: bool, how: str) -> Dose:
    if compound:
        elemental = mg * form.elemental_fraction
        percent = 100 * form.elemental_fraction
        description = f"{how} compound x {percent:.1f} % magnesium = {_num(elemental)} mg elemental"
        grams = mg / 1000
    else:
        elemental = mg
        description = f"{how} elemental magnesium"
        grams = mg / 1000 / form.elemental_fraction
    if not elemental > 0 or elemental > MAX_ELEMENTAL_MG:
        raise UnitError(f"{_num(elemental)} mg of magnesium in one entry is not a plausible supplement dose")
    return Dose(elemental_mg=elemental, compound_grams=grams, description=description)


def _label(form: Form) -> str:
    return "magnesium" if form.form_id == "elemental" else form.name


def _num(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def safety() -> dict[str, str]:
    return {key: str(value) for key, value in _data()["safety"].items()}


def sources() -> dict[str, str]:
    data = _data()
    return {key: str(data[key]) for key in ("atomic_weights_source", "formula_source", "absorption_source")}
