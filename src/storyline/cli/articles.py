"""`storyline articles`"""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from storyline.cli._app import DbOption, app, console, open_store


@app.command("articles")
def articles_cli(
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Rows to show.")] = 50,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Rows to skip.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line instead of a table.")] = False,
) -> None:
    """List stored articles: id, date, outlet, title, language, words."""
    with open_store(db) as store:
        rows = store.list_articles(limit=limit, offset=offset)
        total = store.stats()["articles"]
    if as_json:
        for r in rows:
            row = {k: r[k] for k in ("id", "published", "outlet", "title", "language", "words", "source")}
            row["published_inferred"] = bool(r["published_inferred"])
            console.out(json.dumps(row, ensure_ascii=False), highlight=False)
        return
    if not rows:
        console.print("The store holds no articles yet: run `storyline ingest FOLDER`.", markup=False)
        return
    table = Table(title=f"articles {offset + 1}–{offset + len(rows)} of {total}")
    for col in ("id", "date", "outlet", "title", "lang", "words"):
        table.add_column(col, no_wrap=col in ("id", "date"), justify="right" if col == "words" else "left")
    for r in rows:
        date = (r["published"] or "–") + ("?" if r["published_inferred"] else "")
        title = r["title"] or f"[dim]{(r['lead'] or '').splitlines()[0][:70]}…[/dim]"
        table.add_row(r["id"], date, r["outlet"] or "–", title, r["language"] or "–", str(r["words"]))
    console.print(table)
