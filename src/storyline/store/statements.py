"""The statements tables (migration ``m008_statements``): quotations grouped at ingest, read back.

The same statement reported by several articles is one statement with several reports
(:mod:`storyline.stories.quotes`). The stories stage files every quotation as its article is
ingested (:class:`StoredStatements`), so every view — a timeline's key quotations, ``storyline
quotes --grouped``, the web's statements — reads one grouping of the whole store, and none groups
thousands of quotations while a user waits.

Tables: ``statements`` (each statement's words, wordings and speakers: what matching a new
quotation reads), ``statement_quotes`` (quote → statement; a quotation's row goes with it),
``statement_words`` (how many quotations hold each word) and ``statement_postings`` (word →
statements holding it, newest last). A batch writes what it filed, so saving costs what the batch
added; filing reads only the words and statements a new quotation needs, so it costs the same
however large the store.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from storyline.store.sql import rows_in
from storyline.stories.quotes import POSTING_CAP, Occurrence, QuoteAggregator, QuoteGroup, aggregate

PREFIX = "st"  #: stored statement ids: ``st1``, ``st2``, …
_STATE = "statements"  #: its row in ``story_state``: the next statement number
CACHE_GROUPS = 50_000  #: statements kept in memory between batches at most (:meth:`StoredStatements.trim`)
CACHE_WORDS = 20_000  #: posting lists kept ...
CACHE_QUOTES = 500_000  #: quotation → statement pairs kept ...


def has_tables(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'statement_quotes'").fetchone() is not None


class StoredStatements(QuoteAggregator):
    """A :class:`~storyline.stories.quotes.QuoteAggregator` resumed from a store: what it needs of
    earlier runs is read when first needed and kept for the next batches, and :meth:`trim` drops
    it all when it grows too large, so its memory stays bounded over a long ingest."""

    resumes = True

    def __init__(self, db: sqlite3.Connection) -> None:
        row = db.execute("SELECT data FROM story_state WHERE name = ?", (_STATE,)).fetchone()
        super().__init__(prefix=PREFIX, next_id=json.loads(row[0])["next"] if row else 1)
        self.db = db

    def _stored_statement_of(self, quote_id: str) -> str | None:
        row = self.db.execute("SELECT statement_id FROM statement_quotes WHERE quote_id = ?", (quote_id,)).fetchone()
        return row[0] if row else None

    def _stored_counts(self, words: list[str]) -> dict[str, int]:
        return dict(rows_in(self.db, "SELECT word, df FROM statement_words WHERE word IN ({ids})", words))

    def _stored_posting(self, word: str) -> list[str]:
        newest = self.db.execute("SELECT statement_id FROM statement_postings WHERE word = ? ORDER BY seq DESC LIMIT ?",
                                 (word, POSTING_CAP)).fetchall()
        return [r[0] for r in reversed(newest)]

    def _stored_group(self, gid: str) -> QuoteGroup | None:
        row = self.db.execute("SELECT words, sentences, speakers FROM statements WHERE id = ?", (gid,)).fetchone()
        if row is None:
            return None
        return QuoteGroup(gid, set(json.loads(row[0])), [frozenset(s) for s in json.loads(row[1])],
                          speaker_keys=set(json.loads(row[2])))

    def trim(self) -> None:
        """Call once a batch's changes are saved. What was read or filed stays in memory for the next
        batches (ingest is the store's one writer, so nothing else changes it) until it grows past
        :data:`CACHE_GROUPS` statements or :data:`CACHE_WORDS` posting lists: then it is all
        dropped, and read back from the store as needed, so memory stays bounded over a long ingest."""
        if len(self.groups) > CACHE_GROUPS or len(self._postings) > CACHE_WORDS \
                or len(self._group_of) > CACHE_QUOTES:
            self.forget()

    def forget(self) -> None:
        """Drop what was read or filed (once the changes are saved): it is in the store now."""
        self.groups.clear()
        self._df.clear()
        self._postings.clear()
        self._group_of.clear()
        self._counted_in.clear()
        self._posted_in.clear()


def statement_rows(changes: dict[str, list], next_id: int) -> dict[str, Any]:
    """``QuoteAggregator.take_changes()`` as the rows :func:`save_statements` writes."""
    return {"statements": [(g.id, json.dumps(sorted(g.tokens), ensure_ascii=False),
                            json.dumps([sorted(s) for s in g.sentences], ensure_ascii=False),
                            json.dumps(sorted(g.speaker_keys), ensure_ascii=False)) for g in changes["statements"]],
            "quotes": list(changes["quotes"]), "postings": list(changes["postings"]),
            "counts": list(changes["counts"]), "next": next_id}


def save_statements(db: sqlite3.Connection, rows: dict[str, Any]) -> None:
    """Write a batch's statements (inside the batch's transaction, after its quotations)."""
    db.executemany("INSERT OR REPLACE INTO statements (id, words, sentences, speakers) VALUES (?, ?, ?, ?)",
                   rows["statements"])
    db.executemany("INSERT OR REPLACE INTO statement_quotes (quote_id, statement_id) VALUES (?, ?)", rows["quotes"])
    db.executemany("INSERT INTO statement_postings (word, statement_id) VALUES (?, ?)", rows["postings"])
    db.executemany("INSERT OR REPLACE INTO statement_words (word, df) VALUES (?, ?)", rows["counts"])
    db.execute("INSERT OR REPLACE INTO story_state (name, data) VALUES (?, ?)",
               (_STATE, json.dumps({"next": rows["next"]})))


def report_groups(db: sqlite3.Connection, *, quote_ids: Iterable[str] = (),
                  article_ids: Iterable[str] = ()) -> list[QuoteGroup]:
    """The statements these quotations (and those of these articles) were filed into, each with
    every report of it in the store (first said first, and its reports in the order said).
    Quotations no statement holds (a store opened read-only before ``m008_statements`` ran) are
    grouped among themselves here."""
    found: set[str] = set()
    loose: list[str] = []
    stored = has_tables(db)
    for column, ids in (("id", list(dict.fromkeys(quote_ids))), ("article_id", list(dict.fromkeys(article_ids)))):
        sql = (("SELECT q.id, sq.statement_id FROM quotes q LEFT JOIN statement_quotes sq ON sq.quote_id = q.id"
                if stored else "SELECT q.id, NULL FROM quotes q") + f" WHERE q.{column} IN ({{ids}})")
        for qid, sid in rows_in(db, sql, ids):
            if sid is None:
                loose.append(qid)
            else:
                found.add(sid)
    grouped = stored_groups(db, found) if found else []
    if loose:
        unique = list(dict.fromkeys(loose))
        reports = [r for _, r in _reports(db, "q.id", unique, stored=stored)]
        grouped += aggregate(sorted(reports, key=lambda o: (o.date is None, o.date or "")))
    return grouped


def stored_groups(db: sqlite3.Connection, statement_ids: Iterable[str]) -> list[QuoteGroup]:
    """The stored statements of these ids (unknown ones left out), each with every report of it in
    the order said; the first said first."""
    out: dict[str, QuoteGroup] = {}
    ids = sorted(set(statement_ids)) if has_tables(db) else []
    out.update((sid, QuoteGroup(sid, set(json.loads(words)), speaker_keys=set(json.loads(speakers))))
               for sid, words, speakers in rows_in(db, "SELECT id, words, speakers FROM statements WHERE id IN ({ids})",
                                                   ids))
    for sid, report in _reports(db, "sq.statement_id", ids, stored=True):
        if sid in out:
            out[sid].occurrences.append(report)
    grouped = [g for g in out.values() if g.occurrences]
    for g in grouped:  # in the order said, as a grouping at query time gave them (undated last)
        g.occurrences.sort(key=lambda o: (o.date is None, o.date or ""))
    grouped.sort(key=lambda g: (g.first.date is None, g.first.date or "", len(g.id), g.id))
    return grouped


def is_stored_id(statement_id: str) -> bool:
    """Whether an id names a statement filed at ingest (one a link can name), not one grouped when read."""
    return statement_id.startswith(PREFIX) and statement_id[len(PREFIX):].isdigit()


def _reports(db: sqlite3.Connection, column: str, ids: list[str], *, stored: bool) -> list[tuple[str, Occurrence]]:
    """``(statement id, report)`` of the quotations whose ``column`` is one of ``ids``, in the order
    they were filed (within each batch of ids :func:`~storyline.store.sql.rows_in` asks); the
    statement id is the quote's own when it has none (``stored``: whether the store has the
    statement tables)."""
    join = " LEFT JOIN statement_quotes sq ON sq.quote_id = q.id" if stored else ""
    rows = rows_in(db,
        f"SELECT coalesce({'sq.statement_id' if stored else 'NULL'}, q.id), q.id, q.article_id, q.text, q.speaker,"
        f" q.speaker_id, q.said_on, q.kind, a.published, a.outlet, q.speaker_mention FROM quotes q{join}"
        f" JOIN articles a ON a.id = q.article_id WHERE {column} IN ({{ids}})"
        f" ORDER BY {'sq.rowid, ' if stored else ''}q.rowid", ids)
    return [(r[0], Occurrence(r[1], r[2], r[3], r[4], r[5], r[6] or r[8], r[9], r[7], r[10])) for r in rows]


def backfill(db: sqlite3.Connection) -> int:
    """Group the quotations a store already holds (a store ingested before ``m008_statements``), in
    the order their articles were stored (an article's headline quotations after its body's, as
    ingest files them); returns how many were filed."""
    agg = QuoteAggregator(prefix=PREFIX)
    n = 0
    for qid, aid, text, speaker, speaker_id, said_on, kind in db.execute(
            "SELECT q.id, q.article_id, q.text, q.speaker, q.speaker_id, q.said_on, q.kind FROM quotes q"
            " JOIN articles a ON a.id = q.article_id ORDER BY a.rowid, q.kind = 'headline', q.start, q.rowid"):
        agg.add(Occurrence(qid, aid, text, speaker, speaker_id, said_on, None, kind))
        n += 1
    if n:
        save_statements(db, statement_rows(agg.take_changes(), agg.next_id))
    return n
