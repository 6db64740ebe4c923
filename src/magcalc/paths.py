"""Where magcalc keeps the user's files: MAGCALC_HOME, else the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

HOME_VARIABLE = "MAGCALC_HOME"
DIARY_NAME = "diary.sqlite3"


def magcalc_home() -> Path:
    """The magcalc folder (diary and profile). Never created here: only a write creates it."""
    override = os.environ.get(HOME_VARIABLE)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path  # only commands that touch the diary pay for it

    return user_data_path("magcalc", appauthor=False)


def diary_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The diary file: `--db PATH` when given, else diary.sqlite3 in the magcalc folder."""
    return Path(override).expanduser() if override else magcalc_home() / DIARY_NAME
