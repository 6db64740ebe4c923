"""The wheel carries the data: build it, install it into a fresh environment, run it elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("magcalc-*.whl")
    return built


def test_wheel_holds_the_data_and_declares_its_dependencies(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(archive.read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    for data in ("foods.csv", "portions.csv", "rda.yaml", "aliases.csv", "cache/foods.marshal", "cache/index.marshal"):
        assert f"magcalc/data/{data}" in names
    for dependency in ("typer", "rich", "pydantic", "pyyaml", "rapidfuzz"):
        assert f"Requires-Dist: {dependency}" in metadata


@pytest.mark.slow
def test_installed_wheel_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    # A fresh environment with only the wheel in it; the dependencies (already checked in the
    # metadata above) are borrowed from this test environment by a .pth file, so the test needs
    # no network. Paths in a .pth are appended after the environment's own site-packages, and
    # .pth files inside them are not run, so this environment's editable magcalc stays hidden.
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.check_output([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        text=True).strip())  # fmt: skip
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [python, "-c", "import magcalc.resources as r; print(r.data_dir())"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert where.stdout.strip() == str(site / "magcalc" / "data")
    cache = tmp_path / "empty-cache"
    result = subprocess.run(
        [python, "-m", "magcalc", "log", "-", "--age", "40", "--sex", "female", "--format", "json"],
        input="food,amount,unit\nspinach cooked,1,cup\nalmonds,1,oz\n",
        cwd=elsewhere, capture_output=True, text=True, env={**os.environ, "MAGCALC_CACHE": str(cache)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total_mg"] == pytest.approx(233, abs=3)
    # the first run read the food table and index the wheel carries: it built (and wrote) neither
    written = {p.name for p in cache.iterdir()} if cache.exists() else set()
    assert not written & {"foods.marshal", "index.marshal"}, written
