"""Dates counted from an event the reader is expected to know: "a month into Russia's invasion
of Ukraine", "on the first anniversary of the invasion", "the invasion, begun on February 24 last
year".

A running story is told against its landmarks, and articles often date themselves only that
way. The landmarks and their dates come from the knowledge file (``events:``, docs/entities.md);
nothing here knows any event by itself. :func:`anchored` takes the time expressions the tagger
found and returns them with the ones a landmark dates:

* "<N> <unit> after / since / into [the start of] <event>" becomes one DATE, the event's day
  moved by N units ("one month after the start of the invasion" → ``2022-03-24``); it replaces
  the bare duration ("one month", ``P1M``) the tagger saw inside it;
* "the <ordinal> anniversary of <event>" becomes the day N years on;
* a month and day without a year ("February 24", "February 24 last year") in a sentence that
  names the event, on the event's own month and day, is the event's day. The words "last year"
  or "this year" kept in its text then tell the year of writing (``infer_published``).

An event is named by its ``name`` or one of its ``aliases``, case-insensitively, with at most
one extra word between two of theirs ("Russia's full-scale invasion of Ukraine" names "Russia's
invasion of Ukraine") and, in a counted phrase, one before them ("a week after the long
blockade of Orrin Bay").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.records import Timex
from storyline.timex.calendar import add_months
from storyline.timex.patterns import NUM, ORDINALS
from storyline.timex.values import number

#: how far (characters) a month-day may be from the event's name and still be its date: the same
#: sentence, roughly ("the offensive, launched on February 24 last year, ...")
_NEAR = 120
_START_OF = (r"(?:the\s+)?(?:(?:start|beginning|outbreak|launch|onset|eve)\s+of\s+(?:the\s+)?)?"
             r"(?:[\w'’-]+\s+)?")  # and one more word: "a week after the long blockade of ..."
_UNIT_MONTHS = {"day": 0, "week": 0, "month": 1, "year": 12}
_ORDINAL = r"(?P<ord>\d+(?:st|nd|rd|th)|" + "|".join(sorted((o for o in ORDINALS if o.isalpha() and o not in
                                                               ("final", "latter")), key=len, reverse=True)) + ")"


@dataclass(frozen=True, slots=True)
class AnchorEvent:
    """A landmark of a running story: its name, the day it happened and how the news calls it."""

    name: str
    date: str  #: ``YYYY-MM-DD``
    aliases: tuple[str, ...] = ()

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(self.date)


def _phrase(words: str) -> str:
    """A name as a pattern: case-insensitive words, at most one extra word between two of them."""
    parts = [re.escape(w) for w in words.split()]
    return r"\b" + r"\s+(?:[\w'’-]+\s+)?".join(parts) + r"\b"


@lru_cache(maxsize=4096)  # one pattern per landmark, not per article
def _names(event: AnchorEvent) -> str:
    names = sorted({event.name, *event.aliases}, key=len, reverse=True)
    return "(?:" + "|".join(_phrase(n) for n in names) + ")"


@lru_cache(maxsize=4096)
def _last_words(event: AnchorEvent) -> frozenset[str]:
    """The last word of each of the event's names: a text that has none of them does not name it."""
    return frozenset(n.split()[-1].lower() for n in (event.name, *event.aliases) if n.split())


@lru_cache(maxsize=4096)
def _counted(event: AnchorEvent) -> re.Pattern[str]:
    return re.compile(rf"\b(?P<n>{NUM})\s+(?P<unit>day|week|month|year)s?\s+(?:after|since|into)\s+{_START_OF}"
                      rf"(?:{_names(event)})", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _anniversary(event: AnchorEvent) -> re.Pattern[str]:
    return re.compile(rf"\b(?:the\s+)?{_ORDINAL}\s+anniversary\s+of\s+{_START_OF}(?:{_names(event)})", re.IGNORECASE)


def _moved(day: dt.date, n: float, unit: str) -> dt.date | None:
    try:
        if unit in ("day", "week"):
            return day + dt.timedelta(days=round(n * (7 if unit == "week" else 1)))
        return add_months(day, round(n * _UNIT_MONTHS[unit]))
    except (OverflowError, ValueError):
        return None


def _found(text: str, event: AnchorEvent) -> list[Timex]:
    out = []
    for m in _counted(event).finditer(text):
        n = number(m.group("n"))
        day = _moved(event.day, n, m.group("unit").lower()) if n is not None else None
        if day is not None:
            out.append(Timex(m.start(), m.end(), m.group(), "DATE", day.isoformat()))
    for m in _anniversary(event).finditer(text):
        o = m.group("ord").lower()
        n = int(re.match(r"\d+", o).group()) if o[0].isdigit() else ORDINALS.get(o)  # type: ignore[union-attr]
        day = _moved(event.day, n, "year") if n else None
        if day is not None:
            out.append(Timex(m.start(), m.end(), m.group(), "DATE", day.isoformat()))
    return out


def anchored(text: str, timexes: Sequence[Timex], events: Sequence[AnchorEvent]) -> list[Timex]:
    """``timexes`` with the expressions that ``events`` date (module docstring), in text order.

    A dated phrase replaces the tagger's expressions it overlaps; a month-day on an event's own
    day gets the event's year.
    """
    if not events:
        return list(timexes)
    lowered = text.lower()
    named = [e for e in events if any(w in lowered for w in _last_words(e))]  # a cheap test first: most
    found: list[Timex] = []                                                   # articles name few landmarks
    for event in named:
        found += _found(text, event)
    found.sort(key=lambda t: (t.start, -t.end))
    kept_found: list[Timex] = []
    for t in found:  # overlapping phrases: the first, longest one
        if not kept_found or t.start >= kept_found[-1].end:
            kept_found.append(t)
    out = [t for t in timexes if not any(t.start < f.end and f.start < t.end for f in kept_found)]
    out = [_of_event(text, t, named) for t in out]
    return sorted(out + kept_found, key=lambda t: (t.start, t.end))


def _of_event(text: str, t: Timex, events: Sequence[AnchorEvent]) -> Timex:
    """A month-day without a year, on the day of an event the text names nearby, is that event's day."""
    m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", t.value)
    if not m or t.type != "DATE":
        return t
    month, day = int(m.group(1)), int(m.group(2))
    window = text[max(0, t.start - _NEAR):t.end + _NEAR]
    for event in events:
        if (event.day.month, event.day.day) == (month, day) and re.search(_names(event), window, re.IGNORECASE):
            return Timex(t.start, t.end, t.text, t.type, event.date)
    return t


def implied_writing_year(t: Timex) -> int | None:
    """The year an expression like "February 24 last year" (resolved to ``2022-02-24``) was written in."""
    m = re.match(r"^(\d{4})-\d\d-\d\d", t.value)
    if not m:
        return None
    if re.search(r"\blast\s+year\b", t.text, re.IGNORECASE):
        return int(m.group(1)) + 1
    if re.search(r"\bthis\s+year\b", t.text, re.IGNORECASE):
        return int(m.group(1))
    return None
