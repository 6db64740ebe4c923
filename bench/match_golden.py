"""What the matcher answers for a large, varied set of names, one line each: to show that a change
meant only to make matching faster changes no answer (issue 13).

    python bench/match_golden.py OUT.tsv                  # write every answer
    python bench/match_golden.py OUT.tsv --check OLD.tsv  # write, then compare with OLD.tsv

Run it with the code before the change (e.g. in a worktree of main) and after; the files must be
identical. Each line holds the name, `best_match(name)` (food id, confident, doubt, alternatives'
ids, or the UnknownFood message) and `rank(name, 12)` and `rank(name, 50)` (id, score, flags).
The names: the known and near-miss names of bench/resolve_names.py, every `food` and `phrase`
cell of tests/fixtures/realistic/lines.csv, and names derived from data/foods.csv descriptions
(first segment; first two segments; the two reversed; a letter dropped for a typo). Not a test,
and the output is not committed: it is regenerated from the code it compares.
"""

from __future__ import annotations

import argparse
import csv
import random
import string
import sys
import time
from pathlib import Path

from magcalc.errors import UnknownFood
from magcalc.matching import Scored, best_match, rank

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from resolve_names import KNOWN  # noqa: E402

QUALIFIERS = ["raw", "roasted", "cooked", "salted", "fresh", "dried", "boiled", "whole", "plain", "organic"]


def names() -> list[str]:
    rng = random.Random(2013)
    out = [f"{a} {b} {name}" for name in KNOWN for a in QUALIFIERS for b in QUALIFIERS if a != b]
    out += KNOWN

    def nonsense() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 10)))

    out += [f"{rng.choice(KNOWN)} {nonsense()}" for _ in range(300)]
    out += [f"{nonsense()} {nonsense()}" for _ in range(100)]
    with open(ROOT / "tests/fixtures/realistic/lines.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out += [row["food"], row["phrase"]]
    with open(ROOT / "data/foods.csv", newline="", encoding="utf-8") as f:
        descriptions = [row["description"] for row in csv.DictReader(f)]
    for description in rng.sample(descriptions, 3000):
        parts = [p.strip().lower() for p in description.split(",") if p.strip()]
        out.append(" ".join(parts[:2]))
        out.append(parts[0])
        if len(parts) > 1:
            out.append(f"{parts[1]} {parts[0]}")
    for description in rng.sample(descriptions, 600):
        name = " ".join(p.strip().lower() for p in description.split(",")[:2])
        if len(name) > 5:
            cut = rng.randrange(1, len(name) - 1)
            out.append(name[:cut] + name[cut + 1 :])  # a typo: one letter dropped
    return [name for name in dict.fromkeys(out) if name.strip()]  # distinct, in order


def _ranked(found: list[Scored]) -> str:
    return " ".join(
        f"{s.food.food_id}:{s.score!r}:{int(s.complete)}{int(s.head)}{int(s.exact)}{int(s.plain)}"
        for s in found
    )


def answer(name: str) -> str:
    try:
        m = best_match(name)
        best = f"{m.food.food_id}|{m.confident}|{m.doubt}|{' '.join(f.food_id for f in m.alternatives)}"
    except UnknownFood as error:
        best = f"unknown|{error}"
    return "\t".join((name, best, _ranked(rank(name, 12)), _ranked(rank(name, 50))))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--check", type=Path, help="a file written by the code before the change")
    args = parser.parse_args()
    started = time.perf_counter()
    lines = [answer(name) for name in names()]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines):,} names in {time.perf_counter() - started:.1f} s -> {args.out}")
    if args.check:
        old = args.check.read_text(encoding="utf-8").splitlines()
        differ = [(a, b) for a, b in zip(old, lines, strict=False) if a != b]
        if len(old) != len(lines):
            print(f"different name sets: {len(old):,} vs {len(lines):,} lines")
        print(f"compared {min(len(old), len(lines)):,} names: {len(differ)} differ")
        for a, b in differ[:10]:
            print(f"- {a}\n+ {b}")
        sys.exit(1 if differ or len(old) != len(lines) else 0)


if __name__ == "__main__":
    main()
