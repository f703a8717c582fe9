"""Lines a site repeats across unrelated articles: the debris no single page gives away.

A comment policy ("Posts below are our readers' own and are not checked"), a copyright notice, a
market-data disclaimer or a teaser for another story reads like prose on the page it sits on, so
the per-page rules keep it. Across a pile of articles it gives itself away: the same line comes
back in many articles that share nothing else (the site-level template detection of Bar-Yossef and
Rajagopalan, 2002). A story's own lines come back too, in the copies and updates of one report
and in background paragraphs a wire repeats ("The bridge has been closed to lorries since
2019."), so a repeated line is taken for debris only when all three hold:

* at least :data:`MIN_OTHER_ARTICLES` other articles hold it, word for word;
* it is in at least :data:`TIMES_THE_PAGE` times as many articles as the line a typical word of
  the page is on (an update of a story shares most of its lines with the earlier versions, debris
  and all);
* at most :data:`MAX_SHARED` of its content words appear in the rest of the page (a background
  paragraph speaks of what the story speaks of; a comment policy does not); for a line in
  :data:`WIDE_SPREAD` articles or more, half (a policy that names the outlet, "Readers' posts are
  not the Harbour News's opinion", shares a word with every page of it).

Pages too short to tell what they speak of (:data:`MIN_PAGE_WORDS`) are left alone.

:class:`LineBook` is where the counts come from: the store for ``storyline ingest``
(:class:`storyline.store.Store`), :class:`MemoryLineBook` for one process's run.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Protocol

from storyline.clean.metadata import normalise_for_compare
from storyline.stories.terms import content_words

MIN_OTHER_ARTICLES = 5
TIMES_THE_PAGE = 3
MAX_SHARED = 0.2
WIDE_SPREAD, MAX_SHARED_WIDE = 50, 0.5
MIN_PAGE_WORDS = 20  #: content words the rest of the page needs before a line is judged against it
REASON = "repeated on other pages"


def line_key(line: str) -> int | None:
    """A 63-bit key of a line, the same for lines the clean stage calls the same (letters and digits,
    lower case: :func:`storyline.clean.metadata.normalise_for_compare`, as for a repeated headline);
    None for a line without either (a rule of underscores is on every page and no site's own)."""
    norm = normalise_for_compare(line)
    return int.from_bytes(hashlib.blake2b(norm.encode(), digest_size=8).digest(), "big") >> 1 if norm else None


def page_keys(lines: Iterable[str]) -> list[int | None]:
    """The key of each line; None for a line of no letters or digits."""
    return [line_key(line) for line in lines]


def repeated_lines(lines: Sequence[str], others: Sequence[int]) -> list[int]:
    """Indices of the lines that are a site's repeated debris; ``others[i]``: how many other
    articles hold line ``i`` (see the module's doc for the three tests)."""
    typical = _typical(lines, others)
    if typical is None:
        return []
    floor = max(MIN_OTHER_ARTICLES, TIMES_THE_PAGE * typical)
    candidates = [i for i, line in enumerate(lines) if line.strip() and others[i] >= floor]
    if not candidates:
        return []
    chosen = set(candidates)
    page: set[str] = set()
    for i, line in enumerate(lines):
        if i not in chosen:
            page |= _words_of(line)
    if len(page) < MIN_PAGE_WORDS:
        return []
    out = []
    for i in candidates:
        words = _words_of(lines[i])
        most = MAX_SHARED_WIDE if others[i] >= WIDE_SPREAD else MAX_SHARED
        if not words or len(words & page) <= most * len(words):
            out.append(i)
    return out


def _words_of(line: str) -> set[str]:
    """The story's content words (:func:`storyline.stories.terms.content_words`) that tell what a line is
    about: not numbers or two-letter words, which a copyright year or "ET" shares with any page."""
    return {w for w in content_words(line) if w.isalpha() and len(w) > 2}


def _typical(lines: Sequence[str], others: Sequence[int]) -> int | None:
    """How many other articles hold the line a typical word of the page is on (the median over
    words, so one long paragraph outweighs a footer)."""
    weighted = sorted((others[i], len(line.split())) for i, line in enumerate(lines) if line.strip())
    half, seen = sum(n for _, n in weighted) / 2, 0
    for count, n in weighted:
        seen += n
        if seen >= half:
            return count
    return None


class LineBook(Protocol):
    """Which articles hold which lines (keys from :func:`line_key`)."""

    def record_lines(self, pages: Iterable[tuple[str, Iterable[int | None]]]) -> None:
        """Record ``(article id, keys of its lines)`` for a batch of articles (None keys are skipped)."""
        ...

    def other_articles_with_lines(self, article_id: str, keys: Iterable[int]) -> dict[int, int]:
        """``{key: number of articles other than article_id holding it}``, for keys held by any."""
        ...


class MemoryLineBook:
    """A :class:`LineBook` in memory, for a run without a store (benchmarks, ``eval``)."""

    def __init__(self) -> None:
        self._holders: defaultdict[int, set[str]] = defaultdict(set)

    def record_lines(self, pages: Iterable[tuple[str, Iterable[int | None]]]) -> None:
        for article_id, keys in pages:
            for key in keys:
                if key is not None:
                    self._holders[key].add(article_id)

    def other_articles_with_lines(self, article_id: str, keys: Iterable[int]) -> dict[int, int]:
        out = {}
        for key in set(keys):
            holders = self._holders.get(key)
            if holders:
                out[key] = len(holders) - (article_id in holders)
        return out


def line_counts(book: LineBook, article_id: str, keys: Sequence[int | None]) -> list[int]:
    """How many other articles hold each line of a page (0 for blank lines)."""
    found = book.other_articles_with_lines(article_id, [k for k in keys if k is not None])
    return [found.get(k, 0) if k is not None else 0 for k in keys]
