"""Read-only SQL behind the pages and the JSON API.

Every function takes a connection opened read-only for one request
(``Store(path, readonly=True).db``) and returns plain dicts, so the API can
validate them with pydantic models and the templates can render them. Later
stages add tables (quotes, entities, stories) in their own migrations; what a
store holds is detected per request (:class:`Caps`) so the server works on a
store of any age and lights up as stages land. Search text always goes to FTS5
as a bound parameter; an FTS5 syntax error becomes :class:`SearchSyntaxError`.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field, replace
from typing import Any

from storyline.excerpt import excerpt
from storyline.store.sql import contains

Conn = sqlite3.Connection
Row = dict[str, Any]

#: ``?per_page=`` is capped here so one request cannot ask for the whole store.
MAX_PER_PAGE = 100
#: Quotes a grouped view reads the statements of at most (the latest): reading a quote's statement
#: with all its reports costs about 0.08 ms (grouping at request time, in a store from before
#: ``m008_statements``, 0.25 ms), and a page should answer in seconds; a filter narrows what it reads
MAX_GROUPED_QUOTES = 20_000
#: Columns of a Quote record (storyline.records.Quote) the quotes table may hold.
QUOTE_FIELDS = ("article_id", "text", "start", "end", "kind", "pieces", "speaker_mention", "speaker_start",
                "speaker_end", "speaker", "speaker_id", "cue", "confidence", "said_on")
QUOTE_KINDS = ("direct", "partial", "headline", "indirect")
#: Mention labels shown as people / organisations / places when there is no entities table yet.
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")


class SearchSyntaxError(ValueError):
    """The search text is not valid FTS5 syntax (the API answers 400)."""


@dataclass(frozen=True, slots=True)
class PageSpec:
    page: int = 1
    per_page: int = 20

    @classmethod
    def of(cls, page: int | None, per_page: int | None, default: int = 20) -> PageSpec:
        return cls(max(1, page or 1), max(1, min(per_page or default, MAX_PER_PAGE)))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass(slots=True)
class Paged:
    items: list[Row]
    total: int
    spec: PageSpec

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.spec.per_page))

    def as_dict(self) -> Row:
        return {"items": self.items, "total": self.total, "page": self.spec.page,
                "per_page": self.spec.per_page, "pages": self.pages}


@dataclass(frozen=True, slots=True)
class Filters:
    q: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    kind: str | None = None  #: article | quote | direct | partial | headline | indirect
    date_from: str | None = None
    date_to: str | None = None
    article_id: str | None = None


@dataclass(slots=True)
class Caps:
    """Which optional tables this store has (they arrive with later migrations)."""

    tables: set[str] = field(default_factory=set)
    quote_columns: set[str] = field(default_factory=set)
    mention_columns: set[str] = field(default_factory=set)
    entity_columns: set[str] = field(default_factory=set)
    role_columns: set[str] = field(default_factory=set)
    entity_rows: bool = False

    @classmethod
    def of(cls, db: Conn) -> Caps:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        cols = lambda t: {r[1] for r in db.execute(f"PRAGMA table_info({t})")} if t in tables else set()  # noqa: E731
        caps = cls(tables, cols("quotes"), cols("mentions"), cols("entities"), cols("entity_roles"))
        # an entities table the entity stage has not filled yet (a store ingested before it) is no use
        caps.entity_rows = bool(caps.entity_columns) and db.execute("SELECT 1 FROM entities LIMIT 1").fetchone() \
            is not None
        return caps

    @property
    def quotes(self) -> bool:
        return {"article_id", "start", "end", "text"} <= self.quote_columns

    @property
    def quotes_fts(self) -> bool:
        return self.quotes and "quotes_fts" in self.tables

    @property
    def entities(self) -> bool:
        # canonical entities (storyline.records.Entity); a table of another shape is ignored, not a 500
        return {"id", "name", "type"} <= self.entity_columns and self.entity_rows

    @property
    def roles(self) -> bool:
        return {"entity_id", "title"} <= self.role_columns

    @property
    def stories(self) -> bool:
        """The stories stage's tables (migration m005; see storyline.web.stories)."""
        return {"stories", "story_articles", "events", "duplicates"} <= self.tables


def fetch_all(db: Conn, sql: str, args: tuple | list = ()) -> list[Row]:
    return [dict(r) for r in db.execute(sql, tuple(args))]


def scalar(db: Conn, sql: str, args: tuple | list = ()) -> Any:
    return db.execute(sql, tuple(args)).fetchone()[0]


def _match(db: Conn, sql: str, args: list) -> list[Row]:
    """Run a statement holding ``MATCH ?``; FTS5 syntax errors become SearchSyntaxError."""
    try:
        return fetch_all(db, sql, args)
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if any(w in message for w in ("locked", "disk", "malformed", "no such table")):
            raise
        raise SearchSyntaxError(
            f"not a valid search ({message}); put words in double quotes to search for them literally, "
            'e.g. "air defence"') from None


# -- store --------------------------------------------------------------------
def summary(db: Conn, caps: Caps) -> Row:
    return {
        "articles": scalar(db, "SELECT count(*) FROM articles"),
        "outlets": scalar(db, "SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL"),
        "mentions": scalar(db, "SELECT count(*) FROM mentions"),
        "quotes": scalar(db, "SELECT count(*) FROM quotes") if caps.quotes else None,
        "entities": scalar(db, "SELECT count(*) FROM entities") if caps.entities else None,
        "stories": scalar(db, "SELECT count(*) FROM stories") if caps.stories else None,
        "first_published": scalar(db, "SELECT min(published) FROM articles"),
        "last_published": scalar(db, "SELECT max(published) FROM articles"),
    }


def outlets(db: Conn) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1")]


# -- articles -----------------------------------------------------------------
_ARTICLE_COLS = ("a.id, a.title, a.published, a.published_inferred, a.outlet, a.language, a.words, a.url,"
                 " substr(a.text, 1, 200) AS lead")


def _article_where(f: Filters) -> tuple[str, list]:
    where, args = ["1"], []
    if f.outlet:
        where.append("a.outlet = ?")
        args.append(f.outlet)
    if f.date_from:
        where.append("a.published >= ?")
        args.append(f.date_from)
    if f.date_to:
        where.append("a.published <= ?")
        args.append(f.date_to)
    return " AND ".join(where), args


def list_articles(db: Conn, f: Filters, spec: PageSpec) -> Paged:
    where, args = _article_where(f)
    total = scalar(db, f"SELECT count(*) FROM articles a WHERE {where}", args)
    rows = fetch_all(db, f"SELECT {_ARTICLE_COLS} FROM articles a WHERE {where}"
                    " ORDER BY a.published IS NULL, a.published DESC, a.source LIMIT ? OFFSET ?",
                [*args, spec.per_page, spec.offset])
    return Paged([_article_summary(r) for r in rows], total, spec)


def _article_summary(r: Row) -> Row:
    r["published_inferred"] = bool(r.get("published_inferred"))
    if not r.get("title"):  # no headline: show the lead, the page marks it as such
        r["lead"] = (r.get("lead") or "").split("\n", 1)[0]
    return r


def search_articles(db: Conn, f: Filters, spec: PageSpec) -> Paged:
    where, args = _article_where(f)
    base = f" FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? AND {where}"
    total = _match(db, "SELECT count(*) AS n" + base, [f.q, *args])[0]["n"]
    rows = _match(db, f"SELECT {_ARTICLE_COLS}, snippet(articles_fts, 1, char(2), char(3), ' … ', 16) AS snippet"
                      + base + " ORDER BY rank LIMIT ? OFFSET ?", [f.q, *args, spec.per_page, spec.offset])
    return Paged([_article_summary(r) for r in rows], total, spec)


def article_facets(db: Conn, f: Filters) -> list[Row]:
    """Outlets of the articles matching ``f.q`` (ignoring the outlet filter), with counts."""
    where, args = _article_where(Filters(date_from=f.date_from, date_to=f.date_to))
    if f.q:
        sql = ("SELECT a.outlet AS value, count(*) AS count FROM articles_fts JOIN articles a"
               f" ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? AND {where}")
        return _match(db, sql + " GROUP BY a.outlet ORDER BY count DESC, value LIMIT 30", [f.q, *args])
    return fetch_all(db, f"SELECT a.outlet AS value, count(*) AS count FROM articles a WHERE {where}"
                    " GROUP BY a.outlet ORDER BY count DESC, value LIMIT 30", args)


def resolve_article(db: Conn, article_id: str) -> str | None:
    """A full id from an id or a unique prefix of 4+ characters (as the CLI accepts)."""
    row = db.execute("SELECT id FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row:
        return row[0]
    if len(article_id) >= 4 and all(c in "0123456789abcdef" for c in article_id):
        rows = db.execute("SELECT id FROM articles WHERE id LIKE ? LIMIT 2", (article_id + "%",)).fetchall()
        if len(rows) == 1:
            return rows[0][0]
    return None


def get_article(db: Conn, caps: Caps, article_id: str) -> Row | None:
    full = resolve_article(db, article_id)
    if full is None:
        return None
    row = dict(db.execute("SELECT * FROM articles WHERE id = ?", (full,)).fetchone())
    row.pop("raw_text")
    row.pop("offsets")
    row["published_inferred"] = bool(row["published_inferred"])
    row["credits"] = json.loads(row["credits"] or "[]")
    row["captions"] = json.loads(row["captions"] or "[]")
    row["removed"] = fetch_all(db, "SELECT line_no, line, reason FROM removed_lines WHERE article_id = ?"
                                   " ORDER BY line_no",
                          (full,))
    row["mentions"] = article_mentions(db, caps, full)
    row["quotes"] = list_quotes(db, caps, Filters(article_id=full), PageSpec(1, 10_000), order="offset").items \
        if caps.quotes else []
    row["sources"] = [r[0] for r in db.execute("SELECT source FROM sources WHERE article_id = ? ORDER BY 1", (full,))]
    return row


def article_mentions(db: Conn, caps: Caps, article_id: str) -> list[Row]:
    entity = ", m.entity_id" if "entity_id" in caps.mention_columns else ", NULL AS entity_id"
    rows = fetch_all(db, f'SELECT m.start, m."end", m.text, m.label{entity} FROM mentions m WHERE m.article_id = ?'
                    " ORDER BY m.start", (article_id,))
    names = _entity_names(db, caps, {r["entity_id"] for r in rows if r["entity_id"]})
    for r in rows:
        r["entity"] = names.get(r["entity_id"]) if r["entity_id"] else None
        r["person_id"] = r["entity_id"] or surface_id(r["label"], r["text"])
    return rows


# -- quotes -------------------------------------------------------------------
def _quote_select(caps: Caps) -> str:
    cols = [f'q."{c}"' if c in caps.quote_columns else f'NULL AS "{c}"' for c in QUOTE_FIELDS]
    return (f"SELECT {_quote_id(caps)} AS id, {', '.join(cols)}, a.title AS article_title, a.outlet, a.published,"
            f" {quote_date(caps)} AS date,"
            " (SELECT min(s.start) FROM sentences s WHERE s.article_id = q.article_id"
            '  AND s."end" > q.start AND s.start < q."end") AS ctx_start,'
            ' (SELECT max(s."end") FROM sentences s WHERE s.article_id = q.article_id'
            '  AND s."end" > q.start AND s.start < q."end") AS ctx_end,'
            " a.text AS _text")


def _quote_id(caps: Caps) -> str:
    """The quote's id (``article:start-end``), stored or, in an older store, built."""
    return "CAST(q.id AS TEXT)" if "id" in caps.quote_columns else "q.article_id || ':' || q.start || '-' || q.\"end\""


def quote_date(caps: Caps) -> str:
    """When a quote was said: its own date when the time stage found one, else the article's."""
    return "coalesce(q.said_on, a.published)" if "said_on" in caps.quote_columns else "a.published"


def _quote_where(caps: Caps, f: Filters) -> tuple[str, str, list]:
    """(FROM clause, WHERE clause, args) for quotes matching the filters."""
    frm, where, args = " FROM quotes q JOIN articles a ON a.id = q.article_id", ["1"], []
    if f.q:
        if caps.quotes_fts:
            frm += " JOIN quotes_fts ON quotes_fts.rowid = q.rowid"
            where.append("quotes_fts MATCH ?")
            args.append(f.q)
        else:  # no FTS table for quotes: substring search
            where.append("q.text LIKE ? ESCAPE '\\'")
            args.append(contains(f.q))
    if f.speaker:
        where.append("(q.speaker = ? OR q.speaker_id = ?)" if "speaker_id" in caps.quote_columns else "q.speaker = ?")
        args.extend([f.speaker, f.speaker] if "speaker_id" in caps.quote_columns else [f.speaker])
    if f.outlet:
        where.append("a.outlet = ?")
        args.append(f.outlet)
    if f.kind in QUOTE_KINDS and "kind" in caps.quote_columns:
        where.append("q.kind = ?")
        args.append(f.kind)
    date = quote_date(caps)
    if f.date_from:
        where.append(f"{date} >= ?")
        args.append(f.date_from)
    if f.date_to:
        where.append(f"{date} <= ?")
        args.append(f.date_to)
    if f.article_id:
        where.append("q.article_id = ?")
        args.append(f.article_id)
    return frm, " WHERE " + " AND ".join(where), args


def list_quotes(db: Conn, caps: Caps, f: Filters, spec: PageSpec, *, order: str = "date") -> Paged:
    if not caps.quotes:
        return Paged([], 0, spec)
    frm, where, args = _quote_where(caps, f)
    total = _match(db, "SELECT count(*) AS n" + frm + where, args)[0]["n"]
    order_by = {"date": "date IS NULL, date, a.id, q.start", "latest": "date IS NULL, date DESC, a.id, q.start",
                "offset": "q.start",
                "rank": "quotes_fts.rank" if f.q and caps.quotes_fts else "date IS NULL, date, q.start"}[order]
    # the search words marked in the quote (\x02 … \x03, like snippets)
    hl = ", highlight(quotes_fts, 0, char(2), char(3)) AS highlight" if f.q and caps.quotes_fts \
        else ", NULL AS highlight"
    rows = _match(db, _quote_select(caps) + hl + frm + where + f" ORDER BY {order_by} LIMIT ? OFFSET ?",
                  [*args, spec.per_page, spec.offset])
    return Paged([_quote(r) for r in rows], total, spec)


@dataclass(slots=True)
class StatementPage:
    """A page of statements, the number of quotes grouped, and whether those were only the latest
    :data:`MAX_GROUPED_QUOTES` of the quotes the filters pick."""

    page: Paged
    quotes: int
    capped: bool


def list_statements(db: Conn, caps: Caps, f: Filters, spec: PageSpec, min_articles: int = 1) -> StatementPage:
    """Statements (``storyline quotes --grouped``) of the quotes the filters pick, most carried first,
    as ``statement_row`` gives them plus ``person_id`` (the speaker's page). Empty before the quotes
    stage; bad FTS5 syntax raises :class:`SearchSyntaxError`."""
    if not caps.quotes:
        return StatementPage(Paged([], 0, spec), 0, False)
    from storyline.store.statements import report_groups
    from storyline.stories.query import group_statements, rank_statements, statement_row
    from storyline.stories.quotes import Occurrence

    frm, where, args = _quote_where(caps, f)
    col = lambda c: f'q."{c}"' if c in caps.quote_columns else f'NULL AS "{c}"'  # noqa: E731
    rows = _match(db, f"SELECT {_quote_id(caps)} AS id, q.article_id, q.text, q.speaker, {col('speaker_id')},"
                      f" {col('kind')}, {quote_date(caps)} AS date, a.outlet, {col('speaker_mention')}{frm}{where}"
                      " ORDER BY date IS NOT NULL, date DESC, a.id DESC, q.start DESC LIMIT ?",
                  [*args, MAX_GROUPED_QUOTES + 1])
    capped = len(rows) > MAX_GROUPED_QUOTES
    rows = rows[:MAX_GROUPED_QUOTES][::-1]  # the latest, grouped in the order they were said
    if "statement_quotes" in caps.tables:  # filed at ingest: each with every report of it in the store
        groups = rank_statements(report_groups(db, quote_ids=[r["id"] for r in rows]), min_articles)
    else:
        groups = group_statements([Occurrence(r["id"], r["article_id"], r["text"], r["speaker"], r["speaker_id"],
                                              r["date"], r["outlet"], r["kind"], r["speaker_mention"]) for r in rows],
                                  min_articles)
    items = []
    for g in groups[spec.offset:spec.offset + spec.per_page]:
        row = statement_row(g)
        row["person_id"] = g.speaker_id or (surface_id("PERSON", g.speaker) if g.speaker else None)
        items.append(row)
    return StatementPage(Paged(items, len(groups), spec), len(rows), capped)


def get_statement(db: Conn, caps: Caps, statement_id: str) -> Row | None:
    """One statement filed at ingest, as ``statement_detail_row`` gives it plus ``person_id`` (the
    speaker's page) and each report's ``article_title``; None when the store has no such statement."""
    if "statement_quotes" not in caps.tables:
        return None
    from storyline.store.statements import stored_groups
    from storyline.stories.query import statement_detail_row

    found = stored_groups(db, [statement_id])
    if not found:
        return None
    g = found[0]
    row = statement_detail_row(g)
    row["person_id"] = g.speaker_id or (surface_id("PERSON", g.speaker) if g.speaker else None)
    titles = dict(db.execute(f"SELECT id, title FROM articles WHERE id IN ({','.join('?' * len(g.articles))})",
                             g.articles).fetchall())
    for r in row["every_report"]:
        r["article_title"] = titles.get(r["article_id"])
    return row


def _quote(r: Row) -> Row:
    text = r.pop("_text") or ""
    r["pieces"] = [list(p) for p in json.loads(r["pieces"])] if isinstance(r["pieces"], str) and r["pieces"] \
        else [[r["start"], r["end"]]]
    cut = excerpt(text, r["start"], r["end"], sentence=(r.pop("ctx_start"), r.pop("ctx_end")),
                  pieces=[(s, e) for s, e in r["pieces"]])
    r["context"] = {"text": cut.text, "pieces": [list(p) for p in cut.pieces]}
    r["person_id"] = r["speaker_id"] or (surface_id("PERSON", r["speaker"]) if r["speaker"] else None)
    return r


def quote_facets(db: Conn, caps: Caps, f: Filters) -> dict[str, list[Row]]:
    """Counts by speaker, outlet and kind of the quotes matching ``f``, each ignoring its own filter."""
    if not caps.quotes:
        return {"speaker": [], "outlet": [], "kind": []}
    out = {}
    for name, expr, own in (("speaker", "q.speaker", "speaker"), ("outlet", "a.outlet", "outlet"),
                            ("kind", "q.kind" if "kind" in caps.quote_columns else "NULL", "kind")):
        frm, where, args = _quote_where(caps, replace(f, **{own: None}))
        out[name] = _match(db, f"SELECT {expr} AS value, count(*) AS count{frm}{where}"
                               " GROUP BY value ORDER BY count DESC, value LIMIT 30", args)
    return out


def speakers(db: Conn, caps: Caps) -> list[str]:
    if not caps.quotes or "speaker" not in caps.quote_columns:
        return []
    return [r[0] for r in db.execute("SELECT speaker FROM quotes WHERE speaker IS NOT NULL"
                                     " GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT 300")]


# -- names ---------------------------------------------------------------------
def surface_id(label: str, text: str) -> str:
    """The id of a name as written, used until canonical entities exist: ``PERSON:Jens Stoltenberg``."""
    return f"{label}:{text}"


def _entity_names(db: Conn, caps: Caps, ids: set) -> dict:
    if not ids or not caps.entities:
        return {}
    marks = ",".join("?" * len(ids))
    return {r[0]: r[1] for r in db.execute(f"SELECT id, name FROM entities WHERE id IN ({marks})", tuple(ids))}


# -- search: quotes and articles at once ---------------------------------------
def search(db: Conn, caps: Caps, f: Filters, spec: PageSpec) -> Row:
    """Articles and quotes matching ``f.q`` with facet counts (kind, outlet, speaker) over all matches.

    ``kind`` picks what is listed: ``article``, ``quote`` (any kind of quote) or one quote kind.
    A speaker filter only applies to quotes, so it hides the articles.
    """
    empty = Paged([], 0, spec)
    quote_kind = None if f.kind in (None, "quote", "article") else f.kind
    articles = search_articles(db, f, spec) if not f.speaker else empty
    quotes = list_quotes(db, caps, replace(f, kind=quote_kind), spec, order="rank")
    qf = quote_facets(db, caps, replace(f, kind=quote_kind))
    kinds = ([{"value": "article", "count": articles.total}] if not f.speaker else []) + \
        [r for r in qf["kind"] if r["value"]]
    shown_articles = f.kind in (None, "article")
    shown_quotes = f.kind != "article"
    by_outlet: dict[str | None, int] = {}
    if shown_articles and not f.speaker:
        for r in article_facets(db, f):
            by_outlet[r["value"]] = by_outlet.get(r["value"], 0) + r["count"]
    if shown_quotes:
        for r in qf["outlet"]:
            by_outlet[r["value"]] = by_outlet.get(r["value"], 0) + r["count"]
    return {
        "q": f.q,
        "articles": articles if shown_articles else empty,
        "quotes": quotes if shown_quotes else empty,
        "facets": {"kind": kinds,
                   "outlet": [{"value": k, "count": v} for k, v in sorted(by_outlet.items(), key=lambda kv: -kv[1])],
                   "speaker": qf["speaker"]},
    }
