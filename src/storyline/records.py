"""Typed records passed between pipeline stages.

Each stage is a function over these plain dataclasses: readers yield
:class:`RawDocument` (or :class:`BadInput`), the clean stage turns a raw document
into a :class:`CleanArticle`, the NLP stage adds :class:`Sentence` and
:class:`Mention` records, and the store persists them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as a reader found it, before cleaning.

    ``text`` is the decoded, NFC-normalised body exactly as the source gives it
    (boilerplate included); all later offsets can be mapped back into it.
    """

    source: str  #: input path as given; for a JSONL/CSV row its id, else url, else ``path:line``
    path: str  #: the file the document came from
    text: str
    format: str = "txt"  #: txt | html | jsonl | json | csv
    title: str | None = None  #: given by the source (HTML metadata, a JSONL field)
    url: str | None = None
    published: str | None = None  #: ``YYYY-MM-DD`` when the source states it
    outlet: str | None = None
    captions: tuple[str, ...] = ()  #: photo captions the source marks as such (HTML ``<figcaption>``)


@dataclass(frozen=True, slots=True)
class BadInput:
    """A file (or a record inside one) that could not be read as an article."""

    path: str  #: file, or ``file:line`` for a record
    reason: str  #: what went wrong and what to do about it


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line of the raw text left out of the clean text, and why."""

    line: str
    reason: str
    line_no: int = 0  #: 0-based line number in the raw text


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption separated from the body; photographers are not actors."""

    text: str
    credit: str = ""  #: e.g. ``REUTERS / Jane Doe``
    photographers: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()


@dataclass(slots=True)
class CleanArticle:
    """An article after the clean stage.

    ``offsets`` aligns ``text`` with ``raw_text``: a sorted list of
    ``(clean_start, raw_start)`` anchors, see :mod:`storyline.textmap`.
    """

    id: str
    source: str
    path: str
    format: str
    raw_text: str
    text: str
    offsets: list[tuple[int, int]]
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_inferred: bool = False
    published_confidence: float | None = None
    #: an inferred date coarser than a day (``2023``, ``2023-06``): ``published`` stays null
    published_estimate: str | None = None
    outlet: str | None = None
    credits: list[str] = field(default_factory=list)
    language: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


#: The spaCy labels of places: countries and cities, other locations, buildings and vessels.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention with offsets into the clean text."""

    start: int
    end: int
    text: str
    label: str
    entity_id: str | None = None  #: the canonical entity (set by the entities stage)


@dataclass(slots=True)
class AnalysedArticle:
    """A clean article plus what the NLP stage found in it."""

    article: CleanArticle
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)  #: time expressions (set by the entities stage)
    #: role descriptions the entities stage resolved to one person ("the President of Kivania" → the
    #: entity id of Andres Berg), as PERSON mentions with ``entity_id`` set
    described: list[Mention] = field(default_factory=list)
    #: spans of the words that name the actors of the lead (set by :mod:`storyline.stories.actors`);
    #: None when nothing was parsed: then everyone the lead names counts as taking part
    actors: list[tuple[int, int]] | None = None


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did; the CLI prints it and derives the exit status."""

    files_seen: int = 0
    files_skipped: int = 0  #: unchanged since the last ingest
    articles_added: int = 0
    articles_unchanged: int = 0
    articles_replaced: int = 0
    #: stored in another language, without entities or quotations (:func:`storyline.nlp.read_in_english`)
    articles_not_english: int = 0
    failures: list[BadInput] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)


# -- later stages (quotes, entities, time) ------------------------------------


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression, TIMEX3 style, with offsets into the text it was found in."""

    start: int
    end: int
    text: str
    type: str  #: DATE | TIME | DURATION | SET
    value: str  #: e.g. ``2023-06-27``, ``2023-W27``, ``2022``, ``P1M``, ``PRESENT_REF``, ``XXXX-07``


@dataclass(slots=True)
class Quote:
    """One quotation event: what was said, by whom, where in the clean text.

    ``pieces`` holds every quoted piece of a split quotation (``“X,” he said.
    “Y.”``); ``start``/``end`` span all of them. ``speaker_mention`` is the
    speaker as written ("he", "the Norwegian diplomat"); ``speaker`` and
    ``speaker_id`` are the canonical person or organisation it resolves to
    (``None`` when it cannot be resolved: never a guess).
    """

    article_id: str
    text: str
    start: int
    end: int
    kind: str  #: direct | partial | headline | indirect
    pieces: list[tuple[int, int]] = field(default_factory=list)
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    confidence: float = 0.0
    said_on: str | None = None  #: ``YYYY-MM-DD`` of the event the quote reports
    #: where the speaker's own words end when the mention goes on to describe them ("officials |
    #: familiar with the talks", "the son of | Karl Tamm"): a name after it is not the speaker (not stored)
    speaker_head_end: int | None = None

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class Role:
    """A role a person holds, as the text states it at a date."""

    title: str  #: "Secretary General", "President", "Foreign Ministry spokesman"
    org: str | None = None  #: "NATO", "Poland"
    start: str | None = None  #: first date the role is attested (``YYYY-MM-DD``)
    end: str | None = None  #: last date it is attested
    article_id: str | None = None  #: evidence


@dataclass(slots=True)
class Entity:
    """A canonical person, organisation or place with all the names it goes by."""

    id: str
    name: str
    type: str  #: PERSON | ORG | GPE | LOC | NORP
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    nationality: str | None = None
    country: str | None = None  #: for places: the country they are in
    mentions: int = 0
