"""magcalc's benchmark suite: medians over several runs, as ratios against baselines measured in
the same run (the machines are shared and noisy, so absolute times mean little).

    python bench/run.py            # everything (the 1,000,000-row log takes a while)
    python bench/run.py --quick    # fewer runs, no 1,000,000-row log

Run it with the interpreter magcalc is installed in. Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

BIN = Path(sys.executable).parent
MAGCALC = str(BIN / "magcalc")
MINIMAL_TYPER = textwrap.dedent(
    """
    import typer

    app = typer.Typer()

    def version(value: bool) -> None:
        if value:
            typer.echo("minimal 0.1")
            raise typer.Exit()

    @app.callback()
    def main(v: bool = typer.Option(False, "--version", callback=version, is_eager=True)) -> None:
        "A minimal Typer app: the framework's floor."

    @app.command()
    def hello(name: str) -> None:
        typer.echo(name)

    app()
    """
)


def run_once(argv: Sequence[str], stdin: Path | None = None, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time (s) and peak resident memory (KiB) of one process."""
    with open(stdin or os.devnull, "rb") as source:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        error = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"failed: {' '.join(argv)}\n{error}")
    return elapsed, usage.ru_maxrss


def median(argv: Sequence[str], runs: int, **kwargs: object) -> tuple[float, int]:
    results = [run_once(argv, **kwargs) for _ in range(runs)]  # type: ignore[arg-type]
    return statistics.median(t for t, _ in results), max(m for _, m in results)


def interleaved(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, float]:
    """Median wall time of each command, the commands taking turns run after run, so that a busy
    spell on a shared machine falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            times[name].append(run_once(argv, env=env)[0])
    return {name: statistics.median(values) for name, values in times.items()}


def everyday_names(count: int) -> list[tuple[str, str]]:
    """(food name, unit) for `count` distinct foods people log, as USDA describes them."""
    from magcalc.foods import load_foods

    foods = [f for f in load_foods().values() if f.survey and f.magnesium_mg_per_100g and not f.manufacturer]
    random.Random(1).shuffle(foods)
    return [(f.description, "g") for f in foods[:count]]


def write_log(path: Path, rows: int, names: list[tuple[str, str]]) -> None:
    rng = random.Random(rows)
    start = dt.date(2020, 1, 1)
    with path.open("w") as out:
        out.write("date,food,amount,unit\n")
        for n in range(rows):
            food, unit = names[n % len(names)]
            day = start + dt.timedelta(days=n // 20 % 3000)
            name = '"' + food.replace('"', '""') + '"'
            out.write(f"{day},{name},{rng.randint(5, 300)},{unit}\n")


def garble(description: str, rng: random.Random) -> str:
    """A name as a person might type it: words dropped, reordered, one misspelt."""
    words = [w for w in description.lower().replace(",", " ").split() if w.isalpha()]
    if len(words) > 2:
        words = rng.sample(words, k=max(2, len(words) - rng.randint(0, len(words) // 2)))
    if words and rng.random() < 0.5:
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 4:
            j = rng.randrange(1, len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def matching(names: int) -> tuple[int, float, int]:
    """Resolve `names` distinct garbled names in this process; (names, seconds, resolved)."""
    from magcalc.errors import MagcalcError
    from magcalc.foods import load_foods
    from magcalc.matching import resolve

    rng = random.Random(7)
    descriptions = [f.description for f in load_foods().values()]
    queries: set[str] = set()
    while len(queries) < names:
        queries.add(garble(rng.choice(descriptions), rng))
    resolve("almonds")  # load the table and index first: this measures matching
    start = time.perf_counter()
    resolved = 0
    for query in queries:
        try:
            resolve(query)
            resolved += 1
        except MagcalcError:
            pass
    return names, time.perf_counter() - start, resolved


def build_diary(home: Path, years: int) -> int:
    """A diary with `years` of entries (about 11 a day), imported in one transaction."""
    phrases = ["almonds,1,oz", "banana,1,medium", "spinach cooked,1,cup", "milk,1,cup", "oatmeal,1,cup",
               "black beans,1,cup", "brown rice,1,cup", "salmon,3,oz", "yogurt,1,cup", "dark chocolate,1,oz",
               "magnesium glycinate,200,mg"]  # fmt: skip
    today = dt.date.today()
    path = home / "five-years.csv"
    rows = 0
    with path.open("w") as out:
        out.write("date,food,amount,unit\n")
        for n in range(365 * years):
            day = today - dt.timedelta(days=n)
            for phrase in phrases:
                out.write(f"{day},{phrase}\n")
                rows += 1
    env = {**os.environ, "MAGCALC_HOME": str(home)}
    subprocess.run([MAGCALC, "import", str(path)], check=True, env=env, stdout=subprocess.DEVNULL)
    return rows


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="runs per start-up measurement (median)")
    parser.add_argument("--quick", action="store_true", help="3 runs, and no 1,000,000-row log")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    rows_out: list[tuple[str, str, str]] = []

    def row(name: str, value: str, note: str = "") -> None:
        rows_out.append((name, value, note))
        print(f"  {name:58s} {value:>14s}  {note}", flush=True)

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        env = {**os.environ, "MAGCALC_HOME": str(tmp / "empty-home"), "NO_COLOR": "1"}
        minimal = tmp / "minimal_typer.py"
        minimal.write_text(MINIMAL_TYPER)
        names = everyday_names(200)
        log20 = tmp / "log20.csv"
        write_log(log20, 20, names)

        print(f"magcalc benchmarks ({runs} runs each, interleaved, medians) on {machine()}")
        print("1. Start-up")
        median([MAGCALC, "log", str(log20)], 1, env=env)  # first run: builds any cache
        startup = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "minimal Typer app --version (the floor)": [sys.executable, str(minimal), "--version"],
            "magcalc --version": [MAGCALC, "--version"],
            "magcalc rda --age 40 --sex female": [MAGCALC, "rda", "--age", "40", "--sex", "female"],
            "magcalc log (20 rows)": [MAGCALC, "log", str(log20), "--age", "40", "--sex", "female"],
        }
        medians = interleaved(startup, runs, env)
        python_pass = medians["python -c pass"]
        typer_floor = medians["minimal Typer app --version (the floor)"]
        row("python -c pass", f"{python_pass * 1000:.0f} ms")
        row("minimal Typer app --version (the floor)", f"{typer_floor * 1000:.0f} ms")
        for label, target in (
            ("magcalc --version", 1.10),
            ("magcalc rda --age 40 --sex female", None),
            ("magcalc log (20 rows)", 1.25),
        ):
            elapsed = medians[label]
            ratio = elapsed / typer_floor
            goal = f"target <= {target:.2f}x: {'met' if ratio <= target else 'NOT met'}" if target else ""
            row(label, f"{elapsed * 1000:.0f} ms", f"{ratio:.2f}x Typer, {elapsed / python_pass:.1f}x python; {goal}")

        print("2. Throughput: magcalc log - --format csv")
        sizes = [10_000, 100_000] + ([] if args.quick else [1_000_000])
        for size in sizes:
            path = tmp / f"log{size}.csv"
            write_log(path, size, names)
            elapsed, peak = median([MAGCALC, "log", "-", "--format", "csv"], 1 if size > 100_000 else 3,
                                   stdin=path, env=env)  # fmt: skip
            note = f"{size / elapsed:,.0f} rows/s, peak {peak / 1024:.0f} MiB"
            if size == 100_000:
                note += f"; target <= 1.5 s: {'met' if elapsed <= 1.5 else 'NOT met'}"
            if size == 1_000_000:
                note += f"; target peak < 150 MiB: {'met' if peak / 1024 < 150 else 'NOT met'}"
            row(f"{size:,} rows", f"{elapsed:.2f} s", note)

        print("3. Matching: 2,000 distinct free-text names (in process, table loaded)")
        count, seconds, resolved = matching(2000)
        rate = count / seconds
        row("names resolved per second", f"{rate:,.0f}/s", f"{resolved} of {count} matched; target >= 1,000/s: "
            f"{'met' if rate >= 1000 else 'NOT met'}")  # fmt: skip

        print("4. The diary (5 years of entries)")
        home = tmp / "home"
        home.mkdir()
        entries = build_diary(home, 5)
        diary_env = {**env, "MAGCALC_HOME": str(home)}
        row("entries in the diary", f"{entries:,}")
        diary_commands = {
            "magcalc --version": [MAGCALC, "--version"],
            "magcalc add almonds 1 oz": [MAGCALC, "add", "almonds", "1", "oz"],
            "magcalc log (today)": [MAGCALC, "log"],
            "magcalc history --days 365": [MAGCALC, "history", "--days", "365"],
        }
        diary_medians = interleaved(diary_commands, runs, diary_env)
        version_time = diary_medians.pop("magcalc --version")
        for label, elapsed in diary_medians.items():
            ratio = elapsed / version_time
            goal = ""
            if "history" in label:
                goal = f"; target <= 1.5x --version: {'met' if ratio <= 1.5 else 'NOT met'}"
            row(label, f"{elapsed * 1000:.0f} ms", f"{ratio:.2f}x magcalc --version{goal}")


if __name__ == "__main__":
    main()
