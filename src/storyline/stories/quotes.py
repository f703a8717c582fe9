"""The same statement reported by several articles: one quotation, several occurrences.

Outlets quote a statement in full, in part ("Kallas stressed that “the border must stay open to
trade”"), or through another translation ("the border has to stay open for trade"). Two quotations are one statement when

* their speakers do not differ (an unknown speaker differs from nobody), and
* their words mostly coincide: most of the shorter one's tokens are in the longer one (a part
  of a longer quote, a translation that changes a word or two), or rapidfuzz's token-set ratio
  is high (reordered, re-punctuated).

Grouping is incremental: candidates come from an inverted index over each quotation's rarest
tokens (posting lists capped), so adding a quotation costs the same however many the index holds.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from storyline.quotes.speakers import describes_speaker
from storyline.records import Quote
from storyline.stories.terms import fold

#: Function words left out when comparing quotations; modals and negations stay ("must", "cannot").
QUOTE_STOP = frozenset("""a an the of to in on at for by with from and or but that this these those it its is are was
were be been as so than then there their they them we our us he his him she her i me my you your""".split())
#: How much of the speaker's own words a kind of quotation gives, most first: a key quote of a
#: timeline is one the speaker said in those words, not the reporter's paraphrase of it.
KIND_RANK = {"direct": 0, "headline": 1, "partial": 2, "indirect": 3}
#: Among an event's key quotes, the speaker's own words (a direct quotation, or a headline's, which
#: is the outlet's pick of what was said) come before a partial quotation, and that before a paraphrase.
KEY_QUOTE_RANK = {"direct": 0, "headline": 0, "partial": 1, "indirect": 2}
MIN_TOKENS = 4  #: shorter quotations ("we will win") are too common to group on words alone
CONTAINMENT = 0.7  #: share of the shorter quotation's tokens found in the other
#: ... and at least this many of them (or all): three common words in common ("would we have done
#: it without him?") are a coincidence, not a statement
MIN_SHARED = 4
TOKEN_SET = 85.0  #: rapidfuzz token-set ratio that makes two quotations one
#: A wording compared with one more than this many times its size is compared sentence by sentence
#: only: any four words of a short quotation are somewhere in a broadcast's minutes-long turn.
MAX_SIZE_RATIO = 4
LOOKUP_TOKENS = 8  #: rarest already-indexed tokens a quotation looks candidates up with
POSTING_CAP = 500
_WORD = re.compile(r"[\w'’]+")
_SPACED_CLITIC = re.compile(r"(\w)\s+['’]\s*(s|t|re|ve|ll|d|m)\b", re.IGNORECASE)
QUOTE_MARK = re.compile(r'["“”„«»]')  #: a quotation mark: the words it encloses are the speaker's


def quote_tokens(text: str) -> list[str]:
    """Folded tokens of a quotation without function words; a clitic the scraper spaced out ("she ’ s",
    "hadn ’ t") is joined again, so it compares with the same words written whole."""
    text = _SPACED_CLITIC.sub(r"\1'\2", text)
    return [w for w in (_fold_word(t) for t in _WORD.findall(text)) if w and w not in QUOTE_STOP]


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    """:func:`~storyline.stories.terms.fold` of one word, remembered: quotations repeat their words."""
    return fold(word)


def sentence_tokens(text: str) -> list[frozenset[str]]:
    """Token sets of the quotation's sentences (long enough to compare), else of the whole.

    Translations and partial reports diverge sentence by sentence, so statements are compared
    sentence against sentence as well as whole against whole."""
    parts = [frozenset(quote_tokens(p)) for p in re.split(r"(?<=[.!?…])\s+", text)]
    parts = [p for p in parts if len(p) >= MIN_TOKENS]
    whole = frozenset(quote_tokens(text))
    return list(dict.fromkeys([whole, *parts])) if whole else []


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One report of a statement: a quotation in one article."""

    quote_id: str
    article_id: str
    text: str
    speaker: str | None = None
    speaker_id: str | None = None
    date: str | None = None  #: when it was said (``Quote.said_on``) or else the article's date
    outlet: str | None = None
    kind: str | None = None  #: direct | partial | headline | indirect (``Quote.kind``)
    speaker_mention: str | None = None  #: how the article words the speaker ("police", "Lepik", "she")

    @classmethod
    def from_quote(cls, q: Quote, *, published: str | None = None, outlet: str | None = None) -> Occurrence:
        return cls(q.id, q.article_id, q.text, q.speaker, q.speaker_id, q.said_on or published, outlet, q.kind,
                   q.speaker_mention)


@dataclass(slots=True)
class QuoteGroup:
    """One statement and every report of it."""

    id: str
    tokens: set[str]
    sentences: list[frozenset[str]] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)
    #: who its reports credit (:func:`speaker_key` of each), kept as reports are added
    speaker_keys: set[str] = field(default_factory=set)

    @property
    def text(self) -> str:
        """The wording most reports use; of equals, the fullest."""
        counts = Counter(o.text for o in self.occurrences)
        return max(counts, key=lambda t: (counts[t], len(t)))

    @property
    def speaker(self) -> str | None:
        names = Counter(o.speaker for o in self.occurrences if o.speaker)
        return names.most_common(1)[0][0] if names else None

    @property
    def speaker_mention(self) -> str | None:
        """How reports word a speaker none of them names ("police", "the harbour authority"): the
        wording most of them use; None when a report names the speaker, or only pronouns word it."""
        if self.speaker:
            return None
        said = Counter(o.speaker_mention for o in self.occurrences
                       if o.speaker_mention and describes_speaker(o.speaker_mention))
        return said.most_common(1)[0][0] if said else None

    @property
    def speaker_id(self) -> str | None:
        ids = Counter(o.speaker_id for o in self.occurrences if o.speaker_id)
        return ids.most_common(1)[0][0] if ids else None

    @property
    def kind(self) -> str | None:
        """The most direct kind any report gives it (:data:`KIND_RANK`): a statement one outlet
        quotes word for word and another paraphrases was said in those words."""
        kinds = [o.kind for o in self.occurrences if o.kind]
        return min(kinds, key=lambda k: KIND_RANK.get(k, len(KIND_RANK))) if kinds else None

    @property
    def first(self) -> Occurrence:
        """The earliest report (undated reports count as latest)."""
        return min(self.occurrences, key=lambda o: (o.date is None, o.date or ""))

    @property
    def latest(self) -> Occurrence:
        dated = [o for o in self.occurrences if o.date]
        return max(dated, key=lambda o: o.date or "") if dated else self.occurrences[-1]

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(o.outlet for o in self.occurrences if o.outlet))

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(o.article_id for o in self.occurrences))


def kind_rank(group: QuoteGroup) -> int:
    """How a statement ranks among an event's key quotes (:data:`KEY_QUOTE_RANK`); an unknown kind
    last. A headline that puts marks around part of its words ('X calls Y's actions "cynical"')
    gives the speaker's words only there: it ranks as a partial quotation."""
    kind = group.kind or ""
    if kind == "headline" and QUOTE_MARK.search(group.text):
        kind = "partial"
    return KEY_QUOTE_RANK.get(kind, len(KEY_QUOTE_RANK))


def same_statement(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    """Whether two token sets are the same statement (see the module docstring)."""
    short = min(len(a), len(b))
    if short < MIN_TOKENS:
        return a == b and short > 0
    if max(len(a), len(b)) > MAX_SIZE_RATIO * short:
        return False
    shared = len(a & b)
    if shared < min(short, MIN_SHARED):
        return False
    if shared / short >= CONTAINMENT:
        return True
    return fuzz.token_set_ratio(" ".join(sorted(a)), " ".join(sorted(b))) >= TOKEN_SET


def speaker_key(o: Occurrence) -> str | None:
    """Who a report credits: the speaker's entity id, else the folded name; None for nobody."""
    return o.speaker_id or (fold(o.speaker) if o.speaker else None)


def _speakers_differ(mine: str | None, g: QuoteGroup) -> bool:
    """Whether a report crediting ``mine`` (:func:`speaker_key`) has another speaker than the group."""
    if not mine:
        return False
    theirs = g.speaker_keys
    if not theirs or mine in theirs:
        return False
    # "Stoltenberg" and "Jens Stoltenberg" are one speaker when ids are missing
    return not any(mine.split()[-1] == t.split()[-1] for t in theirs if t)


class QuoteAggregator:
    """Groups quotations into statements, one at a time.

    Held in memory, or resumed from a store: a subclass that overrides the ``_stored_*`` lookups
    (:class:`storyline.store.statements.StoredStatements`) reads each word's count, the posting
    lists of the rare words a quotation looks candidates up with, each candidate statement and
    each already filed quotation when first needed, and
    :meth:`take_changes` hands over what was filed since the last call, as rows to save. Both file
    a quotation into the same statement."""

    resumes = False  #: whether earlier runs' statements are looked up (a store's subclass)

    def __init__(self, *, prefix: str = "q", next_id: int = 1) -> None:
        self.groups: dict[str, QuoteGroup] = {}
        self._df: Counter[str] = Counter()
        self._postings: dict[str, dict[str, None]] = {}
        self._group_of: dict[str, str] = {}
        self._prefix = prefix
        self._next = next_id
        self._counted_in: set[str] = set()  #: words whose stored count is in memory
        self._posted_in: set[str] = set()  #: words whose stored postings are in memory
        self._changed: dict[str, QuoteGroup] = {}  #: statements new or grown since take_changes
        self._filed: list[tuple[str, str]] = []  #: (quote id, statement id)
        self._new_postings: list[tuple[str, str]] = []  #: (word, statement id)
        self._counted: set[str] = set()  #: words whose count changed

    def add(self, occurrence: Occurrence) -> str:
        """File one quotation; returns the id of its statement group."""
        known = self._group_of.get(occurrence.quote_id) or self._stored_statement_of(occurrence.quote_id)
        if known is not None:
            self._group_of[occurrence.quote_id] = known
            self._filed.append((occurrence.quote_id, known))
            return known
        tokens = quote_tokens(occurrence.text)
        mine = sentence_tokens(occurrence.text)
        who = speaker_key(occurrence)
        words = set(tokens)
        self._load_counts(words)
        known = [t for t in words if self._df[t]]  # words an earlier quotation had: some statement holds them
        self._df.update(words)
        self._counted.update(words)
        best: tuple[float, QuoteGroup] | None = None
        for gid in self._candidates(known):
            g = self._group(gid)
            if g is None or _speakers_differ(who, g) \
                    or not any(same_statement(a, b) for a in mine for b in g.sentences):
                continue
            overlap = len(words & g.tokens) / max(1, len(words | g.tokens))
            if best is None or overlap > best[0]:
                best = (overlap, g)
        if best is None:
            gid = f"{self._prefix}{self._next}"
            self._next += 1
            group = QuoteGroup(gid, set(words), list(mine))
            self.groups[gid] = group
        else:
            group = best[1]
            new_words = words - group.tokens
            group.tokens |= words
            # every wording is kept: a later part or variant of the statement still meets one of them
            group.sentences.extend(x for x in mine if x not in group.sentences)
            del group.sentences[64:]
        group.occurrences.append(occurrence)
        if who is not None:
            group.speaker_keys.add(who)
        self._group_of[occurrence.quote_id] = group.id
        self._changed[group.id] = group
        self._filed.append((occurrence.quote_id, group.id))
        self._new_postings.extend((t, group.id) for t in sorted(words if best is None else new_words))
        for t in words:
            posting = self._postings.setdefault(t, {})
            posting[group.id] = None
            if len(posting) > POSTING_CAP:
                del posting[next(iter(posting))]
        return group.id

    def _candidates(self, known: list[str]) -> list[str]:
        """Statements holding the rarest of the ``known`` words, those holding most of them first."""
        votes: Counter[str] = Counter()
        for t in sorted(known, key=lambda t: (self._df[t], t))[:LOOKUP_TOKENS]:
            votes.update(self._posting(t).keys())
        return [gid for gid, _ in votes.most_common(20)]

    def _load_counts(self, words: set[str]) -> None:
        """Bring the stored counts of ``words`` into memory (once per word)."""
        missing = words - self._counted_in if self.resumes else None
        if missing:
            self._counted_in |= missing
            for word, df in self._stored_counts(sorted(missing)).items():
                self._df[word] += df

    def _posting(self, word: str) -> dict[str, None]:
        """The statements holding ``word``, newest last (the stored ones read when first needed)."""
        if self.resumes and word not in self._posted_in:
            self._posted_in.add(word)
            stored = self._stored_posting(word)
            if stored:
                self._postings[word] = dict.fromkeys([*stored, *self._postings.get(word, {})][-POSTING_CAP:])
        return self._postings.get(word, {})

    def _group(self, gid: str) -> QuoteGroup | None:
        group = self.groups.get(gid)
        if group is None:
            group = self._stored_group(gid)
            if group is not None:
                self.groups[gid] = group
        return group

    # -- a store's part: nothing is stored for an aggregator held in memory ----------------------

    def _stored_statement_of(self, quote_id: str) -> str | None:
        """The statement a quotation was filed into by an earlier run."""
        return None

    def _stored_counts(self, words: list[str]) -> dict[str, int]:
        """``{word: how many stored quotations hold it}`` of the stored ones among ``words``."""
        return {}

    def _stored_posting(self, word: str) -> list[str]:
        """The latest :data:`POSTING_CAP` stored statements holding ``word``, oldest first."""
        return []

    def _stored_group(self, gid: str) -> QuoteGroup | None:
        """A stored statement, without its reports (matching needs its words and speakers only)."""
        return None

    def take_changes(self) -> dict[str, list]:
        """What was filed since the last call, as rows: ``statements`` (QuoteGroup, new or grown),
        ``quotes`` (quote id, statement id), ``postings`` (word, statement id) and
        ``counts`` (word, count)."""
        out = {"statements": list(self._changed.values()), "quotes": self._filed,
               "postings": self._new_postings, "counts": [(w, self._df[w]) for w in sorted(self._counted)]}
        self._changed, self._filed, self._new_postings, self._counted = {}, [], [], set()
        return out

    @property
    def next_id(self) -> int:
        return self._next

    def group_of(self, quote_id: str) -> str | None:
        return self._group_of.get(quote_id)

    def repeated(self, min_articles: int = 2) -> list[QuoteGroup]:
        """Statements reported by at least ``min_articles`` articles, most reported first."""
        out = [g for g in self.groups.values() if len(g.articles) >= min_articles]
        return sorted(out, key=lambda g: (-len(g.outlets), -len(g.articles), g.first.date or ""))


def aggregate(occurrences: list[Occurrence]) -> list[QuoteGroup]:
    """Every statement of ``occurrences`` (in the order given), one group each."""
    agg = QuoteAggregator()
    for o in occurrences:
        agg.add(o)
    return list(agg.groups.values())
