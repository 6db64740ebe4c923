"""The diary's storage: migrations, one transaction per use, nothing lost, foreign files untouched.

(The diary commands of issue 3 build on this layer.)"""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from magcalc.diary import (
    APPLICATION_ID,
    MIGRATIONS,
    DiaryError,
    add_entries,
    list_entries,
    open_diary,
    remove_entries,
)
from magcalc.errors import MagcalcError
from magcalc.logfile import parse_log_text
from magcalc.paths import diary_path, magcalc_home
from magcalc.report import measure_all

TODAY = dt.date(2026, 11, 21)


def items(text: str = "food,amount,unit\nspinach cooked,1,cup\nalmonds,1,oz\n"):  # type: ignore[no-untyped-def]
    return measure_all(parse_log_text(text).entries)


def test_home_follows_magcalc_home(tmp_path: Path) -> None:
    assert magcalc_home() == tmp_path / "magcalc-home"
    assert diary_path() == tmp_path / "magcalc-home" / "diary.sqlite3"
    assert diary_path(tmp_path / "other.db") == tmp_path / "other.db"


def test_reading_a_missing_diary_creates_nothing() -> None:
    path = diary_path()
    with open_diary(path, write=False) as conn:
        assert list_entries(conn, TODAY, TODAY) == []
    assert not path.parent.exists()


def test_first_write_creates_a_private_folder_and_file_and_migrates() -> None:
    path = diary_path()
    with open_diary(path, write=True) as conn:
        assert conn is not None
        ids = add_entries(conn, items(), TODAY)
    assert len(ids) == 2 and len(set(ids)) == 2
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with open_diary(path, write=False) as conn:
        stored = list_entries(conn, TODAY, TODAY)
    assert [e.input for e in stored] == ["spinach cooked", "almonds"]
    assert sum(e.magnesium_mg or 0 for e in stored) == pytest.approx(233, abs=1)


def test_an_error_inside_the_transaction_leaves_the_diary_as_it_was() -> None:
    path = diary_path()
    with open_diary(path, write=True) as conn:
        assert conn is not None
        add_entries(conn, items(), TODAY)
    with pytest.raises(RuntimeError), open_diary(path, write=True) as conn:
        assert conn is not None
        add_entries(conn, items(), TODAY)
        raise RuntimeError("killed half way")
    with open_diary(path, write=False) as conn:
        assert len(list_entries(conn, TODAY, TODAY)) == 2


def test_remove_and_unknown_ids() -> None:
    path = diary_path()
    with open_diary(path, write=True) as conn:
        assert conn is not None
        first, _second = add_entries(conn, items(), TODAY)
        remove_entries(conn, [first])
        with pytest.raises(MagcalcError, match="no diary entry has the id 'nope'"):
            remove_entries(conn, ["nope"])
    with open_diary(path, write=False) as conn:
        assert [e.input for e in list_entries(conn, TODAY, TODAY)] == ["almonds"]


@pytest.mark.parametrize(
    "content",
    [b"date,food\n2026-11-21,almonds\n", b"\x89PNG\r\n\x1a\n" + bytes(200), b"SQLite format 3\x00" + b"\xff" * 200],
)
def test_a_file_that_is_not_a_diary_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(DiaryError, match="left untouched"), open_diary(path, write=True):
        pass
    assert path.read_bytes() == content


def test_another_programs_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE photos (id INTEGER)")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(DiaryError, match="another program's database"), open_diary(path, write=True):
        pass
    assert path.read_bytes() == before


def test_a_diary_from_a_newer_magcalc_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with open_diary(path, write=True):
        pass
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    raw.commit()
    raw.close()
    with pytest.raises(DiaryError, match="newer magcalc"), open_diary(path, write=False):
        pass


def test_twenty_processes_adding_at_once_all_land(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    script = textwrap.dedent(
        f"""
        import datetime as dt, sys
        from magcalc.diary import add_entries, open_diary
        from magcalc.logfile import parse_log_text
        from magcalc.report import measure_all
        from pathlib import Path
        entries = measure_all(parse_log_text("almonds,1,oz\\n").entries)
        with open_diary(Path({str(path)!r}), write=True) as conn:
            add_entries(conn, entries, dt.date(2026, 11, 21))
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE) for _ in range(20)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 20, errors
    with open_diary(path, write=False) as conn:
        assert len(list_entries(conn, TODAY, TODAY)) == 20
