"""Repair spaCy's entity mentions of one clean article.

The small English model is fast but, on machine-translated news, it tags
"Stoltenberg" as ORG or GPE, "Kiev" as PERSON, "Leopard 2 A6" as a person,
misses "Xi Jinping", keeps possessives and a leading "the", and glues two people
into one span. :func:`repair_mentions` fixes that in passes, each one finding
its changes first and then applying them (:class:`Repair` records say which
rule did what; pass ``trace=[]`` to see them):

1. trim (:mod:`~storyline.entities.name_span`): leading "the", titles in front of a person,
   possessives, punctuation, anything after a line break, words glued to a name ("… told",
   "Reggie I'm", "Via Twitter");
2. split run-ons: "Tallinn, Vilnius or Riga", "Duda and Nauseda at the Suwałki Gap";
3. gazetteer: places, demonyms, organisations and people the model confuses,
   common nouns it takes for names, weapon systems (by name and context), places
   and organisations named after a person ("Betty Ford Center"); then teams
   ("the Jaguars") and one-word people opening a sentence that the text also
   writes in lower case ("Arson suspected ...");
4. add people the model misses: the known-people list, title patterns
   ("Secretary General Jens Stoltenberg", "President, Gitan Nauseda") and
   capitalised names after a known first name ("Margus Tsahkna"); a common word at a
   person's edge goes ("Following Obama", "Karl Tamm Greenpeace"), and a "person" made of
   common words only goes ("Oil Spill" beside "the spill"); then cut the people of Title Case headlines to
   the names the article confirms (:mod:`~storyline.entities.headline`: "Lindsay Lohan
   Checks Out");
5. the corpus's reading: a "person" the corpus writes more often as an organisation or a
   place takes that label ("White House", "Misrata"; ``known_things``); then document
   consistency: once "Jens Stoltenberg" is a PERSON, every
   "Stoltenberg" in the article is one, tagged or not;
6. people the text calls a place ("the province of Aceh": "Aceh", "Banda Aceh") or a news
   outlet ("the newspaper Quryna"), whatever the model or the corpus said; then drop
   photographers and credited agencies (``not_people``).

Offsets always index the clean text: ``text[m.start:m.end] == m.text``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from storyline.clean.credits import AGENCIES
from storyline.entities import gazetteer as gz
from storyline.entities.gender import ENGLISH_WORD_ZIPF, given_name_gender, is_common_word, is_given_name
from storyline.entities.headline import confirm_headline_people
from storyline.entities.mention_context import (
    PLACES,
    companies_named,
    outlets_named,
    inline_credits,
    occurrences,
    places_named,
    things_named,
)
from storyline.entities.name_span import NEVER_IN_NAMES, cut_title, never_a_name, trim_name
from storyline.entities.names import ARTICLE_PREFIX, is_initial, key, parse_name
from storyline.records import PLACE_LABELS, CleanArticle, Mention

#: Labels the entity stage works on; the others (DATE, CARDINAL...) pass through untouched.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})

# initials ("V.", "U.S.") keep their dots; words keep inner apostrophes ("O'Brien")
_TOKEN = re.compile(r"(?:[^\W\d_]\.)+(?![^\W\d_])|[^\W\d_][\w\-]*(?:[’'][^\W\d_]+)*|\d[\w\-]*")
_KNOWN_PEOPLE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(gz.KNOWN_PEOPLE, key=len, reverse=True)) + r")(?!\w)")
_RUNON_SPLIT = re.compile(r",\s+|\s+(?:and|or|at the|in|the)\s+")
_TITLE_RE = re.compile(
    r"\b(?i:" + "|".join(sorted((re.escape(s) for t in gz.TITLES if not t.describes_only and not t.needs_qualifier
                                 for s in t.spellings), key=len, reverse=True)) + r")(?:\s*,)?\s+(?:\(\s*)?",
)
_NOT_ENTITIES = gz.NOT_ENTITIES
_AGENCY_NAMES = {name for name in AGENCIES} | {v.lower() for v in AGENCIES.values()}
#: The place heads (``gz.PLACE_HEADS``) that make a building or a street (FAC) rather than a place (LOC).
_BUILDINGS = frozenset({"Airport", "Station", "Building", "Warehouse", "Bivvy", "Stadium", "Arena", "Palace",
                        "Plaza"}) | gz.STREET_HEADS
#: Last words that make a name an organisation's or a place's, never a person's ("Palmer Police").
_INSTITUTION_HEADS = gz.ORG_HEADS | gz.PLACE_HEADS
_FOR_OR_AGAINST = re.compile(r"(?i:anti|pro)-")
_PARTY_AFTER = re.compile(r" (?:" + "|".join(sorted(gz.PARTY_MEMBERS)) + r")\b")
_PLURAL = re.compile(r"[a-z]s$")
_THE_BEFORE = re.compile(r"(?:^|(?<=\W))[Tt]he $")
#: Nothing but quotes and spaces since the text's start, a line break or a sentence's end.
#: what follows a word, not a name, that opens a sentence: a comma, a preposition, an article, a
#: pronoun ("Look at …", "Look, we …"); a name is followed by its verb ("Bieber can't", "Rivers said")
_WORD_THEN_FUNCTION = re.compile(r",| (?:at|to|for|in|on|into|up|out|back|around|over|the|a|an|this|that|these|"
                                 r"those|it|its|what|how|who|why|where|when|here|there|we|you|they|he|she|i)\b")
_SENTENCE_START = re.compile(r"(?:^|[\n.!?:])[\s“”\"'‘’«»(\[—–-]*$")


#: The rules of a person found by a first name the corpus learnt: the name is new, or a known person's.
_LEARNT, _LEARNT_KNOWN = "learnt first name + name", "learnt first name + known name"
#: The rule of a :class:`Repair` that keeps a span unchanged but marks it as unchecked: a person of a
#: Title Case headline with no running text to confirm it (:mod:`~storyline.entities.headline`).
UNCONFIRMED = "title case headline: unconfirmed"


@dataclass(frozen=True, slots=True)
class Repair:
    """One change to the mention list: ``before`` → ``after`` (``None`` for an addition or a drop)."""

    before: Mention | None
    after: Mention | None
    rule: str


def not_people_of(article: CleanArticle) -> set[str]:
    """Photographers and credited agencies of an article: never actors of its story."""
    names: set[str] = set(article.credits)
    for caption in article.captions:
        names.update(caption.photographers)
        names.update(caption.agencies)
    return names


def repair_mentions(
    text: str,
    mentions: list[Mention],
    *,
    not_people: Collection[str] = (),
    known_people: Collection[str] = (),
    known_things: Callable[[str], str | None] | None = None,
    trace: list[Repair] | None = None,
) -> list[Mention]:
    """The spaCy mentions of one clean article, repaired; sorted and non-overlapping.

    ``not_people``: photographers and agencies (see :func:`not_people_of`).
    ``known_people``: full names the corpus already knows as people (the linker's
    :meth:`~storyline.entities.link.EntityIndex.person_names`), so "Wrona" is a
    person even in an article that never gives his first name.
    ``known_things``: the label of the organisation or place the corpus reads a name as, when it
    reads it so more often than as a person's (the linker's
    :meth:`~storyline.entities.link.EntityIndex.thing_label`).
    """
    log: list[Repair] = trace if trace is not None else []
    doc = _Doc(text, known_people)
    ms = join_adjacent_people(text, [m for m in mentions if m.end > m.start], log)
    ms = _pass(ms, log, "trim", lambda m: trim_name(text, m))
    ms = _pass(ms, log, "kicker", lambda m: _kicker(text, m))
    ms = _split_runons(doc, ms, log)
    named = doc.known_full | _doc_person_names(ms)
    ms = _pass(ms, log, "a place or outlet before a name", lambda m: _name_after_a_place(doc, m, named))
    ms = _pass(ms, log, "gazetteer", lambda m: _gazetteer(doc, m))
    ms = _join_particles(doc, ms, log)
    ms = _teams(doc, ms, log)
    ms = _sentence_initial_common_nouns(doc, ms, log)
    for start, end, rule in _find_people(doc, ms):
        ms = _put_person(ms, start, end, rule, text, log)
    ms = _common_word_edges(doc, ms, log)
    ms = _words_not_names(doc, ms, log)
    headline = confirm_headline_people(text, ms, known=doc.known_full | set(gz.KNOWN_PEOPLE),
                                       first_names=doc.first_names)
    ms = headline.mentions
    for before, after in headline.changes:
        log.extend(Repair(before, new, "title case headline") for new in after or [None])
    log.extend(Repair(m, m, UNCONFIRMED) for m in headline.unconfirmed)
    doc.things = things_named(text, ms, doc.known_full)
    ms = _relabel(ms, lambda m: m.label == "PERSON" and m.text in doc.things, "FAC", "a thing by its noun", log)
    if known_things is not None:
        ms = _corpus_things(doc, ms, known_things, log)
    ms = _consistency(doc, ms, log)
    model_people = {(m.start, m.end) for m in mentions if m.label == "PERSON"}
    # last: the corpus may know "Banda Aceh" as a person
    places = places_named(text, ms, model_people)
    ms = _relabel(ms, lambda m: m.label == "PERSON" and (m.text in places or m.text.rsplit(" ", 1)[-1] in places),
                  "GPE", "a place by its context", log)
    outlets = outlets_named(text, ms)
    ms = _relabel(ms, lambda m: m.label == "PERSON" and m.text in outlets, "ORG", "a news outlet by its noun", log)
    companies = companies_named(text, ms)
    ms = _relabel(ms, lambda m: m.text in companies and m.label in ("GPE", "LOC", "NORP"), "ORG",
                  "an organisation by its context", log)
    ms = _drop_not_people(ms, set(not_people) | inline_credits(text, ms), log)
    return _tidy(ms)


# -- passes ---------------------------------------------------------------------------


class _Doc:
    """The article text with its word tokens, and what the caller knows."""

    def __init__(self, text: str, known_people: Collection[str]) -> None:
        self.text = text
        self.tokens: list[tuple[int, int]] = []
        self.things: set[str] = set()  #: names the text gives a vessel or a structure (``things_named``)
        for m in _TOKEN.finditer(text):
            poss = m.group().endswith(("’s", "'s"))  # "Putin’s" is the token "Putin"
            self.tokens.append((m.start(), m.end() - 2 * poss))
        words = {text[a:b] for a, b in self.tokens}
        # only the known people whose surname occurs here matter: keeps a big corpus cheap
        if hasattr(known_people, "with_surname_in"):  # EntityIndex.person_names(): looked up by surname
            self.known_full = known_people.with_surname_in(words)
        else:
            self.known_full = {n for n in known_people
                               if len(n.split()) > 1 and parse_name(n).surname.split()[-1] in words}
        # a store filed before the institution rule may still know "Palmer Police" as a person
        self.known_full = {n for n in self.known_full
                           if not _institution(n) and not never_a_name(n) and not _words_only(text, n, gz.FIRST_NAMES)}
        self.first_names = set(gz.FIRST_NAMES) | {g for n in self.known_full for g in parse_name(n).given}

    def word(self, i: int) -> str:
        s, e = self.tokens[i]
        return self.text[s:e]

    def joined(self, i: int) -> bool:
        """Token ``i`` follows token ``i-1`` after a single space (no punctuation, no line break)."""
        return i > 0 and self.text[self.tokens[i - 1][1]:self.tokens[i][0]] == " "


def _pass(ms: list[Mention], log: list[Repair], rule: str, fix) -> list[Mention]:  # noqa: ANN001
    out = []
    for m in ms:
        new = fix(m) if m.label in NAME_LABELS else m
        if new != m:
            log.append(Repair(m, new, f"{rule}: {new.label if new else 'dropped'}"))
        if new is not None:
            out.append(new)
    return out


def join_adjacent_people(text: str, ms: Iterable[Mention], log: list[Repair] | None = None) -> list[Mention]:
    """Two people the model tagged side by side, one space apart: one name ("Karl" + "Jaan Lepik's"
    is "Karl Jaan Lepik's"), or a title and a name ("Vestra Mayor" + "Anna Lepik": the mayor's title
    and her name; "Vestra Mayor" is no one). The model often cuts a long name so ("Zine El Abidine" +
    "Ben Ali"). A name that owns the next ("Putin's Peskov") stays apart, as do names with a title in
    them ("President Duda" + "Andrzej Duda"); two whole names joined so are cut again by the "two
    people in one span" rule of :func:`_find_people`. Five words are joined only after a compound
    name (a particle or an Arabic article in it), as no one else's name runs so long."""
    out: list[Mention] = []
    for m in sorted(ms, key=lambda m: (m.start, m.end)):
        prev = out[-1] if out else None
        if prev is None or not prev.label == m.label == "PERSON" or text[prev.end:m.start] != " ":
            out.append(m)
            continue
        first, second = prev.text.split(), m.text.split()
        if first[-1].lower() in gz.TITLE_WORDS:
            out[-1] = m
            if log is not None:
                log.append(Repair(prev, None, "a title before a name"))
        elif len(first) + len(second) <= (5 if _compound(first) else 4) \
                and not any(w.lower() in gz.TITLE_WORDS for w in first + second):
            out[-1] = Mention(prev.start, m.end, text[prev.start:m.end], "PERSON")
            if log is not None:
                log.append(Repair(prev, out[-1], "join adjacent names"))
        else:
            out.append(m)
    return out


def _compound(words: list[str]) -> bool:
    """Whether name words hold a particle or an Arabic article ("Zine El Abidine", "Saif al-Islam")."""
    return any(w.lower() in gz.NAME_PARTICLES or ARTICLE_PREFIX.match(w) for w in words)


def _split_runons(doc: _Doc, ms: list[Mention], log: list[Repair]) -> list[Mention]:
    """Cut spans that run over several names: lists of places, "X and Y at the Z", "Vilnius the Allies"."""
    out = []
    people = _doc_person_names(ms) | doc.known_full
    known = set(PLACES) | people
    for m in ms:
        if m.label not in NAME_LABELS or m.text in PLACES or m.text in gz.LOCATIONS:
            out.append(m)
            continue
        parts = [(m.start + a, m.start + b) for a, b in _parts(m.text)]
        named = [p for p in parts if doc.text[p[0]:p[1]] in known or _surname_of(doc.text[p[0]:p[1]], people)]
        runon = re.search(r"\s(?:the)\s", m.text) and m.text.split()[0] in known
        if len(parts) > 1 and (len(named) >= 2 or runon):
            keep = parts if len(named) >= 2 else parts[:1]
            for a, b in keep:
                part = doc.text[a:b]
                label = "GPE" if part in PLACES else ("PERSON" if part in people or _surname_of(part, people)
                                                      else m.label)
                new = Mention(a, b, part, label)
                log.append(Repair(m, new, "split run-on span"))
                out.append(new)
        else:
            out.append(m)
    return out


def _name_after_a_place(doc: _Doc, m: Mention, named: set[str]) -> Mention | None:
    """A place or an outlet glued before a known person's surname ("Vestra Lepik", "CNN Lepik": a
    protest sign, a live blog's stamp) is not the person's first name. A first name that is also
    a place ("Florence Lepik": the given names' table knows it) and a full name the corpus knows stay."""
    words = m.text.split(" ")
    if m.label != "PERSON" or len(words) < 2 or m.text in doc.known_full or words[0] in doc.first_names \
            or given_name_gender(words[0]):
        return m
    first = words[0]
    if not (first in PLACES or first.lower() in _AGENCY_NAMES or first in gz.KNOWN_ORGS
            or (first.isupper() and 3 <= len(first) <= 5)):
        return m
    rest = m.text[len(first) + 1:]
    people = named - {m.text}
    if not (rest in people or _surname_of(rest, people)):
        return m
    return Mention(m.start + len(first) + 1, m.end, rest, "PERSON")


def _parts(span: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for sep in _RUNON_SPLIT.finditer(span):
        out.append((pos, sep.start()))
        pos = sep.end()
    out.append((pos, len(span)))
    return [(a, b) for a, b in out if b > a and span[a:a + 1].isupper()]


def _doc_person_names(ms: Iterable[Mention]) -> set[str]:
    return {m.text for m in ms if m.label == "PERSON" and len(m.text.split()) > 1}


def _surname_of(word: str, full_names: Iterable[str]) -> bool:
    return len(word.split()) == 1 and word in {parse_name(n).surname for n in full_names if " " in n}


def _kicker(text: str, m: Mention) -> Mention | None:
    """A rubric in capitals that opens a line before a colon ("LIKELY FOE: Saints lose their
    back", "EXCLUSIVE: …") is no person, unless the text names its last word again in ordinary
    case: "STOLTENBERG: NATO stays the course" and "Stoltenberg said" is a speaker's headline."""
    if m.label != "PERSON" or not m.text.isupper() or len(m.text) < 3:
        return m
    if text[:m.start].rstrip(" \t")[-1:] not in ("", "\n") or not text[m.end:].lstrip(" \t").startswith(":"):
        return m
    last = m.text.split()[-1].title()
    named_again = any(not (m.start <= x.start() < m.end) for x in re.finditer(rf"\b{re.escape(last)}\b", text))
    return m if named_again else None


def _gazetteer(doc: _Doc, m: Mention) -> Mention | None:
    """Known confusions: places, demonyms, organisations, people; non-entities and weapons dropped."""
    t = m.text
    if t.isupper() and len(t) > 3 and t.title() in PLACES:  # a dateline: "VILNIUS, July 11"
        return Mention(m.start, m.end, t, "GPE")
    if t.lower() in _NOT_ENTITIES:
        return None
    if m.label == "PERSON" and never_a_name(t):  # "Vice Adm", "Assembly", "Ezekiel God": no one's name;
        # a party member ("Michigan Democrat") and a storm ("Storm Alex") are something else
        kind = "NORP" if t.split()[-1] in gz.PARTY_MEMBERS else "EVENT" if t.split()[0] in gz.STORM_WORDS else None
        return Mention(m.start, m.end, t, kind) if kind else None
    if _is_weapon(doc.text, m) or (m.label == "PERSON" and _FOR_OR_AGAINST.match(t)):
        return None  # "Anti-Lepik" protesters
    if t in gz.LOCATIONS:
        return m if m.label == "LOC" else Mention(m.start, m.end, t, "LOC")
    if t in PLACES:
        return m if m.label == "GPE" else Mention(m.start, m.end, t, "GPE")
    if t in gz.DEMONYMS:
        return m if m.label == "NORP" else Mention(m.start, m.end, t, "NORP")
    if t in gz.KNOWN_ORGS or t in gz.ORG_ALIASES or t.lower() in _AGENCY_NAMES:
        return m if m.label == "ORG" else Mention(m.start, m.end, t, "ORG")
    if t in gz.KNOWN_PEOPLE:
        return m if m.label == "PERSON" else Mention(m.start, m.end, t, "PERSON")
    if m.label == "PERSON" and _institution(t):  # "Betty Ford Center", "Mueller Glacier": named after a person
        head = t.rsplit(" ", 1)[1]
        if head in gz.ORG_HEADS:
            return Mention(m.start, m.end, t, "ORG")
        return Mention(m.start, m.end, t, "FAC" if head in _BUILDINGS else "LOC")
    return m


def _sentence_initial_common_nouns(doc: _Doc, ms: list[Mention], log: list[Repair]) -> list[Mention]:
    """Drop a one-word person that opens a sentence (or a line) when the text also writes the word
    in lower case: "Arson suspected in fire ..." with "the arson" further on, "Police said ...".
    At a sentence start the capital says nothing; the lower-case use says it is a common noun.
    A word that ends a longer person's name in the text ("Neil Young"), or a known person's, stays."""
    surnames = {m.text.rsplit(" ", 1)[1] for m in ms if m.label == "PERSON" and " " in m.text}
    surnames |= {parse_name(n).surname for n in doc.known_full}
    out = []
    for m in ms:
        if m.label == "PERSON" and " " not in m.text and m.text not in surnames and m.text not in gz.KNOWN_PEOPLE \
                and _SENTENCE_START.search(doc.text, max(0, m.start - 12), m.start) and _common_noun(doc.text, m.text):
            log.append(Repair(m, None, "common noun at a sentence start"))
            continue
        out.append(m)
    return out


def _common_word_edges(doc: _Doc, ms: list[Mention], log: list[Repair]) -> list[Mention]:
    """A person span whose first or last word the text also writes in lower case, and whose other
    words are a person the article or the corpus names, is that person: "Following Obama",
    "Hosni Mubarak Are", "Lepik Airstrikes". A given name stays ("Bill Kask" beside "the bill")."""
    named = _doc_person_names(ms) | doc.known_full
    by_surname: dict[str, set[str]] = defaultdict(set)
    for n in named:
        by_surname[parse_name(n).surname].add(n)
    organisations = {m.text for m in ms if m.label == "ORG"}

    def known(words: list[str], whole: str) -> bool:
        """Whether ``words`` name a person on their own, not only as part of ``whole`` ("Ki-moon" is
        the surname of "Ban Ki-moon" and of no one else: his "Ban" is no common word to cut)."""
        return " ".join(words) in named or (len(words) == 1 and bool(by_surname.get(words[0], set()) - {whole}))

    out = []
    for m in ms:
        words = m.text.split(" ")
        new = None
        if m.label == "PERSON" and len(words) > 1:
            first, last = words[0], words[-1]
            # a first name only the corpus taught may be its one slip ("Following" of "Following Obama")
            if known(words[1:], m.text) and first not in gz.FIRST_NAMES and not given_name_gender(first) \
                    and _common_noun(doc.text, first):
                new = Mention(m.end - len(" ".join(words[1:])), m.end, " ".join(words[1:]), "PERSON")
            # an organisation's name after one word may be the surname the model also read as one
            elif known(words[:-1], m.text) and _not_a_surname(doc, last, by_surname.get(last, set()) - {m.text},
                                                               organisations if len(words) > 2 else ()) \
                    and not (len(words) == 2 and (first in doc.first_names or is_given_name(first))):  # "brown"
                new = Mention(m.start, m.end - len(last) - 1, " ".join(words[:-1]), "PERSON")
        if new:
            log.append(Repair(m, new, "a common word at a name's edge"))
        out.append(new or m)
    return out


def _not_a_surname(doc: _Doc, word: str, bearers: Collection[str], organisations: Collection[str]) -> bool:
    """Whether the last word of a known person's name plus one more is no surname but the start of
    what follows, glued by a lost full stop or a Title Case line: a word the text writes in lower case,
    a common English word no known person bears ("Hosni Mubarak Aired"), or an organisation the
    article names ("… Karl Tamm Greenpeace said"). ``bearers``: the known people of that surname."""
    return _common_noun(doc.text, word) or not bearers and (word in organisations or is_common_word(word))


def _words_not_names(doc: _Doc, ms: list[Mention], log: list[Repair]) -> list[Mention]:
    """Drop a "person" made of English words only, whose first word no one is given and whose
    last the text also writes in lower case: "Oil Spill" beside "the spill", "Twitter Follow" of a
    footer. A surname is not written in lower case; "Boy George" and "Magic Johnson" stay."""
    out = []
    for m in ms:
        if m.label == "PERSON" and _words_only(doc.text, m.text, doc.first_names):
            log.append(Repair(m, None, "common words, no name"))
            continue
        out.append(m)
    return out


def _words_only(text: str, name: str, first_names: Collection[str]) -> bool:
    """Whether a "name" of two words or more is English words that ``text`` shows are no name (see
    :func:`_words_not_names`); also keeps the corpus's "Oil Spill" from being found again here."""
    words = name.split(" ")
    return len(words) > 1 and name not in gz.KNOWN_PEOPLE and all(is_common_word(w, ENGLISH_WORD_ZIPF) for w in words) \
        and _common_noun(text, words[-1]) and not (words[0] in first_names or is_given_name(words[0]))


def _relabel(ms: list[Mention], pick: Callable[[Mention], bool], label: str, rule: str,
             log: list[Repair]) -> list[Mention]:
    out = []
    for m in ms:
        if pick(m):
            new = Mention(m.start, m.end, m.text, label)
            log.append(Repair(m, new, rule))
            out.append(new)
        else:
            out.append(m)
    return out


def _corpus_things(doc: _Doc, ms: list[Mention], label_of: Callable[[str], str | None],
                   log: list[Repair]) -> list[Mention]:
    """A name the model reads as a person's that the corpus reads as an organisation's or a place's
    more often ("Misrata", "White House") takes the corpus's label, unless the article gives a
    person that surname ("Jordan" after "Michael Jordan") or a title right before it."""
    surnames = {parse_name(m.text).surname for m in ms if m.label == "PERSON" and " " in m.text}
    titled: set[int] | None = None
    out = []
    for m in ms:
        label = m.label == "PERSON" and m.text not in surnames and m.text not in gz.KNOWN_PEOPLE and label_of(m.text)
        if label:
            titled = titled if titled is not None else {hit.end() for hit in _TITLE_RE.finditer(doc.text)}
            if m.start not in titled:
                new = Mention(m.start, m.end, m.text, label)
                log.append(Repair(m, new, "the corpus's reading"))
                out.append(new)
                continue
        out.append(m)
    return out


def _institution(name: str) -> bool:
    """Whether a name of two words or more is an organisation's or a place's: it ends in a head word
    ("Palmer Police", "Mueller Glacier", "Mount Cook National Park", "Harju Street" but not "Mia
    Street") or a place word comes before its last word ("Mount Cook", "Aoraki Mt Cook")."""
    words = name.split()
    if len(words) > 1 and words[-1] in gz.STREET_HEADS:
        return len(words) > 2 or words[0] not in gz.FIRST_NAMES
    return len(words) > 1 and (words[-1] in _INSTITUTION_HEADS or " ".join(words[-2:]) in gz.PLACE_TAILS
                               or any(w in gz.PLACE_PREFIXES for w in words[:-1]))


def _is_weapon(text: str, m: Mention) -> bool:
    """ "Leopard 2 A6" always; "Challenger", "Patriot" when a context word says tank or system."""
    first = m.text.split()[0]
    if first not in gz.WEAPONS and m.text not in gz.WEAPONS:
        return False
    if re.search(r"\s\d", m.text):  # a model number: "Leopard 2 A6", "Leopard 2"
        return True
    after = re.findall(r"[\w\-]+", text[m.end:m.end + 40])[:3]
    before = re.findall(r"[\w\-]+", text[max(0, m.start - 30):m.start])[-2:]
    return any(w.lower() in gz.WEAPON_CONTEXT for w in after + before)


def _join_particles(doc: _Doc, ms: list[Mention], log: list[Repair]) -> list[Mention]:
    """ "Ursula von der" + "Leyen": a person span that ends in a particle takes the next name."""
    out = list(ms)
    for i, m in enumerate(out):
        if m.label != "PERSON" or m.text.split()[-1].lower() not in gz.NAME_PARTICLES:
            continue
        nxt = re.match(r" ([^\W\d_][\w\-]*)", doc.text[m.end:])
        if nxt and nxt.group(1)[0].isupper():
            new = Mention(m.start, m.end + nxt.end(), doc.text[m.start:m.end + nxt.end()], "PERSON")
            log.append(Repair(m, new, "join name particle"))
            out[i] = new
            out = [x for x in out if x is new or not (x.start < new.end and new.start < x.end)]
    return out


def _teams(doc: _Doc, ms: list[Mention], log: list[Repair]) -> list[Mention]:
    """ "the Jaguars", "the Tar Heels": a plural after "the" is a team or a group, not a person,
    and so is every mention of it in the article. People are "the Bush administration" or "the
    Gray family", never "the Bushes" on their own; a surname of a person the article or the
    corpus names in full ("the Harris campaign") stays a person."""
    plural = {m.text for m in ms if m.label == "PERSON" and _PLURAL.search(m.text) and _after_the(doc.text, m.start)}
    people = (_doc_person_names(ms) - plural) | doc.known_full
    surnames = {parse_name(n).surname for n in people}
    groups = {g for g in plural if g not in people and g not in surnames}
    groups |= {g.split()[-1] for g in groups if g.split()[-1] not in surnames}  # "the Tar Heels", then "Heels"
    out = []
    for m in ms:
        if m.label == "PERSON" and m.text in groups:
            new = Mention(m.start, m.end, m.text, "ORG")
            log.append(Repair(m, new, "a plural after 'the': a group"))
            m = new
        out.append(m)
    return out


def _name_at(doc: _Doc, i: int, *, max_tokens: int = 4) -> tuple[int, int] | None:
    """The capitalised name starting at token ``i`` (1-4 tokens, initials and particles inside)."""
    end = None
    n = 0
    j = i
    while j < len(doc.tokens) and n < max_tokens:
        if j > i and not doc.joined(j):
            break
        w = doc.word(j)
        if w.lower() in gz.NAME_PARTICLES and j > i and j + 1 < len(doc.tokens) and doc.word(j + 1)[:1].isupper():
            j += 1
            continue
        if not _name_word(w) and not (j > i and is_initial(w)):
            break
        if j > i + 1 and w in doc.first_names and j + 1 < len(doc.tokens) and doc.joined(j + 1):
            break  # "Margus Tsahkna Gabrielius Landsbergis": a new first name starts a new person
        end = doc.tokens[j][1]
        n += 1
        j += 1
    return (doc.tokens[i][0], end) if end is not None else None


def _name_word(w: str) -> bool:
    w = w.rstrip(".")
    if not w[:1].isupper() or (w.isupper() and len(w) > 1) or w in gz.NOT_NAME_WORDS or w in NEVER_IN_NAMES \
            or w.lower() in gz.TITLE_ABBREVIATIONS:  # "Adm" of "Navy Adm. Ana Ruiz"
        return False
    return not (w in PLACES or w in gz.DEMONYMS or w in gz.KNOWN_ORGS or w.lower() in gz.TITLE_WORDS
                or w in gz.WEAPONS or w in gz.LOCATIONS or w in gz.NEVER_A_PERSON)


def _find_people(doc: _Doc, ms: list[Mention]) -> list[tuple[int, int, str]]:
    """People the model missed: known people, names after titles, names after known first names."""
    found: list[tuple[int, int, str]] = []
    text = doc.text
    # two people in one span: "Tsahkna Gabrielius Landsbergis" → "Tsahkna" | "Gabrielius Landsbergis",
    # "Ana Ruiz Jaan Tamm" → "Ana Ruiz" | "Jaan Tamm"; a compound name of three words or more is one
    # long name ("Zine El Abidine Ben Ali"), and a first name after an initial is a surname ("Eric H. Holder")
    for m in ms:
        toks = m.text.split()
        if m.label == "PERSON" and len(toks) >= 3 and " ".join(toks) == m.text:
            for k in range(1, len(toks) - 1):
                if toks[k] in doc.first_names and toks[k - 1] not in doc.first_names \
                        and not is_initial(toks[k - 1]) and not (k >= 3 and _compound(toks[:k])) \
                        and toks[k - 1].lower() not in gz.NAME_PARTICLES:  # "Abdel Hafiz Ghoga" is one man
                    cut = m.start + len(" ".join(toks[:k])) + 1
                    found.append((m.start, cut - 1, "split two people"))
                    found.append((cut, m.end, "split two people"))
                    break
    for hit in _KNOWN_PEOPLE.finditer(text):
        found.append((hit.start(), hit.end(), "known person"))
    starts = {s: i for i, (s, _) in enumerate(doc.tokens)}
    for hit in _TITLE_RE.finditer(text):
        i = starts.get(hit.end())
        if i is not None and (span := _name_at(doc, i)) and not _PARTY_AFTER.match(text, span[1]):
            found.append((*span, "title + name"))  # "chairman, Ohio Democrat Ana Ruiz": no "Ohio"
    for i in range(len(doc.tokens)):
        if doc.word(i) in doc.first_names and i + 1 < len(doc.tokens) and doc.joined(i + 1):
            span = _name_at(doc, i)
            learnt = doc.word(i) not in gz.FIRST_NAMES  # from the corpus's people, not the gazetteer's list
            if span and span[1] > doc.tokens[i][1] and not (i > 0 and doc.joined(i) and _name_word(doc.word(i - 1))
                                                            and doc.word(i - 1) not in doc.first_names) \
                    and not (learnt and _after_the(text, span[0])):
                rule = "known first name + name"
                if learnt:  # a whole name the corpus knows as a person's may overrule the model's organisation
                    rule = _LEARNT_KNOWN if text[span[0]:span[1]] in doc.known_full else _LEARNT
                found.append((*span, rule))
    return found


def _put_person(ms: list[Mention], start: int, end: int, rule: str, text: str, log: list[Repair]) -> list[Mention]:
    """Make ``text[start:end]`` a PERSON: it replaces what it covers, never a longer person span.
    A name ending in an institution's head word is none ("Palmer Police" after a known first name),
    and a first name learnt from the corpus does not overrule the model's place, nor its organisation
    unless the whole name is a person's the corpus knows ("House" learnt from a "House Tamm" is no
    reason to make "House Democrats" a person)."""
    if _institution(text[start:end]) or cut_title(text[start:end]) or text[start:end] in _INSTITUTION_HEADS:
        return ms  # "General Administration for ...": a title before an institution's word
    overlapping = [m for m in ms if m.start < end and start < m.end]
    if rule in (_LEARNT, _LEARNT_KNOWN) and any(m.label in PLACE_LABELS or (m.label == "ORG" and rule == _LEARNT)
                                                for m in overlapping):
        # a given name learnt from the corpus is as good as the corpus's one guess: once the model
        # took "Vestra Bay" for a person, "Vestra" is a first name, and every "Vestra Bay" would follow
        return ms
    for m in overlapping:
        if m.label == "PERSON" and m.start == start and m.end == end:
            return ms
        if m.label == "PERSON" and (m.start < start or m.end > end) and rule != "split two people":
            return ms  # a longer person span already covers it: trust it
        if m.label not in NAME_LABELS:
            return ms
    new = Mention(start, end, text[start:end], "PERSON")
    for m in overlapping:
        log.append(Repair(m, new, rule))
    if not overlapping:
        log.append(Repair(None, new, rule))
    return [m for m in ms if m not in overlapping] + [new]


def _consistency(doc: _Doc, ms: list[Mention], log: list[Repair]) -> list[Mention]:
    """One name, one label in an article: full-name people lend PERSON to their surnames."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in ms:
        votes[m.text][m.label] += 1
    # a full name the text only ever writes after "the" is a thing's: "the Vestra Horizon" (a rig)
    people = {t for t, v in votes.items() if v["PERSON"] and len(t.split()) > 1
              and not all(_after_the(doc.text, start) for start, _ in occurrences(doc.text, t, "_"))}
    # a person's name the corpus knows is lent, unless this article reads it only as a place: the
    # corpus may have learnt it from one slip of the model ("Tern Gulf" once a person, a place here)
    names = set(people) | {n for n in doc.known_full if next(occurrences(doc.text, n, "_"), None)
                           and not (votes.get(n) and set(votes[n]) <= PLACE_LABELS)}
    for full in people:
        parsed = parse_name(full)
        if parsed.surname:
            names.add(parsed.surname)
    # a surname known from elsewhere, or a word the model calls PERSON more often than anything
    # else, is not lent to every occurrence when the text also writes it in lower case: "Police
    # said" after "the police", "Valley" after "the valley", is the common noun; nor is a surname
    # known from elsewhere to a word the model reads as a place here and never as a person: "Gulf"
    # and "Horizon" after the corpus took "Tern Gulf" and "Vestra Horizon" (a rig) for people
    lent: set[str] = set()  # surnames only the corpus gives (no one here bears them, the model never tags them)
    for n in doc.known_full:
        surname = parse_name(n).surname
        read = votes.get(surname, Counter())
        if not _common_noun(doc.text, surname) and (read["PERSON"] or not PLACE_LABELS & set(read)):
            if not read["PERSON"] and surname not in names:
                lent.add(surname)
            names.add(surname)
    for t, v in votes.items():
        if len(t.split()) == 1 and v["PERSON"] and v["PERSON"] >= max(v.values()) and not _common_noun(doc.text, t):
            names.add(t)
    names = {n for n in names if n and _name_word(n.split()[-1]) and n.lower() not in _NOT_ENTITIES
             and not doc.things & {n, *n.split()}}
    out = []
    for m in ms:
        if m.text in names and m.label in NAME_LABELS and m.label != "PERSON" \
                and not (" " in m.text and _after_the(doc.text, m.start)):
            new = Mention(m.start, m.end, m.text, "PERSON")
            log.append(Repair(m, new, "document consistency"))
            out.append(new)
        else:
            out.append(m)
    taken = sorted((m.start, m.end) for m in out)
    taken += [span for t in doc.things if " " in t for span in occurrences(doc.text, t, "_-")]
    for n in sorted(names, key=len, reverse=True):
        for start, end in occurrences(doc.text, n, "_-"):
            if any(s < end and start < e for s, e in taken):
                continue
            if n in lent and is_common_word(n, ENGLISH_WORD_ZIPF) and _WORD_THEN_FUNCTION.match(doc.text, end) \
                    and _SENTENCE_START.search(doc.text, max(0, start - 12), start):
                continue  # "Look at …": a word, though the corpus knows a George F. Look ("Rivers said" is hers)
            if " " in n and _after_the(doc.text, start):
                taken.append((start, end))  # "the White House": a thing's name, and no surname ("House") in it
                continue  # ("the Obama administration" is lent: a surname)
            new = Mention(start, end, n, "PERSON")
            log.append(Repair(None, new, "document consistency: untagged"))
            out.append(new)
            taken.append((start, end))
    return out


def _after_the(text: str, start: int) -> bool:
    """Whether "the" comes right before ``start``: after "the", a full name or a first name learnt
    from the corpus starts a thing's name ("the Vestra Horizon", "the White House"), whatever
    the model once took for a person."""
    return bool(_THE_BEFORE.search(text, max(0, start - 4), start))


def _common_noun(text: str, word: str) -> bool:
    """Whether ``text`` also writes ``word`` in lower case, as a word of its own."""
    low = word.lower()
    return low != word and next(occurrences(text, low, "_-"), None) is not None


def _drop_not_people(ms: list[Mention], not_people: Collection[str], log: list[Repair]) -> list[Mention]:
    """Photographers and agencies are credits, not actors; their surnames alone too."""
    if not not_people:
        return ms
    keys = {key(n) for n in not_people}
    full_people = {key(m.text) for m in ms if m.label == "PERSON" and len(m.text.split()) > 1}
    surnames = {key(parse_name(n).surname) for n in not_people if len(n.split()) > 1}
    surnames -= {key(parse_name(m.text).surname) for m in ms
                 if m.label == "PERSON" and len(m.text.split()) > 1 and key(m.text) not in keys}
    out = []
    for m in ms:
        k = key(m.text)
        if m.label in NAME_LABELS and (k in keys or (m.label == "PERSON" and k in surnames and k not in full_people)):
            log.append(Repair(m, None, "photographer or agency"))
            continue
        out.append(m)
    return out


def _tidy(ms: list[Mention]) -> list[Mention]:
    """Sorted, unique, non-overlapping (the longer span wins, then PERSON)."""
    ranked = sorted(set(ms), key=lambda m: (-(m.end - m.start), m.label != "PERSON", m.start))
    kept: list[Mention] = []
    spans: list[tuple[int, int]] = []  # of the kept mentions, sorted and non-overlapping: check the neighbours
    for m in ranked:
        i = bisect.bisect_left(spans, (m.start, m.end))
        if (i == 0 or spans[i - 1][1] <= m.start) and (i == len(spans) or m.end <= spans[i][0]):
            spans.insert(i, (m.start, m.end))
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end))
