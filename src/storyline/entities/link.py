"""Canonical entities across a corpus, assigned one article at a time.

:class:`EntityIndex` turns the repaired mentions of each article into links to
canonical entities: one per real person, organisation or place, with every name
it goes by. It is incremental (one article at a time, never a matrix over the
corpus), serialisable (:meth:`EntityIndex.to_dict`/:meth:`EntityIndex.from_dict`,
plain rows a store can persist) and fast: people are found through a blocking
index keyed by the folded surname (exact, I/l-folded and a 4-letter prefix for
typos), organisations and places through their folded names.

People, in an article:

1. full names ("Gitanas Nausėda", "Gitan Nauseda") are grouped when they are
   the same name up to folding (:func:`~storyline.entities.names.names_match`);
2. a surname alone ("Nausėda") or a first name alone ("Vladimir") joins the one
   full name of the article it fits; when two fit, it stays unlinked;
3. each group is linked to the corpus: same full name, else a compatible name
   with the same surname, else a surname typo with the same given name, else a
   new entity. Two groups of one article never go to one entity, which keeps
   "Marta Kowal" and "Marek Kowal" apart even when a fuzzy rule would join them;
4. a surname alone with no full name in the article links to the one person of
   the corpus with that surname, or to the one the corpus names far more often
   than any other ("Obama" in 2010), and to nobody when two are alike; once
   placed in an article (by a title, "President Obama"), the surname stays that
   person's throughout it.

The canonical name is the longest well-formed full name seen most often; a name
whose tokens are truncations of another's ("Gitan" of "Gitanas") never wins, and
among spellings of one name the one with diacritics and without glued capitals
wins ("Gitanas Nausėda", "Alexander De Croo"). A name from the knowledge file
always wins.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from storyline.entities import gazetteer as gz
from storyline.entities.gender import given_name_gender, honorific_gender, is_common_word, is_given_name
from storyline.entities.known_people import KnownPeople
from storyline.entities.names import (
    PersonName,
    abd_tail,
    canonical_person_name,
    fold,
    given_match,
    given_names_form,
    initials_fit,
    key,
    middle_names_conflict,
    name_tail,
    names_match,
    parse_name,
    shape,
    sound_key,
    surnames_transliterated,
    transliteration_match,
    without_article,
)
from storyline.entities.places import find_place_countries, place_country
from storyline.entities.roles import RoleFact, RoleSpan, canonical_title, merged_roles, normalise_org
from storyline.entities.things import best_spelling, org_or_place, place_or_org_type
from storyline.records import PLACE_LABELS, Entity, Mention, Role

#: Labels that become entities; NORP (nationalities) and the rest do not.
LINK_LABELS = frozenset({"PERSON", "ORG"}) | PLACE_LABELS
_VERSION = 1
#: Times the corpus must have written a name as an organisation's or a place's before it overrules
#: the model reading that name as a person's (:meth:`EntityIndex.thing_label`).
THING_EVIDENCE = 3
#: Other entities remembered per person (the most frequent), to tell apart people who share a surname.
CONTEXT_SIZE = 40
#: A surname alone that several known people share is the one named in this many times as many articles
#: as the next (:meth:`EntityIndex._dominant`), once named in at least ``DOMINANT_ARTICLES``.
DOMINANT_RATIO = 5
DOMINANT_ARTICLES = 20
#: wordfreq's Zipf frequency from which a word before a surname is English, not a name the table lacks
WORD_BEFORE_SURNAME_ZIPF = 3.0


@dataclass(slots=True)
class _Entity:
    id: str
    type: str  #: PERSON | ORG | GPE | LOC | FAC
    names: Counter[str] = field(default_factory=Counter)  #: every spelling seen, with counts
    name: str = ""  #: canonical
    fixed: bool = False  #: canonical name set by the knowledge file
    labels: Counter[str] = field(default_factory=Counter)
    roles: list[RoleSpan] = field(default_factory=list)
    nationality: Counter[str] = field(default_factory=Counter)
    country: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    articles: int = 0
    mentions: int = 0
    #: spellings seen only in unconfirmed headline spans: not offered as known people, no surname target
    unconfirmed: set[str] = field(default_factory=set)
    #: the other entities of the articles a person is linked in (the most frequent ``CONTEXT_SIZE``)
    context: Counter[str] = field(default_factory=Counter)


class EntityIndex:
    """Canonical entities of a corpus; feed it articles with :meth:`add_article`."""

    def __init__(self, kb: Any = None) -> None:
        self._entities: dict[str, _Entity] = {}
        self._by_surname: dict[str, set[str]] = {}  # shape(surname) → people
        self._by_prefix: dict[str, set[str]] = {}  # shape(surname)[:4] → people, for typos
        self._by_sound: dict[str, set[str]] = {}  # sound_key(surname) → people, for transliterations
        self._given: dict[str, set[str]] = {}  # key(first given name) → people
        self._by_name: dict[tuple[str, str], str] = {}  # (kind, key(name)) → entity; kind PERSON|ORG|PLACE
        self._ids: set[str] = set()
        # every full person name seen, kept up to date for person_names(), but for those the corpus
        # reads as an organisation or a place more often (the model once took "White House" for a man)
        self._full_names = KnownPeople(veto=self.thing_label)
        self._dirty: set[str] = set()  # entities changed since the last take_dirty() (what a store must save)
        if kb is not None:
            self.add_kb(kb)

    # -- reading -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entities)

    def entity(self, entity_id: str) -> Entity:
        """The public record of one entity."""
        e = self._entities[entity_id]
        roles = [Role(r.title, r.org, r.first, r.last, r.article_id) for r in e.roles if not r.former]
        aliases = sorted((n for n in e.names if n != e.name), key=lambda n: (-e.names[n], n))
        nationality = e.nationality.most_common(1)[0][0] if e.nationality else None
        return Entity(e.id, e.name, e.type, aliases, roles, nationality, e.country, e.mentions)

    def entities(self, type: str | None = None) -> list[Entity]:  # noqa: A002 - mirrors Entity.type
        return [self.entity(i) for i, e in self._entities.items() if type is None or e.type == type]

    def person_names(self) -> Collection[str]:
        """Full names of known people (a live, read-only view): pass to ``repair_mentions``."""
        return self._full_names

    def thing_label(self, name: str) -> str | None:
        """The label of the organisation or place ``name`` names when the corpus has written it so at
        least :data:`THING_EVIDENCE` times and more often than as a person's name (the model reads
        "Misrata" or "White House" as a person now and then), else ``None``. A name with the Arabic
        article is read as the name without it: "al-Brega" is the "Brega" the corpus knows as a town."""
        bare = without_article(name)
        return self._thing_label(name) or (self._thing_label(bare) if bare != name and bare[:1].isupper() else None)

    def _thing_label(self, name: str) -> str | None:
        things = [self._entities[eid] for kind, canonical in (org_or_place(name, "ORG"), org_or_place(name, "GPE"))
                  if (eid := self._by_name.get((kind, key(canonical))))]
        best = max(things, key=lambda e: e.names[name], default=None)
        if best is None or best.names[name] < THING_EVIDENCE:
            return None
        surname = parse_name(name).surname or name
        people = [self._entities[eid] for eid in self._by_surname.get(shape(surname), ())]
        if any(e.fixed and name in e.names for e in people):
            return None  # the knowledge file says it is a person
        as_person = max((e.names[name] for e in people), default=0)
        return best.type if best.names[name] > as_person else None

    def roles_of(self, entity_id: str) -> list[RoleSpan]:
        return list(self._entities[entity_id].roles)

    def nationality_of(self, entity_id: str) -> str | None:
        c = self._entities[entity_id].nationality
        return c.most_common(1)[0][0] if c else None

    def active(self, entity_id: str) -> tuple[str | None, str | None]:
        """First and last article dates the entity was mentioned on."""
        e = self._entities[entity_id]
        return e.first_seen, e.last_seen

    def take_dirty(self) -> set[str]:
        """Ids of the entities added or changed since the last call (to save them incrementally)."""
        dirty, self._dirty = self._dirty, set()
        return dirty

    def people_with_roles(self) -> Iterable[tuple[str, RoleSpan]]:
        for e in self._entities.values():
            if e.type == "PERSON":
                for r in e.roles:
                    yield e.id, r

    def find_person(self, name: str) -> str | None:
        """The entity a person name links to without an article around it, or ``None``."""
        parsed = parse_name(name)
        if parsed.full:
            found = self._match_full(parsed, claimed=set())
            return found[0] if found and found[1] != "ambiguous" else None
        return self._by_initials(parsed) or self._match_surname(parsed.surname, initials=parsed.initials) or None

    def _by_initials(self, parsed: PersonName) -> str | None:
        """The person filed under a name written with initials ("P.J. Crowley"): the initials say which
        Crowley, as a first name would."""
        return self._by_name.get(("PERSON", key(parsed.text))) if parsed.initials else None

    def find(self, name: str, label: str) -> str | None:
        """The organisation or place entity ``name`` names, if the index has it."""
        if label == "PERSON":
            return self.find_person(name)
        kind, canonical = org_or_place(name, label)
        return self._by_name.get((kind, key(canonical)))

    # -- adding --------------------------------------------------------------------------

    def add_article(
        self,
        article_id: str,
        date: str | None,
        mentions: list[Mention],
        role_facts: Iterable[RoleFact] = (),
        *,
        text: str | None = None,
        unconfirmed: Collection[tuple[int, int]] = (),
    ) -> dict[tuple[int, int], str]:
        """Link one article's repaired mentions; returns ``{(start, end): entity_id}``.

        Mentions that cannot be linked without guessing (a surname two people
        share) are left out of the result. ``text`` (the clean text) lets places
        learn their country from "Rukla, Lithuania". ``unconfirmed``: the spans of
        person mentions nothing in the article could check (a headline-only text
        in Title Case); their names stay out of :meth:`person_names` and no
        surname alone is linked to them until a confirmed mention uses the name.
        """
        links: dict[tuple[int, int], str] = {}
        place_countries = find_place_countries(text, mentions) if text else {}
        for m in mentions:
            if m.label in LINK_LABELS and m.label != "PERSON":
                links[(m.start, m.end)] = self._link_named(m, place_countries)
        people = [m for m in mentions if m.label == "PERSON"]
        role_facts = list(role_facts)
        titles = {(f.start, f.end): f.role.title for f in role_facts}
        genders = {(m.start, m.end): g for m in people if text and (g := honorific_gender(text, m.start))}
        links.update(self._link_people(people, set(unconfirmed), set(links.values()), titles, genders))
        touched: dict[str, int] = Counter(links.values())
        by_span = {(m.start, m.end): m for m in mentions}
        for span, eid in links.items():
            e = self._entities[eid]
            e.names[by_span[span].text] += 1
            e.labels[by_span[span].label] += 1
        self._dirty.update(touched)
        for eid, n in touched.items():
            e = self._entities[eid]
            if e.type == "PERSON":
                self._add_context(e, touched)
            e.mentions += n
            e.articles += 1
            if date:
                e.first_seen = min(filter(None, (e.first_seen, date)))
                e.last_seen = max(filter(None, (e.last_seen, date)))
            self._rename(e)
        for fact in role_facts:
            eid = links.get((fact.start, fact.end)) or next(
                (v for (s, t), v in links.items() if s <= fact.start < t and self._entities[v].type == "PERSON"), None)
            if eid:
                self._add_role(self._entities[eid], fact, article_id)
        return links

    def add_kb(self, kb: Any) -> None:
        """Seed the index with a knowledge file's people, organisations and places.

        Idempotent: the roles a knowledge file gave before are replaced by this file's, so an
        index restored from a store can be given the (possibly edited) file again.
        """
        for e in self._entities.values():
            if any(r.source == "kb" for r in e.roles):
                e.roles = [r for r in e.roles if r.source != "kb"]
                self._dirty.add(e.id)
        for person in kb.people:
            eid = self.find_person(person.name)
            e = self._entities[eid] if eid else self._new("PERSON", person.name)
            e.name, e.fixed = person.name, True
            self._dirty.add(e.id)
            for alias in (person.name, *person.aliases):
                e.names[alias] += 0
                self._register_person(e, parse_name(alias))
                self._by_name[("PERSON", key(alias))] = e.id
            if person.nationality:
                e.nationality[person.nationality] = max(e.nationality[person.nationality], 100)  # outranks the text
            for r in person.roles:
                e.roles.append(RoleSpan(canonical_title(r.title), normalise_org(r.org) if r.org else None, r.start,
                                        r.end, 0, False, "kb"))
        for org in kb.organisations:
            self._seed_named("ORG", org.name, org.aliases, None)
        for place in kb.places:
            self._seed_named("GPE", place.name, place.aliases, place.country)

    # -- people --------------------------------------------------------------------------

    def _link_people(self, people: list[Mention], unconfirmed: set[tuple[int, int]], context: set[str],
                     titles: dict[tuple[int, int], str],
                     genders: dict[tuple[int, int], str] | None = None) -> dict[tuple[int, int], str]:
        """Link the person mentions of one article; ``context``: its organisations and places;
        ``titles``: the title the text gives a mention ("President" of "President Obama");
        ``genders``: the gender an honorific gives a mention ("f" of "Mrs. Obama")."""
        genders = genders or {}
        groups: list[tuple[PersonName, list[Mention]]] = []  # full names of this article
        partial: list[tuple[PersonName, Mention]] = []
        for m in sorted(people, key=lambda m: -len(m.text)):
            parsed = parse_name(m.text)
            if not parsed.surname:
                continue
            if not parsed.full:
                partial.append((parsed, m))
                continue
            for rep, members in groups:
                # one name transliterated two ways in one report (an agency's copy edited in part) is
                # one person, as is the tail of a long name ("Ben Ali" after "Zine El Abidine Ben Ali");
                # any other fuzzy likeness in one article is two ("Marta"/"Marek Kowal")
                if key(parsed.text) == key(rep.text) or names_match(parsed, rep) == "exact" \
                        or transliteration_match(parsed, rep) or name_tail(parsed, rep):
                    members.append(m)
                    break
            else:
                groups.append((parsed, [m]))
        links: dict[tuple[int, int], str] = {}
        claimed: set[str] = set()
        # link the groups that match the corpus best first: exact names before fuzzy ones
        ranked = sorted(groups, key=lambda g: self._tier(g[0]))
        group_ids: list[tuple[PersonName, str]] = []
        for rep, members in ranked:
            found = self._match_full(rep, claimed)
            if not found or found[1] == "ambiguous":
                found = self._match_other_name(rep, members, claimed) or found
            if found and found[1] != "ambiguous":
                eid = found[0]
            elif (famous := self._word_before_famous_surname(rep)) and famous not in claimed:
                eid = famous
            else:
                eid = self._new("PERSON", rep.text).id
            claimed.add(eid)
            e = self._entities[eid]
            for m in members:
                if (m.start, m.end) not in unconfirmed:
                    e.unconfirmed.discard(m.text)
                elif not e.fixed and not e.names[m.text]:  # a spelling no mention confirmed yet
                    e.unconfirmed.add(m.text)
                self._register_person(e, parse_name(m.text), confirmed=m.text not in e.unconfirmed)
                links[(m.start, m.end)] = eid
            group_ids.append((rep, eid))
        context = context | {eid for _, eid in group_ids}
        titled_here: dict[str, set[str]] = {}  # the titles this article gives each of its full names
        for span, eid in links.items():
            if span in titles:
                titled_here.setdefault(eid, set()).add(titles[span])
        left: list[tuple[PersonName, Mention]] = []
        for parsed, m in partial:
            eid = self._link_partial(parsed, m, group_ids, context, titles.get((m.start, m.end)), titled_here,
                                     genders.get((m.start, m.end)))
            if eid:
                links[(m.start, m.end)] = eid
            else:
                left.append((parsed, m))
        by_word: dict[str, set[str]] = {}
        for parsed, m in partial:
            if (eid := links.get((m.start, m.end))) and not parsed.initials:
                by_word.setdefault(key(parsed.surname), set()).add(eid)
        for parsed, m in left:
            # one surname is one person throughout a report: the "Obama" its title or company placed
            # ("President Obama said ...") is also the plain "Obama" three paragraphs on
            same = by_word.get(key(parsed.surname), set())
            if len(same) == 1 and not parsed.initials:
                eid, gender = next(iter(same)), genders.get((m.start, m.end))
                if gender is None or self._gender(eid) in (None, gender):
                    links[(m.start, m.end)] = eid
        return links

    def _tier(self, name: PersonName) -> int:
        if ("PERSON", key(name.text)) in self._by_name or ("PERSON", name.full_key) in self._by_name:
            return 0
        return 1 if self._by_surname.get(shape(name.surname)) else 2

    def _match_full(self, name: PersonName, claimed: set[str]) -> tuple[str, str] | None:
        """The corpus entity a full name belongs to: (id, how) or None; how is exact|typo|ambiguous."""
        if eid := self._named_exactly(name, claimed):
            return eid, "exact"
        best: dict[str, set[str]] = {"exact": set(), "typo": set()}
        candidates = set(self._by_surname.get(shape(name.surname), ())) | set(
            self._by_prefix.get(shape(name.surname)[:4], ()))
        for surname in (name.surname, without_article(name.surname)):
            candidates |= self._by_sound.get(sound_key(surname), set())
        for eid in candidates - claimed:
            names = self._person_names(eid)
            if any(middle_names_conflict(name, p) for p in names):
                continue  # "Saif al-Arab Gaddafi" is not the person also called "Saif al-Islam Gaddafi"
            hows = {names_match(name, p) for p in names}
            for how in ("exact", "typo"):
                if how in hows:
                    best[how].add(eid)
                    break
        for how in ("exact", "typo"):
            if len(best[how]) == 1:
                return best[how].pop(), how
            if len(best[how]) > 1:
                full = [i for i in best[how] if self._has_full_name(i)]
                if len(full) == 1:
                    return full[0], how
                # "Saif Gaddafi" of a corpus that names Saif al-Islam ten times as often as Saif al-Arab
                top = self._far_ahead_of(full) or self._one_person_kept_apart(full)
                return (top, how) if top else ("", "ambiguous")
        return self._short_form_of(name)

    def _match_other_name(self, rep: PersonName, members: list[Mention], claimed: set[str]) -> tuple[str, str] | None:
        """The corpus entity known by another full name the article gives the same person: "Mohamed
        Hosni Mubarak" is new to the corpus, but the report also calls him "Hosni Mubarak", a name
        the corpus knows. The longest name speaks for the group; a shorter one may be the known one."""
        for other in dict.fromkeys(m.text for m in members):
            parsed = parse_name(other)
            if parsed.full and key(other) != key(rep.text) and (eid := self._named_exactly(parsed, claimed)):
                return eid, "exact"
        return None

    def _one_person_kept_apart(self, ids: list[str]) -> str | None:
        """The most reported of ``ids`` when their names are all spellings of one name: the corpus
        kept one person apart twice ("Abdelbaset al-Megrahi", "Abdel Basset al-Megrahi") before a
        spelling close to both came; a third entity would only split him further."""
        names = [parse_name(self._entities[i].name) for i in ids]
        if len(names) < 2 or any(names_match(a, b) is None for k, a in enumerate(names) for b in names[k + 1:]):
            return None
        return max(ids, key=lambda i: (self._entities[i].articles, i))

    def _named_exactly(self, name: PersonName, claimed: set[str]) -> str | None:
        """The unclaimed person the corpus knows by this very name (as written, or without initials)."""
        for k in (key(name.text), name.full_key):
            eid = self._by_name.get(("PERSON", k))
            if eid and eid not in claimed:
                return eid
        return None

    def _short_form_of(self, name: PersonName) -> tuple[str, str] | None:
        """The one known person a short form of ``name`` stands for, or who is known so far only by
        one: "Ben Ali" and "Zine al-Abidine" are Zine El Abidine Ben Ali (:func:`name_tail`,
        :func:`given_names_form`), in whichever order the corpus gives them."""
        ids = {eid for eid in self._by_surname.get(shape(name.surname), ())
               if any(name_tail(name, p) for p in self._person_names(eid))}
        ids |= {eid for eid in self._given.get(key(name.given[0]) if name.given else "", ())
                if any(p.full and given_names_form(name, p) for p in self._person_names(eid))}
        if not ids:  # a longer name of a person known so far by a short form only
            words = name.text.split()
            for form in {" ".join(part) for k in range(2, len(words)) for part in (words[:k], words[-k:])}:
                eid = self._by_name.get(("PERSON", key(form)))
                if eid and all(name_tail(p, name) or given_names_form(p, name) or not p.given
                               for p in map(parse_name, self._entities[eid].names)):
                    ids.add(eid)
        # "Saif al-Islam": the Gaddafi son named far more often than a stray spelling of his name
        one = ids.pop() if len(ids) == 1 else self._far_ahead_of(ids)
        return (one, "exact") if one else None

    def _far_ahead_of(self, ids: Collection[str], also: Collection[str] = ()) -> str | None:
        """The one of two or more ``ids`` named in far more articles than the next (:func:`_far_ahead`)
        and than the people of ``also`` together (those with the word as their first name)."""
        ranked = sorted(ids, key=lambda i: -self._entities[i].articles)
        if len(ranked) < 2:
            return None
        top, second = (self._entities[i].articles for i in ranked[:2])
        rivals = max(second, sum(self._entities[i].articles for i in also if i != ranked[0]))
        return ranked[0] if _far_ahead(top, rivals) else None

    def _link_partial(self, parsed: PersonName, m: Mention, groups: list[tuple[PersonName, str]],
                      context: set[str], title: str | None, titled_here: dict[str, set[str]],
                      gender: str | None = None) -> str | None:
        """A surname or first name alone: the article's one fitting full name, else the corpus's one
        that the article's other entities fit (:meth:`_match_surname`). A surname with a title
        ("President Obama") the article's namesake never held ("first lady Michelle Obama") is the
        corpus's one person of that surname who holds it (``titled_here``: the titles the article
        gives each of its full names)."""
        word = parsed.surname
        by_surname = {eid for rep, eid in groups if names_match(parsed, PersonName(rep.text, (), rep.surname))
                      and initials_fit(parsed.initials, rep)}
        if title and not any(self._holds(eid, title) or title in titled_here.get(eid, ()) for eid in by_surname):
            holders = [eid for eid in self._named_by_surname(word, parsed.initials) if self._holds(eid, title)]
            if len(holders) == 1:
                return holders[0]
        if gender and len(by_surname) > 1:  # "Mrs. Tamm" where the report names Karl and Liis Tamm
            by_surname = {eid for eid in by_surname if self._gender(eid) in (None, gender)} or by_surname
        if len(by_surname) == 1:
            return by_surname.pop()
        if by_surname:  # the report's two Gadhafis: "Gadhafi" alone is the colonel, his son is "Saif"
            return self._dominant(list(by_surname), word) or self._called_so(list(by_surname), word)
        if eid := self._by_initials(parsed):
            return eid
        by_given = {eid for rep, eid in groups if rep.given and given_match(word, rep.given[0])}
        if len(by_given) == 1 and len(word.split()) == 1:
            return by_given.pop()
        if by_given or word in gz.FIRST_NAMES:
            return None  # a first name alone, with nobody (or two people) to give it to
        eid = self._match_surname(word, context, initials=parsed.initials, gender=gender)
        if eid == "":
            return None
        if not (title or gender or parsed.initials) and is_common_word(word) and (
                eid is None or not self._named_like_a_person(eid)):
            # "People", "Follow", "Sun" alone: a common word in a capital is no one new, nor the
            # surname of a name that is words too ("Murder People", "Twitter Follow")
            return None
        if eid is None:
            e = self._new("PERSON", word)
            self._register_person(e, parsed)
            eid = e.id
        return eid

    def _match_surname(self, surname: str, context: Collection[str] = (), *,
                       initials: tuple[str, ...] = (), gender: str | None = None) -> str | None:
        """The one corpus person with this surname; "" when several (or only people of unconfirmed
        headline spans); None when nobody.

        ``context``: the other entities of the article the surname stands in. A known person whose
        articles share none of them is someone else ("Bush" of the Bush administration is not the
        running back Reggie Bush, the only Bush the corpus knew so far): the surname then links to
        nobody, as when two people share it. It makes no surname-only person either: one would
        take in every later full name with that surname ("George W. Bush", "Dale Hall"). A
        person with no context yet (a knowledge-file entry), or an article with none, decides
        nothing. ``initials`` ("P.J." of "P.J. Crowley") leave out the people whose first name
        starts with another letter ("Candy Crowley"); ``gender`` (of "Mrs." or "Mr.") those whose
        first name is of the other. When several fit and one of them is the corpus's
        :meth:`_dominant` bearer of the name ("Obama" for a 2010 corpus), the surname is that person's.
        """
        ids = self._named_by_surname(surname, initials)
        if gender:
            ids = [i for i in ids if self._gender(i) in (None, gender)]
        checked = [i for i in ids if not self._entities[i].unconfirmed.issuperset(self._entities[i].names)]
        if len(checked) < len(ids) and not checked:
            return ""  # only "Probe GM" of a headline nothing confirmed: "GM" alone is not it, nor anyone new
        ids = checked
        full = [i for i in ids if self._has_full_name(i)]
        if full:
            fitting = [i for i in full if self._fits(i, context)]
            return fitting[0] if len(fitting) == 1 else self._dominant(fitting, surname) or ""
        return ids[0] if len(ids) == 1 else (None if not ids else "")

    def _dominant(self, ids: list[str], surname: str) -> str | None:
        """The one of several people sharing a surname that the corpus names :data:`DOMINANT_RATIO`
        times as often as any other, in at least :data:`DOMINANT_ARTICLES` articles: the Obama of a
        2010 corpus is the president, its Gaddafi the colonel (reports write the son as "Saif").
        None when no one stands out that far, also over the people with that word as their first
        name: an "Abdullah" alone is anyone's."""
        return self._far_ahead_of(ids, also=self._given.get(key(surname), ()))

    def _called_so(self, ids: list[str], word: str) -> str | None:
        """The one of an article's namesakes that the corpus calls by ``word`` alone :data:`DOMINANT_RATIO`
        times as often as the others together, at least :data:`DOMINANT_ARTICLES` times: reports name the
        colonel "Gadhafi" and his son "Saif", even while the son is in the news nearly as often."""
        sound = sound_key(word)
        alone = {i: sum(n for name, n in self._entities[i].names.items()
                        if " " not in name and sound_key(name) == sound) for i in ids}
        top = max(alone, key=alone.__getitem__)
        return top if _far_ahead(alone[top], sum(alone.values()) - alone[top]) else None

    def _word_before_famous_surname(self, name: PersonName) -> str | None:
        """The famous bearer of a surname that follows a word no one is given as a name: the span
        "Comrade Obama" or "Following Obama" is the president of a 2010 corpus. A rare word before
        the surname may be a given name the table lacks ("Mutassim Gaddafi"), so only an English
        word counts (:data:`WORD_BEFORE_SURNAME_ZIPF`)."""
        word = name.given[0] if len(name.given) == 1 else ""
        if not word or is_given_name(word) or word in gz.FIRST_NAMES or self._by_surname.get(shape(word)) \
                or not is_common_word(word, WORD_BEFORE_SURNAME_ZIPF) or not name.surname.isalpha():
            return None  # "Bush Cheney" is two surnames; "Magnitude 5.0" no name
        ids = [i for i in self._named_by_surname(name.surname)
               if self._has_full_name(i) and self._named_like_a_person(i)]
        if len(ids) == 1:
            return ids[0] if _far_ahead(self._entities[ids[0]].articles, 0) else None
        return self._dominant(ids, name.surname)

    def _named_like_a_person(self, eid: str) -> bool:
        """Whether a person has a given name people are given, a title, or an entry in the knowledge
        file: the "Murder People" a Title Case line made has none of them."""
        e = self._entities[eid]
        return e.fixed or bool(e.roles) or any(p.given and is_given_name(p.given[0]) for p in self._person_names(eid))

    def _gender(self, eid: str) -> str | None:
        """A person's gender as their first names give it, None when they do not say."""
        found = {given_name_gender(p.given[0]) for p in self._person_names(eid) if p.given} - {None}
        return found.pop() if len(found) == 1 else None

    def _named_by_surname(self, surname: str, initials: tuple[str, ...] = ()) -> list[str]:
        """The corpus people a surname alone can name (with ``initials``, only those whose first
        name fits them). When nobody writes it this way, the people whose surname it transliterates
        ("Qaddafi" alone for the Gadhafis, as :func:`~storyline.entities.names.transliteration_match`
        joins their full names)."""
        alone = parse_name(surname)
        found = [i for i in self._by_surname.get(shape(surname), ())
                 if any(names_match(alone, PersonName(n, (), parse_name(n).surname)) for n in self._entities[i].names)]
        if not found and not alone.initials:
            found = [i for i in self._by_sound.get(sound_key(surname), ()) if any(
                surnames_transliterated(surname, p.surname) for p in self._person_names(i) if p.full)]
        return [i for i in found
                if not initials or all(initials_fit(initials, parse_name(n)) for n in self._entities[i].names)]

    def _holds(self, eid: str, title: str) -> bool:
        return any(r.title == title for r in self._entities[eid].roles)

    def _fits(self, eid: str, context: Collection[str]) -> bool:
        known = self._entities[eid].context
        return not known or not context or any(c in known for c in context)

    def _add_context(self, e: _Entity, here: Collection[str]) -> None:
        e.context.update(c for c in here if c != e.id)
        if len(e.context) > 2 * CONTEXT_SIZE:  # keep the frequent ones: a bounded row per person
            e.context = Counter(dict(e.context.most_common(CONTEXT_SIZE)))

    def _has_full_name(self, eid: str) -> bool:
        return any(parse_name(n).full for n in self._entities[eid].names)

    def _person_names(self, eid: str) -> list[PersonName]:
        """The names to compare a new full name with: the full ones when the person has any.

        "Duda" alone is one of Andrzej Duda's names, but "Agata Duda" must not match it; nor
        "Candy Crowley" a person known so far only as "P.J. Crowley" and "Crowley".
        """
        parsed = [parse_name(n) for n in self._entities[eid].names]
        return [p for p in parsed if p.full] or [p for p in parsed if p.initials] or parsed

    def _register_person(self, e: _Entity, name: PersonName, *, confirmed: bool = True) -> None:
        s = shape(name.surname)
        self._by_surname.setdefault(s, set()).add(e.id)
        self._by_prefix.setdefault(s[:4], set()).add(e.id)
        for surname in (name.surname, without_article(name.surname)):  # "Al-Khatib" is also found as "Khatib"
            self._by_sound.setdefault(sound_key(surname), set()).add(e.id)
        if (tail := abd_tail(name.surname)) != name.surname:  # "Jalil" alone finds Mustafa Abdul Jalil
            self._by_surname.setdefault(shape(tail), set()).add(e.id)
        if name.full:
            if name.given:
                self._given.setdefault(key(name.given[0]), set()).add(e.id)
            if confirmed:
                self._full_names.add(name.text, name.surname.split()[-1])
            self._by_name.setdefault(("PERSON", key(name.text)), e.id)
            self._by_name.setdefault(("PERSON", name.full_key), e.id)
        elif name.initials:
            self._by_name.setdefault(("PERSON", key(name.text)), e.id)

    # -- organisations and places --------------------------------------------------------

    def _link_named(self, m: Mention, countries: dict[str, str]) -> str:
        kind, canonical = org_or_place(m.text, m.label)
        k = (kind, key(canonical))
        eid = self._by_name.get(k)
        if eid is None:
            eid = self._new(m.label, canonical).id
            self._by_name[k] = eid
        e = self._entities[eid]
        e.names[canonical] += 0
        if kind == "PLACE" and not e.country:
            e.country = place_country(canonical) or countries.get(canonical)
        return eid

    def _seed_named(self, label: str, name: str, aliases: Iterable[str], country: str | None) -> None:
        kind, canonical = org_or_place(name, label)
        eid = self._by_name.get((kind, key(canonical))) or self._new(label, name).id
        e = self._entities[eid]
        e.name, e.fixed = name, True
        self._dirty.add(eid)
        for alias in (name, *aliases):
            e.names[alias] += 0
            self._by_name[(kind, key(alias))] = eid
            self._by_name[(kind, key(org_or_place(alias, label)[1]))] = eid
        if country:
            e.country = country

    # -- shared --------------------------------------------------------------------------

    def _new(self, label: str, name: str) -> _Entity:
        prefix = {"PERSON": "person", "ORG": "org"}.get(label, "place")
        base = f"{prefix}:{re.sub(r'[^a-z0-9]+', '-', fold(name)).strip('-') or 'x'}"
        eid, n = base, 1
        while eid in self._ids:
            n += 1
            eid = f"{base}-{n}"
        self._ids.add(eid)
        e = _Entity(eid, label, name=name)
        e.names[name] += 0  # known at once, so the next mention of the same name finds it
        self._entities[eid] = e
        self._dirty.add(eid)
        return e

    def _rename(self, e: _Entity) -> None:
        if e.labels:
            e.type = "PERSON" if e.type == "PERSON" else place_or_org_type(e.type, e.labels)
        if e.fixed:
            return
        names = [n for n in e.names if e.names[n] > 0] or list(e.names)
        e.name = canonical_person_name(names, e.names) if e.type == "PERSON" else best_spelling(names, e.names, e.type)

    def _add_role(self, e: _Entity, fact: RoleFact, article_id: str) -> None:
        r = fact.role
        same_title = [s for s in e.roles if s.source == "text" and s.title == r.title and s.former == fact.former]
        # "President Duda" and "the President of Poland, Andrzej Duda" are one role: an org
        # fills a role stated without one, and a role without one joins the only one with one
        if r.org is None and same_title:  # ... the best attested, when several ("President" of Obama)
            r = Role(r.title, max(same_title, key=lambda x: x.articles).org, r.start, r.end, r.article_id)
        elif r.org is not None and any(span.org is None for span in same_title):
            for span in same_title:
                if span.org is None:
                    span.org = r.org
            e.roles = merged_roles(e.roles)
        for span in e.roles:
            if span.source == "text" and (span.title, span.org, span.former) == (r.title, r.org, fact.former):
                span.articles += 1
                if r.start:
                    span.first = min(filter(None, (span.first, r.start)))
                    span.last = max(filter(None, (span.last, r.end or r.start)))
                break
        else:
            e.roles.append(RoleSpan(r.title, r.org, r.start, r.end, 1, fact.former, "text", article_id))
        if fact.nationality:
            e.nationality[fact.nationality] += 1

    # -- persistence ---------------------------------------------------------------------

    def to_dict(self, ids: Collection[str] | None = None) -> dict[str, Any]:
        """Plain data (JSON-ready): one row per entity with its spellings, roles and counts.

        ``ids``: only these entities (e.g. :meth:`take_dirty`), for an incremental save.
        """
        rows = []
        for e in self._entities.values() if ids is None else (self._entities[i] for i in ids if i in self._entities):
            rows.append({
                "id": e.id, "type": e.type, "name": e.name, "fixed": e.fixed, "names": dict(e.names),
                "labels": dict(e.labels), "nationality": dict(e.nationality), "country": e.country,
                "first_seen": e.first_seen, "last_seen": e.last_seen, "articles": e.articles, "mentions": e.mentions,
                "unconfirmed": sorted(e.unconfirmed), "context": dict(e.context),
                "roles": [{"title": r.title, "org": r.org, "first": r.first, "last": r.last, "articles": r.articles,
                           "former": r.former, "source": r.source, "article_id": r.article_id} for r in e.roles],
            })
        return {"version": _VERSION, "entities": rows}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityIndex:
        """Rebuild an index (blocking keys included) from :meth:`to_dict`."""
        index = cls()
        for row in data.get("entities", []):
            e = _Entity(row["id"], row["type"], Counter(row["names"]), row["name"], row["fixed"],
                        Counter(row.get("labels", {})), merged_roles(RoleSpan(**r) for r in row.get("roles", [])),
                        Counter(row.get("nationality", {})), row.get("country"), row.get("first_seen"),
                        row.get("last_seen"), row.get("articles", 0), row.get("mentions", 0),
                        set(row.get("unconfirmed", ())), Counter(row.get("context", {})))
            index._entities[e.id] = e
            index._ids.add(e.id)
            for n in e.names:
                if e.type == "PERSON":
                    index._register_person(e, parse_name(n), confirmed=n not in e.unconfirmed)
                else:
                    kind, canonical = org_or_place(n, e.type)
                    index._by_name.setdefault((kind, key(canonical)), e.id)
        return index


# -- naming rules ---------------------------------------------------------------------------


def _far_ahead(count: int, rivals: int) -> bool:
    """Whether a person's ``count`` (articles, or times called by a surname alone) outweighs the
    rivals' :data:`DOMINANT_RATIO` times over, and reaches :data:`DOMINANT_ARTICLES`."""
    return count >= DOMINANT_ARTICLES and count >= DOMINANT_RATIO * rivals
