"""How long `magcalc import` takes for a Cronometer servings export of 10,000 rows (issue 12:
under 10 s), as a ratio against a floor measured in the same run: `magcalc --version` (start-up)
and `magcalc log` over the same file (reading and matching, no diary).

    python bench/import_speed.py [ROWS] [RUNS]

Run it with the interpreter magcalc is installed in. Nothing here is part of the test suite.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.cronometer_export import servings

MAGCALC = str(Path(sys.executable).parent / "magcalc")


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "servings.csv"
        path.write_text(servings(rows), encoding="utf-8")
        times: dict[str, list[float]] = {
            "version": [],
            "log": [],
            "import (new diary)": [],
            "import again": [],
        }
        for run in range(runs):
            env = {**os.environ, "MAGCALC_HOME": str(Path(folder) / f"home{run}"), "NO_COLOR": "1"}
            times["version"].append(timed([MAGCALC, "--version"], env))
            times["log"].append(timed([MAGCALC, "log", str(path), "--format", "json"], env))
            times["import (new diary)"].append(timed([MAGCALC, "import", str(path)], env))
            times["import again"].append(timed([MAGCALC, "import", str(path)], env))
    floor = statistics.median(times["log"])
    print(f"{rows:,} rows, median of {runs} runs")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<20} {median:6.2f} s   {median / floor:5.2f} x log")


if __name__ == "__main__":
    main()
