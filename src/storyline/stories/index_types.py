"""What the story index keeps and reads, as plain records: its parameters, an article's term
features, a member, a story, a change to the log, an event's date as an interval of days.

:class:`~storyline.stories.cluster.StoryIndex` does the filing; these records are what it files
and persists (``StoryIndex.to_rows``), and what :mod:`storyline.stories.rules` and
:mod:`storyline.stories.split` read of a story.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from storyline.records import PLACE_LABELS
from storyline.stories.events import (ONE_DAY_KINDS, ArticleFeatures, Canonical, Event, default_canonical,
                                      lead_sentences)
from storyline.stories.terms import (BODY_WEIGHT, LEAD_WEIGHT, NAME_LABELS, TITLE_WEIGHT, TermBag, entity_key,
                                     term_bag)

BODY_WORDS = 450  #: words of the body read for terms; later paragraphs are background


@dataclass(slots=True)
class StoryParams:
    """How the index decides; the defaults were set on ECB+ dev and checked on headlines and seeds."""

    threshold: float = 0.2
    short_terms: int = 50  #: texts with fewer terms get a proportionally lower threshold
    top_terms: int = 80  #: terms kept per article vector
    block_terms: int = 12  #: salient terms an article looks candidates up with
    candidates: int = 30  #: candidate stories scored in full
    posting_cap: int = 200  #: stories kept per key, most recently active first
    bucket_days: int = 30  #: width of the time buckets of dated postings
    centroid_terms: int = 400  #: terms a story centroid keeps
    same_day_bonus: float = 0.08
    near_days: int = 3  #: event dates this close are one event told late
    hard_gap_days: int = 365  #: event dates farther apart: never one story
    #: a story of a one-day event (a meeting) never takes an article whose day, read in its text, is
    #: farther from the story's (also read in the text) than this
    one_day_gap_days: int = 7
    #: a story of a one-day event on a weekday (its reports undated) never takes an article of another weekday
    one_day_story_weekdays: bool = True
    gap_penalty: float = 0.05  #: penalty per doubling of the gap beyond ``near_days``
    max_gap_penalty: float = 0.5
    weekday_penalty: float = 0.05
    #: a date without a year ("on Nov. 12", the article undated) that is weeks off the story's
    #: dates costs at most this: with no year to check it against, it is as often background
    calendar_penalty_cap: float = 0.1
    place_bonus: float = 0.05
    place_penalty: float = 0.10
    people_bonus: float = 0.06
    people_penalty: float = 0.06
    persons_weight: float = 0.2  #: how much the cosine of person mentions counts ...
    persons_center: float = 0.5  #: ... above (bonus) or below (penalty) this
    #: place, people and persons penalties together count at most this much: they measure one thing
    #: (who and where), and reports of one event from different angles name different people
    entity_penalty_cap: float = 0.10
    #: a long text joins only a story its words alone bring to this share of the threshold: who,
    #: where and when tip a join whose words nearly suffice, but in a store that follows one
    #: running story every article names the same people and city
    min_text_ratio: float = 0.75
    # off by default: with the small spaCy model the people of a title are too noisy (ECB+ dev)
    main_penalty: float = 0.0  #: none of the people the article is about is what the story is about
    main_bonus: float = 0.0
    main_share: float = 0.3  #: a story is about the people at least this share of its members are about
    anchor_bonus: float = 0.15  #: a rare name in the title that the story's titles carry, the same days
    anchor_idf: float = 2.5
    anchor_share: float = 0.3
    kind_bonus: float = 0.03
    kind_penalty: float = 0.08
    short_text_terms: int = 30  #: texts with fewer terms are matched on words and date only (headlines)
    #: a short text joins only a story it shares this many words with: one word in common with a
    #: six-word headline is a coincidence ("voice": a talent show and elephants that know voices)
    short_shared_words: int = 2
    merge_threshold: float = 0.25  #: after a short text joins, its story merges with a story this similar
    #: a long text that joins a story and scores this many times its join threshold against a
    #: small story of long texts as well folds that story in: it was a fragment (:meth:`StoryIndex._bridge`)
    bridge_ratio: float = 1.25
    bridge_max: int = 2  #: ... small: at most this many long articles
    #: the same for a short text and a small story of short texts: a headline shares fewer words,
    #: and one word in common is more often chance, so it must fit the other story better
    bridge_short_ratio: float = 2.5
    bridge_short_max: int = 3  #: ... small: at most this many articles
    one_day_place_rule: bool = True  #: a meeting or press conference in another city is another story
    #: ... unless the article names the story's city, in its title or lead (a city named further down
    #: is background: "the secretary general told journalists in Brussels")
    place_named_in_lead: bool = True
    counterpart_rule: bool = True  #: the person met or beaten must be named on both sides (module docstring)
    subject_rule: bool = True  #: an arrest (an injury) of someone other than the story's person is another one
    distinct_kinds_rule: bool = True  #: a summit is not a ministerial meeting (``events.DISTINCT_KINDS``)
    split_rule: bool = True  #: a grown story that holds two events splits in two (:mod:`~storyline.stories.split`)
    split_first: int = 8  #: long members a story has when it is first checked for a split
    split_min_group: int = 3  #: members each group of a split holds at least
    split_ratio: float = 0.6  #: similarity across the groups at most this share of the similarity within
    split_main_share: float = 0.3  #: a group is about a person when this share of it is ...
    split_named_share: float = 0.2  #: ... nearly all of it names them, and at most this share of the other
    split_places: bool = True  #: ... or the place nearly all of a group names and the other hardly does
    split_weekdays: bool = True  #: ... or undated reports of one weekday against a burst of other days
    split_weekday_ratio: float = 0.9  #: ... whose words across the groups are at most this share of within
    #: at the split checkpoints, a lone long report that scores this many times its join threshold
    #: against the grown story is folded in (:meth:`StoryIndex._rehome`); 0: never
    rehome_ratio: float = 1.25


@dataclass(slots=True)
class TextFeatures:
    """What story matching reads of an article's words: its term bag (before idf)."""

    bag: TermBag
    people: dict[str, float] = field(default_factory=dict)  #: person key → share of the article's person mentions
    title_names: list[str] = field(default_factory=list)  #: ``e:`` terms of the names in the title
    names: frozenset[str] = frozenset()  #: lower-cased capitalised words of the text: is a surname named?
    #: ... of the title and lead: is the city of the story's meeting named where the article says what it reports?
    lead_names: frozenset[str] = frozenset()
    places: list[str] = field(default_factory=list)  #: keys of the places the text names


@dataclass(slots=True)
class When:
    """An event date as an interval of day ordinals, with where it came from."""

    lo: int | None = None
    hi: int | None = None
    day_level: bool = False
    source: str | None = None
    weekday: int | None = None
    one_day: bool = False  #: the event is of a kind that happens on one day (a meeting, a visit)
    month_day: tuple[int, int] | None = None  #: of a day-level date, or of a date without a year


@dataclass(slots=True)
class Member:
    """One article of a story as the index keeps it (a plain row)."""

    article_id: str
    story_id: str
    seq: int
    vector: dict[str, float] = field(default_factory=dict)
    date: str | None = None
    date_source: str | None = None
    place: str | None = None
    people: list[str] = field(default_factory=list)
    persons: dict[str, float] = field(default_factory=dict)
    main: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    kind: str | None = None
    counterparts: list[str] = field(default_factory=list)  #: people met (a meeting) or beaten (a contest)
    named_places: list[str] = field(default_factory=list)  #: keys of the places the text names (long texts)
    copy_of: str | None = None  #: a duplicate folded into this article: no vector of its own


@dataclass(slots=True)
class Story:
    id: str
    article_ids: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    days: list[int] = field(default_factory=list)  #: sorted day ordinals of dated members
    day_sources: dict[int, str] = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)  #: coarse date intervals
    weekdays: Counter[int] = field(default_factory=Counter)
    month_days: Counter[tuple[int, int]] = field(default_factory=Counter)  #: of members dated without a year
    places: Counter[str] = field(default_factory=Counter)
    people: Counter[str] = field(default_factory=Counter)
    persons: dict[str, float] = field(default_factory=dict)  #: sum of the members' person vectors
    mains: Counter[str] = field(default_factory=Counter)  #: the people members are about
    anchors: Counter[str] = field(default_factory=Counter)  #: rare names in the members' titles
    kinds: Counter[str] = field(default_factory=Counter)
    counterparts: Counter[str] = field(default_factory=Counter)
    subjects: Counter[str] = field(default_factory=Counter)  #: the first person each long member is about
    meeting_places: Counter[str] = field(default_factory=Counter)  #: places of its meetings and press conferences
    named_places: Counter[str] = field(default_factory=Counter)  #: places its long texts name
    short: int = 0  #: members that are short texts (headlines)
    long: int = 0  #: members that are long texts (copies not counted)
    touched: int = 0

    @property
    def start(self) -> str | None:
        return dt.date.fromordinal(self.days[0]).isoformat() if self.days else None

    @property
    def end(self) -> str | None:
        return dt.date.fromordinal(self.days[-1]).isoformat() if self.days else None


#: why two stories became one (:meth:`StoryIndex.take_log`)
BRIDGED = "a report fitted both"
FRAGMENTS_MET = "fragments of headlines met"
REHOMED = "a lone report fitted the grown story"


@dataclass(frozen=True, slots=True)
class StoryChange:
    """A split or a merge, for the store's log: what happened to ``story_id`` and why."""

    change: str  #: split | merge
    story_id: str  #: the story that lives on (a split's first group keeps it)
    other_id: str  #: the story that left it (split) or was folded into it (merge)
    reason: str
    articles: int  #: articles that moved
    about: str = ""  #: a split's ``Split.about`` key, to name it as the articles write it (:meth:`named`)
    ratio: float = 0.0  #: a split's ``Split.ratio``

    def named(self, names: Mapping[str, str]) -> StoryChange:
        """The change with its split's person or place written as the articles write it (``names``:
        key → written name, :func:`~storyline.stories.timeline.written_names`), not as its key."""
        if self.change != "split" or self.about not in names:
            return self
        return replace(self, reason=split_reason(self.about, self.ratio, names))


def split_reason(about: str, ratio: float, names: Mapping[str, str] | None = None) -> str:
    """Why a split parted two events, in words: the person, place or days one group is about (a
    ``Split``'s ``about`` and ``ratio``), named as ``names`` writes it, else from its key."""
    kind, _, value = about.partition(":")
    written = (names or {}).get(about)
    if kind == "weekday":  # ``weekday:4:2024-03-05``: an ISO weekday, then the other group's middle day
        weekday, _, day = value.partition(":")
        what = f"one group gives a {calendar.day_name[int(weekday) - 1]}, the other reports the days around {day}"
    else:
        what = {"person": f"one group is about {written or value.replace('-', ' ').title()}",
                "place": f"one group is in {written or value.title()}",
                "date": f"one group reports the days around {value}"}.get(kind, about)
    return f"two events: {what} (words across the groups {ratio:.2f} of within)"


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where an added article went, and why."""

    story_id: str
    new: bool
    score: float  #: the winning score (0 for a new story)
    parts: dict[str, float] = field(default_factory=dict)  #: text, date, place, people, kind


def text_features(f: ArticleFeatures, *, canonical: Canonical | None = None) -> TextFeatures:
    """Term bag of an article: title, lead and the start of the body, each with its weight."""
    lead = lead_sentences(f)
    lead_end = lead[-1].end if lead else 0
    title = (f.title or "").strip()
    regions: list[tuple[str, float]] = []
    names: list[tuple[str, float]] = []
    start = 0
    if title and f.text.lstrip()[:60] == title[:60]:
        start = f.text.find(title[:60]) + len(title)
        regions.append((title, TITLE_WEIGHT))
    elif title:
        regions.append((title, TITLE_WEIGHT))
    regions.append((f.text[start:max(start, lead_end)], LEAD_WEIGHT))
    body = f.text[max(start, lead_end):].split()[:int(BODY_WORDS)]
    regions.append((" ".join(body), BODY_WEIGHT))
    body_end = max(start, lead_end) + sum(len(w) + 1 for w in body)
    title_names: list[str] = []
    for m in f.mentions:
        if m.label not in NAME_LABELS:
            continue
        if m.end <= start and (key := entity_key(m.text)) and "e:" + key not in title_names:
            title_names.append("e:" + key)
        w = (TITLE_WEIGHT if m.end <= start else LEAD_WEIGHT if m.end <= lead_end
             else BODY_WEIGHT if m.start < body_end else 0)
        if w:
            names.append((m.text, w))
    if title and not start:  # a title the text does not open with: find its names the cheap way
        names.extend((n, TITLE_WEIGHT) for n in re.findall(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+", title))
    persons: Counter[str] = Counter()
    for m in f.mentions:
        if m.label == "PERSON":
            key = (canonical or default_canonical)(m)
            if key:
                persons[key] += 1.0
    total = math.sqrt(sum(v * v for v in persons.values())) or 1.0
    capitalised = _capitalised(f.text)
    lead_capitalised = _capitalised(title + " " + f.text[:lead_end])
    places = sorted({k for m in f.mentions if m.label in PLACE_LABELS and (k := entity_key(m.text))})
    return TextFeatures(term_bag(regions, names), {k: v / total for k, v in persons.items()}, title_names, capitalised,
                        lead_names=lead_capitalised, places=places)


def _capitalised(text: str) -> frozenset[str]:
    """The capitalised words of a text, lower-cased: does it name a person or a city?"""
    return frozenset(w.lower() for w in re.findall(r"\b[A-ZÀ-Ý][\w'-]+", text))


def event_when(event: Event) -> When:
    when = when_of_date(event)
    when.one_day = event.kind in ONE_DAY_KINDS
    return when


def when_of_date(event: Event) -> When:
    day = event.day
    if day is not None:
        o = day.toordinal()
        return When(o, o, True, event.date_source, day.isoweekday(), month_day=(day.month, day.day))
    value = event.date or ""
    m = re.match(r"^(\d{4})(?:-(\d\d))?$", value)
    if m:
        y = int(m[1])
        if m[2]:
            mo = int(m[2])
            if 1 <= mo <= 12:
                return When(dt.date(y, mo, 1).toordinal(), dt.date(y, mo, calendar.monthrange(y, mo)[1]).toordinal(),
                             False, event.date_source)
        elif 1 <= y <= 9999:
            return When(dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal(), False, event.date_source)
    return When(weekday=event.weekday, month_day=event.month_day)


def calendar_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two dates of unknown years, the nearest way round the calendar (at most 183)."""
    x, y = (dt.date(2001, m, min(d, calendar.monthrange(2001, m)[1])).toordinal() for m, d in (a, b))
    gap = abs(x - y)
    return min(gap, 365 - gap)
