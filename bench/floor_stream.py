"""The floor for `magcalc log - --format csv`: the least the job needs, in Python. It reads the log
(date,food,amount,unit), looks each food up in precomputed values (mg per gram), sums per day and
writes one CSV row per entry. bench/run.py passes the values as a JSON file.

    python bench/floor_stream.py VALUES.json < log.csv > out.csv
"""

import csv
import json
import sys

per_gram = json.load(open(sys.argv[1]))  # noqa: SIM115 - a benchmark floor, kept short
rows = csv.reader(sys.stdin)
next(rows)
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["date", "food", "amount", "unit", "grams", "magnesium_mg"])
days: dict[str, float] = {}
for date, food, amount, unit in rows:
    grams = float(amount)
    mg = grams * per_gram[food]
    days[date] = days.get(date, 0.0) + mg
    out.writerow([date, food, amount, unit, grams, round(mg, 2)])
print(f"{len(days)} days, {sum(days.values()):.0f} mg", file=sys.stderr)
