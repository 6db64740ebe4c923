"""The diary's storage: migrations, one transaction per use, the undo journal, nothing lost,
foreign files untouched. (The commands are tested in test_diary_cli.py.)"""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from pathlib import Path

import pytest

from magcalc.diary import APPLICATION_ID, MIGRATIONS, Diary, DiaryError, open_diary
from magcalc.errors import MagcalcError
from magcalc.logfile import parse_log_text
from magcalc.models import LineItem
from magcalc.paths import diary_path, magcalc_home
from magcalc.report import measure_all

TODAY = dt.date(2026, 11, 21)


def items(text: str = "food,amount,unit\nspinach cooked,1,cup\nalmonds,1,oz\n"):  # type: ignore[no-untyped-def]
    return measure_all(parse_log_text(text).entries)


def add(diary: Diary, new: list[LineItem]) -> list[str]:
    diary.begin("add")
    return [item.entry_id or "" for item in diary.add(new, TODAY)]


def entries(path: Path) -> list[LineItem]:
    with open_diary(path, write=False) as diary:
        return diary.entries() if diary else []


def test_home_follows_magcalc_home(tmp_path: Path) -> None:
    assert magcalc_home() == tmp_path / "magcalc-home"
    assert diary_path() == tmp_path / "magcalc-home" / "diary.sqlite3"
    assert diary_path(tmp_path / "other.db") == tmp_path / "other.db"


def test_reading_a_missing_diary_creates_nothing() -> None:
    path = diary_path()
    with open_diary(path, write=False) as diary:
        assert diary is None
    assert not path.parent.exists()


def test_first_write_creates_a_private_folder_and_file_and_migrates() -> None:
    path = diary_path()
    with open_diary(path, write=True) as diary:
        assert diary is not None
        ids = add(diary, items())
    assert len(ids) == 2 and len(set(ids)) == 2
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with open_diary(path, write=False) as diary:
        assert diary is not None
        stored = diary.entries(TODAY, TODAY)
    assert [e.input for e in stored] == ["spinach cooked", "almonds"]
    assert [e.entry_id for e in stored] == ids
    assert sum(e.magnesium_mg or 0 for e in stored) == pytest.approx(233, abs=1)


def test_an_error_inside_the_transaction_leaves_the_diary_as_it_was() -> None:
    path = diary_path()
    with open_diary(path, write=True) as diary:
        assert diary is not None
        add(diary, items())
    with pytest.raises(RuntimeError), open_diary(path, write=True) as diary:
        assert diary is not None
        add(diary, items())
        raise RuntimeError("killed half way")
    assert len(entries(path)) == 2


def test_remove_and_unknown_ids() -> None:
    path = diary_path()
    with open_diary(path, write=True) as diary:
        assert diary is not None
        first, _second = add(diary, items())
        diary.begin("rm")
        diary.remove([first])
        with pytest.raises(MagcalcError, match="no diary entry has the id 'nope'"):
            diary.remove(["nope"])
    assert [e.input for e in entries(path)] == ["almonds"]


def test_undo_walks_back_through_add_edit_and_remove() -> None:
    path = diary_path()
    with open_diary(path, write=True) as diary:
        assert diary is not None
        first, second = add(diary, items())
    with open_diary(path, write=True) as diary:
        assert diary is not None
        diary.begin("edit")
        diary.replace(first, diary.entry(first).model_copy(update={"note": "edited", "meal": "lunch"}))
    with open_diary(path, write=True) as diary:
        assert diary is not None
        diary.begin("rm")
        diary.remove([second, first])
    assert entries(path) == []
    snapshots = []
    for expected in ("rm", "edit", "add"):
        with open_diary(path, write=True) as diary:
            assert diary is not None
            change = diary.undo()
        assert change is not None and change.command == expected
        snapshots.append([(e.entry_id, e.note) for e in entries(path)])
    assert snapshots == [[(first, "edited"), (second, None)], [(first, None), (second, None)], []]
    with open_diary(path, write=True) as diary:
        assert diary is not None
        assert diary.undo() is None


def test_a_version_1_diary_is_read_without_migrating_and_migrated_by_a_write(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    raw = sqlite3.connect(path)
    raw.executescript(MIGRATIONS[0][1])
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.execute("PRAGMA user_version = 1")
    raw.execute(
        "INSERT INTO entries (entry_id, typed, food_id, food_name, amount, unit, grams, magnesium_mg, date,"
        " added_at) VALUES ('abc234', 'almonds', '12061', 'Nuts, almonds', 1, 'oz', 28.35, 76.5,"
        " '2026-11-21', '2026-11-21T08:00:00+00:00')"
    )
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with open_diary(path, write=False) as diary:
        assert diary is not None
        assert [(e.entry_id, e.magnesium_mg) for e in diary.entries()] == [("abc234", 76.5)]
        assert any("migration is pending" in p for p in diary.problems)
    assert path.read_bytes() == before  # a read never migrates
    with open_diary(path, write=True) as diary:
        assert diary is not None
    assert [(e.entry_id, e.magnesium_mg) for e in entries(path)] == [("abc234", 76.5)]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


@pytest.mark.parametrize(
    "content",
    [
        b"date,food\n2026-11-21,almonds\n",
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        b"SQLite format 3\x00" + b"\xff" * 200,
    ],
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
    before = path.read_bytes()
    with pytest.raises(DiaryError, match="newer magcalc"), open_diary(path, write=False):
        pass
    assert path.read_bytes() == before
