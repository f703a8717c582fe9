"""People found by the entity stage on the seeds and on the sample corpus.

    python bench/eval_entities.py [--seeds ../shared/seeds] [--examples examples] [--kb examples/kb.yaml]

Each corpus goes through the real stages (read, clean, spaCy, then
``storyline.entities.link_article`` article by article) twice: without and with
the knowledge file. For each run it prints

* recall: expected people found as one PERSON entity under the right canonical name;
* split people: expected people spread over several entities;
* false persons: PERSON entities that are none of the expected people (with their names);
* photographers counted as people (must be none);
* role descriptions resolved ("the Polish president" → Andrzej Duda).

The expected people are listed below as names with the spellings the corpus
uses: names are facts, the seed texts themselves stay out of the project.
With ``--floor-recall R`` the script exits 1 when a run with the KB is below R.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from storyline.clean import Lexicon, clean_document
from storyline.entities import EntityIndex, link_article, load_kb
from storyline.entities.names import key
from storyline.ingest import discover, read_file
from storyline.nlp import analyse
from storyline.records import AnalysedArticle, BadInput

ROOT = Path(__file__).resolve().parents[1]

#: canonical name → other spellings the corpus uses for that person
SEEDS_PEOPLE: dict[str, tuple[str, ...]] = {
    "Jens Stoltenberg": ("Stoltenberg",),
    "Andrzej Duda": ("Duda",),
    "Vladimir Putin": ("Putin", "Vladimir V. Putin", "Vladimir"),
    "Volodymyr Zelensky": ("Zelensky",),
    "Xi Jinping": (),
    "Wang Wenbin": (),
    "Alexander Makogonov": (),
    "Alexander Lukashenko": ("Lukashenko",),
    "Yevgeny Prigozhin": ("Prigozhin",),
    "Gitanas Nausėda": ("Gitan Nauseda", "Nauseda"),
    "Klaus Iohannis": ("Klaus Lohannis",),
    "Alexander De Croo": ("Alexander DeCroo", "DeCroo"),
    "Jonas Gahr Støre": (),
    "Edi Rama": (),
    "Mark Rutte": ("Rutte",),
}

EXAMPLES_PEOPLE: dict[str, tuple[str, ...]] = {
    "Jens Stoltenberg": ("Stoltenberg",),
    "Andrzej Duda": ("Duda",),
    "Gitanas Nausėda": ("Gitanas Nauseda", "Gitan Nauseda", "Nauseda", "Nausėda"),
    "Klaus Iohannis": ("Klaus Lohannis", "Iohannis"),
    "Alexander De Croo": ("Alexander DeCroo", "DeCroo"),
    "Alexander Lukashenko": ("Alyaksandr Lukashenka", "Lukashenko"),
    "Kaja Kallas": ("Kallas",),
    "Wang Wenbin": (),
    "Margus Tsahkna": (),
    "Gabrielius Landsbergis": (),
    "Tomasz Wrona": ("Wrona",),
    "Rūta Vaitkienė": (),
    "Zuzana Čaputová": (),
    "Arvydas Anušauskas": (),
    "Recep Tayyip Erdoğan": (),
    "Volodymyr Zelensky": (),
    "Luminița Odobescu": ("Odobescu",),
    "Josep Borrell": (),
    "Krišjānis Kariņš": (),
    "Mark Rutte": (),
    "Evika Siliņa": ("Siliņa",),
    "Maria Zakharova": (),
    "Dmitry Peskov": (),
    "Giorgia Meloni": (),
    "Justin Trudeau": (),
    "Ursula von der Leyen": (),
    "Dmytro Kuleba": (),
    "Péter Szijjártó": (),
}


def load(path: Path) -> list[AnalysedArticle]:
    """Read, clean and analyse a folder the way ``storyline ingest`` does (one batch)."""
    docs = [d for item in discover([str(path)]) if not isinstance(item, BadInput)
            for d in read_file(item) if not isinstance(d, BadInput)]
    lexicon = Lexicon({})
    lexicon.learn(d.text for d in docs)
    unique = {}
    for d in docs:
        article = clean_document(d, lexicon)
        unique.setdefault(article.id, article)
    return analyse(list(unique.values()))


def evaluate(articles: list[AnalysedArticle], expected: dict[str, tuple[str, ...]], kb_path: Path | None) -> dict:
    kb = load_kb(kb_path) if kb_path else None
    index = EntityIndex(kb=kb)
    started = time.perf_counter()
    descriptions, resolved_list = 0, []
    for a in articles:
        found = link_article(a, index, kb)
        descriptions += len(found.descriptions)
        for d in found.descriptions:
            if (d.start, d.end) in found.resolved:
                resolved_list.append(f"{d.text} → {index.entity(found.resolved[(d.start, d.end)]).name}")
    seconds = time.perf_counter() - started
    people = [e for e in index.entities("PERSON") if e.mentions > 0]
    names_of = {e.id: {key(n) for n in (e.name, *e.aliases)} for e in people}
    recall, split, missing = [], {}, []
    claimed: set[str] = set()
    for name, variants in expected.items():
        keys = {key(n) for n in (name, *variants)}
        hits = [e for e in people if names_of[e.id] & keys and (key(e.name) in keys or len(e.name.split()) > 1)]
        claimed.update(e.id for e in hits)
        if len(hits) > 1:
            split[name] = [e.name for e in hits]
        if any(e.name == name for e in hits):
            recall.append(name)
        else:
            missing.append(f"{name} (found as {[e.name for e in hits] or 'nothing'})")
    false = sorted(f"{e.name} {sorted(e.aliases)}" if e.aliases else e.name for e in people if e.id not in claimed)
    photographers = {p for a in articles for c in a.article.captions for p in c.photographers}
    photo_people = sorted(e.name for e in people if names_of[e.id] & {key(p) for p in photographers})
    return {
        "kb": str(kb_path) if kb_path else None, "articles": len(articles), "expected": len(expected),
        "recall": len(recall) / len(expected), "missing": missing, "split": split, "false_persons": false,
        "photographers": sorted(photographers), "photographers_as_people": photo_people,
        "descriptions": descriptions, "resolved": len(resolved_list), "resolved_examples": resolved_list,
        "entities": len(index), "link_seconds": round(seconds, 3),
    }


def report(title: str, r: dict) -> None:
    print(f"\n== {title} ({r['articles']} articles, KB: {r['kb'] or 'none'})")
    print(f"recall of people (found under the right canonical name): {r['recall']:.0%} of {r['expected']}")
    for m in r["missing"]:
        print(f"  missing: {m}")
    print(f"people split over several entities: {len(r['split'])}")
    for name, parts in r["split"].items():
        print(f"  split: {name} → {parts}")
    print(f"false persons: {len(r['false_persons'])}")
    for f in r["false_persons"]:
        print(f"  false: {f}")
    print(f"photographers: {r['photographers']}; counted as people: {r['photographers_as_people'] or 'none'}")
    print(f"role descriptions resolved: {r['resolved']} of {r['descriptions']}")
    print(f"entities: {r['entities']}; linking took {r['link_seconds']} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--examples", type=Path, default=ROOT / "examples")
    parser.add_argument("--kb", type=Path, default=ROOT / "examples" / "kb.yaml")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--floor-recall", type=float, help="exit 1 when recall with the KB is below this")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the resolved descriptions")
    args = parser.parse_args(argv)
    results = {}
    for name, path, expected in (("seeds", args.seeds, SEEDS_PEOPLE), ("examples", args.examples, EXAMPLES_PEOPLE)):
        if not path.exists():
            print(f"skipping {name}: {path} not found", file=sys.stderr)
            continue
        articles = load(path)
        for kb in (None, args.kb):
            r = evaluate(articles, expected, kb)
            results[f"{name}{'+kb' if kb else ''}"] = r
            report(f"{name}: {path}", r)
            if args.verbose:
                for line in r["resolved_examples"]:
                    print(f"  resolved: {line}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    if args.floor_recall is not None:
        low = [k for k, r in results.items() if k.endswith("+kb") and r["recall"] < args.floor_recall]
        if low:
            print(f"recall below {args.floor_recall} in {low}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
