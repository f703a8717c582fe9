"""Scoring a story clustering against gold clusters, and timelines against gold dates.

The clustering measures are those of the shared scorer (``score.py`` of the stories data):
computed from the gold × predicted contingency table, over the gold items; a gold item the
prediction lacks is its own singleton.

* BCubed precision and recall (Bagga & Baldwin 1998, item-averaged as in Amigó et al. 2009):
  every item in cell (g, c) has precision n_gc/|c| and recall n_gc/|g|;
* pairwise precision / recall / F1 over pairs of items put together;
* ARI (Hubert & Arabie) and NMI (arithmetic-mean normalisation).

Timelines are scored on their dates (Date-F1, as in Martschat & Markert 2018 and Ghalandari &
Ifrim 2020): the predicted set of dates against the gold timeline's.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

from storyline.records import BadInput


@dataclass(frozen=True, slots=True)
class ClusterScores:
    n: int
    gold_clusters: int
    pred_clusters: int
    bcubed_p: float
    bcubed_r: float
    bcubed_f1: float
    pair_p: float
    pair_r: float
    pair_f1: float
    ari: float
    nmi: float
    missing: int
    extra: int

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def _comb2(n: int) -> float:
    return n * (n - 1) / 2.0


def score_clusters(gold: Mapping[str, str], pred: Mapping[str, str]) -> ClusterScores:
    """The shared scorer's measures for ``pred`` (id → cluster) against ``gold`` (id → cluster)."""
    missing = [i for i in gold if i not in pred]
    extra = sum(1 for i in pred if i not in gold)
    p = {i: pred[i] if i in pred else f"__singleton__{i}" for i in gold}
    cells = Counter((gold[i], p[i]) for i in gold)
    gsize = Counter(gold.values())
    psize = Counter(p.values())
    n = len(gold)
    if n == 0:
        return ClusterScores(0, 0, 0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0, extra)
    bp = sum(k * k / psize[c] for (g, c), k in cells.items()) / n
    br = sum(k * k / gsize[g] for (g, c), k in cells.items()) / n
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    tp = sum(_comb2(k) for k in cells.values())
    pp = sum(_comb2(k) for k in psize.values())
    gp = sum(_comb2(k) for k in gsize.values())
    pw_p = tp / pp if pp else 1.0
    pw_r = tp / gp if gp else 1.0
    pw_f = 2 * pw_p * pw_r / (pw_p + pw_r) if pw_p + pw_r else 0.0
    total = _comb2(n)
    expected = gp * pp / total if total else 0.0
    mx = (gp + pp) / 2.0
    ari = (tp - expected) / (mx - expected) if mx != expected else 1.0

    def entropy(sizes: Counter[str]) -> float:
        return -sum((s / n) * math.log(s / n) for s in sizes.values() if s)

    hg, hp = entropy(gsize), entropy(psize)
    mi = sum((k / n) * math.log(k * n / (gsize[g] * psize[c])) for (g, c), k in cells.items())
    nmi = mi / ((hg + hp) / 2) if hg + hp > 0 else 1.0
    return ClusterScores(n, len(gsize), len(psize), bp, br, bf, pw_p, pw_r, pw_f, ari, nmi, len(missing), extra)


def load_labels(path: str) -> dict[str, str]:
    """``{id: cluster}`` from JSON lines ``{"id", "cluster"}`` or ``id<TAB>cluster`` lines."""
    labels: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.lstrip().startswith("{"):
                row = json.loads(line)
                labels[str(row["id"])] = str(row["cluster"])
            else:
                i, c = line.split("\t")[:2]
                labels[i] = c
    return labels


@dataclass(frozen=True, slots=True)
class DateScores:
    precision: float
    recall: float
    f1: float
    matched: int
    predicted: int
    gold: int


def date_f1(predicted: Iterable[str], gold: Iterable[str]) -> DateScores:
    """Date-F1 of a timeline: the predicted dates (``YYYY-MM-DD``) against the gold timeline's."""
    p, g = set(predicted), set(gold)
    hit = len(p & g)
    precision = hit / len(p) if p else 0.0
    recall = hit / len(g) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return DateScores(precision, recall, f1, hit, len(p), len(g))


def story_predictions(gold_path: str) -> tuple[dict[str, str], dict[str, str], list[BadInput]]:
    """``(gold, predicted, refused)`` of a gold JSONL file (``{id, title, text, date, cluster}`` lines):
    ``{id: cluster}`` twice, and what ingest refused (a headline that is only web debris). The
    articles go through the real ingest (:func:`storyline.pipeline.ingest`) into a temporary store,
    in the file's order; an id's story is that of the article its text became."""
    import os
    import tempfile

    from storyline.errors import UsageError
    from storyline.pipeline import ingest
    from storyline.store import Store

    rows = []
    with open(gold_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                rows.append({"id": str(r["id"]), "title": r.get("title") or "", "text": r.get("text") or "",
                             "date": (r.get("date") or "")[:10], "cluster": str(r.get("cluster"))})
            except (ValueError, KeyError, TypeError) as exc:
                raise UsageError(f"{gold_path}:{n}: not a gold line {{id, title, text, date, cluster}} ({exc})",
                                 code="E411") from exc
    gold = {r["id"]: r["cluster"] for r in rows}
    with tempfile.TemporaryDirectory(prefix="storyline-eval-") as tmp:
        data = os.path.join(tmp, "gold.jsonl")
        with open(data, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps({k: r[k] for k in ("id", "title", "text", "date") if r[k]}, ensure_ascii=False)
                         + "\n")
        with Store(os.path.join(tmp, "eval.db")) as store:
            report = ingest([data], store)
            story_of = dict(store.db.execute("SELECT article_id, story_id FROM story_articles").fetchall())
            pred = {}
            for source, article_id in store.db.execute("SELECT source, article_id FROM sources"):
                if article_id in story_of:
                    pred[source] = story_of[article_id]
    # the reader names a JSONL row by its id; map back should it decorate it (``path:id``)
    ids = set(gold)
    fixed = {}
    for source, sid in pred.items():
        gid = source if source in ids else next((i for i in (source.rsplit(":", 1)[-1], source.rsplit("#", 1)[-1])
                                                 if i in ids), None)
        if gid is not None:
            fixed[gid] = sid
    # name the gold file, not the temporary copy ingest read
    refused = [BadInput(f.path.replace(data, gold_path), f.reason) for f in report.failures]
    return gold, fixed, refused
