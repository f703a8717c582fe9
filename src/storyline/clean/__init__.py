"""The clean stage: raw scraped text in, clean article with metadata out.

``clean_document`` works in the find-then-apply style: :func:`classify_lines`
decides, purely, what each raw line is (story, headline, boilerplate, credit,
caption, date stamp, foreign language...), then :func:`build_article` applies
those decisions, repairs glued words, and records every removed line with the
reason. Offsets from the clean text back into the raw text are kept
(:mod:`storyline.textmap`).

The decisions, in order:

1. Known boilerplate lines (:mod:`.phrases`), date stamps and date lines,
   outlet banners, credit lines (:mod:`.credits`), photo captions
   (:mod:`.captions`; a credit glued to the story's next sentence goes with
   the caption line above it), a video caption after a "video 2/4" marker, link lists
   after an "Other news" header, lines in another language, and lines the
   site repeats across unrelated articles (:mod:`.repeated`, when the caller
   tells how many other articles hold each line).
2. The main block: the article is the contiguous run of prose that
   :func:`main_block` finds. Short lines inside it (sub-headings) stay; outside
   it, a headline-like first line becomes the title, credit lines are read, and
   everything else goes, sentences included (teasers of other stories, comments).
3. Later copies of the headline are removed as duplicates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from storyline.clean import captions as _captions
from storyline.clean import credits as _credits
from storyline.clean import repeated as _repeated
from storyline.clean.glue import Lexicon, repair_glued
from storyline.clean.language import article_language, foreign_line
from storyline.clean.metadata import (
    date_line,
    ends_sentence,
    date_prefix,
    headline_stamp,
    looks_like_headline,
    looks_like_sentence,
    normalise_for_compare,
    parse_date,
)
from storyline.clean.phrases import COMMENT_STAMP, RELATED_HEADERS, glued_byline_end, match_boilerplate
from storyline.ingest import content_id
from storyline.records import Caption, CleanArticle, RawDocument, RemovedLine
from storyline.textmap import TextBuilder

__all__ = ["Lexicon", "LineDecision", "classify_lines", "clean_document"]

KEEP, TITLE, DROP = "keep", "title", "drop"
#: A teaser list's time stamp ("32M ago", "updated 16M ago", "5H ago 12 photos"): relative times
#: stamp the links of a listing, never a line of a story, so no story runs across one.
LISTING_STAMP = re.compile(
    r"(?:(?:updated|published|posted)\s+)?(?:\d{1,3}|an?|one)\s?"
    r"(?:s|m|h|d|secs?|mins?|minutes?|hours?|hrs?|days?|weeks?)\s+ago"
    r"(?:\s+\d+\s+(?:photos|videos|comments)|\s+\d{1,2}:\d{2})?", re.IGNORECASE)
#: A line cut off in mid-word ("… the ferry timetable for the isl...") is a teaser linking to another story.
_TRUNCATED = re.compile(r"\w(?:\.\.\.|…)\s*$")
#: A wire story's key points run together before it: "* Rebels take the airport * Talks stall".
_KEY_POINTS = re.compile(r"^\s*\*\s+(?P<first>[^*\n]{3,200}?)\s+\*\s")
#: The longest line read as the caption above a photo credit glued to the story.
CAPTION_WORDS = 40
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


@dataclass(slots=True)
class LineDecision:
    """What one raw line is. ``start`` > 0 keeps only the line from there on; ``head`` > 0: the
    line's first ``head`` characters are the page's headline, run together with a stamp that goes."""

    line_no: int
    text: str
    action: str = KEEP
    reason: str = ""
    start: int = 0
    head: int = 0


@dataclass(slots=True)
class Findings:
    """Everything :func:`classify_lines` found, before it is applied."""

    lines: list[LineDecision]
    language: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    credits: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    title_in_text: bool = False  #: the text already opens with the title: it is not put in front

    def credit(self, credit: _credits.Credit) -> None:
        if credit.outlet and not self.outlet:
            self.outlet = credit.outlet
        for name in credit.agencies:
            if name not in self.credits:
                self.credits.append(name)


def classify_lines(raw: RawDocument, repeated: Sequence[int] | None = None) -> Findings:
    """Decide what every line of ``raw.text`` is, without changing anything. ``repeated[i]``: how many
    other articles of the corpus hold line ``i`` word for word (:mod:`.repeated`)."""
    lines = [LineDecision(i, text) for i, text in enumerate(raw.text.split("\n"))]
    nonblank = [d for d in lines if d.text.strip()]
    found = Findings(lines=lines, language=article_language([d.text for d in nonblank]))
    for text in raw.captions:
        found.captions.append(_captions.find_caption(text) or Caption(text=text))
    _strong_rules(nonblank, found)
    if repeated is not None:
        _repeated_debris(lines, repeated)
    _main_block(nonblank, found, given_title=raw.title, extracted=raw.format == "html")
    if raw.outlet:
        found.outlet = raw.outlet
    return found


def _drop(d: LineDecision, reason: str) -> None:
    d.action, d.reason = DROP, reason


def _strong_rules(nonblank: list[LineDecision], found: Findings) -> None:
    after_video_marker = related_list = comments = False
    for i, d in enumerate(nonblank):
        text = d.text.strip()
        if comments or COMMENT_STAMP.search(text):
            comments = True  # a thread of readers' comments runs to the end of the page
            _drop(d, "readers' comments")
            continue
        if after_video_marker:
            after_video_marker = False
            if not looks_like_sentence(text):
                _drop(d, "video caption")
                continue
        if related_list:
            if not looks_like_sentence(text) and len(text.split()) <= 25:
                _drop(d, "related links")
                continue
            related_list = False
        if end := glued_byline_end(d.text):  # the writer is no actor of the story; their words go on
            d.start, d.reason = end, "byline"
            continue
        stamp, end = date_prefix(d.text)
        if stamp and end < len(d.text.rstrip()):
            found.published = found.published or stamp
            d.start, d.reason = end, "date stamp"
            continue
        headed = headline_stamp(d.text)  # only above the story: nothing kept before it
        if headed and headed[2] < len(d.text.rstrip()) and all(nb.action == DROP for nb in nonblank[:i]):
            head, stamp, end = headed
            found.published = found.published or stamp
            d.start, d.reason = end, "date stamp"
            d.head = 0 if d.text.lstrip().startswith("By ") else head  # a writer's credit is no headline
            continue
        stated = date_line(text)
        if stated:
            found.published = found.published or stated
            _drop(d, "date line")
            continue
        name = match_boilerplate(text)
        if name:
            _drop(d, name)
            after_video_marker = name == "video marker"
            related_list = name in RELATED_HEADERS
            continue
        outlet = _credits.parse_banner(text)
        if outlet:
            found.outlet = found.outlet or outlet
            _drop(d, "outlet banner")
            continue
        credit = _credits.parse_credit_line(text, outside_body=False)
        if credit:
            found.credit(credit)
            _drop(d, "credit line")
            continue
        caption = _captions.find_caption(text)
        if caption:
            found.captions.append(caption)
            _drop(d, "photo caption")
            continue
        glued = _captions.glued_credit(d.text)
        if glued:
            d.start, d.reason = glued[0], "photo credit"
            found.captions.append(_caption_above(nonblank[i - 1] if i else None, glued[1]))
            continue
        lang = foreign_line(text, found.language)
        if lang:
            _drop(d, f"other language ({lang})")


def _caption_above(above: LineDecision | None, credit: Caption) -> Caption:
    """The credit with its caption: the line above it, when that line reads as one (a sentence of at
    most :data:`CAPTION_WORDS` words that is still kept; a headline does not end in a full stop)."""
    if above is None or above.action != KEEP or above.start:
        return credit
    text = above.text.strip()
    if len(text.split()) > CAPTION_WORDS or not text.endswith("."):
        return credit
    _drop(above, "photo caption")
    return replace(credit, text=text)


def _repeated_debris(lines: list[LineDecision], repeated: Sequence[int]) -> None:
    """Drop the lines the site repeats across unrelated articles, judged against the lines still kept."""
    live = [d for d in lines if d.action != DROP and d.text.strip()]
    found = _repeated.repeated_lines([d.text[d.start:] for d in live], [repeated[d.line_no] for d in live])
    for i in found:
        _drop(live[i], _repeated.REASON)


def _main_block(nonblank: list[LineDecision], found: Findings, *, given_title: str | None,
                extracted: bool) -> None:
    live = [d for d in nonblank if d.action != DROP]
    if not live:
        return
    title_line = _headline(live, nonblank)
    if title_line is not None:
        title_line.action = TITLE
        found.title = title_line.text.strip()
    elif live[0].head:
        found.title, found.title_in_text = live[0].text[:live[0].head].strip(), True
    elif given_title:
        # some feeds give the page's first line as its title: the text holds it already
        found.title_in_text = normalise_for_compare(live[0].text).startswith(normalise_for_compare(given_title))
        found.title = _title_from(_text_of(live[0]) if found.title_in_text else given_title)
    # lines the rules already dropped still tell the main block where the page's furniture is
    page = [d for d in nonblank if d.action != TITLE]
    if extracted:  # trafilatura already chose the main content of a page
        first, last = 0, len(page) - 1
    else:
        first, last = main_block([_text_of(d) for d in page], furniture=[d.action == DROP for d in page])
    for i, d in enumerate(page):
        if first <= i <= last:
            continue
        if d.action != DROP:
            credit = _credits.parse_credit_line(d.text, outside_body=True)
            if credit:
                found.credit(credit)
                _drop(d, "credit line")
                continue
            _drop(d, "outside the article")
        # above the story, a short line that dates it ("17 September 2013 - 21: 29 GMT+1 | Tech"),
        # too garbled for a date line, or the writer's credit ("By Anna Kask | March 3, 2024") is
        # still the page's date; below it, such lines belong to other stories
        if i < first and not found.published and (
                d.reason == "byline" or (d.reason == "outside the article" and len(_text_of(d).split()) <= 12)):
            found.published = parse_date(_text_of(d))
    seen_title = normalise_for_compare(found.title) if found.title else None
    for d in page:
        if (d.action == KEEP and seen_title and normalise_for_compare(_text_of(d)) == seen_title
                and not (found.title_in_text and d is live[0])):
            _drop(d, "duplicated headline")
    first_body = next((d for d in page if d.action == KEEP), None)
    if first_body is not None:
        dateline = _credits.parse_dateline(_text_of(first_body))
        if dateline.agency and dateline.agency not in found.credits:
            found.credits.append(dateline.agency)
        if dateline.date and not found.published:
            found.published = parse_date(dateline.date)


def main_block(lines: list[str], furniture: list[bool] | None = None) -> tuple[int, int]:
    """``(first, last)`` index of the article's main block among ``lines``.

    The article is the contiguous run of lines that maximises the words in
    sentence-like lines minus a penalty for every other line (the maximum-sum
    subarray): page furniture between a stray footer sentence and the story
    keeps the footer out, while a sub-heading between paragraphs costs little.
    A listing's relative time stamp ("32M ago") and the teaser it stamps are
    never part of it; a list the story introduces with a colon is. ``furniture``
    marks lines the line rules already removed.
    """
    if not lines:
        return 0, -1
    known = furniture or [False] * len(lines)
    gains = [_line_gain(line, removed) for line, removed in zip(lines, known)]
    for i, line in enumerate(lines):
        if LISTING_STAMP.fullmatch(line.strip()):
            gains[i] = float("-inf")
            if i:
                gains[i - 1] = float("-inf")
    best, best_span = float("-inf"), (0, len(lines) - 1)
    run, run_start = 0.0, 0
    for i, gain in enumerate(gains):
        if run <= 0:
            run, run_start = gain, i
        else:
            run += gain
        if run > best:
            best, best_span = run, (run_start, i)
    if best <= 0:  # no prose at all: keep everything rather than guess
        return 0, len(lines) - 1
    first, last = best_span
    # a list the story introduces with a colon ("The tour dates:") is the story's, up to the furniture
    if last + 1 < len(lines) and lines[last + 1].rstrip().endswith(":") and not known[last + 1]:
        last += 1
    if lines[last].rstrip().endswith(":"):
        while (last + 1 < len(lines) and gains[last + 1] > float("-inf") and not known[last + 1]
               and len(lines[last + 1].split()) <= 15):
            last += 1
    return first, last


def _line_gain(line: str, furniture: bool = False) -> float:
    """A line's worth to the main block: its words when it is prose, a penalty when it is furniture."""
    words = len(line.split())
    if not furniture and looks_like_sentence(line) and not _TRUNCATED.search(line):
        return min(words, 60)
    return -max(4.0, words / 2)


def _title_from(given: str) -> str:
    """A given title without the wire stamp and dateline that open the first line of some pages
    ("TALLINN | Tue May 20, 2025 9:14 am EDT TALLINN (Reuters) - "): a headline never carries them."""
    bullets = _KEY_POINTS.match(given)
    if bullets:  # "* Rebels take the airport * Talks stall ...": the first key point heads the page
        return bullets.group("first").strip()
    stamp, end = date_prefix(given)
    rest = given[end:] if stamp else given
    return rest[_credits.dateline_end(rest):].strip() or given.strip()


def _text_of(d: LineDecision) -> str:
    return d.text[d.start:].strip()


def _headline(live: list[LineDecision], nonblank: list[LineDecision]) -> LineDecision | None:
    """The line that is the article's headline, if the text opens with one."""
    first = live[0]
    text = _text_of(first)
    if first.start or not looks_like_headline(text) or len(live) < 2:
        return None  # a date-stamped first line is the lead, not a headline
    if not looks_like_sentence(text) or not ends_sentence(text):
        return first
    # a sentence-like first line is a headline when page furniture separates it from
    # the body, or when the page repeats it
    pos = nonblank.index(first)
    following = nonblank[pos + 1] if pos + 1 < len(nonblank) else None
    if following is not None and following.action == DROP:
        return first
    key = normalise_for_compare(text)
    if any(normalise_for_compare(_text_of(d)) == key for d in live[1:]):
        return first
    return None


def build_article(raw: RawDocument, found: Findings, lexicon: Lexicon) -> CleanArticle:
    """Apply the decisions: the clean text, its offsets, and what was removed."""
    builder = TextBuilder()
    removed: list[RemovedLine] = []
    line_starts = _line_starts(raw.text)
    if found.title and not found.title_in_text and not any(d.action == TITLE for d in found.lines):
        builder.insert(found.title, 0)  # a title from metadata heads the text, mapped to offset 0
    for d in found.lines:
        text = d.text
        if not text.strip():
            continue
        if d.action == DROP:
            removed.append(RemovedLine(line=text.strip(), reason=d.reason, line_no=d.line_no))
            continue
        if d.head:  # the headline run together with the stamp: a paragraph of its own
            headline = text[:d.head]
            lead = len(headline) - len(headline.lstrip())
            builder.aligned(headline.strip(), repair_glued(_WS.sub(" ", headline.strip()), lexicon),
                            line_starts[d.line_no] + lead)
        if d.start:
            removed.append(RemovedLine(line=text[d.head: d.start].strip(), reason=d.reason, line_no=d.line_no))
        piece = text[d.start:]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        clean = repair_glued(_WS.sub(" ", piece), lexicon)
        if len(builder):
            builder.insert("\n\n", line_starts[d.line_no])
        builder.aligned(piece, clean, line_starts[d.line_no] + d.start + lead)
    text, offsets = builder.build()
    return CleanArticle(
        id=content_id(raw.text),
        source=raw.source,
        path=raw.path,
        format=raw.format,
        raw_text=raw.text,
        text=text,
        offsets=offsets,
        title=repair_glued(found.title, lexicon) if found.title else None,
        url=raw.url,
        published=raw.published or found.published,
        outlet=found.outlet,
        credits=found.credits,
        language=found.language,
        removed=removed,
        captions=found.captions,
    )


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def clean_document(raw: RawDocument, lexicon: Lexicon | None = None,
                   repeated: Sequence[int] | None = None) -> CleanArticle:
    """Clean one raw document (``lexicon`` holds the corpus's known names; ``repeated[i]`` how many other
    articles hold line ``i``, see :func:`classify_lines`)."""
    return build_article(raw, classify_lines(raw, repeated), lexicon or Lexicon())
