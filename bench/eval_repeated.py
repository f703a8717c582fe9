"""How much of a pile's repeated site debris the clean stage keeps, with and without the line book.

    python bench/eval_repeated.py ../shared/data/stories/t17_dev.jsonl [--show]

Reads gold-style JSON lines (``{id, title, text}``), cleans them in the file's order in batches of
32 as ``storyline ingest`` does (``pipeline.clean_batch``), once without and once with a line book
(:mod:`storyline.clean.repeated`), and prints:

* the words kept on *widely repeated* lines: lines that ``--spread`` (20) or more of the raw
  articles hold word for word, the measure of what the rule is for;
* what the rule removed: lines, words, articles touched, different lines (``--show`` lists them
  with their counts, to read them one by one: a repeated line can be the story's own).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from storyline.clean import Lexicon
from storyline.clean.repeated import REASON, MemoryLineBook
from storyline.pipeline import clean_batch
from storyline.records import CleanArticle, IngestReport, RawDocument


def _docs(path: str) -> list[RawDocument]:
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [RawDocument(source=str(r["id"]), path=path, text=r.get("text") or "", format="txt",
                        title=r.get("title") or None) for r in rows]


def _clean(docs: list[RawDocument], book: MemoryLineBook | None) -> list[CleanArticle]:
    lexicon, report, out = Lexicon(), IngestReport(), []
    for i in range(0, len(docs), 32):
        out += clean_batch(docs[i:i + 32], lexicon, report, book)
    return out


def _kept_on_spread_lines(articles: list[CleanArticle], spread: Counter[str], at_least: int) -> tuple[int, int]:
    words = touched = 0
    for a in articles:
        found = [p for p in {p.strip() for p in a.text.split("\n\n")} if spread[p] >= at_least]
        words += sum(len(p.split()) for p in found)
        touched += bool(found)
    return words, touched


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", help="JSON lines with id, title, text (e.g. ../shared/data/stories/t17_dev.jsonl)")
    ap.add_argument("--spread", type=int, default=20, help="raw articles a line must be in to count as widespread")
    ap.add_argument("--show", action="store_true", help="list every line the rule removed, with its count")
    args = ap.parse_args(argv)
    if not Path(args.gold).is_file():
        print(f"eval_repeated: {args.gold}: no such file (the gold data lives in ../shared/data/stories/)",
              file=sys.stderr)
        return 2
    docs = _docs(args.gold)
    spread: Counter[str] = Counter()
    for d in docs:
        spread.update({line.strip() for line in d.text.split("\n") if line.strip()})
    print(f"{Path(args.gold).name}: {len(docs)} articles")
    removed: Counter[str] = Counter()
    for label, book in (("without the line book", None), ("with the line book", MemoryLineBook())):
        articles = _clean(docs, book)
        words, touched = _kept_on_spread_lines(articles, spread, args.spread)
        print(f"  {label:<22} words kept on lines in >= {args.spread} raw articles: "
              f"{words:>7,} in {touched:,} articles")
        if book is not None:
            hits = [(a.id, r.line) for a in articles for r in a.removed if r.reason == REASON]
            removed.update(line for _, line in hits)
            print(f"  the rule removed {len(hits):,} lines ({sum(len(x.split()) for _, x in hits):,} words) from "
                  f"{len({i for i, _ in hits}):,} articles, {len(removed)} different lines")
    if args.show:
        for line, n in sorted(removed.items()):
            print(f"{n:>5}  {line[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
