"""Dates a text implies: when it was published, and when the event a sentence reports took place.

Publication date, when the article does not state it: the text's absolute dates (those that
name their year) bound it. A dateline near the top ("WARSAW, March 14, 2024 (PAP) -") states it.
Otherwise the latest day the text reports in the past or present tense is a lower bound and the
best guess (in its first half, when that reports a day: what comes later is background); a
month or a year in the past ("since 2014", "the talks began in March 2022") is background, too
far from the date to guess it, and dates in future-tense context ("will ... by 2030") are upper
bounds. A day a landmark dates with "last year" ("February 24 last year") tells the year of
writing. No day, no guess.
"""

from __future__ import annotations

import re

from storyline.records import Timex
from storyline.timex.anchors import implied_writing_year
from storyline.timex.context import Sentences, direction

_ABSOLUTE = re.compile(r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]|W\d\d|SP|SU|FA|WI))?")
_DAY = re.compile(r"^\d{4}-\d\d-\d\d")
_GRAN_CONFIDENCE = {10: 0.6, 4: 0.3}  # value length: a day, a year of writing
DATELINE_CHARS = 200
#: the share of a text whose days are the news: later days count only when it reports none
FRONT_SHARE = 0.5
#: words of a date counted from something else ("a month after the invasion"): never a dateline
_COUNTED = re.compile(r"\b(?:after|since|into|anniversary|last|this|next)\b", re.IGNORECASE)


def infer_published(text: str, timexes: list[Timex] | None = None) -> tuple[str | None, float]:
    """Best guess of when ``text`` was published, from the absolute dates in it.

    Args:
        text: the article text.
        timexes: its time expressions tagged *without* an anchor (``tag(text, None)``); tagged
            when not given. Relative expressions resolved against a guessed anchor would be
            circular evidence, so only values that name a year count.

    Returns:
        ``(value, confidence)``: the value at the granularity the evidence supports
        (``"2023-06-29"``, ``"2023-06"`` or ``"2023"``) and a confidence in 0..1;
        ``(None, 0.0)`` when the text names no year.
    """
    if timexes is None:
        from storyline.timex import tag

        timexes = tag(text, None)
    evidence = [t for t in timexes if t.type in ("DATE", "TIME") and _ABSOLUTE.match(t.value)]
    if not evidence:
        return None, 0.0
    head = [t for t in evidence if t.start < DATELINE_CHARS and _DAY.match(t.value) and not _COUNTED.search(t.text)]
    if head and re.search(r"\n|\(\w+\)|[-–—]\s|^\s*\S", text[head[0].end:head[0].end + 40]):
        before = text[:head[0].start]
        if before.count("\n") <= 3 and len(before.split()) <= 12:  # a dateline, not a sentence
            return head[0].value[:10], 0.9
    sentences = Sentences(text)
    past, written = [], []
    for t in evidence:
        year = implied_writing_year(t)  # "February 24 last year", dated by a landmark: written the year after
        if year is not None:
            written.append(Timex(t.start, t.end, t.text, t.type, str(year)))
            continue
        lead = text[max(0, t.start - 12):t.start].lower()
        ahead = direction(text, t.start, t.end, sentences) > 0 or re.search(r"\b(?:until|till|through|by)\s+$", lead)
        if not ahead:  # "will ... by 2030", "a mandate until October 2023": an upper bound, no estimate
            past.append(t)
    # A month or a year in the past ("the talks began in March 2022", "forces present since 2014")
    # is background, a lower bound often years before the date: on T17 (bench/eval_pubdate.py) the
    # guesses from a month, a year or a future bound had the right year 17.5% of the time. Days count.
    years = [t.value[:4] for t in past]
    days = [t for t in past if _DAY.match(t.value)] + written
    if not days:
        return None, 0.0
    # the news comes first: a day only the back half reports is background (a profile's "named
    # coach on May 23, 2005"); on T17 the guess's year went 88.3% -> 90.5% right (556 guesses)
    front = [t for t in days if t.start < FRONT_SHARE * len(text)]
    days = front or days
    # a day (``2023-06-27``, a time of day dropped) or a year of writing (``2023``, counting from its first day)
    latest = max(days, key=lambda t: (t.value[:10] if _DAY.match(t.value) else f"{t.value[:4]}-01-01", len(t.value)))
    value = latest.value[:10] if _DAY.match(latest.value) else latest.value[:4]
    same_year = years.count(value[:4]) + sum(1 for t in written if t.value == value[:4])
    confidence = _GRAN_CONFIDENCE.get(len(value), 0.3) + min(0.2, 0.05 * (same_year - 1))
    return value, round(min(confidence, 0.8), 2)


def event_date(sentence_start: int, sentence_end: int, timexes: list[Timex]) -> str | None:
    """The date of the event a sentence reports, from the time expressions inside it.

    For a quote's ``said_on``: in "On Tuesday, Duda said ..." the quote was said on that Tuesday,
    not on the publication date. The first day-level DATE or TIME in the sentence wins
    (``YYYY-MM-DD``, a time of day dropped); without one, the first coarser absolute value
    (``2023-06``, ``2023-W26``, ``2023``); None when the sentence holds no anchored date.
    """
    inside = [t for t in timexes if sentence_start <= t.start and t.end <= sentence_end
              and t.type in ("DATE", "TIME")]
    inside.sort(key=lambda t: t.start)
    for t in inside:
        if _DAY.match(t.value):
            return t.value[:10]
    for t in inside:
        if _ABSOLUTE.match(t.value):
            return t.value
    return None
