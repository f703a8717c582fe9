"""Re-run the text-similarity baselines a stories gold file is judged against, and look for a
publication-time shortcut in it.

The shared data README quotes single-pass TF-IDF baselines (BCubed F1 0.89 on ECB+, 0.90 on the
headlines). This script runs them here, on the same gold lines ``storyline eval stories`` reads
(``{id, title, text, date, cluster}``), so our figures have a reference measured the same way:

* ``tfidf``: single-pass clustering, one article at a time in the file's order; each joins the
  story whose centroid (sum of its members' unit tf-idf vectors) is most cosine-similar when that
  reaches the threshold, else starts one. Idf comes from the whole file (an advantage a live feed
  does not have). Every threshold of ``--thresholds`` is scored; the best is the baseline, an
  optimistic one since the threshold is picked on the gold.
* ``tfidf + window``: the same, but a story is a candidate only while its latest member is at
  most ``--window`` minutes older than the article (when the ``date`` values carry a time).
* ``time gaps``: no text at all; a new story starts wherever two consecutive timestamps (sorted)
  are more than ``--gap`` minutes apart.

When ``time gaps`` scores near 1.0, the file's timestamps are the gold: each story was collected
in a burst of its own (a crawler fetching one cluster at a time), and any method that reads
times to the minute is reading the answer. storyline reads dates to the day, never the time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from storyline.stories.evaluate import score_clusters

_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "the a an of to in on for and or is are was were be been with at by from as it its that this these those "
    "said says say will would has have had not but who which what when after over into about than more new".split())


def load_rows(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def tokens(text: str) -> list[str]:
    return [w for w in _TOKEN.findall(text.lower()) if len(w) > 1 and w not in _STOP]


def tfidf_vectors(texts: list[str]) -> list[dict[str, float]]:
    """Unit tf-idf vectors (sublinear tf, idf over the whole file)."""
    docs = [Counter(tokens(t)) for t in texts]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs)
    out = []
    for d in docs:
        v = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in d.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({w: x / norm for w, x in v.items() if x > 0})
    return out


def single_pass(vectors: list[dict[str, float]], threshold: float,
                times: list[float | None] | None = None, window_s: float | None = None) -> list[int]:
    """Story number of each vector, filed one at a time (centroid cosine, inverted index)."""
    centroids: list[dict[str, float]] = []
    norms2: list[float] = []
    latest: list[float | None] = []
    postings: dict[str, list[int]] = defaultdict(list)
    labels = []
    for i, v in enumerate(vectors):
        now = times[i] if times else None
        dots: dict[int, float] = defaultdict(float)
        for w, x in v.items():
            for c in postings.get(w, ()):
                dots[c] += x * centroids[c][w]
        best, best_sim = None, -1.0
        for c, dot in dots.items():
            if window_s is not None and now is not None and latest[c] is not None and now - latest[c] > window_s:
                continue
            sim = dot / math.sqrt(norms2[c])
            if sim > best_sim:
                best, best_sim = c, sim
        if best is None or best_sim < threshold:
            best = len(centroids)
            centroids.append({})
            norms2.append(0.0)
            latest.append(now)
        centroid = centroids[best]
        for w, x in v.items():
            old = centroid.get(w, 0.0)
            if old == 0.0:
                postings[w].append(best)
            centroid[w] = old + x
            norms2[best] += (old + x) ** 2 - old * old
        if now is not None:
            latest[best] = now
        labels.append(best)
    return labels


def timestamp(value: str | None) -> float | None:
    """Seconds of an ISO date-time; None for a bare day or nothing (no time to read)."""
    if not value or len(value) <= 10:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def time_gaps(times: list[float | None], gap_s: float) -> list[int] | None:
    """Stories from timestamps alone: a new one after every gap longer than ``gap_s``."""
    if any(t is None for t in times):
        return None
    order = sorted(range(len(times)), key=lambda i: times[i])  # type: ignore[arg-type,return-value]
    labels = [0] * len(times)
    story, previous = 0, None
    for i in order:
        if previous is not None and times[i] - previous > gap_s:  # type: ignore[operator]
            story += 1
        labels[i] = story
        previous = times[i]
    return labels


def document(row: dict) -> str:
    """The words a baseline reads: the text, with the title in front unless the text opens with it."""
    title, text = row.get("title") or "", row.get("text") or ""
    return text if title in text[:200] else f"{title} {text}"


def scored(gold: dict[str, str], ids: list[str], labels: list[int]) -> dict:
    s = score_clusters(gold, {i: str(x) for i, x in zip(ids, labels)})
    return {"bcubed_p": round(s.bcubed_p, 4), "bcubed_r": round(s.bcubed_r, 4), "bcubed_f1": round(s.bcubed_f1, 4),
            "stories": s.pred_clusters}


def run(path: str, thresholds: list[float], window_min: float, gap_min: float) -> dict:
    rows = load_rows(path)
    ids = [str(r["id"]) for r in rows]
    gold = {i: str(r.get("cluster")) for i, r in zip(ids, rows)}
    vectors = tfidf_vectors([document(r) for r in rows])
    times = [timestamp(r.get("date")) for r in rows]
    out: dict = {"file": path, "articles": len(rows), "gold_stories": len(set(gold.values()))}

    def best(times: list[float | None] | None = None, window_s: float | None = None) -> dict:
        tried = [{"threshold": t, **scored(gold, ids, single_pass(vectors, t, times, window_s))} for t in thresholds]
        return max(tried, key=lambda d: d["bcubed_f1"])

    out["tfidf"] = best()
    labels = time_gaps(times, gap_min * 60)
    if labels is not None:
        out["tfidf_window"] = {"window_min": window_min, **best(times, window_min * 60)}
        out["time_gaps"] = {"gap_min": gap_min, **scored(gold, ids, labels)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+", help="stories gold files (JSONL: id, title, text, date, cluster)")
    ap.add_argument("--thresholds", default="0.02,0.04,0.06,0.08,0.1,0.15,0.2,0.25,0.3,0.35,0.4,0.5",
                    help="cosine thresholds to try (the best is reported)")
    ap.add_argument("--window", type=float, default=60.0, help="minutes a story stays a candidate (tfidf + window)")
    ap.add_argument("--gap", type=float, default=2.0, help="minutes between timestamps that start a story (time gaps)")
    ap.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    args = ap.parse_args(argv)
    thresholds = [float(x) for x in args.thresholds.split(",")]
    for path in args.gold:
        if not Path(path).is_file():
            print(f"baselines: {path}: no such file (the gold data lives in ../shared/data/stories/)", file=sys.stderr)
            return 2
        r = run(path, thresholds, args.window, args.gap)
        if args.json:
            print(json.dumps(r))
            continue
        print(f"{Path(path).name}: {r['articles']} articles, {r['gold_stories']} gold stories")
        for key, label in (("tfidf", "TF-IDF single-pass"), ("tfidf_window", "TF-IDF single-pass + time window"),
                           ("time_gaps", "timestamp gaps only (no text)")):
            if key in r:
                d = r[key]
                extra = ", ".join(f"{k} {d[k]}" for k in ("threshold", "window_min", "gap_min") if k in d)
                print(f"  {label:34s} BCubed P {d['bcubed_p']:.3f}  R {d['bcubed_r']:.3f}  F1 {d['bcubed_f1']:.3f}"
                      f"  ({d['stories']} stories; {extra})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
