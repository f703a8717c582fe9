"""How well each part of the story score tells same-event pairs from sibling-event pairs (ECB+).

    python bench/pair_signals.py --gold ../shared/data/stories/ecbplus_dev.jsonl

Each ECB+ topic holds two events of one type. For every ordered pair of articles of one topic,
article B is scored against a story holding only article A (``StoryIndex._score``, with the
document frequencies of the whole file), which gives the parts of the score (text, date, place,
people, persons, kind) or "ruled out". The script prints the pair AUC (same event above sibling
event) of the text part, of the hand-weighted sum (ruled out lowest), and of a logistic regression
over the parts trained on half of the topics and tested on the other half, both ways round: does
a learned combination of the same signals rank pairs better than the hand weights?

Articles are analysed as ``eval_stories.py`` does, through its cache.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import eval_stories  # noqa: E402  (the bench folder is not a package)

from storyline.stories import extract_event, text_features  # noqa: E402
from storyline.stories.cluster import StoryIndex  # noqa: E402
from storyline.stories.index_types import event_when  # noqa: E402
from storyline.stories.terms import weigh  # noqa: E402

PARTS = ("text", "date", "place", "people", "persons", "kind")


def pair_rows(items: list, gold: dict[str, str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(parts + [ruled out], same event?, topic)`` for every ordered pair of one topic."""
    index = StoryIndex()
    texts = {gid: text_features(f) for gid, f in items}
    events = {gid: extract_event(f) for gid, f in items}
    for t in texts.values():
        index.dfs.add(t.bag.weights, t.bag.priors)
    vectors = {gid: weigh(texts[gid].bag, index.dfs, top=index.params.top_terms) for gid in texts}
    members, alone = {}, {}
    for gid, e in events.items():
        story = index._new_story()
        members[gid] = index.member(gid, e, texts[gid], vectors[gid])
        members[gid].story_id = story.id
        index._apply(members[gid], story, event_when(e))
        alone[gid] = story
    rows, same, topic = [], [], []
    topic_of = {gid: gold[gid].split("/")[0] for gid in gold}
    for a in alone:
        for b in alone:
            if a == b or topic_of[a] != topic_of[b]:
                continue
            m = members[b]
            parts = index._score(m.vector, event_when(events[b]), m.people, m.place, m.kind, alone[a], m.persons,
                                 m.main, m.anchors, texts[b].names, m.counterparts)
            rows.append([0.0] * len(PARTS) + [1.0] if parts is None else [parts.get(k, 0.0) for k in PARTS] + [0.0])
            same.append(gold[a] == gold[b])
            topic.append(topic_of[a])
    return np.array(rows), np.array(same, dtype=float), np.array(topic)


def auc(score: np.ndarray, label: np.ndarray) -> float:
    """Probability that a random positive outranks a random negative (ties count half)."""
    order = np.argsort(score, kind="mergesort")
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    for value in np.unique(score):  # average ranks of ties
        tied = score == value
        ranks[tied] = ranks[tied].mean()
    pos = label == 1
    return float((ranks[pos].sum() - pos.sum() * (pos.sum() + 1) / 2) / (pos.sum() * (~pos).sum()))


def with_products(x: np.ndarray) -> np.ndarray:
    """The parts, plus text², text × date and text × persons."""
    return np.hstack([x, x[:, :1] ** 2, x[:, :1] * x[:, 1:2], x[:, :1] * x[:, 4:5]])


def fit_logistic(x: np.ndarray, y: np.ndarray, *, l2: float = 1e-3, steps: int = 3000, rate: float = 0.5):
    """A standardised L2 logistic regression by gradient descent; returns its scoring function."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-z @ w))
        w -= rate * (z.T @ (p - y) / len(y) + l2 * w)
    return lambda xs: np.hstack([(xs - mu) / sd, np.ones((len(xs), 1))]) @ w


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True, help="ECB+ gold JSONL {id, title, text, date, cluster}")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "storyline-stories-cache"),
                    help="folder for analysed articles ('' for none), shared with eval_stories.py")
    args = ap.parse_args(argv)
    docs, gold, _ = eval_stories.gold_docs(args.gold)
    analysed = eval_stories.analyse_docs(docs, eval_stories._cache_file(args.cache, [args.gold]) if args.cache else None)
    x, y, topic = pair_rows(eval_stories.features(analysed), gold)
    hand = np.where(x[:, -1] == 1, -1.0, x[:, :-1].sum(1))
    print(f"{len(y)} ordered pairs of one topic, {int(y.sum())} of one event")
    print(f"  pair AUC: text part {auc(x[:, 0], y):.3f}, hand-weighted score {auc(hand, y):.3f}")
    halves = {t: i % 2 for i, t in enumerate(sorted(set(topic), key=int))}
    half = np.array([halves[t] for t in topic])
    for train in (0, 1):
        score = fit_logistic(with_products(x[half == train]), y[half == train])
        test = half != train
        print(f"  trained on topic half {train}, tested on the other: learned {auc(score(with_products(x[test])), y[test]):.3f}"
              f", hand {auc(hand[test], y[test]):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
