"""Cost of filing quotations into statements at ingest, as the store grows.

    python bench/bench_statements.py [--sizes 1000,10000,100000] [--window 1000] [--out bench/out/statements.json]

Generates, without spaCy, a seeded stream of quotations: statements of 8-20 words over a shared
vocabulary of 20,000 words (common words common), by 2,000 speakers; 40% of the quotations
report an earlier statement again, in another wording (a word or two changed, or a part of it),
as outlets and translations do. They are stored as articles of five quotations each
(``Store.save_batch``, not timed), then filed as ingest's writer files them: a
:class:`storyline.store.statements.StoredStatements` resumed from the store, a batch of 32
articles at a time, its rows saved in the batch's transaction (``trim`` after each: what it read
stays in memory up to its caps). ``--cold`` forgets everything after each batch instead: the
cost when every statement and posting list must be read back from the store.

For each size it prints quotations/s over the whole run and the cost per new quotation (ms) over
the last ``--window`` quotations: flat cost means the store is read only for what a quotation
needs. It also checks the grouping found the re-reports (share of them filed with their original).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from storyline.records import AnalysedArticle, CleanArticle, Quote
from storyline.store import Store
from storyline.store.statements import StoredStatements, save_statements, statement_rows
from storyline.stories import Occurrence

PER_ARTICLE = 5
BATCH = 32  #: articles a batch, as ingest's writer stores them


class Generator:
    """A seeded stream of ``(text, speaker, original index or None)`` quotations."""

    def __init__(self, seed: int = 11, vocabulary: int = 20_000, speakers: int = 2_000) -> None:
        self.rng = random.Random(seed)
        self.words = [f"w{i}x" for i in range(vocabulary)]
        self.speakers = [f"Speaker{i} Surname{i}" for i in range(speakers)]
        self.said: list[tuple[list[str], str]] = []

    def _word(self) -> str:
        return self.words[min(len(self.words) - 1, int(len(self.words) * self.rng.random() ** 3))]

    def next(self) -> tuple[str, str, int | None]:
        if self.said and self.rng.random() < 0.4:
            i = self.rng.randrange(max(0, len(self.said) - 5000), len(self.said))  # a recent statement, again
            words, speaker = self.said[i]
            words = list(words)
            if self.rng.random() < 0.5:
                for _ in range(self.rng.randint(1, 2)):  # another translation: a word or two differ
                    words[self.rng.randrange(len(words))] = self._word()
            else:  # a part of it
                start = self.rng.randrange(0, len(words) // 3)
                words = words[start:start + max(6, len(words) * 2 // 3)]
            return " ".join(words), speaker, i
        words = [self._word() for _ in range(self.rng.randint(8, 20))]
        speaker = self.rng.choice(self.speakers)
        self.said.append((words, speaker))
        return " ".join(words), speaker, None


def _article(n: int, said: list[tuple[str, str]]) -> AnalysedArticle:
    text = " ".join(f"{words}, {who} said." for words, who in said)
    aid = f"{n:016x}"
    article = CleanArticle(id=aid, source=aid, path=aid, format="txt", raw_text=text, text=text, offsets=[(0, 0)],
                           published="2025-01-01", outlet=f"Outlet{n % 300}")
    quotes, at = [], 0
    for words, who in said:
        start = text.index(words, at)
        at = start + len(words)
        quotes.append(Quote(aid, words, start, at, "direct", [(start, at)], who, None, None, who, None, "said",
                            None, None, 0.9))
    return AnalysedArticle(article, [], [], quotes)


def run(n: int, window: int, cold: bool = False) -> dict:
    gen = Generator()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        stored = StoredStatements(store.db)
        first_report: list[str] = []  # statement index -> quote id of its first report
        again: list[tuple[str, int]] = []  # (quote id, statement index) of each re-report
        made, seconds, tail = 0, 0.0, []
        while made < n:
            batch, origins = [], []
            while len(batch) < BATCH and made < n:
                said = [gen.next() for _ in range(min(PER_ARTICLE, n - made))]
                made += len(said)
                origins += [i for _, _, i in said]
                batch.append(_article(made, [(text, who) for text, who, _ in said]))
            store.save_batch(batch)  # the quotations, as ingest stores them (not timed)
            reports = [(q, a.article) for a in batch for q in a.quotes]
            started = time.perf_counter()
            for q, article in reports:
                stored.add(Occurrence.from_quote(q, published=article.published, outlet=article.outlet))
            with store.db:
                save_statements(store.db, statement_rows(stored.take_changes(), stored.next_id))
            stored.forget() if cold else stored.trim()
            spent = time.perf_counter() - started
            seconds += spent
            tail.append((len(reports), spent))
            for (q, _), i in zip(reports, origins):
                if i is None:
                    first_report.append(q.id)
                else:
                    again.append((q.id, i))
        filed = dict(store.db.execute("SELECT quote_id, statement_id FROM statement_quotes"))
    window_n, window_s = 0, 0.0
    for k, s in reversed(tail):
        if window_n >= window:
            break
        window_n, window_s = window_n + k, window_s + s
    joined = sum(filed[q] == filed[first_report[i]] for q, i in again)
    return {"quotations": n, "seconds": round(seconds, 2), "quotations_per_s": round(n / seconds),
            "ms_per_quotation_last_window": round(1000 * window_s / window_n, 3),
            "re_reports_joined": round(joined / max(1, len(again)), 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--window", type=int, default=1000)
    ap.add_argument("--out", default="bench/out/statements.json")
    ap.add_argument("--cold", action="store_true", help="forget what was read after every batch")
    args = ap.parse_args(argv)
    results = []
    for n in (int(x) for x in args.sizes.split(",")):
        r = run(n, args.window, args.cold)
        results.append(r)
        print(f"{n:>7} quotations: {r['quotations_per_s']:>6} /s overall, "
              f"{r['ms_per_quotation_last_window']:.3f} ms per quotation over the last {args.window}; "
              f"re-reports filed with their original: {r['re_reports_joined']:.1%}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
