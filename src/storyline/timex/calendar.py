"""Calendar arithmetic for TIMEX3 values: periods at a granularity, shifting, formatting.

A :class:`Point` is a period (a day, an ISO week, a month, a quarter, ...) identified by its first
day. ``fmt`` writes the TIMEX3 value: ``2023-06-27``, ``2023-W26``, ``2023-06``, ``2023-Q2``,
``2023-H1``, ``2023-SU``, ``2023``, ``202`` (the 2020s), ``20`` (the 21st century).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

#: finest first
GRANULARITIES = ("time", "day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade",
                 "century")
RANK = {g: i for i, g in enumerate(GRANULARITIES)}
UNIT_GRAN = {"S": "time", "M_clock": "time", "H": "time", "D": "day", "W": "week", "WE": "weekend",
             "M": "month", "Q": "quarter", "Y": "year"}


@dataclass(frozen=True, slots=True)
class Point:
    """A period at a granularity, identified by its first day; ``suffix`` adds a time (``T10:35``, ``TMO``)."""

    gran: str
    day: dt.date
    suffix: str = ""
    season: str = ""  #: SP | SU | FA | WI for ``gran == "season"``


def fmt(p: Point) -> str:
    d = p.day
    if p.gran == "time":
        return f"{d.isoformat()}{p.suffix}"
    if p.gran == "day":
        return d.isoformat() + p.suffix
    if p.gran in ("week", "weekend"):
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}" + ("-WE" if p.gran == "weekend" else "")
    if p.gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if p.gran == "season":
        return f"{d.year:04d}-{p.season}"
    if p.gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if p.gran == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if p.gran == "year":
        return f"{d.year:04d}"
    if p.gran == "decade":
        return f"{d.year // 10:03d}"
    return f"{d.year // 100:02d}"


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, min(d.day, _days_in_month(y, m)))


def _days_in_month(y: int, m: int) -> int:
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def period(gran: str, d: dt.date, season: str = "") -> Point:
    """The period of granularity ``gran`` that contains ``d``."""
    if gran in ("week", "weekend"):
        return Point(gran, d - dt.timedelta(days=d.weekday()))
    if gran == "month":
        return Point(gran, d.replace(day=1))
    if gran == "quarter":
        return Point(gran, dt.date(d.year, (d.month - 1) // 3 * 3 + 1, 1))
    if gran == "half":
        return Point(gran, dt.date(d.year, 1 if d.month <= 6 else 7, 1))
    if gran == "season":
        return Point(gran, d, season=season)
    if gran == "year":
        return Point(gran, dt.date(d.year, 1, 1))
    if gran == "decade":
        return Point(gran, dt.date(d.year // 10 * 10 or 1, 1, 1))
    if gran == "century":
        return Point(gran, dt.date(d.year // 100 * 100 or 1, 1, 1))
    return Point(gran, d)


def shift(p: Point, n: float, unit: str) -> Point:
    """``p`` moved by ``n`` units (``D``, ``W``, ``M``, ``Q``, ``Y``); keeps ``p``'s granularity."""
    d = p.day
    try:
        if unit == "D":
            d = d + dt.timedelta(days=round(n))
        elif unit in ("W", "WE"):
            d = d + dt.timedelta(weeks=round(n))
        elif unit == "M":
            d = add_months(d, round(n))
        elif unit == "Q":
            d = add_months(d, round(3 * n))
        elif unit == "Y":
            d = add_months(d, round(12 * n))
    except (OverflowError, ValueError):
        return p
    return replace(p, day=d)


def coarsest(a: str, b: str) -> str:
    return a if RANK[a] >= RANK[b] else b


def weekday_near(anchor: dt.date, wd: int, direction: int, *, strict: bool = False) -> dt.date:
    """The weekday ``wd`` (0 = Monday) nearest ``anchor`` in ``direction`` (-1 past, +1 future).

    The anchor's own day counts unless ``strict``: "on Friday" in a Friday's paper is that day.
    """
    if direction >= 0:
        delta = (wd - anchor.weekday()) % 7
        if strict and delta == 0:
            delta = 7
        return anchor + dt.timedelta(days=delta)
    delta = (anchor.weekday() - wd) % 7
    if strict and delta == 0:
        delta = 7
    return anchor - dt.timedelta(days=delta)


def year_for(anchor: dt.date, month: int, day: int | None, direction: float) -> int:
    """The year of a month (and day) named without one, seen from ``anchor``.

    The two candidates are the latest such date on or before the anchor and the first on or after
    it. A tense cue in the expression's clause (``direction`` +-1) picks one within
    :data:`TENSE_WINDOW` days, a cue elsewhere in the sentence (+-0.5) within half a year (a paper
    names the year of anything further away). Otherwise the past one, unless the future one is
    less than half as far: news reports mostly look back.
    """
    back_y = anchor.year if (month, day or 1) <= (anchor.month, anchor.day) else anchor.year - 1
    ahead_y = anchor.year if (month, day or 31) >= (anchor.month, anchor.day) else anchor.year + 1
    if back_y == ahead_y:
        return back_y
    return pick(_first(back_y, month, day), _first(ahead_y, month, day), anchor, direction).year


def pick(back: dt.date, ahead: dt.date, anchor: dt.date, direction: float) -> dt.date:
    """Of a past and a future candidate, the one the tense points at, or else the likelier (see ``year_for``)."""
    d_back, d_ahead = (anchor - back).days, (ahead - anchor).days
    window = TENSE_WINDOW if abs(direction) >= 1 else 183
    if direction < 0 and d_back <= window:
        return back
    if direction > 0 and d_ahead <= window:
        return ahead
    return ahead if 2 * d_ahead < d_back else back


#: days within which a tense cue in the clause decides the year of a date named without one
TENSE_WINDOW = 300


def _first(y: int, month: int, day: int | None) -> dt.date:
    """The date, or for a month alone its middle (so distances compare months fairly)."""
    return safe_date(y, month, day) or dt.date(y, month, 28) if day else dt.date(y, month, 15)


def easter(y: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return dt.date(y, month, (h + l_ - 7 * m + 114) % 31 + 1)


def holiday(rule: str | tuple[int, int], y: int) -> dt.date:
    """The date of a holiday in year ``y``: a fixed ``(month, day)`` or a named movable feast."""
    if isinstance(rule, tuple):
        return dt.date(y, *rule)
    if rule.startswith("easter"):
        return easter(y) + dt.timedelta(days=int(rule[6:] or 0))
    if rule == "thanksgiving":  # fourth Thursday of November
        return _nth_weekday(y, 11, 3, 4)
    if rule == "labor":  # first Monday of September
        return _nth_weekday(y, 9, 0, 1)
    if rule == "memorial":  # last Monday of May
        return _nth_weekday(y, 6, 0, 1) - dt.timedelta(days=7)
    if rule == "election":  # the Tuesday after the first Monday of November
        return _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1)
    raise ValueError(rule)


def _nth_weekday(y: int, m: int, wd: int, n: int) -> dt.date:
    first = dt.date(y, m, 1)
    return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1
