"""Entities in the store: saving the linker's state as rows, and the queries over them.

The :class:`~storyline.entities.EntityIndex` is persisted as plain rows (migration
``m003_entities``): one ``entities`` row per entity, its spellings with their counts in
``entity_aliases`` and its roles in ``entity_roles``. :func:`save_entities` writes the
entities a batch touched, inside the batch's transaction; :func:`load_index_data` reads
them all back in :meth:`~storyline.entities.EntityIndex.to_dict` form, so the next
ingest resumes where the last one stopped.

Mention and quote counts are counted from ``mentions.entity_id`` and
``quotes.speaker_id``, never from the linker's counters, so re-processing an article
(``ingest --force``) does not inflate them.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from storyline.entities.names import key, names_match, parse_name
from storyline.errors import StoreError
from storyline.store.sql import contains, rows_in

_COUNTS = ('(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,'
           ' (SELECT count(*) FROM quotes q WHERE q.speaker_id = e.id) AS quotes')
#: an entity the corpus has seen (a knowledge-file entry nobody mentions is not listed)
_SEEN = "(mentions > 0 OR quotes > 0)"


def save_entities(db: sqlite3.Connection, data: dict[str, Any]) -> None:
    """Upsert the entities of ``data`` (``EntityIndex.to_dict(ids)``), their aliases and roles.

    Call inside the batch's transaction, after its mentions and quotes are written: the
    ``mentions`` column is refreshed from them and stored quotes take the current canonical name.
    """
    rows = data.get("entities", [])
    for r in rows:
        nationality = Counter(r.get("nationality") or {})
        db.execute(
            "INSERT INTO entities (id, name, type, nationality, country, articles, first_seen, last_seen, fixed,"
            " labels, nationalities, unconfirmed, context) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE"
            " SET name=excluded.name, type=excluded.type, nationality=excluded.nationality, country=excluded.country,"
            " articles=excluded.articles, first_seen=excluded.first_seen, last_seen=excluded.last_seen,"
            " fixed=excluded.fixed, labels=excluded.labels, nationalities=excluded.nationalities,"
            " unconfirmed=excluded.unconfirmed, context=excluded.context",
            (r["id"], r["name"], r["type"], nationality.most_common(1)[0][0] if nationality else None,
             r.get("country"), r.get("articles", 0), r.get("first_seen"), r.get("last_seen"), int(r["fixed"]),
             json.dumps(r.get("labels") or {}, ensure_ascii=False), json.dumps(dict(nationality), ensure_ascii=False),
             json.dumps(r.get("unconfirmed") or [], ensure_ascii=False),
             json.dumps(r.get("context") or {}, ensure_ascii=False)),
        )
        db.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (r["id"],))
        db.executemany("INSERT OR REPLACE INTO entity_aliases (entity_id, alias, key, count) VALUES (?, ?, ?, ?)",
                       [(r["id"], alias, key(alias), n) for alias, n in r["names"].items()])
        db.execute("DELETE FROM entity_roles WHERE entity_id = ?", (r["id"],))
        db.executemany(
            'INSERT INTO entity_roles (entity_id, title, org, start, "end", articles, former, source, article_id)'
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [(r["id"], x["title"], x["org"], x["first"], x["last"], x["articles"], int(x["former"]), x["source"],
              x["article_id"]) for x in r.get("roles", [])],
        )
    ids = [(r["id"],) for r in rows]
    db.executemany("UPDATE entities SET mentions = (SELECT count(*) FROM mentions WHERE entity_id = entities.id)"
                   " WHERE id = ?", ids)
    db.executemany("UPDATE quotes SET speaker = (SELECT name FROM entities WHERE id = quotes.speaker_id)"
                   " WHERE speaker_id = ?", ids)


def load_index_data(db: sqlite3.Connection) -> dict[str, Any]:
    """Every stored entity in ``EntityIndex.to_dict()`` form (``EntityIndex.from_dict`` rebuilds it)."""
    names: dict[str, dict[str, int]] = {}
    for eid, alias, n in db.execute("SELECT entity_id, alias, count FROM entity_aliases"):
        names.setdefault(eid, {})[alias] = n
    roles: dict[str, list[dict[str, Any]]] = {}
    for r in db.execute('SELECT entity_id, title, org, start, "end", articles, former, source, article_id'
                        " FROM entity_roles ORDER BY rowid"):
        roles.setdefault(r[0], []).append({"title": r[1], "org": r[2], "first": r[3], "last": r[4], "articles": r[5],
                                           "former": bool(r[6]), "source": r[7], "article_id": r[8]})
    rows = []
    for r in db.execute("SELECT id, name, type, country, mentions, articles, first_seen, last_seen, fixed, labels,"
                        " nationalities, unconfirmed, context FROM entities ORDER BY rowid"):
        rows.append({"id": r[0], "name": r[1], "type": r[2], "country": r[3], "mentions": r[4], "articles": r[5],
                     "first_seen": r[6], "last_seen": r[7], "fixed": bool(r[8]), "labels": json.loads(r[9]),
                     "nationality": json.loads(r[10]), "names": names.get(r[0], {r[1]: 0}),
                     "roles": roles.get(r[0], []), "unconfirmed": json.loads(r[11]), "context": json.loads(r[12])})
    return {"version": 1, "entities": rows}


def require_entities(db: sqlite3.Connection) -> None:
    """Raise a helpful error when the store predates migration ``m003_entities`` (opened read-only)."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entities'").fetchone():
        raise StoreError("this store predates entities: run `storyline ingest FOLDER --db PATH` on it once to "
                         "upgrade it (with --force to link the articles already stored)", code="E203")


def list_entities(db: sqlite3.Connection, *, type: str | None = None, limit: int | None = 50,  # noqa: A002
                  ) -> list[dict[str, Any]]:
    """Entities the corpus has seen, most mentioned first, with mention and quote counts."""
    require_entities(db)
    where, args = [_SEEN], []
    if type:
        where.append("type = ?")
        args.append(type.upper())
    sql = (f"SELECT * FROM (SELECT e.id, e.name, e.type, e.nationality, e.country, {_COUNTS} FROM entities e)"
           f" WHERE {' AND '.join(where)} ORDER BY mentions + quotes DESC, name" + (" LIMIT ?" if limit else ""))
    rows = [dict(r) for r in db.execute(sql, [*args, limit] if limit else args)]
    _attach(db, rows)
    return rows


def iter_entities(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every entity the corpus has seen, by id, with aliases and roles (for export)."""
    require_entities(db)
    batch: list[dict[str, Any]] = []
    cur = db.execute(f"SELECT * FROM (SELECT e.id, e.name, e.type, e.nationality, e.country, {_COUNTS}"
                     f" FROM entities e) WHERE {_SEEN} ORDER BY id")
    for r in cur:
        batch.append(dict(r))
        if len(batch) >= 500:
            _attach(db, batch)
            yield from batch
            batch = []
    _attach(db, batch)
    yield from batch


def _attach(db: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
    """Add ``aliases`` (most seen first, the canonical name left out) and ``roles`` to entity rows."""
    for row in rows:
        row["aliases"] = [a for (a,) in db.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? AND alias != ? ORDER BY count DESC, alias",
            (row["id"], row["name"]))]
        row["roles"] = [dict(r) for r in db.execute(
            'SELECT title, org, start, "end", articles, source, article_id FROM entity_roles'
            " WHERE entity_id = ? AND NOT former ORDER BY coalesce(start, ''), title", (row["id"],))]


def entity_names(db: sqlite3.Connection, ids: Iterable[str] | None = None) -> dict[str, str]:
    """``{entity id: canonical name}`` of those of ``ids`` (None: all) the entities table holds (none
    without the table)."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entities'").fetchone():
        return {}
    if ids is None:
        return dict(db.execute("SELECT id, name FROM entities").fetchall())
    return dict(rows_in(db, "SELECT id, name FROM entities WHERE id IN ({ids})", sorted(set(ids))))


def find_entities(db: sqlite3.Connection, name: str, *, variants: bool = True) -> list[str]:
    """Ids of the entities ``name`` names: an id, else a spelling up to case, diacritics and spaces,
    else a spelling that contains it ("stoltenb"), else (``variants``) a person whose spelling the
    linker would take for the same name ("Gitanas Nausėda" finds "Gitan Nauseda"); best known first."""
    require_entities(db)
    if db.execute("SELECT 1 FROM entities WHERE id = ?", (name,)).fetchone():
        return [name]
    k = key(name)
    if not k:
        return []
    order = ("GROUP BY a.entity_id ORDER BY (SELECT count(*) FROM mentions m WHERE m.entity_id = a.entity_id) DESC,"
             " a.entity_id")
    exact = [r[0] for r in db.execute(f"SELECT a.entity_id FROM entity_aliases a WHERE a.key = ? {order}", (k,))]
    if exact:
        return exact
    pattern = contains(k)
    found = [r[0] for r in db.execute(
        f"SELECT a.entity_id FROM entity_aliases a WHERE a.key LIKE ? ESCAPE '\\' {order}", (pattern,))]
    return found or (person_variants(db, name) if variants else [])


def person_variants(db: sqlite3.Connection, name: str) -> list[str]:
    """People with a spelling :func:`~storyline.entities.names.names_match` takes for ``name``
    (a truncated given name, a typo in the surname, I read as l), most mentioned first."""
    require_entities(db)
    wanted = parse_name(name)
    if not wanted.surname:
        return []
    hits: Counter[str] = Counter()
    for eid, alias, count in db.execute("SELECT a.entity_id, a.alias, a.count FROM entity_aliases a"
                                        " JOIN entities e ON e.id = a.entity_id WHERE e.type = 'PERSON'"):
        spelling = parse_name(alias)
        if (spelling.full or not wanted.full) and names_match(wanted, spelling):  # "Marta X" is not every "X"
            hits[eid] += count + 1
    return [eid for eid, _ in hits.most_common()]


def entity_profile(db: sqlite3.Connection, entity_id: str, *, quotes: int | None = 200) -> dict[str, Any] | None:
    """One entity: names, roles with dates, counts, and its quotes by date (``said_on``, else published)."""
    row = db.execute(f"SELECT e.id, e.name, e.type, e.nationality, e.country, e.first_seen, e.last_seen, {_COUNTS}"
                     " FROM entities e WHERE e.id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    profile = dict(row)
    _attach(db, [profile])
    profile["articles"] = db.execute("SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id = ?",
                                     (entity_id,)).fetchone()[0]
    profile["quotes_list"] = [dict(r) for r in db.execute(
        "SELECT q.id, q.article_id, q.text, q.kind, q.speaker_mention, q.cue, q.confidence, q.said_on,"
        " a.published, a.published_inferred, coalesce(q.said_on, a.published) AS date, a.title"
        " FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = ?"
        " ORDER BY date IS NULL, date, q.article_id, q.start" + (" LIMIT ?" if quotes else ""),
        (entity_id, quotes) if quotes else (entity_id,))]
    return profile

