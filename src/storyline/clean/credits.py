"""Credit lines, outlet banners and photo credits become metadata, not text.

"Source: X", "Źródło: X, PAP", "With information from AFP and EFE",
"X | X News in English", "X News in English, PAP", "-- Reuters".
Wire agencies go to ``credits``; anything else named as the source is the outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Wire agencies by the spellings they appear under (lower-cased) -> canonical name.
AGENCIES: dict[str, str] = {
    name.lower(): canonical
    for canonical, names in {
        "AFP": ["AFP", "Agence France-Presse", "Agence France Presse", "France-Presse"],
        "AP": ["AP", "Associated Press", "The Associated Press"],
        "Reuters": ["Reuters", "REUTERS", "Thomson Reuters"],
        "EPA": ["EPA", "EPA-EFE", "European Pressphoto Agency"],
        "Getty Images": ["Getty Images", "Getty"],
        "EFE": ["EFE", "Agencia EFE"],
        "PAP": ["PAP", "Polish Press Agency", "Polska Agencja Prasowa"],
        "ANSA": ["ANSA"],
        "dpa": ["dpa", "DPA", "Deutsche Presse-Agentur"],
        "TASS": ["TASS", "ITAR-TASS"],
        "Xinhua": ["Xinhua"],
        "Interfax": ["Interfax"],
        "RIA Novosti": ["RIA Novosti", "RIA"],
        "Ukrinform": ["Ukrinform"],
        "UNIAN": ["UNIAN"],
        "BNS": ["BNS", "Baltic News Service"],
        "ELTA": ["ELTA"],
        "LETA": ["LETA"],
        "Anadolu": ["Anadolu", "Anadolu Agency", "AA"],
        "Kyodo": ["Kyodo"],
        "Yonhap": ["Yonhap"],
        "Europa Press": ["Europa Press"],
        "Lusa": ["Lusa"],
        "AGI": ["AGI"],
        "Adnkronos": ["Adnkronos"],
        "Belga": ["Belga"],
        "ANP": ["ANP"],
        "APA": ["APA"],
        "ČTK": ["ČTK", "CTK"],
        "MTI": ["MTI"],
        "BTA": ["BTA"],
        "Agerpres": ["Agerpres"],
        "HINA": ["HINA"],
        "Tanjug": ["Tanjug"],
        "NTB": ["NTB"],
        "TT": ["TT"],
        "STT": ["STT"],
        "Ritzau": ["Ritzau"],
        "KNA": ["KNA"],
        "IANS": ["IANS"],
        "PTI": ["PTI"],
        "Bloomberg": ["Bloomberg"],
        "UPI": ["UPI"],
        "Agencies": ["agencies", "news agencies", "wires", "wire services"],
    }.items()
    for name in names
}

_SOURCE_LABEL = (
    r"(?:sources?|source\(s\)|źródło|źródła|fuente|fuentes|fonte|fontes|quelle|quellen|šaltinis|avots|allikas"
    r"|zdroj|forrás|sursa|izvor|kilde|källa|lähde|bron|via)"
)
_SOURCE_LINE = re.compile(rf"^\s*{_SOURCE_LABEL}\s*:\s*(?P<rest>.{{2,120}}?)\s*\.?\s*$", re.IGNORECASE)
_WITH_INFO = re.compile(
    r"^\s*\(?\s*(?:with|including)\s+(?:information|info|reporting|input|material|data)\s+(?:from|by)\s+"
    r"(?P<rest>.{2,120}?)\s*\)?\.?\s*$",
    re.IGNORECASE,
)
#: "The Associated Press contributed to this report.", "Reuters contributed reporting."
_CONTRIBUTED = re.compile(
    r"^\s*(?:the\s+)?(?P<rest>.{2,120}?)\s+contributed\s+(?:additional\s+)?(?:reporting|to\s+this\s+"
    r"(?:report|story|article))\b[^.]{0,60}\.?\s*$",
    re.IGNORECASE,
)
_BANNER = re.compile(r"^\s*(?P<a>[^|]{2,60}?)\s*\|\s*(?P<b>[^|]{2,60}?)\s*$")
_SPLIT = re.compile(r"\s*(?:,|;|/|\band\b|&|\+|\bi\b|\by\b|\be\b|\bet\b|\bund\b)\s*", re.IGNORECASE)
_DASH_AGENCY = re.compile(r"^\s*(?:--|—|–|-)?\s*\(?(?P<rest>[0-9A-Za-zÀ-ž .\-/,&]{2,60}?)\)?\s*\.?\s*$")


def agency(name: str) -> str | None:
    """The canonical wire agency ``name`` refers to, or ``None``; spaces and hyphens aside
    ("Agence - France Presse", a tokeniser's "Agence France-Presse")."""
    return AGENCIES.get(name.strip(" .()-–—").lower()) or _FOLDED_AGENCIES.get(_fold(name))


def _fold(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.lower())


_FOLDED_AGENCIES: dict[str, str] = {_fold(k): v for k, v in AGENCIES.items()}


@dataclass(slots=True)
class Credit:
    """What a credit line says."""

    outlet: str | None = None
    agencies: list[str] = field(default_factory=list)


def _split_names(rest: str) -> list[str]:
    return [p.strip(" .()\"'“”") for p in _SPLIT.split(rest) if p and p.strip(" .()\"'“”")]


def _credit_from_parts(parts: list[str], *, allow_outlet: bool) -> Credit | None:
    credit = Credit()
    for part in parts:
        canonical = agency(part)
        if canonical:
            if canonical not in credit.agencies:
                credit.agencies.append(canonical)
        elif allow_outlet and credit.outlet is None and _looks_like_outlet(part):
            credit.outlet = part
        else:
            return None
    return credit if (credit.agencies or credit.outlet) else None


def _looks_like_outlet(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 6 and part[:1].isupper() or part[:1].isdigit() and len(words) <= 6


def parse_credit_line(line: str, *, outside_body: bool) -> Credit | None:
    """The credit a whole line states, or ``None`` when it is not a credit line.

    ``outside_body`` allows the looser forms (a bare "X News in English, PAP" or
    "-- Reuters") that are only credits before or after the story itself.
    """
    text = line.strip()
    if not text or len(text) > 160:
        return None
    m = _SOURCE_LINE.match(text)
    if m:
        return _credit_from_parts(_split_names(m.group("rest")), allow_outlet=True)
    m = _WITH_INFO.match(text)
    if m:
        return _credit_from_parts(_split_names(m.group("rest")), allow_outlet=True)
    m = _CONTRIBUTED.match(text)
    if m:  # an agency makes it a credit line, with or without writers ("Anna Kask and the AP contributed ...")
        parts = _split_names(re.sub(r"(?i)\bthe\s+", "", m.group("rest")))
        agencies = list(dict.fromkeys(a for a in map(agency, parts) if a))
        writers = [p for p in parts if not agency(p)]
        if agencies and all(p[:1].isupper() and len(p.split()) <= 4 for p in writers):
            return Credit(agencies=agencies)
        return None
    if not outside_body and not re.match(r"^\s*(--|—|–|\()", text):
        return None
    m = _DASH_AGENCY.match(text)
    if m and len(text.split()) <= 8:
        parts = _split_names(m.group("rest"))
        credit = _credit_from_parts(parts, allow_outlet=outside_body)
        if credit and (credit.agencies or (outside_body and _is_outlet_name(m.group("rest")))):
            return credit
    return None


#: Lower-case words an outlet's name may hold between its capitalised ones ("News in English").
_NAME_JOINERS = frozenset("in of the and for on at de da di du des la le el am an y & -".split())


def _is_outlet_name(text: str) -> bool:
    # "TVN24 News in English", "Baltic Wire News": a name that says it is a news outlet, written as
    # a name: a short sentence that ends on such a word ("She checked in today.") is not one
    words = text.split()
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_JOINERS for w in words):
        return False
    # the word ends a name, not a compound: "Post-Gazette" and "Post-Dispatch" are outlets, "Post-Match Interviews" is not
    return bool(re.search(r"\b(news|times|post|herald|press|tribune|journal|gazette|dispatch|daily|radio|tv|wire"
                          r"|agency|observer|telegraph|chronicle|courier|monitor|express|review|today|online)\b(?!-)",
                          text, re.IGNORECASE))


def parse_banner(line: str) -> str | None:
    """The outlet a banner line such as "TVN24 | TVN24 News in English" names."""
    m = _BANNER.match(line)
    if not m:
        return None
    a, b = m.group("a").strip(), m.group("b").strip()
    if len(a.split()) > 6 or len(b.split()) > 8 or not (a[:1].isupper() or a[:1].isdigit()):
        return None
    if b.lower().startswith(a.lower()) or _is_outlet_name(b):
        return b
    if a.lower().startswith(b.lower()) or _is_outlet_name(a):
        return a
    return None


#: A dateline opening a sentence, which a summary or a title leaves out: "Cairo, Egypt (CNN) -- ",
#: "VILNIUS, July 11, 2023 (BNS) – ", "(CNN) -- ", "TALLINN - " (a place in capitals, then a dash).
#: Looser than :func:`parse_dateline`, which reads a credit and a date only off a place in capitals:
#: cutting a mixed-case place ("Cairo, Egypt") off a summary is safe, reading a date off it is not.
OPENING_DATELINE = re.compile(r"^\s*(?:[^\n()]{0,60}?\s*\([A-Za-z][A-Za-z .\-/]{1,29}\)"  # "…(Agency)"
                              r"|[A-ZÀ-Ž]{3}[A-ZÀ-Ž'.\-]*(?:\s+[A-ZÀ-Ž]{2}[A-ZÀ-Ž'.\-]*){0,3}"  # "NEW VARNA"
                              r"(?:,[^\n()–—]{0,40}?)?)"  # ", May 3"
                              r"\s*(?:--|[-–—])\s+(?=[A-Z“\"‘])")
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-ZÀ-Ž][A-ZÀ-Ž .'\-/]{2,40}),?\s+(?P<date>[^()\-–—]{0,40}?)\s*"
    r"\((?P<agency>[A-Za-z .\-/]{2,30})\)\s*(?:--|-|–|—|:)\s*"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline ("WARSAW, June 1, 2023 (PAP) -") opening a story says."""

    place: str | None = None
    date: str | None = None  #: as written; parse it with :func:`~storyline.clean.metadata.parse_date`
    agency: str | None = None
    end: int = 0  #: where the story text after the dateline starts (0: no dateline)


def parse_dateline(line: str) -> Dateline:
    m = _DATELINE.match(line)
    if not m:
        return Dateline()
    return Dateline(m.group("place").strip(), m.group("date").strip(" ,") or None, agency(m.group("agency")), m.end())


def dateline_end(sentence: str) -> int:
    """Where a sentence's own words start: after the dateline that opens it (:data:`OPENING_DATELINE`), if any."""
    m = OPENING_DATELINE.match(sentence)
    return m.end() if m and len(sentence) - m.end() >= 20 else 0
