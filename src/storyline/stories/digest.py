"""A day's one-line summary: the sentence most central to what the reports say of that day.

An event's reports each lead with their own news, and the reports a story gets days later recall
it in a sentence of their own ("The ferry Kivi ran aground off Lepik island on 3 May"). The summary of
a day is chosen among both: the lead summaries of the reports of that day and every sentence of
the story's reports that names that day (:func:`day_sentences`). The chosen sentence is the one
sharing the most words with the others, weighed by how many of them hold each word and lightly
normalised for length (:func:`storyline.stories.timeline.central`): measured on the Timeline17 gold timelines against
picking among the lead summaries only (``python bench/eval_stories.py --t17 ...``, docs/stories.md).

Everything here is pure: :func:`storyline.stories.query.build_timeline` reads the texts, sentences
and time expressions from the store and calls :func:`summarise_events`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from storyline.clean.credits import dateline_end
from storyline.records import Timex
from storyline.stories.events import Evidence, is_plain_sentence
from storyline.stories.timeline import FactSource, TimelineEvent, central

#: words a candidate holds at least and at most (a caption glued to its sentence runs longer)
MIN_WORDS, MAX_WORDS = 6, 60
_DAY = re.compile(r"^\d{4}-\d\d-\d\d")
#: what opens a chronology's item once its date is cut off: "20 April: ", "- ", ", "
_ITEM_OPENING = re.compile(r"^\W*(?:\d{4}\W*)?[:\-–—,]?\s*")
#: a stamp or a credit before a sentence: "(Update 9:10 in Vestra) ", "-- " (a dateline after it
#: is cut as a lead summary's is: clean.credits.dateline_end)
_LEADING_STAMP = re.compile(r"^\s*(?:[-–—]+\s*)?(?:\([^()]{0,80}\)\s*)?(?:[-–—]+\s*)?(?=[A-Z])")
#: reports that recall a day at least, for it to be an event of their story: one report's aside
#: ("the treaty signed on 4 April 1949") is no key day (T17 dev Date-F1 the same with one or two)
MIN_RECALLING = 2
#: a quotation inside a sentence: its words are someone's, not the news
_QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]")


@dataclass(frozen=True, slots=True)
class DaySentence:
    """A sentence of one article that names a day: what the article says of that day."""

    article_id: str
    day: str  #: ``YYYY-MM-DD``
    start: int  #: offsets into the article's clean text
    end: int
    text: str  #: the clean text's characters from ``start`` to ``end``
    named_at: tuple[int, int] = (0, 0)  #: where it names the day (offsets into the clean text)
    named_as: str = ""  #: how it names the day ("on 3 May")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that may summarise a day: a lead summary or a :class:`DaySentence`."""

    text: str  #: its words, spaced once
    article_id: str
    start: int  #: offsets into the article's clean text (0, 0: no span, a title)
    end: int
    span_text: str = ""  #: the clean text's characters from ``start`` to ``end``


def quoted_share(text: str) -> float:
    """The share of ``text`` inside quotation marks."""
    inside = sum(len(m.group(0)) for m in _QUOTED.finditer(text))
    return inside / len(text) if text else 0.0


def _usable(text: str, item: bool = False) -> bool:
    n = len(text.split())
    if item:  # a chronology's item ("5 May: a tug tows the ferry ...") needs no capital or final stop
        text = text[:1].upper() + text[1:] + "."
    return MIN_WORDS <= n <= MAX_WORDS and is_plain_sentence(text) and quoted_share(text) < 0.5


def day_sentences(article_id: str, text: str, sentences: Iterable[tuple[int, int]],
                  timexes: Iterable[Timex], *, published: str | None = None,
                  own_day: str | None = None) -> list[DaySentence]:
    """The sentences of one article that tell of a day, each with that day (offsets into ``text``).

    A sentence that names several days is a chronology ("3 May: the ferry Kivi runs aground 5 May: a
    tug tows it to harbour ..."): each day gets the words from its date to the next date instead. A
    quotation, a heading, a question or a sentence that leans on the one before is no summary.

    Args:
        published: the article's publication date: a day after it is only looked ahead to ("the
            ministers will meet on Wednesday"), nothing is told of it yet.
        own_day: the day of the article's own event: a sentence that names it and another day tells
            of it, the other day being its background ("marking two years since the invasion
            began on 24 February 2022")."""
    days = [t for t in timexes if t.type in ("DATE", "TIME") and _DAY.match(t.value)
            and not (published and t.value[:10] > published[:10])]
    out: list[DaySentence] = []
    for start, end in sentences:
        inside = [t for t in days if start <= t.start < end]
        distinct = {t.value[:10] for t in inside}
        for t in inside:
            if 1 < len(distinct) < 3 and own_day in distinct and t.value[:10] != own_day:
                continue
            s, e = start, end
            if len(distinct) > 2:  # a chronology: from this date to the next
                later = [u.start for u in inside if u.start > t.end and u.value[:10] != t.value[:10]]
                s, e = t.end, min(later, default=end)
            piece = text[s:e]
            item = len(distinct) > 2
            cut = len(piece) - len(_ITEM_OPENING.sub("", piece, count=1)) if item else _opening_end(piece)
            s, piece = s + cut, piece[cut:]
            piece = piece.rstrip()
            day = t.value[:10]
            if _usable(piece, item) and not any(o.day == day and o.start == s for o in out):
                out.append(DaySentence(article_id, day, s, s + len(piece), piece, (t.start, t.end), t.text))
    return out


def summarise_day(candidates: Sequence[Candidate]) -> Candidate | None:
    """The candidate that best summarises the day (each wording once), or None."""
    unique = list({c.text: c for c in reversed(candidates)}.values())[::-1]
    return unique[central([c.text for c in unique])] if unique else None


def summarise_events(events: Iterable[TimelineEvent], leads: Mapping[str, Candidate | None],
                     days: Mapping[str, Sequence[DaySentence]], story_articles: Mapping[str, Sequence[str]]) -> None:
    """Give each dated event the summary :func:`summarise_day` picks, and its source span.

    Args:
        events: the timeline's events (changed in place).
        leads: article id → its event's lead summary as a candidate (None: it has none).
        days: article id → :func:`day_sentences` of that article.
        story_articles: story id → the articles of that story the timeline holds: the sentences
            that name an event's day are read from its story's articles."""
    for event in events:
        if not event.date:
            continue
        pool = day_pool(event.date, (leads.get(a) for a in event.article_ids),
                        (d for a in story_articles.get(event.story_id, event.article_ids) for d in days.get(a, ())))
        if len(pool) < 2:
            continue  # one candidate: the event's own summary stands
        chosen = summarise_day(pool)
        if chosen is None or chosen.text == event.summary:
            continue
        event.summary = chosen.text
        event.evidence = [s for s in event.evidence if s.field != "summary"]
        if chosen.end > chosen.start:  # a summary no span gave (a title) has no source
            event.evidence.append(FactSource("summary", chosen.text, chosen.article_id, chosen.start, chosen.end,
                                             chosen.span_text))


def recalls(published: str | None, day: str) -> bool:
    """Whether a report published on ``published`` can recall ``day``: it was filed after it (one
    filed before, on the day or undated only looks ahead to it)."""
    return (published or "")[:10] > day


def recalled_event(day: str, sentences: Iterable[DaySentence], story_of: Mapping[str, str],
                   outlets_of: Mapping[str, Sequence[str]], published_of: Mapping[str, str | None]
                   ) -> TimelineEvent | None:
    """An event for a day no report tells as its own news, which later reports recall (None: fewer
    than :data:`MIN_RECALLING` reports published after ``day`` name it in a sentence of one story):
    in the story most of those reports belong to, summarised by the sentence most central among
    theirs (:func:`summarise_day`), its date read where that sentence names it.

    A report published before the day, or undated, only looks ahead to it ("the vote is set for
    12 June"): what it says is no account of what happened.

    Args:
        day: ``YYYY-MM-DD``.
        sentences: :func:`day_sentences` of the reports that refer to ``day`` (others are ignored).
        story_of: article id → its story id.
        outlets_of: article id → the outlets that carried it.
        published_of: article id → its publication date (``YYYY-MM-DD...``; None: not known).
    """
    by_story: dict[str, list[DaySentence]] = {}
    for d in sentences:
        if d.day == day and d.article_id in story_of and recalls(published_of.get(d.article_id), day):
            by_story.setdefault(story_of[d.article_id], []).append(d)
    if not by_story:
        return None
    story_id, found = max(by_story.items(), key=lambda kv: (len({d.article_id for d in kv[1]}), kv[0]))
    chosen = summarise_day([day_candidate(d) for d in found])
    if chosen is None or len({d.article_id for d in found}) < MIN_RECALLING:
        return None
    said = next(d for d in found if d.article_id == chosen.article_id and d.start == chosen.start)
    articles = list(dict.fromkeys(d.article_id for d in found))
    evidence = [FactSource("summary", chosen.text, chosen.article_id, chosen.start, chosen.end, chosen.span_text)]
    if said.named_as:
        evidence.insert(0, FactSource("date", day, said.article_id, *said.named_at, said.named_as))
    return TimelineEvent(id=f"{story_id}/{day}", story_id=story_id, date=day, place=None, participants=[], kind=None,
                         summary=chosen.text, article_ids=articles,
                         outlets=list(dict.fromkeys(o for a in articles for o in outlets_of.get(a, ()))),
                         evidence=evidence, recalled=True)


def day_pool(day: str, leads: Iterable[Candidate | None], days: Iterable[DaySentence]) -> list[Candidate]:
    """What may summarise ``day``: the given lead summaries and the sentences that name that day."""
    return [c for c in leads if c is not None] + [day_candidate(d) for d in days if d.day == day]


def day_candidate(d: DaySentence) -> Candidate:
    """A :class:`DaySentence` as a :class:`Candidate`."""
    return Candidate(" ".join(d.text.split()), d.article_id, d.start, d.end, d.text)


def _opening_end(sentence: str) -> int:
    """Where a sentence's own words start: after a stamp, a credit or a dateline before them."""
    stamp = _LEADING_STAMP.match(sentence)
    cut = stamp.end() if stamp else 0
    return cut + dateline_end(sentence[cut:])


def lead_candidate(article_id: str, summary: str, span: Evidence | None) -> Candidate | None:
    """An article's lead summary as a :class:`Candidate`, with the span its event read it from
    (``span``; None: the summary is the title), without a stamp or dateline before it."""
    if not summary:
        return None
    if span is None:
        return Candidate(summary[_opening_end(summary):] or summary, article_id, 0, 0)
    cut = _opening_end(span.text)
    raw = span.text[cut if cut < len(span.text) else 0:]
    start = span.end - len(raw)
    raw = raw.rstrip()
    return Candidate(" ".join(raw.split()), article_id, start, start + len(raw), raw)


__all__ = ["Candidate", "DaySentence", "day_candidate", "day_pool", "day_sentences", "lead_candidate",
           "quoted_share", "summarise_day", "summarise_events"]
