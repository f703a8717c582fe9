"""The gender a given name usually goes with, for pronoun agreement ("she" is not "Bob Tamm").

The names come from the nomquamgender package's table (MIT; 720k given names from 30-odd
national and international sources, each with its share of women). A name counts as
feminine or masculine only when at least :data:`CERTAIN` of its bearers are of that
gender and it was seen :data:`MIN_COUNT` times: "Jean", "Andrea" and "Kim" stay unknown,
and an unknown name agrees with any pronoun. The table is read from the package's data
file (its Python module would import pandas), once, on first use.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import lru_cache
from pathlib import Path

CERTAIN = 0.9
MIN_COUNT = 3
_DATA = "name_data.json"


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        return {}  # not installed: every name is of unknown gender
    path = Path(next(iter(spec.submodule_search_locations))) / _DATA
    try:
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh)
    except (OSError, ValueError):
        return {}
    out = {}
    for name, row in raw.items():
        count, share = row[1], row[2]
        if count >= MIN_COUNT and share is not None and (share >= CERTAIN or share <= 1 - CERTAIN):
            out[name] = "f" if share >= CERTAIN else "m"
    return out


def fold(word: str) -> str:
    """Lower case without diacritics, as the table keys its names: "Gitanas" -> "gitanas", "Zoë" -> "zoe"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def given_name_gender(word: str) -> str | None:
    """"f", "m" or ``None`` (unknown or shared) for a given name."""
    return _table().get(fold(word)) if word else None
