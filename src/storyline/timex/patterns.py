"""Rule tables for time expressions: vocabularies and the regular expressions built from them.

Everything here is data. Each :class:`Rule` names a ``kind`` that :mod:`storyline.timex.resolve`
knows how to normalise, and optionally a ``check`` that :mod:`storyline.timex.tagger` applies to a
match in its context (is this "May" a month or a name?). Patterns are matched case-insensitively;
checks that need case (month names must be capitalised) look at the matched text.

A rule may define a group ``x``: the time expression is then that group only, and the rest of the
match is context (``for years`` tags ``years``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "final": 4, "latter": 2}
#: words that stand for an unknown number: "several years" is ``PXY``
FUZZY = ("a few", "several", "few", "many", "some", "a number of",
         "dozens of", "hundreds of", "thousands of", "countless", "numerous", "a handful of")
#: unit word -> TIMEX3 duration letter (``T`` prefix for clock units), years per unit for decades etc.
UNITS = {
    "second": "S", "sec": "S", "minute": "M", "min": "M", "hour": "H", "hr": "H", "day": "D", "night": "D",
    "week": "W", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "yr": "Y", "decade": "Y",
    "century": "Y", "centurie": "Y", "millennium": "Y", "millennia": "Y", "weekend": "WE",
}
UNIT_FACTOR = {"fortnight": 2, "decade": 10, "century": 100, "centurie": 100, "millennium": 1000,
               "millennia": 1000}
CLOCK_UNITS = {"second", "sec", "minute", "min", "hour", "hr"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "midday": "MI"}
SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
               "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
               "semiannually": "P6M", "biannually": "P6M"}
REFS = {
    "PRESENT_REF": ("right now", "now", "nowadays", "currently", "at present", "presently", "at the moment",
                    "these days", "the present day", "the present", "current"),
    "PAST_REF": ("recently", "lately", "formerly", "the past", "recent",
                 "the old days", "recent years", "recent months", "recent weeks", "recent days",
                 "recent decades", "recent times", "more recently", "most recently", "past years"),
    "FUTURE_REF": ("the future", "the near future", "the distant future", "the coming days", "the coming weeks",
                   "the coming months", "the coming years", "the coming decades", "the days ahead",
                   "the weeks ahead", "the months ahead", "the years ahead", "a later date", "as soon as possible",
                   "coming days", "coming weeks", "coming months", "coming years", "coming quarters",
                   "the near term", "the short term", "future"),
}
#: fixed-date holidays (month, day); movable ones are computed in :mod:`storyline.timex.calendar`
HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year's day": (1, 1), "halloween": (10, 31), "valentine's day": (2, 14),
    "victory day": (5, 9), "orthodox christmas": (1, 7), "thanksgiving": "thanksgiving",
    "thanksgiving day": "thanksgiving", "easter": "easter", "easter sunday": "easter", "easter monday": "easter+1",
    "good friday": "easter-2", "labor day": "labor", "memorial day": "memorial", "election day": "election",
}
TIMEZONES = (r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|local time|"
             r"Kyiv time|Kiev time|Moscow time|Washington time|ET|PT)")
#: modifiers that narrow a period without changing its value ("early 2023" is ``2023``)
MODS = (r"(?:early|late|mid|earlier|later|the (?:end|beginning|start|middle|close|turn|rest|remainder|first part|"
        r"last part|course) of|end of|start of|beginning of|"
        r"(?:earlier|later) in|(?:early|late) in)")
#: nouns counted with numbers: "2000 troops" is not a year
COUNT_NOUNS = frozenset("""people persons men women children troops soldiers fighters servicemen civilians
    residents refugees migrants workers jobs employees members votes voters seats shares units cases deaths
    dead wounded prisoners hostages tanks missiles drones rockets shells rounds aircraft planes jets
    vehicles cars trucks ships boats homes houses buildings apartments tons tonnes barrels kilometers
    kilometres km miles meters metres feet hectares acres euros dollars pounds rubles roubles hryvnias yuan
    points calories pages words signatures times students patients doctors police officers
    mph kg cc rpm""".split())

_NUMWORD = (r"(?:(?:" + "|".join(TENS) + r")(?:[\s-](?:" + "|".join(ONES) + r"))?|" + "|".join(TEENS) + "|"
            + "|".join(ONES) + ")")
NUM = (r"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|\d+\s*1/2|" + _NUMWORD + r"(?:\s+and\s+a\s+half)?|a\s+half|half\s+an?|"
       r"(?:a|one|two|three|several)\s+hundred|a\s+thousand|a\s+dozen|dozen|(?:a\s+)?couple\s+of|an?|"
       + "|".join(f.replace(" ", r"\s+") for f in FUZZY) + ")")
UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|"
        r"century|centuries|millenni(?:um|a))")
_MONTH_ALT = ("January|February|March|April|May|June|July|August|September|October|November|December|"
              r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?")
_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_WD_ALT = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


def month(name: str, *, full: bool = False) -> str:
    # "Dec.14": scraped text drops the space after an abbreviation's dot
    return rf"(?P<{name}>{_MONTH_FULL if full else _MONTH_ALT})(?:(?!\w)|(?<=\.)(?=\d))"


def weekday(name: str) -> str:
    return rf"(?P<{name}>{_WD_ALT})"


def year(name: str) -> str:
    return rf"(?P<{name}>1[6-9]\d\d|20\d\d)(?!\d)"


def day(name: str) -> str:
    return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|,\d|\.\d)"


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern: ``kind`` selects the normaliser, ``type`` the TIMEX3 type it usually yields."""

    name: str
    pattern: re.Pattern[str]
    kind: str
    type: str = "DATE"
    check: str | None = None  #: name of a context check in :mod:`storyline.timex.tagger`


def _rule(name: str, pattern: str, kind: str, type: str = "DATE", check: str | None = None) -> Rule:
    return Rule(name, re.compile(pattern, re.IGNORECASE), kind, type, check)


_YREL = r"(?P<yrel>last|this|next|the previous|the following|the same) year"
_POD = r"(?:\s+(?P<pod>morning|afternoon|evening|night))?"
_DAYREF = (rf"(?:,?\s+(?:on\s+)?(?:{weekday('cwd')}|(?P<crd>today|yesterday|tomorrow)|"
           rf"{month('cmon')}\s+{day('cd')}))?")

#: the rule table; when matches overlap the longest wins, then the earlier rule
RULES: tuple[Rule, ...] = (
    # -- absolute dates -----------------------------------------------------------------------------
    _rule("iso", r"(?<![\w-])(?P<y>\d\d\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
                 r"(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)(?::\d\d)?)?(?![\w-])", "iso"),
    _rule("numeric", r"(?<![\w/.-])(?P<a>\d\d?)(?P<sep>[/.])(?P<b>\d\d?)(?P=sep)(?P<y>\d\d\d\d)(?![\w/-]|\.\d)",
          "numeric"),
    _rule("month_day", rf"\b(?:{weekday('wd')},?\s+)?(?:the\s+)?{month('mon')}(?:\s+|(?<=\.)){day('d')}"
                       rf"(?:(?:,\s*|\s+)(?:{year('y')}|{_YREL}))?", "month_day", check="month"),
    _rule("day_month", rf"\b(?:{weekday('wd')},?\s+)?(?:the\s+)?{day('d')}\s+(?:of\s+)?{month('mon')}"
                       rf"(?:,?\s+(?:{year('y')}|{_YREL}))?", "month_day", check="month"),
    _rule("month_year", rf"\b(?:(?P<mod>{MODS})[\s-]+)?{month('mon')},?\s+(?:of\s+)?(?:{year('y')}|{_YREL})",
          "month", check="month"),
    _rule("month", rf"\b(?:(?P<mod>{MODS})[\s-]+)?(?:(?P<rel>this past|this coming|last|this|next|past|coming|"
                   rf"previous)\s+)?{month('mon', full=True)}", "month", check="month"),
    _rule("year", rf"(?<![\w$€£#./-])(?:(?P<pre>fiscal|fiscal year|FY|calendar|calendar year|the year|"
                  rf"the years|year|pre-|post-)\s*)?(?:(?P<mod>{MODS})[\s-]+)?{year('y')}(?![\w%]|[-/]\d|,\d|\.\d)",
          "year", check="year"),
    _rule("decade", rf"\b(?:the\s+)?(?:(?P<mod>{MODS})[\s-]*)?(?:(?P<dec>1[6-9]\d0|20\d0)|'(?P<dec2>\d0))'?s\b",
          "decade"),
    _rule("decade_word", r"\bthe\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?:nineteen[\s-])?(?P<decw>twenties|"
                         r"thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", "decade"),
    _rule("century", r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<ord>\d\d?(?:st|nd|rd|th)|eighteenth|"
                     r"nineteenth|twentieth|twenty-first|twenty-second)[\s-]century\b", "century"),
    _rule("spelled_year", rf"\b(?:the year\s+)?(?P<c>nineteen|eighteen|twenty)[\s-](?P<r>hundred|"
                          rf"(?:{'|'.join(TENS)})(?:[\s-](?:{'|'.join(ONES)}))?|{'|'.join(TEENS)}|"
                          rf"oh[\s-](?:{'|'.join(ONES)}))\b(?![\s-](?:{'|'.join(UNITS)}|percent|per))",
          "spelled_year", check="spelled_year"),
    _rule("year_2000", rf"\bthe year\s+(?P<tt>two thousand(?:\s+(?:and\s+)?(?:{'|'.join(TEENS)}|"
                       rf"{'|'.join(ONES)}))?)\b", "spelled_year"),
    # -- days ---------------------------------------------------------------------------------------
    _rule("relday", rf"\b(?:(?P<mod>early|late|earlier|later|mid)[\s-]+)?(?P<w>the day before yesterday|"
                    rf"the day after tomorrow|today|tonight|yesterday|tomorrow){_POD}(?!\w)", "relday",
          check="titlecase"),
    _rule("overnight", r"\b(?P<w>overnight)\b", "overnight", "TIME", check="set_adv"),
    _rule("pod", r"\b(?:(?P<mod>early|late|mid|later|earlier)[\s-]+)?(?P<rel>this|last)\s+"
                 r"(?P<pod>morning|afternoon|evening|night)\b", "pod", "TIME"),
    _rule("weekday", rf"\b(?:(?P<mod>early|late|earlier|later|mid)[\s-]+)?(?:(?P<rel>this past|this coming|"
                     rf"last|this|next|past|coming|previous|the following|the previous|that)\s+)?{weekday('wd')}"
                     rf"{_POD}(?!\w)", "weekday", check="weekday"),
    _rule("holiday", r"\b(?:(?P<rel>last|this|next)\s+)?(?P<h>Christmas Eve|Christmas Day|Christmas|Boxing Day|"
                     r"New Year's Eve|New Year's Day|Thanksgiving Day|Thanksgiving|Easter Sunday|Easter Monday|"
                     r"Easter|Good Friday|Halloween|Labor Day|Memorial Day|Election Day|"
                     r"Valentine's Day|Victory Day|Orthodox Christmas)(?![\w-])", "holiday", check="holiday"),
    _rule("clock", rf"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\b\.?|[ap]m\b)"
                   rf"(?:\s+(?P<tz>{TIMEZONES}))?{_DAYREF}", "clock", "TIME"),
    _rule("clock24", rf"(?<![\w:.,])(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?:\s*(?:hrs|h)\b)?"
                     rf"\s*(?P<tz>{TIMEZONES})\b{_DAYREF}", "clock", "TIME"),
    _rule("clock_at", rf"(?<=\bat\s)(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:.,]\d){_DAYREF}", "clock", "TIME"),
    _rule("noon", rf"\b(?P<w>noon|midnight|midday)(?:\s+(?P<tz>{TIMEZONES}))?{_DAYREF}(?!\w)", "clock", "TIME",
          check="titlecase"),
    # -- weeks, months, quarters, years relative to the anchor -----------------------------------
    _rule("rel_unit", rf"\b(?:(?P<mod>{MODS})\s+)?(?P<rel>this past|this coming|this|last|next|the current|the full|"
                      rf"the coming|the latest|the most recent|the|this year's|last year's|next year's)\s+"
                      rf"(?:(?P<fiscal>fiscal|calendar)\s+)?(?P<unit>week|weekend|month|year|quarter|decade|"
                      rf"century)(?!\w)", "rel_unit", check="rel_unit"),
    _rule("past_unit", r"\b(?:(?P<approx>over|during|in|for|within|throughout)\s+)?(?P<x>the\s+(?:past|last|"
                       r"previous|next|coming|following)\s+(?P<unit>week|month|year|decade|century))(?!\w)",
          "past_unit", "DURATION", check="past_unit"),
    _rule("year_end", r"\b(?:the\s+)?(?:(?P<rel>this|last|next)\s+)?(?:year[- ]end|year's end|end of the year)\b",
          "year_end"),
    _rule("anaphoric", r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<rel>that same|the same|that|the following|"
                       r"the next|the previous|the preceding|the prior)\s+(?P<unit>day|morning|afternoon|evening|"
                       r"night|week|weekend|month|year|quarter)(?!\w)", "anaphoric"),
    _rule("quarter", rf"\b(?:(?P<pre>the|its|their|this year's|last year's|next year's|the year's)\s+)?"
                     rf"(?:{year('y')}\s+|(?P<pyr>year-ago|year-earlier|prior-year|comparable)\s+)?"
                     rf"(?:fiscal[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+"
                     rf"(?:(?:fiscal|calendar)[\s-]+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?:{year('y2')}|{_YREL}))?"
                     rf"(?![\w-])", "quarter"),
    _rule("quarter_q", rf"(?<![\w-])(?:Q(?P<qn>[1-4])(?:\s*{year('y')})?|{year('y2')}\s*[-/]?\s*Q(?P<qn2>[1-4]))\b",
          "quarter", check="capital"),
    _rule("half", rf"\b(?:the\s+)?(?P<h>first|second|1st|2nd|latter|last)[\s-]+half(?:\s+of\s+(?:(?:fiscal\s+)?"
                  rf"{year('y')}|{_YREL}|the year))?(?![\w-])", "half", check="half"),
    _rule("half_h", rf"\bH(?P<h>[12])\s*{year('y')}\b", "half", check="capital"),
    _rule("week_of", rf"\b(?:the\s+)?week\s+of\s+{month('mon')}\s+{day('d')}(?:,?\s+{year('y')})?", "week_of",
          check="month"),
    _rule("year_period", rf"\bthe\s+{year('y')}\s+(?P<unit>quarter|period)\b", "year_period"),
    _rule("year_ago", r"\b(?:the\s+|a\s+)?(?:comparable\s+|same\s+)?(?P<w>year-ago|year-earlier|year-before|"
                      r"year-previous)(?:\s+(?P<unit>quarter|period|month|week))?(?![\w-])", "year_ago"),
    _rule("season", rf"\b(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<rel>this past|this coming|this|last|next|the|"
                    rf"that|the coming|the past)\s+)?(?P<s>spring|summer|fall|autumn|winter)"
                    rf"(?:\s+(?:of\s+)?(?:{year('y')}|{_YREL}))?(?![\w-])", "season", check="season"),
    # -- offsets ---------------------------------------------------------------------------------
    _rule("ago", rf"\b(?:(?P<approx>about|around|nearly|almost|some|more than|over|less than|just|only|roughly|"
                 rf"approximately|exactly|at least|barely)\s+)?(?P<n>{NUM})\s+(?:(?:more|full|long)\s+)?"
                 rf"(?P<unit>{UNIT})\s+(?:or so\s+)?(?P<dir>ago|earlier|later|before|after|previously|prior|"
                 rf"from now|hence|back|on)(?!\w)", "ago", check="ago"),
    # -- durations -------------------------------------------------------------------------------
    _rule("duration", rf"\b(?:(?P<approx>about|around|nearly|almost|some|more than|over(?!\s+the\b)|less than|at least|"
                      rf"at most|up to|roughly|approximately|just|only|barely|under|another|an additional|"
                      rf"a further|a full|the full|the entire|an entire|the whole)\s+)?(?:(?P<the>the|its|their|"
                      rf"his|her|a)\s+)?(?:(?P<rel>past|last|next|first|previous|coming|following|final|remaining|"
                      rf"latest|initial|same)\s+)?(?P<n>{NUM})\s+(?:(?P<adj>more|additional|full|straight|"
                      rf"consecutive|trading|business|working|calendar|school|long|extra|further)\s+)?"
                      rf"(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?![\w-])", "duration", "DURATION",
          check="duration"),
    _rule("dur_adj", rf"\b(?P<n>\d+(?:\.\d+)?|{_NUMWORD}|half)-(?P<unit>second|minute|hour|day|week|month|year|"
                     rf"decade|century)(?:-(?:long|old))?(?![\w-])", "duration", "DURATION", check="dur_adj"),
    _rule("dur_long", r"\b(?P<fz>years|months|weeks|days|hours|decades|centuries)-long\b|"
                      r"\b(?P<one>day|week|month|year|decade)-?long\b", "duration", "DURATION"),
    _rule("dur_bare", r"\b(?:for|within|over|lasted|took|lasting|spanning|spent|after)\s+(?P<x>(?P<unit>years|"
                      r"months|weeks|days|hours|decades|centuries))(?![\w-])(?!\s+(?:of|ago|earlier|later))|"
                      r"\bin\s+(?P<x2>(?P<unit2>years|months|weeks|decades))(?=\s*[.,;:!?])",
          "duration", "DURATION"),
    _rule("dur_the", r"\b(?:over|through|throughout|down|across)\s+(?P<x>the\s+(?P<unit>years|decades|centuries|"
                     r"months))\b", "duration", "DURATION"),
    # -- sets --------------------------------------------------------------------------------------
    _rule("set_every", rf"\b(?:every|each)\s+(?P<other>other\s+)?(?:(?P<n>{NUM})\s+)?(?:(?P<unit>{UNIT})|"
                       rf"{weekday('wd')}|{month('mon', full=True)}|(?P<pod>morning|afternoon|evening|night)|"
                       rf"(?P<we>weekend))(?!\w)", "set", "SET"),
    _rule("set_adv", rf"\b(?P<adv>{'|'.join(SET_ADVERBS)})\b", "set", "SET", check="set_adv"),
    _rule("set_times", rf"\b(?P<times>once|twice|thrice|(?:\d+|{_NUMWORD})\s+times)\s+(?:a|an|per|each|every)\s+"
                       rf"(?P<unit>day|night|week|month|quarter|year|hour|decade)\b", "set", "SET"),
    _rule("set_per", r"\b(?P<per>per|a|an)\s+(?P<unit>year|month|week|day|hour|night|quarter)(?![\w-])",
          "set", "SET", check="set_per"),
    _rule("set_plural", rf"\b(?P<x>{weekday('wd')}s(?:\s+(?P<pod>morning|afternoon|evening|night)s)?)(?![\w'])",
          "set", "SET", check="set_plural"),
    # -- general references ----------------------------------------------------------------------
    _rule("ref", r"\b(?P<ref>" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                                          for refs in REFS.values() for w in sorted(refs, key=len, reverse=True))
                 + r")(?![\w-])", "ref", check="ref"),
)
