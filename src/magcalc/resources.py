"""Where the bundled data lives: inside the installed package, or the source checkout."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


@cache
def data_dir() -> Traversable:
    """magcalc/data in an installed wheel; the checkout's top-level data/ in an editable install."""
    packaged = files("magcalc") / "data"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent.parent / "data"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("magcalc's data folder is missing: reinstall magcalc")


def read_text(name: str) -> str:
    return (data_dir() / name).read_text(encoding="utf-8")


def yaml_data(name: str) -> dict[str, Any]:
    """A bundled YAML file (read with the safe loader), through the data cache."""
    from magcalc.cache import load_or_build

    def parse() -> dict[str, Any]:
        import yaml  # only when the cached copy is stale: YAML parsing is slow

        loaded: dict[str, Any] = yaml.safe_load(read_text(name))
        return loaded

    data: dict[str, Any] = load_or_build(name.removesuffix(".yaml"), (name,), parse)
    return data
