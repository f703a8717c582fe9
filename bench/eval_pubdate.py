"""Score publication-date inference: hide each article's date and guess it from the text.

    python bench/eval_pubdate.py --data ../shared/data/stories/t17_dev.jsonl [--limit 800] [--seed 0]

Reads JSON lines ``{id, text, date}`` (any file with real publication dates: T17's articles),
removes the date, and runs what ingest runs on an undated text
(``storyline.timex.infer_published`` over ``tag(text, None)``). For the articles it guesses, it
prints how many guesses there are and how many are right: the exact value (a day, or the year of
a year-level guess), within two days, the right year; per branch (a dateline at the top, the
latest day reported, the year of writing a landmark implies). A guess shown to a user is worth
less than no guess when its year is wrong, so the right-year share is the figure to keep high.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections import Counter

from storyline.timex import infer_published, tag


def branch(value: str, confidence: float) -> str:
    if confidence >= 0.9:
        return "dateline"
    return "latest day" if len(value) == 10 else "year of writing"


def score(rows: list[dict]) -> dict[str, Counter]:
    out: dict[str, Counter] = {"all": Counter()}
    for r in rows:
        true = dt.date.fromisoformat(r["date"][:10])
        value, confidence = infer_published(r["text"], tag(r["text"], None))
        out["all"]["articles"] += 1
        if value is None:
            continue
        for key in ("all", branch(value, confidence)):
            c = out.setdefault(key, Counter())
            c["guessed"] += 1
            c["right year"] += int(value[:4]) == true.year
            if len(value) == 10:
                gap = abs((dt.date.fromisoformat(value) - true).days)
                c["exact"] += gap == 0
                c["within 2 days"] += gap <= 2
            else:
                c["exact"] += int(value[:4]) == true.year
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="JSONL {id, text, date} with real publication dates")
    ap.add_argument("--limit", type=int, default=0, help="score this many articles (a seeded sample); 0: all")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    with open(args.data, encoding="utf-8") as f:
        rows = [r for r in map(json.loads, filter(str.strip, f)) if (r.get("date") or "")[:10]]
    if args.limit:
        random.Random(args.seed).shuffle(rows)
        rows = rows[:args.limit]
    results = score(rows)
    n = results["all"]["articles"]
    print(f"{args.data}: {n} dated articles, dates hidden")
    print(f"  {'branch':16s} {'guessed':>8s} {'exact':>7s} {'<=2 days':>9s} {'right year':>11s}")
    for key, c in results.items():
        g = c["guessed"] or 1
        print(f"  {key:16s} {c['guessed']:8d} {c['exact'] / g:7.1%} {c['within 2 days'] / g:9.1%} "
              f"{c['right year'] / g:11.1%}")
    print(f"  coverage {results['all']['guessed'] / (n or 1):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
