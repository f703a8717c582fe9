"""Statements filed at ingest (``storyline.store.statements``): every quotation goes into its
statement as its article is stored, batch after batch, and every view reads that one grouping.

The articles are the made-up harbour reports of ``test_statements``: a minister's call to keep the
port open, reported by three outlets over three days (once in another translation, once in part).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storyline.records import AnalysedArticle
from storyline.store import Store
from storyline.store.migrations import MIGRATIONS
from storyline.store.statements import StoredStatements, report_groups, save_statements, statement_rows
from storyline.stories import Occurrence, QuoteAggregator, statements
from storyline.stories.query import build_timeline
from storyline.stories.stage import StoryStage
from test_statements import ARTICLES, CALL, PART, VARIANT, _analysed

STATEMENT_TABLES = {"statements", "statement_quotes", "statement_words", "statement_postings"}


def _ingest(path: Path, batches: list[list[AnalysedArticle]]) -> None:
    """What ingest's writer does: the stories stage resumed from the store, one transaction a batch."""
    for batch in batches:
        with Store(path) as store:
            stage = StoryStage.from_store(store)
            for item in batch:
                stage.add(item)
            store.save_batch(batch, stories=stage.changes(store))


def _partition(groups) -> set[frozenset[str]]:
    return {frozenset(o.quote_id for o in g.occurrences) for g in groups}


def test_a_fresh_store_has_the_statement_tables(tmp_path: Path) -> None:
    with Store(tmp_path / "fresh.db") as store:
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        applied = [r[0] for r in store.db.execute("SELECT name FROM _storyline_migrations ORDER BY rowid")]
    assert STATEMENT_TABLES <= tables
    assert applied == [m.__name__ for m in MIGRATIONS]
    assert applied.index("m008_statements") < applied.index("m009_story_log")


@pytest.mark.parametrize("batches", [[ARTICLES], [ARTICLES[:1], ARTICLES[1:]], [[a] for a in ARTICLES]],
                         ids=["one batch", "two batches", "one article a batch"])
def test_a_statement_reported_over_several_ingests_is_one_statement(tmp_path: Path, batches: list) -> None:
    path = tmp_path / "s.db"
    _ingest(path, [[_analysed(*a) for a in batch] for batch in batches])
    with Store(path, readonly=True) as store:
        filed = dict(store.db.execute("SELECT quote_id, statement_id FROM statement_quotes"))
        quotes = {q.text: q.id for q in store.quotes(limit=None)}
        (call,) = [g for g in statements(store) if g.text in (CALL, VARIANT)]
    assert len(filed) == len(quotes) == 5  # every quotation is filed
    assert filed[quotes[CALL]] == filed[quotes[VARIANT]] == filed[quotes[f"ships should “{PART}”"]]
    assert len(set(filed.values())) == 3  # the call, the cranes, and Berg's paraphrase
    assert call.outlets == ["Harbour Herald", "Coast Daily", "Baltic Wire"]
    assert (call.first.date, call.latest.date) == ("2025-03-03", "2025-03-06")


def test_a_view_of_one_article_shows_every_report_of_its_statements(tmp_path: Path) -> None:
    """A timeline or a filter that picks one report still counts every outlet that carried it."""
    path = tmp_path / "s.db"
    _ingest(path, [[_analysed(*a)] for a in ARTICLES])
    with Store(path, readonly=True) as store:
        groups = store.statement_groups(article_ids=[ARTICLES[2][0]])  # the article quoting the call in part
        (since,) = [g for g in statements(store, since="2025-03-05")]
        events = build_timeline(store, story=store.stories()[0]["id"])
    assert [len(g.outlets) for g in groups] == [3]
    assert since.first.date == "2025-03-03"  # its first report, though the filter starts later
    assert any(len(q.outlets) == 3 for e in events for q in e.quotes)


@pytest.mark.parametrize("between", ["forget", "trim"])
def test_filing_in_batches_from_the_store_groups_as_filing_in_memory(tmp_path: Path, between: str) -> None:
    """The store-backed aggregator reads words, postings and statements back from the store when
    it forgot them (``forget``) or keeps them between batches (``trim``, under its caps): either
    way the grouping is the one a single in-memory pass gives."""
    said = [CALL, VARIANT, PART, "Our cranes will be replaced within two winters",
            "The cranes will all be replaced within two winters", "We will never close the port to ships",
            "the port will never be closed to ships", "Fishing quotas stay as they are this year"]
    reports = [Occurrence(f"q{i}", f"a{i}", said[i % len(said)], "Mari Lepik" if i % 5 else "Tomas Berg")
               for i in range(40)]
    memory = QuoteAggregator()
    for o in reports:
        memory.add(o)
    with Store(tmp_path / "s.db") as store:
        store.save_batch([_analysed(o.article_id, "Outlet", "2025-03-03", [("direct", o.speaker or "", o.text)])
                          for o in reports])
        ids = {q.article_id: q.id for q in store.quotes(limit=None)}
        stored = StoredStatements(store.db)
        for i in range(0, len(reports), 7):
            for o in reports[i:i + 7]:
                stored.add(Occurrence(ids[o.article_id], o.article_id, o.text, o.speaker))
            with store.db:
                save_statements(store.db, statement_rows(stored.take_changes(), stored.next_id))
            getattr(stored, between)()
        back = {ids[o.article_id]: o.quote_id for o in reports}
        from_store = {frozenset(back[q] for q in part) for part in _partition(report_groups(store.db, quote_ids=back))}
    assert from_store == _partition(memory.groups.values())
    assert len(from_store) < len(said) + 2  # variants joined, and the other speaker kept apart


def test_reingesting_an_article_keeps_its_quotations_filed(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _ingest(path, [[_analysed(*a) for a in ARTICLES]])
    _ingest(path, [[_analysed(*ARTICLES[0])]])  # stored again (``ingest --force``): its quotations are rewritten
    with Store(path, readonly=True) as store:
        filed = store.db.execute("SELECT count(*), count(DISTINCT statement_id) FROM statement_quotes").fetchone()
    assert tuple(filed) == (5, 3)


def test_a_store_from_before_statements_is_grouped_by_its_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.save_batch([_analysed(*a) for a in ARTICLES])  # quotations stored, none filed
    db = sqlite3.connect(path)
    with db:
        db.executescript("DROP TABLE statement_quotes; DROP TABLE statements; DROP TABLE statement_words;"
                         " DROP TABLE statement_postings; DELETE FROM story_state WHERE name = 'statements';"
                         " DELETE FROM _storyline_migrations WHERE name = 'm008_statements';")
    with Store(path, readonly=True) as store:  # read-only: not migrated, grouped when read
        before = _partition(store.statement_groups(article_ids=[a[0] for a in ARTICLES]))
    db.close()
    with Store(path) as store:  # opened to write: migrated, and its quotations filed
        filed = store.db.execute("SELECT count(*) FROM statement_quotes").fetchone()[0]
        after = _partition(store.statement_groups(article_ids=[a[0] for a in ARTICLES]))
    assert filed == 5
    assert after == before
    assert len(after) == 3


def test_a_statement_has_a_page_and_an_api_route_with_every_report(tmp_path: Path) -> None:
    import html

    from fastapi.testclient import TestClient

    from storyline.web import create_app

    path = tmp_path / "s.db"
    _ingest(path, [[_analysed(*a)] for a in ARTICLES])
    client = TestClient(create_app(str(path)))
    (listed,) = client.get("/api/statements", params={"min_articles": 2}).json()["items"]
    sid = listed["id"]
    assert sid and sid.startswith("st")
    one = client.get(f"/api/statements/{sid}").json()
    assert one["id"] == sid and one["speaker"] == "Mari Lepik" and one["reports"] == 3
    assert [(r["date"], r["outlet"], r["kind"]) for r in one["every_report"]] == [
        ("2025-03-03", "Harbour Herald", "direct"), ("2025-03-04", "Coast Daily", "direct"),
        ("2025-03-06", "Baltic Wire", "partial")]
    assert [r["text"] for r in one["every_report"]][:2] == [CALL, VARIANT]
    missing = client.get("/api/statements/st999")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"

    grouped = client.get("/quotes", params={"group": "statement"}).text
    assert f'href="/statements/{sid}"' in grouped  # the card links its page
    page = client.get(f"/statements/{sid}")
    assert page.status_code == 200
    body = html.unescape(page.text)
    assert body.count('class="report') == 3 and "Every report, in the order said" in body
    assert body.index("Harbour Herald") < body.index("Coast Daily") < body.index("Baltic Wire")
    quote_ids = [r["quote_id"] for r in one["every_report"]]
    assert all(f"#q-{q}" in body for q in quote_ids)  # each report links to its span
    assert client.get("/statements/st999").status_code == 404


def test_the_export_links_quotes_to_their_statements(tmp_path: Path) -> None:
    import json

    from storyline.export import export

    path = tmp_path / "s.db"
    _ingest(path, [[_analysed(*a)] for a in ARTICLES])
    with Store(path, readonly=True) as store:
        export(store, tmp_path / "out", fmt="jsonl")
    quotes = [json.loads(x) for x in (tmp_path / "out" / "quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    said = [json.loads(x) for x in (tmp_path / "out" / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    by_statement = {s["statement_id"]: set(s["quote_ids"]) for s in said}
    assert all(q["statement_id"] in by_statement and q["id"] in by_statement[q["statement_id"]] for q in quotes)
    assert sorted(len(v) for v in by_statement.values()) == [1, 1, 3]
