"""Fuzz the installed `magcalc` command: random argument lists and mutated food logs.

    python stress/cli_fuzz.py --minutes 10          # runs until the time is up
    python stress/cli_fuzz.py --minutes 1 --seed 7  # reproducible

Each run must exit with a code from the README's table (0, 1, 2, 130; 70 is a bug), print no
Python traceback, print nothing on stdout when it exits 2, and write no raw control character
(an escape sequence, a bell...) to stdout or stderr. The diary is a temporary one, shared by all
runs, so adds, edits and removals meet earlier ones. Exits 1 after listing the findings.
Not part of the tests.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ALLOWED = {0, 1, 2}
CONTROL = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
COMMANDS = [
    ["log"], ["check"], ["rda"], ["add"], ["rm"], ["edit"], ["undo"], ["export"], ["import"], ["history"],
    ["suggest"], ["supplements"], ["foods", "search"], ["foods", "show"], ["foods", "top"], ["foods", "add"],
    ["foods", "mine"], ["foods", "rm"], ["foods", "edit"], ["foods", "export"], ["foods", "import"],
    ["recipe", "add"], ["profile", "set"], ["profile", "show"],
]  # fmt: skip
OPTIONS = [
    "--format", "-f", "--date", "--from", "--to", "--age", "--sex", "--pregnant", "--lactating", "--standard",
    "--db", "--encoding", "--min", "--max-supplement", "--limit", "--per", "--group", "--all", "--branded",
    "--exclude", "--vegan", "--items", "--file", "--time", "--meal", "--note", "--each", "--amount", "--unit",
    "--food", "--days", "--svg", "--mg-per-100g", "--mg-per-serving", "--serving", "--portion",
    "--kcal-per-100g", "--name", "--servings", "--weight", "--neither", "--help", "--version",
]  # fmt: skip
WORDS = [
    "almonds", "1", "oz", "banana", "medium", "cup", "2026-11-21", "today", "yesterday", "json", "csv", "table",
    "female", "male", "34", "0.5", "6m", "iom", "efsa", "rda", "ul", "300", "-", "nuts", "spinach cooked", "1/2",
    "30g", "magnesium citrate", "2 capsules", "100 mg", "'1 bar=45 g'", "latin-1", "hex", "utf-16", "0", "-1",
    "NaN", "inf", "9e999", "1e308", "", " ", "\x1b[2J", "\x1b]0;x\x07", "=HYPERLINK(\"x\")", "\u202e", "%", "user/",
    "2026-13-45", "99999", "\u00e9", "\x01", "a" * 300, "--", "/dev/null", "@x", "+1", "13:61",
]  # fmt: skip
LOG_LINES = [
    b"food,amount,unit,date,time,meal,note\n", b"almonds,1,oz\n", b"banana,1,medium,2026-11-21,08:00,breakfast,x\n",
    b"spinach cooked;1;cup\n", b"# a comment\n", b"magnesium citrate,2,capsules\n", b"=cmd,1,g\n",
    b"almonds,NaN,oz\n", b"almonds,-1,oz\n", b"almonds,1e999,g\n", b"zzqx,1,g\n", b"\xff\xfe\n", b"\x1b[2J,1,g\n",
    b"a,b,c,d,e,f,g,h,i,j\n", b"\n", b'"unterminated,1,g\n', b"almonds,1,oz,2026-13-45\n", b"\xe9pinards,1,cup\n",
]  # fmt: skip


def mutate(data: bytes, rng: random.Random) -> bytes:
    chunk = bytearray(data)
    for _ in range(rng.randint(0, 4)):
        choice = rng.random()
        if not chunk or choice < 0.3:
            chunk[rng.randint(0, len(chunk)) : rng.randint(0, len(chunk))] = rng.choice(LOG_LINES)
        elif choice < 0.6:
            chunk[rng.randrange(len(chunk))] = rng.randrange(256)
        elif choice < 0.8:
            del chunk[rng.randrange(len(chunk))]
        else:
            start = rng.randrange(len(chunk))
            chunk[start:start] = chunk[start : start + rng.randint(1, 40)]
    return bytes(chunk)


def case(rng: random.Random, folder: Path) -> tuple[list[str], bytes | None]:
    command = list(rng.choice(COMMANDS))
    args: list[str] = []
    for _ in range(rng.randint(0, 6)):
        roll = rng.random()
        if roll < 0.45:
            args.append(rng.choice(WORDS))
        elif roll < 0.8:
            args += [rng.choice(OPTIONS), rng.choice(WORDS)]
        else:
            args.append(rng.choice(OPTIONS))
    stdin = None
    if rng.random() < 0.5:
        log = mutate(b"".join(rng.choice(LOG_LINES) for _ in range(rng.randint(1, 8))), rng)
        if rng.random() < 0.5:
            args.insert(0, "-")
            stdin = log
        else:
            path = folder / "log.csv"
            path.write_bytes(log)
            args.insert(0, str(path))
    return command + args, stdin


def check(argv: list[str], stdin: bytes | None, env: dict[str, str]) -> str | None:
    try:
        proc = subprocess.run(argv, input=stdin or b"", capture_output=True, env=env, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        return "timed out after 60 s"
    if proc.returncode not in ALLOWED:
        return f"exit {proc.returncode}: {proc.stderr.decode(errors='replace').strip()[:300]}"
    if b"Traceback" in proc.stderr or b"Traceback" in proc.stdout:
        return "traceback: " + proc.stderr.decode(errors="replace")[-300:]
    if proc.returncode == 2 and proc.stdout:
        return f"exit 2 with stdout: {proc.stdout[:200]!r}"
    for name, stream in (("stdout", proc.stdout), ("stderr", proc.stderr)):
        found = CONTROL.search(stream)
        if found:
            return f"raw control character {found.group()!r} on {name}"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    magcalc = str(Path(sys.executable).parent / "magcalc")
    findings: dict[str, list[str]] = {}
    runs = 0
    deadline = time.monotonic() + args.minutes * 60
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "NO_COLOR": "1", "MAGCALC_HOME": str(Path(folder) / "home"), "COLUMNS": "80"}
        os.chdir(folder)  # an --svg or a stray file lands in the temporary folder
        while time.monotonic() < deadline:
            argv, stdin = case(rng, Path(folder))
            problem = check([magcalc, *argv], stdin, env)
            runs += 1
            if problem is not None:
                kind = problem.split(":")[0]
                findings.setdefault(kind, []).append(f"{problem}\n      magcalc {argv!r}")
    print(
        f"{runs:,} runs in {args.minutes:g} min (seed {seed}); findings: {sum(map(len, findings.values()))}"
    )
    for kind, cases in findings.items():
        print(f"  {kind}: {len(cases)}, e.g. {cases[0]}")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
