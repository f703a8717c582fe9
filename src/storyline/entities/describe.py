"""Who a role description stands for: "the Polish president" at 2023-05-17 is Andrzej Duda.

:func:`resolve_description` looks for the people who held the described role at
the article's date, from the role facts the corpus stated (:class:`~storyline.
entities.link.EntityIndex`) and from the knowledge file (:mod:`~storyline.
entities.kb`), and answers only when exactly one person fits:

* a role with an organisation or a country ("NATO chief", "the Polish president",
  "the former Prime Minister of Norway") is looked up in the article first, then
  in the whole corpus at the date;
* a role without one ("the Head of State", "Mr Secretary General", "the
  spokesman") and a nationality ("the Norwegian diplomat", "The Norwegian") only
  among the people of the article: such phrases refer back to someone named there.

Dates: a knowledge-file role is held from ``from`` to ``to``; a role the text
states is attested from its first to its last article, and between two holders
the last one attested before the date holds it. A date before every attestation,
two holders at once, or no date with two holders: no answer. Never a guess.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from storyline.entities import gazetteer as gz
from storyline.entities.kb import KnowledgeBase
from storyline.entities.link import EntityIndex
from storyline.entities.roles import NON_NATIONAL, Description, canonical_title, normalise_org, title_kinds

_COUNTRIES = frozenset(gz.COUNTRY_NAMES.values())


@dataclass(frozen=True, slots=True)
class Holder:
    """One person holding (or attested in) one role."""

    entity_id: str
    title: str
    org: str | None
    first: str | None
    last: str | None
    source: str  #: text | kb
    former: bool = False


def holders(index: EntityIndex, kb: KnowledgeBase | None = None) -> list[Holder]:
    """Every role holder the index and the knowledge file know, as entity ids."""
    out = {Holder(eid, r.title, r.org, r.first, r.last, r.source, r.former) for eid, r in index.people_with_roles()}
    for person in kb.people if kb else ():
        eid = index.find_person(person.name)
        if eid:
            for r in person.roles:
                out.add(Holder(eid, canonical_title(r.title), normalise_org(r.org) if r.org else None,
                               r.start, r.end, "kb"))
    return sorted(out, key=lambda h: (h.entity_id, h.title, h.first or ""))


def resolve_description(
    desc: Description,
    date: str | None,
    index: EntityIndex,
    kb: KnowledgeBase | None = None,
    *,
    in_article: Collection[str] = (),
) -> str | None:
    """The entity id of the one person ``desc`` stands for at ``date``, or ``None``.

    ``in_article``: entity ids linked in the description's article.
    """
    nationality = _nationalities(index, kb)
    local = {e for e in in_article if e in nationality or _is_person(index, e)}
    if desc.title is None or desc.title == "Politician":
        fits = {e for e in local if nationality.get(e) == desc.nationality and desc.nationality}
        return _one(fits)
    everyone = holders(index, kb)
    fitting = [h for h in everyone if _fits(desc, h, nationality)]
    at_date = _at_date(fitting, everyone, date, former=desc.former)
    in_here = {h.entity_id for h in at_date if h.entity_id in local}
    if in_here:
        return _one(in_here)
    if not (desc.org or desc.nationality):
        return None  # "the Head of State" refers to someone of the article, never to the corpus at large
    return _one({h.entity_id for h in at_date})


def _one(ids: set[str]) -> str | None:
    return next(iter(ids)) if len(ids) == 1 else None


def _is_person(index: EntityIndex, eid: str) -> bool:
    try:
        return index.entity(eid).type == "PERSON"
    except KeyError:
        return False


def _nationalities(index: EntityIndex, kb: KnowledgeBase | None) -> dict[str, str]:
    out = {}
    for e in index.entities("PERSON"):
        if e.nationality:
            out[e.id] = e.nationality
    for person in kb.people if kb else ():
        eid = index.find_person(person.name)
        if eid and person.nationality:
            out[eid] = person.nationality
    return out


def _fits(desc: Description, h: Holder, nationality: dict[str, str]) -> bool:
    """Whether holder ``h``'s role is the one described (title, organisation, nationality)."""
    if not _title_fits(desc.title or "", h.title):
        return False
    if desc.nationality and desc.title in NON_NATIONAL | {"Diplomat"}:
        if nationality.get(h.entity_id) != desc.nationality:
            return False
    if desc.org:
        if h.org is not None:
            return h.org == desc.org
        # a role stated without its organisation ("President Duda"): the person's country decides
        return desc.org in _COUNTRIES and nationality.get(h.entity_id) == desc.org
    return True


def _title_fits(wanted: str, held: str) -> bool:
    if wanted == held:
        return True
    kinds = title_kinds(held)
    if wanted == "Head of State":
        return "head_of_state" in kinds
    if wanted in ("Chief", "Head"):  # "the NDU chief": whoever leads that organisation
        return "leader" in kinds or held in ("President", "Chair", "Chairman", "Director", "Director General")
    if wanted == "Leader":
        return bool(kinds & {"head_of_state", "head_of_government"}) or held == "Leader"
    if wanted == "Diplomat":
        return "diplomat" in kinds
    if wanted == "Spokesperson":
        return "spokesperson" in kinds  # a press secretary, a ministry's spokeswoman
    if wanted == "Minister":
        return "minister" in kinds
    if wanted == "President":
        return held == "Head of State"
    return False


def _at_date(fitting: list[Holder], everyone: list[Holder], date: str | None, *, former: bool) -> list[Holder]:
    """The holders of the role at ``date`` (or before it, for a "former" description)."""
    kb_roles = {(h.entity_id, h.title, h.org) for h in everyone if h.source == "kb"}
    out: list[Holder] = []
    if former:
        for h in fitting:
            if h.source == "kb" and h.last is not None and (date is None or h.last < date):
                out.append(h)
            elif h.source == "text" and h.former:
                out.append(h)
        return out
    text = []
    for h in fitting:
        if h.former:
            continue
        if h.source == "kb":
            if date is None or ((h.first is None or h.first <= date) and (h.last is None or date <= h.last)):
                out.append(h)
        elif (h.entity_id, h.title, h.org) not in kb_roles:  # the knowledge file's dates outrank the text's
            text.append(h)
    if date is None:
        return out + text
    holding = [h for h in text if h.first is None or h.first <= date <= (h.last or h.first)]
    if not holding:
        # between attestations: the last one attested before the date still holds the role
        before = [h for h in text if h.last and h.last <= date]
        if before:
            latest = max(h.last or "" for h in before)
            holding = [h for h in before if h.last == latest]
    return out + holding
