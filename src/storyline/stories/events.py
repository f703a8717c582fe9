"""The main event of one article: when, where, who, what kind, with the evidence for each.

News puts the event in the lead: "The Estonian prime minister on Monday urged the allies ..."
— "She spoke at a news conference with the Latvian president, whom she met on Monday at the
government house in Tallinn." So every field is read off the title and the first sentences, find then apply:
candidates with their spans first, then one choice per field.

* date: the first resolved day-level date of the lead that is neither in the future nor long
  before publication (background: "in 2014 ..."), preferring a day of this week to one weeks
  back ("the ferry, which sank on May 3 ... on Monday"); a weekday alone ("on Wednesday",
  the article undated) is kept as ``XXXX-WXX-3``; without either, the publication date stands in.
* place: a place mention of the lead after a locative preposition ("in Brussels", "at the
  NATO headquarters in Brussels") or opening a dateline ("WARSAW, March 14 -"); never a mere
  mention ("called on Belarus" is not where anything happened).
* participants: people, then organisations, of the title and lead, keyed by ``canonical``
  (the entities stage plugs its linker in; the default keys a person by surname); each marked
  whether it took part (named as an actor by the lead's parse, :mod:`storyline.stories.actors`,
  or a counterpart) or is only named ("Putin has not commented").
* counterparts: the people the lead has met, hosted or held talks with ("a joint news
  briefing with Poland's head of state, Andrzej Duda") or beaten ("stopped Sam Ortega"):
  every report of that meeting or contest names them.
* kind: cue words from :data:`KIND_CUES` (data, not code) in the title and lead.
* summary: the lead sentence most central to the title and the other lead sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from storyline.clean.credits import agency, dateline_end
from storyline.entities.gazetteer import ORG_ALIASES, ORG_SEATS, TITLE_WORDS
from storyline.records import PLACE_LABELS, AnalysedArticle, Mention, Quote, Sentence, Timex
from storyline.stories.terms import content_words, entity_key, stem

#: Sentences of the body that make the lead (after the title).
LEAD_SENTENCES = 4
#: ... and at least this many words of them (up to twice as many sentences): short sentences and
#: quotations make four sentences a thin lead ("… in Brussels" comes in the fifth).
LEAD_WORDS = 100
#: A lead day up to this many days before the publication date is news of the week; an older
#: day of the lead is the event only when no such day follows it ...
RECENT_DAYS = 3
#: ... and only when it is at most this many days old: a lead day further back is background, what
#: the story goes back to ("the ferry sank on May 3, an inquiry found", three weeks on)
OLDER_EVENT_DAYS = 14

#: Cue words of each event kind, as regular expressions over lower-cased text. Order matters
#: only for ties: the more specific kind first.
KIND_CUES: dict[str, tuple[str, ...]] = {
    "press conference": (r"press conference", r"news conference", r"press briefing", r"briefed (?:the )?(?:press|reporters)"),
    "ministerial meeting": (r"ministers?['’]? (?:will )?(?:meet|met|meeting|gather)", r"\bministerial\b",
                            r"meeting of (?:the )?(?:[a-z]+ )?ministers"),
    "summit": (r"summit", r"g7|g20", r"heads of state and government"),
    # "met the target", "meets the 2%": a goal reached, not a meeting
    "meeting": (r"\b(?:met|meets?)\b(?!\s+(?:(?!to\b|with\b|and\b|on\b|in\b|at\b|for\b)[\w'’-]+\s+){0,3}?"
                r"(?:targets?|goals?|deadlines?|requirements?|criteria|thresholds?|obligations?|standards?|"
                r"expectations?|demands?|quotas?|benchmarks?|needs?|conditions?|commitments?)\b|\s+(?:the\s+)?\d)",
                # "hosted the Polish president" ... but not "hosting Russian units"
                r"\bhost(?:ed|s|ing) (?!the\b|a\b|an\b|(?:[\w'’-]+\s+){0,2}(?:units?|troops|forces|soldiers|"
                r"weapons|missiles|refugees|migrants|bases?|warheads)\b)", r"\bmeeting\b", r"talks with",
                r"held talks", r"\b(?:dined|dining) with", r"working (?:dinner|lunch)"),
    "visit": (r"\bvisit(?:s|ed|ing)?\b", r"arrived in", r"trip to", r"\btour(?:ed|s)?\b"),
    "attack": (r"\battack(?:s|ed)?\b", r"\bstrike[sd]?\b", r"shell(?:ing|ed)", r"bomb(?:ing|ed|s)?\b", r"missiles?",
               r"drone", r"ambush"),
    # a bomb's or a gas leak's: what caused it is for the other cues ("bomb", "attack", "rig") to say
    "explosion": (r"explo(?:sion|sions|ded)\b", r"\bblast\b"),
    # "a title shot", "a shot at the title", "the shot clock": sport, not gunfire
    "shooting": (r"shoot(?:ing|s)?\b", r"(?<!title )(?<!\ba )(?<!long )(?<!big )\bshot\b(?! clock| put)",
                 r"gunm(?:a|e)n", r"opened fire"),
    "death": (r"\bdie[sd]\b", r"\bdead\b", r"death of", r"passed away", r"killed"),
    "disaster": (r"earthquake", r"quake", r"tsunami", r"flood(?:s|ing)?", r"hurricane", r"storm", r"wildfire",
                 r"eruption", r"landslide"),
    "accident": (r"crash(?:ed|es)?", r"collision", r"derail", r"accident", r"\baground\b", r"capsiz(?:e|ed|es|ing)\b",
                 r"shipwreck"),
    # "under fire" (criticised) and "opened fire" (a shooting) are no fire
    "fire": (r"(?<!under )(?<!opened )(?<!open )(?<!opening )(?<!returned )\bfire\b", r"\bblaze\b",
             r"burn(?:ed|t|ing) down"),
    "injury": (r"injured reserve", r"season[- ]ending", r"out for the (?:season|year|playoffs)",
               r"\btorn (?:acl|achilles|ligament|hamstring|meniscus|labrum)", r"\bruled out (?:of|for)\b"),
    "arrest": (r"arrest(?:ed|s)?(?! warrants?)", r"detained", r"in custody", r"charged with"),
    "trial": (r"\btrial\b", r"sentenc(?:ed|e)", r"convicted", r"verdict", r"court ruled", r"pleaded"),
    "election": (r"election", r"\bvot(?:e|es|ed|ing|ers)\b", r"ballot", r"referendum", r"polls? (?:open|close)"),
    "protest": (r"protest", r"demonstrat(?:ion|ors|ed)", r"\brall(?:y|ies)\b", r"\bmarch(?:ed)? (?:on|through)"),
    "appointment": (r"appoint(?:ed|s|ment)", r"named (?:as |the )?new", r"\bhired?\b", r"nominat(?:ed|ion)",
                    r"sworn in", r"\bsigned\b .* (?:coach|manager)"),
    "resignation": (r"resign(?:s|ed|ation)?", r"step(?:s|ped)? down", r"\bfired\b(?! up)", r"\bsacked\b", r"\bquit\b"),
    "deal": (r"acqui(?:re|res|red|sition)", r"\bmerger?\b", r"\bbuy(?:s|ing)?\b", r"\bbought\b", r"takeover", r"\bdeal\b"),
    "launch": (r"launch(?:es|ed)?", r"unveil(?:s|ed)?", r"introduc(?:es|ed)", r"releas(?:es|ed)", r"announc(?:es|ed) (?:a |the )?new"),
    "agreement": (r"agreement", r"\bagreed\b", r"\btreaty\b", r"ceasefire", r"\bsigned\b"),
    "statement": (r"\bsaid\b", r"\bsays\b", r"statement", r"announc(?:ed|es)", r"called on", r"\bwarn(?:s|ed)\b",
                  r"declared", r"\bcalls?\b", r"urged"),
}
#: Statement cues are in nearly every article: they only decide when nothing else is there.
WEAK_KINDS = frozenset({"statement"})

#: Kinds that can describe one event from different angles (a press conference at a summit).
KIND_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"meeting", "summit", "press conference", "visit", "statement", "agreement", "ministerial meeting"}),
    frozenset({"attack", "shooting", "death", "disaster", "accident", "fire", "explosion"}),
    frozenset({"arrest", "trial", "shooting", "death"}),
    frozenset({"appointment", "resignation"}),
    frozenset({"deal", "launch", "agreement"}),
    frozenset({"election", "protest", "statement"}),
)


#: Kinds of event that happen on one day: two reports of one on different weekdays are two events
#: (a summit, an election, a trial or a disaster runs over days; "arrested Sunday, charged Monday").
ONE_DAY_KINDS = frozenset({"meeting", "press conference", "visit", "ministerial meeting"})

#: A kind that is a narrower case of another: where its cues are found, the broader kind's cues
#: count for it too ("defence ministers meet ... the meeting"), and its cues count inside
#: quotation marks, which say what the gathering is as well as the reporter does.
NARROWER_KINDS = {"ministerial meeting": "meeting"}

#: Kinds of one family that never describe one event: leaders meet at a summit, ministers at a
#: ministerial meeting, even in the same city and the same weeks.
DISTINCT_KINDS = frozenset({frozenset({"summit", "ministerial meeting"})})

#: Kinds of event that happen to one person: an arrest (an injury) of someone else is another one.
PERSONAL_KINDS = frozenset({"arrest", "injury"})


def compatible_kinds(a: str, b: str) -> bool:
    """Whether two event kinds can describe one event (a press conference at a summit)."""
    return a == b or (any(a in fam and b in fam for fam in KIND_FAMILIES) and not distinct_kinds(a, b))


def distinct_kinds(a: str | None, b: str | None) -> bool:
    """Whether two event kinds can never describe one event (:data:`DISTINCT_KINDS`)."""
    return frozenset({a, b}) in DISTINCT_KINDS


_KIND_RE = {k: re.compile("|".join(f"(?:{c})" for c in cues)) for k, cues in KIND_CUES.items()}
_ACTOR_LABELS = ("PERSON", "ORG")  # "Norwegian", "Russian" (NORP) describe, they do not take part
# "to" only after going somewhere ("a trip to Kyiv", "arrived to"): "send troops to Ukraine" names no venue
_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|outside|inside|across|off(?:\s+the\s+coast\s+of)?)|"
                       r"\b(?:trip|visit|travel\w*|flew|went|came|arriv\w*|"
                       r"head\w*|return\w*|welcomed?|invited?)\s+(?:\w+\s+)?to)\s+(?:the\s+)?"
                       r"(?:city of\s+|capital\s+|town of\s+)?$", re.IGNORECASE)
#: "the war in Ukraine", "the situation in Gaza": where a background state is, not where this event took place
_BACKGROUND_IN = re.compile(r"\b(?:situation|war|conflict|crisis|fighting|invasion|occupation|violence|unrest|developments|"
                            r"troops|forces|presence|interests|units|battalions|battlegroups)\s+in\s+(?:the\s+)?$", re.IGNORECASE)
#: Words that open a background phrase: a kind cue right after one names the setting of the event.
_BACKGROUND_CUE = re.compile(r"\b(?:in (?:the )?light of|amid|in view of|in response to|in the wake of|despite|"
                             r"following|since)\b(?:(?![,.;:]).)*$")
#: A sentence that closes a quotation it did not open: the end of a quote split off its start
#: ('... the bill," he said.': a straight mark after punctuation closes).
_QUOTE_TAIL = re.compile(r"^[^“\"«‘„]*(?:[”»]|[,.!?]\s?\"(?=\s|$))")
#: A sentence that leans on the one before it: "According to him, ...", "He added ...", "This ..."
_NEEDS_CONTEXT = re.compile(r"\s*(?:according to (?:him|her|them|it)|(?:he|she|they|it|this|these|that|those|"
                            r"his|her|their)\b|(?:but|and|also|however)\b)", re.IGNORECASE)
_DATELINE = re.compile(r"^\s*\(?[A-Z][A-Za-z .'-]{1,30}\)?\s*(?:,|\(|[-–—])")
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")
_MONTH_DAY = re.compile(r"^XXXX-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
#: a clause counting from a day: "oil has been spewing since the rig exploded on 20 April"
_SINCE_CLAUSE = re.compile(r"\b(?:since|ever since|after the|following the|in the (?:wake|aftermath) of the)\b"
                           r"[^.;,!?]{0,70}$", re.IGNORECASE)
#: A day named as the attribute of a known event: "a repeat of the May 3 ferry disaster".
_ATTRIBUTIVE_DAY = re.compile(r"\b(?:the|its|their|his|her|last)\s+$", re.IGNORECASE)
_BOUND = re.compile(r"\b(?:since|until|by|before)\s+$", re.IGNORECASE)  #: "since June 21": not when it happened
_FUTURE = re.compile(r"\b(?:will|would|to be held|is to|are to|scheduled|set for|plans? to|next)\b", re.IGNORECASE)

Canonical = Callable[[Mention], "str | None"]


@dataclass(slots=True)
class ArticleFeatures:
    """What the stories stage reads of one article: plain records from the earlier stages."""

    id: str
    text: str  #: clean text
    title: str | None = None
    published: str | None = None  #: ``YYYY-MM-DD`` (or coarser when inferred)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)  #: ``storyline.timex.tag(text, published)``
    quotes: list[Quote] = field(default_factory=list)
    outlet: str | None = None
    #: spans naming the lead's actors (:mod:`storyline.stories.actors`); None: not parsed
    actors: list[tuple[int, int]] | None = None
    #: role descriptions resolved to a person ("the President of Kivania"), PERSON mentions
    described: list[Mention] = field(default_factory=list)

    @classmethod
    def from_analysed(cls, analysed: AnalysedArticle, timexes: list[Timex] | None = None) -> ArticleFeatures:
        """Features of an analysed article; time expressions are tagged when not given."""
        a = analysed.article
        if timexes is None:
            from storyline.timex import tag

            timexes = tag(a.text, a.published)
        return cls(id=a.id, text=a.text, title=a.title, published=a.published, sentences=list(analysed.sentences),
                   mentions=list(analysed.mentions), timexes=list(timexes), quotes=list(analysed.quotes),
                   outlet=a.outlet, actors=analysed.actors, described=list(analysed.described))


@dataclass(frozen=True, slots=True)
class Evidence:
    """The words an event field was read from: offsets into the clean text."""

    field: str  #: date | place | participant | counterpart | kind | summary
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Participant:
    key: str  #: canonical entity id, or ``person:stoltenberg`` by default
    name: str  #: as written (the fullest form in the article)
    label: str  #: PERSON | ORG
    #: whether they took part in the event (its subject, object, partner: :mod:`storyline.stories.actors`),
    #: or the lead only names them ("Putin has not commented")
    took_part: bool = True


@dataclass(slots=True)
class Event:
    """The main event an article reports."""

    article_id: str
    date: str | None = None  #: ``YYYY-MM-DD``, a coarser value (``2013-05``), or a weekday ``XXXX-WXX-3``
    date_source: str | None = None  #: text | published
    place: str | None = None  #: as written, e.g. "Brussels"
    venue: str | None = None  #: a facility the place is more precisely, e.g. "the NATO headquarters"
    participants: list[Participant] = field(default_factory=list)
    main: list[str] = field(default_factory=list)  #: keys of the people the title and first sentence are about
    counterparts: list[str] = field(default_factory=list)  #: people met or beaten ("talks with Duda")
    kind: str | None = None
    summary: str = ""
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def day(self) -> dt.date | None:
        """The event date as a date when it is day-level."""
        m = _DAY.match(self.date or "")
        if not m:
            return None
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None

    @property
    def weekday(self) -> int | None:
        """ISO weekday (1 = Monday) of the event, from its date or a bare weekday."""
        day = self.day
        if day:
            return day.isoweekday()
        m = _WEEKDAY.match(self.date or "")
        return int(m[1]) if m else None

    @property
    def month_day(self) -> tuple[int, int] | None:
        """``(month, day)`` of the event, from its date or a date without a year ("on Dec. 14")."""
        day = self.day
        if day:
            return day.month, day.day
        m = _MONTH_DAY.match(self.date or "")
        return (int(m[1]), int(m[2])) if m else None

    @property
    def place_key(self) -> str | None:
        return entity_key(self.place) if self.place else None


def default_canonical(mention: Mention) -> str | None:
    """The entity the entities stage linked the mention to; else a name key: a person by surname,
    others by full name."""
    linked = getattr(mention, "entity_id", None)
    if linked:
        return linked
    key = entity_key(mention.text)
    if not key:
        return None
    if mention.label == "PERSON":
        return "person:" + key.split()[-1]
    return ("org:" if mention.label == "ORG" else "norp:" if mention.label == "NORP" else "place:") + key


def is_heading(text: str) -> bool:
    """A line without final punctuation: a title, sub-heading or teaser, not a lead sentence."""
    text = text.strip()
    return len(text.split()) < 12 and not re.search(r"[.!?\"”’)]$", text)


def lead_sentences(f: ArticleFeatures, n: int = LEAD_SENTENCES, words: int = LEAD_WORDS) -> list[Sentence]:
    """The title's sentence (when the text opens with it) and the first ``n`` body sentences, more
    (up to ``2 n``) until they hold ``words`` words; headings and teasers on the way are kept but
    not counted."""
    sents = [s for s in f.sentences if f.text[s.start:s.end].strip()]
    out: list[Sentence] = []
    body = seen = 0
    title = (f.title or "").strip()
    for s in sents:
        text = f.text[s.start:s.end]
        is_title = bool(title) and not out and text.strip()[:60] == title[:60]
        out.append(s)
        if not is_title and not is_heading(text):
            body += 0 if re.match(r"\s*[a-z]", text) else 1  # the tail of a split quotation goes with it
            seen += len(text.split())
        if body >= 2 * n or (body >= n and seen >= words):
            break
    return out


#: words inside quotation marks (single ones too: "belongs ‘to a different time’")
_MARKED = re.compile(r'“[^”]{3,}”|"[^"\n]{3,}"|«[^»]{3,}»|„[^“”]{3,}[“”]|‘[^’]{3,}’')


def quoted_spans(f: ArticleFeatures) -> list[tuple[int, int]]:
    """Spans inside quotation marks: from the quote stage when it ran, else from the marks.

    A partial quotation ("the drone that fell near Hajnówka was 'a serious incident', he said")
    and a headline that marks part of itself span the reporter's words too: only their marked
    words count, so a place or a cue the reporter wrote around them is read as any other."""
    spans: list[tuple[int, int]] = []
    for q in f.quotes:
        if q.kind not in ("direct", "partial", "headline"):
            continue
        marked = [] if q.kind == "direct" else [m.span() for m in _MARKED.finditer(f.text, q.start, q.end)]
        spans.extend(marked or q.pieces or [(q.start, q.end)])
    if spans:
        return spans
    return [(m.start(), m.end()) for m in _MARKED.finditer(f.text)]


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _future_context(f: ArticleFeatures, start: int, end: int) -> bool:
    """Words around a cue that put it in the future ("a summit to be held next week")."""
    left = f.text[max(0, start - 45):start]
    left = re.split(r"[.!?]\s", left)[-1]
    return bool(_FUTURE.search(left)) or bool(re.match(r"\W*(?:\w+\s+){0,3}(?:next|to be held|will)\b", f.text[end:end + 40], re.I))


def _past_year_before(f: ArticleFeatures, left: str) -> bool:
    """A year before the article's own in the words just before a cue, in its sentence: what
    happened then ("only three allies met the target in 2014, when the goal was agreed")."""
    if not f.published:
        return False
    left = re.split(r"[.!?]\s", left)[-1]
    return any(int(y) < int(f.published[:4]) for y in _YEAR.findall(left))


def _parse_day(value: str | None) -> dt.date | None:
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _background(f: ArticleFeatures, t: Timex) -> bool:
    """A date the lead gives as a bound or a plan, not as when the event happened."""
    return bool(_BOUND.search(f.text[max(0, t.start - 40):t.start])) or _future_context(f, t.start, t.end)


def find_date(f: ArticleFeatures, lead: Sequence[Sentence]) -> tuple[str | None, str | None, Timex | None]:
    """``(value, source, evidence)`` of the event date (see the module docstring)."""
    published = _parse_day(f.published)
    end = lead[-1].end if lead else min(len(f.text), 400)
    weekday: Timex | None = None
    month_day: Timex | None = None
    older: Timex | None = None  # the first day weeks before publication: the event if no recent day follows
    for t in sorted(f.timexes, key=lambda t: t.start):
        if t.start >= end or t.type not in ("DATE", "TIME"):
            continue
        day = _parse_day(t.value)
        if day is None:
            if weekday is None and _WEEKDAY.match(t.value):
                weekday = t
            elif (month_day is None and _MONTH_DAY.match(t.value) and re.search(r"\d", t.text)
                  and not _background(f, t)):  # "Christmas" names a season more often than the day
                month_day = t
            continue
        before = f.text[max(0, t.start - 40):t.start]
        if published is not None:
            age = (published - day).days
            if age < -1 or age > OLDER_EVENT_DAYS:
                continue  # a future plan or a background date, not this article's event
            if age < 0 and _FUTURE.search(before):
                continue
            if age > RECENT_DAYS:
                # "the ferry, which sank on May 3 ... on Monday the port reopened": a day weeks back is
                # the event only when the lead gives no day of this week, and never when a clause counts
                # from it or names the event by it ("leaking since the ferry sank on May 3", "after the
                # sinking of the ferry May 3", "the May 3 ferry disaster"): what the story goes back to
                if not (_SINCE_CLAUSE.search(f.text[max(0, t.start - 80):t.start])
                        or (_ATTRIBUTIVE_DAY.search(before) or re.match(r"(?i)the\s", t.text))
                        and re.match(r"\s+[a-z]", f.text[t.end:t.end + 3])):
                    older = older or t
                continue
        elif _BOUND.search(before) or re.search(r"\blast\s+year\b", t.text, re.I):
            continue  # "since June 21"; "launched on February 24 last year" (a landmark): background
        return t.value[:10], "text", t
    if older is not None:
        return older.value[:10], "text", older
    if published is None and (month_day or weekday) is not None:
        found = min((t for t in (month_day, weekday) if t is not None), key=lambda t: t.start)
        return found.value, "text", found
    if f.published:
        return f.published, "published", None
    return None, None, None


def seat_of(venue: str) -> str | None:
    """The city of an organisation's headquarters named as a venue ("NATO headquarters" → Brussels)."""
    org = re.sub(r"^(?:the\s+)?(.*?)(?:['’]s)?\s+(?:headquarters|hq)$", r"\1", venue.strip(), flags=re.IGNORECASE)
    return ORG_SEATS.get(ORG_ALIASES.get(org, org))


def find_place(f: ArticleFeatures, lead: Sequence[Sentence]) -> tuple[Mention | None, Mention | None]:
    """``(place, venue)`` mentions of the lead: "at the NATO headquarters in Brussels" → Brussels, headquarters."""
    end = lead[-1].end if lead else min(len(f.text), 400)
    starts = {s.start for s in lead}
    quoted = quoted_spans(f)
    places_at = {m.start: m for m in f.mentions if m.label in ("GPE", "LOC")}
    found: list[tuple[int, int, Mention]] = []
    for m in f.mentions:
        if m.start >= end:
            break
        if m.label in ("GPE", "LOC") and _listed(f.text, m, places_at):
            continue  # "new units in Bulgaria, Hungary, Romania and Slovakia": where things are, not where it happened
        if m.label not in PLACE_LABELS and not (m.label == "ORG" and re.search(r"headquarters|hq\b", f.text[m.end:m.end + 16], re.I)):
            continue
        if re.match(r"['’]s\b", f.text[m.end:m.end + 3]) or _inside(quoted, m.start, m.end):
            continue  # "in Russia's invasion" is not a place; nor is a place inside a quotation
        if _future_context(f, m.start, m.end) or _NAMED_EVENT.match(f.text, m.end):
            continue  # "a summit to be held next week in Lithuania", "at the Washington summit in July":
            # another gathering, named by its place and time, not where this happened
        before = f.text[max(0, m.start - 30):m.start]
        sentence_start = any(0 <= m.start - s <= 2 for s in starts)
        if sentence_start and _DATELINE.match(f.text[m.start:m.end + 40]) and f.text[m.start:m.end].isupper():
            found.append((0, m.start, m))  # a dateline: WARSAW, ...
        elif _LOCATIVE.search(before) and not _BACKGROUND_IN.search(before):
            found.append((1 if m.label != "FAC" else 2, m.start, m))
    places = [x for x in found if x[2].label in ("GPE", "LOC")]
    venues = [x for x in found if x[2].label not in ("GPE", "LOC")]
    place = min(places, key=lambda x: (x[0], x[1]))[2] if places else None
    venue = min(venues, key=lambda x: x[1])[2] if venues else None
    if venue is not None and venue.label == "ORG":  # "at NATO headquarters": the venue, not a place called NATO
        tail = re.match(r"\s*(?:headquarters|hq)\b", f.text[venue.end:venue.end + 16], re.I)
        if tail:
            venue = Mention(venue.start, venue.end + tail.end(), f.text[venue.start:venue.end + tail.end()], "FAC")
    elif place is None and venue is not None:
        place, venue = venue, None
    return place, venue


_PLACE_ACRONYMS = frozenset({"UK", "US", "USA", "UAE", "DC", "EU"})
_PLACE_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "la", "le", "of", "on", "upon", "am", "an",
                              "der", "den", "es", "al", "el"})


def place_name(text: str) -> str:
    """A place as the timeline names it: a dateline's capitals in the case the body writes them
    ("VILNIUS" → "Vilnius", "RIO DE JANEIRO" → "Rio de Janeiro"); acronyms and initials stay ("UK", "U.S.")."""
    text = " ".join(text.split())
    if not text.isupper() or text in _PLACE_ACRONYMS:
        return text
    parts = re.split(r"([\s-]+)", text)  # words and what joins them: "STRATFORD-UPON-AVON"
    return "".join(w if w in _PLACE_ACRONYMS or "." in w or not w.strip(" -")  # "U.S.", "D.C.": initials
                   else w.lower() if i and w.lower() in _PLACE_PARTICLES else w.capitalize() for i, w in enumerate(parts))


def _listed(text: str, m: Mention, places_at: dict[int, Mention]) -> bool:
    """Whether a place mention is one of an enumeration of places ("in Bulgaria, Hungary and Romania")."""
    after = re.match(r"\s*(?:,|and\b|or\b)\s*(?:and\s+|or\s+)?", text[m.end:m.end + 12])
    if after and (m.end + after.end()) in places_at:
        return True
    before = text[max(0, m.start - 12):m.start]
    tail = re.search(r"(\S+?)(?:,|\s+and|\s+or)\s+$", before)
    if tail:
        start = m.start - len(before) + tail.start(1)
        return any(p.end == start + len(tail[1]) and p is not m for p in places_at.values() if p.start < m.start)
    return False


#: Adjectives a party or movement is named by ("Social Democratic", "Conservative", "Green").
_ADJECTIVE_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:ic|al|ist|ive|ian|an)|Green|Labour|Left|Right)$")
_NEXT_WORD = re.compile(r"\s+([A-Za-z.]+)")


def _affiliation(text: str, m: Mention) -> bool:
    """An organisation named by adjectives and followed by a title: it describes a person."""
    words = m.text.split()
    if not words or not all(_ADJECTIVE_WORD.match(w) for w in words):
        return False
    after = _NEXT_WORD.match(text, m.end)
    return bool(after) and after.group(1).lower() in TITLE_WORDS


#: Wire agencies' short names that also name actors: the US Environmental Protection Agency.
_ALSO_NOT_WIRES = frozenset({"EPA", "AA"})


#: The model tags treaties and other texts as organisations; they take part in nothing.
_DOCUMENT = re.compile(r"\b(?:treaty|conventions?|charter|accords?|pact|protocol|act|agreements?|declaration|"
                       r"resolution|doctrine|memorandum)\s*$", re.IGNORECASE)


#: A lower-case noun of a place or building right after a name: the name is part of the place's.
_NAMES_A_PLACE = re.compile(r"\s+(?:bridge|street|road|avenue|square|airport|station|stadium|arena|hospital|harbou?r|"
                            r"port|bay|river|lake|island|canal|tunnel|highway|motorway|prison|pier|quay)s?\b")
#: Links of a web page the model tags as organisations when the scraper left them in the text.
_PAGE_PARTS = frozenset({"terms of service", "terms of use", "privacy policy", "cookie policy", "pdf", "rss",
                         "newsletter", "comments"})


#: What a comment or time stamp the model read as a name looks like.
_STAMP = re.compile(r"^(?:reply|posted|updated)\b|\b\d{1,2}:\d\d\b|\bGMT\b|^(?:mon|tue|wed|thu|fri|sat|sun)\.?,?\s+"
                    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|\d)", re.IGNORECASE)


#: A place naming a gathering with its month: "the Washington summit in July" (before or after it)
_NAMED_EVENT = re.compile(r"\s+(?:summit|conference|meeting|talks|games|olympics)\s+(?:in|on|this|next|last)\s+"
                          r"(?:january|february|march|april|may|june|july|august|september|october|november|"
                          r"december|week|month|year)\b", re.IGNORECASE)
#: A name does not end on a function word ("Five Pillars of": cut off) nor open with one ("TO DO IT").
_HALF_NAME = re.compile(r"\b(?:of|the|and|to|for|in|on|at|with)$|^(?:to|of|and|for|with)\b", re.IGNORECASE)


def find_participants(f: ArticleFeatures, lead: Sequence[Sentence], canonical: Canonical,
                      limit: int = 6) -> list[tuple[Participant, Mention]]:
    """People first, then organisations, of the lead (named, or described by a role the entities
    stage resolved), each once, in order of appearance."""
    end = lead[-1].end if lead else min(len(f.text), 400)
    # the fullest spelling of each person in the article: "Stoltenberg" → "Jens Stoltenberg"
    full: dict[str, str] = {}
    for m in f.mentions:
        if m.label == "PERSON":
            k = canonical(m)
            if k and len(m.text) > len(full.get(k, "")):
                full[k] = m.text.strip()
    surnames = {m.text.split()[-1] for m in f.mentions if m.label == "PERSON" and m.text.split()}
    places = {m.text for m in f.mentions if m.label in PLACE_LABELS}
    quoted = quoted_spans(f)
    seen: dict[str, tuple[Participant, Mention]] = {}
    acting: set[str] = set()  # keys a mention of which names an actor
    # a role description the entities stage resolved is that person: "a press conference with the
    # President of Kivania" has Andres Berg take part
    for m in sorted([*f.mentions, *f.described], key=lambda m: m.start):
        if m.start >= end or m.label not in _ACTOR_LABELS or _inside(quoted, m.start, m.end):
            continue
        if m.label == "PERSON" and m.text in places:
            continue  # the model's "Kiev" as a person
        if m.label == "ORG" and _affiliation(f.text, m):
            continue  # "the former Social Democratic Prime Minister": a party label of a person
        if m.label == "ORG" and agency(m.text) and m.text not in _ALSO_NOT_WIRES:
            continue  # the wire that reported the event is no participant of it
        if m.label == "ORG" and (_DOCUMENT.search(m.text) or m.text.strip().lower() in _PAGE_PARTS):
            continue  # "the Washington Treaty": a text, not an actor; "Privacy Policy": a part of the page
        if _NAMES_A_PLACE.match(f.text, m.end):
            continue  # "the Vestra bridge", "the Kennedy airport": a name that names a place, no one taking part
        if _STAMP.search(m.text) or _HALF_NAME.search(m.text.strip()):
            continue  # "Reply Mon, Mar 19, 2011 7:34", "GMT NEW YORK": a stamp; "Five Pillars of", "TO DO IT": no name
        if m.label == "ORG" and m.text.strip() in surnames:
            m = Mention(m.start, m.end, m.text, "PERSON")  # the model's "Stoltenberg" as an organisation
        k = canonical(m)
        if not k:
            continue
        if f.actors is None or _names_actor(f.actors, m):
            acting.add(k)
        if k not in seen:
            seen[k] = (Participant(k, full.get(k, m.text.strip()), m.label), m)
    ordered = sorted(seen.values(), key=lambda pm: (_ACTOR_LABELS.index(pm[0].label), pm[1].start))
    return [(replace(p, took_part=p.key in acting), m) for p, m in ordered[:limit]]


def _names_actor(actors: Sequence[tuple[int, int]], m: Mention) -> bool:
    return any(m.start <= a < m.end or a <= m.start < b for a, b in actors)


#: A cue of meeting someone, then at most a title between it and the name: "met Polish President",
#: "talks with", "a joint news briefing with Poland's head of state, Andrzej Duda"; never a
#: clause of its own ("met in Brussels for a summit addressed by Zelensky").
_COUNTERPART_CUE = re.compile(
    r"\b(?:met|meets|meeting|(?:talks|conference|briefing|call|dinner|lunch) with|hosted|hosts|hosting|received|receives|"
    r"welcomed|welcomes)(?:\s+with)?\s+"
    r"(?:(?!(?:in|at|on|for|by|to|from|during|after|before|and|but|said|says|when|while)\b)[\w'’.-]+,?\s+){0,6}$",
    re.IGNORECASE)


#: A cue of a contest and its opponent: "stopped Sam Ortega", "defeated", "vs.".
_CONTEST_CUE = re.compile(
    r"\b(?:beat|beats|beating|defeat(?:s|ed|ing)?|stop(?:s|ped|ping)|knock(?:s|ed|ing) out|outpoint(?:s|ed)|"
    r"edg(?:e|es|ed|ing)|vs\.?|versus)\s+"
    r"(?:(?!(?:in|at|on|for|by|to|from|during|after|before|and|but|said|says|when|while)\b)[\w'’.-]+,?\s+){0,3}$",
    re.IGNORECASE)


def _cue_before(cue: re.Pattern[str], before: str) -> bool:
    hit = cue.search(before)
    return bool(hit) and hit.group()[0].islower()


def find_counterparts(f: ArticleFeatures, lead: Sequence[Sentence], canonical: Canonical, main: Sequence[str],
                      *, meeting: bool = True, limit: int = 3) -> list[tuple[str, Mention]]:
    """People of the lead whom the people the article is about (``main``) beat, stopped or played
    against (:data:`_CONTEST_CUE`), or, when the event is a ``meeting``, met, hosted or held talks
    with (:data:`_COUNTERPART_CUE`), each once, in order. Only in a sentence that names a main person: a meeting in the background of someone
    else's story is not the article's event. The cue is lower-case ("Beat writer Larry Holder" is
    a byline) and the counterpart is not the first main person ("an officer stopped Jackson")."""
    quoted = quoted_spans(f)
    # a contest's opponent is a person named in full somewhere ("Drake", "Steelers" are teams)
    full = {canonical(m) for m in f.mentions if m.label == "PERSON" and len(m.text.split()) >= 2}
    out: dict[str, Mention] = {}
    for s in lead:
        here = {canonical(m) for m in f.mentions if m.label == "PERSON" and s.start <= m.start < s.end}
        if not here & set(main):
            continue
        for m in f.mentions:
            if m.label != "PERSON" or not s.start <= m.start < s.end or _inside(quoted, m.start, m.end):
                continue
            if any(w[0].islower() for w in m.text.split()):
                continue
            before = f.text[max(s.start, m.start - 80):m.start]
            k = canonical(m)
            if not k or k in out or k in main[:1]:
                continue
            if _cue_before(_CONTEST_CUE, before) and k in full or meeting and _cue_before(_COUNTERPART_CUE, before):
                out[k] = m
    return list(out.items())[:limit]


def find_main(f: ArticleFeatures, lead: Sequence[Sentence], canonical: Canonical, limit: int = 3) -> list[str]:
    """The people the event is about: those of the title, else of the first body sentence
    ("Chargers' Jamal Williams arrested on suspicion of DUI")."""
    body = [s for s in lead if not is_heading(f.text[s.start:s.end])
            and not (f.title and f.text[s.start:s.end].strip()[:60] == f.title.strip()[:60])]
    title_end = lead[0].start if lead else 0
    if lead and f.title and f.text[lead[0].start:lead[0].end].strip()[:60] == f.title.strip()[:60]:
        title_end = lead[0].end
    first = body[0] if body else None
    quoted = quoted_spans(f)
    out: list[str] = []
    for lo, hi in ((0, title_end), (first.start, first.end) if first else (0, 0)):
        for m in f.mentions:
            if lo <= m.start and m.end <= hi and m.label == "PERSON" and not _inside(quoted, m.start, m.end):
                k = canonical(m)
                if k and k not in out:
                    out.append(k)
        if out:
            break
    if not out and f.title and title_end == 0:  # a title the text does not hold: its capitalised names
        surnames = {canonical(m): m.text.split()[-1] for m in f.mentions if m.label == "PERSON" and m.text.split()}
        out = [k for k, sn in surnames.items() if k and re.search(rf"\b{re.escape(sn)}\b", f.title)]
    return out[:limit]


def find_kind(f: ArticleFeatures, lead: Sequence[Sentence]) -> tuple[str | None, tuple[int, int] | None]:
    """The event kind whose cues the title and lead hold most, a weak kind only when alone."""
    regions = [(s.start, f.text[s.start:s.end]) for s in lead]
    if f.title and not (lead and f.text[lead[0].start:lead[0].end].strip()[:60] == f.title.strip()[:60]):
        regions.insert(0, (-1, f.title))
    quoted = quoted_spans(f)
    scored: dict[str, tuple[float, int, str, tuple[int, int] | None]] = {}
    for order, (kind, rx) in enumerate(_KIND_RE.items()):
        score, span = 0.0, None
        for i, (offset, text) in enumerate(regions):
            for m in rx.finditer(text.lower()):
                if offset >= 0 and (kind not in NARROWER_KINDS and _inside(quoted, offset + m.start(), offset + m.end())
                                    or _future_context(f, offset + m.start(), offset + m.end())):
                    continue
                weight = 2.0 if i == 0 else 1.0
                if offset >= 0 and _past_year_before(f, text[max(0, m.start() - 40):m.start()]):
                    continue  # "in 2014, when the goal was agreed": what happened then, not the event
                if _BACKGROUND_CUE.search(text[max(0, m.start() - 60):m.start()].lower()):
                    weight *= 0.25  # "in the light of recent missile attacks, ...": the setting, not the event
                score += weight
                if span is None and offset >= 0:
                    span = (offset + m.start(), offset + m.end())
        if score and kind in WEAK_KINDS:
            score *= 0.15
        scored[kind] = (score, order, kind, span)
    for narrow, broad in NARROWER_KINDS.items():
        if scored[narrow][0]:
            scored[narrow] = (scored[narrow][0] + scored[broad][0], *scored[narrow][1:])
    best = max((s for s in scored.values() if s[0]), key=lambda s: (s[0], -s[1]), default=None)
    if best is None:
        return None, None
    return best[2], best[3]


def is_plain_sentence(text: str) -> bool:
    """A sentence that can stand alone as a summary: not a question, a heading, a quotation, the
    tail of one ("... declared the minister.") or a sentence that leans on the one before."""
    return (not text.rstrip().endswith("?") and not is_heading(text)
            and not re.match(r"\s*[“\"‘]", text)
            and not re.match(r"\s*[a-z]", text)  # the tail of a quotation: "declared the minister. ..."
            and not _QUOTE_TAIL.match(text) and not _NEEDS_CONTEXT.match(text))


def find_summary(f: ArticleFeatures, lead: Sequence[Sentence]) -> Sentence | None:
    """The lead sentence sharing most content words with the title and the other lead sentences."""
    body = [s for s in f.sentences[:LEAD_SENTENCES + 3]
            if not (f.title and f.text[s.start:s.end].strip()[:60] == f.title.strip()[:60])]
    quoted = quoted_spans(f)

    def plain(s: Sentence) -> bool:
        text = f.text[s.start:s.end]
        return (6 <= len(text.split()) <= 70 and is_plain_sentence(text)
                and sum(min(b, s.end) - max(a, s.start) for a, b in quoted if a < s.end and b > s.start) < 0.5 * len(text))

    candidates = [s for s in body if plain(s)]
    if not candidates:
        return (body or list(lead) or [None])[0]
    words = {id(s): {stem(w) for w in content_words(f.text[s.start:s.end])} for s in body}
    title = {stem(w) for w in content_words(f.title or "")}

    def centrality(i: int, s: Sentence) -> float:
        mine = words[id(s)]
        if not mine:
            return 0.0
        others = sum(len(mine & words[id(o)]) / (len(mine) ** 0.5 * max(1, len(words[id(o)])) ** 0.5)
                     for o in body if o is not s)
        return 2.0 * len(mine & title) / len(mine) ** 0.5 + others / max(1, len(body) - 1) + 0.3 / (1 + i)

    return max(enumerate(candidates), key=lambda x: centrality(*x))[1]


def extract_event(f: ArticleFeatures, *, canonical: Canonical | None = None) -> Event:
    """The main event of one article, with the evidence spans of every field it found."""
    canonical = canonical or default_canonical
    lead = lead_sentences(f)
    event = Event(article_id=f.id)
    event.date, event.date_source, date_t = find_date(f, lead)
    if date_t is not None:
        event.evidence.append(Evidence("date", date_t.start, date_t.end, date_t.text))
    place, venue = find_place(f, lead)
    seat = seat_of(venue.text) if venue is not None else None
    if seat and (place is None or place.start > venue.end + 30):  # type: ignore[union-attr]
        place = None  # "at NATO headquarters" first: Brussels, not a place named sentences later
    if place is not None:
        event.place = place_name(place.text)
        event.evidence.append(Evidence("place", place.start, place.end, place.text))
    if venue is not None:
        event.venue = venue.text.strip()
        event.evidence.append(Evidence("place", venue.start, venue.end, venue.text))
        if place is None:  # "at NATO headquarters": the city the organisation sits in
            event.place = seat
    for p, m in find_participants(f, lead, canonical):
        if event.place and p.label != "PERSON" and entity_key(p.name) == event.place_key:
            continue
        event.participants.append(p)
        event.evidence.append(Evidence("participant", m.start, m.end, m.text))
    event.main = find_main(f, lead, canonical)
    event.kind, span = find_kind(f, lead)
    for key, m in find_counterparts(f, lead, canonical, event.main, meeting=event.kind in ONE_DAY_KINDS):
        event.counterparts.append(key)
        event.evidence.append(Evidence("counterpart", m.start, m.end, m.text))
    acting = {p.key for p in event.participants if p.took_part} | set(event.counterparts)
    # a parse that found none of them is no evidence against any: everyone the lead names counts
    event.participants = [replace(p, took_part=not acting or p.key in acting) for p in event.participants]
    if span is not None:
        event.evidence.append(Evidence("kind", span[0], span[1], f.text[span[0]:span[1]]))
    s = find_summary(f, lead)
    if s is not None:
        start = s.start + dateline_end(f.text[s.start:s.end])
        event.summary = " ".join(f.text[start:s.end].split())
        event.evidence.append(Evidence("summary", start, s.end, f.text[start:s.end]))
    elif f.title:
        event.summary = " ".join(f.title.split())
    return event
