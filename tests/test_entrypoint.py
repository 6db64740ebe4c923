"""The installed `magcalc` command, as shell scripts run it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAGCALC = shutil.which("magcalc", path=str(Path(sys.executable).parent)) or shutil.which("magcalc")


def magcalc(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    assert MAGCALC, "the magcalc command is not installed (pip install -e '.[test]')"
    return subprocess.run(
        [MAGCALC, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=os.environ.copy(),
        timeout=60,
    )


def test_done_when_spinach_and_almonds(tmp_path: Path) -> None:
    result = magcalc(
        "log", "-", "--age", "40", "--sex", "female", "--format", "json",
        stdin="food,amount,unit\nspinach cooked,1,cup\nalmonds,1,oz\n", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["total_mg"] == pytest.approx(233, abs=3) and report["rda_mg"] == 320


def test_bundled_example_runs_from_another_folder(tmp_path: Path) -> None:
    result = magcalc(
        "log", str(ROOT / "examples" / "day.csv"), "--age", "40", "--sex", "female", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "Total 537 mg" in result.stdout and "\x1b[" not in result.stdout


def test_bad_input_one_line_exit_2_no_traceback(tmp_path: Path) -> None:
    result = magcalc("log", "-", stdin="food,amount,unit\nzzqqxx,1,cup\n", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("magcalc: error: line 2: unknown food 'zzqqxx'")
    assert "Traceback" not in result.stderr


def test_check_exit_codes() -> None:
    assert magcalc("check", "-", "--min", "rls", stdin="almonds,1,oz\n").returncode == 1
    assert magcalc("check", "-", "--min", "50", stdin="almonds,1,oz\n").returncode == 0
    assert magcalc("check", "-", "--min", "50", stdin="almonds,-1,oz\n").returncode == 2


def test_piping_into_head_ends_quietly() -> None:
    assert MAGCALC
    result = subprocess.run(
        f"'{MAGCALC}' foods search raw --limit 500 --format csv | head -n 1",
        shell=True, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.stdout.startswith("rank,food_id")
    assert result.stderr == ""


def test_stdin_terminal_is_refused_not_waited_on() -> None:
    script = "import pty, os, sys; pid, fd = pty.fork()\n" \
        f"if pid == 0: os.execv({MAGCALC!r}, ['magcalc', 'log', '-'])\n" \
        "out = b''\nwhile True:\n    try: chunk = os.read(fd, 1024)\n    except OSError: break\n" \
        "    if not chunk: break\n    out += chunk\n" \
        "print(os.waitpid(pid, 0)[1] >> 8); print(out.decode())"  # fmt: skip
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    code, _, output = result.stdout.partition("\n")
    assert code == "2" and "stdin is a terminal" in output
