"""The JSON API: ``/api/...``, paginated and filterable, errors in one shape.

Every route reads through its own read-only connection (see
:mod:`storyline.web.state`). The one writing route, ``POST /api/articles``,
exists only in effect when the server was started with ``--allow-ingest`` and
a token; otherwise it answers 403 so clients learn why.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from storyline.web import people as P
from storyline.web import queries as Q
from storyline.web import stories as S
from storyline.web.schemas import (
    ArticleDetail, ArticleSummary, EntityDetail, EntitySummary, ErrorResponse, IngestArticle, IngestRequest,
    IngestResult, Page, QuoteOut, SearchResponse, StatementDetail, StatementOut, StoreInfo, StoryDetail, StorySummary,
    TimelineEventOut,
)
from storyline.web.state import ApiError, Settings, reader, settings

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse, "description": text}
    for code, text in ((400, "Bad request (e.g. FTS5 syntax)"), (404, "Not found"),
                       (422, "Invalid parameters"), (500, "Server error"))
}
router = APIRouter(prefix="/api", tags=["api"], responses=_ERRORS)

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
KIND = r"^(article|quote|direct|partial|headline|indirect)$"


def paging(page: Annotated[int, Query(ge=1, description="1-based page number.")] = 1,
           per_page: Annotated[int, Query(ge=1, description=f"Items per page (capped at {Q.MAX_PER_PAGE}).")] = 20,
           ) -> Q.PageSpec:
    return Q.PageSpec.of(page, per_page)


def filters(
    q: Annotated[str | None, Query(description='FTS5 query: words, "exact phrase", OR, NOT, prefix*.')] = None,
    speaker: Annotated[str | None, Query(description="Canonical speaker name or entity id (quotes only).")] = None,
    outlet: Annotated[str | None, Query()] = None,
    kind: Annotated[str | None, Query(pattern=KIND, description="article | quote | direct | partial | headline | "
                                                                "indirect")] = None,
    date_from: Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive.")] = None,
    date_to: Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive.")] = None,
) -> Q.Filters:
    return make_filters(q=q, speaker=speaker, outlet=outlet, kind=kind, date_from=date_from, date_to=date_to)


def make_filters(**kw: str | None) -> Q.Filters:
    """Filters from query parameters: blanks are no filter; a partial ``date_to`` covers its whole year/month."""
    clean = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in kw.items()}
    if clean.get("date_to") and len(clean["date_to"]) < 10:
        clean["date_to"] += "~"  # sorts after any "-MM-DD" suffix
    return Q.Filters(**clean)


PageDep = Annotated[Q.PageSpec, Depends(paging)]
FilterDep = Annotated[Q.Filters, Depends(filters)]


def _syntax(fn: Any, *args: Any, **kw: Any) -> Any:
    try:
        return fn(*args, **kw)
    except Q.SearchSyntaxError as exc:
        raise ApiError(400, "fts_syntax", str(exc)) from None


@router.get("/store", response_model=StoreInfo, summary="What the store holds")
def store_info(request: Request) -> dict:
    with reader(request) as r:
        return {**Q.summary(r.db, r.caps), "db": r.path, "exists": r.exists,
                "allow_ingest": settings(request).allow_ingest}


@router.get("/articles", response_model=Page[ArticleSummary], summary="Articles, newest first (or by relevance)")
def articles(request: Request, page: PageDep, f: FilterDep) -> dict:
    with reader(request) as r:
        result = _syntax(Q.search_articles, r.db, f, page) if f.q else Q.list_articles(r.db, f, page)
        return result.as_dict()


@router.get("/articles/{article_id}", response_model=ArticleDetail, summary="One article with its spans")
def article(request: Request, article_id: str) -> dict:
    with reader(request) as r:
        found = Q.get_article(r.db, r.caps, article_id)
    if found is None:
        raise ApiError(404, "not_found", f"no article {article_id!r}; list ids with /api/articles")
    return found


@router.get("/quotes", response_model=Page[QuoteOut], summary="Quotations in date order")
def quotes(request: Request, page: PageDep, f: FilterDep,
           article_id: Annotated[str | None, Query(description="Only this article's quotes.")] = None) -> dict:
    with reader(request) as r:
        return _syntax(Q.list_quotes, r.db, r.caps, replace(f, article_id=article_id), page).as_dict()


@router.get("/entities", response_model=Page[EntitySummary], summary="People, organisations and places")
def entities(request: Request, page: PageDep,
             type: Annotated[str | None, Query(description="PERSON | ORG | GPE | LOC | NORP")] = None,  # noqa: A002
             q: Annotated[str | None, Query(description="Part of the name.")] = None) -> dict:
    with reader(request) as r:
        return P.list_entities(r.db, r.caps, page, type_=type, q=q).as_dict()


@router.get("/entities/{entity_id:path}", response_model=EntityDetail, summary="One person (or organisation, place)")
def entity(request: Request, entity_id: str, page: PageDep) -> dict:
    with reader(request) as r:
        e = P.get_entity(r.db, r.caps, entity_id)
        if e is None:
            raise ApiError(404, "not_found", f"no entity {entity_id!r}; list them with /api/entities")
        return {**e, "mentions": P.entity_mentions(r.db, r.caps, e, page).as_dict(),
                "quotes": P.entity_quotes(r.db, r.caps, e, page)[0].as_dict(),
                "quotes_per_month": P.quotes_per_month(r.db, r.caps, e),
                "quoted_with": P.quoted_with(r.db, r.caps, e)}


@router.get("/search", response_model=SearchResponse, summary="Search quotes and articles (FTS5), with facets")
def search(request: Request, page: PageDep, f: FilterDep) -> dict:
    if not f.q:
        raise ApiError(400, "missing_query", "give something to search for: /api/search?q=words")
    with reader(request) as r:
        result = _syntax(Q.search, r.db, r.caps, f, page)
    return {**result, "articles": result["articles"].as_dict(), "quotes": result["quotes"].as_dict()}


@router.get("/stories", response_model=Page[StorySummary], summary="Stories the stories stage filed, latest first")
def stories(request: Request, page: PageDep,
            min_articles: Annotated[int, Query(ge=1, description="Only stories of at least this many articles "
                                                                 "(copies count): 2 hides the one-article ones.")] = 1,
            ) -> dict:
    with reader(request) as r:
        return S.list_stories(r.db, r.caps, page, min_articles).as_dict()


@router.get("/statements", response_model=Page[StatementOut],
            summary="Statements: the quotes the filters pick, grouped across articles, most carried first")
def statements(request: Request, page: PageDep, f: FilterDep,
               min_articles: Annotated[int, Query(ge=1, description="Only statements reported by at least this "
                                                                    "many articles.")] = 1,
               ) -> dict:
    with reader(request) as r:
        return _syntax(Q.list_statements, r.db, r.caps, f, page, min_articles).page.as_dict()


@router.get("/statements/{statement_id}", response_model=StatementDetail,
            summary="One statement and every report of it, in the order said")
def statement(request: Request, statement_id: str) -> dict:
    with reader(request) as r:
        found = Q.get_statement(r.db, r.caps, statement_id)
        if found is None:
            raise ApiError(404, "not_found", f"no statement {statement_id!r} in this store; list them with "
                                             "/api/statements (a store ingested before statements were filed "
                                             "at ingest has none until `storyline ingest` runs on it once)")
        return found


@router.get("/stories/{story_id}", response_model=StoryDetail, summary="One story and its timeline")
def story(request: Request, story_id: str) -> dict:
    with reader(request) as r:
        found = S.get_story(r.db, r.caps, story_id)
        if found is None:
            raise ApiError(404, "not_found", f"no story {story_id!r}; list them with /api/stories")
        return {"story": found, "events": S.event_rows(S.timeline(r.store, r.caps, story=story_id))}


@router.get("/timeline", response_model=Page[TimelineEventOut],
            summary="Events in date order, across stories: of a topic, a person, a story or a period")
def timeline(
    request: Request, page: PageDep,
    about: Annotated[str | None, Query(description="Only articles whose title, summary or text hold all these "
                                                   "words.")] = None,
    person: Annotated[str | None, Query(description="Only events this person (a name, part of one, or an entity id) "
                                                    "takes part in or is quoted in.")] = None,
    story: Annotated[str | None, Query(description="Only this story (an id from /api/stories).")] = None,
    since: Annotated[str | None, Query(pattern=DATE, description="Only events on or after: YYYY, YYYY-MM or "
                                                                 "YYYY-MM-DD (undated events left out).")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="Only events on or before (a year or month "
                                                                 "takes in its whole period).")] = None,
    top: Annotated[int | None, Query(ge=1, description="Only the events of the days that matter most: those most "
                                                       "reports are about or refer back to.")] = None,
) -> dict:
    query = S.TimelineQuery.of(about=about, person=person, story=story, since=since, until=until, top=top)
    with reader(request) as r:
        events = S.filtered_timeline(r.store, r.caps, query)
        return Q.Paged(S.event_rows(events[page.offset:page.offset + page.per_page]), len(events), page).as_dict()


# -- ingest over HTTP ------------------------------------------------------------
_INGEST_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "anyOf": [IngestArticle.model_json_schema(ref_template="#/components/schemas/{model}"),
              IngestRequest.model_json_schema(ref_template="#/components/schemas/{model}")]}}}}}


@router.post("/articles", response_model=IngestResult, status_code=201, openapi_extra=_INGEST_BODY,
             summary="Ingest articles (only with --allow-ingest and a bearer token)",
             responses={401: {"model": ErrorResponse}, 403: {"model": ErrorResponse},
                        413: {"model": ErrorResponse}})
async def post_articles(request: Request) -> JSONResponse:
    s = settings(request)
    if not s.allow_ingest or not s.token:
        raise ApiError(403, "read_only", "this server is read-only; start it with `storyline serve --allow-ingest` "
                                         "and STORYLINE_TOKEN set to ingest over HTTP")
    given = request.headers.get("authorization", "")
    if not given.lower().startswith("bearer "):
        raise ApiError(401, "missing_token", "send the token as `Authorization: Bearer $STORYLINE_TOKEN`")
    if not hmac.compare_digest(given[7:].strip().encode(), s.token.encode()):
        raise ApiError(403, "bad_token", "the token does not match STORYLINE_TOKEN of this server")
    body = await _read_body(request, s.max_body_bytes)
    try:
        data = json.loads(body)
        req = IngestRequest(articles=[data]) if isinstance(data, dict) and "articles" not in data \
            else IngestRequest.model_validate(data if isinstance(data, dict) else {"articles": data})
    except json.JSONDecodeError as exc:
        raise ApiError(400, "bad_json", f"the body is not JSON: {exc}") from None
    except ValidationError as exc:
        raise ApiError(422, "invalid_request", _validation_message(exc.errors())) from None
    result = await run_in_threadpool(_ingest, s, req)
    return JSONResponse(result, status_code=201 if result["added"] else 200)


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it (or its declared length) exceeds ``limit``."""
    too_big = ApiError(413, "too_large", f"the body is over {limit} bytes; send fewer articles per request")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


def _ingest(s: Settings, req: IngestRequest) -> dict:
    """Write the articles as a JSON file and run the library's ingest on it: the same path as the CLI."""
    from storyline.pipeline import ingest  # spaCy comes with it: loaded only when someone ingests
    from storyline.store import Store

    records = []
    for a in req.articles:
        rec = a.model_dump(exclude_none=True)
        # a stable source per article, so posting the same article twice is "unchanged", not a duplicate
        rec["id"] = a.id or a.url or "http:" + hashlib.sha256(a.text.encode()).hexdigest()[:16]
        records.append(rec)
    with tempfile.TemporaryDirectory(prefix="storyline-http-") as tmp, s.write_lock:
        path = Path(tmp) / "posted.json"
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        with Store(s.db_path) as store:
            report = ingest([str(path)], store)
            ids = store.sources_of_path(str(path.resolve()))
            if not ids:
                ids = store.sources_of_path(str(path))
    return {"added": report.articles_added, "unchanged": report.articles_unchanged,
            "replaced": report.articles_replaced,
            "failed": [{"source": b.path, "reason": b.reason} for b in report.failures],
            "articles": [ids[r["id"]] for r in records if r["id"] in ids]}


def _validation_message(errors: list[dict]) -> str:
    parts = []
    for e in errors[:5]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
    return "; ".join(parts)
