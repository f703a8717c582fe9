"""`storyline articles`"""

from __future__ import annotations

from typing import Annotated

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from storyline.cli._app import DbOption, app, console, open_store, print_json_line


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
            row = {k: r[k] for k in ("id", "published", "published_estimate", "outlet", "title", "language", "words",
                                     "source")}
            row["published_inferred"] = bool(r["published_inferred"])
            print_json_line(row)
        return
    if not rows:
        console.print("The store holds no articles yet: run `storyline ingest FOLDER`.", markup=False)
        return
    # a short id prefix is enough for `storyline show` and leaves room for the title
    title_width = max(20, console.width - 60)
    table = Table(title=f"articles {offset + 1}–{offset + len(rows)} of {total}", box=box.SIMPLE_HEAD,
                  caption="ids are prefixes: `storyline show ID` accepts them; --json prints full ids")
    table.add_column("id", no_wrap=True, min_width=10)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("outlet", no_wrap=True)
    table.add_column("title", no_wrap=True)
    table.add_column("lang", no_wrap=True, min_width=4)
    table.add_column("words", no_wrap=True, justify="right", min_width=5)
    for r in rows:
        date = (r["published"] or (f"~{r['published_estimate']}" if r["published_estimate"] else "–")) + (
            "?" if r["published_inferred"] else "")
        title = r["title"] or (r["lead"] or "").splitlines()[0]
        table.add_row(r["id"][:10], date, escape(_cut(r["outlet"] or "–", 14)), escape(_cut(title, title_width)),
                      r["language"] or "–", str(r["words"]))
    console.print(table)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
