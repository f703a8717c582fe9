"""The embedded SQLite store: one writer, many readers."""

from storyline.store.migrations import MIGRATIONS, migrate
from storyline.store.store import Store

__all__ = ["MIGRATIONS", "Store", "migrate"]
