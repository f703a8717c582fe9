"""Screenshots of every page for the README: `python docs/screenshots.py [--db PATH]`.

Serves the store (by default a fresh one built from the bundled examples/) on a free
local port, opens each page in Debian's Chromium (headless, through Playwright) at
desktop width and one at phone width, and writes PNGs to docs/screenshots/.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from storyline import Store, ingest
from storyline.web import create_app
from storyline.web.server import serve_in_background

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pages(db: str) -> list[tuple[str, str, str | None]]:
    """(file name, path, element to scroll to) for each page, picking real ids from the store."""
    with Store(db, readonly=True) as store:
        art = store.db.execute("SELECT q.article_id, q.id FROM quotes q GROUP BY q.article_id"
                               " ORDER BY count(*) DESC LIMIT 1").fetchone()
        story = store.db.execute("SELECT id FROM stories ORDER BY articles DESC, id LIMIT 1").fetchone()[0]
        speaker = store.db.execute("SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker"
                                   " ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        statement = store.db.execute(  # the one carried by the most outlets
            "SELECT sq.statement_id FROM statement_quotes sq JOIN quotes q ON q.id = sq.quote_id"
            " JOIN articles a ON a.id = q.article_id GROUP BY sq.statement_id"
            " ORDER BY count(DISTINCT a.outlet) DESC, count(*) DESC, sq.statement_id LIMIT 1").fetchone()[0]
    return [
        ("home", "/", None),
        ("search", "/?q=drone*", None),
        ("quotes", "/quotes", None),
        ("statements", "/quotes?group=statement", None),
        ("statement", f"/statements/{statement}", None),
        ("person", "/people/" + f"PERSON:{speaker}".replace(" ", "%20"), None),
        ("people", "/people?type=PERSON", None),
        ("article", f"/articles/{art[0]}#q-{art[1]}", None),
        ("articles", "/articles", None),
        ("stories", "/stories", None),
        ("story", f"/stories/{story}", None),
        ("timeline", "/timeline?person=Nauseda", None),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="store to show (default: the examples, ingested into a temporary store)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if not db:
            os.chdir(tmp)  # the footer shows the store's path: a plain name, not a temporary folder
            db = "storyline.db"
            with Store(db) as store:
                ingest([str(ROOT / "examples")], store)
        OUT.mkdir(parents=True, exist_ok=True)
        with serve_in_background(create_app(db)) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            desk = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path, _ in pages(db):
                desk.goto(base + path)
                desk.screenshot(path=str(OUT / f"{name}.png"), full_page=name not in {"quotes", "person", "article"})
                print(f"docs/screenshots/{name}.png")
            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
            phone.goto(base + pages(db)[5][1].split("#")[0])
            phone.screenshot(path=str(OUT / "article-phone.png"))
            print("docs/screenshots/article-phone.png")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
