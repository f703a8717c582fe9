"""Direct, partial and headline quotation candidates, and the frame that attributes them.

A quoted span becomes a quotation candidate unless it is a name or title in
quote marks (“Challenger” tanks, “Fox News Sunday”) or a short scare quote; short
fragments only count inside reported speech (see :mod:`storyline.quotes.indirect`).
A span that opens its sentence (or follows a colon, or a cue and a comma) is a
*direct* quote; one that starts inside a sentence is *partial*.

The attribution of a direct quote is looked for in its frame, in this order:

1. after it, up to the end of the sentence: ``“…,” he said``, ``“…” said
   Caddell``, ``“…”declared the Norwegian diplomat``, ``“…” the statement reads``;
2. before it, in its sentence: ``The Ukrainian president then added: “…”``;
3. a heading or transcript colon: ``Zelensky to NATO: "…"``, ``"WALLACE: …``;
4. the next sentence, passive: ``"…" This was said by the Estonian prime minister``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from storyline.clean.credits import parse_dateline
from storyline.quotes.cues import DOCUMENT_VERBS, EVIDENCE_FORMS, SOURCE_NOUNS, SPEECH_FORMS, THOUGHT_FORMS
from storyline.quotes.marks import QuoteSpan
from storyline.quotes.parse import Parsed, token_offset, upos
from storyline.timex.patterns import MONTHS

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SMALL = frozenset("a an and the of in on at to for by with or nor but from de la le von van".split())
_NP_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PRON", "PART"})
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_ABBREV = r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bGov)(?<!\bSen)(?<!\bRep)(?<!\bGen)(?<!\bCol)" \
          r"(?<!\bLt)(?<!\bSgt)(?<!\bProf)(?<!\bJr)(?<!\bSr)(?<!\bNo)(?<!\bvs)(?<!\bU\.S)(?<!\b[A-Z])"
_SENT_END = re.compile(_ABBREV + r"[.!?…](?=\s)")
_SWITCH = re.compile(r"\b(?:for (?:his|her|their|its) part|in (?:his|her|their) turn|meanwhile)\b", re.I)
_PASSIVE_NEXT = re.compile(
    r"^\s*(?:This|That|These|Those|It|Such)(?:\s+\w+)?\s+(?:was|were|is|has been|have been)\s+(\w+)\s+by\s+", re.I)
_TRANSCRIPT = re.compile(r"^\s*([A-Z][A-Z.’'\- ]{1,30}[A-Z.]):\s+")
_TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
on earlier later also then""".split())
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|[ap]\.?m\.?")
_ROLES = frozenset("""president minister diplomat chief leader head secretary general chancellor spokesman
spokeswoman spokesperson official ambassador governor senator candidate nominee mayor""".split())
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|on)\s+(?:the\s+)?$", re.IGNORECASE)
#: prepositions whose phrase says who an unnamed speaker is ("officials at the port", "an aide to the
#: mayor", "a source close to the talks", "analysts with the bank", "a statement from the ministry")
_DESCRIBING_PREPS = frozenset("for at in with from to within inside near among on by".split())
#: objects of a phrase that tell the occasion, not the speaker ("the minister in an interview")
_OCCASION_WORDS = frozenset("""interview interviews statement speech letter post tweet tweets conference briefing
call meeting hearing remarks email television radio broadcast podcast video message address session visit trip
time week weekend month year morning afternoon evening night day days stage camera record condition behalf
phone telephone facebook twitter instagram x""".split())
_PERSONAL = frozenset("he she they we i you it him her them us me".split())
#: a participle that may be the report's own verb misread ("a Reuters poll found Kask ahead by …")
_VERBS_OF_REPORT = frozenset(SPEECH_FORMS) | frozenset(THOUGHT_FORMS) | frozenset(EVIDENCE_FORMS)
_DESCRIPTION_WORDS = 14  #: a description longer than this is a clause of its own, not the speaker's
#: how far (words) after a quote its cue is looked for; up to _FAR_CUE when the speaker and their
#: description fill the gap (`“…,” James Kask Jr., the director of the harbour authority, said`)
_NEAR_CUE, _FAR_CUE = 14, 30
#: first words of a line that is page furniture, never a speaker's ("Source: …", "READ MORE: …")
HEADING_STOP = frozenset("""source photo photos video read watch update updated note editor tags related breaking
live exclusive opinion analysis comment comments advertisement image caption credit by date published""".split())


@dataclass(slots=True)
class Frame:
    """What attributes a quote: the cue and the speaker mention (offsets into the clean text)."""

    cue: str
    cue_start: int
    cue_end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    switch: bool = False  #: "For his part, …": the speaker is not the previous one
    where: str = "after"  #: after | before | colon | inside | next
    described_end: int | None = None  #: end of what the text says of an unnamed speaker (:class:`NounPhrase`)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def span_kind(text: str, span: QuoteSpan) -> str:
    """"quote", "name" (a name or title in quote marks) or "short" (a fragment of one or two words)."""
    content = text[span.start:span.end].strip()
    ws = words(content)
    if not ws:
        return "name"
    ends_sentence = content.rstrip("\"'”’»)").endswith((".", "!", "?", "…", ","))
    content_words = [w for w in ws if w.lower() not in _SMALL]
    title_case = bool(content_words) and all(w[0].isupper() or w[0].isdigit() for w in content_words)
    if title_case and (len(ws) <= 6 and not ends_sentence or len(ws) <= 3):
        return "name"  # “Challenger” tanks, “Fox News Sunday”, “Cake Boss.”
    if len(ws) <= 2 and not ends_sentence:
        return "short"
    return "quote"


def sentence_start(text: str, at: int, lo: int, quoted: Callable[[int], bool] | None = None) -> int:
    """Start of the sentence holding offset ``at`` (not before ``lo``), by punctuation; with
    ``quoted``, a stop inside a quotation does not end the sentence that reports it."""
    last = lo
    for m in _SENT_END.finditer(text, lo, at):
        if quoted is None or not quoted(m.start()):
            last = m.end()
    while last < at and text[last].isspace():
        last += 1
    return last


def opens_sentence(text: str, span: QuoteSpan, prev_end: int) -> bool:
    """Does the quote open its sentence (or follow a colon, a spaced dash, or a cue and a comma)?
    A dash sets off what comes after it as a sentence of its own: "May 28 - Lepik tours the
    harbour - “The buck stops with me,” she said."."""
    lo = max(span.para_start, prev_end)
    before = text[sentence_start(text, span.open_at, lo):span.open_at]
    if re.search(r"\s[-–—]\s*$", before) and text[span.start:span.start + 1].isupper():
        return True  # not `welcome the governor - “my new best friend.”`: a phrase set off is partial
    before = before.strip()
    if not before or before.endswith(":"):
        return True
    first = text[span.start:span.start + 1]
    if before.endswith(",") and first.isupper():
        tail = words(before)[-3:]
        return any(w.lower() in SPEECH_FORMS for w in tail)
    return False


def is_dateline(tok: Any) -> bool:
    """Is ``tok`` the place of a dateline ("LISBON (Reuters) -", the clean stage's
    :func:`~storyline.clean.credits.parse_dateline`)? The parser often makes it a subject of the
    lead's verb ("LISBON (Reuters) - Ferrovia's chief Ana Costa said"), and then "LISBON (Reuters" speaks."""
    return tok.text.isupper() and len(tok.text) > 1 and parse_dateline(tok.doc.text[tok.idx:tok.idx + 120]).end > 0


class NounPhrase(NamedTuple):
    """A speaker's noun phrase: ``start:end`` is who speaks, read to resolve the speaker;
    ``start:described_end`` adds what the text says of someone it does not name ("officials
    familiar with the talks", "a spokeswoman for the port authority"), shown to the reader."""

    start: int
    end: int
    described_end: int


def np_span(tok: Any, parsed: Parsed) -> NounPhrase:
    """The noun phrase headed by ``tok``, without relative clauses or trailing prepositional
    phrases other than "of …" ("the Prime Minister of Norway") and those inside a name ("the
    Centre for Coastal Policy"); its description goes on over the phrases that say who an unnamed
    speaker is (:func:`_described_end`)."""
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    left = tok.left_edge
    for t in tok.doc[left.i:tok.i]:  # a dateline before the name: "LONDON (Reuters) - Donald Trump"
        spaced_hyphen = t.text == "-" and t.whitespace_ and t.i > 0 and t.doc[t.i - 1].whitespace_  # "May 28 - Obama"
        if (t.text in (")", "—", "–", ":", "”", ";") or spaced_hyphen) and t.i + 1 <= tok.i:
            left = t.doc[t.i + 1]
    # a dateline's clock before the subject: "…, 2011; 12:00 AM The commission"
    while left.i < tok.i and (left.is_punct or left.text in "“”\"'‘’" or left.lower_ in _TIME_WORDS
                              or _CLOCK.fullmatch(left.lower_)):
        left = left.doc[left.i + 1]
    right = tok
    named = _appositive_name(tok)
    if named is not None:  # "Florida's senior senator, Ana Ruiz, said": the name says who speaks
        right = named.right_edge
    else:
        for child in tok.rights:
            if child.dep_ in ("compound", "flat", "nummod", "case") or (child.dep_ == "prep" and child.lower_ == "of") \
                    or _inside_name(tok, child):
                right = child.right_edge
            elif child.dep_ == "appos" and any(upos(t) == "PROPN" for t in child.subtree):
                right = child.right_edge
            else:
                break
    while right.i > tok.i and (right.is_punct or right.text in "“”\"'‘’"):
        right = right.doc[right.i - 1]
    end = parsed.offset(right) + len(right.text)
    described = _described_end(tok, left, right) if named is None else None
    return NounPhrase(parsed.offset(left), end,
                      end if described is None else parsed.offset(described) + len(described.text))


def _inside_name(tok: Any, child: Any) -> bool:
    """Whether a "for" phrase after a proper noun is part of the name ("the Centre for Coastal
    Policy", "the Institute for Science and International Security"): every word of it capitalised
    but its small words."""
    if child.dep_ != "prep" or child.lower_ != "for" or upos(tok) != "PROPN" or not tok.text[:1].isupper():
        return False
    words = [t for t in child.subtree if t.i != child.i]
    return bool(words) and all(t.text[:1].isupper() or t.lower_ in ("and", "the", "&", "of") for t in words) \
        and words[-1].text[:1].isupper()


def _described_end(tok: Any, left: Any, right: Any) -> Any | None:
    """The last word of what the text says of a speaker it does not name: the phrases after a
    common noun or a pronoun that say where it works, whom it is close to or for whom it speaks
    ("officials at the port authority", "a person familiar with the talks", "a poll released on
    Monday", "an aide to the mayor"); None when there are none. A phrase of the occasion ("the
    minister in an interview", "officials on Tuesday") or after a comma is not one, nor anything
    past :data:`_DESCRIPTION_WORDS` words."""
    if upos(tok) == "PROPN" or tok.lower_ in _PERSONAL:
        return None
    last = None
    for child in tok.rights:
        if child.i <= right.i:
            continue
        end = _description_end(child)
        if end is None or end.i - left.i + 1 > _DESCRIPTION_WORDS:
            break
        # "officials at the ministry, who …", "the minister (…)": what is set off is no description
        stop = next((t for t in tok.doc[(last or right).i + 1:end.i + 1] if t.is_punct and t.text not in "-’'&."),
                    None)
        if stop is not None:
            last = stop.doc[stop.i - 1] if stop.i > child.i else last
            break
        last = end
    while last is not None and last.i > right.i and (last.is_punct or last.text in "“”\"'‘’"):
        last = last.doc[last.i - 1]
    return last if last is not None and last.i > right.i else None


def _description_end(child: Any) -> Any | None:
    """The last word of a phrase that describes a speaker, or None when ``child`` heads none."""
    if child.dep_ == "prep":
        obj = next((g for g in child.children if g.dep_ == "pobj"), None)
        ok = child.lower_ in _DESCRIBING_PREPS and obj is not None and not _occasion(obj)
        return child.right_edge if ok else None
    if child.dep_ not in ("amod", "acl") or child.tag_ not in ("JJ", "VBN", "VBG") or child.lower_ in _VERBS_OF_REPORT \
            or any(g.dep_ in _SUBJ or g.dep_ == "mark" for g in child.children):
        return None  # "a poll found by …": a misparse of the verb that reports
    # "familiar with the talks", "close to the mayor", "released Monday", "obtained by the paper"
    prep = next((g for g in child.children if g.dep_ in ("prep", "agent", "npadvmod")), None)
    if prep is None:
        return None
    if prep.dep_ != "npadvmod" and not any(g.dep_ == "pobj" for g in prep.children):
        # "a source close to Mayor Lepik said": the parser may make the name a second subject of the
        # verb; it is the object of "to" when it starts right after it
        nxt = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else None
        name = nxt.head if nxt is not None and nxt.dep_ in ("compound", "flat") else nxt
        if name is None or name.dep_ not in _SUBJ or name.left_edge.i != prep.i + 1 or upos(name) != "PROPN":
            return None
        return name.right_edge
    return child.right_edge


def _occasion(obj: Any) -> bool:
    """Whether a phrase's object is when or where something was said, not who said it."""
    return obj.lower_ in _OCCASION_WORDS or obj.lower_ in _TIME_WORDS or _CLOCK.fullmatch(obj.lower_) is not None \
        or obj.like_num or obj.lower_ in MONTHS


def _appositive_name(tok: Any) -> Any | None:
    """The name set off by commas after a description ("the harbour master, Piet Janssens,"): the
    appositive whose head is a proper noun, when the head of the phrase itself is not one ("Smith,
    a spokesman for the Port Authority," is Smith already)."""
    if upos(tok) == "PROPN":
        return None
    for child in tok.rights:
        if child.dep_ == "appos" and upos(child) == "PROPN":
            return child
        # the parser often hangs the name on the description's last noun: "the head of the port
        # authority, Jaan Tamm,"; there it must read as a full name, not a place ("the port of Tallinn, Estonia")
        if child.dep_ == "prep":
            inner = [g for o in child.children if o.dep_ == "pobj" for g in o.rights if g.dep_ == "appos"]
            if inner and _full_name(inner[-1]):
                return inner[-1]
    return None


def _full_name(tok: Any) -> bool:
    """Whether ``tok`` heads two or more capitalised proper nouns and nothing else ("Jaan Tamm")."""
    words = list(tok.subtree)
    return len(words) >= 2 and all(upos(t) == "PROPN" and t.text[:1].isupper() for t in words)


def _inverted_np(tokens: list[Any], k: int) -> tuple[Any, Any] | None:
    """The noun phrase right after a cue verb (``said the NATO secretary general``)."""
    i = k + 1
    while i < len(tokens) and upos(tokens[i]) in ("ADV", "PART") and tokens[i].lower_ != "'s":
        i += 1
    if i >= len(tokens) or upos(tokens[i]) not in _NP_POS or tokens[i].lower_ in ("that", "this", "it"):
        return None
    j = i
    while j + 1 < len(tokens):
        nxt = tokens[j + 1]
        if upos(nxt) in ("DET", "ADJ", "PROPN", "NOUN", "NUM", "PART") or nxt.dep_ in ("compound", "flat"):
            j += 1
        elif nxt.lower_ == "of" and j + 2 < len(tokens) and upos(tokens[j + 2]) in ("PROPN", "NOUN", "DET"):
            j += 2
        else:
            break
    return tokens[i], tokens[j]


def _inverted_description(phrase: tuple[Any, Any], parsed: Parsed) -> int | None:
    """Where the description of an inverted speaker ends ("said a spokeswoman for the port"):
    after the phrases its head word takes (:func:`np_span`)."""
    first, last = phrase
    head = next((t for t in first.doc[first.i:last.i + 1] if not first.i <= t.head.i <= last.i or t.head is t), None)
    if head is None:
        return None
    phrase = np_span(head, parsed)
    return phrase.described_end if phrase.described_end > phrase.end else None


def _is_cue(tok: Any, *, document: bool = False) -> bool:
    low = tok.lower_
    if low in SPEECH_FORMS and (tok.tag_.startswith("VB") or upos(tok) in ("VERB", "AUX")):
        return True
    if low in SPEECH_FORMS and tok.i + 1 < len(tok.doc) and upos(tok.nbor()) in ("PROPN", "DET", "PRON"):
        return True  # "said Caddell": the tagger sometimes misreads inverted cues
    return document and low in DOCUMENT_VERBS


def _subject(cue: Any, quoted: Any) -> Any | None:
    """The speaker the parse gives a cue: the agent of a passive ("was stated by X"), else the subject."""
    for child in cue.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    for child in cue.children:
        if child.dep_ in ("nsubj", "csubj") and not quoted(token_offset(child)) and not is_dateline(child):
            return child
    return None


def _reports_itself(cue: Any, quoted: Any) -> bool:
    """Does the cue take a complement of its own after it ("Zelensky explained that …")? Then it is
    a new report, not the frame of the quote before it."""
    return any(c.dep_ in ("ccomp", "xcomp") and c.i > cue.i and not quoted(token_offset(c)) for c in cue.children)


def frame_after(text: str, span: QuoteSpan, limit: int, parsed: Parsed, quoted: Any) -> Frame | None:
    """``“…,” he said`` / ``said Caddell`` / ``the statement … reads`` right after the quote."""
    m = _SENT_END.search(text, span.outer_end, limit)
    end = m.end() if m else limit
    tokens = [t for t in parsed.tokens(span.outer_end, end) if not quoted(parsed.offset(t))]
    for k, tok in enumerate(tokens[:4]):  # `“…,” according to state attorney Dave Aronberg`
        if tok.lower_ == "according" and k + 1 < len(tokens) and tokens[k + 1].lower_ == "to":
            pobj = next((c for c in tokens[k + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                s, e, described = np_span(pobj, parsed)
                at = parsed.offset(tok)
                return Frame("according to", at, parsed.offset(tokens[k + 1]) + 2, s, e, where="after",
                             described_end=described)
    # `“… Belarus.” Duda said.`: after a full stop only a short frame belongs to the quote
    new_sentence = (text[span.start:span.end].rstrip().endswith((".", "!", "?")) and bool(tokens)
                    and tokens[0].text[:1].isupper())
    for k, tok in enumerate(tokens[:4] if new_sentence else tokens[:_FAR_CUE]):
        if not _is_cue(tok, document=any(t.lower_ in SOURCE_NOUNS for t in tokens[:k] + tokens[k + 1:k + 5])):
            continue
        if new_sentence and _reports_itself(tok, quoted):
            break
        subj = _subject(tok, quoted)
        if k >= _NEAR_CUE and (subj is None or any(not t.is_punct for t in tokens[:k] if t.i < subj.left_edge.i)):
            break  # far from the quote only behind its speaker's long description: `“…,” Kivi, legal director …, said`
        document = next((t for t in tokens[:k] if t.lower_ in SOURCE_NOUNS), None)
        described = None
        if document is not None:  # `the statement released after the meeting reads`: the statement speaks
            s, e, described = np_span(document, parsed)
            e = min(e, parsed.offset(document) + len(document.text))
        elif subj is not None and parsed.offset(subj) >= span.outer_end:
            s, e, described = np_span(subj, parsed)
        elif (inv := _inverted_np(tokens, k)) is not None:
            s, e = parsed.offset(inv[0]), parsed.offset(inv[1]) + len(inv[1].text)
            described = _inverted_description(inv, parsed)
        elif k and any(upos(t) in ("PROPN", "NOUN", "PRON") for t in tokens[:k]):
            first = next(t for t in tokens[:k] if upos(t) in _NP_POS)
            s, e = parsed.offset(first), parsed.offset(tokens[k - 1]) + len(tokens[k - 1].text)
        else:
            continue
        at = parsed.offset(tok)
        if s < span.outer_end:  # the parse hung the quote on the speaker: keep the speaker alone
            s = next((parsed.offset(t) for t in tokens if parsed.offset(t) >= span.outer_end and t.is_alpha), s)
        return Frame(tok.text, at, at + len(tok.text), s, e, where="after", described_end=described)
    return None


_DASH_CREDIT = re.compile(
    r"[ \t]*(?:―|—|–|--|-)[ \t]*"
    r"(?P<name>(?:[A-ZÀ-Þ][\w’'.\-]*|de|van|von|da|del|la|al)(?:[ \t]+(?:[A-ZÀ-Þ][\w’'.\-]*|de|van|von|da|del|la|al)){0,5})"
    r"(?=[ \t]*(?:[,.;]|\n|$))"
)


def frame_dash(text: str, span: QuoteSpan) -> Frame | None:
    """``“…” ― Jane Doe``: a name after a dash right behind the quote credits it (pull quotes,
    readers' voices, epigraphs)."""
    m = _DASH_CREDIT.match(text, span.outer_end)
    if not m or not m.group("name")[:1].isupper():
        return None
    s, e = m.start("name"), m.end("name")
    dash = text.index(m.group(0).strip()[0], span.outer_end)
    return Frame("―", dash, dash + 1, s, e, where="after")


def frame_previous(text: str, span: QuoteSpan, parsed: Parsed, quoted: Any) -> Frame | None:
    """``Mr. Hoenlein described the meeting. “I said, …”``: a quote opening a sentence in mid-paragraph,
    after a sentence whose reporting verb has a subject (the speaker introduced just before)."""
    here = sentence_start(text, span.open_at, span.para_start)
    if here <= span.para_start or here != span.open_at or not span.closed:
        return None
    after = text[span.outer_end:span.para_end].lstrip()
    if after and after[0] not in ".!?…“\"‘'":
        return None  # the sentence goes on after the quote: its own frame is there
    end = text[:here].rstrip()
    lead = QuoteSpan(len(end), len(end), len(end), None, "d", span.para_start, len(end))
    frame = frame_before(text, lead, span.para_start, parsed, quoted)
    return frame if frame is not None and _cue_like_text(frame.cue) else None


def _cue_like_text(word: str) -> bool:
    return word.lower() in SPEECH_FORMS


def frame_before(text: str, span: QuoteSpan, prev_end: int, parsed: Parsed, quoted: Any,
                 *, any_verb: bool = False) -> Frame | None:
    """``The Ukrainian president then added: “…”`` / ``X said that “…”`` in the quote's sentence."""
    lo = sentence_start(text, max(span.para_start, span.open_at - 1) if span.open_at == span.end else span.open_at,
                        max(span.para_start, prev_end))
    tokens = [t for t in parsed.tokens(lo, span.open_at) if not quoted(parsed.offset(t))]
    colon = text[lo:span.open_at].rstrip().endswith(":")
    for tok in reversed(tokens):
        verb = tok.tag_.startswith("VB") and upos(tok) in ("VERB", "AUX")
        if not (_is_cue(tok) or (tok.lower_ in THOUGHT_FORMS and verb) or ((colon or any_verb) and verb
                                                                          and upos(tok) == "VERB")):
            continue
        subj = _subject(tok, quoted)
        head = tok
        while subj is None and head.dep_ in ("xcomp", "advcl", "conj", "ccomp") and head.head is not head:
            head = head.head
            subj = _subject(head, quoted)
        k = tokens.index(tok)
        parenthetical = k > 0 and tokens[k - 1].text == "," and _is_cue(tok)  # "NATO, reiterated X, will …"
        if parenthetical and subj is not None and subj.i < tok.i:
            # "Lepik, a historian, describes Vestra as “…”": the object is no inverted speaker unless
            # a comma closes it like the one that opened the cue
            inv = _inverted_np(tokens, k)
            after = tokens.index(inv[1]) + 1 if inv else len(tokens)
            parenthetical = after < len(tokens) and tokens[after].text == ","
        if subj is not None and subj.i > tok.i and not parenthetical and head is tok:
            # a subject after a participle ("accusing the Alliance of …") is a misparse: use the clause's
            head, subj = tok, None
            while subj is None and head.dep_ in ("xcomp", "advcl", "conj", "ccomp") and head.head is not head:
                head = head.head
                subj = _subject(head, quoted)
                subj = subj if subj is None or subj.i < head.i else None
        finite = tok.tag_ in ("VBD", "VBZ", "VBP")
        if (subj is None or parenthetical) and finite and _is_cue(tok) and (inv := _inverted_np(tokens, k)) is not None:
            # ", reiterated the secretary general,"
            s, e = parsed.offset(inv[0]), parsed.offset(inv[1]) + len(inv[1].text)
            described = _inverted_description(inv, parsed)
        elif subj is None and tok.tag_ == "VBG" and _is_cue(tok) and (
                name := next((t for t in tokens[:k] if upos(t) == "PROPN"), None)) is not None:
            while name.dep_ in ("compound", "flat") and name.head.i > name.i and upos(name.head) == "PROPN":
                name = name.head
            s, e, described = np_span(name, parsed)  # a dangling "…, accusing X of …": the sentence's first name
        elif subj is None or (any_verb and not _cue_like(tok) and not _person_like(subj)):
            continue
        else:
            s, e, described = np_span(subj, parsed)
        at = parsed.offset(tok)
        switch = bool(_SWITCH.search(text, lo, s + 1))
        return Frame(tok.text, at, at + len(tok.text), s, e, switch=switch, where="before", described_end=described)
    return None


def _cue_like(tok: Any) -> bool:
    return tok.lower_ in SPEECH_FORMS or tok.lower_ in THOUGHT_FORMS


def _person_like(tok: Any) -> bool:
    """A subject that can speak: a name, a personal pronoun, a role ("the minister")."""
    if tok.lower_ in ("he", "she", "they", "who"):
        return True
    if upos(tok) == "PROPN" or any(upos(t) == "PROPN" for t in tok.children if t.dep_ == "compound"):
        return True
    return tok.lower_ in _ROLES


def colon_speaker(text: str, span: QuoteSpan, prev_end: int, mentions: list[Any]) -> Frame | None:
    """``The Lithuanian President, Gitan Nauseda warned of the risk …: “…”``: the sentence before a
    colon names the speaker even when the parse finds no verb (a glued word, a verbless lead-in)."""
    lo = sentence_start(text, span.open_at, max(span.para_start, prev_end))
    head = text[lo:span.open_at].rstrip()
    if not head.endswith(":"):
        return None
    # a place after "in", "at", "to" … is where or whom ("Talks in Vilnius:"), never the speaker
    inner = [m for m in mentions if m.start >= lo and m.end <= span.open_at
             and not _LOCATIVE_BEFORE.search(text, max(lo, m.start - 12), m.start)]
    pick = next((m for m in inner if m.label == "PERSON"), None) or next(
        (m for m in inner if m.label in ("ORG", "GPE", "NORP")), None)
    if pick is None:
        return None
    colon = lo + len(head) - 1
    return Frame(":", colon, colon + 1, pick.start, pick.end, where="before")


#: What joins the parts of a headline or deck: "… met in Bratislava - Iohannis and Duda ask for …"
HEADING_JOINT = re.compile(r"\s[-–—|]\s")


def frame_colon(text: str, span: QuoteSpan, mentions: list[Any]) -> Frame | None:
    """``NATO, Stoltenberg: "…"``, ``Zelensky to NATO: "…"`` and ``"WALLACE: …`` transcripts."""
    m = _TRANSCRIPT.match(text, span.start, span.end)
    if m:
        return Frame(":", m.end(1), m.end(1) + 1, m.start(1), m.end(1), where="inside")
    head = text[span.para_start:span.open_at]
    if not head.rstrip().endswith(":"):
        return None
    # "Lepik wants a new quota - Berg: “…”": a headline's last part, after a dash, is its own heading
    joints = list(HEADING_JOINT.finditer(head))
    lo = span.para_start + (joints[-1].end() if joints else 0)
    return heading_speaker(text, lo, span.para_start + len(head.rstrip()) - 1, mentions)


def heading_speaker(text: str, lo: int, colon: int, mentions: list[Any]) -> Frame | None:
    """The speaker of a ``SPEAKER: content`` heading line whose colon is at ``colon``."""
    head = text[lo:colon]
    ws = words(head)
    if not ws or len(ws) > 7 or ws[0].lower() in HEADING_STOP:
        return None
    inner = [m for m in mentions if m.start >= lo and m.end <= colon and m.label in ("PERSON", "ORG", "GPE", "NORP")]
    name_like = len(ws) <= 4 and all(w[0].isupper() for w in ws if w.lower() not in _SMALL)
    if not inner and not name_like:
        return None
    cut = re.search(r"\s(?:to|on|at|in|about|after|before|vs\.?)\s", head)
    scope_end = lo + cut.start() if cut else colon
    people = [m for m in inner if m.label == "PERSON" and m.end <= scope_end]
    pick = (people or [m for m in inner if m.end <= scope_end] or [None])[-1]
    if pick is None:
        # what follows "to", "in", "at" … is whom or where ("Nauseda in Washington:"), never the speaker
        before = text[lo:scope_end]
        s, e = lo + len(before) - len(before.lstrip()), lo + len(before.rstrip())
        names = words(before)
        if not names or len(names) > 4 or not all(w[0].isupper() for w in names if w.lower() not in _SMALL):
            return None
        # ... and what comes before is a name only if the text names someone so ("Talks in Vilnius:" is not)
        named = {w for m in mentions if m.label in ("PERSON", "ORG") for w in words(m.text)}
        if names[-1] not in named:
            return None
        return Frame(":", colon, colon + 1, s, e, where="colon")
    return Frame(":", colon, colon + 1, pick.start, pick.end, where="colon")


def frame_lead_in(text: str, span: QuoteSpan, parsed: Parsed, quoted: Any, mentions: list[Any]) -> Frame | None:
    """``He said:`` / ``Reporter X says:`` closing the paragraph before one that opens with a quote."""
    if span.open_at - span.para_start > 1 or span.continued:
        return None
    prev_end = text[:span.para_start].rstrip()
    if not prev_end.endswith(":"):
        return None
    para_start = text.rfind("\n", 0, len(prev_end)) + 1
    lead = QuoteSpan(len(prev_end), len(prev_end), len(prev_end), None, "d", para_start, len(prev_end))
    return frame_before(text, lead, para_start, parsed, quoted) or colon_speaker(text, lead, para_start, mentions)


def frame_next(text: str, span: QuoteSpan, limit: int, parsed: Parsed) -> Frame | None:
    """``"…" This was said by the Estonian prime minister after the cabinet meeting.``"""
    m = _PASSIVE_NEXT.match(text, span.outer_end, limit)
    if not m or m.group(1).lower() not in SPEECH_FORMS:
        return None
    rest = text[m.end():limit]
    stop = re.search(r"\s(?:at|in|on|during|after|before|when|while|from|to|as)\s|[,.;:!?]", rest)
    end = m.end() + (stop.start() if stop else len(rest.rstrip()))
    return Frame(m.group(1), m.start(1), m.end(1), m.end(), end, where="next")
