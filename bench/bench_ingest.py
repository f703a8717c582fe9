"""Ingest benchmark: how fast and how lean is `storyline ingest` on a scraped corpus?

Run:  python bench/bench_ingest.py [--articles 2000] [--out bench/out/ingest.json] [--keep]
      (or `./dev bench [args]`)

It writes a deterministic synthetic corpus (seeded; ~94% .txt articles with
scraper boilerplate, 5% as JSONL rows, 1% HTML pages) to a temp folder, then
times each stage on it, every stage in its own fresh Python process:

  read          discover + read_file over all files
  clean         Lexicon.learn (names, glued stems) + clean_document, batch by batch
  nlp           storyline.nlp.analyse per batch of config.BATCH_SIZE (model load not timed)
  store         Store.save_batch into a fresh SQLite file
  total         the real end-to-end storyline.pipeline.ingest into a fresh store
  ingest again  the same ingest over the same folder: every file unchanged, nothing stored
  total (N/4)   end-to-end on a quarter-size corpus: peak RSS should match `total`

Stages time only their own work: inputs are handed over batch by batch through
pickle files, outside the timer. Words are whitespace-separated words of the
raw text (read, clean) or of the clean article text (nlp, store, total, again).
Peak RSS is ru_maxrss of the stage process (imports and spaCy model included);
the Python-heap peak comes from a separate tracemalloc run (it is slow), done
only for the cheap stages. The table is printed and written as JSON to --out.
"""

from __future__ import annotations

import argparse
import html
import itertools
import json
import os
import pickle
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------- corpus


# One random pick per {key}; a pick may hold further {keys}. Indented lines continue the line above.
VOCAB = """
first: Anna|Marek|Ilse|Tomas|Ruta|Jonas|Elena|Pavel|Katrin|Miguel|Sofia|Andrei|Laura|Henrik|Oksana|Viktor|Maja|
    Dario|Leila|Pieter|Nadia|Ivo|Greta|Tarik|Mirela|Stefan|Lucia|Aleksi|Zofia|Emil|Hana|Olaf
city: Vilnius|Riga|Tallinn|Warsaw|Gdansk|Krakow|Bucharest|Constanta|Varna|Prague|Brno|Bratislava|Budapest|Helsinki|
    Turku|Stockholm|Oslo|Berlin|Hamburg|Brussels|Antwerp|Lisbon|Porto|Seville|Naples|Zagreb|Kyiv
org: the European Commission|NATO|the World Bank|the Red Cross|Eurostat|the IMF|the OSCE|Frontex|
    the Council of Europe|the national statistics office|the UN refugee agency|the port authority of {place}
role: defence minister|foreign minister|prime minister|government spokeswoman|opposition lawmaker|
    central bank governor|senior diplomat|energy minister|mayor of {place}|chief economist at {org}
subject: the government|the ministry|{org}|the city council of {place}|local authorities in {place}|the army|
    the coalition|the opposition|the regulator|lawmakers in {place}|the railway operator|farmers' unions
verb: will increase|has postponed|plans to review|is ready to sign|rejected|approved|wants to expand|has cut|
    promised to speed up|refused to comment on|is investigating|will finance|criticised|announced|doubled
object: the budget for {sector}|{num} new {things}|the contract for {thing}|talks on {topic}|a study on {topic}|
    the plan to {action}|the tender for {thing}|its support for {sector}|the deal with {place}
sector: air defence|public transport|rural hospitals|border guards|energy storage|schools|housing|pensions|
    the grain corridor|cyber security|water supply|coastal protection
things: radar stations|border crossings|wind farms|ferries|tram lines|drones|shelters|ammunition plants|
    power lines|patrol boats|rail bridges|data centres|fire engines
thing: the new gas terminal|a coastal radar|the northern rail link|the bridge over the river|the hospital wing|
    a fleet of electric buses|the harbour dredging|an air defence battery
topic: migration|energy prices|grain exports|sanctions|the defence budget|inflation|the drought|cyber attacks|
    the border fence|refugee housing|the gas pipeline|fishing quotas|rail freight|teacher salaries
action: cut emissions|hire more teachers|protect the coast|rebuild the bridge|double the patrols|
    modernise the grid|open a new crossing|buy more shells|lower the heating bills
tail: ||| before the end of the year| in {place}| despite {topic}| after talks in {place}| by {month} {year}|
     within {n} months| next {weekday}| for the first time since {year}
quote: We will not accept {object}{tail}|We are ready to discuss {object}|We cannot ignore {topic} any longer|
    This is not about {topic}, it is about {topic2}|Nobody in {place} expected this to happen so fast|
    {Place} will not wait for {org}|Our priority is {sector}, and that will not change|
    We need {num} more {things}, not promises|The situation with {topic} is {adj}, but we are ready
adj: difficult|serious|stable|unclear|better than last year|worse than expected|under control
say: said|told reporters|added|stressed|warned|noted|explained|insisted|told local radio|wrote on social media
say_glued: said| said| declared|added
meeting: summit|meeting|conference|hearing|vote|round of talks
weekday: Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday
month: January|February|March|April|May|June|July|August|September|October|November|December
outlet: Baltic Courier|Danube Daily|Nordic Ledger|Harbour Times|Vistula Post|Adriatic Wire
stem: Kowal|Lind|Petr|Varg|Nov|Bren|Halv|Dimit|Oz|Tam|Kel|Mor|Sil|Horv|Jans|Rinal|Sokol|Ber|Mar|Kas|Ziel|Duar|
    Fisch|Anders|Pop|Kov|Lun|Ivan|Castel|Mey|Niem|Szab|Vid|Rus|Haa|Baran|Kaln|Web|Ort|Hol
ending: czyk|qvist|escu|a|ak|nan|orsen|ov|ols|berg|er|eau|ova|is|ski|sen|ini|ez|man|lund
sentence: {Subject} {verb} {object}{tail}.|{Role} {person} {say} on {weekday} that {subject} {verb} {object}.|
    {oq}{Quote},{cq} {person} {say}.|{last} {say}: {oq}{Quote}.{cq}|According to {org}, {subject} {verb} {object}.|
    On {month} {day}, about {num} people gathered in {place} to protest against {topic}.|
    The {meeting} in {place} on {month} {day} ended without agreement on {topic}.|
    {person}, {role} of {place}, said the figures on {topic} were {adj}.|
    In {place}, {subject} {verb} {object}, {num}% more than in {year}.|
    {oq}{Quote}.{cq}{say_glued} {person}, who arrived from {place} on {weekday}.
headline: {last} {verb} {object} in {place}|{Place}: {subject} {verb} {object}|{oq}{Quote}{cq}, says {role} {last}
"""
WORDS = dict(line.split(": ", 1) for line in VOCAB.replace("\n    ", "").strip().split("\n"))
WORDS = {key: picks.split("|") for key, picks in WORDS.items()} | {"topic2": WORDS["topic"].split("|")}
SENTENCES, HEADLINES = WORDS.pop("sentence"), WORDS.pop("headline")
# 40 stems x 20 endings: surnames varied enough that a glued "Surnamewarned" rarely repeats
STEMS, ENDINGS = WORDS.pop("stem"), WORDS.pop("ending")
LAST = [stem + ending for stem in STEMS for ending in ENDINGS]
COOKIES = "We use cookies to improve your experience. By continuing to browse you accept our cookie policy."


class Writer:
    """Sentence-like prose from the templates above; one seeded Random drives everything."""

    def __init__(self, rnd: random.Random) -> None:
        self.r, self.cast, self.where = rnd, [("Anna", "Kowala")], ["Riga"]

    def fill(self, template: str) -> str:
        r = self.r
        while "{" in template:  # each pass fills one level of nesting with fresh picks
            who = r.choice(self.cast) if r.random() < 0.7 else (r.choice(WORDS["first"]), r.choice(LAST))
            curly = r.random() < 0.6
            values = {k: r.choice(v) for k, v in WORDS.items()}
            values.update(place=r.choice(self.where) if r.random() < 0.6 else values["city"], last=who[1],
                          person=f"{who[0]} {who[1]}", num=str(r.choice([r.randint(2, 60), r.randint(100, 9000)])),
                          n=str(r.randint(2, 24)), year=str(r.randint(1991, 2023)), day=str(r.randint(1, 28)),
                          oq="“" if curly else '"', cq="”" if curly else '"')
            values.update({k.capitalize(): v[:1].upper() + v[1:] for k, v in values.items()})
            template = template.format_map(values)
        return template[0].upper() + template[1:]

    def paragraph(self, words: int) -> str:
        out: list[str] = []
        while sum(len(s.split()) for s in out) < words:
            out.append(self.fill(self.r.choice(SENTENCES)))
        return " ".join(out)

    def article(self) -> dict:
        r = self.r
        self.cast = [(r.choice(WORDS["first"]), r.choice(LAST)) for _ in range(r.randint(2, 4))]
        self.where = r.sample(WORDS["city"], 3)
        target = r.randint(150, 1200)
        n_par = min(r.randint(6, 15), max(6, target // 25))
        paras = [self.paragraph(target // n_par) for _ in range(n_par)]
        if r.random() < 0.1:  # a scraper glued a name to the next word: "Kowalczykwarned"
            first, last = self.cast[0]
            paras[1] = f"{first} {last}warned that {self.fill('{subject} {verb} {object}{tail}.')} {paras[1]}"
        first, last = r.choice(self.cast)
        caption = f"{first} {last} speaks to journalists in {self.where[0]} " \
                  f"(REUTERS / {r.choice(WORDS['first'])} {r.choice(LAST)})"
        return {"headline": self.fill(r.choice(HEADLINES)), "paras": paras, "outlet": r.choice(WORDS["outlet"]),
                "date": date(2022, 1, 1) + timedelta(days=r.randint(0, 1000)), "caption": caption}


def as_text(a: dict, r: random.Random) -> str:
    d = a["date"]
    head = ["Share"] * (r.random() < 0.5) + [a["headline"]]
    stamp = f"Published: {d:%B} {d.day}, {d.year} - {r.randint(6, 23):02d}:{r.randint(0, 59):02d}"
    head += [stamp] * (r.random() < 0.4)
    body = list(a["paras"])
    if r.random() < 0.5:
        body.insert(len(body) // 2, "- Advertisement -")
    if r.random() < 0.2:
        body.insert(r.randint(1, len(body) - 1), a["caption"])
    tail = [line for line, p in ((f"Source: {a['outlet']}", 0.4), ("With information from AFP and EFE", 0.3),
                                 ("Leave A Reply", 0.3), (COOKIES, 0.3)) if r.random() < p]
    return "\n\n".join(head + body + tail) + "\n"


def as_html(a: dict) -> str:
    e, title, outlet = html.escape, html.escape(a["headline"]), html.escape(a["outlet"])
    paras = "\n".join(f"<p>{e(p)}</p>" for p in a["paras"])
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{a['date'].isoformat()}T09:30:00+02:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<main><article><h1>{title}</h1><figure><img src="/lead.jpg" alt=""><figcaption>{e(a['caption'])}</figcaption></figure>
{paras}\n<div class="ad">- Advertisement -</div></article></main><footer><p>© {a['date'].year} {outlet}.</p>
<div class="cookie-banner"><p>{COOKIES}</p><button>Accept all</button></div></footer></body></html>
"""


def generate(folder: Path, n: int, seed: int = 20240611) -> None:
    """Write ``n`` articles: 5% as JSONL rows (25 a file), 1% as HTML pages, the rest as .txt files."""
    r = random.Random(seed)
    writer = Writer(r)
    for sub in ("txt", "exports", "pages"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    rows: list[str] = []
    for i in range(n):
        a = writer.article()
        if i % 20 == 7:
            rows.append(json.dumps({"id": f"bench-{i:05d}", "title": a["headline"], "date": a["date"].isoformat(),
                                    "url": f"https://news.example/{i}", "outlet": a["outlet"],
                                    "text": "\n\n".join(a["paras"])}, ensure_ascii=False))
        elif i % 100 == 13:
            (folder / "pages" / f"{i:05d}.html").write_text(as_html(a), encoding="utf-8")
        else:
            (folder / "txt" / f"{i:05d}.txt").write_text(as_text(a, r), encoding="utf-8")
    for k in range(0, len(rows), 25):
        (folder / "exports" / f"wire_{k // 25:03d}.jsonl").write_text("\n".join(rows[k:k + 25]) + "\n", "utf-8")


# --------------------------------------------------------------------------- stages (each in a child process)


def _raw_docs(corpus: str):
    from storyline.ingest import discover, read_file
    from storyline.records import BadInput, RawDocument

    for f in discover([corpus]):
        yield from (d for d in (() if isinstance(f, BadInput) else read_file(f)) if isinstance(d, RawDocument))


def _batches(docs, size: int):
    it = iter(docs)
    return iter(lambda: list(itertools.islice(it, size)), [])


def _pickled(path: Path):
    with open(path, "rb") as fh:
        while fh.peek(1):
            yield pickle.load(fh)


def run_stage(stage: str, corpus: str, work: Path, db: str, trace: bool) -> dict:
    """Run one stage in this process, timing only its own work; returns its figures."""
    from collections import Counter

    from storyline.clean import Lexicon, clean_document
    from storyline.config import BATCH_SIZE
    from storyline.nlp import analyse, load_nlp
    from storyline.pipeline import ingest
    from storyline.store import Store

    if trace:
        import tracemalloc
        tracemalloc.start()
    seconds, articles, words, extra = 0.0, 0, 0, {}
    if stage == "read":
        t = time.perf_counter()
        for doc in _raw_docs(corpus):
            articles, words = articles + 1, words + len(doc.text.split())
        seconds = time.perf_counter() - t
    elif stage == "clean":  # what pipeline._process does before analyse()
        lexicon = Lexicon({})  # a fresh store's vocabulary
        with open(os.devnull if trace else work / "clean.pkl", "wb") as out:
            for docs in _batches(_raw_docs(corpus), BATCH_SIZE):
                t = time.perf_counter()
                before = Counter(lexicon.name_counts())
                lexicon.learn(d.text for d in docs)
                cleaned = [clean_document(d, lexicon) for d in docs]
                delta = Counter(lexicon.name_counts())
                delta.subtract(before)
                vocab = {k: v for k, v in delta.items() if v > 0}
                seconds += time.perf_counter() - t
                articles, words = articles + len(docs), words + sum(len(d.text.split()) for d in docs)
                pickle.dump((cleaned, vocab), out)
    elif stage == "nlp":
        t = time.perf_counter()
        load_nlp()
        extra["model_load_s"] = time.perf_counter() - t
        with open(work / "nlp.pkl", "wb") as out:
            for cleaned, vocab in _pickled(work / "clean.pkl"):
                t = time.perf_counter()
                analysed = analyse(cleaned)
                seconds += time.perf_counter() - t
                articles, words = articles + len(cleaned), words + sum(a.words for a in cleaned)
                pickle.dump((analysed, vocab), out)
    elif stage == "store":
        with Store(db) as store:
            for analysed, vocab in _pickled(work / "nlp.pkl"):
                t = time.perf_counter()
                articles += store.save_batch(analysed, vocab=vocab)
                seconds += time.perf_counter() - t
                words += sum(a.article.words for a in analysed)
    else:  # "total" into a fresh store, or "again" into the store "total" filled
        t = time.perf_counter()
        with Store(db) as store:
            report = ingest([corpus], store)
        seconds = time.perf_counter() - t
        with Store(db) as store:
            articles, words = store.db.execute("SELECT COUNT(*), COALESCE(SUM(words), 0) FROM articles").fetchone()
        extra = {k: getattr(report, k) for k in ("files_seen", "files_skipped", "articles_added",
                                                 "articles_unchanged", "articles_replaced", "failed")}
    result = {"seconds": seconds, "articles": articles, "words": words, **extra,
              "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}  # KB on Linux
    if trace:
        result["py_heap_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    return result


# --------------------------------------------------------------------------- driver


def child(stage: str, corpus: Path, work: Path, db: Path, trace: bool = False) -> dict:
    """Run ``stage`` in a fresh interpreter (so its peak RSS is its own); returns its figures."""
    print(f"  {stage}{' (tracemalloc)' if trace else ''} ...", file=sys.stderr, flush=True)
    cmd = [sys.executable, __file__, "--stage", stage, "--corpus", str(corpus), "--work", str(work), "--db", str(db)]
    done = subprocess.run(cmd + ["--trace"] * trace, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    ap.add_argument("--out", default=str(HERE / "out" / "ingest.json"), help="JSON results file")
    ap.add_argument("--keep", action="store_true", help="keep the temp folder (corpus, pickles, stores)")
    for hidden in ("--stage", "--corpus", "--work", "--db"):
        ap.add_argument(hidden, help=argparse.SUPPRESS)
    ap.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:
        print(json.dumps(run_stage(args.stage, args.corpus, Path(args.work), args.db, args.trace)))
        return
    if args.articles < 8:
        ap.error("--articles must be at least 8")

    n, quarter = args.articles, f"total (N/4={args.articles // 4})"
    work = Path(tempfile.mkdtemp(prefix="storyline-bench-"))
    try:
        print(f"generating {n} + {n // 4} articles in {work} ...", file=sys.stderr, flush=True)
        t = time.perf_counter()
        generate(work / "corpus", n)
        generate(work / "quarter", n // 4, seed=7)
        gen_s = time.perf_counter() - t
        corpus, db = work / "corpus", work / "total.db"
        rows = {stage: child(stage, corpus, work, work / f"{stage}.db") for stage in ("read", "clean", "nlp", "store")}
        rows["total"] = child("total", corpus, work, db)
        rows["ingest again"] = child("again", corpus, work, db)
        rows[quarter] = child("total", work / "quarter", work, work / "quarter.db")
        for stage in ("read", "clean", "store"):
            rows[stage]["py_heap_mb"] = child(stage, corpus, work, work / "trace.db", trace=True)["py_heap_mb"]
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    cols = f"{'stage':<18}{'articles':>9}{'seconds':>9}{'articles/s':>11}{'words/s':>10}{'peak RSS MB':>12}" \
           f"{'heap MB':>9}"
    print(f"\nstoryline ingest benchmark, {n} articles (corpus generated in {gen_s:.1f}s)\n{cols}\n{'-' * len(cols)}")
    for name, r in rows.items():
        r["articles_per_s"] = r["articles"] / r["seconds"] if r["seconds"] else 0.0
        r["words_per_s"] = r["words"] / r["seconds"] if r["seconds"] else 0.0
        heap = f"{r['py_heap_mb']:.1f}" if "py_heap_mb" in r else "-"
        print(f"{name:<18}{r['articles']:>9}{r['seconds']:>9.2f}{r['articles_per_s']:>11.1f}"
              f"{r['words_per_s']:>10.0f}{r['peak_rss_mb']:>12.1f}{heap:>9}")
    again, total = rows["ingest again"], rows["total"]
    print(f"\ningest again: files seen {again['files_seen']}, skipped {again['files_skipped']}, "
          f"added {again['articles_added']}, unchanged {again['articles_unchanged']}, "
          f"replaced {again['articles_replaced']}, failed {again['failed']}")
    print(f"total: files seen {total['files_seen']}, articles added {total['articles_added']}, "
          f"failed {total['failed']}; spaCy model load {rows['nlp']['model_load_s']:.1f}s (not in the nlp row)")
    print(f"peak RSS of total: {total['peak_rss_mb']:.0f} MB at N={n}, {rows[quarter]['peak_rss_mb']:.0f} MB at N/4")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"articles": n, "generate_s": gen_s, "python": sys.version.split()[0],
                               "cpus": os.cpu_count(), "stages": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
