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

#: the parser, tagger and their embeddings; NER and sentences come from ingest. The attribute
#: ruler (tag -> POS) is left out too: its matcher cost a third of the stage, :func:`upos` maps tags
PARSE_EXCLUDE = ("senter", "ner", "lemmatizer", "attribute_ruler")
#: Penn Treebank tag -> universal POS, as the attribute ruler maps them
_UPOS = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PRP": "PRON", "PRP$": "PRON",
         "WP": "PRON", "WP$": "PRON", "EX": "PRON", "DT": "DET", "PDT": "DET", "WDT": "DET", "JJ": "ADJ",
         "JJR": "ADJ", "JJS": "ADJ", "AFX": "ADJ", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV",
         "IN": "ADP", "RP": "ADP", "CC": "CCONJ", "CD": "NUM", "POS": "PART", "TO": "PART", "MD": "AUX",
         "UH": "INTJ", "SYM": "SYM", "FW": "X", "LS": "X", "ADD": "X", "XX": "X", "NFP": "PUNCT", "HYPH": "PUNCT"}
_AUX = frozenset("be is am are was were been being have has had having do does did will would shall should may "
                 "might can could must".split())
MAX_UNIT_CHARS = 3000
_STAND_IN = "It is so"  # what the parser reads in place of a hidden direct quotation  # a longer run of sentences is parsed sentence by sentence


def token_offset(tok: Any) -> int:
    """Offset of a parsed token in the article's clean text."""
    return tok.doc.user_data["offsets"][tok.i]


def upos(tok: Any) -> str:
    """Universal POS of a token from its fine-grained tag (verbs of being and having are AUX)."""
    tag = tok.tag_
    if tag.startswith("VB"):
        return "AUX" if tok.lower_ in _AUX and tok.dep_ in ("aux", "auxpass", "ROOT", "ccomp", "cop") else "VERB"
    return _UPOS.get(tag, "PUNCT" if not tok.text.isalnum() and tok.is_punct else "X")


@dataclass(slots=True)
class Unit:
    start: int
    end: int
    doc: Any = None  #: spaCy Doc of ``text[start:end]``
    starts: list[int] = field(default_factory=list)  #: token offsets into the clean text


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
        k = max(0, bisect_right(self._unit_starts(), start) - 1)
        for u in self.units[k:]:
            if u.start >= end:
                break
            if u.end <= start or u.doc is None:
                continue
            if not u.starts:
                u.starts = list(u.doc.user_data["offsets"])
            i = bisect_right(u.starts, start - 1)
            while i < len(u.starts) and u.starts[i] < end:
                t = u.doc[i]
                if u.starts[i] + len(t.text) <= end:
                    out.append(t)
                i += 1
        return out

    def _unit_starts(self) -> list[int]:
        return [u.start for u in self.units]

    def offset(self, token: Any) -> int:
        return token_offset(token)


def select_units(text: str, sentences: Sequence[Sentence], quoted: Sequence[tuple[int, int]] = ()) -> list[Unit]:
    """Runs of sentences in one paragraph that hold, outside the ``quoted`` spans, a cue word, or a
    quote mark and some words of their own: a sentence wholly inside a quotation needs no parse."""
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
    spans = sorted(quoted)
    for start, end in pieces:
        outside = _outside(text, start, end, spans)
        if not (has_cue_word(outside) or text[start:end].endswith(":") or (
                any(c in QUOTE_CHARS for c in text[start:end]) and len(outside.split()) >= 2)):
            continue
        last = units[-1] if units else None
        if (last is not None and "\n" not in text[last.end:start] and end - last.start <= MAX_UNIT_CHARS):
            last.end = end
        else:
            units.append(Unit(start, end))
    return units


def _outside(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with the quoted stretches blanked out."""
    k = max(0, bisect_right(spans, (start, start)) - 1)
    parts, at = [], start
    for s, e in spans[k:]:
        if s >= end:
            break
        if e <= at:
            continue
        parts.append(text[at:max(at, s)])
        at = max(at, e)
    parts.append(text[at:end] if at < end else "")
    return " ".join(parts)


def _parse_text(text: str, start: int, end: int, hide: Sequence[tuple[int, int]]) -> tuple[str, list[int]]:
    """The unit's text for the parser and, per character, its offset in the article.

    A closing mark glued to the next word becomes a space (``Belarus.”declared``), so the
    tokenizer sees two words. The content of each ``hide`` span (a direct quotation: only its
    frame matters) is replaced by a short stand-in clause, which keeps the parse of the frame
    and spares parsing the quotation itself (most of the words of quote-rich news)."""
    chars: list[str] = []
    where: list[int] = []
    at = start
    for s, e in sorted(hide):
        if s < at or e > end:
            continue
        chars.extend(text[at:s])
        where.extend(range(at, s))
        tail = text[s:e].rstrip()
        stand_in = _STAND_IN + (tail[-1] if tail and tail[-1] in ",.?!" else "")
        chars.extend(stand_in)
        where.extend([s] * len(stand_in))
        at = e
    chars.extend(text[at:end])
    where.extend(range(at, end))
    for i in range(1, len(chars) - 1):
        c = chars[i]
        if c in QUOTE_CHARS and MARKS[c][1] != "open" and chars[i + 1].isalpha() and not chars[i - 1].isalnum():
            chars[i] = " "
    return "".join(chars), where


def parse_spans(articles: Sequence[tuple[str, Sequence[tuple[int, int]]]], *, batch_size: int = 64) -> list[list[Any]]:
    """Parse the given spans of several articles (text, spans) in one pass: per article, one Doc
    per span, its ``user_data["offsets"]`` the clean-text offset of each token."""
    nlp = load_nlp(exclude=PARSE_EXCLUDE)
    jobs = [(k, _parse_text(text, s, e, ())) for k, (text, spans) in enumerate(articles) for s, e in spans]
    out: list[list[Any]] = [[] for _ in articles]
    for (k, (_, where)), doc in zip(jobs, nlp.pipe((t for _, (t, _) in jobs), batch_size=batch_size)):
        doc.user_data["offsets"] = [where[t.idx] for t in doc]
        out[k].append(doc)
    return out


def parse(articles: Sequence[tuple[str, Sequence[Sentence], Sequence[tuple[int, int]], Sequence[tuple[int, int]]]],
          *, batch_size: int = 256) -> list[Parsed]:
    """Select and parse the units of several articles (text, sentences, quoted spans, spans to
    hide from the parser) in one pass."""
    nlp = load_nlp(exclude=PARSE_EXCLUDE)
    parsed = [Parsed(select_units(text, sents, quoted)) for text, sents, quoted, _ in articles]
    jobs = [(u, _parse_text(text, u.start, u.end, hide)) for p, (text, _, _, hide) in zip(parsed, articles)
            for u in p.units]
    for (unit, (_, where)), doc in zip(jobs, nlp.pipe((t for _, (t, _) in jobs), batch_size=batch_size)):
        doc.user_data["offsets"] = [where[t.idx] for t in doc]
        unit.doc = doc
    return parsed
