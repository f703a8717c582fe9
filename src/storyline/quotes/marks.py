"""Quote-mark scanning that never gives up on an article.

Scraped and machine-translated news mixes every quote style (“ ” ‘ ’ " ' « » „ ‚),
leaves marks unbalanced, glues them to the next word (``Belarus.”declared``) or
turns them around (``closer ” to its rightful place”``). A strict pairing parser
fails a whole article for one stray mark, so this one decides each mark from its
own context, paragraph by paragraph:

1. every mark gets the roles it *can* play from the characters around it
   (left-flanking: may open; right-flanking: may close; an apostrophe between
   letters plays none);
2. marks are paired with a small stack per paragraph; a mark that can only
   close when nothing is open is ignored, an opener left open at the end of a
   paragraph runs to the end of it (as PolNeAR reads them);
3. an open quote whose next paragraph starts with an opening mark is one quote
   running over several paragraphs (the news convention).
"""

from __future__ import annotations

from dataclasses import dataclass

#: mark -> (family, nominal role): family "d" (double) or "s" (single); role "open" | "close" | "either"
MARKS: dict[str, tuple[str, str]] = {
    "\u201c": ("d", "open"),  # “ (closes in German „…“: handled by the family match)
    "\u201d": ("d", "close"),  # ”
    "\u201e": ("d", "open"),  # „
    "\u00ab": ("d", "open"),  # «
    "\u00bb": ("d", "close"),  # »
    '"': ("d", "either"),
    "\u2018": ("s", "open"),  # ‘
    "\u2019": ("s", "close"),  # ’ (usually an apostrophe)
    "\u201a": ("s", "open"),  # ‚
    "\u2039": ("s", "open"),  # ‹
    "\u203a": ("s", "close"),  # ›
    "'": ("s", "either"),
}
QUOTE_CHARS = frozenset(MARKS)
_OPEN_CONTEXT = set("([{—–-/:;,") | QUOTE_CHARS
_CLOSE_CONTEXT = set(".,;:!?)]}—–-…") | QUOTE_CHARS


@dataclass(slots=True)
class QuoteSpan:
    """One quoted stretch: ``text[start:end]`` is the content without its marks."""

    start: int
    end: int
    open_at: int  #: offset of the opening mark
    close_at: int | None  #: offset of the closing mark; None when the paragraph ended first
    family: str  #: "d" double or "s" single
    para_start: int
    para_end: int
    close_len: int = 1  #: width of the closing mark (2 for a typewriter '')
    continues: bool = False  #: the quote goes on in the next paragraph's opening quote
    continued: bool = False  #: this piece continues the previous paragraph's quote

    @property
    def closed(self) -> bool:
        return self.close_at is not None

    @property
    def outer_end(self) -> int:
        """End offset including the closing mark."""
        return self.close_at + self.close_len if self.close_at is not None else self.end


def _roles(text: str, i: int, lo: int, hi: int, width: int = 1) -> tuple[bool, bool]:
    """Can the mark at ``i`` (``width`` characters) open, can it close (by the characters around it)?"""
    left = text[i - 1] if i > lo else " "
    right = text[i + width] if i + width < hi else " "
    can_open = not right.isspace() and (left.isspace() or left in _OPEN_CONTEXT)
    can_close = not left.isspace() and (right.isspace() or right in _CLOSE_CONTEXT or right.isalpha())
    return can_open, can_close


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    left = text[i - 1] if i > lo else " "
    right = text[i + 1] if i + 1 < hi else " "
    if left.isalnum() and right.isalnum():
        return True  # don’t, Russia’s, O'Brien
    # ’90s, 'em: an elided start of a word, not an opening quote
    return left.isspace() and right.isdigit()


def scan(text: str) -> list[QuoteSpan]:
    """Top-level quoted spans of ``text`` in order (nested quotes stay inside their outer one)."""
    spans: list[QuoteSpan] = []
    pos = 0
    for para in text.split("\n"):
        lo, hi = pos, pos + len(para)
        pos = hi + 1
        if not any(c in QUOTE_CHARS for c in para):
            continue
        spans.extend(_scan_paragraph(text, lo, hi))
    _link_paragraphs(text, spans)
    return spans


def _scan_paragraph(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []  # (mark, offset) of open quotes, outermost first
    # single quotes only count when the paragraph has an opener for them: ’ is mostly an apostrophe
    singles = any(
        text[i] in ("\u2018", "\u201a", "\u2039")
        or (text[i] == "'" and _roles(text, i, lo, hi)[0] and not _is_apostrophe(text, i, lo, hi))
        for i in range(lo, hi)
    )
    widths: dict[int, int] = {}  # offset of a two-character mark -> 2
    for i, ch, width in _marks(text, lo, hi):
        spec = MARKS.get(ch)
        if spec is None:
            continue
        family, nominal = spec
        if family == "s" and (not singles or _is_apostrophe(text, i, lo, hi)):
            continue
        widths[i] = width
        role = _role(text, i, lo, hi, nominal, stack, family, width)
        if role == "close":
            if not any(MARKS[m][0] == family for m, _ in stack):
                continue  # a stray closer with nothing of its kind open
            while stack and MARKS[stack[-1][0]][0] != family:
                stack.pop()  # an unclosed nested quote ends with its outer one
            mark, at = stack.pop()
            if not stack:
                out.append(QuoteSpan(at + widths[at], i, at, i, family, lo, hi, close_len=width))
            continue
        if role != "open":
            continue
        if len(stack) == 1 and MARKS[stack[0][0]][0] == family and _same_style(stack[0][0], ch):
            # `“A … “B …”`: the first quote was never closed; end it where the next one opens
            mark, at = stack.pop()
            out.append(QuoteSpan(at + widths[at], _trim_end(text, at + widths[at], i), at, None, family, lo, hi))
        if family == "s" and stack and not (_roles(text, i, lo, hi)[0]):
            continue  # inside a quote, a single mark must clearly open to nest
        stack.append((ch, i))
    if stack:
        mark, at = stack[0]
        end = _trim_end(text, at + widths[at], hi)
        out.append(QuoteSpan(at + widths[at], end, at, None, MARKS[mark][0], lo, hi))
    return [s for s in out if text[s.start:s.end].strip()]


def _marks(text: str, lo: int, hi: int) -> list[tuple[int, str, int]]:
    """``(offset, mark, width)`` of the paragraph's quote marks; in a paragraph without curly double
    quotes, the typewriter pairs \`\` and '' (PTB and New York Times style) are double quotes."""
    para = text[lo:hi]
    pairs = ("``" in para or "''" in para) and not any(c in "\u201c\u201d\u201e\u00ab\u00bb" for c in para)
    out = []
    i = lo
    while i < hi:
        two = text[i:i + 2]
        if pairs and two in ("``", "''"):
            out.append((i, "\u201c" if two == "``" else '"', 2))
            i += 2
            continue
        if text[i] in QUOTE_CHARS:
            out.append((i, text[i], 1))
        i += 1
    return out


def _role(text: str, i: int, lo: int, hi: int, nominal: str, stack: list[tuple[str, int]], family: str,
          width: int = 1) -> str:
    """"open", "close" or "skip" for the mark at ``i``."""
    can_open, can_close = _roles(text, i, lo, hi, width)
    is_open = bool(stack) and MARKS[stack[-1][0]][0] == family
    if can_close and not can_open:
        return "close"
    if can_open and not can_close:
        return "open"
    if can_open and can_close and nominal != "either":
        return nominal  # glued on both sides (`Belarus.”declared`): trust the glyph
    # straight marks glued on both sides, or any mark between spaces (`closer ” to its place”`)
    if family == "s" and not is_open:
        return "skip"
    if not is_open and _closes_earlier_paragraph(text, i, lo, hi, width):
        return "skip"
    return "close" if is_open else "open"


def _closes_earlier_paragraph(text: str, i: int, lo: int, hi: int, width: int) -> bool:
    """A spaced mark after a sentence's end or a comma, then a few words in lower case to the
    paragraph's end ('… rather than against them , " he said.'): the close of a quotation an earlier
    paragraph opened, not the start of one that holds "he said"."""
    before, after = text[lo:i].rstrip(), text[i + width:hi].split()
    return (bool(before) and before[-1] in ",.!?…" and 0 < len(after) <= 10 and after[0][:1].islower()
            and not any(c in QUOTE_CHARS for c in text[i + width:hi]))


def _same_style(a: str, b: str) -> bool:
    """Both straight, or both curly/guillemet (a curly quote nested in a straight one is real nesting)."""
    return (a in "\"'") == (b in "\"'")


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _link_paragraphs(text: str, spans: list[QuoteSpan]) -> None:
    """Mark quotes left open at a paragraph's end that go on in the next paragraph's opening quote."""
    for a, b in zip(spans, spans[1:]):
        if a.closed or a.family != "d" or b.para_start <= a.para_end:
            continue
        between = text[a.para_end:b.open_at]
        if between.strip() == "" and b.open_at == b.para_start + _lead(text, b.para_start):
            a.continues = True
            b.continued = True


def _lead(text: str, at: int) -> int:
    n = 0
    while at + n < len(text) and text[at + n] in " \t":
        n += 1
    return n


def inside(spans: list[QuoteSpan], start: int, end: int | None = None) -> QuoteSpan | None:
    """The quote whose marks enclose ``[start, end)`` (or offset ``start``), if any."""
    end = start + 1 if end is None else end
    for s in spans:
        if s.open_at <= start and end <= s.outer_end:
            return s
        if s.open_at > end:
            break
    return None


def strip_quotes(text: str) -> str:
    """``text`` with its quote marks removed (apostrophes kept)."""
    return "".join(c for i, c in enumerate(text) if c not in QUOTE_CHARS or _is_apostrophe(text, i, 0, len(text)))


#: Opening marks a displayed quotation may already start with, and the marks that close them.
_ENCLOSING = {"\u201c": "\u201d", "\u201e": "\u201c\u201d", "\u00ab": "\u00bb", '"': '"'}


def in_quotes(text: str) -> str:
    """``text`` between quotation marks for display: “text”. A text that is itself one quotation
    (the content of "said that “…”") keeps its own marks instead of getting a second pair; one cut
    short (“… in Bruss…) gets its closing mark."""
    closers = _ENCLOSING.get(text[:1])
    if closers is None:
        return f"\u201c{text}\u201d"
    depth = 0
    for i, c in enumerate(text):
        if i > 0 and c in closers and depth > 0:
            depth -= 1
            if depth == 0:
                return text if i == len(text) - 1 else f"\u201c{text}\u201d"
        elif c == text[0]:
            depth += 1
    return text + closers[-1]
