"""The stories tables (migration ``m005_stories``): writing a batch's changes, reading them back.

``save_stories(db, changes)`` runs inside :meth:`Store.save_batch`'s transaction; ``changes`` is
:meth:`storyline.stories.stage.StoryStage.changes` output::

    {"merges": [{from, into}], "moves": [{article_id, story_id}],
     "stories": [{id, title, start, end, articles}],
     "story_articles": [(story_id, article_id)],
     "events": [{id, story_id, article_id, date, date_source, place, venue, participants, main, kind,
                 summary, evidence}],
     "duplicates": [{article_id, copy_of, outlet}],
     "members": [StoryIndex member rows], "terms": [{term, df, prior}], "dedup": [Deduplicator rows],
     "meta": StoryIndex meta, "statements": statement rows (storyline.store.statements)}

The stage's state is rows, appended (members, dedup) or upserted (terms touched) per batch, so
saving a batch costs what the batch added, not what the store holds.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from storyline.store.sql import contains, rows_in

#: The story lists' order (CLI, API, pages): by the last event date, undated stories last, then the
#: most recently filed.
LATEST_FIRST = 'ORDER BY coalesce("end", start) IS NULL, coalesce("end", start) DESC, rowid DESC'

if TYPE_CHECKING:  # the stories package (datasketch, numpy) is imported only when read
    from storyline.stories.events import Event
    from storyline.stories.timeline import ArticleRecord


def has_tables(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'stories'").fetchone() is not None


def save_stories(db: sqlite3.Connection, changes: dict[str, Any]) -> None:
    """Write a batch's stories, memberships, events, duplicates and the stage's state."""
    for m in changes.get("merges", []):  # a merged story's rows go to the story it was folded into
        old, into = m["from"], m["into"]
        db.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (into, old))
        db.execute("UPDATE events SET story_id = ? WHERE story_id = ?", (into, old))
        db.execute("UPDATE story_members SET story_id = ?, data = json_set(data, '$.story_id', ?) WHERE story_id = ?",
                   (into, into, old))
        db.execute("DELETE FROM stories WHERE id = ?", (old,))
        db.execute("UPDATE story_log SET story_id = ? WHERE story_id = ?", (into, old))
        # a split's group that later went into another story: "s3 left" points to where it is now
        db.execute("UPDATE story_log SET other_id = ? WHERE other_id = ? AND change = 'split'", (into, old))
    for m in changes.get("moves", []):  # a split moved the article to another story
        aid, sid = m["article_id"], m["story_id"]
        db.execute("UPDATE story_articles SET story_id = ? WHERE article_id = ?", (sid, aid))
        db.execute("UPDATE events SET story_id = ? WHERE id = ?", (sid, aid))
        db.execute("UPDATE story_members SET story_id = ?, data = json_set(data, '$.story_id', ?) WHERE article_id = ?",
                   (sid, sid, aid))
    db.executemany("INSERT INTO story_log (change, story_id, other_id, reason, articles) VALUES (?, ?, ?, ?, ?)",
                   [(c["change"], c["story_id"], c["other_id"], c["reason"], c["articles"])
                    for c in changes.get("log", [])])
    db.executemany(
        'INSERT OR REPLACE INTO stories (id, title, start, "end", articles) VALUES (?, ?, ?, ?, ?)',
        [(r["id"], r["title"], r["start"], r["end"], r["articles"]) for r in changes.get("stories", [])],
    )
    db.executemany("INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?, ?)",
                   [tuple(x) for x in changes.get("story_articles", [])])
    db.executemany(
        "INSERT OR REPLACE INTO events (id, story_id, article_id, date, date_source, place, venue, participants,"
        " main, kind, summary, evidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(e["id"], e["story_id"], e["article_id"], e["date"], e["date_source"], e["place"], e["venue"],
          json.dumps(e["participants"], ensure_ascii=False), json.dumps(e["main"], ensure_ascii=False), e["kind"],
          e["summary"], json.dumps(e["evidence"], ensure_ascii=False)) for e in changes.get("events", [])],
    )
    db.executemany("INSERT OR REPLACE INTO duplicates (article_id, copy_of, outlet) VALUES (?, ?, ?)",
                   [(d["article_id"], d["copy_of"], d["outlet"]) for d in changes.get("duplicates", [])])
    db.executemany("INSERT OR REPLACE INTO story_members (seq, article_id, story_id, data) VALUES (?, ?, ?, ?)",
                   [(m["seq"], m["article_id"], m["story_id"], json.dumps(m, ensure_ascii=False))
                    for m in changes.get("members", [])])
    db.executemany("INSERT OR REPLACE INTO story_terms (term, df, prior) VALUES (?, ?, ?)",
                   [(t["term"], t["df"], t["prior"]) for t in changes.get("terms", [])])
    db.executemany(
        "INSERT OR REPLACE INTO dedup_articles (article_id, original_id, outlet, published, signature, scheme,"
        " exact_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(d["article_id"], d["original_id"], d["outlet"], d["published"], d["signature"], d.get("scheme"),
          d.get("exact_key")) for d in changes.get("dedup", [])])
    if changes.get("meta"):
        db.execute("INSERT OR REPLACE INTO story_state (name, data) VALUES ('meta', ?)",
                   (json.dumps(changes["meta"], ensure_ascii=False),))
    if changes.get("statements"):
        from storyline.store.statements import save_statements  # imports the stories package

        save_statements(db, changes["statements"])


def load_state(db: sqlite3.Connection) -> dict[str, Any]:
    """``{"index": StoryIndex.to_rows() data, "dedup": Deduplicator.to_rows() data}`` (empty when
    nothing was filed yet)."""
    if not has_tables(db):
        return {}
    meta = db.execute("SELECT data FROM story_state WHERE name = 'meta'").fetchone()
    if meta is None:
        return {}
    index = {"meta": json.loads(meta[0]),
             "terms": [{"term": r[0], "df": r[1], "prior": r[2]}
                       for r in db.execute("SELECT term, df, prior FROM story_terms")],
             "members": [json.loads(r[0]) for r in db.execute("SELECT data FROM story_members ORDER BY seq")]}
    dedup = [{"article_id": r[0], "original_id": r[1], "outlet": r[2], "published": r[3], "signature": r[4],
              "scheme": r[5], "exact_key": r[6]}
             for r in db.execute("SELECT article_id, original_id, outlet, published, signature, scheme, exact_key"
                                 " FROM dedup_articles ORDER BY rowid")]
    originals = {d["article_id"] for d in dedup if d["article_id"] == d["original_id"]}
    dedup = [d for d in dedup if d["original_id"] in originals]  # never a copy of an unsaved original
    return {"index": index, "dedup": dedup}


def event_from_row(row: sqlite3.Row | dict[str, Any]) -> Event:
    from storyline.stories.events import Event, Evidence, Participant

    return Event(
        article_id=row["article_id"], date=row["date"], date_source=row["date_source"], place=row["place"],
        venue=row["venue"], participants=[Participant(**p) for p in _json(row["participants"])],
        main=list(_json(row["main"])), kind=row["kind"], summary=row["summary"] or "",
        evidence=[Evidence(**e) for e in _json(row["evidence"])],
    )


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def records(db: sqlite3.Connection, *, story_ids: list[str] | None = None,
            participant: str | None = None, also: Collection[str] = (),
            articles: Collection[str] | None = None) -> list[ArticleRecord]:
    """:class:`ArticleRecord` of every stored event (of the given stories; with ``participant`` in its
    participants' JSON, case-insensitively: a superset for the caller's own matching, or of an article
    of ``also``; of one of ``articles``), with its copies' outlets."""
    from storyline.stories.timeline import ArticleRecord

    if not has_tables(db):
        return []
    sql = ("SELECT e.*, a.title AS a_title, a.outlet AS a_outlet, a.published AS a_published,"
           " a.published_estimate AS a_estimate FROM events e"
           " LEFT JOIN articles a ON a.id = e.article_id")
    where: list[str] = []
    args: list[Any] = []
    if story_ids is not None:
        if not story_ids:
            return []
        where.append(f"e.story_id IN ({','.join('?' * len(story_ids))})")
        args += story_ids
    if participant:
        where.append("(e.participants LIKE ? ESCAPE '\\' OR e.article_id IN (SELECT value FROM json_each(?)))")
        args += [contains(participant), json.dumps(sorted(also))]
    if articles is not None:
        where.append("e.article_id IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(sorted(articles)))
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.story_id, coalesce(e.date, ''), e.article_id"
    rows = db.execute(sql, args).fetchall()
    copies: dict[str, list[str]] = {}
    dup_sql = "SELECT copy_of, outlet FROM duplicates WHERE outlet IS NOT NULL"
    subset = story_ids is not None or bool(participant) or articles is not None
    # only the copies of these articles when they are a subset: a batch's stories or a person's events
    found = (rows_in(db, dup_sql + " AND copy_of IN ({ids}) ORDER BY rowid", [r["article_id"] for r in rows])
             if subset else db.execute(dup_sql + " ORDER BY rowid"))
    for r in found:
        copies.setdefault(r[0], []).append(r[1])
    return [ArticleRecord(r["article_id"], r["story_id"], event_from_row(r), r["a_title"], r["a_outlet"],
                          r["a_published"], copies.get(r["article_id"], []), r["a_estimate"])
            for r in rows]


def estimates(db: sqlite3.Connection, story_ids: list[str]) -> dict[str, str]:
    """``{story id: the publication year or month its undated articles imply}`` (``published_estimate``,
    the most common), for the stories of ``story_ids`` that have one: what an undated story shows."""
    out: dict[str, str] = {}
    for sid, value, _ in rows_in(
            db, "SELECT sa.story_id, a.published_estimate, count(*) AS n FROM story_articles sa"
            " JOIN articles a ON a.id = sa.article_id"
            " WHERE sa.story_id IN ({ids}) AND a.published_estimate IS NOT NULL"
            " GROUP BY sa.story_id, a.published_estimate ORDER BY n, a.published_estimate DESC", story_ids):
        out[sid] = value  # ordered by count within a batch (a story is in one): the most common is written last
    return out


def list_stories(db: sqlite3.Connection, *, limit: int | None = 50, min_articles: int = 1) -> list[dict[str, Any]]:
    """Stories of at least ``min_articles`` articles (copies count), latest first:
    ``{id, title, start, end, articles, article_ids, outlets, estimate}`` (``estimate``: for an undated
    story, the publication year or month its articles imply, else None)."""
    if not has_tables(db):
        return []
    sql = f'SELECT id, title, start, "end", articles FROM stories WHERE articles >= ? {LATEST_FIRST}'
    args = (min_articles, limit) if limit else (min_articles,)
    rows = db.execute(sql + (" LIMIT ?" if limit else ""), args).fetchall()
    implied = estimates(db, [r["id"] for r in rows if not r["start"]])
    history = story_histories(db, [r["id"] for r in rows])
    out = []
    for r in rows:
        members = db.execute("SELECT sa.article_id, a.outlet FROM story_articles sa LEFT JOIN articles a"
                             " ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY a.published, sa.article_id",
                             (r["id"],)).fetchall()
        out.append({"id": r["id"], "title": r["title"], "start": r["start"], "end": r["end"],
                    "articles": r["articles"], "article_ids": [m[0] for m in members],
                    "outlets": list(dict.fromkeys(m[1] for m in members if m[1])),
                    "estimate": implied.get(r["id"]), "history": history.get(r["id"], [])})
    return out


def story_history(db: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    """The splits and merges that made a story what it is, oldest first: ``{change, other, reason,
    articles}``, where ``change`` is ``split`` (``other`` left it), ``split from`` (it left
    ``other``) or ``merge`` (``other`` was folded into it)."""
    return story_histories(db, [story_id]).get(story_id, [])


def story_histories(db: sqlite3.Connection, story_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """:func:`story_history` of each of ``story_ids`` (those with one), read in one query per 250."""
    if not story_ids or db.execute("SELECT 1 FROM sqlite_master WHERE name = 'story_log'").fetchone() is None:
        return {}  # a store opened read-only before m009_story_log
    out: dict[str, list[dict[str, Any]]] = {}
    for i in range(0, len(story_ids), 250):
        chunk = story_ids[i:i + 250]
        here = set(chunk)
        marks = ",".join("?" * len(chunk))
        rows = db.execute("SELECT change, story_id, other_id, reason, articles FROM story_log"
                          f" WHERE story_id IN ({marks}) OR other_id IN ({marks}) ORDER BY seq", chunk + chunk)
        for change, sid, other, reason, articles in rows:
            if sid in here:
                out.setdefault(sid, []).append({"change": change, "other": other, "reason": reason,
                                                "articles": articles})
            if other in here and change == "split":  # a merge's other no longer exists
                out.setdefault(other, []).append({"change": "split from", "other": sid, "reason": reason,
                                                  "articles": articles})
    return out


def iter_story_rows(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Export rows ``{id, title, article_ids, start, end}``, by id."""
    if not has_tables(db):
        return []
    members: dict[str, list[str]] = {}
    for r in db.execute("SELECT story_id, article_id FROM story_articles ORDER BY story_id, article_id"):
        members.setdefault(r[0], []).append(r[1])
    return [{"id": r["id"], "title": r["title"], "article_ids": members.get(r["id"], []), "start": r["start"],
             "end": r["end"]}
            for r in db.execute('SELECT id, title, start, "end" FROM stories ORDER BY length(id), id')]
