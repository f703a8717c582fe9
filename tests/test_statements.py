"""Statements: the quotations of a store grouped across articles (``statements``, ``storyline quotes
--grouped``, ``GET /api/statements``), each with its first and latest report and its outlets.

The store is written here, quotations and all, without the NLP stages: a (made-up) harbour minister
whose call to keep the port open three outlets report over three days, one in another translation
and one in part, plus a statement only one article carries and a paraphrase of someone else.
"""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.cli import app
from storyline.export import export
from storyline.records import AnalysedArticle, CleanArticle, Quote
from storyline.store import Store
from storyline.stories import statement_row, statements
from storyline.web import create_app

runner = CliRunner()
CALL = "The port must stay open to every ship that respects the rules of the sea"
VARIANT = "The port has to remain open to every ship that respects the rules of the sea"
PART = "stay open to every ship that respects the rules"
ONLY_ONCE = "Our cranes will be replaced within two winters"
ARTICLES = [  # id, outlet, published, [(kind, speaker, text)]
    ("a1" * 8, "Harbour Herald", "2025-03-03", [("direct", "Mari Lepik", CALL),
                                                 ("direct", "Mari Lepik", ONLY_ONCE)]),
    ("b2" * 8, "Coast Daily", "2025-03-04", [("direct", "Mari Lepik", VARIANT),
                                              ("indirect", "Tomas Berg", "the piers are too old for new ships")]),
    ("c3" * 8, "Baltic Wire", "2025-03-06", [("partial", "Mari Lepik", f"ships should “{PART}”")]),
]


def _analysed(article_id: str, outlet: str, published: str, said: list[tuple[str, str, str]]) -> AnalysedArticle:
    text = "Port news\n\n" + " ".join(f"{words}, {who} said." for _, who, words in said)
    article = CleanArticle(id=article_id, source=f"{article_id}.txt", path=f"{article_id}.txt", format="txt",
                           raw_text=text, text=text, offsets=[(0, 0)], published=published, outlet=outlet)
    quotes = []
    for kind, who, words in said:
        start = text.index(words)
        quotes.append(Quote(article_id, words, start, start + len(words), kind, [(start, start + len(words))],
                            who.split()[-1], None, None, who, None, "said", None, None, 0.9))
    return AnalysedArticle(article, [], [], quotes)


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.save_batch([_analysed(*a) for a in ARTICLES])
    return str(path)


def test_one_statement_across_outlets_translations_and_parts(db: str) -> None:
    with Store(db, readonly=True) as store:
        found = statements(store)
    call = found[0]  # carried by the most outlets: first
    assert len(call.articles) == 3 and call.outlets == ["Harbour Herald", "Coast Daily", "Baltic Wire"]
    assert call.speaker == "Mari Lepik" and call.kind == "direct"
    assert (call.first.date, call.first.outlet) == ("2025-03-03", "Harbour Herald")
    assert (call.latest.date, call.latest.outlet) == ("2025-03-06", "Baltic Wire")
    # the rest are one statement each: another speaker's paraphrase, the statement only one outlet carried
    assert sorted(g.text for g in found[1:]) == sorted([ONLY_ONCE, "the piers are too old for new ships"])


def test_statement_row_gives_reports_and_other_wordings(db: str) -> None:
    with Store(db, readonly=True) as store:
        row = statement_row(statements(store, limit=1)[0])
    assert row["reports"] == 3
    assert row["first"] == {"date": "2025-03-03", "outlet": "Harbour Herald", "article_id": "a1" * 8,
                            "quote_id": f"{'a1' * 8}:{row['first']['quote_id'].split(':')[1]}"}
    assert row["latest"]["article_id"] == "c3" * 8
    wordings = {w["text"]: w["kind"] for w in row["wordings"]}
    assert row["text"] not in wordings and len(wordings) == 2
    assert wordings[f"ships should “{PART}”"] == "partial"
    assert {w["reports"] for w in row["wordings"]} == {1}


def test_statements_filters(db: str) -> None:
    with Store(db, readonly=True) as store:
        repeated = statements(store, min_articles=2)
        berg = statements(store, speaker="berg")
        direct = statements(store, kind="direct")
        later = statements(store, since="2025-03-04")
        cranes = statements(store, about="cranes")
        capped = statements(store, limit=2)
    assert [len(g.articles) for g in repeated] == [3]
    assert [g.speaker for g in berg] == ["Tomas Berg"]
    assert {g.kind for g in direct} == {"direct"} and len(direct[0].articles) == 2  # the partial left out
    assert later[0].first.date == "2025-03-04"  # the first report is the first of those picked
    assert [g.text for g in cranes] == [ONLY_ONCE]
    assert len(capped) == 2


def test_cli_quotes_grouped(db: str) -> None:
    result = runner.invoke(app, ["quotes", "--db", db, "--grouped", "--min-articles", "2"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Mari Lepik direct · 3 reports in 3 articles, 3 outlets" in out
    assert "first: 2025-03-03 · Harbour Herald" in out and "latest: 2025-03-06 · Baltic Wire" in out
    assert f"also (partial): ships should “{PART}”" in out  # a partial quotation keeps its own marks
    assert "Tomas Berg" not in out  # reported once
    result = runner.invoke(app, ["quotes", "--db", db, "-g", "--json"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 3 and rows[0]["reports"] == 3
    assert set(rows[0]) == {"id", "text", "speaker", "speaker_id", "speaker_mention", "kind", "outlets", "articles",
                            "first", "latest", "reports", "wordings"}
    assert rows[0]["id"] is None  # this store's quotations were saved without the stories stage: grouped when read
    result = runner.invoke(app, ["quotes", "--db", db, "-g", "--speaker", "Nobody"])
    assert result.exit_code == 0 and "No statement matches." in result.output


def test_api_statements_take_the_quote_filters(db: str) -> None:
    client = TestClient(create_app(db))
    page = client.get("/api/statements", params={"min_articles": 2}).json()
    assert page["total"] == 1 and page["items"][0]["outlets"] == ["Harbour Herald", "Coast Daily", "Baltic Wire"]
    assert page["items"][0]["first"]["date"] == "2025-03-03" and page["items"][0]["reports"] == 3
    paged = client.get("/api/statements", params={"per_page": 2, "page": 2}).json()
    assert (paged["total"], paged["pages"], len(paged["items"])) == (3, 2, 1)
    assert client.get("/api/statements", params={"q": "cranes"}).json()["items"][0]["text"] == ONLY_ONCE
    # the filters of /api/quotes: an outlet's reports only, a date range
    coast = client.get("/api/statements", params={"outlet": "Coast Daily"}).json()["items"]
    assert sorted(g["text"] for g in coast) == sorted([VARIANT, "the piers are too old for new ships"])
    late = client.get("/api/statements", params={"date_from": "2025-03-05"}).json()["items"]
    assert [g["kind"] for g in late] == ["partial"]
    assert client.get("/api/statements", params={"q": '"unbalanced'}).json()["error"]["code"] == "fts_syntax"
    assert client.get("/api/statements", params={"kind": "quoted"}).status_code == 422
    assert "/api/statements" in client.get("/api/openapi.json").json()["paths"]


def test_quote_explorer_groups_by_statement(db: str) -> None:
    client = TestClient(create_app(db))
    page = client.get("/quotes", params={"group": "statement"})
    assert page.status_code == 200
    text = " ".join(html.unescape(page.text).split())
    words = re.sub(r"<[^>]+>", "", text)
    assert "3 statements from 5 quotes" in words and "Grouped by statement</strong>" in text
    assert '<input type="hidden" name="group" value="statement">' in text  # filtering keeps the grouping
    card = text[text.index('class="quote statement'):]
    card = card[:card.index("</article>")]
    assert CALL in card and "3 reports · 3 articles · " in card and "3 outlets" in card
    assert "first reported" in card and "2025-03-03 · Harbour Herald" in card and "2025-03-06 · Baltic Wire" in card
    assert f'href="/articles/{"a1" * 8}#q-' in card  # the first report links to its span
    assert "2 other wordings" in card and VARIANT in card
    assert "Each quote</a>" in text  # and back to the plain list
    plain = client.get("/quotes")
    assert "5 quotes, in the order they were said" in re.sub(r"<[^>]+>", "", html.unescape(plain.text))
    assert 'name="group"' not in plain.text


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_statements(db: str, tmp_path: Path, fmt: str) -> None:
    with Store(db, readonly=True) as store:
        written = export(store, tmp_path / "out", fmt=fmt)
    path, n = written["statements"]
    assert n == 3 and path.name == f"statements.{fmt}"
    if fmt == "jsonl":
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    elif fmt == "parquet":
        rows = pq.read_table(path).to_pylist()
    else:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [{k: json.loads(v) if k in ("quote_ids", "article_ids", "outlets") else v for k, v in r.items()}
                    for r in csv.DictReader(fh)]
    call = rows[0]
    assert list(call) == ["id", "statement_id", "text", "speaker", "speaker_id", "kind", "reports", "quote_ids",
                          "article_ids", "outlets", "first_date", "latest_date"]
    assert call["statement_id"] in (None, "")  # saved without the stories stage: not filed at ingest
    assert call["id"] == call["quote_ids"][0] and call["id"].startswith("a1" * 8 + ":")
    assert call["outlets"] == ["Harbour Herald", "Coast Daily", "Baltic Wire"]
    assert (call["first_date"], call["latest_date"]) == ("2025-03-03", "2025-03-06")
    assert int(call["reports"]) == 3 and len(call["article_ids"]) == 3


def test_person_page_links_to_their_statements(db: str) -> None:
    client = TestClient(create_app(db))
    page = client.get("/people/PERSON:Mari%20Lepik")
    assert page.status_code == 200
    link = re.search(r'href="(/quotes\?group=statement&amp;speaker=[^"]+)"', page.text)
    assert link, "the person page links to their statements"
    grouped = client.get(html.unescape(link.group(1)))
    words = re.sub(r"<[^>]+>", "", " ".join(html.unescape(grouped.text).split()))
    assert "2 statements from 4 quotes" in words and CALL in words
    assert 'class="who"' in grouped.text and "the piers are too old" not in grouped.text  # Berg's words


def test_grouped_view_reads_only_the_latest_quotes_when_there_are_too_many(db: str,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.web import queries

    monkeypatch.setattr(queries, "MAX_GROUPED_QUOTES", 2)
    client = TestClient(create_app(db))
    words = re.sub(r"<[^>]+>", "", " ".join(html.unescape(client.get("/quotes?group=statement").text).split()))
    assert "from the latest 2 quotes" in words and "a filter (a speaker, words, dates) groups them all" in words
    items = client.get("/api/statements").json()["items"]
    # the two latest: the partial report of 6 March and Berg's paraphrase of 4 March (read after Lepik's variant)
    assert sorted(len(g["articles"]) for g in items) == [1, 1]
    assert {g["first"]["date"] for g in items} <= {"2025-03-04", "2025-03-06"}


def test_statement_cards_put_marks_only_around_unmarked_own_words(db: str, tmp_path: Path) -> None:
    headline = "Lepik calls the delays “absurd and costly”"
    with Store(db) as store:  # a headline that marks the speaker's words itself
        store.save_batch([_analysed("d4" * 8, "Harbour Herald", "2025-03-07", [("headline", "Mari Lepik", headline)])])
    text = TestClient(create_app(db)).get("/quotes", params={"group": "statement"}).text
    cards = re.findall(r'<article class="quote statement( unmarked)?">\s*<blockquote>(.*?)</blockquote>', text)
    marked = {html.unescape(words): not unmarked for unmarked, words in cards}
    assert marked[VARIANT] is True  # a direct quotation (its fullest wording): the card's marks go around it
    assert marked["the piers are too old for new ships"] is False  # a paraphrase: no marks
    assert marked[headline] is False  # its own marks say which words are the speaker's: no second pair


@pytest.mark.parametrize("mentions, named, shown", [
    (["police", "police", "a witness"], None, "police"),  # the wording most reports use
    (["they", "the harbour police"], None, "the harbour police"),  # a pronoun tells nothing of who spoke
    (["she", "they"], None, None),
    ([None, None], None, None),
    (["police", "the minister"], "Mari Lepik", None),  # a report names the speaker: the name is shown
], ids=["most used", "past a pronoun", "pronouns only", "no wording", "named"])
def test_a_statement_no_report_names_shows_how_the_reports_word_its_speaker(mentions, named, shown) -> None:
    from storyline.stories.quotes import Occurrence, QuoteGroup

    reports = [Occurrence(f"q{i}", f"a{i}", CALL, named if i == 0 else None, None, "2025-03-03", None, "direct", m)
               for i, m in enumerate(mentions)]
    assert QuoteGroup("st1", set(), occurrences=reports).speaker_mention == shown
