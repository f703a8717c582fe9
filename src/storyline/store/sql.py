"""Small SQL helpers shared by the store and the web queries."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

#: ids per ``IN (...)`` query (SQLite's variable limit is far above it)
CHUNK = 500


def like_escape(text: str) -> str:
    r"""``text`` as a literal inside a ``LIKE ... ESCAPE '\'`` pattern: ``%``, ``_`` and ``\`` escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(text: str) -> str:
    r"""A ``LIKE ... ESCAPE '\'`` pattern matching values that contain ``text`` literally."""
    return f"%{like_escape(text)}%"


def rows_in(db: sqlite3.Connection, query: str, ids: Sequence[Any], *, size: int = CHUNK) -> Iterator[Any]:
    """The rows of ``query`` for ``ids``, asked ``size`` ids at a time: its ``{ids}`` stands for the
    marks of one batch (``SELECT id, text FROM articles WHERE id IN ({ids})``)."""
    for i in range(0, len(ids), size):
        chunk = list(ids[i:i + size])
        yield from db.execute(query.format(ids=",".join("?" * len(chunk))), chunk)
