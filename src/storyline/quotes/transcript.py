"""Transcripts: paragraphs that open with the speaker's name and a colon, without quote marks.

Press-conference transcripts, interviews and broadcast excerpts print the words said as plain
paragraphs, each turn opening with who speaks::

    TAPPER: Do you think the harbour will reopen in May?
    LEPIK: I think it will. The engineers are working on it.
    Anna Lepik (Minister of the Sea): We have agreed to …

A turn is a direct quotation of the label's speaker: the words are theirs, word for word. A label
is a turn's when it is written in capitals ("TAPPER", "SEN. KASK") or, for a label in ordinary
capitals, when it names a person and the article has at least two such turns (one line "Lepik:
…" may be a heading, which :mod:`storyline.quotes` reads as a headline). The paragraphs after a
turn are its words too, up to the next turn; after the last turn only its own paragraph is, as
the article's own text may resume there. A question put by the interviewer ("Q:", "Question:")
marks a transcript but quotes no one the article names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.quotes import find as fnd
from storyline.records import Mention

#: "LABEL: words" at a paragraph's start; the label holds no quote mark and no sentence end
_TURN = re.compile(r"^[ \t]*(?P<label>[^\n:“”\"«»!?]{1,80}?)[ \t]*:[ \t]+(?P<said>[^\s“”\"«][^\n]*)$", re.M)
_CAPITALS = re.compile(r"[A-Z][A-Z.’'\- ]*[A-Z.]")
_TITLED = re.compile(r"(?:[A-Z][\w.’'-]*|de|van|von|da|del|al|bin|ibn)(?:\s+(?:[A-Z][\w.’'-]*|de|van|von|da|del|al"
                     r"|bin|ibn)){0,4}")
#: a label's role in brackets after the name: "Anna Lepik (Minister of the Sea)"
_ROLE_AFTER = re.compile(r"\s*\([^()\n]{2,60}\)\s*$")
_INTERVIEWER = frozenset("q question questions reporter journalist moderator audience interviewer host".split())
#: labels that open lines of page furniture or rubrics, not of speech ("UPDATE: …", "READ MORE: …")
_NOT_SPEAKERS = fnd.HEADING_STOP | frozenset("""the sources editors correction clarification more sponsored warning
disclaimer tag topics share email subscribe transcript listen see also fact check summary background context why
what how when where who key takeaways bottom line""".split())
#: words no name in capitals holds ("STAT OF THE WEEK: …" is a rubric)
_FUNCTION_WORDS = frozenset("of the and for in on to a an at by with from this that week day".split())
_STAGE = re.compile(r"^\s*[(\[].*[)\]]\s*[.…]*\s*$|^\s*[.…*—–-]+\s*$")  # "(CROSSTALK)", "…."
_MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(slots=True)
class Turn:
    """One speaker's turn: the label as written and the paragraphs of their words."""

    label_start: int
    label_end: int  #: the name, without a role in brackets after it
    colon: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    interviewer: bool = False  #: "Q:", "Question:": a marker of the transcript, no one's quotation


def turns(text: str, mentions: Sequence[Mention]) -> list[Turn]:
    """The transcript turns of an article, in order (empty when it prints none)."""
    people = [m for m in mentions if m.label == "PERSON"]
    found: list[tuple[Turn, bool]] = []  # (turn, written in capitals)
    first_line_end = text.find("\n")
    for m in _TURN.finditer(text):
        if m.start() < first_line_end or first_line_end < 0:
            continue  # the headline's "Lepik: …" is a headline quotation
        label = m.group("label").strip()
        name = _ROLE_AFTER.sub("", label)
        words = re.findall(r"[^\W\d_]+", name.lower())
        if not words or len(words) > 6 or words[0] in _NOT_SPEAKERS or " ".join(words) in _NOT_SPEAKERS:
            continue
        opening = _WORD.findall(m.group("said"))[:3]
        if not opening or all(w.isupper() for w in opening):
            continue  # "Lepik: 1,501.", "UN: PEACEKEEPERS PAY …": a count, a headline in capitals
        start = m.start("label") + (len(m.group("label")) - len(m.group("label").lstrip()))
        turn = Turn(start, start + len(name), m.end("label"), [(m.start("said"), m.end("said"))])
        if words[0] in _INTERVIEWER and len(words) <= 2:
            turn.interviewer = True
            found.append((turn, True))
        elif _CAPITALS.fullmatch(name) and len(words) <= 5 and len(name) >= 2 and not _FUNCTION_WORDS & set(words):
            found.append((turn, True))
        elif _TITLED.fullmatch(name) and any(turn.label_start <= p.start and p.end <= turn.label_end
                                                 for p in people) and not _about(words[-1], m.group("said")):
            found.append((turn, False))
    kept = [t for t, capitals in found if capitals or _transcript(text, [t for t, c in found if not c])]
    if all(t.interviewer for t in kept):
        return []
    _continue(text, kept)
    # a short turn ("LEPIK: Yes.") still ends the turn before it, but quotes too little to keep
    return [t for t in kept if sum(len(_WORD.findall(text[s:e])) for s, e in t.pieces) >= _MIN_WORDS]


def _transcript(text: str, titled: list[Turn]) -> bool:
    """Whether lines "Name: …" in ordinary capitals are a transcript's turns, not a listing ("Lepik:
    Pensions …", "Berg: Roads …"): someone puts questions ("Question: …"), a label gives the role
    in brackets, or one speaker comes back after another."""
    labels = [text[t.label_start:t.label_end].lower() for t in titled if not t.interviewer]
    return len(labels) >= 2 and (
        any(t.interviewer for t in titled) or any(_ROLE_AFTER.search(text, t.label_start, t.colon) for t in titled)
        or len(set(labels)) >= 2 and len(set(labels)) < len(labels))


def _about(surname: str, said: str) -> bool:
    """Whether a line after a name is about that person, not said by them: a speaker does not
    name themselves ("Lepik: Pensions. On her website, Senator Lepik …" is a listing)."""
    return re.search(rf"\b{re.escape(surname)}\b", said, re.IGNORECASE) is not None


def _continue(text: str, kept: list[Turn]) -> None:
    """The paragraphs between one turn and the next are the first one's words (stage directions
    such as "(CROSSTALK)" and separators are left out)."""
    for turn, after in zip(kept, kept[1:]):
        pos = turn.pieces[-1][1]
        while True:
            start = text.find("\n", pos)
            if start < 0 or start >= after.label_start:
                break
            end = text.find("\n", start + 1)
            end = len(text) if end < 0 else end
            line = text[start + 1:end]
            if end > after.label_start:
                break
            if line.strip() and not _STAGE.match(line):
                lo = start + 1 + (len(line) - len(line.lstrip()))
                turn.pieces.append((lo, start + 1 + len(line.rstrip())))
            pos = end
