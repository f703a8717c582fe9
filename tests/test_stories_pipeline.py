"""The stories stage in ingest: stored stories, events and duplicates, incremental re-ingest, the
`stories`, `timeline` and `eval stories` commands, and the `stories`/`events` export rows.

The ``slow`` tests ingest a small corpus written here: two reports of an earthquake, a near copy of
the first from another outlet, two reports of a bank takeover, and a cup final.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.records import AnalysedArticle, CleanArticle, IngestReport, Sentence
from storyline.store import Store

runner = CliRunner()

QUAKE_1 = ("A magnitude 7.1 earthquake struck southern Chile on Tuesday, damaging buildings in the city of Valdivia "
           "and cutting power to thousands of homes. The National Disaster Service said two people were injured. "
           "Rescue teams searched collapsed houses in Valdivia through the night. Officials issued a brief tsunami "
           "warning for the coast.")
QUAKE_2 = ("An earthquake of magnitude 7.1 hit the region around Valdivia in southern Chile on Tuesday. Buildings "
           "were damaged and power was cut to thousands of homes, the National Disaster Service said. Rescue teams "
           "worked through the night in Valdivia. A tsunami warning for the coast was lifted after two hours.")
BANK_1 = ("Nordbank said on Monday it had agreed to buy Helvetia Savings for 4 billion euros, creating the largest "
          "retail lender in the region. Chief executive Maria Lindqvist said the deal would close next year. Shares "
          "of Helvetia Savings rose 18 percent in Frankfurt. Regulators still have to approve the takeover.")
BANK_2 = ("Nordbank will acquire Helvetia Savings in a deal worth 4 billion euros, the bank announced on Monday. "
          "Maria Lindqvist, the chief executive of Nordbank, said the takeover creates the largest retail lender in "
          "the region. Helvetia Savings shares jumped 18 percent in Frankfurt. The deal needs the approval of "
          "regulators.")
FINAL = ("Rovers won the national cup final on Saturday, beating United 5-4 on penalties after a goalless draw in "
         "front of 60,000 fans at the national stadium. Goalkeeper Tomas Berg saved two penalties. It is the first "
         "cup for Rovers in twenty years. The club was relegated on May 3 last year, weeks after the stadium "
         "fire. \"We never "
         "stopped believing,\" coach Ivan Dorn said after the match.")

ROWS = [
    {"id": "q1", "cluster": "quake", "date": "2025-03-04", "outlet": "Andes Daily",
     "title": "Strong earthquake shakes southern Chile", "text": QUAKE_1},
    {"id": "q2", "cluster": "quake", "date": "2025-03-04", "outlet": "Pacific Times",
     "title": "Quake of magnitude 7.1 hits Valdivia in Chile", "text": QUAKE_2},
    {"id": "q1copy", "cluster": "quake", "date": "2025-03-05", "outlet": "Southern Courier",
     "title": "Strong earthquake shakes southern Chile", "text": QUAKE_1 + " More aftershocks are expected."},
    {"id": "m1", "cluster": "bank", "date": "2025-06-10", "outlet": "Money Wire",
     "title": "Nordbank agrees to buy Helvetia Savings for 4 billion euros", "text": BANK_1},
    {"id": "f1", "cluster": "final", "date": "", "outlet": "Sport Today",
     "title": "Rovers win the cup final on penalties", "text": FINAL},
]
LATER = {"id": "m2", "cluster": "bank", "date": "2025-06-10", "outlet": "Bourse Journal",
         "title": "Nordbank to acquire Helvetia Savings in 4 billion euro deal", "text": BANK_2}


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps({k: v for k, v in r.items() if k != "cluster"}) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _story_counts(db: str) -> tuple[int, ...]:
    with Store(db, readonly=True) as s:
        return tuple(s.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("stories", "story_articles", "events", "duplicates"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stories") / "in"
    folder.mkdir()
    _write(folder / "news.jsonl", ROWS)
    return folder


@pytest.fixture(scope="module")
def db(corpus: Path) -> str:
    path = str(corpus.parent / "s.db")
    kb = corpus.parent / "kb.yaml"  # a landmark that dates the undated cup final's year of writing
    kb.write_text("events:\n  - {name: stadium fire, date: 2024-05-03}\n", encoding="utf-8")
    code, out, err = run("ingest", str(corpus), "--db", path, "-q", "--kb", str(kb))
    assert code == 0, out + err
    return path


def _story_of(db: str) -> dict[str, str]:
    """``{gold id: story id}`` through the sources table."""
    with Store(db, readonly=True) as s:
        return dict(s.db.execute("SELECT so.source, sa.story_id FROM sources so"
                                 " JOIN story_articles sa ON sa.article_id = so.article_id").fetchall())


@pytest.mark.slow
def test_ingest_stores_stories_events_and_duplicates(db: str) -> None:
    story = {k.rsplit(":", 1)[-1]: v for k, v in _story_of(db).items()}
    assert set(story) == {"q1", "q2", "q1copy", "m1", "f1"}
    assert story["q1"] == story["q2"] == story["q1copy"]
    assert len({story["q1"], story["m1"], story["f1"]}) == 3
    with Store(db, readonly=True) as s:
        dups = s.db.execute("SELECT d.article_id, d.copy_of, d.outlet FROM duplicates d").fetchall()
        assert [d[2] for d in dups] == ["Southern Courier"]  # the near copy, folded, with its own outlet
        events = {r["article_id"]: r for r in s.db.execute("SELECT * FROM events")}
        assert dups[0][0] not in events and dups[0][1] in events  # a copy has no event of its own
        quake = events[dups[0][1]]
        assert quake["date"] == "2025-03-04" and quake["story_id"] == story["q1"]
        assert json.loads(quake["participants"]) is not None and quake["summary"]
        row = s.db.execute('SELECT * FROM stories WHERE id = ?', (story["q1"],)).fetchone()
        assert row["articles"] == 3 and row["start"] == "2025-03-04" and row["title"]
        assert set(s.story_state()) == {"index", "dedup"}
        assert len(s.story_state()["index"]["members"]) == 5 and len(s.story_state()["dedup"]) == 5


@pytest.mark.slow
def test_reingest_adds_nothing_and_a_later_ingest_resumes(db: str, corpus: Path, tmp_path: Path) -> None:
    before = _story_counts(db)
    for extra in ((), ("--force",)):
        code, out, err = run("ingest", str(corpus), "--db", db, "-q", "--kb", str(corpus.parent / "kb.yaml"), *extra)
        assert code == 0, out + err
        assert _story_counts(db) == before
    # a later ingest into a copy of the store files a new report into the story it belongs to
    copy = tmp_path / "later.db"
    with Store(db, readonly=True) as s, Store(copy) as c:
        s.db.backup(c.db)
    code, out, err = run("ingest", str(_write(tmp_path / "later.jsonl", [LATER])), "--db", str(copy), "-q")
    assert code == 0, out + err
    story = {k.rsplit(":", 1)[-1]: v for k, v in _story_of(str(copy)).items()}
    assert story["m2"] == story["m1"]
    assert _story_counts(str(copy))[0] == before[0]


@pytest.mark.slow
def test_stories_and_timeline_commands_print(db: str) -> None:
    code, out, err = run("stories", "--db", db)
    assert code == 0, err
    assert "earthquake" in out.lower() and "Southern Courier" in out and "3 articles" in out
    code, out, _ = run("stories", "--db", db, "--json", "--limit", "2")
    rows = [json.loads(x) for x in out.splitlines()]
    assert len(rows) == 2 and {"id", "title", "start", "end", "articles", "article_ids", "outlets"} <= set(rows[0])
    every = [json.loads(x) for x in run("stories", "--db", db, "--json")[1].splitlines()]
    # the undated cup final: the year its text implies it was written in ("May 3 last year", a landmark)
    assert [(r["start"], r["estimate"]) for r in every if "cup final" in r["title"]] == [(None, "2025")]
    assert all(r["estimate"] is None for r in every if r["start"])
    assert "undated (~2025)" in run("stories", "--db", db)[1]
    quake = next(r["id"] for r in every if r["articles"] == 3)
    code, out, _ = run("stories", "--db", db, "--json", "--min-articles", "2")
    several = [json.loads(x)["id"] for x in out.splitlines()]
    assert code == 0 and quake in several and several == [r["id"] for r in every if r["articles"] >= 2]
    assert len(several) < len(every)  # the store holds stories of one article too, and they are left out
    code, out, err = run("timeline", "--db", db, "--story", quake)
    assert code == 0, err
    assert "2025-03-04" in out and "Andes Daily" in out and "Southern Courier" in out
    code, out, _ = run("timeline", "--db", db, "--story", quake, "--json")
    events = [json.loads(x) for x in out.splitlines()]
    assert events and all(e["story_id"] == quake for e in events)
    assert {"id", "date", "place", "participants", "named", "kind", "summary", "article_ids", "outlets",
            "quotes"} <= set(events[0])
    code, out, _ = run("timeline", "--db", db, "--story", quake, "--evidence")
    assert code == 0 and "date: 2025-03-04 ← “" in out and "summary: the sentence in " in out
    code, out, _ = run("timeline", "--db", db, "--about", "Helvetia Savings", "--json")
    assert [json.loads(x)["date"] for x in out.splitlines()] == ["2025-06-09"]  # "on Monday", published Tuesday
    code, out, _ = run("timeline", "--db", db, "--person", "Lindqvist")
    assert code == 0 and "2025-06-09" in out
    # a spelling the store never saw but the linker would take for hers finds her, shown by her name
    code, out, _ = run("timeline", "--db", db, "--person", "Maria Lindqvsit", "--json")
    assert code == 0 and [json.loads(x)["date"] for x in out.splitlines()] == ["2025-06-09"]
    assert "Maria Lindqvist" in json.loads(out.splitlines()[0])["participants"]
    code, out, _ = run("timeline", "--db", db, "--person", "Orla Quennell")
    assert code == 0 and "nobody in the store is called 'Orla Quennell'" in " ".join(out.split())
    code, out, _ = run("timeline", "--db", db, "--about", "cup final", "--json")
    (final,) = [json.loads(x) for x in out.splitlines()]
    # undated, but the text implies when: the weekday it names and the year it was written in
    assert (final["date"], final["date_hint"]) == (None, "a Saturday, ~2025")
    # a person's timeline: their words come first among the key quotations
    code, out, _ = run("timeline", "--db", db, "--person", "Dorn", "--json")
    (dorn,) = [json.loads(x) for x in out.splitlines()]
    assert dorn["id"] == final["id"] and "Dorn" in dorn["quotes"][0]["speaker"]
    # a date range: dated events inside it only, a partial date standing for its period
    ranged = [json.loads(x)["date"] for x in run("timeline", "--db", db, "--since", "2025-06", "--json")[1].splitlines()]
    assert ranged == ["2025-06-09"]  # the bank deal; the quake was in March and the final is undated
    assert [json.loads(x)["date"] for x in run("timeline", "--db", db, "--until", "2025-03", "--json")[1].splitlines()
            ] == ["2025-03-04"]
    code, _, err = run("timeline", "--db", db, "--since", "June")
    assert code == 1 and "E406" in err and "2023-06-29" in err
    code, out, err = run("timeline", "--db", db, "--story", "s999")
    assert code == 1 and "E410" in err


def _rows(path: Path, fmt: str) -> list[dict]:
    """An exported table's rows, the lists of a CSV cell decoded."""
    if fmt == "jsonl":
        return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for r in rows:
            for k in ("article_ids", "participants", "evidence"):
                if k in r:
                    r[k] = json.loads(r[k])
        return rows
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_stories_and_events_rows(db: str, tmp_path: Path, fmt: str) -> None:
    code, out, err = run("export", "--db", db, "--out", str(tmp_path), "--format", fmt)
    assert code == 0, err
    tables = {}
    for table in ("stories", "events"):
        tables[table] = _rows(tmp_path / f"{table}.{fmt}", fmt)
    assert len(tables["stories"]) == 3
    assert set(tables["stories"][0]) == {"id", "title", "article_ids", "start", "end"}
    assert sorted(len(r["article_ids"]) for r in tables["stories"]) == [1, 1, 3]
    assert set(tables["events"][0]) == {"id", "story_id", "date", "place", "participants", "named", "kind", "summary",
                                        "article_ids", "evidence"}
    assert {e["story_id"] for e in tables["events"]} == {r["id"] for r in tables["stories"]}
    quake = next(e for e in tables["events"] if e["date"] == "2025-03-04")
    texts = {a["id"]: a["text"] for a in _rows(tmp_path / f"articles.{fmt}", fmt)}
    assert {"date", "participant", "summary"} <= {v["field"] for v in quake["evidence"]}
    for v in quake["evidence"]:  # every fact of an exported event points at the words it came from
        assert v["article_id"] in quake["article_ids"] and texts[v["article_id"]][v["start"]:v["end"]] == v["text"]
    assert "2025-03-04" in {e["date"] for e in tables["events"]}


@pytest.mark.slow
def test_eval_stories_on_a_small_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({k: r[k] for k in ("id", "title", "text", "date", "cluster")}) + "\n"
                            for r in [*ROWS, LATER]), encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    code, out, err = run("eval", "stories", "--gold", str(gold), "--pred-out", str(pred))
    assert code == 0, out + err
    assert "BCubed" in out and "F1 1.000" in out and "ARI 1.000" in out
    lines = [json.loads(x) for x in pred.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["q1", "q2", "q1copy", "m1", "f1", "m2"]
    code, out, _ = run("eval", "stories", "--gold", str(gold), "--json")
    assert json.loads(out)["bcubed_f1"] == 1.0


def test_eval_stories_names_a_refused_gold_row_and_scores_it_alone(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [{k: r[k] for k in ("id", "title", "text", "date", "cluster")} for r in ROWS]
    rows.append({"id": "debris", "title": "Share this on:", "text": "Share this on:", "date": "", "cluster": "x"})
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, out, err = run("eval", "stories", "--gold", str(gold))
    assert code == 0, out + err
    assert f"skipped {gold} (record debris): nothing is left" in err
    assert "1 not filed" in out and "F1 1.000" in out  # scored as a story of its own, which it is


def test_a_failing_article_is_one_report_line_not_a_failed_batch(tmp_path: Path) -> None:
    from storyline.pipeline import _store_batch
    from storyline.stories.stage import StoryStage

    class Broken(StoryStage):
        def add(self, analysed: AnalysedArticle) -> str | None:
            if analysed.article.id == "bad":
                raise ValueError("boom")
            return super().add(analysed)

    def item(aid: str, text: str) -> AnalysedArticle:
        a = CleanArticle(id=aid, source=f"src-{aid}", path="x.txt", format="txt", raw_text=text, text=text,
                         offsets=[(0, 0)],
                         title=text.split(".")[0], published="2025-03-04")
        return AnalysedArticle(a, [Sentence(0, len(text))])

    report = IngestReport()
    with Store(tmp_path / "s.db") as store:
        _store_batch([item("good", QUAKE_1), item("bad", BANK_1)], {}, store, report, None, Broken())
        assert report.articles_added == 2
        assert [f.path for f in report.failures] == ["x.txt (record src-bad)"]
        assert "stories failed" in report.failures[0].reason
        assert [r[0] for r in store.db.execute("SELECT article_id FROM story_articles")] == ["good"]


def _headline(aid: str, text: str) -> AnalysedArticle:
    """An analysed article that is one headline, from its own outlet."""
    a = CleanArticle(id=aid, source=f"src-{aid}", path="h.jsonl", format="jsonl", raw_text=text, text=text,
                     offsets=[(0, 0)], title=text, published="2014-03-10", outlet=f"Outlet {aid}")
    return AnalysedArticle(a, [Sentence(0, len(text))])


def test_a_merge_of_two_stored_stories_moves_their_rows_and_survives_a_restart(tmp_path: Path) -> None:
    from storyline.pipeline import _store_batch
    from storyline.stories import Deduplicator, StoryIndex, StoryParams, StoryPipeline
    from storyline.stories.stage import StoryStage

    apple = "Apple releases iOS 7.1 update with CarPlay support"
    apple2 = "iOS 7.1 update from Apple brings CarPlay and Siri fixes"
    # a join threshold only identical headlines pass, so each wording starts a fragment; the
    # second copy of the second wording (a later batch) makes the fragments meet and merge
    # (and near-duplicates folded only when nearly identical: the copies here must be filed, not folded)
    from storyline.stories.index_types import FRAGMENTS_MET

    stage = StoryStage(StoryPipeline(index=StoryIndex(StoryParams(threshold=2.1, merge_threshold=0.25)),
                                     dedup=Deduplicator(threshold=0.95)))
    report = IngestReport()
    db = tmp_path / "m.db"
    with Store(db) as store:
        _store_batch([_headline("a1", apple), _headline("a2", "Today " + apple), _headline("b1", apple2)], {}, store,
                     report, None, stage)
        before = dict(store.db.execute("SELECT article_id, story_id FROM story_articles").fetchall())
        assert before["a1"] == before["a2"] != before["b1"]
        _store_batch([_headline("b2", "Now " + apple2)], {}, store, report, None, stage)
        after = dict(store.db.execute("SELECT article_id, story_id FROM story_articles").fetchall())
        assert set(after.values()) == {before["a1"]}  # the smaller fragment went into the larger
        assert {r[0] for r in store.db.execute("SELECT id FROM stories")} == {before["a1"]}
        assert {r[0] for r in store.db.execute("SELECT DISTINCT story_id FROM events")} == {before["a1"]}
        row = store.db.execute("SELECT articles FROM stories").fetchone()
        assert row[0] == 4 and not report.failures
        # the surviving story says what was folded into it, and why
        assert store.stories()[0]["history"] == [{"change": "merge", "other": before["b1"],
                                                  "reason": FRAGMENTS_MET, "articles": 2}]
    with Store(db) as store:  # a restart replays the stored members into the merged story
        again = StoryStage.from_store(store)
        assert set(again.pipeline.index.clusters().values()) == {before["a1"]}


def test_merges_in_a_chain_within_one_batch_leave_one_story(tmp_path: Path) -> None:
    """One batch: the fragment of the second wording absorbs the third's, then goes into the first
    story; the stored rows name the story that lives on, not the one in between."""
    from storyline.pipeline import _store_batch
    from storyline.stories import Deduplicator, StoryIndex, StoryParams, StoryPipeline
    from storyline.stories.stage import StoryStage

    collapse = "Harbour crane collapse injures four dockers"
    strike = "Port unions call strike over safety at Rotterdam terminal"
    both = "Port unions strike at Rotterdam terminal after crane collapse injures dockers"
    # joins only near-identical wordings (0.85 for any length); copies differ by a word, so they are filed
    index = StoryIndex(StoryParams(threshold=0.85, short_terms=1, merge_threshold=0.25))
    stage = StoryStage(StoryPipeline(index=index, dedup=Deduplicator(threshold=0.95)))
    batch = [_headline(f"a{i}", collapse + tail) for i, tail in enumerate(("", " today", " now", ", today", ", now"))]
    batch += [_headline("c1", both), _headline("b1", strike), _headline("b2", strike + " today"),
              _headline("c2", both + " today"), _headline("c3", both + " now")]
    report = IngestReport()
    with Store(tmp_path / "chain.db") as store:
        _store_batch(batch, {}, store, report, None, stage)
        assert not report.failures
        assert index.resolve("s3") == index.resolve("s2") == "s1"  # s3 went into s2, then s2 into s1
        stored = dict(store.db.execute("SELECT article_id, story_id FROM story_articles").fetchall())
        assert len(stored) == 10 and set(stored.values()) == {"s1"}
        assert [tuple(r) for r in store.db.execute("SELECT id, articles FROM stories")] == [("s1", 10)]


def test_a_split_of_a_stored_story_moves_its_rows_and_survives_a_restart(tmp_path: Path) -> None:
    """Two castings for one role file into one story; once it has grown, the later casting's
    reports leave it for a story of their own, in the store too (``stories_helpers.casting_reports``)."""
    from stories_helpers import casting_reports

    from storyline.pipeline import _store_batch
    from storyline.stories.stage import StoryStage

    def analysed(f: object) -> AnalysedArticle:
        a = CleanArticle(id=f.id, source=f"src-{f.id}", path="c.jsonl", format="jsonl", raw_text=f.text, text=f.text,
                         offsets=[(0, 0)], title=f.title, published=None, outlet=f"Outlet {f.id}")
        return AnalysedArticle(a, list(f.sentences), list(f.mentions))

    first, second = casting_reports("first", 6), casting_reports("second", 6)
    stage, report, db = StoryStage(), IngestReport(), tmp_path / "c.db"
    with Store(db) as store:
        _store_batch([analysed(f) for f in first + second[:1]], {}, store, report, None, stage)
        before = dict(store.db.execute("SELECT article_id, story_id FROM story_articles").fetchall())
        assert len(set(before.values())) == 1  # one casting's worth of words: one story, so far
        _store_batch([analysed(f) for f in second[1:]], {}, store, report, None, stage)
        after = dict(store.db.execute("SELECT article_id, story_id FROM story_articles").fetchall())
        events = dict(store.db.execute("SELECT article_id, story_id FROM events").fetchall())
        members = {r[0]: (r[1], json.loads(r[2])["story_id"])
                   for r in store.db.execute("SELECT article_id, story_id, data FROM story_members")}
        stories = dict(store.db.execute("SELECT id, articles FROM stories").fetchall())
        (reason,) = [r[0] for r in store.db.execute("SELECT reason FROM story_log WHERE change = 'split'")]
        assert not report.failures
    # the person who parted them, as the reports write the name (the key alone gives "Brandt")
    assert "one group is about Tomas Brandt " in reason
    kept, other = after["first0"], after["second0"]
    assert kept != other and {after[f.id] for f in first} == {kept} and {after[f.id] for f in second} == {other}
    assert events == after and all(row == (after[a],) * 2 for a, row in members.items())
    assert stories == {kept: 6, other: 6}
    with Store(db) as store:  # a restart replays the moved members into the story they went to
        assert StoryStage.from_store(store).pipeline.index.clusters() == after


def test_the_story_log_follows_a_split_group_into_the_story_it_was_folded_into(tmp_path: Path) -> None:
    from storyline.store.stories import save_stories, story_history

    split = {"change": "split", "story_id": "s1", "other_id": "s2", "reason": "two events: …", "articles": 3}
    with Store(tmp_path / "log.db") as store:
        save_stories(store.db, {"log": [split]})
        save_stories(store.db, {"merges": [{"from": "s2", "into": "s3"}],
                                "log": [{"change": "merge", "story_id": "s3", "other_id": "s2",
                                         "reason": "a report fitted both", "articles": 3}]})
        assert story_history(store.db, "s1") == [{"change": "split", "other": "s3", "reason": "two events: …",
                                                  "articles": 3}]
        assert [h["change"] for h in story_history(store.db, "s3")] == ["split from", "merge"]
        assert story_history(store.db, "s2") == []  # folded: it no longer exists
