"""Values shared by the normalisers: numbers in words, TIMEX3 durations, relation words.

``number("twenty-five")`` is 25.0, ``number("several")`` None (unknown); ``duration_value(2.5, "years")``
is ``P2Y6M``, ``duration_value(None, "months")`` ``PXM``, ``duration_value(16, "hour")`` ``PT16H``.
"""

from __future__ import annotations

import re

from storyline.timex.calendar import Point
from storyline.timex.patterns import CLOCK_UNITS, FUZZY, ONES, REFS, TEENS, TENS, UNIT_FACTOR, UNITS

Result = tuple[str, str, Point | None]  # type, value, the point it sets as reference (or None)
REF_VALUE = {w.replace(" ", ""): kind for kind, words in REFS.items() for w in words}
BACK = frozenset({"last", "past", "previous", "this past", "the previous", "last year's"})
AHEAD = frozenset({"next", "coming", "this coming", "the following", "the coming", "next year's"})
SHIFT = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1, "the prior": -1}
DEICTIC_DIR = {"ago": -1, "back": -1, "from now": 1, "hence": 1}
ANAPHORIC_DIR = {"earlier": -1, "before": -1, "previously": -1, "prior": -1, "later": 1, "after": 1, "on": 1}


def number(text: str) -> float | None:
    """The value of a number written in digits or words; None for "several", "a few" and the like."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in FUZZY:
        return None
    if t in ("a", "an"):
        return 1.0
    if t in ("a half", "half a", "half an", "half"):
        return 0.5
    if t in ("a dozen", "dozen"):
        return 12.0
    if t in ("a couple of", "couple of"):
        return 2.0
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s*(\d)/(\d))?", t)
    if m:
        return float(m.group(1)) + (int(m.group(2)) / int(m.group(3)) if m.group(2) else 0.0)
    half = t.endswith(" and a half")
    t = t.removesuffix(" and a half")
    m = re.fullmatch(r"(a|one|two|three|several) hundred", t)
    if m:
        return 100.0 * (number(m.group(1)) or 1.0)
    if t == "a thousand":
        return 1000.0
    parts = re.split(r"[\s-]", t)
    total = 0.0
    for p in parts:
        v = ONES.get(p) or TEENS.get(p) or TENS.get(p)
        if v is None:
            return None
        total += v
    return total + (0.5 if half else 0.0)


def _num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(n: float | None, unit_word: str) -> str:
    """``P2Y``, ``PT16H``, ``P10Y`` (a decade), ``PXM`` (an unknown number of months)."""
    unit_word = unit_word.lower().rstrip("s") if unit_word.lower() not in ("centuries",) else "centurie"
    letter = UNITS.get(unit_word, "D")
    if letter == "WE":
        letter = "D"
        n = None if n is None else n * 2
    n = None if n is None else n * UNIT_FACTOR.get(unit_word, 1)
    clock = unit_word in CLOCK_UNITS
    if n is not None and not float(n).is_integer():  # 2.5 years = P2Y6M, 1.5 hours = PT1H30M
        whole, frac = int(n), n - int(n)
        finer = {"Y": ("M", 12), "H": ("M", 60), "M": ("D", 30) if not clock else ("S", 60), "W": ("D", 7),
                 "D": ("H", 24), "Q": ("M", 3)}.get(letter)
        if finer:
            sub_letter, k = finer
            sub = f"{_num(round(frac * k, 2))}{sub_letter}"
            head = f"{whole}{letter}" if whole else ""
            time_part = clock or (letter == "D" and sub_letter == "H")
            if clock:
                return f"PT{head}{sub}"
            return f"P{head}T{sub}" if time_part else f"P{head}{sub}"
    return f"P{'T' if clock else ''}{'X' if n is None else _num(n)}{letter}"
