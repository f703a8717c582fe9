"""The words around a quote, as the CLI and the web pages show them.

A quote is shown in its sentence. A long sentence, or a paragraph the parser took for one, is
cut to a window around the quote, between words and marked with "…"; the window never leaves
the quote's paragraph(s), because a headline glued to the first sentence is not context.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_CHARS = 160  #: characters of context kept each side of the quote


@dataclass(frozen=True, slots=True)
class Excerpt:
    """``text`` cut from a clean text; ``pieces`` are the quoted pieces' offsets into it."""

    text: str
    pieces: list[tuple[int, int]]


def excerpt(text: str, start: int, end: int, *, sentence: tuple[int | None, int | None] = (None, None),
            pieces: list[tuple[int, int]] | None = None, chars: int = CONTEXT_CHARS) -> Excerpt:
    """The sentence(s) ``sentence`` around ``text[start:end]``, at most ``chars`` each side of it."""
    sent_start = min(sentence[0] if sentence[0] is not None else start, start)
    sent_end = max(sentence[1] if sentence[1] is not None else end, end)
    lo, hi = max(sent_start, start - chars), min(sent_end, end + chars)
    brk = text.rfind("\n\n", lo, start)
    if brk != -1:
        sent_start = lo = brk + 2
    brk = text.find("\n\n", end, hi)
    if brk != -1:
        sent_end = hi = brk
    lead = trail = ""
    if lo > sent_start:
        lead, space = "…", text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < sent_end:
        trail, space = "…", text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    shift = lo - len(lead)
    marked = [(max(s, lo) - shift, min(e, hi) - shift) for s, e in (pieces or [(start, end)]) if e > lo and s < hi]
    return Excerpt(lead + text[lo:hi] + trail, marked)


def sentence_around(sentences: list[tuple[int, int]], start: int, end: int) -> tuple[int | None, int | None]:
    """The start of the first and the end of the last of ``sentences`` that overlap ``[start, end)``."""
    hit = [(s, e) for s, e in sentences if e > start and s < end]
    return (hit[0][0], hit[-1][1]) if hit else (None, None)
