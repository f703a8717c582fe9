"""Photo captions and their credits.

A caption is a line that ends in a photo credit in brackets ("... (REUTERS /
Jane Doe)", "(Photo: AFP/Jan Kowalski)", "(Sputnik/Ivan Petrov/Kremlin via
REUTERS)") or starts with "Photo:". Some pages put the credit on the line after
the caption, where a scraper glues it to the story's next sentence ("Photograph:
Jane Kask/AP The minister said ..."): :func:`glued_credit` finds where such a
credit ends. The people named in a credit are photographers, never people of the story.
"""

from __future__ import annotations

import re

from storyline.clean.credits import agency
from storyline.records import Caption

_PHOTO_WORDS = r"(?:photo|photos|foto|fot\.|image|picture|pic|credit|zdjęcie|getty images|ap photo)"
_TRAILING_CREDIT = re.compile(r"^(?P<body>.{15,}?)\s*\((?P<credit>[^()]{3,120})\)\s*\.?\s*$")
_LEADING_CREDIT = re.compile(rf"^\s*{_PHOTO_WORDS}\s*:\s*(?P<credit>.{{3,120}})$", re.IGNORECASE)
_NAME_WORD = r"[A-ZÀ-Ž][a-zà-ž'’\-]+(?:[A-ZÀ-Ž][a-zà-ž'’\-]+)?"  # "Kask", "McNamee", "O'Neil"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+(?:[a-z]{{1,3}}\s+|[A-Z]\.?\s+){{0,3}}{_NAME_WORD}){{1,3}}$")
#: Picture desks a glued credit can end with, besides the wire agencies (:data:`~.credits.AGENCIES`).
PICTURE_DESKS = frozenset({
    "rex", "rex features", "rex/shutterstock", "shutterstock", "corbis", "magnum", "magnum photos", "zuma",
    "zuma press", "zuma wire", "alamy", "sipa", "sipa press", "panos", "panos pictures", "polaris", "redux",
    "nurphoto", "eyevine", "camera press", "pa", "pa wire", "pa media", "press association", "getty images",
    "ap photo", "afp photo", "reuters photo", "epa photo", "handout", "pool", "barcroft media", "demotix",
    "public domain",
})
_GLUED_LABEL = re.compile(r"^\s*(?:photograph|photographs|photo|photos|picture|pictures|pic|image|illustration)"
                          r"\s*:\s*", re.IGNORECASE)
#: Capitalised words that open a sentence, never a photographer's name: where a bare-name credit ends.
_SENTENCE_OPENERS = frozenset(
    "a an the i we he she it they you this that these those there here in on at as after before about when while "
    "with for from by but and so if one some many more most all our my his her their its what who how why where "
    "despite during over under until since every each no not once today yesterday last early of to among "
    "because although though even such just only now then still yet both either neither few several another "
    "other into upon within without between against across around behind like unlike through".split())
_GLUED_SCAN = 8  #: a credit is at most this many words
_WORD = re.compile(r"\S+")
_MIN_STORY_WORDS = 4
_ORG_WORDS = {"kremlin", "government", "ministry", "office", "press", "service", "handout", "pool", "via",
              "getty", "images", "epa", "efe", "photo", "photos", "archive", "file", "courtesy", "social", "media",
              "domain", "staff"}


def _credit_parts(credit: str) -> list[str]:
    credit = re.sub(r"^\s*(?:photo|photos|foto|fot\.|image|picture|pic|credit|zdjęcie)\s*:?\s*", "", credit,
                    flags=re.IGNORECASE)
    parts = re.split(r"\s*(?:/|\|,|;|\bvia\b|\band\b|\bfor the\b|,)\s*", credit)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def _is_person(part: str) -> bool:
    if part.isupper():  # "JANE KASK/REUTERS"
        part = part.title()
    if not _NAME.match(part) or _is_desk(part):
        return False
    return not any(w.lower() in _ORG_WORDS for w in part.split())


def parse_credit(credit: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """``(photographers, agencies)`` named in a photo credit, or ``None`` when the
    bracket is not a photo credit (no agency, no photo word)."""
    parts = _credit_parts(credit)
    if not parts:
        return None
    photographers = tuple(p.title() if p.isupper() else p for p in parts if _is_person(p))
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


def glued_credit(line: str) -> tuple[int, Caption] | None:
    """A photo credit glued to the start of a story line: ``(where the story resumes, the credit as a
    caption without text)``, or ``None`` when the line does not open with one or where it ends is unclear.

    The credit ends after its picture desk ("Jane Kask/AP", "Ivo Saar/AFP/Getty Images"), after
    "for the Herald", or, for a bare name ("Photo: Jane Kask The minister ..."), before the word
    that opens the story's sentence.
    """
    label = _GLUED_LABEL.match(line)
    if not label:
        return None
    words = [m.span() for m in _WORD.finditer(line, label.end())]
    texts = [line[a:b] for a, b in words]
    last = _credit_end(texts)
    if last is None or len(texts) - last - 1 < _MIN_STORY_WORDS:
        return None
    if not _opens_story(texts[last + 1]):
        return None
    credit = line[words[0][0]:words[last][1]].rstrip(" ,;")
    parsed = parse_credit(f"Photo: {credit}")
    if parsed is None:  # a desk that is not a wire agency still ends a credit: "KPA/Zuma/Rex Features"
        if not _is_desk(credit.rsplit("/", 1)[-1]):
            return None
        parsed = (), ()
    return words[last + 1][0], Caption(text="", credit=credit, photographers=parsed[0], agencies=parsed[1])


def _opener(word: str) -> bool:
    return re.split(r"['’]", word.lower())[0] in _SENTENCE_OPENERS  # "Here's", "It's"


def _opens_story(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word[:1] in "\"“‘'"


def _is_desk(name: str) -> bool:
    name = name.strip(" ,;.")
    return bool(name) and (agency(name) is not None or name.lower() in PICTURE_DESKS)


def _credit_end(words: list[str]) -> int | None:
    """Index of the last word of the credit that opens ``words``."""
    head = words[:_GLUED_SCAN]

    def story_after(i: int) -> bool:
        return i + 1 < len(head) and _opens_story(head[i + 1])

    for n in (3, 2, 1):  # a desk alone: "Reuters", "Rex Features", "Associated Press"
        if story_after(n - 1) and _is_desk(" ".join(head[:n])):
            return n - 1
    for i, word in enumerate(head):
        if i + 2 < len(head) and word == "for" and head[i + 1].lower() == "the" and head[i + 2][:1].isupper():
            return i + 2 if i else None  # "Jane Kask for the Herald"
        if not (word[:1].isupper() or "/" in word):
            break
    slashed = [i for i, w in enumerate(head) if "/" in w.strip("/")]
    if slashed:
        i = slashed[-1]
        if not all(w[:1].isupper() or "/" in w for w in head[:i]):
            return None
        tail = head[i].rsplit("/", 1)[1]
        for n in (2, 1, 0):  # the desk after the last slash can run on: "…/Rex Features", "…/Getty Images"
            if story_after(i + n) and _is_desk(" ".join([tail, *head[i + 1:i + n + 1]])):
                return i + n
        # a source that is no picture desk ("…/Greenpeace", "…/Vestra Greens") ends the credit only where a
        # sentence visibly opens
        for n in range(3):
            if i + n + 1 < len(head) and _opener(head[i + n + 1]) and head[i + n + 1][:1].isupper():
                return i + n
            if i + n + 1 >= len(head) or not head[i + n + 1][:1].isupper():
                return None
        return None
    names = 0
    for word in head:  # a bare name, up to the word that opens the story
        if _opener(word):
            break
        if not word[:1].isupper():
            return None
        names += 1
    else:
        return None
    return names - 1 if 2 <= names <= 5 else None
