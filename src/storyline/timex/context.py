"""Context of a time expression: its sentence, its clause and the tense around it.

News semantics: a weekday or month named without "next"/"last" points back in time (the most
recent one on or before the article date) unless the verbs around it look forward. The tense is
read from cue words, no tagger needed: modal and planning verbs ("will", "is to", "plans to",
"is expected to", "scheduled") look forward; "said", "was", irregular past forms and ``-ed`` verbs
look back. The cue nearest the expression in its clause wins; with none in the clause, the nearest
in the sentence; with none at all, the direction is 0 (unknown) and each rule uses its default.
"""

from __future__ import annotations

import bisect
import re

_ABBREV = frozenset("""mr mrs ms dr prof gen sen rep gov lt col maj capt sgt st jr sr inc corp co ltd
    jan feb mar apr jun jul aug sep sept oct nov dec no vs etc u.s u.k u.n e.u a.m p.m""".split())
_SENT_END = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n|\n(?=[\"'“‘]?[A-Z])")

FUTURE_CUES = (
    r"will|shall|won't|won’t|wo n't|gonna|going to|would|(?:is|are|am|was|were|be)\s+(?:due|set|scheduled|"
    r"expected|slated|planned|poised|supposed|likely|about|going|planning|preparing)\s+(?:to|for|on|in)|"
    r"(?:is|are|am|was|were)\s+to\s+(?!be\s+(?:blamed)\b)\w+|plans?\s+to|planning\s+to|intends?\s+to|"
    r"hopes?\s+to|planned\s+to|(?:set|slated|poised|scheduled)\s+to|aims?\s+to|wants?\s+to|expects?\s+to|"
    r"scheduled|upcoming|forthcoming|ahead|"
    r"(?:postpone[sd]?|delay(?:ed|s)?|extend(?:ed|s)?|adjourn(?:ed|s)?|defer(?:red|s)?|reschedule[sd]?|put off)"
    r"\s+(?:[\w'’$.,-]+\s+){0,6}?(?:until|till|to)|"
    r"as soon as|as early as|no later than|by the end of|next"
)
_IRREGULAR_PAST = """said told was were had did met made took came went gave got held began left saw sent spent
    won lost fell rose hit struck shot fought brought bought thought caught sought flew drew grew threw knew
    wrote spoke broke chose drove rode fled found heard kept led meant paid ran sat stood understood felt
    built sold became forgot froze hid hung laid lent lit quit rang sang sank shook slid stole stuck swore
    swept swam swung tore woke wore withdrew undertook arose awoke bore bound dealt dug fed forbade forgave
    upheld overcame oversaw underwent ago since earlier previously""".split()
#: words ending in -ed that are not past verbs, or that announce the future ("expected to")
_NOT_PAST = frozenset("""need needed speed indeed proceed exceed succeed feed seed bleed breed hundred red bed shed
    embed united limited based so-called alleged armed detailed experienced interested concerned advanced
    balanced related qualified expected planned scheduled proposed supposed required unprecedented sustained
    unexpected unarmed unidentified unnamed unspecified biased skilled talented renewed deed creed greed weed
    steed tweed reed heed preferred listed registered licensed combined estimated disputed displaced wounded
    injured sophisticated""".split())
_CUES = re.compile(
    rf"(?P<fut>(?<![\w'’])(?:{FUTURE_CUES})(?![\w'’])|['’]ll\b)|"
    rf"(?P<past>\b(?:{'|'.join(_IRREGULAR_PAST)})\b|\b[a-z]{{3,}}ed\b)",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:is|are|am|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_QUOTE = re.compile(r"[\"“”«»]|''|``|(?<!\w)'|'(?!\w)")
#: "the occupied territories", "an estimated 500", "Russian-backed": adjectives, not past tense
_ATTRIBUTIVE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+|-)$", re.IGNORECASE)
_REPORTING = frozenset("said told announced added reported stated noted wrote declared claimed confirmed".split())
_DEADLINE = re.compile(r"\b(?:until|till|to|by|through|before|effective|payable|due)\s+(?:the\s+)?$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”«»—–]|''|``|\s-\s|\bthat\b|\bwhich\b|\bwho\b|\bbut\b|\bwhen\b|\bwhile\b")


class Sentences:
    """Sentence boundaries of a text, found once; ``bounds(pos)`` is the sentence holding ``pos``."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        for m in _SENT_END.finditer(text):
            before = text[max(0, m.start() - 6):m.start()].lower().split()
            word = before[-1].rstrip(".") if before else ""
            if text[m.start()] == "." and word in _ABBREV:
                continue
            starts.append(m.end())
        self.starts = starts

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end


def _cues(text: str, s0: int, s1: int) -> list[tuple[int, int, float]]:
    """``(start, end, weight)``: weight > 0 looks forward, < 0 back; reporting verbs weigh half."""
    out = []
    for m in _CUES.finditer(text, s0, s1):
        past = m.group("past")
        if past:
            before = text[max(0, m.start() - 30):m.start()]
            if past.lower() in _NOT_PAST or _PASSIVE.search(before) or _ATTRIBUTIVE.search(before):
                continue  # "will be held", "is heard", "the occupied territories", "Russian-backed"
            out.append((m.start(), m.end(), -0.5 if past.lower() in _REPORTING else -1.0))
        else:
            out.append((m.start(), m.end(), 1.0))
    return out


def direction(text: str, start: int, end: int, sentences: Sentences) -> float:
    """+1 when the expression at ``text[start:end]`` refers forward, -1 back, 0 when nothing says.

    A cue in the expression's own clause (or, for a fronted adverbial such as "In January, ...",
    in the main clause after it) counts fully; a cue elsewhere in the sentence, a reporting
    verb ("said" tells when it was said, not when the event is), or a past verb before a deadline
    ("extended to Nov. 16", "until", "by") counts half.
    """
    s0, s1 = sentences.bounds(start)
    cues = [c for c in _cues(text, s0, s1) if c[1] <= start or c[0] >= end]
    if not cues:
        return 0.0
    c0 = s0
    for m in _CLAUSE_BREAK.finditer(text, s0, start):
        c0 = m.end()
    m = _CLAUSE_BREAK.search(text, end, s1)
    c1 = m.start() if m else s1
    in_clause = [c for c in cues if c0 <= c[0] and c[1] <= c1]
    q0 = max((m.end() for m in _QUOTE.finditer(text, s0, start)), default=s0)
    m = _QUOTE.search(text, end, s1)
    q1 = m.start() if m else s1
    pool = in_clause or [c for c in cues if q0 <= c[0] and c[1] <= q1]  # a quote is its own world
    if not pool:
        return 0.0

    def distance(c: tuple[int, int, float]) -> int:
        return start - c[1] if c[1] <= start else (c[0] - end) * 2  # cues before the expression govern it more

    # a fronted adverbial ("In January, a bomb killed ...") belongs to the main clause after it
    fronted = c0 == s0 or not text[s0:c0].strip(" \t\n\"“‘'`(")
    weight = min(pool, key=distance)[2] * (1.0 if in_clause or fronted else 0.5)
    if weight < 0 and _DEADLINE.search(text[max(0, start - 20):start]):
        weight = -0.5
    return weight
