"""Roles stated in the text, and role descriptions that stand for a person.

News names people with their role around the name; :func:`find_roles` turns
each such phrase into a :class:`RoleFact` dated with the article:

=================================================  =======================================
``NATO Secretary General Jens Stoltenberg``         ORG TITLE NAME
``the President of Poland, Andrzej Duda``           the TITLE of PLACE, NAME
``Lithuanian President Gitan Nauseda``              NATIONALITY TITLE NAME
``Poland's President Andrzej Duda``                 PLACE's TITLE NAME
``Foreign Ministry spokesman Wang Wenbin``          TITLE NAME
``Rūta Vaitkienė, spokeswoman of the ... Ministry``  NAME, TITLE of ORG
=================================================  =======================================

A role phrase *without* a name ("the NATO secretary general", "NATO chief", "the
Polish president", "the Norwegian diplomat", "the Head of State", "Mr Secretary
General", "the former Liberal Prime Minister of Estonia") is a
:class:`Description`: :func:`storyline.entities.describe.resolve_description`
finds who it is at the article's date.

Titles, their spellings and kinds live in :mod:`storyline.entities.gazetteer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from storyline.clean.credits import agency
from storyline.entities import gazetteer as gz
from storyline.records import Mention, Role

#: Titles whose nationality word names the country of the office ("the Polish president"
#: is Poland's president); for the others it is the person's nationality ("the Norwegian diplomat").
NON_NATIONAL = frozenset({"Secretary General", "High Representative", "Diplomat", "Politician", "Commissioner"})


@dataclass(frozen=True, slots=True)
class RoleFact:
    """A role the text gives a named person: ``name`` as written, at ``start:end`` of the clean text."""

    name: str
    start: int
    end: int
    role: Role
    nationality: str | None = None  #: country the qualifier gives the person ("Lithuanian President")
    former: bool = False  #: "former Prime Minister X": held the role before the article's date
    phrase: tuple[int, int] = (0, 0)  #: the whole role phrase, name included


@dataclass(frozen=True, slots=True)
class Description:
    """A role phrase that stands for a person: "the Polish president", "NATO chief"."""

    text: str
    start: int
    end: int
    title: str | None  #: canonical title; ``None`` for a bare nationality ("the Norwegian")
    org: str | None = None  #: "NATO", "Poland"
    nationality: str | None = None  #: the person's country ("the Norwegian diplomat" → Norway)
    former: bool = False
    qualifier: str | None = None  #: other words of the phrase ("Social Democratic")


# -- the phrase grammar ----------------------------------------------------------------

_SPELLING: dict[str, gz.Title] = {s: t for t in gz.TITLES for s in t.spellings}


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# a title is a word of its own: "king" ends "sacking", "general" ends nothing but opens "in general"
_TITLE = rf"(?<![\w-])(?P<title>(?i:{_alt(list(_SPELLING))}))(?![\w-])"
# a deputy or an assistant does not hold the title ("Deputy Defence Minister", "assistant secretary of state")
_DEPUTY = re.compile(r"\b(?i:deputy|assistant|under)\s+(?:[A-Z][\w.-]*\s+){0,3}$")
_CIVIL_SPELLINGS = [s for s, t in _SPELLING.items() if "military" not in t.kinds]
_DESC_TITLE = rf"(?<![\w-])(?P<title>(?i:{_alt(_CIVIL_SPELLINGS)}))(?![\w-])"
_DEMONYM = rf"(?P<nat>(?i:{_alt(list(gz.DEMONYMS))}))"
# an organisation or place after "of": capitalised words, and the few common nouns organisations are made of
_ORG_NOUNS = ("embassy|ministry|mission|office|government|navy|army|delegation|forces|council|command|group|party|"
              "agency|service|guard|committee|commission|company|alliance|union|bank")
_OF = rf"(?P<of>[A-Z][\w\-]*(?:\s+(?:(?:of|the|and|in|for)\s+)*(?:[A-Z][\w\-]*|{_ORG_NOUNS})){{0,5}})"
_ACRONYM = r"(?P<org>(?:[A-Z]\.){2,3}|[A-Z]{2,6})"  # "NATO", "U.S."

# left of a name: "[the] [former] [DEMONYM | PLACE's | ACRONYM] TITLE [of [the] ORG][,] [(]"
_LEFT = re.compile(
    rf"(?:\b(?P<det>[Tt]he)\s+)?(?:(?P<former>former|ex-)\s*)?(?:(?i:outgoing|then)\s+)?"
    rf"(?:{_DEMONYM}\s+|(?P<poss>[A-Z][\w\-]+)['’]s\s+|{_ACRONYM}\s+)?"
    rf"{_TITLE}(?:\s+(?:of|for|to)\s+(?:the\s+)?{_OF})?\s*,?\s*\(?\s*$"
)
_TITLE_ONLY = re.compile(_TITLE)
_PREFIX = 60  # "the former outgoing Lithuanian " before a title: at most this long
# right of a name: ", [the] [DEMONYM] TITLE of|for [the] ORG"
_RIGHT = re.compile(
    rf"^\s*,\s+(?:the\s+)?(?:(?P<former>former)\s+)?(?:{_DEMONYM}\s+)?{_TITLE}"
    rf"(?:\s+(?:of|for|to)\s+(?:the\s+)?(?P<of>[A-Z][\w\-]*(?:\s+(?:of\s+|the\s+|and\s+)*[A-Z][\w\-]*){{0,6}}"
    rf"(?:,?\s+(?:plc|Inc\.|Ltd\.|Corp\.))?))?"
)
# a description: "the [former] [Qualifier]{0,3} [DEMONYM | ACRONYM] TITLE [of [the] PLACE]", "Mr TITLE", "NATO chief"
_DESC = re.compile(
    rf"(?:\b(?P<det>[Tt]he|Mr\.?|Mrs\.?|Madam)\s+(?:(?P<former>former|ex-)\s*)?(?:(?i:outgoing)\s+)?"
    rf"(?P<qual>(?:[A-Z][a-z]+\s+){{0,3}}?)|(?<![Aa]\s)(?<![Aa]n\s)\b(?=[A-Z]{{2,6}}\s))"
    rf"(?:{_DEMONYM}\s+|{_ACRONYM}\s+)?{_DESC_TITLE}"
    rf"(?:\s+of\s+(?:the\s+)?{_OF})?"
)
# a nationality standing for a person: "The Norwegian, whose mandate...", "the Norwegian said"
_NAT_NOUN = re.compile(
    rf"\b[Tt]he\s+{_DEMONYM}(?=\s*,|\s+(?:said|says|added|told|declared|stressed|noted|explained|answered|"
    r"warned|insisted|recalled|who|whose|has|had|is|was|also)\b)"
)


def find_roles(text: str, mentions: list[Mention], *, date: str | None = None) -> list[RoleFact]:
    """Role facts for the PERSON mentions of one clean article (mentions as repaired)."""
    orgs = {m.end: m.text for m in mentions if m.label == "ORG"}
    people = {m.start for m in mentions if m.label == "PERSON"}
    facts: list[RoleFact] = []
    for m in mentions:
        if m.label != "PERSON":
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        window_start = max(line_start, m.start - 120)
        # a cheap look for a title first; the phrase starts at most _PREFIX characters before it
        title = _TITLE_ONLY.search(text, window_start, m.start)
        left = title and _LEFT.search(text, max(window_start, title.start() - _PREFIX), m.start)
        if left and left.group("of") and _TITLE_ONLY.search(left.group("of")):
            # "a spokesman for Interior Secretary Tamm": the title next to the name is his
            left = _LEFT.search(text, left.start("of"), m.start)
        if left and (_title_in_prose(left) or _qualified(left, orgs, text)) and not _deputy(text, left):
            fact = _fact(m, left, date, orgs, text, phrase_start=left.start())
            if fact:
                facts.append(fact)
                continue
        line_end = text.find("\n", m.end)
        right = _RIGHT.match(text[m.end:line_end if line_end != -1 else len(text)])
        if right and _closed_apposition(text, m.end + right.end(), people):
            fact = _fact(m, right, date, orgs, text, phrase_start=m.start, phrase_end=m.end + right.end())
            if fact:
                facts.append(fact)
    return facts


def find_descriptions(text: str, mentions: list[Mention], facts: list[RoleFact] | None = None) -> list[Description]:
    """Role phrases with no name after them: people to resolve by role and date.

    ``facts`` are the article's :func:`find_roles` (computed when not given): a
    phrase inside one ("the spokeswoman of the Latvian embassy in Rome, Ilze
    Berzina") is not a description.
    """
    if facts is None:
        facts = find_roles(text, mentions)
    phrases = [f.phrase for f in facts]
    persons = {m.start for m in mentions if m.label == "PERSON"}
    orgs = {m.end: m.text for m in mentions if m.label == "ORG"}
    out: list[Description] = []
    for hit in _DESC.finditer(text):
        if _followed_by_person(text, hit.end(), persons) or any(hit.end("title") < p < hit.end() for p in persons):
            continue  # "the President of Poland, Andrzej Duda" is a role fact, not a description
        if any(a <= hit.start("title") < b for a, b in phrases) or _deputy(text, hit):
            continue
        title = _SPELLING[hit.group("title").lower()]
        start = hit.start("det") if hit.group("det") else hit.start()
        if hit.group("qual") and not hit.group("det"):
            continue
        org, nationality = _org_and_nationality(title, hit, orgs, text)
        if title.needs_qualifier and not (org or nationality):
            continue
        name = gz.TITLE_SYNONYMS.get((title.name, org), title.name)
        qual = (hit.group("qual") or "").strip() or None
        out.append(Description(text[start:hit.end()], start, hit.end(), name, org, nationality,
                               bool(hit.group("former")), qual))
    for hit in _NAT_NOUN.finditer(text):
        out.append(Description(hit.group(), hit.start(), hit.end(), None, None, _country(hit.group("nat"))))
    return sorted(out, key=lambda d: d.start)


# -- helpers -----------------------------------------------------------------------------


def _title_in_prose(hit: re.Match[str]) -> bool:
    """A title before a name is written with a capital ("President Lepik"), or in lower case as a
    phrase of its own: after "the" or "former", with "of" an organisation, or set off by a comma
    ("the vice president, Anna Lepik", "head of the port authority, Karl Tamm"); "in general
    (Lepik)" gives no title."""
    return (hit.group("title")[:1].isupper() or bool(hit.group("det") or hit.group("former") or hit.group("of"))
            or "," in hit.group()[hit.end("title") - hit.start():])


def _deputy(text: str, hit: re.Match[str]) -> bool:
    return bool(_DEPUTY.search(text, max(0, hit.start("title") - 60), hit.start("title")))


def _qualified(hit: re.Match[str], orgs: dict[int, str], text: str) -> bool:
    """A lower-case title whose organisation or country comes first is a title too ("BP chief
    executive Tony Hayward", "White House spokesman Ivo Tamm", "Vestra's interior minister Kask")."""
    if hit.group("nat") or hit.group("poss") or (hit.group("org") and _office_org(hit.group("org"))):
        return True
    return _org_before(hit, orgs, text) is not None


def _org_before(hit: re.Match[str], orgs: dict[int, str], text: str) -> str | None:
    """The organisation mention that ends right before the title ("European Commission President"),
    if it can be the office's (:func:`_office_org`)."""
    at = hit.start("title")
    while at > 0 and text[at - 1] == " ":
        at -= 1
    name = orgs.get(at)
    return name if name is not None and _office_org(name) else None


def _office_org(name: str) -> bool:
    """Whether an organisation mention right before a title can be the office's: a wire agency's
    credit ("(Reuters) Rep. Kask") and a live blog's time stamp ("18.24 BST President X") cannot."""
    return not (agency(name) or name.lower() in gz.NOT_ENTITIES or any(c.isdigit() for c in name))


#: what may follow a role set off after a name: the comma or stop that closes it, or a relative
_APPOSITION_END = re.compile(r"\s*(?:[,.;:)”\"]|$)|\s+(?:who|whose|and|since|until|in|at|on|from)\b")


def _closed_apposition(text: str, end: int, person_starts: set[int]) -> bool:
    """Whether the role after a name ends as an apposition: "Duda, the President of Poland, said".
    A role that goes on with a name is that name's ("Lepik, Estonian President Kari Saar and …"),
    and one that goes on with a verb opens a clause of its own ("talks with Lepik, the prime
    minister of Vestra said …": the prime minister speaks, Lepik is not one)."""
    if _followed_by_person(text, end, person_starts):
        return False
    return bool(_APPOSITION_END.match(text, end))


def _followed_by_person(text: str, pos: int, person_starts: set[int]) -> bool:
    gap = re.match(r"\s*,?\s*\(?\s*", text[pos:pos + 6])
    return pos + (gap.end() if gap else 0) in person_starts


def _fact(m: Mention, hit: re.Match[str], date: str | None, orgs: dict[int, str], text: str, *,
          phrase_start: int, phrase_end: int | None = None) -> RoleFact | None:
    title = _SPELLING[hit.group("title").lower()]
    org, nationality = _org_and_nationality(title, hit, orgs, text)
    if title.needs_qualifier and not (org or nationality):
        return None
    name = gz.TITLE_SYNONYMS.get((title.name, org), title.name)
    if name == "Spokesperson" and org and "foreign ministry" in org.lower():
        name, org = "Foreign Ministry spokesperson", nationality
    person_nat = nationality or (org if org in gz.COUNTRY_NAMES.values() and name not in NON_NATIONAL else None)
    former = bool(hit.groupdict().get("former"))
    return RoleFact(m.text, m.start, m.end, Role(name, org, date, date), person_nat, former,
                    (phrase_start, phrase_end if phrase_end is not None else m.end))


def _org_and_nationality(title: gz.Title, hit: re.Match[str], orgs: dict[int, str],
                         text: str) -> tuple[str | None, str | None]:
    """The organisation of a role and the country its nationality word names.

    The organisation comes from "of ORG", an acronym or ORG mention right before the
    title ("NATO Secretary General", "European Commission President"), "Poland's",
    or a nationality word for national offices ("the Polish president" → Poland).
    """
    groups = hit.groupdict()
    org = None
    nat = _country(groups["nat"]) if groups.get("nat") else None
    if groups.get("of"):
        org = normalise_org(groups["of"])
        first = groups["of"].split()[0]
        nat = nat or (_country(first) if first in gz.DEMONYMS else None)  # "of the Lithuanian Defence Ministry"
    elif groups.get("org") and _office_org(groups["org"]):
        org = normalise_org(groups["org"])
    elif groups.get("poss") and _country(groups["poss"]):
        org = _country(groups["poss"])
    elif (named := _org_before(hit, orgs, text)) is not None:
        org = normalise_org(named)
    if nat and not org and title.name not in NON_NATIONAL:
        org = nat
    return org, nat


_COMPANY_FORM = re.compile(r",?\s+(?:plc|PLC|Plc|Inc\.?|Corp\.?|Ltd\.?|LLC|Co\.|S\.A\.|AG|N\.V\.)$")


def normalise_org(name: str) -> str:
    """ "the Atlantic Alliance" → "NATO", "Poland's" → "Poland", "EU" → "European Union"."""
    name = re.sub(r"^(?i:the)\s+", "", name.strip()).rstrip(",")
    name = re.sub(r"['’]s$", "", name)
    name = _COMPANY_FORM.sub("", name) or name  # "Harbour Oil plc" is Harbour Oil
    for form in (name, name.rstrip(".")):  # "U.S." is a country, "Harbour Oil Inc." an organisation
        if form in gz.ORG_ALIASES:
            return gz.ORG_ALIASES[form]
        if country := _country(form):
            return country
    return name.rstrip(".")


@lru_cache(maxsize=4096)
def _country(word: str) -> str | None:
    """The country a demonym or country name points at ("Polish", "polish", "Poland" → "Poland")."""
    w = word.strip()
    for table in (gz.COUNTRY_NAMES, gz.DEMONYMS):
        if w in table:
            return table[w]
        if w.capitalize() in table:
            return table[w.capitalize()]
    if w in gz.PLACE_ALIASES and gz.PLACE_ALIASES[w] in gz.COUNTRY_NAMES:
        return gz.COUNTRY_NAMES[gz.PLACE_ALIASES[w]]
    return None


def canonical_title(title: str) -> str:
    """ "secretary-general" → "Secretary General"; an unknown title is kept as written."""
    t = _SPELLING.get(title.strip().lower())
    return t.name if t else title.strip()


def title_kinds(title: str) -> frozenset[str]:
    """What kind of role a canonical title is (head_of_state, diplomat...); empty when unknown."""
    for t in gz.TITLES:
        if t.name == title:
            return t.kinds
    t = _SPELLING.get(title.lower())
    return t.kinds if t else frozenset()


@dataclass(slots=True)
class RoleSpan:
    """A role of an entity: attested by the text between ``first`` and ``last``, or from the KB."""

    title: str
    org: str | None
    first: str | None
    last: str | None
    articles: int = 1
    former: bool = False  #: the text called it former ("former Prime Minister of Norway")
    source: str = "text"  #: text | kb
    article_id: str | None = None  #: first evidence

    def covers(self, date: str | None) -> bool:
        """Whether the role is attested (text) or held (KB) at ``date``."""
        if date is None:
            return True
        return (self.first is None or self.first <= date) and (self.last is None or date <= self.last)


def merged_roles(roles: Iterable[RoleSpan]) -> list[RoleSpan]:
    """One span per role: spans of the same title, organisation, tense and source become one, from
    the first to the last date, their articles summed, the earliest evidence kept. (Filling in
    the organisation of roles first stated without one used to leave several spans of one role.)"""
    out: dict[tuple[str, str | None, bool, str], RoleSpan] = {}
    for r in roles:
        k = (r.title, r.org, r.former, r.source)
        if k not in out:
            out[k] = RoleSpan(r.title, r.org, r.first, r.last, r.articles, r.former, r.source, r.article_id)
            continue
        span = out[k]
        if r.first and (span.first is None or r.first < span.first):
            span.first, span.article_id = r.first, r.article_id or span.article_id
        span.last = max(filter(None, (span.last, r.last)), default=None)
        span.articles += r.articles
    return list(out.values())
