"""Timelines from a store: the events of a story, a person or a topic, with their key quotations.

:func:`build_timeline` is what ``storyline timeline`` and the web's story pages call::

    from storyline import Store
    from storyline.stories.query import build_timeline

    with Store("news.db", readonly=True) as store:
        for e in build_timeline(store, person="Stoltenberg"):
            print(e.date, e.place, e.summary, [g.text for g in e.quotes])

It reads the stored events (``Store.story_records``), picks the events (``timeline``), then reads
the statements the quotations of those events' articles were filed into at ingest
(``Store.statement_groups``), so each event carries up to three key quotations. :func:`statements`
reads the statements of the quotations a filter picks (``storyline quotes --grouped``): one
statement, every report of it in the store, the first and the latest. See docs/stories.md.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from storyline.errors import UsageError
from storyline.records import Mention, Sentence, Timex
from storyline.store.sql import rows_in
from storyline.store.statements import is_stored_id
from storyline.stories.digest import (Candidate, DaySentence, day_sentences, lead_candidate, recalled_event,
                                      recalls, summarise_events)
from storyline.stories.events import ArticleFeatures, find_kind, find_place, place_name
from storyline.stories.quotes import Occurrence, QuoteGroup, aggregate, kind_rank
from storyline.stories.terms import fold
from storyline.stories.timeline import (ArticleRecord, FactSource, TimelineEvent, about_words, attach_key_quotes,
                                        referenced_days, select_dates, timeline)

if TYPE_CHECKING:
    from storyline.store import Store



class UnknownStoryError(UsageError):
    """``story`` names no story in the store (``E410``)."""

    code = "E410"


def build_timeline(store: Store, *, story: str | None = None, person: str | None = None,
                   about: str | None = None, since: str | None = None, until: str | None = None,
                   top: int | None = None) -> list[TimelineEvent]:
    """Events in date order, each with its key quotations.

    Args:
        store: an open store (read-only is enough).
        story: only this story (an id from ``Store.stories()``).
        person: only events this person (a name, part of one, or an entity id) takes part in or
            speaks about (an article of the event quotes them); a name no spelling holds stands
            for the one person whose spelling is a variant of it (``Store.find_entities``).
        about: only articles whose title, summary or text hold all these words.
        since, until: only events dated on or after / on or before these days (``YYYY``,
            ``YYYY-MM`` or ``YYYY-MM-DD``, a partial date standing for its whole period); undated
            events are left out when either is given.
        top: only the events of the ``top`` most important days (:func:`key_days`), with an
            event for a key day only later reports recall, but in a person's timeline; undated
            events are left out.

    Returns:
        :class:`~storyline.stories.timeline.TimelineEvent` list, undated events last; empty on a
        store without stories.

    Raises:
        UnknownStoryError: ``story`` is given but the store has no such story.
    """
    if person and not store.find_entities(person, variants=False):
        variants = store.person_variants(person)  # "Gitanas Nausėda" when the store writes "Gitan Nauseda"
        person = variants[0] if len(variants) == 1 else person
    # a person's events: only those whose participants mention the longest word of the name (folded,
    # as the keys are), a superset that `timeline` narrows down, instead of every event of the store
    hint = max(fold(re.sub(r"[^\w\s]", " ", person)).split(), key=len, default=None) if person else None
    # a person's events are also those of the articles that quote them ("Lukashenko said he will ...")
    quoted = {a for a, name, eid in store.quote_speakers(person) if eid == person or fold(person) in fold(name or "")
              } if person else None
    # a topic's events: only those of the articles the full-text index finds all its words in (as
    # prefixes: a superset of what `timeline` keeps), instead of reading every article's words
    prefixes = word_prefixes(about) if about else []
    holding = store.articles_with_prefixes(prefixes) if prefixes else None
    records = store.story_records([story] if story else None, participant=hint, also=quoted or (), articles=holding)
    if story and not records:
        raise UnknownStoryError(f"no story {story!r} in {store.path}; list them with "
                                f"`storyline stories --db {store.path}`")
    texts = _texts(store, [r.article_id for r in records]) if about else None
    names = store.entity_names({p.key for r in records for p in r.event.participants} | ({person} if person else set()))
    events = _within(timeline(records, story=story, person=person, about=about, texts=texts, quoted=quoted,
                              names=names), since, until)
    by_id = {r.article_id: r for r in records}
    # read once for both, the key days and the summaries: time expressions, and the day sentences
    timexes: dict[str, list[Timex]] = {}
    told: dict[str, list[DaySentence]] = {}
    recalled: list[TimelineEvent] = []
    if top is not None:
        # a person's key days are days of their events: what later reports recall is not theirs
        days, recalled = key_days(store, events, by_id, top, timexes, since=since, until=until, recall=not person,
                                  told=told)
        events = [e for e in events if e.date in days]
    summarise_from_store(store, events, records, timexes, told)
    attach_key_quotes(events, store.statement_groups(article_ids=[a for e in events for a in e.article_ids]),
                      speaker=person)
    # a recalled day has no quotations of its own: what its articles quote was said later
    return sorted(events + recalled, key=lambda e: (e.date is None, e.date or "", e.id))


def summarise_from_store(store: Store, events: list[TimelineEvent], records: Iterable[ArticleRecord],
                         timexes: dict[str, list[Timex]] | None = None,
                         told: dict[str, list[DaySentence]] | None = None) -> None:
    """Give each dated event the summary :mod:`storyline.stories.digest` picks among its reports'
    lead summaries and the sentences of its story's ``records`` that name its day (in place);
    ``timexes`` and ``told``: the articles' time expressions and :func:`told_days` already read
    (both filled in)."""
    dated = [e for e in events if e.date]
    stories = {e.story_id for e in dated}
    story_articles: dict[str, list[str]] = defaultdict(list)
    leads: dict[str, Candidate | None] = {}
    by_id: dict[str, ArticleRecord] = {}
    for r in records:
        if r.story_id in stories:
            by_id[r.article_id] = r
            story_articles[r.story_id].append(r.article_id)
            span = next((ev for ev in r.event.evidence if ev.field == "summary"), None)
            leads[r.article_id] = lead_candidate(r.article_id, r.event.summary, span)
    ids = [a for group in story_articles.values() for a in group]
    days = {} if told is None else told
    read = _read_timexes(store, ids, {} if timexes is None else timexes)
    _read_told(store, ids, by_id, read, days)
    summarise_events(dated, leads, days, story_articles)


def told_days(article_id: str, text: str, sentences: list[tuple[Any, ...]], timexes: list[Timex],
              record: ArticleRecord) -> list[DaySentence]:
    """:func:`~storyline.stories.digest.day_sentences` of a stored article: none for a day after
    its publication, none for another day in a sentence that names its own event's day."""
    return day_sentences(article_id, text, sentences, timexes, published=record.published,
                         own_day=record.event.date)


def _read_told(store: Store, ids: Iterable[str], records: dict[str, ArticleRecord],
               timexes: dict[str, list[Timex]], told: dict[str, list[DaySentence]]) -> None:
    """Fill ``told`` with the :func:`told_days` of those of ``ids`` it lacks (texts and sentences read
    in batches; ``timexes`` already holds theirs)."""
    unread = [a for a in dict.fromkeys(ids) if a not in told]
    texts = _texts(store, unread)
    sentences = _by_article(store, 'SELECT article_id, start, "end" FROM sentences', unread)
    told.update((a, told_days(a, texts.get(a, ""), sentences.get(a, []), timexes.get(a, []), records[a]))
                for a in unread)


def _by_article(store: Store, select: str, ids: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of ``select`` (its first column the article id) for the given articles, each row
    without its article id, in ``start`` order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows_in(store.db, f"{select} WHERE article_id IN ({{ids}}) ORDER BY article_id, start", ids):
        out.setdefault(row[0], []).append(tuple(row[1:]))
    return out


def _read_timexes(store: Store, ids: Iterable[str], known: dict[str, list[Timex]]) -> dict[str, list[Timex]]:
    """``known`` with the time expressions of those of ``ids`` it lacks added (read in batches)."""
    missing = [a for a in dict.fromkeys(ids) if a not in known]
    rows = _by_article(store, 'SELECT article_id, start, "end", text, type, value FROM timexes', missing)
    known.update({a: [Timex(*r) for r in rows.get(a, [])] for a in missing})
    return known


def key_days(store: Store, events: list[TimelineEvent], records: dict[str, ArticleRecord], top: int,
             timexes: dict[str, list[Timex]] | None = None, *, since: str | None = None, until: str | None = None,
             recall: bool = True, told: dict[str, list[DaySentence]] | None = None
             ) -> tuple[set[str], list[TimelineEvent]]:
    """The ``top`` days of ``events`` that matter most (:func:`~storyline.stories.timeline.select_dates`,
    the method scored on Timeline17), and an event for each of them no report tells as its own news.

    Each report counts for the day it reports and for every other day its text refers back to ("on
    January 25, protesters ..."), so a milestone later reports keep naming outranks a day that was
    only busy. Such a day may have no event of its own (the corpus starts later): it is kept when a
    sentence recalling it can summarise it (:func:`~storyline.stories.digest.recalled_event`), and
    its event is returned (``recall``: False keeps to days with events); ``since`` and ``until``
    bound those days as they bound the events; ``told``: :func:`told_days` already read (filled in)."""
    ids = [a for e in events for a in e.article_ids]
    read = _read_timexes(store, ids, {} if timexes is None else timexes)
    refs = {a: referenced_days(read[a]) for a in ids}
    evidence = [(records[a].event.date, refs[a]) for a in ids]
    dated = {e.date for e in events if e.date}
    naming: dict[str, list[str]] = defaultdict(list)  # day → the articles whose text names it
    for a in ids:
        for day in refs[a]:
            naming[day].append(a)
    story_of = {a: records[a].story_id for a in ids}
    outlets_of = {a: [o for o in (records[a].outlet, *records[a].copies) if o] for a in ids}
    recalled: dict[str, TimelineEvent] = {}
    told = {} if told is None else told  # an article's day sentences, read once whatever days it names

    def shown(day: str) -> bool:
        if day in dated:
            return True
        if not recall or not _within_day(day, since, until):
            return False
        later = [a for a in naming[day] if recalls(records[a].published, day)]  # only those are read
        if not later:
            return False
        _read_told(store, later, records, read, told)
        found = [d for a in later for d in told[a]]
        event = recalled_event(day, found, story_of, outlets_of, {a: records[a].published for a in later})
        if event is not None:
            recalled[day] = event
        return event is not None

    days = set(select_dates(evidence, top, keep=shown))
    kept = [e for d, e in recalled.items() if d in days]
    _describe_recalled(store, kept)
    return days, kept


def _describe_recalled(store: Store, events: Iterable[TimelineEvent], limit: int = 5) -> None:
    """Give each recalled event what its summary sentence tells of the day, each fact with the span
    it was read from: where it happened and what kind of event it was, read as an event's are
    from a report's lead (:func:`~storyline.stories.events.find_place`,
    :func:`~storyline.stories.events.find_kind`), and the people and organisations it names, as
    ``named`` (who took part is read from a report of the day, and there is none)."""
    sources = [(e, src) for e in events if (src := e.source("summary")) is not None]
    texts = _texts(store, list({src.article_id for _, src in sources}))
    for e, src in sources:
        rows = store.db.execute(
            'SELECT start, "end", text, label, entity_id FROM mentions WHERE article_id = ? AND start >= ? '
            'AND "end" <= ? ORDER BY start', (src.article_id, src.start, src.end)).fetchall()
        text = texts.get(src.article_id, "")
        f = ArticleFeatures(src.article_id, text, mentions=[Mention(*r) for r in rows])
        lead = [Sentence(src.start, src.end)]
        place, _venue = find_place(f, lead)
        if place is not None:
            e.place = place_name(place.text)
            e.evidence.append(FactSource("place", e.place, src.article_id, place.start, place.end, place.text))
        kind, span = find_kind(f, lead)
        if kind is not None and span is not None:
            e.kind = kind
            e.evidence.append(FactSource("kind", kind, src.article_id, *span, text[span[0]:span[1]]))
        named = [r for r in rows if r[3] in ("PERSON", "ORG") and r[4]]
        names = store.entity_names({r[4] for r in named})
        for start, end, said, _label, entity_id in named:
            if entity_id in e.named_ids or len(e.named) == limit:
                continue
            e.named.append(names.get(entity_id, said))
            e.named_ids.append(entity_id)
            e.evidence.append(FactSource("named", e.named[-1], src.article_id, start, end, said))


def word_prefixes(text: str) -> list[str]:
    """What every word an ``about`` filter matches (:func:`~storyline.stories.timeline.about_words`)
    starts with, as full-text prefixes: its stem but the last letter (a suffix may have changed it,
    "countr" for "countries"), split where the index splits words ("eastern-flank" → "eastern", "flan")."""
    out: list[str] = []
    for s in sorted(about_words(text)):
        out.extend(p for p in re.split(r"[\W_]+", s[:-1] if len(s) > 2 else s) if p)
    return list(dict.fromkeys(out))


def _within(events: list[TimelineEvent], since: str | None, until: str | None) -> list[TimelineEvent]:
    """The dated events from ``since`` to ``until`` (a partial ``until``, "2023", takes in its whole period)."""
    if not since and not until:
        return events
    return [e for e in events if e.date and _within_day(e.date, since, until)]


def _within_day(day: str, since: str | None, until: str | None) -> bool:
    return (not since or day >= since) and (not until or day[:len(until)] <= until)


def timeline_row(e: TimelineEvent) -> dict[str, Any]:
    """One event as ``storyline timeline --json`` prints it: ``TimelineEvent.row()`` plus
    ``participant_ids`` and ``named_ids`` (the entity id of each participant and of each one only
    named), ``date_hint`` (an undated event's coarse date in words), ``recalled`` (a day only later
    reports tell, :attr:`~storyline.stories.timeline.TimelineEvent.recalled`), ``outlets`` and
    ``quotes`` (``[{text, speaker, kind, outlets, articles}]``)."""
    row: dict[str, Any] = e.row()
    row["participant_ids"] = e.participant_ids
    row["named_ids"] = e.named_ids
    row["date_hint"] = e.date_hint
    row["recalled"] = e.recalled
    row["outlets"] = e.outlets
    row["quotes"] = [quote_row(g) for g in e.quotes]
    return row


def quote_row(g: QuoteGroup) -> dict[str, Any]:
    """A key statement as ``storyline timeline --json`` prints it: ``{id, text, speaker, speaker_mention,
    kind, outlets, articles, first, latest}``, ``id`` the statement's (``st12``: ``Store.statement``, the
    web's ``/statements/st12``; null in a store whose quotations were not filed at ingest),
    ``speaker_mention`` how reports word a speaker none names ("police";
    :attr:`~storyline.stories.quotes.QuoteGroup.speaker_mention`), the last two its first and latest
    report (:func:`report_row`)."""
    return {"id": g.id if is_stored_id(g.id) else None, "text": g.text, "speaker": g.speaker,
            "speaker_mention": g.speaker_mention, "kind": g.kind, "outlets": g.outlets, "articles": g.articles,
            "first": report_row(g.first), "latest": report_row(g.latest)}


def report_row(o: Occurrence) -> dict[str, Any]:
    """One report of a statement: ``{date, outlet, article_id, quote_id}`` (``date``: when it was said,
    else the article's publication date; ``quote_id`` locates the span, as in ``storyline quotes --json``)."""
    return {"date": o.date, "outlet": o.outlet, "article_id": o.article_id, "quote_id": o.quote_id}


def statements(store: Store, *, speaker: str | None = None, about: str | None = None, kind: str | None = None,
               since: str | None = None, min_articles: int = 1, limit: int | None = 50) -> list[QuoteGroup]:
    """The statements of the quotations a filter picks, each with every report of it.

    The statements that the quotations ``Store.quotes`` returns for ``speaker``, ``about``, ``kind``
    and ``since`` were filed into at ingest (:mod:`storyline.store.statements`: one speaker, mostly
    the same words, translation variants included), each with every report of it in the store: a
    statement first reported before ``since`` and reported again after it shows its first report.

    Returns:
        The statements reported by at least ``min_articles`` articles, those carried by the most
        outlets first, then by the most articles and reports; of equals, the speaker's own words
        before a paraphrase (:func:`~storyline.stories.quotes.kind_rank`), then the earliest; at most
        ``limit``.
    """
    picked = store.quote_ids(speaker=speaker, about=about, kind=kind, since=since)
    ranked = rank_statements(store.statement_groups(quote_ids=picked), min_articles)
    return ranked[:limit] if limit else ranked


def group_statements(occurrences: list[Occurrence], min_articles: int = 1) -> list[QuoteGroup]:
    """The statements of ``occurrences`` (in the order said) reported by at least ``min_articles``
    articles, in :func:`statements`' order."""
    return rank_statements(aggregate(occurrences), min_articles)


def rank_statements(groups: Iterable[QuoteGroup], min_articles: int = 1) -> list[QuoteGroup]:
    """The statements reported by at least ``min_articles`` articles, in :func:`statements`' order."""
    kept = [g for g in groups if len(g.articles) >= min_articles]
    kept.sort(key=lambda g: (-len(g.outlets), -len(g.articles), -len(g.occurrences), kind_rank(g),
                             g.first.date is None, g.first.date or ""))
    return kept


def statement_row(g: QuoteGroup) -> dict[str, Any]:
    """A statement as ``storyline quotes --grouped --json`` prints it: :func:`quote_row` plus
    ``speaker_id``, ``reports`` (quotations of it: one article may quote it twice) and ``wordings``
    (``[{text, kind, reports}]``: the other ways reports word it, most used first — a part of it, a
    translation variant, a paraphrase)."""
    main = g.text
    counts = Counter(o.text for o in g.occurrences if o.text != main)
    kinds = {o.text: o.kind for o in reversed(g.occurrences)}  # the first report's kind of each wording
    return {**quote_row(g), "speaker_id": g.speaker_id, "reports": len(g.occurrences),
            "wordings": [{"text": t, "kind": kinds[t], "reports": n} for t, n in counts.most_common()]}


def statement_detail_row(g: QuoteGroup) -> dict[str, Any]:
    """One statement with every report of it: :func:`statement_row` plus ``every_report``
    (``[{date, outlet, article_id, quote_id, text, kind, speaker, speaker_mention}]``, in the order said)."""
    return {**statement_row(g), "every_report": [{**report_row(o), "text": o.text, "kind": o.kind,
                                                  "speaker": o.speaker, "speaker_mention": o.speaker_mention}
                                                 for o in g.occurrences]}


def _texts(store: Store, ids: list[str]) -> dict[str, str]:
    """``{article id: clean text}`` of the given articles."""
    return {r[0]: r[1] for r in rows_in(store.db, "SELECT id, text FROM articles WHERE id IN ({ids})", ids)}
