"""Story pages and timelines: `build_timeline` on a small store of its own, the `/stories` list, the
`/stories/{id}` timeline, `GET /api/stories/{id}`, and the timeline on a person's page.

The library test ingests a corpus written here: two reports of a (made-up) bridge opening with the
mayor quoted in both, and an unrelated report of a museum fire.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from test_web_pages import assert_inert, parse
from webstore import example_store

from storyline import Store, ingest
from storyline.cli import app as cli
from storyline.errors import UsageError
from storyline.stories import TimelineEvent, build_timeline, statements, timeline, timeline_row
from storyline.stories.query import UnknownStoryError, word_prefixes
from storyline.web import create_app

BRIDGE_1 = ("Mayor Elena Varga opened the new Corvin Bridge over the river in Szeged on Monday, ending four years of "
            "construction. \"This bridge joins two halves of our city that waited far too long for each other,\" "
            "Varga told a crowd of several thousand residents. The bridge carries trams, cyclists and pedestrians. "
            "Engineers said the steel arch is the longest in the region.")
BRIDGE_2 = ("Szeged celebrated the opening of the Corvin Bridge on Monday after four years of construction work. "
            "Mayor Elena Varga said: \"This bridge joins two halves of our city that waited far too long for each "
            "other.\" Trams will start crossing the steel arch next week, the city transport company said. "
            "Thousands of residents walked across the bridge on the first day.")
FIRE = ("A fire broke out in the roof of the Lakeside Museum of Clocks in Tampere on Thursday night. Firefighters "
        "saved most of the collection, fire chief Jussi Marttila said. \"We carried out more than three hundred "
        "clocks by hand,\" Marttila said. The cause of the fire is not yet known.")
ROWS = [
    {"id": "b1", "date": "2025-09-16", "outlet": "Tisza Courier", "title": "Corvin Bridge opens in Szeged",
     "text": BRIDGE_1},
    {"id": "b2", "date": "2025-09-16", "outlet": "Plains Daily", "title": "Szeged opens Corvin Bridge after four years",
     "text": BRIDGE_2},
    {"id": "f1", "date": "2025-10-03", "outlet": "Northern Post", "title": "Fire at the Lakeside Museum of Clocks",
     "text": FIRE},
]


# -- the library: build_timeline ----------------------------------------------------
@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("timeline")
    (folder / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    db = folder / "t.db"
    with Store(db) as store:
        report = ingest([str(folder / "news.jsonl")], store)
        assert report.failed == 0, report.failures
    return str(db)


def _stories(db: str) -> dict[str, str]:
    """``{source id: story id}``."""
    with Store(db, readonly=True) as s:
        return {src.rsplit(":", 1)[-1]: sid for src, sid in s.db.execute(
            "SELECT so.source, sa.story_id FROM sources so JOIN story_articles sa ON sa.article_id = so.article_id")}


@pytest.mark.slow
def test_build_timeline_of_a_story_has_its_events_and_key_quotes(small: str) -> None:
    story = _stories(small)
    assert story["b1"] == story["b2"] != story["f1"]
    with Store(small, readonly=True) as store:
        events = build_timeline(store, story=story["b1"])
        stored = {q.id for q in store.quotes(limit=None)}
    assert events and all(isinstance(e, TimelineEvent) and e.story_id == story["b1"] for e in events)
    assert [e.date for e in events] == sorted(e.date for e in events)
    assert events[0].date == "2025-09-15"  # "on Monday", published on Tuesday
    assert {"Tisza Courier", "Plains Daily"} <= set(events[0].outlets)
    assert events[0].summary
    quotes = [g for e in events for g in e.quotes]
    joined = [g for g in quotes if "two halves of our city" in g.text]
    assert joined and len(joined[0].articles) == 2  # one statement, reported by both articles
    assert all(o.quote_id in stored for g in quotes for o in g.occurrences)  # every report links to a span
    row = timeline_row(events[0])
    assert set(row) == {"id", "story_id", "date", "place", "participants", "participant_ids", "named", "named_ids",
                        "kind", "summary", "article_ids", "evidence", "date_hint", "outlets", "quotes", "recalled"}
    assert len(row["participant_ids"]) == len(row["participants"])
    assert row["date_hint"] is None  # a dated event needs no hint
    assert set(row["quotes"][0]) == {"id", "text", "speaker", "speaker_mention", "kind", "outlets", "articles",
                                     "first", "latest"}
    call = next(q for q in row["quotes"] if "two halves of our city" in q["text"])
    with Store(small, readonly=True) as store:  # filed at ingest: the id names it, with every report of it
        filed = store.statement(call["id"])
        assert store.statement("st999999") is None
    assert filed is not None and sorted(filed.articles) == sorted(call["articles"])
    assert call["first"]["date"] == "2025-09-16" and call["first"]["outlet"] in {"Tisza Courier", "Plains Daily"}
    assert call["first"]["quote_id"] in stored and call["latest"]["article_id"] in events[0].article_ids
    assert row["quotes"][0]["kind"] in {"direct", "headline", "partial", "indirect"}


@pytest.mark.slow
def test_an_event_is_summarised_by_the_sentence_its_reports_share(small: str) -> None:
    from storyline.export import event_rows

    story = _stories(small)
    with Store(small, readonly=True) as store:
        event = build_timeline(store, story=story["b1"])[0]
        exported = next(r for r in event_rows(store) if r["id"] == event.id)
        source = event.source("summary")
        assert source is not None
        text = store.db.execute("SELECT text FROM articles WHERE id = ?", (source.article_id,)).fetchone()[0]
    # both reports open on the opening "on Monday": the summary is one of those sentences, not the
    # engineers' remark or the trams' timetable, and it links to the words it came from
    assert "Corvin Bridge" in event.summary and "on Monday" in event.summary
    assert source.value == event.summary and text[source.start:source.end] == source.text
    assert exported["summary"] == event.summary  # the export shows what the timeline shows


def _store_of(folder: Path, rows: list[dict]) -> str:
    """A store ingested from ``rows`` (one JSON-lines file written to ``folder``)."""
    (folder / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = str(folder / "news.db")
    with Store(db) as store:
        report = ingest([str(folder / "news.jsonl")], store)
        assert report.failed == 0, report.failures
    return db


#: three reports of a (made-up) ferry salvage, each leading with its own day's news and each
#: recalling the grounding of 3 May, a day no report in the store tells as its own news
KIVI = [
    {"id": "k1", "date": "2025-05-06", "outlet": "Vestra Post", "title": "Crews start pumping fuel from the ferry Kivi",
     "text": "Salvage crews began pumping fuel from the ferry Kivi off Lepik island on Tuesday, the harbour authority "
             "said. The Kivi ran aground off Lepik island on 3 May with 40 passengers on board, who were all taken "
             "off by lifeboats. Divers found a long gash in the hull."},
    {"id": "k2", "date": "2025-05-08", "outlet": "Lepik News", "title": "Ferry Kivi refloated and towed to Vestra",
     "text": "Two tugs refloated the ferry Kivi on Thursday and towed it to Vestra harbour, the harbour authority "
             "said. The ferry ran aground off Lepik island on 3 May while sailing to Vestra in a storm. Inspectors "
             "will examine the hull in a dry dock."},
    {"id": "k3", "date": "2025-05-12", "outlet": "Coast Daily", "title": "Kivi captain questioned over grounding",
     "text": "Police questioned the captain of the ferry Kivi on Monday over the grounding off Lepik island. The "
             "Kivi struck rocks off Lepik island on 3 May, and its 40 passengers were taken off by lifeboats. The "
             "captain has not commented."},
]


@pytest.mark.slow
def test_the_key_days_take_in_a_day_only_later_reports_recall(tmp_path: Path) -> None:
    db = _store_of(tmp_path, KIVI)
    with Store(db, readonly=True) as store:
        top = build_timeline(store, top=2)
        whole = build_timeline(store)
        bounded = build_timeline(store, top=2, since="2025-05-04")
        of_kivi = build_timeline(store, top=2, person="Kivi")
        texts = dict(store.db.execute("SELECT id, text FROM articles"))
    # named by all three reports, the grounding outranks every day a report was filed
    assert [e.date for e in top][0] == "2025-05-03" and len(top) == 2
    grounding = top[0]
    assert grounding.recalled and not any(e.recalled for e in top[1:])
    assert len(grounding.article_ids) == 3 and grounding.outlets == ["Vestra Post", "Lepik News", "Coast Daily"]
    assert "3 May" in grounding.summary and grounding.quotes == []  # what they quote was said later
    summary, date = grounding.source("summary"), grounding.source("date")
    assert summary is not None and texts[summary.article_id][summary.start:summary.end] == summary.text
    assert date is not None and texts[date.article_id][date.start:date.end] == "3 May"
    # who the sentence names is shown as named, each with its span; nobody is said to take part
    assert grounding.participants == [] and len(grounding.named) == len(grounding.named_ids)
    assert all(texts[v.article_id][v.start:v.end] == v.text and summary.start <= v.start < summary.end
               for v in grounding.evidence if v.field == "named")
    assert [v.value for v in grounding.evidence if v.field == "named"] == grounding.named
    # where and what, read from the summary sentence as an event's are from a lead ("ran aground off Lepik island")
    assert (grounding.place, grounding.kind) == ("Lepik", "accident")
    place, kind = grounding.source("place"), grounding.source("kind")
    assert place is not None and (place.article_id, place.text) == (summary.article_id, "Lepik")
    assert kind is not None and kind.text == "aground" and summary.start <= kind.start < summary.end
    assert texts[place.article_id][place.start:place.end] == "Lepik"
    # only the key days are recalled; a day before `since` is not
    assert "2025-05-03" not in [e.date for e in whole] and not any(e.recalled for e in whole)
    assert "2025-05-03" not in [e.date for e in bounded] and len(bounded) == 2
    # a person's (here: the ferry's) key days are days of their own events
    assert len(of_kivi) == 2 and not any(e.recalled or e.date == "2025-05-03" for e in of_kivi)
    row = timeline_row(grounding)
    assert row["recalled"] is True and row["date"] == "2025-05-03"
    out = " ".join(CliRunner().invoke(cli, ["timeline", "--db", db, "--top", "2"]).output.split())
    assert "2025-05-03 · Lepik · accident · recalled by 3 reports" in out
    client = TestClient(create_app(db))
    page = " ".join(html.unescape(client.get("/timeline", params={"about": "Kivi", "top": "2"}).text).split())
    assert "recalled by 3 reports" in page
    api = client.get("/api/timeline", params={"about": "Kivi", "top": "2"}).json()["items"]
    assert [e["recalled"] for e in api] == [True, False]


#: two reports of a (made-up) lorry crash that quote the harbour police: a speaker no name is given for
CRASH = [
    {"id": "p1", "date": "2025-06-10", "outlet": "Vestra Post", "title": "Driver flees after crash on the bridge",
     "text": "A lorry crashed into the railing of the Vestra bridge on Monday night and its driver ran away. "
             "\"The driver left the lorry and fled on foot towards the old harbour,\" the harbour police said. "
             "The bridge was closed for three hours."},
    {"id": "p2", "date": "2025-06-10", "outlet": "Lepik News", "title": "Bridge closed after lorry crash",
     "text": "The Vestra bridge was closed for three hours on Monday night after a lorry hit its railing. "
             "\"The driver left the lorry and fled on foot towards the old harbour,\" the harbour police said. "
             "Nobody was hurt."},
]


@pytest.mark.slow
def test_a_key_quote_of_a_speaker_with_no_name_shows_how_the_reports_word_them(tmp_path: Path) -> None:
    db = _store_of(tmp_path, CRASH)
    with Store(db, readonly=True) as store:
        (event,) = build_timeline(store)
    (said,) = event.quotes
    assert said.speaker is None and said.speaker_mention == "the harbour police" and len(said.outlets) == 2
    assert timeline_row(event)["quotes"][0]["speaker_mention"] == "the harbour police"
    out = " ".join(CliRunner().invoke(cli, ["timeline", "--db", db]).output.split())
    assert "fled on foot towards the old harbour” — “the harbour police”" in out
    grouped = " ".join(CliRunner().invoke(cli, ["quotes", "--grouped", "--db", db]).output.split())
    assert "(speaker unknown) — as “the harbour police” direct · 2 reports" in grouped
    client = TestClient(create_app(db))
    page = html.unescape(client.get(f"/stories/{event.story_id}").text)
    figure = re.search(r'<figure class="key-quote">(.*?)</figure>', page, re.S)
    assert figure and "“the harbour police”" in figure.group(1) and "unattributed" not in figure.group(1)
    (item,) = client.get("/api/statements").json()["items"]
    assert item["speaker"] is None and item["speaker_mention"] == "the harbour police"
    detail = client.get(f"/api/statements/{item['id']}").json()
    assert [r["speaker_mention"] for r in detail["every_report"]] == ["the harbour police"] * 2
    card = html.unescape(client.get("/quotes", params={"group": "statement"}).text)
    assert "“the harbour police”" in card


@pytest.mark.slow
def test_a_story_says_why_it_split_and_merged(small: str, tmp_path: Path) -> None:
    import shutil

    db = str(tmp_path / "log.db")
    shutil.copy(small, db)
    bridge = _stories(small)["b1"]
    with sqlite3.connect(db) as con:  # what the index logs when a split and a merge happen (test_split, test_stories)
        con.executemany("INSERT INTO story_log (change, story_id, other_id, reason, articles) VALUES (?, ?, ?, ?, ?)",
                        [("split", "s90", bridge, "two events: one group is in szeged", 2),
                         ("merge", bridge, "s91", "a report fitted both", 1)])
    client = TestClient(create_app(db))
    history = client.get(f"/api/stories/{bridge}").json()["story"]["history"]
    assert history == [{"change": "split from", "other": "s90", "reason": "two events: one group is in szeged",
                        "articles": 2},
                       {"change": "merge", "other": "s91", "reason": "a report fitted both", "articles": 1}]
    page = " ".join(html.unescape(client.get(f"/stories/{bridge}").text).split())
    assert 'Split from <a href="/stories/s90">s90</a> (2 articles): two events: one group is in szeged' in page
    assert "Merged: s91 folded in (1 article): a report fitted both" in page
    out = " ".join(CliRunner().invoke(cli, ["stories", "--db", db]).output.split())
    assert "split from s90 (2 articles): two events" in out and "merged: s91 folded in (1 article)" in out


@pytest.mark.slow
def test_story_page_says_when_a_statement_was_first_and_last_reported(small: str) -> None:
    story = _stories(small)
    page = TestClient(create_app(small)).get(f"/stories/{story['b1']}")
    assert page.status_code == 200
    captions = [" ".join(html.unescape(c).split()) for c in page.text.split('<figcaption>')[1:]]
    call = [c for c in captions if "2 outlets" in c]
    assert call and "first reported 2025-09-16 by" in call[0]
    assert "latest" not in call[0]  # both reports of the same day: nothing later to tell
    out = " ".join(CliRunner().invoke(cli, ["timeline", "--db", small, "--story", story["b1"]]).output.split())
    assert "Elena Varga · 2 outlets, first 2025-09-16 (" in out


@pytest.mark.slow
def test_build_timeline_filters_by_person_and_topic(small: str) -> None:
    story = _stories(small)
    with Store(small, readonly=True) as store:
        everything = build_timeline(store)
        fire = build_timeline(store, about="museum clocks")
        nobody = build_timeline(store, person="Somebody Unheard-of")
        marttila = build_timeline(store, person="Marttila")
    assert {e.story_id for e in everything} == set(story.values())
    assert [e.date for e in everything] == sorted(e.date for e in everything)
    assert {e.story_id for e in fire} == {story["f1"]}
    assert nobody == []
    assert {e.story_id for e in marttila} <= {story["f1"]}


@pytest.mark.slow
def test_build_timeline_of_an_unknown_story_raises_a_coded_error(small: str) -> None:
    with Store(small, readonly=True) as store, pytest.raises(UnknownStoryError) as info:
        build_timeline(store, story="s999")
    assert isinstance(info.value, UsageError) and str(info.value).startswith("[E410] no story 's999'")
    assert "storyline stories --db" in str(info.value)


def test_build_timeline_on_a_store_without_stories_is_empty(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as store:
        assert build_timeline(store) == []
        assert build_timeline(store, person="Varga", about="bridge") == []


# -- the web: pages and API on the shared example store -------------------------------
@pytest.fixture(scope="module")
def db() -> str:
    return example_store()


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db))


def _story_rows(db: str) -> list[sqlite3.Row]:
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        return con.execute('SELECT id, title, start, "end", articles FROM stories ORDER BY articles DESC').fetchall()


def test_story_list_links_every_story_with_dates_counts_and_outlets(client: TestClient, db: str) -> None:
    rows = _story_rows(db)
    assert rows, "the example store should hold stories"
    page = client.get("/stories?per_page=100")
    assert page.status_code == 200
    hrefs = [a.get("href") for tag, a in assert_inert(page.text).tags if tag == "a"]
    assert {f"/stories/{r['id']}" for r in rows} <= set(hrefs)
    big = rows[0]
    shown = f"{big['start']} – {big['end']}" if big["end"] != big["start"] else big["start"] or "undated"
    assert f'<td class="nowrap">{shown}</td>' in page.text and f'<td class="num">{big["articles"]}</td>' in page.text
    api = client.get("/api/stories?per_page=100").json()
    assert api["total"] == len(rows)
    ends = [s["end"] or s["start"] for s in api["items"]]
    dated = [e for e in ends if e]
    assert dated == sorted(dated, reverse=True)  # latest first ...
    assert ends == dated + [None] * (len(ends) - len(dated))  # ... and undated stories last
    assert all(set(s) == {"id", "title", "start", "end", "articles", "outlets", "estimate"} for s in api["items"])
    assert any(s["outlets"] for s in api["items"])
    paged = client.get("/stories?per_page=2")
    assert 'rel="next"' in paged.text and paged.text.count('href="/stories/') == 2


def test_story_list_can_hide_stories_of_one_article(client: TestClient, db: str) -> None:
    rows = _story_rows(db)
    several = [r["id"] for r in rows if r["articles"] >= 2]
    assert several and len(several) < len(rows), "the example store should hold stories of one and of more articles"
    api = client.get("/api/stories?per_page=100&min_articles=2").json()
    assert api["total"] == len(several) and {s["id"] for s in api["items"]} == set(several)
    assert client.get("/api/stories?min_articles=0").status_code == 422
    page = client.get("/stories?per_page=100&min_articles=2")
    assert page.status_code == 200 and f"{len(several)} stories of 2 articles or more" in page.text
    shown = {a.get("href") for tag, a in assert_inert(page.text).tags if tag == "a"}
    assert {f"/stories/{r['id']}" for r in rows if r["articles"] == 1}.isdisjoint(shown)
    assert 'href="?per_page=100">show every story</a>' in page.text
    everything = client.get("/stories?min_articles=junk")  # junk falls back to every story
    assert f"{len(rows)} stories, latest first" in everything.text and "hide one-article stories" in everything.text


def test_story_page_is_a_timeline_linked_to_articles_and_spans(client: TestClient, db: str) -> None:
    story = _story_rows(db)[0]
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200
    tags = assert_inert(page.text)
    events = client.get(f"/api/stories/{story['id']}").json()["events"]
    assert events
    dates = [e["date"] for e in events if e["date"]]
    assert dates == sorted(dates)
    shown = [a["id"] for tag, a in tags.tags if tag == "li" and (a.get("id") or "").startswith("e-")]
    assert shown == [f"e-{e['date'] or 'undated'}" for e in events]  # the page lists them in the same order
    assert events[0]["summary"] and events[0]["summary"][:40] in html.unescape(page.text)
    hrefs = [a.get("href") or "" for tag, a in tags.tags if tag == "a"]
    for e in events:
        for article_id in e["article_ids"]:
            assert f"/articles/{article_id}" in hrefs
    quotes = [q for e in events for q in e["quotes"]]
    assert quotes, "the largest example story has quotations"
    assert all(f"/articles/{q['article_id']}#q-{q['quote_id']}" in hrefs for q in quotes)
    with sqlite3.connect(db) as con:  # a quote link targets an anchor the article page has
        q = quotes[0]
        assert con.execute("SELECT 1 FROM quotes WHERE id = ? AND article_id = ?",
                           (q["quote_id"], q["article_id"])).fetchone()
    article = client.get(f"/articles/{quotes[0]['article_id']}").text
    assert f'id="q-{quotes[0]["quote_id"]}"' in article


def test_each_fact_of_an_event_links_to_the_span_it_was_read_from(client: TestClient, db: str) -> None:
    story = _story_rows(db)[0]
    page = client.get(f"/stories/{story['id']}")
    hrefs = [a.get("href") or "" for tag, a in assert_inert(page.text).tags if tag == "a"]
    events = client.get(f"/api/stories/{story['id']}").json()["events"]
    evidence = [v for e in events for v in e["evidence"]]
    assert {"place", "kind", "participant", "summary"} <= {v["field"] for v in evidence}
    with sqlite3.connect(db) as con:
        for v in evidence:
            text = con.execute("SELECT text FROM articles WHERE id = ?", (v["article_id"],)).fetchone()[0]
            assert text[v["start"]:v["end"]] == v["text"], v
            assert f"/articles/{v['article_id']}?span={v['start']}-{v['end']}#span" in hrefs
    place = next(v for v in evidence if v["field"] == "place")
    article = client.get(f"/articles/{place['article_id']}?span={place['start']}-{place['end']}")
    assert article.status_code == 200
    marked = next(a for tag, a in assert_inert(article.text).tags if tag == "mark" and a.get("id") == "span")
    assert marked["class"] == "ev"
    assert re.search(r'<mark id="span" class="ev"[^>]*>(?:<[^>]+>)*' + re.escape(html.escape(place["text"],
                                                                                             quote=False)),
                     article.text)
    prefix = client.get(f"/articles/{place['article_id'][:8]}?span={place['start']}-{place['end']}",
                        follow_redirects=False)
    assert prefix.headers["location"].endswith(f"?span={place['start']}-{place['end']}")  # the redirect keeps it
    for bad in ("9-3", "x", f"0-{10 ** 9}"):
        r = client.get(f"/articles/{place['article_id']}?span={bad}")
        assert r.status_code == 400 and "START-END offsets within the article" in html.unescape(r.text)


def test_every_story_page_renders_inert(client: TestClient, db: str) -> None:
    for row in _story_rows(db):  # the XSS articles of the shared store sit in one of them
        r = client.get(f"/stories/{row['id']}")
        assert r.status_code == 200, row["id"]
        assert_inert(r.text)


def test_unknown_story_is_a_404_in_the_one_error_shape(client: TestClient, tmp_path: Path) -> None:
    page = client.get("/stories/s999")
    assert page.status_code == 404 and "no story" in page.text and page.headers["content-type"].startswith("text/html")
    api = client.get("/api/stories/s999")
    assert api.status_code == 404
    assert api.json() == {"error": {"status": 404, "code": "not_found",
                                    "message": "no story 's999'; list them with /api/stories"}}
    missing = TestClient(create_app(str(tmp_path / "nothing.db")))
    assert missing.get("/stories/s1").status_code == 404
    assert missing.get("/api/stories/s1").json()["error"]["code"] == "not_found"


def test_api_story_shape_and_openapi(client: TestClient, db: str) -> None:
    story = _story_rows(db)[0]
    body = client.get(f"/api/stories/{story['id']}").json()
    assert set(body) == {"story", "events"}
    assert body["story"]["id"] == story["id"] and body["story"]["articles"] == story["articles"]
    assert len(body["story"]["article_ids"]) == story["articles"] and body["story"]["outlets"]
    e = body["events"][0]
    assert {"id", "story_id", "date", "place", "participants", "participant_ids", "named", "named_ids", "kind",
            "summary", "article_ids", "outlets", "quotes", "evidence", "recalled"} == set(e)
    assert all(set(v) == {"field", "value", "article_id", "start", "end", "text"} for v in e["evidence"])
    assert all({"text", "speaker", "outlets", "articles", "article_id", "quote_id"} <= set(q) for q in e["quotes"])
    schema = client.get("/api/openapi.json").json()
    op = schema["paths"]["/api/stories/{story_id}"]["get"]
    assert op["summary"] and op["responses"]["404"]["content"]["application/json"]["schema"]["$ref"] \
        .endswith("/ErrorResponse")
    assert {"StoryDetail", "StorySummary", "TimelineEventOut", "KeyQuote"} <= set(schema["components"]["schemas"])


def test_person_page_shows_the_events_they_take_part_in(client: TestClient) -> None:
    page = client.get("/people/person:jens-stoltenberg")
    assert page.status_code == 200
    tags = assert_inert(page.text)
    assert "Timeline" in page.text
    story_links = [a["href"] for tag, a in tags.tags if tag == "a" and (a.get("href") or "").startswith("/stories/")]
    assert story_links and all("#e-" in h for h in story_links)
    assert len([1 for tag, a in tags.tags if tag == "li" and a.get("class") == "event"]) <= 20
    assert "person:jens-stoltenberg" not in "".join(parse(page.text).text)  # the filter key is not shown as a name


def test_timeline_across_stories_by_topic_person_and_period(client: TestClient, db: str) -> None:
    with sqlite3.connect(db) as con:
        stories_of = {aid: sid for aid, sid in con.execute("SELECT article_id, story_id FROM story_articles")}
    api = client.get("/api/timeline?person=person:jens-stoltenberg&per_page=100").json()
    assert api["total"] == len(api["items"]) > 1
    assert len({e["story_id"] for e in api["items"]}) > 1  # across stories, not one story's
    dates = [e["date"] for e in api["items"] if e["date"]]
    assert dates == sorted(dates) and all(e["date"] for e in api["items"][:len(dates)])  # undated last
    assert all(stories_of[a] == e["story_id"] for e in api["items"] for a in e["article_ids"])
    assert all({"evidence", "participant_ids", "quotes"} <= set(e) for e in api["items"])
    since = dates[len(dates) // 2]
    later = client.get(f"/api/timeline?person=person:jens-stoltenberg&since={since}&per_page=100").json()["items"]
    assert later and all(e["date"] and e["date"] >= since for e in later)
    first = client.get("/api/timeline?person=person:jens-stoltenberg&per_page=1&page=2").json()
    assert first["pages"] == api["total"] and first["items"][0]["id"] == api["items"][1]["id"]
    word = api["items"][0]["summary"].split()[-1].strip(".,;:")
    about = client.get("/api/timeline", params={"about": word}).json()
    assert about["total"] >= 1 and api["items"][0]["id"] in {e["id"] for e in about["items"]}
    # a timeline of the whole store is the CLI's or the export's, not one response; its key days are
    refused = client.get("/api/timeline")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "no_filter"
    assert client.get("/api/timeline?since=June").status_code == 422

    page = client.get("/timeline?person=person:jens-stoltenberg&per_page=3")
    tags = assert_inert(page.text)
    assert f"{api['total']} events in date order" in page.text
    cards = [a for tag, a in tags.tags if tag == "li" and a.get("class") == "event"]
    assert len(cards) == 3 and 'rel="next"' in page.text
    hrefs = [a.get("href") or "" for tag, a in tags.tags if tag == "a"]
    assert f"/stories/{api['items'][0]['story_id']}#e-{api['items'][0]['date'] or 'undated'}" in hrefs
    assert '--person "person:jens-stoltenberg"' in html.unescape(page.text)
    key_days = client.get("/api/timeline?top=3").json()
    assert 1 <= len({e["date"] for e in key_days["items"]}) <= 3
    form = client.get("/timeline")  # a first visit: the store's key days under the form
    assert form.status_code == 200 and "Give words, a person or a period" in form.text
    assert "of the 20 days that matter most" in form.text and 'class="event"' in form.text
    assert "/api/timeline?top=20" in html.unescape(form.text)
    bad = client.get("/timeline?since=June")
    assert bad.status_code == 400 and "YYYY, YYYY-MM or YYYY-MM-DD" in html.unescape(bad.text)
    person = client.get("/people/person:jens-stoltenberg").text
    assert 'href="/timeline?person=person%3Ajens-stoltenberg"' in person


@pytest.mark.parametrize(("text", "prefixes"), [
    ("Ukraine", ["ukrain"]),
    ("countries' leaders", ["countr", "leade"]),  # "countr" also starts "country", which shares the stem
    ("eastern-flank talks", ["eastern", "flan", "tal"]),  # the index splits at the hyphen
    ("Nausėda", ["naused"]),  # accents stripped, as the index strips them; a word of any script is one word
    ("the of and", []),  # stopwords only: no filter
])
def test_word_prefixes_are_what_every_matching_word_starts_with(text: str, prefixes: list[str]) -> None:
    assert word_prefixes(text) == prefixes


def test_a_topic_timeline_reads_only_the_articles_the_index_finds(db: str) -> None:
    with Store(db, readonly=True) as store:
        every = store.story_records()
        texts = dict(store.db.execute("SELECT id, text FROM articles").fetchall())
        for about in ("summit", "drills Belarus", "Nauseda", "Nausėda", "Lithuania's president", "air-defence",
                      "no such words here"):
            found = build_timeline(store, about=about)
            full = timeline(every, about=about, texts=texts)  # every article's words read
            assert [e.id for e in found] == [e.id for e in full], about
        spelled = {a for e in build_timeline(store, about="Nauseda") for a in e.article_ids}
        assert spelled == {a for e in build_timeline(store, about="Nausėda") for a in e.article_ids}
        assert any("Nausėda" in texts[a] for a in spelled)  # the name without its accent finds it with


def test_a_timeline_of_the_days_that_matter_most(client: TestClient, db: str) -> None:
    with Store(db, readonly=True) as store:
        every = build_timeline(store)
        dated = {e.date for e in every if e.date}
        assert len(dated) > 3, "the example store should have events on several days"
        for k in (1, 3):
            top = build_timeline(store, top=k)
            days = {e.date for e in top}
            assert None not in days and len(days) == k  # k days, undated events left out
            told = [e for e in top if not e.recalled]
            assert [e.id for e in told] == [e.id for e in every if e.date in days]  # every event of those days
            # a day only later reports recall has no event of its own: it is one event, with their articles
            assert all(e.date not in dated and e.article_ids for e in top if e.recalled)
        busiest = max(dated, key=lambda d: sum(len(e.article_ids) for e in every if e.date == d))
        reports = {d: sum(len(e.article_ids) for e in every if e.date == d) for d in dated}
        if list(reports.values()).count(reports[busiest]) == 1:  # a clear busiest day is among the top 3
            assert busiest in {e.date for e in build_timeline(store, top=3)}
    result = CliRunner().invoke(cli, ["timeline", "--db", db, "--top", "2", "--json"])
    assert result.exit_code == 0 and len({json.loads(x)["date"] for x in result.output.splitlines()}) == 2
    api = client.get("/api/timeline?since=2000&top=2&per_page=100").json()
    assert len({e["date"] for e in api["items"]}) == 2
    page = client.get("/timeline?since=2000&top=2")
    assert "of the 2 days that matter most" in page.text and "--top 2" in html.unescape(page.text)
    assert client.get("/api/timeline?since=2000&top=0").status_code == 422
    assert client.get("/timeline?since=2000&top=many").status_code == 400


def test_every_participant_link_goes_to_the_entity_of_that_name(client: TestClient, db: str) -> None:
    """Story, person and timeline pages link each participant by its id: the link and the name agree."""
    with sqlite3.connect(db) as con:
        names = dict(con.execute("SELECT id, name FROM entities"))
        people = [r[0] for r in con.execute("SELECT id FROM entities WHERE type = 'PERSON' ORDER BY mentions DESC"
                                            " LIMIT 8")]
    pages = [f"/stories/{r['id']}" for r in _story_rows(db)] + [f"/people/{p}" for p in people]
    pages += [f"/timeline?person={p}" for p in people[:3]]
    linked = 0
    for path in pages:
        for block in re.findall(r'<p class="people">(.*?)</p>', client.get(path).text, re.S):
            for href, shown in re.findall(r'<a href="/people/([^"]+)">([^<]+)</a>', block):
                entity = unquote(html.unescape(href))
                assert names[entity] == html.unescape(shown), (path, entity, shown)
                linked += 1
    assert linked > 10


def test_home_page_links_recent_stories(client: TestClient) -> None:
    hrefs = [a.get("href") or "" for tag, a in parse(client.get("/").text).tags if tag == "a"]
    assert any(h.startswith("/stories/") for h in hrefs)


def test_a_person_timeline_reads_only_the_events_that_name_them(small: str) -> None:
    from storyline.stories.query import build_timeline

    with Store(small, readonly=True) as store:
        everyone = store.story_records()
        names = {p.name for r in everyone for p in r.event.participants if p.label == "PERSON"}
        assert names, "the small corpus names people"
        name = sorted(names)[0]
        narrowed = store.story_records(participant=name.split()[-1].lower())
        assert 0 < len(narrowed) <= len(everyone)
        assert all(any(name.split()[-1].lower() in (p.key + p.name).lower() for p in r.event.participants)
                   for r in narrowed)
        events = build_timeline(store, person=name)
        assert events and all(name in e.participants for e in events)
        assert store.story_records(participant="nobody-of-that-name") == []


def test_an_undated_event_card_shows_the_weekday_its_reports_give() -> None:
    from storyline.web.pages import _env

    card = _env.get_template("_macros.html").module.event_card
    event = {"date": None, "date_hint": "a Wednesday", "place": "Brussels", "kind": "meeting", "story_id": "s1",
             "summary": "Talks.", "people": [], "quotes": [], "articles": []}
    assert "undated (a Wednesday)" in str(card(event))
    assert ">2023-06-27<" in str(card({**event, "date": "2023-06-27"}))


def test_an_event_card_shows_who_took_part_apart_from_who_is_named() -> None:
    from storyline.web.pages import _env

    card = _env.get_template("_macros.html").module.event_card
    event = {"date": "2025-03-04", "date_hint": None, "place": "Tallinn", "kind": "press conference", "story_id": "s1",
             "summary": "Talks.", "people": [{"name": "Mari Lepik", "id": "e1"}], "quotes": [], "articles": [],
             "also_named": [{"name": "Jaan Tamm", "id": "e2"}, {"name": "Ilze Ozola", "id": None}]}
    html = " ".join(str(card(event)).split())
    who, named = html.split("also named:")
    assert "Mari Lepik" in who and "Jaan Tamm" not in who
    assert 'href="/people/e2">Jaan Tamm</a>, Ilze Ozola' in named
    assert "also named" not in str(card({**event, "also_named": []}))


def test_the_sample_corpus_keeps_different_events_apart(db: str) -> None:
    """examples/ in the seeds' manner: meetings, summits and incidents of the same people and weeks."""
    with sqlite3.connect(db) as con:
        story = dict(con.execute("SELECT COALESCE(a.title, substr(a.text, 1, 160)), sa.story_id FROM articles a"
                                 " JOIN story_articles sa ON sa.article_id = a.id"))

    def of(words: str) -> str:
        (sid,) = {s for t, s in story.items() if words in t}
        return sid

    brussels = of("Stoltenberg asks Minsk to stop hosting Russian units")
    others = [of("The eastern flank is not a buffer zone"),  # a summit in Bratislava, Brussels named far down
              of("Three percent should be the new minimum"),  # a plan for the Washington summit, undated
              of("Allies Will Not Be Intimidated by Drills in Belarus"),  # a ministers' meeting on a Thursday
              # a drone that fell near a village on the meeting's weekday, the same two men commenting: the
              # village is read although the lead's clause is reported speech with a partial quotation in it
              of("drone from Belarus over Poland")]
    assert brussels not in others and len(set(others)) == 4
    assert of("NATO at 75") not in {of("Stoltenberg in Rukla"), of("Stoltenberg: Allies Will Not Be")}
    # every article of the store names Stoltenberg, NATO and Brussels: a ministers' meeting on a
    # Thursday is neither the annual report presented on a Thursday nor foreign ministers' anniversary
    assert len({of("Stoltenberg: Allies Will Not Be"), of("presented this Thursday the annual report"),
                of("NATO at 75")}) == 3
    # the plea to reinforce Vilnius' air defence a week before the summit is not the summit
    assert of("reinforce the air defence around Vilnius") != of("Vilnius opens NATO summit")
    # a plan for the summit, spoken in Warsaw ("at the Washington summit in July"), is not the summit
    assert of("Three percent should be the new minimum") != of("The road of Ukraine to NATO is now irreversible")


def test_the_sample_corpus_tells_one_statement_in_two_translations(db: str) -> None:
    """examples/ holds a second outlet's translation of the Brussels meeting: it joins that story,
    and each statement both report is one statement carried by two outlets, its other wording kept."""
    with Store(db, readonly=True) as store:
        story = dict(store.db.execute("SELECT a.title, sa.story_id FROM articles a JOIN story_articles sa"
                                      " ON sa.article_id = a.id WHERE a.title IS NOT NULL"))
        said = {g.text: g for g in statements(store, min_articles=2, limit=None)}
    first = story["Stoltenberg asks Minsk to stop hosting Russian units after talks with Duda in Brussels"]
    assert story["Stoltenberg to Minsk: Belarus is not a neutral observer"] == first
    (bystander,) = [g for t, g in said.items() if "neutral bystander" in t]
    assert bystander.outlets == ["Diario Atlántico", "Tatra Observer"] and bystander.speaker == "Jens Stoltenberg"
    assert any("neutral observer" in o.text for o in bystander.occurrences)  # the other translation
    assert "headline" in {o.kind for o in bystander.occurrences}  # and the headline that quotes part of it
    (threat,) = [g for t, g in said.items() if "threat does not come from nowhere" in t]
    assert threat.speaker == "Andrzej Duda" and len(threat.outlets) == 2
    assert (threat.first.date, threat.latest.date) == ("2023-05-17", "2023-05-18")


def test_the_cli_puts_marks_only_around_key_quotes_that_are_all_the_speakers_words(db: str) -> None:
    as_json = CliRunner().invoke(cli, ["timeline", "--db", db, "--json"]).output
    rows = [json.loads(line) for line in as_json.splitlines()]
    out = " ".join(CliRunner().invoke(cli, ["timeline", "--db", db]).output.split())
    quotes = [q for r in rows for q in r["quotes"]]
    marked = [q for q in quotes if q["kind"] != "direct" and re.search(r'["“”]', q["text"])]
    assert marked  # the sample corpus has partial quotations among its key quotes
    for q in quotes:
        words = " ".join(q["text"].split())[:40]
        own = q["kind"] in ("direct", "headline") and not re.search(r'["“”«»]', q["text"])
        assert ("“" + words in out) == own, q  # a partial or reported one keeps only its own marks, if any
