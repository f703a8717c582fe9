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

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from storyline.entities import link_article
from storyline.entities.kb import KnowledgeBase
from storyline.entities.link import EntityIndex
from storyline.entities.names import key
from storyline.records import AnalysedArticle, BadInput, IngestReport, Mention, Quote, Sentence, Timex
from storyline.timex import event_date, infer_published, tag

_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE"})


class EntityStage:
    """The corpus-level part of ingest: one :class:`EntityIndex` for the whole run.

    Usage (what :func:`storyline.pipeline.ingest` does)::

        stage = EntityStage(EntityIndex.from_dict(store.entity_index_data()), kb)
        stage.run(analysed, report)                 # per batch, before saving it
        store.save_batch(analysed, entities=stage.changes())
    """

    def __init__(self, index: EntityIndex | None = None, kb: KnowledgeBase | None = None) -> None:
        self.index = index if index is not None else EntityIndex()
        self.kb = kb
        if kb is not None:
            self.index.add_kb(kb)

    def run(self, items: Iterable[AnalysedArticle], report: IngestReport) -> None:
        """Annotate each article; one that fails is reported and stored without entities."""
        for item in items:
            try:
                annotate(item, self.index, self.kb)
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


def date_and_timexes(text: str, published: str | None) -> tuple[Published, list[Timex]]:
    """The publication date (stated, else inferred from ``text``, else none) and the time expressions.

    A stated date is the anchor. Without one, the text is tagged without an anchor (what
    :func:`~storyline.timex.infer_published` wants) and tagged again against the inferred date
    only when that date is a day and some expressions need an anchor.
    """
    if published:
        return Published(published), tag(text, _day(published))
    timexes = tag(text, None)
    value, confidence = infer_published(text, timexes)
    if value is None:
        return Published(None), timexes
    if _day(value) and any(_underspecified(t.value) for t in timexes):
        timexes = tag(text, value)
    return Published(value, True, confidence), timexes


def annotate(item: AnalysedArticle, index: EntityIndex, kb: KnowledgeBase | None = None) -> None:
    """Dates, entities and quote speakers of one article (see the module docstring), set on ``item``."""
    article = item.article
    published, timexes = date_and_timexes(article.text, article.published)
    found = link_article(item, index, kb, date=_day(published.value))
    mentions = [replace(m, entity_id=found.links.get((m.start, m.end))) for m in found.mentions]
    linked = [m for m in mentions if m.entity_id]
    resolved = sorted(found.resolved.items())
    speakers = []
    for q in item.quotes:
        eid = speaker_of(q, linked, resolved, index)
        speakers.append((eid, index.entity(eid).name if eid else q.speaker, said_on(q, item.sentences, timexes)))
    # set everything at the end: an article that fails above is stored as the earlier stages left it
    article.published, article.published_inferred = published.value, published.inferred
    article.published_confidence = published.confidence if published.inferred else article.published_confidence
    item.mentions, item.timexes = mentions, timexes
    for q, (eid, name, day) in zip(item.quotes, speakers):
        q.speaker_id, q.speaker, q.said_on = eid, name, day


def speaker_of(q: Quote, linked: list[Mention], resolved: list[tuple[tuple[int, int], str]],
               index: EntityIndex) -> str | None:
    """The entity id of a quote's speaker, or ``None``: never a guess.

    In order: a person named in the speaker mention ("NATO Secretary General Jens
    Stoltenberg"); a description there that the corpus resolves ("the Norwegian diplomat");
    the name the quote stage resolved the mention to in the article ("he" → "Jens
    Stoltenberg"), when it names one entity of the article (else one of the corpus); an
    organisation that is the whole mention ("NATO", "the Kremlin").
    """
    s, e = q.speaker_start, q.speaker_end
    if s is not None and e is not None:
        people = [m for m in linked if m.label == "PERSON" and s <= m.start and m.end <= e]
        if people:
            return people[-1].entity_id  # the head of "NATO Secretary General Jens Stoltenberg"
        for (ds, de), eid in resolved:
            if ds < e and s < de:
                return eid
    if q.speaker:
        eid = _named(q.speaker, linked, index)
        if eid:
            return eid
    if s is not None and e is not None and q.speaker_mention:
        k = key(re.sub(r"^(?i:the)\s+", "", q.speaker_mention))
        whole = {m.entity_id for m in linked if m.label != "PERSON" and s <= m.start and m.end <= e and key(m.text) == k}
        if len(whole) == 1:
            return whole.pop()
    return None


def _named(name: str, linked: list[Mention], index: EntityIndex) -> str | None:
    """The entity a resolved speaker name stands for: one of the article's, else the corpus's."""
    k = key(name)
    here = {m.entity_id for m in linked if m.label in _SPEAKER_LABELS and key(m.text) == k}
    if len(here) == 1:
        return here.pop()
    if here:
        return None
    # "Jens Stoltenberg" when the article only wrote "Stoltenberg": the article's one person with that name
    person = index.find_person(name)
    if person and any(m.entity_id == person for m in linked):
        return person
    for label in ("ORG", "GPE"):
        eid = index.find(name, label)
        if eid and any(m.entity_id == eid for m in linked):
            return eid
    return person


def said_on(q: Quote, sentences: list[Sentence], timexes: list[Timex]) -> str | None:
    """When a quote was said: the date the sentence of its reporting verb states, outside the quote.

    "On Tuesday Stoltenberg said the alliance will meet next week" was said on that Tuesday
    (not "next week", which is inside what was said). ``None`` without such a date: the
    query layer falls back to the publication date.
    """
    at = q.cue_start if q.cue_start is not None else q.speaker_start
    if at is None:
        return None
    sentence = next((x for x in sentences if x.start <= at < x.end), None)
    if sentence is None:
        return None
    pieces = q.pieces or [(q.start, q.end)]
    outside = [t for t in timexes if not any(a <= t.start and t.end <= b for a, b in pieces)]
    return event_date(sentence.start, sentence.end, outside)


def _day(value: str | None) -> str | None:
    return value if value and _DAY.match(value) else None


def _underspecified(value: str) -> bool:
    return "X" in value or value.endswith("_REF")
