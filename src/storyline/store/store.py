"""Persisting articles and reading them back.

The store is a single SQLite file in WAL mode, so one ingest process can write
while any number of readers (CLI queries, later the web server) read. Writes go
through :meth:`Store.save_batch`, one transaction per batch, so an interrupted
ingest never leaves half an article behind.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from storyline.errors import StoreError, UsageError
from storyline.records import AnalysedArticle, Caption, CleanArticle, Quote, RemovedLine, Timex
from storyline.store import entities as _entities
from storyline.store import stories as _stories
from storyline.store.entities import save_entities
from storyline.store.migrations import migrate
from storyline.store.sql import contains, like_escape
from storyline.timex.anchors import AnchorEvent


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """A storyline store at ``path`` (created and migrated on first open)."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(
                        f"no store at {self.path}; create one with `storyline ingest FOLDER --db {self.path}`",
                        code="E201",
                    )
                self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            else:
                self.db = sqlite3.connect(self.path)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.row_factory = sqlite3.Row
            if not readonly:
                migrate(self.db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open the store {self.path}: {exc}; is it a storyline SQLite file? "
                "Point --db at another path to start a new store",
                code="E202",
            ) from exc

    # -- lifecycle -------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- files (incremental ingest) -------------------------------------
    def file_sha(self, path: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM files WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def record_file(self, path: str, *, sha256: str, size: int, mtime: float, articles: int, failures: int) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO files (path, sha256, size, mtime, articles, failures, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (path, sha256, size, mtime, articles, failures, _now()),
            )

    def sources_of_path(self, path: str) -> dict[str, str]:
        """``{source: article_id}`` for everything a file produced last time."""
        rows = self.db.execute("SELECT source, article_id FROM sources WHERE path = ?", (path,))
        return {r[0]: r[1] for r in rows}

    def forget_sources(self, sources: Iterable[str]) -> int:
        """Drop sources (a changed file no longer holds them); orphaned articles go too."""
        sources = list(sources)
        if not sources:
            return 0
        with self.db:
            affected = set()
            for source in sources:
                row = self.db.execute("SELECT article_id FROM sources WHERE source = ?", (source,)).fetchone()
                if row:
                    affected.add(row[0])
                self.db.execute("DELETE FROM sources WHERE source = ?", (source,))
            return self._drop_orphans(affected)

    def _drop_orphans(self, article_ids: Iterable[str]) -> int:
        dropped = 0
        for article_id in article_ids:
            still = self.db.execute("SELECT 1 FROM sources WHERE article_id = ? LIMIT 1", (article_id,)).fetchone()
            if not still:
                self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
                self.db.execute("DELETE FROM line_book WHERE article_id = ?", (article_id,))
                dropped += 1
        return dropped

    # -- lines the articles hold (storyline.clean.repeated.LineBook) ----------
    def record_lines(self, pages: Iterable[tuple[str, Iterable[int | None]]]) -> None:
        with self.db:  # a batch of articles in one transaction
            self.db.executemany("INSERT OR IGNORE INTO line_book (key, article_id) VALUES (?, ?)",
                                [(k, article_id) for article_id, keys in pages for k in set(keys) if k is not None])

    def other_articles_with_lines(self, article_id: str, keys: Iterable[int], *, cap: int = 1000) -> dict[int, int]:
        """How many other articles hold each line, counted up to ``cap``: a comment policy on every page
        of a large pile costs no more to look up than on a thousand of them."""
        out: dict[int, int] = {}
        for key in set(keys):
            n = self.db.execute("SELECT COUNT(*) FROM (SELECT 1 FROM line_book WHERE key = ? AND article_id != ?"
                                " LIMIT ?)", (key, article_id, cap)).fetchone()[0]
            if n:
                out[key] = n
        return out

    # -- articles ---------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def link_source(self, source: str, path: str, article_id: str) -> None:
        """Point ``source`` at an article that is already stored (an unchanged copy)."""
        with self.db:
            self._link(source, path, article_id)

    def _link(self, source: str, path: str, article_id: str) -> None:
        row = self.db.execute("SELECT article_id FROM sources WHERE source = ?", (source,)).fetchone()
        self.db.execute(
            "INSERT OR REPLACE INTO sources (source, path, article_id) VALUES (?, ?, ?)",
            (source, path, article_id),
        )
        if row and row[0] != article_id:
            self._drop_orphans([row[0]])

    def save_batch(self, batch: Iterable[AnalysedArticle], vocab: dict[str, int] | None = None,
                   entities: dict[str, Any] | None = None, stories: dict[str, Any] | None = None) -> int:
        """Store analysed articles (and vocabulary counts) in one transaction.

        ``entities``: the linker's changed entities (``EntityIndex.to_dict(index.take_dirty())``),
        saved in the same transaction (:func:`storyline.store.entities.save_entities`).
        ``stories``: the stories stage's changes (``StoryStage.changes()``), likewise
        (:func:`storyline.store.stories.save_stories`).
        """
        saved = 0
        now = _now()
        with self.db:
            for item in batch:
                a = item.article
                for table in ("removed_lines", "sentences", "mentions", "quotes", "timexes"):
                    self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (a.id,))
                # an upsert, not DELETE + INSERT: deleting would cascade to the other copies' sources
                self.db.execute(
                    "INSERT INTO articles (id, source, path, format, url, title, published, published_inferred,"
                    " published_confidence, published_estimate, outlet, credits, language, text, raw_text, offsets, captions, words,"
                    " ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                    " ON CONFLICT(id) DO UPDATE SET source=excluded.source, path=excluded.path,"
                    " format=excluded.format, url=excluded.url, title=excluded.title, published=excluded.published,"
                    " published_inferred=excluded.published_inferred,"
                    " published_confidence=excluded.published_confidence,"
                    " published_estimate=excluded.published_estimate, outlet=excluded.outlet,"
                    " credits=excluded.credits, language=excluded.language, text=excluded.text,"
                    " raw_text=excluded.raw_text, offsets=excluded.offsets, captions=excluded.captions,"
                    " words=excluded.words, ingested_at=excluded.ingested_at",
                    (
                        a.id, a.source, a.path, a.format, a.url, a.title, a.published, int(a.published_inferred),
                        a.published_confidence, a.published_estimate, a.outlet, json.dumps(a.credits), a.language, a.text, a.raw_text,
                        json.dumps(a.offsets), json.dumps([asdict(c) for c in a.captions], ensure_ascii=False),
                        a.words, now,
                    ),
                )
                self.db.executemany(
                    "INSERT INTO removed_lines (article_id, line_no, line, reason) VALUES (?, ?, ?, ?)",
                    [(a.id, r.line_no, r.line, r.reason) for r in a.removed],
                )
                self.db.executemany(
                    'INSERT INTO sentences (article_id, idx, start, "end") VALUES (?, ?, ?, ?)',
                    [(a.id, i, s.start, s.end) for i, s in enumerate(item.sentences)],
                )
                self.db.executemany(
                    'INSERT INTO mentions (article_id, start, "end", text, label, entity_id) VALUES (?, ?, ?, ?, ?, ?)',
                    [(a.id, m.start, m.end, m.text, m.label, m.entity_id) for m in item.mentions],
                )
                self.db.executemany(
                    'INSERT INTO timexes (article_id, start, "end", text, type, value) VALUES (?, ?, ?, ?, ?, ?)',
                    [(a.id, t.start, t.end, t.text, t.type, t.value) for t in item.timexes],
                )
                self._save_quotes(item.quotes)
                self._link(a.source, a.path, a.id)
                saved += 1
            if vocab:
                self.db.executemany(
                    "INSERT INTO vocab (token, count) VALUES (?, ?)"
                    " ON CONFLICT(token) DO UPDATE SET count = count + excluded.count",
                    list(vocab.items()),
                )
            if entities:
                save_entities(self.db, entities)
            if stories:
                _stories.save_stories(self.db, stories)
        return saved

    def _save_quotes(self, quotes: Iterable[Quote]) -> None:
        self.db.executemany(
            'INSERT OR REPLACE INTO quotes (id, article_id, text, start, "end", kind, pieces, speaker_mention,'
            " speaker_start, speaker_end, speaker, speaker_id, cue, cue_start, cue_end, confidence, said_on)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(q.id, q.article_id, q.text, q.start, q.end, q.kind, json.dumps(q.pieces), q.speaker_mention,
              q.speaker_start, q.speaker_end, q.speaker, q.speaker_id, q.cue, q.cue_start, q.cue_end, q.confidence,
              q.said_on) for q in quotes],
        )

    def vocab(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.db.execute("SELECT token, count FROM vocab")}

    def save_landmarks(self, events: Iterable[AnchorEvent]) -> None:
        """Keep a knowledge file's landmark events, replacing those a file gave before."""
        with self.db:
            self.db.execute("DELETE FROM landmarks")
            self.db.executemany("INSERT OR REPLACE INTO landmarks (name, date, aliases) VALUES (?, ?, ?)",
                                [(e.name, e.date, json.dumps(list(e.aliases), ensure_ascii=False)) for e in events])

    def landmarks(self) -> tuple[AnchorEvent, ...]:
        """The landmark events the last knowledge file gave (:meth:`save_landmarks`), by name."""
        return tuple(AnchorEvent(name, date, tuple(json.loads(aliases)))
                     for name, date, aliases in self.db.execute("SELECT name, date, aliases FROM landmarks ORDER BY name"))

    # -- reading ----------------------------------------------------------
    def resolve_id(self, article_id: str) -> str:
        """Full id from an id or a unique prefix of at least 4 characters."""
        row = self.db.execute("SELECT id FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row:
            return row[0]
        if len(article_id) >= 4:
            rows = self.db.execute(
                "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                (like_escape(article_id) + "%",),
            ).fetchall()
            if len(rows) == 1:
                return rows[0][0]
            if len(rows) > 1:
                raise UsageError(f"article id prefix {article_id!r} is ambiguous; give more characters", code="E402")
        raise UsageError(
            f"no article {article_id!r} in {self.path}; list ids with `storyline articles --db {self.path}`",
            code="E401",
        )

    def get_article(self, article_id: str) -> CleanArticle:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (self.resolve_id(article_id),)).fetchone()
        return _article_from_row(row, self.removed_lines(row["id"]))

    def removed_lines(self, article_id: str) -> list[RemovedLine]:
        rows = self.db.execute(
            "SELECT line_no, line, reason FROM removed_lines WHERE article_id = ? ORDER BY line_no", (article_id,)
        )
        return [RemovedLine(line=r["line"], reason=r["reason"], line_no=r["line_no"]) for r in rows]

    def mentions(self, article_id: str) -> list[sqlite3.Row]:
        return self.db.execute(
            'SELECT start, "end", text, label FROM mentions WHERE article_id = ? ORDER BY start', (article_id,)
        ).fetchall()

    def sentences(self, article_id: str) -> list[tuple[int, int]]:
        rows = self.db.execute('SELECT start, "end" FROM sentences WHERE article_id = ? ORDER BY idx', (article_id,))
        return [(r[0], r[1]) for r in rows]

    def list_articles(self, *, limit: int = 50, offset: int = 0) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT id, published, published_inferred, published_estimate, outlet, title, language, words, source,"
            " substr(text, 1, 120) AS lead FROM articles"
            " ORDER BY published IS NULL, published, source LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()

    def iter_articles(self) -> Iterator[CleanArticle]:
        """Every article in a stable order, streamed (for export)."""
        cur = self.db.execute("SELECT * FROM articles ORDER BY published IS NULL, published, source")
        for row in cur:
            yield _article_from_row(row, self.removed_lines(row["id"]))

    def iter_mentions(self) -> Iterator[sqlite3.Row]:
        yield from self.db.execute(
            'SELECT article_id, start, "end", text, label, entity_id FROM mentions ORDER BY article_id, start'
        )

    # -- entities and time expressions (see storyline.store.entities) -----
    def entity_index_data(self) -> dict[str, Any]:
        """The stored entities as ``EntityIndex.to_dict()`` data: ``EntityIndex.from_dict`` resumes from it."""
        return _entities.load_index_data(self.db)

    def entities(self, *, type: str | None = None, limit: int | None = 50) -> list[dict[str, Any]]:  # noqa: A002
        """Entities the corpus mentions or quotes, most mentioned first: ``{id, name, type, nationality,
        country, mentions, quotes, aliases, roles}``; ``type`` is PERSON, ORG, GPE, LOC or FAC."""
        return _entities.list_entities(self.db, type=type, limit=limit)

    def iter_entities(self) -> Iterator[dict[str, Any]]:
        """Every entity the corpus mentions or quotes, by id (for export)."""
        return _entities.iter_entities(self.db)

    def entity_names(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """``{entity id: canonical name}`` for the ids (None: all) the store knows (timelines show participants so)."""
        return _entities.entity_names(self.db, ids)

    def find_entities(self, name: str, *, variants: bool = True) -> list[str]:
        """Ids of the entities ``name`` is an id or a spelling of (case, diacritics and spaces ignored),
        else that have a spelling containing it, else (``variants``) people whose spelling is a variant
        of it ("Gitanas Nausėda" for "Gitan Nauseda"); best known first."""
        return _entities.find_entities(self.db, name, variants=variants)

    def person_variants(self, name: str) -> list[str]:
        """People whose spelling the linker takes for ``name`` ("Gitan Nauseda" for "Gitanas Nausėda"),
        most mentioned first: what :meth:`find_entities` falls back to."""
        return _entities.person_variants(self.db, name)

    def entity_profile(self, entity_id: str, *, quotes: int | None = 200) -> dict[str, Any] | None:
        """One entity: aliases, roles with dates, mention and quote counts, quotes by date."""
        return _entities.entity_profile(self.db, entity_id, quotes=quotes)

    # -- stories (see storyline.store.stories) ------------------------------
    def story_state(self) -> dict[str, Any]:
        """The stories stage's saved state: ``{"index": StoryIndex.to_rows(), "dedup": Deduplicator.to_rows()}``."""
        return _stories.load_state(self.db)

    def stories(self, *, limit: int | None = 50, min_articles: int = 1) -> list[dict[str, Any]]:
        """Stories of at least ``min_articles`` articles, latest first: ``{id, title, start, end,
        articles, article_ids, outlets, estimate}`` (``estimate``: an undated story's implied year)."""
        return _stories.list_stories(self.db, limit=limit, min_articles=min_articles)

    def story_records(self, story_ids: list[str] | None = None, *, participant: str | None = None,
                      also: Collection[str] = (), articles: Collection[str] | None = None) -> list[Any]:
        """``ArticleRecord`` of every stored event (of ``story_ids``; whose participants' keys or names
        contain ``participant``, case-insensitively, or of an article in ``also``, when given; of one of
        ``articles``), for timelines."""
        return _stories.records(self.db, story_ids=story_ids, participant=participant, also=also,
                                articles=articles)

    def articles_with_prefixes(self, prefixes: Iterable[str]) -> set[str]:
        """Ids of the articles whose title or text holds a word starting with each of ``prefixes``
        (letters and digits only; FTS5, diacritics and case ignored): a fast superset for word filters."""
        terms = " AND ".join(f'"{p}"*' for p in prefixes if p.isalnum())
        if not terms:
            raise UsageError("give some words to look for", code="E403")
        return {r[0] for r in self.db.execute(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?",
            (terms,))}

    def quote_speakers(self, person: str) -> list[tuple[str, str | None, str | None]]:
        """``(article id, speaker, speaker id)`` of the quotations whose speaker id is ``person`` or
        whose speaker's name contains it (case-insensitively, as SQL ``LIKE`` does)."""
        return [tuple(r) for r in self.db.execute(  # type: ignore[misc]
            "SELECT DISTINCT article_id, speaker, speaker_id FROM quotes WHERE speaker_id = ?"
            " OR speaker LIKE ? ESCAPE '\\'", (person, contains(person)))]

    def statement_groups(self, *, quote_ids: Iterable[str] = (),
                         article_ids: Iterable[str] = ()) -> list[Any]:
        """The statements (``QuoteGroup``) these quotations, and those of these articles, were filed
        into at ingest, each with every report of it in the store (:mod:`storyline.store.statements`)."""
        from storyline.store.statements import report_groups  # imports the stories package

        return report_groups(self.db, quote_ids=quote_ids, article_ids=article_ids)

    def statement(self, statement_id: str) -> Any | None:
        """One statement filed at ingest (``QuoteGroup``, an id such as ``st12``) with every report of
        it in the store, in the order said; None when the store has no such statement."""
        from storyline.store.statements import stored_groups  # imports the stories package

        found = stored_groups(self.db, [statement_id])
        return found[0] if found else None

    def story_rows(self) -> list[dict[str, Any]]:
        """Export rows of the stories: ``{id, title, article_ids, start, end}``."""
        return _stories.iter_story_rows(self.db)

    def iter_timexes(self) -> Iterator[sqlite3.Row]:
        yield from self.db.execute(
            'SELECT article_id, start, "end", text, type, value FROM timexes ORDER BY article_id, start'
        )

    def timexes(self, article_id: str) -> list[Timex]:
        rows = self.db.execute('SELECT start, "end", text, type, value FROM timexes WHERE article_id = ?'
                               " ORDER BY start", (article_id,))
        return [Timex(*r) for r in rows]

    def quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        article_id: str | None = None,
        limit: int | None = 50,
    ) -> list[Quote]:
        """Stored quotations, oldest first: ``speaker`` is a case-insensitive substring of the
        speaker's name or mention, ``about`` full-text words (FTS5) in the quote, ``since`` a
        ``YYYY-MM-DD`` compared with the quote's date, else its article's publication date."""
        return [_quote_from_row(r) for r in self._select_quotes("q.*", speaker=speaker, about=about, kind=kind,
                                                                 since=since, article_id=article_id, limit=limit)]

    def quote_ids(self, *, speaker: str | None = None, about: str | None = None, kind: str | None = None,
                  since: str | None = None) -> list[str]:
        """The ids of the quotations :meth:`quotes` returns for these filters (all of them), oldest first."""
        return [r[0] for r in self._select_quotes("q.id", speaker=speaker, about=about, kind=kind, since=since,
                                                  limit=None)]

    def _select_quotes(self, columns: str, *, speaker: str | None, about: str | None, kind: str | None,
                       since: str | None, article_id: str | None = None, limit: int | None) -> list[sqlite3.Row]:
        where, args = [], []
        if speaker:
            where.append("(q.speaker LIKE ? ESCAPE '\\' OR q.speaker_mention LIKE ? ESCAPE '\\')")
            pattern = contains(speaker)
            args += [pattern, pattern]
        if kind:
            where.append("q.kind = ?")
            args.append(kind)
        if since:
            where.append("coalesce(q.said_on, a.published) >= ?")
            args.append(since)
        if article_id:
            where.append("q.article_id = ?")
            args.append(article_id)
        if about:
            where.append("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            args.append(about)
        sql = (f"SELECT {columns} FROM quotes q JOIN articles a ON a.id = q.article_id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY coalesce(q.said_on, a.published) IS NULL, coalesce(q.said_on, a.published),"
                 " q.article_id, q.start" + (" LIMIT ?" if limit else ""))
        if limit:
            args.append(limit)
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.OperationalError:
            if not about:
                raise
            # not valid FTS5 syntax: search the words as plain terms
            terms = " ".join('"' + t.replace('"', '""') + '"' for t in about.split())
            args[args.index(about)] = terms
            return self.db.execute(sql, args).fetchall()

    def iter_quotes(self) -> Iterator[Quote]:
        """Every stored quotation, by article and offset, streamed (for export)."""
        for quote, _ in self.iter_quotes_with_statements():
            yield quote

    def iter_quotes_with_statements(self) -> Iterator[tuple[Quote, str | None]]:
        """Every stored quotation with the statement it was filed into at ingest (None when it was
        not), by article and offset, streamed (for export)."""
        from storyline.store.statements import has_tables

        stored = has_tables(self.db)
        statement = "sq.statement_id" if stored else "NULL"
        join = " LEFT JOIN statement_quotes sq ON sq.quote_id = q.id" if stored else ""
        for row in self.db.execute(f"SELECT q.*, {statement} AS _statement FROM quotes q{join}"
                                   ' ORDER BY q.article_id, q.start, q."end"'):
            yield _quote_from_row(row), row["_statement"]

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "sources": one("SELECT count(*) FROM sources"),
            "files": one("SELECT count(*) FROM files"),
            "words": one("SELECT coalesce(sum(words), 0) FROM articles"),
            "removed_lines": one("SELECT count(*) FROM removed_lines"),
            "sentences": one("SELECT count(*) FROM sentences"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "outlets": one("SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL"),
            "first_published": one("SELECT min(published) FROM articles"),
            "last_published": one("SELECT max(published) FROM articles"),
            "languages": dict(self.db.execute("SELECT language, count(*) FROM articles GROUP BY language").fetchall()),
            "removed_by_reason": dict(
                self.db.execute(
                    "SELECT reason, count(*) FROM removed_lines GROUP BY reason ORDER BY count(*) DESC"
                ).fetchall()
            ),
            "mentions_by_label": dict(
                self.db.execute("SELECT label, count(*) FROM mentions GROUP BY label ORDER BY count(*) DESC").fetchall()
            ),
        }

    def search(self, query: str, *, limit: int = 20) -> list[sqlite3.Row]:
        """Full-text search over titles and clean texts (FTS5 syntax), best first.

        Matched words in ``snippet`` are wrapped in ``\x02`` … ``\x03``.
        """
        sql = (
            "SELECT a.id, a.title, a.published, a.outlet,"
            " snippet(articles_fts, 1, char(2), char(3), ' … ', 12) AS snippet"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            return self.db.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            # Not valid FTS5 syntax (a stray quote, a bare '-'): search the words as plain terms.
            terms = " ".join('"' + t.replace('"', '""') + '"' for t in query.split())
            if not terms:
                raise UsageError("empty search; give some words to look for", code="E403") from None
            try:
                return self.db.execute(sql, (terms, limit)).fetchall()
            except sqlite3.OperationalError as exc:
                raise UsageError(f"cannot search for {query!r}: {exc}", code="E403") from exc


def _article_from_row(row: sqlite3.Row, removed: list[RemovedLine]) -> CleanArticle:
    return CleanArticle(
        id=row["id"],
        source=row["source"],
        path=row["path"],
        format=row["format"],
        raw_text=row["raw_text"],
        text=row["text"],
        offsets=[tuple(a) for a in json.loads(row["offsets"])],
        title=row["title"],
        url=row["url"],
        published=row["published"],
        published_inferred=bool(row["published_inferred"]),
        published_confidence=row["published_confidence"],
        published_estimate=row["published_estimate"],
        outlet=row["outlet"],
        credits=json.loads(row["credits"]),
        language=row["language"],
        removed=removed,
        captions=[Caption(**{**c, "photographers": tuple(c["photographers"]), "agencies": tuple(c["agencies"])})
                  for c in json.loads(row["captions"])],
    )


def _quote_from_row(row: sqlite3.Row) -> Quote:
    return Quote(
        article_id=row["article_id"], text=row["text"], start=row["start"], end=row["end"], kind=row["kind"],
        pieces=[tuple(p) for p in json.loads(row["pieces"])], speaker_mention=row["speaker_mention"],
        speaker_start=row["speaker_start"], speaker_end=row["speaker_end"], speaker=row["speaker"],
        speaker_id=row["speaker_id"], cue=row["cue"], cue_start=row["cue_start"], cue_end=row["cue_end"],
        confidence=row["confidence"], said_on=row["said_on"],
    )
