"""Numbered schema migrations for the SQLite store.

Each migration is a function ``mNNN_name(db)`` registered in :data:`MIGRATIONS`
in order; applied names are recorded in ``_storyline_migrations`` so a store is
brought up to date by running only the missing ones. Never edit a migration
that has shipped: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []
migration = MIGRATIONS.append


@migration
def m001_initial(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            path TEXT NOT NULL,
            format TEXT NOT NULL,
            url TEXT,
            title TEXT,
            published TEXT,
            published_inferred INTEGER NOT NULL DEFAULT 0,
            published_confidence REAL,
            outlet TEXT,
            credits TEXT NOT NULL DEFAULT '[]',
            language TEXT,
            text TEXT NOT NULL,
            raw_text TEXT NOT NULL,
            offsets TEXT NOT NULL DEFAULT '[]',
            captions TEXT NOT NULL DEFAULT '[]',
            words INTEGER NOT NULL DEFAULT 0,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet);

        -- every input (file, or JSONL/CSV row) that produced an article
        CREATE TABLE sources (
            source TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        );
        CREATE INDEX sources_path ON sources(path);
        CREATE INDEX sources_article ON sources(article_id);

        -- files already ingested, to skip unchanged ones
        CREATE TABLE files (
            path TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime REAL NOT NULL,
            articles INTEGER NOT NULL DEFAULT 0,
            failures INTEGER NOT NULL DEFAULT 0,
            ingested_at TEXT NOT NULL
        );

        CREATE TABLE removed_lines (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            line_no INTEGER NOT NULL,
            line TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX removed_lines_article ON removed_lines(article_id);

        CREATE TABLE sentences (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        ) WITHOUT ROWID;

        CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL
        );
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE INDEX mentions_text ON mentions(text);

        -- capitalised tokens seen standalone in the corpus: glue repair asks it
        CREATE TABLE vocab (
            token TEXT PRIMARY KEY,
            count INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        """
    )


@migration
def m002_quotes(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        -- quotation events (storyline.records.Quote); offsets into the article's clean text
        CREATE TABLE quotes (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            pieces TEXT NOT NULL DEFAULT '[]',
            speaker_mention TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker TEXT,
            speaker_id TEXT,
            cue TEXT,
            cue_start INTEGER,
            cue_end INTEGER,
            confidence REAL NOT NULL DEFAULT 0,
            said_on TEXT
        );
        CREATE INDEX quotes_article ON quotes(article_id);
        CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);
        CREATE INDEX quotes_speaker_id ON quotes(speaker_id);
        CREATE INDEX quotes_kind ON quotes(kind);

        CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, content='quotes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;
        CREATE TRIGGER quotes_au AFTER UPDATE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
            INSERT INTO quotes_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        """
    )


@migration
def m003_entities(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        -- canonical people, organisations and places (storyline.entities.EntityIndex, one row each)
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,                  -- person:jens-stoltenberg, org:nato, place:kyiv
            name TEXT NOT NULL,                   -- canonical name
            type TEXT NOT NULL,                   -- PERSON | ORG | GPE | LOC | FAC
            nationality TEXT,
            country TEXT,                         -- for places
            mentions INTEGER NOT NULL DEFAULT 0,  -- rows in mentions with this entity_id
            articles INTEGER NOT NULL DEFAULT 0,
            first_seen TEXT,
            last_seen TEXT,
            fixed INTEGER NOT NULL DEFAULT 0,     -- name set by the knowledge file
            labels TEXT NOT NULL DEFAULT '{}',    -- linker state: {spaCy label: count}
            nationalities TEXT NOT NULL DEFAULT '{}'  -- linker state: {country: evidence count}
        );
        CREATE INDEX entities_type ON entities(type);

        -- every spelling of an entity, with how often it was seen; key = folded (no case,
        -- diacritics, spaces or punctuation) for name lookup
        CREATE TABLE entity_aliases (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            key TEXT NOT NULL,
            count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (entity_id, alias)
        ) WITHOUT ROWID;
        CREATE INDEX entity_aliases_key ON entity_aliases(key);

        -- roles: from the text (start/end = first and last article dates attesting it) or the
        -- knowledge file (source 'kb': held from start to end; no end = still held)
        CREATE TABLE entity_roles (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            org TEXT,
            start TEXT,
            "end" TEXT,
            articles INTEGER NOT NULL DEFAULT 0,
            former INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT 'text',
            article_id TEXT                       -- first evidence
        );
        CREATE INDEX entity_roles_entity ON entity_roles(entity_id);

        ALTER TABLE mentions ADD COLUMN entity_id TEXT;
        CREATE INDEX mentions_entity ON mentions(entity_id);

        -- time expressions (storyline.records.Timex); offsets into the article's clean text
        CREATE TABLE timexes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT NOT NULL
        );
        CREATE INDEX timexes_article ON timexes(article_id);
        """
    )


@migration
def m004_published_estimate(db: sqlite3.Connection) -> None:
    # an inferred month or year is an estimate, not a publication date (which is a day or null)
    db.execute("ALTER TABLE articles ADD COLUMN published_estimate TEXT")


@migration
def m005_stories(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        -- stories (storyline.stories): articles that report the same event; title = the most central title
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,                  -- s1, s2, ... (StoryIndex ids)
            title TEXT,
            start TEXT,                           -- first and last event day (YYYY-MM-DD) or null
            "end" TEXT,
            articles INTEGER NOT NULL DEFAULT 0   -- articles filed in it, copies included
        );
        CREATE TABLE story_articles (
            story_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            PRIMARY KEY (story_id, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX story_articles_article ON story_articles(article_id);

        -- the main event of each original article (storyline.stories.Event); copies have none
        CREATE TABLE events (
            id TEXT PRIMARY KEY,                  -- the article id
            story_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            date TEXT,                            -- YYYY-MM-DD, coarser, or a weekday XXXX-WXX-3
            date_source TEXT,                     -- text | published
            place TEXT,
            venue TEXT,
            participants TEXT NOT NULL DEFAULT '[]',  -- JSON [{key, name, label}]
            main TEXT NOT NULL DEFAULT '[]',      -- JSON [key]: who the title and first sentence are about
            kind TEXT,
            summary TEXT NOT NULL DEFAULT '',
            evidence TEXT NOT NULL DEFAULT '[]'   -- JSON [{field, start, end, text}]
        );
        CREATE INDEX events_story ON events(story_id);

        -- near-duplicates folded into an earlier article
        CREATE TABLE duplicates (
            article_id TEXT PRIMARY KEY,
            copy_of TEXT NOT NULL,
            outlet TEXT
        );
        CREATE INDEX duplicates_copy_of ON duplicates(copy_of);

        -- resumable state of the stage (StoryIndex.from_rows / Deduplicator.from_rows replay it):
        -- one member row per filed article (append-only), the document frequencies of the terms
        -- a batch touched, one dedup row per article, and the index's small meta blob
        CREATE TABLE story_members (
            seq INTEGER PRIMARY KEY,              -- filing order
            article_id TEXT NOT NULL UNIQUE,
            story_id TEXT NOT NULL,
            data TEXT NOT NULL                    -- JSON: the StoryIndex.to_rows() member row
        );
        CREATE TABLE story_terms (
            term TEXT PRIMARY KEY,
            df INTEGER NOT NULL,
            prior REAL NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE dedup_articles (
            article_id TEXT PRIMARY KEY,
            original_id TEXT NOT NULL,
            outlet TEXT,
            published TEXT,
            signature TEXT,                       -- MinHash values (hex), originals only
            scheme TEXT,
            exact_key TEXT
        );
        CREATE TABLE story_state (
            name TEXT PRIMARY KEY,                -- 'meta': StoryIndex.to_rows()["meta"] (counters, parameters)
            data TEXT NOT NULL
        );
        """
    )


@migration
def m006_entity_evidence(db: sqlite3.Connection) -> None:
    # what the linker needs to resume: spellings of unconfirmed headline spans (JSON list) and the
    # other entities a person appears with (JSON object), see storyline.entities.link
    db.execute("ALTER TABLE entities ADD COLUMN unconfirmed TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE entities ADD COLUMN context TEXT NOT NULL DEFAULT '{}'")


@migration
def m007_landmarks(db: sqlite3.Connection) -> None:
    # the knowledge file's landmark events (storyline.timex.anchors), kept like its people's roles:
    # a later ingest without --kb still dates "a month after the invasion"
    db.execute("CREATE TABLE landmarks (name TEXT PRIMARY KEY, date TEXT NOT NULL, aliases TEXT NOT NULL DEFAULT '[]')")


@migration
def m008_statements(db: sqlite3.Connection) -> None:
    # quotations grouped into statements at ingest (storyline.store.statements); the quotations
    # already stored are grouped here, once, in the order their articles came
    from storyline.store.statements import backfill

    db.executescript(
        """
        CREATE TABLE statements (
            id TEXT PRIMARY KEY,
            words TEXT NOT NULL,                  -- JSON: the folded words of all its wordings
            sentences TEXT NOT NULL,              -- JSON: word lists of its wordings' sentences
            speakers TEXT NOT NULL                -- JSON: who its reports credit (ids or folded names)
        );
        CREATE TABLE statement_quotes (
            quote_id TEXT PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
            statement_id TEXT NOT NULL
        );
        CREATE INDEX statement_quotes_statement ON statement_quotes(statement_id);
        CREATE TABLE statement_words (word TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE statement_postings (seq INTEGER PRIMARY KEY, word TEXT NOT NULL, statement_id TEXT NOT NULL);
        CREATE INDEX statement_postings_word ON statement_postings(word, seq);
        """
    )
    backfill(db)


@migration
def m009_story_log(db: sqlite3.Connection) -> None:
    # why stories split and merged (StoryIndex.take_log), for `storyline stories` and the web page;
    # a store filed before it has no such history
    db.executescript(
        """
        CREATE TABLE story_log (
            seq INTEGER PRIMARY KEY,
            change TEXT NOT NULL CHECK (change IN ('split', 'merge')),
            story_id TEXT NOT NULL,               -- the story that lives on
            other_id TEXT NOT NULL,               -- the story that left it (split) or was folded in (merge)
            reason TEXT NOT NULL,
            articles INTEGER NOT NULL             -- articles that moved
        );
        CREATE INDEX story_log_story ON story_log(story_id);
        CREATE INDEX story_log_other ON story_log(other_id);
        """
    )


@migration
def m010_line_book(db: sqlite3.Connection) -> None:
    # which articles hold which raw lines (storyline.clean.repeated.line_key), so the clean stage can
    # tell the lines a site repeats across unrelated articles; a store filed before it learns them
    # from the articles ingested from now on (or all of them with ingest --force)
    db.executescript(
        """
        CREATE TABLE line_book (
            key INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            PRIMARY KEY (key, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX line_book_article ON line_book(article_id);
        """
    )


def applied(db: sqlite3.Connection) -> list[str]:
    db.execute("CREATE TABLE IF NOT EXISTS _storyline_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    return [row[0] for row in db.execute("SELECT name FROM _storyline_migrations ORDER BY rowid")]


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply the missing migrations in order; returns the names it applied."""
    done = set(applied(db))
    ran = []
    for fn in MIGRATIONS:
        if fn.__name__ in done:
            continue
        with db:
            fn(db)
            db.execute(
                "INSERT INTO _storyline_migrations (name, applied_at) VALUES (?, datetime('now'))",
                (fn.__name__,),
            )
        ran.append(fn.__name__)
    return ran

