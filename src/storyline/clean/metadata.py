"""Metadata stated in the text: publication date lines, headlines, language."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from dateutil import parser as dateparser

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
           r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = (rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}"
         rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
_TIME = r"(?:\s*(?:[,\-–—|]\s*)?(?:at\s+)?\d{1,2}[:.]\s?\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?-i:[A-Z]{2,5}\b|GMT[+-]\d+|UTC[+-]?\d*)?)?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_LABEL = (r"(?:published|posted|updated|last updated|date|publication date|first published|data publikacji"
          r"|publicado|publié le|pubblicato|veröffentlicht)")

#: "date 2023-06-29 Text..." — a date stamp glued before the first sentence.
DATE_PREFIX = re.compile(rf"^\s*{_LABEL}\s*:?\s*(?:on\s+)?(?P<date>{_WEEKDAY}{_DATE}){_TIME}\s*[|,;:\-–—]?\s*",
                         re.IGNORECASE)
#: A wire page's place: "VARNA", "NEW VARNA", "VARNA/TALLINN", "VARNA, Kivania", "VARNA, March 2".
_WIRE_PLACE = r"(?-i:[A-Z][A-Z.'/&-]*(?: [A-Z][A-Z.'/&-]*){0,3}(?:,\s*[A-Z][a-z]+(?:\s+\d{1,2})?)?)"
_PLACE_STAMP = rf"{_WIRE_PLACE}\s*\|\s*(?P<date>{_WEEKDAY}{_DATE}){_TIME}\s*"
#: "VARNA | Tue May 20, 2025 9:14 am EDT VARNA (Reuters) - ...": a wire page's place and time
#: stamp before its dateline (the place in capitals, a bar, the date and time); without the place
#: ("Tue May 20, 2025 9:14 am EDT (Reuters) - ..."), the weekday, the time and its zone make the stamp.
PLACE_STAMP = re.compile(rf"^\s*(?:{_PLACE_STAMP}|(?P<day>(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+{_DATE})"
                         rf"\s+\d{{1,2}}:\d{{2}}\s*[ap]\.?m\.?\s+(?-i:[A-Z]{{2,4}})\s+(?=\(|(?-i:[A-Z]{{3}})))",
                         re.IGNORECASE)
#: The same stamp after the page's headline, on one line: "Talks stall TALLINN | Tue May 20, 2025 9:14 am EDT".
_HEADLINE_STAMP = re.compile(rf"\s(?={_PLACE_STAMP})", re.IGNORECASE)
#: A line that holds nothing but a (labelled) date and time.
DATE_LINE = re.compile(rf"^\s*(?:{_LABEL}\s*:?\s*(?:on\s+)?)?(?P<date>{_WEEKDAY}{_DATE}){_TIME}\s*"
                       rf"(?:\|\s*{_LABEL}.*)?$", re.IGNORECASE)
_DATE_ANYWHERE = re.compile(_DATE, re.IGNORECASE)


@lru_cache(maxsize=4096)
def parse_date(text: str) -> str | None:
    """``YYYY-MM-DD`` for a date with a year, else ``None``."""
    m = _DATE_ANYWHERE.search(text)
    if not m:
        return None
    raw = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", m.group(0))
    dayfirst = bool(re.match(r"\d{1,2}[./]\d{1,2}[./]\d{4}", raw))
    try:
        parsed = dateparser.parse(raw, dayfirst=dayfirst, default=None)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None or not 1990 <= parsed.year <= date.today().year + 1:
        return None
    return parsed.date().isoformat()


def date_prefix(line: str) -> tuple[str | None, int]:
    """A date stamp opening ``line`` and where the rest of the line starts."""
    m = DATE_PREFIX.match(line) or PLACE_STAMP.match(line)
    if not m:
        return None, 0
    return parse_date(m.group("date") or m.group("day")), m.end()


def headline_stamp(line: str) -> tuple[int, str | None, int] | None:
    """A wire page's headline, stamp and story run together on one line ("Talks stall TALLINN | Tue
    May 20, 2025 9:14 am EDT TALLINN (Reuters) - The talks ..."): ``(where the headline ends, the
    stamp's date, where the story starts)``, or ``None``."""
    m = _HEADLINE_STAMP.search(line, 0, 300)
    if not m or len(line[:m.start()].split()) < 3:
        return None
    date, end = date_prefix(line[m.end():])
    return (m.start(), date, m.end() + end) if date else None


def date_line(line: str) -> str | None:
    """The date of a line that states nothing but a publication date."""
    if len(line) > 120:
        return None
    m = DATE_LINE.match(line)
    return parse_date(m.group("date")) if m else None


_TERMINAL = ('.', '!', '?', '…', '."', '.”', '?”', '!”', ".'", '.’')


def looks_like_sentence(line: str) -> bool:
    """A line of running prose: enough words, mostly lower case, ends like a sentence."""
    words = line.split()
    if len(words) < 8:
        return False
    lower = sum(1 for w in words if w[:1].islower())
    if lower < len(words) * 0.3:
        return False
    return line.rstrip().endswith(_TERMINAL) or line.rstrip().endswith((",", ":", ";", "”", '"')) or len(words) >= 15


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with sentence punctuation (closing quotes and brackets aside)."""
    stripped = line.rstrip().rstrip("\"'”’»)]")
    return stripped.endswith((".", "!", "?", "…"))


def looks_like_headline(line: str) -> bool:
    """A short line that can be a title: some words, not a list, not a sentence fragment."""
    words = line.split()
    if not 2 <= len(words) <= 40:
        return False
    if not (line.strip()[:1].isupper() or line.strip()[:1] in "\"“'‘«" or line.strip()[:1].isdigit()):
        return False
    return not line.rstrip().endswith((",", ";"))


def normalise_for_compare(line: str) -> str:
    """Text to compare lines for duplicates: letters and digits only, lower case."""
    return re.sub(r"[\W_]+", "", line.lower())
