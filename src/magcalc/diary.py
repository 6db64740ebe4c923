"""The SQLite diary: opened in one place, which checks, migrates and wraps each use in one
transaction. Every change to the entries is journalled so that `undo` can reverse it.
Never prints; raises MagcalcError for a file it must not touch."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import secrets
import sqlite3
import stat
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from magcalc.errors import MagcalcError
from magcalc.models import LineItem, Person, Source, UserFood
from magcalc.userfoods import key as _key

# PRAGMA application_id marks a file as a magcalc diary ("MgCa"); another program's
# SQLite database carries another id (or none, with tables of its own).
APPLICATION_ID = 0x4D674361
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 120.0  # under heavy load a writer can wait its turn long; losing an add is worse
MAX_QUERY_S = 120.0  # no diary needs longer to read; a crafted one is stopped

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
    (
        "undo journal, profile, import keys",
        """
        ALTER TABLE entries ADD COLUMN import_key TEXT;
        CREATE UNIQUE INDEX entries_by_import_key ON entries (import_key);
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            command TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE TABLE change_rows (
            id INTEGER PRIMARY KEY,
            change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
            entry_id TEXT NOT NULL,
            before TEXT
        );
        CREATE INDEX change_rows_by_change ON change_rows (change_id, id);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
    ),
]
MIGRATIONS.append(
    (
        "user foods and recipes",
        """
        CREATE TABLE user_foods (
            id INTEGER PRIMARY KEY,
            food_id TEXT NOT NULL UNIQUE,
            name_key TEXT NOT NULL UNIQUE,
            record TEXT NOT NULL
        );
        """,
    )
)
MIGRATIONS.append(
    (
        "entry source, confidence and assumed amount",
        """
        ALTER TABLE entries ADD COLUMN source TEXT;
        ALTER TABLE entries ADD COLUMN confident INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE entries ADD COLUMN assumed TEXT
        """,
    )
)
MIGRATIONS.append(
    (
        "grams may be unknown (a file row naming no food magcalc knows)",
        """
        CREATE TABLE entries_new (
            id INTEGER PRIMARY KEY,
            entry_id TEXT NOT NULL UNIQUE,
            typed TEXT NOT NULL,
            food_id TEXT NOT NULL,
            food_name TEXT NOT NULL,
            amount REAL NOT NULL,
            unit TEXT,
            grams REAL,
            magnesium_mg REAL,
            date TEXT NOT NULL,
            time TEXT,
            meal TEXT,
            note TEXT,
            added_at TEXT NOT NULL,
            import_key TEXT,
            source TEXT,
            confident INTEGER NOT NULL DEFAULT 1,
            assumed TEXT
        );
        INSERT INTO entries_new SELECT id, entry_id, typed, food_id, food_name, amount, unit, grams,
            magnesium_mg, date, time, meal, note, added_at, import_key, source, confident, assumed
            FROM entries;
        DROP TABLE entries;
        ALTER TABLE entries_new RENAME TO entries;
        CREATE INDEX entries_by_date ON entries (date, id);
        CREATE UNIQUE INDEX entries_by_import_key ON entries (import_key)
        """,
    )
)
MIGRATIONS.append(
    (
        "remembered words",
        """
        CREATE TABLE food_words (
            words TEXT PRIMARY KEY,
            food_id TEXT NOT NULL,
            typed TEXT NOT NULL,
            added_on TEXT NOT NULL
        )
        """,
    )
)
KEEP_CHANGES = 200  # how many changes `undo` can walk back through
_CHUNK = 500  # ids asked about in one query (older SQLite builds allow 999 parameters)


class DiaryError(MagcalcError):
    """The diary file cannot be used: not a magcalc diary, too new, corrupt, or not writable."""


def _file_kind(path: Path, *, write: bool) -> str:
    """'absent', 'empty' or 'file'; anything a diary must not be (a FIFO, a device, a folder, a
    dangling symlink, a path in a missing folder when writing) is refused before it is opened."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if write and path.is_symlink():
            raise DiaryError(
                f"{path} is a symbolic link to a file that does not exist; it was left untouched"
            ) from None
        return "absent"
    except OSError as error:
        raise DiaryError(f"cannot use the diary {path}: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        raise DiaryError(f"{path} is not a regular file, so it cannot be a diary; it was left untouched")
    return "empty" if info.st_size == 0 else "file"


def _check_foreign(path: Path) -> None:
    """Refuse, before SQLite writes anything, a file that is not an SQLite database at all."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DiaryError(f"cannot read the diary {path}: {error.strerror or error}") from None
    if header and header != SQLITE_HEADER:
        raise DiaryError(f"{path} is not a magcalc diary (not an SQLite database); it was left untouched")


def _problem(path: Path, error: sqlite3.Error, write: bool) -> DiaryError:
    """What went wrong, in words: a full disk or an I/O error is said as such, never hidden."""
    name = getattr(error, "sqlite_errorname", "") or ""
    unchanged = "; nothing was changed" if write else ""
    if name == "SQLITE_FULL":
        return DiaryError(f"the disk is full: the diary {path} could not be written{unchanged}")
    if name.startswith("SQLITE_IOERR"):
        return DiaryError(f"disk I/O error on the diary {path} ({error}){unchanged}")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DiaryError(f"the diary {path} is busy (another magcalc is using it); try again{unchanged}")
    if name.startswith("SQLITE_CANTOPEN"):
        return DiaryError(f"cannot open the diary {path} ({error})")
    if name == "SQLITE_INTERRUPT":
        return DiaryError(f"reading the diary {path} took too long (over {MAX_QUERY_S:g} s); left untouched")
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or not write:
        return DiaryError(f"{path} is not a readable magcalc diary ({error}); it was left untouched")
    return DiaryError(f"the diary {path} could not be written ({error}){unchanged}")


def _identity(conn: sqlite3.Connection, path: Path) -> bool:
    """True when the file is a fresh, empty database that magcalc may claim (the caller holds a
    transaction: another process creating the diary at the same moment is not seen half way)."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id == 0 and version == 0 and tables == 0:
        return True
    if app_id != APPLICATION_ID:
        raise DiaryError(f"{path} is another program's database, not a magcalc diary; it was left untouched")
    if version > len(MIGRATIONS):
        raise DiaryError(
            f"{path} was written by a newer magcalc (diary version {version}, this one knows "
            f"{len(MIGRATIONS)}); upgrade magcalc to use it"
        )
    _check_schema(conn, path, version)
    return False


# The tables each diary version has; anything else that SQLite would run (a view, a trigger, a
# virtual table) is refused, since a diary given with --db may have been made by anyone.
def _tables_by_version() -> dict[int, set[str]]:
    tables: set[str] = set()
    found = {0: set(tables)}
    for version, (_name, sql) in enumerate(MIGRATIONS, start=1):
        for statement in sql.split(";"):
            for old, new in re.findall(r"ALTER TABLE (\w+) RENAME TO (\w+)", statement):
                tables.discard(old)
                tables.add(new)
            tables |= set(re.findall(r"CREATE TABLE (\w+)", statement))
            tables -= set(re.findall(r"DROP TABLE (\w+)", statement))
        found[version] = set(tables)
    return found


_TABLES = _tables_by_version()


def _check_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    found = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    for kind, name, sql in found:
        foreign = kind in ("view", "trigger") or (
            kind == "table" and not str(sql or "").upper().startswith("CREATE TABLE")
        )
        if foreign:
            raise DiaryError(
                f"{path} holds a {kind} {name!r} that magcalc did not make; it was left untouched"
            )
    tables = {name for kind, name, _sql in found if kind == "table" and not name.startswith("sqlite_")}
    missing = _TABLES.get(version, set()) - tables
    if missing:
        raise DiaryError(f"{path} is a damaged magcalc diary (no table {sorted(missing)[0]!r})")


def _connect(path: Path, *, write: bool) -> sqlite3.Connection:
    """A connection that can only do what the command needs: read-only (mode=ro) for reading."""
    from urllib.parse import quote

    uri = f"file:{quote(str(path.absolute()))}?mode={'rw' if write else 'ro'}"
    if not write and not os.access(path.parent, os.W_OK) and not _sidecar(path, "-wal").exists():
        uri += "&immutable=1"  # read-only media: SQLite cannot make the -shm file, and nobody writes
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    conn.execute("PRAGMA trusted_schema = OFF")
    deadline = time.monotonic() + MAX_QUERY_S
    conn.set_progress_handler(lambda: time.monotonic() > deadline, 100_000)
    return conn


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _unblock_shm(path: Path) -> None:
    """A -shm file of ours left read-only (0400) by a failed write would refuse every later write:
    give it back the write permission it needs (it holds no data, only the lock index)."""
    shm = _sidecar(path, "-shm")
    try:
        info = shm.lstat()
        if stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & stat.S_IWUSR:
            os.chmod(shm, 0o600)
    except OSError:
        pass


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (SQLite ends one itself on a full disk)."""
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


@contextlib.contextmanager
def open_diary(path: Path, *, write: bool, create_folder: bool = True) -> Iterator[Diary | None]:
    """One transaction on the diary at `path`.

    Reading opens the file read-only and never changes it: a missing or empty file yields None,
    and a diary of an older version is migrated in memory (the file is upgraded by the next
    write, and `Diary.problems` says so). Writing creates the folder (0700, when `create_folder`)
    and the file (0600), migrates, and holds the write lock only for the caller's block: do slow
    work before. Any error rolls the whole transaction back.
    """
    kind = _file_kind(path, write=write)
    if kind in ("absent", "empty") and not write:
        yield None
        return
    if kind == "absent":
        try:
            if create_folder:
                path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o600)
            os.close(fd)
        except FileExistsError:
            _file_kind(path, write=True)  # another process made it meanwhile: still a regular file?
        except OSError as error:
            raise DiaryError(f"cannot create the diary {path}: {error.strerror or error}") from None
    _check_foreign(path)
    if write:
        _unblock_shm(path)
    try:
        conn = _connect(path, write=write)
    except sqlite3.Error as error:
        raise _problem(path, error, write) from None
    try:
        with _transaction(conn, path, write=write) as diary:
            yield diary
    except sqlite3.Error as error:
        raise _problem(path, error, write) from None
    finally:
        conn.close()


def _patiently(conn: sqlite3.Connection, statement: str) -> None:
    """Run `statement`, again and again while the diary is busy, for up to BUSY_TIMEOUT_S. SQLite
    waits for a lock itself, but some of its 'busy' answers come at once (changing a fresh file to
    WAL while another process opens it; a WAL being recovered): ten `magcalc add` at once on a new
    diary must all land."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.01
    while True:
        try:
            conn.execute(statement)
            return
        except sqlite3.OperationalError as error:
            name = getattr(error, "sqlite_errorname", "") or ""
            if not name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection, path: Path, *, write: bool) -> Iterator[Diary]:
    if write:  # WAL only for a file known to be a diary (or a fresh one), before the write lock
        conn.execute("BEGIN")
        try:
            _identity(conn, path)
        finally:
            _rollback(conn)
        _patiently(conn, "PRAGMA journal_mode=WAL")
    _patiently(conn, "BEGIN IMMEDIATE" if write else "BEGIN")
    try:
        fresh = _identity(conn, path)  # again: another process may have claimed the file meanwhile
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if write:
            _migrate(conn, fresh, version)
            yield Diary(conn)
        elif version < len(MIGRATIONS):
            yield _migrated_copy(conn, path, version, fresh)
        else:
            yield Diary(conn)
    except BaseException:
        _rollback(conn)
        raise
    conn.execute("COMMIT")


def _migrated_copy(conn: sqlite3.Connection, path: Path, version: int, fresh: bool) -> Diary:
    """An older diary, read: copied into memory and migrated there, the file left as it is."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    conn.backup(memory)
    memory.execute("BEGIN")
    _migrate(memory, fresh, version)
    diary = Diary(memory)
    if not fresh:
            diary.problems.append(
            f"the diary {path} is version {version}; magcalc upgrades it to version {len(MIGRATIONS)} "
            "on the next change (a migration is pending)"
        )
    return diary


def exposure(path: Path) -> str | None:
    """A warning when the diary (health data) can be read by other users, else None."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if mode & 0o077:
        return (
            f"the diary {path} can be read by other users (mode {stat.S_IMODE(mode):o}); "
            f"make it private with: chmod 600 {path}"
        )
    return None


def _migrate(conn: sqlite3.Connection, fresh: bool, version: int) -> None:
    """Claim a fresh file and apply the missing migrations, inside the caller's transaction (for
    a file: under the write lock, after the identity was checked under it)."""
    if fresh:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for _name, sql in MIGRATIONS[version:]:
        for statement in filter(str.strip, sql.split(";")):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")


_COLUMNS = (
    "entry_id", "typed", "food_id", "food_name", "amount", "unit", "grams", "magnesium_mg",
    "date", "time", "meal", "note", "added_at", "import_key", "source", "confident", "assumed",
)  # fmt: skip
_IS_SUPPLEMENT = "(source = 'supplement' OR food_id LIKE 'supplement/%')"
_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no look-alikes (i/l/1, o/0)


@dataclass(frozen=True)
class Change:
    """One journalled change: what command made it, when, and how many entries it touched."""

    command: str
    at: str
    entries: int
    described: tuple[str, ...] = ()  # each entry touched: 'almonds, 1 oz (x5hqt7)'


class Diary:
    """The entries, journal and profile of one open diary, inside the caller's one transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._change: int | None = None
        # What reading found wrong (a stored row that is not valid, a pending migration): the
        # row is left out and the CLI shows these as warnings. Nothing stored can fail a command.
        self.problems: list[str] = []

    # -- reading -----------------------------------------------------------------------------

    def entries(self, start: dt.date | None = None, end: dt.date | None = None) -> list[LineItem]:
        """Valid entries dated start..end (inclusive; None is open), by date and then in the order
        added; an invalid stored row is left out and reported in `problems`."""
        rows = self.conn.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM entries WHERE date >= ? AND date <= ? ORDER BY date, id",
            ((start or dt.date.min).isoformat(), (end or dt.date.max).isoformat()),
        )
        items: list[LineItem] = []
        for row in rows:
            item = self._valid(len(items) + 1, row)
            if item is not None:
                items.append(item)
        return items

    def day_sums(self, start: dt.date, end: dt.date) -> dict[dt.date, tuple[float, int, int, float]]:
        """(known magnesium, entries, entries with magnesium unknown, magnesium from supplements)
        for each date with entries, summed by SQLite over the date index, without loading the
        entries; rows with impossible values are left out (and reported)."""
        rows = self.conn.execute(
            "SELECT date, coalesce(sum(magnesium_mg), 0), count(*), sum(magnesium_mg IS NULL),"
            f" coalesce(sum(CASE WHEN {_IS_SUPPLEMENT} THEN magnesium_mg END), 0) FROM entries"
            f" WHERE date >= ? AND date <= ? AND {_PLAUSIBLE} GROUP BY date",
            (start.isoformat(), end.isoformat()),
        )
        sums = {}
        for day, total, count, unknown, supplement in rows:
            parsed = _date(day)
            if parsed is not None:
                sums[parsed] = (float(total), count, unknown, float(supplement))
        bad = self.conn.execute(
            f"SELECT entry_id FROM entries WHERE date >= ? AND date <= ? AND NOT ({_PLAUSIBLE}) LIMIT 100",
            (start.isoformat(), end.isoformat()),
        ).fetchall()
        bad += [(i,) for d, i in self.conn.execute(
            "SELECT date, entry_id FROM entries WHERE date >= ? AND date <= ?",
            (start.isoformat(), end.isoformat()),
        ) if _date(d) is None][:100]  # fmt: skip
        for (entry_id,) in bad:
            self.problems.append(_unreadable(entry_id, "impossible values"))
        return sums

    def food_sums(self, start: dt.date, end: dt.date) -> dict[tuple[str | None, str, str], float]:
        """Known magnesium by (food id, food name, source) over the days, for "where it came from"."""
        rows = self.conn.execute(
            f"SELECT food_id, food_name, CASE WHEN {_IS_SUPPLEMENT} THEN 'supplement' ELSE source END,"
            " sum(magnesium_mg) FROM entries WHERE date >= ? AND date <= ? AND magnesium_mg IS NOT NULL"
            " GROUP BY 1, 2, 3",
            (start.isoformat(), end.isoformat()),
        )
        return {(food_id or None, name, source or _source(food_id or "")): float(mg)
                for food_id, name, source, mg in rows}  # fmt: skip

    def entry(self, entry_id: str) -> LineItem:
        row = self._row(entry_id)
        if row is None:
            raise MagcalcError(f"no diary entry has the id {entry_id!r}")
        try:
            return _item(1, tuple(row[c] for c in _COLUMNS))
        except ValueError as error:  # a pydantic ValidationError is one
            raise MagcalcError(f"{_unreadable(entry_id, _reason(error))}") from None

    def dates(self) -> tuple[dt.date, dt.date] | None:
        """The first and last valid dates with entries."""
        days = [d for (text,) in self.conn.execute("SELECT DISTINCT date FROM entries") if (d := _date(text))]
        return (min(days), max(days)) if days else None

    def known_ids(self, entry_ids: Iterable[str]) -> set[str]:
        return self._present("entry_id", entry_ids)

    def known_import_keys(self, keys: Iterable[str]) -> set[str]:
        return self._present("import_key", keys)

    def _present(self, column: str, values: Iterable[str]) -> set[str]:
        """Which of `values` the entries hold in `column` (entry_id or import_key), a chunk a query."""
        wanted = sorted(set(values))
        found: set[str] = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            rows = self.conn.execute(
                f"SELECT {column} FROM entries WHERE {column} IN ({', '.join('?' * len(chunk))})", chunk
            )
            found.update(value for (value,) in rows)
        return found

    def logged_dates(self, days: Iterable[dt.date]) -> set[dt.date]:
        """Which of `days` have any entry."""
        found: set[dt.date] = set()
        for day in days:
            row = self.conn.execute("SELECT 1 FROM entries WHERE date = ? LIMIT 1", (day.isoformat(),))
            if row.fetchone() is not None:
                found.add(day)
        return found

    def ids_named(self, typed: str, source: str, days: Iterable[dt.date]) -> list[str]:
        """The ids of entries typed as `typed` from `source` on any of `days`."""
        ids: list[str] = []
        for day in sorted(set(days)):
            rows = self.conn.execute(
                "SELECT entry_id FROM entries WHERE date = ? AND typed = ? AND source = ? ORDER BY id",
                (day.isoformat(), typed, source),
            )
            ids.extend(entry_id for (entry_id,) in rows)
        return ids

    def profile(self) -> Person | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = 'profile'").fetchone()
        if row is None:
            return None
        try:
            return Person.model_validate_json(row[0])
        except ValueError as error:
            self.problems.append(
                f"the stored profile cannot be read ({_reason(error)}); it was left out "
                "(magcalc profile set stores a new one)"
            )
            return None

    # -- changing (each call journals what it replaces) --------------------------------------

    def begin(self, command: str) -> None:
        """Start the journal record that `undo` will reverse; one per command."""
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        cursor = self.conn.execute("INSERT INTO changes (command, at) VALUES (?, ?)", (command, at))
        self._change = cursor.lastrowid
        self.conn.execute(
            "DELETE FROM change_rows WHERE change_id <= (SELECT max(id) FROM changes) - ?", (KEEP_CHANGES,)
        )
        self.conn.execute(
            "DELETE FROM changes WHERE id <= (SELECT max(id) FROM changes) - ?", (KEEP_CHANGES,)
        )

    def add(
        self,
        items: Sequence[LineItem],
        default_date: dt.date,
        import_keys: Sequence[str | None] | None = None,
    ) -> list[LineItem]:
        """Store measured entries; an item's own entry_id (from an export) is kept. Returns them
        as stored, with their ids."""
        added_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        given = self.known_ids(item.entry_id for item in items if item.entry_id)
        if given:
            raise MagcalcError(*(f"the diary already has an entry with the id {e!r}" for e in sorted(given)))
        new_ids = self._new_ids(sum(1 for item in items if not item.entry_id))
        stored = []
        for number, item in enumerate(items):
            entry_id = item.entry_id or new_ids.pop()
            values = {
                "entry_id": entry_id,
                "typed": item.input,
                "food_id": item.food_id or "",
                "food_name": item.food_name,
                "amount": item.amount,
                "unit": item.unit,
                "grams": item.grams,
                "magnesium_mg": item.magnesium_mg,
                "date": (item.date or default_date).isoformat(),
                "time": item.time,
                "meal": item.meal,
                "note": item.note,
                "added_at": added_at,
                "import_key": import_keys[number] if import_keys else None,
                "source": item.source,
                "confident": int(item.confident),
                "assumed": item.assumed,
            }
            self._journal_new(entry_id)
            self._insert(values)
            stored.append(item.model_copy(update={"entry_id": entry_id, "date": item.date or default_date}))
        return stored

    def replace(self, entry_id: str, item: LineItem) -> LineItem:
        """Put a re-measured entry in place of `entry_id`, keeping its id."""
        before = self._row(entry_id)
        if before is None:
            raise MagcalcError(f"no diary entry has the id {entry_id!r}")
        self._journal(entry_id)
        self.conn.execute(
            "UPDATE entries SET typed = ?, food_id = ?, food_name = ?, amount = ?, unit = ?, grams = ?,"
            " magnesium_mg = ?, date = ?, time = ?, meal = ?, note = ?, source = ?, confident = ?,"
            " assumed = ? WHERE entry_id = ?",
            (
                item.input, item.food_id or "", item.food_name, item.amount, item.unit, item.grams,
                item.magnesium_mg, (item.date or dt.date.fromisoformat(before["date"])).isoformat(),
                item.time, item.meal, item.note, item.source, int(item.confident), item.assumed, entry_id,
            ),
        )  # fmt: skip
        return self.entry(entry_id)

    def remove(self, entry_ids: Sequence[str]) -> list[Removed]:
        """Remove entries by id, valid or not; any unknown id removes nothing and raises."""
        unknown = [e for e in dict.fromkeys(entry_ids) if self._row(e) is None]
        if unknown:
            raise MagcalcError(*(f"no diary entry has the id {e!r}" for e in unknown))
        removed = []
        for entry_id in dict.fromkeys(entry_ids):
            row = self._row(entry_id)
            assert row is not None
            amount = row["amount"]
            what = f"{row['typed']}, {amount:g} {row['unit'] or ''}" if isinstance(amount, float | int) else (
                str(row["typed"]))  # fmt: skip
            removed.append(Removed(entry_id, str(row["date"]), what.rstrip()))
            self._journal(entry_id)
            self.conn.execute("DELETE FROM entries WHERE entry_id = ?", (entry_id,))
        return removed

    def undo(self) -> Change | None:
        """Reverse the most recent journalled change; None when there is nothing to undo."""
        last = self.conn.execute("SELECT id, command, at FROM changes ORDER BY id DESC LIMIT 1").fetchone()
        if last is None:
            return None
        change_id, command, at = last
        rows = self.conn.execute(
            "SELECT entry_id, before FROM change_rows WHERE change_id = ? ORDER BY id DESC", (change_id,)
        ).fetchall()
        touched: list[str] = []
        for entry_id, before in rows:
            now = self._row(entry_id)
            gone = json.loads(before) if before is not None else None
            row = now if now is not None else gone
            if row is not None:
                amount = f"{float(row['amount']):g} {row['unit'] or ''}".strip()
                touched.append(f"{row['typed']}, {amount} ({entry_id})")
            self.conn.execute("DELETE FROM entries WHERE entry_id = ?", (entry_id,))
            if before is not None:
                self._insert(json.loads(before))
        self.conn.execute("DELETE FROM change_rows WHERE change_id = ?", (change_id,))
        self.conn.execute("DELETE FROM changes WHERE id = ?", (change_id,))
        return Change(command, at, len({entry_id for entry_id, _ in rows}), tuple(dict.fromkeys(touched)))

    def user_foods(self) -> list[UserFood]:
        """The user's valid foods; an invalid stored record is left out and reported."""
        records = []
        for food_id, record in self.conn.execute("SELECT food_id, record FROM user_foods ORDER BY id"):
            try:
                records.append(UserFood.model_validate_json(record))
            except ValueError as error:
                self.problems.append(
                    f"your food {food_id!r} cannot be read ({_reason(error)}); it was left out "
                    f"(magcalc foods rm {food_id} removes it)"
                )
        return records

    def user_food(self, name_or_id: str) -> UserFood:
        """A stored food by its id (user/...) or its name (any case)."""
        food_id, record = self._user_food_row(name_or_id)
        try:
            return UserFood.model_validate_json(record)
        except ValueError as error:
            raise MagcalcError(
                f"your food {food_id!r} cannot be read ({_reason(error)}); "
                f"magcalc foods rm {food_id} removes it"
            ) from None

    def _user_food_row(self, name_or_id: str) -> tuple[str, str]:
        row = self.conn.execute(
            "SELECT food_id, record FROM user_foods WHERE food_id = ? OR name_key = ?",
            (name_or_id.strip(), _key(name_or_id)),
        ).fetchone()
        if row is None:
            raise MagcalcError(
                f"you have no food or recipe called {name_or_id!r} (magcalc foods mine lists them)"
            )
        return str(row[0]), str(row[1])

    def save_user_food(self, record: UserFood, replace: str | None = None) -> UserFood:
        """Store a new food, or put `record` in place of the food with id `replace`.

        A name already taken by another of the user's foods is refused.
        """
        taken = self.conn.execute(
            "SELECT food_id FROM user_foods WHERE (name_key = ? OR food_id = ?) AND food_id IS NOT ?",
            (_key(record.name), record.food_id, replace),
        ).fetchone()
        if taken is not None:
            raise MagcalcError(
                f"the name {record.name!r} is taken by your food {taken[0]}; pick another name"
            )
        if replace is not None:
            self.conn.execute("DELETE FROM user_foods WHERE food_id = ?", (replace,))
        self.conn.execute(
            "INSERT INTO user_foods (food_id, name_key, record) VALUES (?, ?, ?)",
            (record.food_id, _key(record.name), record.model_dump_json()),
        )
        return record

    def remove_user_food(self, name_or_id: str) -> tuple[str, str]:
        """Remove a food, even one whose stored record cannot be read; its (id, name)."""
        food_id, record = self._user_food_row(name_or_id)
        self.conn.execute("DELETE FROM user_foods WHERE food_id = ?", (food_id,))
        try:
            name = str(json.loads(record).get("name", ""))
        except (ValueError, AttributeError):
            name = ""
        return food_id, name

    def words(self) -> dict[str, str]:
        """The person's own words for foods (words key -> food id), as taught by choosing a match."""
        return dict(self.conn.execute("SELECT words, food_id FROM food_words"))

    def word_rows(self) -> list[tuple[str, str, str, str]]:
        """(words key, food id, what was typed, added on) of each remembered choice."""
        rows = self.conn.execute("SELECT words, food_id, typed, added_on FROM food_words ORDER BY typed")
        return list(rows)

    def remember(self, words: str, food_id: str, typed: str, added_on: dt.date) -> None:
        self.conn.execute(
            "INSERT INTO food_words (words, food_id, typed, added_on) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (words) DO UPDATE SET food_id = excluded.food_id, typed = excluded.typed,"
            " added_on = excluded.added_on",
            (words, food_id, typed, added_on.isoformat()),
        )

    def forget(self, words: str) -> bool:
        return self.conn.execute("DELETE FROM food_words WHERE words = ?", (words,)).rowcount > 0

    def set_profile(self, person: Person) -> None:
        self._set("profile", person.model_dump_json())

    def standard(self) -> str | None:
        """The reference standard chosen in the profile (iom or efsa), if one was."""
        row = self.conn.execute("SELECT value FROM settings WHERE key = 'standard'").fetchone()
        return None if row is None else str(row[0])

    def set_standard(self, standard: str) -> None:
        self._set("standard", standard)

    def _set(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- helpers -------------------------------------------------------------------------------

    def _row(self, entry_id: str) -> sqlite3.Row | None:
        cursor = self.conn.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM entries WHERE entry_id = ?", (entry_id,)
        )
        cursor.row_factory = sqlite3.Row
        row: sqlite3.Row | None = cursor.fetchone()
        return row

    def _insert(self, values: dict[str, object]) -> None:
        """Insert a row; a snapshot's own rowid ("id") is reused so that undo keeps the order."""
        columns = ("id", *_COLUMNS) if "id" in values else _COLUMNS
        self.conn.execute(
            f"INSERT INTO entries ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [values[c] for c in columns],
        )

    def _journal(self, entry_id: str) -> None:
        if self._change is None:
            raise RuntimeError("Diary.begin() must be called before changing entries")
        row = self.conn.execute(
            f"SELECT id, {', '.join(_COLUMNS)} FROM entries WHERE entry_id = ?", (entry_id,)
        ).fetchone()
        before = None if row is None else json.dumps(dict(zip(("id", *_COLUMNS), row, strict=True)))
        self.conn.execute(
            "INSERT INTO change_rows (change_id, entry_id, before) VALUES (?, ?, ?)",
            (self._change, entry_id, before),
        )

    def _journal_new(self, entry_id: str) -> None:
        """Journal an entry that did not exist before (undo removes it)."""
        if self._change is None:
            raise RuntimeError("Diary.begin() must be called before changing entries")
        self.conn.execute(
            "INSERT INTO change_rows (change_id, entry_id, before) VALUES (?, ?, NULL)",
            (self._change, entry_id),
        )

    def _new_ids(self, count: int) -> list[str]:
        """Short ids, stable for an entry's life: 6 letters and digits, unique in the diary and
        among themselves (asked about in one query per chunk, not one per id)."""
        chosen: set[str] = set()
        while len(chosen) < count:
            candidates = {
                "".join(secrets.choice(_ID_ALPHABET) for _ in range(6)) for _ in range(count - len(chosen))
            }
            chosen |= candidates - self.known_ids(candidates)
        return list(chosen)

    def _valid(self, line: int, row: Sequence[object]) -> LineItem | None:
        try:
            return _item(line, row)
        except ValueError as error:  # a pydantic ValidationError is one
            self.problems.append(_unreadable(row[0], _reason(error)))
            return None


# Rows whose numbers a sum may use: finite, not negative, within the models' bounds (a NaN is
# stored by SQLite as NULL, which is "unknown", as it should be).
_PLAUSIBLE = (
    "typeof(magnesium_mg) IN ('null', 'integer', 'real')"
    " AND (magnesium_mg IS NULL OR (magnesium_mg >= 0 AND magnesium_mg <= 1e9))"
    " AND typeof(grams) IN ('integer', 'real') AND grams >= 0 AND grams <= 1e9"
    " AND typeof(amount) IN ('integer', 'real') AND amount >= 0 AND amount <= 1e9"
    f" AND (source IS NULL OR source IN ({', '.join(repr(s) for s in get_args(Source))}))"
)


@dataclass(frozen=True)
class Removed:
    """A removed entry, as raw as it was stored (it may have been an invalid one)."""

    entry_id: str
    date: str
    what: str


def _date(text: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        return None


def _reason(error: ValueError) -> str:
    errors = getattr(error, "errors", None)
    if callable(errors):
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in errors()[:3])
    return str(error)


def _unreadable(entry_id: object, reason: str) -> str:
    return (
        f"the diary entry {entry_id!r} cannot be read ({reason}); it was left out "
        f"(magcalc rm {entry_id} removes it)"
    )


def _source(food_id: str) -> str:
    """The source of an entry stored before sources were recorded (diary version 3 and older)."""
    if food_id.startswith("supplement/"):
        return "supplement"
    if food_id.startswith("user/"):
        return "user"
    return "usda-fndds-2021-2023" if len(food_id) == 8 else "usda-sr28"


def _item(line: int, row: Sequence[object]) -> LineItem:
    values = dict(zip(_COLUMNS, row, strict=True))
    food_id = str(values["food_id"] or "")
    return LineItem.model_validate(
        {
            "line": line,
            "input": values["typed"],
            "portion": None,
            "kind": "supplement" if food_id.startswith("supplement/") else "food",
            **{k: values[k] for k in _COLUMNS if k not in ("typed", "added_at", "import_key")},
            "food_id": food_id or None,
            "source": values["source"] or _source(food_id),
            "confident": bool(values["confident"]),
        }
    )
