"""magcalc's benchmark suite: medians over several runs, as ratios against floors measured in the
same run (the machines are shared and noisy, so absolute times mean little). Issue 15's targets:

- start-up: the floor is a minimal Typer app RUNNING A COMMAND (Typer imports Pydantic when it
  runs one); `--version` and `--help` are compared with the same app's `--version` and `--help`;
- streams: bench/floor_stream.py, 20 lines that sum precomputed values and write a CSV row each;
- memory: peak resident size of 100,000 rows over 100,000 dates and of 1,000,000 rows;
- `add --file` and `import` of 10,000 rows: seconds (target < 10 s);
- the first run after install (an empty cache folder) against a warm run.

    python bench/run.py            # everything (the 1,000,000-row log takes a while)
    python bench/run.py --quick    # fewer runs, no 1,000,000-row log
    python bench/run.py --extra    # also matching speed and a five-year diary

Run it with the interpreter magcalc is installed in. Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
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
WALL = "--wall" in sys.argv
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
        "Say hello."
        typer.echo(name)

    @app.command()
    def bye(name: str) -> None:
        "Say goodbye (a second command, so that `hello` is a subcommand as magcalc's are)."
        typer.echo(name)

    app()
    """
)


def run_once(
    argv: Sequence[str], stdin: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, int]:
    """Time (s) and peak resident memory (KiB) of one process. The time is CPU time (user + system)
    unless --wall: on a shared machine (load 15-20 on 2 CPUs while others test) wall time moves
    by 2-3x from run to run, CPU time by a few per cent."""
    with open(stdin or os.devnull, "rb") as source:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    if not WALL:
        elapsed = usage.ru_utime + usage.ru_stime
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


# Twenty rows as people type them (the daily job): short names, household measures, a count.
EVERYDAY = [
    "almonds,1,oz", "banana,1,medium", "spinach cooked,1,cup", "milk,1,cup", "oatmeal,1,cup",
    "black beans,1,cup", "brown rice,1,cup", "salmon,3,oz", "yogurt,1,cup", "dark chocolate,1,oz",
    "eggs,2,", "whole wheat bread,2,slice", "peanut butter,2,tbsp", "avocado,1,", "baked potato,1,medium",
    "broccoli,1,cup", "apple,1,medium", "coffee,1,cup", "chicken breast,4,oz", "cashews,1,oz",
]  # fmt: skip


def write_everyday(path: Path) -> None:
    path.write_text("food,amount,unit\n" + "".join(f"{row}\n" for row in EVERYDAY))


def everyday_names(count: int) -> list[tuple[str, str]]:
    """(food name, unit) for `count` distinct foods people log, as USDA describes them."""
    from magcalc.foods import load_foods

    foods = [f for f in load_foods().values() if f.survey and f.magnesium_mg_per_100g and not f.manufacturer]
    random.Random(1).shuffle(foods)
    return [(f.description, "g") for f in foods[:count]]


def per_gram_values(names: list[tuple[str, str]], path: Path) -> None:
    """The floor script's precomputed values: mg of magnesium per gram of each food."""
    from magcalc.foods import load_foods

    by_name = {f.description: f for f in load_foods().values()}
    values = {
        name: ((by_name[name].magnesium_mg_per_100g or 0.0) / 100 if name in by_name else 0.5)
        for name, _unit in names
    }  # an everyday name's value is a stand-in: the floor's work is the same for any number
    path.write_text(json.dumps(values))


def write_log(path: Path, rows: int, names: list[tuple[str, str]], per_day: int = 20) -> None:
    rng = random.Random(rows)
    start = dt.date(1800, 1, 1)
    with path.open("w") as out:
        out.write("date,food,amount,unit\n")
        for n in range(rows):
            food, unit = names[n % len(names)]
            day = start + dt.timedelta(days=n // per_day % 100_000)
            name = '"' + food.replace('"', '""') + '"'
            amount = rng.randint(5, 300) if unit == "g" else rng.randint(1, 3)
            out.write(f"{day},{name},{amount},{unit}\n")


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
    from magcalc.catalog import Catalog
    from magcalc.errors import MagcalcError
    from magcalc.foods import load_foods

    resolve = Catalog().resolve
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


def install_wheel(folder: Path) -> Path:
    """magcalc's wheel, built now and unpacked into a fresh environment that borrows this one's
    dependencies (as tests/test_packaging.py does); that environment's python."""
    import sysconfig
    import venv
    import zipfile

    root = Path(__file__).resolve().parents[1]
    dist = folder / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(root)],
                   check=True, capture_output=True)  # fmt: skip
    venv.create(folder / "env", with_pip=False)
    python = folder / "env" / "bin" / "python"
    site = Path(subprocess.check_output([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        text=True).strip())  # fmt: skip
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    (wheel,) = dist.glob("magcalc-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    subprocess.run([python, "-m", "compileall", "-q", str(site / "magcalc")], check=True)  # as pip does
    return python


def compiled() -> None:
    """Compile magcalc (and the minimal app's imports are compiled already, by pip), as installing a
    wheel does: with PYTHONDONTWRITEBYTECODE set, an editable install compiles magcalc's source on
    every run (~0.3 s of CPU), which a user's installed magcalc never does."""
    import compileall

    import magcalc

    compileall.compile_dir(Path(magcalc.__file__).parent, quiet=2)


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
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=9, help="runs per start-up measurement (median)")
    parser.add_argument("--quick", action="store_true", help="5 runs, and no 1,000,000-row log")
    parser.add_argument("--wall", action="store_true", help="wall time instead of CPU time")
    parser.add_argument("--extra", action="store_true", help="also matching speed and a five-year diary")
    args = parser.parse_args()
    runs = 5 if args.quick else args.runs

    def row(name: str, value: str, note: str = "") -> None:
        print(f"  {name:52s} {value:>12s}  {note}", flush=True)

    def goal(ratio: float, target: float) -> str:
        return f"{ratio:.2f}x (target <= {target:.2f}x: {'met' if ratio <= target else 'NOT met'})"

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        env = {**os.environ, "MAGCALC_HOME": str(tmp / "empty-home"), "NO_COLOR": "1",
               "MAGCALC_CACHE": str(tmp / "cache")}  # fmt: skip
        minimal = tmp / "minimal_typer.py"
        minimal.write_text(MINIMAL_TYPER)
        compiled()
        names = everyday_names(200)
        log20 = tmp / "log20.csv"
        write_everyday(log20)
        usda20 = tmp / "usda20.csv"
        write_log(usda20, 20, names)
        py = sys.executable

        clock = "wall time" if WALL else "CPU time (user + system)"
        print(f"magcalc benchmarks ({runs} runs each, interleaved, medians of {clock}) on {machine()}")
        print("1. Start-up (floor: the minimal Typer app running a command)")
        median([MAGCALC, "log", str(log20)], 1, env=env)  # first run: builds the cache
        person = ["--age", "40", "--sex", "female"]
        startup = {
            "python -c pass": [py, "-c", "pass"],
            "minimal Typer app: hello x (the floor)": [py, str(minimal), "hello", "x"],
            "minimal Typer app --version": [py, str(minimal), "--version"],
            "minimal Typer app --help": [py, str(minimal), "--help"],
            "magcalc --version": [MAGCALC, "--version"],
            "magcalc --help": [MAGCALC, "--help"],
            "magcalc log (20 rows) --format json": [MAGCALC, "log", str(log20), *person, "--format", "json"],
            "magcalc log (20 rows) --format csv": [MAGCALC, "log", str(log20), *person, "--format", "csv"],
            "magcalc log (20 rows), table": [MAGCALC, "log", str(log20), *person],
            "magcalc rda --age 40 --sex female": [MAGCALC, "rda", *person],
            "magcalc log (20 USDA descriptions) --format json": [MAGCALC, "log", str(usda20), *person,
                                                                 "--format", "json"],
        }  # fmt: skip
        medians = interleaved(startup, runs, env)
        floor = medians["minimal Typer app: hello x (the floor)"]
        for label in list(startup)[:4]:
            row(label, f"{medians[label] * 1000:.0f} ms")
        row(
            "magcalc --version",
            f"{medians['magcalc --version'] * 1000:.0f} ms",
            goal(medians["magcalc --version"] / medians["minimal Typer app --version"], 1.10)
            + " of its --version",
        )
        row(
            "magcalc --help",
            f"{medians['magcalc --help'] * 1000:.0f} ms",
            goal(medians["magcalc --help"] / medians["minimal Typer app --help"], 1.10) + " of its --help",
        )
        for label, target in (
            ("magcalc log (20 rows) --format json", 1.25),
            ("magcalc log (20 rows) --format csv", 1.25),
            ("magcalc log (20 rows), table", 1.40),
            ("magcalc rda --age 40 --sex female", None),
            ("magcalc log (20 USDA descriptions) --format json", None),
        ):
            ratio = medians[label] / floor
            row(label, f"{medians[label] * 1000:.0f} ms", goal(ratio, target) if target else f"{ratio:.2f}x")

        print("2. First run after install (an empty cache folder) against a warm run")
        installed = install_wheel(tmp / "wheel-env")
        for label, argv in (
            ("installed wheel", [str(installed), "-m", "magcalc", "log", str(log20), *person]),
            ("editable install (builds the index)", [MAGCALC, "log", str(log20), *person]),
        ):
            cold_times, warm_times = [], []
            warm_env = {**env, "MAGCALC_CACHE": str(tmp / f"warm-{label[:4]}")}
            run_once(argv, env=warm_env)
            for n in range(max(3, runs // 2)):
                cold_env = {**env, "MAGCALC_CACHE": str(tmp / f"cold-{label[:4]}-{n}")}
                cold_times.append(run_once(argv, env=cold_env)[0])
                warm_times.append(run_once(argv, env=warm_env)[0])
            cold, warm = statistics.median(cold_times), statistics.median(warm_times)
            row(f"log (20 rows), first run, {label}", f"{cold * 1000:.0f} ms",
                goal(cold / warm, 1.5) + " of a warm run")  # fmt: skip

        print("3. Streams: magcalc log - --format csv against bench/floor_stream.py")
        values = tmp / "per_gram.json"
        typed = [(row.split(",")[0], row.split(",")[2]) for row in EVERYDAY]
        per_gram_values(names + typed, values)
        floor_script = [py, str(Path(__file__).with_name("floor_stream.py")), str(values)]
        for size, foods, what in (
            (10_000, names, "200 USDA descriptions"),
            (100_000, typed, "20 everyday foods"),
        ):
            path = tmp / f"log{size}.csv"
            write_log(path, size, foods)
            both = {"floor": floor_script, "magcalc": [MAGCALC, "log", "-", "--format", "csv"]}
            times: dict[str, list[float]] = {"floor": [], "magcalc": []}
            peak = 0
            for _ in range(3):
                for name, argv in both.items():
                    elapsed, rss = run_once(argv, stdin=path, env=env)
                    times[name].append(elapsed)
                    peak = max(peak, rss) if name == "magcalc" else peak
            f, m = statistics.median(times["floor"]), statistics.median(times["magcalc"])
            note = goal(m / f, 3.0) if size == 100_000 else f"{m / f:.2f}x"
            row(f"{size:,} rows, {what} (floor {f:.2f} s)", f"{m:.2f} s", f"{note}, {size / m:,.0f} rows/s, "
                f"peak {peak / 1024:.0f} MiB")  # fmt: skip

        print("4. Peak memory (target <= 100 MiB)")
        memory_cases = [("100,000 rows over 100,000 dates", 100_000, 1)]
        if not args.quick:
            memory_cases.append(("1,000,000 rows", 1_000_000, 20))
        for label, size, per_day in memory_cases:
            path = tmp / f"memory{size}-{per_day}.csv"
            write_log(path, size, typed, per_day=per_day)
            for fmt in ("csv", "json"):
                elapsed, peak = run_once([MAGCALC, "log", "-", "--format", fmt], stdin=path, env=env)
                mib = peak / 1024
                row(f"{label}, --format {fmt}", f"{mib:.0f} MiB",
                    f"{'met' if mib <= 100 else 'NOT met'}; {elapsed:.1f} s")  # fmt: skip
            path.unlink()

        print("5. Writing the diary: 10,000 rows (target < 10 s)")
        log10k = tmp / "log10000.csv"
        write_log(log10k, 10_000, typed)
        for label, argv in (
            ("magcalc add --file (10,000 rows)", [MAGCALC, "add", "--file", str(log10k), *person]),
            ("magcalc import (10,000 rows)", [MAGCALC, "import", str(log10k)]),
        ):
            home = tmp / f"home-{label.split()[1]}"
            elapsed, peak = run_once(argv, env={**env, "MAGCALC_HOME": str(home)})
            row(
                label,
                f"{elapsed:.2f} s",
                f"{'met' if elapsed < 10 else 'NOT met'}; peak {peak / 1024:.0f} MiB",
            )

        if not args.extra:
            return
        print("6. Matching: 2,000 distinct free-text names (in process, table loaded)")
        count, seconds, resolved = matching(2000)
        row("names resolved per second", f"{count / seconds:,.0f}/s", f"{resolved} of {count} matched")

        print("7. The diary (5 years of entries)")
        home = tmp / "home"
        home.mkdir()
        entries = build_diary(home, 5)
        diary_env = {**env, "MAGCALC_HOME": str(home)}
        row("entries in the diary", f"{entries:,}")
        diary_commands = {
            "minimal Typer app: hello x (the floor)": [py, str(minimal), "hello", "x"],
            "magcalc add almonds 1 oz": [MAGCALC, "add", "almonds", "1", "oz"],
            "magcalc log (today)": [MAGCALC, "log"],
            "magcalc history --days 365": [MAGCALC, "history", "--days", "365"],
        }
        diary_medians = interleaved(diary_commands, runs, diary_env)
        base = diary_medians.pop("minimal Typer app: hello x (the floor)")
        for label, elapsed in diary_medians.items():
            row(label, f"{elapsed * 1000:.0f} ms", f"{elapsed / base:.2f}x the floor")


if __name__ == "__main__":
    main()
