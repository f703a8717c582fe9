"""Browser tests: Debian's Chromium, headless, driven by Playwright against a real server.

Without /usr/bin/chromium these tests are skipped with a loud reason (never passed
silently); `.ci/run` installs Chromium with apt-get when it is missing.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from webstore import XSS_TITLE, example_store, xss_article_ids

from storyline.web import create_app
from storyline.web.server import serve_in_background

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

if not Path(CHROMIUM).exists():
    pytest.skip(f"Chromium not installed at {CHROMIUM}: browser tests NOT run — apt-get install chromium",
                allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: browser tests NOT run")


@pytest.fixture(scope="module")
def db() -> str:
    return example_store()


@pytest.fixture(scope="module")
def base(db: str) -> Iterator[str]:
    with serve_in_background(create_app(db, allowed_hosts=["127.0.0.1"])) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser) -> Iterator[object]:
    """A fresh page that records console errors (CSP violations land there) and dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))

    def on_dialog(d) -> None:
        pg.dialogs.append(d.message)
        d.dismiss()
    pg.on("dialog", on_dialog)
    yield pg
    context.close()


def test_each_page_loads_clean(page, base: str, db: str) -> None:
    with sqlite3.connect(db) as con:
        article = con.execute("SELECT article_id FROM quotes LIMIT 1").fetchone()[0]
        story = con.execute("SELECT id FROM stories ORDER BY articles DESC LIMIT 1").fetchone()[0]
    for path, heading in [("/", None), ("/quotes", "Quotes"), ("/quotes?group=statement", "Quotes"),
                          ("/people", "People"),
                          ("/people/PERSON:Jens%20Stoltenberg", "Jens Stoltenberg"), ("/articles", "Articles"),
                          (f"/articles/{article}", None), ("/stories", "Stories"), (f"/stories/{story}", None),
                          ("/timeline", "Timeline"), ("/timeline?person=Stoltenberg", "Timeline")]:
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.locator("header.top .brand").is_visible()
        if heading:
            assert heading in page.locator("h1").first.inner_text()
    assert page.problems == [], page.problems  # no CSP violation, no script error on any page


def test_click_from_a_quote_to_its_span_in_the_article(page, base: str) -> None:
    page.goto(base + "/quotes")
    link = page.locator("article.quote a.span-link").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state()
    assert re.search(r"/articles/[0-9a-f]{16}#q-", page.url)
    anchor = unquote(page.url.split("#", 1)[1])
    span = page.locator(f'[id="{anchor}"]')
    assert span.count() == 1 and span.is_visible() and href.endswith(page.url.split("#", 1)[1])
    assert span.evaluate("el => el.matches(':target') && el.classList.contains('target')")
    assert span.evaluate("el => el.tagName") == "MARK"
    assert "quote" in span.get_attribute("title")  # the hover tells who said it
    assert page.problems == []


def test_statements_view_opens_wordings_and_links_the_first_report(page, base: str) -> None:
    page.goto(base + "/quotes")
    page.get_by_role("link", name="Grouped by statement").click()
    page.wait_for_load_state()
    assert "group=statement" in page.url
    assert re.search(r"\d+ statements? from \d+ quotes?", page.locator("#result-counts").inner_text())
    card = page.locator("article.statement").first
    assert card.locator("p.reported").inner_text().startswith("first reported")
    wordings = page.locator("article.statement details.wordings").first
    if wordings.count():  # a statement reported in other words: the list opens on a click
        assert not wordings.locator("li").first.is_visible()
        wordings.locator("summary").click()
        assert wordings.locator("li").first.is_visible()
    with page.expect_navigation():  # a filter keeps the grouping
        page.locator("select[name=kind]").select_option("direct")
    assert "group=statement" in page.url and "kind=direct" in page.url
    href = page.locator("article.statement p.reported a.span-link").first.get_attribute("href")
    page.locator("article.statement p.reported a.span-link").first.click()
    page.wait_for_load_state()
    assert page.locator(f'[id="{unquote(href.split("#", 1)[1])}"]').count() == 1
    assert page.problems == [], page.problems


def test_from_a_statement_card_to_every_report_and_on_to_one_span(page, base: str) -> None:
    page.goto(base + "/quotes?group=statement")
    card = page.locator("article.statement").filter(has=page.locator("a.every")).first
    reports = int(re.search(r"(\d+) reports?", card.locator(".n").first.inner_text())[1])
    card.locator("a.every").click()
    page.wait_for_load_state()
    assert re.search(r"/statements/st\d+$", page.url)
    assert page.locator("ol.statement-reports li").count() == reports
    dates = [t.split()[0] for t in page.locator("ol.statement-reports p.when").all_inner_texts()]
    assert dates == sorted(dates, key=lambda d: (d == "undated", d))  # in the order said
    link = page.locator("ol.statement-reports a.span-link").last
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state()
    span = page.locator(f'[id="{unquote(href.split("#", 1)[1])}"]')
    assert span.count() == 1 and span.is_visible()
    assert page.problems == [], page.problems


def test_click_from_an_event_fact_to_the_words_it_was_read_from(page, base: str, db: str) -> None:
    with sqlite3.connect(db) as con:
        story = con.execute("SELECT id FROM stories ORDER BY articles DESC LIMIT 1").fetchone()[0]
    page.goto(f"{base}/stories/{story}")
    place = page.locator("li.event span.place a.fact").first
    read = place.get_attribute("title")  # read from “…”: the words the place was read from
    details = page.locator("li.event details.evidence").first
    assert not details.locator("li").first.is_visible()  # the list of sources opens on a click
    details.locator("summary").click()
    assert details.locator("li").first.is_visible()
    place.click()
    page.wait_for_load_state()
    assert "?span=" in page.url and page.url.endswith("#span")
    mark = page.locator("mark#span")
    assert mark.is_visible() and mark.evaluate("el => el.matches(':target')")
    assert read == f"read from “{mark.inner_text()}”"
    assert page.problems == [], page.problems


def test_click_from_a_person_mention_to_its_span(page, base: str) -> None:
    page.goto(base + "/people/PERSON:Jens%20Stoltenberg")
    page.locator("ol.mentions a.span-link").first.click()
    page.wait_for_load_state()
    anchor = page.url.split("#", 1)[1]
    assert anchor.startswith("m-")
    assert page.locator(f'[id="{anchor}"]').evaluate("el => el.matches(':target')")
    assert "Stoltenberg" in page.locator(f'[id="{anchor}"]').inner_text()


def test_search_from_the_home_page(page, base: str) -> None:
    page.goto(base + "/")
    page.fill("input[name=q]", "drone*")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"q=drone"))
    counts = page.locator("#result-counts").inner_text()
    assert re.search(r"\d+ quotes? · \d+ articles?", counts), counts
    assert page.locator("mark.hit").count() > 0
    page.locator("select[name=kind]").select_option("article")  # the small script submits the filter
    page.wait_for_url(re.compile(r"kind=article"))
    assert page.locator("article.quote").count() == 0 and page.locator(".article-list li").count() > 0


def test_fts_syntax_error_is_shown_not_crashed(page, base: str) -> None:
    response = page.goto(base + '/?q="unbalanced')
    assert response.status == 400
    assert page.get_by_role("alert").is_visible()


def test_xss_article_renders_inert(page, base: str, db: str) -> None:
    body_id, title_id = xss_article_ids(db)
    page.goto(f"{base}/articles/{body_id}")
    text = page.locator("#text").inner_text()
    assert "<script>alert('xss')</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert page.locator("#text img, #text script, #text b").count() == 0
    page.goto(f"{base}/articles/{title_id}")
    assert page.locator("h1").inner_text() == XSS_TITLE
    page.hover("#text mark.q >> nth=0")
    for path in ("/?q=alert", "/quotes?q=script", "/articles"):
        page.goto(base + path)
    assert page.locator("img").count() == 0
    assert page.dialogs == [], page.dialogs  # no alert() ever fired
    assert page.problems == [], page.problems


def test_phone_width_has_no_horizontal_scroll(browser, base: str, db: str) -> None:
    body_id, _ = xss_article_ids(db)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    pg = context.new_page()
    for path in ("/", "/quotes", "/quotes?group=statement", f"/articles/{body_id}",
                 "/people/PERSON:Jens%20Stoltenberg"):
        pg.goto(base + path)
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
    context.close()
