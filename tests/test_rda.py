"""Reference values: every life stage of the IOM table, the UL, and impossible people."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from magcalc.errors import PersonError
from magcalc.models import Sex, State
from magcalc.rda import check_person, table_rows, target, ul_supplement_mg

# (age, sex, state, expected mg, kind) for every cell of ../shared/reference/magnesium.md
TABLE = [
    (0.2, "female", "none", 30, "AI"), (0.2, "male", "none", 30, "AI"),
    (0.5, "female", "none", 30, "AI"), (7 / 12, "female", "none", 75, "AI"), (0.9, "male", "none", 75, "AI"),
    (1, "female", "none", 80, "RDA"), (3.9, "male", "none", 80, "RDA"),
    (4, "female", "none", 130, "RDA"), (8, "male", "none", 130, "RDA"),
    (9, "female", "none", 240, "RDA"), (13, "male", "none", 240, "RDA"),
    (14, "male", "none", 410, "RDA"), (18, "female", "none", 360, "RDA"),
    (16, "female", "pregnant", 400, "RDA"), (16, "female", "lactating", 360, "RDA"),
    (19, "male", "none", 400, "RDA"), (30, "female", "none", 310, "RDA"),
    (25, "female", "pregnant", 350, "RDA"), (25, "female", "lactating", 310, "RDA"),
    (31, "male", "none", 420, "RDA"), (50, "female", "none", 320, "RDA"),
    (40, "female", "pregnant", 360, "RDA"), (40, "female", "lactating", 320, "RDA"),
    (51, "male", "none", 420, "RDA"), (90, "female", "none", 320, "RDA"),
]  # fmt: skip


@pytest.mark.parametrize(("age", "sex", "state", "mg", "kind"), TABLE)
def test_every_life_stage(age: float, sex: Sex, state: State, mg: float, kind: str) -> None:
    found = target(check_person(age, sex, state))
    assert (found.rda_mg, found.kind) == (mg, kind)
    assert "Institute of Medicine (1997)" in found.source


@pytest.mark.parametrize(
    ("age", "ul"), [(0.5, None), (1, 65), (3, 65), (4, 110), (8, 110), (9, 350), (70, 350)]
)
def test_supplement_upper_limit_by_age(age: float, ul: float | None) -> None:
    assert ul_supplement_mg(age) == ul


def test_table_has_every_cell_with_a_source() -> None:
    rows = table_rows()
    assert len(rows) == 2 * 9 + 2 * 3
    assert all(row.source for row in rows)
    assert {row.life_stage for row in rows} >= {"0-6 months", "51+ years"}


def test_no_person_uses_the_highest_adult_rda_and_says_so() -> None:
    found = target(check_person(None, None, "none"))
    assert found.is_default and found.rda_mg == 420
    assert "highest adult RDA" in found.description


def test_sex_is_not_needed_before_14() -> None:
    assert target(check_person(10, None, "none")).rda_mg == 240


def test_pregnancy_implies_female() -> None:
    assert target(check_person(25, None, "pregnant")).rda_mg == 350


@pytest.mark.parametrize(
    ("age", "sex", "state", "fragment"),
    [
        (-1, None, "none", "between 0 and 120"),
        (121, "female", "none", "between 0 and 120"),
        (float("nan"), "female", "none", "between 0 and 120"),
        (30, "male", "pregnant", "females only"),
        (30, "male", "lactating", "females only"),
        (60, "female", "pregnant", "14-18 years, 19-30 years, 31-50 years"),
        (10, "female", "lactating", "14-18 years, 19-30 years, 31-50 years"),
        (None, "female", "none", "give --age"),
        (40, None, "none", "give --sex"),
    ],
)
def test_impossible_people_are_refused(
    age: float | None, sex: Sex | None, state: State, fragment: str
) -> None:
    with pytest.raises(PersonError, match=fragment):
        target(check_person(age, sex, state))


@given(st.floats(min_value=0, max_value=120), st.sampled_from(["female", "male"]))
def test_any_valid_age_has_a_value(age: float, sex: Sex) -> None:
    found = target(check_person(age, sex, "none"))
    assert 30 <= found.rda_mg <= 420
