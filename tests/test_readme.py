"""Every `magcalc ...` line in the README's shell blocks runs as written from a fresh clone:
the example files it needs are in examples/, and the diary is a temporary MAGCALC_HOME."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from magcalc.cli import app

ROOT = Path(__file__).resolve().parent.parent
# `check` exits 1 when the bar is not reached: that is its documented answer, not a failure.
MAY_EXIT_1 = re.compile(r"^magcalc check\b")


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = re.sub(r"\s+#\s.*$", "", line).strip()
            if "magcalc " in line and not line.startswith(("python", ".venv")):
                commands.append(line)
    return commands


def test_the_readme_has_commands_to_run() -> None:
    commands = readme_commands()
    assert len(commands) > 30 and any(c.startswith("magcalc report") for c in commands)


def run_line(line: str, clone: Path) -> list[tuple[int, str]]:
    """Run one README line in-process (a process per command would cost most of a minute): `&&`,
    `printf ... |`, `< file` and `> file` are understood; `echo` is the shell's."""
    outcomes = []
    for segment in line.split("&&"):
        words = shlex.split(segment)
        stdin: bytes | None = None
        if words[0] == "echo":
            continue
        if words[0] == "printf":
            bar = words.index("|")
            stdin = words[1].encode().decode("unicode_escape").encode()
            words = words[bar + 1 :]
        out = None
        if "<" in words:
            at = words.index("<")
            stdin = (clone / words[at + 1]).read_bytes()
            words = words[:at] + words[at + 2 :]
        if ">" in words:
            at = words.index(">")
            out = clone / words[at + 1]
            words = words[:at] + words[at + 2 :]
        assert words[0] == "magcalc", line
        result = CliRunner().invoke(app, words[1:], input=stdin)
        if out is not None:
            out.write_text(result.stdout, encoding="utf-8")
        outcomes.append((result.exit_code, f"{' '.join(words)}: {result.stderr.strip()[:300]}"))
        if result.exit_code:
            break
    return outcomes


def test_every_readme_command_runs_from_a_fresh_clone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clone = tmp_path / "clone"
    shutil.copytree(ROOT / "examples", clone / "examples")
    monkeypatch.chdir(clone)
    failed = []
    for line in readme_commands():
        for code, what in run_line(line, clone):
            if code not in ({0, 1} if MAY_EXIT_1.match(what) else {0}):
                failed.append(f"exit {code}: {what}")
    assert not failed, "\n".join(failed)
