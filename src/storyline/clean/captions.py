"""Photo captions and their credits.

A caption is a line that ends in a photo credit in brackets ("... (REUTERS /
Jane Doe)", "(Photo: AFP/Jan Kowalski)", "(Sputnik/Ivan Petrov/Kremlin via
REUTERS)") or starts with "Photo:". The people named in a credit are
photographers, never people of the story.
"""

from __future__ import annotations

import re

from storyline.clean.credits import agency
from storyline.records import Caption

_PHOTO_WORDS = r"(?:photo|photos|foto|fot\.|image|picture|pic|credit|zdjęcie|getty images|ap photo)"
_TRAILING_CREDIT = re.compile(r"^(?P<body>.{15,}?)\s*\((?P<credit>[^()]{3,120})\)\s*\.?\s*$")
_LEADING_CREDIT = re.compile(rf"^\s*{_PHOTO_WORDS}\s*:\s*(?P<credit>.{{3,120}})$", re.IGNORECASE)
_NAME = re.compile(r"^[A-ZÀ-Ž][a-zà-ž'’\-]+(?:\s+(?:[a-z]{1,3}\s+){0,3}[A-ZÀ-Ž][a-zà-ž'’\-]+){1,3}$")
_ORG_WORDS = {"kremlin", "government", "ministry", "office", "press", "service", "handout", "pool", "via",
              "getty", "images", "epa", "efe", "photo", "photos", "archive", "file", "courtesy", "social", "media"}


def _credit_parts(credit: str) -> list[str]:
    credit = re.sub(r"^\s*(?:photo|photos|foto|fot\.|image|picture|pic|credit|zdjęcie)\s*:?\s*", "", credit,
                    flags=re.IGNORECASE)
    return [p.strip(" .") for p in re.split(r"\s*(?:/|\|,|;|\bvia\b|\band\b|,)\s*", credit) if p.strip(" .")]


def _is_person(part: str) -> bool:
    if not _NAME.match(part):
        return False
    return not any(w.lower() in _ORG_WORDS for w in part.split())


def parse_credit(credit: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """``(photographers, agencies)`` named in a photo credit, or ``None`` when the
    bracket is not a photo credit (no agency, no photo word)."""
    parts = _credit_parts(credit)
    if not parts:
        return None
    photographers = tuple(p for p in parts if _is_person(p))
    agencies = tuple(dict.fromkeys(a for a in (agency(p) for p in parts) if a))
    photo_word = re.search(rf"\b{_PHOTO_WORDS}", credit, re.IGNORECASE) is not None
    slash = "/" in credit or re.search(r"\bvia\b", credit) is not None
    if agencies and (slash or photo_word):
        return photographers, agencies
    if photo_word and (photographers or agencies):
        return photographers, agencies
    if slash and photographers and all(_is_person(p) or agency(p) or p.lower() in _ORG_WORDS or p.istitle()
                                      for p in parts):
        return photographers, agencies
    return None


def find_caption(line: str) -> Caption | None:
    """The caption ``line`` is, or ``None`` when it is story text."""
    text = line.strip()
    m = _LEADING_CREDIT.match(text)
    if m:
        parsed = parse_credit(m.group("credit"))
        if parsed:
            return Caption(text=text, credit=m.group("credit").strip(), photographers=parsed[0], agencies=parsed[1])
    m = _TRAILING_CREDIT.match(text)
    if not m:
        return None
    body = m.group("body")
    # a quotation or a full stop right before the bracket means a sentence that cites a source
    if body.rstrip().endswith(("”", '"', "’")) or len(body.split()) > 60:
        return None
    parsed = parse_credit(m.group("credit"))
    if not parsed:
        return None
    return Caption(text=body.strip(), credit=m.group("credit").strip(), photographers=parsed[0], agencies=parsed[1])
