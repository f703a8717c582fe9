"""The quote stage: who said what, with offsets into the clean text.

``quote_articles(items)`` parses the sentences that hold quote marks or cues
(one ``nlp.pipe`` call per batch) and returns a list of
:class:`~storyline.records.Quote` per article. It works in two steps, find then
apply:

1. find: quoted spans (:mod:`.marks`), reporting clauses from the parse
   (:mod:`.indirect`) and the frame of each direct quote (:mod:`.find`);
2. apply: decide each quotation event (direct, partial, headline, indirect),
   link the pieces of split and multi-paragraph quotes, carry the speaker over
   to unattributed continuations, and resolve speaker mentions to names within
   the article (:mod:`.speakers`).

The optional ``resolver`` is asked for descriptions the article itself does not
resolve ("the Norwegian diplomat"); the entities stage plugs corpus knowledge in
there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.quotes import find as fnd
from storyline.quotes.cues import cue_base
from storyline.quotes.indirect import Clause, clauses
from storyline.quotes.marks import QuoteSpan, scan
from storyline.quotes.parse import Parsed, parse
from storyline.quotes.speakers import DescriptionResolver, Speakers, related_to
from storyline.quotes.transcript import turns
from storyline.records import AnalysedArticle, Mention, Quote

__all__ = ["DescriptionResolver", "Speakers", "extract_quotes", "quote_and_parse", "quote_articles"]

#: how much each way of attributing is trusted (multiplied by the resolution's confidence)
FRAME_CONFIDENCE = {"after": 0.95, "before": 0.9, "inside": 0.9, "colon": 0.85, "next": 0.8, "clause": 0.85,
                    "continuation": 0.7, "fallback": 0.6, "cut": 0.6}
_HEADING_WORDS = 25
_GOES_ON_WORDS = 12  #: words between two quotes of one speaker ("he said outside the building. But")


@dataclass(slots=True)
class _Event:
    pieces: list[tuple[int, int]]
    kind: str
    frame: fnd.Frame | None = None
    how: str = ""  #: a FRAME_CONFIDENCE key
    inherit: bool = False  #: speaker of the previous quotation (continuation)
    spans: list[QuoteSpan] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def quote_articles(items: Sequence[AnalysedArticle], *, resolver: DescriptionResolver | None = None
                   ) -> list[list[Quote]]:
    """The quotations of each analysed article (one parse pass for all of them)."""
    return [quotes for quotes, _ in quote_and_parse(items, resolver=resolver)]


def quote_and_parse(items: Sequence[AnalysedArticle], *, resolver: DescriptionResolver | None = None
                    ) -> list[tuple[list[Quote], Parsed]]:
    """The quotations of each analysed article with the parse they were read from: a later stage
    that needs some of the same sentences parsed (the actors of a lead) reads them from it."""
    spans = [scan(item.article.text) for item in items]
    parsed = parse([(item.article.text, item.sentences, [(s.start, s.end) for s in sp], _hidden(item.article.text, sp))
                    for item, sp in zip(items, spans)])
    return [(extract(item.article.id, item.article.text, item.mentions, p, sp, resolver=resolver), p)
            for item, p, sp in zip(items, parsed, spans)]


def _hidden(text: str, spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Direct quotations the parser need not read: long, sentence-opening, closed quotes (their
    frame is parsed around a stand-in; partial quotes are parsed in full, their words matter)."""
    out = []
    for span in spans:
        if (span.closed and span.end - span.start >= 25 and text[span.start:span.start + 1].isupper()
                and fnd.opens_sentence(text, span, span.para_start)):
            out.append((span.start, span.end))
    return out


def extract_quotes(item: AnalysedArticle, *, resolver: DescriptionResolver | None = None) -> list[Quote]:
    """The quotations of one analysed article."""
    return quote_articles([item], resolver=resolver)[0]


def extract(article_id: str, text: str, mentions: Sequence[Mention], parsed: Parsed, spans: list[QuoteSpan], *,
            resolver: DescriptionResolver | None = None) -> list[Quote]:
    """Find, then apply: quotation events of one article from its quoted spans and parse."""
    mask = bytearray(len(text) + 1)
    for s in spans:
        mask[s.open_at:s.outer_end] = b"\x01" * (s.outer_end - s.open_at)

    def quoted(i: int) -> bool:
        return 0 <= i < len(mask) and bool(mask[i])

    events = _direct_events(text, spans, parsed, quoted, list(mentions))
    events += _clause_events(text, spans, clauses(parsed, quoted), events, quoted)
    partial = [e for e in events if e.kind == "partial"]
    events = [e for e in events if e.frame is not None or e.inherit
              or not any(p.start <= e.start and e.end <= p.end for p in partial)]
    events += _fallback_events(text, spans, events, parsed, quoted)
    events, labels = _transcript_events(text, events, list(mentions))
    events += _heading_events(text, events, list(mentions))
    headings = _heading_lines(text)
    for e in events:
        credited = e.frame is not None and e.frame.cue == "―"  # `“…” ― Name` is a credited quote, not a heading
        if any(lo <= e.start < hi for lo, hi in headings) and e.kind != "indirect" and not credited:
            e.kind = "headline"
    events.sort(key=lambda e: (e.start, e.end))
    if labels:  # the label's full name in place of the part of it the model tagged ("MARI [KASK]")
        mentions = [m for m in mentions if not any(n.start <= m.start and m.end <= n.end for n in labels)] + labels
    return _apply(article_id, text, events, Speakers(text, mentions, quoted=quoted, resolver=resolver, parsed=parsed))


def _direct_events(text: str, spans: list[QuoteSpan], parsed: Parsed, quoted, mentions: list[Mention]
                   ) -> list[_Event]:
    events: list[_Event] = []
    prev_end = 0
    for k, span in enumerate(spans):
        kind = fnd.span_kind(text, span)
        if kind == "name":
            continue
        last = events[-1] if events else None
        if span.continued and last is not None and last.spans and last.spans[-1].continues:
            last.pieces.append((span.start, span.end))
            last.spans.append(span)
            prev_end = span.outer_end
            if last.frame is None and not span.continues:  # its last paragraph: “…,” she added.
                frame = fnd.frame_after(text, span, _limit(spans, k), parsed, quoted)
                if frame is not None:
                    last.frame, last.how, last.inherit = frame, frame.where, False
                    prev_end = frame.cue_end
            continue
        if last is not None and _resumed(text, last, span):
            last.pieces.append((span.start, span.end))  # “The bridge,” Lepik said, “would open in May.”
            last.spans.append(span)
            prev_end = span.outer_end
            continue
        if kind == "short" or not fnd.opens_sentence(text, span, prev_end):
            continue  # partial: decided with the clauses
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        limit = _limit(spans, k)
        frame = fnd.frame_colon(text, span, mentions)
        if frame is None and text[:span.open_at].rstrip().endswith(":"):  # `X added: “…”`: the lead-in first
            frame = (fnd.frame_before(text, span, prev_end, parsed, quoted)
                     or fnd.colon_speaker(text, span, prev_end, mentions))
        frame = (frame or fnd.frame_dash(text, span) or fnd.frame_after(text, span, limit, parsed, quoted)
                 or fnd.frame_before(text, span, prev_end, parsed, quoted)
                 or fnd.frame_lead_in(text, span, parsed, quoted, mentions))
        if frame is None and not (last is not None and last.spans and last.spans[-1].para_start == span.para_start):
            frame = fnd.frame_previous(text, span, parsed, quoted)
        if frame is None and (nxt is None or nxt.para_start != span.para_start):
            frame = fnd.frame_next(text, span, _next_para_end(text, span.para_end), parsed)
        pieces = [(span.start, span.end)]
        if frame is not None and frame.where == "inside":
            pieces = [(frame.cue_end + 1, span.end)]
        if frame is None and last is not None and _linked(text, last, span):
            last.pieces.append((span.start, span.end))  # “X,” he said. “Y.”: one quotation
            last.spans.append(span)
        elif frame is None:
            cont = last is not None and _adjacent(text, last, span)
            events.append(_Event(pieces, "direct", None, "continuation" if cont else "", inherit=cont,
                                 spans=[span]))
        else:
            events.append(_Event(pieces, "direct", frame, frame.where, spans=[span]))
        prev_end = frame.cue_end if frame is not None and frame.where == "after" else span.outer_end
    return events


def _limit(spans: list[QuoteSpan], k: int) -> int:
    """Where an attribution after span ``k`` can end: the next quote of its paragraph, or the paragraph's end."""
    span, nxt = spans[k], spans[k + 1] if k + 1 < len(spans) else None
    return nxt.open_at if nxt is not None and nxt.para_start == span.para_start else span.para_end


def _linked(text: str, last: _Event, span: QuoteSpan) -> bool:
    """Is ``span`` the second piece of ``last`` (same paragraph, only its attribution between)?"""
    prev = last.spans[-1] if last.spans else None
    if prev is None or prev.para_start != span.para_start:
        return False
    between = text[prev.outer_end:span.open_at]
    if last.frame is not None and last.frame.where == "after" and prev.outer_end <= last.frame.cue_start:
        return len(fnd.words(between)) <= 20
    return not fnd.words(between)


_HANDOVER = frozenset({"and", "but", "while", "whereas", "as", "though", "although", "then", "yet"})


def _resumed(text: str, last: _Event, span: QuoteSpan) -> bool:
    """Does ``span`` resume, in the same sentence, the quote its attribution interrupted? “The
    bridge,” Lepik said, “would open in May.”: the first part ends in a comma, only the cue and
    its speaker stand between, set off by commas, and the second part goes on in lower case."""
    prev = last.spans[-1] if last.spans else None
    frame = last.frame
    if prev is None or frame is None or frame.where != "after" or prev.para_start != span.para_start:
        return False
    if not prev.outer_end <= frame.cue_start < frame.cue_end <= span.open_at:
        return False
    ending = text[prev.start:prev.outer_end].rstrip("”’\"' ")
    if not ending.endswith(",") and not text[prev.outer_end:frame.cue_start].lstrip().startswith(","):
        return False
    between = text[prev.outer_end:span.open_at]
    first = text[span.start:span.start + 1]
    if not (between.rstrip().endswith(",") and len(fnd.words(between)) <= 8 and "." not in between
            and first.islower()):
        return False
    # "…,” said Lepik, while Berg said, “…”: the second part is another person's
    after_cue = {w.lower() for w in fnd.words(text[frame.cue_end:span.open_at])}
    return not after_cue & _HANDOVER and not any(cue_base(w) for w in after_cue)


def _adjacent(text: str, last: _Event, span: QuoteSpan) -> bool:
    """Does ``span`` continue ``last`` (later in its paragraph, or opening the next paragraph)?"""
    prev = last.spans[-1] if last.spans else None
    if prev is None:
        return False
    if prev.para_start == span.para_start:
        return True  # a later quote in the same paragraph, after its attribution
    return (span.open_at - span.para_start) <= 1 and not text[prev.para_end:span.para_start].strip()


def _next_para_end(text: str, at: int) -> int:
    nl = text.find("\n", at + 1)
    while nl != -1 and not text[at:nl].strip():
        nl = text.find("\n", nl + 1)
    return len(text) if nl == -1 else nl


def _clause_events(text: str, spans: list[QuoteSpan], found: list[Clause], events: list[_Event], quoted
                   ) -> list[_Event]:
    taken = bytearray(len(text) + 1)
    for e in events:
        for s, t in e.pieces:
            taken[s:t] = b"\x01" * (t - s)
        for sp in e.spans:
            taken[sp.open_at:sp.outer_end] = b"\x01" * (sp.outer_end - sp.open_at)
    out: list[_Event] = []
    seen: set[tuple[tuple[int, int], ...]] = set()
    direct_cues = {e.frame.cue_start for e in events if e.frame is not None}
    for c in found:
        if c.cue_start in direct_cues:
            continue  # the cue of a direct quote: its complement is that quote
        chars = [i for s, e in c.pieces for i in range(s, e) if text[i].isalnum()]
        if not chars or sum(taken[i] for i in chars) / len(chars) >= 0.5:
            continue  # the frame of a direct quote, already found
        lo, hi = c.pieces[0][0], c.pieces[-1][1]
        inner = [sp for sp in spans if sp.open_at < hi and sp.outer_end > lo and not taken[sp.start]
                 and fnd.span_kind(text, sp) != "name"]  # “Challenger” tanks do not make a quote partial
        pieces = list(c.pieces)
        if inner:  # the clause holds quoted words: a partial quote; it takes the whole quoted spans
            # (with their closing mark when it holds the opening one: `rules "harsh and unfair"`)
            pieces = _merge(pieces + [(sp.open_at, sp.outer_end) if sp.open_at >= lo else (sp.start, sp.end)
                                      for sp in inner])
            for sp in inner:
                taken[sp.start] = 1
        key = tuple(pieces)
        if key in seen:
            continue
        seen.add(key)
        frame = fnd.Frame(c.cue, c.cue_start, c.cue_end, c.speaker_start, c.speaker_end, described_end=c.described_end)
        switch_lo = fnd.sentence_start(text, c.cue_start, text.rfind("\n", 0, c.cue_start) + 1)
        frame.switch = bool(fnd._SWITCH.search(text, switch_lo, c.cue_start))
        if c.speaker_start is None:
            continue  # reported speech with nobody reporting it is not a quotation
        out.append(_Event(pieces, "partial" if inner else "indirect", frame, "clause", spans=inner))
    return out


def _merge(pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(pieces):
        if out and s <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _fallback_events(text: str, spans: list[QuoteSpan], events: list[_Event], parsed: Parsed, quoted
                     ) -> list[_Event]:
    """Quoted sentences inside a sentence that no reporting clause claimed: attributed to the subject
    of the verb before them (``Rutte expressed his rejection of “what Putin suggested …”``)."""
    used = {id(sp) for e in events for sp in e.spans}
    out = []
    for span in spans:
        if id(span) in used or fnd.span_kind(text, span) != "quote":
            continue
        if any(e.start <= span.start < e.end for e in events):
            continue
        frame = (fnd.frame_before(text, span, span.para_start, parsed, quoted)
                 or fnd.frame_after(text, span, span.para_end, parsed, quoted)
                 or fnd.frame_before(text, span, span.para_start, parsed, quoted, any_verb=True))
        if frame is None and (_cut_sentence(text, span) or _goes_on(text, events, span)):
            out.append(_Event([(span.start, span.end)], "partial", None, "cut", inherit=True, spans=[span]))
            continue
        out.append(_Event([(span.start, span.end)], "partial", frame, "fallback" if frame else "", spans=[span]))
    return out


def _goes_on(text: str, events: list[_Event], span: QuoteSpan) -> bool:
    """Whether a quote no clause claims goes on from the quotation just before it in its paragraph:
    "“…,” he said outside the building. But “… It helps.”": the same speaker, a few words later."""
    before = [e for e in events if e.kind == "direct" and e.frame is not None and e.end <= span.open_at]
    if not before:
        return False
    gap = text[max(e.spans[-1].outer_end if e.spans else e.end for e in before):span.open_at]
    return "\n" not in gap and len(gap.split()) <= _GOES_ON_WORDS and not any(c in gap for c in "“”\"«»")


def _cut_sentence(text: str, span: QuoteSpan) -> bool:
    """Whether the quote's sentence opens in lower case after a full stop in its paragraph: the
    rest of the sentence before it, cut by a stray stop ("… in July. with 2% of GDP “as a base”"),
    so it quotes whoever that sentence quoted."""
    start = fnd.sentence_start(text, span.open_at, span.para_start)
    return start > span.para_start and text[start:start + 1].islower() and text[:start].rstrip().endswith(".")


def _heading_lines(text: str) -> list[tuple[int, int]]:
    """The headline (first line) and sub-headings: short lines that do not end like a sentence."""
    out = []
    pos = 0
    first = True
    for line in text.split("\n"):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        body = line.strip().rstrip("\"'”’»")
        if not body:
            continue
        short = len(body.split()) <= _HEADING_WORDS
        if short and (first or not body.endswith((".", "!", "?", "…", ":"))):
            out.append((lo, hi))
        first = False
    return out


def _transcript_events(text: str, events: list[_Event], mentions: list[Mention]
                       ) -> tuple[list[_Event], list[Mention]]:
    """``TAPPER: Do you think …``: the turns of a transcript are direct quotations of who the
    label names (:mod:`storyline.quotes.transcript`); a quotation inside a turn that nothing
    attributed is part of the turn's words. Also returns the full names the labels give in
    capitals ("JAAN TAMM, HOST:") that the model did not tag, as people: "TAMM:" is then Jaan Tamm."""
    found = turns(text, mentions)
    if not found:
        return events, []
    tagged = [(m.start, m.end) for m in mentions if m.label == "PERSON"]
    labels = [Mention(t.label_start, t.label_end, text[t.label_start:t.label_end], "PERSON") for t in found
              if not t.unnamed and len(text[t.label_start:t.label_end].split()) >= 2
              and not any(s <= t.label_start and t.label_end <= e for s, e in tagged)]
    inside = [(s, e) for t in found for s, e in t.pieces]
    kept = [ev for ev in events
            if ev.frame is not None or ev.inherit or not any(lo <= ev.start < hi for lo, hi in inside)]
    for t in found:
        if not t.unnamed:
            frame = fnd.Frame(":", t.colon, t.colon + 1, t.label_start, t.label_end, where="colon")
            kept.append(_Event(list(t.pieces), "direct", frame, "colon"))
    return kept, labels


def _heading_events(text: str, events: list[_Event], mentions: list[Mention]) -> list[_Event]:
    """``Stoltenberg: NATO Remains Committed to Supporting Ukraine``: a heading that attributes without
    quote marks (or with them around part of the statement)."""
    out = []
    for lo, hi in _heading_lines(text):
        if any(lo <= e.start < hi and (e.frame is not None or e.inherit) for e in events):
            continue
        m = re.match(r"\s*[^:\n“”\"‘’]{2,60}?:\s+(\S.*)$", text[lo:hi])
        if not m or len(fnd.words(m.group(1))) < 3:
            continue
        frame = fnd.heading_speaker(text, lo, text.rfind(":", lo, lo + m.start(1)), mentions)
        if frame is None:
            continue
        start, end = lo + m.start(1), lo + len(text[lo:hi].rstrip())
        events[:] = [e for e in events if not lo <= e.start < hi]  # unattributed quotes inside it
        out.append(_Event([(start, end)], "headline", frame, "colon"))
    return out


def _joined(text: str, pieces: list[tuple[int, int]]) -> str:
    """The words of a quotation's pieces, one after the other. A piece that ends in the reporter's
    comma before a new sentence (“The aggressor has its choice,” he said. “We have made ours.”)
    ends it with the full stop the comma stood for; before a piece that goes on the sentence (“The
    bridge,” Lepik said, “would open in May.”) the comma stays."""
    parts = [text[s:t].strip() for s, t in pieces]
    for i in range(len(parts) - 1):
        follows = parts[i + 1]
        if parts[i].endswith(",") and follows[:1].isupper() and not re.match(r"I\b", follows):
            parts[i] = parts[i][:-1] + "."
    return " ".join(parts)


def _without_closing_comma(text: str, start: int, end: int) -> tuple[int, int]:
    """A piece without the comma that ends it: “The bridge is open,” Lepik said: the comma is the
    reporter's, standing in for the speaker's full stop before the attribution."""
    words = text[start:end].rstrip()
    if words.endswith(",") and len(words) > 1:
        return start, start + len(words) - 1
    return start, end


def _apply(article_id: str, text: str, events: list[_Event], speakers: Speakers) -> list[Quote]:
    quotes: list[Quote] = []
    previous: Quote | None = None
    for e in events:
        e.pieces[-1] = _without_closing_comma(text, *e.pieces[-1])
        q = Quote(article_id=article_id, text=_joined(text, e.pieces), start=e.start,
                  end=e.end, kind=e.kind, pieces=list(e.pieces))
        f = e.frame
        confidence = FRAME_CONFIDENCE.get(e.how, 0.2)
        if f is not None:
            q.cue, q.cue_start, q.cue_end = f.cue, f.cue_start, f.cue_end
        if f is not None and f.speaker_start is not None and f.speaker_end is not None:
            # the reader sees the whole description ("officials familiar with the talks"); who
            # speaks is read from its head ("officials"), or from whom a spokesman speaks for
            shown = max(f.speaker_end, f.described_end or 0)
            q.speaker_start, q.speaker_end = f.speaker_start, shown
            # "the son of Karl Tamm", "the younger Tamm": the head ends before the relative's name
            related = related_to(text, f.speaker_start, f.speaker_end)
            q.speaker_head_end = related if related is not None else f.speaker_end if shown > f.speaker_end else None
            q.speaker_mention = text[f.speaker_start:shown]
            q.speaker, resolved = speakers.resolve(text[f.speaker_start:f.speaker_end], f.speaker_start, f.speaker_end,
                                                   switch=f.switch, said=e.pieces[0], described_end=shown)
            confidence *= resolved if q.speaker else 0.4
        elif e.inherit and previous is not None and previous.speaker:
            q.speaker_mention, q.speaker_start, q.speaker_end = (previous.speaker_mention, previous.speaker_start,
                                                                 previous.speaker_end)
            q.speaker, q.cue = previous.speaker, previous.cue
            q.cue_start, q.cue_end = previous.cue_start, previous.cue_end
            confidence *= previous.confidence
        else:
            confidence = 0.2
        q.confidence = round(confidence, 2)
        speakers.observe(q.speaker, q.start)
        quotes.append(q)
        if q.kind != "indirect":
            previous = q
    return quotes
