"""The entity and time stage of ingest: after NLP and quotes, one article at a time.

For each analysed article (:func:`annotate`):

1. **time**: its time expressions (:func:`storyline.timex.tag`, the publication date as
   anchor). An article that states no date gets one inferred from its text
   (:func:`storyline.timex.infer_published`): ``published_inferred=True`` and a
   confidence; with no date that names its year in the text it stays ``None``;
2. **entities**: mentions repaired, roles found, mentions linked to the corpus's
   :class:`~storyline.entities.EntityIndex`, descriptions resolved
   (:func:`~storyline.entities.link_article`). Roles are dated, and descriptions resolved,
   at the publication day; a date inferred only to a month or a year dates nothing;
3. **quotes**: each gets the canonical ``speaker_id`` and ``speaker`` (:func:`speaker_of`;
   ``None`` when the speaker cannot be resolved) and ``said_on``, the date of the event
   its reporting clause states ("On Tuesday, X said ..."), else ``None``.

:class:`EntityStage` holds the index for a whole ingest: loaded from the store once,
its changed entities saved with each batch. No spaCy here: everything reads what the
NLP stage already found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from storyline.entities import gazetteer as gz
from storyline.entities import link_article
from storyline.entities.kb import KnowledgeBase
from storyline.entities.link import EntityIndex
from storyline.entities.names import key
from storyline.quotes.speakers import PRONOUNS, is_possessor, qualifies_noun
from storyline.records import AnalysedArticle, BadInput, IngestReport, Mention, Quote, Sentence, Timex
from storyline.timex import AnchorEvent, event_date, infer_published, tag

_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE"})
_COUNTRIES = frozenset(gz.COUNTRY_NAMES.values())


class EntityStage:
    """The corpus-level part of ingest: one :class:`EntityIndex` for the whole run.

    Usage (what :func:`storyline.pipeline.ingest` does)::

        stage = EntityStage(EntityIndex.from_dict(store.entity_index_data()), kb)
        stage.run(analysed, report)                 # per batch, before saving it
        store.save_batch(analysed, entities=stage.changes())
    """

    def __init__(self, index: EntityIndex | None = None, kb: KnowledgeBase | None = None,
                 landmarks: Sequence[AnchorEvent] | None = None) -> None:
        self.index = index if index is not None else EntityIndex()
        self.kb = kb
        #: the landmark events that date "a month after the invasion": the store's, else the file's
        self.landmarks = tuple(landmarks) if landmarks is not None else (kb.events if kb else ())
        if kb is not None:
            self.index.add_kb(kb)

    def run(self, items: Iterable[AnalysedArticle], report: IngestReport) -> None:
        """Annotate each article; one that fails is reported and stored without entities."""
        for item in items:
            try:
                annotate(item, self.index, self.kb, self.landmarks)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                report.failures.append(BadInput(item.article.source, f"entities failed on this article "
                                                                     f"({type(exc).__name__}: {exc}); stored without "
                                                                     "them; please report it with the file attached"))

    def changes(self) -> dict[str, Any]:
        """The entities changed since the last call, as ``EntityIndex.to_dict`` rows to save."""
        return self.index.to_dict(self.index.take_dirty())


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date as ingest stores it."""

    value: str | None
    inferred: bool = False
    confidence: float | None = None


def date_and_timexes(text: str, published: str | None,
                     events: Sequence[AnchorEvent] = ()) -> tuple[Published, list[Timex]]:
    """The publication date (stated, else inferred from ``text``, else none) and the time expressions.

    ``events``: the knowledge file's landmarks ("a month after the invasion" is a date).
    A stated date is the anchor. Without one, the text is tagged without an anchor (what
    :func:`~storyline.timex.infer_published` wants) and tagged again against the inferred date
    only when that date is a day and some expressions need an anchor.
    """
    if published:
        return Published(published), tag(text, _day(published), events)
    timexes = tag(text, None, events)
    value, confidence = infer_published(text, timexes)
    if value is None:
        return Published(None), timexes
    if _day(value) and any(_underspecified(t.value) for t in timexes):
        timexes = tag(text, value, events)
    return Published(value, True, confidence), timexes


def annotate(item: AnalysedArticle, index: EntityIndex, kb: KnowledgeBase | None = None,
             landmarks: Sequence[AnchorEvent] | None = None) -> None:
    """Dates, entities and quote speakers of one article (see the module docstring), set on ``item``;
    ``landmarks`` (default: the knowledge file's events) date phrases counted from them."""
    article = item.article
    events = landmarks if landmarks is not None else (kb.events if kb else ())
    published, timexes = date_and_timexes(article.text, article.published, events)
    day = _day(published.value)  # an inferred month or year dates no role and anchors nothing
    found = link_article(item, index, kb, date=day)
    mentions = [replace(m, entity_id=found.links.get((m.start, m.end))) for m in found.mentions]
    linked = [m for m in mentions if m.entity_id]
    resolved = sorted(found.resolved.items())
    days = event_days(timexes, day)
    speakers = []
    for q in item.quotes:
        eid, name = speaker(q, linked, resolved, index, article.text)
        speakers.append((eid, name, said_on(q, article.text, item.sentences, days)))
    # set everything at the end: an article that fails above is stored as the earlier stages left it
    if published.inferred and not day:  # a month or a year is an estimate: `published` stays a day or null
        article.published_estimate, article.published_confidence = published.value, published.confidence
    else:
        article.published, article.published_inferred = published.value, published.inferred
        article.published_confidence = published.confidence if published.inferred else article.published_confidence
    item.mentions, item.timexes = mentions, timexes
    item.described = [Mention(s, e, article.text[s:e], "PERSON", eid) for (s, e), eid in resolved]
    for q, (eid, name, day) in zip(item.quotes, speakers):
        q.speaker_id, q.speaker, q.said_on = eid, name, day


def speaker(q: Quote, linked: list[Mention], resolved: list[tuple[tuple[int, int], str]],
            index: EntityIndex, text: str | None = None) -> tuple[str | None, str | None]:
    """A quote's speaker as ``(entity id, name)``: the entity's canonical name, else the quote stage's
    name for it; ``(None, None)`` for a "he" or "she" that only an organisation or a place would fit,
    a wrong antecedent ("He noted ..." after a country the model once took for a person)."""
    eid = speaker_of(q, linked, resolved, index, text)
    if eid is None:
        return None, q.speaker
    entity = index.entity(eid)
    if entity.type != "PERSON" and (q.speaker_mention or "").lower() in PRONOUNS:
        return None, None
    return eid, entity.name


def speaker_of(q: Quote, linked: list[Mention], resolved: list[tuple[tuple[int, int], str]],
               index: EntityIndex, text: str | None = None) -> str | None:
    """The entity id of a quote's speaker, or ``None``: never a guess.

    In order: a person named in the speaker mention ("NATO Secretary General Jens
    Stoltenberg"), never one that only owns it or qualifies a noun ("Harlan's lawyer", "the Harlan
    campaign" are nobody known: needs ``text``, the article's); a description there that the corpus
    resolves ("the Norwegian diplomat"); the name the quote stage resolved the mention to in the article ("he" → "Jens
    Stoltenberg"), when it names one entity of the article (else one of the corpus); an
    organisation that is the whole mention ("NATO", "the Kremlin").
    """
    # "a source close to Lepik", "the son of Lepik" are not Lepik: people are read up to the head's end
    s, e = q.speaker_start, q.speaker_head_end or q.speaker_end
    # the quote stage kept a description as the speaker ("the son of Harlan"): someone it does not name
    unnamed = q.speaker_head_end is not None and key(q.speaker or "") == key(q.speaker_mention or "")
    if s is not None and e is not None:
        inside = [m for m in linked if m.label == "PERSON" and s <= m.start and m.end <= e]
        people = [m for m in inside if not (text and (is_possessor(text, m, e)
                                                       or (m.end < e and qualifies_noun(text, m.end))))]
        if people:
            return people[-1].entity_id  # the head of "NATO Secretary General Jens Stoltenberg"
        if inside or unnamed:
            return None  # "Harlan's lawyer", "the Harlan campaign", "the son of Harlan": someone of Harlan's
        for (ds, de), eid in resolved:
            if ds < e and s < de:
                return eid
    if q.speaker:
        eid = _named(q.speaker, linked, index)
        if eid:
            return eid
    if s is not None and e is not None and q.speaker_mention:
        k = key(re.sub(r"^(?i:the)\s+", "", q.speaker_mention[:e - s]))
        whole = {m.entity_id for m in linked if m.label != "PERSON" and s <= m.start and m.end <= e and key(m.text) == k}
        if len(whole) == 1:
            return _speaker_or_none(whole.pop(), index)
    return None


def _named(name: str, linked: list[Mention], index: EntityIndex) -> str | None:
    """The entity a resolved speaker name stands for: one of the article's, else the corpus's.

    People, organisations and countries speak ("China said"); a city named in a dateline does not.
    """
    k = key(name)
    here = {m.entity_id for m in linked if m.label in _SPEAKER_LABELS and key(m.text) == k}
    if len(here) == 1:
        return _speaker_or_none(here.pop(), index)
    if here:
        return None
    # "Jens Stoltenberg" when the article only wrote "Stoltenberg": the article's one person with that name
    person = index.find_person(name)
    if person and any(m.entity_id == person for m in linked):
        return person
    for label in ("ORG", "GPE"):
        eid = index.find(name, label)
        if eid and any(m.entity_id == eid for m in linked):
            return _speaker_or_none(eid, index)
    return person or None  # "" when two people of the corpus have that name


def _speaker_or_none(eid: str, index: EntityIndex) -> str | None:
    e = index.entity(eid)
    return eid if e.type in ("PERSON", "ORG") or e.name in _COUNTRIES else None


def event_days(timexes: list[Timex], published: str | None) -> list[Timex]:
    """The expressions that can date a quote: days (a time of day too), none after the publication day
    ("said ahead of the summit on July 11" was not said on July 11)."""
    return [t for t in timexes if t.type in ("DATE", "TIME") and _DAY.match(t.value[:10])
            and (published is None or t.value[:10] <= published)]


def said_on(q: Quote, text: str, sentences: list[Sentence], days: list[Timex]) -> str | None:
    """When a quote was said: the day the sentence of its reporting verb states, outside the quote.

    "On Tuesday Stoltenberg said the alliance will meet next week" was said on that Tuesday
    (not "next week", which is inside what was said). ``days``: :func:`event_days`. ``None``
    without such a day: the query layer falls back to the publication date.
    """
    at = q.cue_start if q.cue_start is not None else q.speaker_start
    if at is None:
        return None
    sentence = next((x for x in sentences if x.start <= at < x.end), None)
    if sentence is None:
        return None
    # the sentence, clipped to the cue's line (the model runs a sentence on across a paragraph break)
    lo = max(sentence.start, text.rfind("\n", 0, at) + 1)
    hi = text.find("\n", at)
    hi = sentence.end if hi == -1 else min(sentence.end, hi)
    pieces = q.pieces or [(q.start, q.end)]
    inside = [t for t in days if lo <= t.start and t.end <= hi and not any(a <= t.start and t.end <= b
                                                                            for a, b in pieces)]
    return event_date(lo, hi, inside)


def _day(value: str | None) -> str | None:
    """``value`` when it is a valid ``YYYY-MM-DD`` day, else ``None``."""
    if not value or not _DAY.match(value):
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def _underspecified(value: str) -> bool:
    return "X" in value or value.endswith("_REF")
