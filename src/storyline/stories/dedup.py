"""Exact and near-duplicate articles, folded into one article with several copies.

Wire copies and re-published texts differ by a credit line, a teaser, a "Read more" or a
changed word; the story they tell is one. Each article's clean text is reduced to a MinHash
signature over word 3-shingles (datasketch); an LSH index finds the earlier articles whose
estimated Jaccard similarity may pass :data:`THRESHOLD`, and the best of them, checked on the
signatures, is the original the new article is a copy of. Inserting is incremental and costs the
same however many articles the index holds (LSH buckets, no all-pairs comparison).

Every copy keeps its own outlet and date: "carried by 5 outlets" counts copies too.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

#: Estimated Jaccard similarity of the shingle sets above which two texts are one article.
THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE = 3  #: words per shingle
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Word ``k``-shingles of the lower-cased text (the words themselves for very short texts)."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str, num_perm: int = NUM_PERM) -> MinHash:
    """The MinHash of a text's shingles (seeded: the same text always gives the same signature)."""
    m = MinHash(num_perm=num_perm, seed=1)
    sh = shingles(text)
    if sh:
        m.update_batch(list(sh))
    return m


def _from_values(values: np.ndarray, num_perm: int, scheme: str | None) -> MinHash:
    """A MinHash from stored values; datasketch 2 wants the hashing scheme they were made with."""
    if scheme:
        return MinHash(num_perm=num_perm, seed=1, hashvalues=values, scheme=scheme)  # type: ignore[call-arg]
    return MinHash(num_perm=num_perm, seed=1, hashvalues=values)


def exact_key(text: str) -> str:
    """Key of the exact text up to case, spacing and punctuation."""
    return hashlib.sha1(" ".join(_WORD.findall(text.lower())).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Copy:
    article_id: str
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class DedupResult:
    """What :meth:`Deduplicator.add` decided for one article."""

    article_id: str
    original_id: str  #: itself when it is new
    similarity: float  #: estimated Jaccard similarity with the original (1.0 for itself)
    exact: bool = False

    @property
    def is_copy(self) -> bool:
        return self.original_id != self.article_id


@dataclass(slots=True)
class _Original:
    article_id: str
    copies: list[Copy] = field(default_factory=list)


class Deduplicator:
    """Incremental near-duplicate detection; see the module docstring.

    Args:
        threshold: estimated Jaccard similarity of shingle sets that makes a copy.
        num_perm: MinHash permutations (more: finer estimates, slower).
    """

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, MinHash] = {}
        self._exact: dict[str, str] = {}
        self._originals: dict[str, _Original] = {}
        self._original_of: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._original_of)

    def add(self, article_id: str, text: str, *, outlet: str | None = None, published: str | None = None,
            sig: MinHash | None = None) -> DedupResult:
        """File one article; a copy of an earlier one is folded into it, else it is a new original."""
        if article_id in self._original_of:
            original = self._original_of[article_id]
            return DedupResult(article_id, original, 1.0, exact=False)
        copy = Copy(article_id, outlet, published)
        key = exact_key(text)
        if key in self._exact:
            return self._fold(copy, self._exact[key], 1.0, exact=True)
        sig = sig or signature(text, self.num_perm)
        best: tuple[float, str] | None = None
        for other in self._lsh.query(sig):
            sim = sig.jaccard(self._signatures[other])
            if sim >= self.threshold and (best is None or sim > best[0]):
                best = (sim, other)
        if best is not None:
            return self._fold(copy, best[1], best[0], exact=False)
        self._exact[key] = article_id
        self._signatures[article_id] = sig
        self._lsh.insert(article_id, sig)
        self._originals[article_id] = _Original(article_id, [copy])
        self._original_of[article_id] = article_id
        return DedupResult(article_id, article_id, 1.0)

    def _fold(self, copy: Copy, original_id: str, similarity: float, *, exact: bool) -> DedupResult:
        self._originals[original_id].copies.append(copy)
        self._original_of[copy.article_id] = original_id
        return DedupResult(copy.article_id, original_id, similarity, exact)

    def original_of(self, article_id: str) -> str | None:
        return self._original_of.get(article_id)

    def copies(self, original_id: str) -> list[Copy]:
        """Every copy of an original, itself first, each with its outlet."""
        return list(self._originals[original_id].copies) if original_id in self._originals else []

    def outlets(self, original_id: str) -> list[str]:
        """The distinct outlets that carried an article (in the order they were filed)."""
        return list(dict.fromkeys(c.outlet for c in self.copies(original_id) if c.outlet))

    # -- rows -----------------------------------------------------------------------------------

    def to_rows(self) -> list[dict[str, Any]]:
        """One row per article: ``{article_id, original_id, outlet, published, signature}``; the
        signature (MinHash values, hex) only on originals, so the index rebuilds without the texts."""
        rows = []
        for original in self._originals.values():
            for c in original.copies:
                row: dict[str, Any] = {"article_id": c.article_id, "original_id": original.article_id,
                                       "outlet": c.outlet, "published": c.published, "signature": None}
                if c.article_id == original.article_id:
                    row["signature"] = self._signatures[c.article_id].hashvalues.astype(np.uint64).tobytes().hex()
                    row["scheme"] = getattr(self._signatures[c.article_id], "scheme", None)
                    row["exact_key"] = next((k for k, v in self._exact.items() if v == c.article_id), None)
                rows.append(row)
        return rows

    def row(self, article_id: str, *, exact_key: str | None = None) -> dict[str, Any]:
        """The :meth:`to_rows` row of one filed article (``exact_key``: its text's, for an original),
        so a store can append the rows of new articles instead of rewriting them all."""
        original = self._original_of[article_id]
        copy = next(c for c in self._originals[original].copies if c.article_id == article_id)
        row: dict[str, Any] = {"article_id": article_id, "original_id": original, "outlet": copy.outlet,
                               "published": copy.published, "signature": None}
        if article_id == original:
            row["signature"] = self._signatures[article_id].hashvalues.astype(np.uint64).tobytes().hex()
            row["scheme"] = getattr(self._signatures[article_id], "scheme", None)
            row["exact_key"] = exact_key
        return row

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]], *, threshold: float = THRESHOLD, num_perm: int = NUM_PERM
                  ) -> Deduplicator:
        """Rebuild from :meth:`to_rows` output."""
        d = cls(threshold, num_perm)
        for row in rows:
            if row["article_id"] == row["original_id"]:
                values = np.frombuffer(bytes.fromhex(row["signature"]), dtype=np.uint64)
                sig = _from_values(values, num_perm, row.get("scheme"))
                d._signatures[row["article_id"]] = sig
                d._lsh.insert(row["article_id"], sig)
                d._originals[row["article_id"]] = _Original(row["article_id"])
                if row.get("exact_key"):
                    d._exact[row["exact_key"]] = row["article_id"]
        for row in rows:
            d._originals[row["original_id"]].copies.append(Copy(row["article_id"], row["outlet"], row["published"]))
            d._original_of[row["article_id"]] = row["original_id"]
        return d
