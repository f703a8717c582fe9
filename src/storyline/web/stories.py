"""Stories for the pages and the API: the list, one story, and its timeline.

The list and a story's articles are plain read-only SQL over the stories stage's tables
(``stories``, ``story_articles``, ``duplicates``; see docs/stories.md). The timeline comes from
the library (:func:`storyline.stories.query.build_timeline`), the same function
``storyline timeline`` calls; this module only adds what a page links to: article titles,
copies, the span of each key quotation and the people's ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline.store.sql import rows_in
from storyline.store.stories import LATEST_FIRST, estimates, story_history
from storyline.web.queries import Caps, Conn, PageSpec, Paged, Row, fetch_all, scalar
from storyline.web.state import ApiError

if TYPE_CHECKING:
    from storyline.stories.timeline import TimelineEvent
    from storyline.store import Store

def _outlets(db: Conn, story_ids: list[str]) -> dict[str, list[str]]:
    """``{story id: outlets of its articles, copies included, by publication date}``."""
    out: dict[str, list[str]] = {}
    for sid, outlet in rows_in(db, "SELECT sa.story_id, a.outlet FROM story_articles sa JOIN articles a"
                                   " ON a.id = sa.article_id WHERE sa.story_id IN ({ids}) AND a.outlet IS NOT NULL"
                                   " ORDER BY a.published IS NULL, a.published, sa.article_id", story_ids):
        names = out.setdefault(sid, [])
        if outlet not in names:
            names.append(outlet)
    return out


def list_stories(db: Conn, caps: Caps, spec: PageSpec, min_articles: int = 1) -> Paged:
    """Stories of at least ``min_articles`` articles, latest first, ``{id, title, start, end, articles,
    outlets}``; an empty page before the stories stage created its tables."""
    if not caps.stories:
        return Paged([], 0, spec)
    total = scalar(db, "SELECT count(*) FROM stories WHERE articles >= ?", (min_articles,))
    rows = fetch_all(db, f'SELECT id, title, start, "end", articles FROM stories WHERE articles >= ? {LATEST_FIRST}'
                         " LIMIT ? OFFSET ?", (min_articles, spec.per_page, spec.offset))
    outlets = _outlets(db, [r["id"] for r in rows])
    implied = estimates(db, [r["id"] for r in rows if not r["start"]])
    for r in rows:
        r["outlets"] = outlets.get(r["id"], [])
        r["estimate"] = implied.get(r["id"])
    return Paged(rows, total, spec)


def get_story(db: Conn, caps: Caps, story_id: str) -> Row | None:
    """One story, ``{id, title, start, end, articles, outlets, article_ids}``, or None."""
    if not caps.stories:
        return None
    rows = fetch_all(db, 'SELECT id, title, start, "end", articles FROM stories WHERE id = ?', (story_id,))
    if not rows:
        return None
    story = rows[0]
    story["outlets"] = _outlets(db, [story_id]).get(story_id, [])
    story["estimate"] = estimates(db, [story_id]).get(story_id) if not story["start"] else None
    story["article_ids"] = [r[0] for r in db.execute(
        "SELECT sa.article_id FROM story_articles sa LEFT JOIN articles a ON a.id = sa.article_id"
        " WHERE sa.story_id = ? ORDER BY a.published IS NULL, a.published, sa.article_id", (story_id,))]
    story["history"] = story_history(db, story_id)
    return story


def _articles(db: Conn, story_id: str) -> dict[str, Row]:
    """The story's original articles ``{id: {id, title, outlet, published, copies: [...]}}``; copies
    (folded duplicates) sit under the article they copy."""
    rows = fetch_all(db, "SELECT a.id, a.title, a.outlet, a.published, d.copy_of FROM story_articles sa"
                         " JOIN articles a ON a.id = sa.article_id LEFT JOIN duplicates d ON d.article_id = a.id"
                         " WHERE sa.story_id = ? ORDER BY a.published IS NULL, a.published, a.id", (story_id,))
    originals = {r["id"]: {**r, "copies": []} for r in rows if not r["copy_of"]}
    for r in rows:
        if r["copy_of"] in originals:
            originals[r["copy_of"]]["copies"].append(r)
    return originals


def _known(db: Conn, caps: Caps, ids: set[str]) -> set[str]:
    """The ids of ``ids`` the entities table holds (a person page exists for them)."""
    if not caps.entities or not ids:
        return set()
    return {r[0] for r in rows_in(db, "SELECT id FROM entities WHERE id IN ({ids})", sorted(ids))}


def _quote(g: Any) -> Row:
    """A statement with the span of its first report (``article_id``, ``quote_id``: ``#q-<quote id>``)."""
    from storyline.stories.query import quote_row

    first = g.first
    return {**quote_row(g), "speaker_id": g.speaker_id, "article_id": first.article_id, "quote_id": first.quote_id}


def event_rows(events: list[TimelineEvent]) -> list[Row]:
    """Events for the API: ``storyline timeline --json`` rows, each quotation with its span."""
    from storyline.stories.query import timeline_row

    rows = []
    for e in events:
        row = timeline_row(e)
        row["quotes"] = [_quote(g) for g in e.quotes]
        rows.append(row)
    return rows


def timeline(store: Store, caps: Caps, *, story: str | None = None, person: str | None = None,
             about: str | None = None, since: str | None = None, until: str | None = None,
             top: int | None = None) -> list[TimelineEvent]:
    """:func:`~storyline.stories.query.build_timeline` on a store that has the stories tables (else ``[]``)."""
    if not caps.stories:
        return []
    from storyline.stories.query import UnknownStoryError, build_timeline

    try:
        return build_timeline(store, story=story, person=person, about=about, since=since, until=until, top=top)
    except UnknownStoryError:  # a story row without events (nothing filed into it yet)
        return []


#: what a timeline is of: ``GET /timeline`` and ``/api/timeline`` need one of these
TIMELINE_FILTERS = ("about", "person", "story", "since", "until")
#: the query parameters of a timeline: its filters, and how many key days to keep
TIMELINE_PARAMS = (*TIMELINE_FILTERS, "top")


@dataclass(frozen=True, slots=True)
class TimelineQuery:
    """A timeline's filters (blank: none), as ``storyline timeline`` takes them."""

    about: str | None = None
    person: str | None = None
    story: str | None = None
    since: str | None = None
    until: str | None = None
    top: int | None = None  #: only the events of the days that matter most (not a filter of its own)

    @classmethod
    def of(cls, top: str | int | None = None, **values: str | None) -> TimelineQuery:
        """The filters, blanks dropped; a date that is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or a
        ``top`` that is not a positive number, raises a 400 that says so."""
        clean = {k: (v or "").strip() or None for k, v in values.items()}
        for name in ("since", "until"):
            if clean[name] and not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", clean[name]):
                raise ApiError(400, "bad_date", f"{name}={clean[name]!r} is not a date: give YYYY, YYYY-MM or "
                                                f"YYYY-MM-DD (2023-06-29)")
        text = str(top).strip() if top is not None else ""
        if text and not (text.isdigit() and int(text) > 0):
            raise ApiError(400, "bad_top", f"top={text!r} is not a number of days: give a whole number from 1 (top=20)")
        return cls(**clean, top=int(text) if text else None)

    @property
    def filtered(self) -> bool:
        return any((self.about, self.person, self.story, self.since, self.until))

    @property
    def empty(self) -> bool:
        """Neither a filter nor a number of key days: the whole store, unbounded."""
        return not self.filtered and self.top is None


def filtered_timeline(store: Store, caps: Caps, query: TimelineQuery) -> list[TimelineEvent]:
    """The events :class:`TimelineQuery` picks; a query with neither a filter nor ``top`` is refused
    (400): the whole store's timeline is ``storyline timeline`` or the ``events`` export, not one
    response, while its ``top`` key days are a bounded one."""
    if query.empty:
        raise ApiError(400, "no_filter", "a timeline needs one of about, person, story, since, until or top "
                                         "(/timeline?about=Belarus, /timeline?top=20); the whole store's is "
                                         "`storyline timeline`")
    return timeline(store, caps, story=query.story, person=query.person, about=query.about, since=query.since,
                    until=query.until, top=query.top)


def event_views(db: Conn, caps: Caps, events: list[TimelineEvent]) -> list[Row]:
    """Events for the templates: the API row plus the articles (with titles and copies) and linked people."""
    story_ids = list(dict.fromkeys(e.story_id for e in events))
    known = _known(db, caps, {k for e in events for k in [*e.participant_ids, *e.named_ids] if k})
    articles: dict[str, Row] = {}
    for sid in story_ids:
        articles.update(_articles(db, sid))
    rows = event_rows(events)
    speakers = _known(db, caps, {q["speaker_id"] for row in rows for q in row["quotes"] if q["speaker_id"]})
    views = []
    for e, row in zip(events, rows):
        row["people"] = [{"name": n, "id": k if k in known else None}
                         for n, k in zip(e.participants, e.participant_ids)]
        row["also_named"] = [{"name": n, "id": k if k in known else None} for n, k in zip(e.named, e.named_ids)]
        for q in row["quotes"]:
            q["person_id"] = q["speaker_id"] if q["speaker_id"] in speakers else None
        row["articles"] = [articles.get(a) or {"id": a, "title": None, "outlet": None, "published": None,
                                                "copies": []} for a in e.article_ids]
        views.append(row)
    return views
