"""The cached copy of the food table: used when current, rebuilt when stale or damaged, never needed."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from magcalc import cache


def build_counter() -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> list[str]:
        calls.append(1)
        return ["built", str(len(calls))]

    return calls, build


def test_built_once_then_read_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MAGCALC_CACHE", str(tmp_path / "c"))
    calls, build = build_counter()
    first = cache.load_or_build("thing", ("foods.csv",), build)  # type: ignore[arg-type]
    second = cache.load_or_build("thing", ("foods.csv",), build)  # type: ignore[arg-type]
    assert first == second == ["built", "1"] and len(calls) == 1
    assert (tmp_path / "c" / "thing.marshal").exists()


def test_a_stale_or_damaged_copy_is_rebuilt(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MAGCALC_CACHE", str(tmp_path))
    path = tmp_path / "thing.marshal"
    path.write_bytes(marshal.dumps(("an old stamp", ["stale"])))
    _calls, build = build_counter()
    assert cache.load_or_build("thing", ("foods.csv",), build) == ["built", "1"]  # type: ignore[arg-type]
    path.write_bytes(b"\x00garbage")
    assert cache.load_or_build("thing", ("foods.csv",), build) == ["built", "2"]  # type: ignore[arg-type]


def test_an_unwritable_cache_folder_only_costs_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MAGCALC_CACHE", str(blocker / "cache"))
    _calls, build = build_counter()
    assert cache.load_or_build("thing", ("foods.csv",), build) == ["built", "1"]  # type: ignore[arg-type]
    assert cache.load_or_build("thing", ("foods.csv",), build) == ["built", "2"]  # type: ignore[arg-type]


def test_cache_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MAGCALC_CACHE", "off")
    calls, build = build_counter()
    cache.load_or_build("thing", ("foods.csv",), build)  # type: ignore[arg-type]
    cache.load_or_build("thing", ("foods.csv",), build)  # type: ignore[arg-type]
    assert len(calls) == 2


def test_the_cached_table_equals_the_csv(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from magcalc import foods

    monkeypatch.setenv("MAGCALC_CACHE", str(tmp_path))
    rows = foods._rows()
    assert cache.load_or_build("foods", foods.DATA_FILES, foods._rows) == rows  # built and saved
    assert cache.load_or_build("foods", foods.DATA_FILES, lambda: []) == rows  # read back, not rebuilt
