"""The store: a fresh database's schema, migrations, and what goes in comes out."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.errors import StoreError, UsageError
from storyline.records import AnalysedArticle, Caption, CleanArticle, Mention, RemovedLine, Sentence
from storyline.store import MIGRATIONS, Store


def _article(article_id: str = "a" * 16, text: str = "Body text here.", **kw) -> AnalysedArticle:
    article = CleanArticle(
        id=article_id, source=kw.pop("source", f"{article_id}.txt"), path=kw.pop("path", f"{article_id}.txt"),
        format="txt", raw_text="Share\n" + text, text=text, offsets=[(0, 6)], **kw,
    )
    return AnalysedArticle(article, [Sentence(0, len(text))], [Mention(0, 4, text[:4], "ORG")])


def test_fresh_database_schema(tmp_path) -> None:
    store = Store(tmp_path / "s.db")
    tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {"articles", "sources", "files", "removed_lines", "sentences", "mentions", "vocab", "articles_fts",
            "_storyline_migrations"} <= tables
    applied = [r[0] for r in store.db.execute("SELECT name FROM _storyline_migrations ORDER BY rowid")]
    assert applied == [m.__name__ for m in MIGRATIONS]
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    columns = [r[1] for r in store.db.execute("PRAGMA table_info(articles)")]
    assert columns[:4] == ["id", "source", "path", "format"]
    assert {"published", "published_inferred", "outlet", "credits", "language", "text", "raw_text"} <= set(columns)
    # m003_entities: canonical entities, their spellings and roles, mention links, time expressions
    assert {"entities", "entity_aliases", "entity_roles", "timexes"} <= tables
    cols = lambda t: {r[1] for r in store.db.execute(f"PRAGMA table_info({t})")}  # noqa: E731
    assert {"id", "name", "type", "nationality", "country", "mentions"} <= cols("entities")
    assert {"entity_id", "alias", "key", "count"} <= cols("entity_aliases")
    assert {"entity_id", "title", "org", "start", "end", "source", "article_id"} <= cols("entity_roles")
    assert "entity_id" in cols("mentions")
    assert {"article_id", "start", "end", "text", "type", "value"} <= cols("timexes")
    # m005_stories: stories, their articles, events, duplicates and the stage's resumable state
    assert {"stories", "story_articles", "events", "duplicates", "story_members", "story_terms", "dedup_articles",
            "story_state"} <= tables
    assert {"id", "title", "start", "end", "articles"} <= cols("stories")
    assert {"story_id", "article_id"} <= cols("story_articles")
    assert {"id", "story_id", "article_id", "date", "place", "participants", "kind", "summary",
            "evidence"} <= cols("events")
    assert {"article_id", "copy_of", "outlet"} <= cols("duplicates")
    assert {"seq", "article_id", "story_id", "data"} <= cols("story_members")
    assert {"term", "df", "prior"} <= cols("story_terms")
    assert {"article_id", "original_id", "signature", "exact_key"} <= cols("dedup_articles")
    assert {"name", "data"} <= cols("story_state")
    # m006_entity_evidence: what the linker resumes with (unconfirmed headline spellings, context)
    assert {"unconfirmed", "context"} <= cols("entities")
    # m007_landmarks: the knowledge file's landmark events
    assert {"name", "date", "aliases"} <= cols("landmarks")
    # m010_line_book: which articles hold which raw lines (lines a site repeats across articles)
    assert {"key", "article_id"} <= cols("line_book")
    store.close()


def test_migrations_run_once(tmp_path) -> None:
    Store(tmp_path / "s.db").close()
    store = Store(tmp_path / "s.db")
    count = store.db.execute("SELECT count(*) FROM _storyline_migrations").fetchone()[0]
    assert count == len(MIGRATIONS)
    store.close()


def test_round_trip(tmp_path) -> None:
    with Store(tmp_path / "s.db") as store:
        item = _article(title="A title", published="2024-03-14", outlet="Daily Courier", credits=["AFP", "EFE"],
                        language="en", removed=[RemovedLine("Share", "share buttons", 0)],
                        captions=[Caption("A caption", "AFP/Jo Doe", ("Jo Doe",), ("AFP",))])
        store.save_batch([item])
        back = store.get_article(item.article.id[:6])
        assert back == item.article
        assert store.sentences(back.id) == [(0, len(back.text))]
        assert [dict(m) for m in store.mentions(back.id)] == [{"start": 0, "end": 4, "text": "Body", "label": "ORG"}]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=200), title=st.none() | st.text(max_size=50),
       credits=st.lists(st.text(max_size=10), max_size=3))
def test_whatever_goes_in_comes_out(tmp_path, text: str, title: str | None, credits: list[str]) -> None:
    with Store(tmp_path / "h.db") as store:
        item = _article("b" * 16, text=text, title=title, credits=credits)
        store.save_batch([item])
        assert store.get_article("b" * 16) == item.article


def test_resave_keeps_other_sources(tmp_path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.save_batch([_article(source="one.txt")])
        store.link_source("two.txt", "two.txt", "a" * 16)
        store.save_batch([_article(source="one.txt")])
        assert store.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 2
        assert store.db.execute("SELECT count(*) FROM mentions").fetchone()[0] == 1


def test_forgetting_the_last_source_drops_the_article(tmp_path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.save_batch([_article(source="one.txt")])
        store.link_source("two.txt", "two.txt", "a" * 16)
        store.forget_sources(["one.txt"])
        assert store.has_article("a" * 16)
        store.forget_sources(["two.txt"])
        assert not store.has_article("a" * 16)
        assert store.db.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0


def test_search_with_snippets_and_bad_syntax(tmp_path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.save_batch([_article(text="The envoy spoke about air defence in Vilnius.")])
        rows = store.search("defence")
        assert len(rows) == 1
        assert "\x02defence\x03" in rows[0]["snippet"]
        assert store.search('"air defence') != []  # unbalanced quote: searched as plain words
        assert store.search("Vilnius NOT envoy") == []
        with pytest.raises(UsageError):
            store.search("   ")


def test_unknown_id_and_readonly_missing_store(tmp_path) -> None:
    with Store(tmp_path / "s.db") as store, pytest.raises(UsageError, match="storyline articles"):
        store.get_article("nope")
    with pytest.raises(StoreError, match="storyline ingest"):
        Store(tmp_path / "missing.db", readonly=True)


def test_not_a_database(tmp_path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="--db"):
        Store(bad)


def test_readers_see_committed_batches_while_writer_is_open(tmp_path) -> None:
    writer = Store(tmp_path / "s.db")
    writer.save_batch([_article()])
    reader = Store(tmp_path / "s.db", readonly=True)
    assert reader.stats()["articles"] == 1
    reader.close()
    writer.close()
    assert sqlite3.connect(tmp_path / "s.db").execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("Stoltenberg", "Stoltenberg"), ("", ""), ("50%", "50\\%"), ("a_b", "a\\_b"), ("back\\slash", "back\\\\slash")],
)
def test_like_escape(text: str, escaped: str) -> None:
    from storyline.store.sql import contains, like_escape

    assert like_escape(text) == escaped
    assert contains(text) == f"%{escaped}%"


def test_like_patterns_match_literally(tmp_path) -> None:
    from storyline.store.sql import contains

    db = sqlite3.connect(tmp_path / "l.db")
    db.execute("CREATE TABLE t (v TEXT)")
    db.executemany("INSERT INTO t VALUES (?)", [("a 50% cut",), ("a 500 cut",), ("x_y",), ("xay",)])
    like = "SELECT v FROM t WHERE v LIKE ? ESCAPE '\\' ORDER BY v"
    assert [r[0] for r in db.execute(like, (contains("50%"),))] == ["a 50% cut"]
    assert [r[0] for r in db.execute(like, (contains("x_y"),))] == ["x_y"]
