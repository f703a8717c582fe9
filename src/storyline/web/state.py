"""What the routes share: settings, the per-request read-only store, and the error type.

One writer, many readers: every request opens its own read-only connection
(``Store(path, readonly=True)``) in the thread that serves it and closes it at
the end, so readers never block each other and never see a half-written
batch (WAL). Only ``POST /api/articles`` writes, through the library's ingest,
one request at a time under :attr:`Settings.write_lock`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Request

from storyline.errors import StorylineError
from storyline.store import Store
from storyline.web.queries import Caps

#: Largest request body ``POST /api/articles`` accepts (a few long articles).
MAX_BODY_BYTES = 2 * 1024 * 1024


@dataclass(slots=True)
class Settings:
    db_path: str
    allow_ingest: bool = False
    token: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    allowed_hosts: tuple[str, ...] | None = None
    write_lock: threading.Lock = field(default_factory=threading.Lock)


class ApiError(Exception):
    """An error answered in the one JSON shape ``{"error": {status, code, message}}`` (HTML pages: a page)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(slots=True)
class Reader:
    db: sqlite3.Connection
    caps: Caps
    exists: bool  #: False: no store file yet, the connection is an empty in-memory store
    path: str
    store: Store  #: the same connection as a :class:`Store`, for library functions (``build_timeline``)


def settings(request: Request) -> Settings:
    return request.app.state.settings


@contextmanager
def reader(request: Request) -> Iterator[Reader]:
    """A read-only view of the store for one request (an empty one when the file does not exist yet)."""
    path = settings(request).db_path
    exists = Path(path).exists()
    try:
        # no store yet: an empty in-memory schema, so every page can say "empty" the same way
        store = Store(path, readonly=True) if exists else Store(":memory:")
    except StorylineError as exc:
        raise ApiError(503, "store_unavailable", str(exc)) from None
    try:
        yield Reader(store.db, Caps.of(store.db), exists, path, store)
    finally:
        store.close()
