"""``storyline eval quotes``: run the ingest pipeline over gold texts and score the quotations.

Gold: JSONL, one article per line, ``{"id", "text", "quotes": [{"start", "end",
"fragments"?, "speaker", "speaker_resolved"?, "speaker_start", "speaker_end",
"kind"}]}`` (the PolNeAR conversion's format). Each text goes through exactly
what ingest runs (clean → analyse → quotes, :func:`storyline.pipeline.process_batch`)
as a ``.txt`` document; quote offsets are mapped back to the gold text through the
clean stage's offset map.

The metric is PolNeAR's (the scorer shipped with the converted data),
reimplemented here: quote spans are compared as sets of ``\\w+`` words; a pair
matches exactly (same words) or by overlap (|G∩P| / max(|G|,|P|) >= 0.5), one
to one, greedily by overlap. Speaker names match when, normalised (lower case,
titles and possessives dropped, cut at the first comma or parenthesis), they are
equal or share the last word, against the gold mention or its resolved name.
Kinds follow PolNeAR's quote-mark rule: ``direct`` when >= 90% of the content's
letters lie inside double (or curly single) quotes, ``mixed`` when some do,
``indirect`` when none.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from storyline.entities.gender import PRONOUN_GENDER
from storyline.errors import InputError
from storyline.goldfile import json_lines

WORD = re.compile(r"\w+", re.UNICODE)
KINDS: dict[str, set[str] | None] = {"all": None, "direct": {"direct"}, "mixed": {"mixed"},
                                     "indirect": {"indirect"}, "direct+mixed": {"direct", "mixed"}}
TITLES = frozenset("""mr mrs ms miss mx dr prof sir dame lord lady rev fr st
rep reps sen sens gov lt col gen sgt capt cmdr adm
president vice secretary general minister prime chancellor chairman chairwoman chair
senator congressman congresswoman governor mayor judge justice ambassador
spokesman spokeswoman spokesperson former acting deputy foreign defence defense
the a an his her their its our""".split())
_DQ_OPEN, _DQ_CLOSE = {"\u201c", "\u201e", "\u00ab"}, {"\u201d", "\u00bb"}


# -- PolNeAR's kind rule ---------------------------------------------------------
def inside_quote_mask(text: str) -> list[bool]:
    """Per character: inside double (or curly single) quotation marks, per paragraph (PolNeAR's rule)."""
    mask = [False] * len(text)
    pos = 0
    for para in text.split("\n"):
        in_d = in_s = False
        curly = any(c in _DQ_OPEN or c in _DQ_CLOSE for c in para)  # then straight marks are noise
        i = 0
        while i < len(para):
            ch, two = para[i], para[i:i + 2]
            if not curly and two in ("''", "``"):
                in_d = (not in_d) if two == "''" else True
                i += 2
                continue
            if ch == '"' and not curly:
                in_d = not in_d
            elif ch in _DQ_OPEN:
                in_d = True
            elif ch in _DQ_CLOSE:
                in_d = False
            elif ch == "\u2018":
                in_s = True
            elif ch == "\u2019" and in_s and not (para[i + 1:i + 2] or " ").isalnum():
                in_s = False
            else:
                mask[pos + i] = in_d or in_s
            i += 1
        pos += len(para) + 1
    return mask


def classify_kind(fragments: Iterable[tuple[int, int]], mask: list[bool], text: str) -> str:
    n = inside = 0
    for s, e in fragments:
        for k in range(s, e):
            if text[k].isalnum():
                n += 1
                inside += mask[k]
    if n == 0 or inside == 0:
        return "indirect"
    return "direct" if inside / n >= 0.9 else "mixed"


# -- the metric ---------------------------------------------------------------------
def _frags(q: dict[str, Any]) -> list[tuple[int, int]]:
    if q.get("fragments"):
        return [(int(s), int(e)) for s, e in q["fragments"]]
    if q.get("start") is None or q.get("end") is None:
        return []
    return [(int(q["start"]), int(q["end"]))]


def _token_set(words: list[tuple[int, int]], frags: list[tuple[int, int]]) -> frozenset[int]:
    out = set()
    for s, e in frags:
        for i, (ws, we) in enumerate(words):
            if we <= s:
                continue
            if ws >= e:
                break
            out.add(i)
    return frozenset(out)


def norm_name(name: str | None) -> list[str]:
    if not name:
        return []
    s = name.replace("\u2019", "'").lower()
    s = re.split(r"[,(\u2014]|\s-\s|\swho\s", s, maxsplit=1)[0]
    s = re.sub(r"'s\b", "", s)
    toks = re.findall(r"[^\W_]+(?:-[^\W_]+)*", s)
    return [t for t in toks if t not in TITLES] or toks


def name_match(gold: str | None, pred: str | None) -> bool:
    g, p = norm_name(gold), norm_name(pred)
    return bool(g and p) and (g == p or g[-1] == p[-1])


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _match(gsets: list[frozenset[int]], psets: list[frozenset[int]], exact: bool, thr: float
           ) -> list[tuple[int, int, float]]:
    cands = []
    for i, g in enumerate(gsets):
        for j, p in enumerate(psets):
            inter = len(g & p) if g and p else 0
            if not inter:
                continue
            if exact:
                if g == p:
                    cands.append((1.0, i, j))
            elif (sc := inter / max(len(g), len(p))) >= thr:
                cands.append((sc, i, j))
    cands.sort(key=lambda x: (-x[0], x[1], x[2]))
    gu, pu, pairs = set(), set(), []
    for sc, i, j in cands:
        if i not in gu and j not in pu:
            gu.add(i)
            pu.add(j)
            pairs.append((i, j, sc))
    return pairs


def score(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, Any]], thr: float = 0.5) -> dict[str, Any]:
    """PolNeAR's figures: per kind subset, exact and overlap span P/R/F1, speaker accuracy, attributed F1."""
    agg = {m: {k: defaultdict(int) for k in KINDS} for m in ("exact", "overlap")}
    spk = {k: defaultdict(int) for k in KINDS}
    pronoun_speakers = defaultdict(int)
    missing = 0
    for did, gd in gold.items():
        text = gd["text"]
        words = [(m.start(), m.end()) for m in WORD.finditer(text)]
        gq = gd.get("quotes", [])
        pd = pred.get(did)
        missing += pd is None
        pq = [dict(q) for q in pd.get("quotes", [])] if pd else []
        mask = None
        for q in pq:
            if not q.get("kind"):
                mask = mask or inside_quote_mask(text)
                fr = [(max(0, s), min(len(text), e)) for s, e in _frags(q)]
                q["kind"] = classify_kind(fr, mask, text) if fr else None
        gsets = [_token_set(words, _frags(q)) for q in gq]
        psets = [_token_set(words, _frags(q)) for q in pq]
        for mode in ("exact", "overlap"):
            pairs = _match(gsets, psets, mode == "exact", thr)
            gm = {i: j for i, j, _ in pairs}
            pm = {j for _, j, _ in pairs}
            for kname, kset in KINDS.items():
                a = agg[mode][kname]
                for i, q in enumerate(gq):
                    if kset is not None and q.get("kind") not in kset:
                        continue
                    if i not in gm:
                        a["fn"] += 1
                        continue
                    a["tp"] += 1
                    if mode != "overlap":
                        continue
                    p = pq[gm[i]]
                    if q.get("speaker"):
                        s = spk[kname]
                        s["n"] += 1
                        strict = name_match(q["speaker"], p.get("speaker"))
                        nm = strict or name_match(q.get("speaker_resolved"), p.get("speaker"))
                        span = None not in (q.get("speaker_start"), q.get("speaker_end"), p.get("speaker_start"),
                                            p.get("speaker_end")) and (
                            min(q["speaker_end"], p["speaker_end"]) - max(q["speaker_start"], p["speaker_start"]) > 0)
                        s["name"] += nm
                        s["name_strict"] += strict
                        if kname == "all" and q["speaker"].strip().lower() in PRONOUN_GENDER:
                            pronoun_speakers["n"] += 1
                            pronoun_speakers["name"] += nm
                        s["span"] += span
                        a["tp_attr"] += nm
                    else:
                        a["tp_attr"] += not p.get("speaker")
                for j, p in enumerate(pq):
                    if j not in pm and (kset is None or p.get("kind") is None or p.get("kind") in kset):
                        a["fp"] += 1
    out: dict[str, Any] = {"docs": len(gold), "docs_missing_in_pred": missing, "min_overlap": thr}
    for mode in ("exact", "overlap"):
        out[mode] = {}
        for kname in KINDS:
            a = agg[mode][kname]
            p, r, f = _prf(a["tp"], a["fp"], a["fn"])
            row: dict[str, Any] = {"tp": a["tp"], "fp": a["fp"], "fn": a["fn"], "gold": a["tp"] + a["fn"],
                                   "P": p, "R": r, "F1": f}
            if mode == "overlap":
                s, n = spk[kname], spk[kname]["n"]
                row["speaker_n"] = n
                for key in ("name", "name_strict", "span"):
                    row[f"speaker_acc_{key}"] = s[key] / n if n else None
                wrong = a["tp"] - a["tp_attr"]
                row.update(dict(zip(("attr_P", "attr_R", "attr_F1"),
                                    _prf(a["tp_attr"], a["fp"] + wrong, a["fn"] + wrong))))
            out[mode][kname] = row
    n = pronoun_speakers["n"]
    out["pronoun_speakers"] = {"n": n, "speaker_acc_name": pronoun_speakers["name"] / n if n else None}
    return out


def _pct(x: float | None) -> str:
    return "  -  " if x is None else f"{100 * x:5.1f}"


def print_table(out: dict[str, Any], title: str, fh: TextIO) -> None:
    """The figures, laid out as PolNeAR's scorer prints them (span and attribution rows)."""
    fh.write(f"== {title} docs={out['docs']} (missing in pred: {out['docs_missing_in_pred']}),"
             f" overlap>={out['min_overlap']} of max(|G|,|P|)\n")
    fh.write(f"{'subset':13s} {'gold':>5s} | {'exact P/R/F1':^19s} | {'overlap P/R/F1':^19s} |"
             f" {'spk name':>8s} {'(strict)':>8s} {'spk span':>8s} | {'attributed P/R/F1':^19s}\n")
    for k in KINDS:
        e, o = out["exact"][k], out["overlap"][k]
        fh.write(f"{k:13s} {o['gold']:5d} | {_pct(e['P'])} {_pct(e['R'])} {_pct(e['F1'])} |"
                 f" {_pct(o['P'])} {_pct(o['R'])} {_pct(o['F1'])} |"
                 f" {_pct(o['speaker_acc_name']):>8s} {_pct(o['speaker_acc_name_strict']):>8s}"
                 f" {_pct(o['speaker_acc_span']):>8s} |"
                 f" {_pct(o['attr_P'])} {_pct(o['attr_R'])} {_pct(o['attr_F1'])}\n")
    ps = out.get("pronoun_speakers") or {}
    if ps.get("n"):
        fh.write(f"speaker a pronoun (he, she): {ps['n']} matched quotes, speaker name right"
                 f" {_pct(ps['speaker_acc_name']).strip()}% (with --speaker resolved: the name it resolves to"
                 f" against the gold's resolved name)\n")


# -- running the pipeline over gold texts ------------------------------------------
def load_gold(path: str | Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for n, d in json_lines(path):
        if not isinstance(d, dict) or "id" not in d or not isinstance(d.get("text"), str):
            raise InputError(f"{path}:{n}: a gold line needs \"id\" and \"text\"", code="E105")
        out[str(d["id"])] = d
    return out


def predict(gold: dict[str, dict[str, Any]], path: str, *, speaker: str = "mention", batch_size: int = 32
            ) -> Iterator[dict[str, Any]]:
    """Predictions in the scorer's format, one article at a time (ingest's stages, no store)."""
    from storyline.clean import Lexicon
    from storyline.clean.repeated import MemoryLineBook
    from storyline.pipeline import process_batch
    from storyline.records import IngestReport, RawDocument
    from storyline.textmap import OffsetMap

    lexicon, lines = Lexicon({}), MemoryLineBook()
    items = list(gold.items())
    for b in range(0, len(items), batch_size):
        docs = [RawDocument(source=did, path=str(path), text=d["text"], format="txt")
                for did, d in items[b:b + batch_size]]
        report = IngestReport()  # process_batch teaches the lexicon the batch, as ingest does
        by_source = {a.article.source: a for a in process_batch(docs, lexicon, report, lines)}
        for doc in docs:
            item = by_source.get(doc.source)
            quotes = []
            if item is not None:
                omap = OffsetMap(item.article.offsets)
                mask = inside_quote_mask(doc.text)
                for q in item.quotes:
                    frags = [omap.span_to_raw(s, e) for s, e in (q.pieces or [(q.start, q.end)])]
                    row: dict[str, Any] = {"start": frags[0][0], "end": frags[-1][1], "fragments": frags,
                                           "kind": classify_kind(frags, mask, doc.text),
                                           "speaker": (q.speaker_mention if speaker == "mention" else None)
                                           or q.speaker or q.speaker_mention,
                                           "speaker_mention": q.speaker_mention, "cue": q.cue,
                                           "own_kind": q.kind, "confidence": q.confidence}
                    if q.speaker_start is not None and q.speaker_end is not None:
                        row["speaker_start"], row["speaker_end"] = omap.span_to_raw(q.speaker_start, q.speaker_end)
                    quotes.append(row)
            yield {"id": doc.source, "quotes": quotes}
