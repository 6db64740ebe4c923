"""Issue 13: files are input, readers never write, nothing raw reaches the terminal or a
spreadsheet, bounded and honest exits. Each test is a reproduction from the issue."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import typer

from magcalc import cache, diary
from magcalc.paths import diary_path
from magcalc.terminal import SafeStream, safe_text

from .conftest import Run

MAGCALC = str(Path(sys.executable).parent / "magcalc")
ESC = "\x1b]0;owned\x07\x1b[2J"


def crafted(run: Run, *rows: dict[str, object]) -> Path:
    """A diary with one good entry and `rows` written behind magcalc's back."""
    assert run("add", "almonds", "1", "oz").exit_code == 0
    path = diary_path()
    conn = sqlite3.connect(path)
    for number, row in enumerate(rows):
        values = {
            "entry_id": f"bad{number}", "typed": "x", "food_id": "12061", "food_name": "Nuts, almonds",
            "amount": 1, "unit": "oz", "grams": 28.35, "magnesium_mg": 76.5,
            "date": run("export", "-f", "json").stdout and json.loads(run("export", "-f", "json").stdout)[0]["date"],
            "added_at": "2026-01-01T00:00:00+00:00", **row,
        }  # fmt: skip
        conn.execute(
            f"INSERT INTO entries ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            list(values.values()),
        )
    conn.commit()
    conn.close()
    return path


# -- 1. files are input ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["NaN", "-5000", "9e999", "Infinity"])
def test_foods_import_refuses_impossible_magnesium(run: Run, value: str) -> None:
    record = {"food_id": "user/bar", "name": "bar", "kind": "food", "kcal_per_100g": None, "portions": [],
              "origin": "x", "added_on": "2026-01-01"}  # fmt: skip
    text = json.dumps([record]).replace('"kind"', f'"magnesium_mg_per_100g": {value}, "kind"')
    result = run("foods", "import", "-", input=text)
    assert result.exit_code == 2 and "record 1" in result.stderr, result.stderr
    assert run("foods", "mine", "-f", "json").stdout.strip() == "[]"


def test_a_food_named_percent_gets_an_id_that_round_trips(run: Run, tmp_path: Path) -> None:
    assert run("foods", "add", "%", "--mg-per-100g", "10").exit_code == 0
    exported = run("foods", "export").stdout
    assert json.loads(exported)[0]["food_id"] not in ("user/", "")
    other = str(tmp_path / "other.db")
    result = run("foods", "import", "-", "--db", other, input=exported)
    assert result.exit_code == 0, result.stderr


def test_an_empty_id_in_an_import_is_refused(run: Run) -> None:
    record = {"food_id": "user/", "name": "bar", "kind": "food", "magnesium_mg_per_100g": 5,
              "kcal_per_100g": None, "portions": [], "origin": "x", "added_on": "2026-01-01"}  # fmt: skip
    result = run("foods", "import", "-", input=json.dumps([record]))
    assert result.exit_code == 2 and "food_id" in result.stderr


@pytest.mark.parametrize(
    "row",
    [{"magnesium_mg": -5000.0}, {"magnesium_mg": float("inf")}, {"date": "2026-13-45"},
     {"grams": "lots"}, {"source": "somewhere"}],
)
def test_a_bad_stored_row_is_reported_skipped_and_removable(run: Run, row: dict[str, object]) -> None:
    crafted(run, row)
    in_range = [["log"], ["history"], ["check"]] if "date" not in row else []
    for command in [["export"], *in_range]:
        result = run(*command)
        assert result.exit_code in (0, 1), (command, result.stderr)
        assert "bad0" in result.stderr and "magcalc rm bad0" in result.stderr, (command, result.stderr)
    report = run("log", "-f", "json")
    assert "Infinity" not in report.stdout and json.loads(report.stdout)["total_mg"] > 0
    assert [e["id"] for e in json.loads(run("export", "-f", "json").stdout)] != []
    removed = run("rm", "bad0")
    assert removed.exit_code == 0, removed.stderr
    assert "bad0" not in run("log").stderr


def test_a_bad_stored_food_is_skipped_and_removable(run: Run) -> None:
    assert run("foods", "add", "bar", "--mg-per-100g", "10").exit_code == 0
    conn = sqlite3.connect(diary_path())
    conn.execute("UPDATE user_foods SET record = replace(record, '10.0', 'NaN')")
    conn.commit()
    conn.close()
    for command in (["foods", "mine"], ["log"], ["profile", "show"], ["add", "almonds", "1", "oz"]):
        result = run(*command)
        assert result.exit_code == 0 and "foods rm user/bar" in result.stderr, (command, result.stderr)
    assert run("foods", "rm", "user/bar").exit_code == 0
    assert run("foods", "mine").stderr == ""


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TRIGGER t AFTER INSERT ON entries BEGIN DELETE FROM changes; END",
        "ALTER TABLE entries RENAME TO real_entries; "
        "CREATE VIEW entries AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) "
        "SELECT * FROM real_entries, r",
    ],
)
def test_a_diary_with_foreign_triggers_or_views_is_refused(run: Run, sql: str) -> None:
    assert run("add", "almonds", "1", "oz").exit_code == 0
    conn = sqlite3.connect(diary_path())
    conn.executescript(sql)
    conn.close()
    before = diary_path().read_bytes()
    for command in (["log"], ["add", "banana", "1", "medium"], ["export"]):
        result = run(*command)
        assert result.exit_code == 2 and "magcalc did not make" in result.stderr, result.stderr
    assert diary_path().read_bytes() == before


# -- 2. readers never write ----------------------------------------------------------------------


def test_a_read_of_an_empty_file_leaves_it_empty(run: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    for command in (["log"], ["export"], ["history"], ["foods", "mine"], ["profile", "show"]):
        assert run(*command, "--db", str(empty)).exit_code == 0
    assert empty.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_reads_open_the_diary_read_only(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("add", "almonds", "1", "oz").exit_code == 0
    uris: list[str] = []
    real = sqlite3.connect

    def spy(database, *args, **kwargs):  # type: ignore[no-untyped-def]
        uris.append(str(database))
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", spy)
    for command in (["log"], ["export"], ["history"], ["foods", "mine"], ["profile", "show"], ["check"]):
        run(*command)
    assert uris and all("mode=ro" in uri for uri in uris if uri != ":memory:"), uris


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_non_regular_files_and_dangling_links_are_refused(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link.db"
    link.symlink_to(tmp_path / "missing" / "target.db")
    for path in (fifo, Path(os.devnull)):
        for command in (["log"], ["add", "almonds", "1", "oz"]):
            result = run(*command, "--db", str(path))
            assert result.exit_code == 2 and "not a regular file" in result.stderr, (path, result.stderr)
    result = run("add", "almonds", "1", "oz", "--db", str(link))
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert not (tmp_path / "missing").exists() and not Path(os.devnull + "-journal").exists()
    assert run("add", "almonds", "1", "oz", "--db", str(tmp_path / "no" / "such.db")).exit_code == 2


@pytest.mark.parametrize(
    ("name", "words"),
    [("SQLITE_FULL", "the disk is full"), ("SQLITE_IOERR_WRITE", "disk I/O error"),
     ("SQLITE_BUSY", "busy")],
)
def test_sqlite_errors_say_what_happened(name: str, words: str) -> None:
    error = sqlite3.OperationalError("cannot commit - no transaction is active")
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    assert words in str(diary._problem(Path("d.db"), error, write=True))


def test_a_stale_read_only_shm_file_does_not_block_writes(run: Run) -> None:
    assert run("add", "almonds", "1", "oz").exit_code == 0
    shm = Path(str(diary_path()) + "-shm")
    shm.write_bytes(b"")
    shm.chmod(0o400)
    diary._unblock_shm(diary_path())  # (root ignores the mode, so the repair itself is checked)
    assert shm.stat().st_mode & 0o200
    assert run("add", "banana", "1", "medium").exit_code == 0


def test_the_cache_leaves_no_temporary_file_on_a_full_disk(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MAGCALC_CACHE", str(tmp_path))

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.marshal, "dump", full)
    assert cache.load_or_build("thing", ("foods.csv",), lambda: ["built"]) == ["built"]
    assert list(tmp_path.iterdir()) == []


def test_an_import_matches_before_taking_the_write_lock(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from magcalc import exchange

    free: list[bool] = []
    real = exchange.measure_rows

    def measure_rows(*args, **kwargs):  # type: ignore[no-untyped-def]
        conn = sqlite3.connect(diary_path(), timeout=0)  # another writer gets in while we match
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        conn.close()
        free.append(True)
        return real(*args, **kwargs)

    assert run("add", "almonds", "1", "oz").exit_code == 0
    monkeypatch.setattr(exchange, "measure_rows", measure_rows)
    result = run("import", "-", input="food,amount,unit\nbanana,1,medium\n")
    assert result.exit_code == 0, result.stderr
    assert free == [True]


# -- 3. nothing raw reaches the terminal or a spreadsheet ----------------------------------------


def test_safe_text_shows_control_characters() -> None:
    assert safe_text(f"a{ESC}b\u202e\t\n") == "a\\x1b]0;owned\\x07\\x1b[2Jb\\u202e\t\n"


def test_only_rich_s_way_to_the_stream_lets_colour_through_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR")
    out = Terminal()
    stream = SafeStream(out)
    stream.write(f"\x1b[1mbold\x1b[0m {ESC}")  # a message, JSON, CSV: colour codes are data
    assert out.getvalue() == "\\x1b[1mbold\\x1b[0m \\x1b]0;owned\\x07\\x1b[2J"
    out.seek(0), out.truncate()
    stream.rich_proxied_file.write(f"\x1b[1mbold\x1b[0m {ESC}")  # Rich: its texts were made safe
    assert out.getvalue() == "\x1b[1mbold\x1b[0m \\x1b]0;owned\\x07\\x1b[2J"


def test_escape_sequences_from_a_crafted_diary_never_reach_the_output(run: Run) -> None:
    crafted(run, {"typed": f"evil{ESC}", "food_name": f"Food{ESC}", "note": ESC, "unit": ESC})
    for command in (["log"], ["log", "-f", "csv"], ["log", "-f", "json"], ["export"], ["export", "-f", "json"],
                    ["history"], ["rm", "bad0"]):  # fmt: skip
        result = run(*command)
        assert result.exit_code == 0, (command, result.stderr)
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout + result.stderr, command
        assert "\x1b" not in result.stderr, command


def test_escape_sequences_in_file_names_and_portions_are_shown_safely(run: Run) -> None:
    result = run("log", f"no{ESC}such.csv")
    assert result.exit_code == 2 and "\x1b" not in result.stderr and "\\x1b" in result.stderr
    result = run("foods", "add", "bar", "--mg-per-100g", "10", "--portion", f"1 b{ESC}ar=45 g")
    assert "\x1b" not in result.stdout + result.stderr


SGR = "\x1b[31m"  # red: a code Rich itself writes on a colour terminal, here in data


def test_colour_codes_in_data_are_shown_as_text_even_where_colour_is_on(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    crafted(run, {"typed": f"typed{SGR}", "food_name": f"Evil{SGR}Food", "note": f"note{SGR}"})
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    for command in (["log"], ["log", "-f", "csv"], ["log", "-f", "json"], ["export"], ["history"]):
        result = run(*command)
        assert result.exit_code == 0, (command, result.stderr)
        shown = result.stdout + result.stderr
        assert f"typed{SGR}" not in shown and f"Evil{SGR}" not in shown and f"note{SGR}" not in shown, command
    table = run("log").stdout
    assert "Evil\\x1b[31mFood" in table and "typed\\x1b[31m" in table  # as text, where it was
    assert "\x1b[1m" in table  # magcalc's own styles still reach the terminal


def test_on_a_real_terminal_only_magcalcs_own_colours_reach_it(run: Run, tmp_path: Path) -> None:
    from .test_promises import on_a_terminal

    crafted(run, {"typed": f"typed{SGR}", "food_name": f"Evil{SGR}Food"})
    env = {**os.environ, "COLUMNS": "80", "TERM": "xterm-256color"}
    env.pop("NO_COLOR")
    code, table = on_a_terminal(["log"], env)
    assert code == 0 and b"\x1b[1m" in table  # Rich's bold header: colour is on
    assert b"Evil\\x1b[31mFood" in table and b"Evil\x1b" not in table and b"typed\x1b" not in table
    code, message = on_a_terminal(["rm", "bad0"], env)  # a plain message, not Rich's
    assert code == 0 and b"typed\\x1b[31m" in message and b"typed\x1b" not in message


def test_the_installed_command_sanitises_usage_errors_too() -> None:
    result = subprocess.run([MAGCALC, f"--{ESC}"], capture_output=True, text=True, check=False)
    assert result.returncode == 2 and "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_every_csv_output_guards_formulas(run: Run) -> None:
    crafted(run, {"typed": "=HYPERLINK(\"http://x\")", "note": "+cmd", "meal": "@SUM(1)"})
    for command in (["log", "-f", "csv"], ["export"]):
        text = run(*command).stdout
        assert "'=HYPERLINK" in text and ",=" not in text and ",+cmd" not in text, (command, text)
    assert run("foods", "add", "@bar", "--mg-per-100g", "10").exit_code == 0
    assert "'@bar" in run("foods", "search", "bar", "-f", "csv").stdout
    assert "'@bar" in run("foods", "export", "-f", "csv").stdout


# -- 4. bounded and honest -----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["hex", "base64", "zlib", "rot13", "uu", "quopri", "punycode",
                                      "utf-16", "utf-32", "undefined"])  # fmt: skip
def test_only_text_encodings_are_accepted(run: Run, log_file, encoding: str) -> None:  # type: ignore[no-untyped-def]
    result = run("log", log_file("almonds,1,oz\n"), "--encoding", encoding)
    assert result.exit_code == 2 and "encoding" in result.stderr, result.stderr


@pytest.mark.parametrize("command", [["export"], ["log", "-f", "json"], ["rda"], ["foods", "top"]])
def test_a_closed_stdout_is_exit_2_with_a_message(command: list[str]) -> None:
    result = subprocess.run(
        [MAGCALC, *command], stdout=None, capture_output=False, stderr=subprocess.PIPE, text=True,
        pass_fds=(), preexec_fn=lambda: os.close(1), check=False,
    )  # fmt: skip
    assert result.returncode == 2 and "stdout is closed" in result.stderr


@pytest.mark.parametrize("command", [["rda"], ["--help"]])  # the help is Typer's, written outside a command
def test_a_failing_stdout_is_exit_2_with_a_message(command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([MAGCALC, *command], stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert result.returncode == 2 and result.stderr == "magcalc: error: No space left on device\n"


def test_bare_magcalc_prints_its_help_and_no_empty_error() -> None:
    result = subprocess.run([MAGCALC], capture_output=True, text=True, check=False)
    assert "Usage" in result.stdout and result.stderr == "" and result.returncode == 2


def test_ctrl_c_after_the_commit_reports_success(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from magcalc import render

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "added", interrupted)
    result = run("add", "almonds", "1", "oz")
    assert result.exit_code == 0 and "saved" in result.stderr
    assert len(json.loads(run("export", "-f", "json").stdout)) == 1


def test_columns_0_is_the_default_width(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "0")
    result = run("add", "almonds", "1", "oz")
    entry_id = json.loads(run("export", "-f", "json").stdout)[0]["id"]
    assert entry_id in result.stdout and "almonds" in run("log").stdout


@pytest.mark.parametrize(
    ("age", "mg"),
    [("0", 30), ("0.5", 30), ("6m", 30), ("6.9m", 30), ("7m", 75), ("0.99", 75), ("1", 80), ("3.99", 80),
     ("4", 130), ("8.99", 130), ("9", 240), ("13.99", 240), ("30.99", 310), ("31", 320), ("51", 320)],
)  # fmt: skip
def test_every_band_edge(run: Run, age: str, mg: int) -> None:
    assert run.json("rda", "--age", age, "--sex", "female")["rda_mg"] == mg


def test_comment_lines_before_the_first_row_are_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from magcalc import logfile

    seen: list[int] = []
    real = logfile.csv.reader

    def reader(lines, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(sys.getsizeof(lines))  # a list of every leading line would grow with them
        return real(lines, **kwargs)

    monkeypatch.setattr(logfile.csv, "reader", reader)
    comments = b"# a comment line\n" * 100_000
    parsed = logfile.parse_log(io.BytesIO(comments + b"almonds,1,oz\nbanana,x,medium\n"))
    assert seen[0] < 1_000 and [p.line for p in parsed.problems] == [100_002]


def test_ctrl_c_while_modules_load_is_exit_130(monkeypatch: pytest.MonkeyPatch) -> None:
    import magcalc.cli
    from magcalc import __main__

    def interrupted(**_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(magcalc.cli, "app", interrupted)
    monkeypatch.setattr(sys, "argv", ["magcalc", "rda"])
    with pytest.raises(SystemExit) as caught:
        __main__.main()
    assert caught.value.code == 130


def test_an_import_failing_after_ctrl_c_is_an_interruption_not_a_bug(monkeypatch: pytest.MonkeyPatch) -> None:
    from magcalc import cli, terminal

    def broken() -> None:
        raise ImportError("cannot import name 'UserFood'")

    monkeypatch.setattr(terminal.interrupts, "seen", True)
    with pytest.raises(typer.Exit) as caught:
        cli.handles_errors(broken)()
    assert caught.value.exit_code == 130


def test_the_report_held_back_for_a_log_is_bounded(run: Run, log_file: Callable[[str], str], monkeypatch: pytest.MonkeyPatch) -> None:
    from magcalc import cli

    monkeypatch.setattr(cli, "MAX_SPOOL_BYTES", 2000)
    result = run("log", log_file("food,amount,unit\n" + "almonds,1,oz\n" * 200), "--format", "json")
    assert result.exit_code == 2 and "the report is larger than" in result.stderr
    assert result.stdout == ""


def test_a_measure_with_escape_sequences_is_refused(run: Run) -> None:
    result = run("foods", "add", "oat bar", "--mg-per-serving", "60", "--serving", "1 \x1b[31mbar=45 g")
    assert result.exit_code == 2 and "control characters" in result.stderr


def test_a_warning_wraps_between_words_on_a_terminal_and_stays_one_line_for_a_script(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from magcalc import cli

    text = "line 2: 'green beans' matched Green beans, NS as to form, cooked (75205030) as a guess " * 2
    cli.say_warning(text)
    assert capsys.readouterr().err.count("\n") == 1  # not a terminal: one line, for grep
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    cli.say_warning(text)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) > 2 and all(len(line) < 60 for line in lines) and lines[1].startswith("  ")


def test_the_question_offering_foods_wraps_between_words_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # at 80 columns the question broke words ('USD / A does not use') where the terminal wrapped it
    from magcalc import cli
    from magcalc.catalog import Catalog
    from magcalc.models import Entry
    from magcalc.report import Measurer

    entries = [Entry(line=1, input="kraft mac and cheese", amount=None, unit=None)]
    items = Measurer(Catalog())(entries[0])
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(cli.typer, "prompt", lambda *args, **kwargs: "")  # Enter: keep the guess
    assert cli._choose_doubtful(items, None, entries) is None
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) > 3 and all(len(line) < 60 for line in lines)
    assert not any(line.endswith("USD") for line in lines) and "Which food did you mean?" in " ".join(lines)
