"""Salient terms of an article: weighted content words and named entities, for story matching.

An article is reduced to a small sparse vector: content-word stems and named-entity keys,
weighted by where they occur (the title and the lead tell the event; the body adds background
that every article of a running story shares) and by how rare they are. Rarity is a document
frequency kept by the caller (:class:`DocumentFrequencies`, updated one article at a time),
blended with a prior from general English word frequencies (``wordfreq``): the first articles
of a fresh store have no corpus statistics yet, and "said" must not look as telling as
"earthquake" just because the store has seen two articles.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

#: Entity labels whose names make good matching keys (dates and numbers do not).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"})

#: Function words and news-writing verbs that say nothing about which event it is.
STOPWORDS = frozenset("""
a about above after again against all almost also although always am among an and another any anyone
are around as at away back be became because become been before being below between both but by
can cannot could did do does doing done down during each either else even ever every few for from
further get gets getting go goes going gone got had has have having he her here hers herself him
himself his how however i if in into is it its itself just last least less like made make many may
me might more most much must my myself near neither never new next no nor not now of off often on
once one only onto or other others our ours ourselves out over own per perhaps quite rather really
said same say saying says see seen she should since so some still such than that the their theirs
them themselves then there these they this those though through thus to today told too toward
towards under until up upon us very via was we well were what whatever when where whether which
while who whom whose why will with within without would yes yet you your yours yourself
according added adding also asked called calling told tell telling stated noted reported
week weeks day days month months year years time times monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november
december mr mrs ms dr percent per cent news report reports reuters ap afp cnn bbc com www http https
two three four five six seven eight nine ten first second third former including included include
""".split())

#: a word: letters of any script ("Nausėda", "Hajnówka" are one word each), or a number
_TOKEN = re.compile(r"[^\W\d_][^\W_]*(?:['’-][^\W_]+)*|\d+(?:[.,]\d+)?")
_POSSESSIVE = re.compile(r"['’]s$")
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})

#: Pseudo-documents the general-English prior is worth at most: a few hundred articles' worth of
#: evidence, so a real corpus overrides it after a few hundred articles ...
PRIOR_DOCS = 300.0
#: ... and at least, while the store is smaller: the prior counts as much as the store itself, so
#: a word in eight of a store's ten articles ("Stoltenberg", in a store about NATO) is common there,
#: however rare it is in English
MIN_PRIOR_DOCS = 10.0
#: Words in a typical article: turns a per-token frequency into a chance of occurring in a document.
_DOC_WORDS = 300.0


def fold(text: str) -> str:
    """Lower case without diacritics or punctuation: "Nausėda's" → "nausedas"."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", "", text)).strip()


def strip_accents(text: str) -> str:
    """``text`` without combining accents ("Nausėda" → "Nauseda"; "ł" stays), as the full-text index
    folds words (``remove_diacritics 2``), so a word filter and the index agree."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)  # a corpus repeats its words: a timeline over a topic stems millions of them
def stem(word: str) -> str:
    """A light English suffix stripper: enough to meet "meets"/"meeting"/"met" halfway, no more."""
    if len(word) <= 4 or word[-1].isdigit():
        return word
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ness", ""), ("ments", "ment"), ("ing", ""),
                         ("ed", ""), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss" if suffix == "s" else "\0"):
            return word[: len(word) - len(suffix)] + repl
    return word


def content_words(text: str) -> list[str]:
    """Lower-cased words of ``text`` minus stopwords, possessives dropped (surface forms)."""
    out = []
    for m in _TOKEN.finditer(text):
        w = _POSSESSIVE.sub("", m.group().lower()).replace("’", "'")
        if len(w) < 2 or w in STOPWORDS or (w.isdigit() and len(w) < 3):
            continue
        out.append(w)
    return out


def entity_key(name: str) -> str | None:
    """The matching key of an entity name: folded, without a leading article or possessive."""
    name = _POSSESSIVE.sub("", name.strip())
    key = fold(re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE))
    return key or None


@lru_cache(maxsize=200_000)
def prior_doc_frequency(word: str) -> float:
    """The chance that a news article contains ``word``, from its general English frequency."""
    try:
        from wordfreq import word_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency; degrade to "rare"
        return 0.0
    f = word_frequency(word, "en")
    return 1.0 - math.exp(-_DOC_WORDS * f)


@dataclass(slots=True)
class DocumentFrequencies:
    """Document frequencies of terms, kept incrementally; idf blends them with the English prior."""

    docs: int = 0
    df: Counter[str] = field(default_factory=Counter)
    prior: dict[str, float] = field(default_factory=dict)  #: term → prior document frequency

    def add(self, terms: Iterable[str], priors: dict[str, float]) -> None:
        self.docs += 1
        for t in set(terms):
            self.df[t] += 1
        for t, p in priors.items():
            if p > self.prior.get(t, -1.0):
                self.prior[t] = p

    def idf(self, term: str, prior: float | None = None) -> float:
        p = self.prior.get(term, 0.0) if prior is None else prior
        weight = min(PRIOR_DOCS, max(MIN_PRIOR_DOCS, float(self.docs)))
        return math.log((self.docs + weight + 1.0) / (self.df.get(term, 0) + weight * p + 0.5))


@dataclass(slots=True)
class TermBag:
    """Weighted term counts of one article before idf: ``{term: weight}`` and each term's prior."""

    weights: dict[str, float]
    priors: dict[str, float]


#: How much a word counts by where it stands: the title and lead say what happened.
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
#: Entity keys count on top of their words: a shared name is stronger evidence than a shared word.
ENTITY_WEIGHT = 1.5


def term_bag(regions: Iterable[tuple[str, float]], names: Iterable[tuple[str, float]]) -> TermBag:
    """Stems of the words of each ``(text, weight)`` region plus ``e:``-prefixed entity keys."""
    weights: Counter[str] = Counter()
    priors: dict[str, float] = {}
    for text, w in regions:
        for word in content_words(text):
            s = stem(word)
            weights[s] += w
            p = prior_doc_frequency(word)
            if p > priors.get(s, -1.0):
                priors[s] = p
    for name, w in names:
        key = entity_key(name)
        if not key:
            continue
        t = "e:" + key
        weights[t] += w * ENTITY_WEIGHT
        # a name is as common as its rarest word ("Jens Stoltenberg" as rare as "stoltenberg")
        priors[t] = min((prior_doc_frequency(x) for x in key.split()), default=0.0)
    return TermBag(dict(weights), priors)


def shared_words(vector: dict[str, float], other: dict[str, float]) -> int:
    """How many different words the terms of ``vector`` that ``other`` holds are made of: a name
    counts its words, and a name and the same word as a term count once ("e:rihanna", "rihanna")."""
    words: set[str] = set()
    for t in vector:
        if not other.get(t):
            continue
        if t.startswith("e:"):
            words.update(stem(w) for w in t[2:].split())
        else:
            words.add(t)
    return len(words)


def weigh(bag: TermBag, dfs: DocumentFrequencies, *, top: int = 80) -> dict[str, float]:
    """The article's unit-length tf-idf vector over its ``top`` most salient terms (sublinear tf)."""
    vec = {t: (1.0 + math.log(w)) * dfs.idf(t, bag.priors.get(t, 0.0)) for t, w in bag.weights.items() if w >= 1.0}
    vec.update({t: w * dfs.idf(t, bag.priors.get(t, 0.0)) for t, w in bag.weights.items() if w < 1.0})
    best = sorted(vec.items(), key=lambda kv: -kv[1])[:top]
    norm = math.sqrt(sum(v * v for _, v in best)) or 1.0
    return {t: v / norm for t, v in best if v > 0}
