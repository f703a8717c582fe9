"""Repair words glued together by scrapers ("Nausedawarned" -> "Nauseda warned").

General word segmenters break names apart ("St ol ten berg"), so this module is
corpus-aware: a token is split only where both sides are known, either as common
English words (wordfreq) or as names and acronyms seen standalone elsewhere in
the corpus (:class:`Lexicon`). A wrong split is worse than a missed one, so every
rule has guards, and anything unusual (digits, hyphens, apostrophes, URLs, all
caps, lower-case tokens) is left alone.

:func:`repair_glued` only ever *inserts single spaces*: later code aligns offsets
with the raw text assuming exactly that.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from wordfreq import zipf_frequency

__all__ = ["Lexicon", "english_zipf", "glued_stems", "repair_glued", "split_glued"]

# Words that follow a name in news prose: function words and reporting verbs.
# A closed list, not "any word", so that "Mart"+"in" or "Jon"+"as" stay unlikely.
# Left out on purpose because many real names end with them: a, an, or, say,
# may, can, met, are, his, her.
_FOLLOWERS_SHORT = frozenset("in on at as is of to by".split())
_FOLLOWERS = _FOLLOWERS_SHORT | frozenset("""
    and but nor the for with from that this who whom whose which when where while
    after before during since about against into over under between than
    also was were has have had does did will would could should must might cannot
    said says told tells added adds warned warns stressed stresses noted notes
    stated declared announced explained insisted argued claimed confirmed urged
    called asked replied wrote tweeted posted visited spoke assured admitted denied
    emphasized emphasised recalled acknowledged pointed reiterated welcomed praised
    criticized criticised accused thanked agreed agrees answered responded promised
    proposed suggested reported revealed signed wants believes hopes expects arrived
    himself herself themselves
""".split())
_MAX_FOLLOWER = max(map(len, _FOLLOWERS))
# Baltic and Greek names end in these: "Robertas", "Karolis", "Vasilis" are real
# names built on other names, so a corpus name alone does not license them.
_RISKY_FOLLOWERS = frozenset({"as", "is"})

# A prefix that is one of these is no name: "Thein" is not "The in".
_NOT_NAMES = _FOLLOWERS | frozenset("""
    a an or if it its he she we they you i me him her his our my your their them us
    there here then what not no yes so all any some one new old
""".split())
_ZIPF_MAX_NAME = 6.0  # "The", "New", "May": too common to be the name part of a glue

# Name particles: "MacArthur", "VanDyke", "DelaCruz" are one name. Two-letter
# particles (Mc, De, Di, Le, La, Du, Al) already fail the 3-letter minimum.
_PARTICLES = frozenset("""
    mac van von der den del della dela des dos das ter ten fitz san santa saint
    abu ibn bin ben bint mal
""".split())
# Generic nouns that end brand names ("EnergoAtom", "SberBank", "KyivStar").
_BRAND_TAILS = frozenset("""
    bank group net soft tech atom invest com telecom media star pay link book hub lab
    labs point box air oil gas energo energy power trans news info online sat port
""".split())
_MIN_UNKNOWN_LEFT = 5  # "Lohannis" may be unknown; "Ukr", "Sber" are brand prefixes
_MIN_UNKNOWN_REST = 4  # "EUJosep": an unknown capitalised word after a known acronym
# "IBMer", "IBMers", "NGOist": the last capital belongs to the acronym and a suffix follows.
_ACRONYM_SUFFIXES = frozenset("er ers ing ings ism ist ists ite ites ian ians ese ed es".split())


def _char_class(pred: Callable[[str], bool]) -> str:
    """The body of a ``[...]`` class of the letters matching ``pred``.

    ``re`` has no \\p{Lu}; Latin, Greek, Cyrillic and the other scripts of the
    first 8K code points (plus Latin/Cyrillic extensions) cover news names.
    """
    points = [*range(0x2000), *range(0x2C00, 0x2D30), *range(0xA640, 0xA800)]
    ranges: list[list[int]] = []
    for cp in points:
        if chr(cp).isalpha() and pred(chr(cp)):
            if ranges and cp == ranges[-1][1] + 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


_LU = _char_class(str.isupper)
_LL = _char_class(str.islower)
# A neighbour from this set makes a token part of something bigger (URL, handle,
# hashtag, number, hyphenated compound, O'Neill, dotted abbreviation or domain).
_LEFT_STOP = "@#/\\.'’-=&%+~*_"
_RIGHT_OK = r"(?![\w@#/\\\-=&%+~*]|\.\w|['’](?:(?!s)[^\W\d_]|s\w))"  # but possessive 's is fine

# Standalone capitalised token; the class is first so ``re`` can skip ahead fast.
_CAP_TOKEN = re.compile(rf"[{_LU}](?<![\w{re.escape(_LEFT_STOP)}].)[^\W\d_]++{_RIGHT_OK}")
_CAP_WORDS = re.compile(rf"[{_LU}][^\W\d_]+")  # cheap pre-filter, boundaries not checked
_INNER_CAP = re.compile(rf"[{_LL}][{_LU}]|[{_LU}][{_LU}][{_LL}]")
_CAMEL2 = re.compile(rf"([{_LU}][{_LL}]{{2,}})([{_LU}][{_LL}]{{2,}})")
_ACRO_WORD = re.compile(rf"([{_LU}]{{2,}})([{_LU}][{_LL}]{{2,}})")
_NAME_PART = re.compile(rf"[{_LU}][^\W\d_]*[{_LL}]|[{_LU}]{{2,}}")
_LETTERS = re.compile(r"[^\W\d_]+")
# "DeCroo", "McDonald", "VanDyke": the part after the particle is a surname too.
_PARTICLE_NAME = re.compile(rf"(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Del|Della)([{_LU}][{_LL}]{{2,}})")

# Pre-filter for rule (a): punctuation right after a non-space and right before a letter.
_PUNCT_QUICK = re.compile(r"[”»\".,;:!?](?<=\S.)(?=[^\W\d_])")
# Rule (a): a curly closing quote or » glued to a letter, after a character that
# cannot open a quote (so "said ”the" with a misused opening ” is left alone).
_CLOSE_QUOTE = re.compile(r"[”»](?<=[^\s(\[{“\"‘'«:—–\-][”»])(?=[^\W\d_])")
_STRAIGHT_QUOTE = re.compile(r"\"(?<=[.,!?]\")(?=[^\W\d_])")
_PUNCT_CAP = re.compile(rf"[.,;:!?](?=([{_LU}][^\W\d_]*+){_RIGHT_OK})")
_PLAIN_WORD = re.compile(rf"[{_LU}][{_LL}]+")
_URLISH = re.compile(r"://|www\.|[@#/\\=&%]|\.(?:com|org|net|gov|edu|int|io|eu|info|co|uk|de|fr|pl|ru|ua|lt)\b",
                     re.IGNORECASE)
_CHUNK = re.compile(r"\S+")
_SENTENCE_END = frozenset(".!?:…\n\r")
_OPENERS = frozenset(" \t“\"‘'«([{")


@lru_cache(maxsize=1 << 18)
def english_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a lower-case English word (cached: asked per token)."""
    return zipf_frequency(word, "en")


@lru_cache(maxsize=1 << 16)
def _glue_shaped(token: str) -> bool:
    """Could ``token`` be glued at all: an inner capital, or a follower word at its end?"""
    if _INNER_CAP.search(token):
        return True
    return any(token[-k:] in _FOLLOWERS for k in range(2, min(_MAX_FOLLOWER, len(token) - 2) + 1))


class Lexicon:
    """What counts as a known word or name.

    English words come from wordfreq; names are capitalised tokens and acronyms
    seen standalone in the corpus (fed by :meth:`observe`); stems are prefixes
    seen glued to several different function words (:func:`glued_stems`).
    """

    def __init__(self, names: Mapping[str, int] | None = None, *, min_word_zipf: float = 3.0,
                 min_name_count: int = 2, stems: Iterable[str] = ()) -> None:
        self._names: Counter[str] = Counter(names or {})
        self._stems: set[str] = set(stems)
        self._splits: dict[str, str] = {}  # token -> split result, valid until the lexicon changes
        self.min_word_zipf = min_word_zipf
        # Two sightings, not one: a glued token such as "Nausedawarned" is itself
        # seen standalone once and must not vouch for itself. The cost: a glue
        # repeated in two copies of an article is protected (a missed split).
        self.min_name_count = min_name_count

    @classmethod
    def from_texts(cls, texts: Iterable[str], *, min_word_zipf: float = 3.0, min_name_count: int = 2) -> Lexicon:
        """A lexicon that has observed ``texts`` and learnt their glued stems."""
        lexicon = cls(min_word_zipf=min_word_zipf, min_name_count=min_name_count)
        lexicon.learn(texts)
        return lexicon

    def learn(self, texts: Iterable[str]) -> None:
        """Observe a batch of texts, then learn the glued stems they show (what ingest does per batch)."""
        texts = list(texts)
        for text in texts:
            self.observe(text)
        self.add_stems(glued_stems(texts, self))

    def observe(self, text: str) -> None:
        """Count the standalone capitalised tokens and acronyms of ``text``."""
        for m in _CAP_TOKEN.finditer(text):
            token = m.group()
            if not token.isupper() and _sentence_initial(text, m.start()) and self.is_word(token):
                continue  # "The", "But" at a sentence start say nothing about names
            self._names[token] += 1
            particle = _PARTICLE_NAME.fullmatch(token)
            if particle:  # so that "De Crooand" can split like "DeCrooand"
                self._names[particle.group(1)] += 1
        self._splits.clear()

    def add_stems(self, stems: Iterable[str]) -> None:
        """Remember glued stems (see :func:`glued_stems`)."""
        self._stems.update(stems)
        self._splits.clear()

    def is_word(self, token: str) -> bool:
        """A common English word (any case), e.g. "warned", "in", "Lithuanian"."""
        return english_zipf(token.lower()) >= self.min_word_zipf

    def is_name(self, token: str) -> bool:
        """Seen standalone in the corpus at least ``min_name_count`` times."""
        return self._names.get(token, 0) >= self.min_name_count

    def is_stem(self, token: str) -> bool:
        return token in self._stems

    def is_known(self, token: str) -> bool:
        """Known in any way: any wordfreq entry (even rare, "Stoltenberg"), a name or a stem."""
        return english_zipf(token.lower()) > 0 or self.is_name(token) or token in self._stems

    def name_count(self, token: str) -> int:
        """How often ``token`` was seen standalone."""
        return self._names.get(token, 0)

    def name_counts(self) -> dict[str, int]:
        """The name counts, for persisting between runs."""
        return dict(self._names)

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(self._stems)

    def _split(self, token: str) -> str:
        """:func:`_split_word` for a capitalised token, memoised: names repeat on every line."""
        done = self._splits.get(token)
        if done is None:
            if len(self._splits) > 200_000:
                self._splits.clear()
            done = _split_word(token, self) if _glue_shaped(token) else token
            self._splits[token] = done
        return done


def _sentence_initial(text: str, start: int) -> bool:
    """True if only openers (spaces, quotes, brackets) separate ``start`` from a sentence end."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _name_like(part: str) -> bool:
    """Could ``part`` be the name before a glued follower word?"""
    return part.lower() not in _NOT_NAMES and english_zipf(part.lower()) < _ZIPF_MAX_NAME


def _follower_splits(token: str) -> Iterable[tuple[str, str]]:
    """Every (prefix, follower) split of ``token`` whose prefix is name-shaped."""
    for k in range(2, min(_MAX_FOLLOWER, len(token) - 2) + 1):
        suffix = token[-k:]
        if suffix in _FOLLOWERS:
            prefix = token[:-k]
            if _NAME_PART.fullmatch(prefix) and (len(prefix) >= 3 or prefix.isupper()) and _name_like(prefix):
                yield prefix, suffix


def _split_follower(token: str, lexicon: Lexicon) -> str | None:
    """Rule (c): "Dudain" -> "Duda in" when "Duda" is a corpus name or a glued stem."""
    best: tuple[int, int, str, str] | None = None
    for prefix, suffix in _follower_splits(token):
        if prefix.isupper():  # an acronym: "NATOwarned"
            ok, rank = lexicon.is_name(prefix) or lexicon.is_word(prefix), 2
        elif lexicon.is_stem(prefix):
            ok, rank = True, 3
        elif lexicon.is_name(prefix):
            ok, rank = suffix not in _RISKY_FOLLOWERS, 3
        else:
            # a capitalised common word ("Washington") licenses long followers only:
            # "Washingtonand" splits, "Mart"+"in" or "Jon"+"as" never would
            ok, rank = len(suffix) >= 3 and lexicon.is_word(prefix), 1
        if ok and (best is None or (rank, len(suffix)) > best[:2]):
            best = (rank, len(suffix), prefix, suffix)
    return f"{best[2]} {best[3]}" if best else None


def _split_camel(token: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """Rule (b): "LohannisLithuanian", "NATOStoltenberg" -> the two parts, or None."""
    m = _ACRO_WORD.fullmatch(token)
    if m:
        acro, rest = m.groups()
        if rest[1:] in _ACRONYM_SUFFIXES or not (lexicon.is_name(acro) or lexicon.is_word(acro)):
            return None
        # a known acronym glued to a capitalised word is a glue even when the word is
        # new ("EUJosep"): real acronym compounds are known words ("JPMorgan")
        rest_ok = len(rest) >= _MIN_UNKNOWN_REST or lexicon.is_word(rest) or lexicon.is_name(rest)
        return (acro, rest) if rest_ok else None
    m = _CAMEL2.fullmatch(token)
    if not m:
        return None  # three parts, "Mc"/"De" particles, single letters: leave alone
    left, right = m.groups()
    if left.lower() in _PARTICLES or right.lower() in _BRAND_TAILS:
        return None
    left_known = lexicon.is_word(left) or lexicon.is_name(left) or lexicon.is_stem(left)
    if lexicon.is_word(right):
        return (left, right) if left_known or len(left) >= _MIN_UNKNOWN_LEFT else None
    if lexicon.is_name(right) or lexicon.is_stem(right):
        # two names ("KlausLohannis"), but not a brand ("ArcelorMittal"): the left
        # part must have been seen alone at least once
        return (left, right) if left_known or lexicon.name_count(left) > 0 else None
    return None


def _split_word(token: str, lexicon: Lexicon) -> str:
    """Rules (b) and (c) on one letters-only token; the result is a fixpoint."""
    if len(token) < 4 or not token[0].isupper() or token.isupper() or lexicon.is_known(token):
        return token
    parts = _split_camel(token, lexicon)
    if parts:
        # the right part is known, so only the left one can still hide a glue
        return f"{_split_word(parts[0], lexicon)} {parts[1]}"
    return _split_follower(token, lexicon) or token


def split_glued(token: str, lexicon: Lexicon) -> str:
    """``token`` with spaces inserted where it is glued, or unchanged."""
    if _LETTERS.fullmatch(token):
        return lexicon._split(token)
    return repair_glued(token, lexicon)


class _UrlChunks:
    """The whitespace-delimited chunks of a text that are URLs, e-mails, handles or paths.

    Found in one pass, and only when first asked: most lines never need it.
    """

    __slots__ = ("_text", "_starts", "_ends")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def __contains__(self, pos: int) -> bool:
        if self._starts is None:
            self._starts = []
            for m in _CHUNK.finditer(self._text):
                if _URLISH.search(self._text, m.start(), m.end()):
                    self._starts.append(m.start())
                    self._ends.append(m.end())
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]


def _apply(text: str, positions: Iterable[int]) -> str:
    """Insert one space before each of ``positions`` (duplicates ignored)."""
    out: list[str] = []
    last = 0
    for pos in sorted(set(positions)):
        out += (text[last:pos], " ")
        last = pos
    out.append(text[last:])
    return "".join(out)


def _punctuation_inserts(text: str, lexicon: Lexicon) -> list[int]:
    """Rule (a): where a space is missing after closing quotes and sentence punctuation."""
    urls = _UrlChunks(text)
    inserts = [m.end() for m in _CLOSE_QUOTE.finditer(text) if m.start() not in urls]
    quotes = counted_to = 0  # straight quotes on the current line before ``counted_to``
    for m in _STRAIGHT_QUOTE.finditer(text):
        newline = text.rfind("\n", counted_to, m.start())
        if newline >= 0:
            quotes, counted_to = 0, newline + 1
        quotes += text.count('"', counted_to, m.start())
        counted_to = m.start()
        if quotes % 2 and m.start() not in urls:  # odd number before it on the line: it closes
            inserts.append(m.end())
    for m in _PUNCT_CAP.finditer(text):
        # the word before must be 2+ letters and standalone: not "U.S.", "e.g.", "No.1"
        dot = m.start()
        i = dot
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        if dot - i < 2 or (i > 0 and (text[i - 1].isalnum() or text[i - 1] in _LEFT_STOP)):
            continue
        word = m.group(1)
        # a plain known word, or a glue that the token rules will split ("Brussels.Dudain")
        plain = _PLAIN_WORD.fullmatch(word) is not None
        if (plain and (lexicon.is_word(word) or lexicon.is_name(word) or lexicon.is_stem(word))
                or lexicon._split(word) != word):
            if dot not in urls:
                inserts.append(dot + 1)
    return inserts


def _token_inserts(text: str, lexicon: Lexicon) -> list[int]:
    """Rules (b) and (c): where glued tokens of ``text`` need a space."""
    inserts: list[int] = []
    urls = _UrlChunks(text)
    for m in _CAP_TOKEN.finditer(text):
        token = m.group()
        split = lexicon._split(token)
        if split == token or m.start() in urls:
            continue
        shift = m.start()
        for i, ch in enumerate(split):
            if ch == " ":
                inserts.append(shift + i)
                shift -= 1  # the inserted space is not in ``text``
    return inserts


def _repair_once(text: str, lexicon: Lexicon) -> str:
    """One pass of every rule; returns ``text`` itself when nothing is glued."""
    if _PUNCT_QUICK.search(text):
        inserts = _punctuation_inserts(text, lexicon)
        if inserts:
            text = _apply(text, inserts)
    # Pre-filter: a clean line has no capitalised word that the lexicon would split
    # (one memo look-up per word); boundaries (URLs, hyphens...) are checked later.
    memo = lexicon._splits
    for word in _CAP_WORDS.findall(text):
        split = memo.get(word) or lexicon._split(word)
        if len(split) != len(word):
            break
    else:
        return text
    inserts = _token_inserts(text, lexicon)
    return _apply(text, inserts) if inserts else text


def repair_glued(text: str, lexicon: Lexicon) -> str:
    """``text`` with glued words separated; only single spaces are ever inserted."""
    # One repair can reveal another ("Duda,Duda.The": the comma's right word is
    # only standalone once the dot is fixed), so repeat until nothing changes.
    # This ends: each space splits a pair of adjacent characters of the input.
    while True:
        fixed = _repair_once(text, lexicon)
        if fixed is text:
            return text
        text = fixed


def glued_stems(texts: Iterable[str], lexicon: Lexicon) -> set[str]:
    """Prefixes glued to two or more different follower words in ``texts``.

    "Nausedawarned" and "Nausedaand" make "Nauseda" a stem although it is never
    seen alone. One follower must have 3+ letters: a pair of short ones ("Jonas",
    "Jonin") is too easily a pair of real names.
    """
    followers: dict[str, set[str]] = {}
    for text in texts:
        urls = _UrlChunks(text)
        for m in _CAP_TOKEN.finditer(text):
            token = m.group()
            if not _glue_shaped(token) or lexicon.is_known(token) or m.start() in urls:
                continue
            for prefix, suffix in _follower_splits(token):
                if not prefix.isupper():
                    followers.setdefault(prefix, set()).add(suffix)
    return {p for p, s in followers.items() if len(s) >= 2 and any(len(x) >= 3 for x in s)}
