"""The diary commands: add, log/check on the diary, rm, edit, undo, profile, history, export, import."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from magcalc import render
from magcalc.catalog import Catalog
from magcalc.diary import open_diary
from magcalc.exchange import import_entries, measure_rows
from magcalc.logfile import parse_log_text
from magcalc.models import Entry
from magcalc.paths import diary_path
from magcalc.report import measure_all, measure_entries

from .conftest import Run
from .test_entrypoint import MAGCALC

TODAY = dt.date.today()
YESTERDAY = TODAY - dt.timedelta(days=1)
FIXTURES = Path(__file__).parent / "fixtures"


def ids_of(run: Run, *args: str) -> list[str]:
    return [e["entry_id"] for e in run.json("log", *args)["entries"]]


def test_done_when_profile_add_log_history(run: Run) -> None:
    assert run("profile", "set", "--age", "40", "--sex", "female").exit_code == 0
    first = run("add", "spinach cooked", "1", "cup")
    assert first.exit_code == 0, first.output
    assert "157 mg of 320 mg" in first.stdout
    second = run("add", "almonds", "1", "oz")
    assert "233 mg of 320 mg" in second.stdout and "73%" in second.stdout
    report = run.json("log")
    assert [e["input"] for e in report["entries"]] == ["spinach cooked", "almonds"]
    assert all(len(e["entry_id"]) == 6 for e in report["entries"])
    assert report["total_mg"] == pytest.approx(233, abs=1)
    assert report["rda_mg"] == 320
    assert report["reference"]["is_default"] is False
    chart = run("history", "--days", "7")
    assert chart.exit_code == 0
    assert "│" in chart.stdout and "▒" in chart.stdout
    assert len(re.findall(r"^\d{4}-\d\d-\d\d +not logged", chart.stdout, re.M)) == 6


def test_the_diary_is_not_created_by_reading_commands(run: Run) -> None:
    for args in (["log"], ["history"], ["export"], ["profile", "show"]):
        assert run(*args).exit_code == 0
    assert run("check").exit_code == 1
    assert not diary_path().parent.exists()


def test_add_prints_the_entry_and_running_total_as_json(run: Run) -> None:
    result = run.json("add", "almonds", "1", "oz", "--age", "40", "--sex", "male", "--meal", "snack",
                      "--time", "9:30", "--note", "=1+1")  # fmt: skip
    [entry] = result["added"]
    assert entry["meal"] == "snack" and entry["time"] == "09:30" and entry["note"] == "=1+1"
    assert entry["date"] == str(TODAY)
    [day] = result["days"]
    assert day["rda_mg"] == 420 and day["total_mg"] == pytest.approx(76.5, abs=0.1)


def test_add_amount_with_unit_and_fractions(run: Run) -> None:
    run("add", "almonds", "1/2", "oz")
    run("add", "almonds", "14g")
    grams = [e["grams"] for e in run.json("log")["entries"]]
    assert grams == pytest.approx([14.17, 14.0], abs=0.01)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add"], "say what you ate"),
        (["add", "almonds", "1", "oz", "--date", "2026-02-30"], "--date takes YYYY-MM-DD"),
        (["add", "almonds", "1", "oz", "--time", "25:00"], "is not a time"),
        (["add", "zorblax", "1", "oz"], "unknown food"),
        (["add", "almonds", "1", "parsec"], "not a unit"),
        (["add", "almonds", "0", "oz"], "more than 0"),
        (["add", "almonds", "30g", "oz"], "the unit is given twice"),
    ],
)
def test_add_refuses_bad_input_and_writes_nothing(run: Run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.startswith("magcalc: error:")
    assert not diary_path().exists()


def test_add_from_a_csv_is_all_or_nothing(run: Run) -> None:
    good = "food,amount,unit,date\nalmonds,1,oz,2026-11-01\nspinach cooked,1,cup,2026-11-02\n"
    assert run("add", "-", input=good).exit_code == 0
    bad = "food,amount,unit\nalmonds,1,oz\nzorblax,1,oz\nspinach,2,parsecs\n"
    result = run("add", "-", input=bad)
    assert result.exit_code == 2
    assert "line 3: unknown food 'zorblax'" in result.stderr and "line 4:" in result.stderr
    assert ids_of(run, "--from", "2026-01-01") == ids_of(run, "--from", "2026-11-01", "--to", "2026-11-02")
    assert len(ids_of(run, "--from", "2026-01-01")) == 2


def test_add_file_option_and_dates_from_the_file(run: Run, log_file) -> None:  # type: ignore[no-untyped-def]
    path = log_file("food,amount,unit,date\nalmonds,1,oz,2026-11-01\nalmonds,2,oz\n")
    result = run("add", "--file", path)
    assert result.exit_code == 2 and "no date, but other rows have one" in result.stderr
    path = log_file("food,amount,unit\nalmonds,1,oz\nalmonds,2,oz\n")
    assert run("add", "--file", path, "--date", "yesterday").exit_code == 0
    assert len(ids_of(run, "--date", "yesterday")) == 2


def test_log_and_check_by_date_and_range(run: Run) -> None:
    run(
        "add",
        "-",
        input="food,amount,unit,date\nalmonds,1,oz,2026-11-01\npumpkin seeds roasted,3,oz,2026-11-02\n",
    )
    one_day = run.json("log", "--date", "2026-11-01", "--age", "40", "--sex", "female")
    assert one_day["total_mg"] == pytest.approx(76.5, abs=0.1)
    both = run.json("log", "--from", "2026-11-01", "--to", "2026-11-02", "--age", "40", "--sex", "female")
    assert [d["date"] for d in both["days"]] == ["2026-11-01", "2026-11-02"]
    assert both["daily_average_mg"] == pytest.approx(both["total_mg"] / 2, abs=0.1)
    assert run("check", "--date", "2026-11-02", "--age", "40", "--sex", "female").exit_code == 0
    short = run("check", "--from", "2026-11-01", "--to", "2026-11-02", "--age", "40", "--sex", "female")
    assert short.exit_code == 1 and "1 of 2 days" in short.stdout
    nothing = run("check", "--date", "2026-10-01")
    assert nothing.exit_code == 1 and "nothing in the diary 2026-10-01" in nothing.stdout
    assert run("log", "--date", "2026-10-01").exit_code == 0
    assert run("log", "--from", "2026-11-02", "--to", "2026-11-01").exit_code == 2
    assert run("log", "--date", "today", "--from", "2026-11-01").exit_code == 2


def test_a_file_and_diary_dates_do_not_mix(run: Run, log_file) -> None:  # type: ignore[no-untyped-def]
    result = run("log", log_file("almonds,1,oz\n"), "--date", "today")
    assert result.exit_code == 2 and "without a FILE" in result.stderr


def test_rm_edit_and_undo(run: Run) -> None:
    run("add", "almonds", "1", "oz")
    run("add", "spinach cooked", "1", "cup")
    first, second = ids_of(run)
    changed = run.json("edit", first, "--amount", "2", "--meal", "lunch")
    assert changed["added"][0]["entry_id"] == first
    assert changed["added"][0]["magnesium_mg"] == pytest.approx(153.1, abs=0.1)
    assert changed["added"][0]["meal"] == "lunch"
    food = run.json("edit", first, "--food", "cashews", "--unit", "oz")["added"][0]
    assert food["food_id"] in {"12087", "42104000"} and food["meal"] == "lunch"
    assert run("edit", first).exit_code == 2
    removed = run("rm", second.upper())
    assert removed.exit_code == 0 and f"removed {second}" in removed.stderr
    assert ids_of(run) == [first]
    assert run("rm", "nope99").exit_code == 2
    undone = run("undo")
    assert undone.exit_code == 0 and "undid rm" in undone.stderr
    assert ids_of(run) == [first, second]
    assert run("undo").exit_code == 0 and run("undo").exit_code == 0  # the two edits
    entries = run.json("log")["entries"]
    assert [(e["input"], e["amount"], e["meal"]) for e in entries] == [
        ("almonds", 1, None), ("spinach cooked", 1, None)
    ]  # fmt: skip
    assert run("undo").exit_code == 0
    assert ids_of(run) == [first]
    assert run("undo").exit_code == 0
    assert ids_of(run) == []
    empty = run("undo")
    assert empty.exit_code == 2 and "nothing to undo" in empty.stderr


def test_profile_is_used_and_options_override_it_for_one_run(run: Run) -> None:
    shown = run.json("profile", "show")
    assert shown["person"] is None
    assert run("profile", "set", "--age", "30", "--sex", "female", "--pregnant").exit_code == 0
    assert run.json("profile", "show")["reference"]["rda_mg"] == 350
    run("add", "almonds", "1", "oz")
    assert run.json("log")["rda_mg"] == 350
    assert run.json("log", "--age", "45")["rda_mg"] == 360  # pregnant 31-50
    assert run.json("log", "--sex", "male")["rda_mg"] == 400  # male 19-30, not pregnant
    assert run.json("log", "--lactating")["rda_mg"] == 310
    assert run("profile", "set", "--neither").exit_code == 0
    assert run.json("log")["rda_mg"] == 310
    assert run("profile", "set", "--age", "30", "--sex", "male", "--pregnant").exit_code == 2
    assert run("profile", "set").exit_code == 2
    assert run.json("profile", "show")["person"] == {"age": 30.0, "sex": "female", "state": "none"}


def test_history_json_days_not_logged_are_null_and_streak(run: Run) -> None:
    days = [TODAY - dt.timedelta(days=n) for n in range(4)]
    log = "food,amount,unit,date\n" + "".join(
        f"pumpkin seeds roasted,{oz},oz,{day}\n" for day, oz in zip(days, (1, 3, 3, 1), strict=True)
    )
    run("add", "-", input=log)
    history = run.json("history", "--days", "6", "--age", "40", "--sex", "female")
    assert [d["logged"] for d in history["days"]] == [False, False, True, True, True, True]
    assert history["days"][0]["total_mg"] is None and history["days"][0]["met"] is None
    assert [d["met"] for d in history["days"][2:]] == [False, True, True, False]
    assert history["days_logged"] == 4 and history["days_met"] == 2
    assert history["streak_days"] == 2  # today is below so far: it does not end the streak
    rows = list(csv.DictReader(io.StringIO(run("history", "--days", "2", "--format", "csv").stdout)))
    assert [r["logged"] for r in rows] == ["true", "true"]


def test_history_saves_an_svg(run: Run, tmp_path: Path) -> None:
    run("add", "almonds", "1", "oz")
    picture = tmp_path / "chart.svg"
    result = run("history", "--svg", str(picture))
    assert result.exit_code == 0 and "saved the chart" in result.stderr
    svg = picture.read_text()
    assert svg.startswith("<svg") and "Magnesium by day" in svg and "http://" not in svg.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )  # nothing from the network
    assert run("history", "--svg", str(tmp_path / "missing" / "x.svg")).exit_code == 2


def test_export_then_import_into_an_empty_diary_gives_the_same_entries(run: Run, tmp_path: Path) -> None:
    log = (
        "date,time,meal,food,amount,unit,note\n"
        '2026-11-01,08:00,breakfast,almonds,1,oz,"=HYPERLINK(""x"")"\n'
        "2026-11-01,,,spinach cooked,0.5,cup,+more\n"
        "2026-11-02,12:00,lunch,banana,1,medium,-\n"
    )
    run("add", "-", input=log)
    exported = run("export").stdout
    assert "'=HYPERLINK" in exported and ",'+more," in exported and ",'-," in exported
    other = str(tmp_path / "other.sqlite3")
    result = run("import", "-", "--db", other, input=exported)
    assert result.exit_code == 0 and "Added 3 entries" in result.stdout
    assert run("export", "--db", other).stdout == exported
    again = run("import", "-", "--db", other, input=exported)
    assert "Added 0 entries; 3 already in the diary" in again.stdout
    assert run("export", "--db", other).stdout == exported
    # and magcalc log reads the export as it is
    assert run.json("log", "-", input=exported)["total_mg"] == pytest.approx(run.json(
        "log", "--from", "2026-11-01", "--to", "2026-11-02")["total_mg"])  # fmt: skip
    records = json.loads(run("export", "--format", "json").stdout)
    assert records[0]["note"] == '=HYPERLINK("x")' and records[0]["amount"] == 1


def test_export_range(run: Run) -> None:
    run("add", "-", input="food,amount,unit,date\nalmonds,1,oz,2026-11-01\nalmonds,1,oz,2026-11-05\n")
    rows = list(csv.DictReader(io.StringIO(run("export", "--from", "2026-11-02").stdout)))
    assert [r["date"] for r in rows] == ["2026-11-05"]


def test_import_a_cronometer_export(run: Run) -> None:
    path = str(FIXTURES / "cronometer_servings.csv")
    summary = run.json("import", path)
    assert summary["imported"] == 5 and summary["already_present"] == 0 and summary["unknown_magnesium"] == 3
    entries = run.json("log", "--from", "2026-03-05", "--to", "2026-03-06")["entries"]
    by_food = {e["input"]: e for e in entries}
    oatmeal = by_food["Oatmeal, Cooked With Water"]
    assert oatmeal["magnesium_mg"] == 63.2 and oatmeal["source"] == "file"  # as given, not re-derived
    assert (oatmeal["time"], oatmeal["meal"], oatmeal["date"]) == ("08:05", "Breakfast", "2026-03-05")
    banana = by_food["Bananas, raw"]
    assert banana["grams"] == pytest.approx(2 * 118) and banana["magnesium_mg"] is None  # blank: unknown
    assert banana["unit"] == 'medium (7" to 7-7/8" long)'  # as written
    assert by_food["Spinach, Raw"]["grams"] == 58 and by_food["Spinach, Raw"]["time"] == "12:30"
    assert by_food["Zorblax Protein Crunch"]["food_id"] is None  # kept, though nothing matches it
    assert by_food["Almonds"]["magnesium_mg"] == 80.0 and by_food["Almonds"]["date"] == "2026-03-06"
    again = run.json("import", path)
    assert again["imported"] == 0 and again["already_present"] == 5
    assert len(run.json("log", "--from", "2026-03-05", "--to", "2026-03-06")["entries"]) == 5
    assert run("undo").exit_code == 0
    assert run.json("log", "--from", "2026-03-05", "--to", "2026-03-06")["entries"] == []


def test_identical_rows_in_one_file_are_all_imported_once(run: Run) -> None:
    log = "food,amount,unit,date\nbanana,1,medium,2026-11-01\nbanana,1,medium,2026-11-01\n"
    assert run.json("import", "-", input=log)["imported"] == 2
    assert run.json("import", "-", input=log)["imported"] == 0


def test_import_refuses_a_malformed_file_whole(run: Run) -> None:
    result = run(
        "import", "-", input="food,amount,unit,date\nalmonds,1,oz,2026-11-01\nalmonds,x,oz,2026-11-01\n"
    )
    assert result.exit_code == 2 and "line 3:" in result.stderr
    assert not diary_path().exists()


@pytest.mark.parametrize(
    "content",
    [b"not a database at all\n", b"SQLite format 3\x00" + b"\x07" * 300],
)
def test_commands_refuse_a_file_that_is_not_a_diary(run: Run, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    for args in (
        ["add", "almonds", "1", "oz"],
        ["log"],
        ["import", "-"],
        ["undo"],
        ["profile", "set", "--age", "3"],
    ):
        result = run(*args, "--db", str(path), input="almonds,1,oz\n")
        assert result.exit_code == 2, (args, result.output)
        assert "magcalc: error:" in result.stderr and "left untouched" in result.stderr
    assert path.read_bytes() == content


def test_another_programs_database_and_a_newer_diary(run: Run, tmp_path: Path) -> None:
    other = tmp_path / "photos.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    result = run("add", "almonds", "1", "oz", "--db", str(other))
    assert result.exit_code == 2 and "another program's database" in result.stderr
    assert other.read_bytes() == before
    run("add", "almonds", "1", "oz")
    conn = sqlite3.connect(diary_path())
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    newer = run("log")
    assert newer.exit_code == 2 and "newer magcalc" in newer.stderr


def installed(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    assert MAGCALC
    return subprocess.run([MAGCALC, *args], input=stdin, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_ten_magcalc_add_processes_at_once_all_land() -> None:
    """The diary's locking, through the installed command (the one concurrency test: ten writers
    on two CPUs already wait on each other's transactions)."""
    procs = [
        subprocess.Popen([MAGCALC or "magcalc", "add", "almonds", str(n + 1), "g"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for n in range(10)
    ]  # fmt: skip
    outcomes = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
    assert [code for code, _ in outcomes] == [0] * 10, outcomes
    result = installed("log", "--format", "json")
    grams = sorted(e["grams"] for e in json.loads(result.stdout)["entries"])
    assert grams == [float(n + 1) for n in range(10)]


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from magcalc import diary
    from magcalc.__main__ import main

    inserted = 0
    original = diary.Diary._insert

    def insert_then_die(self, values):
        global inserted
        original(self, values)
        inserted += 1
        if inserted == int(os.environ["KILL_AFTER"]):
            os.kill(os.getpid(), signal.SIGKILL)  # no cleanup, no rollback: as if the power went

    diary.Diary._insert = insert_then_die
    sys.argv = ["magcalc", *sys.argv[1:]]
    main()
    """
)


@pytest.mark.parametrize("command", [["add", "-"], ["import", "-"]])
def test_a_process_killed_mid_write_leaves_the_diary_as_it_was(run: Run, command: list[str]) -> None:
    run("add", "almonds", "1", "oz")
    before = run("export").stdout
    rows = "food,amount,unit\n" + "".join(f"banana,{n + 1},g\n" for n in range(300))
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, *command], input=rows, capture_output=True, text=True, timeout=120,
        env={**os.environ, "KILL_AFTER": "150"},
    )  # fmt: skip
    assert killed.returncode == -9, killed.stderr
    assert run("export").stdout == before
    # and the diary still works afterwards
    assert run("add", "-", input=rows).exit_code == 0
    assert len(run.json("log")["entries"]) == 301


FOODS = [
    ("almonds", "oz"),
    ("spinach cooked", "cup"),
    ("banana", "medium"),
    ("milk", "cup"),
    ("oatmeal", "g"),
]
# (no format characters: zero-width and direction controls are refused where people type them, in
# `add` and in a log: test_logfile)
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp")), min_size=1, max_size=30).filter(
    lambda t: t.strip() == t
)
ENTRY = st.fixed_dictionaries(
    {
        "food": st.sampled_from(FOODS),
        "amount": st.floats(min_value=0.001, max_value=100, allow_nan=False, allow_infinity=False),
        "date": st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
        "time": st.none() | st.times().map(lambda t: t.strftime("%H:%M")),
        "meal": st.none() | TEXT,
        "note": st.none() | TEXT | st.sampled_from(["=1+1", "+x", "-", "@SUM(A1)", "'=x", "''+y", "'"]),
    }
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(ENTRY, min_size=1, max_size=8))
def test_export_import_round_trip_property(tmp_path: Path, rows: list[dict[str, Any]]) -> None:
    entries = [
        Entry(line=n, input=r["food"][0], amount=r["amount"], unit=r["food"][1], date=r["date"], time=r["time"],
              meal=r["meal"], note=r["note"])
        for n, r in enumerate(rows, start=1)
    ]  # fmt: skip
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    with open_diary(folder / "a.db", write=True) as source:
        assert source is not None
        source.begin("add")
        source.add(measure_all(entries), TODAY)
        original = source.entries()
    exported = io.StringIO()
    render.export(original, render.Format.csv, exported)
    parsed = parse_log_text(exported.getvalue())
    assert parsed.problems == []
    with open_diary(folder / "b.db", write=True) as target:
        assert target is not None
        items = measure_rows(parsed.entries)
        result = import_entries(target, parsed.entries, items, TODAY, "import")
        assert result.imported == len(rows) and result.rows_read == len(rows)
        assert target.entries() == original
        again = import_entries(target, parsed.entries, items, TODAY, "import")
        assert again.imported == 0 and again.already_present == len(rows)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_import_shows_progress_only_on_a_terminal() -> None:
    with render.progress(5000, _Terminal(), "Importing") as advance:
        assert advance is not None
        advance(2500)
    with render.progress(5000, io.StringIO(), "Importing") as advance:
        assert advance is None
    with render.progress(10, _Terminal(), "Importing") as advance:
        assert advance is None


def test_add_file_reports_progress_as_it_measures() -> None:
    """What `add --file` hands the progress bar: the entries measured so far, every hundred."""
    entries = parse_log_text("food,amount,unit\n" + "almonds,1,oz\n" * 250).entries
    seen: list[int] = []
    items, _doubts = measure_entries(entries, Catalog(), progress=seen.append)
    assert len(items) == 250
    assert seen == [100, 200]
