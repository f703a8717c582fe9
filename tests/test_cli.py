"""The CLI end to end: each command on a small corpus the test writes itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()

STORY = (
    "Kallas urges allies to “move faster” on air defence\n\n"
    "Share\n\n"
    "Estonian Prime Minister Kaja Kallas on Tuesday urged the allies to speed up deliveries of air defence "
    "systems to Ukraine before the winter.\n\n"
    "“Every week we wait costs lives. We must move faster,” Kallas told reporters in Tallinn.\n\n"
    "She added that Estonia will send a new package of ammunition next month.\n\n"
    "Leave A Reply\n\n"
    "Source: Baltic Courier\n"
)
OTHER = (
    "Duda: “Poland will spend more on defence”\n"
    "WARSAW, March 14, 2024 (PAP) - Polish President Andrzej Duda said on Thursday that Poland will raise its "
    "defence budget again next year.\n"
    "“Security has no price,” the Head of State said during a visit to an army base near Rzeszów.\n"
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "kallas.txt").write_text(STORY, encoding="utf-8")
    (folder / "sub" / "duda.txt").write_text(OTHER, encoding="utf-8")
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_ingest_list_show_search_stats_export(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "s.db")
    code, out, _ = run("ingest", str(corpus), "--db", db, "-q")
    assert code == 0, out
    assert "2 articles stored" in out

    code, out, _ = run("articles", "--db", db)
    assert code == 0
    assert "Baltic" in out and "2024-03-14" in out
    code, out, _ = run("articles", "--db", db, "--json")
    listed = [json.loads(line) for line in out.splitlines()]
    assert {r["outlet"] for r in listed} == {"Baltic Courier", None}
    assert {r["published"] for r in listed} == {"2024-03-14", None}

    code, out, _ = run("search", "defence budget", "--db", db)
    assert code == 0 and "Duda" in out

    code, out, _ = run("stats", "--db", db)
    assert code == 0 and "articles" in out

    code, out, _ = run("export", "--out", str(tmp_path / "out"), "--db", db)
    assert code == 0
    rows = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    kallas = next(r for r in rows if r["outlet"] == "Baltic Courier")
    assert kallas["title"] == "Kallas urges allies to “move faster” on air defence"
    assert {"line": "Leave A Reply", "reason": "comment form"} in kallas["removed"]
    assert "Share" not in kallas["text"].split("\n")

    code, out, _ = run("show", kallas["id"][:8], "--db", db)
    assert code == 0
    assert "comment form" in out and "Leave A Reply" in out and "Every week we wait" in out

    code, out, _ = run("show", kallas["id"], "--db", db, "--json")
    assert json.loads(out)["outlet"] == "Baltic Courier"


def test_reingest_stores_nothing_twice(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "s.db")
    run("ingest", str(corpus), "--db", db, "-q")
    code, out, _ = run("ingest", str(corpus), "--db", db, "-q")
    assert code == 0
    assert "0 articles stored" in out and "2 files skipped" in out
    (corpus / "kallas.txt").write_text(STORY.replace("next month", "next week"), encoding="utf-8")
    code, out, _ = run("ingest", str(corpus), "--db", db, "-q")
    assert "1 articles stored" in out and "1 replaced" in out
    code, out, _ = run("stats", "--db", db)
    assert "articles  2" in out


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x00\x01\x02\x03" * 200, "binary"),
        ("bad.jsonl", b'{"text": "One fine article about the alliance and its plans."}\n{not json\n', "bad.jsonl:2"),
        ("nav.html", b"<html><body><nav><a href='/a'>Home</a><a href='/b'>World</a></nav></body></html>",
         "no article"),
        # web debris only: nothing is left once it is removed, so nothing is stored
        ("debris.txt", b"Share this on:\nLeave a Reply\n", "nothing is left"),
        ("debris.jsonl", b'{"id": "x1", "title": "Share this on:", "text": "Share this on:"}\n', "(record x1)"),
    ],
)
def test_bad_input_one_line_and_the_batch_goes_on(tmp_path: Path, corpus: Path, name: str, content: bytes,
                                                  reason: str) -> None:
    db = str(tmp_path / "s.db")
    run("ingest", str(corpus), "--db", db, "-q")
    (corpus / name).write_bytes(content)
    code, out, err = run("ingest", str(corpus), "--db", db, "-q")
    assert code == 1  # the exit status counts the failures
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and name in lines[0] and reason in lines[0]
    assert "1 failed" in out
    code, out, _ = run("stats", "--db", db)
    assert "articles" in out and ("articles  2" in out or "articles  3" in out)  # nothing stored was lost


def test_errors_are_one_line_and_non_zero(tmp_path: Path) -> None:
    code, _, err = run("articles", "--db", str(tmp_path / "missing.db"))
    assert code == 1 and "storyline ingest" in err and len(err.strip().splitlines()) == 1
    db = str(tmp_path / "s.db")
    run("ingest", str(tmp_path), "--db", db, "-q")
    code, _, err = run("show", "doesnotexist", "--db", db)
    assert code == 1 and "storyline articles" in err
    code, _, err = run("export", "--out", str(tmp_path / "o"), "--format", "xml", "--db", db)
    assert code == 1 and "jsonl" in err
    code, _, err = run("ingest", str(tmp_path / "nope"), "--db", db, "-q")
    assert code == 1 and "nope" in err


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats_have_the_contract_fields(tmp_path: Path, corpus: Path, fmt: str) -> None:
    db = str(tmp_path / "s.db")
    run("ingest", str(corpus), "--db", db, "-q")
    code, _, _ = run("export", "--out", str(tmp_path / "o"), "--format", fmt, "--db", db)
    assert code == 0
    if fmt == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(tmp_path / "o" / "articles.parquet")
        columns, n = table.column_names, table.num_rows
        mention_columns = pq.read_table(tmp_path / "o" / "mentions.parquet").column_names
    elif fmt == "csv":
        import csv

        with open(tmp_path / "o" / "articles.csv", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        columns, n = list(rows[0]), len(rows)
        with open(tmp_path / "o" / "mentions.csv", encoding="utf-8") as fh:
            mention_columns = list(next(csv.DictReader(fh)))
    else:
        rows = [json.loads(x) for x in (tmp_path / "o" / "articles.jsonl").read_text().splitlines()]
        columns, n = list(rows[0]), len(rows)
        mention_columns = list(json.loads((tmp_path / "o" / "mentions.jsonl").read_text().splitlines()[0]))
    assert n == 2
    assert {"id", "source", "title", "published", "published_inferred", "outlet", "credits", "language", "text",
            "removed"} <= set(columns)
    assert mention_columns[:5] == ["article_id", "start", "end", "text", "label"]  # fields are only ever added


@pytest.mark.slow
def test_worker_processes_store_the_same_as_one_process(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1] / "examples"
    dumps = []
    for workers in ("1", "2"):
        db = str(tmp_path / f"w{workers}.db")
        code, out, _ = run("ingest", str(root), "--db", db, "-q", "--workers", workers)
        assert code == 0, out
        code, out, _ = run("export", "--out", str(tmp_path / f"o{workers}"), "--db", db)
        texts = sorted((r["id"], r["text"]) for r in map(json.loads, (tmp_path / f"o{workers}" / "articles.jsonl")
                                                         .read_text().splitlines()))
        quotes = sorted((r["article_id"], r["start"], r["end"], r["speaker"]) for r in map(
            json.loads, (tmp_path / f"o{workers}" / "quotes.jsonl").read_text().splitlines()))
        dumps.append((texts, quotes))
    assert dumps[0] == dumps[1]
    assert len(dumps[0][0]) == 19 and dumps[0][1]
