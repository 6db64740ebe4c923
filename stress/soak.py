"""Soak the diary: many adds from several processes at once while others keep reading it.

    python stress/soak.py                   # 10,000 adds by 4 writers, 3 readers, 100 CLI adds
    python stress/soak.py --adds 2000 --writers 2

Each add is its own transaction, as `magcalc add` makes it; each carries a unique note, and at the
end every one must be in the diary exactly once, readers must never have failed or seen a total go
down, and the diary must pass SQLite's integrity check. Exits 1 on any loss. Not part of the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = dt.date.today()


def writer(path: str, number: int, adds: int, errors: mp.Queue) -> None:  # type: ignore[type-arg]
    from magcalc.diary import open_diary
    from magcalc.logfile import parse_log_text
    from magcalc.report import measure_all

    template = measure_all(parse_log_text("almonds,1,oz\n").entries)[0]
    for n in range(adds):
        item = template.model_copy(update={"note": f"w{number}-{n}"})
        try:
            with open_diary(Path(path), write=True) as diary:
                assert diary is not None
                diary.begin("add")
                diary.add([item], TODAY)
        except Exception as error:  # noqa: BLE001 - every failure is reported
            errors.put(f"writer {number}, add {n}: {error!r}")


def reader(path: str, stop: mp.Event, reads: mp.Value, errors: mp.Queue) -> None:  # type: ignore[type-arg]
    from magcalc.diary import open_diary

    last = 0
    while not stop.is_set():
        try:
            with open_diary(Path(path), write=False) as diary:
                count = len(diary.entries(TODAY, TODAY)) if diary else 0
            if count < last:
                errors.put(f"a reader saw {count} entries after {last}")
            last = count
            with reads.get_lock():
                reads.value += 1
        except Exception as error:  # noqa: BLE001
            errors.put(f"reader: {error!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--adds", type=int, default=10_000, help="adds in all, by the writer processes")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--readers", type=int, default=3)
    parser.add_argument("--cli-adds", type=int, default=100, help="extra adds through the magcalc command")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "diary.sqlite3")
        errors: mp.Queue = mp.Queue()  # type: ignore[type-arg]
        stop = mp.Event()
        reads = mp.Value("q", 0)
        per_writer = args.adds // args.writers
        started = time.monotonic()
        readers = [mp.Process(target=reader, args=(path, stop, reads, errors)) for _ in range(args.readers)]
        writers = [mp.Process(target=writer, args=(path, w, per_writer, errors)) for w in range(args.writers)]
        for process in readers + writers:
            process.start()
        magcalc = str(Path(sys.executable).parent / "magcalc")
        env = {**os.environ, "NO_COLOR": "1"}
        cli_failures = 0
        for batch in range(0, args.cli_adds, 10):  # 10 `magcalc add` processes at a time, alongside
            procs = [
                subprocess.Popen([magcalc, "add", "banana", "1", "medium", "--note", f"cli-{batch + i}", "--db", path],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
                for i in range(min(10, args.cli_adds - batch))
            ]  # fmt: skip
            for proc in procs:
                if proc.wait() != 0:
                    cli_failures += 1
                    errors.put(f"magcalc add: {proc.stderr.read().decode() if proc.stderr else ''}")
        for process in writers:
            process.join()
        stop.set()
        for process in readers:
            process.join()
        elapsed = time.monotonic() - started
        problems = []
        while not errors.empty():
            problems.append(errors.get())
        conn = sqlite3.connect(path)
        notes = [n for (n,) in conn.execute("SELECT note FROM entries")]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        expected = {f"w{w}-{n}" for w in range(args.writers) for n in range(per_writer)}
        expected |= {f"cli-{n}" for n in range(args.cli_adds)}
        missing = expected - set(notes)
        duplicated = len(notes) - len(set(notes))
        print(f"{len(expected):,} adds ({per_writer * args.writers:,} by {args.writers} writer processes, "
              f"{args.cli_adds} by `magcalc add`) with {args.readers} readers, in {elapsed:.1f} s")  # fmt: skip
        print(f"entries in the diary: {len(notes):,}; missing {len(missing)}; duplicated {duplicated}; "
              f"reads done: {reads.value:,}; errors: {len(problems)}; integrity: {integrity}")  # fmt: skip
        for problem in problems[:10]:
            print("  " + problem)
        sys.exit(1 if missing or duplicated or problems or integrity != "ok" or cli_failures else 0)


if __name__ == "__main__":
    main()
