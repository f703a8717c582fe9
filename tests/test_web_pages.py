"""The HTML pages: they render on the example store, escape scraped text, and set a strict CSP."""

from __future__ import annotations

import html
import re
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from webstore import XSS_TITLE, example_store, xss_article_ids

from storyline.store.migrations import MIGRATIONS
from storyline.web import create_app
from storyline.web.highlight import Span, render

WEB = Path(__file__).resolve().parents[1] / "src" / "storyline" / "web"


@pytest.fixture(scope="module")
def db() -> str:
    return example_store()


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db))


class Tags(HTMLParser):
    """Every start tag with its attributes, to check what the browser would build."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def assert_inert(page: str) -> Tags:
    """No script but ours, no inline handler or style, no javascript: link, no element from scraped markup."""
    tags = parse(page)
    for tag, attrs in tags.tags:
        if tag == "script":
            assert attrs == {"src": "/static/app.js", "defer": None}, attrs
        assert tag not in {"img", "iframe", "object", "embed", "b", "i"}, (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "style" not in attrs and tag != "style", (tag, attrs)
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").strip().lower().startswith(("javascript:", "data:")), attrs
    return tags


def pages(client: TestClient, db: str) -> list[str]:
    with sqlite3.connect(db) as con:
        article, quote = con.execute("SELECT article_id, id FROM quotes LIMIT 1").fetchone()
        story = con.execute("SELECT id FROM stories ORDER BY articles DESC LIMIT 1").fetchone()[0]
    return ["/", "/?q=drone*", "/search?q=Belarus&kind=quote", "/quotes",
            "/quotes?speaker=Jens+Stoltenberg&kind=direct",
            "/people", "/people?type=ORG", "/people/PERSON:Jens%20Stoltenberg", "/articles", "/articles?per_page=5",
            f"/articles/{article}", "/stories", f"/stories/{story}"]


def test_every_page_renders_with_a_strict_csp(client: TestClient, db: str) -> None:
    for url in pages(client, db):
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:500])
        assert r.headers["content-type"].startswith("text/html")
        csp = r.headers["content-security-policy"]
        for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                          "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"):
            assert directive in csp
        assert "unsafe-inline" not in csp
        assert_inert(r.text)


def test_templates_never_trust_scraped_text() -> None:
    for path in (WEB / "templates").glob("*.html"):
        source = path.read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", ""), path.name
        assert "style=" not in source, path.name  # the CSP forbids inline styles
        assert not re.search(r"<script(?![^>]*\bsrc=)", source), path.name  # and inline scripts
        assert "autoescape false" not in source, path.name


def test_xss_payloads_render_as_text(client: TestClient, db: str) -> None:
    body_id, title_id = xss_article_ids(db)
    page = client.get(f"/articles/{body_id}").text
    tags = assert_inert(page)
    text = "".join(tags.text)
    assert "<script>alert('xss')</script>" in text  # shown, as text
    assert "<img src=x onerror=alert(1)>" in text
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page
    titled = client.get(f"/articles/{title_id}").text
    assert XSS_TITLE in "".join(assert_inert(titled).text)
    assert "Evil <i>Outlet</i>" in "".join(parse(titled).text)
    assert 'href="javascript:' not in titled  # the record's javascript: URL is shown, never linked
    for url in ("/?q=alert", "/quotes?q=script", "/articles", "/people/PERSON:Andrzej%20Duda", "/?q=onerror"):
        assert_inert(client.get(url).text)


def test_article_page_is_the_provenance_view(client: TestClient, db: str) -> None:
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        article = con.execute("SELECT article_id FROM quotes GROUP BY article_id ORDER BY count(*) DESC").fetchone()[0]
        quotes = con.execute("SELECT id FROM quotes WHERE article_id = ?", (article,)).fetchall()
        mentions = con.execute("SELECT start FROM mentions WHERE article_id = ?", (article,)).fetchall()
        removed = con.execute("SELECT count(*) FROM removed_lines WHERE article_id = ?", (article,)).fetchone()[0]
    page = client.get(f"/articles/{article}").text
    ids = {attrs.get("id") for _, attrs in parse(page).tags}
    assert {f"q-{q['id']}" for q in quotes} <= ids  # every quote is an anchor other pages link to
    assert {f"m-{m['start']}" for m in mentions} <= ids  # and every mention
    assert re.search(r'<mark id="q-[^"]+" class="q q-\w+" title="[^"]*quote — ', page)  # hover says who
    assert '<details class="removed"' in page and f"{removed} line" in page
    short = client.get(f"/articles/{article[:6]}", follow_redirects=False)
    assert short.status_code == 307 and short.headers["location"] == f"/articles/{article}"
    missing = client.get("/articles/ffffffffffffffff")
    assert missing.status_code == 404 and "no article" in missing.text


def test_quote_explorer_links_each_quote_to_its_span(client: TestClient) -> None:
    page = client.get("/quotes?per_page=5").text
    links = re.findall(r'href="(/articles/[0-9a-f]+#q-[^"]+)"', page)
    assert len(links) == 5
    assert 'rel="next"' in page and "page 1 of" in page
    target = links[0]
    article_page = client.get(target.split("#")[0]).text
    assert f'id="{html.unescape(target.split("#")[1])}"' in article_page


def test_search_page_counts_and_facets(client: TestClient) -> None:
    page = client.get("/?q=drone*").text
    assert re.search(r"<strong>\d+</strong> quotes? ·", page) and "Kind" in page and "Speaker" in page
    assert '<mark class="hit">' in page


def test_search_syntax_error_is_a_clear_400_page(client: TestClient) -> None:
    r = client.get('/?q="unbalanced')
    assert r.status_code == 400
    assert "could not be understood" in r.text and "double quotes" in r.text
    r = client.get("/quotes?q=NATO%20AND")
    assert r.status_code == 400 and "could not be understood" in r.text


def test_person_page(client: TestClient) -> None:
    page = client.get("/people/PERSON:Jens%20Stoltenberg").text
    assert "<svg" in page and 'class="bar"' in page and "Quoted with" in page and "#m-" in page
    assert client.get("/people/PERSON:Nobody%20Atall").status_code == 404


def test_pagination_parameters_are_forgiving(client: TestClient) -> None:
    for url in ("/quotes?page=abc", "/articles?per_page=-3", "/articles?per_page=99999", "/people?page=9999"):
        assert client.get(url).status_code == 200, url


def test_empty_and_missing_stores_say_how_to_fill_them(tmp_path) -> None:
    missing = TestClient(create_app(str(tmp_path / "nothing.db")))
    for url in ("/", "/quotes", "/people", "/articles", "/stories"):
        page = missing.get(url).text
        assert "There is no store at" in page and "storyline ingest FOLDER --db" in page, url
    from storyline import Store
    Store(tmp_path / "empty.db").close()
    page = TestClient(create_app(str(tmp_path / "empty.db"))).get("/").text
    assert "holds no articles yet" in page and "storyline ingest FOLDER --db" in page


def test_a_store_from_before_the_quotes_stage_says_so(tmp_path, db: str) -> None:
    old = tmp_path / "old.db"
    con = sqlite3.connect(old)
    MIGRATIONS[0](con)  # only m001: articles, mentions, no quotes table
    con.execute("INSERT INTO articles (id, source, path, format, text, raw_text, ingested_at, title)"
                " VALUES ('abcdabcdabcdabcd', 's', 'p', 'txt', 'Duda spoke.', 'Duda spoke.', 'now', 'T')")
    con.execute("INSERT INTO mentions VALUES ('abcdabcdabcdabcd', 0, 4, 'Duda', 'PERSON')")
    con.commit()
    con.close()
    client = TestClient(create_app(str(old)))
    assert "No quotations in this store yet" in client.get("/quotes").text
    assert client.get("/articles/abcdabcdabcdabcd").status_code == 200
    assert client.get("/people/PERSON:Duda").status_code == 200
    assert client.get("/api/quotes").json()["total"] == 0


# -- the highlighter -------------------------------------------------------------
spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["mark", "a", "span"])),
                 max_size=8)


@settings(max_examples=200)
@given(text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n")), max_size=40), raw=spans)
def test_highlight_escapes_and_always_nests(text: str, raw: list) -> None:
    items = [Span(min(s, e), max(s, e), tag, {"title": "<x>"}, anchor=f"a{i}") for i, (s, e, tag) in enumerate(raw)]
    out = str(render(text, items))
    stack = []
    for m in re.finditer(r"<(/?)(mark|a|span)\b[^>]*>", out):
        if m.group(1):
            assert stack.pop() == m.group(2)
        else:
            stack.append(m.group(2))
    assert not stack
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text  # the text, all of it, nothing else
    assert "<x>" not in out
    assert len(re.findall(r' id="a\d+"', out)) == len({i for i, s in enumerate(items) if s.end > s.start
                                                       and s.start < len(text)})
