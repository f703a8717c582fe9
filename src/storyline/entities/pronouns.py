"""Which person a third-person pronoun ("he", "his", "her", "himself") refers to.

No coreference model installs offline, so this is a salience model in the manner of
Lappin and Leass (1994), over spaCy's dependency parse:

* every name of a person (the NER's people, plus any spans the caller knows are names)
  is a mention; mentions of one name ("Maria Ozola", "Ozola", "Maria") form one person;
* a mention weighs by what it is in its sentence: recent (100), the subject (80), a
  direct object (50), the head of its phrase rather than a possessor or a modifier
  (80), outside a prepositional phrase (50); the weight halves with every sentence
  back, and a person's salience is the sum over its mentions;
* pronouns are read left to right; each one resolved joins its person, so a run of
  "she ... her ... she" keeps its person salient, and teaches that person's gender;
* a person of the other gender (by given name, title or the pronouns already
  resolved to it) is never a candidate, nor the subject of a verb whose object is
  the pronoun ("Ozola praised her" is not Ozola praising herself);
* a candidate in the pronoun's own role gets a bonus (35: "Berg met Tamm. He said"
  is Berg); a person named only after the pronoun loses 175 and is taken only
  within its sentence ("In his first season, Tamm ...").

The highest salience wins. :func:`resolve_pronouns` needs a ``Doc`` with the parser
and NER; it returns one :class:`Resolution` per pronoun.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.entities.gender import PRONOUN_GENDER, name_gender

#: Lappin and Leass's salience factors
RECENCY, SUBJECT, OBJECT, INDIRECT, HEAD, NON_ADVERBIAL = 100, 80, 50, 40, 80, 50
PARALLEL, CATAPHORA = 35, -175
#: the subject of the clause a pronoun sits in ("Tamm told his wife"), also named after it ("After
#: recovering from her injury, Ozola won"); the subject of a sentence's main verb
CLAUSE_SUBJECT, MAIN_CLAUSE, PREPOSED = 60, 40, 100
SENTENCES_BACK = 4  # a person last named further back than this is out of reach
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
_INDIRECT_DEPS = frozenset({"dative", "iobj"})
#: links that leave a mention's role to the word it hangs from: "Berg and Tamm met", "his sister, Ana Berg,"
_TRANSPARENT_DEPS = frozenset({"conj", "appos", "compound", "flat"})
_WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")


@dataclass(slots=True)
class Mention:
    """A name of a person, or a pronoun once resolved, with what it is in its sentence."""

    start: int
    end: int
    text: str
    sentence: int
    role: str  #: "subject", "object", "indirect", "possessive" or "other"
    weight: float
    root: int  #: token index of the mention's head word, past "and", appositions and names
    pronoun: bool = False


@dataclass(slots=True)
class Person:
    """Mentions that name one person in the text."""

    key: str  #: the fullest name
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None
    pronoun_votes: dict[str, int] = field(default_factory=lambda: {"m": 0, "f": 0})

    def gender_now(self) -> str | None:
        if self.gender:
            return self.gender
        m, f = self.pronoun_votes["m"], self.pronoun_votes["f"]
        return "m" if m > f else "f" if f > m else None


@dataclass(frozen=True, slots=True)
class Resolution:
    """A pronoun and the person it refers to (``None`` when no person fits)."""

    start: int
    end: int
    pronoun: str
    person: str | None
    salience: float
    #: (start, end) of every name of that person in the text
    names: tuple[tuple[int, int], ...] = ()


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _same_person(a: str, b: str) -> bool:
    """Whether two names can name one person: one's words within the other's, sharing the last
    word or (a bare given name) the first: "Maria Ozola" ~ "Ozola" ~ "Maria"."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if short == long_:
        return True
    if len(short) == 1:
        return short[0] in (long_[-1], long_[0])
    return short[-1] == long_[-1] and set(short) <= set(long_)


def _role(tok: Any) -> str:
    """The mention's role in its clause, through "and", appositions and names."""
    dep = climb(tok).dep_
    if dep in _SUBJECT_DEPS:
        return "subject"
    if dep in _OBJECT_DEPS:
        return "object"
    if dep in _INDIRECT_DEPS:
        return "indirect"
    return "possessive" if dep == "poss" else "other"


def _in_prepositional_phrase(tok: Any) -> bool:
    return climb(tok).dep_ == "pobj"


def climb(tok: Any) -> Any:
    """The token a word's role is read from, past "and", appositions and the words of a name:
    "Berg and Tamm met", "his sister, Ana Berg,", "President Ana Berg"."""
    while tok.dep_ in _TRANSPARENT_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _weight(role: str, tok: Any) -> float:
    w = RECENCY + {"subject": SUBJECT, "object": OBJECT, "indirect": INDIRECT}.get(role, 0)
    if role == "subject" and climb(tok).head.dep_ == "ROOT":
        w += MAIN_CLAUSE
    if role != "possessive" and tok.dep_ not in ("compound", "nmod", "npadvmod"):
        w += HEAD
    if not _in_prepositional_phrase(tok):
        w += NON_ADVERBIAL
    return w


def _mention(span: Any, sentence_of: dict[int, int], *, pronoun: bool = False) -> Mention:
    root = span.root
    role = _role(root)
    return Mention(span.start_char, span.end_char, span.text, sentence_of[root.i], role,
                   _weight(role, root), climb(root).i, pronoun)


def clause_subject(tok: Any) -> tuple[int | None, bool]:
    """Token index of the subject of the nearest clause above ``tok`` that has one other than ``tok``,
    and whether a relative pronoun stands for it ("Berg, who announced his resignation")."""
    seen = tok
    while seen.head.i != seen.i:
        seen = seen.head
        subjects = [c for c in seen.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
        if subjects and subjects[0].tag_ in ("WP", "WDT") and seen.dep_ == "relcl":
            return climb(seen.head).i, True  # "Tamm, who lost his seat": Tamm
        if subjects:
            return climb(subjects[0]).i, False
        if seen.dep_ == "conj":  # "Tamm won the race and thanked his coach": the first verb's subject
            subjects = [c for c in seen.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return climb(subjects[0]).i, False
    return None, False


def _person_mentions(doc: Any, names: Iterable[tuple[int, int]], sentence_of: dict[int, int]) -> list[Mention]:
    """Mentions of people: the NER's, plus the character spans in ``names`` it missed."""
    spans = [e for e in doc.ents if e.label_ == "PERSON" and _words(e.text)
             and _words(e.text)[-1] not in PRONOUN_GENDER]
    for start, end in names:
        if any(e.start_char < end and start < e.end_char for e in spans):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    return sorted((_mention(s, sentence_of) for s in spans), key=lambda m: m.start)


def _group(mentions: Sequence[Mention]) -> list[Person]:
    people: list[Person] = []
    for m in sorted(mentions, key=lambda m: -len(_words(m.text))):  # full names first
        person = next((p for p in people if _same_person(p.key, m.text)), None)
        if person is None:
            person = Person(m.text)
            people.append(person)
        person.mentions.append(m)
        person.gender = person.gender or name_gender(_words(m.text))
    return people


def _salience(person: Person, pronoun: Mention, subject: int | None, relative: bool) -> float | None:
    """The person's salience at ``pronoun``; ``subject``: token index of the pronoun's clause subject."""
    before = [m for m in person.mentions if m.start < pronoun.start]
    after = [m for m in person.mentions if m.start > pronoun.start and m.sentence == pronoun.sentence]
    reach = [m for m in before if pronoun.sentence - m.sentence <= SENTENCES_BACK]
    if not reach and not after:
        return None
    named_subject = [m for m in reach + after if m.root == subject and not m.pronoun]
    is_subject = bool(named_subject)
    if is_subject and pronoun.role in ("object", "indirect"):
        return None  # binding: "Tamm praised him", "Tamm pulled ahead and led him": not Tamm
    bonus = CLAUSE_SUBJECT + (SUBJECT if relative else 0) if is_subject else 0  # "who" is a subject mention
    if any(m.start > pronoun.start for m in named_subject):
        bonus += PREPOSED  # "Recognised for his work, Tamm was appointed": the subject named after
    if reach:
        score = sum(m.weight * 0.5 ** (pronoun.sentence - m.sentence) for m in reach)
        latest = max(reach, key=lambda m: m.start)
        if latest.role == pronoun.role and pronoun.role in ("subject", "object"):
            score += PARALLEL
        return score + bonus
    return (0 if is_subject else CATAPHORA) + max(m.weight for m in after) + bonus


def resolve_pronouns(doc: Any, names: Iterable[tuple[int, int]] = ()) -> list[Resolution]:
    """Every third-person singular pronoun of ``doc`` (parsed, with NER) and the person it refers to."""
    sentence_of = {t.i: k for k, s in enumerate(doc.sents) for t in s}
    people = _group(_person_mentions(doc, names, sentence_of))
    out: list[Resolution] = []
    for tok in doc:
        gender = PRONOUN_GENDER.get(tok.lower_)
        if gender is None or tok.tag_ not in ("PRP", "PRP$"):
            continue
        pronoun = _mention(doc[tok.i:tok.i + 1], sentence_of, pronoun=True)
        if tok.tag_ == "PRP$":
            pronoun.role = "possessive"
        subject, relative = clause_subject(tok)
        best: tuple[float, Person] | None = None
        for person in people:
            g = person.gender_now()
            if g is not None and g != gender:
                continue
            score = _salience(person, pronoun, subject, relative)
            if score is not None and (best is None or score > best[0]):
                best = (score, person)
        if best is None:
            out.append(Resolution(pronoun.start, pronoun.end, tok.text, None, 0.0))
            continue
        score, person = best
        person.mentions.append(pronoun)
        person.pronoun_votes[gender] += 1
        names_of = tuple(sorted((m.start, m.end) for m in person.mentions if not m.pronoun))
        out.append(Resolution(pronoun.start, pronoun.end, tok.text, person.key, score, names_of))
    return out
