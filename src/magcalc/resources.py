"""Where the bundled data lives: inside the installed package, or the source checkout."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


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
