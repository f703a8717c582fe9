"""Reading gold JSONL files for the ``storyline eval`` commands: one object per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.errors import InputError


def json_lines(path: str | Path) -> Iterator[tuple[int, Any]]:
    """``(line number, value)`` for each non-blank line; a line that is not JSON, or an unreadable
    file, raises :class:`InputError` naming the file and line."""
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{n}: not a JSON line ({exc})", code="E105") from exc
    except OSError as exc:
        raise InputError(f"cannot read the gold file {path}: {exc}", code="E104") from exc
