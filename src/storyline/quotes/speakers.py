"""Who a speaker mention is: names, pronouns and descriptions resolved within one article.

A reporter names a person once ("NATO Secretary General Jens Stoltenberg") and
then writes "Stoltenberg", "he", "the Norwegian diplomat" or "NATO chief". This
module turns each such mention into the article's fullest name for that person,
using only the article itself:

1. a mention holding a name becomes the longest name in the article that ends
   with the same word ("Stoltenberg" -> "Jens Stoltenberg");
2. a pronoun becomes the most recent compatible person: the subject of a sentence
   named since the last quote ("Berg answered the minister. He said: ..."), else the
   last person quoted (speakers stay salient across paragraphs), else the last person
   named outside quotes; ``switch=True`` ("For his part, he ...") skips the previous
   speaker; a person a "she" went to is a woman from then on (and "he" likewise);
3. a description is matched against the titles the article gives each person
   ("the President of Poland, Andrzej Duda" makes "the Polish president" Duda);
   an optional ``resolver`` callback (corpus knowledge: roles, nationality) is
   asked first; a role description nobody's title contradicts falls back to the
   salient speaker, with a lower confidence;
4. a statement or communiqué speaks for the organisation named nearest before it.

Unresolvable mentions ("a source", "officials", "they") resolve to ``None``:
never a guess. Usage::

    speakers = Speakers(text, mentions, quoted=lambda i: ...)
    name, confidence = speakers.resolve("the Polish president", start, end)
    speakers.observe(name, end)   # after attributing a quote
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from storyline.entities import gazetteer as gz
from storyline.entities.gender import PRONOUN_GENDER, REFLEXIVES, name_gender
from storyline.entities.mentions import join_adjacent_people
from storyline.entities.names import name_case
from storyline.entities.pronouns import climb
from storyline.entities.roles import canonical_title
from storyline.quotes.cues import SOURCE_NOUNS
from storyline.quotes.find import sentence_start
from storyline.quotes.parse import Parsed, token_offset
from storyline.records import Mention
from storyline.timex.patterns import WEEKDAYS

#: ``resolver(description, article_text, offset) -> name or None``: corpus knowledge, plugged in later
DescriptionResolver = Callable[[str, str, int], str | None]

#: a speaker mention that is a pronoun ("he said"), and its gender; "himself" speaks for nobody new
PRONOUNS = {p: g for p, g in PRONOUN_GENDER.items() if p not in REFLEXIVES}
UNRESOLVED = frozenset("""they them their it its we i you one some many others someone somebody people sources
source officials experts critics analysts observers reports who which that this these those
thousands hundreds dozens millions scores today yesterday tonight""".split()) | frozenset(WEEKDAYS)
#: one-word speaker mentions that say nothing of who spoke ("they said", "which says"): the words that
#: resolve to no one, but those of a group ("officials", "analysts"), which tell the reader who it was
_NO_DESCRIPTION = UNRESOLVED - frozenset("""people sources source officials experts critics analysts observers
reports thousands hundreds dozens millions scores""".split())
#: words that open a description of someone not named: "a diplomat", "one official", "another minister"
_INDEFINITE = frozenset("a an another one some several two three".split())
_PLACING_PREPS = frozenset("of for at in with from on by to".split())  #: open the phrase after a description's noun
#: people who speak of or for someone they are not: "the son of Karl Tamm", "an aide of Lepik"
_RELATED = frozenset("""son sons daughter daughters wife husband widow widower brother brothers sister sisters father
mother parents nephew niece cousin uncle aunt grandson granddaughter child children aide aides adviser advisers
advisor lawyer lawyers attorney friend friends deputy assistant""".split())
#: words before a surname that name a relative of its famous bearer: "the younger Tamm"
_GENERATION = frozenset("younger elder older junior".split())
#: words that make an office a lesser one: the assistant secretary is not the secretary
_LESSER_OFFICE = frozenset("assistant deputy vice under".split())
#: someone brought in without a name: "a senior U.S. official", "one diplomat", "another spokesman"
_UNNAMED_INTRODUCTION = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w.’'-]+\s+){0,3}?(?:%s)\b" % "|".join(
    sorted("official diplomat spokesman spokeswoman spokesperson aide adviser advisor envoy commander".split())))
#: ... unless a name follows: "an official, Karl Tamm, said"
_NAMED_AFTER = re.compile(r",?\s+[A-Z][a-z]+\s+[A-Z]")
#: words that speak for someone else, named in the phrase after them ("a spokeswoman for the port")
_SPOKES = frozenset("""spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople representative
representatives""".split())
_SPEAKS_FOR = SOURCE_NOUNS | _SPOKES  #: heads that speak for whom the phrase after them names
#: the start of a phrase naming whom a spokesman speaks for or who issued a document
_ISSUER_PHRASE = re.compile(
    r"\s*(?:(?:issued|released|published|posted|signed|written|sent)\s+)?(by|from|of|for|at|in)\s", re.IGNORECASE)
_ISSUER_WINDOW = 600  #: characters back a document's issuer is looked for ("sent a letter" ... "the letter reads")


def describes_speaker(mention: str) -> bool:
    """Whether a speaker mention tells the reader something of who spoke when it names no one
    ("police", "the harbour authority", "officials"); a pronoun does not ("they", "she")."""
    words = _words(mention)
    return bool(words) and not (len(words) == 1 and (words[0] in PRONOUNS or words[0] in _NO_DESCRIPTION))


ROLE_NOUNS = frozenset("""president minister diplomat chief leader head secretary general chancellor premier
spokesman spokeswoman spokesperson official politician envoy ambassador commander senator governor mayor
candidate nominee king queen prince monarch director chairman chairwoman chair boss pope commissioner
representative negotiator adviser advisor aide lawmaker congressman congresswoman member admiral colonel
prosecutor judge deputy foreign defence defense state""".split())
#: role words that mean the same office
SYNONYMS = {"chief": {"secretary", "head", "leader", "general", "chief"}, "head": {"president", "chief", "leader"},
            "leader": {"president", "chief", "head", "premier", "chancellor", "minister", "secretary"},
            "premier": {"minister", "prime"}, "diplomat": {"secretary", "minister", "ambassador", "envoy"},
            "spokeswoman": {"spokesman", "spokesperson"}, "spokesman": {"spokesperson", "spokeswoman"}}
DEMONYMS = {
    "polish": "poland", "norwegian": "norway", "lithuanian": "lithuania", "latvian": "latvia", "estonian": "estonia",
    "ukrainian": "ukraine", "russian": "russia", "belarusian": "belarus", "german": "germany", "french": "france",
    "british": "britain", "american": "america", "chinese": "china", "romanian": "romania", "bulgarian": "bulgaria",
    "hungarian": "hungary", "slovak": "slovakia", "czech": "czechia", "dutch": "netherlands", "belgian": "belgium",
    "italian": "italy", "spanish": "spain", "portuguese": "portugal", "turkish": "turkey", "finnish": "finland",
    "swedish": "sweden", "danish": "denmark", "greek": "greece", "georgian": "georgia", "moldovan": "moldova",
    "japanese": "japan", "iranian": "iran", "israeli": "israel", "canadian": "canada", "albanian": "albania",
    "austrian": "austria", "swiss": "switzerland", "irish": "ireland", "croatian": "croatia", "serbian": "serbia",
    "mexican": "mexico", "indian": "india", "korean": "korea", "syrian": "syria", "egyptian": "egypt",
}
#: words of an organisation's name or of one standing for it ("the ministry", "police")
ORG_WORDS = frozenset("""ministry party council committee union alliance agency office court bank company group
association organisation organization commission parliament government army forces police service news times
post institute university foundation authority department""".split())
#: nouns a person's name qualifies, besides offices and institutions: "the Lepik campaign"
_QUALIFIED = frozenset("campaign administration camp ad aide aides team family staff lawyer lawyers".split())
_PLURAL_PEOPLE = frozenset("people police staff crew children".split())
#: plural heads of a group of people a country qualifies ("U.S. scientists", "US senators", "troops")
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents", "ats", "men", "ens", "eople", "troops")
_WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")
_TITLE_WINDOW = 60  # characters before a name searched for its titles
#: titles written short: "Gov." ends no sentence, and names an office the gazetteer spells out
_ABBREVIATION = re.compile(r"\b(?:(" + "|".join(sorted(a.capitalize() for a in gz.TITLE_ABBREVIATIONS | {"st"}))
                          + r")\.|CEO\b)")  # "St." (a saint's, a street's) ends no sentence either
#: lower-case words a title is made of besides offices and institutions ("the former acting prime minister")
_TITLE_PHRASE_WORDS = frozenset("""the a an of for in at 's former then acting interim outgoing incoming new current
late top senior chief deputy vice prime first presidential armed federal national regional local foreign interior
executive associate assistant""".split())
STOP = ""  # what :meth:`Speakers._subject_of` gives for a sentence whose subject is a name, but no person's
_OPENING_PHRASE = 15  # words of a phrase that may open a sentence before its subject
SUBJECT_SENTENCES = 2  # sentences before a pronoun's own where its subject is looked for


@dataclass(slots=True)
class _Person:
    name: str  #: fullest form seen in the article
    last: str  #: lower-cased last word
    titles: set[str]
    gender: str | None
    key: str = ""  #: the identity key: ``last``, or given name and surname for a second person of that surname


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _strip_possessive(name: str) -> str:
    return re.sub(r"[’']s?$", "", name.strip()).strip()


_POSSESSIVE_THEN_WORD = re.compile(r"(?:[’']s?)?\s+\w")


def is_possessor(text: str, m: Mention, end: int) -> bool:
    """Whether the name ``m`` only modifies the speaker mention ending at ``end``: "Harlan's
    lawyer", "Putin's spokesman Dmitry Peskov" speak for Harlan and Putin, but are not them."""
    owned = m.text.endswith(("'s", "’s")) or text[m.end:m.end + 1] in ("'", "’")
    return owned and bool(_POSSESSIVE_THEN_WORD.match(text, m.end, end))


class Speakers:
    """In-article speaker resolution; see the module docstring."""

    def __init__(
        self,
        text: str,
        mentions: Sequence[Mention],
        *,
        quoted: Callable[[int], bool] = lambda i: False,
        resolver: DescriptionResolver | None = None,
        parsed: Parsed | None = None,
    ) -> None:
        self.text = text
        self.quoted = quoted
        self.resolver = resolver
        self.parsed = parsed
        self.mentions = join_adjacent_people(text, (m for m in mentions
                                                    if m.label in ("PERSON", "ORG", "GPE", "NORP")))
        #: names the model reads as a building or a title, often a newspaper ("the Tallinn Herald": FAC)
        self._works = [m for m in mentions if m.label in ("FAC", "WORK_OF_ART")]
        self.people: dict[str, _Person] = {}
        self._by_last: dict[str, list[str]] = {}  # surname -> keys of the people of that surname, in order
        self._person_at: list[tuple[int, str]] = []  # (offset, key) of person mentions outside quotes
        self._named: list[Mention] = []  # those mentions themselves, in order
        self.history: list[tuple[int, str]] = []  # (offset, name) of attributed speakers, in order
        places = _mostly_places(self.mentions)
        for m in self.mentions:
            if m.label != "PERSON" and not self._titled_name(m):
                continue
            if _strip_possessive(m.text).lower() in places:
                continue  # "Analyst: Tunisia ..." tagged once as a person, ten times as a country
            name = _strip_possessive(m.text)
            words = _words(name)
            if not words or words[-1] in PRONOUNS:
                continue
            last = words[-1]
            person = self._person_of(name)
            if person is None or (len(words) >= 2 and not _same_person(words, person)):
                key = last if last not in self._by_last else " ".join((_given(words), last))
                person = self.people[key] = _Person(name_case(name), last, set(), _gender(words), key)
                self._by_last.setdefault(last, []).append(key)
            elif len(words) > len(_words(person.name)):
                person.name, person.gender = name_case(name), person.gender or _gender(words)
            person.titles |= self._titles(m)
            if not quoted(m.start):
                self._person_at.append((m.start, person.key))
                self._named.append(m)
        #: a person's surname the model took for an organisation ("Tamm, who ...") or missed
        #: ("May 28 - Ruiz tours the coast", read as a date) still names that person as a
        #: sentence's subject; never a pronoun's person otherwise, as "Horizon" of a rig the model
        #: once took for a person would become everyone's antecedent
        self._named += [m for m in self.mentions if m.label == "ORG" and not quoted(m.start)
                        and len(_words(m.text)) == 1 and _words(_strip_possessive(m.text))[0] in self._by_last]
        self._named += [Mention(at, at + len(last), self.text[at:at + len(last)], "PERSON")
                        for at, last in self._missed_surnames()]
        self._named.sort(key=lambda m: m.start)

    def _missed_surnames(self) -> list[tuple[int, str]]:
        """Where the text writes the surname of a person it names in full, outside any name the
        model found: "May 28 - Obama tours the coast" (the model read "May 28 - Obama" as a date)."""
        full = {p.last for p in self.people.values() if len(_words(p.name)) >= 2 and len(p.last) > 2}
        if not full:
            return []
        covered = [(m.start, m.end) for m in self.mentions if m.label in ("PERSON", "ORG", "NORP")]
        out = []
        for match in re.finditer(r"\b[A-Z][\w'’-]+", self.text):
            word = match.group().lower()
            if word in full and not self.quoted(match.start()) \
                    and not any(a <= match.start() < b for a, b in covered):
                out.append((match.start(), word))
        return out

    # -- evidence -----------------------------------------------------------
    def _titled_name(self, m: Mention) -> bool:
        """A two- or three-word name the NER took for an organisation, but which a role introduces
        ("The President of Latvia, Ilze Ozola"): a person."""
        words = _words(m.text)
        if m.label != "ORG" or not 2 <= len(words) <= 3 or any(w in ORG_WORDS or len(w) < 2 for w in words):
            return False  # "U.N." of "the spokeswoman for the U.N." is no one's name
        if not all(w[:1].isupper() for w in m.text.split()):
            return False
        return bool(self._titles(m) & ROLE_NOUNS - {"state", "foreign", "defence", "defense", "deputy"})

    def _titles(self, m: Mention) -> set[str]:
        """Words naming the office of the person mentioned at ``m``: "NATO Secretary General Jens
        Stoltenberg", "the President of Poland, Andrzej Duda", "Andrzej Duda, the Polish president"."""
        before = self.text[max(0, m.start - _TITLE_WINDOW):m.start]
        before = _ABBREVIATION.sub(_spelt_out, before)  # "Gov. Paul Saar" is a governor
        before = re.split(r"[.;:!?\n“”\"]|\b(?:said|says|and|with|met|by|to|that)\b", before)[-1]
        after = self.text[m.end:m.end + _TITLE_WINDOW]
        words = set(_title_phrase(before)) | set(_words(m.text)[:-1])
        apposition = re.match(r"\s*,\s*((?:the|a|an)\s[^,.;:\n]{2,50}?)(?:,|\.|\s(?:said|says|who))", after)
        if apposition:
            words |= set(_words(apposition.group(1)))
        return {DEMONYMS.get(w, w) for w in words}

    def person(self, name: str) -> str:
        """The article's fullest form of ``name`` ("Stoltenberg" -> "Jens Stoltenberg")."""
        words = _words(_strip_possessive(name))
        if not words:
            return name
        p = self._person_of(name)
        if p is None or len(_words(p.name)) < len(words):
            return _strip_possessive(name)
        if len(words) >= 2 and not _same_person(words, p):
            return _strip_possessive(name)  # "Jeb Bush" is not "George W. Bush": a name in full says who
        return p.name

    def _person_of(self, name: str) -> _Person | None:
        """The person of the article ``name`` names: by given name and surname when the text names two
        people of that surname ("Maria Berg" beside "Karl Jaan Berg"); a surname alone is the first of
        them named, as news writes it: the others come in by their full names ("his wife, Maria
        Berg"), and "Berg" stays the mayor."""
        words = _words(_strip_possessive(name))
        keys = self._by_last.get(words[-1], []) if words else []
        if len(words) >= 2 and len(keys) > 1:
            return next((self.people[k] for k in keys if _same_person(words, self.people[k])),
                        self.people[keys[0]])
        return self.people[keys[0]] if keys else None

    # -- resolution -----------------------------------------------------------
    def resolve(self, mention: str, start: int, end: int, *, switch: bool = False,
                said: tuple[int, int] | None = None, described_end: int | None = None) -> tuple[str | None, float]:
        """``(name, confidence)`` for the speaker mention ``text[start:end]``; ``(None, 0.0)`` when unknown.
        ``said``: the first piece of what was said; a pronoun is none of the people its words name
        ("“Tamm must see he cannot win,” he said" is not Tamm), reading only the words in quotation
        marks when it has some (the reporter's words around them may name the speaker).
        ``described_end``: where the words that describe the speaker end ("a spokeswoman for the port
        authority"); a spokesman or a document speaks for whom they name (:meth:`_issued_by`), anyone
        else named there is not the speaker ("a source close to Lepik")."""
        if described_end is not None and described_end > end and _head(_words(mention)) in _SPEAKS_FOR:
            issuer = self._issued_by(end, described_end)
            if issuer is not None:
                return issuer
        words: set[str] = set()
        if said is not None:
            lo, hi = said
            marked = "".join(c if self.quoted(i) else " " for i, c in enumerate(self.text[lo:hi], lo))
            words = set(_words(marked if marked.strip() else self.text[lo:hi]))
        name, confidence = self._resolve(mention, start, end, switch, words)
        return (_unglue(name) if name else None), confidence

    def _resolve(self, mention: str, start: int, end: int, switch: bool,
                 said: set[str]) -> tuple[str | None, float]:
        words = _words(mention)
        if not words:
            return None, 0.0
        inner = [m for m in self.mentions if m.start >= start and m.end <= end]
        people = [m for m in inner if m.label == "PERSON" and not _words(m.text)[-1] in PRONOUNS]
        if (related := related_to(self.text, start, end)) is not None:
            # "the son of Karl Tamm", "the younger Tamm", "the son of the mayor": a relative, unnamed
            people = [m for m in people if m.end <= related]
            if not people:
                return mention.strip(), 0.5
        # the last is the head ("Vestra Mayor Anna Lepik" read as two people is Anna Lepik), but for a
        # name that only qualifies a noun after it: "Lepik spokesman Karl Tamm", "the Lepik campaign"
        person = next((m for m in reversed(people) if not is_possessor(self.text, m, end)
                       and not (m.end < end and qualifies_noun(self.text, m.end))), None)
        if person is not None:
            return self.person(_unglue(person.text)), 0.9
        if people:  # "Harlan's lawyer", unnamed: not Harlan, and not whoever spoke last; the words say who
            return mention.strip(), 0.5
        if len(words) == 1 and words[0] in PRONOUNS:
            name, confidence = self._pronoun(PRONOUNS[words[0]], start, switch, said)
            person = self._person_of(name) if name else None
            if person is not None and person.gender is None:
                person.gender = PRONOUNS[words[0]]  # "she added" of Kim Ozola: no "he" is Kim Ozola after that
            return name, confidence
        head = _head(words)
        if len(words) <= 4 and head not in ROLE_NOUNS and head not in SOURCE_NOUNS and head not in UNRESOLVED:
            # a bare surname the NER missed ("Caddell", "Nauseda") that the article names elsewhere
            if head in self._by_last and mention[:1].isupper():
                return self.person(head), 0.8
        org = next((m for m in inner if m.label in ("ORG", "GPE", "NORP")), None)
        owner = _words(_strip_possessive(org.text))[-1:] if org and is_possessor(self.text, org, end) else []
        if owner and owner[0] in self._by_last:
            return mention.strip(), 0.5  # the same, when the NER took the person for an organisation
        if head in SOURCE_NOUNS:
            return self._organisation(org, start, head)
        if any(w in ROLE_NOUNS for w in words) and (len(words) > 1 or head in ROLE_NOUNS) and head not in ORG_WORDS:
            if words[0] in _INDEFINITE:
                return None, 0.0  # "a diplomat of one of the allies": someone the text does not name
            return self._description(mention, words, start, switch)
        if org is not None and org.label == "NORP" and len(words) == 2 and words[0] == "the" and head in DEMONYMS:
            return self._description(mention, words, start, switch)  # "the Norwegian said": a person, not Norway
        if org is not None and org.label in ("NORP", "GPE") and _is_group(words, org):
            return mention.strip(), 0.5  # "40 Estonian fishermen": people, not the country or party
        if org is not None and not any(w in UNRESOLVED for w in words):
            return _speaking_for(org), 0.8  # "the Libyan government said": Libya
        if head not in UNRESOLVED and len(words) <= 4 and org is None and self._written_as_name(mention, start):
            return _unglue(_strip_possessive(mention)), 0.6  # a name the NER did not tag
        return None, 0.0

    def _issued_by(self, end: int, described_end: int) -> tuple[str, float] | None:
        """Who a spokesman speaks for or a document comes from, named in the phrase after it: "a
        spokeswoman for the port authority", "a statement from Mayor Lepik", "a report in the Vestra
        Herald", "a letter signed by …"; not "a letter to Lepik", nor a place something is "in"."""
        phrase = _ISSUER_PHRASE.match(self.text, end, described_end)
        if phrase is None:
            return None
        named = sorted((m for m in [*self.mentions, *self._works] if phrase.end() <= m.start and m.end <= described_end
                        and not self.quoted(m.start)), key=lambda m: m.start)
        where = phrase.group(1).lower() in ("in", "at")  # "a statement in Brussels": where, not whose
        first = next((m for m in named if m.label not in ("GPE", "NORP") or not where), None)
        if first is None or first.label == "PERSON" and _words(first.text)[-1] in PRONOUNS:
            return None
        if first.label == "PERSON":
            return self.person(_unglue(first.text)), 0.8
        return _speaking_for(first), 0.8

    def _written_as_name(self, mention: str, start: int) -> bool:
        """Whether a mention the NER did not tag is written as a name: a capital its place in the
        sentence does not explain ("Two Liberal lawmakers", "said Harlan"), not just the sentence's
        first ("The ministers agreed", "Diplomats recall" are groups); a lone word opening its
        sentence is a name when the text also writes it so inside one ("… Harlan")."""
        written = _WORD.findall(_strip_possessive(mention))
        opens = sentence_start(self.text, start, max(0, start - 400)) >= start
        if any(w[:1].isupper() for w in written[1 if opens else 0:]):
            return True
        if not (opens and len(written) == 1 and written[0][:1].isupper()):
            return False
        return re.search(rf"(?<![.!?:\n\s])\s+{re.escape(written[0])}\b", self.text) is not None

    def observe(self, name: str | None, at: int) -> None:
        """Record that ``name`` was quoted at offset ``at`` (keeps speakers salient for pronouns)."""
        if name:
            self.history.append((at, name))

    def last_speaker(self, before: int) -> str | None:
        return self._last_quoted(before)[1]

    def _last_quoted(self, before: int) -> tuple[int, str | None]:
        """Where the last quote before ``before`` with a speaker starts, and who spoke it."""
        for at, name in reversed(self.history):
            if at <= before:
                return at, name
        return 0, None

    def _pronoun(self, gender: str, start: int, switch: bool, said: set[str]) -> tuple[str | None, float]:
        quoted_at, previous = self._last_quoted(start)
        subject = self._recent_subject(start, gender, quoted_at)
        if subject is not None and not (switch and subject == previous) and _words(subject)[-1] not in said:
            return subject, 0.7
        candidates: list[str] = []
        # the last person quoted, then people named outside quotes, most recent first
        if previous and self._is_person(previous):
            candidates.append(previous)
        for at, key in reversed(self._person_at):
            if at < start:
                candidates.append(self.people[key].name)
        if switch and previous:
            candidates = [c for c in candidates if c != previous]
        candidates = [c for c in candidates if not _words(c) or _words(c)[-1] not in said]
        for name in candidates:
            if self._compatible(name, gender):
                return name, 0.7 if name == previous else 0.6
        return None, 0.0

    def _recent_subject(self, start: int, gender: str, since: int) -> str | None:
        """The person who is the subject of the nearest sentence before the one holding ``start``
        that has a person for subject, when that sentence begins after ``since`` (the last quote
        that has a speaker) and at most two sentences back: "Ruiz has also commented on Okafor's
        death. On Wednesday, he told a crowd ..." is Ruiz, not Okafor nor whoever was quoted before
        Ruiz was named. In the pronoun's own sentence only the parse is trusted, and only for a
        pronoun in a clause the subject's verb governs: "Ruiz made it clear he ..." is Ruiz, "Lepik,
        he said, ..." and "Referring to Lepik, he said" are not Lepik."""
        end = start
        for back in range(SUBJECT_SENTENCES + 1):
            begin = sentence_start(self.text, end, self.text.rfind("\n", 0, end) + 1, self.quoted)
            if begin < since:
                return None
            subject = self._subject_of(begin, end, pronoun_at=None if back else start)
            if subject == STOP:
                return None
            if subject is not None:
                name = self.people[subject].name
                if self._compatible(name, gender):
                    return name
            end = begin
            while end > 0 and self.text[end - 1].isspace():
                end -= 1
            if end <= 0:
                return None
        return None

    def _subject_of(self, begin: int, end: int, *, pronoun_at: int | None = None) -> str | None:
        """The key of the person who is the main clause's subject in ``text[begin:end]``:
        by the parse where the quote stage parsed that sentence, else the person it opens with
        (after at most an opening phrase and a comma: "On Wednesday, Ruiz ..."). With ``pronoun_at``
        (the pronoun's own sentence): the person it opens with when a quote comes between, else by
        the parse only, and only when the pronoun hangs from the main verb, not aside ("Lepik, he
        said, wants ...")."""
        named = [m for m in self._named if begin <= m.start and m.end <= end]
        if pronoun_at is not None:
            # a sentence that opens with a person, then quotes, then says "he said" quotes that person:
            # "May 28 - Ruiz tours the coast - “…,” he said." (not "Referring to Ruiz, he said", nor
            # "Ruiz, he said, “feels …”": there the name does not open it, or no quote comes between)
            opener = next((m for m in named if _DATE_PREFIX.fullmatch(self.text[begin:m.start])), None)
            if opener is not None and re.search(r"[“\"]", self.text[opener.end:pronoun_at]):
                return self._key_at(opener)
        tokens = self.parsed.tokens(begin, end) if self.parsed is not None else []
        if tokens and pronoun_at is not None:
            pronoun = next((t for t in self.parsed.tokens(pronoun_at, pronoun_at + 8) if token_offset(t) == pronoun_at),
                           None)
            if not _governed(pronoun):
                return None
        if tokens:
            subjects = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass") and _main_verb(t.head)]
            # the subject, or whose it is ("Ruiz's plan is ...")
            subjects += [c for t in subjects for c in t.children if c.dep_ == "poss"]
            for m in named:
                head = _mention_head([t for t in tokens if m.start <= token_offset(t) < m.end])
                if head is not None and head in subjects:
                    return self._key_at(m)
            if any(t.tag_ in ("NNP", "NNPS") for t in subjects):
                return STOP  # a name the model did not take for a person: no guess past it
            return None
        if not named or pronoun_at is not None:
            return None
        for m in named:
            # the sentence opens with the name, or an opening phrase and a comma come before it
            # ("In an interview with Okafor, Ruiz said"); then comes its verb or an apposition,
            # not "Ruiz's plan", nor nothing ("Bold?", a word the model took for a name)
            lead = self.text[begin:m.start].strip()
            if lead and not (lead.endswith(",") and len(lead.split()) <= _OPENING_PHRASE):
                continue
            if re.match(r"\s*(?:,|[a-z])", self.text[m.end:m.end + 3]):
                return self._key_at(m)
            return None
        return None

    def _key_at(self, m: Mention) -> str | None:
        """The key of the person the mention ``m`` names (None when it names none)."""
        p = self._person_of(m.text)
        return p.key if p is not None else None

    def _is_person(self, name: str) -> bool:
        words = _words(name)
        return bool(words) and words[-1] in self._by_last

    def _compatible(self, name: str, gender: str) -> bool:
        words = _words(name)
        p = self._person_of(name)
        g = p.gender if p else _gender(words)
        return g is None or g == gender

    def _description(self, mention: str, words: list[str], start: int, switch: bool) -> tuple[str | None, float]:
        if self._introduced_unnamed(words, start):
            return None, 0.0
        if self.resolver is not None:
            name = self.resolver(mention, self.text, start)
            if name:
                return self.person(name), 0.8
        wanted = {DEMONYMS.get(w, w) for w in words if w not in ("the", "a", "an", "former", "then", "mr", "mrs")}
        # the office is named before the phrase that places it: "the director of the general hospital"
        # is no general, "the Secretary General of the alliance" is one
        own = words[:next((i for i, w in enumerate(words) if w in _PLACING_PREPS), len(words))]
        roles = {w for w in wanted if w in ROLE_NOUNS and w in own}
        lesser = _LESSER_OFFICE & set(own)
        if "head" in roles and "state" in wanted:
            roles = {"president", "head"}
        best, best_score = None, (False, 0, 0)
        seen_order = {key: i for i, (at, key) in enumerate(self._person_at) if at < start}
        for key, person in self.people.items():
            titles = person.titles
            role_hit = any(r in titles or SYNONYMS.get(r, set()) & titles for r in roles) \
                and lesser <= titles  # "the assistant secretary" is not the secretary
            if not role_hit:
                continue
            # someone named before the description first: "... said the Head of State" is the president
            # the article has named, not another head of state it names later in fuller words
            score = (key in seen_order, len(wanted & titles), seen_order.get(key, -1))
            if best is None or score > best_score:
                best, best_score = person.name, score
        if best is not None:
            return best, 0.8
        # nobody's stated title fits: the person the paragraph is about, if nothing contradicts it
        previous = self.last_speaker(start)
        if previous and not switch and self._is_person(previous):  # an office is a person's, not a commission's
            return previous, 0.5
        return None, 0.0

    def _introduced_unnamed(self, words: list[str], start: int) -> bool:
        """Whether a definite description refers back to someone the article brought in without a
        name: after "a senior U.S. official said, speaking on condition of anonymity, …", "the
        official said" is that official, whoever else the article quotes. The description's words
        must all be in the introduction's ("the official" after "a senior official", but not
        "the Norwegian diplomat" after "a diplomat of one of the allies")."""
        if len(words) < 2 or words[0] != "the":
            return False
        head, wanted = words[-1], set(words[1:])
        return any(at < start and intro[-1] == head and wanted <= set(intro) for at, intro in self._unnamed)

    @cached_property
    def _unnamed(self) -> list[tuple[int, list[str]]]:
        """Where the article brings someone in without a name, and the words it does so in (read
        once, when the first description asks)."""
        return [(m.start(), _words(m.group(0))) for m in _UNNAMED_INTRODUCTION.finditer(self.text)
                if not _NAMED_AFTER.match(self.text, m.end())]

    def _organisation(self, org: Mention | None, start: int, noun: str = "") -> tuple[str | None, float]:
        """A statement speaks for the organisation it names, else for whoever the text said issued it
        (:meth:`_issuer`), else for the last organisation that spoke or was named."""
        if org is not None:
            return _speaking_for(org), 0.7 if org.label == "NORP" else 0.8  # "the Chinese reply": China
        issuer = self._issuer(noun, start) if noun else None
        if issuer is not None:
            return issuer
        for at, name in reversed(self.history):
            if at < start and _words(name) and not self._is_person(name):
                return name, 0.5
        for m in reversed(self.mentions):
            # a person the model took for an organisation ("Stoltenberg said") speaks for none
            if m.end <= start and m.label == "ORG" and not self.quoted(m.start) \
                    and not self._is_person(_strip_possessive(m.text)):
                return _strip_possessive(m.text), 0.5
        return None, 0.0

    def _issuer(self, noun: str, start: int) -> tuple[str | None, float] | None:
        """Who the text said issued the document ``noun`` names ("the authority issued a statement
        ... the statement said"): the person or organisation named last before the word in the
        sentence that brought the document in; a person among several that sentence names ("the
        ministers Kask and Tamm sent a joint letter ... reads the letter"): none of them; None when
        no sentence before brought it in, or it names no one."""
        lo = max(0, start - _ISSUER_WINDOW)
        found = [lo + m.start() for m in re.finditer(rf"\b{re.escape(noun)}s?\b", self.text[lo:start], re.IGNORECASE)
                 if not self.quoted(lo + m.start())]
        if not found:
            return None
        begin = sentence_start(self.text, found[-1], lo)
        named = [m for m in self.mentions if begin <= m.start and m.end <= found[-1] and not self.quoted(m.start)
                 and m.label in ("PERSON", "ORG")]
        if not named:
            return None
        last = named[-1]
        if last.label == "ORG" and not self._is_person(_strip_possessive(last.text)):
            return _strip_possessive(last.text), 0.6
        people = {self.person(_unglue(m.text)) for m in named
                  if m.label == "PERSON" or self._is_person(_strip_possessive(m.text))}
        return (people.pop(), 0.6) if len(people) == 1 else (None, 0.0)


def _spelt_out(abbreviation: re.Match[str]) -> str:
    """ "Gov." → "governor", "CEO" → "chief executive" (the gazetteer's titles); "Lt." → "Lt"."""
    title = canonical_title(abbreviation.group(0))
    return title.lower() if title != abbreviation.group(0) else abbreviation.group(1) or abbreviation.group(0)


def _title_phrase(before: str) -> list[str]:
    """The words of the phrase that ends just before a name, back to the first lower-case word no
    title is made of: "the Social Democratic harbour minister Anna Lepik" is a minister, but in
    "critics say the harbour minister helped Kadri Saar" no word before "Kadri Saar" is her title."""
    written = _WORD.findall(before)
    for i in range(len(written) - 1, -1, -1):
        w = written[i]
        low = w.lower()
        if w[:1].islower() and low not in ROLE_NOUNS and low not in ORG_WORDS and low not in _TITLE_PHRASE_WORDS:
            return [x.lower() for x in written[i + 1:]]
    return [x.lower() for x in written]


def _speaking_for(org: Mention) -> str:
    """The name of who speaks through an organisation's mention: a nationality's country ("the
    Chinese reply", "the Libyan government": China, Libya), else the name as written."""
    if org.label == "NORP":
        country = gz.DEMONYMS.get(org.text) or gz.DEMONYMS.get(org.text.title())  # the world's, "Libyan": Libya
        if country:
            return country
        if org.text.lower() in DEMONYMS:
            return DEMONYMS[org.text.lower()].title()
    return _strip_possessive(org.text)


def related_to(text: str, start: int, end: int) -> int | None:
    """Where the name of someone the speaker mention ``text[start:end]`` is a relative or an aide
    of begins: after "of" in "the son of Karl Tamm", after the word in "the younger Tamm"; None when
    the mention is no such description."""
    span = text[start:end]
    words = list(_WORD.finditer(span))
    for before, word in zip(words, words[1:]):
        relation = before.group(0)
        if not relation.islower():
            continue  # "Friends of the Earth Director Karl Tamm" is Tamm, of an organisation's name
        if relation in _RELATED and word.group(0) == "of":
            return start + word.end()
        if relation in _GENERATION and word.group(0)[:1].isupper():
            return start + before.end()
    return None


def _head(words: list[str]) -> str:
    """The word a speaker mention is about: its last, or the office before "of" ("the Secretary
    General of the Alliance" is a secretary general, not an alliance; "the Ministry of Defence" stays
    a ministry)."""
    if "of" in words[1:]:
        before = words[:words.index("of", 1)]
        if before[-1] in ROLE_NOUNS:
            return before[-1]
    return words[-1]


def _mention_head(tokens: list[Any]) -> Any | None:
    """The token a name's role in its sentence is read from ("President Ana Berg", "Berg and Tamm
    said", "Berg, the minister, said")."""
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), None)
    return climb(head) if head is not None else None


def _governed(pronoun: Any) -> bool:
    """Whether a pronoun sits in a clause under its sentence's main verb, or is the subject of a
    verb joined to it ("Ruiz spoke and he said"): not the main verb's subject, nor in a
    parenthetical "he said"."""
    if pronoun is None:
        return False
    tok = pronoun.head
    if pronoun.dep_ in ("nsubj", "nsubjpass") and tok.dep_ == "ROOT":
        return False
    while tok.head.i != tok.i:
        if tok.dep_ == "parataxis":
            return False
        tok = tok.head
    return True


def _main_verb(verb: Any) -> bool:
    """Whether ``verb`` is the sentence's main verb, or one joined to it by "and"."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _mostly_places(mentions: Sequence[Mention]) -> set[str]:
    """Names (lower case) the article's NER tags as a country or a place more often than as a person:
    one slip of the model must not make a country a "he" ("He noted ..." after "Tunisia"). Not an
    organisation: the model often takes a person for one ("Gadhafi forces", a photographer's name)."""
    person: dict[str, int] = {}
    place: dict[str, int] = {}
    for m in mentions:
        name = _strip_possessive(m.text).lower()
        counts = person if m.label == "PERSON" else place if m.label == "GPE" else None
        if counts is not None:
            counts[name] = counts.get(name, 0) + 1
    return {name for name, n in person.items() if place.get(name, 0) > n}


def _is_group(words: list[str], qualifier: Mention) -> bool:
    """Whether the mention is a group of people that ``qualifier`` (a nationality, a party, a country) only
    qualifies: its last word is another, plural noun ("two Liberal lawmakers", "Danish fishermen")."""
    head = words[-1]
    if head in _words(qualifier.text) or head in UNRESOLVED:
        return False
    if qualifier.label == "GPE" and not head.endswith(_PEOPLE_ENDINGS):
        return False  # "U.S. government estimates" are the country's; "U.S. scientists" are not
    return head in _PLURAL_PEOPLE or head.endswith("men") or (head.endswith("s") and not head.endswith("ss"))


def _unglue(name: str) -> str:
    """"Gitan Nausedawarned" -> "Gitan Nauseda": a reporting verb the scraper glued to the name."""
    from storyline.quotes.cues import SPEECH_FORMS

    last = name.split()[-1] if name.split() else name
    for k in range(3, len(last) - 3):
        if last[k:].lower() in SPEECH_FORMS and last[k].islower() and last[0].isupper() and len(last[k:]) >= 4:
            return name[: len(name) - len(last) + k]
    return name


#: what may open a sentence before the name of the person it is about: nothing, or a timeline's day
_DATE_PREFIX = re.compile(r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}\s*[-–—:]\s*)?")
#: first words that are no given name: "Ms Lassegue" may be "Marie-Laurence Lassegue"
_TITLES = frozenset(w.rstrip(".") for w in gz.TITLE_WORDS | gz.TITLE_ABBREVIATIONS) | ROLE_NOUNS


def qualifies_noun(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` qualifies the noun after it: "Lepik spokesman", "the Lepik
    campaign" (not "Anna Lepik of Vestra")."""
    after = re.match(r" ([a-z]+)", text[end:end + 20])
    return after is not None and (after.group(1) in ROLE_NOUNS or after.group(1) in ORG_WORDS
                                  or after.group(1) in _QUALIFIED)


def _same_person(words: list[str], person: _Person) -> bool:
    """Whether a name in full can be ``person``: one of them is a surname alone or part of the other,
    or they share a given name ("J. Berg" and "Jaan Berg"; a title is no given name)."""
    theirs = _words(person.name)
    if len(words) < 2 or len(theirs) < 2 or set(words) <= set(theirs) or set(theirs) <= set(words):
        return True  # "Ruiz Vidal" of "Ana Maria Ruiz Vidal"
    return _same_given_name(_given(words), _given(theirs))


def _given(words: list[str]) -> str:
    """The first word of a name that is no title: "president barack obama" -> "barack"."""
    return next((w for w in words[:-1] if w not in _TITLES), words[0])


def _same_given_name(a: str, b: str) -> bool:
    """Whether two first words can name one person: the same, or one the other's initial ("j." and
    "jens"), or a word that is no given name (a title: "president barack obama", "ms lassegue")."""
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)) \
        or a in _TITLES or b in _TITLES


def _gender(words: list[str]) -> str | None:
    return name_gender(words, skip=ROLE_NOUNS)
