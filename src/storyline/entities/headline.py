"""People in headlines set in Title Case: the small model takes a headline's verbs for names.

In "Lindsay Lohan Checks Out Of Rehab" or "AMD Buys SeaMicro, Enters Server Business" every
longer word is capitalised, and spaCy's PERSON spans run over the verbs and nouns around a name
("Lindsay Lohan Checks Out", "Buys SeaMicro", "Colts Beat Chiefs"). Left alone, such a span
becomes a person of its own, and the document-consistency pass then makes every "SeaMicro" or
"Chiefs" of the article a person too.

Capital letters carry no evidence in such a line, so a PERSON span there is kept only as far as
the article confirms it: the names inside it that the article's running text tags as people
(or their surnames, with a known first name in front), or that the corpus already knows as
people. A span with no confirmed name is dropped when the article has running text of its own
(it had every chance to name the person), and kept as the model gave it when the article is
nothing but a headline: there is nothing to check it against. Such a span is reported as
unconfirmed, so the corpus index keeps its name to itself: it is not offered to other articles as
a known person, and a surname alone elsewhere is not linked to it ("GM" is not "Probe GM").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from storyline.entities.names import parse_name
from storyline.records import Mention

#: Words of at least this many letters are capitalised in a Title Case headline ("Of", "To" may not be).
_LONG_WORD = 4
#: A Title Case line has at least this many such words: fewer is a name, a byline or a label.
_MIN_LONG_WORDS = 4
#: Words outside Title Case lines an article needs before its running text counts as evidence.
_MIN_RUNNING_WORDS = 15
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each line of ``text`` in which every word of four letters or more
    is capitalised, and there are at least four such words."""
    out = []
    start = 0
    for line in text.split("\n"):
        long = [w for w in _WORD.findall(line) if len(w) >= _LONG_WORD]
        if len(long) >= _MIN_LONG_WORDS and all(w[0].isupper() for w in long):
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


@dataclass(slots=True)
class HeadlinePeople:
    """What :func:`confirm_headline_people` made of an article's mentions."""

    mentions: list[Mention]
    changes: list[tuple[Mention, list[Mention]]] = field(default_factory=list)  #: (span, what replaced it)
    unconfirmed: list[Mention] = field(default_factory=list)  #: spans kept as the model gave them, unchecked


def confirm_headline_people(
    text: str, ms: list[Mention], *, known: Collection[str] = (), first_names: Collection[str] = (),
) -> HeadlinePeople:
    """The mentions with each PERSON span of a Title Case line cut to the names the article
    confirms (module docstring), the changes made and the spans nothing could confirm."""
    lines = title_case_lines(text)
    if not lines:
        return HeadlinePeople(ms)

    def in_headline(m: Mention) -> bool:
        return any(s <= m.start and m.end <= e for s, e in lines)

    running = sum(len(_WORD.findall(text[a:b])) for a, b in _gaps(lines, len(text)))
    confirmed = _confirmed_names(m.text for m in ms if m.label == "PERSON" and not in_headline(m)) | set(known)
    result = HeadlinePeople([])
    for m in ms:
        if m.label != "PERSON" or not in_headline(m) or m.text in confirmed:
            result.mentions.append(m)
            continue
        kept = _confirmed_parts(m, confirmed, first_names)
        if not kept and running < _MIN_RUNNING_WORDS:
            result.mentions.append(m)
            result.unconfirmed.append(m)
            continue
        result.changes.append((m, kept))
        result.mentions.extend(kept)
    return result


def _gaps(spans: list[tuple[int, int]], length: int) -> Iterable[tuple[int, int]]:
    at = 0
    for s, e in spans:
        yield at, s
        at = e
    yield at, length


def _confirmed_names(people: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for person in people:
        names.add(person)
        if " " in person and (surname := parse_name(person).surname):
            names.add(surname)
    return names


def _confirmed_parts(m: Mention, confirmed: Collection[str], first_names: Collection[str]) -> list[Mention]:
    """The confirmed names inside ``m`` (longest first, not overlapping), each with the known
    first names just before it: "Lindsay Lohan Checks Out" → "Lindsay Lohan"."""
    words = [(w.start(), w.end()) for w in re.finditer(r"\S+", m.text)]
    taken: list[tuple[int, int]] = []
    for name in sorted(confirmed, key=len, reverse=True):
        size = len(name.split())
        for i in range(len(words) - size + 1):
            if m.text[words[i][0]:words[i + size - 1][1]] != name:
                continue
            j = i
            while j > 0 and m.text[words[j - 1][0]:words[j - 1][1]] in first_names:
                j -= 1
            a, b = words[j][0], words[i + size - 1][1]
            if not any(a < e and s < b for s, e in taken):
                taken.append((a, b))
    return [Mention(m.start + a, m.start + b, m.text[a:b], "PERSON") for a, b in sorted(taken)]
