"""Places linked to their countries: a small table, and what the text says ("Rukla, Lithuania")."""

from __future__ import annotations

import functools
import re

from storyline.entities import gazetteer as gz
from storyline.records import PLACE_LABELS, Mention


def canonical_place(name: str) -> str:
    """One spelling per place: "Kiev" → "Kyiv", "Czechia" → "Czech Republic", "VILNIUS" → "Vilnius"."""
    if name.isupper() and len(name) > 3:
        name = name.title()
    name = gz.PLACE_ALIASES.get(name, name)
    return gz.COUNTRY_NAMES.get(name, name)


def place_country(name: str) -> str | None:
    """The country a place is in, from the table; a country is in itself."""
    name = canonical_place(name)
    if name in gz.COUNTRY_NAMES.values():
        return name
    return gz.PLACE_COUNTRY.get(name)


@functools.cache
def _countries_by_key() -> dict[str, str]:
    names = set(gz.COUNTRY_NAMES) | set(gz.COUNTRY_NAMES.values()) | set(gz.PLACE_ALIASES) | set(gz.PLACE_COUNTRY)
    return {n.lower(): c for n in names if (c := place_country(n))}


def place_key_country(key: str) -> str | None:
    """:func:`place_country` of a lower-cased place key, as the stories stage keeps places:
    "the hague" → Netherlands, "kiev" → Ukraine."""
    return _countries_by_key().get(key.lower())


def find_place_countries(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Countries the text gives places: "Rukla, Lithuania", "Brest in Belarus" → {place: country}.

    Only a place followed by a country (", " or " in " between them) counts: a
    dateline ("VILNIUS, July 11") or a list of countries gives nothing.
    """
    places = sorted((m for m in mentions if m.label in PLACE_LABELS), key=lambda m: m.start)
    found: dict[str, str] = {}
    for a, b in zip(places, places[1:]):
        country = place_country(b.text) if canonical_place(b.text) in gz.COUNTRY_NAMES.values() else None
        if not country or canonical_place(a.text) in gz.COUNTRY_NAMES.values():
            continue
        if re.fullmatch(r",\s*|\s+in\s+", text[a.end:b.start]):
            found[canonical_place(a.text)] = country
    return found
