"""The JSON API over the example store: every endpoint, pagination, filters, the error shape, ingest."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient
from webstore import XSS_TITLE, example_store, xss_article_ids

from storyline.web import create_app

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def db() -> str:
    return example_store()


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db), raise_server_exceptions=False)


def assert_error(response, status: int, code: str | None = None) -> dict:
    """Every API error: the status, JSON, and exactly {"error": {status, code, message}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["message"].strip()
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def count(db: str, sql: str) -> int:
    with sqlite3.connect(db) as con:
        return con.execute(sql).fetchone()[0]


# -- the schema ----------------------------------------------------------------
def test_openapi_schema_lists_every_endpoint_with_models(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/quotes", "/api/entities", "/api/entities/{entity_id}", "/api/articles/{article_id}",
                 "/api/search", "/api/stories", "/api/statements", "/api/articles", "/api/store"):
        assert path in paths, path
    assert "post" in paths["/api/articles"]
    components = schema["components"]["schemas"]
    assert {"ErrorResponse", "QuoteOut", "ArticleDetail", "EntityDetail", "SearchResponse", "StatementOut"
            } <= set(components)
    # errors are documented in the one shape, not FastAPI's default validation body
    assert paths["/api/quotes"]["get"]["responses"]["422"]["content"]["application/json"]["schema"]["$ref"] \
        .endswith("/ErrorResponse")
    assert not any(p.startswith("/articles") or p == "/" for p in paths)  # pages stay out of the API schema


def test_store_info(client: TestClient, db: str) -> None:
    info = client.get("/api/store").json()
    assert info["exists"] is True and info["allow_ingest"] is False
    assert info["articles"] == count(db, "SELECT count(*) FROM articles") >= 19
    assert info["quotes"] == count(db, "SELECT count(*) FROM quotes") > 100


# -- articles ------------------------------------------------------------------
def test_articles_paginate_without_overlap(client: TestClient, db: str) -> None:
    first = client.get("/api/articles?per_page=5").json()
    second = client.get("/api/articles?per_page=5&page=2").json()
    total = count(db, "SELECT count(*) FROM articles")
    assert first["total"] == second["total"] == total
    assert first["pages"] == -(-total // 5) and first["page"] == 1 and first["per_page"] == 5
    assert len(first["items"]) == 5
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    everything = client.get("/api/articles?per_page=100000").json()
    assert everything["per_page"] == 100 and len(everything["items"]) == total  # capped, not refused
    beyond = client.get("/api/articles?page=99").json()
    assert beyond["items"] == [] and beyond["total"] == total


def test_articles_filters(client: TestClient) -> None:
    items = client.get("/api/articles?outlet=Danube%20Monitor").json()["items"]
    assert items and {a["outlet"] for a in items} == {"Danube Monitor"}
    dated = client.get("/api/articles?date_from=2024&date_to=2024-04").json()["items"]
    assert dated and all("2024-01-01" <= a["published"] <= "2024-04-30" for a in dated)
    hits = client.get("/api/articles?q=drone*").json()
    assert hits["total"] >= 2 and all("\x02" in a["snippet"] for a in hits["items"])


def test_article_detail_spans_point_into_the_text(client: TestClient) -> None:
    first = client.get("/api/quotes?per_page=1").json()["items"][0]
    a = client.get(f"/api/articles/{first['article_id']}").json()
    text = a["text"]
    assert a["mentions"] and a["quotes"] and a["removed"]
    for m in a["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    for q in a["quotes"]:
        assert 0 <= q["start"] < q["end"] <= len(text)
        assert all(q["start"] <= s < e <= q["end"] for s, e in q["pieces"])
        if q["speaker_start"] is not None:
            assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker_mention"]
    assert client.get(f"/api/articles/{a['id'][:6]}").json()["id"] == a["id"]  # a unique prefix works


def test_article_not_found(client: TestClient) -> None:
    assert_error(client.get("/api/articles/ffffffffffffffff"), 404, "not_found")


# -- quotes --------------------------------------------------------------------
def test_quotes_in_date_order_with_context(client: TestClient, db: str) -> None:
    page = client.get("/api/quotes?per_page=100").json()
    assert page["total"] == count(db, "SELECT count(*) FROM quotes")
    dates = [q["date"] for q in page["items"] if q["date"]]
    assert dates == sorted(dates)
    for q in page["items"]:
        assert q["id"] and q["context"]["text"]
        for s, e in q["context"]["pieces"]:
            assert 0 <= s <= e <= len(q["context"]["text"])


def test_quotes_filters(client: TestClient) -> None:
    by = client.get("/api/quotes?speaker=Jens%20Stoltenberg&per_page=100").json()
    assert by["total"] > 10 and {q["speaker"] for q in by["items"]} == {"Jens Stoltenberg"}
    direct = client.get("/api/quotes?kind=direct&per_page=100").json()["items"]
    assert direct and {q["kind"] for q in direct} == {"direct"}
    words = client.get("/api/quotes?q=Belarus").json()["items"]
    assert words and all("belarus" in q["text"].lower() for q in words)
    assert all("\x02" in q["highlight"] for q in words)
    aid = words[0]["article_id"]
    one = client.get(f"/api/quotes?article_id={aid}&per_page=100").json()["items"]
    assert one and {q["article_id"] for q in one} == {aid}
    dated = client.get("/api/quotes?date_from=2024-01-01&date_to=2024-03").json()["items"]
    assert dated and all("2024-01-01" <= q["date"] <= "2024-03-31" for q in dated)


# -- entities ------------------------------------------------------------------
def test_entities_list_and_detail(client: TestClient) -> None:
    people = client.get("/api/entities?type=PERSON&per_page=10").json()
    assert people["total"] > 5 and {e["type"] for e in people["items"]} == {"PERSON"}
    (found,) = [x for x in client.get("/api/entities?q=Stoltenberg&type=PERSON").json()["items"]
                if x["name"] == "Jens Stoltenberg"]
    e = client.get(f"/api/entities/{found['id']}?per_page=3").json()
    assert e["name"] == "Jens Stoltenberg" and e["id"] == found["id"]
    assert e["quotes"]["total"] > 10 and len(e["quotes"]["items"]) == 3
    assert 10 < sum(m["count"] for m in e["quotes_per_month"]) <= e["quotes"]["total"]
    assert e["quoted_with"] and all(p["name"] != "Jens Stoltenberg" for p in e["quoted_with"])
    assert e["mentions"]["total"] > 0
    hit = e["mentions"]["items"][0]
    s, t = hit["context"]["pieces"][0]
    assert hit["context"]["text"][s:t] == hit["text"]


def test_entity_not_found(client: TestClient) -> None:
    assert_error(client.get("/api/entities/PERSON:Nobody%20Atall"), 404, "not_found")
    assert_error(client.get("/api/entities/no-such-id"), 404, "not_found")


# -- search --------------------------------------------------------------------
def test_search_quotes_and_articles_with_facets(client: TestClient) -> None:
    r = client.get("/api/search?q=drone*").json()
    assert r["articles"]["total"] >= 2 and r["quotes"]["total"] >= 2
    kinds = {f["value"]: f["count"] for f in r["facets"]["kind"]}
    assert kinds["article"] == r["articles"]["total"]
    assert sum(v for k, v in kinds.items() if k != "article") == r["quotes"]["total"]
    assert r["facets"]["speaker"] and r["facets"]["outlet"]
    only = client.get("/api/search?q=drone*&kind=article").json()
    assert only["quotes"]["items"] == [] and only["articles"]["total"] == r["articles"]["total"]
    said = client.get("/api/search?q=drone*&speaker=Jens%20Stoltenberg").json()
    assert said["articles"]["items"] == [] and {q["speaker"] for q in said["quotes"]["items"]} == {"Jens Stoltenberg"}


@pytest.mark.parametrize("bad", ['"unterminated', "NATO AND", "(", "foo:bar", "*", "a OR OR b", "NEAR(x"])
def test_fts_syntax_error_is_a_400_not_a_500(client: TestClient, bad: str) -> None:
    for url in ("/api/search", "/api/quotes", "/api/articles"):
        error = assert_error(client.get(url, params={"q": bad}), 400, "fts_syntax")
        assert "double quotes" in error["message"]


def test_search_needs_a_query(client: TestClient) -> None:
    assert_error(client.get("/api/search"), 400, "missing_query")
    assert_error(client.get("/api/search?q=%20%20"), 400, "missing_query")


def test_stories_lists_what_the_stories_stage_filed(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert body["total"] >= 1 and body["page"] == 1 and body["per_page"] == 20
    assert all(s["id"] and "title" in s and "start" in s for s in body["items"])


# -- the one error shape -------------------------------------------------------
@pytest.mark.parametrize(("method", "url", "status", "code"), [
    ("GET", "/api/nothing-here", 404, "not_found"),
    ("PUT", "/api/quotes", 405, "method_not_allowed"),
    ("DELETE", "/api/articles/abc", 405, "method_not_allowed"),
    ("GET", "/api/quotes?page=0", 422, "invalid_request"),
    ("GET", "/api/quotes?per_page=abc", 422, "invalid_request"),
    ("GET", "/api/quotes?kind=rumour", 422, "invalid_request"),
    ("GET", "/api/articles?date_from=yesterday", 422, "invalid_request"),
    ("POST", "/api/articles", 403, "read_only"),
])
def test_error_shape(client: TestClient, method: str, url: str, status: int, code: str) -> None:
    response = client.request(method, url, json={"text": "x"} if method == "POST" else None)
    assert_error(response, status, code)
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


def test_unexpected_errors_are_500_in_the_shape_with_security_headers(db: str) -> None:
    app = create_app(db)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("kaboom")

    response = TestClient(app, raise_server_exceptions=False).get("/api/boom")
    error = assert_error(response, 500, "internal_error")
    assert "kaboom" not in error["message"]  # internals stay in the server log
    assert response.headers["x-content-type-options"] == "nosniff"


def test_security_headers_on_every_response(client: TestClient) -> None:
    for url in ("/api/quotes", "/api/nothing", "/static/style.css", "/"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "object-src 'none'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_other_host_names_are_refused_when_bound_to_loopback(db: str) -> None:
    app = create_app(db, allowed_hosts=["127.0.0.1", "localhost"])
    assert_error(TestClient(app).get("/api/store"), 400, "bad_host")  # Host: testserver (think DNS rebinding)
    assert TestClient(app, base_url="http://127.0.0.1:8123").get("/api/store").status_code == 200


def test_api_returns_scraped_text_verbatim_as_json(client: TestClient, db: str) -> None:
    body_id, title_id = xss_article_ids(db)
    a = client.get(f"/api/articles/{body_id}").json()
    assert "<script>alert('xss')</script>" in a["text"] and "<img src=x onerror=alert(1)>" in a["text"]
    t = client.get(f"/api/articles/{title_id}")
    assert t.json()["title"] == XSS_TITLE and t.headers["content-type"].startswith("application/json")


# -- an empty or missing store -------------------------------------------------
def test_missing_store_answers_empty(tmp_path) -> None:
    client = TestClient(create_app(str(tmp_path / "none.db")))
    info = client.get("/api/store").json()
    assert info["exists"] is False and info["articles"] == 0
    assert client.get("/api/quotes").json()["items"] == []
    assert client.get("/api/search?q=x").json()["articles"]["total"] == 0
    assert not (tmp_path / "none.db").exists()  # reading never creates a store


# -- ingest over HTTP ----------------------------------------------------------
ARTICLE = {"title": "Kallas in Tallinn", "date": "2024-06-01", "outlet": "Test Wire",
           "text": "Kallas in Tallinn\n\nEstonian Prime Minister Kaja Kallas said on Saturday that \"the Baltic "
                   "states will keep their borders closed\", speaking in Tallinn."}


@pytest.fixture()
def writer(tmp_path) -> TestClient:
    return TestClient(create_app(str(tmp_path / "w.db"), allow_ingest=True, token=TOKEN, max_body_bytes=4096),
                      raise_server_exceptions=False)


def test_ingest_needs_the_token(writer: TestClient) -> None:
    assert_error(writer.post("/api/articles", json=ARTICLE), 401, "missing_token")
    assert_error(writer.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer nope"}), 403,
                 "bad_token")


def test_ingest_refuses_oversized_bodies(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = {**ARTICLE, "text": "word " * 2000}
    assert_error(writer.post("/api/articles", json=big, headers=auth), 413, "too_large")

    def chunks():  # no Content-Length: the limit holds while streaming
        for _ in range(10):
            yield b" " * 1000
    assert_error(writer.post("/api/articles", content=chunks(), headers=auth), 413, "too_large")


def test_ingest_validates_the_body(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "content-type": "application/json"}
    assert_error(writer.post("/api/articles", content=b"{not json", headers=auth), 400, "bad_json")
    assert_error(writer.post("/api/articles", json={"title": "no text"}, headers=auth), 422, "invalid_request")
    assert_error(writer.post("/api/articles", json={"articles": []}, headers=auth), 422, "invalid_request")


@pytest.mark.slow
def test_ingest_stores_the_article_and_is_idempotent(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = writer.post("/api/articles", json=ARTICLE, headers=auth)
    assert first.status_code == 201, first.text
    result = first.json()
    assert result["added"] == 1 and result["failed"] == [] and len(result["articles"]) == 1
    stored = writer.get(f"/api/articles/{result['articles'][0]}").json()
    assert stored["title"] == "Kallas in Tallinn" and stored["outlet"] == "Test Wire"
    again = writer.post("/api/articles", json={"articles": [ARTICLE]}, headers=auth)
    assert again.status_code == 200 and again.json()["unchanged"] == 1
    assert again.json()["articles"] == result["articles"]


# -- canonical entities (m003_entities) -----------------------------------------
def test_canonical_entities_with_aliases_roles_and_linked_mentions(client: TestClient) -> None:
    listed = client.get("/api/entities?type=PERSON").json()["items"]
    assert all(x["canonical"] for x in listed)
    e = client.get("/api/entities/person:jens-stoltenberg?per_page=100").json()
    assert e["canonical"] and "Stoltenberg" in e["aliases"] and "Jens Stoltenberg" not in e["aliases"]
    assert any(r["title"] == "Secretary General" and r["org"] == "NATO" for r in e["roles"])
    assert {q["speaker_id"] for q in e["quotes"]["items"]} == {e["id"]}
    assert "Stoltenberg" in {m["text"] for m in e["mentions"]["items"]}
    article = client.get(f"/api/articles/{e['mentions']['items'][0]['article_id']}").json()
    linked = [m for m in article["mentions"] if m["entity_id"] == e["id"]]
    assert linked and {m["entity"] for m in linked} == {"Jens Stoltenberg"} and {m["person_id"] for m in linked} \
        == {e["id"]}


def test_a_name_as_written_resolves_to_its_entity(client: TestClient) -> None:
    assert client.get("/api/entities/PERSON:Stoltenberg").json()["id"] == "person:jens-stoltenberg"
    page = client.get("/people/PERSON:Stoltenberg", follow_redirects=False)
    assert page.status_code == 307 and page.headers["location"] == "/people/person%3Ajens-stoltenberg"
    text = client.get("/people/person:jens-stoltenberg").text
    assert "Secretary General" in text and "also written" in text and "name as written" not in text
