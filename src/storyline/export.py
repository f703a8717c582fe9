"""Export the store as files: one file per table, JSONL, CSV or Parquet.

The row shapes are a contract later tools rely on (see ``docs/export.md``):

* ``articles``: ``{id, source, title, published, published_inferred, outlet,
  credits, language, text, removed: [{line, reason}], captions, url, words}``
* ``mentions``: ``{article_id, start, end, text, label, entity_id}`` — offsets into ``text``.
* ``quotes``: ``{id, article_id, text, start, end, kind, speaker_id, speaker, speaker_mention, cue,
  confidence, said_on, pieces, statement_id}`` — offsets into the article's ``text``.
* ``entities``: ``{id, name, type, aliases, roles: [{title, org, from, to, source}], mentions, quotes,
  nationality, country}`` — canonical people, organisations and places.
* ``timexes``: ``{article_id, start, end, text, type, value}`` — time expressions (TIMEX3 values).
* ``stories``: ``{id, title, article_ids, start, end}`` — articles that report the same event.
* ``events``: ``{id, story_id, date, place, participants, named, kind, summary, article_ids, evidence}`` — a
  story's events, one per date (``storyline.stories.TimelineEvent.row()``); ``evidence`` holds
  ``{field, value, article_id, start, end, text}``: the span each shown fact was read from.
* ``statements``: ``{id, statement_id, text, speaker, speaker_id, kind, reports, quote_ids, article_ids,
  outlets, first_date, latest_date}`` — the quotations grouped into statements across articles.

Rows are streamed: memory stays flat however large the store is, except for ``statements``,
which are ranked (most carried first) with every report of each in memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.errors import UsageError
from storyline.store import Store

FORMATS = ("jsonl", "csv", "parquet")
_CHUNK = 1000


def article_rows(store: Store) -> Iterator[dict[str, Any]]:
    for a in store.iter_articles():
        yield {
            "id": a.id,
            "source": a.source,
            "title": a.title,
            "published": a.published,
            "published_inferred": a.published_inferred,
            "published_estimate": a.published_estimate,
            "outlet": a.outlet,
            "credits": list(a.credits),
            "language": a.language,
            "text": a.text,
            "removed": [{"line": r.line, "reason": r.reason} for r in a.removed],
            "captions": [{"text": c.text, "credit": c.credit, "photographers": list(c.photographers)}
                         for c in a.captions],
            "url": a.url,
            "words": a.words,
        }


def mention_rows(store: Store) -> Iterator[dict[str, Any]]:
    for r in store.iter_mentions():
        yield {"article_id": r["article_id"], "start": r["start"], "end": r["end"], "text": r["text"],
               "label": r["label"], "entity_id": r["entity_id"]}


def entity_row(e: dict[str, Any]) -> dict[str, Any]:
    """The export shape of an entity from :meth:`Store.entities` / :meth:`Store.iter_entities`."""
    return {"id": e["id"], "name": e["name"], "type": e["type"], "aliases": list(e["aliases"]),
            "roles": [{"title": r["title"], "org": r["org"], "from": r["start"], "to": r["end"], "source": r["source"]}
                      for r in e["roles"]],
            "mentions": e["mentions"], "quotes": e["quotes"], "nationality": e["nationality"], "country": e["country"]}


def entity_rows(store: Store) -> Iterator[dict[str, Any]]:
    for e in store.iter_entities():
        yield entity_row(e)


def timex_rows(store: Store) -> Iterator[dict[str, Any]]:
    for r in store.iter_timexes():
        yield {"article_id": r["article_id"], "start": r["start"], "end": r["end"], "text": r["text"],
               "type": r["type"], "value": r["value"]}


def quote_rows(store: Store) -> Iterator[dict[str, Any]]:
    for q, statement_id in store.iter_quotes_with_statements():
        yield {"id": q.id, "article_id": q.article_id, "text": q.text, "start": q.start, "end": q.end,
               "kind": q.kind, "speaker_id": q.speaker_id, "speaker": q.speaker, "speaker_mention": q.speaker_mention,
               "cue": q.cue, "confidence": q.confidence, "said_on": q.said_on,
               "pieces": [list(p) for p in q.pieces], "statement_id": statement_id}


def story_rows(store: Store) -> Iterator[dict[str, Any]]:
    yield from store.story_rows()


def event_rows(store: Store) -> Iterator[dict[str, Any]]:
    """The events of every story (one story's records in memory at a time)."""
    from itertools import groupby

    from storyline.stories import story_events
    from storyline.stories.query import summarise_from_store

    names = store.entity_names()  # one read: a query per story would cost more than the names take
    for _, group in groupby(store.story_records(), key=lambda r: r.story_id):
        records = list(group)
        events = story_events(records, names=names)
        summarise_from_store(store, events, records)  # the summaries the timeline shows
        for e in events:
            yield e.row()


def statement_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Every statement of the store (``storyline quotes --grouped``), most carried first; its ``id`` is
    the id of its first report's quote."""
    from storyline.store.statements import is_stored_id
    from storyline.stories.query import statements

    for g in statements(store, limit=None):
        first, latest = g.first, g.latest
        yield {"id": first.quote_id, "statement_id": g.id if is_stored_id(g.id) else None, "text": g.text,
               "speaker": g.speaker, "speaker_id": g.speaker_id,
               "kind": g.kind, "reports": len(g.occurrences), "quote_ids": [o.quote_id for o in g.occurrences],
               "article_ids": g.articles, "outlets": g.outlets, "first_date": first.date,
               "latest_date": latest.date}


TABLES = {"articles": article_rows, "mentions": mention_rows, "quotes": quote_rows, "entities": entity_rows,
          "timexes": timex_rows, "stories": story_rows, "events": event_rows, "statements": statement_rows}


def export(store: Store, out_dir: str | Path, *, fmt: str = "jsonl") -> dict[str, tuple[Path, int]]:
    """Write every table to ``out_dir``; returns ``{table: (path, rows)}``."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}", code="E404")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for table, rows in TABLES.items():
        path = out / f"{table}.{fmt}"
        writer = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}[fmt]
        written[table] = (path, writer(path, rows(store), table))
    return written


def _write_jsonl(path: Path, rows: Iterator[dict[str, Any]], table: str) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def _write_csv(path: Path, rows: Iterator[dict[str, Any]], table: str) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = None
        for row in rows:
            flat = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()}
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(flat))
                writer.writeheader()
            writer.writerow(flat)
            n += 1
        if writer is None:
            fh.write(",".join(_SCHEMAS[table]().names) + "\n")
    return n


def _article_schema():  # noqa: ANN202 - pyarrow schema
    import pyarrow as pa

    return pa.schema([
        ("id", pa.string()), ("source", pa.string()), ("title", pa.string()), ("published", pa.string()),
        ("published_inferred", pa.bool_()), ("published_estimate", pa.string()), ("outlet", pa.string()), ("credits", pa.list_(pa.string())),
        ("language", pa.string()), ("text", pa.string()),
        ("removed", pa.list_(pa.struct([("line", pa.string()), ("reason", pa.string())]))),
        ("captions", pa.list_(pa.struct([("text", pa.string()), ("credit", pa.string()),
                                         ("photographers", pa.list_(pa.string()))]))),
        ("url", pa.string()), ("words", pa.int64()),
    ])


def _mention_schema():  # noqa: ANN202
    import pyarrow as pa

    return pa.schema([("article_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                      ("text", pa.string()), ("label", pa.string()), ("entity_id", pa.string())])


def _entity_schema():  # noqa: ANN202
    import pyarrow as pa

    role = pa.struct([("title", pa.string()), ("org", pa.string()), ("from", pa.string()), ("to", pa.string()),
                      ("source", pa.string())])
    return pa.schema([("id", pa.string()), ("name", pa.string()), ("type", pa.string()),
                      ("aliases", pa.list_(pa.string())), ("roles", pa.list_(role)), ("mentions", pa.int64()),
                      ("quotes", pa.int64()), ("nationality", pa.string()), ("country", pa.string())])


def _timex_schema():  # noqa: ANN202
    import pyarrow as pa

    return pa.schema([("article_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                      ("text", pa.string()), ("type", pa.string()), ("value", pa.string())])


def _quote_schema():  # noqa: ANN202
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("article_id", pa.string()), ("text", pa.string()),
                      ("start", pa.int64()), ("end", pa.int64()), ("kind", pa.string()),
                      ("speaker_id", pa.string()), ("speaker", pa.string()), ("speaker_mention", pa.string()),
                      ("cue", pa.string()), ("confidence", pa.float64()), ("said_on", pa.string()),
                      ("pieces", pa.list_(pa.list_(pa.int64()))), ("statement_id", pa.string())])


def _story_schema():  # noqa: ANN202
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("title", pa.string()), ("article_ids", pa.list_(pa.string())),
                      ("start", pa.string()), ("end", pa.string())])


def _event_schema():  # noqa: ANN202
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("story_id", pa.string()), ("date", pa.string()), ("place", pa.string()),
                      ("participants", pa.list_(pa.string())), ("named", pa.list_(pa.string())),
                      ("kind", pa.string()), ("summary", pa.string()),
                      ("article_ids", pa.list_(pa.string())),
                      ("evidence", pa.list_(pa.struct([("field", pa.string()), ("value", pa.string()),
                                                       ("article_id", pa.string()), ("start", pa.int64()),
                                                       ("end", pa.int64()), ("text", pa.string())])))])


def _statement_schema():  # noqa: ANN202
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("statement_id", pa.string()), ("text", pa.string()),
                      ("speaker", pa.string()), ("speaker_id", pa.string()), ("kind", pa.string()),
                      ("reports", pa.int64()),
                      ("quote_ids", pa.list_(pa.string())), ("article_ids", pa.list_(pa.string())),
                      ("outlets", pa.list_(pa.string())), ("first_date", pa.string()), ("latest_date", pa.string())])


_SCHEMAS = {"articles": _article_schema, "mentions": _mention_schema, "quotes": _quote_schema,
            "entities": _entity_schema, "timexes": _timex_schema, "stories": _story_schema, "events": _event_schema,
            "statements": _statement_schema}


def _write_parquet(path: Path, rows: Iterator[dict[str, Any]], table: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _SCHEMAS[table]()
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        chunk: list[dict[str, Any]] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= _CHUNK:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    return n
