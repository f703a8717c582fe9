"""Timelines: the events of a story, a person or a topic in date order, over plain records.

An event is what the articles of one story report for one date: the articles of a story are
grouped by their event date. An undated article joins a dated event of its story only on
evidence: nothing in it conflicts (its bare weekday is that date's, its place is the event's,
its kind is of a related family) and its title and summary share words with the event's
(:data:`JOIN_OVERLAP`). Otherwise it is an undated event, shared with the undated articles of
the same weekday and place that share its words likewise: "on Wednesday in Brussels" and "on
Thursday in Brussels" stay two events, even when clustering put them in one story. Each
event carries its date, the place and participants most of its articles give, its kind, a
one-line summary (of the articles' lead summaries, the one most central to the others: it
shares most words with them), its key quotations (statements carried by the most outlets) and
the outlets that reported it, and where each of those facts was read (:class:`FactSource`: the
span of one report's text that gave the date, the place, the kind, each participant and the
summary), so that every fact links back to the words it came from.

Which dates matter in a topic (``select_dates``): a date counts once for each article whose
event it is and once for each article that refers back to it ("on January 25, protesters
..."), more when that article looks back from a week or more later: an event that later
reports keep mentioning is a milestone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from storyline.records import Timex
from storyline.stories.events import Event, Evidence, compatible_kinds
from storyline.stories.quotes import QuoteGroup, kind_rank
from storyline.stories.terms import content_words, fold, stem, strip_accents

REFERENCE_WEIGHT = 1.0  #: a date an article refers to counts as much as the date it reports (T17 dev)
#: ... and half as much again when the article looks back at it from a week or more later: a day
#: still named weeks on is a milestone, one named the next day may only have been busy
#: (T17 dev Date-F1 0.565 -> 0.581; 3 / 14 / 30 days: 0.569 / 0.574 / 0.576)
RETROSPECTIVE_WEIGHT, RETROSPECTIVE_DAYS = 0.5, 7
#: Word overlap (shared stems over the geometric mean of the two sets' sizes) of an undated
#: article's title and summary with a dated event's, from which it is taken for a report of it.
JOIN_OVERLAP = 0.3
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
#: :func:`central` divides by (number of words) ** this: 0.5 favours long sentences, 1.0 short ones
#: (T17 dev day summaries: 0.5 / 0.7 / 0.85 / 1.0 give 41 / 34 / 26 / 19 words; 0.7 is best on
#: agreement ROUGE-2 but one, and keeps a summary to about a line)
LENGTH_EXPONENT = 0.7
#: words that say that something was said: a key statement needs two words besides these
_SPEECH_WORDS = frozenset({"said", "says", "say", "told", "tells", "added", "adds", "asked", "stated"})


@dataclass(slots=True)
class ArticleRecord:
    """What a timeline needs of one article (the store can give it without the texts)."""

    article_id: str
    story_id: str
    event: Event
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    copies: list[str] = field(default_factory=list)  #: outlets of its duplicates
    estimate: str | None = None  #: the publication month or year the text implies, when it states no day


@dataclass(frozen=True, slots=True)
class FactSource:
    """Where a fact an event shows was read: a span of one report's clean text."""

    field: str  #: date | place | kind | participant | named | summary
    value: str  #: the fact as the event shows it ("2023-05-17", "Brussels", "Jens Stoltenberg")
    article_id: str
    start: int
    end: int
    text: str  #: the words themselves ("on Wednesday", "at NATO headquarters")

    def row(self) -> dict[str, object]:
        """``{field, value, article_id, start, end, text}``: offsets into the article's ``text``."""
        return {"field": self.field, "value": self.value, "article_id": self.article_id,
                "start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class TimelineEvent:
    id: str
    story_id: str
    date: str | None
    place: str | None
    participants: list[str]
    kind: str | None
    summary: str
    article_ids: list[str]
    outlets: list[str]
    quotes: list[QuoteGroup] = field(default_factory=list)
    #: for an undated event, the coarse date its reports give, in words ("a Wednesday", "June 2023")
    date_hint: str | None = None
    #: the entity id (or name key) of each of ``participants``, in the same order
    participant_ids: list[str | None] = field(default_factory=list)
    #: people and organisations its reports name but who took no part (:mod:`storyline.stories.actors`)
    named: list[str] = field(default_factory=list)
    named_ids: list[str] = field(default_factory=list)
    #: where its date, place, kind, participants and summary were read
    evidence: list[FactSource] = field(default_factory=list)
    #: a day no report of its own tells, which later reports recall ("the ferry ran aground on 3 May"):
    #: its summary is the sentence they recall it with, its articles those that do
    recalled: bool = False

    def source(self, field_name: str, value: str | None = None) -> FactSource | None:
        """The span a shown fact was read from (the first, for ``value`` when given), or None."""
        return next((s for s in self.evidence if s.field == field_name and (value is None or s.value == value)), None)

    def row(self) -> dict[str, object]:
        """The export row: ``{id, story_id, date, place, participants, named, kind, summary,
        article_ids, evidence}``, ``evidence`` as :meth:`FactSource.row` gives it."""
        return {"id": self.id, "story_id": self.story_id, "date": self.date, "place": self.place,
                "participants": self.participants, "named": self.named, "kind": self.kind, "summary": self.summary,
                "article_ids": self.article_ids, "evidence": [s.row() for s in self.evidence]}


#: what tells an undated event: its weekday, its day of the month (no year), its place
_Signature = tuple[int | None, tuple[int, int] | None, str | None]
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_COARSE = re.compile(r"^(?:XXXX-WXX-(?P<weekday>[1-7])|XXXX-(?P<md_month>0[1-9]|1[0-2])-(?P<md_day>\d\d)"
                     r"|(?P<year>\d{4})(?:-(?P<month>0[1-9]|1[0-2]))?)$")


def date_hint(value: str | None) -> str | None:
    """A coarse event date in words: ``XXXX-WXX-3`` → "a Wednesday", ``2023-06`` → "June 2023",
    ``2023`` → "2023", ``XXXX-12-14`` (no year) → "14 December"; None for a day (it is the date)
    or for nothing."""
    m = _COARSE.match(value or "")
    if not m:
        return None
    if m["weekday"]:
        return "a " + _WEEKDAYS[int(m["weekday"]) - 1]
    if m["md_month"]:
        return f"{int(m['md_day'])} {calendar.month_name[int(m['md_month'])]}"
    if m["month"]:
        return f"{calendar.month_name[int(m['month'])]} {m['year']}"
    return m["year"]


def when(date: str | None, hint: str | None) -> str:
    """The date an event is shown with (CLI and web): its day, else "undated", with the coarse
    date if any (:attr:`TimelineEvent.date_hint`)."""
    if date:
        return date
    return f"undated ({hint})" if hint else "undated"


def _words(text: str) -> set[str]:
    return {stem(w) for w in content_words(text)}


def about_words(text: str) -> set[str]:
    """The words an ``about`` filter compares, accents stripped: "Nauseda" finds "Nausėda"."""
    return _words(strip_accents(text))


def central(texts: Sequence[str], exponent: float = LENGTH_EXPONENT) -> int:
    """Index of the text whose words most of the others share (the first on ties): the sum over its
    words of log(1 + how many texts hold the word), over its number of words ** ``exponent``. Of two
    texts neither is more central (each shares with the other what the other shares): the first."""
    if len(texts) <= 2:
        return 0
    bags = [_words(t) for t in texts]
    df = Counter(w for b in bags for w in b)

    def score(i: int) -> float:
        b = bags[i]
        return sum(math.log(1 + df[w]) for w in b) / len(b) ** exponent if b else 0.0

    return max(range(len(texts)), key=lambda i: (score(i), -i))


def _most_common(values: Iterable[str | None]) -> str | None:
    c = Counter(v for v in values if v)
    return c.most_common(1)[0][0] if c else None


def story_events(records: Sequence[ArticleRecord], quotes: Sequence[QuoteGroup] = (),
                 speaker: str | None = None, names: dict[str, str] | None = None) -> list[TimelineEvent]:
    """The events of the given articles, per story and date, in date order (undated last); the
    key quotations of ``speaker`` (an entity id or part of a name) come first.

    A participant is counted once per article under its entity id, however each article writes
    the name ("Gitan Nauseda", "Gitanas Nausėda"), and shown by ``names`` (entity id → canonical
    name, as the entities stage stores it), else as most of its reports write it."""

    by_story: dict[str, list[ArticleRecord]] = defaultdict(list)
    for r in records:
        by_story[r.story_id].append(r)
    events: list[TimelineEvent] = []
    for sid, rs in by_story.items():
        for (d, n), members in _group_by_event(rs).items():
            summaries = [m.event.summary or m.title or "" for m in members]
            people: Counter[str] = Counter()
            acting: Counter[str] = Counter()
            for m in members:
                people.update(dict.fromkeys((p.key for p in m.event.participants), 1))
                acting.update(dict.fromkeys((p.key for p in m.event.participants if p.took_part), 1))
            written = written_names(members)
            # took part when at least half the reports that name them say so
            keys = [k for k, n in people.most_common() if 2 * acting[k] >= n][:5]
            named = [k for k, n in people.most_common() if 2 * acting[k] < n][:5]
            outlets = list(dict.fromkeys(o for m in members for o in [m.outlet, *m.copies] if o))
            shown = central(summaries) if summaries else None
            event = TimelineEvent(
                id=f"{sid}/{d}" if d else f"{sid}/undated" + (f"-{n}" if n else ""), story_id=sid, date=d,
                place=_most_common(m.event.place for m in members),
                participants=[(names or {}).get(k) or written[k] for k in keys],
                participant_ids=list(keys),
                named=[(names or {}).get(k) or written[k] for k in named], named_ids=named,
                kind=_most_common(m.event.kind for m in members),
                summary=summaries[shown] if shown is not None else "",
                article_ids=[m.article_id for m in members], outlets=outlets,
                date_hint=None if d else _undated_hint(members))
            event.evidence = _sources(event, members, members[shown] if shown is not None else None)
            events.append(event)
    attach_key_quotes(events, quotes, speaker)
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def attach_key_quotes(events: Iterable[TimelineEvent], quotes: Iterable[QuoteGroup], speaker: str | None = None
                      ) -> None:
    """Give each event its key quotations: of the statements its articles report, up to three,
    those carried by the most outlets (then articles) of these events first, the speaker's own
    words before a paraphrase among equals; ``speaker``'s statements (an entity id or part of a
    name) before all. Only the reports in these events' articles count: a line that articles of
    other stories repeat (a sidebar the scraper kept) is not what this timeline is about; how many
    outlets carried a statement in all is still the statement's to show. A scrap of fewer than two
    words besides "said" ("he said.", "No.") is never one."""

    def not_theirs(g: QuoteGroup) -> bool:
        return speaker is not None and g.speaker_id != speaker and fold(speaker) not in fold(g.speaker or "")

    events = list(events)
    shown = {a for e in events for a in e.article_ids}
    counts: dict[str, tuple[int, int]] = {}

    def carried(g: QuoteGroup) -> tuple[int, int]:
        """Minus the outlets and articles of these events that report ``g`` (a sort key)."""
        if g.id not in counts:
            here = [o for o in g.occurrences if o.article_id in shown]
            counts[g.id] = (-len({o.outlet for o in here if o.outlet}), -len({o.article_id for o in here}))
        return counts[g.id]

    quotes_of: dict[str, list[QuoteGroup]] = defaultdict(list)
    for g in quotes:
        if len(g.tokens - _SPEECH_WORDS) < 2:
            continue  # "he said.", "No.": a scrap the page has no use for as a key statement
        for a in g.articles:
            quotes_of[a].append(g)
    for e in events:
        seen: dict[str, QuoteGroup] = {}
        for a in e.article_ids:
            for g in quotes_of.get(a, []):
                seen.setdefault(g.id, g)
        e.quotes = sorted(seen.values(), key=lambda g: (not_theirs(g), *carried(g), kind_rank(g)))[:3]


def _sources(event: TimelineEvent, members: Sequence[ArticleRecord], summarised: ArticleRecord | None
             ) -> list[FactSource]:
    """Where the event's facts were read: for each of its date (or coarse date), place, kind,
    participants and summary, the span of the first report whose own event gives that value."""
    out: list[FactSource] = []

    def add(field_name: str, value: str | None, spans_of: Callable[[ArticleRecord], Iterable[Evidence]]) -> None:
        """The first span any member gives for ``value``, if any."""
        for m in members if value else ():
            span = next(iter(spans_of(m)), None)
            if span is not None:
                out.append(FactSource(field_name, value or "", m.article_id, span.start, span.end, span.text))
                return

    def when_gives(field_name: str, gave: Callable[[Event], bool]) -> Callable[[ArticleRecord], list[Evidence]]:
        return lambda m: _spans(m.event, field_name) if gave(m.event) else []

    coarse = event.date or _most_common(m.event.date for m in members)
    add("date", event.date or event.date_hint,
        when_gives("date", lambda e: e.date == coarse and e.date_source == "text"))
    add("place", event.place, when_gives("place", lambda e: e.place == event.place))
    add("kind", event.kind, when_gives("kind", lambda e: e.kind == event.kind))
    for field_name, ids, shown in (("participant", event.participant_ids, event.participants),
                                   ("named", event.named_ids, event.named)):
        for key, name in zip(ids, shown):
            add(field_name, name, lambda m, key=key: [ev for p, ev in zip(m.event.participants,  # type: ignore[misc]
                                                                             _spans(m.event, "participant"))
                                                      if p.key == key])
    if summarised is not None and event.summary == summarised.event.summary:
        add("summary", event.summary, lambda m: _spans(m.event, "summary") if m is summarised else [])
    return out


def _spans(event: Event, field_name: str) -> list[Evidence]:
    """The event's evidence for one field, in the order it was found (participants: the order of
    ``event.participants``)."""
    return [e for e in event.evidence if e.field == field_name]


def written_names(records: Iterable[ArticleRecord], more: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
    """Participant and place key → the name most of the records write for it (``person:o-brien``
    → "Jim O'Brien", ``place:sao paulo`` → "São Paulo"), counting ``more`` (key, as written) pairs
    too: how a timeline shows its participants and a story's log names what parted it."""
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for key, name in more:
        written[key][name] += 1
    for r in records:
        for p in r.event.participants:
            written[p.key][p.name] += 1
        if r.event.place and r.event.place_key:
            written["place:" + r.event.place_key][r.event.place] += 1
    return {key: _as_written(names) for key, names in written.items()}


def _as_written(names: Counter[str]) -> str:
    """The name most reports write, the fullest on ties ("Gitanas Nausėda" over "Nausėda")."""
    return max(names, key=lambda n: (names[n], len(n.split()), len(n)))


def _undated_hint(members: Sequence[ArticleRecord]) -> str | None:
    """What is known of an undated event's date: its coarse date ("a Wednesday"), and the
    publication year or month the articles imply ("~2023"), when the coarse date has no year."""
    hint = _most_common(date_hint(m.event.date) for m in members)
    estimate = _most_common(date_hint(m.estimate) for m in members if not m.published)
    if hint is None:
        return f"~{estimate}" if estimate else None
    if estimate and not re.search(r"\d{4}", hint):
        return f"{hint}, ~{estimate}"
    return hint


def _group_by_event(records: Sequence[ArticleRecord]) -> dict[tuple[str | None, int], list[ArticleRecord]]:
    """The articles of one story by event: ``(day, 0)`` for a date, ``(None, n)`` for undated events."""
    groups: dict[tuple[str | None, int], list[ArticleRecord]] = defaultdict(list)
    undated: list[ArticleRecord] = []
    for r in records:
        if r.event.date and _DAY.match(r.event.date):
            groups[(r.event.date, 0)].append(r)
        else:
            undated.append(r)
    dated = {day: list(members) for (day, _), members in groups.items()}
    words = {day: set().union(*(_words(f"{m.title or ''} {m.event.summary}") for m in members))
             for day, members in dated.items()}
    loose: list[tuple[_Signature, set[str]]] = []  #: undated events: signature, words
    for r in undated:
        mine = _words(f"{r.title or ''} {r.event.summary}")
        best: tuple[float, str] | None = None
        for day, members in dated.items():
            if not _compatible(r, day, members):
                continue
            overlap = _overlap(mine, words[day])
            if overlap >= JOIN_OVERLAP and (best is None or overlap > best[0]):
                best = (overlap, day)
        if best is not None:
            groups[(best[1], 0)].append(r)
            continue
        signature = (r.event.weekday, r.event.month_day, r.event.place_key)
        for n, (sig, seen) in enumerate(loose):
            if _same_undated(sig, signature) and _overlap(mine, seen) >= JOIN_OVERLAP:
                seen |= mine
                loose[n] = (sig[:2] + (sig[2] or signature[2],), seen)  # the event's place once a report gives it
                break
        else:
            n = len(loose)
            loose.append((signature, set(mine)))
        groups[(None, n)].append(r)
    return groups


def _overlap(a: set[str], b: set[str]) -> float:
    """Cosine of two word sets."""
    return len(a & b) / ((len(a) * len(b)) ** 0.5 or 1.0)


def _same_undated(a: _Signature, b: _Signature) -> bool:
    """Two undated reports can tell one event: the same weekday and day of the month (or none),
    and the same place unless one of them names none."""
    return a[:2] == b[:2] and (a[2] is None or b[2] is None or a[2] == b[2])


def _compatible(r: ArticleRecord, day: str, members: Sequence[ArticleRecord]) -> bool:
    """Nothing in an undated article's event conflicts with the dated event: weekday, day of the
    month (a date without a year), place, kind."""
    e = r.event
    dated = dt.date.fromisoformat(day)
    if e.weekday is not None and e.weekday != dated.isoweekday():
        return False
    if e.month_day is not None and e.month_day != (dated.month, dated.day):
        return False
    places = {m.event.place_key for m in members if m.event.place_key}
    if e.place_key and places and e.place_key not in places:
        return False
    kinds = {m.event.kind for m in members if m.event.kind}
    return not (e.kind and kinds and not any(compatible_kinds(e.kind, k) for k in kinds))


def story_rows(records: Sequence[ArticleRecord]) -> list[dict[str, object]]:
    """Export rows ``{id, title, article_ids, start, end}``: a story is titled by its most central
    headline; by its most central summary when none of its articles has one."""
    by_story: dict[str, list[ArticleRecord]] = defaultdict(list)
    for r in records:
        by_story[r.story_id].append(r)
    rows = []
    for sid, rs in by_story.items():
        titles = [r.title for r in rs if r.title] or [r.event.summary for r in rs]
        days = sorted(r.event.date for r in rs if r.event.date and _DAY.match(r.event.date))
        rows.append({"id": sid, "title": titles[central(titles)] if titles else "",
                     "article_ids": [r.article_id for r in rs], "start": days[0] if days else None,
                     "end": days[-1] if days else None})
    return rows


def timeline(records: Sequence[ArticleRecord], quotes: Sequence[QuoteGroup] = (), *, story: str | None = None,
             person: str | None = None, about: str | None = None, texts: dict[str, str] | None = None,
             quoted: set[str] | None = None, names: dict[str, str] | None = None) -> list[TimelineEvent]:
    """Events in date order for one story, one person (a participant's name or key), or a topic.

    ``about`` keeps the articles whose title, summary or text (``texts``: article id → text)
    hold all the words of ``about``; ``quoted``: the articles that quote ``person``, whose events
    are theirs too; ``names``: canonical names of participants (:func:`story_events`).
    """
    chosen = list(records)
    if story is not None:
        chosen = [r for r in chosen if r.story_id == story]
    if person:
        want = fold(person)
        chosen = [r for r in chosen if r.article_id in (quoted or ())
                  or any(want in fold(p.name) or want in fold(p.key) for p in r.event.participants)]
    if about:
        words = about_words(about)
        chosen = [r for r in chosen
                  if words <= about_words(" ".join([r.title or "", r.event.summary,
                                                    (texts or {}).get(r.article_id, "")]))]
    events = story_events(chosen, quotes, speaker=person, names=names)
    if person:
        want = fold(person)
        for e in events:
            if not any(want in fold(p) or want in fold(k or "") for p, k in zip(e.participants + e.named,
                                                                                 e.participant_ids + e.named_ids)):
                known = names is not None and person in names  # an entity id: shown by its name
                e.participants.insert(0, names[person] if known else person)
                e.participant_ids.insert(0, person if known else None)
    return events


def referenced_days(timexes: Iterable[Timex]) -> list[str]:
    """The day-level dates an article's time expressions resolve to (each once)."""
    return list(dict.fromkeys(t.value[:10] for t in timexes if t.type in ("DATE", "TIME") and _DAY.match(t.value[:10])))


def _days_between(earlier: str, later: str) -> int:
    """Days from one ISO day to another (a time of day ignored); 0 when either is no day."""
    try:
        return (dt.date.fromisoformat(later[:10]) - dt.date.fromisoformat(earlier[:10])).days
    except ValueError:
        return 0


def select_dates(events: Iterable[tuple[str | None, Iterable[str]]], k: int, *, start: str | None = None,
                 end: str | None = None, reference_weight: float = REFERENCE_WEIGHT,
                 among: Iterable[str] | None = None, keep: Callable[[str], bool] | None = None) -> list[str]:
    """The ``k`` most important dates of a topic.

    Args:
        events: per article, ``(event date, dates it refers to)``.
        k: how many dates to keep.
        start, end: keep dates in this range (``YYYY-MM-DD``, inclusive) only.
        among: keep only these dates (those a timeline has events for).
        keep: keep only the dates it accepts, asked in order of importance until ``k`` are kept
            (a date a timeline can show: an event's, or one recalled in a sentence that can say what
            happened then).
    """
    allowed = set(among) if among is not None else None
    score: Counter[str] = Counter()
    for day, refs in events:
        dated = bool(day and _DAY.match(day))
        if dated:
            score[day] += 1.0
        for d in set(refs) - {day}:
            score[d] += reference_weight
            if dated and _days_between(d, day) >= RETROSPECTIVE_DAYS:
                score[d] += RETROSPECTIVE_WEIGHT
    kept: list[str] = []
    for d, _ in sorted(score.items(), key=lambda kv: (-kv[1], kv[0])):
        if len(kept) == k:
            break
        if ((start is None or d >= start) and (end is None or d <= end) and (allowed is None or d in allowed)
                and (keep is None or keep(d))):
            kept.append(d)
    return sorted(kept)
