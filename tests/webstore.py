"""The store the web tests share: the bundled examples/ plus an article full of XSS payloads.

Built once per test session (spaCy takes a few seconds) and only read afterwards.
"""

from __future__ import annotations

import json
import tempfile
from functools import cache
from pathlib import Path

from storyline import Store, ingest

ROOT = Path(__file__).resolve().parents[1]

#: Script and handler payloads in the body and in a quotation of a scraped article.
XSS_BODY = """Stoltenberg warns about markup in scraped pages

BRUSSELS, May 2, 2024 - NATO Secretary General Jens Stoltenberg said on Thursday that the allies must keep \
scraped text inert, even when it carries <img src=x onerror=alert(1)> inside a sentence.

"We will not accept <script>alert('xss')</script> in our newsrooms," Stoltenberg told reporters in Brussels.

The Polish President Andrzej Duda said that the <a href="javascript:alert(1)">link</a> was "a trick by people \
who write <b onmouseover=alert(1)>bold</b> markup".
"""
#: Payloads in the title, the outlet and the URL (a ``javascript:`` link must never become a link).
XSS_RECORD = {
    "id": "xss-record", "url": "javascript:alert(1)", "date": "2024-05-03", "outlet": "Evil <i>Outlet</i>",
    "title": "<script>alert(1)</script> Duda answers <img src=x onerror=alert(1)>",
    "text": "Polish President Andrzej Duda said on Friday that the allies \"will never run what strangers write\".\n\n"
            "The NATO chief Jens Stoltenberg agreed with Duda in Warsaw.",
}
XSS_TITLE = XSS_RECORD["title"]


@cache
def example_store() -> str:
    """Path of the shared store (examples + XSS articles), built on first use."""
    tmp = Path(tempfile.mkdtemp(prefix="storyline-web-"))
    extra = tmp / "xss"
    extra.mkdir()
    (extra / "xss.txt").write_text(XSS_BODY, encoding="utf-8")
    (extra / "xss.jsonl").write_text(json.dumps(XSS_RECORD) + "\n", encoding="utf-8")
    db = tmp / "web.db"
    with Store(db) as store:
        report = ingest([str(ROOT / "examples"), str(extra)], store)
        assert report.failed == 0, report.failures
    return str(db)


def xss_article_ids(db: str) -> tuple[str, str]:
    """(id of the article with payloads in its body, id of the one with payloads in its title)."""
    with Store(db, readonly=True) as store:
        body = store.db.execute("SELECT id FROM articles WHERE text LIKE '%onmouseover%'").fetchone()[0]
        title = store.db.execute("SELECT id FROM articles WHERE title LIKE '<script>%'").fetchone()[0]
    return body, title
