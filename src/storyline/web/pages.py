"""Server-rendered pages: search, quotes, people, articles, stories.

Pages read like documents and work without JavaScript: filters are plain GET
forms, pagination is links, tooltips are ``title`` attributes, and the chart
is SVG drawn here. Templates autoescape everything; the only markup built in
Python comes from :mod:`storyline.web.highlight`, which escapes each piece of
text it wraps.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from storyline.quotes.marks import in_quotes
from storyline.web import highlight as H
from storyline.web import people as P
from storyline.web import queries as Q
from storyline.web import stories as S
from storyline.web.api import make_filters
from storyline.web.state import ApiError, Reader, reader, settings

router = APIRouter(include_in_schema=False)

_env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
templates = Jinja2Templates(env=_env)
STORE_KEY_DAYS = 20  #: key days the timeline page shows before a filter is given (`storyline timeline --top 20`)
PERSON_EVENTS = 20  #: events shown on a person's page (all of them: `storyline timeline --person`)
LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
          "NORP": "group"}


def _qs(request: Request, **changes: Any) -> str:
    """The current query string with some parameters changed (None removes one); ``page`` resets unless given."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    if "page" not in changes:
        params.pop("page", None)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urlencode(params) if params else "?"


def _article_url(article_id: str, anchor: str | None = None) -> str:
    return f"/articles/{quote(article_id, safe='')}" + (f"#{quote(anchor, safe=':-')}" if anchor else "")


def _span_url(article_id: str, start: int, end: int) -> str:
    """The article page with one span of its text marked and scrolled to (where a fact was read)."""
    return f"/articles/{quote(article_id, safe='')}?span={start}-{end}#span"


def _marked_span(request: Request, text: str) -> H.Span | None:
    """The ``?span=START-END`` an event's evidence links with, as a highlight anchored ``#span``."""
    value = request.query_params.get("span")
    if value is None:
        return None
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit() and int(start) < int(end) <= len(text)):
        raise ApiError(400, "bad_span", f"span={value!r} is not START-END offsets within the article's text "
                                        f"(0–{len(text)}); follow a link from a story page, or drop ?span")
    return H.Span(int(start), int(end), "mark", {"class": "ev", "title": "the words this fact was read from"},
                  anchor="span", rank=-1)


def _story_url(story_id: str, anchor: str | None = None) -> str:
    return f"/stories/{quote(story_id, safe='')}" + (f"#{quote(anchor, safe=':-')}" if anchor else "")


def _when(date: str | None, hint: str | None) -> str:
    from storyline.stories.timeline import when  # the stories package loads only when a page shows a story

    return when(date, hint)


def _safe_href(url: str | None) -> str | None:
    """Scraped URLs are linked only when they are plain http(s): never ``javascript:`` or ``data:``."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


_env.filters["in_quotes"] = in_quotes
_env.globals.update(qs=_qs, person_url=H.person_url, article_url=_article_url, span_url=_span_url,
                    story_url=_story_url, context=H.context,
                    snippet=H.snippet, safe_href=_safe_href, labels=LABELS, kinds=Q.QUOTE_KINDS, when=_when)


def render(request: Request, r: Reader | None, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    store = Q.summary(r.db, r.caps) if r else None
    base = {"store": store, "db": settings(request).db_path, "exists": r.exists if r else True,
            "allow_ingest": settings(request).allow_ingest,
            "caps": r.caps if r else None, "nav": name.split(".")[0]}
    return templates.TemplateResponse(request, name, {**base, **ctx}, status_code=status)


def error_page(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return render(request, None, "error.html", status, status_code=status, code=code, message=message)


def _page(request: Request, default: int = 20, param: str = "page") -> Q.PageSpec:
    """Pagination from ``?page=`` / ``?per_page=``; junk values fall back to the defaults."""
    def num(name: str) -> int | None:
        value = request.query_params.get(name, "")
        return int(value) if value.isdigit() else None
    return Q.PageSpec.of(num(param), num("per_page"), default)


def _filters(request: Request) -> Q.Filters:
    p = request.query_params
    kind = p.get("kind") or None
    kind = kind if kind in ("article", "quote", *Q.QUOTE_KINDS) else None
    dates = {k: v if v and len(v) <= 10 and v[:4].isdigit() else None
             for k, v in (("date_from", p.get("date_from")), ("date_to", p.get("date_to")))}
    return make_filters(q=p.get("q"), speaker=p.get("speaker"), outlet=p.get("outlet"), kind=kind, **dates)


@router.get("/", response_class=HTMLResponse)
@router.get("/search", response_class=HTMLResponse)
def home(request: Request) -> Response:
    f, spec = _filters(request), _page(request)
    with reader(request) as r:
        ctx: dict[str, Any] = {"f": f, "outlets": Q.outlets(r.db), "speakers": Q.speakers(r.db, r.caps),
                               "result": None, "search_error": None}
        if f.q:
            try:
                ctx["result"] = Q.search(r.db, r.caps, f, spec)
            except Q.SearchSyntaxError as exc:
                ctx["search_error"] = str(exc)
                ctx["plain"] = " ".join('"' + w.replace('"', "") + '"' for w in f.q.split() if w.replace('"', ""))
            ctx["pages"] = max(ctx["result"]["articles"].pages, ctx["result"]["quotes"].pages) \
                if ctx["result"] else 1
            ctx["spec"] = spec
        else:
            ctx["recent"] = Q.list_articles(r.db, Q.Filters(), Q.PageSpec(1, 6)).items
            ctx["stories"] = S.list_stories(r.db, r.caps, Q.PageSpec(1, 5)).items
            ctx["latest_quotes"] = Q.list_quotes(r.db, r.caps, Q.Filters(), Q.PageSpec(1, 4), order="latest").items \
                if r.caps.quotes else []
            ctx["top_speakers"] = Q.quote_facets(r.db, r.caps, Q.Filters())["speaker"][:10]
        status = 400 if ctx["search_error"] else 200
        return render(request, r, "home.html", status, **ctx)


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request) -> Response:
    f, spec = _filters(request), _page(request)
    with reader(request) as r:
        ctx: dict[str, Any] = {"f": f, "outlets": Q.outlets(r.db), "speakers": Q.speakers(r.db, r.caps),
                               "search_error": None, "page": Q.Paged([], 0, spec), "facets": None}
        ctx["grouped"] = request.query_params.get("group") == "statement"
        try:
            if ctx["grouped"]:
                ctx["statements"] = Q.list_statements(r.db, r.caps, f, spec)
                ctx["page"] = ctx["statements"].page
            else:
                ctx["page"] = Q.list_quotes(r.db, r.caps, f, spec)
            ctx["facets"] = Q.quote_facets(r.db, r.caps, f)
        except Q.SearchSyntaxError as exc:
            ctx["search_error"] = str(exc)
        return render(request, r, "quotes.html", 400 if ctx["search_error"] else 200, **ctx)


@router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement(request: Request, statement_id: str) -> Response:
    with reader(request) as r:
        g = Q.get_statement(r.db, r.caps, statement_id)
        if g is None:
            raise ApiError(404, "not_found", f"no statement {statement_id!r} in this store; the statements are at "
                                             "/quotes?group=statement")
        return render(request, r, "statement.html", g=g)


@router.get("/people", response_class=HTMLResponse)
def people(request: Request) -> Response:
    type_ = request.query_params.get("type") or None
    name = (request.query_params.get("q") or "").strip() or None
    with reader(request) as r:
        page = P.list_entities(r.db, r.caps, _page(request, 50), type_=type_, q=name)
        return render(request, r, "people.html", page=page, type_=type_, name_q=name)


@router.get("/people/{entity_id:path}", response_class=HTMLResponse)
def person(request: Request, entity_id: str) -> Response:
    with reader(request) as r:
        e = P.get_entity(r.db, r.caps, entity_id)
        if e is None:
            raise ApiError(404, "not_found", f"no person or organisation {entity_id!r} in this store")
        if e["id"] != entity_id:  # a name that now resolves to a canonical entity
            return RedirectResponse(H.person_url(e["id"]), status_code=307)
        months = P.quotes_per_month(r.db, r.caps, e)
        key = e["id"] if e["canonical"] else e["name"]
        events = S.timeline(r.store, r.caps, person=key)
        for ev in events:  # the filter names the person when no participant's name holds the key: not needed here
            kept = [(p, k) for p, k in zip(ev.participants, ev.participant_ids) if p != key]
            ev.participants, ev.participant_ids = [p for p, _ in kept], [k for _, k in kept]
            also = [(p, k) for p, k in zip(ev.named, ev.named_ids) if p != key]
            ev.named, ev.named_ids = [p for p, _ in also], [k for _, k in also]
        quotes, speaker_key = P.entity_quotes(r.db, r.caps, e, _page(request))
        return render(request, r, "person.html", e=e, quotes=quotes, speaker_key=speaker_key,
                      mentions=P.entity_mentions(r.db, r.caps, e, _page(request, 10, "mpage")),
                      chart=month_chart(months), quoted_with=P.quoted_with(r.db, r.caps, e),
                      events=S.event_views(r.db, r.caps, events[:PERSON_EVENTS]), events_total=len(events))


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request) -> Response:
    f = _filters(request)
    with reader(request) as r:
        page = Q.list_articles(r.db, f, _page(request, 25))
        return render(request, r, "articles.html", page=page, f=f, outlets=Q.outlets(r.db))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> Response:
    with reader(request) as r:
        a = Q.get_article(r.db, r.caps, article_id)
        if a is None:
            raise ApiError(404, "not_found", f"no article {article_id!r} in this store")
        if a["id"] != article_id:  # a prefix: redirect so anchors and links use the full id
            query = f"?{request.url.query}" if request.url.query else ""  # keeps ?span=
            return RedirectResponse(_article_url(a["id"]) + query, status_code=307)
        marked = _marked_span(request, a["text"])
        spans = H.article_spans(a["mentions"], a["quotes"]) + ([marked] if marked else [])
        body = H.paragraphs(a["text"], spans)
        labels: dict[str, int] = {}
        for m in a["mentions"]:
            labels[m["label"]] = labels.get(m["label"], 0) + 1
        return render(request, r, "article.html", a=a, body=body, labels=labels,
                      headline=bool(a["title"]) and a["text"].startswith(a["title"]))


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request) -> Response:
    value = request.query_params.get("min_articles", "")
    least = max(1, int(value)) if value.isdigit() else 1  # junk falls back to every story
    with reader(request) as r:
        return render(request, r, "stories.html", min_articles=least,
                      page=S.list_stories(r.db, r.caps, _page(request), least))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> Response:
    with reader(request) as r:
        s = S.get_story(r.db, r.caps, story_id)
        if s is None:
            raise ApiError(404, "not_found", f"no story {story_id!r} in this store; the list is at /stories")
        events = S.timeline(r.store, r.caps, story=story_id)
        return render(request, r, "story.html", s=s, events=S.event_views(r.db, r.caps, events))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request) -> Response:
    query = S.TimelineQuery.of(**{k: request.query_params.get(k) for k in S.TIMELINE_PARAMS})
    if query.empty:  # a first visit: the store's key days, under the form that narrows them
        query = dataclasses.replace(query, top=STORE_KEY_DAYS)
    with reader(request) as r:
        events = S.filtered_timeline(r.store, r.caps, query)
        spec = _page(request, 25)
        shown = S.event_views(r.db, r.caps, events[spec.offset:spec.offset + spec.per_page])
        return render(request, r, "timeline.html", query=query, page=Q.Paged([], len(events), spec), events=shown)


def month_chart(months: list[dict], width: int = 1000, height: int = 150) -> dict | None:
    """Bars for an SVG chart of quotes per month (attributes only: the CSP forbids inline styles)."""
    if not months:
        return None
    top = max(m["count"] for m in months) or 1
    step = width / len(months)
    bars = []
    for i, m in enumerate(months):
        h = round((height - 20) * m["count"] / top, 1)
        bars.append({"x": round(i * step + step * 0.15, 1), "y": round(height - 18 - h, 1),
                     "w": round(step * 0.7, 1), "h": h, "month": m["month"], "count": m["count"]})
    every = max(1, -(-70 * len(months) // width))  # a label needs about 70 units: skip months so none collide
    labels = [{"x": round(i * step + step / 2, 1), "text": m["month"]} for i, m in enumerate(months) if i % every == 0]
    return {"width": width, "height": height, "bars": bars, "labels": labels, "top": top,
            "total": sum(m["count"] for m in months)}
