"""Parse only what the quote stage needs, and map tokens back to article offsets.

Ingest runs spaCy with the sentence recogniser and NER only. The quote stage
needs a dependency parse, but only around quote marks and reporting cues: it
selects those sentences (merging neighbours in one paragraph, so a quote and its
attribution are parsed together), parses them in one ``nlp.pipe`` call for a
whole batch of articles, and keeps each unit's offset into the clean text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.nlp import load_nlp
from storyline.quotes.cues import has_cue_word
from storyline.quotes.marks import MARKS, QUOTE_CHARS
from storyline.records import Sentence

#: the parser, tagger and their embeddings; NER and sentences come from ingest
PARSE_EXCLUDE = ("senter", "ner", "lemmatizer")
MAX_UNIT_CHARS = 3000  # a longer run of sentences is parsed sentence by sentence


@dataclass(slots=True)
class Unit:
    start: int
    end: int
    doc: Any = None  #: spaCy Doc of ``text[start:end]``


@dataclass(slots=True)
class Parsed:
    """The parsed units of one article, with token lookup by clean-text offset."""

    units: list[Unit] = field(default_factory=list)

    def unit_at(self, offset: int) -> Unit | None:
        k = bisect_right([u.start for u in self.units], offset) - 1
        if k >= 0 and self.units[k].start <= offset < self.units[k].end:
            return self.units[k]
        return None

    def tokens(self, start: int, end: int) -> list[Any]:
        """Tokens lying within ``[start, end)`` (from every unit that overlaps it)."""
        out = []
        for u in self.units:
            if u.end <= start or u.start >= end or u.doc is None:
                continue
            for t in u.doc:
                at = u.start + t.idx
                if start <= at and at + len(t.text) <= end:
                    out.append(t)
        return out

    def offset(self, token: Any) -> int:
        return token.doc.user_data["base"] + token.idx


def select_units(text: str, sentences: Sequence[Sentence]) -> list[Unit]:
    """Runs of sentences in one paragraph that hold a quote mark or a cue word."""
    sents = list(sentences) or [Sentence(0, len(text))]
    # sentences never cross paragraphs here: split them at newlines
    pieces: list[tuple[int, int]] = []
    for s in sents:
        at = s.start
        for part in text[s.start:s.end].split("\n"):
            if part.strip():
                lead = len(part) - len(part.lstrip())
                pieces.append((at + lead, at + len(part.rstrip())))
            at += len(part) + 1
    units: list[Unit] = []
    for start, end in pieces:
        chunk = text[start:end]
        if not (any(c in QUOTE_CHARS for c in chunk) or has_cue_word(chunk)):
            continue
        last = units[-1] if units else None
        if (last is not None and "\n" not in text[last.end:start] and end - last.start <= MAX_UNIT_CHARS):
            last.end = end
        else:
            units.append(Unit(start, end))
    return units


def _parse_text(chunk: str) -> str:
    """The unit's text for the parser: a closing mark glued to the next word becomes a space
    (``Belarus.”declared``), so the tokenizer sees two words; offsets are unchanged."""
    chars = list(chunk)
    for i in range(1, len(chars) - 1):
        c = chars[i]
        if c in QUOTE_CHARS and MARKS[c][1] != "open" and chars[i + 1].isalpha() and not chars[i - 1].isalnum():
            chars[i] = " "
    return "".join(chars)


def parse(articles: Sequence[tuple[str, Sequence[Sentence]]], *, batch_size: int = 64) -> list[Parsed]:
    """Select and parse the units of several articles in one pass."""
    nlp = load_nlp(exclude=PARSE_EXCLUDE)
    parsed = [Parsed(select_units(text, sents)) for text, sents in articles]
    jobs = [(p, u, text) for p, (text, _) in zip(parsed, articles) for u in p.units]
    texts = (_parse_text(text[u.start:u.end]) for _, u, text in jobs)
    for (_, unit, _), doc in zip(jobs, nlp.pipe(texts, batch_size=batch_size)):
        doc.user_data["base"] = unit.start
        unit.doc = doc
    return parsed
