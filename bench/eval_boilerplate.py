"""Boilerplate removal against the Scrapinghub article-extraction benchmark (AEB).

    python bench/eval_boilerplate.py --data ../shared/data/aeb [--floor-plain 0.80]

Scores, with the benchmark's metric (4-gram shingles of the lower-cased word
sequence; precision and recall averaged over pages; F1 of the two means):

* ``plain``: the pages as plain text with all their boilerplate, one block per
  line, through the clean stage (the hard case storyline is built for);
* ``one pile``: the same, with the 91 pages as one pile, so the lines several sites share count
  as ingest's line book would count them (:mod:`storyline.clean.repeated`);
* ``keep-everything``: the same plain text, untouched (the floor to beat);
* ``html``: the HTML pages through the HTML reader (trafilatura) and the clean stage.

The data is not part of the project; point ``--data`` at it. With ``--floor-plain``
the script exits 1 when the plain-text F1 falls below the floor (an eval gate).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from storyline.clean import Lexicon, clean_document
from storyline.clean.repeated import MemoryLineBook, line_counts, page_keys
from storyline.ingest import SourceFile, content_id, decode_bytes, read_file
from storyline.records import RawDocument

_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def precision_recall(pred: str, gold: str) -> tuple[float, float]:
    p, g = shingles(pred), shingles(gold)
    if not p and not g:
        return 1.0, 1.0
    hits = len(p & g)
    return (hits / len(p) if p else 0.0), (hits / len(g) if g else 0.0)


def score(pairs: list[tuple[str, str]]) -> dict[str, float]:
    ps, rs = zip(*(precision_recall(pred, gold) for pred, gold in pairs))
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pages": len(pairs)}


def body_without_title(text: str, title: str | None) -> str:
    # the benchmark's gold bodies leave the headline out
    if title and text.startswith(title):
        return text[len(title):].lstrip()
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="../shared/data/aeb", help="folder with gold.jsonl, plain/ and html/")
    ap.add_argument("--floor-plain", type=float, default=None, help="fail when plain-text F1 is below this")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "gold.jsonl").exists():
        print(f"eval_boilerplate: no gold.jsonl in {data}; pass --data PATH to the AEB folder", file=sys.stderr)
        return 2
    gold = {row["id"]: row["text"] for row in map(json.loads, (data / "gold.jsonl").open(encoding="utf-8"))}
    plain_pairs, pile_pairs, raw_pairs, html_pairs = [], [], [], []
    started = time.perf_counter()
    plain_texts = {page_id: decode_bytes(p.read_bytes(), path=str(p)) for page_id in gold
                   if (p := data / "plain" / f"{page_id}.txt").exists()}
    pile = MemoryLineBook()  # the pages as one pile: what ingest's line book would know of them
    pile.record_lines((content_id(text), page_keys(text.split("\n"))) for text in plain_texts.values())
    for page_id, gold_text in sorted(gold.items()):
        plain = data / "plain" / f"{page_id}.txt"
        if page_id in plain_texts:
            text = plain_texts[page_id]
            doc = RawDocument(source=str(plain), path=str(plain), text=text)
            article = clean_document(doc, Lexicon())
            plain_pairs.append((body_without_title(article.text, article.title), gold_text))
            keys = page_keys(text.split("\n"))
            article = clean_document(doc, Lexicon(), line_counts(pile, content_id(text), keys))
            pile_pairs.append((body_without_title(article.text, article.title), gold_text))
            raw_pairs.append((text, gold_text))
        html = data / "html" / f"{page_id}.html"
        if html.exists():
            stat = html.stat()
            docs = [d for d in read_file(SourceFile(str(html), stat.st_size, stat.st_mtime, ""))
                    if isinstance(d, RawDocument)]
            pred = ""
            if docs:
                article = clean_document(docs[0], Lexicon())
                pred = body_without_title(article.text, article.title)
            html_pairs.append((pred, gold_text))
    results = {
        "plain (storyline clean)": score(plain_pairs),
        "plain (clean, one pile)": score(pile_pairs),
        "plain (keep everything)": score(raw_pairs),
        "html (trafilatura + clean)": score(html_pairs),
    }
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"{'AEB':<28}{'pages':>6}{'P':>8}{'R':>8}{'F1':>8}")
        for name, r in results.items():
            print(f"{name:<28}{r['pages']:>6}{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}")
        print(f"({time.perf_counter() - started:.1f}s)")
    if args.floor_plain is not None and results["plain (storyline clean)"]["f1"] < args.floor_plain:
        print(f"eval_boilerplate: plain-text F1 below the floor {args.floor_plain}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
