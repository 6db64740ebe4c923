"""Shared fixtures: deterministic output (NO_COLOR, fixed width) and a temporary magcalc home."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def _hands_tests_to_workers(config: pytest.Config) -> bool:
    """Whether this process is pytest-xdist's controller: it runs no test itself."""
    return not hasattr(config, "workerinput") and bool(getattr(config.option, "tx", None))


@pytest.hookimpl(tryfirst=True)  # before hypothesis's own hook, so that --hypothesis-profile still wins
def pytest_configure(config: pytest.Config) -> None:
    """Compile magcalc once, as installing a wheel does: with PYTHONDONTWRITEBYTECODE set (it is on
    the CI machines), every `magcalc` the tests start would otherwise compile its source again
    (~0.3 s of CPU each, dozens of times). Then hypothesis's settings, where tests run: the
    controller of xdist's workers never imports hypothesis (pytest rewrites its ~70 modules on
    import, about a second, and the workers wait for the controller to start them)."""
    import compileall

    import magcalc

    if not hasattr(config, "workerinput"):  # once, in the main process (not again in each xdist worker)
        compileall.compile_dir(Path(magcalc.__file__).parent, quiet=2)
    if not _hands_tests_to_workers(config):
        from hypothesis import settings

        # The machines are shared and noisy: a slow example is not a failure (speed lives in bench/).
        settings.register_profile("magcalc", deadline=None)
        settings.load_profile("magcalc")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (pyproject's addopts): one worker a core, up to 4 (each worker costs a few seconds of
    start-up and its own imports); none on a single core, where workers would only add that cost."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 0 if cores < 2 else min(cores, 4)


@pytest.fixture(scope="session")
def _cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the whole run, shared by xdist's workers (the index is built once, not once
    a worker): the folder above a worker's base temporary folder is the run's. The cache writes each
    file whole (a temporary file, then a rename), so workers may fill it at the same time."""
    base = tmp_path_factory.getbasetemp()
    run = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = run / "magcalc-cache"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session", autouse=True)
def _warm_cache(_cache_folder: Path) -> None:
    """Fill the run's cache folder before the first test, one process at a time (a lock): the first
    xdist worker builds the food table and index (~1.5 s), the others read them back, and no `magcalc`
    a test starts has to build them itself. Then the objects alive, the table's and the index's
    among them, kept for the whole run, leave the garbage collector's care (gc.freeze): its full
    collections walked them again and again (~6 s of a run's CPU in collections, ~3.5 s after)."""
    import fcntl
    import gc

    from magcalc.foods import load_foods
    from magcalc.matching import index
    from magcalc.resources import yaml_data

    with (_cache_folder / ".lock").open("w") as lock, pytest.MonkeyPatch.context() as patch:
        fcntl.flock(lock, fcntl.LOCK_EX)
        patch.setenv("MAGCALC_CACHE", str(_cache_folder))
        load_foods()
        index()
        yaml_data("rda.yaml")
        yaml_data("supplements.yaml")
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, _cache_folder: Path) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("MAGCALC_HOME", str(tmp_path / "magcalc-home"))
    monkeypatch.setenv("MAGCALC_CACHE", str(_cache_folder))  # no test touches the real cache folder
    monkeypatch.delenv("FORCE_COLOR", raising=False)


class Run:
    def __init__(self) -> None:
        from typer.testing import CliRunner  # imported where tests run, not in xdist's controller

        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None) -> Any:
        from magcalc.cli import app

        return self.runner.invoke(app, list(args), input=input)

    def json(self, *args: str, input: str | bytes | None = None) -> Any:
        result = self(*args, "--format", "json", input=input)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)


@pytest.fixture
def run() -> Run:
    return Run()


@pytest.fixture
def log_file(tmp_path: Path) -> Callable[[str], str]:
    def write(text: str) -> str:
        path = tmp_path / "log.csv"
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write
