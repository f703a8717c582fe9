"""Read-only SQL for people (and organisations, places): the person page and /api/entities.

Until the entity stage lands, a "person" is a name as spaCy found it, grouped by
spelling, with the id ``LABEL:name`` (:func:`~storyline.web.queries.surface_id`).
When the store has a canonical ``entities`` table (``storyline.records.Entity``),
its ids, names, aliases and roles are used instead; quotes are tied to a person
by ``speaker_id``, else by the canonical name.
"""

from __future__ import annotations

from storyline.store.sql import contains
from storyline.web.queries import (
    ENTITY_LABELS, Caps, Conn, Filters, PageSpec, Paged, Row, fetch_all, list_quotes, quote_date, scalar, surface_id,
)


def list_entities(db: Conn, caps: Caps, spec: PageSpec, *, type_: str | None = None, q: str | None = None) -> Paged:
    where, args = ["1"], []
    if caps.entities:
        if type_:
            where.append("type = ?")
            args.append(type_)
        if q:
            where.append("name LIKE ? ESCAPE '\\'")
            args.append(contains(q))
        w = " AND ".join(where)
        total = scalar(db, f"SELECT count(*) FROM entities WHERE {w}", args)
        count = "mentions" if "mentions" in caps.entity_columns else "0"
        articles = "articles" if "articles" in caps.entity_columns else "NULL"
        rows = fetch_all(db, f"SELECT id, name, type, {count} AS mentions, {articles} AS articles FROM entities"
                             f" WHERE {w}"
                             " ORDER BY mentions DESC, name LIMIT ? OFFSET ?", [*args, spec.per_page, spec.offset])
        return Paged([{**r, "canonical": True} for r in rows], total, spec)
    # no entities table yet: names as spaCy found them, grouped by spelling
    where.append(f"label IN ({','.join('?' * len(ENTITY_LABELS))})")
    args.extend(ENTITY_LABELS)
    if type_:
        where.append("label = ?")
        args.append(type_)
    if q:
        where.append("text LIKE ? ESCAPE '\\'")
        args.append(contains(q))
    w = " AND ".join(where)
    total = scalar(db, f"SELECT count(*) FROM (SELECT 1 FROM mentions WHERE {w} GROUP BY text, label)", args)
    rows = fetch_all(db, "SELECT text AS name, label AS type, count(*) AS mentions,"
                         " count(DISTINCT article_id) AS articles"
                         f" FROM mentions WHERE {w} GROUP BY text, label ORDER BY mentions DESC, name"
                         " LIMIT ? OFFSET ?", [*args, spec.per_page, spec.offset])
    return Paged([{**r, "id": surface_id(r["type"], r["name"]), "canonical": False} for r in rows], total, spec)


def get_entity(db: Conn, caps: Caps, entity_id: str) -> Row | None:
    """One person (or organisation, place): names, roles, and what ties quotes and mentions to it."""
    if caps.entities:
        row = db.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None and ":" in entity_id:  # a name as written (an old link): the one entity that goes by it
            text = entity_id.partition(":")[2]
            found = {r[0] for r in db.execute("SELECT id FROM entities WHERE name = ? UNION SELECT entity_id"
                                              " FROM entity_aliases WHERE alias = ?", (text, text))}
            if len(found) == 1:
                row = db.execute("SELECT * FROM entities WHERE id = ?", (found.pop(),)).fetchone()
        if row:
            entity_id = row["id"]
            e = dict(row)
            e["aliases"] = [r[0] for r in db.execute(
                "SELECT alias FROM entity_aliases WHERE entity_id = ? AND alias != ? ORDER BY count DESC, alias",
                (entity_id, e["name"]))] if "entity_aliases" in caps.tables else []
            order = "start IS NULL, start" if "start" in caps.role_columns else "rowid"
            e["roles"] = fetch_all(db, f"SELECT * FROM entity_roles WHERE entity_id = ? ORDER BY {order}",
                                   (entity_id,)) if caps.roles else []
            e.update(canonical=True, label=e.get("type"), speaker_keys=[e["id"], e["name"]],
                     mention_texts=sorted({e["name"], *e["aliases"]}))
            return e
    label, sep, text = entity_id.partition(":")
    if not sep or label not in ENTITY_LABELS:
        return None
    n = scalar(db, "SELECT count(*) FROM mentions WHERE label = ? AND text = ?", (label, text))
    quoted = caps.quotes and scalar(db, "SELECT count(*) FROM quotes WHERE speaker = ?", (text,))
    if not n and not quoted:
        return None
    return {"id": entity_id, "name": text, "type": label, "label": label, "aliases": [], "roles": [],
            "canonical": False, "mentions": n, "speaker_keys": [text], "mention_texts": [text]}


def entity_mentions(db: Conn, caps: Caps, e: Row, spec: PageSpec) -> Paged:
    """Where the entity is named: article, date, the span (links go to ``#m-<start>``)."""
    if e["canonical"] and "entity_id" in caps.mention_columns:
        where, args = "m.entity_id = ?", [e["id"]]
    else:
        texts = e["mention_texts"]
        where, args = f"m.text IN ({','.join('?' * len(texts))})", list(texts)
        if not e["canonical"]:
            where += " AND m.label = ?"
            args.append(e["label"])
    total = scalar(db, f"SELECT count(*) FROM mentions m WHERE {where}", args)
    # 80 characters each side (substr counts from 1; ctx_start is the 0-based offset it starts at)
    rows = fetch_all(db, 'SELECT m.article_id, m.start, m."end", m.text, m.label, a.title AS article_title,'
                         ' a.published, a.outlet, substr(a.text, max(1, m.start - 80), m."end" - m.start + 160)'
                         " AS context, max(0, m.start - 81) AS ctx_start"
                         f" FROM mentions m JOIN articles a ON a.id = m.article_id WHERE {where}"
                         " ORDER BY a.published IS NULL, a.published, m.article_id, m.start LIMIT ? OFFSET ?",
                     [*args, spec.per_page, spec.offset])
    for r in rows:
        s = r["start"] - r.pop("ctx_start")
        r["context"] = {"text": r["context"], "pieces": [[s, s + r["end"] - r["start"]]]}
    return Paged(rows, total, spec)


def entity_quotes(db: Conn, caps: Caps, e: Row, spec: PageSpec) -> tuple[Paged, str | None]:
    """The entity's quotes, and the speaker filter that found them (for links to the quote explorer)."""
    if not caps.quotes:
        return Paged([], 0, spec), None
    items, total = [], 0
    for key in e["speaker_keys"]:  # canonical id first; a name-only store matches by name
        page = list_quotes(db, caps, Filters(speaker=key), spec)
        if page.total:
            return page, key
        items, total = page.items, page.total
    return Paged(items, total, spec), None


def quotes_per_month(db: Conn, caps: Caps, e: Row) -> list[Row]:
    """``[{month: 'YYYY-MM', count}]`` with the empty months in between filled in (at most 120)."""
    if not caps.quotes:
        return []
    keys = e["speaker_keys"]
    marks = ",".join("?" * len(keys))
    date = quote_date(caps)
    who = f"(q.speaker IN ({marks})" + (f" OR q.speaker_id IN ({marks}))" if "speaker_id" in caps.quote_columns
                                        else ")")
    args = keys * (2 if "speaker_id" in caps.quote_columns else 1)
    counts = {r["month"]: r["n"] for r in fetch_all(
        db, f"SELECT substr({date}, 1, 7) AS month, count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id"
            f" WHERE {who} AND {date} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' GROUP BY month ORDER BY month", args)}
    if not counts:
        return []
    months, (y, m) = [], map(int, min(counts).split("-"))
    last = max(counts)
    while len(months) < 120:
        key = f"{y:04d}-{m:02d}"
        months.append({"month": key, "count": counts.get(key, 0)})
        if key >= last:
            break
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def quoted_with(db: Conn, caps: Caps, e: Row, limit: int = 20) -> list[Row]:
    """Other speakers quoted in the same articles, with how many articles they share."""
    if not caps.quotes:
        return []
    keys = e["speaker_keys"]
    marks = ",".join("?" * len(keys))
    sid = "max(o.speaker_id)" if "speaker_id" in caps.quote_columns else "NULL"
    rows = fetch_all(db, f"SELECT o.speaker AS name, count(DISTINCT o.article_id) AS articles, {sid} AS speaker_id"
                         f" FROM quotes o WHERE o.speaker IS NOT NULL AND o.speaker NOT IN ({marks})"
                         f" AND o.article_id IN (SELECT article_id FROM quotes WHERE speaker IN ({marks}))"
                         " GROUP BY o.speaker ORDER BY articles DESC, name LIMIT ?", [*keys, *keys, limit])
    for r in rows:
        r["person_id"] = r["speaker_id"] or surface_id("PERSON", r["name"])
    return rows
