"""Transcripts: paragraphs that open with the speaker's name and a colon, without quote marks.

Press-conference transcripts, interviews and broadcast excerpts print the words said as plain
paragraphs, each turn opening with who speaks::

    TAPPER: Do you think the harbour will reopen in May?
    LEPIK: I think it will. The engineers are working on it.
    Anna Lepik (Minister of the Sea): We have agreed to …

A turn is a direct quotation of the label's speaker: the words are theirs, word for word. A label
is a turn's when it is written in capitals ("TAPPER", "SEN. KASK", a broadcaster's first turn
"ANNA LEPIK, MINISTER OF THE SEA", the name before the comma) or, for a label in ordinary
capitals, when it names a person and the article has at least two such turns (one line "Lepik:
…" may be a heading, which :mod:`storyline.quotes` reads as a headline). The paragraphs after a
turn are its words too, up to the next turn; after the last turn only its own paragraph is, as
the article's own text may resume there. A speaker who cuts in mid-line ("… the quay -- TAMM:
Hold on, minister.") opens a turn there when their label opens a line elsewhere in the article.
A question put by the interviewer ("Q:", "Question:") or a voice the transcript does not name
("UNIDENTIFIED MALE:", "CROWD:") ends the turn before it but quotes no one the article names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.quotes import find as fnd
from storyline.records import Mention

#: "LABEL: words" at a paragraph's start; the label holds no quote mark and no sentence end
#: (a role after a comma, in capitals, may name a programme in quote marks: "KASK, HOST, "HARBOUR HOUR"")
_TURN = re.compile(r"^[ \t]*(?P<label>[^\n:“”\"«»!?]{1,100}?(?:,[^\n:a-z]{1,80}?)?)[ \t]*:[ \t]+"
                   r"(?P<said>[^\s“”\"«][^\n]*)$", re.M)
#: a stage direction before the label: "(BEGIN VIDEO CLIP) TAMM: …"
_STAGE_BEFORE = re.compile(r"(?:\([A-Z][A-Z ,.’'\-]*\)[ \t]*)+")
#: a speaker cutting in after a dash or an ellipsis: "… the quay -- TAMM: Hold on"
_CUT_IN = re.compile(r"(?:--|—|\.\.\.|…)[ \t]+(?P<label>[A-Z][A-Z.’'\-]*(?:[ \t][A-Z][A-Z.’'\-]*){0,3})"
                     r"[ \t]*:[ \t]+(?=\S)")
_CAPITALS = re.compile(r"[A-Z][A-Z.’'\- ]*[A-Z.]")
_TITLED = re.compile(r"(?:[A-Z][\w.’'-]*|de|van|von|da|del|al|bin|ibn)(?:\s+(?:[A-Z][\w.’'-]*|de|van|von|da|del|al"
                     r"|bin|ibn)){0,4}")
#: a label's role in brackets after the name: "Anna Lepik (Minister of the Sea)"
_ROLE_AFTER = re.compile(r"\s*\([^()\n]{2,60}\)\s*$")
_INTERVIEWER = frozenset("q question questions reporter journalist moderator audience interviewer host".split())
#: voices a transcript does not name: "UNIDENTIFIED MALE", "CROWD", "ANNOUNCER"
_UNNAMED = frozenset("unidentified unknown unnamed crowd crowds announcer voice voices group protesters".split())
#: labels that open lines of page furniture or rubrics, not of speech ("UPDATE: …", "READ MORE: …")
_NOT_SPEAKERS = fnd.HEADING_STOP | frozenset("""the sources editors correction clarification more sponsored warning
disclaimer tag topics share email subscribe transcript listen see also fact check summary background context why
what how when where who key takeaways bottom line new soundbite sot""".split())
#: words no name in capitals holds ("STAT OF THE WEEK: …", "YOUR TURN: …" are rubrics)
_FUNCTION_WORDS = frozenset("of the and for in on to a an at by with from this that week day your my our".split())
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
    #: "Q:", "Question:", "UNIDENTIFIED MALE:": a turn of the transcript that quotes no one it names
    unnamed: bool = False
    #: where the turn before ends when this speaker cuts in mid-line: the dash or ellipsis before the label
    cut_at: int | None = None


def turns(text: str, mentions: Sequence[Mention]) -> list[Turn]:
    """The transcript turns of an article, in order (empty when it prints none)."""
    people = [m for m in mentions if m.label == "PERSON"]
    found: list[tuple[Turn, bool]] = []  # (turn, written in capitals)
    first_line_end = text.find("\n")
    for m in _TURN.finditer(text):
        if m.start() < first_line_end or first_line_end < 0:
            continue  # the headline's "Lepik: …" is a headline quotation
        label = m.group("label").strip()
        stage = _STAGE_BEFORE.match(label)
        skip = len(m.group("label")) - len(m.group("label").lstrip()) + (stage.end() if stage else 0)
        label = label[stage.end():] if stage else label
        name = _name_of(_ROLE_AFTER.sub("", label))
        words = re.findall(r"[^\W\d_]+", name.lower())
        if not words or len(words) > 6 or words[0] in _NOT_SPEAKERS or " ".join(words) in _NOT_SPEAKERS:
            continue
        opening = _WORD.findall(m.group("said"))[:3]
        if not opening or all(w.isupper() for w in opening):
            continue  # "Lepik: 1,501.", "UN: PEACEKEEPERS PAY …": a count, a headline in capitals
        start = m.start("label") + skip
        turn = Turn(start, start + len(name), m.end("label"), [(m.start("said"), m.end("said"))])
        if words[0] in _INTERVIEWER and len(words) <= 2 or words[0] in _UNNAMED:
            turn.unnamed = True
            found.append((turn, True))
        elif _CAPITALS.fullmatch(name) and len(words) <= 5 and len(name) >= 2 and not _FUNCTION_WORDS & set(words):
            found.append((turn, True))
        elif _TITLED.fullmatch(name) and any(turn.label_start <= p.start and p.end <= turn.label_end
                                                 for p in people) and not _about(words[-1], m.group("said")):
            found.append((turn, False))
    kept = [t for t, capitals in found if capitals or _transcript(text, [t for t, c in found if not c])]
    if all(t.unnamed for t in kept):
        return []
    kept = _cut_ins(text, kept)
    _continue(text, kept)
    # a short turn ("LEPIK: Yes.") still ends the turn before it, but quotes too little to keep
    return [t for t in kept if sum(len(_WORD.findall(text[s:e])) for s, e in t.pieces) >= _MIN_WORDS]


def _transcript(text: str, titled: list[Turn]) -> bool:
    """Whether lines "Name: …" in ordinary capitals are a transcript's turns, not a listing ("Lepik:
    Pensions …", "Berg: Roads …"): someone puts questions ("Question: …"), a label gives the role
    in brackets, or one speaker comes back after another."""
    labels = [text[t.label_start:t.label_end].lower() for t in titled if not t.unnamed]
    return len(labels) >= 2 and (
        any(t.unnamed for t in titled) or any(_ROLE_AFTER.search(text, t.label_start, t.colon) for t in titled)
        or len(set(labels)) >= 2 and len(set(labels)) < len(labels))


def _name_of(label: str) -> str:
    """The name in a label that gives the role after a comma, both in capitals: "ANNA LEPIK, MINISTER
    OF THE SEA" → "ANNA LEPIK". Any other label is all name."""
    name, comma, role = label.partition(",")
    if comma and _CAPITALS.fullmatch(name.strip()) and role.strip() and role.upper() == role:
        return name.rstrip()
    return label


def _cut_ins(text: str, kept: list[Turn]) -> list[Turn]:
    """``kept`` with the turns of speakers who cut in mid-line after a dash, in text order. Only a
    label that opens a turn of its own elsewhere, or its last word, counts: "-- TAMM: …" in an
    interview with Tamm."""
    known = {text[t.label_start:t.label_end] for t in kept if not t.unnamed}
    known |= {label.split()[-1] for label in known}  # "MARI KASK" cuts in as "KASK"
    out = list(kept)
    for m in _CUT_IN.finditer(text):
        label = m.group("label")
        if label not in known:
            continue
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        out.append(Turn(m.start("label"), m.end("label"), text.index(":", m.end("label")),
                        [(m.end(), len(text[:line_end].rstrip()))], cut_at=m.start()))
        cut = len(text[:m.start()].rstrip())
        for t in kept:  # a turn whose own line is cut into ends before the mark (later lines: _continue)
            t.pieces = [(s, cut if s < m.start() < e else e) for s, e in t.pieces]
    out.sort(key=lambda t: t.label_start)
    return out


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
            if end > after.label_start:  # the next speaker cuts in on this line: the words before are ours
                before = text[start + 1:after.cut_at].rstrip() if after.cut_at is not None else ""
                if _WORD.search(before) and not _STAGE.match(before):
                    turn.pieces.append((start + 1 + (len(before) - len(before.lstrip())), start + 1 + len(before)))
                break
            if line.strip() and not _STAGE.match(line):
                lo = start + 1 + (len(line) - len(line.lstrip()))
                turn.pieces.append((lo, start + 1 + len(line.rstrip())))
            pos = end
