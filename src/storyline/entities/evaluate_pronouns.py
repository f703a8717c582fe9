"""``storyline eval pronouns``: score pronoun resolution on GAP-style gold.

Gold: JSONL, one snippet per line, ``{"id", "text", "pronoun", "pronoun_offset", "a",
"a_offset", "a_coref", "b", "b_offset", "b_coref", "gender"?}`` (the GAP corpus's
columns). Each snippet is parsed, :func:`storyline.entities.pronouns.resolve_pronouns`
resolves its pronouns with the two names given as people (whether or not the NER finds
them), and the pronoun at ``pronoun_offset`` refers to A when its person has a name at
A's offset (likewise B; neither when it refers to someone else or to nobody).

The metric is GAP's: precision, recall and F1 of the "refers to" decisions, A and B
pooled, overall and per gender of the pronoun, and the bias ratio F1(feminine) / F1(masculine).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from storyline.errors import InputError
from storyline.goldfile import json_lines

_FIELDS = ("id", "text", "pronoun", "pronoun_offset", "a", "a_offset", "a_coref", "b", "b_offset", "b_coref")


@dataclass(frozen=True, slots=True)
class PronounCase:
    id: str
    text: str
    pronoun_offset: int
    pronoun: str
    a: tuple[int, int]
    b: tuple[int, int]
    a_coref: bool
    b_coref: bool
    gender: str  #: "M", "F" or ""


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: bool, pred: bool) -> None:
        self.tp += gold and pred
        self.fp += pred and not gold
        self.fn += gold and not pred

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class PronounScore:
    cases: int = 0
    overall: Counts = field(default_factory=Counts)
    by_gender: dict[str, Counts] = field(default_factory=dict)
    unresolved: int = 0  #: pronouns given no person at all

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"cases": self.cases, "unresolved": self.unresolved}
        for name, c in [("overall", self.overall), *sorted(self.by_gender.items())]:
            p, r, f = c.prf()
            out[name] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}
        if "M" in self.by_gender and "F" in self.by_gender and self.by_gender["M"].prf()[2]:
            out["bias_f_over_m"] = round(self.by_gender["F"].prf()[2] / self.by_gender["M"].prf()[2], 3)
        return out


def load_cases(path: str | Path) -> list[PronounCase]:
    """Read GAP-style gold; a malformed line raises :class:`InputError` naming it."""
    out = []
    for n, d in json_lines(path):
        missing = [k for k in _FIELDS if k not in d] if isinstance(d, dict) else list(_FIELDS)
        if missing:
            raise InputError(f"{path}:{n}: a pronoun gold line needs {', '.join(missing)} (GAP's columns)",
                             code="E105")
        a0, b0 = int(d["a_offset"]), int(d["b_offset"])
        out.append(PronounCase(str(d["id"]), d["text"], int(d["pronoun_offset"]), d["pronoun"],
                               (a0, a0 + len(d["a"])), (b0, b0 + len(d["b"])), _bool(d["a_coref"]),
                               _bool(d["b_coref"]), str(d.get("gender") or "").upper()[:1]))
    return out


def _bool(value: Any) -> bool:
    return value if isinstance(value, bool) else str(value).strip().lower() in ("true", "1", "yes")


def _overlaps(span: tuple[int, int], names: Sequence[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in names)


def predict(cases: Sequence[PronounCase], *, batch_size: int = 32) -> Iterator[tuple[PronounCase, bool, bool, bool]]:
    """``(case, refers to A, refers to B, resolved at all)`` for each case, in order."""
    from storyline.entities.pronouns import resolve_pronouns
    from storyline.nlp import load_nlp

    nlp = load_nlp(exclude=("lemmatizer",))
    for case, doc in zip(cases, nlp.pipe((c.text for c in cases), batch_size=batch_size)):
        found = [r for r in resolve_pronouns(doc, names=(case.a, case.b))
                 if r.start <= case.pronoun_offset < r.end]
        if not found or found[0].person is None:
            yield case, False, False, False
            continue
        names = found[0].names
        yield case, _overlaps(case.a, names), _overlaps(case.b, names), True


def score(predictions: Iterator[tuple[PronounCase, bool, bool, bool]]) -> PronounScore:
    s = PronounScore()
    for case, to_a, to_b, resolved in predictions:
        s.cases += 1
        s.unresolved += not resolved
        by = s.by_gender.setdefault(case.gender, Counts()) if case.gender else None
        for gold, pred in ((case.a_coref, to_a), (case.b_coref, to_b)):
            s.overall.add(gold, pred)
            if by is not None:
                by.add(gold, pred)
    return s


def print_table(s: PronounScore, title: str, fh: TextIO) -> None:
    d = s.as_dict()
    fh.write(f"{title}: {s.cases} pronouns, {s.unresolved} given no person\n")
    for name in ("overall", "M", "F"):
        if name in d:
            row = d[name]
            label = {"overall": "overall", "M": "masculine", "F": "feminine"}[name]
            fh.write(f"{label:<10} P {100 * row['p']:.1f}  R {100 * row['r']:.1f}  F1 {100 * row['f1']:.1f}\n")
    if "bias_f_over_m" in d:
        fh.write(f"bias (F1 feminine / masculine) {d['bias_f_over_m']:.2f}\n")
