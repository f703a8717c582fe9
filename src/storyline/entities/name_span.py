"""Where a name's span starts and ends: the words the model glues to a name, and spans that name nobody.

:func:`trim_name` cuts one mention to its name: a leading "the", quotes or a title, what follows
a name (a lower-case word, a colon, an outlet's "The", a slash and a photo credit, a spaced dash),
a sentence's lead-in word on either side ("Via Twitter", "Kask Unfortunately"), a rank cut short
after an organisation ("Coast Guard Adm."). :func:`never_a_name` tells the spans that are no
person's name whatever the model says: party members, storms, titles cut short. Pure functions of
the span and its text; :mod:`~storyline.entities.mentions` applies them.
"""

from __future__ import annotations

import re

from storyline.entities import gazetteer as gz
from storyline.records import Mention

_LEAD = re.compile(r"^[\s“”\"'‘’«»(\[—–-]+")
_TRAIL = re.compile(r"[\s“”\"'‘’«»)\],;:!?—–-]+$")
#: A dash between spaces: no name holds one (see :func:`_dash_ends_name` for what stays: "al - Hilu").
_SPACED_DASH = re.compile(r"\s[-–—]\s")
_PARTY_BEFORE_NAME = re.compile(r"^.*\b(?:" + "|".join(sorted(gz.PARTY_MEMBERS)) + r") (?=\S)")
#: Lower-case words inside names: the particles, and joiners ("Rodríguez y Zapatero", "Lula da Silva").
_LOWER_IN_NAMES = gz.NAME_PARTICLES | {"d", "do", "e", "y", "ibn", "bint", "ul", "ud", "of"}
#: Weekdays and months, written out or cut short: "Thu Jun 17" is a time stamp, never a name.
_CALENDAR_WORDS = gz.CALENDAR_NAMES | gz.CALENDAR_ABBREVIATIONS
#: Words that open a sentence before a name, or start the next one after it, which the model takes
#: into the name: "Via Twitter, ...", "Kask Unfortunately, ...". Cut off, the name stays.
_LEAD_INS = frozenset({
    "Via", "Unfortunately", "Fortunately", "Meanwhile", "Moreover", "Furthermore", "Nevertheless", "Nonetheless",
    "Instead", "Indeed", "Therefore", "Otherwise", "Apparently", "Clearly", "Obviously", "Certainly", "Surely",
    "Perhaps", "Maybe", "Sadly", "Luckily", "Hopefully", "Ironically", "Interestingly", "Similarly", "Additionally",
    "Consequently", "Well", "Yes", "Today", "Yesterday", "Tonight",
})
#: Words the model glues to a name that no name holds: "Reggie I'm", "Juror No", "Reply Within".
NEVER_IN_NAMES = frozenset({"I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll", "No",
                            "Reply",  # a comment thread's button: "Reply Within minutes ..."
                            }) | _LEAD_INS


def _sub(text: str, start: int, end: int, label: str) -> Mention | None:
    return Mention(start, end, text[start:end], label) if end > start else None


def _unclosed_bracket(span: str) -> int | None:
    """Where a name ends that the model's span runs on into a bracket it does not close: "Harbour
    Council (HC" ends before " (". None when the brackets balance, or nothing comes before."""
    at = span.rfind("(")
    if at <= 0 or ")" in span[at:]:
        return None
    return len(span[:at].rstrip())


def _unopened_bracket(span: str) -> int | None:
    """Where a name starts after a bracket closed that the span never opened: "Tribune) Harbour
    Council" starts after ") ". None when the brackets balance, or nothing comes after."""
    at = span.find(")")
    if at < 0 or "(" in span[:at] or not span[at + 1:].strip():
        return None
    return len(span) - len(span[at + 1:].lstrip())


def trim_name(text: str, m: Mention) -> Mention | None:
    """Leading "the", quotes, titles before a person; trailing possessive and punctuation."""
    s, e = m.start, m.end
    span = text[s:e]
    if "\n" in span:  # "the Black Sea\n\nRomania": a span never crosses a line
        e = s + span.index("\n")
    for _ in range(6):
        span = text[s:e]
        lead = _LEAD.match(span)
        if lead:
            s += lead.end()
            continue
        if re.match(r"(?i)the\s", span) and span not in gz.NAMES_WITH_THE:
            s += 4
            continue
        first = span.split(" ", 1)
        if m.label == "PERSON" and len(first) == 2 and (first[0].lower() in gz.TITLE_WORDS or first[0] in gz.DEMONYMS
                                                         or first[0].lower() in gz.TITLE_ABBREVIATIONS):
            s += len(first[0]) + 1
            continue
        party = _PARTY_BEFORE_NAME.search(span) if m.label == "PERSON" else None
        if party:  # "Ohio Democrat Mara Lind": the name follows the party
            s += party.end()
            continue
        if m.label == "PERSON" and (cut := _not_a_name_from(span)) is not None:
            if cut == 0 and len(first) == 2 and first[0] in _LEAD_INS:  # "Via Twitter": the name stays
                s += len(first[0]) + 1
            else:
                e = s + cut
            continue
        if (cut := _unclosed_bracket(span)) is not None:  # "Harbour Council (HC": the model cut inside
            e = s + cut
            continue
        if (skip := _unopened_bracket(span)) is not None:  # "Tribune) Harbour Council"
            s += skip
            continue
        dash = _SPACED_DASH.search(span)
        if dash and _dash_ends_name(span[:dash.start()], span[dash.end():]):
            e = s + dash.start()
            continue
        trail = _TRAIL.search(span)
        if trail and trail.start() > 0:
            e = s + trail.start()
            continue
        poss = re.search(r"[’']s?$", span)
        if poss and poss.start() > 0:
            e = s + poss.start()
            continue
        if span.endswith(".") and len(span) > 2 and span[-2].islower():
            e -= 1
            continue
        last = span.rsplit(" ", 1)
        if m.label != "PERSON" and len(last) == 2 and last[1].lower() in gz.TITLE_ABBREVIATIONS:
            e = s + len(last[0])  # "Coast Guard Adm" of "Coast Guard Adm. Ana Ruiz"
            continue
        break
    while s < e and text[s].isspace():
        s += 1
    if not any(c.isalpha() for c in text[s:e]) or _calendar_stamp(text[s:e]):
        return None
    return _sub(text, s, e, m.label)


_AFTER_A_DASH = frozenset("a an the that this these those who which what you we they he she it and but or so "
                          "is are was were".split())


def _dash_ends_name(left: str, right: str) -> bool:
    """Whether a spaced dash inside a mention parts a name from what follows it: a headline's
    pieces ("Dana Kessler - Dana Kessler marries"), a photo credit ("Ana Ruiz - AP"), a dateline
    ("HOUSTON - Federal"), a clause ("the Harbour Tribune - that"). A tokeniser's spaced hyphen
    after a particle stays: "Omar al - Sadr"."""
    lw, rw = left.split(), right.split()
    if not lw or not rw or not lw[0][:1].isupper():
        return False
    if len(lw) >= 2 and len(rw) >= 2:
        return True
    if lw[-1].lower() in _LOWER_IN_NAMES:
        return False
    return rw[0][:1].isupper() or rw[0].lower() in _AFTER_A_DASH


def _calendar_stamp(span: str) -> bool:
    """A date the model read as a name: weekday and month words only, two of them or with a day
    number ("Thu Jun 17", "Mon, Mar"); "June Carter" and "May" alone may be names."""
    words = re.findall(r"[^\W\d_]+", span)
    return bool(words) and all(w.lower().rstrip(".") in _CALENDAR_WORDS for w in words) \
        and (len(words) >= 2 or any(c.isdigit() for c in span))


def _not_a_name_from(span: str) -> int | None:
    """Where a person span stops being a name: at a lower-case word that is no particle
    ("Herbert Flynn Jr told", "Raymond Kelly said:"), a word no name holds ("Reggie I'm"
    in "throwing to Reggie I'm sure", "Juror No. 12"), a "The" or a colon inside it, or a
    slash ("Marta Solberg/AP Vestra", a photo credit); None when it is a name throughout."""
    for w in re.finditer(r"\S+", span):
        word = w.group()
        if "/" in word and w.start() > 0:  # "Marta Solberg/AP Vestra": a photo credit glued to the next words
            return w.start() + word.index("/")
        particle = re.split(r"[-'’]", word)[0] in _LOWER_IN_NAMES  # "de", "al-Sistani", "d'Estaing"
        if (word[0].islower() and not particle) or word.rstrip(".,") in NEVER_IN_NAMES \
                or (word == "The" and w.start() > 0):  # "Ana Ruiz The Vestra Times": a byline's outlet
            return w.start()
        if word.endswith(":") and w.end() < len(span):  # "Ana Ruiz: Outside the court, ..."
            return w.end() - 1
    return None


def never_a_name(span: str) -> bool:
    """Whether a span of capitalised words names no person whatever the model says: a party member
    ("Michigan Democrat"), a storm ("Storm Alex"), a title cut short ("Vice Adm"), any span with a
    word no name holds ("Republican House", "Obama Well")."""
    words = span.split()
    return bool(words) and ((len(words) > 1 and words[0] in gz.STORM_WORDS) or cut_title(span)
                            or any(w in gz.NEVER_A_PERSON or w in NEVER_IN_NAMES for w in words))


def cut_title(span: str) -> bool:
    """Whether a span is only a title cut short ("Vice Adm", "Sgt"): its name is a mention of its own."""
    words = [w.strip(".").lower() for w in span.split()]
    return any(w in gz.TITLE_ABBREVIATIONS for w in words) and all(
        w in gz.TITLE_ABBREVIATIONS or w in gz.TITLE_COMPANIONS for w in words)
