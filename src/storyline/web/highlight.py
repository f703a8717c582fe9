"""Highlighted HTML from scraped text and offset spans, escaping every text segment.

Article text is written by strangers, so it is never marked safe as a whole:
the text is cut at every span boundary, each piece goes through
:func:`markupsafe.escape`, and the only tags in the output are the ones built
here, with attribute values escaped too. Spans may nest or overlap (a speaker
name inside a quote, a quote across two paragraphs); tags are closed and
reopened at boundaries so the HTML always nests, and only the first fragment
of a span carries its ``id`` anchor (``#q-<quote id>``, ``#m-<start>``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup, escape

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(slots=True)
class Span:
    start: int
    end: int
    tag: str  #: mark | a | span
    attrs: dict[str, str] = field(default_factory=dict)
    anchor: str | None = None  #: the id put on the first fragment
    rank: int = 0  #: among spans with the same extent, lower ranks go outside


def _open(span: Span, first: bool) -> str:
    attrs = dict(span.attrs)
    if first and span.anchor:
        attrs = {"id": span.anchor, **attrs}
    parts = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items())
    return f"<{span.tag}{parts}>"


def render(text: str, spans: Iterable[Span], *, start: int = 0, end: int | None = None) -> Markup:
    """``text[start:end]`` as escaped HTML with ``spans`` (offsets into ``text``) wrapped in tags."""
    end = len(text) if end is None else end
    inside = sorted((s for s in spans if s.start < end and s.end > start and s.end > s.start),
                    key=lambda s: (s.start, -s.end, s.rank))
    cuts = sorted({start, end, *(max(start, min(end, p)) for s in inside for p in (s.start, s.end))})
    out: list[str] = []
    stack: list[Span] = []
    opened: set[int] = set()
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in inside if s.start <= a and s.end >= b]
        common = 0
        while common < min(len(stack), len(active)) and stack[common] is active[common]:
            common += 1
        for s in reversed(stack[common:]):
            out.append(f"</{s.tag}>")
        for s in active[common:]:
            out.append(_open(s, id(s) not in opened))
            opened.add(id(s))
        stack = active
        out.append(str(escape(text[a:b])))
    out.extend(f"</{s.tag}>" for s in reversed(stack))
    return Markup("".join(out))


def paragraphs(text: str, spans: Sequence[Span]) -> list[Markup]:
    """The text cut at blank lines, each paragraph rendered with the spans that touch it."""
    out, pos = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        if brk.start() > pos:
            out.append(render(text, spans, start=pos, end=brk.start()))
        pos = brk.end()
    if pos < len(text):
        out.append(render(text, spans, start=pos))
    return out


def person_url(person_id: str) -> str:
    return "/people/" + quote(person_id, safe="")


def article_spans(mentions: Sequence[dict], quotes: Sequence[dict]) -> list[Span]:
    """Spans for the article page: every quote piece, its speaker, and every entity mention."""
    spans: list[Span] = []
    for q in quotes:
        who = q.get("speaker") or "unresolved speaker"
        if q.get("speaker_mention") and q.get("speaker_mention") != q.get("speaker"):
            who += f" (written “{q['speaker_mention']}”)"
        tip = f"{q.get('kind') or 'quote'} quote — {who}" + (f", said {q['date']}" if q.get("date") else "")
        for i, (s, e) in enumerate(q["pieces"] or [[q["start"], q["end"]]]):
            spans.append(Span(s, e, "mark", {"class": f"q q-{q.get('kind') or 'quote'}", "title": tip,
                                             "data-q": f"q-{q['id']}"}, anchor=f"q-{q['id']}" if i == 0 else None))
        if q.get("speaker_start") is not None and q.get("speaker_end"):
            spans.append(Span(q["speaker_start"], q["speaker_end"], "span",
                              {"class": "spk", "title": f"speaker: {q.get('speaker') or 'unresolved'}"}, rank=1))
    for m in mentions:
        label = m["label"]
        name = m.get("entity") or m["text"]
        attrs = {"class": f"m m-{label.lower()}", "title": f"{label} — {name}"}
        if label in ("PERSON", "ORG", "GPE", "LOC", "NORP"):
            spans.append(Span(m["start"], m["end"], "a", {**attrs, "href": person_url(m["person_id"])},
                              anchor=f"m-{m['start']}", rank=2))
        else:
            spans.append(Span(m["start"], m["end"], "span", attrs, anchor=f"m-{m['start']}", rank=2))
    return spans


def context(ctx: dict, cls: str = "hit") -> Markup:
    """A sentence around a quote or mention with the quoted pieces marked."""
    spans = [Span(s, e, "mark", {"class": cls}) for s, e in ctx.get("pieces", [])]
    return render(ctx["text"], spans)


def snippet(text: str) -> Markup:
    """An FTS5 snippet whose hits are wrapped in \\x02 … \\x03: escape first, then mark."""
    escaped = str(escape(text.replace("\n", " ")))
    if escaped.count("\x02") != escaped.count("\x03"):  # the scraped text itself held a marker character
        return Markup(escaped.replace("\x02", "").replace("\x03", ""))
    return Markup(escaped.replace("\x02", '<mark class="hit">').replace("\x03", "</mark>"))
