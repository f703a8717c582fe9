"""Reported speech from the dependency parse: ``X said that …``, ``according to X, …``.

For every cue verb outside quote marks the parse gives the speaker (its
subject, the agent of a passive, the subject of the verb a participle hangs on:
"…, adding that …") and the content (its clausal complement):

* ``X said (that) …``, ``… , sources said``: the ``ccomp``;
* ``X called on Y to …``, ``X urged Y to …``: ``Y`` and the ``xcomp``;
* ``X warned of …``: the object of "of" / "about";
* ``X calls Y "inhumane and cynical"``: the object and its predicate;
* ``according to X, …``: the clause the phrase hangs on, minus the phrase;
* ``The bridge, X said, would …``: the clause a parenthetical cue hangs on, minus the cue;
* ``X said after the talks he would …``: the clause a misparse makes an adverbial of the cue.

The content is returned as pieces (a parenthetical attribution inside it is cut
out). Whether a clause is indirect, partial (it holds quoted words) or just the
frame of a direct quote is decided by the caller, who knows the quote marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storyline.quotes.cues import (ADDRESSEE_VERBS, CUE_FORMS, EVIDENCE_FORMS, EVIDENCE_NOUNS, NAMING_VERBS,
                                   OBJECT_REPORT_VERBS, PARTICLE_CUES, THOUGHT_FORMS)
from storyline.quotes.find import is_dateline, np_span
from storyline.quotes.parse import Parsed, upos
from storyline.quotes.speakers import ORG_WORDS, ROLE_NOUNS, UNRESOLVED

_SUBJ = ("nsubj", "nsubjpass")
_EMPTY_SUBJECTS = frozenset({"it", "there", "i", "we", "you"})
_OBJECT_VERBS = frozenset({"call", "urge", "ask", "promise", "pledge", "vow", "threaten", "demand", "order",
                           "appeal", "instruct", "advise", "encourage", "invite", "tell", "warn", "remind"})
_ABOUT_VERBS = frozenset({"warn", "speak", "talk", "complain", "boast", "write", "comment", "caution", "remind",
                          "inform", "tell"})
#: the phrases that go with the object of a verb of judging or making known ("criticized Lepik for the delay")
_JUDGED_FOR = frozenset({"for", "of", "as", "over"})
_MIN_WORDS = 3
#: cues whose object a misparse may make of what was said (:func:`_clause_object`)
_CLAUSE_OBJECT_VERBS = frozenset({"say", "insist", "argue", "note", "state"})  # not "add", "claim": things done
#: objects that are a thing said, not a misparsed clause
_THING_SAID = frozenset("nothing something anything everything much little this that what so goodbye hello yes no"
                        " thanks word words thing things prayer".split())
_SUBORDINATORS = frozenset(
    "when whenever while where as if because since although though unless until before after once".split())
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split())


@dataclass(slots=True)
class Clause:
    """A reporting clause found by the parse (offsets into the clean text)."""

    cue: str
    cue_start: int
    cue_end: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    speaker_start: int | None = None
    speaker_end: int | None = None
    thought: bool = False  #: a verb of belief ("thinks that"), not of saying
    described_end: int | None = None  #: end of what the text says of an unnamed speaker


def clauses(parsed: Parsed, quoted: Any) -> list[Clause]:
    """Every reporting clause in the parsed units, in text order."""
    out: list[Clause] = []
    for unit in parsed.units:
        if unit.doc is None:
            continue
        for tok in unit.doc:
            at = parsed.offset(tok)
            if quoted(at):
                continue
            if tok.lower_ == "according" and tok.i + 1 < len(unit.doc) and tok.nbor().lower_ == "to":
                clause = _according(tok, parsed)
            elif tok.lower_ in CUE_FORMS and upos(tok) in ("VERB", "AUX") or (
                    tok.lower_ in CUE_FORMS and tok.tag_.startswith("VB")):
                clause = _verb(tok, parsed, quoted)
            elif tok.lower_ in EVIDENCE_FORMS and tok.tag_.startswith("VB"):
                clause = _evidence(tok, parsed)
            else:
                continue
            if clause is not None:
                out.append(clause)
    return out


def _according(tok: Any, parsed: Parsed) -> Clause | None:
    to = tok.nbor()
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None or source.lower_ in ("which", "that", "whom", "this", "it"):
        return None
    head = tok.head if tok.head is not tok else None
    sent = tok.sent
    scope = list(head.subtree) if head is not None and head.i != tok.i else list(sent)
    skip = {t.i for t in tok.subtree} | {to.i} | {t.i for t in source.subtree}
    if head is not None and not any(c.dep_ in _SUBJ for c in head.children):
        # the parser may hang the subject of what was said on the source, after the comma that
        # closes "According to X, …" ("the Defence Ministry, Poland and other allies have …")
        skip -= {t.i for c in source.children if c.dep_ == "conj" and c.i < head.i
                 and any(t.text == "," for t in tok.doc[source.i:c.left_edge.i]) for t in c.subtree}
    if head is not None and head.dep_ == "relcl":  # "…, where, according to X, …": the relative word is not said
        skip |= {c.i for c in head.children if c.tag_ in ("WRB", "WDT", "WP") and c.i < head.i}
    content = [t for t in scope if t.i not in skip]
    pieces = _pieces(content, parsed)
    if not pieces:
        return None
    s, e, described = np_span(source, parsed)
    at = parsed.offset(tok)
    return Clause("according to", at, parsed.offset(to) + 2, pieces, s, e, described_end=described)


def _verb(tok: Any, parsed: Parsed, quoted: Any) -> Clause | None:
    base = CUE_FORMS[tok.lower_]
    particles = PARTICLE_CUES.get(base)
    if particles and not any(c.lower_ in particles for c in tok.children if c.dep_ in ("prt", "prep")):
        if base != "call":  # "call" also names ("calls X “cynical”")
            return None
    content: list[Any] = []
    whole = False
    aside = _asked_aside(tok)
    for child in tok.children:
        if aside is not None and child.i == aside.i:
            continue
        if child.dep_ == "ccomp":
            content.extend(_from_mark(child))
        elif child.dep_ == "xcomp" and base in _OBJECT_VERBS:
            obj = [c for c in tok.children if c.dep_ in ("dobj", "pobj") and c.i < child.i]
            for o in obj:
                content.extend(o.subtree)
            content.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("on", "for") and base == "call" and not any(
                g.lower_ in _TIME_WORDS for g in child.children):
            content.extend(t for t in child.subtree if t.i != child.i)
        elif child.dep_ == "prep" and child.lower_ in ("of", "about") and base in _ABOUT_VERBS:
            content.extend(t for t in child.subtree if t.i != child.i)
    if not content and tok.lower_ not in THOUGHT_FORMS:
        content = _reported_advcl(tok) or _parenthesis_content(tok)
    if not content and base in _CLAUSE_OBJECT_VERBS:
        content = _clause_object(tok)
    if not content:
        content = _judged_as(tok, parsed, quoted)
    if not content and base in NAMING_VERBS:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        pred = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp") and obj is not None
                and c.i > obj.i]
        if obj is not None and pred:
            content = [t for t in tok.doc[obj.left_edge.i:pred[-1].right_edge.i + 1]]
            # "what she called a siege" is said as one run, the cue and its speaker inside it
            whole = obj.lower_ in ("what", "whatever")
        elif obj is not None and any(quoted(parsed.offset(t)) for t in obj.subtree):
            content = list(obj.subtree)
    if not content and base in OBJECT_REPORT_VERBS:
        content = _object_said(tok)
    if not content or _asked_of(tok, base):
        return None
    thought = tok.lower_ in THOUGHT_FORMS
    if thought and _inside_report(tok):
        return None  # "the official said Lepik believes …": the official's claim, not Lepik's words
    if thought and not any(c.dep_ == "ccomp" and any(g.dep_ in _SUBJ for g in c.children) for c in tok.children):
        return None  # "I think so", "hopes to win": a belief needs a clause of its own
    # a report inside this one ("…, stressing that …") is a quotation of its own; a clause the
    # sentence subordinates is not a report ("as long as the storms continue": "continue" is a cue)
    nested = {t.i for c in content if c.dep_ in ("advcl", "conj") and c.lower_ in CUE_FORMS and c.i > tok.i
              and not any(g.dep_ == "mark" and g.lower_ not in ("that", "whether") for g in c.children)
              for t in c.subtree}
    content = [t for t in content if t.i not in nested]
    speaker = (_speaker(tok, base, quoted, parsed) if aside is None
               else next(c for c in aside.children if c.dep_ == "nsubj"))
    if speaker is not None and speaker.lower_ in _EMPTY_SUBJECTS:
        return None
    cut = set()
    if speaker is not None:
        cut = {t.i for t in speaker.subtree}
    if not whole:
        content = [t for t in content if t.i not in cut and t.i != tok.i]
    pieces = _pieces(content, parsed)
    if not pieces:
        return None
    at = parsed.offset(tok)
    clause = Clause(tok.text, at, at + len(tok.text), pieces, thought=thought)
    if speaker is not None:
        clause.speaker_start, clause.speaker_end, clause.described_end = np_span(speaker, parsed)
    return clause


def _asked_of(tok: Any, base: str) -> bool:
    """Whether the cue is a participle of what was put to the sentence's subject: in "Asked whether
    she would run, Lepik smiled", "Lepik, told of the vote, left" the question is not Lepik's."""
    return base in ADDRESSEE_VERBS and tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl", "ccomp", "xcomp") \
        and not any(c.dep_ in (*_SUBJ, "agent", "aux", "auxpass") for c in tok.children)


def _asked_aside(tok: Any) -> Any | None:
    """The question put to the speaker, set off by commas before the cue, that a misparse makes a
    clause of what was said: in "Lepik, asked about the cracks, said …" the parser reads "Lepik
    asked about the cracks" as said by nobody; "Lepik" is the speaker and the aside no report."""
    doc = tok.doc
    for child in tok.children:
        if child.dep_ != "ccomp" or child.i > tok.i or CUE_FORMS.get(child.lower_) not in ADDRESSEE_VERBS:
            continue
        subject = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
        if subject is not None and any(t.text == "," for t in doc[subject.i + 1:child.i]) and tok.i > 0 \
                and doc[tok.i - 1].text == "," and not any(c.dep_ in _SUBJ for c in tok.children):
            return child
    return None


def _from_mark(clause: Any) -> list[Any]:
    """A reported clause from its "that" or "whether" on: what the parser hangs on it before the
    conjunction is the reporter's ("said, speaking on condition of anonymity, that …")."""
    mark = next((g for g in clause.children if g.dep_ == "mark" and g.lower_ in ("that", "whether")), None)
    return [t for t in clause.subtree if mark is None or t.i >= mark.i]


def _inside_report(tok: Any) -> bool:
    """Whether ``tok`` is inside what a speech cue reports ("said that Lepik believes …")."""
    node = tok
    while node.dep_ in ("ccomp", "xcomp", "conj") and node.head is not node:
        node = node.head
        if node.lower_ in CUE_FORMS and node.lower_ not in THOUGHT_FORMS:
            return True
    return False


def _judged_as(tok: Any, parsed: Parsed, quoted: Any) -> list[Any]:
    """What a verb of judging says of its object in the speaker's words: "condemned the test as
    “provocative”", "described the plan as “a gift”". The object and the "as" phrase are the
    report, when the phrase holds quoted words (unquoted, it is the reporter's account)."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return []
    as_ = next((c for c in [*tok.children, *obj.children] if c.dep_ == "prep" and c.lower_ == "as"
                and c.i > obj.i), None)
    if as_ is None or not any(quoted(parsed.offset(t)) for t in as_.subtree):
        return []
    return list(tok.doc[obj.left_edge.i:as_.right_edge.i + 1])


def _object_said(tok: Any) -> list[Any]:
    """What a verb of judging or making known reports: its object, with what the object is judged
    for, of, as or over ("criticized the mayor for the delay", "accused him of lying", "announced
    a fund for fishermen"). An object to the left is no report ("the plan she praised")."""
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None:
        return []
    content = list(obj.subtree)
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in _JUDGED_FOR and child.i > obj.i:
            content.extend(child.subtree)
    return content


def _evidence(tok: Any, parsed: Parsed) -> Clause | None:
    """A count or a document that speaks: "the poll found (that) …", "a survey that showed Kask
    ahead", "the emails show …". Its subject must be one of the things that give evidence; what it
    shows is the clause or the object after the verb."""
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None and tok.dep_ == "relcl":
        subject = tok.head
    if subject is None or subject.lower_ not in EVIDENCE_NOUNS or subject.i > tok.i:
        return None
    content: list[Any] = []
    for child in tok.children:
        if child.i < tok.i:
            continue
        if child.dep_ == "ccomp":
            content.extend(_from_mark(child))
        elif child.dep_ in ("dobj", "xcomp", "oprd") or child.dep_ == "prep" and child.lower_ == "with":
            content.extend(child.subtree)
    pieces = _pieces(content, parsed)
    if not pieces:
        return None
    at = parsed.offset(tok)
    s, e, described = np_span(subject, parsed)
    return Clause(tok.text, at, at + len(tok.text), pieces, s, e, described_end=described)


def _reported_advcl(tok: Any) -> list[Any]:
    """The clause a misparse hangs on the cue as an adverbial: in "X said after the talks he would
    resign" the parser takes "after the talks he would resign" for an adverbial clause. A clause
    with a subject of its own, to the right, without a conjunction ("when", "because", "as") that
    makes it a real adverbial, and not itself a report ("…, adding …"), is what was said."""
    if any(c.dep_ == "ccomp" for c in tok.children):
        return []
    for child in tok.children:
        if child.dep_ != "advcl" or child.i < tok.i or child.lower_ in CUE_FORMS or upos(child) not in ("VERB", "AUX"):
            continue
        if any(g.dep_ == "mark" or g.tag_ == "WRB" for g in child.children) or not any(
                g.dep_ in _SUBJ for g in child.children):
            continue
        first = child.left_edge
        if first.lower_ in _SUBORDINATORS and first.dep_ != "prep":
            continue  # "when she was minister": an adverbial clause the parse left unmarked
        if not any(g.dep_ == "aux" or g.tag_ in ("VBD", "VBZ", "VBP") for g in [child, *child.children]):
            continue  # "said, pointing to the map": no finite clause
        return list(child.subtree)
    return []


def _clause_object(tok: Any) -> list[Any]:
    """The clause a misparse makes the cue's object: in "Kask said many of the boats that left
    came back" the parser takes "many of the boats …" for what Kask said as a thing. An object
    to the right of six words or more that holds a verb is read as what was said, unless its head
    is a thing said ("said a few words that ended the talks", "said a prayer for …", no pronoun)
    or a subordinator shows a thing said and then when ("said the same thing when she was
    mayor")."""
    if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return []
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None or obj.lower_ in _THING_SAID or upos(obj) == "PRON":
        return []
    words = list(obj.subtree)
    if len(words) < 6 or not any(t.tag_.startswith("VB") for t in words):
        return []
    if any(t.lower_ in _SUBORDINATORS or t.tag_ == "WRB" for t in words):
        return []  # "said the same thing when she was mayor": a thing said, then when
    return words


def _parenthesis_content(tok: Any) -> list[Any]:
    """The clause a cue interrupts or trails as a parenthesis: "The bridge, Lepik said, would open in
    May", "The plant was a success, Berg said, until it closed": the parser hangs the cue on the
    reported clause (``parataxis``); what was said is that clause without the cue's own words. The
    cue must have a subject of its own, or "Berg, meanwhile, said …" structures would qualify."""
    head = tok.head
    if tok.dep_ != "parataxis" or head is tok or upos(head) not in ("VERB", "AUX"):
        return []
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    # a clause the parser hangs on the cue but that opens the sentence before the speaker is the
    # report's ("To see the harbour, Berg said, one should walk the old quay")
    said = [c for c in tok.children if c.dep_ in ("advcl", "ccomp", "csubj") and c.i < subject.left_edge.i]
    own = {t.i for t in tok.subtree} - {t.i for c in said for t in c.subtree}
    return [t for t in head.subtree if t.i not in own]


def _speaker(tok: Any, base: str, quoted: Any, parsed: Parsed) -> Any | None:
    """Subject of the cue, the agent of a passive, or the subject a participle inherits."""
    head = tok
    for _ in range(4):
        for child in head.children:
            if child.dep_ == "nsubj" and not quoted(parsed.offset(child)):
                if not is_dateline(child):
                    return child
                # "CLEVELAND, July 19 (UPI) — Former Attorney General Karl Lepik told …": the parser
                # makes the dateline's place the subject and the speaker its apposition
                dash = max((g.i for g in child.children if g.text in ("—", "–", "-")), default=None)
                named = [g for g in child.children if g.dep_ == "appos" and upos(g) == "PROPN"
                         and dash is not None and g.i > dash]  # not "(Reuters)" before the dash
                if named:
                    return named[-1]
            if child.dep_ == "agent":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
            if child.dep_ == "nsubjpass" and base not in ADDRESSEE_VERBS:
                return None  # "it was said that", "X is called Y": no speaker here
        if head.dep_ in ("xcomp", "advcl", "conj", "acl") and head.head is not head:
            parent = head.head
            # "Tamm said that the sea has become a front line and asked ...": the parse joins the cue
            # to the verb of what was said; a cue shares the subject of the cue it is joined to
            if head.dep_ == "conj":
                parent = _outer_cue(parent) or parent
            head = parent
            continue
        if head.dep_ == "relcl":
            return head.head
        break
    return None


#: words for those who can speak or act (a subject the cue joined to it may share): roles, groups,
#: organisations (the speaker stage's lists), and people
_WHO_CAN_SPEAK = ROLE_NOUNS | UNRESOLVED | ORG_WORDS | frozenset("""man woman men women person boy girl child children
father mother son daughter wife husband family resident student worker victim suspect driver passenger witness
doctor officer soldier troop protester player fan coach team side country city board firm""".split())


def _outer_cue(verb: Any) -> Any | None:
    """The cue whose report holds ``verb`` ("Tamm said that the sea has become a front line and
    asked ...": "become" is what Tamm said), when what ``verb`` says is of no one who could speak
    (its subject is neither a name nor a person's word); None otherwise ("Tamm said the mayor met
    Berg and agreed ...": the mayor agreed)."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if subject is not None and verb.dep_ == "relcl" and subject.lower_ in ("that", "which"):
        subject = verb.head  # "... supports every initiative that makes the sea safer and recalled ..."
    word = subject.lower_ if subject is not None else ""
    if subject is None or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subject.pos_ in ("PRON", "PROPN") \
            or word in _WHO_CAN_SPEAK or word[:-1] in _WHO_CAN_SPEAK:  # the quote stage's parse has no lemmas
        return None
    for node in [verb, *verb.ancestors]:
        if node.dep_ == "ccomp" and node.head.lower_ in CUE_FORMS:
            return node.head
    return None


def _pieces(tokens: list[Any], parsed: Parsed) -> list[tuple[int, int]]:
    """Contiguous runs of ``tokens`` as offsets, edges trimmed of punctuation and "that"."""
    idx = sorted({t.i for t in tokens})
    if not idx:
        return []
    doc = tokens[0].doc
    runs: list[list[int]] = [[idx[0]]]
    for i in idx[1:]:
        if i == runs[-1][-1] + 1 or all(doc[k].is_punct or doc[k].is_space for k in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    pieces = []
    for run in runs:
        toks = [doc[i] for i in range(run[0], run[-1] + 1)]
        while toks and (toks[0].is_punct or toks[0].lower_ in ("that", "whether") or toks[0].is_space):
            if toks[0].text in "“\"‘«„":
                break  # keep an opening quote mark with its content
            toks = toks[1:]
        while toks and ((toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in "”\"’»"
                        or toks[-1].dep_ == "cc"):  # "... is old and" where a second report follows
            toks = toks[:-1]
        if sum(1 for t in toks if t.is_alpha or t.like_num) < 1:
            continue
        pieces.append((parsed.offset(toks[0]), parsed.offset(toks[-1]) + len(toks[-1].text)))
    if sum(len(parsed.tokens(s, e)) for s, e in pieces) < _MIN_WORDS:
        return []
    return pieces
