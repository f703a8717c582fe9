"""Small SQL helpers shared by the store and the web queries."""

from __future__ import annotations


def like_escape(text: str) -> str:
    r"""``text`` as a literal inside a ``LIKE ... ESCAPE '\'`` pattern: ``%``, ``_`` and ``\`` escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(text: str) -> str:
    r"""A ``LIKE ... ESCAPE '\'`` pattern matching values that contain ``text`` literally."""
    return f"%{like_escape(text)}%"
