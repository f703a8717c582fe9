"""Score `storyline.timex.tag` against gold TIMEX3 annotations (TempEval-3 style).

    python bench/eval_timex.py --data ../shared/data/timex/tbaq.jsonl [--floor-value-f1 0.75]

Input: JSONL, one document per line: ``{id, dct, text, timexes: [{start, end, type, value}]}``
(offsets into ``text``). Each document is tagged with its ``dct`` as anchor.

Measures, as TempEval-3 defines them:
  * strict span P/R/F1: exact offsets;
  * relaxed span P/R/F1: any overlap (one-to-one: each gold matches at most one prediction);
  * type accuracy and value accuracy over relaxed matches;
  * type F1 and value F1: relaxed matches with the right type / value, over the predictions (P) and
    over the gold (R). Value F1 is the headline number.
Also a per-type breakdown and the most common value errors, to see what to improve.
``--floor-value-f1`` exits 1 when value F1 falls below it (a regression gate).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

from storyline.timex import tag


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(gold: list[dict], pred: list[dict]) -> tuple[list[tuple[dict, dict]], int]:
    """Relaxed one-to-one matching (greatest overlap first) and the count of exact-span matches."""
    pairs, used = [], set()
    for g in gold:
        best, best_overlap = None, 0
        for j, p in enumerate(pred):
            if j in used:
                continue
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > best_overlap:
                best, best_overlap = j, overlap
        if best is not None:
            used.add(best)
            pairs.append((g, pred[best]))
    strict = sum(1 for g, p in pairs if g["start"] == p["start"] and g["end"] == p["end"])
    return pairs, strict


def evaluate(path: Path, *, show_errors: int = 15, verbose: bool = False) -> dict[str, float]:
    n_gold = n_pred = n_strict = n_relaxed = n_type = n_value = 0
    by_type: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    errors: collections.Counter[tuple[str, str, str]] = collections.Counter()
    missed: collections.Counter[str] = collections.Counter()
    spurious: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    docs = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        docs += 1
        gold = doc["timexes"]
        pred = [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                for t in tag(doc["text"], doc.get("dct"))]
        pairs, strict = match(gold, pred)
        n_gold += len(gold)
        n_pred += len(pred)
        n_strict += strict
        n_relaxed += len(pairs)
        matched_gold = {id(g) for g, _ in pairs}
        matched_pred = {id(p) for _, p in pairs}
        for g in gold:
            by_type[g["type"]]["gold"] += 1
            if id(g) not in matched_gold:
                missed[g["text"].lower()] += 1
        for p in pred:
            by_type[p["type"]]["pred"] += 1
            if id(p) not in matched_pred:
                spurious[p["text"].lower()] += 1
        for g, p in pairs:
            by_type[g["type"]]["matched"] += 1
            if g["type"] == p["type"]:
                n_type += 1
            if g["value"] == p["value"]:
                n_value += 1
                by_type[g["type"]]["value"] += 1
            else:
                errors[(g["text"].lower(), g["value"], p["value"])] += 1
                if verbose:
                    print(f"  {doc['id']} dct={doc['dct']} {g['text']!r}: gold {g['value']} got {p['value']}")
    seconds = time.perf_counter() - started
    sp, sr, sf = prf(n_strict, n_pred, n_gold)
    rp, rr, rf = prf(n_relaxed, n_pred, n_gold)
    tp, tr, tf = prf(n_type, n_pred, n_gold)
    vp, vr, vf = prf(n_value, n_pred, n_gold)
    print(f"{path.name}: {docs} documents, {n_gold} gold timexes, {n_pred} predicted ({seconds:.1f}s)")
    print(f"{'':16}{'P':>8}{'R':>8}{'F1':>8}")
    for name, (p, r, f) in [("strict span", (sp, sr, sf)), ("relaxed span", (rp, rr, rf)),
                            ("type", (tp, tr, tf)), ("value", (vp, vr, vf))]:
        print(f"{name:16}{p:8.3f}{r:8.3f}{f:8.3f}")
    print(f"type accuracy on relaxed matches:  {n_type / max(1, n_relaxed):.3f}")
    print(f"value accuracy on relaxed matches: {n_value / max(1, n_relaxed):.3f}")
    print("\nper gold type: gold, predicted, relaxed recall, value-correct recall")
    for t, c in sorted(by_type.items()):
        print(f"  {t:9}{c['gold']:6}{c['pred']:6}{c['matched'] / max(1, c['gold']):8.3f}"
              f"{c['value'] / max(1, c['gold']):8.3f}")
    if show_errors:
        print(f"\n{show_errors} most common value errors (text: gold -> predicted)")
        for (text, g, p), n in errors.most_common(show_errors):
            print(f"  {n:3}  {text!r}: {g} -> {p}")
        print(f"\n{show_errors} most often missed")
        print("  " + ", ".join(f"{t!r} {n}" for t, n in missed.most_common(show_errors)))
        print(f"\n{show_errors} most often spurious")
        print("  " + ", ".join(f"{t!r} {n}" for t, n in spurious.most_common(show_errors)))
    return {"strict_f1": sf, "relaxed_f1": rf, "type_f1": tf, "value_f1": vf}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="gold JSONL {id, dct, text, timexes}")
    parser.add_argument("--floor-value-f1", type=float, default=None, help="exit 1 below this value F1")
    parser.add_argument("--errors", type=int, default=15, help="how many errors of each kind to list")
    parser.add_argument("--verbose", action="store_true", help="print every value error")
    args = parser.parse_args()
    scores = evaluate(args.data, show_errors=args.errors, verbose=args.verbose)
    if args.floor_value_f1 is not None and scores["value_f1"] < args.floor_value_f1:
        print(f"value F1 {scores['value_f1']:.3f} is below the floor {args.floor_value_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
