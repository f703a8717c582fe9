"""Entities: repaired mentions, roles, and canonical people, organisations and places.

The stage works on one analysed article at a time, in four pure steps::

    mentions = repair_mentions(text, spacy_mentions, not_people=not_people_of(article),
                               known_people=index.person_names())     # mentions.py
    facts = find_roles(text, mentions, date=article.published)          # roles.py
    links = index.add_article(article.id, article.published, mentions, facts, text=text)  # link.py
    who = resolve_description(desc, article.published, index, kb, in_article=set(links.values()))

:func:`link_article` runs them all. The knowledge file (:mod:`.kb`) adds what the
text does not say; see docs/entities.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import EllipsisType

from storyline.entities.describe import resolve_description
from storyline.entities.kb import KnowledgeBase, load_kb
from storyline.entities.link import EntityIndex
from storyline.entities.mentions import UNCONFIRMED, Repair, not_people_of, repair_mentions
from storyline.entities.places import find_place_countries, place_country, place_key_country
from storyline.entities.roles import Description, RoleFact, find_descriptions, find_roles
from storyline.records import AnalysedArticle, Mention

__all__ = [
    "ArticleEntities", "Description", "EntityIndex", "KnowledgeBase", "RoleFact", "find_descriptions",
    "find_place_countries", "find_roles", "link_article", "load_kb", "not_people_of", "place_country",
    "place_key_country",
    "repair_mentions", "resolve_description",
]


@dataclass(slots=True)
class ArticleEntities:
    """What the entity stage found in one article."""

    mentions: list[Mention]  #: repaired
    roles: list[RoleFact]
    descriptions: list[Description]
    links: dict[tuple[int, int], str]  #: mention span → entity id
    resolved: dict[tuple[int, int], str] = field(default_factory=dict)  #: description span → entity id


def link_article(analysed: AnalysedArticle, index: EntityIndex, kb: KnowledgeBase | None = None, *,
                 date: str | None | EllipsisType = ...) -> ArticleEntities:
    """Repair, find roles, link and resolve descriptions for one analysed article.

    ``date``: the day roles are attested and descriptions resolved at; by default the
    article's publication date (ingest passes ``None`` for a date inferred only to a month or year).
    """
    article = analysed.article
    text = article.text
    if date is ...:
        date = article.published
    repairs: list[Repair] = []
    mentions = repair_mentions(text, analysed.mentions, not_people=not_people_of(article),
                               known_people=index.person_names(), known_things=index.thing_label, trace=repairs)
    unconfirmed = {(r.after.start, r.after.end) for r in repairs if r.rule == UNCONFIRMED and r.after}
    facts = find_roles(text, mentions, date=date)
    links = index.add_article(article.id, date, mentions, facts, text=text, unconfirmed=unconfirmed)
    descriptions = find_descriptions(text, mentions, facts)
    here = set(links.values())
    resolved = {}
    for d in descriptions:
        eid = resolve_description(d, date, index, kb, in_article=here)
        if eid:
            resolved[(d.start, d.end)] = eid
    return ArticleEntities(mentions, facts, descriptions, links, resolved)
