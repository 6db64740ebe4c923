"""Typed values that cross module boundaries. Field order is the JSON key order (a contract)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Bounds on every stored or read number: finite, never negative, and far above anything real, so
# that sums stay finite (a diary or file someone else wrote may hold NaN, -5000 or 9e999).
MAX_AMOUNT = 1e9
MAX_MG = 1e9
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
Amount = Annotated[float, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False)]
Milligrams = Annotated[float, Field(ge=0, le=MAX_MG, allow_inf_nan=False)]

NOT_ADVICE = "magcalc informs; it does not prescribe. Not medical advice."
Sex = Literal["female", "male"]
State = Literal["none", "pregnant", "lactating"]


class Person(BaseModel):
    """Who the report is for; None fields mean 'not given'."""

    model_config = ConfigDict(frozen=True)

    age: float | None = Field(default=None, ge=0, le=120)
    sex: Sex | None = None
    state: State = "none"


class Target(BaseModel):
    """The reference intake that a day is compared with, and where it comes from."""

    standard: str
    life_stage: str
    sex: Sex | None
    state: State
    kind: Literal["RDA", "AI"]
    rda_mg: float
    ul_supplement_mg: float | None
    source: str
    ul_source: str
    is_default: bool = False
    description: str


# Where an entry's magnesium comes from: a bundled USDA table, the person's own food, magcalc's
# supplement table, or the file it was read from (an export that states its own values).
Source = Literal["usda-sr28", "usda-fndds-2021-2023", "user", "supplement", "file"]


class Entry(BaseModel):
    """One row of a food log as typed, before the food is looked up."""

    line: int
    input: str
    amount: float | None  # None: not given ('banana', or a phrase in the food cell: '2 eggs')
    unit: str | None
    date: dt.date | None = None
    time: str | None = None
    meal: str | None = None
    note: str | None = None
    food_id: str | None = None  # a USDA id given in the file (an export): used instead of matching
    magnesium_mg: float | None = None  # given in the file (an export, Cronometer): kept as given
    entry_id: str | None = None  # a diary id given in the file (an export)
    each: str | None = None  # for capsules and tablets: how much each holds ('100 mg')
    source: Source | None = None  # given in the file (an export): "file" keeps its values as they are


class LineItem(BaseModel):
    """One row of the report: the entry, the food it matched, grams and magnesium.

    `confident` is False when the match is a guess (the food's head word is missing, or a close
    second candidate exists); `assumed` says in words what amount was assumed (no amount or unit
    given), else None. `food_id` is None for a row whose values come from its file alone."""

    line: int
    input: str
    food_id: str | None
    food_name: str
    amount: Amount
    unit: str | None
    grams: Amount | None  # None: the weight is unknown (a file row naming no food magcalc knows)
    magnesium_mg: Milligrams | None
    portion: str | None
    date: dt.date | None = None
    time: str | None = None
    meal: str | None = None
    note: str | None = None
    entry_id: str | None = None  # the diary's id for the entry; null for a file log
    kind: Literal["food", "supplement"] = "food"
    source: Source = "usda-sr28"
    confident: bool = True
    assumed: str | None = None


class SourceShare(BaseModel):
    """A food or a food group, and the magnesium it gave: `share_percent` of the known total."""

    name: str
    food_id: str | None  # None for a food group
    magnesium_mg: float
    share_percent: float


class Sources(BaseModel):
    """Where the magnesium came from: the foods and the food groups that gave the most."""

    foods: list[SourceShare]
    groups: list[SourceShare]


class DaySummary(BaseModel):
    date: dt.date
    total_mg: float
    complete: bool
    percent_rda: float
    entries: int
    food_mg: float
    supplement_mg: float
    over_ul: bool


class Report(BaseModel):
    """A food log measured against a target. Totals are sums of known values; `complete` says
    whether every entry had a known magnesium value."""

    entries: list[LineItem]
    total_mg: float
    food_mg: float
    supplement_mg: float  # elemental magnesium from supplements (all days)
    ul_supplement_mg: float | None  # the person's UL for supplemental magnesium, a day
    over_ul: bool  # supplemental magnesium above the UL (on any day)
    complete: bool
    unknown_entries: int
    days: list[DaySummary]
    daily_average_mg: float
    rda_mg: float
    percent_rda: float
    remaining_mg: float
    reference: Target
    rls_trial_range_mg: tuple[float, float]
    rls_position: Literal["below", "within", "above"]  # the daily average against that range
    rls_trials: list[str]
    food_source: str
    warnings: list[str]
    notes: list[str]
    doubtful_entries: int = 0  # entries whose food match is a guess (LineItem.confident False)
    assumed_entries: int = 0  # entries whose amount was assumed (LineItem.assumed set)
    sources: Sources = Field(default_factory=lambda: Sources(foods=[], groups=[]))


class PortionView(BaseModel):
    amount: Amount
    description: str
    grams: Amount
    magnesium_mg: Milligrams | None


class FoodView(BaseModel):
    """One food with all its USDA measures, as `foods show` prints it."""

    food_id: str
    food_name: str
    food_group: str
    magnesium_mg_per_100g: float | None
    kcal_per_100g: float | None
    survey: bool
    common_names: str
    source: str  # usda-sr28, usda-fndds-2021-2023 or user
    citation: str  # the table and the food's id in it
    portions: list[PortionView]


class SearchHit(BaseModel):
    """One ranked match of `foods search`, with magnesium for a common portion."""

    rank: int
    food_id: str
    food_name: str
    food_group: str
    source: str
    magnesium_mg_per_100g: float | None
    portion: PortionView | None
    matches_all_words: bool


class DayTotal(BaseModel):
    """A day's total against the target: what `add` prints after storing an entry."""

    date: dt.date
    total_mg: float
    complete: bool
    entries: int
    rda_mg: float
    percent_rda: float
    remaining_mg: float
    food_mg: float
    supplement_mg: float
    ul_supplement_mg: float | None
    over_ul: bool


class Added(BaseModel):
    """What `magcalc add` stored, and the running total of each day it touched."""

    added: list[LineItem]
    days: list[DayTotal]
    reference: Target


class HistoryDay(BaseModel):
    """One calendar day of the history; a day with no entries is not logged, not 0 mg."""

    date: dt.date
    logged: bool
    total_mg: float | None
    complete: bool | None
    entries: int
    percent_rda: float | None
    met: bool | None
    food_mg: float | None = None
    supplement_mg: float | None = None
    over_ul: bool | None = None


class History(BaseModel):
    start: dt.date
    end: dt.date
    days: list[HistoryDay]
    days_logged: int
    days_met: int
    average_mg: float | None  # over the logged days
    streak_days: int  # consecutive days met, ending at the last day (an unmet last day is skipped)
    rda_mg: float
    reference: Target
    notes: list[str]
    sources: Sources = Field(default_factory=lambda: Sources(foods=[], groups=[]))


class Profile(BaseModel):
    """The stored person, and the reference intake it gives."""

    person: Person | None
    standard: str
    diary: str
    reference: Target | None


class Imported(BaseModel):
    """What `magcalc import` did with a file: every row read is either added or already present."""

    kind: str  # what the file was recognised as: 'magcalc log', 'Cronometer servings export', ...
    rows_read: int
    imported: int  # entries added
    already_present: int  # rows already in the diary (imported before), or days it already covers
    unknown_magnesium: int  # entries added whose magnesium is unknown (a blank cell)
    days_covered: int  # distinct dates among the rows read
    first_date: dt.date | None
    last_date: dt.date | None
    daily_totals_replaced: int  # daily-summary entries removed because servings now cover their day


class TopFood(BaseModel):
    """One row of `foods top`: a food rich in magnesium, with a portion people eat."""

    rank: int
    food_id: str
    food_name: str
    food_group: str
    magnesium_mg_per_100g: float
    kcal_per_100g: float | None
    mg_per_100kcal: float | None
    portion: PortionView
    portion_kcal: float | None


class SuggestedFood(BaseModel):
    food_id: str
    food_name: str
    food_group: str
    portion: PortionView
    kcal: float
    mg_per_100kcal: float


class Suggestion(BaseModel):
    """Foods that would close the gap between a day's total and the target."""

    total_mg: float
    target_mg: float
    gap_mg: float
    items: list[SuggestedFood]
    suggested_mg: float
    suggested_kcal: float
    closes_gap: bool
    notes: list[str]


class UserFood(BaseModel):
    """A user's own food or recipe, stored in the diary."""

    food_id: str = Field(pattern=r"^user/[^/\s]+$")  # user/<name>: never empty, so it round-trips
    name: str = Field(min_length=1, max_length=200)
    kind: Literal["food", "recipe"]
    magnesium_mg_per_100g: float = Field(ge=0, le=5_000, allow_inf_nan=False)
    kcal_per_100g: float | None = Field(default=None, ge=0, le=10_000, allow_inf_nan=False)
    portions: list[PortionView]
    servings: float | None = Field(default=None, gt=0, le=MAX_AMOUNT, allow_inf_nan=False)
    weight_g: float | None = Field(default=None, gt=0, le=MAX_AMOUNT, allow_inf_nan=False)
    ingredients: list[str] = Field(default_factory=list)
    origin: str  # where the values come from: 'as given' or the recipe's ingredients
    added_on: dt.date

    @field_validator("food_id", "name", "origin")
    @classmethod
    def _no_control(cls, text: str) -> str:
        """A food's words come from files (imports, diaries): no control or escape characters."""
        if _CONTROL.search(text):
            raise ValueError("control characters or escape sequences are not allowed")
        return text

    @field_validator("portions")
    @classmethod
    def _portions_plain(cls, portions: list[PortionView]) -> list[PortionView]:
        for portion in portions:
            cls._no_control(portion.description)
        return portions
