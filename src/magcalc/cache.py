"""A fast-to-load copy of what magcalc derives from its bundled data (the food table and its search
index), kept in the user's cache folder and rebuilt whenever the data or magcalc changes.

Parsing 24,000 CSV rows and indexing 8,789 descriptions takes a few hundred milliseconds; reading
them back with `marshal` (plain tuples, lists, dicts and strings: nothing is executed) takes a few.
Any problem with the cache (a read-only folder, a damaged file) falls back to building in memory.

The wheel carries the same payloads, built when the wheel is built (scripts/hatch_build.py), in
magcalc/data/cache/: the first run after installing reads them instead of building the index
(~1.5 s). They are used only while they match the files they were built from, byte counts and all.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from magcalc import __version__
from magcalc.resources import data_dir

CACHE_VARIABLE = "MAGCALC_CACHE"
BUNDLE_VARIABLE = "MAGCALC_BUNDLE"  # set by the wheel build: write each payload into this folder
BUNDLED = "cache"  # the folder in magcalc/data that holds the payloads built with the wheel
FORMAT = 3  # raised whenever the shape of a cached payload changes


def cache_dir() -> Path:
    """MAGCALC_CACHE, else the platform's cache folder (never the magcalc folder of MAGCALC_HOME:
    that holds the diary, and is created only when the diary is first written)."""
    explicit = os.environ.get(CACHE_VARIABLE)
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("magcalc", appauthor=False)


def _stamp(sources: tuple[str, ...], code: tuple[str, ...] = ()) -> str | None:
    """What the cached copy depends on: magcalc's version, Python's, the data files, and the
    modules that build it (so that a changed matcher never reads an index built by the old one)."""
    folder = data_dir()
    if not isinstance(folder, Path):
        return None  # data inside a zip: no stable file stamps, so no cache
    parts = [f"format {FORMAT}", __version__, sys.version.split()[0]]
    for path in [*(folder / name for name in sources), *map(Path, code)]:
        stat = path.stat()
        parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def _bundled_stamp(sources: tuple[str, ...], code: tuple[str, ...] = ()) -> str:
    """What a payload built with the wheel depends on: the format, magcalc's version and the sizes of
    the files it is built from (an installed file keeps its contents, not its build-time mtime;
    marshal's format for strings, lists and dicts does not change with Python's version)."""
    folder = data_dir()
    assert isinstance(folder, Path)
    parts = [f"format {FORMAT}", __version__]
    for path in [*(folder / name for name in sources), *map(Path, code)]:
        parts.append(f"{path.name}:{path.stat().st_size}")
    return "|".join(parts)


def _bundled(name: str, sources: tuple[str, ...], code: tuple[str, ...]) -> Any:
    """The payload the wheel carries for `name`, when it matches the installed files; else None."""
    try:
        with (Path(str(data_dir())) / BUNDLED / f"{name}.marshal").open("rb") as handle:
            saved_stamp, payload = marshal.load(handle)
        return payload if saved_stamp == _bundled_stamp(sources, code) else None
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _bundle(name: str, sources: tuple[str, ...], build: Callable[[], Any], code: tuple[str, ...]) -> Any:
    """Build `name` and write it into the folder the wheel build named (MAGCALC_BUNDLE)."""
    payload = build()
    folder = Path(os.environ[BUNDLE_VARIABLE])
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{name}.marshal").open("wb") as handle:
        marshal.dump((_bundled_stamp(sources, code), payload), handle)
    return payload


def load_or_build(
    name: str, sources: tuple[str, ...], build: Callable[[], Any], code: tuple[str, ...] = ()
) -> Any:
    """`build()`'s plain-data result, from the cache when it is current, else from the payload the
    wheel carries, else built and saved."""
    if os.environ.get(BUNDLE_VARIABLE):
        return _bundle(name, sources, build, code)
    try:
        stamp = _stamp(sources, code)
    except OSError:
        stamp = None
    if stamp is None or os.environ.get(CACHE_VARIABLE) == "off":
        return build()
    path = cache_dir() / f"{name}.marshal"
    try:
        with path.open("rb") as handle:
            saved_stamp, payload = marshal.load(handle)
        if saved_stamp == stamp:
            return payload
    except (OSError, EOFError, ValueError, TypeError):
        pass
    bundled = _bundled(name, sources, code)
    if bundled is not None:
        return bundled  # read from the installed wheel: nothing to build, nothing to write
    payload = build()
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with temporary.open("wb") as handle:
            marshal.dump((stamp, payload), handle)
        os.replace(temporary, path)
    except (OSError, ValueError):  # a read-only or full disk: work without the cache, leave nothing
        with contextlib.suppress(OSError):
            temporary.unlink()
    return payload
