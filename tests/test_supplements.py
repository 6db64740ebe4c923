"""Supplements: forms and their elemental fractions, names, doses, the UL by age and standard,
the report's split of food and supplement, warnings, and check --max-supplement."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from magcalc import rda
from magcalc.errors import PersonError, UnitError
from magcalc.models import Person
from magcalc.supplements import composition, dose, elemental_fraction, find_form, forms

from .conftest import Run

# ../shared/reference/magnesium.md, section 4 (Mg % by weight), cross-checked with Pardo et al. 2020.
REFERENCE_PERCENT = {
    "oxide": 60.3, "hydroxide": 41.7, "carbonate": 28.8, "chloride": 25.5, "chloride-hexahydrate": 12.0,
    "sulfate": 20.2, "sulfate-heptahydrate": 9.9, "citrate": 11.3, "trimagnesium-dicitrate": 16.2,
    "lactate": 12.0, "gluconate": 5.9, "glycinate": 14.1, "malate": 15.5, "l-threonate": 8.3,
    "taurate": 8.9, "orotate": 7.3, "aspartate": 8.4,
}  # fmt: skip
MAN_40 = ("--age", "40", "--sex", "male")


def test_every_form_of_the_reference_is_shipped() -> None:
    assert set(forms()) == {"elemental", *REFERENCE_PERCENT}


@pytest.mark.parametrize(("form_id", "percent"), sorted(REFERENCE_PERCENT.items()))
def test_elemental_fraction_computed_from_the_formula_matches_the_reference(form_id: str, percent: float) -> None:
    assert 100 * forms()[form_id].elemental_fraction == pytest.approx(percent, abs=0.2)


@pytest.mark.parametrize(
    ("formula", "atoms"),
    [
        ("MgO", {"Mg": 1, "O": 1}),
        ("Mg(OH)2", {"Mg": 1, "O": 2, "H": 2}),
        ("MgCl2·6H2O", {"Mg": 1, "Cl": 2, "H": 12, "O": 6}),
        ("MgSO4.7H2O", {"Mg": 1, "S": 1, "O": 11, "H": 14}),
        ("Mg3(C6H5O7)2", {"Mg": 3, "C": 12, "H": 10, "O": 14}),
    ],
)
def test_formula_composition(formula: str, atoms: dict[str, float]) -> None:
    assert composition(formula) == atoms


@pytest.mark.parametrize("formula", ["Mg(OH", "MgOH)2", "Mg$O", "MgXy2"])
def test_unreadable_formulas_are_refused(formula: str) -> None:
    with pytest.raises(ValueError):
        elemental_fraction(formula)


@pytest.mark.parametrize(
    ("typed", "form_id"),
    [
        ("magnesium glycinate", "glycinate"), ("mag glycinate", "glycinate"), ("Magnesium Bisglycinate", "glycinate"),
        ("Mg citrate", "citrate"), ("magnesium citrate capsules", "citrate"), ("epsom salt", "sulfate-heptahydrate"),
        ("Epsom Salts", "sulfate-heptahydrate"), ("magnesium oxide", "oxide"), ("milk of magnesia", "hydroxide"),
        ("magnesium l-threonate", "l-threonate"), ("magnesium", "elemental"), ("elemental magnesium", "elemental"),
        ("magnesium chloride", "chloride-hexahydrate"), ("supplement/malate", "malate"), ("glycinate", "glycinate"),
    ],
)  # fmt: skip
def test_supplement_names_as_people_type_them(typed: str, form_id: str) -> None:
    found = find_form(typed)
    assert found is not None and found.form_id == form_id


@pytest.mark.parametrize("typed", ["almonds", "spinach cooked", "citrus fruit", "magnesium rich trail mix", "salt"])
def test_foods_are_not_supplements(typed: str) -> None:
    assert find_form(typed) is None


GLYCINATE = forms()["glycinate"]
OXIDE = forms()["oxide"]


def test_doses() -> None:
    assert dose(GLYCINATE, 200, "mg").elemental_mg == 200
    assert dose(GLYCINATE, 0.2, "g").elemental_mg == pytest.approx(200)
    assert dose(GLYCINATE, 200, "mg elemental").elemental_mg == 200
    oxide = dose(OXIDE, 500, "mg compound")
    assert oxide.elemental_mg == pytest.approx(301.5, abs=0.1) and oxide.compound_grams == 0.5
    assert "60.3 %" in oxide.description
    assert dose(GLYCINATE, 2, "capsule (100 mg each)").elemental_mg == 200
    assert dose(GLYCINATE, 2, "capsules", each="100 mg").elemental_mg == 200
    assert dose(OXIDE, 1, "tablet", each="500 mg compound").elemental_mg == pytest.approx(301.5, abs=0.1)


@pytest.mark.parametrize(
    ("unit", "each", "message"),
    [
        (None, None, "give a unit for magnesium glycinate"),
        ("capsule", None, "say how much magnesium each one holds"),
        ("tablet", "lots", "cannot read how much each tablet holds"),
        ("cup", None, "is not a unit for magnesium glycinate"),
        ("mg", None, "not a plausible supplement dose"),
    ],
)
def test_dose_errors_say_what_is_missing(unit: str | None, each: str | None, message: str) -> None:
    amount = 1e9 if unit == "mg" else 2
    with pytest.raises(UnitError, match=message):
        dose(GLYCINATE, amount, unit, each)


@given(st.floats(min_value=0.001, max_value=10_000), st.sampled_from(sorted(REFERENCE_PERCENT)))
def test_compound_and_elemental_agree(mg: float, form_id: str) -> None:
    form = forms()[form_id]
    compound = dose(form, mg, "mg compound")
    assert compound.elemental_mg == pytest.approx(mg * form.elemental_fraction)
    back = dose(form, compound.elemental_mg, "mg")
    assert back.compound_grams == pytest.approx(mg / 1000)


@pytest.mark.parametrize(
    ("age", "standard", "ul"),
    [
        (0.5, "iom", None), (1, "iom", 65), (3.9, "iom", 65), (4, "iom", 110), (8, "iom", 110), (9, "iom", 350),
        (40, "iom", 350), (90, "iom", 350), (2, "efsa", None), (3.9, "efsa", None), (4, "efsa", 250),
        (40, "efsa", 250),
    ],
)  # fmt: skip
def test_upper_limit_by_age_and_standard(age: float, standard: str, ul: float | None) -> None:
    assert rda.ul_supplement_mg(age, standard) == ul


@pytest.mark.parametrize(
    ("age", "sex", "state", "value"),
    [
        (40, "female", "none", 300), (40, "male", "none", 350), (15, "female", "none", 250),
        (15, "male", "none", 300), (5, "female", "none", 230), (0.7, "male", "none", 80),
        (30, "female", "pregnant", 300), (30, "female", "lactating", 300),
    ],
)  # fmt: skip
def test_efsa_adequate_intakes(age: float, sex: str, state: str, value: float) -> None:
    target = rda.target(Person(age=age, sex=sex, state=state), "efsa")  # type: ignore[arg-type]
    assert target.rda_mg == value and target.kind == "AI" and "EFSA" in target.source


def test_efsa_has_no_value_for_young_infants() -> None:
    with pytest.raises(PersonError, match="sets no value below 7 months"):
        rda.target(Person(age=0.2, sex="male"), "efsa")


def test_done_when_over_and_under_the_ul(run: Run) -> None:
    over = run("log", "-", *MAN_40, "--format", "json", input="food,amount,unit\nalmonds,1,oz\nmagnesium glycinate,400,mg\n")
    assert over.exit_code == 0
    report = json.loads(over.stdout)
    assert report["supplement_mg"] == 400 and report["food_mg"] == pytest.approx(77, abs=1)
    assert report["ul_supplement_mg"] == 350 and report["over_ul"] is True
    assert [e["kind"] for e in report["entries"]] == ["food", "supplement"]
    assert report["warnings"] and "magcalc: warning: Supplemental magnesium of 400 mg" in over.stderr
    for fragment in ("diarrhoea", "kidney", "bisphosphonates", "tetracycline", "quinolone", "diuretics",
                     "proton-pump"):  # fmt: skip
        assert fragment in report["warnings"][0]
    under = run("log", "-", *MAN_40, "--format", "json", input="food,amount,unit\nalmonds,1,oz\nmagnesium glycinate,200,mg\n")
    assert json.loads(under.stdout)["over_ul"] is False and json.loads(under.stdout)["warnings"] == []
    assert "warning" not in under.stderr


def test_oxide_as_compound(run: Run) -> None:
    report = run.json("log", "-", input="magnesium oxide,500,mg compound\n")
    assert report["supplement_mg"] == pytest.approx(302, abs=1)
    assert "500 mg compound x 60.3 %" in report["entries"][0]["portion"]


def test_capsules_with_and_without_strength(run: Run) -> None:
    report = run.json("log", "-", input="magnesium glycinate,2,capsule,100 mg each\n")
    assert report["supplement_mg"] == 200
    with_header = run.json("log", "-", input="food,amount,unit,each\nmag citrate,3,tablet,50 mg\n")
    assert with_header["supplement_mg"] == 150
    missing = run("log", "-", input="food,amount,unit\nmag citrate,2,tablet\n")
    assert missing.exit_code == 2
    assert "line 2: 2 tablet of magnesium citrate (1:1): say how much magnesium each one holds" in missing.stderr


def test_ul_depends_on_age_and_standard_in_the_report(run: Run) -> None:
    child = run.json("log", "-", "--age", "6", "--sex", "female", input="magnesium,120,mg\n")
    assert child["ul_supplement_mg"] == 110 and child["over_ul"] is True
    eu = run.json("log", "-", *MAN_40, "--standard", "efsa", input="magnesium,300,mg\n")
    assert eu["ul_supplement_mg"] == 250 and eu["over_ul"] is True and eu["rda_mg"] == 350
    us = run.json("log", "-", *MAN_40, input="magnesium,300,mg\n")
    assert us["over_ul"] is False


def test_food_never_counts_toward_the_ul(run: Run) -> None:
    report = run.json("log", "-", *MAN_40, input="pumpkin seeds roasted,4,oz\n")
    assert report["food_mg"] > 350 and report["supplement_mg"] == 0 and report["over_ul"] is False


def test_each_day_is_held_to_the_ul(run: Run) -> None:
    log = "food,amount,unit,date\nmagnesium,200,mg,2026-11-01\nmagnesium,200,mg,2026-11-02\nmagnesium,200,mg,2026-11-02\n"
    report = run.json("log", "-", *MAN_40, input=log)
    assert [d["over_ul"] for d in report["days"]] == [False, True]
    assert "on 2026-11-02 (400 mg), the UL for " in report["warnings"][0]


def test_rls_context_is_named_and_positioned(run: Run) -> None:
    report = run.json("log", "-", *MAN_40, input="almonds,1,oz\n")
    assert report["rls_position"] == "below" and report["rls_trial_range_mg"] == [300, 600]
    assert any("Hornyak" in t for t in report["rls_trials"]) and any("Gorantla" in t for t in report["rls_trials"])
    assert any("medical supervision" in note for note in report["notes"])


def test_check_max_supplement(run: Run) -> None:
    over = run("check", "-", "--max-supplement", "ul", *MAN_40, input="magnesium glycinate,400,mg\n")
    assert over.exit_code == 1 and "above 350 mg (UL, IOM)" in over.stdout
    under = run("check", "-", "--max-supplement", "ul", *MAN_40, input="magnesium glycinate,200,mg\n")
    assert under.exit_code == 0, under.output  # only the supplement bar: the RDA is not asked
    both = run("check", "-", "--max-supplement", "ul", "--min", "rda", *MAN_40, input="magnesium glycinate,200,mg\n")
    assert both.exit_code == 1 and "short" in both.stdout
    numeric = run("check", "-", "--max-supplement", "150", *MAN_40, input="magnesium,200,mg\n")
    assert numeric.exit_code == 1
    infant = run("check", "-", "--max-supplement", "ul", "--age", "0.5", "--sex", "male", input="magnesium,20,mg\n")
    assert infant.exit_code == 2 and "no upper limit" in infant.stderr


def test_supplements_command(run: Run) -> None:
    listed = run.json("supplements")
    by_id = {f["form_id"]: f for f in listed["forms"]}
    assert by_id["oxide"]["elemental_percent"] == pytest.approx(60.3, abs=0.05)
    assert by_id["oxide"]["formula"] == "MgO" and "absorbed" in by_id["oxide"]["absorption"]
    assert "Pardo" in listed["sources"]["formula_source"]
    table = run("supplements")
    assert table.exit_code == 0 and "Epsom" in table.stdout
    assert run("supplements", "--format", "csv").stdout.startswith("form_id,name,formula,elemental_percent")


def test_rda_standard_efsa(run: Run) -> None:
    rows = run.json("rda", "--standard", "efsa")
    assert {r["standard"] for r in rows} == {"efsa"}
    assert run.json("rda", "--standard", "efsa", "--age", "40", "--sex", "female")["rda_mg"] == 300
    assert "250 from age 4" in run("rda", "--standard", "efsa").stdout


def test_supplements_in_the_diary_with_the_profile_standard(run: Run) -> None:
    assert run("profile", "set", "--age", "40", "--sex", "male", "--standard", "efsa").exit_code == 0
    added = run("add", "magnesium citrate", "2", "capsule", "--each", "150 mg", "--format", "json")
    assert added.exit_code == 0, added.output
    result = json.loads(added.stdout)
    assert result["added"][0]["kind"] == "supplement" and result["added"][0]["magnesium_mg"] == 300
    assert result["days"][0]["over_ul"] is True and result["days"][0]["ul_supplement_mg"] == 250
    assert "magcalc: warning:" in added.stderr
    report = run.json("log")
    assert report["reference"]["standard"] == "efsa" and report["supplement_mg"] == 300
    assert run.json("log", "--standard", "iom")["over_ul"] is False
    exported = run("export").stdout
    assert "supplement/citrate" in exported and "capsule (150 mg each)" in exported
    assert run.json("log", "-", input=exported)["supplement_mg"] == 300
    assert run.json("profile", "show")["standard"] == "efsa"


@pytest.mark.parametrize("phrase", ["magnesium citrate 2 capsules", "2 magnesium citrate capsules"])
def test_a_supplement_dose_in_one_phrase(run: Run, phrase: str) -> None:
    added = run("add", phrase, "--each", "150 mg", "--format", "json")  # it was an unknown food
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout)["added"][0]["magnesium_mg"] == 300
