"""Person names: folding, parsing and the rules that decide two names may be one person.

Everything the linker compares goes through three keys of decreasing strictness:

* :func:`fold` — lower case, diacritics removed ("Nausėda" → "nauseda"), letters
  that NFKD does not decompose mapped by hand (ł, ø, ß...).
* :func:`key` — :func:`fold` without spaces, hyphens and apostrophes, so "DeCroo"
  and "De Croo" meet.
* :func:`shape` — :func:`key` with the glyph confusions of OCR and machine
  translation folded too: capital I read as lower-case l ("Lohannis" for
  "Iohannis"), and x spelled ks ("Aleksander").

The rules are deliberately conservative: merging two real people is worse than
leaving one person split in two, because a split can be fixed with one alias in
the knowledge file while a merge silently corrupts every fact about both.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from nicknames import NickNamer
from rapidfuzz.distance import Levenshtein

from storyline.entities.gazetteer import CHINESE_SURNAMES, NAME_PARTICLES

# letters NFKD leaves alone but a reader would fold
_EXTRA_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss",
                             "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ð": "d", "þ": "th"})
_NOT_LETTER = re.compile(r"[^\w\s]|_|\d")
_SPACES = re.compile(r"\s+")
_INITIAL = re.compile(r"^[A-ZÀ-Ý]\.?$|^[A-ZÀ-Ý]\.[A-ZÀ-Ý]\.?$")
_VOWELS = set("aeiouy")
_ABD = re.compile(r"^abd(?:ul|al|el|ol)(?=[a-z]{3})")
_ABD_WORDS = frozenset({"abdel", "abdul", "abd"})

#: Endings that mark the feminine/masculine form of one Slavic or Baltic surname:
#: "Kowalski"/"Kowalska", "Ivanov"/"Ivanova" are two people (often spouses), never one.
_GENDERED_ENDINGS = (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"), ("ny", "na"), ("y", "a"),
                     ("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("as", "iene"), ("is", "iene"),
                     ("us", "iene"), ("as", "aite"), ("is", "yte"), ("s", "a"), ("", "a"), ("", "ova"))

#: Endings a translation drops from a Baltic given name ("Gitanas" → "Gitan").
#: A dropped "a" is *not* one of them: "Paul"/"Paula", "Jan"/"Jana" are two people.
_TRUNCATED_ENDINGS = ("as", "is", "us", "ys", "s")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no diacritics, punctuation dropped, single spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").lower()
    return _SPACES.sub(" ", _NOT_LETTER.sub(" ", text.replace("'", ""))).strip()


def key(text: str) -> str:
    """:func:`fold` without spaces: "De Croo", "DeCroo" and "de-croo" are one key."""
    return fold(text).replace(" ", "")


def shape(text: str) -> str:
    """:func:`key` with I/l and x/ks confusions folded ("Lohannis" ≈ "Iohannis"), and the
    transliterations of Arabic "Abd al-" ("Abdul Jalil" ≈ "Abdel Jalil" ≈ "Abd al-Jalil")."""
    return _ABD.sub("abdel", key(text)).replace("l", "i").replace("x", "ks")


def is_initial(token: str) -> bool:
    return bool(_INITIAL.match(token))


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person name split into given names and surname; initials are kept apart."""

    text: str
    given: tuple[str, ...]  #: given names, initials excluded ("Vladimir" of "Vladimir V. Putin")
    surname: str  #: with particles: "De Croo", "von der Leyen"; the first token of a Chinese name
    initials: tuple[str, ...] = ()

    @property
    def full(self) -> bool:
        """A given name and a surname: "Jens Stoltenberg", not "Stoltenberg"."""
        return bool(self.given) and bool(self.surname)

    @property
    def surname_key(self) -> str:
        return key(self.surname)

    @property
    def given_key(self) -> str:
        return " ".join(key(g) for g in self.given)

    @property
    def full_key(self) -> str:
        """Blocking key of the whole name without initials: "vladimirputin"."""
        return "".join(key(g) for g in self.given) + self.surname_key


@lru_cache(maxsize=65536)
def parse_name(text: str) -> PersonName:
    """Split a person name; Chinese names ("Xi Jinping") put the surname first."""
    tokens = [t.strip("“”\"'(),") for t in text.split()]
    tokens = [t for t in tokens if any(c.isalnum() for c in t)]  # "Roger Federer &": no name in "&"
    if not tokens:
        return PersonName(text, (), "")
    if len(tokens) == 2 and tokens[0] in CHINESE_SURNAMES and tokens[1][:1].isupper() and not is_initial(tokens[1]):
        return PersonName(text, (tokens[1],), tokens[0])
    # the surname is the last token plus the particles in front of it ("De Croo", "van de Wouw")
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1].lower() in NAME_PARTICLES:
        i -= 1
    if i == 0 and len(tokens) > 1:  # "De Croo" alone: a particle is not a given name
        return PersonName(text, (), " ".join(tokens))
    surname = " ".join(tokens[i:])
    front = tokens[:i]
    initials = tuple(t for t in front if is_initial(t))
    given = tuple(t for t in front if not is_initial(t))
    return PersonName(text, given, surname, initials)


def gendered_pair(a: str, b: str) -> bool:
    """True when two folded surnames are the two gender forms of one name."""
    for x, y in _GENDERED_ENDINGS:
        for p, q in ((a, b), (b, a)):
            if p.endswith(x) and q.endswith(y) and p[: len(p) - len(x)] == q[: len(q) - len(y)] and p != q:
                return True
    return False


def abd_tail(surname: str) -> str:
    """The name an "Abd al-" compound is also known by: "Abdul Jalil" -> "Jalil" (reports write "Jalil
    said" of Mustafa Abdul Jalil); any other surname unchanged ("De Croo" is never "Croo")."""
    words = surname.split()
    return words[-1] if len(words) == 2 and words[0].lower() in _ABD_WORDS else surname


@lru_cache(maxsize=65536)
def surname_match(a: str, b: str) -> str | None:
    """How two surnames match: ``"exact"`` (same key or shape), ``"typo"`` or ``None``.

    A typo is one transposition, one doubled letter, or one vowel for another
    ("Stoltenbreg", "Zelenskyy", "Lukashenka") in a surname of 7+ letters; an added
    consonant ("Johnson"/"Johnston") or a gender ending ("Kowalski"/"Kowalska")
    is a different name.
    """
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return None
    if ka == kb or shape(a) == shape(b) or key(abd_tail(a)) == kb or key(abd_tail(b)) == ka:
        return "exact"
    if gendered_pair(ka, kb) or min(len(ka), len(kb)) < 7:
        return None
    return "typo" if _typo(shape(a), shape(b)) else None


def _typo(a: str, b: str) -> bool:
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return True  # transposition
        return len(diff) == 1 and a[diff[0]] in _VOWELS and b[diff[0]] in _VOWELS
    if abs(len(a) - len(b)) != 1:
        return False
    long, short = (a, b) if len(a) > len(b) else (b, a)
    ops = Levenshtein.editops(short, long)
    if len(ops) != 1:
        return False
    pos = ops[0].dest_pos
    extra = long[pos]
    return (pos > 0 and long[pos - 1] == extra) or (pos + 1 < len(long) and long[pos + 1] == extra)


def given_match(a: str, b: str) -> bool:
    """Whether two given names can be the same person's.

    Same key or shape; an initial and a name it starts ("V." / "Vladimir"); a
    Baltic ending dropped by translation ("Gitan" / "Gitanas"); or a nickname ("Bob" /
    "Robert"). "Marta"/"Marek", "Maria"/"Marta", "Paul"/"Paula" do not match.
    """
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    return _spelt_alike(a, b) or nickname_pair(ka, kb)


def _spelt_alike(a: str, b: str) -> bool:
    """:func:`given_match` but for nicknames: one spelling, an initial, a truncation."""
    ka, kb = key(a), key(b)
    if ka == kb or shape(a) == shape(b):
        return True
    if len(ka) == 1 or len(kb) == 1:
        return ka[0] == kb[0]
    short, long = sorted((ka, kb), key=len)
    return len(short) >= 4 and long.startswith(short) and long[len(short):] in _TRUNCATED_ENDINGS


@lru_cache(maxsize=1)
def _nicknames() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=65536)
def nickname_pair(a: str, b: str) -> bool:
    """Whether one given name is a shorter nickname of the other ("Bob"/"Robert", "Ed"/"Edward",
    "Mike"/"Michael"; the ``nicknames`` package's hand-curated table, its formal names in any
    spelling that sounds the same: "Fred"/"Frederik"). Two formal names never
    pair, nor two nicknames of one name: "Alexander" and "Alexandra" share "Alex" and stay two
    names, and the table's "Ivan" or "Ian" for "John" is another name."""
    ka, kb = key(a), key(b)
    if not ka or not kb or len(ka) == len(kb):
        return False
    short, long = sorted((ka, kb), key=len)
    table = _nicknames()
    if short not in table.nicknames_of(long) and long not in table.nicknames_of(short):
        # the table's formal name in another spelling: "Fred" of "Frederik" (the table has "Frederick")
        if not any(_transliterated(formal, long, shortest=5) for formal in table.canonicals_of(short)):
            return False
    # the table also pairs one name across languages ("Ivan", "Ian" and "John"): a nickname starts
    # as its name does ("Ed"/"Edward") or keeps its letters in order after the first ("Bob"/"Robert")
    return short[0] == long[0] or _letters_in_order(short[1:], long[1:])


def _letters_in_order(part: str, word: str) -> bool:
    """Whether ``part``'s letters occur in ``word`` in order, a "k" as a "c" ("ike" in "ichael")."""
    rest = iter(word)
    return all(any(c == x or (c == "k" and x == "c") for x in rest) for c in part)


def initials_fit(initials: tuple[str, ...], name: PersonName) -> bool:
    """Whether a name written with ``initials`` ("P.J. Crowley") can be ``name``'s person: a first
    name with the first initial's letter ("Philip"), the same first initial, or no first name at all."""
    if not initials:
        return True
    letter = fold(initials[0])[:1]
    if name.given:
        return fold(name.given[0])[:1] == letter
    return not name.initials or fold(name.initials[0])[:1] == letter


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given-name tuples agree: the first given names match; a missing one agrees with anything."""
    if not a or not b:
        return True
    return given_match(a[0], b[0])


#: spellings one sound takes in the transliterations news uses ("Gadhafi"/"Qaddafi", "Youssef"/"Yusuf")
_SOUND_SPELLINGS = (("dh", "d"), ("th", "t"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("ck", "k"), ("q", "k"),
                    ("c", "k"), ("g", "k"), ("y", "i"), ("w", "v"))
_INNER_VOWELS = re.compile(r"[aeiou]+(?=[^aeiou])")
_FINAL_VOWELS = re.compile(r"[aeiou]*([aeiou])$")
_DOUBLED = re.compile(r"(.)\1+")
TRANSLITERATION_SIMILARITY = 0.65  #: each part's spelling at least this alike (normalised Levenshtein)


@lru_cache(maxsize=65536)
def sound_key(text: str) -> str:
    """How a name sounds across transliterations: one letter per sound ("dh" and "d", "q", "g" and
    "k"), every vowel run inside the name one vowel, doubled letters single. "Gaddafi", "Gadhafi",
    "Qaddafi" and "Gadafy" share one key, as do "Muammar" and "Moammar". The final vowel stays
    as written: "Maria" and "Mario", "Paul" and "Paula" are two names."""
    k = key(text)
    for spelling, sound in _SOUND_SPELLINGS:
        k = k.replace(spelling, sound)
    k = _FINAL_VOWELS.sub(r"\1", _INNER_VOWELS.sub("a", k))
    return _DOUBLED.sub(r"\1", k)


def _transliterated(a: str, b: str, *, shortest: int) -> bool:
    """Two spellings of one name in different transliterations: the same :func:`sound_key` and
    spellings alike enough ("Gadhafi"/"Gaddafi" 0.86; not "Kerry"/"Curry" 0.60). A word shorter
    than ``shortest`` letters must be spelt the same ("Ali" and "Eli" are two given names, "Berry"
    and "Barry" two surnames, as the typo rule of :func:`surname_match` has it)."""
    ka, kb = key(a), key(b)
    if ka == kb:
        return True
    if min(len(ka), len(kb)) < shortest or sound_key(a) != sound_key(b) or gendered_pair(ka, kb):
        return False
    return Levenshtein.normalized_similarity(ka, kb) >= TRANSLITERATION_SIMILARITY


def surnames_transliterated(a: str, b: str) -> bool:
    """Two surnames that are one name transliterated two ways ("Qaddafi"/"Gadhafi"; 7+ letters)."""
    return _transliterated(a, b, shortest=7)


def transliteration_match(a: PersonName, b: PersonName) -> bool:
    """Two full names that are one name transliterated two ways: "Muammar Gaddafi" and "Moammar
    Gadhafi", "Mohamed Hussein Tantawi" and "Mohamad Tantawi". Every given name both write must
    match in order ("Abdul Fattah Younis" is not "Abdul Ati"); a compound given name may be one
    word in one and two in the other ("Abdelilah" / "Abdul Elah"). The surnames are compared
    as written and without the Arabic article ("Al-Khatib" / "Khatib"); two given names that agree make a surname
    of five letters enough ("Abdul Fatah Younis" / "Abdel Fattah Younes"), one is too little
    ("Mark Berry" / "Mark Barry")."""
    if not (a.full and b.full):
        return False
    pairs = list(zip(a.given, b.given))
    given = all(_transliterated(x, y, shortest=4) for x, y in pairs)
    if not given and len(a.given) != len(b.given):
        given = _transliterated("".join(a.given), "".join(b.given), shortest=7)
        pairs = [("".join(a.given), "".join(b.given))]
    shortest = 5 if given and len(pairs) >= 2 else 7
    return given and any(_transliterated(x, y, shortest=shortest) for x, y in (
        (a.surname, b.surname), (without_article(a.surname), without_article(b.surname))))


#: the Arabic article as a word of its own ("al Islam", "El Abidine") or written onto the name
#: ("al-Islam", "el-Abidine", "ash-Shara")
ARTICLE_WORDS = frozenset({"al", "el"})
ARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|ad|ar|as|ash|az)[-‐‑]", re.IGNORECASE)


def without_article(name: str) -> str:
    """A name (or a word) without the Arabic article it opens with: "al-Brega", "El Brega" → "Brega"."""
    first, _, rest = name.partition(" ")
    return rest if first.lower() in ARTICLE_WORDS and rest else ARTICLE_PREFIX.sub("", name)


def _middle_key(name: PersonName) -> str:
    """The sound of the given names after the first, particles and Arabic articles left out."""
    return "".join(sound_key(without_article(w)) for w in name.given[1:] if w.lower() not in NAME_PARTICLES)


def middle_names_conflict(a: PersonName, b: PersonName) -> bool:
    """Two names whose middle names differ are two people: "Saif al-Islam Gaddafi" and "Saif al-Arab
    Gaddafi" are brothers. A middle name one of them leaves out ("Saif Gaddafi", "Barack Obama"),
    one the other writes among more ("Hillary Rodham Clinton" / "Hillary Diane Rodham Clinton") or
    spells another way ("al-Islam" / "el Islam") is no conflict."""
    ma, mb = _middle_key(a), _middle_key(b)
    return bool(ma and mb) and ma not in mb and mb not in ma


def name_tail(short: PersonName, long: PersonName) -> bool:
    """Whether ``short`` is the last words of a longer name, as reports shorten one: "Ben Ali" of
    "Zine El Abidine Ben Ali", "Lloyd Webber" of "Andrew Lloyd Webber". Two words at least ("Ali"
    alone is a surname's business); initials do not count ("Ray Nagin" is "C. Ray Nagin" in full)."""
    a, b = ([key(w) for w in n.text.split() if not is_initial(w)] for n in (short, long))
    return 2 <= len(a) < len(b) and b[-len(a):] == a


def _sounds(text: str) -> list[str]:
    """A name's words as they sound, the Arabic article left out ("Zine al-Abidine" ~ "Zine El Abidine")."""
    return [sound_key(without_article(w)) for w in text.split() if w.lower() not in ARTICLE_WORDS]


def given_names_form(short: PersonName, long: PersonName) -> bool:
    """Whether ``short`` is the given names of ``long`` alone, as reports write an Arabic compound
    given name: "Saif al-Islam" of "Saif al-Islam Gaddafi", "Zine al-Abidine" of "Zine El Abidine Ben
    Ali". Its last word must carry the article ("Ayman al-Zawahiri" is a given name and a surname)."""
    words = short.text.split()
    if len(words) < 2 or not (ARTICLE_PREFIX.match(words[-1]) or words[-2].lower() in ARTICLE_WORDS):
        return False
    a, b = _sounds(short.text), _sounds(long.text)
    return 1 < len(a) < len(b) and b[:len(a)] == a


def names_match(a: PersonName, b: PersonName) -> str | None:
    """``"exact"``, ``"typo"`` or ``None`` for two person names (either may be surname-only).

    A surname typo is only accepted when the given names are the same key:
    "Jens Stoltenbreg" is Jens Stoltenberg, "Jan Stoltenbreg" is nobody we know. Different middle
    names are different people (:func:`middle_names_conflict`). Two full names
    that are one name transliterated two ways (:func:`transliteration_match`) match as a typo.
    """
    if not a.surname or not b.surname or middle_names_conflict(a, b):
        return None
    how = _spelling_match(a, b)
    if how is None and transliteration_match(a, b):
        return "typo"
    return how


def _spelling_match(a: PersonName, b: PersonName) -> str | None:
    how = surname_match(a.surname, b.surname)
    if how is None:
        return None
    if not given_compatible(a.given or a.initials[:1], b.given or b.initials[:1]):
        return None
    if how == "typo" and not (a.given and b.given and key(a.given[0]) == key(b.given[0])):
        return None
    return how


def well_formed(text: str) -> bool:
    """A name fit to be canonical: every token capitalised, no glued camel case, no initials only."""
    tokens = text.split()
    if not tokens:
        return False
    for t in tokens:
        if t.lower() in NAME_PARTICLES:
            continue
        if not t[:1].isupper() or (t.isupper() and len(t) > 2):
            return False
    return True


def camel_tokens(text: str) -> int:
    """Tokens with a capital inside ("DeCroo"): glue or lost spaces, less canonical than "De Croo"."""
    return sum(1 for t in text.split() if any(c.isupper() for c in t[1:]) and not t.startswith(("Mc", "Mac")))


def diacritics(text: str) -> int:
    """How many letters carry a diacritic: "Nausėda" beats "Nauseda" as the canonical spelling."""
    return sum(1 for c in text if c.isalpha() and not c.isascii())


def _unstuttered(name: str) -> str:
    """``name`` with a word written twice in a row once: "Moussa Koussa Koussa" -> "Moussa Koussa"."""
    out: list[str] = []
    for t in name.split():
        if not out or t.lower() != out[-1].lower():
            out.append(t)
    return " ".join(out)


#: how many times more often the news must write a short form ("Hosni Mubarak") than the longer
#: name it ends ("Mohamed Hosni Mubarak") for the short form to be canonical
SHORT_FORM_RATIO = 5


def canonical_person_name(names: Iterable[str], counts: Counter[str] | None = None) -> str:
    """The canonical spelling among a person's names.

    The well-formed full name seen most often (the longest on ties), where a truncated spelling
    ("Gitan Nauseda" beside "Gitanas Nausėda") or a longer name's given names alone ("Saif al-Islam")
    never wins, nor does its tail ("Ben Ali" beside "Zine El Abidine Ben Ali") unless written
    :data:`SHORT_FORM_RATIO` times as often ("Hosni Mubarak"); among spellings of one
    name (same :func:`shape`), diacritics win, then no glued capitals ("De Croo"),
    no initials, an I read as I rather than l, then the most frequent.
    """
    counts = counts or Counter()
    names = list(names)
    # "Moussa Koussa Koussa", a slip of one report, beside "Moussa Koussa": the slip never wins
    names = [n for n in names if _unstuttered(n) == n or _unstuttered(n) not in names
             or " " not in _unstuttered(n)] or names  # "Sirhan Sirhan" is a name
    formed = [n for n in names if well_formed(n)] or names
    groups: dict[tuple[str, ...], list[str]] = {}
    for n in formed:
        p = parse_name(n)
        groups.setdefault(tuple(shape(g) for g in p.given) + (shape(p.surname),), []).append(n)

    def truncated(a: tuple[str, ...]) -> bool:  # "gitan nauseda" is a truncation of "gitanas nauseda"
        return any(len(a) == len(b) and a != b and all(x == y or _spelt_alike(x, y) and len(x) < len(y)
                                                       for x, y in zip(a, b)) for b in groups)

    parsed = {n: parse_name(n) for n in formed}
    written = {g: sum(counts[n] for n in ns) for g, ns in groups.items()}
    group_of = {n: g for g, ns in groups.items() for n in ns}
    # given names alone always lose; a tail loses to the longer name it ends unless the news writes
    # it far more ("Hosni Mubarak", not the "Mohamed Hosni Mubarak" of three reports)
    tails = {g for g, ns in groups.items()
             if any(given_names_form(parsed[ns[0]], p) or name_tail(parsed[ns[0]], p)
                    and written[g] < SHORT_FORM_RATIO * max(1, written[group_of[n]]) for n, p in parsed.items())}
    kept = [g for g in groups if not truncated(g) and g not in tails] or list(groups)
    # a full name beats a surname alone; among full names the most written ("Barack Obama", not the
    # "Barack Hussein Obama" of a few reports), then the longest
    best = max(kept, key=lambda g: (len(g) > 1, sum(counts[n] for n in groups[g]), len(g), len("".join(g)), g))
    # a capital I misread as l and capitalised gives "Lohannis" for "Iohannis", never the reverse
    name = max(groups[best], key=lambda n: (diacritics(n), -camel_tokens(n), -len(parse_name(n).initials),
                                            -sum(t.startswith("L") for t in n.split()), n.count(" "), counts[n], n))
    return name_case(name)


def name_case(name: str) -> str:
    """A name written only in capitals (a transcript's "WOLF BLITZER, CNN ANCHOR:") as news writes names."""
    return name.title() if name.isupper() and len(name) > 2 else name
