"""Find time expressions in a text: match every rule, keep what fits its context, resolve.

1. Every rule of :data:`storyline.timex.patterns.RULES` is matched over the whole text.
2. A rule's ``check`` looks at the words around a match and rejects what is not a time
   expression ("Theresa May", "the march on Warsaw", "2000 troops", "the daily Kommersant").
3. Overlapping matches: the longest wins, then the earlier rule.
4. The survivors are resolved in text order (:class:`storyline.timex.resolve.Resolver`), so an
   anaphoric expression ("a year earlier") sees the dates named before it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from storyline.records import Timex
from storyline.timex.patterns import COUNT_NOUNS, RULES, Rule
from storyline.timex.resolve import Resolver

_PREP = re.compile(r"(?:\b(?:in|on|since|by|until|till|through|throughout|during|of|from|to|before|after|between|"
                   r"and|or|early|late|mid|last|this|next|for|around|about|as of|that|each|every|end|beginning|"
                   r"start|middle|dated|than|also|again|only|even|back|but)\s+|[-–(,])$",
                   re.IGNORECASE)
#: "$5 million a year", "1,000 shells a month", "twice a week": a rate, so "a year" is a SET
_QUANTITY = re.compile(r"(?:\d+(?:[,.]\d+)*\s*%?|\b(?:once|twice|thrice|times|percent|each|two|three|four|five|"
                       r"six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|hundred|dozen))"
                       r"(?:\s+[A-Za-z-]+){0,2}[\s,]*$",
                       re.IGNORECASE)
_NEWSPAPER = re.compile(r"\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Observer|Mail|Tribune|Star|Sun|Night)\b")
_NUMBERED_BEFORE = re.compile(r"\b(?:page|p|pp|no|number|flight|route|resolution|article|paragraph|section|"
                               r"chapter|room|bus|line|model|version|code|grade|level|category|tier|highway|"
                               r"road|exit|gate|platform|rule|paragraphs|articles|decree|order|law)\.?\s*$",
                               re.IGNORECASE)


def _left(text: str, start: int, n: int = 40) -> str:
    return text[max(0, start - n):start]


def _right(text: str, end: int, n: int = 40) -> str:
    return text[end:end + n]


def _sentence_initial(text: str, start: int) -> bool:
    left = _left(text, start, 4).rstrip(" \t\"“‘'(`")
    return not left or left[-1] in ".!?\n:;"


def _capitalised_before(text: str, start: int) -> bool:
    m = re.search(r"([A-Z][\w'’.-]*)\s+$", _left(text, start))
    return bool(m) and not _sentence_initial(text, m.start(1) + max(0, start - 40)) and not _PREP.search(
        _left(text, start))


def check_month(text: str, m: re.Match[str], rule: Rule) -> bool:
    mon = m.group("mon")
    if not (mon[0].isupper()):
        return False
    if rule.name != "month" or m.group("mod") or m.group("rel"):
        return True
    left, right = _left(text, m.start()), _right(text, m.end())
    preceded = bool(_PREP.search(left))
    if preceded:
        return True
    if re.match(r"\s+[A-Z][a-z]", right) or _capitalised_before(text, m.start()):
        return False  # April Ryan, Theresa May
    if mon.lower() in ("may", "march"):
        return False  # modal verb, or "a march on", without a preposition it is rarely the month
    return True


def check_year(text: str, m: re.Match[str], rule: Rule) -> bool:
    y = int(m.group("y"))
    left, right = _left(text, m.start()), _right(text, m.end())
    if m.group("pre") or m.group("mod"):
        return 1000 <= y <= 2100 and not re.match(r"\s*(?:percent|per cent|%)", right)
    if _NUMBERED_BEFORE.search(left) or re.search(r"(?:\b[A-Z]{2,5}|[A-Za-z]-)\s?$", left) and not re.search(
            r"FY\s?$", left):
        return False
    word = re.match(r"\s+([a-z]+)", right)
    if word and word.group(1) in COUNT_NOUNS:
        return False
    if re.match(r"\s*(?:percent|per cent|per\b|pc\b|km|m\b|kg|ft|mph)", right):
        return False
    if _PREP.search(left) or re.match(r"['’]s\b", right):
        return 1700 <= y <= 2100
    return 1900 <= y <= 2100


def check_titlecase(text: str, m: re.Match[str], rule: Rule) -> bool:
    """ "VOA Today", "High Noon": a capitalised word inside a sentence is part of a name."""
    word = m.group("w")
    if word[0].isupper() and not word.isupper() and not _sentence_initial(text, m.start("w")):
        return bool(m.group("mod")) if "mod" in m.groupdict() else False
    return not re.search(r"\bhigh\s+$", _left(text, m.start()), re.I)


def check_weekday(text: str, m: re.Match[str], rule: Rule) -> bool:
    """Not "the Sunday Times", nor a named day ("Good Friday", "Bloody Sunday") that is not this week's,
    nor a day that recurs ("on the second Tuesday of each month": no one day)."""
    if re.search(r"\b(?:Good|Black|Bloody|Ash|Holy|Palm|Maundy|Cyber)\s+$", _left(text, m.start())):
        return False
    if re.match(r"\s+of\s+(?:each|every|the)\s+(?:month|year|week)\b", _right(text, m.end()), re.I) and (
            re.search(r"\b(?:first|second|third|fourth|fifth|last)\s+$", _left(text, m.start()), re.I)
            or re.match(r"last\s", m.group(0), re.I) and re.search(r"\bthe\s+$", _left(text, m.start()), re.I)):
        return False
    return not _NEWSPAPER.match(_right(text, m.end()))


def check_capital(text: str, m: re.Match[str], rule: Rule) -> bool:
    name = m.group("h") if "h" in m.groupdict() and m.group("h") else m.group(0).strip()
    return name[0].isupper() or name[0].isdigit()


def check_holiday(text: str, m: re.Match[str], rule: Rule) -> bool:
    """ "the Good Friday Agreement", "the Easter Rising" are names of other things."""
    return check_capital(text, m, rule) and not re.match(
        r"\s+(?:Agreement|Accords?|Rising|Uprising|Offensive|War|Massacre|Treaty|Truce)\b", _right(text, m.end()))


def check_dur_adj(text: str, m: re.Match[str], rule: Rule) -> bool:
    """ "the Six-Day War" is a name; "a 6-year-old boy" an age."""
    unit = m.group("unit")
    return check_age(text, m, rule) and not (unit[0].isupper() and not unit.isupper())


def check_spelled_year(text: str, m: re.Match[str], rule: Rule) -> bool:
    """ "nineteen ninety-six" is a year; "nineteen fifteen" only after "in", "since" and the like."""
    if m.group(0).lower().startswith("the year") or re.search(r"[\s-]", m.group("r")) or m.group("r").lower() in (
            "hundred",) or m.group("r").lower() in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                                                   "eighty", "ninety"):
        return True
    return bool(re.search(r"\b(?:in|since|of|by|until|from|to|before|after|during)\s+$", _left(text, m.start()), re.I))


def check_rel_unit(text: str, m: re.Match[str], rule: Rule) -> bool:
    unit = m.group("unit")
    if unit[0].isupper() and not unit.isupper():
        return False  # "This Week" (a programme), "Next Year" in a title
    if m.group("rel").lower() != "the":
        return True
    right = _right(text, m.end())
    if re.match(r"\s+(?:before|after|of|when|in which|that|to|earlier|ago|in\s+which)\b", right):
        return False
    return m.group("unit").lower() in ("year", "quarter", "week", "weekend", "decade", "century") or bool(
        m.group("mod"))


def check_past_unit(text: str, m: re.Match[str], rule: Rule) -> bool:
    rel = m.group("x").split()[1].lower()
    return rel in ("past", "last") or bool(m.group("approx"))


def check_half(text: str, m: re.Match[str], rule: Rule) -> bool:
    if re.match(r"\s+of\b", _right(text, m.end())):
        return False  # the first half of the match / of the article
    return bool(m.group("y") or m.group("yrel") or m.group(0).lower().endswith("year") or
                re.search(r"\b(?:in|for|during|over|since|by|until|through|throughout)\s+$", _left(text, m.start())))


def check_season(text: str, m: re.Match[str], rule: Rule) -> bool:
    s = m.group("s")
    if m.group("y") or m.group("yrel"):
        return True
    if s[0].isupper() and _capitalised_before(text, m.start()):
        return False  # Arab Spring, Prague Spring
    rel = (m.group("rel") or "").lower()
    if rel and rel not in ("the", "that"):
        return True
    if m.group("mod"):
        return True
    if re.match(r"\s+(?:of|in|from|to|by|and)\b|[-–]", _right(text, m.end())):
        return False  # the fall of Kabul, the fall in prices
    return bool(re.search(r"\b(?:in|into|during|by|until|since|over|through|throughout|before|after|for|this|last|"
                          r"next|early|late|around|till)\s+(?:the\s+)?$", _left(text, m.start()), re.I)
                and not re.match(r"\s+[a-z]+(?:s|ing)\b", _right(text, m.end())) or rel == "that")


def check_ago(text: str, m: re.Match[str], rule: Rule) -> bool:
    if m.group("dir").lower() in ("before", "after", "on", "back"):
        return bool(re.match(r"\s*(?:[.,;:!?)\"”]|$|that\b|this\b)", _right(text, m.end())))
    return True


def check_age(text: str, m: re.Match[str], rule: Rule) -> bool:
    """Ages ("a 6-year-old boy", "52 years old") are attributes of people, not time expressions."""
    return not re.match(r"[\s-]+old\b", _right(text, m.end())) and not m.group(0).lower().endswith("-old")


def check_duration(text: str, m: re.Match[str], rule: Rule) -> bool:
    if not check_age(text, m, rule):
        return False
    if m.group("unit")[0].isupper() and not m.group("unit").isupper():
        return False  # "60 Minutes" (a programme)
    if (m.group("n") or "").lower() == "one" and m.group("unit").lower() == "day" and re.match(
            r"\s+(?!(?:in|at|of|and|or|for|to|with|on|per|a|an|the|before|after|later|earlier|ago|during|"
            r"since|off|trip|visit|session|meeting|summit|conference|strike|event)\b)[a-z]+", _right(text, m.end())):
        return False  # "he will one day become": someday
    n = (m.group("n") or "").lower()
    unit = m.group("unit").lower()
    if re.fullmatch(r"1\d\d\d|20\d\d", n) and not unit.endswith("s"):
        return False  # "the 1988 quarter" is a date
    if n in ("a", "an"):
        if unit in ("second", "quarter"):
            return False  # "a second term", "a quarter of the votes"
        if _QUANTITY.search(_left(text, m.start())):
            return False  # "$5 million a year" is a SET
    if unit.startswith("quarter") and n in ("a", "an", "one", "two", "three") and re.match(
            r"\s+of\b", _right(text, m.end())):
        return False  # three quarters of the votes
    if n == "some" and not unit.endswith("s"):
        return False
    return not re.match(r"['’]s\b", _right(text, m.end())) or bool(m.group("rel") or m.group("the"))


def check_set_adv(text: str, m: re.Match[str], rule: Rule) -> bool:
    """Adverbs only ("rallies held daily", "rise 8% annually"): "quarterly dividend" and "the daily
    Granma" modify a noun and are not time expressions of their own."""
    word = m.group("adv") if m.groupdict().get("adv") else m.group("w")
    if word[0].isupper() and not _sentence_initial(text, m.start()):
        return False  # the Daily Mail
    right = _right(text, m.end())
    return bool(re.match(r"\s*(?:[.,;:!?)\"”'’]|$)|\s+(?:in|on|at|for|to|and|or|but|since|from|by|with|until|"
                         r"over|during|as|through|outside|inside|until|until|while|because|after|before|"
                         r"throughout|instead|if|when|so|than|thereafter|starting|beginning)\b", right))


def check_set_per(text: str, m: re.Match[str], rule: Rule) -> bool:
    return m.group("per").lower() == "per" or bool(_QUANTITY.search(_left(text, m.start())))


def check_set_plural(text: str, m: re.Match[str], rule: Rule) -> bool:
    return m.group("wd")[0].isupper() and not re.match(r"\s+for\b", _right(text, m.end()))


def check_ref(text: str, m: re.Match[str], rule: Rule) -> bool:
    ref = re.sub(r"\s+", " ", m.group("ref").lower())
    right = _right(text, m.end())
    if ref == "current":
        return not re.match(r"\s+(?:account|accounts|affairs|events|president|leader)\b", right, re.I)
    if ref == "earlier":
        return not re.match(r"\s*(?:than|-)", right) and not re.search(r"\b(?:an|the|much|even|far)\s+$",
                                                                        _left(text, m.start()), re.I)
    if ref == "future":
        return bool(re.search(r"\bin\s+$", _left(text, m.start()), re.I))
    if ref == "now":
        return not re.match(r"[-‑]", right)
    return True


CHECKS: dict[str, Callable[[str, re.Match[str], Rule], bool]] = {
    "month": check_month, "year": check_year, "weekday": check_weekday, "capital": check_capital,
    "spelled_year": check_spelled_year, "rel_unit": check_rel_unit, "past_unit": check_past_unit,
    "half": check_half, "season": check_season, "ago": check_ago, "duration": check_duration,
    "set_adv": check_set_adv, "titlecase": check_titlecase, "holiday": check_holiday,
    "dur_adj": check_dur_adj, "age": check_age, "set_per": check_set_per,
    "set_plural": check_set_plural, "ref": check_ref,
}


def candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """Every rule match that passes its check: ``(start, end, rule index, match)``."""
    out = []
    for i, rule in enumerate(RULES):
        check = CHECKS[rule.check] if rule.check else None
        for m in rule.pattern.finditer(text):
            if check is not None and not check(text, m, rule):
                continue
            gd = m.groupdict()
            s, e = m.span()
            for name in ("x", "x2"):
                if gd.get(name):
                    s, e = m.span(name)
            if e > s:
                out.append((s, e, i, m))
    return out


def select(cands: list[tuple[int, int, int, re.Match[str]]]) -> list[tuple[int, int, int, re.Match[str]]]:
    """Non-overlapping matches, longest first, then by rule order; returned in text order."""
    taken: list[tuple[int, int, int, re.Match[str]]] = []
    occupied: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if all(c[1] <= s or c[0] >= e for s, e in occupied):
            taken.append(c)
            occupied.append((c[0], c[1]))
    return sorted(taken, key=lambda c: c[0])


def tag_text(text: str, anchor: dt.date | None) -> list[Timex]:
    resolver = Resolver(text, anchor)
    out = []
    for start, end, i, m in select(candidates(text)):
        rule = RULES[i]
        groups = m.groupdict()
        if groups.get("unit2"):
            groups["unit"] = groups["unit2"]
        resolved = resolver.resolve(rule, groups, start, end)
        if resolved is None:
            continue
        ttype, value = resolved
        out.append(Timex(start=start, end=end, text=text[start:end], type=ttype, value=value))
    return out
