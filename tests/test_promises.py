"""What issue 14 promised: a short daily report, the clinician's page and chart, and a CLI that
keeps its word on pipes, usage errors, NO_COLOR, help, rounding, undo and dates."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import typer.main

from magcalc.cli import app

from .conftest import Run

ROOT = Path(__file__).resolve().parent.parent
MAGCALC = str(Path(sys.executable).parent / "magcalc")
WOMAN_40 = ("--age", "40", "--sex", "female")


def lines_after_the_table(text: str) -> list[str]:
    lines = text.rstrip("\n").splitlines()
    last = max(i for i, line in enumerate(lines) if line.startswith("└"))
    return lines[last + 1 :]


@pytest.mark.parametrize(
    ("log", "extra"),
    [
        ("examples/day.csv", WOMAN_40),
        ("examples/day.csv", ()),  # no person: a note says which reference
        ("examples/week.csv", (*WOMAN_40, "--standard", "efsa")),  # supplements above the UL, several days
    ],
)
def test_the_daily_report_is_the_table_and_at_most_five_lines(
    run: Run, monkeypatch: pytest.MonkeyPatch, log: str, extra: tuple[str, ...]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run("log", str(ROOT / log), *extra)
    assert result.exit_code == 0, result.output
    after = lines_after_the_table(result.stdout)
    assert 3 <= len(after) <= 5, after
    assert after[0].startswith(("Total ", "Average ")) and "Not medical advice" in after[-1]
    assert "Hornyak" not in result.stdout  # citations are for --verbose and `about rls`
    assert all(len(line) <= 80 for line in after)


def test_verbose_and_about_carry_the_citations(run: Run) -> None:
    verbose = run("log", str(ROOT / "examples/day.csv"), "--verbose")
    assert "Hornyak" in verbose.stdout
    about = run.json("about", "rls")
    assert any("Hornyak" in s for s in about["sources"])
    assert any("Institute of Medicine" in s for s in run.json("about", "rda")["sources"])


def test_an_empty_day_is_one_line(run: Run) -> None:
    result = run("log", "--date", "2026-11-2")  # dates without a leading zero are fine
    assert result.exit_code == 0
    assert result.stdout.strip().splitlines() == [
        "Nothing logged on 2026-11-02; magcalc add FOOD AMOUNT UNIT to start."
    ]


def test_diary_view_shows_meals_and_where_the_magnesium_comes_from(run: Run) -> None:
    run("add", "almonds", "1", "oz", "--meal", "snack", "--time", "15:30")
    run("add", "spinach cooked", "1", "cup", "--meal", "lunch")
    result = run("log", "--sources")
    assert "snack 15:30" in result.stdout and "Where your magnesium comes from" in result.stdout
    sources = run.json("log")["sources"]
    assert [s["food_id"] for s in sources["foods"]] == ["11458", "12061"]
    assert sources["groups"][0]["name"] == "Vegetables and Vegetable Products"
    assert sum(s["share_percent"] for s in sources["groups"]) == pytest.approx(100, abs=0.2)


def test_numbers_in_json_and_csv_carry_no_float_noise(run: Run) -> None:
    report = run.json("log", str(ROOT / "examples/day.csv"))
    assert all(round(e["magnesium_mg"], 2) == e["magnesium_mg"] for e in report["entries"])
    csv_text = run("log", str(ROOT / "examples/day.csv"), "--format", "csv").stdout
    assert "99999" not in csv_text and "00000" not in csv_text


def test_undo_names_what_it_undid(run: Run) -> None:
    run("add", "almonds", "1", "oz")
    result = run("undo")
    assert result.exit_code == 0 and "undid add: almonds, 1 oz (" in result.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["log", "--sex", "robot"], "'robot' is not one of"),
        (["log", "--no-such-option"], "no such option: --no-such-option"),
        (["recipe", "list"], "did you mean 'magcalc foods mine'?"),
        (["foods", "list"], "did you mean 'magcalc foods mine'?"),
        (["lgo"], "did you mean 'magcalc log'?"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(run: Run, args: list[str], fragment: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith("magcalc: error:") and result.stderr.count("\n") == 1
    assert fragment in result.stderr.lower() or fragment in result.stderr


def test_every_command_has_a_summary_and_examples() -> None:
    group = typer.main.get_command(app)

    def leaves(command: object, path: str) -> list[tuple[str, object]]:
        subs = getattr(command, "commands", None)
        if not subs:
            return [(path, command)]
        return [leaf for name, sub in subs.items() for leaf in leaves(sub, f"{path} {name}")]

    for path, command in leaves(group, "magcalc"):
        text = getattr(command, "help", "") or ""
        assert "\n\b\nExamples:\n  magcalc " in text, path
        assert "\n" not in text.split("\n\n")[0], f"{path}: the summary is one line"


def test_help_shows_no_bool_and_groups_commands(run: Run) -> None:
    top = run("--help").stdout
    assert "<bool>" not in top and "What you log" in top and "What you look at" in top
    assert "<bool>" not in run("log", "--help").stdout


# A closed pipe is only met by a write after the reader left; each case makes sure one comes (an
# output that fits in the pipe, read after magcalc wrote it all, could never fail): the reader is
# gone before magcalc starts (`| true`), or it reads a little and leaves while far more than a pipe
# holds is still to come (`| head -1`; a pipe holds 64 KiB on Linux, at most that on macOS).
BIG_LOG = "date,meal,food,amount,unit,note\n" + "2026-11-20,lunch,almonds,1,oz,\n" * 1500  # CSV: 130 KB


@pytest.mark.parametrize(
    ("args", "reads"),
    [
        (["rda"], 0),  # a Rich table: Rich's broken-pipe hook, first write
        (["log", "{big}", "-f", "csv"], 100),  # plain text: stdout's own write fails mid-command
        (["--help"], 0),  # Typer's help: its own Rich console, which exits 1 on a broken pipe
        (["foods"], 0),  # a command group's help, printed while the root command runs
        (["--version", "rda"], 0),  # an eager option's echo: Typer's EPIPE handling exits 1
    ],
)
def test_a_closed_pipe_ends_quietly_with_0(args: list[str], reads: int, tmp_path: Path) -> None:
    """README: `magcalc ... | head` ends quietly with exit 0: no traceback, no 'Exception ignored'."""
    big = tmp_path / "big.csv"
    big.write_text(BIG_LOG, encoding="utf-8")
    reader, writer = os.pipe()
    if not reads:
        os.close(reader)  # `| true`: nobody reads; magcalc's first write fails
    process = subprocess.Popen([MAGCALC, *(a.format(big=big) for a in args)], stdout=writer,
                               stderr=subprocess.PIPE)  # fmt: skip
    os.close(writer)
    if reads:
        assert os.read(reader, reads)  # `| head -1`: read a little, then leave
        os.close(reader)
    _, stderr = process.communicate(timeout=30)
    assert (process.returncode, stderr.decode()) == (0, "")


def on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, bytes]:
    leader, follower = pty.openpty()
    process = subprocess.Popen([MAGCALC, *args], stdout=follower, stderr=follower, env=env)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    return process.wait(timeout=60), output


@pytest.mark.parametrize("args", [["log", str(ROOT / "examples/day.csv")], ["log", "--help"]])
def test_no_color_means_no_escape_codes_even_on_a_terminal(tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "NO_COLOR": "1", "MAGCALC_HOME": str(tmp_path), "COLUMNS": "80", "TERM": "xterm-256color"}
    env.pop("FORCE_COLOR", None)
    code, output = on_a_terminal(args, env)
    assert code == 0 and b"\x1b" not in output
    without = {k: v for k, v in env.items() if k != "NO_COLOR"}
    assert b"\x1b[" in on_a_terminal(args, without)[1]  # the test can fail: styles are there without it


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_the_clinicians_page_is_self_contained_and_complete(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "week.html"
    result = run("report", str(ROOT / "examples/week.csv"), *WOMAN_40, "--html", str(page))
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    parser = _Page()
    parser.feed(html)
    tags = [tag for tag, _ in parser.tags]
    sections = [attrs.get("id") for tag, attrs in parser.tags if tag == "section"]
    assert sections == ["summary", "chart", "sources", "supplements", "flagged", "references"]
    assert "svg" in tags and not {"script", "link", "img", "iframe"} & set(tags)
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for text in ("female, 40 years", "2026-11-16 to 2026-11-22", "Days at or above the RDA", "above the UL",
                 "Institute of Medicine", "Not medical advice", "Hornyak"):  # fmt: skip
        assert text in html, text


def test_the_chart_has_an_axis_the_rda_and_not_logged_days(run: Run, tmp_path: Path) -> None:
    run("add", "almonds", "1", "oz", "--date", "2026-11-01")
    run("add", "magnesium glycinate", "400", "mg", "--date", "2026-11-03")
    chart = tmp_path / "chart.svg"
    run("history", "--from", "2026-11-01", "--to", "2026-11-03", "--svg", str(chart))
    svg = chart.read_text()
    assert 'fill="#ffffff"' in svg and "RDA" in svg and "2026-11-02: not logged" in svg
    assert "supplements above this mark exceed 350 mg" in svg  # the UL, where supplements are logged
    assert "2026-11-01: food 77 mg" in svg and "2026-11-03: supplements 400 mg" in svg
