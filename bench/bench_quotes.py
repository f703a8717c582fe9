"""Quote-stage benchmark: what does finding quotations cost next to the whole ingest pipeline?

Run:  python bench/bench_quotes.py [--corpus examples] [--repeat 5] [--out bench/out/quotes.json]

Reads the corpus (the bundled `examples/` by default) once, then, with the spaCy
models loaded and warmed up (not timed), times ``--repeat`` passes of:

  pipeline   storyline.pipeline.process_batch (clean → analyse → quotes) per batch of
             config.BATCH_SIZE, then the writer's step (dates, entities and quote speakers,
             Store.save_batch into a fresh SQLite file): all of ingest's work in one process
  quotes     storyline.quotes.quote_articles on the same analysed batches (parse selection,
             parse, find, attribute, resolve): the quote stage alone

(alternating with the pipeline, batch by batch, so that other load on the machine
weighs on both alike), and prints words/s of each and the quote stage's share of
the pipeline's time (the issue's budget: at most a third). Words are whitespace-separated words of
the clean article texts.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT / "examples"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "bench" / "out" / "quotes.json"))
    args = ap.parse_args()

    from storyline.clean import Lexicon
    from storyline.config import BATCH_SIZE
    from storyline.ingest import discover, read_file
    from storyline.nlp import load_nlp
    from storyline.entities import EntityIndex
    from storyline.entities.stage import EntityStage
    from storyline.pipeline import _store_batch, process_batch
    from storyline.quotes import quote_articles
    from storyline.quotes.parse import PARSE_EXCLUDE
    from storyline.records import BadInput, IngestReport
    from storyline.store import Store

    docs = [d for f in discover([args.corpus]) if not isinstance(f, BadInput)
            for d in read_file(f) if not isinstance(d, BadInput)]
    batches = [docs[i:i + BATCH_SIZE] for i in range(0, len(docs), BATCH_SIZE)]
    load_nlp(), load_nlp(exclude=PARSE_EXCLUDE)
    process_batch(docs[:2], Lexicon({}), IngestReport())  # warm up both pipelines

    pipeline_s = quotes_s = 0.0
    words = quotes = 0
    # the two timings alternate batch by batch, so other load on the machine weighs on both alike
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeat):
            store = Store(Path(tmp) / f"bench{r}.db")
            lexicon = Lexicon({})
            stage = EntityStage(EntityIndex(), None)
            for batch in batches:
                t = time.perf_counter()
                analysed = process_batch(batch, lexicon, IngestReport())
                _store_batch(analysed, {}, store, IngestReport(), stage)
                pipeline_s += time.perf_counter() - t
                t = time.perf_counter()
                quote_articles(analysed)
                quotes_s += time.perf_counter() - t
                if r == 0:
                    words += sum(a.article.words for a in analysed)
                    quotes += sum(len(a.quotes) for a in analysed)
            store.close()
    total_words = words * args.repeat
    result = {
        "corpus": args.corpus, "articles": len(docs), "words": words, "quotes": quotes, "repeat": args.repeat,
        "pipeline_words_per_s": total_words / pipeline_s, "quotes_words_per_s": total_words / quotes_s,
        "quote_share_of_pipeline": quotes_s / pipeline_s,
    }
    print(f"corpus {args.corpus}: {len(docs)} articles, {words} words, {quotes} quotations, x{args.repeat}")
    print(f"{'stage':<10} {'seconds':>8} {'words/s':>9}")
    print(f"{'pipeline':<10} {pipeline_s:8.2f} {result['pipeline_words_per_s']:9.0f}")
    print(f"{'quotes':<10} {quotes_s:8.2f} {result['quotes_words_per_s']:9.0f}")
    print(f"quote stage = {100 * result['quote_share_of_pipeline']:.0f}% of the pipeline's time (budget: 33%)")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
