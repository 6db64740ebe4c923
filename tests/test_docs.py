"""Docs stay true: every command has help, docs/cli.md is the live --help, the README names every command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from magcalc.cli import app

ROOT = Path(__file__).resolve().parent.parent
DOCS_COMMAND = [sys.executable, "-m", "typer", "magcalc.cli", "utils", "docs", "--name", "magcalc",
                "--title", "magcalc command reference"]  # fmt: skip


def all_commands() -> list[tuple[str, object]]:
    group = typer.main.get_command(app)
    found = []

    def walk(prefix: str, command: object) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            found.append((f"{prefix} {name}".strip(), sub))
            walk(f"{prefix} {name}", sub)

    walk("", group)
    return found


@pytest.mark.parametrize(("name", "command"), all_commands(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_and_option_has_help(name: str, command: object) -> None:
    assert (getattr(command, "help", None) or "").strip(), f"{name} has no help"
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", "") == "option" or getattr(param, "help", None) is not None:
            assert (param.help or "").strip(), f"{name} {param.name} has no help"


def test_docs_cli_md_matches_the_live_help(tmp_path: Path) -> None:
    out = tmp_path / "cli.md"
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    subprocess.run([*DOCS_COMMAND, "--output", str(out)], check=True, capture_output=True, env=env)
    assert out.read_text() == (ROOT / "docs" / "cli.md").read_text(), (
        "docs/cli.md is stale: regenerate it with the command in CONTRIBUTING section of the README"
    )


def test_readme_shows_every_command() -> None:
    readme = (ROOT / "README.md").read_text()
    for name, _command in all_commands():
        assert f"magcalc {name}" in readme, f"README lacks an example of 'magcalc {name}'"
    assert "not medical advice" in readme.lower()


def test_ci_runs_the_readmes_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    command = 'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/pytest'
    assert command in readme and command in ci
