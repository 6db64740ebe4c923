"""Reference intakes by life stage, from data/rda.yaml. Pure lookups over the loaded table."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from pydantic import BaseModel

from magcalc.errors import PersonError
from magcalc.models import Person, Sex, State, Target
from magcalc.resources import yaml_data

MIN_AGE, MAX_AGE = 0.0, 120.0
_STATES: dict[str, State] = {"pregnant": "pregnant", "lactating": "lactating"}
_STATE_WORD = {"none": "", "pregnant": ", pregnant", "lactating": ", lactating"}


class TableRow(BaseModel):
    """One cell of the reference table: a life stage for one sex and state."""

    standard: str
    life_stage: str
    min_age_years: float
    max_age_years: float | None
    sex: Sex
    state: State
    kind: str
    rda_mg: float
    ul_supplement_mg: float | None
    ul_from_age_years: float | None  # set when the UL starts inside the life stage
    source: str


@cache
def _data() -> dict[str, Any]:
    return yaml_data("rda.yaml")


def standards() -> list[str]:
    return list(_data()["standards"])


def _standard(name: str) -> dict[str, Any]:
    try:
        found: dict[str, Any] = _data()["standards"][name]
    except KeyError:
        raise PersonError(f"unknown standard {name!r}; known: {', '.join(standards())}") from None
    return found


def rls_trials() -> list[str]:
    """The trials behind the RLS range, named (author, year, journal)."""
    return [str(t) for t in _data()["rls_trials"]["trials"]]


def rls_range() -> tuple[float, float, str, str]:
    rls = _data()["rls_trials"]
    return float(rls["low_mg"]), float(rls["high_mg"]), str(rls["source"]), str(rls["note"])


def _in(row: dict[str, Any], age: float) -> bool:
    upper = row["max_age_years"]
    return bool(row["min_age_years"] <= age and (upper is None or age < upper))


def ul_supplement_mg(age: float, standard: str = "iom") -> float | None:
    for row in _standard(standard)["upper_limits"]:
        if _in(row, age):
            value = row["ul_supplement_mg"]
            return None if value is None else float(value)
    return None


def check_person(age: float | None, sex: Sex | None, state: State) -> Person:
    """Validate what was given about the person; pregnancy or lactation implies female."""
    if age is not None and (not math.isfinite(age) or not MIN_AGE <= age <= MAX_AGE):
        raise PersonError(f"the age must be between {MIN_AGE:g} and {MAX_AGE:g} years, not {age:g}")
    if state != "none":
        if sex == "male":
            raise PersonError(f"{state} applies to females only; drop --sex male or --{state}")
        sex = "female"
    if age is None and (sex is not None or state != "none"):
        raise PersonError("give --age too: the reference intake depends on age")
    return Person(age=age, sex=sex, state=state)


def target(person: Person, standard: str = "iom") -> Target:
    """The reference intake for `person`; with no age given, the highest adult RDA, said so."""
    table = _standard(standard)
    if person.age is None:
        default = _data()["default_person"]
        found = target(Person(age=default["age"], sex=default["sex"]), standard)
        description = str(default["description"]).format(rda_mg=found.rda_mg, kind=found.kind)
        return found.model_copy(update={"is_default": True, "description": description})
    age = person.age
    row = next((r for r in table["intakes"] if _in(r, age)), None)
    if row is None:
        first = min(r["min_age_years"] for r in table["intakes"])
        raise PersonError(
            f"the {standard.upper()} table sets no value below {_age_words(first)} (age {age:g} years); "
            "try --standard iom"
        )
    if person.sex is None and row["male"] != row["female"]:
        raise PersonError(f"give --sex too: at age {age:g} the reference intake differs by sex")
    sex: Sex = person.sex or "female"
    column = sex if person.state == "none" else person.state
    if column not in row:
        raise PersonError(
            f"the {standard.upper()} table has no {person.state} value for age {age:g} "
            f"(it covers {person.state} in: {', '.join(_stages_with(table, column))})"
        )
    who = person.sex or "person"
    return Target(
        standard=standard,
        life_stage=row["life_stage"],
        sex=person.sex if person.sex else None,
        state=person.state,
        kind=row["kind"],
        rda_mg=float(row[column]),
        ul_supplement_mg=ul_supplement_mg(age, standard),
        source=table["source"],
        ul_source=table["ul_source"],
        description=f"{who}, {age:g} years{_STATE_WORD[person.state]} ({row['life_stage']})",
    )


def _ul_start(table: dict[str, Any], row: dict[str, Any]) -> float:
    """The age from which the UL that ends the life stage applies (a UL may start inside a stage:
    the EU's 250 mg from age 4, in EFSA's 3-<10 years)."""
    start = float(row["min_age_years"])
    for limit in table["upper_limits"]:
        inside = start < limit["min_age_years"] and (
            row["max_age_years"] is None or limit["min_age_years"] < row["max_age_years"]
        )
        if inside:
            start = float(limit["min_age_years"])
    return start


def _stages_with(table: dict[str, Any], column: str) -> list[str]:
    return [str(row["life_stage"]) for row in table["intakes"] if column in row]


def table_rows(standard: str = "iom") -> list[TableRow]:
    """Every value of the standard's table, one row per life stage, sex and state."""
    table = _standard(standard)
    rows = []
    for row in table["intakes"]:
        ul_age = _ul_start(table, row)
        for column in ("male", "female", "pregnant", "lactating"):
            if column not in row:
                continue
            rows.append(
                TableRow(
                    standard=standard,
                    life_stage=row["life_stage"],
                    min_age_years=row["min_age_years"],
                    max_age_years=row["max_age_years"],
                    sex="male" if column == "male" else "female",
                    state=_STATES.get(column, "none"),
                    kind=row["kind"],
                    rda_mg=float(row[column]),
                    ul_supplement_mg=ul_supplement_mg(ul_age, standard),
                    ul_from_age_years=ul_age if ul_age != row["min_age_years"] else None,
                    source=table["source"],
                )
            )
    return rows


def _age_words(years: float) -> str:
    """An age as the tables say it: months for infants (7/12 years is '7 months')."""
    return f"{round(years * 12)} months" if years < 1 else f"{years:g} years"
