"""Pydantic models of the JSON API, so the OpenAPI schema says what each endpoint returns."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status, repeated for clients that only see the body.")
    code: str = Field(description="Stable machine-readable code: not_found, fts_syntax, invalid_request, ...")
    message: str = Field(description="What went wrong and how to fix it, for people.")


class ErrorResponse(BaseModel):
    """Every API error has this shape."""

    error: ErrorDetail


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="Items matching the filters, over all pages.")
    page: int
    per_page: int
    pages: int


class Context(BaseModel):
    text: str = Field(description="The sentence(s) around the span.")
    pieces: list[list[int]] = Field(description="[start, end] of the span(s) inside `text`.")


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    published: str | None
    published_inferred: bool
    outlet: str | None
    language: str | None
    words: int
    url: str | None
    lead: str | None = Field(None, description="Start of the text (shown when there is no headline).")
    snippet: str | None = Field(None, description="Search hit context; matches wrapped in \\u0002 … \\u0003.")


class MentionOut(BaseModel):
    start: int
    end: int
    text: str
    label: str
    entity_id: str | None = None
    entity: str | None = Field(None, description="Canonical name, once the entity stage has linked the mention.")
    person_id: str = Field(description="Id for /api/entities/{id}.")


class QuoteOut(BaseModel):
    id: str = Field(description="`ARTICLE:START-END`; the article page anchors it as `#q-<id>`.")
    article_id: str
    text: str
    start: int
    end: int
    kind: str | None = Field(None, description="direct | partial | headline | indirect")
    pieces: list[list[int]]
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    cue: str | None = None
    confidence: float | None = None
    said_on: str | None = None
    date: str | None = Field(None, description="said_on, else the article's publication date.")
    article_title: str | None = None
    outlet: str | None = None
    published: str | None = None
    context: Context
    person_id: str | None = None
    highlight: str | None = Field(None, description="With ?q=: the text with matches wrapped in \\u0002 … \\u0003.")


class RemovedLineOut(BaseModel):
    line_no: int
    line: str
    reason: str


class CaptionOut(BaseModel):
    text: str
    credit: str = ""
    photographers: list[str] = []
    agencies: list[str] = []


class ArticleDetail(BaseModel):
    id: str
    source: str
    sources: list[str]
    path: str
    format: str
    url: str | None
    title: str | None
    published: str | None
    published_inferred: bool
    published_confidence: float | None
    outlet: str | None
    credits: list[str]
    language: str | None
    words: int
    ingested_at: str
    text: str = Field(description="The clean text; every offset in this response points into it.")
    captions: list[CaptionOut]
    removed: list[RemovedLineOut]
    mentions: list[MentionOut]
    quotes: list[QuoteOut]


class EntitySummary(BaseModel):
    id: str
    name: str
    type: str | None
    mentions: int | None = None
    articles: int | None = None
    canonical: bool = Field(description="False: a name as written, until the entity stage merges spellings.")


class MentionHit(BaseModel):
    article_id: str
    start: int
    end: int
    text: str
    label: str
    article_title: str | None
    published: str | None
    outlet: str | None
    context: Context


class MonthCount(BaseModel):
    month: str
    count: int


class CoQuoted(BaseModel):
    name: str
    person_id: str
    articles: int


class EntityDetail(BaseModel):
    id: str
    name: str
    type: str | None
    canonical: bool
    aliases: list[str]
    roles: list[dict[str, Any]]
    mentions: Page[MentionHit]
    quotes: Page[QuoteOut]
    quotes_per_month: list[MonthCount]
    quoted_with: list[CoQuoted]


class FacetValue(BaseModel):
    value: str | None
    count: int


class SearchResponse(BaseModel):
    q: str
    articles: Page[ArticleSummary]
    quotes: Page[QuoteOut]
    facets: dict[str, list[FacetValue]] = Field(description="kind, outlet, speaker: counts over all matches.")


class StorySummary(BaseModel):
    id: str = Field(description="Id for /api/stories/{id} and `storyline timeline --story`.")
    title: str | None = Field(description="The most central title of its articles.")
    start: str | None = Field(description="First event date (YYYY-MM-DD).")
    end: str | None = Field(description="Last event date.")
    articles: int = Field(description="Articles filed, copies included.")
    outlets: list[str] = Field(description="Outlets of its articles (copies included), by publication date.")
    estimate: str | None = Field(None, description="An undated story's publication year or month (YYYY or YYYY-MM) "
                                                   "its articles imply; null when dated or nothing is implied.")


class StoryChangeOut(BaseModel):
    change: str = Field(description="split (`other` left this story), split from (this story left `other`) "
                                    "or merge (`other` was folded into this story).")
    other: str = Field(description="The other story's id (a story folded in no longer exists).")
    reason: str = Field(description="Why, in words: what the two events differ in, or what showed two "
                                    "stories were one.")
    articles: int = Field(description="Articles that moved.")


class StoryOut(StorySummary):
    article_ids: list[str] = Field(description="Every article of the story, copies included, by publication date.")
    history: list[StoryChangeOut] = Field([], description="The splits and merges that made the story, oldest "
                                                          "first; empty in a store filed before they were logged.")


class ReportOut(BaseModel):
    date: str | None = Field(description="When it was said, else the article's publication date (YYYY-MM-DD).")
    outlet: str | None
    article_id: str
    quote_id: str = Field(description="The report's quote (as in /api/quotes); its span is "
                                      "/articles/{article_id}#q-{quote_id}.")


class Statement(BaseModel):
    id: str | None = Field(None, description="The statement's id (st12; one statement, every report of it: "
                                             "/api/statements/{id}); null in a store whose quotations were not "
                                             "filed at ingest.")
    text: str = Field(description="The wording most reports use.")
    speaker: str | None
    speaker_id: str | None = None
    speaker_mention: str | None = Field(None, description="How reports word a speaker none of them names "
                                                          "(\"police\", \"the harbour authority\"); null when "
                                                          "one names the speaker or only pronouns word it.")
    kind: str | None = Field(None, description="The most direct kind a report gives it: direct, headline, partial "
                                               "or indirect.")
    outlets: list[str] = Field(description="Outlets that carried the statement.")
    articles: list[str] = Field(description="Ids of the articles that report it.")
    first: ReportOut = Field(description="Its earliest report (undated reports count as latest).")
    latest: ReportOut = Field(description="Its latest dated report.")


class Wording(BaseModel):
    text: str
    kind: str | None
    reports: int


class StatementOut(Statement):
    reports: int = Field(description="Quotations of it (an article may quote it twice).")
    wordings: list[Wording] = Field(description="The other ways reports word it, most used first: a part of it, "
                                                "a translation variant, a paraphrase.")


class EveryReport(ReportOut):
    text: str = Field(description="The words of this report.")
    kind: str | None = Field(None, description="direct, headline, partial or indirect.")
    speaker: str | None = Field(None, description="Who this report credits.")
    speaker_mention: str | None = Field(None, description="How this report words the speaker (\"police\", \"she\").")
    article_title: str | None = None


class StatementDetail(StatementOut):
    id: str = Field(description="The statement's id (st12).")
    person_id: str | None = Field(None, description="The speaker's entity id (/api/entities/{id}).")
    every_report: list[EveryReport] = Field(description="Every report of it in the store, in the order said "
                                                        "(undated last).")


class KeyQuote(Statement):
    article_id: str = Field(description="Article of its first report; the span is /articles/{article_id}#q-{quote_id}.")
    quote_id: str = Field(description="Id of the first report's quote (as in /api/quotes).")


class FactSourceOut(BaseModel):
    field: str = Field(description="date | place | kind | participant | summary")
    value: str = Field(description="The fact as the event shows it.")
    article_id: str
    start: int = Field(description="Offset into the article's text; the span is "
                                   "/articles/{article_id}?span={start}-{end}#span.")
    end: int
    text: str = Field(description="The words the fact was read from.")


class TimelineEventOut(BaseModel):
    id: str = Field(description="story id/date (or /undated).")
    story_id: str
    date: str | None
    place: str | None
    participants: list[str] = Field(description="Up to five people and organisations who took part, by their "
                                                "canonical name.")
    participant_ids: list[str | None] = Field(description="The entity id of each participant, in the same order.")
    named: list[str] = Field(default_factory=list, description="Up to five people and organisations its reports "
                                                                "name who took no part in it.")
    named_ids: list[str] = Field(default_factory=list, description="The entity id of each of ``named``.")
    kind: str | None
    summary: str
    article_ids: list[str] = Field(description="The original articles reporting it (copies are folded into them).")
    outlets: list[str] = Field(description="Outlets that reported it, copies included.")
    quotes: list[KeyQuote] = Field(description="Up to three key statements: carried by the most outlets "
                                                  "first, then the speaker's own words before paraphrase.")
    evidence: list[FactSourceOut] = Field(description="Where its date, place, kind, participants and summary "
                                                   "were read: one span each.")
    recalled: bool = Field(False, description="A key day no report in the store tells as its own news, which "
                                              "later reports recall (``top`` only): its summary is the sentence "
                                              "they recall it with, its articles those that do.")


class StoryDetail(BaseModel):
    story: StoryOut
    events: list[TimelineEventOut] = Field(description="The timeline: events in date order, undated last.")


class StoreInfo(BaseModel):
    db: str
    exists: bool
    articles: int
    outlets: int
    mentions: int
    quotes: int | None = Field(description="null until the quotes stage's table exists")
    entities: int | None
    stories: int | None
    first_published: str | None
    last_published: str | None
    allow_ingest: bool


class IngestArticle(BaseModel):
    """One article, with the field names `storyline ingest` recognises in JSON."""

    text: str = Field(min_length=1, description="The body as scraped (plain text or HTML).")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="A date: ISO, 'June 29, 2023', '29.06.2023' ...")
    outlet: str | None = None
    id: str | None = Field(None, description="Your id for the article; by default its URL, else a content hash.")


class IngestRequest(BaseModel):
    articles: list[IngestArticle] = Field(min_length=1, max_length=500)


class IngestFailure(BaseModel):
    source: str
    reason: str


class IngestResult(BaseModel):
    added: int
    unchanged: int
    replaced: int
    failed: list[IngestFailure]
    articles: list[str] = Field(description="Ids of the stored articles, in request order.")
