"""Speed of the corpus part of the stories stage (duplicates + story clustering) as the store grows.

    python bench/bench_stories.py [--sizes 1000,10000,100000] [--window 1000] [--out bench/out/stories.json]

Generates, without spaCy, a seeded stream of article features: events (a date over two years,
a place, two or three participants out of a few thousand people, a kind) each reported by 1-8
articles with their own wording over a shared vocabulary of 20,000 words; 5% of the articles
are wire copies of another with a different credit line. Each article is filed with
:class:`storyline.stories.StoryPipeline` (MinHash duplicates, then the incremental
:class:`StoryIndex`), one at a time, in date order with some jitter.

For each size it prints articles/s over the whole run and the cost per new article (ms) over
the last ``--window`` articles: flat cost means blocking works (no all-pairs comparison).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

from storyline.records import Mention, Sentence
from storyline.stories import ArticleFeatures, Event, Participant, StoryPipeline

KINDS = ("meeting", "summit", "press conference", "statement", "attack", "visit", "election", "protest")


class Generator:
    """A seeded stream of synthetic articles (features only)."""

    def __init__(self, seed: int = 7, vocabulary: int = 20_000, people: int = 3_000, places: int = 400) -> None:
        self.rng = random.Random(seed)
        self.words = [f"w{i}x" for i in range(vocabulary)]
        self.people = [f"Person{i} Surname{i}" for i in range(people)]
        self.places = [f"City{i}" for i in range(places)]
        self.start = dt.date(2022, 1, 1).toordinal()

    def _zipf_word(self) -> str:
        # common words are common: index by a power law
        return self.words[min(len(self.words) - 1, int(len(self.words) * self.rng.random() ** 3))]

    def stream(self, n: int):  # noqa: ANN201 - generator of (ArticleFeatures, Event)
        made = 0
        event_no = 0
        while made < n:
            event_no += 1
            day = self.start + int(event_no * 730 / max(1, n / 4)) % 730
            people = self.rng.sample(self.people, self.rng.randint(2, 3))
            place = self.rng.choice(self.places)
            kind = self.rng.choice(KINDS)
            topic = [self._zipf_word() for _ in range(25)]
            previous: str | None = None
            for _ in range(self.rng.randint(1, 8)):
                if made >= n:
                    return
                made += 1
                aid = f"a{made}"
                if previous and self.rng.random() < 0.05:  # a wire copy with another credit line
                    text = previous + f"\nCredit: Outlet{self.rng.randint(1, 50)}"
                else:
                    words = self.rng.choices(topic, k=60) + [self._zipf_word() for _ in range(240)]
                    self.rng.shuffle(words)
                    body = " ".join(words)
                    text = f"{people[0]} met {people[1]} in {place}. {body}."
                    previous = text
                mentions = [Mention(0, len(people[0]), people[0], "PERSON")]
                at = len(people[0]) + 5
                mentions.append(Mention(at, at + len(people[1]), people[1], "PERSON"))
                at = text.index(place)
                mentions.append(Mention(at, at + len(place), place, "GPE"))
                d = dt.date.fromordinal(day + self.rng.randint(0, 2)).isoformat()
                f = ArticleFeatures(id=aid, text=text, title=f"{people[0]} and {people[1]} {kind}",
                                    published=d, sentences=[Sentence(0, text.index(".") + 1),
                                                            Sentence(text.index(".") + 2, len(text))],
                                    mentions=mentions, outlet=f"Outlet{self.rng.randint(1, 50)}")
                e = Event(aid, date=dt.date.fromordinal(day).isoformat(), date_source="text", place=place,
                          participants=[Participant("person:" + p.split()[-1].lower(), p, "PERSON") for p in people],
                          kind=kind, summary=text[:80])
                yield f, e


def run(size: int, window: int) -> dict[str, float]:
    pipe = StoryPipeline()
    gen = Generator()
    items = list(gen.stream(size))
    started = time.perf_counter()
    tail_start = None
    for i, (f, e) in enumerate(items):
        if i == size - window:
            tail_start = time.perf_counter()
        pipe.add(f, e)
    total = time.perf_counter() - started
    tail = time.perf_counter() - (tail_start or started)
    return {"articles": size, "seconds": round(total, 2), "articles_per_s": round(size / total, 1),
            "ms_per_new_article_at_end": round(1000 * tail / min(window, size), 3),
            "stories": len(pipe.index), "duplicates": size - len(pipe.dedup._originals)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--window", type=int, default=1000, help="last articles the cost per article is measured on")
    ap.add_argument("--out", help="write the figures as JSON")
    args = ap.parse_args(argv)
    results = []
    print(f"{'articles':>9s} {'seconds':>9s} {'articles/s':>11s} {'ms/new article (last ' + str(args.window) + ')':>28s} "
          f"{'stories':>8s} {'copies':>7s}")
    for size in (int(s) for s in args.sizes.split(",")):
        r = run(size, args.window)
        results.append(r)
        print(f"{r['articles']:9d} {r['seconds']:9.1f} {r['articles_per_s']:11.1f} {r['ms_per_new_article_at_end']:28.2f} "
              f"{r['stories']:8d} {r['duplicates']:7d}", flush=True)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
