"""Repair words glued together by scrapers ("Nausedawarned" -> "Nauseda warned").

General word segmenters break names apart ("St ol ten berg"), so this module is
corpus-aware: a token is split only where both sides are known, either as common
English words (wordfreq) or as names and acronyms seen standalone elsewhere in
the corpus (:class:`Lexicon`). A wrong split is worse than a missed one, so every
rule has guards and anything unusual (digits, hyphens, apostrophes, URLs, all
caps, lower-case tokens) is left alone.

:func:`repair_glued` only ever *inserts single spaces*; later code aligns offsets
with the raw text assuming exactly that.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

import regex  # a dependency of wordfreq; unlike ``re`` it has \p{Lu} / \p{Ll}
from wordfreq import zipf_frequency

__all__ = ["Lexicon", "glued_stems", "repair_glued", "split_glued"]

# Words that follow a name in news prose: function words and reporting verbs.
# A closed list, not "any word": "Mart"+"in" or "Jon"+"as" must stay unlikely.
# Left out on purpose because many real names end with them: a, an, or, say,
# may, can, met, are, his, her.
_FOLLOWERS_SHORT = frozenset("in on at as is of to by".split())
_FOLLOWERS_LONG = frozenset("""
    and but nor the for with from that this who whom whose which when where while
    after before during since about against into over under between than
    also was were has have had does did will would could should must might cannot
    said says told tells added adds warned warns stressed stresses noted notes
    stated declared announced explained insisted argued claimed confirmed urged
    called asked replied wrote tweeted posted visited spoke assured admitted denied
    emphasized emphasised recalled acknowledged pointed reiterated welcomed praised
    criticized criticised accused thanked himself herself themselves
""".split())
_FOLLOWERS = _FOLLOWERS_SHORT | _FOLLOWERS_LONG
_MAX_FOLLOWER = max(map(len, _FOLLOWERS))

# A prefix that is one of these is not a name ("Thein" is not "The in").
_NOT_NAMES = _FOLLOWERS | frozenset("""
    a an or if it its he she we they you i me him her his our my your their them us
    there here then what not no yes so all any some one new old
""".split())

# Name particles: "MacArthur", "VanDyke", "DelaCruz" are one name. Two-letter
# particles (Mc, De, Di, Le, La, Du, Al, O) are already excluded by the 3-letter minimum.
_PARTICLES = frozenset("""
    mac van von der den del della dela des dos das ter ten fitz san santa saint
    abu ibn bin ben bint mal
""".split())

_ZIPF_MAX_NAME = 6.0  # "The", "New", "May": too common to be the name part of a glue
_MIN_STEM_SUFFIXES = 2

# --- regular expressions ---------------------------------------------------------

_FOLLOWER_ALT = "|".join(sorted(_FOLLOWERS, key=len, reverse=True))
# Characters that make a neighbour part of a bigger token (URL, handle, number, compound).
_GLUE_LEFT = r"(?<![\p{L}\p{N}\p{M}_@#/\\.'’\-=&%+~*])"
_GLUE_RIGHT = (r"(?![\p{L}\p{N}\p{M}_@#/\\\-=&%+~*]|\.[\p{L}\p{N}]"
               r"|['’](?:(?!s)\p{L}|s[\p{L}\p{N}]))")  # possessive 's is fine, O'Neill is not

# Candidate tokens for rules (b) and (c): capitalised, and either with an inner
# capital (CamelCase, ACRONYMWord) or ending with a follower word. The shape test
# lives in the pattern so that ordinary words never reach Python code.
_CANDIDATE = regex.compile(
    _GLUE_LEFT
    + r"(?=\p{Lu}\p{L}*?(?:\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}|(?:" + _FOLLOWER_ALT + r")(?!\p{L})))"
    + r"\p{Lu}\p{L}+" + _GLUE_RIGHT
)
# Rule (a): a curly closing quote or » glued to a letter, after a non-space that
# cannot open a quote (so "said ”the" with a misused opening ” is left alone).
_CLOSE_QUOTE = regex.compile(r"(?<=[^\s(\[{“\"‘'«:—–\-])[”»](?=\p{L})")
# Rule (a): straight quote after sentence punctuation; parity decides if it closes.
_STRAIGHT_QUOTE = regex.compile(r"(?<=[.,!?])\"(?=\p{L})")
# Rule (a): "Brussels.The" — a word of 2+ letters, punctuation, a capitalised word.
# The left word must not follow a dot (e.g., U.S., domains) and the right word must
# not continue with a dot and letters (identifiers, domains).
_PUNCT_CAP = regex.compile(
    r"(?<![\p{L}\p{N}\p{M}_@#/\\.'’\-])\p{L}{2,}([.,;:!?])(?=(\p{Lu}\p{Ll}+)" + _GLUE_RIGHT + ")"
)
_QUICK = regex.compile(r"[”»\"]\p{L}|\p{L}[.,;:!?]\p{Lu}|\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}|\p{Ll}(?:"
                       + _FOLLOWER_ALT + r")(?!\p{L})")
_URLISH = regex.compile(r"://|www\.|[@#/\\=&%]|\.(?:com|org|net|gov|edu|int|io|eu|info|co|uk|de|fr|pl|ru|ua|lt)\b",
                        regex.IGNORECASE)

_CAMEL2 = regex.compile(r"(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}{2,})")
_ACRO_WORD = regex.compile(r"(\p{Lu}{2,})(\p{Lu}\p{Ll}{2,})")
_NAME_PART = regex.compile(r"\p{Lu}\p{L}*\p{Ll}|\p{Lu}{2,}")
_LETTERS = regex.compile(r"\p{L}+")
_OBSERVE = regex.compile(_GLUE_LEFT + r"\p{Lu}\p{L}+" + _GLUE_RIGHT)
_OPENERS = " \t“\"‘'«([{"


@lru_cache(maxsize=1 << 18)
def _zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a lower-case word (cached: called per token)."""
    return zipf_frequency(word, "en")


class Lexicon:
    """What counts as a known word or name.

    English words come from wordfreq; names are capitalised tokens and acronyms
    seen standalone in the corpus (fed by :meth:`observe`), and "stems" are
    prefixes seen glued to several different function words (:func:`glued_stems`).
    """

    def __init__(self, names: Mapping[str, int] | None = None, *, min_word_zipf: float = 3.0,
                 min_name_count: int = 2, stems: Iterable[str] = ()) -> None:
        self._names: Counter[str] = Counter(names or {})
        self._stems: set[str] = set(stems)
        self.min_word_zipf = min_word_zipf
        # Two sightings, not one: a glued token such as "Nausedawarned" is itself
        # seen standalone once, and must not vouch for itself.
        self.min_name_count = min_name_count

    @classmethod
    def from_texts(cls, texts: Iterable[str], **kwargs: object) -> Lexicon:
        """A lexicon that has observed ``texts`` and learnt their glued stems."""
        texts = list(texts)
        lexicon = cls(**kwargs)  # type: ignore[arg-type]
        for text in texts:
            lexicon.observe(text)
        lexicon.add_stems(glued_stems(texts, lexicon))
        return lexicon

    def observe(self, text: str) -> None:
        """Count the standalone capitalised tokens and acronyms of ``text``."""
        for m in _OBSERVE.finditer(text):
            token = m.group()
            if not token.isupper() and _sentence_initial(text, m.start()) and self.is_word(token):
                continue  # "The", "But" at a sentence start say nothing about names
            self._names[token] += 1

    def add_stems(self, stems: Iterable[str]) -> None:
        """Remember glued stems (see :func:`glued_stems`)."""
        self._stems.update(stems)

    def is_word(self, token: str) -> bool:
        """A common English word, e.g. "warned", "in", "Lithuanian"."""
        return _zipf(token.lower()) >= self.min_word_zipf

    def is_name(self, token: str) -> bool:
        """Seen standalone in the corpus at least ``min_name_count`` times."""
        return self._names.get(token, 0) >= self.min_name_count

    def is_stem(self, token: str) -> bool:
        return token in self._stems

    def is_known(self, token: str) -> bool:
        """Known in any way: any wordfreq entry (even rare: "Stoltenberg"), a name or a stem."""
        return _zipf(token.lower()) > 0 or self.is_name(token) or token in self._stems

    def name_count(self, token: str) -> int:
        return self._names.get(token, 0)

    def name_counts(self) -> dict[str, int]:
        """The name counts, for persisting between runs."""
        return dict(self._names)

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(self._stems)


def _sentence_initial(text: str, start: int) -> bool:
    """True if only openers (spaces, quotes, brackets) separate ``start`` from a sentence end."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in ".!?:…\n\r"


def _name_like(part: str) -> bool:
    """Could ``part`` be the name before a glued follower word?"""
    return part.lower() not in _NOT_NAMES and _zipf(part.lower()) < _ZIPF_MAX_NAME


def _follower_splits(token: str) -> Iterable[tuple[str, str]]:
    """Every (prefix, follower) split of ``token`` with a name-shaped prefix."""
    for k in range(2, min(_MAX_FOLLOWER, len(token) - 2) + 1):
        suffix = token[-k:]
        if suffix in _FOLLOWERS:
            prefix = token[:-k]
            if _NAME_PART.fullmatch(prefix) and (len(prefix) >= 3 or prefix.isupper()):
                yield prefix, suffix


def _split_follower(token: str, lexicon: Lexicon) -> str | None:
    """Rule (c): "Dudain" -> "Duda in" when "Duda" is a corpus name or a glued stem."""
    best: tuple[int, int, str, str] | None = None
    for prefix, suffix in _follower_splits(token):
        if not _name_like(prefix):
            continue
        if prefix.isupper():  # an acronym: "NATOwarned"
            ok = lexicon.is_name(prefix) or lexicon.is_word(prefix)
            rank = 2
        elif lexicon.is_name(prefix):
            ok, rank = True, 3
        elif lexicon.is_stem(prefix):
            ok, rank = True, 2
        else:
            # a common capitalised word ("Washington") licenses only long followers:
            # "Washingtonand" splits, but "Mart"+"in" / "Jon"+"as" never do
            ok, rank = len(suffix) >= 3 and lexicon.is_word(prefix), 1
        if ok and (best is None or (rank, len(suffix)) > best[:2]):
            best = (rank, len(suffix), prefix, suffix)
    return f"{best[2]} {best[3]}" if best else None


def _split_camel(token: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """Rule (b): "LohannisLithuanian", "NATOStoltenberg" -> two parts, or None."""
    m = _ACRO_WORD.fullmatch(token)
    if m:
        acro, rest = m.groups()
        acro_ok = lexicon.is_name(acro) or lexicon.is_word(acro)
        rest_ok = lexicon.is_word(rest) or lexicon.is_name(rest) or lexicon.is_stem(rest)
        return (acro, rest) if acro_ok and rest_ok else None
    m = _CAMEL2.fullmatch(token)
    if not m:
        return None  # three parts, particles like "Mc"/"De", single letters: leave alone
    left, right = m.groups()
    if left.lower() in _PARTICLES:
        return None
    left_known = lexicon.is_word(left) or lexicon.is_name(left) or lexicon.is_stem(left)
    if lexicon.is_word(right):
        # an unknown left part must be long: short ones are brand prefixes ("UkrInform")
        return (left, right) if left_known or len(left) >= 4 else None
    if lexicon.is_name(right) or lexicon.is_stem(right):
        # two names ("KlausLohannis"), but not an unknown brand ("ArcelorMittal")
        return (left, right) if left_known else None
    return None


def _split_word(token: str, lexicon: Lexicon) -> str:
    """Rules (b) and (c) on one letters-only token; the result is a fixpoint."""
    if len(token) < 4 or not token[0].isupper() or token.isupper() or lexicon.is_known(token):
        return token
    parts = _split_camel(token, lexicon)
    if parts:
        left, right = parts
        # the right part is known, so only the left can still hide a glue
        return f"{_split_word(left, lexicon)} {right}"
    return _split_follower(token, lexicon) or token


def split_glued(token: str, lexicon: Lexicon) -> str:
    """``token`` with spaces inserted where it is glued, or unchanged."""
    if _LETTERS.fullmatch(token):
        return _split_word(token, lexicon)
    return repair_glued(token, lexicon)


def _chunk(text: str, start: int, end: int) -> str:
    """The whitespace-delimited chunk around ``text[start:end]``."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


def _apply(text: str, positions: Iterable[int]) -> str:
    """Insert one space before each position (duplicates ignored)."""
    out: list[str] = []
    last = 0
    for pos in sorted(set(positions)):
        out.append(text[last:pos])
        out.append(" ")
        last = pos
    out.append(text[last:])
    return "".join(out)


def _punctuation_inserts(text: str, lexicon: Lexicon) -> list[int]:
    """Rule (a): where a space is missing after closing quotes and sentence punctuation."""
    inserts = [m.end() for m in _CLOSE_QUOTE.finditer(text)
               if not _URLISH.search(_chunk(text, m.start(), m.end()))]
    for m in _STRAIGHT_QUOTE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        # an odd number of quotes before it on the line: this one closes a quote
        if text.count('"', line_start, m.start()) % 2 == 1:
            inserts.append(m.end())
    for m in _PUNCT_CAP.finditer(text):
        word = m.group(2)
        if not (lexicon.is_word(word) or lexicon.is_name(word) or lexicon.is_stem(word)):
            continue
        if _URLISH.search(_chunk(text, m.start(), m.end(1))):
            continue
        inserts.append(m.end(1))
    return inserts


def _token_inserts(text: str, lexicon: Lexicon) -> list[int]:
    """Rules (b) and (c): where glued tokens of ``text`` need a space."""
    inserts: list[int] = []
    for m in _CANDIDATE.finditer(text):
        token = m.group()
        split = _split_word(token, lexicon)
        if split == token or _URLISH.search(_chunk(text, m.start(), m.end())):
            continue
        offset = m.start()
        for i, ch in enumerate(split):
            if ch == " ":
                inserts.append(offset + i)
                offset -= 1  # the inserted space is not in the original text
    return inserts


def repair_glued(text: str, lexicon: Lexicon) -> str:
    """``text`` with glued words separated; only single spaces are ever inserted."""
    if not _QUICK.search(text):  # most lines: nothing that could be a glue
        return text
    inserts = _punctuation_inserts(text, lexicon)
    if inserts:
        text = _apply(text, inserts)
    inserts = _token_inserts(text, lexicon)
    return _apply(text, inserts) if inserts else text


def glued_stems(texts: Iterable[str], lexicon: Lexicon) -> set[str]:
    """Prefixes glued to two or more different follower words in ``texts``.

    "Nausedawarned" and "Nausedaand" make "Nauseda" a stem although it is never
    seen alone. At least one follower must have 3+ letters: a pair of short ones
    ("Jonas", "Jonin") is too easily a pair of real names.
    """
    followers: dict[str, set[str]] = {}
    for text in texts:
        for m in _CANDIDATE.finditer(text):
            token = m.group()
            if lexicon.is_known(token) or _URLISH.search(_chunk(text, m.start(), m.end())):
                continue
            for prefix, suffix in _follower_splits(token):
                if not prefix.isupper() and _name_like(prefix):
                    followers.setdefault(prefix, set()).add(suffix)
    return {p for p, s in followers.items()
            if len(s) >= _MIN_STEM_SUFFIXES and any(len(x) >= 3 for x in s)}
