"""The knowledge file: what the text does not say, written by the user (``--kb FILE``).

A small YAML file with four optional lists::

    people:
      - name: Jens Stoltenberg            # canonical name (required)
        aliases: [Stoltenberg]            # other spellings that are this person
        nationality: Norway               # a country or its adjective ("Norwegian")
        roles:
          - {title: Secretary General, org: NATO, from: 2014-10-01, to: 2024-10-01}
          - {title: Prime Minister, org: Norway, from: 2005-10-17, to: 2013-10-16}
    organisations:
      - {name: NATO, aliases: [Atlantic Alliance, North Atlantic Treaty Organization]}
    places:
      - {name: Kyiv, aliases: [Kiev], country: Ukraine}
    events:                               # landmarks the news counts from (storyline.timex.anchors)
      - {name: Russian invasion of Ukraine, date: 2022-02-24, aliases: [invasion of Ukraine]}

Dates may be ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial ``from`` means the
first day of the period and a partial ``to`` its last day; no ``to`` means the
role is still held. :func:`load_kb` checks everything and raises
:class:`~storyline.errors.UsageError` naming the file, the entry and the fix.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from storyline.entities import gazetteer as gz
from storyline.errors import UsageError
from storyline.timex.anchors import AnchorEvent

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_FIX = "fix the file and run again (the format is in docs/entities.md, an example in examples/kb.yaml)"


@dataclass(frozen=True, slots=True)
class KBRole:
    title: str
    org: str | None = None
    start: str | None = None  #: ``from``, ``YYYY-MM-DD``
    end: str | None = None  #: ``to``, ``YYYY-MM-DD``; ``None``: still held


@dataclass(frozen=True, slots=True)
class KBPerson:
    name: str
    aliases: tuple[str, ...] = ()
    nationality: str | None = None  #: a country name ("Norway")
    roles: tuple[KBRole, ...] = ()


@dataclass(frozen=True, slots=True)
class KBOrganisation:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KBPlace:
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    people: tuple[KBPerson, ...] = ()
    organisations: tuple[KBOrganisation, ...] = ()
    places: tuple[KBPlace, ...] = ()
    source: str = "<kb>"
    events: tuple[AnchorEvent, ...] = ()

    def person(self, name: str) -> KBPerson | None:
        return next((p for p in self.people if p.name == name or name in p.aliases), None)


def load_kb(path: str | Path) -> KnowledgeBase:
    """Read and check a knowledge file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read the knowledge file {path} ({exc.strerror or exc}); "
                         "give the path of a YAML file such as examples/kb.yaml", code="E406") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text ({exc.reason}); save it as UTF-8", code="E405") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise UsageError(f"{path}: not valid YAML{where}: {problem}; {_FIX}", code="E405") from exc
    except ValueError as exc:  # YAML reads 2021-02-30 as a date and fails on it
        raise UsageError(f"{path}: a date that does not exist ({exc}); {_FIX}", code="E405") from exc
    return parse_kb(data, source=str(path))


def parse_kb(data: Any, *, source: str = "<kb>") -> KnowledgeBase:
    """Check already-parsed YAML data (a dict) and build the knowledge base."""
    if data is None:
        return KnowledgeBase(source=source)
    _expect(isinstance(data, dict), source, "the file",
            f"must be a mapping with the lists people, organisations, places and events, not a {type(data).__name__}")
    _keys(data, {"people", "organisations", "organizations", "places", "events"}, source, "the file")
    people = tuple(_person(p, source, f"people[{i}]") for i, p in enumerate(_list(data, "people", source)))
    orgs = tuple(KBOrganisation(_name(o, source, f"organisations[{i}]", {"name", "aliases"}),
                                _aliases(o, source, f"organisations[{i}]"))
                 for i, o in enumerate(_list(data, "organisations", source) + _list(data, "organizations", source)))
    places = tuple(KBPlace(_name(p, source, f"places[{i}]", {"name", "aliases", "country"}),
                           _aliases(p, source, f"places[{i}]"), _country(p.get("country"), source, f"places[{i}]"))
                   for i, p in enumerate(_list(data, "places", source)))
    events = tuple(_event(e, source, f"events[{i}]") for i, e in enumerate(_list(data, "events", source)))
    seen: dict[str, str] = {}
    for i, p in enumerate(people):
        for n in (p.name, *p.aliases):
            if n in seen and seen[n] != p.name:
                _fail(source, f"people[{i}] ({p.name})", f"the name {n!r} is also given to {seen[n]}; "
                                                         "one name must name one person")
            seen[n] = p.name
    return KnowledgeBase(people, orgs, places, source, events)


# -- checks ---------------------------------------------------------------------------------


def _fail(source: str, where: str, what: str) -> None:
    raise UsageError(f"{source}: {where}: {what}; {_FIX}", code="E405")


def _expect(ok: bool, source: str, where: str, what: str) -> None:
    if not ok:
        _fail(source, where, what)


def _keys(item: dict[str, Any], allowed: set[str], source: str, where: str) -> None:
    unknown = sorted(set(item) - allowed)
    if unknown:
        _fail(source, where, f"unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")


def _list(data: dict[str, Any], name: str, source: str) -> list[Any]:
    value = data.get(name) or []
    _expect(isinstance(value, list), source, name, f"must be a list (lines starting with '- '), "
                                                   f"not a {type(value).__name__}")
    return value


def _name(item: Any, source: str, where: str, allowed: set[str]) -> str:
    _expect(isinstance(item, dict), source, where, "must be a mapping with at least a name")
    _keys(item, allowed, source, where)
    name = item.get("name")
    _expect(isinstance(name, str) and bool(name.strip()), source, where, "needs a name (a non-empty string)")
    return name.strip()


def _aliases(item: dict[str, Any], source: str, where: str) -> tuple[str, ...]:
    value = item.get("aliases") or []
    if isinstance(value, str):
        value = [value]
    _expect(isinstance(value, list) and all(isinstance(a, str) and a.strip() for a in value), source, where,
            "aliases must be a list of names")
    return tuple(a.strip() for a in value)


def _country(value: Any, source: str, where: str) -> str | None:
    if value is None:
        return None
    _expect(isinstance(value, str) and bool(value.strip()), source, where,
            "nationality and country must be a country name such as Norway")
    value = value.strip()
    return gz.COUNTRY_NAMES.get(value) or gz.DEMONYMS.get(value) or value


def _person(item: Any, source: str, where: str) -> KBPerson:
    name = _name(item, source, where, {"name", "aliases", "nationality", "roles"})
    where = f"{where} ({name})"
    roles = item.get("roles") or []
    _expect(isinstance(roles, list), source, where, "roles must be a list of {title, org, from, to}")
    return KBPerson(name, _aliases(item, source, where), _country(item.get("nationality"), source, where),
                    tuple(_role(r, source, f"{where}: roles[{j}]") for j, r in enumerate(roles)))


def _event(item: Any, source: str, where: str) -> AnchorEvent:
    name = _name(item, source, where, {"name", "aliases", "date"})
    where = f"{where} ({name})"
    value = item.get("date")
    text = value.isoformat() if isinstance(value, dt.date) else str(value or "").strip()
    _expect(bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)), source, where,
            f"an event needs the day it happened, like date: 2022-02-24 (not {value!r})")
    return AnchorEvent(name, _date(text, source, where, "date", end=False) or text, _aliases(item, source, where))


def _role(item: Any, source: str, where: str) -> KBRole:
    _expect(isinstance(item, dict), source, where, "a role must be a mapping like {title: President, org: Poland}")
    _keys(item, {"title", "org", "from", "to"}, source, where)
    title = item.get("title")
    _expect(isinstance(title, str) and bool(title.strip()), source, where, "a role needs a title")
    org = item.get("org")
    _expect(org is None or isinstance(org, str), source, where, "org must be a name")
    start = _date(item.get("from"), source, where, "from", end=False)
    end = _date(item.get("to"), source, where, "to", end=True)
    if start and end and end < start:
        _fail(source, where, f"'to' ({end}) is before 'from' ({start})")
    return KBRole(title.strip(), org.strip() if org else None, start, end)


def _date(value: Any, source: str, where: str, field: str, *, end: bool) -> str | None:
    """``2014``, ``2014-10``, ``2014-10-01`` (or a YAML date) → ``YYYY-MM-DD``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    m = _DATE.match(str(value).strip())
    if not m or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        _fail(source, where, f"{field!r} must be a date like 2014-10-01, 2014-10 or 2014, not {value!r}")
    year, month, day = int(m.group(1)), int(m.group(2) or (12 if end else 1)), m.group(3)
    if day is None:
        day_n = calendar.monthrange(year, month)[1] if end else 1
    else:
        day_n = int(day)
        if not 1 <= day_n <= calendar.monthrange(year, month)[1]:
            _fail(source, where, f"{field!r} is not a real date: {value!r}")
    return f"{year:04d}-{month:02d}-{day_n:02d}"
