"""Who took part in an article's event, as against whom its lead only names.

A lead names more people than took part: "Prime Minister Mari Lepik on Tuesday held a press
conference with the President of Kivania, Andres Berg ... Russia's president Vladimir Putin has
not commented." Lepik and Berg took part; Putin is named. The participants of an event
(:func:`~storyline.stories.events.find_participants`) are everyone its lead names, which is what
story matching wants; a timeline's "who" wants the actors.

The actors are read from a dependency parse of the title, a deck under it and the first two
body sentences (the ingest pipeline runs no parser; this parses a few short sentences per
article, batched; a title or deck clause by clause, cut at the dashes that join its parts):

* the subject of the main verb and of the verbs joined to it, with its possessor ("Lohan's
  lawyer said ...");
* under a verb of saying, the subject of what was said: a lead attributes its event ("police
  said the actress checked into a clinic"), but not that subject's possessor ("Lukashenko's
  regime is cynical, Stoltenberg said");
* the direct object ("police arrested Tamm"), not its possessor ("condemned Ozola's remarks"),
  and the agent ("received by Lepik");
* the object of "with", "alongside" or "against" on the verb, on its object or on a word of
  meeting anywhere in the sentence ("after meeting with Poland's President Andrzej Duda"), and
  the other side of a win or a loss ("a win over the Foxes");

each with its appositions, conjuncts and the names compounded with it ("NATO Secretary General
Jens Stoltenberg", "the President of Kivania, Andres Berg").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storyline.quotes.cues import cue_base
from storyline.quotes.find import HEADING_JOINT
from storyline.quotes.marks import MARKS
from storyline.quotes.parse import Parsed, parse_spans
from storyline.records import AnalysedArticle, Sentence
from storyline.stories.events import is_heading

OPENING_MARKS = frozenset(c for c, (_, role) in MARKS.items() if role != "close")
#: Body sentences of the lead that are parsed for actors (after the title).
ACTOR_SENTENCES = 2
#: A heading before the first body sentence with at least this many words is a deck (standfirst),
#: parsed too; a shorter one is a section name or a link.
DECK_WORDS = 6
#: Longer sentences are not parsed (a run-on the splitter missed: the parse would be noise).
MAX_SENTENCE_CHARS = 600

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PARTNER_PREPS = frozenset({"with", "alongside", "against", "versus", "vs", "vs."})
#: Nouns and verbs of a meeting or a contest: who they are "with" took part too.
_GATHERING_WORDS = frozenset("""
meet meets met meeting meetings talk talks talked conference briefing call calls phoned dinner lunch
breakfast summit visit discussion discussions negotiation negotiations session interview debate
match game bout fight
""".split())
#: A result of a contest, and the prepositions that name the other side.
_CONTEST_NOUNS = {w: ("over", "against") for w in ("win", "victory", "triumph", "upset", "rout")}
_CONTEST_NOUNS.update({w: ("to", "against") for w in ("loss", "defeat")})
#: How a name spreads from the word the parse picks: "NATO Secretary General Jens Stoltenberg",
#: "the President of Kivania, Andres Berg", "Lepik and Berg".
_SPREAD = frozenset({"compound", "appos", "conj", "flat"})


def actor_sentences(analysed: AnalysedArticle, n: int = ACTOR_SENTENCES) -> list[Sentence]:
    """The title the text opens with, a deck under it, and the first ``n`` body sentences, not
    another heading (a line without final punctuation) nor a quotation; the first sentence when
    there is nothing else."""
    text, title = analysed.article.text, (analysed.article.title or "").strip()
    out: list[Sentence] = []
    body = 0
    first: Sentence | None = None
    for s in analysed.sentences:
        words = text[s.start:s.end].strip()
        if not words:
            continue
        first = first or s
        if s.end - s.start > MAX_SENTENCE_CHARS:
            continue
        if title and words[:60] == title[:60]:
            if not out:
                out.append(s)  # the title the text opens with: who it names as acting, acted
            continue  # (a page that repeats its title above the body: once is enough)
        if is_heading(words):
            if body == 0 and len(words.split()) >= DECK_WORDS and len(out) < 3:
                out.append(s)  # a deck under the title: "Iohannis and Duda ask for permanent brigades"
            continue
        if words[0] in OPENING_MARKS:
            continue  # a quotation: its words are the speaker's, its names no actors of the event
        out.append(s)
        body += 1
        if body >= n:
            break
    return out or ([first] if first is not None and first.end - first.start <= MAX_SENTENCE_CHARS else [])


#: A sentence of prose ends in a full stop, maybe inside a closing mark; a title or deck does not.
_FINAL_STOP = re.compile(r"[.!?][\"”’)»]?$")


def _segments(text: str, s: Sentence) -> list[tuple[int, int]]:
    """A sentence as the parser should read it: a title or deck cut at the dashes that join its
    parts, each a clause of its own, which the parser would otherwise hang on one another."""
    if _FINAL_STOP.search(text[s.start:s.end].rstrip()):
        return [(s.start, s.end)]
    out, at = [], s.start
    for m in HEADING_JOINT.finditer(text, s.start, s.end):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, s.end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _spread(tok: Any, out: set[int]) -> None:
    if tok.i in out:
        return
    out.add(tok.i)
    for child in tok.children:
        if child.dep_ in _SPREAD:
            _spread(child, out)


def _with_objects(head: Any) -> list[Any]:
    """The objects of "with" (and the like) hanging on ``head``."""
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS
            for g in c.children if g.dep_ == "pobj"]


def _joined_verbs(root: Any) -> list[Any]:
    """The root and the verbs joined to it, and to those ("scored 23 points to become the leader,
    and the Bluejays defeated Drake"): the main clauses, not the subordinate ones."""
    out, todo = [], [root]
    while todo:
        v = todo.pop()
        out.append(v)
        todo.extend(c for c in v.children if c.dep_ in ("conj", "xcomp") and c.tag_.startswith("VB"))
    return out


def _contest_objects(head: Any) -> list[Any]:
    """Who a win or a loss was over: "a 31-24 win over the Chiefs", "their loss to Drake"."""
    preps = _CONTEST_NOUNS.get(head.lower_, ())
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def actor_tokens(doc: Any) -> set[int]:
    """Indices of the tokens of ``doc`` (one parsed sentence, or a few) that name its actors."""
    heads: list[Any] = []
    for root in (t for t in doc if t.dep_ == "ROOT"):
        main = _joined_verbs(root)
        # what a lead attributes is the event: "Lohan's lawyer said the actress checked into rehab"
        said = [c for v in main if cue_base(v.lower_) for c in v.children
                if c.dep_ == "ccomp" and c.tag_.startswith("VB")]
        for v in main + said:
            for c in v.children:
                if c.dep_ in _SUBJECTS:
                    heads.append(c)
                    if v in main:  # "Lohan's lawyer said", but not "Lukashenko's regime is cruel, he said"
                        heads.extend(g for g in c.children if g.dep_ == "poss")
                elif c.dep_ in ("dobj", "dative"):
                    heads.append(c)  # but not its possessor: "condemned Lukashenko's regime"
                    heads.extend(_with_objects(c))
                elif c.dep_ == "agent":
                    heads.extend(g for g in c.children if g.dep_ == "pobj")
            heads.extend(_with_objects(v))
    for t in doc:
        if t.lower_ in _GATHERING_WORDS:
            heads.extend(_with_objects(t))
        heads.extend(_contest_objects(t))
    out: set[int] = set()
    for h in heads:
        _spread(h, out)
    return out


def find_actors(items: Sequence[AnalysedArticle], *, parsed: Sequence[Parsed | None] | None = None,
                batch_size: int = 64) -> list[list[tuple[int, int]]]:
    """For each article, the spans (offsets into its clean text) of the words that name the actors
    of its lead (set them as ``AnalysedArticle.actors``). A sentence the quote stage already parsed
    (``parsed``, one per article: about half the lead's words, as leads attribute) is read from that
    parse; the rest are parsed here, in one pass over the batch."""
    given = list(parsed) if parsed is not None else [None] * len(items)
    found: list[list[tuple[int, int]]] = [[] for _ in items]
    todo: list[list[tuple[int, int]]] = [[] for _ in items]
    for k, (a, p) in enumerate(zip(items, given)):
        for s in actor_sentences(a):
            parts = _segments(a.article.text, s)
            # a sentence of prose the quote stage parsed; a title or deck it parses here, part by part
            unit = p.unit_at(s.start) if p is not None and parts == [(s.start, s.end)] else None
            if unit is not None and unit.doc is not None and s.end <= unit.end:
                found[k].extend(_actor_spans(unit.doc, s.start, s.end))
            else:
                todo[k].extend(parts)
    docs = parse_spans([(a.article.text, spans) for a, spans in zip(items, todo)], batch_size=batch_size)
    for k, own in enumerate(docs):
        for doc in own:
            found[k].extend(_actor_spans(doc, 0, len(items[k].article.text)))
    return [sorted(set(spans)) for spans in found]


def _actor_spans(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``doc``'s actor words that lie within ``[start, end)`` of the article."""
    offsets = doc.user_data["offsets"]
    if "actors" not in doc.user_data:  # a unit of the quote stage can hold two sentences of the lead
        doc.user_data["actors"] = sorted(actor_tokens(doc))
    return [(offsets[i], offsets[i] + len(doc[i].text)) for i in doc.user_data["actors"] if start <= offsets[i] < end]
