"""Normalisers for periods relative to the anchor or to the text's last date, offsets, durations and sets.

A mix-in of :class:`storyline.timex.resolve.Resolver`: "last week", "the third quarter", "that
year", "a year earlier", "two years ago", "the next five years", "every week", "now".
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.timex import calendar as cal
from storyline.timex.calendar import Point, fmt
from storyline.timex.context import Sentences
from storyline.timex.patterns import (
    CLOCK_UNITS, MONTHS, ORDINALS, PARTS_OF_DAY, SEASON_START, SEASONS, SET_ADVERBS, UNIT_FACTOR, UNITS, WEEKDAYS,
)
from storyline.timex.values import (
    AHEAD, ANAPHORIC_DIR, BACK, DEICTIC_DIR, REF_VALUE, SHIFT, Result, duration_value, number,
)


class PeriodRules:
    """Handlers for periods, offsets, durations, sets and general references."""

    text: str
    anchor: dt.date | None
    ref: Point | None
    ref_pos: int
    span: tuple[int, int]
    sentences: Sentences

    def direction(self) -> float:  # pragma: no cover - provided by Resolver
        raise NotImplementedError

    def base(self) -> Point | None:  # pragma: no cover - provided by Resolver
        raise NotImplementedError

    def _day(self, d: dt.date, pod: str | None = None, ttype: str = "DATE") -> Result:  # pragma: no cover
        raise NotImplementedError

    def k_rel_unit(self, g: dict) -> Result | None:
        unit, rel = g["unit"].lower(), re.sub(r"\s+", " ", g["rel"].lower())
        if unit in ("year", "quarter") and rel in ("the", "the latest", "the most recent", "the current"):
            fiscal = self._fiscal_period(unit)
            if fiscal is not None:
                return fiscal
        if self.anchor is None:
            xs = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                  "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}
            return "DATE", xs[unit], None
        step = -1 if rel in BACK or rel == "last year's" else 1 if rel in AHEAD else 0
        a = self.anchor
        if unit == "quarter" and rel in ("the", "the latest", "the most recent", "last year's", "this year's"):
            recent = self.ref if self.ref is not None and self.ref.gran == "quarter" and rel == "the" else None
            p = recent or cal.shift(cal.period("quarter", a), -1, "Q")
            if rel == "last year's":
                p = cal.shift(p, -1, "Y")
            return "DATE", fmt(p), p
        if unit == "weekend":
            week = cal.period("weekend", a)
            if step < 0 or (step == 0 and a.weekday() < 5 and self.direction() <= 0):
                week = cal.shift(week, -1, "W")
            elif step > 0 and a.weekday() >= 5:
                week = cal.shift(week, 1, "W")
            return "DATE", fmt(week), week
        gran = "week" if unit == "week" else unit
        p = cal.shift(cal.period(gran, a), step, {"week": "W", "month": "M", "quarter": "Q", "year": "Y"}.get(
            unit, "Y"))
        if unit == "decade":
            p = Point("decade", dt.date(a.year // 10 * 10 + 10 * step, 1, 1))
        elif unit == "century":
            p = Point("century", dt.date(a.year // 100 * 100 + 100 * step, 1, 1))
        return "DATE", fmt(p), p

    def _fiscal_period(self, unit: str) -> Result | None:
        """ "the year ended March 31" is a twelve-month period; "the quarter ended Sept. 30" that quarter."""
        right = self.text[self.span[1]:self.span[1] + 40]
        m = re.match(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to end)\b(?:\s+(?:on\s+)?(?P<mon>[A-Z][a-z]+)\.?"
                     r"\s+(?P<d>\d\d?)\b(?:,?\s+(?P<y>\d\d\d\d))?)?", right)
        if not m:
            return None
        if unit == "year":
            return "DURATION", "P1Y", None
        mon = MONTHS.get((m.group("mon") or "").lower())
        if not mon or not m.group("d"):
            return None
        d = int(m.group("d"))
        y = int(m.group("y")) if m.group("y") else (cal.year_for(self.anchor, mon, d, -1) if self.anchor else None)
        date = cal.safe_date(y, mon, d) if y else None
        if date is None:
            return "DATE", f"XXXX-Q{(mon - 1) // 3 + 1}", None
        p = cal.period("quarter", date)
        return "DATE", fmt(p), p

    def k_year_end(self, g: dict) -> Result | None:
        if self.anchor is None:
            return "DATE", "XXXX", None
        step = {"last": -1, "next": 1}.get((g.get("rel") or "").lower(), 0)
        p = Point("year", dt.date(self.anchor.year + step, 1, 1))
        return "DATE", fmt(p), p

    def k_past_unit(self, g: dict) -> Result | None:
        return "DURATION", duration_value(1, g["unit"]), None

    def k_anaphoric(self, g: dict) -> Result | None:
        rel, unit = re.sub(r"\s+", " ", g["rel"].lower()), g["unit"].lower()
        base = self.base()
        pod = unit if unit in PARTS_OF_DAY else None
        gran = "day" if pod or unit == "day" else unit
        if base is None:
            return ("TIME" if pod else "DATE"), {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
                                                 "month": "XXXX-XX", "year": "XXXX", "quarter": "XXXX-QX"}[gran], None
        step = SHIFT.get(rel, 0)
        if cal.RANK[base.gran] > cal.RANK[gran]:  # "the next day" after "in 2022": only the year is known
            p = base if step == 0 else cal.shift(base, step, {"day": "D", "week": "W", "weekend": "W", "month": "M",
                                                              "quarter": "Q", "year": "Y"}[gran])
            return "DATE", fmt(p), p
        p = cal.period(gran, base.day)
        p = cal.shift(p, step, {"day": "D", "week": "W", "weekend": "W", "month": "M", "quarter": "Q",
                                "year": "Y"}[gran])
        if pod:
            return self._day(p.day, pod)
        return "DATE", fmt(p), p

    def k_quarter(self, g: dict) -> Result | None:
        q = int(g.get("qn") or g.get("qn2") or ORDINALS[g["q"].lower()])
        pre = (g.get("pre") or "").lower()
        y: int | None = int(g["y"]) if g.get("y") else int(g["y2"]) if g.get("y2") else None
        if y is None and g.get("yrel") and self.anchor:
            y = self.anchor.year + {"last": -1, "next": 1}.get(g["yrel"].lower(), 0)
        if y is None and self.anchor:
            a = self.anchor
            cur = cal.quarter_of(a)
            if "year-" in (g.get("pyr") or "") or pre == "last year's":
                base = self.ref if self.ref is not None and self.ref.gran in ("quarter", "year") else None
                y = (base.day.year if base else (a.year if q < cur else a.year - 1)) - 1
            elif pre == "next year's":
                y = a.year + 1
            elif pre == "this year's":
                y = a.year
            else:  # reports look back at quarters; a later quarter of this year only in future tense
                y = a.year if q <= cur or self.direction() > 0 else a.year - 1
        if y is None:
            return "DATE", f"XXXX-Q{q}", None
        p = Point("quarter", dt.date(y, 3 * q - 2, 1))
        return "DATE", fmt(p), p

    def k_half(self, g: dict) -> Result | None:
        h = 1 if g["h"].lower() in ("first", "1st", "1") else 2  # second, latter, last
        y = int(g["y"]) if g.get("y") else None
        if y is None and self.anchor:
            y = self.anchor.year + {"last": -1, "next": 1}.get((g.get("yrel") or "").lower(), 0)
            of_the_year = self.text[self.span[0]:self.span[1]].lower().endswith("year")
            if not g.get("yrel") and not of_the_year and h == 2 and self.anchor.month <= 6 and self.direction() <= 0:
                y -= 1
        if y is None:
            return "DATE", f"XXXX-H{h}", None
        p = Point("half", dt.date(y, 1 if h == 1 else 7, 1))
        return "DATE", fmt(p), p

    def k_year_ago(self, g: dict) -> Result | None:
        if self.anchor is None and self.ref is None:
            return "DATE", "XXXX", None
        unit = (g.get("unit") or "").lower()
        grans = ("quarter",) if unit == "quarter" else ("month",) if unit == "month" else ("quarter", "half", "month")
        base = self.ref if self.ref is not None and self.ref.gran in grans else None
        if base is None and self.anchor:
            a = self.anchor
            base = (cal.shift(cal.period("quarter", a), -1, "Q") if unit in ("quarter", "period")
                    else cal.period("month", a) if unit == "month" else cal.period("year", a))
        if base is None:
            return "DATE", "XXXX", None
        return "DATE", fmt(cal.shift(base, -1, "Y")), None

    def k_season(self, g: dict) -> Result | None:
        s = SEASONS[g["s"].lower()]
        start = SEASON_START[s]
        if g.get("y"):
            y: int | None = int(g["y"])
        elif self.anchor is None:
            return "DATE", f"XXXX-{s}", None
        else:
            a = self.anchor
            rel = (g.get("rel") or "").lower()
            if g.get("yrel"):
                y = a.year + {"last": -1, "next": 1}.get(g["yrel"].lower(), 0)
            elif rel in ("last", "this past", "the past"):
                y = next(yy for yy in range(a.year, a.year - 3, -1) if cal.add_months(dt.date(yy, start, 1), 3) <= a)
            elif rel in ("next", "this coming", "the coming"):
                y = next(yy for yy in range(a.year - 1, a.year + 2) if dt.date(yy, start, 1) > a)
            elif rel == "this":
                y = a.year - 1 if s == "WI" and a.month <= 2 else a.year
            else:
                y = cal.year_for(a, start, None, self.direction())
        p = Point("season", dt.date(y, start, 1), season=s)
        return "DATE", fmt(p), p

    # -- offsets and durations -------------------------------------------------------------------
    def k_ago(self, g: dict) -> Result | None:
        d = re.sub(r"\s+", " ", g["dir"].lower())
        n = number(g["n"])
        unit_word = g["unit"].lower()
        deictic = d in DEICTIC_DIR
        sign = DEICTIC_DIR.get(d) or ANAPHORIC_DIR[d]
        if n is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
        letter = UNITS.get(unit_word.rstrip("s") if unit_word != "centuries" else "centurie", "D")
        n *= UNIT_FACTOR.get(unit_word.rstrip("s"), 1)
        if unit_word.rstrip("s") in CLOCK_UNITS:
            letter, n = "D", 0
        base: Point | None
        if deictic:
            near = self.ref is not None and self.span[0] - self.ref_pos < 300
            # "up from $3 million a year ago" after "the third quarter": the year-ago quarter
            finance = (near and letter == "Y" and n == 1 and self.ref is not None
                       and self.ref.gran in ("quarter", "half"))
            base = self.ref if finance else (Point("day", self.anchor) if self.anchor else None)
        else:
            base = self.base()
        if base is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
        gran = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}[letter]
        moved = cal.shift(Point("day", base.day), sign * n, letter)
        if cal.RANK[base.gran] > cal.RANK[gran] or (letter == "Y" and base.gran in ("month", "quarter", "half")):
            gran = base.gran
        p = cal.period(gran, moved.day, base.season)
        return "DATE", fmt(p), None  # not a new reference: "a year earlier" ... "a year earlier" do not chain

    def k_duration(self, g: dict) -> Result | None:
        if g.get("fz"):
            return "DURATION", duration_value(None, g["fz"]), None
        if g.get("one"):
            return "DURATION", duration_value(1, g["one"]), None
        if g.get("n") is None:  # "for years": an unknown number of them
            n = None if g["unit"].lower().endswith("s") else 1.0
        else:
            n = number(g["n"])
        if g.get("n") and g["n"].lower() == "half":
            n = 0.5
        if g.get("half") and n is not None:  # "a year and a half"
            n += 0.5
        return "DURATION", duration_value(n, g["unit"]), None

    def k_set(self, g: dict) -> Result | None:
        if g.get("adv"):
            return "SET", SET_ADVERBS[g["adv"].lower()], None
        pod = f"T{PARTS_OF_DAY[g['pod'].lower().rstrip('s')]}" if g.get("pod") else ""
        if g.get("wd"):
            return "SET", f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()] + 1}{pod}", None
        if g.get("mon"):
            return "SET", f"XXXX-{MONTHS[g['mon'].lower()]:02d}", None
        if g.get("we"):
            return "SET", "XXXX-WXX-WE", None
        if pod:
            return "SET", f"XXXX-XX-XX{pod}", None
        n = number(g["n"]) if g.get("n") else 1.0
        if g.get("other"):
            n = 2.0 if n == 1.0 else n
        return "SET", duration_value(n, g["unit"]), None

    def k_ref(self, g: dict) -> Result | None:
        key = re.sub(r"\s+", "", g["ref"].lower())
        return "DATE", REF_VALUE[key], None
