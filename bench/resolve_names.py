"""How fast distinct food names resolve, known and unknown (issue 13: ≥ 1,000 names/s either way).

    python bench/resolve_names.py            # 2,000 names of each kind
    python bench/resolve_names.py --names 500

Every name is distinct, so the resolve cache never answers. Prints names per second for known
names (real food words, shuffled), unknown names (random letters: no food has them) and
near misses (a known name with one word of nonsense), and each as a ratio to the known-name
rate measured in the same run, the floor an unknown name should not fall far below. The target
is an absolute one: ≥ 1,000 names/s; the ratio says whether unknown names are the slow kind.
Not part of the tests.
"""

from __future__ import annotations

import argparse
import random
import string
import time
from collections.abc import Callable

from magcalc.catalog import Catalog
from magcalc.errors import MagcalcError

KNOWN = [
    "almonds", "banana", "spinach cooked", "brown rice", "black beans", "pumpkin seeds", "oatmeal", "milk",
    "dark chocolate", "avocado", "salmon", "tofu", "cashews", "peanut butter", "yogurt", "whole wheat bread",
    "potato baked", "broccoli", "lentils", "quinoa", "chicken breast", "egg", "apple", "orange juice",
]  # fmt: skip


def rate(names: list[str], resolve: Callable[[str], object]) -> tuple[float, int]:
    """Names per second, and how many resolved to a food."""
    found = 0
    started = time.perf_counter()
    for name in names:
        try:
            resolve(name)
            found += 1
        except MagcalcError:
            pass
    return len(names) / (time.perf_counter() - started), found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--names", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(13)
    catalog = Catalog()
    catalog.resolve("almonds")  # load the table and index first: startup is measured elsewhere

    def nonsense() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 10)))

    words = ["raw", "roasted", "cooked", "salted", "fresh", "dried", "boiled", "whole", "plain", "organic"]
    variants = [f"{a} {b} {name}" for name in KNOWN for a in words for b in words if a != b]
    known = rng.sample(variants, min(args.names, len(variants)))  # distinct: the cache never answers
    unknown = [f"{nonsense()} {nonsense()}" for _ in range(args.names)]
    near = [f"{rng.choice(KNOWN)} {nonsense()}" for _ in range(args.names)]
    floor, known_found = rate(known, catalog.resolve)
    print(f"{'kind':<12} {'names/s':>9} {'vs known':>9} {'resolved':>9}   target ≥ 1,000 names/s")
    print(f"{'known':<12} {floor:>9,.0f} {1.0:>8.2f}x {known_found:>9,}")
    for kind, names in (("unknown", unknown), ("near miss", near)):
        speed, found = rate(names, catalog.resolve)
        verdict = "ok" if speed >= 1000 else "BELOW TARGET"
        print(f"{kind:<12} {speed:>9,.0f} {speed / floor:>8.2f}x {found:>9,}   {verdict}")


if __name__ == "__main__":
    main()
