"""Normalise matched time expressions to TIMEX3 values against an anchor date.

Two reference times, as in TimeML: the *anchor* (the article date) for deictic expressions
("yesterday", "last week", "two years ago", "on Friday") and the *reference point*, the last
date the text itself named, for anaphoric ones ("that day", "a year earlier", "two days later",
"the following month"). Without an anchor, deictic expressions keep underspecified values
(``XXXX-XX-XX``, ``XXXX-WXX-5``, ``XXXX-07``, ``PAST_REF``).

This module resolves dates, days and clock times; :mod:`storyline.timex.periods` the weeks,
months, quarters, offsets, durations and sets. Each ``k_<kind>`` method handles the rules of
that ``kind`` in :data:`storyline.timex.patterns.RULES`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from storyline.timex import calendar as cal
from storyline.timex.calendar import Point, fmt
from storyline.timex.context import Sentences, direction
from storyline.timex.patterns import HOLIDAYS, MONTHS, ORDINALS, PARTS_OF_DAY, WEEKDAYS, Rule
from storyline.timex.periods import PeriodRules
from storyline.timex.values import AHEAD, BACK, Result, number


class Resolver(PeriodRules):
    """Normalises matches of one text, in text order, keeping the reference point up to date."""

    def __init__(self, text: str, anchor: dt.date | None) -> None:
        self.text = text
        self.anchor = anchor
        self.sentences = Sentences(text)
        self.ref: Point | None = None
        self.ref_pos = -10**9
        self.span = (0, 0)
        self._handlers: dict[str, Callable[[dict[str, str | None]], Result | None]] = {
            name[2:]: getattr(self, name) for name in dir(self) if name.startswith("k_")
        }

    # -- driver --------------------------------------------------------------------------------
    def resolve(self, rule: Rule, groups: dict[str, str | None], start: int, end: int) -> tuple[str, str] | None:
        self.span = (start, end)
        out = self._handlers[rule.kind](groups)
        if out is None:
            return None
        ttype, value, point = out
        if point is not None and "X" not in value:
            self.ref, self.ref_pos = point, start
        return ttype, value

    def direction(self) -> float:
        if re.match(r"['’]s\b", self.text[self.span[1]:self.span[1] + 3]):
            return 0.0  # "Wednesday's ruling": a possessive names something that has happened
        return direction(self.text, self.span[0], self.span[1], self.sentences)

    def base(self) -> Point | None:
        """The reference point for anaphora: the last date named, else the anchor day."""
        if self.ref is not None:
            return self.ref
        return Point("day", self.anchor) if self.anchor else None

    def _day(self, d: dt.date, pod: str | None = None, ttype: str = "DATE") -> Result:
        if pod:
            p = Point("time", d, f"T{PARTS_OF_DAY[pod.lower()]}")
            return "TIME", fmt(p), Point("day", d)
        return ttype, d.isoformat(), Point("day", d)

    # -- absolute dates --------------------------------------------------------------------------
    def k_iso(self, g: dict) -> Result | None:
        d = cal.safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        if d is None:
            return None
        if g.get("H"):
            return "TIME", f"{d.isoformat()}T{g['H']}:{g['M']}", Point("day", d)
        return "DATE", d.isoformat(), Point("day", d)

    def k_numeric(self, g: dict) -> Result | None:
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        m, d = (a, b) if g["sep"] == "/" and a <= 12 else (b, a)
        date = cal.safe_date(y, m, d) if 1000 < y < 2200 else None
        return None if date is None else ("DATE", date.isoformat(), Point("day", date))

    def _year_of(self, g: dict, month: int, day: int | None) -> int | None:
        if g.get("y"):
            return int(g["y"])
        if self.anchor is None:
            return None
        if g.get("yrel"):
            return self.anchor.year + {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(
                g["yrel"].lower(), 0)
        return cal.year_for(self.anchor, month, day, self.direction())

    def k_month_day(self, g: dict) -> Result | None:
        m, d = MONTHS[g["mon"].lower().rstrip(".")], int(g["d"])
        if g.get("wd") and not g.get("y") and not g.get("yrel") and self.anchor:
            wd = WEEKDAYS[g["wd"].lower()]
            # "Wednesday, June 28": the year in which that day is a Wednesday (of three, only one is)
            for y in (self.anchor.year, self.anchor.year - 1, self.anchor.year + 1):
                c = cal.safe_date(y, m, d)
                if c is not None and c.weekday() == wd:
                    return self._day(c)
        y = self._year_of(g, m, d)
        if y is None:
            return ("DATE", f"XXXX-{m:02d}-{d:02d}", None) if d <= 31 else None
        date = cal.safe_date(y, m, d)
        return None if date is None else self._day(date)

    def k_month(self, g: dict) -> Result | None:
        m = MONTHS[g["mon"].lower().rstrip(".")]
        rel = (g.get("rel") or "").lower()
        if g.get("y") or g.get("yrel"):
            y = self._year_of(g, m, None)
        elif self.anchor is None:
            return "DATE", f"XXXX-{m:02d}", None
        elif rel in BACK:
            y = self.anchor.year if m < self.anchor.month else self.anchor.year - 1
        elif rel in AHEAD:
            y = self.anchor.year if m > self.anchor.month else self.anchor.year + 1
        elif rel == "this":
            y = self.anchor.year
        else:
            y = cal.year_for(self.anchor, m, None, self.direction())
        if y is None:
            return "DATE", f"XXXX-{m:02d}", None
        p = Point("month", dt.date(y, m, 1))
        return "DATE", fmt(p), p

    def k_year(self, g: dict) -> Result | None:
        p = Point("year", dt.date(int(g["y"]), 1, 1))
        return "DATE", fmt(p), p

    def k_decade(self, g: dict) -> Result | None:
        if g.get("dec"):
            return "DATE", g["dec"][:3], None
        if g.get("dec2"):
            y = 2000 + int(g["dec2"])  # "the '90s": the latest such decade that has begun
            if y > (self.anchor.year if self.anchor else 2029):
                y -= 100
            return "DATE", str(y // 10), None
        words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        return "DATE", f"19{words.index(g['decw'].lower()) + 2}", None

    def k_century(self, g: dict) -> Result | None:
        o = g["ord"].lower()
        n = int(re.match(r"\d+", o).group()) if o[0].isdigit() else ORDINALS.get(o)  # type: ignore[union-attr]
        return None if not n else ("DATE", f"{n - 1:02d}", None)

    def k_spelled_year(self, g: dict) -> Result | None:
        if g.get("tt"):
            rest = g["tt"].lower().removeprefix("two thousand").replace("and", "").strip()
            y = 2000 + int(number(rest) or 0) if rest else 2000
        else:
            r = g["r"].lower().replace("oh", "").strip(" -")
            tail = 0 if r == "hundred" else number(r)
            if tail is None:
                return None
            y = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[g["c"].lower()] + int(tail)
        p = Point("year", dt.date(y, 1, 1))
        return "DATE", fmt(p), p

    # -- days --------------------------------------------------------------------------------------
    def k_relday(self, g: dict) -> Result | None:
        w = re.sub(r"\s+", " ", g["w"].lower())
        pod = g.get("pod")
        if w == "tonight":
            pod = "night"
        if self.anchor is None:
            return ("TIME" if pod else "DATE"), "XXXX-XX-XX" + (f"T{PARTS_OF_DAY[pod.lower()]}" if pod else ""), None
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}[w]
        return self._day(self.anchor + dt.timedelta(days=offset), pod)

    def k_overnight(self, g: dict) -> Result | None:
        if self.anchor is None:
            return "TIME", "XXXX-XX-XXTNI", None
        return "TIME", f"{(self.anchor - dt.timedelta(days=1)).isoformat()}TNI", None

    def k_pod(self, g: dict) -> Result | None:
        pod = g["pod"].lower()
        if self.anchor is None:
            return "TIME", f"XXXX-XX-XXT{PARTS_OF_DAY[pod]}", None
        back = g["rel"].lower() == "last" and pod in ("night", "evening")
        return self._day(self.anchor - dt.timedelta(days=1 if back else 0), pod)

    def k_weekday(self, g: dict) -> Result | None:
        wd = WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        pod = g.get("pod")
        if self.anchor is None:
            return ("TIME" if pod else "DATE"), f"XXXX-WXX-{wd + 1}" + (
                f"T{PARTS_OF_DAY[pod.lower()]}" if pod else ""), None
        if rel in ("that", "the previous", "the following"):  # anaphoric: around the last day named
            base = self.base()
            day = base.day if base and base.gran == "day" else self.anchor
            d = (cal.weekday_near(day, wd, -1) if rel == "that" else
                 cal.weekday_near(day, wd, -1 if rel == "the previous" else 1, strict=True))
        elif rel in BACK:
            d = cal.weekday_near(self.anchor, wd, -1, strict=True)
        elif rel in AHEAD:
            d = cal.weekday_near(self.anchor, wd, 1, strict=True)
        else:
            d = cal.weekday_near(self.anchor, wd, 1 if self.direction() > 0 else -1)
        return self._day(d, pod)

    def k_holiday(self, g: dict) -> Result | None:
        rule = HOLIDAYS[re.sub(r"\s+", " ", g["h"].lower()).replace("’", "'")]
        if self.anchor is None:
            if isinstance(rule, tuple):
                return "DATE", f"XXXX-{rule[0]:02d}-{rule[1]:02d}", None
            return "DATE", "XXXX-XX-XX", None
        a = self.anchor
        options = [cal.holiday(rule, y) for y in (a.year - 1, a.year, a.year + 1)]
        rel = (g.get("rel") or "").lower()
        past, future = max(o for o in options if o <= a), min(o for o in options if o >= a)
        if rel == "this":
            d = options[1]
        elif rel in ("last", "next"):
            d = past if rel == "last" else future
        else:
            d = cal.pick(past, future, a, self.direction())
        return self._day(d)

    def k_week_of(self, g: dict) -> Result | None:
        out = self.k_month_day(g)
        if out is None or out[2] is None:
            return ("DATE", "XXXX-WXX", None) if out else None
        p = cal.period("week", out[2].day)
        return "DATE", fmt(p), p

    def k_year_period(self, g: dict) -> Result | None:
        y = int(g["y"])
        if self.ref is not None and self.ref.gran == "quarter":
            p = Point("quarter", self.ref.day.replace(year=y))
        elif g["unit"].lower() == "quarter" and self.anchor:
            p = Point("quarter", cal.shift(cal.period("quarter", self.anchor), -1, "Q").day.replace(year=y))
        else:
            p = Point("year", dt.date(y, 1, 1))
        return "DATE", fmt(p), None

    def k_clock(self, g: dict) -> Result | None:
        w = (g.get("w") or "").lower()
        if w:
            hh, mm = (24, 0) if w == "midnight" else (12, 0)
        else:
            hh, mm = int(g["h"]), int(g.get("mi") or 0)
            ap = (g.get("ap") or "").lower().replace(".", "").replace(" ", "")
            if ap == "pm" and hh < 12:
                hh += 12
            elif ap == "am" and hh == 12:
                hh = 0
        clock = f"T{hh:02d}:{mm:02d}"
        day: dt.date | None = None
        if g.get("cwd") and self.anchor:
            day = cal.weekday_near(self.anchor, WEEKDAYS[g["cwd"].lower()], 1 if self.direction() > 0 else -1)
        elif g.get("crd") and self.anchor:
            day = self.anchor + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[g["crd"].lower()])
        elif g.get("cmon"):
            m, dd = MONTHS[g["cmon"].lower().rstrip(".")], int(g["cd"])
            y = cal.year_for(self.anchor, m, dd, self.direction()) if self.anchor else None
            day = cal.safe_date(y, m, dd) if y else None
        elif self.ref is not None and self.ref.gran == "day" and self.ref_pos >= self.sentences.bounds(
                self.span[0])[0]:
            day = self.ref.day
        else:
            day = self.anchor
        if day is None:
            return "TIME", f"XXXX-XX-XX{clock}", None
        return "TIME", f"{day.isoformat()}{clock}", None

    # -- periods relative to the anchor ------------------------------------------------------------
