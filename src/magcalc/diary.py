"""The SQLite diary: opened in one place, which checks, migrates and wraps each use in one
transaction. Never prints; raises MagcalcError for a file it must not touch."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel

from magcalc.errors import MagcalcError
from magcalc.models import LineItem

# PRAGMA application_id marks a file as a magcalc diary ("MgCa"); another program's
# SQLite database carries another id (or none, with tables of its own).
APPLICATION_ID = 0x4D674361
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 30.0

# Named migrations, applied in order; PRAGMA user_version counts those applied.
MIGRATIONS: list[tuple[str, str]] = [
    (
        "create entries",
        """
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            entry_id TEXT NOT NULL UNIQUE,
            typed TEXT NOT NULL,
            food_id TEXT NOT NULL,
            food_name TEXT NOT NULL,
            amount REAL NOT NULL,
            unit TEXT,
            grams REAL NOT NULL,
            magnesium_mg REAL,
            date TEXT NOT NULL,
            time TEXT,
            meal TEXT,
            note TEXT,
            added_at TEXT NOT NULL
        );
        CREATE INDEX entries_by_date ON entries (date, id);
        """,
    ),
]


class DiaryError(MagcalcError):
    """The diary file cannot be used: not a magcalc diary, too new, corrupt, or not writable."""


class StoredEntry(BaseModel):
    entry_id: str
    input: str
    food_id: str
    food_name: str
    amount: float
    unit: str | None
    grams: float
    magnesium_mg: float | None
    date: dt.date
    time: str | None
    meal: str | None
    note: str | None


def _check_foreign(path: Path) -> None:
    """Refuse, before SQLite writes anything, a file that is not an SQLite database at all."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DiaryError(f"cannot read the diary {path}: {error.strerror or error}") from None
    if header and header != SQLITE_HEADER:
        raise DiaryError(f"{path} is not a magcalc diary (not an SQLite database); it was left untouched")


def _check_identity(conn: sqlite3.Connection, path: Path) -> bool:
    """True when the file is a fresh, empty database that magcalc may claim."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise DiaryError(f"{path} is not a readable magcalc diary ({error}); it was left untouched") from None
    if app_id == 0 and version == 0 and tables == 0:
        return True
    if app_id != APPLICATION_ID:
        raise DiaryError(f"{path} is another program's database, not a magcalc diary; it was left untouched")
    if version > len(MIGRATIONS):
        raise DiaryError(
            f"{path} was written by a newer magcalc (diary version {version}, this one knows "
            f"{len(MIGRATIONS)}); upgrade magcalc to use it"
        )
    return False


@contextlib.contextmanager
def open_diary(path: Path, *, write: bool) -> Iterator[sqlite3.Connection | None]:
    """One transaction on the diary at `path`, migrated to the current version.

    Reading a diary that does not exist yields None and creates nothing; writing creates the
    folder (0700) and the file (0600). Any error rolls the whole transaction back.
    """
    if not path.exists():
        if not write:
            yield None
            return
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    _check_foreign(path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as error:
        raise DiaryError(f"cannot open the diary {path}: {error}") from None
    try:
        fresh = _check_identity(conn, path)
        if write or fresh:
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            if write:
                _migrate(conn, fresh)
            elif conn.execute("PRAGMA user_version").fetchone()[0] < len(MIGRATIONS):
                conn.execute("ROLLBACK")
                conn.execute("BEGIN IMMEDIATE")
                _migrate(conn, fresh)
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except sqlite3.OperationalError as error:
        raise DiaryError(f"the diary {path} could not be written ({error}); nothing was changed") from None
    finally:
        conn.close()


def _migrate(conn: sqlite3.Connection, fresh: bool) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if fresh:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for _name, sql in MIGRATIONS[version:]:
        for statement in filter(str.strip, sql.split(";")):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")


def new_entry_id(conn: sqlite3.Connection) -> str:
    """A short id, stable for the entry's life: 6 lowercase letters and digits, unique in the diary."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"  # no look-alikes (i/l/1, o/0)
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(6))
        if conn.execute("SELECT 1 FROM entries WHERE entry_id = ?", (candidate,)).fetchone() is None:
            return candidate


def add_entries(conn: sqlite3.Connection, items: Sequence[LineItem], default_date: dt.date) -> list[str]:
    """Store measured entries (all in the caller's one transaction); return their ids."""
    ids = []
    added_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    for item in items:
        entry_id = new_entry_id(conn)
        conn.execute(
            "INSERT INTO entries (entry_id, typed, food_id, food_name, amount, unit, grams, magnesium_mg,"
            " date, time, meal, note, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry_id, item.input, item.food_id, item.food_name, item.amount, item.unit, item.grams,
                item.magnesium_mg, (item.date or default_date).isoformat(), item.time, item.meal, item.note,
                added_at,
            ),
        )  # fmt: skip
        ids.append(entry_id)
    return ids


def list_entries(conn: sqlite3.Connection | None, start: dt.date, end: dt.date) -> list[StoredEntry]:
    """Entries dated start..end (inclusive), in the order they were added."""
    if conn is None:
        return []
    rows = conn.execute(
        "SELECT entry_id, typed, food_id, food_name, amount, unit, grams, magnesium_mg,"
        " date, time, meal, note FROM entries WHERE date BETWEEN ? AND ? ORDER BY date, id",
        (start.isoformat(), end.isoformat()),
    )
    fields = list(StoredEntry.model_fields)
    return [StoredEntry.model_validate(dict(zip(fields, row, strict=True))) for row in rows]


def remove_entries(conn: sqlite3.Connection, entry_ids: Sequence[str]) -> None:
    """Remove entries by id; an unknown id removes nothing and raises."""
    unknown = [
        e
        for e in entry_ids
        if conn.execute("SELECT 1 FROM entries WHERE entry_id = ?", (e,)).fetchone() is None
    ]
    if unknown:
        raise MagcalcError(*(f"no diary entry has the id {e!r}" for e in unknown))
    conn.executemany("DELETE FROM entries WHERE entry_id = ?", [(e,) for e in entry_ids])
