"""The output formats every data command offers; a module of its own so that the command line can
name them without importing Rich."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
