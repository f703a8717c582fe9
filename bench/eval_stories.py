"""Score the stories stage: story clustering (BCubed, ARI), the seed articles, T17 timeline dates.

    python bench/eval_stories.py --gold ../shared/data/stories/ecbplus_dev.jsonl [--pred-out P.jsonl] [--shuffle 3]
    python bench/eval_stories.py --gold ../shared/data/stories/gnews_headlines_dev.jsonl
    python bench/eval_stories.py --seeds ../shared/seeds [--shuffle 120] [--kb examples/kb.yaml]
    python bench/eval_stories.py --t17 ../shared/data/stories/t17_dev.jsonl \\
                                 --t17-timelines ../shared/data/stories/t17_dev_timelines.jsonl

Every article goes through what ingest runs (``storyline.pipeline.process_batch``: clean, spaCy,
quotations) as ``RawDocument(source=id, path=file, text, title, published=date[:10] or None)``,
then the entities stage (inferred publication dates, time expressions, entity ids), then the stories stage one article at a time in the file's order:
event extraction, MinHash duplicates, the incremental :class:`StoryIndex`. ``--shuffle N``
also scores N shuffled orders (the stage is incremental: order matters a little).

The analysed articles are cached (pickle, keyed by the file's path, size and mtime) in
``--cache`` (default ``$TMPDIR/storyline-stories-cache``): spaCy over 3.5k headlines and 2.8k
T17 articles takes a while.

T17 (Timeline17): for each of its topic folders the articles of that folder are turned into
events and the timeline keeps as many dates as the folder's gold timeline has (the usual
protocol, Martschat & Markert 2018); Date-F1 against the gold dates. Printed twice: over every
date the articles give, and (as tilse does) restricted to the gold timeline's first-to-last
date range. "busiest" is the baseline of the publication dates with most articles.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import os
import pickle
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from storyline.clean import Lexicon
from storyline.clean.repeated import MemoryLineBook
from storyline.entities.kb import load_kb
from storyline.entities.stage import EntityStage
from storyline.ingest import discover, read_file
from storyline.pipeline import process_batch
from storyline.records import AnalysedArticle, BadInput, IngestReport, RawDocument, Timex
from storyline.stories import ArticleFeatures, StoryPipeline, extract_event
from storyline.stories.events import Event
from storyline.stories.evaluate import date_f1, score_clusters
from storyline.stories.digest import (MIN_RECALLING, DaySentence, day_pool, day_sentences, lead_candidate,
                                      recalls, summarise_day)
from storyline.stories.timeline import central, referenced_days, select_dates

Analysed = list[tuple[str, AnalysedArticle, list[Timex]]]
CACHE_VERSION = "59"  #: bump when what the cache holds changes (3: line breaks end sentences; 4: debris refused; 5: headline names; 6: institution names; 7: unconfirmed headline names; 9: surnames in context; 10: sentence-initial common nouns; 11: mountains and parks; 12-16: places by context; 17: near, outside, oblast; 18: the world's countries; 19: hometowns, neighbourhoods; 20: page dates above the story; 21: days only as publication guesses; 22: outlet names written as names; 23: companies by context; 24-25: vessels, places the corpus took for people, titles cut short; 26: rubrics in capitals; 27-28: timeline lines, pronouns of the sentence; 29: actors of the lead, resolved descriptions; 30: readers' comments without "Reply"; 31: the main block drops sentences outside it, listings, bylines; 32: lines repeated across the corpus; 33: their keys as repeated headlines are compared; 34: quote parse repairs, transliterated names, role spans; 35: offices beyond heads of state, names end at a spaced dash; 36-37: the corpus's reading of a name, party members, storms, common words at a name's edge; 38-40: nicknames, ranks without their stop; 41-43: a surname alone goes to its dominant bearer, streets; 44: common words are no names; 45: reports in an object, long compound names; 46: outlets by their noun, lent surnames at a sentence start; 47: ... only before a function word; 48: one Arabic-article rule; 49: described speakers, asked; 50: transcripts; 51: manner verbs, far cues; 52: the world's demonyms speak for their country; 53: a report's other names place a person; 54: brackets cut from names, relatives are not the one named; 55: compound given names, surnames without the article; 56: no English model on articles in other languages; 57: photo credits glued to the story, a wire page opens once with its lead; 58: stray closing marks, edition pickers; 59: broadcast transcripts, staff credits run into the lead)


def load_rows(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _cache_file(cache: str, paths: list[str]) -> Path:
    h = hashlib.sha1(CACHE_VERSION.encode())
    for p in paths:
        st = os.stat(p)
        h.update(f"{os.path.abspath(p)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return Path(cache) / f"{h.hexdigest()[:16]}.pkl"


def analyse_docs(docs: list[tuple[str, RawDocument]], cache: Path | None, kb: str | None = None) -> Analysed:
    """``(gold id, analysed article, timexes)`` for each document, through the ingest stages
    (with the knowledge file ``kb``, as ``storyline ingest --kb`` reads it)."""
    if cache and cache.exists():
        with open(cache, "rb") as f:
            return pickle.load(f)
    lexicon, report, out, lines = Lexicon(), IngestReport(), [], MemoryLineBook()
    entities = EntityStage(kb=load_kb(kb) if kb else None)
    started = time.perf_counter()
    for i in range(0, len(docs), 32):
        batch = docs[i:i + 32]
        ids = {d.source: gid for gid, d in batch}
        analysed = process_batch([d for _, d in batch], lexicon, report, lines)
        entities.run(analysed, report)  # inferred dates, time expressions, entity ids: as ingest's writer does
        for a in analysed:
            out.append((ids[a.article.source], a, a.timexes))
        print(f"  analysed {min(i + 32, len(docs))}/{len(docs)} ({time.perf_counter() - started:.0f}s)",
              file=sys.stderr, end="\r")
    print(file=sys.stderr)
    for failure in report.failures:
        print(f"  failed: {failure.path}: {failure.reason}", file=sys.stderr)
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with open(cache, "wb") as f:
            pickle.dump(out, f)
    return out


def gold_docs(path: str) -> tuple[list[tuple[str, RawDocument]], dict[str, str], list[dict]]:
    rows = load_rows(path)
    docs = [(str(r["id"]), RawDocument(source=str(r["id"]), path=path, text=r["text"], title=r.get("title") or None,
                                       published=(r.get("date") or "")[:10] or None, format="jsonl")) for r in rows]
    return docs, {str(r["id"]): str(r.get("cluster")) for r in rows}, rows


def features(analysed: Analysed) -> list[tuple[str, ArticleFeatures]]:
    out = []
    for gid, a, timexes in analysed:
        f = ArticleFeatures.from_analysed(a, timexes)
        f.id = gid  # gold ids: two gold items with one text stay two items (copies)
        out.append((gid, f))
    return out


def cluster(items: list[tuple[str, ArticleFeatures]]) -> tuple[dict[str, str], float]:
    """Story of each gold id, filing the articles one at a time in the given order; and seconds."""
    pipe = StoryPipeline()
    events = [extract_event(f) for _, f in items]
    started = time.perf_counter()
    for (gid, f), e in zip(items, events):
        pipe.add(f, e)
    return pipe.index.clusters(), time.perf_counter() - started


def eval_gold(args: argparse.Namespace, path: str) -> dict:
    docs, gold, _ = gold_docs(path)
    analysed = analyse_docs(docs, _cache_file(args.cache, [path]) if args.cache else None)
    items = features(analysed)
    pred, seconds = cluster(items)
    s = score_clusters(gold, pred)
    out = {"file": path, **s.as_dict(), "seconds": round(seconds, 2), "articles_per_s": round(len(items) / seconds, 1)}
    print(f"{Path(path).name}: {len(items)} articles, {s.gold_clusters} gold stories, {s.pred_clusters} predicted")
    print(f"  BCubed P {s.bcubed_p:.4f}  R {s.bcubed_r:.4f}  F1 {s.bcubed_f1:.4f}   ARI {s.ari:.4f}   "
          f"pairwise F1 {s.pair_f1:.4f}   NMI {s.nmi:.4f}   ({len(items) / seconds:.0f} articles/s, stories stage)")
    shuffled = []
    for seed, order in enumerate(_orders(items, args.shuffle) if args.shuffle else [], start=1):
        sp = score_clusters(gold, cluster(order)[0])
        shuffled.append(sp.bcubed_f1)
        print(f"  shuffled order {seed}: BCubed F1 {sp.bcubed_f1:.4f}  ARI {sp.ari:.4f}")
    if shuffled:
        out["shuffled_bcubed_f1"] = shuffled
    if args.pred_out:
        with open(args.pred_out, "w", encoding="utf-8") as f:
            for gid, _ in items:
                f.write(json.dumps({"id": gid, "cluster": pred[gid]}) + "\n")
        print(f"  predictions: {args.pred_out}")
    return out


def _orders(items: list, n: int) -> list[list]:
    """Every filing order when there are at most ``n`` of them (5 seeds: 120), else ``n`` shuffled ones."""
    if math.factorial(len(items)) <= n:
        return [list(p) for p in itertools.permutations(items)]
    out = []
    for seed in range(1, n + 1):
        order = items[:]
        random.Random(seed).shuffle(order)
        out.append(order)
    return out


def eval_seeds(args: argparse.Namespace) -> dict:
    docs = []
    for item in discover([args.seeds]):
        if isinstance(item, BadInput):
            continue
        for d in read_file(item):
            if not isinstance(d, BadInput):
                docs.append((Path(d.path).name, d))
    files = sorted({d.path for _, d in docs})
    files += [args.kb] if args.kb else []  # another knowledge file, another analysis
    analysed = analyse_docs(docs, _cache_file(args.cache, files) if args.cache else None, args.kb)
    items = features(analysed)
    pred, _ = cluster(items)
    stories = len(set(pred.values()))
    print(f"seeds: {len(items)} articles -> {stories} stories (expected {len(items)}: five different events)")
    if args.shuffle:
        orders = _orders(items, args.shuffle)
        counts = Counter(len(set(cluster(order)[0].values())) for order in orders)
        print(f"  in {len(orders)} filing orders: " + ", ".join(f"{n} stories {c} times" for n, c in sorted(counts.items())))
    for gid, f in items:
        e = extract_event(f)
        print(f"  {gid[:20]:20s} story {pred[gid]:4s} date {e.date or '-':10s} place {e.place or '-':14s} "
              f"kind {e.kind or '-':16s} people {', '.join(p.name for p in e.participants if p.label == 'PERSON')[:50]}")
    return {"articles": len(items), "stories": stories}


def eval_t17(args: argparse.Namespace) -> dict:
    docs, _, rows = gold_docs(args.t17)
    folder = {str(r["id"]): r.get("folder") or str(r["id"]).split("/")[1] for r in rows}
    gold: dict[str, set[str]] = defaultdict(set)
    for r in load_rows(args.t17_timelines):
        gold[r["timeline"].split("/")[0]].add(r["date"])
    analysed = analyse_docs(docs, _cache_file(args.cache, [args.t17]) if args.cache else None)
    summaries: dict[str, dict[str, str]] = defaultdict(dict)
    for r in load_rows(args.t17_timelines):
        summaries[r["timeline"].split("/")[0]][r["date"]] = r["summary"]
    per: dict[str, list[tuple[ArticleFeatures, str | None]]] = defaultdict(list)
    events: dict[str, list[tuple[ArticleFeatures, Event]]] = defaultdict(list)
    for gid, f in features(analysed):
        e = extract_event(f)
        per[folder[gid]].append((f, e.date))
        events[folder[gid]].append((f, e))
    results: dict[str, list[float]] = defaultdict(list)
    print(f"T17: {len(docs)} articles, {len(gold)} timelines; Date-F1 with k = the gold timeline's number of dates")
    print(f"  {'timeline':24s} {'k':>4s} {'all dates':>10s} {'shown':>6s} {'busiest':>8s} {'in range':>9s} "
          f"{'busiest':>8s}")
    for name in sorted(gold):
        g, items = gold[name], per.get(name, [])
        k, lo, hi = len(g), min(g), max(g)
        evidence = [(day, referenced_days(f.timexes)) for f, day in items]
        pub = Counter(f.published for f, _ in items if f.published)
        busy_all = sorted(d for d, _ in sorted(pub.items(), key=lambda kv: (-kv[1], kv[0]))[:k])
        busy_rng = sorted([d for d, _ in sorted(pub.items(), key=lambda kv: (-kv[1], kv[0])) if lo <= d <= hi][:k])
        # what `storyline timeline --top k` shows: a day some report tells, or one a sentence recalls
        told = {day for _, day in items if day}
        recalling = Counter(day for f, e in events.get(name, [])
                            for day in {d.day for d in told_days(f, e) if recalls(f.published, d.day)})
        recalled = {day for day, n in recalling.items() if n >= MIN_RECALLING}
        shown = select_dates(evidence, k, keep=lambda day: day in told or day in recalled)
        row = [date_f1(select_dates(evidence, k), g).f1, date_f1(shown, g).f1, date_f1(busy_all, g).f1,
               date_f1(select_dates(evidence, k, start=lo, end=hi), g).f1, date_f1(busy_rng, g).f1]
        for key, v in zip(("all", "shown", "busiest_all", "range", "busiest_range"), row):
            results[key].append(v)
        print(f"  {name:24s} {k:4d} {row[0]:10.3f} {row[1]:6.3f} {row[2]:8.3f} {row[3]:9.3f} {row[4]:8.3f}")
        dates = shown
        for method, pred in (("day", day_summaries(events.get(name, []), dates)),
                             ("lead", lead_summaries(events.get(name, []), dates))):
            for key, v in timeline_rouge(pred, summaries[name]).items():
                results[f"{method}_{key}"].append(v)
            results[f"{method}_words"].append(sum(len(t.split()) for t in pred.values()) / max(1, len(pred)))
    mean = {k: sum(v) / len(v) for k, v in results.items()}
    print(f"  {'mean':24s} {'':4s} {mean['all']:10.3f} {mean['shown']:6.3f} {mean['busiest_all']:8.3f} "
          f"{mean['range']:9.3f} {mean['busiest_range']:8.3f}")
    print("Summaries of those dates against the gold's, ROUGE F1 (concat: all dates' summaries as one text;"
          " agreement: same-date pairs only), mean over the timelines:")
    for method, label in (("day", "day summaries (storyline)"), ("lead", "most central lead summary")):
        print(f"  {label:28s} concat R1 {mean[method + '_concat_r1']:.3f} R2 {mean[method + '_concat_r2']:.3f}   "
              f"agreement R1 {mean[method + '_agreement_r1']:.3f} R2 {mean[method + '_agreement_r2']:.3f}   "
              f"{mean[method + '_words']:.0f} words a summary")
    return {"date_f1": mean["all"], "date_f1_shown": mean["shown"],
            "date_f1_busiest": mean["busiest_all"], "date_f1_in_range": mean["range"],
            "date_f1_busiest_in_range": mean["busiest_range"],
            **{k: round(v, 4) for k, v in mean.items() if k.startswith(("day_", "lead_"))}}


def told_days(f: ArticleFeatures, e: Event) -> list[DaySentence]:
    """The sentences of one article that tell of a day, as the timeline reads them from the store."""
    return day_sentences(f.id, f.text, [(s.start, s.end) for s in f.sentences], f.timexes, published=f.published,
                         own_day=e.date)


def day_summaries(items: list[tuple[ArticleFeatures, Event]], dates: list[str]) -> dict[str, str]:
    """Each date's summary as storyline's timeline picks it (:func:`storyline.stories.digest.summarise_day`):
    among the lead summaries of the reports of that day and every sentence that names it."""
    days = [d for f, e in items for d in told_days(f, e)]
    out = {}
    for date in dates:
        leads = (lead_candidate(f.id, e.summary, next((ev for ev in e.evidence if ev.field == "summary"), None))
                 for f, e in items if e.date == date)
        chosen = summarise_day(day_pool(date, leads, days))
        if chosen is not None:
            out[date] = chosen.text
    return out


def lead_summaries(items: list[tuple[ArticleFeatures, Event]], dates: list[str]) -> dict[str, str]:
    """The baseline: the most central of the lead summaries of the reports of that day."""
    out = {}
    for date in dates:
        leads = [e.summary for _, e in items if e.date == date and e.summary]
        if leads:
            out[date] = leads[central(leads)]
    return out


def timeline_rouge(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """ROUGE-1 and -2 F1 of a timeline's summaries (date -> text) against the gold's, two ways
    (Martschat & Markert 2017): concat (every date's summary as one text) and agreement (n-grams
    count only against the gold summary of the same date). Tokens as rouge-score's
    (ROUGE-1.5.5's) tokenizer with the Porter stemmer gives them."""
    from rouge_score.tokenizers import DefaultTokenizer  # test extras: the bench only

    tok = DefaultTokenizer(use_stemmer=True)

    def grams(text: str, n: int) -> Counter:
        t = tok.tokenize(text)
        return Counter(tuple(t[i:i + n]) for i in range(len(t) - n + 1))

    def f1(match: int, made: int, wanted: int) -> float:
        p, r = (match / made if made else 0.0), (match / wanted if wanted else 0.0)
        return 2 * p * r / (p + r) if p + r else 0.0

    out = {}
    for n in (1, 2):
        a, b = grams(" ".join(pred.values()), n), grams(" ".join(gold.values()), n)
        out[f"concat_r{n}"] = f1(sum((a & b).values()), sum(a.values()), sum(b.values()))
        match = sum(sum((grams(t, n) & grams(gold[d], n)).values()) for d, t in pred.items() if d in gold)
        made = sum(sum(grams(t, n).values()) for t in pred.values())
        wanted = sum(sum(grams(t, n).values()) for t in gold.values())
        out[f"agreement_r{n}"] = f1(match, made, wanted)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", action="append", default=[], help="gold JSONL {id, title, text, date, cluster}")
    ap.add_argument("--pred-out", help="write {id, cluster} lines (of the last --gold file)")
    ap.add_argument("--shuffle", type=int, default=0,
                    help="also score N shuffled orders (the seeds: every order, when there are at most N)")
    ap.add_argument("--seeds", help="folder of the seed articles (each a different event)")
    ap.add_argument("--kb", help="knowledge file for --seeds (people, roles, landmark events), as ingest --kb")
    ap.add_argument("--t17", help="T17 articles JSONL")
    ap.add_argument("--t17-timelines", help="T17 gold timelines JSONL")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "storyline-stories-cache"),
                    help="folder for analysed articles ('' for none)")
    ap.add_argument("--json", help="write all figures to this JSON file")
    args = ap.parse_args(argv)
    if not (args.gold or args.seeds or args.t17):
        ap.error("give --gold, --seeds or --t17")
    figures: dict[str, object] = {}
    for path in args.gold:
        figures[Path(path).stem] = eval_gold(args, path)
    if args.seeds:
        figures["seeds"] = eval_seeds(args)
    if args.t17:
        if not args.t17_timelines:
            ap.error("--t17 needs --t17-timelines")
        figures["t17"] = eval_t17(args)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
