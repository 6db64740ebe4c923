"""The command line through Typer's CliRunner: formats, JSON keys, exit codes, errors on stderr."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest

from tests.conftest import Run

SPINACH_ALMONDS = "food,amount,unit\nspinach cooked,1,cup\nalmonds,1,oz\n"
WOMAN_40 = ("--age", "40", "--sex", "female")

ENTRY_KEYS = ["line", "input", "food_id", "food_name", "amount", "unit", "grams", "magnesium_mg", "portion",
              "date", "time", "meal", "note", "entry_id", "kind", "source", "confident", "assumed"]  # fmt: skip
REPORT_KEYS = ["entries", "total_mg", "food_mg", "supplement_mg", "ul_supplement_mg", "over_ul", "complete",
               "unknown_entries", "days", "daily_average_mg", "rda_mg", "percent_rda", "remaining_mg", "reference",
               "rls_trial_range_mg", "rls_position", "rls_trials", "food_source", "warnings", "notes",
               "doubtful_entries", "assumed_entries", "sources"]  # fmt: skip


def test_log_json_from_stdin(run: Run) -> None:
    report = run.json("log", "-", *WOMAN_40, input=SPINACH_ALMONDS)
    assert list(report) == REPORT_KEYS
    assert [list(e) for e in report["entries"]] == [ENTRY_KEYS, ENTRY_KEYS]
    assert report["total_mg"] == pytest.approx(233, abs=3)
    assert report["rda_mg"] == 320
    assert report["complete"] is True
    assert report["percent_rda"] == pytest.approx(report["total_mg"] / 320 * 100, abs=0.1)
    assert [e["food_id"] for e in report["entries"]] == ["11458", "12061"]
    assert report["entries"][0]["grams"] == 180


def test_log_from_a_file(run: Run, log_file: Callable[[str], str]) -> None:
    report = run.json("log", log_file(SPINACH_ALMONDS), *WOMAN_40)
    assert report["total_mg"] == pytest.approx(233, abs=3)


def test_unknown_magnesium_is_null_in_json(run: Run) -> None:
    report = run.json("log", "-", input="food,amount,unit\n02075,1,tsp\n")
    assert report["entries"][0]["magnesium_mg"] is None
    assert report["complete"] is False


def test_days_in_json(run: Run) -> None:
    report = run.json(
        "log", "-", input="date,food,amount\n2026-11-20,almonds,1 oz\n2026-11-21,almonds,2 oz\n"
    )
    assert [(d["date"], d["total_mg"]) for d in report["days"]] == [
        ("2026-11-20", pytest.approx(76.5, abs=0.1)),
        ("2026-11-21", pytest.approx(153.1, abs=0.1)),
    ]
    assert list(report["days"][0]) == ["date", "total_mg", "complete", "percent_rda", "entries", "food_mg",
                                       "supplement_mg", "over_ul"]  # fmt: skip


def test_log_table_shows_input_match_total_rda_and_rls_note(run: Run) -> None:
    result = run("log", "-", *WOMAN_40, input=SPINACH_ALMONDS)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for text in ("spinach cooked", "Spinach, cooked, boiled", "(11458)", "Total 233 mg: 73% of the 320 mg RDA",
                 "87 mg to go", "300-600 mg", "Not medical advice"):  # fmt: skip
        assert text in out, text
    assert "\x1b[" not in out  # NO_COLOR


def test_log_without_person_says_which_reference(run: Run) -> None:
    result = run("log", "-", input=SPINACH_ALMONDS)
    assert result.exit_code == 0
    assert "highest adult RDA" in result.stdout and "magcalc profile set" in result.stdout


def test_log_csv(run: Run) -> None:
    result = run("log", "-", "--format", "csv", input=SPINACH_ALMONDS)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["food_id"] for r in rows] == ["11458", "12061"]
    assert float(rows[0]["magnesium_mg"]) == pytest.approx(156.6)


@pytest.mark.parametrize(
    ("stdin", "fragment"),
    [
        ("food,amount,unit\nzzqqxx,1,cup\n", "line 2: unknown food 'zzqqxx'"),
        ("food,amount,unit\nalmonds,1,furlong\n", "line 2: 'furlong' is not a unit"),
        ("food,amount,unit\nalmonds,-2,oz\n", "line 2: the amount must be more than 0"),
        ("food,amount,unit\nalmonds,0,oz\n", "line 2: the amount must be more than 0"),
        ("food,amount,unit\nalmonds,many,oz\n", "line 2: the amount 'many' is not a number"),
        ('food,amount,unit\n"almonds,1,oz\n', "line 2: a quote"),
        ("", "the log is empty"),
        ("food,amount,unit\nqwxyzzy,2,\n", "line 2: unknown food"),
    ],
)
def test_bad_input_exits_2_with_one_line_on_stderr(run: Run, stdin: str, fragment: str) -> None:
    result = run("log", "-", input=stdin)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"magcalc: error: {fragment}" in result.stderr
    assert "Traceback" not in result.output


def test_binary_file_is_refused(run: Run, tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "photo.jpg"  # type: ignore[operator]
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    result = run("log", str(path))
    assert result.exit_code == 2 and "not CSV text" in result.stderr and result.stdout == ""


def test_missing_file(run: Run) -> None:
    result = run("log", "no-such-log.csv")
    assert result.exit_code == 2
    assert "magcalc: error: cannot read no-such-log.csv" in result.stderr


def test_all_bad_lines_are_reported_and_no_report_is_printed(run: Run) -> None:
    result = run("log", "-", input="food,amount,unit\nzzqqxx,1,cup\nalmonds,1,oz\nmilk,-1,cup\n")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("magcalc: error: line") == 2


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--age", "300", "--sex", "male"), "between 0 and 120"),
        (("--age", "-1"), "between 0 and 120"),
        (("--age", "30", "--sex", "male", "--pregnant"), "females only"),
        (("--age", "30", "--sex", "female", "--pregnant", "--lactating"), "not both"),
        (("--sex", "female"), "give --age"),
    ],
)
def test_impossible_person_exits_2(run: Run, args: tuple[str, ...], fragment: str) -> None:
    result = run("log", "-", *args, input=SPINACH_ALMONDS)
    assert result.exit_code == 2 and fragment in result.stderr


@pytest.mark.parametrize(
    ("minimum", "stdin", "code", "word"),
    [
        ("rda", SPINACH_ALMONDS, 1, "short"),
        ("rls", "almonds,4,oz\n", 0, "ok"),
        ("200", SPINACH_ALMONDS, 0, "ok"),
        ("250", SPINACH_ALMONDS, 1, "short"),
    ],
)
def test_check_exit_codes(run: Run, minimum: str, stdin: str, code: int, word: str) -> None:
    result = run("check", "-", "--min", minimum, *WOMAN_40, input=stdin)
    assert result.exit_code == code, result.output
    assert result.stdout.startswith(word) and result.stdout.count("\n") == 1


def test_check_bad_usage_exits_2(run: Run) -> None:
    assert run("check", "-", "--min", "lots", input=SPINACH_ALMONDS).exit_code == 2
    assert run("check", "-", input="zzqqxx,1,g\n").exit_code == 2


def test_rda_one_value_json(run: Run) -> None:
    value = run.json("rda", "--age", "40", "--sex", "female")
    assert value["rda_mg"] == 320 and value["kind"] == "RDA" and value["ul_supplement_mg"] == 350
    assert "Institute of Medicine" in value["source"]


def test_rda_infant_is_an_ai(run: Run) -> None:
    value = run.json("rda", "--age", "0.75")
    assert (value["rda_mg"], value["kind"], value["ul_supplement_mg"]) == (75, "AI", None)


def test_rda_table(run: Run) -> None:
    rows = run.json("rda")
    assert len(rows) == 24 and {"rda_mg", "kind", "ul_supplement_mg", "source"} <= set(rows[0])
    table = run("rda")
    assert table.exit_code == 0 and "51+ years" in table.stdout and "Institute of Medicine" in table.stdout
    assert run("rda", "--format", "csv").stdout.startswith("life_stage,sex,state,kind,rda_mg")


def test_foods_search_json(run: Run) -> None:
    hits = run.json("foods", "search", "pumpkin", "seeds", "--limit", "3")
    assert len(hits) == 3
    assert {"food_id", "food_name", "magnesium_mg_per_100g", "portion"} <= set(hits[0])
    assert hits[0]["food_id"] in {"12014", "12016", "43101050", "43101100", "43101150"}
    assert hits[0]["source"] in {"usda-sr28", "usda-fndds-2021-2023"}
    assert hits[0]["portion"]["description"].startswith("oz")


def test_foods_search_table_and_nothing_found(run: Run) -> None:
    assert "Nuts, almonds" in run("foods", "search", "almonds").stdout
    missing = run("foods", "search", "zzqqxx")
    assert missing.exit_code == 2 and "no USDA food matches" in missing.stderr


def test_foods_show_json_has_portions_with_grams(run: Run) -> None:
    food = run.json("foods", "show", "11458")
    assert food["food_id"] == "11458" and food["magnesium_mg_per_100g"] == 87
    assert food["portions"] == [{"amount": 1, "description": "cup", "grams": 180, "magnesium_mg": 156.6}]
    assert food["source"] == "usda-sr28" and "Release 28" in food["citation"] and "11458" in food["citation"]


def test_foods_show_unknown_id(run: Run) -> None:
    result = run("foods", "show", "99999")
    assert result.exit_code == 2 and "no USDA food has the id 99999" in result.stderr


def test_foods_show_table_with_unknown_magnesium(run: Run) -> None:
    result = run("foods", "show", "02075")
    assert result.exit_code == 0 and "Magnesium: unknown" in result.stdout


def test_version(run: Run) -> None:
    """The same line from Typer's --version and from the installed command's shortcut (which
    answers before Typer is imported)."""
    from magcalc import __version__

    from .test_entrypoint import magcalc

    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"magcalc {__version__}\n"
    installed = magcalc("--version")
    assert (installed.returncode, installed.stdout, installed.stderr) == (0, result.stdout, "")


def test_unknown_format_is_usage_error(run: Run) -> None:
    assert run("rda", "--format", "xml").exit_code == 2


def test_json_is_valid_for_every_command(run: Run) -> None:
    for args in (("rda",), ("foods", "show", "12061"), ("foods", "search", "milk")):
        result = run(*args, "--format", "json")
        json.loads(result.stdout)
