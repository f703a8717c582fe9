"""Time expressions: tag and normalise them (TIMEX3), infer publication and event dates.

Pure Python and regular expressions: rule tables (:mod:`.patterns`), calendar arithmetic
(:mod:`.calendar`), tense cues (:mod:`.context`), normalisation (:mod:`.resolve`), matching
(:mod:`.tagger`) and date inference (:mod:`.infer`). See ``docs/time.md`` for the value
conventions and the news semantics::

    >>> [(t.text, t.value) for t in tag("Duda said on Thursday he will visit next week.", "2023-06-29")]
    [('Thursday', '2023-06-29'), ('next week', '2023-W27')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from storyline.records import Timex
from storyline.timex.anchors import AnchorEvent, anchored
from storyline.timex.infer import event_date, infer_published
from storyline.timex.tagger import tag_text

__all__ = ["AnchorEvent", "event_date", "infer_published", "parse_anchor", "tag"]


def parse_anchor(anchor: dt.date | dt.datetime | str | None) -> dt.date | None:
    """An anchor as a date: a ``date``, a ``datetime`` or an ISO string (``2023-06-29``, ``2023-06-29T10:00``).

    Raises:
        ValueError: the string is not an ISO date.
    """
    if anchor is None or anchor == "":
        return None
    if isinstance(anchor, dt.datetime):
        return anchor.date()
    if isinstance(anchor, dt.date):
        return anchor
    try:
        return dt.date.fromisoformat(str(anchor).strip()[:10])
    except ValueError:
        raise ValueError(f"not a date: {anchor!r} (expected YYYY-MM-DD)") from None


def tag(text: str, anchor: dt.date | str | None, events: Sequence[AnchorEvent] = ()) -> list[Timex]:
    """Time expressions in ``text``, normalised against ``anchor`` (the article's date).

    Args:
        text: any text; offsets are into it exactly as given.
        anchor: the date relative expressions count from ("yesterday", "on Friday"); ``None``
            leaves them underspecified (``XXXX-XX-XX``, ``XXXX-WXX-5``, ``PAST_REF``).
        events: landmarks of the story with their dates (the knowledge file's ``events``):
            "a month after the invasion" is then a date (:mod:`storyline.timex.anchors`).

    Returns:
        :class:`~storyline.records.Timex` records in text order, TIMEX3 types (DATE, TIME,
        DURATION, SET) and values (``2023-06-27``, ``2023-W27``, ``2022``, ``P1M``, ``PRESENT_REF``).
    """
    timexes = tag_text(text, parse_anchor(anchor))
    return anchored(text, timexes, events) if events else timexes
