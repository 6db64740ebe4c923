"""Hostile and messy input, privacy of the diary, and a diary that cannot be written.

tests/bad_inputs/cases.csv lists one file per case (a .gen file describes a large one), the exit
code expected and a fragment of the message; one parametrised test runs them all."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sqlite3
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from magcalc import dates
from magcalc.diary import DiaryError, open_diary
from magcalc.errors import MagcalcError
from magcalc.logfile import parse_log
from magcalc.paths import diary_path

from .conftest import Run

CASES = Path(__file__).parent / "bad_inputs"
ROWS = list(csv.DictReader((CASES / "cases.csv").open(encoding="utf-8")))


def test_every_case_file_is_listed() -> None:
    files = {p.name for p in CASES.iterdir() if p.suffix in (".csv", ".gen")} - {"cases.csv"}
    assert files == {row["file"] for row in ROWS}


def case_bytes(name: str) -> bytes:
    path = CASES / name
    if path.suffix != ".gen":
        return path.read_bytes()
    spec = json.loads(path.read_text())
    return (spec["prefix"] + spec["repeat"] * spec["times"] + spec["suffix"]).encode()


@pytest.mark.parametrize("case", ROWS, ids=[row["file"] for row in ROWS])
def test_bad_and_messy_inputs(run: Run, tmp_path: Path, case: dict[str, str]) -> None:
    path = tmp_path / "input.csv"
    path.write_bytes(case_bytes(case["file"]))
    result = run("log", str(path), "--format", "json", *case["options"].split())
    assert result.exit_code == int(case["exit_code"]), result.output[:500]
    if result.exit_code:
        assert case["message"] in result.stderr, result.stderr[:500]
        assert result.stdout == ""  # nothing half-written
        assert result.stderr.startswith("magcalc: error: ")
        assert "Traceback" not in result.stderr and "\x1b" not in result.stderr
        assert len(result.stderr.splitlines()) <= 102  # every problem, up to 100, then a count
    else:
        assert case["message"] in result.stdout


@given(st.binary(max_size=500))
def test_any_bytes_are_read_or_refused_cleanly(data: bytes) -> None:
    with contextlib.suppress(MagcalcError):
        parse_log(io.BytesIO(data))


@given(st.text(max_size=20))
def test_dates_are_read_or_refused_cleanly(text: str) -> None:
    today = dates.dt.date(2026, 11, 21)
    try:
        day = dates.parse_day(text, today)
    except MagcalcError:
        return
    assert day in (today, today - dates.dt.timedelta(days=1)) or day.isoformat() == text.strip()


@given(st.dates())
def test_iso_dates_round_trip(day: dates.dt.date) -> None:
    assert dates.parse_day(day.isoformat(), day) == day


def test_diary_and_folder_are_private_and_exposure_is_warned(run: Run) -> None:
    assert run("add", "almonds", "1", "oz").exit_code == 0
    path = diary_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "warning" not in run("log").stderr
    path.chmod(0o644)
    result = run("log")
    assert result.exit_code == 0 and result.stderr.count("can be read by other users (mode 644)") == 1


def test_reading_a_log_does_not_create_the_magcalc_folder(run: Run, log_file) -> None:  # type: ignore[no-untyped-def]
    assert run("log", log_file("almonds,1,oz\n")).exit_code == 0
    assert not diary_path().parent.exists()


def test_a_full_disk_leaves_the_diary_as_it_was(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    run("add", "almonds", "1", "oz")
    before = run("export").stdout
    real_connect = sqlite3.connect

    def tiny(*args, **kwargs):  # type: ignore[no-untyped-def]
        conn = real_connect(*args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full: not one page more
        return conn

    monkeypatch.setattr(sqlite3, "connect", tiny)
    rows = "food,amount,unit\n" + "".join(f"banana,{n + 1},g\n" for n in range(3000))
    result = run("import", "-", input=rows)
    assert result.exit_code == 2 and "could not be written" in result.stderr and "full" in result.stderr
    monkeypatch.setattr(sqlite3, "connect", real_connect)
    assert run("export").stdout == before


def test_a_read_only_diary_gives_a_clear_error(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    run("add", "almonds", "1", "oz")
    before = diary_path().read_bytes()
    real_connect = sqlite3.connect

    def read_only(database, *args, **kwargs):  # type: ignore[no-untyped-def]
        return real_connect(database.replace("mode=rw", "mode=ro"), *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)  # as on a read-only disk (root ignores chmod)
    result = run("add", "banana", "1", "medium")
    assert result.exit_code == 2 and "could not be written" in result.stderr
    monkeypatch.setattr(sqlite3, "connect", real_connect)
    assert diary_path().read_bytes() == before


def test_an_unwritable_folder_gives_a_clear_error(run: Run, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    result = run("add", "almonds", "1", "oz", "--db", str(blocker / "diary.sqlite3"))
    assert result.exit_code == 2 and result.stderr.startswith("magcalc: error:") and "Traceback" not in result.stderr


def test_data_files_are_read_with_safe_loaders_only() -> None:
    source = "\n".join(p.read_text() for p in (Path(__file__).parent.parent / "src" / "magcalc").glob("*.py"))
    assert "yaml.load(" not in source and "yaml.unsafe_load" not in source and "eval(" not in source
    assert "import pickle" not in source and "pickle." not in source and "exec(" not in source


def test_open_diary_refuses_directories(tmp_path: Path) -> None:
    with pytest.raises(DiaryError), open_diary(tmp_path, write=False):
        pass


def test_an_unexpected_error_is_one_line_not_a_traceback(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from magcalc import rda

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(rda, "table_rows", broken)
    result = run("rda")
    assert result.exit_code == 70
    assert result.stderr == (
        "magcalc: error: internal error (ZeroDivisionError: a bug); this is a bug in magcalc, please report it "
        "(MAGCALC_DEBUG=1 shows the traceback)\n"
    )
